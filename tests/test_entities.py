"""People, organizations and places (rule stages; NER spans given by the fixture)."""

from helpers import analysis_of

from quotex.engine import build_article

TEXT = (
    "حسن روحانی، رئیس‌جمهور ایران در سفر به ترکیه گفت: روابط دو کشور خوب است.\n"
    "سخنگوی سازمان ثبت اسناد و املاک کشور نیز در تهران گفت: خدمات آنلاین شد.\n"
    "روحانی افزود: سفر به سیستان و بلوچستان هم در برنامه است."
)


def test_places_from_the_gazetteer_with_mention_counts():
    article = build_article("t", analysis_of(TEXT, ("حسن روحانی",)))
    places = {e.name: e.mentions for e in article.locations}
    assert places == {"ایران": 1, "ترکیه": 1, "تهران": 1, "سیستان و بلوچستان": 1}


def test_organization_named_inside_a_title():
    article = build_article("t", analysis_of(TEXT, ("حسن روحانی",)))
    assert [e.name for e in article.organizations] == ["سازمان ثبت اسناد و املاک کشور"]


def test_person_mentions_count_surnames_for_the_full_name():
    article = build_article("t", analysis_of(TEXT, ("حسن روحانی",)))
    (person,) = article.people
    assert (person.name, person.mentions) == ("حسن روحانی", 2)
    assert person.titles == ["رئیس‌جمهور ایران"]


def test_a_common_noun_tagged_as_a_place_is_dropped_but_gazetteer_places_stay():
    analysis = analysis_of("مردم روستا در تهران جمع شدند.")
    for word in analysis.words:
        if word.text in ("روستا", "تهران"):
            word.entity, word.entity_begin = "LOC", True
    article = build_article("t", analysis)
    assert [e.name for e in article.locations] == ["تهران"]


def test_titles_written_beside_a_name_outside_speech_are_collected():
    text = "نشست خبری اصغر جهانگیر، سخنگوی قوه قضاییه برگزار شد."
    article = build_article("t", analysis_of(text, ("اصغر جهانگیر",)))
    assert [(p.name, p.titles) for p in article.people] == [
        ("اصغر جهانگیر", ["سخنگوی قوه قضاییه"])]


def test_a_title_given_with_as_is_collected():
    text = "مارکو ریچی دیروز به عنوان سرمربی تیم ملی ایتالیا معرفی شد."
    article = build_article("t", analysis_of(text, ("مارکو ریچی",)))
    assert [(p.name, p.titles) for p in article.people] == [
        ("مارکو ریچی", ["سرمربی تیم ملی ایتالیا"])]


def test_names_in_arabic_letters_that_are_also_nouns_are_people():
    text = "اسماعيل آزادي در این مراسم حضور داشت.\nآزادی گفت: برنامه‌ها اجرا می‌شود."
    article = build_article("t", analysis_of(text, ("اسماعیل آزادی",)))
    # one person, in standard letters (the mention keeps the input's)
    assert [(p.name, p.mentions) for p in article.people] == [("اسماعیل آزادی", 2)]
    assert article.quotes[0].speaker.name == "اسماعیل آزادی"


def test_a_martyr_honorific_and_a_place_the_ner_took_for_a_name_are_no_people():
    text = ("استاندار سیستان و بلوچستان گفت: یادواره شهید روح‌الله خلج برگزار شد.\n"
            "شهید روح‌الله خلج در سال ۶۵ به شهادت رسید.")
    article = build_article("t", analysis_of(text, ("بلوچستان", "شهید روح‌الله خلج")))
    assert [p.name for p in article.people] == ["روح‌الله خلج"]
    assert [e.name for e in article.locations] == ["سیستان و بلوچستان"]


def test_the_outlet_of_a_byline_is_an_organization_and_states_are_no_organizations():
    text = ("به گزارش خبرگزاری فارس از قم، سخنگوی دولت گفت: ایران آماده مذاکره است.\n"
            "به گزارش ورزش سه، سرمربی تیم گفت: بازیکنان آمریکایی خوب بودند.")
    analysis = analysis_of(text)
    for word in analysis.words:
        if word.text in ("ایران", "آمریکایی"):
            word.entity, word.entity_begin = "ORG", True
    article = build_article("t", analysis)
    assert [e.name for e in article.organizations] == [
        "دولت", "تیم", "خبرگزاری فارس", "ورزش سه"]


