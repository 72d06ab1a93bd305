"""Find each statement, its type and the words naming its speaker.

Statement forms of Persian news, each a function below:
- `X ... CUE: text`           direct, to the end of the paragraph (inside «» if quoted)
- `X ... CUE که text`         indirect, to the end of the sentence
- `X ... CUE text`            indirect, to the end of the sentence
- `X از Y خبر داد`            indirect, Y (the cue's object preposition, from cues.txt)
- `X خواستار Y شد`            indirect, Y between the preverb and the light verb
- `به گفته X، text`           indirect, the rest of the sentence
- `X با بیان اینکه Y، CUE ...` indirect, Y: a framing adjunct's clause, X's own statement
- `X: text` (colon headline) direct, the speaker before a paragraph-initial colon

A cue inside another speaker's statement is part of that statement (nested speech).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from itertools import islice, takewhile

from quotex import speakers
from quotex.cues import (
    CLAUSE_BREAKS,
    COLONS,
    COPULAS,
    CUE_COLONS,
    STATEMENT_INSIDE,
    Cue,
    find_cues,
    is_present,
    verb_stem,
)
from quotex.lexicon import (
    ADDRESSEE,
    DOCUMENT_MARK,
    RA,
    RA_BY_PREVERB,
    RA_PREDICATE,
    STATEMENT_AFTER,
    ZWNJ,
    cue_lexicon,
    first_names,
    nominal_stems,
    words_of,
)
from quotex.nlp import Analysis, Word
from quotex.segment import COMMAS

SENTENCE_END = frozenset({".", "!", "?", "؟"})
# A colon headline's speaker is short: a name, a surname or a short title.
HEADLINE_MAX_WORDS = 5
# With a frame around the speaker (`واکنش X به Y:`, `X در گفتگو با Y:`), a longer head.
FRAMED_HEADLINE_MAX_WORDS = 14
MIN_STATEMENT_WORDS = 2
# A results line (`قهرمان مشترک: X و Y`) names a few teams or people.
LIST_MAX_WORDS = 8
# A news source named before the speaker (`ایسنا- `, `«باشگاه خبرنگاران» `) is short.
BYLINE_MAX_WORDS = 4
BYLINE_DASHES = frozenset({"-", "–", "—"})
# `این که` is `اینکه` written apart: the complement of an adverbial (`با اشاره به این
# که ...`), no relative clause whose subject would be the speaker.
COMPLEMENTIZER_HEADS = frozenset({"این", "آن"})
# Conjunctions that may open a new clause with its own subject.
CLAUSE_CONJUNCTIONS = frozenset({"و", "اما", "ولی"})
# How far a document noun may stand after its `در` (`در [ادامه] این گزارش`).
DOCUMENT_REACH = 3
DOCUMENT_POINTERS = frozenset({"این", "آن", "همین"})
# How far back `در این بیانیه` may point to where the statement was first told of, and
# the indefinite ending of that first mention (`بیانیه‌ای`).
DOCUMENT_ANTECEDENT_SENTENCES = 6
INDEFINITE_SUFFIX = "ای"
# The one asked stands right before the verb (`از [مردم این کشور] خواست`).
ADDRESSEE_MAX_WORDS = 4
# A quotation after a colon may run over paragraphs (`نوشت: «...⏎⏎...»`), a few at most.
QUOTE_MAX_PARAGRAPHS = 4
# What opens the statement after a verb of asking (`خواست که ...`, `خواست تا ...`).
REQUEST_COMPLEMENTIZERS = frozenset({"که", "تا"})
# How far back from its cue a clause is looked for: no written clause is longer, and
# the bound keeps a huge paragraph with no punctuation linear.
MAX_CLAUSE_WORDS = 500


@dataclass
class Statement:
    """A statement with normalized-text offsets, before coreference."""

    start: int
    end: int
    type: str  # direct | indirect
    cue_start: int  # from the cue's first word to its last, `خواستار ... شد` included
    cue_end: int
    subject: list[Word]  # words naming the speaker here; empty for pro-drop
    conjoined: bool = False  # shares the subject of the previous cue (`... و گفت`)
    before_object: bool = False  # the subject phrase may run on into an object (`X Y را`)
    continues: bool = False  # the cue continues the last speaker (`افزود`, `ادامه داد`)
    headline: bool = False  # `X: text`; X may be a topic, not a speaker (`سیستم تیم ملی:`)
    cue_parts: tuple[tuple[int, int], ...] = ()  # pieces of a split cue; () = one piece


def find_statements(analysis: Analysis) -> list[Statement]:
    found: list[Statement] = []
    cues = find_cues(analysis)
    previous: CueClause | None = None
    framed: set[int] = set()  # adjuncts already stated (`با بیان اینکه Y، بر Z تأکید کرد و گفت`)
    for position, cue in enumerate(cues):
        following = cues[position + 1] if position + 1 < len(cues) else None
        clause = _cue_clause(analysis, cue, previous, following)
        statement = _statement_for_cue(analysis, clause, cues)
        if statement is not None:
            found.append(statement)
            if statement.type == "indirect" and (
                    quote := _quote_after_indirect(analysis, statement, cues)) is not None:
                found.append(quote)
        if clause.framing is not None and clause.framing.opener not in framed and not (
                clause.says_nothing):
            framed.add(clause.framing.opener)
            found.append(_framing_statement(analysis, clause))
        clause.stated = statement is not None
        previous = clause
    found.extend(_according_statements(analysis))
    found.extend(_colon_headlines(analysis, found, cues))
    found.sort(key=lambda s: (s.cue_start, s.start))
    return _drop_nested(found)


def _in_topic_clause(analysis: Analysis, cue: Cue, following: Cue | None) -> bool:
    """Whether `cue` is inside an `اینکه` clause that the sentence's main cue (the next
    cue, in its sentence) follows (`X در مورد اینکه Y اعلام کرده ...، عنوان کرد: ...`):
    the topic of the question, the main speaker's words come after it."""
    sent = analysis.sentence_of(cue.verb)
    main = following if following and following.verb.sentence == cue.verb.sentence else None
    if main is None or any(  # the main cue is in the same clause, before any colon
        w.text in CLAUSE_BREAKS for w in analysis.words[cue.last.index : main.first.index]
    ):
        return False
    words = analysis.words
    # the nearest opening before the cue; inside it until its comma or verb (`با بیان
    # اینکه Y [،|است] بر Z تأکید کرد و گفت` is outside)
    for i in range(cue.first.index - 1, max(sent.first, cue.first.index - MAX_CLAUSE_WORDS) - 1,
                   -1):
        closed = words[i].text in COMMAS or words[i].text in CLAUSE_BREAKS or _is_finite_verb(
            words[i])
        if words[i].text == "اینکه" or (
                words[i].text == "که" and i > sent.first and words[i - 1].text == "این"):
            return not closed
        if closed:
            return False
    return False


