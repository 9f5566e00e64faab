"""Parse a Hugging Face ``datasets`` corpus with ``Dataset.map(batched=True)`` and
:mod:`arnews.integrations.hf`.

Run from the repository root::

    python examples/hf_datasets_recipe.py

``parse_batch`` is the function to map: it takes a batch of pages and returns the article's
columns (the command's JSON Lines record: its fields, then ``text``, the clean body, which
replaces the page). ``features`` gives their types. ``num_proc=2`` parses on two processes.

Without ``datasets`` (``pip install 'arnews[hf]'``), the script runs ``parse_batch`` on a
plain dict-of-lists batch, exactly as ``datasets`` would call it, and says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from arnews.integrations.hf import features, parse_batch

PAGES = Path(__file__).resolve().parent / "pages"


# --8<-- [start:recipe]
def parse_dataset(dataset: Any) -> Any:
    """Parse a ``datasets.Dataset`` whose ``text`` column holds the pages, on 2 processes."""
    return dataset.map(
        parse_batch,
        batched=True,
        num_proc=2,
        features=features(base=dataset.features),  # the input's columns, then arnews's
    )


# --8<-- [end:recipe]


def main() -> None:
    paths = sorted(PAGES.glob("*.txt"))
    batch = {"id": [p.name for p in paths], "text": [p.read_text(encoding="utf-8") for p in paths]}
    try:
        from datasets import Dataset
    except ImportError:
        print("datasets is not installed: running parse_batch on a dict-of-lists batch instead,")
        print("as dataset.map(parse_batch, batched=True) would.\n")
        columns = {**batch, **parse_batch(batch)}
    else:
        columns = parse_dataset(Dataset.from_dict(batch)).to_dict()
    for i, name in enumerate(columns["id"]):
        body = columns["text"][i]
        print(f"{name}: source={columns['source'][i]!r}, keywords={columns['keywords'][i]}")
        print(f"    {len(body):,} characters of clean body: {body[:60]}…")


if __name__ == "__main__":
    main()
