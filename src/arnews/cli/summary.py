"""What a run did, told at its end: documents in, records out, errors by kind, time and
speed, as a short block on standard error and, with ``--summary-json FILE``, as JSON.

Error messages go to standard error as they happen, but only the first
:data:`SHOWN_PER_CODE` of each kind: a corpus with a million undecodable lines must not bury
the terminal (or fill a disk with a log). The rest are counted, and told at the end in one
line per kind (``arnews: … and 9,980 more not_utf8 errors``); ``--errors record`` still
writes every error record.

Example:
    >>> import io
    >>> summary = RunSummary("parse", stream=io.StringIO())
    >>> summary.done(1, 2048)
    >>> summary.as_dict(0)["documents"]
    1
"""

from __future__ import annotations

import json
import time
from collections import Counter
from typing import IO, Any

from ..io.readers import Failure
from ..io.writers import Output, encode
from .progress import PROG, say

#: Messages shown of each error code before the rest are only counted.
SHOWN_PER_CODE = 20


class RunSummary:
    """The counts of one run of ``parse``, ``stats`` or ``learn``.

    ``records_for_errors``: each failure is also a record of the output (``--errors
    record``).
    """

    def __init__(
        self,
        command: str,
        *,
        records_for_errors: bool = False,
        stream: IO[str] | None = None,
    ) -> None:
        self.command = command
        self.records_for_errors = records_for_errors
        self.stream = stream
        self.started = time.monotonic()
        self.finished: float | None = None
        self.parsed = 0
        self.nbytes = 0
        self.errors: Counter[str] = Counter()
        self.stopped: str | None = None

    # -- counting ---------------------------------------------------------------------------

    def done(self, docs: int, nbytes: int) -> None:
        """Count ``docs`` documents parsed, of ``nbytes`` bytes of input."""
        self.parsed += docs
        self.nbytes += nbytes

    def failed(self, failure: Failure) -> None:
        """Count ``failure``, and show its message unless its kind was shown often enough."""
        self.errors[failure.code] += 1
        if self.errors[failure.code] <= SHOWN_PER_CODE:
            say(failure.line(), self.stream)

    def finish(self) -> None:
        """Stop the clock (the first call counts)."""
        if self.finished is None:
            self.finished = time.monotonic()

    # -- telling ----------------------------------------------------------------------------

    @property
    def seconds(self) -> float:
        """Seconds from the start to :meth:`finish` (or to now)."""
        end = self.finished if self.finished is not None else time.monotonic()
        return end - self.started

    @property
    def documents(self) -> int:
        """Documents read: parsed, or failed."""
        return self.parsed + sum(self.errors.values())

    @property
    def records(self) -> int:
        """Records the run wrote (``parse``), or documents it counted (``stats``, ``learn``)."""
        return self.parsed + (sum(self.errors.values()) if self.records_for_errors else 0)

    def hidden(self) -> list[str]:
        """One line per error kind whose messages were not all shown.

        Example:
            >>> import io
            >>> summary = RunSummary("parse", stream=io.StringIO())
            >>> for n in range(25):
            ...     summary.failed(Failure(n, f"d.jsonl:{n}", "not_utf8", "not UTF-8"))
            >>> summary.hidden()
            ['arnews: … and 5 more not_utf8 errors']
        """
        return [
            f"{PROG}: … and {_count(n - SHOWN_PER_CODE, code + ' error', 'more ')}"
            for code, n in sorted(self.errors.items())
            if n > SHOWN_PER_CODE
        ]

    def as_dict(self, status: int) -> dict[str, Any]:
        """The summary as JSON-ready data (what ``--summary-json`` writes).

        Example:
            >>> summary = RunSummary("stats")
            >>> sorted(summary.as_dict(0))  # doctest: +NORMALIZE_WHITESPACE
            ['bytes', 'command', 'docs_per_second', 'documents', 'errors', 'errors_total',
             'exit_status', 'parsed', 'records', 'seconds', 'stopped']
        """
        seconds = self.seconds
        return {
            "command": self.command,
            "documents": self.documents,
            "parsed": self.parsed,
            "records": self.records,
            "errors_total": sum(self.errors.values()),
            "errors": dict(sorted(self.errors.items())),
            "bytes": self.nbytes,
            "seconds": round(seconds, 3),
            "docs_per_second": round(self.documents / seconds, 1) if seconds > 0 else 0.0,
            "exit_status": status,
            "stopped": self.stopped,
        }

    def block(self) -> list[str]:
        """The summary for people: two or three lines.

        Example:
            >>> summary = RunSummary("parse")
            >>> summary.done(3, 9000)
            >>> print("\\n".join(summary.block()))  # doctest: +ELLIPSIS
            arnews: 3 documents in, 3 records out, no errors
            arnews: ... s, ... docs/s, ... MB/s
        """
        record = self.as_dict(0)
        what = "record" if self.command == "parse" else "document"
        verb = "out" if self.command == "parse" else "counted"
        lines = [
            f"{PROG}: {_count(self.documents, 'document')} in, "
            f"{_count(self.records, what)} {verb}, "
        ]
        if self.errors:
            kinds = ", ".join(f"{n:,} {code}" for code, n in self.errors.most_common())
            lines[0] += f"{_count(record['errors_total'], 'error')} ({kinds})"
        else:
            lines[0] += "no errors"
        seconds = self.seconds
        rate = self.nbytes / seconds / 1e6 if seconds > 0 else 0.0
        lines.append(
            f"{PROG}: {_duration(seconds)}, {record['docs_per_second']:,.0f} docs/s, "
            f"{rate:,.1f} MB/s" + (f"; stopped by {self.stopped}" if self.stopped else "")
        )
        return lines

    def write_json(self, out: Output, status: int) -> None:
        """Write :meth:`as_dict` to ``out`` and commit it: the file appears whole, under its
        name, or not at all.

        Raises:
            OSError: it could not be written.
        """
        data = json.dumps(self.as_dict(status), ensure_ascii=False, indent=2) + "\n"
        out.stream.write(encode(data))
        out.commit()


def _count(n: int, noun: str, before: str = "") -> str:
    """``1 document``, ``2,001 documents``.

    Example:
        >>> _count(1, "document"), _count(2001, "not_utf8 error", "more ")
        ('1 document', '2,001 more not_utf8 errors')
    """
    return f"{n:,} {before}{noun}{'' if n == 1 else 's'}"


def _duration(seconds: float) -> str:
    """``0.42 s``, ``12.3 s``, ``4 min 05 s``, ``2 h 03 min``.

    Example:
        >>> _duration(0.4213), _duration(245), _duration(7380)
        ('0.42 s', '4 min 05 s', '2 h 03 min')
    """
    if seconds < 10:
        return f"{seconds:.2f} s"
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, secs = divmod(int(seconds), 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"
