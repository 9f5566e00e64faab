"""The ``arnews`` command: parse, summarise and inspect a corpus of scraped news pages.

``arnews parse`` turns files, folders, standard input or JSON Lines dumps into JSON Lines (or
JSON, CSV, Parquet, plain text), in several processes, in input order, in constant memory.
``arnews stats`` counts what a corpus contains; ``arnews show`` prints one page's parts with
their spans. ``arnews FILE...`` is short for ``arnews parse FILE...``.

Bad data never produces a traceback: each problem is one line on stderr
(``arnews: error: <file>[:<line>]: <what>``), the run goes on (unless ``--errors fail``) and
the exit status is 1 at the end. Exit statuses: 0 all good, 1 some input was bad, 2 bad
command line, 74 the output could not be written, 128 + N stopped by signal N (SIGINT,
SIGTERM, SIGHUP: the workers and the forkserver stop too), 141 output pipe closed (as
``| head`` does). An output file is written under a temporary name and renamed into place
when complete (see ``docs/reliability.md``).

Example:
    >>> from arnews.cli import main
    >>> main(["--version"])  # doctest: +ELLIPSIS
    arnews ...
    0
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import IO, Any, NamedTuple

import attrs

from . import __version__, term
from .batch import START_METHOD, default_jobs, ordered_map
from .io.readers import DEFAULT_MAX_CHARS, Failure, Raw, check_glob, decode, read_inputs
from .io.writers import (
    CSV_COLUMNS,
    CsvWriter,
    JsonArrayWriter,
    JsonLinesWriter,
    Output,
    ParquetWriter,
    TextWriter,
    Writer,
    csv_bytes,
    encode,
    id_text,
    json_line,
    parquet_schema,
)
from .model import Article, json_record
from .parser import Parser
from .pool import WorkersCannotStart, stop_helpers
from .profiles import SiteProfile
from .render import render_html
from .term import colour_wanted

__all__ = ["main"]

# Re-exported: they lived here before arnews.io held them.
_REEXPORTED = (CSV_COLUMNS, JsonLinesWriter, Raw, Writer, decode, parquet_schema)

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
#: Sections of the main article counted by ``arnews stats``, in the order they are shown.
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

EXIT_OK, EXIT_DATA, EXIT_USAGE, EXIT_INTERRUPT, EXIT_PIPE = 0, 1, 2, 130, 141
#: The output could not be written (disk full, I/O error): ``EX_IOERR`` of ``sysexits.h``.
EXIT_WRITE = 74
#: Worker processes cannot start at all: ``EX_OSERR`` of ``sysexits.h``.
EXIT_WORKERS = 71
#: Stopped by a signal: 128 + its number (SIGHUP 129, SIGINT 130, SIGTERM 143).
EXIT_SIGNAL_BASE = 128


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
  arnews show --html examples/pages/league.txt -o league.html
  arnews learn crawl/ -o profiles.json        one profile per site (one folder each)
  arnews parse crawl/ --profiles profiles.json
  arnews show dump.jsonl:12 --text-field content --color always | less -R

exit status: 0 ok, 1 some input was bad (each problem is reported on stderr),
2 bad command line, 71 worker processes cannot start, 74 the output could not be
written (disk full, I/O error), 128+N stopped by signal N (129 SIGHUP, 130 Ctrl-C,
143 SIGTERM), 141 output pipe closed.
An output file is written under a temporary name and renamed into place when complete.
"""


class UsageError(Exception):
    """A problem with the command line itself (exit status 2)."""


