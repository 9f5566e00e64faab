"""The items that flow from the readers to the workers: :class:`Raw` (a document's bytes),
:class:`Doc` (a decoded document), :class:`Failure` (an input that gave none).

Example:
    >>> Failure("a.txt", "a.txt", "empty", "empty file").line()
    'arnews: error: a.txt: empty file'
"""

from __future__ import annotations

import json
import math
from typing import Any, NamedTuple

from ..model import has_surrogates, replace_surrogates

__all__ = ["PROG", "Doc", "Failure", "Raw", "safe_id"]

PROG = "arnews"


class Doc(NamedTuple):
    """One decoded document: its id, its text, and the input's other fields.

    Example:
        >>> Doc(7, "x", {"url": "u"}).metadata
        {'url': 'u'}
    """

    #: The record's id field, or the file's path, or ``path:line``.
    id: Any
    #: The page's text.
    text: str
    #: The input record's other fields (JSON-safe), or ``{"path": …}`` for a file.
    metadata: dict[str, Any]


class Raw(NamedTuple):
    """One document's undecoded input: a whole text file, or one line of a JSON Lines file."""

    #: Where it came from, for messages: ``path`` or ``path:line``.
    where: str
    #: The file's path (``-`` for standard input).
    source: str
    #: The bytes: the file's content, or the JSON line.
    data: bytes
    #: ``True`` when ``data`` is one JSON Lines record.
    jsonl: bool = False
    #: Byte offset of ``data`` in its file (for JSON Lines error messages).
    offset: int = 0


class Failure(NamedTuple):
    """An input that gave no document, with the reason."""

    #: The record's id: the path, the record's id field, or ``path:line``.
    id: Any
    #: Where, for the message: ``path`` or ``path:line``.
    where: str
    #: Stable code (see the corpus guide's table): ``not_found``, ``unreadable``,
    #: ``no_match``, ``not_utf8``, ``empty``, ``bad_json``, ``bad_record``, ``too_large``,
    #: ``dangling_link``, ``outside_link``, ``not_a_file``, ``worker_died``,
    #: ``out_of_memory``, ``internal_error``, ``bad_compression``, ``bad_parquet``.
    code: str
    #: What went wrong, for people.
    message: str
    #: The input's other fields, where the document was read far enough to know them.
    metadata: dict[str, Any] | None = None

    def line(self) -> str:
        """The message on standard error: ``arnews: error: WHERE: MESSAGE``."""
        return f"{PROG}: error: {self.where}: {self.message}"

    def record(self) -> dict[str, Any]:
        """The error record written in the document's place with ``--errors record``."""
        record = {
            "id": safe_id(self.id, self.where),
            "error": {"code": self.code, "message": replace_surrogates(self.message)},
        }
        if self.metadata is not None:
            record["metadata"] = self.metadata
        return record


def safe_id(value: Any, fallback: str = "") -> Any:
    """An id that every output format can hold as strict JSON.

    Strings keep their text with lone surrogates as U+FFFD; numbers JSON cannot write (NaN,
    Infinity, a literal out of the float range such as ``1e999``) become the strings
    ``"NaN"``, ``"Infinity"``, ``"-Infinity"``; an array or object that holds one of them
    becomes its JSON text, a string. An id nested too deep to write becomes ``fallback``.

    Example:
        >>> safe_id(float("nan")), safe_id(7), safe_id([1, float("inf")])
        ('NaN', 7, '[1, Infinity]')
    """
    if isinstance(value, str):
        return replace_surrogates(value)
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else json.dumps(value)
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    except ValueError:
        return replace_surrogates(json.dumps(value, ensure_ascii=False))
    except RecursionError:
        return fallback
    return json.loads(replace_surrogates(text)) if has_surrogates(text) else value
