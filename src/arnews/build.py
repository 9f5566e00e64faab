"""Turning the claimed pieces of a :class:`~arnews.state.PageState` into an :class:`Article`.

Runs once, after the detectors. Each piece becomes a :class:`~arnews.model.Part`; the
article's fields take the cleaned text of the pieces of their kind, in input order.
"""

from __future__ import annotations

import operator
from bisect import bisect_left
from itertools import repeat
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


def _fields(
    state: PageState, pieces: list[Piece], removed: list[Span]
) -> tuple[dict[str, Any], dict[str, Any], dict[str, list[str]], dict[str, list[Span]]]:
    """The article's field values and spans from its pieces (paragraphs and markers aside)."""
    text = state.text
    fields: dict[str, Any] = {}
    spans: dict[str, Any] = {}
    lists: dict[str, list[str]] = {}
    list_spans: dict[str, list[Span]] = {}
    tags: list[str] | None = None  # the keywords as found, repeats included
    tag_spans: list[Span] = []
    values: dict[str, tuple[str, bool]] = {}
    for p in pieces:
        kind = p[KIND]
        if kind == "marker" or kind == "paragraph":
            continue
        start, end = p[START], p[END]
        name = _LIST_FIELDS.get(kind)
        if name is not None:
            raw = text[start:end]
            # Furniture and lists repeat: each distinct text is cleaned once.
            known = values.get(raw)
            if known is None:
                before = len(removed)
                value = _short(raw, removed, (start, end)) if kind in _SHORT_LISTS else clean(raw)
                values[raw] = (value, len(removed) > before)
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
            fields[kind] = _short(text[start:end], removed, (start, end))
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


# A part column each: kinds, starts, ends, names.
_PartColumns = tuple[list[str], list[int], list[int], list[str | None]]


def _small_columns(
    state: PageState, pieces: list[Piece], whole: list[int], cuts: tuple[list[int], list[int]]
) -> tuple[list[Piece], _PartColumns, list[int], list[int], list[str]]:
    """The parts' and paragraphs' columns of an article of a few parts, by one sort.

    Whole-line and cut paragraphs become pieces too: below a dozen parts, one sort of
    tuples costs less than merging the columns.
    """
    rows = pieces.copy()
    if whole:
        starts, ends = state.starts, state.ends
        rows.extend([(i, "paragraph", starts[i], ends[i], None, None, None) for i in whole])
    if cuts[0]:
        rows.extend([(-1, "paragraph", s, e, None, None, None) for s, e in zip(*cuts, strict=True)])
    if len(rows) > 1:
        rows.sort(key=_START)
    paragraphs = [r for r in rows if r[KIND] == "paragraph"]
    p_starts = list(map(_START, paragraphs))
    p_ends = list(map(_END, paragraphs))
    columns = (
        list(map(_KIND, rows)),
        list(map(_START, rows)),
        list(map(_END, rows)),
        list(map(_NAME, rows)),
    )
    text = state.text
    return rows, columns, p_starts, p_ends, [text[r[START] : r[END]] for r in paragraphs]


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
    *,
    last: bool = False,
) -> Article:
    """One article from its pieces; the ``last`` one built carries the page's warnings."""
    columns = _small_columns if len(pieces) + len(whole) + len(cuts[0]) <= _SMALL else _bulk_columns
    pieces, (kinds, starts, ends, names), p_starts, p_ends, p_raw = columns(
        state, pieces, whole, cuts
    )
    removed: list[Span] = []
    fields, spans, lists, list_spans = _fields(state, pieces, removed)
    # Through a list: tuple() of an iterator of unknown length grows the tuple by
    # reallocation, and each new block is young again for the garbage collector, which
    # then walks it whole; on a page of half a million paragraphs that doubles the cost.
    spans["paragraphs"] = tuple(list(zip(p_starts, p_ends, strict=True)))  # noqa: C414
    for field, field_spans in list_spans.items():
        spans[field] = tuple(field_spans)

    if removed:
        state.warn(
            "controls_removed",
            f"zero-width or bidi control characters were removed from {len(removed)} short "
            "field value(s) (source, title, dateline, byline, keywords, headlines); "
            "spans keep the raw text",
            removed[0][0],
            removed[0][1],
        )
    get = fields.get
    return Article(
        title=get("title"),
        dateline=get("dateline"),
        byline=get("byline"),
        updated=get("updated"),
        published=get("published"),
        source=get("source"),
        paragraphs=tuple(clean_many(p_raw)),
        related_headlines=tuple(lists.get("related_headlines", ())),
        keywords=tuple(lists.get("keywords", ())),
        similar=tuple(lists.get("similar", ())),
        boilerplate=tuple(lists.get("boilerplate", ())),
        spans=Spans(**spans),
        parts=Parts.from_columns(kinds, starts, ends, names),
        warnings=tuple(state.warnings) if last else (),
    )


def _by_article(keys: list[int], n: int, *columns: list[Any]) -> tuple[list[int], list[Any]]:
    """Where each article's run starts, and ``columns`` sorted (stably) by their article
    ``keys``: article ``a`` has ``column[bounds[a] : bounds[a + 1]]`` of each."""
    order = sorted(range(len(keys)), key=keys.__getitem__)
    ranked = _pick(keys, order)
    bounds = list(map(bisect_left, repeat(ranked), range(n + 1)))
    return bounds, [_pick(column, order) for column in columns]


def build_article(state: PageState) -> Article:
    """Build the page's main article, with its read-also articles inside it."""
    n = state.n_articles
    if n == 1:
        return _article(
            state, state.pieces, state.whole, (state.cut_starts, state.cut_ends), last=True
        )
    # Each article's pieces, whole lines and cuts are slices of lists sorted by article, made
    # as the article is built and dropped after: a chain of fifty thousand articles keeps no
    # list per article alive for the garbage collector to walk.
    article = state.article
    piece_articles = [article[p[LINE]] if p[ARTICLE] is None else p[ARTICLE] for p in state.pieces]
    p_at, (pieces,) = _by_article(piece_articles, n, state.pieces)
    w_at, (whole,) = _by_article(list(map(article.__getitem__, state.whole)), n, state.whole)
    cut_articles = list(map(article.__getitem__, state.cut_lines))
    c_at, (cut_starts, cut_ends) = _by_article(cut_articles, n, state.cut_starts, state.cut_ends)
    articles = [
        _article(
            state,
            pieces[p_at[a] : p_at[a + 1]],
            whole[w_at[a] : w_at[a + 1]],
            (cut_starts[c_at[a] : c_at[a + 1]], cut_ends[c_at[a] : c_at[a + 1]]),
        )
        for a in range(n)
    ]
    return attrs.evolve(
        articles[MAIN], read_also=tuple(articles[MAIN + 1 :]), warnings=tuple(state.warnings)
    )
