"""The head detectors' fast paths of the fourteenth pass give the plain computations' answers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arnews import Parser
from arnews.detectors import bylines
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


def _state_at_bylines(text: str) -> PageState:
    """The page's state as the bylines detector finds it."""
    state = PageState.of(text)
    for name, detect in PARSER.detectors.rules:
        if name == "bylines":
            break
        detect(state)
    return state


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
