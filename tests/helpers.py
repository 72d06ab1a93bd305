"""Analyses built without the models, for testing the rule stages on their own.

`analysis_of` runs the real normalizer and rule tokenizer, and tags the given names
as persons, so that cues, statements, speakers and coref are tested on real Persian
sentences independent of what a model tags; model-backed tests use `quotex.extract`.
"""

from __future__ import annotations

import re

from quotex.nlp import Analysis, tokenized
from quotex.normalize import normalize


def analysis_of(text: str, persons: tuple[str, ...] = ()) -> Analysis:
    """An Analysis of `text` with no model output; words of `persons` are tagged PER."""
    analysis = tokenized(normalize(text))
    for name in persons:
        for match in re.finditer(re.escape(normalize(name).text), analysis.text):
            inside = [w for w in analysis.words if match.start() <= w.start < match.end()]
            for word in inside:
                word.entity = "PER"
                word.entity_begin = word is inside[0]
    return analysis
