"""The dynamic programme, and the public entry points :func:`segment_tags` and
:func:`segment_tag_lines`.

Per line: the known phrases it holds (gazetteer and :class:`~arnews.tags.TagLexicon`), the
score of every link (grammar, known phrases, the article's evidence, the line's own
repetitions), then the best split into phrases of at most
:data:`~arnews.tags.weights.MAX_PHRASE_TOKENS` tokens, in time linear in the line.

Example:
    >>> line = "البيت الأبيض جو بايدن"
    >>> [line[s:e] for s, e in segment_tags(line)]
    ['البيت الأبيض', 'جو بايدن']
"""

from __future__ import annotations

import itertools
import operator
from collections import deque
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from arnews.gazetteer import DEFAULT_GAZETTEER, Gazetteer

from .evidence import MAX_FIND_PROBES, _Context
from .links import _end_penalty, _name_trigram, _raw_link
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
from .weights import (
    _HARD,
    CONTRADICTION,
    DIVERSITY,
    KNOWN_EDGE,
    MAX_PHRASE_TOKENS,
    MAX_SEGMENT_TOKENS,
    MAX_SEPARATED_WORDS,
    MERGE_COST,
    W_CONTEXT,
    W_CONTEXT_PHRASE,
    W_GAZETTEER,
    W_LEXICON,
)

if TYPE_CHECKING:
    from .lexicon import TagLexicon

__all__ = ["segment_tag_lines", "segment_tags"]

_NO_PHRASES: frozenset[str] = frozenset()


def _known_spans(
    toks: Sequence[_Tok], keys: Sequence[str], gaz: Gazetteer, lex: TagLexicon | None
) -> tuple[list[bool], list[bool], list[bool], list[bool], list[bool]]:
    """Find gazetteer and lexicon phrases in the line (first word with or without clitics).

    Returns, per link, whether a gazetteer phrase and a lexicon phrase spans it, and, per token,
    whether a known tag ends there, starts there, and starts there as a lone nisba-shaped word.
    """
    n_tok = len(toks)
    gaz_span = [False] * n_tok
    lex_span = [False] * n_tok
    ends_known = [False] * n_tok
    starts_known = [False] * n_tok
    starts_nisba = [False] * n_tok
    entities = gaz.entities
    gaz_prefixes = gaz.prefixes
    gaz_entries = gaz.entries  # every category, so honorific chains span their links too
    lex_phrases: frozenset[str] = lex.phrases if lex is not None else frozenset()
    lex_prefixes: frozenset[str] = lex.prefixes if lex is not None else frozenset()
    for i, tok in enumerate(toks):
        for first in tok.variants:
            in_gaz = first in gaz_prefixes
            in_lex = first in lex_prefixes
            phrase = first
            j = i
            while in_gaz or in_lex:
                if in_gaz and phrase in gaz_entries:
                    if phrase in entities:
                        ends_known[j] = starts_known[i] = True
                        if i == j and tok.nisba_shape and not tok.person:
                            starts_nisba[i] = True
                    for k in range(i, j):
                        gaz_span[k] = True
                if in_lex and phrase in lex_phrases:
                    ends_known[j] = starts_known[i] = True
                    for k in range(i, j):
                        lex_span[k] = True
                j += 1
                if j >= n_tok or j - i >= MAX_PHRASE_TOKENS:
                    break
                phrase = f"{phrase} {keys[j]}"
                in_gaz = in_gaz and phrase in gaz_prefixes
                in_lex = in_lex and phrase in lex_prefixes
    return gaz_span, lex_span, ends_known, starts_known, starts_nisba


def _repeat_sets(keys: Sequence[str]) -> tuple[set[str], set[str]]:
    """Words that, in this line, end a run before different words / start one after them."""
    if len(set(keys)) == len(keys):
        return set(), set()
    first_right: dict[str, str | None] = {}
    first_left: dict[str, str | None] = {}
    ends_often: set[str] = set()
    starts_often: set[str] = set()
    for a_key, b_key in zip([None, *keys], [*keys, None], strict=True):
        if a_key is not None and first_right.setdefault(a_key, b_key) != b_key:
            ends_often.add(a_key)
        if b_key is not None and first_left.setdefault(b_key, a_key) != a_key:
            starts_often.add(b_key)
    return ends_often, starts_often