class Stopped(BaseException):
    """Raised in the main process when SIGINT, SIGTERM or SIGHUP arrives.

    A ``BaseException``, as ``KeyboardInterrupt`` is: no ``except Exception`` swallows it.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _Signals:
    """Turns SIGINT, SIGTERM and SIGHUP into :class:`Stopped`, once, outside held sections.

    While :attr:`held` is above 0 (a record being written: a half-written record would
    spoil the file), a signal is only noted; :meth:`check` raises it after. A second signal
    never raises again: the first one's clean-up is under way.
    """

    NAMES = ("SIGINT", "SIGTERM", "SIGHUP")

    def __init__(self) -> None:
        self.pending: int | None = None
        self.raised = False
        self.held = 0
        self.saved: dict[int, Any] = {}

    def install(self) -> None:
        for name in self.NAMES:
            number = getattr(signal, name, None)
            if number is not None:
                self.saved[number] = signal.signal(number, self.handle)

    def restore(self) -> None:
        for number, handler in self.saved.items():
            signal.signal(number, handler)
        self.saved.clear()

    def handle(self, signum: int, frame: FrameType | None) -> None:
        if self.pending is None:
            self.pending = signum
        if self.held == 0:
            self.check()

    def check(self) -> None:
        if self.pending is not None and not self.raised:
            self.raised = True
            raise Stopped(self.pending)


_SIGNALS = _Signals()


# --------------------------------------------------------------------------------------------
# Items that flow through the pipeline. NamedTuples: they pickle small and fast, which matters
# because every document crosses a process boundary twice.


class Done(NamedTuple):
    """One parsed document, rendered for its output format."""

    payload: Any
    nbytes: int


# --------------------------------------------------------------------------------------------
# Rendering (in the workers).


def render_json(doc_id: Any, article: Article, spans: bool) -> bytes:
    """One JSON object (no newline): ``{"id": …, **article.to_dict(spans=spans)}``."""
    return json_line({"id": doc_id, **json_record(article, spans=spans)})


def render_txt(doc_id: Any, article: Article, spans: bool) -> bytes:
    """The clean body: one paragraph a line, then a blank line; nothing for an empty body."""
    if not article.paragraphs:
        return b""
    return encode("\n".join(p.replace("\n", " ") for p in article.paragraphs) + "\n\n")


def render_csv(doc_id: Any, article: Article, spans: bool) -> bytes:
    """One CSV row of :data:`CSV_COLUMNS`: lists joined with :data:`CSV_JOIN`, ``text`` the
    clean body (paragraphs separated by a blank line), ``read_also`` a JSON array."""
    dateline = article.dateline
    return csv_bytes(
        [
            id_text(doc_id),
            article.title,
            dateline and dateline.place,
            dateline and dateline.agency,
            article.byline,
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
    data["id"] = id_text(doc_id)
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
    max_chars: int = DEFAULT_MAX_CHARS

    def __call__(self, item: Raw | Failure) -> Done | Failure:
        if isinstance(item, Failure):
            return item
        decoded = decode(item, self.text_field, self.id_field)
        if isinstance(decoded, Failure):
            return decoded
        doc_id, text = decoded
        if self.max_chars and len(text) > self.max_chars:
            why = f"{len(text):,} characters, over --max-chars {self.max_chars:,}"
            return Failure(doc_id, item.where, "too_large", why)
        try:
            return Done(self.payload(item, doc_id, text), len(item.data))
        except MemoryError:
            return Failure(doc_id, item.where, "out_of_memory", "ran out of memory parsing it")
        except RecursionError:
            why = "arnews failed on it: RecursionError (please report it)"
            return Failure(doc_id, item.where, "internal_error", why)
        except Exception as exc:  # a bug in arnews: one error record, not a lost run
            why = f"arnews failed on it: {type(exc).__name__}: {exc} (please report it)"
            return Failure(doc_id, item.where, "internal_error", why)

    def payload(self, item: Raw, doc_id: Any, text: str) -> Any:
        """What the worker sends back for one decoded document."""
        return self.render(doc_id, self.parser.parse(text), self.spans)

    def lost(self, item: Raw | Failure, reason: str) -> Failure:
        """The error record of an item whose worker process died on it, twice."""
        if isinstance(item, Failure):
            return item
        decoded = decode(item, self.text_field, self.id_field)
        doc_id = decoded.id if isinstance(decoded, Failure) else decoded[0]
        why = f"the worker process parsing it died ({reason})"
        return Failure(doc_id, item.where, "worker_died", why)


def _lost(task: Task, item: Raw | Failure, reason: str) -> Done | Failure:
    return task.lost(item, reason)


def _died(reason: str, items: int, again: bool) -> None:
    # A note, not an error: the documents are parsed again; only one that kills a worker
    # again gives an error (worker_died), reported in its turn.
    if items == 0:
        what = "between two chunks; a fresh worker takes over"
    elif again:
        held = "a document" if items == 1 else f"{items} documents"
        what = f"holding {held}; a fresh worker parses them again, one at a time"
    else:
        what = "again on one document: it is reported as worker_died"
    print(f"{PROG}: warning: a worker process died ({reason}) {what}", file=sys.stderr)


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


def _results(
    args: argparse.Namespace, render: str, task: Task | None = None
) -> Iterator[Done | Failure]:
    jobs = _jobs(args)
    if jobs > 1 and START_METHOD == "forkserver":
        # Workers fork from the forkserver: with arnews imported there once, none of them
        # imports it and compiles the lexicon again (0.3 s each). The command owns its
        # process, so it may set this process-wide option; the library does not.
        multiprocessing.set_forkserver_preload(["arnews"])
    task = task or Task(
        # The parser's own limit follows the command's, so a page the command lets through
        # is parsed, not returned as body text.
        Parser(max_chars=args.max_chars or None),
        _RENDERERS[render],
        spans=not getattr(args, "no_spans", False),
        text_field=args.text_field,
        id_field=args.id_field,
        max_chars=args.max_chars,
    )
    items = read_inputs(
        args.paths,
        pattern=args.glob,
        input_format=args.input_format,
        max_chars=args.max_chars,
        follow_symlinks=args.follow_symlinks,
    )
    return ordered_map(
        task,
        items,
        jobs=jobs,
        chunksize=args.chunksize,
        on_lost=functools.partial(_lost, task),
        on_death=_died,
    )


def _drive(
    args: argparse.Namespace,
    render: str,
    on_done: Callable[[Any], None],
    on_error: Callable[[Failure], None],
    task: Task | None = None,
) -> int:
    """Run the pipeline; return the exit status.

    Each failure is reported on stderr in input order and passed to ``on_error`` (which writes
    an error record, or counts it); ``--errors fail`` stops at the first one.
    """
    progress = Progress(sys.stderr, sys.stderr.isatty() and not args.quiet)
    status = EXIT_OK
    results = _results(args, render, task)
    try:
        for result in results:
            if isinstance(result, Failure):
                status = EXIT_DATA
                if progress.enabled:
                    sys.stderr.write("\r\x1b[K")  # the message replaces the progress line
                print(result.line(), file=sys.stderr)
                _SIGNALS.held += 1  # a record is written whole, or not at all
                try:
                    on_error(result)
                finally:
                    _SIGNALS.held -= 1
                _SIGNALS.check()
                if args.errors == "fail":
                    break
                progress.update(0)
            else:
                _SIGNALS.held += 1
                try:
                    on_done(result.payload)
                finally:
                    _SIGNALS.held -= 1
                _SIGNALS.check()
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


class WriteFailed(Exception):
    """The output could not be written: one line on stderr, and ``status``."""

    def __init__(self, name: str, exc: OSError, status: int = EXIT_WRITE) -> None:
        super().__init__(f"cannot write {name}: {exc.strerror or exc}")
        self.status = status
        self.stdout = name == "standard output"


def _guarded(out: Output, write: Callable[[Any], None]) -> Callable[[Any], None]:
    """``write``, with the errors of writing turned into :class:`WriteFailed`."""

    def guarded(value: Any) -> None:
        try:
            write(value)
        except BrokenPipeError as exc:
            if out.target is None:
                raise  # `| head`: quiet, as Unix tools are
            raise WriteFailed(out.name, exc, EXIT_PIPE) from exc
        except OSError as exc:
            raise WriteFailed(out.name, exc) from exc

    return guarded


def _check_paths(args: argparse.Namespace) -> None:
    """Refuse, before anything is opened, a glob that leaves its folder and an output that
    would overwrite an input or land inside an input folder."""
    if args.glob is not None:
        problem = check_glob(args.glob)
        if problem:
            raise UsageError(f"--glob: {problem}")
    target = getattr(args, "output", None)
    if target in (None, "-"):
        return
    out_real = os.path.realpath(target)
    for given in args.paths:
        if given == "-" or not os.path.exists(given):
            continue
        real = os.path.realpath(given)
        if os.path.isdir(given):
            if out_real.startswith(real.rstrip(os.sep) + os.sep):
                raise UsageError(
                    f"the output {target} is inside the input folder {given}: "
                    "write it somewhere else"
                )
        elif out_real == real or (os.path.exists(target) and os.path.samefile(target, given)):
            raise UsageError(f"the output {target} is the input {given}: it would be overwritten")


def _make_writer(fmt: str, args: argparse.Namespace, out: Output) -> Writer:
    record = args.errors == "record"
    if fmt == "parquet":
        return ParquetWriter(out.path, spans=not args.no_spans, errors=record)
    if fmt == "csv":
        return CsvWriter(out.stream, errors=record)
    if fmt == "json":
        return JsonArrayWriter(out.stream)
    if fmt == "txt":
        return TextWriter(out.stream)
    return JsonLinesWriter(out.stream)


def _finish(writer: Writer, out: Output) -> None:
    # Ends the format (the array's bracket, Parquet's footer) and renames the file into
    # place, as one step that a signal does not cut in two.
    _SIGNALS.held += 1
    try:
        writer.close()
        out.commit()
    finally:
        _SIGNALS.held -= 1


def cmd_parse(args: argparse.Namespace) -> int:
    fmt = _output_format(args)
    _check_paths(args)
    if fmt == "parquet":
        if args.output in (None, "-"):
            raise UsageError("--format parquet writes a file: give it with -o FILE.parquet")
        try:
            import pyarrow.parquet  # type: ignore[import-untyped]  # noqa: F401
        except ImportError as exc:
            raise UsageError(
                "--format parquet needs pyarrow: pip install 'arnews[parquet]'"
            ) from exc
    out = _open_output(args.output)
    try:
        try:
            writer = _make_writer(fmt, args, out)
        except OSError as exc:
            raise WriteFailed(out.name, exc) from exc
        on_error = _guarded(out, writer.write_error) if args.errors == "record" else _ignore
        try:
            task = profiled_task(args, _RENDERERS[fmt])
            status = _drive(args, fmt, _guarded(out, writer.write), on_error, task)
        except Stopped:
            # What is complete is kept, in a valid file: the format is ended as at a normal
            # end (see docs/reliability.md). If that fails too, the file is discarded.
            with contextlib.suppress(Exception):
                _finish(writer, out)
            raise
        _guarded(out, lambda _: _finish(writer, out))(None)
        _SIGNALS.check()
        return status
    finally:
        out.discard()  # nothing left to do after a commit; removes the temporary file else


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
    _check_paths(args)
    tally = Tally()
    task = profiled_task(args, summarise, stats=True)
    sites = SiteTally(tally)
    # Errors are counted whatever the policy: a corpus report must not hide them.
    status = _drive(args, "stats", tally.add if task is None else sites.add, tally.add_error, task)
    if args.json:
        record = tally.as_dict(args.top)
        if task is not None:
            record["sites"] = sites.as_dict(args.top)
        text = json.dumps(record, ensure_ascii=False, indent=2)
    else:
        text = tally.table(args.top) + ("" if task is None else "\n\n" + sites.table(args.top))
    _write_stdout(encode(text + "\n"))
    return status


def _open_output(target: str | None) -> Output:
    """The output, or a usage error naming it when its folder cannot be written to."""
    try:
        return Output(target)
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from exc


def cmd_show(args: argparse.Namespace) -> int:
    decoded = _show_document(args)
    if isinstance(decoded, Failure):
        print(decoded.line(), file=sys.stderr)
        return EXIT_DATA
    doc_id, text = decoded
    article = Parser(max_chars=args.max_chars or None).parse(text)
    if args.html:
        out = render_html(text, article, name=id_text(doc_id))
    else:
        # Under auto, a file is never coloured: only a terminal is.
        to_stdout = args.output in (None, "-")
        colour = args.color == "always" or (to_stdout and colour_wanted(args.color, sys.stdout))
        paragraphs = len(article.paragraphs)
        header = f"{id_text(doc_id)}: {len(text):,} characters, {paragraphs} paragraphs"
        out = "\n".join([header, "", *term.show_lines(text, article, colour=colour)]) + "\n"
    _show_write(args, encode(out))
    return EXIT_OK


def _show_document(args: argparse.Namespace) -> tuple[Any, str] | Failure:
    """The one document ``arnews show`` is asked for: a text file, standard input, or one
    record of a JSON Lines file (``FILE:LINE``, ``--id ID``, or its only record)."""
    path, line = args.file, None
    if path != "-" and not os.path.exists(path):
        head, sep, tail = path.rpartition(":")
        if sep and tail.isdigit() and (head == "-" or os.path.exists(head)):
            path, line = head, int(tail)
    if path != "-" and Path(path).is_dir():
        return Failure(path, path, "not_a_file", "is a folder: give one file")
    if line is not None and args.id is not None:
        raise UsageError("give a record as FILE:LINE or with --id, not both")
    fmt = args.input_format
    if line is not None or args.id is not None:
        if fmt == "text":
            raise UsageError(
                "FILE:LINE and --id pick a JSON Lines record: not with --input-format text"
            )
        fmt = "jsonl"
    items = read_inputs([path], input_format=fmt, max_chars=args.max_chars)
    try:
        for item in items:
            if isinstance(item, Failure):
                if item.code == "empty" or (line is None and args.id is None):
                    return item
                if line is not None and item.where.rpartition(":")[2] == str(line):
                    return item
                continue  # another record's problem: not the one asked for
            if line is not None and item.where.rpartition(":")[2] != str(line):
                continue
            decoded = decode(item, args.text_field, args.id_field)
            if args.id is not None:
                if isinstance(decoded, Failure) or id_text(decoded[0]) != args.id:
                    continue
            elif item.jsonl and line is None:
                extra = next(items, None)
                if extra is not None:
                    raise UsageError(
                        f"{path} holds more than one record: pick one with {path}:LINE or --id ID"
                    )
            return decoded
    finally:
        close = getattr(items, "close", None)
        if close is not None:
            close()
    wanted = f"line {line}" if line is not None else f"id {args.id!r}"
    return Failure(path, path, "no_match", f"no record at {wanted}")


def _show_write(args: argparse.Namespace, data: bytes) -> None:
    """Write ``arnews show``'s output to standard output or, whole or not at all, to ``-o``."""
    if args.output in (None, "-"):
        _write_stdout(data)
        return
    given = args.file if os.path.exists(args.file) else args.file.rpartition(":")[0]
    exist = os.path.exists(args.output) and os.path.exists(given)
    if exist and os.path.samefile(args.output, given):
        raise UsageError(f"the output {args.output} is the input {given}: it would be overwritten")
    out = _open_output(args.output)
    try:
        try:
            out.stream.write(data)
            out.commit()
        except OSError as exc:
            raise WriteFailed(out.name, exc) from exc
    finally:
        out.discard()


