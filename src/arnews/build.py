"""Turning the claimed pieces of a :class:`~arnews.state.PageState` into an :class:`Article`.

Runs once, after the detectors. Each piece becomes a :class:`~arnews.model.Part`; the
article's fields take the cleaned text of the pieces of their kind, in input order.
"""

from __future__ import annotations

import operator
from typing import Any

import attrs

from .lines import BLANKS
from .model import Article, Dateline, Parts, Span, Spans
from .normalize import fold
from .state import MAIN, PageState, Piece
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
_START = operator.attrgetter("start")
_PARAGRAPH: tuple[str, str | None] = ("paragraph", None)


def _short(raw: str, removed: list[Span], span: Span) -> str:
    """The value of a short field: controls removed (noted in ``removed``), spaces cleaned."""
    stripped = raw.translate(_CONTROL_TABLE)
    if len(stripped) != len(raw):
        removed.append(span)
    return clean(stripped)


def _short_at(text: str, span: Span, removed: list[Span]) -> str:
    return _short(text[span[0] : span[1]], removed, span)


def _merge(
    first: tuple[list[int], list[int], list[Any]], second: tuple[list[int], list[int], list[Any]]
) -> tuple[list[int], list[int], list[Any]]:
    """Two runs of (starts, ends, values), each in input order, as one run in input order."""
    if not first[0]:
        return second
    if not second[0]:
        return first
    starts = first[0] + second[0]
    order = sorted(range(len(starts)), key=starts.__getitem__)
    ends = first[1] + second[1]
    values = first[2] + second[2]
    return (
        list(map(starts.__getitem__, order)),
        list(map(ends.__getitem__, order)),
        list(map(values.__getitem__, order)),
    )


def _article(
    state: PageState, pieces: list[Piece], whole: list[int], cuts: tuple[list[int], list[int]]
) -> Article:
    text = state.text
    if len(pieces) > 1:
        pieces.sort(key=_START)
    fields: dict[str, Any] = {}
    spans: dict[str, Any] = {}
    lists: dict[str, list[str]] = {}
    list_spans: dict[str, list[Span]] = {}
    seen_tags: set[str] = set()
    removed: list[Span] = []
    values: dict[str, tuple[str, bool]] = {}
    # Paragraphs cut from lines (whole-line ones come below), and the parts' columns.
    cut_starts: list[int] = []
    cut_ends: list[int] = []
    cut_raw: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    labels: list[tuple[str, str | None]] = []

    for p in pieces:
        kind, start, end = p.kind, p.start, p.end
        starts.append(start)
        ends.append(end)
        labels.append((kind, p.name))
        if kind == "paragraph":
            cut_starts.append(start)
            cut_ends.append(end)
            cut_raw.append(text[start:end])
            continue
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
            tags = lists.setdefault("keywords", [])
            tag_spans = list_spans.setdefault("keywords", [])
            for s, e in p.value or [(start, end)]:
                tag = _short(text[s:e], removed, (s, e))
                key = fold(tag)
                if tag and key not in seen_tags:
                    seen_tags.add(key)
                    tags.append(tag)
                    tag_spans.append((s, e))
        elif kind in ("title", "source") and kind not in fields:
            fields[kind] = _short(text[start:end], removed, (start, end))
            spans[kind] = (start, end)
        elif kind in ("updated", "published") and kind not in fields:
            fields[kind] = p.value
            spans[kind] = (start, end)
        elif kind == "dateline" and "dateline" not in fields:
            place, agency = p.value["place"], p.value["agency"]
            fields["dateline"] = Dateline(
                place=None if place is None else _short_at(text, place[1], removed),
                agency=None if agency is None else _short_at(text, agency[1], removed),
            )
            spans["dateline"] = (start, end)
            spans["dateline_place"] = None if place is None else place[1]
            spans["dateline_agency"] = None if agency is None else agency[1]

    # Whole-line paragraphs come as line numbers: their offsets and texts are read in
    # C-level passes and merged with the paragraphs cut from lines, in input order.
    if whole or cuts[0]:
        w_starts = list(map(state.starts.__getitem__, whole))
        w_ends = list(map(state.ends.__getitem__, whole))
        w_raw = list(map(state.texts.__getitem__, whole))
        if cuts[0]:
            # Paragraphs the paragraphs detector cut from lines in bulk (glued sentences).
            c_raw = list(map(text.__getitem__, map(slice, cuts[0], cuts[1])))
            w_starts, w_ends, w_raw = _merge((w_starts, w_ends, w_raw), (*cuts, c_raw))
        n_bulk = len(w_starts)
        if cut_starts:
            p_starts, p_ends, p_raw = _merge(
                (w_starts, w_ends, w_raw), (cut_starts, cut_ends, cut_raw)
            )
        else:
            p_starts, p_ends, p_raw = w_starts, w_ends, w_raw
        if starts:
            starts, ends, labels = _merge(
                (w_starts, w_ends, [_PARAGRAPH] * n_bulk), (starts, ends, labels)
            )
            kinds, names = map(list, zip(*labels, strict=True))
        else:
            starts, ends = w_starts, w_ends
            kinds, names = ["paragraph"] * n_bulk, [None] * n_bulk
    else:
        p_starts, p_ends, p_raw = cut_starts, cut_ends, cut_raw
        kinds = [k for k, _ in labels]
        names = [m for _, m in labels]
    spans["paragraphs"] = tuple(zip(p_starts, p_ends, strict=True))
    for field, field_spans in list_spans.items():
        spans[field] = tuple(field_spans)

    if removed:
        state.warn(
            "controls_removed",
            f"zero-width or bidi control characters were removed from {len(removed)} short "
            "field value(s) (source, title, dateline, keywords, headlines); "
            "spans keep the raw text",
            removed[0][0],
            removed[0][1],
        )
    get = fields.get
    return Article(
        title=get("title"),
        dateline=get("dateline"),
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
    )


def build_article(state: PageState) -> Article:
    """Build the page's main article, with its read-also articles inside it."""
    n = state.n_articles
    buckets: list[list[Piece]] = [[] for _ in range(n)]
    article = state.article
    for piece in state.pieces:
        buckets[article[piece.line] if piece.article is None else piece.article].append(piece)
    cuts: list[tuple[list[int], list[int]]]
    if n == 1:
        wholes = [state.whole]
        cuts = [(state.cut_starts, state.cut_ends)]
    else:
        wholes = [[] for _ in range(n)]
        for i in state.whole:
            wholes[article[i]].append(i)
        cuts = [([], []) for _ in range(n)]
        for line, start, end in zip(state.cut_lines, state.cut_starts, state.cut_ends, strict=True):
            bucket = cuts[article[line]]
            bucket[0].append(start)
            bucket[1].append(end)
    articles = [
        _article(state, bucket, w, c) for bucket, w, c in zip(buckets, wholes, cuts, strict=True)
    ]
    return attrs.evolve(
        articles[MAIN], read_also=tuple(articles[MAIN + 1 :]), warnings=tuple(state.warnings)
    )
