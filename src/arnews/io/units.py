"""Work units: what the ``arnews`` command's main process hands to its workers.

The main process does not read the documents; it plans :class:`Unit` s, small descriptions
of where documents are, and each worker reads its unit (:func:`read_unit`), decodes, parses
and encodes it. A unit is a group of up to ``per_unit`` text files (and the failures the
folder walk found among them, in their place), or a byte range of a plain JSON Lines file
cut at line ends every ``per_unit`` lines or ``unit_bytes`` bytes, whichever comes first.
Standard input cannot be shared between processes: the main process reads it and cuts it into
units that carry their documents (``items``).

Every document has a :class:`Pos`, the place where reading starts again after it: the entry
(the number of the file, or failure, in the order the inputs are walked), and inside a JSON
Lines file the byte offset and line number after its line. Planning may start at any
:class:`Pos` and stop at another, which is what ``--skip`` and ``--resume`` do without
reading, let alone parsing, what comes before.

Example:
    >>> units = list(plan_units(["examples/pages"], per_unit=2))
    >>> units[0].kind, len(units[0].members)
    ('files', 2)
    >>> [(item.where, pos) for item, pos in read_unit(units[0])][0]
    ('examples/pages/book-fair.txt', Pos(entry=1, offset=0, line=0))
"""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from .compression import compression_of
from .readers import (
    DEFAULT_MAX_CHARS,
    Failure,
    Raw,
    _read_stdin,
    _walk,
    default_patterns,
    input_kind,
    jsonl_records,
    no_match,
    read_file,
    read_range_positions,
)

__all__ = [
    "Pos",
    "Unit",
    "plan_units",
    "read_unit",
    "skip_documents",
    "skip_units",
    "split_unit",
]

#: A JSON Lines unit is cut after this many bytes at most, even with fewer lines than
#: ``per_unit``: results of a few units per worker wait in memory at any time.
UNIT_BYTES = 1 << 20

# How much of a file the planner reads at a time, looking for line ends.
_BLOCK = 1 << 20


class Pos(NamedTuple):
    """Where reading starts again: the ``entry`` (file or failure) number, and in a JSON Lines
    file the byte ``offset`` and the number of lines before it (``line``).

    ``Pos(3)`` is the start of entry 3, which is also "after entry 2".

    Example:
        >>> Pos(3) < Pos(3, 120, 2) < Pos(4)
        True
    """

    entry: int
    offset: int = 0
    line: int = 0


class Unit(NamedTuple):
    """One piece of work for a worker.

    ``kind`` ``files``: ``members`` are paths of files read whole (or :class:`Failure` s from
    the walk), entries ``entry``, ``entry + 1``…, the first ``start`` documents of the first
    file left out (a run resumed inside it); ``range``: ``members`` is ``(path,)``, a JSON
    Lines file whose lines starting in ``[start, end)`` are read (``end`` ``-1``: to its end),
    ``line`` lines lying before ``start``; ``items``: ``members`` are ``(Raw or Failure,
    Pos)`` pairs already read (standard input, or a unit split after its worker died).
    """

    kind: str
    entry: int
    members: tuple[Any, ...]
    start: int = 0
    end: int = -1
    line: int = 0
    #: How its files are read whole: ``(input_format, text_field, id_field, keep_fields)``
    #: (a compressed file or a Parquet table may hold many documents).
    reading: tuple[str, str, str, tuple[str, ...] | None] = ("auto", "text", "id", None)


