"""The head detectors' fast paths of the fourteenth pass give the plain computations' answers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arnews import Parser
from arnews.detectors import bylines, stamps
from arnews.detectors.credits import read_credit
from arnews.detectors.heads import head_lists
from arnews.state import PageState

PARSER = Parser(time_budget=None)
_CHAIN = "إقرأ أيضاً:\nعنوان\nنص.\n"

# Heads of the shapes a chain's articles may open with: plain text, credits, a tatweel set
# apart at the start (whose reading depends on the character before the line: a line break
# U+001C is no white space to the credit reader), blanks before it, one line, a long line.
_HEADS = [
    "نص.",
    "بقلم: د. نظمي خليل",
    "ـ متابعة",
    "ـمتابعة",
    "ـ",
    "ـ بقلم: أحمد علي",
    "جدة ـ عبدالغني الشريف",
    "  ـ متابعة",
    "كتب- أحمد علي: أعلن الوزير الخبر.",
    "أعلن الوزير الخبر اليوم في بيان رسمي. " * 40,
]
_BREAKS = ["\n", "\r\n", "\x1c", "\x1d", "\u2028", "\n\n"]


def _page(heads: list[str], breaks: list[str]) -> str:
    """A chain of read-also articles: a title, then each head after its line break (in
    turn), then a body line."""
    return "".join(
        f"إقرأ أيضاً:\nعنوان{breaks[k % len(breaks)]}{head}\nنص.\n" for k, head in enumerate(heads)
    )


def _state_before(text: str, detector: str) -> PageState:
    """The page's state as the detector named ``detector`` finds it."""
    state = PageState.of(text)
    for name, detect in PARSER.detectors.rules:
        if name == detector:
            break
        detect(state)
    return state


def _state_at_bylines(text: str) -> PageState:
    """The page's state as the bylines detector finds it."""
    return _state_before(text, "bylines")


def _check_any_credit(text: str) -> None:
    state = _state_at_bylines(text)
    firsts, seconds = head_lists(state)
    for heads in (firsts, seconds, firsts + seconds, firsts[:1], firsts[1:]):
        plain = any(read_credit(state, i) is not None for i in heads)
        assert bylines._any_credit(state, heads) is plain


@pytest.mark.parametrize("head", _HEADS)
@pytest.mark.parametrize("brk", _BREAKS)
def test_any_credit_is_the_plain_test_on_chains(head: str, brk: str) -> None:
    # Each head repeated (the same text throughout: a chain), after each line break, and
    # mixed with a chain's plain heads.
    _check_any_credit(_page([head] * 40, [brk]))
    # The same head after two line breaks in turn: a tatweel at its start reads otherwise.
    _check_any_credit(_page([head] * 40, [brk, "\n"]))
    _check_any_credit(_page([head] * 40, ["\n", brk]))
    _check_any_credit(_page(["نص."] * 39 + [head], [brk, "\n"]))
    _check_any_credit(_page([head] + ["نص."] * 39, ["\n", brk]))


def test_any_credit_on_the_edges() -> None:
    for text in ("", "نص.", "ـ متابعة", _CHAIN, _CHAIN * 40, "ـ متابعة\n" + _CHAIN * 40):
        _check_any_credit(text)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(_HEADS), min_size=1, max_size=40),
    st.lists(st.sampled_from(_BREAKS), min_size=1, max_size=3),
)
def test_any_credit_is_the_plain_test_on_mixed_chains(heads: list[str], breaks: list[str]) -> None:
    _check_any_credit(_page(heads, breaks))


_DIGIT_TEXTS = [
    "",
    "نص بلا أرقام",
    "ذرزسشصضطظع" * 50,  # (letters whose code's low byte is an ASCII digit's)
    "`abcdefghi" * 50,
    _CHAIN * 200,
    _CHAIN * 200 + "٢",
    "1" + _CHAIN * 200,
]


@pytest.mark.parametrize("text", _DIGIT_TEXTS)
def test_any_digit_is_the_digit_search(text: str) -> None:
    assert stamps._any_digit(text) is (stamps._DIGIT.search(text) is not None)


def test_any_digit_finds_each_digit_anywhere() -> None:
    for c in map(chr, range(0x10000)):
        for text in (c, f"نص {c}", f"{c} نص", "ذ" * 100 + c + "ع" * 100):
            assert stamps._any_digit(text) is (stamps._DIGIT.search(text) is not None)


