"""The documentation's code runs.

Three checks:

* every ```` ```python ```` block of ``docs/**/*.md`` and ``README.md`` runs: the blocks of one
  file in order, in one namespace, from the repository root. A block written as a doctest
  (its first line starts with ``>>>``) is run as one. A block preceded by the HTML comment
  ``<!-- no-test -->`` is skipped (for code that needs a cluster, a network or a service);
* every docstring example of the package passes ``doctest`` (ELLIPSIS and
  NORMALIZE_WHITESPACE). Known failures are listed in :data:`KNOWN_DOCTEST_FAILURES`, each
  with the reason; they are reported as xfail (XPASS once fixed: then drop the entry);
* the home page's before/after view shows the real output of ``arnews.parse`` on
  ``examples/pages/book-fair.txt``, and the API reference covers every public name.
"""

from __future__ import annotations

import doctest
import importlib
import io
import pkgutil
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import arnews

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
DOCTEST_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE

#: Docstring examples known to fail, by doctest name, with what is wrong. Reported to the
#: owners of the modules; remove an entry once its example passes.
KNOWN_DOCTEST_FAILURES: dict[str, str] = {}


# -- Markdown code blocks -----------------------------------------------------------------

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n]*)$")
_NO_TEST = "<!-- no-test -->"


@dataclass
class Block:
    """One fenced code block of a Markdown file."""

    path: Path
    line: int  # 1-based line of the opening fence
    lang: str
    code: str
    skip: bool


def code_blocks(path: Path) -> list[Block]:
    """Return the fenced code blocks of ``path``, in order."""
    lines = path.read_text(encoding="utf-8").splitlines()
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        m = _FENCE.match(lines[i])
        if m is None:
            i += 1
            continue
        indent, fence, info = m["indent"], m["fence"], m["info"].strip()
        # `python`, `python title="x"`, `{ .python }`: the first word names the language.
        lang = info.lstrip("{ .").split(" ")[0].split("{")[0].strip().lower() if info else ""
        previous = next((ln.strip() for ln in reversed(lines[:i]) if ln.strip()), "")
        body: list[str] = []
        j = i + 1
        closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        while j < len(lines) and not closing.match(lines[j]):
            line = lines[j]
            body.append(line[len(indent) :] if line.startswith(indent) else line.lstrip())
            j += 1
        blocks.append(
            Block(path, i + 1, lang, textwrap.dedent("\n".join(body)) + "\n", previous == _NO_TEST)
        )
        i = j + 1
    return blocks


def _doc_files() -> list[Path]:
    files = sorted(DOCS.rglob("*.md"))
    readme = ROOT / "README.md"
    if readme.exists():
        files.append(readme)
    return files


DOC_FILES = [p for p in _doc_files() if any(b.lang == "python" for b in code_blocks(p))]


def _run_doctest_block(block: Block, namespace: dict[str, Any]) -> None:
    name = f"{block.path.relative_to(ROOT)}:{block.line}"
    test = doctest.DocTestParser().get_doctest(
        block.code, namespace, name, str(block.path), block.line
    )
    runner = doctest.DocTestRunner(optionflags=DOCTEST_FLAGS)
    out = io.StringIO()
    runner.run(test, out=out.write, clear_globs=False)
    namespace.update(test.globs)  # DocTest copies its globals: carry them to the next block
    assert runner.failures == 0, f"doctest block at {name} failed:\n{out.getvalue()}"


def test_docs_have_code() -> None:
    assert DOC_FILES, "no Python blocks found under docs/: is the extraction broken?"


