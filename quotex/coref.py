"""One speaker per person in an article: pronouns, surnames and titles resolved.

Two passes. First, every mention that gives a full name (two words or more) makes a
person, collecting the titles written beside it anywhere in the article. Then each
statement's speaker is resolved: a full name or surname to its person; a bare title
to the person who carries that title (also when the title comes first, as in a
headline before the name is given); `وی`/`او`/`ایشان` and a cue with no subject
(pro-drop, or `... و گفت`) to the speaker of the previous statement.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache

from quotex import lexicon
from quotex.cues import analyse_verb
from quotex.lexicon import ZWNJ
from quotex.nlp import Analysis, Word
from quotex.normalize import fold
from quotex.segment import COMMAS
from quotex.speakers import (
    INDEFINITE_ONE,
    MAX_NAME_WORDS,
    OPENING_QUOTES,
    Mention,
    is_title_head,
    parse_mention,
)
from quotex.statements import Statement

# The honorific `سید`, often written joined to the first name.
SAYYED = "سید"
# The Arabic article of surnames, often left off after the first mention (`البیاتی`).
ARABIC_ARTICLE = "ال"


def name_key(text: str) -> str:
    """Comparison key for names and titles: spacing, ZWNJ, letter variants and a
    joined `سید` do not matter."""
    tokens = fold(text).replace(ZWNJ, " ").split()
    if tokens and tokens[0].startswith(SAYYED) and len(tokens[0]) >= len(SAYYED) + 3:
        tokens[0] = tokens[0][len(SAYYED) :]  # `سیدغلامرضا موسوی` is `غلامرضا موسوی`
    return " ".join(tokens)


@dataclass
class PersonRecord:
    """A person of the article; names and titles are original-text substrings."""

    key: str
    name: str
    titles: list[str] = field(default_factory=list)
    honorific: str | None = None
    mentioned_at: set[int] = field(default_factory=set)  # where named (name, surname, title)
    spoke_at: list[int] = field(default_factory=list)  # cue offsets of their statements

    def add_title(self, title: str) -> None:
        if title and name_key(title) not in {name_key(t) for t in self.titles}:
            self.titles.append(title)

    @property
    def mentions(self) -> int:
        return len(self.mentioned_at)

    @property
    def fullest_title(self) -> str | None:
        return max(self.titles, key=lambda t: len(name_key(t))) if self.titles else None


@dataclass
class Resolved:
    """The speaker of one statement after coreference."""

    statement: Statement
    mention: Mention
    person: PersonRecord | None  # None: unnamed (title only) or an organization
    title: str | None  # the title of an unnamed speaker (a person's are on the record)
    organization: str | None = None


def original(analysis: Analysis, words: list[Word]) -> str:
    if not words:
        return ""
    return analysis.norm.original_text(words[0].start, words[-1].end)


class People:
    """The article's persons, matched by full name, surname or title."""

    def __init__(self) -> None:
        self.records: list[PersonRecord] = []

    def by_name(self, name: str, first_name_alone: bool = True) -> PersonRecord | None:
        key = name_key(name)
        tokens = key.split()
        compact = _compact(key)
        for record in self.records:
            if _compact(record.key) == compact:
                return record  # spacing and `آ` aside (`یوآخیم لو` / `یواخیم لو`)
        # a surname (or the name's tail) alone: `خوش اقبال` for `حسین خوش اقبال`, also
        # without the Arabic article (`بیاتی` for `عباس البیاتی`)
        matches = [r for r in self.records if _is_tail(tokens, r.key.split())] or [
            r for r in self.records if _compact_tail(compact, r.key.split())
        ] or [
            r for r in self.records
            if len(tokens) == 1 and r.key.split()[-1] == ARABIC_ARTICLE + tokens[0]
        ]
        if not matches and len(tokens) == 1 and tokens[0] not in lexicon.first_names():
            # the first part of a double surname: `برزگر` for `عباس برزگر ابراهیمی`
            matches = [r for r in self.records if tokens[0] in r.key.split()[1:-1]]
        if not matches and first_name_alone and len(tokens) == 1 and (
            tokens[0] in lexicon.first_names() or tokens[0] not in lexicon.nominal_stems()
        ):
            # a first name alone, as feature stories write it: `هومن` for `هومن مهری`
            matches = [r for r in self.records if r.key.split()[0] == tokens[0]]
        return matches[0] if len(matches) == 1 else None

    def add(self, name: str, honorific: str | None = None) -> PersonRecord:
        found = self.by_name(name)
        if found is not None:
            return found
        key = name_key(name)
        # a fuller form of a name already known: keep the fuller one
        for record in self.records:
            if _is_tail(record.key.split(), key.split()):
                record.key, record.name = key, name
                return record
        record = PersonRecord(key=key, name=name, honorific=honorific)
        self.records.append(record)
        return record

    def speaker_near(self, offset: int, title: str) -> PersonRecord | None:
        """The named speaker nearest to `offset` who may carry `title`: one with no
        title yet, or with a title of the same role (`_same_role`).

        News often gives the title in the lead (`فرماندار تهران از ... خبر داد`) and
        the name only later (`حسین خوش اقبال گفت`), or the reverse.
        """
        candidates = [
            r for r in self.records
            if any(abs(o - offset) <= SPEAKER_NEAR_CHARS for o in r.spoke_at)
            and all(_same_role(title, t) for t in r.titles)
        ]
        if not candidates:
            return None
        return min(candidates, key=lambda r: min(abs(o - offset) for o in r.spoke_at))

    def first_speaker_after(self, offset: int) -> PersonRecord | None:
        """The named speaker whose first statement comes next after `offset`, within
        SPEAKER_NEAR_CHARS."""
        candidates = [
            (first, r) for r in self.records if r.spoke_at
            for first in [min(r.spoke_at)] if offset < first <= offset + SPEAKER_NEAR_CHARS
        ]
        return min(candidates, key=lambda item: item[0])[1] if candidates else None

    def by_title(self, title: str) -> PersonRecord | None:
        """The one person whose titles hold (nearly) all words of `title`."""
        tokens = name_key(title).split()
        if not tokens:
            return None
        matches = [r for r in self.records if any(_title_matches(tokens, t) for t in r.titles)]
        if not matches:
            # two roles joined by `و`, one of them known: `نماینده ولی فقیه در استان و
            # [امام جمعه بوشهر]`
            matches = [r for r in self.records if any(_joined_role(tokens, t) for t in r.titles)]
        if not matches:
            # the head of one office worded otherwise: `مدیر کل راهداری گیلان`
            matches = [r for r in self.records if any(_same_office(tokens, t) for t in r.titles)]
        return matches[0] if len(matches) == 1 else None


