"""`quotex batch`: every article under some folders, once, with resume and no lost work.

A run plans, then streams:

    find_inputs      walk files and folders (.txt .md .html .htm), links followed, loops caught
    output_names     one name per article, mirroring its subfolder, never two alike
    read             bytes -> key (input hash, quotex and model versions, --min-confidence);
                     skip if current
    extract          decoded text -> Articles, in batches: in this process, in worker
                     processes (--jobs), or on a Dask cluster (--dask); results come back
                     in input order, so every way writes the same files
    write            each output atomically (temp file + rename), then a ledger line

The ledger (`.quotex-batch/ledger.jsonl`) says which input key each output was made
from; a line is appended only after its output is in place, so a run killed at any
moment leaves complete files and a ledger that never claims more than exists. A rerun
skips the current outputs and redoes the rest. JSONL and CSV streams are built at the
end from per-article parts in `.quotex-batch/parts-<format>/`, and replaced in one
step too: an interrupted run leaves the previous stream whole, and the rerun rebuilds
it with each article exactly once.

Layout of the output folder:

    <name>.json, sub/<name>.json     format json: one file per article
    articles.jsonl, statements.csv   formats jsonl and csv (CSV: UTF-8 with BOM)
    errors.jsonl                     this run's failures, one JSON object per line
    .quotex-batch/                   ledger, parts, temp files and the run lock
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import itertools
import json
import os
import time
import uuid
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from itertools import islice
from pathlib import Path, PurePosixPath
from typing import IO, TYPE_CHECKING, Protocol

from quotex import __version__, render
from quotex.engine import DEFAULT_BATCH_SIZE
from quotex.io import ARTICLE_SUFFIXES, InputError, article_text, is_html, read_bytes
from quotex.model import Article
from quotex.modelset import ModelError, resolve_model_set

if TYPE_CHECKING:
    from quotex.store import QuoteStore

FORMATS = ("json", "jsonl", "csv")
STATE_DIR = ".quotex-batch"
ERRORS_FILE = "errors.jsonl"
STREAM_FILES = {"jsonl": "articles.jsonl", "csv": "statements.csv"}
# Chunks handed to worker processes but not yet collected, per worker: enough to keep
# every worker busy, few enough that memory stays flat however large the input.
CHUNKS_IN_FLIGHT_PER_JOB = 2
# Chunks each parallel worker gets at least, where the batch is small enough for the
# chunk size to matter: an uneven last chunk then costs a fraction of one worker's share.
CHUNKS_PER_WORKER = 4
# How long `--dask ADDRESS` waits for the scheduler to answer.
DASK_CONNECT_SECONDS = 30


class BatchError(Exception):
    """The run cannot go on (what it wrote stays complete); the message is one line."""


class BatchUsageError(BatchError):
    """The command cannot run as given (missing path, unusable output folder)."""


@dataclass(frozen=True)
class InputFile:
    path: Path  # where to read it
    rel: PurePosixPath  # its path below the folder given on the command line (or its name)


@dataclass(frozen=True)
class Failure:
    source: str
    error: str  # one line, starting with the file's name


@dataclass
class BatchOptions:
    inputs: Sequence[str | Path]
    out: Path | None  # None: the database only
    output_format: str = "json"
    jobs: int = 1
    batch_size: int = DEFAULT_BATCH_SIZE
    force: bool = False
    model_dir: str | Path | None = None
    min_confidence: float = 0.0  # statements below are left out (part of the input key)
    db: Path | None = None  # also (or only) write this quotes database (quotex.store)
    # a Dask scheduler's address, or "local" for a LocalCluster of `jobs` processes
    dask: str | None = None

    @property
    def extraction(self) -> Extraction:
        return Extraction(self.output_format, self.model_dir, self.min_confidence,
                          keep_articles=self.db is not None)


@dataclass
class BatchResult:
    out: Path | None
    output_format: str
    total: int = 0  # articles found plus folders that could not be walked
    processed: int = 0  # articles extracted in this run
    up_to_date: int = 0  # articles skipped because their output is current
    failures: list[Failure] = field(default_factory=list)
    statements: int = 0  # statements in all current outputs
    words: int = 0  # words of the articles extracted in this run
    seconds: float = 0.0
    db: Path | None = None
    groups_across_articles: int = 0  # statement groups (quotex.provenance) in several articles

    @property
    def done(self) -> int:
        return self.processed + self.up_to_date + len(self.failures)

    @property
    def exit_code(self) -> int:
        return 1 if self.failures else 0

    @property
    def output(self) -> Path | None:
        """The stream file, or the folder of per-article files (None: database only)."""
        if self.out is None:
            return None
        stream = STREAM_FILES.get(self.output_format)
        return self.out / stream if stream else self.out


class Progress(Protocol):
    """What a run reports while it goes (see quotex.batch_report for the displays)."""

    def start(self, total: int) -> None: ...

    def update(self, result: BatchResult) -> None: ...

    def finish(self, result: BatchResult) -> None: ...


class SilentProgress:
    def start(self, total: int) -> None:
        pass

    def update(self, result: BatchResult) -> None:
        pass

    def finish(self, result: BatchResult) -> None:
        pass


# ---------------------------------------------------------------- planning


def find_inputs(
    paths: Sequence[str | Path], skip: Path | None = None
) -> tuple[list[InputFile], list[Failure]]:
    """Article files named or found below the folders named, in a stable order.

    Files named directly are taken whatever their suffix (and a broken one becomes a
    failure later); folders give their `.txt .md .html .htm` files, hidden entries and
    the `skip` folder (the output folder) left out. Folder links are followed; one that
    leads back to a folder it is inside is reported as a loop.
    """
    missing = [str(p) for p in paths if not os.path.lexists(p)]
    if missing:
        raise BatchUsageError(f"no such file or folder: {missing[0]}")
    skip_real = os.path.realpath(skip) if skip is not None else None
    files: list[InputFile] = []
    failures: list[Failure] = []
    for root in map(Path, dict.fromkeys(map(str, paths))):  # a path given twice counts once
        if root.is_dir():
            found = _walk(root, skip_real, failures)
            files.extend(sorted(found, key=lambda f: f.rel.parts))
        else:
            files.append(InputFile(root, PurePosixPath(root.name)))
    return files, failures


def _walk(root: Path, skip_real: str | None, failures: list[Failure]) -> list[InputFile]:
    found: list[InputFile] = []
    # (folder, its path below root, real paths of it and the folders it is inside)
    stack = [(root, PurePosixPath(), (os.path.realpath(root),))]
    while stack:
        folder, rel, ancestors = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as error:
            failures.append(Failure(str(folder),
                                    f"{folder}: cannot list folder ({error.strerror})"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = folder / entry.name
            if _is_folder(entry):
                real = os.path.realpath(path)
                if real in ancestors:
                    failures.append(Failure(str(path), f"{path}: symbolic link loop "
                                                       f"(leads back to {real})"))
                elif real != skip_real:
                    stack.append((path, rel / entry.name, (*ancestors, real)))
            elif entry.name.lower().endswith(ARTICLE_SUFFIXES):
                found.append(InputFile(path, rel / entry.name))
    return found


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a link loop: left to read_bytes, which names the problem
        return False


def output_names(rels: Sequence[PurePosixPath], suffix: str) -> list[str]:
    """A unique output name (without suffix) per input path, mirroring its folders.

    `sub/a.txt` -> `sub/a`; when two inputs share a stem (`a.txt`, `a.html`) both keep
    their suffix (`a.txt`, `a.html`); a name still taken (the same path below two
    folders given) gets `~2`, `~3`. Names are compared case-insensitively, and a name
    whose output would stand where a mirrored folder stands is numbered too.
    """
    stems = [str(rel.with_suffix("")) if rel.suffix else str(rel) for rel in rels]
    # stems shared by different paths (one path below two folders given is numbered)
    paths_of_stem: dict[str, set[str]] = {}
    for stem, rel in zip(stems, rels, strict=True):
        paths_of_stem.setdefault(stem.casefold(), set()).add(str(rel).casefold())
    folders = {str(parent).casefold() for stem in stems
               for parent in PurePosixPath(stem).parents}
    taken: set[str] = set()
    names = []
    for rel, stem in zip(rels, stems, strict=True):
        base = str(rel) if len(paths_of_stem[stem.casefold()]) > 1 else stem
        name = base
        for number in itertools.count(2):
            if name.casefold() not in taken and (name + suffix).casefold() not in folders:
                break
            name = f"{base}~{number}"
        taken.add(name.casefold())
        names.append(name)
    return names


# ---------------------------------------------------------------- the output folder


def write_atomic(path: Path, pieces: Iterable[str], tmp_dir: Path) -> None:
    """Write `pieces` to `path` so that it is either the old file or the whole new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = tmp_dir / f"{os.getpid()}-{next(_TMP_NUMBERS)}.tmp"
    try:
        with open(tmp, "x", encoding="utf-8", newline="") as handle:
            for piece in pieces:
                handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


