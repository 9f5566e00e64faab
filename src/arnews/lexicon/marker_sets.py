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

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from ..normalize import FOLD_DELETED, FOLDED_FROM, fold
from .patterns import _GAP_CHARS, raw_heads

if TYPE_CHECKING:
    import re

    from .core import Lexicon, _KindMatcher

__all__ = ["kind_pair_matchers", "marker_pairs", "one_kind_heads"]

# What a space in a phrase matches (a run of them; line breaks end the line).
_SPACES = frozenset(c for c in FOLDED_FROM[" "] if c not in "\n\r")


def _variants(char: str) -> set[str]:
    """The raw characters the marker patterns match for the folded ``char``."""
    return {*FOLDED_FROM.get(char, {char}), char.lower(), char.upper()}


def marker_pairs(lexicon: Lexicon, kinds: Iterable[str] | None = None) -> frozenset[str]:
    """The first two characters a line can open with for ``lexicon.marker_pattern`` to match
    it (and every single character a one-character line may be); empty when a phrase's key
    is one letter long (any second character may follow it).

    The pattern reads blanks the fold deletes and spaces, a bullet, then a phrase's first
    letter (as the fold sees it) and either deleted characters or its second letter. With
    ``kinds``, the same for the pattern of those marker kinds' phrases alone (each kind's
    pattern is built as the pattern of every phrase is, from its own phrases).

    Example:
        >>> from arnews.lexicon import Lexicon
        >>> "إق" in marker_pairs(Lexicon.default())
        True
        >>> "إق" in marker_pairs(Lexicon.default(), ["source"])
        False
    """
    gap = set(_GAP_CHARS) | set("".join(lexicon.bullets))
    firsts: set[str] = set()
    pairs: set[str] = set()
    if kinds is None:
        kinds, singles = lexicon._kinds, lexicon.marker_heads
    else:
        kinds = list(kinds)
        phrases = [p.rstrip("$") for kind in kinds for p in lexicon.markers.get(kind, ())]
        singles = raw_heads(phrases) | gap
    for kind in kinds:
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
    return frozenset(pairs | gap | firsts | singles)


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


# Where kind_pair_matchers keeps its table among a lexicon's kind matchers (keyed by tuples
# of kind names: no kind is named "").
_PAIRS_KEY = ("", "pairs")


def kind_pair_matchers(lexicon: Lexicon) -> tuple[_KindMatcher, ...]:
    """Each marker kind of :data:`~arnews.lexicon.MARKER_KINDS` the lexicon has, in that
    order, with the first two characters a line can open with for the kind's pattern to
    match it (:func:`marker_pairs` of the kind alone) and the pattern's ``match``; empty
    when a kind has a phrase of one letter (then the first two characters rule out nothing).

    Made once per lexicon. A line that opens with ``اق`` needs the read-also pattern alone,
    where its first letter, ``ا``, opens the phrases of five kinds.

    Example:
        >>> from arnews.lexicon import Lexicon
        >>> [kind for kind, pairs, _ in kind_pair_matchers(Lexicon.default()) if "اق" in pairs]
        ['read_also']
    """
    cache = lexicon._matchers
    table = cache.get(_PAIRS_KEY)
    if table is None:
        from .core import MARKER_KINDS  # (core imports this module)

        rows: list[_KindMatcher] = []
        for kind in MARKER_KINDS:
            if kind not in lexicon._kinds:
                continue
            pairs = marker_pairs(lexicon, [kind])
            if not pairs:
                rows = []
                break
            rows.append((kind, pairs, _matcher(lexicon, "kind:" + kind)))
        table = cache[_PAIRS_KEY] = tuple(rows)
    return table


def _matcher(lexicon: Lexicon, name: str) -> Callable[[str, int, int], re.Match[str] | None]:
    """``match`` of the lexicon's pattern ``name``, compiled when first called: a page
    compiles the patterns of the marker kinds its lines may open, not every kind's (the
    first parse of a process paid 0.2 s for them all)."""

    def match(line: str, pos: int, end: int) -> re.Match[str] | None:
        return lexicon._pattern(name).match(line, pos, end)

    return match
