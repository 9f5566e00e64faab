"""The column-oriented internals: the line scanner, bulk cleaning, raw-text marker tries,
column-stored parts and the lazy line view, each checked against a plain reference."""

from __future__ import annotations

import pickle
import re

from hypothesis import given
from hypothesis import strategies as st

from arnews import Lexicon, Parser, parse
from arnews import lines as lines_module
from arnews.lines import BLANKS, Columns, blank_before, scan, scan_columns, scan_heads
from arnews.model import Article, Part, Parts
from arnews.normalize import fold_chars
from arnews.state import PageState
from arnews.tags import MAX_SEGMENT_TOKENS
from arnews.text import clean, clean_many

from .strategies import any_text, arabic_text

_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_CONTENT = re.compile(f"[^{re.escape(BLANKS)}](?:[^{re.escape(_BREAKS)}]*[^{re.escape(BLANKS)}])?")


def _reference_lines(text: str) -> list[tuple[int, int, str, bool]]:
    """The scanner's contract written the slow, obvious way: one regex, gaps counted."""
    out = []
    prev = -1
    for m in _CONTENT.finditer(text):
        s, e = m.span()
        if prev < 0:
            blank = True
        else:
            pieces = text[prev:s].splitlines(keepends=True)
            blank = len(pieces) - (pieces[-1][-1] not in _BREAKS) >= 2
        out.append((s, e, text[s:e], blank))
        prev = e
    return out


_LINE_TEXT = st.text(alphabet="اب :.\n\r\t\xa0\u2028\x85\x1c\x1f\u200c\ufeff\u064b", max_size=40)


@given(st.one_of(_LINE_TEXT, any_text, arabic_text))
def test_scan_columns_matches_the_reference(text: str) -> None:
    cols = scan_columns(text)
    got = [
        (s, e, t, blank_before(text, cols, i))
        for i, (s, e, t) in enumerate(zip(cols.starts, cols.ends, cols.texts, strict=True))
    ]
    assert got == _reference_lines(text)
    assert [(ln.start, ln.end, ln.text, ln.blank_before) for ln in scan(text)] == got
    # The parser's scan also hands over each line's first character (PageState.firsts).
    assert scan_heads(text) == (cols, [text[s] for s in cols.starts])


# Lines broken by a lone "\n" only: the scanner's fast path, and its way out to the general
# one when an invisible character (not white space) stands at a line's end.
_NL_TEXT = st.text(alphabet="اب :.\n\n\t\xa0\u3000\u200c\u200f\ufeff\xad\u064b", max_size=40)


@given(_NL_TEXT)
def test_scan_of_lines_broken_by_newlines_matches_the_reference(text: str) -> None:
    # The short-line path serves long pages only: here it serves every page.
    chars, line = lines_module.FAST_SCAN_CHARS, lines_module.FAST_SCAN_LINE
    lines_module.FAST_SCAN_CHARS, lines_module.FAST_SCAN_LINE = 0, 1 << 30
    try:
        cols, heads = scan_heads(text)
    finally:
        lines_module.FAST_SCAN_CHARS, lines_module.FAST_SCAN_LINE = chars, line
    assert list(zip(cols.starts, cols.ends, cols.texts, strict=True)) == [
        (s, e, t) for s, e, t, _ in _reference_lines(text)
    ]
    assert heads == [text[s] for s in cols.starts]
    assert type(cols) is Columns


@given(_NL_TEXT)
def test_a_page_broken_by_newlines_alone_is_split_at_them_as_splitlines_would(text: str) -> None:
    # Such a page (nearly every page) is cut with split("\n"), not str.splitlines.
    cols, heads = scan_heads(text)
    assert list(zip(cols.starts, cols.ends, cols.texts, strict=True)) == [
        (s, e, t) for s, e, t, _ in _reference_lines(text)
    ]
    assert heads == [text[s] for s in cols.starts]


@given(
    st.lists(st.text(alphabet="اب \t\xa0\u2003\u200c\x1fc", min_size=1, max_size=12), max_size=12)
)
def test_clean_many_is_clean_of_each(items: list[str]) -> None:
    # The parser's pieces: one line each, trimmed of blanks at both ends.
    texts = [t.strip(BLANKS) or "ب" for t in items]
    assert clean_many(texts) == [clean(t) for t in texts]
    assert clean_many(texts * 5) == [clean(t) for t in texts * 5]  # the bulk path too


def test_markers_are_found_in_raw_text_as_if_folded() -> None:
    lex = Lexicon.default()
    spellings = {
        "إِقْرَأْ أَيْضاً: نص": "read_also",  # full vowelling
        "اقـــرأ أيضا": "read_also",  # tatweel
        "اقرأ\xa0\xa0أيضا :": "read_also",  # NBSPs
        "المصدر\u200f: سكاي": "source",  # a bidi mark before the colon
        "الكلمات الدلاليّة": "keywords",
        "SOURCE: CNN": "source",
        "• مقالات ذات صلة": "headlines",
    }
    for line, kind in spellings.items():
        m = lex.match_marker(line)
        assert m is not None and m.kind == kind, line
        # The same line, folded first, gives the same kind (the old way of matching).
        folded = lex.match_marker(fold_chars(line))
        assert folded is not None and folded.kind == kind
    # (`قد يهمك أيضا: عنوان` is a read-also link: a separator and a headline follow.)
    for line in ("المصدرية في الخبر", "وقال المصدر: إن", "قد يهمك أيضا أن تعرف"):
        assert lex.match_marker(line) is None, line


