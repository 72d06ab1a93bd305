"""`quotex speakers`: who was quoted across a batch's output, how often, saying what.

Reads what `quotex batch` wrote (per-article JSON files, `articles.jsonl` or
`statements.csv`) and merges each speaker across articles by name: a named person or
organization by the name, a speaker known only by a title by the title. Names,
titles and searched words are compared after quotex's own normalization (Arabic ي/ك,
digits, odd spaces, lost ZWNJs) with ZWNJ and spacing folded, so `رئيس‌جمهور`,
`رئیس جمهور` and `رئیسجمهور` are one. Each speaker's gender, and the share of people's
statements by gender, come from the `gender` quotex gave each speaker.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from rich.table import Table
from rich.text import Text

from quotex.batch import ERRORS_FILE, STREAM_FILES
from quotex.coref import name_key
from quotex.gender import GENDERS
from quotex.normalize import fold, normalize
from quotex.render import DisplayText, Layout, RtlMode, build_table, display_rtl

SPEAKER_CSV_FIELDS = ("name", "kind", "gender", "titles", "statements", "articles", "sources")
STATEMENT_CSV_FIELDS = ("source", "speaker", "title", "kind", "gender", "type", "cue", "text")
GENDER_CSV_FIELDS = ("gender", "statements", "share")
QUOTE_CSV_FIELDS = ("speaker", "type", "cue", "text", "first_source", "first_published",
                    "also_in")
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
    speaker_gender: str = "unknown"
    published: str | None = None  # the article's date (ISO) when known

    @property
    def speaker_label(self) -> str:
        return self.speaker_name or self.speaker_title or ""


@dataclass
class SpeakerSummary:
    """One speaker across all articles."""

    name: str | None  # the most frequent spelling; None for a speaker known by title only
    kind: str
    gender: str = "unknown"  # the one most of their statements give
    titles: list[str] = field(default_factory=list)  # most frequent first
    statements: int = 0
    articles: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.name or (self.titles[0] if self.titles else "")

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "gender": self.gender,
                "titles": self.titles,
                "statements": self.statements, "articles": self.articles}


@lru_cache(maxsize=65536)  # names and titles repeat across a batch
def match_key(text: str) -> str:
    """Comparison form of a name, title or text: normalized, ZWNJ and spacing folded."""
    return name_key(normalize(text).text).casefold()


def speaker_key(name: str | None, title: str | None, kind: str) -> str:
    """Who a statement's speaker is across articles: a named person or organization by
    the name, a speaker known only by a title by the title."""
    if name:
        return f"{kind}:{match_key(name)}"
    return f"title:{match_key(title or '')}"


# ---------------------------------------------------------------- reading batch output


def load_statements(path: Path) -> list[Statement]:
    """Every statement in a batch output folder (or one of its output files, or a
    quotes database), in file order.

    A folder is read from its per-article JSON files when it has any, else from its
    `articles.jsonl`, else from its `statements.csv`.
    """
    if path.suffix == ".db":
        from quotex import store

        try:
            return [s.statement for s in store.load_statements(store.open_database(path))]
        except store.StoreError as error:
            raise IndexInputError(str(error)) from None
    return [s for file in result_files(path) for s in _statements_of_file(file)]


def result_files(path: Path) -> list[Path]:
    """The output files to read in a batch output folder (or the one file given)."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise IndexInputError(f"{path}: no such folder")
    article_files = sorted(
        p for p in path.rglob("*.json")
        if not any(part.startswith(".") for part in p.relative_to(path).parts)
    )
    if article_files:
        return article_files
    streams = [path / name for name in STREAM_FILES.values() if (path / name).is_file()]
    if not streams:
        raise IndexInputError(f"{path}: no quotex batch output here (run `quotex batch` first)")
    return streams[:1]


def _statements_of_file(path: Path) -> Iterator[Statement]:
    if path.suffix == ".csv":
        text = _read_output(path)
        try:
            yield from map(_statement_of_row, csv.DictReader(io.StringIO(text)))
        except (ValueError, KeyError, TypeError) as error:
            raise _not_output(path, error) from None
        return
    for article in articles_of_file(path):
        try:
            yield from statements_of_article(article)
        except (KeyError, TypeError, AttributeError) as error:
            raise _not_output(path, error) from None


