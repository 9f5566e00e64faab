"""``arnews stats``: what a corpus contains, counted."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from typing import Any

from ..io.readers import Failure
from ..io.writers import (
    encode,
)
from .common import (
    check_paths,
    write_stdout,
)
from .driver import drive
from .records import SECTIONS, Summary, summarise
from .sites import SiteSummary, profiled_task


class Tally:
    """The counts behind ``arnews stats``."""

    def __init__(self) -> None:
        self.documents = 0
        self.paragraphs = 0
        self.errors: Counter[str] = Counter()
        self.sections: Counter[str] = Counter()
        self.sources: Counter[str] = Counter()
        self.tags: Counter[str] = Counter()
        self.warnings: Counter[str] = Counter()

    def add(self, summary: Summary) -> None:
        self.documents += 1
        self.paragraphs += summary.paragraphs
        self.sections.update(summary.present)
        if summary.source:
            self.sources[summary.source] += 1
        self.tags.update(summary.keywords)
        self.warnings.update(summary.codes)

    def add_error(self, failure: Failure) -> None:
        self.errors[failure.code] += 1

    def as_dict(self, top: int) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "paragraphs": self.paragraphs,
            "errors": dict(sorted(self.errors.items())),
            "sections": {name: self.sections[name] for name in SECTIONS},
            "sources": [[s, n] for s, n in self.sources.most_common(top)],
            "distinct_sources": len(self.sources),
            "tags": [[t, n] for t, n in self.tags.most_common(top)],
            "distinct_tags": len(self.tags),
            "warnings": dict(self.warnings.most_common()),
        }

    def table(self, top: int) -> str:
        docs = self.documents
        lines = [
            f"{'documents':<20}{docs:>9,}",
            f"{'paragraphs':<20}{self.paragraphs:>9,}",
            f"{'errors':<20}{sum(self.errors.values()):>9,}",
        ]
        lines += [f"  {code:<18}{n:>9,}" for code, n in sorted(self.errors.items())]
        lines += ["", f"{'section':<20}{'docs':>9}{'share':>9}"]
        for name in SECTIONS:
            n = self.sections[name]
            lines.append(f"{name:<20}{n:>9,}{(n / docs if docs else 0):>9.1%}")

        def ranking(title: str, counter: Counter[str], limit: int | None) -> None:
            # Count first, name last: right-to-left names would scramble columns after them.
            lines.extend(["", f"{title} ({len(counter):,} distinct)", f"{'docs':>9}  name"])
            lines.extend(f"{n:>9,}  {name}" for name, n in counter.most_common(limit))
            if not counter:
                lines.append(f"{'-':>9}  (none)")

        ranking(f"top {top} sources", self.sources, top)
        ranking(f"top {top} tags", self.tags, top)
        ranking("documents with warnings, by code", self.warnings, None)
        return "\n".join(lines)


class SiteTally:
    """Per site: documents, how many had a profile, and what the profiles took out."""

    def __init__(self, tally: Tally) -> None:
        self.tally = tally
        self.documents: Counter[str] = Counter()
        self.profiled: Counter[str] = Counter()
        self.removed: dict[str, Counter[str]] = {}

    def add(self, item: SiteSummary) -> None:
        self.tally.add(item.summary)
        self.documents[item.site] += 1
        self.profiled[item.site] += item.profiled
        self.removed.setdefault(item.site, Counter()).update(item.removed)

    def as_dict(self, top: int) -> dict[str, Any]:
        return {
            site: {
                "documents": n,
                "with_profile": self.profiled[site],
                "lines_removed": sum(self.removed[site].values()),
                "top_removed": [[t, c] for t, c in self.removed[site].most_common(top)],
            }
            for site, n in sorted(self.documents.items())
        }

    def table(self, top: int) -> str:
        lines = [f"{'docs':>9}{'profiled':>9}{'removed':>9}  site (lines its profile removed)"]
        for site, record in self.as_dict(top).items():
            lines.append(
                f"{record['documents']:>9,}{record['with_profile']:>9,}"
                f"{record['lines_removed']:>9,}  {site or '(no site)'}"
            )
            lines.extend(f"{n:>27,}    {text}" for text, n in record["top_removed"])
        return "\n".join(lines)


def cmd_stats(args: argparse.Namespace) -> int:
    check_paths(args)
    tally = Tally()
    task = profiled_task(args, summarise, stats=True)
    sites = SiteTally(tally)
    # Errors are counted whatever the policy: a corpus report must not hide them.
    status = drive(args, "stats", tally.add if task is None else sites.add, tally.add_error, task)
    if args.json:
        record = tally.as_dict(args.top)
        if task is not None:
            record["sites"] = sites.as_dict(args.top)
        text = json.dumps(record, ensure_ascii=False, indent=2)
    else:
        text = tally.table(args.top) + ("" if task is None else "\n\n" + sites.table(args.top))
    write_stdout(encode(text + "\n"))
    return status
