"""The Spark integration on a local Spark session (``local[2]``): the seeds as a DataFrame,
``mapInPandas`` with the module's function and schema, collected and compared."""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterator
from typing import Any

import pytest

import arnews
from arnews import Lexicon, Parser
from arnews.integrations._columns import article_row, column_names

from .conftest import FIXTURES

pytest.importorskip("pyspark")
pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs Java (.ci/run installs it)", allow_module_level=True)

from arnews.integrations.spark import parse_partitions, partition_parser, schema  # noqa: E402

# pyspark 4 warns about pandas 3 at every conversion; what it converts here works.
pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas")

SEEDS = sorted((FIXTURES / "spec").glob("*.txt"))


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    # The workers must run this interpreter, the one that has arnews (the docs say so too).
    saved = {k: os.environ.get(k) for k in ("PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON")}
    os.environ["PYSPARK_PYTHON"] = os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("arnews-tests")
        .config("spark.ui.enabled", "false")
        # A small local job: the JVM's quick compiler and serial collector start it sooner.
        .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    try:
        yield session
    finally:
        session.stop()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def test_map_in_pandas_gives_the_seeds_rows(spark: Any) -> None:
    frame = pd.DataFrame(
        {"id": [p.stem for p in SEEDS], "text": [p.read_text("utf-8") for p in SEEDS]}
    )
    df = spark.createDataFrame(frame).repartition(2)
    parsed = df.mapInPandas(parse_partitions, schema=schema())
    assert parsed.columns == ["id", *column_names()]
    rows = {r["id"]: r.asDict(recursive=True) for r in parsed.collect()}
    assert sorted(rows) == [p.stem for p in SEEDS]
    for path in SEEDS:
        row = rows[path.stem]
        want = json.loads(path.with_suffix(".json").read_text("utf-8"))
        assert row["text"] == "\n\n".join(want["paragraphs"])
        assert row["source"] == want["source"]
        assert row["dateline"] == want["dateline"]
        # Every column, nested ones included, is the shared row, value for value.
        expected = article_row(arnews.parse(path.read_text("utf-8")))
        assert {name: row[name] for name in column_names()} == expected


def test_options_nulls_and_spans(spark: Any) -> None:
    page = "خبر قصير عن المعرض في المدينة.\n\nحمل تطبيقنا الآن"
    # An integer id column with a null reaches the workers as floats; ids stay "7", "8".
    frame = pd.DataFrame({"url": [7, 8, None], "content": [page, None, page]})
    step = partition_parser(
        text_field="content",
        id_field="url",
        parser=Parser(lexicon=Lexicon.default().extend(boilerplate=["حمل تطبيقنا"])),
        spans=True,
    )
    out = spark.createDataFrame(frame).mapInPandas(step, schema=schema(spans=True, id_field="url"))
    first, second, third = sorted(out.collect(), key=lambda r: r["url"] or "~")
    assert first["url"] == "7"  # ids are strings, as in the command's tables
    assert first["text"] == "خبر قصير عن المعرض في المدينة."
    assert first["boilerplate"] == ["حمل تطبيقنا الآن"]
    assert first["spans"]["paragraphs"] == [[0, 30]]
    assert second["url"] == "8"
    assert second["text"] is None
    assert second["keywords"] is None
    assert third["url"] is None
    assert third["text"] == first["text"]
