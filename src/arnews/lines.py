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

from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate, compress, repeat
from operator import add, itemgetter
from typing import NamedTuple, overload

from .normalize import FOLD_DELETED, fold_chars

__all__ = [
    "BLANKS",
    "BLANK_SET",
    "Columns",
    "Line",
    "LineView",
    "blank_before",
    "is_blank_char",
    "scan",
    "scan_columns",
    "scan_heads",
    "trim_blanks",
    "unfold_offset",
]

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

# The line breaks of str.splitlines (all of them are in BLANKS).
_BREAK_SET = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")

# The line breaks other than "\n", each searched for on its own (see _scan_any).
_OTHER_BREAKS = ("\r", *sorted(_BREAK_SET - {"\n", "\r"}))

# How many characters of a line's start are folded for marker matching.
PREFIX_CHARS = 80


def is_blank_char(char: str) -> bool:
    """Tell whether ``char`` is one of :data:`BLANKS`.

    Example:
        >>> is_blank_char("\\xa0"), is_blank_char("ا")
        (True, False)
    """
    return char in BLANK_SET


def trim_blanks(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``text[start:end]``'s bounds without the blanks at its ends, or ``None`` if only
    blanks remain.

    A part, a claimed piece and a field's sub-span are trimmed alike, so that each lies
    inside the one that holds it.

    Example:
        >>> trim_blanks(" أب\xa0", 0, 4), trim_blanks("  ", 0, 2)
        ((1, 3), None)
    """
    while start < end and text[start] in BLANK_SET:
        start += 1
    while end > start and text[end - 1] in BLANK_SET:
        end -= 1
    return (start, end) if start < end else None


class Line:
    """One non-blank line: offsets of its trimmed content in the original input.

    Attributes:
        index: position among the non-blank lines (0-based).
        start: offset of the first content character.
        end: offset just after the last content character.
        text: ``input[start:end]``.
        blank_before: a blank line (or the start of the input) separates it from the
            previous content line.
        folded: the folded key of the first :data:`PREFIX_CHARS` characters of ``text``
            (worked out on first use).
    """

    __slots__ = ("_folded", "blank_before", "end", "index", "start", "text")

    def __init__(
        self, index: int, start: int, text: str, blank_before: bool, folded: str | None = None
    ) -> None:
        self.index = index
        self.start = start
        self.end = start + len(text)
        self.text = text
        self.blank_before = blank_before
        self._folded = folded

    @property
    def folded(self) -> str:
        """The folded key of the line's first :data:`PREFIX_CHARS` characters."""
        if self._folded is None:
            self._folded = fold_chars(self.text[:PREFIX_CHARS])
        return self._folded

    def __repr__(self) -> str:
        return f"Line({self.index}, {self.start}, {self.end}, {self.text[:30]!r})"


class Columns(NamedTuple):
    """The non-blank lines of a text as parallel lists (see :func:`scan_columns`)."""

    #: Offset of each line's first content character.
    starts: list[int]
    #: Offset just after each line's last content character.
    ends: list[int]
    #: Each line's trimmed content, ``text[start:end]``.
    texts: list[str]


def scan_columns(text: str) -> Columns:
    """Split ``text`` into its non-blank lines, as parallel lists of offsets and texts.

    The parser's own scanner: every step is a C-level pass over all lines (``splitlines``,
    ``map``, ``compress``, ``accumulate``), with no Python code per line, so a megabyte of
    half a million short lines stays cheap.

    Example:
        >>> scan_columns("\\ufeffأ\\r\\n\\n  ب  ")
        Columns(starts=[1, 7], ends=[2, 8], texts=['أ', 'ب'])
    """
    return scan_heads(text)[0]


#: Pages of at least this many characters, with lines of at most :data:`FAST_SCAN_LINE`
#: characters on average, are scanned by the short-line path of :func:`scan_heads`.
FAST_SCAN_CHARS = 1 << 16
#: See :data:`FAST_SCAN_CHARS`.
FAST_SCAN_LINE = 80

_HEAD = itemgetter(0)
_LAST = itemgetter(-1)
# The BLANKS that are not white space (zero-width characters, bidi controls, the BOM, the
# soft hyphen): ``str.strip()`` leaves them where stripping BLANKS would not.
_INVISIBLE = frozenset(c for c in BLANKS if not c.isspace())
_INVISIBLE_CHARS = tuple(sorted(_INVISIBLE))
# A page of more lines than this is first searched for the invisible characters (a few
# C-level searches of the text, where the lines' last characters cost an object a line).
_MANY_LINES = 1024
# A named tuple's own constructor is a Python function; the scanner makes one a page.
_new_tuple = tuple.__new__


def scan_heads(text: str) -> tuple[Columns, list[str]]:
    """:func:`scan_columns`, with each line's first character (``texts[i][0]``) as well.

    The parser keeps the first characters as :attr:`arnews.state.PageState.firsts`; the
    scanner needs them anyway, so they are not worked out twice.

    Example:
        >>> scan_heads("أب\\n ج")
        (Columns(starts=[0, 4], ends=[2, 5], texts=['أب', 'ج']), ['أ', 'ج'])
    """
    # A page of many short lines (hundreds of thousands of them in a megabyte) pays for
    # every object made a line: most such pages break their lines with a lone "\n" and put
    # no invisible character (a zero-width space, a bidi mark) at a line's ends. Then each
    # raw line is followed by exactly one character, and plain ``str.strip`` trims what
    # stripping BLANKS would: its white space is BLANKS' white space, and a line that only
    # looks clean by it starts or ends with an invisible character, which the first and
    # last characters tell. Each line is then made once (no line break kept on it, no
    # second copy when trimmed), and where no line needs trimming, no search for where its
    # content starts is made. An ordinary page (a few dozen lines) costs less by the
    # general path, which takes no count of its breaks first.
    if len(text) < FAST_SCAN_CHARS or "\r" in text:
        return _scan_any(text)
    breaks = text.count("\n")
    if breaks * FAST_SCAN_LINE < len(text):  # long lines: the general path costs no more
        return _scan_any(text)
    raw = text.splitlines()
    if len(raw) - (text[-1:] not in _BREAK_SET) != breaks:  # another line break
        return _scan_any(text)
    if (
        len(text) - breaks == len(raw)
        and text[:1] != "\n"
        and "\n\n" not in text
        and BLANK_SET.isdisjoint(raw)
    ):
        # As many characters as lines, and no empty line: each line is one character (a
        # page of colons, dashes or bullets), none of them blank. Each line is its own
        # content and its own first character, and the lines start every other character.
        # (Half a million of them cost a strip, a filter, a first character and a length
        # a line otherwise: 40% of the scan.)
        size = 2 * len(raw)
        starts = list(range(0, size, 2))
        return _new_tuple(Columns, (starts, list(range(1, size, 2)), raw)), raw.copy()
    content = list(map(str.strip, raw))
    texts = list(filter(None, content))
    heads = list(map(_HEAD, texts))
    if _invisible_at_ends(text, heads, texts):
        return _scan_any(text)
    lengths = list(map(len, raw))
    # Lines all of one length (a line repeated): the offsets step evenly, and a range makes
    # them at a fraction of the cost of adding them up.
    # (Lines of other lengths at its first, middle and last lines: not even, with no count.)
    head = lengths[0]
    even = lengths[-1] == head == lengths[len(lengths) // 2] and lengths.count(head) == len(lengths)
    offsets: Iterable[int]
    if even:
        step = lengths[0] + 1
        offsets = range(0, len(raw) * step + 1, step)
    else:
        offsets = accumulate(map(add, lengths, repeat(1)), initial=0)
    lines: Iterable[str] = raw
    if len(texts) < len(raw):  # else every line has content: nothing to leave out
        offsets = compress(offsets, content)
        lines = compress(raw, content)
    if content == raw:  # no line had blanks to trim (``strip`` kept each line as it was)
        if even and len(texts) == len(raw):
            starts = list(range(0, len(raw) * step, step))
            ends = list(range(step - 1, len(raw) * step, step))
            return _new_tuple(Columns, (starts, ends, texts)), heads
        starts = list(offsets)
        del starts[len(texts) :]  # the offset after the last line, when it was not left out
        if len(texts) == len(raw):  # each line is its content: its length is known
            ends = list(map(add, starts, lengths))
            return _new_tuple(Columns, (starts, ends, texts)), heads
    else:
        starts = list(map(add, offsets, map(str.find, lines, heads)))
    ends = list(map(add, starts, map(len, texts)))
    return _new_tuple(Columns, (starts, ends, texts)), heads


def _scan_any(text: str) -> tuple[Columns, list[str]]:
    """:func:`scan_heads` for any page: every line break of ``str.splitlines``, BLANKS
    stripped whatever they are."""
    # Every line break but "\r\n" is one character: with no "\r", each raw line is followed
    # by one (the last by the end of the text). An ordinary page is cut by ``splitlines``
    # (a table look-up a character): a search for each break other than "\n", then
    # ``split("\n")``, costs more on Arabic text, where memchr for U+2028 and U+2029 stops
    # at every ب and ة (whose low byte they share). On a long page the searches cost less
    # (a megabyte of one long line: 84 M instructions, against 87 M by ``splitlines``).
    if len(text) < FAST_SCAN_CHARS:
        if "\r" not in text:
            raw = text.splitlines()
            return _columns(raw, map(add, map(len, raw), repeat(1)), text)
    elif not any(map(text.__contains__, _OTHER_BREAKS)):
        raw = text.split("\n")
        return _columns(raw, map(add, map(len, raw), repeat(1)), text)
    raw = text.splitlines(True)
    return _columns(raw, map(len, raw), text)


def _columns(raw: list[str], steps: Iterable[int], text: str) -> tuple[Columns, list[str]]:
    """The columns and first characters of the raw lines ``raw`` of ``text``, each
    ``steps`` characters after the one before it (its break included)."""
    # Plain ``str.strip`` is several times cheaper than stripping BLANKS (which builds its
    # set of characters anew for each line) and trims the same wherever no line's content
    # starts or ends with an invisible character (see scan_heads), which two C-level
    # passes tell.
    content = list(map(str.strip, raw))
    texts = list(filter(None, content))
    heads = list(map(_HEAD, texts))
    if _invisible_at_ends(text, heads, texts):
        content = list(map(str.strip, raw, repeat(BLANKS)))
        texts = list(filter(None, content))
        heads = list(map(_HEAD, texts))
    offsets: Iterable[int] = accumulate(steps, initial=0)
    if len(texts) < len(raw):  # else every line has content: nothing to leave out
        offsets = compress(offsets, content)
    if content == raw:
        # No line had blanks to trim (``strip`` kept each as it was, which the comparison
        # tells by identity): each line's content starts where the line does (most pages).
        starts = list(offsets)
        del starts[len(texts) :]  # the offset after the last line, when it was not left out
    else:
        # A line's content starts at the first occurrence of its first character: what
        # comes before it on the raw line is blank and it is not. Searching for one
        # character costs next to nothing, where searching for the whole content (a
        # paragraph) costs its length.
        lines = compress(raw, content) if len(texts) < len(raw) else raw
        starts = list(map(add, offsets, map(str.find, lines, heads)))
    ends = list(map(add, starts, map(len, texts)))
    return _new_tuple(Columns, (starts, ends, texts)), heads


def _invisible_at_ends(text: str, heads: list[str], texts: list[str]) -> bool:
    """Tell whether a line's content (``texts``, with first characters ``heads``) starts or
    ends with an invisible character: then stripping BLANKS trims more than ``str.strip``."""
    if len(texts) > _MANY_LINES and not any(map(text.__contains__, _INVISIBLE_CHARS)):
        return False  # none anywhere (as on most pages)
    return not _INVISIBLE.isdisjoint(heads) or not _INVISIBLE.isdisjoint(map(_LAST, texts))


def blank_before(text: str, columns: Columns, i: int) -> bool:
    """Tell whether a blank line (or the start of the input) comes before line ``i``.

    Two line breaks or more between two content lines mean a blank line stood there
    (``\\r\\n`` is one break).

    Example:
        >>> text = "أ\\n\\nب\\r\\nج"
        >>> [blank_before(text, scan_columns(text), i) for i in range(3)]
        [True, True, False]
    """
    if i == 0:
        return True
    gap = text[columns.ends[i - 1] : columns.starts[i]]
    pieces = gap.splitlines(True)
    breaks = len(pieces) - (pieces[-1][-1:] not in _BREAK_SET) if pieces else 0
    return breaks >= 2


def scan(text: str) -> list[Line]:
    """Split ``text`` into its non-blank lines, as :class:`Line` records.

    Example:
        >>> [ln.text for ln in scan("أ\\n \\nب")]
        ['أ', 'ب']
    """
    cols = scan_columns(text)
    return [
        Line(i, s, t, blank_before(text, cols, i))
        for i, (s, t) in enumerate(zip(cols.starts, cols.texts, strict=True))
    ]


class LineView(Sequence[Line]):
    """The page's lines as :class:`~arnews.lines.Line` records, made on first access.

    The parser itself works on :class:`~arnews.state.PageState`'s parallel lists
    (``starts``, ``ends``, ``texts``); this view is for detectors that prefer one object per
    line. (It lives here, beside :class:`Line`; ``arnews.state`` still exports it.)

    Example:
        >>> text = "أ\\n\\nب"
        >>> view = LineView(text, scan_columns(text))
        >>> [(ln.text, ln.blank_before) for ln in view]
        [('أ', True), ('ب', True)]
    """

    # It holds the text and columns, not the state, so that a parse makes no reference cycle
    # (a batch job that pauses the garbage collector must not keep every page's state).
    __slots__ = ("_cache", "_columns", "_text")

    def __init__(self, text: str, columns: Columns) -> None:
        self._text = text
        self._columns = columns
        self._cache: dict[int, Line] = {}

    def __len__(self) -> int:
        return len(self._columns.starts)

    @overload
    def __getitem__(self, i: int) -> Line: ...

    @overload
    def __getitem__(self, i: slice) -> list[Line]: ...

    def __getitem__(self, i: int | slice) -> Line | list[Line]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("line index out of range")
        line = self._cache.get(i)
        if line is None:
            cols = self._columns
            blank = blank_before(self._text, cols, i)
            line = self._cache[i] = Line(i, cols.starts[i], cols.texts[i], blank)
        return line

    def __iter__(self) -> Iterator[Line]:
        return (self[i] for i in range(len(self)))


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
