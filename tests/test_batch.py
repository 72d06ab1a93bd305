"""`quotex batch`: folders of good and bad files, resume after kill -9, streams, workers."""

from __future__ import annotations

import csv
import fcntl
import io
import json
import shutil
import subprocess
import time
from pathlib import Path, PurePosixPath

import pytest
from badfiles import (
    make_bad_files,
    make_encoded_copies,
    make_unreadable,
    quotex_command,
    without_file_permission_override,
)
from conftest import SAMPLES, SEED
from models import require_models
from typer.testing import CliRunner

from quotex import batch
from quotex.batch import (
    STATE_DIR,
    BatchOptions,
    BatchUsageError,
    Ledger,
    find_inputs,
    output_names,
    run_batch,
    write_atomic,
)
from quotex.cli import app
from quotex.engine import DEFAULT_BATCH_SIZE
from quotex.io import read_article

runner = CliRunner()
BOM = "\ufeff".encode()
# Short real articles, so that model-backed tests stay quick on two cores.
SHORT_ARTICLES = ("src-fars-0009.txt", "src-varzesh3-0002.txt", "src-fars-0002.txt")
HTML_SAMPLE = SAMPLES / "html" / "src-fars-0005.html"
# How long a test waits for a batch subprocess to write its first output.
FIRST_OUTPUT_TIMEOUT_S = 600


@pytest.fixture()
def models():
    require_models()


def copy_articles(folder: Path, names=SHORT_ARTICLES, subfolder: str = "") -> Path:
    (folder / subfolder).mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copyfile(SAMPLES / name, folder / subfolder / name)
    return folder


def article_outputs(out: Path) -> dict[str, str]:
    """Per-article JSON outputs below `out`: path -> content (state folder left out)."""
    return {
        str(path.relative_to(out)): path.read_text(encoding="utf-8")
        for path in sorted(out.rglob("*.json"))
        if not any(part.startswith(".") for part in path.relative_to(out).parts)
    }


