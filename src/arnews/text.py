"""Small predicates on line text, shared by the detectors.

Each answers one question about a stretch of Arabic text (does it end a sentence? where were
two headlines glued together?) without changing it.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from itertools import compress, count, repeat
from operator import contains, not_, or_

import regex

from ._lazy import lazy
from .lines import BLANKS

__all__ = [
    "CLOSERS",
    "TRAILERS",
    "clean",
    "clean_many",
    "ends_sentence",
    "glue_points",
    "has_inner_sentence_end",
    "has_media_tag",
    "opens_with_clause_word",
    "sentence_glue_points",
    "whole_text_glue_points",
    "word_count",
]

#: Sentence-final punctuation; a line ending in one of these is running text.
CLOSERS = frozenset(".!?؟…:؛")
#: Closing quotes and brackets that may follow the final punctuation (``…المحتجزين".``).
TRAILERS = BLANKS + "\"'”’»›)]}"

# Letters that cannot be followed by another letter inside a word (teh marbuta, alef
# maqsura), and hamza-below alef, which only starts a word: where they meet a letter, two
# words (two headlines) were glued together (`غزةعضو`, `ليبياإعلام`).
# (`ىء` is a real ending: `شاطىء`, so hamza may follow alef maqsura.)
_GLUE: regex.Pattern[str] = lazy(
    regex,
    r"ة(?=[\u0621-\u063a\u0641-\u064a])|ى(?=[\u0622-\u063a\u0641-\u064a])|(?<=[\u0621-\u064a])إ",
)
# What may stand before a word-initial إ inside one token: conjunctions, prepositions, the
# article (`وبالإضافة`, `للإعلام`, `فإن`).
_CLITICS: regex.Pattern[str] = lazy(regex, r"[وف]?(?:[بكل]?ال|لل|[بكلس])?")

# A sentence end followed at once by an Arabic letter (`العالقين.وذكر`, `الماضية”.وأضاف`).
# The two letters before it keep one-letter abbreviations (`د.محمد`) whole.
_SENTENCE_GLUE: regex.Pattern[str] = lazy(
    regex, r"(?<=[\p{L}\p{M}][\p{L}\p{M}\"”»’')])[.!?؟]+[\"”»’']*(?=[\u0621-\u063a\u0641-\u064a])"
)

_MEDIA_TAG: regex.Pattern[str] = lazy(
    regex,
    r"\((?:فيديو|بالفيديو|صور|بالصور|شاهد|فيديوجراف|إنفوجراف|انفوجراف|فيديو وصور|صور وفيديو)\)"
    r"|^(?:عاجل|خاص|حصري|فيديو)[ ]*[|:]",
)


# Every pattern here reads a line or paragraph of unbounded length. Each is linear, but a
# call on a long text carries a timeout all the same: should one ever meet a text it is slow
# on, its detector gets a TimeoutError (which the parser reports as `regex_timeout`) instead
# of hanging. Short texts go without: arming the timer costs more than the match itself.
REGEX_TIMEOUT = 2.0
LONG_TEXT = 10_000


def _finditer(pattern: regex.Pattern[str], text: str) -> Iterator[regex.Match[str]]:
    if len(text) > LONG_TEXT:
        return pattern.finditer(text, timeout=REGEX_TIMEOUT)
    return pattern.finditer(text)


def _search(pattern: regex.Pattern[str], text: str) -> regex.Match[str] | None:
    if len(text) > LONG_TEXT:
        return pattern.search(text, timeout=REGEX_TIMEOUT)
    return pattern.search(text)


# What a sentence-glue match is made of (the sentence end, then closing quotes), and the first
# character that is none of them.
_GLUE_MATCH_CHARS = ".!?؟\"”»’'"
_NOT_GLUE_MATCH = re.compile(f"[^{re.escape(_GLUE_MATCH_CHARS)}]")
# A long text is searched for glue points this many characters at a time.
GLUE_CHUNK = 1 << 16


# The characters that end a sentence, and the ones that may come right after the first of
# them in a glue point: more of them, a closing quote, or the Arabic letter that follows.
_SENTENCE_ENDS = ".!?؟"
_AFTER_END = frozenset(
    _GLUE_MATCH_CHARS
    + "".join(map(chr, range(0x621, 0x63B)))
    + "".join(map(chr, range(0x641, 0x64B)))
)
# A text with fewer sentence ends than one in this many characters is searched end by end
# (a few Python steps each) rather than by a regex scan of every character.
_SPARSE_ENDS = 64


def _sparse_glue_ends(text: str) -> list[int]:
    """:func:`_sentence_glue_ends` for a text with few sentence ends: each is found at C
    speed, most are ruled out by the character after them (a space, a line break), and the
    pattern is tried only on the rest, where it reads no further than the punctuation run."""
    at: list[int] = []
    for char in _SENTENCE_ENDS:
        i = text.find(char)
        while i >= 0:
            at.append(i)
            i = text.find(char, i + 1)
    at.sort()
    out: list[int] = []
    match = _SENTENCE_GLUE.match
    last = len(text) - 1
    prev = -2
    for p in at:
        # A match starts at the first end of a run (its look back wants a letter or quote).
        if p != prev + 1 and p < last and text[p + 1] in _AFTER_END:
            m = match(text, p)
            if m is not None:
                out.append(m.end())
        prev = p
    return out


def _sentence_glue_ends(text: str) -> list[int]:
    """Where each match of ``_SENTENCE_GLUE`` in ``text`` ends, under the regex timeout.

    The regex module's timer reads the clock for every match, which on a page of 200,000
    glued sentences cost more than the search itself. A long text is therefore searched a
    chunk at a time, untimed, with the clock read between chunks: the pattern is linear
    (every attempt is bounded by the punctuation run it starts at), so the timeout is the
    same safety net, checked every :data:`GLUE_CHUNK` characters.
    """
    finditer = _SENTENCE_GLUE.finditer
    n = len(text)
    if sum(map(text.count, _SENTENCE_ENDS)) * _SPARSE_ENDS <= n:
        return _sparse_glue_ends(text)
    if n <= LONG_TEXT:
        return [m.end() for m in finditer(text)]
    deadline = time.monotonic() + REGEX_TIMEOUT
    out: list[int] = []
    pos = 0
    while pos < n:
        cut = pos + GLUE_CHUNK
        if cut < n:
            # Cut just after a character that is no part of a match: no match then crosses
            # the cut, nor looks past it (a match looks one character past its end, and its
            # look back reaches before the chunk's start, which the regex module allows).
            other = _NOT_GLUE_MATCH.search(text, cut - 1)
            cut = n if other is None else other.end()
        else:
            cut = n
        out.extend([m.end() for m in finditer(text, pos, cut)])
        pos = cut
        if pos < n and time.monotonic() > deadline:
            raise TimeoutError("regex timed out")
    return out


def clean(text: str) -> str:
    """Collapse white space (NBSP included) to single spaces and trim; letters untouched.

    Example:
        >>> clean(" أ\\xa0\\xa0 ب ")
        'أ ب'
    """
    return " ".join(text.split())


def clean_many(texts: list[str]) -> list[str]:
    """:func:`clean` over many one-line texts at once, in two C-level passes when (as on most
    pages) no text needs a change.

    Every text must be one line (no line break inside) with no white space at its ends,
    which is what the parser's claimed pieces are.

    Example:
        >>> clean_many(["أ\\xa0\\xa0 ب", "ج"])
        ['أ ب', 'ج']
    """
    if len(texts) < 8:  # below that, the checks per text cost less than setting up maps
        return [t if t.isprintable() and "  " not in t else " ".join(t.split()) for t in texts]
    if all(map(str.isprintable, texts)) and not any(map(contains, texts, repeat("  "))):
        return list(texts)
    # Which texts need a change, in C-level passes; only those are rebuilt (a page's NBSP or
    # tab in one paragraph does not send all the others through a Python step each).
    odd = map(or_, map(not_, map(str.isprintable, texts)), map(contains, texts, repeat("  ")))
    out = list(texts)
    for i in compress(count(), odd):
        out[i] = " ".join(out[i].split())
    return out


def word_count(text: str, limit: int | None = None) -> int:
    """Count white-space separated words; with ``limit``, stop counting past it.

    A caller that compares the count with a threshold passes the threshold as ``limit``:
    the answer is the same, and a megabyte-long line is not split into all its words.

    Example:
        >>> word_count("جهود مكثفة لعقد اتفاق")
        4
        >>> word_count("جهود مكثفة لعقد اتفاق", limit=2)
        3
    """
    if limit is None:
        return len(text.split())
    return len(text.split(None, limit))


def ends_sentence(text: str) -> bool:
    """Tell whether ``text`` ends with sentence punctuation (closing quotes allowed after).

    Example:
        >>> ends_sentence('وتابع: "أننا أقرب".'), ends_sentence("جهود مكثفة لعقد اتفاق")
        (True, False)
    """
    stripped = text.rstrip(TRAILERS)
    return bool(stripped) and stripped[-1] in CLOSERS


def glue_points(text: str) -> list[int]:
    """Offsets where two words were glued with no space, by letters no Arabic word has there.

    Example:
        >>> glue_points("إلى ليبياإعلام إسرائيلي")
        [9]
        >>> glue_points("وبالإضافة إلى الإمارات")
        []
    """
    points: list[int] = []
    for m in _finditer(_GLUE, text):
        if text[m.start()] == "إ":
            start = m.start()
            token_start = start
            # Clitics are at most four letters long: look no further back than that.
            while (
                token_start > 0 and start - token_start < 5 and not text[token_start - 1].isspace()
            ):
                token_start -= 1
            if (token_start == 0 or text[token_start - 1].isspace()) and _CLITICS.fullmatch(
                text, token_start, start
            ):
                continue
            points.append(start)
        else:
            points.append(m.end())
    return points


def sentence_glue_points(text: str) -> list[int]:
    """Offsets just after a sentence end that runs straight into the next sentence.

    Numbers (``3.5``), Latin text, URLs and one-letter abbreviations (``د.محمد``) are left
    alone.

    Example:
        >>> sentence_glue_points("العالقين.وذكر بيان")
        [9]
        >>> sentence_glue_points("بنسبة 3.5 بالمئة")
        []
    """
    if "." not in text and "!" not in text and "?" not in text and "؟" not in text:
        return []  # most headlines and furniture: no regex call at all
    return _sentence_glue_ends(text)


def whole_text_glue_points(text: str) -> Iterator[int]:
    """:func:`sentence_glue_points` over a whole page at once (one regex scan, or one search
    per sentence end on a page with few of them).

    A glue point never reaches across a line break (the letters around it are on its own
    line), so the points of each line are those :func:`sentence_glue_points` gives it.

    Example:
        >>> list(whole_text_glue_points("أ.\\nالعالقين.وذكر"))
        [12]
    """
    return iter(_sentence_glue_ends(text))


# A sentence end followed by more text on the same line: running text, not a headline.
# (`..` is the headline writer's pause, `هدنة غزة.. جهود`, and does not count.)
_INNER_SENTENCE_END: regex.Pattern[str] = lazy(
    regex, r"(?<![.])[.!?؟](?![.])[\"”»’')]*[ \t\xa0]+(?=\p{L})"
)
# Words that open a clause inside running text; a headline does not start with them.
# (`و` before a hamza-carrying alef, `وأضاف` `وآخر`, opens a clause; before a plain alef it
# may be a name's first letter, `واشنطن`.)
_CLAUSE_OPENER: regex.Pattern[str] = lazy(
    regex, r"(?:وال|فال|و[أإآ]|ولكن|لكن|ثم|كما|حيث|إذ|فإن|بل)"
)


def has_inner_sentence_end(text: str) -> bool:
    """Tell whether a sentence ends inside ``text`` and another begins after it.

    Example:
        >>> has_inner_sentence_end("قال الوزير كذا. وأضاف أن")
        True
        >>> has_inner_sentence_end("هدنة غزة.. جهود")
        False
    """
    return _search(_INNER_SENTENCE_END, text) is not None


def opens_with_clause_word(text: str) -> bool:
    """Tell whether ``text`` starts with a word that continues running text (``والحمد``, ``لكن``).

    Example:
        >>> opens_with_clause_word("والحمد لله رب العالمين")
        True
        >>> opens_with_clause_word("وزير الخارجية")
        False
    """
    return _CLAUSE_OPENER.match(text) is not None


def has_media_tag(text: str) -> bool:
    """Tell whether a line carries a headline tag such as ``(فيديو)`` or ``عاجل|``.

    Example:
        >>> has_media_tag("وزير خارجية أمريكا: لا يمكن تحمل موت المزيد (فيديو)")
        True
    """
    return _search(_MEDIA_TAG, text) is not None
