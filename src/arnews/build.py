"""Turning the claimed pieces of a :class:`~arnews.state.PageState` into an :class:`Article`.

Runs once, after the detectors. Each piece becomes a :class:`~arnews.model.Part`; the
article's fields take the cleaned text of the pieces of their kind, in input order.
"""

from __future__ import annotations

import operator
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from itertools import compress, repeat, tee
from operator import add, eq, mul, ne
from typing import Any

import attrs

from .lines import BLANKS
from .model import Article, Dateline, Parts, Span, Spans
from .normalize import FOLD_TABLE, fold, fold_chars
from .state import ARTICLE, END, KIND, LINE, MAIN, NAME, START, VALUE, PageState, Piece
from .text import clean, clean_many

__all__ = ["build_article"]


# Zero-width characters and bidi controls (the non-space members of BLANKS): invisible in
# a name, but they make two equal sources, tags or headlines compare unequal. Short fields
# drop them (with a ``controls_removed`` warning); paragraphs keep the text as written.
_CONTROL_TABLE = str.maketrans("", "", "".join(c for c in BLANKS if not c.isspace()))
_LIST_FIELDS = {
    "paragraph": "paragraphs",
    "related_headline": "related_headlines",
    "similar": "similar",
    "boilerplate": "boilerplate",
}
_SHORT_LISTS = frozenset({"related_headline", "similar"})
# A short field's remembered (value, controls removed).
_VALUE = operator.itemgetter(0)
_HAD_CONTROLS = operator.itemgetter(1)
# The kinds of piece that give a field other than the headline and the source.
_OTHER_FIELD_KINDS = frozenset(
    {*_LIST_FIELDS, "keywords", "updated", "published", "dateline", "byline"}
) - {"paragraph"}
# Pieces are tuples: their columns are read with C-level item getters.
_KIND = operator.itemgetter(KIND)
_START = operator.itemgetter(START)
_END = operator.itemgetter(END)
_NAME = operator.itemgetter(NAME)


def _short(raw: str, removed: list[Span], span: Span) -> str:
    """The value of a short field: controls removed (noted in ``removed``), spaces cleaned."""
    if raw.isprintable():
        # No control character (they are not printable): the translate below, slow per
        # character, would change nothing.
        return clean(raw)
    stripped = raw.translate(_CONTROL_TABLE)
    if len(stripped) != len(raw):
        removed.append(span)
    return clean(stripped)


def _short_at(text: str, span: Span, removed: list[Span]) -> str:
    return _short(text[span[0] : span[1]], removed, span)


def _order(*runs: list[int]) -> list[int]:
    """The positions of the concatenated ``runs`` (each in input order) sorted by start.

    Timsort finds the runs, so this is a linear merge done in C.
    """
    starts = [s for run in runs for s in run] if len(runs) > 2 else runs[0] + runs[1]
    return sorted(range(len(starts)), key=starts.__getitem__)


def _pick(values: list[Any], order: list[int]) -> list[Any]:
    return list(map(values.__getitem__, order))


def _clean_lines(texts: list[str]) -> list[str]:
    """:func:`~arnews.text.clean_many`, its check that no text needs a change made once
    over the texts joined: a page of half a million lines costs one pass of ``isprintable``
    and one search, not a million method calls.

    The texts are one-line pieces with no white space at their ends (what the parser
    claims), so joining them by single spaces makes no run of two; an empty text makes one
    and sends the texts the general way, which is never wrong.

    Example:
        >>> _clean_lines(["أ", "ب ج"] * 40) == ["أ", "ب ج"] * 40
        True
        >>> _clean_lines(["أ\xa0\xa0 ب"] * 64)[0]
        'أ ب'
    """
    if len(texts) >= 64:
        joined = " ".join(texts)
        if joined.isprintable() and "  " not in joined:
            return list(texts)
    return clean_many(texts)


