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

from ..dates import scan_date
from ..state import PageState
from ..text import ends_sentence, word_count

__all__ = ["detect_sources"]

# A value on the next line is taken only if it is as short as a name.
MAX_NEXT_LINE_WORDS = 8


def detect_sources(state: PageState) -> None:
    """Claim source values."""
    seen: set[int] = set()
    repeated: list[int] = []  # start, end, start, end …
    texts = state.texts
    for i in state.lines_of("source"):
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
    if repeated:
        # One warning for the page, located at the first repeat: a page that prints its
        # source line thousands of times should not give thousands of warnings.
        state.warn(
            "repeated_source",
            f"{len(repeated) // 2} more source line(s) after an article's first; the first is "
            "the source, the others are kept as boilerplate",
            repeated[0],
            repeated[1],
        )
