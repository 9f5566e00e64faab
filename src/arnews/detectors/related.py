"""Related headlines set inside the body: lines that are other articles' headlines.

A candidate is a line without closing punctuation that follows a paragraph of running text.
It is taken out of the body only on evidence (two points are needed); when in doubt it stays,
since losing article text is worse than keeping a headline:

* 2 — the page lists the same headline elsewhere (its similar list);
* 2 — it holds words glued together with no space (``ليبياإعلام``, ``غزةعضو``) and every
  glued piece is headline-sized: a widget's headlines run together;
* 2 — it is short and the page's footer (source, tags, read-also, lists) follows at once;
* 1 — it carries a headline tag: ``(فيديو)``, ``(صور)``, ``عاجل|``;
* 1 — it is long for a line with no closing punctuation (several headlines in a row).

A line in which a sentence ends and another begins, or that opens with a word that continues
running text (``والحمد لله …``, ``لكن``), is body text whatever else it shows.

An article's own subheadings (short, unpunctuated, followed by more paragraphs) have no such
evidence and stay in the body. A taken line is split into headlines where the evidence
allows (glued words, known headlines), otherwise kept whole.

Lexical cohesion (:mod:`arnews.cohesion`) gives the last point where it decides: a line of
four content words or more that shares none of them with the rest of its article.

Teaser tails: two or more lines at the end of an article that each open another story (a
sentence that carries nothing on, and shares next to none of its words with the article)
are taken whole as related headlines::

    استدعت وزارة الخارجية الإيرانية، مساء الجمعة، سفيرها بالعراق …   → related headline
    بدأ أكثر من 100 جندي أمريكي عملية غير متوقعة في جنوب سوريا …     → related headline
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import compress, groupby, islice, pairwise, repeat
from operator import and_, is_, itemgetter, lt, ne, not_

from ..cohesion import CARRY_CHARS, carries_on
from ..normalize import fold
from ..state import PageState, holds_key
from ..text import (
    CLOSERS,
    TRAILERS,
    ends_sentence,
    glue_points,
    has_inner_sentence_end,
    has_media_tag,
    opens_with_clause_word,
    word_count,
)
from .article_words import MIN_UNRELATED_WORDS as MIN_UNRELATED_WORDS
from .article_words import _ArticleWords as _ArticleWords
from .regions import split_headlines

__all__ = ["detect_related", "headline_evidence"]

_FOOTER_KINDS = frozenset({"source", "keywords", "share", "read_also", "headlines"})
THRESHOLD = 2
_LAST = itemgetter(slice(-1, None))
# What a line's last character tells: 1, it ends a sentence; 2, a closing quote or bracket
# that may follow the punctuation (the line is looked at again); any other, it does not.
_ENDING = dict.fromkeys(TRAILERS, 2) | dict.fromkeys(CLOSERS, 1)
# A headline before the footer is short; a long unpunctuated line there is still body.
MAX_FOOTER_HEADLINE_WORDS = 25
# An unpunctuated line this long is more likely a row of headlines than a subheading.
LONG_LINE_WORDS = 18
# Glued pieces longer than this are a subheading run into its paragraph, not headlines.
# (A widget may glue more headlines than the letters show, so one piece may hold two.)
MAX_GLUED_PIECE_WORDS = 35


def headline_evidence(state: PageState, i: int, text: str) -> int:
    """Score the evidence that open line ``i`` (text ``text``) is another article's headline."""
    found = _text_evidence(state, text)
    return 0 if found is None else _with_footer(state, i, *found)


