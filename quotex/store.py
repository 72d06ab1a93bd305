"""The quotes database: `quotex batch --db quotes.db` writes SQLite (via sqlite-utils).

Tables (foreign keys in brackets):

    articles          one row per article: name (its path below the folder given, the
                      resume key with content_hash + quotex_version), source, title (its
                      first line), outlet, published (ISO) and published_jalali when the
                      Article has them, counts
    statements        one row per statement [article_id -> articles, speaker_id ->
                      speakers, group_id -> statement_groups], with the article's outlet
                      and date beside it so that Datasette can facet on them
    speakers          one row per speaker across articles (the key `quotex speakers`
                      merges by): name, kind, titles seen, gender, counts
    statement_groups  the same statement in several articles (quotex.provenance): its
                      first-seen article and date, how many articles carry it
    entities          one row per person, organization or location across articles
    mentions          an entity in an article [article_id, entity_id]: spelling, count
    failures          the last run's articles that could not be read or extracted

`statements_fts` (FTS5, kept in step by triggers) indexes statement text, its
normalized form (Arabic ي/ك folded, ZWNJs dropped: a search in Persian letters finds
an article written with Arabic ones) and speaker names and titles; `speakers_fts`
speaker names and titles.

Each chunk of articles is written in one transaction, and an article is deleted with
everything that hangs on it before its new rows go in, so a run killed at any moment
leaves every article either whole or absent. Speakers and groups span articles: they
are recomputed from the statements at the end of each run (a killed run leaves its new
statements ungrouped, `group_id` null, until the next run finishes).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from quotex import provenance
from quotex.batch import BatchError
from quotex.coref import name_key
from quotex.index import Statement, match_key, speaker_key


class StoreError(BatchError):
    """The database cannot be opened or written; the message is one line."""


ARTICLE_COLUMNS = {
    "id": int, "name": str, "source": str, "title": str, "outlet": str, "published": str,
    "published_jalali": str, "content_hash": str, "quotex_version": str, "statements": int,
    "words": int,
}
STATEMENT_COLUMNS = {
    "id": int, "article_id": int, "idx": int, "text": str, "normalized_text": str,
    "type": str, "cue": str,
    "start": int, "end": int, "cue_start": int, "cue_end": int, "confidence": float,
    "speaker_id": str, "speaker_name": str, "speaker_title": str, "speaker_kind": str,
    "speaker_gender": str, "speaker_mention": str, "group_id": int, "outlet": str,
    "published": str, "source": str,
}
SPEAKER_COLUMNS = {
    "id": str, "name": str, "kind": str, "titles": str, "gender": str, "statements": int,
    "articles": int,
}
GROUP_COLUMNS = {
    "id": int, "text": str, "first_article_id": int, "first_published": str,
    "statements": int, "articles": int,
}
ENTITY_COLUMNS = {"id": int, "kind": str, "key": str, "name": str, "articles": int}
MENTION_COLUMNS = {
    "id": int, "article_id": int, "entity_id": int, "name": str, "count": int, "titles": str,
}
ENTITY_KINDS = {"people": "person", "organizations": "organization", "locations": "location"}


class QuoteStore:
    """An open quotes database, locked for one writer."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            # flock on the database file itself: SQLite's own locks are fcntl locks,
            # which flock does not touch
            self._lock = open(self.path, "ab")  # noqa: SIM115
        except OSError as error:
            raise StoreError(f"{self.path}: cannot create database ({error.strerror})") from None
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock.close()
            raise StoreError(f"{self.path}: another quotex batch is writing there") from None
        try:
            self.db = sqlite_utils.Database(self.path)
            self.db.enable_wal()
            create_schema(self.db)
        except sqlite3.DatabaseError as error:
            self._lock.close()
            raise StoreError(f"{self.path}: not a quotes database ({error})") from None
        self._touched_speakers: set[str] = set()

    def close(self) -> None:
        self.db.close()
        self._lock.close()

    def current(self, name: str, key: str) -> int | None:
        """The statement count of `name` if stored from this input and version (the
        batch's key: `<content hash>/<quotex and model versions>`)."""
        content_hash, quotex_version = key.split("/", 1)
        row = self.db.execute(
            "select statements from articles where name = ? and content_hash = ? "
            "and quotex_version = ?", [name, content_hash, quotex_version]).fetchone()
        return None if row is None else row[0]

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One chunk of articles, all or nothing."""
        with self.db.atomic():
            yield

    def put(self, name: str, source: str, text: str, key: str, article: dict[str, Any]) -> None:
        """Replace the article `name` (unique per input, batch.output_names) with this
        one, atomically: `text` is its decoded input, `key` the batch's resume key,
        `article` its Article.to_dict() (extra fields such as `published` included)."""
        try:
            with self.db.atomic():
                self._put(name, source, text, key, article)
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: cannot write ({error})") from None

    def _put(self, name: str, source: str, text: str, key: str, article: dict[str, Any]) -> None:
        self._delete(name)
        content_hash, quotex_version = key.split("/", 1)
        published = article.get("published") or {}
        outlet = article.get("outlet")
        article_id = self._insert("articles", {
            "name": name, "source": source, "title": title_of(text), "outlet": outlet,
            "published": published.get("iso"), "published_jalali": published.get("jalali"),
            "content_hash": content_hash, "quotex_version": quotex_version,
            "statements": len(article["quotes"]), "words": len(text.split()),
        })
        for idx, quote in enumerate(article["quotes"]):
            speaker = quote["speaker"]
            kind = speaker.get("kind", "person")
            key = speaker_key(speaker.get("name"), speaker.get("title"), kind)
            self._insert("speakers", {"id": key, "name": speaker.get("name")
                                      or speaker.get("title"), "kind": kind}, "or ignore")
            self._touched_speakers.add(key)
            self._insert("statements", {
                "article_id": article_id, "idx": idx, "text": quote["text"],
                "normalized_text": provenance.comparable(quote["text"]),
                "type": quote["type"], "cue": quote["cue"], "start": quote["start"],
                "end": quote["end"], "cue_start": quote.get("cue_start"),
                "cue_end": quote.get("cue_end"), "confidence": quote["confidence"],
                "speaker_id": key, "speaker_name": speaker.get("name"),
                "speaker_title": speaker.get("title"), "speaker_kind": kind,
                "speaker_gender": speaker.get("gender"),
                "speaker_mention": speaker.get("mention"), "outlet": outlet,
                "published": published.get("iso"), "source": source,
            })
        for field, kind in ENTITY_KINDS.items():
            for entity in article.get(field, []):
                self._put_mention(article_id, kind, entity)
        self._refresh_speakers(self._touched_speakers)

    def _insert(self, table: str, row: dict[str, Any], conflict: str = "") -> int:
        columns = ", ".join(f'"{column}"' for column in row)
        marks = ", ".join("?" * len(row))
        cursor = self.db.execute(f"insert {conflict} into {table} ({columns}) values ({marks})",
                                 list(row.values()))
        return cursor.lastrowid

    def _put_mention(self, article_id: int, kind: str, entity: dict[str, Any]) -> None:
        # merged by name as an article's coreference compares names (letter variants,
        # ZWNJ, spacing): cheaper than match_key, and entities are many
        key = name_key(entity["name"]).casefold()
        self._insert("entities", {"kind": kind, "key": key, "name": entity["name"]},
                     "or ignore")
        entity_id = self.db.execute("select id from entities where kind = ? and key = ?",
                                    [kind, key]).fetchone()[0]
        titles = entity.get("titles")
        self._insert("mentions", {
            "article_id": article_id, "entity_id": entity_id, "name": entity["name"],
            "count": entity.get("mentions", 0),
            "titles": json.dumps(titles, ensure_ascii=False) if titles else None,
        })
        self.db.execute("update entities set articles = articles + 1 where id = ?", [entity_id])

    def _delete(self, name: str) -> None:
        row = self.db.execute("select id from articles where name = ?", [name]).fetchone()
        if row is None:
            return
        article_id = row[0]
        self._touched_speakers.update(r[0] for r in self.db.execute(
            "select distinct speaker_id from statements where article_id = ?", [article_id]))
        # groups first seen here lose their anchor: their members wait for regrouping
        self.db.execute("update statements set group_id = null where group_id in "
                        "(select id from statement_groups where first_article_id = ?)",
                        [article_id])
        self.db.execute("delete from statement_groups where first_article_id = ?", [article_id])
        self.db.execute("update entities set articles = articles - 1 where id in "
                        "(select entity_id from mentions where article_id = ?)", [article_id])
        self.db.execute("delete from mentions where article_id = ?", [article_id])
        self.db.execute("delete from entities where articles = 0")
        self.db.execute("delete from statements where article_id = ?", [article_id])
        self.db.execute("delete from articles where id = ?", [article_id])

    def _refresh_speakers(self, keys: Iterable[str]) -> None:
        """Counts, titles, name and gender of these speakers from their statements."""
        for key in keys:
            rows = self.db.execute(
                "select speaker_name, speaker_title, speaker_gender, article_id "
                "from statements where speaker_id = ?", [key]).fetchall()
            if not rows:
                self.db.execute("delete from speakers where id = ?", [key])
                continue
            names = Counter(r[0] for r in rows if r[0])
            genders = Counter(r[2] for r in rows if r[2])
            titles = _titles_seen(r[1] for r in rows if r[1])
            self.db.execute(
                "update speakers set name = ?, titles = ?, gender = ?, statements = ?, "
                "articles = ? where id = ?",
                [names.most_common(1)[0][0] if names else next(iter(titles), None),
                 json.dumps(titles, ensure_ascii=False),
                 genders.most_common(1)[0][0] if genders else None,
                 len(rows), len({r[3] for r in rows}), key])
        self._touched_speakers = set()

    def refresh_groups(self) -> int:
        """Regroup every statement (quotex.provenance); returns the groups that span
        more than one article."""
        statements = load_statements(self.db)
        ids = [s.id for s in statements]
        firsts = provenance.first_seen([s.normalized_text for s in statements],
                                       [s.statement.published for s in statements])
        members: dict[int, list[int]] = {}
        for i, first in enumerate(firsts):
            members.setdefault(first, []).append(i)
        with self.db.atomic():
            self.db.execute("update statements set group_id = null")
            self.db.execute("delete from statement_groups")
            self.db.conn.executemany(
                "insert into statement_groups (id, text, first_article_id, first_published, "
                "statements, articles) values (?, ?, ?, ?, ?, ?)",
                [(ids[first], statements[first].statement.text, statements[first].article_id,
                  statements[first].statement.published, len(group),
                  len({statements[i].article_id for i in group}))
                 for first, group in members.items()])
            self.db.conn.executemany("update statements set group_id = ? where id = ?",
                                     [(ids[first], ids[i]) for i, first in enumerate(firsts)])
        return sum(1 for group in members.values()
                   if len({statements[i].article_id for i in group}) > 1)

    def finish(self) -> int:
        """After a run: regroup, write the Datasette metadata beside the database;
        returns the statement groups that span several articles."""
        from quotex.datasette_metadata import write_metadata

        try:
            across = self.refresh_groups()
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: cannot write ({error})") from None
        write_metadata(self.path)
        return across

    def record_failures(self, failures: Iterable[tuple[str, str]]) -> None:
        with self.db.atomic():
            self.db.execute("delete from failures")
            self.db["failures"].insert_all({"source": s, "error": e} for s, e in failures)


def title_of(text: str) -> str:
    """The article's first non-blank line: its headline in scraped news."""
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def _titles_seen(titles: Iterable[str]) -> list[str]:
    """Distinct titles (as `quotex speakers` compares them), most frequent first."""
    spellings: dict[str, Counter[str]] = {}
    for title in titles:
        spellings.setdefault(match_key(title), Counter())[title] += 1
    by_count = sorted(spellings.values(), key=lambda c: -c.total())
    return [c.most_common(1)[0][0] for c in by_count]


