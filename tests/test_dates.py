"""Tests for arnews.dates: Arabic date and time expressions."""

from __future__ import annotations

import copy
import doctest
import importlib
import json
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arnews.dates
import arnews.hijri
from arnews.dates import DateMatch, parse_date, scan_date
from arnews.normalize import fold_chars

# At least 100 examples per property, more when the profile asks for more (CI).
_PROFILE = settings.default
AT_LEAST_100 = settings(max_examples=max(100, _PROFILE.max_examples if _PROFILE else 100))

NOW = datetime(2025, 6, 17, 12, 0)

# Month names by region, written out here rather than read from the data file: the tests are
# the independent statement of what must be read.
EGYPT_GULF = [
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
    "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
]  # fmt: skip
LEVANT_IRAQ = [
    "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
    "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول",
]  # fmt: skip
ALGERIA_TUNISIA = [
    "جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان",
    "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
]  # fmt: skip
MOROCCO = [
    "يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو",
    "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر",
]  # fmt: skip
FAMILIES = {
    "egypt_gulf": EGYPT_GULF,
    "levant_iraq": LEVANT_IRAQ,
    "algeria_tunisia": ALGERIA_TUNISIA,
    "morocco": MOROCCO,
}
HIJRI_MONTHS = [
    "محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
    "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة",
]  # fmt: skip
# Monday first, as datetime.weekday() counts.
WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


dt = datetime


# -- month names --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "month"),
    [(name, i) for names in FAMILIES.values() for i, name in enumerate(names, start=1)],
)
def test_every_regional_month_name(name: str, month: int) -> None:
    assert parse_date(f"17 {name} 2025") == dt(2025, month, 17)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("17 ابريل 2025", dt(2025, 4, 17)),
        ("17 إبريل 2025", dt(2025, 4, 17)),
        ("17 اغسطس 2025", dt(2025, 8, 17)),
        ("17 اكتوبر 2025", dt(2025, 10, 17)),
        ("17 اذار 2025", dt(2025, 3, 17)),
        ("17 ايار 2025", dt(2025, 5, 17)),
        ("17 اب 2025", dt(2025, 8, 17)),
        ("17 ايلول 2025", dt(2025, 9, 17)),
        ("17 تشرين الاول 2025", dt(2025, 10, 17)),
        ("17 تشرين أول 2025", dt(2025, 10, 17)),
        ("17 كانون ثاني 2025", dt(2025, 1, 17)),
        ("17 افريل 2025", dt(2025, 4, 17)),
        ("17 اوت 2025", dt(2025, 8, 17)),
        ("17 يونية 2025", dt(2025, 6, 17)),  # Egyptian spelling
        ("17 يوليه 2025", dt(2025, 7, 17)),
        ("17 فبرایر 2025", dt(2025, 2, 17)),  # Persian yeh
        ("17 کانون الثاني 2025", dt(2025, 1, 17)),  # keheh
        ("17 يونيـــو 2025", dt(2025, 6, 17)),  # tatweel
        ("17 يُونْيُو 2025", dt(2025, 6, 17)),  # diacritics
        ("17 كانون  الثاني 2025", dt(2025, 1, 17)),  # two spaces inside the name
        ("17\xa0يونيو\xa02025", dt(2025, 6, 17)),  # NBSP
        ("17 حزيران/يونيو 2025", dt(2025, 6, 17)),  # both names, Levant style
        ("17 تموز (يوليو) 2025", dt(2025, 7, 17)),
        ("يونيو 17، 2025", dt(2025, 6, 17)),  # month first
        ("17-يونيو-2025", dt(2025, 6, 17)),
        ("7 يونيو 2025", dt(2025, 6, 7)),
        ("07 يونيو 2025", dt(2025, 6, 7)),
    ],
)
def test_spelling_variants(text: str, expected: datetime) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["١٧ يونيو ٢٠٢٥", "۱۷ یونیو ۲۰۲۵", "١٧/٠٦/٢٠٢٥", "٢٠٢٥-٠٦-١٧", "17 يونيو ٢٠٢٥"],
)
def test_arabic_indic_and_persian_digits(text: str) -> None:
    assert parse_date(text) == dt(2025, 6, 17)


# -- weekdays and markers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "الثلاثاء 17 يونيو 2025",
        "الثلاثاء، 17 يونيو 2025",
        "الثلاثاء ، 17 يونيو 2025",
        "الثلاثاء - 17 يونيو 2025",
        "يوم الثلاثاء 17 يونيو 2025",
        "آخر تحديث: 17 يونيو 2025",
        "اخر تحديث 17 يونيو 2025",
        "آخر تحديث : الثلاثاء، 17 يونيو 2025",
        "نشر في 17 يونيو 2025",
        "نشر بتاريخ 17 يونيو 2025",
        "نشر بتاريخ: 17 يونيو 2025",
        "تاريخ النشر: 17 يونيو 2025",
        "تاريخ التحديث 17 يونيو 2025",
        "تاريخ التحديث: الثلاثاء 17 يونيو 2025",
    ],
)
def test_markers_and_weekday(text: str) -> None:
    assert parse_date(text) == dt(2025, 6, 17)


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (16, "الاثنين"),
        (16, "الإثنين"),
        (16, "الأثنين"),
        (17, "الثلاثاء"),
        (18, "الأربعاء"),
        (18, "الاربعاء"),
        (19, "الخميس"),
        (20, "الجمعة"),
        (20, "الجمعه"),
        (21, "السبت"),
        (22, "الأحد"),
        (22, "الاحد"),
    ],
)
def test_every_weekday_name(day: int, name: str) -> None:
    m = scan_date(f"{name} {day} يونيو 2025")
    assert m is not None
    assert m.value == dt(2025, 6, day)
    assert m.weekday == dt(2025, 6, day).weekday()
    assert not m.weekday_mismatch


