"""The marker lexicon: which words open which section, and which lines are page furniture.

The knowledge lives in ``arnews/data/lexicon.json``; this package loads it, validates it and
compiles it once into ``regex`` patterns that run on the folded key of a line's start (see
:func:`arnews.normalize.fold`). Users extend or replace it without touching code::

    >>> from arnews import Lexicon, Parser
    >>> lex = Lexicon.default().extend(markers={"source": ["نقلا عن"]})
    >>> Parser(lexicon=lex).parse("خبر.\\nنقلا عن: وكالة الأنباء").source
    'وكالة الأنباء'

Marker kinds the detectors understand: ``source``, ``keywords``, ``share`` (a share toolbar
followed by tags), ``read_also``, ``headlines`` (a list of other articles' headlines:
similar/related), ``updated`` and ``published`` (followed by a date).

One job a module: :mod:`~arnews.lexicon.core` (the :class:`Lexicon` class and its derived
sets), :mod:`~arnews.lexicon.matching` (its methods that find markers),
:mod:`~arnews.lexicon.furniture` (its methods that tell furniture lines),
:mod:`~arnews.lexicon.patterns` (the pattern builders: character classes, prefix
trees, compile caches) and :mod:`~arnews.lexicon.loading` (reading and checking lexicon
files and dicts). Every name is imported from ``arnews.lexicon``.
"""

from __future__ import annotations

# The public names, and the others that modules import from here (as when it was one module).
from .core import _DEFAULT as _DEFAULT
from .core import CREDIT_ROLES, Lexicon
from .core import _from_json as _from_json
from .core import _load_default as _load_default
from .loading import MAX_PHRASE_CHARS as MAX_PHRASE_CHARS
from .loading import LexiconError
from .loading import read_utf8 as read_utf8
from .matching import MARKER_KINDS, MarkerMatch
from .matching import PREFIX_CHARS as PREFIX_CHARS
from .patterns import _furniture_key as _furniture_key
from .patterns import raw_heads

__all__ = ["CREDIT_ROLES", "MARKER_KINDS", "Lexicon", "LexiconError", "MarkerMatch", "raw_heads"]