def _drop_nested(statements: list[Statement]) -> list[Statement]:
    """Speech inside another speaker's statement stays part of it."""
    kept: list[Statement] = []
    for st in statements:
        if any(k.start <= st.cue_start < k.end for k in kept):
            continue
        kept.append(st)
    return kept


# --- cue statements -------------------------------------------------------------------


@dataclass
class CueClause:
    """A cue in its clause: where the clause starts, the statement object before the
    verb if any, and the words naming the speaker."""

    cue: Cue
    region_start: int
    object_span: tuple[int, int] | None
    subject: list[Word]
    conjoined: bool  # shares the subject of the previous cue's statement (`... و گفت`)
    before_object: bool
    # a judging verb with no judged object (`دانست که` "knew"), a verb of asking with no
    # one asked (`می‌خواهد برود` "wants to go"), `آمد` with no document (`به تهران آمد`),
    # a cue inside a topic clause (`در مورد اینکه X اعلام کرده ...، عنوان کرد`)
    says_nothing: bool
    framing: Framing | None = None  # `با بیان اینکه Y` before the cue, Y its own statement
    stated: bool = False  # set once known: whether the cue made a statement


@dataclass
class Framing:
    """A framing adjunct with a clause before a cue: `[با بیان اینکه] [Y]`, word indexes."""

    opener: int  # `با` of `با بیان اینکه`
    cue_last: int  # `اینکه` (or `که` of `این که`)
    first: int  # Y's first word
    last: int  # Y's last word


def _cue_clause(
    analysis: Analysis, cue: Cue, previous: CueClause | None, following: Cue | None
) -> CueClause:
    words = analysis.words
    region_start = _clause_start(analysis, cue)
    conjoined = (
        previous is not None
        and previous.cue.verb.sentence == cue.verb.sentence
        and previous.cue.last.index < cue.first.index
        and words[cue.first.index - 1].text == "و"
        and previous.cue.last.index >= region_start - 1
    )
    object_span = _object_statement(analysis, cue, region_start)
    document = (
        _document_before(analysis, cue, region_start)
        if DOCUMENT_MARK in cue.entry.object_preps else None
    )
    says_nothing = (object_span is None and cue.entry.object_preps == (RA_PREDICATE,)) or (
        ADDRESSEE in cue.entry.object_preps and not _has_addressee(analysis, cue, region_start)
    ) or (DOCUMENT_MARK in cue.entry.object_preps and document is None) or (
        _in_topic_clause(analysis, cue, following))
    if document is not None:
        # the author's words after the document noun; after `این`, a letter's writer is
        # the speaker before, and another document's author is unknown: no statement
        pointed = words[document - 1].text in DOCUMENT_POINTERS
        letter = words[document].text in cue_lexicon().letters
        if not pointed:
            author = speakers.subject_words(analysis, document + 1, cue.first.index)
        else:  # `در این بیانیه آمده است`: whoever issued it, named where it was first told
            author = [] if letter else _document_author(analysis, document)
        unknown = pointed and not letter and not author
        return CueClause(cue, region_start, None, author, False, False,
                         says_nothing or unknown or not (pointed or author))
    # the subject ends before the object, or before the cue when the object is inside it
    subject_end = min(object_span[0], cue.first.index) if object_span else cue.first.index
    framing = _framing_before(analysis, region_start, subject_end)
    if conjoined and previous is not None and not previous.stated:
        # `X Y را ... دانست و گفت` where `دانست` made no statement: its subject is ours
        return CueClause(cue, region_start, object_span, previous.subject, False,
                         previous.before_object, says_nothing, framing)
    subject_start = region_start
    if framing is not None and speakers.after_time_adverbial(
            words, region_start, framing.opener) == framing.opener:
        # `با بیان اینکه Y، X گفت`: the speaker comes after the adjunct's clause
        subject_start = _skip_commas(analysis, framing.last + 1)
    subject = [] if conjoined else _subject(analysis, subject_start, subject_end)
    before_object = bool(subject) and (
        _runs_into_object(analysis, subject, subject_end)
        or ra_ahead(analysis, subject, subject_end)
        # a `را` object's first words are a guess: they may belong to the subject
        or object_span is not None and "را" in (w.text for w in words[slice(*object_span)])
    )
    return CueClause(cue, region_start, object_span, subject, conjoined, before_object,
                     says_nothing, framing)


