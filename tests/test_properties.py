"""Property-based tests: any text through the normalizer and the extractor.

Whatever the input (Persian and Arabic letter variants, ZWNJ, digits of three scripts,
odd spaces, line breaks, «», diacritics, direction marks), the normalizer's offset map
stays inside the input, and every span the extractor reports is exactly the input's
text at those offsets. In CI the examples are derandomized, so a run is repeatable.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from models import require_models

from quotex.normalize import normalize

settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

PERSIAN_LETTERS = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآأإؤئءة"
ARABIC_VARIANTS = "يكىةۀ"
MARKS = "\u200c\u200d\u200e\u200f\u0640\u064b\u064e\u0650\u0651\u0652\u0670\ufeff"
DIGITS = "0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩٫٬"
SPACES = " \u00a0\u2009\u202f\t\n\r"
PUNCTUATION = "«»:.،؛؟!\"“”()-/"
# Whole words that exercise ZWNJ repair and attribution: verb prefixes, plural and
# degree suffixes, cue verbs, titles and names.
WORDS = ["می", "نمی", "ها", "های", "ترین", "گفت", "افزود", "اظهار", "کرد", "تاکید",
         "میگوید", "می گوید", "می‌گوید", "دستگاهها", "كتابهاي", "وزیر", "رئیس", "سخنگوی",
         "دولت", "علی", "لاریجانی", "حسن", "روحانی", "وی", "او", "خبرگزاری", "فارس",
         "گزارش", "به", "در", "که", "را", "این", "است", "شد", "شده", "خواهد"]

any_text = st.lists(
    st.one_of(
        st.sampled_from(WORDS),
        st.text(PERSIAN_LETTERS + ARABIC_VARIANTS, min_size=1, max_size=8),
        st.text(MARKS + DIGITS + SPACES + PUNCTUATION, min_size=1, max_size=3),
        st.characters(),  # anything at all, now and then
    ),
    max_size=60,
).map("".join)

# Speech-shaped text, so that the extractor actually finds statements to check.
speech = st.lists(
    st.tuples(
        st.sampled_from(["علی لاریجانی", "وزیر کشور", "سخنگوی دولت", "وی", "رئیس جمهور",
                         "حسن روحاني", "مدير كل"]),
        st.sampled_from(["،", " ", "، وزیر نیرو،", "\u200c"]),
        st.sampled_from(["گفت:", "افزود:", "اظهار کرد:", "تاکید کرد که", "مي گويد:",
                         "گفت", ":"]),
        st.sampled_from([" «", " ", "\u00a0", " \""]),
        any_text,
        st.sampled_from(["».", ".", "\n", "\n\n", "؟", ""]),
    ).map("".join),
    min_size=1,
    max_size=6,
).map(" ".join)


@given(any_text)
@settings(max_examples=500)
def test_normalized_characters_map_inside_the_original(text):
    norm = normalize(text)
    assert norm.original == text
    assert len(norm.starts) == len(norm.ends) == len(norm.text)
    for start, end in zip(norm.starts, norm.ends, strict=True):
        assert 0 <= start <= end <= len(text)
    assert list(norm.starts) == sorted(norm.starts)


@given(any_text, st.data())
@settings(max_examples=300)
def test_any_normalized_span_maps_to_a_span_of_the_original(text, data):
    norm = normalize(text)
    a = data.draw(st.integers(0, len(norm.text)))
    b = data.draw(st.integers(a, len(norm.text)))
    start, end = norm.span(a, b)
    assert 0 <= start <= end <= len(text)
    assert norm.original_text(a, b) == text[start:end]


@pytest.fixture(scope="module")
def extractor():
    """The engine with its pipeline loaded once for all examples."""
    require_models()
    from quotex.engine import extract
    from quotex.nlp import get_nlp

    get_nlp()
    return extract


@given(text=st.one_of(speech, any_text))
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_extracted_spans_are_exact_substrings_of_the_input(extractor, text):
    article = extractor(text)
    for quote in article.quotes:
        assert 0 <= quote.start <= quote.end <= len(text)
        assert text[quote.start:quote.end] == quote.text
        assert 0 <= quote.cue_start <= quote.cue_end <= len(text)
        assert text[quote.cue_start:quote.cue_end] == quote.cue