def test_a_title_word_or_a_cue_noun_tagged_with_a_name_is_cut_off():
    text = ("محمد نوری کاپیتان تیم در این بازی غایب بود.\n"
            "سعید رضوی تاکید کرد که بازی سختی است.")
    article = build_article("t", analysis_of(text, ("محمد نوری کاپیتان", "سعید رضوی تاکید")))
    assert [p.name for p in article.people] == ["محمد نوری", "سعید رضوی"]


def test_an_organization_word_the_ner_left_off_joins_the_organization():
    text = "فرماندهی انتظامی استان کرمان اعلام کرد که جاده باز است."
    analysis = analysis_of(text)
    tagged = [w for w in analysis.words if w.text in ("انتظامی", "استان", "کرمان")]
    for word in tagged:
        word.entity, word.entity_begin = "ORG", word is tagged[0]
    article = build_article("t", analysis)
    assert [e.name for e in article.organizations] == ["فرماندهی انتظامی استان کرمان"]


def test_a_reporter_in_a_byline_is_no_organization():
    text = "به گزارش خبرنگار ما، سخنگوی دولت گفت: جلسه فردا برگزار می‌شود."
    assert [e.name for e in build_article("t", analysis_of(text)).organizations] == ["دولت"]


def test_a_nationality_after_a_name_is_no_part_of_it():
    text = ("سادولایف روس در فینال به مصاف دیوید تیلور آمریکایی رفت.\n"
            "علی ایرانی در این مسابقه داور بود.")
    names = ("سادولایف روس", "دیوید تیلور آمریکایی", "علی ایرانی")
    article = build_article("t", analysis_of(text, names))
    assert {p.name for p in article.people} == {"دیوید تیلور", "سادولایف", "علی ایرانی"}


def _tag(analysis, texts: tuple[str, ...], entity: str) -> None:
    tagged = [w for w in analysis.words if w.text in texts]
    for word in tagged:
        word.entity, word.entity_begin = entity, word is tagged[0]


def test_a_surname_or_ministry_the_ner_took_for_an_organization_is_none():
    text = ("مایک پامپئو، وزیر خارجه آمریکا گفت که مذاکره راه حل است. "
            "پامپئو همچنین از ترکیه انتقاد کرد.")
    analysis = analysis_of(text, ("مایک پامپئو",))
    _tag(analysis, ("خارجه", "آمریکا"), "ORG")
    surname = next(w for w in analysis.words if w.text == "پامپئو" and not w.entity)
    surname.entity, surname.entity_begin = "ORG", True
    article = build_article("t", analysis)
    assert [p.name for p in article.people] == ["مایک پامپئو"]
    assert article.organizations == []


def test_a_full_name_of_common_nouns_with_a_title_is_a_person():
    text = ("نسیم بهار، مدیرعامل شرکت فولاد گفت: تولید افزایش یافت.\n"
            "بهار در ادامه افزود: صادرات هم بیشتر شد.")
    article = build_article("t", analysis_of(text, ("نسیم بهار",)))
    assert [(p.name, p.titles) for p in article.people] == [
        ("نسیم بهار", ["مدیرعامل شرکت فولاد"])]


def test_an_organization_word_before_its_place_names_an_organization():
    text = ("هشت نفر در همایش دانشگاه ارومیه مجروح شدند و به بیمارستان منتقل شدند. "
            "تیم‌هایی مثل برزیل و شهرداری‌های مناطق 6 گانه تهران هم بودند.")
    article = build_article("t", analysis_of(text))
    assert [e.name for e in article.organizations] == ["دانشگاه ارومیه"]


def test_an_outlet_quoted_in_a_byline_is_an_organization_but_an_official_is_not():
    text = ("به گزارش خبرگزاری فارس به نقل از پایگاه خبری وزارت بهداشت، واکسن رسید.\n"
            "به گزارش خبرنگار ما به نقل از وزیر کشور، انتخابات برگزار می‌شود.")
    article = build_article("t", analysis_of(text))
    assert [e.name for e in article.organizations] == [
        "خبرگزاری فارس", "پایگاه خبری وزارت بهداشت"]


