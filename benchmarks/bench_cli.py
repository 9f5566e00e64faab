"""Throughput and memory of the ``arnews`` command against in-process ``arnews.parse``.

Run from the repository root::

    python benchmarks/bench_cli.py                 # a 32 MB corpus, best of 3
    python benchmarks/bench_cli.py --mb 64 --rss-mb 1024

It writes a synthetic JSON Lines corpus (under a temporary folder, never the repository) made
from the spec seeds and the example pages, varied as real crawls vary: marker spellings, CRLF
line ends, NBSPs, body paragraphs shuffled. Then it measures, and prints as a Markdown table:

* in-process ``arnews.parse`` over the texts held in memory (and with ``to_dict`` +
  ``json.dumps``, the work the command adds per document);
* ``arnews parse corpus.jsonl --jobs 1`` and ``--jobs 2`` in a subprocess, JSON Lines out to
  ``/dev/null``: wall time, interpreter start included;
* the ratio of the ``--jobs 1`` speed to in-process ``parse`` (target ≥ 85%) and the
  ``--jobs 2`` speed-up over ``--jobs 1`` (target ≥ 1.8x; needs two idle cores), with the
  most the start-up leaves possible, and the same estimated from CPU seconds (steadier on
  a loaded machine); the CPU time of the command's main process alone (read from /proc);
* with ``--rss-mb N``, the peak memory of the command on an N MB JSON Lines input: the largest
  single process (``ru_maxrss``) and the whole process tree (main + workers, polled from
  ``/proc``) — target < 300 MB.

Each timing is the best of ``--repeat`` runs (default 3), the runs of different kinds
interleaved, so that a busy machine disturbs them alike; the load average is printed with the
figures. On a shared machine, ``--wait-idle SECONDS`` waits before each timed run for a second
in which the CPUs are 90% idle (Linux ``/proc/stat``), and says how many runs started so.
Prints figures only; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = sorted((ROOT / "tests" / "fixtures" / "spec").glob("*.txt")) + sorted(
    (ROOT / "examples" / "pages").glob("*.txt")
)
# Spellings real sites use for the same markers (see docs/guides/page-structure.md).
SPELLINGS = {
    "إقرأ أيضاً:": ["إقرأ أيضاً:", "اقرأ أيضا", "إقرأ ايضاً :", "اقرأ أيضًا:", "اقرأ ايضا:"],
    "اقرأ أيضا": ["اقرأ أيضا", "إقرأ أيضاً:", "اقرأ أيضًا"],
    "المصدر:": ["المصدر:", "المصدر :", "المصدر: "],
    "كلمات دلالية:": ["كلمات دلالية:", "الكلمات الدلالية:", "كلمات دلالية :"],
    "مقالات مشابهة": ["مقالات مشابهة", "مقالات ذات صلة"],
}
_SPELLING = re.compile("|".join(map(re.escape, sorted(SPELLINGS, key=len, reverse=True))))
_MARKER_START = re.compile(r"^(?:المصدر|إقرأ|اقرأ|كلمات|الكلمات|مقالات|•|آخر تحديث)")


def vary(text: str, rng: random.Random) -> str:
    """One realistic variant of a page."""
    text = _SPELLING.sub(lambda m: rng.choice(SPELLINGS[m.group()]), text)
    blocks = text.split("\n\n")
    # Shuffle the body: the blocks before the first marker line.
    body_end = next(
        (i for i, b in enumerate(blocks) if _MARKER_START.match(b.strip())), len(blocks)
    )
    if body_end > 2:
        body = blocks[1:body_end]  # the first block keeps its place: it holds any dateline
        rng.shuffle(body)
        blocks[1:body_end] = body
    text = "\n\n".join(blocks)
    if rng.random() < 0.3:
        text = text.replace(" ", "\xa0", rng.randint(1, 20))
    if rng.random() < 0.4:
        text = text.replace("\n", "\r\n")
    return text


def documents(target_bytes: int, seed: int = 0) -> Iterator[str]:
    """Yield varied pages until ``target_bytes`` of UTF-8 text have been made."""
    rng = random.Random(seed)
    templates = [p.read_text(encoding="utf-8") for p in TEMPLATES]
    made = 0
    while made < target_bytes:
        text = vary(rng.choice(templates), rng)
        made += len(text.encode("utf-8"))
        yield text


def write_corpus(path: Path, target_bytes: int) -> tuple[int, int]:
    """Write the JSON Lines corpus; return (documents, bytes of the file)."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for i, text in enumerate(documents(target_bytes)):
            out.write(json.dumps({"id": f"doc-{i:07d}", "text": text}, ensure_ascii=False))
            out.write("\n")
            count += 1
    return count, path.stat().st_size


