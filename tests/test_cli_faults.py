"""The ``arnews`` command under faults, injected for real: signals sent to the command, a
worker killed with SIGKILL, a full device (``/dev/full``), links and FIFOs in folders, ids
JSON cannot hold. See docs/reliability.md, whose table points at these tests.

Everything polls for the state it waits for (generous timeouts: the machine may be loaded)
and kills whatever process of a run is left when a test fails.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from arnews import Parser

from .conftest import FIXTURES

ROOT = Path(__file__).parent.parent
TEXTS = [
    p.read_text("utf-8")
    for p in sorted((FIXTURES / "spec").glob("*.txt"))
    + sorted((ROOT / "examples/pages").glob("*.txt"))
]
COMMAND = [sys.executable, "-m", "arnews"]
WAIT = 120.0  # seconds: a loaded two-core machine is slow, never this slow


def run(
    *args: str, stdin: bytes | None = None, **kwargs: Any
) -> subprocess.CompletedProcess[bytes]:
    done = subprocess.run(
        [*COMMAND, *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=WAIT,
        check=False,
        **kwargs,
    )
    assert b"Traceback" not in done.stderr, done.stderr.decode()
    return done


def strict_json(text: str | bytes) -> Any:
    """``json.loads`` that refuses NaN and Infinity, as strict parsers do."""

    def refuse(name: str) -> None:
        raise ValueError(f"not strict JSON: {name}")

    return json.loads(text, parse_constant=refuse)


def write_jsonl(path: Path, count: int) -> list[str]:
    ids = [f"doc-{i}" for i in range(count)]
    with path.open("w", encoding="utf-8") as out:
        for i, doc_id in enumerate(ids):
            record = {"id": doc_id, "text": TEXTS[i % len(TEXTS)]}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return ids


def poll(condition: Callable[[], Any], what: str, timeout: float = WAIT) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


# ------------------------------------------------------------------------ process trees


def _stat(pid: int) -> tuple[str, int] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    state, ppid = text[text.rindex(")") + 2 :].split()[:2]
    return state, int(ppid)


def alive(pid: int) -> bool:
    stat = _stat(pid)
    return stat is not None and stat[0] != "Z"


def descendants(pid: int) -> set[int]:
    """Every living process under ``pid`` (children, grandchildren …)."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            stat = _stat(int(entry))
            if stat is not None and stat[0] != "Z":
                parents.setdefault(stat[1], []).append(int(entry))
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _cmdline(pid: int) -> bytes | None:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None


def workers(pid: int) -> set[int]:
    """The worker processes of a run: children forked from the command itself (they share
    its command line; the forkserver and the resource tracker have their own), or, where
    the command used the forkserver, grandchildren forked by it."""
    children = descendants(pid)
    own = _cmdline(pid)
    return {
        p
        for p in children
        if (stat := _stat(p)) is not None
        and (stat[1] in children or (stat[1] == pid and _cmdline(p) == own))
    }


@pytest.fixture
def command() -> Iterator[Callable[..., subprocess.Popen[bytes]]]:
    """Start the command; whatever is left of its process tree is killed at the end."""
    started: list[tuple[subprocess.Popen[bytes], set[int]]] = []

    def start(*args: str, **kwargs: Any) -> subprocess.Popen[bytes]:
        proc = subprocess.Popen(
            [*COMMAND, *args],
            stdout=kwargs.pop("stdout", subprocess.PIPE),
            stderr=subprocess.PIPE,
            cwd=ROOT,
            **kwargs,
        )
        started.append((proc, set()))
        return proc

    start.tree = lambda proc: next(t for p, t in started if p is proc)  # type: ignore[attr-defined]
    yield start
    for proc, tree in started:
        tree |= descendants(proc.pid)
        for pid in [proc.pid, *tree]:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
        proc.wait(WAIT)


def _platform_forkserver() -> None:
    if not Path("/proc/self/stat").exists():
        pytest.skip("the process tree is read from /proc")


