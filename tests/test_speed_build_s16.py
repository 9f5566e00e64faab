"""Session 16's fast paths of the builder and the paragraph detector answer as the general
ways do, on the shapes they cover."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from arnews import text as text_module
from arnews.lines import FAST_SCAN_CHARS, _columns, _scan_any
from arnews.text import _SENTENCE_GLUE, _clean_checked, whole_text_glue_points


def _one_scan(text: str) -> list[int]:
    return [m.end() for m in _SENTENCE_GLUE.finditer(text)]


def _long(body: str) -> str:
    """``body`` repeated past the length from which a text is searched the long way."""
    return body * (text_module.LONG_TEXT // max(len(body), 1) + 2)


def test_long_texts_glue_points_with_no_count_of_their_ends() -> None:
    # Few ends; many ends, none a candidate (each before a space or a line break); about
    # as many candidates as the limit (a 64th of the text), both sides of it; glued pages.
    for body in (
        "ب" * 200 + "العالقين.وذكر " + "ج" * 200,
        "قال الوزير. ثم أضاف.\n",
        "أب" * 30 + ".و",
        "أب" * 31 + ".و",
        "أب" * 32 + ".و",
        "العالقين.وذكر",
        "الماضية”.وأضاف!؟ثم",
        "3.5 د.محمد ...",
        "ب" * 100,
    ):
        text = _long(body)
        assert len(text) > text_module.LONG_TEXT
        assert whole_text_glue_points(text) == _one_scan(text), body[:20]


def test_glue_points_of_short_and_empty_texts() -> None:
    for text in ("", "أ", ".", "أ.ب", "العالقين.وذكر\n" * 3):
        assert whole_text_glue_points(text) == _one_scan(text)


def _reference(texts: list[str]) -> tuple[list[str], bool]:
    """The cleaning, and whether the texts were seen printable, as before the NBSP search:
    the joined text checked first, then with NBSP made spaces."""
    joined = " ".join(texts)
    if joined.isprintable():
        printable = True
    else:
        fixed = joined.replace("\xa0", " ")
        printable = (
            "\xa0" in joined
            and fixed.isprintable()
            and "  " not in fixed
            and fixed[:1] != " " != fixed[-1:]
        )
    return [" ".join(t.split()) for t in texts], printable


_TEXT = st.text(alphabet="أب ة.\xa0\t\u200fx", max_size=20).map(str.strip)


@given(st.lists(_TEXT, max_size=12))
def test_clean_checked_with_and_without_nbsp(texts: list[str]) -> None:
    assert _clean_checked(texts) == _reference(texts)


def test_clean_checked_shapes() -> None:
    long_line = "أب " * 5000 + "ج"
    for texts in (
        [],
        ["أ"],
        ["أ\xa0ب"],
        ["أ\xa0ب", "ج\u200fد"],
        ["أ\xa0\xa0ب", "ج"],
        [long_line, long_line + "\xa0د"],
        ["أ ب"] * 20,
        ["أ\xa0ب"] * 20,
        ["", "أ\xa0ب"],
    ):
        assert _clean_checked(texts) == _reference(texts), texts[:2]


def _general_scan(text: str) -> object:
    """The scanner's general way: the lines cut with their breaks kept."""
    raw = text.splitlines(True)
    return _columns(raw, map(len, raw), text)


_PAGE = st.text(alphabet="أبة .\n\r\x0b\x0c\x1c\x85\u2028\u2029\xa0\u200f\ufeffx", max_size=40)


@given(_PAGE)
def test_short_pages_cut_by_splitlines_as_the_general_way(text: str) -> None:
    assert _scan_any(text) == _general_scan(text)


def test_scan_shapes() -> None:
    long_line = "أب ة" * 4000
    for text in (
        "",
        "\n",
        "أعلن الخبر في عمان اليوم.",
        "أ\nب\n",
        "أ\u2028ب\u2029ج\x85د\x0bه\x0cو\x1cز",
        "أ\r\nب\rج\n\nد",
        "\ufeffأ\n\xa0\n  ب  \n\u200fج\u200f",
        long_line,
        long_line + "\n" + long_line + "\u2028",
        "سطر مكرر\n" * 500,
        "اقرأ أيضا: عنوان\n" * 50,
    ):
        assert len(text) < FAST_SCAN_CHARS
        assert _scan_any(text) == _general_scan(text), text[:20]
