"""Folded headline keys, and the search of a text for all of them in time linear in the text.

Detectors ask of a line whether it holds one of the page's similar headlines anywhere in it
(:attr:`arnews.state.PageState.similar_keys`). :class:`KeySet` indexes its keys so that the
answer costs one read of the line, whatever the number of keys; :func:`find_keys` and
:func:`holds_key` ask it (or a plain set, key by key).

Example:
    >>> keys = KeySet(["عنوان خبر طويل بعض الشيء"])
    >>> holds_key(keys, "سطر فيه عنوان خبر طويل بعض الشيء هنا", 8)
    True
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import compress
from typing import Any, Final

__all__ = ["KeySet", "find_keys", "holds_key"]


class KeySet(set[str]):
    """A set of folded headline keys that finds which of them a text holds, in linear time.

    Detectors ask of a line whether it holds one of the page's similar headlines anywhere in
    it (a substring, not only the whole line). Trying every key on every line costs lines times
    keys, which a page with a long similar list and thousands of candidate lines turns into
    minutes. The set therefore indexes its keys by their first :attr:`ANCHOR` characters: a
    text is read once, each of its :attr:`ANCHOR`-character windows looked up in a dict (a
    C-level pass), and only the keys that start with an anchor found there are compared.
    A set of a few keys is searched directly, which is as fast and linear too.

    It is a ``set``: ``add`` and ``update`` keep the index current; any other change
    rebuilds it on the next search.

    Example:
        >>> keys = KeySet(["عنوان خبر طويل بعض الشيء"])
        >>> find_keys(keys, "سطر فيه عنوان خبر طويل بعض الشيء هنا", 8)
        [(8, 24)]
        >>> holds_key(keys, "سطر آخر", 8)
        False
    """

    #: Keys are indexed by this many first characters; shorter keys are never searched for.
    ANCHOR: Final = 9
    #: Up to this many keys, a text is searched for each key in turn (at C speed).
    DIRECT: Final = 16

    # No ``__init__`` (nor ``__slots__``) of its own: every page makes a set, and a
    # constructor in Python cost more than the rest of a page's state. Until the first search
    # indexes the keys, an instance reads these class defaults ("no index yet").
    _anchors: dict[str, set[int]] | None = None
    _dirty = True
    _size = 0

    def add(self, key: str) -> None:
        """Add ``key``, indexing it if the index is current."""
        if key not in self:
            super().add(key)
            anchors = self._anchors
            if not self._dirty and anchors is not None:
                self._size += 1
                if len(key) >= self.ANCHOR:
                    anchors.setdefault(key[: self.ANCHOR], set()).add(len(key))

    def update(self, *others: Iterable[str]) -> None:
        """Add every key of ``others``."""
        for keys in others:
            for key in keys:
                self.add(key)

    # Whatever else changes the set makes the index stale: it is rebuilt on the next search.
    def discard(self, key: object) -> None:
        """Remove ``key`` if present."""
        self._dirty = True
        super().discard(key)

    def remove(self, key: str) -> None:
        """Remove ``key``; ``KeyError`` if absent."""
        self._dirty = True
        super().remove(key)

    def pop(self) -> str:
        """Remove and return any key."""
        self._dirty = True
        return super().pop()

    def clear(self) -> None:
        """Remove every key."""
        self._dirty = True
        super().clear()

    def difference_update(self, *others: Iterable[Any]) -> None:
        """Remove the keys of ``others``."""
        self._dirty = True
        super().difference_update(*others)

    def intersection_update(self, *others: Iterable[Any]) -> None:
        """Keep only the keys also in every one of ``others``."""
        self._dirty = True
        super().intersection_update(*others)

    def symmetric_difference_update(self, other: Iterable[str]) -> None:
        """Keep the keys in exactly one of the set and ``other``."""
        self._dirty = True
        super().symmetric_difference_update(other)

    def _index(self) -> dict[str, set[int]]:
        # The in-place operators (``|=``, ``-=`` …) bypass the methods above: a change of
        # size tells of them.
        anchors = self._anchors
        if anchors is None or self._dirty or self._size != len(self):
            anchors = {}
            n = self.ANCHOR
            for key in self:
                if len(key) >= n:
                    anchors.setdefault(key[:n], set()).add(len(key))
            self._anchors = anchors
            self._dirty = False
            self._size = len(self)
        return anchors

    def found_in(
        self, text: str, longer_than: int, *, first: bool = False
    ) -> list[tuple[int, int]]:
        """Each key longer than ``longer_than`` that ``text`` holds: ``(offset, length)`` of
        its first occurrence (with ``first``, stop at the first key found).

        Work is linear in ``text`` (plus the keys found), whatever the number of keys.
        """
        if len(self) <= self.DIRECT or longer_than < self.ANCHOR - 1:
            return _find_each(self, text, longer_than, first)
        out: list[tuple[int, int]] = []
        anchors = self._index()
        n, size = self.ANCHOR, len(text)
        count = size - n + 1
        if count <= 0 or not anchors:
            return out
        windows = map(text.__getitem__, map(slice, range(count), range(n, size + 1)))
        seen: set[str] = set()
        for at in compress(range(count), map(anchors.__contains__, windows)):
            for length in anchors[text[at : at + n]]:
                if length > longer_than and at + length <= size:
                    known = text[at : at + length]
                    if known not in seen and known in self:
                        seen.add(known)
                        out.append((at, length))
                        if first:
                            return out
        return out


def _find_each(
    keys: Iterable[str], text: str, longer_than: int, first: bool
) -> list[tuple[int, int]]:
    """Search ``text`` for each key in turn (a few keys, or a plain set)."""
    out: list[tuple[int, int]] = []
    for known in keys:
        if len(known) > longer_than:
            at = text.find(known)
            if at >= 0:
                out.append((at, len(known)))
                if first:
                    break
    return out


def find_keys(keys: set[str], text: str, longer_than: int) -> list[tuple[int, int]]:
    """``(offset, length)`` of the first occurrence in ``text`` of each key of ``keys`` longer
    than ``longer_than`` characters, in no particular order.

    Linear in ``text`` when ``keys`` is a :class:`KeySet` (as ``PageState.similar_keys`` is);
    a plain set is searched key by key.

    Example:
        >>> find_keys({"عنوان خبر طويل"}, "قبل عنوان خبر طويل", 8)
        [(4, 14)]
    """
    if isinstance(keys, KeySet):
        return keys.found_in(text, longer_than)
    return _find_each(keys, text, longer_than, False)


def holds_key(keys: set[str], text: str, longer_than: int) -> bool:
    """Tell whether ``text`` holds (anywhere in it) a key of ``keys`` longer than
    ``longer_than`` characters; linear in ``text`` when ``keys`` is a :class:`KeySet`.

    Example:
        >>> holds_key({"عنوان خبر طويل"}, "قبل عنوان خبر طويل", 8)
        True
    """
    if isinstance(keys, KeySet):
        return bool(keys.found_in(text, longer_than, first=True))
    return bool(_find_each(keys, text, longer_than, True))
