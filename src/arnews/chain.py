"""The ordered, named table of detectors that a parser runs over a page.

A detector is a plain function ``detector(state: PageState) -> None`` that reads the state
and claims what it recognises. :class:`Chain` keeps them in order by name and makes new
chains with one added, replaced, moved or disabled, so that a site-specific rule can be
slotted in without forking the library::

    >>> from arnews import Chain, Parser
    >>> def no_titles(state): pass
    >>> chain = Chain.default().replace("titles", no_titles).disable("related")
    >>> "related" in chain.names
    False
    >>> parser = Parser(detectors=chain)

Detectors must be module-level functions (or other picklable callables) for a parser to be
sent to worker processes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import attrs

from .state import PageState

__all__ = ["Chain", "Detector"]

#: The signature of a detector.
Detector = Callable[[PageState], None]


@attrs.frozen(slots=True)
class Chain:
    """An immutable ordered list of ``(name, detector)`` pairs.

    Example:
        >>> Chain.default().names[:3]
        ('markers', 'boilerplate', 'regions')
    """

    rules: tuple[tuple[str, Detector], ...] = ()

    @classmethod
    def default(cls) -> Chain:
        """Return the chain arnews uses by default (see :mod:`arnews.detectors`)."""
        from .detectors import DEFAULT_CHAIN

        return DEFAULT_CHAIN

    @property
    def names(self) -> tuple[str, ...]:
        """The detectors' names, in the order they run."""
        return tuple(name for name, _ in self.rules)

    def __iter__(self) -> Iterator[tuple[str, Detector]]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def __getitem__(self, name: str) -> Detector:
        for n, fn in self.rules:
            if n == name:
                return fn
        raise KeyError(f"no detector named {name!r} (have: {', '.join(self.names)})")

    def _index(self, name: str) -> int:
        for i, (n, _) in enumerate(self.rules):
            if n == name:
                return i
        raise KeyError(f"no detector named {name!r} (have: {', '.join(self.names)})")

    def _check_new(self, name: str) -> None:
        if name in self.names:
            raise ValueError(f"a detector named {name!r} is already in the chain")

    def push(self, name: str, detector: Detector) -> Chain:
        """Return a chain with ``detector`` added at the end."""
        self._check_new(name)
        return Chain((*self.rules, (name, detector)))

    def before(self, anchor: str, name: str, detector: Detector) -> Chain:
        """Return a chain with ``detector`` inserted just before ``anchor``."""
        self._check_new(name)
        i = self._index(anchor)
        return Chain((*self.rules[:i], (name, detector), *self.rules[i:]))

    def after(self, anchor: str, name: str, detector: Detector) -> Chain:
        """Return a chain with ``detector`` inserted just after ``anchor``."""
        self._check_new(name)
        i = self._index(anchor) + 1
        return Chain((*self.rules[:i], (name, detector), *self.rules[i:]))

    def replace(self, name: str, detector: Detector) -> Chain:
        """Return a chain with the detector called ``name`` swapped for ``detector``."""
        i = self._index(name)
        return Chain((*self.rules[:i], (name, detector), *self.rules[i + 1 :]))

    def disable(self, *names: str) -> Chain:
        """Return a chain without the named detectors."""
        for name in names:
            self._index(name)
        return Chain(tuple(r for r in self.rules if r[0] not in names))
