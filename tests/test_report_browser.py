"""The seed's report in a real browser: Debian's headless Chromium (tests/browser.py)."""

from __future__ import annotations

import re

import pytest
from browser import Chromium, find_chromium

from quotex.report import article_page

pytestmark = pytest.mark.skipif(
    find_chromium() is None,
    reason="chromium is not installed (apt-get install chromium; .ci/run does)")

PHONE_WIDTH = 400


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory, sample_articles, seed_text):
    article = sample_articles["seed-tehran-election"]
    path = tmp_path_factory.mktemp("report") / "seed.html"
    path.write_text(article_page(article, seed_text), encoding="utf-8")
    return path, article


@pytest.fixture(scope="module")
def browser():
    with Chromium() as chromium:
        yield chromium


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("width", [PHONE_WIDTH, 1280])
def test_the_seed_report_shows_each_statement_right_to_left(browser, seed_report, width):
    path, article = seed_report
    page = browser.open(path, width)
    shown = page.evaluate("""(() => {
        const byStatement = {};
        for (const mark of document.querySelectorAll('#text mark')) {
            const n = mark.dataset.q;
            byStatement[n] = (byStatement[n] || '') + mark.textContent;
        }
        return byStatement;
    })()""")
    assert len(article.quotes) == 16
    assert {int(n): squeezed(text) for n, text in shown.items()} == {
        n: squeezed(q.text) for n, q in enumerate(article.quotes, 1)}
    # highlighted: the mark's background is its speaker's colour, not the page's
    assert page.evaluate(
        "getComputedStyle(document.querySelector('#text mark')).backgroundColor"
    ) == "rgb(255, 226, 143)"
    assert page.evaluate("[document.documentElement.dir, "
                         "getComputedStyle(document.querySelector('#text p')).direction, "
                         "getComputedStyle(document.querySelector('#statements li')).direction]"
                         ) == ["rtl", "rtl", "rtl"]
    scroll_width, inner_width = page.evaluate(
        "[document.documentElement.scrollWidth, window.innerWidth]")
    assert inner_width == width and scroll_width <= inner_width


def test_a_statement_link_scrolls_to_its_place_in_the_text(browser, seed_report):
    path, article = seed_report
    page = browser.open(path, PHONE_WIDTH)
    top, target_text = page.evaluate("""(() => {
        document.querySelector('#item5 a.goto').click();
        const anchor = document.getElementById('q5');
        return [anchor.getBoundingClientRect().top, anchor.nextElementSibling.textContent];
    })()""")
    assert abs(top) < 2 and page.evaluate("location.hash") == "#q5"
    assert target_text == article.quotes[4].text


def test_printed_it_is_one_column_without_navigation_links(browser, seed_report):
    page = browser.open(seed_report[0], 1280)
    layout = """[getComputedStyle(document.querySelector('.layout')).display,
                 getComputedStyle(document.querySelector('.goto')).display]"""
    assert page.evaluate(layout) == ["grid", "inline"]
    page.emulate_media("print")
    assert page.evaluate(layout) == ["block", "none"]


def test_the_overflow_check_sees_an_overflowing_page(browser, seed_report):
    """The measure the test above relies on does catch a page wider than the phone."""
    page = browser.open(seed_report[0], PHONE_WIDTH)
    page.evaluate("document.querySelector('#text p').style.minWidth = '600px'")
    assert page.evaluate("document.documentElement.scrollWidth") > PHONE_WIDTH
