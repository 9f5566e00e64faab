"""Every output of ``parse`` validates against the shipped JSON Schema (``article_schema()``).

Checked on the spec seeds, the example pages, a sample of the research corpus (read in
place, skipped when absent) and hypothesis-generated pages and texts.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arnews import Parser, parse
from arnews.model import Article, Part, article_schema

from .conftest import FIXTURES, SHARED_CORPUS
from .strategies import GeneratedPage, any_text, arabic_text, pages

SCHEMA = article_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
PARSER = Parser(time_budget=None)
SEEDS = sorted((FIXTURES / "spec").glob("*.txt"))
EXAMPLES = sorted((Path(__file__).parent.parent / "examples" / "pages").glob("*.txt"))
CORPUS_SAMPLE = 40
# Validation costs more than the parse: a tenth of the profile's examples (at least 50).
SCHEMA_EXAMPLES = max(50, settings.default.max_examples // 10)


def _corpus_sample() -> list[Path]:
    files = sorted(SHARED_CORPUS.glob("*/*.txt"))
    files = [f for f in files if f.name != "README.txt"]
    return random.Random(1234).sample(files, min(CORPUS_SAMPLE, len(files)))


def assert_valid(article: Article) -> None:
    """Both dict forms and the JSON text validate."""
    for data in (article.to_dict(), article.to_dict(spans=False), json.loads(article.to_json())):
        errors = sorted(VALIDATOR.iter_errors(data), key=lambda e: list(e.path))
        assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_article_schema_returns_a_fresh_dict() -> None:
    first = article_schema()
    first["$defs"].clear()
    assert article_schema()["$defs"], "callers must not be able to change the shipped schema"


def test_read_also_items_are_articles_by_reference() -> None:
    items = SCHEMA["$defs"]["article"]["properties"]["read_also"]["items"]
    assert items == {"$ref": "#/$defs/article"}


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_output_is_valid(path: Path) -> None:
    assert_valid(parse(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_page_output_is_valid(path: Path) -> None:
    assert_valid(parse(path.read_text(encoding="utf-8")))


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="research corpus not beside the repo")
def test_corpus_sample_output_is_valid() -> None:
    for path in _corpus_sample():
        assert_valid(PARSER.parse(path.read_text(encoding="utf-8")))


@settings(max_examples=SCHEMA_EXAMPLES)
@given(pages())
def test_generated_page_output_is_valid(page: GeneratedPage) -> None:
    assert_valid(PARSER.parse(page.text))


@settings(max_examples=SCHEMA_EXAMPLES)
@given(st.one_of(arabic_text, any_text))
def test_any_text_output_is_valid(text: str) -> None:
    assert_valid(PARSER.parse(text))


def _invalid(data: dict[str, Any]) -> bool:
    return not VALIDATOR.is_valid(data)


def test_schema_rejects_what_the_model_never_writes() -> None:
    good = Article(
        paragraphs=("نص.",), parts=(Part("paragraph", 0, 4),), read_also=(Article(title="عنوان"),)
    ).to_dict()
    assert VALIDATOR.is_valid(good)
    assert _invalid({**good, "paragraphs": "نص."})
    assert _invalid({**good, "extra": 1})
    assert _invalid({k: v for k, v in good.items() if k != "source"})
    assert _invalid({**good, "updated": "17 يونيو 2025"})
    assert _invalid({**good, "parts": [{"kind": "paragraph", "start": -1, "end": 4}]})
    assert _invalid({**good, "read_also": [{"title": "عنوان"}]})
    spans = {**good["spans"], "paragraphs": [[0, 4, 5]]}
    assert _invalid({**good, "spans": spans})