def _show_options(show: argparse.ArgumentParser) -> None:
    """The options of ``arnews show``."""
    show.add_argument(
        "file",
        metavar="FILE",
        help="a text file, - for standard input, or a JSON Lines file (FILE.jsonl:LINE for "
        "the record on line LINE)",
    )
    group = show.add_argument_group("output")
    group.add_argument(
        "--html",
        action="store_true",
        help="write one self-contained HTML page: the input with every part highlighted by "
        "its kind, a legend, the warnings and the record",
    )
    group.add_argument(
        "-o", "--output", metavar="OUT", help="write to OUT (default: standard output)"
    )
    group.add_argument(
        "--color",
        choices=term.COLOR_MODES,
        default="auto",
        help="colour each kind in the listing: auto (default) on a terminal unless NO_COLOR "
        "is set, always, never",
    )
    group = show.add_argument_group("input")
    group.add_argument(
        "--input-format",
        choices=("auto", "text", "jsonl"),
        default="auto",
        help="text: the file is one page; jsonl: one JSON object a line; auto (default): "
        ".jsonl/.ndjson files are JSON Lines, the rest text",
    )
    group.add_argument("--id", metavar="ID", help="the JSON Lines record whose id is ID")
    group.add_argument(
        "--text-field", default="text", metavar="NAME", help="JSON Lines field with the page text"
    )
    group.add_argument(
        "--id-field", default="id", metavar="NAME", help="JSON Lines field with the record id"
    )
    group.add_argument(
        "--max-chars",
        type=_positive,
        default=DEFAULT_MAX_CHARS,
        metavar="N",
        help=f"refuse a document over N characters (default {DEFAULT_MAX_CHARS:,}; 0: no limit)",
    )


