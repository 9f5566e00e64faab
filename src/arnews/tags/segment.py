"""The public entry points :func:`segment_tags` and :func:`segment_tag_lines`, and the
planning of a page's tag lines.

Per line: its separated items and their tokens (planned once per distinct line and
remembered), the article's evidence for the words to weigh (read once for all the lines),
then each run of tokens split by the dynamic programme of :mod:`~arnews.tags.programme`,
within the page's budget of work.

Example:
    >>> line = "البيت الأبيض جو بايدن"
    >>> [line[s:e] for s, e in segment_tags(line)]
    ['البيت الأبيض', 'جو بايدن']
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, cast

from arnews.gazetteer import DEFAULT_GAZETTEER, Gazetteer

from .evidence import MAX_FIND_PROBES, _Context
from .programme import _known_spans as _known_spans
from .programme import _link_scores as _link_scores
from .programme import _segment_tokens
from .tokens import (
    _fold_keys,
    _items,
    _memo,
    _plain_line,
    _plain_words,
    _Tok,
    _tokens,
    _word_classes,
)
from .weights import MAX_SEGMENT_TOKENS, MAX_SEPARATED_WORDS

if TYPE_CHECKING:
    from .lexicon import TagLexicon

__all__ = ["segment_tag_lines", "segment_tags"]

_NO_PHRASES: frozenset[str] = frozenset()
_KEY = operator.attrgetter("key")
_VARIANTS_OF = operator.attrgetter("variants")


def segment_tags(
    line: str,
    *,
    context: str = "",
    lexicon: TagLexicon | None = None,
    gazetteer: Gazetteer | None = None,
) -> list[tuple[int, int]]:
    """Split a tag line into tags; return the ``(start, end)`` span of each in ``line``.

    Spans are in order, never overlap, and are trimmed of white space and punctuation;
    repeated tags are all returned (the caller keeps the first of each).

    Args:
        line: the text after the tag marker (``كلمات دلالية:``).
        context: the article's title and body; phrases found there as a run of words (compared
            folded) are glued more readily, words found there apart are kept apart.
        lexicon: known tag phrases, the strongest evidence (see :meth:`TagLexicon.learn`).
        gazetteer: the entity lists; :data:`arnews.gazetteer.DEFAULT_GAZETTEER` if omitted.

    Example:
        >>> line = "الجيش الإسرائيلي الشيخ تميم بن حمد قطاع غزة"
        >>> [line[s:e] for s, e in segment_tags(line)]
        ['الجيش الإسرائيلي', 'الشيخ تميم بن حمد', 'قطاع غزة']
        >>> line = "غزة، وقف إطلاق النار، الأمم المتحدة"
        >>> [line[s:e] for s, e in segment_tags(line)]
        ['غزة', 'وقف إطلاق النار', 'الأمم المتحدة']
    """
    return segment_tag_lines([line], context=context, lexicon=lexicon, gazetteer=gazetteer)[0]


def segment_tag_lines(
    lines: Sequence[str],
    *,
    context: str = "",
    lexicon: TagLexicon | None = None,
    gazetteer: Gazetteer | None = None,
    budget: int | None = None,
) -> list[list[tuple[int, int]]]:
    """Split several tag lines of one article, as :func:`segment_tags` splits each.

    The article (``context``) is read once for all the lines, for the words of all of them,
    so a page of thousands of tag lines costs time linear in the page, not lines times article.
    A line's tags are looked up only among its own words, so each line splits as it would
    alone, save that evidence found around another line's words counts too.

    ``budget`` bounds the weighing in work units that do not depend on the machine (each
    distinct word analysed and each token weighed counts one): the lines are weighed in
    order while their work fits; from the first line that does not fit on, lines are split
    without weighing: each separated item is a tag, and so is each word of an unseparated
    run. Nothing is lost, and the answer is the same on every machine. The parser gives a
    page :data:`~arnews.tags.weights.MAX_TAG_WORK`; ``None`` (the default here): no bound.

    Example:
        >>> lines = ["البيت الأبيض جو بايدن", "غزة حماس"]
        >>> [[line[s:e] for s, e in spans] for line, spans in zip(lines, segment_tag_lines(lines))]
        [['البيت الأبيض', 'جو بايدن'], ['غزة', 'حماس']]
        >>> lines = ["البيت الأبيض جو بايدن", "الأمم المتحدة"]
        >>> spans = segment_tag_lines(lines, budget=8)  # 4 words + 4 tokens, then 2 + 2: over
        >>> [[line[s:e] for s, e in found] for line, found in zip(lines, spans)]
        [['البيت الأبيض', 'جو بايدن'], ['الأمم', 'المتحدة']]
    """
    return _segment_lines(lines, context, lexicon, gazetteer, budget)[0]


def _groups(line: str) -> tuple[list[tuple[list[tuple[int, int]], bool]], int]:
    """A line's separated items, each as its tokens and whether it is to be split further,
    and how many tokens the line has."""
    plain = _plain_line(line)
    if plain is not None:
        # No separator and nothing to trim: one item, its words the tokens (most tag lines).
        return [(plain, len(plain) > 1)], len(plain)
    items = [tok for tok in (_tokens(line, s, e) for s, e in _items(line)) if tok]
    if len(items) >= 2:
        return [(item, len(item) > MAX_SEPARATED_WORDS) for item in items], sum(map(len, items))
    if items:
        return [(items[0], len(items[0]) > 1)], len(items[0])
    return [], 0


def _unweighed(groups: list[tuple[list[tuple[int, int]], bool]]) -> list[tuple[int, int]]:
    """A line's tags without weighing: each item whole, each word of a run to split alone."""
    return [
        span
        for spans, split in groups
        for span in (spans if split else [(spans[0][0], spans[-1][1])])
    ]


