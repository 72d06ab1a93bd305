"""Turn the words that name a speaker into name, title, honorific and kind.

Persian news names a speaker as `NAME TITLE` (`حسین خوش اقبال معاون استاندار`),
`NAME، TITLE،`, `TITLE NAME`, `TITLE، NAME`, a title alone (`فرماندار تهران`), a
surname alone (`خوش اقبال`), a pronoun (`وی`) or an institution (`وزارت کشور`). The
NER's person spans decide where a name is when it found one; otherwise the title
lexicon (a title starts at a title head such as `معاون`) decides. Resolution of
pronouns, surnames and bare titles to one person is coref's job.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from quotex import lexicon
from quotex.gender import name_key
from quotex.lexicon import ZWNJ, speaker_words, words_of
from quotex.nlp import Analysis, Word
from quotex.segment import COMMAS

PUNCTUATION = frozenset("،,:؛;.!?«»\"'()[]-–—/")
# Opening quote mark -> its closing mark.
QUOTE_PAIRS = {"«": "»", '"': '"', "“": "”"}
OPENING_QUOTES = frozenset(QUOTE_PAIRS)
# An outlet's or organization's quoted name after its head word is short.
QUOTED_NAME_MAX_WORDS = 5
PLURAL_SUFFIXES = ("هایی", "های", "ها")
# Plural endings of a group of people (`محققان`, `کارشناس‌ها`), and the superlative.
GROUP_PLURALS = ("ان", "ها")
SUPERLATIVE = "ترین"
# The Arabic plural ending `ات` (`مقامات`): with a demonstrative, a group (`ین` is no
# sure plural: `این جانشین`, `این کارآفرین` are one person).
ARABIC_AT_PLURAL = "ات"
# Plural of agent nouns (`تامین‌کنندگان`, `تولیدکنندگان`): a group of people.
AGENT_PLURAL = "ندگان"
ARABIC_PLURAL = "ین"
# `دانشجویان`, `آقایان`: `ان` after a glide `ی` that follows a vowel letter.
GLIDE_PLURAL = "یان"
VOWEL_LETTERS = ("و", "ا")
# Every plural ending a noun of people may carry, ZWNJ-joined or not (`مدیران`,
# `کارشناس‌ها`, `مقامات`, `محققین`, `نمایندگان`): with a plural verb, such a head is
# a group (`سیاستمداران اروپایی گفتند`), whatever noun it is.
PEOPLE_PLURALS = ("ان", "ها", "های", "ات", "ین")
# Endings that make an adjective of a place (`ایرانی`, `آمریکایی`, `کره‌ای`).
# `شیلیایی` is `شیلی` + `ایی`, `آمریکایی` is `آمریکا` + `یی`.
DEMONYM_ENDINGS = ("ایی", "یی", "ای", "ی")
# What may follow a table entry inside one ZWNJ-joined word (`کارشناس‌ها`, `مدیرکل‌ای`):
# any other piece makes another word (`قاضی‌پور` is a surname, not `قاضی`).
ENTRY_SUFFIXES = frozenset({"ها", "های", "هایی", "هایش", "ای", "ی", "اش", "شان"})
# Numbers written as words, as they count an adverbial's times or days (`سه بار`).
NUMBER_WORDS = frozenset({"یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده",
                          "چند"})
# "One" opening an indefinite description (`یک استاد دانشگاه`, `یکی از کارشناسان`):
# one person, not a group.
INDEFINITE_ONE = frozenset({"یک", "یکی"})
# How many desk words may stand between a reporter and the outlet (`خبرنگار [حوزه
# مجلس] مهر`).
REPORTER_DESK_WORDS = 2
# Persian names run to four words at most (`محمدحسن رضایی خوش اقبال`).
MAX_NAME_WORDS = 4
# `در یک روز تابستانی`, `در این هفته`: the preposition and determiners of a time phrase.
TIME_PREPOSITION = "در"
TIME_DETERMINERS = frozenset({"یک", "این", "آن", "همین", "همان"})
# Two commas or more between short items make a list (an object, never a subject).
LIST_MIN_COMMAS = 2
LIST_ITEM_MAX_WORDS = 8
# How many words the NER may leave off the end of a name (`[علی اصغر] علی اکبری`).
MAX_NAME_GAP = 2
# How many words before a name a title may start and still run into it.
TITLE_REACH = 4
# The Arabic article that joins a given name's second word to its first (`جلال الدین`).
ARABIC_ARTICLE = "ال"
# Endings that make a surname of a first name (`احمدی`, `رضایی`).
SURNAME_ENDINGS = ("یی", "ی")


@dataclass
class Mention:
    """How one speaker is named at one place in the text."""

    words: list[Word]
    name_words: list[Word]
    title_words: list[Word]
    honorific: str | None = None
    kind: str = "person"  # person | organization
    pronoun: bool = False
    anonymous: bool = False
    group: bool = False  # an unnamed group of people (`کارشناسان`, `برخی نمایندگان`)

    @property
    def is_empty(self) -> bool:
        return not self.words


def _key(word: Word) -> str:
    return word.text.replace(ZWNJ, " ")


# Table entries as tuples of pieces (ZWNJ read as a space), grouped by their first
# piece and longest first: a lookup tries only the entries that can start at a word.
EntryIndex = dict[str, tuple[tuple[str, ...], ...]]


def _index(entries: Iterable[tuple[str, ...]]) -> EntryIndex:
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for entry in sorted(set(entries), key=len, reverse=True):
        grouped.setdefault(entry[0], []).append(entry)
    return {first: tuple(group) for first, group in grouped.items()}


@cache
def _multiword(section: str) -> EntryIndex:
    return _index(tuple(" ".join(e).replace(ZWNJ, " ").split()) for e in speaker_words()[section])


@cache
def _places() -> EntryIndex:
    return _index(lexicon.place_names())


@cache
def _organizations() -> EntryIndex:
    return _index(lexicon.organization_names())


def match_entry(words: Sequence[Word], start: int, section: str) -> int:
    """Length in words of the longest entry of `section` starting at words[start]."""
    return _longest_match(words, start, _multiword(section), ENTRY_SUFFIXES)


def place_at(words: Sequence[Word], start: int) -> int:
    """Length in words of the longest gazetteer place (quotex/data/places.txt) starting
    at words[start]; a place must end with its word (`ایرانی` is no `ایران`)."""
    return _longest_match(words, start, _places(), frozenset())


def organization_at(words: Sequence[Word], start: int) -> int:
    """Length in words of the longest gazetteer organization (quotex/data/
    organizations.txt) starting at words[start]."""
    return _longest_match(words, start, _organizations(), frozenset())


def _longest_match(
    words: Sequence[Word], start: int, index: EntryIndex, suffixes: frozenset[str]
) -> int:
    """The longest entry of `index` at words[start]; a match ends with a word or before
    one of `suffixes` inside it."""
    pieces = _key(words[start]).split() if start < len(words) else []
    candidates = index.get(pieces[0], ()) if pieces else ()
    if not candidates:
        return 0
    flat: list[str] = []
    owners: list[int] = []
    for i in range(start, min(len(words), start + 4)):
        for piece in _key(words[i]).split():
            flat.append(piece)
            owners.append(i)
    for entry in candidates:
        if tuple(flat[: len(entry)]) == entry:
            rest = len(entry)
            if rest < len(flat) and owners[rest] == owners[rest - 1] and (
                flat[rest] not in suffixes
            ):
                continue
            return owners[len(entry) - 1] - start + 1
    return 0


def byline_source_length(words: Sequence[Word], start: int, end: int) -> int:
    """How many words at words[start:end], right after a byline's opening, name the
    news source: an outlet's short name (`به گزارش [ایسنا]`), a reporter and their
    outlet (`[خبرنگار پارلمانی مهر]`, `[خبرنگار ما]`), an outlet's head and its name
    (`[خبرگزاری تسنیم]`, `[روزنامه «اعتماد»]`) or the NER's organization, with the
    place it reports from (`[ایرنا از تبریز]`). 0 when none is found, or when no
    person follows it (a name, a first name, a title, an honorific or a pronoun).

    Bylines often run on into the speaker with no comma (`به گزارش ایسنا علی ربیعی
    سخنگوی دولت گفت`): the speaker starts where the source ends."""
    length = _source_length(words, start, end)
    after = start + length
    if length and after + 1 < end and words[after].text == "از" and (
        place := _place_length(words, after + 1)
    ):
        length += 1 + place  # `به گزارش ایرنا از تبریز`
    return length if length and opens_a_person(words, start + length, end) else 0


def opens_a_person(words: Sequence[Word], i: int, end: int) -> bool:
    """Whether a person's phrase may start at words[i]: a tagged or first name, a
    pronoun, a title head or an honorific."""
    if i >= end:
        return False
    word = words[i]
    return word.entity == "PER" or word.text in lexicon.first_names() or (
        word.text in words_of("pronouns")) or is_title_head(words, i) or (
        match_entry(words, i, "honorifics") > 0)


def _source_length(words: Sequence[Word], start: int, end: int) -> int:
    if start >= end:
        return 0
    if words[start].text in words_of("reporters"):
        for i in range(start + 1, min(end, start + REPORTER_DESK_WORDS + 2)):
            if length := match_entry(words, i, "reporter_outlets"):
                return i + length - start  # `خبرنگار [حوزه مجلس] مهر`
            if words[i].text in words_of("speaker_pronouns"):
                return i + 1 - start  # `خبرنگار ما`
        return 0
    if length := match_entry(words, start, "reporter_outlets"):
        return length
    head = match_entry(words, start, "media_heads") or match_entry(words, start, "news_sources")
    name_start = start + head
    if name_start < end and words[name_start].text in OPENING_QUOTES:
        # `به گزارش «ورزش سه»`, `به گزارش روزنامه «اعتماد»`
        closing = quote_end(words, name_start, min(end, name_start + QUOTED_NAME_MAX_WORDS + 2))
        return closing + 1 - start if closing is not None else 0
    if head and name_start < end:
        name = match_entry(words, name_start, "reporter_outlets") or _tagged_length(
            words, name_start, end)
        return head + name if name else 0
    if words[start].entity == "ORG":
        return _tagged_length(words, start, end)
    return 0


def _tagged_length(words: Sequence[Word], start: int, end: int) -> int:
    """Length of the NER span (any kind but a person) starting at words[start]."""
    if words[start].entity in ("", "PER"):
        return 0
    length = 1
    while start + length < end and words[start + length].entity == words[start].entity and (
        not words[start + length].entity_begin
    ):
        length += 1
    return length


def is_title_head(words: Sequence[Word], i: int) -> bool:
    return match_entry(words, i, "title_heads") > 0


def ends_name(words: Sequence[Word], i: int) -> bool:
    """A title word, a cue's noun, a time word or a preposition is no part of a name,
    though the NER may tag it (`[محمد نوری کاپیتان]`, `[صدرزاده تاکید] کرد`, `[حمید
    ترابی چهارشنبه]`, `[بیژن مقانلو بعنوان]`), and nor is a word of address (`[محمدحسن
    جان]`), `دیگر` (`[نیکولاس آنلکا دیگر] بازیکن ...`) or a second person's first name
    (`[محسن رضایی علی لاریجانی]`)."""
    return is_title_head(words, i) or words[i].text in lexicon.cue_preverbs() or (
        ends_subject(words[i])) or words[i].text in words_of("vocatives") or (
        words[i].text in words_of("others")) or opens_a_second_name(words, i)


def opens_a_second_name(words: Sequence[Word], i: int) -> bool:
    """Whether words[i] opens a second person's name right after a full name, with no
    `و` or comma between, as headlines list them (`محسن رضایی [علی] لاریجانی`): a given
    name two words after another, a surname after it, and between them a word that is no
    given name (`علی اصغر علی اکبری` and `جلال الدین علی محمدی` are one person each)."""
    if i < 2 or i + 1 >= len(words):
        return False
    first, middle, word = words[i - 2], words[i - 1], words[i]
    return (
        is_given_name(first.text) and is_given_name(word.text)
        and middle.text not in PUNCTUATION and not is_given_name(middle.text)
        and not middle.text.startswith(ARABIC_ARTICLE)
        and (word.text in lexicon.first_names() or word.text not in lexicon.nominal_stems())
        and _name_like(words, i + 1)
    )


@cache
def is_given_name(text: str) -> bool:
    """A first name (`محمد`, `سجاد`), not a surname made of one with `ی` (`محمدی`,
    `رضایی`): the first-name lists hold surnames and common words too."""
    key = name_key(text)
    if text not in lexicon.first_names() and key not in lexicon.first_name_genders():
        return False
    return not any(
        key.endswith(ending) and key[: -len(ending)] in _first_name_keys()
        for ending in SURNAME_ENDINGS
    )


@cache
def _first_name_keys() -> frozenset[str]:
    return frozenset(name_key(name) for name in lexicon.first_names())


def names_no_person(words: Sequence[Word], start: int, end: int, first: int) -> bool:
    """Whether the person-looking words[start..end] name a place, a body or an outlet:
    one named after someone (`مدرسه شهید [رجایی]`, `ناو هواپیمابر [آبراهام لینکلن]`,
    `[پردیس رجایی] کرمانشاه`), or a news site (`[مرور نیوز]`). `first` is the first
    index the words before may be read from (the sentence's or the phrase's start)."""
    if end > start and match_entry(words, end, "media_tails") == 1:
        return True
    head_end = start - 1
    while head_end >= first and (
        words[head_end].text in words_of("named_after_modifiers")
        or words[head_end].text in OPENING_QUOTES
    ):
        head_end -= 1  # `ناو هواپیمابر «[آبراهام لینکلن]»`, `مدرسه شهید [رجایی]`
    head = next((h for h in range(max(first, head_end - 1), head_end + 1)
                 if match_entry(words, h, "named_after_heads") == head_end - h + 1), None)
    if head is not None:
        # `استاد دانشگاه [علی رضایی]`: a title's organization, then the person's name;
        # with a martyr's honorific or a kind between, a place (`مدرسه شهید [رجایی]`)
        return head_end < start - 1 or not (head > first and is_title_head(words, head - 1))
    length = match_entry(words, start, "named_after_heads")
    if not length or start + length > end:
        return False
    # the head opens the span (`[ناو هواپیمابر]`); one that is a first name too
    # (`پردیس`) names a place only with the place it is in after it, or as the body of
    # the title before it (`کارشناس امور فرهنگی [پردیس رجایی]`)
    return not is_given_name(words[start].text) or (
        end + 1 < len(words) and _place_length(words, end + 1) > 0
    ) or _title_runs_into(words, start, first)


def _title_runs_into(words: Sequence[Word], start: int, first: int) -> bool:
    """Whether a title runs on, with no comma, into words[start] (`[کارشناس] امور فرهنگی
    X`), within the few words a title's body takes."""
    for i in range(start - 1, max(first, start - TITLE_REACH) - 1, -1):
        if words[i].text in PUNCTUATION or words[i].entity or ends_subject(words[i]):
            return False
        if is_title_head(words, i):
            return True
    return False