# --------------------------------------------------------------------------------------------
# Site profiles: `arnews learn`, and `--profiles` for parse and stats.

#: What ``--site-from`` takes: where a document's site is read from.
SITE_SOURCES = ("dir", "id-prefix", "field", "url")


def site_of(item: Raw, doc_id: Any, site_from: tuple[str, ...]) -> str:
    """The site a document belongs to, by ``--site-from`` (``""`` when it has none).

    ``dir``: the folder holding its file; ``id-prefix``: its id up to the first ``/`` or
    ``:``; ``field NAME``: that field of its JSON Lines record; ``url``: the host of its
    ``url`` field (or of its id, when that is a URL), without ``www.``.

    Example:
        >>> raw = Raw("crawl/nahar/1.txt", "crawl/nahar/1.txt", b"")
        >>> site_of(raw, "crawl/nahar/1.txt", ("dir",)), site_of(raw, "a:b", ("id-prefix",))
        ('nahar', 'a')
    """
    how = site_from[0]
    if how == "dir":
        return "" if item.source == "-" else Path(item.source).parent.name
    if how == "id-prefix":
        text = str(doc_id)
        cut = min((i for i in (text.find("/"), text.find(":")) if i > 0), default=len(text))
        return text[:cut]
    value: Any = None
    if item.jsonl:
        with contextlib.suppress(ValueError, RecursionError, UnicodeDecodeError):
            record = json.loads(item.data.decode("utf-8").lstrip("\ufeff"))
            if isinstance(record, dict):
                value = record.get(site_from[1] if how == "field" else "url")
    if how == "field":
        return value if isinstance(value, str) else "" if value is None else str(value)
    from urllib.parse import urlsplit

    url = value if isinstance(value, str) else str(doc_id)
    host = (urlsplit(url.strip()).hostname or "") if "//" in url else ""
    return host.removeprefix("www.")


