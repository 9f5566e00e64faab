"""Lexical cohesion: how many of a stretch of text's content words an article already used.

An article's own lines share its vocabulary and names; another story's lines do not. The
read-also and related-headline detectors weigh that evidence: the words after a read-also
marker that the main article already used tell a story that goes on from a new one.

Words are compared on the fold key (:func:`arnews.normalize.fold_chars`), with the article
and the clitics before it (``وال``, ``بال``, ``لل`` …) stripped and the function words of
``data/stopwords.txt`` left out; a one-letter clitic (``و ف ب ل``) is not told from a root
letter, so a word matches with or without it::

    >>> sorted(content_words("وقال الرئيس الفرنسي إن فرنسا ستدعم الاتفاق"))
    ['اتفاق', 'رئيس', 'ستدعم', 'فرنسا', 'فرنسي']

A :class:`Vocabulary` counts the content words read so far; each text is folded and read
once, with C-level passes, and each word is then looked up in constant time, so the evidence
costs linear time in the page.

A test of one line against its article need not read the whole article. The article's
:func:`stems` are its lines' stems one after the other, so it can be read a line at a time:
:func:`surely_shared` tells, from the lines read so far, how many of the line's words the
whole article shares at least (on a line of the story a few lines nearby settle the test),
and :class:`StemCounts` gives a vocabulary's counts of the few words asked about without
working out those of every word. Before any word is counted, :func:`share_bounds` reads
both bounds from the text folded whole, with substring searches: what the rest of the text
does not hold even inside a word is not shared, what it holds as a whole word is.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from itertools import chain, compress, filterfalse, repeat
from operator import add, ge, gt, is_, itemgetter, not_, or_
from typing import cast

from ._data import read_data_text

# The test of a paragraph's first words lives in its own module; its names stay importable
# from here.
from .carry import _SPLIT_CHANGING, CARRY_CHARS, carries_on
from .normalize import fold, fold_chars

__all__ = [
    "CARRY_CHARS",
    "StemCounts",
    "Vocabulary",
    "carries_on",
    "content_words",
    "fold_words",
    "share_bounds",
    "share_bounds_in",
    "shared_elsewhere",
    "shared_ratio",
    "stems",
    "stop_words",
    "surely_shared",
]

# A stem shorter than this after stripping is a function word or noise.
MIN_STEM = 3
# The article and the clitics in front of it, longest first.
_CLITICS: tuple[str, ...] = ("وبال", "وال", "بال", "فال", "كال", "ولل", "لل", "ال")
# A whole word, as its stem: the clitics above stripped where MIN_STEM letters remain.
_STEM = re.compile(rf"(?<![^\W_])(?:{'|'.join(_CLITICS)})?([^\W_]{{{MIN_STEM},}})(?![^\W_])")
# One-letter clitics: `وفرنسا` is `فرنسا`, but `فرنسا` is not `رنسا`; both forms are tried.
_LETTER_CLITICS = frozenset("وفبل")
# A distinct word (one a line) that opens with one of them and keeps more than MIN_STEM
# letters, and the word without it.
_CLITIC_WORD = re.compile(rf"^([{''.join(sorted(_LETTER_CLITICS))}](.{{{MIN_STEM},}}))$", re.M)
_FIRST, _SECOND = itemgetter(0), itemgetter(1)
# Each white-space-delimited token's stems (most tokens have one; a short word none; a
# token of words run together with punctuation, several), remembered across pages: news
# repeats its vocabulary, and a look-up costs less than folding the token and reading it
# with the pattern (a Unicode class test for every character). Bounded: where a text's new
# tokens would take it past _MAX_TOKENS entries the memo starts again; only tokens of up to
# _MAX_TOKEN_CHARS characters are kept.
_TOKEN_STEMS: dict[str, tuple[str, ...]] = {}
_MAX_TOKENS = 1 << 16
_MAX_TOKEN_CHARS = 40
# The one-letter clitics in a fixed order, and a word with one of them in front.
_LETTERS = tuple(sorted(_LETTER_CLITICS))
_PREPEND = add


@functools.cache
def stop_words() -> frozenset[str]:
    """The folded function words left out of the vocabulary (``data/stopwords.txt``).

    Example:
        >>> "الي" in stop_words()
        True
    """
    text = read_data_text("stopwords.txt")
    words = [fold(line) for line in text.splitlines() if line.strip() and line[0] != "#"]
    return frozenset({w for w in words if w} | {_stem(w) for w in words if w})


# The clitics by their first two letters, in their order: a word is tested against those
# that open as it does (most words open as none of them), not against all eight.


def _by_pair(clitics: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """``clitics`` grouped by their first two letters, each group in their order."""
    if min(map(len, clitics)) < 2:
        raise ValueError("a clitic of one letter cannot be keyed by two")
    pairs: dict[str, tuple[str, ...]] = {}
    for clitic in clitics:
        pairs[clitic[:2]] = (*pairs.get(clitic[:2], ()), clitic)
    return pairs


_CLITICS_BY_PAIR = _by_pair(_CLITICS)


def _stem(word: str) -> str:
    for clitic in _CLITICS_BY_PAIR.get(word[:2], ()):
        if word.startswith(clitic) and len(word) - len(clitic) >= MIN_STEM:
            return word[len(clitic) :]
    return word


def _folded_token_stems(token: str) -> tuple[str, ...]:
    """What ``_STEM.findall`` reads from one folded white-space-delimited ``token``.

    A token of letters and digits alone (most are) is one whole word, whose stem is the
    pattern's (the first clitic that leaves MIN_STEM letters, tried in order): no pattern is
    run over it: the pattern's word characters are exactly those ``str.isalnum`` accepts.

    Example:
        >>> _folded_token_stems("والرئيس"), _folded_token_stems("(الرئيس)")
        (('رئيس',), ('رئيس',))
    """
    if token.isalnum():
        if len(token) < MIN_STEM:
            return ()
        # `_stem`, inline: one call a token the memo lacks, not two.
        for clitic in _CLITICS_BY_PAIR.get(token[:2], ()):
            if token.startswith(clitic) and len(token) - len(clitic) >= MIN_STEM:
                return (token[len(clitic) :],)
        return (token,)
    return tuple(_STEM.findall(token))


def fold_words(text: str) -> str:
    """Fold ``text`` as :func:`arnews.normalize.fold_chars` does, with C-level string passes.

    A ``str.translate`` reads a table entry per character; deleting the marks with one
    pattern and replacing each letter variant that occurs is several times faster on a page.

    Example:
        >>> fold_words("إقرأ أيضاً")
        'اقرا ايضا'
    """
    # The fold's own string passes (one search and one replace per distinct character to
    # change) are faster still than a pass per letter variant of the table.
    return fold_chars(text)


def content_words(text: str) -> set[str]:
    """The content words of ``text``: folded, clitics stripped, function words left out.

    Example:
        >>> sorted(content_words("في الغوطة الشرقية"))
        ['شرقيه', 'غوطه']
    """
    # Each word's stem, then the function words taken out as a set.
    return set(stems(text)).difference(stop_words())


def _stem_counts(text: str) -> Counter[str]:
    """How often each content word occurs in ``text``, and each without a one-letter clitic."""
    return _with_clitic_forms(Counter(stems(text)))


def _with_clitic_forms(counts: Counter[str]) -> Counter[str]:
    """``counts`` of a text's stems, the function words taken out and each word without a
    one-letter clitic added (in place)."""
    for word in stop_words().intersection(counts):
        del counts[word]
    # Each word that opens with a one-letter clitic, and the word without it, found in one
    # pass over the distinct words; when two such words give the same stem, the count of
    # the last one is added (as a dict of them keeps it).
    pairs = _CLITIC_WORD.findall("\n".join(counts))
    if pairs:
        stripped = dict(
            zip(map(_SECOND, pairs), map(counts.__getitem__, map(_FIRST, pairs)), strict=True)
        )
        # Counted in C: each stem repeated its count (Counter.update of a dict is a loop).
        counts.update(chain.from_iterable(map(repeat, stripped, stripped.values())))
    return counts


def shared_ratio(words: set[str], known: Vocabulary) -> float:
    """The share of ``words`` that ``known`` holds (0.0 when ``words`` is empty).

    Example:
        >>> vocab = Vocabulary()
        >>> vocab.add("الغوطة")
        >>> shared_ratio({"غوطه", "شرقيه"}, vocab)
        0.5
    """
    if not words:
        return 0.0
    counts = known.counts
    shared = sum(1 for w in words if w in counts or (w[0] in _LETTER_CLITICS and w[1:] in counts))
    return shared / len(words)


def shared_elsewhere(
    words: set[str],
    line: str,
    known: Vocabulary | StemCounts,
    *,
    read: list[str] | None = None,
) -> int:
    """How many of ``words`` (from ``line``) ``known`` holds more often than ``line`` does.

    ``known`` has read the line itself among others: a word is shared when another line
    has it too. ``read``: the line's :func:`stems`, when the caller has them.

    Example:
        >>> vocab = Vocabulary()
        >>> vocab.update(["زار الوزير أسوان", "عاد الوزير"])
        >>> shared_elsewhere(content_words("زار الوزير أسوان"), "زار الوزير أسوان", vocab)
        1
    """
    if isinstance(known, StemCounts):
        return known.shared(words, Counter(stems(line) if read is None else read))
    own = _stem_counts(line) if read is None else _with_clitic_forms(Counter(read))
    counts = known.counts
    return sum(1 for w in words if counts[w] > own[w])


def _token_stems(tokens: list[str]) -> list[str]:
    """The stems of a text's white-space-delimited ``tokens``, in order (see :func:`stems`)."""
    memo = _TOKEN_STEMS
    found = list(map(memo.get, tokens))
    if None in found:
        # The tokens not remembered, folded in one call (a line break folds to itself and
        # never stands in a token) and each read as a whole word where it is one.
        missing = list(compress(tokens, map(is_, found, repeat(None))))
        folded = fold_chars("\n".join(missing)).split("\n")
        read = dict(zip(missing, map(_folded_token_stems, folded), strict=True))
        found = list(map(read.get, tokens, found))
        if len(read) <= _MAX_TOKENS:
            if len(memo) + len(read) > _MAX_TOKENS:
                memo.clear()
            memo.update(compress(read.items(), map(ge, repeat(_MAX_TOKEN_CHARS), map(len, read))))
    return list(chain.from_iterable(cast("list[tuple[str, ...]]", found)))