def is_org_head(words: Sequence[Word], i: int) -> bool:
    return match_entry(words, i, "organization_heads") > 0


def _is_conjunction(word: Word) -> bool:
    return word.text in words_of("conjunctions")


def _trim(words: list[Word]) -> list[Word]:
    """Words without punctuation and `و` at either end; a closing quote mark stays
    when its opening one is inside (`روزنامه «اعتماد»`)."""
    while words and (words[0].text in PUNCTUATION or _is_conjunction(words[0])):
        words = words[1:]
    while words and (words[-1].text in PUNCTUATION or _is_conjunction(words[-1])):
        if any(QUOTE_PAIRS.get(w.text) == words[-1].text for w in words[:-1]):
            break
        words = words[:-1]
    return words


def ends_subject(word: Word) -> bool:
    """A preposition, time word or particle: the subject stops before it."""
    text = word.text.replace(ZWNJ, "")  # `چهار‌شنبه` is `چهارشنبه`
    return text in words_of("subject_stoppers") or text in words_of("time_words")


def after_time_adverbial(words: Sequence[Word], start: int, end: int) -> int:
    """Index after a time adverbial opening words[start:end] (`روز گذشته`, `بامداد
    جمعه`, `عصر روز ۲۵ آبان`), or `start` when none opens it."""
    i = start
    # `در [یک|این] روز ...`: a time adverbial with its preposition and determiner
    if i < end and words[i].text == TIME_PREPOSITION:
        j = i + 1 + (i + 1 < end and words[i + 1].text in TIME_DETERMINERS)
        if j < end and words[j].text in words_of("time_words"):
            i = j
    while i < end and words[i].text in words_of("time_words"):
        i += 1
        while i < end and (
            words[i].text in words_of("time_modifiers") or words[i].text.isdigit()
        ):
            i += 1
    if i > start and i < end and words[i].text in COMMAS:
        i += 1
    return i


