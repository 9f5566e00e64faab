"""Parse many pages: in order, in bounded memory, on one process or several.

:func:`parse_many` is the corpus-scale counterpart of :func:`arnews.parse`. It takes any
iterable of texts (a list, a generator over a 100 GB dump) and yields one
:class:`~arnews.Article` per text, in input order. With ``jobs > 1`` the parsing runs in
worker processes; at most ``4 * jobs`` chunks are in flight at any time, so memory stays flat
however long the input is, and the input is read no faster than the workers parse it.

Processes are started with the ``forkserver`` method where the platform has it (Linux and
macOS), else ``spawn``. Both start workers from a clean interpreter, so they are safe even when
the calling program already runs threads (Dask, pyarrow, a web server), which ``fork`` is not;
``forkserver`` is also the default of Python 3.14 on Linux. Each worker receives the parser
once, by pickling, when it starts. As with any use of :mod:`multiprocessing`, a script that
calls ``parse_many(..., jobs=2)`` at import time must guard it with
``if __name__ == "__main__":``.

Example:
    >>> from arnews.batch import parse_many
    >>> pages = ["سرايا - أعلن البيت الأبيض الخبر.", "خبر قصير.\\n\\nالمصدر: رويترز"]
    >>> [a.source for a in parse_many(pages)]
    [None, 'رويترز']
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

from .model import Article
from .parser import Parser, parse

__all__ = ["START_METHOD", "default_jobs", "ordered_map", "parse_many"]

T = TypeVar("T")
R = TypeVar("R")

#: The :mod:`multiprocessing` start method used for worker processes.
START_METHOD = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"

# Chunks allowed in flight per worker: enough that no worker waits for work while the main
# process collects an earlier chunk, and few enough that memory does not depend on the input.
_WINDOW_PER_JOB = 4

# The callable a worker applies, set once per worker process by _init_worker.
_worker_task: Callable[[Any], Any] | None = None


def default_jobs() -> int:
    """The number of processes to use when none is asked for: the CPUs this process may run
    on (``os.sched_getaffinity``, which honours ``taskset`` and cpusets), else
    ``os.cpu_count()``.

    Example:
        >>> default_jobs() >= 1
        True
    """
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # macOS and Windows have no affinity call
        return os.cpu_count() or 1


def _init_worker(task: Callable[[Any], Any]) -> None:
    global _worker_task
    _worker_task = task
    # Ctrl-C reaches the whole process group; the parent alone decides how to stop, so the
    # workers must not each print a KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run_chunk(chunk: list[Any]) -> list[Any]:
    task = _worker_task
    if task is None:  # pragma: no cover - only if the pool was built without _init_worker
        raise RuntimeError("arnews worker started without a task")
    return [task(item) for item in chunk]


def ordered_map(
    task: Callable[[T], R],
    items: Iterable[T],
    *,
    jobs: int = 1,
    chunksize: int = 64,
) -> Iterator[R]:
    """Yield ``task(item)`` for each item, in input order, using ``jobs`` processes.

    The building block of :func:`parse_many` and of the ``arnews`` command. ``task`` must be
    picklable (a module-level function, or an instance of a module-level class); it is sent to
    each worker once. Items go to the workers in lists of ``chunksize``; no more than
    ``4 * jobs`` lists are in flight, so ``items`` may be an endless generator. When the input
    holds no more than one chunk, it is processed in this process, since starting workers would
    cost more than it saves. An exception raised by ``task`` is raised here, when its item's
    turn comes, and the workers are stopped. Closing the iterator early also stops them.

    Raises:
        ValueError: ``jobs`` or ``chunksize`` is less than 1.

    Example:
        >>> list(ordered_map(len, ["أ", "بب", "تتت"], jobs=2))
        [1, 2, 3]
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    if chunksize < 1:
        raise ValueError(f"chunksize must be at least 1, not {chunksize}")
    if jobs == 1:
        return map(task, items)
    return _pooled_map(task, iter(items), jobs, chunksize)


def _pooled_map(
    task: Callable[[T], R], items: Iterator[T], jobs: int, chunksize: int
) -> Iterator[R]:
    chunks = iter(lambda: list(itertools.islice(items, chunksize)), [])
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None)
    if second is None:
        yield from map(task, first)
        return
    executor = ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context(START_METHOD),
        initializer=_init_worker,
        initargs=(task,),
    )
    try:
        pending: deque[Future[list[R]]] = deque()
        window = jobs * _WINDOW_PER_JOB
        for chunk in itertools.chain((first, second), chunks):
            pending.append(executor.submit(_run_chunk, chunk))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        # Reached on normal end, on an error and when the consumer closes the generator
        # (e.g. the output pipe broke): queued chunks are dropped, running ones finish.
        executor.shutdown(wait=True, cancel_futures=True)


def parse_many(
    texts: Iterable[str],
    *,
    jobs: int = 1,
    chunksize: int = 64,
    parser: Parser | None = None,
) -> Iterator[Article]:
    """Parse each text, yielding one :class:`~arnews.Article` per text, in input order.

    ``jobs=1`` parses in this process, lazily, one text at a time. ``jobs > 1`` starts that
    many worker processes (see the module docs for the start method) and keeps at most
    ``4 * jobs`` chunks of ``chunksize`` texts in flight, so memory stays bounded for inputs
    of any length. ``parser`` (default: the configuration of :func:`arnews.parse`) is pickled
    to each worker once.
    The results are the same whatever ``jobs`` is: parsing is a pure function of the text.

    Raises:
        TypeError: an item is not a ``str`` (raised when that item's turn comes).
        ValueError: ``jobs`` or ``chunksize`` is less than 1.

    Example:
        >>> from arnews.batch import parse_many
        >>> texts = (f"خبر رقم {i}.\\n\\nالمصدر: وكالة {i}" for i in range(3))
        >>> [a.source for a in parse_many(texts, jobs=1)]
        ['وكالة 0', 'وكالة 1', 'وكالة 2']
    """
    # The module-level parse pickles by reference: workers use their own default parser.
    task: Callable[[str], Article] = parse if parser is None else parser.parse
    return ordered_map(task, texts, jobs=jobs, chunksize=chunksize)
