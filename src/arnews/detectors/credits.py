"""Reading a credit off a line: the reader behind :mod:`arnews.detectors.bylines`.

:func:`read_credit` tells whether a line (or the lead-in of a paragraph, up to its colon) is a
credit, and where its name and the dateline before it stand; the main title's check reads it
too. The words are data (``credits`` in ``lexicon.json``); see the bylines module for the
forms a credit takes::

    >>> from arnews.detectors.credits import MAX_CREDIT_WORDS
    >>> MAX_CREDIT_WORDS
    14
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from .._lazy import lazy
from ..normalize import fold
from ..state import PageState
from ..text import word_count
from .tables import credit_openers, name_openers

if TYPE_CHECKING:
    import regex

__all__ = ["Credit", "read_credit"]

_SP = r"[ \t\xa0]"
# White space as ``regex`` reads ``\s`` (Unicode's White_Space), which, unlike the standard
# engine's ``\s`` and ``str.isspace``, leaves out U+001C to U+001F: the patterns below are
# run by the standard engine (cheaper a call) and spell it out.
_WHITE = r"\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# What separates the segments of a credit: dashes, a colon, a slash, a lone tatweel (at the
# text's start or after white space, and before white space or the end).
_SEPARATOR: re.Pattern[str] = lazy(
    re, rf"{_SP}*(?:-{{1,3}}|[–—:：/]|(?<![^{_WHITE}])ـ+(?![^{_WHITE}])){_SP}*"
)
_COLON: re.Pattern[str] = lazy(re, r"[:：]")
# The separators' characters, for a quick search (a tatweel only counts set apart).
_SEPARATOR_CHARS = "-–—:：/ـ \t\xa0"
# (``[-–—:：/]|(?<!\S)ـ``, found by _separator_char: the characters by the standard engine,
# and a tatweel's white space before it as ``regex`` reads it, which, unlike
# ``str.isspace``, leaves out U+001C to U+001F.)
_SEPARATOR_CHARS_RE: re.Pattern[str] = lazy(re, r"[-–—:：/ـ]")
_REGEX_SPACE: regex.Pattern[str] = lazy("regex", r"\s")
_LATIN_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
# A name: letters (an initial such as ``د.`` allowed), no digits or sentence marks.
_NAME: regex.Pattern[str] = lazy(
    "regex", r"\p{Arabic}[\p{Arabic}'’\.]*(?:[ \t\xa0]+\p{Arabic}[\p{Arabic}'’\.]*)*"
)
# A site's name in Latin letters (``SITE.INFO``, ``Hespress``), at most three words.
_LATIN_SITE: re.Pattern[str] = lazy(
    re, r"[A-Za-z][A-Za-z0-9.&_]*(?:[ \t\xa0]+[A-Za-z0-9][A-Za-z0-9.&_]*){0,2}"
)
_DEFINITE = "ال"

# A credit is short: a line longer than this is a paragraph, whatever its first word.
MAX_CREDIT_WORDS = 14
MAX_CREDIT_CHARS = 160
MAX_NAME_WORDS = 6
MAX_STRICT_NAME_WORDS = 4
# How far into a paragraph the colon that ends a leading credit may stand, and how much of
# a line's start the quick test of :func:`read_credit` reads.
LEAD_WINDOW = 100
OPENER_CHARS = 60
# A site's or a place's name has at most this many words.
MAX_SITE_WORDS = 5


#: A credit read off a line, ``(end, name, dateline, start)``: it runs from ``start`` to
#: ``end`` (its colon included); ``name`` is the name's span (``None`` for a bare credit);
#: ``dateline`` is ``(start, end, place span, agency span)`` of the dateline that the site,
#: office or place before the credit makes, or ``None``.
Credit = tuple[int, tuple[int, int] | None, tuple[int, int, Any, Any] | None, int]


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The trimmed spans of ``text[start:end]`` between separators."""
    out: list[tuple[int, int]] = []
    pos = start
    for m in _SEPARATOR.finditer(text, start, end):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        out.append((pos, end))
    return [(s, e) for s, e in out if text[s:e].strip()]


