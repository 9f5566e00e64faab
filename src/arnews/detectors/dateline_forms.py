"""The lead-in forms of a dateline, as the patterns :mod:`arnews.detectors.datelines` reads
them with: a place before an agency in brackets, two names around a slash, the segments of a
dashed lead-in, a lead-in alone on its line, a site's name in Latin letters.

Each pattern is anchored where the detector starts it (a line's start) and reads a bounded
window; each is compiled on first use.

Example:
    >>> m = _PAREN.match("واشنطن (رويترز) - قال")
    >>> m.group("place"), m.group("agency")
    ('واشنطن', 'رويترز')
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .._lazy import lazy

if TYPE_CHECKING:
    import regex

_SP = r"[ \t\xa0]"
_DASH = r"(?:-{1,3}|–|—)"
# White space as ``regex`` reads ``\s`` (Unicode's White_Space), which, unlike the standard
# engine's ``\s`` and ``str.isspace``, leaves out U+001C to U+001F: the patterns below are
# run by the standard engine (two to three times cheaper a call on these lazy repeats) and
# spell it out, so that they read every text as they did under ``regex``.
_WHITE = r"\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# All patterns are anchored at the line start and read a bounded window.
_PAREN: re.Pattern[str] = lazy(
    re,
    rf"(?P<place>[^()\n:.!؟?]{{0,60}}?){_SP}*\((?P<agency>[^()\n]{{1,40}})\){_SP}*"
    rf"(?P<sep>{_DASH}|:)?{_SP}*",
)
_SLASH: re.Pattern[str] = lazy(
    re,
    rf"(?P<place>[^/()\n:.!؟?،,]{{1,30}}?){_SP}*/{_SP}*(?P<agency>[^/()\n:.!؟?،,\-–—]{{1,50}}?)"
    rf"{_SP}*(?P<sep>{_DASH}|:){_SP}*",
)
# A name of a lead-in. A dot may stand inside a name (``أ.ف.ب``, ``SITE.INFO``) but not end
# one.
_NAME = rf"(?:[^()\n:.!؟?،,/\-–—]|\.(?=[^{_WHITE}.])){{1,40}}?"
# One segment of a dashed lead-in and the separator after it. A dash needs a space after
# it (or the line's end), else it joins the words of a name (``عمّان-بترا`` is read as a
# whole line).
_SEGMENT: re.Pattern[str] = lazy(
    re,
    rf"(?P<seg>{_NAME}){_SP}*"
    rf"(?P<sep>{_DASH}(?={_SP}|$)|[:：])(?P<gap>{_SP}*)",
)
# A lead-in alone on its line, its two names joined by a dash with or without spaces.
_PAIR_LINE: re.Pattern[str] = lazy(
    re,
    rf"(?P<first>{_NAME}){_SP}*{_DASH}{_SP}*"
    rf"(?P<second>{_NAME}){_SP}*[:：]?",
)
_LATIN_SITE: re.Pattern[str] = lazy(
    re, r"[A-Za-z][A-Za-z0-9.&_]*(?:[ \t\xa0]+[A-Za-z0-9][A-Za-z0-9.&_]*){0,2}"
)
_HAS_LETTER: regex.Pattern[str] = lazy("regex", r"\p{L}")
_SENTENCE_MARK: re.Pattern[str] = lazy(re, r"[.!?؟]")
_COMMA: re.Pattern[str] = lazy(re, r"[،,]")
_STRAY_COMMA: re.Pattern[str] = lazy(re, rf"(?:[،,]{_SP}*)?")

# The most characters a lead-in alone on its line (:data:`_PAIR_LINE`) holds, blanks aside:
# two names, a dash and a colon.
_PAIR_CHARS = 40 + 3 + 40 + 1