# How far (in characters) a bare title may stand from a named speaker it is given to:
# a lead and the paragraph that names the speaker, not a list of other news below.
SPEAKER_NEAR_CHARS = 1000
# Share of a bare title's words that a person's title must hold: spelling slips and
# shortenings (`کمیسیون آموزش مجلس` for `کمسیون آموزش و تحقیقات مجلس`) still match.
TITLE_OVERLAP = 0.75
# Two spellings of one word (`کمسیون` / `کمیسیون`) are this similar at least.
SPELLING_SLIP_RATIO = 0.8


def _same_role(title: str, other: str) -> bool:
    """Whether two titles may be one person's: the same head, and, when both name
    more than a head and a word, a word in common besides the head (`رئیس شورای
    اروپا` and `رئیس سازمان هواشناسی` are two people; `بازیگر قدیمی` and `بازیگر
    پیشکسوت` may be one)."""
    words, other_words = name_key(title).split(), name_key(other).split()
    if words[0] != other_words[0] or _former(words) != _former(other_words):
        return False
    if len(words) <= 2 or len(other_words) <= 2:
        return True
    shared = set(words[1:]) & set(other_words[1:])
    # the office's first word, fillers aside, tells offices apart when nothing but
    # fillers and places is shared (`مدیرکل [بهزیستی] استان گیلان` / `مدیرکل [راهداری]
    # استان گیلان`; `سخنگوی نیروی انتظامی` / `سخنگوی فرماندهی انتظامی` may be one)
    office, other_office = _office_word(words), _office_word(other_words)
    fillers = lexicon.words_of("office_fillers")
    if office and other_office and not _spelling_slip(office, other_office) and all(
        t in fillers or (t,) in _one_word_places() for t in shared
    ):
        return False
    return bool(shared)


@cache
def _one_word_places() -> frozenset[tuple[str, ...]]:
    return frozenset(p for p in lexicon.place_names() if len(p) == 1)


def _office_word(tokens: list[str]) -> str | None:
    fillers = lexicon.words_of("office_fillers")
    return next((t for t in tokens[1:] if t not in fillers), None)


