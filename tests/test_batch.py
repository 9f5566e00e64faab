"""``arnews.batch.parse_many``: order, processes, streaming and pickling."""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import arnews
from arnews import Lexicon, Parser
from arnews.batch import WorkerDied, ordered_map, parse_many
from arnews.pool import WorkersCannotStart

from .conftest import FIXTURES, SHARED_CORPUS

ROOT = Path(__file__).parent.parent
PAGES = sorted((FIXTURES / "spec").glob("*.txt")) + sorted(
    (ROOT / "examples" / "pages").glob("*.txt")
)
CORPUS = sorted(SHARED_CORPUS.glob("*/*_*.txt")) if SHARED_CORPUS.is_dir() else []
TEXTS = [p.read_text("utf-8") for p in PAGES + CORPUS[:120]]


def pid(_: object) -> int:
    return os.getpid()


def test_one_job_keeps_order_and_matches_parse() -> None:
    assert list(parse_many(TEXTS)) == [arnews.parse(t) for t in TEXTS]


def test_two_jobs_give_the_same_articles_as_one() -> None:
    assert list(parse_many(iter(TEXTS), jobs=2, chunksize=4)) == list(parse_many(TEXTS))


def test_workers_get_the_parser_by_pickling() -> None:
    parser = Parser(lexicon=Lexicon.default().extend(boilerplate=["حمل تطبيقنا"]))
    texts = ["خبر قصير.\nحمل تطبيقنا", "خبر آخر.", "حمل تطبيقنا\nخبر ثالث."]
    got = list(parse_many(texts, jobs=2, chunksize=1, parser=parser))
    assert [a.boilerplate for a in got] == [("حمل تطبيقنا",), (), ("حمل تطبيقنا",)]
    assert got == [parser.parse(t) for t in texts]


def test_the_input_is_read_lazily_one_job() -> None:
    taken: list[int] = []

    def texts() -> Iterator[str]:
        for i in range(10**9):
            taken.append(i)
            yield f"خبر رقم {i}."

    first = next(iter(parse_many(texts())))
    assert first.paragraphs == ("خبر رقم 0.",)
    assert taken == [0]


def test_the_input_is_read_in_a_bounded_window_with_processes() -> None:
    taken: list[int] = []

    def texts() -> Iterator[str]:
        for i in range(10**9):  # endless for practical purposes: must never be drained
            taken.append(i)
            yield f"خبر رقم {i}.\n\nالمصدر: وكالة {i}"

    results = parse_many(texts(), jobs=2, chunksize=3)
    got = [next(results).source for _ in range(10)]
    assert got == [f"وكالة {i}" for i in range(10)]
    results.close()  # type: ignore[attr-defined]  # a generator: closing stops the workers
    # Read ahead of what was consumed: at most the window (4 chunks a job) and one chunk.
    assert len(taken) - len(got) <= 3 * (2 * 4 + 1)


def test_small_inputs_stay_in_process_and_large_ones_use_workers() -> None:
    assert set(ordered_map(pid, range(5), jobs=2, chunksize=8)) == {os.getpid()}
    pids = set(ordered_map(pid, range(64), jobs=2, chunksize=4))
    assert os.getpid() not in pids
    assert 1 <= len(pids) <= 2


def test_empty_input() -> None:
    assert list(parse_many([], jobs=2)) == []
    assert list(parse_many(iter([]))) == []


def test_a_non_string_raises_in_its_turn() -> None:
    texts: list[object] = ["خبر.", "خبر.", "خبر.", b"bytes", "خبر."]
    results = parse_many(texts, jobs=2, chunksize=1)  # type: ignore[arg-type]
    assert next(results).paragraphs == ("خبر.",)
    with pytest.raises(TypeError, match="not bytes"):
        list(results)


@pytest.mark.parametrize(("jobs", "chunksize"), [(0, 1), (1, 0), (-1, 64)])
def test_bad_arguments(jobs: int, chunksize: int) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        parse_many(TEXTS, jobs=jobs, chunksize=chunksize)


def test_parser_and_articles_pickle() -> None:
    parser = Parser(lexicon=Lexicon.default().extend(boilerplate=["حمل تطبيقنا"]))
    assert pickle.loads(pickle.dumps(parser)) == parser
    assert pickle.loads(pickle.dumps(parser.parse)).__self__ == parser
    for article in parse_many(TEXTS[:10]):
        copy = pickle.loads(pickle.dumps(article))
        assert copy == article
        assert copy.to_dict() == article.to_dict()