def _statement_for_cue(
    analysis: Analysis, clause: CueClause, cues: list[Cue]
) -> Statement | None:
    words = analysis.words
    cue = clause.cue
    sent = analysis.sentence_of(cue.verb)
    if clause.says_nothing:
        return None
    object_span, subject = clause.object_span, clause.subject

    after = cue.last.index + 1
    parts = cue.parts
    base = {
        "cue_parts": tuple((a.start, b.end) for a, b in parts) if len(parts) > 1 else (),
        "cue_start": cue.first.start,
        "cue_end": cue.last.end,
        "subject": subject,
        "conjoined": clause.conjoined,
        "before_object": clause.before_object,
        "continues": cue.entry.label in cue_lexicon().continuations,
    }
    if object_span is not None:
        first, last = object_span
        return Statement(words[first].start, words[last].end, "indirect", **base)

    if after <= sent.last and words[after].text in CUE_COLONS:
        start, end = _colon_text(analysis, after, cues, subject, after_cue=True)
        if start is None:
            return None
        return Statement(start, end, "direct", **base)

    opening = REQUEST_COMPLEMENTIZERS if ADDRESSEE in cue.entry.object_preps else {"که"}
    if after <= sent.last and words[after].text in opening:
        after += 1
    if after > sent.last:
        return None
    # the first words are enough to judge (no copy of a long sentence per cue)
    rest = list(islice((words[i] for i in range(after, sent.last + 1)
                        if words[i].text not in SENTENCE_END), 3))
    if len(rest) < MIN_STATEMENT_WORDS or rest[0].text in COMMAS and len(rest) < 3:
        return None
    if rest[0].text == "و":
        return None  # `ابراز امیدواری کرد و گفت: ...`: the next cue carries the statement
    if rest[0].text in COMMAS:
        rest = rest[1:]
    quoted = _quoted_span(analysis, rest[0].index)
    if quoted is not None:
        return Statement(quoted[0], quoted[1], "direct", **base)
    end_word = _before_conjoined_cue(analysis, rest[0], cues) or words[sent.last]
    colon = _colon_before_quote(analysis, rest[0].index, end_word.index)
    if colon is not None and colon > rest[0].index + 1:
        end_word = words[colon - 1]  # `گفت Y: «Z»`: Y here, Z the quote after it
    return Statement(rest[0].start, end_word.end, "indirect", **base)


def _colon_before_quote(analysis: Analysis, first: int, last: int) -> int | None:
    """Index of a colon in words[first:last] that opens a quotation, else None."""
    words = analysis.words
    return next((w.index for w in words[first:last] if w.text in COLONS
                 and words[w.index + 1].text in speakers.QUOTE_PAIRS), None)


def _quote_after_indirect(
    analysis: Analysis, statement: Statement, cues: list[Cue]
) -> Statement | None:
    """Z of `X گفت Y: «Z»`: the quotation after an indirect statement's colon, the same
    speaker's own words."""
    words = analysis.words
    last = next((w for w in words if w.end >= statement.end), None)
    colon = last.index + 1 if last is not None else len(words)
    if colon + 1 >= len(words) or words[colon].text not in COLONS or (
            words[colon + 1].text not in speakers.QUOTE_PAIRS):
        return None
    start, end = _colon_text(analysis, colon, cues, statement.subject, after_cue=True)
    if start is None:
        return None
    return replace(statement, start=start, end=end, type="direct")


def _framing_statement(analysis: Analysis, clause: CueClause) -> Statement:
    """Y of `X با بیان اینکه Y، CUE`: X's statement, indirect, with the adjunct as its
    cue and the words naming the main cue's speaker."""
    words = analysis.words
    framing = clause.framing
    assert framing is not None
    return Statement(
        words[framing.first].start, words[framing.last].end, "indirect",
        words[framing.opener].start, words[framing.cue_last].end, clause.subject,
        conjoined=clause.conjoined, before_object=clause.before_object,
        continues=clause.cue.entry.label in cue_lexicon().continuations,
    )


def _framing_before(analysis: Analysis, start: int, end: int) -> Framing | None:
    """The framing adjunct with a clause in words[start:end] (`با بیان اینکه Y`, `ضمن
    اشاره به این که Y`), with Y's span, else None."""
    words = analysis.words
    lex = cue_lexicon()
    for word in words[start:end]:
        for phrase in lex.framing:
            after = word.index + len(phrase)
            if _texts(words, word.index, len(phrase)) != phrase:
                continue
            for complementizer in lex.framing_complementizers:
                first = after + len(complementizer)
                if first < end and _texts(words, after, len(complementizer)) == complementizer:
                    last = _framed_clause_end(analysis, first, end)
                    if last is not None:
                        return Framing(word.index, first - 1, first, last)
    return None


def _texts(words: list[Word], first: int, n: int) -> tuple[str, ...]:
    """The n words from `first`, without ZWNJ (`این‌که` is `اینکه`)."""
    return tuple(w.text.replace(ZWNJ, "") for w in words[first : first + n])


def _framed_clause_end(analysis: Analysis, first: int, end: int) -> int | None:
    """Last word of the clause an adjunct frames (`با بیان اینکه [Y]، گفت`): its verb
    before a comma (`Y برگزار می‌شود، گفت`; a comma after no verb stays inside, `Y
    چهارشنبه، ۲۱ فروردین، ...`), else its last verb before the cue (`Y است افزود`), else
    the last comma before the cue; None when Y is too short to say anything."""
    words = analysis.words
    last_verb: int | None = None
    last_comma: int | None = None
    for word in words[first:end]:
        if word.text in CLAUSE_BREAKS:
            return None  # no cue of this clause follows the adjunct
        if word.text in COMMAS:
            if last_verb == word.index - 1:
                return _long_enough(first, last_verb)
            last_comma = word.index
        elif _is_finite_verb(word):
            last_verb = word.index
    if last_verb is not None:
        return _long_enough(first, last_verb)
    return _long_enough(first, last_comma - 1) if last_comma is not None else None


def _long_enough(first: int, last: int) -> int | None:
    return last if last - first + 1 >= MIN_STATEMENT_WORDS else None


