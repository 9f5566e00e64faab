"""Claims made in bulk (``arnews.runs``) give what the same claims made as pieces give.

A similar list of more than ``_FEW_RUN`` whole items is claimed as one run of columns
(issue 15: a 1 MB list made a quarter of a million piece tuples). The builder reads the run
as columns on a page of one article, and makes it pieces on a page of several, or where a
headline lost controls. Every path is checked against the pieces' path, on pages of lists
of every size, with and without bullets, controls, read-also articles and other sections.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import arnews
from arnews.build import build_article
from arnews.detectors import headline_lists
from arnews.runs import Run
from arnews.state import PageState

HEADINGS = ["مقالات مشابهة", "أخبار ذات صلة", "مواضيع مشابهة:"]
BULLETS = ["• ", "•", "- ", "* ", "1. ", "", "  ", "■ ", "• \u200f"]
WORDS = ["الحكومة", "تعلن", "خطة", "جديدة", "لدعم", "الاقتصاد", "غزة", "الرئيس", "وزير"]
OTHER = [
    "القاهرة (رويترز) - أعلنت الحكومة المصرية اليوم خطة جديدة.",
    "وقال الوزير إن الخطة تبدأ الشهر المقبل.",
    "إقرأ أيضاً: عنوان مقال آخر",
    "كلمات دلالية: مصر، اقتصاد",
    "المصدر: وكالات",
]

# A control inside a headline (a line's ends are trimmed of them) makes the builder take the
# pieces' path, which warns where each headline lost one.
headline = st.builds(
    lambda words, control: " ".join([words[0] + control, *words[1:]]),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=6),
    st.sampled_from(["", "", "", "\u200b", "\u202b"]),
)
item = st.builds(lambda bullet, text: bullet + text, st.sampled_from(BULLETS), headline)
# A list: its items all alike (a hostile page's) or each drawn, short or long.
items = st.one_of(
    st.builds(lambda one, n: [one] * n, item, st.integers(1, 80)),
    st.lists(item, min_size=1, max_size=80),
)
section = st.builds(
    lambda heading, lines, after: [heading, *lines, *after],
    st.sampled_from(HEADINGS),
    items,
    st.lists(st.sampled_from(OTHER), max_size=2),
)
pages = st.builds(
    lambda head, sections: "\n".join(head + [line for s in sections for line in s]),
    st.lists(st.sampled_from(OTHER), max_size=3),
    st.lists(section, min_size=1, max_size=3),
)


def _result(text: str) -> tuple[object, ...]:
    article = arnews.parse(text)
    return article.to_json(), article.parts.to_list(), article.warnings


@given(pages)
def test_a_run_gives_what_pieces_give(text: str) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(headline_lists, "_FEW_RUN", 10**9)
        as_pieces = _result(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(headline_lists, "_FEW_RUN", 0)
        as_runs = _result(text)
    assert as_runs == as_pieces
    assert _result(text) == as_pieces


@pytest.mark.parametrize("n", [33, 500])
@pytest.mark.parametrize("bullet", ["• ", ""])
def test_a_long_list_is_one_run(n: int, bullet: str) -> None:
    state = PageState.of("مقالات مشابهة\n" + "\n".join(f"{bullet}عنوان {i}" for i in range(n)))
    headline_lists._claim_similar_items(
        state, list(range(1, n + 1)), 0, headline_lists.bullet_pattern(("•",))
    )
    assert len(state.runs) == 1 and state.pieces == []
    run = state.runs[0]
    assert run.item_texts == [f"عنوان {i}" for i in range(n)]
    assert run.kinds.count("marker") == (n if bullet else 0)
    assert state.kind[1:] == ["similar"] * n and state.rest[1:] == state.ends[1:]
    state.unpack_runs()
    assert state.runs == [] and len(state.pieces) == len(run.kinds)


def test_a_run_out_of_order_is_read_in_input_order() -> None:
    # Two runs claimed last list first: the builder reads them by start.
    text = "مقالات مشابهة\n• أ\n• ب\nمقالات مشابهة\n• ج\n• د"
    expected = arnews.parse(text)
    state = PageState.of(text)
    for first in (4, 1):
        a, b = first, first + 1
        s, e = state.starts, state.ends
        run = Run(
            0,
            [a, a, b, b],
            ["marker", "similar"] * 2,
            [s[a], s[a] + 2, s[b], s[b] + 2],
            [s[a] + 1, e[a], s[b] + 1, e[b]],
            ["bullet", None] * 2,
            "similar",
            [s[a] + 2, s[b] + 2],
            [e[a], e[b]],
            [state.texts[a][2:], state.texts[b][2:]],
        )
        state.claim_run(run)
        state.rest[first : first + 2] = state.ends[first : first + 2]
    for i in (0, 3):
        state.claim_rest(i, "marker", name="headlines")
    article = build_article(state)
    assert article.similar == expected.similar == ("أ", "ب", "ج", "د")
    assert article.spans.similar == expected.spans.similar
    assert article.parts.to_list() == expected.parts.to_list()


@st.composite
def blocks(draw: st.DrawFn) -> list[tuple[list[str], list[int], list[int], list[str | None]]]:
    """Up to three blocks of rows, each in input order, their starts all distinct."""
    sizes = draw(st.lists(st.sampled_from([0, 1, 3, 8, 9, 40]), max_size=3))
    starts = draw(st.permutations(range(sum(sizes))))
    out: list[tuple[list[str], list[int], list[int], list[str | None]]] = []
    at = 0
    for k, size in enumerate(sizes):
        mine = sorted(starts[at : at + size])
        at += size
        names: list[str | None] = [None] * size
        out.append(([f"kind{k}"] * size, mine, [s + 1 for s in mine], names))
    return out


@given(blocks())
def test_blocks_merge_as_one_sort_of_their_rows(
    parts: list[tuple[list[str], list[int], list[int], list[str | None]]],
) -> None:
    from arnews.build_rows import _merged

    rows = sorted(
        (start, kind, end, name)
        for kinds, starts, ends, names in parts
        for kind, start, end, name in zip(kinds, starts, ends, names, strict=True)
    )
    kinds, starts, ends, names = _merged([p for p in parts if p[1]])
    assert list(zip(starts, kinds, ends, names, strict=True)) == rows
