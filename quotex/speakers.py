"""Turn the words that name a speaker into name, title, honorific and kind.

Persian news names a speaker as `NAME TITLE` (`حسین خوش اقبال معاون استاندار`),
`NAME، TITLE،`, `TITLE NAME`, `TITLE، NAME`, a title alone (`فرماندار تهران`), a
surname alone (`خوش اقبال`), a pronoun (`وی`) or an institution (`وزارت کشور`). The
NER's person spans decide where a name is when it found one; otherwise the title
lexicon (a title starts at a title head such as `معاون`) decides. Resolution of
pronouns, surnames and bare titles to one person is coref's job.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from quotex import lexicon
from quotex.lexicon import ZWNJ, speaker_words, words_of
from quotex.nlp import Analysis, Word

PUNCTUATION = frozenset("،,:؛;.!?«»\"'()[]-–—/")
CONJUNCTIONS = frozenset({"و"})
OPENING_QUOTES = frozenset({"«", '"', "“"})
# Persian names run to four words at most (`محمدحسن رضایی خوش اقبال`).
MAX_NAME_WORDS = 4


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

    @property
    def is_empty(self) -> bool:
        return not self.words


def _key(word: Word) -> str:
    return word.text.replace(ZWNJ, " ")


@cache
def _multiword(section: str) -> tuple[tuple[str, ...], ...]:
    """Entries of a section with ZWNJ read as a space, longest first."""
    entries = {tuple(" ".join(e).replace(ZWNJ, " ").split()) for e in speaker_words()[section]}
    return tuple(sorted(entries, key=len, reverse=True))


def match_entry(words: Sequence[Word], start: int, section: str) -> int:
    """Length in words of the longest entry of `section` starting at words[start]."""
    flat: list[str] = []
    owners: list[int] = []
    for i in range(start, min(len(words), start + 4)):
        for piece in _key(words[i]).split():
            flat.append(piece)
            owners.append(i)
    for entry in _multiword(section):
        if tuple(flat[: len(entry)]) == entry:
            return owners[len(entry) - 1] - start + 1
    return 0


def is_title_head(words: Sequence[Word], i: int) -> bool:
    return match_entry(words, i, "title_heads") > 0


def is_org_head(words: Sequence[Word], i: int) -> bool:
    return match_entry(words, i, "organization_heads") > 0


def _trim(words: list[Word]) -> list[Word]:
    while words and (words[0].text in PUNCTUATION or words[0].text in CONJUNCTIONS):
        words = words[1:]
    while words and (words[-1].text in PUNCTUATION or words[-1].text in CONJUNCTIONS):
        words = words[:-1]
    return words


def subject_words(
    analysis: Analysis, first: int, end: int, stop_at: int | None = None
) -> list[Word]:
    """The noun phrase at the start of analysis.words[first:end], up to a stopper.

    Commas stay inside (`NAME، TITLE،`), and so do numbers after the first word
    (`آزادکار وزن 70 کیلوگرم`); a preposition, time adverb, verb or `را` ends it.
    """
    stoppers = words_of("subject_stoppers")
    out: list[Word] = []
    words = analysis.words
    i = first
    while i < end and (stop_at is None or i < stop_at):
        word = words[i]
        continuation = match_entry(words, i, "title_continuations") if out else 0
        if continuation and i + continuation <= end:
            out.extend(words[i : i + continuation])
            i += continuation
            continue
        if word.text == "از" and out and out[-1].text in words_of("partitives"):
            out.append(word)  # `یکی از مرغداران گلستان`
            i += 1
            continue
        if word.text in OPENING_QUOTES and not out:
            i += 1
            continue  # `به گفته "عمرو موسی"،`
        if word.text in stoppers or word.text in (":", "؛", "«", "»", '"'):
            break
        if word.parsed and word.upos in ("VERB", "AUX", "SCONJ", "ADP") and out:
            break
        if word.text.isdigit() and not out:
            break
        out.append(word)
        i += 1
    return _trim(out)


def parse_mention(words: list[Word]) -> Mention:
    """Split a speaker phrase into honorific, name and title."""
    words = _trim(list(words))
    mention = Mention(words=words, name_words=[], title_words=[])
    if not words:
        return mention
    if len(words) == 1 and words[0].text in words_of("pronouns"):
        mention.pronoun = True
        return mention
    if words[0].text in words_of("demonstratives") and (
        len(words) <= 3 or (len(words) > 1 and is_title_head(words, 1))
    ):
        mention.pronoun = True  # `این مسئول`, `این کاندیدای احتمالی`: the speaker before
        return mention

    if words[0].text in words_of("anonymous") and not any(w.entity == "PER" for w in words):
        mention.anonymous = True  # `یک منبع آگاه`: described, never named
        mention.title_words = words
        return mention

    honorifics: list[str] = []
    words = drop_honorifics(words, honorifics)
    mention.honorific = " ".join(honorifics) or None
    name, title = _split_name_title(words)
    mention.name_words, mention.title_words = name, title
    if not name and not title and (is_org_head(words, 0) or _entity_is(words, "ORG")):
        mention.kind = "organization"
    return mention


def drop_honorifics(words: list[Word], found: list[str]) -> list[Word]:
    """Words without honorifics (at the start, or after a comma); `found` gets them."""
    out: list[Word] = []
    i = 0
    while i < len(words):
        at_part_start = not out or out[-1].text in ("،", ",")
        length = match_entry(words, i, "honorifics") if at_part_start else 0
        if length and i + length < len(words):
            found.append(" ".join(w.text for w in words[i : i + length]))
            i += length
            continue
        out.append(words[i])
        i += 1
    return out


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
        return words[start : end + 1], before if len(before) >= len(after) else after
    heads = [i for i in range(len(words)) if is_title_head(words, i)]
    parts = _comma_parts(words)
    if not heads:
        if is_org_head(words, 0) or _entity_is(words, "ORG") or _entity_is(words, "LOC"):
            return [], []
        if len(parts) > 1 and _could_be_name(parts[0]):  # `NAME، DESCRIPTION`
            return parts[0], _trim(words[len(parts[0]) :])
        return words, []
    if heads[0] == 0:
        tail = parts[-1] if len(parts) > 1 else []
        if tail and _could_be_name(tail):
            return tail, _trim(words[: words.index(tail[0])])
        return [], words
    return _trim(words[: heads[0]]), words[heads[0] :]


def _could_be_name(words: list[Word]) -> bool:
    """A short phrase with no title or organization word and no `و` in it."""
    return len(words) <= 3 and not any(
        is_title_head(words, i) or is_org_head(words, i) or words[i].text in CONJUNCTIONS
        for i in range(len(words))
    )


def _comma_parts(words: list[Word]) -> list[list[Word]]:
    parts: list[list[Word]] = [[]]
    for word in words:
        if word.text in ("،", ","):
            parts.append([])
        else:
            parts[-1].append(word)
    return [p for p in parts if p]


def plausible_name(texts: Sequence[str]) -> bool:
    """Words worth believing as a person's name: no digits or punctuation, not only
    initials, not only common nouns (`شهید`, `آبان`, `محققان`), which a weak NER
    model or a loose subject sometimes offers as persons."""
    nominal = lexicon.nominal_stems()
    return (
        bool(texts)
        and not any(t.isdigit() or t in PUNCTUATION for t in texts)
        and not all(len(t) <= 1 for t in texts)
        and not all(t in nominal for t in texts)
    )


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
        words[end + 1].entity_begin
    ):
        end += 1
    if not plausible_name([w.text for w in words[start : end + 1]]):
        return None
    # a lone tagged first name takes the surname after it (`[علی‌محمد] لروند`)
    while end == start and end + 1 < len(words) and _name_like(words, end + 1) and (
        words[end + 1].text not in lexicon.nominal_stems()
    ):
        following = words[end + 2] if end + 2 < len(words) else None
        if following is not None and following.text not in ("،", ",") and not is_title_head(
            words, end + 2
        ):
            break  # `[علی‌محمد] لروند`, `[علی‌محمد] لروند، امام جمعه`
        end += 1
    while start > 0 and end - start < MAX_NAME_WORDS - 1 and _name_like(words, start - 1):
        if words[start - 1].text not in lexicon.first_names() or (
            start - 1 > 0 and words[start - 2].text not in ("،", ",")
        ):
            break  # a first name at the phrase's start: `رسول [علی اشرفی‌پور]`
        start -= 1
    if start > 0 and is_title_head(words, 0) and (
        end == start or words[start - 1].text in CONJUNCTIONS
    ):
        return None  # tagged words inside a title (`استاندار کهگیلویه و [بویر احمد]`)
    return start, end


def _name_like(words: list[Word], i: int) -> bool:
    word = words[i]
    return (
        word.entity in ("", "PER")
        and word.text not in PUNCTUATION
        and word.text not in CONJUNCTIONS
        and not word.text.isdigit()
        and not is_title_head(words, i)
        and not is_org_head(words, i)
        and match_entry(words, i, "honorifics") == 0
    )
