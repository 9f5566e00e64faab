"""Writing the ``arnews`` command's outputs, so that a failed run damages nothing.

:class:`Output` writes a file under a temporary name in its folder (``.NAME.XXXX.part``) and
renames it into place only when it is complete: a run that fails, is stopped or killed never
leaves a half-written file under the final name, and an earlier file of that name stays as it
was until the new one replaces it whole. Standard output, devices and FIFOs are written
directly (there is nothing to rename). A file whose name ends in ``.gz``, ``.bz2``, ``.xz`` or
``.zst`` is written compressed (:mod:`arnews.io.compression`). The writers
(:class:`JsonLinesWriter` and its relatives, :class:`ParquetWriter`) turn rendered records into
the bytes of each format.

Example:
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.jsonl"
    >>> out = Output(str(target))
    >>> JsonLinesWriter(out.stream).write(b'{"id": 1}')
    >>> target.exists()
    False
    >>> out.commit()
    >>> target.read_text()
    '{"id": 1}\\n'
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import stat
import sys
import tempfile
from collections.abc import Sequence
from typing import IO, Any, Protocol

from ..model import Spans, replace_surrogates
from .compression import open_write
from .items import Failure

__all__ = [
    "CSV_COLUMNS",
    "CsvWriter",
    "JsonArrayWriter",
    "JsonLinesWriter",
    "Output",
    "ParquetWriter",
    "TextWriter",
    "Writer",
    "encode",
    "json_line",
    "metadata_text",
    "parquet_schema",
]


def encode(text: str) -> bytes:
    """UTF-8 bytes of ``text``, lone surrogates (which JSON escapes can carry) as U+FFFD.

    Example:
        >>> encode("a" + chr(0xDC00))
        b'a\\xef\\xbf\\xbd'
    """
    # Encoding is needed anyway: try it first, so a clean record (nearly all) is encoded once.
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return replace_surrogates(text).encode("utf-8")


# One encoder for all records: json.dumps builds a new one per call when given options, and
# records from to_dict() cannot be circular. allow_nan=False: the output is strict JSON (ids
# are made safe before they get here, see readers.safe_id).
_JSON = json.JSONEncoder(ensure_ascii=False, check_circular=False, allow_nan=False)


def json_line(record: dict[str, Any]) -> bytes:
    """One record as strict JSON, UTF-8, no newline.

    Example:
        >>> json_line({"id": "أ"}).decode()
        '{"id": "أ"}'
    """
    return encode(_JSON.encode(record))


def csv_bytes(row: Sequence[Any]) -> bytes:
    """One CSV row (``\\n``-terminated) as UTF-8.

    Example:
        >>> csv_bytes(["a", "b c"])
        b'a,b c\\n'
    """
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(row)
    return encode(buffer.getvalue())


def id_text(doc_id: Any) -> str:
    """An id as a table cell: a string as is, anything else as its JSON text.

    Example:
        >>> id_text("a"), id_text(7), id_text(None), id_text({"k": 1})
        ('a', '7', 'null', '{"k": 1}')
    """
    return doc_id if isinstance(doc_id, str) else json.dumps(doc_id, ensure_ascii=False)


def metadata_text(metadata: dict[str, Any] | None) -> str:
    """The ``metadata`` of a record as one table cell: its JSON text (``""`` when unknown).

    Example:
        >>> metadata_text({"url": "u"}), metadata_text(None)
        ('{"url": "u"}', '')
    """
    return "" if metadata is None else _JSON.encode(metadata)


CSV_COLUMNS = (
    "id",
    "text",
    "title",
    "dateline_place",
    "dateline_agency",
    "byline",
    "updated",
    "published",
    "source",
    "related_headlines",
    "keywords",
    "similar",
    "boilerplate",
    "read_also",
    "warnings",
    "metadata",
)


class Output:
    """Where the records go: standard output, or a file written under a temporary name.

    ``target`` ``None`` or ``-`` is standard output. A regular file (or a name that does not
    exist yet) is written as ``.NAME.XXXX.part`` in the same folder, then renamed over
    ``target`` by :meth:`commit`; :meth:`discard` removes it. Anything else (a device such as
    ``/dev/null``, a FIFO) is opened and written directly. With ``compression`` (``.gz``,
    ``.bz2``, ``.xz``, ``.zst``), :attr:`stream` compresses what is written to it, and
    :meth:`commit` ends the compressed stream before the rename.

    Raises:
        OSError: the folder cannot be written to.
    """

    def __init__(self, target: str | None, compression: str | None = None) -> None:
        #: How messages name the output.
        self.name = "standard output" if target in (None, "-") else str(target)
        self.target = None if target in (None, "-") else str(target)
        if self.target is not None and os.path.islink(self.target):
            # Written through the link, as `>` does, not over it.
            self.target = os.path.realpath(self.target)
        #: The temporary file's path, while there is one.
        self.temp: str | None = None
        self._own = False
        self.compression = compression
        #: The file itself (:attr:`stream` writes to it, compressed or not).
        self.raw: IO[bytes]
        if self.target is None:
            self.raw = sys.stdout.buffer
            self.stream: IO[bytes] = open_write(self.raw, compression)
            return
        try:
            mode = os.stat(self.target).st_mode
        except FileNotFoundError:
            mode = stat.S_IFREG
        self._own = True
        if not stat.S_ISREG(mode):
            self.raw = open(self.target, "wb")  # noqa: SIM115 - closed by commit/discard
            self.stream = self._wrap()
            return
        folder, name = os.path.split(os.path.abspath(self.target))
        fd, self.temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=folder)
        # mkstemp makes the file private; the result gets the mode any new file would get.
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        self.raw = os.fdopen(fd, "wb")
        self.stream = self._wrap()

    def _wrap(self) -> IO[bytes]:
        self.stream = self.raw  # until the compressing stream is made (discard needs one)
        try:
            return open_write(self.raw, self.compression)
        except BaseException:
            self.discard()
            raise

    @property
    def path(self) -> str:
        """The path to write to (the temporary file, when there is one)."""
        return self.temp or self.target or "-"

    def commit(self) -> None:
        """Flush, close and rename the temporary file into place.

        Raises:
            OSError: the data could not be written (disk full, I/O error, closed pipe).
        """
        if self.stream is not self.raw:
            self.stream.close()  # ends the compressed stream; the file stays open
        self.raw.flush()
        if self.temp is not None:
            # On disk before the rename: after a power cut the name holds the old file or
            # the whole new one, never an empty one.
            os.fsync(self.raw.fileno())
        if self._own:
            self.raw.close()
        if self.temp is not None:
            assert self.target is not None
            os.replace(self.temp, self.target)
            self.temp = None

    def discard(self) -> None:
        """Close without committing: the temporary file is removed, nothing is renamed."""
        if self.stream is not self.raw and not self.stream.closed:
            # Closed now, while its file is open: closed later, by the garbage collector, it
            # would write its trailer to a closed file and complain on stderr.
            with contextlib.suppress(Exception):
                self.stream.close()
        if self._own:
            with contextlib.suppress(OSError):
                self.raw.close()
        if self.temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.temp)
            self.temp = None


class Writer(Protocol):
    """What the command writes records through."""

    def write(self, payload: Any) -> None: ...

    def write_error(self, failure: Failure) -> None: ...

    def close(self) -> None: ...


class JsonLinesWriter:
    """One JSON object a line."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out

    def write(self, payload: Any) -> None:
        self.out.write(payload + b"\n")

    def write_error(self, failure: Failure) -> None:
        self.write(json_line(failure.record()))

    def close(self) -> None:
        self.out.flush()


