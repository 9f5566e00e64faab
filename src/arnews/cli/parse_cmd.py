"""``arnews parse``: every input into one record each, in the chosen format."""

from __future__ import annotations

import argparse
import contextlib
from pathlib import Path

from ..io.compression import COMPRESSIONS, compression_of, strip_compression
from ..io.writers import (
    CsvWriter,
    JsonArrayWriter,
    JsonLinesWriter,
    Output,
    ParquetWriter,
    TextWriter,
    Writer,
)
from .common import (
    SIGNALS,
    Stopped,
    UsageError,
    WriteFailed,
    check_paths,
    guarded,
    open_output,
)
from .driver import drive, ignore
from .records import RENDERERS
from .shards import check_shard_options, cmd_sharded
from .sites import profiled_task

FORMATS = ("jsonl", "json", "csv", "parquet", "txt")
SUFFIX_FORMATS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".parquet": "parquet",
    ".txt": "txt",
}


#: What ``--parquet-compression`` takes (``none``: uncompressed).
PARQUET_COMPRESSIONS = ("snappy", "zstd", "gzip", "brotli", "lz4", "none")


def output_format(args: argparse.Namespace) -> tuple[str, str | None]:
    """The output's format and compression: ``--format``, else OUT's extension (a compression
    extension after it compresses), else JSON Lines. An extension arnews does not know is a
    usage error, not JSON Lines under a misleading name.

    Example:
        >>> output_format(argparse.Namespace(format=None, output="out.csv.xz"))
        ('csv', '.xz')
    """
    target = None if args.output in (None, "-") else str(args.output)
    compression = compression_of(target) if target else None
    if args.format:
        fmt = str(args.format)
    elif target is None:
        fmt = "jsonl"
    else:
        suffix = Path(strip_compression(Path(target).name)).suffix.lower()
        if suffix and suffix not in SUFFIX_FORMATS:
            known = ", ".join(SUFFIX_FORMATS)
            packed = ", ".join(COMPRESSIONS)
            raise UsageError(
                f"-o {target}: unknown extension {suffix!r}: name the file {known} (each but "
                f".parquet optionally followed by {packed}), or give --format"
            )
        fmt = SUFFIX_FORMATS.get(suffix, "jsonl")
    if fmt == "parquet" and compression:
        raise UsageError(
            f"-o {target}: Parquet compresses itself: write FILE.parquet and choose "
            "--parquet-compression"
        )
    return fmt, compression


def _make_writer(fmt: str, args: argparse.Namespace, out: Output) -> Writer:
    record = args.errors == "record"
    if fmt == "parquet":
        packing = getattr(args, "parquet_compression", "snappy")
        return ParquetWriter(out.path, spans=not args.no_spans, errors=record, compression=packing)
    if fmt == "csv":
        return CsvWriter(out.stream, errors=record)
    if fmt == "json":
        return JsonArrayWriter(out.stream)
    if fmt == "txt":
        return TextWriter(out.stream)
    return JsonLinesWriter(out.stream)


def _finish(writer: Writer, out: Output) -> None:
    # Ends the format (the array's bracket, Parquet's footer) and renames the file into
    # place, as one step that a signal does not cut in two.
    SIGNALS.held += 1
    try:
        writer.close()
        out.commit()
    finally:
        SIGNALS.held -= 1


def cmd_parse(args: argparse.Namespace) -> int:
    fmt, compression = output_format(args)
    check_paths(args)
    check_shard_options(args)
    if fmt == "parquet":
        if args.output in (None, "-") and args.output_dir is None:
            raise UsageError("--format parquet writes a file: give it with -o FILE.parquet")
        try:
            import pyarrow.parquet  # type: ignore[import-untyped]  # noqa: F401
        except ImportError as exc:
            raise UsageError(
                "--format parquet needs pyarrow: pip install 'arnews[parquet]'"
            ) from exc
    if args.output_dir is not None:
        return cmd_sharded(args, fmt)
    out = open_output(args.output, compression)
    try:
        try:
            writer = _make_writer(fmt, args, out)
        except OSError as exc:
            raise WriteFailed(out.name, exc) from exc
        on_error = guarded(out, writer.write_error) if args.errors == "record" else ignore
        try:
            task = profiled_task(args, RENDERERS[fmt])
            status = drive(args, fmt, guarded(out, writer.write), on_error, task)
        except Stopped:
            # What is complete is kept, in a valid file: the format is ended as at a normal
            # end (see docs/reliability.md). If that fails too, the file is discarded.
            with contextlib.suppress(Exception):
                _finish(writer, out)
            raise
        guarded(out, lambda _: _finish(writer, out))(None)
        SIGNALS.check()
        return status
    finally:
        out.discard()  # nothing left to do after a commit; removes the temporary file else