# ------------------------------------------------------------------------ command line


def test_an_output_naming_an_input_is_refused_before_anything_is_opened(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(TEXTS[0], encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(page)
    for target in (page, link):
        done = run("parse", str(page), "-o", str(target))
        assert done.returncode == 2
        assert b"would be overwritten" in done.stderr
        assert page.read_text(encoding="utf-8") == TEXTS[0]
    inside = tmp_path / "sub" / "out.jsonl"
    done = run("parse", str(tmp_path), "-o", str(inside))
    assert done.returncode == 2
    assert b"inside the input folder" in done.stderr
    assert not inside.parent.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.txt", "page.txt"]


@pytest.mark.parametrize("pattern", ["/etc/*.txt", "../*.txt", "sub/../../*.txt"])
def test_a_glob_that_leaves_the_folder_is_a_usage_error(pattern: str) -> None:
    for command in ("parse", "stats"):
        done = run(command, "examples/pages", "--glob", pattern)
        assert done.returncode == 2
        assert b"--glob" in done.stderr and done.stdout == b""


# ------------------------------------------------------------------------ outputs


@pytest.mark.parametrize("target", ["/dev/full"])
@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "txt", "parquet"])
def test_a_full_device_gives_one_line_and_status_74(target: str, fmt: str) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    if not os.path.exists(target):
        pytest.skip(f"no {target}")
    done = run("parse", "examples/pages", "--format", fmt, "-o", target, "-j", "1")
    assert done.returncode == 74, done.stderr
    lines = done.stderr.decode().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"arnews: error: cannot write {target}: ")
    assert "No space left on device" in lines[0]


def test_standard_output_on_a_full_device() -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [*COMMAND, "parse", "examples/pages", "-j", "1"],
            stdout=full,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            timeout=WAIT,
            check=False,
        )
    assert done.returncode == 74
    assert done.stderr.decode().splitlines() == [
        "arnews: error: cannot write standard output: No space left on device"
    ]


def test_a_killed_run_leaves_the_earlier_file_whole(
    tmp_path: Path, command: Callable[..., subprocess.Popen[bytes]]
) -> None:
    _platform_forkserver()
    big = tmp_path / "in" / "big.jsonl"
    big.parent.mkdir()
    write_jsonl(big, 30_000)
    out = tmp_path / "out.json"
    out.write_text('["the earlier run"]\n', encoding="utf-8")
    proc = command("parse", str(big), "-o", str(out), "-j", "2", "--chunksize", "8")
    temps = poll(
        lambda: [p for p in tmp_path.glob(".out.json.*.part") if p.stat().st_size], "output"
    )
    ours = poll(lambda: workers(proc.pid) if len(workers(proc.pid)) == 2 else None, "workers")
    command.tree(proc).update(descendants(proc.pid))  # type: ignore[attr-defined]
    proc.kill()
    proc.wait(WAIT)
    assert out.read_text(encoding="utf-8") == '["the earlier run"]\n'
    # The workers see their pipe close and leave by themselves (no process holds the
    # command's end of it: not the workers forked from it either).
    poll(lambda: not [pid for pid in ours if alive(pid)], "the workers to leave")
    assert temps[0].name.startswith(".out.json.") and temps[0].suffix == ".part"