def read_texts(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as stream:
        return [json.loads(line)["text"] for line in stream]


def _arnews() -> ModuleType:
    # Imported when needed, not at the top: the --child wrapper must not depend on it.
    import arnews

    return arnews


def time_in_process(texts: list[str], serialise: bool) -> tuple[float, float]:
    """Wall and CPU seconds of parsing ``texts`` here."""
    arnews = _arnews()
    started, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        article = arnews.parse(text)
        if serialise:
            json.dumps({"id": "x", **article.to_dict()}, ensure_ascii=False).encode("utf-8")
    return time.perf_counter() - started, time.process_time() - cpu


def _cpu_idle_share(seconds: float = 1.0) -> float:
    """The share of all CPUs' time that was idle over the next ``seconds`` (Linux)."""

    def sample() -> tuple[int, int]:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        return fields[3] + fields[4], sum(fields)  # idle + iowait, total

    idle0, total0 = sample()
    time.sleep(seconds)
    idle1, total1 = sample()
    return (idle1 - idle0) / max(total1 - total0, 1)


def wait_idle(timeout: float) -> bool:
    """Wait up to ``timeout`` seconds for a second in which the CPUs are 90% idle."""
    if timeout <= 0 or not Path("/proc/stat").exists():
        return False
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if _cpu_idle_share() >= 0.9:
            return True
    return False


def command(corpus: Path, jobs: int, output: str = os.devnull) -> list[str]:
    return [
        sys.executable,
        "-m",
        "arnews",
        "parse",
        str(corpus),
        "--jobs",
        str(jobs),
        "--quiet",
        "-o",
        output,
    ]


def _tree_rss_kib(root: int) -> int:
    """Resident memory of ``root`` and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        children = [c for c, p in parents.items() if p == pid]
        tree.update(children)
        frontier.extend(children)
    total = 0
    for pid in tree:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        match = re.search(r"VmRSS:\s+(\d+)", status)
        total += int(match.group(1)) if match else 0
    return total


def _own_cpu(pid: int) -> float:
    """CPU seconds of ``pid`` itself (not its children), from /proc: read once it has ended
    and before it is reaped. -1 where /proc is not there."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return -1.0
    # utime and stime: fields 14 and 15 of stat(5), here 11 and 12 after the name.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def child(argv: list[str], tree: bool) -> None:
    """Run one command (in a process of its own, so RUSAGE_CHILDREN covers this run only)
    and print: exit code, wall seconds, CPU seconds of all its processes, largest process's
    ru_maxrss (KiB), peak RSS of the whole process tree (KiB, polled from /proc every 0.2 s
    with ``tree``, else 0: the polling itself costs CPU that timed runs should not lose),
    and CPU seconds of the command's main process alone (-1 where unknown)."""
    if sys.platform == "linux":
        # A multiprocessing forkserver outlives the command's main process and is never
        # waited for; as a subreaper this process inherits it, reaps it, and so its workers'
        # CPU time and memory count in RUSAGE_CHILDREN.
        import ctypes

        pr_set_child_subreaper = 36
        ctypes.CDLL(None).prctl(pr_set_child_subreaper, 1, 0, 0, 0)
    started = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, cwd=ROOT)
    peak = 0
    if tree and sys.platform == "linux":
        while proc.poll() is None:
            peak = max(peak, _tree_rss_kib(proc.pid))
            time.sleep(0.2)
    main_cpu = -1.0
    if proc.returncode is None and hasattr(os, "waitid"):
        # Ended but not reaped: its own CPU time is still in /proc.
        os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOWAIT)
        main_cpu = _own_cpu(proc.pid)
    proc.wait()
    seconds = time.perf_counter() - started
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            break
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime
    print(proc.returncode, seconds, cpu, usage.ru_maxrss, peak, main_cpu)


class Timing(NamedTuple):
    """One command run."""

    seconds: float
    cpu: float
    maxrss_kib: int
    tree_kib: int
    main_cpu: float


