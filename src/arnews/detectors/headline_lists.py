"""Headline lists: the items of a list heading, and lines of glued headlines.

A headline-list heading (``مقالات مشابهة``, ``أخبار ذات صلة`` …) is followed by its items,
with or without bullets (:func:`bullet_pattern`); the list runs until a line of running text
(:func:`is_paragraph_like`) or another section. Items of a list that runs to the page's end
are the page's similar headlines; a widget's items, or headlines glued on one line
(:func:`split_headlines`), are an article's related headlines. The region walk
(:mod:`arnews.detectors.regions`) decides which, and calls on this module to claim them.
"""

from __future__ import annotations

import functools
from collections.abc import Container
from itertools import compress, count, repeat
from operator import add, is_, itemgetter, setitem
from typing import TYPE_CHECKING, Any

from .._lazy import lazy
from ..lines import BLANKS
from ..normalize import fold
from ..runs import Run
from ..state import PageState, find_keys
from ..text import ends_sentence, glue_points, word_count

if TYPE_CHECKING:
    import regex

__all__ = ["bullet_pattern", "is_paragraph_like", "split_headlines"]

# Sections that stop a headline list.
_SECTION_KINDS = frozenset({"source", "keywords", "share", "read_also", "headlines"})
# A list heading may name its section (`المزيد من أخبار مصر`) in this many words; a colon or
# another separator after the heading words sets a headline after it instead.
MAX_SECTION_NAME_WORDS = 3
_HEADING_SEPARATORS = frozenset(":：﹕|/\\-–—.…")
_PLAIN_WORDS: regex.Pattern[str] = lazy("regex", r"[\p{L}\p{M}\s]+$")

# A list item that reads like a paragraph of running text ends the list: a sentence of this
# many words or more, or any line this long.
PARAGRAPH_MIN_WORDS = 12
PARAGRAPH_ANY_WORDS = 45

_NONES = repeat(None)
_FIRST = itemgetter(0)
_SECOND = itemgetter(1)
# A list longer than this is walked in C-level passes (see _long_list).
_FEW_ITEMS = 32
# A similar list of more whole items than this is claimed as one run of claims (see
# _claim_similar_items); up to it, as pieces (cheaper: measured in instructions).
_FEW_RUN = 32


def is_paragraph_like(text: str) -> bool:
    """Tell whether a line reads like running text rather than a headline.

    Example:
        >>> is_paragraph_like("اتفاق أمريكي روسي على وقف جزئي لإطلاق النار بأوكرانيا")
        False
    """
    words = word_count(text, limit=PARAGRAPH_ANY_WORDS)
    return words >= PARAGRAPH_ANY_WORDS or (words >= PARAGRAPH_MIN_WORDS and ends_sentence(text))


@functools.lru_cache(maxsize=16)
def bullet_pattern(bullets: tuple[str, ...]) -> regex.Pattern[str]:
    """The pattern of a list item's bullet (or number) and the space after it.

    Cached: every parse asks for it, and escaping the bullets costs more than a short page.
    """
    import regex  # (imported when first needed: see arnews._lazy)

    chars = regex.escape("".join(bullets)) if bullets else r"•"
    return regex.compile(rf"(?:[{chars}]+|[0-9٠-٩۰-۹]{{1,2}}[.)\-–](?=[ \t\xa0]))[ \t\xa0]*")


def split_headlines(
    text: str, start: int, similar_keys: set[str], heads: Container[str] = frozenset()
) -> list[tuple[int, int]]:
    """Split a line of glued headlines at the points the evidence allows.

    Cuts where two words were glued together (letters no Arabic word has there) and around
    any headline the page lists elsewhere. On a line that shows such glue, a definite noun
    run into a construct head (``الحربعضو``: ``الحرب`` + ``عضو``, from ``heads``) is cut
    too: headlines open with such heads, and no word is spelt that way. Returns spans
    relative to the whole input (``start`` is the offset of ``text``).

    Example:
        >>> split_headlines("إلى ليبياإعلام إسرائيلي", 0, set())
        [(0, 9), (9, 23)]
        >>> split_headlines("نحو ليبياإعلام يوقف الحربعضو كنيست", 0, set(), {"عضو"})
        [(0, 9), (9, 25), (25, 34)]
    """
    cuts = set(glue_points(text))
    if cuts and heads:
        cuts.update(_head_glue_points(text, heads))
    if similar_keys:
        key = fold(text)
        if len(key) == len(text):
            # Only when folding kept offsets aligned can a match be cut at the same place.
            # (``find_keys`` reads the line once, however many keys the page has.)
            for at, length in find_keys(similar_keys, key, 8):
                cuts.update((at, at + length))
    spans = []
    prev = 0
    for cut in sorted(c for c in cuts if 0 < c < len(text)):
        spans.append((start + prev, start + cut))
        prev = cut
    spans.append((start + prev, start + len(text)))
    return spans


