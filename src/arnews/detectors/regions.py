"""Which article each line belongs to, and the headline lists that interrupt them.

Walks the page once. Each read-also marker (``إقرأ أيضاً:``) opens a new embedded article
that runs to the next one; the lines before the first belong to the main article.

A read-also marker set inside the main body, before the main article's own source or tags
(``اقرأ أيضا: عنوان`` between two paragraphs), is a link: only its headline goes to the
read-also article, and the main body goes on. A read-also marker followed by nothing but
headlines gives one title-only article per headline.

A headline-list heading (``مقالات مشابهة``, ``أخبار ذات صلة``, ``مواضيع ذات صلة`` …) is
followed by the list's items, with or without bullets. Where the page's running text comes
back after the list, it was a widget inside an article: its items are that article's
related headlines. Where the list runs to the end of the page (or to another section), it
is the page's similar-articles list::

    مقالات مشابهة
      • اللجنة العربية الإسلامية تطالب بوقف دائم …    → similar
    أخبار ذات صلة «الصحة العالمية»: الظروف … «مروعة»  → related headlines (inline widget)
"""

from __future__ import annotations

import functools

import regex

from ..lines import BLANKS
from ..normalize import fold
from ..state import MAIN, PageState, find_keys
from ..text import ends_sentence, glue_points, word_count

__all__ = ["bullet_pattern", "detect_regions", "is_paragraph_like", "split_headlines"]

# Sections that stop a headline list.
_SECTION_KINDS = frozenset({"source", "keywords", "share", "read_also", "headlines"})
# The footer lines that close the main article.
_MAIN_FOOTER = frozenset({"source", "keywords"})
# A read-also list item is a headline: short, not a sentence.
MAX_HEADLINE_WORDS = 25

# A list item that reads like a paragraph of running text ends the list: a sentence of this
# many words or more, or any line this long.
PARAGRAPH_MIN_WORDS = 12
PARAGRAPH_ANY_WORDS = 45


def is_paragraph_like(text: str) -> bool:
    """Tell whether a line reads like running text rather than a headline.

    Example:
        >>> is_paragraph_like("اتفاق أمريكي روسي على وقف جزئي لإطلاق النار بأوكرانيا")
        False
    """
    words = word_count(text, limit=PARAGRAPH_ANY_WORDS)
    return words >= PARAGRAPH_ANY_WORDS or (words >= PARAGRAPH_MIN_WORDS and ends_sentence(text))


@functools.lru_cache(maxsize=16)
def bullet_pattern(bullets: tuple[str, ...]) -> regex.Pattern[str]:
    """The pattern of a list item's bullet (or number) and the space after it.

    Cached: every parse asks for it, and escaping the bullets costs more than a short page.
    """
    chars = regex.escape("".join(bullets)) if bullets else r"•"
    return regex.compile(rf"(?:[{chars}]+|[0-9٠-٩۰-۹]{{1,2}}[.)\-–](?=[ \t\xa0]))[ \t\xa0]*")


def split_headlines(text: str, start: int, similar_keys: set[str]) -> list[tuple[int, int]]:
    """Split a line of glued headlines at the points the evidence allows.

    Cuts where two words were glued together (letters no Arabic word has there) and around
    any headline the page lists elsewhere. Returns spans relative to the whole input
    (``start`` is the offset of ``text``).

    Example:
        >>> split_headlines("إلى ليبياإعلام إسرائيلي", 0, set())
        [(0, 9), (9, 23)]
    """
    cuts = set(glue_points(text))
    if similar_keys:
        key = fold(text)
        if len(key) == len(text):
            # Only when folding kept offsets aligned can a match be cut at the same place.
            # (``find_keys`` reads the line once, however many keys the page has.)
            for at, length in find_keys(similar_keys, key, 8):
                cuts.update((at, at + length))
    spans = []
    prev = 0
    for cut in sorted(c for c in cuts if 0 < c < len(text)):
        spans.append((start + prev, start + cut))
        prev = cut
    spans.append((start + prev, start + len(text)))
    return spans


