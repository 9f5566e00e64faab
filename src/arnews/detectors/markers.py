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

from itertools import compress, count, repeat
from operator import is_not

from ..dates import scan_date
from ..lines import PREFIX_CHARS
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


def _accepts(state: PageState, kind: str, colon: bool, rest: str, rest_start: int, i: int) -> bool:
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
        start = state.starts[i]
        line = state.texts[i]
        found = scan_date(line, rest_start - start)
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
    """Classify marker lines and claim their marker words."""
    lexicon = state.lexicon
    text = state.text
    kinds, starts, ends = state.kind, state.starts, state.ends
    # Lines whose first character can start a marker, then one pattern of every marker
    # phrase over their prefixes: C-level passes, after which only the lines it matches (a
    # few a page) are looked at in Python.
    maybe = list(compress(count(), map(lexicon.marker_heads.__contains__, state.firsts)))
    prefixes = map(state.texts.__getitem__, maybe)
    could = map(lexicon.marker_pattern.match, prefixes, repeat(0), repeat(PREFIX_CHARS))
    candidates = list(compress(maybe, map(is_not, could, repeat(None))))
    # Pages repeat their furniture; a page of a hundred thousand marker lines must not pay
    # a full lexicon match on each. A line short enough to be its own prefix is decided once
    # (the decision reads nothing but the line); a longer one is matched on its prefix.
    # line text -> (kind, where its rest starts, where the marker part ends), or None
    decided: dict[str, tuple[str, int, int] | None] = {}
    pieces, texts = state.pieces, state.texts
    for i in candidates:
        if kinds[i] is not None:
            continue
        start, line_end = starts[i], ends[i]
        line = texts[i]
        short = len(line) <= PREFIX_CHARS
        if short:
            if line in decided:
                known = decided[line]
                if known is not None:
                    kind, rest_at, part_end = known
                    kinds[i] = kind
                    article = MAIN if kind == "read_also" else None
                    pieces.append((i, "marker", start, start + part_end, article, kind, None))
                    state.rest[i] = start + rest_at
                continue
            m = lexicon.match_marker(line)
        else:
            m = lexicon.match_marker(line, endpos=PREFIX_CHARS)
            if m is not None and m.end >= PREFIX_CHARS:
                # The marker ran to the end of the prefix: match the whole line for its end.
                m = lexicon.match_marker(line)
        if m is None:
            if short:
                decided[line] = None
            continue
        end = start + m.end
        rest = text[end:line_end]
        if not _accepts(state, m.kind, m.colon, rest, end, i):
            if short:
                decided[line] = None
            continue
        kinds[i] = m.kind
        # The read-also marker belongs to the page; what follows it, to the new article.
        article = MAIN if m.kind == "read_also" else None
        claimed = state.claim(i, "marker", start, end, article=article, name=m.kind)
        state.rest[i] = end
        if short and claimed is not None:
            # The claim trimmed the marker part of the spaces after it; the rest starts past them.
            decided[line] = (m.kind, m.end, claimed[1] - start)
