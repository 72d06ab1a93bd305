"""Statements, speakers and coreference on real Persian sentences (rule stages only)."""

from helpers import analysis_of

from quotex.engine import build_article


def quotes_of(text: str, persons: tuple[str, ...] = ()):
    article = build_article("test", analysis_of(text, persons))
    return [(q.speaker.name, q.speaker.title, q.cue, q.type, q.text) for q in article.quotes]


def test_seed_article_attributes_all_eight_statements(seed_text):
    article = build_article("seed", analysis_of(seed_text, ("حسین خوش اقبال",)))
    his = [q for q in article.quotes if q.speaker.name == "حسین خوش اقبال"]
    assert [q.cue for q in his] == [
        "خبر داد", "اظهار کرد", "افزود", "گفت", "افزود", "تأکید کرد", "گفت", "خاطرنشان کرد",
    ]
    assert {q.speaker.title for q in his} == {"معاون استاندار و فرماندار تهران"}
    assert len({q.speaker.id for q in his}) == 1
    assert his[0].text == (
        "آمادگی کامل شهرستان تهران برای برگزاری انتخاباتی امن، سالم و تمامالکترونیک"
    )
    assert his[1].type == "direct" and his[1].text.startswith("مسئولیت اصلی برگزاری")
    assert his[1].text.endswith("همکاری لازم را داشته باشند.")
    assert his[5].type == "indirect"
    assert his[5].text == "ضرورت آموزش و آگاهیبخشی عمومی به منظور افزایش مشارکت مردمی"


def test_seed_headline_items_have_title_only_speakers(seed_text):
    article = build_article("seed", analysis_of(seed_text, ("حسین خوش اقبال",)))
    unnamed = {q.speaker.title for q in article.quotes if q.speaker.name is None}
    assert {
        "رییس بنیاد شهید", "رئیس شورای اسلامی شهر تهران", "معاون فرهنگی بنیاد شهید",
        "سخنگوی سازمان ثبت اسناد و املاک کشور", "رئیس پلیس امنیت اقتصادی فراجا",
    } <= unnamed
    for quote in article.quotes:
        assert seed_text[quote.start:quote.end] == quote.text
        assert seed_text[quote.cue_start:quote.cue_end] == quote.cue


def test_name_title_colon_statement_runs_to_paragraph_end():
    text = (
        "علی رضایی، مدیرکل بهزیستی استان فارس، در نشست خبری اظهار کرد: امسال بودجه کافی "
        "نداریم. این مشکل باید حل شود.\nپاراگراف بعدی ربطی ندارد."
    )
    assert quotes_of(text, ("علی رضایی",)) == [(
        "علی رضایی", "مدیرکل بهزیستی استان فارس", "اظهار کرد", "direct",
        "امسال بودجه کافی نداریم. این مشکل باید حل شود.",
    )]


def test_pronoun_surname_and_prodrop_resolve_to_the_named_speaker():
    text = (
        "مهدی احمدی، وزیر نیرو گفت: آب کم است.\n"
        "وی افزود: باید صرفه‌جویی کرد.\n"
        "احمدی همچنین گفت: سدها خالی‌اند.\n"
        "در ادامه تصریح کرد: مردم همکاری کنند.\n"
        "وزیر نیرو در پایان خاطرنشان کرد: وضعیت جدی است."
    )
    quotes = quotes_of(text, ("مهدی احمدی",))
    assert [q[0] for q in quotes] == ["مهدی احمدی"] * 5
    assert {q[1] for q in quotes} == {"وزیر نیرو"}


def test_title_in_headline_before_the_name_resolves_forward():
    text = (
        "استاندار گیلان از افتتاح ۱۰ طرح عمرانی خبر داد.\n"
        "به گزارش ایرنا، اسدالله عباسی استاندار گیلان صبح امروز گفت: طرح‌ها آماده‌اند."
    )
    quotes = quotes_of(text, ("اسدالله عباسی",))
    assert [(q[0], q[2], q[3]) for q in quotes] == [
        ("اسدالله عباسی", "خبر داد", "indirect"), ("اسدالله عباسی", "گفت", "direct"),
    ]
    assert quotes[0][4] == "افتتاح ۱۰ طرح عمرانی"


def test_emphasis_then_saying_gives_two_statements_one_speaker():
    text = "وی بر لزوم توجه به محیط زیست تأکید کرد و گفت: طبیعت امانت است."
    quotes = quotes_of("سارا کریمی، فعال محیط زیست گفت: الف ب ج.\n" + text, ("سارا کریمی",))
    assert [(q[2], q[3], q[4]) for q in quotes[1:]] == [
        ("تأکید کرد", "indirect", "لزوم توجه به محیط زیست"),
        ("گفت", "direct", "طبیعت امانت است."),
    ]
    assert {q[0] for q in quotes} == {"سارا کریمی"}


def test_indirect_with_ke_and_according_to():
    text = (
        "حسن موسوی، سخنگوی شرکت ملی نفت گفت که تولید افزایش یافته است.\n"
        "به گفته موسوی، صادرات نیز بیشتر شده است."
    )
    quotes = quotes_of(text, ("حسن موسوی",))
    assert quotes == [
        ("حسن موسوی", "سخنگوی شرکت ملی نفت", "گفت", "indirect", "تولید افزایش یافته است."),
        ("حسن موسوی", "سخنگوی شرکت ملی نفت", "به گفته", "indirect", "صادرات نیز بیشتر شده است."),
    ]


def test_quoted_statement_after_colon_is_the_inside_of_the_quotes():
    text = "کریم باقری گفت: «ما برای قهرمانی آمده‌ایم و کوتاه نمی‌آییم.»"
    (quote,) = quotes_of(text, ("کریم باقری",))
    assert quote[3:] == ("direct", "ما برای قهرمانی آمده‌ایم و کوتاه نمی‌آییم.")


def test_nested_speech_stays_inside_the_outer_statement():
    text = "رضا نادری گفت: پدرم همیشه می‌گفت که کار عار نیست و من هم همین را می‌گویم."
    quotes = quotes_of(text, ("رضا نادری",))
    assert len(quotes) == 1 and quotes[0][0] == "رضا نادری"


def test_organization_and_anonymous_speakers():
    text = (
        "وزارت کشور اعلام کرد: انتخابات در موعد مقرر برگزار می‌شود.\n"
        "یک منبع آگاه گفت که مذاکرات ادامه دارد."
    )
    article = build_article("t", analysis_of(text))
    org, anon = article.quotes
    assert (org.speaker.kind, org.speaker.name) == ("organization", "وزارت کشور")
    assert (anon.speaker.kind, anon.speaker.name, anon.speaker.title) == (
        "person", None, "یک منبع آگاه")


def test_colon_headline_and_interview_topic_lines():
    text = (
        "ریچی: برای قهرمانی به میدان می‌رویم\n"
        "مارکو ریچی، سرمربی تیم ملی ایتالیا گفت: «از این انتخاب خوشحالم.»\n"
        "رابطه با هواداران: «هواداران پشتوانه ما هستند و همیشه کنار ما بوده‌اند.»"
    )
    quotes = quotes_of(text, ("مارکو ریچی",))
    assert [(q[0], q[2], q[3]) for q in quotes] == [("مارکو ریچی", ":", "direct")] * 1 + [
        ("مارکو ریچی", "گفت", "direct"), ("مارکو ریچی", ":", "direct")]
    assert quotes[2][4] == "هواداران پشتوانه ما هستند و همیشه کنار ما بوده‌اند."


def test_byline_is_not_a_speaker():
    text = "خبرگزاری فارس: مدیرکل حفاظت محیط زیست استان قزوین گفت: شکار ممنوع است."
    (quote,) = quotes_of(text)
    assert quote[:2] == (None, "مدیرکل حفاظت محیط زیست استان قزوین")
    assert quote[4] == "شکار ممنوع است."


def test_honorific_is_kept_apart_from_the_name():
    text = "حجت‌الاسلام محمد حسینی، امام جمعه شهر گفت: نماز جمعه برگزار می‌شود."
    article = build_article("t", analysis_of(text, ("محمد حسینی",)))
    speaker = article.quotes[0].speaker
    assert (speaker.name, speaker.honorific, speaker.title) == (
        "محمد حسینی", "حجت‌الاسلام", "امام جمعه شهر")


