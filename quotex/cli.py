"""The `quotex` command: parses options and calls the library. No logic lives here."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from quotex import render
from quotex.io import InputError, read_article
from quotex.modelset import ModelError

app = typer.Typer(
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


def fail(message: str, code: int = 1) -> NoReturn:
    stderr.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Article files, or - for standard input.")],
    output_format: Annotated[
        OutputFormat | None,
        typer.Option("--format", "-f",
                     help="table on a terminal, json when piped, or jsonl / csv."),
    ] = None,
    rtl: Annotated[RtlMode, typer.Option(
        help="Reorder Persian for display in the table: auto, on or off.")] = RtlMode.auto,
    model_dir: ModelDirOption = None,
) -> None:
    """Extract the statements of one or more articles."""
    from quotex.engine import extract_many

    fmt = output_format or (OutputFormat.table if sys.stdout.isatty() else OutputFormat.json)
    texts: list[tuple[str, str]] = []
    for path in paths:
        try:
            texts.append((path, read_article(path)))
        except InputError as exc:
            fail(str(exc))
    try:
        articles = list(extract_many(texts, model_dir=model_dir))
    except ModelError as exc:
        fail(str(exc))
    if fmt is OutputFormat.table:
        for article in articles:
            stdout.print(render.table(article, rtl=rtl.value))
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
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the results.")],
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
    model_dir: ModelDirOption = None,
) -> None:
    """Extract every article of files and folders, resumably, into one output folder."""
    from quotex.batch import BatchError, BatchOptions, BatchUsageError, run_batch
    from quotex.batch_report import progress_display, summary

    options = BatchOptions(paths, out, output_format.value, jobs, force=force, model_dir=model_dir,
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
        help="Output folder of `quotex batch` (or its articles.jsonl / statements.csv).")],
    search: Annotated[str | None, typer.Option(
        "--search", "-s", help="List the statements containing this word instead.")] = None,
    output_format: Annotated[SpeakersFormat | None, typer.Option(
        "--format", "-f", help="table on a terminal, json when piped, or csv.")] = None,
    rtl: Annotated[RtlMode, typer.Option(
        help="Reorder Persian for display in the table: auto, on or off.")] = RtlMode.auto,
) -> None:
    """Who was quoted across a batch's articles: titles, statement counts, articles."""
    from quotex import index

    fmt = output_format or (SpeakersFormat.table if sys.stdout.isatty() else SpeakersFormat.json)
    try:
        statements = index.load_statements(folder)
    except index.IndexInputError as exc:
        fail(str(exc))
    if search is not None:
        found = index.search_statements(statements, search)
        if fmt is SpeakersFormat.table:
            stdout.print(index.statements_table(found, search, rtl.value))
        elif fmt is SpeakersFormat.json:
            typer.echo(index.statements_json(found))
        else:
            sys.stdout.write(index.statements_csv(found))
        return
    summaries = index.speaker_index(statements)
    if fmt is SpeakersFormat.table:
        stdout.print(index.speakers_table(summaries, rtl.value))
    elif fmt is SpeakersFormat.json:
        typer.echo(index.speakers_json(summaries))
    else:
        sys.stdout.write(index.speakers_csv(summaries))


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
