"""The scanner: finding and reading a date expression in a text, and its result record.

:func:`scan_date` reads the expression that begins at an offset, :func:`search_date` the first
that begins at a word of a stretch, :func:`parse_date` a string that is one expression as a
whole, :func:`is_clock_line` a line that is only a clock time and its zone. Each reads a
bounded window (:data:`_WINDOW` characters) of the text, folded, and maps what it matched back
to offsets of the raw text.

Example:
    >>> scan_date("نشر في 17 يونيو 2025 - بغداد").end
    20
"""

from __future__ import annotations

import unicodedata
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Final, NamedTuple

import attrs

from ..normalize import FOLD_DELETED, fold_chars
from .patterns import (
    _CORE_STARTS,
    _DATED,
    _ERA_STARTS,
    _HEAD,
    _MARKER_STARTS,
    _OPENINGS,
    _P,
    _PREFIX_STARTS,
    _WEEKDAY_STARTS,
    DIGITS,
    TIME_OPENERS,
    _form,
    may_open,
)
from .tables import _GREGORIAN, _HIJRI, _TABLES
from .values import (
    _RELATIVE_KINDS,
    _WEAK_KINDS,
    _Clock,
    _clock,
    _Date,
    _norm,
    _read_core,
    _value,
)

if TYPE_CHECKING:
    import regex

# Long enough for the longest stamp we read (marker, weekday, Hijri date, "الموافق",
# Gregorian date, connector and time come to about 90 characters) with room for spacing and
# marks; bounded so that a scan costs the same on a one-line stamp and on a megabyte of text.
_WINDOW: Final = 120

_LOOKBACK: Final = 40  # characters before the scan position searched for a stamp marker


# The blocks of code points _deleted_chars takes the fold's deleted characters from.
_FOLD_BLOCKS: Final = (
    (0x00AD, 0x00AE),
    (0x0600, 0x0700),
    (0x0750, 0x0780),
    (0x08A0, 0x0900),
    (0x180E, 0x180F),
    (0x200B, 0x2070),
    (0xFE70, 0xFF00),
)


def _deleted_chars() -> tuple[frozenset[str], frozenset[str]]:
    """Characters the fold deletes, and those of them that belong to the letter before."""
    # FOLD_DELETED is what fold_chars deletes (its table's None entries): the characters of
    # the blocks that fold to "", found without folding 1,600 characters one by one at import.
    deleted = frozenset(
        ch for ch in FOLD_DELETED if any(lo <= ord(ch) < hi for lo, hi in _FOLD_BLOCKS)
    )
    marks = frozenset(ch for ch in deleted if ch == "ـ" or unicodedata.category(ch) == "Mn")
    return deleted, marks


_DELETED, _MARKS = _deleted_chars()


# -- results ------------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class DateMatch:
    """A date expression found by :func:`scan_date`.

    ``text[start:end]`` is the expression itself (weekday, date, time); a stamp marker before
    it (``آخر تحديث:``) is outside that span and reported by :attr:`marker` and
    :attr:`marker_start`; the whole stamp runs from ``marker_start`` (when not ``None``) to
    ``end``.

    Example:
        >>> m = scan_date("نشر في 17 يونيو 2025 - بغداد")
        >>> m.value, m.text, m.marker
        (datetime.datetime(2025, 6, 17, 0, 0), '17 يونيو 2025', 'نشر في')
    """

    #: The date as a naive datetime, or ``None`` when the expression is recognisable but
    #: impossible (``31 فبراير 2024``), ambiguous (``1446 هـ``) or relative without ``now``.
    value: datetime | None
    #: Offset of the expression's first character in the scanned text.
    start: int
    #: Offset just after the expression's last character.
    end: int
    #: The expression as written, ``text[start:end]``.
    text: str = ""
    #: The Hijri date read, as ``"YYYY-MM-DD"`` (``"YYYY"`` for a bare year), else ``None``.
    hijri: str | None = None
    #: The weekday named in the expression (Monday is 0, as in :meth:`datetime.weekday`).
    weekday: int | None = None
    #: ``True`` when the named weekday is not the weekday of :attr:`value`.
    weekday_mismatch: bool = False
    #: ``True`` for forms read against ``now`` (``منذ 3 ساعات``, ``أمس``, ``الآن``).
    relative: bool = False
    #: ``True`` when a clock time was read.
    has_time: bool = False
    #: The stamp marker before the expression as written (``آخر تحديث``), else ``None``.
    marker: str | None = None
    #: Offset of the stamp marker, else ``None``.
    marker_start: int | None = None


