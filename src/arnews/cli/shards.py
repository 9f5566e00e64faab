"""``arnews parse --output-dir DIR``: records in shards, a manifest, and ``--resume``.

Each shard ``DIR/part-00000.jsonl.gz`` … holds ``--shard-size`` records. It is written under a
temporary name (``.part-00000.jsonl.gz.XXXX.part``) and renamed into place when complete;
then ``DIR/manifest.json`` is rewritten (temporary file, rename) to list it with its records,
the documents its input range covers, the input positions where the range starts and ends,
its size in bytes and its SHA-256. A run stopped or killed at any point thus loses at most
the shard being written.

``--resume`` runs the same command again: the manifest's inputs and settings must be those
of the command (else it is a usage error); each shard the manifest lists whose file is
present with the recorded size and hash is kept, and only the rest is done again, reading
from the recorded input positions (:class:`arnews.io.units.Pos`): the documents of kept
shards are neither parsed nor, for JSON Lines, read again.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import hashlib
import json
import os
import sys
from collections.abc import Iterator
from typing import IO, Any

from .. import __version__
from ..io.readers import Failure
from ..io.units import Pos
from ..io.writers import (
    CsvWriter,
    JsonArrayWriter,
    JsonLinesWriter,
    Output,
    ParquetWriter,
    TextWriter,
    Writer,
    encode,
)
from .common import EXIT_OK, PROG, SIGNALS, Stopped, UsageError, WriteFailed, at_least_one, positive
from .driver import Plan, default_plan, drive, ignore
from .records import RENDERERS
from .sites import profiled_task

MANIFEST = "manifest.json"
#: The manifest's layout; a resumed run refuses a manifest of another version.
MANIFEST_VERSION = 1
#: ``--shard-size`` when none is given.
DEFAULT_SHARD_SIZE = 10_000
# Options that change the records, or which records go to which shard: a resumed run must
# give the same. (Options other commands' engineers add are read with getattr: absent is None.)
_SETTINGS = (
    "input_format",
    "glob",
    "text_field",
    "id_field",
    "follow_symlinks",
    "max_chars",
    "no_spans",
    "errors",
    "skip",
    "limit",
    "shard_size",
    "profiles",
    "site_from",
    "keep_fields",
    "lexicon",
    "tag_lexicon",
)
# gzip level 6 (zlib's default): nearly the size of level 9 at two to three times the speed;
# the main process compresses every shard.
_GZIP_LEVEL = 6


def shard_options(parser: argparse.ArgumentParser) -> None:
    """The options of sharded, resumable runs (``parse`` only)."""
    group = parser.add_argument_group("output folders and long runs")
    group.add_argument(
        "--output-dir",
        metavar="DIR",
        help="write the records in shards DIR/part-00000.jsonl.gz … (format from --format, "
        "default jsonl; gzip-compressed except parquet) and DIR/manifest.json",
    )
    group.add_argument(
        "--shard-size",
        type=at_least_one,
        default=None,
        metavar="N",
        help=f"records per shard (default {DEFAULT_SHARD_SIZE:,}; needs --output-dir)",
    )
    group.add_argument(
        "--resume",
        action="store_true",
        help="continue the run in --output-dir: keep its complete shards (listed in the "
        "manifest, with the recorded size and hash), redo the rest; the inputs and settings "
        "must be the same",
    )


def run_options(parser: argparse.ArgumentParser) -> None:
    """``--skip`` and ``--limit`` (parse, stats, learn)."""
    group = parser.add_argument_group("range")
    group.add_argument(
        "--skip",
        type=positive,
        default=0,
        metavar="N",
        help="pass over the first N documents without parsing them",
    )
    group.add_argument(
        "--limit",
        type=positive,
        default=None,
        metavar="N",
        help="stop after N documents (counted after --skip)",
    )


def shard_suffix(fmt: str) -> str:
    """The shards' file extension for an output format.

    Example:
        >>> shard_suffix("jsonl"), shard_suffix("parquet")
        ('.jsonl.gz', '.parquet')
    """
    return ".parquet" if fmt == "parquet" else f".{fmt}.gz"


def check_shard_options(args: argparse.Namespace) -> None:
    """Usage errors of the shard options, before anything is read or written."""
    if getattr(args, "output_dir", None) is None:
        if args.resume:
            raise UsageError("--resume continues a run in a folder: give it --output-dir DIR")
        if args.shard_size is not None:
            raise UsageError("--shard-size needs --output-dir DIR")
        return
    if args.output is not None:
        raise UsageError("give either -o OUT or --output-dir DIR, not both")
    if args.shard_size is None:
        args.shard_size = DEFAULT_SHARD_SIZE


def _inputs(paths: list[str]) -> list[dict[str, Any]]:
    """The inputs as the manifest records them: each path given, and a file's size."""
    described = []
    for given in paths:
        entry: dict[str, Any] = {"path": given}
        if given != "-" and os.path.isfile(given):
            entry["size"] = os.path.getsize(given)
        described.append(entry)
    return described


