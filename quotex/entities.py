"""People, organizations and places named in an article, with mention counts.

Entity spans come from the NER. Persons are merged with the speakers that coref
found (a surname alone counts for the full name); organizations and locations are
merged by their normalized form.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache

from quotex import lexicon
from quotex.coref import People, name_key, original
from quotex.cues import COPULA_STEM, COPULAS, verb_stem
from quotex.lexicon import ZWNJ
from quotex.model import Entity
from quotex.nlp import Analysis, Word
from quotex.segment import COMMAS
from quotex.speakers import (
    OPENING_QUOTES,
    PUNCTUATION,
    QUOTE_PAIRS,
    REPORTER_DESK_WORDS,
    adjective_of,
    drop_honorifics,
    ends_name,
    ends_subject,
    is_demonym,
    is_given_name,
    is_org_head,
    is_plural,
    is_title_head,
    match_entry,
    name_end_before_title,
    names_a_group,
    names_no_person,
    only_a_title,
    opens_a_second_name,
    organization_at,
    place_at,
    plausible_name,
    subject_words,
    title_place_end,
)
from quotex.statements import ra_ahead

# light verbs whose preverb is no part of a title before them (`منصوب شد`); the copula
# of belief cues is none: `گلر فوق‌العاده‌ای است` keeps its predicate
LIGHT_VERBS = frozenset(v for _, v in lexicon.cue_lexicon().compounds) - {COPULA_STEM}
# Plural endings of a people's name (`ایرانیان`, `آمریکاییها`).
DEMONYM_PLURALS = ("ان", "ها", "های")
# How far after a name `به عنوان TITLE` may start (`X امروز رسما به عنوان ...`).
AS_REACH = 6
ORGANIZATION_TYPES = ("ORG",)
# What ends an outlet's name after a byline opening, and its longest name.
OUTLET_ENDS = COMMAS | {":", "-", "–", "—", "از", "به", "در", "و", "«", "»"}
OUTLET_MAX_WORDS = 4
LOCATION_TYPES = ("LOC",)
CLOSING_QUOTES = frozenset(QUOTE_PAIRS.values())
# Quote marks around a name (`به گزارش “ورزش سه”،`).
NAME_QUOTES = OPENING_QUOTES | CLOSING_QUOTES
MINISTER_WORDS = frozenset({"وزیر", "وزرای", "وزیران"})
# How far before a place an organization word may stand (`ستاد انتخابات شهرستان تهران`).
ORG_TO_PLACE = 4


def entity_spans(analysis: Analysis) -> Iterator[tuple[str, list[Word]]]:
    """(type, words) for each NER span."""
    current: list[Word] = []
    current_type = ""
    for word in analysis.words:
        continues = (
            word.entity
            and word.entity == current_type
            and not word.entity_begin
            and current
            and current[-1].sentence == word.sentence
        )
        if continues:
            current.append(word)
            continue
        if current:
            yield current_type, current
        current, current_type = ([word], word.entity) if word.entity else ([], "")
    if current:
        yield current_type, current


def add_person_entities(
    analysis: Analysis, people: People, not_persons: list[list[Word]],
    cue_spans: list[tuple[int, int]],
) -> None:
    """Note every person span the NER found, creating persons for new names.

    Full names go first, so that a surname alone counts for its full name; a first
    name just before a span joins it (`روح‌الله [خلج قاسم‌آبادی]`). A span inside one
    of `not_persons` (gazetteer places, named outlets: `آژانس [پرنسا لاتینا]`) is no
    person. `cue_spans`: the (start, end) offsets of the statements' cues.
    """
    named = {w.index for span in not_persons for w in span}
    spans = []
    for words in _person_spans(analysis):
        if not all(w.index in named for w in words) and not names_no_person(
            analysis.words, words[0].index, words[-1].index,
            analysis.sentence_of(words[0]).first,
        ):
            words = words[: next((i for i in range(1, len(words)) if ends_name(words, i)),
                                 len(words))]
            words = _without_nationality(words)
            limit = analysis.sentence_of(words[0]).last + 1
            end = name_end_before_title(analysis.words, words[0].index, words[-1].index, limit)
            words = analysis.words[words[0].index : end + 1]
            words = drop_honorifics(_with_first_name(analysis, words), [])
            if plausible_name([w.text for w in words]) and not only_a_title(words):
                spans.append(words)
    spans = [_without_trailing_nouns(words, spans) for words in spans]
    for words in sorted(spans, key=len, reverse=True):
        name = original(analysis, words)
        record = people.by_name(name) or people.add(name)
        record.mentioned_at.add(words[0].start)
        record.add_title(original(analysis, _title_after(analysis, words, cue_spans)))


def _person_spans(analysis: Analysis) -> Iterator[list[Word]]:
    """The NER's person spans, two names it ran together (`[محسن رضایی علی لاریجانی]`
    in a headline) as two spans."""
    for entity, words in entity_spans(analysis):
        if entity != "PER":
            continue
        cuts = [i for i in range(1, len(words)) if opens_a_second_name(words, i)]
        for start, end in zip([0, *cuts], [*cuts, len(words)], strict=True):
            yield words[start:end]


def _without_trailing_nouns(words: list[Word], spans: list[list[Word]]) -> list[Word]:
    """`[حداد عادل نامه]`, `[انصاری هشدار دیگر]`: the tail of a name found elsewhere
    and common nouns after it, which the NER ran on into; the nouns go."""
    texts = [w.text for w in words]
    names = [[w.text for w in span] for span in spans if span is not words]
    nominal = lexicon.nominal_stems()
    for length in range(len(texts) - 1, 0, -1):
        known = any(len(n) > length and n[-length:] == texts[:length] for n in names)
        if known and all(t in nominal for t in texts[length:]):
            return words[:length]
    return words


def _title_after(
    analysis: Analysis, name: list[Word], cue_spans: list[tuple[int, int]]
) -> list[Word]:
    """The title written right after a name (`اصغر جهانگیر، سخنگوی قوه قضاییه`), or
    given to it before the verb (`ریچی امروز به عنوان سرمربی تیم ملی معرفی شد`)."""
    sentence = analysis.sentence_of(name[-1])
    start = name[-1].index + 1
    if start <= sentence.last and analysis.words[start].text in CLOSING_QUOTES:
        start += 1  # `«آنگلا مرکل» صدراعظم آلمان`
    comma_after_name = start <= sentence.last and analysis.words[start].text in COMMAS
    if comma_after_name:
        start += 1
    appointed = _after_as(analysis, start, sentence.last)
    if appointed is not None:
        start = appointed
    verb = next(
        (w for w in analysis.words[start : sentence.last + 1]
         if verb_stem(w.text) is not None or w.upos in ("VERB", "AUX") or w.text in COPULAS),
        None,
    )
    end = sentence.last + 1 if verb is None else verb.index
    if verb is not None and verb_stem(verb.text) in LIGHT_VERBS:
        end -= 1  # the preverb of `برگزار شد`, `منصوب شد` is no part of a title
    phrase = subject_words(analysis, start, end)
    if not phrase or not is_title_head(phrase, 0) or names_a_group(phrase, 0):
        return []  # `احمدی [اعضای ستاد] را ...`: a group is the object, no title
    if verb is not None and verb.text in COPULAS and phrase[-1].index == verb.index - 1:
        return []  # `تیبو گلر فوق‌العاده‌ای است`: what the person is, said of them
    if (place_end := title_place_end(phrase)) is not None and (
        ra_ahead(analysis, phrase, end) or not _a_name_alone(phrase[place_end:])
    ):
        # `شهردار منطقه 20 تهران [تعداد سراها] ... را`, `رئیس جمهوری آمریکا [بزرگ‌ترین
        # عملیات ...] محسوب می‌شود`: words after the place are the object or predicate;
        # not a club's name (`سرمربی آلمانی لیورپول`)
        phrase = phrase[:place_end]
    cut = next((i for i, w in enumerate(phrase) if w.text in COMMAS), len(phrase))
    if comma_after_name and cut == len(phrase) and verb is not None and (
        any(start <= verb.start < end for start, end in cue_spans)
        and _fronted_meeting_with(analysis, name)
    ):
        return []  # `در دیدار با X، [وزیر امور خارجه] گفت`: the title is the subject's
    return phrase[:cut]


def _fronted_meeting_with(analysis: Analysis, name: list[Word]) -> bool:
    """Whether the name is the object of a sentence-opening prepositional phrase
    (`در دیدار با [X]، وزیر امور خارجه گفت`): with a cue after the title, the comma
    closes the phrase and the title is the speaker's. `با X، سرمربی تیم ملی گفت‌وگو کرد`
    (no cue) and `با X مدیر مسئول روزنامه Y` (no comma) keep X's title."""
    words = analysis.words
    sentence = analysis.sentence_of(name[0])
    before = name[0].index - 1
    while before > sentence.first and (
        words[before].text in OPENING_QUOTES or match_entry(words, before, "honorifics")
    ):
        before -= 1  # `با دکتر X`, `با «X»`
    return (
        before >= sentence.first
        and words[before].text in lexicon.words_of("prepositions")
        and words[sentence.first].text in lexicon.words_of("prepositions")
        and not any(w.text in COMMAS for w in words[sentence.first : name[0].index])
    )


