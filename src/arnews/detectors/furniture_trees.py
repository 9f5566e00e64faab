"""The furniture phrases' loose prefix tree, split by a line's first character, for speed.

The furniture detector tries each line that opens with a character some furniture phrase
opens with against the branches of the phrases' loose tree that character opens (see
:func:`~arnews.lexicon.patterns.loose_openings`, whose lines these patterns take and
refuse alike). In that tree every alternative of a node opens with the skip of what is no
letter (``[\\W\u0640]*``) and then its letter's class, so the standard engine enters each
alternative in turn, runs the skip and fails on the class: at the node after ``ال``, which
a fifth of the lines of a page open with, that is a dozen alternatives. Here the skip stands
once before the node's alternatives, each of which opens with its class, which the engine
checks against the next character before it enters the alternative: a line that no phrase
opens like costs one class test a branch, not one repeat and one class test.

The patterns match the same lines (a node ``(?:S a…|S b…)`` matches where ``S(?:a…|b…)``
does); where the two match, the match may end elsewhere, which the detector, asking only
whether one does, never reads.

Example:
    >>> from arnews.lexicon import Lexicon
    >>> openings = furniture_table(Lexicon.default()).openings
    >>> bool(openings["ط"].match("طـباعة")), bool(openings["ا"].match("المصدر: وكالات"))
    (True, False)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..lexicon.patterns import (
    _LOOSE_SKIP,
    _class,
    _prefix_tree,
    _shared_charsets,
    _skipped,
    furniture_phrases,
    loose_chars,
    loose_key,
)
from .tables import FurnitureHeads, per_object

if TYPE_CHECKING:
    from ..lexicon import Lexicon

__all__ = ["factored_openings", "furniture_table"]


def _node(node: dict[str, Any]) -> str:
    # What follows a letter: nothing when a phrase's letters end there (any line that gets
    # so far opens like the phrase), else the skip once, then the next letters' branches.
    if "" in node:
        return ""
    return _branches(node)


def _branches(node: dict[str, Any]) -> str:
    # The skip, then the node's alternatives. Before a letter it cannot take, the skip
    # takes the whole run of what is no letter, and gives nothing back (``*+``): the letter
    # could not have stood inside the run. A letter the skip can take (``(``, ``-``: a few
    # phrases open with punctuation) is tried after the greedy skip, as in the tree.
    kept: list[str] = []
    skipped: list[str] = []
    for ch in sorted(node):
        chars = loose_chars(ch)
        alt = _class(chars) + _node(node[ch])
        (skipped if any(map(_skipped, chars)) else kept).append(alt)
    out: list[str] = []
    if kept:
        out.append(_LOOSE_SKIP + "+" + _group(kept))
    if skipped:
        out.append(_LOOSE_SKIP + _group(skipped))
    return _group(out)


def _group(alts: list[str]) -> str:
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


@functools.lru_cache(maxsize=16)
def factored_openings(
    phrases: tuple[str, ...], heads: frozenset[str]
) -> Mapping[str, re.Pattern[str]]:
    """For each of ``heads`` that opens a branch of the loose tree of ``phrases``, a pattern
    that matches the lines opening with it that the tree matches (the whole tree for a
    character the tree skips), its skips factored out of each node's alternatives.

    Example:
        >>> openings = factored_openings(("تابعونا على", "تويتر"), frozenset("تب"))
        >>> bool(openings["ت"].match("تـابِعونا  على")), "ب" in openings
        (True, False)
        >>> bool(openings["ت"].match("تونس"))
        False
    """
    root = _prefix_tree(map(loose_key, phrases))
    if not root:
        return {}
    whole = _branches(root)
    branches: dict[str, list[str]] = {}
    for ch in sorted(root):
        branch = _class(loose_chars(ch)) + _node(root[ch])
        for raw in loose_chars(ch):
            branches.setdefault(raw, []).append(branch)
    compiled: dict[str, re.Pattern[str]] = {}
    out: dict[str, re.Pattern[str]] = {}
    with _shared_charsets():
        for head in sorted(heads):
            if _skipped(head):
                source = whole
            elif head in branches:
                source = "(?:" + "|".join(branches[head]) + ")"
            else:
                continue
            if source not in compiled:
                compiled[source] = re.compile(source)
            out[head] = compiled[source]
    # A plain dict, not a read-only proxy: the detector runs its ``__contains__`` and
    # ``__getitem__`` over a page's lines, which a dict's are fast calls for and a proxy's
    # are not (an argument tuple each). Nothing changes it once made.
    return out


def _furniture_table(lexicon: Lexicon) -> FurnitureHeads:
    heads = lexicon.boilerplate_heads
    return FurnitureHeads(
        heads,
        heads & lexicon.ticker_heads,
        factored_openings(tuple(furniture_phrases(lexicon)), heads),
        frozenset(lexicon.bullets),
    )


def furniture_table(lexicon: Lexicon) -> FurnitureHeads:
    """``lexicon``'s :class:`~arnews.detectors.tables.FurnitureHeads` with the openings of
    :func:`factored_openings`, made once per lexicon: what the furniture detector reads.

    Example:
        >>> from arnews.lexicon import Lexicon
        >>> openings = furniture_table(Lexicon.default()).openings
        >>> bool(openings["ش"].match("شارك")), bool(openings["ش"].match("شاهد الفيديو"))
        (True, True)
    """
    return per_object(lexicon, _furniture_table)
