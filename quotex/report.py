"""`quotex report`: an article with its statements marked by speaker, as HTML.

A page shows the article's text right to left, each statement highlighted in its
speaker's colour with its cue marked, a speaker legend, the list of statements (each
linked to its place in the text) and the entities. Pages are self-contained (inline
CSS, no script, no web font) and rendered from the Jinja2 templates in
`quotex/templates/` with autoescaping, so article text is always escaped.

    article_page(article, text)     one article (an Article or its JSON form) -> HTML
    write_report(path, out)         an article file, a result JSON or a batch output
                                    folder -> one page, or pages and index.html

A result JSON holds offsets, not the text: its `source` file is read again (as
`quotex extract` and `quotex batch` read it), and the statements must still stand at
their offsets there, else the page would mark the wrong words.
"""

from __future__ import annotations

import functools
import re
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import jinja2

from quotex import __version__, index
from quotex.batch import output_names, write_atomic
from quotex.io import STDIN_NAME, InputError, read_article
from quotex.model import Article
from quotex.modelset import ModelError

RESULT_SUFFIXES = (".json", ".jsonl", ".csv")  # what quotex extract and batch write
INDEX_PAGE = "index"  # index.html; an article named so gets another name


@dataclass(frozen=True)
class Colour:
    background: str  # behind the statement's text
    accent: str  # underline, swatch, statement number


# Speakers s1, s2, ... take these in order (one per speaker up to ten in an article).
# Every background keeps TEXT_COLOUR at a contrast of 7:1 or more (WCAG AAA), and
# white numbers stand on every accent at 4.5:1 or more (tests/test_report.py checks).
TEXT_COLOUR = "#1b1b1b"
PALETTE = (
    Colour("#ffe28f", "#8a5a00"),  # amber
    Colour("#bfe3ff", "#0b5d94"),  # sky
    Colour("#ffcbd8", "#a3223f"),  # rose
    Colour("#c9efc1", "#2d6a1f"),  # green
    Colour("#e3d4ff", "#5f37b0"),  # lavender
    Colour("#ffd6b5", "#9a4700"),  # orange
    Colour("#c3eee8", "#0d6b61"),  # teal
    Colour("#f5d5f7", "#8c2796"),  # orchid
    Colour("#e5ebb4", "#566300"),  # olive
    Colour("#d7dde8", "#3e4d66"),  # slate
)

# Labels of the page, in Persian like the articles.
TYPE_LABELS = {"direct": "نقل قول مستقیم", "indirect": "نقل قول غیرمستقیم"}
GENDER_LABELS = {"female": "زن", "male": "مرد"}  # "unknown" and none: not shown
ORGANIZATION_LABEL = "سازمان"
UNNAMED_SPEAKER = "گوینده‌ی بی‌نام"
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


class ReportError(Exception):
    """An input that cannot be reported, or an output that cannot be written; one line."""


# ---------------------------------------------------------------- one page


def colour_index(speaker_id: str) -> int:
    """The palette entry of a speaker: `s1` the first, `s2` the second, ...; any other
    id a fixed one chosen by its checksum."""
    numbered = re.fullmatch(r"s(\d+)", speaker_id)
    number = int(numbered.group(1)) - 1 if numbered else zlib.crc32(speaker_id.encode())
    return number % len(PALETTE)


@dataclass
class Piece:
    """A stretch of a paragraph with one marking."""

    text: str
    statement: int | None = None  # number of the statement it is part of
    colour: int | None = None
    cue_colour: int | None = None  # the colour of the statement whose cue it is
    anchors: list[tuple[int, int]] = field(default_factory=list)  # (number, colour) to start


@dataclass
class SpeakerView:
    id: str
    label: str  # name, else title, else UNNAMED_SPEAKER
    title: str | None  # when the label is a name
    details: list[str]  # organization, gender
    colour: int
    statements: int = 0
    first: int = 0  # number of the speaker's first statement


@dataclass
class StatementView:
    number: int
    text: str
    cue: str
    type_label: str
    confidence: float | None
    speaker: SpeakerView


def article_page(article: Article | Mapping[str, Any], text: str,
                 index_href: str | None = None) -> str:
    """The HTML page of one article; `text` is the article text its offsets index.

    `index_href` links back to the batch index page.
    """
    data = article.to_dict() if isinstance(article, Article) else article
    check_offsets(data, text, str(data.get("source", "-")))
    quotes = data["quotes"]
    speakers = _speakers(quotes)
    statements = [
        StatementView(number, quote["text"], quote.get("cue") or "",
                      TYPE_LABELS.get(quote.get("type", ""), quote.get("type", "")),
                      quote.get("confidence"), speakers[quote["speaker"]["id"]])
        for number, quote in enumerate(quotes, 1)
    ]
    return _environment().get_template("article.html.j2").render(
        heading=_heading(data),
        source=data.get("source", ""),
        published=_published(data),
        speakers=list(speakers.values()),
        statements=statements,
        paragraphs=paragraphs(text, quotes),
        people=[(p["name"], "، ".join(p.get("titles") or []), p.get("mentions", 0))
                for p in data.get("people") or []],
        organizations=[(e["name"], e.get("mentions", 0)) for e in data.get("organizations") or []],
        locations=[(e["name"], e.get("mentions", 0)) for e in data.get("locations") or []],
        index_href=index_href,
        **_page_context(),
    )