# The fold maps no character to a line break and keeps the line break: the folds of many
# one-line texts can be taken in one pass over them joined by line breaks.
_FOLD_JOINS = FOLD_TABLE.get(10, "\n") == "\n" and not any(
    "\n" in v for v in FOLD_TABLE.values() if v is not None
)


def _distinct_tags(tags: list[str], spans: list[Span]) -> tuple[list[str], list[Span]]:
    """Each tag once (compared folded), in first-seen order, with its first span.

    Pages repeat their tags (a tag line per article, thousands of lines on some): each
    distinct text is folded once, and all of them in one C-level pass.

    Example:
        >>> _distinct_tags(["غزة", "غزه", "حماس", "غزة"], [(0, 3), (4, 7), (8, 12), (13, 16)])
        (['غزة', 'حماس'], [(0, 3), (8, 12)])
    """
    if len(tags) == 1:  # most tag pieces of a page: one tag, nothing to compare
        return tags, spans
    # Dicts built from the end keep each text's first span and each key's first text.
    first = dict(zip(reversed(tags), reversed(spans), strict=True))
    texts = list(dict.fromkeys(tags))
    if _FOLD_JOINS and len(texts) > 1:
        # Tags are cleaned short values: one line each, so the joined fold splits back.
        keys = list(map(" ".join, map(str.split, fold_chars("\n".join(texts)).split("\n"))))
    else:
        keys = list(map(fold, texts))
    first_text = dict(zip(reversed(keys), reversed(texts), strict=True))
    out = list(map(first_text.__getitem__, dict.fromkeys(keys)))
    return out, list(map(first.__getitem__, out))


# A raw text's value and whether making it removed controls: as a short field (controls
# removed), and as furniture (white space cleaned only).
_Values = tuple[dict[str, tuple[str, bool]], dict[str, tuple[str, bool]]]


def _warn_removed(state: PageState, removed: list[Span]) -> None:
    """Note that controls were removed from an article's short fields (at ``removed``)."""
    state.warn(
        "controls_removed",
        f"zero-width or bidi control characters were removed from {len(removed)} short "
        "field value(s) (source, title, dateline, byline, keywords, headlines); "
        "spans keep the raw text",
        removed[0][0],
        removed[0][1],
    )


def _fields(
    state: PageState,
    pieces: list[Piece],
    removed: list[Span],
    values: _Values,
) -> tuple[dict[str, Any], dict[str, Any], dict[str, list[str]], dict[str, list[Span]]]:
    """The article's field values and spans from its pieces (paragraphs and markers aside).

    ``values`` remembers each raw text's value (and whether controls were removed from it);
    the page's articles share it.
    """
    text = state.text
    shorts, cleaned = values
    fields: dict[str, Any] = {}
    spans: dict[str, Any] = {}
    lists: dict[str, list[str]] = {}
    list_spans: dict[str, list[Span]] = {}
    tags: list[str] | None = None  # the keywords as found, repeats included
    tag_spans: list[Span] = []
    for p in pieces:
        kind = p[KIND]
        if kind == "marker" or kind == "paragraph":
            continue
        start, end = p[START], p[END]
        name = _LIST_FIELDS.get(kind)
        if name is not None:
            raw = text[start:end]
            # Furniture and lists repeat: each distinct text is cleaned once.
            short = kind in _SHORT_LISTS
            memo = shorts if short else cleaned
            known = memo.get(raw)
            if known is None:
                before = len(removed)
                value = _short(raw, removed, (start, end)) if short else clean(raw)
                memo[raw] = (value, len(removed) > before)
            else:
                value, had_controls = known
                if had_controls:
                    removed.append((start, end))
            if value:
                if name not in lists:
                    lists[name] = []
                    list_spans[name] = []
                lists[name].append(value)
                list_spans[name].append((start, end))
        elif kind == "keywords":
            if tags is None:
                tags, tag_spans = [], []
            for s, e in p[VALUE] or [(start, end)]:
                raw = text[s:e]
                # What _short gives, without a call when there is no control to remove.
                tag = " ".join(raw.split()) if raw.isprintable() else _short(raw, removed, (s, e))
                if tag:
                    tags.append(tag)
                    tag_spans.append((s, e))
        elif kind in ("title", "source") and kind not in fields:
            # Embedded articles repeat their headlines and sources: each distinct text is
            # cleaned once a page.
            raw = text[start:end]
            known = shorts.get(raw)
            if known is None:
                before = len(removed)
                value = _short(raw, removed, (start, end))
                shorts[raw] = (value, len(removed) > before)
            else:
                value, had_controls = known
                if had_controls:
                    removed.append((start, end))
            fields[kind] = value
            spans[kind] = (start, end)
        elif kind in ("updated", "published") and kind not in fields:
            fields[kind] = p[VALUE]
            spans[kind] = (start, end)
        elif kind == "dateline" and "dateline" not in fields:
            place, agency = p[VALUE]["place"], p[VALUE]["agency"]
            fields["dateline"] = Dateline(
                place=None if place is None else _short_at(text, place[1], removed),
                agency=None if agency is None else _short_at(text, agency[1], removed),
            )
            spans["dateline"] = (start, end)
            spans["dateline_place"] = None if place is None else place[1]
            spans["dateline_agency"] = None if agency is None else agency[1]
        elif kind == "byline" and fields.get("byline") is None and p[VALUE] is not None:
            # A credit with no name (``متابعة``) leaves the field to a later one that has one.
            fields["byline"] = _short_at(text, p[VALUE], removed)
            spans["byline"] = p[VALUE]
    if tags is not None:
        lists["keywords"], list_spans["keywords"] = _distinct_tags(tags, tag_spans)
    return fields, spans, lists, list_spans


