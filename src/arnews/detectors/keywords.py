"""Keywords: the tags after ``كلمات دلالية:`` (or a share toolbar ``طباعة شارك``).

The tag line joins multi-word tags with plain spaces; :func:`arnews.tags.segment_tags` splits
it, using the article's own title and body as evidence. A tag marker alone on its line takes
the tags from the lines right under it (one or more tags a line). Repeats are kept in the
input and dropped from the field by the builder (each tag once, first-seen order)::

    كلمات دلالية: البيت الأبيض الرئيس الأمريكي جو بايدن
    → البيت الأبيض · الرئيس الأمريكي · جو بايدن
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from operator import itemgetter

from ..state import END, KIND, MAIN, START, PageState
from ..tags import MAX_SEGMENT_TOKENS, MAX_TAG_WORK, _segment_lines
from ..text import word_count

__all__ = ["detect_keywords", "detect_tag_lines"]

_TAG_KINDS = ("keywords", "share")
_FIRST = itemgetter(0)
_SECOND = itemgetter(1)
# Under a bare tag heading, tags are short lines; a sentence means the list has ended.
MAX_TAG_LINE_WORDS = 12


def _context(state: PageState) -> dict[int, str]:
    """Each article's title and body text, in input order."""
    if state.n_articles == 1:
        return _one_context(state)
    found: list[tuple[int, int, str]] = []
    text = state.text
    for piece in state.pieces:
        if piece[KIND] in ("paragraph", "title"):
            start, end = piece[START], piece[END]
            found.append((start, state.article_of(piece), text[start:end]))
    articles, starts, texts = state.article, state.starts, state.texts
    found.extend((starts[i], articles[i], texts[i]) for i in state.whole)
    found.extend(
        (s, articles[i], text[s:e])
        for i, s, e in zip(state.cut_lines, state.cut_starts, state.cut_ends, strict=True)
    )
    found.sort(key=_FIRST)
    parts: dict[int, list[str]] = {}
    for _, article, body in found:
        parts.setdefault(article, []).append(body)
    return {k: "\n".join(v) for k, v in parts.items()}


def _one_context(state: PageState) -> dict[int, str]:
    """:func:`_context` of a page of one article (most pages), without asking each piece
    which article it belongs to."""
    text = state.text
    kinds = ("paragraph", "title")
    found = [
        (piece[START], text[piece[START] : piece[END]])
        for piece in state.pieces
        if piece[KIND] in kinds
    ]
    starts, texts = state.starts, state.texts
    found.extend([(starts[i], texts[i]) for i in state.whole])
    found.extend([(s, text[s:e]) for s, e in zip(state.cut_starts, state.cut_ends, strict=True)])
    if not found:
        return {}
    found.sort(key=_FIRST)
    return {MAIN: "\n".join(map(_SECOND, found))}


def detect_tag_lines(state: PageState) -> None:
    """Mark the lines under a bare tag heading as tag lines, before the body is collected."""
    texts = state.texts
    for i in state.lines_of("keywords"):
        if state.is_open(i):
            continue
        j = i + 1
        while (
            j < len(texts)
            and state.kind[j] is None
            and state.is_open(j)
            and not state.blank_before(j)
            and len(texts[j].split()) <= MAX_TAG_LINE_WORDS
        ):
            state.kind[j] = "keywords"
            state.article[j] = state.article[i]
            j += 1


def detect_keywords(state: PageState) -> None:
    """Split every open tag line into tags, with the article's text as evidence.

    The tag lines of one article are split together, so that the article is read once for
    all of them (a page of thousands of tag lines stays linear in its length).
    """
    targets = [i for i in state.lines_of(*_TAG_KINDS) if state.is_open(i)]
    if not targets:
        return
    # The articles' text is gathered only when a line has words to weigh against it: a page
    # whose tag lines are single words or separated items never reads it.
    contexts: list[dict[int, str]] = []

    def context_of(article: int) -> Callable[[], str]:
        def read() -> str:
            if not contexts:
                contexts.append(_context(state))
            return contexts[0].get(article, "")

        return read

    by_article: dict[int, list[int]] = {}
    for i in targets:
        by_article.setdefault(state.article[i], []).append(i)
    found: dict[int, list[tuple[int, int]]] = {}
    # One budget of work for the page (see MAX_TAG_WORK): the articles' tag lines draw on it
    # in input order, so a page of thousands of tag lines weighs its first ones only.
    left = MAX_TAG_WORK
    unweighed: list[int] = []
    # The page without the tag lines' text holds every article's text: a page none of
    # whose words the tag lines look for needs no article gathered (see _segment_lines).
    text, rest, ends = state.text, state.rest, state.ends
    cuts = [0, *itertools.chain.from_iterable((rest[i], ends[i]) for i in targets), len(text)]
    around = "\n".join(map(text.__getitem__, map(slice, cuts[0::2], cuts[1::2])))
    for article, lines in by_article.items():
        texts = [text[rest[i] : ends[i]] for i in lines]
        split, used, cut = _segment_lines(
            texts, context_of(article), state.tag_lexicon, state.gazetteer, left, around
        )
        left -= used
        found.update(zip(lines, split, strict=True))
        unweighed.extend(map(lines.__getitem__, cut))
    # Where the first line left unweighed is, before the claims below move each line's rest.
    over = (state.rest[min(unweighed)], state.ends[min(unweighed)]) if unweighed else None
    for i in targets:
        start, end = state.rest[i], state.ends[i]
        spans = found[i]
        state.claim_rest(i, "keywords", value=[(start + s, start + e) for s, e in spans])
        # A line of more words than that has at least two characters a word.
        if end - start <= 2 * MAX_SEGMENT_TOKENS:
            continue
        line_text = state.text[start:end]
        if word_count(line_text, limit=MAX_SEGMENT_TOKENS) > MAX_SEGMENT_TOKENS:
            words = word_count(line_text)
            state.warn(
                "long_tag_line",
                f"a tag line of {words} words, longer than any real one (over "
                f"{MAX_SEGMENT_TOKENS}): multi-word tags were kept only where separators mark them",
                start,
                state.ends[i],
            )
    if over is not None:
        state.warn(
            "tag_work_budget",
            f"{len(unweighed)} of {len(targets)} tag lines came after the page's budget of tag "
            f"work ({MAX_TAG_WORK:,} words analysed and tokens weighed; real tag blocks use under "
            "a hundred): their separated items and the words of their other runs are each a tag",
            *over,
        )
