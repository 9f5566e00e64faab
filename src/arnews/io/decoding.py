"""Decoding one input into a :class:`~arnews.io.items.Doc` (in the workers): a text file's
bytes as UTF-8, a JSON Lines record's text and id fields, and the rest as its ``metadata``.

Example:
    >>> from arnews.io.items import Raw
    >>> decode(Raw("a.jsonl:1", "a.jsonl", b'{"id": 7, "text": "x", "url": "u"}', True))
    Doc(id=7, text='x', metadata={'url': 'u'})
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..lines import BLANKS
from ..model import replace_surrogates
from .items import Doc, Failure, Raw, safe_id

__all__ = ["decode", "metadata_of"]

_JSON_TYPES = {
    type(None): "null",
    bool: "a boolean",
    int: "a number",
    float: "a number",
    list: "an array",
    dict: "an object",
}


def _clean(value: Any) -> Any:
    # Strings (nearly all fields) on the fast path; the rest as safe_id makes them.
    return replace_surrogates(value) if isinstance(value, str) else safe_id(value)


def metadata_of(
    record: dict[str, Any],
    text_field: str = "text",
    id_field: str = "id",
    keep_fields: Sequence[str] | None = None,
) -> dict[str, Any]:
    """The ``metadata`` of a record: its fields but the text and id fields, JSON-safe (see
    :func:`safe_id`), or only ``keep_fields`` of them (in that order) when given.

    Example:
        >>> metadata_of({"id": 1, "text": "x", "url": "u", "n": float("nan")})
        {'url': 'u', 'n': 'NaN'}
        >>> metadata_of({"text": "x", "url": "u", "n": 2}, keep_fields=["n"])
        {'n': 2}
    """
    if keep_fields is not None:
        return {
            replace_surrogates(k): _clean(record[k])
            for k in keep_fields
            if k in record and k not in (text_field, id_field)
        }
    return {
        replace_surrogates(k): _clean(v)
        for k, v in record.items()
        if k != text_field and k != id_field
    }


def decode(
    raw: Raw,
    text_field: str = "text",
    id_field: str = "id",
    keep_fields: Sequence[str] | None = None,
) -> Doc | Failure:
    """Return the :class:`Doc` of one input, or the :class:`Failure` that explains why not.

    A file's metadata is ``{"path": …}``; a record's is :func:`metadata_of` it.
    ``keep_fields`` keeps only those fields (``()``: none).

    Example:
        >>> decode(Raw("a.jsonl:1", "a.jsonl", b'{"id": NaN, "text": "x"}', True))
        Doc(id='NaN', text='x', metadata={})
    """
    if not raw.jsonl:
        source = replace_surrogates(raw.source)
        meta: dict[str, Any] = {} if raw.source == "-" else {"path": source}
        if keep_fields is not None:
            meta = {k: meta[k] for k in keep_fields if k in meta}
        try:
            text = raw.data.decode("utf-8")
        except UnicodeDecodeError as exc:
            return Failure(
                raw.source, raw.where, "not_utf8", f"not valid UTF-8 at byte {exc.start}", meta
            )
        if not text.strip(BLANKS):
            what = "empty file" if not raw.data else "empty file (white space only)"
            return Failure(raw.source, raw.where, "empty", what, meta)
        # A file name that is not UTF-8 reaches Python with lone surrogates in it.
        return Doc(source, text, meta)
    try:
        line = raw.data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Failure(
            raw.where,
            raw.where,
            "not_utf8",
            f"not valid UTF-8 at byte {raw.offset + exc.start} of the file",
        )
    try:
        record = json.loads(line.lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        return Failure(
            raw.where, raw.where, "bad_json", f"not valid JSON: {exc.msg} (column {exc.colno})"
        )
    except (ValueError, RecursionError) as exc:
        return Failure(raw.where, raw.where, "bad_json", f"not valid JSON: {exc}")
    if not isinstance(record, dict):
        kind = _JSON_TYPES.get(type(record), "a string")
        return Failure(raw.where, raw.where, "bad_record", f"expected a JSON object, got {kind}")
    doc_id = safe_id(record.get(id_field, raw.where), raw.where)
    meta = metadata_of(record, text_field, id_field, keep_fields)
    if text_field not in record:
        keys = replace_surrogates(", ".join(list(record)[:8]) or "none")
        why = f"no {text_field!r} field (fields: {keys})"
        return Failure(doc_id, raw.where, "bad_record", why, meta)
    text = record[text_field]
    if not isinstance(text, str):
        kind = _JSON_TYPES.get(type(text), "not a string")
        why = f"field {text_field!r} is {kind}, not a string"
        return Failure(doc_id, raw.where, "bad_record", why, meta)
    if not text.strip(BLANKS):
        return Failure(doc_id, raw.where, "empty", f"field {text_field!r} is empty", meta)
    return Doc(doc_id, replace_surrogates(text), meta)
