"""Output formats on a real article (no models: the article is built by the rule stages)."""

from __future__ import annotations

import csv
import io
import json

from helpers import analysis_of

from quotex import render
from quotex.engine import build_article

TEXT = "علی رضایی، مدیرکل بهزیستی استان فارس گفت: «امسال بودجه کافی نداریم.»\n"


def article():
    return build_article("a.txt", analysis_of(TEXT, ("علی رضایی",)))


def test_json_keeps_persian_as_written():
    data = json.loads(render.to_json(article()))
    assert data["quotes"][0]["text"] == "امسال بودجه کافی نداریم."
    assert "\\u" not in render.to_json(article())


def test_csv_has_one_row_per_statement_in_the_fixed_columns():
    rows = list(csv.DictReader(io.StringIO(render.to_csv([article(), article()]))))
    assert len(rows) == 2
    assert tuple(rows[0]) == render.CSV_FIELDS
    assert rows[0]["speaker_name"] == "علی رضایی" and rows[0]["cue"] == "گفت"


def test_rtl_display_reorders_only_when_asked(monkeypatch):
    monkeypatch.setenv("QUOTEX_TERMINAL_BIDI", "1")
    assert render.display_rtl("علی رضایی", "auto") == "علی رضایی"
    assert render.display_rtl("علی رضایی", "off") == "علی رضایی"
    shown = render.display_rtl("علی رضایی", "on")
    assert shown != "علی رضایی" and len(shown.split()) == 2
    monkeypatch.setenv("QUOTEX_TERMINAL_BIDI", "0")
    assert render.display_rtl("علی رضایی", "auto") == shown
