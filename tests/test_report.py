"""`quotex report`: the HTML of an article's statements (library and command).

The pages are parsed (lxml) and checked for what a reader sees: every statement
marked at its place and linked from the statements list, the legend's counts, text
escaped; the browser test (tests/test_report_browser.py) renders one in Chromium.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from pathlib import Path

import lxml.html
import pytest
from conftest import SAMPLES, SEED
from typer.testing import CliRunner

from quotex import render
from quotex.cli import app
from quotex.model import Article, Entity, Person, Quote, Speaker
from quotex.report import (
    PALETTE,
    TEXT_COLOUR,
    IndexRow,
    ReportError,
    article_page,
    colour_index,
    index_page,
    paragraphs,
    persian_digits,
    write_report,
)

runner = CliRunner()
STATEMENTS_CELL = "string(td[@class='num statements'])"  # of an index row

MINISTER = Speaker("s1", "مریم احمدی", "وزیر نیرو", mention="مریم احمدی")
SPOKESMAN = Speaker("s2", None, "سخنگوی دولت", mention="سخنگوی دولت")


def quote(text: str, said: str, cue: str, speaker: Speaker, type_: str = "direct",
          cue_after: int = 0) -> Quote:
    """A statement of `text` with its offsets; the cue is the first `cue` from `cue_after`."""
    start = text.index(said)
    cue_start = text.index(cue, cue_after)
    return Quote(said, type_, cue, start, start + len(said), 0.9, speaker,  # type: ignore[arg-type]
                 cue_start, cue_start + len(cue))


def two_speaker_article() -> tuple[Article, str]:
    text = ("مریم احمدی، وزیر نیرو گفت: ذخایر سدها کم است.\n\n"
            "وی افزود: مصرف باید کم شود.\n"
            "سخنگوی دولت نیز گفت: <script>alert('x')</script> & «برنامه» آماده است.\n")
    quotes = [
        quote(text, "ذخایر سدها کم است.", "گفت", MINISTER),
        quote(text, "مصرف باید کم شود.", "افزود", MINISTER),
        quote(text, "<script>alert('x')</script> & «برنامه» آماده است.", "گفت", SPOKESMAN,
              cue_after=text.index("سخنگوی")),
    ]
    article = Article("news/water.txt", quotes,
                      people=[Person("s1", "مریم احمدی", ["وزیر نیرو"], 2)],
                      organizations=[Entity("دولت", 1)], locations=[Entity("تهران", 1)])
    return article, text


def parse(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(html)


def marked_text(page: lxml.html.HtmlElement, number: int) -> str:
    return "".join(m.text_content() for m in page.xpath(f"//mark[@data-q='{number}']"))


def assert_every_statement_marked_and_linked(html: str, quotes: list[dict]) -> None:
    page = parse(html)
    for number, q in enumerate(quotes, 1):
        # paragraphs break a statement that spans lines: compare without whitespace
        assert re.sub(r"\s", "", marked_text(page, number)) == re.sub(r"\s", "", q["text"])
        anchor, = page.xpath(f"//section[@id='text']//a[@id='q{number}']")
        assert anchor.get("href") == f"#item{number}"
        item, = page.xpath(f"//li[@id='item{number}']")
        assert item.xpath(f".//a[@href='#q{number}']")
        assert item.xpath("string(.//blockquote)") == q["text"]


# ---------------------------------------------------------------- the page


def test_statements_are_marked_linked_and_escaped():
    article, text = two_speaker_article()
    html = article_page(article, text)
    assert_every_statement_marked_and_linked(html, article.to_dict()["quotes"])
    assert "<script" not in html  # the statement's tag is text, and the page has no script
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; «برنامه»" in html
    page = parse(html)
    assert page.get("dir") == "rtl" and page.get("lang") == "fa"
    assert [c.text_content() for c in page.xpath("//section[@id='text']//span[@class='cue c0']")
            ] == ["گفت", "افزود"]
    assert page.xpath("string(//section[@id='text']//span[@class='cue c1'])") == "گفت"


def test_legend_has_names_titles_and_counts():
    article, text = two_speaker_article()
    page = parse(article_page(article, text))
    legend = {li.get("data-speaker"): li for li in page.xpath("//aside//li")}
    assert list(legend) == ["s1", "s2"]
    assert legend["s1"].xpath("string(.//a[@class='name'])") == "مریم احمدی"
    assert legend["s1"].xpath("string(.//span[@class='title'])") == "وزیر نیرو"
    assert legend["s1"].xpath("string(.//span[@class='count']/@data-count)") == "2"
    assert legend["s1"].xpath("string(.//span[@class='count'])") == "۲"
    # known by title only: the title is the label, not repeated below it
    assert legend["s2"].xpath("string(.//a[@class='name'])") == "سخنگوی دولت"
    assert not legend["s2"].xpath(".//span[@class='title']")
    assert legend["s2"].xpath("string(.//span[@class='count']/@data-count)") == "1"
    assert not page.xpath("//span[@class='details']")  # no gender known, none shown
    assert not page.xpath("//time")  # no date known, none shown
    entities = page.xpath("string(//section[@id='entities'])")
    assert "مریم احمدی" in entities and "دولت" in entities and "تهران" in entities


def test_gender_and_date_are_shown_when_the_article_has_them():
    article, text = two_speaker_article()
    data = article.to_dict()
    data["published"] = {"iso": "2023-08-03", "jalali": "1402-05-12"}
    for q in data["quotes"]:
        q["speaker"]["gender"] = "female" if q["speaker"]["id"] == "s1" else "unknown"
    page = parse(article_page(data, text))
    time, = page.xpath("//header//time")
    assert time.get("datetime") == "2023-08-03" and time.text == "۱۴۰۲-۰۵-۱۲"
    assert page.xpath("string(//li[@data-speaker='s1']//span[@class='details'])") == "زن"
    assert not page.xpath("//li[@data-speaker='s2']//span[@class='details']")


def test_a_split_cue_is_marked_outside_its_statement_only():
    text = "وزیر نیرو خواستار صرفه‌جویی در مصرف آب شد.\n"
    said = "صرفه‌جویی در مصرف آب"
    start, cue_start = text.index(said), text.index("خواستار")
    cue_end = text.index("شد") + 2
    q = Quote(said, "indirect", "خواستار شد", start, start + len(said), 0.8,
              Speaker("s1", None, "وزیر نیرو"), cue_start, cue_end)
    pieces = paragraphs(text, Article("x", [q]).to_dict()["quotes"])[0]
    cues = [p.text for p in pieces if p.cue_colour is not None]
    assert cues == ["خواستار ", " شد"]
    assert [p.text for p in pieces if p.statement == 1] == [said]


def test_nested_statements_both_anchored_inner_one_marked():
    text = "او گفت: همه گفتند آب کم است و باید صرفه‌جویی کرد.\n"
    outer_text = "همه گفتند آب کم است و باید صرفه‌جویی کرد."
    outer = quote(text, outer_text, "گفت", Speaker("s1", "علی", None))
    inner = quote(text, "آب کم است", "گفتند", Speaker("s2", None, "همه"), "indirect")
    pieces = paragraphs(text, Article("x", [outer, inner]).to_dict()["quotes"])[0]
    assert [n for p in pieces for n, _ in p.anchors] == [1, 2]
    assert [p.text for p in pieces if p.statement == 2] == ["آب کم است"]
    assert "".join(p.text for p in pieces if p.statement in (1, 2)) == outer_text


def test_offsets_that_do_not_match_the_text_are_refused():
    article, text = two_speaker_article()
    with pytest.raises(ReportError, match="statement 1 is not at its offsets"):
        article_page(article, text.replace("ذخایر", "منابع"))


def test_colours_are_stable_per_speaker_and_readable():
    assert [colour_index(f"s{n}") for n in range(1, 12)] == [*range(10), 0]
    assert colour_index("speaker-x") == colour_index("speaker-x")

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
                   for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    def contrast(a: str, b: str) -> float:
        high, low = sorted((luminance(a), luminance(b)), reverse=True)
        return (high + 0.05) / (low + 0.05)

    for colour in PALETTE:
        assert contrast(colour.background, TEXT_COLOUR) >= 7
        assert contrast(colour.accent, "#ffffff") >= 4.5
    assert len({c.background for c in PALETTE}) == len(PALETTE)


def test_the_page_is_self_contained():
    article, text = two_speaker_article()
    html = article_page(article, text)
    assert not re.search(r"<(script|link|img|iframe)\b", html)
    assert not re.search(r"(src|href)=\"(https?:)?//", html)
    assert "@media print" in html and 'name="viewport"' in html
    assert "Vazirmatn, Sahel, Tahoma, \"Noto Naskh Arabic\", sans-serif" in html


# ---------------------------------------------------------------- the command


@pytest.fixture(scope="module")
def seed_article(sample_articles) -> Article:
    return sample_articles["seed-tehran-election"]


def test_report_of_an_article_file(tmp_path, seed_article):
    out = tmp_path / "seed.html"
    result = runner.invoke(app, ["report", str(SEED), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"wrote {out}"
    html = out.read_text(encoding="utf-8")
    assert_every_statement_marked_and_linked(html, seed_article.to_dict()["quotes"])
    assert "حسین خوش اقبال" in parse(html).xpath("string(//aside)")


def test_report_of_a_result_json_reads_its_source(tmp_path, seed_article, monkeypatch):
    shutil.copy(SEED, tmp_path / "seed.txt")
    result_file = tmp_path / "seed.json"
    # the source relative to the folder it was extracted in
    write_result(result_file, replace(seed_article, source="seed.txt"))
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["report", "seed.json", "-o", "page.html"])
    assert result.exit_code == 0, result.output
    (tmp_path / "pages").mkdir()  # an existing folder: the page goes inside
    result = runner.invoke(app, ["report", "seed.json", "-o", "pages"])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "pages" / "seed.html").read_text(encoding="utf-8")
    assert html == (tmp_path / "page.html").read_text(encoding="utf-8")
    assert_every_statement_marked_and_linked(html, seed_article.to_dict()["quotes"])


def test_report_of_a_batch_folder_writes_pages_and_an_index(tmp_path, monkeypatch):
    articles = tmp_path / "articles"
    articles.mkdir()
    for name in ("seed-tehran-election.txt", "src-fars-0002.txt"):
        shutil.copy(SAMPLES / name, articles / name)
    shutil.copy(SAMPLES / "src-fars-0009.txt", articles / "index.txt")  # the index's name
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["batch", "articles", "-o", "results", "-q"]).exit_code == 0
    result = runner.invoke(app, ["report", "results", "-o", "report"])
    assert result.exit_code == 0, result.output
    assert "wrote 3 article pages and report/index.html" in result.stdout
    index = parse((tmp_path / "report" / "index.html").read_text(encoding="utf-8"))
    links = index.xpath("//section[@id='articles']//a/@href")
    assert sorted(links) == ["index.json.html", "seed-tehran-election.html", "src-fars-0002.html"]
    for href in links:
        page_html = (tmp_path / "report" / href).read_text(encoding="utf-8")
        result_name = href.removesuffix(".html").removesuffix(".json") + ".json"
        source = json.loads((tmp_path / "results" / result_name).read_text(encoding="utf-8"))
        assert_every_statement_marked_and_linked(page_html, source["quotes"])
        assert parse(page_html).xpath("//a[@href='index.html']")  # back to the index
        row, = index.xpath(f"//section[@id='articles']//tr[.//a[@href='{href}']]")
        assert row.xpath(STATEMENTS_CELL) == persian_digits(len(source["quotes"]))
    speakers = index.xpath("string(//section[@id='speakers'])")
    assert "حسین خوش اقبال" in speakers

    # an article whose source is gone: listed, the others still written, exit 1
    (articles / "src-fars-0002.txt").unlink()
    result = runner.invoke(app, ["report", "results", "-o", "report2"])
    assert result.exit_code == 1
    assert "src-fars-0002.txt: no such file" in result.stderr
    assert sorted(p.name for p in (tmp_path / "report2").iterdir()) == [
        "index.html", "index.json.html", "seed-tehran-election.html"]
    index = parse((tmp_path / "report2" / "index.html").read_text(encoding="utf-8"))
    assert "src-fars-0002.txt" in index.xpath("string(//section[@id='failures'])")


def write_result(path: Path, article: Article) -> Path:
    path.write_text(render.to_json(article), encoding="utf-8")
    return path


@pytest.mark.parametrize("case", ["missing", "not-json", "not-output", "source-missing",
                                  "source-changed", "stdin", "csv-only", "csv-file",
                                  "bad-article"])
def test_bad_input_is_one_clear_line(tmp_path, case):
    article, text = two_speaker_article()
    source = tmp_path / "water.txt"
    source.write_text(text, encoding="utf-8")
    article.source = str(source)
    path, message = {
        "missing": (tmp_path / "nothing.json", "nothing.json: no such file or folder"),
        "not-json": (tmp_path / "a.json", "a.json: not quotex batch output (JSONDecodeError"),
        "not-output": (tmp_path / "b.json", "b.json: not quotex batch output (no article"),
        "source-missing": (tmp_path / "c.json", "water.txt: no such file"),
        "source-changed": (tmp_path / "d.json", "statement 1 is not at its offsets"),
        "stdin": (tmp_path / "e.json", "came from standard input"),
        "csv-only": (tmp_path / "results", "a CSV has no article offsets"),
        "csv-file": (tmp_path / "results" / "statements.csv", "a CSV has no article offsets"),
        "bad-article": (tmp_path / "f.txt", "f.txt: empty input"),
    }[case]
    if case == "not-json":
        path.write_text("{oops", encoding="utf-8")
    elif case == "not-output":
        path.write_text('{"name": 1}', encoding="utf-8")
    elif case in ("source-missing", "source-changed", "stdin"):
        write_result(path, article)
        if case == "source-missing":
            source.unlink()
        elif case == "source-changed":
            source.write_text(text.replace("ذخایر", "منابع"), encoding="utf-8")
        else:
            article.source = "-"
            write_result(path, article)
    elif case in ("csv-only", "csv-file"):
        (tmp_path / "results").mkdir()
        csv_file = tmp_path / "results" / "statements.csv"
        csv_file.write_text(render.to_csv([article]), encoding="utf-8")
    elif case == "bad-article":
        path.write_text("  \n", encoding="utf-8")
    out = tmp_path / "out.html"
    result = runner.invoke(app, ["report", str(path), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ")
    assert message in result.stderr
    assert not out.exists()
    with pytest.raises(ReportError):
        write_report(path, out)


def test_the_index_lists_articles_with_dates_and_speakers_across_them():
    article, _ = two_speaker_article()
    dated = article.to_dict()
    dated["published"] = {"iso": "2023-08-03", "jalali": "1402-05-12"}
    other = Article("news/power.txt", [quote("وزیر نیرو گفت: برق کافی است.", "برق کافی است.",
                                             "گفت", MINISTER)]).to_dict()
    page = parse(index_page([IndexRow(dated, "water.html"), IndexRow(other, None)], []))
    rows = page.xpath("//section[@id='articles']//tbody/tr")
    assert [r.xpath("string(td[1])") for r in rows] == ["water.txt", "power.txt (بدون صفحه)"]
    assert rows[0].xpath("string(.//time/@datetime)") == "2023-08-03"
    assert [r.xpath(STATEMENTS_CELL) for r in rows] == ["۳", "۱"]
    speakers = {r.xpath("string(td[1])"): r for r in
                page.xpath("//section[@id='speakers']//tbody/tr")}
    minister = speakers["مریم احمدی"]
    # two statements in one article, one in the other
    assert minister.xpath(STATEMENTS_CELL) == "۳"
    assert minister.xpath(".//a/@href") == ["water.html"]  # the other has no page
