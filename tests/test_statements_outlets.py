"""Statement forms of outlets beyond the first three sites (issue 13), on sentences
written for these tests: framing adjuncts with a clause, `به ادعای` as a topic,
documents pointed back to, quotations over paragraphs, framed colon headlines and
condemnation."""

from test_attribution import quotes_of


def test_a_framing_adjunct_with_a_clause_is_a_statement_of_its_own():
    text = ("علی رضایی، مدیرکل بهزیستی استان فارس، با بیان اینکه بودجه امسال کافی نیست، "
            "گفت: باید صرفه‌جویی کنیم.")
    assert quotes_of(text, ("علی رضایی",)) == [
        ("علی رضایی", "مدیرکل بهزیستی استان فارس", "با بیان اینکه", "indirect",
         "بودجه امسال کافی نیست"),
        ("علی رضایی", "مدیرکل بهزیستی استان فارس", "گفت", "direct", "باید صرفه‌جویی کنیم."),
    ]


def test_a_framed_clause_without_a_comma_ends_at_its_verb():
    text = ("مریم احمدی وزیر نیرو گفت: سدها پر نیست.\n"
            "وی با اشاره به اینکه سه سد استان خالی است افزود: وضعیت آب نگران‌کننده است.")
    quotes = quotes_of(text, ("مریم احمدی",))
    assert [q[2:5] for q in quotes[1:]] == [
        ("با اشاره به اینکه", "indirect", "سه سد استان خالی است"),
        ("افزود", "direct", "وضعیت آب نگران‌کننده است."),
    ]
    assert {q[0] for q in quotes} == {"مریم احمدی"}


def test_a_framed_clause_keeps_its_inner_commas_and_the_speaker_after_it():
    text = ("با تأکید بر این که مسابقات چهارشنبه، ۲۱ فروردین، در تهران برگزار می‌شود، "
            "حسن کریمی رئیس فدراسیون گفت: همه چیز آماده است.")
    assert quotes_of(text, ("حسن کریمی",))[0] == (
        "حسن کریمی", "رئیس فدراسیون", "با تأکید بر این که", "indirect",
        "مسابقات چهارشنبه، ۲۱ فروردین، در تهران برگزار می‌شود")


def test_an_adjunct_of_topic_or_reason_is_no_statement():
    topic = "مریم احمدی با اشاره به مشکلات کم‌آبی گفت: باید صرفه‌جویی کنیم."
    assert [q[2] for q in quotes_of(topic, ("مریم احمدی",))] == ["گفت"]
    reason = ("مریم احمدی با توجه به اینکه باران نبارید، گفت: باید صرفه‌جویی کنیم.")
    assert [q[2] for q in quotes_of(reason, ("مریم احمدی",))] == ["گفت"]


def test_one_framed_clause_before_two_joined_cues_is_stated_once():
    text = ("وی با یادآوری اینکه طرح سال گذشته اجرا شد، بر ادامه آن تأکید کرد و گفت: "
            "همه باید کمک کنند.")
    assert [q[2] for q in quotes_of(text)] == ["با یادآوری اینکه", "تأکید کرد", "گفت"]


def test_a_claim_after_a_noun_that_takes_be_is_a_topic_not_according_to():
    text = "وزیر نیرو با اشاره به ادعای برخی رسانه‌ها، گفت: این خبر درست نیست."
    assert quotes_of(text) == [(None, "وزیر نیرو", "گفت", "direct", "این خبر درست نیست.")]
    reply = ("سخنگوی دولت در پاسخ به گفته یک نماینده درباره قیمت‌ها اظهار کرد: قیمت‌ها "
             "ثابت می‌ماند.")
    assert [q[1:3] for q in quotes_of(reply)] == [("سخنگوی دولت", "اظهار کرد")]


def test_according_to_a_claim_still_quotes_its_source():
    text = "به ادعای این روزنامه، دولت قصد افزایش قیمت بنزین را دارد."
    assert quotes_of(text) == [(
        "این روزنامه", None, "به ادعای", "indirect", "دولت قصد افزایش قیمت بنزین را دارد.")]


def test_a_document_pointed_back_to_speaks_for_whoever_issued_it():
    text = ("کانون نویسندگان شهر روز شنبه بیانیه‌ای درباره سانسور منتشر کرد.\n"
            "در این بیانیه آمده است: «هیچ کتابی نباید پیش از چاپ بازبینی شود.»")
    assert [(q[0], q[2], q[4]) for q in quotes_of(text)] == [(
        "کانون نویسندگان شهر", "آمده است", "هیچ کتابی نباید پیش از چاپ بازبینی شود.")]
    named = ("بیانیه انجمن صنفی روزنامه‌نگاران دیروز منتشر شد.\n"
             "در ادامه این بیانیه آمده است: خبرنگاران امنیت شغلی ندارند.")
    assert [q[0] for q in quotes_of(named)] == ["انجمن صنفی روزنامه‌نگاران"]


