"""The Dask integration, on the multiprocessing scheduler with two workers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import arnews
from arnews import Lexicon, Parser

from .conftest import FIXTURES

dask = pytest.importorskip("dask")
db = pytest.importorskip("dask.bag")
dd = pytest.importorskip("dask.dataframe")
pd = pytest.importorskip("pandas")

from arnews.integrations.dask import dataframe_columns, parse_bag, parse_dataframe  # noqa: E402

ROOT = Path(__file__).parent.parent
PAGES = sorted((FIXTURES / "spec").glob("*.txt")) + sorted(
    (ROOT / "examples" / "pages").glob("*.txt")
)
TEXTS = [p.read_text("utf-8") for p in PAGES]


@pytest.fixture(autouse=True)
def processes() -> Iterator[None]:
    with dask.config.set(scheduler="processes", num_workers=2):
        yield


def test_parse_bag_gives_the_contract_dicts_in_order() -> None:
    bag = db.from_sequence(TEXTS, npartitions=3)
    assert parse_bag(bag).compute() == [arnews.parse(t).to_dict() for t in TEXTS]


def test_parse_bag_with_a_parser_and_no_spans() -> None:
    parser = Parser(lexicon=Lexicon.default().extend(boilerplate=["حمل تطبيقنا"]))
    bag = db.from_sequence(["خبر قصير.\nحمل تطبيقنا", *TEXTS[:2]], npartitions=2)
    got = parse_bag(bag, parser=parser, spans=False).compute()
    assert got[0]["boilerplate"] == ["حمل تطبيقنا"]
    assert "spans" not in got[0]


def test_parse_dataframe_adds_the_contract_columns() -> None:
    pdf = pd.DataFrame({"doc": range(len(TEXTS) + 1), "text": [*TEXTS, None]})
    ddf = parse_dataframe(dd.from_pandas(pdf, npartitions=2), spans=True)
    assert list(ddf.columns) == ["doc", "text", *dataframe_columns(spans=True)]
    out = ddf.compute()
    assert out.dtypes.equals(ddf.dtypes)  # the meta told the truth
    assert out["doc"].tolist() == list(range(len(TEXTS) + 1))
    for i, text in enumerate(TEXTS):
        row = out.iloc[i]
        data = arnews.parse(text).to_dict()
        for key in ("paragraphs", "keywords", "similar", "read_also", "spans", "parts"):
            assert row[key] == data[key], key
        assert (None if pd.isna(row["source"]) else row["source"]) == data["source"]
        dateline = data["dateline"] or {}
        assert (None if pd.isna(row["dateline_agency"]) else row["dateline_agency"]) == (
            dateline.get("agency")
        )
    assert out.iloc[-1][list(dataframe_columns(spans=True))].isna().all()


def test_parse_dataframe_checks_its_columns() -> None:
    ddf = dd.from_pandas(pd.DataFrame({"title": ["عنوان"], "content": [TEXTS[0]]}), npartitions=1)
    with pytest.raises(KeyError, match="no column 'text'"):
        parse_dataframe(ddf)
    with pytest.raises(ValueError, match="prefix"):
        parse_dataframe(ddf, "content")
    out = parse_dataframe(ddf, "content", prefix="arnews_")
    assert "arnews_title" in out.columns
    assert "spans" not in out.columns and "arnews_spans" not in out.columns
    assert out.compute()["arnews_source"].tolist() == [arnews.parse(TEXTS[0]).source]
