"""Which article each line belongs to, and the headline lists that interrupt them.

Walks the page once. A read-also marker after the main article's footer (the aggregator
layout: ``المصدر: …``, ``كلمات دلالية: …``, then ``إقرأ أيضاً:``) opens a new embedded article
that runs to the next one; the lines before the first belong to the main article.

A read-also marker set inside the main body (``اقرأ أيضا: عنوان``, ``قد يهمك| عنوان``, or the
marker alone and a headline or a few on the next lines) is a link: only its headlines go to
title-only read-also articles, and the main body goes on. The text after it opens an
embedded article only on evidence that it starts an article of its own: a stamp, a
dateline, its own share footer, words the main article has not used (see
:func:`_starts_article`); text that carries on the story (``وأضاف …``) never does::

    وأكد المصري على ثقافة الاعتدال …                 → main paragraph
    إقرأ أيضا هل عجلت رحلة شامبليون إلى مصر بوفاته؟  → read-also title (a link)
    آمن المصريون قديما بأن الآلهة مثل البشر …         → main paragraph: the story goes on

A read-also marker followed by nothing but headlines gives one title-only article per
headline.

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
from collections.abc import Container

import regex

from .._lazy import lazy
from ..cohesion import Vocabulary, carries_on, content_words, shared_ratio
from ..lines import BLANKS
from ..normalize import fold
from ..state import KIND, LINE, MAIN, NAME, PageState, find_keys
from ..text import ends_sentence, glue_points, word_count

__all__ = ["bullet_pattern", "detect_regions", "is_paragraph_like", "split_headlines"]

# Sections that stop a headline list.
_SECTION_KINDS = frozenset({"source", "keywords", "share", "read_also", "headlines"})
# The footer lines that close the main article.
_MAIN_FOOTER = frozenset({"source", "keywords"})
# A read-also list item is a headline: short, not a sentence.
MAX_HEADLINE_WORDS = 25
# A link set inside the body carries one headline or a few, on the lines after its marker.
MAX_LINK_HEADLINES = 4
_STAMP_KINDS = frozenset({"updated", "published"})
# A list heading may name its section (`المزيد من أخبار مصر`) in this many words; a colon or
# another separator after the heading words sets a headline after it instead.
MAX_SECTION_NAME_WORDS = 3
_HEADING_SEPARATORS = frozenset(":：﹕|/\\-–—.…")
_PLAIN_WORDS: regex.Pattern[str] = lazy(regex, r"[\p{L}\p{M}\s]+$")
# A lead-in before the first sentence: `(CNN)-- `, `القاهرة (الاتحاد) - `, `لندن - `.
_LEAD_IN: regex.Pattern[str] = lazy(
    regex,
    r"(?:[^()\n:.!؟?]{0,60}?\([^()\n]{1,40}\)[ \t\xa0]*(?:-{1,3}|–|—|:)"
    r"|(?:\S+[ \t\xa0]+){0,2}\S+[ \t\xa0]*(?:-{1,3}|–|—)[ \t\xa0])",
)
# Evidence that the text after a marker is another article (see _starts_article): the
# points needed, and the shares of its content words the main article used before.
ARTICLE_EVIDENCE = 2
NOTHING_SHARED = 0.05
LITTLE_SHARED = 0.12
# Fewer content words than this, on either side, tell nothing; the text after a marker is
# read up to this many.
MIN_COHESION_WORDS = 12
COHESION_WINDOW_WORDS = 40

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


def split_headlines(
    text: str, start: int, similar_keys: set[str], heads: Container[str] = frozenset()
) -> list[tuple[int, int]]:
    """Split a line of glued headlines at the points the evidence allows.

    Cuts where two words were glued together (letters no Arabic word has there) and around
    any headline the page lists elsewhere. On a line that shows such glue, a definite noun
    run into a construct head (``الحربعضو``: ``الحرب`` + ``عضو``, from ``heads``) is cut
    too: headlines open with such heads, and no word is spelt that way. Returns spans
    relative to the whole input (``start`` is the offset of ``text``).

    Example:
        >>> split_headlines("إلى ليبياإعلام إسرائيلي", 0, set())
        [(0, 9), (9, 23)]
        >>> split_headlines("نحو ليبياإعلام يوقف الحربعضو كنيست", 0, set(), {"عضو"})
        [(0, 9), (9, 25), (25, 34)]
    """
    cuts = set(glue_points(text))
    if cuts and heads:
        cuts.update(_head_glue_points(text, heads))
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


# A definite noun glued to the head noun that opens the next headline: the token starts
# with the article and has at least two letters after it before the head.
_DEFINITE_TOKEN: regex.Pattern[str] = lazy(regex, r"(?<!\S)ال\S{5,}")
MIN_GLUED_HEAD = 3


def _head_glue_points(text: str, heads: Container[str]) -> list[int]:
    """Offsets inside ``الحربعضو``-like tokens where a known construct head starts."""
    points = []
    for m in _DEFINITE_TOKEN.finditer(text):
        token = m.group()
        for k in range(4, len(token) - MIN_GLUED_HEAD + 1):
            if fold(token[k:]) in heads:
                points.append(m.start() + k)
                break
    return points


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
        for s, e in split_headlines(
            state.text[rest:line_end], rest, state.similar_keys, state.gazetteer.heads
        ):
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


def _read_also_shape(
    state: PageState, i: int, main: _MainWords | None
) -> tuple[int, str, list[int]]:
    """Return (end of block, shape, headline lines) for the read-also marker on line ``i``.

    ``article``: another article follows (the aggregator layout, after the main article's
    footer, or text that starts an article of its own); ``link``: the marker is a link set
    inside the main body, and the body goes on after its headlines; ``list``: only
    headlines follow, each the title of an article the page links to. The headline lines
    of a link (none when the headline stands on the marker's line) come third.

    ``main`` reads the content words of the main article before the marker; it is ``None``
    where the main article's footer came already (the marker then opens an article).
    """
    texts, kinds = state.texts, state.kind
    n = len(texts)
    end = i + 1
    headlines = 0
    all_headlines = True
    footers: set[str] = set()
    # Pages repeat their lines (a chain of read-also articles its heads): each distinct
    # line is judged once a page.
    judged = state.memo.get(_is_headline_item)
    if judged is None:
        judged = state.memo[_is_headline_item] = {}
    while end < n:
        kind = kinds[end]
        # An inline widget (headlines on the marker's own line) sits inside the block.
        if kind == "read_also" or (kind == "headlines" and not state.is_open(end)):
            break
        if kind is not None:
            footers.add(kind)
        elif all_headlines:
            item = judged.get(texts[end])
            if item is None:
                item = judged[texts[end]] = _is_headline_item(texts[end])
            if item:
                headlines += 1
            else:
                all_headlines = False
        end += 1
    if all_headlines and headlines >= 2:
        return end, "list", []
    if main is None:
        return end, "article", []
    heads, body = _link_headlines(state, i, end)
    titled = bool(heads) or state.is_open(i)
    if body < 0 or _starts_article(state, body, end, main, titled, footers):
        return end, ("article" if body >= 0 else "link"), heads
    return end, "link", heads


def _link_headlines(state: PageState, i: int, end: int) -> tuple[list[int], int]:
    """The headline lines of a link at line ``i``, and the first body line after them.

    A headline on the marker's own line is the link's only one; a marker alone on its
    line is followed by one or a few headline lines (none, where the page lost the link
    and the body goes straight on). The body line is ``-1`` when none comes before ``end``.
    """
    kinds, texts = state.kind, state.texts
    heads: list[int] = []
    inline = state.is_open(i)
    j = i + 1
    while j < end:
        if kinds[j] is None and state.is_open(j):
            if inline or len(heads) >= MAX_LINK_HEADLINES or not _is_headline_item(texts[j]):
                return heads, j
            heads.append(j)
        j += 1
    return heads, -1


def _starts_article(
    state: PageState, body: int, end: int, main: _MainWords, titled: bool, footers: set[str]
) -> bool:
    """Weigh whether the text at line ``body`` (up to ``end``) starts another article.

    Points for another article: a date stamp at its head, a dateline, a footer of its own
    (a share toolbar with tags, as embedded articles have), a vocabulary the main article
    has not used (the story shares nothing with the one before). Points against: a first
    word that carries on a sentence (``وأضاف``, ``لكن``) or a quote, and the main
    article's own footer (source, tags) coming after it. When in doubt the text stays the
    main article's.
    """
    texts, kinds = state.texts, state.kind
    score = 0
    if "share" in footers:
        score += 2
    if not footers.isdisjoint(_MAIN_FOOTER):
        score -= 1
    # A stamp (`آخر تحديث: …`) between the marker and the text heads an article.
    for j in range(max(body - 3, 0), min(body + 2, end)):
        if kinds[j] in _STAMP_KINDS:
            score += 2
            break
    first = texts[body] if state.rest[body] == state.starts[body] else state.rest_text(body)
    if _LEAD_IN.match(first):
        score += 1
    if carries_on(first):
        score -= 2
    if not titled:
        # No headline between the marker and the text: it opens an article only on
        # stronger evidence.
        score -= 1
    # The words are weighed last, and only where they can decide (most links are followed
    # by `وقال …`, and cost no reading of the article).
    if score >= ARTICLE_EVIDENCE or score + 2 < ARTICLE_EVIDENCE:
        return score >= ARTICLE_EVIDENCE
    known = main.words()
    if known.size >= MIN_COHESION_WORDS:
        words: set[str] = set()
        for j in range(body, end):
            if kinds[j] is None:
                words |= content_words(texts[j])
                if len(words) >= COHESION_WINDOW_WORDS:
                    break
        if len(words) >= MIN_COHESION_WORDS:
            shared = shared_ratio(words, known)
            score += 2 if shared < NOTHING_SHARED else 1 if shared < LITTLE_SHARED else 0
    return score >= ARTICLE_EVIDENCE


def _is_headline_item(text: str) -> bool:
    return word_count(text, limit=MAX_HEADLINE_WORDS) <= MAX_HEADLINE_WORDS and not ends_sentence(
        text.rstrip("؟?!")
    )


def _new_article(state: PageState) -> int:
    index = state.n_articles
    state.n_articles += 1
    return index


def _read_also(
    state: PageState,
    i: int,
    current: int,
    main: _MainWords | None,
    bullets: regex.Pattern[str],
) -> tuple[int, int]:
    """Lay out the read-also block at line ``i``; return (next line, current article)."""
    end, shape, heads = _read_also_shape(state, i, main)
    if shape == "article" or (current != MAIN and shape == "link"):
        article = _new_article(state)
        state.article[i] = article
        return i + 1, article
    if shape == "link":
        # Only the headlines belong to the linked articles; the main body goes on after.
        if state.is_open(i):
            state.article[i] = _new_article(state)
            return i + 1, current
        state.article[i] = current
        for j in heads:
            state.article[j] = _new_article(state)
        return (heads[-1] + 1 if heads else i + 1), current
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


def _heading_name(state: PageState, i: int) -> bool:
    """Tell whether the rest of headline-list heading ``i`` names the list's section.

    ``المزيد من أخبار مصر``, ``الأكثر قراءة في الرياضة``: a word or a few after the heading
    words, with no colon or separator between; a headline after a colon is an inline widget.
    """
    head = state.text[state.starts[i] : state.rest[i]].rstrip(BLANKS)
    rest = state.rest_text(i)
    if head[-1:] in _HEADING_SEPARATORS or not _PLAIN_WORDS.match(rest):
        return False
    return word_count(rest, limit=MAX_SECTION_NAME_WORDS + 1) <= MAX_SECTION_NAME_WORDS


class _MainWords:
    """The main article's content words before a marker, read when first weighed.

    The walk moves ``upto`` to each marker; :meth:`words` reads the lines it has not read
    yet, so each line is read once at most, and none on a page whose links need no words.
    """

    __slots__ = ("read_to", "state", "upto", "vocab")

    def __init__(self, state: PageState) -> None:
        self.state = state
        # Made when first read: most pages' links are settled without the words.
        self.vocab: Vocabulary | None = None
        self.read_to = 0
        self.upto = 0

    def words(self) -> Vocabulary:
        """The content words of the main article's open lines before line ``upto``."""
        state = self.state
        kinds, articles, texts = state.kind, state.article, state.texts
        lines = [
            texts[j]
            for j in range(self.read_to, self.upto)
            if kinds[j] is None and articles[j] == MAIN
        ]
        vocab = self.vocab
        if vocab is None:
            vocab = self.vocab = Vocabulary()
        if lines:
            vocab.add("\n".join(lines))  # folded in one pass
        self.read_to = max(self.read_to, self.upto)
        return vocab


def _unclaim_marker(state: PageState, i: int) -> None:
    """Give line ``i``'s read-also marker back to the text: it heads the page, it links nothing.

    Pieces are claimed in line order by the marker detector, and only furniture and
    markers stand before line ``i``, so the piece is found among the first few.
    """
    pieces = state.pieces
    for k, piece in enumerate(pieces):
        if piece[LINE] == i and piece[KIND] == "marker" and piece[NAME] == "read_also":
            del pieces[k]
            break
    state.kind[i] = None
    state.rest[i] = state.starts[i]


def detect_regions(state: PageState) -> None:
    """Assign each line to an article and claim the headline lists."""
    kinds, articles, ends = state.kind, state.article, state.ends
    if kinds.count(None) == len(kinds) or ("read_also" not in kinds and "headlines" not in kinds):
        # C-level scans (the first compares by identity, the fastest of them, and answers
        # for a page of plain lines). Without a marker or a list heading, the footer lines
        # change nothing below: every line stays the main article's (as most pages' do).
        return
    bullets = bullet_pattern(state.lexicon.bullets)
    n = len(kinds)
    current = MAIN
    footer_seen = False
    # The main article's content words before the current line: what follows a marker is
    # compared with them.
    main = _MainWords(state)
    # The first line of text no detector took: main text is seen once a marker comes after.
    try:
        first_text = kinds.index(None)
    except ValueError:
        first_text = n
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
            linked = current == MAIN and not footer_seen
            if linked and first_text > i and state.is_open(i):
                # `شاهد.. عنوان` as the page's first text is its own headline, not a link.
                _unclaim_marker(state, i)
                first_text = i
                pos = i
                continue
            # Before any main text, or after the main footer, a marker opens an article.
            main.upto = i
            linked = linked and first_text < i
            pos, current = _read_also(state, i, current, main if linked else None, bullets)
            continue
        if kind in _MAIN_FOOTER and current == MAIN:
            footer_seen = True
        articles[i] = current
        pos = i + 1
        if kind != "headlines":
            continue
        if state.is_open(i) and _heading_name(state, i):
            # `المزيد من أخبار مصر`: the section's name is part of the heading.
            state.claim_rest(i, "marker", name="headlines")
        if state.is_open(i):
            # An inline widget: the headlines stand on the marker's own line.
            line_rest = state.rest[i]
            widget = state.text[line_rest : ends[i]]
            heads = state.gazetteer.heads
            for s, e in split_headlines(widget, line_rest, state.similar_keys, heads):
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
