"""Building one article from its pieces: :func:`_article` (the page's main article, and
read-also articles when there are a few).

An article of whole-line paragraphs only is made from the line columns, with no field step
(:func:`_whole_lines_article`); one of a few pieces beside whole lines (and no cut) from the
lines' columns with each piece put in its place (:func:`_merged_columns`); other articles of
up to sixty-four parts by one sort of tuples (:func:`_small_columns`); above, in C-level
passes over the pieces' columns merged with the whole-line and cut paragraphs
(:func:`_bulk_columns`), and with the claims made in bulk of a page of one article. The
column makers are in :mod:`arnews.build_rows`.

Example:
    >>> import arnews
    >>> a = arnews.parse("أعلن البيت الأبيض الخبر.\\n\\nالمصدر: سرايا")
    >>> a.paragraphs, a.parts.kinds
    (('أعلن البيت الأبيض الخبر.',), ('paragraph', 'marker', 'source'))
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import compress, repeat
from operator import eq, itemgetter
from typing import Any

from .articles import _EMPTY, Articles
from .build_fields import _fields, _order, _pick, _RunColumns, _Values, _warn_removed

# The columns' makers live in a module of their own; the names tests reach for stay
# importable from here.
from .build_rows import _FEW, _bulk_columns, _PartColumns
from .build_rows import _merged_columns as _merged_columns
from .build_rows import _small_columns as _small_columns
from .model import Article, Span, _new_article
from .parts import _new_parts
from .spans import _new_spans
from .state import PageState, Piece
from .text import clean_paragraphs

_FIRST = itemgetter(0)

# Up to this many parts an article's columns are made by one sort of tuples (their rows
# made in C-level passes: cheaper than the merges up to sixty-odd parts, measured in
# instructions on both corpora; a page of thousands of parts makes no tuple a line).
_SMALL = 64
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
