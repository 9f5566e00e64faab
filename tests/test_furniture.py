"""Site furniture, common-word sources and stamps on real page shapes (issue 11, items 6-8).

Each class of line is tested on a page shaped like the sites that print it: the furniture
leaves the body, and the body is intact. Look-alike lines that belong to the article stay.
"""

from __future__ import annotations

from datetime import datetime

import pytest

import arnews

from .conftest import SHARED_CORPUS

BODY = "وقال المتحدث باسم الوزارة إن المحادثات مستمرة منذ أسبوعين."
BODY2 = "وأضاف أن الجانبين اتفقا على مواصلة الحوار في الأيام المقبلة."
LEAD = "أعلنت وزارة الصحة السعودية، اليوم الأحد، عن تسجيل انخفاض كبير في عدد الإصابات الجديدة."


# -- sources named by a common word (item 7) --------------------------------------------------


@pytest.mark.parametrize("paper", ["اليوم", "الحياة", "الشرق", "الوطن", "الرياض", "الخليج"])
@pytest.mark.parametrize("form", ["المصدر: {}", "المصدر : {}", "المصدر:\n{}", "المصدر:: {}"])
def test_closing_source_named_by_a_common_word(paper: str, form: str) -> None:
    a = arnews.parse(f"{LEAD}\n\n{BODY}\n\n{form.format(paper)}")
    assert a.source == paper
    assert a.paragraphs == (LEAD, BODY)
    assert a.published is None


@pytest.mark.parametrize(
    "line",
    [
        "وقال المصدر: إن الوزير سيصل غدا إلى العاصمة.",
        "المصدر: تستمتع العداءة الأميركية بعطلة طويلة .",
        "المصدر: «لن نتراجع عن القرار مهما كانت الضغوط»",
        "المصدر: قال الوزير إن الاتفاق قريب. وأضاف أن الجولة المقبلة حاسمة",
    ],
)
def test_reported_speech_after_the_marker_stays_body(line: str) -> None:
    a = arnews.parse(f"{LEAD}\n\n{line}\n\n{BODY}")
    assert a.source is None
    assert line in a.paragraphs


def test_a_source_name_may_end_with_a_full_stop() -> None:
    a = arnews.parse(f"{LEAD}\n\nالمصدر: رويترز.")
    assert a.source == "رويترز."


def test_a_dated_source_line_is_still_the_stamp() -> None:
    line = "المصدر:: يوم الأربعاء 18/01/2012 م - الموافق 24-2-1433 هـ الساعة 7:04 صباحاً"
    a = arnews.parse(f"{LEAD}\n\n{line}")
    assert a.source is None
    assert a.published == datetime(2012, 1, 18, 7, 4)


# -- stamps (item 8) ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("نشرفي 17/05/2013", datetime(2013, 5, 17)),
        ("نشر في17/05/2013", datetime(2013, 5, 17)),
        ("نشر يوم2013/05/17", datetime(2013, 5, 17)),
        ("نشر يوم 17 مايو 2013 - 10:30 ص", datetime(2013, 5, 17, 10, 30)),
    ],
)
def test_glued_publication_markers(line: str, expected: datetime) -> None:
    a = arnews.parse(f"{LEAD}\n{line}\n{BODY}")
    assert a.published == expected
    assert a.paragraphs == (LEAD, BODY)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("الأحد, 15 إبريل, 2012, 16:20 بتوقيت القدس", datetime(2012, 4, 15, 16, 20)),
        ("الإثنين, 23-يوليو-2012", datetime(2012, 7, 23)),
        ("الجمعة 10 فبراير 2012", datetime(2012, 2, 10)),
        ("2012-05-28", datetime(2012, 5, 28)),
        ("26 شوال 1436 هـ الموافق 11 أغسطس 2015 م", datetime(2015, 8, 11)),
    ],
)
def test_bare_date_under_the_headline_is_the_stamp(line: str, expected: datetime) -> None:
    headline = "تقنية ألمانية لتقليص عمر النفايات النووية"
    a = arnews.parse(f"{headline}\n\n{line}\n{LEAD}\n\n{BODY}")
    assert a.published == expected
    assert LEAD in a.paragraphs and BODY in a.paragraphs
    assert line not in a.paragraphs


