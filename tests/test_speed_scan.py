"""The first pass's shortcuts give the answers of the general code: a marker line tried
only against the kinds its first two characters can open."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from arnews import Lexicon, Parser
from arnews.detectors import markers
from arnews.lexicon import MARKER_KINDS
from arnews.lexicon.marker_sets import kind_pair_matchers, marker_pairs
from arnews.state import PageState

_LEXICON = Lexicon.default()
_PHRASES = [p for ps in _LEXICON.markers.values() for p in ps]
_LEAD = st.text(alphabet="\u0640\u064b\u0651 \t\xa0•-*»\u200c", max_size=3)


def test_kind_pairs_make_up_the_marker_pairs() -> None:
    table = kind_pair_matchers(_LEXICON)
    assert [kind for kind, _, _ in table] == list(MARKER_KINDS)
    assert frozenset().union(*(pairs for _, pairs, _ in table)) == _LEXICON.marker_pairs
    assert marker_pairs(_LEXICON) == _LEXICON.marker_pairs
    assert kind_pair_matchers(_LEXICON) is table  # made once per lexicon


def test_a_one_letter_phrase_turns_the_pairs_off() -> None:
    lexicon = Lexicon.default().extend(markers={"source": ["م"]})
    assert kind_pair_matchers(lexicon) == ()
    state = PageState.of("م: سرايا\nنص الخبر.", lexicon=lexicon)
    markers.detect_markers(state)
    assert state.kind[0] == "source"


@given(
    _LEAD,
    st.sampled_from([*_PHRASES, "قال", "وأضاف", "ال", "اقرأ", "نشر"]),
    st.text(alphabet="\u0640\u064b :ا", max_size=2),
    st.text(max_size=8),
)
def test_a_line_a_kind_matches_opens_with_one_of_its_pairs(
    lead: str, phrase: str, inside: str, tail: str
) -> None:
    word = phrase.rstrip("$:")
    line = (lead + word[:1] + inside + word[1:] + tail).strip()
    if not line:
        return
    for kind, pairs, match in kind_pair_matchers(_LEXICON):
        if match(line, 0, min(len(line), 80)) is not None:
            assert line[:2] in pairs, kind
    # The decision is the one every kind's pattern gives.
    stop = min(len(line), 80)
    mine = markers._match_kinds(_LEXICON, kind_pair_matchers(_LEXICON), line, stop)
    every = _LEXICON._match_kinds(line, MARKER_KINDS, 0, stop)
    assert (mine and (mine[0], mine[1].span())) == (every and (every[0], every[1].span()))


@given(st.lists(st.sampled_from([None, "source", "keywords", "title"]), max_size=40))
def test_lines_of_one_kind_or_more_gives_every_line_of_them_in_order(
    kinds: list[str | None],
) -> None:
    state = PageState.of("\n".join("أ" for _ in kinds))
    state.kind[:] = kinds
    for wanted in ([None], ["source"], ["title", "source"], ["keywords", None, "title"]):
        expected = [i for i, k in enumerate(kinds) if k in wanted]
        assert state.lines_of(*wanted) == expected


def test_sources_leave_a_page_without_a_source_marker_alone() -> None:
    from arnews.detectors.sources import detect_sources

    state = PageState.of("نص الخبر.\nمصدر: ليس علامة")
    detect_sources(state)
    assert state.pieces == [] and state.warnings == []


def test_a_page_compiles_the_patterns_of_the_marker_kinds_its_lines_open_only() -> None:
    # The kinds' patterns are compiled when a line first needs one: the first parse of a
    # process does not pay for every kind's.
    lexicon = Lexicon.from_dict(Lexicon.default().to_dict())
    page = "قال الوزير إن الخطة جاهزة.\nاقرأ أيضا: خبر آخر عن الخطة"
    article = Parser(lexicon=lexicon).parse(page)
    assert article.read_also[0].title == "خبر آخر عن الخطة"
    assert sorted(k for k in lexicon._compiled if k.startswith("kind:")) == ["kind:read_also"]


# Lines with nothing to trim (the scanner then takes each line's start as its content's) and
# lines with blanks at either end, in any mix, broken by "\n" alone or by other breaks too.
_PLAIN_LINE = st.text(alphabet="اب.:", min_size=1, max_size=6)
_PADDED_LINE = st.builds(
    lambda a, t, b: a + t + b,
    st.sampled_from(("", " ", "\t")),
    _PLAIN_LINE,
    st.sampled_from(("", " ", "\xa0")),
)


@given(
    st.lists(st.one_of(_PLAIN_LINE, _PADDED_LINE, st.just("")), max_size=12),
    st.sampled_from(("\n", "\r\n", "\u2028")),
)
def test_lines_with_or_without_blanks_to_trim_scan_as_split_would(
    lines: list[str], brk: str
) -> None:
    from arnews.lines import scan_heads

    text = brk.join(lines)
    cols, heads = scan_heads(text)
    want: list[tuple[int, int, str]] = []
    at = 0
    for line in lines:
        content = line.strip()
        if content:
            start = at + line.index(content)
            want.append((start, start + len(content), content))
        at += len(line) + len(brk)
    assert list(zip(cols.starts, cols.ends, cols.texts, strict=True)) == want
    assert heads == [t[0] for t in cols.texts]


@given(st.lists(st.sampled_from(":•-ب \xa0\u200b\t"), max_size=30), st.booleans())
def test_a_page_of_one_character_lines_scans_as_the_general_path(
    chars: list[str], last_break: bool
) -> None:
    from arnews import lines

    text = "\n".join(chars) + ("\n" if last_break and chars else "")
    # The short-line path serves long pages only: here it serves every page.
    saved = lines.FAST_SCAN_CHARS, lines.FAST_SCAN_LINE
    lines.FAST_SCAN_CHARS, lines.FAST_SCAN_LINE = 0, 1 << 30
    try:
        got = lines.scan_heads(text) if text else lines._scan_any(text)
    finally:
        lines.FAST_SCAN_CHARS, lines.FAST_SCAN_LINE = saved
    assert got == lines._scan_any(text)
    assert got[1] is not got[0].texts  # the first characters are a list of their own


def test_a_megabyte_of_colon_lines_is_each_line_its_own_content() -> None:
    from arnews.lines import scan_heads

    text = ":\n" * 500_000
    cols, heads = scan_heads(text)
    assert cols.starts[-1] == len(text) - 2 and cols.ends[-1] == len(text) - 1
    assert heads == cols.texts == [":"] * 500_000
