"""Tables the furniture, marker and byline detectors work out once per lexicon or gazetteer.

A detector that rules lines out by a set of words (the first words of the credit markers,
of the agencies' names, of the furniture phrases) must not build that set for every page:
most pages are a dozen lines, and building the set would cost more than the lines. Each
table here is a pure function of the lexicon's (or gazetteer's) data, made on first use and
kept, per process, for as long as that lexicon lives (a weak reference drops it with the
lexicon; a new lexicon that reuses an old one's ``id`` is told apart by it).

Example:
    >>> from arnews.lexicon import Lexicon
    >>> "بقلم" in credit_openers(Lexicon.default())
    True
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Iterator
from itertools import repeat
from operator import itemgetter, not_, or_
from typing import TYPE_CHECKING, Any, TypeVar

from ..normalize import FOLD_DELETED, FOLDED_FROM, fold

if TYPE_CHECKING:
    from ..gazetteer import Gazetteer
    from ..lexicon import Lexicon

__all__ = [
    "InsideWords",
    "Openings",
    "credit_openers",
    "furniture_pairs",
    "inside_words",
    "loose_openings",
    "marker_openings",
    "name_openers",
    "opening_lines",
    "per_object",
    "ticker_openings",
]

_T = TypeVar("_T")

# (id of the object, table builder) -> (weak reference to the object, table). Bounded: an
# entry goes with its object, and a process that makes many lexicons at once starts over.
_TABLES: dict[tuple[int, Callable[..., Any]], tuple[weakref.ref[Any], Any]] = {}
_MAX_TABLES = 256


def per_object(obj: Any, build: Callable[[Any], _T]) -> _T:
    """``build(obj)``, made once per live ``obj`` (``build`` must be a pure function of its
    data, and ``obj`` immutable and weakly referenceable).

    Example:
        >>> from arnews.lexicon import Lexicon
        >>> def bullets(lexicon: Lexicon) -> frozenset[str]:
        ...     return frozenset(lexicon.bullets)
        >>> per_object(Lexicon.default(), bullets) is per_object(Lexicon.default(), bullets)
        True
    """
    key = (id(obj), build)
    known = _TABLES.get(key)
    if known is not None and known[0]() is obj:
        return known[1]  # type: ignore[no-any-return]
    table = build(obj)

    def forget(ref: weakref.ref[Any]) -> None:
        if _TABLES.get(key, (None,))[0] is ref:
            del _TABLES[key]

    if len(_TABLES) >= _MAX_TABLES:
        _TABLES.clear()
    _TABLES[key] = (weakref.ref(obj, forget), table)
    return table


def _credit_openers(lexicon: Lexicon) -> frozenset[str]:
    credits = lexicon.credits
    roles = (credits.get("markers", ()), credits.get("offices", ()), lexicon.bylines)
    return frozenset(words[0] for role in roles for p in role if (words := fold(p).split()))


def credit_openers(lexicon: Lexicon) -> frozenset[str]:
    """The folded first words of ``lexicon``'s credit markers, offices and credit words.

    Example:
        >>> from arnews.lexicon import Lexicon
        >>> "مكتب" in credit_openers(Lexicon.default()), "قال" in credit_openers(Lexicon.default())
        (True, False)
    """
    return per_object(lexicon, _credit_openers)


def _name_openers(gazetteer: Gazetteer) -> frozenset[str]:
    return frozenset(
        words[0]
        for names in (gazetteer.agencies, gazetteer.places)
        for k in names
        if (words := k.split())
    )


def name_openers(gazetteer: Gazetteer) -> frozenset[str]:
    """The first words of ``gazetteer``'s agencies and places (folded, as they are kept).

    Example:
        >>> from arnews.gazetteer import DEFAULT_GAZETTEER
        >>> "وكاله" in name_openers(DEFAULT_GAZETTEER)
        True
    """
    return per_object(gazetteer, _name_openers)


#: The words of the :attr:`~arnews.lexicon.Lexicon.boilerplate_inside` phrases, folded and
#: lower-cased, by their longest word: ``(longest word, (the other words of each phrase
#: that has it as its longest, ...))``.
InsideWords = tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]


def _inside_words(lexicon: Lexicon) -> InsideWords:
    by_first: dict[str, set[tuple[str, ...]]] = {}
    for p in lexicon.boilerplate_inside:
        # Longest words first: the likeliest to be missing, which ends the test of a phrase.
        words = sorted(fold(p).lower().split(), key=len, reverse=True)
        if words:
            by_first.setdefault(words[0], set()).add(tuple(words[1:]))
    return tuple((first, tuple(sorted(rests))) for first, rests in sorted(by_first.items()))


def inside_words(lexicon: Lexicon) -> InsideWords:
    """The words of ``lexicon``'s credit and notice phrases, grouped by their longest word
    (each group is ruled out by one substring test).

    Example:
        >>> from arnews.lexicon import Lexicon
        >>> dict(inside_words(Lexicon.default()))["images"]
        (('getty',),)
    """
    return per_object(lexicon, _inside_words)


# -- the first two characters of a line that a phrase pattern can match --------------------
#
# The lexicon's phrase patterns (markers, tickers, furniture) are matched at the start of
# a page's candidate lines, and each match costs about a microsecond however soon it fails
# (the patterns are prefix trees of fold-aware classes, tried branch by branch). Most
# lines are ruled out by their first two characters, looked up in a set in a C-level pass:
# the pairs that a phrase's first two letters can be written as, raw. A line whose first
# two characters leave it open (a bullet, a character the fold deletes) is matched as
# before. These tables follow how :mod:`arnews.lexicon` builds its patterns; the fast-path
# tests compare the parses with and without them.

#: ``(pairs, open firsts)``: a line may match only if its first two characters are one of
#: ``pairs`` (a line of one character, if that character is), or it opens with one of
#: ``open firsts``, or its second character is one the fold deletes.
Openings = tuple[frozenset[str], frozenset[str]]

_TWO = slice(0, 2)
_SECOND = slice(1, 2)
_FIRST = itemgetter(0)
# What the marker and ticker patterns skip before a phrase: characters the fold deletes,
# and white space.
_GAP_CHARS = FOLD_DELETED | FOLDED_FROM[" "]
# The two characters outside Latin whose lower case is a Latin letter (see the loose
# prefix patterns of arnews.lexicon).
_LOWER_TO_LATIN = {"k": "\u212a", "i": "\u0130"}
_TATWEEL = "\u0640"


def _raw(char: str, loose: bool = False) -> set[str]:
    """The raw characters a pattern's class for the folded ``char`` takes."""
    out = {*FOLDED_FROM.get(char, {char}), char.lower(), char.upper()}
    if loose:
        out.update(_LOWER_TO_LATIN.get(char.lower(), ""))
    return out