# A definite noun glued to the head noun that opens the next headline: the token starts
# with the article and has at least two letters after it before the head.
_DEFINITE_TOKEN: regex.Pattern[str] = lazy("regex", r"(?<!\S)ال\S{5,}")
MIN_GLUED_HEAD = 3


# A widget's split, by its text and the number of the page's similar headlines (which the
# split reads; the walk only adds to them): see _claim_widget.
WidgetSplits = dict[tuple[str, int], list[tuple[int, int]]]


def _claim_widget(state: PageState, i: int, splits: WidgetSplits) -> None:
    """Claim the rest of line ``i``, an inline widget (headlines on its heading's own line),
    as related headlines: each distinct widget is split once a walk, kept in ``splits`` for
    as long as the page's similar headlines are as many as they were (pages repeat their
    widgets: one on every article of a chain).

    Example:
        >>> state = PageState.of("أخبار ذات صلة: إلى ليبياإعلام إسرائيلي")
        >>> state.rest[0] = 15
        >>> _claim_widget(state, 0, {})
        >>> [state.text[p[2] : p[3]] for p in state.pieces]
        ['إلى ليبيا', 'إعلام إسرائيلي']
    """
    start, end = state.rest[i], state.ends[i]
    widget = state.text[start:end]
    keys = state.similar_keys
    key = (widget, len(keys))
    spans = splits.get(key)
    if spans is None:
        spans = splits[key] = split_headlines(widget, 0, keys, state.gazetteer.heads)
    for s, e in spans:
        state.claim(i, "related_headline", start + s, start + e)
    state.rest[i] = end


def _head_glue_points(text: str, heads: Container[str]) -> list[int]:
    """Offsets inside ``الحربعضو``-like tokens where a known construct head starts."""
    points = []
    for m in _DEFINITE_TOKEN.finditer(text):
        token = m.group()
        for k in range(4, len(token) - MIN_GLUED_HEAD + 1):
            if fold(token[k:]) in heads:
                points.append(m.start() + k)
                break
    return points


def _item_shape(line: str, bullets: regex.Pattern[str]) -> tuple[int, int]:
    """A whole item line's bullet width (0: none) and where its headline starts."""
    m = bullets.match(line)
    bullet = m.end() if m is not None and m.end() < len(line) else 0
    head = bullet + (len(line[bullet:]) - len(line[bullet:].lstrip(BLANKS)))
    # The bullet's part ends at its last non-blank character, as a claim would.
    return len(line[:bullet].rstrip(BLANKS)), head


def _interleave(evens: list[Any], odds: list[Any]) -> list[Any]:
    """``evens[0], odds[0], evens[1], odds[1] …`` (as long as each other), by two slice
    assignments."""
    out: list[Any] = [None] * (len(evens) + len(odds))
    out[::2] = evens
    out[1::2] = odds
    return out


