"""Analyses built without the models, for testing the rule stages on their own.

`analysis_of` tokenizes with a plain regular expression so that cues, statements,
speakers and coref are tested on real Persian sentences independent of what a model
tags; the model-backed tests go through `quotex.extract`.
"""

from __future__ import annotations

import re

from quotex.nlp import Analysis, Sentence, Word, paragraph_spans
from quotex.normalize import normalize

TOKEN = re.compile(r"[\w\u200c]+|[^\w\s]")
SENTENCE_END = frozenset(".!?؟")
def analysis_of(text: str, persons: tuple[str, ...] = ()) -> Analysis:
    """An Analysis of `text` with regex tokens; words of `persons` are tagged PER."""
    norm = normalize(text)
    analysis = Analysis(norm, paragraphs=paragraph_spans(norm.text))
    person_spans = [
        (m.start(), m.end())
        for name in persons
        for m in re.finditer(re.escape(normalize(name).text), norm.text)
    ]
    for paragraph, (start, end) in enumerate(analysis.paragraphs):
        current: list[Word] = []
        for match in TOKEN.finditer(norm.text, start, end):
            inside = next((s for s in person_spans if s[0] <= match.start() < s[1]), None)
            word = Word(
                index=len(analysis.words), text=match.group(), start=match.start(),
                end=match.end(), sentence=len(analysis.sentences),
                entity="PER" if inside else "",
                entity_begin=bool(inside and inside[0] == match.start()),
            )
            analysis.words.append(word)
            current.append(word)
            if match.group() in SENTENCE_END:
                analysis.sentences.append(
                    Sentence(len(analysis.sentences), current[0].index, current[-1].index,
                             paragraph))
                current = []
        if current:
            analysis.sentences.append(
                Sentence(len(analysis.sentences), current[0].index, current[-1].index, paragraph))
    return analysis