def _a_name_alone(words: list[Word]) -> bool:
    """One word that names something: tagged by the NER, a known organization, or no
    common noun (`لیورپول`, `بارسلونا`)."""
    return len(words) == 1 and (
        bool(words[0].entity) or organization_at(words, 0) > 0
        or words[0].text not in lexicon.nominal_stems()
    )


def _after_as(analysis: Analysis, start: int, last: int) -> int | None:
    """Index after `به عنوان` when it comes within a few words and before any verb."""
    words = analysis.words
    for i in range(start, min(last, start + AS_REACH)):
        if verb_stem(words[i].text) is not None or words[i].upos in ("VERB", "AUX") or (
            words[i].entity == "PER"  # `X در خصوص انتصاب [Y] به عنوان TITLE`: Y's title
        ):
            return None
        if words[i].text == "به" and words[i + 1].text.replace(ZWNJ, "") == "عنوان":
            return i + 2
    return None


def _without_nationality(words: list[Word]) -> list[Word]:
    """`[سادولایف روس]`, `[دیوید تیلور آمریکایی]`: a nationality after a name is no part
    of it, unless only a first name would be left (`علی ایرانی` is a full name). Only
    countries count: adjectives of Iranian places are common surnames (`شبستری`)."""
    if len(words) < 2 or not (
        words[-1].text in lexicon.words_of("nationalities") or is_demonym(words[-1].text)
    ):
        return words
    rest = words[:-1]
    if len(rest) == 1 and rest[0].text in lexicon.first_names():
        return words
    return rest


