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

Example:
    >>> parse_date("آخر تحديث: الثلاثاء، 17 يونيو 2025 - 12:27 م")
    datetime.datetime(2025, 6, 17, 12, 27)
    >>> parse_date("15 رمضان 1446 هـ")
    datetime.datetime(2025, 3, 15, 0, 0)
"""

from __future__ import annotations

import calendar
import functools
import json
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from types import MappingProxyType
from typing import Final, NamedTuple, NoReturn, TypeVar

import attrs
import regex

from arnews._data import read_data_text
from arnews.hijri import to_gregorian
from arnews.normalize import fold_chars

__all__ = ["DateMatch", "is_clock_line", "parse_date", "scan_date", "search_date"]

# Long enough for the longest stamp we read (marker, weekday, Hijri date, "الموافق",
# Gregorian date, connector and time come to about 90 characters) with room for spacing and
# marks; bounded so that a scan costs the same on a one-line stamp and on a megabyte of text.
_WINDOW: Final = 120

_DATA_NAME: Final = "arnews/data/dates.json"

_V = TypeVar("_V")

# -- the data file ------------------------------------------------------------------------------

_GREGORIAN: Final = "gregorian"
_HIJRI: Final = "hijri"
_PERIODS: Final = ("am", "pm", "noon", "night")
_UNITS: Final = ("second", "minute", "hour", "day", "week", "month", "year")
_COUNTS: Final = {"one": 1, "two": 2, "many": None}


def _bad(path: str, problem: str) -> NoReturn:
    raise ValueError(f"{_DATA_NAME}: {path}: {problem}")


def _key(word: str) -> str:
    """The folded form a word is matched on, with white space collapsed."""
    return " ".join(fold_chars(word).split())


def _object(value: object, path: str, keys: Iterable[str]) -> dict[str, object]:
    if not isinstance(value, dict):
        _bad(path, f"expected an object, got {type(value).__name__}")
    wanted = set(keys)
    found = {k for k in value if not (isinstance(k, str) and k.startswith("_"))}
    if found != wanted:
        missing, extra = sorted(wanted - found), sorted(found - wanted)
        _bad(path, f"keys differ from the schema (missing {missing}, unknown {extra})")
    return value


def _words(value: object, path: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        _bad(path, "expected a non-empty list of words")
    out: list[str] = []
    for i, word in enumerate(value):
        if not isinstance(word, str) or not _key(word):
            _bad(f"{path}[{i}]", f"expected a word, got {word!r}")
        if word != word.strip():
            _bad(f"{path}[{i}]", f"stray white space around {word!r}")
        out.append(word)
    return tuple(out)


def _numbered(value: object, path: str, size: int) -> list[tuple[str, ...]]:
    if not isinstance(value, list) or len(value) != size:
        _bad(path, f"expected a list of {size} lists of words")
    return [_words(item, f"{path}[{i}]") for i, item in enumerate(value)]


def _index(pairs: Iterable[tuple[str, _V, str]], what: str) -> Mapping[str, _V]:
    """Map folded words to meanings; a word that folds to two meanings is a data error."""
    table: dict[str, _V] = {}
    for word, meaning, path in pairs:
        key = _key(word)
        if table.get(key, meaning) != meaning:
            _bad(path, f"{word!r} is listed as {what} {table[key]!r} and {meaning!r}")
        table[key] = meaning
    return MappingProxyType(table)


@attrs.frozen(slots=True)
class _Tables:
    """The data file, validated and folded: every mapping is keyed by folded words."""

    months: Mapping[str, tuple[str, int]]
    weekdays: Mapping[str, int]
    weekday_prefixes: tuple[str, ...]
    periods: Mapping[str, str]
    connectors: tuple[str, ...]
    zone_words: tuple[str, ...]
    zone_places: tuple[str, ...]
    zone_codes: tuple[str, ...]
    markers: tuple[str, ...]
    eras: Mapping[str, str]
    correspondence: tuple[str, ...]
    ago: tuple[str, ...]
    units: Mapping[str, tuple[str, int | None]]
    numbers: Mapping[str, int]
    days: Mapping[str, int]
    now: tuple[str, ...]
    vague: tuple[str, ...]


def _load_tables(raw: object) -> _Tables:
    """Validate the decoded data file; raise :class:`ValueError` naming the faulty entry."""
    top = _object(
        raw,
        "(top)",
        [
            "version",
            "gregorian_months",
            "hijri_months",
            "weekdays",
            "weekday_prefixes",
            "day_periods",
            "time_connectors",
            "time_zones",
            "stamp_markers",
            "gregorian_era",
            "hijri_era",
            "correspondence",
            "relative",
        ],
    )
    if top["version"] != 1:
        _bad("version", f"unsupported version {top['version']!r} (expected 1)")

    greg = top["gregorian_months"]
    if not isinstance(greg, dict) or not greg:
        _bad("gregorian_months", "expected an object of regional month lists")
    month_pairs: list[tuple[str, tuple[str, int], str]] = []
    for region, months in greg.items():
        path = f"gregorian_months.{region}"
        for number, spellings in enumerate(_numbered(months, path, 12), start=1):
            month_pairs += [(w, (_GREGORIAN, number), path) for w in spellings]
    hijri = _numbered(top["hijri_months"], "hijri_months", 12)
    for number, spellings in enumerate(hijri, start=1):
        month_pairs += [(w, (_HIJRI, number), "hijri_months") for w in spellings]

    weekdays = _numbered(top["weekdays"], "weekdays", 7)
    periods = _object(top["day_periods"], "day_periods", _PERIODS)
    eras = [(w, _GREGORIAN, "gregorian_era") for w in _words(top["gregorian_era"], "gregorian_era")]
    eras += [(w, _HIJRI, "hijri_era") for w in _words(top["hijri_era"], "hijri_era")]

    rel = _object(top["relative"], "relative", ["ago", "units", "numbers", "days", "now", "vague"])
    units = _object(rel["units"], "relative.units", _UNITS)
    unit_pairs: list[tuple[str, tuple[str, int | None], str]] = []
    for unit in _UNITS:
        path = f"relative.units.{unit}"
        forms = _object(units[unit], path, _COUNTS)
        for form, count in _COUNTS.items():
            unit_pairs += [(w, (unit, count), path) for w in _words(forms[form], f"{path}.{form}")]

    def keyed(table: object, path: str) -> list[tuple[str, int, str]]:
        if not isinstance(table, dict) or not table:
            _bad(path, "expected an object keyed by integers")
        pairs: list[tuple[str, int, str]] = []
        for name, spellings in table.items():
            try:
                value = int(name)
            except ValueError:
                _bad(f"{path}.{name}", "keys must be integers written as strings")
            pairs += [(w, value, path) for w in _words(spellings, f"{path}.{name}")]
        return pairs

    def keys(value: object, path: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(_key(w) for w in _words(value, path)))

    zones = _object(top["time_zones"], "time_zones", ["words", "places", "codes"])

    return _Tables(
        months=_index(month_pairs, "month"),
        weekdays=_index(
            ((w, day, "weekdays") for day, names in enumerate(weekdays) for w in names), "weekday"
        ),
        weekday_prefixes=keys(top["weekday_prefixes"], "weekday_prefixes"),
        periods=_index(
            (
                (w, period, f"day_periods.{period}")
                for period in _PERIODS
                for w in _words(periods[period], f"day_periods.{period}")
            ),
            "period",
        ),
        connectors=keys(top["time_connectors"], "time_connectors"),
        zone_words=keys(zones["words"], "time_zones.words"),
        zone_places=keys(zones["places"], "time_zones.places"),
        zone_codes=keys(zones["codes"], "time_zones.codes"),
        markers=keys(top["stamp_markers"], "stamp_markers"),
        eras=_index(eras, "era"),
        correspondence=keys(top["correspondence"], "correspondence"),
        ago=keys(rel["ago"], "relative.ago"),
        units=_index(unit_pairs, "unit"),
        numbers=_index(keyed(rel["numbers"], "relative.numbers"), "number"),
        days=_index(keyed(rel["days"], "relative.days"), "day offset"),
        now=keys(rel["now"], "relative.now"),
        vague=keys(rel["vague"], "relative.vague"),
    )


def _read_tables() -> _Tables:
    try:
        raw = json.loads(read_data_text("dates.json"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{_DATA_NAME}: cannot be read: {exc}") from exc
    return _load_tables(raw)


_TABLES: Final = _read_tables()

# -- patterns -----------------------------------------------------------------------------------
#
# Patterns run on the folded key of a window of the text (digits are ASCII there, alef forms
# and teh marbuta are one letter, diacritics and tatweel are gone), anchored with .match(key,
# i). Quantifiers over white space are possessive, and the only quantified groups are optional
# ones closed by a literal token or a word: a failing match gives up each group once and never
# re-splits a run of characters, so matching is linear in the (bounded) window.

_SP: Final = r"[\x20\t]"
_NOT_LETTER: Final = r"(?!\p{L})"
_NOT_DIGIT: Final = r"(?![0-9])"
# Hyphen, en dash and em dash, as a character-class fragment.
_DASH: Final = r"\-\u2013\u2014"
_SEP: Final = rf"(?:{_SP}*+[{_DASH}،,|]{_SP}*+|{_SP}++)"


def _alt(words: Iterable[str]) -> str:
    """A non-capturing alternation of folded words, longest first, any run of spaces inside."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(f"{_SP}++".join(map(regex.escape, w.split())) for w in ordered) + ")"