def create_schema(db: sqlite_utils.Database) -> None:
    """Tables, keys, indexes and full-text search (nothing done if they exist)."""
    if "articles" in db.table_names():
        return
    with db.atomic():
        db["articles"].create(ARTICLE_COLUMNS, pk="id", not_null={"name"})
        db["speakers"].create(SPEAKER_COLUMNS, pk="id")
        db["statement_groups"].create(GROUP_COLUMNS, pk="id",
                                      foreign_keys=[("first_article_id", "articles", "id")])
        db["statements"].create(STATEMENT_COLUMNS, pk="id", foreign_keys=[
            ("article_id", "articles", "id"), ("speaker_id", "speakers", "id"),
            ("group_id", "statement_groups", "id")])
        db["entities"].create(ENTITY_COLUMNS, pk="id", defaults={"articles": 0})
        db["mentions"].create(MENTION_COLUMNS, pk="id", foreign_keys=[
            ("article_id", "articles", "id"), ("entity_id", "entities", "id")])
        db["failures"].create({"source": str, "error": str})
        db["articles"].create_index(["name"], unique=True)
        db["entities"].create_index(["kind", "key"], unique=True)
        for column in ("article_id", "speaker_id", "group_id", "type", "outlet", "published"):
            db["statements"].create_index([column])
        db["mentions"].create_index(["article_id"])
        db["mentions"].create_index(["entity_id"])
        db["statements"].enable_fts(["text", "normalized_text", "speaker_name", "speaker_title"],
                                    fts_version="FTS5", create_triggers=True)
        db["speakers"].enable_fts(["name", "titles"], fts_version="FTS5", create_triggers=True)


@dataclass(frozen=True)
class StoredStatement:
    id: int
    article_id: int
    normalized_text: str  # provenance.comparable(text)
    statement: Statement


def load_statements(db: sqlite_utils.Database) -> list[StoredStatement]:
    """Every statement in file order (article name, then place in the article)."""
    rows = db.execute(
        "select s.id, s.article_id, s.normalized_text, a.source, s.speaker_name, s.speaker_title, "
        "s.speaker_kind, s.type, s.cue, s.text, s.speaker_gender, a.published from statements s "
        "join articles a on a.id = s.article_id order by a.name, s.idx").fetchall()
    return [StoredStatement(r[0], r[1], r[2] or "", Statement(*r[3:])) for r in rows]


def open_database(path: Path) -> sqlite_utils.Database:
    """An existing quotes database, for reading."""
    if not Path(path).is_file():
        raise StoreError(f"{path}: no such database")
    db = sqlite_utils.Database(path)
    try:
        if "statements" not in db.table_names():
            raise StoreError(f"{path}: not a quotes database (no statements table)")
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path}: not a quotes database ({error})") from None
    return db