def test_a_gazetteer_place_longer_than_the_ners_span_replaces_it():
    text = "استاندار سیستان و بلوچستان از راه اندازی کارخانه خبر داد."
    analysis = analysis_of(text, ("بلوچستان",))
    _tag(analysis, ("سیستان",), "LOC")
    article = build_article("t", analysis)
    assert [e.name for e in article.locations] == ["سیستان و بلوچستان"]


def test_the_organization_of_a_public_relations_office_in_a_title():
    text = "محسن محمدی، مدیر روابط عمومی اداره راه و ترابری لرستان گفت: محورها باز است."
    article = build_article("t", analysis_of(text, ("محسن محمدی",)))
    assert [e.name for e in article.organizations] == ["اداره راه و ترابری لرستان"]


def test_nouns_the_ner_ran_on_into_after_a_known_name_are_cut():
    text = ("غلامعلی حداد عادل، رئیس مجلس گفت: نامه مهم است.\n"
            "حداد عادل نامه رئیس جمهور را مثبت دانست.")
    article = build_article("t", analysis_of(text, ("غلامعلی حداد عادل", "حداد عادل نامه")))
    assert [(p.name, p.mentions) for p in article.people] == [("غلامعلی حداد عادل", 2)]


def test_what_a_sentence_says_a_person_is_is_no_title():
    text = "تیبو کورتوا در این بازی اشتباه کرد.\nتیبو کورتوا گلر فوق العاده ای است و اشتباه می‌کند."
    article = build_article("t", analysis_of(text, ("تیبو کورتوا",)))
    assert [(p.name, p.titles) for p in article.people] == [("تیبو کورتوا", [])]


def test_organizations_from_the_gazetteer_back_up_the_ner():
    text = ("رئیس قوه قضاییه گفت که پرونده به دستگاه قضایی رفته است و "
            "آژانس بین‌المللی انرژی اتمی هم گزارش داد.")
    article = build_article("t", analysis_of(text))
    assert [e.name for e in article.organizations] == [
        "قوه قضاییه", "دستگاه قضایی", "آژانس بین‌المللی انرژی اتمی"]


def test_a_title_after_a_name_ends_at_its_place_unless_a_club_follows():
    text = ("به گفته جرج بوش، رییس جمهوری آمریکا بزرگ‌ترین عملیات امداد تاریخ این کشور "
            "آغاز شده است.\nیورگن کلوپ، سرمربی آلمانی لیورپول در نشست خبری حاضر شد.")
    analysis = analysis_of(text, ("جرج بوش", "یورگن کلوپ"))
    _tag(analysis, ("لیورپول",), "ORG")
    article = build_article("t", analysis)
    assert [(p.name, p.titles) for p in article.people] == [
        ("جرج بوش", ["رییس جمهوری آمریکا"]), ("یورگن کلوپ", ["سرمربی آلمانی لیورپول"])]


def test_a_place_that_is_a_named_persons_surname_is_no_place():
    text = ("دیوید کامرون در بروکسل گفت که مذاکرات ادامه دارد و کامرون امیدوار است.\n"
            "هواداران باشگاه رامسر در رامسر جشن گرفتند.")
    # the NER takes `باشگاه رامسر` for a person: no known first name, so `رامسر` stays
    article = build_article("t", analysis_of(text, ("دیوید کامرون", "باشگاه رامسر")))
    assert [e.name for e in article.locations] == ["بروکسل", "رامسر"]


def test_a_peoples_name_is_no_organization():
    text = "ایرانیان و آمریکاییها در نشست حاضر بودند و حزب کارگر گزارش داد."
    analysis = analysis_of(text)
    for word in analysis.words:  # as the NER tags them now and then
        if word.text in ("ایرانیان", "آمریکاییها", "حزب", "کارگر"):
            word.entity, word.entity_begin = "ORG", word.text != "کارگر"
    article = build_article("t", analysis)
    assert [e.name for e in article.organizations] == ["حزب کارگر"]