def _compile(pattern: str) -> regex.Pattern[str]:
    return regex.compile(pattern, regex.VERBOSE)


_MONTH = _alt(_TABLES.months)
_PERIOD = rf"(?:{_SP}*+(?P<ap>{_alt(_TABLES.periods)}){_NOT_LETTER})?"
_ERA_WORD = _alt(_TABLES.eras)
_HIJRI_ERA = _alt(w for w, era in _TABLES.eras.items() if era == _HIJRI)


class _Patterns:
    """The date patterns, each compiled on first use.

    Compiling them all takes about 0.15 s, which ``import arnews`` paid in every process
    (the command's workers too) whether or not a date was ever read. Each is compiled
    once per process, the first time it is needed, and kept.
    """

    @functools.cached_property
    def _MARKER_RE(self) -> regex.Pattern[str]:
        return _compile(
            rf"(?P<marker>{_alt(_TABLES.markers)}){_NOT_LETTER}{_SP}*+(?:[:\uff1a{_DASH}]{_SP}*+)?"
        )

    @functools.cached_property
    def _LEAD_TIME_RE(self) -> regex.Pattern[str]:
        return _compile(
            rf"(?P<hh>[0-9]{{1,2}}):(?P<mi>[0-9]{{2}})(?::(?P<ss>[0-9]{{2}}))?{_NOT_DIGIT}{_PERIOD}{_SEP}"
        )

    @functools.cached_property
    def _WEEKDAY_RE(self) -> regex.Pattern[str]:
        return _compile(
            rf"""(?:{_alt(_TABLES.weekday_prefixes)}{_SP}++)?
    (?P<wd>{_alt(_TABLES.weekdays)}){_NOT_LETTER}
    (?:{_SP}*+[{_DASH}،,]{_SP}*+|{_SP}++)"""
        )

    # "يوم" before the date itself, spaced or glued to it: "نشر يوم 17/05/2013", "يوم2013/05/17".
    @functools.cached_property
    def _DAY_WORD_RE(self) -> regex.Pattern[str]:
        return _compile(rf"{_alt(_TABLES.weekday_prefixes)}{_SP}*+(?=[0-9])")

    # Each branch is wrapped in a group named after its form (see _form); the fields inside share
    # names across branches.
    @functools.cached_property
    def _CORE_RE(self) -> regex.Pattern[str]:
        return _compile(
            rf"""
    # year first: 2025-06-17, 2025/06/17, 1446/09/15
      (?P<ymd>(?P<y>[0-9]{{4}})(?P<sep>[\-/.])(?P<mo>[0-9]{{1,2}})(?P=sep)(?P<d>[0-9]{{1,2}})
      {_NOT_DIGIT})
    # day first: 17/06/2025, 17-06-2025, 17.06.2025
    | (?P<dmy>(?P<d>[0-9]{{1,2}}){_SP}*+(?P<sep>[\-/.]){_SP}*+(?P<mo>[0-9]{{1,2}}){_SP}*+(?P=sep)
      {_SP}*+(?P<y>[0-9]{{4}}){_NOT_DIGIT})
    # 17 يونيو 2025, 17 حزيران/يونيو 2025, 17 تموز (يوليو) 2025, 15 رمضان 1446
    | (?P<named>(?P<d>[0-9]{{1,2}}){_NOT_DIGIT}{_SP}*+(?:[\-/]{_SP}*+)?
      (?P<mon>{_MONTH}){_NOT_LETTER}
      (?:{_SP}*+[/(]{_SP}*+(?P<mon2>{_MONTH}){_NOT_LETTER}{_SP}*+\)?)?
      {_SP}*+(?:[\-/,،]{_SP}*+)?(?P<y>[0-9]{{4}}){_NOT_DIGIT})
    # يونيو 17، 2025
    | (?P<named>(?P<mon>{_MONTH}){_NOT_LETTER}{_SP}*+(?P<d>[0-9]{{1,2}}){_NOT_DIGIT}{_SP}*+[,،]?
      {_SP}*+(?P<y>[0-9]{{4}}){_NOT_DIGIT})
    # a bare Hijri year: 1446 هـ
    | (?P<hyear>(?P<y>[0-9]{{4}}){_SP}*+{_HIJRI_ERA}{_NOT_LETTER})
    # منذ 3 ساعات, منذ ساعتين, قبل ثلاث ساعات
    | (?P<ago>{_alt(_TABLES.ago)}{_SP}++
      (?:(?P<n>[0-9]{{1,3}}){_NOT_DIGIT}{_SP}*+|(?P<nw>{_alt(_TABLES.numbers)}){_SP}++)?
      (?P<unit>{_alt(_TABLES.units)}){_NOT_LETTER})
    | (?P<vague>{_alt(_TABLES.vague)}{_NOT_LETTER})
    | (?P<now>{_alt(_TABLES.now)}{_NOT_LETTER})
    | (?P<day>{_alt(_TABLES.days)}){_NOT_LETTER}
    """
        )

    @functools.cached_property
    def _ERA_RE(self) -> regex.Pattern[str]:
        return _compile(rf"{_SP}*+(?P<era>{_ERA_WORD}){_NOT_LETTER}")

    @functools.cached_property
    def _CORR_RE(self) -> regex.Pattern[str]:
        return _compile(
            rf"""(?:{_SP}*+[{_DASH}/|،,])?{_SP}*+
    (?:(?P<corr>{_alt(_TABLES.correspondence)}){_NOT_LETTER}{_SP}*+)?"""
        )

    @functools.cached_property
    def _TIME_RE(self) -> regex.Pattern[str]:
        return _compile(
            rf"""(?:(?P<t>T)|{_SEP}(?:{_alt(_TABLES.connectors)}{_NOT_LETTER}{_SP}*+)?)
    (?P<hh>[0-9]{{1,2}}):(?P<mi>[0-9]{{2}})
    (?::(?P<ss>[0-9]{{2}})(?:\.(?P<frac>[0-9]{{1,6}}))?)?{_NOT_DIGIT}"""
        )

    # An offset is only read after seconds or an ISO "T": "12:27-12:30" is a range, not a zone.
    @functools.cached_property
    def _ZONE_RE(self) -> regex.Pattern[str]:
        return _compile(rf"(?:Z|[+\-][0-9]{{2}}:?[0-9]{{2}}){_NOT_DIGIT}")

    # A zone said in words after a time, read and dropped like an offset: "بتوقيت القدس",
    # "بتوقيت مكة المكرمة", "GMT", "GMT+3", "(بتوقيت غرينتش)". After a zone word, a listed place
    # name of several words is taken whole, else one word: the place's name.
    @functools.cached_property
    def _ZONE_WORDS_RE(self) -> regex.Pattern[str]:
        return _compile(
            rf"""{_SP}*+[(]?{_SP}*+
    (?:{_alt(_TABLES.zone_codes)}{_NOT_LETTER}(?:{_SP}*+{_OFFSET})?
    | {_alt(_TABLES.zone_words)}{_SP}++(?:{_alt(_TABLES.zone_places)}{_NOT_LETTER}|\p{{L}}++)
    | {_OFFSET}{_SP}*+{_alt(c for c in _TABLES.zone_codes if c.isascii())}{_NOT_LETTER})
    (?:{_SP}*+[)])?"""
        )

    @functools.cached_property
    def _PERIOD_RE(self) -> regex.Pattern[str]:
        return _compile(_PERIOD)

    # A bare hour needs a connector and a period: "الساعة 5 مساء", never a stray "- 5".
    @functools.cached_property
    def _HOUR_RE(self) -> regex.Pattern[str]:
        return _compile(
            rf"""{_SEP}{_alt(_TABLES.connectors)}{_NOT_LETTER}{_SP}*+(?P<hh>[0-9]{{1,2}}){_NOT_DIGIT}
    {_SP}*+(?P<ap>{_alt(_TABLES.periods)}){_NOT_LETTER}"""
        )

    @functools.cached_property
    def _REST_RE(self) -> regex.Pattern[str]:
        return _compile(rf"{_SP}*+(?P<nl>[\r\n\x0b\x0c\x85\u2028\u2029])?")

    # A marker that ends just before the scan position: callers often read the marker themselves
    # and scan from after it.
    @functools.cached_property
    def _MARKER_BEFORE_RE(self) -> regex.Pattern[str]:
        return _compile(
            rf"(?<!\p{{L}})(?:{_alt(_TABLES.markers)}){_NOT_LETTER}{_SP}*+(?:[:\uff1a{_DASH}]{_SP}*+)?\Z"
        )

    @functools.cached_property
    def _CLOCK_LINE_RE(self) -> regex.Pattern[str]:
        return _compile(
            rf"(?P<hh>[0-9]{{1,2}}):(?P<mi>[0-9]{{2}})(?::[0-9]{{2}})?{_NOT_DIGIT}{_PERIOD}"
        )

    # Where a word or a number starts: a date expression never starts inside one.
    @functools.cached_property
    def _WORD_START_RE(self) -> regex.Pattern[str]:
        return regex.compile(r"(?<![\p{L}\p{M}\p{N}])[\p{L}\p{N}]")


