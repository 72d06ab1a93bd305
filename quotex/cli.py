"""The `quotex` command: parses options and calls the library. No logic lives here."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console, RenderableType
from rich.markup import escape
from typer.core import TyperGroup

from quotex import render
from quotex.io import InputError, read_article
from quotex.model import Article
from quotex.modelset import ModelError


class PlainErrors(TyperGroup):
    """The `quotex` group: an option given a value it does not take reads as one plain
    sentence (`--format must be one of ...`) instead of a framed validation message."""

    def invoke(self, ctx: typer.Context) -> object:
        try:
            return super().invoke(ctx)
        except typer.BadParameter as exc:
            fail(option_error(exc), code=2)


def option_error(exc: typer.BadParameter) -> str:
    """One sentence for a bad option value: what the option takes, and what it got."""
    param = exc.param
    if param is None:
        return exc.format_message()
    name = max(param.opts, key=len) if param.opts else param.human_readable_name
    problems = getattr(exc.__cause__, "errors", lambda: [])()
    if not problems:
        return f"{name}: {exc.format_message()}"
    got = problems[0].get("input")
    annotation = param.get_runtime_param().annotation
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        choices = ", ".join(str(member.value) for member in annotation)
        return f"{name} must be one of {choices} (got {got!r})"
    if problems[0]["type"] == "greater_than_equal":
        return f"{name} must be at least {problems[0]['ctx']['ge']} (got {got})"
    if problems[0]["type"] == "int_parsing":
        return f"{name} must be a whole number (got {got!r})"
    return f"{name}: {problems[0]['msg']} (got {got!r})"


app = typer.Typer(
    cls=PlainErrors,
    help="Who said what in Persian news: statements, speakers, titles, cues and entities.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
models_app = typer.Typer(help="Show or install the Persian models quotex uses.",
                         invoke_without_command=True)
app.add_typer(models_app, name="models")

stdout = Console(soft_wrap=False)
stderr = Console(stderr=True)


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class RtlMode(str, Enum):
    auto = "auto"
    on = "on"
    off = "off"


MinConfidenceOption = Annotated[
    float,
    typer.Option("--min-confidence", min=0.0, max=1.0,
                 help="Leave out statements less likely than this to be right (0 to 1)."),
]


class Layout(str, Enum):
    ltr = "ltr"
    rtl = "rtl"


RtlOption = Annotated[RtlMode, typer.Option(
    help="Reorder Persian for display in the table: on, off, or auto (on unless the "
         "terminal lays out right-to-left text itself).")]
LayoutOption = Annotated[Layout, typer.Option(
    envvar="QUOTEX_TABLE_LAYOUT",
    help="Column order of the table: ltr (speaker on the left) or rtl (speaker on the "
         "right, statement on the left).")]


ModelDirOption = Annotated[
    Path | None,
    typer.Option("--model-dir", envvar="QUOTEX_MODEL_DIR",
                 help="Folder of Stanza models to use instead of the default set."),
]


def _print_version(value: bool) -> None:
    if value:
        from quotex import __version__

        stdout.print(f"quotex {__version__}", highlight=False)
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option(
        "--version", callback=_print_version, is_eager=True,
        help="Show the version and exit.")] = False,
) -> None:
    """Options of every command (the help text is the app's)."""


def print_error(message: str) -> None:
    """One error line on standard error."""
    stderr.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)


def fail(message: str, code: int = 1) -> NoReturn:
    print_error(message)
    raise typer.Exit(code)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Article files, or - for standard input.")],
    output_format: Annotated[
        OutputFormat | None,
        typer.Option("--format", "-f",
                     help="table on a terminal, json when piped, or jsonl / csv."),
    ] = None,
    rtl: RtlOption = RtlMode.auto,
    layout: LayoutOption = Layout.ltr,
    min_confidence: MinConfidenceOption = 0.0,
    model_dir: ModelDirOption = None,
) -> None:
    """Extract the statements of one or more articles.

    A file that cannot be read gets one error line and the others are still extracted;
    the exit status is then 1."""
    from quotex.engine import extract_many

    fmt = output_format or (OutputFormat.table if sys.stdout.isatty() else OutputFormat.json)
    texts: list[tuple[str, str]] = []
    failed = 0
    for path in paths:
        try:
            texts.append((path, read_article(path)))
        except InputError as exc:
            print_error(str(exc))
            failed += 1
    try:
        articles = list(extract_many(texts, model_dir=model_dir,
                                     min_confidence=min_confidence))
    except ModelError as exc:
        fail(str(exc))
    if articles:
        _print_articles(articles, fmt, rtl.value, layout.value)
    if failed:
        raise typer.Exit(1)


