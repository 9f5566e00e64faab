"""The row the table integrations share (``arnews.integrations._columns``): the command's
JSON Lines record, typed once in Arrow, and the same types in Hugging Face and Spark."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import arnews
from arnews.integrations._columns import arrow_schema, article_row, column_names

from .conftest import CONTRACT_KEYS, FIXTURES

SEEDS = sorted((FIXTURES / "spec").glob("*.txt"))
TEXTS = [p.read_text("utf-8") for p in SEEDS]
ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("spans", [False, True])
def test_columns_are_the_records_fields_then_text(spans: bool) -> None:
    names = column_names(spans=spans)
    assert names == (*arnews.Article().to_dict(spans=spans), "text")
    assert names[: len(CONTRACT_KEYS)] == CONTRACT_KEYS
    pytest.importorskip("pyarrow")
    assert [f.name for f in arrow_schema(spans=spans)] == list(names)


@pytest.mark.parametrize("spans", [False, True])
def test_rows_are_the_json_record_plus_text_and_fit_the_arrow_schema(spans: bool) -> None:
    pa = pytest.importorskip("pyarrow")
    rows = []
    for text in TEXTS:
        article = arnews.parse(text)
        row = article_row(article, spans=spans)
        # JSON-safe, and the to_dict() record but for read_also's rows and text.
        assert json.loads(json.dumps(row)) == row
        record = article.to_dict(spans=spans)
        assert {k: v for k, v in row.items() if k not in ("read_also", "text", "parts")} == {
            k: v for k, v in record.items() if k not in ("read_also", "parts")
        }
        assert row["text"] == article.text
        for nested, ra in zip(row["read_also"], article.read_also, strict=True):
            assert nested["text"] == ra.text
            assert nested["title"] == ra.title
            assert "read_also" not in nested
        rows.append(row)
    # Every row converts to the schema, whole (no field lost or left untyped).
    table = pa.Table.from_pylist(rows, schema=arrow_schema(spans=spans))
    assert table.to_pylist() == rows


def test_rows_agree_with_the_command_json_lines_record(tmp_path: Path) -> None:
    """The command's record (less ``id`` and ``metadata``) holds the row's fields, same values."""
    done = subprocess.run(
        [sys.executable, "-m", "arnews", "parse", "--no-spans", str(FIXTURES / "spec")],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    records = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert len(records) == len(TEXTS)
    for record, text in zip(records, TEXTS, strict=True):
        row = article_row(arnews.parse(text))
        for name in column_names():
            if name == "read_also":
                # A row's read-also rows add text and leave out their (empty) read_also.
                def fields(r: dict[str, Any]) -> dict[str, Any]:
                    return {k: v for k, v in r.items() if k not in ("text", "read_also")}

                assert [fields(r) for r in record[name]] == [fields(r) for r in row[name]]
            elif name != "text" or name in record:
                assert record[name] == row[name], name


def test_hf_features_and_spark_schema_describe_the_same_columns() -> None:
    datasets = pytest.importorskip("datasets")
    pytest.importorskip("pyspark")
    from arnews.integrations.hf import features
    from arnews.integrations.spark import schema

    for spans in (False, True):
        hf = features(spans=spans)
        spark = schema(spans=spans, id_field=None)
        assert list(hf) == list(spark.names) == list(column_names(spans=spans))
        # Both are made from the one Arrow schema: each converts back to it.
        assert hf.arrow_schema == arrow_schema(spans=spans)
        string = datasets.Value("string")
        assert hf["dateline"] == {"place": string, "agency": string}
        assert spark["dateline"].dataType.simpleString() == "struct<place:string,agency:string>"
        assert spark["updated"].dataType.simpleString() == "string"
        assert spark["keywords"].dataType.simpleString() == "array<string>"


def test_the_modules_import_without_their_frameworks() -> None:
    """``import arnews`` and the integration modules need no framework; using one says
    which extra to install."""
    code = """
import sys
for name in ("datatrove", "datasets", "pyspark"):
    sys.modules[name] = None  # as if not installed
import arnews
from arnews.integrations import datatrove, hf, spark
print(hf.parse_batch({"text": ["خبر قصير."]})["text"])
uses = ((datatrove.ArnewsParser, "datatrove"), (hf.features, "hf"), (spark.schema, "spark"))
for make, extra in uses:
    try:
        make()
    except ImportError as exc:
        assert f"arnews[{extra}]" in str(exc), exc
    else:
        raise AssertionError(f"{make} worked without its framework")
print("ok")
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["['خبر", "قصير.']", "ok"]
