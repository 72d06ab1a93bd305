"""Linguistic knowledge read from the data files in `quotex/data/`.

Each table is loaded once and cached. The files are plain text with `#` comments and
`[section]` headers, so a linguist can extend them without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

ZWNJ = "\u200c"


def _data_lines(name: str) -> list[str]:
    text = resources.files("quotex").joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _sections(name: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in _data_lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        elif current is not None:
            current.append(line.strip())
    return sections


# --- normalization word lists (built by scripts/build_lexicons.py) -------------------


@cache
def zwnj_words() -> dict[str, str]:
    """Word with lost ZWNJs -> the edited form."""
    return dict(line.split("\t", 1) for line in _data_lines("zwnj_words.tsv"))


@cache
def verb_stems() -> frozenset[str]:
    """Past and present stems of Persian verbs, at least two letters long."""
    stems: set[str] = set()
    for line in _data_lines("verb_stems.tsv"):
        stems.update(s for s in line.split("\t") if len(s) >= 2)
    return frozenset(stems)


@cache
def nominal_stems() -> frozenset[str]:
    return frozenset(_data_lines("nominal_stems.txt"))


@cache
def first_names() -> frozenset[str]:
    return frozenset(_data_lines("first_names.txt"))


@cache
def first_name_genders() -> dict[str, str]:
    """First name (keyed by `quotex.gender.name_key`) -> `female` or `male`."""
    return dict(line.split("\t", 1) for line in _data_lines("first_name_genders.tsv"))


@cache
def gender_markers() -> dict[str, list[str]]:
    """Sections of gender.txt: honorifics that tell a person's gender."""
    return _sections("gender.txt")


# --- reporting verbs ---------------------------------------------------------------


# Object marks of cues.txt, beside the object prepositions: `را` (the object is the
# statement: `لزوم X را یادآور شد`), `را+` (the object with its predicate: `X را ضروری
# دانست`; none without one), `را=` (the object is judged by the preverb itself: `X [Y را
# ضروری] دانست`), `-` (the statement follows the verb), `از+` (an `از` phrase names whom
# the speaker asks, and the statement follows: `از مردم خواست تا ...`; without one, no
# statement), `در+` (the words are a document's: `در پیام X آمده است: ...`, X its author,
# and `در این پیام` the speaker before; no document, no statement).
RA, RA_PREDICATE, RA_BY_PREVERB = "را", "را+", "را="
STATEMENT_AFTER, ADDRESSEE, DOCUMENT_MARK = "-", "از+", "در+"


@dataclass(frozen=True)
class CueEntry:
    """One reporting verb: a simple verb, or a preverbal element plus light verbs."""

    preverb: str | None  # `اظهار` in `اظهار کرد`; None for simple verbs
    verbs: tuple[str, ...]  # past stems of the verb (the light verbs for compounds)
    object_preps: tuple[str, ...]  # prepositions that mark the statement before the verb

    @property
    def label(self) -> str:
        return f"{self.preverb} {self.verbs[0]}" if self.preverb else self.verbs[0]


@dataclass(frozen=True)
class CueLexicon:
    simple: dict[str, CueEntry]  # past stem -> entry
    present_to_past: dict[str, str]  # present stem -> past stem, for every verb above
    compounds: dict[tuple[str, str], CueEntry]  # (preverb, light-verb past stem) -> entry
    according: tuple[tuple[str, ...], ...]  # `به گفته` as word tuples
    according_governors: frozenset[str]  # `اشاره`: `با اشاره به ادعای X` is no `according`
    framing: tuple[tuple[str, ...], ...]  # `با بیان`: `X با بیان اینکه Y، گفت` states Y
    framing_complementizers: tuple[tuple[str, ...], ...]  # `اینکه`, `این که`
    headline_nouns: frozenset[str]  # `واکنش`: `واکنش X به Y: text` is X's
    headline_prepositions: frozenset[str]  # `به`: ends X in `واکنش X به Y:`
    headline_settings: tuple[tuple[str, ...], ...]  # `در گفتگو با`: `X در گفتگو با Y:`
    modals: frozenset[str]  # `باید`, `می‌توان`: the verb after them reports nothing
    other_verbs: frozenset[str]  # `سخن`, `تبریک`: with them a saying verb reports nothing
    documents: frozenset[str]  # `بیانیه`, `پیام`: `در بیانیه X آمده است`, letters too
    letters: frozenset[str]  # `پیام`, `نامه`: one person's, `در این پیام` is theirs
    continuations: frozenset[str]  # labels of cues that continue a speaker (`افزود`)


def _split_variants(field: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in field.split("|") if v.strip())


# A simple cue whose present tense says something else (`می‌خواهد` "wants").
NO_PRESENT = "-"


def _object_preps(field: str) -> tuple[str, ...]:
    """`-` alone: the statement follows the verb; `-` among others: it may."""
    return () if field == STATEMENT_AFTER else _split_variants(field)


def _word_tuples(lines: list[str]) -> tuple[tuple[str, ...], ...]:
    """Phrases as word tuples without ZWNJ, as statements.py compares them."""
    return tuple(tuple(line.replace(ZWNJ, "").split()) for line in lines)


