"""The NER and POS models run on quotex's words: entity tags and UPOS per word.

Two ways to run a model set, giving the same tags:

- `ArrayTaggers` computes the NER and POS networks with numpy from their model files
  (`quotex.networks`, `quotex.checkpoint`), and reads back only what quotex uses. It
  needs neither PyTorch nor Stanza at run time: importing them took longer than
  quotex's whole run on a short article, and Stanza's pipeline wraps every call in a
  Document (token and word objects, entity spans, every tag the models give) that cost
  as much as the LSTMs (README, "Speed"). It serves the sets `quotex.training` builds:
  characters read by Stanza's `CharacterModel`, no character language model and no
  transformer.
- `PipelineTaggers` calls Stanza's pipelines: any model set, Stanza's official one
  included. `tests/test_taggers.py` checks both give the same tags on real articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from quotex import checkpoint, modelset, networks

if TYPE_CHECKING:
    import stanza

# Pieces per model call, as Stanza's processors batch them (their `batch_size`).
BATCH_PIECES = 32
# Distinct words whose character ids a tagger remembers; beyond that the memory is
# cleared (an archive has millions of distinct strings, a batch a few thousand).
CHAR_CACHE_WORDS = 200_000


class Taggers(Protocol):
    def entities(self, pieces: Sequence[Sequence[str]]) -> list[list[str]]:
        """One NER tag per word (`B-PER`, `E-ORG`, `O`, ...), in the model's scheme."""

    def upos(self, pieces: Sequence[Sequence[str]]) -> list[list[str]]:
        """One universal POS tag per word."""


def load_taggers(models: modelset.ModelSet) -> Taggers:
    """ArrayTaggers where the set's models allow, else Stanza's pipelines."""
    if models.name != "stanza-official":
        found = ArrayTaggers.load(models)
        if found is not None:
            return found
    return PipelineTaggers.load(models)


class PipelineTaggers:
    """Stanza's own pipelines, a Document per call."""

    def __init__(self, entity_pipeline: stanza.Pipeline, tag_pipeline: stanza.Pipeline) -> None:
        self.entity_pipeline = entity_pipeline
        self.tag_pipeline = tag_pipeline

    @classmethod
    def load(cls, models: modelset.ModelSet) -> PipelineTaggers:
        ner = modelset.build_pipeline(models, "ner", logging_level="ERROR")
        # the POS pipeline shares the NER's cache: the word-vector table is read once
        return cls(ner, modelset.build_pipeline(models, "pos", logging_level="ERROR",
                                                foundation_cache=ner.foundation_cache))

    def entities(self, pieces: Sequence[Sequence[str]]) -> list[list[str]]:
        document = self.entity_pipeline([list(piece) for piece in pieces])
        return [[token.ner or "O" for token in sentence.tokens]
                for sentence in document.sentences]

    def upos(self, pieces: Sequence[Sequence[str]]) -> list[list[str]]:
        document = self.tag_pipeline([list(piece) for piece in pieces])
        return [[word.upos or "" for word in sentence.words] for sentence in document.sentences]


@dataclass
class _Batch:
    """Pieces of one model call, longest first (the LSTMs are run that way)."""

    order: list[int]  # their positions in the caller's list
    words: list[list[str]]

    @property
    def lengths(self) -> list[int]:
        return [len(piece) for piece in self.words]


def _batches(pieces: Sequence[Sequence[str]]) -> Iterator[_Batch]:
    """`pieces` sorted by length, longest first, in model calls of BATCH_PIECES."""
    order = sorted(range(len(pieces)), key=lambda i: -len(pieces[i]))
    for start in range(0, len(order), BATCH_PIECES):
        chunk = order[start:start + BATCH_PIECES]
        yield _Batch(chunk, [list(pieces[i]) for i in chunk])


class _CharIds:
    """Character ids of words in one model's character vocabulary, remembered."""

    def __init__(self, vocab: networks.Vocab) -> None:
        self.vocab = vocab
        self.known: dict[str, list[int]] = {}

    def __call__(self, word: str) -> list[int]:
        ids = self.known.get(word)
        if ids is None:
            if len(self.known) >= CHAR_CACHE_WORDS:
                self.known.clear()
            ids = self.known[word] = [self.vocab.id(c) for c in word]
        return ids

    def batch(self, words: list[list[str]]) -> networks.WordChars:
        flat = [word for piece in words for word in piece]
        distinct = sorted(dict.fromkeys(flat), key=len, reverse=True)
        row = {word: i for i, word in enumerate(distinct)}
        return networks.WordChars(networks.padded([self(word) for word in distinct]),
                                  [len(word) for word in distinct],
                                  np.array([row[word] for word in flat], dtype=np.int64))


