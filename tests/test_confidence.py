"""Confidence, gender and one spelling of names on sentences of our own (bundled models)."""

from __future__ import annotations

import json
import math

import pytest
from models import require_models

import quotex
from quotex import confidence

# A named speaker quoted after a colon, then the same speaker by pronoun in an indirect
# statement; a described speaker with `به گفته`, and a cue with no subject and nobody before.
NAMED_THEN_PRONOUN = (
    "مریم احمدی، مدیرکل بهزیستی استان فارس گفت: امسال بودجه کافی برای ساخت مدارس جدید "
    "در روستاها نداریم.\nوی همچنین گفت که شرایط سال آینده بهتر خواهد شد.\n"
)
NOBODY_BEFORE = "افزود که مذاکرات ادامه دارد.\n"
# One official written with Arabic ي/ك, then with Persian letters.
TWO_SPELLINGS = (
    "جواد جعفري، معاون وزير كشور در امور عمراني گفت: ساخت جاده‌های روستایی امسال دو "
    "برابر می‌شود.\nجواد جعفری در ادامه افزود: بودجه این طرح از محل درآمدهای نفتی "
    "تامین شده است. بانك مركزي هم کمک می‌کند.\n"
)
ADDRESSED = (
    "سرکار خانم دکتر نرگس کریمی، استاد دانشگاه تهران اظهار کرد: پژوهش در کشور نیازمند "
    "حمایت بیشتر است.\nآقای پیتر اشمیت، سفیر آلمان در تهران گفت: روابط دو کشور رو به "
    "بهبود است.\nیک کارشناس اقتصادی گفت: قیمت‌ها تا پایان سال ثابت می‌ماند.\n"
)
ARABIC_VARIANTS = "يك"


@pytest.fixture(scope="module")
def articles():
    require_models()
    texts = {"named": NAMED_THEN_PRONOUN, "nobody": NOBODY_BEFORE, "spellings": TWO_SPELLINGS,
             "addressed": ADDRESSED}
    return dict(zip(texts, quotex.extract_many(texts.items()), strict=True))


def test_confidence_is_a_probability_and_ranks_a_named_colon_quote_first(articles):
    colon, pronoun = articles["named"].quotes
    (zero,) = articles["nobody"].quotes
    for quote in (colon, pronoun, zero):
        assert 0.0 <= quote.confidence <= 1.0
    assert (colon.type, pronoun.type) == ("direct", "indirect")
    assert colon.confidence > pronoun.confidence
    assert colon.confidence > zero.confidence
    assert zero.speaker.name is None


def test_the_model_file_names_only_known_features():
    model = confidence.model()
    assert set(model["coefficients"]) <= set(confidence.FEATURES)
    assert all(math.isfinite(c) for c in model["coefficients"].values())
    assert {"fitted", "data", "reliability"} <= model.keys()


def test_probability_follows_the_coefficients():
    fitted = {"intercept": 0.0, "coefficients": {"named": 2.0, "speaker_pronoun": -1.0}}
    values = dict.fromkeys(confidence.FEATURES, 0.0)
    assert confidence.probability(values, fitted) == 0.5
    named = {**values, "named": 1.0}
    pronoun = {**values, "speaker_pronoun": 1.0}
    assert confidence.probability(named, fitted) == pytest.approx(1 / (1 + math.exp(-2)))
    assert confidence.probability(pronoun, fitted) < 0.5


def test_speaker_and_people_gender(articles):
    genders = {q.speaker.name or q.speaker.title: q.speaker.gender
               for q in articles["addressed"].quotes}
    assert genders == {"نرگس کریمی": "female", "پیتر اشمیت": "male",
                       "یک کارشناس اقتصادی": "unknown"}
    assert {p.name: p.gender for p in articles["named"].people} == {"مریم احمدی": "female"}


def test_one_person_in_standard_letters_while_text_and_mention_keep_the_input(articles):
    article = articles["spellings"]
    first, second = article.quotes
    assert first.speaker.id == second.speaker.id
    assert first.speaker.name == second.speaker.name == "جواد جعفری"
    assert first.speaker.title == "معاون وزیر کشور در امور عمرانی"
    assert first.speaker.mention.startswith("جواد جعفري")  # as written: offsets index it
    assert [p.name for p in article.people] == ["جواد جعفری"]
    names = [p.name for p in article.people] + [e.name for e in article.organizations]
    assert not any(c in name for name in names for c in ARABIC_VARIANTS)
    assert "بانک مرکزی" in [e.name for e in article.organizations]
    assert TWO_SPELLINGS[first.start:first.end] == first.text


def test_min_confidence_leaves_out_the_less_likely_statements():
    require_models()
    full = quotex.extract(NAMED_THEN_PRONOUN)
    threshold = max(q.confidence for q in full.quotes)
    kept = quotex.extract(NAMED_THEN_PRONOUN, min_confidence=threshold)
    assert [q.text for q in kept.quotes] == [
        q.text for q in full.quotes if q.confidence >= threshold]
    assert len(kept.quotes) < len(full.quotes)
    assert json.loads(json.dumps(kept.to_dict()))["people"] == full.to_dict()["people"]


def _quotes_of(output: str) -> list[dict]:
    return json.loads(output)["quotes"]


def test_cli_extract_and_batch_min_confidence(tmp_path, articles):
    from typer.testing import CliRunner

    from quotex.cli import app

    runner = CliRunner()
    article = tmp_path / "in" / "named.txt"
    article.parent.mkdir()
    article.write_text(NAMED_THEN_PRONOUN, encoding="utf-8")
    colon, pronoun = articles["named"].quotes
    between = f"{(colon.confidence + pronoun.confidence) / 2:.3f}"

    result = runner.invoke(app, ["extract", str(article), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert len(_quotes_of(result.stdout)) == 2
    result = runner.invoke(app, ["extract", str(article), "-f", "json",
                                 "--min-confidence", between])
    assert result.exit_code == 0, result.output
    assert [q["text"] for q in _quotes_of(result.stdout)] == [colon.text]
    result = runner.invoke(app, ["extract", str(article), "--min-confidence", "1.5"])
    assert result.exit_code != 0  # a probability: 0 to 1

    out = tmp_path / "out"
    batch = ["batch", str(article.parent), "--out", str(out), "--quiet"]
    assert runner.invoke(app, batch).exit_code == 0
    assert len(_quotes_of((out / "named.json").read_text(encoding="utf-8"))) == 2
    # a changed threshold is part of the resume key: the output is redone, not skipped
    assert runner.invoke(app, [*batch, "--min-confidence", between]).exit_code == 0
    assert len(_quotes_of((out / "named.json").read_text(encoding="utf-8"))) == 1