@pytest.mark.parametrize(
    "text",
    ["الأربعاء 17 يونيو 2025", "الجمعة، 17/06/2025 - 12:27", "الأحد 2025-06-17"],
)
def test_weekday_mismatch_is_reported(text: str) -> None:
    m = scan_date(text)
    assert m is not None
    assert m.weekday_mismatch
    assert m.value is not None
    assert m.value.date() == date(2025, 6, 17)  # the date wins; the parser warns


def test_marker_is_reported_outside_the_span() -> None:
    text = "نشر بتاريخ: 17 يونيو 2025"
    m = scan_date(text)
    assert m is not None
    assert (m.marker, m.marker_start) == ("نشر بتاريخ", 0)
    assert text[m.start : m.end] == "17 يونيو 2025"


# -- clock times --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("17 يونيو 2025 - 12:27 م", dt(2025, 6, 17, 12, 27)),
        ("17 يونيو 2025 - 12:27 ص", dt(2025, 6, 17, 0, 27)),
        ("17 يونيو 2025 - 1:05 م", dt(2025, 6, 17, 13, 5)),
        ("17 يونيو 2025 - 1:05 ص", dt(2025, 6, 17, 1, 5)),
        ("17 يونيو 2025 - 11:05م", dt(2025, 6, 17, 23, 5)),
        ("17 يونيو 2025 - 9:30 صباحاً", dt(2025, 6, 17, 9, 30)),
        ("17 يونيو 2025 - 9:30 صباحا", dt(2025, 6, 17, 9, 30)),
        ("17 يونيو 2025 - 9:30 مساءً", dt(2025, 6, 17, 21, 30)),
        ("17 يونيو 2025 - 9:30 مساء", dt(2025, 6, 17, 21, 30)),
        ("17 يونيو 2025 - 12:30 ظهرا", dt(2025, 6, 17, 12, 30)),
        ("17 يونيو 2025 - 1:30 ظهراً", dt(2025, 6, 17, 13, 30)),
        ("17 يونيو 2025 - 10:00 ليلا", dt(2025, 6, 17, 22, 0)),
        ("17 يونيو 2025 - 13:05 م", dt(2025, 6, 17, 13, 5)),  # redundant, not wrong
        ("17 يونيو 2025 - 21:05", dt(2025, 6, 17, 21, 5)),
        ("17 يونيو 2025 - 00:05", dt(2025, 6, 17, 0, 5)),
        ("17 يونيو 2025 - 21:05:09", dt(2025, 6, 17, 21, 5, 9)),
        ("17 يونيو 2025 – 21:05", dt(2025, 6, 17, 21, 5)),
        ("17 يونيو 2025 — 21:05", dt(2025, 6, 17, 21, 5)),
        ("17 يونيو 2025، 21:05", dt(2025, 6, 17, 21, 5)),
        ("17 يونيو 2025, 21:05", dt(2025, 6, 17, 21, 5)),
        ("17 يونيو 2025 21:05", dt(2025, 6, 17, 21, 5)),
        ("17 يونيو 2025 | 21:05", dt(2025, 6, 17, 21, 5)),
        ("17 يونيو 2025 الساعة 21:05", dt(2025, 6, 17, 21, 5)),
        ("17 يونيو 2025 - الساعة 9:05 مساءً", dt(2025, 6, 17, 21, 5)),
        ("17 دجنبر 2025 على الساعة 10:30 صباحاً", dt(2025, 12, 17, 10, 30)),
        ("17 يونيو 2025 الساعة 5 مساء", dt(2025, 6, 17, 17, 0)),
        ("12:27 م، 17 يونيو 2025", dt(2025, 6, 17, 12, 27)),  # time first
        ("12:27 م - الثلاثاء 17 يونيو 2025", dt(2025, 6, 17, 12, 27)),
        ("١٧ يونيو ٢٠٢٥ - ١٢:٢٧ م", dt(2025, 6, 17, 12, 27)),
    ],
)
def test_times(text: str, expected: datetime) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["17 يونيو 2023م", "17 يونيو 2023 م", "17 يونيو 2023 ميلادية"])
def test_era_mark_after_year_is_not_pm(text: str) -> None:
    m = scan_date(text)
    assert m is not None
    assert m.value == dt(2023, 6, 17)
    assert not m.has_time
    assert m.end == len(text)


def test_era_mark_then_time() -> None:
    assert parse_date("17 يونيو 2023م - 10:15 م") == dt(2023, 6, 17, 22, 15)
    assert parse_date("17/06/2023م 10:15") == dt(2023, 6, 17, 10, 15)


