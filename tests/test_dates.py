"""Publication dates: written forms, datelines against other dates, HTML metadata, and
the date in an extracted article."""

from __future__ import annotations

import json
import pickle

import pytest
from conftest import SAMPLES, SEED

from quotex import dates
from quotex.io import ArticleText, article_text, read_article
from quotex.model import Published

BODY = ("علی رضایی، مدیرکل بهزیستی استان فارس گفت: امسال بودجه کافی برای ساخت "
        "مراکز تازه نداریم و باید برای سال آینده فکری کرد.\n\n"
        "وی افزود: کار ساخت دو مرکز در شیراز از ماه آینده آغاز می‌شود.\n")


def days(text: str) -> list[tuple[str, str, str]]:
    """(Gregorian, Solar Hijri, as written) of every date in the text."""
    return [(d.day.isoformat(), d.jalali.strftime("%Y-%m-%d"), text[d.start:d.end])
            for d in dates.find_dates(text)]


@pytest.mark.parametrize("written, iso, jalali", [
    ("۱۲ مرداد ۱۴۰۲", "2023-08-03", "1402-05-12"),
    ("12 مرداد 1402", "2023-08-03", "1402-05-12"),
    ("۱۲ مردادماه سال ۱۴۰۲", "2023-08-03", "1402-05-12"),
    ("۱۲ امرداد ۱۴۰۲", "2023-08-03", "1402-05-12"),
    ("۱۴۰۲/۰۵/۱۲", "2023-08-03", "1402-05-12"),
    ("1402-05-12", "2023-08-03", "1402-05-12"),
    ("۱۲/۵/۱۴۰۲", "2023-08-03", "1402-05-12"),
    ("پنج‌شنبه ۱۲ مرداد ۱۴۰۲", "2023-08-03", "1402-05-12"),
    ("سه‌شنبه ۱۰ مرداد ۱۴۰۲", "2023-08-01", "1402-05-10"),
    ("سه شنبه، ۱۰ مرداد ۱۴۰۲", "2023-08-01", "1402-05-10"),
    ("۱۰ دي ۱۴۰۲", "2023-12-31", "1402-10-10"),  # Arabic ی, as older pages write it
    ("۲۰ ژوئیه ۲۰۲۳", "2023-07-20", "1402-04-29"),
    ("۵ مه ۲۰۲۳", "2023-05-05", "1402-02-15"),
    ("July 20, 2023", "2023-07-20", "1402-04-29"),
    ("Thu, 03 Aug 2023 10:15:00 GMT", "2023-08-03", "1402-05-12"),
    ("2023-08-03T13:45:00+03:30", "2023-08-03", "1402-05-12"),
    ("۳۰ اسفند ۱۴۰۳", "2025-03-20", "1403-12-30"),  # 1403 is a leap year
])
def test_written_forms(written, iso, jalali):
    found = days(written)
    assert [(d[0], d[1]) for d in found] == [(iso, jalali)]
    assert written.startswith(found[0][2])


@pytest.mark.parametrize("written", [
    "سه‌شنبه ۱۲ مرداد ۱۴۰۲",  # 12 Mordad 1402 was a Thursday: which one is wrong?
    "۳۰ اسفند ۱۴۰۲",  # no such day
    "۳۲ مرداد ۱۴۰۲",
    "۱۲ مرداد ۸۲",  # a two-digit year: which century?
    "۱۲ مرداد ۱۲۰۲",  # not a news year
    "1402/13/01",
    "05/08/2023",  # day or month first?
    "1402/05/12/3",  # a path or code, not a date
])
def test_impossible_or_ambiguous_dates_are_none(written):
    assert days(written) == []


def test_a_dateline_above_the_title_with_time_and_section():
    text = "سیاسی ۱۳:۴۵ - ۱۲ مرداد ۱۴۰۲\nعنوان خبر درباره بودجه\n\n" + BODY
    published = dates.dateline(text)
    assert published == Published("2023-08-03", "1402-05-12", "۱۲ مرداد ۱۴۰۲", "text", 14, 27)
    assert text[published.start:published.end] == published.text


def test_a_line_with_only_a_date_and_weekday():
    text = "عنوان خبر درباره بودجه\nپنج‌شنبه ۱۲ مرداد ۱۴۰۲\n\n" + BODY
    assert dates.dateline(text).text == "پنج‌شنبه ۱۲ مرداد ۱۴۰۲"


def test_a_labelled_date_at_the_bottom():
    text = BODY + "\nتاریخ انتشار: ۱۴۰۲/۰۵/۱۲ - ساعت ۱۳:۴۵\nکد خبر: ۴۵۶۷۸۹\n"
    published = dates.dateline(text)
    assert (published.iso, published.text) == ("2023-08-03", "۱۴۰۲/۰۵/۱۲")


def test_the_first_dateline_wins():
    text = "۱۲ مرداد ۱۴۰۲\nعنوان\n\n" + BODY + "\n۱۵ مرداد ۱۴۰۲\n"
    assert dates.dateline(text).jalali == "1402-05-12"