def subject_words(
    analysis: Analysis, first: int, end: int, stop_at: int | None = None
) -> list[Word]:
    """The noun phrase at the start of analysis.words[first:end], up to a stopper.

    Commas stay inside (`NAME، TITLE،`), and so do numbers after the first word
    (`آزادکار وزن 70 کیلوگرم`) and an outlet's quoted name (`روزنامه «X»`); a
    preposition, time adverb, verb or `را` ends it.
    """
    out: list[Word] = []
    words = analysis.words
    i = first
    quoted_name_end: int | None = None  # the mark closing a quoted name (`«X» TITLE`)
    while i < end and (stop_at is None or i < stop_at):
        word = words[i]
        if i == quoted_name_end:
            i += 1
            continue
        continuation = match_entry(words, i, "title_continuations") if out else 0
        # a title head of several words may hold a stopper (`امام جمعه`)
        continuation = continuation or _longer_than_one(match_entry(words, i, "title_heads"))
        if continuation and i + continuation <= end:
            out.extend(words[i : i + continuation])
            i += continuation
            continue
        if word.text == "از" and out and out[-1].text in words_of("partitives"):
            out.append(word)  # `یکی از مرغداران گلستان`
            i += 1
            continue
        if not out and word.text in words_of("clause_openers"):
            i += 1
            continue  # `همچنین قاضی‌پور در ادامه ... گفت`
        if word.text in OPENING_QUOTES and not out:
            quoted_name_end = quote_end(words, i, min(end, i + QUOTED_NAME_MAX_WORDS + 2))
            i += 1
            continue  # `به گفته "ولید سلیمان"،`, `«آنگلا مرکل» صدراعظم آلمان`
        if word.text in OPENING_QUOTES and is_org_head(out, len(out) - 1):
            closing = quote_end(words, i, min(end, i + QUOTED_NAME_MAX_WORDS + 2))
            if closing is not None:  # `روزنامه «وال‌استریت ژورنال»`
                out.extend(words[i : closing + 1])
                i = closing + 1
                continue
        if ends_subject(word) or word.text in (":", "؛", "«", "»", '"'):
            break
        if out and _is_number(word) and i + 1 < end and (
            ends_subject(words[i + 1]) or words[i + 1].text in words_of("months")
        ):
            break  # an adverbial's number or a date (`X سه بار ...`, `X ۲۳ شهریور ...`)
        demonstrative_before = out and out[-1].text in words_of("demonstratives")
        if out and word.text in lexicon.cue_preverbs() and not demonstrative_before:
            break  # a cue's noun whose verb went missing (`X ادامه در پاسخ ... گفت`), but
            # not a noun after `این` (`این گزارش می‌افزاید`)
        if word.parsed and word.upos in ("VERB", "AUX", "SCONJ", "ADP") and out:
            break
        if word.text.isdigit() and not out:
            break
        out.append(word)
        i += 1
    return _trim(out)


