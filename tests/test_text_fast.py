"""The text helpers' fast paths answer as their plain definitions do."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from arnews.text import CLOSERS, TRAILERS, clean, ends_sentence

_TEXT = st.text(alphabet='أب ة.؟!:"”»)\xa0\t\u200f\u3000x', max_size=30)


@given(_TEXT)
def test_clean_is_split_and_join(text: str) -> None:
    assert clean(text) == " ".join(text.split())


@given(_TEXT)
def test_ends_sentence_is_strip_and_look(text: str) -> None:
    stripped = text.rstrip(TRAILERS)
    assert ends_sentence(text) == (bool(stripped) and stripped[-1] in CLOSERS)


def test_clean_keeps_a_clean_text_as_it_is() -> None:
    text = "وكالة الأنباء الفلسطينية"
    assert clean(text) is text
    assert clean(" أ\xa0 ب ") == "أ ب"