def test_bare_dates_of_a_chronology_stay_body() -> None:
    text = f"{LEAD}\n15 مارس 2011\n{BODY}\n16 مارس 2011\n{BODY2}"
    a = arnews.parse(text)
    assert a.published is None
    assert a.paragraphs == (LEAD, "15 مارس 2011", BODY, "16 مارس 2011", BODY2)


# -- site furniture (item 6) ----------------------------------------------------------------

LEAD2 = "أعلنت وزارة الصحة اللبنانية، اليوم الأحد، عن ارتفاع عدد ضحايا انفجار المرفأ إلى 150 قتيلا."


def _page(*lines: str) -> str:
    return "\n".join(lines)


def assert_body_intact(article: arnews.Article, *body: str) -> None:
    for line in body:
        assert line in article.paragraphs, line
    assert not any(p in article.boilerplate for p in body)


@pytest.mark.parametrize(
    "line",
    [
        # photo credits and captions
        "(صورة: رويترز)",
        "(صورة: أرشيفية)",
        "الصورة: أ ف ب",
        "صورة أرشيفية",
        "مصدر الصورة Getty Images",
        "Getty Images",
        "الرئيس الأمريكي دونالد ترامب (Getty Images)",
        "حقوق الصورة AFP",
        "تعليق على الصورة يقول الجيش إن القصف استهدف مواقع عسكرية فقط",
        # copyright and rights
        "جميع الحقوق محفوظة",
        "© 2025 سكاي نيوز عربية. جميع الحقوق محفوظة",
        "جميع الحقوق محفوظة لموقع صدى البلد © 2025",
        "حقوق النشر © 2024 بي بي سي",
        "Copyright © 2025 Al Arabiya Network",
        # cookie and privacy banners
        "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا. "
        "باستمرارك في التصفح فإنك توافق على ذلك.",
        "يستخدم هذا الموقع ملفات تعريف الارتباط (الكوكيز) لتقديم أفضل تجربة ممكنة",
        "We use cookies to improve your experience.",
        "سياسة الخصوصية",
        "موافق",
        # video and save/share prompts
        "مدة الفيديو 02:15",
        "مدة الفيديو: 1:02",
        "حفظ المقال",
        "أضف إلى المفضلة",
        "نسخ الرابط",
        "الرابط المختصر",
        "شارك المقال",
        "شارك عبر واتساب",
        "أضف تعليقا",
        "التعليقات",
        # counters, text tools, newsletters and disclaimers
        "عدد القراءات: 1520",
        "زمن القراءة: 3 دقائق",
        "حجم الخط",
        "طباعة الخبر",
        "أرسل إلى صديق",
        "اشترك في النشرة البريدية",
        "تابعوا آخر الأخبار على قناتنا في تيليجرام",
        "المقالات المنشورة تعبر عن رأي كتابها ولا تعبر بالضرورة عن رأي الموقع",
        "عرض المزيد",
        # click-through prompts
        "اضغط هنا",
        "انقر هنا لقراءة الخبر من مصدره",
        "اضغط هنا لقراءة الخبر من مصدره",
        "لمتابعة المباشر على الحواسيب اللوحية، اضغط هنا...",
        # wire-service closings: the end mark and the filing time
        "// انتهى //",
        "14:12 ت م",
        "10:20 بتوقيت القدس",
        # bare URLs of embedded videos and posts
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "www.example.com/video/123",
        "pic.twitter.com/AbCdEf123",
    ],
)
def test_furniture_line_inside_a_page(line: str) -> None:
    a = arnews.parse(_page(LEAD2, line, BODY, BODY2))
    assert line in a.boilerplate
    assert a.paragraphs == (LEAD2, BODY, BODY2)