def _is_number(word: Word) -> bool:
    return word.text.isdigit() or word.text in NUMBER_WORDS or (
        word.parsed and word.upos == "NUM")


def _longer_than_one(length: int) -> int:
    return length if length > 1 else 0


def quote_end(words: Sequence[Word], opening: int, end: int) -> int | None:
    """Index of the quote mark closing words[opening] before `end`, or None."""
    closer = QUOTE_PAIRS[words[opening].text]
    for i in range(opening + 1, end):
        if words[i].text == closer:
            return i
    return None


def _is_plural_noun(text: str) -> bool:
    """`مودیان`, `کارشناس‌ها`: a plural noun, with or without its ZWNJ."""
    bare = text.replace(ZWNJ, "")
    return len(bare) > 4 and bare.endswith(GROUP_PLURALS)


def is_plural(words: Sequence[Word], i: int) -> bool:
    """`صحبت‌های`, `تیم‌هایی`, `مراسم ها`: a plural written with its ZWNJ or its suffix
    apart (never part of a name, never one body)."""
    return _is_plural(words[i].text) or (
        i + 1 < len(words) and words[i + 1].text in PLURAL_SUFFIXES)


def _is_plural(text: str) -> bool:
    return any(text.endswith(ZWNJ + suffix) for suffix in PLURAL_SUFFIXES)


def _singular(text: str) -> str:
    """`مقام‌های` -> `مقام`: the plural suffix off, for the description tables."""
    for suffix in PLURAL_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            return text[: -len(suffix)].rstrip(ZWNJ)
    return text