def _fresh_heads(state: PageState) -> tuple[list[int], list[int]]:
    state.memo.pop(head_lists, None)
    return head_lists(state)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "نص.",
        _CHAIN,
        _CHAIN * 40,
        _page(_HEADS * 5, _BREAKS),
        "مقدمة\n" + _CHAIN * 40 + "خاتمة\n",
    ],
)
def test_kept_heads_are_found_again_once_the_page_changed(text: str) -> None:
    state = _state_at_bylines(text)
    kept = head_lists(state, keep=True)
    assert kept == _fresh_heads(state)
    head_lists(state, keep=True)
    assert head_lists(state) == kept  # unchanged columns: the kept answer
    n = len(state.kind)
    for k in range(0, n, max(1, n // 7)):
        # A line classified, claimed, or moved to another article by a detector in between:
        # the answer is found again (and is the plain one).
        for column, value in (("kind", "paragraph"), ("rest", state.ends[k]), ("article", 0)):
            head_lists(state, keep=True)
            saved = getattr(state, column)[k]
            getattr(state, column)[k] = value
            assert head_lists(state) == _fresh_heads(state)
            getattr(state, column)[k] = saved
            assert head_lists(state) == kept


def _main_title_pieces(text: str, *, general: bool, monkeypatch: pytest.MonkeyPatch) -> object:
    from arnews.detectors import titles

    if general:
        # The run is taken and passed over as on a page that goes on.
        monkeypatch.setattr(titles, "_runs_to_end", lambda *args: False)
    state = PageState.of(text)
    for name, detect in PARSER.detectors.rules:
        detect(state)
        if name == "main_title":
            break
    monkeypatch.undo()
    return state.pieces, state.kind, state.rest


@pytest.mark.parametrize(
    "text",
    [
        "• عنوان\n" * 50,
        "سرايا - \n" * 50,
        "عرض أوروبي بعد ليلة مفاوضات\n" * 3,
        "عرض أوروبي بعد ليلة مفاوضات",
        "عرض أوروبي بعد ليلة مفاوضات\n\n\nعرض أوروبي بعد ليلة مفاوضات\n",
        "عرض أوروبي بعد ليلة مفاوضات\n" * 3 + "أعلن الوزير عرض الاتفاق بعد ليلة مفاوضات طويلة.",
        "عرض أوروبي بعد ليلة مفاوضات\nشريط الأخبار\n" + "عرض أوروبي بعد ليلة مفاوضات\n" * 3,
        "تقرير:\n" + "عرض أوروبي بعد ليلة مفاوضات\n" * 4,
        "عرض أوروبي بعد ليلة مفاوضات\n" * 3 + "إقرأ أيضاً:\nعنوان\nنص.\n",
    ],
)
def test_a_headline_repeated_to_the_end_is_read_as_before(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = _main_title_pieces(text, general=False, monkeypatch=monkeypatch)
    assert fast == _main_title_pieces(text, general=True, monkeypatch=monkeypatch)


def test_runs_to_end_is_the_walk_to_the_first_change() -> None:
    from arnews.detectors import titles

    line = "• عنوان"
    for text in (
        "",
        line,
        f"{line}\n" * 9,
        f"أ\n{line}\n" * 4,
        f"{line}\n" * 5 + "ب\n" + f"{line}\n" * 3,
    ):
        state = PageState.of(text)
        texts, n = state.texts, len(state.texts)
        for touched in (None, *range(n)):
            rests = state.rest.copy()
            if touched is not None:
                rests[touched] += 1
            for i in range(n + 1):
                walk = next(titles._changes(texts, rests, state.starts, i, line), n) == n
                assert titles._runs_to_end(texts, rests, state.starts, i, line) is walk


def _marked_plainly(state: PageState) -> list[int]:
    """The stamp marker lines as a plain walk over the kinds finds them."""
    return [i for i, kind in enumerate(state.kind) if kind in ("updated", "published")]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "نص.",
        ":\n" * 50,
        "نشر في: 12 مارس 2024\nنص الخبر.",
        "نص الخبر.\nآخر تحديث: 12 مارس 2024",
        "عنوان\nنص الخبر.\nنشر في: 12 مارس 2024\n" + _CHAIN * 3,
        _CHAIN * 20,
        _CHAIN * 5 + "آخر تحديث: 12 مارس 2024",
    ],
)
def test_a_page_without_stamp_markers_is_told_whatever_its_first_line(text: str) -> None:
    # The first line unclassified or not, the page's kinds all unclassified or some marked:
    # the stamps detector's quick test of the kinds agrees with a plain walk over them.
    state = _state_before(text, "stamps")
    kinds = state.kind
    quick_none = bool(kinds and kinds[0] is None and kinds.count(None) == len(kinds))
    told_none = quick_none or stamps._STAMP_KINDS.isdisjoint(kinds)
    assert told_none is (not _marked_plainly(state))
