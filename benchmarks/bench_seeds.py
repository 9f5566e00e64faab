"""Median time of ``arnews.parse`` per spec seed document (prints figures; asserts nothing).

Usage::

    python benchmarks/bench_seeds.py [--repeat 200]

Each seed is parsed ``--repeat`` times after a warm-up; the script prints every seed's median
and the median over the seeds, in milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import arnews

SEEDS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "spec"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--repeat", type=int, default=200)
    args = ap.parse_args()
    medians = []
    print("| seed | chars | median ms |\n| --- | ---: | ---: |")
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        arnews.parse(text)
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            arnews.parse(text)
            times.append(time.perf_counter() - started)
        median = statistics.median(times) * 1000
        medians.append(median)
        print(f"| {path.stem} | {len(text):,} | {median:.2f} |")
    print(f"| **median over the seeds** | | **{statistics.median(medians):.2f}** |")


if __name__ == "__main__":
    main()
