"""An article's part and paragraph columns, from its pieces, whole lines, cuts and runs.

Each maker returns the pieces sorted by start (for :func:`~arnews.build_fields._fields`),
the parts' columns (kinds, starts, ends, names) and the paragraphs' starts, ends and raw
texts. :mod:`arnews.build_one` picks the maker by the article's size and shape: one sort of
rows for a few parts (:func:`_small_columns`), the lines' columns with each piece put in its
place for a few pieces beside whole lines (:func:`_merged_columns`), and merges of columns
for many parts (:func:`_bulk_columns`), with a page's runs of claims.

Example:
    >>> _merged([(["title"], [0], [5], [None]), (["paragraph"] * 2, [6, 20], [19, 30], [None] * 2)])
    (['title', 'paragraph', 'paragraph'], [0, 6, 20], [5, 19, 30], [None, None, None])
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from itertools import chain, compress, count, repeat
from operator import eq
from typing import Any

from .build_fields import _END, _KIND, _NAME, _START, _order, _pick, _RunColumns
from .state import PageState, Piece

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


# Up to this many pieces beside whole-line paragraphs (and no cut paragraph), an article's
# columns are the lines' with each piece put in its place (:func:`_merged_columns`); up to
# this many rows beside one other block are put in by an insert each (:func:`_merged`).
_FEW = 8
