"""Turning the claimed pieces of a :class:`~arnews.state.PageState` into an :class:`Article`.

Runs once, after the detectors. Each piece becomes a :class:`~arnews.model.Part`; the
article's fields take the cleaned text of the pieces of their kind, in input order.
"""

from __future__ import annotations

import operator
from typing import Any

import attrs

from .lines import BLANKS
from .model import Article, Dateline, Part, Span, Spans
from .normalize import fold
from .state import MAIN, PageState, Piece
from .text import clean

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


def _short(raw: str, removed: list[Span], span: Span) -> str:
    """The value of a short field: controls removed (noted in ``removed``), spaces cleaned."""
    stripped = raw.translate(_CONTROL_TABLE)
    if len(stripped) != len(raw):
        removed.append(span)
    return clean(stripped)


def _short_at(text: str, span: Span, removed: list[Span]) -> str:
    return _short(text[span[0] : span[1]], removed, span)


def _article(state: PageState, pieces: list[Piece]) -> Article:
    text = state.text
    pieces.sort(key=_START)
    fields: dict[str, Any] = {}
    spans: dict[str, Any] = {}
    lists: dict[str, list[str]] = {}
    list_spans: dict[str, list[Span]] = {}
    seen_tags: set[str] = set()
    removed: list[Span] = []

    for p in pieces:
        kind = p.kind
        name = _LIST_FIELDS.get(kind)
        if name is not None:
            raw = text[p.start : p.end]
            value = _short(raw, removed, (p.start, p.end)) if kind in _SHORT_LISTS else clean(raw)
            if value:
                if name not in lists:
                    lists[name] = []
                    list_spans[name] = []
                lists[name].append(value)
                list_spans[name].append((p.start, p.end))
        elif kind == "keywords":
            tags = lists.setdefault("keywords", [])
            tag_spans = list_spans.setdefault("keywords", [])
            for s, e in p.value or [(p.start, p.end)]:
                tag = _short(text[s:e], removed, (s, e))
                key = fold(tag)
                if tag and key not in seen_tags:
                    seen_tags.add(key)
                    tags.append(tag)
                    tag_spans.append((s, e))
        elif kind in ("title", "source") and kind not in fields:
            fields[kind] = _short(text[p.start : p.end], removed, (p.start, p.end))
            spans[kind] = (p.start, p.end)
        elif kind in ("updated", "published") and kind not in fields:
            fields[kind] = p.value
            spans[kind] = (p.start, p.end)
        elif kind == "dateline" and "dateline" not in fields:
            place, agency = p.value["place"], p.value["agency"]
            fields["dateline"] = Dateline(
                place=None if place is None else _short_at(text, place[1], removed),
                agency=None if agency is None else _short_at(text, agency[1], removed),
            )
            spans["dateline"] = (p.start, p.end)
            spans["dateline_place"] = None if place is None else place[1]
            spans["dateline_agency"] = None if agency is None else agency[1]

    if removed:
        state.warn(
            "controls_removed",
            f"zero-width or bidi control characters were removed from {len(removed)} short "
            "field value(s) (source, title, dateline, keywords, headlines); "
            "spans keep the raw text",
            removed[0][0],
            removed[0][1],
        )
    return Article(
        title=fields.get("title"),
        dateline=fields.get("dateline"),
        updated=fields.get("updated"),
        published=fields.get("published"),
        source=fields.get("source"),
        paragraphs=lists.get("paragraphs", ()),
        related_headlines=lists.get("related_headlines", ()),
        keywords=lists.get("keywords", ()),
        similar=lists.get("similar", ()),
        boilerplate=lists.get("boilerplate", ()),
        spans=Spans(**spans, **list_spans),
        parts=[Part(p.kind, p.start, p.end, p.name) for p in pieces],
    )


def build_article(state: PageState) -> Article:
    """Build the page's main article, with its read-also articles inside it."""
    buckets: list[list[Piece]] = [[] for _ in range(state.n_articles)]
    for piece in state.pieces:
        buckets[state.article_of(piece)].append(piece)
    articles = [_article(state, bucket) for bucket in buckets]
    return attrs.evolve(articles[MAIN], read_also=articles[MAIN + 1 :], warnings=state.warnings)