def _core(key: str, i: int) -> regex.Match[str] | None:
    """The core of an expression at ``key[i]`` (a date, a month first, a relative form)."""
    if key[i : i + 1] in DIGITS or may_open(_CORE_STARTS, key, i):
        return _P._CORE_RE.match(key, i)
    return None


def _era(key: str, i: int) -> regex.Match[str] | None:
    """The era mark after ``key[i]``, past blanks (``هـ``, ``م``)."""
    j = len(key) - len(key[i:].lstrip(" \t"))
    return _P._ERA_RE.match(key, i) if may_open(_ERA_STARTS, key, j) else None


def _read_date(key: str, core: regex.Match[str], i: int) -> tuple[_Date, int]:
    """Read the core match, its era mark and a corresponding date in the other calendar
    (``15 رمضان 1446 هـ الموافق 15 مارس 2025``); return it and where it ends in ``key``."""
    if _form(core) not in _DATED:
        return _read_core(core, None), i
    era = _era(key, i)
    found = _read_core(core, era)
    if era is not None:
        i = era.end()
    if found.calendar is None:
        return found, i
    corr = _P._CORR_RE.match(key, i)
    second = _core(key, corr.end()) if corr is not None else None
    if second is None or _form(second) not in _DATED:
        return found, i
    era2 = _era(key, second.end())
    other = _read_core(second, era2)
    if {found.calendar, other.calendar} != {_GREGORIAN, _HIJRI}:
        return found, i  # "17/06/2025 - 18/06/2025" is a range, not a correspondence
    greg, hij = (found, other) if found.calendar == _GREGORIAN else (other, found)
    # The Gregorian half is authoritative: it needs no conversion.
    combined = _Date("date", greg.day, hij.hijri, _GREGORIAN)
    return combined, era2.end() if era2 is not None else second.end()


def _read_time(key: str, i: int) -> tuple[_Clock | None, bool, int]:
    """Read a time after a date: (clock or None when impossible, whether one was read, end)."""
    # A time opens with a separator or ``T``, and holds a colon; a bare hour opens with a
    # separator too.
    opens = key[i : i + 1] in TIME_OPENERS
    tm = _P._TIME_RE.match(key, i) if opens and key.find(":", i) >= 0 else None
    if tm is not None:
        g = _P.TIME
        j = tm.end()
        if tm[g["t"]] or tm[g["ss"]]:
            zone = _P._ZONE_RE.match(key, j)
            if zone is not None:
                j = zone.end()
        period = _P._PERIOD_RE.match(key, j)
        word = period[_P.PERIOD["ap"]] if period is not None else None
        if period is not None:
            j = period.end()
        zone = _P._ZONE_WORDS_RE.match(key, j)
        if zone is not None:
            j = zone.end()
        return _clock(tm[g["hh"]], tm[g["mi"]], tm[g["ss"]], tm[g["frac"]], word), True, j
    hm = _P._HOUR_RE.match(key, i) if opens and key[i : i + 1] != "T" else None
    if hm is not None:
        g = _P.HOUR
        return _clock(hm[g["hh"]], None, None, None, hm[g["ap"]]), True, hm.end()
    return None, False, i