class SiteSummary(NamedTuple):
    """What ``arnews stats --profiles`` learns of one document."""

    summary: Summary
    site: str
    profiled: bool
    #: Lines the default parser keeps as article text that the site's profile took out.
    removed: tuple[str, ...]


@attrs.frozen
class ProfiledTask(Task):
    """A :class:`Task` that parses each document with its site's profile."""

    site_from: tuple[str, ...] = ("dir",)
    profiles: dict[str, SiteProfile] = attrs.field(factory=dict)
    stats: bool = False
    # Each site's parser, made on its first document: compiling a profile into the lexicon
    # takes a fifth of a second, and a crawl of many sites must not pay it for every site in
    # every worker before its first document.
    _parsers: dict[str, Parser] = attrs.field(factory=dict, init=False, eq=False, repr=False)

    def parser_for(self, site: str) -> Parser | None:
        """The parser of ``site``'s profile (``None`` when the site has none)."""
        parser = self._parsers.get(site)
        if parser is None:
            profile = self.profiles.get(site)
            if profile is None:
                return None
            parser = self._parsers[site] = attrs.evolve(self.parser, profile=profile)
        return parser

    def payload(self, item: Raw, doc_id: Any, text: str) -> Any:
        site = site_of(item, doc_id, self.site_from)
        parser = self.parser_for(site)
        article = (parser or self.parser).parse(text)
        if not self.stats:
            return self.render(doc_id, article, self.spans)
        removed: tuple[str, ...] = ()
        if parser is not None:
            removed = _removed_lines(text, self.parser.parse(text), article)
        return SiteSummary(
            summarise(doc_id, article, self.spans), site, parser is not None, removed
        )


