"""Stanza's NER and POS networks, computed with numpy from their model files.

The same weights and the same arithmetic as Stanza's modules in evaluation mode (no
dropout), for the models `quotex.training` builds: words through the word-vector table
(and, for the NER, its own table of training words), characters through Stanza's
`CharacterModel`, then bidirectional LSTMs (the POS tagger's with highway connections),
a linear layer, and for the NER a CRF's transition scores. Only what quotex reads is
computed: the NER's tag scores, the POS tagger's UPOS (not its XPOS and feature heads).

Each network takes a batch of pieces sorted longest first, as Stanza's packed LSTMs
do; `quotex.taggers` builds the batches and turns scores into tags.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

Weights = Mapping[str, np.ndarray]

# Stanza's vocabularies open with these entries (stanza.models.common.vocab)
PAD_ID = 0
UNK_ID = 1
EMPTY_ID = 2
VOCAB_PREFIX_SIZE = 4
UNK = "<UNK>"


def sigmoid(x: np.ndarray) -> np.ndarray:
    # the tanh form does not overflow for large negative x, as 1 / (1 + exp(-x)) does
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def weights_of(state: Weights, prefix: str) -> dict[str, np.ndarray]:
    """The float32 weights under `prefix` (the model files store float16; weights
    already float32 are not copied)."""
    return {name[len(prefix):]: np.asarray(value, dtype=np.float32)
            for name, value in state.items() if name.startswith(prefix)}


class Vocab:
    """A Stanza vocabulary read from its saved state: word to id, id to word."""

    def __init__(self, state: Mapping[str, Any]) -> None:
        units = state["_id2unit"]
        # a composite vocabulary (the NER's tags) keeps one list per part; the
        # networks read models with one (`taggers.served`)
        self.parts = len(units) if isinstance(units, dict) else 1
        self.units: list[str] = list(units[next(iter(units))]) if isinstance(units, dict) \
            else list(units)
        self.ids: dict[str, int] = {unit: i for i, unit in enumerate(self.units)}
        self.lower = bool(state.get("lower"))
        # words a word vocabulary was told to ignore map to its EMPTY entry, as written
        self.ignored = frozenset(state.get("ignore") or ())
        self.unknown = self.ids.get(UNK, UNK_ID)

    def id(self, unit: str) -> int:
        if unit in self.ignored:
            return EMPTY_ID
        return self.ids.get(unit.lower() if self.lower else unit, self.unknown)

    def __len__(self) -> int:
        return len(self.units)


class PretrainVocab(Vocab):
    """The word-vector table's vocabulary: Stanza writes spaces in it as no-break spaces."""

    def id(self, unit: str) -> int:
        return super().id(unit.replace(" ", "\xa0"))


def active_rows(lengths: Sequence[int], steps: int) -> list[int]:
    """For each step, how many rows of a longest-first batch are still that long."""
    counts = np.asarray(lengths)[:, None] > np.arange(steps)[None, :]
    return counts.sum(0).tolist()


