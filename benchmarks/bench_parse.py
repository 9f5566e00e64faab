"""Throughput and linearity of :func:`arnews.parse`, against a naive one-pass baseline.

Prints Markdown tables (the source of ``docs/benchmarks/parse.md``):

1. docs/s and MB/s of ``parse`` on a realistic mixed corpus — the spec seeds varied in
   marker spelling, spacing and line ends, the example pages, and the real texts of
   ``../shared/corpus/other-formats/`` laid out as pages (skipped with a note if absent) —
   and of a naive baseline on the same corpus, with the ratio between them;
2. time per byte on 100 KB and 3 MB documents built by repeating realistic pages;
3. the hostile-input table of ``tests/test_hostile.py``: each family at 1 MB and 2 MB.

Every figure is the best of a few repeats (the least disturbed by other processes); this is
a script, never a timed test. Run from the repository root::

    python benchmarks/bench_parse.py            # all three tables (about two minutes)
    python benchmarks/bench_parse.py --quick    # fewer repeats, fewer hostile families

    python benchmarks/bench_parse.py --only-hostile read_also_chain tag_line
    python benchmarks/bench_parse.py --cpu ...  # CPU time of the thread (a busy machine)

Targets: within 4x of the baseline; time per byte growing less than 1.5x from 100 KB to
3 MB; every 1 MB hostile input under 0.5 s; 2 MB / 1 MB under 2.5.
"""

from __future__ import annotations

import argparse
import functools
import gc
import platform
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from arnews import Chain, Lexicon, Parser  # noqa: E402

SEEDS = sorted((ROOT / "tests" / "fixtures" / "spec").glob("*.txt"))
EXAMPLES = sorted((ROOT / "examples" / "pages").glob("*.txt"))
CORPUS = ROOT.parent / "shared" / "corpus" / "other-formats"
PARSER = Parser(max_chars=None)

# Spelling variants real pages use for the seeds' markers (see the spec README).
_VARIANTS = {
    "إقرأ أيضاً:": ("إقرأ أيضاً:", "اقرأ أيضا", "اقرأ أيضًا", "إقرأ ايضا :", "اقرأ ايضا:"),
    "المصدر:": ("المصدر:", "المصدر :", "المصدر : ", "مصدر الخبر:"),
    "كلمات دلالية:": ("كلمات دلالية:", "الكلمات الدلالية:", "كلمات دلالية :", "الوسوم:"),
    "مقالات مشابهة": ("مقالات مشابهة", "مقالات ذات صلة", "مواضيع ذات صلة"),
}


def _vary(text: str, rng: random.Random) -> str:
    for marker, spellings in _VARIANTS.items():
        text = text.replace(marker, rng.choice(spellings))
    if rng.random() < 0.3:
        text = text.replace(" ", "  ", 20)
    if rng.random() < 0.3:
        text = text.replace(" ", "\xa0", 10)
    return text.replace("\n", rng.choice(("\n", "\n", "\r\n", "\r")))


def realistic_corpus() -> tuple[list[str], str]:
    """The mixed corpus, and a note on what it holds."""
    rng = random.Random(42)
    seeds = [p.read_text(encoding="utf-8") for p in SEEDS]
    examples = [p.read_text(encoding="utf-8") for p in EXAMPLES]
    docs = [_vary(t, rng) for t in seeds for _ in range(8)] + examples * 4
    note = (
        f"{len(seeds)} spec seeds x 8 spelling/spacing/line-end variants, "
        f"{len(examples)} example pages x 4"
    )
    real = sorted(p for p in CORPUS.glob("*/*.txt") if p.name != "README.txt")
    if real:
        for path in real:
            body = path.read_text(encoding="utf-8")
            # Laid out as a page: the article, then the footer an aggregator adds.
            docs.append(f"{body}\n\nالمصدر: {path.parent.name}\n\nكلمات دلالية: أخبار محلية")
        note += f", {len(real)} real articles from {CORPUS.name}/ with a source footer"
    else:
        note += f" (no {CORPUS} here: the real-text part was skipped)"
    rng.shuffle(docs)
    return docs, note


# -- the naive baseline ------------------------------------------------------------------


def _naive_parser() -> Callable[[str], dict[str, list[str]]]:
    lexicon = Lexicon.default()
    groups = []
    for kind, phrases in lexicon.markers.items():
        alternatives = "|".join(regex.escape(p.rstrip("$")) for p in phrases if p.rstrip("$"))
        if alternatives:
            groups.append(f"(?P<{kind}>{alternatives})")
    marker = regex.compile(rf"[ \t\xa0]*(?:{'|'.join(groups)})", regex.IGNORECASE)

    def naive(text: str) -> dict[str, list[str]]:
        """Split lines, test each with one alternation of marker phrases, bucket lines."""
        buckets: dict[str, list[str]] = {"body": []}
        current = "body"
        for line in text.splitlines():
            stripped = line.strip()
            if not stripped:
                continue
            m = marker.match(stripped)
            if m is not None:
                current = m.lastgroup or "body"
                stripped = stripped[m.end() :].lstrip(" :")
                if not stripped:
                    continue
            buckets.setdefault(current, []).append(stripped)
        return buckets

    return naive