@functools.lru_cache(maxsize=8)
def _exact(words: tuple[str, ...]) -> frozenset[str]:
    # Compared as written, not folded: ``على`` (a preposition) folds to ``علي`` (a name).
    return frozenset(words)


def _is_name(state: PageState, phrase: str, strict: bool) -> bool:
    if _NAME.fullmatch(phrase) is None:
        return False
    words = phrase.split()
    if not 0 < len(words) <= MAX_NAME_WORDS:
        return False
    credits = state.lexicon.credits
    not_names = _exact((*credits.get("not_names", ()), *credits.get("verbs", ())))
    if any(w in not_names for w in words):
        return False
    # After a marker with no separator (``كتب الرئيس …``) the words are a sentence's unless
    # they read as a person's name: a few words, and a definite first word is a noun.
    # An honorific may open a name (``الدكتور محمد علي``), and a credit word a desk's name
    # (``المحرر السياسي``).
    first = fold(words[0])
    return not strict or (
        len(words) <= MAX_STRICT_NAME_WORDS
        and (
            not first.startswith(_DEFINITE)
            or (len(words) > 1 and first in state.gazetteer.honorifics)
            or state.lexicon.is_byline(words[0])
        )
    )


def _marker_length(state: PageState, phrase: str) -> int:
    """How many of ``phrase``'s first words (two or one) are a credit marker, or 0."""
    words = phrase.split()
    for n in (2, 1):
        if len(words) >= n and state.lexicon.is_credit("markers", " ".join(words[:n])):
            return n
    return 0


def _word_end(text: str, start: int, end: int, n: int) -> int:
    """Where the ``n``-th word of ``text[start:end]`` ends."""
    pos = start
    for _ in range(n):
        while pos < end and text[pos].isspace():
            pos += 1
        while pos < end and not text[pos].isspace():
            pos += 1
    return pos


def _is_first_name(state: PageState, phrase: str) -> bool:
    words = phrase.split()
    return (
        1 < len(words) <= 4
        and fold(words[0]) in state.gazetteer.first_names
        and _is_name(state, phrase, True)
    )


def _opens_credit(state: PageState, seg: tuple[int, int]) -> bool:
    phrase = state.text[seg[0] : seg[1]]
    return state.lexicon.is_byline(phrase) or _marker_length(state, phrase) > 0


def _is_site(state: PageState, phrase: str) -> bool:
    # A Latin site's name opens with a Latin letter: an Arabic phrase is not matched.
    if phrase[:1] in _LATIN_LETTERS and _LATIN_SITE.fullmatch(phrase) is not None:
        return True
    return fold(phrase) in state.gazetteer.agencies