def _text_evidence(state: PageState, text: str) -> tuple[int, int] | None:
    """The evidence the line's text gives by itself, and its words (counted up to the larger
    threshold); ``None`` when the text rules a headline out."""
    if has_inner_sentence_end(text) or opens_with_clause_word(text):
        return None
    score = 0
    similar = state.similar_keys
    if similar:  # most pages list no similar headlines: nothing to fold the line for
        key = fold(text)
        if key in similar or holds_key(similar, key, 20):
            score += 2
    points = glue_points(text)
    if points:
        bounds = [0, *points, len(text)]
        pieces = (text[a:b] for a, b in pairwise(bounds))
        if all(word_count(p, limit=MAX_GLUED_PIECE_WORDS) <= MAX_GLUED_PIECE_WORDS for p in pieces):
            score += 2
    # Compared with both thresholds below, so counted up to the larger one only.
    words = word_count(text, limit=max(MAX_FOOTER_HEADLINE_WORDS, LONG_LINE_WORDS))
    if has_media_tag(text):
        score += 1
    if words >= LONG_LINE_WORDS:
        score += 1
    return score, words


def _with_footer(state: PageState, i: int, score: int, words: int) -> int:
    """The text's score, and the evidence of a footer right below line ``i``."""
    nxt = i + 1
    if (
        words <= MAX_FOOTER_HEADLINE_WORDS
        and nxt < len(state.kind)
        and state.kind[nxt] in _FOOTER_KINDS
        and state.article[nxt] == state.article[i]
    ):
        score += 2
    return score


def _open_lines(state: PageState) -> list[int]:
    """Lines no detector has classified that still hold unclaimed text, in order."""
    unclassified = map(is_, state.kind, repeat(None))
    return list(
        compress(range(len(state.kind)), map(and_, unclassified, map(lt, state.rest, state.ends)))
    )


def detect_related(state: PageState) -> None:
    """Claim body lines that are other articles' headlines."""
    rests, page = state.rest, state.text
    starts, ends = state.starts, state.ends
    lines: Sequence[int] = range(len(starts)) if state.untouched() else _open_lines(state)
    # Whether each open line ends a sentence, worked out for all of them in C-level passes
    # on their last characters; a line ending in a closing quote or bracket, or whose rest
    # is not the whole line, is looked at again (a few a page).
    every = len(lines) == len(starts)  # all open, as on a page of plain text: no selection
    texts = state.texts if every else list(map(state.texts.__getitem__, lines))
    # One pass: 1 a line that ends a sentence, 0 one that does not, 2 one to look at again.
    closed = bytearray(map(_ENDING.get, map(_LAST, texts), repeat(0)))
    k = closed.find(2)
    while k >= 0:
        closed[k] = ends_sentence(texts[k])
        k = closed.find(2, k + 1)
    if rests != starts:  # some line's rest is not the whole line
        if every:
            cut = map(ne, rests, starts)
        else:
            cut = map(ne, map(rests.__getitem__, lines), map(starts.__getitem__, lines))
        for k in compress(range(len(lines)), cut):
            i = lines[k]
            closed[k] = ends_sentence(page[rests[i] : ends[i]])
    walk = _walk_one_article if state.n_articles == 1 else _walk_articles
    words = _ArticleWords(state, lines)
    walk(state, lines, closed, words)
    _teaser_tails(state, lines, words)


# Teaser tails: a site ends the body with the opening sentences of other stories
# (`أعلن الإنتربول السعودي القبض على …`, `انتخب البرلمان العراقي، الإثنين، …`). Each is a lead of
# its own: it carries on no sentence, and shares next to none of its words with the rest of
# the article, where the article's own closing lines share its names and vocabulary.
# A tail needs this many such lines, and leaves the article at least as many of its own.
MIN_TAIL_LINES = 2
# A teaser is a sentence of this many content words or more; a shorter line tells nothing.
MIN_TEASER_WORDS = 6
# The share of a teaser's content words that any other line of the article may hold.
MAX_TEASER_SHARED = 0.15
# A line that opens with `و` and a letter (not `وال`, `وأ`): a conjunction or a verb's root.
_BARE_WAW = re.compile(r"و[^\W\dاأإآ]")
# A text of MIN_TEASER_WORDS words or more (white space as `str.split` reads it) splits into
# that many pieces at its first MIN_TEASER_WORDS - 1 cuts: one C-level split of its first
# words (half the cost of a pattern over them), where counting them splits the whole line.
_LAST_CUT = MIN_TEASER_WORDS - 1
# The split is of the line's first characters: its last piece is a copy of the rest of what
# it splits, a paragraph on most lines. As many words start in the first characters as in
# the line, up to the last of them; a line whose first characters hold fewer is split whole.
_HEAD_CHARS = 160


