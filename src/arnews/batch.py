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
import os
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

from .io.items import Doc
from .model import Article
from .parser import Parser, parse

if TYPE_CHECKING:
    from .pool import START_METHOD, WorkerDied

__all__ = ["START_METHOD", "WorkerDied", "default_jobs", "ordered_map", "parse_many"]


def __getattr__(name: str) -> Any:
    # The pool, and multiprocessing with it (about 20 ms), is imported when first used,
    # not with arnews: a process that parses in one process never pays for it.
    if name in ("START_METHOD", "WorkerDied", "supervised_map"):
        from . import pool

        return getattr(pool, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


T = TypeVar("T")
R = TypeVar("R")
#: What :func:`parse_many` takes: a text, a :class:`~arnews.Page` (or anything with a ``text``
#: string), or an ``(id, text)`` pair.
PageLike = str | Doc | tuple[Any, str]
P = TypeVar("P", bound=PageLike)


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


def ordered_map(
    task: Callable[[T], R],
    items: Iterable[T],
    *,
    jobs: int = 1,
    chunksize: int = 64,
    on_lost: Callable[[T, str], R] | None = None,
    on_death: Callable[[str, int, bool], None] | None = None,
    split: Callable[[T], list[T]] | None = None,
    start_method: str | None = None,
    before_fork: Callable[[], None] | None = None,
) -> Iterator[R]:
    """Yield ``task(item)`` for each item, in input order, using ``jobs`` processes.

    The building block of :func:`parse_many` and of the ``arnews`` command. ``task`` must be
    picklable (a module-level function, or an instance of a module-level class); it is sent to
    each worker once. Items go to the workers in lists of ``chunksize``; no more than
    ``4 * jobs`` lists are in flight, so ``items`` may be an endless generator. When the input
    holds no more than one chunk, it is processed in this process, since starting workers would
    cost more than it saves. An exception raised by ``task`` is raised here, when its item's
    turn comes, and the workers are stopped. Closing the iterator early also stops them.

    A worker process that dies (killed, out of memory, crashed) is replaced and the run goes
    on: the items it held are run again one at a time, and an item whose worker dies again
    gives ``on_lost(item, reason)`` in its place, or, without ``on_lost``, raises
    :class:`~arnews.pool.WorkerDied` at its turn. ``on_death(reason, items, again)`` is told of
    each death, and ``split`` may cut an item whose worker died into smaller ones, run one
    at a time (see :func:`arnews.pool.supervised_map`), and ``start_method`` says how the
    workers start (default: :data:`START_METHOD`; ``"fork"``, with ``before_fork``, only
    for a program that owns its process, as that function says).

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
    return _pooled_map(
        task, iter(items), jobs, chunksize, on_lost, on_death, split, start_method, before_fork
    )


def _pooled_map(
    task: Callable[[T], R],
    items: Iterator[T],
    jobs: int,
    chunksize: int,
    on_lost: Callable[[T, str], R] | None,
    on_death: Callable[[str, int, bool], None] | None,
    split: Callable[[T], list[T]] | None = None,
    start_method: str | None = None,
    before_fork: Callable[[], None] | None = None,
) -> Iterator[R]:
    chunks = iter(lambda: list(itertools.islice(items, chunksize)), [])
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None)
    if second is None:
        yield from map(task, first)
        return
    from .pool import supervised_map

    yield from supervised_map(
        task,
        itertools.chain(first, second, itertools.chain.from_iterable(chunks)),
        jobs=jobs,
        chunksize=chunksize,
        on_lost=on_lost,
        on_death=on_death,
        split=split,
        start_method=start_method,
        before_fork=before_fork,
    )


def _text_of(item: Any) -> Any:
    """The text of one input of :func:`parse_many`; anything else as it is, for
    :func:`arnews.parse` to refuse (``TypeError``) when its turn comes."""
    if isinstance(item, str):
        return item
    text = getattr(item, "text", None)
    if isinstance(text, str):
        return text
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], str):
        return item[1]
    return item


@overload
def parse_many(
    texts: Iterable[PageLike],
    *,
    jobs: int = ...,
    chunksize: int = ...,
    parser: Parser | None = ...,
    with_input: Literal[False] = ...,
) -> Iterator[Article]: ...


@overload
def parse_many(
    texts: Iterable[P],
    *,
    jobs: int = ...,
    chunksize: int = ...,
    parser: Parser | None = ...,
    with_input: Literal[True],
) -> Iterator[tuple[P, Article]]: ...


def parse_many(
    texts: Iterable[Any],
    *,
    jobs: int = 1,
    chunksize: int = 64,
    parser: Parser | None = None,
    with_input: bool = False,
) -> Iterator[Article] | Iterator[tuple[Any, Article]]:
    """Parse each text, yielding one :class:`~arnews.Article` per text, in input order.

    Each item is a text, a :class:`~arnews.Page` as :func:`arnews.read_pages` yields (or
    anything with a ``text`` string), or an ``(id, text)`` pair; only the text goes to the
    workers. With ``with_input=True`` each result is the pair ``(item, article)``, so that a
    page's id and metadata stay beside its article (the items in flight are held meanwhile,
    no more than the texts are).

    ``jobs=1`` parses in this process, lazily, one text at a time. ``jobs > 1`` starts that
    many worker processes (see the module docs for the start method) and keeps at most
    ``4 * jobs`` chunks of ``chunksize`` texts in flight, so memory stays bounded for inputs
    of any length. ``parser`` (default: the configuration of :func:`arnews.parse`) is pickled
    to each worker once.
    The results are the same whatever ``jobs`` is: parsing is a pure function of the text.

    Raises:
        TypeError: an item is none of these (raised when that item's turn comes).
        WorkerDied: a worker process died twice on the same text (killed, out of memory);
            raised at its turn. The run up to it, and the workers, are unharmed.
        ValueError: ``jobs`` or ``chunksize`` is less than 1.

    Example:
        >>> from arnews.batch import parse_many
        >>> texts = (f"خبر رقم {i}.\\n\\nالمصدر: وكالة {i}" for i in range(3))
        >>> [a.source for a in parse_many(texts, jobs=1)]
        ['وكالة 0', 'وكالة 1', 'وكالة 2']
        >>> pairs = [("a", "خبر.\\n\\nالمصدر: رويترز")]
        >>> [(i[0], a.source) for i, a in parse_many(pairs, with_input=True)]
        [('a', 'رويترز')]
    """
    # The module-level parse pickles by reference: workers use their own default parser.
    task: Callable[[str], Article] = parse if parser is None else parser.parse
    if not with_input:
        return ordered_map(task, map(_text_of, texts), jobs=jobs, chunksize=chunksize)
    # tee holds the items between the two iterators: those whose texts are in flight.
    items, kept = itertools.tee(texts)
    articles = ordered_map(task, map(_text_of, items), jobs=jobs, chunksize=chunksize)
    return zip(kept, articles, strict=True)
