"""Clean scraped Persian text for the models, keeping a map back to the original.

Real news text mixes Arabic letter variants (ي ك), Persian and Arabic digits, odd
spaces, and very often has lost its zero-width non-joiners (`میشود` for `می‌شود`,
`دستگاهها` for `دستگاه‌ها`) or has spaces in their place (`می گوید`). The models were
trained mostly on carefully edited text, so they do better on the repaired form.

Every character of the normalized text knows which original characters it came from,
so any span found later maps back to an exact substring of the input: `Normalized.span`
is the one place that does this.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from quotex import lexicon

ZWNJ = "\u200c"

# One original character becomes one normalized character.
CHAR_MAP = {
    # Arabic letter variants -> Persian
    "\u064a": "\u06cc",  # ي
    "\u0649": "\u06cc",  # ى
    "\u0643": "\u06a9",  # ك
    "\u0629": "\u0647",  # ة
    # odd spaces -> plain space
    **{c: " " for c in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
       "\u2008\u2009\u200a\u202f\u205f\u3000\t"},
    # Persian and Arabic-Indic digits -> ASCII, as in most treebank text
    **{chr(0x06F0 + i): str(i) for i in range(10)},
    **{chr(0x0660 + i): str(i) for i in range(10)},
    "\u066b": ".",  # Arabic decimal separator
    "\u066c": ",",  # Arabic thousands separator
}
# Characters that carry nothing for the models: tatweel, diacritics, joiner and
# direction marks, carriage returns.
DROPPED = re.compile(
    "[\u00ad\u0640\u064b-\u065f\u0670\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\r]"
)

PERSIAN_WORD = re.compile("[\u0621-\u06d3\u200c]+")
# Some sites write a soft hyphen where the ZWNJ belongs, often beside a space
# (`گفت\u00adوگو`, `می \u00adشود`, `گفت\u00ad وگو`): between two letters it becomes the
# ZWNJ and its space goes; elsewhere it is dropped (DROPPED).
SOFT_HYPHEN_JOIN = re.compile("(?<=[\u0621-\u06d3]) ?\u00ad ?(?=[\u0621-\u06d3])")
_CHAR_TABLE = str.maketrans(CHAR_MAP)
# A word run into a honorific (`شدسردار`) is no single letter (`وسردار`) and no prefix
# that forms a word with it (`المهندس`, `غیرمهندس`).
GLUED_PREFIX_MIN_LETTERS = 2
WORD_FORMING_PREFIXES = frozenset({"ال", "غیر"})


def fold(text: str) -> str:
    """Letter variants, digits and invisible marks as `normalize` writes them, without
    its word repairs: a key for comparing one name written two ways (`نبى`, `نبی`)."""
    return DROPPED.sub("", text.translate(_CHAR_TABLE))


# Verb prefixes of the present/continuous and negation, written joined to the stem.
VERB_PREFIXES = ("نمی", "می")
# Suffixes that edited text separates from the stem with a ZWNJ.
# Plural and its clitic/copula combinations:
PLURAL_SUFFIXES = ("هایشان", "هایمان", "هایتان", "هایش", "هایی", "هاست", "های", "ها")
# Plural endings distinctive enough to cut after an unknown stem (`ها` alone is not:
# `تنها`, `رها`).
GENERIC_PLURAL_SUFFIXES = ("هایشان", "هایمان", "هایتان", "هایش", "هایی", "هاست", "های")
# Comparative and superlative:
DEGREE_SUFFIXES = ("ترین", "تر")
# Indefinite/copula endings after a final silent ه (`ویژهای`, `شدهاند`):
AFTER_H_SUFFIXES = ("ایم", "اید", "اند", "ای", "ام")
# Stand-alone pieces that belong to the previous or next word (`می گوید`, `مراسم های`).
JOIN_NEXT = frozenset({"می", "نمی"})
JOIN_PREVIOUS = frozenset({"ها", "های", "هایی", "هایش", "ترین"})
# Compound nouns of two stems and `و`, which scraped text writes with spaces
# (`گفت و گو` for `گفت‌وگو`): joined, `گفت` is no cue and `گو` no name.
SPACED_COMPOUNDS = (("گفت", "گو"), ("گفت", "شنود"), ("جست", "جو"), ("پرس", "جو"),
                    ("رفت", "آمد"), ("شست", "شو"))
_SPACED_COMPOUND = re.compile(
    "(?<![\u0621-\u06d3\u200c])(?:"
    # `گفت و گو`, `گفت وگو`, and `گفت گو` with its `و` lost
    + "|".join(f"{first}(?: و | و| ){second}" for first, second in SPACED_COMPOUNDS)
    + ")(?=\u200c|ی?(?:[^\u0621-\u06d3\u200c]|$)|ها)"
)


@dataclass(frozen=True)
class Normalized:
    """Normalized text plus, per character, the original span it came from."""

    original: str
    text: str
    starts: tuple[int, ...]  # original index where normalized char i begins
    ends: tuple[int, ...]  # original index where normalized char i ends (exclusive)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) for the normalized [start, end)."""
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def original_text(self, start: int, end: int) -> str:
        a, b = self.span(start, end)
        return self.original[a:b]