def _settings(args: argparse.Namespace, fmt: str) -> dict[str, Any]:
    settings: dict[str, Any] = {"format": fmt, "suffix": shard_suffix(fmt)}
    for name in _SETTINGS:
        value = getattr(args, name, None)
        settings[name] = list(value) if isinstance(value, tuple) else value
    read_back: dict[str, Any] = json.loads(json.dumps(settings, default=str))
    return read_back  # as the manifest gives it back


def _pos(value: Any) -> Pos:
    return Pos(*(int(v) for v in value))


def _digest(path: str) -> tuple[int, str]:
    sha = hashlib.sha256()
    size = 0
    with open(path, "rb") as stream:
        while block := stream.read(1 << 20):
            sha.update(block)
            size += len(block)
    return size, sha.hexdigest()


def _complete(folder: str, shard: dict[str, Any]) -> bool:
    path = os.path.join(folder, shard["file"])
    try:
        if os.path.getsize(path) != shard["bytes"]:
            return False
        return bool(_digest(path)[1] == shard["sha256"])
    except OSError:
        return False


def _remove_temporaries(folder: str) -> None:
    # Shards and manifests a killed run was writing: Output names them .NAME.XXXX.part.
    with os.scandir(folder) as listing:
        for entry in listing:
            if entry.name.startswith((".part-", f".{MANIFEST}.")) and entry.name.endswith(".part"):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


