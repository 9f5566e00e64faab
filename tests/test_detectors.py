"""Each detector on the forms real pages use, and on what it must leave alone."""

from __future__ import annotations

import pytest

import arnews
from arnews import Dateline

BODY = "وقال المتحدث باسم الوزارة إن المحادثات مستمرة منذ أسبوعين."
BODY2 = "وأضاف أن الجانبين اتفقا على مواصلة الحوار في الأيام المقبلة."


@pytest.mark.parametrize(
    ("lead", "place", "agency"),
    [
        ("سرايا - ", None, "سرايا"),
        ("(CNN)-- ", None, "CNN"),
        ("القاهرة - ", "القاهرة", None),
        ("القاهرة – وكالات: ", "القاهرة", "وكالات"),
        ("واشنطن (رويترز) - ", "واشنطن", "رويترز"),
        ("دبي، الإمارات العربية المتحدة (CNN)-- ", "دبي، الإمارات العربية المتحدة", "CNN"),
        ("بغداد/ شبكة أخبار العراق- ", "بغداد", "شبكة أخبار العراق"),
    ],
)
def test_inline_datelines(lead: str, place: str | None, agency: str | None) -> None:
    a = arnews.parse(lead + BODY + "\n\n" + BODY2)
    assert a.dateline == Dateline(place, agency)
    assert a.paragraphs == (BODY, BODY2)
    assert a.spans.dateline is not None and a.spans.dateline[0] == 0


def test_dateline_on_its_own_line() -> None:
    a = arnews.parse("القاهرة (الاتحاد)\n\n" + BODY)
    assert a.dateline == Dateline("القاهرة", "الاتحاد")
    assert a.paragraphs == (BODY,)


@pytest.mark.parametrize(
    "first",
    [
        "قال الرئيس - في بيان - إن المحادثات مستمرة.",
        "أعلنت وزارة الصحة في غزة - الأحد - عن ارتفاع عدد الضحايا.",
        "وقال مصدر مطلع (طلب عدم ذكر اسمه) إن الاتفاق قريب.",
    ],
)
def test_first_words_of_a_sentence_are_not_a_dateline(first: str) -> None:
    a = arnews.parse(first + "\n\n" + BODY)
    assert a.dateline is None
    assert a.paragraphs[0] == first


def test_related_headline_before_the_footer() -> None:
    text = f"{BODY}\n\n{BODY2}\n\nالولايات المتحدة ترد على إيران بشأن الحرب\n\nالمصدر: صدى البلد"
    a = arnews.parse(text)
    assert a.related_headlines == ("الولايات المتحدة ترد على إيران بشأن الحرب",)
    assert a.paragraphs == (BODY, BODY2)


def test_subheading_stays_in_the_body() -> None:
    text = f"{BODY}\n\nتفاصيل الاتفاق\n\n{BODY2}\n\nالمصدر: صدى البلد"
    assert arnews.parse(text).paragraphs == (BODY, "تفاصيل الاتفاق", BODY2)


def test_closing_formula_before_the_source_stays_in_the_body() -> None:
    text = f"{BODY}\n\nوالحمد لله رب العالمين\nالمصدر: صحيفة فلسطين"
    a = arnews.parse(text)
    assert a.related_headlines == ()
    assert a.paragraphs[-1] == "والحمد لله رب العالمين"


def test_glued_headlines_are_split() -> None:
    glued = "وزير الخارجية: لم نبحث ترحيل أحد إلى ليبياإعلام إسرائيلي: ترامب يضغط لوقف الحرب"
    a = arnews.parse(f"{BODY}\n\n{glued}\n\n{BODY2}")
    assert a.related_headlines == (
        "وزير الخارجية: لم نبحث ترحيل أحد إلى ليبيا",
        "إعلام إسرائيلي: ترامب يضغط لوقف الحرب",
    )
    assert a.paragraphs == (BODY, BODY2)


