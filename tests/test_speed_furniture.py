"""The furniture detector's page-level searches let through every line its per-line tests
take: the joined-lines candidate search (``line_candidates``) finds each line that the loose
tree's opening of its first character, or the ticker pattern, matches."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from arnews import Lexicon
from arnews.lexicon.loose import line_candidates, loose_openings
from arnews.lexicon.patterns import furniture_phrases

LEX = Lexicon.default()
# Phrases that open with punctuation (which the skip between letters also takes), with
# letters, one a prefix of another, one of two letters; and tickers.
_PHRASES = ("(صورة:", "-انتهى", "//انتهى", "A+A-", "AA", "طباعة", "طباعة الخبر", "شارك", "شاهد")
_TICKERS = ("عاجل", "شريط الأخبار", "Breaking")

_LINE = st.lists(
    st.sampled_from(
        [
            *"اأإآلقرطبعةتمصدىشهـَُِ©:|-/+(•AaGgKkBb\u212a\u200f\u00a0 ",
            "ال",
            "اقرأ",
            "طباعة",
            "شارك",
            "---",
            "(صورة",
            "انتهى",
            "A+A",
            "عاجل",
            "شريط",
            "Break",
        ]
    ),
    min_size=1,
    max_size=10,
).map(lambda parts: "".join(parts).strip() or "ا")


def _check(lines: list[str], phrases: tuple[str, ...], tickers: tuple[str, ...]) -> None:
    lexicon = LEX.replace(tickers=tickers) if tickers != LEX.tickers else LEX
    heads = frozenset("".join(phrases)) | LEX.boilerplate_heads
    openings = loose_openings(phrases, heads)
    found = set(line_candidates(phrases, tickers).findall("\n" + "\n".join(lines)))
    for line in lines:
        opening = openings.get(line[0])
        if opening is not None and opening.match(line) is not None:
            assert line in found, line
        if lexicon.ticker_pattern.match(line) is not None:
            assert line in found, line


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE, min_size=1, max_size=4))
def test_candidates_hold_every_line_the_openings_or_tickers_match(lines: list[str]) -> None:
    _check(lines, tuple(furniture_phrases(LEX)), LEX.tickers)
    _check(lines, _PHRASES, _TICKERS)


def test_candidates_do_not_run_into_the_next_line() -> None:
    pattern = line_candidates(("طباعة",), ())
    assert pattern.findall("\n---\nطباعة\nنص") == ["طباعة"]
    assert pattern.findall("\n---\n" * 3) == []


def test_a_key_the_skip_takes_alone_makes_every_line_a_candidate() -> None:
    pattern = line_candidates(("---",), ())
    assert pattern.findall("\nنص\n-") == ["نص", "-"]


def test_a_line_ended_by_sentence_punctuation_is_no_menu_item_and_ends_a_sentence() -> None:
    from arnews.detectors.boilerplate import _NOT_ITEM, _SENTENCE_ENDS
    from arnews.text import CLOSERS, ends_sentence

    assert _SENTENCE_ENDS <= CLOSERS
    for char in _SENTENCE_ENDS:
        assert _NOT_ITEM.search(char) is not None, char
        assert ends_sentence("خبر" + char)


def test_the_top_of_a_page_still_holds_its_menu() -> None:
    from arnews import parse

    page = "الرئيسية | أخبار | رياضة\nسياسة\nاقتصاد\nرياضة\nثقافة\nنص الخبر هنا.\nالصحة"
    article = parse(page)
    assert "الرئيسية | أخبار | رياضة" in article.boilerplate
    assert "الصحة" not in article.boilerplate


# Lines of a page for the small-page path: furniture, credits, tickers, a body line, and long
# lines that open like furniture (past MAX_CHARS, or past MAX_INSIDE_CHARS) or hold a credit.
_PAGE_LINE = st.one_of(
    _LINE,
    st.sampled_from(
        [
            "طباعة",
            "شارك",
            "عاجل: الرئيس يصل إلى القاهرة",
            "© 2025 سكاي نيوز عربية. جميع الحقوق محفوظة",
            "الصورة: رويترز",
            "نص الخبر هنا.",
            "طباعة " + "الكتب " * 80,
            "جميع الحقوق محفوظة " + "نص " * 50,
            "نص  نص  نص  نص  نص  نص  نص  نص  نص  نص  نص  نص  نص اضغط هنا",
            "نص\u00a0نص اضغط هنا",
        ]
    ),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PAGE_LINE, min_size=1, max_size=12))
def test_a_small_page_is_judged_as_a_large_one(lines: list[str]) -> None:
    """A small page's lines, searched and counted as they come, are claimed as the distinct
    lines of a large page are."""
    import arnews.detectors.boilerplate as boilerplate
    from arnews.state import PageState

    text = "\n".join(lines)
    small = PageState.of(text)
    boilerplate.detect_boilerplate(small)
    large = PageState.of(text)
    saved = boilerplate.SMALL_PAGE
    boilerplate.SMALL_PAGE = 0
    try:
        boilerplate.detect_boilerplate(large)
    finally:
        boilerplate.SMALL_PAGE = saved
    assert small.kind == large.kind
    assert small.rest == large.rest


def test_a_small_page_leaves_out_a_long_line_that_opens_like_furniture() -> None:
    from arnews import parse

    long_line = "طباعة " + "الكتب " * 80
    article = parse("نص الخبر هنا.\n" + long_line + "\nطباعة")
    assert article.boilerplate == ("طباعة",)
