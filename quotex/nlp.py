"""Run Stanza on normalized text and flatten the result into plain word records.

The rest of quotex reads `Analysis` only, never Stanza objects, so every later stage
can be tested on hand-built words and works the same with any model set.

Speed: tokenization and NER run on every sentence (entities are reported for the
whole article), but tagging, lemmas and the dependency parse run only on sentences
that can carry speech: those with a reporting-verb stem, a colon or a quotation mark
(`cues.may_carry_speech`). The parser is most of Stanza's time, and most sentences of
an article carry none.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from quotex import modelset
from quotex.normalize import Normalized

if TYPE_CHECKING:
    import stanza

# What the first pass runs on all text, and the second on speech sentences only.
SEGMENT_PROCESSORS = "tokenize,mwt,ner"
PARSE_PROCESSORS = "pos,lemma,depparse"  # on given words: no tokenizer model needed


@dataclass
class Word:
    """One syntactic word, with offsets into the normalized text."""

    index: int  # position in Analysis.words
    text: str
    start: int
    end: int
    sentence: int
    upos: str = ""
    lemma: str = ""
    head: int | None = None  # Analysis.words index of the head; None for the root
    deprel: str = ""
    entity: str = ""  # PER, ORG, LOC, ... or "" outside entities
    entity_begin: bool = False
    parsed: bool = False


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


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs are the non-blank lines: news text puts one paragraph per line."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped[0])
            spans.append((start, start + len(stripped)))
        pos += len(line) + 1
    return spans


class NLP:
    """The two Stanza pipelines of one model set, loaded once per process."""

    def __init__(self, models: modelset.ModelSet) -> None:
        self.models = models
        quiet = {"logging_level": "ERROR"}
        self.segmenter = modelset.build_pipeline(models, SEGMENT_PROCESSORS, **quiet)
        self.parser = modelset.build_pipeline(
            models, PARSE_PROCESSORS, tokenize_pretokenized=True, **quiet
        )

    def analyze_many(self, texts: Sequence[Normalized]) -> list[Analysis]:
        import stanza

        from quotex.cues import may_carry_speech

        analyses = [Analysis(norm, paragraphs=paragraph_spans(norm.text)) for norm in texts]
        blocks = [_paragraph_blocks(a) for a in analyses]
        docs = [stanza.Document([], text=chunk) for per in blocks for _, chunk in per]
        docs = self.segmenter.bulk_process(docs) if docs else []
        doc_iter = iter(docs)
        for analysis, per in zip(analyses, blocks, strict=True):
            for para_index, (offset, _chunk) in enumerate(per):
                _add_segmented(analysis, next(doc_iter), offset, para_index)

        to_parse = [
            (analysis, sent)
            for analysis in analyses
            for sent in analysis.sentences
            if may_carry_speech(analysis.words[sent.first : sent.last + 1])
        ]
        if to_parse:
            pretokenized = [
                [w.text for w in analysis.words[s.first : s.last + 1]] for analysis, s in to_parse
            ]
            parsed = self.parser(pretokenized)
            for (analysis, sent), stanza_sent in zip(to_parse, parsed.sentences, strict=True):
                _add_parse(analysis, sent, stanza_sent)
        return analyses


def _paragraph_blocks(analysis: Analysis) -> list[tuple[int, str]]:
    """(offset, text) per paragraph: Stanza never joins two paragraphs in a sentence."""
    return [(start, analysis.norm.text[start:end]) for start, end in analysis.paragraphs]


def _add_segmented(analysis: Analysis, doc: stanza.Document, offset: int, paragraph: int) -> None:
    for stanza_sent in doc.sentences:
        sent_index = len(analysis.sentences)
        first = len(analysis.words)
        for token in stanza_sent.tokens:
            entity = ""
            begin = False
            tag = token.ner or "O"
            if tag != "O":
                prefix, _, ner_type = tag.partition("-")
                entity = modelset.entity_type(ner_type)
                begin = prefix in ("B", "S")
            for word in token.words:
                text = word.text
                if not text.strip():
                    continue
                analysis.words.append(
                    Word(
                        index=len(analysis.words),
                        text=text,
                        start=offset + token.start_char,
                        end=offset + token.end_char,
                        sentence=sent_index,
                        entity=entity,
                        entity_begin=begin and word is token.words[0],
                    )
                )
        if len(analysis.words) > first:
            analysis.sentences.append(
                Sentence(sent_index, first, len(analysis.words) - 1, paragraph)
            )


def _add_parse(
    analysis: Analysis, sent: Sentence, stanza_sent: stanza.models.common.doc.Sentence
) -> None:
    words = analysis.words[sent.first : sent.last + 1]
    for word, parsed in zip(words, stanza_sent.words, strict=True):
        word.upos = parsed.upos or ""
        word.lemma = parsed.lemma or word.text
        word.deprel = parsed.deprel or ""
        word.head = sent.first + parsed.head - 1 if parsed.head else None
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
            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
            _LOADED[key] = NLP(models)
        return _LOADED[key]
