"""Turn ``examples/pages/`` into a Parquet file, read it back, and print the corpus stats.

Run from the repository root::

    python examples/corpus_to_parquet.py

It calls the ``arnews`` command in-process (``arnews.cli.main``), exactly as the shell
commands ``arnews parse examples/pages -o pages.parquet`` and ``arnews stats examples/pages``
would. Parquet needs ``pip install 'arnews[parquet]'`` (pyarrow).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from arnews.cli import main as arnews

PAGES = Path(__file__).resolve().parent / "pages"


def main() -> int:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        print("pyarrow is not installed: pip install 'arnews[parquet]' to write Parquet.")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "pages.parquet"
        status = arnews(["parse", str(PAGES), "-o", str(out), "--quiet"])
        if status != 0:
            return status
        table = pq.read_table(out)
        print(f"{out.name}: {table.num_rows} rows, {out.stat().st_size:,} bytes")
        print("columns:", ", ".join(f"{f.name} ({f.type})" for f in table.schema)[:400], "…")
        for row in table.select(["id", "source", "keywords"]).to_pylist():
            print(f"  {Path(row['id']).name}: source={row['source']!r}, keywords={row['keywords']}")
    print()
    return arnews(["stats", str(PAGES), "--quiet"])


if __name__ == "__main__":
    sys.exit(main())
