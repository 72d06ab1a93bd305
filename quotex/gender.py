"""A person's gender (`female`, `male`, `unknown`) from their first name and honorific.

A form of address (`خانم`, `آقای`) decides; else the first name, looked up in a list
of about 19k Iranian first names with their gender (`first_name_genders.tsv`, built
by scripts/build_lexicons.py); else a rank men almost only hold (`سردار`,
`حجت‌الاسلام`). The names list holds common words and surnames too (`داده`, `موسوی`):
it only gives the gender of the word that opens a person's full name, it never says
whether a word is a name.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from quotex import lexicon
from quotex.lexicon import ZWNJ
from quotex.normalize import fold

Gender = Literal["female", "male", "unknown"]
GENDERS: tuple[Gender, ...] = ("female", "male", "unknown")
# The honorific `سید` written joined to the first name (`سیدمحمد`).
SAYYED = "سید"


def name_key(word: str) -> str:
    """A first name's lookup key: letter variants folded, ZWNJ and spaces dropped and
    `آ` as `ا`, as the names data set writes them inconsistently (`آ رمان`)."""
    return fold(word).replace(ZWNJ, "").replace(" ", "").replace("آ", "ا")


@cache
def _markers() -> dict[str, tuple[tuple[str, ...], ...]]:
    return {
        section: tuple(tuple(_words(entry)) for entry in entries)
        for section, entries in lexicon.gender_markers().items()
    }


def _words(text: str | None) -> list[str]:
    return fold(text or "").replace(ZWNJ, " ").split()


def _has(words: list[str], section: str) -> bool:
    return any(
        words[i : i + len(entry)] == list(entry)
        for entry in _markers()[section] for i in range(len(words))
    )


def gender_of(name: str | None, honorific: str | None = None) -> Gender:
    """The gender of a person called `name` (a full name: first name, then surname)
    with `honorific` written before it; `unknown` when neither tells."""
    evidence = _words(honorific)
    words = _words(name)
    single = {entry[0] for section in ("female", "male") for entry in _markers()[section]
              if len(entry) == 1}
    while len(words) > 2 and words[0] in single:
        evidence.append(words.pop(0))  # `سیده فاطمه X`: the honorific left in the name
    for decisive in ("female", "male"):
        if _has(evidence, decisive):
            return decisive  # type: ignore[return-value]
    found = first_name_gender(words) if len(words) >= 2 else None
    if found is not None:
        return found
    return "male" if _has(evidence, "male_ranks") else "unknown"


def first_name_gender(words: list[str]) -> Gender | None:
    """The gender of the first name opening `words` (two words joined first: `محمد
    جواد`), or None when not in the list."""
    genders = lexicon.first_name_genders()
    first = words[0]
    joined_sayyed = first.startswith(SAYYED) and len(first) >= len(SAYYED) + 3
    if joined_sayyed and name_key(first) not in genders:
        first = first[len(SAYYED):]  # `سیدمحمد`
    candidates = [name_key(first + words[1])] if len(words) >= 3 else []
    for key in [*candidates, name_key(first)]:
        if key in genders:
            return genders[key]  # type: ignore[return-value]
    return None
