"""Worker processes that outlive their workers: the engine under :func:`arnews.batch.ordered_map`.

:func:`supervised_map` sends chunks of items to ``jobs`` worker processes, each over its own
pipe, and yields the results in input order. Because the parent knows which chunk each worker
holds, a worker that dies (killed, out of memory, crashed in C code) costs nothing but a fresh
worker: its chunk is run again one item at a time, each in a worker of its own turn, so that
only the item that kills a worker again is lost. What becomes of that item is the caller's
choice: ``on_lost(item, reason)`` gives its result, else :class:`WorkerDied` is raised when its
turn comes.

``concurrent.futures.ProcessPoolExecutor`` cannot do this: one dead worker breaks the whole
pool and it does not say which item was in the dead worker.

Example:
    >>> list(supervised_map(abs, [-1, 2, -3], jobs=2, chunksize=1))
    [1, 2, 3]
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

__all__ = [
    "WorkerDied",
    "WorkersCannotStart",
    "describe_exit",
    "fork_is_safe",
    "stop_helpers",
    "supervised_map",
]

T = TypeVar("T")
R = TypeVar("R")

#: The :mod:`multiprocessing` start method used for worker processes.
START_METHOD = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"

#: What ``start_method="fork"`` asks for: :func:`os.fork` of this process where
#: :func:`fork_is_safe`, else :data:`START_METHOD`.
FORK = "fork"

# Chunks allowed in flight per worker (sent, or done and waiting for their turn): enough that
# no worker waits while an earlier chunk is slow, few enough that memory does not depend on
# the input.
WINDOW_PER_JOB = 4

# Workers that die on their first job, this many times in a row before any worker has done
# any work, cannot start at all (an unpicklable task, a broken environment): retrying would
# loop. (A run whose first documents all kill their workers is the price: it ends early.)
_MAX_START_DEATHS = 3

# How long stopping waits for a worker to end after SIGTERM before it sends SIGKILL.
_STOP_GRACE = 5.0


class WorkerDied(RuntimeError):
    """A worker process ended while it held an item (killed, out of memory, crashed).

    Example:
        >>> str(WorkerDied("killed by SIGKILL"))
        'a worker process died while working on this item (killed by SIGKILL)'
    """

    def __init__(self, reason: str) -> None:
        super().__init__(f"a worker process died while working on this item ({reason})")
        #: How the worker ended, e.g. ``killed by SIGKILL``.
        self.reason = reason


class WorkersCannotStart(RuntimeError):
    """Worker processes die before doing any work, again and again (an unpicklable task, a
    broken environment): retrying would loop forever.

    Example:
        >>> str(WorkersCannotStart("exited with status 1"))
        'worker processes cannot start: exited with status 1'
    """

    def __init__(self, reason: str) -> None:
        super().__init__(f"worker processes cannot start: {reason}")


def describe_exit(exitcode: int | None) -> str:
    """Say how a process ended, from :attr:`multiprocessing.Process.exitcode`.

    Example:
        >>> describe_exit(-9), describe_exit(3)
        ('killed by SIGKILL', 'exited with status 3')
    """
    if exitcode is None:
        return "ended"
    if exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"killed by signal {-exitcode}"
    return f"exited with status {exitcode}"


def fork_is_safe() -> bool:
    """Whether a worker may be made by forking this process as it is: on Linux, while this
    process runs one thread (no Python thread, nor one a C library started: a lock another
    thread holds at the fork would stay held in the child for ever).

    Example:
        >>> fork_is_safe() in (True, False)
        True
    """
    if (
        not sys.platform.startswith("linux")
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return threading.active_count() == 1


def _worker_main(
    task: Callable[[Any], Any], conn: Connection, inherited: tuple[Connection, ...] = ()
) -> None:
    # Ctrl-C reaches the whole process group; the parent alone decides how to stop. A worker
    # forked from the parent would also inherit its handlers of SIGTERM and SIGHUP (the
    # command turns them into an exception, which here would be one document's error): a
    # worker ends on them, as one started afresh does.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, signal.SIG_DFL)
    # A forked worker holds copies of the parent's ends of its own pipe and the other
    # workers': closed, so that each worker sees the parent go (end of file) when it goes.
    for other in inherited:
        other.close()
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):  # the parent has gone
            return
        if job is None:
            return
        key, chunk = job
        out: list[Any] = []
        error: BaseException | None = None
        for item in chunk:
            try:
                out.append(task(item))
            except Exception as exc:
                error = exc
                break
        try:
            conn.send((key, out, error))
        except (EOFError, OSError):
            return
        except Exception as exc:  # the error or a result does not pickle: say so instead
            conn.send((key, out[: len(out) if error else 0], RuntimeError(f"{error or exc!r}")))


class _Worker:
    """One worker process, its pipe, and the job it holds (``None`` when idle).

    ``method`` ``fork`` forks this process when :func:`fork_is_safe`, the task passed as it
    is (not pickled), after calling ``before_fork``, and otherwise uses
    :data:`START_METHOD`; ``others`` are the live workers, whose pipes' parent ends a forked
    worker closes, as it closes its own's.
    """

    def __init__(
        self,
        method: str,
        task: Callable[[Any], Any],
        others: Iterable[_Worker] = (),
        before_fork: Callable[[], None] | None = None,
    ) -> None:
        forked = method == FORK and fork_is_safe()
        if forked and before_fork is not None:
            before_fork()
        ctx: Any = multiprocessing.get_context(FORK if forked else _fallback(method))
        ours, theirs = ctx.Pipe(duplex=True)
        self.conn: Connection = ours
        #: Whether it was forked from this process.
        self.forked = forked
        # A forked worker holds copies of the parent's end of its own pipe and of the other
        # workers' pipes: it closes them, or it would never see the parent go.
        inherited = (ours, *(w.conn for w in others)) if forked else ()
        self.proc = ctx.Process(target=_worker_main, args=(task, theirs, inherited), daemon=True)
        self.proc.start()
        theirs.close()
        self.job: tuple[tuple[int, int], list[Any]] | None = None


class _Split:
    """A chunk whose worker died, run again one item at a time: results gather here."""

    def __init__(self, size: int) -> None:
        self.out: list[Any] = [None] * size
        self.error: list[BaseException | None] = [None] * size
        self.left = size


def supervised_map(
    task: Callable[[T], R],
    items: Iterable[T],
    *,
    jobs: int,
    chunksize: int,
    on_lost: Callable[[T, str], R] | None = None,
    on_death: Callable[[str, int, bool], None] | None = None,
    split: Callable[[T], list[T]] | None = None,
    start_method: str | None = None,
    before_fork: Callable[[], None] | None = None,
) -> Iterator[R]:
    """Yield ``task(item)`` for each item, in input order, from ``jobs`` worker processes.

    At most ``4 * jobs`` chunks of ``chunksize`` items are in flight. A worker that dies is
    replaced; the items of its chunk are run again one at a time, and an item whose worker
    dies again gives ``on_lost(item, reason)`` (or raises :class:`WorkerDied` at its turn).
    ``on_death(reason, items, again)`` is told of each death, how many items the worker
    held and whether they are run again (``False``: the item is lost).
    With ``split``, an item whose worker died is first cut into smaller items
    (``split(item)``, in this process), which are run one at a time and give one result
    each, in order, in the item's place: how a work unit of many documents is run again
    document by document.
    ``start_method`` is how workers are started: :data:`START_METHOD` by default (a fresh
    interpreter: safe whatever this process does); ``"fork"`` forks this process where
    :func:`fork_is_safe` (checked at each start), so a worker starts at once with all this
    process has imported and compiled, and the task is not pickled; ``before_fork`` is then
    called here before the first worker is forked (to prepare what every worker would
    otherwise prepare for itself). Only a program that owns its process (the ``arnews``
    command) should ask for it.
    An exception raised by ``task`` is raised here at its item's turn, after the results
    before it. Closing the iterator (or an exception here) stops every worker at once.

    Example:
        >>> list(supervised_map(len, ["a", "bb", "ccc"], jobs=2, chunksize=1))
        [1, 2, 3]
    """
    method = start_method or START_METHOD
    source = iter(items)
    chunks = iter(lambda: list(itertools.islice(source, chunksize)), [])
    window = jobs * WINDOW_PER_JOB
    workers: list[_Worker] = []
    # Finished chunks by number, waiting for their turn: (results, error or None).
    done: dict[int, tuple[list[R], BaseException | None]] = {}
    splits: dict[int, _Split] = {}
    retry: deque[tuple[tuple[int, int], list[Any]]] = deque()
    issued = turn = 0
    exhausted = False
    start_deaths = 0
    served = 0
    finished = False
    try:
        prepare = [before_fork] if before_fork is not None else []

        def start(others: list[_Worker]) -> _Worker:
            # before_fork runs once, before the first worker that is forked.
            worker = _Worker(method, task, others, prepare[0] if prepare else None)
            if worker.forked:
                prepare.clear()
            return worker

        for _ in range(jobs):
            workers.append(start(workers))
        while True:
            while turn in done:
                out, error = done.pop(turn)
                turn += 1
                yield from out
                if error is not None:
                    raise error
            if exhausted and turn == issued:
                break
            for index, worker in enumerate(workers):
                if worker.job is not None:
                    continue
                if retry:
                    job = retry.popleft()
                elif not exhausted and issued - turn < window:
                    chunk = next(chunks, None)
                    if chunk is None:
                        exhausted = True
                        break
                    job = ((issued, -1), chunk)
                    issued += 1
                else:
                    break
                try:
                    worker.conn.send(job)
                except (OSError, EOFError):
                    # It died idle (killed between two jobs): it never had this job.
                    retry.appendleft(job)
                    worker.proc.join()
                    worker.conn.close()
                    if on_death is not None:
                        on_death(describe_exit(worker.proc.exitcode), 0, True)
                    workers[index] = start(_others(workers, index))
                    continue
                worker.job = job
            busy = [w for w in workers if w.job is not None]
            if not busy:
                continue  # everything issued is done: yield it, or end
            ready = set(wait([w.conn for w in busy] + [w.proc.sentinel for w in busy]))
            for index, worker in enumerate(workers):
                if worker.job is None or (
                    worker.conn not in ready and worker.proc.sentinel not in ready
                ):
                    continue
                message = None
                try:
                    if worker.conn.poll():
                        message = worker.conn.recv()
                except (EOFError, OSError):
                    message = None
                if message is not None:
                    (seq, part), out, error = message
                    worker.job = None
                    served += 1
                    _store(done, splits, seq, part, out, error)
                    continue
                # The worker ended holding a job: replace it, and run the job again.
                worker.proc.join()
                reason = describe_exit(worker.proc.exitcode)
                job = worker.job
                assert job is not None
                (seq, part), chunk = job
                worker.conn.close()
                if served == 0:
                    start_deaths += 1
                    if start_deaths >= _MAX_START_DEATHS:
                        raise WorkersCannotStart(reason)
                if part < 0 and split is not None:
                    chunk = [piece for item in chunk for piece in split(item)]
                if on_death is not None:
                    on_death(reason, len(chunk), part < 0)
                if part < 0 and not chunk:
                    done[seq] = ([], None)  # nothing to run again
                elif part < 0:
                    # Which item killed it is unknown: each is run alone, in order.
                    splits[seq] = _Split(len(chunk))
                    retry.extendleft(reversed([((seq, i), [item]) for i, item in enumerate(chunk)]))
                else:
                    item = chunk[0]
                    if on_lost is None:
                        _store(done, splits, seq, part, [], WorkerDied(reason))
                    else:
                        _store(done, splits, seq, part, [on_lost(item, reason)], None)
                workers[index] = start(_others(workers, index))
        finished = True
    finally:
        _stop_workers(workers, graceful=finished)


def _fallback(method: str) -> str:
    return START_METHOD if method == FORK else method


def _others(workers: list[_Worker], index: int) -> list[_Worker]:
    # The workers a replacement for ``workers[index]`` would inherit pipes of.
    return [w for i, w in enumerate(workers) if i != index]


def _store(
    done: dict[int, tuple[list[Any], BaseException | None]],
    splits: dict[int, _Split],
    seq: int,
    part: int,
    out: list[Any],
    error: BaseException | None,
) -> None:
    if part < 0:
        done[seq] = (out, error)
        return
    split = splits[seq]
    split.out[part] = out[0] if out else None
    split.error[part] = error
    split.left -= 1
    if split.left == 0:
        del splits[seq]
        results: list[Any] = []
        first_error = None
        for value, err in zip(split.out, split.error, strict=True):
            if err is not None:
                first_error = err
                break
            results.append(value)
        done[seq] = (results, first_error)


def _stop_workers(workers: list[_Worker], *, graceful: bool) -> None:
    # After a normal end, idle workers are asked to leave; otherwise (an error, the consumer
    # closed the iterator, a signal) nothing they do is wanted: they are terminated now.
    for worker in workers:
        try:
            if graceful and worker.job is None:
                worker.conn.send(None)
            elif worker.proc.is_alive():
                worker.proc.terminate()
        except (OSError, ValueError):
            pass
    for worker in workers:
        worker.proc.join(_STOP_GRACE)
        if worker.proc.is_alive():
            worker.proc.kill()
            worker.proc.join()
        worker.conn.close()


def stop_helpers() -> None:
    """Stop the forkserver and resource-tracker processes :mod:`multiprocessing` started.

    They would end by themselves soon after this process ends; a command stopped by a
    signal calls this so that no process of the run outlives it. A later pool starts them
    again. Both calls are private to :mod:`multiprocessing`, hence the guard.

    Example:
        >>> stop_helpers()
    """
    from multiprocessing import forkserver, resource_tracker

    for helper in (
        getattr(forkserver, "_forkserver", None),
        getattr(resource_tracker, "_resource_tracker", None),
    ):
        stop = getattr(helper, "_stop", None)
        if stop is not None:
            with contextlib.suppress(OSError, ChildProcessError, TypeError):
                stop()
