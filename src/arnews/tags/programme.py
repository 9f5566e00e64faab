"""The dynamic programme: the best split of a run of tokens into tags.

Per run: the known phrases it holds (gazetteer and :class:`~arnews.tags.TagLexicon`), the
score of every link (grammar, known phrases, the article's evidence, the line's own
repetitions), then the best split into phrases of at most
:data:`~arnews.tags.weights.MAX_PHRASE_TOKENS` tokens, in time linear in the run.
:mod:`~arnews.tags.segment` cuts the lines into runs and calls :func:`_segment_tokens`.

Example:
    >>> from arnews.gazetteer import DEFAULT_GAZETTEER
    >>> from arnews.tags.evidence import _Context
    >>> from arnews.tags.tokens import _Tok
    >>> words = "البيت الأبيض جو بايدن".split()
    >>> toks = [_Tok(w, DEFAULT_GAZETTEER) for w in words]
    >>> _segment_tokens(toks, DEFAULT_GAZETTEER, None, _Context(frozenset(), frozenset()))
    [(0, 2), (2, 4)]
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from typing import TYPE_CHECKING

from arnews.gazetteer import Gazetteer

from .evidence import _Context
from .links import _end_penalty, _name_trigram, _raw_link
from .tokens import _Tok
from .weights import (
    _HARD,
    CONTRADICTION,
    DIVERSITY,
    KNOWN_EDGE,
    MAX_PHRASE_TOKENS,
    MERGE_COST,
    W_CONTEXT,
    W_CONTEXT_PHRASE,
    W_GAZETTEER,
    W_LEXICON,
)

if TYPE_CHECKING:
    from .lexicon import TagLexicon

__all__: list[str] = []


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
            # (A loop, not ``any`` over a generator: most tokens have one or two forms.)
            for v in a.variants:
                if f"{v} {b_key}" in ctx_grams:
                    score += W_CONTEXT
                    supported[k] = True
                    break
            else:
                if in_ctx[k + 1]:
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