# Per memo of word analyses (so per gazetteer and lexicon), what is known of each tag line
# seen: its groups of tokens and the words to weigh, its split when the article has none
# of its words, and its split under each evidence seen (the article's words and runs that
# the line was weighed against). Bounded as the word memo is; emptied with it (a new word
# memo, a new entry).
_Plans = dict[str, tuple[list[tuple[list[tuple[int, int]], bool]], list[str]]]
_Bare = dict[str, list[tuple[int, int]]]
_Weighed = dict[tuple[str, frozenset[str], frozenset[str]], list[tuple[int, int]]]
_LINE_MEMOS: dict[int, tuple[dict[str, _Tok], _Plans, _Bare, _Weighed]] = {}
_MAX_LINES = 4_096
# Only lines as long as real tag lines are remembered (a runaway line is not kept alive).
_MAX_LINE_CHARS = 1_000


def _line_memo(analyses: dict[str, _Tok]) -> tuple[_Plans, _Bare, _Weighed]:
    """The line plans, the splits without evidence and the splits with evidence kept for
    this memo of analyses."""
    entry = _LINE_MEMOS.get(id(analyses))
    if entry is not None and entry[0] is analyses:
        plans, bare, weighed = entry[1], entry[2], entry[3]
        if len(plans) > _MAX_LINES:
            plans.clear()
        if len(bare) > _MAX_LINES:
            bare.clear()
        if len(weighed) > _MAX_LINES:
            weighed.clear()
        return plans, bare, weighed
    if len(_LINE_MEMOS) >= _MAX_LINE_MEMOS:
        _LINE_MEMOS.clear()
    plans, bare, weighed = {}, {}, {}
    _LINE_MEMOS[id(analyses)] = (analyses, plans, bare, weighed)
    return plans, bare, weighed


_MAX_LINE_MEMOS = 8


