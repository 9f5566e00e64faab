"""Whether a paragraph carries on the story before it: the test of its first words.

A quote, a clause word (``وأضاف``, ``لكن``) or a linking phrase (``يذكر أن``, ``من جهته``;
``data/continuations.txt``) at a paragraph's start ties it to what came before, so such a
paragraph never opens another story. The related-headline and list detectors ask it of the
lines they weigh; :mod:`arnews.cohesion` imports its names, where they were first defined.

Example:
    >>> carries_on("من جهته، قال الوزير إن الخطة جاهزة"), carries_on("أعلنت الوزارة خطة.")
    (True, False)
"""

from __future__ import annotations

import functools
import re

from ._data import read_data_text
from .normalize import FOLD_TABLE, fold, fold_chars

__all__ = ["CARRY_CHARS", "carries_on"]

# What may stick to a word in running text.
_PUNCTUATION = "،,.:؛;!?؟\"'«»“”()[]-–—…"


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

# Quotes and the first word of a clause that goes on (`وأضاف`, `لكن`, `فإن`): a text that
# opens with one of them (one `str.startswith`, where a pattern costs twice as much).
_CARRY_OPENINGS = ('"', "«", "“", "”", "'", "و", "فإ", "فأ", "لكن", "ثم", "كما", "حيث", "إذ", "بل")
_CARRY_START = re.compile("|".join(map(re.escape, _CARRY_OPENINGS)))


#: The characters of a text that :func:`carries_on` reads (its answer is that of the text cut
#: there): the openings and linking phrases stand in the first words.
CARRY_CHARS = 80


def carries_on(text: str) -> bool:
    """Tell whether a paragraph opens by carrying on the story before it.

    A quote, a clause word (``وأضاف``, ``لكن``, ``كما``) or a linking phrase
    (``يذكر أن``, ``من جهته``, ``في المقابل``; ``data/continuations.txt``) ties it to what
    came before: such a paragraph never opens another story.

    Example:
        >>> carries_on("يذكر أن الوزارة أعلنت الخطة في مارس."), carries_on("أعلنت الوزارة خطة.")
        (True, False)
    """
    if text.startswith(_CARRY_OPENINGS):
        return True
    phrases, longest, firsts = _continuations()
    start = text[:CARRY_CHARS]
    # Every phrase opens with its first word: most paragraphs open with none of them. Where
    # the fold keeps white space as it is, the folded text's first word is the fold of the
    # text's first word (unless the fold deletes all of it), and that alone is folded.
    head: list[str] | None = None
    if not _SPLIT_CHANGING or _SPLIT_CHANGING.isdisjoint(start):
        # The words as `str.split` reads white space (a split of a few cuts costs less
        # than a pattern).
        raw = start.split(None, longest)[:longest]
        if not raw:
            return False
        word = fold_chars(raw[0])
        if word and word.strip(_PUNCTUATION) not in firsts:
            return False
        # The fold of the whole start splits into these words folded one by one (short
        # texts, whose folds are remembered) unless one of them folds to nothing.
        head = list(map(fold_chars, raw))
        if not all(head):
            head = None
    if head is None:
        head = fold_chars(start).split(None, longest)[:longest]
    if not head or head[0].strip(_PUNCTUATION) not in firsts:
        return False
    words = [w.strip(_PUNCTUATION) for w in head]
    return any(" ".join(words[:n]) in phrases for n in range(1, len(words) + 1))
