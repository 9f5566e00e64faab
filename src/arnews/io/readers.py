"""Reading the ``arnews`` command's inputs: files, folders, standard input, JSON Lines,
Parquet, compressed or not.

The main process only reads bytes (:func:`read_inputs`); decoding happens in the workers
(:func:`decode`, in :mod:`arnews.io.decoding`), into a :class:`Doc`. Every input that gives
no document gives a :class:`Failure` instead, so that nothing is skipped silently: a dangling
link, a FIFO in a folder, a folder that cannot be listed, a link out of the folder that is not
followed, a document over the size limit, a damaged compressed file.

Example:
    >>> from arnews.io.readers import read_inputs, decode
    >>> raw = next(read_inputs(["examples/pages/league.txt"]))
    >>> doc = decode(raw)
    >>> doc.id, doc.metadata
    ('examples/pages/league.txt', {'path': 'examples/pages/league.txt'})
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePath, PurePosixPath
from typing import IO, Any

from .compression import COMPRESSIONS, DAMAGE_ERRORS, MissingExtra, compression_of, is_damage
from .compression import open_read as _open_read
from .compression import strip_compression as _strip
from .decoding import decode, metadata_of
from .items import PROG, Doc, Failure, Raw, safe_id

__all__ = [
    "DEFAULT_MAX_CHARS",
    "INPUT_FORMATS",
    "PROG",
    "Doc",
    "Failure",
    "Raw",
    "check_glob",
    "decode",
    "default_patterns",
    "input_kind",
    "jsonl_records",
    "metadata_of",
    "read_file",
    "read_inputs",
    "read_range",
    "read_range_positions",
    "safe_id",
]

#: The default of ``--max-chars``: a news page is rarely over 100,000 characters; a
#: "document" of over five million is a dump or a mistake, and would hold a worker for long.
DEFAULT_MAX_CHARS = 5_000_000

# UTF-8 takes at most 4 bytes a character; a JSON line up to 6 (a \uXXXX escape): a document
# whose bytes exceed this many times the limit is too large without being read or decoded.
_TEXT_BYTES_PER_CHAR = 4
_JSON_BYTES_PER_CHAR = 6
# Pieces in which an over-long JSON line is read past, never held whole.
_SKIP_PIECE = 1 << 20

_JSONL_SUFFIXES = (".jsonl", ".ndjson")
# What reading a file may raise: the system's errors, and a compressed stream's damage.
_READ_ERRORS: tuple[type[BaseException], ...] = (OSError, *DAMAGE_ERRORS)
#: What ``--input-format`` takes.
INPUT_FORMATS = ("auto", "text", "jsonl", "parquet")


def check_glob(pattern: str) -> str | None:
    """Say what is wrong with a ``--glob`` pattern (``None`` when nothing is): it must stay
    inside the folder it is applied to.

    Example:
        >>> check_glob("*.txt") is None, check_glob("../*.txt") is not None
        (True, True)
    """
    if not pattern:
        return "the pattern is empty"
    if PurePath(pattern).is_absolute() or pattern.startswith(("/", "\\")):
        return f"{pattern!r} is absolute: give a pattern relative to each folder"
    if ".." in pattern.replace("\\", "/").split("/"):
        return f"{pattern!r} climbs out of the folder with '..'"
    return None


def input_kind(name: str, input_format: str = "auto") -> str:
    """How a file is read: ``"text"``, ``"jsonl"`` or ``"parquet"``. Under ``auto``,
    ``.jsonl`` and ``.ndjson`` files are JSON Lines and ``.parquet`` files Parquet, a
    compression extension after them included; the rest is text.

    Example:
        >>> input_kind("dump.jsonl.gz"), input_kind("t.parquet"), input_kind("p.txt.xz")
        ('jsonl', 'parquet', 'text')
    """
    if input_format != "auto":
        return input_format
    inner = _strip(name).lower()
    if inner.endswith(_JSONL_SUFFIXES):
        return "jsonl"
    return "parquet" if inner.endswith(".parquet") else "text"


def default_patterns(input_format: str = "auto") -> tuple[str, ...]:
    """The files taken from a folder when no ``--glob`` is given: ``*.txt`` (``*.jsonl``
    with ``jsonl``, ``*.parquet`` with ``parquet``) and its compressed forms.

    Example:
        >>> default_patterns("jsonl")
        ('*.jsonl', '*.jsonl.gz', '*.jsonl.bz2', '*.jsonl.xz', '*.jsonl.zst')
    """
    if input_format == "parquet":
        return ("*.parquet",)
    base = "*.jsonl" if input_format == "jsonl" else "*.txt"
    return (base, *(base + suffix for suffix in COMPRESSIONS))


def jsonl_records(
    stream: IO[bytes],
    name: str,
    max_chars: int,
    *,
    offset: int = 0,
    line: int = 0,
    end: int = -1,
) -> Iterator[tuple[Raw | Failure, int, int]]:
    """Yield ``(item, offset after its line, its line number)`` for each JSON Lines record of
    ``stream``, read from byte ``offset`` (where line ``line + 1`` starts) up to byte ``end``
    (``-1``: the end of the stream). Blank lines give nothing; a line over the size limit
    gives a ``too_large`` failure without being held in memory.

    Example:
        >>> import io
        >>> found = jsonl_records(io.BytesIO(b'{}\\n\\n{}'), "f", 0)
        >>> [(r.where, after, n) for r, after, n in found]
        [('f:1', 3, 1), ('f:3', 6, 3)]
    """
    limit = max_chars * _JSON_BYTES_PER_CHAR if max_chars else -1
    lineno = line
    while end < 0 or offset < end:
        data = stream.readline(limit)
        if not data:
            break
        lineno += 1
        start, offset = offset, offset + len(data)
        if limit > 0 and len(data) == limit and not data.endswith(b"\n"):
            # Past the limit: read on to the line's end in pieces, keeping none of it.
            while True:
                piece = stream.readline(_SKIP_PIECE)
                offset += len(piece)
                if not piece or piece.endswith(b"\n"):
                    break
            where = f"{name}:{lineno}"
            why = f"record of {offset - start:,} bytes, over --max-chars {max_chars:,}"
            yield Failure(where, where, "too_large", why), offset, lineno
            continue
        if not data.strip():
            continue
        yield Raw(f"{name}:{lineno}", name, data, True, start), offset, lineno


def _read_jsonl(stream: IO[bytes], name: str, max_chars: int) -> Iterator[Raw | Failure]:
    records = 0
    for item, _, _ in jsonl_records(stream, name, max_chars):
        records += 1
        yield item
    if records == 0:
        yield _no_records(name)


def _no_records(name: str) -> Failure:
    return Failure(name, name, "empty", "empty file (no JSON Lines records)")


def read_range(
    path: str, start: int, end: int, max_chars: int = DEFAULT_MAX_CHARS, *, first_line: int = 0
) -> Iterator[Raw | Failure]:
    """Yield the records of the plain JSON Lines file ``path`` whose lines START in bytes
    ``[start, end)`` (``end`` ``-1``: to the end of the file), as :func:`read_inputs` would.

    A line that starts before ``start`` and runs into the range belongs to the range before;
    the line that starts before ``end`` is read whole, past ``end``. So ranges that tile a
    file give each record exactly once, wherever they are cut. ``first_line`` is the number of
    lines before ``start`` (for ``path:LINE`` ids and messages); :mod:`arnews.io.units` cuts
    at line ends and knows it. A file with no record at all is an ``empty`` failure when the
    range covers it whole.

    Example:
        >>> import tempfile, os
        >>> fd, name = tempfile.mkstemp(suffix=".jsonl")
        >>> _ = os.write(fd, b'{"text": "a"}\\n{"text": "b"}\\n'); os.close(fd)
        >>> first, rest = read_range(name, 0, 5), read_range(name, 5, -1)
        >>> [r.where[-2:] for r in first], [r.where[-2:] for r in rest]
        ([':1'], [':2'])
    """
    for item, _, _ in read_range_positions(path, start, end, max_chars, first_line=first_line):
        yield item


def read_range_positions(
    path: str, start: int, end: int, max_chars: int = DEFAULT_MAX_CHARS, *, first_line: int = 0
) -> Iterator[tuple[Raw | Failure, int, int]]:
    """:func:`read_range`, each record with the offset after its line and its line number
    (see :func:`jsonl_records`): where a run that stops after it starts again."""
    try:
        with open(path, "rb") as stream:
            if start > 0:
                stream.seek(start - 1)
                if stream.read(1) != b"\n":
                    # Inside a line: it belongs to the range before; skip to its end.
                    while True:
                        piece = stream.readline(_SKIP_PIECE)
                        start += len(piece)
                        if not piece or piece.endswith(b"\n"):
                            break
                    first_line += 1
            records = 0
            for found in jsonl_records(
                stream, path, max_chars, offset=start, line=first_line, end=end
            ):
                records += 1
                yield found
            if (
                records == 0
                and start == 0
                and (end < 0 or end >= os.fstat(stream.fileno()).st_size)
            ):
                yield _no_records(path), max(end, 0), first_line
    except OSError as exc:
        yield (
            Failure(path, path, "unreadable", exc.strerror or str(exc)),
            max(end, start),
            first_line,
        )


def _read_file(
    path: Path,
    kind: str,
    max_chars: int,
    fields: tuple[str, str, tuple[str, ...] | None] = ("text", "id", None),
) -> Iterator[Raw | Failure]:
    name = str(path)
    if kind == "parquet":
        from .parquet import read_parquet

        text_field, id_field, keep_fields = fields
        yield from read_parquet(
            name,
            text_field=text_field,
            id_field=id_field,
            keep_fields=keep_fields,
            max_chars=max_chars,
        )
        return
    suffix = compression_of(name)
    last = ""  # the place of the last record read, for the message of a stream that breaks
    try:
        with _open_read(name) as stream:
            if kind == "jsonl":
                for item in _read_jsonl(stream, name, max_chars):
                    last = item.where
                    yield item
                return
            limit = max_chars * _TEXT_BYTES_PER_CHAR if max_chars else -1
            if suffix is None:
                size = os.fstat(stream.fileno()).st_size
                if limit > 0 and size > limit:  # known without reading it
                    yield _too_large(name, f"{size:,} bytes", max_chars)
                    return
            # A FIFO, a device or a compressed file has no size: read no more than the
            # limit, and one byte.
            data = stream.read(limit + 1 if limit > 0 else -1)
            if limit > 0 and len(data) > limit:
                yield _too_large(name, f"over {limit:,} bytes", max_chars)
                return
        yield Raw(name, name, data)
    except MissingExtra as exc:
        yield Failure(name, name, "unreadable", str(exc))
    except _READ_ERRORS as exc:
        if suffix is not None and is_damage(exc):
            after = f" after line {int(last.rpartition(':')[2]):,}" if last else ""
            why = f"damaged or truncated {suffix} data{after}: {exc}"
            yield Failure(name, name, "bad_compression", why)
        else:
            yield Failure(name, name, "unreadable", getattr(exc, "strerror", None) or str(exc))


def read_file(
    path: str,
    *,
    input_format: str = "auto",
    max_chars: int = DEFAULT_MAX_CHARS,
    text_field: str = "text",
    id_field: str = "id",
    keep_fields: Sequence[str] | None = None,
) -> Iterator[Raw | Failure]:
    """The documents (undecoded) of ONE file, or the :class:`Failure` of each that cannot be
    read: a text file (one document), a JSON Lines file (one a line) or a Parquet file (one
    a row), compressed or not (see :func:`input_kind`). Records before a damaged stretch of
    a compressed file are kept; the damage is a ``bad_compression`` failure. The fields
    (used by Parquet, which reads only the columns it needs) are those of :func:`decode`.

    Example:
        >>> [raw.where for raw in read_file("examples/pages/league.txt")]
        ['examples/pages/league.txt']
    """
    keep = None if keep_fields is None else tuple(keep_fields)
    kind = input_kind(path, input_format)
    yield from _read_file(Path(path), kind, max_chars, (text_field, id_field, keep))


def _too_large(name: str, size: str, max_chars: int) -> Failure:
    return Failure(name, name, "too_large", f"{size}, over --max-chars {max_chars:,} characters")


def _read_stdin(kind: str, max_chars: int) -> Iterator[Raw | Failure]:
    stream = sys.stdin.buffer
    if kind == "parquet":
        why = "Parquet cannot be read from standard input: give the file's path"
        yield Failure("-", "-", "unreadable", why)
        return
    if kind == "jsonl":
        yield from _read_jsonl(stream, "-", max_chars)
        return
    limit = max_chars * _TEXT_BYTES_PER_CHAR if max_chars else -1
    data = stream.read(limit + 1 if limit > 0 else -1)
    if limit > 0 and len(data) > limit:
        yield _too_large("-", f"over {limit:,} bytes", max_chars)
    else:
        yield Raw("-", "-", data)


def _matcher(patterns: str | tuple[str, ...]) -> Any:
    # The walk is recursive already: a leading **/ means "at any depth", which match() does.
    if isinstance(patterns, str):
        patterns = (patterns,)
    cleaned = []
    for pattern in patterns:
        while pattern.startswith("**/"):
            pattern = pattern[3:]
        cleaned.append(pattern)
    return lambda rel: any(PurePosixPath(rel).match(p) for p in cleaned)


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _walk(
    root: Path, patterns: str | tuple[str, ...], follow: bool
) -> list[tuple[Path, Failure | None]]:
    """The files under ``root`` that match, and a Failure for each entry that cannot be
    read as one: one listing of each folder, sorted as ``rglob`` would be."""
    matches = _matcher(patterns)
    real_root = os.path.realpath(root)
    seen = {real_root}
    found: list[tuple[Path, Failure | None]] = []
    stack: list[Path] = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as exc:
            where = str(folder)
            why = f"cannot list this folder: {exc.strerror or exc}"
            found.append((folder, Failure(where, where, "unreadable", why)))
            continue
        for entry in entries:
            path = Path(entry.path)
            rel = path.relative_to(root).as_posix()
            where = str(path)
            try:
                if not entry.is_symlink():
                    if entry.is_dir(follow_symlinks=False):
                        stack.append(path)
                    elif matches(rel):
                        mode = entry.stat(follow_symlinks=False).st_mode
                        found.append((path, None if stat.S_ISREG(mode) else _not_a_file(where)))
                    continue
                # A symbolic link.
                if not os.path.exists(path):
                    if matches(rel):
                        why = f"symbolic link to {os.readlink(path)!r}, which does not exist"
                        found.append((path, Failure(where, where, "dangling_link", why)))
                    continue
                target = os.path.realpath(path)
                inside = _inside(target, real_root)
                if os.path.isdir(path):
                    if inside:
                        continue  # walked through its real path
                    if follow:
                        if target not in seen:
                            seen.add(target)
                            stack.append(path)
                        continue
                    found.append((path, _outside(where, "folder")))
                    continue
                if not matches(rel):
                    continue
                if not inside and not follow:
                    found.append((path, _outside(where, "file")))
                elif not os.path.isfile(path):
                    found.append((path, _not_a_file(where)))
                else:
                    found.append((path, None))
            except OSError as exc:
                why = exc.strerror or str(exc)
                found.append((path, Failure(where, where, "unreadable", why)))
    found.sort(key=lambda item: item[0])
    return found


def no_match(given: str, patterns: tuple[str, ...], *, defaulted: bool) -> Failure:
    """The failure of a folder in which no file matches ``patterns``.

    Example:
        >>> no_match("crawl", ("*.txt",), defaulted=False).message
        "no files match '*.txt' in this folder"
    """
    shown = repr(patterns[0])
    if defaulted and len(patterns) > 1:
        shown += f" or its compressed forms ({', '.join(COMPRESSIONS)})"
    return Failure(given, given, "no_match", f"no files match {shown} in this folder")


def _not_a_file(where: str) -> Failure:
    why = "not a regular file (a FIFO, socket or device): not read"
    return Failure(where, where, "not_a_file", why)


def _outside(where: str, what: str) -> Failure:
    why = (
        f"symbolic link to a {what} outside the folder: not followed (--follow-symlinks follows it)"
    )
    return Failure(where, where, "outside_link", why)


def read_inputs(
    paths: Sequence[str],
    *,
    pattern: str | None = None,
    input_format: str = "auto",
    max_chars: int = DEFAULT_MAX_CHARS,
    follow_symlinks: bool = False,
    text_field: str = "text",
    id_field: str = "id",
    keep_fields: Sequence[str] | None = None,
) -> Iterator[Raw | Failure]:
    """Yield the documents (undecoded) that ``paths`` name, or a :class:`Failure` for each
    path or entry that names none.

    Folders are searched recursively for ``pattern`` (default :func:`default_patterns`:
    ``*.txt``, ``*.jsonl`` with ``input_format="jsonl"``, ``*.parquet`` with ``"parquet"``,
    each also compressed), in sorted order; ``-`` is standard input. Each file is read by
    :func:`read_file`. In a folder, symbolic links to files outside it are not followed
    unless ``follow_symlinks``; links to nothing, FIFOs, sockets and devices, and folders
    that cannot be listed, are reported. A path named on its own is read whatever it is (a
    FIFO such as ``<(zcat …)`` included). A document over ``max_chars`` characters (0: no
    limit) is a ``too_large`` failure, found without holding it in memory.

    Example:
        >>> [r.where for r in read_inputs(["examples/pages"])][:1]
        ['examples/pages/book-fair.txt']
    """
    patterns = default_patterns(input_format) if pattern is None else (pattern,)
    keep = None if keep_fields is None else tuple(keep_fields)
    fields = (text_field, id_field, keep)
    for given in paths:
        if given == "-":
            yield from _read_stdin(input_format, max_chars)
            continue
        path = Path(given)
        if path.is_dir():
            files = _walk(path, patterns, follow_symlinks)
            if not files:
                yield no_match(given, patterns, defaulted=pattern is None)
            for file, failure in files:
                if failure is not None:
                    yield failure
                else:
                    kind = input_kind(file.name, input_format)
                    yield from _read_file(file, kind, max_chars, fields)
        elif path.exists():
            yield from _read_file(path, input_kind(path.name, input_format), max_chars, fields)
        elif path.is_symlink():
            why = f"symbolic link to {os.readlink(path)!r}, which does not exist"
            yield Failure(given, given, "dangling_link", why)
        else:
            yield Failure(given, given, "not_found", "no such file or directory")
