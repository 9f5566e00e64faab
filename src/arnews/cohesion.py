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
working out those of every word.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from itertools import chain, repeat
from operator import itemgetter

from ._data import read_data_text
from .normalize import FOLD_TABLE, fold, fold_chars

__all__ = [
    "StemCounts",
    "Vocabulary",
    "carries_on",
    "content_words",
    "fold_words",
    "shared_elsewhere",
    "shared_ratio",
    "stems",
    "stop_words",
    "surely_shared",
]

# What may stick to a word in running text.
_PUNCTUATION = "،,.:؛;!?؟\"'«»“”()[]-–—…"
# A stem shorter than this after stripping is a function word or noise.
MIN_STEM = 3
# The article and the clitics in front of it, longest first.
_CLITICS = ("وبال", "وال", "بال", "فال", "كال", "ولل", "لل", "ال")
# A whole word, as its stem: the clitics above stripped where MIN_STEM letters remain.
_STEM = re.compile(rf"(?<![^\W_])(?:{'|'.join(_CLITICS)})?([^\W_]{{{MIN_STEM},}})(?![^\W_])")
# One-letter clitics: `وفرنسا` is `فرنسا`, but `فرنسا` is not `رنسا`; both forms are tried.
_LETTER_CLITICS = frozenset("وفبل")
# A distinct word (one a line) that opens with one of them and keeps more than MIN_STEM
# letters, and the word without it.
_CLITIC_WORD = re.compile(rf"^([{''.join(sorted(_LETTER_CLITICS))}](.{{{MIN_STEM},}}))$", re.M)
_FIRST, _SECOND = itemgetter(0), itemgetter(1)


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


@functools.cache
def _continuations() -> tuple[frozenset[str], int, frozenset[str]]:
    text = read_data_text("continuations.txt")
    phrases = frozenset(fold(line) for line in text.splitlines() if line.strip() and line[0] != "#")
    firsts = frozenset(p.split(" ")[0] for p in phrases)
    return phrases, max((p.count(" ") + 1 for p in phrases), default=0), firsts


# The characters the fold turns from white space into something else or the other way
# round: a text without them splits into the same words before the fold and after it.
_SPLIT_CHANGING = frozenset(
    chr(k)
    for k, v in FOLD_TABLE.items()
    if (not (v or "").isspace() if chr(k).isspace() else any(c.isspace() for c in v or ""))
)

# Quotes and the first word of a clause that goes on (`وأضاف`, `لكن`, `فإن`).
_CARRY_START = re.compile(r"[\"«“”']|(?:و|ف[إأ]|لكن|ثم|كما|حيث|إذ|بل)")


def carries_on(text: str) -> bool:
    """Tell whether a paragraph opens by carrying on the story before it.

    A quote, a clause word (``وأضاف``, ``لكن``, ``كما``) or a linking phrase
    (``يذكر أن``, ``من جهته``, ``في المقابل``; ``data/continuations.txt``) ties it to what
    came before: such a paragraph never opens another story.

    Example:
        >>> carries_on("يذكر أن الوزارة أعلنت الخطة في مارس."), carries_on("أعلنت الوزارة خطة.")
        (True, False)
    """
    if _CARRY_START.match(text):
        return True
    phrases, longest, firsts = _continuations()
    start = text[:80]
    # Every phrase opens with its first word: most paragraphs open with none of them. Where
    # the fold keeps white space as it is, the folded text's first word is the fold of the
    # text's first word (unless the fold deletes all of it), and that alone is folded.
    if not _SPLIT_CHANGING or _SPLIT_CHANGING.isdisjoint(start):
        first = start.split(None, 1)
        if not first:
            return False
        word = fold_chars(first[0])
        if word and word.strip(_PUNCTUATION) not in firsts:
            return False
    head = fold_chars(start).split(None, longest)[:longest]
    if not head or head[0].strip(_PUNCTUATION) not in firsts:
        return False
    words = [w.strip(_PUNCTUATION) for w in head]
    return any(" ".join(words[:n]) in phrases for n in range(1, len(words) + 1))


def _stem(word: str) -> str:
    for clitic in _CLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= MIN_STEM:
            return word[len(clitic) :]
    return word


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
    # One C-level pass: each word's stem, then the function words taken out as a set.
    return set(_STEM.findall(fold_words(text))).difference(stop_words())


def _stem_counts(text: str) -> Counter[str]:
    """How often each content word occurs in ``text``, and each without a one-letter clitic."""
    return _with_clitic_forms(Counter(_STEM.findall(fold_chars(text))))


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
    own = _stem_counts(line) if read is None else _with_clitic_forms(Counter(read))
    counts = known.counts if isinstance(known, Vocabulary) else known
    return sum(1 for w in words if counts[w] > own[w])


def stems(text: str) -> list[str]:
    """The stem of each whole word of ``text``, in order, function words included.

    A text's stems are its lines' stems one after the other: a long text may be read a line
    at a time, and only as far as a test needs.

    Example:
        >>> stems("وقال الرئيس في بيان")
        ['وقال', 'رئيس', 'بيان']
    """
    return _STEM.findall(fold_chars(text))


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
    those words only. Reading a long article this way costs a third less.

    Example:
        >>> counts = StemCounts("زار الوزير أسوان وأسوان")
        >>> counts["اسوان"], counts["وزير"], counts["مصر"]
        (2, 1, 0)
    """

    __slots__ = ("_forms", "_full", "_raw", "_stops")

    def __init__(self, text: str = "") -> None:
        #: Each whole word's stem and how often it occurs, function words included.
        self._raw = Counter(stems(text))
        self._stops = stop_words()
        self._full: Counter[str] | None = None
        self._forms: set[str] | None = None

    @classmethod
    def of_stems(cls, read: Iterable[str]) -> StemCounts:
        """The counts of a text whose :func:`stems` are ``read``, in order.

        Example:
            >>> StemCounts.of_stems(stems("زار الوزير") + stems("وأسوان"))["اسوان"]
            1
        """
        counts = cls()
        counts._raw = Counter(read)
        return counts

    def __getitem__(self, word: str) -> int:
        """How often a vocabulary that read the text counts ``word``."""
        raw, stops = self._raw, self._stops
        forms = self._forms
        if forms is None:
            # The words that some word of the text holds with a one-letter clitic, found in
            # one pass: most words asked about are none of them.
            pairs = _CLITIC_WORD.findall("\n".join(raw))
            forms = self._forms = set(map(_SECOND, pairs))
        if word not in forms:
            return 0 if word in stops else raw[word]
        if word in stops:
            return self._counts()[word]
        # The forms of the word with a one-letter clitic that the text holds: each adds its
        # count, or with two or more the last to occur first (see _with_clitic_forms).
        held = [f for f in (letter + word for letter in _LETTER_CLITICS) if f not in stops]
        held = [f for f in held if f in raw]
        if len(held) > 1:
            return self._counts()[word]
        return raw[word] + (raw[held[0]] if held else 0)

    def _counts(self) -> Counter[str]:
        """Every count, as a vocabulary keeps them (worked out once, when first needed)."""
        if self._full is None:
            self._full = _with_clitic_forms(Counter(self._raw))
        return self._full