class LSTMLayer:
    """One layer of torch's nn.LSTM, forward and maybe backward.

    torch orders the gates i, f, g, o; here they are stored i, f, o, g, with the rows of
    the three sigmoid gates halved (exact in floating point), so that one tanh over
    all four gives tanh(x / 2) for those, and sigmoid(x) = (1 + tanh(x / 2)) / 2.
    """

    def __init__(self, weights: Weights, bidirectional: bool) -> None:
        suffixes = ["_l0", "_l0_reverse"] if bidirectional else ["_l0"]
        size = weights["weight_hh_l0"].shape[1]
        i, f, g, o = (np.arange(k * size, (k + 1) * size) for k in range(4))
        order = np.concatenate([i, f, o, g])
        scale = np.concatenate([np.full(3 * size, 0.5), np.ones(size)]).astype(np.float32)

        def gates(matrix: np.ndarray) -> np.ndarray:
            return matrix[order] * (scale if matrix.ndim == 1 else scale[:, None])

        # both directions' input weights side by side: one product for the whole batch
        self.w_input = np.concatenate([gates(weights[f"weight_ih{s}"]).T for s in suffixes], 1)
        self.bias = np.concatenate([gates(weights[f"bias_ih{s}"] + weights[f"bias_hh{s}"])
                                    for s in suffixes])
        self.w_hidden = [np.ascontiguousarray(gates(weights[f"weight_hh{s}"]).T)
                         for s in suffixes]
        self.hidden = size

    def __call__(self, inputs: np.ndarray, lengths: Sequence[int], h0: np.ndarray,
                 c0: np.ndarray) -> tuple[np.ndarray, list[np.ndarray]]:
        """inputs (batch, steps, features), rows longest first, zero past their length;
        h0, c0 (directions, hidden). Returns the outputs (batch, steps, hidden x
        directions), zero past each row's length, and each direction's last state."""
        batch, steps, _ = inputs.shape
        size = self.hidden
        active = active_rows(lengths, steps)
        # the input's share of the gates, computed for real positions only, time first
        # (torch's packed layout): step t's rows are packed[starts[t]:starts[t] + active[t]]
        in_length = np.arange(batch)[None, :] < np.asarray(active)[:, None]
        packed = inputs.transpose(1, 0, 2)[in_length] @ self.w_input
        packed += self.bias
        starts = np.concatenate([[0], np.cumsum(active)]).tolist()
        outputs, finals = [], []
        for d, w_hidden in enumerate(self.w_hidden):
            from_input = packed[:, 4 * size * d:4 * size * (d + 1)]
            h = np.repeat(h0[d][None], batch, 0)
            c = np.repeat(c0[d][None], batch, 0)
            out = np.zeros((steps, batch, size), dtype=np.float32)
            gates = np.empty((batch, 4 * size), dtype=np.float32)
            # backwards, a row starts at its own last word: rows shorter than the step
            # are not active yet and keep their initial state until they are
            for t in (range(steps) if d == 0 else range(steps - 1, -1, -1)):
                n = active[t]
                g = gates[:n]
                np.matmul(h[:n], w_hidden, out=g)
                g += from_input[starts[t]:starts[t] + n]
                np.tanh(g, out=g)
                sig = g[:, :3 * size]
                sig += 1.0
                sig *= 0.5
                c[:n] *= g[:, size:2 * size]
                c[:n] += g[:, :size] * g[:, 3 * size:]
                np.tanh(c[:n], out=out[t, :n])
                out[t, :n] *= g[:, 2 * size:3 * size]
                h[:n] = out[t, :n]
            outputs.append(out)
            finals.append(h)
        return np.concatenate(outputs, 2).transpose(1, 0, 2), finals


