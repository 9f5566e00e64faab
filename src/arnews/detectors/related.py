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
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from itertools import accumulate, chain, compress, groupby, pairwise, repeat
from operator import and_, is_, itemgetter, lt, ne, not_

from ..cohesion import (
    StemCounts,
    carries_on,
    content_words,
    share_bounds,
    shared_elsewhere,
    stems,
    stop_words,
    surely_shared,
)
from ..normalize import fold, fold_chars
from ..state import MAIN, PageState, holds_key
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
# A line needs this many content words for sharing none with its article to tell anything.
MIN_UNRELATED_WORDS = 4
# Glued pieces longer than this are a subheading run into its paragraph, not headlines.
# (A widget may glue more headlines than the letters show, so one piece may hold two.)
MAX_GLUED_PIECE_WORDS = 35
# The substring searches a page may spend on the cheap test of a line against its article
# (`cohesion.share_bounds`), in characters searched at worst (a line's words times its
# article's folded length); past it, lines are tested on word counts alone, as before.
MAX_SEARCH_CHARS = 1 << 21


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


class _ArticleWords:
    """Each article's open text, read a line at a time, as far as a test needs.

    A line's word is shared with its article when the article's text holds it more often
    than the line itself does. The article folded whole is searched first for the line's
    words (:func:`arnews.cohesion.share_bounds`): most tests are settled so, and no word
    is counted. Where they are not, the lines nearest it are read: on a line of the story
    they soon tell more words shared than a test needs, and the rest of the article is
    never read; a line of another story reads them all, and then has the exact counts.
    """

    __slots__ = (
        "_bullets",
        "_folded",
        "_index",
        "_lines",
        "_own",
        "_search_left",
        "_spent",
        "_state",
        "_stems",
        "_texts",
        "evidence",
        "splits",
    )

    def __init__(self, state: PageState, lines: Sequence[int]) -> None:
        self._state = state
        self._lines = lines
        self._own: dict[int, list[str]] | None = None
        self._index: dict[int, Sequence[int]] = {}
        # Each article's counts once every line of it is read, and the stems of its lines
        # read so far (None: not yet).
        self._texts: dict[int, StemCounts] = {}
        self._stems: dict[int, list[list[str] | None]] = {}
        self._spent: dict[int, int] = {}
        # Each article's lines folded and joined (one fold for all of them), and where each
        # line starts in it; the search budget left for the cheap test.
        self._folded: dict[int, tuple[str, list[int]]] = {}
        self._search_left = MAX_SEARCH_CHARS
        self._bullets = _bullet_set(state.lexicon.bullets)
        # What a line's text tells by itself, and where it splits into headlines (offsets
        # in the text), per distinct text: pages repeat lines (a widget on every article of
        # a chain), and the similar headlines this reads do not change during the detector.
        self.evidence: dict[str, tuple[int, int] | None] = {}
        self.splits: dict[str, list[tuple[int, int]]] = {}

    def _texts_of(self) -> dict[int, list[str]]:
        """Each article's open texts (and, in ``_index``, their lines), read once."""
        if self._own is None:
            state = self._state
            lines: dict[int, list[str]] = {}
            if state.n_articles == 1:
                lines[MAIN] = list(map(state.texts.__getitem__, self._lines))
                self._index[MAIN] = self._lines
            else:
                index: dict[int, list[int]] = {}
                for j in self._lines:
                    article = state.article[j]
                    lines.setdefault(article, []).append(state.texts[j])
                    index.setdefault(article, []).append(j)
                self._index.update(index)
            self._own = lines
        return self._own

    def _stems_of(self, article: int) -> list[list[str] | None]:
        """The stems of each line of ``article`` read so far."""
        found = self._stems.get(article)
        if found is None:
            found = self._stems[article] = [None] * len(self._texts_of()[article])
        return found

    def _folded_of(self, article: int) -> tuple[str, list[int]]:
        """The open lines of ``article`` folded and joined by line breaks (folded once, at
        C speed), and where each starts in it (with the end of the text after the last)."""
        found = self._folded.get(article)
        if found is None:
            # No line holds a line break, and the fold makes none: the joined text's lines
            # are the lines' folds.
            folded = fold_chars("\n".join(self._texts_of()[article]))
            lengths = map((1).__add__, map(len, folded.split("\n")))
            starts = list(accumulate(lengths, initial=0))
            found = self._folded[article] = (folded, starts)
        return found

    def _line(self, article: int, k: int) -> list[str]:
        """The stems of the ``k``-th line of ``article`` (read once)."""
        read = self._stems_of(article)
        found = read[k]
        if found is None:
            found = read[k] = stems(self._texts_of()[article][k])
        return found

    def of(self, article: int) -> StemCounts:
        """The open text of ``article`` (the lines open when the detector started)."""
        found = self._texts.get(article)
        if found is None:
            texts = self._texts_of().get(article)
            if texts is None:
                return StemCounts()
            # Only the articles asked about are read (a page of read-also articles asks
            # about one or two), each line once; the counts of the few words looked up are
            # worked out when asked for.
            every = (self._line(article, k) for k in range(len(texts)))
            found = self._texts[article] = StemCounts.of_stems(chain.from_iterable(every))
        return found

    def content_words(self, i: int) -> set[str]:
        """The content words of open line ``i`` (read once, as :func:`content_words`)."""
        article = self._state.article[i]
        self._texts_of()
        read = self._line(article, bisect_left(self._index[article], i))
        return set(read).difference(stop_words())

    def shares_more(self, i: int, words: set[str], line: str, most: float) -> bool:
        """Tell whether more than ``most`` of ``words`` (the content words of open line
        ``i``, whole: ``line``) are shared with its article."""
        article = self._state.article[i]
        known = self._texts.get(article)
        texts = self._texts_of()[article]
        k = bisect_left(self._index[article], i)
        if known is None:
            # First, without counting any word: the words the rest of the article holds,
            # even as parts of words, are all it can share, and those it holds as whole
            # words are shared. Most lines are settled so (see cohesion.share_bounds).
            folded, starts = self._folded_of(article)
            cost = len(words) * len(folded)
            if cost <= self._search_left:
                self._search_left -= cost
                read = self._line(article, k)
                settled = share_bounds(words, read, folded, starts[k], starts[k + 1] - 1, most)
                if settled is not None:
                    return settled
        spent = self._spent.get(article, 0)
        # Lines read for bounds, over all the article's tests, are at most as many as it
        # holds (then it is read whole): a page of many tests stays linear.
        if known is None and spent < len(texts):
            own = Counter(self._line(article, k))
            nearby: list[str] = []
            # The lines above it, nearest first, then those below; the bound is taken
            # after 1, 2, 4, 8 … lines, so that a long article costs few of them.
            check = 1
            for n, q in enumerate(chain(range(k - 1, -1, -1), range(k + 1, len(texts))), 1):
                nearby += self._line(article, q)
                if n == check:
                    if surely_shared(words, own, Counter(nearby)) > most:
                        self._spent[article] = spent + n
                        return True
                    check *= 2
        if known is None:
            known = self.of(article)
        return known.shared(words, Counter(self._line(article, k))) > most

    def unrelated(self, i: int, text: str) -> bool:
        """Tell whether open line ``i`` shares none of its content words with its article."""
        if text[:1] in self._bullets:
            return False  # an item of the article's own list
        state = self._state
        whole = state.rest[i] == state.starts[i]
        own = self.content_words(i) if whole else content_words(text)
        if len(own) < MIN_UNRELATED_WORDS:
            return False
        if whole:
            return not self.shares_more(i, own, text, 0)
        return not shared_elsewhere(own, text, self.of(state.article[i]))


