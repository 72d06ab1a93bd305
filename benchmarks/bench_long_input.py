"""Benchmark (not a test): time and memory of `quotex batch` on one-paragraph inputs.

    python benchmarks/bench_long_input.py [--sizes-mb 1 2 4] [--corpus DIR]

A scraped page whose markup was lost can be one paragraph with no sentence end. Each
input here is corpus text run together on one line with its sentence ends (. ! ? ؟ …)
taken out, cut to the size asked; a reference row runs the corpus's first articles
(ordinary text, 0.5 MB by default) the same way. Each run is a whole `quotex batch` process
of its own, so its seconds include the model load and its peak RSS is its own. Prints
a Markdown table for the README: seconds, words/s, and peak RSS per size.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
SENTENCE_END = re.compile(r"[.!?؟…]")
MB = 1_000_000


def one_paragraph(corpus: Path, size: int) -> str:
    """Corpus text as one line of about `size` bytes (UTF-8), sentence ends removed."""
    pool = " ".join(" ".join(SENTENCE_END.sub(" ", path.read_text(encoding="utf-8")).split())
                    for path in sorted(corpus.glob("*.txt")))
    text = pool
    while len(text.encode()) < size:
        text += " " + pool
    return text.encode()[:size].decode(errors="ignore").rsplit(" ", 1)[0] + "\n"


def ordinary_articles(corpus: Path, size: int) -> list[Path]:
    """The corpus's first articles, as they are, up to about `size` bytes."""
    chosen, total = [], 0
    for path in sorted(corpus.glob("*.txt")):
        chosen.append(path)
        total += path.stat().st_size
        if total >= size:
            break
    return chosen


def run_batch(inputs: list[Path]) -> dict:
    """One `quotex batch` process over `inputs`: wall seconds, words, peak RSS (MB)."""
    out = Path(tempfile.mkdtemp(prefix="quotex-long-"))
    try:
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "quotex", "batch", *map(str, inputs),
                                    "--out", str(out / "out"), "--quiet"])
        _, status, usage = os.wait4(process.pid, 0)  # the rusage of this child alone
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    if process.returncode != 0:
        sys.exit(f"quotex batch failed on {inputs[0]} (exit {process.returncode})")
    words = sum(len(path.read_text(encoding="utf-8").split()) for path in inputs)
    return {"seconds": seconds, "words": words, "peak_rss_mb": usage.ru_maxrss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sizes-mb", type=float, nargs="+", default=[1, 2, 4])
    parser.add_argument("--reference-mb", type=float, default=0.5,
                        help="size of the ordinary articles run for reference")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        reference = ordinary_articles(args.corpus, int(args.reference_mb * MB))
        rows.append((f"{len(reference)} ordinary articles, "
                     f"{sum(p.stat().st_size for p in reference) / MB:.1f} MB",
                     run_batch(reference)))
        for size in sorted(args.sizes_mb):
            path = Path(folder) / f"one-paragraph-{size:g}mb.txt"
            path.write_text(one_paragraph(args.corpus, int(size * MB)), encoding="utf-8")
            rows.append((f"one paragraph, {size:g} MB", run_batch([path])))
            print(f"{rows[-1][0]}: {rows[-1][1]}", file=sys.stderr, flush=True)
    base = rows[0][1]["words"] / rows[0][1]["seconds"]
    print("| input | words | seconds | words/s | vs ordinary | peak RSS (MB) |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, row in rows:
        rate = row["words"] / row["seconds"]
        print(f"| {name} | {row['words']} | {row['seconds']:.1f} | {rate:.0f} | "
              f"{rate / base:.2f}x | {row['peak_rss_mb']:.0f} |")


if __name__ == "__main__":
    main()
