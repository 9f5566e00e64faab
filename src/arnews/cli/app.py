"""The entry point: pick the command, run it, turn every fault into one line and an exit
status."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Sequence

from ..pool import WorkersCannotStart, stop_helpers
from .common import (
    EXIT_PIPE,
    EXIT_SIGNAL_BASE,
    EXIT_USAGE,
    EXIT_WORKERS,
    PROG,
    SIGNALS,
    Stopped,
    UsageError,
    WriteFailed,
    flush_stdout,
    silence_stdout,
)
from .options import build_parser
from .sites import join_site_from

_COMMANDS = {"parse", "stats", "show", "learn", "examples"}
_TOP_LEVEL = {"-h", "--help", "--version"}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``arnews`` command with ``argv`` (default: ``sys.argv[1:]``); return its exit
    status. This is the ``arnews`` console script and ``python -m arnews``.

    Example:
        >>> main(["show", "examples/pages/no-such-page.txt"])
        1
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not args_list:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    if args_list[0] not in _COMMANDS and args_list[0] not in _TOP_LEVEL:
        args_list.insert(0, "parse")  # `arnews FILE...` is the first command arnews had
    args_list = join_site_from(args_list)
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else EXIT_USAGE
    SIGNALS.reset()
    if threading.current_thread() is threading.main_thread():
        SIGNALS.install()
    try:
        return _run(args)
    finally:
        SIGNALS.restore()


def _run(args: argparse.Namespace) -> int:
    try:
        try:
            status: int = args.run(args)
            flush_stdout()
            SIGNALS.check()
            return status
        except (Stopped, KeyboardInterrupt):
            raise
        except BaseException:
            # A signal that arrived while something else failed (a worker killed by the
            # same SIGHUP, say) is what the run ends with.
            SIGNALS.check()
            raise
    except UsageError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except WriteFailed as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        if exc.stdout:
            silence_stdout()
        return exc.status
    except BrokenPipeError:
        silence_stdout()
        return EXIT_PIPE
    except WorkersCannotStart as exc:
        print(f"{PROG}: error: {exc}; try --jobs 1", file=sys.stderr)
        return EXIT_WORKERS
    except (Stopped, KeyboardInterrupt) as exc:
        signum = exc.signum if isinstance(exc, Stopped) else signal.SIGINT
        name = signal.Signals(signum).name
        print(f"\n{PROG}: stopped by {name}", file=sys.stderr)
        stop_helpers()  # the forkserver and resource tracker end with the run, not after
        return EXIT_SIGNAL_BASE + signum
