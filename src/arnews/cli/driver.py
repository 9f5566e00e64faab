"""The parallel driver: the task each worker runs on one input, and the loop that hands out
inputs, reports failures in input order, writes results and shows progress."""

from __future__ import annotations

import argparse
import functools
import multiprocessing
import sys
import time
from collections.abc import Callable, Iterator
from typing import IO, Any, NamedTuple

import attrs

from ..batch import START_METHOD, default_jobs, ordered_map
from ..io.readers import DEFAULT_MAX_CHARS, Doc, Failure, Raw, decode, read_inputs
from ..model import Article
from ..parser import Parser
from .common import (
    EXIT_DATA,
    EXIT_OK,
    PROG,
    SIGNALS,
)
from .records import RENDERERS

# --------------------------------------------------------------------------------------------
# Items that flow through the pipeline. NamedTuples: they pickle small and fast, which matters
# because every document crosses a process boundary twice.


class Done(NamedTuple):
    """One parsed document, rendered for its output format."""

    payload: Any
    nbytes: int


@attrs.frozen
class Task:
    """Decode, parse and render one input: what each worker process runs.

    Picklable (a frozen attrs class holding the parser and module-level functions), so it is
    sent to each worker once.
    """

    parser: Parser
    render: Callable[[Doc, Article, bool], Any]
    spans: bool = True
    text_field: str = "text"
    id_field: str = "id"
    max_chars: int = DEFAULT_MAX_CHARS
    #: ``--keep-fields``: the input fields kept in ``metadata`` (``None``: all).
    keep_fields: tuple[str, ...] | None = None

    def __call__(self, item: Raw | Failure) -> Done | Failure:
        if isinstance(item, Failure):
            return item
        doc = decode(item, self.text_field, self.id_field, self.keep_fields)
        if isinstance(doc, Failure):
            return doc
        doc_id = doc.id
        if self.max_chars and len(doc.text) > self.max_chars:
            why = f"{len(doc.text):,} characters, over --max-chars {self.max_chars:,}"
            return Failure(doc_id, item.where, "too_large", why, doc.metadata)
        try:
            return Done(self.payload(item, doc), len(item.data))
        except MemoryError:
            why = "ran out of memory parsing it"
            return Failure(doc_id, item.where, "out_of_memory", why, doc.metadata)
        except RecursionError:
            why = "arnews failed on it: RecursionError (please report it)"
            return Failure(doc_id, item.where, "internal_error", why, doc.metadata)
        except Exception as exc:  # a bug in arnews: one error record, not a lost run
            why = f"arnews failed on it: {type(exc).__name__}: {exc} (please report it)"
            return Failure(doc_id, item.where, "internal_error", why, doc.metadata)

    def payload(self, item: Raw, doc: Doc) -> Any:
        """What the worker sends back for one decoded document."""
        return self.render(doc, self.parser.parse(doc.text), self.spans)

    def lost(self, item: Raw | Failure, reason: str) -> Failure:
        """The error record of an item whose worker process died on it, twice."""
        if isinstance(item, Failure):
            return item
        decoded = decode(item, self.text_field, self.id_field, self.keep_fields)
        why = f"the worker process parsing it died ({reason})"
        return Failure(decoded.id, item.where, "worker_died", why, decoded.metadata)


def lost_item(task: Task, item: Raw | Failure, reason: str) -> Done | Failure:
    return task.lost(item, reason)


def report_death(reason: str, items: int, again: bool) -> None:
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


def job_count(args: argparse.Namespace) -> int:
    return default_jobs() if args.jobs in (None, 0) else int(args.jobs)


def pipeline(
    args: argparse.Namespace, render: str, task: Task | None = None
) -> Iterator[Done | Failure]:
    jobs = job_count(args)
    if jobs > 1 and START_METHOD == "forkserver":
        # Workers fork from the forkserver: with arnews imported there once, none of them
        # imports it and compiles the lexicon again (0.3 s each). The command owns its
        # process, so it may set this process-wide option; the library does not.
        multiprocessing.set_forkserver_preload(["arnews"])
    task = task or Task(
        # The parser's own limit follows the command's, so a page the command lets through
        # is parsed, not returned as body text.
        Parser(max_chars=args.max_chars or None),
        RENDERERS[render],
        spans=not getattr(args, "no_spans", False),
        text_field=args.text_field,
        id_field=args.id_field,
        max_chars=args.max_chars,
        keep_fields=getattr(args, "keep_fields", None),
    )
    items = read_inputs(
        args.paths,
        pattern=args.glob,
        input_format=args.input_format,
        max_chars=args.max_chars,
        follow_symlinks=args.follow_symlinks,
        text_field=task.text_field,
        id_field=task.id_field,
        keep_fields=task.keep_fields,
    )
    return ordered_map(
        task,
        items,
        jobs=jobs,
        chunksize=args.chunksize,
        on_lost=functools.partial(lost_item, task),
        on_death=report_death,
    )


def drive(
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
    results = pipeline(args, render, task)
    try:
        for result in results:
            if isinstance(result, Failure):
                status = EXIT_DATA
                if progress.enabled:
                    sys.stderr.write("\r\x1b[K")  # the message replaces the progress line
                print(result.line(), file=sys.stderr)
                SIGNALS.held += 1  # a record is written whole, or not at all
                try:
                    on_error(result)
                finally:
                    SIGNALS.held -= 1
                SIGNALS.check()
                if args.errors == "fail":
                    break
                progress.update(0)
            else:
                SIGNALS.held += 1
                try:
                    on_done(result.payload)
                finally:
                    SIGNALS.held -= 1
                SIGNALS.check()
                progress.update(result.nbytes)
    finally:
        close = getattr(results, "close", None)
        if close is not None:  # stop the workers even when the output broke mid-way
            close()
        progress.close()
    return status


def ignore(failure: Failure) -> None:
    pass
