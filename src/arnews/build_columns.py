"""Building many read-also articles at once, column by column (:func:`_embedded`).

A chain of fifty thousand embedded articles of a headline and a line each is the hostile
case: their fields are worked out in page-wide columns sorted once by article and start
(:class:`_Chain`), which a lazy :class:`~arnews.articles.Articles` keeps; when one is first
read, :func:`_articles_of` cuts the columns per article and fills the objects' slots in
C-level passes.

Example:
    >>> _cut([1, 2, 3, 4], [0, 2, 4], _step([0, 2, 4]))
    [(1, 2), (3, 4)]
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import accumulate, compress, cycle, repeat, tee
from operator import add, eq, is_, itemgetter, mul
from typing import Any, NamedTuple

from .articles import _EMPTY, Articles
from .build_fields import (
    _END,
    _HAD_CONTROLS,
    _KIND,
    _NAME,
    _OTHER_FIELD_KINDS,
    _START,
    _VALUE,
    _clean_lines,
    _fields,
    _pick,
    _short,
    _Values,
    _warn_removed,
)
from .model import Article, Parts, Span, Spans
from .state import LINE, PageState, Piece

# A piece's line (pieces are tuples: their columns are read with C-level item getters).
_LINE = itemgetter(LINE)


def _step(bounds: list[int]) -> int | None:
    """The common size of the pieces that ``bounds`` cut, when they are all of one size.

    Chains of read-also articles repeat one shape (a headline and a line): their columns
    are then cut by ``zip`` over one iterator, in C, with no slice or list per article.

    Example:
        >>> _step([0, 2, 4, 6]), _step([0, 2, 3]), _step([0, 0, 0])
        (2, None, 0)
    """
    if len(bounds) < 2 or bounds[0] != 0:
        return None
    k = bounds[1]
    if k == 0:
        return 0 if bounds[-1] == 0 else None
    return k if bounds == list(range(0, bounds[-1] + 1, k)) else None


def _cut(column: Sequence[Any], bounds: list[int], step: int | None) -> list[tuple[Any, ...]]:
    """``column`` cut into one tuple per article, ``column[bounds[a] : bounds[a + 1]]``, in
    C-level passes (``step`` is :func:`_step` of ``bounds``).

    Each slice object lives only while its tuple is made: fifty thousand of them kept alive
    would be walked by the garbage collector's full collections.
    """
    if step is not None:
        if step == 0:
            return [()] * (len(bounds) - 1)
        return list(zip(*repeat(iter(column), step), strict=True))
    return list(map(tuple, map(column.__getitem__, map(slice, bounds[:-1], bounds[1:]))))


def _cut_shared(
    column: Sequence[Any],
    bounds: list[int],
    step: int | None,
    shared: dict[tuple[Any, ...], tuple[Any, ...]],
) -> list[tuple[Any, ...]]:
    """:func:`_cut`, each tuple equal to one made before replaced by it (``shared`` keeps
    them): read-also articles repeat their shapes and lines.

    A tuple dropped at once is one the garbage collector never counts; when every article's
    tuple is the same (``column`` repeats with the period ``step``: one comparison of two
    lists tells), only one is made.

    Example:
        >>> cut = _cut_shared(["a", "b", "a", "b"], [0, 2, 4], 2, {})
        >>> cut, cut[0] is cut[1]
        ([('a', 'b'), ('a', 'b')], True)
    """
    if step == 0:
        return [()] * (len(bounds) - 1)
    if step is not None:
        if column[step:] == column[:-step]:
            first = tuple(column[:step])
            return [shared.setdefault(first, first)] * (len(bounds) - 1)
        made: Iterator[tuple[Any, ...]] = zip(*repeat(iter(column), step), strict=True)
    else:
        made = map(tuple, map(column.__getitem__, map(slice, bounds[:-1], bounds[1:])))
    # Two iterators of one stream: each made tuple is dropped as soon as it is looked up.
    return list(map(shared.setdefault, *tee(made)))


def _bounds(arts: list[int], n: int) -> list[int]:
    """Where the rows of each article ``1 .. n - 1`` begin in ``arts`` (sorted), and their end:
    ``bounds[a - 1] : bounds[a]`` are article ``a``'s rows.

    Counted in one C-level pass and summed, rather than a search per article; when every
    article has the same number of rows ``k`` (a chain of one shape), two strided slices
    tell (each block of ``k`` rows opens and closes on its article), and nothing is counted.

    Example:
        >>> _bounds([1, 1, 3, 3, 3], 4), _bounds([1, 1, 2, 2], 3)
        ([0, 2, 2, 5], [0, 2, 4])
    """
    m, rows = n - 1, len(arts)
    if m > 0 and rows and rows % m == 0:
        k = rows // m
        every = list(range(1, n))
        if arts[::k] == every and arts[k - 1 :: k] == every:
            return list(range(0, rows + 1, k))
    counts = Counter(arts)
    bounds = list(accumulate(map(counts.get, range(1, n), repeat(0)), initial=0))
    if bounds[-1] != len(arts):  # a row of no article 1 .. n - 1: never made by the builder
        return list(map(bisect_left, repeat(arts), range(1, n + 1)))
    return bounds


def _column(columns: dict[str, list[Any]], name: str, default: list[Any]) -> list[Any]:
    """The column ``name``, made a copy of ``default`` the first time it is asked for."""
    column = columns.get(name)
    if column is None:
        column = columns[name] = default.copy()
    return column


def _keys(arts: list[int], starts: list[int], size: int) -> list[int]:
    """Each row's sort key: by article, then start (a start is below ``size + 1``)."""
    return list(map(add, map(mul, arts, repeat(size + 1)), starts))