def test_statement_inside_a_split_compound():
    text = "نادر قاضی‌پور، نماینده ارومیه خواستار توجه بیشتر دولت به کشاورزان شد."
    (quote,) = quotes_of(text, ("نادر قاضی‌پور",))
    assert quote[2:] == ("خواستار شد", "indirect", "توجه بیشتر دولت به کشاورزان")


def test_passive_saying_has_no_speaker():
    assert quotes_of("گفته شد که جلسه لغو شده است.") == []


def test_cue_joined_to_the_next_cue_leaves_the_statement_to_it():
    text = "مریم صادقی، رئیس انجمن گفت: الف ب.\nوی ابراز امیدواری کرد و گفت: کار تمام می‌شود."
    quotes = quotes_of(text, ("مریم صادقی",))
    assert [(q[0], q[2], q[4]) for q in quotes[1:]] == [
        ("مریم صادقی", "گفت", "کار تمام می‌شود.")]


def test_a_new_attribution_in_the_same_paragraph_ends_the_statement():
    text = (
        "رضا کاظمی، رئیس اتاق بازرگانی گفت: صادرات کم شده است. باید فکری کرد. "
        "کاظمی در ادامه پیش‌بینی کرد که وضع بهتر شود."
    )
    quotes = quotes_of(text, ("رضا کاظمی",))
    assert [(q[2], q[4]) for q in quotes] == [
        ("گفت", "صادرات کم شده است. باید فکری کرد."),
        ("پیش‌بینی کرد", "وضع بهتر شود."),
    ]


def test_a_closed_quotation_ends_the_statement_but_a_quoted_phrase_does_not():
    whole = "سارا نیکو گفت: «ما آماده‌ایم.» تیم فردا به تهران می‌رود."
    phrase = "سارا نیکو گفت: «تماشاگر-بازیکن» مشکل فوتبال ما شده است."
    assert quotes_of(whole, ("سارا نیکو",))[0][4] == "ما آماده‌ایم."
    assert quotes_of(phrase, ("سارا نیکو",))[0][4] == "«تماشاگر-بازیکن» مشکل فوتبال ما شده است."


def test_speech_reported_inside_a_direct_statement_stays_in_it():
    text = (
        "مجید رضوی، سرپرست تیم ملی گفت: برنامه داشتیم. ایشان گفتند تمرین نمی‌خواهیم. "
        "حرف ایشان منطقی است."
    )
    quotes = quotes_of(text, ("مجید رضوی",))
    assert len(quotes) == 1
    assert quotes[0][4] == "برنامه داشتیم. ایشان گفتند تمرین نمی‌خواهیم. حرف ایشان منطقی است."


def test_partitive_description_and_demonstrative_title():
    text = (
        "حمید سادین، یکی از مرغداران گلستان گفت: نهاده گران است.\n"
        "این فعال صنعت دام و طیور در ادامه تأکید کرد: وضع سخت است."
    )
    quotes = quotes_of(text, ("حمید سادین",))
    assert [(q[0], q[1]) for q in quotes] == [("حمید سادین", "یکی از مرغداران گلستان")] * 2


def test_a_name_the_ner_covered_only_in_part_is_completed():
    # the fixture tags only part of each name, as a weak NER model does
    first = "رسول علی اشرفی‌پور امروز در جلسه گفت: زباله زیاد است."
    second = "علی‌محمد لروند، امام جمعه ایوان گفت: کار خوب است."
    assert quotes_of(first, ("علی اشرفی‌پور",))[0][:2] == ("رسول علی اشرفی‌پور", None)
    assert quotes_of(second, ("علی‌محمد",))[0][:2] == ("علی‌محمد لروند", "امام جمعه ایوان")


def test_a_common_word_tagged_as_a_person_stays_in_the_title():
    text = "معاون فرهنگی بنیاد شهید گفت: توان موشکی مایه امید است."
    assert quotes_of(text, ("شهید",))[0][:2] == (None, "معاون فرهنگی بنیاد شهید")


def test_a_bare_title_of_the_same_head_goes_to_the_nearby_named_speaker():
    text = (
        "بازیگر پیشکسوت سینما گفت: اسپانسرها نقش‌ها را تعیین می‌کنند.\n"
        "به گزارش ایسنا، بهرام نیک‌نام بازیگر قدیمی که در همه رسانه‌ها کار کرده گفت: وضع بد است."
    )
    quotes = quotes_of(text, ("بهرام نیک‌نام",))
    assert [(q[0], q[1]) for q in quotes] == [("بهرام نیک‌نام", "بازیگر پیشکسوت سینما")] * 2


def test_time_adverbial_before_the_subject_is_skipped():
    text = ("بامداد جمعه روزنامه «اعتماد» مدعی شد دولت برای نخستین بار بودجه را اصلاح کرده است. "
            "«اعتماد» با انتشار این گزارش افزود این اصلاحیه به مجلس رفته است.")
    article = build_article("t", analysis_of(text))
    speakers = [(q.speaker.name, q.speaker.kind) for q in article.quotes]
    assert speakers == [("روزنامه «اعتماد»", "organization")] * 2
    assert len({q.speaker.id for q in article.quotes}) == 1


def test_weekday_ends_the_subject_and_a_title_may_hold_one():
    article = build_article("t", analysis_of("وزارت کشور جمعه اعلام کرد: انتخابات برگزار می‌شود."))
    assert article.quotes[0].speaker.name == "وزارت کشور"
    quotes = quotes_of("امام جمعه موقت تهران گفت: نماز جمعه این هفته برگزار می‌شود.")
    assert quotes[0][:2] == (None, "امام جمعه موقت تهران")


def test_plural_officials_are_described_not_named():
    quotes = quotes_of("مقام‌های آمریکایی گفته‌اند این کشتی‌ها بدون درگیری توقیف شده‌اند.")
    assert quotes[0][:2] == (None, "مقام‌های آمریکایی")


def test_a_modal_before_the_verb_reports_nothing():
    assert quotes_of("اما باید گفت که شما همچنان به مراقبت از پوست نیاز دارید.") == []
    assert quotes_of("نمی‌توان انکار کرد که این طرح هزینه زیادی دارد.") == []


def test_a_name_the_ner_cut_short_is_completed_before_the_title():
    text = "حمیدرضا غنی آبادی مدیرکل مجوزهای بانکی گفت: قانون چک اجرا می‌شود."
    (quote,) = quotes_of(text, ("حمیدرضا غنی",))
    assert quote[:2] == ("حمیدرضا غنی آبادی", "مدیرکل مجوزهای بانکی")


def test_a_pronoun_goes_to_a_person_the_narration_just_introduced():
    text = ("علی لاریجانی، رئیس مجلس گفت: مصرف برق بالا رفته است.\n\n"
            "«هومن مهری» یکی از جوانانی است که هر روز به خانواده شهدا سر می‌زند. "
            "او می‌گوید: کار ما یک جور عشق است.\n\n"
            "هومن می‌گوید: امروز کار خاصی نداریم.")
    quotes = quotes_of(text, ("علی لاریجانی", "هومن مهری"))
    assert [q[0] for q in quotes] == ["علی لاریجانی", "هومن مهری", "هومن مهری"]


def test_a_pronoun_after_a_quote_naming_someone_stays_with_the_speaker():
    text = ("علی لاریجانی، رئیس مجلس گفت: من با حسن روحانی دیدار کردم. "
            "وی افزود: این دیدار مفید بود.")
    quotes = quotes_of(text, ("علی لاریجانی", "حسن روحانی"))
    assert [q[0] for q in quotes] == ["علی لاریجانی", "علی لاریجانی"]


def test_speakers_with_no_name_each_get_their_own_id():
    text = ("در ادامه افزود: مذاکرات ادامه دارد.\n\n"
            "یک مقام آمریکایی گفته است این کشتی‌ها توقیف شده‌اند.\n\n"
            "سخنگوی دولت گفت: خبر جدیدی نداریم.")
    article = build_article("t", analysis_of(text))
    speakers = [(q.speaker.title, q.speaker.id) for q in article.quotes]
    assert [title for title, _ in speakers] == [None, "یک مقام آمریکایی", "سخنگوی دولت"]
    assert len({speaker_id for _, speaker_id in speakers}) == 3


def test_a_conjunction_opening_the_clause_is_no_speaker():
    text = "حمید کاظمی، سرمربی تیم گفت: بازی سختی بود.\n\nاما کاظمی گفت: ما آماده‌ایم."
    quotes = quotes_of(text, ("حمید کاظمی",))
    assert [q[0] for q in quotes] == ["حمید کاظمی", "حمید کاظمی"]


