"""Character sets the marker detector rules lines out by, made from a lexicon's phrases.

The pattern of every marker phrase (``Lexicon.marker_pattern``) reads a line's first
characters the way the fold sees them; the sets here say, without running it, which lines
it cannot match (by their first two characters), and which lines one marker kind's pattern
alone can decide (by their first character). :class:`~arnews.lexicon.Lexicon` makes each
once, on first use.

Example:
    >>> from arnews.lexicon import Lexicon
    >>> pairs = marker_pairs(Lexicon.default())
    >>> "ال" in pairs, "قا" in pairs
    (True, False)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..normalize import FOLD_DELETED, FOLDED_FROM, fold
from .patterns import _GAP_CHARS

if TYPE_CHECKING:
    from .core import Lexicon

__all__ = ["marker_pairs", "one_kind_heads"]

# What a space in a phrase matches (a run of them; line breaks end the line).
_SPACES = frozenset(c for c in FOLDED_FROM[" "] if c not in "\n\r")


def _variants(char: str) -> set[str]:
    """The raw characters the marker patterns match for the folded ``char``."""
    return {*FOLDED_FROM.get(char, {char}), char.lower(), char.upper()}


def marker_pairs(lexicon: Lexicon) -> frozenset[str]:
    """The first two characters a line can open with for ``lexicon.marker_pattern`` to match
    it (and every single character a one-character line may be); empty when a phrase's key
    is one letter long (any second character may follow it).

    The pattern reads blanks the fold deletes and spaces, a bullet, then a phrase's first
    letter (as the fold sees it) and either deleted characters or its second letter.

    Example:
        >>> from arnews.lexicon import Lexicon
        >>> "إق" in marker_pairs(Lexicon.default())
        True
    """
    gap = set(_GAP_CHARS) | set("".join(lexicon.bullets))
    firsts: set[str] = set()
    pairs: set[str] = set()
    for kind in lexicon._kinds:
        for phrase in lexicon.markers.get(kind, ()):
            key = fold(phrase[:-1] if phrase.endswith(("$", ":")) else phrase)
            if not key:
                continue
            if len(key) < 2:
                return frozenset()
            heads = _variants(key[0])
            seconds = _variants(key[1]) | FOLD_DELETED | (_SPACES if key[1] == " " else set())
            firsts |= heads
            pairs.update(a + b for a in heads for b in seconds)
    # A gap or a bullet may come before the phrase: after it, more of them or a first letter.
    pairs.update(a + b for a in gap for b in gap | firsts)
    return frozenset(pairs | gap | firsts | lexicon.marker_heads)


def one_kind_heads(kind_heads: Iterable[frozenset[str]]) -> frozenset[str]:
    """The characters that are in exactly one of ``kind_heads`` (each kind's first
    characters).

    Example:
        >>> sorted(one_kind_heads([frozenset("اب"), frozenset("بت")]))
        ['ا', 'ت']
    """
    seen: dict[str, int] = {}
    for heads in kind_heads:
        for char in heads:
            seen[char] = seen.get(char, 0) + 1
    return frozenset(char for char, times in seen.items() if times == 1)
