"""Inputs with no sentence end: the models see bounded pieces, the rules the whole text."""

from __future__ import annotations

import re

import pytest
from conftest import SAMPLES

from quotex import nlp
from quotex.engine import build_article
from quotex.normalize import normalize

SENTENCE_END = re.compile(r"[.!?؟…]")


def one_paragraph(words: int) -> str:
    """Sample articles run together as one line with their sentence ends taken out, as a
    scraped page that lost its markup can be; `words` words, repeated as needed."""
    pool = [word for path in sorted(SAMPLES.glob("*.txt"))
            for word in SENTENCE_END.sub(" ", path.read_text(encoding="utf-8")).split()]
    return " ".join(pool[i % len(pool)] for i in range(words))


# The word the stand-in NER tags as a place, wherever it is.
MARKED = "تهران"


class RecordingTaggers:
    """Stands in for the models (quotex.taggers.Taggers): records the word lists each
    is given and tags MARKED alone, so that the test measures what reaches the models,
    not the models."""

    def __init__(self) -> None:
        self.entity_calls: list[list[list[str]]] = []
        self.tag_calls: list[list[list[str]]] = []

    def entities(self, pieces: list[list[str]]) -> list[list[str]]:
        self.entity_calls.append(pieces)
        return [["S-LOC" if w == MARKED else "O" for w in piece] for piece in pieces]

    def upos(self, pieces: list[list[str]]) -> list[list[str]]:
        self.tag_calls.append(pieces)
        return [["NOUN"] * len(piece) for piece in pieces]


def recording_nlp() -> tuple[nlp.NLP, RecordingTaggers]:
    recorder = nlp.NLP.__new__(nlp.NLP)  # the real analyze_many, without loading models
    recorder.taggers = RecordingTaggers()
    return recorder, recorder.taggers


def test_model_pieces_cut_at_commas_then_conjunctions_then_the_cap():
    def words_of(texts: list[str]) -> list[nlp.Word]:
        return [nlp.Word(i, text, 0, 0, 0) for i, text in enumerate(texts)]

    cap = nlp.MAX_MODEL_WORDS
    with_comma = words_of(["x"] * 40 + ["،"] + ["x"] * 80 + ["و"] + ["x"] * 100)
    assert nlp.model_pieces(with_comma, 0, len(with_comma)) == [(0, 41), (41, 121),
                                                          (121, 222)]
    with_and = words_of(["x"] * 90 + ["و"] + ["x"] * 100)
    assert nlp.model_pieces(with_and, 0, len(with_and)) == [(0, 90), (90, 191)]
    bare = words_of(["x"] * (2 * cap + 7))
    assert nlp.model_pieces(bare, 0, len(bare)) == [(0, cap), (cap, 2 * cap),
                                                    (2 * cap, 2 * cap + 7)]
    short = words_of(["x"] * cap)
    assert nlp.model_pieces(short, 0, cap) == [(0, cap)]


@pytest.mark.parametrize("words", [2_000, 8_000, 32_000])
def test_one_paragraph_input_reaches_the_models_in_bounded_pieces(words):
    text = one_paragraph(words)
    recorder, models = recording_nlp()
    [analysis] = recorder.analyze_many([normalize(text)])

    # the rules see one paragraph of one sentence holding every word
    assert len(analysis.paragraphs) == 1
    assert len(analysis.sentences) == 1 and len(analysis.words) >= words
    # the NER sees every word once, in order, in pieces no longer than the cap, and in
    # calls of bounded size
    pieces = [piece for call in models.entity_calls for piece in call]
    assert [w for piece in pieces for w in piece] == [w.text for w in analysis.words]
    assert max(map(len, pieces)) <= nlp.MAX_MODEL_WORDS
    assert len(pieces) >= len(analysis.words) / nlp.MAX_MODEL_WORDS
    assert all(sum(map(len, call)) <= nlp.MODEL_CALL_WORDS for call in
               models.entity_calls)
    tagged = [piece for call in models.tag_calls for piece in call]
    assert tagged and max(map(len, tagged)) <= nlp.MAX_MODEL_WORDS
    # their tags land on the words they were given for
    marked = {w.index for w in analysis.words if w.text == MARKED}
    assert marked and {w.index for w in analysis.words if w.entity} == marked
    assert sum(w.parsed for w in analysis.words) == sum(map(len, tagged))
    # and the rules run on the whole of it
    article = build_article("long", analysis)
    assert all(0 <= q.start < q.end <= len(text) for q in article.quotes)


def test_ordinary_sentences_reach_the_models_whole(seed_text):
    recorder, models = recording_nlp()
    [analysis] = recorder.analyze_many([normalize(seed_text)])
    pieces = [piece for call in models.entity_calls for piece in call]
    assert pieces == [[w.text for w in analysis.words[s.first : s.last + 1]]
                      for s in analysis.sentences]
