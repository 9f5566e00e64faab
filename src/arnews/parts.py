"""The labelled stretches of the input an article accounts for: :class:`Part` and
:class:`Parts` (stored as columns).

Example:
    >>> Parts([Part("title", 0, 5), Part("paragraph", 6, 9)]).kinds
    ('title', 'paragraph')
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, overload

import attrs

from ._make import _instances, _maker

__all__ = ["Part", "Parts"]


@attrs.frozen(slots=True)
class Part:
    """One labelled stretch of the input. An article's parts, with those of its read-also
    articles, never overlap and cover every character that is not white space.

    ``kind`` is the field the text went to (``paragraph``, ``title``, ``dateline``,
    ``byline`` (the whole credit, verb or marker included), ``updated``, ``published``,
    ``related_headline``, ``source``, ``keywords``, ``similar``, ``boilerplate``) or
    ``marker`` for a section's marker words, with the marker's name in ``name``
    (``source``, ``keywords``, ``read_also``, ``similar``, ``share``, …).

    Example:
        >>> Part("marker", 0, 7, name="source").to_dict()
        {'kind': 'marker', 'start': 0, 'end': 7, 'name': 'source'}
    """

    #: What the text is.
    kind: str
    #: Start offset in the original input.
    start: int
    #: End offset (exclusive) in the original input.
    end: int
    #: For markers, which one; otherwise ``None``.
    name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict (``name`` only when set)."""
        out: dict[str, Any] = {"kind": self.kind, "start": self.start, "end": self.end}
        if self.name is not None:
            out["name"] = self.name
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Part:
        """Rebuild from :meth:`to_dict` output."""
        return cls(data["kind"], int(data["start"]), int(data["end"]), data.get("name"))


class Parts(Sequence[Part]):
    """An article's parts: a read-only sequence of :class:`Part`, stored as columns.

    A page of half a million lines has half a million parts; keeping them as four tuples
    (kinds, starts, ends, names) instead of one object each is what keeps parsing such a
    page fast. Indexing and iteration give :class:`Part` objects; a ``Parts`` equals any
    sequence of the same parts (``article.parts == ()`` when there are none).

    Example:
        >>> parts = Parts([Part("marker", 0, 7, name="source"), Part("source", 8, 12)])
        >>> len(parts), parts[1]
        (2, Part(kind='source', start=8, end=12, name=None))
        >>> parts.kinds
        ('marker', 'source')
    """

    __slots__ = ("ends", "kinds", "names", "starts")

    kinds: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    names: tuple[str | None, ...]

    def __init__(self, parts: Iterable[Part] = ()) -> None:
        items = list(parts)
        # Lists first: tuple() of a generator grows by reallocation (see build._article).
        self.kinds = tuple([p.kind for p in items])
        self.starts = tuple([int(p.start) for p in items])
        self.ends = tuple([int(p.end) for p in items])
        self.names = tuple([p.name for p in items])

    @classmethod
    def from_columns(
        cls,
        kinds: Sequence[str],
        starts: Sequence[int],
        ends: Sequence[int],
        names: Sequence[str | None],
    ) -> Parts:
        """Build from four columns of equal length (no :class:`Part` objects made).

        Example:
            >>> Parts.from_columns(["paragraph"], [0], [5], [None])[0].end
            5
        """
        if not len(kinds) == len(starts) == len(ends) == len(names):
            raise ValueError("Parts columns must have the same length")
        return cls._unchecked(tuple(kinds), tuple(starts), tuple(ends), tuple(names))

    @classmethod
    def _unchecked(
        cls,
        kinds: tuple[str, ...],
        starts: tuple[int, ...],
        ends: tuple[int, ...],
        names: tuple[str | None, ...],
    ) -> Parts:
        # For the builder, which hands over four tuples of equal length.
        return _new_parts(kinds, starts, ends, names)

    @classmethod
    def _many(cls, *columns: Iterable[tuple[Any, ...]]) -> list[Parts]:
        # Many at once for the builder: columns of kinds, starts, ends and names tuples.
        return _instances(cls, ("kinds", "starts", "ends", "names"), columns)

    def __len__(self) -> int:
        return len(self.kinds)

    @overload
    def __getitem__(self, i: int) -> Part: ...

    @overload
    def __getitem__(self, i: slice) -> Parts: ...

    def __getitem__(self, i: int | slice) -> Part | Parts:
        if isinstance(i, slice):
            return Parts.from_columns(self.kinds[i], self.starts[i], self.ends[i], self.names[i])
        return Part(self.kinds[i], self.starts[i], self.ends[i], self.names[i])

    def __iter__(self) -> Iterator[Part]:
        return map(Part, self.kinds, self.starts, self.ends, self.names)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Parts):
            return (self.starts, self.ends, self.kinds, self.names) == (
                other.starts,
                other.ends,
                other.kinds,
                other.names,
            )
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(other) == len(self) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.kinds, self.starts, self.ends, self.names))

    def __repr__(self) -> str:
        return f"Parts({list(self)!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Parts.from_columns, (self.kinds, self.starts, self.ends, self.names))

    def __setattr__(self, name: str, value: Any) -> None:
        if hasattr(self, "names"):
            raise AttributeError("Parts is immutable")
        object.__setattr__(self, name, value)

    def to_list(self) -> list[dict[str, Any]]:
        """Return the parts as JSON-ready dicts (``name`` only when set).

        Example:
            >>> Parts([Part("paragraph", 0, 5)]).to_list()
            [{'kind': 'paragraph', 'start': 0, 'end': 5}]
        """
        return [
            {"kind": k, "start": s, "end": e}
            if n is None
            else {"kind": k, "start": s, "end": e, "name": n}
            for k, s, e, n in zip(self.kinds, self.starts, self.ends, self.names, strict=True)
        ]


# A new Parts from its four column tuples, unchecked (``Parts._unchecked``).
_new_parts = _maker(Parts, ("kinds", "starts", "ends", "names"))
