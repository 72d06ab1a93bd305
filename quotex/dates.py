"""The publication date an article states, in the Gregorian and the Solar Hijri calendar.

Two places say when an article was published:

- an HTML page's metadata (`<meta property="article:published_time">`, `<meta
  name="date">` and kin, JSON-LD `datePublished`, `<time datetime>`), read by
  `html_published` when the article is read from HTML (quotex/io.py);
- a dateline in the text: a short line at the top or the bottom of the article that
  holds a date and nothing sentence-like (`سه‌شنبه ۱۲ مرداد ۱۴۰۲`, `اجتماعی ۰۸:۵۵ -
  ۲۰ آبان ۱۴۰۴`, `تاریخ انتشار: ۱۴۰۲/۰۵/۱۲`), found by `dateline`.

A date in a sentence (`روز سه‌شنبه ۱۲ مرداد ...`), in a quotation, in a title or far down
the body is an event's date, not the article's: no date is given rather than a wrong one.
Dates are written with Persian, Arabic-Indic or Latin digits, Solar Hijri or Gregorian
month names (`۲۰ ژوئیه ۲۰۲۳`, `July 20, 2023`) or numbers (`۱۴۰۲/۰۵/۱۲`, `1402-05-12`).
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import jdatetime

from quotex.io import ArticleText
from quotex.model import Published, PublishedSource

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# --- written forms ---------------------------------------------------------------------

# Solar Hijri month names (امرداد: the older, still used spelling of مرداد).
JALALI_MONTHS = {
    "فروردین": 1, "اردیبهشت": 2, "خرداد": 3, "تیر": 4, "مرداد": 5, "امرداد": 5,
    "شهریور": 6, "مهر": 7, "آبان": 8, "آذر": 9, "دی": 10, "بهمن": 11, "اسفند": 12,
}
# Gregorian month names as Persian outlets write them (French- and English-derived).
GREGORIAN_MONTHS = {
    "ژانویه": 1, "فوریه": 2, "مارس": 3, "مارچ": 3, "آوریل": 4, "آپریل": 4, "مه": 5, "می": 5,
    "ژوئن": 6, "جون": 6, "ژوئیه": 7, "ژوییه": 7, "جولای": 7, "اوت": 8, "آگوست": 8,
    "اگوست": 8, "سپتامبر": 9, "اکتبر": 10, "نوامبر": 11, "دسامبر": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
# Weekday names before a date, by Python's weekday() (Monday 0); a date whose weekday
# disagrees is no sure date.
WEEKDAYS = {
    "شنبه": 5, "یکشنبه": 6, "یک شنبه": 6, "دوشنبه": 0, "دو شنبه": 0, "سه شنبه": 1,
    "سهشنبه": 1, "چهارشنبه": 2, "چهار شنبه": 2, "پنجشنبه": 3, "پنج شنبه": 3, "جمعه": 4,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
}
# Years read as each calendar: news dates, not historical ones.
JALALI_YEARS = range(1300, 1500)
GREGORIAN_YEARS = range(1900, 2100)

# Working copy of a text for matching: one character for one (offsets hold), Latin
# digits, Persian ی/ک for their Arabic forms, a ZWNJ read as a space (`سه‌شنبه`).
_MATCH_FORM = str.maketrans({
    **{chr(0x06F0 + i): str(i) for i in range(10)},
    **{chr(0x0660 + i): str(i) for i in range(10)},
    "\u064a": "\u06cc", "\u0643": "\u06a9", "\u200c": " ",
})


def _alternation(words: Iterable[str]) -> str:
    # longest first, so that مهر is not read as مه and a following ر
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_WEEKDAY = rf"(?P<weekday>{_alternation(WEEKDAYS)})[\s,،]+"
_MONTH = rf"(?P<month>{_alternation({**JALALI_MONTHS, **GREGORIAN_MONTHS})})"
_DATE_PATTERN = re.compile(
    rf"(?:{_WEEKDAY})?(?:"
    # ۱۲ مرداد ۱۴۰۲, ۱۲ مردادماه سال ۱۴۰۲, 20 July 2023, 03 Aug 2023
    rf"(?<![\w.])(?P<day>\d{{1,2}})\s*{_MONTH}\.?(?:\s*ماه)?[\s,،]+(?:سال\s+)?(?P<year>\d{{4}})"
    rf"(?!\w)"
    # July 20, 2023
    rf"|(?<!\w)(?P<month_first>{_alternation(GREGORIAN_MONTHS)})\.?\s+(?P<day_after>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?,?\s+(?P<year_after>\d{{4}})(?!\w)"
    # 1402/05/12, 1402-05-12, 2023-08-03 (also the date of 2023-08-03T13:45:00)
    rf"|(?<![\w/.\-])(?P<ymd_year>\d{{4}})(?P<sep>[/\-.])(?P<ymd_month>\d{{1,2}})(?P=sep)"
    rf"(?P<ymd_day>\d{{1,2}})(?!\d|[/\-.]\d)"
    # 12/05/1402: day first, read only with a Solar Hijri year (a Gregorian one could be
    # month first)
    rf"|(?<![\w/.\-])(?P<dmy_day>\d{{1,2}})(?P<sep2>[/\-.])(?P<dmy_month>\d{{1,2}})(?P=sep2)"
    rf"(?P<dmy_year>1[34]\d\d)(?!\d|[/\-.]\d)"
    rf")",
    re.IGNORECASE,
)
_TIME_PATTERN = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])")


@dataclass(frozen=True)
class DateMatch:
    """A date written in a text: where, and the day it names."""

    start: int
    end: int
    day: datetime.date  # Gregorian

    @property
    def jalali(self) -> jdatetime.date:
        return jdatetime.date.fromgregorian(date=self.day)


def find_dates(text: str) -> Iterator[DateMatch]:
    """Every valid date written in `text`, in order (impossible days are skipped)."""
    for match in _DATE_PATTERN.finditer(text.translate(_MATCH_FORM)):
        day = _day_of(match)
        if day is None:
            continue
        weekday = match["weekday"]
        if weekday is not None and WEEKDAYS[_key(weekday)] != day.weekday():
            continue
        yield DateMatch(match.start(), match.end(), day)


def _key(word: str) -> str:
    return " ".join(word.lower().split())


def _day_of(match: re.Match[str]) -> datetime.date | None:
    """The Gregorian day a date match names, or None for an impossible one."""
    if match["month"] is not None:
        month_name = _key(match["month"])
        year, day = int(match["year"]), int(match["day"])
        if month_name in JALALI_MONTHS:
            return _jalali_day(year, JALALI_MONTHS[month_name], day)
        return _gregorian_day(year, GREGORIAN_MONTHS[month_name], day)
    if match["month_first"] is not None:
        month = GREGORIAN_MONTHS[_key(match["month_first"])]
        return _gregorian_day(int(match["year_after"]), month, int(match["day_after"]))
    if match["ymd_year"] is not None:
        year, month, day = (int(match[g]) for g in ("ymd_year", "ymd_month", "ymd_day"))
    else:
        year, month, day = (int(match[g]) for g in ("dmy_year", "dmy_month", "dmy_day"))
    if year in JALALI_YEARS:
        return _jalali_day(year, month, day)
    return _gregorian_day(year, month, day)


def _jalali_day(year: int, month: int, day: int) -> datetime.date | None:
    if year not in JALALI_YEARS:
        return None
    try:
        return jdatetime.date(year, month, day).togregorian()
    except ValueError:
        return None


def _gregorian_day(year: int, month: int, day: int) -> datetime.date | None:
    if year not in GREGORIAN_YEARS:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _published(found: DateMatch, text: str, found_in: PublishedSource,
               offsets: bool) -> Published:
    return Published(
        iso=found.day.isoformat(),
        jalali=found.jalali.strftime("%Y-%m-%d"),
        text=text[found.start:found.end] if offsets else text.strip(),
        found_in=found_in,
        start=found.start if offsets else None,
        end=found.end if offsets else None,
    )


# --- datelines -------------------------------------------------------------------------

# A dateline is looked for in the first and the last lines of an article (scraped pages
# put the date above the title or below the body), or on a labelled line anywhere.
HEAD_LINES = 5
TAIL_LINES = 3
MAX_DATELINE_CHARS = 100
# Words that label a line as the article's date or reference when a colon follows
# (`تاریخ:`, `کد خبر:`; `در تاریخ ۱۲ مرداد` in a sentence is an event's date) ...
DATELINE_LABELS = (
    "تاریخ انتشار", "زمان انتشار", "تاریخ خبر", "تاریخ", "انتشار", "کد خبر", "شناسه خبر",
    "published", "date",
)
# ... and phrases that name the publication with or without one.
PUBLICATION_PHRASES = ("تاریخ انتشار", "زمان انتشار", "منتشر شده در", "published on")
# Words that make a date on a short line another date than the article's first one.
NOT_PUBLICATION_WORDS = ("به روزرسانی", "بروزرسانی", "به روز رسانی", "ویرایش", "updated")
# Words a dateline holds beside its date besides labels: `ساعت ۱۳:۴۵`, `در`.
DATELINE_FILLERS = frozenset({"ساعت", "در", "روز", "at", "on"})
# With a time or a label beside its date, a dateline may name this many other words
# (a section, a city, an agency: `اجتماعی ۰۸:۵۵ - ۲۰ آبان ۱۴۰۴`); a line that is only a
# date needs neither.
MAX_DATELINE_OTHER_WORDS = 3
_QUOTATION_MARKS = re.compile("[«»\"“”]")
_LABEL_PATTERN = re.compile(
    rf"(?<!\w)(?:(?:{_alternation(PUBLICATION_PHRASES)})(?!\w)\s*:?"
    rf"|(?:{_alternation(DATELINE_LABELS)})\s*:)",
    re.IGNORECASE,
)
_NOT_PUBLICATION = re.compile(rf"(?<!\w)(?:{_alternation(NOT_PUBLICATION_WORDS)})(?!\w)",
                              re.IGNORECASE)


def dateline(text: str) -> Published | None:
    """The date of the article's dateline, with its offsets in `text`; None when no line
    reads as one."""
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    for index, (start, line) in enumerate(lines):
        at_edge = index < HEAD_LINES or index >= len(lines) - TAIL_LINES
        found = _dateline_date(line, at_edge)
        if found is not None:
            shifted = DateMatch(start + found.start, start + found.end, found.day)
            return _published(shifted, text, "text", offsets=True)
    return None


def _dateline_date(line: str, at_edge: bool) -> DateMatch | None:
    """The line's first date when the line is a dateline."""
    if len(line) > MAX_DATELINE_CHARS or _QUOTATION_MARKS.search(line):
        return None
    form = line.translate(_MATCH_FORM)
    found = list(find_dates(line))
    if not found or _NOT_PUBLICATION.search(form):
        return None
    labelled = _LABEL_PATTERN.search(form) is not None
    if not (at_edge or labelled):
        return None
    rest = form
    for date in found:
        rest = rest[:date.start] + " " * (date.end - date.start) + rest[date.end:]
    timed = _TIME_PATTERN.search(rest) is not None
    rest = _LABEL_PATTERN.sub(" ", _TIME_PATTERN.sub(" ", rest))
    others = [w for w in re.findall(r"[^\W\d_]+", rest) if w.lower() not in DATELINE_FILLERS]
    if not others or ((timed or labelled) and len(others) <= MAX_DATELINE_OTHER_WORDS):
        return found[0]
    return None


