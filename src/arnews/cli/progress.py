"""The progress bar of a run on a terminal, drawn by ``tqdm``, and the input's size behind
its total and ETA.

Shown only when standard error is a terminal and ``-q`` is not given: a log file or a pipe
gets no carriage returns. The bar counts bytes of input, with a total and an ETA, when the
inputs are plain files whose sizes add up to what the run reads (text and JSON Lines files,
named or in folders); otherwise (standard input, compressed or Parquet files, FIFOs) it
counts documents and documents a second. The folders are measured in a background thread,
so that a crawl of a million files starts at once and gets its total when the count is in.

Example:
    >>> import io
    >>> bar = Progress(io.StringIO(), enabled=False)
    >>> bar.update(1, 1200)
    >>> bar.docs, bar.nbytes
    (1, 1200)
"""

from __future__ import annotations

import os
import stat
import sys
import threading
from collections.abc import MutableMapping, Sequence
from pathlib import Path
from typing import IO, Any

PROG = "arnews"

#: Bars on the screen now: while there is one, messages go through ``tqdm.write``.
_SHOWN: list[Any] = []

#: Inputs whose file size is not the bytes the run reads: compressed, or columnar.
PACKED_SUFFIXES = (".gz", ".bz2", ".xz", ".zst", ".parquet")


def say(line: str, stream: IO[str] | None = None) -> None:
    """Write one line of message to standard error (or ``stream``) without garbling a
    progress bar shown there: the bar is cleared, the line written and the bar drawn again.

    Example:
        >>> import io
        >>> out = io.StringIO()
        >>> say("arnews: error: a.txt: empty file", out)
        >>> out.getvalue()
        'arnews: error: a.txt: empty file\\n'
    """
    stream = stream if stream is not None else sys.stderr
    if _SHOWN:
        from tqdm import tqdm

        tqdm.write(line, file=stream)
    else:
        stream.write(line + "\n")
        stream.flush()


def _file_size(path: str) -> int | None:
    """The bytes a plain file gives the run, or ``None`` when they are not its size."""
    if path.lower().endswith(PACKED_SUFFIXES):
        return None
    try:
        info = os.stat(path)
    except OSError:
        return 0  # reported as an error in its turn; it adds nothing
    return info.st_size if stat.S_ISREG(info.st_mode) else None


def _folder_size(root: str, pattern: str) -> int | None:
    # The files a folder gives are matched as the readers match them: the last part of the
    # pattern against the name (a finer pattern only makes the total a little too large,
    # and the bar ends early).
    from fnmatch import fnmatch

    name_pattern = pattern.replace("\\", "/").rsplit("/", 1)[-1]
    total = 0
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                elif fnmatch(entry.name, name_pattern):
                    if entry.name.lower().endswith(PACKED_SUFFIXES):
                        return None
                    total += entry.stat().st_size
            except OSError:
                continue
    return total


def input_size(paths: Sequence[str], pattern: str | None, input_format: str) -> int | None:
    """The bytes the inputs hold, when that is what the run reads; ``None`` when unknown
    (standard input, a compressed or Parquet file, a FIFO).

    Example:
        >>> input_size(["examples/pages/league.txt"], None, "auto") > 0
        True
        >>> input_size(["-"], None, "auto") is None
        True
    """
    if pattern is None:
        pattern = "*.jsonl" if input_format == "jsonl" else "*.txt"
    total = 0
    for given in paths:
        if given == "-":
            return None
        size = _folder_size(given, pattern) if Path(given).is_dir() else _file_size(given)
        if size is None:
            return None
        total += size
    return total


def sized(paths: Sequence[str], pattern: str | None, input_format: str) -> bool:
    """Whether the bar can count bytes: no input is standard input or a packed file (a
    folder's files are only known once measured).

    Example:
        >>> sized(["examples/pages"], None, "auto"), sized(["dump.jsonl.gz"], None, "auto")
        (True, False)
    """
    for given in paths:
        if given == "-" or given.lower().endswith(PACKED_SUFFIXES):
            return False
        if not Path(given).is_dir() and _file_size(given) is None:
            return False
    return not (pattern or "").lower().endswith(PACKED_SUFFIXES)


def _columns(stream: IO[str]) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, ValueError, OSError):  # not a file, or not a terminal
        return 0


def _bar_class() -> Any:
    # tqdm is imported only where a bar is drawn: not in the worker processes, which import
    # this module with the task they are sent, nor in runs without a terminal.
    from tqdm import tqdm

    class Bar(tqdm):  # type: ignore[type-arg]
        """A bar in bytes that also shows the documents done."""

        docs = 0

        @property
        def format_dict(self) -> MutableMapping[str, Any]:
            values = super().format_dict
            values["postfix"] = f"{self.docs:,} docs"
            return values

    return tqdm, Bar


class Progress:
    """The run's progress on ``stream``: a ``tqdm`` bar when ``enabled``, else only counts.

    ``measure`` (paths, ``--glob``, ``--input-format``) lets the bar count bytes toward the
    inputs' total size, found in a background thread; without it, it counts documents.
    """

    def __init__(
        self,
        stream: IO[str],
        enabled: bool,
        measure: tuple[Sequence[str], str | None, str] | None = None,
    ) -> None:
        self.enabled = enabled
        self.docs = 0
        self.nbytes = 0
        self._total: int | None = None
        self._bar: Any = None
        self._bytes = False
        if not enabled:
            return
        common: dict[str, Any] = {
            "file": stream,
            "desc": PROG,
            # Follows the terminal's width as it is resized; a terminal that tells no width
            # (0 columns: some emulators, a bare pty) gets 80 rather than no bar at all.
            **({"dynamic_ncols": True} if _columns(stream) else {"ncols": 80, "nrows": 24}),
            "leave": False,  # the summary takes its place
            "mininterval": 0.25,
        }
        plain, in_bytes = _bar_class()
        self._bytes = measure is not None and sized(*measure)
        if measure is not None and self._bytes:
            self._bar = in_bytes(
                total=None, unit="B", unit_scale=True, unit_divisor=1000, smoothing=0.1, **common
            )
            threading.Thread(target=self._measure, args=measure, daemon=True).start()
        else:
            self._bar = plain(unit=" docs", unit_scale=False, **common)
        _SHOWN.append(self._bar)

    def _measure(self, paths: Sequence[str], pattern: str | None, input_format: str) -> None:
        # Only sets a number: the main thread draws (tqdm is not drawn from two threads).
        self._total = input_size(paths, pattern, input_format)

    def update(self, docs: int, nbytes: int) -> None:
        """Count ``docs`` documents done, of ``nbytes`` bytes of input."""
        self.docs += docs
        self.nbytes += nbytes
        bar = self._bar
        if bar is None:
            return
        if self._bytes:
            bar.docs = self.docs
            if self._total is not None and bar.total is None:
                bar.total = max(self._total, self.nbytes)
            bar.update(nbytes)
        else:
            bar.update(docs)

    def close(self) -> None:
        """Take the bar off the terminal."""
        if self._bar is not None:
            _SHOWN.remove(self._bar)
            self._bar.close()
            self._bar = None
