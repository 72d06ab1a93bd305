"""Word vectors: gensim fastText on the raw Persian text + treebank + NER text, written as a
Stanza pretrain file with a bounded vocabulary.

fastText's subword vectors give every form a vector, so the table also gets the
ZWNJ-less spelling of frequent ZWNJ words (`میگویند` beside `می‌گویند`): scraped news
writes them that way, and a table lookup is cheaper than a character model.
"""

from __future__ import annotations

import itertools
import logging
import lzma
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import torch

from quotex.training.corpus import ZWNJ

logger = logging.getLogger("quotex.training")

WORD_PATTERN = re.compile(r"[\w\u200c]+|[^\w\s]")


def tokenize_line(line: str) -> list[str]:
    """A rough word split for vector training: letters/digits (with ZWNJ) or one symbol."""
    return [w.strip(ZWNJ) for w in WORD_PATTERN.findall(line) if w.strip(ZWNJ)]


def raw_text_sentences(folder: Path, limit_per_file: int | None = None) -> list[list[str]]:
    """Every line of the folder's *.txt.xz files as words (the first lines of each only,
    given a limit)."""
    out: list[list[str]] = []
    for path in sorted(folder.glob("*.txt.xz")):
        with lzma.open(path, "rt", encoding="utf-8") as lines:
            words = (tokenize_line(line) for line in lines if line.strip())
            out += itertools.islice((w for w in words if w), limit_per_file)
    return out


def select_vocabulary(counts: Counter[str], max_vocab: int, variant_share: float) -> list[str]:
    """The most frequent words, then ZWNJ-less variants of the most frequent ZWNJ words,
    max_vocab in all."""
    main_size = int(max_vocab * (1 - variant_share))
    words = [w for w, _ in counts.most_common(main_size)]
    chosen = set(words)
    for word in list(words):
        if len(words) >= max_vocab:
            break
        variant = word.replace(ZWNJ, "")
        if variant != word and variant not in chosen:
            words.append(variant)
            chosen.add(variant)
    # fill with further frequent words if there were few variants
    for word, _ in counts.most_common(max_vocab * 2):
        if len(words) >= max_vocab:
            break
        if word not in chosen:
            words.append(word)
            chosen.add(word)
    return words


def train_vectors(
    sentences: Iterable[list[str]],
    out_file: Path,
    *,
    dim: int,
    epochs: int,
    max_vocab: int,
    seed: int,
    workers: int = 2,
) -> int:
    """Train fastText and write `out_file` in Stanza's pretrain format; returns vocab size."""
    from gensim.models import FastText  # training-only dependency
    from stanza.models.common.pretrain import Pretrain, PretrainedWordVocab
    from stanza.models.common.vocab import VOCAB_PREFIX

    corpus = [list(s) for s in sentences]
    counts = Counter(w for s in corpus for w in s)
    logger.info("vectors: %d sentences, %d tokens, %d types",
                len(corpus), sum(counts.values()), len(counts))
    model = FastText(
        vector_size=dim, window=5, min_count=2, min_n=2, max_n=5, bucket=200_000,
        sg=1, negative=5, epochs=epochs, workers=workers, seed=seed,
    )
    model.build_vocab(corpus_iterable=corpus)
    model.train(corpus_iterable=corpus, total_examples=len(corpus), epochs=epochs)

    words = select_vocabulary(counts, max_vocab, variant_share=0.1)
    emb = torch.zeros((len(words) + len(VOCAB_PREFIX), dim), dtype=torch.float32)
    for i, word in enumerate(words):
        emb[i + len(VOCAB_PREFIX)] = torch.from_numpy(model.wv[word].copy())
    pretrain = Pretrain(str(out_file))
    pretrain._vocab = PretrainedWordVocab(words)  # no public setter: Pretrain expects a file
    pretrain._emb = emb
    out_file.parent.mkdir(parents=True, exist_ok=True)
    pretrain.save(str(out_file))
    return len(words)