@cache
def cue_lexicon() -> CueLexicon:
    sections = _sections("cues.txt")
    present_to_past: dict[str, str] = {}
    for line in sections["light_verbs"]:
        past, present = line.split("\t")
        present_to_past[present] = past
    simple: dict[str, CueEntry] = {}
    for line in sections["simple"]:
        past, present, prep = line.split("\t")
        preps = _object_preps(prep)
        simple[past] = CueEntry(None, (past,), preps)
        if present != NO_PRESENT:
            present_to_past[present] = past
    compounds: dict[tuple[str, str], CueEntry] = {}
    for line in sections["compound"]:
        preverbs, verbs, prep = line.split("\t")
        preps = _object_preps(prep)
        verb_list = _split_variants(verbs)
        for preverb in _split_variants(preverbs):
            entry = CueEntry(preverb, verb_list, preps)
            for verb in verb_list:
                compounds[(preverb, verb)] = entry
    according = tuple(tuple(line.split()) for line in sections["according"])
    return CueLexicon(
        simple=simple,
        present_to_past=present_to_past,
        compounds=compounds,
        according=according,
        according_governors=frozenset(sections["according_governors"]),
        framing=_word_tuples(sections["framing"]),
        framing_complementizers=_word_tuples(sections["framing_complementizers"]),
        headline_nouns=frozenset(sections["headline_nouns"]),
        headline_prepositions=frozenset(sections["headline_prepositions"]),
        headline_settings=_word_tuples(sections["headline_settings"]),
        modals=frozenset(sections["modals"]),
        documents=frozenset(sections["documents"]) | frozenset(sections["letters"]),
        letters=frozenset(sections["letters"]),
        other_verbs=frozenset(sections["other_verbs"]),
        continuations=frozenset(sections["continuations"]),
    )


@cache
def cue_preverbs() -> frozenset[str]:
    """The one-word nouns of compound cues: `تأکید` of `تأکید کرد`, `خبر` of `خبر داد`."""
    return frozenset(noun for noun, _ in cue_lexicon().compounds if " " not in noun)


@cache
def glued_light_verb_forms() -> dict[str, int]:
    """`اظهارداشت` -> 5: scraped text sometimes drops the space inside a compound cue."""
    lex = cue_lexicon()
    forms: dict[str, int] = {}
    for (preverb, verb) in lex.compounds:
        if " " in preverb:
            continue
        present = next(p for p, past in lex.present_to_past.items() if past == verb)
        for ending in ("", "ه", "ند", "م", "یم", "ید"):
            forms[preverb + verb + ending] = len(preverb)
            forms[preverb + "می" + present + (ending or "د")] = len(preverb)
    return forms


@cache
def glued_phrases() -> dict[str, int]:
    """`درپایان` -> 2: where the lost space of a glued adverbial phrase goes."""
    cuts = {}
    for line in _data_lines("glued_words.txt"):
        glued, spaced = line.split("\t")
        cuts[glued] = spaced.index(" ")
    return cuts


def glued_cut(word: str) -> int | None:
    """Where a space was lost inside `word` (`اظهارداشت`, `درپایان`), else None."""
    return glued_light_verb_forms().get(word) or glued_phrases().get(word)


# Honorifics of four letters or more (`دکتر`, `حجت‌الاسلام`): shorter ones end common
# words (`رسید`). Not those that end words and names too (`پدرخانم`, `حاج‌آقای`,
# `اعلیحضرت`), nor those of the dead, which follow a noun inside a phrase (`بنیاد شهید`,
# `یادبود مرحوم`).
GLUED_HONORIFIC_MIN_LETTERS = 4
UNGLUED_HONORIFICS = frozenset({"خانم", "آقای", "حضرت", "شهید", "مرحوم"})


@cache
def glued_honorifics() -> dict[str, str]:
    """Honorifics as scraped text runs them into the word before (`داشتسردار`,
    `طلابحجتالاسلام`: a lost line break after a headline or a paragraph), written
    without ZWNJs or spaces -> the form the honorifics table gives, longest first."""
    # the spelling with the fewest spaces wins (`سردار`, not `سر دار`)
    entries = sorted(speaker_words()["honorifics"], key=len, reverse=True)
    forms = {"".join(entry).replace(ZWNJ, ""): " ".join(entry) for entry in entries}
    return {
        joined: forms[joined]
        for joined in sorted(forms, key=len, reverse=True)
        if len(joined) >= GLUED_HONORIFIC_MIN_LETTERS and joined not in UNGLUED_HONORIFICS
    }


# --- speakers ------------------------------------------------------------------------


@cache
def speaker_words() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Section name -> entries as word tuples (multi-word entries allowed)."""
    return {
        name: tuple(tuple(entry.split()) for entry in entries)
        for name, entries in _sections("speakers.txt").items()
    }


@cache
def words_of(section: str) -> frozenset[str]:
    """Single-word entries of a section of speakers.txt."""
    return frozenset(e[0] for e in speaker_words()[section] if len(e) == 1)


@cache
def countries() -> frozenset[str]:
    """One-word names of the countries and regions section of the gazetteer."""
    return frozenset(line for line in _sections("places.txt")["countries"]
                     if " " not in line and ZWNJ not in line)


@cache
def organization_names() -> tuple[tuple[str, ...], ...]:
    """Organization gazetteer entries as word tuples (ZWNJ read as a space)."""
    return _gazetteer("organizations.txt")


@cache
def place_names() -> tuple[tuple[str, ...], ...]:
    """Gazetteer entries as word tuples (ZWNJ read as a space), longest first."""
    return _gazetteer("places.txt")


def _gazetteer(name: str) -> tuple[tuple[str, ...], ...]:
    """Every entry of a gazetteer file's sections as a word tuple, longest first."""
    entries = {
        tuple(line.replace(ZWNJ, " ").split())
        for lines in _sections(name).values()
        for line in lines
    }
    return tuple(sorted(entries, key=len, reverse=True))