_TMP_NUMBERS = itertools.count()


class Ledger:
    """Which input key each output (path below the output folder) was made from."""

    def __init__(self, state_dir: Path) -> None:
        self.path = state_dir / "ledger.jsonl"
        self.tmp_dir = state_dir / "tmp"
        self.entries: dict[str, dict] = {}
        if self.path.is_file():
            for line in self.path.read_text(encoding="utf-8", errors="replace").splitlines():
                with contextlib.suppress(ValueError, KeyError, TypeError):
                    entry = json.loads(line)
                    self.entries[entry["output"]] = entry
                # a line cut short by a kill does not parse: its output is simply redone
        self.compact()  # also ends the file with a newline before appending
        self._handle: IO[str] = open(self.path, "a", encoding="utf-8")  # noqa: SIM115

    def compact(self) -> None:
        lines = (json.dumps(entry, ensure_ascii=False) + "\n" for entry in self.entries.values())
        write_atomic(self.path, lines, self.tmp_dir)

    def current(self, output: str, key: str) -> dict | None:
        entry = self.entries.get(output)
        return entry if entry is not None and entry.get("key") == key else None

    def record(self, output: str, key: str, statements: int) -> None:
        entry = {"output": output, "key": key, "statements": statements}
        self.entries[output] = entry
        self._handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._handle.flush()

    def close(self) -> None:
        self._handle.close()
        self.compact()


