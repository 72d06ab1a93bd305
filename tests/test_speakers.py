"""Who speaks: groups of people, bylines run on into the speaker, titles worded two
ways (rule stages only, on sentences written for these tests)."""

from helpers import analysis_of

from quotex.engine import build_article


def speakers_of(text: str, persons: tuple[str, ...] = ()):
    article = build_article("test", analysis_of(text, persons))
    return [(q.speaker.name, q.speaker.title, q.speaker.kind) for q in article.quotes]


MINISTER = "علی رضایی، وزیر راه گفت: جاده‌ها باز است.\n\n"


def test_a_broken_plural_of_people_is_a_group_not_a_name():
    text = MINISTER + "وزرا در پایان جلسه تأکید کردند که بودجه کافی نیست."
    assert speakers_of(text, ("علی رضایی",))[1] == (None, "وزرا", "person")


def test_a_share_of_a_group_is_a_described_speaker():
    for subject in ("شماری از معترضان", "برخی نمایندگان مجلس", "تعدادی از کشاورزان منطقه"):
        (speaker,) = speakers_of(subject + " اعلام کردند که تجمع ادامه دارد.")
        assert speaker == (None, subject, "person")


def test_any_plural_head_before_a_plural_verb_is_a_group():
    (speaker,) = speakers_of("سیاستمداران اروپایی گفتند تحریم‌ها ادامه می‌یابد.")
    assert speaker == (None, "سیاستمداران اروپایی", "person")
    (speaker,) = speakers_of("دانشجویان دانشگاه تبریز اعلام کردند که کلاس‌ها را تحریم می‌کنند.")
    assert speaker == (None, "دانشجویان دانشگاه تبریز", "person")


def test_a_group_is_no_antecedent_of_the_next_pronoun():
    text = MINISTER + "مقام‌های محلی گفتند جاده بسته است.\n\nوی افزود: کار ادامه دارد."
    assert [s[:2] for s in speakers_of(text, ("علی رضایی",))] == [
        ("علی رضایی", "وزیر راه"), (None, "مقام‌های محلی"), ("علی رضایی", "وزیر راه")]


def test_institutions_and_media_in_the_plural_stay_organizations():
    (speaker,) = speakers_of("رسانه‌های آمریکایی گزارش دادند که مذاکرات متوقف شده است.")
    assert speaker[2] == "organization"
    (speaker,) = speakers_of("وزارت بهداشت اعلام کرد که واکسن کافی موجود است.")
    assert speaker == ("وزارت بهداشت", None, "organization")


def test_one_named_person_with_a_plural_of_respect_is_no_group():
    text = "حسن کاظمی، امام جمعه شهر گفتند: مردم صبور باشند."
    assert speakers_of(text, ("حسن کاظمی",)) == [("حسن کاظمی", "امام جمعه شهر", "person")]


def test_a_byline_with_no_comma_ends_where_the_speaker_begins():
    text = "به گزارش ایسنا مهدی صالحی سخنگوی وزارت نیرو گفت: برق قطع نمی‌شود."
    article = build_article("t", analysis_of(text, ("مهدی صالحی",)))
    (quote,) = article.quotes
    assert (quote.speaker.name, quote.speaker.title) == ("مهدی صالحی", "سخنگوی وزارت نیرو")
    assert "ایسنا" in [o.name for o in article.organizations]
    assert "ایسنا" not in [p.name for p in article.people]


def test_a_reporter_a_desk_or_a_quoted_outlet_before_the_speaker():
    text = ("به گزارش خبرنگار اقتصادی مهر سید رضا امینی رئیس اتاق بازرگانی گفت: صادرات کم شد.")
    assert speakers_of(text, ("رضا امینی",)) == [("رضا امینی", "رئیس اتاق بازرگانی", "person")]
    text = 'به گزارش "ورزش سه" فرهاد کریمی سرمربی تیم گفت: ما آماده‌ایم.'
    assert speakers_of(text, ("فرهاد کریمی",)) == [("فرهاد کریمی", "سرمربی تیم", "person")]


def test_a_byline_followed_by_no_person_still_ends_at_its_comma():
    text = "به گزارش ایسنا به نقل از روابط عمومی وزارت نیرو، مدیرعامل توانیر گفت: برق هست."
    assert speakers_of(text) == [(None, "مدیرعامل توانیر", "person")]


def test_a_title_fronted_by_a_while_ago_goes_to_the_speaker_named_after_it():
    text = ("چندی پیش مدیرکل دفتر بازرسی استان، وضع جاده‌ها را نامناسب توصیف کرده بود.\n\n"
            "حمید نوری گفته بود که باید برای این وضع فکری کرد.")
    assert speakers_of(text, ("حمید نوری",)) == [
        ("حمید نوری", "مدیرکل دفتر بازرسی استان", "person")] * 2