def _same_office(tokens: list[str], title: str) -> bool:
    """Whether `tokens` and `title` both name the head of one office (`مسئول آموزش و
    پرورش کرج` / `رئیس اداره آموزش و پرورش شهرستان کرج`): an office head opens both, and
    the office's words of `tokens`, fillers aside, are all in `title`."""
    other = name_key(title).split()
    heads = lexicon.words_of("office_heads")
    if not tokens or not other or tokens[0] not in heads or other[0] not in heads or (
        _former(tokens) != _former(other)
    ):
        return False
    ignored = heads | lexicon.words_of("office_fillers")
    office = {t for t in tokens[1:] if t not in ignored}
    return bool(office) and office <= set(other[1:])


def _joined_role(tokens: list[str], title: str) -> bool:
    """Whether `title` (two words or more) is one of two roles `tokens` joins by `و`."""
    known = name_key(title).split()
    n = len(known)
    if n < 2 or len(tokens) <= n + 1:
        return False
    return (tokens[-n:] == known and tokens[-n - 1] == "و") or (
        tokens[:n] == known and tokens[n] == "و")


def _former(tokens: list[str]) -> bool:
    """A past role (`مدیرکل سابق`): never the same person as the role without it. Only
    the first of two roles joined by `و` counts (`عضو شورا و مدیرکل اسبق ...` is a
    member now)."""
    first_role = tokens[: tokens.index("و")] if "و" in tokens else tokens
    return any(t in lexicon.words_of("former_markers") for t in first_role)


def _title_matches(tokens: list[str], title: str) -> bool:
    other = name_key(title).split()
    if _former(tokens) != _former(other):
        return False
    if "".join(tokens) in "".join(other):
        return True  # spacing aside (`مدیر کل` / `مدیرکل`), a part of the title
    shared = sum(1 for t in tokens if t in other)
    if shared == len(tokens):
        return True  # `فرماندار تهران` within `معاون استاندار و فرماندار تهران`
    # otherwise the head (`سخنگوی`, `معاون`) must agree, most words be shared, and the
    # others be fillers or spelling slips (`کمسیون`): `مدیرکل بهزیستی استان گیلان` is
    # not the `مدیرکل راهداری استان گیلان`
    fillers = lexicon.words_of("office_fillers")
    return bool(other) and tokens[0] == other[0] and (
        shared / min(len(tokens), len(other)) >= TITLE_OVERLAP
    ) and all(
        t in other or t in fillers or any(_spelling_slip(t, o) for o in other) for t in tokens
    )


def _spelling_slip(word: str, other: str) -> bool:
    return SequenceMatcher(None, word, other).ratio() >= SPELLING_SLIP_RATIO


def _compact(key: str) -> str:
    """A name key without spaces, `آ` read as `ا`: one name written two ways."""
    return key.replace(" ", "").replace("آ", "ا")


def _compact_tail(compact: str, full: list[str]) -> bool:
    """`compact` is the last words of `full` written without spaces."""
    return any(_compact("".join(full[i:])) == compact for i in range(1, len(full)))


def _is_tail(short: list[str], full: list[str]) -> bool:
    return 0 < len(short) < len(full) and full[-len(short):] == short


