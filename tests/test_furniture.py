"""Site furniture, common-word sources and stamps on real page shapes (issue 11, items 6-8).

Each class of line is tested on a page shaped like the sites that print it: the furniture
leaves the body, and the body is intact. Look-alike lines that belong to the article stay.
"""

from __future__ import annotations

from datetime import datetime

import pytest

import arnews

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