class _Builder:
    def __init__(self) -> None:
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []

    def keep(self, char: str, source: int) -> None:
        self.chars.append(char)
        self.starts.append(source)
        self.ends.append(source + 1)

    def insert(self, char: str, before_source: int) -> None:
        self.chars.append(char)
        self.starts.append(before_source)
        self.ends.append(before_source)


def normalize(original: str) -> Normalized:
    """Map letters, digits and spaces, then restore lost ZWNJs word by word."""
    mapped = _Builder()
    joins = {m.start() + m.group().index("\u00ad"): range(m.start(), m.end())
             for m in SOFT_HYPHEN_JOIN.finditer(original)}
    joined = {i for span in joins.values() for i in span}
    for i, char in enumerate(original):
        if i in joins:
            mapped.keep(ZWNJ, i)
        elif i in joined or DROPPED.match(char):
            continue
        else:
            mapped.keep(CHAR_MAP.get(char, char), i)
    text = "".join(mapped.chars)

    out = _Builder()
    pos = 0
    for match in PERSIAN_WORD.finditer(text):
        for k in range(pos, match.start()):
            out.keep(text[k], mapped.starts[k])
        _emit_word(match.group(), match.start(), mapped, out)
        pos = match.end()
    for k in range(pos, len(text)):
        out.keep(text[k], mapped.starts[k])

    _join_split_pieces(out)
    return Normalized(original, "".join(out.chars), tuple(out.starts), tuple(out.ends))


def _emit_word(word: str, offset: int, mapped: _Builder, out: _Builder) -> None:
    """Copy one word, inserting ZWNJs (or a space) at the cut points `repair` gives."""
    word_stripped = word.strip(ZWNJ)
    lead = len(word) - len(word.lstrip(ZWNJ))
    cuts = repair_cuts(word_stripped)
    spaced = zwnj_for_space(word_stripped)
    for k, char in enumerate(word):
        if char == ZWNJ and (k < lead or k >= lead + len(word_stripped)):
            continue  # a ZWNJ at a word edge joins nothing
        if k - lead in cuts:
            out.insert(cuts[k - lead], mapped.starts[offset + k])
        out.keep(" " if k - lead == spaced else char, mapped.starts[offset + k])


def zwnj_for_space(word: str) -> int | None:
    """Where a ZWNJ stands for the lost space of a glued cue or phrase (`بیان‌کرد`,
    `ادامه‌داد`, like `اظهارداشت`). A participle stays one word (`نام‌برده` "the said")."""
    if word.count(ZWNJ) != 1 or word.endswith("ه"):
        return None
    at = word.index(ZWNJ)
    return at if lexicon.glued_cut(word.replace(ZWNJ, "")) == at else None


def repair_cuts(word: str) -> dict[int, str]:
    """Positions inside `word` where a lost ZWNJ (or a lost space or line break) belongs."""
    if glued := _glued_honorific_cuts(word):
        return glued
    if ZWNJ in word or len(word) < 3:
        return {}
    known = lexicon.zwnj_words().get(word)
    if known is not None:
        cuts: dict[int, str] = {}
        k = 0
        for char in known:
            if char == ZWNJ:
                cuts[k] = ZWNJ
            else:
                k += 1
        return cuts
    glued = lexicon.glued_cut(word)
    if glued:
        return {glued: " "}
    if word in lexicon.nominal_stems():
        return {}
    for prefix in VERB_PREFIXES:
        if word.startswith(prefix) and _is_verb_remainder(word[len(prefix):]):
            return {len(prefix): ZWNJ}
    return _suffix_cut(word)


