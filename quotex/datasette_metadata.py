"""Datasette metadata for a quotes database (quotex.store): titles, descriptions,
facets and labels, so that `datasette quotes.db -m quotes.metadata.json` opens a
browser a journalist can use (search statements, facet by speaker, outlet, date, type).

The file is written beside the database as `<name>.metadata.json` by `quotex batch --db`
and by `quotex datasette-metadata`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from quotex import __version__

# Speakers of a name (or part of one) with where each statement was first reported.
FIRST_REPORTED_SQL = """
select g.id as statement_group, g.text as statement, g.articles as articles_carrying_it,
       a.title as first_reported_in, a.source as first_source, g.first_published
from statement_groups g join articles a on a.id = g.first_article_id
where g.id in (
  select s.group_id from statements s join speakers p on p.id = s.speaker_id
  where p.name like '%' || :speaker || '%'
)
order by g.first_published is null, g.first_published, a.name
"""


def metadata_path(db_path: Path) -> Path:
    return Path(db_path).with_name(Path(db_path).stem + ".metadata.json")


def metadata(db_name: str) -> dict[str, Any]:
    """Datasette metadata for the database Datasette calls `db_name` (its file stem)."""
    return {
        "title": "Who said what: quotes from Persian news",
        "description": "Statements, speakers and entities extracted by quotex "
                       f"{__version__}. Search statements, facet by speaker, outlet, "
                       "date or type; statement groups show where a statement was "
                       "first reported and which articles repeat it.",
        "databases": {db_name: {
            "title": "Quotes",
            "tables": {
                "statements": {
                    "title": "Statements",
                    "description": "One row per statement (direct or indirect quote). "
                                   "Search covers the text and the speaker's name and title.",
                    "label_column": "text",
                    "facets": ["speaker_id", "type", "outlet", {"date": "published"}],
                    "sort": "id",
                    "columns": {
                        "text": "The statement as written in the article",
                        "normalized_text": "The text as quotex compares it (letter variants "
                                           "and digits normalized, ZWNJ and punctuation "
                                           "dropped): for search and provenance",
                        "type": "direct (quoted) or indirect (reported)",
                        "cue": "The reporting verb (گفت, افزود, ...)",
                        "start": "Character offset of the statement in the article",
                        "end": "Character offset where the statement ends",
                        "confidence": "How sure quotex is of the attribution (0 to 1)",
                        "speaker_id": "The speaker across articles",
                        "speaker_gender": "The speaker's gender when quotex knows it",
                        "group_id": "The same statement in other articles (provenance)",
                        "outlet": "The article's outlet, when known",
                        "published": "The article's publication date (ISO), when known",
                    },
                },
                "articles": {
                    "title": "Articles",
                    "description": "One row per article; title is its first line.",
                    "label_column": "title",
                    "facets": ["outlet", {"date": "published"}],
                    "columns": {
                        "name": "Path below the folder given to quotex batch",
                        "content_hash": "SHA-256 of the input file",
                        "quotex_version": "quotex and model versions that read it",
                        "published_jalali": "Publication date in the Persian calendar",
                    },
                },
                "speakers": {
                    "title": "Speakers",
                    "description": "One row per speaker across articles (by name, or by "
                                   "title for a speaker quotex knows only by title).",
                    "label_column": "name",
                    "facets": ["kind", "gender"],
                    "sort_desc": "statements",
                    "columns": {"titles": "Titles seen with the speaker, most frequent first"},
                },
                "statement_groups": {
                    "title": "Statement groups",
                    "description": "The same statement (lightly reworded, cut or "
                                   "respelled) carried by several articles; the first "
                                   "article is where it was first seen (by date, else "
                                   "file order).",
                    "label_column": "text",
                    "sort_desc": "articles",
                },
                "entities": {
                    "title": "Entities",
                    "description": "People, organizations and locations across articles.",
                    "label_column": "name",
                    "facets": ["kind"],
                    "sort_desc": "articles",
                },
                "mentions": {
                    "title": "Mentions",
                    "description": "An entity in one article: spelling, count, titles.",
                },
                "failures": {
                    "title": "Failures",
                    "description": "Articles the last run could not read or extract.",
                },
            },
            "queries": {
                "first_reported": {
                    "title": "Where a speaker's statements were first reported",
                    "description": "Each statement of a speaker once, with the article "
                                   "that carried it first and how many carry it.",
                    "sql": FIRST_REPORTED_SQL.strip(),
                },
            },
        }},
    }


def write_metadata(db_path: Path) -> Path:
    """Write the metadata beside `db_path` (replaced in one step); returns its path."""
    path = metadata_path(db_path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(metadata(Path(db_path).stem), ensure_ascii=False, indent=2)
                   + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path