def _known_quiet_split(
    line: str,
    line_plans: _Plans,
    bare: _Bare,
    analyses: dict[str, _Tok],
    holds: Callable[[str], bool],
    budget: int | None,
) -> tuple[list[tuple[int, int]], int] | bool:
    """The split of a page's one distinct tag line, and the work it counts, when the memos
    already tell it: the line is planned, its words analysed, its split without evidence
    known, and ``holds`` (see :func:`_segment_lines`) finds none of the words to look
    for, so the article cannot weigh in (most pages of a site: one tag line, seen before).
    Otherwise the full path is needed (the answer is the full path's), and this returns
    ``True`` when ``holds`` found one of the words (the full path need not look again),
    ``False`` when it did not look.
    """
    planned = line_plans.get(line)
    spans = bare.get(line)
    if planned is None or spans is None:
        return False
    probing = _PROBING.get(line)
    if probing is None:
        words = planned[1]
        if not words:
            return False
        toks = list(map(analyses.get, words))
        if None in toks:
            return False
        keys = [tok.key for tok in cast("list[_Tok]", toks)]
        # A word and its fold key that differ (``أخبار``, ``اخبار``) are looked for only
        # where the stretch they share (``خبار``) is found: one search rules out both.
        searches = tuple(
            (_core(word, key) if word != key else "", word, key)
            for word, key in dict.fromkeys(zip(words, keys, strict=True))
        )
        probing = (len(words) + len(set(words)), len({*words, *keys}), searches)
        if len(line) <= _MAX_LINE_CHARS:
            if len(_PROBING) >= _MAX_LINES:
                _PROBING.clear()
            _PROBING[line] = probing
    cost, n_probes, searches = probing
    if budget is not None and cost > budget:
        return False
    if n_probes > MAX_FIND_PROBES:
        return False
    # ``any(map(holds, {*words, *keys}))``, in fewer searches.
    for core, word, key in searches:
        if word == key:
            if holds(word):
                return True
        elif (not core or holds(core)) and (holds(word) or holds(key)):
            return True
    return spans, cost


# Per tag line (a pure function of it): the work it counts, how many words and keys it
# looks for, and those searches as (core, word, key). Bounded as the line memos are.
_PROBING: dict[str, tuple[int, int, tuple[tuple[str, str, str], ...]]] = {}
# A core shorter than this is found in most pages: it would rule out nothing.
_MIN_CORE = 3


def _core(word: str, key: str) -> str:
    """The longest stretch that ``word`` and its fold ``key`` share (the first of the
    longest), or ``""`` when it is shorter than :data:`_MIN_CORE`: a text that holds
    neither ``word`` nor ``key`` lacks it, so one search for it rules out both.

    Example:
        >>> _core("أخبار", "اخبار"), _core("محلية", "محليه")
        ('خبار', 'محلي')
    """
    for size in range(min(len(word), len(key)), _MIN_CORE - 1, -1):
        for i in range(len(word) - size + 1):
            if word[i : i + size] in key:
                return word[i : i + size]
    return ""


def _quiet_split(
    line: str,
    lexicon: TagLexicon | None,
    gazetteer: Gazetteer | None,
    budget: int | None,
    holds: Callable[[str], bool],
) -> list[tuple[int, int]] | bool:
    """The spans of a page's one tag line ``line`` when the memos tell them without the
    article (see :func:`_known_quiet_split`): what :func:`_segment_lines` returns for it with
    ``around=holds`` and ``own=False`` (a list shared with the memo: read it, never change it).
    Otherwise whether ``holds`` was found to hold a word of the line: pass that on to
    :func:`_segment_lines` as ``searched``, so that the search is not made twice.

    Example:
        >>> line = "مجلس الأمن نيويورك"
        >>> _quiet_split(line, None, None, None, "".__contains__)  # a line not seen before
        False
        >>> spans = segment_tags(line)  # split without an article: remembered
        >>> _quiet_split(line, None, None, None, "".__contains__) == spans
        True
        >>> _quiet_split(line, None, None, None, "قال مجلس الأمن".__contains__)
        True
    """
    gaz = gazetteer if gazetteer is not None else DEFAULT_GAZETTEER
    known = lexicon.phrases if lexicon is not None else _NO_PHRASES
    analyses = _memo(gaz, known)
    line_plans, bare, _ = _line_memo(analyses)
    found = _known_quiet_split(line, line_plans, bare, analyses, holds, budget)
    return found if isinstance(found, bool) else found[0]