# -- numeric and ISO forms ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-06-17", dt(2025, 6, 17)),
        ("2025-06-17T12:27:00", dt(2025, 6, 17, 12, 27)),
        ("2025-06-17T12:27", dt(2025, 6, 17, 12, 27)),
        ("2025-06-17 12:27", dt(2025, 6, 17, 12, 27)),
        ("2025-06-17T12:27:00Z", dt(2025, 6, 17, 12, 27)),
        ("2025-06-17T12:27:00+03:00", dt(2025, 6, 17, 12, 27)),  # wall time as written
        ("2025-06-17T12:27:00.250", datetime(2025, 6, 17, 12, 27, 0, 250000)),
        ("17/06/2025", dt(2025, 6, 17)),
        ("17-06-2025", dt(2025, 6, 17)),
        ("17.06.2025", dt(2025, 6, 17)),
        ("17 / 06 / 2025", dt(2025, 6, 17)),
        ("2025/06/17", dt(2025, 6, 17)),
        ("2025.06.17", dt(2025, 6, 17)),
        ("17/6/2025", dt(2025, 6, 17)),
        ("17/06/2025 12:27", dt(2025, 6, 17, 12, 27)),
        ("17/06/2025 - 12:27 م", dt(2025, 6, 17, 12, 27)),
    ],
)
def test_numeric_and_iso(text: str, expected: datetime) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("05/06/2025", dt(2025, 6, 5)),  # both ≤ 12: day first
        ("01/02/2025", dt(2025, 2, 1)),
        ("12-11-2025", dt(2025, 11, 12)),
        ("06/17/2025", dt(2025, 6, 17)),  # only the month-first reading exists
    ],
)
def test_day_first_rule(text: str, expected: datetime) -> None:
    assert parse_date(text) == expected


# -- Hijri --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "month"), [(n, i) for i, n in enumerate(HIJRI_MONTHS, start=1)])
def test_every_hijri_month_name(name: str, month: int) -> None:
    m = scan_date(f"1 {name} 1446 هـ")
    assert m is not None
    assert m.hijri == f"1446-{month:02d}-01"
    converted = arnews.dates._hijri_to_gregorian(1446, month, 1)
    assert converted is not None
    assert m.value == datetime.combine(converted, time())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15 رمضان 1446 هـ", dt(2025, 3, 15)),
        ("15 رمضان 1446", dt(2025, 3, 15)),  # the month name says Hijri
        ("١٥ رمضان ١٤٤٦ هـ", dt(2025, 3, 15)),
        ("15 رمضان 1446هـ", dt(2025, 3, 15)),
        ("15 رمضان 1446 هجري", dt(2025, 3, 15)),
        ("15/09/1446 هـ", dt(2025, 3, 15)),
        ("1446/09/15 هـ", dt(2025, 3, 15)),
        # Umm al-Qura dates, where the tabular calendar says 7 June, 5 October, 3 December.
        ("10 ذي الحجة 1446 هـ", dt(2025, 6, 6)),
        ("1 ربيع الثاني 1446", dt(2024, 10, 4)),
        ("1 جمادى الثانية 1446", dt(2024, 12, 2)),
        # Before the table (1365 AH) the tabular calendar is used.
        ("1 محرم 1300 هـ", dt(1882, 11, 12)),
        ("15 رمضان 1446 هـ الموافق 15 مارس 2025 م", dt(2025, 3, 15)),
        ("15 رمضان 1446 هـ - 15 مارس 2025", dt(2025, 3, 15)),
        ("السبت 15 مارس 2025 الموافق 15 رمضان 1446 هـ", dt(2025, 3, 15)),
        ("15 رمضان 1446 هـ الموافق 15 مارس 2025 - 10:00 م", dt(2025, 3, 15, 22, 0)),
    ],
)
def test_hijri_dates(text: str, expected: datetime) -> None:
    assert parse_date(text) == expected


def test_hijri_and_gregorian_halves_are_both_reported() -> None:
    m = scan_date("الثلاثاء 21 ذو الحجة 1446 هـ الموافق 17 يونيو 2025")
    assert m is not None
    assert m.value == dt(2025, 6, 17)
    assert m.hijri == "1446-12-21"
    assert not m.weekday_mismatch


def test_tabular_epoch_and_known_dates() -> None:
    convert = arnews.hijri.tabular_to_gregorian
    assert convert(1, 1, 1) == date(622, 7, 19)  # 16 July 622 Julian, civil epoch
    assert convert(1446, 9, 1) == date(2025, 3, 1)
    assert convert(1400, 1, 1) == date(1979, 11, 21)
    # Sample dates of the arithmetic calendar in Reingold & Dershowitz, Calendrical Calculations.
    assert convert(1058, 5, 18) == date(1648, 6, 10)
    assert convert(1364, 12, 6) == date(1945, 11, 12)
    assert convert(1416, 10, 5) == date(1996, 2, 25)


