"""The furniture trees compile on Python 3.10, whose ``re`` has no possessive quantifier.

:func:`arnews.lexicon.patterns.portable` writes each possessive skip as the plain greedy
one there. The trees set a possessive skip only before a class of letters the skip cannot
take, so the greedy skip matches the same lines; these tests check that on this Python,
by compiling both forms of every pattern of the default lexicon and matching both against
real lines and generated ones.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from arnews import Lexicon
from arnews.detectors.boilerplate import _tables
from arnews.lexicon.patterns import furniture_phrases, portable

ANT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ant"


def _patterns() -> list[re.Pattern[str]]:
    tables, candidates = _tables(Lexicon.default())
    return [*{id(p): p for p in tables.openings.values()}.values(), candidates]


PATTERNS = _patterns()
GREEDY = [re.compile(portable(p.pattern, possessive=False)) for p in PATTERNS]
# The letters the furniture phrases are made of, and what a page sets between them.
ALPHABET = sorted(
    {c for p in furniture_phrases(Lexicon.default()) for c in p} | set(" .:-|()»ـًُ\u200f")
)


def _same(line: str) -> None:
    for possessive, greedy in zip(PATTERNS, GREEDY, strict=True):
        assert bool(possessive.match(line)) == bool(greedy.match(line)), (possessive, line)
        # The candidates' search runs over lines joined after a first line break.
        joined = "\n" + line
        assert possessive.findall(joined) == greedy.findall(joined)


def test_the_patterns_hold_possessive_skips_and_their_python_310_form_none() -> None:
    assert any("*+" in p.pattern for p in PATTERNS)
    assert not any(re.search(r"[\])]\*\+", g.pattern) for g in GREEDY)
    assert portable("[*+]x", possessive=False) == "[*+]x"  # a class, not a quantifier


def test_both_forms_match_the_same_real_lines() -> None:
    lines = [
        line
        for path in sorted(ANT.glob("*.txt"))[:300]
        for line in path.read_text(encoding="utf-8").splitlines()
        if 0 < len(line) <= 400
    ]
    lines += list(furniture_phrases(Lexicon.default()))
    for line in lines:
        _same(line)


@given(st.text(alphabet=ALPHABET, max_size=40))
def test_both_forms_match_the_same_generated_lines(line: str) -> None:
    _same(line.replace("\n", " "))
