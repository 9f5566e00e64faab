"""Parse passes over a benchmark corpus, for instruction counts under cachegrind.

Wall-clock and CPU figures on a shared machine move by 20-30% from one run to the next;
instruction counts do not. One pass costs the difference between two runs of this script
that differ only in ``--passes``::

    PYTHONHASHSEED=0 valgrind --tool=cachegrind --cache-sim=no \\
        --cachegrind-out-file=/dev/null .venv/bin/python benchmarks/parse_passes.py ant --passes 2
    # ... the same with --passes 1; read "I refs" from both and subtract.

``--unseen`` first parses the *other* corpus once, so that patterns are compiled and the
per-process memos are warm, but hold none of this corpus's lines: the count a corpus run of
new pages pays is then ``--passes 1 --unseen`` minus ``--passes 0 --unseen`` (with
``--passes 2`` minus ``--passes 1`` the counted pass re-reads this corpus's lines). Without
``--unseen``, ``--passes 2`` minus ``--passes 1`` is a repeated pass, which the memos answer
in part. The regex time limit (a wall-clock guard, which the 50-fold
slowdown of valgrind can trip) is lifted so that every pass does the same work.

Run from the project root::

    .venv/bin/python benchmarks/parse_passes.py real|ant [--passes N] [--unseen]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_parse

import arnews.text


def main() -> None:
    """Parse the chosen corpus ``--passes`` times, after the other corpus with ``--unseen``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", choices=["real", "ant"])
    parser.add_argument("--passes", type=int, default=1)
    parser.add_argument("--unseen", action="store_true")
    args = parser.parse_args()
    arnews.text.REGEX_TIMEOUT = 1e6
    corpora = {"real": bench_parse.realistic_corpus, "ant": bench_parse.ant_corpus}
    docs = corpora[args.corpus]()[0]
    parse = bench_parse.PARSER.parse
    if args.unseen:
        other = corpora["ant" if args.corpus == "real" else "real"]()[0]
        for doc in other:
            parse(doc)
    for _ in range(args.passes):
        for doc in docs:
            parse(doc)


if __name__ == "__main__":
    main()