def _pairs(keys: Iterable[str], loose: bool = False) -> frozenset[str] | None:
    """The raw first two characters of lines that open with one of the folded ``keys``
    (and each first character alone); ``None`` when a key of one character lets any
    second character through."""
    out: set[str] = set()
    for key in keys:
        if not key:
            continue
        if len(key) == 1:
            return None
        firsts, seconds = _raw(key[0], loose), _raw(key[1], loose)
        out.update(firsts)
        out.update(a + b for a in firsts for b in seconds)
    return frozenset(out)


def _marker_openings(lexicon: Lexicon) -> Openings | None:
    # Every marker phrase (without its ``$`` or ``:`` flag), after blanks, deleted
    # characters and a bullet.
    keys = (
        fold(p[:-1] if p.endswith(("$", ":")) else p)
        for phrases in lexicon.markers.values()
        for p in phrases
    )
    pairs = _pairs(keys)
    if pairs is None:
        return None
    return pairs, _GAP_CHARS | frozenset("".join(lexicon.bullets))


def marker_openings(lexicon: Lexicon) -> Openings | None:
    """The openings of lines :attr:`~arnews.lexicon.Lexicon.marker_pattern` may match
    (``None``: any line may).

    Example:
        >>> from arnews.lexicon import Lexicon
        >>> pairs, opens = marker_openings(Lexicon.default())
        >>> "ال" in pairs, "قا" in pairs, "•" in opens
        (True, False, True)
    """
    return per_object(lexicon, _marker_openings)


def _ticker_openings(lexicon: Lexicon) -> Openings | None:
    pairs = _pairs(map(fold, lexicon.tickers))
    return None if pairs is None else (pairs, _GAP_CHARS)


def ticker_openings(lexicon: Lexicon) -> Openings | None:
    """The openings of lines :attr:`~arnews.lexicon.Lexicon.ticker_pattern` may match
    (``None``: any line may).

    Example:
        >>> from arnews.lexicon import Lexicon
        >>> pairs, opens = ticker_openings(Lexicon.default())
        >>> "عا" in pairs, "عل" in pairs
        (True, False)
    """
    return per_object(lexicon, _ticker_openings)


def opening_lines(openings: Openings, lines: list[str]) -> Iterator[bool]:
    """For each of ``lines`` (none empty), whether its opening leaves it to the pattern.

    Example:
        >>> from arnews.lexicon import Lexicon
        >>> openings = marker_openings(Lexicon.default())
        >>> list(opening_lines(openings, ["المصدر: سانا", "قال الوزير", "\u200fقال"]))
        [True, False, True]
    """
    pairs, opens = openings
    return map(
        or_,
        map(
            or_,
            map(pairs.__contains__, map(str.__getitem__, lines, repeat(_TWO))),
            map(opens.__contains__, map(_FIRST, lines)),
        ),
        map(FOLD_DELETED.__contains__, map(str.__getitem__, lines, repeat(_SECOND))),
    )


def _furniture_pairs(lexicon: Lexicon) -> frozenset[str] | None:
    # The loose prefix tree of arnews.lexicon: each phrase's letters, its spaces left out.
    every = (*lexicon.boilerplate_lines, *(p.removesuffix("*") for p in lexicon.boilerplate))
    return _pairs((fold(p).replace(" ", "") for p in every), loose=True)


def furniture_pairs(lexicon: Lexicon) -> frozenset[str] | None:
    """The first two characters of lines whose furniture key may start with one of
    ``lexicon``'s furniture phrases, for :func:`loose_openings` (``None``: any line's).

    Example:
        >>> from arnews.lexicon import Lexicon
        >>> pairs = furniture_pairs(Lexicon.default())
        >>> "طب" in pairs, "طا" in pairs
        (True, False)
    """
    return per_object(lexicon, _furniture_pairs)


def loose_openings(pairs: frozenset[str], lines: list[str]) -> Iterator[bool]:
    """For each of ``lines`` (none empty), whether the furniture phrases' loose prefix
    tree may match it: it opens with one of ``pairs``, or one of its first two characters
    is one the tree skips (no letter or digit, or a tatweel).

    Example:
        >>> from arnews.lexicon import Lexicon
        >>> pairs = furniture_pairs(Lexicon.default())
        >>> list(loose_openings(pairs, ["طباعة", "قال الوزير", "(صورة)", "طـا"]))
        [True, False, True, True]
    """
    two = list(map(str.__getitem__, lines, repeat(_TWO)))
    return map(
        or_,
        map(or_, map(pairs.__contains__, two), map(not_, map(str.isalnum, two))),
        map(str.__contains__, two, repeat(_TATWEEL)),
    )
