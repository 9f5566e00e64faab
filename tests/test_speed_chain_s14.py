"""The fast paths of session 14's chain work give the general paths' answers (issue 15)."""

from __future__ import annotations

from itertools import accumulate, compress, pairwise, repeat
from operator import eq

import pytest

from arnews import parse
from arnews.build_columns import _rows_of, _texts_of
from arnews.build_fields import _fields
from arnews.build_one import _article
from arnews.detectors.paragraphs import detect_paragraphs
from arnews.detectors.regions import _owners
from arnews.lines import FAST_SCAN_CHARS, _scan_any, scan_heads
from arnews.state import PageState

CHAIN = "إقرأ أيضاً:\nعنوان\nنص.\n"


def _general_rows(kinds: list[str], kind: str) -> list[int]:
    return list(compress(range(len(kinds)), map(eq, kinds, repeat(kind))))


@pytest.mark.parametrize(
    "kinds",
    [
        [],
        ["title"],
        ["marker", "title"] * 50,
        ["title"] * 100,
        ["marker"] * 100,
        # Equal texts that are other objects than the code's literals.
        ["marker", "".join(["ti", "tle"])] * 50,
        ["".join(["ti", "tle"]), "title", "marker"] * 30,
    ],
)
@pytest.mark.parametrize("kind", ["title", "source", "marker"])
def test_rows_of_is_the_comparison_of_every_row(kinds: list[str], kind: str) -> None:
    assert _rows_of(kinds, kind) == _general_rows(kinds, kind)


@pytest.mark.parametrize(
    "text",
    ["", "أ", CHAIN, CHAIN * 40, " عنوان طويل جدا " * 3 + "\n" + "ب" * 5000, "أ\nأ\nأ\n"],
)
def test_texts_of_are_the_slices(text: str) -> None:
    state = PageState.of(text)
    n = len(state.starts)
    lines = list(range(n))
    slices = [text[s:e] for s, e in zip(state.starts, state.ends, strict=True)]
    # Whole lines: the lines' texts.
    assert _texts_of(state, lines, state.starts.copy(), state.ends.copy()) == slices
    if n:
        # A piece of a line (its first character cut off): the slices.
        starts = [s + 1 for s in state.starts]
        cut = [text[s:e] for s, e in zip(starts, state.ends, strict=True)]
        assert _texts_of(state, lines, starts, state.ends.copy()) == cut
        ends = [e - 1 for e in state.ends]
        cut = [text[s:e] for s, e in zip(state.starts, ends, strict=True)]
        assert _texts_of(state, lines, state.starts.copy(), ends) == cut


@pytest.mark.parametrize("n", [0, 1, 2, 11, 12, 13, 40, 200])
def test_a_chain_builds_as_every_article_one_by_one(n: int) -> None:
    text = CHAIN * n
    article = parse(text)
    assert len(article.read_also) == n
    assert article.paragraphs == ()
    assert all(r.title == "عنوان" and r.paragraphs == ("نص.",) for r in article.read_also)
    assert article.parts.kinds == ("marker",) * n


def test_markers_only_article_has_the_fields_of_the_field_step() -> None:
    # The main article of a long chain: markers only, no field made from them.
    state = PageState.of(CHAIN * 100)
    for i in range(0, 300, 3):
        state.claim_rest(i, "marker", state.starts[i] + 10, name="read_also", article=0)
    pieces = state.pieces.copy()
    assert _fields(state, pieces, [], ({}, {})) == ({}, {}, {}, {})
    built = _article(state, pieces, [], ([], []), ({}, {}))
    assert built.parts.kinds == ("marker",) * 100
    assert built.title is None and built.paragraphs == ()


@pytest.mark.parametrize(
    "text",
    [
        CHAIN * 30 + "خاتمة المقال.",
        "مقدمة الخبر.\n\nالمصدر: سرايا\n" + CHAIN * 30,
        CHAIN * 15 + "عنوان آخر\nنص آخر.\n" + CHAIN * 15,
        "نص الخبر.\n" + "إقرأ أيضاً: عنوان في السطر\n" * 20,
    ],
)
def test_mixed_chains_keep_main_and_read_also_apart(text: str) -> None:
    # Every line's text lies in exactly one part, of the main article or a read-also one.
    article = parse(text)
    spans = list(zip(article.parts.starts, article.parts.ends, strict=True))
    for r in article.read_also:
        spans += zip(r.parts.starts, r.parts.ends, strict=True)
    spans.sort()
    assert all(e1 <= s2 for (_, e1), (s2, _) in pairwise(spans))
    state = PageState.of(text)
    covered = "".join(text[s:e] for s, e in spans).replace(" ", "")
    assert covered == "".join(state.texts).replace(" ", "")