def _kept_lines(text: str, article: Article) -> dict[int, str]:
    from bisect import bisect_right

    from .lines import scan_columns

    starts, _, texts = scan_columns(text)
    kept: dict[int, str] = {}
    for kind, start in zip(article.parts.kinds, article.parts.starts, strict=True):
        if kind in ("paragraph", "title"):
            i = bisect_right(starts, start) - 1
            kept[i] = texts[i]
    return kept


def _removed_lines(text: str, default: Article, profiled: Article) -> tuple[str, ...]:
    before, after = _kept_lines(text, default), _kept_lines(text, profiled)
    return tuple(line for i, line in before.items() if i not in after)


class SiteTally:
    """Per site: documents, how many had a profile, and what the profiles took out."""

    def __init__(self, tally: Tally) -> None:
        self.tally = tally
        self.documents: Counter[str] = Counter()
        self.profiled: Counter[str] = Counter()
        self.removed: dict[str, Counter[str]] = {}

    def add(self, item: SiteSummary) -> None:
        self.tally.add(item.summary)
        self.documents[item.site] += 1
        self.profiled[item.site] += item.profiled
        self.removed.setdefault(item.site, Counter()).update(item.removed)

    def as_dict(self, top: int) -> dict[str, Any]:
        return {
            site: {
                "documents": n,
                "with_profile": self.profiled[site],
                "lines_removed": sum(self.removed[site].values()),
                "top_removed": [[t, c] for t, c in self.removed[site].most_common(top)],
            }
            for site, n in sorted(self.documents.items())
        }

    def table(self, top: int) -> str:
        lines = [f"{'docs':>9}{'profiled':>9}{'removed':>9}  site (lines its profile removed)"]
        for site, record in self.as_dict(top).items():
            lines.append(
                f"{record['documents']:>9,}{record['with_profile']:>9,}"
                f"{record['lines_removed']:>9,}  {site or '(no site)'}"
            )
            lines.extend(f"{n:>27,}    {text}" for text, n in record["top_removed"])
        return "\n".join(lines)