def _with_first_name(analysis: Analysis, words: list[Word]) -> list[Word]:
    before = words[0].index - 1
    if before >= 0 and analysis.words[before].sentence == words[0].sentence and (
        analysis.words[before].text in lexicon.first_names()
    ):
        return [analysis.words[before], *words]
    return words


def _with_organization_head(analysis: Analysis, words: list[Word]) -> list[Word]:
    """The organization word the NER left off before its span (`نیروی [انتظامی]`,
    `فرماندهی [انتظامی استان]`)."""
    before = words[0].index - 1
    if before >= 0 and analysis.words[before].sentence == words[0].sentence and not (
        analysis.words[before].entity
    ) and is_org_head(analysis.words, before) and not is_org_head(words, 0):
        return [analysis.words[before], *words]
    return words


def named_entities(
    analysis: Analysis, types: tuple[str, ...], extra: list[list[Word]] = (),
    drop_common_words: bool = False, drop_places: bool = False,
    person_names: frozenset[str] = frozenset(),
) -> list[Entity]:
    """Entities of `types` from the NER, plus `extra` spans found by rule.

    With `drop_common_words`, a one-word NER span that is a common noun (`روستا`,
    `آبان`) is dropped unless a rule found it too: a weak model tags such words as
    places, while one-word organizations (`مجلس`, `شهرداری`) are often real. With
    `drop_places`, an NER span that is a gazetteer place or its adjective (`ایران`,
    `آمریکایی`) is dropped: the model tags states as organizations now and then.
    A span whose key (`name_key`) is in `person_names` names a person, not one of these.
    """
    by_key: dict[str, Entity] = {}
    ruled = {tuple(w.index for w in words) for words in extra}
    spans = [
        words for entity, words in entity_spans(analysis)
        if entity in types and (
            not drop_common_words or len(words) > 1
            or words[0].text not in lexicon.nominal_stems()
            or (words[0].index,) in ruled
        ) and not (drop_places and _place_or_its_adjective(words))
    ]
    if "ORG" in types:
        spans = [_with_organization_head(analysis, words) for words in spans
                 if not _ministry_of_a_title(analysis, words)]
    spans = _with_ruled_spans(spans, extra)
    bare_keys: dict[str, str] = {}
    for words in spans:
        name = original(analysis, words)
        key = name_key(name)
        if key in person_names:
            continue
        if key not in by_key:
            by_key[key] = Entity(name=name)
            if "ORG" in types and (bare := _without_organization_head(words)):
                bare_keys[key] = name_key(original(analysis, bare))
        by_key[key].mentions += 1
    return _with_aliases_merged(by_key, bare_keys)