def _read(state: PageState, start: int, end: int, whole: bool) -> Credit | None:
    """Read ``text[start:end]`` as a credit (see the module docstring), or ``None``."""
    text = state.text
    segs = _segments(text, start, end)
    if not segs:
        return None
    lexicon, places = state.lexicon, state.gazetteer.places
    place: tuple[int, int] | None = None
    agency: tuple[int, int] | None = None
    lead_end = -1  # where the site, office or place before the credit ends
    k = 0
    # Site, office and place first.
    while k < len(segs):
        s, e = segs[k]
        phrase = text[s:e]
        words = phrase.split()
        if lexicon.is_credit("offices", words[0]) and 1 < len(words) <= 4 and place is None:
            head_end = _word_end(text, s, e, 1)
            place = (head_end, e)
        elif _is_site(state, phrase) and agency is None and not lexicon.is_byline(phrase):
            agency = (s, e)
        elif fold(phrase) in places and place is None:
            place = (s, e)
        elif k == 0 and len(words) == 1 and k + 1 < len(segs) and _opens_credit(state, segs[1]):
            # ``النيلين - متابعات``: one word before a credit is the site's name.
            agency = (s, e)
        else:
            break
        lead_end = e
        k += 1
    if k == len(segs):
        return None
    s, e = segs[k]
    phrase = text[s:e]
    name: tuple[int, int] | None = None
    n_marker = _marker_length(state, phrase)
    if n_marker:
        after = _word_end(text, s, e, n_marker)
        rest = text[after:e].strip()
        if rest and lexicon.is_byline(rest):
            k += 1  # ``تقرير خاص``: a credit with no name
        elif rest:
            # The name in the marker's segment (``بقلم خالص جلبي``): no separator came
            # between, so the words must look like a name (``كتب الرئيس`` is a sentence).
            if not _is_name(state, rest, True):
                return None
            name = (after, e)
            k += 1
        elif k + 1 < len(segs):
            ns, ne = segs[k + 1]
            # Before the rest of a paragraph the name must read as one (``متابعة: أعلنت
            # الوزارة: …`` is a sentence); alone on its line it may be a title (``المحرر``).
            if not _is_name(state, text[ns:ne], not whole):
                return None
            name = (ns, ne)
            k += 2
        else:
            k += 1
    elif lexicon.is_byline(phrase):
        if agency is None and place is not None and lead_end >= 0:
            return None  # ``القاهرة - وكالات``: a dateline, left to that detector
        k += 1
    elif whole and k + 1 < len(segs) and _is_name(state, phrase, True):
        # ``أحمد حجازي – متابعات``: a name, then a bare credit.
        ns, ne = segs[k + 1]
        if not lexicon.is_byline(text[ns:ne]) and not lexicon.is_credit("markers", text[ns:ne]):
            return None
        name = (s, e)
        k += 2
    elif place is not None and k + 1 == len(segs) and _is_first_name(state, phrase):
        # ``غزة - فاطمة أبو حية``: a place, then the reporter's name.
        name = (s, e)
        k += 1
    else:
        return None
    if k != len(segs):
        return None
    dateline = None
    if lead_end >= 0:
        dateline = (start, lead_end, place, agency)
    return (end, name, dateline, start)


# The first words of a gazetteer's agencies and places (folded, as they are kept): a head
# whose first word opens none names no site or place (a name, not a wrapper: one call less
# a line).
_name_openers = name_openers
# The key of the memo of :func:`read_credit` under which a page's openers are kept.
_OPENERS = "openers"


def _separator_char(text: str, start: int, stop: int) -> int:
    """Where the first separator character stands in ``text[start:stop]``, or -1: a dash,
    a colon or a slash, or a tatweel set apart (at the text's start or after white space).

    Example:
        >>> _separator_char("جدة ـ علي", 0, 9), _separator_char("بـأن", 0, 4)
        (4, -1)
    """
    found = _SEPARATOR_CHARS_RE.search(text, start, stop)
    while found is not None:
        at = found.start()
        if text[at] != "ـ" or at == 0 or _REGEX_SPACE.match(text[at - 1]) is not None:
            return at
        found = _SEPARATOR_CHARS_RE.search(text, at + 1, stop)
    return -1