def test_a_pronoun_with_an_object_after_it_is_still_the_pronoun():
    text = ("حمید کاظمی، سرمربی تیم گفت: بازی سختی بود.\n\n"
            "وی دومین نکته را آمادگی بدنی دانست و گفت: بازیکنان خسته‌اند.")
    quotes = quotes_of(text, ("حمید کاظمی",))
    assert [q[0] for q in quotes] == ["حمید کاظمی"] * 3
    # `X را Y دانست و گفت: Z` is two statements: X judged Y, and Z
    assert [q[2:] for q in quotes[1:]] == [
        ("دانست", "indirect", "دومین نکته را آمادگی بدنی"),
        ("گفت", "direct", "بازیکنان خسته‌اند.")]


def test_a_group_of_people_is_a_description_not_a_name():
    (quote,) = quotes_of("محققان می‌گویند خواندن کتاب برای کودکان مفید است.")
    assert quote[:2] == (None, "محققان")


def test_a_hyphen_inside_a_title_is_no_byline():
    text = "کارشناس انجمن‌های علمی - دانشجویی وزارت علوم گفت: پارک‌های علم جریان‌ساز هستند."
    (quote,) = quotes_of(text)
    assert quote[:2] == (None, "کارشناس انجمن‌های علمی - دانشجویی وزارت علوم")


def test_a_title_word_the_ner_put_in_a_name_stays_in_the_title():
    text = "ترور نوا مجری و کمدین آمریکایی گفت: این تیم قهرمان جهان شده است."
    (quote,) = quotes_of(text, ("ترور نوا مجری",))
    assert quote[:2] == ("ترور نوا", "مجری و کمدین آمریکایی")


def test_an_honorific_cut_by_the_ner_stays_out_of_the_name():
    text = ("حجت الاسلام والمسلمین محمد حاج ابوالقاسم در مراسم گفت: قاضی باید عادل باشد.\n\n"
            "حاج ابوالقاسم افزود: عجله در قضاوت روا نیست.")
    article = build_article("t", analysis_of(text, ("الاسلام والمسلمین محمد حاج ابوالقاسم",)))
    assert [p.name for p in article.people] == ["محمد حاج ابوالقاسم"]
    assert {q.speaker.name for q in article.quotes} == {"محمد حاج ابوالقاسم"}


def test_a_known_surname_before_an_object_is_the_speaker():
    text = ("احمد روستا، کارشناس اقتصادی گفت: دولت باید ستاد ویژه تشکیل دهد.\n\n"
            "روستا قانون جذب سرمایه‌گذاری خارجی را دارای ابهام دانست و گفت: این ابهام باید رفع شود.")
    quotes = quotes_of(text, ("احمد روستا",))
    assert [q[0] for q in quotes] == ["احمد روستا", "احمد روستا"]


def test_a_group_after_a_name_is_the_object_not_the_title():
    text = ("مریم احمدی امروز در جمع خبرنگاران گفت: جشنواره هفته آینده برگزار می‌شود.\n\n"
            "احمدی اعضای ستاد برگزاری را قهرمانان گمنام جشنواره خواند و افزود: "
            "کار آنان دیده شود.\n\n"
            "احمدی مدیران مدارس را مسئول دانست و گفت: همه باید همکاری کنند.")
    quotes = quotes_of(text, ("مریم احمدی", "احمدی"))
    assert [q[:2] for q in quotes] == [("مریم احمدی", None)] * 5
    assert [q[2] for q in quotes] == ["گفت", "خواند", "افزود", "دانست", "گفت"]


def test_an_object_with_ra_before_the_cue_is_the_statement():
    text = "نخست‌وزیر سابق، او را به دروغگویی و پنهان‌کاری در پرونده نفت متهم کرد."
    (quote,) = quotes_of(text)
    assert quote[1:5] == ("نخست‌وزیر سابق", "متهم کرد", "indirect",
                          "او را به دروغگویی و پنهان‌کاری در پرونده نفت")
    text = "وی مبارزه با آلودگی هوا را از اولویت‌های شهرداری نام برد."
    (quote,) = quotes_of("رضا کرمانی گفت: کار ادامه دارد. " + text, ("رضا کرمانی",))[1:]
    assert (quote[0], quote[2], quote[4]) == (
        "رضا کرمانی", "نام برد", "مبارزه با آلودگی هوا را از اولویت‌های شهرداری")


def test_warnings_and_complaints_are_cues():
    quotes = quotes_of("فولادگر تذکر داد: باید هوشیار بود.\n\nوی از کمبود بودجه گلایه کرد.",
                       ("فولادگر",))
    assert [(q[2], q[4]) for q in quotes] == [
        ("تذکر داد", "باید هوشیار بود."), ("گلایه کرد", "کمبود بودجه")]


def _tag(analysis, text, entity):
    for word in analysis.words:
        if word.text == text:
            word.entity, word.entity_begin = entity, True
    return analysis


def test_a_surname_the_ner_took_for_an_organization_is_the_person():
    text = ("محمود اسلامیان، نایب رییس فدراسیون فوتبال گفت: درآمد باشگاه‌ها کم است.\n\n"
            "اسلامیان افزود: حق پخش باید پرداخت شود.")
    analysis = analysis_of(text, ("محمود اسلامیان",))
    _tag(analysis, "اسلامیان", "PER")
    analysis.words[[w.text for w in analysis.words].index("اسلامیان", 3)].entity = "ORG"
    article = build_article("t", analysis)
    assert [(q.speaker.name, q.speaker.kind) for q in article.quotes] == [
        ("محمود اسلامیان", "person")] * 2


def test_states_speak_as_organizations():
    text = "آمریکا، کانادا و استرالیا خواستار کاهش بیشتر تعرفه‌ها شده‌اند."
    analysis = analysis_of(text)
    for name in ("آمریکا", "کانادا", "استرالیا"):
        _tag(analysis, name, "LOC")
    (quote,) = build_article("t", analysis).quotes
    assert (quote.speaker.kind, quote.text) == ("organization", "کاهش بیشتر تعرفه‌ها")


def test_a_passive_compound_cue_reports_nothing():
    assert quotes_of("در این فهرست از شکلات سیاه نام برده شده است.") == []


def test_a_name_inside_a_title_is_no_speaker_name():
    text = ("معاون عمران روستایی بنیاد مسکن کشور گفت: اعتبار طرح هادی افزایش یافت.\n\n"
            "محمدرضا شاملو، معاون عمران روستایی بنیاد مسکن کشور افزود: کار ادامه دارد.")
    quotes = quotes_of(text, ("عمران روستایی", "محمدرضا شاملو"))
    assert [q[:2] for q in quotes] == [
        ("محمدرضا شاملو", "معاون عمران روستایی بنیاد مسکن کشور")] * 2


def test_names_cut_short_by_two_words_or_at_the_phrase_end_are_completed():
    (quote,) = quotes_of("علی اصغر علی اکبری مدیرعامل جمعیت هلال احمر گفت: بسته‌ها توزیع شد.",
                         ("علی اصغر",))
    assert quote[:2] == ("علی اصغر علی اکبری", "مدیرعامل جمعیت هلال احمر")
    (quote,) = quotes_of("رامین پاشایی فام در گفت و گو با خبرنگار ما اظهار داشت: صادرات رشد کرد.",
                         ("رامین پاشایی",))
    assert quote[0] == "رامین پاشایی فام"


def test_a_joined_sayyed_is_the_same_person():
    text = ("سیدغلامرضا موسوی، سخنگوی اتحادیه گفت: جلسه برگزار شد.\n\n"
            "غلامرضا موسوی افزود: تصمیم نهایی گرفته شد.")
    quotes = quotes_of(text, ("سیدغلامرضا موسوی", "غلامرضا موسوی"))
    assert [q[0] for q in quotes] == ["سیدغلامرضا موسوی"] * 2


def test_media_are_organizations():
    (quote,) = quotes_of("یک رسانه ونزوئلایی گزارش داد که مذاکرات آغاز شده است.")
    assert quote[:2] == ("یک رسانه ونزوئلایی", None)