def _with_ruled_spans(spans: list[list[Word]], extra: list[list[Word]]) -> list[list[Word]]:
    """`spans` with each `extra` span added, in order, where it is new or longer than the
    spans it overlaps (`[سیستان] و بلوچستان`), which it replaces. Overlaps are looked up
    by word, so that an article with thousands of entities costs no pass per span."""
    kept = dict(enumerate(spans))  # insertion order is the order of the result
    at_word: dict[int, set[int]] = {}
    for number, words in kept.items():
        for word in words:
            at_word.setdefault(word.index, set()).add(number)
    for number, words in enumerate(extra, len(spans)):
        indexes = {w.index for w in words}
        overlapping = {n for i in indexes for n in at_word.get(i, ())}
        if all({w.index for w in kept[n]} < indexes for n in overlapping):
            for n in overlapping:
                for word in kept.pop(n):
                    at_word[word.index].discard(n)
            kept[number] = words
            for i in indexes:
                at_word.setdefault(i, set()).add(number)
    return list(kept.values())


def _without_organization_head(words: list[Word]) -> list[Word]:
    """`[تیم فوتبال] سپاهان`, `[خبرگزاری] فارس`: the name without its generic heads
    ([name_heads]; `وزارت نفت` keeps its head); [] when nothing else is left or there
    is no head."""
    start = 0
    while start < len(words) and (length := match_entry(words, start, "name_heads")):
        start += length
    return words[start:] if 0 < start < len(words) else []


def _with_aliases_merged(by_key: dict[str, Entity], bare_keys: dict[str, str]) -> list[Entity]:
    """One entry per organization: a name with a generic head (`تیم سپاهان`, `باشگاه
    سپاهان`, `خبرگزاری فارس`) joins the bare name when the text uses that too (`سپاهان`,
    `فارس`), under the form the text uses most (`سپاهان`), the fullest of equals."""
    groups: dict[str, list[Entity]] = {}
    for key, entity in by_key.items():
        bare = bare_keys.get(key)
        groups.setdefault(bare if bare in by_key else key, []).append(entity)
    merged = []
    for members in groups.values():
        best = max(members, key=lambda entity: (entity.mentions, len(entity.name)))
        merged.append(Entity(best.name, sum(entity.mentions for entity in members)))
    return merged