class Shards:
    """Writes records into shards, and the manifest after each; see the module docs.

    ``numbers`` gives each new shard its number and, for a shard done again, the input
    position its range starts at (``None``: where the shard before it ended).
    """

    def __init__(
        self,
        folder: str,
        fmt: str,
        args: argparse.Namespace,
        manifest: dict[str, Any],
        plan: Plan,
        numbers: Iterator[tuple[int, Pos | None]],
    ) -> None:
        self.folder = folder
        self.fmt = fmt
        self.args = args
        self.size = int(args.shard_size)
        self.manifest = manifest
        self.plan = plan
        self.numbers = numbers
        self.out: Output | None = None
        self.stream: gzip.GzipFile | None = None
        self.writer: Writer | None = None
        self.records = 0
        self.number = -1
        self.start = plan.position
        self.docs_before = 0  # plan.docs when the shard before this one closed
        self.last_end = plan.position

    # The driver's callbacks.

    def write(self, payload: Any) -> None:
        self._writer().write(payload)
        self._written()

    def write_error(self, failure: Failure) -> None:
        self._writer().write_error(failure)
        self._written()

    def _writer(self) -> Writer:
        if self.writer is None:
            self._open()
        assert self.writer is not None
        return self.writer

    def _written(self) -> None:
        self.records += 1
        if self.records >= self.size:
            self.close_shard()

    # Shards.

    def _name(self, number: int) -> str:
        return f"part-{number:05d}{shard_suffix(self.fmt)}"

    def _open(self) -> None:
        self.number, start = next(self.numbers)
        self.start = self.last_end if start is None else start
        path = os.path.join(self.folder, self._name(self.number))
        self.records = 0
        try:
            self.out = Output(path)
            record = self.args.errors == "record"
            if self.fmt == "parquet":
                self.stream = None
                self.writer = ParquetWriter(
                    self.out.path, spans=not self.args.no_spans, errors=record
                )
                return
            # mtime=0 and no file name in the header: a shard done again is the same bytes.
            self.stream = gzip.GzipFile(
                filename="", mode="wb", fileobj=self.out.stream, compresslevel=_GZIP_LEVEL, mtime=0
            )
            stream: IO[bytes] = self.stream  # type: ignore[assignment]  # GzipFile is one
            if self.fmt == "csv":
                self.writer = CsvWriter(stream, errors=record)
            elif self.fmt == "json":
                self.writer = JsonArrayWriter(stream)
            elif self.fmt == "txt":
                self.writer = TextWriter(stream)
            else:
                self.writer = JsonLinesWriter(stream)
        except OSError as exc:
            raise WriteFailed(path, exc) from exc

    def close_shard(self) -> None:
        """Complete the shard being written: rename it into place, list it in the manifest."""
        if self.writer is None or self.out is None:
            return
        name = self._name(self.number)
        SIGNALS.held += 1  # the shard and its line in the manifest, or neither
        try:
            try:
                self.writer.close()
                if self.stream is not None:
                    self.stream.close()
                self.out.commit()
                size, sha = _digest(os.path.join(self.folder, name))
            except OSError as exc:
                raise WriteFailed(os.path.join(self.folder, name), exc) from exc
            end = self.plan.position
            shard = {
                "file": name,
                "records": self.records,
                "docs": self.plan.docs - self.docs_before,
                "start": list(self.start),
                "end": list(end),
                "bytes": size,
                "sha256": sha,
            }
            shards = [s for s in self.manifest["shards"] if s["file"] != name]
            shards.append(shard)
            shards.sort(key=lambda s: s["file"])
            self.manifest["shards"] = shards
            self.docs_before = self.plan.docs
            self.last_end = end
            self.writer = None
            self.out = None
            write_manifest(self.folder, self.manifest)
        finally:
            SIGNALS.held -= 1

    def finish(self) -> None:
        """Close the last shard, and mark the run complete in the manifest."""
        self.close_shard()
        self.manifest["complete"] = True
        self.manifest["end"] = list(self.plan.position)
        write_manifest(self.folder, self.manifest)

    def discard(self) -> None:
        """Drop the shard being written (its temporary file): a stopped run."""
        if self.stream is not None:
            with contextlib.suppress(Exception):
                self.stream.close()
        if self.out is not None:
            self.out.discard()