@pytest.mark.parametrize("text", [
    # a date in a sentence is an event's
    "عنوان خبر\n\nرضایی روز پنج‌شنبه ۱۲ مرداد ۱۴۰۲ در جمع خبرنگاران گفت: بودجه کافی نیست.\n",
    # a title holding a date
    "تعطیلی ادارات شیراز در ۱۲ مرداد ۱۴۰۲\n\n" + BODY,
    # a date on a short line inside a quotation
    "عنوان خبر\n\n" + BODY + "\n«۱۲ مرداد ۱۴۰۲»\n",
    # a date on a short line far down the body, not labelled
    "عنوان خبر\n\n" + BODY * 4 + "۱۲ مرداد ۱۴۰۲\n\n" + BODY * 2,
    # the date a page was last changed
    "به‌روزرسانی: ۱۲ مرداد ۱۴۰۲ - ۱۳:۴۵\nعنوان\n\n" + BODY,
    "عنوان\n\n" + BODY,
])
def test_other_dates_are_no_publication_date(text):
    assert dates.dateline(text) is None


def test_a_labelled_line_far_down_the_body_counts():
    text = "عنوان خبر\n\n" + BODY * 4 + "تاریخ انتشار: ۱۲ مرداد ۱۴۰۲\n\n" + BODY * 2
    assert dates.dateline(text).iso == "2023-08-03"
    text = "عنوان خبر\n\n" + BODY * 4 + "منتشر شده در ۱۲ مرداد ۱۴۰۲\n\n" + BODY * 2
    assert dates.dateline(text).iso == "2023-08-03"


def test_a_short_sentence_naming_a_date_far_down_is_none():
    text = "عنوان خبر\n\n" + BODY * 4 + "در تاریخ ۱۲ مرداد ۱۴۰۲ جلسه برگزار شد.\n\n" + BODY * 2
    assert dates.dateline(text) is None


def page(head: str, body: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY.split("\n\n") if p.strip())
    return (f"<html><head><title>خبر</title>{head}</head><body><nav><a href='/'>خانه</a>"
            f"<time datetime='2020-01-01'>امروز</time></nav><article>{body}{paragraphs}"
            f"</article></body></html>")


@pytest.mark.parametrize("head, body, iso, value", [
    ('<meta property="article:published_time" content="2023-08-03T13:45:00+03:30">', "",
     "2023-08-03", "2023-08-03T13:45:00+03:30"),
    ('<meta name="date" content="1402/05/12 13:45">', "", "2023-08-03", "1402/05/12 13:45"),
    ('<meta name="DC.date.issued" content="2023-08-03">', "", "2023-08-03", "2023-08-03"),
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
     '{"@type": "WebPage"}, {"@type": "NewsArticle", "datePublished": "2023-07-20"}]}</script>',
     "", "2023-07-20", "2023-07-20"),
    ("", '<time datetime="2023-08-03T09:00">۱۲ مرداد</time>', "2023-08-03", "2023-08-03T09:00"),
    # the page's own date wins over a dateline in its body
    ('<meta property="article:published_time" content="2023-08-01">',
     "<p>۱۲ مرداد ۱۴۰۲ - ۱۳:۴۵</p>", "2023-08-01", "2023-08-01"),
])
def test_html_metadata(head, body, iso, value):
    text = article_text(page(head, body).encode(), "a.html", html=True)
    published = dates.publication_date(text)
    assert (published.iso, published.text, published.found_in) == (iso, value, "html")
    assert published.start is None and published.end is None


def test_html_without_metadata_falls_back_to_the_body_dateline():
    # the <time> in the navigation (today's date) is not the article's
    text = article_text(page("", "<p>۱۲ مرداد ۱۴۰۲ - ۱۳:۴۵</p>").encode(), "a.html", html=True)
    assert text.page_published is None
    published = dates.publication_date(text)
    assert (published.iso, published.found_in) == ("2023-08-03", "text")
    assert text[published.start:published.end] == "۱۲ مرداد ۱۴۰۲"


def test_unreadable_metadata_is_no_date():
    broken = '<script type="application/ld+json">{"datePublished": </script>'
    assert dates.html_published(page(broken + '<meta name="date" content="soon">')) is None


def test_article_text_keeps_its_page_date_through_pickling():
    # batch workers receive texts pickled
    text = ArticleText("متن", Published("2023-08-03", "1402-05-12", "2023-08-03", "html"))
    again = pickle.loads(pickle.dumps(text))
    assert again == "متن" and again.page_published == text.page_published


def test_the_html_sample_gives_its_meta_date():
    text = read_article(SAMPLES / "html" / "src-fars-0005.html")
    assert dates.publication_date(text).jalali == "1393-08-27"


def test_extracted_articles_carry_the_date(sample_articles):
    seed = sample_articles[SEED.stem]
    assert seed.published is not None
    assert (seed.published.iso, seed.published.jalali) == ("2025-11-11", "1404-08-20")
    text = SEED.read_text(encoding="utf-8")
    assert text[seed.published.start:seed.published.end] == seed.published.text
    assert json.loads(json.dumps(seed.to_dict()))["published"]["found_in"] == "text"
    # the samples from the corpus are title and body only: no date to give
    assert sample_articles["src-fars-0002"].published is None
