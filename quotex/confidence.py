"""How likely a statement is right: its text a statement and its speaker the right one.

`confidence` is a logistic model over what the rules already know about a statement
(`features`): the form of its cue, how its speaker was found, how far the name stands
from the cue, whether the NER agrees that the name is a person's, and the statement's
length. Its coefficients are fitted on the gold dev articles by
`scripts/fit_confidence.py` and read from `quotex/data/confidence.json`; a feature the
file does not know counts zero (rerun the script after the rules change).
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib import resources
from typing import Any

from quotex.coref import Resolved
from quotex.nlp import Analysis
from quotex.speakers import OPENING_QUOTES

MODEL_FILE = "confidence.json"
# Statements introduced by a complementizer after the cue (`گفت که ...`).
COMPLEMENTIZERS = frozenset({"که", "تا"})
COLON_MARKS = frozenset({":", "："})

# The features, each 0/1 unless said otherwise. The form of the cue and the way the
# speaker was found are one-hot: the commonest (an indirect statement after its cue;
# a full name in the subject) is the baseline that the others move from.
FORMS = (
    "form_headline",  # `X: ...` with no cue verb
    "form_according",  # `به گفته X، ...`: the cue phrase before the speaker
    "form_colon",  # `X گفت: ...`
    "form_quoted",  # `X گفت «...»` with no colon
    "form_before_cue",  # the statement before its cue (`X از Y خبر داد`, `Y را ضروری دانست`)
    "form_complementizer",  # `X گفت که ...`
)
SPEAKER_FORMS = (
    "speaker_organization",  # an institution, state or medium
    "speaker_conjoined",  # `... و افزود`: the subject of the cue before
    "speaker_pronoun",  # `وی`, `او`
    "speaker_zero",  # no subject at all (pro-drop)
    "speaker_surname",  # one name word, matched to a person named elsewhere
    "speaker_title_matched",  # a bare title matched to a named person
    "speaker_title_only",  # a described speaker, never named
    "speaker_nobody",  # nothing found: no name, no title
)
FEATURES = (
    *FORMS,
    *SPEAKER_FORMS,
    "quote_marks",  # the text is in quotation marks
    "light_verb",  # a cue of several words (`اظهار کرد`, `خواستار ... شد`)
    "continues",  # a cue that goes on (`افزود`, `ادامه داد`)
    "named",  # the speaker in the output has a name
    "ner_person",  # the NER tagged a word of the speaker's mention as a person
    "log_distance",  # log(1 + characters between the mention and the cue)
    "log_words",  # log(words of the statement)
)


def features(analysis: Analysis, item: Resolved) -> dict[str, float]:
    """The feature values of one resolved statement (names as in `FEATURES`)."""
    st, mention = item.statement, item.mention
    text = analysis.text
    values = dict.fromkeys(FEATURES, 0.0)
    for one_hot in (_form(analysis, item), _speaker_form(item)):
        if one_hot is not None:  # None: the baseline
            values[one_hot] = 1.0
    first = text[st.start : st.start + 1]
    values["quote_marks"] = float(first in OPENING_QUOTES or text[st.start - 1 : st.start]
                                  in OPENING_QUOTES)
    values["light_verb"] = float(bool(st.cue_parts) or " " in text[st.cue_start : st.cue_end]
                                 .strip())
    values["continues"] = float(st.continues)
    values["named"] = float(item.person is not None)
    values["ner_person"] = float(any(w.entity == "PER" for w in mention.words))
    if mention.words:
        gap = max(st.cue_start - mention.words[-1].end, mention.words[0].start - st.cue_end, 0)
        values["log_distance"] = math.log1p(gap)
    values["log_words"] = math.log(max(1, len(text[st.start : st.end].split())))
    return values


def _form(analysis: Analysis, item: Resolved) -> str | None:
    st = item.statement
    text = analysis.text
    if st.headline:
        return "form_headline"
    if st.subject and st.subject[0].start >= st.cue_end:
        return "form_according"
    if st.end <= st.cue_start:
        return "form_before_cue"
    between = text[st.cue_end : st.start]
    if any(mark in between for mark in COLON_MARKS):
        return "form_colon"
    if st.type == "direct":
        return "form_quoted"
    if between.split()[-1:] and between.split()[-1] in COMPLEMENTIZERS:
        return "form_complementizer"
    return None


def _speaker_form(item: Resolved) -> str | None:
    st, mention = item.statement, item.mention
    if item.organization is not None:
        return "speaker_organization"
    if st.conjoined:
        return "speaker_conjoined"
    if mention.pronoun:
        return "speaker_pronoun"
    if mention.is_empty:
        return "speaker_zero"
    if len(mention.name_words) >= 2:
        return None
    if len(mention.name_words) == 1:
        return "speaker_surname"
    if item.person is not None:
        return "speaker_title_matched"
    if item.title:
        return "speaker_title_only"
    return "speaker_nobody"


@cache
def model() -> dict[str, Any]:
    """The fitted model: `intercept` and `coefficients` by feature name."""
    text = resources.files("quotex").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
    return json.loads(text)


def probability(values: dict[str, float], fitted: dict[str, Any] | None = None) -> float:
    """The probability that a statement with these feature values is right."""
    fitted = fitted or model()
    weights = fitted["coefficients"]
    z = fitted["intercept"] + sum(weights.get(name, 0.0) * v for name, v in values.items())
    return 1.0 / (1.0 + math.exp(-z))