def time_cli(
    corpus: Path,
    jobs: int,
    retries: int = 1,
    src: str | None = None,
    *,
    tree: bool = False,
    output: str = os.devnull,
) -> Timing:
    """Wall seconds, CPU seconds, largest process RSS and whole-tree peak RSS (KiB, with
    ``tree``) and the main process's CPU seconds of one command run (of the arnews in the
    source folder ``src``, when given), writing ``output``. A failed run is tried again
    once, 20 s later: in a shared working tree, ``import arnews`` can fail for a moment
    while someone is saving a file."""
    env = None
    if src is not None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    wrapper = [sys.executable, __file__, "--child-tree" if tree else "--child"]
    done = subprocess.run(
        [*wrapper, *command(corpus, jobs, output)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env=env,
    )
    fields = done.stdout.split()
    if done.returncode != 0 or len(fields) != 6 or fields[0] != "0":
        if retries > 0:
            time.sleep(20)
            return time_cli(corpus, jobs, retries - 1, src, tree=tree, output=output)
        raise RuntimeError(f"the arnews run failed: {done.stdout}{done.stderr}")
    _, seconds, cpu, maxrss, peak, main_cpu = fields
    return Timing(float(seconds), float(cpu), int(maxrss), int(peak), float(main_cpu))


def main() -> None:
    if sys.argv[1:2] in (["--child"], ["--child-tree"]):
        child(sys.argv[2:], tree=sys.argv[1] == "--child-tree")
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=32, help="size of the timing corpus (32 MB)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per timing; the best counts (3)")
    ap.add_argument(
        "--wait-idle",
        type=float,
        default=0,
        metavar="SECONDS",
        help="before each timed run, wait up to this long for idle CPUs (0: do not wait)",
    )
    ap.add_argument("--rss-mb", type=float, default=0, help="size of the memory run (0: skip)")
    ap.add_argument(
        "--rss-jobs", type=int, nargs="+", default=[2, 1], help="--jobs of the memory runs (2 1)"
    )
    ap.add_argument("--tmp", default=None, help="where to write the corpora (default: $TMPDIR)")
    ap.add_argument(
        "--jobs",
        type=int,
        nargs="+",
        default=[1, 2],
        metavar="N",
        help="--jobs values timed (1 2); more values print a scaling table",
    )
    ap.add_argument(
        "--baseline",
        metavar="SRC",
        help="also time the command of another revision, whose src/ folder is SRC (e.g. from "
        "`git archive main | tar -x -C /tmp/base`), its runs interleaved with these",
    )
    ap.add_argument(
        "--cli-only", action="store_true", help="time the command only (no in-process runs)"
    )
    ap.add_argument(
        "--output-ext",
        default=None,
        metavar="EXT",
        help="write each timed run's records to a temporary file of this extension (e.g. "
        ".jsonl.gz: the main process compresses) instead of /dev/null",
    )
    args = ap.parse_args()
    if 1 not in args.jobs:
        args.jobs.insert(0, 1)

    with tempfile.TemporaryDirectory(dir=args.tmp, prefix="arnews-bench-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        docs, size = write_corpus(corpus, int(args.mb * 1e6))
        texts = read_texts(corpus)
        text_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        arnews = _arnews()
        arnews.parse(texts[0])  # compile the patterns before timing

        tiny = corpus.with_name("one.jsonl")
        tiny.write_text(json.dumps({"id": 0, "text": "خبر."}) + "\n", encoding="utf-8")
        output = str(Path(tmp) / f"out{args.output_ext}") if args.output_ext else os.devnull
        wall: dict[str, float] = {}
        cpu: dict[str, float] = {}
        main_cpu: dict[str, float] = {}
        maxrss: dict[int, int] = {}

        def keep(name: str, seconds: float, cpu_seconds: float, main: float = -1) -> None:
            if seconds < wall.get(name, float("inf")):
                wall[name], cpu[name], main_cpu[name] = seconds, cpu_seconds, main

        idle_starts = timed = 0
        builds = [("", None)] + ([("base ", args.baseline)] if args.baseline else [])
        for _ in range(args.repeat):
            if not args.cli_only:
                idle_starts += wait_idle(args.wait_idle)
                keep("parse", *time_in_process(texts, serialise=False))
                idle_starts += wait_idle(args.wait_idle)
                keep("serialise", *time_in_process(texts, serialise=True))
                timed += 2
            keep("startup", *time_cli(tiny, 1)[:2])
            for jobs in args.jobs:
                for tag, src in builds:
                    idle_starts += wait_idle(args.wait_idle)
                    timed += 1
                    run = time_cli(corpus, jobs, src=src, output=output)
                    keep(f"{tag}j{jobs}", run.seconds, run.cpu, run.main_cpu)
                    if not tag:
                        maxrss[jobs] = max(maxrss.get(jobs, 0), run.maxrss_kib)
        del texts
        rows = (
            []
            if args.cli_only
            else [
                ("in-process `parse`", "parse"),
                ("in-process `parse` + `to_dict` + `json.dumps`", "serialise"),
            ]
        )
        for jobs in args.jobs:
            for tag, _ in builds:
                label = f"CLI `--jobs {jobs}` (JSONL → JSONL)"
                rows.append((f"{tag and 'baseline '}{label}", f"{tag}j{jobs}"))

        print(f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, ", end="")
        print(f"{platform.system()} {platform.machine()}; arnews {arnews.__version__}")
        print(f"corpus: {docs:,} documents, {text_mb:.1f} MB of text, {size / 1e6:.1f} MB JSONL")
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        print(f"best of {args.repeat} runs each; load average after the runs: {load}")
        if args.wait_idle:
            print(f"{idle_starts} of {timed} timed runs started on idle CPUs")
        print()
        if args.output_ext:
            print(f"records written to a {args.output_ext} file")
        print("| run | wall s | docs/s | MB/s (text) | CPU s (all processes) | CPU s (main) |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        for label, name in rows:
            seconds = wall[name]
            own = f"{main_cpu[name]:.2f}" if main_cpu.get(name, -1) >= 0 else ""
            print(
                f"| {label} | {seconds:.2f} | {docs / seconds:,.0f} | {text_mb / seconds:.2f} "
                f"| {cpu[name]:.2f} | {own} |"
            )
        print()
        print(f"- CLI start-up (one tiny document): {wall['startup']:.2f} s")
        if not args.cli_only:
            ratio = wall["parse"] / wall["j1"]
            print(f"- CLI `--jobs 1` speed / in-process `parse` speed: {ratio:.0%}")
            print(f"  - by CPU time: {cpu['parse'] / cpu['j1']:.0%}")
            if wall["j1"] > 3 * wall["startup"]:  # on a tiny input the difference means nothing
                steady = wall["parse"] / (wall["j1"] - wall["startup"])
                print(f"  - by wall time less the start-up: {steady:.0%}")
        for tag, _ in builds:
            for jobs in args.jobs[1:]:
                speedup = wall[f"{tag}j1"] / wall[f"{tag}j{jobs}"]
                print(f"- {tag}`--jobs {jobs}` speed-up over `--jobs 1`: {speedup:.2f}x")
                # What the start-up leaves possible: it is paid once, before any parsing,
                # whatever --jobs is; the rest divides at best by the processes.
                single = wall[f"{tag}j1"]
                bound = single / (wall["startup"] + (single - wall["startup"]) / jobs)
                # The same from CPU seconds, steadier on a loaded machine: the speed-up idle
                # cores would give, were the start-up serial and the rest evenly shared.
                serial = cpu["startup"]
                by_cpu = cpu[f"{tag}j1"] / (serial + (cpu[f"{tag}j{jobs}"] - serial) / jobs)
                print(
                    f"  - at most {bound:.2f}x with a start-up of {wall['startup']:.2f} s; "
                    f"{by_cpu:.2f}x from the CPU seconds (`--jobs 1` CPU / (start-up CPU "
                    f"+ the rest of `--jobs {jobs}` CPU / {jobs}))"
                )
        if args.baseline:
            print(f"- `--jobs 1` time / baseline's: {wall['j1'] / wall['base j1']:.2f}")
        print("- largest process (ru_maxrss): ", end="")
        print(", ".join(f"{maxrss[j] / 1024:.0f} MB at --jobs {j}" for j in args.jobs), end="")
        print(f" (on the {size / 1e6:.0f} MB input)")
        if len(args.jobs) > 2:
            print()
            print("| `--jobs` | wall s | docs/s | speed-up over `--jobs 1` | per process |")
            print("| ---: | ---: | ---: | ---: | ---: |")
            for jobs in args.jobs:
                seconds = wall[f"j{jobs}"]
                speedup = wall["j1"] / seconds
                print(
                    f"| {jobs} | {seconds:.2f} | {docs / seconds:,.0f} | {speedup:.2f}x "
                    f"| {speedup / jobs:.0%} |"
                )

        if args.rss_mb:
            corpus.unlink()
            big = Path(tmp) / "big.jsonl"
            started = time.perf_counter()
            big_docs, big_size = write_corpus(big, int(args.rss_mb * 1e6))
            made_s = time.perf_counter() - started
            print(f"\nmemory run: {big_docs:,} documents, {big_size / 1e6:,.0f} MB JSONL ", end="")
            print(f"(written in {made_s:.0f} s)")
            for jobs in args.rss_jobs:
                seconds, _, largest, tree, _ = time_cli(big, jobs, tree=True)
                print(
                    f"- `--jobs {jobs}`: {seconds:.1f} s ({big_size / 1e6 / seconds:.1f} MB/s "
                    f"JSONL), largest process {largest / 1024:.0f} MB, whole process tree "
                    f"{tree / 1024:.0f} MB at its peak"
                )


if __name__ == "__main__":
    main()
