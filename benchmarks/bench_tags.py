"""Keyword F1 and speed of the tag segmenter on the spec seeds.

For every article of every seed (main article and each ``read_also`` article) that has gold
keywords, the tag line is taken from the seed's ``.txt`` (the text after ``كلمات دلالية:`` for
the main article, after ``طباعة شارك`` for embedded ones, in order), the context is the gold
``title`` and ``paragraphs``, and the deduplicated (first-seen, folded) tags are compared with
the gold ``keywords`` as sets of folded strings.

Two figures: with the shipped gazetteer alone, and with a ``TagLexicon`` learned
leave-one-out from the other seeds' pages (never from the scored document's own page).

Run from the project root::

    PYTHONPATH=src .venv/bin/python benchmarks/bench_tags.py [SEEDS_DIR]
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

import regex

from arnews.normalize import fold
from arnews.tags import TagLexicon, segment_tags

DEFAULT_SEEDS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "spec"
FALLBACK_SEEDS = Path("/work/shared/spec/seeds")
_MAIN = regex.compile(r"^[^\S\n]*(?:ال)?كلمات[^\S\n]+(?:ال)?(?:دلاليه|مفتاحيه)[^\S\n]*:?")
_EMBEDDED = regex.compile(r"^[^\S\n]*طباعه[^\S\n]+شارك")


def tag_lines(text: str) -> tuple[list[str], list[str]]:
    """The main and the embedded tag lines of a page, as written (not folded)."""
    main: list[str] = []
    embedded: list[str] = []
    for raw in text.splitlines():
        folded = fold(raw)
        for pattern, bucket in ((_MAIN, main), (_EMBEDDED, embedded)):
            m = pattern.match(folded)
            if m:
                # The folded prefix may be shorter than the raw one (diacritics); cut the raw
                # line after the same number of words instead.
                words = len(m.group().split())
                bucket.append(raw.split(None, words)[words] if len(raw.split()) > words else "")
    return main, embedded


def cases(seed_dir: Path) -> list[tuple[str, str, str, list[str]]]:
    """(seed name, tag line, context, gold keywords) for every scored article."""
    out: list[tuple[str, str, str, list[str]]] = []
    for txt in sorted(seed_dir.glob("*.txt")):
        gold = json.loads(txt.with_suffix(".json").read_text("utf-8"))
        main, embedded = tag_lines(txt.read_text("utf-8"))
        articles = [(gold, main)] + [(ra, embedded) for ra in gold.get("read_also", [])]
        cursor = {id(main): 0, id(embedded): 0}
        for article, bucket in articles:
            keywords = article.get("keywords") or []
            if not keywords:
                continue
            idx = cursor[id(bucket)]
            cursor[id(bucket)] += 1
            line = bucket[idx] if idx < len(bucket) else ""
            context = "\n".join([article.get("title") or "", *article.get("paragraphs", [])])
            out.append((txt.stem, line, context, keywords))
    return out


def tags(line: str, context: str, lexicon: TagLexicon | None) -> list[str]:
    seen: dict[str, str] = {}
    for s, e in segment_tags(line, context=context, lexicon=lexicon):
        seen.setdefault(fold(line[s:e]), line[s:e])
    return list(seen)


def f1(pred: list[str], gold: list[str]) -> float:
    p, g = set(pred), {fold(k) for k in gold}
    if not p and not g:
        return 1.0
    tp = len(p & g)
    return 0.0 if tp == 0 else 2 * tp / (len(p) + len(g))


def main() -> None:
    seed_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SEEDS
    if not seed_dir.is_dir():
        seed_dir = FALLBACK_SEEDS
    data = cases(seed_dir)
    pages = {p.stem: p.read_text("utf-8") for p in sorted(seed_dir.glob("*.txt"))}

    default_scores: list[float] = []
    loo_scores: list[float] = []
    for name, line, context, gold in data:
        lexicon = TagLexicon.learn(text for stem, text in pages.items() if stem != name)
        pred = tags(line, context, None)
        pred_loo = tags(line, context, lexicon)
        default_scores.append(f1(pred, gold))
        loo_scores.append(f1(pred_loo, gold))
        gold_set = {fold(k) for k in gold}
        print(f"{name}  F1={default_scores[-1]:.3f}  loo={loo_scores[-1]:.3f}")
        for tag in pred:
            if tag not in gold_set:
                print(f"    extra:   {tag}")
        for tag in sorted(gold_set - set(pred)):
            print(f"    missing: {tag}")

    print()
    print(f"articles scored: {len(data)}")
    print(f"keyword F1, default data:                {sum(default_scores) / len(data):.3f}")
    print(f"keyword F1, leave-one-out TagLexicon:    {sum(loo_scores) / len(data):.3f}")

    # Speed: every seed line, with its context, many times over; the best of five rounds of
    # CPU time (the least disturbed on a busy machine). Warm: words analysed once in this
    # process are remembered (as in a corpus run, where tag words recur from page to page);
    # cold: that memory is emptied before every line.
    def per_line(cold: bool) -> float:
        best = float("inf")
        for _ in range(5):
            spent = 0.0
            for _ in range(40):
                for _, line, context, _ in data:
                    if cold:
                        _forget_words()
                    t0 = time.thread_time()
                    segment_tags(line, context=context)
                    spent += time.thread_time() - t0
            best = min(best, spent)
        return best / (40 * len(data)) * 1e6

    print(f"speed: {per_line(False):.0f} µs per tag line (with context)")
    print(f"speed: {per_line(True):.0f} µs per tag line (with context, no word seen before)")

    rng = random.Random(7)
    vocab = sorted({w for _, line, _, _ in data for w in line.split()})
    huge = " ".join(rng.choice(vocab) for _ in range(200_000))
    t0, c0 = time.perf_counter(), time.process_time()
    spans = segment_tags(huge)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"speed: {wall:.2f} s wall, {cpu:.2f} s CPU for a 200,000-word line ({len(spans)} tags)")


def _forget_words() -> None:
    """Empty the segmenter's memory of analysed words (a no-op where it has none)."""
    try:
        from arnews.tags.tokens import _MEMOS
    except ImportError:
        return
    _MEMOS.clear()


if __name__ == "__main__":
    main()
