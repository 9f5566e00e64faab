"""Turning the claimed pieces of a :class:`~arnews.state.PageState` into an :class:`Article`.

Runs once, after the detectors. Each piece becomes a :class:`~arnews.model.Part`; the
article's fields take the cleaned text of the pieces of their kind, in input order.
"""

from __future__ import annotations

from itertools import compress
from operator import not_

from .articles import Articles

# The builder's parts live in modules of their own; the names tests and tools reach for stay
# importable from here.
from .build_columns import _cut as _cut
from .build_columns import _embedded
from .build_columns import _step as _step
from .build_fields import _distinct_tags as _distinct_tags
from .build_fields import _fields as _fields
from .build_fields import _run_columns, _Values
from .build_one import _article as _article
from .build_one import _one_by_one, _whole_lines_article
from .model import Article
from .state import ARTICLE, LINE, PageState

__all__ = ["build_article"]


# From this many read-also articles on, they are built column by column (below it, the
# columns' set-up costs more than building each on its own).
_COLUMNS = 12


def build_article(state: PageState) -> Article:
    """Build the page's main article, with its read-also articles inside it."""
    n = state.n_articles
    pieces, whole = state.pieces, state.whole
    cuts = (state.cut_starts, state.cut_ends)
    values: _Values = ({}, {})
    if state.runs:
        # Claims made in bulk (a long similar list): a page of one article reads them as
        # columns; a page of several, or one where a value lost controls, as pieces.
        runs = _run_columns(state, state.runs, values) if n == 1 else None
        if runs is not None:
            return _article(state, pieces, whole, cuts, values, last=True, runs=runs)
        state.unpack_runs()
    if n == 1:
        if not pieces and not cuts[0]:  # whole-line paragraphs only: most pages
            return _whole_lines_article(state, whole, True, None)
        return _article(state, pieces, whole, cuts, values, last=True)
    # The main article's pieces, lines and cuts, then the read-also articles' (each list in
    # the order it was made), picked out in C-level passes. An article number is an int, and
    # only the main article's (``MAIN``, 0) is false: the numbers themselves select the
    # read-also articles' rows, and one pass of ``not`` a column the main article's (where a
    # comparison with ``MAIN`` costs twice as much a row, and its inverse a pass more).
    article = state.article
    piece_articles = [article[p[LINE]] if p[ARTICLE] is None else p[ARTICLE] for p in pieces]
    whole_articles = list(map(article.__getitem__, whole))
    cut_articles = list(map(article.__getitem__, state.cut_lines))
    piece_main = list(map(not_, piece_articles))
    whole_main = list(map(not_, whole_articles))
    cut_main = list(map(not_, cut_articles))

    def read_also() -> Articles:
        args = (
            state,
            n,
            list(compress(pieces, piece_articles)),
            list(filter(None, piece_articles)),
            list(compress(whole, whole_articles)),
            list(filter(None, whole_articles)),
            (list(compress(cuts[0], cut_articles)), list(compress(cuts[1], cut_articles))),
            list(filter(None, cut_articles)),
            values,
        )
        if n - 1 >= _COLUMNS:
            return _embedded(*args)  # as columns, made into articles when first read
        return Articles._of(tuple(_one_by_one(*args)))

    # The main article's fields first, then the read-also articles (their warnings after its
    # own), then the main article made once with them and the page's warnings.
    return _article(
        state,
        list(compress(pieces, piece_main)),
        list(compress(whole, whole_main)),
        (list(compress(cuts[0], cut_main)), list(compress(cuts[1], cut_main))),
        values,
        last=True,
        read_also=read_also,
    )
