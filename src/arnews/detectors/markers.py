"""Section markers at the start of a line: ``المصدر:``, ``كلمات دلالية:``, ``إقرأ أيضاً:`` …

Recognises, on the folded key of each line's start, the marker phrases of the lexicon
(:mod:`arnews.lexicon`) and claims the marker words (with their colon) as a ``marker`` part.
What follows the marker on the line is left for the detector of that section. A marker is a
marker only where it starts its line, and only when what follows fits the section::

    المصدر: صدى البلد            → source marker, value left for the "sources" detector
    وقال المصدر: إن بشير …      → not a marker (not at the line start)
    المصدر: الحياة               → source marker (a paper named with a common word)
    المصدر: تستمتع العداءة … .   → not a marker (a sentence is body text, not a source)
    آخر تحديث: 17 يونيو 2025     → updated marker (a date must follow)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import compress, count, repeat
from operator import add, and_, getitem, is_, is_not, itemgetter, lt, not_, setitem
from typing import cast

from ..dates import scan_date
from ..lexicon import MARKER_KINDS, Lexicon
from ..lexicon.core import LINE_MEMO_CHARS, LINE_MEMO_SIZE, _KindMatcher
from ..lexicon.marker_sets import kind_pair_matchers
from ..lines import PREFIX_CHARS, trim_blanks
from ..state import MAIN, PageState
from ..text import ends_sentence, word_count

__all__ = ["detect_markers"]

# A source is a name: a few words. Longer text after `المصدر:` is a sentence of the body.
MAX_SOURCE_WORDS = 15
# A name may end with a full stop (`المصدر: رويترز.`); a value of this many words that ends
# like a sentence is one (`المصدر: تستمتع العداءة بعطلة .`).
MIN_SENTENCE_WORDS = 4
# Reported speech set after the marker opens with a quotation mark (`المصدر: «لن نتراجع»`).
_QUOTES = "\"«“„'‘"
# A title given inline after a read-also marker is a headline, not a paragraph.
MAX_INLINE_TITLE_WORDS = 40
# A page with up to this many lines that may open with a marker has them matched one by
# one; more, and they are matched once per distinct line and claimed in C-level passes.
_FEW = 32
# A page of more lines than this goes to the distinct lines at once, without first picking
# out the lines that may open with a marker (which costs a pass over every line).
_MANY = 256
_FIRST = itemgetter(0)
_PREFIX = repeat(PREFIX_CHARS)
# A page of more distinct lines than this has its candidate lines decided in C-level passes.
_HUGE = 1024
# How many lines _decide_many matches at a time.
_CHUNK = 512
_GROUP = re.Match.group
_ZEROS = repeat(0)
# A line's first two characters (see Lexicon.marker_pairs).
_TWO = repeat(slice(0, 2))


def _accepts(kind: str, colon: bool, line: str, rest_at: int) -> bool:
    """Tell whether what follows a marker of ``kind`` at the start of ``line`` (from
    ``rest_at``) fits the section; the answer reads nothing but the line."""
    rest = line[rest_at:]
    if kind == "source":
        if not colon:
            return False
        words = word_count(rest, limit=MAX_SOURCE_WORDS)
        if words > MAX_SOURCE_WORDS:
            return False
        # `المصدر: قال … . وأضاف …` is prose: a sentence end inside the value gives it away.
        body = rest.rstrip(" .")
        if any(p in body for p in (". ", "؟ ", "! ")):
            return False
        if rest and rest[0] in _QUOTES:
            return False
        # A common word is a paper's name (`اليوم`, `الحياة`, `الشرق`); a sentence is not.
        return words < MIN_SENTENCE_WORDS or not ends_sentence(rest)
    if kind == "keywords":
        return colon or not rest
    if kind in ("updated", "published"):
        found = scan_date(line, rest_at)
        if found is None:
            return False
        # `نشر اليوم تقرير عن …` is a sentence: a relative word after an unlabelled marker,
        # with more text after it, is no stamp. With a colon, a time, or alone, it is one.
        return colon or not found.relative or found.has_time or not line[found.end :].strip()
    if kind == "read_also":
        return (
            not rest
            or word_count(rest, limit=MAX_INLINE_TITLE_WORDS) <= MAX_INLINE_TITLE_WORDS
            or not ends_sentence(rest)
        )
    return True


def detect_markers(state: PageState) -> None:
    """Classify marker lines and claim their marker words.

    Example:
        >>> state = PageState.of("المصدر: صدى البلد\\nنص الخبر.")
        >>> detect_markers(state)
        >>> state.kind, [p[1:4] for p in state.pieces]
        (['source', None], [('marker', 0, 7)])
    """
    lexicon = state.lexicon
    kinds, texts = state.kind, state.texts
    if len(texts) > _MANY:
        _many_lines(state)
        return
    # Lines whose first two characters can start a marker and no detector classified yet,
    # then one pattern of every marker phrase over the prefix of each: C-level passes, after
    # which only the lines it matches (a few a page) are looked at in Python.
    pairs = lexicon.marker_pairs
    if pairs:
        maybe = list(compress(count(), map(pairs.__contains__, map(getitem, texts, _TWO))))
    else:
        maybe = list(compress(count(), map(lexicon.marker_heads.__contains__, state.firsts)))
    if not maybe:
        return
    if kinds.count(None) != len(kinds):
        maybe = list(compress(maybe, map(is_, map(kinds.__getitem__, maybe), repeat(None))))
    if len(maybe) > _FEW:
        _many_lines(state)
        return
    lines = list(map(texts.__getitem__, maybe))
    match = lexicon.marker_pattern.match
    starts, rest, pieces = state.starts, state.rest, state.pieces
    # Pages of a site repeat their marker lines (`المصدر: …`, `كلمات دلالية: …`): a line
    # decided on an earlier page is answered from the lexicon's memo, pattern and all. The
    # others get one match on their prefix, and only those it matches are decided, one by
    # one, in line order.
    memo = lexicon.line_memo("markers")
    known = list(map(memo.get, lines))
    if known.count(None) == len(known):
        hits: Iterable[int] = compress(
            count(), map(is_not, map(match, lines, repeat(0), repeat(PREFIX_CHARS)), _NONES)
        )
    else:
        fresh = list(compress(count(), map(is_, known, _NONES)))
        tried = map(match, map(lines.__getitem__, fresh), repeat(0), repeat(PREFIX_CHARS))
        hits = sorted([*compress(count(), map(is_not, known, _NONES)), *compress(fresh, tried)])
    for k in hits:
        found = known[k]
        if found is None:
            found = _decide_memo(lexicon, memo, lines[k])
        if found is _NO_MARKER:
            continue
        kind, rest_at, part_start, part_end, article = found
        i = maybe[k]
        start = starts[i]
        kinds[i] = kind
        rest[i] = start + rest_at
        pieces.append((i, "marker", start + part_start, start + part_end, article, kind, None))


def _many_lines(state: PageState) -> None:
    """:func:`detect_markers` for a page of many lines that may open with a marker.

    Pages repeat their furniture, and a page of a hundred thousand marker lines must pay
    neither a lexicon match nor a Python step on each: the page's distinct lines are
    decided once each (the decision reads nothing but the line), and the lines are claimed
    in C-level passes.
    """
    lexicon = state.lexicon
    kinds, starts, texts = state.kind, state.starts, state.texts
    match = lexicon.marker_pattern.match
    memo = lexicon.line_memo("markers")
    # A line whose first character can open one kind's phrases only is decided by that
    # kind's pattern alone: the pattern of every phrase, run first, would pass it anyway
    # (it lets through whatever a kind's pattern takes), so the answer is the same.
    alone = lexicon.one_kind_heads
    unique = set(texts)
    decided: dict[str, Decision] = {}
    pairs = lexicon.marker_pairs
    if pairs:
        candidates = compress(unique, map(pairs.__contains__, map(getitem, unique, _TWO)))
    else:
        candidates = compress(unique, map(lexicon.marker_heads.__contains__, map(_FIRST, unique)))
    # A line decided on an earlier page is answered from the lexicon's memo. On a page of
    # thousands of lines, the lines are looked up, then decided, in C-level passes (see
    # _decide_many); on others, one by one (fewer steps where a few lines are candidates).
    fresh: Iterable[str] = candidates
    if len(unique) > _HUGE:
        fresh = _look_up_many(lexicon, memo, list(candidates), decided)
    for line in fresh:
        found = memo.get(line)
        if found is None:
            if line[0] in alone:
                got = _decide(lexicon, line)
                if got is None:
                    continue  # not kept: most such lines are text (`وقال …`)
                found = _decide_memo(lexicon, memo, line, got)
            elif match(line, 0, PREFIX_CHARS) is None:
                continue
            else:
                found = _decide_memo(lexicon, memo, line)
        if found is not _NO_MARKER:
            decided[line] = found
    if not decided:
        return
    chosen = list(compress(count(), map(decided.__contains__, texts)))
    if kinds.count(None) != len(kinds):
        chosen = list(compress(chosen, map(is_, map(kinds.__getitem__, chosen), _NONES)))
    at = list(map(starts.__getitem__, chosen))
    rest, pieces = state.rest, state.pieces
    if len(decided) == 1:
        # One marker line, repeated (a chain of read-also markers): its decision's fields
        # are the same on every line.
        ((kind, rest_at, part_start, part_end, article),) = decided.values()
        any(map(setitem, repeat(kinds), chosen, repeat(kind)))
        # The offsets are made once each: a marker that fills its line (``إقرأ أيضاً:``)
        # starts where its line does and ends where its rest starts.
        rests = list(map(add, at, repeat(rest_at)))
        any(map(setitem, repeat(rest), chosen, rests))
        part_starts = at if part_start == 0 else map(add, at, repeat(part_start))
        part_ends = rests if part_end == rest_at else map(add, at, repeat(part_end))
        marker, owner = repeat("marker"), repeat(article)
        pieces.extend(zip(chosen, marker, part_starts, part_ends, owner, repeat(kind), _NONES))
        return
    # Per line: kind, where its rest starts and where the marker part starts and ends (from
    # the line's start), and the article the part belongs to; read with item getters (a
    # transposing zip would make an iterator object per line).
    picked = list(map(decided.__getitem__, map(texts.__getitem__, chosen)))
    line_kinds = list(map(_KIND, picked))
    any(map(setitem, repeat(kinds), chosen, line_kinds))
    any(map(setitem, repeat(rest), chosen, map(add, at, map(_REST, picked))))
    pieces.extend(
        zip(
            chosen,
            repeat("marker"),
            map(add, at, map(_PART_START, picked)),
            map(add, at, map(_PART_END, picked)),
            map(_ARTICLE, picked),
            line_kinds,
            _NONES,
        )
    )


def _look_up_many(
    lexicon: Lexicon, memo: dict[str, Decision], lines: list[str], decided: dict[str, Decision]
) -> list[str]:
    """The memo's answers, then :func:`_decide_many`'s, for many distinct ``lines``, in
    C-level passes: the kept decisions go into ``decided``; the lines left to decide one by
    one are returned."""
    if len(lines) <= _FEW:
        return lines
    known = list(map(memo.get, lines))
    if known.count(None) != len(known):
        kept = map(and_, map(is_not, known, _NONES), map(is_not, known, repeat(_NO_MARKER)))
        decided.update(compress(zip(lines, known, strict=True), kept))  # type: ignore[arg-type]
        lines = list(compress(lines, map(is_, known, _NONES)))
    matchers = kind_pair_matchers(lexicon)
    if matchers and len(lines) > _FEW:
        return _decide_many(lexicon, matchers, memo, lines, decided)
    return lines


def _decide_many(
    lexicon: Lexicon,
    matchers: tuple[_KindMatcher, ...],
    memo: dict[str, Decision],
    lines: list[str],
    decided: dict[str, Decision],
) -> list[str]:
    """:func:`_decide` of many distinct ``lines`` in C-level passes, for the lines whose
    first two characters open one marker kind's phrases only (a page of thousands of
    ``كلمات دلالية: …`` lines): their kept decisions go into ``decided`` and ``memo``, and
    the lines left (another shape) are returned for deciding one by one.

    Each kind's pattern is matched on every such line at once. Where it ends before the
    prefix's end, the decision is the kind's, the match's end, and the marker trimmed of
    its blanks, which reads the line up to that end alone: lines that open alike (the same
    characters up to the marker's end) share it, made once. Only whether the kind accepts
    what follows is asked line by line. A line the pattern does not take is no marker
    (the pattern of every phrase lets through whatever a kind's pattern takes, so
    _many_lines's pre-test of it changes nothing).
    """
    twos = list(map(str.__getitem__, lines, _TWO))
    # The kind each pair of first characters opens, where it opens exactly one.
    sole: dict[str, _KindMatcher] = {}
    for pair in set(twos):
        rows = [row for row in matchers if pair in row[1]]
        if len(rows) == 1:
            sole[pair] = rows[0]
    if not sole:
        return lines
    rows_of = list(map(sole.get, twos))
    left = list(compress(lines, map(is_, rows_of, _NONES)))
    new: dict[str, Decision] = {}
    for row in dict.fromkeys(sole.values()):
        kind = row[0]
        # The pattern itself, not the kind's lazy matcher: a C-level call per line.
        pattern = lexicon._pattern("kind:" + kind)
        match = pattern.match
        # (The group by its number: a name is looked up on every call.)
        colon = repeat(pattern.groupindex["colon"])
        article = MAIN if kind == "read_also" else None
        shared: dict[str, Decision] = {}
        everyone = list(compress(lines, map(is_, rows_of, repeat(row))))
        # A slice at a time: the matches of a few hundred lines are alive at once, not
        # thousands (each an object the collector counts).
        for at in range(0, len(everyone), _CHUNK):
            group = everyone[at : at + _CHUNK]
            found = list(map(match, group, _ZEROS, map(min, map(len, group), _PREFIX)))
            hit = list(compress(count(), map(is_not, found, _NONES)))
            if not hit:
                continue
            took = cast("list[re.Match[str]]", list(map(found.__getitem__, hit)))
            del found
            group = list(map(group.__getitem__, hit))
            ends = list(map(re.Match.end, took))
            if max(ends) >= PREFIX_CHARS:
                # A marker that runs to the prefix's end is matched again over its whole line.
                whole = list(map(lt, ends, _PREFIX))
                left.extend(compress(group, map(not_, whole)))
                took = list(compress(took, whole))
                group = list(compress(group, whole))
                ends = list(compress(ends, whole))
            ok = list(map(_accepts, repeat(kind), map(bool, map(_GROUP, took, colon)), group, ends))
            del took
            group = list(compress(group, ok))
            heads = list(map(str.__getitem__, group, map(slice, _ZEROS, compress(ends, ok))))
            for head in set(heads).difference(shared):
                span = trim_blanks(head, 0, len(head))
                shared[head] = (
                    _NO_MARKER if span is None else (kind, len(head), span[0], span[1], article)
                )
            new.update(zip(group, map(shared.__getitem__, heads), strict=True))
    if new:
        # (As _decide_memo keeps them: the short lines, the memo emptied when full.)
        short = [line for line in new if len(line) <= LINE_MEMO_CHARS][-LINE_MEMO_SIZE:]
        if len(memo) + len(short) > LINE_MEMO_SIZE:
            memo.clear()
        memo.update(zip(short, map(new.__getitem__, short), strict=True))
        if any(map(is_, new.values(), repeat(_NO_MARKER))):
            new = {line: found for line, found in new.items() if found is not _NO_MARKER}
        decided.update(new)
    return left


# A decision on a line (see _decide): the marker's kind, where the rest starts, where the
# marker part starts and ends (from the line's start) and the article the part belongs to.
Decision = tuple[str, int, int, int, "int | None"]
# The memo's answer for a line the pattern passed and no kind accepted (``None`` is "not
# known yet").
_NO_MARKER: Decision = ("", 0, 0, 0, None)
_NONES = repeat(None)


def _decide_memo(
    lexicon: Lexicon, memo: dict[str, Decision], line: str, found: Decision | None = None
) -> Decision:
    """:func:`_decide` (unless ``found`` gives its answer), kept in ``memo`` for a short
    line; ``_NO_MARKER`` for no marker."""
    if found is None:
        found = _decide(lexicon, line) or _NO_MARKER
    if len(line) <= LINE_MEMO_CHARS:
        if len(memo) >= LINE_MEMO_SIZE:
            memo.clear()
        memo[line] = found
    return found


# The fields of a decision (see _decide).
_KIND, _REST, _PART_START, _PART_END, _ARTICLE = map(itemgetter, range(5))


def _match_kinds(
    lexicon: Lexicon, matchers: tuple[_KindMatcher, ...], line: str, stop: int
) -> tuple[str, re.Match[str]] | None:
    """``Lexicon._match_kinds`` over :data:`MARKER_KINDS` from the line's start, each
    kind tried only where the line's first two characters are among its pairs (see
    :func:`~arnews.lexicon.marker_sets.kind_pair_matchers`): the kind whose pattern
    matches longest (the first of equals), and its match."""
    pair = line[:2]
    best: tuple[str, re.Match[str]] | None = None
    best_end = -1
    for kind, pairs, match in matchers:
        if pair in pairs:
            m = match(line, 0, stop)
            if m is not None and m.end() > best_end:
                best, best_end = (kind, m), m.end()
    return best


def _match_any_kind(
    lexicon: Lexicon, matchers: tuple[_KindMatcher, ...], line: str, stop: int
) -> tuple[str, re.Match[str]] | None:
    """:func:`_match_kinds` for a lexicon whose kinds have no pairs (a phrase of one
    letter): every kind its first character allows."""
    return lexicon._match_kinds(line, MARKER_KINDS, 0, stop)


def _decide(lexicon: Lexicon, line: str) -> Decision | None:
    """The marker that opens ``line`` and is accepted: ``(kind, where the rest starts, where
    the marker part starts and ends, its article)``, or ``None``."""
    # The caller has run the lexicon's any-marker pattern on the line's prefix: the kinds'
    # patterns are matched without match_marker's repeat of that pre-test (which lets
    # through whatever they take, so the answer is the same) or its result object.
    # Only the kinds whose phrases the line's first two characters can open are tried:
    # most lines are a read-also marker (``اقرأ``), whose first letter opens five kinds.
    matchers = kind_pair_matchers(lexicon)
    match = _match_kinds if matchers else _match_any_kind
    if len(line) <= PREFIX_CHARS:
        found = match(lexicon, matchers, line, len(line))
    else:
        found = match(lexicon, matchers, line, PREFIX_CHARS)
        if found is not None and found[1].end() >= PREFIX_CHARS:
            # The marker ran to the end of the prefix: match the whole line for its end.
            found = match(lexicon, matchers, line, len(line))
    if found is None:
        return None
    kind, m = found
    marker_end = m.end()
    if not _accepts(kind, bool(m.group("colon")), line, marker_end):
        return None
    # The part is the marker trimmed of the blanks at its ends (as PageState.claim trims).
    span = trim_blanks(line, 0, marker_end)
    if span is None:
        return None
    start, end = span
    # The read-also marker belongs to the page; what follows it, to the new article.
    return (kind, marker_end, start, end, MAIN if kind == "read_also" else None)
