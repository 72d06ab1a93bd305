"""Run the NER and POS models on rule-tokenized text into plain word records.

The rest of quotex reads `Analysis` only, never model objects, so every later stage
can be tested on hand-built words and works the same with any model set.

Tokens and sentences come from `quotex.segment` (rules hold up on scraped text where
the tokenizer model does not); the models (`quotex.taggers`) get the words. NER runs on every
sentence (entities are reported for the whole article); the POS tagger runs only on
sentences with a cue candidate (`cues.may_carry_speech`), where the rules ask which
words are verbs or prepositions. Lemmas and the dependency parse are not run: on the
dev set they changed no attribution (README, "Speed"), and they cost as much as the
tagger and NER together.

The models see pieces of at most MAX_MODEL_WORDS words: a longer sentence (a scraped
page that lost its full stops can be one "sentence" of megabytes) is cut for them at
commas, then before `و`, then hard (`model_pieces`), and their tags are written back
on the sentence's words. The rules still see whole sentences. The pieces go to the
models in calls of at most MODEL_CALL_WORDS words, so memory stays flat on any input.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from quotex import modelset, segment
from quotex.normalize import Normalized
from quotex.segment import COMMAS

if TYPE_CHECKING:
    from quotex.taggers import Taggers

# Longest piece of a sentence the models see: the LSTMs' cost and memory grow with it,
# and news sentences are shorter (the dev sets' longest is well below), so ordinary
# text is tagged whole.
MAX_MODEL_WORDS = 150
# Where a long sentence is cut for the models, best first: after a comma, before a
# conjunction (`و` "and" joins clauses in long Persian sentences), else at the cap.
PIECE_CUT_AFTER = COMMAS
PIECE_CUT_BEFORE = frozenset({"و"})
# Words handed to one Stanza call: bounds its memory, and is larger than any ordinary
# batch of articles, which thus goes in one call.
MODEL_CALL_WORDS = 20_000


@dataclass
class Word:
    """One syntactic word, with offsets into the normalized text."""

    index: int  # position in Analysis.words
    text: str
    start: int
    end: int
    sentence: int
    upos: str = ""
    entity: str = ""  # PER, ORG, LOC, ... or "" outside entities
    entity_begin: bool = False
    parsed: bool = False  # tagged: `upos` is the tagger's


@dataclass
class Sentence:
    index: int
    first: int  # index of its first word
    last: int  # index of its last word (inclusive)
    paragraph: int


@dataclass
class Analysis:
    norm: Normalized
    words: list[Word] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)  # normalized char spans

    @property
    def text(self) -> str:
        return self.norm.text

    def paragraph_end(self, char: int) -> int:
        """End (normalized offset) of the paragraph holding `char`."""
        for start, end in self.paragraphs:
            if start <= char < end:
                return end
        return len(self.norm.text)

    def sentence_of(self, word: Word) -> Sentence:
        return self.sentences[word.sentence]


class NLP:
    """The NER and POS models of one model set, loaded once per process."""

    def __init__(self, models: modelset.ModelSet) -> None:
        from quotex.taggers import load_taggers

        self.models = models
        self.taggers: Taggers = load_taggers(models)

    def analyze_many(self, texts: Sequence[Normalized]) -> list[Analysis]:
        from quotex.cues import may_carry_speech

        analyses = [tokenized(norm) for norm in texts]
        pieces = [a.words[first:end] for a in analyses for s in a.sentences
                  for first, end in model_pieces(a.words, s.first, s.last + 1)]
        speech = [piece for piece in pieces if may_carry_speech(piece)]
        _tag(self.taggers.entities, pieces, write_entities)
        _tag(self.taggers.upos, speech, write_upos)
        return analyses


def _tag(tagger: Callable[[list[list[str]]], list[list[str]]], pieces: list[list[Word]],
         write: Callable[[list[Word], list[str]], None]) -> None:
    """Run `tagger` over `pieces`, call by call, and `write` its tags on their words."""
    for group in _model_calls(pieces):
        tagged = tagger([[w.text for w in piece] for piece in group])
        for piece, tags in zip(group, tagged, strict=True):
            write(piece, tags)


def model_pieces(words: Sequence[Word], first: int, end: int) -> list[tuple[int, int]]:
    """words[first:end] (a sentence) as `(first, end)` pieces of at most MAX_MODEL_WORDS
    words, cut after the last comma that fits, else before the last `و`, else at the cap."""
    pieces = []
    while end - first > MAX_MODEL_WORDS:
        window = range(first + MAX_MODEL_WORDS - 1, first, -1)
        cut = next((i + 1 for i in window if words[i].text in PIECE_CUT_AFTER), None) or next(
            (i for i in window if words[i].text in PIECE_CUT_BEFORE), first + MAX_MODEL_WORDS)
        pieces.append((first, cut))
        first = cut
    pieces.append((first, end))
    return pieces


def _model_calls(pieces: list[list[Word]]) -> Iterator[list[list[Word]]]:
    """`pieces` in groups of at most MODEL_CALL_WORDS words (one piece at least)."""
    group: list[list[Word]] = []
    size = 0
    for piece in pieces:
        if group and size + len(piece) > MODEL_CALL_WORDS:
            yield group
            group, size = [], 0
        group.append(piece)
        size += len(piece)
    if group:
        yield group


def tokenized(norm: Normalized) -> Analysis:
    """An Analysis with paragraphs, sentences and words, before any model runs."""
    analysis = Analysis(norm, paragraphs=segment.paragraph_spans(norm.text))
    for paragraph, (start, end) in enumerate(analysis.paragraphs):
        for tokens in segment.sentences(analysis.norm.text, start, end):
            first = len(analysis.words)
            for token in tokens:
                analysis.words.append(
                    Word(len(analysis.words), token.text, token.start, token.end,
                         len(analysis.sentences))
                )
            analysis.sentences.append(
                Sentence(len(analysis.sentences), first, len(analysis.words) - 1, paragraph)
            )
    return analysis


def write_entities(words: list[Word], tags: list[str]) -> None:
    """Entity types and beginnings from BIO or BIOES tags. A tagged word begins an entity
    unless the word before it opens or continues one of its type (`B-`, `I-`): a stray
    `I-` or `E-` begins one, as Stanza's pipeline reads them."""
    before = "O"
    for word, tag in zip(words, tags, strict=True):
        if tag != "O":
            prefix, _, ner_type = tag.partition("-")
            word.entity = modelset.entity_type(ner_type)
            word.entity_begin = prefix in ("B", "S") or before not in (f"B-{ner_type}",
                                                                     f"I-{ner_type}")
        before = tag


def write_upos(words: list[Word], tags: list[str]) -> None:
    for word, tag in zip(words, tags, strict=True):
        word.upos = tag
        word.parsed = True


_LOCK = threading.Lock()
_LOADED: dict[str, NLP] = {}


def get_nlp(model_dir: str | Path | None = None) -> NLP:
    """The process-wide NLP for a model set, loaded on first use."""
    models = modelset.resolve_model_set(model_dir)
    key = f"{models.directory}:{models.version}"
    with _LOCK:
        if key not in _LOADED:
            logging.getLogger("stanza").setLevel(logging.ERROR)
            _LOADED[key] = NLP(models)
        return _LOADED[key]
