"""Claims made in bulk: a :class:`Run` holds many claims of one article as columns.

A detector that claims a long stretch of lines of one shape (the items of a similar list:
a bullet and a headline a line, a quarter of a million lines on a 1 MB page) records them
as one run with :meth:`arnews.state.PageState.claim_run`. The rows are made in C-level
passes, and the builder reads them as columns, where a piece tuple a row cost a Python step
each to make, to sort and to read back (issue 15). The builder makes them pieces
(:meth:`Run.pieces`) where it needs pieces: a page of several articles.

Example:
    >>> kinds, names = ["marker", "similar"], ["bullet", None]
    >>> run = Run(0, [0, 0], kinds, [0, 2], [1, 5], names, "similar", [2], [5], ["عنو"])
    >>> [p[1:4] for p in run.pieces()]
    [('marker', 0, 1), ('similar', 2, 5)]
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import repeat
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from .state import Piece

__all__ = ["Run"]


class Run(NamedTuple):
    """Many claims of one article, as columns, each row trimmed already.

    ``lines``, ``kinds``, ``starts``, ``ends`` and ``names`` are the rows' columns (as a
    :data:`~arnews.state.Piece`'s fields, with no value), in input order. The rows of
    ``item_kind`` give a list field's values: their starts, ends and raw texts (the text
    between them, one string shared by equal rows) are kept apart, so that the builder
    neither selects nor slices them.

    Example:
        >>> run = Run(0, [3], ["similar"], [40], [47], [None], "similar", [40], [47], ["عنوان"])
        >>> run.item_texts, list(run.pieces())
        (['عنوان'], [(3, 'similar', 40, 47, 0, None, None)])
    """

    article: int
    lines: list[int]
    kinds: list[str]
    starts: list[int]
    ends: list[int]
    names: list[str | None]
    item_kind: str
    item_starts: list[int]
    item_ends: list[int]
    item_texts: list[str]

    def pieces(self) -> Iterator[Piece]:
        """The rows as pieces (made as they are read)."""
        nones = repeat(None)
        return zip(
            self.lines, self.kinds, self.starts, self.ends, repeat(self.article), self.names, nones
        )
