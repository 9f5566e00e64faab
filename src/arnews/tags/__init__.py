"""Splitting tag lines into the multi-word tags they are made of.

Aggregator pages end with a tag line whose tags are joined by plain spaces::

    البيت الأبيض الرئيس الأمريكي رئيس الوزراء الإسرائيلي بنيامين نتنياهو غزة جو بايدن حماس

:func:`segment_tags` returns the span of each tag (``البيت الأبيض`` · ``الرئيس الأمريكي`` ·
``رئيس الوزراء الإسرائيلي`` · ``بنيامين نتنياهو`` · ``غزة`` · ``جو بايدن`` · ``حماس``).

How it decides, in order:

1. **Separators decide.** When ``،`` ``,`` ``|`` ``؛`` ``;`` ``/`` a spaced dash, a bullet, a
   new line or ``#`` split the line into two items or more, each item is one tag; only an item
   longer than :data:`MAX_SEPARATED_WORDS` words is split further.
2. **Otherwise a dynamic programme** picks the best split of the tokens into phrases of at
   most :data:`MAX_PHRASE_TOKENS` tokens. Each link between two neighbouring tokens gets a
   score from general signals (Arabic noun-phrase grammar, person names, the gazetteer, the
   :class:`TagLexicon`, the article's own text, the line's own repetitions); a phrase scores the
   sum of its links, minus :data:`MERGE_COST` per link, so that without evidence every word
   stays a tag of its own. Some links are *hard breaks* (a first name or an honorific after a
   word that cannot precede it, an office title after a complete phrase, two known entities
   side by side, the same word twice); only a gazetteer or lexicon phrase spanning the link
   lifts them, never the article text, which often runs titles, names and places together.

The segmenter returns every occurrence, repeats included; the parser keeps the first of each.

Example:
    >>> line = "البيت الأبيض الرئيس الأمريكي جو بايدن غزة"
    >>> [line[s:e] for s, e in segment_tags(line)]
    ['البيت الأبيض', 'الرئيس الأمريكي', 'جو بايدن', 'غزة']

The package, one job a module: :mod:`~arnews.tags.tokens` (tokens and what each word is),
:mod:`~arnews.tags.links` (the link grammar), :mod:`~arnews.tags.evidence` (what the article
says), :mod:`~arnews.tags.programme` (the dynamic programme), :mod:`~arnews.tags.segment`
(the entry points and the planning of a page's tag lines),
:mod:`~arnews.tags.lexicon` (:class:`TagLexicon`) and :mod:`~arnews.tags.weights` (limits and
weights). Every public name is importable from ``arnews.tags``.
"""

from __future__ import annotations

# Private names are re-exported as well (``X as X``): the tests and benchmarks reach them here.
from .evidence import MAX_FIND_PROBES
from .evidence import _Context as _Context
from .evidence import _find_each as _find_each
from .evidence import _find_indexed as _find_indexed
from .evidence import _windows as _windows
from .lexicon import TagLexicon, find_tag_lines
from .links import _end_penalty as _end_penalty
from .links import _name_link as _name_link
from .links import _name_trigram as _name_trigram
from .links import _raw_link as _raw_link
from .programme import _known_spans as _known_spans
from .programme import _link_scores as _link_scores
from .programme import _segment_tokens as _segment_tokens
from .segment import _segment_lines as _segment_lines
from .segment import segment_tag_lines, segment_tags
from .tokens import _items as _items
from .tokens import _Tok as _Tok
from .tokens import _tokens as _tokens
from .tokens import _variants as _variants
from .weights import (
    CONTRADICTION,
    DIVERSITY,
    KNOWN_EDGE,
    MAX_PHRASE_TOKENS,
    MAX_SEGMENT_TOKENS,
    MAX_SEPARATED_WORDS,
    MAX_TAG_WORK,
    MERGE_COST,
    W_CONTEXT,
    W_CONTEXT_PHRASE,
    W_GAZETTEER,
    W_LEXICON,
)

__all__ = [
    "CONTRADICTION",
    "DIVERSITY",
    "KNOWN_EDGE",
    "MAX_FIND_PROBES",
    "MAX_PHRASE_TOKENS",
    "MAX_SEGMENT_TOKENS",
    "MAX_SEPARATED_WORDS",
    "MAX_TAG_WORK",
    "MERGE_COST",
    "W_CONTEXT",
    "W_CONTEXT_PHRASE",
    "W_GAZETTEER",
    "W_LEXICON",
    "TagLexicon",
    "find_tag_lines",
    "segment_tag_lines",
    "segment_tags",
]
