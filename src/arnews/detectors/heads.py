"""Which lines head each article: the first two open lines of each, found in C-level passes.

The credit, dateline and stamp detectors read only an article's first lines; on a page of
many articles (a chain of read-also articles) those are found here for all articles at once.

Example:
    >>> from arnews.state import PageState
    >>> head_lines(PageState.of("أ\\nب\\nج"))
    ({0}, [1])
"""

from __future__ import annotations

from itertools import compress, count, islice, repeat
from operator import is_, lt, not_

from ..state import PageState

__all__ = ["article_heads", "head_lines", "head_lists", "more_words_than"]

# A word is seldom longer than this: a line's first words are looked for in a prefix this
# many characters a word long before the whole line is split.
_WORD_CHARS = 16


def more_words_than(text: str, start: int, end: int, limit: int) -> bool:
    """Tell whether ``text[start:end]`` holds more than ``limit`` white-space separated words.

    As ``word_count(text[start:end], limit) > limit``, without the slice and split of a whole
    paragraph: where a prefix of it already holds more than ``limit`` words (the first
    ``limit`` each followed by white space, and one more begun), so does the whole.

    Example:
        >>> text = "قال الوزير في بيان اليوم إن " * 50
        >>> more_words_than(text, 0, len(text), 5), more_words_than("أ ب", 0, 3, 5)
        (True, False)
    """
    stop = start + (limit + 1) * _WORD_CHARS
    if stop < end and len(text[start:stop].split(None, limit)) > limit:
        return True
    return len(text[start:end].split(None, limit)) > limit


def article_heads(state: PageState) -> list[int]:
    """Each article's first two open lines that no detector classified, in order.

    Example:
        >>> state = PageState.of("أ\\nب\\nج")
        >>> article_heads(state)
        [0, 1]
    """
    firsts, seconds = head_lists(state)
    return sorted(firsts + seconds)


def head_lines(state: PageState) -> tuple[set[int], list[int]]:
    """Each article's first open line that no detector classified, and the second (of the
    articles that have one).

    Found in C-level passes: read backwards, the last line kept for an article is its first.

    Example:
        >>> state = PageState.of("أ\\nب\\nج")
        >>> head_lines(state)
        ({0}, [1])
    """
    firsts, seconds = head_lists(state)
    return set(firsts), seconds


def head_lists(state: PageState, *, keep: bool = False) -> tuple[list[int], list[int]]:
    """:func:`head_lines`, the first lines as a list in line order (lists the caller must
    not change).

    With ``keep``, the answer is kept for the next call (the credit detector's, before the
    dateline detector's on a page of many articles), with the columns it was read from: it
    is given again while they are as they were (three C-level comparisons, most of whose
    items are the same objects), found again once a detector changed them.

    Example:
        >>> state = PageState.of("أ\\nب\\nج")
        >>> head_lists(state, keep=True), head_lists(state)
        (([0], [1]), ([0], [1]))
    """
    articles, rests, kinds = state.article, state.rest, state.kind
    kept = state.memo.get(head_lists)
    if kept is not None:
        # (A memo may forget what it is given: the answer is then found again.)
        found = kept.get(_KEPT)
        if found is not None and found[0] == kinds and found[1] == rests and found[2] == articles:
            heads: tuple[list[int], list[int]] = found[3]
            return heads
    heads = _head_lists(state)
    if keep:
        state.memo[head_lists] = {_KEPT: (kinds.copy(), rests.copy(), articles.copy(), heads)}
    return heads


# The key under which :func:`head_lists` keeps its answer in the page's memo.
_KEPT = "kept"


def _head_lists(state: PageState) -> tuple[list[int], list[int]]:
    articles, rests, ends = state.article, state.rest, state.ends
    # The lines no detector classified first (on a page of many articles, most lines are
    # markers and titles), then those of them with text left.
    # (Selected by identity in one C-level pass: ``state.lines_of(None)`` counts them first,
    # which compares each other line's kind with ``None``, as dear a line as the pass.)
    fresh = list(compress(count(), map(is_, state.kind, repeat(None))))
    lines = list(
        compress(fresh, map(lt, map(rests.__getitem__, fresh), map(ends.__getitem__, fresh)))
    )
    owners = list(map(articles.__getitem__, lines))
    if all(map(lt, owners, islice(owners, 1, None))):
        # Each line of another article, in the articles' order (a chain of read-also
        # articles of one body line each): every line is its article's first, and none a
        # second (one C-level pass tells so).
        return lines, []
    back = lines[::-1]
    owners.reverse()
    first_of = dict(zip(owners, back, strict=True))
    firsts = set(first_of.values())
    others = list(compress(back, map(not_, map(firsts.__contains__, back))))
    seconds = list(dict(zip(map(articles.__getitem__, others), others, strict=True)).values())
    return sorted(firsts), seconds
