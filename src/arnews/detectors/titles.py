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
    if state.n_articles == 1:
        return  # no read-also article: nothing to do, whatever the page's length
    kinds, articles = state.kind, state.article
    done = {MAIN}
    # The lines that can hold a title: open text no detector classified, and read-also
    # markers (an inline title). An article's lines may be interleaved with those of the
    # articles a headline list opened, so each article is settled by its first such line.
    for i in state.lines_of(None, "read_also"):
        article = articles[i]
        if article in done:
            continue
        kind = kinds[i]
        if kind == "read_also":
            if state.is_open(i):
                state.claim_rest(i, "title")
                done.add(article)
        elif state.is_open(i):
            if word_count(state.rest_text(i), limit=MAX_TITLE_WORDS) <= MAX_TITLE_WORDS:
                state.claim_rest(i, "title")
                kinds[i] = "title"
            done.add(article)
        if len(done) == state.n_articles:
            break
