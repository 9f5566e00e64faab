"""The substring bounds of lexical cohesion (see :mod:`arnews.cohesion`): whether a line
shares more than a given number of its content words with its text, read from the text
folded, with C-level substring searches and no word counted, where that settles it.

Example:
    >>> from arnews.cohesion import content_words, stems
    >>> from arnews.normalize import fold_chars
    >>> line = "زار الوزير أسوان"
    >>> share_bounds_in(content_words(line), stems(line), [fold_chars("عاد الوزير")], 0)
    True
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import repeat

from .cohesion import _CLITICS, _LETTERS, _PREPEND, MIN_STEM, _stem

__all__ = ["share_bounds", "share_bounds_in", "share_bounds_open"]


def share_bounds(
    words: Iterable[str], read: list[str], folded: str, start: int, end: int, most: float
) -> bool | None:
    """Tell, where substring searches settle it, whether more than ``most`` of ``words`` (a
    line's content words) are shared with its text, as ``shared_elsewhere`` counts
    them: exact ``True`` or ``False``, or ``None`` (word counts tell). ``read``: the line's
    ``stems``; ``folded``: the text's lines folded and joined by line breaks, the line
    at ``folded[start:end]``; the rest is searched as :func:`share_bounds_in` says.

    Example:
        >>> from arnews.cohesion import content_words, stems
        >>> from arnews.normalize import fold_chars
        >>> line = "زار الوزير أسوان"
        >>> text = fold_chars(line + "\\nعاد الوزير")
        >>> words, read = content_words(line), stems(line)
        >>> share_bounds(words, read, text, 0, 16, 0), share_bounds(words, read, text, 0, 16, 1)
        (True, False)
    """
    return share_bounds_in(words, read, (folded[:start], folded[end:]), most)


def share_bounds_in(
    words: Iterable[str], read: list[str], rest: Iterable[str], most: float
) -> bool | None:
    """:func:`share_bounds` with the rest of the text in pieces of whole lines (folded and
    joined by line breaks), read only as far as needed. A word no piece holds even inside
    a word is not shared (the text counts it, and its clitic forms, as the line does); one
    the pieces hold as a whole word's stem more often than the line holds its forms with a
    one-letter clitic is (see ``surely_shared``). On a line of the story the nearest
    lines, given first, soon show more than ``most`` shared (``True``): the rest is never
    folded nor searched. ``False`` needs every piece.

    Example:
        >>> from arnews.cohesion import content_words, stems
        >>> from arnews.normalize import fold_chars
        >>> line = "زار الوزير أسوان"
        >>> words, read = content_words(line), stems(line)
        >>> share_bounds_in(words, read, [fold_chars("عاد الوزير")], 0)
        True
    """
    return share_bounds_open(words, read, rest, most)[0]


def share_bounds_open(
    words: Iterable[str], read: list[str], rest: Iterable[str], most: float
) -> tuple[bool | None, int, list[str]]:
    """:func:`share_bounds_in`, with what it left open: its answer, how many words it found
    surely shared, and the words the pieces hold (inside a word at least) that it could not
    settle. Where the answer is ``None`` and every piece was given, only those words are
    still to count, and only the lines that hold them, inside a word at least, hold any of
    their forms (see :meth:`arnews.detectors.article_words._ArticleWords.shares_more`).

    Example:
        >>> from arnews.cohesion import content_words, stems
        >>> from arnews.normalize import fold_chars
        >>> line = "زار الوزير أسوان"
        >>> words, read = content_words(line), stems(line)
        >>> share_bounds_open(words, read, [fold_chars("عاد الوزير الى اسوانها")], 1)
        (None, 1, ['اسوان'])
    """
    pending = list(words)
    seen: set[str] = set()
    found: dict[str, int] = {}  # whole words counted so far, of words that need more
    forms: set[str] | None = None
    shared = 0
    for piece in rest:
        # Each word is searched for when its turn comes, not all of them first: on a line
        # of the story the words shared before the answer is known are a few of its words
        # (a long line's thirty words need six), and the others are never searched. The
        # order does not change the answer: every count only grows, and a word's count in
        # a piece is the same whenever it is taken.
        size = len(piece)
        for word in tuple(pending):
            if word not in piece:
                continue
            seen.add(word)
            # One whole word more than the line's forms of it with a one-letter clitic.
            if forms is None:
                forms = set(read)
            need = 1
            if any(map(forms.__contains__, map(_PREPEND, _LETTERS, repeat(word)))):
                need += sum(map(read.count, map(_PREPEND, _LETTERS, repeat(word))))
            have = found.get(word, 0)
            have += _whole_words(word, piece, 0, size, need - have)
            if have >= need:
                shared += 1
                if shared > most:
                    return True, shared, []
                pending.remove(word)
            else:
                found[word] = have
    if len(seen) > most:
        return None, shared, [word for word in pending if word in seen]
    return False, shared, []


def _whole_words(word: str, folded: str, lo: int, hi: int, most: int) -> int:
    """How many whole words of ``folded[lo:hi]`` have ``word`` as their stem, counted up to
    ``most``, among the first few places that hold it (a lower bound)."""
    find = folded.find
    size = len(word)
    found = looked = 0
    at = find(word, lo, hi)
    while at >= 0 and looked < _MAX_LOOKS:
        looked += 1
        after = at + size
        if after == len(folded) or not folded[after].isalnum():
            # Back to the word's start: at most a clitic's length before ``at``.
            first = at
            while first > lo and folded[first - 1].isalnum() and at - first < _LONGEST_CLITIC:
                first -= 1
            if (first == 0 or not folded[first - 1].isalnum()) and _whole_stem(
                folded[first:after]
            ) == word:
                found += 1
                if found >= most:
                    return found
        at = find(word, after, hi)
    return found


# Occurrences of a word looked at for the lower bound of share_bounds (a word inside many
# others, `قال` in `استقال`, is left open after that many).
_MAX_LOOKS = 8
_LONGEST_CLITIC = max(map(len, _CLITICS))


def _whole_stem(word: str) -> str | None:
    """The stem ``stems`` reads from a whole word (``None``: too short for one)."""
    if len(word) < MIN_STEM:
        return None
    return _stem(word)