def _rows_of(kinds: list[str], kind: str) -> list[int]:
    """The positions of ``kind`` in ``kinds``, in order.

    Kinds are the detectors' literals, one object each: the rows that hold that very object
    are picked out by identity, which costs less a row than comparing the texts, and one
    C-level count (that compares by identity first) tells that they are all of them;
    where a kind was given as an equal text of another object, they are compared.

    Example:
        >>> _rows_of(["marker", "title", "marker"], "marker"), _rows_of(["title"], "source")
        ([0, 2], [])
    """
    found = kinds.count(kind)
    if not found:  # (the sources of a chain of headlines and lines)
        return []
    at = list(compress(range(len(kinds)), map(is_, kinds, repeat(kind))))
    if len(at) == found:
        return at
    return list(compress(range(len(kinds)), map(eq, kinds, repeat(kind))))


def _texts_of(state: PageState, lines: list[int], starts: list[int], ends: list[int]) -> list[str]:
    """``state.text[starts[k] : ends[k]]`` for each row ``k`` (a piece of line ``lines[k]``).

    Where every piece spans its whole line (a chain's headlines: two comparisons of columns
    tell), the texts are the lines' own, made by the scanner and hashed already: no slice
    and no new text a row.
    """
    if list(map(state.starts.__getitem__, lines)) == starts and (
        list(map(state.ends.__getitem__, lines)) == ends
    ):
        return list(map(state.texts.__getitem__, lines))
    return list(map(state.text.__getitem__, map(slice, starts, ends)))