def test_a_word_of_address_is_no_part_of_a_name():
    text = "وی گفت: «محمدحسن جان! بیا.» جان کری به تهران آمد."
    article = build_article("t", analysis_of(text, ("محمدحسن جان", "جان کری")))
    assert sorted(p.name for p in article.people) == ["جان کری", "محمدحسن"]


def test_the_outlet_of_a_reporter_is_an_organization_even_a_common_word():
    text = ("محمد رضایی در گفت‌وگو با خبرنگار پارلمانی فارس در زاهدان اظهار کرد: باران کم بود.\n"
            "وی به خبرنگار ما گفت: سدها خالی است. مهر امسال بارانی بود.")
    article = build_article("t", analysis_of(text, ("محمد رضایی",)))
    assert [e.name for e in article.organizations] == ["فارس"]


def test_a_name_with_a_generic_head_and_the_bare_name_are_one_organization():
    text = ("به گزارش خبرگزاری فارس، تیم فوتبال سپاهان امروز تمرین کرد.\n"
            "سپاهان هفته آینده با تیم پرسپولیس بازی دارد و خبرنگار فارس از تمرین گزارش داد. "
            "هواداران سپاهان خوشحال هستند.")
    analysis = analysis_of(text)
    club = next(i for i, w in enumerate(analysis.words) if w.text == "تیم")
    for word in analysis.words[club : club + 3]:  # the NER's `تیم فوتبال سپاهان`
        word.entity, word.entity_begin = "ORG", word.index == club
    article = build_article("t", analysis)
    organizations = {e.name: e.mentions for e in article.organizations}
    # under the form used most; the fullest of equals
    assert organizations == {"خبرگزاری فارس": 2, "سپاهان": 3, "پرسپولیس": 1}


def test_a_title_the_ner_took_for_a_person_is_no_person_and_speaks_as_a_title():
    text = "مقام معظم رهبری در این دیدار فرمودند که مردم باید در انتخابات شرکت کنند."
    article = build_article("t", analysis_of(text, ("مقام معظم رهبری",)))
    assert article.people == []
    (quote,) = article.quotes
    assert (quote.speaker.name, quote.speaker.title) == (None, "مقام معظم رهبری")


def test_other_after_a_name_and_a_demonym_in_ayi_are_no_names():
    text = ("نیکولاس آنلکا دیگر بازیکن تیم شانگهای شنهوا است.\n"
            "سناتور شیلیایی گفت که پرونده باید بررسی شود.")
    analysis = analysis_of(text, ("نیکولاس آنلکا دیگر",))
    _tag(analysis, ("شیلیایی",), "ORG")
    article = build_article("t", analysis)
    assert [p.name for p in article.people] == ["نیکولاس آنلکا"]
    assert "شیلیایی" not in [e.name for e in article.organizations]


def test_a_title_between_a_club_and_a_place_ends_the_club_name():
    text = "تیم سپاهان نماینده ایران امروز به عربستان رفت."
    article = build_article("t", analysis_of(text))
    assert [e.name for e in article.organizations] == ["سپاهان"]
    # a title word right after the organization word is part of its name
    text = "عضو هیات مذاکره کننده ایران گفت که مذاکره ادامه دارد."
    article = build_article("t", analysis_of(text))
    assert [e.name for e in article.organizations] == ["هیات مذاکره کننده ایران"]


def test_a_name_after_an_outlet_word_is_the_outlets_even_when_tagged_as_a_person():
    text = ("به نقل از آژانس پرنسا لاتینا، رئیس جمهور شیلی گفت که قرارداد امضا شد.\n"
            "روزنامه‌ها از سفر میشل باچلت خبر دادند.")
    article = build_article("t", analysis_of(text, ("پرنسا لاتینا", "میشل باچلت")))
    assert [p.name for p in article.people] == ["میشل باچلت"]  # no outlet after a plural
    assert [e.name for e in article.organizations] == ["آژانس پرنسا لاتینا"]


def test_a_person_after_an_outlet_word_in_a_title_stays_a_person():
    text = ("گوینده رادیو علی رضایی در این مراسم حضور داشت.\n"
            "بازیگر سینما و تلویزیون رضا عطاران در این فیلم بازی می‌کند.")
    article = build_article("t", analysis_of(text, ("علی رضایی", "رضا عطاران")))
    assert sorted(p.name for p in article.people) == ["رضا عطاران", "علی رضایی"]
    assert article.organizations == []