@pytest.mark.parametrize(
    ("hijri", "umm_al_qura"),
    [
        ((1445, 1, 1), date(2023, 7, 19)),
        ((1444, 10, 1), date(2023, 4, 21)),
        ((1446, 12, 10), date(2025, 6, 6)),
        ((1440, 9, 1), date(2019, 5, 6)),
        ((1420, 1, 1), date(1999, 4, 17)),
    ],
)
def test_umm_al_qura_table_gives_announced_dates(
    hijri: tuple[int, int, int], umm_al_qura: date
) -> None:
    assert arnews.hijri.umm_al_qura_to_gregorian(*hijri) == umm_al_qura
    assert arnews.dates._hijri_to_gregorian(*hijri) == umm_al_qura
    # The tabular calendar, used outside the table, is within a day of it.
    tabular = arnews.hijri.tabular_to_gregorian(*hijri)
    assert tabular is not None
    assert abs((tabular - umm_al_qura).days) <= 1


@AT_LEAST_100
@given(st.integers(1, 9000 - 31), st.integers(1, 12), st.integers(1, 29))
def test_tabular_calendar_repeats_every_30_years(year: int, month: int, day: int) -> None:
    convert = arnews.hijri.tabular_to_gregorian
    a, b = convert(year, month, day), convert(year + 30, month, day)
    assert a is not None
    assert b is not None
    assert (b - a).days == 10631  # 30 * 354 + 11 leap days
    nxt = convert(year, month, day + 1)
    assert nxt is not None
    assert (nxt - a).days == 1


def test_umm_al_qura_table_is_whole_and_consecutive() -> None:
    years = arnews.hijri.UMM_AL_QURA_YEARS
    assert years.start <= 1400 and years.stop - 1 >= 1500
    convert = arnews.hijri.umm_al_qura_to_gregorian
    previous = convert(years.start, 1, 1)
    assert previous is not None
    for year in years:
        for month in range(1, 13):
            if (year, month) == (years.start, 1):
                continue
            first = convert(year, month, 1)
            assert first is not None
            assert (first - previous).days in (29, 30), (year, month)
            previous = first
    assert convert(years.start - 1, 12, 1) is None
    assert convert(years.stop, 1, 1) is None
    # Outside the table the tabular calendar answers.
    assert arnews.hijri.to_gregorian(1300, 1, 1) == arnews.hijri.tabular_to_gregorian(1300, 1, 1)


def test_umm_al_qura_table_matches_hijridate() -> None:
    # The script that writes the table takes it from hijridate; when it is installed, the
    # shipped data must still agree with it, month by month.
    hijridate = pytest.importorskip("hijridate")
    for year in arnews.hijri.UMM_AL_QURA_YEARS:
        for month in range(1, 13):
            ours = arnews.hijri.umm_al_qura_to_gregorian(year, month, 1)
            theirs = hijridate.Hijri(year, month, 1).to_gregorian()
            assert ours == date(theirs.year, theirs.month, theirs.day), (year, month)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Saudi Press Agency datelines: Hijri date, then its Gregorian equivalent.
        ("26 شوال 1436 هـ الموافق 11 أغسطس 2015 م", dt(2015, 8, 11)),
        ("2 ربيع الأول 1373 الموافق 9 نوفمبر 1953", dt(1953, 11, 9)),
        # A Hijri date alone is read by Umm al-Qura: 26 Shawwal 1436 was 11 August 2015.
        ("26 شوال 1436 هـ", dt(2015, 8, 11)),
        ("الثلاثاء 26 شوال 1436 هـ", dt(2015, 8, 11)),
    ],
)
def test_saudi_hijri_stamps(text: str, expected: datetime) -> None:
    assert parse_date(text) == expected


def test_weekday_settles_a_tabular_day_off() -> None:
    # 15 Ramadan 1446 is Saturday 15 March 2025 (Umm al-Qura); a page that says Friday used a
    # calendar a day ahead, and its weekday says so.
    friday = scan_date("الجمعة 15 رمضان 1446 هـ")
    assert friday is not None
    assert friday.value == dt(2025, 3, 14)
    assert not friday.weekday_mismatch
    far = scan_date("الثلاثاء 15 رمضان 1446 هـ")
    assert far is not None
    assert far.value == dt(2025, 3, 15)
    assert far.weekday_mismatch


def test_bare_hijri_year_is_matched_without_a_value() -> None:
    for text in ("1446 هـ", "1446هـ", "١٤٤٦ هـ", "1446 هجرية"):
        m = scan_date(text)
        assert m is not None, text
        assert m.value is None
        assert m.hijri == "1446"
        assert m.end == len(text)
        assert parse_date(text) is None


