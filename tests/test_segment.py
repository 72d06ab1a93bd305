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


def test_a_digit_glued_to_a_persian_word_is_a_token_of_its_own_but_latin_names_keep_theirs():
    text = "عباس طحان4 - علی علیاری0 در مسیر Nrf2 و ویتامین B12 و25 نفر"
    (sentence,) = _words(text)
    assert sentence[:7] == ["عباس", "طحان", "4", "-", "علی", "علیاری", "0"]
    assert "Nrf2" in sentence and "B12" in sentence and sentence[-3:] == ["و", "25", "نفر"]
