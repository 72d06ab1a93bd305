"""Training data: the UD treebanks and Arman, the fixed held-out split, and the
scraped-text augmentation (ZWNJ removed, Arabic ي/ك).

Everything here is deterministic: the same input files always give the same splits
and the same augmented copies, so scores are comparable between runs.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ZWNJ = "\u200c"
# Persian letters and the Arabic code points older scraped news uses for them.
ARABIC_FOR_PERSIAN = str.maketrans({"ی": "ي", "ک": "ك"})
PERSIAN_FOR_ARABIC = str.maketrans({"ي": "ی", "ك": "ک"})

UD_FILES = (
    "ud-persian-perdt/fa_perdt-ud-dev.conllu",
    "ud-persian-perdt/fa_perdt-ud-test.conllu",
    "ud-persian-seraji/fa_seraji-ud-dev.conllu",
    "ud-persian-seraji/fa_seraji-ud-test.conllu",
)
ARMAN_TRAIN = "arman-ner/train_fold1.txt"
ARMAN_TEST = "arman-ner/test_fold1.txt"
RAW_NEWS = "raw-news/persian-news.txt.xz"

# The written-down split. Sentences of the four UD files are numbered in the order of
# UD_FILES; number i is held out for scoring when i % 10 == 9, used for early stopping
# ("dev") when i % 20 == 4, and trained on otherwise. Arman: train_fold1 minus every
# 20th sentence (dev) is trained on, test_fold1 is scored.
HELD_OUT_EVERY, HELD_OUT_AT = 10, 9
DEV_EVERY, DEV_AT = 20, 4
# Every AUGMENT_EVERY-th training sentence (from AUGMENT_AT) is copied in scraped form.
AUGMENT_EVERY, AUGMENT_AT = 2, 0
SENTENCES_PER_PARAGRAPH = 5


def scrape(text: str) -> str:
    """The scraped-news form of a text: every ZWNJ removed, Arabic ي and ك."""
    return text.replace(ZWNJ, "").translate(ARABIC_FOR_PERSIAN)


def normalize_letters(text: str) -> str:
    """Persian ی/ک for their Arabic look-alikes (lemmas are always in Persian letters)."""
    return text.translate(PERSIAN_FOR_ARABIC)


@dataclass
class Sentence:
    """One CoNLL-U sentence: comment lines and 10-column rows (token and word lines)."""

    comments: list[str]
    rows: list[list[str]]

    def tokens(self) -> Iterator[tuple[str, bool]]:
        """Surface tokens (multiword tokens once, not their words) with SpaceAfter."""
        skip_until = 0
        for row in self.rows:
            ident = row[0]
            if "." in ident:
                continue
            if "-" in ident:
                skip_until = int(ident.split("-")[1])
            elif int(ident) <= skip_until:
                continue
            yield row[1], "SpaceAfter=No" not in row[9].split("|")

    def text(self) -> str:
        return "".join(form + (" " if space else "") for form, space in self.tokens()).strip()

    def words(self) -> list[list[str]]:
        return [row for row in self.rows if row[0].isdigit()]

    def to_conllu(self, sent_id: str) -> str:
        lines = [f"# sent_id = {sent_id}", f"# text = {self.text()}"]
        lines += ["\t".join(row) for row in self.rows]
        return "\n".join(lines) + "\n\n"


def read_conllu(path: Path) -> list[Sentence]:
    sentences: list[Sentence] = []
    comments: list[str] = []
    rows: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if rows:
                sentences.append(Sentence(comments, rows))
            comments, rows = [], []
        elif line.startswith("#"):
            comments.append(line)
        else:
            rows.append(line.split("\t"))
    if rows:
        sentences.append(Sentence(comments, rows))
    return sentences


def scraped_sentence(sentence: Sentence) -> Sentence | None:
    """A copy with scraped forms; lemmas stay in their normal (dictionary) spelling.

    None when a form would vanish (a token that is only a ZWNJ).
    """
    rows = []
    for row in sentence.rows:
        new = list(row)
        new[1] = scrape(row[1])
        if not new[1]:
            return None
        rows.append(new)
    return Sentence(list(sentence.comments), rows)


def write_conllu(path: Path, sentences: Iterable[Sentence], prefix: str) -> int:
    """Write atomically: stages may run in parallel processes that share the work dir."""
    count = 0
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    with partial.open("w", encoding="utf-8") as out:
        for count, sentence in enumerate(sentences, start=1):
            out.write(sentence.to_conllu(f"{prefix}-{count}"))
    os.replace(partial, path)
    return count


def write_paragraph_text(path: Path, sentences: list[Sentence]) -> None:
    """Raw text for the tokenizer: SENTENCES_PER_PARAGRAPH sentences a paragraph."""
    paragraphs = [
        " ".join(s.text() for s in sentences[i : i + SENTENCES_PER_PARAGRAPH])
        for i in range(0, len(sentences), SENTENCES_PER_PARAGRAPH)
    ]
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")


@dataclass
class UDSplit:
    train: list[Sentence] = field(default_factory=list)
    dev: list[Sentence] = field(default_factory=list)
    held_out: list[Sentence] = field(default_factory=list)


def split_treebanks(data_dir: Path, limit: int | None = None) -> UDSplit:
    """The fixed split of PerDT+Seraji dev+test; `limit` keeps only the first sentences
    of each file (quick smoke runs)."""
    split = UDSplit()
    index = 0
    for name in UD_FILES:
        for sentence in read_conllu(data_dir / name)[:limit]:
            if index % HELD_OUT_EVERY == HELD_OUT_AT:
                split.held_out.append(sentence)
            elif index % DEV_EVERY == DEV_AT:
                split.dev.append(sentence)
            else:
                split.train.append(sentence)
            index += 1
    return split


def augmented(sentences: list[Sentence]) -> list[Sentence]:
    """The sentences plus a scraped copy of every AUGMENT_EVERY-th one, interleaved so
    both forms share paragraphs and batches."""
    out: list[Sentence] = []
    for i, sentence in enumerate(sentences):
        out.append(sentence)
        if i % AUGMENT_EVERY == AUGMENT_AT:
            copy = scraped_sentence(sentence)
            if copy is not None:
                out.append(copy)
    return out


def scraped_all(sentences: list[Sentence]) -> list[Sentence]:
    return [copy for s in sentences if (copy := scraped_sentence(s)) is not None]


# --- Arman NER --------------------------------------------------------------------

# Arman's lowercase types, renamed to the usual upper-case names.
NER_TYPES = {"pers": "PER", "org": "ORG", "loc": "LOC", "fac": "FAC", "pro": "PRO",
             "event": "EVENT"}

NerSentence = list[tuple[str, str]]


def _ner_tag(tag: str) -> str:
    if tag == "O":
        return tag
    prefix, _, kind = tag.partition("-")
    return f"{prefix}-{NER_TYPES[kind.lower()]}"


def read_arman(path: Path, limit: int | None = None) -> list[NerSentence]:
    sentences: list[NerSentence] = []
    current: NerSentence = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            current.append((parts[0], _ner_tag(parts[-1])))
        elif current:
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences[:limit]


def scraped_ner(sentence: NerSentence) -> NerSentence | None:
    out = [(scrape(word), tag) for word, tag in sentence]
    return None if any(not word for word, _ in out) else out


def write_ner_json(path: Path, sentences: Iterable[NerSentence]) -> None:
    """Stanza's NER training format: a list of sentences of {text, ner} tokens."""
    doc = [[{"text": w, "ner": t} for w, t in s] for s in sentences]
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def split_arman(data_dir: Path, limit: int | None = None) -> tuple[list, list, list]:
    """(train, dev, test) for NER; dev is every DEV_EVERY-th sentence of train_fold1."""
    train_fold = read_arman(data_dir / ARMAN_TRAIN, limit)
    train = [s for i, s in enumerate(train_fold) if i % DEV_EVERY != DEV_AT]
    dev = [s for i, s in enumerate(train_fold) if i % DEV_EVERY == DEV_AT]
    test = read_arman(data_dir / ARMAN_TEST, limit)
    return train, dev, test


def augmented_ner(sentences: list[NerSentence]) -> list[NerSentence]:
    out: list[NerSentence] = []
    for i, sentence in enumerate(sentences):
        out.append(sentence)
        if i % AUGMENT_EVERY == AUGMENT_AT and (copy := scraped_ner(sentence)):
            out.append(copy)
    return out
