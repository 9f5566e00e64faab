"""Lexical cohesion: how many of a stretch of text's content words an article already used.

An article's own lines share its vocabulary and names; another story's lines do not. The
read-also and related-headline detectors weigh that evidence: the words after a read-also
marker that the main article already used tell a story that goes on from a new one.

Words are compared on the fold key (:func:`arnews.normalize.fold`), with the article and
the clitics before it (``وال``, ``بال``, ``لل`` …) stripped and the function words of
``data/stopwords.txt`` left out; a one-letter clitic (``و ف ب ل``) is not told from a root
letter, so a word matches with or without it::

    >>> sorted(content_words("وقال الرئيس الفرنسي إن فرنسا ستدعم الاتفاق"))
    ['اتفاق', 'رئيس', 'ستدعم', 'فرنسا', 'فرنسي']

Each text is read once: a caller that walks a page keeps a :class:`Vocabulary` and feeds it
the lines it has passed, so the evidence costs linear time in the page.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from importlib import resources

from .normalize import fold

__all__ = ["Vocabulary", "carries_on", "content_words", "shared_ratio", "stop_words"]

# A word: a run of letters (digits and Latin letters count: `CNN`, `2018` are names too).
_WORD = re.compile(r"[^\W_]{2,}")
_ANY_WORD = re.compile(r"[^\W_]+")
# The article and the clitics in front of it, longest first.
_CLITICS = ("وبال", "وال", "بال", "فال", "كال", "ولل", "لل", "ال")
# One-letter clitics: `وفرنسا` is `فرنسا`, but `فرنسا` is not `رنسا`; both forms are tried.
_LETTER_CLITICS = frozenset("وفبل")
# A stem shorter than this after stripping is a function word or noise.
MIN_STEM = 3


@functools.cache
def stop_words() -> frozenset[str]:
    """The folded function words left out of the vocabulary (``data/stopwords.txt``).

    Example:
        >>> "الي" in stop_words()
        True
    """
    text = resources.files("arnews").joinpath("data/stopwords.txt").read_text(encoding="utf-8")
    words = (fold(line) for line in text.splitlines() if line.strip() and line[0] != "#")
    return frozenset({w for w in words if w} | {_stem(w) for w in words if w})


@functools.cache
def _continuations() -> tuple[frozenset[str], int]:
    text = resources.files("arnews").joinpath("data/continuations.txt").read_text(encoding="utf-8")
    phrases = frozenset(fold(line) for line in text.splitlines() if line.strip() and line[0] != "#")
    return phrases, max((p.count(" ") + 1 for p in phrases), default=0)


# Quotes and the first word of a clause that goes on (`وأضاف`, `لكن`, `فإن`).
_CARRY_START = re.compile(r"[\"«“”']|(?:و|ف[إأا]|لكن|ثم|كما|حيث|إذ|بل)")


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
    phrases, longest = _continuations()
    words = _ANY_WORD.findall(fold(text[:80]))[:longest]
    return any(" ".join(words[:n]) in phrases for n in range(1, len(words) + 1))


def _stem(word: str) -> str:
    for clitic in _CLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= MIN_STEM:
            return word[len(clitic) :]
    return word


def content_words(text: str) -> set[str]:
    """The content words of ``text``: folded, clitics stripped, function words left out.

    Example:
        >>> sorted(content_words("في الغوطة الشرقية"))
        ['شرقيه', 'غوطه']
    """
    stops = stop_words()
    found = set()
    for word in _WORD.findall(fold(text)):
        if word in stops:
            continue
        stem = _stem(word)
        if len(stem) >= MIN_STEM and stem not in stops:
            found.add(stem)
    return found


def shared_ratio(words: set[str], known: set[str] | Vocabulary) -> float:
    """The share of ``words`` that ``known`` holds (0.0 when ``words`` is empty).

    Example:
        >>> shared_ratio({"غوطه", "شرقيه"}, {"غوطه"})
        0.5
    """
    if not words:
        return 0.0
    pool = known.words if isinstance(known, Vocabulary) else known
    shared = sum(1 for w in words if w in pool or (w[0] in _LETTER_CLITICS and w[1:] in pool))
    return shared / len(words)


class Vocabulary:
    """The content words of the text read so far, grown a stretch at a time.

    Example:
        >>> vocab = Vocabulary()
        >>> vocab.add("اجتاحت الفيضانات مدينة درنة")
        >>> shared_ratio(content_words("ضحايا الفيضانات في درنة"), vocab)
        0.6666666666666666
    """

    __slots__ = ("words",)

    def __init__(self) -> None:
        self.words: set[str] = set()

    def add(self, text: str) -> None:
        """Add the content words of ``text`` (and each without a leading one-letter clitic)."""
        words = content_words(text)
        self.words |= words
        self.words.update(w[1:] for w in words if w[0] in _LETTER_CLITICS and len(w) > MIN_STEM)

    def update(self, texts: Iterable[str]) -> None:
        """Add the content words of each of ``texts``."""
        for text in texts:
            self.add(text)