# A part column each: kinds, starts, ends, names (lists, or tuples from the small path).
_PartColumns = tuple[Sequence[str], Sequence[int], Sequence[int], Sequence[str | None]]


def _small_columns(
    state: PageState, pieces: list[Piece], whole: list[int], cuts: tuple[list[int], list[int]]
) -> tuple[list[Piece], _PartColumns, list[int], list[int], list[str]]:
    """The parts' and paragraphs' columns of an article of a few parts, by one sort.

    Whole-line and cut paragraphs become pieces too: below a dozen parts, one sort of
    tuples costs less than merging the columns.
    """
    rows = pieces.copy()
    if whole:
        line_starts, line_ends = state.starts, state.ends
        rows.extend(
            [(i, "paragraph", line_starts[i], line_ends[i], None, None, None) for i in whole]
        )
    if cuts[0]:
        rows.extend([(-1, "paragraph", s, e, None, None, None) for s, e in zip(*cuts, strict=True)])
    if len(rows) > 1:
        rows.sort(key=_START)
    if not rows:
        return rows, ((), (), (), ()), [], [], []
    # One C-level call gives every column as a tuple (what Parts keeps).
    _, kinds, starts, ends, _, names, _ = zip(*rows, strict=True)
    text = state.text
    if "paragraph" not in kinds:
        return rows, (kinds, starts, ends, names), [], [], []
    paragraphs = [r for r in rows if r[KIND] == "paragraph"]
    return (
        rows,
        (kinds, starts, ends, names),
        list(map(_START, paragraphs)),
        list(map(_END, paragraphs)),
        [text[r[START] : r[END]] for r in paragraphs],
    )


