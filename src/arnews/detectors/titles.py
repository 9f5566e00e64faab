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
    kinds, articles = state.kind, state.article
    n = len(kinds)
    for a, first in enumerate(state.article_starts()):
        if a == MAIN or first < 0:
            continue
        # The article's lines start at ``first``; lines of later articles mean it has ended
        # (the main article's lines may come in between, after a link).
        for i in range(first, n):
            article = articles[i]
            if article > a:
                break
            if article != a:
                continue
            kind = kinds[i]
            if kind == "read_also":
                if state.is_open(i):
                    state.claim_rest(i, "title")
                    break
                continue
            if kind is None and state.is_open(i):
                if word_count(state.rest_text(i), limit=MAX_TITLE_WORDS) <= MAX_TITLE_WORDS:
                    state.claim_rest(i, "title")
                    kinds[i] = "title"
                break
