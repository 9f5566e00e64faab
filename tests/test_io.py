"""The records corpus tools read: ``text`` and ``metadata`` in every format, compressed input
and output, Parquet input, unknown output extensions, and :func:`arnews.read_pages`.

Each behaviour runs through the real command (``arnews.cli.main``, or ``python -m arnews``
where the exit status of the process matters).
"""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
import lzma
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import arnews
from arnews.cli import main
from arnews.io.readers import read_file

from .conftest import FIXTURES

ROOT = Path(__file__).parent.parent
SEEDS = sorted((FIXTURES / "spec").glob("*.txt"))

try:
    import zstandard
except ImportError:  # the zstd extra is not installed: its cases are skipped
    zstandard = None

needs_zstd = pytest.mark.skipif(zstandard is None, reason="needs arnews[zstd]")


def _zst(data: bytes) -> bytes:
    return bytes(zstandard.ZstdCompressor().compress(data))


def _unzst(data: bytes) -> bytes:
    return bytes(zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data)).read())


PACK: dict[str, Callable[[bytes], bytes]] = {
    ".gz": gzip.compress,
    ".bz2": bz2.compress,
    ".xz": lzma.compress,
    ".zst": _zst,
}
UNPACK: dict[str, Callable[[bytes], bytes]] = {
    ".gz": gzip.decompress,
    ".bz2": bz2.decompress,
    ".xz": lzma.decompress,
    ".zst": _unzst,
}


def each_packing() -> list[Any]:
    return [pytest.param(s, marks=needs_zstd) if s == ".zst" else s for s in PACK]


def dump_lines(n: int = 5) -> list[dict[str, Any]]:
    """JSON Lines records of the seeds, with a URL, a crawl id and a nested field."""
    return [
        {
            "id": f"seed-{i}",
            "text": SEEDS[i % len(SEEDS)].read_text("utf-8"),
            "url": f"https://example.com/{i}",
            "crawl": {"id": 7, "when": "2024-05-01"},
        }
        for i in range(n)
    ]


