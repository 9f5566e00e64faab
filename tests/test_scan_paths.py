"""The scanner's, markers' and regions' shortcuts for repeated and chained lines give the
answers of the general code: marker decisions kept in the lexicon's bounded memo, a line
decided by its one kind's pattern, and a chain of read-also articles laid out at once."""

from __future__ import annotations

from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from arnews import Lexicon, Parser
from arnews.detectors import markers, regions
from arnews.lexicon.core import LINE_MEMO_CHARS, LINE_MEMO_SIZE

PARSER = Parser(time_budget=None)

# Blocks a chain of read-also articles is made of: an article (headline and text), a list
# of headlines, a marker with nothing open after it, the main article's footer, a list
# heading with its items.
_BLOCKS = (
    "إقرأ أيضاً:\nعنوان\nنص.\n",
    "إقرأ أيضاً:\nعنوان أول\nعنوان ثان\n",
    "اقرأ أيضا: عنوان على سطر المؤشر\n",
    "إقرأ أيضاً:\n",
    "إقرأ أيضاً:\nقال الوزير إن الاتفاق قريب من التوقيع بعد جولة طويلة.\n",
    "المصدر: وكالات\n",
    "كلمات دلالية: غزة مصر\n",
    "مقالات مشابهة\n• خبر أول عن الحدث\n• خبر ثان\n",
    "قال الرئيس إن الخطة ستنفذ قريبا في كل المحافظات.\n",
)


def _walked(text: str) -> dict[str, object]:
    with mock.patch.object(regions, "_CHAIN", 10**9):
        return PARSER.parse(text).to_dict()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_BLOCKS), min_size=1, max_size=80), st.sampled_from((1, 2, 16)))
def test_a_chain_of_read_also_articles_is_laid_out_as_the_walk_does(
    blocks: list[str], chain: int
) -> None:
    text = "".join(blocks)
    # (Markers decided on the page's distinct lines at once, too.)
    with mock.patch.object(regions, "_CHAIN", chain), mock.patch.object(markers, "_MANY", 0):
        got = PARSER.parse(text).to_dict()
    assert got == _walked(text)


def test_a_long_chain_gives_one_article_a_block() -> None:
    text = "قال الرئيس إن الخطة ستنفذ.\n" + "إقرأ أيضاً:\nعنوان\nنص.\n" * 40
    article = PARSER.parse(text)
    assert len(article.read_also) == 40
    assert article.to_dict() == _walked(text)


def test_marker_decisions_are_kept_for_short_lines_and_bounded() -> None:
    lexicon = Lexicon.default().extend(boilerplate=["عبارة لا ترد في الصفحات"])
    parser = Parser(lexicon=lexicon)
    memo = lexicon.line_memo("markers")
    assert memo == {}
    long_line = "المصدر: " + "و" * LINE_MEMO_CHARS
    first = parser.parse(f"نص الخبر.\nالمصدر: وكالات\n{long_line}")
    assert "المصدر: وكالات" in memo and long_line not in memo
    # The same page again: answered from the memo, with the same result.
    assert parser.parse(f"نص الخبر.\nالمصدر: وكالات\n{long_line}") == first
    tags = "".join(f"كلمات دلالية: وسم{i}\n" for i in range(LINE_MEMO_SIZE + 10))
    assert parser.parse(tags).keywords
    assert 0 < len(memo) <= LINE_MEMO_SIZE
    # Another lexicon keeps its own decisions.
    assert Lexicon.default().line_memo("markers") is not memo


def test_one_kind_heads_open_one_kind_only() -> None:
    lexicon = Lexicon.default()
    alone = lexicon.one_kind_heads
    assert "ك" in alone and "ا" not in alone
    assert alone <= lexicon.marker_heads


_LEAD = st.text(alphabet="\u0640\u064b\u0651 \t\xa0•-*»\u200c", max_size=3)


@given(
    _LEAD,
    st.sampled_from(
        [p for ps in Lexicon.default().markers.values() for p in ps] + ["قال", "وأضاف", "ال"]
    ),
    st.text(alphabet="\u0640\u064b :ا", max_size=2),
    st.text(max_size=6),
)
def test_a_line_the_marker_pattern_matches_opens_with_a_marker_pair(
    lead: str, phrase: str, inside: str, tail: str
) -> None:
    lexicon = Lexicon.default()
    # Diacritics or tatweel inside the phrase's first letters, as pages write them.
    word = phrase.rstrip("$:")
    line = (lead + word[:1] + inside + word[1:] + tail).strip()
    if line and lexicon.marker_pattern.match(line, 0, 80) is not None:
        assert line[:2] in lexicon.marker_pairs
