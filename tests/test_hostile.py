"""Hostile inputs at 1 MB and 2 MB: each completes with a correct result and loses no text.

These tests never assert wall time (``benchmarks/bench_parse.py`` measures it, and
``tests/test_linear.py`` checks that the time grows linearly); they assert what the current
rules give, and that the parts cover every non-blank character. Every family is far under
the default ``max_chars``, so the default parser reads them all with its detectors.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from arnews import Parser, parse
from arnews.model import Article

from .strategies import check_parts, check_spans

PARSER = Parser()
MB = 1_000_000
SIZES = pytest.mark.parametrize("size", [MB, 2 * MB], ids=["1MB", "2MB"])


def repeat(unit: str, size: int) -> str:
    """``unit`` repeated to at least ``size`` characters."""
    return unit * (size // len(unit) + 1)


def count(unit: str, size: int) -> int:
    return size // len(unit) + 1


def _words(n: int) -> list[str]:
    # Distinct Arabic-looking tag words: a stem and an Arabic-Indic number.
    digits = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
    return [f"وسم{str(i).translate(digits)}" for i in range(n)]


def check_spaces(text: str, a: Article) -> None:
    assert a.paragraphs == () and a.parts == () and a.read_also == ()


def check_marker_without_colon(text: str, a: Article) -> None:
    # `المصدر` alone, with no colon, is not a source marker: every line is kept as text.
    assert a.source is None
    assert len(a.paragraphs) == text.count("\n") and set(a.paragraphs) == {"المصدر"}


def check_one_paragraph(text: str, a: Article) -> None:
    assert a.paragraphs == (" ".join(text.split()),)


def check_source_lines(text: str, a: Article) -> None:
    n = text.count("\n")
    assert a.source == "x"
    assert a.boilerplate == ("x",) * (n - 1)
    (warning,) = [w for w in a.warnings if w.code == "repeated_source"]
    assert warning.message.startswith(f"{n - 1} more source line")
    assert a.paragraphs == ()


def check_read_also_chain(text: str, a: Article) -> None:
    n = text.count("إقرأ")
    assert len(a.read_also) == n
    assert all(r.title == "عنوان" and r.paragraphs == ("نص.",) for r in a.read_also)
    assert a.paragraphs == ()


def check_tag_line(text: str, a: Article) -> None:
    words = text.split()[2:]
    assert a.paragraphs == ()
    assert set(" ".join(a.keywords).split()) == set(words)


def check_similar_list(text: str, a: Article) -> None:
    assert len(a.similar) == text.count("•") and set(a.similar) == {"عنوان"}
    assert a.paragraphs == ()


def check_bullet_lines(text: str, a: Article) -> None:
    # Bullets with no list heading are body lines: kept whole, bullet included.
    assert set(a.paragraphs) == {"• عنوان"} and len(a.paragraphs) == text.count("\n")


def check_glued(text: str, a: Article) -> None:
    assert set(a.paragraphs) == {"كلمة."} and len(a.paragraphs) == text.count(".")


def check_nothing_lost(text: str, a: Article) -> None:
    """The family has no specific expectation beyond coverage and spans."""


# Shapes that once cost lines x list items or tag lines x article (issue 12): each is a
# stretch of body and a stretch of the repeated lines that used to be compared with all of it.
SENTENCE = "وقال المتحدث إن الاجتماع انتهى.\n"
LISTED = "تقرير مفصل عن تطورات الملف رقم "


def _digits(i: int) -> str:
    return str(i).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


def similar_items(size: int) -> str:
    """A similar list of distinct headlines (each over 20 folded characters) of ``size``."""
    n = count(f"• {LISTED}{_digits(1000)}\n", size)
    return "مقالات مشابهة\n" + "".join(f"• {LISTED}{_digits(i)}\n" for i in range(n))


def short_lines_then_list(size: int) -> str:
    unit = SENTENCE + "سطر قصير بلا ترقيم\n"
    return repeat(unit, size // 2) + "وانتهى الخبر هنا.\n\n" + similar_items(size // 2)


def check_short_lines_then_list(text: str, a: Article) -> None:
    # Subheading-like lines with no evidence of being headlines stay in the body.
    n = text.count("سطر قصير")
    assert a.paragraphs == (SENTENCE.strip(), "سطر قصير بلا ترقيم") * n + ("وانتهى الخبر هنا.",)
    assert len(a.similar) == text.count("•") and len(set(a.similar)) == len(a.similar)
    assert a.related_headlines == ()


def list_then_widgets(size: int) -> str:
    # Each widget holds a headline of the similar list, run into another headline.
    unit = SENTENCE + f"أخبار ذات صلة {LISTED}{_digits(7)} عنوان خبر آخر\n"
    return "نص الخبر الأول.\n\n" + similar_items(size // 2) + "\n" + repeat(unit, size // 2)


def check_list_then_widgets(text: str, a: Article) -> None:
    n = text.count("أخبار ذات صلة")
    # The short sentence right after the list reads as one more item of it.
    assert a.paragraphs == ("نص الخبر الأول.",) + (SENTENCE.strip(),) * (n - 1)
    assert a.related_headlines == (f"{LISTED}{_digits(7)}", "عنوان خبر آخر") * n
    assert len(a.similar) == text.count("•") + 1 and a.similar[-1] == SENTENCE.strip()


def glued_then_list(size: int) -> str:
    unit = SENTENCE + "عنوان غزةعضو خبر\n"
    return repeat(unit, size // 2) + "وانتهى الخبر هنا.\n\n" + similar_items(size // 2)


def check_glued_then_list(text: str, a: Article) -> None:
    n = text.count("غزةعضو")
    assert a.paragraphs == (SENTENCE.strip(),) * n + ("وانتهى الخبر هنا.",)
    assert a.related_headlines == ("عنوان غزة", "عضو خبر") * n
    assert len(a.similar) == text.count("•")


def body_then_tag_lines(size: int) -> str:
    body = repeat("قال الرئيس إن الاتفاق قريب من التوقيع بعد جولة طويلة من المحادثات.\n", size // 2)
    n = count("كلمات دلالية: وسم١٢٣٤ وسم١٢٣٤ وسم١٢٣٤\n", size // 2)
    words = _words(3 * n)
    tags = "".join(f"كلمات دلالية: {' '.join(words[3 * i : 3 * i + 3])}\n" for i in range(n))
    return body + tags


def check_body_then_tag_lines(text: str, a: Article) -> None:
    assert set(a.paragraphs) == {text.split("\n", 1)[0]}
    assert a.keywords == tuple(_words(3 * text.count("كلمات دلالية")))
    # Thousands of tag lines: past the page's budget of tag work they are not weighed.
    assert [w.code for w in a.warnings] == ["tag_work_budget"]


def repeated_then_tags(size: int) -> str:
    body = repeat("قال الرئيس إن الاتفاق قريب.\n", size // 2)
    return body + repeat("كلمات دلالية: الرئيس الاتفاق قريب\n", size // 2)


def check_repeated_then_tags(text: str, a: Article) -> None:
    assert len(a.paragraphs) == text.count("قال الرئيس")
    assert a.keywords == ("الرئيس", "الاتفاق", "قريب")


FAMILIES: dict[str, tuple[Callable[[int], str], Callable[[str, Article], None]]] = {
    "spaces": (lambda n: " " * n, check_spaces),
    "newline_space": (lambda n: repeat("\n ", n), check_spaces),
    "nbsp_and_breaks": (lambda n: repeat("\xa0\r\n\u2028\t\x85", n), check_spaces),
    "zwnj_run": (lambda n: "\u200c" * n, check_spaces),
    "bidi_controls": (lambda n: repeat("\u200f\u202b\u202c\u2066\u2069\ufeff", n), check_spaces),
    "marker_without_colon_lines": (lambda n: repeat("المصدر\n", n), check_marker_without_colon),
    "marker_no_newlines": (lambda n: repeat("المصدر: ", n), check_one_paragraph),
    "read_also_no_newlines": (lambda n: repeat("إقرأ أيضاً: ", n), check_nothing_lost),
    "source_lines": (lambda n: repeat("المصدر: x\n", n), check_source_lines),
    "read_also_chain": (lambda n: repeat("إقرأ أيضاً:\nعنوان\nنص.\n", n), check_read_also_chain),
    "tag_line": (
        lambda n: "كلمات دلالية: " + " ".join(_words(count("وسم١٢٣٤ ", n))),
        check_tag_line,
    ),
    "tatweel_run": (lambda n: "ـ" * n, check_one_paragraph),
    "tatweel_in_words": (lambda n: repeat("كلمـــــــة ", n), check_one_paragraph),
    "zwnj_in_words": (lambda n: repeat("می\u200cخواهم ", n), check_one_paragraph),
    "colon_run": (lambda n: ":" * n, check_one_paragraph),
    "colon_lines": (lambda n: repeat(":\n", n), check_nothing_lost),
    # A run of bullets or dashes: once stripped a bullet at a time, and tried against the
    # furniture phrases' skips of punctuation, each of which backtracked over the run.
    "dash_run": (lambda n: "-" * n, check_one_paragraph),
    "bullet_run": (lambda n: "•" * n, check_one_paragraph),
    "dash_line_in_page": (lambda n: "خبر\n" + "-" * n + "\nنص.", check_nothing_lost),
    "bullet_lines": (lambda n: repeat("• عنوان\n", n), check_bullet_lines),
    "similar_list": (lambda n: "مقالات مشابهة\n" + repeat("• عنوان\n", n), check_similar_list),
    "giant_line": (lambda n: repeat("كلمة ", n), check_one_paragraph),
    "glued_sentences": (lambda n: repeat("كلمة.", n), check_glued),
    "dash_lines": (lambda n: repeat("سرايا - \n", n), check_nothing_lost),
    "diacritics_run": (lambda n: "ب" + "\u064b" * n, check_one_paragraph),
    "short_lines_then_list": (short_lines_then_list, check_short_lines_then_list),
    "list_then_widgets": (list_then_widgets, check_list_then_widgets),
    "glued_then_list": (glued_then_list, check_glued_then_list),
    "body_then_tag_lines": (body_then_tag_lines, check_body_then_tag_lines),
    "repeated_then_tags": (repeated_then_tags, check_repeated_then_tags),
}


@SIZES
@pytest.mark.parametrize("family", FAMILIES, ids=str)
def test_hostile_family(family: str, size: int) -> None:
    build, check = FAMILIES[family]
    text = build(size)
    article = PARSER.parse(text)
    assert "detector_error" not in [w.code for w in article.warnings]
    assert "regex_timeout" not in [w.code for w in article.warnings]
    check(text, article)
    check_parts(text, article)
    check_spans(text, article)


def test_read_also_chain_60000_deep() -> None:
    n = 60_000
    text = "إقرأ أيضاً:\nعنوان\nنص.\n" * n
    article = PARSER.parse(text)
    assert len(article.read_also) == n
    check_parts(text, article)


def test_default_parser_reads_a_deep_chain_the_same_way_every_time() -> None:
    # Once a 1.8 MB chain fell back to plain body on one run in six (a CPU-time budget):
    # the default parser now reads it whole, every time.
    n = 90_000
    text = "إقرأ أيضاً:\nعنوان\nنص.\n" * n
    first = parse(text)
    assert len(first.read_also) == n and first.warnings == ()
    assert parse(text) == first
    check_parts(text, first)


def test_eighty_thousand_source_lines() -> None:
    text = "المصدر: x\n" * 80_000
    article = PARSER.parse(text)
    check_source_lines(text, article)
    check_parts(text, article)


def test_tag_line_of_200000_words() -> None:
    text = "كلمات دلالية: " + " ".join(_words(200_000))
    article = PARSER.parse(text)
    check_tag_line(text, article)
    check_parts(text, article)


def test_regex_timeout_becomes_a_warning_not_a_detector_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from arnews import text as text_module

    monkeypatch.setattr(text_module, "LONG_TEXT", 100)
    monkeypatch.setattr(text_module, "REGEX_TIMEOUT", 1e-9)
    page = repeat("كلمة.كلمة ", 200_000)
    article = PARSER.parse(page)
    assert [w.code for w in article.warnings] == ["regex_timeout"]
    check_parts(page, article)


def test_custom_detector_timeout_is_reported_as_regex_timeout() -> None:
    def slow(state: object) -> None:
        raise TimeoutError("regex timed out")

    parser = Parser(detectors=Parser().detectors.push("slow", slow))
    article = parser.parse("نص الخبر.")
    assert [w.code for w in article.warnings] == ["regex_timeout"]
    assert article.paragraphs == ("نص الخبر.",)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # regexploit imports sre_parse
def test_every_package_regex_passes_the_redos_scan() -> None:
    pytest.importorskip("regexploit")
    import importlib.util
    from pathlib import Path

    path = Path(__file__).parent.parent / "benchmarks" / "scan_regexes.py"
    spec = importlib.util.spec_from_file_location("scan_regexes", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.scan() == 0


def test_parse_leaves_the_collector_on_in_threads() -> None:
    import gc
    import threading

    assert gc.isenabled()
    text = repeat("كلمة كلمة.\n", 300_000)
    threads = [threading.Thread(target=PARSER.parse, args=(text,)) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert gc.isenabled()


def test_parse_leaves_the_collector_off_when_the_caller_turned_it_off() -> None:
    import gc

    gc.disable()
    try:
        PARSER.parse(repeat("كلمة كلمة.\n", 300_000))
        assert not gc.isenabled()
    finally:
        gc.enable()
