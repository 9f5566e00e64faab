"""Patterns compiled on first use, not when their module is imported.

Compiling the detectors' ``regex`` patterns was a sixth of ``import arnews``, and importing
the ``regex`` module itself another seventh; a process that imports arnews and never parses
(a command's ``--help``, a worker that fails to start) need not pay for either.
:func:`lazy` returns an object that compiles its pattern the first time one of its methods
is looked up (importing its engine then, when it is named rather than given), then keeps the
compiled pattern's bound methods as its own attributes, so every later call costs what a
call on the compiled pattern costs.

Example:
    >>> word = lazy("regex", r"\\p{L}+")
    >>> word.findall("قال الوزير")
    ['قال', 'الوزير']
    >>> word.pattern
    '\\\\p{L}+'
"""

from __future__ import annotations

import threading
from importlib import import_module
from types import ModuleType
from typing import Any, cast

__all__ = ["lazy"]

# Methods the detectors call, bound once compiled; other attributes are read through.
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")
_LOCK = threading.Lock()


class _Lazy:
    __slots__ = ("_args", "_compiled", *_METHODS)

    def __init__(self, engine: ModuleType | str, pattern: str, flags: int) -> None:
        self._args = (engine, pattern, flags)

    def __getattr__(self, name: str) -> Any:
        # Reached only while the methods are unset, or for other attributes.
        if name.startswith("__") or name in ("_args", "_compiled"):
            raise AttributeError(name)
        with _LOCK:
            try:
                compiled = object.__getattribute__(self, "_compiled")
            except AttributeError:
                engine, pattern, flags = self._args
                if isinstance(engine, str):
                    engine = import_module(engine)
                compiled = engine.compile(pattern, flags)
                for method in _METHODS:
                    setattr(self, method, getattr(compiled, method))
                self._compiled = compiled
        return getattr(compiled, name)

    def __repr__(self) -> str:
        engine, pattern, flags = self._args
        name = engine if isinstance(engine, str) else engine.__name__
        return f"lazy({name}, {pattern!r}, {flags})"


def lazy(engine: ModuleType | str, pattern: str, flags: int = 0) -> Any:
    """A pattern of ``engine`` (``re`` or ``regex``, the module or its name) compiled the
    first time it is used. A named engine is imported then: give ``"regex"`` by name (flags
    inline, ``(?i)``), so that importing the module that holds the pattern does not import
    ``regex`` (a seventh of ``import arnews`` when it did).

    Typed as ``Any`` for the caller to annotate as the engine's ``Pattern[str]``.

    Example:
        >>> import re
        >>> digits = lazy(re, r"\\d+")
        >>> digits.search("العدد 42").group()
        '42'
    """
    return cast(Any, _Lazy(engine, pattern, flags))