def test_marker_end_is_an_offset_in_the_raw_line() -> None:
    line = "إِقْرَأْ أَيْضاً: نص"
    m = Lexicon.default().match_marker(line)
    assert m is not None and line[m.end :] == "نص"


def test_parts_behave_as_a_sequence_of_part() -> None:
    items = [Part("marker", 0, 7, "source"), Part("source", 8, 12), Part("paragraph", 13, 20)]
    parts = Parts(items)
    assert len(parts) == 3 and list(parts) == items and parts[-1] == items[-1]
    assert parts == items and parts == tuple(items) and parts != items[:2]
    assert parts[1:] == Parts(items[1:]) and isinstance(parts[1:], Parts)
    assert hash(parts) == hash(Parts(items))
    assert pickle.loads(pickle.dumps(parts)) == parts
    assert Parts() == () and not Parts()
    assert parts.to_list() == [p.to_dict() for p in items]


def test_article_parts_are_parts_and_round_trip() -> None:
    a = parse("نص الخبر.\n\nالمصدر: سرايا")
    assert isinstance(a.parts, Parts)
    assert [p.kind for p in a.parts] == ["paragraph", "marker", "source"]
    assert Article.from_dict(a.to_dict()) == a
    assert Article(parts=list(a.parts)).parts == a.parts


def test_line_view_gives_line_records() -> None:
    text = "أ\n\nب\r\nج"
    state = PageState.of(text)
    lines = state.lines
    assert len(lines) == 3 and [ln.text for ln in lines] == ["أ", "ب", "ج"]
    assert [ln.blank_before for ln in lines] == [True, True, False]
    assert lines[-1].start == 6 and lines[0:2][1].text == "ب"
    assert lines[1].folded == "ب"


def test_a_runaway_tag_line_is_split_at_every_word_with_a_warning() -> None:
    words = [f"وسم{i}" for i in range(MAX_SEGMENT_TOKENS + 1)]
    text = "نص الخبر.\nكلمات دلالية: " + " ".join(words)
    a = Parser(time_budget=None).parse(text)
    assert list(a.keywords) == words
    assert [w.code for w in a.warnings] == ["long_tag_line"]


def test_sentences_glued_in_bulk_feed_the_tag_evidence() -> None:
    # The tag phrase occurs only in a paragraph cut from a glued line.
    text = "خبر أول.وقال إن الأمن الغذائي مهم.\nكلمات دلالية: الأمن الغذائي غزة"
    a = parse(text)
    assert a.paragraphs == ("خبر أول.", "وقال إن الأمن الغذائي مهم.")
    assert "الأمن الغذائي" in a.keywords


def test_a_parse_makes_no_reference_cycles() -> None:
    # Batch users may pause the garbage collector around a loop of parses (the benchmark
    # docs suggest it): nothing a parse makes may then be left for the collector.
    import gc

    from .conftest import FIXTURES

    pages = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("spec/*.txt"))]
    # Once first, so that the patterns compiled on first use (whose compiling leaves garbage
    # of its own) are compiled whichever tests ran before this one.
    for page in pages:
        Parser(time_budget=None).parse(page).to_json()
    gc.collect()
    gc.disable()
    try:
        for page in pages:
            Parser(time_budget=None).parse(page).to_json()
        found = gc.collect()
    finally:
        gc.enable()
    assert found == 0


def test_pieces_are_plain_tuples_the_collector_can_stop_tracking() -> None:
    # A tuple subclass (a named tuple) stays tracked for good, and a page of a quarter of a
    # million pieces then pays for each in every full collection.
    import gc

    from .conftest import FIXTURES

    page = (FIXTURES / "spec" / "001.txt").read_text(encoding="utf-8")
    parser = Parser(time_budget=None)
    state = PageState(page, scan_columns(page), parser.lexicon, parser.gazetteer, None)
    for _, detector in parser.detectors:
        detector(state)
    assert state.pieces and all(type(p) is tuple and len(p) == 7 for p in state.pieces)
    gc.collect()
    plain = [p for p in state.pieces if not isinstance(p[-1], (dict, list, tuple))]
    assert plain and not any(map(gc.is_tracked, plain))


def test_claim_returns_the_trimmed_span() -> None:
    state = PageState.of("  نص  \n")
    assert state.claim(0, "paragraph", 0, 6) == (2, 4)
    assert state.claim(0, "paragraph", 0, 2) is None
    assert state.pieces == [(0, "paragraph", 2, 4, None, None, None)]