def _segment_lines(
    lines: Sequence[str],
    context: str | Callable[[], str],
    lexicon: TagLexicon | None,
    gazetteer: Gazetteer | None,
    budget: int | None,
    around: str | Callable[[str], bool] | None = None,
    own: bool = True,
    searched: bool = False,
) -> tuple[list[list[tuple[int, int]]], int, list[int]]:
    """:func:`segment_tag_lines`, with the work it used and the lines the budget left unweighed.

    Returns the spans of each line, the work units spent, and the indices in ``lines`` of
    the lines that would have been weighed but were split without weighing (over budget).
    ``context`` may be a function that returns it: it is called only if a line has words
    to weigh, and, when ``around`` is given (a text that holds every line break-free stretch
    of the context, as the page without its tag lines does), only if one of the words to
    look for is in ``around``: a page whose article has none of them is not read.
    ``around`` may also be given as the test ``word in around`` (a function), so that the
    caller need not make that text. With ``own`` false, repeated lines share one list of
    spans (for a caller that only reads them). ``searched``: the caller's
    :func:`_quiet_split` of the one line in ``lines`` found one of its words in ``around``.
    """
    gaz = gazetteer if gazetteer is not None else DEFAULT_GAZETTEER
    holds = around.__contains__ if isinstance(around, str) else around
    # Each distinct word is analysed once, whichever lines (and pages) hold it.
    known = lexicon.phrases if lexicon is not None else _NO_PHRASES
    analyses = _memo(gaz, known)
    classes = _word_classes(gaz)

    # Pages repeat their tag lines: each distinct line is planned and split once.
    distinct = list(dict.fromkeys(lines))
    # Per line: its groups of tokens to weigh, or its spans when no evidence is needed.
    plans: list[tuple[list[tuple[list[tuple[int, int]], bool]], list[tuple[int, int]]]] = []
    raw: set[str] = set()
    used = 0
    over: list[str] = []  # lines the budget left unweighed, in order
    # This call keeps its own references: another thread may empty the shared memos.
    line_plans, bare, weighed = _line_memo(analyses)
    # Whether ``holds`` is known to find a word of the one distinct line (then the words to
    # look for below are that line's, and the search need not be made again).
    found_word = searched and len(distinct) == 1 and holds is not None
    if not found_word and len(distinct) == 1 and holds is not None and not isinstance(context, str):
        known_split = _known_quiet_split(distinct[0], line_plans, bare, analyses, holds, budget)
        if not isinstance(known_split, bool):
            spans, cost = known_split
            if not own:
                return [spans] * len(lines), cost, []
            return [list(spans) for _ in lines], cost, []
        found_word = known_split
    to_weigh: dict[str, list[str]] = {}
    for line in distinct:
        planned = line_plans.get(line)
        if planned is None:
            groups, n_tok = _groups(line)
            words = (
                [line[s:e] for spans, split in groups if split for s, e in spans]
                if n_tok <= MAX_SEGMENT_TOKENS
                else []
            )
            if len(line) <= _MAX_LINE_CHARS:
                line_plans[line] = (groups, words)
        else:
            groups, words = planned
        if not words:
            # Nothing to weigh (no page has a line of over MAX_SEGMENT_TOKENS words: its
            # separated items stay whole, its other words are each a tag).
            plans.append(([], _unweighed(groups)))
            continue
        # Work is counted on the page alone, not on what the memo holds from other pages, so
        # that a page stops at the same line on every machine and in every process.
        fresh = set(words).difference(raw)
        cost = len(words) + len(fresh)
        if budget is not None and used + cost > budget:
            over.append(line)
            plans.append(([], _unweighed(groups)))
            break
        used += cost
        raw |= fresh
        to_weigh[line] = words
        plans.append((groups, []))
    rest = distinct[len(plans) :]
    # The spans of the lines past the budget, in order after those of ``plans``.
    tail: list[list[tuple[int, int]]] = []
    if rest:
        # Past the budget: plain lines (the common case) are read in a few C-level passes;
        # otherwise each line is cut into items and tokens as above, but not weighed.
        plain = _plain_words(rest)
        if plain is not None:
            tail = plain
            weighable = range(2, MAX_SEGMENT_TOKENS + 1).__contains__
            over.extend(itertools.compress(rest, map(weighable, map(len, plain))))
        else:
            for line in rest:
                groups, n_tok = _groups(line)
                tail.append(_unweighed(groups))
                if n_tok <= MAX_SEGMENT_TOKENS and any(split for _, split in groups):
                    over.append(line)
    # The words not seen before are folded together, in one pass at C speed. This call reads
    # its own dict: another thread may empty the shared memo at any time.
    mine: dict[str, _Tok] = {}
    fresh_words: list[str] = []
    remembered = analyses.get
    for word in raw:
        tok = remembered(word)
        if tok is None:
            fresh_words.append(word)
        else:
            mine[word] = tok
    for word, key in zip(fresh_words, _fold_keys(fresh_words), strict=True):
        mine[word] = analyses[word] = _Tok(word, gaz, known, classes, key)
    analyse = mine.__getitem__
    ctx = _Context(frozenset(), frozenset())
    if raw:
        probes = raw.union(map(_KEY, map(analyse, raw)))
        # A word of the context is a word of ``around`` (no search word holds a line break),
        # so where ``around`` has none of them the context has none either. Only a few words
        # are looked for this way (one search each); many are searched in the context alone,
        # in time linear in it (see MAX_FIND_PROBES).
        if isinstance(context, str):
            text = context
        elif (
            found_word or holds is None or len(probes) > MAX_FIND_PROBES or any(map(holds, probes))
        ):
            text = context()
        else:
            text = ""
        if text:
            needed = frozenset(itertools.chain.from_iterable(map(_VARIANTS_OF, map(analyse, raw))))
            ctx = _Context.build(text, needed, probes)
    # The lines weighed all come before the budget ran out: the others have their spans.
    found = list(map(operator.itemgetter(1), plans))
    found += tail
    ctx_words, ctx_grams = ctx.words, ctx.grams
    for k in range(len(distinct) - len(rest)):
        plan = plans[k][0]
        if not plan:
            continue
        line = distinct[k]
        # A line none of whose words the article has splits as it would with no article:
        # that split is remembered per line (pages and sites repeat their tag lines).
        quiet = not ctx_words or ctx_words.isdisjoint(
            itertools.chain.from_iterable(map(_VARIANTS_OF, map(analyse, to_weigh[line])))
        )
        if quiet:
            remembered_spans = bare.get(line)
        else:
            # A line's split is a function of the line and the evidence alone: a line weighed
            # before against the same words and runs (a page read again, an article run by
            # several sites) splits as it did then.
            evidence = (line, ctx_words, ctx_grams)
            remembered_spans = weighed.get(evidence)
        if remembered_spans is not None:
            found[k] = remembered_spans
            continue
        out: list[tuple[int, int]] = []
        for spans, split in plan:
            if not split:
                out.append((spans[0][0], spans[-1][1]))
                continue
            toks = list(map(analyse, map(line.__getitem__, itertools.starmap(slice, spans))))
            for i, j in _segment_tokens(toks, gaz, lexicon, ctx):
                out.append((spans[i][0], spans[j - 1][1]))
        found[k] = out
        if len(line) <= _MAX_LINE_CHARS:
            if quiet:
                bare[line] = out
            else:
                weighed[evidence] = out
    # Each line's spans, in the order of ``lines`` (the distinct lines' own where none repeats).
    if len(distinct) < len(lines):
        found = list(map(dict(zip(distinct, found, strict=True)).__getitem__, lines))
    cut: list[int] = []
    if over:
        cut = list(itertools.compress(range(len(lines)), map(set(over).__contains__, lines)))
    if not own:
        return found, used, cut
    # A list of its own for every line, repeats included (the caller may change one).
    return list(map(list, found)), used, cut