# -- timing ------------------------------------------------------------------------------


# Wall-clock time by default; ``--cpu`` switches to the calling thread's CPU time, which
# other work on a busy machine disturbs far less.
CLOCK: Callable[[], float] = time.perf_counter


def best_of(fn: Callable[[], object], repeats: int) -> float:
    """The fastest of ``repeats`` runs, in seconds (garbage collected before each)."""
    times = []
    for _ in range(repeats):
        gc.collect()
        started = CLOCK()
        fn()
        times.append(CLOCK() - started)
    return min(times)


def throughput(repeats: int) -> list[str]:
    docs, note = realistic_corpus()
    size = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    naive = _naive_parser()
    # The same parser without the tag segmenter, to show where the time goes.
    no_tags = Parser(detectors=Chain.default().disable("keywords"), max_chars=None)
    t_parse = best_of(lambda: [PARSER.parse(d) for d in docs], repeats)
    t_no_tags = best_of(lambda: [no_tags.parse(d) for d in docs], repeats)
    t_naive = best_of(lambda: [naive(d) for d in docs], repeats)
    n = len(docs)

    def row(label: str, t: float) -> str:
        return f"| {label} | {n / t:,.0f} | {size / t:.2f} | {t:.3f} s | {t / t_naive:.1f}x |"

    return [
        f"Corpus: {n} documents, {size:.2f} MB of UTF-8 ({note}).",
        "",
        "| parser | docs/s | MB/s | time | vs baseline (target < 4x) |",
        "| --- | ---: | ---: | ---: | ---: |",
        row("`arnews.parse`", t_parse),
        row("`arnews.parse`, `keywords` detector disabled", t_no_tags),
        row("naive baseline", t_naive),
    ]


def linearity(repeats: int) -> list[str]:
    pages = [p.read_text(encoding="utf-8") for p in (*SEEDS, *EXAMPLES)]
    unit = "\n\n".join(pages)
    rows = [
        "| document | chars | time | µs per KB |",
        "| --- | ---: | ---: | ---: |",
    ]
    per_kb = []
    for label, target in (("100 KB", 100_000), ("3 MB", 3_000_000)):
        text = (unit + "\n\n") * (target // len(unit) + 1)
        text = text[:target]
        seconds = best_of(functools.partial(PARSER.parse, text), repeats)
        per_kb.append(seconds / (len(text) / 1000) * 1e6)
        rows.append(f"| {label} | {len(text):,} | {seconds:.3f} s | {per_kb[-1]:.0f} |")
    rows.append(f"| **growth** | | | **{per_kb[1] / per_kb[0]:.2f}x** (target < 1.5x) |")
    return rows


def hostile(repeats: int, quick: bool, only: list[str] | None = None) -> list[str]:
    from tests.test_hostile import FAMILIES

    rows = [
        "| family | 1 MB | 2 MB | 2 MB / 1 MB |",
        "| --- | ---: | ---: | ---: |",
    ]
    names = list(FAMILIES)
    if only:
        names = [n for n in names if n in only]
    elif quick:
        names = names[::3]
    for name in names:
        build, _ = FAMILIES[name]
        one, two = build(1_000_000), build(2_000_000)
        t1 = best_of(functools.partial(PARSER.parse, one), repeats)
        if t1 < 0.1:
            # A few milliseconds are easily disturbed: more runs for a fair best.
            t1 = min(t1, best_of(functools.partial(PARSER.parse, one), 3 * repeats))
        t2 = best_of(functools.partial(PARSER.parse, two), repeats * (4 if t1 < 0.1 else 1))
        flag = "" if t1 < 0.5 else " ⚠"
        rows.append(f"| {name} | {t1:.3f} s{flag} | {t2:.3f} s | {t2 / t1:.2f} |")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats and families")
    parser.add_argument("--skip-hostile", action="store_true", help="only tables 1 and 2")
    parser.add_argument(
        "--only-hostile", nargs="+", metavar="FAMILY", help="only these hostile families"
    )
    parser.add_argument("--cpu", action="store_true", help="time CPU, not the wall clock")
    args = parser.parse_args(argv)
    if args.cpu:
        global CLOCK
        CLOCK = time.thread_time
    repeats = 2 if args.quick else 3
    print(f"Python {platform.python_version()} on {platform.machine()}, {platform.system()}")
    if args.only_hostile:
        print("\n".join(hostile(repeats, args.quick, args.only_hostile)), flush=True)
        return 0
    print("\n## Throughput on a realistic corpus\n")
    print("\n".join(throughput(repeats)), flush=True)
    print("\n## Time per byte, 100 KB vs 3 MB\n")
    print("\n".join(linearity(repeats)), flush=True)
    if not args.skip_hostile:
        print("\n## Hostile inputs\n")
        print("\n".join(hostile(repeats, args.quick)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
