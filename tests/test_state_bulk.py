"""The state's bulk helpers give what their one-line-at-a-time counterparts give.

``PageState.lines_of`` selects many lines in one C-level pass and a few by ``list.index``;
``PageState.claim_lines`` claims many lines in one call (issue 15: a chain of fifty thousand
read-also articles).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from arnews.state import PageState

KINDS = st.sampled_from([None, "read_also", "headlines", "source", "title"])


@given(st.lists(KINDS, max_size=80), st.lists(KINDS, min_size=1, max_size=3, unique=True))
def test_lines_of_finds_every_line_of_the_kinds_in_order(
    kinds: list[str | None], wanted: list[str | None]
) -> None:
    state = PageState.of("\n".join(["سطر"] * max(len(kinds), 1)))
    state.kind[: len(kinds)] = kinds
    expected = [i for i, kind in enumerate(state.kind) if kind in wanted]
    assert state.lines_of(*wanted) == expected


@given(
    st.lists(st.tuples(st.booleans(), st.integers(0, 3)), min_size=1, max_size=12),
    st.data(),
)
def test_claim_lines_claims_what_claim_rest_claims(
    lines: list[tuple[bool, int]], data: st.DataObject
) -> None:
    # Lines of a word or two; some already claimed from their start by a few characters.
    text = "\n".join(("أ ب" if two else "كلمة") + " " * pad for two, pad in lines)
    one, bulk = PageState.of(text), PageState.of(text)
    for state in (one, bulk):
        for i in range(len(state.starts)):
            if lines[i][1] == 3:
                state.rest[i] = min(state.starts[i] + 1, state.ends[i])
    chosen = sorted(data.draw(st.sets(st.integers(0, len(one.starts) - 1))))
    for i in chosen:
        one.claim_rest(i, "title")
    bulk.claim_lines(chosen, "title")
    assert bulk.pieces == one.pieces
    assert bulk.rest == one.rest
