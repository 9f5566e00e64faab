"""The column passes of session 15's headline-list work give the per-line answers (issue 15).

Each fast path is checked against the per-line code it replaced (kept here as the
reference), on the shapes it covers: an empty list, one line, a very long line, repeated
lines, items with and without bullets, lines other detectors took, read-also chains.
"""

from __future__ import annotations

import pytest

from arnews.detectors import headline_lists as hl
from arnews.detectors.headline_lists import (
    _FEW_ITEMS,
    _SECTION_KINDS,
    _claim_items,
    _claim_list_item,
    _list_extent,
    bullet_pattern,
    is_paragraph_like,
)
from arnews.lines import BLANKS
from arnews.normalize import fold
from arnews.state import PageState

BULLETS = bullet_pattern(("•", "-", "*"))
LONG = "عنوان " * 3000
SENTENCE = "قال الرئيس إن الاتفاق قريب من التوقيع بعد جولة طويلة من المحادثات الصعبة."
ITEMS = [
    [],
    ["• عنوان"],
    ["• عنوان"] * 300,
    ["عنوان بلا نقطة"] * 70,
    ["• أ", "ب", "  • ", "- ج", "1. د", "•", LONG, "• " + LONG],
    ["• عنوان", "عنوان آخر"] * 50,
    ["• \u200fعنوان\u200b", "\u200e• عنوان"] * 40,
]


def _reference_claims(state: PageState, first: int, end: int, kind: str, article: int) -> None:
    """The per-line claims the column passes replaced (session 14's code)."""
    starts, texts, pieces = state.starts, state.texts, state.pieces
    whole: list[int] = []
    for j in range(first, end):
        if state.kind[j] is None and state.is_open(j):
            if kind == "similar" and state.rest[j] == state.starts[j]:
                whole.append(j)
            else:
                _claim_list_item(state, j, kind, article, BULLETS)
    for i in whole:
        line = texts[i]
        m = BULLETS.match(line)
        bullet = m.end() if m is not None and m.end() < len(line) else 0
        head = bullet + (len(line[bullet:]) - len(line[bullet:].lstrip(BLANKS)))
        bullet = len(line[:bullet].rstrip(BLANKS))
        state.similar_keys.add(fold(line[head:]))
        start = starts[i]
        if bullet:
            pieces.append((i, "marker", start, start + bullet, article, "bullet", None))
        pieces.append((i, "similar", start + head, start + len(line), article, None, None))
        state.rest[i] = state.ends[i]
        state.kind[i] = "similar"


def _touch(state: PageState, every: int) -> None:
    """Let other detectors have taken some lines (a kind, or the start of a line)."""
    for i in range(0, len(state.starts), every):
        if i % 2:
            state.kind[i] = "boilerplate"
        elif state.ends[i] - state.starts[i] > 1:
            state.pieces.append((i, "marker", state.starts[i], state.starts[i] + 1, 0, "x", None))
            state.rest[i] = state.starts[i] + 1


@pytest.mark.parametrize("items", ITEMS, ids=range(len(ITEMS)))
@pytest.mark.parametrize("kind", ["similar", "related"])
@pytest.mark.parametrize("every", [0, 3, 7])
def test_claim_items_claims_as_line_by_line(items: list[str], kind: str, every: int) -> None:
    text = "مقالات مشابهة\n" + "\n".join(items) + "\nخاتمة"
    fast, slow = PageState.of(text), PageState.of(text)
    if every:
        _touch(fast, every)
        _touch(slow, every)
    end = len(fast.starts) - 1
    _claim_items(fast, 1, end, kind, 2, BULLETS)
    _reference_claims(slow, 1, end, kind, 2)
    # A long list's whole items come as one run of claims (issue 15): as pieces, they are
    # the reference's, in its order.
    fast.unpack_runs()
    assert fast.pieces == slow.pieces
    assert (fast.rest, fast.kind) == (slow.rest, slow.kind)
    assert set(fast.similar_keys) == set(slow.similar_keys)


def _reference_extent(state: PageState, first: int) -> tuple[int, bool]:
    """Session 14's walk of a list's lines, one line at a time."""
    texts, kinds = state.texts, state.kind
    n = len(texts)
    stop = first
    first_para = -1
    while stop < n and kinds[stop] not in _SECTION_KINDS:
        if first_para < 0 and kinds[stop] is None and is_paragraph_like(texts[stop]):
            first_para = stop
        stop += 1
    if first_para < 0:
        return stop, False
    for j in range(first, first_para):
        if j > first and state.blank_before(j) and not BULLETS.match(texts[j]):
            return j, True
    return first_para, True


LONG_ITEMS = [*ITEMS, [f"• عنوان {i}" for i in range(3000)], ["• عنوان"] * (_FEW_ITEMS - 1)]


@pytest.mark.parametrize("items", LONG_ITEMS, ids=range(len(LONG_ITEMS)))
@pytest.mark.parametrize("after", ["", SENTENCE, "\n" + SENTENCE, "كلام\n\nعنوان\n" + SENTENCE])
@pytest.mark.parametrize("section", [None, "source", "share", "headlines"])
@pytest.mark.parametrize("taken", [0, 5, 200])
def test_list_extent_ends_where_the_line_walk_does(
    items: list[str], after: str, section: str | None, taken: int
) -> None:
    text = "مقالات مشابهة\n" + "\n".join(items) + "\n" + after + "\nالمصدر: وكالة\n" + SENTENCE
    state = PageState.of(text)
    n = len(state.starts)
    if section is not None:
        state.kind[n - 2] = section
    if taken:  # lines other detectors took (a section kind among them)
        for j in range(1, n - 1, taken):
            state.kind[j] = "boilerplate" if j % 3 else "read_also"
    for first in (1, 2, n - 1, n):
        assert _list_extent(state, first, BULLETS) == _reference_extent(state, first)


def test_list_extent_stops_at_the_first_paragraph(monkeypatch: pytest.MonkeyPatch) -> None:
    # A short list before a long body judges its items and the body's first line, no more.
    text = "أخبار ذات صلة\n• عنوان\n• آخر\n" + "\n".join(f"{i} {SENTENCE}" for i in range(2000))
    state = PageState.of(text)
    seen: list[str] = []
    judge = hl.is_paragraph_like
    monkeypatch.setattr(hl, "is_paragraph_like", lambda t: seen.append(t) or judge(t))
    assert _list_extent(state, 1, BULLETS) == (3, True)
    assert len(seen) == 3
