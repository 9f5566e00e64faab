"""The furniture detector's session-16 fast paths answer as the general ones: the cased
credits' hint is tried only on a text that holds one of its rarest letters, and a menu
line's separators are counted only in a line that holds one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from arnews import Lexicon
from arnews.detectors.boilerplate import (
    _MENU_SEPARATORS,
    _SPLITS,
    MAX_MENU_CHARS,
    MIN_SEGMENTS,
    _is_item,
    _is_menu_line,
    _items,
    _may_hold_inside,
)
from arnews.detectors.tables import inside_words
from arnews.normalize import fold_chars
from arnews.state import PageState

LEX = Lexicon.default()
_LEXICONS = (
    LEX,
    LEX.replace(boilerplate_inside=("Kodak", "Getty Images", "©")),
    LEX.replace(boilerplate_inside=("Kodak",)),
)

_LATIN = st.text(alphabet=st.sampled_from("GgEeTtYyIiİMmAaSsRrVvDdLlHh\u212akKoO \n\u00adخبر"))


@settings(max_examples=300, deadline=None)
@given(_LATIN)
def test_the_hint_finds_nothing_without_its_letters(text: str) -> None:
    for lexicon in _LEXICONS:
        _, _, hint, letters = inside_words(lexicon)
        assert hint is not None and letters
        key = fold_chars(text)
        if hint.search(key) is not None:
            assert any(map(key.__contains__, letters)), text
        assert _may_hold_inside(lexicon, text) == lexicon.may_hold_inside(text), text


def test_the_hint_letters_at_the_edges() -> None:
    shapes = ["", "x", "M", "r", "GETTY İMAGES", "All Rights Reserved", "\u212aODA\u212a"]
    shapes += ["خبر " * 500 + "Images", "Getty\nImages", "ALL RIGHTS RESERVED\n" * 3]
    for lexicon in _LEXICONS:
        for text in shapes:
            assert _may_hold_inside(lexicon, text) == lexicon.may_hold_inside(text), text


def _menu_line(state: PageState, line: str) -> bool:
    """The general test: the separators counted in every line."""
    if len(line) > MAX_MENU_CHARS:
        return False
    for separators, chars, share in _SPLITS:
        if sum(map(line.count, chars)) < MIN_SEGMENTS - 1:
            continue
        parts = _items(line, separators)
        if len(parts) < MIN_SEGMENTS or not all(_is_item(state, p) for p in parts):
            continue
        known = sum(map(state.lexicon.is_navigation, parts))
        if known and known > share * len(parts):
            return True
    return False


_MENU = st.lists(
    st.sampled_from(["الرئيسية", "أخبار", "رياضة", "غزة", "|", "»", "›", ">", "/", "-", " "]),
    max_size=12,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_MENU)
def test_a_menu_line_is_told_as_by_counting(line: str) -> None:
    state = PageState.of("نص.")
    assert _is_menu_line(state, line) == _menu_line(state, line), line


def test_menu_lines_at_the_edges() -> None:
    state = PageState.of("نص.")
    shapes = [
        "x",
        "الرئيسية",
        "الرئيسية | أخبار | رياضة",
        "الرئيسية | أخبار",
        "الرئيسية / أخبار / رياضة",
        "غزة - أخبار - رياضة",
        "الرئيسية » أخبار » رياضة" * 20,
        "|" * 1000,
        "-" * 299,
        "غزة",
    ]
    for line in shapes:
        assert _is_menu_line(state, line) == _menu_line(state, line), line
    assert _MENU_SEPARATORS.search("|") is not None