def _before_conjoined_cue(analysis: Analysis, first: Word, cues: list[Cue]) -> Word | None:
    """The last word of an indirect statement that a second cue of its sentence, joined
    by a conjunction, ends (`اعلام کرد [Y] اما تاکید کرد Z`, `گفت که [Y] و افزود ...`):
    Z is that cue's. None when no such cue follows."""
    words = analysis.words
    # cues are in text order: only those after `first` in its sentence can end it
    later = islice(cues, bisect_left(cues, first.index + 2, key=lambda c: c.verb.index), None)
    for cue in takewhile(lambda c: c.verb.sentence == first.sentence, later):
        before = cue.first.index - 1
        if before > first.index and words[before].text in CLAUSE_CONJUNCTIONS:
            last = before - 1
            while last > first.index and words[last].text in COMMAS:
                last -= 1
            return words[last]
    return None


def _subject(analysis: Analysis, start: int, end: int) -> list[Word]:
    """The speaker's words: at the clause start, or after a fronted adverbial and its
    comma (`در ابتدای جلسه، حسینی، درباره ... گفت`)."""
    start = speakers.after_time_adverbial(analysis.words, start, end)
    subject = speakers.subject_words(analysis, start, end)
    if _runs_into_object(analysis, subject, end):
        subject = speakers.subject_before_object(subject)  # `این فرد نام فیلم را`
    elif ra_ahead(analysis, subject, end) and (
        (place_end := speakers.title_place_end(subject)) is not None
    ):
        subject = subject[:place_end]  # `امام جمعه شهر آبیک [میزان پرونده‌ها] به ... را`
    if subject:
        return subject
    for word in analysis.words[start:end]:
        # after a fronted adverbial's comma, or its `اما` (`علی‌رغم ادعای X اما [Y] گفت`)
        if word.text in COMMAS or word.text in CLAUSE_CONJUNCTIONS - {"و"}:
            subject = speakers.subject_words(analysis, word.index + 1, end)
            if subject:
                return subject
    return []


def ra_ahead(analysis: Analysis, subject: list[Word], end: int) -> bool:
    """Whether `را` comes later before `end`, with no verb between: an object after
    a preposition inside it (`X [میزان پرونده‌های وارده به دستگاه قضایی] را`)."""
    for word in analysis.words[subject[-1].index + 1 : end] if subject else ():
        if word.text == "را":
            return True
        if _is_finite_verb(word) or word.text in CLAUSE_BREAKS:
            return False
    return False


def _runs_into_object(analysis: Analysis, subject: list[Word], end: int) -> bool:
    """Whether `را` follows the subject phrase: its last words are the object."""
    after = subject[-1].index + 1 if subject else end
    return after < end and analysis.words[after].text == "را"


def _clause_start(analysis: Analysis, cue: Cue) -> int:
    """First word of the clause that holds the cue, after any byline opening."""
    sent = analysis.sentence_of(cue.verb)
    words = analysis.words
    start = _last_clause_break(analysis, max(sent.first, cue.first.index - MAX_CLAUSE_WORDS),
                               cue.first.index)
    open_subordinate: int | None = None
    for word in words[start : cue.first.index]:
        if word.text in CLAUSE_BREAKS:
            start = word.index + 1
            open_subordinate = None
        elif word.text == "که" and words[word.index - 1].text not in COMPLEMENTIZER_HEADS:
            open_subordinate = word.index + 1
        elif _is_verb(word):
            open_subordinate = None  # `... که با حضور ... برگزار شد، X گفت`: closed
        elif _new_subject_after(analysis, word, cue.first.index):
            start = word.index + 1  # `کاکا ... است و [آلگری] در این باره گفت`
            open_subordinate = None
    if open_subordinate is not None:
        start = open_subordinate  # `در حالی است که X ... هشدار داد`: X is the subject
    return _skip_byline(analysis, start, cue.first.index)


def _last_clause_break(analysis: Analysis, first: int, end: int) -> int:
    """The word after the last clause break in words[first:end], or `first`: the clause
    scan starts there, since a break resets everything before it."""
    for index in range(end - 1, first - 1, -1):
        if analysis.words[index].text in CLAUSE_BREAKS:
            return index + 1
    return first


def _new_subject_after(analysis: Analysis, word: Word, end: int) -> bool:
    """Whether `word` is a conjunction after a finite verb that opens a clause with a
    subject of its own: a tagged name that is no object (`... است و [آلگری] گفت`, not
    `... آمد و [علی] را دید`)."""
    words = analysis.words
    if word.text not in CLAUSE_CONJUNCTIONS or word.index == 0 or word.index + 1 >= end:
        return False
    if not _is_finite_verb(words[word.index - 1]) or words[word.index + 1].entity != "PER":
        return False
    after = word.index + 1
    while after < end and words[after].entity == "PER":
        after += 1
    return words[after].text != "را"


def _is_finite_verb(word: Word) -> bool:
    """A verb that ends a clause; a participle (`احداث شده`, `احتکار شده`) does not."""
    return _is_verb(word) and not word.text.endswith("ه")


def _is_verb(word: Word) -> bool:
    if word.parsed:
        return word.upos in ("VERB", "AUX")
    return verb_stem(word.text) is not None or word.text in COPULAS


