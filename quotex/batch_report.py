"""What `quotex batch` shows a person: a progress bar or plain lines, and a summary."""

from __future__ import annotations

import time

from rich.console import Console, Group
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from quotex.batch import ERRORS_FILE, BatchResult, SilentProgress

# Failures listed under the summary; the rest are counted (all are in errors.jsonl).
MAX_FAILURES_SHOWN = 50
# Plain progress lines come at each tenth of the work, and at least this often.
PLAIN_LINE_SECONDS = 30.0


def _rate(result: BatchResult, started: float) -> float:
    """Articles per second over this run's extracted and failed articles."""
    elapsed = time.monotonic() - started
    return (result.processed + len(result.failures)) / elapsed if elapsed > 0 else 0.0


class BarProgress:
    """A rich progress bar: articles/s, statements found, failures and ETA."""

    def __init__(self, console: Console) -> None:
        self.bar = Progress(
            TextColumn("[bold]batch"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]:.2f} articles/s"),
            TextColumn("{task.fields[statements]} statements"),
            TextColumn("[red]{task.fields[failed]} failed"),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        )
        self.task = self.bar.add_task("batch", start=False, rate=0.0, statements=0, failed=0)
        self.started = time.monotonic()

    def start(self, total: int) -> None:
        self.started = time.monotonic()
        self.bar.update(self.task, total=total)
        self.bar.start_task(self.task)
        self.bar.start()

    def update(self, result: BatchResult) -> None:
        self.bar.update(self.task, completed=result.done, rate=_rate(result, self.started),
                        statements=result.statements, failed=len(result.failures))

    def finish(self, result: BatchResult) -> None:
        self.bar.stop()


class LineProgress:
    """One plain line per tenth of the work (or every PLAIN_LINE_SECONDS), for logs."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.total = 0
        self.started = self.last_line = time.monotonic()
        self.last_tenth = 0

    def start(self, total: int) -> None:
        self.total = total
        self.started = self.last_line = time.monotonic()

    def update(self, result: BatchResult) -> None:
        tenth = result.done * 10 // self.total if self.total else 10
        now = time.monotonic()
        if tenth > self.last_tenth or now - self.last_line >= PLAIN_LINE_SECONDS:
            self.last_tenth, self.last_line = tenth, now
            self.console.print(
                f"batch: {result.done}/{self.total} articles, {result.statements} statements, "
                f"{len(result.failures)} failed, {_rate(result, self.started):.2f} articles/s",
                highlight=False, markup=False,
            )

    def finish(self, result: BatchResult) -> None:
        pass


def progress_display(console: Console, quiet: bool) -> BarProgress | LineProgress | SilentProgress:
    """A bar on a terminal, plain lines when logged, nothing when quiet."""
    if quiet:
        return SilentProgress()
    return BarProgress(console) if console.is_terminal else LineProgress(console)


def summary(result: BatchResult) -> Group:
    """The end-of-run table, then one line per failure (up to MAX_FAILURES_SHOWN)."""
    seconds = max(result.seconds, 1e-9)
    table = Table(title="quotex batch", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row("articles found", str(result.total))
    table.add_row("extracted", str(result.processed))
    table.add_row("already up to date", str(result.up_to_date))
    table.add_row("failed", Text(str(len(result.failures)), style="red" if result.failures else ""))
    table.add_row("statements", str(result.statements))
    table.add_row("time", f"{result.seconds:.1f} s")
    table.add_row("speed", f"{result.processed / seconds:.2f} articles/s, "
                           f"{result.words / seconds:.0f} words/s")
    if result.output is not None:
        table.add_row("output", Text(str(result.output)))
    if result.db is not None:
        from quotex.datasette_metadata import metadata_path

        table.add_row("database", Text(str(result.db)))
        table.add_row("statement groups in several articles",
                      str(result.groups_across_articles))
        table.add_row("browse", Text(f"datasette {result.db} -m {metadata_path(result.db)}"))
    if result.failures and result.out is not None:
        table.add_row("errors", Text(str(result.out / ERRORS_FILE)))
    # printed with soft_wrap, so that each stays one line to search and copy
    lines = [Text(f"failed: {failure.error}", style="red")
             for failure in result.failures[:MAX_FAILURES_SHOWN]]
    if len(result.failures) > MAX_FAILURES_SHOWN:
        lines.append(Text(f"... and {len(result.failures) - MAX_FAILURES_SHOWN} more"))
    return Group(table, *lines)
