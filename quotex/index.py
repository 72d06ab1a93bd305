"""`quotex speakers`: who was quoted across a batch's output, how often, saying what.

Reads what `quotex batch` wrote (per-article JSON files, `articles.jsonl` or
`statements.csv`) and merges each speaker across articles by name: a named person or
organization by the name, a speaker known only by a title by the title. Names,
titles and searched words are compared after quotex's own normalization (Arabic ي/ك,
digits, odd spaces, lost ZWNJs) with ZWNJ and spacing folded, so `رئيس‌جمهور`,
`رئیس جمهور` and `رئیسجمهور` are one.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.table import Table
from rich.text import Text

from quotex.batch import ERRORS_FILE, STREAM_FILES
from quotex.coref import name_key
from quotex.normalize import normalize
from quotex.render import DisplayText, Layout, RtlMode, build_table, display_rtl

SPEAKER_CSV_FIELDS = ("name", "kind", "titles", "statements", "articles", "sources")
STATEMENT_CSV_FIELDS = ("source", "speaker", "title", "kind", "type", "cue", "text")
LIST_SEPARATOR = " | "  # joins titles and sources in a CSV cell


class IndexInputError(Exception):
    """A path that is not quotex batch output; the message is one line."""


@dataclass(frozen=True)
class Statement:
    source: str
    speaker_name: str | None
    speaker_title: str | None
    speaker_kind: str
    type: str
    cue: str
    text: str

    @property
    def speaker_label(self) -> str:
        return self.speaker_name or self.speaker_title or ""


@dataclass
class SpeakerSummary:
    """One speaker across all articles."""

    name: str | None  # the most frequent spelling; None for a speaker known by title only
    kind: str
    titles: list[str] = field(default_factory=list)  # most frequent first
    statements: int = 0
    articles: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.name or (self.titles[0] if self.titles else "")

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "titles": self.titles,
                "statements": self.statements, "articles": self.articles}


def match_key(text: str) -> str:
    """Comparison form of a name, title or text: normalized, ZWNJ and spacing folded."""
    return name_key(normalize(text).text).casefold()


# ---------------------------------------------------------------- reading batch output


def load_statements(path: Path) -> list[Statement]:
    """Every statement in a batch output folder (or one of its output files).

    A folder is read from its per-article JSON files when it has any, else from its
    `articles.jsonl`, else from its `statements.csv`.
    """
    if path.is_file():
        return list(_statements_of_file(path))
    if not path.is_dir():
        raise IndexInputError(f"{path}: no such folder")
    article_files = sorted(
        p for p in path.rglob("*.json")
        if not any(part.startswith(".") for part in p.relative_to(path).parts)
    )
    if not article_files:
        streams = [path / name for name in STREAM_FILES.values() if (path / name).is_file()]
        if not streams:
            raise IndexInputError(f"{path}: no quotex batch output here (run `quotex batch` "
                                  "first)")
        article_files = streams[:1]
    return [s for file in article_files for s in _statements_of_file(file)]


def _statements_of_file(path: Path) -> Iterator[Statement]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise IndexInputError(f"{path}: cannot read ({error})") from None
    try:
        if path.suffix == ".csv":
            yield from map(_statement_of_row, csv.DictReader(io.StringIO(text)))
        elif path.suffix == ".jsonl":
            if path.name == ERRORS_FILE:
                return
            for line in text.splitlines():
                if line.strip():
                    yield from _statements_of_article(json.loads(line))
        else:
            yield from _statements_of_article(json.loads(text))
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise IndexInputError(f"{path}: not quotex batch output ({type(error).__name__}: "
                              f"{error})") from None


def _statements_of_article(article: dict[str, Any]) -> Iterator[Statement]:
    for quote in article["quotes"]:
        speaker = quote["speaker"]
        yield Statement(article["source"], speaker.get("name") or None,
                        speaker.get("title") or None, speaker.get("kind", "person"),
                        quote["type"], quote.get("cue", ""), quote["text"])


def _statement_of_row(row: dict[str, str]) -> Statement:
    return Statement(row["source"], row["speaker_name"] or None, row["speaker_title"] or None,
                     row["speaker_kind"] or "person", row["type"], row["cue"], row["text"])


# ---------------------------------------------------------------- merging and searching


def speaker_index(statements: Iterable[Statement]) -> list[SpeakerSummary]:
    """One summary per speaker, most quoted first."""
    groups: dict[tuple[str, str], list[Statement]] = {}
    for statement in statements:
        if statement.speaker_name:
            key = (statement.speaker_kind, match_key(statement.speaker_name))
        else:
            key = ("title", match_key(statement.speaker_title or ""))
        groups.setdefault(key, []).append(statement)
    summaries = [_summary(group) for group in groups.values()]
    summaries.sort(key=lambda s: (-s.statements, s.label))
    return summaries


def _summary(group: list[Statement]) -> SpeakerSummary:
    names = Counter(s.speaker_name for s in group if s.speaker_name)
    titles: dict[str, Counter[str]] = {}  # match key -> spellings seen
    for statement in group:
        if statement.speaker_title:
            titles.setdefault(match_key(statement.speaker_title), Counter())[
                statement.speaker_title] += 1
    by_count = sorted(titles.values(), key=lambda spellings: -spellings.total())
    return SpeakerSummary(
        name=names.most_common(1)[0][0] if names else None,
        kind=group[0].speaker_kind,
        titles=[spellings.most_common(1)[0][0] for spellings in by_count],
        statements=len(group),
        articles=sorted({s.source for s in group}),
    )


def search_statements(statements: Iterable[Statement], word: str) -> list[Statement]:
    """The statements whose text contains `word` (compared as `match_key` does)."""
    wanted = match_key(word)
    if not wanted:
        return []
    return [s for s in statements if wanted in match_key(s.text)]


# ---------------------------------------------------------------- output


def speakers_json(summaries: list[SpeakerSummary]) -> str:
    return json.dumps([s.to_dict() for s in summaries], ensure_ascii=False, indent=2)


def statements_json(statements: list[Statement]) -> str:
    return json.dumps([_statement_row(s) for s in statements], ensure_ascii=False, indent=2)


def speakers_csv(summaries: list[SpeakerSummary]) -> str:
    return _csv(SPEAKER_CSV_FIELDS, (
        {"name": s.name or "", "kind": s.kind, "titles": LIST_SEPARATOR.join(s.titles),
         "statements": s.statements, "articles": len(s.articles),
         "sources": LIST_SEPARATOR.join(s.articles)}
        for s in summaries
    ))


def statements_csv(statements: list[Statement]) -> str:
    return _csv(STATEMENT_CSV_FIELDS, map(_statement_row, statements))


def _statement_row(s: Statement) -> dict[str, str]:
    return {"source": s.source, "speaker": s.speaker_name or "", "title": s.speaker_title or "",
            "kind": s.speaker_kind, "type": s.type, "cue": s.cue, "text": s.text}


def _csv(fields: tuple[str, ...], rows: Iterable[dict[str, Any]]) -> str:
    """CSV with a UTF-8 BOM, so that spreadsheets keep the Persian intact."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return "\ufeff" + buffer.getvalue()


