"""Update and publication stamps: ``آخر تحديث: 17 يونيو 2025 - 12:27 م``.

After an ``updated`` or ``published`` marker, reads the date expression with
:func:`arnews.dates.scan_date` and claims it. Pages often run the stamp straight into the
dateline and the first paragraph on the same line; what follows the date stays open for
the dateline and paragraph detectors::

    آخر تحديث: 17 يونيو 2025 - 12:27 م بغداد/ شبكة أخبار العراق- أعلنت …
    └ marker ─┘└──────── updated ──────┘└── left for the body ─────────…

Markers may be glued to the date (``نشرفي 17/05/2013``, ``نشر يوم2013/05/17``). A line near
the top of an article that is a whole date and nothing else, as many sites print under the
headline, is the publication stamp too::

    الأحد, 15 إبريل, 2012, 16:20 بتوقيت القدس   → published 2012-04-15 16:20
    26 شوال 1436 هـ الموافق 11 أغسطس 2015 م      → published 2015-08-11

Only the first lines of an article, before its first line of running text, are read so:
further down, a line that is a bare date heads an item of a chronology the article sets
(``15 مارس 2011`` then what happened), and stays body.
"""

from __future__ import annotations

import re
from itertools import compress, repeat
from operator import ge, itemgetter

from .._lazy import lazy
from ..dates import _WINDOW as DATE_WINDOW
from ..dates import scan_date
from ..lines import BLANKS
from ..normalize import FOLD_TABLE
from ..state import KIND, MAIN, PageState
from ..text import ends_sentence
from .heads import more_words_than

__all__ = ["detect_stamps"]

# How many of an article's first lines may be its bare publication date (under a title, a
# ticker or a byline), as long as no line of running text came before it.
HEAD_LINES = 3
# A page of this many articles or more (a chain of read-also articles) is ruled out by its
# short lines' digits before the heads are read.
MANY_ARTICLES = 32
# How far past an article's first line its head is looked for (menus and tickers skipped).
MAX_SCAN = 16
# A line this long, or one that ends a sentence, is running text: the head is over.
RUNNING_WORDS = 15
# A line that is a whole date is no longer than the window the date reader reads (its last
# character is no blank), and holds the year in digits, which the reader folds to ASCII
# first (``٢٠٢٥``): a line with none of these characters is no date.
_DIGITS = frozenset("0123456789") | frozenset(
    chr(k) for k, v in FOLD_TABLE.items() if v and not frozenset(v).isdisjoint("0123456789")
)
_DIGIT: re.Pattern[str] = lazy(re, "[" + "".join(map(re.escape, sorted(_DIGITS))) + "]")
# The kinds of a stamp's marker line and piece.
_STAMP_KINDS = frozenset({"published", "updated"})
# The digits one at a time, for a search of a whole page (see :func:`_any_digit`).
_DIGIT_CHARS = tuple(sorted(_DIGITS))


def detect_stamps(state: PageState) -> None:
    """Claim the dates after update/publication markers."""
    # Most pages hold no stamp marker (a page of lines no detector classified, a chain of
    # read-also articles): one C-level pass tells so. Where the first line is unclassified,
    # a count by identity of the unclassified lines (a twentieth of a hash a line where all
    # are); else a pass that looks each line's kind up in a set of the two (a hash, cached
    # in the string), where a count compares each kind with the marker's or with ``None``
    # (a comparison of a string with another object costs more than a hash looked up).
    kinds = state.kind
    if (kinds and kinds[0] is None and kinds.count(None) == len(kinds)) or (
        _STAMP_KINDS.isdisjoint(kinds)
    ):
        marked = []
    else:
        marked = state.lines_of("updated", "published")
    for i in marked:
        kind = state.kind[i]
        if kind not in ("updated", "published") or not state.is_open(i):
            continue
        line_start = state.starts[i]
        found = scan_date(state.texts[i], state.rest[i] - line_start, now=state.now)
        if found is None:
            continue
        start, end = line_start + found.start, line_start + found.end
        if start > state.rest[i]:
            # The date reader skipped a stamp marker of its own (`آخر تحديث:آخر تحديث: 17 …`):
            # it is marker text, and must be claimed as such rather than lost.
            state.claim(i, "marker", state.rest[i], start, name=kind)
        state.rest[i] = start
        state.claim_rest(i, kind, end, value=found.value)
        if found.weekday_mismatch:
            state.warn("weekday_mismatch", "the weekday does not match the date", start, end)
        if found.value is None and found.relative and state.now is None:
            state.warn(
                "relative_date",
                "a relative date stamp needs Parser(now=...) to be resolved",
                start,
                end,
            )
        elif found.value is None:
            state.warn(
                "unreadable_date", "a date stamp could not be read as a valid date", start, end
            )
        # The rest of the line is ordinary text again (often the dateline and first paragraph).
        state.kind[i] = None
    _bare_date_lines(state)


