"""Bylines: the author or credit line at the head of an article, taken off the body.

Looks at the first two open lines of each article. A credit is a line (or the lead-in of the
first paragraph, up to its colon) made of dash-, colon- or slash-separated segments: a credit
marker and a name, a bare credit, optionally after a site, an office or a place::

    كتب- أحمد علي: أعلن الوزير …          → byline "أحمد علي", the paragraph goes on
    بقلم: د. نظمي خليل                    → byline "د. نظمي خليل" (whole line)
    بقلم خالص جلبي                        → byline "خالص جلبي"
    تصوير: محمد حسن                       → byline "محمد حسن"
    أحمد حجازي – متابعات                  → byline "أحمد حجازي" (a name, then a credit)
    متابعة                                → a credit with no name: byline None
    SITE.INFO - متابعة                    → agency "SITE.INFO", byline None
    SITE.INFO- مكتب الرباط - خاص          → agency "SITE.INFO", place "الرباط", byline None
    SITE - بقلم: سامي نصر                 → agency "SITE", byline "سامي نصر"
    جدة ـ عبدالغني الشريف                 → place "جدة", byline "عبدالغني الشريف" (a known
                                            first name after a place)
    النيلين - متابعات                     → agency "النيلين" (one word before a credit)

The main article's last body line may be a closing credit: a credit as above, or names and
sites joined by slashes::

    فرانس24/ أ ف ب                        → byline "فرانس24/ أ ف ب"
    سيباستيان سايبت/مها بن عبد العظيم     → byline "سيباستيان سايبت/مها بن عبد العظيم"

The words are data (``credits`` in ``lexicon.json``: the markers, the office words, the words
no name holds). Reported speech is not a byline: after a marker with no separator (``كتب
الرئيس في تغريدة أن …``) the name must look like one (no ``ال`` on its first word, none of
``credits.not_names``, a few words), and a paragraph is only cut at a colon. A site, office
or place before the credit becomes the article's dateline.
"""

from __future__ import annotations

import functools
import re
from itertools import compress, count, repeat
from operator import is_, sub
from typing import Any

import regex

from .._lazy import lazy
from ..lines import trim_blanks
from ..normalize import fold
from ..state import MAIN, PageState
from ..text import clean, word_count
from .heads import head_lines
from .tables import credit_openers, name_openers

__all__ = ["Credit", "detect_bylines", "read_credit"]