def stems(text: str) -> list[str]:
    """The stem of each whole word of ``text``, in order, function words included.

    A text's stems are its lines' stems one after the other: a long text may be read a line
    at a time, and only as far as a test needs.

    Example:
        >>> stems("وقال الرئيس في بيان")
        ['وقال', 'رئيس', 'بيان']
    """
    if _SPLIT_CHANGING:
        return _STEM.findall(fold_chars(text))
    # The fold keeps white space as it is and makes none, and the pattern sees white space
    # as the edge of a word, as it sees the start and end of a string: a text's stems are
    # its tokens' stems one after the other. The tokens not remembered are folded together
    # in one call; one of letters and digits alone (most) is read as a whole word, without
    # the pattern, which costs some 500 instructions a character.
    return _token_stems(text.split())


def surely_shared(words: set[str], line: Counter[str], nearby: Counter[str]) -> int:
    """How many of ``words`` (a line's content words) are surely shared with the line's
    text, seen from ``nearby`` alone: a lower bound of :func:`shared_elsewhere` for every
    vocabulary that has read the line and the text of ``nearby`` among others.

    ``line`` and ``nearby`` count the :func:`stems` of the line and of other lines of the
    same text. A word ``nearby`` holds more often than the line's forms of it with a
    one-letter clitic (which the line's own count adds) is shared whatever else the text
    holds: the vocabulary counts it at least once more than the line does. Reading a few
    lines around a line is much cheaper than reading its article, and on most lines of a
    story it already tells more words shared than a test needs.

    Example:
        >>> line = "زار الوزير أسوان"
        >>> surely_shared(content_words(line), Counter(stems(line)), Counter(stems("عاد الوزير")))
        1
    """
    found = words.intersection(nearby).difference(stop_words())
    # A word of the line with no clitic form in it counts what the vocabulary counts of it
    # in the line itself; one nearby is one more.
    forms = set(map(_SECOND, _CLITIC_WORD.findall("\n".join(line))))
    if forms.isdisjoint(found):
        return len(found)
    return sum(1 for w in found if nearby[w] > sum(line[letter + w] for letter in _LETTER_CLITICS))