# --- HTML metadata ---------------------------------------------------------------------

# <meta> names, properties and itemprops that hold a page's publication date, most
# specific first (Open Graph article, schema.org, Dublin Core, common CMS names).
META_DATE_KEYS = (
    "article:published_time", "og:published_time", "datepublished", "pubdate",
    "publishdate", "publish-date", "publish_date", "dc.date.issued", "dcterms.issued",
    "dc.date", "dcterms.date", "date", "sailthru.date", "parsely-pub-date",
    "citation_publication_date",
)


def html_published(html: str) -> Published | None:
    """The publication date a page's metadata gives: <meta> tags, then JSON-LD
    `datePublished`, then a `<time datetime>` marked as the publication's or inside the
    `<article>`. None when the page gives none that reads as a date."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    for value in _meta_values(root):
        found = next(find_dates(value), None)
        if found is not None:
            return _published(found, value, "html", offsets=False)
    return None


def _meta_values(root: HtmlElement) -> Iterator[str]:
    metas: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or ""
        content = meta.get("content")
        if content and key.lower() not in metas:
            metas[key.lower()] = content
    yield from (metas[key] for key in META_DATE_KEYS if key in metas)
    for script in root.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            yield from _json_ld_dates(script.text)
    for time in root.iter("time"):
        marked = (time.get("itemprop") or "").lower() == "datepublished" or (
            time.get("pubdate") is not None)
        in_article = any(parent.tag == "article" for parent in time.iterancestors())
        if time.get("datetime") and (marked or in_article):
            yield time.get("datetime")


def _json_ld_dates(source: str) -> Iterator[str]:
    try:
        data = json.loads(source)
    except ValueError:
        return
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            if isinstance(item.get("datePublished"), str):
                yield item["datePublished"]
            stack.extend(v for k, v in item.items() if k == "@graph")


# --- the article's date ----------------------------------------------------------------

def publication_date(text: str) -> Published | None:
    """The article's publication date: its HTML page's metadata when it was read from a
    page that gives one (io.ArticleText), else its dateline."""
    if isinstance(text, ArticleText) and text.page_published is not None:
        return text.page_published
    return dateline(text)
