"""Parse a corpus on Spark with ``mapInPandas``.

Run from the repository root::

    python examples/spark_recipe.py

``parse_batches`` below is the whole recipe: Spark hands it the corpus as a stream of pandas
DataFrames (one Arrow batch at a time), it yields DataFrames with the parsed columns, and
``SCHEMA`` tells Spark their types. arnews must be installed on the executors; the parser is
created once per Python worker, not once per row.

Without pyspark (it is not an arnews dependency), the script runs ``parse_batches`` on a pandas
DataFrame, exactly as Spark would call it, and says so.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import arnews

PAGES = Path(__file__).resolve().parent / "pages"

# --8<-- [start:recipe]
#: The output schema, as Spark DDL: the input's ``id`` and the contract, lists as arrays.
SCHEMA = (
    "id string, title string, dateline_place string, dateline_agency string, "
    "updated string, source string, paragraphs array<string>, keywords array<string>, "
    "similar array<string>, related_headlines array<string>, boilerplate array<string>, "
    "read_also_titles array<string>"
)


def article_row(doc_id: str, text: str | None) -> dict[str, Any]:
    """One output row; a missing text gives a row of nulls and empty lists."""
    a = arnews.parse(text or "")
    return {
        "id": doc_id,
        "title": a.title,
        "dateline_place": a.dateline.place if a.dateline else None,
        "dateline_agency": a.dateline.agency if a.dateline else None,
        "updated": a.updated.isoformat() if a.updated else None,
        "source": a.source,
        "paragraphs": list(a.paragraphs),
        "keywords": list(a.keywords),
        "similar": list(a.similar),
        "related_headlines": list(a.related_headlines),
        "boilerplate": list(a.boilerplate),
        "read_also_titles": [r.title for r in a.read_also],
    }


def parse_batches(batches: Iterator[Any]) -> Iterator[Any]:
    """The function for ``df.mapInPandas(parse_batches, schema=SCHEMA)``.

    Takes pandas DataFrames with ``id`` and ``text`` columns, yields DataFrames of ``SCHEMA``.
    """
    import pandas as pd

    columns = [c.split()[0] for c in SCHEMA.split(", ")]
    for batch in batches:
        rows = [article_row(i, t) for i, t in zip(batch["id"], batch["text"], strict=True)]
        yield pd.DataFrame(rows, columns=columns)


# --8<-- [end:recipe]


def main() -> int:
    try:
        import pandas as pd
    except ImportError:
        print("pandas is not installed: pip install 'arnews[dask]' (or pandas) to run this recipe.")
        return 0
    paths = sorted(PAGES.glob("*.txt"))
    corpus = pd.DataFrame(
        {"id": [p.name for p in paths], "text": [p.read_text(encoding="utf-8") for p in paths]}
    )
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        print("pyspark is not installed: running parse_batches on a pandas DataFrame instead,")
        print("as df.mapInPandas(parse_batches, schema=SCHEMA) would on each Arrow batch.\n")
        out = pd.concat(parse_batches(iter([corpus.iloc[:2], corpus.iloc[2:]])))
    else:
        spark = SparkSession.builder.master("local[2]").appName("arnews").getOrCreate()
        try:
            df = spark.createDataFrame(corpus)
            out = df.mapInPandas(parse_batches, schema=SCHEMA).toPandas()
        finally:
            spark.stop()
    out["paragraphs"] = out["paragraphs"].map(len)
    shown = out[["id", "source", "dateline_place", "keywords", "paragraphs"]].fillna("")
    print(shown.to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