class Vocabulary:
    """The content words read so far, with how often each occurred, grown a text at a time.

    Example:
        >>> vocab = Vocabulary()
        >>> vocab.add("اجتاحت الفيضانات مدينة درنة")
        >>> shared_ratio(content_words("ضحايا الفيضانات في درنة"), vocab)
        0.6666666666666666
    """

    __slots__ = ("counts",)

    def __init__(self) -> None:
        #: Each content word read, and each without a one-letter clitic, with its count.
        self.counts: Counter[str] = Counter()

    @property
    def size(self) -> int:
        """How many distinct words were read (with their clitic-less forms)."""
        return len(self.counts)

    def add(self, text: str) -> None:
        """Read ``text`` (join many lines into one text: each call folds once)."""
        self.counts.update(_stem_counts(text))

    def update(self, texts: Iterable[str]) -> None:
        """Read each of ``texts``."""
        for text in texts:
            self.add(text)


class StemCounts:
    """The counts a :class:`Vocabulary` that read ``text`` would give, worked out per word
    asked about.

    A vocabulary adds each word without its one-letter clitic to the counts of every
    distinct word of the text; a test that looks up a line's few words needs that for
    those words only, and for most words (those the text holds with no such clitic) the
    count is the word's own.

    Example:
        >>> counts = StemCounts("زار الوزير أسوان وأسوان")
        >>> counts["اسوان"], counts["وزير"], counts["مصر"]
        (2, 1, 0)
    """

    __slots__ = ("_full", "_raw", "_stops")

    def __init__(self, text: str = "") -> None:
        #: Each whole word's stem and how often it occurs, function words included.
        self._raw = Counter(stems(text))
        self._stops = stop_words()
        self._full: Counter[str] | None = None

    @classmethod
    def of_counts(cls, raw: Counter[str]) -> StemCounts:
        """The counts of a text whose :func:`stems` are counted in ``raw`` (kept, not
        copied).

        Example:
            >>> StemCounts.of_counts(Counter(stems("زار الوزير وأسوان")))["اسوان"]
            1
        """
        counts = cls.__new__(cls)
        counts._raw = raw
        counts._stops = stop_words()
        counts._full = None
        return counts

    @classmethod
    def of_stems(cls, read: Iterable[str]) -> StemCounts:
        """The counts of a text whose :func:`stems` are ``read``, in order.

        Example:
            >>> StemCounts.of_stems(stems("زار الوزير") + stems("وأسوان"))["اسوان"]
            1
        """
        return cls.of_counts(Counter(read))

    def __getitem__(self, word: str) -> int:
        """How often a vocabulary that read the text counts ``word``."""
        raw, stops = self._raw, self._stops
        # The word's forms with a one-letter clitic that the text holds (a vocabulary adds
        # the count of one of them, those of function words left out): most words have none.
        held = [f for f in map(_PREPEND, _LETTERS, repeat(word)) if f in raw]
        if not held:
            return 0 if word in stops else raw[word]
        if word in stops:
            return self._counts()[word]
        held = [f for f in held if f not in stops]
        if len(held) > 1:
            # Two or more: the last to occur first counts (see _with_clitic_forms).
            return self._counts()[word]
        return raw[word] + (raw[held[0]] if held else 0)

    def shared(self, words: Iterable[str], line: Counter[str]) -> int:
        """How many of ``words`` this text counts more often than a line with the stem
        counts ``line`` (:func:`shared_elsewhere` with these counts).

        Example:
            >>> line = "زار الوزير أسوان"
            >>> text = StemCounts(line + "\\nعاد الوزير")
            >>> text.shared(content_words(line), Counter(stems(line)))
            1
        """
        # Function words count nothing on either side.
        asked = list(filterfalse(self._stops.__contains__, words))
        n = len(asked)
        raw = self._raw
        # Each word with each clitic in front, made in C; a word neither side holds in such
        # a form (most) counts as itself on both.
        letters = chain.from_iterable(map(repeat, _LETTERS, repeat(n)))
        forms = list(map(_PREPEND, letters, asked * len(_LETTERS)))
        held = list(map(or_, map(raw.__contains__, forms), map(line.__contains__, forms)))
        if any(held):
            by_letter = (held[k : k + n] for k in range(0, len(held), n))
            held = list(map(any, zip(*by_letter, strict=True)))
            own = StemCounts.of_counts(line)
            slow = sum(1 for w in compress(asked, held) if self[w] > own[w])
            asked = list(compress(asked, map(not_, held)))
        else:
            slow = 0
        fast: int = sum(map(gt, map(raw.get, asked, repeat(0)), map(line.get, asked, repeat(0))))
        return slow + fast

    def _counts(self) -> Counter[str]:
        """Every count, as a vocabulary keeps them (worked out once, when first needed)."""
        if self._full is None:
            self._full = _with_clitic_forms(Counter(self._raw))
        return self._full


# The substring bounds live in their own module, which reads this one's clitics; they are
# imported here last, so that both names stay importable from this module.
from .share_bounds import share_bounds, share_bounds_in  # noqa: E402