def _entries(
    paths: Sequence[str], pattern: str | None, input_format: str, follow_symlinks: bool
) -> Iterator[tuple[str, Any]]:
    """``(kind, path or Failure)`` for each entry, in the order :func:`read_inputs` reads
    them: kind ``text``, ``jsonl``, ``stdin`` or ``failure``."""
    patterns = default_patterns(input_format) if pattern is None else (pattern,)
    for given in paths:
        if given == "-":
            yield "stdin", given
            continue
        path = Path(given)
        if path.is_dir():
            files = _walk(path, patterns, follow_symlinks)
            if not files:
                yield "failure", no_match(given, patterns, defaulted=pattern is None)
            for file, failure in files:
                if failure is not None:
                    yield "failure", failure
                else:
                    yield _kind(file, input_format), str(file)
        elif path.exists():
            yield _kind(path, input_format), given
        elif path.is_symlink():
            why = f"symbolic link to {os.readlink(path)!r}, which does not exist"
            yield "failure", Failure(given, given, "dangling_link", why)
        else:
            yield (
                "failure",
                Failure(given, given, "not_found", "no such file or directory"),
            )


def _kind(path: Path, input_format: str) -> str:
    # Only a plain JSON Lines file can be cut into byte ranges; every other file (a text page,
    # a compressed file, a Parquet table) is read whole by one worker.
    if input_kind(path.name, input_format) == "jsonl" and compression_of(path.name) is None:
        return "jsonl"
    return "text"


def plan_units(
    paths: Sequence[str],
    *,
    pattern: str | None = None,
    input_format: str = "auto",
    max_chars: int = DEFAULT_MAX_CHARS,
    follow_symlinks: bool = False,
    per_unit: int = 64,
    unit_bytes: int = UNIT_BYTES,
    start: Pos | None = None,
    stop: Pos | None = None,
    text_field: str = "text",
    id_field: str = "id",
    keep_fields: Sequence[str] | None = None,
) -> Iterator[Unit]:
    """Yield the units that cover the inputs from ``start`` up to ``stop`` (``None``: the end),
    in input order. Only folders are listed and JSON Lines files scanned for line ends: no
    document is decoded here (standard input excepted, which only this process can read).

    Example:
        >>> [u.members for u in plan_units(["examples/pages"], per_unit=1, start=Pos(1))]
        [('examples/pages/league.txt',), ('examples/pages/weather.txt',)]
    """
    start = start or Pos(0)
    keep = None if keep_fields is None else tuple(keep_fields)
    reading = (input_format, text_field, id_field, keep)
    group: list[Any] = []
    first = 0
    for entry, (kind, what) in enumerate(_entries(paths, pattern, input_format, follow_symlinks)):
        if stop is not None and (entry > stop.entry or (entry == stop.entry and not stop.offset)):
            break
        if entry < start.entry:
            continue
        if kind in ("text", "failure"):
            if entry == start.entry and start.offset:
                # Resumed inside a file read whole: its own unit, its first documents left out.
                yield Unit("files", entry, (what,), start.offset, reading=reading)
                continue
            if not group:
                first = entry
            group.append(what)
            if len(group) >= per_unit:
                yield Unit("files", first, tuple(group), reading=reading)
                group = []
            continue
        if group:
            yield Unit("files", first, tuple(group), reading=reading)
            group = []
        begin = start if entry == start.entry else Pos(entry)
        end = stop.offset if stop is not None and entry == stop.entry else -1
        if kind == "stdin":
            yield from _stdin_units(entry, input_format, max_chars, per_unit, unit_bytes, begin)
        else:
            yield from _range_units(entry, what, begin, end, per_unit, unit_bytes)
    if group:
        yield Unit("files", first, tuple(group), reading=reading)


