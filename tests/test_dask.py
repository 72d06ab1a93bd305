"""`quotex batch --dask`: a real two-worker LocalCluster against a serial run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from models import require_models
from test_batch import SHORT_ARTICLES, copy_articles
from typer.testing import CliRunner

from quotex.batch import STATE_DIR, BatchOptions, run_batch
from quotex.cli import app

distributed = pytest.importorskip("distributed")
runner = CliRunner()


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes, one thread each, shared by this module's tests."""
    require_models()
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as local:
        yield local


def outputs(out: Path) -> dict[str, bytes]:
    """Every file a run leaves for its user (its state folder aside), byte for byte."""
    return {str(path.relative_to(out)): path.read_bytes() for path in sorted(out.rglob("*"))
            if path.is_file() and STATE_DIR not in path.relative_to(out).parts}


def test_dask_run_writes_what_a_serial_run_writes(tmp_path, cluster):
    folder = copy_articles(tmp_path / "in", SHORT_ARTICLES)
    (folder / "empty.txt").write_text("", encoding="utf-8")  # a failure, in errors.jsonl
    serial = run_batch(BatchOptions([folder], tmp_path / "serial", batch_size=1))
    result = runner.invoke(app, ["batch", str(folder), "--out", str(tmp_path / "dask"),
                                 "--dask", cluster.scheduler_address, "--batch-size", "1"])
    assert result.exit_code == 1, result.output  # the empty file
    assert serial.processed == len(SHORT_ARTICLES) and len(serial.failures) == 1
    assert outputs(tmp_path / "dask") == outputs(tmp_path / "serial")
    assert "extracted" in result.stdout and "4" in result.stdout


def test_worker_killed_mid_batch_loses_and_duplicates_nothing(tmp_path, cluster):
    articles = SHORT_ARTICLES[:2]  # two chunks: the second one's worker dies
    folder = copy_articles(tmp_path / "in", articles)
    marker = tmp_path / "killed"

    class KillOnSecondChunk(distributed.WorkerPlugin):
        """Kills its worker process as the second chunk starts there, once."""

        def transition(self, key, start, finish, **kwargs):
            if finish == "executing" and str(key).endswith("-1") and not marker.exists():
                marker.touch()
                os._exit(1)

    with distributed.Client(cluster) as client:
        client.register_plugin(KillOnSecondChunk(), name="kill-on-second-chunk")
        try:
            options = BatchOptions([folder], tmp_path / "dask", "jsonl", batch_size=1,
                                   dask=cluster.scheduler_address)
            killed = run_batch(options)
        finally:
            client.unregister_worker_plugin("kill-on-second-chunk")
    assert marker.exists()  # a worker did die
    assert killed.processed == len(articles) and not killed.failures
    run_batch(BatchOptions([folder], tmp_path / "serial", "jsonl", batch_size=1))
    assert outputs(tmp_path / "dask") == outputs(tmp_path / "serial")
    rerun = run_batch(options)
    assert (rerun.processed, rerun.up_to_date) == (0, len(articles))
    stream = (tmp_path / "dask" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(stream) == len(articles) == len(set(stream))
    assert outputs(tmp_path / "dask") == outputs(tmp_path / "serial")


def test_unreachable_scheduler_is_one_line(tmp_path):
    folder = copy_articles(tmp_path / "in", SHORT_ARTICLES[:1])
    result = runner.invoke(app, ["batch", str(folder), "--out", str(tmp_path / "out"),
                                 "--dask", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output
