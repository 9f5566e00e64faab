"""The date patterns, compiled on first use, and the tables that turn scans away early.

The patterns are written from the words of :mod:`arnews.dates.tables` and run on the folded
key of a window of the text; :data:`_P` compiles each the first time it is needed, once per
process (``import arnews`` compiles none). :func:`_form` names the branch of the core
pattern a match took.

Example:
    >>> m = _P._CORE_RE.match("17 يونيو 2025")
    >>> _form(m), m["d"], m["y"]
    ('named', '17', '2025')
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

from .tables import _HIJRI, _TABLES

if TYPE_CHECKING:
    import regex

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
    import regex  # (imported when first needed: see arnews._lazy)

    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(f"{_SP}++".join(map(regex.escape, w.split())) for w in ordered) + ")"


def _compile(pattern: str) -> regex.Pattern[str]:
    import regex  # (imported when first needed: see arnews._lazy)

    return regex.compile(pattern, regex.VERBOSE)


class _Patterns:
    """The date patterns, each compiled on first use.

    Compiling them all takes about 0.15 s, which ``import arnews`` paid in every process
    (the command's workers too) whether or not a date was ever read. Each is compiled
    once per process, the first time it is needed, and kept.
    """

    # The fragments written from the tables are made here too, with the first pattern that
    # needs them: writing them (month names and the rest, longest first) costs about a
    # millisecond, which the import would pay.
    @functools.cached_property
    def _PERIOD(self) -> str:
        return rf"(?:{_SP}*+(?P<ap>{_alt(_TABLES.periods)}){_NOT_LETTER})?"

    # A date marker's word, and the blanks and colon or dash after it: read at the scan
    # position (``_MARKER_RE``) and just before it (``_MARKER_BEFORE_RE``).
    @functools.cached_property
    def _MARKER_TAIL(self) -> str:
        return rf"{_NOT_LETTER}{_SP}*+(?:[:\uff1a{_DASH}]{_SP}*+)?"

    @functools.cached_property
    def _MARKER_RE(self) -> regex.Pattern[str]:
        return _compile(rf"(?P<marker>{_alt(_TABLES.markers)}){self._MARKER_TAIL}")

    @functools.cached_property
    def _LEAD_TIME_RE(self) -> regex.Pattern[str]:
        return _compile(
            rf"(?P<hh>[0-9]{{1,2}}):(?P<mi>[0-9]{{2}})(?::(?P<ss>[0-9]{{2}}))?{_NOT_DIGIT}{self._PERIOD}{_SEP}"
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
        # The parts before and after a core that the quick tests (see may_open) may pass
        # over on many pages are compiled with it, as when every scan tried them: a batch
        # does not pay for them in the middle of its pages.
        for part in (self._MARKER_RE, self._DAY_WORD_RE, self._ERA_RE):
            del part
        month = _alt(_TABLES.months)
        hijri_era = _alt(w for w, era in _TABLES.eras.items() if era == _HIJRI)
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
      (?P<mon>{month}){_NOT_LETTER}
      (?:{_SP}*+[/(]{_SP}*+(?P<mon2>{month}){_NOT_LETTER}{_SP}*+\)?)?
      {_SP}*+(?:[\-/,،]{_SP}*+)?(?P<y>[0-9]{{4}}){_NOT_DIGIT})
    # يونيو 17، 2025
    | (?P<named>(?P<mon>{month}){_NOT_LETTER}{_SP}*+(?P<d>[0-9]{{1,2}}){_NOT_DIGIT}{_SP}*+[,،]?
      {_SP}*+(?P<y>[0-9]{{4}}){_NOT_DIGIT})
    # a bare Hijri year: 1446 هـ
    | (?P<hyear>(?P<y>[0-9]{{4}}){_SP}*+{hijri_era}{_NOT_LETTER})
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
        return _compile(rf"{_SP}*+(?P<era>{_alt(_TABLES.eras)}){_NOT_LETTER}")

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
        return _compile(self._PERIOD)

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
        return _compile(rf"(?<!\p{{L}})(?:{_alt(_TABLES.markers)}){self._MARKER_TAIL}\Z")

    @functools.cached_property
    def _CLOCK_LINE_RE(self) -> regex.Pattern[str]:
        return _compile(
            rf"(?P<hh>[0-9]{{1,2}}):(?P<mi>[0-9]{{2}})(?::[0-9]{{2}})?{_NOT_DIGIT}{self._PERIOD}"
        )

    # Where a word or a number starts: a date expression never starts inside one.
    @functools.cached_property
    def _WORD_START_RE(self) -> regex.Pattern[str]:
        import regex  # (imported when first needed: see arnews._lazy)

        return regex.compile(r"(?<![\p{L}\p{M}\p{N}])[\p{L}\p{N}]")

    # Each pattern's group numbers by name: a ``regex`` match reads a group by number some ten
    # times cheaper than by name (which it first tries, and fails, to read as a number).
    @functools.cached_property
    def CORE(self) -> dict[str, int]:
        return dict(self._CORE_RE.groupindex)

    @functools.cached_property
    def TIME(self) -> dict[str, int]:
        return dict(self._TIME_RE.groupindex)

    @functools.cached_property
    def HOUR(self) -> dict[str, int]:
        return dict(self._HOUR_RE.groupindex)

    @functools.cached_property
    def LEAD_TIME(self) -> dict[str, int]:
        return dict(self._LEAD_TIME_RE.groupindex)

    @functools.cached_property
    def PERIOD(self) -> dict[str, int]:
        return dict(self._PERIOD_RE.groupindex)

    @functools.cached_property
    def WEEKDAY(self) -> dict[str, int]:
        return dict(self._WEEKDAY_RE.groupindex)

    @functools.cached_property
    def ERA(self) -> dict[str, int]:
        return dict(self._ERA_RE.groupindex)

    @functools.cached_property
    def MARKER(self) -> dict[str, int]:
        return dict(self._MARKER_RE.groupindex)

    @functools.cached_property
    def REST(self) -> dict[str, int]:
        return dict(self._REST_RE.groupindex)


_P = _Patterns()


_DATED: Final = frozenset({"ymd", "dmy", "named"})
# Most frequent first: the first wrapper that took part names the form.
_FORMS: Final = ("named", "ymd", "dmy", "ago", "day", "hyear", "now", "vague")


def _form(m: regex.Match[str]) -> str:
    # Not m.lastgroup: with names shared across branches, regex reports an inner group there.
    groups = _P.CORE
    for form in _FORMS:
        if m.start(groups[form]) >= 0:
            return form
    raise AssertionError("unreachable: every branch of _P._CORE_RE is wrapped")


_OFFSET: Final = rf"[+\-]{_SP}*+[0-9]{{1,2}}(?::?[0-9]{{2}})?{_NOT_DIGIT}"


def _openings() -> frozenset[str]:
    words: list[str] = [*_TABLES.markers, *_TABLES.weekdays, *_TABLES.weekday_prefixes]
    words += [*_TABLES.months, *_TABLES.ago, *_TABLES.now, *_TABLES.vague, *_TABLES.days]
    return frozenset(w[:2] for w in words)


# The first two folded letters of every word that can open an expression. Most scans start on
# an ordinary word, and almost every Arabic letter opens some date word, so one letter is not
# enough to turn them away cheaply.
_OPENINGS: Final = _openings()
_HEAD: Final = 8  # characters folded for that check: two letters and a few marks


# -- quick tests: where a pattern cannot match, its call is skipped ------------------------------
#
# Each optional part of an expression is tried with a pattern call (a few thousand
# instructions under ``regex`` even where it fails at once); a word-led pattern can match
# only where the key opens with one of its words' first two letters (or with a word of one
# letter), a number-led one only at a digit, a time only where a colon follows.


def _starts(words: Iterable[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The first two letters of ``words``' first words, and their first words of one letter."""
    firsts = [w.split()[0] for w in words]
    ones = frozenset(f for f in firsts if len(f) == 1)
    return frozenset(f[:2] for f in firsts if len(f) > 1), ones


def may_open(starts: tuple[frozenset[str], frozenset[str]], key: str, i: int) -> bool:
    """Tell whether ``key[i:]`` may open with one of the words ``starts`` was made of.

    Example:
        >>> may_open(_MARKER_STARTS, "نشر في 17 يونيو", 0), may_open(_MARKER_STARTS, "17", 0)
        (True, False)
    """
    return key[i : i + 2] in starts[0] or key[i : i + 1] in starts[1]


_MARKER_STARTS: Final = _starts(_TABLES.markers)
_WEEKDAY_STARTS: Final = _starts([*_TABLES.weekday_prefixes, *_TABLES.weekdays])
_PREFIX_STARTS: Final = _starts(_TABLES.weekday_prefixes)
# The core's words (a month first, the relative forms); its other branches open with a digit.
_CORE_STARTS: Final = _starts(
    [*_TABLES.months, *_TABLES.ago, *_TABLES.vague, *_TABLES.now, *_TABLES.days]
)
_ERA_STARTS: Final = _starts(_TABLES.eras)
DIGITS: Final = frozenset("0123456789")
# What a time after a date opens with: an ISO ``T``, or a separator (``_SEP``).
TIME_OPENERS: Final = frozenset(" \t-\u2013\u2014،,|T")