def resolve(analysis: Analysis, statements: list[Statement], people: People) -> list[Resolved]:
    mentions = [
        _unless_topic(st, parse_mention(st.subject, _plural_cue(analysis, st)))
        for st in statements
    ]
    surnames = {
        name_key(original(analysis, m.name_words))
        for m in mentions if len(m.name_words) == 1
    }
    # pass 1: full names and the titles beside them; a headline's `NAME:` counts when
    # its last word is used as a surname elsewhere (`نیک‌نام: ...`, `نیک‌نام افزود`)
    for statement, mention in zip(statements, mentions, strict=True):
        named = mention.kind == "person" and len(mention.name_words) >= 2
        trusted = not statement.headline or _tagged_person(mention) or mention.title_words or (
            name_key(original(analysis, mention.name_words[-1:])) in surnames
        )
        if named and trusted:
            name = _known_start(analysis, statement, mention, people) or original(
                analysis, mention.name_words
            )
            record = people.add(name, mention.honorific)
            record.add_title(_title_beside_name(analysis, statement, mention) or "")
            record.spoke_at.append(statement.cue_start)
    organizations = [
        original(analysis, m.words) for m in mentions if m.kind == "organization" and m.words
    ]
    # pass 2: speakers named here, by full name or surname
    results: list[Resolved | None] = [
        _resolve_named(analysis, st, m, people, organizations)
        for st, m in zip(statements, mentions, strict=True)
    ]
    # pass 3, in text order: bare titles, then pronouns and cues with no subject
    resolved: list[Resolved] = []
    last: Resolved | None = None
    openings = _sentence_openings(analysis)
    for statement, mention, result in zip(statements, mentions, results, strict=True):
        if result is None:
            newcomer = _introduced_since(statement, mention, last, statements, people, openings)
            if newcomer is not None:
                result = Resolved(statement, mention, newcomer, None)
            else:
                result = _resolve_by_context(analysis, statement, mention, people, last)
        if result.person is not None and mention.words and not mention.pronoun:
            result.person.mentioned_at.add(mention.words[0].start)
        described = result.organization is None and result.title
        if result.person is not None or (described and not _is_group(mention)):
            last = result  # a group (`اعضای کنگره`) is no antecedent of `وی` or `گفت`
        resolved.append(result)
    return resolved


def _resolve_named(
    analysis: Analysis,
    statement: Statement,
    mention: Mention,
    people: People,
    organizations: list[str],
) -> Resolved | None:
    """The speaker of a mention that names a person or organization, else None."""
    if statement.conjoined or mention.pronoun or mention.is_empty or mention.anonymous:
        return None
    written = original(analysis, mention.words)
    known = people.by_name(written, first_name_alone=False) if len(mention.words) <= 2 else None
    if mention.kind == "organization" and known is not None:
        known.spoke_at.append(statement.cue_start)  # a surname the NER took for an ORG
        return Resolved(statement, mention, known, None)
    if mention.kind == "organization":
        if statement.headline:
            return None  # maybe a topic line of an interview: decided in context
        organization = _named_in(written, organizations) or written  # `«اعتماد»`: the paper
        return Resolved(statement, mention, None, None, organization)
    if not mention.name_words:
        return None
    title = _title_beside_name(analysis, statement, mention)
    name = original(analysis, mention.name_words)
    name = _known_start(analysis, statement, mention, people) or name
    organization = None if title or _tagged_person(mention) else _named_in(name, organizations)
    if organization is not None:  # `روزنامه «اعتماد» ... نوشت`, then `«اعتماد» افزود`
        return Resolved(statement, mention, None, None, organization)
    record = people.by_name(name)
    if record is None and statement.headline and not _tagged_person(mention) and not title:
        return None  # `سیستم تیم ملی: «...»`: a topic, unless nothing precedes it
    record = record or people.add(name, mention.honorific)
    record.honorific = record.honorific or mention.honorific
    record.spoke_at.append(statement.cue_start)
    if title:
        record.add_title(title)
    return Resolved(statement, mention, record, None)


def _title_beside_name(analysis: Analysis, statement: Statement, mention: Mention) -> str | None:
    """The mention's title, unless it follows the name in a subject that runs on into
    an object with no comma to end the title (`اسحاقی [تعداد مسافران نوروزی] را ...`):
    those words are the object's."""
    title = original(analysis, mention.title_words) or None
    if title is None or not statement.before_object or not mention.name_words:
        return title
    if mention.title_words[0].index < mention.name_words[-1].index:
        return title  # `استاندار X`: a title before the name
    return title if _closed_by_comma(analysis, statement) else None


def _closed_by_comma(analysis: Analysis, statement: Statement) -> bool:
    """Whether a comma follows the subject (`TITLE، [Y] را ...`): the title ends there."""
    after = statement.subject[-1].index + 1 if statement.subject else None
    words = analysis.words
    return after is not None and after < len(words) and words[after].text in COMMAS


def _introduced_since(
    statement: Statement,
    mention: Mention,
    last: Resolved | None,
    statements: list[Statement],
    people: People,
    openings: set[int],
) -> PersonRecord | None:
    """The person a pronoun points to when the narration named someone new since the
    last statement (`«هومن مهری» ... یکی از آنهاست. او می‌گوید: ...`), else None.

    Only names that open a sentence of the narration count (the new person is its
    subject), not those inside anyone's statement; a cue with no subject looks back
    only when no statement came before it. `openings`: `_sentence_openings`.
    """
    if statement.conjoined or not (mention.pronoun or (mention.is_empty and last is None)):
        return None
    before = mention.words[0].start if mention.words else statement.cue_start
    since = last.statement.end if last is not None else before - SPEAKER_NEAR_CHARS

    def in_narration(offset: int) -> bool:
        return offset in openings and not any(
            other.start <= offset < other.end for other in statements
        )

    candidates = [
        (offset, record) for record in people.records for offset in record.mentioned_at
        if max(since, before - SPEAKER_NEAR_CHARS) <= offset < before and in_narration(offset)
    ]
    return max(candidates, key=lambda item: item[0])[1] if candidates else None