_P = _Patterns()


_DATED: Final = frozenset({"ymd", "dmy", "named"})
# Most frequent first: the first wrapper that took part names the form.
_FORMS: Final = ("named", "ymd", "dmy", "ago", "day", "hyear", "now", "vague")


def _form(m: regex.Match[str]) -> str:
    # Not m.lastgroup: with names shared across branches, regex reports an inner group there.
    for form in _FORMS:
        if m.start(form) >= 0:
            return form
    raise AssertionError("unreachable: every branch of _P._CORE_RE is wrapped")


_OFFSET: Final = rf"[+\-]{_SP}*+[0-9]{{1,2}}(?::?[0-9]{{2}})?{_NOT_DIGIT}"
_LOOKBACK: Final = 40  # characters before the scan position searched for that marker


def _openings() -> frozenset[str]:
    words: list[str] = [*_TABLES.markers, *_TABLES.weekdays, *_TABLES.weekday_prefixes]
    words += [*_TABLES.months, *_TABLES.ago, *_TABLES.now, *_TABLES.vague, *_TABLES.days]
    return frozenset(w[:2] for w in words)


# The first two folded letters of every word that can open an expression. Most scans start on
# an ordinary word, and almost every Arabic letter opens some date word, so one letter is not
# enough to turn them away cheaply.
_OPENINGS: Final = _openings()
_HEAD: Final = 8  # characters folded for that check: two letters and a few marks


