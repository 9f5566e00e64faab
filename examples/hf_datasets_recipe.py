"""Parse a Hugging Face ``datasets`` corpus with ``Dataset.map(batched=True)``.

Run from the repository root::

    python examples/hf_datasets_recipe.py

``parse_batch`` below is the whole recipe: ``datasets`` hands it a batch as a dict of
columns (lists), and it returns the new columns. Add ``num_proc=N`` to ``map`` to parse on N
processes; ``arnews.parse`` pickles by reference, so that works as is.

Without ``datasets`` (it is not an arnews dependency), the script runs ``parse_batch`` on a
plain dict-of-lists batch, exactly as ``datasets`` would call it, and says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import arnews

PAGES = Path(__file__).resolve().parent / "pages"


# --8<-- [start:recipe]
def parse_batch(batch: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """The function for ``dataset.map(parse_batch, batched=True)``: adds the parsed columns.

    ``body`` is the clean text (paragraphs separated by a blank line), what a language-model
    corpus keeps; the rest is the contract, lists as lists.
    """
    articles = [arnews.parse(text or "") for text in batch["text"]]
    return {
        "body": [a.text for a in articles],
        "title": [a.title for a in articles],
        "source": [a.source for a in articles],
        "dateline_place": [a.dateline.place if a.dateline else None for a in articles],
        "keywords": [list(a.keywords) for a in articles],
        "similar": [list(a.similar) for a in articles],
        "boilerplate": [list(a.boilerplate) for a in articles],
        "read_also_titles": [[r.title for r in a.read_also] for a in articles],
    }


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
        dataset = Dataset.from_dict(batch).map(parse_batch, batched=True, batch_size=2)
        columns = dataset.to_dict()
    for i, name in enumerate(columns["id"]):
        body = columns["body"][i]
        print(f"{name}: source={columns['source'][i]!r}, keywords={columns['keywords'][i]}")
        print(f"    {len(body):,} characters of clean body: {body[:60]}…")


if __name__ == "__main__":
    main()