def test_a_colon_line_naming_someone_after_a_noun_is_a_topic():
    text = ("مارکو ریچی، سرمربی تیم ملی ایتالیا گفت: تیم آماده است.\n\n"
            "بازگشت فرناندز: «او بازیکن خوبی است و از بازگشتش خوشحالم.»")
    quotes = quotes_of(text, ("مارکو ریچی", "فرناندز"))
    assert [q[0] for q in quotes] == ["مارکو ریچی", "مارکو ریچی"]


def test_an_adverb_opening_the_clause_is_skipped_and_a_question_word_is_no_speaker():
    text = ("نادر قاضی‌پور، نماینده مردم ارومیه گفت: هزینه انشعاب زیاد است.\n\n"
            "همچنین قاضی‌پور در ادامه با انتقاد از افزایش قیمت‌های برق، آب و گاز گفت: "
            "یارانه کافی نیست.\n\nچرا فرکی اضافه کرد که امیدوار است؟")
    quotes = quotes_of(text, ("نادر قاضی‌پور",))
    assert [q[0] for q in quotes[:2]] == ["نادر قاضی‌پور", "نادر قاضی‌پور"]
    assert all(q[0] != "چرا" for q in quotes)


def test_a_note_line_is_no_statement():
    text = "پزشکان می‌گویند ورزش مفید است.\n\nتوجه: مصرف مکمل‌ها را با پزشک هماهنگ کنید."
    assert [q[2] for q in quotes_of(text)] == ["می‌گویند"]


def test_a_first_name_the_ner_left_out_at_the_phrase_start_joins_the_name():
    (quote,) = quotes_of("پیام صادقیان در صفحه شخصی خود نوشت: در پرسپولیس می‌مانم.",
                         ("صادقیان",))
    assert quote[0] == "پیام صادقیان"


def test_names_match_whatever_their_spacing_and_honorific():
    text = ("ماموستا سیدحسین میرتاج‌الدینی، امام جمعه موقت سقز گفت: وحدت لازم است.\n\n"
            "ماموستا میر تاج‌الدینی افزود: مالیات بپردازید.")
    quotes = quotes_of(text, ("سیدحسین میرتاج‌الدینی", "میر تاج‌الدینی"))
    assert [(q[0], q[1]) for q in quotes] == [
        ("سیدحسین میرتاج‌الدینی", "امام جمعه موقت سقز")] * 2


def test_a_bare_title_that_continues_goes_to_the_speaker_before():
    text = ("محمد کردعلیوند، مدیر کمیته امداد شهرستان چگنی گفت: اردو برگزار شد.\n\n"
            "رئیس کمیته امداد این شهرستان ادامه داد: بسته‌ها توزیع شد.\n\n"
            "فرماندار چگنی گفت: همکاری خوبی داشتیم.")
    quotes = quotes_of(text, ("محمد کردعلیوند",))
    assert [q[0] for q in quotes] == ["محمد کردعلیوند", "محمد کردعلیوند", None]
    assert quotes[2][1] == "فرماندار چگنی"


def test_a_group_is_a_described_speaker_and_no_antecedent():
    text = ("اعضای کمیسیون اقتصادی مجلس هشدار دادند که تورم افزایش می‌یابد.\n\n"
            "وی گفت: بودجه کافی است.\n\n"
            "کارشناسان اقتصادی می‌گویند رشد کند شده است.")
    quotes = quotes_of(text)
    assert quotes[0][:2] == (None, "اعضای کمیسیون اقتصادی مجلس")
    assert quotes[1][:2] == (None, None)  # `وی` is one person, not the members
    assert quotes[2][:2] == (None, "کارشناسان اقتصادی")


def test_a_credit_line_is_no_statement():
    text = "علی رضایی گفت: تیم آماده است.\n\nخبرنگار: مریم کاظمی"
    assert [q[2] for q in quotes_of(text, ("علی رضایی", "مریم کاظمی"))] == ["گفت"]


def test_addressing_someone_ends_the_speaker_phrase():
    text = ("حسین محمدی، امام جمعه شهر گفت: نماز ستون دین است.\n\n"
            "محمدی خطاب به مسئولان گفت: به مردم خدمت کنید.")
    quotes = quotes_of(text, ("حسین محمدی", "محمدی"))
    assert [q[0] for q in quotes] == ["حسین محمدی", "حسین محمدی"]


def test_a_surname_beginning_with_a_title_word_is_no_title():
    text = "نادر قاضی‌پور، نماینده مردم ارومیه گفت: هزینه انشعاب زیاد است."
    article = build_article("t", analysis_of(text, ("نادر قاضی‌پور",)))
    assert [p.name for p in article.people] == ["نادر قاضی‌پور"]
    assert article.quotes[0].speaker.title == "نماینده مردم ارومیه"


def test_a_title_ends_at_its_place_when_an_object_follows():
    text = ("رئیس اداره فرهنگ و ارشاد اسلامی کرمان برگزاری جشنواره را فرصتی مهم دانست "
            "و گفت: هنرمندان حمایت می‌شوند.\n\n"
            "معاون استاندار تهران برنامه‌های جدید را تشریح کرد.")
    assert [q[1:3] for q in quotes_of(text)] == [
        ("رئیس اداره فرهنگ و ارشاد اسلامی کرمان", "دانست"),
        ("رئیس اداره فرهنگ و ارشاد اسلامی کرمان", "گفت"),
        ("معاون استاندار تهران", "تشریح کرد"),
    ]


def test_another_described_speaker_is_someone_new():
    text = ("یکی از شهروندان گفت: قیمت میوه بالا است.\n\n"
            "شهروند دیگری گفت: کیفیت میوه پایین است.\n\n"
            "یکی دیگر افزود: بازار شلوغ است.")
    assert [q[:2] for q in quotes_of(text)] == [
        (None, "یکی از شهروندان"), (None, "شهروند دیگری"), (None, "یکی دیگر")]


def test_a_cue_noun_ends_the_speaker_phrase():
    text = ("کامران رضایی، رئیس هیات مدیره باشگاه گفت: بدهی‌ها زیاد است.\n\n"
            "رضایی ادامه در پاسخ به سوالی گفت: طلبکاران صبر کنند.")
    quotes = quotes_of(text, ("کامران رضایی", "رضایی"))
    assert [q[0] for q in quotes] == ["کامران رضایی", "کامران رضایی"]


def test_a_share_of_a_group_is_a_described_speaker():
    text = "بیش از نیمی از پاسخ‌دهندگان می‌گویند که هفته‌ای یک بار ورزش می‌کنند."
    (quote,) = quotes_of(text)
    assert quote[:2] == (None, "بیش از نیمی از پاسخ‌دهندگان")


def test_a_described_speaker_ends_at_a_nationality_when_an_object_follows():
    text = "مقامات پاکستانی این افراد را به حمله به مرزبانان متهم کردند."
    (quote,) = quotes_of(text)
    assert quote[:3] == (None, "مقامات پاکستانی", "متهم کردند")
    assert quote[4] == "این افراد را به حمله به مرزبانان"


def test_spaced_ayatollah_and_hazrat_are_honorifics():
    text = "حضرت آيت الله خامنه اي در ديدار روحانيان تاكيد كردند: جوانان تشنه حقايق دين هستند."
    article = build_article("t", analysis_of(text, ("خامنه اي",)))
    speaker = article.quotes[0].speaker
    assert (speaker.name, speaker.honorific) == ("خامنه ای", "حضرت آیت الله")  # standard letters


def test_a_quoted_name_before_its_title_is_the_speaker_not_a_byline():
    text = ("«دونالد توسک» رئیس شورای اروپا گفت پیشرفت‌هایی در مذاکرات وجود داشته است. "
            "«آنگلا مرکل» صدراعظم آلمان به خبرگزاری رویترز گفت که توافق آسان نیست.\n"
            "«باشگاه خبرنگاران» رئیس سازمان هواشناسی گفت: باران می‌بارد.")
    quotes = quotes_of(text, ("دونالد توسک", "آنگلا مرکل"))
    assert [q[:2] for q in quotes] == [
        ("دونالد توسک", "رئیس شورای اروپا"), ("آنگلا مرکل", "صدراعظم آلمان"),
        (None, "رئیس سازمان هواشناسی")]


def test_a_spaced_ke_after_in_is_a_complement_not_the_subjects_clause():
    text = ("احمدی با اشاره به این که طرح ملی راهنمایی مسافران در حال اجراست اظهار داشت: "
            "فعالیت پایگاه‌ها آغاز شده است.")
    (quote,) = quotes_of(text, ("احمدی",))
    assert quote[:3] == ("احمدی", None, "اظهار داشت")