def _range_units(
    entry: int, path: str, begin: Pos, stop: int, per_unit: int, unit_bytes: int
) -> Iterator[Unit]:
    """Cut one JSON Lines file into ranges of whole lines."""
    unit_start, unit_line = begin.offset, begin.line
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed below, also when the caller stops
    except OSError:
        yield Unit("range", entry, (path,), 0, -1, 0)  # the worker reports why
        return
    with stream:
        stream.seek(unit_start)
        pos = unit_start
        lines = 0
        # No cut before the first block with a record in it: a file of blank lines stays one
        # unit, whose worker reports it as empty, as a file read whole is.
        seen = unit_start > 0
        while stop < 0 or pos < stop:
            block = stream.read(_BLOCK if stop < 0 else min(_BLOCK, stop - pos))
            if not block:
                break
            seen = seen or not block.isspace()
            if not seen:
                lines += block.count(b"\n")
                pos += len(block)
                continue
            i = 0
            while True:
                k = block.find(b"\n", i)
                if k < 0:
                    break
                i = k + 1
                lines += 1
                if lines >= per_unit or pos + i - unit_start >= unit_bytes:
                    yield Unit("range", entry, (path,), unit_start, pos + i, unit_line)
                    unit_start, unit_line, lines = pos + i, unit_line + lines, 0
            pos += len(block)
    if pos > unit_start or (pos == 0 and begin.offset == 0):
        # The rest; or an empty file, which the worker reports as one.
        yield Unit("range", entry, (path,), unit_start, -1 if stop < 0 else stop, unit_line)


def _stdin_units(
    entry: int,
    input_format: str,
    max_chars: int,
    per_unit: int,
    unit_bytes: int,
    begin: Pos,
) -> Iterator[Unit]:
    if input_format != "jsonl":
        if begin.offset:
            return  # the one document was done
        kind = "parquet" if input_format == "parquet" else "text"
        items = ((item, Pos(entry + 1)) for item in _read_stdin(kind, max_chars))
        yield Unit("items", entry, tuple(items))
        return
    stream = sys.stdin.buffer
    skipped = 0
    while skipped < begin.offset:  # read past what an earlier run did (--resume)
        piece = stream.read(min(_BLOCK, begin.offset - skipped))
        if not piece:
            break
        skipped += len(piece)
    batch: list[tuple[Raw | Failure, Pos]] = []
    size = 0
    records = 0
    for item, after, line in jsonl_records(
        stream, "-", max_chars, offset=begin.offset, line=begin.line
    ):
        records += 1
        batch.append((item, Pos(entry, after, line)))
        size += len(item.data) if isinstance(item, Raw) else 0
        if len(batch) >= per_unit or size >= unit_bytes:
            yield Unit("items", entry, tuple(batch))
            batch, size = [], 0
    if records == 0 and not begin.offset:
        batch.append(
            (
                Failure("-", "-", "empty", "empty file (no JSON Lines records)"),
                Pos(entry + 1),
            )
        )
    if batch:
        yield Unit("items", entry, tuple(batch))


def read_unit(
    unit: Unit, max_chars: int = DEFAULT_MAX_CHARS
) -> Iterator[tuple[Raw | Failure, Pos]]:
    """Read one unit: each document (undecoded) or failure, with the :class:`Pos` after it.

    Example:
        >>> unit = Unit("files", 0, ("examples/pages/league.txt", "nowhere.txt"))
        >>> [(type(item).__name__, pos.entry) for item, pos in read_unit(unit)]
        [('Raw', 1), ('Failure', 2)]
    """
    if unit.kind == "items":
        yield from unit.members
    elif unit.kind == "files":
        for i, member in enumerate(unit.members):
            entry = unit.entry + i
            if isinstance(member, Failure):
                yield member, Pos(entry + 1)
                continue
            # A file read whole may hold many documents: after each but the last, the
            # position counts the documents done in it; after the last, it is the next entry.
            items = _read_whole(member, max_chars, unit.reading)
            if i == 0 and unit.start:
                items = itertools.islice(items, unit.start, None)
            done = unit.start if i == 0 else 0
            held: Raw | Failure | None = None
            for item in items:
                if held is not None:
                    yield held, Pos(entry, done, 0)
                held = item
                done += 1
            if held is not None:
                yield held, Pos(entry + 1)
    else:
        path = unit.members[0]
        for item, offset, line in read_range_positions(
            path, unit.start, unit.end, max_chars, first_line=unit.line
        ):
            if isinstance(item, Failure) and item.where == path:  # the whole file failed
                yield item, Pos(unit.entry + 1)
            else:
                yield item, Pos(unit.entry, offset, line)


