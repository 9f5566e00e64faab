"""The line scanner: where every non-blank line of the input starts and ends.

The input is never rewritten. Every later step works on :class:`Line` records whose offsets
point into the caller's string, so every field can say where it came from.

Line breaks are those of :meth:`str.splitlines`: ``\\n``, ``\\r\\n``, ``\\r``, ``\\v``, ``\\f``,
``\\x1c``–``\\x1e``, ``\\x85``, ``\\u2028`` and ``\\u2029``. A line's content is trimmed of
:data:`BLANKS` (white space, zero-width characters, bidi controls and the BOM), so a leading
BOM or a line of NBSPs is not content.

Example:
    >>> lines = scan("\\ufeffأ\\r\\n\\n  ب  ")
    >>> [(ln.start, ln.end, ln.text, ln.blank_before) for ln in lines]
    [(1, 2, 'أ', True), (7, 8, 'ب', True)]
"""

from __future__ import annotations

import re

from .normalize import FOLD_DELETED, fold_chars

__all__ = ["BLANKS", "BLANK_SET", "Line", "is_blank_char", "scan", "unfold_offset"]

#: Characters that are never content on their own: Unicode white space (line breaks
#: included), zero-width characters, bidi controls, the BOM and the soft hyphen.
BLANKS = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff\u061c\xad"
)
#: :data:`BLANKS` as a set, for fast membership tests.
BLANK_SET = frozenset(BLANKS)

# Characters the fold deletes (diacritics, tatweel, controls): mapping a folded offset back
# to the original skips exactly these.
_FOLD_DELETES = FOLD_DELETED

# How many characters of a line's start are folded for marker matching.
PREFIX_CHARS = 80

# The line breaks of str.splitlines; every one of them is also in BLANKS.
_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_ONE_BREAK = frozenset(("\n", "\r\n", "\r"))
# A line's content: from its first non-blank character to its last, never across a break.
# The inner run is a negated class followed by one character, so a match costs at most two
# passes over its line whatever the line holds.
_CONTENT = re.compile(f"[^{re.escape(BLANKS)}](?:[^{re.escape(_BREAKS)}]*[^{re.escape(BLANKS)}])?")


def is_blank_char(char: str) -> bool:
    """Tell whether ``char`` is one of :data:`BLANKS`.

    Example:
        >>> is_blank_char("\\xa0"), is_blank_char("ا")
        (True, False)
    """
    return char in BLANK_SET


class Line:
    """One non-blank line: offsets of its trimmed content in the original input.

    Attributes:
        index: position among the non-blank lines (0-based).
        start: offset of the first content character.
        end: offset just after the last content character.
        text: ``input[start:end]``.
        blank_before: a blank line (or the start of the input) separates it from the
            previous content line.
        folded: the folded key of the first :data:`PREFIX_CHARS` characters of ``text``.
    """

    __slots__ = ("blank_before", "end", "folded", "index", "start", "text")

    def __init__(
        self, index: int, start: int, text: str, blank_before: bool, folded: str | None = None
    ) -> None:
        self.index = index
        self.start = start
        self.end = start + len(text)
        self.text = text
        self.blank_before = blank_before
        self.folded = fold_chars(text[:PREFIX_CHARS]) if folded is None else folded

    def __repr__(self) -> str:
        return f"Line({self.index}, {self.start}, {self.end}, {self.text[:30]!r})"


def scan(text: str) -> list[Line]:
    """Split ``text`` into its non-blank lines, recording where each starts.

    Runs in one pass of one regex over the text (blank stretches cost nothing in Python),
    and folds every line's prefix in one call: a megabyte of short lines stays cheap.

    Example:
        >>> [ln.text for ln in scan("أ\\n \\nب")]
        ['أ', 'ب']
    """
    spans = [m.span() for m in _CONTENT.finditer(text)]
    if not spans:
        return []
    bodies = [text[s:e] for s, e in spans]
    # Content never holds a line break and the fold never makes one, so the prefixes can be
    # folded together and split again.
    folded = fold_chars("\n".join([b[:PREFIX_CHARS] for b in bodies])).split("\n")
    lines: list[Line] = []
    append = lines.append
    prev = -1
    for i, (s, e) in enumerate(spans):
        if prev < 0:
            blank_before = True
        else:
            gap = text[prev:s]
            if gap in _ONE_BREAK:
                blank_before = False
            else:
                # Two breaks or more between two content lines: a blank line stood there.
                pieces = gap.splitlines(keepends=True)
                breaks = len(pieces) - (pieces[-1][-1] not in _BREAKS)
                blank_before = breaks >= 2
        append(Line(i, s, bodies[i], blank_before, folded[i]))
        prev = e
    return lines


def unfold_offset(original: str, folded_offset: int) -> int:
    """Map an offset in ``fold_chars(original)`` back to an offset in ``original``.

    The fold maps one character to one or deletes it, so the answer is the position after
    the ``folded_offset``-th kept character, extended over any deleted characters that
    directly follow (a marker's tanween belongs to the marker).

    Example:
        >>> unfold_offset("أيضاً: نص", 5)
        6
    """
    kept = 0
    i = 0
    n = len(original)
    while i < n and kept < folded_offset:
        if original[i] not in _FOLD_DELETES:
            kept += 1
        i += 1
    while i < n and original[i] in _FOLD_DELETES:
        i += 1
    return i
