"""Benchmark (not a test): `quotex batch` against a plain Stanza pipeline, same corpus.

    python benchmarks/bench_batch.py [--corpus DIR] [--limit N] [--jobs N]
    python benchmarks/bench_batch.py --executors [--limit N] [--jobs N]

Both sides read the same articles (the corpus's .txt files, through quotex.io) and
count words the same way (whitespace-separated). The plain side runs Stanza with all
of quotex's processors (tokenize,mwt,pos,lemma,depparse,ner) on every sentence; the
quotex side is a whole `quotex batch` run (parse only where speech can be, writes
included). Each side runs in a subprocess of its own, so that its model load time and
peak RSS are its own; resident memory is also sampled at each quarter of the corpus
to show whether it stays flat. Prints a Markdown table for the README.

With `--executors`, it compares instead the ways `quotex batch` can run the same
articles, each a whole process of its own: serially, with `--jobs N` worker processes,
and on a Dask LocalCluster of N workers (`--dask local --jobs N`).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quotex.batch import BatchResult

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
QUARTERS = (1, 2, 3, 4)


def rss_mb() -> float:
    """Resident memory of this process now, from /proc (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def peak_rss_mb() -> float:
    """Peak resident memory of this process or any worker it waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, workers) / 1024  # Linux reports KiB


class QuarterSampler:
    """Samples RSS when a quarter, half, three quarters and all of the work is done."""

    def __init__(self) -> None:
        self.total = 0
        self.samples: list[float] = []

    def start(self, total: int) -> None:
        self.total = total

    def sample(self, done: int) -> None:
        while len(self.samples) < len(QUARTERS) and (
            done * len(QUARTERS) >= QUARTERS[len(self.samples)] * self.total
        ):
            self.samples.append(round(rss_mb()))

    def update(self, result: BatchResult) -> None:
        self.sample(result.done)

    def finish(self, result: BatchResult) -> None:
        self.sample(self.total)


def torch_threads() -> int:
    import torch

    return torch.get_num_threads()


def corpus_files(corpus: Path, limit: int | None) -> list[Path]:
    files = sorted(corpus.glob("*.txt"))
    return files[:limit] if limit else files


def measure_quotex(files: list[Path], jobs: int, dask: str | None = None) -> dict:
    # what `quotex batch` imports and nothing more: it runs the models without PyTorch
    from quotex.batch import BatchOptions, run_batch
    from quotex.modelset import thread_count
    from quotex.nlp import get_nlp

    started = time.perf_counter()
    if jobs == 1 and dask is None:  # workers load their own; this process never does
        get_nlp()
    load_s = time.perf_counter() - started
    sampler = QuarterSampler()
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        result = run_batch(BatchOptions(files, Path(out), jobs=jobs, force=True, dask=dask),
                           sampler)
        run_s = time.perf_counter() - started
    assert not result.failures, result.failures[:3]
    return {"load_s": load_s, "run_s": run_s, "articles": result.processed,
            "words": result.words, "statements": result.statements, "threads": thread_count(),
            "peak_rss_mb": peak_rss_mb(), "rss_quarters_mb": sampler.samples}


def measure_plain(files: list[Path]) -> dict:
    import stanza

    from quotex.engine import DEFAULT_BATCH_SIZE
    from quotex.io import read_article
    from quotex.modelset import build_pipeline, resolve_model_set

    started = time.perf_counter()
    pipeline = build_pipeline(resolve_model_set())  # every processor
    load_s = time.perf_counter() - started
    texts = [read_article(path) for path in files]
    sampler = QuarterSampler()
    sampler.start(len(texts))
    started = time.perf_counter()
    for first in range(0, len(texts), DEFAULT_BATCH_SIZE):
        chunk = texts[first:first + DEFAULT_BATCH_SIZE]
        pipeline.bulk_process([stanza.Document([], text=text) for text in chunk])
        sampler.sample(first + len(chunk))
    run_s = time.perf_counter() - started
    return {"load_s": load_s, "run_s": run_s, "articles": len(texts),
            "words": sum(len(text.split()) for text in texts), "statements": None,
            "threads": torch_threads(), "peak_rss_mb": peak_rss_mb(),
            "rss_quarters_mb": sampler.samples}


def run_side(side: str, args: argparse.Namespace, jobs: int | None = None) -> dict:
    """One side in a fresh Python process; its JSON report, with its wall seconds."""
    command = [sys.executable, __file__, "--side", side, "--corpus", str(args.corpus),
               "--jobs", str(args.jobs if jobs is None else jobs)]
    if args.limit:
        command += ["--limit", str(args.limit)]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"{side} side failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1]) | {
        "wall_s": time.perf_counter() - started}


def executors_table(args: argparse.Namespace, files: int) -> str:
    """Serial, --jobs N and --dask local --jobs N on the same articles, whole processes."""
    runs = [("serial", run_side("quotex", args, jobs=1)),
            (f"`--jobs {args.jobs}`", run_side("quotex", args)),
            (f"`--dask local --jobs {args.jobs}`", run_side("dask", args))]
    lines = [
        f"Corpus: {files} articles of `{args.corpus.name}/`; {os.cpu_count()} CPU cores; "
        "each run a whole process (wall time from start to exit, model loads included).",
        "",
        "| | wall (s) | batch run (s) | words/s (batch run) | peak RSS (MB) |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, run in runs:
        lines.append(f"| {name} | {run['wall_s']:.1f} | {run['run_s']:.1f} | "
                     f"{run['words'] / run['run_s']:.0f} | {run['peak_rss_mb']:.0f} |")
    return "\n".join(lines)


def table(quotex: dict, plain: dict, args: argparse.Namespace, files: int) -> str:
    def per_s(side: dict, key: str) -> float:
        return side[key] / side["run_s"]

    speedup = per_s(quotex, "words") / per_s(plain, "words")
    whole_speedup = plain["wall_s"] / quotex["wall_s"]
    rows = [
        ("articles", quotex["articles"], plain["articles"]),
        ("words", quotex["words"], plain["words"]),
        ("model load (s)", f"{quotex['load_s']:.1f}", f"{plain['load_s']:.1f}"),
        ("run time (s)", f"{quotex['run_s']:.1f}", f"{plain['run_s']:.1f}"),
        ("**words/s**", f"**{per_s(quotex, 'words'):.0f}**", f"**{per_s(plain, 'words'):.0f}**"),
        ("articles/s", f"{per_s(quotex, 'articles'):.2f}", f"{per_s(plain, 'articles'):.2f}"),
        ("peak RSS (MB)", f"{quotex['peak_rss_mb']:.0f}", f"{plain['peak_rss_mb']:.0f}"),
        ("RSS at 25/50/75/100 % (MB)", "/".join(map(str, quotex["rss_quarters_mb"])),
         "/".join(map(str, plain["rss_quarters_mb"]))),
        ("speed-up (words/s)", f"{speedup:.2f}x", "1.00x"),
        ("whole process, start to exit (s)", f"{quotex['wall_s']:.1f}", f"{plain['wall_s']:.1f}"),
        ("**speed-up, whole process**", f"**{whole_speedup:.2f}x**", "1.00x"),
    ]
    lines = [
        f"Corpus: {files} articles of `{args.corpus.name}/`; {os.cpu_count()} CPU cores "
        f"({platform.processor() or platform.machine()}), Python {platform.python_version()}, "
        f"`--jobs {args.jobs}`; threads per process: quotex {quotex['threads']}, "
        f"plain {plain['threads']}; statements found by quotex: {quotex['statements']}.",
        "",
        "| | quotex batch | plain Stanza, all processors on every sentence |",
        "|---|---:|---:|",
        *(f"| {name} | {a} | {b} |" for name, a, b in rows),
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--jobs", type=int, default=1, help="quotex batch --jobs")
    parser.add_argument("--executors", action="store_true",
                        help="compare serial, --jobs N and --dask local instead")
    parser.add_argument("--side", choices=("quotex", "plain", "dask"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    files = corpus_files(args.corpus, args.limit)
    if not files:
        sys.exit(f"no .txt articles in {args.corpus}")
    if args.side == "quotex":
        print(json.dumps(measure_quotex(files, args.jobs)))
    elif args.side == "dask":
        print(json.dumps(measure_quotex(files, args.jobs, dask="local")))
    elif args.side == "plain":
        print(json.dumps(measure_plain(files)))
    elif args.executors:
        print(executors_table(args, len(files)))
    else:
        quotex = run_side("quotex", args)
        plain = run_side("plain", args)
        print(table(quotex, plain, args, len(files)))


if __name__ == "__main__":
    main()