def _site_from(args: argparse.Namespace, stored: tuple[str, ...] | None) -> tuple[str, ...]:
    given = getattr(args, "site_from", None)
    if given is None:
        return stored or ("dir",)
    how, _, name = given.partition(":")
    if how not in SITE_SOURCES:
        raise UsageError(f"--site-from takes one of {', '.join(SITE_SOURCES)}, not {how!r}")
    if how == "field" and not name:
        raise UsageError("--site-from field takes the field's NAME: --site-from field NAME")
    return (how, name) if how == "field" else (how,)


def join_site_from(argv: list[str]) -> list[str]:
    """``--site-from field NAME`` as one option value (``field:NAME``), so that the option
    takes one value and cannot take in the paths that follow it.

    Example:
        >>> join_site_from(["learn", "--site-from", "field", "site", "crawl"])
        ['learn', '--site-from', 'field:site', 'crawl']
    """
    out = list(argv)
    for i in range(len(out) - 2):
        if out[i] == "--site-from" and out[i + 1] == "field":
            out[i + 1 : i + 3] = [f"field:{out[i + 2]}"]
            break
    return out


def profiled_task(
    args: argparse.Namespace, render: Callable[[Any, Article, bool], Any], stats: bool = False
) -> ProfiledTask | None:
    """The task of ``parse``/``stats`` with ``--profiles``, or ``None`` without it."""
    path = getattr(args, "profiles", None)
    if path is None:
        if getattr(args, "site_from", None) is not None:
            raise UsageError("--site-from needs --profiles FILE")
        return None
    from .profiles import ProfileError, load_profiles, profiles_key

    try:
        profiles = load_profiles(path)
        stored = profiles_key(path)
    except ProfileError as exc:
        raise UsageError(str(exc)) from None
    return ProfiledTask(
        Parser(max_chars=args.max_chars or None),
        render,
        spans=not getattr(args, "no_spans", False),
        text_field=args.text_field,
        id_field=args.id_field,
        max_chars=args.max_chars,
        site_from=_site_from(args, stored),
        profiles={site: p for site, p in profiles.items() if not p.is_empty()},
        stats=stats,
    )


@attrs.frozen
class LearnTask(Task):
    """A :class:`Task` that summarises each document for its site's profile learner."""

    site_from: tuple[str, ...] = ("dir",)

    def payload(self, item: Raw, doc_id: Any, text: str) -> Any:
        from .profiles import summarise_page

        return site_of(item, doc_id, self.site_from), summarise_page(text, self.parser)


def cmd_learn(args: argparse.Namespace) -> int:
    from .profiles import LearnSettings, ProfileLearner, profiles_json

    _check_paths(args)
    site_from = _site_from(args, None)
    settings = LearnSettings(min_pages=args.min_pages, max_pages=args.max_pages)
    task = LearnTask(
        Parser(max_chars=args.max_chars or None),
        summarise,
        text_field=args.text_field,
        id_field=args.id_field,
        max_chars=args.max_chars,
        site_from=site_from,
    )
    learners: dict[str, ProfileLearner] = {}

    def add(payload: Any) -> None:
        site, summary = payload
        learner = learners.get(site)
        if learner is None:
            learner = learners[site] = ProfileLearner(site, settings)
        learner.add_summary(summary)

    status = _drive(args, "stats", add, _ignore, task)
    profiles = {site: learner.result() for site, learner in learners.items()}
    if not args.quiet:
        for site in sorted(profiles):
            print(profiles[site].report(), file=sys.stderr)
    data = encode(profiles_json(profiles, site_from=site_from))
    out = _open_output(args.output)
    try:
        # Written under a temporary name and renamed into place, as parse's output is.
        _guarded(out, functools.partial(_write_all, out))(data)
        _guarded(out, lambda _: _finish_output(out))(None)
    finally:
        out.discard()
    return status


def _write_all(out: Output, data: bytes) -> None:
    out.stream.write(data)


def _finish_output(out: Output) -> None:
    _SIGNALS.held += 1
    try:
        out.commit()
    finally:
        _SIGNALS.held -= 1