def jsonl_bytes(rows: list[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")


def parse_to(tmp_path: Path, name: str, *args: str) -> tuple[int, Path]:
    out = tmp_path / name
    status = main(["parse", *args, "-o", str(out), "--jobs", "1", "-q"])
    return status, out


def records(data: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


# ---------------------------------------------------------------------------- records


def test_jsonl_record_has_text_after_id_and_metadata_last(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    rows = dump_lines(2)
    dump.write_bytes(jsonl_bytes(rows))
    status, out = parse_to(tmp_path, "out.jsonl", str(dump), "--no-spans")
    assert status == 0
    got = records(out.read_bytes())
    for record, row in zip(got, rows, strict=True):
        assert list(record)[:2] == ["id", "text"]
        assert list(record)[-1] == "metadata"
        assert record["text"] == arnews.parse(row["text"]).text
        assert record["metadata"] == {"url": row["url"], "crawl": row["crawl"]}
    # The shape datatrove's JsonlReader reads: a string text, an id, a metadata object.
    assert all(isinstance(r["text"], str) and isinstance(r["metadata"], dict) for r in got)


def test_file_inputs_carry_their_path(tmp_path: Path) -> None:
    status, out = parse_to(tmp_path, "out.jsonl", "examples/pages/league.txt")
    assert status == 0
    assert records(out.read_bytes())[0]["metadata"] == {"path": "examples/pages/league.txt"}


def test_keep_fields_chooses_the_metadata(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    dump.write_bytes(jsonl_bytes(dump_lines(1)))
    _, out = parse_to(tmp_path, "a.jsonl", str(dump), "--keep-fields", "url,missing")
    assert records(out.read_bytes())[0]["metadata"] == {"url": "https://example.com/0"}
    _, out = parse_to(tmp_path, "b.jsonl", str(dump), "--keep-fields", "")
    assert records(out.read_bytes())[0]["metadata"] == {}


def test_metadata_is_strict_json(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    dump.write_text('{"text": "خبر.", "score": NaN, "deep": [Infinity]}\n', encoding="utf-8")
    _, out = parse_to(tmp_path, "out.jsonl", str(dump))
    meta = json.loads(out.read_text("utf-8"))["metadata"]  # strict: no NaN literal
    assert meta == {"score": "NaN", "deep": "[Infinity]"}


def test_error_records_carry_metadata(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    dump.write_text('{"id": 1, "body": "x", "url": "u"}\n', encoding="utf-8")
    status, out = parse_to(tmp_path, "out.jsonl", str(dump), "--errors", "record")
    assert status == 1
    record = records(out.read_bytes())[0]
    assert record["error"]["code"] == "bad_record"
    assert record["metadata"] == {"body": "x", "url": "u"}
    status, out = parse_to(tmp_path, "out.csv", str(dump), "--errors", "record")
    row = next(csv.DictReader(io.StringIO(out.read_text("utf-8"))))
    assert json.loads(row["metadata"]) == {"body": "x", "url": "u"}


def test_text_and_metadata_in_every_format(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    dump = tmp_path / "dump.jsonl"
    rows = dump_lines(3)
    dump.write_bytes(jsonl_bytes(rows))
    texts = [arnews.parse(r["text"]).text for r in rows]
    metas = [{"url": r["url"], "crawl": r["crawl"]} for r in rows]

    _, out = parse_to(tmp_path, "out.json", str(dump))
    array = json.loads(out.read_text("utf-8"))
    assert [r["text"] for r in array] == texts
    assert [r["metadata"] for r in array] == metas

    _, out = parse_to(tmp_path, "out.csv", str(dump))
    table = list(csv.DictReader(io.StringIO(out.read_text("utf-8"))))
    assert list(table[0])[:2] == ["id", "text"]
    assert [r["text"] for r in table] == texts
    assert [json.loads(r["metadata"]) for r in table] == metas

    _, out = parse_to(tmp_path, "out.parquet", str(dump))
    parquet = pq.read_table(out)
    assert parquet.schema.names[:2] == ["id", "text"]
    assert parquet.column("text").to_pylist() == texts
    assert [json.loads(m) for m in parquet.column("metadata").to_pylist()] == metas

    _, out = parse_to(tmp_path, "out.txt", str(dump))
    first_doc = out.read_text("utf-8").split("\n\n")[0]
    assert first_doc == "\n".join(p.replace("\n", " ") for p in texts[0].split("\n\n"))


# ---------------------------------------------------------------------------- compression


@pytest.mark.parametrize("suffix", each_packing())
def test_compressed_jsonl_round_trip(tmp_path: Path, suffix: str) -> None:
    rows = dump_lines(4)
    plain = tmp_path / "dump.jsonl"
    plain.write_bytes(jsonl_bytes(rows))
    packed = tmp_path / f"dump.jsonl{suffix}"
    packed.write_bytes(PACK[suffix](plain.read_bytes()))
    _, want = parse_to(tmp_path, "want.jsonl", str(plain))
    status, out = parse_to(tmp_path, f"out.jsonl{suffix}", str(packed))
    assert status == 0
    assert UNPACK[suffix](out.read_bytes()) == want.read_bytes()
    assert not list(tmp_path.glob(".out*.part"))  # written whole, then renamed


@pytest.mark.parametrize(("name", "suffix"), [("out.csv.xz", ".xz"), ("out.json.bz2", ".bz2")])
def test_compressed_csv_and_json_output(tmp_path: Path, name: str, suffix: str) -> None:
    _, want = parse_to(tmp_path, name.removesuffix(suffix), "examples/pages")
    _, out = parse_to(tmp_path, name, "examples/pages")
    assert UNPACK[suffix](out.read_bytes()) == want.read_bytes()


@needs_zstd
def test_compressed_text_pages_in_a_folder(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for suffix, seed in zip(PACK, SEEDS, strict=False):
        (corpus / f"{seed.stem}.txt{suffix}").write_bytes(PACK[suffix](seed.read_bytes()))
    (corpus / "notes.md.gz").write_bytes(gzip.compress(b"not a page"))
    status, out = parse_to(tmp_path, "out.txt.zst", str(corpus), "--format", "txt")
    assert status == 0
    body = _unzst(out.read_bytes()).decode("utf-8")
    for seed in SEEDS[:4]:
        first = arnews.parse(seed.read_text("utf-8")).paragraphs[0]
        assert first.replace("\n", " ") in body


def test_gzip_output_is_the_same_from_run_to_run(tmp_path: Path) -> None:
    _, one = parse_to(tmp_path, "one.jsonl.gz", "examples/pages")
    _, two = parse_to(tmp_path, "two.jsonl.gz", "examples/pages")
    assert one.read_bytes() == two.read_bytes()


@pytest.mark.parametrize("suffix", each_packing())
def test_truncated_file_keeps_the_records_before_the_damage(
    tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [{"id": i, "text": f"الخبر رقم {i} في سطر واحد طويل بما يكفي." * 40} for i in range(400)]
    packed = PACK[suffix](jsonl_bytes(rows))
    dump = tmp_path / f"dump.jsonl{suffix}"
    dump.write_bytes(packed[: len(packed) * 2 // 3])
    status, out = parse_to(tmp_path, "out.jsonl", str(dump), "--errors", "record", "--no-spans")
    assert status == 1
    got = records(out.read_bytes())
    assert got[-1]["error"]["code"] == "bad_compression"
    good = got[:-1]
    assert [r["id"] for r in good] == list(range(len(good)))
    if suffix != ".bz2":  # bz2 decompresses in 900 kB blocks: a cut may lose them all
        assert len(good) > 10
    err = capsys.readouterr().err
    assert f"{dump}: damaged or truncated {suffix} data" in err
    if good:
        assert f"data after line {len(good)}: " in err
    assert "Traceback" not in err


def test_corrupt_gzip_page_is_a_failure_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "page.txt.gz"
    bad.write_bytes(b"\x1f\x8b this is no gzip stream")
    status, out = parse_to(tmp_path, "out.jsonl", str(bad), "examples/pages/league.txt")
    assert status == 1
    assert len(records(out.read_bytes())) == 1
    err = capsys.readouterr().err
    assert f"arnews: error: {bad}: damaged or truncated .gz data: " in err
    status, out = parse_to(tmp_path, "out2.jsonl", str(bad), "--errors", "record")
    assert records(out.read_bytes())[0]["error"]["code"] == "bad_compression"


@needs_zstd
def test_missing_zstandard_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = tmp_path / "dump.jsonl.zst"
    dump.write_bytes(_zst(jsonl_bytes(dump_lines(1))))
    monkeypatch.setitem(sys.modules, "zstandard", None)  # `import zstandard` now fails
    assert main(["parse", str(dump), "-q"]) == 2
    assert "pip install 'arnews[zstd]'" in capsys.readouterr().err
    assert main(["parse", "examples/pages", "-o", str(tmp_path / "o.jsonl.zst")]) == 2
    assert "pip install 'arnews[zstd]'" in capsys.readouterr().err
    assert not list(tmp_path.glob(".o.*"))


# ---------------------------------------------------------------------------- parquet


@pytest.fixture
def parquet_dump(tmp_path: Path) -> Path:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    import datetime

    rows = dump_lines(5)
    table = pa.table(
        {
            "url": [r["url"] for r in rows],
            "content": [r["text"] for r in rows],
            "fetched": [datetime.datetime(2024, 5, i + 1, 12, 0) for i in range(5)],
            "size": list(range(5)),
        }
    )
    path = tmp_path / "crawl.parquet"
    pq.write_table(table, path, row_group_size=2)  # three row groups
    return path


def test_parquet_input_by_row_groups(tmp_path: Path, parquet_dump: Path) -> None:
    args = ("--text-field", "content", "--id-field", "url", "--no-spans")
    status, out = parse_to(tmp_path, "out.jsonl", str(parquet_dump), *args)
    assert status == 0
    got = records(out.read_bytes())
    rows = dump_lines(5)
    assert [r["id"] for r in got] == [r["url"] for r in rows]
    assert [r["text"] for r in got] == [arnews.parse(r["text"]).text for r in rows]
    assert got[1]["metadata"] == {"fetched": "2024-05-02T12:00:00", "size": 1}
    status, out = parse_to(
        tmp_path, "kept.jsonl", str(parquet_dump), *args, "--keep-fields", "size"
    )
    assert [r["metadata"] for r in records(out.read_bytes())] == [{"size": i} for i in range(5)]


def test_parquet_without_the_text_column(
    tmp_path: Path, parquet_dump: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out = parse_to(tmp_path, "out.jsonl", str(parquet_dump), "--errors", "record")
    assert status == 1
    assert [r["error"]["code"] for r in records(out.read_bytes())] == ["bad_record"]
    assert "no 'text' column (columns: url, content, fetched, size)" in capsys.readouterr().err


def test_parquet_rows_are_named_by_row(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "t.parquet"
    pq.write_table(pa.table({"text": ["خبر أول.", None, "خبر ثالث."]}), path)
    status, out = parse_to(tmp_path, "out.jsonl", str(path), "--errors", "record")
    assert status == 1
    got = records(out.read_bytes())
    assert [r["id"] for r in got] == [f"{path}:0", f"{path}:1", f"{path}:2"]
    assert got[1]["error"]["code"] == "bad_record"


def test_damaged_parquet(tmp_path: Path, parquet_dump: Path) -> None:
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(parquet_dump.read_bytes()[:-20])
    status, out = parse_to(tmp_path, "out.jsonl", str(broken), "--errors", "record")
    assert status == 1
    assert records(out.read_bytes())[0]["error"]["code"] == "bad_parquet"


# ---------------------------------------------------------------------------- output names


def test_unknown_output_extension_is_a_usage_error(tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    done = subprocess.run(
        [sys.executable, "-m", "arnews", "parse", "examples/pages", "-o", str(out)],
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert b"unknown extension '.xlsx'" in done.stderr
    assert b".jsonl, .ndjson, .json, .csv, .parquet, .txt" in done.stderr
    assert not out.exists()
    # --format still decides, whatever the name.
    assert main(["parse", "examples/pages", "-o", str(out), "--format", "csv", "-q"]) == 0
    assert out.read_text("utf-8").startswith("id,text,")


def test_compressed_parquet_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "examples/pages", "-o", str(tmp_path / "o.parquet.gz")]) == 2
    assert "--parquet-compression" in capsys.readouterr().err


def test_parquet_compression_option(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    args = ("examples/pages", "--parquet-compression", "zstd")
    status, out = parse_to(tmp_path, "out.parquet", *args)
    assert status == 0
    assert pq.ParquetFile(out).metadata.row_group(0).column(0).compression == "ZSTD"


# ---------------------------------------------------------------------------- Python API


def test_read_pages_reads_every_kind(tmp_path: Path, parquet_dump: Path) -> None:
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(jsonl_bytes(dump_lines(2))))
    pages = list(arnews.read_pages([tmp_path / "a.jsonl.gz", "examples/pages/league.txt"]))
    assert [p.id for p in pages] == ["seed-0", "seed-1", "examples/pages/league.txt"]
    assert pages[0].metadata["url"] == "https://example.com/0"
    assert isinstance(pages[0], arnews.Page)
    rows = list(arnews.read_pages(parquet_dump, text_field="content", keep_fields=["size"]))
    assert [p.metadata for p in rows] == [{"size": i} for i in range(5)]
    assert rows[0].id == f"{parquet_dump}:0"


def test_read_pages_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff")
    paths = [bad, "examples/pages/league.txt"]
    assert [p.id for p in arnews.read_pages(paths)] == ["examples/pages/league.txt"]
    got = list(arnews.read_pages(paths, errors="yield"))
    assert [getattr(g, "code", None) for g in got] == ["not_utf8", None]
    with pytest.raises(arnews.PageError, match="not valid UTF-8") as caught:
        list(arnews.read_pages(paths, errors="raise"))
    assert caught.value.failure.code == "not_utf8"
    with pytest.raises(ValueError, match="errors must be"):
        arnews.read_pages(paths, errors="ignore")  # type: ignore[call-overload]
    too_long = list(arnews.read_pages("examples/pages", max_chars=10, errors="yield"))
    assert {getattr(g, "code", None) for g in too_long} == {"too_large"}


def test_parse_many_takes_pages_pairs_and_texts() -> None:
    pages = list(arnews.read_pages("examples/pages"))
    want = [arnews.parse(p.text) for p in pages]
    assert list(arnews.parse_many(pages)) == want
    assert list(arnews.parse_many((p.id, p.text) for p in pages)) == want
    assert list(arnews.parse_many(p.text for p in pages)) == want
    pairs = list(arnews.parse_many(arnews.read_pages("examples/pages"), with_input=True))
    assert [(p.id, a) for p, a in pairs] == [(p.id, a) for p, a in zip(pages, want, strict=True)]
    with pytest.raises(TypeError):
        list(arnews.parse_many([3]))  # type: ignore[list-item]


def test_parse_many_with_input_on_two_processes() -> None:
    pages = [arnews.Page(f"p{i}", f"خبر رقم {i}.\n\nالمصدر: وكالة {i}", {}) for i in range(150)]
    got = list(arnews.parse_many(pages, jobs=2, chunksize=16, with_input=True))
    assert [p.id for p, _ in got] == [p.id for p in pages]
    assert [a.source for _, a in got] == [f"وكالة {i}" for i in range(150)]


def test_read_file_reads_one_file_of_any_kind(tmp_path: Path, parquet_dump: Path) -> None:
    dump = tmp_path / "dump.jsonl.xz"
    dump.write_bytes(lzma.compress(jsonl_bytes(dump_lines(3))))
    assert [r.where for r in read_file(str(dump))] == [f"{dump}:{i}" for i in (1, 2, 3)]
    rows = list(read_file(str(parquet_dump), text_field="content"))
    assert [r.where for r in rows] == [f"{parquet_dump}:{i}" for i in range(5)]


def test_folder_of_compressed_dumps(tmp_path: Path) -> None:
    corpus = tmp_path / "crawl"
    corpus.mkdir()
    rows = dump_lines(4)
    (corpus / "a.jsonl.gz").write_bytes(gzip.compress(jsonl_bytes(rows[:2])))
    (corpus / "b.jsonl").write_bytes(jsonl_bytes(rows[2:]))
    (corpus / "c.jsonl.gz.bak").write_bytes(b"not read")
    status, out = parse_to(tmp_path, "out.jsonl", str(corpus), "--input-format", "jsonl")
    assert status == 0
    assert [r["id"] for r in records(out.read_bytes())] == [r["id"] for r in rows]


def test_show_one_record_of_a_compressed_dump_and_a_parquet_row(
    tmp_path: Path, parquet_dump: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    dump = tmp_path / "dump.jsonl.bz2"
    rows = dump_lines(3)
    dump.write_bytes(bz2.compress(jsonl_bytes(rows)))
    assert main(["show", f"{dump}:2", "--color", "never"]) == 0
    assert capsysbinary.readouterr().out.decode("utf-8").startswith("seed-1: ")
    args = ["show", f"{parquet_dump}:3", "--text-field", "content", "--id-field", "url"]
    assert main([*args, "--color", "never"]) == 0
    assert capsysbinary.readouterr().out.decode("utf-8").startswith("https://example.com/3: ")
