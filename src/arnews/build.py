"""Turning the claimed pieces of a :class:`~arnews.state.PageState` into an :class:`Article`.

Runs once, after the detectors. Each piece becomes a :class:`~arnews.model.Part`; the
article's fields take the cleaned text of the pieces of their kind, in input order.
"""

from __future__ import annotations

from itertools import compress, repeat
from operator import eq, is_not, itemgetter, not_
from typing import Any

# The builder's parts live in modules of their own; the names tests and tools reach for stay
# importable from here.
from .build_columns import _cut as _cut
from .build_columns import _embedded
from .build_columns import _step as _step
from .build_fields import _distinct_tags as _distinct_tags
from .build_fields import _fields as _fields
from .build_fields import _Values
from .build_one import _article as _article
from .build_one import _one_by_one
from .model import Article
from .state import ARTICLE, LINE, MAIN, PageState, Piece

__all__ = ["build_article"]


_LINE_OF = itemgetter(LINE)
_ARTICLE_OF = itemgetter(ARTICLE)


def _piece_articles(article: list[int], pieces: list[Piece]) -> list[int]:
    """The article of each of ``pieces`` (what :meth:`PageState.article_of` gives), in
    C-level passes: most pieces name none and belong to their line's article.

    Example:
        >>> _piece_articles([0, 1], [(0, "title", 0, 1, None, None, None),
        ...                          (1, "title", 2, 3, None, None, None),
        ...                          (0, "marker", 4, 5, 2, "read_also", None)])
        [0, 1, 2]
    """
    arts = list(map(article.__getitem__, map(_LINE_OF, pieces)))
    own = list(map(_ARTICLE_OF, pieces))
    if own.count(None) != len(own):
        for k in compress(range(len(own)), map(is_not, own, repeat(None))):
            arts[k] = own[k]
    return arts


def _of_main(articles: list[int]) -> tuple[list[bool], list[bool]]:
    """Which of ``articles`` are the main article, and which are not (two masks for
    ``compress``).

    Example:
        >>> _of_main([0, 1, 0])
        ([True, False, True], [False, True, False])
    """
    main = list(map(eq, articles, repeat(MAIN)))
    return main, list(map(not_, main))


# From this many read-also articles on, they are built column by column (below it, the
# columns' set-up costs more than building each on its own).
_COLUMNS = 12


def build_article(state: PageState) -> Article:
    """Build the page's main article, with its read-also articles inside it."""
    n = state.n_articles
    pieces, whole = state.pieces, state.whole
    cuts = (state.cut_starts, state.cut_ends)
    values: _Values = ({}, {})
    if n == 1:
        return _article(state, pieces, whole, cuts, values, last=True)
    # The main article's pieces, lines and cuts, then the read-also articles' (each list in
    # the order it was made), picked out in C-level passes.
    article = state.article
    piece_articles = _piece_articles(article, pieces)
    whole_articles = list(map(article.__getitem__, whole))
    cut_articles = list(map(article.__getitem__, state.cut_lines))

    # Which rows of each list are the main article's, told once a list.
    in_pieces, in_whole, in_cuts = map(_of_main, (piece_articles, whole_articles, cut_articles))

    def mains(column: list[Any], of_main: tuple[list[bool], list[bool]]) -> list[Any]:
        return list(compress(column, of_main[0]))

    def others(column: list[Any], of_main: tuple[list[bool], list[bool]]) -> list[Any]:
        return list(compress(column, of_main[1]))

    embed = _embedded if n - 1 >= _COLUMNS else _one_by_one

    def read_also() -> tuple[Article, ...]:
        return tuple(
            embed(
                state,
                n,
                others(pieces, in_pieces),
                others(piece_articles, in_pieces),
                others(whole, in_whole),
                others(whole_articles, in_whole),
                (others(cuts[0], in_cuts), others(cuts[1], in_cuts)),
                others(cut_articles, in_cuts),
                values,
            )
        )

    # The main article's fields first, then the read-also articles (their warnings after its
    # own), then the main article made once with them and the page's warnings.
    return _article(
        state,
        mains(pieces, in_pieces),
        mains(whole, in_whole),
        (mains(cuts[0], in_cuts), mains(cuts[1], in_cuts)),
        values,
        last=True,
        read_also=read_also,
    )
