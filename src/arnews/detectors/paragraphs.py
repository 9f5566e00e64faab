"""Paragraphs: every line of running text that no other detector claimed.

Each line is a paragraph. Pages that lost their line breaks glue sentences together with no
space (``العالقين.وذكر``, ``الماضية”.وأضاف``); a sentence end followed at once by an Arabic
letter starts a new paragraph again. Numbers (``3.5``), URLs and one-letter abbreviations
(``د.محمد``) are not cut.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import compress, repeat
from operator import and_, eq, is_, setitem

from ..state import PageState
from ..text import sentence_glue_points, whole_text_glue_points

__all__ = ["detect_paragraphs"]

# Up to this many lines are set one by one; more, in C-level passes.
_FEW = 16


def detect_paragraphs(state: PageState) -> None:
    """Claim the remaining body lines as paragraphs."""
    text = state.text
    kinds, rests, starts, ends = state.kind, state.rest, state.starts, state.ends
    n = len(kinds)
    # Lines no detector classified and nothing of which was claimed: each is one paragraph,
    # unless sentences were glued inside it. Found in C-level passes, recorded in bulk.
    whole: Sequence[int]
    nones = kinds.count(None)
    if nones == n and rests == starts:  # (``state.untouched()``, its count kept)
        whole = range(n)
    elif 2 * nones < n:
        # Most lines classified (a chain of read-also articles, its markers and titles):
        # the others are picked out first, and only theirs compared.
        fresh = list(compress(range(n), map(is_, kinds, repeat(None))))
        fresh_rests = list(map(rests.__getitem__, fresh))
        fresh_starts = list(map(starts.__getitem__, fresh))
        # (Where none was touched, as in a chain, one comparison of the two lists tells, by
        # identity a line: a line's rest is its start's own number until a claim moves it.)
        if fresh_rests == fresh_starts:
            whole = fresh
        else:
            whole = list(compress(fresh, map(eq, fresh_rests, fresh_starts)))
    else:
        fresh_lines = map(is_, kinds, repeat(None))
        whole = list(compress(range(n), map(and_, fresh_lines, map(eq, rests, starts))))
    # One scan of the whole text finds every glue point; each lies inside one line (between
    # a sentence end and a letter), and they come in order: each line's are one slice of
    # them, cut with two bisections per line that has any (never a step per point, of
    # which a megabyte of glued sentences has two hundred thousand).
    # (A page with no sentence end at all, as a megabyte of colons, needs no scan: a
    # C-level search for each mark tells so.)
    ends_any = "." in text or "!" in text or "?" in text or "؟" in text
    points = whole_text_glue_points(text) if whole and ends_any else []
    if points:
        glued: dict[int, tuple[int, int]] = {}
        at, n_points = 0, len(points)
        while at < n_points:
            line = bisect_right(starts, points[at]) - 1
            upto = bisect_left(points, ends[line], at)
            glued[line] = (at, upto)
            at = upto
        plain: Sequence[int] = [i for i in whole if i not in glued]
    else:
        plain = whole
    state.whole.extend(plain)
    if len(plain) == n:
        kinds[:] = repeat("paragraph", n)
        rests[:] = ends
    elif len(plain) > _FEW:
        # In C-level passes: no Python step a line (a loop costs less on a few lines).
        any(map(setitem, repeat(kinds), plain, repeat("paragraph")))
        any(map(setitem, repeat(rests), plain, map(ends.__getitem__, plain)))
    else:
        for i in plain:
            kinds[i] = "paragraph"
            rests[i] = ends[i]
    # The rest: lines split at glue points, and lines a detector has claimed a part of.
    split: list[int] = []
    if points:
        split = sorted(glued) if len(whole) == n else sorted(set(glued).intersection(whole))
        for i in split:
            lo, hi = glued[i]
            _split(state, i, points[lo:hi])
    if len(plain) == n:
        return
    # The lines still unclassified: the page's, less those set above (each was one: the
    # whole lines are among them), counted without a pass over the page.
    i = -1
    for _ in range(nones - len(plain) - len(split)):
        i = kinds.index(None, i + 1)
        if rests[i] < ends[i]:
            base = rests[i]
            _split(state, i, [base + c for c in sentence_glue_points(text[base : ends[i]])])


def _split(state: PageState, i: int, cuts: list[int]) -> None:
    """Claim line ``i``'s rest as paragraphs, cut at the given offsets."""
    start, end = state.rest[i], state.ends[i]
    state.rest[i] = end
    state.kind[i] = "paragraph"
    # Glue points lie inside the line, after its first letters: only a line a detector
    # claimed the head of can have some before its rest.
    if cuts and (cuts[0] <= start or cuts[-1] >= end):
        cuts = [c for c in cuts if start < c < end]
    if not cuts:
        state.claim(i, "paragraph", start, end)
        return
    # A cut lies between a sentence end and a letter: only the first piece can have blanks
    # to trim (before it), and the last is trimmed already (a line ends in a non-blank).
    state.claim(i, "paragraph", start, cuts[0])
    state.cut_lines.extend([i] * len(cuts))
    state.cut_starts.extend(cuts)
    state.cut_ends.extend(cuts[1:])
    state.cut_ends.append(end)