def _line_ends(key: str, i: int, truncated: bool) -> bool:
    rest = _P._REST_RE.match(key, i)
    if rest is None:
        return False
    if rest[_P.REST["nl"]]:
        return True
    return rest.end() == len(key) and not truncated


# -- scanning -----------------------------------------------------------------------------------


def _fold(window: str) -> tuple[str, list[int] | None]:
    """The folded key of ``window`` and, when the fold deleted characters, the offset in
    ``window`` of each key character (``None`` means the offsets agree)."""
    key = fold_chars(window)
    if len(key) == len(window):
        return key, None
    offsets = [i for i, ch in enumerate(window) if ch not in _DELETED]
    if len(offsets) != len(key):  # a deletion outside the blocks we know: map char by char
        offsets = [i for i, ch in enumerate(window) for _ in fold_chars(ch)]
    return key, offsets


def _start_in_window(offsets: list[int] | None, k: int) -> int:
    if offsets is None:
        return k
    return offsets[k] if k < len(offsets) else (offsets[-1] + 1 if offsets else 0)


def _end_in_window(window: str, offsets: list[int] | None, k: int) -> int:
    """Map the end of a key span back to the window, keeping the marks on its last letter."""
    if offsets is None:
        return k
    j = offsets[k - 1] + 1 if k > 0 else 0
    while j < len(window) and window[j] in _MARKS:
        j += 1
    return j


def scan_date(text: str, pos: int = 0, *, now: datetime | None = None) -> DateMatch | None:
    """Read a date expression that begins at ``text[pos]``; ``None`` when there is none.

    Spaces and tabs before the expression are skipped and left out of the span. A stamp
    marker (``آخر تحديث:``) may come first: it is reported apart from the span. Only a bounded
    window after ``pos`` is read, so a call costs the same on any text, and it never raises on
    a ``str``.

    Relative forms (``منذ 3 ساعات``, ``أمس``, ``الآن``) and a bare Hijri year also open ordinary
    sentences, so they are returned only when a stamp marker precedes them (read by this call,
    or ending just before ``pos``), a time follows them (``أمس 10:30 م``) or nothing but white
    space follows them on the line.

    Args:
        text: the text to scan.
        pos: where the expression must begin (after spaces).
        now: the moment relative forms are read against; its time zone, if any, is dropped.
            Without it a relative form is matched with value ``None``.

    Raises:
        TypeError: ``text`` is not a ``str``, ``pos`` not an ``int`` or ``now`` not a datetime.

    Example:
        >>> line = "آخر تحديث: 17 يونيو 2025 - 12:27 م بغداد/ شبكة أخبار العراق"
        >>> m = scan_date(line)
        >>> m.value, m.text, m.marker
        (datetime.datetime(2025, 6, 17, 12, 27), '17 يونيو 2025 - 12:27 م', 'آخر تحديث')
        >>> line[m.end :]
        ' بغداد/ شبكة أخبار العراق'
    """
    if not isinstance(text, str):
        raise TypeError(f"scan_date() takes a str, not {type(text).__name__}")
    if not isinstance(pos, int) or isinstance(pos, bool):
        raise TypeError(f"scan_date() pos must be an int, not {type(pos).__name__}")
    if now is not None and not isinstance(now, datetime):
        raise TypeError(f"scan_date() now must be a datetime or None, not {type(now).__name__}")
    if not 0 <= pos < len(text):
        return None
    head = fold_chars(text[pos : pos + _HEAD])
    if len(head) >= 2 and head[0] not in " \t0123456789" and head[:2] not in _OPENINGS:
        return None  # the common case: a line that opens with an ordinary word
    window = text[pos : pos + _WINDOW]
    key, offsets = _fold(window)
    match = _scan(key, pos + len(window) < len(text), now, text[max(0, pos - _LOOKBACK) : pos])
    if match is None:
        return None
    value, (k_start, k_end), extra = match
    start = pos + _start_in_window(offsets, k_start)
    end = pos + _end_in_window(window, offsets, k_end)
    marker: str | None = None
    marker_start: int | None = None
    if extra.marker is not None:
        m_start, m_end = extra.marker
        marker_start = pos + _start_in_window(offsets, m_start)
        marker = text[marker_start : pos + _end_in_window(window, offsets, m_end)]
    return DateMatch(
        value,
        start,
        end,
        text[start:end],
        hijri=extra.hijri,
        weekday=extra.weekday,
        weekday_mismatch=extra.weekday_mismatch,
        relative=extra.relative,
        has_time=extra.has_time,
        marker=marker,
        marker_start=marker_start,
    )


