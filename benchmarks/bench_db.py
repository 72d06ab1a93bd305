"""Benchmark (not a test): what `quotex batch --db` adds over `--out` alone.

    python benchmarks/bench_db.py --corpus samples
    python benchmarks/bench_db.py --from-output OUT [--repeat 3]

`--corpus DIR` runs whole processes back to back in fresh folders: `quotex batch DIR
--out` and `quotex batch DIR --out --db`, and reports both times, the database size
and the statement groups that span several articles. On a shared machine the
difference of two whole runs is mostly noise for a large corpus; `--from-output OUT`
instead feeds the per-article JSON of an existing batch output folder through the
database writer the batch uses (quotex.store: one transaction per chunk of 16, then
regrouping and the Datasette metadata), which is exactly what `--db` adds to a run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from quotex.engine import DEFAULT_BATCH_SIZE


def timed_batch(corpus: Path, args: list[str]) -> float:
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "quotex", "batch", str(corpus), "--quiet", *args],
                   check=False)
    return time.monotonic() - started


def whole_runs(corpus: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out_only = timed_batch(corpus, ["--out", f"{tmp}/a"])
        db = Path(tmp) / "quotes.db"
        with_db = timed_batch(corpus, ["--out", f"{tmp}/b", "--db", str(db)])
        report(db, {"--out alone (s)": out_only, "--out --db (s)": with_db,
                    "--db adds (s)": with_db - out_only})


def from_output(out: Path, repeat: int) -> None:
    from quotex.batch import output_stem
    from quotex.store import QuoteStore

    files = sorted(p for p in out.rglob("*.json")
                   if not any(part.startswith(".") for part in p.relative_to(out).parts))
    articles = [(output_stem(str(p.relative_to(out))), json.loads(p.read_text("utf-8")))
                for p in files]
    texts = [Path(a["source"]).read_text(encoding="utf-8") for _, a in articles]
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(repeat):
            db = Path(tmp) / "quotes.db"
            for stale in Path(tmp).iterdir():
                stale.unlink()
            started = time.monotonic()
            store = QuoteStore(db)
            for first in range(0, len(articles), DEFAULT_BATCH_SIZE):
                with store.transaction():
                    for (name, article), text in zip(articles[first:first + DEFAULT_BATCH_SIZE],
                                                     texts[first:first + DEFAULT_BATCH_SIZE],
                                                     strict=True):
                        store.put(name, article["source"], text, "0/bench", article)
            written = time.monotonic()
            store.finish()
            store.close()
            times.append((written - started, time.monotonic() - written))
        best = min(times, key=sum)
        report(db, {"articles": len(articles), "rows written (s)": best[0],
                    "regrouping + metadata (s)": best[1], "--db adds (s)": sum(best)})


def report(db: Path, figures: dict[str, float]) -> None:
    import sqlite3

    con = sqlite3.connect(db)
    count = {t: con.execute(f"select count(*) from {t}").fetchone()[0]
             for t in ("articles", "statements", "speakers", "statement_groups", "entities")}
    across = con.execute("select count(*), coalesce(sum(statements), 0) from statement_groups "
                         "where articles > 1").fetchone()
    con.close()
    rows = {**{k: f"{v:.2f}" if isinstance(v, float) else str(v) for k, v in figures.items()},
            **{f"{t} rows": str(n) for t, n in count.items()},
            "groups in several articles": f"{across[0]} ({across[1]} statements)",
            "database size (KiB)": f"{db.stat().st_size / 1024:.0f}"}
    print("| measure | value |\n|---|---|")
    for key, value in rows.items():
        print(f"| {key} | {value} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--corpus", type=Path)
    group.add_argument("--from-output", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if args.corpus:
        whole_runs(args.corpus)
    else:
        from_output(args.from_output, args.repeat)


if __name__ == "__main__":
    main()