def _skip_byline(analysis: Analysis, start: int, end: int) -> int:
    """Skip a news-source opening before the speaker.

    `به گزارش ایرنا، X گفت` (a byline phrase to its comma), `ایسنا- X گفت` (a source
    and a dash early in the paragraph), `«باشگاه خبرنگاران» X گفت` (a short quoted
    source name before the speaker).
    """
    words = analysis.words
    if start >= end:
        return start
    if opener := speakers.match_entry(words, start, "bylines"):
        after = start + opener + speakers.byline_source_length(words, start + opener, end)
        if after > start + opener and after < end and not (
            words[after].text in COMMAS or speakers.ends_subject(words[after])
            or speakers.match_entry(words, after, "bylines")
        ):
            return after  # `به گزارش ایسنا علی ربیعی ... گفت`: no comma after the source
        for word in words[start:end]:
            if word.text in COMMAS:
                return word.index + 1
        return end
    for word in words[start : min(end, start + BYLINE_MAX_WORDS + 1)]:
        if speakers.is_title_head(words, word.index):
            break  # `کارشناس انجمن‌های علمی - دانشجویی`: a title with a hyphen in it
        if word.text in BYLINE_DASHES and word.index > start:
            return word.index + 1
    if words[start].text in speakers.QUOTE_PAIRS:
        closing = speakers.quote_end(words, start, min(end, start + BYLINE_MAX_WORDS + 2))
        quoted = words[start + 1 : closing] if closing is not None else []
        if quoted and _quoted_name(analysis, quoted):
            return start  # `«آنگلا مرکل» صدراعظم آلمان گفت`: the speaker's name, quoted
        if closing is not None:
            after = closing + 1
            # a speaker must follow, else the quoted name is the speaker
            # (`«وال‌استریت‌ژورنال» با گزارش این خبر افزود`)
            named_after = after < end and speakers.subject_words(analysis, after, end)
            return after if named_after else start
    return start


def _quoted_name(analysis: Analysis, quoted: list[Word]) -> bool:
    """Whether the quoted words opening a sentence name a person: tagged so, a first
    name, or a title right after them (`«آهلین» نایب رئیس کمیسیون ...`) that is no
    outlet's (`«ایسنا» رئیس سازمان ...`)."""
    if any(w.entity == "PER" or w.text in first_names() for w in quoted):
        return True
    after = quoted[-1].index + 2
    return speakers.is_title_head(analysis.words, after) and not any(
        speakers.is_org_head(quoted, i) or speakers.match_entry(quoted, i, "news_sources")
        for i in range(len(quoted))
    )


def _object_statement(analysis: Analysis, cue: Cue, region_start: int) -> tuple[int, int] | None:
    """Word span of Y in `X از Y خبر داد` / `X خواستار Y شد`, or None."""
    entry = cue.entry
    words = analysis.words
    if not entry.object_preps:
        return None
    if entry.object_preps == (STATEMENT_INSIDE,):
        if cue.first is not cue.verb and cue.first.index + 1 < cue.verb.index:
            return cue.first.index + 1, cue.verb.index - 1
        # `X [آزادی آنان] را خواستار شد`, `X [Y] را از سوی Z خواستار شد`
        return _ra_object(analysis, cue, region_start)
    preps = {p for p in entry.object_preps
             if " " not in p and p not in (STATEMENT_AFTER, ADDRESSEE, DOCUMENT_MARK)}
    two_word = {tuple(p.split()) for p in entry.object_preps if " " in p}
    if preps & {RA, RA_PREDICATE, RA_BY_PREVERB}:
        if STATEMENT_AFTER in entry.object_preps and _words_follow(analysis, cue):
            return None  # `X این شایعات را رد کرده و اعلام کرد [Y]`: Y follows the verb
        span = _ra_object(analysis, cue, region_start, RA_PREDICATE in preps)
        if span is not None and RA_BY_PREVERB in preps:
            span = (span[0], cue.first.index)  # `X [Y را ضروری] دانست`: with the judgement
        if span is not None or preps <= {RA, RA_PREDICATE, RA_BY_PREVERB}:
            return span  # None: the statement follows the verb, if the entry allows it
    # The object preposition before the cue: the last one that opens a comma segment
    # (`X، در جلسه ...، از Y خبر داد`), else the farthest back, which keeps a nested
    # `از` inside Y (`از کشف ۲ تن از مواد خبر داد`). A verb ends the search.
    candidates: list[int] = []
    opening: list[int] = []
    for word in words[region_start : cue.first.index]:
        if _is_finite_verb(word):
            candidates, opening = [], []  # a finite verb; participles (`احتکار شده`) stay
            continue
        prev = words[word.index - 1].text if word.index > 0 else ""
        if word.text in preps or (prev, word.text) in two_word:
            candidates.append(word.index)
            if prev in COMMAS or word.index == region_start:
                opening.append(word.index)
    chosen = opening[-1] if opening else (candidates[0] if candidates else None)
    if chosen is None or chosen + 1 >= cue.first.index:
        return None
    return chosen + 1, cue.first.index - 1


def _document_before(analysis: Analysis, cue: Cue, region_start: int) -> int | None:
    """Index of the document noun of `در [ادامه] [این] پیام X آمده است` in the cue's
    clause, else None."""
    documents = cue_lexicon().documents
    words = analysis.words
    for word in words[region_start : cue.first.index]:
        if word.text in documents and any(
            w.text == "در" for w in words[max(region_start, word.index - DOCUMENT_REACH) :
                                          word.index]
        ):
            return word.index
    return None


