"""The furniture detector's fast paths of session 13 give the general path's answers.

The hint of the credit phrases in Latin letters (see ``arnews.detectors.tables``) finds
their longest words in any spelling that lower-cases to them: a text it finds nothing in
is not lower-cased, and must hold none of those phrases in its lower case.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from arnews.detectors.boilerplate import _may_hold_inside
from arnews.detectors.tables import inside_words
from arnews.lexicon import Lexicon
from arnews.normalize import fold_chars

LEX = Lexicon.default()


def _lower_holds(text: str, lexicon: Lexicon) -> bool:
    """The general test of the cased phrases: their words in the text's lower case."""
    _, cased, _, _ = inside_words(lexicon)
    key = fold_chars(text).lower()
    return any(
        longest in key and any(all(map(key.__contains__, words)) for words in others)
        for longest, others in cased
    )


_SHAPES = [
    "",
    "x",
    "Getty Images",
    "GETTY IMAGES",
    "getty İmages",
    "GETTY İMAGES",
    "All Rights Reserved",
    "ALL RIGHTS RESERVED\nALL RIGHTS RESERVED",
    "all rights\nreserved",
    "Getty\nImages",
    "Get\u00adty Ima\u200fges",
    "\u212aodak",
    "صورة: Getty Images " + "ا" * 10_000,
    "Images " * 500,
    "خبر عادي عن الاقتصاد",
]


def test_the_hint_finds_whatever_the_lower_case_holds() -> None:
    for lexicon in (LEX, LEX.replace(boilerplate_inside=("Kodak", "Getty Images", "©"))):
        _, cased, hint, _ = inside_words(lexicon)
        assert cased and hint is not None
        for text in _SHAPES:
            key = fold_chars(text)
            if _lower_holds(text, lexicon):
                assert hint.search(key) is not None, text
            assert _may_hold_inside(lexicon, text) == lexicon.may_hold_inside(text), text


_LATIN = st.text(alphabet=st.sampled_from("GgEeTtYyIiİMmAaSsRrVvDdLlHh\u212akKoO \n\u00ad"))


@settings(max_examples=300, deadline=None)
@given(_LATIN)
def test_the_hint_is_necessary_on_any_spelling(text: str) -> None:
    lexicon = LEX.replace(boilerplate_inside=("Kodak",))
    _, _, hint, _ = inside_words(lexicon)
    assert hint is not None
    if _lower_holds(text, lexicon):
        assert hint.search(fold_chars(text)) is not None, text
    assert _may_hold_inside(lexicon, text) == lexicon.may_hold_inside(text), text
