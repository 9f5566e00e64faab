"""Which lines head each article: the first two open lines of each, found in C-level passes.

The credit, dateline and stamp detectors read only an article's first lines; on a page of
many articles (a chain of read-also articles) those are found here for all articles at once.

Example:
    >>> from arnews.state import PageState
    >>> head_lines(PageState.of("أ\\nب\\nج"))
    ({0}, [1])
"""

from __future__ import annotations

from itertools import compress
from operator import lt, not_

from ..state import PageState

__all__ = ["article_heads", "head_lines"]


def article_heads(state: PageState) -> list[int]:
    """Each article's first two open lines that no detector classified, in order.

    Example:
        >>> state = PageState.of("أ\\nب\\nج")
        >>> article_heads(state)
        [0, 1]
    """
    firsts, seconds = head_lines(state)
    return sorted(firsts.union(seconds))


def head_lines(state: PageState) -> tuple[set[int], list[int]]:
    """Each article's first open line that no detector classified, and the second (of the
    articles that have one).

    Found in C-level passes: read backwards, the last line kept for an article is its first.

    Example:
        >>> state = PageState.of("أ\\nب\\nج")
        >>> head_lines(state)
        ({0}, [1])
    """
    articles, rests, ends = state.article, state.rest, state.ends
    # The lines no detector classified first (on a page of many articles, most lines are
    # markers and titles), then those of them with text left.
    fresh = state.lines_of(None)
    back = list(
        compress(fresh, map(lt, map(rests.__getitem__, fresh), map(ends.__getitem__, fresh)))
    )
    back.reverse()
    firsts = set(dict(zip(map(articles.__getitem__, back), back, strict=True)).values())
    others = list(compress(back, map(not_, map(firsts.__contains__, back))))
    return firsts, list(dict(zip(map(articles.__getitem__, others), others, strict=True)).values())