def _profile_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("site profiles")
    group.add_argument(
        "--profiles",
        metavar="FILE",
        help="site profiles written by 'arnews learn': each document is parsed with its "
        "site's profile (documents of other sites as usual)",
    )
    group.add_argument(
        "--site-from",
        metavar="KEY",
        help="how a document's site is found: dir, id-prefix, field NAME or url "
        "(default: as the profiles were learned)",
    )


def _add_learn_command(commands: Any, fmt: type[argparse.HelpFormatter]) -> None:
    learn = commands.add_parser(
        "learn",
        help="learn each site's furniture from a crawl: one profile per site",
        description="Learn one profile per site (its furniture lines, headline-list headings, "
        "marker spellings, tag phrases, sources, agencies) from the pages of a crawl, in one "
        "pass, and write them as one JSON file for 'arnews parse --profiles'.",
        epilog=EPILOG,
        formatter_class=fmt,
    )
    _input_options(learn)
    learn.add_argument(
        "--site-from",
        metavar="KEY",
        default="dir",
        help="how a document's site is found: dir (default: the folder holding it), "
        "id-prefix (its id up to the first / or :), field NAME (a JSON Lines field), "
        "url (the host of its url field)",
    )
    learn.add_argument("-o", "--output", metavar="OUT", help="the profiles file (default: stdout)")
    learn.add_argument(
        "--min-pages",
        type=_at_least_one,
        default=10,
        metavar="N",
        help="a site with fewer pages learns nothing (default 10)",
    )
    learn.add_argument(
        "--max-pages",
        type=_at_least_one,
        default=5000,
        metavar="N",
        help="pages read per site at most, which bounds memory (default 5000)",
    )
    learn.set_defaults(run=cmd_learn)


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
    group.add_argument(
        "--follow-symlinks",
        action="store_true",
        help="in folders, follow symbolic links to files and folders outside them (default: "
        "report them as outside_link and go on)",
    )
    group.add_argument(
        "--max-chars",
        type=_positive,
        default=DEFAULT_MAX_CHARS,
        metavar="N",
        help=f"a document over N characters is reported as too_large, not parsed "
        f"(default {DEFAULT_MAX_CHARS:,}; 0: no limit)",
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
    group.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="output file (default: stdout); written as .OUT.XXXX.part beside it and renamed "
        "when complete; may not be an input or inside an input folder",
    )
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
    _profile_options(parse)
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
    _profile_options(stats)
    stats.set_defaults(run=cmd_stats)
    _add_learn_command(commands, fmt)

    show = commands.add_parser(
        "show",
        help="print one page's parts with their spans, or an HTML page of them (--html)",
        description="Print each part of one page: its kind, its span [start:end] and its text, "
        "coloured by kind on a terminal; or, with --html, write one HTML page showing them.",
        epilog=EPILOG,
        formatter_class=fmt,
    )
    _show_options(show)
    show.set_defaults(run=cmd_show)
    return parser


_COMMANDS = {"parse", "stats", "show", "learn"}
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
    args_list = join_site_from(args_list)
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else EXIT_USAGE
    global _SIGNALS
    _SIGNALS = _Signals()
    if threading.current_thread() is threading.main_thread():
        _SIGNALS.install()
    try:
        return _run(args)
    finally:
        _SIGNALS.restore()


def _run(args: argparse.Namespace) -> int:
    try:
        try:
            status: int = args.run(args)
            _flush_stdout()
            _SIGNALS.check()
            return status
        except (Stopped, KeyboardInterrupt):
            raise
        except BaseException:
            # A signal that arrived while something else failed (a worker killed by the
            # same SIGHUP, say) is what the run ends with.
            _SIGNALS.check()
            raise
    except UsageError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except WriteFailed as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        if exc.stdout:
            _silence_stdout()
        return exc.status
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_PIPE
    except WorkersCannotStart as exc:
        print(f"{PROG}: error: {exc}; try --jobs 1", file=sys.stderr)
        return EXIT_WORKERS
    except (Stopped, KeyboardInterrupt) as exc:
        signum = exc.signum if isinstance(exc, Stopped) else signal.SIGINT
        name = signal.Signals(signum).name
        print(f"\n{PROG}: stopped by {name}", file=sys.stderr)
        stop_helpers()  # the forkserver and resource tracker end with the run, not after
        return EXIT_SIGNAL_BASE + signum


def _flush_stdout() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise WriteFailed("standard output", exc) from exc


def _write_stdout(data: bytes) -> None:
    try:
        sys.stdout.buffer.write(data)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise WriteFailed("standard output", exc) from exc
    _flush_stdout()
