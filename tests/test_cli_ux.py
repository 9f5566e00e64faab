"""What the command tells a person and a script about a run, through the real command: the
progress bar and the summary on a terminal, ``--summary-json``, error messages collapsed
after 20 of a kind, ``--lexicon``/``--tag-lexicon`` (in worker processes too), ``show
--profiles``, and the example pages shipped inside the package.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import arnews
from arnews import Lexicon, Parser, SiteProfile, TagLexicon
from arnews.bundled import examples_folder
from arnews.cli.progress import input_size, sized
from arnews.cli.summary import SHOWN_PER_CODE
from arnews.profiles import save_profiles

from .crawl import ANT, SITES, build_crawl
from .terminal import drain
from .test_cli import run

ROOT = Path(__file__).resolve().parents[1]

needs_ant = pytest.mark.skipif(not ANT.exists(), reason="../shared/corpus/ant is not there")

# A page of a site whose source line and promo the shipped lexicon does not know, and whose
# tag line has no separators: what --lexicon and --tag-lexicon are for.
PAGE = (
    "أعلنت البلدية عن خطة لتوسيع شبكة الحافلات في الأحياء الجديدة.\n\n"
    "وقالت إن الخطة تشمل خطين جديدين قبل نهاية العام، مع تخفيض سعر الاشتراك الشهري للطلاب.\n\n"
    "ادعم الصحافة المستقلة واشترك اليوم\n\n"
    "نقلا عن موقع: بلدية الدار البيضاء\n"
    "كلمات دلالية: شبكة الحافلات الدار البيضاء النقل العام\n"
)
LEXICON = Lexicon.default().extend(
    markers={"source": ["نقلا عن موقع"]}, boilerplate=["ادعم الصحافة المستقلة"]
)
TAGS = TagLexicon.from_phrases(["شبكة الحافلات", "الدار البيضاء", "النقل العام"])


def on_terminal(*args: str) -> tuple[int, bytes, str]:
    """Run the command with stderr on a pseudo-terminal; its status, stdout and screen."""
    pty = pytest.importorskip("pty")
    leader, follower = pty.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "arnews", *args],
            stdout=subprocess.PIPE,
            stderr=follower,
            cwd=ROOT,
        )
        os.close(follower)
        shown = drain(leader)
        assert proc.stdout is not None
        out = proc.stdout.read()
        status = proc.wait(timeout=300)
    finally:
        os.close(leader)
    return status, out, shown.decode("utf-8", "replace")


def records(out: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.decode("utf-8").splitlines()]


@pytest.fixture
def bad_dump(tmp_path: Path) -> Path:
    """A JSON Lines dump with 30 undecodable records, 25 broken lines and 2 good pages."""
    good = json.dumps({"id": "good", "text": PAGE}, ensure_ascii=False).encode("utf-8")
    lines = [good]
    lines += [b'{"id": "bad-%d", "text": "\xff\xfe"}' % i for i in range(30)]
    lines += [b"not json %d" % i for i in range(25)]
    lines.append(good)
    path = tmp_path / "dump.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


# ---------------------------------------------------------------------------- the summary


def test_summary_json_counts_documents_records_and_errors_by_kind(
    bad_dump: Path, tmp_path: Path
) -> None:
    target = tmp_path / "run" / "summary.json"
    target.parent.mkdir()
    done = run("parse", str(bad_dump), "--summary-json", str(target), "-j", "1")
    assert done.returncode == 1
    assert len(records(done.stdout)) == 2
    summary = json.loads(target.read_text("utf-8"))
    assert summary["command"] == "parse"
    assert summary["documents"] == 57 and summary["parsed"] == 2 and summary["records"] == 2
    assert summary["errors"] == {"bad_json": 25, "not_utf8": 30}
    assert summary["errors_total"] == 55
    assert summary["exit_status"] == 1 and summary["stopped"] is None
    assert summary["seconds"] > 0 and summary["docs_per_second"] > 0
    assert summary["bytes"] > 2 * len(PAGE)
    assert os.listdir(target.parent) == ["summary.json"]  # no temporary file left


def test_repeated_errors_are_collapsed_after_twenty_of_a_kind(bad_dump: Path) -> None:
    done = run("parse", str(bad_dump), "-j", "1")
    lines = done.stderr.decode("utf-8").splitlines()
    assert len(lines) == 2 * SHOWN_PER_CODE + 2
    assert sum("not valid UTF-8" in line or "UTF-8" in line for line in lines) == SHOWN_PER_CODE
    assert lines[-2:] == [
        "arnews: … and 5 more bad_json errors",
        "arnews: … and 10 more not_utf8 errors",
    ]
    # ... while --errors record still writes every error record.
    done = run("parse", str(bad_dump), "--errors", "record", "-j", "2", "--chunksize", "4")
    got = records(done.stdout)
    assert len(got) == 57
    assert sum("error" in r for r in got) == 55
    assert len(done.stderr.decode("utf-8").splitlines()) == 2 * SHOWN_PER_CODE + 2


def test_summary_json_of_stats_and_learn(tmp_path: Path) -> None:
    target = tmp_path / "stats.json"
    done = run("stats", "examples/pages", "--summary-json", str(target), "-q")
    assert done.returncode == 0
    summary = json.loads(target.read_text("utf-8"))
    assert summary["command"] == "stats"
    assert summary["documents"] == summary["records"] == 3 and summary["errors"] == {}
    target = tmp_path / "learn.json"
    done = run("learn", "examples/pages", "--summary-json", str(target), "-q", "-o", os.devnull)
    assert done.returncode == 0
    assert json.loads(target.read_text("utf-8"))["documents"] == 3


def test_summary_json_in_a_missing_folder_is_a_usage_error_before_the_run(
    tmp_path: Path,
) -> None:
    target = tmp_path / "no" / "such" / "summary.json"
    done = run("parse", "examples/pages", "--summary-json", str(target))
    assert done.returncode == 2
    assert done.stdout == b""
    assert done.stderr.decode("utf-8").startswith(
        f"arnews: error: --summary-json: cannot write {target}"
    )


def test_no_summary_off_a_terminal() -> None:
    # A script, a pipe or a log gets the records and the errors only (and --summary-json).
    assert run("parse", "examples/pages").stderr == b""


def test_summary_always_off_a_terminal(tmp_path: Path) -> None:
    # A batch job whose stderr goes to a log asks for the block; -q does not silence it then.
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe not utf-8")
    done = run("parse", "examples/pages", str(tmp_path / "bad.txt"), "--summary", "always", "-q")
    lines = done.stderr.decode("utf-8").splitlines()
    assert lines[0].startswith("arnews: error: ") and "not valid UTF-8" in lines[0]
    block = "\n".join(lines[1:])
    assert "4 documents" in block and "3 records" in block and "not_utf8" in block, block
    assert run("parse", "examples/pages", "--summary", "never").stderr == b""


def test_progress_bar_and_summary_on_a_terminal(bad_dump: Path, tmp_path: Path) -> None:
    status, out, screen = on_terminal("parse", str(bad_dump), "-j", "1")
    assert status == 1 and len(records(out)) == 2
    assert "arnews:" in screen and "docs]" in screen  # the bar, in bytes of a known size
    assert "arnews: … and 10 more not_utf8 errors" in screen
    assert "arnews: 57 documents in, 2 records out, 55 errors (30 not_utf8, 25 bad_json)" in screen
    assert "docs/s" in screen.splitlines()[-1]
    # Each error message is a line of its own: the bar is cleared before it, not glued to it.
    for line in screen.replace("\r\n", "\n").split("\n"):
        if "error:" in line:
            assert line.rsplit("\r", 1)[-1].startswith("arnews: error:"), line
    status, out, screen = on_terminal("parse", str(bad_dump), "-j", "1", "-q")
    assert "documents in" not in screen and "docs]" not in screen
    assert "arnews: … and 10 more not_utf8 errors" in screen  # part of the error report


def test_the_bar_counts_bytes_only_where_the_size_is_what_is_read() -> None:
    # Standard input and packed files have no size that the documents add up to: the bar
    # counts documents there, with no percentage.
    assert not sized(["-"], None, "auto")
    assert not sized(["dump.jsonl.gz"], None, "auto")
    assert not sized(["crawl/"], "*.txt.xz", "auto")
    assert sized(["examples/pages", "examples/pages/league.txt"], None, "auto")
    size = sum(p.stat().st_size for p in (ROOT / "examples" / "pages").glob("*.txt"))
    assert input_size([str(ROOT / "examples" / "pages")], None, "auto") == size


# ---------------------------------------------------------------------------- lexicons


@pytest.fixture
def lexicon_files(tmp_path: Path) -> tuple[Path, Path]:
    lex = tmp_path / "lexicon.json"
    LEXICON.save(lex)
    tags = tmp_path / "tags.txt"
    tags.write_text("# the site's tags\n" + "\n".join(sorted(TAGS.phrases)) + "\n", "utf-8")
    return lex, tags


def test_lexicons_reach_the_parser_in_worker_processes(
    lexicon_files: tuple[Path, Path], tmp_path: Path
) -> None:
    lex, tags = lexicon_files
    dump = tmp_path / "site.jsonl"
    lines = [json.dumps({"id": k, "text": PAGE}, ensure_ascii=False) for k in range(6)]
    dump.write_text("\n".join(lines) + "\n", "utf-8")
    parser = Parser(lexicon=LEXICON, tag_lexicon=TagLexicon.load(tags))
    want = json.loads(json.dumps(parser.parse(PAGE).to_dict(spans=False)))
    plain = arnews.parse(PAGE)
    assert plain.source is None  # what the options change
    assert want["source"] == "بلدية الدار البيضاء"
    assert want["keywords"] == ["شبكة الحافلات", "الدار البيضاء", "النقل العام"]
    args = ["--lexicon", str(lex), "--tag-lexicon", str(tags), "--no-spans"]
    done = run("parse", str(dump), *args, "--jobs", "2", "--chunksize", "1")
    assert done.returncode == 0, done.stderr
    got = records(done.stdout)
    assert len(got) == 6
    for record in got:
        assert {k: v for k, v in record.items() if k in want} == want
    stats = json.loads(run("stats", str(dump), *args[:4], "--json", "-j", "2").stdout)
    assert stats["sections"]["source"] == 6
    assert [name for name, _ in stats["tags"]] == want["keywords"]


def test_show_and_learn_take_the_lexicons(lexicon_files: tuple[Path, Path], tmp_path: Path) -> None:
    lex, tags = lexicon_files
    page = tmp_path / "page.txt"
    page.write_text(PAGE, "utf-8")
    shown = run("show", str(page), "--lexicon", str(lex), "--tag-lexicon", str(tags))
    assert shown.returncode == 0
    text = shown.stdout.decode("utf-8")
    assert "source [" in text and "بلدية الدار البيضاء" in text
    assert "keyword" in text
    assert "source [" not in run("show", str(page)).stdout.decode("utf-8")
    learned = run("learn", str(tmp_path), "--lexicon", str(lex), "-q", "--min-pages", "1")
    assert learned.returncode == 0, learned.stderr


@pytest.mark.parametrize("command", ["parse", "stats", "show", "learn"])
@pytest.mark.parametrize(
    ("option", "content", "message"),
    [
        ("--lexicon", '{"bullets": "-"}', "bullets must be a list of strings"),
        ("--lexicon", None, "cannot read it: No such file or directory"),
        ("--tag-lexicon", '{"phrases": {}}', "not an arnews tag lexicon"),
        ("--tag-lexicon", b"\xff", "not valid UTF-8"),
    ],
)
def test_a_bad_lexicon_file_is_a_usage_error_naming_it(
    tmp_path: Path, command: str, option: str, content: str | bytes | None, message: str
) -> None:
    path = tmp_path / "lexicon.json"
    if isinstance(content, str):
        path.write_text(content, "utf-8")
    elif content is not None:
        path.write_bytes(content)
    target = "examples/pages/league.txt" if command == "show" else "examples/pages"
    done = run(command, target, option, str(path))
    assert done.returncode == 2
    assert done.stdout == b""
    (line,) = done.stderr.decode("utf-8").splitlines()
    assert line.startswith(f"arnews: error: {option} {path}"), line
    assert message in line


@needs_ant
def test_show_parses_with_the_sites_profile(tmp_path: Path) -> None:
    site = SITES[0]
    pages = [p for p in build_crawl() if p.site == site.name]
    profiles = tmp_path / "profiles.json"
    save_profiles(
        {site.name: SiteProfile.learn([p.text for p in pages], site=site.name)},
        profiles,
        site_from=["dir"],
    )
    page = tmp_path / site.name / "page.txt"
    page.parent.mkdir()
    page.write_text(pages[0].text, "utf-8")
    plain = run("show", str(page)).stdout.decode("utf-8")
    done = run("show", str(page), "--profiles", str(profiles))
    assert done.returncode == 0, done.stderr
    profiled = done.stdout.decode("utf-8")
    assert f"parsed with the profile of {site.name}" in profiled.splitlines()[0]
    assert profiled.count("\nparagraph [") < plain.count("\nparagraph [")


# ---------------------------------------------------------------------------- example pages


def test_the_bundled_example_pages_are_the_repositorys() -> None:
    # One set of pages: the package's copies (arnews/examples) and the repository's
    # (examples/pages, which the tests and docs use) must not drift apart.
    bundled = {p.name: p.read_bytes() for p in examples_folder().glob("*.txt")}
    repo = {p.name: p.read_bytes() for p in (ROOT / "examples" / "pages").glob("*.txt")}
    assert bundled == repo
    assert set(arnews.example_pages()) == {name.removesuffix(".txt") for name in repo}


def test_arnews_examples_prints_the_folder_and_pages(tmp_path: Path) -> None:
    folder = run("examples").stdout.decode("utf-8").strip()
    assert Path(folder) == examples_folder()
    league = run("examples", "league").stdout.decode("utf-8").strip()
    assert Path(league) == examples_folder() / "league.txt"
    shown = run("show", league)
    assert shown.returncode == 0 and "league.txt: " in shown.stdout.decode("utf-8")
    done = run("examples", "nope")
    assert done.returncode == 2
    assert b"the pages are book-fair, league, weather" in done.stderr