@pytest.mark.parametrize(
    "line",
    [
        # the words are the article's
        "وأكد الوزير أن جميع الحقوق محفوظة للمواطنين بموجب الدستور الجديد.",
        "أقر البرلمان الأوروبي قانونا يلزم المواقع بطلب موافقة المستخدم على ملفات تعريف الارتباط.",
        "وقالت الشركة في بيان إن سياسة الخصوصية الجديدة ستدخل حيز التنفيذ الشهر المقبل.",
        "الصورة: التقطت هذه الصورة في الساعات الأولى من صباح الأحد قرب المرفأ وتظهر حجم الدمار.",
        "شارك في المؤتمر أكثر من مئتي باحث من عشرين دولة عربية وأجنبية.",
        "حفظ الأمن مسؤولية الجميع، كما قال وزير الداخلية في كلمته أمام البرلمان.",
        "مدة الفيديو الذي نشره الجيش لا تتجاوز دقيقتين، لكنه أثار جدلا واسعا على مواقع التواصل.",
        "انتهى الاجتماع دون اتفاق على موعد الجولة المقبلة.",
        "14:12 وصل الرئيس إلى المطار.",
        "عدد المشاهدات تجاوز مليون مشاهدة خلال يوم واحد فقط من نشر المقطع.",
    ],
)
def test_furniture_words_in_running_text_stay_body(line: str) -> None:
    a = arnews.parse(_page(LEAD2, line, BODY))
    assert a.paragraphs == (LEAD2, line, BODY)
    assert a.boilerplate == ()


def test_a_link_the_sentence_announces_stays_body() -> None:
    text = _page(LEAD2, "أو على حساب اللجنة في تويتر على الرابط:", "https://twitter.com/x", BODY)
    a = arnews.parse(text)
    assert "https://twitter.com/x" in a.paragraphs
    assert a.boilerplate == ()


@pytest.mark.parametrize(
    "line",
    [
        "عاجل: الرئيس يصل إلى القاهرة في زيارة رسمية",
        "عاجل | انفجار في مرفأ بيروت",
        "عاجل - مجلس الأمن يعقد جلسة طارئة",
        "عاجل",
        "خبر عاجل: زلزال بقوة 6 درجات يضرب جنوب تركيا",
        "شريط الأخبار",
        "شريط الأخبار: ارتفاع أسعار النفط",
    ],
)
def test_ticker_lines_are_furniture(line: str) -> None:
    a = arnews.parse(_page(line, LEAD2, BODY))
    assert line in a.boilerplate
    assert_body_intact(a, LEAD2, BODY)


@pytest.mark.parametrize(
    "line",
    [
        # a sentence of the body that opens with the word
        "عاجل: أعلنت وزارة الداخلية في بيان صدر قبل قليل عن اعتقال خلية إرهابية في العاصمة.",
        "عاجلا أم آجلا ستضطر الحكومة إلى مراجعة قرارها.",
        "عاجل: قال الرئيس إن الاتفاق قريب. وأضاف أن الجولة المقبلة حاسمة",
    ],
)
def test_ticker_word_opening_a_sentence_stays_body(line: str) -> None:
    a = arnews.parse(_page(LEAD2, line, BODY))
    assert a.paragraphs == (LEAD2, line, BODY)


NAV = ("الرئيسية", "أخبار", "سياسة", "اقتصاد", "رياضة", "فن ومشاهير", "منوعات")


def test_navigation_menu_lines_at_the_top() -> None:
    title = "انفجار ضخم يهز مرفأ بيروت ويوقع عشرات الضحايا"
    a = arnews.parse(_page(*NAV, title, LEAD2, BODY, BODY2))
    assert a.boilerplate[: len(NAV)] == NAV
    assert_body_intact(a, LEAD2, BODY, BODY2)
    assert not set(NAV) & set(a.paragraphs)


@pytest.mark.parametrize(
    "menu",
    [
        "الرئيسية | أخبار | رياضة | اقتصاد | فن",
        "الرئيسية » أخبار » سياسة",
        "الرئيسية › عربي ودولي › لبنان",
        "• الرئيسية • أخبار • رياضة",
    ],
)
def test_navigation_menu_on_one_line(menu: str) -> None:
    if menu.startswith("•"):
        menu = menu.replace(" • ", " | ")
    a = arnews.parse(_page(menu, LEAD2, BODY))
    assert menu in a.boilerplate
    assert_body_intact(a, LEAD2, BODY)


