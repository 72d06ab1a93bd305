"""`quotex eval`: the package's scorer, on small hand-made gold and results, and against
the evaluation kit's score.py on the dev set."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO
from typer.testing import CliRunner

from quotex import evaluate as scorer
from quotex.cli import app

runner = CliRunner()
EVAL_KIT = REPO.parent / "shared" / "eval"

STATEMENT = "بودجه امسال برای ساخت مدرسه‌های تازه در روستاها کافی نیست"


def write(folder: Path, name: str, data: object) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def gold_quote(text: str, speaker: str | None, title: str | None = None,
               kind: str = "direct") -> dict:
    return {"speaker": speaker, "speaker_title": title, "type": kind, "cue": "گفت",
            "text": text}


def result_quote(text: str, name: str | None, title: str | None = None,
                 kind: str = "direct", speaker_kind: str = "person") -> dict:
    return {"text": text, "type": kind,
            "speaker": {"name": name, "title": title, "kind": speaker_kind}}


def score_one(tmp_path: Path, gold: dict, result: dict) -> dict:
    write(tmp_path / "gold", "a", gold)
    write(tmp_path / "out", "a", result)
    return scorer.evaluate(tmp_path / "gold", tmp_path / "out").to_dict()


def test_norm_maps_letter_variants_digits_zwnj_and_punctuation():
    assert scorer.norm("مدرسه‌هاي كوچك، ۱۲ «تا»") == scorer.norm("مدرسههای کوچک 12 تا")
    assert scorer.name_key("سید علی رضایی") == scorer.name_key("علی رضايي") == "علی رضایی"


def test_token_f1_counts_repeated_words_once_each():
    assert scorer.token_f1("الف الف ب", "الف ب ب") == pytest.approx(2 / 3)
    assert scorer.token_f1("", "الف") == 0.0


def test_a_matched_statement_with_its_speaker_scores_one(tmp_path):
    # the result writes Arabic ي/ك, no ZWNJ, and leaves out سید: all still match
    gold = {"quotes": [gold_quote(STATEMENT, "سید علی رضایی", "مدیرکل آموزش و پرورش")],
            "people": [{"name": "سید علی رضایی", "titles": []}]}
    text = STATEMENT.replace("ی", "ي").replace("\u200c", "")
    result = {"quotes": [result_quote(text, "علي رضايي", "مدیرکل آموزش")],
              "people": [{"name": "علی رضایی"}]}
    scores = score_one(tmp_path, gold, result)
    assert scores["quote_detection"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert scores["attributed_quote"]["f1"] == 1.0
    assert scores["entities"]["people"]["f1"] == 1.0
    assert scores["title_token_f1_on_matched"] == pytest.approx(round(2 * 1 * 0.5 / 1.5, 4))


def test_a_wrong_speaker_matches_the_text_but_not_the_attribution(tmp_path):
    gold = {"quotes": [gold_quote(STATEMENT, "علی رضایی")]}
    result = {"quotes": [result_quote(STATEMENT, "حسن رضایی", kind="indirect")]}
    scores = score_one(tmp_path, gold, result)
    assert scores["quote_detection"]["f1"] == 1.0
    assert scores["attributed_quote"]["f1"] == 0.0
    assert scores["type_accuracy_on_matched"] == 0.0


def test_a_text_sharing_under_half_its_words_is_no_match(tmp_path):
    gold = {"quotes": [gold_quote(STATEMENT, "علی رضایی")]}
    result = {"quotes": [result_quote("بودجه امسال تمام شد و کاری نمی‌شود کرد", "علی رضایی")]}
    scores = score_one(tmp_path, gold, result)
    assert scores["counts"]["q_match"] == 0
    assert scores["quote_detection"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_an_unnamed_speaker_is_right_by_title_and_only_without_a_name(tmp_path):
    gold = {"quotes": [gold_quote(STATEMENT, None, "یک مقام آگاه در وزارت نیرو")]}
    by_title = score_one(tmp_path, gold, {"quotes": [
        result_quote(STATEMENT, None, "مقام آگاه وزارت نیرو")]})
    assert by_title["attributed_quote"]["f1"] == 1.0
    named = score_one(tmp_path, gold, {"quotes": [
        result_quote(STATEMENT, "علی رضایی", "مقام آگاه وزارت نیرو")]})
    assert named["attributed_quote"]["f1"] == 0.0


def test_organization_statements_are_left_out_and_counted(tmp_path):
    gold = {"quotes": [gold_quote(STATEMENT, "علی رضایی")]}
    result = {"quotes": [
        result_quote(STATEMENT, "علی رضایی"),
        result_quote("ثبت‌نام داوطلبان از فردا آغاز می‌شود", "وزارت کشور",
                     speaker_kind="organization"),
    ]}
    scores = score_one(tmp_path, gold, result)
    assert scores["counts"]["org_skipped"] == 1
    assert scores["quote_detection"]["precision"] == 1.0


def test_each_gold_statement_takes_its_best_match_once(tmp_path):
    other = "ساخت مدرسه‌های تازه در شهرها هم کند پیش می‌رود و باید فکری کرد"
    gold = {"quotes": [gold_quote(STATEMENT, "علی رضایی"), gold_quote(other, "علی رضایی")]}
    result = {"quotes": [result_quote(other, "علی رضایی"), result_quote(other, "علی رضایی")]}
    scores = score_one(tmp_path, gold, result)
    assert scores["per_article"]["a"] == {"gold": 2, "pred": 2, "matched": 1, "attributed": 1}


def test_entities_people_exact_places_fuzzy(tmp_path):
    gold = {"quotes": [], "people": ["علی رضایی"], "organizations": ["وزارت آموزش و پرورش"],
            "locations": [{"name": "استان فارس"}]}
    result = {"quotes": [], "people": [{"name": "رضایی"}],
              "organizations": [{"name": "آموزش و پرورش"}], "locations": ["فارس"]}
    entities = score_one(tmp_path, gold, result)["entities"]
    assert entities["people"]["f1"] == 0.0
    assert entities["organizations"]["f1"] == 1.0
    assert entities["locations"]["f1"] == 1.0


def test_missing_and_unreadable_results_count_as_empty(tmp_path):
    write(tmp_path / "gold", "a", {"quotes": [gold_quote(STATEMENT, "علی رضایی")]})
    write(tmp_path / "gold", "b", {"quotes": [gold_quote(STATEMENT, "علی رضایی")]})
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "b.json").write_text("{not json", encoding="utf-8")
    scores = scorer.evaluate(tmp_path / "gold", tmp_path / "out").to_dict()
    assert scores["missing_predictions"] == ["a.json", "b.json (unreadable)"]
    assert scores["quote_detection"]["recall"] == 0.0


def test_cli_prints_the_summary_json_and_problems(tmp_path):
    write(tmp_path / "gold", "a", {"quotes": [gold_quote(STATEMENT, "علی رضایی"),
                                              gold_quote("کار ساخت مدرسه هفته آینده آغاز می‌شود",
                                                         "حسن کریمی")]})
    write(tmp_path / "out", "a", {"quotes": [result_quote(STATEMENT, "حسن رضایی")]})
    args = ["eval", str(tmp_path / "gold"), str(tmp_path / "out")]
    text = runner.invoke(app, args)
    assert text.exit_code == 0, text.output
    lines = text.stdout.splitlines()
    assert lines[0] == "articles: 1  missing predictions: 0  organization quotes skipped: 0"
    assert lines[1] == "quote_detection              P=1.000 R=0.500 F1=0.667"
    as_json = runner.invoke(app, [*args, "--format", "json"])
    assert json.loads(as_json.stdout)["attributed_quote"]["f1"] == 0.0
    verbose = runner.invoke(app, [*args, "--verbose"])
    assert "[a] WRONG SPEAKER: pred=('حسن رضایی', '')" in verbose.stderr
    assert "[a] MISSED: حسن کریمی | کار ساخت مدرسه" in verbose.stderr


def test_cli_errors_are_one_line(tmp_path):
    missing = runner.invoke(app, ["eval", str(tmp_path / "nope"), str(tmp_path)])
    assert missing.exit_code == 1
    assert "no such folder (gold)" in missing.stderr and "Traceback" not in missing.output
    (tmp_path / "gold").mkdir()
    empty = runner.invoke(app, ["eval", str(tmp_path / "gold"), str(tmp_path)])
    assert empty.exit_code == 1 and "no gold files" in empty.stderr
    (tmp_path / "gold" / "a.json").write_text("[]", encoding="utf-8")
    bad = runner.invoke(app, ["eval", str(tmp_path / "gold"), str(tmp_path)])
    assert bad.exit_code == 1 and "not a gold file" in bad.stderr


@pytest.mark.skipif(not (EVAL_KIT / "score.py").is_file(), reason="no ../shared/eval here")
def test_same_figures_as_score_py_on_the_dev_set(tmp_path):
    from models import require_models

    require_models()
    gold_dir = EVAL_KIT / "dev"
    articles = tmp_path / "in"
    articles.mkdir()
    for gold in sorted(gold_dir.glob("*.json")):  # as run-dev.sh copies them
        source = EVAL_KIT.parent / json.loads(gold.read_text(encoding="utf-8"))["article"]
        shutil.copyfile(source, articles / (gold.stem + source.suffix))
    batch = runner.invoke(app, ["batch", str(articles), "--out", str(tmp_path / "out"), "-q"])
    assert batch.exit_code == 0, batch.output

    def reference(*options: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, str(EVAL_KIT / "score.py"), str(gold_dir), str(tmp_path / "out"),
             *options], capture_output=True, text=True, check=True)

    args = ["eval", str(gold_dir), str(tmp_path / "out")]
    ours = runner.invoke(app, [*args, "--format", "json"])
    assert json.loads(ours.stdout) == json.loads(reference("--json").stdout)
    assert json.loads(ours.stdout)["quote_detection"]["f1"] > 0.5  # the batch really ran
    ours_text = runner.invoke(app, [*args, "--verbose"])
    theirs_text = reference("--verbose")
    assert ours_text.stdout == theirs_text.stdout
    assert ours_text.stderr == theirs_text.stderr