def test_headline_listed_in_similar_is_taken_out() -> None:
    h = "ارتفاع أسعار النفط مع تراجع المخزونات الأمريكية"
    a = arnews.parse(f"{BODY}\n\n{h}\n\n{BODY2}\n\nمقالات مشابهة\n\n• {h}")
    assert a.related_headlines == (h,)
    assert a.similar == (h,)


def test_media_tag_and_long_line_make_a_headline() -> None:
    h = (
        "صور أقمار صناعية تظهر حجم الدمار في المدينة بعد القصف الأخير "
        "وزير الخارجية: لا يمكن تحمل موت المزيد من الأطفال (فيديو)"
    )
    a = arnews.parse(f"{BODY}\n\n{h}\n\n{BODY2}")
    assert a.related_headlines == (h,)


def test_inline_widget() -> None:
    a = arnews.parse(f"{BODY}\n\nأخبار ذات صلة «الصحة»: الظروف صعبة\n\n{BODY2}")
    assert a.related_headlines == ("«الصحة»: الظروف صعبة",)
    assert a.paragraphs == (BODY, BODY2)


def test_widget_list_inside_the_body() -> None:
    text = f"{BODY}\n\nمواضيع ذات صلة\nعنوان أول عن الصيام\nعنوان ثان عن الصحة\n\n{BODY2} {BODY2}"
    a = arnews.parse(text)
    assert a.related_headlines == ("عنوان أول عن الصيام", "عنوان ثان عن الصحة")
    assert a.similar == ()
    assert a.paragraphs == (BODY, f"{BODY2} {BODY2}")


@pytest.mark.parametrize("bullet", ["•", "-", "*", "◄", "▪", "·", "", "1."])
def test_similar_list_bullets(bullet: str) -> None:
    items = ["عنوان أول", "عنوان ثان"]
    sep = f"{bullet} " if bullet else ""
    text = f"{BODY}\n\nمقالات ذات صلة\n" + "\n".join(f"  {sep}{x}" for x in items)
    a = arnews.parse(text)
    assert a.similar == tuple(items)
    assert a.paragraphs == (BODY,)


def test_glued_paragraphs_are_split_but_numbers_and_abbreviations_are_not() -> None:
    a = arnews.parse("وصل العالقين.وذكر البيان أن النمو بلغ 3.5 بالمئة وفق د.محمد.")
    assert a.paragraphs == ("وصل العالقين.", "وذكر البيان أن النمو بلغ 3.5 بالمئة وفق د.محمد.")
    b = arnews.parse("قال: “تم الاتفاق”.وأضاف البيان أن الوفد عاد")
    assert b.paragraphs == ("قال: “تم الاتفاق”.", "وأضاف البيان أن الوفد عاد")


def test_source_variants() -> None:
    assert arnews.parse(f"{BODY}\nالمصدر : سكاي نيوز عربية").source == "سكاي نيوز عربية"
    assert arnews.parse(f"{BODY}\nالمصدر:\nسكاي نيوز عربية").source == "سكاي نيوز عربية"
    empty = arnews.parse(f"{BODY}\nالمصدر: ")
    assert empty.source is None and empty.paragraphs == (BODY,)


def test_reported_speech_is_not_a_source() -> None:
    text = (
        "وقال المصدر: إن الاتفاق قريب.\n"
        "المصدر: تستمتع العداءة بعطلة بعد موسم طويل. وكانت آخر مشاركاتها في زغرب."
    )
    a = arnews.parse(text)
    assert a.source is None
    assert len(a.paragraphs) == 2


def test_repeated_source_is_kept_with_a_warning() -> None:
    a = arnews.parse(f"{BODY}\nالمصدر: أ\nالمصدر: ب")
    assert a.source == "أ"
    assert a.boilerplate == ("ب",)
    assert [w.code for w in a.warnings] == ["repeated_source"]


