#!/usr/bin/env python3
"""Print arnews's per-field scores on the real-page gold.

The gold is in ``tests/fixtures/real/`` (ANT pages: text and gold side by side) and
``tests/fixtures/real-other/`` (gold only; ``SOURCES.json`` names each text under
``../shared/corpus/other-formats/``, which is never copied into the project). The texts of the
second set are staged with their gold in a temporary folder, then ``../shared/tools/score.py``
scores each set and both together.

Usage, from the repository root::

    python scripts/score_real.py            # the table
    python scripts/score_real.py --show     # also each page's fields below 1
    python scripts/score_real.py --json     # one JSON object: {set: {"docs": n, "scores": {...}}}
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "fixtures" / "real"
REAL_OTHER = ROOT / "tests" / "fixtures" / "real-other"
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score.py"
OTHER_FORMATS = SHARED / "corpus" / "other-formats"


def stage_other(into: Path) -> int:
    """Copy each other-formats text beside its gold into ``into``; return how many pairs."""
    sources = json.loads((REAL_OTHER / "SOURCES.json").read_text(encoding="utf-8"))
    for name, rel in sources.items():
        shutil.copyfile(OTHER_FORMATS / rel, into / f"{name}.txt")
        shutil.copyfile(REAL_OTHER / f"{name}.json", into / f"{name}.json")
    return len(sources)


def score(dirs: list[Path], show: bool = False) -> dict[str, object]:
    """Run the shared scorer on ``dirs``; return its JSON result (and print ``--show`` lines)."""
    cmd = [sys.executable, str(SCORER), *map(str, dirs), "--json"]
    if show:
        cmd.append("--show")
    out = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=ROOT).stdout
    lines = out.strip().splitlines()
    for line in lines[:-1]:
        print(line)
    result: dict[str, object] = json.loads(lines[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--show", action="store_true", help="print each page's fields below 1")
    ap.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    args = ap.parse_args(argv)
    if not SCORER.exists():
        print(f"no scorer at {SCORER}: ../shared is not beside the repository", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        other = Path(tmp)
        stage_other(other)
        results = {
            "ant": score([REAL], args.show),
            "other-formats": score([other], args.show),
            "all": score([REAL, other]),
        }
    if args.json:
        print(json.dumps(results, ensure_ascii=False))
        return 0
    fields = list(results["all"]["scores"])  # type: ignore[call-overload]
    print(f"{'field':>18}  " + "  ".join(f"{k:>13}" for k in results))
    for f in fields:
        row = "  ".join(f"{r['scores'].get(f, float('nan')):>13.3f}" for r in results.values())  # type: ignore[attr-defined]
        print(f"{f:>18}  {row}")
    print(f"{'documents':>18}  " + "  ".join(f"{r['docs']:>13}" for r in results.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