def test_a_pronoun_with_no_one_before_it_is_the_speaker_named_next():
    text = ("کاهش بارش در استان‌های غربی\n\nوی گفت: بودجه کافی نیست.\n\n"
            "حمید نوری، سخنگوی وزارت نیرو در گفت‌وگو با ایسنا افزود: سدها خالی است.")
    assert [s[0] for s in speakers_of(text, ("حمید نوری",))] == ["حمید نوری"] * 2


def test_a_pronoun_after_a_lead_naming_another_person_is_not_the_next_speaker():
    text = ("زیتون- محمد کاظمی، دادستان استان، آمار بازداشتی‌ها را تایید نکرد.\n\n"
            "او گفت که این آمار اعتبار ندارد.\n\n"
            "هفته گذشته حسین نقدی، عضو شورای شهر، اعلام کرد که صد نفر بازداشت شده‌اند.")
    speakers = speakers_of(text, ("محمد کاظمی", "حسین نقدی"))
    assert speakers[0][0] != "حسین نقدی"
    assert speakers[-1][0] == "حسین نقدی"


def test_the_head_of_an_office_worded_otherwise_is_the_one_named_with_it():
    text = ("مهدی نادری، مدیرکل راهداری استان گیلان گفت: جاده‌ها باز است.\n\n"
            "سعید احمدی، رئیس بانک ملی گفت: وام می‌دهیم.\n\n"
            "مدیر کل راهداری گیلان افزود: برف‌روبی انجام شد.\n\n"
            "مسئول راهداری استان گیلان تأکید کرد: رانندگان زنجیر داشته باشند.")
    speakers = speakers_of(text, ("مهدی نادری", "سعید احمدی"))
    assert [s[0] for s in speakers] == ["مهدی نادری", "سعید احمدی", "مهدی نادری", "مهدی نادری"]


def test_the_head_of_another_office_is_someone_else():
    text = ("مهدی نادری، مدیرکل راهداری استان گیلان گفت: جاده‌ها باز است.\n\n"
            "سعید احمدی، رئیس بانک ملی گفت: وام می‌دهیم.\n\n"
            "مدیرکل بهزیستی استان گیلان گفت: مددجویان کمک می‌گیرند.")
    speakers = speakers_of(text, ("مهدی نادری", "سعید احمدی"))
    assert speakers[2] == (None, "مدیرکل بهزیستی استان گیلان", "person")


def test_a_title_whose_head_no_table_holds_before_a_club_is_no_name():
    (speaker,) = speakers_of("پیشکسوت تیم فوتبال ملوان گفت: بازیکنان جوان باید صبور باشند.")
    assert speaker == (None, "پیشکسوت تیم فوتبال ملوان", "person")


def test_a_surname_before_the_body_it_speaks_of_stays_the_speaker():
    text = ("حسن کریمی، مدیرکل بنادر گفت: کار ادامه دارد.\n\n"
            "کریمی روابط عمومی را زبان هر سازمان دانست.")
    assert [s[0] for s in speakers_of(text, ("حسن کریمی",))] == ["حسن کریمی"] * 2


def test_a_place_named_after_a_martyr_is_no_speaker():
    text = "مدیر دبستان شهید مهدی کریمی گفت: کلاس‌ها از شنبه برگزار می‌شود."
    article = build_article("test", analysis_of(text, ("مهدی کریمی",)))
    assert [(q.speaker.name, q.speaker.title) for q in article.quotes] == [
        (None, "مدیر دبستان شهید مهدی کریمی")]
    assert article.people == []


def test_a_name_after_a_title_and_its_body_is_a_person():
    (speaker,) = speakers_of("استاد دانشگاه مهدی کریمی گفت: پژوهش‌ها ادامه دارد.",
                             ("مهدی کریمی",))
    assert speaker == ("مهدی کریمی", "استاد دانشگاه", "person")


def test_a_group_issuing_a_statement_is_described_and_a_body_an_organization():
    text = ("جمعی از وکلای دادگستری در نامه‌ای نوشتند: حق دفاع رعایت نمی‌شود.\n\n"
            "کانون نویسندگان در بیانیه‌ای اعلام کرد: سانسور باید پایان یابد.")
    assert speakers_of(text) == [
        (None, "جمعی از وکلای دادگستری", "person"),
        ("کانون نویسندگان", None, "organization"),
    ]


def test_a_campus_named_like_a_woman_is_the_body_of_the_title_before_it():
    (speaker,) = speakers_of("معاون آموزشی پردیس نیکبخت گفت: کلاس‌ها حضوری است.",
                             ("پردیس نیکبخت",))
    assert speaker == (None, "معاون آموزشی پردیس نیکبخت", "person")
    (speaker,) = speakers_of("پردیس نیکبخت، معاون آموزشی دانشکده گفت: کلاس‌ها حضوری است.",
                             ("پردیس نیکبخت",))
    assert speaker == ("پردیس نیکبخت", "معاون آموزشی دانشکده", "person")