class JsonArrayWriter(JsonLinesWriter):
    """One JSON array, one element a line; :meth:`close` ends the array."""

    def __init__(self, out: IO[bytes]) -> None:
        super().__init__(out)
        self.sep = b"[\n"

    def write(self, payload: Any) -> None:
        self.out.write(self.sep + payload)
        self.sep = b",\n"

    def close(self) -> None:
        self.out.write(b"[]\n" if self.sep == b"[\n" else b"\n]\n")
        self.out.flush()


class TextWriter(JsonLinesWriter):
    """The clean body only."""

    def write(self, payload: Any) -> None:
        self.out.write(payload)

    def write_error(self, failure: Failure) -> None:
        pass  # a plain-text corpus has no place for error records; stderr has the message


class CsvWriter(JsonLinesWriter):
    """CSV with a header; with ``errors``, two more columns for error records."""

    def __init__(self, out: IO[bytes], errors: bool) -> None:
        super().__init__(out)
        self.errors = errors
        header = CSV_COLUMNS + (("error_code", "error_message") if errors else ())
        out.write(csv_bytes(header))

    def write(self, payload: Any) -> None:
        if self.errors:  # the workers render rows without the error columns: add them empty
            payload = payload[:-1] + b",,\n"
        self.out.write(payload)

    def write_error(self, failure: Failure) -> None:
        row = [""] * len(CSV_COLUMNS)
        row[0] = id_text(failure.id)
        row[-1] = metadata_text(failure.metadata)
        self.out.write(csv_bytes([*row, failure.code, replace_surrogates(failure.message)]))


