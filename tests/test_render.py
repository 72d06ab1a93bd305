"""Output formats on a real article (no models: the article is built by the rule stages)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from helpers import analysis_of
from rich.console import Console

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


def test_display_line_mirrors_brackets_only_in_right_to_left_runs():
    shown = render.display_line(render.shape("او گفت: «بودجه (کافی) نیست» و abc (d) e"))
    # read left to right on the screen: the Latin run first, untouched, then the Persian
    assert shown.startswith("abc (d) e")
    persian = shown[len("abc (d) e"):]
    assert persian.index("«") < persian.index("»") and persian.index("(") < persian.index(")")


def statement_cells(rendered: str) -> list[list[str]]:
    """The lines of the last column's cell, row by row, of a rendered table."""
    rows: list[list[str]] = []
    for line in rendered.splitlines():
        if line.startswith(("┡", "├")):
            rows.append([])
        elif line.startswith("│") and rows and (cell := line.split("│")[-2].strip()):
            rows[-1].append(cell)
    return rows


def rendered_table(table, width: int) -> str:
    console = Console(width=width, file=io.StringIO(), color_system=None)
    console.print(table)
    return console.file.getvalue()


@pytest.mark.parametrize("width", [80, 160])
def test_wrapped_statements_read_top_to_bottom_right_to_left(sample_articles, width):
    article = sample_articles["seed-tehran-election"]
    cells = statement_cells(rendered_table(render.table(article, rtl="on"), width))
    assert len(cells) == len(article.quotes)
    assert sum(len(lines) > 1 for lines in cells) >= len(cells) // 2  # most of them wrap
    for quote, lines in zip(article.quotes, cells, strict=True):
        words = [render.display_line(word) for word in render.shape(quote.text).split()]
        first = 0
        for line in lines:  # each display line holds the statement's next words...
            shown = line.split()
            assert sorted(shown) == sorted(words[first:first + len(shown)]), (quote.text, line)
            assert shown[-1] == words[first]  # ...the first of them at the right
            first += len(shown)
        assert first == len(words)


def test_rtl_layout_puts_the_speaker_on_the_right(sample_articles):
    article = sample_articles["seed-tehran-election"]
    header = next(line for line in rendered_table(render.table(article, "on", "rtl"), 120)
                  .splitlines() if "speaker" in line)
    assert [cell.strip() for cell in header.split("┃")[1:-1]] == [
        "statement", "type", "cue", "title", "speaker", "#"]


def test_table_keeps_logical_order_where_the_terminal_does_bidi(sample_articles):
    article = sample_articles["seed-tehran-election"]
    cells = statement_cells(rendered_table(render.table(article, rtl="off"), 160))
    for quote, lines in zip(article.quotes, cells, strict=True):
        assert " ".join(lines).split() == quote.text.split()  # as written, wrapped


def test_table_cells_are_shown_as_written_never_as_markup():
    table = render.build_table("t", [("speaker", {}), ("title", {})],
                               [["وزارت نیرو", "[organization]"]], layout="rtl")
    assert "[organization]" in rendered_table(table, 60)
