"""Keywords: the tags after ``كلمات دلالية:`` (or a share toolbar ``طباعة شارك``).

The tag line joins multi-word tags with plain spaces; :func:`arnews.tags.segment_tags` splits
it, using the article's own title and body as evidence. A tag marker alone on its line takes
the tags from the lines right under it (one or more tags a line). Repeats are kept in the
input and dropped from the field by the builder (each tag once, first-seen order)::

    كلمات دلالية: البيت الأبيض الرئيس الأمريكي جو بايدن
    → البيت الأبيض · الرئيس الأمريكي · جو بايدن
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import accumulate, chain, compress, islice, repeat
from operator import add, itemgetter, lt, setitem, sub

from ..lines import BLANK_SET
from ..state import END, KIND, MAIN, START, PageState
from ..tags import MAX_SEGMENT_TOKENS, MAX_TAG_WORK, _segment_lines
from ..tags.segment import _quiet_split
from ..text import word_count

__all__ = ["detect_keywords", "detect_tag_lines"]

_TAG_KINDS = frozenset({"keywords", "share"})
_HEADING_KINDS = frozenset({"keywords"})
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


# Up to this many tag lines, the page around them is searched gap by gap; with more, it is
# copied once without them (a search per gap would cost a Python step per line).
_FEW_LINES = 8


def _outside(text: str, starts: list[int], ends: list[int]) -> Callable[[str], bool]:
    """Whether ``text`` outside the stretches ``starts[k]:ends[k]`` (in order, apart) holds a
    word without line breaks: what ``word in around`` tells of the page's text without
    those stretches joined by line breaks, without making that copy of the page.

    Example:
        >>> holds = _outside("غزة حماس\\nكلمات", [4], [8])
        >>> holds("غزة"), holds("حماس")
        (True, False)
    """
    if len(starts) > _FEW_LINES:
        cuts = [0, *chain.from_iterable(zip(starts, ends, strict=True)), len(text)]
        return "\n".join(map(text.__getitem__, map(slice, cuts[0::2], cuts[1::2]))).__contains__
    # An empty gap holds no word (``""`` is in any gap, and one is always kept).
    gaps = [gap for gap in zip([0, *ends], [*starts, len(text)], strict=True) if gap[0] < gap[1]]
    if not gaps:
        gaps = [(0, 0)]
    find = text.find
    if len(gaps) == 1:
        # One gap (a page that ends with its tag line): one search a word, no loop.
        lo, hi = gaps[0]

        def within(word: str) -> bool:
            return find(word, lo, hi) >= 0

        return within

    def holds(word: str) -> bool:
        # A loop, not ``any`` over a generator: most calls search one or two gaps.
        for lo, hi in gaps:  # noqa: SIM110
            if find(word, lo, hi) >= 0:
                return True
        return False

    return holds


def _outside_line(text: str, start: int, end: int) -> Callable[[str], bool]:
    """``_outside(text, [start], [end])``, made with fewer steps for a line that ends the
    page (the tag line most often does).

    Example:
        >>> holds = _outside_line("غزة حماس\\nكلمات", 4, 14)
        >>> holds("غزة"), holds("كلمات")
        (True, False)
    """
    if end >= len(text) and start > 0:
        find = text.find

        def before(word: str) -> bool:
            return find(word, 0, start) >= 0

        return before
    return _outside(text, [start], [end])


def detect_tag_lines(state: PageState) -> None:
    """Mark the lines under a bare tag heading as tag lines, before the body is collected."""
    # Most pages have no tag marker: one C-level pass of hash probes rules them out (an
    # equality test of ``None`` against a kind name costs several times more).
    kind = state.kind
    if _HEADING_KINDS.isdisjoint(kind):
        return
    if kind.count("keywords") == 1 and state.is_open(kind.index("keywords")):
        return  # one tag marker, with its tags on its own line (most pages that have one)
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
    kind = state.kind
    if _TAG_KINDS.isdisjoint(kind):
        return
    text, rest, ends = state.text, state.rest, state.ends
    searched = False
    if kind.count("keywords") == 1 and "share" not in kind:
        # One tag line (most pages), found in C-level passes: when the memos tell its split
        # without the article, it is claimed at once, with nothing gathered.
        i = kind.index("keywords")
        start, end = rest[i], ends[i]
        if start >= end:
            return
        quiet = _quiet_split(
            text[start:end],
            state.tag_lexicon,
            state.gazetteer,
            MAX_TAG_WORK,
            _outside_line(text, start, end),
        )
        if not isinstance(quiet, bool):
            _claim_tags(state, i, quiet)
            return
        searched = quiet
        targets = [i]
    else:
        # The open tag lines, in order, in C-level passes.
        marked = list(compress(range(len(kind)), map(_TAG_KINDS.__contains__, kind)))
        targets = list(
            compress(marked, map(lt, map(rest.__getitem__, marked), map(ends.__getitem__, marked)))
        )
        if not targets:
            return
    # The page without the tag lines' text holds every article's text: a page none of
    # whose words the tag lines look for needs no article gathered (see _segment_lines).
    # It is searched in place, gap by gap (no search word holds a line break), not copied.
    holds = _outside(text, [rest[i] for i in targets], [ends[i] for i in targets])
    # The articles' text is gathered only when a line has words to weigh against it: a page
    # whose tag lines are single words or separated items never reads it.
    contexts: list[dict[int, str]] = []

    def context_of(article: int) -> Callable[[], str]:
        def read() -> str:
            if not contexts:
                contexts.append(_context(state))
            return contexts[0].get(article, "")

        return read

    articles = state.article
    by_article: dict[int, list[int]] = {}
    if state.n_articles == 1 and articles.count(MAIN) == len(articles):
        by_article[MAIN] = targets
    else:
        for i in targets:
            by_article.setdefault(articles[i], []).append(i)
    found: dict[int, list[tuple[int, int]]] = {}
    # One budget of work for the page (see MAX_TAG_WORK): the articles' tag lines draw on it
    # in input order, so a page of thousands of tag lines weighs its first ones only.
    left = MAX_TAG_WORK
    unweighed: list[int] = []
    for article, lines in by_article.items():
        texts = list(
            map(
                text.__getitem__,
                map(slice, map(rest.__getitem__, lines), map(ends.__getitem__, lines)),
            )
        )
        split, used, cut = _segment_lines(
            texts,
            context_of(article),
            state.tag_lexicon,
            state.gazetteer,
            left,
            holds,
            own=False,
            searched=searched,
        )
        left -= used
        if len(by_article) > 1:
            found.update(zip(lines, split, strict=True))
        unweighed.extend(map(lines.__getitem__, cut))
    # Where the first line left unweighed is, before the claims below move each line's rest.
    over = (rest[min(unweighed)], ends[min(unweighed)]) if unweighed else None
    # (One article's lines are the targets, in order: its split is theirs.)
    splits = split if len(by_article) == 1 else list(map(found.__getitem__, targets))
    if len(targets) > _FEW_LINES:
        _claim_many(state, targets, splits)
    else:
        for i, spans in zip(targets, splits, strict=True):
            _claim_tags(state, i, spans)
    if over is not None:
        state.warn(
            "tag_work_budget",
            f"{len(unweighed)} of {len(targets)} tag lines came after the page's budget of tag "
            f"work ({MAX_TAG_WORK:,} words analysed and tokens weighed; real tag blocks use under "
            "a hundred): their separated items and the words of their other runs are each a tag",
            *over,
        )


def _claim_many(state: PageState, lines: list[int], split: list[list[tuple[int, int]]]) -> None:
    """:func:`_claim_tags` of each of ``lines`` (open, distinct, in order) with its
    ``split``, in C-level passes where no line's rest opens or ends with a blank (a page of
    thousands of tag lines; then each claim is the rest as it stands).

    Example:
        >>> state = PageState.of("كلمات دلالية: غزة حماس")
        >>> state.rest[0] = 14
        >>> _claim_many(state, [0], [[(0, 3), (4, 8)]])
        >>> state.pieces[-1][1:4], state.pieces[-1][6], state.rest
        (('keywords', 14, 22), [(14, 17), (18, 22)], [22])
    """
    text, rest, ends = state.text, state.rest, state.ends
    starts = list(map(rest.__getitem__, lines))
    stops = list(map(ends.__getitem__, lines))
    if not (
        BLANK_SET.isdisjoint(map(text.__getitem__, starts))
        and BLANK_SET.isdisjoint(map(text.__getitem__, map(sub, stops, repeat(1))))
    ):
        for i, spans in zip(lines, split, strict=True):
            _claim_tags(state, i, spans)
        return
    # Each line's spans moved by its start: all lines' spans in one list, cut back per line.
    counts = list(map(len, split))
    flat = list(chain.from_iterable(split))
    shift = list(chain.from_iterable(map(repeat, starts, counts)))
    moved = list(
        zip(
            map(add, map(_FIRST, flat), shift),
            map(add, map(_SECOND, flat), shift),
            strict=True,
        )
    )
    bounds = list(accumulate(counts, initial=0))
    values = map(moved.__getitem__, map(slice, bounds, islice(bounds, 1, None)))
    # (``operator.setitem`` returns None: ``any`` runs it over every line.)
    any(map(setitem, repeat(rest), lines, stops))
    nones = repeat(None)
    state.pieces.extend(zip(lines, repeat("keywords"), starts, stops, nones, nones, values))
    # A line too long to be a real one is warned of, as each claim would.
    for k in compress(
        range(len(lines)), map(lt, repeat(2 * MAX_SEGMENT_TOKENS), map(sub, stops, starts))
    ):
        _warn_long(state, starts[k], stops[k])


def _claim_tags(state: PageState, i: int, spans: list[tuple[int, int]]) -> None:
    """Claim the rest of tag line ``i`` with its tags' ``spans`` (relative to its rest), and
    warn of a line too long to be a real one."""
    start, end = state.rest[i], state.ends[i]
    state.claim_rest(i, "keywords", value=[(start + s, start + e) for s, e in spans])
    # A line of more words than that has at least two characters a word.
    if end - start > 2 * MAX_SEGMENT_TOKENS:
        _warn_long(state, start, end)


def _warn_long(state: PageState, start: int, end: int) -> None:
    """Warn of the tag line ``start:end`` when it has more words than any real one."""
    line_text = state.text[start:end]
    if word_count(line_text, limit=MAX_SEGMENT_TOKENS) > MAX_SEGMENT_TOKENS:
        words = word_count(line_text)
        state.warn(
            "long_tag_line",
            f"a tag line of {words} words, longer than any real one (over "
            f"{MAX_SEGMENT_TOKENS}): multi-word tags were kept only where separators mark them",
            start,
            end,
        )
