"""Seeing a parse: the HTML page of ``render_html`` / ``arnews show --html`` and the terminal
colours of ``arnews show`` (issue 14, "See what the parser did")."""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import arnews
from arnews import Article, Diagnostic, Parts, render_html
from arnews.model import Part, replace_surrogates
from arnews.render import KINDS, kind_style, labelled_parts
from arnews.term import colour_wanted, paint, show_lines

from .conftest import FIXTURES
from .strategies import any_text, arabic_text, pages

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples" / "pages").glob("*.txt"))
REAL = sorted((FIXTURES / "real").glob("*.txt"))
SEEDS = sorted((FIXTURES / "spec").glob("*.txt"))
#: Elements and attributes that would load or run something.
ACTIVE_TAGS = {"script", "link", "img", "iframe", "object", "embed", "base", "form", "svg"}
ACTIVE_ATTRS = {"src", "href", "action", "srcset", "style"}


class Page(HTMLParser):
    """The parts of a rendered page: the text of its input and each marked part."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.depth_page: int | None = None
        self.text: list[str] = []
        #: (attributes, text) of each part element inside the input.
        self.parts: list[tuple[dict[str, str | None], list[str]]] = []
        self.in_part = False
        self.tags: set[str] = set()
        self.attrs: set[str] = set()
        self.meta: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attrs.update(name for name, _ in attrs)
        given = dict(attrs)
        if tag == "meta":
            self.meta.append(given)
            return  # a void element
        self.stack.append(tag)
        if self.depth_page is None and "page" in (given.get("class") or "").split():
            self.depth_page = len(self.stack)
            self.page_attrs = given
        elif self.depth_page is not None and self.depth_page > 0:
            assert tag == "span", f"only part elements inside the input, not <{tag}>"
            assert not self.in_part, "parts do not nest"
            self.in_part = True
            self.parts.append((given, []))

    def handle_endtag(self, tag: str) -> None:
        if tag == "meta":
            return
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1:]}>"
        if self.depth_page is not None:
            if len(self.stack) == self.depth_page:
                self.depth_page = -1  # done: never entered again
            elif self.in_part:
                self.in_part = False
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.depth_page is not None and self.depth_page > 0:
            self.text.append(data)
            if self.in_part:
                self.parts[-1][1].append(data)


def read_page(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    assert parser.stack == [], "every element is closed"
    return parser


def check_page(text: str, article: Article) -> Page:
    """Every character of the input is in the page, and every part is marked with its kind,
    its name, its article and its span."""
    page = render_html(text, article)
    page.encode("utf-8")  # writable as UTF-8, whatever the input held
    seen = read_page(page)
    shown = replace_surrogates(text)
    assert "".join(seen.text) == shown
    parts = labelled_parts(article)
    assert len(seen.parts) == len(parts)
    for part, (attrs, body) in zip(parts, seen.parts, strict=True):
        assert attrs["data-kind"] == part.kind
        assert attrs.get("data-name") == part.name
        assert attrs.get("data-article", "") == part.article
        assert (attrs["data-start"], attrs["data-end"]) == (str(part.start), str(part.end))
        assert "".join(body) == shown[part.start : part.end]
    # Nothing that loads or runs anything, whatever the input held.
    assert not seen.tags & ACTIVE_TAGS
    assert not seen.attrs & ACTIVE_ATTRS
    return seen


# ------------------------------------------------------------------------------ the HTML page


@pytest.mark.parametrize("path", [*EXAMPLES, *REAL, *SEEDS], ids=lambda p: p.name)
def test_every_character_and_part_is_on_the_page(path: Path) -> None:
    text = path.read_text("utf-8")
    check_page(text, arnews.parse(text))


@given(st.one_of(pages().map(lambda page: page.text), any_text, arabic_text))
def test_every_character_and_part_is_on_the_page_of_any_input(text: str) -> None:
    check_page(text, arnews.parse(text))


def test_read_also_articles_parts_are_marked() -> None:
    text = (ROOT / "examples" / "pages" / "league.txt").read_text("utf-8")
    article = arnews.parse(text)
    assert article.read_also
    seen = check_page(text, article)
    kinds = {(a["data-article"], a["data-kind"]) for a, _ in seen.parts if "data-article" in a}
    assert ("read_also[0]", "title") in kinds
    assert any(a.get("data-name") == "read_also" for a, _ in seen.parts)


def test_page_is_self_contained_right_to_left_and_escaped() -> None:
    text = (
        '<script>alert("x")</script>\n\n'
        "أعلن <b>البيت</b> الأبيض & الخبر \"'.\n\n"
        "</div></span><img src=x onerror=alert(1)>\n\n"
        "المصدر: سرايا"
    )
    article = arnews.parse(text)
    page = render_html(text, article, name="<b>name</b>.txt")
    check_page(text, article)
    assert "<script" not in page.lower()
    assert "<img" not in page
    assert "&lt;b&gt;name&lt;/b&gt;.txt" in page
    assert page.startswith('<!DOCTYPE html>\n<html lang="ar" dir="rtl">')
    seen = read_page(page)
    assert seen.page_attrs["dir"] == "rtl"
    csp = [m["content"] for m in seen.meta if m.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in (csp[0] or "")
    assert "Noto Naskh Arabic" in page and "Tahoma" in page
    assert "http://" not in page and "https://" not in page and "@import" not in page


def test_page_has_legend_warnings_and_record() -> None:
    text = "نص الخبر.\n\nالمصدر: سرايا"
    article = arnews.parse(text)
    warned = Article(
        paragraphs=article.paragraphs,
        source=article.source,
        spans=article.spans,
        parts=article.parts,
        warnings=(Diagnostic("odd_thing", "a <test> warning", 0, 3),),
    )
    page = render_html(text, warned)
    assert '<span class="swatch" data-kind="paragraph">' in page
    assert '<span class="swatch" data-kind="source">' in page
    assert "<code>odd_thing</code> [0:3]" in page and "a &lt;test&gt; warning" in page
    record = page.split('<pre class="record">', 1)[1].split("</pre>", 1)[0]
    import html

    assert json.loads(html.unescape(record)) == json.loads(warned.to_json())
    assert "None." in render_html(text, article)  # no warnings: said so


def test_every_kind_has_one_colour_and_unknown_kinds_fall_back() -> None:
    text = "بقلم: فلان\nنص الخبر.\nسطر جديد"
    article = Article(
        parts=Parts([Part("byline", 0, 10), Part("paragraph", 11, 20), Part("zz_new-kind", 21, 29)])
    )
    page = render_html(text, article)
    check_page(text, article)
    assert f'[data-kind="byline"] {{ background: {KINDS["byline"].background};' in page
    fallback = kind_style("zz_new-kind")
    assert not fallback.known and fallback.background.startswith("hsl(")
    assert f'[data-kind="zz_new-kind"] {{ background: {fallback.background};' in page
    assert "(no colour of its own)" in page
    # A kind that cannot go into a selector still renders, with the generic style.
    odd = Article(parts=Parts([Part('x"] {}', 0, 10)]))
    check_page(text, odd)
    assert len({style.background for style in KINDS.values()}) == len(KINDS)


def test_parts_the_parser_makes_all_have_a_colour() -> None:
    kinds: set[str] = set()
    for path in [*EXAMPLES, *REAL, *SEEDS]:
        kinds.update(p.kind for p in labelled_parts(arnews.parse(path.read_text("utf-8"))))
    assert kinds <= set(KINDS), kinds - set(KINDS)


def test_lone_surrogates_are_shown_as_replacement_characters() -> None:
    text = "نص" + chr(0xD800) + " الخبر."
    page = render_html(text, arnews.parse(text))
    assert "\ufffd" in page
    check_page(text, arnews.parse(text))


# ---------------------------------------------------------------------------- terminal colours


def test_colour_wanted() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert colour_wanted("auto", Tty(), {})
    assert not colour_wanted("auto", Tty(), {"NO_COLOR": "1"})
    assert colour_wanted("auto", Tty(), {"NO_COLOR": ""})  # set but empty: no effect
    assert not colour_wanted("auto", Tty(), {"TERM": "dumb"})
    assert not colour_wanted("auto", io.StringIO(), {})
    assert colour_wanted("always", io.StringIO(), {"NO_COLOR": "1"})
    assert not colour_wanted("never", Tty(), {})


def test_show_lines_colour_each_kind() -> None:
    text = (ROOT / "examples" / "pages" / "league.txt").read_text("utf-8")
    article = arnews.parse(text)
    plain = list(show_lines(text, article))
    coloured = list(show_lines(text, article, colour=True))
    assert not any("\x1b" in line for line in plain)
    assert coloured[0].startswith("kinds: ")
    for part in labelled_parts(article):
        assert f"{paint(part.label, part.kind)} [{part.start}:{part.end}]" in "\n".join(coloured)
    assert paint("x", "source") == f"\x1b[{KINDS['source'].ansi}mx\x1b[0m"


# ---------------------------------------------------------------------------------- the command


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    done = subprocess.run(
        [sys.executable, "-m", "arnews", *args],
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        check=False,
        env=None if env is None else {**os.environ, **env},
    )
    assert b"Traceback" not in done.stderr, done.stderr.decode()
    return done


def test_show_html_writes_the_page(tmp_path: Path) -> None:
    source = REAL[0]
    out = tmp_path / "page.html"
    done = run("show", "--html", str(source.relative_to(ROOT)), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout == b""
    text = source.read_text("utf-8")
    page = out.read_text("utf-8")
    assert page == render_html(text, arnews.parse(text), name=str(source.relative_to(ROOT)))
    check_page(text, arnews.parse(text))
    # To standard output without -o.
    assert run("show", "--html", str(source.relative_to(ROOT))).stdout.decode("utf-8") == page


def test_show_html_of_a_json_lines_record(tmp_path: Path) -> None:
    texts = [p.read_text("utf-8") for p in EXAMPLES[:3]]
    dump = tmp_path / "dump.jsonl"
    dump.write_text(
        "".join(
            json.dumps({"url": f"https://example.org/{i}", "content": t}, ensure_ascii=False) + "\n"
            for i, t in enumerate(texts)
        ),
        "utf-8",
    )
    out = tmp_path / "page.html"
    by_line = run("show", f"{dump}:2", "--html", "--text-field", "content", "-o", str(out))
    assert by_line.returncode == 0, by_line.stderr
    page = out.read_text("utf-8")
    assert page == render_html(texts[1], arnews.parse(texts[1]), name=f"{dump}:2")
    by_id = run(
        "show",
        str(dump),
        "--input-format",
        "jsonl",
        "--id",
        "https://example.org/2",
        "--id-field",
        "url",
        "--text-field",
        "content",
        "--html",
    )
    assert by_id.returncode == 0, by_id.stderr
    expected = render_html(texts[2], arnews.parse(texts[2]), name="https://example.org/2")
    assert by_id.stdout.decode("utf-8") == expected
    # The asking goes wrong: no such line, no such id, no record picked.
    missing = run("show", f"{dump}:9", "--text-field", "content")
    assert missing.returncode == 1
    assert b"no record at line 9" in missing.stderr
    assert run("show", str(dump), "--id", "nope", "--text-field", "content").returncode == 1
    several = run("show", str(dump), "--text-field", "content")
    assert several.returncode == 2
    assert b"more than one record" in several.stderr


def test_show_colours_with_color_always_and_not_in_a_pipe() -> None:
    page = str(EXAMPLES[0])
    coloured = run("show", page, "--color", "always", env={"NO_COLOR": "1"})
    assert coloured.returncode == 0
    assert f"\x1b[{KINDS['paragraph'].ansi}mparagraph\x1b[0m [".encode() in coloured.stdout
    plain = run("show", page)
    assert b"\x1b[" not in plain.stdout
    assert b"\x1b[" not in run("show", page, "--color", "never").stdout
    text = EXAMPLES[0].read_text("utf-8")
    stripped = coloured.stdout.decode("utf-8")
    for style in {s.ansi for s in KINDS.values()}:
        stripped = stripped.replace(f"\x1b[{style}m", "")
    stripped = stripped.replace("\x1b[0m", "")
    lines = stripped.splitlines()
    assert lines[0] == plain.stdout.decode("utf-8").splitlines()[0]
    assert lines[2].startswith("kinds: ")
    assert lines[4:] == plain.stdout.decode("utf-8").splitlines()[2:]
    assert len(text) > 0


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize(("env", "wanted"), [({}, True), ({"NO_COLOR": "1"}, False)])
def test_show_colours_a_terminal_unless_no_color(env: dict[str, str], wanted: bool) -> None:
    leader, follower = pty.openpty()
    environ = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    environ.update({"TERM": "xterm", **env})
    child = subprocess.Popen(
        [sys.executable, "-m", "arnews", "show", str(EXAMPLES[0])],
        stdout=follower,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
        env=environ,
    )
    os.close(follower)  # the child holds it: reading ends when the child closes it
    out = b""
    try:
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the terminal's other end is closed, all is read
                break
            if not chunk:
                break
            out += chunk
    finally:
        os.close(leader)
        status = child.wait(timeout=120)
    assert status == 0
    assert (b"\x1b[" in out) is wanted


def test_show_refuses_what_it_cannot_do(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(EXAMPLES[0].read_text("utf-8"), "utf-8")
    same = run("show", "--html", str(page), "-o", str(page))
    assert same.returncode == 2
    assert b"it would be overwritten" in same.stderr
    assert page.read_text("utf-8") == EXAMPLES[0].read_text("utf-8")
    dump = tmp_path / "d.jsonl"
    dump.write_text('{"id": 7, "text": "نص الخبر."}\n', "utf-8")
    both = run("show", f"{dump}:1", "--id", "7")
    assert both.returncode == 2 and b"not both" in both.stderr
    as_text = run("show", f"{dump}:1", "--input-format", "text")
    assert as_text.returncode == 2
    folder = run("show", "--html", str(tmp_path))
    assert folder.returncode == 1 and b"is a folder" in folder.stderr
    # A numeric id is given as its text; a dump of one record needs no line or id.
    assert run("show", str(dump), "--id", "7").returncode == 0
    only = run("show", str(dump), "--html")
    assert only.returncode == 0
    assert only.stdout.decode("utf-8") == render_html(
        "نص الخبر.", arnews.parse("نص الخبر."), name="7"
    )