@pytest.mark.parametrize(
    ("signum", "fmt"),
    [
        (signal.SIGTERM, "json"),
        (signal.SIGHUP, "jsonl"),
        (signal.SIGINT, "csv"),
        (signal.SIGTERM, "parquet"),
    ],
)
def test_a_signal_stops_the_run_cleanly(
    tmp_path: Path,
    command: Callable[..., subprocess.Popen[bytes]],
    signum: signal.Signals,
    fmt: str,
) -> None:
    _platform_forkserver()
    if fmt == "parquet":
        pq = pytest.importorskip("pyarrow.parquet")
    big = tmp_path / "in" / "big.jsonl"
    big.parent.mkdir()
    ids = write_jsonl(big, 30_000)
    out = tmp_path / f"out.{fmt}"
    proc = command("parse", str(big), "-o", str(out), "-j", "2", "--chunksize", "8")
    poll(lambda: len(workers(proc.pid)) == 2, "two workers")
    poll(lambda: [p for p in tmp_path.glob(".out.*.part") if p.stat().st_size > 20_000], "output")
    tree = descendants(proc.pid)
    command.tree(proc).update(tree)  # type: ignore[attr-defined]
    assert len(tree) >= 2  # two workers (and the forkserver and resource tracker, if used)
    proc.send_signal(signum)
    _, stderr = proc.communicate(timeout=WAIT)
    assert b"Traceback" not in stderr, stderr.decode()
    assert proc.returncode == 128 + signum, stderr.decode()
    assert f"stopped by {signal.Signals(signum).name}" in stderr.decode()
    assert not [pid for pid in tree if alive(pid)]  # no process of the run outlives it
    assert [p.name for p in tmp_path.iterdir() if p.name != "in"] == [out.name]  # no temp
    # What is complete is kept, in a valid file: a prefix of the records, in order.
    if fmt == "json":
        got = [r["id"] for r in strict_json(out.read_bytes())]
    elif fmt == "jsonl":
        got = [strict_json(line)["id"] for line in out.read_bytes().splitlines()]
    elif fmt == "csv":
        got = [row["id"] for row in csv.DictReader(io.StringIO(out.read_text("utf-8")))]
    else:
        got = pq.read_table(out).column("id").to_pylist()
    assert 0 < len(got) < len(ids)
    assert got == ids[: len(got)]


def test_a_killed_worker_is_replaced_and_no_document_is_lost(
    tmp_path: Path, command: Callable[..., subprocess.Popen[bytes]]
) -> None:
    _platform_forkserver()
    big = tmp_path / "big.jsonl"
    ids = write_jsonl(big, 3_000)
    out = tmp_path / "out.jsonl"
    proc = command(
        "parse", str(big), "-o", str(out), "-j", "2", "--chunksize", "16", "--errors", "record"
    )
    victim = min(
        poll(lambda: workers(proc.pid) if len(workers(proc.pid)) == 2 else None, "workers")
    )
    os.kill(victim, signal.SIGKILL)
    _, stderr = proc.communicate(timeout=WAIT)
    text = stderr.decode()
    assert "Traceback" not in text
    assert proc.returncode == 0, text
    assert "warning: a worker process died (killed by SIGKILL)" in text
    records = [strict_json(line) for line in out.read_bytes().splitlines()]
    assert [r["id"] for r in records] == ids  # records out equal documents in, in order
    assert not any("error" in r for r in records)


