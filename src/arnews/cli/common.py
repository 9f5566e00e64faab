"""Shared by every command: exit statuses, signals, usage and write errors, output files."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

from ..io.compression import MissingExtra, compression_of
from ..io.readers import check_glob, input_kind
from ..io.writers import (
    Output,
)

PROG = "arnews"

EXIT_OK, EXIT_DATA, EXIT_USAGE, EXIT_INTERRUPT, EXIT_PIPE = 0, 1, 2, 130, 141
#: The output could not be written (disk full, I/O error): ``EX_IOERR`` of ``sysexits.h``.
EXIT_WRITE = 74
#: Worker processes cannot start at all: ``EX_OSERR`` of ``sysexits.h``.
EXIT_WORKERS = 71
#: Stopped by a signal: 128 + its number (SIGHUP 129, SIGINT 130, SIGTERM 143).
EXIT_SIGNAL_BASE = 128


class UsageError(Exception):
    """A problem with the command line itself (exit status 2)."""


class Stopped(BaseException):
    """Raised in the main process when SIGINT, SIGTERM or SIGHUP arrives.

    A ``BaseException``, as ``KeyboardInterrupt`` is: no ``except Exception`` swallows it.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class Signals:
    """Turns SIGINT, SIGTERM and SIGHUP into :class:`Stopped`, once, outside held sections.

    While :attr:`held` is above 0 (a record being written: a half-written record would
    spoil the file), a signal is only noted; :meth:`check` raises it after. A second signal
    never raises again: the first one's clean-up is under way.
    """

    NAMES = ("SIGINT", "SIGTERM", "SIGHUP")

    def __init__(self) -> None:
        self.pending: int | None = None
        self.raised = False
        self.held = 0
        self.saved: dict[int, Any] = {}

    def reset(self) -> None:
        """Forget a signal of an earlier run (``main`` may be called many times in one
        process, as the tests do)."""
        self.pending = None
        self.raised = False
        self.held = 0

    def install(self) -> None:
        for name in self.NAMES:
            number = getattr(signal, name, None)
            if number is not None:
                self.saved[number] = signal.signal(number, self.handle)

    def restore(self) -> None:
        for number, handler in self.saved.items():
            signal.signal(number, handler)
        self.saved.clear()

    def handle(self, signum: int, frame: FrameType | None) -> None:
        if self.pending is None:
            self.pending = signum
        if self.held == 0:
            self.check()

    def check(self) -> None:
        if self.pending is not None and not self.raised:
            self.raised = True
            raise Stopped(self.pending)


#: The one instance: signal handlers are process-wide, so there is no second one.
SIGNALS = Signals()


class WriteFailed(Exception):
    """The output could not be written: one line on stderr, and ``status``."""

    def __init__(self, name: str, exc: OSError, status: int = EXIT_WRITE) -> None:
        super().__init__(f"cannot write {name}: {exc.strerror or exc}")
        self.status = status
        self.stdout = name == "standard output"


def guarded(out: Output, write: Callable[[Any], None]) -> Callable[[Any], None]:
    """``write``, with the errors of writing turned into :class:`WriteFailed`."""

    def guarded(value: Any) -> None:
        try:
            write(value)
        except BrokenPipeError as exc:
            if out.target is None:
                raise  # `| head`: quiet, as Unix tools are
            raise WriteFailed(out.name, exc, EXIT_PIPE) from exc
        except OSError as exc:
            raise WriteFailed(out.name, exc) from exc

    return guarded


def open_output(target: str | None, compression: str | None = None) -> Output:
    """The output, or a usage error naming it when its folder cannot be written to."""
    try:
        return Output(target, compression)
    except MissingExtra as exc:
        raise UsageError(f"cannot write {target}: {exc}") from exc
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from exc


def write_all(out: Output, data: bytes) -> None:
    out.stream.write(data)


def finish_output(out: Output) -> None:
    SIGNALS.held += 1
    try:
        out.commit()
    finally:
        SIGNALS.held -= 1


def silence_stdout() -> None:
    # The reader has gone; Python would still try to flush stdout at exit and complain.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def flush_stdout() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise WriteFailed("standard output", exc) from exc


def write_stdout(data: bytes) -> None:
    try:
        sys.stdout.buffer.write(data)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise WriteFailed("standard output", exc) from exc
    flush_stdout()


def check_extras(args: argparse.Namespace) -> None:
    """Refuse, with the extra to install, inputs named on the command line that need a
    package that is missing: ``.zst`` files (zstandard), Parquet (pyarrow)."""
    named = [p for p in args.paths if p != "-"]
    if any(compression_of(p) == ".zst" for p in named):
        try:
            import zstandard  # type: ignore[import-not-found,unused-ignore]  # noqa: F401
        except ImportError:
            raise UsageError(
                ".zst files need the zstandard package: pip install 'arnews[zstd]'"
            ) from None
    parquet = args.input_format == "parquet" or any(
        input_kind(p, args.input_format) == "parquet" for p in named
    )
    if parquet:
        try:
            import pyarrow.parquet  # type: ignore[import-untyped]  # noqa: F401
        except ImportError:
            raise UsageError(
                "reading Parquet needs pyarrow: pip install 'arnews[parquet]'"
            ) from None


def check_paths(args: argparse.Namespace) -> None:
    """Refuse, before anything is opened, a glob that leaves its folder and an output that
    would overwrite an input or land inside an input folder."""
    if args.glob is not None:
        problem = check_glob(args.glob)
        if problem:
            raise UsageError(f"--glob: {problem}")
    check_extras(args)
    target = getattr(args, "output", None)
    if target in (None, "-"):
        return
    out_real = os.path.realpath(target)
    for given in args.paths:
        if given == "-" or not os.path.exists(given):
            continue
        real = os.path.realpath(given)
        if os.path.isdir(given):
            if out_real.startswith(real.rstrip(os.sep) + os.sep):
                raise UsageError(
                    f"the output {target} is inside the input folder {given}: "
                    "write it somewhere else"
                )
        elif out_real == real or (os.path.exists(target) and os.path.samefile(target, given)):
            raise UsageError(f"the output {target} is the input {given}: it would be overwritten")


def positive(value: str) -> int:
    """An option's whole number, 0 or more (an ``argparse`` type)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {number}")
    return number


def at_least_one(value: str) -> int:
    """An option's whole number, 1 or more (an ``argparse`` type)."""
    number = positive(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {number}")
    return number
