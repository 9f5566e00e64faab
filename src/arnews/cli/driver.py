"""The parallel driver: the task each worker runs on one work unit (it reads, decodes, parses
and encodes the unit's documents), and the loop that hands out units, reports failures in
input order, writes results and shows progress.

The main process plans units (:mod:`arnews.io.units`: groups of files, byte ranges of JSON
Lines files) and writes what comes back, in input order; it reads no document itself, except
from standard input and when a unit whose worker died is run again one document at a time."""

from __future__ import annotations

import argparse
import functools
import itertools
import multiprocessing
import sys
import time
from collections.abc import Callable, Iterator
from typing import IO, Any, NamedTuple

import attrs

from ..batch import START_METHOD, default_jobs, ordered_map
from ..io.readers import DEFAULT_MAX_CHARS, Failure, Raw, decode
from ..io.units import Pos, Unit, plan_units, read_unit, skip_units, split_unit
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


class Batch(NamedTuple):
    """What a worker returns for one unit: a result per document, and where each ends."""

    results: list[Done | Failure]
    ends: list[Pos]


@attrs.frozen
class Task:
    """Read, decode, parse and render one work unit: what each worker process runs.

    Picklable (a frozen attrs class holding the parser and module-level functions), so it is
    sent to each worker once.
    """

    parser: Parser
    render: Callable[[Any, Article, bool], Any]
    spans: bool = True
    text_field: str = "text"
    id_field: str = "id"
    max_chars: int = DEFAULT_MAX_CHARS

    def __call__(self, unit: Unit) -> Batch:
        results: list[Done | Failure] = []
        ends: list[Pos] = []
        one = self.one
        for item, end in read_unit(unit, self.max_chars):
            results.append(one(item))
            ends.append(end)
        return Batch(results, ends)

    def one(self, item: Raw | Failure) -> Done | Failure:
        """The result of one document."""
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
            return Failure(
                doc_id, item.where, "out_of_memory", "ran out of memory parsing it"
            )
        except RecursionError:
            why = "arnews failed on it: RecursionError (please report it)"
            return Failure(doc_id, item.where, "internal_error", why)
        except Exception as exc:  # a bug in arnews: one error record, not a lost run
            why = f"arnews failed on it: {type(exc).__name__}: {exc} (please report it)"
            return Failure(doc_id, item.where, "internal_error", why)

    def payload(self, item: Raw, doc_id: Any, text: str) -> Any:
        """What the worker sends back for one decoded document."""
        return self.render(doc_id, self.parser.parse(text), self.spans)

    def lost(self, unit: Unit, reason: str) -> Batch:
        """The result of a one-document unit (see :func:`arnews.io.units.split_unit`) whose
        worker process died on it, twice."""
        results: list[Done | Failure] = []
        ends: list[Pos] = []
        for item, end in unit.members:
            if isinstance(item, Failure):
                results.append(item)
            else:
                decoded = decode(item, self.text_field, self.id_field)
                doc_id = decoded.id if isinstance(decoded, Failure) else decoded[0]
                why = f"the worker process parsing it died ({reason})"
                results.append(Failure(doc_id, item.where, "worker_died", why))
            ends.append(end)
        return Batch(results, ends)


def lost_item(task: Task, unit: Unit, reason: str) -> Batch:
    return task.lost(unit, reason)


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


@attrs.define
class Plan:
    """What a run reads: segments of the input (``(start, stop)`` positions, ``stop`` ``None``
    for the end), and ``limit`` documents at most (``None``: all). While the run goes,
    :attr:`position` is where reading would start again after the document just yielded, and
    :attr:`docs` counts the documents yielded: what ``--output-dir`` records in its manifest.

    Example:
        >>> Plan([(Pos(0), None)]).position
        Pos(entry=0, offset=0, line=0)
    """

    segments: list[tuple[Pos, Pos | None]]
    limit: int | None = None
    position: Pos = attrs.field(factory=lambda: Pos(0))
    docs: int = 0
    #: The units of the first segment, when they are planned already (``--skip``).
    units: Iterator[Unit] | None = attrs.field(default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.segments:
            self.position = self.segments[0][0]


def unit_options(args: argparse.Namespace) -> dict[str, Any]:
    """The keyword arguments of :func:`arnews.io.units.plan_units` that the options give."""
    return {
        "pattern": args.glob,
        "input_format": args.input_format,
        "max_chars": args.max_chars,
        "follow_symlinks": args.follow_symlinks,
        "per_unit": args.chunksize,
    }


def default_plan(args: argparse.Namespace) -> Plan:
    """The plan of ``--skip N --limit N`` (or of the whole input): the first ``N`` documents
    are passed over without being decoded."""
    limit = getattr(args, "limit", None)
    skip = getattr(args, "skip", 0) or 0
    if not skip:
        return Plan([(Pos(0), None)], limit)
    # Reading goes on from the units the skipping stopped in: standard input is read once.
    planned = plan_units(args.paths, **unit_options(args))
    start, units = skip_units(planned, skip, Pos(0), args.max_chars)
    return Plan([(start, None)], limit, units=units)


def pipeline(
    args: argparse.Namespace,
    render: str,
    task: Task | None = None,
    plan: Plan | None = None,
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
    )
    plan = plan or default_plan(args)
    options = unit_options(args)
    planned = plan.units
    units = itertools.chain.from_iterable(
        planned
        if i == 0 and planned is not None
        else plan_units(args.paths, start=start, stop=stop, **options)
        for i, (start, stop) in enumerate(plan.segments)
    )
    batches = ordered_map(
        task,
        units,
        jobs=jobs,
        chunksize=1,
        on_lost=functools.partial(lost_item, task),
        on_death=report_death,
        split=functools.partial(split_unit, max_chars=args.max_chars),
    )
    return _documents(batches, plan)


def _documents(batches: Iterator[Batch], plan: Plan) -> Iterator[Done | Failure]:
    limit = plan.limit
    try:
        if limit is not None and plan.docs >= limit:
            return
        for results, ends in batches:
            for result, end in zip(results, ends, strict=True):
                plan.position = end
                plan.docs += 1
                yield result
                if limit is not None and plan.docs >= limit:
                    return
    finally:
        close = getattr(batches, "close", None)
        if close is not None:  # stop the workers
            close()


def drive(
    args: argparse.Namespace,
    render: str,
    on_done: Callable[[Any], None],
    on_error: Callable[[Failure], None],
    task: Task | None = None,
    plan: Plan | None = None,
) -> int:
    """Run the pipeline; return the exit status.

    Each failure is reported on stderr in input order and passed to ``on_error`` (which writes
    an error record, or counts it); ``--errors fail`` stops at the first one.
    """
    progress = Progress(sys.stderr, sys.stderr.isatty() and not args.quiet)
    status = EXIT_OK
    results = pipeline(args, render, task, plan)
    try:
        for result in results:
            if isinstance(result, Failure):
                status = EXIT_DATA
                if progress.enabled:
                    sys.stderr.write(
                        "\r\x1b[K"
                    )  # the message replaces the progress line
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