def _claim_similar_items(
    state: PageState, items: list[int], article: int, bullets: regex.Pattern[str]
) -> None:
    """Claim whole-line similar-list items (``items``: increasing line numbers): a bullet's
    marker and the headline of each, as one run of claims (:meth:`PageState.claim_run`).

    Each distinct line is read once; the rows are made in C-level passes, with no Python
    step a line (a 1 MB page of a list has a quarter of a million rows). A short list (as
    real pages have) is claimed as pieces, where a run's set-up and the builder's merge of
    its columns cost more.
    """
    texts, ends = state.texts, state.ends
    n = len(items)
    if n <= _FEW_RUN:
        _claim_few_similar(state, items, article, bullets)
        return
    lines = list(map(texts.__getitem__, items))
    shapes: dict[str, tuple[int, int]] = {}
    headlines: dict[str, str] = {}  # each distinct line's headline text
    keys = state.similar_keys
    for line in dict.fromkeys(lines):
        shapes[line] = shape = _item_shape(line, bullets)
        headline = headlines[line] = line[shape[1] :]
        keys.add(fold(headline))
    starts = list(map(state.starts.__getitem__, items))
    line_ends = list(map(ends.__getitem__, items))  # a headline ends where its line does
    if len(shapes) == 1:  # one shape (a page of one line repeated)
        bullet, head = shape
        widths = [bullet]
        heads = list(map(add, starts, repeat(head))) if head else starts
        marks = list(map(add, starts, repeat(bullet))) if bullet else None
        raws = [headline] * n
    else:
        row_shapes = list(map(shapes.__getitem__, lines))
        widths = list(map(_FIRST, row_shapes))
        heads = list(map(add, starts, map(_SECOND, row_shapes)))
        marks = list(map(add, starts, widths)) if any(widths) else None
        raws = list(map(headlines.__getitem__, lines))
    items_of = ("similar", heads, line_ends, raws)
    if marks is None:  # no bullet: a headline a line
        state.claim_run(
            Run(article, items, ["similar"] * n, heads, line_ends, [None] * n, *items_of)
        )
    else:
        # A bullet's marker, then its headline: two rows a line, where a line has a bullet.
        rows: list[list[Any]] = [
            _interleave(items, items),
            ["marker", "similar"] * n,
            _interleave(starts, heads),
            _interleave(marks, line_ends),
            ["bullet", None] * n,
        ]
        if not all(widths):
            keep = _interleave(list(map(bool, widths)), [True] * n)
            rows = [list(compress(column, keep)) for column in rows]
        r_lines, r_kinds, r_starts, r_ends, r_names = rows
        state.claim_run(Run(article, r_lines, r_kinds, r_starts, r_ends, r_names, *items_of))
    rest, kinds = state.rest, state.kind
    first = items[0]
    if items[-1] - first == n - 1:  # one stretch of lines (a list's items are)
        rest[first : first + n] = line_ends
        kinds[first : first + n] = ["similar"] * n
    else:
        any(map(setitem, repeat(rest), items, line_ends))  # (``setitem`` returns None)
        any(map(setitem, repeat(kinds), items, repeat("similar")))


def _claim_few_similar(
    state: PageState, items: list[int], article: int, bullets: regex.Pattern[str]
) -> None:
    """:func:`_claim_similar_items` of a few lines, as a piece a bullet and a headline."""
    texts, starts, ends, pieces = state.texts, state.starts, state.ends, state.pieces
    rest, kinds = state.rest, state.kind
    keys = state.similar_keys
    for i in items:
        line = texts[i]
        bullet, head = _item_shape(line, bullets)
        keys.add(fold(line[head:]))
        start = starts[i]
        if bullet:
            pieces.append((i, "marker", start, start + bullet, article, "bullet", None))
        pieces.append((i, "similar", start + head, ends[i], article, None, None))
        rest[i] = ends[i]
        kinds[i] = "similar"


def _claim_items(
    state: PageState, first: int, end: int, kind: str, article: int, bullets: regex.Pattern[str]
) -> None:
    """Claim the items (``kind``: ``similar`` or ``related``) of the list on lines ``first``
    to ``end`` (excluded): each line no detector took that still has content. Whole similar
    items are claimed last, together."""
    kinds, rest, starts = state.kind, state.rest, state.starts
    if (
        kind == "similar"
        and kinds[first:end].count(None) == end - first
        and rest[first:end] == starts[first:end]
    ):
        # Every line untouched (as a list's items are), so each is whole and has content
        # (the lines are not blank): told by three C-level passes, with no step a line.
        if end > first:
            _claim_similar_items(state, list(range(first, end)), article, bullets)
        return
    whole: list[int] = []
    for j in range(first, end):
        if kinds[j] is None and state.is_open(j):
            if kind == "similar" and rest[j] == starts[j]:
                whole.append(j)
            else:
                _claim_list_item(state, j, kind, article, bullets)
    if whole:
        _claim_similar_items(state, whole, article, bullets)


