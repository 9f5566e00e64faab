"""Learn tag phrases from pages and use them to split tag lines.

A tag line joins multi-word tags with plain spaces (``الأرصاد الجوية موجة حر درجات الحرارة``).
arnews splits it with general evidence (grammar, the gazetteer, the article's own text); a
``TagLexicon`` learned from many pages of the same site adds the strongest evidence of all:
the phrases that the site itself uses as tags.

Run from the repository root::

    python examples/learn_tag_lexicon.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import arnews
from arnews import Parser, TagLexicon
from arnews.tags import find_tag_lines

PAGES = Path(__file__).resolve().parent / "pages"

# Tag lines from the same site's archive, in the forms sites print them: separated by commas
# or bars (each item is a tag), or after a tag marker.
ARCHIVE = [
    "الطقس، موجة حر، الصيف",
    "موجة حر | الأرصاد الجوية | نصائح صحية",
    "كلمات دلالية: موجة حر الأرصاد الجوية",
    "معرض الكتاب، النشر الرقمي، القراءة",
]


def main() -> None:
    texts = {path.name: path.read_text(encoding="utf-8") for path in sorted(PAGES.glob("*.txt"))}

    # learn() takes whole pages (it reads their tag lines) or bare tag lines. A page without
    # a tag marker would be read as tag lines itself, so pass only pages that have tags.
    pages_with_tags = [text for text in texts.values() if find_tag_lines(text)]
    lexicon = TagLexicon.learn([*pages_with_tags, *ARCHIVE])
    # Phrases are stored folded (the key arnews matches on), with how many lines showed them.
    print(
        f"learned {len(lexicon)} tag phrases from {len(pages_with_tags)} pages "
        f"and {len(ARCHIVE)} archive lines:"
    )
    for phrase in sorted(lexicon, key=lambda p: (-lexicon.count(p), p)):
        print(f"  {lexicon.count(phrase)} lines: {phrase}")

    weather = texts["weather.txt"]
    plain = arnews.parse(weather).keywords
    tuned = Parser(tag_lexicon=lexicon).parse(weather).keywords
    print("\nkeywords of weather.txt")
    print(f"  {'default parser:':26}", " · ".join(plain))
    print(f"  {'with the learned lexicon:':26}", " · ".join(tuned))
    assert "موجة حر" in tuned

    # A lexicon is saved as JSON and loaded back unchanged.
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "tags.json"
        lexicon.save(path)
        assert TagLexicon.load(path) == lexicon


if __name__ == "__main__":
    main()