class _Extra(NamedTuple):
    """Everything :func:`_scan` reports besides the value and the span, in key offsets."""

    marker: tuple[int, int] | None
    hijri: str | None
    weekday: int | None
    weekday_mismatch: bool
    relative: bool
    has_time: bool


def _scan(
    key: str, truncated: bool, now: datetime | None, before: str
) -> tuple[datetime | None, tuple[int, int], _Extra] | None:
    """Match a date expression at the start of ``key`` (a folded window); ``before`` is the
    text just before the window."""
    i = len(key) - len(key.lstrip(" \t"))
    # Each pattern is tried only where the key opens as it can (see may_open).
    marker = _P._MARKER_RE.match(key, i) if may_open(_MARKER_STARTS, key, i) else None
    if marker is not None:
        i = marker.end()
    start = i
    lead = _P._LEAD_TIME_RE.match(key, i) if key[i : i + 1] in DIGITS else None
    if lead is not None:
        i = lead.end()
    weekday = _P._WEEKDAY_RE.match(key, i) if may_open(_WEEKDAY_STARTS, key, i) else None
    if weekday is not None:
        i = weekday.end()
    elif lead is None and may_open(_PREFIX_STARTS, key, i):
        day_word = _P._DAY_WORD_RE.match(key, i)
        if day_word is not None:
            i = day_word.end()
    core = _core(key, i)
    if core is None:
        return None
    found, i = _read_date(key, core, core.end())
    if weekday is not None and found.kind != "date":
        return None  # "الأحد منذ 3 ساعات" says two things at once
    if lead is not None and found.kind not in ("date", "day"):
        return None

    clock: _Clock | None = None
    has_time = False
    if lead is not None:
        g = _P.LEAD_TIME
        clock = _clock(lead[g["hh"]], lead[g["mi"]], lead[g["ss"]], None, lead[g["ap"]])
        has_time = True
    elif found.kind in ("date", "day"):
        clock, has_time, i = _read_time(key, i)
    weak = found.kind in _WEAK_KINDS and marker is None and not has_time
    if (
        weak
        and not _line_ends(key, i, truncated)
        and _P._MARKER_BEFORE_RE.search(fold_chars(before)) is None
    ):
        return None
    if truncated and i >= len(key):
        return None  # the expression may run on past the window: refuse rather than cut it

    value = None if has_time and clock is None else _value(found, clock, now)
    weekday_number = (
        _TABLES.weekdays[_norm(weekday[_P.WEEKDAY["wd"]])] if weekday is not None else None
    )
    mismatch = False
    if weekday_number is not None and value is not None:
        shift = (weekday_number - value.weekday()) % 7
        if shift in (1, 6) and found.calendar == _HIJRI:
            # A converted Hijri date can be a day off the calendar the page used (a sighted
            # calendar, or the tabular one before the table); the weekday beside it says which way.
            value += timedelta(days=1 if shift == 1 else -1)
        elif shift:
            mismatch = True
    extra = _Extra(
        marker=(marker.start(), marker.end(_P.MARKER["marker"])) if marker is not None else None,
        hijri=found.hijri,
        weekday=weekday_number,
        weekday_mismatch=mismatch,
        relative=found.kind in _RELATIVE_KINDS,
        has_time=has_time,
    )
    return value, (start, i), extra


