"""Time arnews.dates: microseconds per call for each family of date forms, and overall.

Run from the repository root::

    PYTHONPATH=src python benchmarks/bench_dates.py
    python benchmarks/bench_dates.py --number 2000 --repeat 3

Each figure is the best of ``--repeat`` runs of ``--number`` calls per sample, divided by the
number of calls: the best run is the one least disturbed by the rest of the machine. Nothing
here asserts on time; the figures are for reading and for comparing two versions.
"""

from __future__ import annotations

import argparse
import functools
import platform
import sys
import timeit
from collections.abc import Callable
from datetime import datetime

from arnews.dates import parse_date, scan_date

NOW = datetime(2025, 6, 17, 12, 0)

# Each family: a few stamps as pages write them.
FAMILIES: dict[str, list[str]] = {
    "named, Egypt/Gulf": ["17 يونيو 2025", "3 أغسطس 2024", "1 ديسمبر 1999"],
    "named, Levant/Iraq": ["17 حزيران 2025", "3 تشرين الأول 2024", "1 كانون الثاني 1999"],
    "named, Algeria/Tunisia": ["17 جوان 2025", "3 أوت 2024", "1 جانفي 1999"],
    "named, Morocco": ["17 يونيو 2025", "3 غشت 2024", "1 دجنبر 1999"],
    "named + 12-hour time": ["17 يونيو 2025 - 12:27 م", "3 آب 2024، 9:05 صباحاً"],
    "full stamp": [
        "آخر تحديث: الثلاثاء، 17 يونيو 2025 - 12:27 م",
        "نشر بتاريخ: الأحد 3 تشرين الأول 2024 الساعة 21:05",
    ],
    "numeric": ["17/06/2025", "17-06-2025 12:27", "2025/06/17"],
    "ISO": ["2025-06-17", "2025-06-17T12:27:00", "2025-06-17T12:27:00+03:00"],
    "Arabic-Indic digits": ["١٧ يونيو ٢٠٢٥ - ١٢:٢٧ م", "١٧/٠٦/٢٠٢٥"],
    "Hijri": ["15 رمضان 1446 هـ", "1446 هـ", "15 رمضان 1446 هـ الموافق 15 مارس 2025"],
    "relative": ["منذ 3 ساعات", "منذ ساعتين", "أمس", "قبل 2 ساعة"],
    "not a date": ["بغداد/ شبكة أخبار العراق- أعلنت", "17 قتيلا في هجوم"],
}

STAMP_LINE = "آخر تحديث: 17 يونيو 2025 - 12:27 م بغداد/ شبكة أخبار العراق- أعلنت وزارة الصحة " * 4


def per_call(fn: Callable[[], object], number: int, repeat: int) -> float:
    """Best time of one call, in microseconds."""
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number * 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--number", type=int, default=5000, help="calls per timing run")
    parser.add_argument("--repeat", type=int, default=5, help="timing runs; the best is kept")
    args = parser.parse_args(argv)

    print(f"Python {platform.python_version()} on {platform.machine()}, {sys.platform}")
    print(f"{args.number} calls x {args.repeat} runs per sample, best run kept\n")
    print(f"{'parse_date: family':<28}{'µs/call':>9}   samples")
    totals: list[float] = []
    for family, samples in FAMILIES.items():
        times = [
            per_call(functools.partial(parse_date, s, now=NOW), args.number, args.repeat)
            for s in samples
        ]
        totals += times
        print(f"{family:<28}{sum(times) / len(times):>9.2f}   {len(samples)}")
    print(f"{'overall (mean of samples)':<28}{sum(totals) / len(totals):>9.2f}   {len(totals)}")

    print(f"\n{'scan_date':<28}{'µs/call':>9}")
    long_text = STAMP_LINE * 1000  # the window is bounded: cost must not grow with the text
    cases: dict[str, Callable[[], object]] = {
        "stamp at line start": lambda: scan_date(STAMP_LINE),
        "same, in a 300 KB text": lambda: scan_date(long_text, len(STAMP_LINE) * 500),
        "body word (early refusal)": lambda: scan_date(STAMP_LINE, STAMP_LINE.index("بغداد")),
    }
    for name, fn in cases.items():
        print(f"{name:<28}{per_call(fn, args.number, args.repeat):>9.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
