"""Parse a corpus on Spark with ``mapInPandas`` and :mod:`arnews.integrations.spark`.

Run from the repository root::

    python examples/spark_recipe.py

``parse_partitions`` is the function Spark calls with the corpus as a stream of pandas
DataFrames (one Arrow batch at a time) and ``schema()`` the type of what it yields: the
page's ``id``, the article's fields and ``text``, its clean body. arnews must be installed
where the Python workers run, and the workers must run that Python: ``PYSPARK_PYTHON``
(set below to this interpreter, before the session starts).

Without pyspark or Java (``pip install 'arnews[spark]'``, and a Java 17 runtime), the script
runs ``parse_partitions`` on pandas DataFrames, exactly as Spark would call it, and says so.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Any

from arnews.integrations.spark import parse_partitions, schema

PAGES = Path(__file__).resolve().parent / "pages"


# --8<-- [start:recipe]
def parse_on_spark(corpus: Any) -> Any:
    """Parse a pandas DataFrame of pages (columns ``id`` and ``text``) on a local Spark."""
    from pyspark.sql import SparkSession

    # The Python workers must be this interpreter, the one that has arnews.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("arnews")
        .config("spark.ui.enabled", "false")
        # A small local job: the JVM's quick compiler and serial collector start it sooner.
        .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
        .getOrCreate()
    )
    try:
        df = spark.createDataFrame(corpus)  # on a cluster: spark.read.parquet(...), say
        parsed = df.mapInPandas(parse_partitions, schema=schema())
        return parsed.select("id", "source", "dateline", "keywords", "text").toPandas()
    finally:
        spark.stop()


# --8<-- [end:recipe]


def main() -> int:
    try:
        import pandas as pd
    except ImportError:
        print("pandas is not installed: pip install 'arnews[spark]' to run this recipe.")
        return 0
    paths = sorted(PAGES.glob("*.txt"))
    corpus = pd.DataFrame(
        {"id": [p.name for p in paths], "text": [p.read_text(encoding="utf-8") for p in paths]}
    )
    try:
        import pyspark  # noqa: F401
    except ImportError:
        have_spark = False
    else:
        have_spark = shutil.which("java") is not None
    if have_spark:
        out = parse_on_spark(corpus)
    else:
        print("pyspark or Java is missing: running parse_partitions on pandas DataFrames,")
        print("as df.mapInPandas(parse_partitions, schema=schema()) would on each batch.\n")
        out = pd.concat(parse_partitions(iter([corpus.iloc[:2], corpus.iloc[2:]])))
    out["paragraphs"] = out["text"].map(lambda body: body.count("\n\n") + 1 if body else 0)
    out["place"] = out["dateline"].map(lambda d: d["place"] if d is not None else None)
    shown = out[["id", "source", "place", "keywords", "paragraphs"]].fillna("")
    print(shown.to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
