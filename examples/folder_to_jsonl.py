"""Turn a folder of scraped pages into JSON Lines with ``parse_many``.

Run from the repository root (both arguments are optional)::

    python examples/folder_to_jsonl.py [FOLDER [OUT.jsonl]]

FOLDER defaults to ``examples/pages``; OUT to a file in a temporary folder. The pages are read
lazily and parsed on two processes, in order, so the same script handles a corpus of any size
(``arnews parse FOLDER -o OUT.jsonl`` does the same from the shell).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from arnews.batch import parse_many

PAGES = Path(__file__).resolve().parent / "pages"


# --8<-- [start:recipe]
def read_pages(paths: list[Path]) -> Iterator[str]:
    """Yield each page's text, one at a time: nothing waits in memory for the parser."""
    for path in paths:
        yield path.read_text(encoding="utf-8")


def folder_to_jsonl(folder: Path, out: Path, jobs: int = 2) -> int:
    """Write one JSON object a line, ``{"id": path, **article.to_dict(spans=False)}``."""
    paths = sorted(folder.rglob("*.txt"))
    with out.open("w", encoding="utf-8") as stream:
        for path, article in zip(paths, parse_many(read_pages(paths), jobs=jobs), strict=True):
            record = {"id": str(path.relative_to(folder)), **article.to_dict(spans=False)}
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(paths)


# --8<-- [end:recipe]


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else PAGES
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tmp) / "pages.jsonl"
        started = time.perf_counter()
        count = folder_to_jsonl(folder, out)
        seconds = time.perf_counter() - started
        print(
            f"{count} pages from {folder} -> {out} ({out.stat().st_size:,} bytes, {seconds:.2f} s)"
        )
        with out.open(encoding="utf-8") as stream:
            for line in stream:
                record = json.loads(line)
                print(
                    f"  {record['id']}: {len(record['paragraphs'])} paragraphs, "
                    f"source={record['source']!r}, read_also={len(record['read_also'])}"
                )


# The guard matters: parse_many's worker processes import this module again.
if __name__ == "__main__":
    main()