def parquet_schema(*, spans: bool = True, errors: bool = False) -> Any:
    """The Arrow schema of ``arnews parse --format parquet`` (needs pyarrow): ``id``,
    ``text``, the contract's fields, ``published``, the spans (unless ``spans=False``),
    ``metadata`` (a JSON string) and, with ``errors``, an ``error`` struct.

    Example:
        >>> parquet_schema(spans=False).names[:3], parquet_schema(spans=False).names[-1]
        (['id', 'text', 'title'], 'metadata')
    """
    import pyarrow as pa  # type: ignore[import-untyped]

    strings = pa.list_(pa.string())
    fields: list[Any] = [
        ("id", pa.string()),
        ("text", pa.string()),
        ("title", pa.string()),
        ("dateline", pa.struct([("place", pa.string()), ("agency", pa.string())])),
        ("byline", pa.string()),
        ("updated", pa.timestamp("us")),
        ("paragraphs", strings),
        ("related_headlines", strings),
        ("source", pa.string()),
        ("keywords", strings),
        ("read_also", pa.string()),
        ("similar", strings),
        ("boilerplate", strings),
        ("published", pa.timestamp("us")),
    ]
    if spans:
        fields += span_fields()
    fields.append(("metadata", pa.string()))
    if errors:
        fields.append(("error", pa.struct([("code", pa.string()), ("message", pa.string())])))
    return pa.schema(fields)


def span_fields() -> list[tuple[str, Any]]:
    """The Arrow types of ``spans``, ``parts`` and ``warnings`` (needs pyarrow)."""
    import pyarrow as pa

    span = pa.list_(pa.int64())
    # A field that is None when empty holds one span; one that is [] holds a list of them.
    spans = [
        (name, span if value is None else pa.list_(span))
        for name, value in Spans().to_dict().items()
    ]
    part = pa.struct(
        [("kind", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("name", pa.string())]
    )
    warning = pa.struct(
        [
            ("code", pa.string()),
            ("message", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
        ]
    )
    return [("spans", pa.struct(spans)), ("parts", pa.list_(part)), ("warnings", pa.list_(warning))]


class ParquetWriter:
    """Rows in groups of :attr:`BATCH`; :meth:`close` writes the footer."""

    #: Rows gathered before a row group is written: bounded memory, reasonable row groups.
    BATCH = 1024

    def __init__(
        self, path: str, *, spans: bool, errors: bool, compression: str = "snappy"
    ) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq  # type: ignore[import-untyped]

        self.schema = parquet_schema(spans=spans, errors=errors)
        self.writer = pq.ParquetWriter(path, self.schema, compression=compression)
        self.rows: list[dict[str, Any]] = []
        self.to_table = pa.Table.from_pylist

    def write(self, payload: Any) -> None:
        self.rows.append(payload)
        if len(self.rows) >= self.BATCH:
            self._flush()

    def write_error(self, failure: Failure) -> None:
        record = failure.record()
        record["id"] = id_text(record["id"])
        record["metadata"] = None if failure.metadata is None else metadata_text(failure.metadata)
        self.write(record)

    def _flush(self) -> None:
        if self.rows:
            self.writer.write_table(self.to_table(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self._flush()
        self.writer.close()
