"""Building one article from its pieces: :func:`_article` (the page's main article, and
read-also articles when there are a few).

An article of whole-line paragraphs only is made from the line columns, with no field step
(:func:`_whole_lines_article`); one of a few pieces beside whole lines (and no cut) from the
lines' columns with each piece put in its place (:func:`_merged_columns`); other articles of
up to sixty-four parts by one sort of tuples (:func:`_small_columns`); above, in C-level
passes over the pieces' columns merged with the whole-line and cut paragraphs
(:func:`_bulk_columns`), and with the claims made in bulk of a page of one article.

Example:
    >>> import arnews
    >>> a = arnews.parse("أعلن البيت الأبيض الخبر.\\n\\nالمصدر: سرايا")
    >>> a.paragraphs, a.parts.kinds
    (('أعلن البيت الأبيض الخبر.',), ('paragraph', 'marker', 'source'))
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from itertools import chain, compress, count, repeat
from operator import eq, itemgetter
from typing import Any

from .articles import _EMPTY, Articles
from .build_fields import (
    _END,
    _KIND,
    _NAME,
    _START,
    _fields,
    _order,
    _pick,
    _RunColumns,
    _Values,
    _warn_removed,
)
from .model import Article, Span, _new_article
from .parts import _new_parts
from .spans import _new_spans
from .state import PageState, Piece
from .text import clean_paragraphs

# A part column each: kinds, starts, ends, names (lists, or tuples from the small path).
_PartColumns = tuple[Sequence[str], Sequence[int], Sequence[int], Sequence[str | None]]
# The same as lists: a block of rows to merge.
_Block = tuple[list[str], list[int], list[int], list[str | None]]


def _small_columns(
    state: PageState, pieces: list[Piece], whole: list[int], cuts: tuple[list[int], list[int]]
) -> tuple[list[Piece], _PartColumns, list[int], list[int], list[str]]:
    """The parts' and paragraphs' columns of an article of a few parts, by one sort.

    Whole-line and cut paragraphs become rows beside the pieces (made in C-level passes): up
    to sixty-four parts, one sort of tuples costs less than merging the columns. The pieces
    come back sorted by start, without the paragraph rows, for :func:`_fields`.
    """
    if len(pieces) > 1:
        pieces = sorted(pieces, key=_START)
    cut_starts = cuts[0]
    if whole:
        line_starts, line_ends = state.starts, state.ends
        w_starts = list(map(line_starts.__getitem__, whole))
        w_ends = list(map(line_ends.__getitem__, whole))
        rows = pieces.copy()
        rows += zip(whole, _PARAGRAPH, w_starts, w_ends, _NONE, _NONE, _NONE, strict=False)
    elif not cut_starts:
        if not pieces:
            return pieces, ((), (), (), ()), [], [], []
        rows = pieces  # sorted already, and not changed below
    else:
        rows = pieces.copy()
    if cut_starts:
        rows += zip(_NO_LINE, _PARAGRAPH, cut_starts, cuts[1], _NONE, _NONE, _NONE, strict=False)
    if cut_starts or (whole and pieces):
        rows.sort(key=_START)
    # One C-level call gives every column as a tuple (what Parts keeps).
    _, kinds, starts, ends, _, names, _ = zip(*rows, strict=True)
    n_paragraphs = kinds.count("paragraph")
    if not n_paragraphs:
        return pieces, (kinds, starts, ends, names), [], [], []
    if whole and n_paragraphs == len(whole):
        # No paragraph but the whole lines (the common page): read from the line columns.
        return (
            pieces,
            (kinds, starts, ends, names),
            w_starts,
            w_ends,
            list(map(state.texts.__getitem__, whole)),
        )
    paragraphs = list(compress(rows, map(eq, kinds, _PARAGRAPH)))
    p_starts = list(map(_START, paragraphs))
    p_ends = list(map(_END, paragraphs))
    text = state.text
    return (
        pieces,
        (kinds, starts, ends, names),
        p_starts,
        p_ends,
        list(map(text.__getitem__, map(slice, p_starts, p_ends))),
    )


def _merged_columns(
    state: PageState, pieces: list[Piece], whole: list[int], cuts: tuple[list[int], list[int]]
) -> tuple[list[Piece], _PartColumns, list[int], list[int], list[str]]:
    """:func:`_small_columns` of an article of a few pieces and whole-line paragraphs (no
    cut): the lines' columns, read in C-level passes, with each piece put in its place.

    The most common page with pieces (a dateline and the rest of its line, a read-also
    article's headline) has many whole lines and one or two pieces: a row a line, a sort
    and a transposition cost more than a search and an insert a piece. The whole lines come
    in input order; a piece goes before a line that starts where it does (as the stable sort
    of pieces before lines puts it), and a whole line's paragraph text is the line's text.
    """
    if len(pieces) > 1:
        pieces = sorted(pieces, key=_START)
    line_starts = list(map(state.starts.__getitem__, whole))
    ends = list(map(state.ends.__getitem__, whole))
    n = len(whole)
    kinds: list[str] = ["paragraph"] * n
    names: list[str | None] = [None] * n
    starts = line_starts.copy()
    p_starts = line_starts.copy()
    p_ends = ends.copy()
    p_raw = list(map(state.texts.__getitem__, whole))
    text = state.text
    m = 0  # the paragraph pieces put in so far
    for j, (_, kind, start, end, _, name, _) in enumerate(pieces):
        # Before it: the pieces before it (all start no later) and the lines that start
        # before it.
        before = bisect_left(line_starts, start)
        k = j + before
        kinds.insert(k, kind)
        names.insert(k, name)
        starts.insert(k, start)
        ends.insert(k, end)
        if kind == "paragraph":
            p_starts.insert(m + before, start)
            p_ends.insert(m + before, end)
            p_raw.insert(m + before, text[start:end])
            m += 1
    return pieces, (kinds, starts, ends, names), p_starts, p_ends, p_raw


_FIRST = itemgetter(0)

# The constant columns of paragraph rows (zip stops at the shortest column).
_PARAGRAPH = repeat("paragraph")
_NONE = repeat(None)
_NO_LINE = repeat(-1)


def _bulk_columns(
    state: PageState,
    pieces: list[Piece],
    whole: list[int],
    cuts: tuple[list[int], list[int]],
    runs: _RunColumns | None = None,
) -> tuple[list[Piece], _PartColumns, list[int], list[int], list[str]]:
    """The parts' and paragraphs' columns of an article of many parts, in C-level passes.

    The pieces' columns are read with item getters; the runs' rows (claims made in bulk,
    none a paragraph), whole-line and bulk-cut paragraphs (kept apart from the pieces) are
    merged in by start.
    """
    text = state.text
    if len(pieces) > 1:
        pieces = sorted(pieces, key=_START)
    kinds: list[str] = list(map(_KIND, pieces))
    starts: list[int] = list(map(_START, pieces))
    ends: list[int] = list(map(_END, pieces))
    names: list[str | None] = list(map(_NAME, pieces))
    # Paragraph pieces (glued sentences, the rests of lines): none in most articles of many
    # pieces (a chain's main article holds its markers), which one C-level count tells.
    if kinds.count("paragraph"):
        paragraph_pieces = list(compress(count(), map(eq, kinds, _PARAGRAPH)))
        p_starts = _pick(starts, paragraph_pieces)
        p_ends = _pick(ends, paragraph_pieces)
    else:
        p_starts, p_ends = [], []
    # The rows to merge by start, each block in input order: the paragraphs' (whole lines
    # and cuts), the pieces', the runs'.
    blocks: list[_Block] = []
    if whole or cuts[0]:
        # Whole-line paragraphs come as line numbers: offsets and texts are read in C-level
        # passes. Paragraphs cut in bulk (glued sentences) come as offsets.
        if len(whole) == len(state.starts):  # every line (a page of plain text)
            b_starts, b_ends, b_raw = state.starts, state.ends, state.texts
        else:
            b_starts = list(map(state.starts.__getitem__, whole))
            b_ends = list(map(state.ends.__getitem__, whole))
            b_raw = list(map(state.texts.__getitem__, whole))
        if cuts[0]:
            c_raw = list(map(text.__getitem__, map(slice, cuts[0], cuts[1])))
            if b_starts:
                order = _order(b_starts, cuts[0])
                b_raw = _pick(b_raw + c_raw, order)
                b_ends = _pick(b_ends + cuts[1], order)
                b_starts = _pick(b_starts + cuts[0], order)
            else:
                b_starts, b_ends, b_raw = cuts[0], cuts[1], c_raw
        n_bulk = len(b_starts)
        p_raw = list(map(text.__getitem__, map(slice, p_starts, p_ends)))
        if p_starts:
            order = _order(b_starts, p_starts)
            p_raw = _pick(b_raw + p_raw, order)
            p_ends = _pick(b_ends + p_ends, order)
            p_starts = _pick(b_starts + p_starts, order)
        else:
            p_starts, p_ends, p_raw = b_starts, b_ends, b_raw
        blocks.append((["paragraph"] * n_bulk, b_starts, b_ends, [None] * n_bulk))
    else:
        p_raw = list(map(text.__getitem__, map(slice, p_starts, p_ends)))
    if starts:
        blocks.append((kinds, starts, ends, names))
    if runs is not None:
        blocks.append((runs.kinds, runs.starts, runs.ends, runs.names))
    return pieces, _merged(blocks), p_starts, p_ends, p_raw


def _merged(blocks: list[_Block]) -> _PartColumns:
    """The parts' columns of ``blocks`` (each in input order) merged by start, in C-level
    passes: one sort of all the starts, or, for a few rows beside one other block, an insert
    each."""
    if len(blocks) < 2:
        return blocks[0] if blocks else ([], [], [], [])
    if len(blocks) == 2:
        few, many = sorted(blocks, key=_size)
        if len(few[1]) <= _FEW:
            at = list(map(bisect_left, repeat(many[1]), few[1]))
            kinds, starts, ends, names = _put(many, at, few)
            return kinds, starts, ends, names
    order = _order(*[block[1] for block in blocks])
    kinds, starts, ends, names = (
        _pick(_joined([block[k] for block in blocks]), order) for k in range(4)
    )
    return kinds, starts, ends, names


def _joined(columns: list[list[Any]]) -> list[Any]:
    """The columns one after the other (two by ``+``, a copy at C speed)."""
    if len(columns) == 2:
        return columns[0] + columns[1]
    return list(chain.from_iterable(columns))


def _size(block: _Block) -> int:
    return len(block[1])


def _put(columns: _Block, at: list[int], rows: _Block) -> list[list[Any]]:
    """Copies of ``columns`` with the ``rows`` (columns of a few, sorted) put in before the
    positions ``at`` of the original columns."""
    out: list[list[Any]] = [list(column) for column in columns]
    put: tuple[list[Any], ...] = rows
    for column, values in zip(out, put, strict=True):
        for j, (k, value) in enumerate(zip(at, values, strict=True)):
            column.insert(k + j, value)
    return out


# Up to this many parts an article's columns are made by one sort of tuples (their rows
# made in C-level passes: cheaper than the merges up to sixty-odd parts, measured in
# instructions on both corpora; a page of thousands of parts makes no tuple a line).
_SMALL = 64
# Up to this many pieces beside whole-line paragraphs (and no cut paragraph), an article's
# columns are the lines' with each piece put in its place (:func:`_merged_columns`).
_FEW = 8
# From this many paragraphs on, their spans go through a list (see :func:`_spans_of`).
_LONG = 1024


def _spans_of(starts: Sequence[int], ends: Sequence[int]) -> tuple[Span, ...]:
    """The paragraphs' spans, ``(start, end)`` each.

    Many go through a list: tuple() of an iterator of unknown length grows the tuple by
    reallocation, and each new block is young again for the garbage collector, which then
    walks it whole; on a page of half a million paragraphs that doubles the cost. A few
    (every page but the longest) are made straight into the tuple, with no list.
    """
    if len(starts) < _LONG:
        return tuple(zip(starts, ends, strict=True))
    return tuple(list(zip(starts, ends, strict=True)))  # noqa: C414


def _whole_lines_article(
    state: PageState, whole: list[int], last: bool, read_also: Callable[[], Articles] | None
) -> Article:
    """:func:`_article` of whole-line paragraphs only (the lines ``whole``, in input order):
    every field but the paragraphs empty, the parts read from the line columns."""
    line_starts, line_ends = state.starts, state.ends
    p_raw: list[str]
    if len(whole) == len(line_starts):  # every line
        p_starts, p_ends, p_raw = tuple(line_starts), tuple(line_ends), state.texts
    else:
        p_raw = list(map(state.texts.__getitem__, whole))
        if len(whole) < _LONG:
            p_starts = tuple(map(line_starts.__getitem__, whole))
            p_ends = tuple(map(line_ends.__getitem__, whole))
        else:  # through lists, as _spans_of says why
            p_starts = tuple(list(map(line_starts.__getitem__, whole)))  # noqa: C414
            p_ends = tuple(list(map(line_ends.__getitem__, whole)))  # noqa: C414
    n = len(whole)
    embedded = _EMPTY if read_also is None else read_also()
    return _new_article(
        None,
        None,
        None,
        None,
        None,
        clean_paragraphs(p_raw),
        (),
        None,
        (),
        embedded,
        (),
        (),
        _new_spans(
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            _spans_of(p_starts, p_ends),
            (),
            None,
            (),
            (),
            (),
        ),
        _new_parts(("paragraph",) * n, p_starts, p_ends, (None,) * n),
        tuple(state.warnings) if last else (),
    )


def _article(
    state: PageState,
    pieces: list[Piece],
    whole: list[int],
    cuts: tuple[list[int], list[int]],
    values: _Values,
    *,
    last: bool = False,
    read_also: Callable[[], Articles] | None = None,
    runs: _RunColumns | None = None,
) -> Article:
    """One article from its pieces; the ``last`` one built carries the page's warnings.

    The page's articles share ``values`` (see :func:`_fields`). ``read_also``, when given,
    builds the article's read-also articles once its own fields are made (their warnings
    come after its own), so that the article is made once, with them. ``runs``: the page's
    claims made in bulk, read as columns (a page of one article).
    """
    kinds: Sequence[str]
    starts: Sequence[int]
    ends: Sequence[int]
    names: Sequence[str | None]
    p_starts: Sequence[int]
    p_ends: Sequence[int]
    p_raw: list[str]
    made: tuple[list[Piece], _PartColumns, list[int], list[int], list[str]]
    if runs is not None:  # claims made in bulk: many parts
        made = _bulk_columns(state, pieces, whole, cuts, runs)
    elif not pieces and not cuts[0]:
        # Whole-line paragraphs only, in input order (most one-article pages): they are the
        # parts, read from the line columns, and no field has a piece to be made from, so
        # the objects are made here with no field step and no lookup of a field's value.
        return _whole_lines_article(state, whole, last, read_also)
    elif cuts[0] or not whole or len(pieces) > _FEW:
        if len(pieces) + len(whole) + len(cuts[0]) <= _SMALL:
            made = _small_columns(state, pieces, whole, cuts)
        else:
            made = _bulk_columns(state, pieces, whole, cuts)
    else:
        made = _merged_columns(state, pieces, whole, cuts)
    pieces, (kinds, starts, ends, names), p_starts, p_ends, p_raw = made
    removed: list[Span] = []
    fields: dict[str, Any]
    spans: dict[str, Any]
    lists: dict[str, list[str]]
    list_spans: dict[str, list[Span]]
    if len(pieces) > _SMALL and kinds.count("marker") + kinds.count("paragraph") == len(kinds):
        # Markers and paragraphs only (the main article of a chain of read-also articles
        # holds its fifty thousand markers): no field has a piece, which two C-level counts
        # tell, where the field step would look at each piece in Python.
        fields, spans, lists, list_spans = {}, {}, {}, {}
    else:
        fields, spans, lists, list_spans = _fields(state, pieces, removed, values)
    if runs is not None:
        _merge_lists(lists, list_spans, runs.lists)
    if removed:
        _warn_removed(state, removed)
    get = fields.get
    span = spans.get
    if lists:
        item = lists.get
        item_spans = list_spans.get
        related, keywords = tuple(item("related_headlines", ())), tuple(item("keywords", ()))
        similar, boilerplate = tuple(item("similar", ())), tuple(item("boilerplate", ()))
        related_spans = tuple(item_spans("related_headlines", ()))
        keyword_spans = tuple(item_spans("keywords", ()))
        similar_spans = tuple(item_spans("similar", ()))
        boilerplate_spans = tuple(item_spans("boilerplate", ()))
    else:  # as most embedded articles are: the empty tuple is one shared object
        related = keywords = similar = boilerplate = ()
        related_spans = keyword_spans = similar_spans = boilerplate_spans = ()
    # The values are of exactly the fields' types, so the converters are skipped.
    embedded = _EMPTY if read_also is None else read_also()
    return _new_article(
        get("title"),
        get("dateline"),
        get("byline"),
        get("updated"),
        get("published"),
        clean_paragraphs(p_raw),
        related,
        get("source"),
        keywords,
        embedded,
        similar,
        boilerplate,
        _new_spans(
            span("title"),
            span("dateline"),
            span("dateline_place"),
            span("dateline_agency"),
            span("byline"),
            span("updated"),
            span("published"),
            _spans_of(p_starts, p_ends),
            related_spans,
            span("source"),
            keyword_spans,
            similar_spans,
            boilerplate_spans,
        ),
        _new_parts(tuple(kinds), tuple(starts), tuple(ends), tuple(names)),
        tuple(state.warnings) if last else (),
    )


def _merge_lists(
    lists: dict[str, list[str]],
    list_spans: dict[str, list[Span]],
    more: dict[str, tuple[list[str], list[Span]]],
) -> None:
    """Add ``more`` list values (and their spans, each list in input order) to the lists
    the pieces gave, merged by start."""
    for name, (values, spans) in more.items():
        if name not in lists:
            lists[name], list_spans[name] = values, spans
            continue
        had, had_spans = lists[name], list_spans[name]
        order = _order(list(map(_FIRST, had_spans)), list(map(_FIRST, spans)))
        lists[name] = _pick(had + values, order)
        list_spans[name] = _pick(had_spans + spans, order)


def _one_by_one(
    state: PageState,
    n: int,
    pieces: list[Piece],
    piece_articles: list[int],
    whole: list[int],
    whole_articles: list[int],
    cuts: tuple[list[int], list[int]],
    cut_articles: list[int],
    values: _Values,
) -> list[Article]:
    """The read-also articles ``1 .. n - 1`` (a few), each built by :func:`_article`."""
    if n == 2:
        # One read-also article (most pages that have any): every column given is its own.
        return [_article(state, pieces, whole, cuts, values)]

    def of(column: list[Any], articles: list[int], a: int) -> list[Any]:
        return list(compress(column, map(eq, articles, repeat(a))))

    return [
        _article(
            state,
            of(pieces, piece_articles, a),
            of(whole, whole_articles, a),
            (of(cuts[0], cut_articles, a), of(cuts[1], cut_articles, a)),
            values,
        )
        for a in range(1, n)
    ]
