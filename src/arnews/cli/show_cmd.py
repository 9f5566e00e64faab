"""``arnews show``: one page's parts with their spans, on a terminal or as an HTML page."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .. import term
from ..io.readers import Doc, Failure, decode, input_kind, read_inputs
from ..io.writers import (
    encode,
    id_text,
)
from ..parser import Parser
from ..render import render_html
from ..term import colour_wanted
from .common import (
    EXIT_DATA,
    EXIT_OK,
    UsageError,
    WriteFailed,
    open_output,
    write_stdout,
)


def cmd_show(args: argparse.Namespace) -> int:
    decoded = _show_document(args)
    if isinstance(decoded, Failure):
        print(decoded.line(), file=sys.stderr)
        return EXIT_DATA
    doc_id, text = decoded.id, decoded.text
    article = Parser(max_chars=args.max_chars or None).parse(text)
    if args.html:
        out = render_html(text, article, name=id_text(doc_id))
    else:
        # Under auto, a file is never coloured: only a terminal is.
        to_stdout = args.output in (None, "-")
        colour = args.color == "always" or (to_stdout and colour_wanted(args.color, sys.stdout))
        paragraphs = len(article.paragraphs)
        header = f"{id_text(doc_id)}: {len(text):,} characters, {paragraphs} paragraphs"
        out = "\n".join([header, "", *term.show_lines(text, article, colour=colour)]) + "\n"
    _show_write(args, encode(out))
    return EXIT_OK


def _show_document(args: argparse.Namespace) -> Doc | Failure:
    """The one document ``arnews show`` is asked for: a text file, standard input, or one
    record of a JSON Lines file (``FILE:LINE``, ``--id ID``, or its only record)."""
    path, line = args.file, None
    if path != "-" and not os.path.exists(path):
        head, sep, tail = path.rpartition(":")
        if sep and tail.isdigit() and (head == "-" or os.path.exists(head)):
            path, line = head, int(tail)
    if path != "-" and Path(path).is_dir():
        return Failure(path, path, "not_a_file", "is a folder: give one file")
    if line is not None and args.id is not None:
        raise UsageError("give a record as FILE:LINE or with --id, not both")
    fmt = args.input_format
    if line is not None or args.id is not None:
        if fmt == "text":
            raise UsageError(
                "FILE:LINE and --id pick a JSON Lines record: not with --input-format text"
            )
        if input_kind(path, fmt) != "parquet":  # FILE.parquet:ROW picks a row
            fmt = "jsonl"
    items = read_inputs(
        [path],
        input_format=fmt,
        max_chars=args.max_chars,
        text_field=args.text_field,
        id_field=args.id_field,
    )
    try:
        for item in items:
            if isinstance(item, Failure):
                if item.code == "empty" or (line is None and args.id is None):
                    return item
                if line is not None and item.where.rpartition(":")[2] == str(line):
                    return item
                continue  # another record's problem: not the one asked for
            if line is not None and item.where.rpartition(":")[2] != str(line):
                continue
            decoded = decode(item, args.text_field, args.id_field)
            if args.id is not None:
                if isinstance(decoded, Failure) or id_text(decoded.id) != args.id:
                    continue
            elif item.jsonl and line is None:
                extra = next(items, None)
                if extra is not None:
                    raise UsageError(
                        f"{path} holds more than one record: pick one with {path}:LINE or --id ID"
                    )
            return decoded
    finally:
        close = getattr(items, "close", None)
        if close is not None:
            close()
    wanted = f"line {line}" if line is not None else f"id {args.id!r}"
    return Failure(path, path, "no_match", f"no record at {wanted}")


def _show_write(args: argparse.Namespace, data: bytes) -> None:
    """Write ``arnews show``'s output to standard output or, whole or not at all, to ``-o``."""
    if args.output in (None, "-"):
        write_stdout(data)
        return
    given = args.file if os.path.exists(args.file) else args.file.rpartition(":")[0]
    exist = os.path.exists(args.output) and os.path.exists(given)
    if exist and os.path.samefile(args.output, given):
        raise UsageError(f"the output {args.output} is the input {given}: it would be overwritten")
    out = open_output(args.output)
    try:
        try:
            out.stream.write(data)
            out.commit()
        except OSError as exc:
            raise WriteFailed(out.name, exc) from exc
    finally:
        out.discard()
