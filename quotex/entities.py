"""People, organizations and places named in an article, with mention counts.

Entity spans come from the NER. Persons are merged with the speakers that coref
found (a surname alone counts for the full name); organizations and locations are
merged by their normalized form.
"""

from __future__ import annotations

from collections.abc import Iterator

from quotex.coref import People, name_key, original
from quotex.model import Entity
from quotex.nlp import Analysis, Word
from quotex.speakers import drop_honorifics

ORGANIZATION_TYPES = ("ORG",)
LOCATION_TYPES = ("LOC",)


def entity_spans(analysis: Analysis) -> Iterator[tuple[str, list[Word]]]:
    """(type, words) for each NER span."""
    current: list[Word] = []
    current_type = ""
    for word in analysis.words:
        continues = (
            word.entity
            and word.entity == current_type
            and not word.entity_begin
            and current
            and current[-1].sentence == word.sentence
        )
        if continues:
            current.append(word)
            continue
        if current:
            yield current_type, current
        current, current_type = ([word], word.entity) if word.entity else ([], "")
    if current:
        yield current_type, current


def add_person_entities(analysis: Analysis, people: People) -> None:
    """Count every person span the NER found, creating persons for new full names."""
    for entity, words in entity_spans(analysis):
        if entity != "PER":
            continue
        words = drop_honorifics(words, [])
        if not words:
            continue
        name = original(analysis, words)
        record = people.by_name(name)
        if record is None and len(name_key(name).split()) >= 2:
            record = people.add(name)
        if record is not None:
            record.mentions += 1


def named_entities(analysis: Analysis, types: tuple[str, ...]) -> list[Entity]:
    by_key: dict[str, Entity] = {}
    for entity, words in entity_spans(analysis):
        if entity not in types:
            continue
        name = original(analysis, words)
        key = name_key(name)
        if key not in by_key:
            by_key[key] = Entity(name=name)
        by_key[key].mentions += 1
    return list(by_key.values())
