"""The text helpers' fast paths answer as their plain definitions do."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from arnews.text import (
    _INNER_SENTENCE_END,
    _MEDIA_TAG,
    CLOSERS,
    TRAILERS,
    clean,
    clean_many,
    ends_sentence,
    has_inner_sentence_end,
    has_media_tag,
)

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


_LINE = st.text(alphabet='أب ة.؟!?()"|:عاجلفيديوخص', max_size=30)


@given(_LINE)
def test_inner_sentence_end_and_media_tag_answer_as_their_patterns(text: str) -> None:
    assert has_inner_sentence_end(text) == (_INNER_SENTENCE_END.search(text) is not None)
    assert has_media_tag(text) == (_MEDIA_TAG.search(text) is not None)
    for opener in ("عاجل", "فيديو"):
        line = f"{opener} | {text}"
        assert has_media_tag(line) == (_MEDIA_TAG.search(line) is not None)


# One-line texts with no white space at their ends: what the parser hands clean_many.
_PIECE = _TEXT.map(lambda t: t.strip())


@given(st.lists(_PIECE, max_size=12))
def test_clean_many_is_split_and_join(texts: list[str]) -> None:
    # Both sides of the eight-text threshold, NBSP alone or with other white space.
    assert clean_many(texts) == [" ".join(t.split()) for t in texts]


def test_clean_many_nbsp_forms() -> None:
    texts = ["أ\xa0ب", "أ\xa0 ب", "أ\xa0\tب", "أ\u200f\xa0ب", "أ ب"]
    expected = ["أ ب", "أ ب", "أ ب", "أ\u200f ب", "أ ب"]
    assert clean_many(texts) == expected
    assert clean_many(texts * 2) == expected * 2


def test_clean_many_checks_the_texts_joined() -> None:
    # Clean texts come back as they are; NBSP as the only change is made on the texts
    # joined; an empty text or NBSP at a text's end sends them the general way.
    clean_texts = ["أ ب", "ج"] * 5
    assert clean_many(clean_texts) == clean_texts
    for texts in (
        ["أ\xa0ب", "ج\xa0د ه"],
        ["أ\xa0ب"] * 9,
        ["", "أ\xa0ب"],
        ["أ\xa0ب", ""],
        ["أ", "", "ب\xa0ج"],
        ["أ\xa0\xa0ب", "ج"],
        ["أ\xa0ب", "ج\u200fد"],
        ["أ\xa0ب", "ج\u3000د"],
        [],
        ["أ\xa0ب"],
    ):
        assert clean_many(texts) == [" ".join(t.split()) for t in texts], texts


@given(st.lists(_PIECE, max_size=12), st.integers(0, 3))
def test_clean_many_of_nbsp_pages_is_split_and_join(texts: list[str], spread: int) -> None:
    # Pages whose paragraphs all hold NBSP (the fast way) or all but some.
    texts = [t.replace(" ", "\xa0") if k % 4 >= spread else t for k, t in enumerate(texts)]
    assert clean_many(texts) == [" ".join(t.split()) for t in texts]