@pytest.mark.parametrize(
    ("lines", "repeats"),
    [
        # Every repeat open on its line: claimed in bulk.
        ("المصدر: أ\nالمصدر: ب\nالمصدر: ج", ("ب", "ج")),
        # A repeat whose value is on the next line: each line in turn.
        ("المصدر: أ\nالمصدر:\nب\nالمصدر: ج", ("ب", "ج")),
        ("المصدر: أ\nالمصدر: ب\nالمصدر:\nج", ("ب", "ج")),
    ],
)
def test_repeated_sources_give_one_warning_at_the_first(
    lines: str, repeats: tuple[str, ...]
) -> None:
    text = f"{BODY}\n{lines}"
    a = arnews.parse(text)
    assert a.source == "أ"
    assert a.boilerplate == repeats
    (warning,) = a.warnings
    assert warning.message.startswith(f"{len(repeats)} more source line(s)")
    first = text.index(repeats[0], text.index("المصدر: أ") + 9)
    assert (warning.start, warning.end) == (first, first + len(repeats[0]))


def test_updated_stamp_dateline_and_body_on_one_line() -> None:
    text = (
        "إقرأ أيضاً:\n\nعنوان الخبر\n\n"
        "آخر تحديث: 17 يونيو 2025 - 12:27 م بغداد/ شبكة أخبار العراق- أعلنت الوزارة الخبر."
    )
    ra = arnews.parse(text).read_also[0]
    assert ra.title == "عنوان الخبر"
    assert ra.updated is not None and ra.updated.isoformat() == "2025-06-17T12:27:00"
    assert ra.dateline == Dateline("بغداد", "شبكة أخبار العراق")
    assert ra.paragraphs == ("أعلنت الوزارة الخبر.",)


def test_several_read_also_blocks_and_share_tags() -> None:
    # The first block is an article of its own: its own lead, and its own share-and-tags
    # footer. (A paragraph that carries on the story before, `وأضاف …`, would stay in it.)
    other = "أعلنت وزارة الصحة تسجيل إصابات جديدة بالحمى في ثلاث محافظات."
    text = (
        f"{BODY}\n\nاقرأ أيضا: العنوان الأول\n{other}\nطباعة شارك غزة مصر\n\n"
        f"اقرأ أيضا\nالعنوان الثاني\n{BODY}"
    )
    a = arnews.parse(text)
    assert [r.title for r in a.read_also] == ["العنوان الأول", "العنوان الثاني"]
    assert a.read_also[0].paragraphs == (other,)
    assert set(a.read_also[0].keywords) == {"غزة", "مصر"}
    assert a.paragraphs == (BODY,)


def test_boilerplate_lines() -> None:
    a = arnews.parse(f"{BODY}\nتابع أحدث الأخبار عبر تطبيق\nطباعة\n{BODY2}")
    assert a.boilerplate == ("تابع أحدث الأخبار عبر تطبيق", "طباعة")
    assert a.paragraphs == (BODY, BODY2)


def test_no_markers_is_all_body() -> None:
    text = f"عنوان بلا علامات\n\n{BODY}\n{BODY2}"
    a = arnews.parse(text)
    assert a.paragraphs == ("عنوان بلا علامات", BODY, BODY2)
    assert (a.source, a.keywords, a.read_also, a.similar, a.related_headlines) == (
        None,
        (),
        (),
        (),
        (),
    )


@pytest.mark.parametrize("cut", [5, 40, 120, 200])
def test_text_cut_off_anywhere_parses(cut: int) -> None:
    text = f"{BODY}\n\nالمصدر: صدى البلد\n\nكلمات دلالية: غزة مصر\n\nإقرأ أيضاً:\n\nعنوان\n\n{BODY2}"
    arnews.parse(text[:cut])


def test_empty_and_blank_inputs() -> None:
    for text in ("", " ", "\n\n", "\ufeff", "\xa0\u200f\n"):
        a = arnews.parse(text)
        assert a.paragraphs == () and a.parts == ()


def test_read_also_link_inside_the_body() -> None:
    text = f"{BODY}\n\nاقرأ أيضًا: الحكومة تعلن خطة جديدة للنقل\n\n{BODY2}\n\nالمصدر: صدى البلد"
    a = arnews.parse(text)
    assert a.paragraphs == (BODY, BODY2)
    assert a.source == "صدى البلد"
    assert [(r.title, r.paragraphs) for r in a.read_also] == [("الحكومة تعلن خطة جديدة للنقل", ())]