def _ministry_of_a_title(analysis: Analysis, words: list[Word]) -> bool:
    """`وزیر [خارجه آمریکا]`, `وزیر [کشور]`: the rest of a minister's title, tagged as
    an organization without `وزارت`. Other heads keep theirs: `مدیرکل [تأمین اجتماعی]`
    names an organization known without its head word."""
    before = words[0].index - 1
    return before >= 0 and analysis.words[before].text in MINISTER_WORDS and (
        words[0].text in lexicon.nominal_stems()
    ) and not is_org_head(words, 0)


def _place_or_its_adjective(words: list[Word]) -> bool:
    """`ایران`, `سیستان و بلوچستان`, `آمریکایی`, `ایرانی‌ها`."""
    places = _place_keys()
    key = tuple(" ".join(w.text for w in words).replace(ZWNJ, " ").split())
    if key in places:
        return True
    if len(key) > 2 or (len(key) == 2 and key[1] not in ("ها", "های")):
        return False

    def is_place(name: str) -> bool:
        return (name,) in places

    # also its people, the plural written on (`ایرانیان`, `آمریکایی‌ها` without its ZWNJ)
    return adjective_of(key[0], is_place) or any(
        key[0].endswith(plural) and adjective_of(key[0][: -len(plural)], is_place)
        for plural in DEMONYM_PLURALS
    )


@cache
def _place_keys() -> frozenset[tuple[str, ...]]:
    return frozenset(lexicon.place_names())


def outlets_in_bylines(analysis: Analysis) -> list[list[Word]]:
    """The outlets a sentence opens with (`به گزارش [خبرگزاری فارس] از قم،`, `به گزارش
    [ورزش سه]،`), and those it quotes before its first comma (`... به نقل از [پایگاه
    خبری وزارت بهداشت]،`): organizations the text names."""
    found = []
    for sent in analysis.sentences:
        if not match_entry(analysis.words, sent.first, "bylines"):
            continue
        i = sent.first
        while i <= sent.last and analysis.words[i].text not in COMMAS:
            opener = match_entry(analysis.words, i, "bylines")
            if not opener:
                i += 1
                continue
            outlet = _outlet_after(analysis, i + opener, sent.last)
            if outlet:
                found.append(outlet)
            i += opener + len(outlet)
    return found


def _outlet_after(analysis: Analysis, start: int, last: int) -> list[Word]:
    """The outlet named at words[start:], or [] for a reporter (`به گزارش [خبرنگار ما]`),
    a person or an official (`به نقل از [وزیر کشور]`)."""
    outlet: list[Word] = []
    for word in analysis.words[start : last + 1]:
        if word.text in OUTLET_ENDS or len(outlet) == OUTLET_MAX_WORDS:
            break
        if outlet and (word.entity == "PER" or word.text in lexicon.first_names()):
            break  # `به گزارش [ایسنا] علی ربیعی سخنگوی دولت گفت`: no comma after it
        outlet.append(word)
    if not outlet or any(w.entity == "PER" for w in outlet) or is_title_head(outlet, 0) or (
        outlet[0].text in lexicon.words_of("credit_lines")
    ):
        return []
    return outlet


def named_outlets(analysis: Analysis) -> list[list[Word]]:
    """Outlets named after what they are, by a name the NER tagged as anything
    (`آژانس [پرنسا لاتینا]`, `شبکه [الجزیره]`): the head and that name. A plural head
    (`روزنامه‌ها`) names none."""
    words = analysis.words
    spans = {span[0].index: span for _, span in entity_spans(analysis)}
    found = []
    for i in range(len(words)):
        head = match_entry(words, i, "media_heads")
        name = spans.get(i + head) if head and not is_plural(words, i) else None
        if name is None or name[0].sentence != words[i].sentence or (
            name[0].text in lexicon.first_names() or _in_a_title(analysis, i)
        ):
            continue  # `گوینده رادیو [علی رضایی]`: a person with a title
        found.append(words[i : name[-1].index + 1])
    return found


