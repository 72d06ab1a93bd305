from quotex.normalize import ZWNJ, fold, normalize


def test_arabic_letters_and_digits_become_persian_and_ascii():
    norm = normalize("رئيس كميته ۲۳ ميليارد")
    assert norm.text == "رئیس کمیته 23 میلیارد"


def test_lost_zwnj_restored_in_verbs_plurals_and_suffixes():
    text = "انتخابات میشود و دستگاهها موظفاند، پیچیدهتر از ویژهای نشدهایم"
    out = normalize(text).text
    for word in ("می‌شود", "دستگاه‌ها", "پیچیده‌تر", "ویژه‌ای", "نشده‌ایم"):
        assert word in out, word


def test_spaced_prefix_and_plural_join_with_zwnj():
    out = normalize("وی می گوید مراسم های مذهبی").text
    assert f"می{ZWNJ}گوید" in out
    assert f"مراسم{ZWNJ}های" in out


def test_glued_light_verb_is_split():
    assert normalize("وارسته اظهارداشت: با توجه").text == "وارسته اظهار داشت: با توجه"


def test_light_verb_joined_by_zwnj_is_split_but_a_participle_is_kept():
    text = f"مکوندی بیان{ZWNJ}کرد: وی ادامه{ZWNJ}داد: فرد نام{ZWNJ}برده"
    norm = normalize(text)
    assert norm.text == f"مکوندی بیان کرد: وی ادامه داد: فرد نام{ZWNJ}برده"
    start = norm.text.index("بیان کرد")
    assert text[slice(*norm.span(start, start + len("بیان کرد")))] == f"بیان{ZWNJ}کرد"


def test_words_that_only_look_like_prefix_or_plural_are_kept():
    for word in ("میدان", "میلیون", "تنها", "رهایی", "میز"):
        assert normalize(word).text == word


def test_every_span_maps_back_to_the_original_text():
    original = "خوش اقبال افزود: ستادهای انتخاباتي باید از هماکنون\u00a0فعاليت كنند. ۱۴۰۴"
    norm = normalize(original)
    assert len(norm.starts) == len(norm.ends) == len(norm.text)
    start = norm.text.index("ستاد")
    end = norm.text.index("کنند") + len("کنند")
    a, b = norm.span(start, end)
    assert original[a:b] == "ستادهای انتخاباتي باید از هماکنون\u00a0فعاليت كنند"


def test_dropped_marks_do_not_shift_offsets():
    original = "\u200fگفت\u0640ه: «سلام»"
    norm = normalize(original)
    start = norm.text.index("سلام")
    assert norm.original_text(start, start + 4) == "سلام"


def test_glued_adverbial_phrase_is_split():
    assert normalize("جواد قناعت درپایان افزود").text == "جواد قناعت در پایان افزود"


def test_spaced_compounds_with_va_become_one_word():
    assert normalize("در گفت و گو با خبرنگار").text == "در گفت‌و‌گو با خبرنگار"
    assert normalize("رفت و آمدها").text == "رفت‌و‌آمد‌ها"
    assert normalize("او گفت و گوشی را برداشت").text == "او گفت و گوشی را برداشت"
    # the `و` glued to the second stem, or lost
    assert normalize("دیدار و گفت گو کردند").text == "دیدار و گفت‌گو کردند"
    assert normalize("در گفت وگو با او").text == "در گفت‌وگو با او"
    assert normalize("او گفت گوسفند").text == "او گفت گوسفند"


def test_fold_compares_names_written_with_arabic_letters():
    assert fold("نبى") == fold("نبي") == "نبی"
    assert fold("اسماعيل آزادي") == "اسماعیل آزادی"


def test_soft_hyphen_stands_for_a_zwnj_and_its_stray_space_goes():
    original = "دونالد توسک بعد از گفت\u00ad وگوهای دیشب گفت پیشرفت\u00adهایی می \u00adشود."
    norm = normalize(original)
    assert norm.text == "دونالد توسک بعد از گفت‌وگوهای دیشب گفت پیشرفت‌هایی می‌شود."
    start = norm.text.index("گفت‌وگوهای")
    assert norm.original_text(start, start + len("گفت‌وگوهای")) == "گفت\u00ad وگوهای"
    assert normalize("a\u00adb").text == "ab"


def test_an_ezafe_written_apart_after_h_joins_its_word():
    assert normalize("برطبق گفته ی سایت").text == "برطبق گفته‌ی سایت"


def test_a_paragraph_run_into_the_next_ones_honorific_is_split_at_a_line_break():
    text = "بازگشایی مدارس از مهرماهسردار کریمی گفت: آماده‌ایم."
    norm = normalize(text)
    assert norm.text == "بازگشایی مدارس از مهرماه\nسردار کریمی گفت: آماده‌ایم."
    assert norm.original_text(0, len(norm.text)) == text
    glued = normalize("نشست برگزار شدحجتالاسلام والمسلمین احمدی گفت").text
    assert glued == "نشست برگزار شد\nحجت\u200cالاسلام والمسلمین احمدی گفت"


def test_a_preposition_run_into_a_honorific_gets_its_space_back():
    assert normalize("دیدار بادکتر احمدی").text == "دیدار با دکتر احمدی"


def test_words_that_end_like_a_honorific_are_kept():
    for word in ("المهندس", "غیرمهندس", "پدرخانم", "اعلیحضرت", "رسید"):
        assert normalize(word).text == word
