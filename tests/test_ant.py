"""Checks over the whole ANT sample beside the repository (`../shared/corpus/ant`).

The 800 real CNN, BBC, Al Arabiya, Sky News and France 24 texts hold read-also links set
inside the body (`اقرأ أيضاً: …`, `قد يهمك| …`), never embedded articles: no page may have its
body moved into a read-also article. Skipped when the folder is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import arnews

from .conftest import HERE

ANT = HERE.parent.parent / "shared" / "corpus" / "ant"
PAGES = sorted(ANT.glob("*.txt"))
pytestmark = pytest.mark.skipif(not PAGES, reason="../shared/corpus/ant is not beside the repo")


def _words(paragraphs: tuple[str, ...]) -> int:
    return sum(len(p.split()) for p in paragraphs)


def test_no_body_moved_into_a_read_also_article() -> None:
    moved = []
    for path in PAGES:
        article = arnews.parse(path.read_text(encoding="utf-8"))
        linked = sum(_words(r.paragraphs) for r in article.read_also)
        if linked > _words(article.paragraphs):
            moved.append(path.name)
    assert not moved, f"{len(moved)} pages: {moved[:5]}"


def test_read_also_links_are_headlines() -> None:
    # A link's title is a headline: short, never a paragraph of the body.
    long_titles = []
    for path in PAGES:
        article = arnews.parse(path.read_text(encoding="utf-8"))
        long_titles += [
            (path.name, r.title) for r in article.read_also if len((r.title or "").split()) > 25
        ]
    assert not long_titles


def _pages_with_links() -> list[Path]:
    return [p for p in PAGES if "اقرأ أيضا" in p.read_text(encoding="utf-8")]


def test_pages_with_links_find_them() -> None:
    pages = _pages_with_links()
    found = sum(1 for p in pages if arnews.parse(p.read_text(encoding="utf-8")).read_also)
    assert found >= 0.95 * len(pages)
