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

from collections.abc import Iterable
from itertools import compress, count, repeat
from operator import is_, sub

from ..lines import trim_blanks
from ..normalize import fold
from ..state import MAIN, PageState
from ..text import clean, word_count
from .credits import (
    MAX_CREDIT_CHARS,
    MAX_CREDIT_WORDS,
    Credit,
    _is_name,
    _is_site,
    read_credit,
)
from .heads import head_lists

__all__ = ["Credit", "detect_bylines", "read_credit"]

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
    missed = _detect_head_credits(state)
    i = _closing_line(state)
    if i is None:
        return
    start, end = state.rest[i], state.ends[i]
    if end - start > MAX_CREDIT_CHARS and not state.text[start].isspace():
        # A closing credit takes its whole line, which is then no longer than a credit
        # (a credit read up to a colon ends at the line's end only on a short line): the
        # story's last paragraph (most pages') is ruled out unread.
        return
    # A line the head's walk read no credit on (the only line of a one-line page) reads
    # none again: nothing claimed on it since, and the reader's answer depends on the
    # line's text from its rest alone.
    credit = None if i == missed else read_credit(state, i)
    if credit is not None and credit[0] >= state.ends[i] and credit[2] is None:
        _claim(state, i, credit)  # ``إعداد: سامر يوسف`` below the story
        return
    span = _closing_credit(state, i)
    if span is not None:
        state.claim(i, "byline", span[0], span[1], value=span)
        state.rest[i] = state.ends[i]
        state.kind[i] = "byline"


def _detect_head_credits(state: PageState) -> int:
    """Claim the credits at the head of each article; return the last line on which the
    walk read no credit (on a page of one article), or -1."""
    if state.n_articles == 1:
        return _detect_main_credits(state)
    if state.n_articles < MANY_ARTICLES or _any_head_credit(state):
        _walk_heads(state)
    return -1


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
    # (The dateline detector, which runs next, asks for them again: they are kept.)
    firsts, seconds = head_lists(state, keep=True)
    return _any_credit(state, firsts) or _any_credit(state, seconds)


def _any_credit(state: PageState, heads: list[int]) -> bool:
    """Tell whether a credit opens one of the open lines ``heads`` (see above)."""
    if not heads:
        return False
    rests, text = state.rest, state.text
    if rests[heads[0]] == 0 and read_credit(state, heads[0]) is not None:
        return True  # the page's first line: no character before it
    at = list(map(rests.__getitem__, heads))
    untouched = at == list(map(state.starts.__getitem__, heads))
    if untouched:
        # Lines no detector touched (a chain's body lines), keyed by their text alone: the
        # character before a line counts only to a tatweel at its start (a line that opens
        # with blanks has its own before the first character read), so where no distinct
        # text opens with one, the texts are all the keys (no character cut a line).
        by_text = dict(zip(map(state.texts.__getitem__, heads), heads, strict=True))
        if not any(map(str.startswith, by_text, repeat("ـ"))):
            return any(read_credit(state, i) is not None for i in by_text.values())
        # Else each is keyed by the character before it and its text, with no slice cut
        # (the page's first line, by its text).
        before = list(map(text.__getitem__, map(sub, at, repeat(1))))
        if at[0] == 0:
            before[0] = ""
        keys: Iterable[object] = zip(before, map(state.texts.__getitem__, heads), strict=True)
    else:
        froms = map(max, map(sub, at, repeat(1)), repeat(0))
        keys = map(text.__getitem__, map(slice, froms, map(state.ends.__getitem__, heads)))
    distinct = dict(zip(keys, heads, strict=True))
    return any(read_credit(state, i) is not None for i in distinct.values())


def _detect_main_credits(state: PageState) -> int:
    """:func:`_detect_head_credits` on a page of one article: the same walk, its counts
    kept in locals (most pages have one article, whose head is a line or two)."""
    rests, ends = state.rest, state.ends
    others = credits = 0
    before = -1  # the line before, when it was no credit (see ``unread`` above)
    missed = -1  # the last line read with no credit on it
    for i in compress(count(), map(is_, state.kind, repeat(None))):
        if rests[i] >= ends[i]:
            continue
        if before >= 0 and _long(state, before):
            return missed
        credit = read_credit(state, i)
        if credit is None:
            missed = i
        if credit is not None and (others == 0 or credit[0] >= ends[i]):
            _claim(state, i, credit)
            credits += 1
            if credit[0] < ends[i] or credits >= MAX_CREDITS:
                return missed
            before = -1
        else:
            others += 1
            if others >= HEAD_LINES:
                return missed
            before = i
    return missed


def _long(state: PageState, i: int) -> bool:
    """Tell whether open line ``i`` is too long to stand above a credit."""
    return state.ends[i] - state.rest[i] > MAX_CREDIT_CHARS or (
        word_count(state.rest_text(i), limit=MAX_CREDIT_WORDS) > MAX_CREDIT_WORDS
    )
