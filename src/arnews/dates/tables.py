"""The words of ``arnews/data/dates.json``, validated and folded into lookup tables.

Month names (every regional family, and the Hijri months), weekdays, day periods, time
connectors and zones, stamp markers, era marks and the words of relative forms: each mapping
is keyed by the folded form of its words (see :func:`arnews.normalize.fold_chars`). The file
is read and checked once, when :mod:`arnews.dates` is imported; a faulty entry raises a
:class:`ValueError` that names it.

Example:
    >>> _TABLES.months[_key("حزيران")], _TABLES.weekdays[_key("الثلاثاء")]
    (('gregorian', 6), 1)
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final, NoReturn, TypeVar

import attrs

from .._data import read_data_text
from ..normalize import fold_chars

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
