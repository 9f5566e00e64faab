"""The parallel driver: the task each worker runs on one work unit (it reads, decodes, parses
and encodes the unit's documents), and the loop that hands out units, reports failures in
input order, writes results, shows progress (:mod:`.progress`) and sums the run up
(:mod:`.summary`).

The main process plans units (:mod:`arnews.io.units`: groups of files, byte ranges of JSON
Lines files) and writes what comes back, in input order; it reads no document itself, except
from standard input and when a unit whose worker died is run again one document at a time."""

from __future__ import annotations

import argparse
import functools
import itertools
import multiprocessing
import signal
import sys
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

import attrs

from ..batch import START_METHOD, default_jobs, ordered_map
from ..io.readers import DEFAULT_MAX_CHARS, Doc, Failure, Raw, decode
from ..io.units import Pos, Unit, plan_units, read_unit, skip_units, split_unit
from ..io.writers import Output
from ..model import Article
from ..parser import Parser
from ..pool import FORK
from .common import (
    EXIT_DATA,
    EXIT_OK,
    EXIT_SIGNAL_BASE,
    PROG,
    SIGNALS,
    Stopped,
    UsageError,
    WriteFailed,
)
from .lexicons import command_parser
from .progress import Progress, say
from .records import RENDERERS
from .summary import RunSummary

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
    render: Callable[[Doc, Article, bool], Any]
    spans: bool = True
    text_field: str = "text"
    id_field: str = "id"
    max_chars: int = DEFAULT_MAX_CHARS
    #: ``--keep-fields``: the input fields kept in ``metadata`` (``None``: all).
    keep_fields: tuple[str, ...] | None = None

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

    def lost(self, unit: Unit, reason: str) -> Batch:
        """The result of a one-document unit (see :func:`arnews.io.units.split_unit`) whose
        worker process died on it, twice."""
        results: list[Done | Failure] = []
        ends: list[Pos] = []
        for item, end in unit.members:
            if isinstance(item, Failure):
                results.append(item)
            else:
                doc = decode(item, self.text_field, self.id_field, self.keep_fields)
                why = f"the worker process parsing it died ({reason})"
                results.append(Failure(doc.id, item.where, "worker_died", why, doc.metadata))
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
    say(f"{PROG}: warning: a worker process died ({reason}) {what}")


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
        "text_field": args.text_field,
        "id_field": args.id_field,
        "keep_fields": getattr(args, "keep_fields", None),
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
        # Where forking this process is not safe (see below), workers fork from the
        # forkserver: with arnews imported there once, and its patterns compiled there by
        # parsing the bundled pages (arnews.cli.warm), none of them pays for either again.
        # The command owns its process, so it may set this process-wide option; the
        # library does not.
        multiprocessing.set_forkserver_preload(["arnews", "arnews.cli.warm"])
    task = task or Task(
        command_parser(args),
        RENDERERS[render],
        spans=not getattr(args, "no_spans", False),
        text_field=args.text_field,
        id_field=args.id_field,
        max_chars=args.max_chars,
        keep_fields=getattr(args, "keep_fields", None),
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
        # The workers are forked from this process where that is safe (Linux, while it runs
        # one thread; on a terminal the progress bar's threads run by then, and the
        # forkserver is used): each starts at once with arnews imported and, through
        # _warm_up, its patterns compiled here once, where the forkserver would first
        # import arnews again in a process of its own (0.4 s before any worker can start).
        start_method=FORK,
        before_fork=_warm_up,
    )
    return _documents(batches, plan)


def _warm_up() -> None:
    import arnews.cli.warm  # noqa: F401  (parses the bundled pages, once)


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

    Each failure is reported on stderr in input order (the first
    :data:`~arnews.cli.summary.SHOWN_PER_CODE` of each kind; the rest are counted) and passed
    to ``on_error`` (which writes an error record, or counts it); ``--errors fail`` stops at
    the first one. A progress bar is shown on a terminal, and a summary at the end (unless
    ``-q``); ``--summary-json FILE`` writes the summary as JSON, even after a signal.
    """
    command = getattr(args, "command", None) or "parse"
    results = pipeline(args, render, task, plan)  # the lexicons are read here: a usage error first
    summary_out = _summary_output(args)
    summary = RunSummary(command, records_for_errors=command == "parse" and args.errors == "record")
    interactive = sys.stderr.isatty() and not args.quiet
    # A run that reads part of its input (--skip, --limit, --resume) has no total to reach.
    partial = any(getattr(args, name, None) for name in ("skip", "limit", "resume"))
    measure = None if partial else (args.paths, args.glob, args.input_format)
    progress = Progress(sys.stderr, interactive, measure)
    status = EXIT_OK
    completed = False
    try:
        try:
            for result in results:
                if isinstance(result, Failure):
                    status = EXIT_DATA
                    summary.failed(result)
                    SIGNALS.held += 1  # a record is written whole, or not at all
                    try:
                        on_error(result)
                    finally:
                        SIGNALS.held -= 1
                    SIGNALS.check()
                    progress.update(1, 0)
                    if args.errors == "fail":
                        break
                else:
                    SIGNALS.held += 1
                    try:
                        on_done(result.payload)
                    finally:
                        SIGNALS.held -= 1
                    SIGNALS.check()
                    summary.done(1, result.nbytes)
                    progress.update(1, result.nbytes)
        finally:
            close = getattr(results, "close", None)
            if close is not None:  # stop the workers even when the output broke mid-way
                close()
        completed = True
    except Stopped as exc:
        summary.stopped = signal.Signals(exc.signum).name
        raise
    except KeyboardInterrupt:
        summary.stopped = "SIGINT"
        raise
    finally:
        progress.close()
        summary.finish()
        for line in summary.hidden():  # even with -q: they are part of the error report
            say(line)
        wanted = getattr(args, "summary", "auto")
        if wanted == "always" or (wanted == "auto" and interactive):
            for line in summary.block():
                say(line)
        if summary_out is not None:
            _write_summary(summary, summary_out, status, completed)
    return status


def _summary_output(args: argparse.Namespace) -> Output | None:
    # Opened before the run, so that a folder that cannot be written to is told at once,
    # not after hours of parsing.
    target = getattr(args, "summary_json", None)
    if target is None:
        return None
    try:
        return Output(target)
    except OSError as exc:
        raise UsageError(f"--summary-json: cannot write {target}: {exc.strerror or exc}") from exc


def _write_summary(summary: RunSummary, out: Output, status: int, completed: bool) -> None:
    if summary.stopped is not None:
        status = EXIT_SIGNAL_BASE + getattr(signal, summary.stopped)
    try:
        summary.write_json(out, status)
    except OSError as exc:
        if completed:  # else the run's own error is the one to tell
            raise WriteFailed(out.name, exc) from exc
    finally:
        out.discard()


def ignore(failure: Failure) -> None:
    pass