def _deleted_chars() -> tuple[frozenset[str], frozenset[str]]:
    """Characters the fold deletes, and those of them that belong to the letter before."""
    blocks = [(0x00AD, 0x00AE), (0x0600, 0x0700), (0x0750, 0x0780), (0x08A0, 0x0900)]
    blocks += [(0x180E, 0x180F), (0x200B, 0x2070), (0xFE70, 0xFF00)]
    deleted = frozenset(
        ch for lo, hi in blocks for ch in map(chr, range(lo, hi)) if fold_chars(ch) == ""
    )
    marks = frozenset(ch for ch in deleted if ch == "ـ" or unicodedata.category(ch) == "Mn")
    return deleted, marks


_DELETED, _MARKS = _deleted_chars()

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
# Kinds that also open ordinary sentences ("اليوم أعلنت…"): see scan_date's docstring.
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
    if form == "hyear":
        return _Date("hijri-year", hijri=m["y"], calendar=_HIJRI)
    if form == "ago":
        unit, count = _TABLES.units[_norm(m["unit"])]
        if m["n"]:
            count = int(m["n"])
        elif m["nw"]:
            count = _TABLES.numbers[_norm(m["nw"])]
        return _Date("ago", ago=None if count is None else (unit, count))
    if form == "day":
        return _Date("day", day_offset=_TABLES.days[_norm(m["day"])])
    if form in ("now", "vague"):
        return _Date(form)

    era_cal = _TABLES.eras[_norm(era["era"])] if era is not None else None
    year, number, day = int(m["y"]), int(m["mo"] or 0), int(m["d"])
    cal: str | None
    if form == "named":
        cal, month = _TABLES.months[_norm(m["mon"])]
        if m["mon2"] and _TABLES.months[_norm(m["mon2"])] != (cal, month):
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


