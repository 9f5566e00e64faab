"""The source line: the text after ``المصدر:`` (or a variant of the lexicon).

Recognises the value that follows a source marker, on the marker's line or, when the marker
stands alone, on the next line if that line is short::

    المصدر: وكالة أنباء سرايا الإخبارية   → source "وكالة أنباء سرايا الإخبارية"
    المصدر :                              → (empty: the next short line is the source)
    سكاي نيوز عربية

A value that is a date (some pages print ``المصدر:: يوم الأربعاء 09/05/2012``) is kept as the
publication stamp, not as a source. A relative word alone is a paper's name, as are other
common words papers are called by::

    المصدر: اليوم     → source "اليوم" (the Saudi daily, not "today")
    المصدر: الحياة    → source "الحياة"
 An article keeps its first source; a second one is kept
as boilerplate with a
``repeated_source`` warning, so nothing is lost.
"""

from __future__ import annotations

from itertools import repeat
from operator import lt, sub

from ..dates import scan_date
from ..lines import BLANK_SET
from ..state import PageState
from ..text import ends_sentence, word_count

__all__ = ["detect_sources"]

# A value on the next line is taken only if it is as short as a name.
MAX_NEXT_LINE_WORDS = 8


def detect_sources(state: PageState) -> None:
    """Claim source values.

    Example:
        >>> from arnews.detectors.markers import detect_markers
        >>> state = PageState.of("المصدر: سرايا\\nالمصدر: سرايا")
        >>> detect_markers(state)
        >>> detect_sources(state)
        >>> [(p[1], state.text[p[2] : p[3]]) for p in state.pieces[2:]]
        [('source', 'سرايا'), ('boilerplate', 'سرايا')]
    """
    if "source" not in state.kind:
        return  # no source marker (most pages): one C-level pass says so
    seen: set[int] = set()
    repeated: list[int] = []  # start, end, start, end …
    more = 0  # repeats claimed in bulk, after those in ``repeated``
    texts = state.texts
    lines = state.lines_of("source")
    for k, i in enumerate(lines):
        if len(seen) == state.n_articles and not more:
            # Every article has its source: each line left repeats one. A page that prints
            # its source line many times has them claimed in C-level passes.
            more = _claim_repeats(state, lines[k:])
            if more:
                break
            more = -1  # some line needs the steps below: no second try
        target = i
        if not state.is_open(i):
            j = i + 1
            if (
                j < len(texts)
                and state.kind[j] is None
                and not state.blank_before(j)
                and word_count(texts[j], limit=MAX_NEXT_LINE_WORDS) <= MAX_NEXT_LINE_WORDS
                and not ends_sentence(texts[j])
            ):
                state.kind[j] = "source_value"
                state.article[j] = state.article[i]
                target = j
            else:
                continue
        article = state.article[target]
        if article in seen:
            claimed = state.claim_rest(target, "boilerplate")
            if claimed is not None:
                repeated.extend(claimed)
            continue
        found = scan_date(state.text, state.rest[target])
        if found is not None and (found.has_time or not found.relative):
            # `المصدر:: يوم الأربعاء 09/05/2012 …`: a page that put its date where the source goes.
            state.claim_rest(target, "published", value=found.value)
            continue
        seen.add(article)
        state.claim_rest(target, "source")
    if more > 0 and not repeated:
        repeated.extend(state.pieces[-more][2:4])
        more -= 1
    if repeated:
        # One warning for the page, located at the first repeat: a page that prints its
        # source line thousands of times should not give thousands of warnings.
        state.warn(
            "repeated_source",
            f"{len(repeated) // 2 + max(more, 0)} more source line(s) after an article's "
            "first; the first is the source, the others are kept as boilerplate",
            repeated[0],
            repeated[1],
        )


def _claim_repeats(state: PageState, lines: list[int]) -> int:
    """Claim what is left of each of ``lines`` as boilerplate, as ``claim_rest`` would, and
    return how many; or claim nothing and return 0 when one of them is claimed whole (its
    value may be on the next line) or its rest has blanks to trim."""
    text, rests, ends = state.text, state.rest, state.ends
    at = list(map(rests.__getitem__, lines))
    stop = list(map(ends.__getitem__, lines))
    if (
        not all(map(lt, at, stop))
        or any(map(BLANK_SET.__contains__, map(text.__getitem__, at)))
        or any(map(BLANK_SET.__contains__, map(text.__getitem__, map(sub, stop, repeat(1)))))
    ):
        return 0
    state.pieces.extend(
        zip(lines, repeat("boilerplate"), at, stop, repeat(None), repeat(None), repeat(None))
    )
    list(map(rests.__setitem__, lines, stop))
    return len(lines)
