import pytest
from helpers import analysis_of

from quotex.cues import find_cues, may_carry_speech, verb_stem


@pytest.mark.parametrize(
    ("form", "stem"),
    [
        ("گفت", "گفت"), ("می‌گویند", "گفت"), ("میگویند", "گفت"), ("نمی‌گوید", "گفت"),
        ("گفته", "گفت"), ("بگوید", "گفت"), ("افزود", "افزود"), ("می‌افزاید", "افزود"),
        ("کرد", "کرد"), ("نکرد", "کرد"), ("می‌کند", "کرد"), ("داشت", "داشت"),
        ("شد", "شد"), ("داد", "داد"), ("نوشت", "نوشت"), ("می‌نویسد", "نوشت"),
    ],
)
def test_verb_stem_in_every_tense_person_and_polarity(form, stem):
    assert verb_stem(form) == stem


@pytest.mark.parametrize("word", ["گفتگو", "کن", "افزایش", "کردستان", "داده‌ها"])
def test_non_cue_words_have_no_stem(word):
    assert verb_stem(word) is None


def labels(text: str) -> list[str]:
    return [cue.entry.label for cue in find_cues(analysis_of(text))]


def test_simple_and_light_verb_cues():
    text = (
        "وی اظهار کرد: الف. او تأکید کرد که ب. وزیر خاطرنشان کرد: ج. "
        "رئیس یادآور شد: د. معاون اظهار داشت: ه. مدیر ادامه داد: و. وی افزود: ز."
    )
    assert labels(text) == [
        "اظهار کرد", "تأکید کرد", "خاطرنشان کرد", "یادآور شد", "اظهار کرد", "ادامه داد",
        "افزود",
    ]


def test_cues_in_other_tenses_and_spellings():
    text = "وی تاکید کرده است که الف. او خواهد گفت که ب. وزیر اعلام نکرد که ج. مدیر می گوید د."
    assert labels(text) == ["تاکید کرد", "گفت", "گفت"]  # `اعلام نکرد`: negated, no report


def test_light_verb_alone_is_not_a_cue():
    assert labels("دولت کار را آغاز کرد و مردم شرکت کردند.") == []


def test_cue_span_includes_auxiliary():
    analysis = analysis_of("وی گفته است: الف ب.")
    (cue,) = find_cues(analysis)
    assert (cue.first.text, cue.last.text) == ("گفته", "است")


@pytest.mark.parametrize(
    ("sentence", "carries"),
    [
        ("وی افزود که کار ادامه دارد.", True),
        ("مدیرکل از افتتاح طرح خبر داد.", True),
        ("به گفته وی، کار ادامه دارد.", True),
        ("این جلسه با حضور مدیران برگزار شد.", False),
        ("دولت کار را به مردم واگذار کرد.", False),
    ],
)
def test_only_sentences_that_can_carry_speech_go_to_the_tagger(sentence, carries):
    words = analysis_of(sentence).words
    assert may_carry_speech(words) is carries


def test_perfect_with_copula_clitic():
    assert verb_stem("داشته‌اند") == "داشت"
    assert verb_stem("گفته‌ایم") == "گفت"


@pytest.mark.parametrize(
    ("form", "speaker_person"),
    [("گفتم", True), ("گفتیم", True), ("گفتید", True), ("بگویید", True), ("دادم", True),
     ("گفته‌ام", True), ("گفت", False), ("گفتند", False), ("می‌گوید", False),
     ("می‌گویند", False), ("افزود", False), ("کرد", False), ("گفته‌اند", False)],
)
def test_first_and_second_person_forms(form, speaker_person):
    from quotex.cues import is_first_or_second_person

    assert is_first_or_second_person(form) is speaker_person


def test_a_speakers_own_i_said_is_no_new_cue():
    assert labels("وی گفت: من به او پیشنهاد دادم که بماند و گفتم کار تمام است.") == ["گفت"]


