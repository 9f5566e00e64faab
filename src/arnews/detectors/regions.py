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

The lists' items, their bullets and glued headlines are read by
:mod:`arnews.detectors.headline_lists`; this module walks the page and lays out the articles.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from itertools import chain, compress, islice, repeat
from operator import eq, is_, sub
from typing import TYPE_CHECKING

from .._lazy import lazy
from ..cohesion import carries_on, content_words
from ..state import KIND, LINE, MAIN, NAME, PageState
from ..text import ends_sentence, word_count
from .headline_lists import (
    WidgetSplits,
    _claim_items,
    _claim_widget,
    _heading_name,
    _list_extent,
    bullet_pattern,
    is_paragraph_like,
    split_headlines,
)
from .main_words import MainWords

if TYPE_CHECKING:
    import regex

__all__ = ["bullet_pattern", "detect_regions", "is_paragraph_like", "split_headlines"]

# The footer lines that close the main article.
_MAIN_FOOTER = frozenset({"source", "keywords"})
# A read-also list item is a headline: short, not a sentence.
MAX_HEADLINE_WORDS = 25
# A link set inside the body carries one headline or a few, on the lines after its marker.
MAX_LINK_HEADLINES = 4
_STAMP_KINDS = frozenset({"updated", "published"})
# A lead-in before the first sentence: `(CNN)-- `, `القاهرة (الاتحاد) - `, `لندن - `.
# (Run by the standard engine, cheaper a call on its lazy repeat; ``\S`` is spelled out as
# ``regex`` reads it, whose white space leaves out U+001C to U+001F.)
_NOT_WHITE = r"[^\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
_LEAD_IN: re.Pattern[str] = lazy(
    re,
    r"(?:[^()\n:.!؟?]{0,60}?\([^()\n]{1,40}\)[ \t\xa0]*(?:-{1,3}|–|—|:)"
    rf"|(?:{_NOT_WHITE}+[ \t\xa0]+){{0,2}}{_NOT_WHITE}+[ \t\xa0]*(?:-{{1,3}}|–|—)[ \t\xa0])",
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


def _read_also_shape(
    state: PageState, i: int, main: MainWords | None
) -> tuple[int, str, list[int]]:
    """Return (end of block, shape, headline lines) for the read-also marker on line ``i``.

    ``article``: another article follows (the aggregator layout, after the main article's
    footer, or text that starts an article of its own); ``link``: the marker is a link set
    inside the main body, and the body goes on after its headlines; ``list``: only
    headlines follow, each the title of an article the page links to. The headline lines
    of a link (none when the headline stands on the marker's line) come third.

    ``main`` reads the content words of the main article before the marker; it is ``None``
    where the main article's footer came already (the marker then opens an article). The
    end of an ``article`` block is not needed, and is given only where its walk reached it.
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
            elif main is None:
                # No list, and no link to weigh: an article follows, wherever it ends.
                return end, "article", []
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
    # The block's lines were judged as headlines by the shape's walk (up to its first line
    # that is none, where this walk stops too): the page's verdicts are read again.
    judged = state.memo.get(_is_headline_item, {})
    j = i + 1
    while j < end:
        if kinds[j] is None and state.is_open(j):
            if inline or len(heads) >= MAX_LINK_HEADLINES:
                return heads, j
            item = judged.get(texts[j])
            if item is None:
                item = _is_headline_item(texts[j])
            if not item:
                return heads, j
            heads.append(j)
        j += 1
    return heads, -1


def _starts_article(
    state: PageState, body: int, end: int, main: MainWords, titled: bool, footers: set[str]
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
    if not titled:
        # No headline between the marker and the text: it opens an article only on
        # stronger evidence.
        score -= 1
    first = texts[body] if state.rest[body] == state.starts[body] else state.rest_text(body)
    if _LEAD_IN.match(first):
        score += 1
    # A text that carries on the story loses two points; the words add two at most: where
    # the points so far settle it either way, the first words need not be read.
    if score < 0 or score >= ARTICLE_EVIDENCE + 2:
        return score >= ARTICLE_EVIDENCE
    if carries_on(first):
        score -= 2
    # The words are weighed last, and only where they can decide (most links are followed
    # by `وقال …`, and cost no reading of the article).
    if score >= ARTICLE_EVIDENCE or score + 2 < ARTICLE_EVIDENCE:
        return score >= ARTICLE_EVIDENCE
    words: set[str] = set()
    for j in range(body, end):
        if kinds[j] is None:
            words |= content_words(texts[j])
            if len(words) >= COHESION_WINDOW_WORDS:
                break
    if len(words) < MIN_COHESION_WORDS:
        return False  # (too few words to tell: the points so far are short of it)
    # The share of shared words that still gives the points needed: two below
    # NOTHING_SHARED, one below LITTLE_SHARED.
    share = NOTHING_SHARED if score + 1 < ARTICLE_EVIDENCE else LITTLE_SHARED
    return main.shares_less(words, share, MIN_COHESION_WORDS)


def _is_headline_item(text: str) -> bool:
    """Tell whether ``text`` reads as a headline: a few words, not a sentence.

    The sentence's mark is looked at first: a paragraph (most lines after a marker that are
    no headline) ends with one, and is told so without its words split.

    Example:
        >>> _is_headline_item("هل عجلت رحلة شامبليون إلى مصر بوفاته؟"), _is_headline_item("قال.")
        (True, False)
    """
    return not ends_sentence(text.rstrip("؟?!")) and (
        word_count(text, limit=MAX_HEADLINE_WORDS) <= MAX_HEADLINE_WORDS
    )


# A page with this many section lines or more has its chains of read-also articles laid out
# in C-level passes (see _chain_articles).
_CHAIN = 16


def _chain_starts(kinds: list[str | None], sections: list[int]) -> dict[int, int]:
    """For each run of read-also markers among ``sections`` (footer lines may stand between
    them; a headline list ends a run) that holds :data:`_CHAIN` markers or more: the run's
    first position in ``sections`` and the position of its last marker."""
    found = list(map(kinds.__getitem__, sections))
    out: dict[int, int] = {}
    lo, n = 0, len(found)
    while lo < n:  # one step a headline list: C-level searches between them
        try:
            hi = found.index("headlines", lo)
        except ValueError:
            hi = n
        run = found[lo:hi]
        if run.count("read_also") >= _CHAIN:
            run.reverse()
            out[found.index("read_also", lo)] = hi - 1 - run.index("read_also")
        lo = hi + 1
    return out


def _owners(marks: list[int], base: int) -> list[int]:
    """For each line from the first of ``marks`` up to the last: ``base``, plus one for each
    mark after the first at or before it (the article each read-also marker opens).

    The read-also lines between the first marker of a chain and its last are its marks (a
    marker is a section line, and no step of the walk makes one), so each block's number is
    repeated over the block's lines: a step a block and none a line (no comparison of the
    line's kind, and one number a block, where a running count makes a new one a line);
    marks at even steps (a chain of one shape) are cut by one strided ``zip``.

    Example:
        >>> _owners([2, 4, 5, 8], 3), _owners([0, 3, 6], 1)
        ([3, 3, 4, 5, 5, 5], [1, 1, 1, 2, 2, 2])
    """
    if len(marks) < 2:
        return []
    numbers = range(base, base + len(marks) - 1)
    step = marks[1] - marks[0]
    if marks == list(range(marks[0], marks[-1] + 1, step)):
        # (Each of the ``step`` arguments is a fresh iterator over the numbers.)
        return list(chain.from_iterable(zip(*repeat(numbers, step), strict=True)))
    return list(chain.from_iterable(map(repeat, numbers, map(sub, marks[1:], marks[:-1]))))


def _chain_articles(state: PageState, run: list[int]) -> tuple[int, int] | None:
    """Lay out the read-also markers of ``run`` (section lines, from one marker to another)
    that open an article where nothing is weighed against the main article: what
    :func:`_read_also` does for each, in C-level passes. The run's last marker is left to
    the walk (its block may run into what follows the run). Returns (next line, current
    article) after the last one laid out, or ``None`` when the first opens no article.

    Such a marker opens an article unless the lines no detector took between it and the
    next marker are two or more headlines and nothing else (a list): each block's lines are
    told apart in one pass of ``bisect`` over them all.
    """
    kinds, texts = state.kind, state.texts
    found = list(map(kinds.__getitem__, run))
    if found.count("read_also") == len(found):
        marks = run  # (a run of markers alone, as a chain's is)
    else:
        marks = list(compress(run, map(eq, found, repeat("read_also"))))
    first, last = marks[0], marks[-1]
    base = state.n_articles
    # Per line from the first marker to the last, the article it opens or lies in when every
    # marker before the last opens one (``base`` from the first marker on: one more at each
    # marker, see _owners); per open line, whether it reads as a headline (each distinct
    # line judged once).
    between = kinds[first:last]
    owners = _owners(marks, base)
    is_open = list(map(is_, between, repeat(None)))
    block = list(compress(owners, is_open))
    lines = list(compress(texts[first:last], is_open))
    judged = state.memo.get(_is_headline_item)
    if judged is None:
        judged = state.memo[_is_headline_item] = {}
    # The answers are read from a dict of this call's own: the page memo only saves work.
    verdicts = {
        line: judged[line] if line in judged else _is_headline_item(line) for line in set(lines)
    }
    judged.update(verdicts)
    # (Each distinct line's answer negated once, not once a line.)
    prose_of = {line: not verdict for line, verdict in verdicts.items()}
    prose = set(compress(block, map(prose_of.__getitem__, lines)))
    # Blocks whose open lines are all headlines: a list where there are two or more (none
    # where every block holds prose, as a chain's do).
    lists = set(block).difference(prose) if len(prose) < len(marks) - 1 else set()
    if lists:
        counts = Counter(block)
        lists = {b for b in lists if counts[b] >= 2}
    # Blocks 1 .. q open an article each; the first list ends the chain.
    q = min(lists) - base if lists else len(marks) - 1
    if q < 1:
        return None
    state.n_articles += q
    stop = marks[q - 1] + 1
    state.article[first:stop] = owners[: stop - first]
    return stop, base + q - 1


def _new_article(state: PageState) -> int:
    index = state.n_articles
    state.n_articles += 1
    return index


def _read_also(
    state: PageState,
    i: int,
    current: int,
    main: MainWords | None,
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
    kinds, articles = state.kind, state.article
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
    main = MainWords(state)
    widgets: WidgetSplits = {}
    # The first line of text no detector took: main text is seen once a marker comes after.
    try:
        first_text = kinds.index(None)
    except ValueError:
        first_text = n
    # Only section lines change anything; the lines between them take the current article,
    # a slice at a time.
    pos = 0
    sections = state.lines_of("read_also", "headlines", *_MAIN_FOOTER)
    # Where the chain of read-also markers after it starts, for each section line.
    chained = _chain_starts(kinds, sections) if len(sections) >= _CHAIN else {}
    walk = enumerate(sections)
    for k, i in walk:
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
            if not linked and k in chained:
                # A chain of markers that each open an article: laid out at once.
                laid = _chain_articles(state, sections[k : chained[k] + 1])
                if laid:
                    pos, current = laid
                    # Past the section lines it laid out, at C speed.
                    skip = bisect_left(sections, pos, k) - k - 1
                    next(islice(walk, skip, skip), None)
                    continue
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
            _claim_widget(state, i, widgets)
            continue
        end, body_follows = _list_extent(state, i + 1, bullets)
        articles[i + 1 : end] = [current] * (end - i - 1)
        _claim_items(
            state,
            i + 1,
            end,
            "related" if body_follows else "similar",
            current if body_follows else MAIN,
            bullets,
        )
        pos = end
    if current != MAIN and pos < n:
        articles[pos:n] = [current] * (n - pos)