# The bullet characters of the lexicons in use, as sets (by the identity of the lexicon's
# tuple, which it keeps): made once, not twice a page.
_BULLET_SETS: dict[int, tuple[tuple[str, ...], frozenset[str]]] = {}


def _bullet_set(bullets: tuple[str, ...]) -> frozenset[str]:
    """``frozenset(bullets)``, remembered for the few lexicons a process uses."""
    entry = _BULLET_SETS.get(id(bullets))
    if entry is not None and entry[0] is bullets:
        return entry[1]
    if len(_BULLET_SETS) >= 8:
        _BULLET_SETS.clear()
    found = frozenset(bullets)
    _BULLET_SETS[id(bullets)] = (bullets, found)
    return found


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


def _tail_candidate(state: PageState, i: int, bullets: frozenset[str]) -> int:
    """A cheap first look at line ``i``: 2, a teaser's shape; 1, the same but opening with
    ``و`` (a conjunction, or a verb's first letter: `وجّه`, `وصل`), a teaser only between
    teasers; 0, not a teaser (a bullet, too short, or carrying the story on).
    """
    if state.kind[i] is not None or state.rest[i] != state.starts[i]:
        return 0
    text = state.texts[i]
    if text[0] in bullets or word_count(text, limit=MIN_TEASER_WORDS) < MIN_TEASER_WORDS:
        return 0
    if not carries_on(text):
        return 2
    return 1 if _BARE_WAW.match(text) and not carries_on(text[1:]) else 0


def _teaser_tails(state: PageState, lines: Sequence[int], words: _ArticleWords) -> None:
    """Claim the teaser tail at the end of each article's body as related headlines."""
    if not lines:
        return
    bullets = _bullet_set(state.lexicon.bullets)
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
    for own in per_article:
        if len(own) < least:
            continue
        # The tail's extent, read from the end on the cheap test first; most articles end
        # on a line that carries on the story and cost nothing more. Its lines are the
        # article's open lines and the headlines the walk took among them (other stories
        # too); a line with nothing open (a blank line) is passed over.
        tail: list[int] = []  # from the last line up
        shapes: list[int] = []
        p = len(own) - 1
        while p >= 0:
            i = own[p]
            if kinds[i] == "related":
                shape = 2
            elif rests[i] < ends[i]:
                shape = _tail_candidate(state, i, bullets)
                if not shape:
                    break
            else:
                p -= 1
                continue
            tail.append(i)
            shapes.append(shape)
            p -= 1
        # A tail starts with a teaser of its own shape: a `و` line above it is the story's.
        above = 0  # the article's own lines above the tail
        while shapes and shapes[-1] == 1:
            shapes.pop()
            tail.pop()
            above += 1
        if len(tail) < MIN_TAIL_LINES:
            continue
        while p >= 0 and above < MIN_TAIL_LINES:
            i = own[p]
            above += kinds[i] == "related" or rests[i] < ends[i]
            p -= 1
        if above < MIN_TAIL_LINES:
            continue
        # Now the words of the tail's lines, each looked for in the article's text (read
        # from the lines nearest it, as far as the test needs).
        taken: list[int] = []
        weak: list[bool] = []
        others = 0  # lines of other stories in the tail: taken here or by the walk
        for i, shape in zip(tail, shapes, strict=True):
            if kinds[i] != "related":
                line = texts[i]
                ws = words.content_words(i)
                if len(ws) < MIN_TEASER_WORDS:
                    break
                if words.shares_more(i, ws, line, MAX_TEASER_SHARED * len(ws)):
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
