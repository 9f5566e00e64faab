"""Session 13's quick paths give what the general ones give: a line's split remembered per
evidence, the window words' folds read from the memo, and the candidate words' forms."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from arnews.gazetteer import fold_key
from arnews.tags import evidence, segment
from arnews.tags.evidence import _CLAUSE_BREAK, _Context, _folded_words
from arnews.tags.segment import _segment_lines
from arnews.tags.tokens import _FOLD_FAST, _variants

# Words that fold (hamza, teh marbuta), take clitics, and make known phrases and names.
_WORDS = [
    "أخبار",
    "محلية",
    "الأخبار",
    "البيت",
    "الأبيض",
    "جو",
    "بايدن",
    "غزة",
    "حماس",
    "وزارة",
    "الخارجية",
    "للشرق",
    "الأوسط",
    "قال",
]
_AROUND = [*_WORDS, "و", ".", "،", "\n", "في", "اليوم"]


def _fresh(lines: list[str], context: str) -> list[list[tuple[int, int]]]:
    """The split with every line memo emptied: the general path, nothing remembered."""
    segment._LINE_MEMOS.clear()
    return _segment_lines(lines, context, None, None, None)[0]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=5), min_size=1, max_size=3),
    st.lists(st.sampled_from(_AROUND), max_size=40),
)
def test_a_split_remembered_per_evidence_is_the_general_one(
    tags: list[list[str]], around: list[str]
) -> None:
    lines = [" ".join(words) for words in tags]
    context = " ".join(around)
    general = _fresh(lines, context)
    # Weighed once more (now from the memo), alone and among repeats of the page's lines.
    assert _segment_lines(lines, context, None, None, None)[0] == general
    assert _segment_lines(lines * 2, context, None, None, None)[0] == general * 2
    for line in lines:
        alone = _fresh([line], context)
        assert _segment_lines([line], context, None, None, None)[0] == alone
        # Shared lists (``own=False``) hold the same spans.
        assert _segment_lines([line], context, None, None, None, own=False)[0] == alone


def test_edge_shapes_of_a_remembered_split() -> None:
    long_line = " ".join(["البيت الأبيض جو بايدن"] * 80)  # longer than a remembered line
    assert len(long_line) > segment._MAX_LINE_CHARS
    cases = [
        ([""], "قال البيت الأبيض"),  # an empty line
        (["غزة"], "غزة"),  # one word
        (["البيت الأبيض"], ""),  # an empty article
        (["أخبار محلية"], "أخبار كثيرة و محلية"),  # the words apart: kept apart
        (["أخبار محلية"], "أخبار محلية"),  # the words as a run
        ([long_line], "قال البيت الأبيض إن جو بايدن"),
        (["غزة حماس", "غزة حماس", "البيت الأبيض"], "غزة و حماس"),  # repeated lines
    ]
    for lines, context in cases:
        general = _fresh(lines, context)
        assert _segment_lines(lines, context, None, None, None)[0] == general
        assert _segment_lines(lines, context, None, None, None)[0] == general
    # The long line was weighed, not remembered.
    for entry in segment._LINE_MEMOS.values():
        assert all(line != long_line for line, _, _ in entry[3])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([*_AROUND, "أ.", "(غزة)", "ـ", "Gaza", "GAZA"]), max_size=30))
def test_folded_words_from_the_memo_are_the_whole_text_folded(words: list[str]) -> None:
    text = " ".join(words)
    whole = _CLAUSE_BREAK.sub(" # ", text).translate(_FOLD_FAST).casefold().split()
    evidence._FOLDED.clear()
    assert _folded_words(text) == whole  # every word new
    assert _folded_words(text) == whole  # every word remembered
    if words:
        evidence._FOLDED.pop(words[0], None)
    assert _folded_words(text) == whole  # one word new among remembered ones


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4),
    st.lists(st.sampled_from(_AROUND), max_size=40),
)
def test_evidence_with_and_without_remembered_variants(tags: list[str], around: list[str]) -> None:
    needed = frozenset(v for word in tags for v in _variants(fold_key(word)))
    context = " ".join(around)
    probes = [*tags, *map(fold_key, tags)]
    evidence._VARIANTS.clear()
    cold = _Context.build(context, needed, probes)
    warm = _Context.build(context, needed, probes)
    assert (cold.words, cold.grams) == (warm.words, warm.grams)
