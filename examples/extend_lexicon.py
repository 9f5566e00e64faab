"""Teach arnews the habits of one more site: a marker spelling, a promo line and a footer.

The site in this example (an imaginary evening paper, "جريدة المساء") differs from what the
shipped lexicon knows in three ways:

* it writes its source line as ``نقلا عن موقع: …`` instead of ``المصدر: …``;
* it ends each article with a promo line, ``ادعم الصحافة المستقلة …``;
* it prints a masthead line, ``جريدة المساء | 14/03/2025 | العدد 4512``, that no phrase list
  can describe (the date and issue number change), so a small detector claims it.

Run from the repository root::

    python examples/extend_lexicon.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import regex

import arnews
from arnews import Chain, Lexicon, PageState, Parser

PAGE = """الدار البيضاء - أعلنت البلدية عن خطة لتوسيع شبكة الحافلات في الأحياء الجديدة.

وقالت إن الخطة تشمل خطين جديدين قبل نهاية العام، مع تخفيض سعر الاشتراك الشهري للطلاب.

ادعم الصحافة المستقلة واشترك اليوم

نقلا عن موقع: بلدية الدار البيضاء
جريدة المساء | 14/03/2025 | العدد 4512"""

# 1. The lexicon: a new spelling of the source marker and a new furniture phrase.
LEXICON = Lexicon.default().extend(
    markers={"source": ["نقلا عن موقع"]},
    boilerplate=["ادعم الصحافة المستقلة"],
)

# 2. A detector for the masthead line. Detectors are module-level functions, so that a
#    parser using them can be pickled and sent to worker processes.
MASTHEAD = regex.compile(r"جريدة المساء\s*\|.*\|\s*العدد\s*[0-9٠-٩]+")


def almasaa_masthead(state: PageState) -> None:
    """Claim the masthead line of almasaa pages as boilerplate."""
    for i, line in enumerate(state.lines):
        if state.kind[i] is None and state.is_open(i) and MASTHEAD.fullmatch(line.text):
            state.kind[i] = "boilerplate"  # later detectors leave the line alone
            state.claim_rest(i, "boilerplate")  # its text goes to Article.boilerplate


CHAIN = Chain.default().after("boilerplate", "almasaa", almasaa_masthead)


def summary(label: str, article: arnews.Article) -> None:
    print(f"== {label}")
    print(f"source:      {article.source}")
    print(f"paragraphs:  {len(article.paragraphs)}")
    for line in article.paragraphs[2:]:
        print(f"  extra paragraph: {line}")
    for line in article.boilerplate:
        print(f"boilerplate: {line}")
    print()


def main() -> None:
    default = arnews.parse(PAGE)
    summary("default parser", default)

    parser = Parser(lexicon=LEXICON, detectors=CHAIN)
    article = parser.parse(PAGE)
    summary("parser for almasaa", article)
    print("chain:", " → ".join(parser.detectors.names))

    assert default.source is None
    assert article.source == "بلدية الدار البيضاء"
    assert article.boilerplate == (
        "ادعم الصحافة المستقلة واشترك اليوم",
        "جريدة المساء | 14/03/2025 | العدد 4512",
    )
    assert len(article.paragraphs) == 2

    # The lexicon is plain JSON: save it for your pipeline, load it back.
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "almasaa-lexicon.json"
        LEXICON.save(path)
        assert Lexicon.load(path) == LEXICON
        print(f"lexicon saved and loaded back ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