def best_paths(scores: np.ndarray, transitions: np.ndarray,
               lengths: list[int]) -> list[list[int]]:
    """Viterbi decoding of a batch at once: Stanza's `viterbi_decode` (same operations in
    the same order, so the same paths, ties included) over all sentences of a batch per
    step instead of one sentence at a time. `lengths` are longest first."""
    trellis = np.zeros_like(scores)
    backpointers = np.zeros(scores.shape, dtype=np.int32)
    trellis[:, 0] = scores[:, 0]
    active = networks.active_rows(lengths, scores.shape[1])
    for t in range(1, scores.shape[1]):
        n = active[t]
        v = np.expand_dims(trellis[:n, t - 1], 2) + transitions
        trellis[:n, t] = scores[:n, t] + np.max(v, 1)
        backpointers[:n, t] = np.argmax(v, 1)
    paths = []
    for i, n in enumerate(lengths):
        path = [int(np.argmax(trellis[i, n - 1]))]
        for t in range(n - 1, 0, -1):
            path.append(int(backpointers[i, t, path[-1]]))
        paths.append(path[::-1])
    return paths


class ArrayTaggers:
    """The NER and POS networks of a quotex set, computed with numpy."""

    def __init__(self, ner: networks.NerNetwork, pos: networks.PosNetwork) -> None:
        from threadpoolctl import ThreadpoolController

        self.ner = ner
        self.pos = pos
        self.ner_chars = _CharIds(ner.chars)
        self.pos_chars = _CharIds(pos.chars)
        # BLAS threads are set for quotex's own products only, and put back after: a
        # program that uses quotex as a library keeps its own setting
        self.blas = ThreadpoolController()

    @classmethod
    def load(cls, models: modelset.ModelSet) -> ArrayTaggers | None:
        """The set's taggers, or None where a model reads its input some other way."""
        files = {}
        for name in ("ner", "pos", "pretrain"):
            path = models.paths.get(name)
            if path is None:
                raise modelset.missing_file_error(models.directory / modelset.MODEL_FILES[name])
            try:
                files[name] = checkpoint.read_checkpoint(path)
            except checkpoint.CheckpointError as error:
                raise modelset.unreadable_file_error(path) from error
        if not (served(files["ner"]) and served(files["pos"])):
            return None
        return cls(networks.NerNetwork(files["ner"], files["pretrain"]),
                   networks.PosNetwork(files["pos"], files["pretrain"]))

    def _threads(self) -> Any:
        return self.blas.limit(limits=modelset.thread_count(), user_api="blas")

    def entities(self, pieces: Sequence[Sequence[str]]) -> list[list[str]]:
        tags: list[list[str]] = [[] for _ in pieces]
        for batch in _batches(pieces):
            with self._threads():
                scores = self.ner.scores(batch.words, self.ner_chars.batch(batch.words))
            paths = best_paths(scores, self.ner.transitions, batch.lengths)
            for position, path in zip(batch.order, paths, strict=True):
                # as Stanza's trainer: ids below the vocabulary's prefix mean its first tag
                tags[position] = [self.ner.tags.units[max(tag, networks.VOCAB_PREFIX_SIZE)]
                                  for tag in path]
        return tags

    def upos(self, pieces: Sequence[Sequence[str]]) -> list[list[str]]:
        tags: list[list[str]] = [[] for _ in pieces]
        for batch in _batches(pieces):
            text = [[_simplified_punctuation(word) for word in piece] for piece in batch.words]
            with self._threads():
                ids = self.pos.upos_ids(text, self.pos_chars.batch(text))
            for i, position in enumerate(batch.order):
                tags[position] = [self.pos.upos.units[tag] for tag in
                                  ids[i, :batch.lengths[i]].tolist()]
        return tags


def served(model: Any) -> bool:
    """Whether `networks` computes this NER or POS model as Stanza would: words through
    the word vectors and its own table, characters through Stanza's CharacterModel (no
    character language model, no transformer), one column of tags."""
    if not (isinstance(model, dict) and isinstance(model.get("config"), dict)):
        return False
    config, vocab = model["config"], model.get("vocab", {})
    tag_parts = networks.Vocab(vocab["tag"]).parts if "tag" in vocab else 1
    return (bool(config.get("char")) and not config.get("charlm")
            and not config.get("bert_model") and not config.get("connect_output_layers")
            and config.get("pretrain", True) is not False and tag_parts == 1
            and "charmodel.char_emb.weight" in model.get("model", {}))


# Stanza's POS data loader writes runs of `?` and `!` as one mark (`simplify_punct`),
# in training and prediction alike
_QUESTION_RUN = re.compile("^[?？︖﹖⁇][?？︖﹖⁇!！︕﹗‼]+$")
_EXCLAMATION_RUN = re.compile("^[!！︕﹗‼][?？︖﹖⁇!！︕﹗‼]+$")


def _simplified_punctuation(word: str) -> str:
    return _EXCLAMATION_RUN.sub("!", _QUESTION_RUN.sub("?", word))
