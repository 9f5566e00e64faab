"""Glue points of a long text, searched a chunk at a time, and of a text with few sentence
ends, searched end by end, are those of one regex scan."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arnews import text as text_module
from arnews.text import (
    _SENTENCE_GLUE,
    _sparse_glue_ends,
    sentence_glue_points,
    whole_text_glue_points,
)

from .conftest import FIXTURES


@contextmanager
def _chunks_of(size: int) -> Iterator[None]:
    long_text, chunk = text_module.LONG_TEXT, text_module.GLUE_CHUNK
    text_module.LONG_TEXT, text_module.GLUE_CHUNK = 0, size
    try:
        yield
    finally:
        text_module.LONG_TEXT, text_module.GLUE_CHUNK = long_text, chunk


def _one_scan(text: str) -> list[int]:
    return [m.end() for m in _SENTENCE_GLUE.finditer(text)]


_GLUE_TEXT = st.text(alphabet="وذكرالعة.!?؟\"”»’')ab3 \n\u064b", max_size=60)


@given(_GLUE_TEXT, st.integers(1, 9))
def test_chunked_glue_points_are_those_of_one_scan(text: str, size: int) -> None:
    expected = _one_scan(text)
    with _chunks_of(size):
        assert list(whole_text_glue_points(text)) == expected
        assert sentence_glue_points(text) == expected
    # A page with few sentence ends is searched end by end: the same points.
    assert _sparse_glue_ends(text) == expected
    padded = text + "ب" * 64 * len(text)
    assert list(whole_text_glue_points(padded)) == _one_scan(padded)


def test_chunked_glue_points_of_the_seeds() -> None:
    for path in sorted((FIXTURES / "spec").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        expected = _one_scan(text)
        with _chunks_of(64):
            assert list(whole_text_glue_points(text)) == expected


def test_a_long_glued_text_still_times_out() -> None:
    text = "كلمة." * 100_000
    with _chunks_of(1_000):
        text_module.REGEX_TIMEOUT, timeout = 1e-9, text_module.REGEX_TIMEOUT
        try:
            with pytest.raises(TimeoutError):
                whole_text_glue_points(text)
        finally:
            text_module.REGEX_TIMEOUT = timeout


@pytest.mark.parametrize(
    "text",
    [
        "نص.\n" * 5_000,  # dense sentence ends, none glued: read end by end
        "نص.\n" * 5_000 + "العالقين.وذكر بيان\n" * 3,
        "العالقين.وذكر " * 2_000,  # dense glue points: the chunked scan
    ],
)
def test_a_long_text_dense_with_sentence_ends_gives_the_points_of_one_scan(text: str) -> None:
    assert whole_text_glue_points(text) == _one_scan(text)