def _bulk_columns(
    state: PageState, pieces: list[Piece], whole: list[int], cuts: tuple[list[int], list[int]]
) -> tuple[list[Piece], _PartColumns, list[int], list[int], list[str]]:
    """The parts' and paragraphs' columns of an article of many parts, in C-level passes.

    The pieces' columns are read with item getters; whole-line and bulk-cut paragraphs
    (kept apart from the pieces) are merged in by start.
    """
    text = state.text
    if len(pieces) > 1:
        pieces = sorted(pieces, key=_START)
    kinds: list[str] = list(map(_KIND, pieces))
    starts: list[int] = list(map(_START, pieces))
    ends: list[int] = list(map(_END, pieces))
    names: list[str | None] = list(map(_NAME, pieces))
    paragraph_pieces = [k for k, kind in enumerate(kinds) if kind == "paragraph"]
    p_starts = _pick(starts, paragraph_pieces)
    p_ends = _pick(ends, paragraph_pieces)
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
        if starts:
            order = _order(b_starts, starts)
            kinds = _pick(["paragraph"] * n_bulk + kinds, order)
            names = _pick([None] * n_bulk + names, order)
            ends = _pick(b_ends + ends, order)
            starts = _pick(b_starts + starts, order)
        else:
            kinds, names = ["paragraph"] * n_bulk, [None] * n_bulk
            starts, ends = b_starts, b_ends
    else:
        p_raw = list(map(text.__getitem__, map(slice, p_starts, p_ends)))
    return pieces, (kinds, starts, ends, names), p_starts, p_ends, p_raw


# Below this many parts an article's columns are made by one sort of tuples.
_SMALL = 12