def outlets_named_like_people(analysis: Analysis) -> list[list[Word]]:
    """Outlets the NER took for persons where only an outlet stands: a byline's source
    before its comma (`به گزارش [منیبان]،`) and a reporter's outlet (`با خبرنگار
    [پانا]`). A span opened by a given name may be a reporter's own name (`به گزارش
    [مریم احمدی]، ...`) and stays a person."""
    words = analysis.words
    found = []
    for entity, span in entity_spans(analysis):
        if entity != "PER" or is_given_name(span[0].text):
            continue
        sentence = analysis.sentence_of(span[0])
        before = span[0].index - 1
        while before >= sentence.first and words[before].text in NAME_QUOTES:
            before -= 1
        after = span[-1].index + 1
        while after <= sentence.last and words[after].text in NAME_QUOTES:
            after += 1
        reporter = before >= sentence.first and words[before].text in lexicon.words_of(
            "reporters")
        opener = match_entry(words, sentence.first, "publisher_bylines")
        byline = opener > 0 and opener == before + 1 - sentence.first
        if reporter or (byline and after <= sentence.last and words[after].text in COMMAS):
            found.append(span)
    return found


def _in_a_title(analysis: Analysis, i: int) -> bool:
    """Whether words[i] continues a title (`[گوینده] رادیو`, `بازیگر سینما [و] تلویزیون`)."""
    words = analysis.words
    before = i - 1
    return before >= analysis.sentence_of(words[i]).first and (
        is_title_head(words, before) or words[before].text in lexicon.words_of("conjunctions")
    )


# The article's own outlet is named in its first sentences: headline, lead, byline.
OUTLET_SENTENCES = 4


def article_outlet(analysis: Analysis, reporters_outlets: list[list[Word]]) -> str | None:
    """The outlet the article names as its own near its top: the first `به گزارش X`
    (`به گزارش [خبرگزاری فارس] از قم`) or reporter's outlet (`در گفت‌وگو با خبرنگار
    [فارس]`) of its first sentences; not an outlet it quotes (`به نقل از X`). None when
    it names none. `reporters_outlets`: what `outlets_of_reporters` found in it."""
    top = analysis.sentences[:OUTLET_SENTENCES]
    if not top:
        return None
    found = [span for span in reporters_outlets if span[0].index <= top[-1].last]
    for sent in top:
        opener = match_entry(analysis.words, sent.first, "publisher_bylines")
        if opener and (outlet := _outlet_after(analysis, sent.first + opener, sent.last)):
            found.append(outlet)
    if not found:
        return None
    first = min(found, key=lambda span: span[0].index)
    if match_entry(first, 0, "outlet_desks"):
        heads = [i for i in range(len(first)) if match_entry(first, i, "media_heads")]
        first = first[heads[0]:] if heads else []
    if first and match_entry(first, 0, "media_heads") == len(first):
        return None  # a head with no name (`خبرگزاری` cut off)
    name = [w.text for w in first if w.text not in OPENING_QUOTES | CLOSING_QUOTES]
    return " ".join(name) or None


def outlets_of_reporters(analysis: Analysis) -> list[list[Word]]:
    """The outlet a reporter writes for (`به گزارش خبرنگار پارلمانی [فارس]`, `با خبرنگار
    [مهر]`): an agency's short name counts here even where it is a common word."""
    words = analysis.words
    reporters = lexicon.words_of("reporters")
    found = []
    for reporter in words:
        if reporter.text not in reporters:
            continue
        last = analysis.sentence_of(reporter).last
        outlet_reach = min(last, reporter.index + REPORTER_DESK_WORDS + 1)
        for i in range(reporter.index + 1, outlet_reach + 1):
            if length := match_entry(words, i, "reporter_outlets"):
                found.append(words[i : i + length])
                break
            if _breaks_a_name(words[i]) or words[i].entity == "PER":
                break  # a desk (`حوزه مجلس`) may be tagged, a person is no desk
    return found