def _one_document(path: str, input_format: str) -> bool:
    # A text page is one document: --skip counts it without reading it.
    return input_kind(path, input_format) == "text"


def _read_whole(
    path: str, max_chars: int, reading: tuple[str, str, str, tuple[str, ...] | None]
) -> Iterator[Raw | Failure]:
    """The documents of one file read whole: a text page, a compressed file, a Parquet table."""
    input_format, text_field, id_field, keep_fields = reading
    return read_file(
        path,
        input_format=input_format,
        max_chars=max_chars,
        text_field=text_field,
        id_field=id_field,
        keep_fields=keep_fields,
    )


def split_unit(unit: Unit, max_chars: int = DEFAULT_MAX_CHARS) -> list[Unit]:
    """The unit as units of one document each, to be run one at a time after a worker died
    on it. The unit is read here, in the main process: this is rare.

    Example:
        >>> [u.members[0][1] for u in split_unit(Unit("files", 4, ("a.txt", "b.txt")))]
        [Pos(entry=5, offset=0, line=0), Pos(entry=6, offset=0, line=0)]
    """
    pairs = unit.members if unit.kind == "items" else tuple(read_unit(unit, max_chars))
    return [Unit("items", unit.entry, (pair,)) for pair in pairs]


def skip_documents(units: Iterator[Unit], count: int, start: Pos, max_chars: int) -> Pos:
    """The :class:`Pos` after the first ``count`` documents of ``units`` (which start at
    ``start``), found without decoding any: files are counted, JSON Lines lines read.

    Example:
        >>> skip_documents(plan_units(["examples/pages"]), 2, Pos(0), 0)
        Pos(entry=2, offset=0, line=0)
    """
    return skip_units(units, count, start, max_chars)[0]


def skip_units(
    units: Iterator[Unit], count: int, start: Pos, max_chars: int
) -> tuple[Pos, Iterator[Unit]]:
    """Pass over the first ``count`` documents of ``units`` without decoding any; return the
    :class:`Pos` after them and the units that remain (the rest of a unit cut inside, then
    the others), so that reading goes on without planning again: standard input, which can
    be read only once, is skipped so.

    Example:
        >>> after, rest = skip_units(plan_units(["examples/pages"]), 1, Pos(0), 0)
        >>> after, [len(u.members) for u in rest]
        (Pos(entry=1, offset=0, line=0), [2])
    """
    position = start
    units = iter(units)
    while count > 0:
        unit = next(units, None)
        if unit is None:
            break
        if (
            unit.kind == "files"
            and not unit.start
            and all(
                isinstance(m, Failure) or _one_document(m, unit.reading[0]) for m in unit.members
            )
        ):
            if count < len(unit.members):
                rest = unit._replace(entry=unit.entry + count, members=unit.members[count:])
                return Pos(unit.entry + count), itertools.chain([rest], units)
            count -= len(unit.members)
            position = Pos(unit.entry + len(unit.members))
            continue
        taken = list(itertools.islice(read_unit(unit, max_chars), count))
        count -= len(taken)
        if taken:
            position = taken[-1][1]
        if count == 0:
            return position, itertools.chain(_rest(unit, position, len(taken)), units)
    return position, units


def _rest(unit: Unit, position: Pos, taken: int) -> list[Unit]:
    """What is left of ``unit`` after its first ``taken`` documents, which end at
    ``position``."""
    if unit.kind == "items":
        return (
            [Unit("items", unit.entry, unit.members[taken:])] if taken < len(unit.members) else []
        )
    if unit.kind == "range":
        if position.entry != unit.entry or (0 <= unit.end <= position.offset):
            return []
        return [
            Unit(
                "range",
                unit.entry,
                unit.members,
                position.offset,
                unit.end,
                position.line,
            )
        ]
    members = unit.members[position.entry - unit.entry :]
    if not members:
        return []
    return [unit._replace(entry=position.entry, members=members, start=position.offset)]
