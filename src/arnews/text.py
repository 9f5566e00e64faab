"""Small predicates on line text, shared by the detectors.

Each answers one question about a stretch of Arabic text (does it end a sentence? where were
two headlines glued together?) without changing it.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from itertools import accumulate, compress, count, islice, repeat
from operator import add, contains, not_, or_
from typing import TYPE_CHECKING

from ._lazy import lazy
from .lines import BLANKS

if TYPE_CHECKING:
    import regex

__all__ = [
    "CLOSERS",
    "TRAILERS",
    "PrintableTexts",
    "clean",
    "clean_many",
    "clean_paragraphs",
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
_TRAILER_SET = frozenset(TRAILERS)

# Letters that cannot be followed by another letter inside a word (teh marbuta, alef
# maqsura), and hamza-below alef, which only starts a word: where they meet a letter, two
# words (two headlines) were glued together (`غزةعضو`, `ليبياإعلام`).
# (`ىء` is a real ending: `شاطىء`, so hamza may follow alef maqsura.)
_GLUE: regex.Pattern[str] = lazy(
    "regex",
    r"ة(?=[\u0621-\u063a\u0641-\u064a])|ى(?=[\u0622-\u063a\u0641-\u064a])|(?<=[\u0621-\u064a])إ",
)
# What may stand before a word-initial إ inside one token: conjunctions, prepositions, the
# article (`وبالإضافة`, `للإعلام`, `فإن`).
_CLITICS: regex.Pattern[str] = lazy("regex", r"[وف]?(?:[بكل]?ال|لل|[بكلس])?")

# A sentence end followed at once by an Arabic letter (`العالقين.وذكر`, `الماضية”.وأضاف`).
# The two letters before it keep one-letter abbreviations (`د.محمد`) whole.
_SENTENCE_GLUE: regex.Pattern[str] = lazy(
    "regex", r"(?<=[\p{L}\p{M}][\p{L}\p{M}\"”»’')])[.!?؟]+[\"”»’']*(?=[\u0621-\u063a\u0641-\u064a])"
)

_MEDIA_TAG: regex.Pattern[str] = lazy(
    "regex",
    r"\((?:فيديو|بالفيديو|صور|بالصور|شاهد|فيديوجراف|إنفوجراف|انفوجراف|فيديو وصور|صور وفيديو)\)"
    r"|^(?:عاجل|خاص|حصري|فيديو)[ ]*[|:]",
)
# The words a line-opening tag starts with (the second branch above).
_MEDIA_OPENERS = ("عاجل", "خاص", "حصري", "فيديو")


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


# What a sentence-glue match is made of (the sentence end, then closing quotes), and the first
# character that is none of them.
_GLUE_MATCH_CHARS = ".!?؟\"”»’'"
_NOT_GLUE_MATCH = re.compile(f"[^{re.escape(_GLUE_MATCH_CHARS)}]")
# A long text is searched for glue points this many characters at a time.
GLUE_CHUNK = 1 << 16


# The characters that end a sentence, and the ones that may come right after the first of
# them in a glue point: more of them, a closing quote, or the Arabic letter that follows.
_SENTENCE_ENDS = ".!?؟"
_ENDS_SET = frozenset(_SENTENCE_ENDS)
_AFTER_END = frozenset(
    _GLUE_MATCH_CHARS
    + "".join(map(chr, range(0x621, 0x63B)))
    + "".join(map(chr, range(0x641, 0x64B)))
)
# A long text with fewer sentence ends than one in this many characters is searched end by
# end (a few Python steps each) rather than by one timed regex scan of every character.
_SPARSE_ENDS = 64

# Each sentence end that a glue point may start at: the end character with one of
# ``_AFTER_END`` right after it. One pattern per character, because a pattern that opens with
# a literal is searched for at C speed (a character class, or a look back, is tried at every
# position: several times slower on Arabic text). Most ends are followed by a space or a line
# break, so they are ruled out here, before any Python step.
_AFTER_CLASS = "[" + re.escape("".join(sorted(_AFTER_END))) + "]"
_END_BEFORE: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (char, lazy(re, re.escape(char) + "(?=" + _AFTER_CLASS + ")")) for char in _SENTENCE_ENDS
)
_START = re.Match.start


def _sparse_glue_ends(text: str) -> list[int]:
    """:func:`_sentence_glue_ends` end by end: each sentence end followed by a letter, a quote
    or another end is found at C speed (see ``_END_BEFORE``), and ``_SENTENCE_GLUE`` is tried
    only at those, where it reads no further than the punctuation run."""
    return _glue_ends_at(text, _glue_candidates(text))


def _glue_candidates(text: str, most: int | None = None) -> list[int]:
    """Where a glue point may start (see :func:`_sparse_glue_ends`): up to ``most`` of
    them a sentence-end character, when given."""
    at: list[int] = []
    for char, pattern in _END_BEFORE:
        if char in text:
            found = map(_START, pattern.finditer(text))
            at += found if most is None else islice(found, most)
    return at


# The characters of a glue point's punctuation run (sentence ends, then closing quotes), and
# the Arabic letters the run must be followed by (the look-ahead of ``_SENTENCE_GLUE``).
_GLUE_RUN = frozenset(_GLUE_MATCH_CHARS)
_GLUE_LETTERS = frozenset(
    "".join(map(chr, range(0x621, 0x63B))) + "".join(map(chr, range(0x641, 0x64B)))
)


def _glue_ends_at(text: str, at: list[int]) -> list[int]:
    """The ends of the matches of ``_SENTENCE_GLUE`` that start at the candidates ``at``.

    A candidate whose run of ends and quotes is not followed by an Arabic letter cannot
    match (most: ``...`` or ``."`` before a space), and is ruled out without a call of the
    pattern, which costs several thousand steps to set up; each run is walked once.

    Example:
        >>> _glue_ends_at("قال... ثم.وذكر", [3, 9])
        [10]
    """
    if not at:
        return at
    at.sort()
    out: list[int] = []
    match = _SENTENCE_GLUE.match
    n = len(text)
    stop = 0  # where the run walked last stops
    for p in at:
        # A match starts at the first end of a run (its look back wants a letter or quote
        # before it; at ``p == 0`` it wants two characters, so the wrapped index is harmless).
        if text[p - 1] not in _ENDS_SET:
            if p >= stop:
                stop = p + 1
                while stop < n and text[stop] in _GLUE_RUN:
                    stop += 1
            # (else ``p`` lies inside the run walked last, which stops there as well)
            if stop < n and text[stop] in _GLUE_LETTERS:
                m = match(text, p)
                if m is not None:
                    out.append(m.end())
    return out


def _sentence_glue_ends(text: str) -> list[int]:
    """Where each match of ``_SENTENCE_GLUE`` in ``text`` ends, under the regex timeout.

    A text of up to :data:`LONG_TEXT` characters, or one with few sentence ends, is searched
    end by end (:func:`_sparse_glue_ends`, linear: each end is looked at once). A long text
    dense with them is scanned by the pattern itself. The regex module's timer reads the clock
    for every match, which on a page of 200,000 glued sentences cost more than the search
    itself, so that scan runs a chunk at a time, untimed, with the clock read between chunks:
    the pattern is linear (every attempt is bounded by the punctuation run it starts at), so
    the timeout is the same safety net, checked every :data:`GLUE_CHUNK` characters.
    """
    n = len(text)
    if n <= LONG_TEXT:
        return _sparse_glue_ends(text)
    # Few candidates (ends followed by what a glue point needs) are read end by end, with no
    # count of the ends first (candidates are ends: where the ends are few, the search finds
    # every candidate); the search stops once they are too many (glued sentences).
    limit = n // _SPARSE_ENDS
    at = _glue_candidates(text, limit + 1)
    if len(at) <= limit:
        return _glue_ends_at(text, at)
    finditer = _SENTENCE_GLUE.finditer
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
    # Most texts need no change; two C-level checks say so without splitting them into words.
    if "  " not in text and text.isprintable() and text[:1] != " " != text[-1:]:
        return text
    return " ".join(text.split())


def clean_many(texts: list[str]) -> list[str]:
    """:func:`clean` over many one-line texts at once, in a few C-level passes over the texts
    joined when (as on most pages) no text needs a change, or when NBSP is the only change.

    Every text must be one line (no line break inside) with no white space at its ends,
    which is what the parser's claimed pieces are.

    Example:
        >>> clean_many(["أ\\xa0\\xa0 ب", "ج"])
        ['أ ب', 'ج']
        >>> clean_many(["أ\\xa0ب", "ج\\xa0د"])
        ['أ ب', 'ج د']
    """
    return _clean_checked(texts)[0]


class PrintableTexts(tuple[str, ...]):
    """A tuple of texts that ``str.isprintable`` accepts, each of them: none holds a control
    character, a lone surrogate or any other character that is not printable.

    The builder makes an article's paragraphs so when its cleaning has seen them printable
    already (:func:`clean_paragraphs`, nearly every page), so that
    :meth:`~arnews.model.Article.to_json` need not look at their characters again: the
    tuple vouches for its texts, as a ``markupsafe.Markup`` string vouches for its
    escaping. It is a ``tuple`` in every other way: equal to, and hashing as, the plain
    tuple of the same texts. The article's converters make any other value given for
    ``paragraphs`` (this class included) a plain ``tuple``: only the builder vouches.

    Example:
        >>> texts = clean_paragraphs(["نص  أول", "نص ثان"])
        >>> type(texts).__name__, texts == ("نص أول", "نص ثان")
        ('PrintableTexts', True)
    """

    __slots__ = ()


def clean_paragraphs(texts: list[str]) -> tuple[str, ...]:
    """:func:`clean_many` as a tuple: a :class:`PrintableTexts` when every cleaned text is
    printable as the cleaning found (nearly always), otherwise a plain ``tuple``.

    Example:
        >>> type(clean_paragraphs(["نص"])).__name__, type(clean_paragraphs(["نص\\x01"]))
        ('PrintableTexts', <class 'tuple'>)
    """
    cleaned, printable = _clean_checked(texts)
    if printable and cleaned:
        return PrintableTexts(cleaned)
    return tuple(cleaned)


def _clean_checked(texts: list[str]) -> tuple[list[str], bool]:
    """:func:`clean_many`, and whether its passes saw every text printable (``False``: not
    known, or not so)."""
    # Joined by single spaces, the texts make no run of two unless a text holds one (or is
    # empty, or has NBSP at an end, which the general way below handles): one check of the
    # joined text answers for all of them. (NBSP is not printable: that check is not made.)
    joined = " ".join(texts)
    if "\xa0" not in joined and joined.isprintable():
        if "  " not in joined:
            return list(texts), True
        # Every text is printable, and stays so: cleaning only takes white space out.
        printable = True
    else:
        printable = False
        if "\xa0" in joined:
            # A page's paragraphs nearly always need NBSP made a space and nothing else
            # (see _collapse): when that leaves the joined text clean, the texts are cut
            # back out of it where they lie (the replace keeps every character's place).
            fixed = joined.replace("\xa0", " ")
            if fixed.isprintable() and "  " not in fixed and fixed[:1] != " " != fixed[-1:]:
                lengths = list(map(len, texts))
                starts = list(accumulate(map(add, lengths, _ONE), initial=0))
                return (
                    list(map(fixed.__getitem__, map(slice, starts, map(add, starts, lengths)))),
                    True,
                )
    if len(texts) < 8:  # below that, the checks per text cost less than setting up maps
        return [t if t.isprintable() and "  " not in t else _collapse(t) for t in texts], printable
    # Which texts need a change, in C-level passes; only those are rebuilt (a page's NBSP or
    # tab in one paragraph does not send all the others through a Python step each).
    flags = list(map(str.isprintable, texts))
    odd = map(or_, map(not_, flags), map(contains, texts, repeat("  ")))
    out = list(texts)
    for i in compress(count(), odd):
        out[i] = _collapse(out[i])
    return out, printable


# The separator's length, for each text after the first (zip and map stop at the shortest).
_ONE = repeat(1)


def _collapse(text: str) -> str:
    """``" ".join(text.split())`` for a one-line text with no white space at its ends.

    The white space a paragraph needs cleaned of is nearly always NBSP alone (a page's
    paragraphs all have it, or none): one replace, when it leaves a printable text with no
    run of two spaces, gives the same text without splitting it into words and joining them.
    """
    fixed = text.replace("\xa0", " ")
    if fixed.isprintable() and "  " not in fixed and fixed[:1] != " " != fixed[-1:]:
        return fixed
    return " ".join(text.split())


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
    # Most texts end in a letter or in the punctuation itself: one look at the last
    # character answers, with no strip of the trailers (which reads all of them each call).
    last = text[-1:]
    if last in CLOSERS:
        return True
    if last not in _TRAILER_SET:
        return False
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


def whole_text_glue_points(text: str) -> list[int]:
    """:func:`sentence_glue_points` over a whole page at once (one regex scan, or one search
    per sentence end on a page with few of them).

    A glue point never reaches across a line break (the letters around it are on its own
    line), so the points of each line are those :func:`sentence_glue_points` gives it.

    Example:
        >>> whole_text_glue_points("أ.\\nالعالقين.وذكر")
        [12]
    """
    return _sentence_glue_ends(text)


# A sentence end followed by more text on the same line: running text, not a headline.
# (`..` is the headline writer's pause, `هدنة غزة.. جهود`, and does not count.)
_INNER_SENTENCE_END: regex.Pattern[str] = lazy(
    "regex", r"(?<![.])[.!?؟](?![.])[\"”»’')]*[ \t\xa0]+(?=\p{L})"
)
# Words that open a clause inside running text; a headline does not start with them.
# (`و` before a hamza-carrying alef, `وأضاف` `وآخر`, opens a clause; before a plain alef it
# may be a name's first letter, `واشنطن`.)
_CLAUSE_OPENER: regex.Pattern[str] = lazy(
    "regex", r"(?:وال|فال|و[أإآ]|ولكن|لكن|ثم|كما|حيث|إذ|فإن|بل)"
)


def has_inner_sentence_end(text: str) -> bool:
    """Tell whether a sentence ends inside ``text`` and another begins after it.

    Example:
        >>> has_inner_sentence_end("قال الوزير كذا. وأضاف أن")
        True
        >>> has_inner_sentence_end("هدنة غزة.. جهود")
        False
    """
    if "." not in text and "؟" not in text and "!" not in text and "?" not in text:
        return False  # most headlines and furniture: no regex call at all
    if len(text) > LONG_TEXT:
        return _INNER_SENTENCE_END.search(text, timeout=REGEX_TIMEOUT) is not None
    return _INNER_SENTENCE_END.search(text) is not None


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
    # The tag is bracketed, or opens the line: without either, no regex call.
    if "(" not in text and not text.startswith(_MEDIA_OPENERS):
        return False
    if len(text) > LONG_TEXT:
        return _MEDIA_TAG.search(text, timeout=REGEX_TIMEOUT) is not None
    return _MEDIA_TAG.search(text) is not None