def is_clock_line(text: str) -> bool:
    """Tell whether ``text`` is a clock time with its time zone and nothing else.

    Wire services close a story with the time it was filed (the Saudi Press Agency's
    ``14:12 ت م``, "Makkah time"); such a line says no date, and is no sentence.

    Example:
        >>> is_clock_line("14:12 ت م"), is_clock_line("10:20 بتوقيت القدس")
        (True, True)
        >>> is_clock_line("14:12"), is_clock_line("14:12 وصل الرئيس")
        (False, False)
    """
    stripped = text.strip()
    if len(stripped) > _WINDOW:
        return False
    key = fold_chars(stripped)
    clock = _P._CLOCK_LINE_RE.match(key)
    if clock is None:
        return False
    zone = _P._ZONE_WORDS_RE.match(key, clock.end())
    return zone is not None and not key[zone.end() :].strip()


def search_date(
    text: str, pos: int = 0, endpos: int | None = None, *, now: datetime | None = None
) -> DateMatch | None:
    """Find the first date expression that begins at a word of ``text[pos:endpos]``.

    For a date set inside other words, as wire datelines print it (``بغداد 26 شوال 1436 هـ
    الموافق 11 أغسطس 2015 م واس``): each word start is tried with :func:`scan_date`, so the
    caller bounds the cost with ``endpos`` (a dateline's few words, not a whole page). The
    expression may run on past ``endpos``; its span is :func:`scan_date`'s.

    Raises:
        TypeError: ``text`` is not a ``str``.

    Example:
        >>> m = search_date("بغداد 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس")
        >>> m.value, m.hijri
        (datetime.datetime(2015, 8, 11, 0, 0), '1436-10-26')
        >>> m.text
        '26 شوال 1436 هـ الموافق 11 أغسطس 2015 م'
    """
    if not isinstance(text, str):
        raise TypeError(f"search_date() takes a str, not {type(text).__name__}")
    stop = len(text) if endpos is None else min(endpos, len(text))
    for word in _P._WORD_START_RE.finditer(text, pos, stop):
        found = scan_date(text, word.start(), now=now)
        if found is not None:
            return found
    return None


def parse_date(text: str, *, now: datetime | None = None) -> datetime | None:
    """Read ``text`` as one date expression; ``None`` when it is not one, or is impossible.

    The whole of ``text`` (trimmed) must be the expression, optionally after a stamp marker
    (``آخر تحديث:``, ``نشر في``) and a weekday. Numeric dates are read day first. Relative forms
    (``منذ 3 ساعات``, ``أمس``) are read against ``now`` and give ``None`` without it.

    Raises:
        TypeError: ``text`` is not a ``str`` or ``now`` is not a datetime.

    Example:
        >>> parse_date("17 يونيو 2025")
        datetime.datetime(2025, 6, 17, 0, 0)
        >>> parse_date("الثلاثاء، 17 حزيران 2025 الساعة 12:27 مساءً")
        datetime.datetime(2025, 6, 17, 12, 27)
        >>> parse_date("منذ ساعتين", now=datetime(2025, 6, 17, 12, 0))
        datetime.datetime(2025, 6, 17, 10, 0)
        >>> parse_date("31 فبراير 2024") is None
        True
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_date() takes a str, not {type(text).__name__}")
    if now is not None and not isinstance(now, datetime):
        raise TypeError(f"parse_date() now must be a datetime or None, not {type(now).__name__}")
    stripped = text.strip()
    if not stripped or len(stripped) > _WINDOW:
        return None
    m = scan_date(stripped, 0, now=now)
    # Trailing bidi marks and the like fold away: they do not make the text longer than a date.
    if m is None or (m.end != len(stripped) and fold_chars(stripped[m.end :]).strip()):
        return None
    return m.value