# -- relative forms -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("منذ 3 ساعات", NOW - timedelta(hours=3)),
        ("منذ ٣ ساعات", NOW - timedelta(hours=3)),
        ("منذ ساعتين", NOW - timedelta(hours=2)),
        ("منذ ساعة", NOW - timedelta(hours=1)),
        ("منذ دقيقة", NOW - timedelta(minutes=1)),
        ("منذ 5 دقائق", NOW - timedelta(minutes=5)),
        ("منذ دقيقتين", NOW - timedelta(minutes=2)),
        ("منذ 30 ثانية", NOW - timedelta(seconds=30)),
        ("منذ يومين", NOW - timedelta(days=2)),
        ("منذ 3 أيام", NOW - timedelta(days=3)),
        ("منذ يوم", NOW - timedelta(days=1)),
        ("منذ أسبوع", NOW - timedelta(weeks=1)),
        ("منذ أسبوعين", NOW - timedelta(weeks=2)),
        ("منذ شهر", dt(2025, 5, 17, 12, 0)),
        ("منذ 4 أشهر", dt(2025, 2, 17, 12, 0)),
        ("منذ سنة", dt(2024, 6, 17, 12, 0)),
        ("منذ عامين", dt(2023, 6, 17, 12, 0)),
        ("قبل 2 ساعة", NOW - timedelta(hours=2)),
        ("قبل ساعتين", NOW - timedelta(hours=2)),
        ("منذ ثلاث ساعات", NOW - timedelta(hours=3)),
        ("منذ خمس دقائق", NOW - timedelta(minutes=5)),
        ("أمس", dt(2025, 6, 16)),
        ("امس", dt(2025, 6, 16)),
        ("البارحة", dt(2025, 6, 16)),
        ("أول أمس", dt(2025, 6, 15)),
        ("اليوم", dt(2025, 6, 17)),
        ("أمس الساعة 10:30 م", dt(2025, 6, 16, 22, 30)),
        ("اليوم 08:15", dt(2025, 6, 17, 8, 15)),
        ("الآن", NOW),
        ("منذ لحظات", NOW),
        ("نشر: منذ 3 ساعات", NOW - timedelta(hours=3)),
    ],
)
def test_relative_forms(text: str, expected: datetime) -> None:
    assert parse_date(text, now=NOW) == expected
    # Without `now` the form is still recognised, but has no value: the functions are pure.
    assert parse_date(text) is None
    m = scan_date(text)
    assert m is not None
    assert m.relative
    assert m.value is None


def test_relative_month_clamps_to_month_end() -> None:
    assert parse_date("منذ شهر", now=dt(2025, 3, 31, 9, 0)) == dt(2025, 2, 28, 9, 0)


def test_relative_with_aware_now_gives_naive_result() -> None:
    aware = datetime(2025, 6, 17, 12, 0, tzinfo=timezone.utc)
    assert parse_date("منذ ساعتين", now=aware) == dt(2025, 6, 17, 10, 0)


@pytest.mark.parametrize("text", ["منذ ساعات", "منذ أيام", "منذ قليل", "قبل قليل"])
def test_vague_relative_forms_have_no_value(text: str) -> None:
    m = scan_date(text, now=NOW)
    assert m is not None
    assert m.relative
    assert m.value is None


@pytest.mark.parametrize(
    "text",
    [
        "اليوم أعلنت الحكومة عن خطة جديدة",
        "أمس قال الوزير إن",
        "منذ 3 أيام والمدينة بلا كهرباء",
        "الآن يبدأ العمل",
        "1446 هـ عام الخير",
    ],
)
def test_weak_forms_opening_a_sentence_are_not_dates(text: str) -> None:
    assert scan_date(text, now=NOW) is None


def test_weak_forms_after_a_marker_read_by_the_caller() -> None:
    text = "آخر تحديث: منذ 3 ساعات بغداد - أعلنت الوزارة"
    m = scan_date(text, text.index(":") + 1, now=NOW)
    assert m is not None
    assert m.text == "منذ 3 ساعات"
    assert m.value == NOW - timedelta(hours=3)
    assert scan_date("قال اليوم أعلنت", len("قال "), now=NOW) is None


def test_weak_forms_standing_alone_on_their_line() -> None:
    text = "منذ 3 ساعات\nبغداد - أعلنت الوزارة"
    m = scan_date(text, now=NOW)
    assert m is not None
    assert (m.start, m.end) == (0, len("منذ 3 ساعات"))


# -- impossible and ambiguous -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "31 فبراير 2024",
        "30 فبراير 2024",
        "29 فبراير 2023",
        "31 نيسان 2025",
        "30/02/2024",
        "31-04-2025",
        "2025-02-30",
        "2025-13-01",
        "13/13/2025",
        "00/06/2025",
        "17 يونيو 2025 25:00",
        "17 يونيو 2025 24:00",
        "17 يونيو 2025 12:60",
        "17 يونيو 2025 12:30:61",
        "17 يونيو 2025 13:00 ص",  # am contradicts 13
        "17 يونيو 2025 0:30 م",
        "31 رمضان 1446 هـ",
        "15 رمضان 1446 م",  # Hijri month with the Gregorian era mark
        "17 يونيو 2025 هـ",  # and the reverse
        "17 حزيران/يوليو 2025",  # two names that disagree
        "15/09/1446",  # numeric, no era, a Hijri-looking year
        "1446 هـ",
    ],
)
def test_impossible_or_ambiguous_is_none(text: str) -> None:
    assert parse_date(text) is None
    m = scan_date(text)
    assert m is not None, "the expression is still recognised"
    assert m.value is None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "بغداد - أعلنت الوزارة",
        "17 يونيو",
        "يونيو 2025",
        "17/06/25",
        "2025",
        "2023م",
        "17 يونيو 2025 وفاة",
        "17 قتيلا في 2025",
        "12:27",
        "الثلاثاء",
        "آخر تحديث:",
    ],
)
def test_not_a_date(text: str) -> None:
    assert parse_date(text) is None


def test_parse_date_needs_the_whole_text() -> None:
    assert parse_date("17 يونيو 2025 بغداد") is None
    assert parse_date("  17 يونيو 2025\u200f ") == dt(2025, 6, 17)


# -- scan_date spans ----------------------------------------------------------------------------