def speakers_table(summaries: list[SpeakerSummary], rtl: RtlMode = "auto",
                   layout: Layout = "ltr") -> Table:
    columns = [
        ("speaker", {"ratio": 2}),
        ("kind", {"no_wrap": True}),
        ("titles seen", {"ratio": 3}),
        ("statements", {"justify": "right", "no_wrap": True}),
        ("articles", {"justify": "right", "no_wrap": True}),
    ]
    rows = [[_shown(s.name, rtl), s.kind, _shown("\n".join(s.titles), rtl), str(s.statements),
             str(len(s.articles))] for s in summaries]
    return build_table("speakers", columns, rows, layout)


def statements_table(statements: list[Statement], word: str, rtl: RtlMode = "auto",
                     layout: Layout = "ltr") -> Table:
    columns = [("speaker", {"ratio": 2}), ("source", {"ratio": 2}), ("statement", {"ratio": 6})]
    rows = [[_shown(s.speaker_label, rtl), s.source, _shown(s.text, rtl)]
            for s in statements]
    return build_table(Text(f"statements containing {display_rtl(word, rtl)}"), columns, rows,
                       layout, expand=True)


def _shown(text: str | None, rtl: RtlMode) -> DisplayText | str:
    """A cell's text (Persian wrapped, then reordered for the terminal when asked), or —."""
    return DisplayText(text, rtl) if text else "—"
