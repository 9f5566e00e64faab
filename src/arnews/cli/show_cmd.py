"""``arnews show``: one page's parts with their spans, on a terminal or as an HTML page."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from .. import term
from ..io.readers import Doc, Failure, Raw, decode, input_kind, read_inputs
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
from .lexicons import command_parser
from .records import summarise
from .sites import profiled_task, site_of


def cmd_show(args: argparse.Namespace) -> int:
    found = _show_document(args)
    if isinstance(found, Failure):
        print(found.line(), file=sys.stderr)
        return EXIT_DATA
    item, decoded = found
    doc_id, text = decoded.id, decoded.text
    parser, site = _show_parser(args, item, doc_id)
    article = parser.parse(text)
    if args.html:
        out = render_html(text, article, name=id_text(doc_id))
    else:
        # Under auto, a file is never coloured: only a terminal is.
        to_stdout = args.output in (None, "-")
        colour = args.color == "always" or (to_stdout and colour_wanted(args.color, sys.stdout))
        paragraphs = len(article.paragraphs)
        header = f"{id_text(doc_id)}: {len(text):,} characters, {paragraphs} paragraphs"
        if site is not None:
            header += f", parsed with the profile of {site or '(no site)'}"
        out = "\n".join([header, "", *term.show_lines(text, article, colour=colour)]) + "\n"
    _show_write(args, encode(out))
    return EXIT_OK


def cmd_examples(args: argparse.Namespace) -> int:
    """``arnews examples [NAME]``: the folder of the bundled example pages, or one page's
    path, for the other commands to read (``arnews show "$(arnews examples league)"``)."""
    from ..bundled import examples_folder

    folder = examples_folder()
    if args.name is None:
        write_stdout(encode(f"{folder}\n"))
        return EXIT_OK
    page = folder / f"{args.name.removesuffix('.txt')}.txt"
    if not page.is_file():
        names = ", ".join(sorted(p.stem for p in folder.glob("*.txt")))
        raise UsageError(f"no example page {args.name!r}: the pages are {names}")
    write_stdout(encode(f"{page}\n"))
    return EXIT_OK


def _show_parser(args: argparse.Namespace, item: Raw, doc_id: Any) -> tuple[Parser, str | None]:
    """The parser for the page: ``--lexicon``/``--tag-lexicon``, and its site's profile with
    ``--profiles`` (with the site's name; ``None`` when no profile applies)."""
    task = profiled_task(args, summarise)
    if task is None:
        return command_parser(args), None
    site = site_of(item, doc_id, task.site_from)
    parser = task.parser_for(site)
    return (task.parser, None) if parser is None else (parser, site)


def _show_document(args: argparse.Namespace) -> tuple[Raw, Doc] | Failure:
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
            if isinstance(decoded, Failure):
                if args.id is None:
                    return decoded
                continue
            if args.id is not None:
                if id_text(decoded.id) != args.id:
                    continue
            elif item.jsonl and line is None:
                extra = next(items, None)
                if extra is not None:
                    raise UsageError(
                        f"{path} holds more than one record: pick one with {path}:LINE or --id ID"
                    )
            return item, decoded
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