def _matmul(x: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """x (..., features) @ matrix as one product: numpy multiplies a stack of matrices
    one by one, several times slower than one tall matrix."""
    return (x.reshape(-1, x.shape[-1]) @ matrix).reshape(*x.shape[:-1], matrix.shape[1])


def linear(x: np.ndarray, weights: Weights, name: str) -> np.ndarray:
    out = _matmul(x, weights[f"{name}.weight"].T)
    bias = weights.get(f"{name}.bias")
    return out if bias is None else out + bias


@dataclass
class WordChars:
    """A batch's words as characters: each distinct word once, longest first."""

    chars: np.ndarray  # distinct words x longest word, character ids, PAD after the end
    lengths: list[int]
    occurrences: np.ndarray  # for each word of the batch (pieces in order), its row


class CharacterEncoder:
    """Stanza's CharacterModel: an LSTM over each word's characters, giving one vector
    per word: the last states of both directions (the NER's), or the outputs weighted by
    a learned attention and summed (the POS tagger's)."""

    def __init__(self, weights: Weights, bidirectional: bool, attention: bool) -> None:
        self.embedding = weights["char_emb.weight"]
        self.lstm = LSTMLayer(weights_of(weights, "charlstm.lstm."), bidirectional)
        self.h0 = weights["charlstm_h_init"][:, 0]
        self.c0 = weights["charlstm_c_init"][:, 0]
        self.attention = weights["char_attn.weight"] if attention else None

    def __call__(self, words: WordChars) -> np.ndarray:
        """One vector per distinct word (rows of `words.chars`)."""
        outputs, finals = self.lstm(self.embedding[words.chars], words.lengths,
                                    self.h0, self.c0)
        if self.attention is None:
            return np.concatenate(finals, 1)
        return (outputs * sigmoid(outputs @ self.attention.T)).sum(1)


def padded(rows: Sequence[Sequence[int]]) -> np.ndarray:
    """Rows of ids as one array, PAD after each row's end."""
    table = np.full((len(rows), max(map(len, rows))), PAD_ID, dtype=np.int64)
    for i, row in enumerate(rows):
        table[i, :len(row)] = row
    return table


class NerNetwork:
    """Stanza's NERTagger (no character language model, no transformer): tag scores."""

    def __init__(self, checkpoint: Mapping[str, Any], pretrain: Mapping[str, Any]) -> None:
        state, config, vocab = checkpoint["model"], checkpoint["config"], checkpoint["vocab"]
        self.weights = weights_of(state, "")
        self.lowercase = config.get("lowercase", True)
        self.words = PretrainVocab(vocab["word"])
        self.word_table = np.asarray(pretrain["emb"], dtype=np.float32)
        self.delta = Vocab(vocab["delta"]) if "delta" in vocab else None
        self.chars = Vocab(vocab["char"])
        self.tags = Vocab(vocab["tag"])
        self.char_encoder = CharacterEncoder(weights_of(self.weights, "charmodel."),
                                             bidirectional=True, attention=False)
        self.lstm = LSTMLayer(weights_of(self.weights, "taggerlstm.lstm."),
                              bidirectional=True)
        self.h0 = self.weights["taggerlstm_h_init"][:, 0]
        self.c0 = self.weights["taggerlstm_c_init"][:, 0]
        self.transitions = self.weights["crits.0._transitions"]

    def scores(self, pieces: list[list[str]], chars: WordChars) -> np.ndarray:
        """Tag scores (batch, longest piece, tags) for pieces sorted longest first."""
        cased = [[w.lower() for w in piece] if self.lowercase else piece for piece in pieces]
        static = padded([[self.words.id(w) for w in piece] for piece in cased])
        vectors = self.word_table[static]
        if self.delta is not None:
            delta = padded([[self.delta.id(w) for w in piece] for piece in cased])
            # as Stanza: a word the training words lack but the vector table has is not
            # unknown to the delta table, just unchanged by it
            delta[(delta == UNK_ID) & (static != UNK_ID)] = PAD_ID
            vectors = vectors + self.weights["delta_emb.weight"][delta]
        lengths = [len(piece) for piece in pieces]
        char_vectors = _by_word(self.char_encoder(chars), chars, lengths)
        inputs = np.concatenate([vectors, char_vectors], 2)
        if "input_transform.weight" in self.weights:
            inputs = linear(inputs, self.weights, "input_transform")
        outputs, _ = self.lstm(inputs, lengths, self.h0, self.c0)
        return linear(outputs, self.weights, "tag_clfs.0")


class PosNetwork:
    """Stanza's POS Tagger (no character language model, no transformer): UPOS ids."""

    def __init__(self, checkpoint: Mapping[str, Any], pretrain: Mapping[str, Any]) -> None:
        state, config, vocab = checkpoint["model"], checkpoint["config"], checkpoint["vocab"]
        self.weights = weights_of(state, "")
        self.words = Vocab(vocab["word"])
        self.pretrained = PretrainVocab(pretrain["vocab"])
        self.word_table = np.asarray(pretrain["emb"], dtype=np.float32)
        self.chars = Vocab(vocab["char"])
        self.upos = Vocab(vocab["upos"])
        self.char_encoder = CharacterEncoder(
            weights_of(self.weights, "charmodel."),
            bidirectional=bool(config.get("char_bidirectional")), attention=True)
        self.layers = [LSTMLayer(weights_of(self.weights, f"taggerlstm.lstm.{layer}.lstm."),
                                 True) for layer in range(config["num_layers"])]
        self.h0 = self.weights["taggerlstm_h_init"][:, 0]
        self.c0 = self.weights["taggerlstm_c_init"][:, 0]

    def upos_ids(self, pieces: list[list[str]], chars: WordChars) -> np.ndarray:
        """UPOS ids (batch, longest piece) for pieces sorted longest first."""
        w = self.weights
        lengths = [len(piece) for piece in pieces]
        words = w["word_emb.weight"][padded([[self.words.id(x) for x in p] for p in pieces])]
        pretrained = self.word_table[padded([[self.pretrained.id(x.lower()) for x in p]
                                             for p in pieces])]
        char_vectors = _by_word(self.char_encoder(chars), chars, lengths)
        inputs = np.concatenate([words, linear(pretrained, w, "trans_pretrained"),
                                 linear(char_vectors, w, "trans_char")], 2)
        for layer, lstm in enumerate(self.layers):
            outputs, _ = lstm(inputs, lengths, self.h0[2 * layer:2 * layer + 2],
                              self.c0[2 * layer:2 * layer + 2])
            # Stanza's HighwayLSTM: each layer's input joins its output through a gate
            inputs = outputs + sigmoid(linear(inputs, w, f"taggerlstm.gate.{layer}")) * \
                np.tanh(linear(inputs, w, f"taggerlstm.highway.{layer}"))
        hidden = np.maximum(linear(inputs, w, "upos_hid"), 0.0)
        return linear(hidden, w, "upos_clf").argmax(2)


def _by_word(vectors: np.ndarray, chars: WordChars, lengths: list[int]) -> np.ndarray:
    """Distinct words' vectors laid out per piece: (batch, longest piece, size)."""
    out = np.zeros((len(lengths), max(lengths), vectors.shape[1]), dtype=np.float32)
    flat = vectors[chars.occurrences]
    start = 0
    for i, n in enumerate(lengths):
        out[i, :n] = flat[start:start + n]
        start += n
    return out