def articles_of_file(path: Path) -> Iterator[dict[str, Any]]:
    """The article objects of a JSON output file (one article, or a list of them, as
    `quotex extract -f json` writes for several files) or of an `articles.jsonl`."""
    text = _read_output(path)
    try:
        if path.suffix == ".jsonl":
            if path.name == ERRORS_FILE:
                return
            found = [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            loaded = json.loads(text)
            found = loaded if isinstance(loaded, list) else [loaded]
    except ValueError as error:
        raise _not_output(path, error) from None
    for article in found:
        if not isinstance(article, dict) or not isinstance(article.get("quotes"), list):
            raise IndexInputError(f"{path}: not quotex batch output (no article with quotes)")
        yield article


def _read_output(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise IndexInputError(f"{path}: cannot read ({error})") from None


def _not_output(path: Path, error: Exception) -> IndexInputError:
    return IndexInputError(f"{path}: not quotex batch output ({type(error).__name__}: {error})")


def statements_of_article(article: dict[str, Any]) -> Iterator[Statement]:
    published = (article.get("published") or {}).get("iso")
    for quote in article["quotes"]:
        speaker = quote["speaker"]
        yield Statement(article["source"], speaker.get("name") or None,
                        speaker.get("title") or None, speaker.get("kind", "person"),
                        quote["type"], quote.get("cue", ""), quote["text"],
                        speaker.get("gender") or "unknown", published)


def _statement_of_row(row: dict[str, str]) -> Statement:
    return Statement(row["source"], row["speaker_name"] or None, row["speaker_title"] or None,
                     row["speaker_kind"] or "person", row["type"], row["cue"], row["text"],
                     row.get("speaker_gender") or "unknown")


# ---------------------------------------------------------------- merging and searching


def speaker_index(statements: Iterable[Statement]) -> list[SpeakerSummary]:
    """One summary per speaker, most quoted first."""
    groups: dict[str, list[Statement]] = {}
    for statement in statements:
        groups.setdefault(_key_of(statement), []).append(statement)
    summaries = [_summary(group) for group in groups.values()]
    summaries.sort(key=lambda s: (-s.statements, s.label))
    return summaries


def _key_of(statement: Statement) -> str:
    return speaker_key(statement.speaker_name, statement.speaker_title, statement.speaker_kind)


def _summary(group: list[Statement]) -> SpeakerSummary:
    # spellings in standard letters: output of older quotex versions kept Arabic ي/ك
    names = Counter(fold(s.speaker_name) for s in group if s.speaker_name)
    titles: dict[str, Counter[str]] = {}  # match key -> spellings seen
    for statement in group:
        if statement.speaker_title:
            titles.setdefault(match_key(statement.speaker_title), Counter())[
                fold(statement.speaker_title)] += 1
    by_count = sorted(titles.values(), key=lambda spellings: -spellings.total())
    return SpeakerSummary(
        name=names.most_common(1)[0][0] if names else None,
        kind=group[0].speaker_kind,
        gender=Counter(s.speaker_gender for s in group).most_common(1)[0][0],
        titles=[spellings.most_common(1)[0][0] for spellings in by_count],
        statements=len(group),
        articles=sorted({s.source for s in group}),
    )


@dataclass(frozen=True)
class GenderShare:
    """How many statements by people (organizations left out) each gender has: the
    Gender Gap Tracker's headline figure."""

    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def share(self, gender: str) -> float:
        return self.counts[gender] / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"statements": self.total, **{
            g: {"statements": n, "share": round(self.share(g), 4)} for g, n in self.counts.items()
        }}

    def line(self) -> str:
        return "statements by people, by gender: " + " · ".join(
            f"{g} {n} ({self.share(g):.0%})" for g, n in self.counts.items())


def gender_share(statements: Iterable[Statement]) -> GenderShare:
    counts = dict.fromkeys(GENDERS, 0)
    for statement in statements:
        if statement.speaker_kind == "person":
            counts[statement.speaker_gender if statement.speaker_gender in counts
                   else "unknown"] += 1
    return GenderShare(counts)


@dataclass
class ReportedStatement:
    """One statement of a speaker, once however many articles carry it."""

    statement: Statement  # the speaker's words where first seen
    first_source: str  # the article that carried it first (date, else file order)
    first_published: str | None
    also_in: list[str] = field(default_factory=list)  # the other articles, first seen first

    def to_dict(self) -> dict[str, Any]:
        s = self.statement
        return {"speaker": s.speaker_label, "type": s.type, "cue": s.cue, "text": s.text,
                "first_source": self.first_source, "first_published": self.first_published,
                "also_in": self.also_in}


def speaker_quotes(statements: list[Statement], name: str) -> list[ReportedStatement]:
    """The statements of the speaker called `name` (as `speaker_index` merges them; a
    part of a name is enough when no speaker has it whole), each once with where it
    was first seen and the other articles that carry it (quotex.provenance)."""
    from quotex import provenance

    wanted = match_key(name)
    keys = [match_key(s.speaker_label) for s in statements]
    if wanted not in keys:
        keys = [wanted if wanted and wanted in key else key for key in keys]
    firsts = provenance.first_seen([provenance.comparable(s.text) for s in statements],
                                   [s.published for s in statements])
    members: dict[int, list[int]] = {}
    for i, first in enumerate(firsts):
        members.setdefault(first, []).append(i)
    def seen(i: int) -> tuple[bool, str, int]:
        return provenance.seen_key(statements[i].published, i)

    reported = []
    for first in sorted(members, key=seen):
        group = sorted(members[first], key=seen)
        theirs = [i for i in group if keys[i] == wanted]
        if not theirs:
            continue
        sources = list(dict.fromkeys(statements[i].source for i in group))
        reported.append(ReportedStatement(statements[theirs[0]], sources[0],
                                          statements[first].published, sources[1:]))
    return reported


def search_statements(statements: Iterable[Statement], word: str) -> list[Statement]:
    """The statements whose text contains `word` (compared as `match_key` does)."""
    wanted = match_key(word)
    if not wanted:
        return []
    return [s for s in statements if wanted in match_key(s.text)]


# ---------------------------------------------------------------- output


def speakers_json(summaries: list[SpeakerSummary]) -> str:
    return json.dumps([s.to_dict() for s in summaries], ensure_ascii=False, indent=2)


def gender_json(share: GenderShare) -> str:
    return json.dumps(share.to_dict(), ensure_ascii=False, indent=2)


def gender_csv(share: GenderShare) -> str:
    return _csv(GENDER_CSV_FIELDS, (
        {"gender": g, "statements": n, "share": round(share.share(g), 4)}
        for g, n in share.counts.items()
    ))


def gender_table(share: GenderShare) -> Table:
    table = Table(title="statements by people, by gender")
    table.add_column("gender")
    table.add_column("statements", justify="right")
    table.add_column("share", justify="right")
    for g, n in share.counts.items():
        table.add_row(g, str(n), f"{share.share(g):.1%}")
    return table


def statements_json(statements: list[Statement]) -> str:
    return json.dumps([_statement_row(s) for s in statements], ensure_ascii=False, indent=2)


def quotes_json(reported: list[ReportedStatement]) -> str:
    return json.dumps([r.to_dict() for r in reported], ensure_ascii=False, indent=2)


def quotes_csv(reported: list[ReportedStatement]) -> str:
    return _csv(QUOTE_CSV_FIELDS, (
        {**r.to_dict(), "first_published": r.first_published or "",
         "also_in": LIST_SEPARATOR.join(r.also_in)} for r in reported))


def speakers_csv(summaries: list[SpeakerSummary]) -> str:
    return _csv(SPEAKER_CSV_FIELDS, (
        {"name": s.name or "", "kind": s.kind, "gender": s.gender,
         "titles": LIST_SEPARATOR.join(s.titles),
         "statements": s.statements, "articles": len(s.articles),
         "sources": LIST_SEPARATOR.join(s.articles)}
        for s in summaries
    ))


def statements_csv(statements: list[Statement]) -> str:
    return _csv(STATEMENT_CSV_FIELDS, map(_statement_row, statements))


def _statement_row(s: Statement) -> dict[str, str]:
    return {"source": s.source, "speaker": s.speaker_name or "", "title": s.speaker_title or "",
            "kind": s.speaker_kind, "gender": s.speaker_gender, "type": s.type, "cue": s.cue,
            "text": s.text}


def _csv(fields: tuple[str, ...], rows: Iterable[dict[str, Any]]) -> str:
    """CSV with a UTF-8 BOM, so that spreadsheets keep the Persian intact."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return "\ufeff" + buffer.getvalue()


def speakers_table(summaries: list[SpeakerSummary], rtl: RtlMode = "auto",
                   layout: Layout = "ltr", share: GenderShare | None = None) -> Table:
    """The speakers, with the gender share of their statements under it when given."""
    columns = [
        ("speaker", {"ratio": 2}),
        ("kind", {"no_wrap": True}),
        ("gender", {"no_wrap": True}),
        ("titles seen", {"ratio": 3}),
        ("statements", {"justify": "right", "no_wrap": True}),
        ("articles", {"justify": "right", "no_wrap": True}),
    ]
    rows = [[_shown(s.name, rtl), s.kind, s.gender, _shown("\n".join(s.titles), rtl),
             str(s.statements), str(len(s.articles))] for s in summaries]
    return build_table("speakers", columns, rows, layout,
                       caption=share.line() if share else None)


def statements_table(statements: list[Statement], word: str, rtl: RtlMode = "auto",
                     layout: Layout = "ltr") -> Table:
    columns = [("speaker", {"ratio": 2}), ("source", {"ratio": 2}), ("statement", {"ratio": 6})]
    rows = [[_shown(s.speaker_label, rtl), s.source, _shown(s.text, rtl)]
            for s in statements]
    return build_table(Text(f"statements containing {display_rtl(word, rtl)}"), columns, rows,
                       layout, expand=True)


def quotes_table(reported: list[ReportedStatement], name: str, rtl: RtlMode = "auto",
                 layout: Layout = "ltr") -> Table:
    columns = [("statement", {"ratio": 6}), ("first seen", {"ratio": 2}),
               ("also in", {"ratio": 2})]
    rows = [[_shown(r.statement.text, rtl),
             r.first_source + (f"\n{r.first_published}" if r.first_published else ""),
             "\n".join(r.also_in) or "—"] for r in reported]
    return build_table(Text(f"statements of {display_rtl(name, rtl)}, each once"), columns,
                       rows, layout, expand=True)


def _shown(text: str | None, rtl: RtlMode) -> DisplayText | str:
    """A cell's text (Persian wrapped, then reordered for the terminal when asked), or —."""
    return DisplayText(text, rtl) if text else "—"