def _sentence_openings(analysis: Analysis) -> set[int]:
    """Start offsets of the first word of each sentence, after any opening quote."""
    openings = set()
    for sent in analysis.sentences:
        first = sent.first
        while first < sent.last and analysis.words[first].text in OPENING_QUOTES:
            first += 1
        openings.add(analysis.words[first].start)
    return openings


def _resolve_by_context(
    analysis: Analysis,
    statement: Statement,
    mention: Mention,
    people: People,
    last: Resolved | None,
) -> Resolved:
    """A bare title, a pronoun, a cue with no subject, or a topic line."""
    title = original(analysis, mention.title_words) or None
    if mention.anonymous and _same_one_goes_on(statement, mention, last):
        assert last is not None
        return Resolved(statement, mention, last.person, last.title)
    if mention.anonymous and last is None and (lead := _named_later(
            analysis, statement, mention, people)) is not None:
        return Resolved(statement, mention, lead, None)
    if mention.anonymous:
        return Resolved(statement, mention, None, title)
    if title is not None and not (statement.conjoined or mention.pronoun):
        record = people.by_title(title) or (
            None if mention.title_words[0].text in lexicon.words_of("kinship")
            else people.speaker_near(statement.cue_start, title))
        if record is None and statement.continues and last is not None and not (
            statement.headline
        ):
            record = last.person  # `آزادکار تیم ملی افزود`: the speaker just before
        if record is not None:
            if not statement.before_object or _closed_by_comma(analysis, statement):
                record.add_title(title)  # else the object's words may end it
            return Resolved(statement, mention, record, None)
        return Resolved(statement, mention, None, title)
    if last is not None:
        return Resolved(statement, mention, last.person, last.title)
    if mention.pronoun and (ahead := _pointed_ahead(analysis, statement, mention, people)):
        return Resolved(statement, mention, ahead, None)
    if statement.headline and mention.name_words:
        # an opening `NAME: ...` with nobody before it: the name as written
        record = people.add(original(analysis, mention.name_words), mention.honorific)
        return Resolved(statement, mention, record, None)
    if mention.kind == "organization":
        return Resolved(statement, mention, None, None, original(analysis, mention.words))
    return Resolved(statement, mention, None, None)


def _pointed_ahead(
    analysis: Analysis, statement: Statement, mention: Mention, people: People
) -> PersonRecord | None:
    """The person a pronoun with no speaker before it points to (`وی گفت` opening the
    text, its lead lost or only a headline above): the speaker named next, unless
    another person was named before the pronoun (the lead's subject, whose own cue
    reported nothing: `X آمار را تأیید نکرد. او گفت ...`)."""
    ahead = people.first_speaker_after(statement.cue_start)
    if ahead is None:
        return None
    named_before = {
        name_key(w.text) for w in analysis.words
        if w.entity == "PER" and w.end <= mention.words[0].start
    }
    return ahead if named_before <= set(ahead.key.split()) else None


def _same_one_goes_on(statement: Statement, mention: Mention, last: Resolved | None) -> bool:
    """`یک استاد دانشگاه در ادامه افزود`: an indefinite description with a cue that
    continues (`افزود`, `ادامه داد`) is the speaker before, not someone new (that one
    says `دیگر`: `یکی دیگر افزود`)."""
    return (
        last is not None
        and statement.continues
        and _indefinite_one(mention.words)
        and not _is_group(mention)
    )


def _indefinite_one(words: list[Word]) -> bool:
    """`یک استاد دانشگاه`, `یکی از کارشناسان`: one described, not someone new (`دیگر`)."""
    return words[0].text in INDEFINITE_ONE and words[-1].text not in lexicon.words_of("others")


