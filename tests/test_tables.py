"""The detectors' per-lexicon tables: made once per lexicon, and what they say."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from arnews import Lexicon
from arnews.detectors.tables import (
    credit_openers,
    furniture_heads,
    inside_words,
    name_openers,
    per_object,
)
from arnews.gazetteer import DEFAULT_GAZETTEER
from arnews.normalize import fold

from .strategies import arabic_text

LEX = Lexicon.default()


def test_tables_are_kept_per_lexicon() -> None:
    assert credit_openers(LEX) is credit_openers(LEX)
    assert name_openers(DEFAULT_GAZETTEER) is name_openers(DEFAULT_GAZETTEER)
    other = LEX.replace(boilerplate_inside=("حقوق النشر",))
    caseless, cased, hint, _ = inside_words(other)
    assert dict(caseless) == {"النشر": (("حقوق",),)} and not cased and hint is None
    assert inside_words(other) is not inside_words(LEX)


def test_a_table_goes_with_its_lexicon() -> None:
    from arnews.detectors import tables

    def size(lexicon: Lexicon) -> int:
        return len(lexicon.bylines)

    other = LEX.extend(bylines=["مراسلنا"])
    assert per_object(other, size) == len(LEX.bylines) + 1
    key = (id(other), size)
    assert key in tables._TABLES
    del other
    assert key not in tables._TABLES


def test_credit_openers_are_the_folded_first_words() -> None:
    credits = LEX.credits
    words = [*credits.get("markers", ()), *credits.get("offices", ()), *LEX.bylines]
    assert credit_openers(LEX) == {fold(w).split()[0] for w in words if fold(w)}


def test_inside_words_say_what_may_hold_inside_says() -> None:
    from arnews.detectors.boilerplate import _may_hold_inside

    texts = [
        "© 2025 سكاي نيوز عربية",
        "جميع الحقوق محفوظة",
        "كل الحقوق محفوظة",
        "صورة: GETTY Images",
        "All Rights Reserved",
        "ALL RIGHTS RESERVED",
        "all rights reserved",
        "GETTY İMAGES",
        "getty images",
        "\u212aeep",
        "اضغط هنا",
        "خبر عادي عن الاقتصاد",
        "الحقوق",
        "",
    ]
    for text in texts:
        assert _may_hold_inside(LEX, text) == LEX.may_hold_inside(text), text


def test_phrases_in_latin_letters_are_read_on_the_lower_case() -> None:
    caseless, cased, hint, letters = inside_words(LEX.replace(boilerplate_inside=("Kodak", "©")))
    assert dict(caseless) == {"©": ((),)} and dict(cased) == {"kodak": ((),)}
    # The hint finds the cased phrases' longest words in any spelling that lower-cases to
    # them (KELVIN SIGN is a `k`), and nothing else: a text of other Latin words is not
    # lower-cased.
    assert hint is not None and hint.search("\u212aODA\u212a") is not None
    assert hint.search("صورة: kODAK") is not None
    assert hint.search("خبر") is None and hint.search("KODA Images") is None
    # Each spelling of the hint's words holds one of the letters: "kodak"'s fewest
    # spellings are its "o"'s, or its "d"'s, or its "a"'s (KELVIN SIGN is a third "k").
    assert letters in (("O", "o"), ("D", "d"), ("A", "a"))
    _, _, none, _ = inside_words(LEX.replace(boilerplate_inside=("Été",)))
    assert none is None  # a letter outside ASCII: the text is always lower-cased


_PHRASE_SPELLINGS = st.sampled_from(LEX.boilerplate_inside).flatmap(
    lambda p: st.sampled_from([p, p.upper(), p.lower(), p.title(), p.swapcase()])
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(arabic_text, _PHRASE_SPELLINGS), max_size=6))
def test_the_inside_test_is_the_lexicons(parts: list[str]) -> None:
    from arnews.detectors.boilerplate import _may_hold_inside

    text = "\n".join(parts)
    assert _may_hold_inside(LEX, text) == LEX.may_hold_inside(text)


_MENU_CHARS = st.sampled_from(["|", "»", "›", ">", "/", "-", "\u2013", "\u2014"])
_SPACES = st.sampled_from([" ", "  ", "\t", "\xa0", "\u2009", "\x1c", "\u3000", ""])


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.one_of(_MENU_CHARS, _SPACES, st.sampled_from(["الرئيسية", "أخبار", "x"]), arabic_text),
        max_size=14,
    ).map("".join)
)
def test_menu_items_are_what_the_white_space_pattern_split(line: str) -> None:
    import regex

    from arnews.detectors.boilerplate import _MENU_SEPARATORS, _WEAK_SEPARATORS, _items

    for chars, separators in (("|»›>", _MENU_SEPARATORS), ("/\\-\u2013\u2014", _WEAK_SEPARATORS)):
        expected = [p for p in regex.split(rf"\s*[{chars}]\s*", line) if p]
        assert _items(line, separators) == expected


def test_the_white_space_is_what_regex_reads_as_white_space() -> None:
    import regex

    from arnews.detectors.boilerplate import _WHITE_SPACE

    space = regex.compile(r"\s")
    found = {chr(c) for c in range(0x110000) if space.match(chr(c))}
    assert found == set(_WHITE_SPACE)


_OPENING_TEXT = st.lists(
    st.sampled_from([*"اأإآلقرطبعةتمصدى ـَُِ©:|-•(AaGgKk\u212a", "ال", "اقرأ", "طباعة"]),
    max_size=8,
).map(lambda parts: "".join(parts).strip())


def _opens(line: str) -> bool:
    opening = furniture_heads(LEX).openings.get(line[0])
    return opening is not None and opening.match(line) is not None


def _whole(line: str) -> bool:
    return line[0] in LEX.boilerplate_heads and LEX._pattern("furniture").match(line) is not None


@settings(max_examples=300, deadline=None)
@given(_OPENING_TEXT)
def test_furniture_openings_match_where_the_whole_tree_does(line: str) -> None:
    assume(line)
    assert _opens(line) == _whole(line)


def test_furniture_openings_known_lines() -> None:
    for line in ("طباعة", "اقرأ أيضا", "تـابِعونا على تويتر", "©2024", "Getty Images"):
        assert _opens(line) == _whole(line)
    assert _opens("طباعة") and not _opens("عنوان الخبر")