def _embedded(
    state: PageState,
    n: int,
    pieces: list[Piece],
    piece_articles: list[int],
    whole: list[int],
    whole_articles: list[int],
    cuts: tuple[list[int], list[int]],
    cut_articles: list[int],
    values: _Values,
) -> Articles:
    """The read-also articles ``1 .. n - 1``, as columns (made articles when first read).

    A chain of fifty thousand embedded articles of a headline and a line each is the
    hostile case: built one by one, each costs a dozen calls and a few dictionaries. Here
    only what the page's warnings and shared values need is worked out now: each article's
    headline and source (read in C-level passes) and the fields of an article with others
    (dateline, byline, dates, lists, through :func:`_fields`). The rows are kept as given;
    :func:`_sorted_rows` sorts them by article and start when the articles are first read
    or written. The result is what :func:`_article` makes of each.
    """
    text = state.text
    size = len(text)
    m = n - 1
    every = list(range(1, n))
    piece_kinds = list(map(_KIND, pieces))
    piece_starts = list(map(_START, pieces))
    piece_ends = list(map(_END, pieces))

    # The headline and source: each article's first piece of the kind, every distinct text
    # made once a page; only texts that lost controls are gone through one by one. Their
    # spans stay two columns (``None`` where an article has none) until read.
    shorts = values[0]
    removed: dict[int, list[Span]] = {}
    firsts: list[tuple[list[Any], list[Any], list[Any]]] = []
    for kind in ("title", "source"):
        at = _rows_of(piece_kinds, kind)
        if not at:  # none of the articles has one (sources, mostly)
            firsts.append(([None] * m, [None] * m, [None] * m))
            continue
        f_arts = _pick(piece_articles, at)
        f_starts, f_ends = _pick(piece_starts, at), _pick(piece_ends, at)
        f_lines = list(map(_LINE, map(pieces.__getitem__, at)))
        if f_arts != every:  # not one each, in order (as a chain of headlines has)
            # By article, then start; read backwards, the last row kept for an article is
            # its first.
            order = sorted(range(len(at)), key=_keys(f_arts, f_starts, size).__getitem__)
            f_arts = _pick(f_arts, order)
            backwards = range(len(order) - 1, -1, -1)
            keep = sorted(dict(zip(f_arts[::-1], backwards, strict=True)).values())
            order = _pick(order, keep)
            f_arts = _pick(f_arts, keep)
            f_starts, f_ends = _pick(f_starts, order), _pick(f_ends, order)
            f_lines = _pick(f_lines, order)
        raws = _texts_of(state, f_lines, f_starts, f_ends)
        distinct = set(raws)
        for raw in distinct.difference(shorts):
            found: list[Span] = []
            shorts[raw] = (_short(raw, found, (0, 0)), bool(found))
        if len(distinct) == 1:  # one headline repeated (a chain's teasers): no pass per row
            value, had_controls = shorts[raws[0]]
            got = [value] * len(raws)
        else:
            known = list(map(shorts.__getitem__, raws))
            got = list(map(_VALUE, known))
            had_controls = any(map(_HAD_CONTROLS, map(shorts.__getitem__, distinct)))
        if had_controls:
            had = map(_HAD_CONTROLS, map(shorts.__getitem__, raws))
            for k in compress(range(len(f_starts)), had):
                removed.setdefault(f_arts[k] - 1, []).append((f_starts[k], f_ends[k]))
        if f_arts == every:
            firsts.append((got, f_starts, f_ends))
            continue
        firsts.append(
            (
                list(map(dict(zip(f_arts, got, strict=True)).get, every)),
                list(map(dict(zip(f_arts, f_starts, strict=True)).get, every)),
                list(map(dict(zip(f_arts, f_ends, strict=True)).get, every)),
            )
        )
    for spans_removed in removed.values():
        spans_removed.sort()  # in input order, as the article's pieces come

    # The articles with other fields (dateline, credit, stamps, lists): their fields the
    # general way, from their pieces in input order (their headline and source again, to
    # the same values).
    others = sorted(
        set(compress(piece_articles, map(_OTHER_FIELD_KINDS.__contains__, piece_kinds)))
    )
    empty: list[Any] = [None] * m
    nothing: list[tuple[()]] = [()] * m
    columns: dict[str, list[Any]] = {}
    first_of = dict(zip(("title", "source"), firsts, strict=True))
    if others:
        by_article = sorted(
            range(len(pieces)), key=_keys(piece_articles, piece_starts, size).__getitem__
        )
        bounds = _bounds(_pick(piece_articles, by_article), n)
    for art in others:
        a = art - 1
        rows = _pick(pieces, by_article[bounds[a] : bounds[a + 1]])
        found = []
        values_of, spans_of, lists, list_spans = _fields(state, rows, found, values)
        if found:
            removed[a] = found
        else:
            removed.pop(a, None)
        for name, value in values_of.items():
            if name in first_of:
                first_of[name][0][a] = value
            else:
                _column(columns, name, empty)[a] = value
        for name, value in spans_of.items():
            if name in first_of:
                _, first_starts, first_ends = first_of[name]
                first_starts[a], first_ends[a] = (None, None) if value is None else value
            else:
                _column(columns, f"spans.{name}", empty)[a] = value
        for name, items in lists.items():
            _column(columns, name, nothing)[a] = tuple(items)
        for name, item_spans in list_spans.items():
            _column(columns, f"spans.{name}", nothing)[a] = tuple(item_spans)
    for a in sorted(removed):
        _warn_removed(state, removed[a])
    return Articles._lazy(
        m,
        _articles_of,
        _Chain(
            (
                text,
                piece_kinds,
                piece_starts,
                piece_ends,
                list(map(_NAME, pieces)),
                piece_articles,
                list(map(state.starts.__getitem__, whole)),
                list(map(state.ends.__getitem__, whole)),
                whole_articles,
                cuts[0],
                cuts[1],
                cut_articles,
            ),
            (*firsts[0], *firsts[1]),
            columns,
            [],
        ),
    )


