"""Rule tokens and sentences on scraped Persian text."""

from quotex.segment import sentences


def _words(text: str) -> list[list[str]]:
    return [[t.text for t in sent] for sent in sentences(text, 0, len(text))]


def test_an_acronym_with_dots_is_one_word():
    text = "وزیر در گفت‌وگو با رادیو آر.ان.‌ای گفت: خبر درست است."
    (sentence,) = _words(text)
    assert "آر.ان.‌ای" in sentence and "." not in sentence[:-1]


def test_a_lost_space_after_a_full_stop_still_ends_the_sentence():
    text = "نان سنگک می‌خرند.مقداری میوه هم می‌خرند."
    assert _words(text) == [["نان", "سنگک", "می‌خرند", "."], ["مقداری", "میوه", "هم", "می‌خرند", "."]]