def subject_before_object(words: list[Word]) -> list[Word]:
    """The subject of `words`, a phrase that runs on into the object before `را`:
    a pronoun (`وی [متمرکز شدن ...] را`), up to the last comma (`X، TITLE، [Y] را`) or
    the comma before a list, or a tagged name, place or body (`[X] [قانون جذب سرمایه]
    را`), or one word before an organization (`همتی [روابط عمومی] را`); else all of it."""
    if not words:
        return words
    if words[0].text in words_of("pronouns"):
        return words[:1]
    if words[0].text in words_of("demonstratives") and len(words) > 2:
        return words[:2]  # `این فرد [نام فیلم خود] را`
    if len(words) > 2 and is_org_head(words, 1) and not (
        is_title_head(words, 0) or is_org_head(words, 0) or _describes_someone(words)
    ):
        return words[:1]  # a surname, and the body it speaks of is the object
    # a tagged name, or a country or body that speaks (`[کره شمالی] [طرح آمریکا] را`)
    kind = words[0].entity if words[0].entity in ("PER", "ORG", "LOC") else None
    tagged = 0
    while kind and tagged < len(words) and words[tagged].entity == kind:
        tagged += 1
    if 0 < tagged < len(words) and is_list(words[tagged:]):
        return words[:tagged]  # `X [A، B، C و D] را`: the list is the object
    commas = [i for i, w in enumerate(words) if w.text in COMMAS]
    for comma in commas:
        rest = words[comma + 1 :]
        if is_list(rest) and not is_title_head(rest, 0):
            return _trim(words[:comma])  # `X، TITLE، [A، B، C و D] را`
    if commas:
        return _trim(words[: commas[-1]])
    if (end := title_place_end(words)) is not None:
        return words[:end]  # `معاون رئیس جمهور عراق [وتوی قانون] را`, `مقامات پاکستانی [X] را`
    if 0 < tagged < len(words) and (
        not is_title_head(words, tagged) or names_a_group(words, tagged)
    ):
        return words[:tagged]
    return words


def is_list(words: list[Word]) -> bool:
    """Whether commas split `words` into the short items of a list (`خانواده، ازدواج
    جوانان، ... و امور فرهنگی`), not an adverbial and an object (`در دیدار با X، Y`)."""
    items = _comma_parts(words)
    return len(items) > LIST_MIN_COMMAS and all(
        len(item) <= LIST_ITEM_MAX_WORDS and item[0].upos != "ADP" for item in items)


def title_place_end(words: list[Word]) -> int | None:
    """Where a title or description ends at its place (`رئیس اداره تبلیغات اسلامی
    گنبدکاووس`) when other words, with no title or organization word among them,
    follow before `را`: they are the object. None when no place ends the title."""
    if not (is_title_head(words, 0) or _describes_someone(words)):
        return None
    first = next(((i, n) for i in range(1, len(words)) if (n := _place_length(words, i))),
                 None)
    if first is None:
        return None
    end = first[0] + first[1]
    # places in a row belong to the title (`نماینده مردم شیراز و زرقان`)
    while end + 1 < len(words) and (
        _is_conjunction(words[end]) or words[end].text in COMMAS
    ) and (length := _place_length(words, end + 1)):
        end += 1 + length
    rest = range(end, len(words))
    if end == len(words) or any(is_title_head(words, k) or is_org_head(words, k) for k in rest):
        return None
    return end


@cache
def _unnamed() -> frozenset[str]:
    """Words that describe unnamed speakers: nouns (`منابع`) and shares (`یک`, `برخی`)."""
    return words_of("anonymous") | words_of("shares")


def _describes_someone(words: Sequence[Word]) -> bool:
    """`مقامات ...`, `منابع ...`, `اعضای ...`: an unnamed speaker or a group."""
    return words[0].text in _unnamed() or names_a_group(words, 0)


def _place_length(words: Sequence[Word], i: int) -> int:
    """Words of the place at words[i]: a gazetteer entry or a country's adjective
    (`پاکستانی`), else the NER's LOC span."""
    if length := place_at(words, i):
        return length
    if is_demonym(words[i].text):
        return 1
    if words[i].entity != "LOC":
        return 0
    length = 1
    while i + length < len(words) and words[i + length].entity == "LOC" and not (
        words[i + length].entity_begin
    ):
        length += 1
    return length


def is_demonym(word: str) -> bool:
    """`آمریکایی`, `کره‌ای`: the adjective of a country."""
    return adjective_of(word, lambda name: name in lexicon.countries())


def adjective_of(word: str, is_place: Callable[[str], bool]) -> bool:
    """Whether `word` is a place name with a demonym ending (`ایرانی`, `کره‌ای`)."""
    return any(
        word.endswith(ending) and is_place(word[: -len(ending)].rstrip(ZWNJ))
        for ending in DEMONYM_ENDINGS
    )


def names_a_group(words: Sequence[Word], i: int) -> bool:
    """`اعضای`, `مدیران`, `وزرا`, `مقام‌های`: a group, so not the title of the one
    person named before."""
    singular = _singular(words[i].text)
    return match_entry(words, i, "group_heads") > 0 or _is_description([words[i]]) or (
        singular != words[i].text and _is_role(singular) and not is_org_head(words, i))


def _is_role(noun: str) -> bool:
    """`مقام`, `کارشناس`, `پزشک`: a noun for a person's role."""
    return noun in words_of("anonymous") or noun in words_of("title_heads") or (
        _stem_is_a_role(noun, lexicon.nominal_stems()))