def check_offsets(article: Mapping[str, Any], text: str, name: str) -> None:
    """Every statement must stand at its offsets in `text`."""
    for number, quote in enumerate(article["quotes"], 1):
        start, end = quote["start"], quote["end"]
        if not 0 <= start < end <= len(text) or text[start:end] != quote["text"]:
            raise ReportError(f"{name}: statement {number} is not at its offsets in the "
                              "article text (was the article changed after extraction?)")


def paragraphs(text: str, quotes: Sequence[Mapping[str, Any]]) -> list[list[Piece]]:
    """The text's non-blank lines, cut into pieces where a statement or cue starts or
    ends. Where statements overlap, a piece takes the one that starts last (the inner);
    a cue is marked only outside its own statement (a split cue, `خواستار ... شد`,
    spans the statement it frames)."""
    spans = []
    for number, quote in enumerate(quotes, 1):
        cue_start, cue_end = quote.get("cue_start", -1), quote.get("cue_end", -1)
        if not 0 <= cue_start < cue_end <= len(text):
            cue_start = cue_end = -1
        spans.append((number, quote["start"], quote["end"], cue_start, cue_end,
                      colour_index(quote["speaker"]["id"])))
    anchored: set[int] = set()
    result = []
    for line in re.finditer(r"[^\n]+", text):
        if line.group().isspace():
            continue
        start, end = line.span()
        cuts = {start, end} | {
            edge for span in spans for edge in span[1:5] if start < edge < end
        }
        pieces = []
        edges = sorted(cuts)
        for left, right in zip(edges, edges[1:], strict=False):
            piece = Piece(text[left:right])
            covering = [s for s in spans if s[1] <= left and right <= s[2]]
            if covering:
                inner = max(covering, key=lambda s: (s[1], s[0]))
                piece.statement, piece.colour = inner[0], inner[5]
            for number, _, _, _, _, colour in covering:
                if number not in anchored:
                    anchored.add(number)
                    piece.anchors.append((number, colour))
            cue = next((s for s in spans if s[3] <= left and right <= s[4]
                        and not any(c[0] == s[0] for c in covering)), None)
            if cue is not None:
                piece.cue_colour = cue[5]
            pieces.append(piece)
        result.append(pieces)
    return result


def _speakers(quotes: Sequence[Mapping[str, Any]]) -> dict[str, SpeakerView]:
    """The speakers in order of their first statement, with their statement counts."""
    speakers: dict[str, SpeakerView] = {}
    for number, quote in enumerate(quotes, 1):
        speaker = quote["speaker"]
        view = speakers.get(speaker["id"])
        if view is None:
            name, title = speaker.get("name"), speaker.get("title")
            details = [ORGANIZATION_LABEL] if speaker.get("kind") == "organization" else []
            if speaker.get("gender") in GENDER_LABELS:
                details.append(GENDER_LABELS[speaker["gender"]])
            view = SpeakerView(speaker["id"], name or title or UNNAMED_SPEAKER,
                               title if name else None, details,
                               colour_index(speaker["id"]), first=number)
            speakers[speaker["id"]] = view
        view.statements += 1
    return speakers


def _heading(article: Mapping[str, Any]) -> str:
    return article.get("title") or Path(article.get("source") or "-").name


def _published(article: Mapping[str, Any]) -> dict[str, str] | None:
    """The publication date when the article has one: `iso` for the `<time>` element,
    `shown` (the Jalali date, else the ISO one) for the reader."""
    published = article.get("published")
    if not isinstance(published, Mapping) or not published.get("iso"):
        return None
    return {"iso": published["iso"], "shown": published.get("jalali") or published["iso"]}


def persian_digits(value: object) -> str:
    return str(value).translate(PERSIAN_DIGITS)


