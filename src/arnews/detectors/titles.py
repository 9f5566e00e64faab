"""Titles of embedded (read-also) articles: the first line after the marker.

The main article of an aggregator page has no title line (its headline is not in the
scraped text); each read-also article starts with its own::

    إقرأ أيضاً:
    السيسي وملك البحرين يشددان على ضرورة الوقف الفوري …   → title
    إقرأ أيضاً: جهود مكثفة لعقد اتفاق تهدئة بغزة         → title, on the marker's line
"""

from __future__ import annotations

from ..state import MAIN, PageState
from ..text import word_count

__all__ = ["detect_titles"]

# A first line longer than this is a paragraph: the article has no title.
MAX_TITLE_WORDS = 40


def detect_titles(state: PageState) -> None:
    """Claim the title of each read-also article."""
    done = {MAIN}
    for i in range(len(state.lines)):
        article = state.article[i]
        if article in done:
            continue
        kind = state.kind[i]
        if kind == "read_also":
            if state.is_open(i):
                state.claim_rest(i, "title")
                done.add(article)
            continue
        if kind is None and state.is_open(i):
            if word_count(state.rest_text(i)) <= MAX_TITLE_WORDS:
                state.claim_rest(i, "title")
                state.kind[i] = "title"
            done.add(article)
