"""``arnews parse --output-dir DIR --shard-size N``, ``--resume``, ``--skip`` and ``--limit``,
through the real command: shards are the single-file output split, a run killed with SIGKILL
and resumed gives the shards of an unbroken run, a corrupt or missing shard is done again,
changed settings are refused, and no temporary file is left behind."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from arnews import Parser

from .test_cli_faults import (
    ROOT,
    TEXTS,
    _platform_forkserver,
    command,  # noqa: F401 - a fixture
    poll,
    run,
    strict_json,
    write_jsonl,
)

SHARD = 7


def shards(folder: Path) -> list[bytes]:
    """The shards' contents, decompressed, in order."""
    return [gzip.decompress(p.read_bytes()) for p in sorted(folder.glob("part-*.jsonl.gz"))]


def manifest(folder: Path) -> dict[str, Any]:
    return json.loads((folder / "manifest.json").read_text("utf-8"))


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".part")]


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, list[str]]:
    """A folder with text pages, a JSON Lines file with a bad line, and a blank line."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(TEXTS[:5]):
        (folder / f"page-{i}.txt").write_text(text, encoding="utf-8")
    ids = write_jsonl(folder / "dump.jsonl", 40)
    with (folder / "dump.jsonl").open("a", encoding="utf-8") as out:
        out.write("\nnot json\n")
        out.write(json.dumps({"id": "last", "text": TEXTS[0]}) + "\n")
    return folder, ids


def single(folder: Path, *extra: str) -> list[bytes]:
    done = run("parse", str(folder), "--glob", "*.*", "-j", "1", "-q", "--errors", "record", *extra)
    return done.stdout.splitlines(keepends=True)


def test_shards_are_the_single_file_output_split(
    corpus: tuple[Path, list[str]], tmp_path: Path
) -> None:
    folder, _ = corpus
    lines = single(folder)
    assert len(lines) == 5 + 40 + 2  # records out = documents in, the bad line's included
    out = tmp_path / "out"
    done = run(
        "parse", str(folder), "--glob", "*.*", "-j", "2", "--chunksize", "4", "-q",
        "--errors", "record", "--output-dir", str(out), "--shard-size", str(SHARD),
    )  # fmt: skip
    assert done.returncode == 1  # the bad line
    parts = shards(out)
    assert [len(p.splitlines()) for p in parts] == [SHARD] * 6 + [47 - 6 * SHARD]
    assert b"".join(parts) == b"".join(lines)
    info = manifest(out)
    assert info["complete"] is True
    assert [s["records"] for s in info["shards"]] == [len(p.splitlines()) for p in parts]
    assert sum(s["docs"] for s in info["shards"]) == 47
    for shard in info["shards"]:
        assert shard["bytes"] == len((out / shard["file"]).read_bytes())
    # Each shard's input range starts where the one before ended.
    assert all(
        a["end"] == b["start"] for a, b in zip(info["shards"], info["shards"][1:], strict=False)
    )
    assert info["settings"]["shard_size"] == SHARD and info["inputs"][0]["path"] == str(folder)
    assert leftovers(out) == []


def test_csv_shards_each_have_a_header(corpus: tuple[Path, list[str]], tmp_path: Path) -> None:
    folder, _ = corpus
    out = tmp_path / "out"
    args = ["--output-dir", str(out), "--shard-size", "20", "--format", "csv"]
    assert run("parse", str(folder / "dump.jsonl"), "-q", *args).returncode == 1
    parts = [gzip.decompress(p.read_bytes()) for p in sorted(out.glob("part-*.csv.gz"))]
    assert len(parts) == 3
    header = parts[0].splitlines()[0]
    assert header.startswith(b"id,") and all(p.splitlines()[0] == header for p in parts)


def test_parquet_shards(corpus: tuple[Path, list[str]], tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    folder, ids = corpus
    out = tmp_path / "out"
    args = ["--output-dir", str(out), "--shard-size", "12", "--format", "parquet", "--limit", "30"]
    assert run("parse", str(folder / "dump.jsonl"), "-q", *args).returncode == 0
    tables = [pq.read_table(p) for p in sorted(out.glob("part-*.parquet"))]
    assert [t.num_rows for t in tables] == [12, 12, 6]
    assert [i for t in tables for i in t.column("id").to_pylist()] == ids[:30]


def test_a_killed_run_resumes_to_the_shards_of_an_unbroken_run(
    tmp_path: Path,
    command: Callable[..., subprocess.Popen[bytes]],  # noqa: F811
) -> None:
    _platform_forkserver()
    big = tmp_path / "big.jsonl"
    write_jsonl(big, 600)
    whole = tmp_path / "whole"
    settings = ["-q", "--shard-size", "40", "--chunksize", "8"]
    assert run("parse", str(big), "--output-dir", str(whole), *settings, "-j", "2").returncode == 0

    out = tmp_path / "out"
    proc = command("parse", str(big), "--output-dir", str(out), *settings, "-j", "2")

    def listed() -> int:
        try:
            return len(manifest(out)["shards"]) >= 2
        except (OSError, ValueError):
            return False

    poll(listed, "two shards in the manifest")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    # Workers see their pipe close and leave; the files on disk are what the kill left.
    kept = manifest(out)["shards"]
    assert not manifest(out)["complete"] and len(kept) < 15
    done = run("parse", str(big), "--output-dir", str(out), *settings, "-j", "2", "--resume")
    assert done.returncode == 0, done.stderr.decode()
    names = sorted(p.name for p in out.glob("part-*"))
    assert names == sorted(p.name for p in whole.glob("part-*"))
    for name in names:  # the same bytes: gzip headers carry no time
        assert (out / name).read_bytes() == (whole / name).read_bytes()
    assert manifest(out)["shards"] == manifest(whole)["shards"]
    assert manifest(out)["complete"] and leftovers(out) == []


class _Counting(Parser):
    """A parser that counts the texts it parses, in a file named by ARNEWS_TEST_COUNT."""

    def parse(self, text: str) -> Any:
        with open(os.environ["ARNEWS_TEST_COUNT"], "a", encoding="utf-8") as out:
            out.write("x")
        return super().parse(text)


def _parsed(path: Path) -> int:
    return len(path.read_text()) if path.exists() else 0


def test_a_corrupt_or_missing_shard_is_done_again_and_no_other(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from arnews import cli
    from arnews.cli import lexicons

    counter = tmp_path / "count"
    monkeypatch.setenv("ARNEWS_TEST_COUNT", str(counter))
    monkeypatch.setattr(lexicons, "Parser", _Counting)
    big = tmp_path / "big.jsonl"
    write_jsonl(big, 50)
    out = tmp_path / "out"
    argv = ["parse", str(big), "-q", "-j", "1", "--output-dir", str(out), "--shard-size", "10"]
    assert cli.main(argv) == 0
    assert _parsed(counter) == 50
    before = {p.name: p.read_bytes() for p in out.glob("part-*")}
    counter.unlink()
    assert cli.main([*argv, "--resume"]) == 0  # complete: nothing to do
    assert _parsed(counter) == 0

    (out / "part-00001.jsonl.gz").write_bytes(before["part-00001.jsonl.gz"][:-9])  # cut short
    (out / "part-00003.jsonl.gz").unlink()
    data = bytearray(before["part-00004.jsonl.gz"])
    data[100] ^= 1  # same size, another hash
    (out / "part-00004.jsonl.gz").write_bytes(bytes(data))
    assert cli.main([*argv, "--resume"]) == 0
    assert _parsed(counter) == 30  # shards 1, 3 and 4; not 0 and 2
    assert {p.name: p.read_bytes() for p in out.glob("part-*")} == before
    assert leftovers(out) == []


def test_changed_settings_or_inputs_are_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.jsonl"
    write_jsonl(big, 12)
    out = tmp_path / "out"
    base = ["parse", str(big), "-q", "--output-dir", str(out), "--shard-size", "5"]
    assert run(*base).returncode == 0
    refused = run(*base[:-1], "6", "--resume")
    assert refused.returncode == 2
    assert b'"shard_size": 5} there, {"shard_size": 6} now' in refused.stderr
    assert run(*base, "--resume", "--no-spans").returncode == 2
    assert run(*base).returncode == 2  # a run is there: --resume, or another folder
    write_jsonl(big, 13)
    assert b"the inputs differ" in run(*base, "--resume").stderr
    assert run("parse", str(big), "--resume").returncode == 2
    assert run("parse", str(big), "--shard-size", "3").returncode == 2
    assert (
        run("parse", str(big), "-o", str(tmp_path / "x.jsonl"), "--output-dir", str(out)).returncode
        == 2
    )


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_skip_and_limit(corpus: tuple[Path, list[str]], jobs: str) -> None:
    folder, _ = corpus
    lines = single(folder)
    for skip, limit in [(0, 3), (3, 4), (5, 10), (12, 100), (46, 5), (60, 1)]:
        got = single(
            folder, "-j", jobs, "--chunksize", "4", "--skip", str(skip), "--limit", str(limit)
        )
        assert got == lines[skip : skip + limit], (skip, limit)
    assert single(folder, "--limit", "0") == []


def test_skipped_documents_are_not_parsed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from arnews import cli
    from arnews.cli import lexicons

    counter = tmp_path / "count"
    monkeypatch.setenv("ARNEWS_TEST_COUNT", str(counter))
    monkeypatch.setattr(lexicons, "Parser", _Counting)
    big = tmp_path / "big.jsonl"
    ids = write_jsonl(big, 30)
    out = tmp_path / "out.jsonl"
    assert cli.main(["parse", str(big), "-j", "1", "-q", "--skip", "25", "-o", str(out)]) == 0
    assert [strict_json(line)["id"] for line in out.read_bytes().splitlines()] == ids[25:]
    assert _parsed(counter) == 5


def test_a_limited_sharded_run_resumes_within_its_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.jsonl"
    ids = write_jsonl(big, 40)
    out = tmp_path / "out"
    base = ["parse", str(big), "-q", "--output-dir", str(out), "--shard-size", "4"]
    assert run(*base, "--skip", "3", "--limit", "13").returncode == 0
    (out / "part-00003.jsonl.gz").unlink()
    info = manifest(out)
    info["complete"] = False
    (out / "manifest.json").write_text(json.dumps(info), encoding="utf-8")
    assert run(*base, "--skip", "3", "--limit", "13", "--resume").returncode == 0
    got = [strict_json(line)["id"] for part in shards(out) for line in part.splitlines()]
    assert got == ids[3:16]


def test_stdin_is_cut_into_units_too(tmp_path: Path) -> None:
    big = tmp_path / "big.jsonl"
    write_jsonl(big, 30)
    data = big.read_bytes()
    one = run("parse", "-", "--input-format", "jsonl", "-j", "1", stdin=data)
    two = run("parse", "-", "--input-format", "jsonl", "-j", "2", "--chunksize", "4", stdin=data)
    assert one.stdout == two.stdout and len(one.stdout.splitlines()) == 30
    assert one.stdout == run("parse", str(big), "-j", "2", "--chunksize", "4").stdout
    assert ROOT.exists()


def test_skip_and_limit_on_standard_input(tmp_path: Path) -> None:
    big = tmp_path / "big.jsonl"
    ids = write_jsonl(big, 30)
    data = big.read_bytes()
    for jobs in ("1", "2"):
        done = run(
            "parse", "-", "--input-format", "jsonl", "-j", jobs, "--chunksize", "4",
            "--skip", "6", "--limit", "9", stdin=data,
        )  # fmt: skip
        assert [strict_json(line)["id"] for line in done.stdout.splitlines()] == ids[6:15]