@functools.cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("quotex", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["fa_digits"] = persian_digits
    return environment


def _page_context() -> dict[str, Any]:
    return {"palette": PALETTE, "text_colour": TEXT_COLOUR, "generator": f"quotex {__version__}"}


# ---------------------------------------------------------------- inputs and files


@dataclass
class ReportResult:
    pages: list[Path] = field(default_factory=list)
    index: Path | None = None
    failures: list[str] = field(default_factory=list)  # one line each


def write_report(path: Path, out: Path, model_dir: str | Path | None = None) -> ReportResult:
    """Pages for an article file, a result JSON, or batch output (folder or JSONL).

    One article gives one page at `out` (or inside `out` when it is a folder); several
    give a folder `out` of pages and index.html. Each file is written whole or not at
    all; in a folder, an article that cannot be shown is listed as a failure and the
    others are written.
    """
    if not path.exists():
        raise ReportError(f"{path}: no such file or folder")
    if path.is_file() and path.suffix.lower() not in RESULT_SUFFIXES:
        article, text = _extracted(path, model_dir)
        return ReportResult(pages=[_write_page(article_page(article, text), out, path)])
    results = _results(path)
    if path.is_file() and path.suffix.lower() == ".json" and len(results) == 1:
        (_, article), = results
        text = _article_text(article, path)
        return ReportResult(pages=[_write_page(article_page(article, text), out, path)])
    return _write_folder(results, path, out)


def _extracted(path: Path, model_dir: str | Path | None) -> tuple[Article, str]:
    from quotex.engine import extract

    try:
        text = read_article(path)
        return extract(text, source=str(path), model_dir=model_dir), text
    except (InputError, ModelError) as error:
        raise ReportError(str(error)) from None


def _results(path: Path) -> list[tuple[Path, dict[str, Any]]]:
    """(file, article) for every article of a result file or batch output folder."""
    try:
        files = index.result_files(path)
        if files[0].suffix == ".csv":
            raise ReportError(f"{files[0]}: a CSV has no article offsets; report from "
                              "`quotex batch -f json` or `-f jsonl` output")
        return [(file, article) for file in files for article in index.articles_of_file(file)]
    except index.IndexInputError as error:
        raise ReportError(str(error)) from None


def _article_text(article: Mapping[str, Any], result_file: Path) -> str:
    """The text the result's offsets index: its source file, read again."""
    source = article.get("source")
    if not isinstance(source, str) or source in ("-", STDIN_NAME):
        raise ReportError(f"{result_file}: the article came from standard input, whose text "
                          "is not kept; extract it from a file to report it")
    try:
        text = read_article(source)
    except InputError as error:
        raise ReportError(f"{result_file}: cannot read its article, {error} (its offsets "
                          "index that file; run from the folder it was extracted in)") from None
    check_offsets(article, text, f"{result_file}: {source}")
    return text


def _write_page(html: str, out: Path, input_path: Path) -> Path:
    target = out / f"{input_path.stem}.html" if out.is_dir() else out
    _write(target, html, target.parent)
    return target


def _write(target: Path, html: str, tmp_dir: Path) -> None:
    try:
        tmp_dir.mkdir(parents=True, exist_ok=True)
        write_atomic(target, [html], tmp_dir)
    except OSError as error:
        raise ReportError(f"{target}: cannot write ({error.strerror or error})") from None


def _write_folder(results: list[tuple[Path, dict[str, Any]]], path: Path,
                  out: Path) -> ReportResult:
    if out.exists() and not out.is_dir():
        raise ReportError(f"{out}: exists and is not a folder (several articles need one)")
    root = path if path.is_dir() else path.parent
    per_file = {file: sum(1 for f, _ in results if f == file) for file, _ in results}
    rels = [
        PurePosixPath(file.relative_to(root).as_posix()) if per_file[file] == 1
        else PurePosixPath(Path(str(article.get("source") or file.stem)).name)
        for file, article in results
    ]
    # the index takes the first name, so that an article named `index` is numbered
    names = output_names([PurePosixPath(INDEX_PAGE), *rels], ".html")[1:]
    report = ReportResult()
    rows = []
    for (file, article), name in zip(results, names, strict=True):
        href = f"{name}.html"
        depth = len(PurePosixPath(name).parts) - 1
        try:
            text = _article_text(article, file)
            html = article_page(article, text, index_href="../" * depth + f"{INDEX_PAGE}.html")
            _write(out / href, html, out)
        except ReportError as error:
            report.failures.append(str(error))
            href = None
        else:
            report.pages.append(out / href)
        rows.append(IndexRow(article, href))
    report.index = out / f"{INDEX_PAGE}.html"
    _write(report.index, index_page(rows, report.failures), out)
    return report


@dataclass
class IndexRow:
    article: Mapping[str, Any]
    href: str | None  # None when its page could not be written

    @property
    def heading(self) -> str:
        return _heading(self.article)

    @property
    def source(self) -> str:
        return str(self.article.get("source", ""))

    @property
    def published(self) -> Mapping[str, str] | None:
        return _published(self.article)

    @property
    def statements(self) -> int:
        return len(self.article["quotes"])

    @property
    def speakers(self) -> int:
        return len({quote["speaker"]["id"] for quote in self.article["quotes"]})


def index_page(rows: Sequence[IndexRow], failures: Sequence[str]) -> str:
    """The index of a batch's pages: articles with counts, and speakers across them."""
    href_of = {}
    for row in rows:
        if row.href is not None:
            href_of.setdefault(row.source, row.href)
    statements = [s for row in rows for s in index.statements_of_article(dict(row.article))]
    speakers = [
        (summary, [(Path(source).name, href_of.get(source)) for source in summary.articles])
        for summary in index.speaker_index(statements)
    ]
    return _environment().get_template("index.html.j2").render(
        rows=rows, speakers=speakers, failures=failures, statements=len(statements),
        organization_label=ORGANIZATION_LABEL, **_page_context(),
    )

