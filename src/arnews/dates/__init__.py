"""Reading Arabic date and time expressions: publication stamps, datelines, relative times.

Two entry points:

* :func:`parse_date` reads a string that is one date expression as a whole;
* :func:`scan_date` finds a date expression that begins at a given offset of a longer text and
  reports its extent as a :class:`DateMatch`, so a caller can take a stamp off a line and keep
  the rest.

Every regional family of month names is read in one call (Egypt and the Gulf, the Levant and
Iraq, Algeria and Tunisia, Morocco), with Arabic-Indic or Persian digits, weekday names, stamp
markers (``آخر تحديث:``), 12- and 24-hour clocks, numeric and ISO forms, Hijri dates and
relative forms (``منذ 3 ساعات``). The words live in ``arnews/data/dates.json``.

Rules worth knowing (see ``docs/guides/dates.md``):

* numeric dates are read **day first** (``05/06/2025`` is 5 June); the month-first reading is
  taken only when it is the only possible one (``06/17/2025``);
* Hijri dates are converted by the Umm al-Qura calendar of Saudi Arabia (a shipped table,
  1365-1500 AH) and by the tabular (arithmetical) calendar outside it (see :mod:`arnews.hijri`);
  a weekday written beside a Hijri date that is one day off settles a sighted calendar;
* relative forms need ``now``; without it their value is ``None`` (the functions never read the
  clock);
* an impossible or ambiguous expression (``31 فبراير 2024``, ``1446 هـ``) is still matched, with
  value ``None``: never a guessed date.

One job a module: :mod:`~arnews.dates.tables` (the words of the data file, validated and
folded), :mod:`~arnews.dates.patterns` (the patterns, compiled on first use),
:mod:`~arnews.dates.values` (calendars, clock times and relative forms: what a match is
worth) and :mod:`~arnews.dates.scanner` (the entry points and :class:`DateMatch`). Every name
is imported from ``arnews.dates``.

Example:
    >>> parse_date("آخر تحديث: الثلاثاء، 17 يونيو 2025 - 12:27 م")
    datetime.datetime(2025, 6, 17, 12, 27)
    >>> parse_date("15 رمضان 1446 هـ")
    datetime.datetime(2025, 3, 15, 0, 0)
"""

from __future__ import annotations

# The public names, and the others that modules import from here (as when it was one module).
from .patterns import _P as _P
from .scanner import _WINDOW as _WINDOW
from .scanner import DateMatch, is_clock_line, parse_date, scan_date, search_date
from .tables import _load_tables as _load_tables
from .values import _hijri_to_gregorian as _hijri_to_gregorian

__all__ = ["DateMatch", "is_clock_line", "parse_date", "scan_date", "search_date"]