def _plural_shaped(word: Word) -> bool:
    """A word with a plural ending of people that no name or tag contradicts: with a
    plural verb it heads a group (`سیاستمداران اروپایی گفتند`)."""
    bare = word.text.replace(ZWNJ, "")
    return (
        word.entity != "PER"
        and len(bare) > 3
        and bare.endswith(PEOPLE_PLURALS)
        and word.text not in lexicon.first_names()
    )


def parse_mention(words: list[Word], plural_verb: bool = False) -> Mention:
    """Split a speaker phrase into honorific, name and title. `plural_verb`: the cue is
    in the third person plural (`گفتند`), so a plural head names a group of people."""
    words = _trim(list(words))
    mention = Mention(words=words, name_words=[], title_words=[])
    if not words:
        return mention
    if words[0].text in words_of("pronouns") and not any(w.entity == "PER" for w in words):
        mention.pronoun = True  # `وی`, and `وی دومین نکته را ... گفت` (an object after it)
        return mention
    demonstrative = words[0].text in words_of("demonstratives")
    if demonstrative and len(words) > 1 and (
        (is_org_head(words, 1) and not is_title_head(words, 1))
        or words[1].text in lexicon.cue_lexicon().documents
    ):
        # `این رسانه‌ها`, `این خبرگزاری`: a body; `این گزارش می‌افزاید`: a document; no person
        mention.kind = "organization"
        return mention
    if demonstrative and len(words) > 1 and (
        (len(words) == 2 and _is_description([words[1]])) or is_plural(words, 1)
        or words[1].text.endswith(ARABIC_AT_PLURAL) or match_entry(words, 1, "group_heads") > 0
    ):
        # `این مقامات`, `این کارشناسان`: a group, not the one before (`این روان شناس` is
        # one: an `ان` word counts only alone)
        mention.anonymous = mention.group = True
        mention.title_words = words
        return mention
    if demonstrative and (len(words) <= 3 or (len(words) > 1 and is_title_head(words, 1))):
        mention.pronoun = True  # `این مسئول`, `این کاندیدای احتمالی`: the speaker before
        return mention

    anonymous = _unnamed()
    if words[0].text in anonymous and len(words) > 1 and is_org_head(words, 1):
        mention.kind = "organization"  # `یک رسانه ونزوئلایی`: an outlet, not a person
        return mention
    # described, never named: `یک منبع آگاه`, `مقام‌های آمریکایی`, a group (`اعضای کنگره
    # ... هشدار دادند`), someone new (`شهروند دیگری گفت`)
    counted_by = _count_words(words)
    counted = words[counted_by:]  # `دو منبع آگاه`, `همه مودیان مالیاتی`: the head
    group = _names_people(words, counted_by, plural_verb)
    described = group or any(
        _describes_someone(phrase) or _singular(phrase[0].text) in anonymous
        for phrase in (words, counted)
    ) or (counted_by > 0 and _is_plural_noun(counted[0].text)) or (
        len(words) > 1 and words[-1].text in words_of("others"))
    if described and len(words) == 1 and (
        words[0].text in words_of("shares") or words[0].text in words_of("quantifiers")
    ):
        return mention  # `یک می‌گفت`: a count with nothing counted describes no one
    if described and (group or not any(w.entity == "PER" for w in words)):
        mention.anonymous = True
        mention.group = group
        mention.title_words = words
        return mention

    if is_org_head(words, 0) and not is_title_head(words, 0):
        mention.kind = "organization"  # `کانال تلگرامی [X]`, `دولت [دونالد ترامپ]`
        return mention
    honorifics: list[str] = []
    words = drop_honorifics(words, honorifics)
    mention.honorific = " ".join(honorifics) or None
    name, title = _split_name_title(words)
    mention.name_words, mention.title_words = name, title
    if not name and not title and (
        is_org_head(words, 0) or _entity_is(words, "ORG") or _only_places(words)
    ):
        mention.kind = "organization"  # `وزارت کشور`, and a state (`آمریکا، کانادا و استرالیا`)
    return mention


def _names_people(words: list[Word], counted_by: int, plural_verb: bool) -> bool:
    """Whether `words` describe an unnamed group of people: a plural of people at the
    head (`کارشناسان`, `وزرا`, `مقام‌های آمریکایی`), with a share before it (`برخی
    نمایندگان`, `شماری از معترضان`), or any plural head before a plural verb
    (`سیاستمداران اروپایی گفتند`); never an institution (`رسانه‌ها`, `کشورهای عضو`)
    and never a phrase that opens with a tagged name."""
    head = counted_by
    if head < len(words) - 1 and words[head].text in words_of("partitives") and (
        words[head + 1].text == "از"
    ):
        head += 2  # `شماری از معترضان`, `برخی از نمایندگان`
    elif head < len(words) - 1 and words[head].text in words_of("shares") and (
        words[head].text not in INDEFINITE_ONE
    ):
        head += 1  # `برخی نمایندگان`, `بسیاری کارشناسان`
    if head >= len(words) or words[head].entity == "PER" or words[0].entity == "PER":
        return False
    if is_org_head(words, head) and not is_title_head(words, head):
        return False
    return names_a_group(words, head) or (plural_verb and _plural_shaped(words[head]))


