"""quotex.provenance: the same statement in several articles is one group."""

from __future__ import annotations

from quotex import provenance

# A statement as one agency wrote it (sentences written for this test).
ORIGINAL = ("دولت تا پایان سال جاری همه طرح‌های نیمه‌تمام آب‌رسانی روستاهای استان را "
            "به بهره‌برداری می‌رساند و برای این کار اعتبار ویژه‌ای در نظر گرفته شده است "
            "که هفته آینده به حساب شرکت آب و فاضلاب واریز می‌شود.")
# Another outlet: two words changed.
REWORDED = ("دولت تا پایان امسال همه طرح‌های نیمه‌تمام آب‌رسانی روستاهای استان را "
            "به بهره‌برداری می‌رساند و برای این کار اعتبار ویژه‌ای در نظر گرفته شده است "
            "که هفته بعد به حساب شرکت آب و فاضلاب واریز می‌شود.")
# A third: only the first part, with its ZWNJs lost and Arabic ي/ك.
CUT_NO_ZWNJ = ("دولت تا پايان سال جاري همه طرحهاي نيمهتمام آبرساني روستاهاي استان را "
               "به بهرهبرداري ميرساند")
# The same speaker on the same subject, but another statement.
OTHER = ("طرح‌های آب‌رسانی روستاهای استان با مشکل کمبود اعتبار روبه‌رو هستند و "
         "شرکت آب و فاضلاب نمی‌تواند بدهی پیمانکاران را بپردازد.")
SHORT = "ما آماده‌ایم."
SHORT_INSIDE = "ما آماده‌ایم و در انتخابات شرکت می‌کنیم."


def group(*texts: str) -> list[int]:
    return provenance.group_statements([provenance.comparable(t) for t in texts])


def shingles(text: str) -> frozenset[str]:
    return provenance.shingles(provenance.comparable(text))


def test_reworded_cut_and_respelled_statements_are_one_group():
    assert group(ORIGINAL, OTHER, REWORDED, CUT_NO_ZWNJ) == [0, 1, 0, 0]


def test_a_different_statement_on_the_same_subject_stays_apart():
    a, b = shingles(ORIGINAL), shingles(OTHER)
    assert len(a & b) > 0  # they share words and some shingles ...
    assert provenance.similarity(a, b) < provenance.THRESHOLD  # ... but are not the same


def test_lost_zwnj_and_arabic_letters_give_the_same_shingles():
    assert shingles(CUT_NO_ZWNJ) <= shingles(ORIGINAL)


def test_a_short_statement_is_not_found_inside_a_longer_one():
    # too short for containment: Jaccard alone decides
    assert group(SHORT, SHORT_INSIDE) == [0, 1]
    assert group(SHORT, "ما آمادهایم") == [0, 0]  # ZWNJ lost


def test_first_seen_prefers_the_earliest_date_then_file_order():
    texts = [provenance.comparable(t) for t in (ORIGINAL, REWORDED, CUT_NO_ZWNJ, OTHER)]
    # the reworded one was published first; the cut one has no date
    published = ["2023-08-04", "2023-08-03", None, None]
    assert provenance.first_seen(texts, published) == [1, 1, 1, 3]
    assert provenance.first_seen(texts, [None] * 4) == [0, 0, 0, 3]


def test_empty_and_punctuation_only_texts_are_alone():
    assert group("", "«»", ORIGINAL) == [0, 1, 2]
