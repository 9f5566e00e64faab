"""What a date expression is worth: calendars, clock times, relative forms read against now.

A match of the core pattern becomes a :class:`_Date` (a day in either calendar, a relative
form, or an impossible or ambiguous date with no day); a time becomes a :class:`_Clock`; and
:func:`_value` makes them one naive ``datetime``, or ``None``: never a guessed date.

Example:
    >>> _value(_Date("date", date(2025, 6, 17)), _clock("12", "27", None, None, "م"), None)
    datetime.datetime(2025, 6, 17, 12, 27)
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Final, NamedTuple

from ..hijri import to_gregorian
from .patterns import _P, _form
from .tables import _GREGORIAN, _HIJRI, _TABLES

if TYPE_CHECKING:
    import regex

# -- calendars ----------------------------------------------------------------------------------

# Hijri dates are converted by arnews.hijri: the Umm al-Qura table where it reaches (1365-1500
# AH), the tabular calendar beyond it.
_hijri_to_gregorian: Final = to_gregorian


def _gregorian(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _hour(hour: int, period: str | None) -> int | None:
    """The 24-hour reading of ``hour`` said with ``period``; ``None`` when they contradict."""
    if period is None or hour > 12:
        # "13:05 م" is redundant rather than wrong; "13:05 ص" is a contradiction.
        return hour if period in (None, "pm", "noon", "night") else None
    if period == "am":
        return 0 if hour == 12 else hour
    if hour == 0:
        return 0 if period == "night" else None
    if period == "pm":
        return hour if hour == 12 else hour + 12
    if period == "noon":
        return hour if hour >= 11 else hour + 12
    # night: "12 ليلا" is midnight, "2 ليلا" the small hours, "10 ليلا" the evening
    if hour == 12:
        return 0
    return hour if hour <= 5 else hour + 12


def _shift_months(moment: datetime, months: int) -> datetime | None:
    total = moment.year * 12 + moment.month - 1 + months
    year, month = divmod(total, 12)
    if not 1 <= year <= 9999:
        return None
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


# -- reading a match ----------------------------------------------------------------------------


class _Clock(NamedTuple):
    hour: int
    minute: int
    second: int = 0
    microsecond: int = 0


class _Date(NamedTuple):
    """What the date part of an expression says, before a time is attached."""

    kind: str  # "date", "hijri-year", "ago", "now", "vague" or "day"
    day: date | None = None
    hijri: str | None = None
    calendar: str | None = None  # None for a "date" that is impossible or ambiguous
    ago: tuple[str, int] | None = None
    day_offset: int = 0


_RELATIVE_KINDS: Final = frozenset({"ago", "now", "vague", "day"})
# Kinds that also open ordinary sentences ("اليوم أعلنت…"): see the docstring of scanner.scan_date.
_WEAK_KINDS: Final = _RELATIVE_KINDS | {"hijri-year"}


def _norm(word: str) -> str:
    """The table key of a matched word (multi-word names may be matched across several spaces)."""
    return " ".join(word.split()) if ("\t" in word or "  " in word) else word


def _clock(
    hh: str, mi: str | None, ss: str | None, frac: str | None, period_word: str | None
) -> _Clock | None:
    """The time read from its digit groups and period word; ``None`` when impossible."""
    period = _TABLES.periods[_norm(period_word)] if period_word else None
    hour = _hour(int(hh), period)
    minute, second = int(mi or 0), int(ss or 0)
    if hour is None or hour > 23 or minute > 59 or second > 59:
        return None
    return _Clock(hour, minute, second, int(frac.ljust(6, "0")) if frac else 0)


def _read_core(m: regex.Match[str], era: regex.Match[str] | None) -> _Date:
    """Turn a match of the core pattern (and the era mark after it) into a :class:`_Date`."""
    form = _form(m)
    g = _P.CORE  # (groups read by number: see _Patterns.CORE)
    if form == "hyear":
        return _Date("hijri-year", hijri=m[g["y"]], calendar=_HIJRI)
    if form == "ago":
        unit, count = _TABLES.units[_norm(m[g["unit"]])]
        if m[g["n"]]:
            count = int(m[g["n"]])
        elif m[g["nw"]]:
            count = _TABLES.numbers[_norm(m[g["nw"]])]
        return _Date("ago", ago=None if count is None else (unit, count))
    if form == "day":
        return _Date("day", day_offset=_TABLES.days[_norm(m[g["day"]])])
    if form in ("now", "vague"):
        return _Date(form)

    era_cal = _TABLES.eras[_norm(era[_P.ERA["era"]])] if era is not None else None
    year, number, day = int(m[g["y"]]), int(m[g["mo"]] or 0), int(m[g["d"]])
    cal: str | None
    if form == "named":
        cal, month = _TABLES.months[_norm(m[g["mon"]])]
        if m[g["mon2"]] and _TABLES.months[_norm(m[g["mon2"]])] != (cal, month):
            cal = None  # "17 حزيران/يوليو 2025": two names that disagree
        if era_cal is not None and era_cal != cal:
            cal = None  # "15 رمضان 1446 م", "17 يونيو 2025 هـ"
    else:
        month = number
        if form == "dmy" and month > 12 >= day:
            day, month = month, day  # 06/17/2025 has only the month-first reading
        cal = era_cal or _GREGORIAN
        if era_cal is None and 1300 <= year < 1600:
            cal = None  # 15/09/1446 without هـ is almost surely Hijri: neither reading is safe
    if cal == _HIJRI:
        hijri = f"{year:04d}-{month:02d}-{day:02d}"
        return _Date("date", _hijri_to_gregorian(year, month, day), hijri, _HIJRI)
    if cal == _GREGORIAN:
        return _Date("date", _gregorian(year, month, day), calendar=_GREGORIAN)
    return _Date("date")


def _value(found: _Date, clock: _Clock | None, now: datetime | None) -> datetime | None:
    if found.kind == "date":
        return None if found.day is None else _at(found.day, clock)
    if found.kind in ("hijri-year", "vague") or now is None:
        return None
    now = now.replace(tzinfo=None)
    if found.kind == "now":
        return now
    try:
        if found.kind == "day":
            return _at(now.date() + timedelta(days=found.day_offset), clock)
        if found.ago is None:
            return None  # "منذ ساعات": how many is not said
        unit, count = found.ago
        if unit == "month":
            return _shift_months(now, -count)
        if unit == "year":
            return _shift_months(now, -12 * count)
        return now - timedelta(**{f"{unit}s": count})
    except OverflowError:
        return None


def _at(day: date, clock: _Clock | None) -> datetime:
    if clock is None:
        return datetime(day.year, day.month, day.day)
    c = clock
    return datetime(day.year, day.month, day.day, c.hour, c.minute, c.second, c.microsecond)
