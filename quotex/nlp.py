"""Run Stanza on rule-tokenized text and flatten the result into plain word records.

The rest of quotex reads `Analysis` only, never Stanza objects, so every later stage
can be tested on hand-built words and works the same with any model set.

Tokens and sentences come from `quotex.segment` (rules hold up on scraped text where
the tokenizer model does not); Stanza gets them pretokenized. NER runs on every
sentence (entities are reported for the whole article); the POS tagger runs only on
sentences with a cue candidate (`cues.may_carry_speech`), where the rules ask which
words are verbs or prepositions. Lemmas and the dependency parse are not run: on the
dev set they changed no attribution (README, "Speed"), and they cost as much as the
tagger and NER together.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from quotex import modelset, segment
from quotex.normalize import Normalized

if TYPE_CHECKING:
    import stanza

# What runs on all sentences, and what only on those that can carry speech; both on
# the rule tokens, so no tokenizer model is involved.
ENTITY_PROCESSORS = "ner"
TAG_PROCESSORS = "pos"


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
    """The two Stanza pipelines of one model set, loaded once per process."""

    def __init__(self, models: modelset.ModelSet) -> None:
        from stanza.models.common.foundation_cache import FoundationCache

        self.models = models
        # one cache for both pipelines: the word-vector table (pretrain.pt, a third of
        # the load time) is read once instead of once per pipeline
        given_words = {"logging_level": "ERROR", "tokenize_pretokenized": True,
                       "foundation_cache": FoundationCache(local_files_only=True)}
        self.entity_tagger = modelset.build_pipeline(models, ENTITY_PROCESSORS, **given_words)
        self.tagger = modelset.build_pipeline(models, TAG_PROCESSORS, **given_words)

    def analyze_many(self, texts: Sequence[Normalized]) -> list[Analysis]:
        from quotex.cues import may_carry_speech

        analyses = [tokenized(norm) for norm in texts]
        everything = [(a, s) for a in analyses for s in a.sentences]
        if everything:
            tagged = self.entity_tagger([_words_of(a, s) for a, s in everything])
            for (analysis, sent), stanza_sent in zip(everything, tagged.sentences, strict=True):
                _add_entities(analysis, sent, stanza_sent)
        to_tag = [
            (a, s) for a, s in everything if may_carry_speech(a.words[s.first : s.last + 1])
        ]
        if to_tag:
            tagged = self.tagger([_words_of(a, s) for a, s in to_tag])
            for (analysis, sent), stanza_sent in zip(to_tag, tagged.sentences, strict=True):
                _add_tags(analysis, sent, stanza_sent)
        return analyses


def _words_of(analysis: Analysis, sent: Sentence) -> list[str]:
    return [w.text for w in analysis.words[sent.first : sent.last + 1]]


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


def _add_entities(
    analysis: Analysis, sent: Sentence, stanza_sent: stanza.models.common.doc.Sentence
) -> None:
    words = analysis.words[sent.first : sent.last + 1]
    for word, token in zip(words, stanza_sent.tokens, strict=True):
        tag = token.ner or "O"
        if tag != "O":
            prefix, _, ner_type = tag.partition("-")
            word.entity = modelset.entity_type(ner_type)
            word.entity_begin = prefix in ("B", "S")


def _add_tags(
    analysis: Analysis, sent: Sentence, stanza_sent: stanza.models.common.doc.Sentence
) -> None:
    words = analysis.words[sent.first : sent.last + 1]
    for word, tagged in zip(words, stanza_sent.words, strict=True):
        word.upos = tagged.upos or ""
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