def test_only_generic_name_heads_join_a_bare_name_and_a_tagged_desk_is_passed_over():
    text = ("وزارت نفت طرح را تایید کرد و نفت در لیگ برتر پیروز شد.\n"
            "به گزارش خبرنگار حوزه مجلس فارس، طرح تصویب شد.")
    analysis = analysis_of(text)
    _tag(analysis, ("وزارت", "نفت"), "ORG")
    for word in analysis.words:
        if word.text == "مجلس":  # the NER tags the desk
            word.entity, word.entity_begin = "ORG", True
    names = [e.name for e in build_article("t", analysis).organizations]
    assert "وزارت نفت" in names and "نفت" in names  # a ministry is no club's alias
    assert "فارس" in names


def test_the_outlet_is_the_one_the_byline_names_as_its_own():
    text = ("بودجه عمرانی کافی نیست\n\n"
            "به گزارش گروه اقتصادی خبرگزاری ایرنا، علی رضایی گفت: بودجه امسال کافی نیست.")
    assert build_article("t", analysis_of(text, ("علی رضایی",))).outlet == "خبرگزاری ایرنا"
    reporter = "وزیر کشور در گفت‌وگو با خبرنگار مهر گفت: انتخابات به موقع برگزار می‌شود."
    assert build_article("t", analysis_of(reporter)).outlet == "مهر"


def test_an_outlet_quoted_or_a_desk_alone_is_not_the_articles_outlet():
    quoted = "به نقل از خبرگزاری رویترز، وزیر نفت گفت: تولید افزایش می‌یابد."
    assert build_article("t", analysis_of(quoted)).outlet is None
    desk = "به گزارش گروه سیاسی، وزیر نفت گفت: تولید افزایش می‌یابد."
    assert build_article("t", analysis_of(desk)).outlet is None


def people_of(text: str, persons: tuple[str, ...]) -> list[str]:
    return [p.name for p in build_article("t", analysis_of(text, persons)).people]


def test_two_names_run_together_in_a_headline_are_two_people():
    text = "دیدار محسن رضایی علی لاریجانی در مجلس"
    assert sorted(people_of(text, ("محسن رضایی علی لاریجانی",))) == [
        "علی لاریجانی", "محسن رضایی"]


def test_a_given_name_written_in_two_words_stays_one_person():
    for name in ("علی اصغر علی اکبری", "جلال الدین علی محمدی"):
        assert people_of(f"{name} در این مراسم حضور داشت.", (name,)) == [name]


def test_places_ships_and_news_sites_named_like_people_are_no_people():
    text = ("ناو هواپیمابر «جان استنیس» به دریای عمان رسید.\n"
            "به گزارش مرور نیوز، مراسم در بیمارستان امام حسین برگزار شد.")
    assert people_of(text, ("جان استنیس", "مرور نیوز", "امام حسین")) == []


def test_a_first_name_that_is_also_a_place_word_stays_a_person():
    text = "بوستان کریمی، مدیر این مدرسه در مراسم حضور داشت."
    assert people_of(text, ("بوستان کریمی",)) == ["بوستان کریمی"]


def test_an_outlet_in_a_byline_or_after_a_reporter_is_no_person():
    text = ("به گزارش تیرنگ، مسابقات فردا آغاز می‌شود.\n"
            "دبیر هیئت در گفت‌وگو با خبرنگار آوینا گفت: همه چیز آماده است.")
    article = build_article("t", analysis_of(text, ("تیرنگ", "آوینا")))
    assert article.people == []
    assert {"تیرنگ", "آوینا"} <= {e.name for e in article.organizations}


def test_a_name_opening_a_sentence_or_a_reporters_name_in_a_byline_stays_a_person():
    text = ("به گزارش مریم احمدی، مسابقات فردا آغاز می‌شود.\n"
            "روبرتو بالدینی، سرمربی تیم گفت: آماده‌ایم.")
    assert sorted(people_of(text, ("مریم احمدی", "روبرتو بالدینی"))) == [
        "روبرتو بالدینی", "مریم احمدی"]
