"""Related headlines set inside the body: lines that are other articles' headlines.

A candidate is a line without closing punctuation that follows a paragraph of running text.
It is taken out of the body only on evidence (two points are needed); when in doubt it stays,
since losing article text is worse than keeping a headline:

* 2 — the page lists the same headline elsewhere (its similar list);
* 2 — it holds words glued together with no space (``ليبياإعلام``, ``غزةعضو``) and every
  glued piece is headline-sized: a widget's headlines run together;
* 2 — it is short and the page's footer (source, tags, read-also, lists) follows at once;
* 1 — it carries a headline tag: ``(فيديو)``, ``(صور)``, ``عاجل|``;
* 1 — it is long for a line with no closing punctuation (several headlines in a row).

A line in which a sentence ends and another begins, or that opens with a word that continues
running text (``والحمد لله …``, ``لكن``), is body text whatever else it shows.

An article's own subheadings (short, unpunctuated, followed by more paragraphs) have no such
evidence and stay in the body. A taken line is split into headlines where the evidence
allows (glued words, known headlines), otherwise kept whole.
"""

from __future__ import annotations

from itertools import pairwise

from ..normalize import fold
from ..state import PageState
from ..text import (
    ends_sentence,
    glue_points,
    has_inner_sentence_end,
    has_media_tag,
    opens_with_clause_word,
    word_count,
)
from .regions import split_headlines

__all__ = ["detect_related", "headline_evidence"]

_FOOTER_KINDS = frozenset({"source", "keywords", "share", "read_also", "headlines"})
THRESHOLD = 2
# A headline before the footer is short; a long unpunctuated line there is still body.
MAX_FOOTER_HEADLINE_WORDS = 25
# An unpunctuated line this long is more likely a row of headlines than a subheading.
LONG_LINE_WORDS = 18
# Glued pieces longer than this are a subheading run into its paragraph, not headlines.
# (A widget may glue more headlines than the letters show, so one piece may hold two.)
MAX_GLUED_PIECE_WORDS = 35


def headline_evidence(state: PageState, i: int, text: str) -> int:
    """Score the evidence that open line ``i`` (text ``text``) is another article's headline."""
    if has_inner_sentence_end(text) or opens_with_clause_word(text):
        return 0
    score = 0
    key = fold(text)
    if key in state.similar_keys or any(k in key for k in state.similar_keys if len(k) > 20):
        score += 2
    points = glue_points(text)
    if points:
        bounds = [0, *points, len(text)]
        pieces = (text[a:b] for a, b in pairwise(bounds))
        if all(word_count(p) <= MAX_GLUED_PIECE_WORDS for p in pieces):
            score += 2
    words = word_count(text)
    nxt = i + 1
    if (
        words <= MAX_FOOTER_HEADLINE_WORDS
        and nxt < len(state.lines)
        and state.kind[nxt] in _FOOTER_KINDS
        and state.article[nxt] == state.article[i]
    ):
        score += 2
    if has_media_tag(text):
        score += 1
    if words >= LONG_LINE_WORDS:
        score += 1
    return score


def detect_related(state: PageState) -> None:
    """Claim body lines that are other articles' headlines."""
    prev_sentence: dict[int, bool] = {}
    # Locals: this loop runs once per line, half a million times on a hostile megabyte.
    kinds, rests, articles, page = state.kind, state.rest, state.article, state.text
    for i, line in enumerate(state.lines):
        if kinds[i] is not None or rests[i] >= line.end:
            continue
        article = articles[i]
        text = line.text if rests[i] == line.start else page[rests[i] : line.end]
        closed = ends_sentence(text)
        if (
            not closed
            and prev_sentence.get(article)
            and headline_evidence(state, i, text) >= THRESHOLD
        ):
            rest = state.rest[i]
            for s, e in split_headlines(text, rest, state.similar_keys):
                state.claim(i, "related_headline", s, e)
            state.rest[i] = state.lines[i].end
            state.kind[i] = "related"
            continue
        prev_sentence[article] = closed