def _count_words(words: list[Word]) -> int:
    """How many numbers and quantifiers open `words`, leaving at least one word."""
    count = 0
    while count < len(words) - 1 and (
        _is_number(words[count]) or words[count].text in words_of("quantifiers")
    ):
        count += 1
    return count


def drop_honorifics(words: list[Word], found: list[str]) -> list[Word]:
    """Words without honorifics (at the start, or after a comma); `found` gets them."""
    out: list[Word] = []
    i = 0
    while i < len(words):
        at_part_start = not out or out[-1].text in COMMAS
        length = match_entry(words, i, "honorifics") if at_part_start else 0
        if length and i + length < len(words):
            found.append(" ".join(w.text for w in words[i : i + length]))
            i += length
            continue
        tail = at_part_start and all(p in _honorific_tails() for p in _key(words[i]).split())
        if tail and i + 1 < len(words):
            i += 1  # the rest of an honorific cut by the NER (`[الاسلام والمسلمین X]`)
            continue
        out.append(words[i])
        i += 1
    return out


@cache
def _honorific_tails() -> frozenset[str]:
    """Words after the first of several-word honorifics (`الاسلام`, `والمسلمین`)."""
    return frozenset(
        piece for group in _multiword("honorifics").values() for entry in group
        for piece in entry[1:]
    )


def _only_places(words: Sequence[Word]) -> bool:
    named = [w for w in words if w.text not in PUNCTUATION and not _is_conjunction(w)]
    return bool(named) and all(w.entity == "LOC" for w in named)


def _entity_is(words: Sequence[Word], entity: str) -> bool:
    return bool(words) and all(w.entity == entity for w in words)


def _split_name_title(words: list[Word]) -> tuple[list[Word], list[Word]]:
    """(name words, title words) of a speaker phrase.

    A person span from the NER is the name and the longer side of the rest the
    title; without one, a title starts at the first title head (`NAME TITLE`), and a
    comma part with no title head after a title is the name (`TITLE، NAME`).
    """
    span = _person_span(words)
    if span is not None:
        start, end = span
        before, after = _trim(words[:start]), _trim(words[end + 1 :])
        if start == 1 and not after and _name_like(words, 0):
            return words[: end + 1], []  # `پیام [صادقیان]`: a first name the NER left out
        return words[start : end + 1], before if len(before) >= len(after) else after
    heads = [i for i in range(len(words)) if is_title_head(words, i)]
    parts = _comma_parts(words)
    if not heads:
        if is_org_head(words, 0) or _entity_is(words, "ORG") or _only_places(words):
            return [], []
        if len(parts) > 1 and _could_be_name(parts[0]):  # `NAME، DESCRIPTION`
            return parts[0], _trim(words[len(parts[0]) :])
        if _is_description(words):
            return [], words
        if not name_shaped([w.text for w in words]) or any(_is_conjunction(w) for w in words):
            return [], []  # `فردا`, `تمام این صحبت‌ها`: no one's name, no title either
        if _title_of_a_body(words):
            return [], words  # `پیشکسوت تیم فوتبال X`: a title whose head no table holds
        return words, []
    if heads[0] == 0:
        tail = parts[-1] if len(parts) > 1 else []
        if tail and _could_be_name(tail):
            return tail, _trim(words[: words.index(tail[0])])
        return [], words
    return _trim(words[: heads[0]]), words[heads[0] :]


def _title_of_a_body(words: list[Word]) -> bool:
    """`[پیشکسوت] تیم فوتبال X`, `[بازیساز سابق] تیم ملی X`: a word no name opens,
    then an organization's head. Names hold no such head (a surname written apart,
    `دولت آبادی`, is tagged with its first name)."""
    return words[0].text not in lexicon.first_names() and any(
        is_org_head(words, i) for i in range(1, len(words)))


def _is_description(words: list[Word]) -> bool:
    """A group of people or a superlative, never a name: `محققان`, `پزشکان`,
    `تولیدکنندگان`, `قوی‌ترین مرد معلول جهان`."""
    nominal = lexicon.nominal_stems()
    first = words[0].text.replace(ZWNJ, "")
    if first.endswith(SUPERLATIVE) or first.endswith(AGENT_PLURAL):
        return True  # `قوی‌ترین مرد ...`, `تامین‌کنندگان قطعات`
    text = words[0].text if len(words) == 1 else ""
    glide_stem = text[: -len(GLIDE_PLURAL)]  # `دانشجو` of `دانشجویان`
    return any(
        text.endswith(suffix) and _stem_is_a_role(text[: -len(suffix)].rstrip(ZWNJ), nominal)
        for suffix in GROUP_PLURALS
    ) or (
        text.endswith(GLIDE_PLURAL) and glide_stem.endswith(VOWEL_LETTERS)
        and _stem_is_a_role(glide_stem, nominal)
    ) or (
        # the Arabic plural of a title head (`محققین`, `متخصصین`); only those: `حسین`
        text.endswith(ARABIC_PLURAL) and text[: -len(ARABIC_PLURAL)] in words_of("title_heads")
    )


def _stem_is_a_role(stem: str, nominal: frozenset[str]) -> bool:
    """`محقق` of `محققان`, `پزشک` of `پزشکان`; not `اسلامی` of the surname `اسلامیان`."""
    return stem in words_of("title_heads") or (stem in nominal and not stem.endswith("ی"))


def _could_be_name(words: list[Word]) -> bool:
    """A short phrase with no title or organization word and no `و` in it."""
    return len(words) <= 3 and not any(
        is_title_head(words, i) or is_org_head(words, i) or _is_conjunction(words[i])
        for i in range(len(words))
    )


