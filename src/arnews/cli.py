"""The ``arnews`` command: parse, summarise and inspect a corpus of scraped news pages.

``arnews parse`` turns files, folders, standard input or JSON Lines dumps into JSON Lines (or
JSON, CSV, Parquet, plain text), in several processes, in input order, in constant memory.
``arnews stats`` counts what a corpus contains; ``arnews show`` prints one page's parts with
their spans. ``arnews FILE...`` is short for ``arnews parse FILE...``.

Bad data never produces a traceback: each problem is one line on stderr
(``arnews: error: <file>[:<line>]: <what>``), the run goes on (unless ``--errors fail``) and
the exit status is 1 at the end. Exit statuses: 0 all good, 1 some input was bad, 2 bad
command line, 130 interrupted, 141 output pipe closed (as ``| head`` does).

Example:
    >>> from arnews.cli import main
    >>> main(["--version"])  # doctest: +ELLIPSIS
    arnews ...
    0
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import multiprocessing
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, NamedTuple, Protocol

import attrs

from . import __version__
from .batch import START_METHOD, default_jobs, ordered_map
from .lines import BLANKS
from .model import Article, Spans, json_record, replace_surrogates
from .parser import Parser

__all__ = ["main"]

PROG = "arnews"
FORMATS = ("jsonl", "json", "csv", "parquet", "txt")
_SUFFIX_FORMATS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".parquet": "parquet",
    ".txt": "txt",
}
_JSONL_SUFFIXES = (".jsonl", ".ndjson")
#: Sections of the main article counted by ``arnews stats``, in the order they are shown.
SECTIONS = (
    "title",
    "dateline",
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

EXIT_OK, EXIT_DATA, EXIT_USAGE, EXIT_INTERRUPT, EXIT_PIPE = 0, 1, 2, 130, 141


EPILOG = """\
examples:
  arnews parse examples/pages                 every *.txt under the folder -> JSON Lines
  arnews examples/pages/league.txt            same as 'arnews parse ...'
  cat page.txt | arnews -                     one page from standard input
  arnews parse dump.jsonl --text-field content --id-field url -o out.parquet
  arnews parse corpus/ --format txt --no-spans -o clean.txt --jobs 4
  arnews parse corpus/ --errors record | head -3
  arnews stats corpus/ --json
  arnews show examples/pages/league.txt