def test_a_subjunctive_or_imperative_reports_nothing():
    text = ("اگر کسی بپرسد باید بگوید که کار تمام است. وقتی خطر رفع شد بدن اعلام کند که آرام باشد. "
            "به او بگو که بیاید. وزیر می‌گوید که کار تمام است. وی اظهار دارد که کار تمام است.")
    assert [c.entry.label for c in find_cues(analysis_of(text))] == ["گفت", "اظهار کرد"]


def test_a_first_or_second_person_auxiliary_makes_no_cue():
    text = ("در این مطلب خواهیم گفت که چه باید کرد. چنانچه گفته ایم رنگ چشم تغییر می‌کند. "
            "وزیر خواهد گفت که کار تمام است.")
    assert [c.entry.label for c in find_cues(analysis_of(text))] == ["گفت"]


def test_a_participle_after_be_is_a_noun_not_a_cue():
    text = "به نوشته راشاتودی این فیلم تحریک‌آمیز بوده است. طبق گفته وزیر، کار تمام است."
    assert find_cues(analysis_of(text)) == []


def test_a_noun_that_makes_another_verb_of_saying_reports_nothing():
    text = ("توزمن که در دیدار با وزیر سخن می‌گفت، اظهار داشت: ترکیه آماده است. "
            "وی به مردم تبریک گفت و دروغ نمی‌گوید.")
    assert [c.entry.label for c in find_cues(analysis_of(text))] == ["اظهار کرد"]


def test_a_negated_cue_reports_nothing_but_a_stem_that_opens_with_nun_does():
    text = ("وی نگفت که استعفا می‌دهد. او تاکید نکرد که کار تمام است. "
            "وزیر نوشت که کار تمام است. او نمی‌گوید که کار تمام است. رئیس گفت: کار تمام است.")
    assert [c.entry.label for c in find_cues(analysis_of(text))] == ["نوشت", "گفت"]


def test_a_split_preverb_does_not_reach_across_a_copula():
    text = ("کامرون که خواستار اصلاح روابط با اروپا است، طرحی ارائه کرده بود که به اتحادیه "
            "پیشنهاد شد. وزیر خواستار چاره‌جویی مسئولان درباره تعلق نداشتن بیمه به کارگران شد.")
    assert [c.entry.label for c in find_cues(analysis_of(text))] == ["خواستار شد"]


def test_belief_with_to_be_or_to_have_is_a_cue_in_the_third_person_only():
    text = ("کارشناسان معتقدند که تورم کاهش می‌یابد. وزیر معتقد است: کار تمام است. "
            "مدیر بر این باور است که بازار آرام است. او اعتقاد دارد که کار تمام است. "
            "کارشناسان بر این باورند که نفت گران می‌شود. من معتقدم که کار تمام است. "
            "او معتقد نیست که کار تمام است. کسی که معتقد باشد کار تمام است می‌رود.")
    assert labels(text) == ["معتقد بود", "معتقد بود", "بر این باور بود", "اعتقاد داشت",
                            "بر این باور بود"]


def test_a_perfect_subjunctive_reports_nothing():
    text = ("ممکن است وزیر این را گفته باشد. شخص باور داشته باشد که بهترین است. "
            "باور داشته باشید که می‌شود. وی گفته بود که می‌رود.")
    assert labels(text) == ["گفت"]


def test_judging_verbs_are_cues():
    text = "وی این اقدام را غیرقانونی خواند. او کار را لازم دانست. وزیر وضع را مطلوب ارزیابی کرد."
    assert labels(text) == ["خواند", "لازم دانست", "ارزیابی کرد"]


@pytest.mark.parametrize(
    ("sentence", "carries"),
    [("کارشناسان معتقدند که تورم کاهش می‌یابد.", True),
     ("مدیر بر این باور است که بازار آرام است.", True),
     ("این پل بر این رودخانه ساخته شده است.", False)],
)
def test_belief_sentences_go_to_the_tagger(sentence, carries):
    assert may_carry_speech(analysis_of(sentence).words) is carries
