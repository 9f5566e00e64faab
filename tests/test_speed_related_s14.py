"""Session 14: the teaser tail's last lines tested shortest first (a line of the story among
them settles the article) claim what they claim tested from the last line up, as before:
on the shapes the order could change (the story's line, or a teaser, shorter than the line
below it; a read-also line in the tail; an empty page, one line, a very long line, repeated
lines, read-also chains)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings

from arnews.detectors import related

from .strategies import GeneratedPage, pages
from .test_other_stories import P3, TEASERS
from .test_read_also_links import P1, P2
from .test_speed_related import _related_claims as _claims


def _in_order(order: Callable[[list[int]], list[int]]) -> Callable[..., list[int]]:
    """A stand-in for ``_cheapest_first``: the tail's last lines in ``order``."""

    def stand_in(lines: list[int], texts: object) -> list[int]:
        return order(lines)

    return stand_in


def _same_in_every_order(text: str) -> None:
    found = _claims(text)
    # From the last line up (the order before), and from the top down.
    for order in (list, lambda lines: lines[::-1]):
        with mock.patch.object(related, "_cheapest_first", _in_order(order)):
            assert _claims(text) == found


_STORY_SHORT = "أعلنت مديرية الصحة في أسوان رفع درجة الاستعداد لمواجهة الحمى."
_STORY_LONG = (
    "ناشدت الوزارة سكان القرى المصابة في أسوان التوجه إلى أقرب وحدة صحية عند ظهور أعراض الحمى "
    "وأكدت أن مستشفيات أسوان جاهزة لاستقبال الحالات."
)
_SHAPES = [
    "",
    P1,
    "\n".join((P1, P2, P3, *TEASERS)),  # a tail of three teasers: taken
    "\n".join((P1, P2, P3, TEASERS[0], TEASERS[1])),  # two: taken
    "\n".join((P1, P2, P3, TEASERS[0])),  # one teaser: stays
    "\n".join((P1, P2, P3, _STORY_SHORT, TEASERS[0])),  # the story's line shorter, above
    "\n".join((P1, P2, P3, TEASERS[2], _STORY_LONG)),  # the story's line last, longer
    "\n".join((P1, P2, P3, _STORY_LONG, _STORY_SHORT)),  # both the story's
    "\n".join((P1, P2, P3, TEASERS[1], TEASERS[0], _STORY_SHORT)),
    "\n".join((P1, P2, P3, "اقرأ أيضا: " + TEASERS[0], TEASERS[1], TEASERS[2])),  # read-also
    "\n".join((P1, P2, P3, TEASERS[0], "الوزير " * 3000 + "أسوان", TEASERS[1])),  # long line
    "\n".join((P1, P2, P3, *TEASERS, *TEASERS)),  # repeated lines
    "\n".join((P1, P2, P3, *TEASERS, "اقرأ أيضا: " + P1, P2, P3, *TEASERS)),  # a chain
]


@pytest.mark.parametrize("text", _SHAPES)
def test_tail_lines_in_any_order_claim_as_from_the_last_up(text: str) -> None:
    _same_in_every_order(text)


# An equivalence of two ways of one detector over whole generated pages (the detectors run
# two or three times an example): a fifth of the profile's examples; the robustness
# properties keep them all.
@settings(max_examples=max(30, settings.default.max_examples // 5))
@given(pages())
def test_generated_pages_claim_as_from_the_last_up(page: GeneratedPage) -> None:
    _same_in_every_order(page.text)


def test_real_pages_claim_as_from_the_last_up() -> None:
    index = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ant"
    pages_seen = 0
    for path in sorted(index.glob("*.txt"))[:120]:
        _same_in_every_order(path.read_text(encoding="utf-8"))
        pages_seen += 1
    assert pages_seen or not index.exists()