def _claim_similar_items(
    state: PageState, items: list[int], article: int, bullets: regex.Pattern[str]
) -> None:
    """Claim whole-line similar-list items: bullet and headline, each distinct line read once."""
    starts, texts, pieces = state.starts, state.texts, state.pieces
    shapes: dict[str, tuple[int, int, int]] = {}
    keys = state.similar_keys
    for i in items:
        line = texts[i]
        shape = shapes.get(line)
        if shape is None:
            # Work it out on a state of its own: bullet width, headline start and end.
            m = bullets.match(line)
            bullet = m.end() if m is not None and m.end() < len(line) else 0
            head = bullet + (len(line[bullet:]) - len(line[bullet:].lstrip(BLANKS)))
            # The bullet's part ends at its last non-blank character, as a claim would.
            bullet = len(line[:bullet].rstrip(BLANKS))
            shape = shapes[line] = (bullet, head, len(line))
            keys.add(fold(line[head:]))
        bullet, head, end = shape
        start = starts[i]
        if bullet:
            pieces.append((i, "marker", start, start + bullet, article, "bullet", None))
        pieces.append((i, "similar", start + head, start + end, article, None, None))
        state.rest[i] = state.ends[i]
        state.kind[i] = "similar"


def _claim_list_item(
    state: PageState, i: int, kind: str, article: int, bullets: regex.Pattern[str]
) -> None:
    line_end = state.ends[i]
    rest = state.rest[i]
    m = bullets.match(state.text, rest, line_end)
    if m is not None and m.end() < line_end:
        state.claim(i, "marker", rest, m.end(), article=article, name="bullet")
        rest = m.end()
    state.rest[i] = rest
    if kind == "similar":
        claimed = state.claim_rest(i, "similar", article=article)
        if claimed is not None:
            state.similar_keys.add(fold(state.text[claimed[0] : claimed[1]]))
    else:
        for s, e in split_headlines(state.text[rest:line_end], rest, state.similar_keys):
            state.claim(i, "related_headline", s, e, article=article)
        state.rest[i] = line_end
    state.kind[i] = kind


def _list_extent(state: PageState, first: int, bullets: regex.Pattern[str]) -> tuple[int, bool]:
    """Return (end index, body_follows) of the list whose first item is line ``first``."""
    texts, kinds = state.texts, state.kind
    n = len(texts)
    # One forward pass finds where the list's section ends and the first line of running
    # text before that; the walk below then decides in linear time.
    stop = first
    first_para = -1
    judged: dict[str, bool] = {}  # lists repeat their lines: each distinct one is read once
    while stop < n and kinds[stop] not in _SECTION_KINDS:
        if first_para < 0 and kinds[stop] is None:
            line = texts[stop]
            para = judged.get(line)
            if para is None:
                para = judged[line] = is_paragraph_like(line)
            if para:
                first_para = stop
        stop += 1
    if first_para < 0:
        return stop, False
    for j in range(first, first_para):
        # After a gap, the list goes on only if nothing but headlines follows it.
        if j > first and state.blank_before(j) and not bullets.match(texts[j]):
            return j, True
    return first_para, True


def _read_also_shape(state: PageState, i: int, footer_seen: bool) -> tuple[int, str]:
    """Return (end of block, shape) for the read-also marker on line ``i``.

    ``article``: an article follows (the usual case); ``link``: the marker is a link set
    inside the main body, because the main article's own footer comes after it; ``list``:
    only headlines follow, each the title of an article the page links to.
    """
    texts, kinds = state.texts, state.kind
    n = len(texts)
    end = i + 1
    footer_inside = False
    headlines = 0
    all_headlines = True
    while end < n:
        kind = kinds[end]
        # An inline widget (headlines on the marker's own line) sits inside the block.
        if kind == "read_also" or (kind == "headlines" and not state.is_open(end)):
            break
        if kind in _MAIN_FOOTER:
            footer_inside = True
        elif kind is None and all_headlines:
            if _is_headline_item(texts[end]):
                headlines += 1
            else:
                all_headlines = False
        end += 1
    if not footer_seen and footer_inside:
        return end, "link"
    if all_headlines and headlines >= 2:
        return end, "list"
    return end, "article"