STAMP_LINE = "آخر تحديث: 17 يونيو 2025 - 12:27 م بغداد/ شبكة أخبار العراق- أعلنت"


def test_scan_stamp_line_from_the_start() -> None:
    m = scan_date(STAMP_LINE)
    assert m is not None
    assert m.start == STAMP_LINE.index("17")
    assert m.end == STAMP_LINE.index(" بغداد")
    assert STAMP_LINE[m.end - 1] == "م"
    assert m.text == "17 يونيو 2025 - 12:27 م"
    assert m.value == dt(2025, 6, 17, 12, 27)
    assert m.has_time
    assert STAMP_LINE[m.end :].strip().startswith("بغداد/ شبكة أخبار العراق- أعلنت")


def test_scan_stamp_line_after_the_marker() -> None:
    pos = STAMP_LINE.index(":") + 1
    m = scan_date(STAMP_LINE, pos)
    assert m is not None
    assert (m.start, m.end) == (STAMP_LINE.index("17"), STAMP_LINE.index(" بغداد"))
    assert m.marker is None


def test_scan_inside_a_longer_text() -> None:
    text = "سطر أول\nنشر في \xa017 يونيو 2025، 09:00 ص\nنص الخبر"
    pos = text.index("نشر")
    m = scan_date(text, pos)
    assert m is not None
    assert text[m.start : m.end] == "17 يونيو 2025، 09:00 ص"
    assert m.marker_start == pos
    assert m.value == dt(2025, 6, 17, 9, 0)


def test_scan_maps_offsets_over_deleted_characters() -> None:
    text = "\u200fآخِر تحديث: ١٧ يُونْيُو ٢٠٢٥ - ١٢:٢٧ مساءً بغداد"
    m = scan_date(text)
    assert m is not None
    assert text[m.start : m.end] == "١٧ يُونْيُو ٢٠٢٥ - ١٢:٢٧ مساءً"
    assert m.marker == "آخِر تحديث"
    assert m.value == dt(2025, 6, 17, 12, 27)


def test_scan_stops_before_the_body() -> None:
    text = "17 يونيو 2025 - بغداد"
    m = scan_date(text)
    assert m is not None
    assert text[m.start : m.end] == "17 يونيو 2025"


def test_scan_out_of_range_positions() -> None:
    assert scan_date("17 يونيو 2025", 100) is None
    assert scan_date("17 يونيو 2025", -1) is None
    assert scan_date("") is None


def test_scan_is_bounded() -> None:
    # A date far after `pos` is not looked for: the window is bounded.
    assert scan_date(" " * 1000 + "17 يونيو 2025") is None


def test_date_match_is_frozen_and_slotted() -> None:
    m = DateMatch(None, 0, 1)
    assert not hasattr(m, "__dict__")
    with pytest.raises(AttributeError):
        m.start = 3  # type: ignore[misc]


# -- input types --------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [None, 20250617, b"17 June 2025", ["17 يونيو 2025"]])
def test_wrong_types_raise_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="str"):
        parse_date(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="str"):
        scan_date(bad)  # type: ignore[arg-type]


def test_wrong_now_or_pos_raise_type_error() -> None:
    with pytest.raises(TypeError, match="datetime"):
        parse_date("أمس", now="2025-06-17")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="int"):
        scan_date("أمس", "0")  # type: ignore[arg-type]


# -- the data file ------------------------------------------------------------------------------


def _data() -> dict[str, object]:
    source = resources.files("arnews") / "data" / "dates.json"
    loaded: dict[str, object] = json.loads(source.read_text(encoding="utf-8"))
    return loaded


def test_data_file_loads() -> None:
    tables = arnews.dates._load_tables(_data())
    assert tables.months["يونيو"] == ("gregorian", 6)
    assert tables.weekdays["الثلاثاء"] == 1


def _without_version(d: dict[str, object]) -> None:
    del d["version"]


def _short_month_list(d: dict[str, object]) -> None:
    d["hijri_months"] = d["hijri_months"][:11]  # type: ignore[index]


def _empty_word(d: dict[str, object]) -> None:
    d["weekday_prefixes"] = [""]


def _conflicting_month(d: dict[str, object]) -> None:
    d["gregorian_months"]["morocco"][0] = ["فبراير"]  # type: ignore[index]


def _unknown_unit(d: dict[str, object]) -> None:
    d["relative"]["units"]["decade"] = {"one": ["عقد"], "two": ["عقدين"], "many": ["عقود"]}  # type: ignore[index]


def _bad_day_key(d: dict[str, object]) -> None:
    d["relative"]["days"]["yesterday"] = ["أمس"]  # type: ignore[index]


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (_without_version, "missing"),
        (_short_month_list, "hijri_months"),
        (_empty_word, r"weekday_prefixes\[0\]"),
        (_conflicting_month, "listed as month"),
        (_unknown_unit, "unknown"),
        (_bad_day_key, "integers"),
    ],
)
def test_bad_data_gives_a_clear_error(
    spoil: Callable[[dict[str, object]], None], message: str
) -> None:
    data = copy.deepcopy(_data())
    spoil(data)
    with pytest.raises(ValueError, match=message) as info:
        arnews.dates._load_tables(data)
    assert "dates.json" in str(info.value)