def _bare_date_lines(state: PageState) -> None:
    """Claim, in each article's first lines, a line that is a whole date as its stamp."""
    if state.n_articles == 1:
        _bare_date_main(state)
    elif state.n_articles < MANY_ARTICLES or (
        _any_digit(state.text) and _any_short_digits(state.texts)
    ):
        # (A whole date is a short line that holds a digit: a chain of read-also articles
        # may hold none. C-level searches of the page tell when none of its lines has a
        # digit, where the lines' test costs a call each.)
        _bare_date_heads(state)


def _any_digit(text: str) -> bool:
    """Tell whether ``text`` holds a digit, as :data:`_DIGIT` finds one.

    One search for each digit: ``str``'s search for a character runs ``memchr`` over the
    text's bytes, some ten times cheaper a character than the pattern's class tried at each
    (of a megabyte with none, as a chain of read-also articles is, the pattern costs some
    100 M instructions; the thirty searches, a tenth).

    Example:
        >>> _any_digit("نص بلا أرقام"), _any_digit("عام ٢٠٢٥")
        (False, True)
    """
    return any(map(text.__contains__, _DIGIT_CHARS))


def _any_short_digits(lines: list[str]) -> bool:
    """Tell whether one of ``lines`` that is no longer than a date's window holds a digit
    (in C-level passes: a paragraph is not read)."""
    short = compress(lines, map(ge, repeat(DATE_WINDOW), map(len, lines)))
    return any(map(_DIGIT.search, short))


def _bare_date_heads(state: PageState) -> None:
    """:func:`_bare_date_lines` on a page of any number of articles."""
    # The articles that have a stamp already: their pieces are found at C speed among the
    # page's (a few stamps, where the pieces may be many).
    pieces = state.pieces
    piece_kinds = list(map(itemgetter(KIND), pieces))
    dated: set[int] = set()
    for stamp in ("published", "updated"):
        at = -1
        for _ in range(piece_kinds.count(stamp)):
            at = piece_kinds.index(stamp, at + 1)
            dated.add(state.article_of(pieces[at]))
    # Whether a line ends an article's head depends on its text alone: a page that repeats
    # its heads (a chain of read-also articles) judges each distinct line once.
    running: dict[str, bool] = {}
    for article, first in enumerate(state.article_starts()):
        if first < 0 or article in dated:
            continue
        _read_head(state, article, first, running)


def _bare_date_main(state: PageState) -> None:
    """:func:`_bare_date_lines` on a page of one article, which starts on the first line."""
    texts = state.texts
    n = len(texts)
    if not n:
        return
    # A whole date is a short line that holds a digit: a head with none (most have none)
    # is ruled out in a few C-level passes, its paragraphs not read. The head is the first
    # three lines, or, where furniture stands among them, the first :data:`MAX_SCAN`.
    last = n if n < HEAD_LINES else HEAD_LINES
    if "boilerplate" in state.kind[:last]:
        last = n if n < MAX_SCAN else MAX_SCAN
    if not _any_short_digits(texts[:last]):
        return
    # A page with a stamp already has its date: its pieces (a quarter of a million on a
    # page of a list) are read only once its head may hold one, by hash.
    if not _STAMP_KINDS.isdisjoint(map(itemgetter(KIND), state.pieces)):
        return
    _read_head(state, MAIN, 0, {})


def _read_head(state: PageState, article: int, first: int, running: dict[str, bool]) -> None:
    """Claim the first line from ``first`` on that is a whole date, in ``article``'s head."""
    kinds, articles, texts = state.kind, state.article, state.texts
    n = len(texts)
    seen = 0
    i = first
    stop = min(n, first + MAX_SCAN)
    while i < stop and seen < HEAD_LINES:
        if articles[i] != article:
            break  # another article starts: this one's head is over
        if kinds[i] == "boilerplate":
            i += 1  # furniture (a ticker, a menu) is no line of the article
            continue
        seen += 1
        line = texts[i]
        if (
            kinds[i] is None
            and state.rest[i] == state.starts[i]
            and len(line) <= DATE_WINDOW
            and _DIGIT.search(line) is not None  # (a C-level search: no character made)
        ):
            found = scan_date(line, 0, now=state.now)
            if (
                found is not None
                and found.value is not None
                and not found.relative
                and found.marker is None
                and not line[found.end :].strip(BLANKS)
            ):
                start = state.starts[i]
                state.claim_rest(i, "published", start + found.end, value=found.value)
                state.rest[i] = state.ends[i]
                break
        ends_head = running.get(line)
        if ends_head is None:
            ends_head = running[line] = ends_sentence(line) or more_words_than(
                line, 0, len(line), RUNNING_WORDS - 1
            )
        if ends_head:
            break
        i += 1
