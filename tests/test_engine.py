"""The whole pipeline with the bundled models: the seed article, end to end."""

from __future__ import annotations

import pytest
from models import require_models

import quotex

HIS_CUES = ["خبر داد", "اظهار کرد", "افزود", "گفت", "افزود", "تأکید کرد", "گفت", "خاطرنشان کرد"]
HEADLINE_TITLES = {
    "رییس بنیاد شهید", "عضو هیئت رئیسه شورای اسلامی شهر تهران",
    "رئیس کمیسیون سلامت شورای شهر تهران", "معاون فرهنگی بنیاد شهید",
    "رئیس شورای اسلامی شهر تهران", "رئیس پلیس امنیت اقتصادی فراجا",
    "سخنگوی سازمان ثبت اسناد و املاک کشور",
}


@pytest.fixture(scope="module")
def seed_article(seed_text):
    require_models()
    return quotex.extract(seed_text, source="seed")


def test_all_eight_statements_of_the_governor_with_his_title(seed_article):
    his = [q for q in seed_article.quotes if q.speaker.name == "حسین خوش اقبال"]
    assert [q.cue for q in his] == HIS_CUES
    assert {q.speaker.title for q in his} == {"معاون استاندار و فرماندار تهران"}
    assert len({q.speaker.id for q in his}) == 1
    assert [q.type for q in his].count("indirect") == 2


def test_headline_items_keep_their_title_only_speakers(seed_article):
    unnamed = {q.speaker.title for q in seed_article.quotes if q.speaker.name is None}
    assert unnamed >= HEADLINE_TITLES


def test_offsets_index_the_original_text(seed_article, seed_text):
    for quote in seed_article.quotes:
        assert seed_text[quote.start:quote.end] == quote.text


def test_people_list_has_the_speaker_with_his_titles(seed_article):
    person = next(p for p in seed_article.people if p.name == "حسین خوش اقبال")
    assert "معاون استاندار و فرماندار تهران" in person.titles
    assert person.mentions >= 5  # full name, surname, and the title alone three times


def test_the_same_article_without_any_zwnj_gives_the_same_statements(seed_article, seed_text):
    stripped = seed_text.replace("\u200c", "")
    article = quotex.extract(stripped, source="seed-no-zwnj")
    assert [(q.speaker.name, q.cue) for q in article.quotes] == [
        (q.speaker.name, q.cue.replace("\u200c", "")) for q in seed_article.quotes
    ]


@pytest.mark.parametrize("clause", ["گفت: دولت برای اشتغال برنامه دارد.",
                                    "گفت که دولت برای اشتغال برنامه دارد."])
def test_the_agency_before_a_name_without_comma_stays_out_of_it(clause):
    require_models()
    article = quotex.extract(f"به گزارش ایسنا علی ربیعی سخنگوی دولت {clause}")
    assert [(q.speaker.name, q.speaker.title, q.cue) for q in article.quotes] == [
        ("علی ربیعی", "سخنگوی دولت", "گفت")]


@pytest.mark.parametrize("written", ["خوش اقبال", "خوش\u200cاقبال"], ids=["space", "zwnj"])
def test_the_governor_is_one_person_however_his_surname_is_written(seed_text, written,
                                                                   monkeypatch):
    """`حسین خوش اقبال` is one person with all eight statements, the compound surname
    written with a space (as scraped) or with its ZWNJ; offline, as always."""
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network blocked by the test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    require_models()
    article = quotex.extract(seed_text.replace("خوش اقبال", written))
    name = f"حسین {written}"
    assert [p.name for p in article.people if "اقبال" in p.name] == [name]
    assert [q.cue for q in article.quotes if q.speaker.name == name] == HIS_CUES