# -- properties ---------------------------------------------------------------------------------

MOMENTS = st.datetimes(min_value=datetime(1950, 1, 1), max_value=datetime(2100, 12, 31, 23, 59))


def _twelve_hour(moment: datetime) -> str:
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d} {'ص' if moment.hour < 12 else 'م'}"


def _named(family: list[str]) -> Callable[[datetime], str]:
    def fmt(m: datetime) -> str:
        return f"{m.day} {family[m.month - 1]} {m.year} - {m.hour:02d}:{m.minute:02d}"

    return fmt


STYLES: dict[str, Callable[[datetime], str]] = {
    **{f"named-{name}": _named(family) for name, family in FAMILIES.items()},
    "numeric": lambda m: f"{m.day:02d}/{m.month:02d}/{m.year} {m.hour:02d}:{m.minute:02d}",
    "numeric-dash": lambda m: f"{m.day}-{m.month}-{m.year}، {m.hour}:{m.minute:02d}",
    "iso": lambda m: m.strftime("%Y-%m-%dT%H:%M"),
    "iso-space": lambda m: m.strftime("%Y-%m-%d %H:%M:00"),
    "arabic-indic": lambda m: _named(EGYPT_GULF)(m).translate(ARABIC_INDIC),
    "persian-digits": lambda m: _named(LEVANT_IRAQ)(m).translate(PERSIAN),
    "twelve-hour": lambda m: f"{m.day} {EGYPT_GULF[m.month - 1]} {m.year} {_twelve_hour(m)}",
    "stamp": lambda m: (
        f"آخر تحديث: {WEEKDAYS[m.weekday()]}، {m.day} {MOROCCO[m.month - 1]} {m.year}"
        f" الساعة {_twelve_hour(m)}"
    ),
}


@pytest.mark.parametrize("style", sorted(STYLES))
@AT_LEAST_100
@given(moment=MOMENTS)
def test_round_trip(style: str, moment: datetime) -> None:
    moment = moment.replace(second=0, microsecond=0)
    text = STYLES[style](moment)
    assert parse_date(text) == moment, text
    m = scan_date(text)
    assert m is not None
    assert not m.weekday_mismatch


FRAGMENTS = st.sampled_from(
    [
        "17", "١٧", "يونيو", "حزيران", "2025", "1446", "هـ", "م", "ص", "12:27", ":", "/", "-",
        " ", "  ", "\xa0", "\n", "،", "الثلاثاء", "آخر تحديث", "منذ", "3", "ساعات", "أمس",
        "الساعة", "رمضان", "الموافق", "T", "Z", "+03:00", "\u064e", "\u0640", "\u200f", "(", ")",
        "كانون", "الثاني", "31", "02", ".", "مساءً",
    ]
)  # fmt: skip
TEXTS = st.one_of(st.text(), st.lists(FRAGMENTS, max_size=30).map("".join))


@AT_LEAST_100
@given(text=TEXTS, pos=st.integers(-5, 300), with_now=st.booleans())
def test_never_raises_and_spans_lie_within(text: str, pos: int, with_now: bool) -> None:
    now = NOW if with_now else None
    value = parse_date(text, now=now)
    assert value is None or isinstance(value, datetime)
    m = scan_date(text, pos, now=now)
    if m is not None:
        assert 0 <= pos <= m.start < m.end <= len(text)
        assert m.text == text[m.start : m.end]
        assert not m.text[0].isspace()
        if m.marker_start is not None:
            assert pos <= m.marker_start < m.start
        assert m.value is None or m.value.tzinfo is None


@AT_LEAST_100
@given(text=TEXTS)
def test_parse_date_agrees_with_scan_date(text: str) -> None:
    value = parse_date(text, now=NOW)
    if value is not None:
        stripped = text.strip()
        m = scan_date(stripped, now=NOW)
        assert m is not None
        assert m.value == value


def test_docstring_examples() -> None:
    # The package and each of its modules (the functions' examples are in the modules).
    modules = [arnews.dates, *(importlib.import_module(f"arnews.dates.{name}") for name in _PARTS)]
    results = [doctest.testmod(module, optionflags=doctest.ELLIPSIS) for module in modules]
    assert sum(tried for _, tried in results) > 5
    assert sum(failures for failures, _ in results) == 0


_PARTS = ("tables", "patterns", "values", "scanner")


def test_the_deleted_characters_are_those_the_fold_deletes() -> None:
    scanner = importlib.import_module("arnews.dates.scanner")
    blocks = scanner._FOLD_BLOCKS
    folded = {chr(c) for lo, hi in blocks for c in range(lo, hi) if fold_chars(chr(c)) == ""}
    deleted, marks = scanner._deleted_chars()
    assert deleted == folded and marks <= deleted and "\u0640" in marks


def test_every_name_is_where_it_was() -> None:
    # The package's modules split what was one module: the names other modules import
    # from arnews.dates stay there.
    for name in ("_P", "_WINDOW", "_hijri_to_gregorian", "_load_tables", *arnews.dates.__all__):
        assert hasattr(arnews.dates, name), name
    assert arnews.dates._P is importlib.import_module("arnews.dates.patterns")._P