def _link_scores(
    toks: Sequence[_Tok], keys: Sequence[str], gaz: Gazetteer, lex: TagLexicon | None, ctx: _Context
) -> tuple[list[float], list[float], list[bool], list[float]]:
    """Per link: its score, its trigram correction (name shape), whether it is a hard break;
    per token: the penalty for a phrase of two words or more ending there."""
    n_links = len(toks) - 1
    gaz_span, lex_span, ends_known, starts_known, starts_nisba = _known_spans(toks, keys, gaz, lex)
    ends_often, starts_often = _repeat_sets(keys)
    ctx_words = ctx.words
    ctx_grams = ctx.grams
    # Per token: whether the article has it (in one of its forms).
    in_ctx = (
        [not ctx_words.isdisjoint(t.variants) for t in toks] if ctx_words else [False] * len(toks)
    )
    links = [0.0] * n_links
    trigram = [0.0] * n_links
    hard = [False] * n_links
    supported = [False] * n_links
    prev: _Tok | None = None
    in_chain = False  # ``a`` belongs to a run of glued words opened by a head noun
    for k in range(n_links):
        a = toks[k]
        b = toks[k + 1]
        raw = _raw_link(a, b)
        in_chain = a.head_def or (in_chain and k > 0 and links[k - 1] > 0 and not hard[k - 1])
        if in_chain and b.pp and b.key.startswith("لل") and raw != _HARD:
            # Names opened by a head go on with a لل- complement: معرض دبي للطيران.
            raw = max(raw, 1.5)
        spanned = gaz_span[k] or lex_span[k]
        if not spanned:
            if raw == _HARD:
                hard[k] = True
                prev = a
                continue
            # Two known tags side by side, unless the second is a nisba-shaped word after a
            # definite one (وزارة الخارجية السعودية: the place name read as an adjective) or
            # is joined by و- (وزارة الحج والعمرة).
            adjective = starts_nisba[k + 1] and a.definite
            if ends_known[k] and starts_known[k + 1] and not (adjective or b.conj):
                hard[k] = True
                prev = a
                continue
        score = 0.0 if raw == _HARD else raw
        if spanned:
            supported[k] = True
            score += (W_GAZETTEER if gaz_span[k] else 0.0) + (W_LEXICON if lex_span[k] else 0.0)
        else:
            # A known tag is complete: growing it, or growing into one, needs other evidence.
            score -= KNOWN_EDGE * (ends_known[k] + (starts_known[k + 1] and not b.conj))
        if in_ctx[k]:
            # Only a word the article has can open a run of it (its grams start with one).
            b_key = b.key
            if any(f"{v} {b_key}" in ctx_grams for v in a.variants):
                score += W_CONTEXT
                supported[k] = True
            elif in_ctx[k + 1]:
                score -= CONTRADICTION
        if a.key in ends_often and b.key in starts_often:
            score -= DIVERSITY
        links[k] = score
        if prev is not None and raw != _HARD and not spanned:
            shaped = _name_trigram(toks[k - 2] if k > 1 else None, prev, a, b)
            if shaped is not None:
                trigram[k] = shaped - raw
        prev = a
    ends = [0.0] + [_end_penalty(toks[k], toks[k + 1], supported[k]) for k in range(n_links)]
    return links, trigram, hard, ends