@contextlib.contextmanager
def _output_folder(out: Path | None) -> Iterator[Ledger | None]:
    """The ledger of `out`, with a lock held so that two runs never write there at once."""
    if out is None:
        yield None
        return
    state_dir = out / STATE_DIR
    try:
        (state_dir / "tmp").mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise BatchUsageError(f"{out}: exists and is not a folder") from None
    except OSError as error:
        raise BatchUsageError(f"{out}: cannot create output folder ({error.strerror})") from None
    with open(state_dir / "lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BatchUsageError(f"{out}: another quotex batch is writing there") from None
        for stale in (state_dir / "tmp").iterdir():  # left by a killed run
            stale.unlink()
        ledger = Ledger(state_dir)
        try:
            yield ledger
        finally:
            ledger.close()


def output_stem(output: str) -> str:
    """The article's name (see output_names) from its path below the output folder."""
    path = PurePosixPath(output)
    if path.parts[0] == STATE_DIR:  # a stream's part: .quotex-batch/parts-<format>/...
        path = PurePosixPath(*path.parts[2:])
    return str(path.with_suffix(""))


@contextlib.contextmanager
def _database(path: Path | None) -> Iterator[QuoteStore | None]:
    """The quotes database at `path` (quotex.store), locked for this run, or None."""
    if path is None:
        yield None
        return
    from quotex.store import QuoteStore, StoreError

    try:
        store = QuoteStore(path)
    except StoreError as error:
        raise BatchUsageError(str(error)) from None
    try:
        yield store
    finally:
        store.close()


# ---------------------------------------------------------------- extraction


@dataclass(frozen=True)
class Extracted:
    """One article's rendered output (or why there is none); crosses process bounds."""

    rendered: str = ""
    statements: int = 0
    error: str | None = None
    article: dict | None = None  # Article.to_dict(), when a database is written


def render_article(article: Article, output_format: str) -> str:
    if output_format == "json":
        return render.to_json(article) + "\n"
    if output_format == "jsonl":
        return render.to_jsonl_line(article) + "\n"
    return render.to_csv([article], header=False)


@dataclass(frozen=True)
class Extraction:
    """What a worker needs to extract and render a chunk (sent to worker processes)."""

    output_format: str
    model_dir: str | Path | None = None
    min_confidence: float = 0.0
    keep_articles: bool = False  # also hand back each Article's dict (for the database)


def extract_rendered(items: list[tuple[str, str]], how: Extraction) -> list[Extracted]:
    """`(source, text)` pairs through the engine in one batch, rendered.

    An unexpected error is pinned on its article by retrying the batch one article at
    a time, so one article that trips a bug costs only itself.
    """
    from quotex.engine import extract_many

    try:
        articles = list(extract_many(items, model_dir=how.model_dir, batch_size=len(items),
                                     min_confidence=how.min_confidence))
    except ModelError:
        raise
    except Exception as error:  # any bug in any stage: contain it to its article
        if len(items) > 1:
            return [result for item in items for result in extract_rendered([item], how)]
        reason = (str(error).splitlines() or [""])[0][:200]
        return [Extracted(error=f"{items[0][0]}: internal error "
                                f"({type(error).__name__}: {reason})")]
    return [Extracted(render_article(a, how.output_format), len(a.quotes),
                      article=a.to_dict() if how.keep_articles else None) for a in articles]


@dataclass
class _Pending:
    source: str
    output: str  # path below the output folder
    key: str
    text: str


def _extracted(
    chunks: Iterator[list[_Pending]], options: BatchOptions
) -> Iterator[tuple[list[_Pending], list[Extracted]]]:
    """Each chunk with its results, in input order: in this process, in `jobs` worker
    processes, or on Dask workers. The one writer (`_store`) takes them all alike."""
    if options.dask is not None:
        yield from _extracted_on_dask(chunks, options)
    elif options.jobs <= 1:
        for chunk in chunks:
            yield chunk, extract_rendered(_items(chunk), options.extraction)
    else:
        yield from _extracted_in_processes(chunks, options)


def _items(chunk: list[_Pending]) -> list[tuple[str, str]]:
    return [(p.source, p.text) for p in chunk]


def _extracted_in_processes(
    chunks: Iterator[list[_Pending]], options: BatchOptions
) -> Iterator[tuple[list[_Pending], list[Extracted]]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # spawn, not fork: BLAS and torch thread pools do not survive a fork
    pool = ProcessPoolExecutor(options.jobs, mp_context=multiprocessing.get_context("spawn"))
    in_flight: deque = deque()
    try:
        for chunk in chunks:
            in_flight.append((chunk, pool.submit(extract_rendered, _items(chunk),
                                                 options.extraction)))
            if len(in_flight) >= CHUNKS_IN_FLIGHT_PER_JOB * options.jobs:
                done, future = in_flight.popleft()
                yield done, future.result()
        while in_flight:
            done, future = in_flight.popleft()
            yield done, future.result()
    except BrokenProcessPool:
        raise BatchError("a worker process died (out of memory?); what was written is "
                         "complete: run again, perhaps with fewer --jobs, to resume") from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _extracted_on_dask(
    chunks: Iterator[list[_Pending]], options: BatchOptions
) -> Iterator[tuple[list[_Pending], list[Extracted]]]:
    """Chunks as `distributed` futures, a bounded number in flight (finished ones wait
    for those before them, so they count too): memory stays flat. A worker that dies
    has its chunk rerun elsewhere by the scheduler; a chunk that kills
    `distributed.scheduler.allowed-failures` workers fails its articles."""
    from distributed import as_completed
    from distributed.client import FutureCancelledError
    from distributed.scheduler import KilledWorker

    with _dask_client(options) as client:
        workers = max(1, len(client.scheduler_info(n_workers=-1)["workers"]))
        limit = CHUNKS_IN_FLIGHT_PER_JOB * workers
        completions = as_completed()
        running: dict[object, tuple[int, list[_Pending]]] = {}  # future -> place, chunk
        finished: dict[int, tuple[list[_Pending], list[Extracted]]] = {}
        next_out = 0

        def collect_one() -> None:
            future = next(completions)
            place, chunk = running.pop(future)
            try:
                finished[place] = chunk, future.result()
            except (KilledWorker, FutureCancelledError) as error:
                reason = f"a Dask worker died on it ({type(error).__name__}; out of memory?)"
                finished[place] = chunk, [Extracted(error=f"{p.source}: {reason}")
                                          for p in chunk]

        def in_order() -> Iterator[tuple[list[_Pending], list[Extracted]]]:
            nonlocal next_out
            while next_out in finished:
                yield finished.pop(next_out)
                next_out += 1

        run = uuid.uuid4().hex[:12]  # keys of two runs on one scheduler never meet
        for place, chunk in enumerate(chunks):
            future = client.submit(extract_rendered, _items(chunk), options.extraction,
                                   pure=False, key=f"quotex-{run}-{place}")
            running[future] = place, chunk
            completions.add(future)
            while len(running) + len(finished) >= limit:
                collect_one()
                yield from in_order()
        while running:
            collect_one()
            yield from in_order()


@contextlib.contextmanager
def _dask_client(options: BatchOptions) -> Iterator:
    """A client of the scheduler at `options.dask`, or of a LocalCluster of `jobs`
    worker processes (one thread each: each loads its models once, cached per process)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise BatchUsageError("--dask needs Dask: pip install 'quotex[dask]'") from None
    import logging

    if options.dask == "local":
        with LocalCluster(n_workers=options.jobs, threads_per_worker=1, processes=True,
                          dashboard_address=":0",
                          silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
            yield client
        return
    try:
        client = Client(options.dask, timeout=DASK_CONNECT_SECONDS)
    except (OSError, TimeoutError, ValueError) as error:
        raise BatchUsageError(f"cannot reach the Dask scheduler at {options.dask} "
                              f"({(str(error).splitlines() or [''])[0]})") from None
    with client:
        yield client


# ---------------------------------------------------------------- the run


def run_batch(options: BatchOptions, progress: Progress | None = None) -> BatchResult:
    """Extract every article of `options.inputs` into `options.out` (see the module doc).

    Raises BatchUsageError when the command cannot run as given, ModelError when the
    models cannot load, BatchError when the run cannot go on; every problem with one
    article is a Failure in the result and in errors.jsonl instead.
    """
    started = time.monotonic()
    progress = progress or SilentProgress()
    if options.output_format not in FORMATS:
        raise BatchUsageError(f"unknown format {options.output_format!r} "
                              f"(choose from {', '.join(FORMATS)})")
    if options.out is None and options.db is None:
        raise BatchUsageError("give an output folder (--out), a database (--db) or both")
    out = Path(options.out) if options.out is not None else None
    files, walk_failures = find_inputs(options.inputs, skip=out)
    suffix = "." + options.output_format
    names = output_names([f.rel for f in files], suffix)
    if options.output_format == "json":
        outputs = [name + suffix for name in names]
    else:
        outputs = [f"{STATE_DIR}/parts-{options.output_format}/{name}{suffix}" for name in names]
    result = BatchResult(out, options.output_format, total=len(files) + len(walk_failures),
                         failures=list(walk_failures), db=options.db)
    with _output_folder(out) as ledger, _database(options.db) as store:
        # what the output depends on besides the input: a changed threshold redoes it
        versions = (f"{__version__}/{resolve_model_set(options.model_dir).version}"
                    f"/min-confidence={options.min_confidence:g}")
        progress.start(result.total)
        try:
            current: list[str] = []  # outputs that match their input, in input order
            pending = _read_inputs(files, outputs, versions, ledger, store, options.force,
                                   result, current, progress)
            size = chunk_size(options, len(files))
            chunks = iter(lambda: list(islice(pending, size)), [])
            for chunk, extracted in _extracted(chunks, options):
                with store.transaction() if store else contextlib.nullcontext():
                    for item, outcome in zip(chunk, extracted, strict=True):
                        _store(item, outcome, ledger, store, result, current)
                        progress.update(result)
            if ledger is not None and options.output_format in STREAM_FILES:
                _write_stream(out, options.output_format, current, ledger.tmp_dir)
            if store is not None:
                result.groups_across_articles = store.finish()
        finally:
            # also on Ctrl-C or a fatal error: the failures seen so far, and the
            # display given back (a progress bar hides the cursor)
            if ledger is not None:
                lines = (json.dumps(asdict(f), ensure_ascii=False) + "\n"
                         for f in result.failures)
                write_atomic(out / ERRORS_FILE, lines, ledger.tmp_dir)
            if store is not None:
                store.record_failures((f.source, f.error) for f in result.failures)
            result.seconds = time.monotonic() - started
            progress.finish(result)
    return result


def chunk_size(options: BatchOptions, files: int) -> int:
    """Articles per chunk: `batch_size`, or fewer where parallel workers would otherwise
    finish unevenly (50 articles in chunks of 16 leave one of two workers idle for a
    third of the run); CHUNKS_PER_WORKER chunks each keeps them even."""
    if options.jobs <= 1:
        return options.batch_size
    return max(1, min(options.batch_size, -(-files // (CHUNKS_PER_WORKER * options.jobs))))


def _read_inputs(
    files: Sequence[InputFile], outputs: Sequence[str], versions: str, ledger: Ledger | None,
    store: QuoteStore | None, force: bool, result: BatchResult, current: list[str],
    progress: Progress,
) -> Iterator[_Pending]:
    """The articles that need extracting, decoded; the rest are counted as they pass."""
    for file, output in zip(files, outputs, strict=True):
        source = str(file.path)
        try:
            data = read_bytes(file.path)
            key = f"{hashlib.sha256(data).hexdigest()}/{versions}"
            statements = None if force else _current(output, key, ledger, store, result.out)
            if statements is not None:
                result.up_to_date += 1
                result.statements += statements
                current.append(output)
                progress.update(result)
                continue
            text = article_text(data, source, html=is_html(file.path))
        except InputError as error:
            result.failures.append(Failure(source, str(error)))
            progress.update(result)
            continue
        yield _Pending(source, output, key, text)


def _current(output: str, key: str, ledger: Ledger | None, store: QuoteStore | None,
             out: Path | None) -> int | None:
    """The statement count of an article whose every output is current, else None."""
    counts = []
    if ledger is not None:
        entry = ledger.current(output, key)
        if entry is None or not (out / output).is_file():
            return None
        counts.append(entry.get("statements", 0))
    if store is not None:
        counts.append(store.current(output_stem(output), key))
    return None if None in counts else counts[0]


def _store(item: _Pending, outcome: Extracted, ledger: Ledger | None,
           store: QuoteStore | None, result: BatchResult, current: list[str]) -> None:
    if outcome.error is not None:
        result.failures.append(Failure(item.source, outcome.error))
        return
    try:
        if ledger is not None:
            write_atomic(result.out / item.output, [outcome.rendered], ledger.tmp_dir)
        if store is not None:
            store.put(output_stem(item.output), item.source, item.text, item.key,
                      outcome.article or {})
    except OSError as error:
        result.failures.append(Failure(item.source, f"{item.source}: cannot write "
                                                    f"{item.output} ({error.strerror})"))
        return
    if ledger is not None:
        ledger.record(item.output, item.key, outcome.statements)
    current.append(item.output)
    result.processed += 1
    result.statements += outcome.statements
    result.words += len(item.text.split())


def _write_stream(out: Path, output_format: str, parts: Sequence[str], tmp_dir: Path) -> None:
    """The JSONL or CSV stream from the current parts, in input order, replaced at once."""

    def pieces() -> Iterator[str]:
        if output_format == "csv":
            # the BOM makes spreadsheets read the file as UTF-8 (Persian intact)
            yield "\ufeff" + render.to_csv([], header=True)
        for part in parts:
            yield (out / part).read_text(encoding="utf-8")

    write_atomic(out / STREAM_FILES[output_format], pieces(), tmp_dir)