def test_a_document_that_kills_its_worker_is_an_error_record(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A worker that dies on one document (as the kernel's OOM killer would do it): the run
    # goes on, that document alone becomes a worker_died record. The killer is a text the
    # parser is made to die on, in the workers, through the task the command builds.
    from arnews import cli
    from arnews.cli import lexicons

    big = tmp_path / "big.jsonl"
    ids = write_jsonl(big, 200)
    lines = big.read_text("utf-8").splitlines()
    lines[77] = json.dumps({"id": "killer", "text": "KILL-THE-WORKER"})
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ids[77] = "killer"
    monkeypatch.setattr(lexicons, "Parser", _DyingParser)  # where the command makes its parser
    out = tmp_path / "out.jsonl"
    status = cli.main(
        ["parse", str(big), "-o", str(out), "-j", "2", "--chunksize", "8", "--errors", "record"]
    )
    assert status == 1
    records = [strict_json(line) for line in out.read_bytes().splitlines()]
    assert [r["id"] for r in records] == ids
    assert records[77]["error"]["code"] == "worker_died"
    assert [i for i, r in enumerate(records) if "error" in r] == [77]
    err = capsys.readouterr().err
    assert "killed by SIGKILL" in err and "worker_died" in err


class _DyingParser(Parser):
    """A parser whose process dies, by SIGKILL, on one text (picklable: module level)."""

    def parse(self, text: str) -> Any:
        if text == "KILL-THE-WORKER":
            os.kill(os.getpid(), signal.SIGKILL)
        return super().parse(text)


# ------------------------------------------------------------------------ documents


def test_a_document_over_max_chars_is_too_large(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("خبر قصير.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("خبر طويل. " * 50, encoding="utf-8")
    (tmp_path / "c.txt").write_text("خ" * 1000, encoding="utf-8")  # 2000 bytes: over 4 × 100
    dump = tmp_path / "d.jsonl"
    dump.write_text(
        json.dumps({"id": "short", "text": "خبر."})
        + "\n"
        + json.dumps({"id": "long", "text": "خبر. " * 500})
        + "\n"
        + json.dumps({"id": "after", "text": "خبر آخر."})
        + "\n",
        encoding="utf-8",
    )
    done = run("parse", str(tmp_path), "--glob", "*.*", "--max-chars", "100", "--errors", "record")
    assert done.returncode == 1
    records = [strict_json(line) for line in done.stdout.splitlines()]
    codes = [(str(r["id"]).rsplit("/", 1)[-1], r.get("error", {}).get("code")) for r in records]
    assert codes == [
        ("a.txt", None),
        ("b.txt", "too_large"),
        ("c.txt", "too_large"),
        ("short", None),
        ("d.jsonl:2", "too_large"),  # over 6 × 100 bytes: known before it is decoded
        ("after", None),
    ]
    assert run("parse", str(tmp_path / "b.txt"), "--max-chars", "0").returncode == 0
    assert b"default 5,000,000" in run("parse", "--help").stdout


def test_a_memory_error_in_the_parser_is_an_error_record(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from arnews import cli
    from arnews.cli import lexicons

    def exhausted(self: Parser, text: str) -> Any:
        if "طويل" in text:
            raise MemoryError
        return Parser.parse(self, text)

    monkeypatch.setattr(lexicons, "Parser", type("Exhausted", (Parser,), {"parse": exhausted}))
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text("خبر طويل.", encoding="utf-8")
    (pages / "b.txt").write_text("خبر قصير.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert cli.main(["parse", str(pages), "-o", str(out), "-j", "1", "--errors", "record"]) == 1
    records = [strict_json(line) for line in out.read_bytes().splitlines()]
    assert records[0]["error"]["code"] == "out_of_memory"
    assert records[1]["paragraphs"] == ["خبر قصير."]


ODD_IDS: list[tuple[str, Any]] = [
    ('"plain"', "plain"),
    ("NaN", "NaN"),
    ("Infinity", "Infinity"),
    ("-Infinity", "-Infinity"),
    ("1e999", "Infinity"),
    ('"\\ud800x"', "\ufffdx"),
    ('{"k": NaN}', '{"k": NaN}'),
    ('["\\udc00"]', ["\ufffd"]),
    ("12345678901234567890123", 12345678901234567890123),
    ("null", None),
]


@pytest.fixture
def odd_ids(tmp_path: Path) -> Path:
    path = tmp_path / "ids.jsonl"
    lines = [f'{{"id": {raw}, "text": "خبر رقم {i}."}}' for i, (raw, _) in enumerate(ODD_IDS)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_odd_ids_are_written_as_strict_json(odd_ids: Path) -> None:
    done = run("parse", str(odd_ids), "--no-spans")
    assert done.returncode == 0
    got = [strict_json(line)["id"] for line in done.stdout.splitlines()]
    assert got == [want for _, want in ODD_IDS]
    array = strict_json(run("parse", str(odd_ids), "--format", "json").stdout)
    assert [r["id"] for r in array] == got


def test_odd_ids_in_csv_are_json_when_not_strings(odd_ids: Path) -> None:
    done = run("parse", str(odd_ids), "--format", "csv")
    assert done.returncode == 0
    rows = list(csv.DictReader(io.StringIO(done.stdout.decode("utf-8"))))
    want = [w if isinstance(w, str) else json.dumps(w, ensure_ascii=False) for _, w in ODD_IDS]
    assert [r["id"] for r in rows] == want


def test_odd_ids_never_lose_a_parquet_batch(odd_ids: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "ids.parquet"
    done = run("parse", str(odd_ids), "-o", str(out), "--errors", "record")
    assert done.returncode == 0, done.stderr
    table = pq.read_table(out)
    want = [w if isinstance(w, str) else json.dumps(w, ensure_ascii=False) for _, w in ODD_IDS]
    assert table.column("id").to_pylist() == want


# ------------------------------------------------------------------------ folders


def test_links_fifos_and_unlistable_folders_are_reported(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "far.txt").write_text("خبر بعيد.", encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("خبر أول.", encoding="utf-8")
    (corpus / "b-link.txt").symlink_to(corpus / "a.txt")  # inside: followed
    (corpus / "c-out.txt").symlink_to(outside / "far.txt")
    (corpus / "d-dangling.txt").symlink_to(corpus / "missing.txt")
    os.mkfifo(corpus / "e-fifo.txt")  # would block a reader forever
    (corpus / "f-dir").symlink_to(outside)
    locked = corpus / "g-locked"
    locked.mkdir()
    (locked / "h.txt").write_text("خبر مقفل.", encoding="utf-8")
    locked.chmod(0)
    try:
        done = run("parse", str(corpus), "--errors", "record", "--no-spans")
        followed = run("parse", str(corpus), "--follow-symlinks", "--no-spans")
    finally:
        locked.chmod(0o755)
    assert done.returncode == 1
    records = [strict_json(line) for line in done.stdout.splitlines()]
    got = [(Path(r["id"]).name, r.get("error", {}).get("code")) for r in records]
    expected = [
        ("a.txt", None),
        ("b-link.txt", None),
        ("c-out.txt", "outside_link"),
        ("d-dangling.txt", "dangling_link"),
        ("e-fifo.txt", "not_a_file"),
        ("f-dir", "outside_link"),
    ]
    if os.geteuid() != 0:  # root reads any folder
        expected.append(("g-locked", "unreadable"))
    else:
        expected.append(("h.txt", None))
    assert got == expected
    assert len(done.stderr.decode().splitlines()) == len([e for e in expected if e[1]])
    names = [Path(strict_json(line)["id"]).name for line in followed.stdout.splitlines()]
    assert "c-out.txt" in names and "far.txt" in names  # the link, and the linked folder


def test_a_file_name_that_is_not_utf8_loses_no_parquet_batch(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in (b"a.txt", b"b-\xff.txt", b"c.txt", b"d-\xfe-empty.txt"):
        with open(os.path.join(os.fsencode(corpus), name), "wb") as f:
            f.write(b"" if b"empty" in name else "خبر قصير.".encode())
    out = tmp_path / "out.parquet"
    done = run("parse", str(corpus), "-o", str(out), "--errors", "record")
    assert done.returncode == 1  # the empty file
    ids = [Path(i).name for i in pq.read_table(out).column("id").to_pylist()]
    assert ids == ["a.txt", "b-\ufffd.txt", "c.txt", "d-\ufffd-empty.txt"]


def test_an_output_through_a_link_writes_the_linked_file(tmp_path: Path) -> None:
    real = tmp_path / "real.jsonl"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    assert run("parse", "examples/pages", "-o", str(link)).returncode == 0
    assert link.is_symlink()
    assert len(real.read_text(encoding="utf-8").splitlines()) == 3
