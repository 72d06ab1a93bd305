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
import unicodedata
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal

from quotex.model import Article

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
    from rich.measure import Measurement
    from rich.table import Table
    from rich.text import Text

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


def reorders(mode: RtlMode) -> bool:
    """Whether Persian is reordered for display: `on`, or `auto` on a terminal without
    bidi."""
    return mode == "on" or (mode == "auto" and not terminal_does_bidi())


def display_rtl(text: str, mode: RtlMode) -> str:
    """One line for display: shaped and reordered when `reorders(mode)`, unchanged
    otherwise. Text that may wrap goes through `DisplayText` instead, which wraps first."""
    return display_line(shape(text)) if reorders(mode) else text


def shape(text: str) -> str:
    """Persian letters in their joined forms (still in logical order)."""
    import arabic_reshaper

    return arabic_reshaper.reshape(text)


# Characters a right-to-left run shows as their mirror image (Unicode's Bidi_Mirrored
# pairs that news text uses); the reordering library leaves them as they are.
MIRRORED = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹", strict=True))


def display_line(line: str) -> str:
    """A shaped line in display order, right to left, brackets and «» mirrored."""
    from bidi import get_base_level, get_display

    base = "R" if get_base_level(line) == 1 else "L"
    shown = get_display(line, base_dir=base)
    return "".join(
        MIRRORED[char] if char in MIRRORED and _in_rtl_run(shown, i, base) else char
        for i, char in enumerate(shown)
    )


def _in_rtl_run(shown: str, index: int, base: str) -> bool:
    """Whether the neutral at `index` of a displayed line belongs to a right-to-left run:
    unless a left-to-right letter stands on both sides of it (and so it sits inside a
    Latin run), it takes the line's direction (Unicode's rule N1; digits are skipped)."""
    left = _nearest_strong(reversed(shown[:index]))
    right = _nearest_strong(shown[index + 1:])
    if left == right and left is not None:
        return left == "R"
    return base == "R"


def _nearest_strong(chars: Iterable[str]) -> str | None:
    for char in chars:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return "L"
        if kind in ("R", "AL"):
            return "R"
    return None


class DisplayText:
    """A table cell's text, reading top to bottom on a terminal without bidi.

    Rich wraps the text at the cell's width first, in logical order, so that the first
    line holds the first words; then each line is reordered for display and set
    against the cell's right edge. Where the terminal lays out right-to-left text
    itself, the cell is plain text, wrapped the same way.
    """

    def __init__(self, text: str, mode: RtlMode) -> None:
        self.text = text
        self.reordered = reorders(mode)

    def _logical(self) -> Text:
        from rich.text import Text

        return Text(shape(self.text) if self.reordered else self.text)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return self._logical().__rich_measure__(console, options)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if not self.reordered:
            yield self._logical()
            return
        from bidi import get_base_level
        from rich.text import Text

        for paragraph in self._logical().split("\n"):
            justify = "right" if get_base_level(paragraph.plain) == 1 else "left"
            for line in paragraph.wrap(console, options.max_width):
                yield Text(display_line(line.plain.strip()), justify=justify, no_wrap=True)


Layout = Literal["ltr", "rtl"]


def build_table(title: str | Text, columns: list[tuple[str, dict[str, Any]]],
                rows: Iterable[list[str | RenderableType]], layout: Layout = "ltr",
                **options: Any) -> Table:
    """A rich Table with one row per item; the `rtl` layout puts the columns in reverse
    order, so that the first (the speaker, the number) stands on the right, where a
    right-to-left reader starts. Strings are shown as they are, never read as rich
    markup (`[organization]` would vanish as a style tag)."""
    from rich.table import Table
    from rich.text import Text

    order = slice(None, None, -1) if layout == "rtl" else slice(None)
    out = Table(title=title, show_lines=True, **options)
    for header, column_options in columns[order]:
        out.add_column(header, **column_options)
    for row in rows:
        out.add_row(*(Text(cell) if isinstance(cell, str) else cell for cell in row[order]))
    return out


def table(article: Article, rtl: RtlMode = "auto", layout: Layout = "ltr") -> Table:
    """A rich Table of the article's statements."""

    def show(text: str | None) -> DisplayText | str:
        return DisplayText(text, rtl) if text else "—"

    columns = [
        ("#", {"justify": "right", "no_wrap": True}),
        ("speaker", {"ratio": 2}),
        ("title", {"ratio": 2}),
        ("cue", {"ratio": 1}),
        ("type", {"no_wrap": True}),
        ("statement", {"ratio": 6}),
    ]
    rows = []
    for i, quote in enumerate(article.quotes, 1):
        sp = quote.speaker
        title = show(sp.title) if sp.kind == "person" else "[organization]"
        rows.append([str(i), show(sp.name), title, show(quote.cue), quote.type, show(quote.text)])
    return build_table(article.source, columns, rows, layout, expand=True)
