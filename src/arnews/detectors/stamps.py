"""Update and publication stamps: ``آخر تحديث: 17 يونيو 2025 - 12:27 م``.

After an ``updated`` or ``published`` marker, reads the date expression with
:func:`arnews.dates.scan_date` and claims it. Pages often run the stamp straight into the
dateline and the first paragraph on the same line; what follows the date stays open for
the dateline and paragraph detectors::

    آخر تحديث: 17 يونيو 2025 - 12:27 م بغداد/ شبكة أخبار العراق- أعلنت …
    └ marker ─┘└──────── updated ──────┘└── left for the body ─────────…
"""

from __future__ import annotations

from ..dates import scan_date
from ..state import PageState

__all__ = ["detect_stamps"]


def detect_stamps(state: PageState) -> None:
    """Claim the dates after update/publication markers."""
    for i in state.lines_of("updated", "published"):
        kind = state.kind[i]
        if kind not in ("updated", "published") or not state.is_open(i):
            continue
        line_start = state.starts[i]
        found = scan_date(state.texts[i], state.rest[i] - line_start, now=state.now)
        if found is None:
            continue
        start, end = line_start + found.start, line_start + found.end
        if start > state.rest[i]:
            # The date reader skipped a stamp marker of its own (`آخر تحديث:آخر تحديث: 17 …`):
            # it is marker text, and must be claimed as such rather than lost.
            state.claim(i, "marker", state.rest[i], start, name=kind)
        state.rest[i] = start
        state.claim_rest(i, kind, end, value=found.value)
        if found.weekday_mismatch:
            state.warn("weekday_mismatch", "the weekday does not match the date", start, end)
        if found.value is None and found.relative and state.now is None:
            state.warn(
                "relative_date",
                "a relative date stamp needs Parser(now=...) to be resolved",
                start,
                end,
            )
        elif found.value is None:
            state.warn(
                "unreadable_date", "a date stamp could not be read as a valid date", start, end
            )
        # The rest of the line is ordinary text again (often the dateline and first paragraph).
        state.kind[i] = None
