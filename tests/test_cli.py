"""The ``arnews`` command, run for real in a subprocess on real pages.

Every run checks that stderr holds no traceback: bad data must give one-line messages.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import arnews
from arnews.cli.driver import Progress

from .conftest import CONTRACT_KEYS, FIXTURES, SHARED_CORPUS
from .terminal import drain

ROOT = Path(__file__).parent.parent
PAGES = ROOT / "examples" / "pages"
SEEDS = sorted((FIXTURES / "spec").glob("*.txt"))
CONTRACT = set(CONTRACT_KEYS)


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    done = subprocess.run(
        [sys.executable, "-m", "arnews", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert b"Traceback" not in done.stderr, done.stderr.decode()
    return done


def records(out: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.decode("utf-8").splitlines()]


def expected(
    doc_id: Any, text: str, spans: bool = True, metadata: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The record of one page: its id, text, contract fields and metadata (default: the
    path of a file, nothing for standard input)."""
    if metadata is None:
        metadata = {} if doc_id == "-" else {"path": doc_id}
    article = arnews.parse(text)
    # Through JSON, as the command writes it (tuples become lists).
    record: dict[str, Any] = json.loads(
        json.dumps(
            {
                "id": doc_id,
                "text": article.text,
                **article.to_dict(spans=spans),
                "metadata": metadata,
            }
        )
    )
    return record


def errors(stderr: bytes) -> list[str]:
    return stderr.decode("utf-8").splitlines()


