"""Parse a corpus with Dask: ``parse_bag`` and ``parse_dataframe`` on local processes.

Run from the repository root::

    python examples/dask_pipeline.py

Needs ``pip install 'arnews[dask]'``. The same code runs on a ``distributed`` cluster: only
the scheduler changes.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

PAGES = Path(__file__).resolve().parent / "pages"


def main() -> None:
    try:
        import dask
        import dask.bag as db
        import dask.dataframe as dd
        import pandas as pd
    except ImportError:
        print("dask is not installed: pip install 'arnews[dask]' to run this example.")
        return
    from arnews.integrations.dask import parse_bag, parse_dataframe

    paths = sorted(PAGES.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    # Parsing is CPU-bound Python: processes, not threads, use several cores.
    with (
        ProcessPoolExecutor(2) as pool,  # one pool for both computes: processes start once
        dask.config.set(scheduler="processes", pool=pool),
    ):
        bag = db.from_sequence(texts, npartitions=2)
        sources = parse_bag(bag, spans=False).pluck("source").frequencies()

        frame = pd.DataFrame({"page": [p.name for p in paths], "text": texts})
        parsed = parse_dataframe(dd.from_pandas(frame, npartitions=2))
        columns = parsed[["page", "source", "dateline_place", "keywords", "paragraphs"]]
        print("sources (parse_bag):", dict(sources.compute()))
        table = columns.compute()
    table["paragraphs"] = table["paragraphs"].map(len)
    print("parse_dataframe:")
    print(table.to_string(index=False))


# The processes scheduler imports this module again in its workers.
if __name__ == "__main__":
    main()
