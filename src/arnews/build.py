"""Turning the claimed pieces of a :class:`~arnews.state.PageState` into an :class:`Article`.

Runs once, after the detectors. Each piece becomes a :class:`~arnews.model.Part`; the
article's fields take the cleaned text of the pieces of their kind, in input order.
"""

from __future__ import annotations

from typing import Any

import attrs

from .model import Article, Dateline, Part, Span, Spans
from .normalize import fold
from .state import MAIN, PageState, Piece
from .text import clean

__all__ = ["build_article"]


def _article(state: PageState, pieces: list[Piece]) -> Article:
    text = state.text
    pieces.sort(key=lambda p: p.start)
    fields: dict[str, Any] = {}
    spans: dict[str, Any] = {}
    lists: dict[str, list[str]] = {
        "paragraphs": [],
        "related_headlines": [],
        "similar": [],
        "boilerplate": [],
        "keywords": [],
    }
    list_spans: dict[str, list[Span]] = {k: [] for k in lists}
    seen_tags: set[str] = set()
    plural = {
        "paragraph": "paragraphs",
        "related_headline": "related_headlines",
        "similar": "similar",
        "boilerplate": "boilerplate",
    }

    for p in pieces:
        kind = p.kind
        if kind in plural:
            value = clean(text[p.start : p.end])
            if value:
                lists[plural[kind]].append(value)
                list_spans[plural[kind]].append((p.start, p.end))
        elif kind == "keywords":
            for s, e in p.value or [(p.start, p.end)]:
                tag = clean(text[s:e])
                key = fold(tag)
                if tag and key not in seen_tags:
                    seen_tags.add(key)
                    lists["keywords"].append(tag)
                    list_spans["keywords"].append((s, e))
        elif kind in ("title", "source") and kind not in fields:
            fields[kind] = clean(text[p.start : p.end])
            spans[kind] = (p.start, p.end)
        elif kind in ("updated", "published") and kind not in fields:
            fields[kind] = p.value
            spans[kind] = (p.start, p.end)
        elif kind == "dateline" and "dateline" not in fields:
            place, agency = p.value["place"], p.value["agency"]
            fields["dateline"] = Dateline(
                place=None if place is None else place[0],
                agency=None if agency is None else agency[0],
            )
            spans["dateline"] = (p.start, p.end)
            spans["dateline_place"] = None if place is None else place[1]
            spans["dateline_agency"] = None if agency is None else agency[1]

    return Article(
        title=fields.get("title"),
        dateline=fields.get("dateline"),
        updated=fields.get("updated"),
        published=fields.get("published"),
        source=fields.get("source"),
        paragraphs=lists["paragraphs"],
        related_headlines=lists["related_headlines"],
        keywords=lists["keywords"],
        similar=lists["similar"],
        boilerplate=lists["boilerplate"],
        spans=Spans(**spans, **{k: tuple(v) for k, v in list_spans.items()}),
        parts=[Part(p.kind, p.start, p.end, p.name) for p in pieces],
    )


def build_article(state: PageState) -> Article:
    """Build the page's main article, with its read-also articles inside it."""
    buckets: list[list[Piece]] = [[] for _ in range(state.n_articles)]
    for piece in state.pieces:
        buckets[state.article_of(piece)].append(piece)
    articles = [_article(state, bucket) for bucket in buckets]
    return attrs.evolve(articles[MAIN], read_also=articles[MAIN + 1 :], warnings=state.warnings)