def _print_articles(articles: list[Article], fmt: OutputFormat, rtl: render.RtlMode,
                    layout: render.Layout) -> None:
    if fmt is OutputFormat.table:
        for article in articles:
            stdout.print(render.table(article, rtl=rtl, layout=layout))
    elif fmt is OutputFormat.json:
        if len(articles) == 1:
            typer.echo(render.to_json(articles[0]))
        else:
            typer.echo("[" + ",\n".join(render.to_json(a) for a in articles) + "]")
    elif fmt is OutputFormat.jsonl:
        for article in articles:
            typer.echo(render.to_jsonl_line(article))
    else:
        sys.stdout.write(render.to_csv(articles))


class BatchFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


@app.command()
def batch(
    paths: Annotated[list[Path], typer.Argument(
        help="Article files and folders (searched for .txt .md .html .htm).")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Folder for the results.")
                   ] = None,
    output_format: Annotated[BatchFormat, typer.Option(
        "--format", "-f", help="json: one <name>.json per article; jsonl: articles.jsonl; "
                               "csv: statements.csv (one row per statement).")] = BatchFormat.json,
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", min=1, help="Worker processes (each loads its own models).")] = 1,
    dask: Annotated[str | None, typer.Option(
        "--dask", metavar="SCHEDULER",
        help="Run on a Dask cluster: a scheduler address (tcp://host:8786), or 'local' for "
             "--jobs local worker processes. Needs the dask extra.")] = None,
    batch_size: Annotated[int | None, typer.Option(
        min=1, help="Articles handed to Stanza together (more: faster, more memory).")] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Redo articles whose output is already current.")] = False,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="No progress and no summary; errors still go to errors.jsonl.")
    ] = False,
    min_confidence: MinConfidenceOption = 0.0,
    model_dir: ModelDirOption = None,
    db: Annotated[Path | None, typer.Option(
        "--db", help="Also (or, without --out, only) write a SQLite quotes database, with "
                     "Datasette metadata beside it.")] = None,
) -> None:
    """Extract every article of files and folders, resumably, into a folder and/or a database."""
    from quotex.batch import BatchError, BatchOptions, BatchUsageError, run_batch
    from quotex.batch_report import progress_display, summary

    options = BatchOptions(paths, out, output_format.value, jobs, force=force,
                           model_dir=model_dir, min_confidence=min_confidence, db=db,
                           dask=dask)
    if batch_size is not None:
        options.batch_size = batch_size
    try:
        result = run_batch(options, progress_display(stderr, quiet))
    except BatchUsageError as exc:
        fail(str(exc), code=2)
    except (BatchError, ModelError) as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        fail("interrupted: what was written is complete; run the same command to resume", 130)
    if not quiet:
        stdout.print(summary(result), soft_wrap=True)
    raise typer.Exit(result.exit_code)


class SpeakersFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


@app.command()
def speakers(
    folder: Annotated[Path, typer.Argument(
        help="Output folder of `quotex batch` (or its articles.jsonl / statements.csv), "
             "or its quotes database (.db).")],
    search: Annotated[str | None, typer.Option(
        "--search", "-s", help="List the statements containing this word instead.")] = None,
    by_gender: Annotated[bool, typer.Option(
        "--gender", help="Show only the share of people's statements by gender.")] = False,
    quotes: Annotated[str | None, typer.Option(
        "--quotes", help="List this speaker's statements instead, each once: where "
                               "first seen and which other articles carry it.")] = None,
    output_format: Annotated[SpeakersFormat | None, typer.Option(
        "--format", "-f", help="table on a terminal, json when piped, or csv.")] = None,
    rtl: RtlOption = RtlMode.auto,
    layout: LayoutOption = Layout.ltr,
) -> None:
    """Who was quoted across a batch's articles: titles, gender, statement counts, articles,
    and the share of people's statements by gender."""
    from quotex import index

    fmt = output_format or (SpeakersFormat.table if sys.stdout.isatty() else SpeakersFormat.json)
    try:
        statements = index.load_statements(folder)
    except index.IndexInputError as exc:
        fail(str(exc))
    if quotes is not None:
        reported = index.speaker_quotes(statements, quotes)
        _print_listing(fmt, lambda: index.quotes_table(reported, quotes, rtl.value, layout.value),
                       lambda: index.quotes_json(reported), lambda: index.quotes_csv(reported))
        return
    if search is not None:
        found = index.search_statements(statements, search)
        _print_listing(fmt,
                       lambda: index.statements_table(found, search, rtl.value, layout.value),
                       lambda: index.statements_json(found), lambda: index.statements_csv(found))
        return
    share = index.gender_share(statements)
    if by_gender:
        _print_listing(fmt, lambda: index.gender_table(share), lambda: index.gender_json(share),
                       lambda: index.gender_csv(share))
        return
    summaries = index.speaker_index(statements)
    _print_listing(fmt, lambda: index.speakers_table(summaries, rtl.value, layout.value, share),
                   lambda: index.speakers_json(summaries), lambda: index.speakers_csv(summaries))


