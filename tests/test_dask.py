"""The Dask integration, on the multiprocessing scheduler with two workers."""

from __future__ import annotations

import json
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
        for key in ("paragraphs", "keywords", "similar", "spans"):
            assert row[key] == data[key], key
        for key in ("parts", "warnings"):  # a struct has every key: absent ones are None
            assert _drop_none(row[key]) == data[key], key
        assert json.loads(row["read_also"]) == data["read_also"]
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


def _drop_none(items: list[dict[str, object]]) -> list[dict[str, object]]:
    return [{k: v for k, v in item.items() if v is not None} for item in items]


def test_parse_dataframe_to_parquet_and_back(tmp_path: Path) -> None:
    # As the corpus guide shows it: the meta's types are real, so to_parquet can write them.
    pq = pytest.importorskip("pyarrow.parquet")
    pdf = pd.DataFrame({"url": [f"u{i}" for i in range(len(TEXTS) + 1)], "text": [*TEXTS, None]})
    for spans in (False, True):
        out = tmp_path / f"parsed-{spans}"
        parse_dataframe(dd.from_pandas(pdf, npartitions=3), spans=spans).to_parquet(str(out))
        table = pq.read_table(out)
        assert str(table.schema.field("keywords").type) == "list<element: string>"
        back = dd.read_parquet(str(out), dtype_backend="pyarrow").compute()
        assert back["url"].tolist() == pdf["url"].tolist()
        for i, text in enumerate(TEXTS):
            data = arnews.parse(text).to_dict(spans=spans)
            assert list(back["paragraphs"].iloc[i]) == data["paragraphs"]
            assert list(back["keywords"].iloc[i]) == data["keywords"]
            assert json.loads(back["read_also"].iloc[i]) == data["read_also"]
            if spans:
                assert _drop_none(back["parts"].iloc[i]) == data["parts"]
        assert pd.isna(back["source"].iloc[-1])


def test_parse_dataframe_survives_lone_surrogates() -> None:
    # Texts read from JSON escapes can hold them; Dask must be told to keep them as objects.
    texts = pd.Series(["خبر \ud800 قصير.\n\nالمصدر: رويترز"], dtype=object)
    with dask.config.set({"dataframe.convert-string": False}):
        ddf = dd.from_pandas(pd.DataFrame({"text": texts}), npartitions=1)
        out = parse_dataframe(ddf, spans=True).compute()
    assert out["paragraphs"].iloc[0] == ["خبر \ufffd قصير."]
    assert out["parts"].iloc[0][0]["end"] == len("خبر \ufffd قصير.")


def test_parse_bag_records_an_error_per_item() -> None:
    bag = db.from_sequence([TEXTS[0], None, 42, TEXTS[1]], npartitions=2)
    got = parse_bag(bag, spans=False, errors="record").compute()
    assert got[0] == arnews.parse(TEXTS[0]).to_dict(spans=False)
    assert got[1]["error"]["code"] == got[2]["error"]["code"] == "not_text"
    assert "int" in got[2]["error"]["message"]
    assert got[3] == arnews.parse(TEXTS[1]).to_dict(spans=False)
    with pytest.raises(TypeError):
        parse_bag(bag).compute()
    with pytest.raises(ValueError, match="errors must be"):
        parse_bag(bag, errors="skip")
