"""Keywords: the tags after ``كلمات دلالية:`` (or a share toolbar ``طباعة شارك``).

The tag line joins multi-word tags with plain spaces; :func:`arnews.tags.segment_tags` splits
it, using the article's own title and body as evidence. A tag marker alone on its line takes
the tags from the lines right under it (one or more tags a line). Repeats are kept in the
input and dropped from the field by the builder (each tag once, first-seen order)::

    كلمات دلالية: البيت الأبيض الرئيس الأمريكي جو بايدن
    → البيت الأبيض · الرئيس الأمريكي · جو بايدن
"""

from __future__ import annotations

from ..state import PageState
from ..tags import segment_tags

__all__ = ["detect_keywords", "detect_tag_lines"]

_TAG_KINDS = ("keywords", "share")
# Under a bare tag heading, tags are short lines; a sentence means the list has ended.
MAX_TAG_LINE_WORDS = 12


def _context(state: PageState) -> dict[int, str]:
    parts: dict[int, list[str]] = {}
    text = state.text
    for piece in state.pieces:
        if piece.kind in ("paragraph", "title"):
            parts.setdefault(state.article_of(piece), []).append(text[piece.start : piece.end])
    return {k: "\n".join(v) for k, v in parts.items()}


def detect_tag_lines(state: PageState) -> None:
    """Mark the lines under a bare tag heading as tag lines, before the body is collected."""
    lines = state.lines
    for i in range(len(lines)):
        if state.kind[i] != "keywords" or state.is_open(i):
            continue
        j = i + 1
        while (
            j < len(lines)
            and state.kind[j] is None
            and state.is_open(j)
            and not lines[j].blank_before
            and len(lines[j].text.split()) <= MAX_TAG_LINE_WORDS
        ):
            state.kind[j] = "keywords"
            state.article[j] = state.article[i]
            j += 1


def detect_keywords(state: PageState) -> None:
    """Split every open tag line into tags, with the article's text as evidence."""
    targets = [
        i for i in range(len(state.lines)) if state.kind[i] in _TAG_KINDS and state.is_open(i)
    ]
    if not targets:
        return
    context = _context(state)
    for i in targets:
        start = state.rest[i]
        line_text = state.text[start : state.lines[i].end]
        spans = segment_tags(
            line_text,
            context=context.get(state.article[i], ""),
            lexicon=state.tag_lexicon,
            gazetteer=state.gazetteer,
        )
        state.claim_rest(i, "keywords", value=[(start + s, start + e) for s, e in spans])
