"""Reading Parquet input (``--input-format parquet``, or a ``.parquet`` file): one document a
row, read a batch of rows at a time, so memory stays bounded whatever the file's size.

Each row is handed on as a JSON record (:class:`~arnews.io.items.Raw` with ``jsonl=True``),
so that it is decoded as a JSON Lines record is: the same text and id fields, the same
errors, the other columns as ``metadata``. Values JSON has no type for become text: a
timestamp or date its ISO 8601 form, a decimal its digits, bytes their UTF-8 reading. A row's
place is ``path:ROW``, counting rows from 0. Needs pyarrow (``pip install 'arnews[parquet]'``).

Example:
    >>> import tempfile, pyarrow as pa, pyarrow.parquet as pq
    >>> path = tempfile.mkstemp(suffix=".parquet")[1]
    >>> pq.write_table(pa.table({"text": ["نص."], "url": ["u"]}), path)
    >>> [raw.data for raw in read_parquet(path)]
    [b'{"text": "\\xd9\\x86\\xd8\\xb5.", "url": "u"}']
"""

from __future__ import annotations

import base64
import datetime
import decimal
import json
from collections.abc import Iterator, Sequence
from typing import Any

from .items import Failure, Raw, safe_id

__all__ = ["BATCH_ROWS", "read_parquet"]

#: Rows decoded to Python at a time: a few hundred pages, a few megabytes.
BATCH_ROWS = 256

NEEDS_PYARROW = "reading Parquet needs pyarrow: pip install 'arnews[parquet]'"


def _plain(value: Any) -> Any:
    """A value JSON has no type for, as text."""
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return base64.b64encode(value).decode("ascii")
    if isinstance(value, decimal.Decimal | datetime.timedelta):
        return str(value)
    return repr(value)


def _row_json(row: dict[str, Any]) -> bytes:
    # NaN stays NaN here (allow_nan): the decoder makes it the string "NaN", as for JSON Lines.
    return json.dumps(row, ensure_ascii=False, default=_plain).encode("utf-8", "surrogatepass")


def read_parquet(
    path: str,
    *,
    text_field: str = "text",
    id_field: str = "id",
    keep_fields: Sequence[str] | None = None,
    max_chars: int = 0,
    batch_rows: int = BATCH_ROWS,
) -> Iterator[Raw | Failure]:
    """Yield one JSON record (undecoded) per row of the Parquet file ``path``, or a
    :class:`Failure`: ``bad_record`` once for a file with no ``text_field`` column,
    ``bad_parquet`` for a file that is not Parquet or is damaged (after the rows before the
    damage), ``too_large`` for a row whose text is over ``max_chars`` characters (0: no
    limit), ``empty`` for a file with no rows. With ``keep_fields``, only the text, id and
    kept columns are read.
    """
    try:
        import pyarrow as pa  # type: ignore[import-untyped]
        import pyarrow.parquet as pq  # type: ignore[import-untyped]
    except ImportError:
        yield Failure(path, path, "unreadable", NEEDS_PYARROW)
        return
    try:
        table = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as exc:
        yield _broken(path, exc)
        return
    names = table.schema_arrow.names
    if text_field not in names:
        shown = ", ".join(names[:8]) or "none"
        why = f"no {text_field!r} column (columns: {shown})"
        yield Failure(path, path, "bad_record", why)
        return
    columns = None
    if keep_fields is not None:
        wanted = {text_field, id_field, *keep_fields}
        columns = [name for name in names if name in wanted]
    row = 0
    try:
        with table:
            for batch in table.iter_batches(batch_size=batch_rows, columns=columns):
                for record in batch.to_pylist():
                    where = f"{path}:{row}"
                    row += 1
                    text = record.get(text_field)
                    if max_chars and isinstance(text, str) and len(text) > max_chars:
                        doc_id = safe_id(record.get(id_field, where), where)
                        why = f"{len(text):,} characters, over --max-chars {max_chars:,}"
                        yield Failure(doc_id, where, "too_large", why)
                        continue
                    yield Raw(where, path, _row_json(record), True, 0)
    except (pa.ArrowException, OSError) as exc:
        yield _broken(path, exc, row)
        return
    if row == 0:
        yield Failure(path, path, "empty", "empty file (no rows)")


def _broken(path: str, exc: BaseException, rows: int = 0) -> Failure:
    errno = getattr(exc, "errno", None)
    if isinstance(exc, OSError) and errno is not None:
        return Failure(path, path, "unreadable", exc.strerror or str(exc))
    after = f" after row {rows - 1:,}" if rows else ""
    return Failure(path, path, "bad_parquet", f"not a Parquet file, or damaged{after}: {exc}")