def _read_date(key: str, core: regex.Match[str], i: int) -> tuple[_Date, int]:
    """Read the core match, its era mark and a corresponding date in the other calendar
    (``15 رمضان 1446 هـ الموافق 15 مارس 2025``); return it and where it ends in ``key``."""
    if _form(core) not in _DATED:
        return _read_core(core, None), i
    era = _P._ERA_RE.match(key, i)
    found = _read_core(core, era)
    if era is not None:
        i = era.end()
    if found.calendar is None:
        return found, i
    corr = _P._CORR_RE.match(key, i)
    second = _P._CORE_RE.match(key, corr.end()) if corr is not None else None
    if second is None or _form(second) not in _DATED:
        return found, i
    era2 = _P._ERA_RE.match(key, second.end())
    other = _read_core(second, era2)
    if {found.calendar, other.calendar} != {_GREGORIAN, _HIJRI}:
        return found, i  # "17/06/2025 - 18/06/2025" is a range, not a correspondence
    greg, hij = (found, other) if found.calendar == _GREGORIAN else (other, found)
    # The Gregorian half is authoritative: it needs no conversion.
    combined = _Date("date", greg.day, hij.hijri, _GREGORIAN)
    return combined, era2.end() if era2 is not None else second.end()


def _read_time(key: str, i: int) -> tuple[_Clock | None, bool, int]:
    """Read a time after a date: (clock or None when impossible, whether one was read, end)."""
    tm = _P._TIME_RE.match(key, i)
    if tm is not None:
        j = tm.end()
        if tm["t"] or tm["ss"]:
            zone = _P._ZONE_RE.match(key, j)
            if zone is not None:
                j = zone.end()
        period = _P._PERIOD_RE.match(key, j)
        word = period["ap"] if period is not None else None
        if period is not None:
            j = period.end()
        zone = _P._ZONE_WORDS_RE.match(key, j)
        if zone is not None:
            j = zone.end()
        return _clock(tm["hh"], tm["mi"], tm["ss"], tm["frac"], word), True, j
    hm = _P._HOUR_RE.match(key, i)
    if hm is not None:
        return _clock(hm["hh"], None, None, None, hm["ap"]), True, hm.end()
    return None, False, i


def _line_ends(key: str, i: int, truncated: bool) -> bool:
    rest = _P._REST_RE.match(key, i)
    if rest is None:
        return False
    if rest["nl"]:
        return True
    return rest.end() == len(key) and not truncated


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
    marker = _P._MARKER_RE.match(key, i)
    if marker is not None:
        i = marker.end()
    start = i
    lead = _P._LEAD_TIME_RE.match(key, i)
    if lead is not None:
        i = lead.end()
    weekday = _P._WEEKDAY_RE.match(key, i)
    if weekday is not None:
        i = weekday.end()
    elif lead is None:
        day_word = _P._DAY_WORD_RE.match(key, i)
        if day_word is not None:
            i = day_word.end()
    core = _P._CORE_RE.match(key, i)
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
        clock, has_time = _clock(lead["hh"], lead["mi"], lead["ss"], None, lead["ap"]), True
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
    weekday_number = _TABLES.weekdays[_norm(weekday["wd"])] if weekday is not None else None
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
        marker=(marker.start(), marker.end("marker")) if marker is not None else None,
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