@pytest.mark.parametrize("path", DOC_FILES, ids=[str(p.relative_to(ROOT)) for p in DOC_FILES])
def test_markdown_python_blocks(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    namespace: dict[str, Any] = {"__name__": f"docs:{path.relative_to(ROOT)}"}
    for block in code_blocks(path):
        if block.lang != "python" or block.skip:
            continue
        first = next((ln.strip() for ln in block.code.splitlines() if ln.strip()), "")
        if first.startswith(">>>"):
            _run_doctest_block(block, namespace)
            continue
        where = f"{path.relative_to(ROOT)}:{block.line}"
        try:
            exec(compile(block.code, where, "exec"), namespace)
        except Exception as exc:
            raise AssertionError(
                f"the python block at {where} failed: {type(exc).__name__}: {exc}\n"
                f"{textwrap.indent(block.code, '    ')}"
            ) from exc


_CLI_OUTPUT = "<!-- cli-output: "


def _cli_blocks() -> list[Any]:
    params = []
    for path in _doc_files():
        lines = path.read_text(encoding="utf-8").splitlines()
        for block in code_blocks(path):
            previous = next(
                (ln.strip() for ln in reversed(lines[: block.line - 1]) if ln.strip()), ""
            )
            if previous.startswith(_CLI_OUTPUT) and previous.endswith("-->"):
                args = previous[len(_CLI_OUTPUT) : -3].split()
                where = f"{path.relative_to(ROOT)}:{block.line}"
                params.append(pytest.param(args, block.code, id=where))
    return params


@pytest.mark.parametrize(("args", "shown"), _cli_blocks())
def test_shown_cli_output_is_real(args: list[str], shown: str) -> None:
    """A text block after ``<!-- cli-output: ARGS -->`` shows lines that ``arnews ARGS`` prints.

    The shown lines must appear in the real output in the same order; a shown line that ends
    with ``…`` stands for any line that starts with the text before it.
    """
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "arnews", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    real = [ln.rstrip() for ln in done.stdout.splitlines()]
    pos = 0
    for want in (ln.rstrip() for ln in shown.splitlines()):
        if not want:
            continue
        while pos < len(real) and not (
            real[pos] == want or (want.endswith("…") and real[pos].startswith(want[:-1]))
        ):
            pos += 1
        assert pos < len(real), (
            f"'arnews {' '.join(args)}' no longer prints {want!r} (in order); it prints:\n"
            + done.stdout
        )
        pos += 1


def test_block_extraction() -> None:
    sample = ROOT / "docs" / "index.md"
    blocks = code_blocks(sample)
    assert any(b.lang == "python" for b in blocks)
    assert any(b.lang == "text" for b in blocks)


# -- Docstring examples ---------------------------------------------------------------------


def _module_names() -> list[str]:
    names = ["arnews"]
    names += [m.name for m in pkgutil.walk_packages(arnews.__path__, "arnews.")]
    return sorted(set(names))


def _doctests() -> list[Any]:
    """One pytest param per docstring with examples (or per module that fails to import)."""
    finder = doctest.DocTestFinder(exclude_empty=True)
    params: list[Any] = []
    for name in _module_names():
        try:
            module = importlib.import_module(name)
        except Exception as exc:  # reported by the test, not at collection
            params.append(pytest.param(name, None, f"{type(exc).__name__}: {exc}", id=name))
            continue
        for test in finder.find(module):
            if not test.examples:
                continue
            marks = []
            if test.name in KNOWN_DOCTEST_FAILURES:
                marks.append(
                    pytest.mark.xfail(reason=KNOWN_DOCTEST_FAILURES[test.name], strict=False)
                )
            params.append(pytest.param(test.name, test, None, id=test.name, marks=marks))
    return params


@pytest.mark.parametrize(("name", "test", "import_error"), _doctests())
def test_docstring_examples(
    name: str, test: doctest.DocTest | None, import_error: str | None
) -> None:
    assert import_error is None, f"cannot import {name}: {import_error}"
    assert test is not None
    runner = doctest.DocTestRunner(optionflags=DOCTEST_FLAGS)
    out = io.StringIO()
    runner.run(test, out=out.write)
    assert runner.failures == 0, f"docstring examples of {name} failed:\n{out.getvalue()}"


def test_known_failures_are_real_names() -> None:
    finder = doctest.DocTestFinder(exclude_empty=True)
    names = {
        test.name
        for module in _module_names()
        for test in finder.find(importlib.import_module(module))
    }
    stale = sorted(set(KNOWN_DOCTEST_FAILURES) - names)
    assert not stale, f"KNOWN_DOCTEST_FAILURES lists docstrings that no longer exist: {stale}"


# -- The home page and the reference ----------------------------------------------------------

_CONTRACT_ORDER = (
    "title",
    "dateline",
    "updated",
    "published",
    "paragraphs",
    "related_headlines",
    "source",
    "keywords",
    "similar",
    "boilerplate",
    "read_also",
)


def contract_rows(data: dict[str, Any], prefix: str = "") -> list[tuple[str, str]]:
    """The rows the home page's "after" table shows for ``article.to_dict()``."""
    rows: list[tuple[str, str]] = []
    for key in _CONTRACT_ORDER:
        value = data.get(key)
        if value is None or value == []:
            continue
        if key == "dateline":
            rows += [
                (f"{prefix}dateline.{sub}", value[sub])
                for sub in ("place", "agency")
                if value.get(sub) is not None
            ]
        elif key == "read_also":
            for n, article in enumerate(value):
                rows += contract_rows(article, f"{prefix}read_also[{n}].")
        elif key in ("keywords", "boilerplate"):
            rows.append((prefix + key, " · ".join(value)))
        elif isinstance(value, list):
            rows += [(f"{prefix}{key}[{n}]", item) for n, item in enumerate(value)]
        else:
            rows.append((prefix + key, str(value)))
    return rows


_ROW = re.compile(r"^\| `(?P<field>[^`]+)` \| (?P<value>.*) \|$")


def test_home_page_shows_the_real_output() -> None:
    page = (DOCS / "index.md").read_text(encoding="utf-8")
    raw = (ROOT / "examples" / "pages" / "book-fair.txt").read_text(encoding="utf-8")

    before = next(b for b in code_blocks(DOCS / "index.md") if b.lang == "text")
    assert before.code.strip("\n") == raw.strip("\n"), "the 'before' side is not the page"

    after = page.split("<!-- after: start -->", 1)[1].split("<!-- after: end -->", 1)[0]
    shown = [(m["field"], m["value"]) for m in map(_ROW.match, after.splitlines()) if m]
    expected = contract_rows(arnews.parse(raw).to_dict(spans=False))
    table = "\n".join(f"| `{field}` | {value} |" for field, value in expected)
    assert shown == expected, (
        "docs/index.md no longer shows what arnews.parse returns; the rows should be:\n" + table
    )


def test_reference_covers_public_names() -> None:
    reference = "\n".join(
        p.read_text(encoding="utf-8")
        for p in [DOCS / "reference.md", *DOCS.glob("reference/*.md")]
        if p.exists()
    )
    documented = set(re.findall(r"^::: ([\w.]+)", reference, flags=re.MULTILINE))
    short = {name.rsplit(".", 1)[-1] for name in documented}
    missing = sorted(n for n in arnews.__all__ if n != "__version__" and n not in short)
    assert not missing, f"docs/reference.md has no '::: arnews.NAME' entry for {missing}"
