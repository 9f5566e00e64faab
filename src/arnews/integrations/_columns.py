"""One article as a row of typed columns: the shape the table integrations share.

The Hugging Face (:mod:`arnews.integrations.hf`) and Spark (:mod:`arnews.integrations.spark`)
integrations and the datatrove step's metadata (:mod:`arnews.integrations.datatrove`) all
write this row: the fields of :meth:`arnews.Article.to_dict`, named and ordered as there (the
command's JSON Lines record), then ``text``, the clean body (:attr:`arnews.Article.text`).
Texts and the ISO 8601 ``updated`` and ``published`` are strings, ``dateline`` is a struct
``{place, agency}``, lists of strings are lists, and ``read_also`` is a list of the same row
(a read-also article holds no read-also of its own, so the type does not recurse). With
``spans=True`` a row (and each read-also row) also has ``spans``, ``parts`` and ``warnings``.

:func:`arrow_schema` is the one description of the types; the frameworks' own types
(``datasets.Features``, Spark's ``StructType``) are made from it, so they cannot drift apart.

Example:
    >>> from arnews import parse
    >>> row = article_row(parse("خبر قصير.\\n\\nالمصدر: رويترز"))
    >>> row["source"], row["text"], list(row)[-1]
    ('رويترز', 'خبر قصير.', 'text')
"""

from __future__ import annotations

from typing import Any

from ..model import Article

__all__ = ["arrow_schema", "article_row", "column_names"]


def _nested(record: dict[str, Any], article: Article, spans: bool) -> dict[str, Any]:
    # A read-also row: its record without the (always empty) read_also of its own.
    del record["read_also"]
    if spans:
        _complete(record)
    record["text"] = article.text
    return record


def _complete(record: dict[str, Any]) -> None:
    # A part's "name" is left out of the JSON when unset; a table's struct has it always.
    record["parts"] = [p if "name" in p else {**p, "name": None} for p in record["parts"]]


def article_row(article: Article, *, spans: bool = False) -> dict[str, Any]:
    """The columns of one article: ``article.to_dict(spans=spans)`` plus ``text``.

    Every value is JSON-safe (strings, numbers, ``None``, lists and dicts of them), so the
    row also serves as a datatrove document's metadata.

    Example:
        >>> from arnews import parse
        >>> article_row(parse("نص."))["dateline"] is None
        True
    """
    row = article.to_dict(spans=spans)
    row["read_also"] = [
        _nested(record, read_also, spans)
        for record, read_also in zip(row["read_also"], article.read_also, strict=True)
    ]
    if spans:
        _complete(row)
    row["text"] = article.text
    return row


def column_names(*, spans: bool = False) -> tuple[str, ...]:
    """The names of :func:`article_row`'s columns, in order (no framework needed).

    Example:
        >>> column_names()[:3], column_names()[-1]
        (('title', 'dateline', 'byline'), 'text')
    """
    return (*Article().to_dict(spans=spans), "text")


def arrow_schema(*, spans: bool = False) -> Any:
    """The Arrow schema of :func:`article_row` (needs pyarrow).

    Example:
        >>> str(arrow_schema().field("keywords").type)
        'list<item: string>'
    """
    import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]

    from ..io.writers import span_fields

    string = pa.string()
    strings = pa.list_(string)
    types: dict[str, Any] = {
        "dateline": pa.struct([("place", string), ("agency", string)]),
        "paragraphs": strings,
        "related_headlines": strings,
        "keywords": strings,
        "similar": strings,
        "boilerplate": strings,
    }
    if spans:
        types.update(span_fields())
    names = column_names(spans=spans)
    # Each name not typed above is a string: title, byline, source, the dates, text.
    nested = pa.struct([(n, types.get(n, string)) for n in names if n != "read_also"])
    types["read_also"] = pa.list_(nested)
    return pa.schema([(n, types.get(n, string)) for n in names])
