"""Real articles in other layouts (research datasets beside the repo, never copied into it).

The library must not invent aggregator sections in them, and must not lose a word: every
non-blank character is in some part, and every character of the body parts is in a field.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import arnews
from arnews.lines import BLANK_SET

from .conftest import SHARED_CORPUS

FILES = sorted(p for p in SHARED_CORPUS.glob("*/*.txt") if p.name != "README.txt")
pytestmark = pytest.mark.skipif(not FILES, reason="../shared/corpus is not beside the repo")


def covered(text: str, article: arnews.Article) -> set[int]:
    seen: set[int] = set()
    for a in article.iter_articles():
        for part in a.parts:
            seen.update(range(part.start, part.end))
    return seen


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_corpus_document(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    article = arnews.parse(text)
    assert article.read_also == ()
    assert article.similar == ()
    assert article.keywords == ()
    assert not [w for w in article.warnings if w.code in ("detector_error", "time_budget")]
    seen = covered(text, article)
    lost = [i for i, ch in enumerate(text) if ch not in BLANK_SET and i not in seen]
    assert not lost, text[lost[0] : lost[0] + 40]
    # A source is only ever taken from a line that starts with a source marker.
    if article.source is not None:
        assert any(line.lstrip().startswith(("المصدر", "مصدر")) for line in text.splitlines())


def test_corpus_bodies_keep_almost_everything() -> None:
    words_in = words_out = 0
    for path in FILES:
        text = path.read_text(encoding="utf-8")
        article = arnews.parse(text)
        words_in += len(text.split())
        words_out += sum(len(p.split()) for p in article.paragraphs)
        # A page's own headline and its author's name leave the body for their fields.
        words_out += len((article.title or "").split()) + len((article.byline or "").split())
    # Markers, stamps, datelines and a few real widgets leave the body; nothing else does.
    assert words_out / words_in > 0.99
