"""The segmenter's limits and weights: every number that decides a split, in one place.

A phrase scores the sum of its links (see :mod:`arnews.tags.links` for the grammar) plus the
bonuses and penalties below; the limits keep every step linear in the line.

Example:
    >>> from arnews.tags.weights import MERGE_COST, W_GAZETTEER
    >>> W_GAZETTEER > MERGE_COST
    True
"""

from __future__ import annotations

__all__ = [
    "CONTRADICTION",
    "DIVERSITY",
    "KNOWN_EDGE",
    "MAX_PHRASE_TOKENS",
    "MAX_SEGMENT_TOKENS",
    "MAX_SEPARATED_WORDS",
    "MAX_TAG_WORK",
    "MERGE_COST",
    "W_CONTEXT",
    "W_CONTEXT_PHRASE",
    "W_GAZETTEER",
    "W_LEXICON",
]

#: Longest phrase the dynamic programme considers; keeps it linear in the line length.
MAX_PHRASE_TOKENS = 6
#: A separated item longer than this is split further as if it had no separators.
MAX_SEPARATED_WORDS = 8
#: A line with more words to split than this is not weighed word by word: each word is a
#: tag (separated items still count whole). Real tag lines hold a few dozen words; the limit
#: keeps a runaway line (a whole page run into its tag marker) to a linear scan.
MAX_SEGMENT_TOKENS = 2_000
#: Work a page's tag lines may cost before the rest are split without weighing, in units
#: that do not depend on the machine: each distinct word analysed and each token weighed by
#: the dynamic programme count one. The largest real tag block seen (seed 003: two lines, 46
#: tokens, 28 distinct words) costs 74; the 800 ANT and 352 other-format pages have none.
#: Twice :data:`MAX_SEGMENT_TOKENS`, so one tag line short enough to weigh is always
#: weighed whole. Past it (thousands of tag lines), each separated item is a tag and each
#: word of an unseparated run is one, with a ``tag_work_budget`` warning.
MAX_TAG_WORK = 2 * MAX_SEGMENT_TOKENS

#: Bonus on a link that lies inside a phrase of the :class:`TagLexicon`.
W_LEXICON = 4.0
#: Bonus on a link that lies inside a gazetteer entry.
W_GAZETTEER = 3.0
#: Bonus on a link whose two words stand side by side in the article's title or body.
W_CONTEXT = 1.0
#: Extra bonus per link when a whole phrase of three words or more occurs in the article.
W_CONTEXT_PHRASE = 0.75
#: Cost of every link inside a phrase: without evidence, words stay separate tags.
MERGE_COST = 0.5
#: Penalty when both words occur in the article but never next to each other.
CONTRADICTION = 1.5
#: Penalty for running on past the end of a known tag, or into the start of one.
KNOWN_EDGE = 0.75
#: Penalty when, in this very line, the first word also ends elsewhere and the second also
#: starts elsewhere (lists repeated with different neighbours).
DIVERSITY = 1.5

_HARD = float("-inf")