def _article(
    state: PageState,
    pieces: list[Piece],
    whole: list[int],
    cuts: tuple[list[int], list[int]],
    values: _Values,
    *,
    last: bool = False,
) -> Article:
    """One article from its pieces; the ``last`` one built carries the page's warnings.

    The page's articles share ``values`` (see :func:`_fields`).
    """
    columns = _small_columns if len(pieces) + len(whole) + len(cuts[0]) <= _SMALL else _bulk_columns
    pieces, (kinds, starts, ends, names), p_starts, p_ends, p_raw = columns(
        state, pieces, whole, cuts
    )
    removed: list[Span] = []
    fields, spans, lists, list_spans = _fields(state, pieces, removed, values)
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
    # The values are of exactly the fields' types, so the converters are skipped. Spans go
    # through a list: tuple() of an iterator of unknown length grows the tuple by
    # reallocation, and each new block is young again for the garbage collector, which
    # then walks it whole; on a page of half a million paragraphs that doubles the cost.
    return Article._unchecked(
        get("title"),
        get("dateline"),
        get("byline"),
        get("updated"),
        get("published"),
        tuple(_clean_lines(p_raw)),
        related,
        get("source"),
        keywords,
        (),
        similar,
        boilerplate,
        Spans._unchecked(
            span("title"),
            span("dateline"),
            span("dateline_place"),
            span("dateline_agency"),
            span("byline"),
            span("updated"),
            span("published"),
            tuple(list(zip(p_starts, p_ends, strict=True))),  # noqa: C414
            related_spans,
            span("source"),
            keyword_spans,
            similar_spans,
            boilerplate_spans,
        ),
        Parts._unchecked(tuple(kinds), tuple(starts), tuple(ends), tuple(names)),
        tuple(state.warnings) if last else (),
    )


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
    them): read-also articles repeat their shapes and lines, and a tuple dropped at once is
    one the garbage collector never counts."""
    if step == 0:
        return [()] * (len(bounds) - 1)
    if step is not None:
        made: Iterator[tuple[Any, ...]] = zip(*repeat(iter(column), step), strict=True)
    else:
        made = map(tuple, map(column.__getitem__, map(slice, bounds[:-1], bounds[1:])))
    return list(map(shared.setdefault, *tee(made)))


def _column(columns: dict[str, list[Any]], name: str, default: list[Any]) -> list[Any]:
    """The column ``name``, made a copy of ``default`` the first time it is asked for."""
    column = columns.get(name)
    if column is None:
        column = columns[name] = default.copy()
    return column


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
) -> list[Article]:
    """The read-also articles ``1 .. n - 1``, built column by column.

    A chain of fifty thousand embedded articles of a headline and a line each is the
    hostile case: built one by one, each costs a dozen calls and a few dictionaries. Here
    their parts and paragraphs are cut out of page-wide columns sorted once by article and
    start, their headlines and sources read in C-level passes too, and only an article with
    other fields (dateline, byline, dates, lists) goes through :func:`_fields`. The result is
    what :func:`_article` makes of each.
    """
    text = state.text
    n_pieces, n_lines, n_cuts = len(pieces), len(whole), len(cuts[0])
    arts = piece_articles + whole_articles + cut_articles
    starts = list(map(_START, pieces)) + list(map(state.starts.__getitem__, whole)) + cuts[0]
    # Sorted by article, then start: a piece's start is below len(text) + 1.
    order = sorted(
        range(len(arts)),
        key=list(map(add, map(mul, arts, repeat(len(text) + 1)), starts)).__getitem__,
    )
    arts = _pick(arts, order)
    starts = _pick(starts, order)
    ends = _pick(
        list(map(_END, pieces)) + list(map(state.ends.__getitem__, whole)) + cuts[1], order
    )
    fill = n_lines + n_cuts
    kinds = _pick(list(map(_KIND, pieces)) + ["paragraph"] * fill, order)
    names = _pick(list(map(_NAME, pieces)) + [None] * fill, order)
    bounds = list(map(bisect_left, repeat(arts), range(1, n + 1)))
    # Embedded articles repeat their shapes: one tuple of kinds (and of names) for each.
    shared: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    step = _step(bounds)
    parts = Parts._many(
        _cut_shared(kinds, bounds, step, shared),
        _cut(starts, bounds, step),
        _cut(ends, bounds, step),
        _cut_shared(names, bounds, step, shared),
    )

    # Paragraphs: cleaned all at once (a C-level check when none needs it), then cut.
    at = list(compress(range(len(kinds)), map(eq, kinds, repeat("paragraph"))))
    p_arts = _pick(arts, at)
    p_starts = _pick(starts, at)
    p_ends = _pick(ends, at)
    p_bounds = list(map(bisect_left, repeat(p_arts), range(1, n + 1)))
    p_step = _step(p_bounds)
    paragraphs = _cut_shared(
        _clean_lines(list(map(text.__getitem__, map(slice, p_starts, p_ends)))),
        p_bounds,
        p_step,
        shared,
    )
    paragraph_spans = _cut(list(zip(p_starts, p_ends, strict=True)), p_bounds, p_step)

    m = n - 1
    # The headline and source: each article's first piece of the kind, every distinct text
    # made once a page; only texts that lost controls are gone through one by one.
    shorts = values[0]
    removed: dict[int, list[Span]] = {}
    firsts: list[tuple[list[Any], list[Any]]] = []
    every = list(range(1, n))
    for kind in ("title", "source"):
        of_kind = list(compress(range(len(kinds)), map(eq, kinds, repeat(kind))))
        if not of_kind:  # none of the articles has one (sources, mostly)
            firsts.append(([None] * m, [None] * m))
            continue
        f_arts = _pick(arts, of_kind)
        if f_arts == every:  # one each, as a chain of headlines has: no choice to make
            at = of_kind
        else:
            # Read backwards, the last row kept for an article is its first.
            backwards = of_kind[::-1]
            at = sorted(dict(zip(f_arts[::-1], backwards, strict=True)).values())
            f_arts = _pick(arts, at)
        f_starts, f_ends = _pick(starts, at), _pick(ends, at)
        raws = list(map(text.__getitem__, map(slice, f_starts, f_ends)))
        for raw in set(raws).difference(shorts):
            found: list[Span] = []
            shorts[raw] = (_short(raw, found, (0, 0)), bool(found))
        known = list(map(shorts.__getitem__, raws))
        for k in compress(range(len(at)), map(_HAD_CONTROLS, known)):
            removed.setdefault(f_arts[k] - 1, []).append((f_starts[k], f_ends[k]))
        if f_arts == every:
            firsts.append((list(map(_VALUE, known)), list(zip(f_starts, f_ends, strict=True))))
            continue
        got = dict(zip(f_arts, map(_VALUE, known), strict=True)).get
        got_span = dict(zip(f_arts, zip(f_starts, f_ends, strict=True), strict=True)).get
        firsts.append((list(map(got, every)), list(map(got_span, every))))
    (titles, title_spans), (sources, source_spans) = firsts
    for spans_removed in removed.values():
        spans_removed.sort()  # in input order, as the article's pieces come
    # The articles with other fields (dateline, credit, stamps, lists).
    others = [
        a - 1 for a in sorted(set(compress(arts, map(_OTHER_FIELD_KINDS.__contains__, kinds))))
    ]

    empty: list[Any] = [None] * m
    nothing: list[tuple[()]] = [()] * m
    columns: dict[str, list[Any]] = {
        "title": titles,
        "source": sources,
        "spans.title": title_spans,
        "spans.source": source_spans,
    }
    for a in others:
        # An article with more than a headline and a source: its fields the general way
        # (its headline and source again, to the same values).
        rows = [pieces[order[k]] for k in range(bounds[a], bounds[a + 1]) if order[k] < n_pieces]
        found = []
        values_of, spans_of, lists, list_spans = _fields(state, rows, found, values)
        if found:
            removed[a] = found
        else:
            removed.pop(a, None)
        for name, value in values_of.items():
            _column(columns, name, empty)[a] = value
        for name, value in spans_of.items():
            _column(columns, f"spans.{name}", empty)[a] = value
        for name, items in lists.items():
            _column(columns, name, nothing)[a] = tuple(items)
        for name, item_spans in list_spans.items():
            _column(columns, f"spans.{name}", nothing)[a] = tuple(item_spans)
    for a in sorted(removed):
        _warn_removed(state, removed[a])
    column = columns.get
    spans = Spans._many(
        title_spans,
        column("spans.dateline", empty),
        column("spans.dateline_place", empty),
        column("spans.dateline_agency", empty),
        column("spans.byline", empty),
        column("spans.updated", empty),
        column("spans.published", empty),
        paragraph_spans,
        column("spans.related_headlines", nothing),
        source_spans,
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
        paragraphs,
        column("related_headlines", nothing),
        sources,
        column("keywords", nothing),
        nothing,
        column("similar", nothing),
        column("boilerplate", nothing),
        spans,
        parts,
        nothing,
    )


# From this many read-also articles on, they are built column by column (below it, the
# columns' set-up costs more than building each on its own).
_COLUMNS = 12


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


def build_article(state: PageState) -> Article:
    """Build the page's main article, with its read-also articles inside it."""
    n = state.n_articles
    pieces, whole = state.pieces, state.whole
    cuts = (state.cut_starts, state.cut_ends)
    values: _Values = ({}, {})
    if n == 1:
        return _article(state, pieces, whole, cuts, values, last=True)
    # The main article's pieces, lines and cuts, then the read-also articles' (each list in
    # the order it was made), picked out in C-level passes.
    article = state.article
    piece_articles = [article[p[LINE]] if p[ARTICLE] is None else p[ARTICLE] for p in pieces]
    whole_articles = list(map(article.__getitem__, whole))
    cut_articles = list(map(article.__getitem__, state.cut_lines))

    def mains(column: list[Any], articles: list[int]) -> list[Any]:
        return list(compress(column, map(eq, articles, repeat(MAIN))))

    def others(column: list[Any], articles: list[int]) -> list[Any]:
        return list(compress(column, map(ne, articles, repeat(MAIN))))

    main = _article(
        state,
        mains(pieces, piece_articles),
        mains(whole, whole_articles),
        (mains(cuts[0], cut_articles), mains(cuts[1], cut_articles)),
        values,
    )
    embed = _embedded if n - 1 >= _COLUMNS else _one_by_one
    read_also = embed(
        state,
        n,
        others(pieces, piece_articles),
        others(piece_articles, piece_articles),
        others(whole, whole_articles),
        others(whole_articles, whole_articles),
        (others(cuts[0], cut_articles), others(cuts[1], cut_articles)),
        others(cut_articles, cut_articles),
        values,
    )
    return attrs.evolve(main, read_also=tuple(read_also), warnings=tuple(state.warnings))