# The parts' kinds, starts, ends and names, page-wide, sorted by article and start, with each
# article's bounds and their step; the paragraphs' cleaned texts, starts, ends, bounds, step.
_SortedRows = tuple[
    tuple[list[str], list[int], list[int], list[str | None], list[int], int | None],
    tuple[list[str], list[int], list[int], list[int], int | None],
]


class _Chain(NamedTuple):
    """A chain's read-also articles as columns (what :func:`_articles_of` makes them from).

    ``rows``: the page's text, then the rows as the builder gave them: the pieces' kinds,
    starts, ends, names and articles, the whole-line paragraphs' starts, ends and articles,
    the cut paragraphs' starts, ends and articles; ``firsts``: one value an article for the
    title, its start and end, the source, its start and end; ``others``: a column of one
    value an article for each other field some article has (``spans.NAME`` for its spans);
    ``made``: the rows sorted (:func:`_sorted_rows`), once a writer kept them.
    """

    rows: tuple[
        str,
        list[str],
        list[int],
        list[int],
        list[str | None],
        list[int],
        list[int],
        list[int],
        list[int],
        list[int],
        list[int],
        list[int],
    ]
    firsts: tuple[list[Any], list[Any], list[Any], list[Any], list[Any], list[Any]]
    others: dict[str, list[Any]]
    made: list[_SortedRows]