def _is_headline_item(text: str) -> bool:
    return word_count(text, limit=MAX_HEADLINE_WORDS) <= MAX_HEADLINE_WORDS and not ends_sentence(
        text.rstrip("؟?!")
    )


def _new_article(state: PageState) -> int:
    index = state.n_articles
    state.n_articles += 1
    return index


def _read_also(
    state: PageState, i: int, current: int, footer_seen: bool, bullets: regex.Pattern[str]
) -> tuple[int, int]:
    """Lay out the read-also block at line ``i``; return (next line, current article)."""
    end, shape = _read_also_shape(state, i, footer_seen and current == MAIN)
    if shape == "article" or (current != MAIN and shape == "link"):
        article = _new_article(state)
        state.article[i] = article
        return i + 1, article
    if shape == "link":
        # Only the headline belongs to the linked article; the main body goes on after it.
        article = _new_article(state)
        state.article[i] = article
        if not state.is_open(i):
            for j in range(i + 1, end):
                if state.kind[j] is None:
                    state.article[j] = article
                    return j + 1, current
        return i + 1, current
    # A list of headlines: one title-only article per item.
    state.article[i] = current
    if state.is_open(i):
        state.article[i] = _new_article(state)
    for j in range(i + 1, end):
        if state.kind[j] is None:
            state.article[j] = _new_article(state)
            m = bullets.match(state.text, state.rest[j], lines_end := state.ends[j])
            if m is not None and m.end() < lines_end:
                state.claim(j, "marker", state.rest[j], m.end(), name="bullet")
                state.rest[j] = m.end()
        else:
            state.article[j] = current
    return end, current


def detect_regions(state: PageState) -> None:
    """Assign each line to an article and claim the headline lists."""
    bullets = bullet_pattern(state.lexicon.bullets)
    kinds, articles, ends = state.kind, state.article, state.ends
    n = len(kinds)
    current = MAIN
    footer_seen = False
    # Only section lines change anything; the lines between them take the current article,
    # a slice at a time.
    pos = 0
    for i in state.lines_of("read_also", "headlines", *_MAIN_FOOTER):
        if i < pos:
            continue  # inside a block or list already laid out
        if current != MAIN:
            articles[pos:i] = [current] * (i - pos)
        kind = kinds[i]
        if kind == "read_also":
            pos, current = _read_also(state, i, current, footer_seen, bullets)
            continue
        if kind in _MAIN_FOOTER and current == MAIN:
            footer_seen = True
        articles[i] = current
        pos = i + 1
        if kind != "headlines":
            continue
        if state.is_open(i):
            # An inline widget: the headlines stand on the marker's own line.
            line_rest = state.rest[i]
            for s, e in split_headlines(
                state.text[line_rest : ends[i]], line_rest, state.similar_keys
            ):
                state.claim(i, "related_headline", s, e)
            state.rest[i] = ends[i]
            continue
        end, body_follows = _list_extent(state, i + 1, bullets)
        item_kind = "related" if body_follows else "similar"
        article = current if body_follows else MAIN
        whole_items: list[int] = []
        for j in range(i + 1, end):
            articles[j] = current
            if kinds[j] is None and state.is_open(j):
                if item_kind == "similar" and state.rest[j] == state.starts[j]:
                    whole_items.append(j)
                else:
                    _claim_list_item(state, j, item_kind, article, bullets)
        if whole_items:
            _claim_similar_items(state, whole_items, article, bullets)
        pos = end
    if current != MAIN and pos < n:
        articles[pos:n] = [current] * (n - pos)
