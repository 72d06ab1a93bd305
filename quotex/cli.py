"""The `quotex` command: parses options and calls the library. No logic lives here."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

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


def fail(message: str, code: int = 1) -> NoReturn:
    stderr.print(f"[red]error:[/red] {message}", highlight=False, markup=True)
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
