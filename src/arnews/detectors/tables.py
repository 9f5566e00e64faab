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

import re
import weakref
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from ..lexicon.loose import loose_openings
from ..lexicon.patterns import furniture_phrases
from ..normalize import fold

if TYPE_CHECKING:
    from ..gazetteer import Gazetteer
    from ..lexicon import Lexicon

__all__ = [
    "FurnitureHeads",
    "InsideGroups",
    "InsideWords",
    "bullet_chars",
    "credit_openers",
    "furniture_heads",
    "inside_words",
    "name_openers",
    "per_object",
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


def _bullet_chars(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(lexicon.bullets)


def bullet_chars(lexicon: Lexicon) -> frozenset[str]:
    """``lexicon``'s bullets as a set: a line's first character is looked up in it, not
    compared with each bullet in turn.

    Example:
        >>> from arnews.lexicon import Lexicon
        >>> "•" in bullet_chars(Lexicon.default())
        True
    """
    return per_object(lexicon, _bullet_chars)


class FurnitureHeads(NamedTuple):
    """What a line must start with to be judged as furniture, for a detector that rules
    a page's lines out in C-level passes over their first characters.

    The loose prefix tree of the furniture phrases (the lexicon's ``furniture`` pattern)
    is split by a line's first character (see
    :func:`~arnews.lexicon.loose.loose_openings`): a line is tried against the
    branches its first character opens, and one that opens none is not tried.
    """

    #: The characters a furniture, whole-line or ticker phrase can start with.
    heads: frozenset[str]
    #: Of those, the ones a ticker phrase can start with.
    ticker_heads: frozenset[str]
    #: For each of ``heads`` that some branch of the tree takes first, its pattern.
    openings: Mapping[str, re.Pattern[str]]
    #: The lexicon's bullets.
    bullets: frozenset[str]


def _furniture_heads(lexicon: Lexicon) -> FurnitureHeads:
    heads = lexicon.boilerplate_heads
    return FurnitureHeads(
        heads,
        heads & lexicon.ticker_heads,
        loose_openings(tuple(furniture_phrases(lexicon)), heads),
        frozenset(lexicon.bullets),
    )


def furniture_heads(lexicon: Lexicon) -> FurnitureHeads:
    """``lexicon``'s :class:`FurnitureHeads`, made once per lexicon.

    Example:
        >>> from arnews.lexicon import Lexicon
        >>> tables = furniture_heads(Lexicon.default())
        >>> bool(tables.openings["ط"].match("طباعة")), "•" in tables.bullets
        (True, True)
    """
    return per_object(lexicon, _furniture_heads)


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


#: Phrases grouped by their longest word: ``(longest word, (the other words of each phrase
#: that has it as its longest, ...))``.
InsideGroups = tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]
#: The words of the :attr:`~arnews.lexicon.Lexicon.boilerplate_inside` phrases, folded and
#: lower-cased: ``(caseless, cased, hint, letters)``. The ``caseless`` phrases (no letter
#: with a case: Arabic, ``©``) are found in a folded text as it is; the ``cased`` ones, in
#: its lower case, which only a text that ``hint`` finds something in can hold them in
#: (``None``: any text may), and ``hint`` finds something only in a text that holds one of
#: ``letters`` (a spelling of one letter of each of the words it finds).
InsideWords = tuple[InsideGroups, InsideGroups, "re.Pattern[str] | None", tuple[str, ...]]

# The characters outside ASCII whose lower case holds an ASCII letter (KELVIN SIGN and
# LATIN CAPITAL LETTER I WITH DOT ABOVE); the lower case of a character never makes a
# caseless one but U+0307 (after the ``i`` of U+0130).
_LOWER_TO_ASCII = {"k": "\u212a", "i": "\u0130"}
_MADE_BY_LOWER = "\u0307"


def _groups(phrases: set[tuple[str, ...]]) -> InsideGroups:
    by_first: dict[str, set[tuple[str, ...]]] = {}
    for words in phrases:
        by_first.setdefault(words[0], set()).add(words[1:])
    return tuple((first, tuple(sorted(rests))) for first, rests in sorted(by_first.items()))


def _caseless(word: str) -> bool:
    return word.upper() == word == word.lower() and _MADE_BY_LOWER not in word


def _inside_words(lexicon: Lexicon) -> InsideWords:
    phrases: set[tuple[str, ...]] = set()
    for p in lexicon.boilerplate_inside:
        # Longest words first: the likeliest to be missing, which ends the test of a phrase.
        words = sorted(fold(p).lower().split(), key=len, reverse=True)
        if words:
            phrases.add(tuple(words))
    caseless = {words for words in phrases if all(map(_caseless, words))}
    cased = phrases - caseless
    letters = {ch for words in cased for word in words for ch in word if not _caseless(ch)}
    hint = None
    cased_groups = _groups(cased)
    spellings: tuple[str, ...] = ()
    if letters and all(ch.isascii() for ch in letters):
        hint = _spelled(longest for longest, _ in cased_groups)
        spellings = tuple(sorted({ch for longest, _ in cased_groups for ch in _rare(longest)}))
    return _groups(caseless), cased_groups, hint, spellings


def _rare(word: str) -> list[str]:
    """The spellings of the letter of ``word`` (lower-cased ASCII) that has the fewest: a
    text the hint finds ``word`` in holds one of them, which a search for each character
    (``memchr`` over a text of Arabic letters) tells far faster than the hint's pattern."""
    return min(map(_spellings, word), key=len)


def _spellings(char: str) -> list[str]:
    """The characters whose lower case starts with ``char`` (an ASCII letter, or a
    character without case, which only itself lowers to)."""
    if not char.isascii() or not char.isalpha():
        return [char]
    return sorted({char, char.upper(), *_LOWER_TO_ASCII.get(char, "")})


def _spelled(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern that finds, in a text, every spelling of ``words`` that lower-cases to one
    of them (``GETTY``, ``Getty`` for ``getty``): what the text's lower case needs for
    holding one of them.

    Each alternative starts with one spelling of its word's first letter, as written: the
    standard engine then skips from one of those letters to the next in C (most pages hold
    only a few letters in Latin script, in a passage of Arabic), where a pattern of one
    class of every letter (or alternatives opening with classes) would stop at every
    letter, or be tried at every character.
    """
    alts = [
        re.escape(first) + "".join(_class(_spellings(ch)) for ch in word[1:])
        for word in words
        for first in _spellings(word[0])
    ]
    return re.compile("|".join(alts) if alts else "(?!)")


def _class(chars: list[str]) -> str:
    return "[" + "".join(map(re.escape, chars)) + "]"


def inside_words(lexicon: Lexicon) -> InsideWords:
    """The words of ``lexicon``'s credit and notice phrases, for a test of a page's short
    lines: each group of phrases that share their longest word is ruled out by one
    substring test, and the phrases in Latin letters need the text's lower case only when
    it holds one of their letters.

    Example:
        >>> from arnews.lexicon import Lexicon
        >>> caseless, cased, hint, letters = inside_words(Lexicon.default())
        >>> dict(cased)["images"], dict(caseless)["©"], hint.search("خبر") is None
        ((('getty',),), ((),), True)
        >>> letters
        ('M', 'R', 'm', 'r')
    """
    return per_object(lexicon, _inside_words)