def _document_author(analysis: Analysis, document: int) -> list[Word]:
    """Who issued the document that `در این بیانیه` points back to: the words naming
    them where a recent sentence first told of it (`X طی بیانیه‌ای ... اعلام کرد`,
    `بیانیه X منتشر شد`, `در بیانیه‌ای که X منتشر کرد`); [] when none does. A byline's
    `به گزارش X` is the outlet's report, not the document."""
    words = analysis.words
    noun = words[document].text
    first_sentence = max(0, words[document].sentence - DOCUMENT_ANTECEDENT_SENTENCES)
    for word in reversed(words[analysis.sentences[first_sentence].first : document - 1]):
        bare = word.text.replace(ZWNJ, "")
        indefinite = bare == noun.replace(ZWNJ, "") + INDEFINITE_SUFFIX
        if bare != noun.replace(ZWNJ, "") and not indefinite:
            continue
        sent = analysis.sentence_of(word)
        before = words[word.index - 1].text if word.index > sent.first else ""
        if before == "به" or before in DOCUMENT_POINTERS:
            continue  # `به گزارش ایرنا`, another `در این بیانیه`
        nxt = word.index + 1
        if nxt <= sent.last and words[nxt].text == "که":  # `بیانیه‌ای که X منتشر کرد`
            return speakers.subject_words(analysis, nxt + 1, sent.last + 1)
        if not indefinite and nxt <= sent.last and not _is_verb(words[nxt]):
            named = speakers.subject_words(analysis, nxt, sent.last + 1)
            if named:  # `بیانیه [انجمن قلم ایران]`
                return named
        start = _skip_byline(analysis, sent.first, word.index)
        return _subject(analysis, start, word.index)  # `[X] طی بیانیه‌ای`
    return []


def _has_addressee(analysis: Analysis, cue: Cue, region_start: int) -> bool:
    """Whether an `از` phrase of the cue's own clause comes before it (`X از مردم
    خواست`), with no finite verb between."""
    before = analysis.words[max(region_start, cue.first.index - ADDRESSEE_MAX_WORDS - 1) :
                            cue.first.index]
    for word in reversed(before):
        if _is_verb(word) or word.text in CLAUSE_BREAKS | COMMAS:
            return False
        if word.text == "از":
            asked = analysis.words[word.index + 1]
            return asked.text not in words_of("speaker_pronouns")  # `از من خواستند`
    return False


def _words_follow(analysis: Analysis, cue: Cue) -> bool:
    """Whether the cue's sentence goes on after it, other than with `و` (`... را یادآور
    شد و گفت`)."""
    after = cue.last.index + 1
    sent = analysis.sentence_of(cue.verb)
    return after <= sent.last and analysis.words[after].text not in SENTENCE_END | {"و"}


def _ra_object(
    analysis: Analysis, cue: Cue, region_start: int, needs_predicate: bool = False
) -> tuple[int, int] | None:
    """Word span of `Y را Z` in `X Y را Z قلمداد کرد` / `X Y را به Z متهم کرد`, without a
    `را` that ends it (`X Y را تشریح کرد`); None when no `را` of the cue's own clause
    precedes it, or when `needs_predicate` and no Z stands between (`کتاب را خواند`)."""
    words = analysis.words
    marker = next(
        (w.index for w in reversed(words[region_start : cue.first.index]) if w.text == "را"),
        None,
    )
    if marker is None:
        return None
    between = words[marker + 1 : cue.first.index]
    # a clause end says the `را` is another clause's (a comma may stand inside the
    # judgement: `X را [A، B و C] توصیف کرد`)
    if any(_is_finite_verb(w) or w.text in CLAUSE_BREAKS for w in between):
        return None  # `را` of an earlier clause: `X را اجرا کردیم. Y یادآور شد`
    if needs_predicate and not between:
        return None
    subject = speakers.subject_before_object(
        speakers.subject_words(analysis, region_start, marker)
    )
    first = _skip_commas(analysis, subject[-1].index + 1 if subject else region_start)
    # the object opens after the last comma or finite verb before `را` (`X در این
    # دیدار، [آزادی آنان] را خواستار شد`, `X سفر کرد و [Y] را خواستار شد`), unless the
    # commas separate a list, which is the object (`X [خانواده، اشتغال، ... و Y] را`)
    listed = speakers.is_list(words[first:marker])
    for word in words[first:marker]:
        if (word.text in COMMAS and not listed) or _is_finite_verb(word):
            first = word.index + 1
    if first < marker and words[first].text == "و":
        first += 1
    first = speakers.after_time_adverbial(words, first, marker)  # `X [امروز] Y را ...`
    last = cue.first.index - 1
    if words[last].text == "را":
        last -= 1
    return (first, last) if first <= last and first != marker else None


def _skip_commas(analysis: Analysis, index: int) -> int:
    while index < len(analysis.words) and analysis.words[index].text in COMMAS:
        index += 1
    return index


def _colon_text(
    analysis: Analysis, colon: int, cues: list[Cue], subject: list[Word],
    after_cue: bool = False,
) -> tuple[int | None, int]:
    """Text after a colon: to the end of the paragraph, or of the quotation it opens
    when that quotation is a whole sentence (narrative may follow it). After a cue
    (`after_cue`), a colon that ends its paragraph opens the next one (`وزیر در پایان
    گفت:` and the words below); a headline's does not (`علائم استرس:` over a list)."""
    words = analysis.words
    if colon + 1 >= len(words) or not after_cue and (
        analysis.sentence_of(words[colon + 1]).paragraph
        != analysis.sentence_of(words[colon]).paragraph
    ):
        return None, 0
    first = words[colon + 1]
    end = _end_before_next_attribution(
        analysis, first, cues, frozenset(w.text for w in subject if w.entity in ("", "PER"))
    )
    quoted = _quoted_span(analysis, first.index, QUOTE_MAX_PARAGRAPHS)
    if quoted is not None:
        closing = next(w for w in words[first.index + 1 :] if w.start >= quoted[1])
        after = words[closing.index + 1] if closing.index + 1 < len(words) else None
        if after is None or after.sentence != closing.sentence or after.text in SENTENCE_END:
            return quoted  # `گفت: «...».`: the inside of the quotation, paragraphs and all
    return first.start, end


