"""An article's read-also articles: :class:`Articles`, a read-only sequence that a long
chain keeps as columns until it is read.

Example:
    >>> from arnews.model import Article
    >>> chain = Articles([Article(title="أ"), Article(title="ب")])
    >>> len(chain), chain[-1].title, chain == (Article(title="أ"), Article(title="ب"))
    (2, 'ب', True)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, overload

if TYPE_CHECKING:
    from .model import Article

__all__ = ["Articles"]

# The maker of a lazy sequence's articles: a module-level function (pickled by reference) of
# the columns it was given, returning as many articles as the sequence is long.
_Make = Callable[[Any], "list[Article]"]

_new = object.__new__
_set = object.__setattr__


class Articles(Sequence["Article"]):
    """An article's read-also articles: a read-only sequence of :class:`~arnews.model.Article`.

    Built from articles (``Articles([a, b])``, what ``Article(read_also=…)`` does with any
    iterable), or, for a page's long chain of read-also articles, lazily: the parser then
    keeps their fields as page-wide columns, and the :class:`~arnews.model.Article` objects
    are made (all at once, then kept) the first time one is read. ``len()`` and truth never
    make them. An ``Articles`` equals any sequence of equal articles (``article.read_also ==
    ()`` when there are none), hashes as the tuple of its articles does, pickles as its
    columns, and slices (or adds up with a sequence of articles) to an ``Articles``.

    Example:
        >>> from arnews.model import Article
        >>> chain = Articles([Article(title="أ"), Article(title="ب"), Article(title="ج")])
        >>> chain[1:]
        Articles([Article(title='ب', ...), Article(title='ج', ...)])
        >>> [a.title for a in chain], bool(Articles()), Articles() == []
        (['أ', 'ب', 'ج'], False, True)
    """

    __slots__ = ("_columns", "_items", "_make", "_n")

    _items: tuple[Article, ...] | None
    _make: _Make | None
    _columns: Any
    _n: int

    def __init__(self, articles: Iterable[Article] = ()) -> None:
        if hasattr(self, "_n"):
            raise AttributeError("Articles is immutable")
        items = articles if type(articles) is tuple else tuple(articles)
        _set(self, "_items", items)
        _set(self, "_make", None)
        _set(self, "_columns", None)
        _set(self, "_n", len(items))

    @classmethod
    def _of(cls, items: tuple[Article, ...]) -> Articles:
        # For the builder: a tuple of articles, the shared empty sequence for none.
        return _made(items, None, None, len(items)) if items else _EMPTY

    @classmethod
    def _lazy(cls, n: int, make: _Make, columns: Any) -> Articles:
        # For the builder: ``n`` articles that ``make(columns)`` makes when first read.
        return _made(None, make, columns, n) if n else _EMPTY

    def _all(self) -> tuple[Article, ...]:
        """The articles, made from the columns the first time (every one at once: the
        builder fills their slots in C-level passes, which one at a time would not)."""
        items = self._items
        if items is None:
            assert self._make is not None
            items = tuple(self._make(self._columns))
            if len(items) != self._n:
                raise ValueError(f"Articles: {len(items)} made for {self._n} columns")
            # Two threads reading at once both make them, equal: either tuple is kept.
            _set(self, "_items", items)
        return items

    @property
    def is_lazy(self) -> bool:
        """Whether the articles are still columns (none made yet): reading one makes them.

        Example:
            >>> Articles().is_lazy
            False
        """
        return self._items is None

    def __len__(self) -> int:
        return self._n

    @overload
    def __getitem__(self, i: int) -> Article: ...

    @overload
    def __getitem__(self, i: slice) -> Articles: ...

    def __getitem__(self, i: int | slice) -> Article | Articles:
        if isinstance(i, slice):
            return Articles._of(self._all()[i])
        return self._all()[i]

    def __iter__(self) -> Iterator[Article]:
        return iter(self._all())

    def __reversed__(self) -> Iterator[Article]:
        return reversed(self._all())

    def __contains__(self, value: object) -> bool:
        return value in self._all()

    def __eq__(self, other: object) -> bool:
        if self is other:
            return True
        if isinstance(other, Articles):
            if self._n != other._n:
                return False
            if self._make is not None and (self._make, self._columns) == (
                other._make,
                other._columns,
            ):
                return True
            return self._all() == other._all()
        if isinstance(other, Sequence) and not isinstance(other, (str, bytes, bytearray)):
            if len(other) != self._n:
                return False
            return self._all() == (other if type(other) is tuple else tuple(other))
        return NotImplemented

    def __add__(self, other: object) -> Articles:
        # As a tuple concatenates (what ``read_also`` was): with any sequence of articles.
        if isinstance(other, Sequence) and not isinstance(other, (str, bytes, bytearray)):
            return Articles._of(self._all() + tuple(other))
        return NotImplemented

    def __radd__(self, other: object) -> Articles:
        if isinstance(other, Sequence) and not isinstance(other, (str, bytes, bytearray)):
            return Articles._of(tuple(other) + self._all())
        return NotImplemented

    def __hash__(self) -> int:
        # As the tuple of the articles hashes: equal to such a tuple, it hashes alike.
        return hash(self._all())

    def __repr__(self) -> str:
        return f"Articles({list(self._all())!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        if self._make is not None:
            # The columns, not the articles: a few lists however long the chain.
            return (_lazy_articles, (self._n, self._make, self._columns))
        return (Articles, (self._all(),))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Articles is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("Articles is immutable")


def _lazy_articles(n: int, make: _Make, columns: Any) -> Articles:
    """Unpickle a lazy :class:`Articles` (``Articles._lazy``, by a module-level name)."""
    return Articles._lazy(n, make, columns)


def _made(items: tuple[Article, ...] | None, make: _Make | None, columns: Any, n: int) -> Articles:
    """A new :class:`Articles` with its slots set (its ``__setattr__`` refuses them)."""
    out = _new(Articles)
    _set(out, "_items", items)
    _set(out, "_make", make)
    _set(out, "_columns", columns)
    _set(out, "_n", n)
    return out


#: The empty sequence every article without read-also articles shares.
_EMPTY = _made((), None, None, 0)


def _articles(values: Iterable[Article]) -> Articles:
    """``Article.read_also``'s converter: any iterable of articles as :class:`Articles`."""
    if type(values) is Articles:
        return values
    return Articles._of(values if type(values) is tuple else tuple(values))