def test_a_phrase_with_a_plural_number_or_conjunction_is_no_name():
    text = ("سرداران سریع حرکت کردند؛ کل فرماندهان لشکرها و تیپ‌ها را احضار کردند و "
            "به آنها گفتند که مسایل را با امام مطرح کرده‌اند.\n"
            "قائم مقام تولیت آستان قدس رضوی گفت: این نهاد مهم است.")
    quotes = quotes_of(text)
    assert [q[:2] for q in quotes] == [
        (None, "کل فرماندهان لشکرها و تیپ‌ها"), (None, "قائم مقام تولیت آستان قدس رضوی")]


def test_an_object_before_ra_is_what_someone_called_for():
    text = ("«آهلین» نایب رئیس کمیسیون سیاست خارجی مجلس سوئد سه بار به ایران سفر کرد و "
            "در دیدار با مقامات، آزادی آنان را خواستار شد.\n"
            "علی لاریجانی در این دیدار، آزادی زندانیان را خواستار شد.")
    quotes = quotes_of(text, ("علی لاریجانی",))
    assert [q[:3] for q in quotes] == [
        ("آهلین", "نایب رئیس کمیسیون سیاست خارجی مجلس سوئد", "خواستار شد"),
        ("علی لاریجانی", None, "خواستار شد")]
    assert [q[4] for q in quotes] == ["آزادی آنان", "آزادی زندانیان"]


def test_a_phrase_headed_by_an_organization_word_is_an_organization_speaker():
    text = ("کانال تلگرامی یونیوز نوشت که رسانه‌ها واکنش نشان دادند.\n"
            "طبق گفته علی احمدی، کار تمام است.")
    article = build_article("t", analysis_of(text, ("یونیوز", "علی احمدی")))
    assert [(q.speaker.kind, q.speaker.name, q.cue) for q in article.quotes] == [
        ("organization", "کانال تلگرامی یونیوز", "نوشت"), ("person", "علی احمدی", "طبق گفته")]


def test_a_title_that_ran_into_an_object_does_not_become_the_speakers_title():
    text = ("غلامعلی حداد عادل، رئیس مجلس شورای اسلامی گفت: این نامه مهم است.\n"
            "رئیس مجلس شورای اسلامی نامه رئیس جمهور ایران را پیام صلح دانست و گفت: "
            "ملت ایران بیدار است.")
    quotes = quotes_of(text, ("غلامعلی حداد عادل",))
    assert [q[:2] for q in quotes] == [("غلامعلی حداد عادل", "رئیس مجلس شورای اسلامی")] * 2


def test_a_surname_without_its_arabic_article_or_spelled_with_a_is_the_same_person():
    text = ("عباس البیاتی، عضو مجمع ملی عراق گفت: جنگ داخلی در کار نیست.\n"
            "بیاتی تاکید کرد که دولت وحدت ملی باید تشکیل شود.\n"
            "یواخیم لو گفت: خوشحالم.\nیوآخیم لو پیش از این گفته بود که تصمیمی نگرفته است.")
    quotes = quotes_of(text, ("عباس البیاتی", "یواخیم لو", "یوآخیم لو"))
    assert [q[0] for q in quotes] == ["عباس البیاتی"] * 2 + ["یواخیم لو"] * 2


def test_an_adjective_after_according_to_is_no_speaker():
    analysis = analysis_of("پاسخ برانکو به ادعای عجیب باشگاه نساجی")
    adjective = next(w for w in analysis.words if w.text == "عجیب")
    adjective.parsed, adjective.upos = True, "ADJ"
    assert build_article("t", analysis).quotes == []


def test_a_date_ends_a_title_and_a_quantifier_is_no_name():
    text = ("سید فرید موسوی عضو کمیسیون اقتصادی مجلس ۲۳ شهریور ماه در برنامه ویژه گفت: "
            "قانون باید اجرا شود.\n"
            "همه مودیان مالیاتی گفتند که کارها به خوبی پیش می‌رود.")
    quotes = quotes_of(text, ("فرید موسوی",))
    assert [q[:2] for q in quotes] == [
        ("فرید موسوی", "عضو کمیسیون اقتصادی مجلس"), (None, "همه مودیان مالیاتی")]


def test_a_known_surname_the_ner_ran_on_into_nouns_is_the_speaker():
    text = ("محمد اسماعیلی، نماینده زنجان گفت: قانون باید اجرا شود.\n"
            "اسماعیلی عمل به تعهدات توسط شرکت‌ها را اولویت دانست و تاکید کرد: کیفیت مهم است.")
    quotes = quotes_of(text, ("محمد اسماعیلی", "اسماعیلی عمل"))
    assert [q[0] for q in quotes][-1] == "محمد اسماعیلی"
    assert {q[0] for q in quotes} == {"محمد اسماعیلی"}


def test_bana_be_opens_a_byline():
    text = "بنا به نوشته این منبع، حسن روحانی تاکید کرد: نوروز جشن اعتدال است."
    (quote,) = quotes_of(text, ("حسن روحانی",))
    assert quote[:3] == ("حسن روحانی", None, "تاکید کرد")


def test_a_title_ends_at_its_place_when_an_object_with_a_preposition_follows():
    text = ("سیدابوتراب موسوی، امام جمعه شهر آبیک گفت: فلسطین نباید فراموش شود.\n"
            "امام جمعه شهر آبیک میزان پرونده‌های وارده به دستگاه قضایی را نامطلوب دانست و "
            "یادآور شد: مردم صبور باشند.")
    quotes = quotes_of(text, ("سیدابوتراب موسوی",))
    assert [q[:2] for q in quotes] == [("سیدابوتراب موسوی", "امام جمعه شهر آبیک")] * 3
    assert quotes[1][2:] == (
        "دانست", "indirect", "میزان پرونده‌های وارده به دستگاه قضایی را نامطلوب")


def test_an_honorifics_tail_joined_by_zwnj_and_narrative_pronouns_are_no_names():
    text = ("حجت‌الاسلام و‌المسلمین مظفر تاجی، امام جمعه سرایان گفت: دهه فجر ریشه قرآنی دارد.\n"
            "آن می‌گوید: بروید تو.")
    article = build_article("t", analysis_of(text, ("و‌المسلمین مظفر تاجی", "آن")))
    assert article.quotes[0].speaker.name == "مظفر تاجی"
    # `آن` is neither a name nor a title: the cue goes to the speaker before
    assert (article.quotes[1].speaker.name, article.quotes[1].speaker.title) == (
        "مظفر تاجی", "امام جمعه سرایان")
    assert [p.name for p in article.people] == ["مظفر تاجی"]


def test_the_first_part_of_a_double_surname_is_the_person():
    text = ("محمود احمدی لاشکی، دبیر ستاد هلال احمر استان گفت: پایگاه‌ها فعال است.\n"
            "احمدی با اشاره به طرح نوروزی اظهار داشت: فعالیت پایگاه‌ها آغاز شده است.")
    quotes = quotes_of(text, ("محمود احمدی لاشکی", "احمدی"))
    assert [q[0] for q in quotes] == ["محمود احمدی لاشکی"] * 2


def test_a_results_line_of_names_after_a_title_is_no_statement():
    text = ("قهرمان مشترک: فیروزه شیراز و پرشین\n"
            "نایب قهرمان مشترک: کارون نوین خرمشهر و هیات ووشو شبستر\n"
            "معاون سیاسی امنیتی استاندار مازندران: تعیین عوارض برای 5 محور ورودی مازندران")
    assert [q[1] for q in quotes_of(text)] == ["معاون سیاسی امنیتی استاندار مازندران"]


def test_counted_sources_and_agent_plurals_are_described_speakers():
    text = ("دو منبع آگاه گفتند که مذاکرات ادامه دارد.\n"
            "تامین‌کنندگان قطعات رایانه اعلام کردند که تولید کاهش می‌یابد.\n"
            "زلاتان بسیار عصبانی گفت: داور اشتباه کرد.")
    quotes = quotes_of(text, ("زلاتان",))
    assert [q[:2] for q in quotes] == [
        (None, "دو منبع آگاه"), (None, "تامین‌کنندگان قطعات رایانه"), ("زلاتان", None)]