def test_an_outlets_own_report_pointed_back_to_quotes_nobody():
    text = ("به گزارش ایرنا، قیمت نان افزایش یافت.\n"
            "در این گزارش آمده است که نانوایی‌ها تعطیل شدند.")
    assert quotes_of(text) == []


def test_a_quotation_over_paragraphs_is_one_statement():
    text = ("مینا کریمی، مدیر موزه شهر، در صفحه خود نوشت: «این موزه سال‌ها بسته بود.\n\n"
            "امروز درهای آن دوباره باز می‌شود.»\n\nموزه از فردا باز است.")
    assert quotes_of(text, ("مینا کریمی",)) == [(
        "مینا کریمی", "مدیر موزه شهر", "نوشت", "direct",
        "این موزه سال‌ها بسته بود.\n\nامروز درهای آن دوباره باز می‌شود.")]


def test_an_unclosed_quotation_stays_in_its_paragraph():
    text = ("مینا کریمی، مدیر موزه شهر، گفت: «این موزه سال‌ها بسته بود.\n\n"
            "امروز درهای آن دوباره باز می‌شود.")
    assert [q[4] for q in quotes_of(text, ("مینا کریمی",))] == ["«این موزه سال‌ها بسته بود."]


def test_framed_colon_headlines_quote_their_speaker():
    reaction = ("واکنش رضایی به شایعه استعفا: تا پایان دوره می‌مانم\n\n"
                "علی رضایی، وزیر راه، امروز گفت: استعفا نمی‌دهم.")
    assert quotes_of(reaction, ("علی رضایی", "رضایی"))[0] == (
        "علی رضایی", "وزیر راه", ":", "direct", "تا پایان دوره می‌مانم")
    interview = ("کریمی در گفت‌وگو با ایسنا: بودجه فرهنگ کافی نیست\n\n"
                 "حسن کریمی گفت: باید فکری کرد.")
    assert quotes_of(interview, ("حسن کریمی", "کریمی"))[0][2:5] == (
        ":", "direct", "بودجه فرهنگ کافی نیست")


def test_a_headline_noun_without_a_speaker_or_with_a_verb_quotes_nobody():
    no_speaker = "واکنش‌ها به افزایش قیمت بنزین: صف‌های طولانی در جایگاه‌ها\n\nمردم ماندند."
    assert quotes_of(no_speaker) == []
    topic = "هشدار درباره آلودگی هوا: مدارس تعطیل شد\n\nمدارس تعطیل شدند."
    assert quotes_of(topic) == []
    cue = ("وزیر کار در پاسخ به سوال خبرنگاران اظهار داشت: حقوق‌ها افزایش می‌یابد.")
    assert [q[2] for q in quotes_of(cue)] == ["اظهار داشت"]


def test_condemning_an_act_states_the_act():
    text = "سخنگوی وزارت خارجه حمله به کاروان امدادی را به شدت محکوم کرد."
    quotes = quotes_of(text)
    assert [q[2:4] for q in quotes] == [("محکوم کرد", "indirect")]
    assert "کاروان امدادی" in quotes[0][4]


def test_a_long_question_clause_between_speaker_and_cue_keeps_both():
    for question in ("در پاسخ به سوالی مبنی بر اینکه آیا مترو گران می‌شود؟",
                     "در پاسخ به این سوال که آیا مترو گران می‌شود،"):
        text = f"سارا نوری سخنگوی شهرداری {question} گفت: قیمت بلیت ثابت می‌ماند."
        assert quotes_of(text, ("سارا نوری",)) == [(
            "سارا نوری", "سخنگوی شهرداری", "گفت", "direct", "قیمت بلیت ثابت می‌ماند.")]


def test_an_indirect_statement_then_a_colon_and_a_quote_are_two_statements():
    text = ("پرویز کاظمی وزیر کار گفت این موضوع را به کارشناسان واگذار می‌کند: «ما تصمیم "
            "عجولانه نمی‌گیریم. همه چیز بررسی می‌شود.»")
    assert [q[2:5] for q in quotes_of(text, ("پرویز کاظمی",))] == [
        ("گفت", "indirect", "این موضوع را به کارشناسان واگذار می‌کند"),
        ("گفت", "direct", "ما تصمیم عجولانه نمی‌گیریم. همه چیز بررسی می‌شود."),
    ]
    unquoted = "پرویز کاظمی وزیر کار گفت که بودجه کافی است: حقوق‌ها پرداخت می‌شود."
    assert [q[3] for q in quotes_of(unquoted, ("پرویز کاظمی",))] == ["indirect"]
