"""Provenance: the same statement carried by several articles is one group.

Agencies' stories are republished, trimmed and lightly reworded, and one outlet keeps a
ZWNJ another loses. Two statements are the same when their word shingles (runs of
`SHINGLE_WORDS` words of quotex's normalized text: letters and digits, ZWNJ folded
away) overlap enough. MinHash LSH (`datasketch`) finds the candidate pairs without
comparing every pair; each candidate is then checked on its exact shingle sets, and
groups are the connected pairs (union-find).

The similarity of a pair is the larger of
- Jaccard: shared shingles over all shingles (a statement reworded in a few words), and
- containment: shared shingles over the smaller statement's shingles, counted only when
  that statement has at least `CONTAINMENT_MIN_SHINGLES` (a statement cut shorter by one
  outlet; a very short one is contained in too many others by chance).

`THRESHOLD` was chosen by reading every candidate pair among the statements of the
project corpus's articles (65 pairs, 51 the same statement): 0.6 is the lowest with no
false pair (precision 0.95 at 0.5, 0.87 at 0.3; the README gives the table).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quotex.normalize import ZWNJ, normalize

SHINGLE_WORDS = 3
THRESHOLD = 0.6
CONTAINMENT_MIN_SHINGLES = 8
# LSH finds pairs whose estimated Jaccard passes this; the exact check then decides.
# Well below THRESHOLD so that a statement cut shorter (high containment, low Jaccard:
# 0.27 in the labelled sample) still comes up; the sample was drawn at this value.
CANDIDATE_JACCARD = 0.2
NUM_PERM = 128

WORD = re.compile(rf"[^\W_]+(?:{ZWNJ}[^\W_]+)*")


def comparable(text: str) -> str:
    """The statement's words as provenance compares them: quotex's normalization
    (letter variants, digits, lost ZWNJs), then ZWNJ folded away and punctuation
    dropped. The database keeps it per statement, so that regrouping is cheap."""
    return " ".join(w.replace(ZWNJ, "") for w in WORD.findall(normalize(text).text))


def shingles(comparable_text: str) -> frozenset[str]:
    """Word shingles of a `comparable` text."""
    words = comparable_text.split()
    if len(words) <= SHINGLE_WORDS:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(" ".join(words[i:i + SHINGLE_WORDS])
                     for i in range(len(words) - SHINGLE_WORDS + 1))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard, or containment of the smaller set when it is long enough (see above)."""
    if not a or not b:
        return 0.0
    shared = len(a & b)
    jaccard = shared / len(a | b)
    smaller = min(len(a), len(b))
    if smaller < CONTAINMENT_MIN_SHINGLES:
        return jaccard
    return max(jaccard, shared / smaller)


def candidate_pairs(sets: Sequence[frozenset[str]]) -> set[tuple[int, int]]:
    """Index pairs (i < j) whose MinHash estimate passes CANDIDATE_JACCARD."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=CANDIDATE_JACCARD, num_perm=NUM_PERM)
    present = [i for i, s in enumerate(sets) if s]
    hashes = MinHash.bulk([[s.encode() for s in sets[i]] for i in present], num_perm=NUM_PERM)
    pairs: set[tuple[int, int]] = set()
    for i, minhash in zip(present, hashes, strict=True):
        for j in lsh.query(minhash):
            pairs.add((j, i))
        lsh.insert(i, minhash)
    return pairs


def group_statements(texts: Sequence[str], threshold: float = THRESHOLD) -> list[int]:
    """For each `comparable` text, the index of the first text of its group.

    Pass the texts in the order they were first seen (published date, else file
    order): the group's first member is then where the statement was first reported.
    """
    sets = [shingles(text) for text in texts]
    parent = list(range(len(texts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in candidate_pairs(sets):
        if similarity(sets[i], sets[j]) >= threshold:
            a, b = root(i), root(j)
            parent[max(a, b)] = min(a, b)  # the earliest member stays the root
    return [root(i) for i in range(len(texts))]


def seen_key(published: str | None, position: int) -> tuple[bool, str, int]:
    """Sort key of first-seen order: dated statements by date, then undated ones, each
    by file order (`position`)."""
    return published is None, published or "", position


def first_seen(texts: Sequence[str], published: Sequence[str | None]) -> list[int]:
    """For each statement (its `comparable` text, given in file order, with its
    article's ISO date or None),
    the index of its group's first-seen statement: the earliest dated one, else the
    first in file order (dated statements count as seen before undated ones)."""
    order = sorted(range(len(texts)), key=lambda i: seen_key(published[i], i))
    firsts = group_statements([texts[i] for i in order])
    result = [0] * len(texts)
    for position, i in enumerate(order):
        result[i] = order[firsts[position]]
    return result
