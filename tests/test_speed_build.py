"""The build's speed shortcuts give what the general way gives.

Repeated tags are told apart by their folds: the joined fold, cut back at the line breaks,
is each tag's key as it is unless the fold left two spaces together or one at a tag's end
(it drops tatweel, harakat and bidi marks), which the general way then cleans.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from arnews.build_fields import _distinct_tags
from arnews.normalize import fold

_TAG = st.text(alphabet="غزةهحماسأإاىيCcnN\u064b\u0651\u0640 \u200f\u200b\xa0", max_size=8).map(
    lambda t: " ".join(t.split())
)


@settings(max_examples=400)
@given(st.lists(_TAG.filter(bool), max_size=8))
def test_distinct_tags_keys_are_the_folds_one_by_one(tags: list[str]) -> None:
    spans = [(k, k + 1) for k in range(len(tags))]
    seen: dict[str, tuple[str, tuple[int, int]]] = {}
    for tag, span in zip(tags, spans, strict=True):
        seen.setdefault(fold(tag), (tag, span))
    out, out_spans = _distinct_tags(tags, spans)
    assert out == [tag for tag, _ in seen.values()]
    assert out_spans == [span for _, span in seen.values()]


def test_distinct_tags_whose_fold_leaves_spaces_to_clean() -> None:
    # Tatweel and a bidi mark alone between two words, and at a tag's ends.
    tags = ["غزة \u0640 حماس", "غزة حماس", "\u200f غزة", "غزة", "حماس \u064b", "حماس"]
    spans = [(k, k + 1) for k in range(len(tags))]
    assert _distinct_tags(tags, spans) == (
        ["غزة \u0640 حماس", "\u200f غزة", "حماس \u064b"],
        [(0, 1), (2, 3), (4, 5)],
    )