def _running_owners(kinds: list[str | None], first: int, last: int, base: int) -> list[int]:
    between = kinds[first:last]
    owners = list(accumulate(map(eq, between, repeat("read_also")), initial=base - 1))
    return owners[1:]


@pytest.mark.parametrize(
    "marks",
    [
        [0, 3],
        [0, 3, 6, 9, 12],
        [5, 6, 7, 8],
        [2, 4, 5, 8],
        [0, 1, 10, 11, 30],
        list(range(7, 3000, 3)),
        [*range(0, 300, 3), 301, 302, *range(310, 400, 5)],
    ],
)
@pytest.mark.parametrize("base", [1, 2, 40])
def test_owners_are_the_running_count_of_markers(marks: list[int], base: int) -> None:
    kinds: list[str | None] = [None] * (marks[-1] + 5)
    for i in marks:
        kinds[i] = "read_also"
    for i in range(marks[0] + 1, marks[-1], 4):  # other kinds between the markers
        if kinds[i] is None:
            kinds[i] = "title"
    assert _owners(marks, base) == _running_owners(kinds, marks[0], marks[-1], base)


@pytest.mark.parametrize("n", [16, 17, 50, 301])
@pytest.mark.parametrize(
    "block",
    [
        "إقرأ أيضاً:\nعنوان\nنص.\n",
        "إقرأ أيضاً:\nنص.\n",
        "إقرأ أيضاً:\nعنوان\nنص.\nنص آخر طويل.\n",
    ],
)
def test_chains_of_every_spacing_lay_out_one_article_a_marker(n: int, block: str) -> None:
    # Blocks of one shape (markers at even steps) and of two shapes (uneven steps).
    text = block * n + "إقرأ أيضاً:\nعنوان\n" + block * 3
    article = parse(text)
    assert len(article.read_also) == text.count("إقرأ")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "أ",
        CHAIN * 30,
        "إقرأ أيضاً:\nعنوان\nنص.وقال آخر.\n" * 20,
        "المصدر: سرايا\n" * 10 + "نص.\n" * 5,
        "قال الوزير.وأضاف المتحدث.وذكر\n" * 3 + "المصدر: سرايا\n" * 40,
    ],
)
@pytest.mark.parametrize("every", [2, 3, 5])
def test_paragraphs_claim_what_no_detector_took(text: str, every: int) -> None:
    # Lines classified by another detector (most of them, as in a chain) and lines with a
    # head claimed: the whole lines are those untouched, and no line is left open.
    state = PageState.of(text)
    n = len(state.texts)
    for i in range(0, n, every):
        state.kind[i] = "title"
    for i in range(1, n, 2 * every):
        if state.kind[i] is None:
            state.claim_rest(i, "marker", state.starts[i] + 1)
    untouched = [i for i in range(n) if state.kind[i] is None and state.rest[i] == state.starts[i]]
    detect_paragraphs(state)
    assert set(state.whole) <= set(untouched)
    assert all(k is not None for k in state.kind) or n == 0
    open_left = [i for i in range(n) if state.kind[i] is None]
    assert open_left == []


def _long(lines: list[str]) -> str:
    text = "\n".join(lines) + "\n"
    assert len(text) >= FAST_SCAN_CHARS
    return text


@pytest.mark.parametrize(
    "text",
    [
        CHAIN * 9000,
        _long(["سطر"] * 20000),  # lines of one length
        _long(["سطر"] * 10000 + ["سطرين"] + ["سطر"] * 9999),  # one other, mid-page
        _long(["سطر"] * 7000 + ["سطرين"] + ["سطر"] * 13000),  # one other, elsewhere
        _long(["سطرين"] + ["سطر"] * 20000),  # at the first line
        _long(["سطر"] * 20000 + ["سطرين"]),  # at the last line
        _long(["سطر", "نص"] * 10000),
    ],
)
def test_the_short_line_scan_is_the_general_scan(text: str) -> None:
    assert scan_heads(text) == _scan_any(text)


def _unclassified(kinds: list[str | None]) -> list[int]:
    return [i for i, k in enumerate(kinds) if k is None]


@pytest.mark.parametrize("n", [0, 1, 1025, 3000])
def test_unclassified_lines_kept_follow_every_change_of_kind(n: int) -> None:
    state = PageState.of("أ\n" * n)
    assert state.lines_of(None) == _unclassified(state.kind)
    steps = [(0, "title"), (n // 2, "marker"), (n // 2, None), (n - 1, "title"), (0, None)]
    for i, kind in steps:
        if n:
            state.kind[i] = kind
        for _ in range(2):  # worked out, then kept
            got = state.lines_of(None)
            assert got == _unclassified(state.kind)
            got.append(-1)  # a caller's own list: what is kept does not change
    state.kind[:] = ["title"] * n
    assert state.lines_of(None) == []
    if n:
        state.kind[7 % n] = None
        assert state.lines_of(None) == [7 % n]