def test_a_menu_after_a_ticker_and_before_the_title() -> None:
    ticker = "عاجل: مجلس الأمن يعقد جلسة طارئة"
    title = "انفجار مرفأ بيروت"
    a = arnews.parse(_page(ticker, "الرئيسية", "لبنان", "سياسة", "اقتصاد", title, LEAD2, BODY))
    assert ticker in a.boilerplate
    assert {"الرئيسية", "سياسة", "اقتصاد"} <= set(a.boilerplate)
    assert title not in a.boilerplate  # a short title after the last section name stays
    assert_body_intact(a, LEAD2, BODY)


@pytest.mark.parametrize(
    "items",
    [
        # a list the article sets, after its lead: body
        ("1-محمد صلاح", "2-لوكا مودريتش", "3-كريستيانو رونالدو", "4-ليونيل ميسي"),
        ("سياسة", "اقتصاد", "رياضة", "ثقافة"),
        ("• القدس", "• غزة", "• رام الله", "• نابلس"),
    ],
)
def test_short_lines_inside_the_body_stay(items: tuple[str, ...]) -> None:
    a = arnews.parse(_page(LEAD2, *items, BODY))
    assert a.boilerplate == ()
    assert LEAD2 in a.paragraphs and BODY in a.paragraphs


def test_short_head_lines_without_section_names_stay() -> None:
    # A title, a credit, a place and a date: short lines at the top, but no menu.
    a = arnews.parse(_page("حصاد اليوم", "متابعة", "القاهرة", "بيروت", LEAD2, BODY))
    assert a.boilerplate == ()


@pytest.mark.parametrize(
    "tags",
    [
        "غزة | إسرائيل | حماس",  # no section name: not a menu
        "أخبار | ترامب يعلن الانسحاب",  # two parts: a section and a headline
    ],
)
def test_bar_lines_that_are_not_menus(tags: str) -> None:
    a = arnews.parse(_page(tags, LEAD2, BODY))
    assert tags not in a.boilerplate


def test_realistic_news_site_page() -> None:
    page = _page(
        "الرئيسية",
        "أخبار",
        "عربي ودولي",
        "اقتصاد",
        "رياضة",
        "فيديو",
        "عاجل: مجلس الأمن يعقد جلسة طارئة بشأن لبنان",
        "انفجار ضخم يهز مرفأ بيروت ويوقع عشرات الضحايا",
        "https://www.youtube.com/watch?v=abc123",
        "مدة الفيديو 02:15",
        LEAD2,
        "(صورة: رويترز)",
        BODY,
        "اضغط هنا لقراءة الخبر من مصدره",
        BODY2,
        "شارك المقال",
        "© 2025 جميع الحقوق محفوظة",
        "نستخدم ملفات تعريف الارتباط لتحسين تجربتك. باستمرارك في التصفح فإنك توافق على ذلك.",
    )
    a = arnews.parse(page)
    assert LEAD2 in a.paragraphs and BODY in a.paragraphs and BODY2 in a.paragraphs
    assert a.paragraphs[-2:] == (BODY, BODY2)
    assert len(a.boilerplate) == 14
    # Every non-blank character is still accounted for.
    covered = {i for p in a.parts for i in range(p.start, p.end)}
    assert all(i in covered for i, ch in enumerate(page) if not ch.isspace())


def test_lexicon_keys_round_trip_and_extend() -> None:
    lex = arnews.Lexicon.default()
    data = lex.to_dict()
    assert {"boilerplate_inside", "tickers", "navigation"} <= set(data)
    assert arnews.Lexicon.from_dict(data) == lex
    mine = lex.extend(navigation=["ملاعب عالمية"], tickers=["الآن"], boilerplate_inside=["®"])
    assert mine.is_navigation("ملاعب  عالمية")
    assert mine.match_ticker("الآن: وصول الرئيس") == 6
    assert mine.boilerplate_inside_pattern.search("اسم الموقع ®") is not None
    assert not lex.is_navigation("ملاعب عالمية")


