"""The loose patterns of furniture phrases: a necessary first test of a line, cheap to run.

A furniture line (see :mod:`.furniture`) is first told by the start of its folded key: the
first letters of a phrase, with anything that is no letter allowed between them. The prefix
tree of those letters, split by a line's first character (:func:`loose_openings`) or read
over a page's lines joined (:func:`line_candidates`), rules out all but a few lines a page
before the exact patterns of :mod:`.patterns` are tried.

Example:
    >>> import re
    >>> loose = re.compile(_loose_prefixes(["تابعونا على"]))
    >>> bool(loose.match("تـابِعونا  على تويتر")), bool(loose.match("تابع الخبر"))
    (True, False)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

from ..normalize import FOLDED_FROM, fold
from .patterns import _GAP, _class, _prefix_tree, _shared_charsets, _trie, portable

# A furniture line is first told by the start of its key: this many letters of each phrase
# (its spaces left out) rule out all but a few lines a page.
_LOOSE_DEPTH = 6
# What the loose tree skips between letters: every character the fold deletes or makes a
# space and every white space the key's split drops (none of them a letter or digit but
# the tatweel), and punctuation with them.
_LOOSE_SKIP = "[\\W\u0640]*"
# The two characters outside Latin whose lower case (the key's) starts with a Latin letter:
# KELVIN SIGN is `k`, `İ` is `i` and a combining dot (which the tree skips).
_LOWER_TO_LATIN = {"k": "\u212a", "i": "\u0130"}


def loose_key(phrase: str) -> str:
    """The letters of ``phrase`` the loose prefix tree (:func:`_loose_prefixes`) is made of:
    its first :data:`_LOOSE_DEPTH` folded characters, its spaces left out.

    Example:
        >>> loose_key("تابعونا على")
        'تابعون'
    """
    return fold(phrase).replace(" ", "")[:_LOOSE_DEPTH]


def loose_chars(char: str) -> frozenset[str]:
    """The raw characters the loose prefix tree takes for the folded ``char`` of a key.

    Example:
        >>> {"ا", "أ", "إ"} <= loose_chars("ا"), sorted(loose_chars("a"))
        (True, ['A', 'a'])
    """
    return frozenset(
        {*FOLDED_FROM.get(char, {char}), char.lower(), char.upper()}
        | set(_LOWER_TO_LATIN.get(char.lower(), ""))
    )


def _loose_prefixes(phrases: Iterable[str]) -> str:
    """A pattern that matches the start of every raw line whose folded key starts with one
    of ``phrases``, and of a few more: each phrase's first :data:`_LOOSE_DEPTH` letters,
    with anything that is no letter allowed between them.

    A necessary test, not the answer: ten times cheaper to compile than :func:`_trie` of
    the same phrases (whose classes of deleted characters stand before every letter).

    Example:
        >>> import re
        >>> loose = re.compile(_loose_prefixes(["تابعونا على"]))
        >>> bool(loose.match("تـابِعونا  على تويتر")), bool(loose.match("تابع الخبر"))
        (True, False)
    """
    root = _prefix_tree(map(loose_key, phrases))
    return f"{_LOOSE_SKIP}(?:{_loose_emit(root, True)})" if root else r"(?!)"


def _loose_emit(node: dict[str, Any], first: bool) -> str:
    if "" in node:
        return ""  # a phrase's letters end here: what follows does not matter
    alts = [
        ("" if first else _LOOSE_SKIP) + _class(loose_chars(ch)) + _loose_emit(node[ch], False)
        for ch in sorted(node)
    ]
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def _skipped(char: str) -> bool:
    # What ``_LOOSE_SKIP`` takes: no word character (as ``\w`` reads it), or a tatweel.
    return not (char.isalnum() or char == "_") or char == "\u0640"


def _factored_node(node: dict[str, Any]) -> str:
    # What follows a letter: nothing when a phrase's letters end there (any line that gets
    # so far opens like the phrase), else the skip once, then the next letters' branches.
    return "" if "" in node else _factored_branches(node)


def _factored_branches(node: dict[str, Any]) -> str:
    # The skip once, then the node's alternatives, each opening with its letter's class:
    # the engine tests the class before it enters an alternative, where ``_loose_emit``'s
    # skip in every alternative made it enter each. Before a letter the skip cannot take,
    # the skip takes the whole run and gives nothing back (``*+``); a letter it can take
    # (``(``, ``-``: a few phrases open with punctuation) is tried after the greedy skip.
    kept: list[str] = []
    skipped: list[str] = []
    for ch in sorted(node):
        chars = loose_chars(ch)
        alt = _class(chars) + _factored_node(node[ch])
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
def loose_openings(phrases: tuple[str, ...], heads: frozenset[str]) -> dict[str, re.Pattern[str]]:
    """The pattern of :func:`_loose_prefixes` split by a line's first character: for each
    of ``heads``, one that matches a line opening with it where the whole pattern does
    (the branches of the tree that character opens, or the whole tree for a character the
    tree skips); a character that opens no branch has none.

    A line is tried against the few branches its first character opens, not against
    every branch in turn (most lines fail on their second letter). Each node's skip of
    what is no letter stands once before its alternatives (a node ``(?:S a…|S b…)`` is
    written ``S(?:a…|b…)``): the same lines match, though a match may end elsewhere, which
    a caller asking whether one does never reads. The mapping is a plain dict, for the
    detector's lookups over a page's lines; nothing changes it once made.

    Example:
        >>> openings = loose_openings(("تابعونا على",), frozenset("تب"))
        >>> bool(openings["ت"].match("تـابِعونا  على")), "ب" in openings
        (True, False)
    """
    root = _prefix_tree(map(loose_key, phrases))
    if not root:
        return {}
    whole = _factored_branches(root)
    branches: dict[str, list[str]] = {}
    for ch in sorted(root):
        branch = _class(loose_chars(ch)) + _factored_node(root[ch])
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
                compiled[source] = re.compile(portable(source))
            out[head] = compiled[source]
    return out


# Between a candidate's letters in lines joined by line breaks (see line_candidates): what
# ``_LOOSE_SKIP`` takes but the line break, so that no skip runs from a line into the next
# (the tatweel, a word character to ``\w``, is taken between runs of the others). Every skip
# is possessive: the letters' classes hold nothing it takes.
_LINE_SKIP = "[^\\w\\n]*+(?:\u0640[^\\w\\n]*+)*+"


def _line_key(key: str) -> str:
    # A letter of the key that the skip takes whatever it is written as (``(``, ``-``) is
    # the skip's: what the loose tree reads of a line there, the skip reads.
    return "".join(ch for ch in key if not all(map(_skipped, loose_chars(ch))))


def _line_tree(node: dict[str, Any]) -> str:
    if "" in node:
        return ""
    alts = []
    for ch in sorted(node):
        chars = loose_chars(ch)
        kept = frozenset(c for c in chars if not _skipped(c))
        # A letter the skip can take as written in some forms and not in others stands
        # after the skip in the forms it cannot take, or not at all.
        alts.append(_class(kept) + ("?" if kept != chars else "") + _line_tree(node[ch]))
    return _LINE_SKIP + _group(alts)


@functools.lru_cache(maxsize=16)
def line_candidates(phrases: tuple[str, ...], tickers: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern whose group 1 is every line, of lines joined by ``"\\n"`` after a first
    ``"\\n"``, that a furniture phrase or a ticker can open: each line that
    :func:`loose_openings`' pattern of its first character matches, or that the ``ticker``
    pattern matches at its start, and a few more.

    One C-level search over a page's short lines instead of a call a line. The loose tree is
    read with the letters the skip can take left out (the skip takes them), so that every
    skip is possessive and never backtracks, and no skip crosses a line break.

    Example:
        >>> pattern = line_candidates(("طباعة", "(صورة:"), ("عاجل",))
        >>> pattern.findall("\\n" + "\\n".join(["طباعة", "نص", "(صورة: رويترز", "عاجل: خبر"]))
        ['طباعة', '(صورة: رويترز', 'عاجل: خبر']
    """
    keys = [_line_key(k) for k in map(loose_key, phrases) if k]
    # A key of letters the skip takes alone: every line may open like it.
    tree = "" if not all(keys) else _line_tree(_prefix_tree(keys)) if keys else "(?!)"
    ticker = f"{_GAP}(?:{_trie(tickers)})"
    with _shared_charsets():
        return re.compile(portable(f"\\n(?=(?:{tree})|{ticker})([^\\n]*)"))
