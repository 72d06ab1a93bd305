"""The result of reading one article: plain dataclasses and their JSON form.

The JSON field names are a public contract (the evaluation and downstream tools read
them); `quotex/schema/article.schema.json` describes them and is tested against real
output.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

QuoteType = Literal["direct", "indirect"]
SpeakerKind = Literal["person", "organization"]
Gender = Literal["female", "male", "unknown"]
# where a publication date was read: the article text, or the HTML page's metadata
PublishedSource = Literal["text", "html"]


@dataclass
class Speaker:
    """Who a statement is attributed to, resolved across the article."""

    id: str
    name: str | None
    title: str | None
    kind: SpeakerKind = "person"
    mention: str = ""  # the words that name the speaker at this statement, as written
    honorific: str | None = None
    gender: Gender = "unknown"  # from the honorific or the first name (quotex.gender)


@dataclass
class Quote:
    """One attributed statement; offsets index the original input text.

    `confidence`: the probability that the text is a statement and the speaker the
    right one, as fitted on the gold dev articles (quotex.confidence)."""

    text: str
    type: QuoteType
    cue: str
    start: int
    end: int
    confidence: float
    speaker: Speaker
    cue_start: int = -1
    cue_end: int = -1


@dataclass
class Person:
    id: str
    name: str
    titles: list[str] = field(default_factory=list)
    mentions: int = 0
    gender: Gender = "unknown"


@dataclass
class Entity:
    name: str
    mentions: int = 0


@dataclass
class Published:
    """The publication date an article states (see quotex/dates.py), in both calendars.

    `text` is the date as written (or the HTML tag's value); `start`/`end` index the
    article text when the date was found there, and are None for a page's metadata.
    """

    iso: str  # Gregorian, YYYY-MM-DD
    jalali: str  # Solar Hijri, YYYY-MM-DD
    text: str
    found_in: PublishedSource
    start: int | None = None
    end: int | None = None


@dataclass
class Article:
    source: str
    quotes: list[Quote] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    organizations: list[Entity] = field(default_factory=list)
    locations: list[Entity] = field(default_factory=list)
    published: Published | None = None
    # the outlet the article names as its own near its top (`به گزارش X`), standard letters
    outlet: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