def test_default_parser_pickles_by_reference() -> None:
    # Worker processes receive the parser once; the shipped lexicon and gazetteer go as a
    # reference to the worker's own copy (compiled at import), not as 450 KB of patterns.
    import pickle

    from arnews import Lexicon, Parser
    from arnews.gazetteer import DEFAULT_GAZETTEER

    data = pickle.dumps(Parser())
    assert len(data) < 5_000
    parser = pickle.loads(data)
    assert parser.lexicon is Lexicon.default() and parser.gazetteer is DEFAULT_GAZETTEER
    lex = Lexicon.default().extend(boilerplate=["حمل تطبيقنا"])
    gaz = DEFAULT_GAZETTEER.with_entries(places=["قرية تجريبية"])
    custom = pickle.loads(pickle.dumps(Parser(lexicon=lex, gazetteer=gaz)))
    assert custom == Parser(lexicon=lex, gazetteer=gaz)
    assert custom.lexicon.is_boilerplate("حمل تطبيقنا الآن")


# ------------------------------------------------------------------ workers that die


def die_on_seven(item: int) -> int:
    """Kills its own process on 7, as the kernel's out-of-memory killer would."""
    if item == 7:
        os.kill(os.getpid(), signal.SIGKILL)
    return item * 10


def exit_on_three(item: int) -> int:
    if item == 3:
        os._exit(3)  # a crash in C code, or a library calling exit()
    return item


@pytest.mark.parametrize("start_method", [None, "fork"])
def test_a_dead_worker_is_replaced_and_only_its_killer_is_lost(start_method: str | None) -> None:
    # A forked worker (what the command uses on Linux) is replaced the same way.
    deaths: list[tuple[str, int, bool]] = []
    got = list(
        ordered_map(
            die_on_seven,
            range(40),
            jobs=2,
            chunksize=4,
            on_lost=lambda item, reason: -item,
            on_death=lambda *args: deaths.append(args),
            start_method=start_method,
        )
    )
    assert got == [-7 if i == 7 else i * 10 for i in range(40)]
    # The chunk 4..7 was run again one item at a time; 7 killed its worker a second time.
    assert deaths == [("killed by SIGKILL", 4, True), ("killed by SIGKILL", 1, False)]


def test_without_on_lost_the_item_raises_worker_died_at_its_turn() -> None:
    results = ordered_map(exit_on_three, range(20), jobs=2, chunksize=2)
    assert [next(results) for _ in range(3)] == [0, 1, 2]
    with pytest.raises(WorkerDied, match="exited with status 3"):
        next(results)


def test_a_closed_map_leaves_no_worker_behind() -> None:
    results = ordered_map(pid, range(10_000), jobs=2, chunksize=2)
    seen = {next(results) for _ in range(50)}
    results.close()  # type: ignore[attr-defined]
    deadline = time.monotonic() + 60  # joined when close() returns; the poll is for safety
    while seen and time.monotonic() < deadline:
        seen = {worker for worker in seen if _exists(worker)}
        time.sleep(0.05)
    assert not seen


def _exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _refuse_to_load() -> None:
    raise RuntimeError("this task cannot be unpickled")


class Unloadable:
    """A task that pickles, but cannot be unpickled in a worker: no worker can ever start."""

    def __call__(self, item: int) -> int:
        return item

    def __reduce__(self) -> tuple[object, tuple[()]]:
        return (_refuse_to_load, ())


def test_workers_that_cannot_start_end_the_map_instead_of_looping() -> None:
    with pytest.raises(WorkersCannotStart, match="exited with status 1"):
        list(ordered_map(Unloadable(), range(100), jobs=2, chunksize=2))


# ------------------------------------------------------------------ forked workers

_PREPARED: list[int] = []


def _prepare() -> None:
    _PREPARED.append(os.getpid())


def prepared_by(_: object) -> tuple[int, ...]:
    """What the worker's process found prepared: forked workers see the parent's
    ``before_fork``."""
    return tuple(_PREPARED)


_FORKED = """
import os
from arnews.batch import ordered_map
from arnews.pool import fork_is_safe

prepared = []
assert fork_is_safe()
got = list(ordered_map(lambda _: tuple(prepared), range(12), jobs=2, chunksize=2,
                       start_method="fork", before_fork=lambda: prepared.append(os.getpid())))
assert prepared == [os.getpid()], prepared  # once, here, however many workers
assert got == [(os.getpid(),)] * 12, got  # what the workers inherited
print("ok")
"""


def test_forked_workers_see_what_was_prepared_before_the_fork_once() -> None:
    # In a fresh interpreter: this one may run threads by now (other tests start some), and
    # then nothing is forked. The task is a lambda, which cannot be pickled: it is inherited.
    if not sys.platform.startswith("linux"):
        pytest.skip("workers are forked on Linux only")
    done = subprocess.run(
        [sys.executable, "-c", _FORKED], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.stdout.strip() == "ok", done.stderr


def test_fork_is_not_used_while_a_thread_runs() -> None:
    import threading

    from arnews.pool import fork_is_safe

    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    _PREPARED.clear()
    try:
        assert not fork_is_safe()
        # The workers start afresh (the forkserver): nothing is prepared, nothing inherited.
        got = list(
            ordered_map(
                prepared_by,
                range(12),
                jobs=2,
                chunksize=2,
                start_method="fork",
                before_fork=_prepare,
            )
        )
        assert got == [()] * 12 and _PREPARED == []
    finally:
        stop.set()
        thread.join()