def _named_later(
    analysis: Analysis, statement: Statement, mention: Mention, people: People
) -> PersonRecord | None:
    """The person a lead describes before naming them: `یک کارشناس آمریکایی مسائل
    هسته‌ای ... تصریح کرد: ...`, then `«ران جاکوب» ... گفت`. Only for the article's
    first statement, an indefinite title (`یک` + a title head), and a named speaker
    near after it who has no other role; they get the title."""
    words = mention.words
    if len(words) < 2 or not _indefinite_one(words) or not is_title_head(words, 1):
        return None
    title = original(analysis, words[1:])
    record = people.speaker_near(statement.cue_start, title)
    if record is None or min(record.spoke_at) < statement.cue_start:
        return None
    record.add_title(title)
    return record


def _unless_topic(statement: Statement, mention: Mention) -> Mention:
    """A colon line whose name follows a word that is no title is a topic of an
    interview (`بازگشت فرناندز: «...»`), which goes to the current speaker: the mention
    is emptied of its name and title."""
    if not statement.headline:
        return mention
    if not mention.name_words:
        # no name and no title head: a topic (`ارتباط با رسانه‌ها: «...»`)
        topic = mention.title_words and not mention.anonymous and not is_title_head(
            mention.title_words, 0)
        return Mention(words=mention.words, name_words=[], title_words=[]) if topic else mention
    first = mention.name_words[0]
    before_name = mention.title_words and (
        mention.title_words[0].index < first.index
        and not is_title_head(mention.title_words, 0)
    )
    # `پیام [صادقیان]` joins a first name to the name; in a colon line a common noun
    # there is a topic (`بازگشت [فرناندز]`)
    noun_first = (
        first.entity != "PER"
        and any(w.entity == "PER" for w in mention.name_words[1:])
        and first.text in lexicon.nominal_stems()
        and first.text not in lexicon.first_names()
    )
    if before_name or noun_first:
        return Mention(words=mention.words, name_words=[], title_words=[])
    return mention


def _known_start(
    analysis: Analysis, statement: Statement, mention: Mention, people: People
) -> str | None:
    """A known person's name or surname opening a subject that ran on into an object
    (`روستا قانون جذب سرمایه را ... دانست`), a "name" too long to be one, or one that
    runs on into common nouns (`اسماعیلی [عمل] به تعهدات ...`)."""
    words = mention.name_words
    overlong = len(words) > MAX_NAME_WORDS
    if len(words) < 2 or people.by_name(original(analysis, words)):
        return None
    nominal = lexicon.nominal_stems()
    for length in range(min(2, len(words) - 1), 0, -1):
        runs_on = statement.before_object or overlong or all(
            w.text in nominal for w in words[length:])
        known = original(analysis, words[:length])
        if runs_on and people.by_name(known, first_name_alone=False) is not None:
            return known
    return None


def _named_in(name: str, organizations: list[str]) -> str | None:
    """The organization whose written name holds `name` as a word sequence."""
    words = _bare_words(name)
    for organization in organizations:
        org_words = _bare_words(organization)
        if any(
            org_words[i : i + len(words)] == words
            for i in range(1, len(org_words) - len(words) + 1)
        ):
            return organization
    return None


def _bare_words(text: str) -> list[str]:
    return [w for w in name_key(text).replace("«", " ").replace("»", " ").split() if w]


def _is_group(mention: Mention) -> bool:
    return mention.anonymous and mention.group


def _tagged_person(mention: Mention) -> bool:
    return any(w.entity == "PER" for w in mention.name_words)


# The third person plural: a cue's ending (`گفتند`, `گفته‌اند`), a plural auxiliary
# (`گفته بودند`, `خواهند گفت`), or the plural copula on a belief word (`معتقدند`).
THIRD_PLURAL = "ند"
PLURAL_AUXILIARIES = frozenset({"اند", "بودند", "خواهند", "نخواهند", "هستند", "باشند"})


def _plural_cue(analysis: Analysis, statement: Statement) -> bool:
    """Whether the statement's cue is in the third person plural."""
    words = analysis.words
    first = bisect_left(words, statement.cue_start, key=lambda w: w.start)
    for word in words[first:]:
        if word.start >= statement.cue_end:
            break
        analysed = analyse_verb(word.text)
        if word.text in PLURAL_AUXILIARIES or (analysed and analysed[1] == THIRD_PLURAL) or (
            analysed is None and word.end == statement.cue_end
            and word.text.endswith(THIRD_PLURAL)
        ):
            return True
    return False
