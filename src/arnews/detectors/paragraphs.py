"""Paragraphs: every line of running text that no other detector claimed.

Each line is a paragraph. Pages that lost their line breaks glue sentences together with no
space (``العالقين.وذكر``, ``الماضية”.وأضاف``); a sentence end followed at once by an Arabic
letter starts a new paragraph again. Numbers (``3.5``), URLs and one-letter abbreviations
(``د.محمد``) are not cut.
"""

from __future__ import annotations

from ..state import PageState, Piece
from ..text import sentence_glue_points

__all__ = ["detect_paragraphs"]


def detect_paragraphs(state: PageState) -> None:
    """Claim the remaining body lines as paragraphs."""
    text = state.text
    # Locals: this loop runs once per line, half a million times on a hostile megabyte.
    kinds, rests, claim = state.kind, state.rest, state.claim
    pieces = state.pieces
    for i, line in enumerate(state.lines):
        if kinds[i] is not None:
            continue
        base, end = rests[i], line.end
        if base >= end:
            continue
        rests[i] = end
        kinds[i] = "paragraph"
        whole = base == line.start
        cuts = sentence_glue_points(line.text if whole else text[base:end])
        if whole and not cuts:
            # A whole line is already trimmed of blanks at both ends: no claim() needed.
            pieces.append(Piece(i, "paragraph", base, end))
            continue
        start = base
        for cut in cuts:
            claim(i, "paragraph", start, base + cut)
            start = base + cut
        claim(i, "paragraph", start, end)