def _few_words(text: str) -> bool:
    """Tell whether ``text`` holds fewer than MIN_TEASER_WORDS words.

    Example:
        >>> _few_words("أعلنت الوزارة خطة جديدة"), _few_words("أعلنت الوزارة اليوم عن خطة جديدة")
        (True, False)
    """
    if len(text[:_HEAD_CHARS].split(None, _LAST_CUT)) > _LAST_CUT:
        return False
    return len(text) <= _HEAD_CHARS or len(text.split(None, _LAST_CUT)) <= _LAST_CUT


def _tail_shape(text: str, bullets: frozenset[str]) -> int:
    """A cheap first look at an open line's whole ``text``: 2, a teaser's shape; 3, opening
    with ``و`` (a conjunction, or a verb's first letter: `وجّه`, `وصل`) and long enough, a
    teaser only between teasers and only if its rest carries nothing on
    (:func:`_weak_shape`); 0, not a teaser (a bullet, too short, or carrying the story on).

    Example:
        >>> _tail_shape("أعلنت الوزارة اليوم عن خطة جديدة للنقل", frozenset("•"))
        2
    """
    first = text[0]
    if first in bullets:
        return 0
    if first == "و":
        # Such a line carries on by its first letter (`carries_on` says so at once): the
        # cheap tests here, the rest's (`_weak_shape`) only where a teaser sits above it.
        if not _BARE_WAW.match(text) or _few_words(text):
            return 0
        return 3
    if _few_words(text):
        return 0
    return 0 if carries_on(text) else 2


def _weak_shape(text: str) -> int:
    """The shape of a line that :func:`_tail_shape` put at 3: 1, a teaser between
    teasers (the rest after its ``و`` carries nothing on); 0, the story's own line."""
    # `carries_on` reads a text's first characters only: those after the `و`, not a copy
    # of the rest of a paragraph.
    return 0 if carries_on(text[1 : 1 + CARRY_CHARS]) else 1


def _top_teaser(shapes: bytearray, end: int) -> int:
    """The index of the last 2 in ``shapes[:end]`` (the tail's top teaser), -1 if none.

    One C-level search from the end: an article of many ``و`` lines (shape 3) has a long
    run of them and often no 2 at all.

    Example:
        >>> _top_teaser(bytearray([2, 3, 2, 3]), 4), _top_teaser(bytearray([3, 3]), 2)
        (2, -1)
    """
    return shapes.rfind(2, 0, end)