def test_a_weekday_written_with_zwnj_ends_a_name_and_a_participle_stays_in_the_object():
    text = ("حمیدرضا ترابی چهار‌شنبه در نشستی خبری از برپایی نمایشگاه خبر داد.\n"
            "مجتبی عبداللهی، شهردار منطقه 20 تهران گفت: کار تمام است.\n"
            "شهردار منطقه 20 تهران تعداد سراهای محله احداث شده در این منطقه را زیاد دانست "
            "و گفت: این مجموعه‌ها افتتاح می‌شوند.")
    quotes = quotes_of(text, ("حمیدرضا ترابی چهار‌شنبه", "مجتبی عبداللهی"))
    assert [q[:2] for q in quotes] == [
        ("حمیدرضا ترابی", None)] + [("مجتبی عبداللهی", "شهردار منطقه 20 تهران")] * 3
    assert quotes[2][2:] == (
        "دانست", "indirect", "تعداد سراهای محله احداث شده در این منطقه را زیاد")


def test_a_lone_count_describes_no_one_and_a_custodian_is_a_title():
    text = ("مهدی صابری، استاد اخلاق گفت: ایمان مهم است.\n"
            "یک می‌گفت: وقت نماز است.\n"
            "تولیت آستان قدس رضوی گفت: این مسئله جدی است.")
    quotes = quotes_of(text, ("مهدی صابری",))
    assert [q[:2] for q in quotes] == [
        ("مهدی صابری", "استاد اخلاق"), ("مهدی صابری", "استاد اخلاق"),
        (None, "تولیت آستان قدس رضوی")]


def test_despite_opens_an_adverbial_and_a_glued_as_ends_a_name():
    text = ("به‌رغم نتایج ضعیف تیم در این فصل، دیوید مویس گفت که آینده‌اش در خطر نیست.\n"
            "بیژن مقانلو بعنوان سرمربی تیم معرفی شد و گفت: کار سختی است.")
    quotes = quotes_of(text, ("دیوید مویس", "بیژن مقانلو بعنوان"))
    assert [q[0] for q in quotes] == ["دیوید مویس", "بیژن مقانلو"]


def test_judging_an_object_is_a_statement_and_needs_its_judgement():
    text = ("رضا احمدی، مدیر آموزش استان، حضور معلمان را مایه دلگرمی دانست.\n"
            "احمدی دانست که تیمش باخته است.\n"
            "احمدی کتاب را خواند.\n"
            "وی این اقدام را غیرقانونی توصیف کرد.")
    quotes = quotes_of(text, ("رضا احمدی", "احمدی"))
    assert [q[:5] for q in quotes] == [
        ("رضا احمدی", "مدیر آموزش استان", "دانست", "indirect", "حضور معلمان را مایه دلگرمی"),
        ("رضا احمدی", "مدیر آموزش استان", "توصیف کرد", "indirect", "این اقدام را غیرقانونی"),
    ]


def test_an_object_before_a_saying_verb_is_its_statement_when_nothing_follows():
    text = ("رضا احمدی، مدیر آموزش استان، لزوم توجه به مدارس روستایی را یادآور شد و گفت: "
            "بیشتر مدارس در روستاها هستند.\n"
            "احمدی هدف از این سفر را تقویت روابط دو کشور عنوان کرد.\n"
            "ما این طرح را اجرا کردیم، احمدی یادآور شد.")
    quotes = quotes_of(text, ("رضا احمدی", "احمدی"))
    assert [q[2:5] for q in quotes] == [
        ("یادآور شد", "indirect", "لزوم توجه به مدارس روستایی"),
        ("گفت", "direct", "بیشتر مدارس در روستاها هستند."),
        ("عنوان کرد", "indirect", "هدف از این سفر را تقویت روابط دو کشور"),
    ]
    assert {q[0] for q in quotes} == {"رضا احمدی"}


def test_a_belief_is_reported_like_speech():
    text = ("علی ربیعی، سخنگوی دولت، معتقد است: دولت برای اشتغال برنامه دارد.\n"
            "کارشناسان اقتصادی معتقدند که تورم در سال آینده کاهش می‌یابد.")
    quotes = quotes_of(text, ("علی ربیعی",))
    assert [q[:4] for q in quotes] == [
        ("علی ربیعی", "سخنگوی دولت", "معتقد است", "direct"),
        (None, "کارشناسان اقتصادی", "معتقدند", "indirect"),
    ]


def test_a_list_before_ra_is_the_object_and_a_statement_after_the_verb_comes_first():
    text = ("سارا کریمی، مدیر گردشگری استان گفت: مسافران زیاد بودند.\n"
            "کریمی آبشار مارگون، غار سهولان، دریاچه پریشان و قلعه رودخان را از جاذبه‌های "
            "استان برشمرد.\n"
            "کریمی این شایعات را رد کرده و اعلام کرد که بودجه کافی است.")
    quotes = quotes_of(text, ("سارا کریمی", "کریمی"))
    assert [q[2:5] for q in quotes[1:]] == [
        ("برشمرد", "indirect",
         "آبشار مارگون، غار سهولان، دریاچه پریشان و قلعه رودخان را از جاذبه‌های استان"),
        ("اعلام کرد", "indirect", "بودجه کافی است."),
    ]
    assert {q[:2] for q in quotes} == {("سارا کریمی", "مدیر گردشگری استان")}


def test_one_described_anew_who_goes_on_is_the_speaker_before():
    text = ("احمد روستا، کارشناس اقتصادی اظهار داشت: دولت باید ستاد تشکیل دهد.\n"
            "یک استاد دانشگاه در ادامه افزود: این کار به نظر کارشناسان نیاز دارد.\n"
            "یکی دیگر افزود: بازار شلوغ است.")
    quotes = quotes_of(text, ("احمد روستا",))
    assert [q[:2] for q in quotes] == [
        ("احمد روستا", "کارشناس اقتصادی"), ("احمد روستا", "کارشناس اقتصادی"),
        (None, "یکی دیگر")]


def test_the_reporters_it_is_recalled_is_no_statement_and_adverbs_end_a_name():
    text = ("محسن یعقوبی، نویسنده کتاب گفت: این کتاب درباره جنگ است.\n"
            "یادآور می‌شود؛ پیش از این چهار کتاب از این نویسنده منتشر شده است.\n"
            "هانسی فلیک بالاخره اعلام کرد که از تیم جدا می‌شود.")
    quotes = quotes_of(text, ("محسن یعقوبی", "هانسی فلیک بالاخره"))
    assert [q[:3] for q in quotes] == [
        ("محسن یعقوبی", "نویسنده کتاب", "گفت"), ("هانسی فلیک", None, "اعلام کرد")]


def test_a_lead_that_describes_someone_named_next_is_that_person():
    text = ("خبرگزاری فارس: یک کارشناس آمریکایی مسائل هسته‌ای تصریح کرد: ایران حق دارد "
            "برنامه خود را ادامه دهد.\n\n"
            "«ران جاکوب» در گفتگو با خبرنگار ما گفت: دلیل نگرانی را باید در خارج جست.\n\n"
            "یک منبع آگاه گفت: مذاکرات ادامه دارد.")
    quotes = quotes_of(text, ("ران جاکوب",))
    assert [q[:2] for q in quotes] == [
        ("ران جاکوب", "کارشناس آمریکایی مسائل هسته‌ای"),
        ("ران جاکوب", "کارشناس آمریکایی مسائل هسته‌ای"), (None, "یک منبع آگاه")]


def test_a_time_phrase_with_its_preposition_is_skipped_to_reach_the_speaker():
    text = ("در یک روز تابستانی رابرت لواندوفسکی که در خانه اولی هوینس، رییس باشگاه، "
            "نشسته بود، به او گفت که باید با ایجنتش صحبت کنند.")
    quotes = quotes_of(text, ("رابرت لواندوفسکی", "اولی هوینس"))
    assert [q[0] for q in quotes] == ["رابرت لواندوفسکی"]


def test_asking_someone_reports_what_was_asked_and_wanting_reports_nothing():
    text = ("نورسلطان نظربایف، رئیس جمهور قزاقستان، از مردم این کشور خواست تا در انتخابات "
            "شرکت کنند.\n"
            "نظربایف از دولت درخواست کرد که بودجه را افزایش دهد.\n"
            "نظربایف می‌خواهد به آستانه برگردد.")
    quotes = quotes_of(text, ("نورسلطان نظربایف", "نظربایف"))
    assert [q[2:5] for q in quotes] == [
        ("خواست", "indirect", "در انتخابات شرکت کنند."),
        ("درخواست کرد", "indirect", "بودجه را افزایش دهد."),
    ]
    assert {q[0] for q in quotes} == {"نورسلطان نظربایف"}


