"""The whole extraction: raw text in, `Article` out. Every caller goes through here.

    normalize -> nlp -> statements (cues) -> speakers + coref -> entities -> Article
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import overload

from quotex import confidence, coref, dates, entities, lexicon, nlp
from quotex.gender import gender_of
from quotex.model import Article, Person, Published, Quote, Speaker
from quotex.normalize import fold, normalize
from quotex.speakers import MAX_NAME_WORDS, name_shaped, plausible_name
from quotex.statements import Statement, find_statements

# Articles handed to Stanza together: larger batches amortise its per-call overhead.
DEFAULT_BATCH_SIZE = 16


def extract(
    text: str, source: str = "-", model_dir: str | Path | None = None,
    min_confidence: float = 0.0,
) -> Article:
    """Who said what in one Persian news article."""
    return next(extract_many([(source, text)], model_dir=model_dir,
                             min_confidence=min_confidence))


def extract_many(
    items: Iterable[tuple[str, str]],
    model_dir: str | Path | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    min_confidence: float = 0.0,
) -> Iterator[Article]:
    """`(source, text)` pairs in, one Article per pair out, in order, in batches.
    Statements with a confidence below `min_confidence` are left out."""
    pipeline = nlp.get_nlp(model_dir)
    iterator = iter(items)
    while batch := list(islice(iterator, batch_size)):
        analyses = pipeline.analyze_many([normalize(text) for _, text in batch])
        for (source, text), analysis in zip(batch, analyses, strict=True):
            article = build_article(source, analysis, dates.publication_date(text))
            article.quotes = [q for q in article.quotes if q.confidence >= min_confidence]
            yield article


@dataclass
class Reading:
    """An article with what the confidence model saw of each of its statements."""

    article: Article
    features: list[dict[str, float]] = field(default_factory=list)  # one per quote


def build_article(
    source: str, analysis: nlp.Analysis, published: Published | None = None
) -> Article:
    """Attribution and entities from an analysed article (no model calls here); the
    publication date, found apart (quotex/dates.py), is passed in."""
    return build_reading(source, analysis, published).article


def build_reading(
    source: str, analysis: nlp.Analysis, published: Published | None = None
) -> Reading:
    """`build_article`, keeping each statement's confidence features (for fitting)."""
    statements = find_statements(analysis)
    people = coref.People()
    gazetteer = entities.gazetteer_matches(analysis)
    outlets = entities.named_outlets(analysis) + entities.outlets_named_like_people(analysis)
    reporters_outlets = entities.outlets_of_reporters(analysis)
    cue_spans = [(st.cue_start, st.cue_end) for st in statements]
    # first, so that surnames find names given anywhere
    entities.add_person_entities(analysis, people, gazetteer + outlets, cue_spans)
    resolved = coref.resolve(analysis, statements, people)

    ids: dict[int, str] = {}
    keys: list[object] = []  # alive, so that no id() is reused for another speaker

    def speaker_id(key: object) -> str:
        if id(key) not in ids:
            ids[id(key)] = f"s{len(ids) + 1}"
            keys.append(key)
        return ids[id(key)]

    org_ids: dict[str, object] = {}
    title_ids: dict[str, object] = {}
    quotes: list[Quote] = []
    features: list[dict[str, float]] = []
    for item in resolved:
        st = item.statement
        start, end = analysis.norm.span(st.start, st.end)
        cue_start, cue_end = analysis.norm.span(st.cue_start, st.cue_end)
        mention = coref.original(analysis, item.mention.words)
        if item.person is not None:
            speaker = Speaker(
                speaker_id(item.person), standard(item.person.name),
                standard(item.person.fullest_title), "person", mention,
                item.person.honorific, gender_of(item.person.name, item.person.honorific),
            )
        elif item.organization is not None:
            key = org_ids.setdefault(coref.name_key(item.organization), object())
            speaker = Speaker(speaker_id(key), standard(item.organization), None,
                              "organization", mention)
        else:
            title_key = coref.name_key(item.title or "")
            key = title_ids.setdefault(title_key, object()) if title_key else object()
            speaker = Speaker(
                speaker_id(key), None, standard(item.title), "person", mention,
                item.mention.honorific, gender_of(None, item.mention.honorific),
            )
        values = confidence.features(analysis, item)
        features.append(values)
        quotes.append(
            Quote(
                text=analysis.norm.original[start:end],
                type=st.type,  # type: ignore[arg-type]
                cue=_cue_text(analysis, st),
                start=start,
                end=end,
                confidence=round(confidence.probability(values), 2),
                speaker=speaker,
                cue_start=cue_start,
                cue_end=cue_end,
            )
        )

    people_out = [
        Person(speaker_id(record), standard(record.name), [standard(t) for t in record.titles],
               record.mentions, gender_of(record.name, record.honorific))
        for record in people.records
        if plausible_name(record.key.split()) or _titled_full_name(record)
    ]
    article = Article(
        source=source,
        quotes=quotes,
        people=people_out,
        organizations=entities.named_entities(
            analysis, entities.ORGANIZATION_TYPES,
            entities.organizations_in_titles([r.mention.title_words for r in resolved])
            + entities.outlets_in_bylines(analysis)
            + reporters_outlets
            + outlets
            + entities.organizations_at_places(analysis, gazetteer)
            + entities.known_organizations(analysis),
            drop_places=True,
            person_names=_names_and_surnames(people_out),
        ),
        locations=entities.named_entities(
            analysis, entities.LOCATION_TYPES, entities.places_in_text(analysis, gazetteer),
            drop_common_words=True,
            person_names=_names_and_surnames(people_out, first_name_known=True),
        ),
        published=published,
        outlet=standard(entities.article_outlet(analysis, reporters_outlets)),
    )
    for entity in article.organizations + article.locations:
        entity.name = standard(entity.name)
    return Reading(article, features)


@overload
def standard(text: str) -> str: ...
@overload
def standard(text: None) -> None: ...
def standard(text: str | None) -> str | None:
    """A name or title in standard Persian letters (`ی`, `ک`, ...), as a Persian keyboard
    types it: one spelling for `جواد جعفري` and `جواد جعفری`. Quoted text and mentions
    keep the input's letters (their offsets index it)."""
    return fold(text) if text else text


def _titled_full_name(record: coref.PersonRecord) -> bool:
    """`نسیم بهار، مدیرعامل شرکت فولاد`: words that are nouns too, but a full name with
    a title written beside it is a person's."""
    words = record.key.split()
    return bool(record.titles) and len(words) > 1 and name_shaped(words)


def _names_and_surnames(people: list[Person], first_name_known: bool = False) -> frozenset[str]:
    """Keys of the people's names and surnames: the NER tags some as organizations
    (`[پامپئو]` after `مایک پامپئو`). With `first_name_known`, only the surnames of
    names that open with a known first name: a gazetteer place is dropped only for a
    person surely named so (`کامرون` after `دیوید کامرون`), not for a place the NER took
    for a person."""
    keys = set()
    for person in people:
        words = coref.name_key(person.name).split()
        if len(words) > MAX_NAME_WORDS:
            continue  # a longer "name" is a title the NER took
        if not first_name_known:
            keys.update((" ".join(words), words[-1]))
        elif len(words) > 1 and words[0] in lexicon.first_names():
            keys.add(words[-1])
    return frozenset(keys)


def _cue_text(analysis: nlp.Analysis, statement: Statement) -> str:
    """The cue as written; the pieces of a split cue (`خواستار ... شد`) joined by a space."""
    parts = statement.cue_parts or ((statement.cue_start, statement.cue_end),)
    return " ".join(analysis.norm.original_text(a, b) for a, b in parts)
