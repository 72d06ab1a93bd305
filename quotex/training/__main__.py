"""Command line: python -m quotex.training
    all|vectors|tokenize|mwt|pos|lemma|depparse|ner|ner-tune|score"""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from quotex.modelset import BUNDLED_DIR, installed

# The glibc allocator otherwise spends a third of the CPU in training (data README).
MALLOC_SETTINGS = {
    "MALLOC_MMAP_THRESHOLD_": "33554432",
    "MALLOC_TRIM_THRESHOLD_": "4294967296",
    "MALLOC_TOP_PAD_": "268435456",
}
STAGES = ("vectors", "tokenize", "mwt", "pos", "lemma", "depparse", "ner", "ner-tune")
# `all` trains in two processes at once, one thread each: the trainers use two cores
# poorly. The stages after "vectors" in the other stream wait for it (they read it).
STREAMS = (("vectors", "pos", "ner", "ner-tune"), ("tokenize", "mwt", "lemma", "depparse"))
NEEDS_VECTORS = ("pos", "depparse", "ner", "ner-tune")
REPO_ROOT = Path(__file__).resolve().parents[2]


def default_data_dir() -> Path:
    return REPO_ROOT.parent / "shared" / "data"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m quotex.training",
                                     description="Train quotex's Persian Stanza models.")
    parser.add_argument("stage", choices=("all", *STAGES, "score"),
                        help="'all' trains every model then scores the set; 'score' only scores")
    parser.add_argument("--steps", type=int, default=None,
                        help="quick mode: this many steps for every trainer (default: full run)")
    parser.add_argument("--limit", type=int, default=None,
                        help="use only the first N sentences of each data file (smoke runs)")
    parser.add_argument("--data", type=Path, default=default_data_dir(),
                        help="the shared data folder (default: ../shared/data)")
    parser.add_argument("--work", type=Path, default=None,
                        help="intermediate files (default: train-work/ in the repo, or a "
                             "temp folder in quick mode)")
    parser.add_argument("--out", type=Path, default=None,
                        help="where the models go (default: quotex/models/fa; in quick "
                             "mode a temp folder, so the bundled set is never overwritten)")
    parser.add_argument("--seed", type=int, default=1234)
    parser.add_argument("--baseline", type=Path, default=None,
                        help="another model set (e.g. a copy of the one this build "
                             "replaces) whose NER is scored beside the new one in the card")
    return parser.parse_args(argv)


def argv_for_children(args: argparse.Namespace, work: Path, out: Path) -> list[str]:
    argv = ["--work", str(work), "--out", str(out), "--data", str(args.data),
            "--seed", str(args.seed)]
    if args.steps is not None:
        argv += ["--steps", str(args.steps)]
    if args.limit is not None:
        argv += ["--limit", str(args.limit)]
    return argv


def run_streams(options: list[str]) -> None:
    """Run STREAMS side by side as child processes; raise if any stage fails."""
    vectors_done = threading.Event()
    failures: list[str] = []
    env = {**os.environ, "QUOTEX_THREADS": "1"}

    def run_stream(stream: tuple[str, ...]) -> None:
        for stage in stream:
            if stage in NEEDS_VECTORS and stage != stream[0] and "vectors" not in stream:
                vectors_done.wait()
            if failures:
                return
            command = [sys.executable, "-m", "quotex.training", stage, *options]
            if subprocess.run(command, env=env, check=False).returncode != 0:
                failures.append(stage)
                vectors_done.set()  # do not leave the other stream waiting
                return
            if stage == "vectors":
                vectors_done.set()

    threads = [threading.Thread(target=run_stream, args=(s,)) for s in STREAMS]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise SystemExit(f"error: training stage '{failures[0]}' failed (see the log above)")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if any(key not in os.environ for key in MALLOC_SETTINGS):
        # glibc reads these at process start: run again with them set
        env = {**MALLOC_SETTINGS, **os.environ}
        os.execve(sys.executable, [sys.executable, "-m", "quotex.training", *argv], env)
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s",
                        stream=sys.stderr)
    # the word vectors (stages all, vectors) are gensim's; every stage runs on Stanza
    needed = ("torch", "stanza", "gensim") if args.stage in ("all", "vectors") else (
        "torch", "stanza")
    missing = [name for name in needed if not installed(name)]
    if missing:
        print(f"error: training needs {', '.join(missing)}: pip install 'quotex[train]'",
              file=sys.stderr)
        return 2

    import torch

    torch.set_num_threads(int(os.environ.get("QUOTEX_THREADS", "2")))

    from quotex.training import scoring, stages

    quick = args.steps is not None
    budget = stages.Budget.quick(args.steps, args.limit) if quick else stages.Budget(
        limit=args.limit)
    # a quick run's models go to a fresh temp folder unless --work and --out say where
    # (the child processes of `all` get both: they make no empty temp folders)
    needs_temp = quick and (args.work is None or args.out is None)
    temp_root = Path(tempfile.mkdtemp(prefix="quotex-train-")) if needs_temp else None
    work = args.work or (temp_root / "work" if temp_root else REPO_ROOT / "train-work")
    out = args.out or (temp_root / "models" if temp_root else BUNDLED_DIR)
    if not (args.data / "README.md").is_file():
        print(f"error: training data not found in {args.data} (use --data)", file=sys.stderr)
        return 2
    run = stages.Run(data_dir=args.data, work=work, out=out, seed=args.seed, budget=budget)
    logger = logging.getLogger("quotex.training")
    logger.info("work %s, out %s, budget %s", work, out, budget)

    if args.stage == "all":
        start = time.monotonic()
        run_streams(argv_for_children(args, work, out))
        scoring.write_time(work, scoring.WALL, time.monotonic() - start)
    elif args.stage != "score":
        ud = stages.prepare_ud(run) if args.stage not in ("vectors", "ner", "ner-tune") else None
        trainers = {
            "vectors": lambda: stages.train_vectors(run),
            "tokenize": lambda: stages.train_tokenizer(run, ud),
            "mwt": lambda: stages.train_mwt(run, ud),
            "pos": lambda: stages.train_pos(run, ud),
            "lemma": lambda: stages.train_lemma(run, ud),
            "depparse": lambda: stages.train_depparse(run, ud),
            "ner": lambda: stages.train_ner(run),
            "ner-tune": lambda: stages.train_ner_tune(run),
        }
        start = time.monotonic()
        logger.info("== %s: start", args.stage)
        trainers[args.stage]()
        seconds = time.monotonic() - start
        scoring.write_time(work, args.stage, seconds)
        logger.info("== %s: done in %.0f s", args.stage, seconds)
    if args.stage in ("all", "score"):
        scoring.score_and_document(run, stages.prepare_ud(run), scoring.read_times(work),
                                   args.baseline)
    print(f"models in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