def _teaser_tails(state: PageState, lines: Sequence[int], words: _ArticleWords) -> None:
    """Claim the teaser tail at the end of each article's body as related headlines."""
    if not lines:
        return
    bullets = words.bullets
    articles = state.article
    # Each article's open lines, in order (on a page of one article, all of them as they
    # are). A tail, and as many lines of the article's own above it, need this many lines.
    least = 2 * MIN_TAIL_LINES
    if state.n_articles == 1:
        per_article: list[Sequence[int]] = [lines]
    else:
        # The other articles' lines are counted in C and never grouped (a chain of fifty
        # thousand read-also articles of a line or two each).
        counts = Counter(map(articles.__getitem__, lines))
        large = {article for article, count in counts.items() if count >= least}
        # Grouped in C: a stable sort by article keeps each article's lines in order.
        mine = compress(lines, map(large.__contains__, map(articles.__getitem__, lines)))
        by_article = groupby(sorted(mine, key=articles.__getitem__), key=articles.__getitem__)
        per_article = [list(group) for _, group in by_article]
    kinds, rests, ends, texts = state.kind, state.rest, state.ends, state.texts
    starts = state.starts
    for own in per_article:
        if len(own) < least:
            continue
        # The tail's extent, read from the end on the cheap test first; most articles end
        # on a line that carries on the story and cost nothing more. Its lines are the
        # article's open lines and the headlines the walk took among them (other stories
        # too); a line with nothing open (a blank line) is passed over.
        tail: list[int] = []  # from the last line up
        shapes = bytearray()
        places: list[int] = []  # where each is in `own`
        p = len(own) - 1
        while p >= 0:
            i = own[p]
            kind = kinds[i]
            if kind == "related":
                shape = 2
            elif rests[i] < ends[i]:
                # A line another detector classified, or whose start it claimed, is no
                # teaser: the shape is read from a whole open line only.
                if kind is not None or rests[i] != starts[i]:
                    break
                shape = _tail_shape(texts[i], bullets)
                if not shape:
                    break
            else:
                p -= 1
                continue
            tail.append(i)
            shapes.append(shape)
            places.append(p)
            p -= 1
        # A tail starts with a teaser of its own shape (2): the `و` lines above its top one
        # are the story's. Those below it are settled now, from the last one up: one that
        # carries the story on ends the tail there (most articles have no such top, and
        # their `و` lines cost no more than the cheap test).
        top = _top_teaser(shapes, len(shapes))
        k = shapes.find(3, 0, top) if top > 0 else -1
        while k >= 0:
            shapes[k] = _weak_shape(texts[tail[k]])
            if not shapes[k]:
                top = _top_teaser(shapes, k)
                break
            k = shapes.find(3, k + 1, top)
        if top + 1 < MIN_TAIL_LINES:
            continue
        del tail[top + 1 :], shapes[top + 1 :]
        # The article's own lines above the tail: open lines and headlines the walk took.
        above = 0
        p = places[top] - 1
        while p >= 0 and above < MIN_TAIL_LINES:
            i = own[p]
            above += kinds[i] == "related" or rests[i] < ends[i]
            p -= 1
        if above < MIN_TAIL_LINES:
            continue
        # Now the words of the tail's lines, each looked for in the article's text (read
        # from the lines nearest it, as far as the test needs).
        # A line of the story among the tail's MIN_TAIL_LINES last lines leaves fewer lines
        # of other stories below it than a tail needs: those lines are tested first, the
        # shortest first (a test costs about its words times the lines it reads), and on
        # most articles the first of them is the story's and settles it. The answers are
        # the same in any order.
        story: dict[int, bool] = {}
        for i in _cheapest_first(tail[:MIN_TAIL_LINES], texts):
            if kinds[i] != "related":
                story[i] = _story_line(words, i, texts[i])
                if story[i]:
                    break
        if True in story.values():
            continue
        taken: list[int] = []
        weak: list[bool] = []
        others = 0  # lines of other stories in the tail: taken here or by the walk
        for i, shape in zip(tail, shapes, strict=True):
            if kinds[i] != "related":
                found = story.get(i)
                if found is None:
                    found = _story_line(words, i, texts[i])
                if found:
                    break
                taken.append(i)
                weak.append(shape == 1)
            others += 1
        while weak and weak[-1]:
            weak.pop()  # the tail's top line must be a teaser of its own shape
            taken.pop()
            others -= 1
        if others < MIN_TAIL_LINES or not taken:
            continue
        for i in reversed(taken):
            state.claim(i, "related_headline", state.starts[i], state.ends[i])
            state.rest[i] = state.ends[i]
            state.kind[i] = "related"


def _cheapest_first(lines: list[int], texts: list[str]) -> list[int]:
    """``lines`` in the order their tests cost, the shortest line first.

    Example:
        >>> _cheapest_first([4, 3], ["", "", "", "بدأ", "أعلنت الوزارة"])
        [3, 4]
    """
    return sorted(lines, key=lambda i: len(texts[i]))


def _story_line(words: _ArticleWords, i: int, line: str) -> bool:
    """Tell whether open line ``i`` (whole: ``line``), in a tail, is the story's own: too
    few content words for a teaser, or more than MAX_TEASER_SHARED of them shared with its
    article."""
    ws = words.content_words(i)
    if len(ws) < MIN_TEASER_WORDS:
        return True
    return words.shares_more(i, ws, line, MAX_TEASER_SHARED * len(ws))


