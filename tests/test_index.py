"""`quotex speakers` over batch output: speakers merged across articles, word search."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotex import index, render
from quotex.cli import app
from quotex.model import Article, Quote, Speaker

runner = CliRunner()


def quote(text: str, name: str | None, title: str | None, kind: str = "person",
          gender: str = "unknown") -> Quote:
    speaker = Speaker("s1", name, title, kind, gender=gender)  # type: ignore[arg-type]
    return Quote(text, "direct", "گفت", 0, len(text), 0.9, speaker)


# Three articles as batch writes them. The same minister is spelled with Arabic ي/ك and
# with a space for a ZWNJ in the second; a spokesman is known only by his title.
ARTICLES = [
    Article("in/a.txt", quotes=[
        quote("بودجه کشور امسال کافی نیست.", "علی لاریجانی", "وزیر کشور", gender="male"),
        quote("مذاکرات ادامه می‌یابد.", "علی لاریجانی", "وزیر کشور", gender="male"),
        quote("جلسه فردا برگزار می‌شود.", None, "سخنگوی دولت"),
    ]),
    Article("in/sub/b.txt", quotes=[
        quote("كار به زودي تمام مي شود.", "علي لاريجاني", "وزير كشور", gender="male"),
        quote("سهمیه‌ها تغییر نمی‌کند.", "مریم کاظمی", "معاون وزیر", gender="female"),
        quote("قیمت‌ها ثابت می‌ماند.", "بانک مرکزی", None, kind="organization"),
        quote("هیچ تصمیمی گرفته نشده است.", None, "سخنگوی دولت"),
    ]),
    Article("in/c.txt", quotes=[
        quote("ما آماده‌ایم.", "علی لاریجانی", "نماینده مجلس", gender="male"),
    ]),
]


def write_json_output(folder: Path) -> Path:
    for article in ARTICLES:
        path = folder / Path(article.source).relative_to("in").with_suffix(".json")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render.to_json(article), encoding="utf-8")
    (folder / "errors.jsonl").write_text('{"source": "x", "error": "x: empty input"}\n')
    (folder / ".quotex-batch").mkdir()
    (folder / ".quotex-batch" / "ledger.json").write_text("not batch output")
    return folder


def test_speakers_merge_across_articles_by_normalized_name(tmp_path):
    summaries = index.speaker_index(index.load_statements(write_json_output(tmp_path)))
    by_label = {s.label: s for s in summaries}
    minister = by_label["علی لاریجانی"]
    assert minister.statements == 4
    assert minister.articles == ["in/a.txt", "in/c.txt", "in/sub/b.txt"]
    assert minister.titles == ["وزیر کشور", "نماینده مجلس"]  # most frequent first
    assert summaries[0] is minister


def test_speakers_show_in_standard_letters_when_only_arabic_ones_were_written(tmp_path):
    (tmp_path / "old.json").write_text(render.to_json(ARTICLES[1]), encoding="utf-8")
    summaries = index.speaker_index(index.load_statements(tmp_path))
    minister = next(s for s in summaries if s.name and "لار" in s.name)
    assert (minister.name, minister.titles) == ("علی لاریجانی", ["وزیر کشور"])


def test_title_only_speakers_merge_by_title_and_organizations_stay_apart(tmp_path):
    summaries = index.speaker_index(index.load_statements(write_json_output(tmp_path)))
    spokesman = next(s for s in summaries if s.name is None)
    assert (spokesman.titles, spokesman.statements) == (["سخنگوی دولت"], 2)
    bank = next(s for s in summaries if s.kind == "organization")
    assert (bank.name, bank.statements, bank.articles) == ("بانک مرکزی", 1, ["in/sub/b.txt"])
    assert len(summaries) == 4


@pytest.mark.parametrize("word", ["میشود", "مي‌شود", "می شود"])
def test_search_matches_across_arabic_letters_and_zwnj(tmp_path, word):
    statements = index.load_statements(write_json_output(tmp_path))
    found = index.search_statements(statements, word)
    assert sorted(s.text for s in found) == ["جلسه فردا برگزار می‌شود.", "كار به زودي تمام مي شود."]


def test_search_for_nothing_finds_nothing(tmp_path):
    statements = index.load_statements(write_json_output(tmp_path))
    assert index.search_statements(statements, " \u200c ") == []


def test_jsonl_and_csv_streams_give_the_same_index(tmp_path):
    expected = index.speaker_index(index.load_statements(write_json_output(tmp_path / "json")))
    (tmp_path / "jsonl").mkdir()
    (tmp_path / "jsonl" / "articles.jsonl").write_text(
        "".join(render.to_jsonl_line(a) + "\n" for a in ARTICLES), encoding="utf-8")
    (tmp_path / "csv").mkdir()
    (tmp_path / "csv" / "statements.csv").write_text(
        "\ufeff" + render.to_csv(ARTICLES), encoding="utf-8")
    for folder in ("jsonl", "csv"):
        assert index.speaker_index(index.load_statements(tmp_path / folder)) == expected


def test_cli_speakers_json_and_csv(tmp_path):
    folder = str(write_json_output(tmp_path))
    result = runner.invoke(app, ["speakers", folder, "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data[0] == {"name": "علی لاریجانی", "kind": "person", "gender": "male",
                       "titles": ["وزیر کشور", "نماینده مجلس"], "statements": 4,
                       "articles": ["in/a.txt", "in/c.txt", "in/sub/b.txt"]}
    result = runner.invoke(app, ["speakers", folder, "-f", "csv"])
    assert result.exit_code == 0 and result.stdout.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert rows[0]["name"] == "علی لاریجانی" and rows[0]["articles"] == "3"
    assert rows[0]["gender"] == "male"


# People's statements in ARTICLES: four by him, one by her, two by the spokesman
# (unknown); the bank's is an organization's and counts for no gender.
GENDER_SHARE = {"statements": 7, "female": {"statements": 1, "share": 0.1429},
                "male": {"statements": 4, "share": 0.5714},
                "unknown": {"statements": 2, "share": 0.2857}}


def test_gender_share_of_peoples_statements(tmp_path):
    share = index.gender_share(index.load_statements(write_json_output(tmp_path)))
    assert share.to_dict() == GENDER_SHARE
    assert share.line() == ("statements by people, by gender: female 1 (14%) · male 4 (57%) "
                            "· unknown 2 (29%)")


def test_cli_speakers_gender_share_in_each_format(tmp_path):
    folder = str(write_json_output(tmp_path))
    result = runner.invoke(app, ["speakers", folder, "--gender", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == GENDER_SHARE
    result = runner.invoke(app, ["speakers", folder, "--gender", "-f", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert [(r["gender"], r["statements"], r["share"]) for r in rows] == [
        ("female", "1", "0.1429"), ("male", "4", "0.5714"), ("unknown", "2", "0.2857")]
    result = runner.invoke(app, ["speakers", folder, "--gender", "-f", "table"])
    assert result.exit_code == 0 and "57.1%" in result.stdout
    result = runner.invoke(app, ["speakers", folder, "-f", "table", "--rtl", "off"])
    assert "female 1 (14%)" in result.stdout  # under the speakers table too


def test_cli_search_table_and_json(tmp_path):
    folder = str(write_json_output(tmp_path))
    result = runner.invoke(app, ["speakers", folder, "--search", "بودجه", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert [row["speaker"] for row in json.loads(result.stdout)] == ["علی لاریجانی"]
    result = runner.invoke(app, ["speakers", folder, "--search", "بودجه", "--rtl", "off",
                                 "-f", "table"])
    assert result.exit_code == 0 and "بودجه کشور امسال کافی نیست." in result.stdout


def test_cli_speakers_table_lists_each_speaker(tmp_path):
    result = runner.invoke(app, ["speakers", str(write_json_output(tmp_path)), "-f", "table",
                                 "--rtl", "off"])
    assert result.exit_code == 0, result.output
    for shown in ("علی لاریجانی", "سخنگوی دولت", "بانک مرکزی"):
        assert shown in result.stdout


@pytest.mark.parametrize("setup", ["missing", "empty", "broken"])
def test_cli_speakers_on_no_batch_output_is_one_clear_line(tmp_path, setup):
    folder = tmp_path / "out"
    if setup != "missing":
        folder.mkdir()
    if setup == "broken":
        (folder / "a.json").write_text("{not json", encoding="utf-8")
    result = runner.invoke(app, ["speakers", str(folder)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output and str(folder) in result.output