def _print_listing(fmt: SpeakersFormat, table: Callable[[], RenderableType],
                   as_json: Callable[[], str], as_csv: Callable[[], str]) -> None:
    """One of `speakers`' listings in the format asked for (only that one is built)."""
    if fmt is SpeakersFormat.table:
        stdout.print(table())
    elif fmt is SpeakersFormat.json:
        typer.echo(as_json())
    else:
        sys.stdout.write(as_csv())


class EvalFormat(str, Enum):
    text = "text"
    json = "json"


@app.command("eval")
def eval_results(
    gold_dir: Annotated[Path, typer.Argument(
        help="Gold annotations, one <name>.json per article (schema: the README).")],
    results_dir: Annotated[Path, typer.Argument(
        help="quotex's JSON results, the same <name>.json per article (quotex batch -f json).")],
    output_format: Annotated[EvalFormat, typer.Option(
        "--format", "-f", help="text: the summary lines; json: every figure.")
    ] = EvalFormat.text,
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v", help="List wrong speakers, missed and spurious statements on stderr.")
    ] = False,
) -> None:
    """Score results against gold annotations: statements, speakers, titles, entities."""
    from quotex import evaluate as scorer

    try:
        evaluation = scorer.evaluate(gold_dir, results_dir)
    except scorer.EvalError as exc:
        fail(str(exc))
    if verbose:
        for line in evaluation.problems():
            typer.echo(line, err=True)
    scores = evaluation.to_dict()
    if output_format is EvalFormat.json:
        typer.echo(json.dumps(scores, ensure_ascii=False, indent=2))
    else:
        typer.echo("\n".join(scorer.summary_lines(scores)))


@app.command()
def report(
    path: Annotated[Path, typer.Argument(
        help="An article file (.txt .md .html), a result JSON of `quotex extract -f json`, "
             "or a `quotex batch` output folder (or its articles.jsonl).")],
    out: Annotated[Path, typer.Option(
        "--out", "-o", help="The HTML file to write (one article), or a folder: one page "
                            "per article and index.html.")],
    model_dir: ModelDirOption = None,
) -> None:
    """An HTML page per article: its statements marked in the text by speaker."""
    from quotex.report import ReportError, write_report

    try:
        result = write_report(path, out, model_dir=model_dir)
    except ReportError as exc:
        fail(str(exc))
    for failure in result.failures:
        print_error(failure)
    if result.index is None:
        stdout.print(f"wrote {result.pages[0]}", highlight=False, soft_wrap=True)
    else:
        stdout.print(f"wrote {len(result.pages)} article pages and {result.index}",
                     highlight=False, soft_wrap=True)
    raise typer.Exit(1 if result.failures else 0)


@app.command("datasette-metadata")
def datasette_metadata(
    database: Annotated[Path, typer.Argument(help="A quotes database (quotex batch --db).")],
) -> None:
    """Write Datasette metadata beside a quotes database (titles, facets, labels)."""
    from quotex import store
    from quotex.datasette_metadata import write_metadata

    try:
        store.open_database(database).close()
    except store.StoreError as exc:
        fail(str(exc))
    path = write_metadata(database)
    typer.echo(f"wrote {path}; browse with: datasette {database} -m {path}")


@models_app.callback()
def models(ctx: typer.Context, model_dir: ModelDirOption = None) -> None:
    """Show which Persian model set is in use, its files and held-out scores."""
    from quotex import modelset

    if ctx.invoked_subcommand is not None:
        return
    try:
        info = modelset.describe(modelset.resolve_model_set(model_dir))
    except ModelError as exc:
        fail(str(exc))
    typer.echo(modelset.describe_text(info))


@models_app.command("download")
def models_download() -> None:
    """Install Stanza's official Persian models (needs internet); quotex prefers them."""
    from quotex import modelset

    try:
        path = modelset.download_official()
    except ModelError as exc:
        fail(str(exc))
    typer.echo(f"Stanza's Persian models are in {path}; quotex uses them from now on.")