def test_read_also_link_with_its_headline_on_the_next_line() -> None:
    text = f"{BODY}\n\nاقرأ أيضا\nالحكومة تعلن خطة جديدة للنقل\n\n{BODY2}\n\nكلمات دلالية: النقل"
    a = arnews.parse(text)
    assert a.paragraphs == (BODY, BODY2)
    assert a.read_also[0].title == "الحكومة تعلن خطة جديدة للنقل"
    assert a.keywords == ("النقل",)


def test_read_also_list_of_headlines() -> None:
    items = ["الحكومة تعلن خطة للنقل", "ارتفاع أسعار الذهب اليوم", "هل تنخفض الأسعار؟"]
    text = f"{BODY}\n\nالمصدر: صدى البلد\n\nاقرأ أيضا:\n" + "\n".join(f"• {x}" for x in items)
    a = arnews.parse(text)
    assert [r.title for r in a.read_also] == items
    assert all(r.paragraphs == () for r in a.read_also)
    assert a.paragraphs == (BODY,)


def test_relative_stamp_needs_now() -> None:
    from datetime import datetime

    text = f"نشر في منذ 3 ساعات\n{BODY}"
    assert [w.code for w in arnews.parse(text).warnings] == ["relative_date"]
    now = datetime(2025, 6, 17, 12, 0)
    a = arnews.Parser(now=now).parse(text)
    assert a.published == datetime(2025, 6, 17, 9, 0)
    assert a.paragraphs == (BODY,)


def test_glued_headlines_are_cut_where_a_construct_head_opens_the_next() -> None:
    from arnews.detectors.regions import split_headlines

    line = "ليبياإعلام إسرائيلي يوقف الحربعضو كنيست سابق يصف القطاعوزير خارجية بريطانيا"
    heads = {"عضو", "وزير"}
    got = [line[s:e] for s, e in split_headlines(line, 0, set(), heads)]
    assert got == [
        "ليبيا",
        "إعلام إسرائيلي يوقف الحرب",
        "عضو كنيست سابق يصف القطاع",
        "وزير خارجية بريطانيا",
    ]
    # Without glue the letters show, a line is not a glued run: no word is cut by heads.
    plain = "يوقف الحربعضو كنيست"
    assert split_headlines(plain, 0, set(), heads) == [(0, len(plain))]


@pytest.mark.parametrize(
    ("line", "year"),
    [
        ("الأحد, 15 إبريل, 2012, 16:20 بتوقيت القدس", 2012),
        ("26 شوال 1436 هـ الموافق 11 أغسطس 2015 م", 2015),
        ("١٥ أبريل ٢٠١٢", 2012),  # Arabic-Indic digits: folded before the date is read
        ("۱۵ آوریل ۲۰۱۲", None),  # Persian digits, a month name the tables lack: no date
    ],
)
def test_a_bare_date_under_the_headline_is_the_stamp(line: str, year: int | None) -> None:
    headline = "افتتاح مستشفى جديد للأطفال في الخليل"
    body = "وقال مدير المستشفى إن المبنى الجديد يتسع لمئة سرير، ويخدم أطفال المحافظة كلها."
    a = arnews.parse(f"{headline}\n{line}\n\n{body}")
    if year is None:
        assert a.published is None
    else:
        assert a.published is not None and a.published.year == year


def test_a_line_of_words_only_is_no_bare_date() -> None:
    # The date reader needs the year in digits: a head line of month and weekday names alone
    # stays text.
    headline = "افتتاح مستشفى جديد للأطفال في الخليل"
    body = "وقال مدير المستشفى إن المبنى الجديد يتسع لمئة سرير، ويخدم أطفال المحافظة كلها."
    a = arnews.parse(f"{headline}\nالأحد إبريل\n\n{body}")
    assert a.published is None
    assert "الأحد إبريل" in a.text
