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

from quotex.lexicon import ZWNJ, speaker_words, words_of
from quotex.nlp import Analysis, Word

PUNCTUATION = frozenset("،,:؛;.!?«»\"'()[]-–—/")
CONJUNCTIONS = frozenset({"و"})


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


def subject_words(analysis: Analysis, first: int, end: int, stop_at: int | None = None) -> list[Word]:
    """The noun phrase at the start of analysis.words[first:end], up to a stopper.

    Commas stay inside (`NAME، TITLE،`); a preposition, time adverb, verb or `را`
    after it ends the subject.
    """
    stoppers = words_of("subject_stoppers")
    out: list[Word] = []
    for word in analysis.words[first:end]:
        if stop_at is not None and word.index >= stop_at:
            break
        if word.text in stoppers or word.text in (":", "؛", "«", "»", '"'):
            break
        if word.parsed and word.upos in ("VERB", "AUX", "SCONJ", "ADP") and out:
            break
        if word.text.isdigit():
            break
        out.append(word)
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

    honorifics: list[str] = []
    parts = _split_appositions(words)
    names: list[Word] = []
    titles: list[list[Word]] = []
    for part in parts:
        part, found = _strip_honorifics(part)
        honorifics.extend(found)
        name, title = _split_name_title(part)
        if name and not names:
            names = name
        elif name:
            title = name + title
        if title:
            titles.append(title)
    mention.honorific = " ".join(honorifics) or None
    mention.name_words = names
    mention.title_words = max(titles, key=len) if titles else []

    first = words[0]
    if not names and (first.text in words_of("anonymous")):
        mention.anonymous = True
        mention.title_words = words
    elif not names and is_org_head(words, 0) and not is_title_head(words, 0):
        mention.kind = "organization"
    elif not names and not mention.title_words:
        mention.kind = "organization" if _entity_is(words, "ORG") else "person"
    return mention


def _entity_is(words: Sequence[Word], entity: str) -> bool:
    return bool(words) and all(w.entity == entity for w in words)


def _split_appositions(words: list[Word]) -> list[list[Word]]:
    parts: list[list[Word]] = [[]]
    for word in words:
        if word.text in ("،", ","):
            parts.append([])
        else:
            parts[-1].append(word)
    return [p for p in parts if p]


def _strip_honorifics(part: list[Word]) -> tuple[list[Word], list[str]]:
    found: list[str] = []
    i = 0
    while i < len(part):
        length = match_entry(part, i, "honorifics")
        if not length:
            break
        found.append(" ".join(w.text for w in part[i : i + length]))
        i += length
    return part[i:], found


def _split_name_title(part: list[Word]) -> tuple[list[Word], list[Word]]:
    """(name words, title words) of one apposition part."""
    person = [i for i, w in enumerate(part) if w.entity == "PER"]
    if person:
        start = person[0]
        end = start
        while end + 1 < len(part) and part[end + 1].entity == "PER" and not (
            part[end + 1].entity_begin
        ):
            end += 1
        # the NER often stops short of a multi-word surname: extend over names
        while (
            end + 1 < len(part)
            and not is_title_head(part, end + 1)
            and part[end + 1].upos in ("PROPN", "")
            and part[end + 1].entity in ("", "PER")
            and end + 1 - start < 4
            and start == 0
        ):
            end += 1
        name = part[start : end + 1]
        title = _trim(part[:start] + part[end + 1 :]) if start == 0 else _trim(part[:start])
        if start > 0 and end + 1 < len(part):
            title = _trim(part[:start])
        return name, title
    heads = [i for i in range(len(part)) if is_title_head(part, i)]
    if not heads:
        if is_org_head(part, 0) or _entity_is(part, "ORG") or _entity_is(part, "LOC"):
            return [], []
        return part, []
    if heads[0] == 0:
        return [], part
    return part[: heads[0]], part[heads[0] :]