exit status: 0 ok, 1 some input was bad (each problem is reported on stderr),
2 bad command line, 130 interrupted, 141 output pipe closed.
"""


class UsageError(Exception):
    """A problem with the command line itself (exit status 2)."""


# --------------------------------------------------------------------------------------------
# Items that flow through the pipeline. NamedTuples: they pickle small and fast, which matters
# because every document crosses a process boundary twice.


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
    #: Stable code: ``not_found``, ``unreadable``, ``no_match``, ``not_utf8``, ``empty``,
    #: ``bad_json``, ``bad_record``.
    code: str
    #: What went wrong, for people.
    message: str

    def line(self) -> str:
        return f"{PROG}: error: {self.where}: {self.message}"

    def record(self) -> dict[str, Any]:
        return {"id": self.id, "error": {"code": self.code, "message": self.message}}


class Done(NamedTuple):
    """One parsed document, rendered for its output format."""

    payload: Any
    nbytes: int


# --------------------------------------------------------------------------------------------
# Reading inputs (main process: I/O only, decoding happens in the workers).


def _input_kind(path: str, input_format: str) -> bool:
    """Return ``True`` when the file is to be read as JSON Lines."""
    if input_format == "auto":
        return path.lower().endswith(_JSONL_SUFFIXES)
    return input_format == "jsonl"


def _read_jsonl(stream: IO[bytes], name: str) -> Iterator[Raw | Failure]:
    offset = 0
    records = 0
    for lineno, line in enumerate(stream, 1):
        start, offset = offset, offset + len(line)
        if not line.strip():
            continue
        records += 1
        yield Raw(f"{name}:{lineno}", name, line, True, start)
    if records == 0:
        yield Failure(name, name, "empty", "empty file (no JSON Lines records)")


def _read_file(path: Path, jsonl: bool) -> Iterator[Raw | Failure]:
    name = str(path)
    try:
        if jsonl:
            with path.open("rb") as stream:
                yield from _read_jsonl(stream, name)
        else:
            yield Raw(name, name, path.read_bytes())
    except OSError as exc:
        yield Failure(name, name, "unreadable", exc.strerror or str(exc))


def _read_stdin(jsonl: bool) -> Iterator[Raw | Failure]:
    stream = sys.stdin.buffer
    if jsonl:
        yield from _read_jsonl(stream, "-")
    else:
        yield Raw("-", "-", stream.read())


def read_inputs(
    paths: Sequence[str], *, pattern: str | None = None, input_format: str = "auto"
) -> Iterator[Raw | Failure]:
    """Yield the documents (undecoded) that ``paths`` name, or a :class:`Failure` for each
    path that names none.

    Folders are searched recursively for ``pattern`` (default ``*.jsonl`` with
    ``input_format="jsonl"``, else ``*.txt``), in sorted order; ``-`` is standard input.
    """
    if pattern is None:
        pattern = "*.jsonl" if input_format == "jsonl" else "*.txt"
    for given in paths:
        if given == "-":
            yield from _read_stdin(input_format == "jsonl")
            continue
        path = Path(given)
        if path.is_dir():
            files = sorted(p for p in path.rglob(pattern) if p.is_file())
            if not files:
                yield Failure(
                    given, given, "no_match", f"no files match {pattern!r} in this folder"
                )
            for file in files:
                yield from _read_file(file, _input_kind(file.name, input_format))
        elif path.exists():
            yield from _read_file(path, _input_kind(path.name, input_format))
        else:
            yield Failure(given, given, "not_found", "no such file or directory")


# --------------------------------------------------------------------------------------------
# Decoding and rendering (in the workers).

_JSON_TYPES = {
    type(None): "null",
    bool: "a boolean",
    int: "a number",
    float: "a number",
    list: "an array",
    dict: "an object",
}


# JSON escapes can carry lone surrogates; UTF-8 cannot: they are written as U+FFFD.
_clean = replace_surrogates


def _encode(text: str) -> bytes:
    # Encoding is needed anyway: try it first, so a clean record (nearly all) is encoded once.
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return replace_surrogates(text).encode("utf-8")


def decode(raw: Raw, text_field: str = "text", id_field: str = "id") -> tuple[Any, str] | Failure:
    """Return ``(id, text)`` for one input, or the :class:`Failure` that explains why not."""
    if not raw.jsonl:
        try:
            text = raw.data.decode("utf-8")
        except UnicodeDecodeError as exc:
            return Failure(
                raw.source, raw.where, "not_utf8", f"not valid UTF-8 at byte {exc.start}"
            )
        if not text.strip(BLANKS):
            what = "empty file" if not raw.data else "empty file (white space only)"
            return Failure(raw.source, raw.where, "empty", what)
        return raw.source, text
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
    doc_id = record.get(id_field, raw.where)
    if isinstance(doc_id, str):
        doc_id = _clean(doc_id)
    if text_field not in record:
        keys = ", ".join(list(record)[:8]) or "none"
        return Failure(doc_id, raw.where, "bad_record", f"no {text_field!r} field (fields: {keys})")
    text = record[text_field]
    if not isinstance(text, str):
        kind = _JSON_TYPES.get(type(text), "not a string")
        return Failure(
            doc_id, raw.where, "bad_record", f"field {text_field!r} is {kind}, not a string"
        )
    if not text.strip(BLANKS):
        return Failure(doc_id, raw.where, "empty", f"field {text_field!r} is empty")
    return doc_id, _clean(text)


# One encoder for all records: json.dumps builds a new one per call when given options, and
# records from to_dict() cannot be circular.
_JSON = json.JSONEncoder(ensure_ascii=False, check_circular=False)


def _json_line(record: dict[str, Any]) -> bytes:
    return _encode(_JSON.encode(record))


def render_json(doc_id: Any, article: Article, spans: bool) -> bytes:
    """One JSON object (no newline): ``{"id": …, **article.to_dict(spans=spans)}``."""
    return _json_line({"id": doc_id, **json_record(article, spans=spans)})


def render_txt(doc_id: Any, article: Article, spans: bool) -> bytes:
    """The clean body: one paragraph a line, then a blank line; nothing for an empty body."""
    if not article.paragraphs:
        return b""
    return _encode("\n".join(p.replace("\n", " ") for p in article.paragraphs) + "\n\n")


CSV_COLUMNS = (
    "id",
    "title",
    "dateline_place",
    "dateline_agency",
    "updated",
    "published",
    "source",
    "text",
    "related_headlines",
    "keywords",
    "similar",
    "boilerplate",
    "read_also",
    "warnings",
)


def _csv_bytes(row: Sequence[Any]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(row)
    return _encode(buffer.getvalue())


def render_csv(doc_id: Any, article: Article, spans: bool) -> bytes:
    """One CSV row of :data:`CSV_COLUMNS`: lists joined with :data:`CSV_JOIN`, ``text`` the
    clean body (paragraphs separated by a blank line), ``read_also`` a JSON array."""
    dateline = article.dateline
    return _csv_bytes(
        [
            doc_id,
            article.title,
            dateline and dateline.place,
            dateline and dateline.agency,
            article.updated and article.updated.isoformat(),
            article.published and article.published.isoformat(),
            article.source,
            article.text,
            CSV_JOIN.join(article.related_headlines),
            CSV_JOIN.join(article.keywords),
            CSV_JOIN.join(article.similar),
            CSV_JOIN.join(article.boilerplate),
            json.dumps([a.to_dict(spans=spans) for a in article.read_also], ensure_ascii=False)
            if article.read_also
            else "",
            CSV_JOIN.join(w.code for w in article.warnings),
        ]
    )


def render_parquet(doc_id: Any, article: Article, spans: bool) -> dict[str, Any]:
    """One row for :func:`parquet_schema`: the contract with native types (lists, a dateline
    struct, timestamps); ``read_also`` as a JSON string, since Parquet has no recursive type."""
    data = article.to_dict(spans=spans)
    data["id"] = doc_id if isinstance(doc_id, str) else json.dumps(doc_id, ensure_ascii=False)
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


def summarise(doc_id: Any, article: Article, spans: bool) -> Summary:
    """The :class:`Summary` of one article."""
    return Summary(
        tuple(name for name in SECTIONS if getattr(article, name)),
        article.source,
        article.keywords,
        tuple(sorted({w.code for w in article.warnings})),
        len(article.paragraphs),
    )


_RENDERERS: dict[str, Callable[[Any, Article, bool], Any]] = {
    "jsonl": render_json,
    "json": render_json,
    "csv": render_csv,
    "parquet": render_parquet,
    "txt": render_txt,
    "stats": summarise,
}


@attrs.frozen
class Task:
    """Decode, parse and render one input: what each worker process runs.

    Picklable (a frozen attrs class holding the parser and module-level functions), so it is
    sent to each worker once.
    """

    parser: Parser
    render: Callable[[Any, Article, bool], Any]
    spans: bool = True
    text_field: str = "text"
    id_field: str = "id"

    def __call__(self, item: Raw | Failure) -> Done | Failure:
        if isinstance(item, Failure):
            return item
        decoded = decode(item, self.text_field, self.id_field)
        if isinstance(decoded, Failure):
            return decoded
        doc_id, text = decoded
        return Done(self.render(doc_id, self.parser.parse(text), self.spans), len(item.data))


# --------------------------------------------------------------------------------------------
# Writing outputs (main process).


class Writer(Protocol):
    def write(self, payload: Any) -> None: ...

    def write_error(self, failure: Failure) -> None: ...

    def close(self) -> None: ...


class JsonLinesWriter:
    def __init__(self, out: IO[bytes]) -> None:
        self.out = out

    def write(self, payload: Any) -> None:
        self.out.write(payload + b"\n")

    def write_error(self, failure: Failure) -> None:
        self.write(_json_line(failure.record()))

    def close(self) -> None:
        self.out.flush()


class JsonArrayWriter(JsonLinesWriter):
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
    def write(self, payload: Any) -> None:
        self.out.write(payload)

    def write_error(self, failure: Failure) -> None:
        pass  # a plain-text corpus has no place for error records; stderr has the message


class CsvWriter(JsonLinesWriter):
    def __init__(self, out: IO[bytes], errors: bool) -> None:
        super().__init__(out)
        self.errors = errors
        header = CSV_COLUMNS + (("error_code", "error_message") if errors else ())
        out.write(_csv_bytes(header))

    def write(self, payload: Any) -> None:
        if self.errors:  # the workers render rows without the error columns: add them empty
            payload = payload[:-1] + b",,\n"
        self.out.write(payload)

    def write_error(self, failure: Failure) -> None:
        row = [""] * len(CSV_COLUMNS)
        row[0] = failure.id
        self.out.write(_csv_bytes([*row, failure.code, failure.message]))


def parquet_schema(*, spans: bool = True, errors: bool = False) -> Any:
    """The Arrow schema of ``arnews parse --format parquet`` (needs pyarrow)."""
    import pyarrow as pa  # type: ignore[import-untyped]

    strings = pa.list_(pa.string())
    fields: list[Any] = [
        ("id", pa.string()),
        ("title", pa.string()),
        ("dateline", pa.struct([("place", pa.string()), ("agency", pa.string())])),
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
        span = pa.list_(pa.int64())
        # A field that is None when empty holds one span; one that is [] holds a list of them.
        span_fields = [
            (name, span if value is None else pa.list_(span))
            for name, value in Spans().to_dict().items()
        ]
        fields += [
            ("spans", pa.struct(span_fields)),
            (
                "parts",
                pa.list_(
                    pa.struct(
                        [
                            ("kind", pa.string()),
                            ("start", pa.int64()),
                            ("end", pa.int64()),
                            ("name", pa.string()),
                        ]
                    )
                ),
            ),
            (
                "warnings",
                pa.list_(
                    pa.struct(
                        [
                            ("code", pa.string()),
                            ("message", pa.string()),
                            ("start", pa.int64()),
                            ("end", pa.int64()),
                        ]
                    )
                ),
            ),
        ]
    if errors:
        fields.append(("error", pa.struct([("code", pa.string()), ("message", pa.string())])))
    return pa.schema(fields)


class ParquetWriter:
    #: Rows gathered before a row group is written: bounded memory, reasonable row groups.
    BATCH = 1024

    def __init__(self, path: str, *, spans: bool, errors: bool) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq  # type: ignore[import-untyped]

        self.schema = parquet_schema(spans=spans, errors=errors)
        self.writer = pq.ParquetWriter(path, self.schema)
        self.rows: list[dict[str, Any]] = []
        self.to_table = pa.Table.from_pylist

    def write(self, payload: Any) -> None:
        self.rows.append(payload)
        if len(self.rows) >= self.BATCH:
            self._flush()

    def write_error(self, failure: Failure) -> None:
        record = failure.record()
        if not isinstance(record["id"], str):
            record["id"] = json.dumps(record["id"], ensure_ascii=False)
        self.write(record)

    def _flush(self) -> None:
        if self.rows:
            self.writer.write_table(self.to_table(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self._flush()
        self.writer.close()


# --------------------------------------------------------------------------------------------
# Progress on a terminal.


class Progress:
    """A one-line ``docs, docs/s, MB/s`` counter on ``stream``, redrawn a few times a second."""

    INTERVAL = 0.25

    def __init__(self, stream: IO[str], enabled: bool) -> None:
        self.stream = stream
        self.enabled = enabled
        self.docs = 0
        self.nbytes = 0
        self.started = time.monotonic()
        self.shown = self.started

    def update(self, nbytes: int) -> None:
        self.docs += 1
        self.nbytes += nbytes
        if self.enabled:
            now = time.monotonic()
            if now - self.shown >= self.INTERVAL:
                self.shown = now
                self._draw(now)

    def _draw(self, now: float) -> None:
        elapsed = max(now - self.started, 1e-9)
        self.stream.write(
            f"\r{PROG}: {self.docs:,} docs  {self.docs / elapsed:,.0f} docs/s  "
            f"{self.nbytes / elapsed / 1e6:,.1f} MB/s "
        )
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self._draw(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()


# --------------------------------------------------------------------------------------------
# Commands.


def _jobs(args: argparse.Namespace) -> int:
    return default_jobs() if args.jobs in (None, 0) else int(args.jobs)


def _results(args: argparse.Namespace, render: str) -> Iterator[Done | Failure]:
    jobs = _jobs(args)
    if jobs > 1 and START_METHOD == "forkserver":
        # Workers fork from the forkserver: with arnews imported there once, none of them
        # imports it and compiles the lexicon again (0.3 s each). The command owns its
        # process, so it may set this process-wide option; the library does not.
        multiprocessing.set_forkserver_preload(["arnews"])
    task = Task(
        Parser(),
        _RENDERERS[render],
        spans=not getattr(args, "no_spans", False),
        text_field=args.text_field,
        id_field=args.id_field,
    )
    items = read_inputs(args.paths, pattern=args.glob, input_format=args.input_format)
    return ordered_map(task, items, jobs=jobs, chunksize=args.chunksize)


def _drive(
    args: argparse.Namespace,
    render: str,
    on_done: Callable[[Any], None],
    on_error: Callable[[Failure], None],
) -> int:
    """Run the pipeline; return the exit status.

    Each failure is reported on stderr in input order and passed to ``on_error`` (which writes
    an error record, or counts it); ``--errors fail`` stops at the first one.
    """
    progress = Progress(sys.stderr, sys.stderr.isatty() and not args.quiet)
    status = EXIT_OK
    results = _results(args, render)
    try:
        for result in results:
            if isinstance(result, Failure):
                status = EXIT_DATA
                if progress.enabled:
                    sys.stderr.write("\r\x1b[K")  # the message replaces the progress line
                print(result.line(), file=sys.stderr)
                on_error(result)
                if args.errors == "fail":
                    break
                progress.update(0)
            else:
                on_done(result.payload)
                progress.update(result.nbytes)
    finally:
        close = getattr(results, "close", None)
        if close is not None:  # stop the workers even when the output broke mid-way
            close()
        progress.close()
    return status


def _output_format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    if args.output and args.output != "-":
        return _SUFFIX_FORMATS.get(Path(args.output).suffix.lower(), "jsonl")
    return "jsonl"


def _make_writer(fmt: str, args: argparse.Namespace, stack: contextlib.ExitStack) -> Writer:
    record = args.errors == "record"
    target = None if args.output in (None, "-") else args.output
    try:
        if fmt == "parquet":
            if target is None:
                raise UsageError("--format parquet writes a file: give it with -o FILE.parquet")
            return ParquetWriter(target, spans=not args.no_spans, errors=record)
        # The ExitStack closes the file; ruff cannot see through enter_context.
        out = sys.stdout.buffer if target is None else stack.enter_context(open(target, "wb"))  # noqa: SIM115
    except ImportError as exc:
        raise UsageError("--format parquet needs pyarrow: pip install 'arnews[parquet]'") from exc
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from exc
    if fmt == "csv":
        return CsvWriter(out, errors=record)
    if fmt == "json":
        return JsonArrayWriter(out)
    if fmt == "txt":
        return TextWriter(out)
    return JsonLinesWriter(out)


def cmd_parse(args: argparse.Namespace) -> int:
    fmt = _output_format(args)
    with contextlib.ExitStack() as stack:
        writer = _make_writer(fmt, args, stack)
        on_error = writer.write_error if args.errors == "record" else _ignore
        status = _drive(args, fmt, writer.write, on_error)
        # Not in a finally: after a broken pipe or an interrupt there is nothing to finish.
        writer.close()
    return status


def _ignore(failure: Failure) -> None:
    pass


class Tally:
    """The counts behind ``arnews stats``."""

    def __init__(self) -> None:
        self.documents = 0
        self.paragraphs = 0
        self.errors: Counter[str] = Counter()
        self.sections: Counter[str] = Counter()
        self.sources: Counter[str] = Counter()
        self.tags: Counter[str] = Counter()
        self.warnings: Counter[str] = Counter()

    def add(self, summary: Summary) -> None:
        self.documents += 1
        self.paragraphs += summary.paragraphs
        self.sections.update(summary.present)
        if summary.source:
            self.sources[summary.source] += 1
        self.tags.update(summary.keywords)
        self.warnings.update(summary.codes)

    def add_error(self, failure: Failure) -> None:
        self.errors[failure.code] += 1

    def as_dict(self, top: int) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "paragraphs": self.paragraphs,
            "errors": dict(sorted(self.errors.items())),
            "sections": {name: self.sections[name] for name in SECTIONS},
            "sources": [[s, n] for s, n in self.sources.most_common(top)],
            "distinct_sources": len(self.sources),
            "tags": [[t, n] for t, n in self.tags.most_common(top)],
            "distinct_tags": len(self.tags),
            "warnings": dict(self.warnings.most_common()),
        }

    def table(self, top: int) -> str:
        docs = self.documents
        lines = [
            f"{'documents':<20}{docs:>9,}",
            f"{'paragraphs':<20}{self.paragraphs:>9,}",
            f"{'errors':<20}{sum(self.errors.values()):>9,}",
        ]
        lines += [f"  {code:<18}{n:>9,}" for code, n in sorted(self.errors.items())]
        lines += ["", f"{'section':<20}{'docs':>9}{'share':>9}"]
        for name in SECTIONS:
            n = self.sections[name]
            lines.append(f"{name:<20}{n:>9,}{(n / docs if docs else 0):>9.1%}")

        def ranking(title: str, counter: Counter[str], limit: int | None) -> None:
            # Count first, name last: right-to-left names would scramble columns after them.
            lines.extend(["", f"{title} ({len(counter):,} distinct)", f"{'docs':>9}  name"])
            lines.extend(f"{n:>9,}  {name}" for name, n in counter.most_common(limit))
            if not counter:
                lines.append(f"{'-':>9}  (none)")

        ranking(f"top {top} sources", self.sources, top)
        ranking(f"top {top} tags", self.tags, top)
        ranking("documents with warnings, by code", self.warnings, None)
        return "\n".join(lines)


def cmd_stats(args: argparse.Namespace) -> int:
    tally = Tally()
    # Errors are counted whatever the policy: a corpus report must not hide them.
    status = _drive(args, "stats", tally.add, tally.add_error)
    text = (
        json.dumps(tally.as_dict(args.top), ensure_ascii=False, indent=2)
        if args.json
        else tally.table(args.top)
    )
    sys.stdout.buffer.write(_encode(text + "\n"))
    sys.stdout.flush()
    return status


def show_lines(text: str, article: Article) -> Iterator[str]:
    """The lines ``arnews show`` prints: every part of the page, in order, with its span."""
    labelled = [("", part) for part in article.parts]
    for i, extra in enumerate(article.read_also):
        labelled += [(f"read_also[{i}] ", part) for part in extra.parts]
    labelled.sort(key=lambda item: (item[1].start, item[1].end))
    for prefix, part in labelled:
        kind = f"{part.kind}:{part.name}" if part.name else part.kind
        body = " ".join(text[part.start : part.end].split())
        yield f"{prefix}{kind} [{part.start}:{part.end}]"
        yield f"    {body}"
    warnings = [w for a in article.iter_articles() for w in a.warnings]
    if warnings:
        yield ""
        yield "warnings"
        for w in warnings:
            where = f" [{w.start}:{w.end}]" if w.start is not None else ""
            yield f"  {w.code}{where}: {w.message}"


def cmd_show(args: argparse.Namespace) -> int:
    if args.file != "-" and Path(args.file).is_dir():
        item: Raw | Failure = Failure(
            args.file, args.file, "not_a_file", "is a folder: give one file"
        )
    else:
        item = next(read_inputs([args.file], input_format="text"))
    decoded = decode(item) if isinstance(item, Raw) else item
    if isinstance(decoded, Failure):
        print(decoded.line(), file=sys.stderr)
        return EXIT_DATA
    doc_id, text = decoded
    article = Parser().parse(text)
    header = f"{doc_id}: {len(text):,} characters, {len(article.paragraphs)} paragraphs"
    out = "\n".join([header, "", *show_lines(text, article)]) + "\n"
    sys.stdout.buffer.write(_encode(out))
    sys.stdout.flush()
    return EXIT_OK


# --------------------------------------------------------------------------------------------
# The command line.


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {number}")
    return number


def _at_least_one(value: str) -> int:
    number = _positive(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {number}")
    return number


def _input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files, folders (searched recursively) or - for standard input",
    )
    group = parser.add_argument_group("input")
    group.add_argument(
        "--glob",
        metavar="PATTERN",
        help="files to take from folders (default: *.txt, or *.jsonl with --input-format jsonl)",
    )
    group.add_argument(
        "--input-format",
        choices=("auto", "text", "jsonl"),
        default="auto",
        help="text: a file is one page; jsonl: one JSON object a line; "
        "auto (default): .jsonl/.ndjson files are JSON Lines, the rest text",
    )
    group.add_argument(
        "--text-field", default="text", metavar="NAME", help="JSON Lines field with the page text"
    )
    group.add_argument(
        "--id-field",
        default="id",
        metavar="NAME",
        help="JSON Lines field with the record id (default id; if absent: FILE:LINE)",
    )
    group = parser.add_argument_group("processing")
    group.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        default=None,
        metavar="N",
        help="processes to parse in (default: the CPUs available; 1 parses in this process)",
    )
    group.add_argument(
        "--chunksize",
        type=_at_least_one,
        default=64,
        metavar="N",
        help="documents sent to a process at a time (default 64)",
    )
    group.add_argument(
        "--errors",
        choices=("skip", "fail", "record"),
        default="skip",
        help="on bad input: skip (default) reports it and goes on; fail stops; record also "
        "writes an error record; the exit status is 1 in every case",
    )
    group.add_argument("-q", "--quiet", action="store_true", help="no progress line")


def build_parser() -> argparse.ArgumentParser:
    """The ``argparse`` parser of the ``arnews`` command."""
    fmt = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Turn scraped Arabic news pages (plain text) into structured articles.",
        epilog=EPILOG,
        formatter_class=fmt,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    parse = commands.add_parser(
        "parse",
        help="parse pages into JSON Lines, JSON, CSV, Parquet or plain text",
        description="Parse pages into one record per document, in input order. "
        "arnews FILE... is short for arnews parse FILE....",
        epilog=EPILOG,
        formatter_class=fmt,
    )
    _input_options(parse)
    group = parse.add_argument_group("output")
    group.add_argument("-o", "--output", metavar="OUT", help="output file (default: stdout)")
    group.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        help="jsonl (default; or from OUT's extension): one JSON object a line; json: one array; "
        "csv: flat columns, lists joined with ' | '; parquet: typed columns (needs -o and "
        "arnews[parquet]); txt: clean body only, a paragraph a line, a blank line after each "
        "document",
    )
    group.add_argument(
        "--no-spans",
        action="store_true",
        help="leave out spans, parts and warnings (the contract keys only)",
    )
    parse.set_defaults(run=cmd_parse)

    stats = commands.add_parser(
        "stats",
        help="count the sections, sources, tags and warnings of a corpus",
        description="Count what a corpus contains: documents with each section, the most "
        "frequent sources and tags, documents with warnings by code.",
        epilog=EPILOG,
        formatter_class=fmt,
    )
    _input_options(stats)
    stats.add_argument("--json", action="store_true", help="print JSON instead of a table")
    stats.add_argument(
        "--top", type=_positive, default=10, metavar="N", help="sources and tags listed (10)"
    )
    stats.set_defaults(run=cmd_stats)

    show = commands.add_parser(
        "show",
        help="print one page's parts with their spans",
        description="Print each part of one page: its kind, its span [start:end] and its text.",
        epilog=EPILOG,
        formatter_class=fmt,
    )
    show.add_argument("file", metavar="FILE", help="a text file, or - for standard input")
    show.set_defaults(run=cmd_show)
    return parser


_COMMANDS = {"parse", "stats", "show"}
_TOP_LEVEL = {"-h", "--help", "--version"}


def _silence_stdout() -> None:
    # The reader has gone; Python would still try to flush stdout at exit and complain.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``arnews`` command with ``argv`` (default: ``sys.argv[1:]``); return its exit
    status. This is the ``arnews`` console script and ``python -m arnews``.

    Example:
        >>> main(["show", "examples/pages/no-such-page.txt"])
        1
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not args_list:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    if args_list[0] not in _COMMANDS and args_list[0] not in _TOP_LEVEL:
        args_list.insert(0, "parse")  # `arnews FILE...` is the first command arnews had
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else EXIT_USAGE
    try:
        status: int = args.run(args)
        sys.stdout.flush()
        return status
    except UsageError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_PIPE
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return EXIT_INTERRUPT
