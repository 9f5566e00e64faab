"""Work units (:mod:`arnews.io.units`) and byte ranges of JSON Lines files
(:func:`arnews.io.readers.read_range`): however a file is cut, every record is read exactly
once, with its line number; planning from any document's position gives the rest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from arnews.io.readers import Failure, Raw, read_inputs, read_range
from arnews.io.units import (
    Pos,
    Unit,
    plan_units,
    read_unit,
    skip_documents,
    skip_units,
    split_unit,
)

LINES = st.lists(
    st.one_of(
        st.builds(lambda t: json.dumps({"text": t}, ensure_ascii=False), st.text(max_size=30)),
        st.sampled_from(["", "   ", "not json", '{"text": "' + "خ" * 40 + '"}']),
    ),
    max_size=25,
)


def _write(tmp: Path, lines: list[str], end: str) -> Path:
    path = tmp / "dump.jsonl"
    path.write_bytes(("\n".join(lines) + end).encode("utf-8"))
    return path


def _seen(items: list[Raw | Failure]) -> list[tuple[str, bytes]]:
    return [(i.where, i.data if isinstance(i, Raw) else i.code.encode()) for i in items]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=LINES, end=st.sampled_from(["", "\n"]), cuts=st.lists(st.integers(0, 2000)))
def test_ranges_cut_anywhere_read_each_record_once(
    tmp_path: Path, lines: list[str], end: str, cuts: list[int]
) -> None:
    path = _write(tmp_path, lines, end)
    size = path.stat().st_size
    whole = _seen(list(read_inputs([str(path)], max_chars=20)))
    points = sorted({0, *(c for c in cuts if c < size)})
    pieces: list[Raw | Failure] = []
    for start, stop in zip(points, [*points[1:], -1], strict=True):
        pieces.extend(read_range(str(path), start, stop, 20))
    # Without line counts the ranges number lines from their start: compare the records.
    if size == 0 or not any(isinstance(i, Raw) or i.code != "empty" for i in pieces):
        return
    assert [d for _, d in _seen(pieces)] == [d for _, d in whole if d != b"empty"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    lines=LINES,
    end=st.sampled_from(["", "\n"]),
    per_unit=st.integers(1, 6),
    unit_bytes=st.integers(1, 200),
)
def test_units_give_what_read_inputs_gives_and_resume_anywhere(
    tmp_path: Path, lines: list[str], end: str, per_unit: int, unit_bytes: int
) -> None:
    path = _write(tmp_path, lines, end)
    (tmp_path / "a.txt").write_text("خبر.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("", encoding="utf-8")
    paths = [str(tmp_path / "a.txt"), str(path), "missing.jsonl", str(tmp_path / "b.txt")]
    expected = _seen(list(read_inputs(paths, max_chars=20)))
    options = {"max_chars": 20, "per_unit": per_unit, "unit_bytes": unit_bytes}
    units = list(plan_units(paths, **options))
    assert all(len(u.members) <= per_unit for u in units if u.kind == "files")
    read = [pair for unit in units for pair in read_unit(unit, 20)]
    assert _seen([item for item, _ in read]) == expected
    # Split (as after a worker died): the same documents, one a unit.
    split = [pair for unit in units for piece in split_unit(unit, 20) for pair in read_unit(piece)]
    assert split == read
    # Planning from the position after any document gives the documents after it.
    for n, (_, after) in enumerate(read):
        rest = [i for u in plan_units(paths, start=after, **options) for i, _ in read_unit(u, 20)]
        assert _seen(rest) == expected[n + 1 :]
        assert skip_documents(plan_units(paths, **options), n + 1, Pos(0), 20) == after
        # Skipping hands on the rest of the unit it stopped in, and the units after it.
        position, left = skip_units(plan_units(paths, **options), n + 1, Pos(0), 20)
        assert position == after
        assert _seen([i for u in left for i, _ in read_unit(u, 20)]) == expected[n + 1 :]


def test_a_stop_position_ends_the_plan(tmp_path: Path) -> None:
    path = _write(tmp_path, [json.dumps({"text": f"خبر {i}"}) for i in range(10)], "\n")
    pairs = [p for u in plan_units([str(path)], per_unit=3) for p in read_unit(u)]
    stop = pairs[6][1]
    start = pairs[2][1]
    got = [
        i.where
        for u in plan_units([str(path)], per_unit=3, start=start, stop=stop)
        for i, _ in read_unit(u)
    ]
    assert got == [f"{path}:{n}" for n in range(4, 8)]


def test_a_file_that_cannot_be_read_is_one_failure(tmp_path: Path) -> None:
    unit = Unit("range", 5, (str(tmp_path / "gone.jsonl"),))
    [(failure, after)] = list(read_unit(unit))
    assert isinstance(failure, Failure) and failure.code == "unreadable" and after == Pos(6)


def test_a_file_of_many_documents_resumes_inside_it(tmp_path: Path) -> None:
    # Files read whole may hold many documents (a compressed dump): the position after each
    # but the last counts the documents done in it, and planning from it leaves them out.
    import gzip

    paths = [str(tmp_path / "a.jsonl.gz"), str(tmp_path / "b.jsonl.gz")]
    for path in paths:
        with gzip.open(path, "wt", encoding="utf-8") as stream:
            stream.writelines(f'{{"id": {n}, "text": "x"}}\n' for n in range(3))
    units = list(plan_units(paths))
    assert [u.kind for u in units] == ["files"]  # compressed: read whole, never cut
    pairs = [p for u in units for p in read_unit(u)]
    assert [pos for _, pos in pairs] == [
        Pos(0, 1), Pos(0, 2), Pos(1), Pos(1, 1), Pos(1, 2), Pos(2)
    ]  # fmt: skip
    for n, (_, after) in enumerate(pairs):
        rest = [i.where for u in plan_units(paths, start=after) for i, _ in read_unit(u)]
        assert rest == [i.where for i, _ in pairs[n + 1 :]]
        assert skip_documents(plan_units(paths), n + 1, Pos(0), 0) == after


def test_a_text_page_that_kills_its_worker_is_the_only_one_lost(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from arnews import cli
    from arnews.cli import lexicons

    from .test_cli_faults import TEXTS, _DyingParser, strict_json

    monkeypatch.setattr(lexicons, "Parser", _DyingParser)
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(12):
        text = "KILL-THE-WORKER" if i == 5 else TEXTS[i % len(TEXTS)]
        (pages / f"p{i:02d}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    argv = ["parse", str(pages), "-o", str(out), "-j", "2", "--chunksize", "4", "-q"]
    assert cli.main([*argv, "--errors", "record"]) == 1
    records = [strict_json(line) for line in out.read_bytes().splitlines()]
    assert [Path(r["id"]).name for r in records] == [f"p{i:02d}.txt" for i in range(12)]
    assert [i for i, r in enumerate(records) if "error" in r] == [5]
    assert records[5]["error"]["code"] == "worker_died"


def test_a_file_of_blank_lines_is_empty_however_small_the_units(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    path.write_text("\n" * 300 + "  \n", encoding="utf-8")
    units = list(plan_units([str(path)], per_unit=4, unit_bytes=8))
    found = [(item.code, after) for u in units for item, after in read_unit(u)]
    assert found == [("empty", Pos(1))]