# A candidate is an unpunctuated line after a line that ends a sentence (in its article). A
# taken line does not count as text: the line after it is judged as if it followed the
# sentence before, so a run of headlines is taken line by line. Both walks below take the
# same lines on a page of one article; the first is the fast one for such pages.


def _walk_one_article(
    state: PageState, lines: Sequence[int], closed: bytearray, words: _ArticleWords
) -> None:
    """Take the headline runs of a one-article page.

    The open lines right after a sentence are where the flags go from 1 to 0, found with
    ``bytearray.find``: on most pages a few, on a page of half a million lines maybe none.
    """
    k = closed.find(b"\x01\x00") + 1
    while k:
        while _take(state, lines[k], words):
            k += 1
            if k == len(lines) or closed[k]:
                break
        k = closed.find(b"\x01\x00", k) + 1


def _walk_articles(
    state: PageState, lines: Sequence[int], closed: bytearray, words: _ArticleWords
) -> None:
    """Take the headline runs of a page of any number of articles, interleaved or not."""
    ids = list(map(state.article.__getitem__, lines))
    # Each article one block of lines: as many articles as changes of article, plus one.
    if ids and len(set(ids)) == 1 + sum(map(ne, ids, islice(ids, 1, None))):
        _walk_blocks(state, lines, closed, words, ids)
    else:
        _walk_interleaved(state, lines, closed, words)


def _walk_interleaved(
    state: PageState, lines: Sequence[int], closed: bytearray, words: _ArticleWords
) -> None:
    """:func:`_walk_articles` on any page: each article's state kept as its lines come."""
    articles = state.article
    prev_sentence: dict[int, int] = {}  # 1: the article's last open line ends a sentence
    last = 0
    for k in compress(range(len(lines)), map(not_, closed)):
        i = lines[k]
        article = articles[i]
        # The open lines since the last candidate, all ending sentences, set their
        # articles' state (in C: a chain of read-also articles has thousands).
        if last < k:
            prev_sentence.update(dict.fromkeys(map(articles.__getitem__, lines[last:k]), 1))
        last = k + 1
        was_closed = prev_sentence.get(article, 0)
        prev_sentence[article] = 0
        if was_closed and _take(state, i, words):
            prev_sentence[article] = 1


def _walk_blocks(
    state: PageState, lines: Sequence[int], closed: bytearray, words: _ArticleWords, ids: list[int]
) -> None:
    """:func:`_walk_articles` on a page whose articles each hold one block of its open lines
    (``ids``: each open line's article), as most do: an article's last open line before a
    line is the line before it, or none at its block's first line. The candidates are found
    as on a page of one article (:func:`_walk_one_article`), the run stopping where a block
    ends; the lines between them cost nothing (a list of headlines, a menu).
    """
    k = closed.find(b"\x01\x00") + 1
    while k:
        if ids[k] == ids[k - 1]:
            while _take(state, lines[k], words):
                k += 1
                if k == len(lines) or closed[k] or ids[k] != ids[k - 1]:
                    break
        k = closed.find(b"\x01\x00", k) + 1


def _take(state: PageState, i: int, words: _ArticleWords) -> bool:
    """Claim open line ``i`` as headlines if the evidence says so; tell whether it did."""
    rests, ends = state.rest, state.ends
    text = state.texts[i] if rests[i] == state.starts[i] else state.text[rests[i] : ends[i]]
    evidence = words.evidence
    if text in evidence:
        found = evidence[text]
    else:
        found = evidence[text] = _text_evidence(state, text)
    score = 0 if found is None else _with_footer(state, i, *found)
    # Cohesion is the last point weighed, and only where it decides: the article's words
    # are counted for the first line that needs them.
    if score == THRESHOLD - 1 and words.unrelated(i, text):
        score += 1
    if score < THRESHOLD:
        return False
    splits = words.splits.get(text)
    if splits is None:
        splits = split_headlines(text, 0, state.similar_keys, state.gazetteer.heads)
        words.splits[text] = splits
    base = rests[i]
    for s, e in splits:
        state.claim(i, "related_headline", base + s, base + e)
    rests[i] = ends[i]
    state.kind[i] = "related"
    return True