def _end_before_next_attribution(
    analysis: Analysis, first: Word, cues: list[Cue], speaker_names: frozenset[str]
) -> int:
    """End of the paragraph, or of the sentence before a new attribution in it: a cue
    with a colon (`وی افزود: ...`), or a cue in a sentence that opens with a pronoun,
    a person's name or a word of the speaker's name (`کاظمی در ادامه احتمال داد`)."""
    paragraph = analysis.sentence_of(first).paragraph
    for sent in islice(analysis.sentences, first.sentence + 1, None):
        if sent.paragraph != paragraph:
            break
        opener = analysis.words[sent.first]
        # cues are in text order: those of this sentence, found without a pass over all
        for cue in takewhile(lambda c, sent=sent: c.verb.sentence == sent.index, islice(
                cues, bisect_left(cues, sent.first, key=lambda c: c.verb.index), None)):
            after = cue.last.index + 1
            with_colon = after <= sent.last and analysis.words[after].text in CUE_COLONS
            named = (
                opener.text in words_of("narrator_pronouns")
                or opener.entity == "PER"
                or opener.text in speaker_names
            )
            # a present tense with no colon is the speaker telling what another thinks
            # (`کی‌روش اعتقاد دارد که ...` inside a quote), not the narration resuming
            if with_colon or (named and not is_present(cue.verb.text)):
                return _trim_end(analysis, analysis.words[sent.first - 1].end)
    return _trim_end(analysis, analysis.paragraph_end(first.start))


def _trim_end(analysis: Analysis, end: int) -> int:
    text = analysis.text
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _quoted_span(
    analysis: Analysis, index: int, paragraphs: int = 1
) -> tuple[int, int] | None:
    """Inside a quotation opening at words[index], if it closes within `paragraphs`
    paragraphs (a quotation of several paragraphs opens once and closes at the end of
    its last one)."""
    words = analysis.words
    opener = words[index].text
    if opener not in speakers.QUOTE_PAIRS:
        return None
    closer = speakers.QUOTE_PAIRS[opener]
    paragraph_end = analysis.paragraph_end(words[index].start)
    for _ in range(paragraphs - 1):
        paragraph_end = analysis.paragraph_end(paragraph_end + 1)
    depth = 0
    for word in words[index + 1 :]:
        if word.start >= paragraph_end:
            break
        if word.text == opener and opener != closer:
            depth += 1
        elif word.text == closer:
            if depth == 0:
                if word.index == index + 1:
                    return None
                return words[index + 1].start, words[word.index - 1].end
            depth -= 1
    return None


# --- `به گفته X، ...` ---------------------------------------------------------------------


def _according_statements(analysis: Analysis) -> list[Statement]:
    words = analysis.words
    openers = {phrase[0] for phrase in cue_lexicon().according}
    found = []
    for word in words:
        if word.text not in openers:
            continue
        for phrase in cue_lexicon().according:
            n = len(phrase)
            chunk = words[word.index : word.index + n]
            if len(chunk) < n or tuple(w.text for w in chunk) != phrase:
                continue
            if any(w.sentence != word.sentence for w in chunk):
                continue
            if word.index > 0 and words[word.index - 1].text in (
                    cue_lexicon().according_governors):
                continue  # `با اشاره به ادعای X`: the claim is a topic, X not quoted
            statement = _according(analysis, chunk)
            if statement is not None:
                found.append(statement)
    return found


def _according(analysis: Analysis, phrase: list[Word]) -> Statement | None:
    words = analysis.words
    sent = analysis.sentence_of(phrase[0])
    speaker_start = phrase[-1].index + 1
    # the comma after the speaker, or the speaker's last word where none closes it
    closed_at = next(
        (w.index for w in words[speaker_start : sent.last + 1] if w.text in COMMAS), None
    )
    opens_sentence = phrase[0].index == sent.first
    if closed_at is None and speaker_start <= sent.last and (
        words[speaker_start].text in words_of("pronouns")
    ):
        closed_at = speaker_start  # `به گفته وی افرادی که ...`: the pronoun alone speaks
        speaker_end = speaker_start + 1
    elif closed_at is None and opens_sentence and speaker_start <= sent.last and (
        (end := _according_speaker_end(analysis, speaker_start, sent.last)) is not None
    ):
        speaker_end = end  # no comma: the name, or the title with its place, speaks
        closed_at = end - 1
    else:
        speaker_end = closed_at if closed_at is not None else min(speaker_start + 4, sent.last + 1)
    subject = speakers.subject_words(analysis, speaker_start, speaker_end)
    if not subject or (closed_at is None and subject[0].parsed and subject[0].upos == "ADJ"):
        # `پاسخ برانکو به ادعای عجیب باشگاه`: the claim's adjective, no one (but a
        # surname the tagger calls an adjective speaks: `به گفته قدیمی، ...`)
        return None
    base = {
        "cue_start": phrase[0].start,
        "cue_end": phrase[-1].end,
        "subject": subject,
    }
    after = list(islice((words[i] for i in range((closed_at or speaker_end) + 1, sent.last + 1)
                         if words[i].text not in SENTENCE_END), MIN_STATEMENT_WORDS))
    if closed_at is not None and len(after) >= MIN_STATEMENT_WORDS:
        quoted = _quoted_span(analysis, after[0].index)
        if quoted is not None:
            return Statement(quoted[0], quoted[1], "direct", **base)
        return Statement(after[0].start, words[sent.last].end, "indirect", **base)
    # the words before the phrase, commas aside: their first ones and last are enough
    before = list(islice((words[i] for i in range(sent.first, phrase[0].index)
                          if words[i].text not in COMMAS), MIN_STATEMENT_WORDS))
    if len(before) >= MIN_STATEMENT_WORDS:
        last = next(words[i] for i in range(phrase[0].index - 1, sent.first - 1, -1)
                    if words[i].text not in COMMAS)
        return Statement(before[0].start, last.end, "indirect", **base)
    return None


