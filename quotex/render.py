"""Output formats: JSON, JSON Lines, CSV and a terminal table.

JSON keeps Persian text exactly as in the input (never reshaped or reordered); only
the terminal table reorders right-to-left text for display, and only when asked or
when the terminal is known not to do it itself.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any, Literal

from quotex.model import Article

Format = Literal["table", "json", "jsonl", "csv"]
RtlMode = Literal["auto", "on", "off"]

CSV_FIELDS = (
    "source", "quote_index", "speaker_id", "speaker_name", "speaker_title", "speaker_kind",
    "speaker_mention", "cue", "type", "text", "start", "end", "confidence",
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
            "confidence": quote.confidence,
        }


def to_csv(articles: Iterable[Article], header: bool = True) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\r\n")
    if header:
        writer.writeheader()
    for article in articles:
        writer.writerows(csv_rows(article))
    return buffer.getvalue()


def display_rtl(text: str, mode: RtlMode, terminal_reorders: bool) -> str:
    """Reorder Persian for terminals that print characters left to right.

    `auto` reorders only when the terminal does not do bidi itself; most Linux
    terminal emulators do not, so `auto` with an unknown terminal reorders.
    """
    if mode == "off" or (mode == "auto" and terminal_reorders):
        return text
    import arabic_reshaper
    from bidi import get_display

    return get_display(arabic_reshaper.reshape(text))


def table(article: Article, rtl: RtlMode = "auto", terminal_reorders: bool = False):
    """A rich Table of the article's statements."""
    from rich.table import Table

    def show(text: str | None) -> str:
        return display_rtl(text or "", rtl, terminal_reorders) if text else "—"

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
