"""Hijri to Gregorian conversion: the Umm al-Qura table, and the tabular calendar beyond it.

Saudi pages (and many others in the Gulf) date their news by the **Umm al-Qura** calendar, the
official calendar of Saudi Arabia. It is a published table, not a formula, so arnews ships it
as data (``arnews/data/ummalqura.json``, 1365-1500 AH, i.e. December 1945 to November 2077,
written and checked by ``scripts/make_ummalqura.py``). Outside that range the **tabular**
(arithmetical) Islamic calendar is used: months of 30 and 29 days in turn with eleven leap
days in every 30 years. The two agree on most days and are never more than a day or two
apart.

Example:
    >>> to_gregorian(1446, 12, 10)  # Umm al-Qura: the day of Arafah was Friday 6 June 2025
    datetime.date(2025, 6, 6)
    >>> tabular_to_gregorian(1446, 12, 10)
    datetime.date(2025, 6, 7)
    >>> to_gregorian(1300, 1, 1) == tabular_to_gregorian(1300, 1, 1)  # before the table
    True
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Final

from ._data import read_data_text

__all__ = ["UMM_AL_QURA_YEARS", "tabular_to_gregorian", "to_gregorian", "umm_al_qura_to_gregorian"]

# Julian day number of 1 Muharram 1 AH (16 July 622, Julian) in the civil (Friday) epoch, and
# the offset between Julian day numbers and proleptic Gregorian ordinals.
_HIJRI_EPOCH_JDN: Final = 1948440
_JDN_ORDINAL_OFFSET: Final = 1721425
_DATA_NAME: Final = "arnews/data/ummalqura.json"


def tabular_to_gregorian(year: int, month: int, day: int) -> date | None:
    """Convert a Hijri date with the tabular Islamic calendar; ``None`` when out of range.

    Leap years are 2, 5, 7, 10, 13, 16, 18, 21, 24, 26 and 29 of each 30-year cycle, counted
    from the civil epoch. Day 30 is accepted in every month: observed calendars give 30 days
    to months the tabular one gives 29, and the tabular reading of such a day (the next
    month's first) is then at most a day off, like any other tabular date.

    Example:
        >>> tabular_to_gregorian(1446, 9, 1)
        datetime.date(2025, 3, 1)
    """
    if not (1 <= year <= 9000 and 1 <= month <= 12 and 1 <= day <= 30):
        return None
    jdn = (
        day
        + (59 * (month - 1) + 1) // 2  # ceil(29.5 * (month - 1)): months alternate 30 and 29
        + (year - 1) * 354
        + (3 + 11 * year) // 30  # leap days before this year
        + _HIJRI_EPOCH_JDN
        - 1
    )
    try:
        return date.fromordinal(jdn - _JDN_ORDINAL_OFFSET)
    except (ValueError, OverflowError):
        return None


def _load_table() -> tuple[int, list[int]]:
    """The first year of the table and the proleptic ordinal of every month's first day
    (plus the day after the table's last month)."""
    try:
        raw = json.loads(read_data_text("ummalqura.json"))
        first_year = int(raw["first_year"])
        ordinal = date.fromisoformat(raw["first_day"]).toordinal()
        years = raw["years"]
        starts = [ordinal]
        for offset, year in enumerate(sorted(years, key=int)):
            lengths = years[year]
            if int(year) != first_year + offset or len(lengths) != 12 or set(lengths) - {"0", "1"}:
                raise ValueError(f"year {year}: expected twelve 0/1 month lengths, in order")
            for bit in lengths:
                ordinal += 30 if bit == "1" else 29
                starts.append(ordinal)
    except (OSError, UnicodeDecodeError, KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{_DATA_NAME}: cannot be read: {exc}") from exc
    return first_year, starts


_FIRST_YEAR, _MONTH_STARTS = _load_table()

#: The Hijri years the Umm al-Qura table covers (a ``range``).
UMM_AL_QURA_YEARS: Final = range(_FIRST_YEAR, _FIRST_YEAR + (len(_MONTH_STARTS) - 1) // 12)


def umm_al_qura_to_gregorian(year: int, month: int, day: int) -> date | None:
    """Convert a Hijri date by the Umm al-Qura table; ``None`` outside the table or the month.

    Day 30 of a 29-day month is read as the next month's first day, as for the tabular
    calendar: a page that follows a sighted calendar may count a 30th day there.

    Example:
        >>> umm_al_qura_to_gregorian(1445, 1, 1)
        datetime.date(2023, 7, 19)
        >>> umm_al_qura_to_gregorian(1300, 1, 1) is None
        True
    """
    if year not in UMM_AL_QURA_YEARS or not (1 <= month <= 12 and 1 <= day <= 30):
        return None
    start = _MONTH_STARTS[(year - _FIRST_YEAR) * 12 + month - 1]
    return date.fromordinal(start) + timedelta(days=day - 1)


def to_gregorian(year: int, month: int, day: int) -> date | None:
    """Convert a Hijri date: by Umm al-Qura where the table reaches, else by the tabular
    calendar; ``None`` for a date that cannot be (month 13, day 31, year 0).

    Example:
        >>> to_gregorian(1446, 9, 15)
        datetime.date(2025, 3, 15)
        >>> to_gregorian(1446, 13, 1) is None
        True
    """
    found = umm_al_qura_to_gregorian(year, month, day)
    return found if found is not None else tabular_to_gregorian(year, month, day)
