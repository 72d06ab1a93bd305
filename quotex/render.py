"""Output formats: JSON, JSON Lines, CSV and a terminal table.

JSON keeps Persian text exactly as in the input (never reshaped or reordered); only
the terminal table reorders right-to-left text for display, and only when asked or
when the terminal is known not to do it itself.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from typing import Any, Literal

from quotex.model import Article

Format = Literal["table", "json", "jsonl", "csv"]
RtlMode = Literal["auto", "on", "off"]

CSV_FIELDS = (
    "source", "quote_index", "speaker_id", "speaker_name", "speaker_title", "speaker_kind",
    "speaker_mention", "cue", "type", "text", "start", "end", "confidence", "speaker_gender",
)


def to_json(article: Article, indent: int | None = 2) -> str:
    return json.dumps(article.to_dict(), ensure_ascii=False, indent=indent)


def to_jsonl_line(article: Article) -> str:
    return json.dumps(article.to_dict(), ensure_ascii=False, separators=(",", ":"))


def csv_rows(article: Article) -> Iterator[dict[str, Any]]:
    """One row per statement."""
    for i, quote in enumerate(article.quotes):
        sp = quote.speaker
        yield {
            "source": article.source, "quote_index": i, "speaker_id": sp.id,
            "speaker_name": sp.name or "", "speaker_title": sp.title or "",
            "speaker_kind": sp.kind, "speaker_mention": sp.mention, "cue": quote.cue,
            "type": quote.type, "text": quote.text, "start": quote.start, "end": quote.end,
            "confidence": quote.confidence, "speaker_gender": sp.gender,
        }


def to_csv(articles: Iterable[Article], header: bool = True) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\r\n")
    if header:
        writer.writeheader()
    for article in articles:
        writer.writerows(csv_rows(article))
    return buffer.getvalue()


def terminal_does_bidi() -> bool:
    """Whether the terminal lays out right-to-left text itself.

    `QUOTEX_TERMINAL_BIDI=1/0` decides; else known bidi terminals are recognised
    (VTE 0.58+ as in GNOME Terminal, Konsole, Apple Terminal, mlterm). Output that is
    not a terminal keeps the logical order, like JSON.
    """
    forced = os.environ.get("QUOTEX_TERMINAL_BIDI")
    if forced in ("0", "1"):
        return forced == "1"
    if not sys.stdout.isatty():
        return True
    vte = os.environ.get("VTE_VERSION", "")
    return (
        (vte.isdigit() and int(vte) >= 5800)
        or "KONSOLE_VERSION" in os.environ
        or os.environ.get("TERM_PROGRAM") in ("Apple_Terminal", "mlterm")
        or os.environ.get("TERM", "").startswith("mlterm")
    )


def display_rtl(text: str, mode: RtlMode) -> str:
    """Text for display: shaped and reordered for terminals that print left to right
    (`on`, or `auto` on a terminal without bidi), unchanged otherwise."""
    if mode == "off" or (mode == "auto" and terminal_does_bidi()):
        return text
    import arabic_reshaper
    from bidi import get_display

    return get_display(arabic_reshaper.reshape(text))


def table(article: Article, rtl: RtlMode = "auto"):
    """A rich Table of the article's statements."""
    from rich.table import Table

    def show(text: str | None) -> str:
        return display_rtl(text, rtl) if text else "—"

    out = Table(title=article.source, show_lines=True, expand=True)
    out.add_column("#", justify="right", no_wrap=True)
    out.add_column("speaker", ratio=2)
    out.add_column("title", ratio=2)
    out.add_column("cue", ratio=1)
    out.add_column("type", no_wrap=True)
    out.add_column("statement", ratio=6)
    for i, quote in enumerate(article.quotes, 1):
        sp = quote.speaker
        title = show(sp.title) if sp.kind == "person" else "[organization]"
        out.add_row(str(i), show(sp.name), title, show(quote.cue), quote.type, show(quote.text))
    return out
