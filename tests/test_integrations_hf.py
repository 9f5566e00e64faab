"""The Hugging Face integration, through real ``datasets.Dataset.map(batched=True)`` calls."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import arnews
from arnews import Lexicon, Parser
from arnews.integrations._columns import article_row, column_names

from .conftest import FIXTURES

datasets = pytest.importorskip("datasets")

from arnews.integrations.hf import features, parse_batch  # noqa: E402

SEEDS = sorted((FIXTURES / "spec").glob("*.txt"))


def _seeds() -> Any:
    return datasets.Dataset.from_dict(
        {"id": [p.stem for p in SEEDS], "text": [p.read_text("utf-8") for p in SEEDS]}
    )


def _expected_bodies() -> list[str]:
    bodies = []
    for p in SEEDS:
        want = json.loads(p.with_suffix(".json").read_text("utf-8"))
        bodies.append("\n\n".join(want["paragraphs"]))
    return bodies


@pytest.mark.parametrize("num_proc", [None, 2])
def test_map_gives_the_columns_and_the_seeds_values(tmp_path: Path, num_proc: int | None) -> None:
    # num_proc=2 pickles parse_batch to two worker processes.
    ds = _seeds()
    pages = ds["text"]
    out = ds.map(
        parse_batch,
        batched=True,
        batch_size=2,
        num_proc=num_proc,
        features=features(base=ds.features),
        cache_file_name=str(tmp_path / "parsed.arrow"),
    )
    assert out.column_names == ["id", "text", *column_names()[:-1]]
    assert out.features == features(base=ds.features)
    assert out["id"] == [p.stem for p in SEEDS]
    # The page in "text" became its clean body, as in a datatrove pipeline.
    assert out["text"] == _expected_bodies()
    for row, page in zip(out, pages, strict=True):
        want = article_row(arnews.parse(page))
        assert {name: row[name] for name in column_names()} == want


def test_features_alone_with_the_input_columns_removed() -> None:
    ds = _seeds()
    out = ds.map(
        parse_batch,
        batched=True,
        remove_columns=ds.column_names,
        features=features(),
        keep_in_memory=True,
    )
    assert out.column_names == list(column_names())
    assert out[0]["dateline"] == article_row(arnews.parse(ds[0]["text"]))["dateline"]


def test_a_batch_with_no_dateline_anywhere_keeps_the_struct_type() -> None:
    # Without features, datasets would type an all-null column as null; with them it holds.
    ds = datasets.Dataset.from_dict({"text": ["خبر قصير.", None]})
    out = ds.map(parse_batch, batched=True, features=features(), keep_in_memory=True)
    assert out.features["dateline"] == features()["dateline"]
    assert out["dateline"] == [None, None]
    assert out["text"] == ["خبر قصير.", None]
    assert out["keywords"] == [[], None]


def test_options_text_field_parser_and_spans() -> None:
    page = "خبر قصير عن المعرض في المدينة.\n\nحمل تطبيقنا الآن"
    ds = datasets.Dataset.from_dict({"url": ["u1"], "content": [page]})
    parser = Parser(lexicon=Lexicon.default().extend(boilerplate=["حمل تطبيقنا"]))
    out = ds.map(
        parse_batch,
        batched=True,
        fn_kwargs={"text_field": "content", "parser": parser, "spans": True},
        features=features(spans=True, base=ds.features),
        keep_in_memory=True,
    )
    row = out[0]
    assert row["content"] == page  # kept: the body went to text
    assert row["text"] == "خبر قصير عن المعرض في المدينة."
    assert row["boilerplate"] == ["حمل تطبيقنا الآن"]
    assert row["spans"]["paragraphs"] == [[0, 30]]
    assert {"kind": "boilerplate", "start": 32, "end": 48, "name": None} in row["parts"]
