"""What each worker returns for one article: its output record in each format, or the
summary ``arnews stats`` counts."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, NamedTuple

from ..io.readers import Doc
from ..io.writers import (
    csv_bytes,
    encode,
    id_text,
    json_line,
    metadata_text,
)
from ..model import Article, json_record

SECTIONS = (
    "title",
    "dateline",
    "byline",
    "updated",
    "published",
    "source",
    "keywords",
    "read_also",
    "similar",
    "related_headlines",
    "boilerplate",
)
#: What CSV joins list items with.
CSV_JOIN = " | "

# --------------------------------------------------------------------------------------------
# Rendering (in the workers).


def render_json(doc: Doc, article: Article, spans: bool) -> bytes:
    """One JSON object (no newline): ``{"id": …, "text": article.text,
    **article.to_dict(spans=spans), "metadata": {…}}``; the shape corpus tools (datatrove's
    ``JsonlReader``) read as they are."""
    record = {"id": doc.id, "text": article.text, **json_record(article, spans=spans)}
    record["metadata"] = doc.metadata
    return json_line(record)


def render_txt(doc: Doc, article: Article, spans: bool) -> bytes:
    """The clean body: one paragraph a line, then a blank line; nothing for an empty body."""
    if not article.paragraphs:
        return b""
    return encode("\n".join(p.replace("\n", " ") for p in article.paragraphs) + "\n\n")


def render_csv(doc: Doc, article: Article, spans: bool) -> bytes:
    """One CSV row of :data:`CSV_COLUMNS`: lists joined with :data:`CSV_JOIN`, ``text`` the
    clean body (paragraphs separated by a blank line), ``read_also`` a JSON array,
    ``metadata`` a JSON object."""
    dateline = article.dateline
    return csv_bytes(
        [
            id_text(doc.id),
            article.text,
            article.title,
            dateline and dateline.place,
            dateline and dateline.agency,
            article.byline,
            article.updated and article.updated.isoformat(),
            article.published and article.published.isoformat(),
            article.source,
            CSV_JOIN.join(article.related_headlines),
            CSV_JOIN.join(article.keywords),
            CSV_JOIN.join(article.similar),
            CSV_JOIN.join(article.boilerplate),
            json.dumps([a.to_dict(spans=spans) for a in article.read_also], ensure_ascii=False)
            if article.read_also
            else "",
            CSV_JOIN.join(w.code for w in article.warnings),
            metadata_text(doc.metadata),
        ]
    )


def render_parquet(doc: Doc, article: Article, spans: bool) -> dict[str, Any]:
    """One row for :func:`parquet_schema`: the contract with native types (lists, a dateline
    struct, timestamps); ``read_also`` and ``metadata`` as JSON strings, since Parquet has no
    recursive type and the metadata's columns differ from one input to the next."""
    data = article.to_dict(spans=spans)
    data["id"] = id_text(doc.id)
    data["text"] = article.text
    data["metadata"] = metadata_text(doc.metadata)
    data["updated"] = article.updated
    data["published"] = article.published
    data["read_also"] = json.dumps(data["read_also"], ensure_ascii=False)
    return data


class Summary(NamedTuple):
    """What ``arnews stats`` needs of one article: small, so it crosses processes cheaply."""

    #: The names of the :data:`SECTIONS` the article has.
    present: tuple[str, ...]
    source: str | None
    keywords: tuple[str, ...]
    #: Its warning codes, each once.
    codes: tuple[str, ...]
    paragraphs: int


def summarise(doc: Doc, article: Article, spans: bool) -> Summary:
    """The :class:`Summary` of one article."""
    return Summary(
        tuple(name for name in SECTIONS if getattr(article, name)),
        article.source,
        article.keywords,
        tuple(sorted({w.code for w in article.warnings})),
        len(article.paragraphs),
    )


RENDERERS: dict[str, Callable[[Doc, Article, bool], Any]] = {
    "jsonl": render_json,
    "json": render_json,
    "csv": render_csv,
    "parquet": render_parquet,
    "txt": render_txt,
    "stats": summarise,
}