def _segment_tokens(
    toks: Sequence[_Tok],
    gaz: Gazetteer,
    lex: TagLexicon | None,
    ctx: _Context,
) -> list[tuple[int, int]]:
    """Best split of ``toks`` into phrases, as (first, last + 1) token indices."""
    n_tok = len(toks)
    if n_tok <= 1:
        return [(0, n_tok)] if n_tok else []
    keys = [t.key for t in toks]
    links, trigram, hard, ends = _link_scores(toks, keys, gaz, lex, ctx)
    if n_tok == 2:
        # Most tag lines are two words (``أخبار محلية``): the programme below reduces to one
        # comparison, made here with the same sums in the same order, so ties fall alike.
        if hard[0]:
            return [(0, 1), (1, 2)]
        opener = toks[0]
        single = 0.0 + opener.uni + toks[1].uni
        v = 0.0 + MERGE_COST * 0 - 0.0 - 0.0 - trigram[0] + opener.start_pen
        r = (0.0 + links[0]) + (0.0 + trigram[0]) - MERGE_COST * 1 + ends[1]
        return [(0, 2)] if v + r > single else [(0, 1), (1, 2)]

    # Phrases of three words or more that the article has as a run get a bonus on top; they
    # are few, so they are extra candidates of the dynamic programme below.
    extra: dict[int, list[tuple[int, float]]] = {}
    if ctx.grams:
        grams = ctx.grams
        words = ctx.words  # every gram opens with one of these
        for i in range(n_tok - 2):
            for first in toks[i].variants:
                if first not in words:
                    continue
                phrase = first
                for j in range(i + 2, min(n_tok, i + MAX_PHRASE_TOKENS) + 1):
                    if hard[j - 2]:
                        break
                    phrase = f"{phrase} {keys[j - 1]}"
                    if phrase not in grams:
                        break
                    if j - i >= 3:
                        extra.setdefault(j, []).append((i, W_CONTEXT_PHRASE * (j - i - 1)))

    # best[j]: best score of the first j tokens. A phrase [i, j) of two words or more scores
    #   sum(links[i:j-1]) + sum(trigram[i+1:j-1]) - MERGE_COST * (j-1-i) + edge penalties,
    # which splits into start[i] + end[j-1] with running sums: val[i] = best[i] + start part,
    # r = end part. The best start is then a sliding-window maximum of val over the last
    # MAX_PHRASE_TOKENS starts (a monotonic deque), emptied at every hard link, so the whole
    # programme is linear. On a tie the later start (the shorter phrase) wins.
    best = [0.0] * (n_tok + 1)
    back = [0] * (n_tok + 1)
    val = [0.0] * n_tok
    window: deque[int] = deque()
    run_links = run_tri = 0.0  # sums over links before ``last``
    prev_links = prev_tri = 0.0  # sums over links before ``last - 1``
    for j in range(1, n_tok + 1):
        last = j - 1
        tok = toks[last]
        score = best[last] + tok.uni
        arg = last
        if last:
            k = last - 1
            prev_links, prev_tri = run_links, run_tri
            run_links += links[k]
            run_tri += trigram[k]
            if hard[k]:
                window.clear()
            else:
                v = best[k] + MERGE_COST * k - prev_links - prev_tri - trigram[k]
                v += toks[k].start_pen
                val[k] = v
                while window and val[window[-1]] <= v:
                    window.pop()
                window.append(k)
                if window[0] < j - MAX_PHRASE_TOKENS:
                    window.popleft()
                r = run_links + run_tri - MERGE_COST * last + ends[last]
                top = window[0]
                cand = val[top] + r
                if cand > score:
                    score, arg = cand, top
                for i, bonus in extra.get(j, ()):
                    cand = val[i] + r + bonus
                    if cand > score or (cand == score and i > arg):
                        score, arg = cand, i
        best[j] = score
        back[j] = arg
    out: list[tuple[int, int]] = []
    j = n_tok
    while j > 0:
        i = back[j]
        out.append((i, j))
        j = i
    out.reverse()
    return out


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
# seen: its groups of tokens and the words to weigh, and its split when the article has none
# of its words. Bounded as the word memo is; emptied with it (a new word memo, a new entry).
_LINE_MEMOS: dict[
    int,
    tuple[
        dict[str, _Tok],
        dict[str, tuple[list[tuple[list[tuple[int, int]], bool]], list[str]]],
        dict[str, list[tuple[int, int]]],
    ],
] = {}
_MAX_LINES = 4_096
# Only lines as long as real tag lines are remembered (a runaway line is not kept alive).
_MAX_LINE_CHARS = 1_000