def errors_of(out: Path) -> dict[str, str]:
    lines = (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    return {entry["source"]: entry["error"] for entry in map(json.loads, lines)}


def assert_offsets_exact(outputs: dict[str, str]) -> int:
    """Every statement's text is its source's text at its offsets; returns the count."""
    count = 0
    for content in outputs.values():
        article = json.loads(content)
        text = read_article(article["source"])
        for quote in article["quotes"]:
            assert text[quote["start"]:quote["end"]] == quote["text"]
            assert text[quote["cue_start"]:quote["cue_end"]] == quote["cue"]
            count += 1
    return count


# ---------------------------------------------------------------- planning (no models)


def test_output_names_mirror_folders_and_never_collide():
    rels = [PurePosixPath(p) for p in
            ("a.txt", "a.html", "sub/a.txt", "sub/b.md", "c.txt", "C.md", "x.txt",
             "x.json/y.txt", "a.txt.md")]
    names = output_names(rels, ".json")
    assert names == ["a.txt", "a.html", "sub/a", "sub/b", "c.txt", "C.md", "x~2", "x.json/y",
                     "a.txt~2"]
    assert len({n.casefold() for n in names}) == len(names)


def test_find_inputs_walks_folders_and_numbers_the_same_path_under_two_roots(tmp_path):
    for root in ("one", "two"):
        copy_articles(tmp_path / root, ("src-fars-0009.txt",), subfolder="sub")
    (tmp_path / "one" / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / "one" / ".hidden").mkdir()
    (tmp_path / "one" / ".hidden" / "x.txt").write_text("خبر", encoding="utf-8")
    (tmp_path / "one" / "sub" / "back").symlink_to(tmp_path / "one")
    (tmp_path / "one" / "out").mkdir()
    (tmp_path / "one" / "out" / "old.txt").write_text("خبر", encoding="utf-8")
    files, failures = find_inputs([tmp_path / "one", tmp_path / "two"],
                                  skip=tmp_path / "one" / "out")
    assert [str(f.rel) for f in files] == ["sub/src-fars-0009.txt", "sub/src-fars-0009.txt"]
    assert output_names([f.rel for f in files], ".json") == ["sub/src-fars-0009",
                                                             "sub/src-fars-0009~2"]
    assert [f.source for f in failures] == [str(tmp_path / "one" / "sub" / "back")]
    assert "symbolic link loop" in failures[0].error
    twice = tmp_path / "two" / "sub" / "src-fars-0009.txt"
    assert len(find_inputs([twice, twice])[0]) == 1  # a file given twice is read once


def test_missing_input_is_a_usage_error(tmp_path):
    with pytest.raises(BatchUsageError, match="no such file or folder"):
        find_inputs([tmp_path / "missing"])
    result = runner.invoke(app, ["batch", str(tmp_path / "missing"), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "no such file or folder" in result.output and "Traceback" not in result.output


def test_output_folder_that_is_a_file_or_locked_is_a_usage_error(tmp_path):
    copy_articles(tmp_path / "in", ("src-fars-0009.txt",))
    (tmp_path / "file").write_text("x")
    result = runner.invoke(app, ["batch", str(tmp_path / "in"), "--out", str(tmp_path / "file")])
    assert result.exit_code == 2 and "is not a folder" in " ".join(result.output.split())
    out = tmp_path / "out"
    (out / STATE_DIR).mkdir(parents=True)
    with open(out / STATE_DIR / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        result = runner.invoke(app, ["batch", str(tmp_path / "in"), "--out", str(out)])
    assert result.exit_code == 2 and "another quotex batch" in " ".join(result.output.split())


def test_ledger_ignores_a_line_cut_by_a_kill(tmp_path):
    state = tmp_path / STATE_DIR
    (state / "tmp").mkdir(parents=True)
    (state / "ledger.jsonl").write_text('{"output": "a.json", "key": "k1", "statements": 2}\n'
                                        '{"output": "b.json", "ke', encoding="utf-8")
    ledger = Ledger(state)
    ledger.record("c.json", "k3", 0)
    ledger.close()
    assert Ledger(state).entries.keys() == {"a.json", "c.json"}
    assert (state / "ledger.jsonl").read_text(encoding="utf-8").endswith("}\n")


def test_interrupted_atomic_write_leaves_the_old_file_whole(tmp_path):
    target = tmp_path / "a.json"
    target.write_text("old", encoding="utf-8")

    def pieces():
        yield "new, half"
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, pieces(), tmp_path)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


# ---------------------------------------------------------------- batches (models)


def test_folder_of_good_and_bad_files(tmp_path, models):
    folder = tmp_path / "in"
    copy_articles(folder, (SEED.name,))
    copy_articles(folder, ("src-fars-0002.txt",), subfolder="sub")
    (folder / "sub" / "html").mkdir()
    shutil.copyfile(HTML_SAMPLE, folder / "sub" / "html" / HTML_SAMPLE.name)
    encoded = make_encoded_copies(SAMPLES / "src-fars-0009.txt", folder / "encoded")
    bad = {str(folder / "bad" / name): reason
           for name, reason in make_bad_files(folder / "bad").items()}
    (folder / "sub" / "back").symlink_to(folder)
    bad[str(folder / "sub" / "back")] = "symbolic link loop"
    (folder / "bad" / "unreadable.txt").write_text("وزیر گفت: نه.\n", encoding="utf-8")
    if make_unreadable(folder / "bad" / "unreadable.txt"):
        bad[str(folder / "bad" / "unreadable.txt")] = "permission denied"
    else:  # root reads it anyway (see test_unreadable_file_is_reported_in_the_batch)
        (folder / "bad" / "unreadable.txt").unlink()
    out = tmp_path / "out"

    result = runner.invoke(app, ["batch", str(folder), "--out", str(out)])

    assert result.exit_code == 1, result.output
    outputs = article_outputs(out)
    assert sorted(outputs) == sorted(
        [f"{SEED.stem}.json", "sub/src-fars-0002.json", "sub/html/src-fars-0005.json"]
        + [f"encoded/{Path(name).stem}.json" for name in encoded])
    assert assert_offsets_exact(outputs) > 0
    errors = errors_of(out)
    assert errors.keys() == bad.keys()
    for source, reason in bad.items():
        assert errors[source].startswith(source) and reason in errors[source]
    flat_output = " ".join(result.output.split())
    for source in bad:
        assert Path(source).name in flat_output  # each failure is in the summary
    assert "Traceback" not in result.output


def test_unreadable_file_is_reported_in_the_batch(tmp_path, models):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    unreadable = folder / "unreadable.txt"
    unreadable.write_text("وزیر گفت: نه.\n", encoding="utf-8")
    prefix: list[str] = []
    if not make_unreadable(unreadable):
        prefix = without_file_permission_override() or []
        if not prefix:
            pytest.skip("running as root and setpriv is missing: cannot make a file unreadable")
    out = tmp_path / "out"
    done = subprocess.run([*prefix, *quotex_command(), "batch", str(folder), "--out", str(out),
                           "--quiet"], capture_output=True, text=True)
    assert done.returncode == 1, done.stderr
    errors = errors_of(out)
    assert errors[str(unreadable)] == f"{unreadable}: permission denied"
    assert errors[str(folder / "empty.txt")] == f"{folder / 'empty.txt'}: empty input"


def test_rerun_skips_current_outputs_and_redoes_changed_ones(tmp_path, models, monkeypatch):
    folder = copy_articles(tmp_path / "in", SHORT_ARTICLES[:2])
    options = BatchOptions([folder], tmp_path / "out")
    first = run_batch(options)
    assert (first.processed, first.up_to_date, first.exit_code) == (2, 0, 0)
    written = {p: p.stat().st_mtime_ns for p in (tmp_path / "out").glob("*.json")}

    again = run_batch(options)
    assert (again.processed, again.up_to_date, again.statements) == (0, 2, first.statements)
    assert {p: p.stat().st_mtime_ns for p in written} == written

    with open(folder / SHORT_ARTICLES[0], "a", encoding="utf-8") as handle:
        handle.write("\nسخنگوی دولت گفت: جلسه فردا برگزار می‌شود.\n")
    changed = run_batch(options)
    assert (changed.processed, changed.up_to_date) == (1, 1)

    forced = run_batch(BatchOptions([folder], tmp_path / "out", force=True))
    assert (forced.processed, forced.up_to_date) == (2, 0)

    monkeypatch.setattr(batch, "__version__", "0.0.0-other")  # a new quotex redoes all
    assert run_batch(options).processed == 2


@pytest.mark.parametrize("output_format", ["json", "jsonl"])
def test_killed_batch_resumes_to_the_outputs_of_an_uninterrupted_run(
    tmp_path, models, output_format
):
    folder = copy_articles(tmp_path / "in")
    copy_articles(folder, SHORT_ARTICLES[:1], subfolder="sub")
    total = len(SHORT_ARTICLES) + 1
    out = tmp_path / "out"
    ledger = out / STATE_DIR / "ledger.jsonl"
    process = subprocess.Popen([*quotex_command(), "batch", str(folder), "--out", str(out),
                                "-f", output_format, "--batch-size", "1", "--quiet"])
    try:
        deadline = time.monotonic() + FIRST_OUTPUT_TIMEOUT_S
        # the first output is complete once its ledger line is (the line comes after it)
        while not (ledger.is_file() and "\n" in ledger.read_text(encoding="utf-8")):
            assert process.poll() is None, "the batch ended before its first output"
            assert time.monotonic() < deadline, "no output in time"
            time.sleep(0.01)
        assert process.poll() is None
    finally:
        process.kill()  # SIGKILL: no clean-up of any kind
        process.wait()

    parts = out / STATE_DIR / f"parts-{output_format}"
    for path in (out if output_format == "json" else parts).rglob(f"*.{output_format}"):
        json.loads(path.read_text(encoding="utf-8"))  # each whole, none half-written
    assert not (out / "articles.jsonl").exists()

    resumed = run_batch(BatchOptions([folder], out, output_format, batch_size=1))
    assert resumed.exit_code == 0
    assert resumed.up_to_date >= 1 and resumed.processed >= 1
    assert resumed.up_to_date + resumed.processed == total

    reference = tmp_path / "reference"
    run_batch(BatchOptions([folder], reference, output_format, batch_size=1))
    if output_format == "json":
        assert article_outputs(out) == article_outputs(reference)
        assert len(article_outputs(out)) == total
    else:
        stream = (out / "articles.jsonl").read_text(encoding="utf-8")
        assert stream == (reference / "articles.jsonl").read_text(encoding="utf-8")
        assert len(stream.splitlines()) == total
    assert not any((out / STATE_DIR / "tmp").iterdir())


def test_csv_stream_is_excel_ready_with_one_row_per_statement(tmp_path, models):
    folder = copy_articles(tmp_path / "in", SHORT_ARTICLES[:2])
    as_json = run_batch(BatchOptions([folder], tmp_path / "json"))
    result = runner.invoke(app, ["batch", str(folder), "--out", str(tmp_path / "csv"),
                                 "-f", "csv"])
    assert result.exit_code == 0, result.output
    data = (tmp_path / "csv" / "statements.csv").read_bytes()
    assert data.startswith(BOM)
    rows = list(csv.DictReader(io.StringIO(data[len(BOM):].decode("utf-8"))))
    quotes = [q for content in article_outputs(tmp_path / "json").values()
              for q in json.loads(content)["quotes"]]
    assert len(rows) == len(quotes) == as_json.statements > 0
    assert [row["text"] for row in rows] == [q["text"] for q in quotes]  # Persian intact


def test_worker_processes_give_the_same_outputs(tmp_path, models):
    folder = copy_articles(tmp_path / "in", SHORT_ARTICLES)
    one = run_batch(BatchOptions([folder], tmp_path / "one", batch_size=1))
    two = run_batch(BatchOptions([folder], tmp_path / "two", jobs=2, batch_size=1))
    assert (one.processed, two.processed) == (len(SHORT_ARTICLES),) * 2
    assert article_outputs(tmp_path / "one") == article_outputs(tmp_path / "two")


def test_speakers_reads_real_batch_output(tmp_path, models):
    folder = copy_articles(tmp_path / "in", (SEED.name,))
    run_batch(BatchOptions([folder], tmp_path / "out"))
    result = runner.invoke(app, ["speakers", str(tmp_path / "out"), "-f", "json"])
    assert result.exit_code == 0, result.output
    names = {entry["name"] for entry in json.loads(result.stdout)}
    assert "حسین خوش اقبال" in names


def test_parallel_workers_get_even_chunks(tmp_path: Path) -> None:
    def size(jobs: int, files: int) -> int:
        return batch.chunk_size(BatchOptions([tmp_path], tmp_path / "out", jobs=jobs), files)

    assert size(1, 50) == DEFAULT_BATCH_SIZE  # serial: one model call per full chunk
    assert size(2, 50) == 7  # 8 chunks, not 16+16+16+2 for two workers
    assert size(2, 3) == 1
    assert size(4, 10_000) == DEFAULT_BATCH_SIZE