def write_manifest(folder: str, manifest: dict[str, Any]) -> None:
    """Write ``manifest.json`` under a temporary name and rename it into place."""
    path = os.path.join(folder, MANIFEST)
    out = Output(path)
    try:
        out.stream.write(encode(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"))
        out.commit()
    except OSError as exc:
        raise WriteFailed(path, exc) from exc
    finally:
        out.discard()


def _resume_plan(
    args: argparse.Namespace, folder: str, old: dict[str, Any], fresh: dict[str, Any]
) -> tuple[Plan, Iterator[tuple[int, Pos | None]], dict[str, Any]] | None:
    """The plan that does again what ``old`` lacks, the shard numbers it writes, and the
    manifest it continues; ``None`` when every shard is there and the run was complete."""
    for key in ("manifest_version", "arnews", "inputs", "settings"):
        if old.get(key) == fresh[key]:
            continue
        there, now = old.get(key), fresh[key]
        if key == "settings" and isinstance(there, dict):
            names = sorted(n for n in set(there) | set(now) if there.get(n) != now.get(n))
            there = {n: there.get(n) for n in names}
            now = {n: now.get(n) for n in names}
        what = {"arnews": "arnews version", "manifest_version": "manifest version"}.get(key, key)
        raise UsageError(
            f"--resume: the {what} differ from those of the run in {folder} "
            f"({json.dumps(there, ensure_ascii=False)} there, "
            f"{json.dumps(now, ensure_ascii=False)} now): "
            "run with the same ones, or write to another folder"
        )
    shards = sorted(old.get("shards", []), key=lambda s: s["file"])
    kept = [_complete(folder, s) for s in shards]
    last = max((i for i, ok in enumerate(kept) if ok), default=-1)
    if last == len(shards) - 1 and old.get("complete"):
        return None
    segments: list[tuple[Pos, Pos | None]] = []
    numbers: list[tuple[int, Pos | None]] = []
    gap = 0
    for i in range(last):  # incomplete shards before a kept one: done again, alone
        if kept[i]:
            continue
        start = _pos(shards[i]["start"])
        if segments and segments[-1][1] == start:
            segments[-1] = (segments[-1][0], _pos(shards[i]["end"]))
        else:
            segments.append((start, _pos(shards[i]["end"])))
        numbers.append((int(shards[i]["file"][5:10]), start))
        gap += int(shards[i]["docs"])
    done = sum(int(s["docs"]) for s in shards[: last + 1])
    start = _pos(shards[last]["end"]) if last >= 0 else _pos(old["start"])
    segments.append((start, None))
    limit = None if args.limit is None else gap + max(args.limit - done, 0)
    first_new = last + 1

    def count() -> Iterator[tuple[int, Pos | None]]:
        yield from numbers
        number = first_new
        yield number, start
        while True:
            number += 1
            yield number, None

    manifest = dict(old)
    manifest["shards"] = [s for s, ok in zip(shards, kept, strict=True) if ok]
    manifest["complete"] = False
    manifest.pop("end", None)
    return Plan(segments, limit), count(), manifest


def cmd_sharded(args: argparse.Namespace, fmt: str) -> int:
    """``arnews parse --output-dir DIR``."""
    folder = args.output_dir
    for given in args.paths:
        if given != "-" and os.path.isdir(given):
            real = os.path.realpath(given).rstrip(os.sep) + os.sep
            if (os.path.realpath(folder) + os.sep).startswith(real):
                raise UsageError(
                    f"the output folder {folder} is inside the input folder {given}: "
                    "write it somewhere else"
                )
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot write {folder}: {exc.strerror or exc}") from exc
    fresh: dict[str, Any] = {
        "manifest_version": MANIFEST_VERSION,
        "arnews": __version__,
        "inputs": _inputs(args.paths),
        "settings": _settings(args, fmt),
    }
    manifest_path = os.path.join(folder, MANIFEST)
    old: dict[str, Any] | None = None
    if os.path.exists(manifest_path):
        if not args.resume:
            raise UsageError(
                f"{folder} holds a run already ({MANIFEST}): --resume continues it; "
                "or give an empty folder"
            )
        try:
            with open(manifest_path, encoding="utf-8") as stream:
                old = json.load(stream)
        except (OSError, ValueError) as exc:
            raise UsageError(f"--resume: cannot read {manifest_path}: {exc}") from exc
    elif any(name.startswith("part-") for name in os.listdir(folder)):
        raise UsageError(f"{folder} holds shards but no {MANIFEST}: give an empty folder")
    _remove_temporaries(folder)
    task = profiled_task(args, RENDERERS[fmt])
    if old is None:
        plan = default_plan(args)
        manifest = {**fresh, "start": list(plan.position), "shards": [], "complete": False}
        numbers: Iterator[tuple[int, Pos | None]] = ((n, None) for n in range(10**9))
    else:
        resumed = _resume_plan(args, folder, old, fresh)
        if resumed is None:
            if not args.quiet:
                print(f"{PROG}: {folder}: every shard is complete: nothing to do", file=sys.stderr)
            return EXIT_OK
        plan, numbers, manifest = resumed
    write_manifest(folder, manifest)
    shards = Shards(folder, fmt, args, manifest, plan, numbers)
    on_error = shards.write_error if args.errors == "record" else ignore
    try:
        status = drive(args, fmt, shards.write, on_error, task, plan)
        if args.errors == "fail" and status != EXIT_OK:
            # Stopped at a failure: the complete shards are kept, the one being written is
            # not, so that --resume gives the shards an unbroken run would.
            shards.discard()
        else:
            shards.finish()
    except (Stopped, Exception):
        shards.discard()
        raise
    return status
