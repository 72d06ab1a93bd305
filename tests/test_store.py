"""The quotes database (quotex.store): schema, full-text search, replace, rollback,
provenance groups, `quotex batch --db` resume and kill, `speakers --quotes`."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
import sqlite_utils
from badfiles import quotex_command
from test_batch import FIRST_OUTPUT_TIMEOUT_S, SHORT_ARTICLES, copy_articles
from typer.testing import CliRunner

from quotex.batch import BatchOptions, run_batch
from quotex.cli import app
from quotex.model import Article, Entity, Person, Quote, Speaker
from quotex.store import QuoteStore

runner = CliRunner()

# Written for these tests: an agency story (a), the same statement republished a day
# earlier with a word changed (b), and a later article quoting it cut short, its ZWNJs
# lost (c).
BUDGET = ("دولت تا پایان سال جاری همه طرح‌های نیمه‌تمام آب‌رسانی روستاهای استان را به "
          "بهره‌برداری می‌رساند و برای این کار اعتبار ویژه‌ای در نظر گرفته شده است.")
BUDGET_REWORDED = BUDGET.replace("سال جاری", "امسال")
BUDGET_CUT = ("دولت تا پایان سال جاری همه طرحهای نیمهتمام آبرسانی روستاهای استان را به "
              "بهرهبرداری میرساند")
OTHER = "قیمت نان در استان تا پایان سال تغییر نمی‌کند و نانوایان باید نرخ‌نامه را نصب کنند."


def quote(text: str, name: str | None, title: str | None, kind: str = "person") -> Quote:
    speaker = Speaker("s1", name, title, kind)  # type: ignore[arg-type]
    return Quote(text, "direct", "گفت", 0, len(text), 0.9, speaker, 0, 3)


def article_dict(article: Article, published: str | None = None,
                 gender: str | None = None) -> dict:
    """Article.to_dict() with the fields other features add (date, speaker gender)."""
    data = article.to_dict()
    data["published"] = {"iso": published, "jalali": "1402-05-12"} if published else None
    for q in data["quotes"]:
        q["speaker"]["gender"] = gender
    return data


ARTICLES = {
    "a": (article_dict(Article("in/a.txt", quotes=[
        quote(BUDGET, "علی لاریجانی", "وزیر کشور"),
        quote(OTHER, "علی لاریجانی", "وزیر کشور"),
    ], people=[Person("p1", "علی لاریجانی", ["وزیر کشور"], 3)],
        locations=[Entity("تهران", 2)]), "2023-08-04", "male"),
        "خبر اول\n\nمتن خبر اول"),
    "b": (article_dict(Article("in/b.txt", quotes=[
        quote(BUDGET_REWORDED, "علي لاريجاني", "وزیر کشور"),
        quote("جلسه فردا برگزار می‌شود.", None, "سخنگوی دولت"),
    ], organizations=[Entity("بانک مرکزی", 1)], locations=[Entity("تهران", 1)]),
        "2023-08-03", "male"), "خبر دوم\nمتن"),
    "c": (article_dict(Article("in/c.txt", quotes=[
        quote(BUDGET_CUT, "لاریجانی", "نماینده مجلس"),
    ])), "\n  خبر سوم  \nمتن"),
}


def fill(path: Path, names=("a", "b", "c")) -> QuoteStore:
    store = QuoteStore(path)
    with store.transaction():
        for name in names:
            data, text = ARTICLES[name]
            store.put(name, data["source"], text, f"hash-{name}/0.6.0/models-1", data)
    return store


def rows(db: sqlite_utils.Database, sql: str, params=()) -> list[tuple]:
    return db.execute(sql, params).fetchall()


def test_schema_keys_indexes_and_fts5(tmp_path):
    fill(tmp_path / "q.db").close()
    db = sqlite_utils.Database(tmp_path / "q.db")
    assert {"articles", "statements", "speakers", "statement_groups", "entities", "mentions",
            "failures", "statements_fts", "speakers_fts"} <= set(db.table_names())
    assert {(fk.column, fk.other_table) for fk in db["statements"].foreign_keys} == {
        ("article_id", "articles"), ("speaker_id", "speakers"),
        ("group_id", "statement_groups")}
    assert {(fk.column, fk.other_table) for fk in db["mentions"].foreign_keys} == {
        ("article_id", "articles"), ("entity_id", "entities")}
    indexed = {tuple(i.columns) for i in db["statements"].indexes}
    assert {("article_id",), ("speaker_id",), ("group_id",)} <= indexed
    assert "fts5" in db["statements_fts"].schema.lower()
    assert rows(db, "pragma foreign_key_check") == []
    assert rows(db, "pragma integrity_check") == [("ok",)]


def test_rows_carry_article_date_title_and_speaker_gender(tmp_path):
    db = fill(tmp_path / "q.db").db
    assert rows(db, "select name, title, published, published_jalali, statements from "
                    "articles order by name") == [
        ("a", "خبر اول", "2023-08-04", "1402-05-12", 2),
        ("b", "خبر دوم", "2023-08-03", "1402-05-12", 2),
        ("c", "خبر سوم", None, None, 1)]
    assert {r[0] for r in rows(db, "select speaker_gender from statements")} == {"male", None}
    assert rows(db, "select count(*) from statements where published = '2023-08-04'") == [(2,)]


def test_one_speaker_row_per_person_across_articles(tmp_path):
    db = fill(tmp_path / "q.db").db
    # Arabic ي in b is the same person; c names him by surname only (another key)
    (name, titles, gender, statements, articles), = rows(
        db, "select name, titles, gender, statements, articles from speakers "
            "where id = 'person:علی لاریجانی'")
    assert (name, json.loads(titles), gender, statements, articles) == (
        "علی لاریجانی", ["وزیر کشور"], "male", 3, 2)
    assert rows(db, "select kind, statements from speakers where id = 'title:سخنگوی دولت'") == [
        ("person", 1)]
    assert rows(db, "select e.name, e.articles from entities e where kind = 'location'") == [
        ("تهران", 2)]


def test_full_text_search_on_statement_text_and_speaker_names(tmp_path):
    db = fill(tmp_path / "q.db").db
    found = rows(db, "select s.text from statements s join statements_fts f "
                     "on f.rowid = s.id where statements_fts match ? order by s.id", ["نانوایان"])
    assert found == [(OTHER,)]
    by_speaker = rows(db, "select count(*) from statements_fts where statements_fts match ?",
                      ['speaker_title:"سخنگوی دولت"'])
    assert by_speaker == [(1,)]
    # a word written without its ZWNJ finds it written with one too (normalized_text)
    assert rows(db, "select count(*) from statements_fts where statements_fts match ?",
                ["طرحهای"]) == [(3,)]
    assert rows(db, "select name from speakers_fts where speakers_fts match ?",
                ["لاریجانی"]) == [("علی لاریجانی",), ("لاریجانی",)]


def test_a_changed_article_is_replaced_never_duplicated(tmp_path):
    store = fill(tmp_path / "q.db")
    data, text = ARTICLES["a"]
    changed = {**data, "quotes": data["quotes"][:1]}
    assert store.current("a", "hash-a/0.6.0/models-1") == 2
    assert store.current("a", "hash-a/0.8.0/models-1") is None  # a new quotex redoes it
    store.put("a", data["source"], text, "hash-a2/0.6.0/models-1", changed)
    db = store.db
    assert rows(db, "select count(*) from articles where name = 'a'") == [(1,)]
    assert rows(db, "select count(*) from statements") == [(4,)]
    assert rows(db, "select count(*) from statements_fts where statements_fts match ?",
                ["نانوایان"]) == [(0,)]  # the FTS index follows
    assert rows(db, "select statements from speakers where id = 'person:علی لاریجانی'") == [(2,)]
    assert rows(db, "select count(*) from mentions") == [(4,)]  # a: 2, b: 2, c: none


def test_a_failure_mid_transaction_leaves_no_part_of_the_chunk(tmp_path):
    store = fill(tmp_path / "q.db", ("a",))
    with pytest.raises(RuntimeError), store.transaction():
        data, text = ARTICLES["b"]
        store.put("b", data["source"], text, "hash-b/0.6.0/models-1", data)
        raise RuntimeError("killed between two articles of one chunk")
    db = store.db
    assert rows(db, "select name from articles") == [("a",)]
    assert rows(db, "select count(*) from statements") == [(2,)]
    assert rows(db, "select count(*) from statements_fts") == [(2,)]
    assert rows(db, "select id from speakers order by id") == [("person:علی لاریجانی",)]


def test_groups_span_articles_and_start_where_first_published(tmp_path):
    store = fill(tmp_path / "q.db")
    assert store.refresh_groups() == 1
    db = store.db
    (group_id, articles, statements, first), = rows(
        db, "select g.id, g.articles, g.statements, a.name from statement_groups g "
            "join articles a on a.id = g.first_article_id where g.articles > 1")
    assert (articles, statements, first) == (3, 3, "b")  # b is dated a day earlier
    members = rows(db, "select text from statements where group_id = ? order by id", [group_id])
    assert members == [(BUDGET,), (BUDGET_REWORDED,), (BUDGET_CUT,)]
    assert rows(db, "select count(*) from statements where group_id is null") == [(0,)]


def test_a_second_writer_is_refused(tmp_path):
    from quotex.store import StoreError

    store = fill(tmp_path / "q.db", ("a",))
    with pytest.raises(StoreError, match="another quotex batch"):
        QuoteStore(tmp_path / "q.db")
    store.close()
    QuoteStore(tmp_path / "q.db").close()


def test_not_a_database_is_one_clear_line(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("just text, not SQLite\n" * 100)
    result = runner.invoke(app, ["speakers", str(bad)])
    assert result.exit_code == 1
    assert "not a quotes database" in result.stderr
    assert "Traceback" not in result.output


# ---------------------------------------------------------------- speakers --quotes


def write_batch_folder(folder: Path) -> Path:
    for name, (data, _text) in ARTICLES.items():
        (folder / f"{name}.json").parent.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False))
    return folder


@pytest.mark.parametrize("kind", ["folder", "db"])
def test_speakers_quotes_lists_each_statement_once_with_where_first_seen(tmp_path, kind):
    if kind == "folder":
        path = write_batch_folder(tmp_path / "out")
    else:
        path = tmp_path / "q.db"
        store = fill(path)
        store.finish()
        store.close()
    result = runner.invoke(app, ["speakers", str(path), "--quotes", "علی لاریجانی",
                                 "-f", "json"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    assert [(q["text"], q["first_source"], q["first_published"], q["also_in"])
            for q in listed] == [
        (BUDGET_REWORDED, "in/b.txt", "2023-08-03", ["in/a.txt", "in/c.txt"]),
        (OTHER, "in/a.txt", "2023-08-04", []),
    ]
    table = runner.invoke(app, ["speakers", str(path), "--quotes", "لاریجانی", "--rtl", "off",
                                "-f", "table"])
    assert table.exit_code == 0
    assert "in/c.txt" in table.stdout and "2023-08-03" in table.stdout
    as_csv = runner.invoke(app, ["speakers", str(path), "--quotes", "علی لاریجانی", "-f", "csv"])
    assert as_csv.stdout.count("in/b.txt") == 1


# ---------------------------------------------------------------- quotex batch --db


def table_rows(db_path: Path) -> dict[str, list[tuple]]:
    """What the database says, without row ids (which a replace renumbers)."""
    db = sqlite3.connect(db_path)
    return {
        "articles": db.execute("select name, title, content_hash, statements from articles "
                               "order by name").fetchall(),
        "statements": db.execute("select a.name, s.idx, s.text, s.speaker_id, s.start from "
                                 "statements s join articles a on a.id = s.article_id "
                                 "order by a.name, s.idx").fetchall(),
        "speakers": db.execute("select id, statements, articles from speakers "
                               "order by id").fetchall(),
        "fts": db.execute("select count(*) from statements_fts").fetchall(),
        "groups": db.execute("select count(*) from statements where group_id is null"
                             ).fetchall(),
    }


@pytest.fixture()
def models():
    from models import require_models

    require_models()


def test_batch_db_resumes_skips_and_replaces(tmp_path, models):
    folder = copy_articles(tmp_path / "in", SHORT_ARTICLES[:2])
    db_path = tmp_path / "quotes.db"
    first = run_batch(BatchOptions([folder], None, db=db_path))
    assert (first.processed, first.exit_code) == (2, 0)
    assert first.output is None and not (tmp_path / "errors.jsonl").exists()
    before = table_rows(db_path)
    assert before["statements"] and before["groups"] == [(0,)]
    assert (tmp_path / "quotes.metadata.json").is_file()

    again = run_batch(BatchOptions([folder], None, db=db_path))
    assert (again.processed, again.up_to_date, again.statements) == (0, 2, first.statements)
    assert table_rows(db_path) == before

    changed = folder / SHORT_ARTICLES[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nپایان.\n", encoding="utf-8")
    third = run_batch(BatchOptions([folder], tmp_path / "out", db=db_path))
    assert third.processed == 2  # the changed article, and both for the new folder
    after = table_rows(db_path)
    assert after["statements"] == before["statements"]  # same statements, none twice
    assert after["articles"] != before["articles"]  # the changed article's new hash
    assert len(after["articles"]) == 2
    # the database holds what the folder holds
    folder_quotes = [q["text"] for p in sorted((tmp_path / "out").glob("*.json"))
                     for q in json.loads(p.read_text(encoding="utf-8"))["quotes"]]
    assert [s[2] for s in after["statements"]] == folder_quotes


def test_killed_batch_db_resumes_to_the_database_of_an_uninterrupted_run(tmp_path, models):
    folder = copy_articles(tmp_path / "in", SHORT_ARTICLES)
    db_path = tmp_path / "quotes.db"
    process = subprocess.Popen([*quotex_command(), "batch", str(folder), "--db", str(db_path),
                                "--batch-size", "1", "--quiet"])
    try:
        deadline = time.monotonic() + FIRST_OUTPUT_TIMEOUT_S
        while True:  # until the first article is committed
            assert process.poll() is None, "the batch ended before its first article"
            assert time.monotonic() < deadline, "no article in time"
            with sqlite3.connect(db_path) as db:
                try:
                    if db.execute("select count(*) from articles").fetchone()[0]:
                        break
                except sqlite3.OperationalError:  # tables not created yet
                    pass
            time.sleep(0.05)
    finally:
        process.kill()  # SIGKILL: no clean-up of any kind
        process.wait()

    resumed = run_batch(BatchOptions([folder], None, db=db_path, batch_size=1))
    assert resumed.exit_code == 0
    assert resumed.up_to_date >= 1 and resumed.processed >= 1
    assert resumed.up_to_date + resumed.processed == len(SHORT_ARTICLES)
    reference = tmp_path / "reference.db"
    run_batch(BatchOptions([folder], None, db=reference, batch_size=1))
    assert table_rows(db_path) == table_rows(reference)
    assert sqlite3.connect(db_path).execute("pragma integrity_check").fetchone() == ("ok",)


def test_cli_batch_db_only_and_datasette_metadata_command(tmp_path, models):
    folder = copy_articles(tmp_path / "in", SHORT_ARTICLES[:1])
    result = runner.invoke(app, ["batch", str(folder), "--db", str(tmp_path / "q.db")])
    assert result.exit_code == 0, result.output
    assert "datasette" in result.stdout  # the command that browses it
    (tmp_path / "q.metadata.json").unlink()
    result = runner.invoke(app, ["datasette-metadata", str(tmp_path / "q.db")])
    assert result.exit_code == 0
    assert json.loads((tmp_path / "q.metadata.json").read_text())["databases"]["q"]
    missing = runner.invoke(app, ["datasette-metadata", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and "no such database" in missing.stderr
    neither = runner.invoke(app, ["batch", str(folder)])
    assert neither.exit_code == 2 and "--db" in neither.stderr