def organizations_in_titles(titles: list[list[Word]]) -> list[list[Word]]:
    """The organization a title names: `سخنگوی سازمان ثبت اسناد` -> `سازمان ثبت اسناد`.

    It starts at the first organization head after the title head and runs to the
    end of the title's first comma part.
    """
    found = []
    for title in titles:
        for i in range(1, len(title)):
            if title[i].text in COMMAS:
                break
            if is_org_head(title, i):
                end = next((k for k in range(i, len(title)) if title[k].text in COMMAS),
                           len(title))
                unit = i + match_entry(title, i, "organization_heads")
                if unit < end and is_org_head(title, unit):
                    i = unit  # `روابط عمومی [اداره راه]`: the unit's organization
                found.append(title[i:end])
                break
    return found


def organizations_at_places(
    analysis: Analysis, gazetteer: list[list[Word]]
) -> list[list[Word]]:
    """An organization word and the place it serves, a few words apart with no break
    between (`دانشگاه ارومیه`, `شهرداری ماهشهر`, `ستاد انتخابات شهرستان تهران`)."""
    words = analysis.words
    found = []
    for place in gazetteer:
        first = analysis.sentence_of(place[0]).first
        for head in range(place[0].index - 1, max(first, place[0].index - ORG_TO_PLACE) - 1, -1):
            if _breaks_a_name(words[head]) or (
                is_title_head(words, head) and not is_org_head(words, head)
                and not (head > first and is_org_head(words, head - 1))
            ):
                break  # `تیم سپاهان [نماینده] ایران`: the place is the title's (not in
                # `هیئت مذاکره‌کننده ایران`, a title word right after the head)
            if is_org_head(words, head) and not is_title_head(words, head):
                if not is_plural(words, head):  # `تیم‌هایی مثل برزیل`: no one body
                    found.append(words[head : place[-1].index + 1])
                break
    return found


def _breaks_a_name(word: Word) -> bool:
    return word.text in PUNCTUATION or word.text.isdigit() or ends_subject(word) or (
        word.parsed and word.upos in ("VERB", "AUX", "ADP", "PRON", "SCONJ")
    ) or verb_stem(word.text) is not None


def places_in_text(analysis: Analysis, gazetteer: list[list[Word]]) -> list[list[Word]]:
    """The `gazetteer` places (`gazetteer_matches`) outside person names (inside an
    organization's name a place still counts: `استانداری تهران`)."""
    persons = [words for entity, words in entity_spans(analysis) if entity == "PER"]
    return [place for place in gazetteer if not _runs_past(place, persons)]


def _runs_past(place: list[Word], persons: list[list[Word]]) -> bool:
    """Whether a person span overlaps `place` and goes beyond it (a name with a place
    in it); one inside the place is an NER slip (`سیستان و [بلوچستان]`)."""
    first, last = place[0].index, place[-1].index
    return any(
        span[0].index <= last and span[-1].index >= first
        and (span[0].index < first or span[-1].index > last)
        for span in persons
    )


def gazetteer_matches(analysis: Analysis) -> list[list[Word]]:
    """Every gazetteer place (quotex/data/places.txt) in the text, longest first at each
    word; what `add_person_entities` and `places_in_text` read."""
    return _matches(analysis, place_at)


def known_organizations(analysis: Analysis) -> list[list[Word]]:
    """Every gazetteer organization (quotex/data/organizations.txt) in the text."""
    return _matches(analysis, organization_at)


def _matches(
    analysis: Analysis, length_at: Callable[[list[Word], int], int]
) -> list[list[Word]]:
    found = []
    i = 0
    while i < len(analysis.words):
        match = length_at(analysis.words, i)
        if match:
            found.append(analysis.words[i : i + match])
            i += match
        else:
            i += 1
    return found