def _comma_parts(words: list[Word]) -> list[list[Word]]:
    parts: list[list[Word]] = [[]]
    for word in words:
        if word.text in COMMAS:
            parts.append([])
        else:
            parts[-1].append(word)
    return [p for p in parts if p]


def plausible_name(texts: Sequence[str]) -> bool:
    """Words worth believing as a person's name: name-shaped (`name_shaped`), and not
    only common nouns (`شهید`, `آبان`, `محققان`), which a weak NER model or a loose
    subject sometimes offers as persons."""
    nominal = lexicon.nominal_stems()
    return name_shaped(texts) and (
        not all(t in nominal for t in texts)
        # `اسماعیل آزادی`: a first name and words that are nouns too
        or (len(texts) > 1 and texts[0] in lexicon.first_names())
    )


def name_shaped(texts: Sequence[str]) -> bool:
    """No digits or punctuation, not only initials, no demonstrative, quantifier,
    pronoun or adverb (`تمام این صحبت‌ها`, `همه مودیان`, `فقط`) and no plural
    (`[صحبت‌های محمدرضا]`)."""
    return (
        bool(texts)
        and not any(t.isdigit() or t in PUNCTUATION for t in texts)
        and not all(len(t) <= 1 for t in texts)
        and not any(
            t in words_of("demonstratives") or t in words_of("quantifiers")
            or t in words_of("not_names") or _is_plural(t)
            for t in texts
        )
    )


def only_a_title(words: Sequence[Word]) -> bool:
    """`[مقام معظم رهبری]`, `[سرمربی]`: a title the NER tagged as a person."""
    return match_entry(words, 0, "title_heads") == len(words)


def _person_span(words: list[Word]) -> tuple[int, int] | None:
    """(first, last) index of the person's name in a speaker phrase, from the NER.

    The NER often covers only part of a name: a lone first name takes the surname
    after it (`[علی‌محمد] لروند`), and a first name before the span joins it at the
    phrase's start (`رسول [علی اشرفی‌پور]`), within the phrase's edges.
    """
    tagged = [i for i, w in enumerate(words) if w.entity == "PER"]
    if not tagged:
        return None
    start = end = tagged[0]
    while end + 1 < len(words) and words[end + 1].entity == "PER" and not (
        words[end + 1].entity_begin or ends_name(words, end + 1)
    ):
        end += 1  # `[ترور نوا مجری] و کمدین`
    span = words[start : end + 1]
    if not plausible_name([w.text for w in span]) or only_a_title(span) or (
        names_no_person(words, start, end, 0)
    ):
        return None
    # a lone tagged first name takes the surname after it (`[علی‌محمد] لروند`)
    while end == start and end + 1 < len(words) and _name_like(words, end + 1) and (
        words[end + 1].text not in lexicon.nominal_stems()
    ):
        following = words[end + 2] if end + 2 < len(words) else None
        if following is not None and following.text not in COMMAS and not is_title_head(
            words, end + 2
        ):
            break  # `[علی‌محمد] لروند`, `[علی‌محمد] لروند، امام جمعه`
        end += 1
    end = name_end_before_title(words, start, end, len(words), phrase_ends_name=True)
    while start > 0 and end - start < MAX_NAME_WORDS - 1 and _name_like(words, start - 1):
        if words[start - 1].text not in lexicon.first_names() or (
            start - 1 > 0 and words[start - 2].text not in COMMAS
        ):
            break  # a first name at the phrase's start: `رسول [علی اشرفی‌پور]`
        start -= 1
    runs_on = end + 1 < len(words) and words[end + 1].text not in COMMAS
    if start > 0 and is_title_head(words, 0) and (
        end == start or _is_conjunction(words[start - 1]) or runs_on
    ):
        # tagged words inside a title (`استاندار سیستان و [بلوچستان]`, `معاون
        # [عمران روستایی] بنیاد مسکن`): a name after its title ends the phrase
        return None
    return start, end


def name_end_before_title(
    words: Sequence[Word], start: int, end: int, limit: int, phrase_ends_name: bool = False
) -> int:
    """The last index of a person's name tagged words[start..end].

    The NER often drops a name's last words (`[حسین خوش] اقبال، معاون استاندار`,
    `[علی اصغر] علی اکبری مدیرعامل`): up to two name-like words between the span and a
    title (after a comma or not) belong to the name, and so do those that end a speaker
    phrase (`phrase_ends_name`). `limit` is where the words end.
    """
    for gap in range(1, MAX_NAME_GAP + 1):
        last = end + gap
        if last >= limit or last - start + 1 > MAX_NAME_WORDS or not _name_like(words, last):
            return end
        if last + 1 == limit and phrase_ends_name:
            return last  # `[رامین پاشایی] فام` as the whole subject
        if last + 1 < limit:
            title_at = last + 2 if words[last + 1].text in COMMAS else last + 1
            if title_at < limit and is_title_head(words, title_at):
                return last
    return end


def _name_like(words: Sequence[Word], i: int) -> bool:
    word = words[i]
    return (
        word.entity in ("", "PER")
        and word.text not in PUNCTUATION
        and not _is_conjunction(word)
        and not word.text.isdigit()
        and not ends_name(words, i)
        and not is_org_head(words, i)
        and match_entry(words, i, "honorifics") == 0
    )
