"""The main article's words before a read-also marker, weighed against the text after it.

The regions walk (:mod:`arnews.detectors.regions`) asks whether the text after a marker
shares less than a given share of its content words with the main article before it (a
story of its own shares few). Most such texts carry on the story: many of their words
stand in the main article as whole words, and a few substring searches of the article
folded tell so, with no word of the article read into a vocabulary. Where the searches do
not settle it, the article's :class:`~arnews.cohesion.Vocabulary` is read as before::

    >>> from arnews.state import PageState
    >>> state = PageState.of("زار الوزير مدينة أسوان\\nالوزير في أسوان")
    >>> main = MainWords(state)
    >>> main.upto = 1
    >>> main.shares_less({"وزير", "اسوان"}, 0.5, 1)
    False
"""

from __future__ import annotations

from itertools import compress

from ..cohesion import _CLITICS, _LETTER_CLITICS, MIN_STEM, Vocabulary, _stem, shared_ratio
from ..cohesion import stop_words as _stop_words
from ..normalize import fold_chars
from ..state import MAIN, PageState

__all__ = ["MainWords"]

# A word found in the folded text is looked at this many times at most for a whole word of
# its stem (a word inside many others, ``قال`` in ``استقال``, is left to the vocabulary).
_MAX_LOOKS = 8
_LONGEST_CLITIC = max(map(len, _CLITICS))


class MainWords:
    """The main article's open lines before a marker, read when first weighed.

    The walk moves ``upto`` to each marker; each weighing takes in the lines not taken in
    yet, so each line is read once at most, and none on a page whose links need no words.

    Example:
        >>> from arnews.state import PageState
        >>> main = MainWords(PageState.of("اجتاحت الفيضانات مدينة درنة"))
        >>> main.upto = 1
        >>> main.vocabulary().size
        5
    """

    __slots__ = ("chunks", "folded", "read_to", "state", "upto", "vocab", "vocab_read")

    def __init__(self, state: PageState) -> None:
        self.state = state
        #: The main article's open lines taken in so far, a chunk per weighing.
        self.chunks: list[str] = []
        #: The chunks folded and joined by line breaks (the fold keeps white space).
        self.folded = ""
        # Made when first needed: most weighings are settled by the searches.
        self.vocab: Vocabulary | None = None
        self.vocab_read = 0
        self.read_to = 0
        self.upto = 0

    def _take_in(self) -> None:
        """Take in the main article's open lines before ``upto`` not taken in yet."""
        state = self.state
        kinds, articles, texts = state.kind, state.article, state.texts
        lines = [
            texts[j]
            for j in range(self.read_to, self.upto)
            if kinds[j] is None and articles[j] == MAIN
        ]
        self.read_to = max(self.read_to, self.upto)
        if lines:
            chunk = "\n".join(lines)
            self.chunks.append(chunk)
            folded = fold_chars(chunk)
            self.folded = f"{self.folded}\n{folded}" if self.folded else folded

    def vocabulary(self) -> Vocabulary:
        """The content words of the main article's open lines before line ``upto``."""
        self._take_in()
        vocab = self.vocab
        if vocab is None:
            vocab = self.vocab = Vocabulary()
        for chunk in self.chunks[self.vocab_read :]:
            vocab.add(chunk)  # folded in one pass
        self.vocab_read = len(self.chunks)
        return vocab

    def shares_less(self, words: set[str], share: float, least: int) -> bool:
        """Tell whether the main article before ``upto`` (of ``least`` distinct content
        words or more) holds less than ``share`` of ``words`` (as
        :func:`~arnews.cohesion.shared_ratio` counts them).

        A word the article holds (or holds without its one-letter clitic) stands in the
        article folded: the words that do not are not shared, and where too few are left
        the answer is the vocabulary's. A word the folded article holds as a whole word's
        stem is shared: where enough are, the article holds at least ``share`` of them,
        whatever its size. Otherwise the vocabulary is read.

        Example:
            >>> from arnews.state import PageState
            >>> main = MainWords(PageState.of("زار الوزير أسوان"))
            >>> main.upto = 1
            >>> main.shares_less({"وزير", "نهر"}, 0.5, 1), main.shares_less({"نهر"}, 0.5, 1)
            (False, True)
        """
        if not words:
            return False  # (a ratio of 0.0, but no words weighed: the caller asks for some)
        self._take_in()
        n = len(words)
        folded = self.folded
        letters = _LETTER_CLITICS
        # A shared word, or the word without its one-letter clitic, stands in the text.
        keys = [w[1:] if w[0] in letters else w for w in words]
        hits = list(compress(words, map(folded.__contains__, keys)))
        if len(hits) / n >= share:
            stops = _stop_words()
            found = 0
            for w in hits:
                if _holds_stem(folded, w) or (
                    w[0] in letters and w[1:] not in stops and _holds_stem(folded, w[1:])
                ):
                    found += 1
                    if found / n >= share:
                        return False
        known = self.vocabulary()
        return known.size >= least and shared_ratio(words, known) < share


def _holds_stem(folded: str, word: str) -> bool:
    """Tell whether a whole word of ``folded`` has ``word`` as its stem (as
    :func:`~arnews.cohesion.stems` reads it), among the first places that hold it."""
    find = folded.find
    size, end = len(word), len(folded)
    at = find(word)
    looks = 0
    while at >= 0 and looks < _MAX_LOOKS:
        looks += 1
        after = at + size
        if after == end or not folded[after].isalnum():
            # Back to the word's start: at most a clitic's length before ``at``.
            first = at
            while first > 0 and folded[first - 1].isalnum() and at - first < _LONGEST_CLITIC:
                first -= 1
            whole = folded[first:after]
            if (
                (first == 0 or not folded[first - 1].isalnum())
                and len(whole) >= MIN_STEM
                and _stem(whole) == word
            ):
                return True
        at = find(word, after)
    return False
