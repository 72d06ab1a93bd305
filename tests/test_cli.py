"""The `quotex extract` command as a user runs it (Typer's CliRunner)."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import SEED
from models import require_models
from rich.console import Console
from typer.testing import CliRunner

from quotex.cli import app

runner = CliRunner()


@pytest.fixture(scope="module", autouse=True)
def _models():
    require_models()


def test_extract_json_has_the_seed_speaker_and_exact_offsets():
    result = runner.invoke(app, ["extract", str(SEED), "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    text = SEED.read_text(encoding="utf-8")
    names = {q["speaker"]["name"] for q in data["quotes"]}
    assert "حسین خوش اقبال" in names
    for quote in data["quotes"]:
        assert text[quote["start"]:quote["end"]] == quote["text"]


def test_extract_reads_stdin_and_writes_csv():
    text = "علی رضایی، مدیرکل بهزیستی استان فارس گفت: امسال بودجه کافی نداریم.\n"
    result = runner.invoke(app, ["extract", "-", "-f", "csv"], input=text.encode())
    assert result.exit_code == 0, result.output
    header, *rows = result.stdout.strip().splitlines()
    assert header.startswith("source,quote_index,speaker_id")
    assert len(rows) == 1 and "امسال بودجه کافی نداریم." in rows[0]


def test_extract_jsonl_gives_one_line_per_article(tmp_path):
    second = tmp_path / "b.txt"
    second.write_text("وزیر نیرو گفت: آب کم است.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(SEED), str(second), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert [json.loads(line)["source"] for line in lines] == [str(SEED), str(second)]


def test_extract_table_shows_the_statements(monkeypatch):
    monkeypatch.setattr("quotex.cli.stdout", Console(width=200, soft_wrap=False))  # wide terminal
    result = runner.invoke(app, ["extract", str(SEED), "-f", "table", "--rtl", "off"])
    assert result.exit_code == 0, result.output
    assert "خاطرنشان کرد" in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), (b"", "empty input"), (bytes(range(256)) * 4, "binary")],
)
def test_user_errors_give_one_line_and_nonzero_exit(tmp_path, content, message):
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_bytes(content)
    result = runner.invoke(app, ["extract", str(path), "-f", "json"])
    assert result.exit_code != 0
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_missing_model_folder_is_one_clear_line(tmp_path):
    result = runner.invoke(app, ["extract", str(SEED), "--model-dir", str(tmp_path / "none")])
    assert result.exit_code != 0
    assert "model folder not found" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(("damage", "message"), [("corrupt", "cannot read model file"),
                                                  ("missing", "model file missing")])
def test_a_damaged_model_file_is_one_clear_line(tmp_path, damage, message):
    from quotex.modelset import BUNDLED_DIR

    for model in BUNDLED_DIR.glob("*.pt"):
        shutil.copyfile(model, tmp_path / model.name)
    if damage == "corrupt":
        (tmp_path / "ner.pt").write_bytes(b"PK\x03\x04 half a download")
    else:
        (tmp_path / "ner.pt").unlink()
    result = runner.invoke(app, ["extract", str(SEED), "--model-dir", str(tmp_path)])
    assert result.exit_code != 0
    assert message in result.output and str(tmp_path / "ner.pt") in result.output
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_models_shows_the_set_in_use_and_its_scores():
    result = runner.invoke(app, ["models"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("model set: bundled")


def test_models_with_a_missing_folder_is_one_line(tmp_path):
    result = runner.invoke(app, ["models", "--model-dir", str(tmp_path / "none")])
    assert result.exit_code != 0 and len(result.output.strip().splitlines()) == 1


def test_version_prints_the_package_version():
    from quotex import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"quotex {__version__}"


def test_extract_prints_every_good_file_and_one_line_per_bad_one(tmp_path):
    missing = tmp_path / "missing.txt"
    result = runner.invoke(app, ["extract", str(SEED), str(missing), "-f", "jsonl"])
    assert result.exit_code == 1
    lines = result.stdout.strip().splitlines()
    assert [json.loads(line)["source"] for line in lines] == [str(SEED)]
    assert result.stderr.strip() == f"error: {missing}: no such file"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", str(SEED), "-f", "xml"],
         "error: --format must be one of table, json, jsonl, csv (got 'xml')"),
        (["extract", str(SEED), "--rtl", "yes"],
         "error: --rtl must be one of auto, on, off (got 'yes')"),
        (["extract", str(SEED), "--layout", "up"],
         "error: --layout must be one of ltr, rtl (got 'up')"),
        (["batch", str(SEED), "--out", "x", "-f", "table"],
         "error: --format must be one of json, jsonl, csv (got 'table')"),
        (["batch", str(SEED), "--out", "x", "--jobs", "0"],
         "error: --jobs must be at least 1 (got 0)"),
        (["batch", str(SEED), "--out", "x", "--batch-size", "many"],
         "error: --batch-size must be a whole number (got 'many')"),
        (["speakers", ".", "-f", "jsonl"],
         "error: --format must be one of table, json, csv (got 'jsonl')"),
    ],
)
def test_a_bad_option_value_is_one_plain_sentence(args, message):
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.output.strip() == message


def test_rtl_layout_from_the_command_line(monkeypatch):
    monkeypatch.setattr("quotex.cli.stdout", Console(width=120, soft_wrap=False))
    result = runner.invoke(app, ["extract", str(SEED), "-f", "table", "--rtl", "on",
                                 "--layout", "rtl"])
    assert result.exit_code == 0, result.output
    header = next(line for line in result.stdout.splitlines() if "speaker" in line)
    assert header.index("statement") < header.index("speaker") < header.index("#")
