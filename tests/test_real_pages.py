"""Real-page gold (issue 11): the parser scored on real pages read and judged by hand.

Two sets of gold, written by reading each page (see ``CONTRIBUTING.md``,
"Real-page gold"):

- ``fixtures/real/``: ANT corpus pages (Apache-2.0, credit in its README), each ``NAME.txt``
  beside its gold ``NAME.json``;
- ``fixtures/real-other/``: gold only, for pages of the other-formats collections, whose texts
  have research-only licences and stay in ``../shared/corpus/other-formats/`` (``SOURCES.json``
  names each one). They are copied with their gold into a temporary folder at test time.

Both are scored with the project's scorer, ``../shared/tools/score.py``. The threshold tests
hold the issue's bar (overall and paragraphs >= 0.97); ``scripts/score_real.py`` prints the
per-field scores.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .conftest import FIXTURES, SHARED_CORPUS

REAL = FIXTURES / "real"
REAL_OTHER = FIXTURES / "real-other"
SHARED = SHARED_CORPUS.parent.parent
SCORER = SHARED / "tools" / "score.py"
ANT = SHARED / "corpus" / "ant"
SOURCES: dict[str, str] = json.loads((REAL_OTHER / "SOURCES.json").read_text(encoding="utf-8"))
REAL_GOLD = sorted(REAL.glob("*.json"))
OTHER_GOLD = sorted(p for p in REAL_OTHER.glob("*.json") if p.name != "SOURCES.json")
ALL_GOLD = REAL_GOLD + OTHER_GOLD

needs_shared = pytest.mark.skipif(
    not (SCORER.exists() and SHARED_CORPUS.exists()),
    reason="../shared (scorer and corpus) is not beside the repository",
)
#: The contract's fields and the types a gold value may have. ``published`` is not in the
#: contract and the scorer does not read it: the gold records an unmarked publication stamp
#: there, so that ``updated`` stays for update stamps (``آخر تحديث``) only.
STR_OR_NONE = (str, type(None))
FIELDS: dict[str, tuple[type, ...]] = {
    "title": STR_OR_NONE,
    "dateline": (dict, type(None)),
    "byline": STR_OR_NONE,
    "updated": STR_OR_NONE,
    "published": STR_OR_NONE,
    "paragraphs": (list,),
    "related_headlines": (list,),
    "source": STR_OR_NONE,
    "keywords": (list,),
    "read_also": (list,),
    "similar": (list,),
    "boilerplate": (list,),
}


def check_gold(gold: dict[str, Any], where: str) -> None:
    assert set(gold) == set(FIELDS), f"{where}: fields {sorted(set(gold) ^ set(FIELDS))}"
    for key, types in FIELDS.items():
        assert isinstance(gold[key], types), f"{where}: {key} is {type(gold[key]).__name__}"
    if gold["dateline"] is not None:
        assert set(gold["dateline"]) == {"place", "agency"}, where
        assert any(gold["dateline"].values()), f"{where}: an empty dateline should be null"
    for key in ("paragraphs", "related_headlines", "keywords", "similar", "boilerplate"):
        for item in gold[key]:
            # cleaned as the contract says: no NBSP, no runs of white space, trimmed, not empty
            assert isinstance(item, str), f"{where}: {key}"
            assert item and item == " ".join(item.replace("\xa0", " ").split()), f"{where}: {key}"
    for key in ("updated", "published"):
        if gold[key] is not None:
            assert len(gold[key]) == 19 and gold[key][10] == "T", f"{where}: {key}"
    for i, article in enumerate(gold["read_also"]):
        check_gold(article, f"{where} read_also[{i}]")


@pytest.mark.parametrize("path", ALL_GOLD, ids=lambda p: p.stem)
def test_gold_is_well_formed(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    check_gold(gold, path.name)
    assert gold["paragraphs"], f"{path.name}: a page with no body"


def test_gold_pairs_are_complete() -> None:
    texts = {p.stem for p in REAL.glob("*.txt")}
    assert texts == {p.stem for p in REAL_GOLD}
    assert len(texts) >= 30
    readme = (REAL / "README.md").read_text(encoding="utf-8")
    assert "Apache" in readme
    for name in texts:
        assert f"`{name}`" in readme, f"{name} has no credit line in fixtures/real/README.md"
    # the sites the gold covers: six pages or more from each of the five ANT sources
    for site in ("CN", "BB", "AL", "SK", "FR"):
        assert sum(n.startswith(site + "-") for n in texts) >= 6, site


def test_other_formats_gold_has_no_texts() -> None:
    # research-only licences: only our gold may be in the project, never the texts
    assert not list(REAL_OTHER.glob("*.txt"))
    assert set(SOURCES) == {p.stem for p in OTHER_GOLD}
    collections = {rel.split("/")[0] for rel in SOURCES.values()}
    assert collections == {"algerian_news_samples", "arabic_newspapers_corpus", "saudinewsnet"}
    for collection in collections:
        assert sum(rel.startswith(collection + "/") for rel in SOURCES.values()) >= 5


@needs_shared
def test_sources_resolve() -> None:
    for name, rel in SOURCES.items():
        assert (SHARED_CORPUS / rel).is_file(), f"{name}: {rel} not under ../shared"


@pytest.mark.skipif(not ANT.exists(), reason="../shared/corpus/ant is not beside the repository")
def test_ant_texts_are_unchanged_copies() -> None:
    for path in REAL.glob("*.txt"):
        assert path.read_bytes() == (ANT / path.name).read_bytes(), path.name


def run_scorer(*dirs: Path) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, str(SCORER), *map(str, dirs), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


@pytest.fixture(scope="module")
def other_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The other-formats texts from ``../shared`` beside their gold, in a temporary folder."""
    into = tmp_path_factory.mktemp("real-other")
    for name, rel in SOURCES.items():
        shutil.copyfile(SHARED_CORPUS / rel, into / f"{name}.txt")
        shutil.copyfile(REAL_OTHER / f"{name}.json", into / f"{name}.json")
    return into


@pytest.fixture(scope="module")
def scores(other_dir: Path) -> dict[str, dict[str, Any]]:
    return {
        "ant": run_scorer(REAL),
        "other-formats": run_scorer(other_dir),
        "all": run_scorer(REAL, other_dir),
    }


@needs_shared
def test_scorer_reads_every_page(scores: dict[str, dict[str, Any]]) -> None:
    assert scores["ant"]["docs"] == len(REAL_GOLD)
    assert scores["other-formats"]["docs"] == len(OTHER_GOLD)
    assert scores["all"]["failures"] == 0, "arnews.parse raised on a real page"


# The bar (>= 0.97 overall and on paragraphs) holds on the whole gold and on each
# set's paragraphs. The other-formats set alone is held to a floor a little lower: its
# misses are pages a reader may judge either way (a collection's `الخبر :` label before the
# title, a source glued after an author's title, a source marker before the lead), noted
# in `tests/fixtures/real-other/README.md`; fitting the parser to them would be fitting it
# to those pages.
BARS = [
    ("all", "overall", 0.97),
    ("all", "paragraphs", 0.97),
    ("ant", "overall", 0.97),
    ("ant", "paragraphs", 0.97),
    ("other-formats", "overall", 0.95),
    ("other-formats", "paragraphs", 0.97),
]


@needs_shared
@pytest.mark.parametrize(("subset", "field", "bar"), BARS)
def test_real_pages_meet_the_bar(
    scores: dict[str, dict[str, Any]], subset: str, field: str, bar: float
) -> None:
    got = scores[subset]["scores"][field]
    assert got >= bar, f"{subset} {field} = {got:.3f} < {bar}"
