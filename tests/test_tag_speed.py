"""The tag segmenter's faster paths give what the plain ones gave: occurrences found by one
split, the article's repeated windows read once, the page around the tag lines searched in
place, and shared spans for a caller that only reads them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from arnews import Parser
from arnews.detectors.keywords import _outside
from arnews.tags.evidence import _FIND_ONE_BY_ONE, _Context, _find_each, _windows
from arnews.tags.segment import _segment_lines


def _scan(context: str, probes: list[str]) -> list[tuple[int, int]]:
    """Each probe's occurrences, left to right without overlap, one ``find`` at a time."""
    hits: list[tuple[int, int]] = []
    for probe in probes:
        pos = context.find(probe)
        while pos >= 0:
            hits.append((pos, len(probe)))
            pos = context.find(probe, pos + len(probe))
    return hits


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="اب ن\n", max_size=400), st.lists(st.text("اب ن", min_size=1, max_size=3)))
def test_find_each_is_the_scan(context: str, probes: list[str]) -> None:
    assert _find_each(context, probes) == _scan(context, probes)


def test_many_occurrences_are_found_by_a_split() -> None:
    context = "قال الرئيس إن الاتفاق قريب.\n" * (3 * _FIND_ONE_BY_ONE)
    probes = ["الرئيس", "قريب", "غائب", "ق"]
    assert _find_each(context, probes) == _scan(context, probes)
    assert len(_find_each(context, ["الرئيس"])) == 3 * _FIND_ONE_BY_ONE


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["البيت الأبيض قال.", "جو بايدن", "غزة", "في", "\n"]), max_size=40))
def test_repeated_windows_give_the_same_evidence(pieces: list[str]) -> None:
    context = " ".join(pieces)
    needed = frozenset({"البيت", "الابيض", "جو", "بايدن", "غزه"})
    probes = ["البيت", "الأبيض", "الابيض", "جو", "بايدن", "غزة", "غزه"]
    # Evidence from the windows as they are, repeats included (what build read before).
    whole = _Context.build(_windows(context, probes), needed)
    once = _Context.build(context, needed, probes)
    assert (once.words, once.grams) == (whole.words, whole.grams)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="اب نك\n", max_size=200), st.data())
def test_outside_is_the_page_without_the_lines(text: str, data: st.DataObject) -> None:
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=24, unique=True)))
    starts, ends = cuts[0 : len(cuts) - len(cuts) % 2 : 2], cuts[1::2]
    bounds = [0, *(b for pair in zip(starts, ends, strict=True) for b in pair), len(text)]
    around = "\n".join(text[a:b] for a, b in zip(bounds[0::2], bounds[1::2], strict=True))
    holds = _outside(text, starts, ends)
    for word in ("ا", "ب", "اب", "ن ك", "كا", "باب"):
        assert holds(word) == (word in around)


def test_shared_spans_are_the_own_ones() -> None:
    lines = ["البيت الأبيض جو بايدن", "غزة حماس", "البيت الأبيض جو بايدن"]
    article = "قال البيت الأبيض إن جو بايدن زار غزة."
    own = _segment_lines(lines, article, None, None, None)
    shared = _segment_lines(lines, article, None, None, None, own=False)
    assert own == shared
    assert own[0][0] is not own[0][2]


def test_a_page_of_repeated_tag_lines_parses_as_before() -> None:
    body = "قال الرئيس إن الاتفاق قريب.\n" * 40
    tags = "كلمات دلالية: الرئيس الاتفاق قريب\n" * 40
    article = Parser().parse(body + tags)
    assert article.keywords == ("الرئيس", "الاتفاق", "قريب")
    assert len(article.paragraphs) == 40
