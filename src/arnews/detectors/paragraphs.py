"""Paragraphs: every line of running text that no other detector claimed.

Each line is a paragraph. Pages that lost their line breaks glue sentences together with no
space (``العالقين.وذكر``, ``الماضية”.وأضاف``); a sentence end followed at once by an Arabic
letter starts a new paragraph again. Numbers (``3.5``), URLs and one-letter abbreviations
(``د.محمد``) are not cut.
"""

from __future__ import annotations

from ..state import PageState
from ..text import sentence_glue_points

__all__ = ["detect_paragraphs"]


def detect_paragraphs(state: PageState) -> None:
    """Claim the remaining body lines as paragraphs."""
    text = state.text
    for i, line in enumerate(state.lines):
        if state.kind[i] is not None or not state.is_open(i):
            continue
        start = state.rest[i]
        for cut in sentence_glue_points(text[start : line.end]):
            state.claim(i, "paragraph", start, state.rest[i] + cut)
            start = state.rest[i] + cut
        state.claim(i, "paragraph", start, line.end)
        state.rest[i] = line.end
        state.kind[i] = "paragraph"