def _claim_list_item(
    state: PageState, i: int, kind: str, article: int, bullets: regex.Pattern[str]
) -> None:
    line_end = state.ends[i]
    rest = state.rest[i]
    m = bullets.match(state.text, rest, line_end)
    if m is not None and m.end() < line_end:
        state.claim(i, "marker", rest, m.end(), article=article, name="bullet")
        rest = m.end()
    state.rest[i] = rest
    if kind == "similar":
        claimed = state.claim_rest(i, "similar", article=article)
        if claimed is not None:
            state.similar_keys.add(fold(state.text[claimed[0] : claimed[1]]))
    else:
        for s, e in split_headlines(
            state.text[rest:line_end], rest, state.similar_keys, state.gazetteer.heads
        ):
            state.claim(i, "related_headline", s, e, article=article)
        state.rest[i] = line_end
    state.kind[i] = kind


def _list_extent(state: PageState, first: int, bullets: regex.Pattern[str]) -> tuple[int, bool]:
    """Return (end index, body_follows) of the list whose first item is line ``first``."""
    texts, kinds = state.texts, state.kind
    n = len(texts)
    # Where the list's section ends, and the first line of running text before that (the
    # end is not needed once that is found); the walk below then decides in linear time.
    stop = first
    first_para = -1
    judged: dict[str, bool] = {}  # lists repeat their lines: each distinct one is read once
    limit = min(n, first + _FEW_ITEMS)
    while stop < limit and kinds[stop] not in _SECTION_KINDS:
        if kinds[stop] is None:
            line = texts[stop]
            para = judged.get(line)
            if para is None:
                para = judged[line] = is_paragraph_like(line)
            if para:
                first_para = stop
                break
        stop += 1
    if stop == limit < n:
        stop, first_para = _long_list(state, stop, judged)
    if first_para < 0:
        return stop, False
    for j in range(first, first_para):
        # After a gap, the list goes on only if nothing but headlines follows it.
        if j > first and state.blank_before(j) and not bullets.match(texts[j]):
            return j, True
    return first_para, True


def _long_list(state: PageState, lo: int, judged: dict[str, bool]) -> tuple[int, int]:
    """:func:`_list_extent`'s walk from line ``lo`` on, for a list longer than a few items:
    (end of its section, first line of running text or ``-1``), told in C-level passes a
    stretch of lines at a time (twice as long each time: linear in the lines walked)."""
    texts, kinds = state.texts, state.kind
    n = len(texts)
    size = _FEW_ITEMS
    while lo < n:
        hi = min(lo + size, n)
        stretch = kinds[lo:hi]
        ended = not _SECTION_KINDS.isdisjoint(stretch)
        if ended:
            hi = lo + next(compress(count(), map(_SECTION_KINDS.__contains__, stretch)))
            stretch = stretch[: hi - lo]
        open_lines = list(compress(range(lo, hi), map(is_, stretch, _NONES)))
        lines = list(map(texts.__getitem__, open_lines))
        for line in set(lines).difference(judged):
            judged[line] = is_paragraph_like(line)
        verdicts = list(map(judged.__getitem__, lines))
        if True in verdicts:
            return hi, open_lines[verdicts.index(True)]
        if ended:
            return hi, -1
        lo, size = hi, size * 2
    return n, -1


def _heading_name(state: PageState, i: int) -> bool:
    """Tell whether the rest of headline-list heading ``i`` names the list's section.

    ``المزيد من أخبار مصر``, ``الأكثر قراءة في الرياضة``: a word or a few after the heading
    words, with no colon or separator between; a headline after a colon is an inline widget.
    """
    head = state.text[state.starts[i] : state.rest[i]].rstrip(BLANKS)
    rest = state.rest_text(i)
    if head[-1:] in _HEADING_SEPARATORS or not _PLAIN_WORDS.match(rest):
        return False
    return word_count(rest, limit=MAX_SECTION_NAME_WORDS + 1) <= MAX_SECTION_NAME_WORDS