# -- real corpora: no body text lost to furniture -------------------------------------------

ANT = SHARED_CORPUS.parent / "ant"
CORPUS_FILES = sorted(p for p in SHARED_CORPUS.glob("*/*.txt") if p.name != "README.txt")
CORPUS_FILES += sorted(ANT.glob("*.txt"))
# Every line of the real pages that is furniture, read one by one: BBC's and France 24's
# click-through prompts, and the Saudi Press Agency's closing mark and filing time. Any other
# line taken as furniture would be body text lost.
SPA_TIMES = {
    "saudinewsnet_028.txt": "14:12 ت م",
    "saudinewsnet_124.txt": "17:13 ت م",
    "saudinewsnet_138.txt": "13:39 ت م",
    "saudinewsnet_152.txt": "11:57 ت م",
    "saudinewsnet_166.txt": "14:12 ت م",
    "saudinewsnet_180.txt": "10:23 ت م",
}
KNOWN_FURNITURE = {
    "BB-technology-98-20180323.txt": ["اضغط هنا للدخول إلى صفحة تفضيلاتك الإعلانية*"],
    "FR-internationalNews-1461-20180526.txt": ["لمتابعة المباشر على الحواسيب اللوحية، اضغط هنا..."],
    **{name: ["// انتهى //", time] for name, time in SPA_TIMES.items()},
}


@pytest.mark.skipif(not CORPUS_FILES, reason="../shared/corpus is not beside the repo")
def test_real_pages_lose_no_body_line_to_furniture() -> None:
    found = {}
    for path in CORPUS_FILES:
        article = arnews.parse(path.read_text(encoding="utf-8"))
        lines = [b for a in article.iter_articles() for b in a.boilerplate]
        if lines:
            found[path.name] = lines
    assert found == KNOWN_FURNITURE


def test_bare_date_under_a_menu_and_a_ticker() -> None:
    menu = ("الرئيسية", "أخبار", "سياسة", "اقتصاد", "رياضة", "منوعات")
    page = _page(
        *menu,
        "عاجل: مجلس الأمن يعقد جلسة طارئة",
        "انفجار ضخم يهز مرفأ بيروت",
        "الأحد, 15 إبريل, 2012, 16:20 بتوقيت القدس",
        LEAD2,
        BODY,
    )
    a = arnews.parse(page)
    assert a.published == datetime(2012, 4, 15, 16, 20)
    assert_body_intact(a, LEAD2, BODY)


@pytest.mark.parametrize(
    ("line", "menu"),
    [
        ("الرئيسية / أخبار / سياسة", True),
        ("الرئيسية - رياضة - كرة القدم", True),
        ("بغداد/ شبكة أخبار العراق", False),
        ("القاهرة - أخبار مصر - خاص", False),
        ("غزة / رفح / خان يونس", False),
    ],
)
def test_menu_lines_split_by_slashes_or_dashes(line: str, menu: bool) -> None:
    a = arnews.parse(_page(line, LEAD2, BODY))
    assert (line in a.boilerplate) is menu
    assert_body_intact(a, LEAD2, BODY)


@pytest.mark.parametrize(
    "line",
    [
        "نشر اليوم تقرير عن الأوضاع الاقتصادية في البلاد",
        "نشر أمس موقع إخباري تقريرا عن الصفقة",
        "نشر يوم أمس تقرير مفصل عن الحادث",
    ],
)
def test_a_sentence_opening_with_nashr_stays_body(line: str) -> None:
    a = arnews.parse(_page(LEAD, line, BODY))
    assert a.published is None
    assert a.paragraphs == (LEAD, line, BODY)


def test_a_bare_nashr_before_a_full_date_is_the_stamp() -> None:
    a = arnews.parse(_page(LEAD, "نشر 17 يونيو 2025", BODY))
    assert a.published == datetime(2025, 6, 17)
    assert a.paragraphs == (LEAD, BODY)
