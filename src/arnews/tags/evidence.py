"""Evidence from the article: which words of the tag lines it has, and which runs of them.

The article (title and body) is read once for all the tag lines of a page: only the stretches
around the lines' own words are read (:func:`_windows`), and of them only the words and runs
of words the lines need are kept (:class:`_Context`).

Example:
    >>> ctx = _Context.build("قال البيت الأبيض إن", frozenset({"البيت", "الابيض"}), ["البيت"])
    >>> ctx.has("البيت الابيض")
    True
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, cast

from .._lazy import lazy
from .tokens import _FOLD_FAST, _variants
from .weights import MAX_PHRASE_TOKENS

if TYPE_CHECKING:
    import regex

# Context: punctuation ends a run of words; phrases never straddle it.
_CLAUSE_BREAK: regex.Pattern[str] = lazy("regex", r"[\p{P}\p{S}]+")


class _Context:
    """Folded words of the article (with clitic-less variants) and the n-grams the line needs."""

    __slots__ = ("grams", "words")

    def __init__(self, words: frozenset[str], grams: frozenset[str]) -> None:
        self.words = words
        self.grams = grams

    @classmethod
    def build(cls, context: str, needed: frozenset[str], probes: Iterable[str] = ()) -> _Context:
        if not context or not needed:
            return cls(frozenset(), frozenset())
        if probes:
            # A window is a clause of its own (see _windows), so a window seen before adds no
            # word and no run: a page that repeats itself is read once.
            context = ".\n".join(dict.fromkeys(_window_list(context, probes)))
            if not context:
                # No tag word is in the article (most pages): no evidence.
                return cls(frozenset(), frozenset())
        # A few passes at C speed over the whole text: fold it (a translate and a casefold,
        # which neither add nor remove white space or punctuation, so the words are those of
        # the text), turn each run of punctuation into a word no key can equal (a run of words
        # ends there), and split it. A word's variants only drop letters from its front, so
        # all end as it does: only the distinct words that end as a needed key does (its last
        # three letters) are looked at in Python, to find those that open a needed phrase.
        words = _folded_words(context)
        ends = set(map(_LAST3, needed))
        # (Each distinct word once: the clause breaks and function words recur.)
        distinct = set(words)
        candidates = list(
            itertools.compress(distinct, map(ends.__contains__, map(_LAST3, distinct)))
        )
        # Each word's variants, remembered; this call keeps its own list (see _folded_words).
        remembered = list(map(_VARIANTS.get, candidates))
        if None in remembered:
            for k in itertools.compress(
                range(len(candidates)), map(operator.is_, remembered, itertools.repeat(None))
            ):
                word = candidates[k]
                if len(_VARIANTS) >= _MAX_REMEMBERED:
                    _VARIANTS.clear()
                forms = remembered[k] = _variants(word)
                if len(word) <= _MAX_WORD_CHARS:
                    _VARIANTS[word] = forms
        known_forms = cast("list[tuple[str, ...]]", remembered)
        # The needed forms of each word (a set: only which, never their order, matters below),
        # kept for the words that have one, in C-level passes.
        opening = list(map(needed.intersection, known_forms))
        firsts_of = dict(itertools.compress(zip(candidates, opening, strict=True), opening))
        if not firsts_of:
            return cls(frozenset(), frozenset())
        found = frozenset().union(*firsts_of.values())
        # A phrase needs an opener followed by a needed word: only those places are read on,
        # each distinct run of words once (a body that repeats itself costs its distinct runs).
        followed = map(needed.__contains__, itertools.islice(words, 1, None))
        opens = map(firsts_of.__contains__, words)
        at = list(itertools.compress(range(len(words)), map(operator.and_, opens, followed)))
        grams: set[str] = set()
        if at:
            padded = words + ["#"] * (MAX_PHRASE_TOKENS - 1)
            cuts = map(slice, at, [i + MAX_PHRASE_TOKENS for i in at])
            for run in set(map(tuple, map(padded.__getitem__, cuts))):
                firsts = firsts_of[run[0]]
                rest = ""
                for nxt in run[1:]:
                    if nxt not in needed:
                        break
                    rest = f"{rest} {nxt}"
                    grams.update([first + rest for first in firsts])
        return cls(found, frozenset(grams))

    def has(self, key: str) -> bool:
        return key in self.grams


_LAST3 = operator.itemgetter(slice(-3, None))

# Remembered across pages (articles share most of their words): each white-space-delimited
# word of the article as folded words (broken at punctuation), and each folded word's
# variants. Bounded: past _MAX_REMEMBERED entries a memo starts again.
_FOLDED: dict[str, tuple[str, ...]] = {}
_VARIANTS: dict[str, tuple[str, ...]] = {}
_MAX_REMEMBERED = 50_000
# Longer runs of letters (a page without spaces) are folded, never kept.
_MAX_WORD_CHARS = 64


def _folded_words(text: str) -> list[str]:
    """``text`` folded, each run of punctuation made a word ``#``, split into words.

    The same as folding the whole text and splitting it: the fold and the clause break act
    on each white-space-delimited word alone (punctuation never spans white space, and the
    fold keeps white space white space and adds none), so each distinct word is folded once
    and remembered.

    Example:
        >>> _folded_words("قال: البيت الأبيض")
        ['قال', '#', 'البيت', 'الابيض']
    """
    raw = text.split()
    # Each word's folds as the memo has them, in one C-level pass (a list: a dict of the
    # distinct words costs more to build than the repeats it saves looking up).
    got = list(map(_FOLDED.get, raw))
    # (An article read before, or of common words only, has none to fold: one C-level test.)
    if None not in got:
        return list(itertools.chain.from_iterable(cast("list[tuple[str, ...]]", got)))
    # This call keeps its own dict: another thread may empty the shared memo at any time.
    mine = cast("dict[str, tuple[str, ...]]", dict(zip(raw, got, strict=True)))
    missing = [word for word, folded in mine.items() if folded is None]
    # One pass at C speed over the new words (the fold maps no character to a line break).
    done = _CLAUSE_BREAK.sub(" # ", "\n".join(missing)).translate(_FOLD_FAST).casefold()
    if len(_FOLDED) >= _MAX_REMEMBERED:
        _FOLDED.clear()
    for word, folded in zip(missing, map(str.split, done.split("\n")), strict=True):
        mine[word] = tuple(folded)
        if len(word) <= _MAX_WORD_CHARS:
            _FOLDED[word] = mine[word]
    return list(itertools.chain.from_iterable(map(mine.__getitem__, raw)))


# How far past a word of the tag line the article is read: on to the start of the next
# word. A phrase goes on only through words of the tag line, each found and read in its own
# right, so stretches that touch merge into the whole phrase.
_WINDOW = 16


#: Up to this many search words, each is found in the article with ``str.find`` (at C
#: speed); with more (a page of thousands of tag lines), the article's distinct words are
#: searched for all of them at once, so the cost stays linear in the page.
MAX_FIND_PROBES = 64
# The indexed search compares the article's substrings of each probe length; probes longer
# than this are compared by their first _PROBE_CAP characters first.
_PROBE_CAP = 24
_SPACE_RUN = re.compile(r"(\s+)")


# Occurrences of one probe found by ``str.find`` before the rest are found by one split.
_FIND_ONE_BY_ONE = 16


def _find_each(context: str, probes: Iterable[str]) -> list[tuple[int, int]]:
    """``(offset, length)`` of each probe's occurrences, as a left-to-right scan per probe
    finds them (an occurrence never overlaps the one before it of the same probe)."""
    hits: list[tuple[int, int]] = []
    find = context.find
    for probe in probes:
        size = len(probe)
        pos = find(probe)
        left = _FIND_ONE_BY_ONE
        while pos >= 0 and left:
            hits.append((pos, size))
            left -= 1
            pos = find(probe, pos + size)
        if pos < 0:
            continue
        # Many occurrences (a page that repeats itself): ``str.split`` cuts the rest at the
        # same places, left to right without overlap, and their offsets follow from the
        # lengths of the pieces, in C-level passes.
        gaps = map(len, context[pos:].split(probe)[:-1])
        steps = map(operator.add, gaps, itertools.repeat(size))
        # Each offset is the one before it plus the piece between and the probe; the first
        # (``pos - size``, the start the sums run from) is no occurrence.
        offsets = itertools.islice(itertools.accumulate(steps, initial=pos - size), 1, None)
        hits.extend(zip(offsets, itertools.repeat(size)))
    return hits


def _find_indexed(context: str, probes: Iterable[str]) -> list[tuple[int, int]]:
    """What :func:`_find_each` returns, in time linear in ``context`` for any number of probes.

    A probe holds no white space, so it occurs inside one white-space-delimited word of the
    article: the distinct words are joined into one string, searched once per probe length
    (C-level passes of slicing and set look-ups), and each hit is carried to every place
    where its word occurs.
    """
    probes = list(probes)
    spaced = {p for p in probes if any(map(str.isspace, p))}
    hits = _find_each(context, spaced) if spaced else []
    by_length: dict[int, set[str]] = {}
    long_probes: dict[str, set[str]] = {}
    for probe in probes:
        if probe in spaced:
            continue
        size = min(len(probe), _PROBE_CAP)
        by_length.setdefault(size, set()).add(probe[:size])
        if len(probe) >= _PROBE_CAP:
            long_probes.setdefault(probe[:_PROBE_CAP], set()).add(probe)
    # The distinct words first (``str.split`` splits where ``_SPACE_RUN`` does); where each
    # occurs is worked out only if a probe is found in one.
    distinct = list(dict.fromkeys(context.split()))
    joined = "\n".join(distinct)
    word_at = [0, *itertools.accumulate(len(w) + 1 for w in distinct)]
    n = len(joined)
    # Every occurrence of a probe in the distinct words, by word: (offset in word, probe).
    found: dict[int, list[tuple[int, str]]] = {}
    for size, keys in by_length.items():
        count = n - size + 1
        if count <= 0:
            continue
        windows = map(joined.__getitem__, map(slice, range(count), range(size, n + 1)))
        for at in itertools.compress(range(count), map(keys.__contains__, windows)):
            if size == _PROBE_CAP:
                heads = long_probes[joined[at : at + size]]
                matched = [p for p in heads if joined.startswith(p, at)]
            else:
                matched = [joined[at : at + size]]
            w = bisect.bisect_right(word_at, at) - 1
            for probe in matched:
                found.setdefault(w, []).append((at - word_at[w], probe))
    if not found:
        return hits
    parts = _SPACE_RUN.split(context)
    offsets = [0, *itertools.accumulate(map(len, parts))]
    words = parts[0::2]
    # Within a word, a probe's occurrences are taken left to right without overlap.
    shapes: dict[str, list[tuple[int, int]]] = {}
    for w, occurrences in found.items():
        occurrences.sort()
        ends: dict[str, int] = {}
        kept: list[tuple[int, int]] = []
        for offset, probe in occurrences:
            if offset >= ends.get(probe, 0):
                ends[probe] = offset + len(probe)
                kept.append((offset, len(probe)))
        shapes[distinct[w]] = kept
    for k in itertools.compress(range(len(words)), map(shapes.__contains__, words)):
        start = offsets[2 * k]
        hits.extend((start + offset, size) for offset, size in shapes[words[k]])
    return hits


def _windows(context: str, probes: Iterable[str]) -> str:
    """The stretches of ``context`` that can give evidence about the tag line's words.

    Folding a whole article costs far more than the rest of the segmenter, yet only the
    places where a word of the tag line occurs matter: a phrase starts at such a word and
    runs a few words on. A substring search per word (as written, and folded) finds them at
    C speed (with many words, one indexed pass over the article's distinct words: see
    :data:`MAX_FIND_PROBES`); each place is read from its word's start to a little past a
    phrase's length. A word spelled in a third way (neither as in the tag line nor plain) is
    missed: evidence is lost, never invented. Separate stretches are joined by a clause
    break, so no phrase is made across a gap.
    """
    return ".\n".join(_window_list(context, probes))


def _window_list(context: str, probes: Iterable[str]) -> list[str]:
    """The stretches that :func:`_windows` joins, in order (none: no probe is found)."""
    wanted = [p for p in dict.fromkeys(probes) if p]  # a word of tatweel alone folds to nothing
    if len(wanted) <= MAX_FIND_PROBES:
        hits = _find_each(context, wanted)
    else:
        hits = _find_indexed(context, wanted)
    if not hits:
        return []
    hits.sort()
    n = len(context)
    find = context.find
    rfind = context.rfind
    out: list[str] = []
    # A window's start never decreases as the hits go on, so touching windows are merged as
    # they come; a hit inside the current window needs no start of its own.
    cur_start = cur_end = -1
    # The next space after a point, remembered: hits come in order, so a long run without
    # spaces is read once, not once per hit in it.
    space_from = space_at = -1
    for pos, size in hits:
        # On to the end of the word that the window ends in.
        end = pos + size + _WINDOW
        if end > n:
            end = n
        if pos <= cur_end and end <= cur_end:
            continue
        if not space_from <= end <= space_at:
            stop = find(" ", end)
            space_from, space_at = end, n if stop < 0 else stop
        if pos <= cur_end:
            cur_end = max(cur_end, space_at)
            continue
        # Back to the word's start (clitics are a few letters long): the last space
        # or line break before the probe, looked for with C-level searches.
        lo = pos - 8 if pos > 8 else 0
        start = max(rfind(" ", lo, pos), rfind("\n", lo, pos)) + 1
        if start == 0 and lo > 0:
            start = pos  # no break within reach: the probe starts a long word
        if start <= cur_end:
            cur_end = max(cur_end, space_at)
            continue
        if cur_end >= 0:
            out.append(context[cur_start:cur_end])
        cur_start, cur_end = start, space_at
    out.append(context[cur_start:cur_end])
    return out
