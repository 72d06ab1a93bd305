"""The quotes database in Datasette, through its in-process client (no network)."""

from __future__ import annotations

import asyncio
import json

import pytest
from test_store import OTHER, fill

from quotex.datasette_metadata import metadata_path, write_metadata

datasette_app = pytest.importorskip("datasette.app")


@pytest.fixture()
def browser(tmp_path):
    """Datasette on a quotes database with its metadata, as `datasette q.db -m ...` runs."""
    db_path = tmp_path / "quotes.db"
    store = fill(db_path)
    store.finish()
    store.close()
    assert metadata_path(db_path) == write_metadata(db_path)
    meta = json.loads(metadata_path(db_path).read_text(encoding="utf-8"))
    return datasette_app.Datasette([str(db_path)], metadata=meta)


def get(ds, path: str):
    async def fetch():
        return await ds.client.get(path)

    return asyncio.run(fetch())


def test_statements_page_facets_by_speaker(browser):
    page = get(browser, "/quotes/statements")
    assert page.status_code == 200
    html = page.text
    assert "Statements" in html  # the metadata's title
    assert "speaker_id" in html and 'class="facet-info' in html  # the facet, from metadata
    assert "علی لاریجانی" in html
    assert "_search" in html  # a search box: the table has an FTS index


def test_search_finds_statements_by_word_and_by_speaker(browser):
    found = get(browser, "/quotes/statements.json?_search=نانوایان&_shape=objects").json()
    assert [row["text"] for row in found["rows"]] == [OTHER]
    by_title = get(browser, "/quotes/statements.json?_search=سخنگوی&_shape=objects").json()
    assert [row["speaker_title"] for row in by_title["rows"]] == ["سخنگوی دولت"]


def test_json_api_facets_and_labels(browser):
    data = get(browser, "/quotes/statements.json?_facet=type&_labels=on&_shape=objects").json()
    facets = data["facet_results"]
    assert {"speaker_id", "type", "outlet"} <= set(facets)
    # one speaker across spellings (Arabic ي in one article), labelled by name
    speakers = {v["label"]: v["count"] for v in facets["speaker_id"]["results"]}
    assert speakers == {"علی لاریجانی": 3, "لاریجانی": 1, "سخنگوی دولت": 1}
    first = data["rows"][0]
    assert first["article_id"]["label"] == "خبر اول"  # articles are labelled by title


def test_first_reported_query(browser):
    rows = get(browser, "/quotes/first_reported.json?speaker=لاریجانی&_shape=objects").json()
    assert [(r["articles_carrying_it"], r["first_reported_in"]) for r in rows["rows"]] == [
        (3, "خبر دوم"), (1, "خبر اول")]