_SP = r"[ \t\xa0]"
# What separates the segments of a credit: dashes, a colon, a slash, a lone tatweel.
_SEPARATOR: regex.Pattern[str] = lazy(regex, rf"{_SP}*(?:-{{1,3}}|[–—:：/]|(?<!\S)ـ+(?!\S)){_SP}*")
_COLON: regex.Pattern[str] = lazy(regex, r"[:：]")
# The separators' characters, for a quick search (a tatweel only counts set apart).
_SEPARATOR_CHARS = "-–—:：/ـ \t\xa0"
# (``[-–—:：/]|(?<!\S)ـ``, found by _separator_char: the characters by the standard engine,
# and a tatweel's white space before it as ``regex`` reads it, which, unlike
# ``str.isspace``, leaves out U+001C to U+001F.)
_SEPARATOR_CHARS_RE: re.Pattern[str] = lazy(re, r"[-–—:：/ـ]")
_REGEX_SPACE: regex.Pattern[str] = lazy(regex, r"\s")
_LATIN_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
# A name: letters (an initial such as ``د.`` allowed), no digits or sentence marks.
_NAME: regex.Pattern[str] = lazy(
    regex, r"\p{Arabic}[\p{Arabic}'’\.]*(?:[ \t\xa0]+\p{Arabic}[\p{Arabic}'’\.]*)*"
)
# A site's name in Latin letters (``SITE.INFO``, ``Hespress``), at most three words.
_LATIN_SITE: regex.Pattern[str] = lazy(
    regex, r"[A-Za-z][A-Za-z0-9.&_]*(?:[ \t\xa0]+[A-Za-z0-9][A-Za-z0-9.&_]*){0,2}"
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
# How many open lines that are no credit may stand at the head of an article, and how many
# credit lines (author, photographer, translator) it may have.
HEAD_LINES = 2
MAX_CREDITS = 3
# How many lines from the main article's end (its footer) the closing credit may stand.
CLOSING_WINDOW = 12
# A page of this many articles or more (a chain of read-also articles) is ruled out for
# credits by each distinct head text before its walk; on a page of fewer, the walk reads
# fewer lines than the test would.
MANY_ARTICLES = 32


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
    return _LATIN_SITE.fullmatch(phrase) is not None or fold(phrase) in state.gazetteer.agencies


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


def _may_open_credit_at(state: PageState, start: int, end: int) -> bool:
    """A cheap test that rules out most lines: a credit opens with a marker, an office, a
    credit word, a site or a place, or is a name followed by a credit word."""
    text = state.text
    stop = start + OPENER_CHARS
    if stop > end:
        stop = end
    # Most heads hold no separator character: one search tells so (a tatweel is looked at
    # again only when it is one).
    found = _SEPARATOR_CHARS_RE.search(text, start, stop)
    if found is None:
        sep = -1
        head = text[start:stop]
    else:
        sep = found.start()
        if text[sep] == "ـ":
            sep = _separator_char(text, sep, stop)
        head = text[start : stop if sep < 0 else sep]
    # The head's words, up to one more than a name may have (more only say it is longer).
    words = head.split(None, MAX_SITE_WORDS)
    if not words:
        return sep >= 0
    first = fold(words[0])
    openers = credit_openers(state.lexicon)
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
    key = (text[start - 1 : start], text[start : min(line_end, start + 2 * OPENER_CHARS)])
    memo = state.memo.get(_may_open_credit_at)
    if memo is None:
        memo = state.memo[_may_open_credit_at] = {}
    known = memo.get(key)
    if known is None:
        known = memo[key] = _may_open_credit_at(state, start, line_end)
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


def _trim(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """``span`` without the blanks at its ends: a sub-span lies trimmed inside its part."""
    return None if span is None else trim_blanks(text, *span)


def _claim(state: PageState, i: int, credit: Credit) -> None:
    end, name, dateline, start = credit
    text = state.text
    name = _trim(text, name)
    if dateline is not None:
        d_start, d_end, place, agency = dateline
        place, agency = _trim(text, place), _trim(text, agency)
        value = {
            "place": None if place is None else (clean(text[place[0] : place[1]]), place),
            "agency": None if agency is None else (clean(text[agency[0] : agency[1]]), agency),
        }
        state.claim(i, "dateline", d_start, d_end, value=value)
        start = d_end
    state.claim(i, "byline", start, end, value=name)
    state.rest[i] = end
    if end >= state.ends[i]:
        state.kind[i] = "byline"


def _closing_credit(state: PageState, i: int) -> tuple[int, int] | None:
    """The span of a closing credit on line ``i``: names and sites joined by slashes
    (``فرانس24/ أ ف ب``, ``سيباستيان سايبت/مها بن عبد العظيم``), or ``None``."""
    text = state.text
    start, end = state.rest[i], state.ends[i]
    if end - start > MAX_CREDIT_CHARS or "/" not in text[start:end]:
        return None
    parts = [p.strip() for p in text[start:end].split("/")]
    if len(parts) < 2 or not all(parts):
        return None
    places = state.gazetteer.places
    for part in parts:
        if fold(part) in places or not (_is_site(state, part) or _is_name(state, part, True)):
            return None
    return (start, end)


def _closing_line(state: PageState) -> int | None:
    """The main article's last open line no detector classified, or ``None``.

    Found from the main article's last line backwards, over a few lines at most (its
    footer: source, tags, markers), so that a page of many lines costs one C-level search.
    """
    articles = state.article
    n = len(articles)
    if n == 0:
        return None
    kinds, rests, ends = state.kind, state.rest, state.ends
    if state.n_articles == 1:
        # Every line is the main article's.
        for i in range(n - 1, max(-1, n - 1 - CLOSING_WINDOW), -1):
            if kinds[i] is None and rests[i] < ends[i]:
                return i if rests[i] == state.starts[i] else None
        return None
    last = n - 1 - articles[::-1].index(MAIN) if MAIN in articles else -1
    for i in range(last, max(-1, last - CLOSING_WINDOW), -1):
        if articles[i] != MAIN:
            continue
        if kinds[i] is None and rests[i] < ends[i]:
            return i if rests[i] == state.starts[i] else None
    return None


def detect_bylines(state: PageState) -> None:
    """Claim the credit lines at the head of each article, and a closing credit."""
    _detect_head_credits(state)
    i = _closing_line(state)
    if i is None:
        return
    credit = read_credit(state, i)
    if credit is not None and credit[0] >= state.ends[i] and credit[2] is None:
        _claim(state, i, credit)  # ``إعداد: سامر يوسف`` below the story
        return
    span = _closing_credit(state, i)
    if span is not None:
        state.claim(i, "byline", span[0], span[1], value=span)
        state.rest[i] = state.ends[i]
        state.kind[i] = "byline"


def _detect_head_credits(state: PageState) -> None:
    if state.n_articles == 1:
        _detect_main_credits(state)
    elif state.n_articles < MANY_ARTICLES or _any_head_credit(state):
        _walk_heads(state)


def _walk_heads(state: PageState) -> None:
    """Claim the credits at the head of each article (of a page of any number of them)."""
    articles, rests, ends = state.article, state.rest, state.ends
    # Per article, how many open lines that are no credit were met (a short one, such as an
    # editor's note, may stand above the credit), and the articles whose head is over.
    others: dict[int, int] = {}
    credits: dict[int, int] = {}
    finished: set[int] = set()
    # Per article, its first line that is no credit: whether it is long (which ends the
    # head) is worked out when the article's next line comes (most read-also articles of a
    # chain have one line).
    unread: dict[int, int] = {}
    # Lines no detector classified, in order (found at C speed); the walk stops once every
    # article's head has been read.
    for i in compress(count(), map(is_, state.kind, repeat(None))):
        article = articles[i]
        if article in finished or rests[i] >= ends[i]:
            continue
        before = unread.pop(article, None)
        if before is not None and _long(state, before):
            finished.add(article)
            if len(finished) == state.n_articles:
                break
            continue
        n = others.get(article, 0)
        credit = read_credit(state, i)
        # Below another line, a credit must be alone on its line; a first may lead the
        # paragraph, which then goes on (and the head is over).
        if credit is not None and (n == 0 or credit[0] >= ends[i]):
            _claim(state, i, credit)
            credits[article] = credits.get(article, 0) + 1
            if credit[0] < ends[i] or credits[article] >= MAX_CREDITS:
                finished.add(article)
        else:
            others[article] = n + 1
            if n + 1 >= HEAD_LINES:
                finished.add(article)
            else:
                unread[article] = i
        if len(finished) == state.n_articles:
            break


def _any_head_credit(state: PageState) -> bool:
    """Tell whether a credit may open the first or second open line of an article: when
    none does, the walk of the heads would claim nothing (it reads no further line of an
    article until a credit is found). The first lines are read first: the second are read
    by the walk only below a first that is no credit.

    A chain of read-also articles repeats its heads: each distinct text is read once, the
    texts cut in C-level passes. A line's answer depends on its open text and the character
    before it (a tatweel at its start is a separator after white space only).
    """
    firsts, seconds = head_lines(state)
    return _any_credit(state, sorted(firsts)) or _any_credit(state, seconds)


def _any_credit(state: PageState, heads: list[int]) -> bool:
    """Tell whether a credit opens one of the open lines ``heads`` (see above)."""
    if not heads:
        return False
    rests, text = state.rest, state.text
    if rests[heads[0]] == 0 and read_credit(state, heads[0]) is not None:
        return True  # the page's first line: no character before it
    froms = map(max, map(sub, map(rests.__getitem__, heads), repeat(1)), repeat(0))
    keys = map(text.__getitem__, map(slice, froms, map(state.ends.__getitem__, heads)))
    distinct = dict(zip(keys, heads, strict=True))
    return any(read_credit(state, i) is not None for i in distinct.values())


def _detect_main_credits(state: PageState) -> None:
    """:func:`_detect_head_credits` on a page of one article: the same walk, its counts
    kept in locals (most pages have one article, whose head is a line or two)."""
    rests, ends = state.rest, state.ends
    others = credits = 0
    before = -1  # the line before, when it was no credit (see ``unread`` above)
    for i in compress(count(), map(is_, state.kind, repeat(None))):
        if rests[i] >= ends[i]:
            continue
        if before >= 0 and _long(state, before):
            return
        credit = read_credit(state, i)
        if credit is not None and (others == 0 or credit[0] >= ends[i]):
            _claim(state, i, credit)
            credits += 1
            if credit[0] < ends[i] or credits >= MAX_CREDITS:
                return
            before = -1
        else:
            others += 1
            if others >= HEAD_LINES:
                return
            before = i


def _long(state: PageState, i: int) -> bool:
    """Tell whether open line ``i`` is too long to stand above a credit."""
    return state.ends[i] - state.rest[i] > MAX_CREDIT_CHARS or (
        word_count(state.rest_text(i), limit=MAX_CREDIT_WORDS) > MAX_CREDIT_WORDS
    )