def test_a_new_clause_with_its_own_named_subject_and_a_fronted_despite_with_but():
    text = ("ماکس آلگری، سرمربی میلان گفت: تیم آماده است.\n"
            "کاکا در یک قدمی پیوستن به میلان است و آلگری در این باره گفت: او بازیکن بزرگی است.\n"
            "علی‌رغم ادعای موسسه جودی اما یک کارگزار نفت می‌گوید: تولید کاهش یافته است.")
    quotes = quotes_of(text, ("ماکس آلگری", "کاکا", "آلگری"))
    assert [q[:2] for q in quotes] == [
        ("ماکس آلگری", "سرمربی میلان"), ("ماکس آلگری", "سرمربی میلان"),
        (None, "یک کارگزار نفت")]


def test_this_body_is_an_organization_not_the_person_before():
    text = ("ماکس آلگری، سرمربی یوونتوس گفت: تیم آماده است.\n"
            "این رسانه‌ها ادعا کردند که آنیلی به فکر اخراج او افتاده است.")
    article = build_article("t", analysis_of(text, ("ماکس آلگری",)))
    assert [q.speaker.kind for q in article.quotes] == ["person", "organization"]


def test_a_verb_the_tagger_took_for_a_noun_still_closes_its_clause():
    text = "علی احمدی امروز توسعه فضای سبز را مهم برشمرد و گفت: این کار لازم است."
    analysis = analysis_of(text, ("علی احمدی",))
    verb = next(w for w in analysis.words if w.text == "برشمرد")
    verb.upos, verb.parsed = "NOUN", True  # as the bundled tagger reads it in a long lead
    article = build_article("t", analysis)
    assert [(q.cue, q.text) for q in article.quotes] == [
        ("برشمرد", "توسعه فضای سبز را مهم"), ("گفت", "این کار لازم است.")]


def test_what_a_message_says_is_its_authors_and_coming_somewhere_is_no_cue():
    text = ("محمد مهدی اسماعیلی، رئیس سازمان فرهنگ گفت: کار مهم است.\n"
            "در ادامه این پیام آمده است: فرهنگ ما باید حفظ شود.\n"
            "در بیانیه وزارت خارجه آمده است که تحریم‌ها غیرقانونی است.\n"
            "در این گزارش آمده است: بازار آرام است.\n"
            "علی احمدی دیروز به تهران آمد و گفت: کار تمام است.")
    quotes = quotes_of(text, ("محمد مهدی اسماعیلی", "علی احمدی"))
    assert [(q[0], q[2], q[3]) for q in quotes] == [
        ("محمد مهدی اسماعیلی", "گفت", "direct"), ("محمد مهدی اسماعیلی", "آمده است", "direct"),
        ("وزارت خارجه", "آمده است", "indirect"), ("علی احمدی", "گفت", "direct")]


def test_a_judgement_before_the_verb_and_a_warning_about_something():
    text = ("علی احمدی، رئیس سازمان برنامه، لازم دانست که بودجه اصلاح شود.\n"
            "کارشناسان بعید می‌دانند که قیمت نفت کاهش یابد.\n"
            "احمدی در مورد حمله به ایران هشدار داد و گفت: این کار خطرناک است.")
    quotes = quotes_of(text, ("علی احمدی", "احمدی"))
    assert [q[1:5] for q in quotes] == [
        ("رئیس سازمان برنامه", "لازم دانست", "indirect", "بودجه اصلاح شود."),
        ("کارشناسان", "بعید می‌دانند", "indirect", "قیمت نفت کاهش یابد."),
        ("رئیس سازمان برنامه", "هشدار داد", "indirect", "حمله به ایران"),
        ("رئیس سازمان برنامه", "گفت", "direct", "این کار خطرناک است."),
    ]


def test_two_roles_joined_by_and_one_of_them_known_are_that_persons():
    text = ("غلامعلی صفایی بوشهری، امام جمعه بوشهر گفت: مردم آگاه هستند.\n"
            "نماینده ولی فقیه در استان و امام جمعه بوشهر در ادامه گفت: سپاه مردمی است.")
    quotes = quotes_of(text, ("غلامعلی صفایی بوشهری",))
    assert [q[:2] for q in quotes] == [
        ("غلامعلی صفایی بوشهری", "نماینده ولی فقیه در استان و امام جمعه بوشهر")] * 2


def test_facing_someone_ends_the_speakers_name():
    quotes = quotes_of("علی احمدی مقابل خبرنگاران گفت: ما آماده‌ایم.", ("علی احمدی",))
    assert [q[:2] for q in quotes] == [("علی احمدی", None)]


def test_a_relative_described_is_someone_of_their_own():
    text = ("آرمین در مسیر می‌گوید: ما هر هفته می‌آییم.\n"
            "مادر شهید احمدزاده وقتی ما را می‌بیند می‌گوید: خدا خیرتان بدهد.")
    quotes = quotes_of(text, ("آرمین",))
    assert [q[:2] for q in quotes] == [("آرمین", None), (None, "مادر شهید احمدزاده")]


def test_a_second_cue_joined_in_the_sentence_ends_the_first_statement():
    text = ("مکس آلگری اعلام کرد مذاکرات را به پایان فصل موکول کرده اما تاکید کرد مشکلی "
            "با آنیلی ندارد.")
    quotes = quotes_of(text, ("مکس آلگری",))
    assert [q[2:5] for q in quotes] == [
        ("اعلام کرد", "indirect", "مذاکرات را به پایان فصل موکول کرده"),
        ("تاکید کرد", "indirect", "مشکلی با آنیلی ندارد.")]


def test_what_another_believes_inside_a_quote_stays_in_it():
    text = ("علی کفاشیان، رئیس فدراسیون گفت: گینه تیم خوبی است. کی‌روش اعتقاد دارد که باید "
            "در جام جهانی خوب باشیم. امیدوارم موفق شویم.\n\n"
            "کفاشیان در ادامه گفت: ما آماده‌ایم.")
    quotes = quotes_of(text, ("علی کفاشیان", "کی‌روش", "کفاشیان"))
    assert [q[0] for q in quotes] == ["علی کفاشیان"] * 2
    assert quotes[0][4].endswith("امیدوارم موفق شویم.")


def test_a_cue_inside_the_topic_clause_is_no_statement_of_its_own():
    text = ("سعید افجه‌ای، مدیرعامل باشگاه در مورد اینکه مدیر تیم اعلام کرده مذاکره‌ای در "
            "کار نبوده، عنوان کرد: اگر مذاکره‌ای بود اعلام می‌کردیم.\n"
            "وی با بیان اینکه کار ادامه دارد، بر لزوم همکاری تأکید کرد و گفت: همه کمک کنند.")
    quotes = quotes_of(text, ("سعید افجه‌ای",))
    assert [q[2:4] for q in quotes] == [
        ("عنوان کرد", "direct"), ("با بیان اینکه", "indirect"), ("تأکید کرد", "indirect"),
        ("گفت", "direct")]
    assert quotes[0][4] == "اگر مذاکره‌ای بود اعلام می‌کردیم."


def test_a_denial_an_assurance_and_a_demand_before_its_verb():
    text = ("حجت سلطانی، سفیر ایران گفت: کشتی‌ها در راه هستند.\n"
            "سلطانی توقیف نفتکش‌ها را تکذیب کرد.\n"
            "بنا بر این گزارش، سلطانی اطمینان داد که محموله‌ها می‌رسند.\n"
            "وی پرداخت حقوق کارگران را از سوی شرکت‌ها خواستار شد.")
    quotes = quotes_of(text, ("حجت سلطانی", "سلطانی"))
    assert [q[2:5] for q in quotes[1:]] == [
        ("تکذیب کرد", "indirect", "توقیف نفتکش‌ها"),
        ("اطمینان داد", "indirect", "محموله‌ها می‌رسند."),
        ("خواستار شد", "indirect", "پرداخت حقوق کارگران را از سوی شرکت‌ها"),
    ]
    assert {q[0] for q in quotes} == {"حجت سلطانی"}