def _according_speaker_end(analysis: Analysis, start: int, last: int) -> int | None:
    """Where the speaker of a sentence-opening `به گفته` ends when no comma closes it:
    after a tagged name (`به گفته [علی رضایی] قیمت‌ها ...`), or after a title's place
    (`به گفته [معاون عمرانی استانداری اردبیل] افزایش ...`), also one right after the
    name (`به گفته [X مدیرکل بهزیستی اردبیل] ...`); None when neither shows, or when
    another speaker joins (`به گفته X و Y ...`)."""
    words = analysis.words
    end = start
    if words[start].entity == "PER":
        end = start + 1
        while end <= last and words[end].entity == "PER" and not words[end].entity_begin:
            end += 1
        if end <= last and not speakers.is_title_head(words, end):
            return None if words[end].text in words_of("conjunctions") else end
    phrase = speakers.subject_words(analysis, end, last + 1)
    place_end = speakers.title_place_end(phrase) if phrase else None
    return phrase[place_end - 1].index + 1 if place_end is not None else None


# --- colon headlines: `احدی: ...` ------------------------------------------------------------


def _colon_headlines(
    analysis: Analysis, found: list[Statement], cues: list[Cue]
) -> list[Statement]:
    """`NAME: text` at the start of a paragraph, with no cue verb before the colon."""
    words = analysis.words
    out = []
    for sent in analysis.sentences:
        if sent.first > 0 and words[sent.first - 1].sentence == sent.index - 1 and (
            analysis.sentences[sent.index - 1].paragraph == sent.paragraph
        ):
            continue  # not paragraph-initial
        head = []
        colon = None
        for word in words[sent.first : min(sent.last + 1,
                                           sent.first + FRAMED_HEADLINE_MAX_WORDS + 1)]:
            if word.text in COLONS:
                colon = word
                break
            head.append(word)
        if colon is None or not head:
            continue
        opens_quote = colon.index + 1 < len(words) and (
            words[colon.index + 1].text in speakers.QUOTE_PAIRS
        )
        framed = _framed_headline_speaker(head)
        if framed is not None:
            head = framed  # `واکنش [X] به Y:`, `[X] در گفتگو با Y:`
        elif len(head) > HEADLINE_MAX_WORDS or not _looks_like_speaker(
                head, topic_allowed=opens_quote):
            continue
        start, end = _colon_text(analysis, colon.index, cues, head)
        if any(start is not None and start <= st.cue_start < end and _after_colon(analysis, st)
               for st in found):
            continue  # `اجتماعی: X گفت: ...`: the first colon only labels the paragraph
        if start is None or len(analysis.text[start:end].split()) < 3:
            continue
        if _a_list_of_names(analysis, head, colon, start, end):
            continue
        out.append(
            Statement(start, end, "direct", colon.start, colon.end, head,
                      headline=True)
        )
    return out


def _framed_headline_speaker(head: list[Word]) -> list[Word] | None:
    """The speaker of a colon headline framed by a noun of speech or a setting: X of
    `واکنش X به Y:`, `کنایه X به Y:`, `X در گفتگو با Y:`, `X خطاب به Y:`; None when the
    head is no such frame or X is no short speaker."""
    lex = cue_lexicon()
    if any(_is_verb(w) or w.text in CLAUSE_BREAKS for w in head):
        return None  # `X در پاسخ به Y اظهار داشت:` is a cue's colon
    if len(head) > 1 and head[0].text in lex.headline_nouns:
        speaker = list(takewhile(lambda w: w.text not in lex.headline_prepositions, head[1:]))
    else:
        speaker = next((head[:i] for i in range(1, len(head)) for setting in
                        lex.headline_settings
                        if _texts(head, i, len(setting)) == setting), [])
    if not speaker or len(speaker) > HEADLINE_MAX_WORDS:
        return None
    return speaker if _looks_like_speaker(speaker, topic_allowed=False) else None


def _a_list_of_names(
    analysis: Analysis, head: list[Word], colon: Word, start: int, end: int
) -> bool:
    """`قهرمان مشترک: فیروزه شیراز و پرشین`: a title and a short list of names with no
    verb, as results are written, says nothing."""
    if any(w.entity == "PER" for w in head) or not speakers.is_title_head(head, 0):
        return False
    text = [w for w in takewhile(lambda w: w.start < end, analysis.words[colon.index + 1 :])
            if w.start >= start]
    return len(text) <= LIST_MAX_WORDS and any(w.text == "و" for w in text) and not any(
        _is_verb(w) for w in text)


def _after_colon(analysis: Analysis, statement: Statement) -> bool:
    return analysis.text[statement.cue_end : statement.start].strip().startswith(":")


def _common_noun(word: Word) -> bool:
    return word.entity != "PER" and word.text in nominal_stems() and not (
        speakers.is_title_head([word], 0)
    )


def _looks_like_speaker(head: list[Word], topic_allowed: bool) -> bool:
    """A short name or title before a colon; with a quotation after the colon also a
    topic line of an interview (`ارتباط با رسانه‌ها: «...»`), which coref gives to the
    current speaker."""
    if any(verb_stem(w.text) is not None for w in head):
        return False  # `وی افزود:` is a cue's colon, found already
    if any(w.text.isdigit() or w.text in CLAUSE_BREAKS or w.text in "،,-–" for w in head):
        return False
    if speakers.match_entry(head, 0, "bylines") or speakers.match_entry(head, 0, "news_sources"):
        return False
    if any(w.parsed and w.upos in ("VERB", "AUX", "ADP") for w in head):
        return False
    if head[-1].text in COPULAS:
        return False  # `در این گزارش آمده است: ...`
    if not topic_allowed and len(head) == 1 and _common_noun(head[0]):
        return False  # `توجه: ...`, `نکته: ...`: a note, not a speaker
    if len(head) == 1 and head[0].text in words_of("credit_lines"):
        return False  # `خبرنگار: X`, `عکس: X`: who wrote or shot the piece
    return topic_allowed or not any(speakers.ends_subject(w) for w in head)
