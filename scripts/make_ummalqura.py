#!/usr/bin/env python3
"""Write (or check) ``src/arnews/data/ummalqura.json``, the Umm al-Qura month table.

The Umm al-Qura calendar of Saudi Arabia is a published table, not a formula: each month has
29 or 30 days as the Saudi authorities fixed it. arnews ships the table as data (one string
of twelve month lengths per Hijri year, ``1`` for 30 days, ``0`` for 29, and the Gregorian
date of the first day) so that the library needs no dependency. This script derives the
table from the ``hijridate`` package (pure Python, MIT, the maintained successor of
``hijri-converter``; it transcribes the official tables for 1343-1500 AH, of which arnews
keeps 1365-1500), using its public API only, and cross-checks it against dates announced by
the Saudi authorities.

Usage (from the repository root)::

    pip install hijridate==2.6.0
    python scripts/make_ummalqura.py          # write the table
    python scripts/make_ummalqura.py --check  # compare the shipped table with hijridate
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, timedelta
from pathlib import Path

TABLE = Path(__file__).resolve().parent.parent / "src" / "arnews" / "data" / "ummalqura.json"
# hijridate reaches back to 1343 AH, but its tables up to 1364 AH (1945) hold months of 28
# and 31 days; news archives hardly reach that far, and years outside the table fall back to
# the tabular calendar.
FIRST_YEAR, LAST_YEAR = 1365, 1500

# Month starts announced by the Saudi authorities (Umm al-Qura), independent of hijridate.
ANCHORS = {
    (1445, 1, 1): date(2023, 7, 19),
    (1444, 10, 1): date(2023, 4, 21),
    (1446, 9, 1): date(2025, 3, 1),
    (1446, 12, 1): date(2025, 5, 28),
    (1440, 9, 1): date(2019, 5, 6),
    (1420, 1, 1): date(1999, 4, 17),
}


def build() -> dict[str, object]:
    from hijridate import Hijri  # a development tool only: arnews never imports it

    years: dict[str, str] = {}
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        lengths = [Hijri(year, month, 1).month_length() for month in range(1, 13)]
        if not set(lengths) <= {29, 30}:
            raise SystemExit(f"{year} AH has a month of neither 29 nor 30 days: {lengths}")
        years[str(year)] = "".join("1" if n == 30 else "0" for n in lengths)
    first = Hijri(FIRST_YEAR, 1, 1).to_gregorian()
    return {
        "_comment": (
            "Umm al-Qura calendar, one entry per Hijri year: twelve month lengths, Muharram "
            "first, 1 = 30 days, 0 = 29 days. first_day is the Gregorian date of 1 Muharram of "
            "first_year. Written by scripts/make_ummalqura.py; do not edit by hand."
        ),
        "first_year": FIRST_YEAR,
        "first_day": date(first.year, first.month, first.day).isoformat(),
        "years": years,
    }


def starts(table: dict[str, object]) -> dict[tuple[int, int], date]:
    """The Gregorian date of the first day of every month of ``table``."""
    day = date.fromisoformat(str(table["first_day"]))
    years = table["years"]
    assert isinstance(years, dict)
    out: dict[tuple[int, int], date] = {}
    for year in sorted(years, key=int):
        for month, bit in enumerate(years[year], start=1):
            out[int(year), month] = day
            day += timedelta(days=30 if bit == "1" else 29)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args()
    fresh = build()
    month_starts = starts(fresh)
    for (y, m, d), expected in ANCHORS.items():
        got = month_starts[y, m] + timedelta(days=d - 1)
        if got != expected:
            print(f"anchor {y}-{m}-{d}: table gives {got}, announced {expected}", file=sys.stderr)
            return 1
    if args.check:
        shipped = json.loads(TABLE.read_text(encoding="utf-8"))
        if shipped != fresh:
            print(f"{TABLE} differs from hijridate's table", file=sys.stderr)
            return 1
        print(f"{TABLE.name}: {len(month_starts)} months agree")
        return 0
    TABLE.write_text(json.dumps(fresh, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {TABLE} ({len(month_starts)} months)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
