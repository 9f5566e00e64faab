"""The detectors' per-lexicon tables: the openings that rule lines out before a phrase
pattern runs must never rule out a line the pattern matches."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from arnews import Lexicon
from arnews.detectors.tables import (
    credit_openers,
    furniture_pairs,
    inside_words,
    loose_openings,
    marker_openings,
    name_openers,
    opening_lines,
    ticker_openings,
)
from arnews.gazetteer import DEFAULT_GAZETTEER
from arnews.lines import PREFIX_CHARS
from arnews.normalize import FOLD_DELETED, FOLDED_FROM, fold

from .strategies import arabic_text

LEX = Lexicon.default()
_DELETED = sorted(FOLD_DELETED)
_MARKERS = sorted({p.rstrip("$:") for ps in LEX.markers.values() for p in ps})
_FURNITURE = sorted({*LEX.boilerplate_lines, *(p.removesuffix("*") for p in LEX.boilerplate)})
_TICKERS = sorted(LEX.tickers)
_OPENERS = ["", "\u0640", "\u064b", "\u200f", "- ", "• ", "* ", "(", "x", "ال"]
_AFTER = ["", ":", " :", ": نص", " - عنوان", "نص", " عنوان قصير", "| خبر", ":ـ: ", "\u064b"]


@st.composite
def _spelled(draw: st.DrawFn, phrases: list[str]) -> str:
    """A phrase as pages write it: other letters that fold alike, Latin in either case,
    diacritics, tatweel and marks between the letters, other spaces."""
    out = []
    for ch in draw(st.sampled_from(phrases)):
        key = fold(ch) or ch
        forms = sorted({ch, *FOLDED_FROM.get(key, ()), ch.lower(), ch.upper()})
        out.append(draw(st.sampled_from(forms)))
        if draw(st.integers(0, 4)) == 0:
            out.append(draw(st.sampled_from(_DELETED)))
    return "".join(out)


def _lines(phrases: list[str]) -> st.SearchStrategy[str]:
    spelled = st.builds(
        "".join,
        st.tuples(st.sampled_from(_OPENERS), _spelled(phrases), st.sampled_from(_AFTER)),
    )
    return st.one_of(spelled, arabic_text).map(str.strip).filter(bool)


@settings(max_examples=600, deadline=None)
@given(_lines(_MARKERS))
def test_no_line_the_marker_pattern_matches_is_ruled_out(line: str) -> None:
    openings = marker_openings(LEX)
    assert openings is not None
    if LEX.marker_pattern.match(line, 0, PREFIX_CHARS) is not None:
        assert list(opening_lines(openings, [line])) == [True]


@settings(max_examples=400, deadline=None)
@given(_lines(_TICKERS))
def test_no_line_the_ticker_pattern_matches_is_ruled_out(line: str) -> None:
    openings = ticker_openings(LEX)
    assert openings is not None
    if LEX.ticker_pattern.match(line) is not None:
        assert list(opening_lines(openings, [line])) == [True]


@settings(max_examples=600, deadline=None)
@given(_lines(_FURNITURE))
def test_no_furniture_line_is_ruled_out(line: str) -> None:
    pairs = furniture_pairs(LEX)
    assert pairs is not None
    if LEX.is_boilerplate(line):
        assert list(loose_openings(pairs, [line])) == [True]


def test_the_openings_rule_out_running_text() -> None:
    lines = ["قال الوزير إن الاجتماع انتهى.", "بينما أضاف أن الوضع صعب", "هذا خبر"]
    openings = marker_openings(LEX)
    ticker = ticker_openings(LEX)
    pairs = furniture_pairs(LEX)
    assert openings is not None and ticker is not None and pairs is not None
    assert list(opening_lines(openings, lines)) == [False] * 3
    assert list(opening_lines(ticker, lines)) == [False] * 3
    assert list(loose_openings(pairs, lines)) == [False, False, True]  # `هذ…`: هذا المقال
    assert list(opening_lines(openings, ["المصدر: سانا", "\u200fقال", "• قال"])) == [True] * 3


def test_a_phrase_of_one_letter_turns_the_openings_off() -> None:
    lexicon = LEX.extend(tickers=["ع"])
    assert ticker_openings(lexicon) is None


def test_tables_are_kept_per_lexicon() -> None:
    assert marker_openings(LEX) is marker_openings(LEX)
    assert credit_openers(LEX) is credit_openers(LEX)
    assert name_openers(DEFAULT_GAZETTEER) is name_openers(DEFAULT_GAZETTEER)
    other = LEX.replace(boilerplate_inside=("حقوق النشر",))
    assert dict(inside_words(other)) == {"النشر": (("حقوق",),)}
    assert inside_words(other) is not inside_words(LEX)