@pytest.fixture
def seeds_jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "seeds.jsonl"
    lines = [
        json.dumps({"id": f"seed-{i}", "text": seed.read_text("utf-8")}, ensure_ascii=False)
        for i, seed in enumerate(SEEDS)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# ---------------------------------------------------------------------------- inputs


def test_folder_gives_one_json_line_per_page_in_sorted_order() -> None:
    done = run("parse", "examples/pages")
    assert done.returncode == 0
    assert done.stderr == b""
    got = records(done.stdout)
    pages = sorted(PAGES.glob("*.txt"))
    assert [r["id"] for r in got] == [f"examples/pages/{p.name}" for p in pages]
    for record, page in zip(got, pages, strict=True):
        assert set(record) >= CONTRACT
        assert record == expected(f"examples/pages/{page.name}", page.read_text("utf-8"))


def test_bare_paths_mean_parse() -> None:
    assert run("examples/pages").stdout == run("parse", "examples/pages").stdout


def test_glob_selects_files_in_folders(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.page").write_text(SEEDS[0].read_text("utf-8"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(SEEDS[1].read_text("utf-8"), encoding="utf-8")
    done = run("parse", str(tmp_path), "--glob", "*.page", "--no-spans")
    assert [r["id"] for r in records(done.stdout)] == [str(tmp_path / "sub" / "a.page")]


def test_stdin_is_one_page() -> None:
    text = SEEDS[2].read_text("utf-8")
    done = run("-", stdin=text.encode("utf-8"))
    assert done.returncode == 0
    assert records(done.stdout) == [expected("-", text)]


def test_json_lines_input_keeps_ids_and_order(seeds_jsonl: Path) -> None:
    done = run("parse", str(seeds_jsonl), "--no-spans")
    assert done.returncode == 0, done.stderr
    texts = [seed.read_text("utf-8") for seed in SEEDS]
    assert records(done.stdout) == [
        expected(f"seed-{i}", t, spans=False, metadata={}) for i, t in enumerate(texts)
    ]


def test_json_lines_from_stdin_with_other_field_names(tmp_path: Path) -> None:
    text = SEEDS[3].read_text("utf-8")
    dump = json.dumps({"url": "https://example.com/a", "content": text}, ensure_ascii=False)
    args = ("-", "--input-format", "jsonl", "--text-field", "content", "--id-field", "url")
    done = run(*args, stdin=(dump + "\n").encode("utf-8"))
    assert done.returncode == 0, done.stderr
    assert records(done.stdout) == [expected("https://example.com/a", text, metadata={})]


def test_json_lines_without_id_field_are_named_by_line(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"  # not .jsonl: the format is given explicitly
    path.write_text('{"text": "خبر أول."}\n\n{"text": "خبر ثان."}\n', encoding="utf-8")
    done = run("parse", str(path), "--input-format", "jsonl")
    assert [r["id"] for r in records(done.stdout)] == [f"{path}:1", f"{path}:3"]


def test_lone_surrogates_in_json_lines_do_not_break_the_output(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "a\\ud800", "text": "خبر \\udc00 قصير."}\n', encoding="utf-8")
    done = run("parse", str(path))
    assert done.returncode == 0
    (record,) = records(done.stdout)
    assert record["id"] == "a\ufffd"
    assert record["paragraphs"] == ["خبر \ufffd قصير."]
    # One character for one: the spans still point into the text as the record gave it.
    assert record["spans"]["paragraphs"] == [[0, len("خبر \ufffd قصير.")]]


# ---------------------------------------------------------------------------- formats


def test_json_format_is_one_array_of_the_same_records() -> None:
    done = run("parse", "examples/pages", "--format", "json")
    assert json.loads(done.stdout) == records(run("parse", "examples/pages").stdout)


def test_json_format_of_nothing_is_an_empty_array(tmp_path: Path) -> None:
    done = run("parse", str(tmp_path), "--format", "json")
    assert json.loads(done.stdout) == []
    assert done.returncode == 1


def test_csv_format_flattens_lists() -> None:
    done = run("parse", *map(str, SEEDS), "--format", "csv")
    assert done.returncode == 0
    rows = list(csv.DictReader(io.StringIO(done.stdout.decode("utf-8"))))
    assert len(rows) == len(SEEDS)
    for row, seed in zip(rows, SEEDS, strict=True):
        article = arnews.parse(seed.read_text("utf-8"))
        assert row["id"] == str(seed)
        assert row["text"] == article.text
        assert row["keywords"] == " | ".join(article.keywords)
        assert row["source"] == (article.source or "")
        ra = json.loads(row["read_also"]) if row["read_also"] else []
        assert [a["title"] for a in ra] == [a.title for a in article.read_also]


def test_txt_format_is_the_clean_body_a_paragraph_a_line() -> None:
    done = run("parse", "examples/pages", "--format", "txt")
    docs = done.stdout.decode("utf-8").split("\n\n")
    assert docs[-1] == ""
    pages = sorted(PAGES.glob("*.txt"))
    assert docs[:-1] == ["\n".join(arnews.parse(p.read_text("utf-8")).paragraphs) for p in pages]


def test_parquet_format_reads_back_with_pyarrow(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "seeds.parquet"
    done = run("parse", *map(str, SEEDS), "-o", str(out))  # format from the extension
    assert done.returncode == 0, done.stderr
    rows = pq.read_table(out).to_pylist()
    assert len(rows) == len(SEEDS)
    for row, seed in zip(rows, SEEDS, strict=True):
        article = arnews.parse(seed.read_text("utf-8"))
        data = article.to_dict()
        assert row["id"] == str(seed)
        for key in ("title", "paragraphs", "keywords", "similar", "source", "dateline"):
            assert row[key] == data[key], key
        assert row["updated"] == article.updated
        assert json.loads(row["read_also"]) == data["read_also"]
        assert row["spans"] == data["spans"]
        assert [w["code"] for w in row["warnings"]] == [w.code for w in article.warnings]


def test_parquet_needs_an_output_file() -> None:
    done = run("parse", "examples/pages", "--format", "parquet")
    assert done.returncode == 2
    assert errors(done.stderr) == [
        "arnews: error: --format parquet writes a file: give it with -o FILE.parquet"
    ]


def test_no_spans_keeps_the_contract_only() -> None:
    for record in records(run("parse", "examples/pages", "--no-spans").stdout):
        assert set(record) == CONTRACT | {"id", "text", "published", "metadata"}


def test_output_file(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    done = run("parse", "examples/pages", "-o", str(out))
    assert done.stdout == b""
    assert out.read_bytes() == run("parse", "examples/pages").stdout


# ---------------------------------------------------------------------------- processes


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="the shared research corpus is absent")
def test_two_jobs_give_the_same_bytes_as_one() -> None:
    args = ("parse", str(SHARED_CORPUS), "--glob", "*_*.txt", "--chunksize", "8")
    one = run(*args, "--jobs", "1")
    two = run(*args, "--jobs", "2")
    assert one.returncode == two.returncode == 0
    assert len(one.stdout.splitlines()) > 300
    assert one.stdout == two.stdout


def test_jobs_over_one_have_the_forkserver_import_arnews(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Each worker would otherwise import arnews and compile the lexicon for itself (the
    # patterns are compiled on first use: arnews.cli.warm uses them in the forkserver).
    import multiprocessing

    from arnews.batch import START_METHOD
    from arnews.cli import main

    preloads: list[list[str]] = []
    monkeypatch.setattr(multiprocessing, "set_forkserver_preload", preloads.append)
    page = tmp_path / "page.txt"
    page.write_text("نص الخبر.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(page), "--jobs", "2", "-o", str(out)]) == 0
    assert main(["parse", str(page), "--jobs", "1", "-o", str(out)]) == 0
    wanted = [["arnews", "arnews.cli.warm"]] if START_METHOD == "forkserver" else []
    assert preloads == wanted


def test_the_forkserver_warm_up_compiles_the_patterns() -> None:
    # Run in a fresh interpreter: importing the warm-up module parses the bundled pages, and
    # the shipped lexicon's patterns are compiled afterwards, ready for every forked worker.
    code = (
        "import arnews, arnews.cli.warm as w; "
        "print(len(w._PARSER.parse(arnews.example_pages()['league']).paragraphs))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)
    assert done.stdout.strip() == b"2"


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="the shared research corpus is absent")
def test_closed_output_pipe_exits_quietly() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "arnews", str(SHARED_CORPUS), "-j", "2", "--chunksize", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert json.loads(proc.stdout.readline())["id"]
    proc.stdout.close()  # as `| head -1` does
    stderr = proc.stderr.read()
    assert proc.wait(timeout=60) == 141
    assert stderr == b""


def test_progress_bar_counts_bytes_toward_the_inputs_size() -> None:
    stream = io.StringIO()
    progress = Progress(stream, enabled=True, measure=(["examples/pages"], None, "auto"))
    for _ in range(300):  # the size is measured in a thread: wait for it, in updates
        progress.update(1, 10)
        if "%" in stream.getvalue():
            break
        time.sleep(0.01)
    progress.close()
    shown = stream.getvalue()
    assert "arnews:" in shown and "docs]" in shown and "B/s" in shown
    assert "%" in shown  # the total is known: a percentage and an ETA
    assert shown.endswith("\r")  # the bar is taken off at the end: the summary follows


def test_progress_bar_counts_documents_when_the_size_is_unknown() -> None:
    stream = io.StringIO()
    progress = Progress(stream, enabled=True, measure=(["-"], None, "auto"))
    progress.update(1, 1000)
    progress.close()
    assert "arnews: 0 docs" in stream.getvalue()
    assert "%" not in stream.getvalue()


def test_no_progress_when_stderr_is_not_a_terminal() -> None:
    assert run("parse", "examples/pages").stderr == b""


@pytest.mark.parametrize("quiet", [False, True])
def test_progress_on_a_terminal(quiet: bool) -> None:
    pty = pytest.importorskip("pty")
    leader, follower = pty.openpty()
    args = ["parse", "examples/pages", *(["--quiet"] if quiet else [])]
    try:
        done = subprocess.run(
            [sys.executable, "-m", "arnews", *args],
            stdout=subprocess.PIPE,
            stderr=follower,
            cwd=ROOT,
            timeout=60,
            check=False,
        )
        os.close(follower)
        shown = drain(leader)
    finally:
        os.close(leader)
    assert done.returncode == 0
    assert len(records(done.stdout)) == 3  # progress never goes to stdout
    if quiet:
        assert shown == b""
    else:
        assert b"arnews: 0.00B [00:00" in shown  # the bar, then the summary in its place
        assert b"arnews: 3 documents in, 3 records out, no errors" in shown
        assert b"docs/s" in shown


# ---------------------------------------------------------------------------- stats, show


def test_stats_table_and_json() -> None:
    paths = ["examples/pages", *map(str, SEEDS)]
    table = run("stats", *paths)
    assert table.returncode == 0
    text = table.stdout.decode("utf-8")
    for word in ("documents", "dateline", "read_also", "top 10 sources", "top 10 tags"):
        assert word in text
    data = json.loads(run("stats", *paths, "--json").stdout)
    articles = [arnews.parse(p.read_text("utf-8")) for p in [*sorted(PAGES.glob("*.txt")), *SEEDS]]
    assert data["documents"] == len(articles)
    assert data["sections"]["source"] == sum(1 for a in articles if a.source)
    assert data["sections"]["keywords"] == sum(1 for a in articles if a.keywords)
    assert data["sections"]["similar"] == sum(1 for a in articles if a.similar)
    assert data["errors"] == {}
    top_source, count = data["sources"][0]
    assert count == sum(1 for a in articles if a.source == top_source)


def test_stats_counts_errors(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    done = run("stats", "examples/pages", str(tmp_path), "--json")
    assert done.returncode == 1
    assert json.loads(done.stdout)["errors"] == {"empty": 1}


def test_show_prints_each_part_with_its_span() -> None:
    page = PAGES / "league.txt"
    text = page.read_text("utf-8")
    done = run("show", str(page))
    assert done.returncode == 0
    lines = done.stdout.decode("utf-8").splitlines()
    article = arnews.parse(text)
    assert article.source is not None
    start, end = article.spans.source or (0, 0)
    i = lines.index(f"source [{start}:{end}]")
    assert lines[i + 1].strip() == text[start:end]
    assert any(line.startswith("marker:read_also [") for line in lines)
    assert any(line.startswith("read_also[0] title [") for line in lines)


def test_show_reports_bad_input() -> None:
    done = run("show", "no/such/page.txt")
    assert done.returncode == 1
    assert errors(done.stderr) == ["arnews: error: no/such/page.txt: no such file or directory"]


def test_version_and_help() -> None:
    assert run("--version").stdout.decode().strip() == f"arnews {arnews.__version__}"
    help_text = run("--help").stdout.decode()
    assert "examples:" in help_text
    assert "arnews parse examples/pages" in help_text
    assert "--errors" in run("parse", "--help").stdout.decode()


def test_bad_command_line_is_status_2() -> None:
    assert run().returncode == 2
    done = run("parse", "examples/pages", "--jobs", "many")
    assert done.returncode == 2
    assert "--jobs" in done.stderr.decode()


# ---------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.txt", b"\xd8\xae\xd8\xa8\xd8\xb1 \xff\xfe", "not valid UTF-8 at byte 7"),
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b" \n\xc2\xa0\n", "empty file (white space only)"),
    ],
)
def test_bad_text_file_is_reported_and_the_run_goes_on(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    done = run("parse", str(bad), str(SEEDS[0]))
    assert done.returncode == 1
    assert errors(done.stderr) == [f"arnews: error: {bad}: {message}"]
    assert [r["id"] for r in records(done.stdout)] == [str(SEEDS[0])]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (b"{not json", "not valid JSON: Expecting property name enclosed in double quotes"),
        (b'{"id": 7, "body": "x"}', "no 'text' field (fields: id, body)"),
        (b'{"id": 7, "text": 42}', "field 'text' is a number, not a string"),
        (b'["text"]', "expected a JSON object, got an array"),
        (b'{"text": "\xff"}', "not valid UTF-8 at byte"),
    ],
)
def test_bad_json_line_names_file_and_line(tmp_path: Path, line: bytes, message: str) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(b'{"id": 1, "text": "\xd8\xae\xd8\xa8\xd8\xb1."}\n' + line + b"\n")
    done = run("parse", str(path))
    assert done.returncode == 1
    (error,) = errors(done.stderr)
    assert error.startswith(f"arnews: error: {path}:2: {message}")
    assert [r["id"] for r in records(done.stdout)] == [1]


def test_invalid_utf8_in_json_lines_gives_the_file_offset(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    first = b'{"text": "a"}\n'
    path.write_bytes(first + b'{"text": "\xff"}\n')
    (error,) = errors(run("parse", str(path)).stderr)
    assert (
        error == f"arnews: error: {path}:2: not valid UTF-8 at byte {len(first) + 10} of the file"
    )


def test_empty_json_lines_file(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(b"\n")
    done = run("parse", str(path))
    assert done.returncode == 1
    assert errors(done.stderr) == [f"arnews: error: {path}: empty file (no JSON Lines records)"]


def test_empty_folder_and_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    done = run("parse", str(tmp_path), str(missing), "examples/pages")
    assert done.returncode == 1
    assert errors(done.stderr) == [
        f"arnews: error: {tmp_path}: no files match '*.txt' or its compressed forms "
        "(.gz, .bz2, .xz, .zst) in this folder",
        f"arnews: error: {missing}: no such file or directory",
    ]
    assert len(records(done.stdout)) == 3


@pytest.fixture
def mixed(tmp_path: Path, seeds_jsonl: Path) -> list[str]:
    """Eight documents in: four good, four bad, bad ones between good ones."""
    (tmp_path / "bad.txt").write_bytes(b"\xff")
    (tmp_path / "empty").mkdir()
    dump = tmp_path / "two.jsonl"
    dump.write_bytes(b'{"id": "x", "text": "\xd8\xae\xd8\xa8\xd8\xb1."}\n{broken\n')
    return [
        str(SEEDS[0]),
        str(tmp_path / "bad.txt"),
        str(tmp_path / "empty"),
        str(tmp_path / "nope.txt"),
        str(dump),
        str(SEEDS[1]),
        str(SEEDS[2]),
    ]


def test_errors_fail_stops_at_the_first(mixed: list[str]) -> None:
    done = run("parse", *mixed, "--errors", "fail")
    assert done.returncode == 1
    assert len(errors(done.stderr)) == 1
    assert [r["id"] for r in records(done.stdout)] == [mixed[0]]


def test_errors_record_writes_one_record_per_document(mixed: list[str]) -> None:
    done = run("parse", *mixed, "--errors", "record", "--jobs", "2", "--chunksize", "1")
    assert done.returncode == 1
    got = records(done.stdout)
    assert len(got) == 8 == len(errors(done.stderr)) + 4
    codes = [r["error"]["code"] if "error" in r else None for r in got]
    assert codes == [None, "not_utf8", "no_match", "not_found", None, "bad_json", None, None]
    assert got[1] == {
        "id": mixed[1],
        "error": {"code": "not_utf8", "message": "not valid UTF-8 at byte 0"},
        "metadata": {"path": mixed[1]},
    }


def test_errors_record_in_csv_and_parquet(mixed: list[str], tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    done = run("parse", *mixed, "--errors", "record", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(done.stdout.decode("utf-8"))))
    codes = ["", "not_utf8", "no_match", "not_found", "", "bad_json", "", ""]
    assert [r["error_code"] for r in rows] == codes
    out = tmp_path / "out.parquet"
    run("parse", *mixed, "--errors", "record", "-o", str(out))
    table = pq.read_table(out).to_pylist()
    assert len(table) == 8
    assert [r["error"]["code"] if r["error"] else None for r in table][:2] == [None, "not_utf8"]
