"""Making instances of the result's frozen, slotted classes without their converters.

The builder hands over values of exactly the fields' types (what the attrs converters would
return unchanged); these helpers fill the slots directly, in C-level passes, which is what
attrs's own ``__init__`` does less the calls that check and convert.

Example:
    >>> from arnews.model import Dateline
    >>> _instance(Dateline, ("place", "agency"), ("بغداد", None))
    Dateline(place='بغداد', agency=None)
    >>> _maker(Dateline, ("place", "agency"))(None, "سرايا")
    Dateline(place=None, agency='سرايا')
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Sequence
from itertools import repeat
from typing import Any, TypeVar

_T = TypeVar("_T")

# Internal construction without the converters (see ``Spans._unchecked``): what attrs's own
# ``__init__`` of a frozen slotted class does, less the calls that check and convert.
_new = object.__new__
_set = object.__setattr__


def _instance(cls: type[_T], slots: Sequence[str], values: Sequence[Any]) -> _T:
    """A new instance of the slotted class ``cls``, slot ``slots[i]`` set to ``values[i]``:
    one object the way :func:`_instances` makes many."""
    out = _new(cls)
    for name, value in zip(slots, values, strict=True):
        _set(out, name, value)
    return out


def _maker(cls: type[_T], slots: Sequence[str]) -> Callable[..., _T]:
    """A function of ``len(slots)`` positional values that makes a new ``cls``, slot
    ``slots[i]`` set to the ``i``-th value: :func:`_instance` for one class, made once.

    The function is written out for the class (one statement a slot, each slot's descriptor
    setter bound beforehand), as attrs writes its ``__init__``: a page's result is three such
    objects, and the loop of :func:`_instance` cost more than twice as much.
    """
    names = [f"v{i}" for i in range(len(slots))]
    scope: dict[str, Any] = {"new": _new, "cls": cls}
    lines = [f"def make({', '.join(names)}):", "    out = new(cls)"]
    for i, slot in enumerate(slots):
        scope[f"set{i}"] = cls.__dict__[slot].__set__
        lines.append(f"    set{i}(out, v{i})")
    lines.append("    return out")
    exec(compile("\n".join(lines), f"<arnews._make {cls.__name__}>", "exec"), scope)
    made: Callable[..., _T] = scope["make"]
    return made


def _instances(cls: type[_T], slots: Sequence[str], columns: Sequence[Iterable[Any]]) -> list[_T]:
    """New instances of the slotted class ``cls``, one for each item of ``columns[0]``, each
    slot ``slots[i]`` set to the matching item of ``columns[i]``.

    Each slot is filled in one C-level pass of its descriptor's setter (which a frozen class's
    ``__setattr__`` does not guard), so that no Python code runs per instance: the builder
    makes fifty thousand read-also articles this way. Every column must be as long as the
    first.
    """
    if len(columns) != len(slots):
        raise ValueError(f"{cls.__name__} needs {len(slots)} columns, not {len(columns)}")
    first = list(columns[0])
    n = len(first)
    lists = [first, *(c if type(c) is list else list(c) for c in columns[1:])]
    if any(len(column) != n for column in lists):
        raise ValueError(f"{cls.__name__} columns are not all {n} long")
    out = list(map(_new, repeat(cls, n)))
    for name, column in zip(slots, lists, strict=True):
        # The setter takes (instance, value): map calls it on the two columns, no pair made.
        deque(map(cls.__dict__[name].__set__, out, column), maxlen=0)
    return out
