"""The words of each article of a page, for the related-headline detector's cohesion tests.

:class:`_ArticleWords` reads an article's open lines when a test first needs them, and
tells whether a line shares its words with the rest of its article (a line of the story
does; a teaser of another story, or a headline set in the body, shares next to none). See
:mod:`arnews.cohesion` for what sharing a word means.

Example:
    >>> from arnews.state import PageState
    >>> state = PageState.of("زار الوزير أسوان أمس\\nوقال الوزير إن أسوان جميلة")
    >>> words = _ArticleWords(state, range(2))
    >>> own = words.content_words(1)
    >>> sorted(own), words.shares_more(1, own, state.texts[1], 0)
    (['اسوان', 'جميله', 'وزير'], True)
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import chain, compress, repeat
from operator import contains, or_
from typing import cast

from ..cohesion import (
    StemCounts,
    content_words,
    shared_elsewhere,
    stems,
    stop_words,
    surely_shared,
)
from ..normalize import fold_chars
from ..share_bounds import share_bounds_open
from ..state import MAIN, PageState

__all__ = ["MAX_SEARCH_CHARS", "MIN_UNRELATED_WORDS"]

# A line needs this many content words for sharing none with its article to tell anything.
MIN_UNRELATED_WORDS = 4
# The substring searches a page may spend on the cheap test of a line against its article
# (`cohesion.share_bounds`), in characters searched at worst (a line's words times its
# article's folded length); past it, lines are tested on word counts alone, as before.
MAX_SEARCH_CHARS = 1 << 21


class _ArticleWords:
    """Each article's open text, read a line at a time, as far as a test needs.

    A line's word is shared with its article when the article's text holds it more often
    than the line itself does. The article folded whole is searched first for the line's
    words (:func:`arnews.cohesion.share_bounds`): most tests are settled so, and no word
    is counted. Where they are not, the lines nearest it are read: on a line of the story
    they soon tell more words shared than a test needs, and the rest of the article is
    never read; a line of another story reads them all, and then has the exact counts.
    """

    __slots__ = (
        "_counted",
        "_cut",
        "_folded",
        "_index",
        "_lines",
        "_own",
        "_search_left",
        "_spent",
        "_state",
        "_stems",
        "_texts",
        "_words",
        "bullets",
        "evidence",
        "splits",
    )

    def __init__(self, state: PageState, lines: Sequence[int]) -> None:
        self._state = state
        self._lines = lines
        self._own: dict[int, list[str]] | None = None
        self._index: dict[int, Sequence[int]] = {}
        # Each article's counts once every line of it is read, and the stems of its lines
        # read so far (None: not yet).
        self._texts: dict[int, StemCounts] = {}
        self._stems: dict[int, list[list[str] | None]] = {}
        self._spent: dict[int, int] = {}
        # The lines each article's open words were looked for in, and counted on.
        self._counted: dict[int, int] = {}
        # Each article's lines folded (None: not yet), the search budget left for the cheap
        # test, and what the test in progress charges it: its words for each character.
        self._folded: dict[int, list[str | None]] = {}
        self._search_left = MAX_SEARCH_CHARS
        self._words = 0
        self._cut = False
        #: The page lexicon's bullet characters (a line that opens with one is a list item).
        self.bullets = _bullet_set(state.lexicon.bullets)
        # What a line's text tells by itself, and where it splits into headlines (offsets
        # in the text), per distinct text: pages repeat lines (a widget on every article of
        # a chain), and the similar headlines this reads do not change during the detector.
        self.evidence: dict[str, tuple[int, int] | None] = {}
        self.splits: dict[str, list[tuple[int, int]]] = {}

    def _texts_of(self) -> dict[int, list[str]]:
        """Each article's open texts (and, in ``_index``, their lines), read once."""
        if self._own is None:
            state = self._state
            lines: dict[int, list[str]] = {}
            if state.n_articles == 1:
                lines[MAIN] = list(map(state.texts.__getitem__, self._lines))
                self._index[MAIN] = self._lines
            else:
                index: dict[int, list[int]] = {}
                for j in self._lines:
                    article = state.article[j]
                    lines.setdefault(article, []).append(state.texts[j])
                    index.setdefault(article, []).append(j)
                self._index.update(index)
            self._own = lines
        return self._own

    def _stems_of(self, article: int) -> list[list[str] | None]:
        """The stems of each line of ``article`` read so far."""
        found = self._stems.get(article)
        if found is None:
            found = self._stems[article] = [None] * len(self._texts_of()[article])
        return found

    def _rest(self, article: int, k: int) -> Iterator[str]:
        """The open lines of ``article`` other than its ``k``-th, folded, in pieces of whole
        lines joined by line breaks: the lines next to it first, then those two and three
        lines away, then four to seven … on both sides. Each line is folded once, when a
        piece first holds it; the search budget pays for each piece before it is given,
        and once spent no more are (``_cut`` tells so)."""
        texts = self._texts_of()[article]
        folded = self._folded.get(article)
        if folded is None:
            folded = self._folded[article] = [None] * len(texts)
        n = len(texts)
        near, far = 1, 2
        while near <= k or k + near < n:
            above = slice(max(0, k - far + 1), max(0, k - near + 1))
            below = slice(min(n, k + near), min(n, k + far))
            lines = folded[above] + folded[below]
            if None in lines:
                index = [*range(n)[above], *range(n)[below]]
                missing = [q for q, line in zip(index, lines, strict=True) if line is None]
                joined = fold_chars("\n".join(map(texts.__getitem__, missing)))
                for q, line in zip(missing, joined.split("\n"), strict=True):
                    folded[q] = line
                lines = folded[above] + folded[below]
            piece = "\n".join(cast("list[str]", lines))
            cost = self._words * len(piece)
            if cost > self._search_left:
                self._cut = True
                return
            self._search_left -= cost
            yield piece
            near, far = far, 2 * far

    def _line(self, article: int, k: int) -> list[str]:
        """The stems of the ``k``-th line of ``article`` (read once)."""
        read = self._stems_of(article)
        found = read[k]
        if found is None:
            found = read[k] = stems(self._texts_of()[article][k])
        return found

    def of(self, article: int) -> StemCounts:
        """The open text of ``article`` (the lines open when the detector started)."""
        found = self._texts.get(article)
        if found is None:
            texts = self._texts_of().get(article)
            if texts is None:
                return StemCounts()
            # Only the articles asked about are read (a page of read-also articles asks
            # about one or two); the counts of the few words looked up are worked out when
            # asked for. A text's stems are its lines' stems one after the other: the lines
            # are read in one call, joined, not one call a line (the few a test has read
            # already cost less read again than a call each for the others).
            found = StemCounts.of_counts(Counter(stems("\n".join(texts))))
            self._texts[article] = found
        return found

    def content_words(self, i: int) -> set[str]:
        """The content words of open line ``i`` (read once, as :func:`content_words`)."""
        article = self._state.article[i]
        self._texts_of()
        read = self._line(article, bisect_left(self._index[article], i))
        return set(read).difference(stop_words())

    def shares_more(self, i: int, words: set[str], line: str, most: float) -> bool:
        """Tell whether more than ``most`` of ``words`` (the content words of open line
        ``i``, whole: ``line``) are shared with its article."""
        article = self._state.article[i]
        known = self._texts.get(article)
        texts = self._texts_of()[article]
        k = bisect_left(self._index[article], i)
        if known is None:
            # First, without counting any word: the words the rest of the article holds,
            # even as parts of words, are all it can share, and those it holds as whole
            # words are shared. Most lines are settled so, by the lines nearest them (see
            # cohesion.share_bounds_in).
            self._words, self._cut = len(words), False
            read = self._line(article, k)
            settled, sure, open_words = share_bounds_open(words, read, self._rest(article, k), most)
            if settled or (settled is False and not self._cut):
                return settled
            if not self._cut and self._counted.get(article, 0) < len(texts):
                # Every other line was searched: only the words left open are still to
                # count, and only the lines that hold them (inside a word at least) hold
                # any of their forms: those lines alone are read, not the whole article.
                return sure + self._open_shared(article, k, open_words) > most
        spent = self._spent.get(article, 0)
        # Where the budget cut the searches short, the nearest lines' words are read: lines
        # read so, over all the article's tests, are at most as many as it holds (then it
        # is read whole), and a page of many tests stays linear. Where the searches read
        # all of the article and left the test open, the nearest lines seldom settle it:
        # the article is read whole at once.
        if known is None and self._cut and spent < len(texts):
            own = Counter(self._line(article, k))
            nearby: list[str] = []
            # The lines above it, nearest first, then those below; the bound is taken
            # after 1, 2, 4, 8 … lines, so that a long article costs few of them.
            check = 1
            for n, q in enumerate(chain(range(k - 1, -1, -1), range(k + 1, len(texts))), 1):
                nearby += self._line(article, q)
                if n == check:
                    if surely_shared(words, own, Counter(nearby)) > most:
                        self._spent[article] = spent + n
                        return True
                    check *= 2
        if known is None:
            known = self.of(article)
        return known.shared(words, Counter(self._line(article, k))) > most

    def _open_shared(self, article: int, k: int, open_words: list[str]) -> int:
        """How many of ``open_words`` (content words of the ``k``-th line of ``article``
        that its other lines hold inside a word at least) the article shares, counted on
        the lines that hold one of them and the line itself, every line of the article
        folded already.

        A word's count, and those of its forms with a one-letter clitic, come from the
        lines whose folded text holds the word: counted on those lines alone, in their
        order, they are the whole article's (:meth:`StemCounts.shared`). The lines read
        so are charged to the article: past as many as it holds, it is read whole.
        """
        # The line itself is never folded for its own test: it is read whatever it holds.
        folded = cast("list[str]", self._folded[article].copy())
        folded[k] = ""
        texts = self._texts_of()[article]
        holds = bytearray(len(folded))
        for word in open_words:
            holds = bytearray(map(or_, holds, map(contains, folded, repeat(word))))
        holds[k] = 1
        chosen = list(compress(texts, holds))
        self._counted[article] = self._counted.get(article, 0) + len(chosen)
        counts = StemCounts.of_counts(Counter(stems("\n".join(chosen))))
        return counts.shared(open_words, Counter(self._line(article, k)))

    def unrelated(self, i: int, text: str) -> bool:
        """Tell whether open line ``i`` shares none of its content words with its article."""
        if text[:1] in self.bullets:
            return False  # an item of the article's own list
        state = self._state
        whole = state.rest[i] == state.starts[i]
        own = self.content_words(i) if whole else content_words(text)
        if len(own) < MIN_UNRELATED_WORDS:
            return False
        if whole:
            return not self.shares_more(i, own, text, 0)
        return not shared_elsewhere(own, text, self.of(state.article[i]))


# The bullet characters of the lexicons in use, as sets (by the identity of the lexicon's
# tuple, which it keeps): made once, not twice a page.
_BULLET_SETS: dict[int, tuple[tuple[str, ...], frozenset[str]]] = {}


def _bullet_set(bullets: tuple[str, ...]) -> frozenset[str]:
    """``frozenset(bullets)``, remembered for the few lexicons a process uses."""
    entry = _BULLET_SETS.get(id(bullets))
    if entry is not None and entry[0] is bullets:
        return entry[1]
    if len(_BULLET_SETS) >= 8:
        _BULLET_SETS.clear()
    found = frozenset(bullets)
    _BULLET_SETS[id(bullets)] = (bullets, found)
    return found