def _line_memo(
    analyses: dict[str, _Tok],
) -> tuple[
    dict[str, tuple[list[tuple[list[tuple[int, int]], bool]], list[str]]],
    dict[str, list[tuple[int, int]]],
]:
    """The line plans and the splits without evidence kept for this memo of analyses."""
    entry = _LINE_MEMOS.get(id(analyses))
    if entry is not None and entry[0] is analyses:
        plans, bare = entry[1], entry[2]
        if len(plans) > _MAX_LINES:
            plans.clear()
        if len(bare) > _MAX_LINES:
            bare.clear()
        return plans, bare
    if len(_LINE_MEMOS) >= _MAX_LINE_MEMOS:
        _LINE_MEMOS.clear()
    plans, bare = {}, {}
    _LINE_MEMOS[id(analyses)] = (analyses, plans, bare)
    return plans, bare


_MAX_LINE_MEMOS = 8


def _segment_lines(
    lines: Sequence[str],
    context: str | Callable[[], str],
    lexicon: TagLexicon | None,
    gazetteer: Gazetteer | None,
    budget: int | None,
    around: str | None = None,
) -> tuple[list[list[tuple[int, int]]], int, list[int]]:
    """:func:`segment_tag_lines`, with the work it used and the lines the budget left unweighed.

    Returns the spans of each line, the work units spent, and the indices in ``lines`` of
    the lines that would have been weighed but were split without weighing (over budget).
    ``context`` may be a function that returns it: it is called only if a line has words
    to weigh, and, when ``around`` is given (a text that holds every line break-free stretch
    of the context, as the page without its tag lines does), only if one of the words to
    look for is in ``around``: a page whose article has none of them is not read.
    """
    gaz = gazetteer if gazetteer is not None else DEFAULT_GAZETTEER
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
    line_plans, bare = _line_memo(analyses)
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
        fresh = {word for word in words if word not in raw}
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
    if rest:
        # Past the budget: plain lines (the common case) are read in a few C-level passes;
        # otherwise each line is cut into items and tokens as above, but not weighed.
        plain = _plain_words(rest)
        if plain is not None:
            plans.extend(zip(itertools.repeat([]), plain))
            weighable = range(2, MAX_SEGMENT_TOKENS + 1).__contains__
            over.extend(itertools.compress(rest, map(weighable, map(len, plain))))
        else:
            for line in rest:
                groups, n_tok = _groups(line)
                plans.append(([], _unweighed(groups)))
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
        probes = raw | {analyse(word).key for word in raw}
        # A word of the context is a word of ``around`` (no search word holds a line break),
        # so where ``around`` has none of them the context has none either. Only a few words
        # are looked for this way (one search each); many are searched in the context alone,
        # in time linear in it (see MAX_FIND_PROBES).
        if isinstance(context, str):
            text = context
        elif (
            around is None or len(probes) > MAX_FIND_PROBES or any(map(around.__contains__, probes))
        ):
            text = context()
        else:
            text = ""
        if text:
            needed = frozenset(v for word in raw for v in analyse(word).variants)
            ctx = _Context.build(text, needed, probes)
    # The lines weighed all come before the budget ran out: the others have their spans.
    found = list(map(operator.itemgetter(1), plans))
    ctx_words = ctx.words
    for k in range(len(distinct) - len(rest)):
        plan = plans[k][0]
        if not plan:
            continue
        line = distinct[k]
        # A line none of whose words the article has splits as it would with no article:
        # that split is remembered per line (pages and sites repeat their tag lines).
        quiet = not ctx_words or all(
            ctx_words.isdisjoint(analyse(word).variants) for word in to_weigh[line]
        )
        if quiet:
            remembered_spans = bare.get(line)
            if remembered_spans is not None:
                found[k] = remembered_spans
                continue
        out: list[tuple[int, int]] = []
        for spans, split in plan:
            if not split:
                out.append((spans[0][0], spans[-1][1]))
                continue
            toks = [analyse(line[s:e]) for s, e in spans]
            for i, j in _segment_tokens(toks, gaz, lexicon, ctx):
                out.append((spans[i][0], spans[j - 1][1]))
        found[k] = out
        if quiet and len(line) <= _MAX_LINE_CHARS:
            bare[line] = out
    done = dict(zip(distinct, found, strict=True))
    cut: list[int] = []
    if over:
        cut = list(itertools.compress(range(len(lines)), map(set(over).__contains__, lines)))
    # A list of its own for every line, repeats included (the caller may change one).
    return list(map(list, map(done.__getitem__, lines))), used, cut
