"""Page furniture lines: app promos, share prompts, toolbars.

Recognises whole lines that the lexicon lists as boilerplate (``طباعة``, ``شارك``) and lines
that start with a boilerplate phrase and add at most a few words (an app's name)::

    تابع أحدث الأخبار عبر تطبيق      → boilerplate
    حمل تطبيق صدى البلد              → boilerplate
    طباعة الكتب في مصر تراجعت كثيرا  → body (the phrase is not furniture here)

The line is claimed as ``boilerplate``; nothing is dropped silently.
"""

from __future__ import annotations

from itertools import compress, count

from ..state import PageState

__all__ = ["detect_boilerplate"]

# Furniture is short; a long line that happens to start with a promo phrase is body text.
MAX_CHARS = 160


def detect_boilerplate(state: PageState) -> None:
    """Classify and claim furniture lines."""
    lexicon = state.lexicon
    heads = lexicon.boilerplate_heads
    kinds, texts = state.kind, state.texts
    # Only short lines that open with a letter some furniture phrase opens with are judged.
    candidates = [
        i
        for i in compress(count(), map(heads.__contains__, state.firsts))
        if len(texts[i]) <= MAX_CHARS
    ]
    # Furniture repeats; so do hostile pages. Each distinct short line is judged once.
    seen: dict[str, bool] = {}
    for i in candidates:
        if kinds[i] is not None:
            continue
        line = texts[i]
        found = seen.get(line)
        if found is None:
            found = seen[line] = lexicon.is_boilerplate(line)
        if found:
            kinds[i] = "boilerplate"
            state.claim_rest(i, "boilerplate")