# -- real stamp forms (issue 11) ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Comma-separated parts and a time-zone word or code after the time.
        ("الأحد, 3 مارس, 2013, 09:10 بتوقيت مكة المكرمة", dt(2013, 3, 3, 9, 10)),
        ("الثلاثاء, 08 مايو, 2012, 10:20 بتوقيت القدس", dt(2012, 5, 8, 10, 20)),
        ("الجمعة, 29 يونيو, 2012, 17:35 بتوقيت القدس", dt(2012, 6, 29, 17, 35)),
        ("3 مارس 2013 09:10 GMT", dt(2013, 3, 3, 9, 10)),
        ("3 مارس 2013 - 09:10 GMT+3", dt(2013, 3, 3, 9, 10)),
        ("3 مارس 2013 09:10 +3 GMT", dt(2013, 3, 3, 9, 10)),
        ("3 مارس 2013 - 09:10 (بتوقيت غرينتش)", dt(2013, 3, 3, 9, 10)),
        ("3 مارس 2013 09:10 ت.غ", dt(2013, 3, 3, 9, 10)),
        ("17 يونيو 2025 - 12:27 م بتوقيت أبو ظبي", dt(2025, 6, 17, 12, 27)),
        ("17 يونيو 2025 12:27 UTC", dt(2025, 6, 17, 12, 27)),
        ("الإثنين, 23-يوليو-2012", dt(2012, 7, 23)),
        # Month first, with a comma, then a connector and a time.
        ("مارس 5, 2014 على الساعة 08:40", dt(2014, 3, 5, 8, 40)),
        ("مارس 5، 2014 - 08:40 م", dt(2014, 3, 5, 20, 40)),
        # Spaced dashes and slashes.
        ("05 - 11 - 2013", dt(2013, 11, 5)),
        ("05 / 11 / 2013", dt(2013, 11, 5)),
        # Stamp markers and يوم glued to other words.
        ("نشرفي 17 يونيو 2025", dt(2025, 6, 17)),
        ("نشرفي17/05/2013", dt(2013, 5, 17)),
        ("نشر في17/05/2013", dt(2013, 5, 17)),
        ("نشرت في: 17/05/2013", dt(2013, 5, 17)),
        ("نشر يوم 17/05/2013", dt(2013, 5, 17)),
        ("نشر يوم2013/05/17", dt(2013, 5, 17)),
        ("يوم2013-05-06", dt(2013, 5, 6)),
        ("نشر في يوم 17/05/2013 - 10:00", dt(2013, 5, 17, 10, 0)),
    ],
)
def test_real_stamp_forms(text: str, expected: datetime) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "الساعة الرابعة بتوقيت القاهرة",  # a zone with no clock time is no date
        "يوم الدين",
        "يوم 2013",  # a year is not a date
        "بتوقيت القدس",
    ],
)
def test_zone_and_day_words_alone_are_not_dates(text: str) -> None:
    assert parse_date(text) is None


def test_zone_is_part_of_the_span_and_the_body_follows() -> None:
    line = "الثلاثاء, 08 مايو, 2012, 10:20 بتوقيت القدس وقال الوزير"
    m = scan_date(line)
    assert m is not None
    assert m.text == "الثلاثاء, 08 مايو, 2012, 10:20 بتوقيت القدس"
    assert line[m.end :] == " وقال الوزير"


@pytest.mark.parametrize(
    ("text", "expected", "found"),
    [
        # Wire datelines that carry the date between the place and the agency.
        (
            "بغداد 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس",
            dt(2015, 8, 11),
            "26 شوال 1436 هـ الموافق 11 أغسطس 2015 م",
        ),
        ("الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس", dt(2015, 8, 10), None),
        ("القاهرة في 5 مارس 2014 (أ ش أ) - أعلن الوزير", dt(2014, 3, 5), "5 مارس 2014"),
        ("جدة: يوم 17/05/2013 - أعلن", dt(2013, 5, 17), "يوم 17/05/2013"),
    ],
)
def test_search_date_finds_a_date_inside_a_dateline(
    text: str, expected: datetime, found: str | None
) -> None:
    m = arnews.dates.search_date(text)
    assert m is not None
    assert m.value == expected
    if found is not None:
        assert m.text == found


def test_search_date_respects_its_bounds() -> None:
    text = "الرياض - واس - أعلنت الوزارة يوم 17/05/2013 أن"
    assert arnews.dates.search_date(text, 0, 14) is None
    m = arnews.dates.search_date(text)
    assert m is not None
    assert m.value == dt(2013, 5, 17)
    assert arnews.dates.search_date("لا تاريخ هنا") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14:12 ت م", True),  # the Saudi Press Agency's filing time, Makkah time
        (" 11:57 ت م", True),
        ("10:20 بتوقيت القدس", True),
        ("09:10 GMT", True),
        ("٠٩:١٠ GMT", True),
        ("14:12", False),  # no zone: could be anything
        ("14:12 م", False),
        ("14:12 وصل الرئيس إلى المطار", False),
        ("17 يونيو 2025 14:12 ت م", False),  # a date, not a bare time
    ],
)
def test_clock_lines(text: str, expected: bool) -> None:
    assert arnews.dates.is_clock_line(text) is expected


def test_makkah_time_after_a_date() -> None:
    assert parse_date("17 يونيو 2025 14:12 ت م") == dt(2025, 6, 17, 14, 12)