def _may_open_credit_at(state: PageState, start: int, end: int, openers: frozenset[str]) -> bool:
    """A cheap test that rules out most lines: a credit opens with a marker, an office, a
    credit word, a site or a place, or is a name followed by a credit word (``openers``:
    the lexicon's :func:`~arnews.detectors.tables.credit_openers`)."""
    text = state.text
    stop = start + OPENER_CHARS
    if stop > end:
        stop = end
    head = text[start:stop]
    # Most heads hold no separator character: a look for each (a C-level scan of a few
    # dozen characters, at a tenth of a pattern's cost a character) tells so, the dash and
    # the colon first; a head that holds one is searched for the first (a tatweel is looked
    # at again only when it is one). The characters are _SEPARATOR_CHARS_RE's, spelled out:
    # ``any(map(head.__contains__, ...))`` costs a tenth more of the whole detector, and
    # tests/test_speed_cred_s16.py gives a head of each to both tests.
    if (
        "-" in head
        or ":" in head
        or "/" in head
        or "ـ" in head
        or "–" in head
        or "—" in head
        or "：" in head
    ):
        found = _SEPARATOR_CHARS_RE.search(text, start, stop)
        sep = -1 if found is None else found.start()
        if sep >= 0 and text[sep] == "ـ":
            sep = _separator_char(text, sep, stop)
        if sep >= 0:
            head = text[start:sep]
    else:
        sep = -1
    # The head's words, up to one more than a name may have (more only say it is longer).
    words = head.split(None, MAX_SITE_WORDS)
    if not words:
        return sep >= 0
    first = fold(words[0])
    if first in openers:
        return True
    # A Latin site's name opens with a Latin letter (``head.strip()`` opens with the first
    # word's first character): an Arabic head is not matched against it.
    if words[0][0] in _LATIN_LETTERS and _LATIN_SITE.fullmatch(head.strip()) is not None:
        return True
    # A site's or a place's name opens with its first word: most heads open with a word no
    # name does, and their words need not be joined and folded.
    gazetteer = state.gazetteer
    if len(words) <= MAX_SITE_WORDS and (not first or first in _name_openers(gazetteer)):
        key = fold(" ".join(words))
        if key in gazetteer.agencies or key in gazetteer.places:
            return True
    if sep < 0:
        return False
    # ``أحمد حجازي – متابعات``: a name, then a credit word (the separator is one character,
    # and the characters after it that ``_SEPARATOR`` would take are stripped).
    after = text[sep + 1 : min(end, sep + 1 + OPENER_CHARS)].lstrip(_SEPARATOR_CHARS).split(None, 1)
    return bool(after) and fold(after[0]) in openers


def read_credit(state: PageState, i: int, base: int | None = None) -> Credit | None:
    """Read the credit at the start of line ``i`` (from ``base``, default its ``rest``).

    Returns ``(end, name span, dateline, start)``: the credit runs from ``start`` to ``end``
    (its colon included); ``dateline`` is ``(start, end, place span, agency span)`` when a
    site, office or place comes first. ``None`` when the line does not open with a credit.

    Example:
        >>> state = PageState.of("كتب- أحمد علي: أعلن الوزير الخبر.")
        >>> end, name, dateline, start = read_credit(state, 0)
        >>> state.text[name[0] : name[1]], state.text[start:end]
        ('أحمد علي', 'كتب- أحمد علي:')
    """
    text = state.text
    line_end = state.ends[i]
    start = state.rest[i] if base is None else base
    while start < line_end and text[start].isspace():
        start += 1
    if start >= line_end:
        return None
    # A cheap test rules out most lines (see :func:`_may_open_credit_at`). Its answer depends
    # on the text read (at most two openers' width) and the character before it: pages
    # repeat their lines (a chain of read-also articles repeats its heads; the title's
    # detector and this one read the same lines), and each distinct head is judged once a
    # page.
    stop = start + 2 * OPENER_CHARS
    key = (text[start - 1 : start], text[start : line_end if line_end < stop else stop])
    memo = state.memo.get(_may_open_credit_at)
    if memo is None:
        # The test's table of openers, looked up once a page (kept under a key no head's is).
        memo = state.memo[_may_open_credit_at] = {_OPENERS: credit_openers(state.lexicon)}
    known = memo.get(key)
    if known is None:
        # (A memo may forget what it is given, as a memo may: the table is then looked up.)
        openers = memo.get(_OPENERS)
        if openers is None:
            openers = credit_openers(state.lexicon)
        known = memo[key] = _may_open_credit_at(state, start, line_end, openers)
    if not known:
        return None
    # A credit line is short: a long line is read only up to a colon near its start.
    short = line_end - start <= MAX_CREDIT_CHARS
    if short and word_count(text[start:line_end], limit=MAX_CREDIT_WORDS) <= MAX_CREDIT_WORDS:
        found = _read(state, start, line_end, True)
        if found is not None:
            return found
    # The lead-in of a paragraph, up to its first or second colon.
    window = min(line_end, start + LEAD_WINDOW)
    colons = [m.start() for m in _COLON.finditer(text, start, window)][:2]
    for colon in reversed(colons):
        found = _read(state, start, colon, False)
        if found is not None:
            return (colon + 1, found[1], found[2], start)
    return None