def _sorted_rows(chain: _Chain, keep: bool) -> _SortedRows:
    """The chain's rows sorted by article and start, and its paragraphs cleaned: kept, with
    ``keep``, for the next call (a chain written again; the articles are made once, and the
    garbage collector's passes while they are made walk every list still alive)."""
    if chain.made:
        return chain.made[0]
    text, p_kinds, p_starts, p_ends, p_names, p_arts, w_starts, w_ends, w_arts = chain.rows[:9]
    c_starts, c_ends, c_arts = chain.rows[9:]
    n = len(chain.firsts[0]) + 1
    arts = p_arts + w_arts + c_arts
    starts = p_starts + w_starts + c_starts
    order = sorted(range(len(arts)), key=_keys(arts, starts, len(text)).__getitem__)
    arts = _pick(arts, order)
    starts = _pick(starts, order)
    ends = _pick(p_ends + w_ends + c_ends, order)
    fill = len(w_arts) + len(c_arts)
    kinds = _pick(p_kinds + ["paragraph"] * fill, order)
    names = _pick(p_names + [None] * fill, order)
    del order
    bounds = _bounds(arts, n)
    step = _step(bounds)
    m = n - 1
    # Articles all of one shape (the same kinds in the same order, as a chain of headlines
    # and lines has): the rows of a kind are read with a stride, no search made.
    p_step: int | None
    if step and kinds[step:] == kinds[:-step]:
        shape = kinds[:step]
        p_step = shape.count("paragraph")
        if p_step == 1:
            j = shape.index("paragraph")
            p_starts, p_ends = starts[j::step], ends[j::step]
        else:
            mask = [kind == "paragraph" for kind in shape]
            p_starts = list(compress(starts, cycle(mask)))
            p_ends = list(compress(ends, cycle(mask)))
        p_bounds = list(range(0, p_step * m + 1, p_step)) if p_step else [0] * n
    else:
        at = list(compress(range(len(kinds)), map(eq, kinds, repeat("paragraph"))))
        p_starts = _pick(starts, at)
        p_ends = _pick(ends, at)
        p_bounds = _bounds(_pick(arts, at), n)
        p_step = _step(p_bounds)
    del arts
    # Paragraphs: cleaned all at once (a C-level check when none needs it).
    paragraphs = _clean_lines(list(map(text.__getitem__, map(slice, p_starts, p_ends))))
    made = (
        (kinds, starts, ends, names, bounds, step),
        (paragraphs, p_starts, p_ends, p_bounds, p_step),
    )
    if not keep:
        return made
    chain.made.append(made)  # two threads at once make equal ones: the first is read
    return chain.made[0]


def _pairs(starts: list[Any], ends: list[Any]) -> list[Span | None]:
    """``(start, end)`` for each article, ``None`` where it has none (its start is None)."""
    if None in starts:
        return [None if s is None else (s, e) for s, e in zip(starts, ends, strict=True)]
    return list(zip(starts, ends, strict=True))


def _articles_of(chain: _Chain) -> list[Article]:
    """The read-also articles of :func:`_embedded`'s columns, their objects' slots filled
    in C-level passes: what :func:`~arnews.build_one._article` makes of each."""
    (kinds, starts, ends, names, bounds, step), paragraph_rows = _sorted_rows(chain, False)
    paragraphs, p_starts, p_ends, p_bounds, p_step = paragraph_rows
    titles, t_starts, t_ends, sources, s_starts, s_ends = chain.firsts
    columns = chain.others
    m = len(titles)
    # Embedded articles repeat their shapes: one tuple of kinds (and of names) for each.
    shared: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    parts = Parts._many(
        _cut_shared(kinds, bounds, step, shared),
        _cut(starts, bounds, step),
        _cut(ends, bounds, step),
        _cut_shared(names, bounds, step, shared),
    )
    empty: list[Any] = [None] * m
    nothing: list[tuple[()]] = [()] * m
    column = columns.get
    spans = Spans._many(
        _pairs(t_starts, t_ends),
        column("spans.dateline", empty),
        column("spans.dateline_place", empty),
        column("spans.dateline_agency", empty),
        column("spans.byline", empty),
        column("spans.updated", empty),
        column("spans.published", empty),
        _cut(list(zip(p_starts, p_ends, strict=True)), p_bounds, p_step),
        column("spans.related_headlines", nothing),
        _pairs(s_starts, s_ends),
        column("spans.keywords", nothing),
        column("spans.similar", nothing),
        column("spans.boilerplate", nothing),
    )
    return Article._many(
        titles,
        column("dateline", empty),
        column("byline", empty),
        column("updated", empty),
        column("published", empty),
        _cut_shared(paragraphs, p_bounds, p_step, shared),
        column("related_headlines", nothing),
        sources,
        column("keywords", nothing),
        [_EMPTY] * m,
        column("similar", nothing),
        column("boilerplate", nothing),
        spans,
        parts,
        nothing,
    )