def test_according_to_a_surname_the_tagger_calls_an_adjective_or_to_a_bare_pronoun():
    text = ("فرشید قدیمی، رئیس اداره ورزش گفت: مسابقات خوب بود.\n"
            "به گفته قدیمی، مسابقات دوومیدانی در این شهر برگزار شده است.\n"
            "به گفته وی افرادی که تمرین می‌کنند در بهار راحت‌ترند.")
    analysis = analysis_of(text, ("فرشید قدیمی",))
    surname = [w for w in analysis.words if w.text == "قدیمی"][1]
    surname.upos, surname.parsed = "ADJ", True  # as the bundled tagger reads it
    quotes = [(q.speaker.name, q.cue, q.text) for q in build_article("t", analysis).quotes]
    assert quotes[1:] == [
        ("فرشید قدیمی", "به گفته", "مسابقات دوومیدانی در این شهر برگزار شده است."),
        ("فرشید قدیمی", "به گفته", "افرادی که تمرین می‌کنند در بهار راحت‌ترند.")]


def test_a_title_after_a_fronted_meeting_with_a_name_is_the_speakers_not_the_names():
    text = ("در دیدار با علی لاریجانی، وزیر امور خارجه گفت: روابط دو کشور خوب است.\n"
            "الیاس حضرتی در مناظره با علی یوسف پور مدیر مسئول روزنامه کیهان شرکت کرد.")
    article = build_article("t", analysis_of(text, ("علی لاریجانی", "الیاس حضرتی", "علی یوسف پور")))
    (quote,) = article.quotes
    assert (quote.speaker.name, quote.speaker.title) == (None, "وزیر امور خارجه")
    titles = {p.name: p.titles for p in article.people}
    assert titles["علی لاریجانی"] == []
    # no comma after the name: the title is its apposition
    assert titles["علی یوسف پور"] == ["مدیر مسئول روزنامه کیهان"]


def test_a_former_title_is_never_the_person_with_the_same_title_now():
    text = ("محمد خداپرست، مدیرکل سابق محیط زیست استان اردبیل گفت: کارها خوب پیش رفت.\n"
            "سعید شهند، مدیرکل جدید محیط زیست استان اردبیل گفت: برنامه داریم.\n"
            "مدیرکل سابق محیط زیست استان اردبیل تصریح کرد: از همه تشکر می‌کنم.")
    article = build_article("t", analysis_of(text, ("محمد خداپرست", "سعید شهند")))
    assert [q.speaker.name for q in article.quotes] == ["محمد خداپرست", "سعید شهند", "محمد خداپرست"]


def test_this_report_and_these_officials_are_not_the_speaker_before():
    text = ("یکی از مقامات آژانس گفت که ایران همکاری کرده است. بولتن دانشمندان اتمی آمریکا "
            "گزارشی منتشر کرد. این گزارش می‌افزاید که خطر جنگ زیاد است. برخی مقامات ارشد "
            "آمریکا نیز نظر دیگری دارند. این مقامات اعلام کردند که حمله در کار نیست.")
    article = build_article("t", analysis_of(text))
    speakers = [(q.speaker.kind, q.speaker.name, q.speaker.title) for q in article.quotes]
    assert speakers[1:] == [("organization", "این گزارش", None), ("person", None, "این مقامات")]
    # one person (`روان شناس` is no plural): the speaker before
    text = "مریم نجفی پور گفت: سالمندان تنها هستند.\nاین روان شناس می‌گوید: شادی مهم است."
    article = build_article("t", analysis_of(text, ("مریم نجفی پور",)))
    assert [q.speaker.name for q in article.quotes] == ["مریم نجفی پور"] * 2


def test_a_title_given_with_as_to_another_person_is_not_the_speakers():
    text = ("سرپرست پیشین تیم فوتبال پرسپولیس گفت: باید به سرمربی اختیار داد.\n"
            "محمود خوردبین در خصوص انتصاب سعید شیرینی به عنوان رئیس کانون پیشکسوتان باشگاه "
            "پرسپولیس گفت: این تصمیم اشتباه بود.")
    article = build_article("t", analysis_of(text, ("محمود خوردبین", "سعید شیرینی")))
    assert [(q.speaker.name, q.speaker.title) for q in article.quotes] == [
        ("محمود خوردبین", "سرپرست پیشین تیم فوتبال پرسپولیس")] * 2
    titles = {p.name: p.titles for p in article.people}
    assert titles["سعید شیرینی"] == ["رئیس کانون پیشکسوتان باشگاه پرسپولیس"]


def test_a_cues_colon_at_the_end_of_a_paragraph_opens_the_next_but_a_headlines_does_not():
    text = ("وزیر کشور در پایان گفت:\n\nانتخابات به موقع برگزار می‌شود.\n\n"
            "علائم استرس مزمن:\n\nسردرد و بی‌خوابی.")
    article = build_article("t", analysis_of(text))
    assert [(q.speaker.title, q.type, q.text) for q in article.quotes] == [
        ("وزیر کشور", "direct", "انتخابات به موقع برگزار می‌شود.")]


def test_a_semicolon_typed_for_the_colon_after_a_cue_opens_a_direct_statement():
    text = "مدیرعامل اتحادیه مرغداران در این نشست عنوان کرد؛ در صنعت مرغ مشکلات زیادی داریم."
    (quote,) = build_article("t", analysis_of(text)).quotes
    assert (quote.type, quote.text) == ("direct", "در صنعت مرغ مشکلات زیادی داریم.")


def test_according_to_a_name_or_a_title_with_its_place_and_no_comma():
    text = "به گفته معاون امور عمرانی استانداری اردبیل افزایش مشارکت‌های مردمی مهم است."
    (quote,) = build_article("t", analysis_of(text)).quotes
    assert (quote.speaker.name, quote.speaker.title, quote.text) == (
        None, "معاون امور عمرانی استانداری اردبیل", "افزایش مشارکت‌های مردمی مهم است.")
    text = "به گفته علی رضایی قیمت‌ها در ماه گذشته بالا رفته است."
    (quote,) = build_article("t", analysis_of(text, ("علی رضایی",))).quotes
    assert (quote.speaker.name, quote.text) == ("علی رضایی", "قیمت‌ها در ماه گذشته بالا رفته است.")


def test_a_fronted_phrase_with_no_cue_after_the_title_keeps_the_names_title():
    text = "با علی رضایی، سرمربی تیم ملی دیدار کردیم.\nرضایی گفت: تیم آماده است."
    article = build_article("t", analysis_of(text, ("علی رضایی",)))
    (person,) = article.people
    assert person.titles == ["سرمربی تیم ملی"]


def test_this_one_with_a_singular_title_in_yn_is_the_speaker_before():
    text = "سردار علی فدوی گفت: آماده‌ایم.\nاین جانشین فرمانده در ادامه گفت که نیروها آماده هستند."
    article = build_article("t", analysis_of(text, ("علی فدوی",)))
    assert [q.speaker.name for q in article.quotes] == ["علی فدوی"] * 2


def test_according_to_with_no_comma_edge_cases():
    # a name and its title, with no comma after either
    text = "به گفته علی رضایی مدیرکل بهزیستی استان اردبیل تعداد معلولان زیاد است."
    (quote,) = build_article("t", analysis_of(text, ("علی رضایی",))).quotes
    assert (quote.speaker.name, quote.speaker.title, quote.text) == (
        "علی رضایی", "مدیرکل بهزیستی استان اردبیل", "تعداد معلولان زیاد است.")
    # two speakers joined by `و`, and a `به گفته` that ends the text: no statement
    text = "به گفته علی رضایی و حسن احمدی قیمت‌ها بالا رفته است. این را همه می‌دانند. به گفته"
    article = build_article("t", analysis_of(text, ("علی رضایی", "حسن احمدی")))
    assert article.quotes == []


def test_a_headline_run_into_the_leads_honorific_is_not_the_speaker():
    text = ("افتتاح دو مدرسه تازه در روستاهای شهرستانسردار مهدی کریمی، فرمانده سپاه "
            "استان، گفت: این مدارس با کمک خیران ساخته شد.")
    ((name, title, cue, kind, said),) = quotes_of(text, ("مهدی کریمی",))
    assert (name, title, cue) == ("مهدی کریمی", "فرمانده سپاه استان", "گفت")
    assert said == "این مدارس با کمک خیران ساخته شد."