def _glued_honorific_cuts(word: str) -> dict[int, str]:
    """`داشتسردار`, `طلابحجتالاسلام`: a paragraph's last word (a verb, a headline's end)
    run into the next paragraph's opening honorific when scraping lost the line break.
    The break goes back, and the honorific's ZWNJs and spaces (`حجت‌الاسلام`); after a
    preposition or particle only the space (`بادکتر`, `همسردار`). Nothing after an
    Arabic article or a word-forming prefix (`المهندس`, `غیرمهندس`)."""
    bare = word.replace(ZWNJ, "")
    if bare[-lexicon.GLUED_HONORIFIC_MIN_LETTERS :] not in _honorific_endings():
        return {}  # most words: no honorific's last letters end them
    for joined, written in lexicon.glued_honorifics().items():
        if not bare.endswith(joined):
            continue
        start = next(i for i in range(len(word), -1, -1)
                     if word[i:].replace(ZWNJ, "") == joined)
        prefix = word[:start].replace(ZWNJ, "")
        if len(prefix) < GLUED_PREFIX_MIN_LETTERS or prefix in WORD_FORMING_PREFIXES:
            return {}
        # a preposition, particle or rank before it lost a space, not a line break
        # (`بادکتر`, `سرتیپدکتر`)
        lost_space = any(prefix in lexicon.words_of(section)
                         for section in ("subject_stoppers", "conjunctions", "honorifics"))
        cuts = {start: " " if lost_space else "\n"}
        if ZWNJ not in word[start:]:  # `حجتالاسلام`: its ZWNJs and spaces too
            k = start
            for char in written:
                if char in (" ", ZWNJ):
                    cuts[k] = char
                else:
                    k += 1
        return cuts
    return {}


@lru_cache(maxsize=1)
def _honorific_endings() -> frozenset[str]:
    return frozenset(h[-lexicon.GLUED_HONORIFIC_MIN_LETTERS :] for h in lexicon.glued_honorifics())


def _is_verb_remainder(rest: str) -> bool:
    return len(rest) >= 2 and any(rest.startswith(stem) for stem in _stems_for(rest[:2]))


@lru_cache(maxsize=4096)
def _stems_for(first_two: str) -> tuple[str, ...]:
    return tuple(s for s in lexicon.verb_stems() if s.startswith(first_two))


def _suffix_cut(word: str) -> dict[int, str]:
    """Cut before a suffix: after a known stem first, then by the suffix alone."""
    nominal = lexicon.nominal_stems()
    candidates = [(s, 2) for s in PLURAL_SUFFIXES + DEGREE_SUFFIXES]
    candidates += [(s, 3) for s in AFTER_H_SUFFIXES]
    for suffix, min_stem in candidates:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= min_stem and stem in nominal:
            if suffix in AFTER_H_SUFFIXES and not stem.endswith("ه"):
                continue
            return {len(stem): ZWNJ}
    for suffix in GENERIC_PLURAL_SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3:
            return {len(stem): ZWNJ}
    for suffix in AFTER_H_SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3 and stem.endswith("ه"):
            return {len(stem): ZWNJ}
    return {}


_PERSIAN_RUN = re.compile(r"[\u0621-\u06d3\u200c]+")


def _join_split_pieces(out: _Builder) -> None:
    """Turn the space in `می گوید`, `مراسم های` or `گفت و گو` into a ZWNJ (one char for
    one)."""
    text = "".join(out.chars)
    for match in re.finditer(r"(?<![\w\u200c])([\u0621-\u06d3\u200c]+) (?=[\u0621-\u06d3])", text):
        word = match.group(1)
        space = match.end(1)
        after = _PERSIAN_RUN.match(text, space + 1)  # no slice: linear on a long paragraph
        next_word = after.group() if after else ""
        joins_next = word in JOIN_NEXT and _is_verb_remainder(next_word)
        joins_previous = next_word in JOIN_PREVIOUS or (
            next_word in ("ای", "ی") and word.endswith("ه")  # `گفته ی` is `گفته‌ی`
        )
        if joins_next or joins_previous:
            out.chars[space] = ZWNJ
    for match in _SPACED_COMPOUND.finditer(text):
        for offset, char in enumerate(match.group(), match.start()):
            if char == " ":
                out.chars[offset] = ZWNJ
