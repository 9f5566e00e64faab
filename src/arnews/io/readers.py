"""Reading the ``arnews`` command's inputs: files, folders, standard input, JSON Lines.

The main process only reads bytes (:func:`read_inputs`); decoding happens in the workers
(:func:`decode`). Every input that gives no document gives a :class:`Failure` instead, so
that nothing is skipped silently: a dangling link, a FIFO in a folder, a folder that cannot be
listed, a link out of the folder that is not followed, a document over the size limit.

Example:
    >>> from arnews.io.readers import read_inputs, decode
    >>> raw = next(read_inputs(["examples/pages/league.txt"]))
    >>> doc_id, text = decode(raw)
    >>> doc_id
    'examples/pages/league.txt'
"""

from __future__ import annotations

import json
import math
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePath, PurePosixPath
from typing import IO, Any, NamedTuple

from ..lines import BLANKS
from ..model import has_surrogates, replace_surrogates

__all__ = [
    "DEFAULT_MAX_CHARS",
    "Failure",
    "Raw",
    "check_glob",
    "decode",
    "jsonl_records",
    "read_inputs",
    "read_range",
    "read_range_positions",
    "safe_id",
]

PROG = "arnews"

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


class Raw(NamedTuple):
    """One document's undecoded input: a whole text file, or one line of a JSON Lines file."""

    #: Where it came from, for messages: ``path`` or ``path:line``.
    where: str
    #: The file's path (``-`` for standard input).
    source: str
    #: The bytes: the file's content, or the JSON line.
    data: bytes
    #: ``True`` when ``data`` is one JSON Lines record.
    jsonl: bool = False
    #: Byte offset of ``data`` in its file (for JSON Lines error messages).
    offset: int = 0


class Failure(NamedTuple):
    """An input that gave no document, with the reason."""

    #: The record's id: the path, the record's id field, or ``path:line``.
    id: Any
    #: Where, for the message: ``path`` or ``path:line``.
    where: str
    #: Stable code (see the corpus guide's table): ``not_found``, ``unreadable``,
    #: ``no_match``, ``not_utf8``, ``empty``, ``bad_json``, ``bad_record``, ``too_large``,
    #: ``dangling_link``, ``outside_link``, ``not_a_file``, ``worker_died``,
    #: ``out_of_memory``, ``internal_error``.
    code: str
    #: What went wrong, for people.
    message: str

    def line(self) -> str:
        """The message on standard error: ``arnews: error: WHERE: MESSAGE``."""
        return f"{PROG}: error: {self.where}: {self.message}"

    def record(self) -> dict[str, Any]:
        """The error record written in the document's place with ``--errors record``."""
        return {
            "id": safe_id(self.id, self.where),
            "error": {"code": self.code, "message": replace_surrogates(self.message)},
        }


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


def _input_kind(path: str, input_format: str) -> bool:
    """Return ``True`` when the file is to be read as JSON Lines."""
    if input_format == "auto":
        return path.lower().endswith(_JSONL_SUFFIXES)
    return input_format == "jsonl"


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


def _read_file(path: Path, jsonl: bool, max_chars: int) -> Iterator[Raw | Failure]:
    name = str(path)
    try:
        with path.open("rb") as stream:
            if jsonl:
                yield from _read_jsonl(stream, name, max_chars)
                return
            limit = max_chars * _TEXT_BYTES_PER_CHAR if max_chars else -1
            size = os.fstat(stream.fileno()).st_size
            if limit > 0 and size > limit:  # known without reading it
                yield _too_large(name, f"{size:,} bytes", max_chars)
                return
            # A FIFO or device has no size: read no more than the limit, and one byte.
            data = stream.read(limit + 1 if limit > 0 else -1)
            if limit > 0 and len(data) > limit:
                yield _too_large(name, f"over {limit:,} bytes", max_chars)
                return
        yield Raw(name, name, data)
    except OSError as exc:
        yield Failure(name, name, "unreadable", exc.strerror or str(exc))


def _too_large(name: str, size: str, max_chars: int) -> Failure:
    return Failure(name, name, "too_large", f"{size}, over --max-chars {max_chars:,} characters")


def _read_stdin(jsonl: bool, max_chars: int) -> Iterator[Raw | Failure]:
    stream = sys.stdin.buffer
    if jsonl:
        yield from _read_jsonl(stream, "-", max_chars)
        return
    limit = max_chars * _TEXT_BYTES_PER_CHAR if max_chars else -1
    data = stream.read(limit + 1 if limit > 0 else -1)
    if limit > 0 and len(data) > limit:
        yield _too_large("-", f"over {limit:,} bytes", max_chars)
    else:
        yield Raw("-", "-", data)


def _matcher(pattern: str) -> Any:
    # The walk is recursive already: a leading **/ means "at any depth", which match() does.
    while pattern.startswith("**/"):
        pattern = pattern[3:]
    return lambda rel: PurePosixPath(rel).match(pattern)


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _walk(root: Path, pattern: str, follow: bool) -> list[tuple[Path, Failure | None]]:
    """The files under ``root`` that match, and a Failure for each entry that cannot be
    read as one: one listing of each folder, sorted as ``rglob`` would be."""
    matches = _matcher(pattern)
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
) -> Iterator[Raw | Failure]:
    """Yield the documents (undecoded) that ``paths`` name, or a :class:`Failure` for each
    path or entry that names none.

    Folders are searched recursively for ``pattern`` (default ``*.jsonl`` with
    ``input_format="jsonl"``, else ``*.txt``), in sorted order; ``-`` is standard input. In a
    folder, symbolic links to files outside it are not followed unless ``follow_symlinks``;
    links to nothing, FIFOs, sockets and devices, and folders that cannot be listed, are
    reported. A path named on its own is read whatever it is (a FIFO such as ``<(zcat …)``
    included). A document over ``max_chars`` characters (0: no limit) is a ``too_large``
    failure, found without holding it in memory.

    Example:
        >>> [r.where for r in read_inputs(["examples/pages"])][:1]
        ['examples/pages/book-fair.txt']
    """
    if pattern is None:
        pattern = "*.jsonl" if input_format == "jsonl" else "*.txt"
    for given in paths:
        if given == "-":
            yield from _read_stdin(input_format == "jsonl", max_chars)
            continue
        path = Path(given)
        if path.is_dir():
            files = _walk(path, pattern, follow_symlinks)
            if not files:
                yield Failure(
                    given, given, "no_match", f"no files match {pattern!r} in this folder"
                )
            for file, failure in files:
                if failure is not None:
                    yield failure
                else:
                    yield from _read_file(file, _input_kind(file.name, input_format), max_chars)
        elif path.exists():
            yield from _read_file(path, _input_kind(path.name, input_format), max_chars)
        elif path.is_symlink():
            why = f"symbolic link to {os.readlink(path)!r}, which does not exist"
            yield Failure(given, given, "dangling_link", why)
        else:
            yield Failure(given, given, "not_found", "no such file or directory")


# --------------------------------------------------------------------------------------------
# Decoding (in the workers).

_JSON_TYPES = {
    type(None): "null",
    bool: "a boolean",
    int: "a number",
    float: "a number",
    list: "an array",
    dict: "an object",
}


def safe_id(value: Any, fallback: str = "") -> Any:
    """An id that every output format can hold as strict JSON.

    Strings keep their text with lone surrogates as U+FFFD; numbers JSON cannot write (NaN,
    Infinity, a literal out of the float range such as ``1e999``) become the strings
    ``"NaN"``, ``"Infinity"``, ``"-Infinity"``; an array or object that holds one of them
    becomes its JSON text, a string. An id nested too deep to write becomes ``fallback``.

    Example:
        >>> safe_id(float("nan")), safe_id(7), safe_id([1, float("inf")])
        ('NaN', 7, '[1, Infinity]')
    """
    if isinstance(value, str):
        return replace_surrogates(value)
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else json.dumps(value)
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    except ValueError:
        return replace_surrogates(json.dumps(value, ensure_ascii=False))
    except RecursionError:
        return fallback
    return json.loads(replace_surrogates(text)) if has_surrogates(text) else value


def decode(raw: Raw, text_field: str = "text", id_field: str = "id") -> tuple[Any, str] | Failure:
    """Return ``(id, text)`` for one input, or the :class:`Failure` that explains why not.

    Example:
        >>> decode(Raw("a.jsonl:1", "a.jsonl", b'{"id": NaN, "text": "x"}', True))
        ('NaN', 'x')
    """
    if not raw.jsonl:
        try:
            text = raw.data.decode("utf-8")
        except UnicodeDecodeError as exc:
            return Failure(
                raw.source, raw.where, "not_utf8", f"not valid UTF-8 at byte {exc.start}"
            )
        if not text.strip(BLANKS):
            what = "empty file" if not raw.data else "empty file (white space only)"
            return Failure(raw.source, raw.where, "empty", what)
        # A file name that is not UTF-8 reaches Python with lone surrogates in it.
        return replace_surrogates(raw.source), text
    try:
        line = raw.data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Failure(
            raw.where,
            raw.where,
            "not_utf8",
            f"not valid UTF-8 at byte {raw.offset + exc.start} of the file",
        )
    try:
        record = json.loads(line.lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        return Failure(
            raw.where, raw.where, "bad_json", f"not valid JSON: {exc.msg} (column {exc.colno})"
        )
    except (ValueError, RecursionError) as exc:
        return Failure(raw.where, raw.where, "bad_json", f"not valid JSON: {exc}")
    if not isinstance(record, dict):
        kind = _JSON_TYPES.get(type(record), "a string")
        return Failure(raw.where, raw.where, "bad_record", f"expected a JSON object, got {kind}")
    doc_id = safe_id(record.get(id_field, raw.where), raw.where)
    if text_field not in record:
        keys = replace_surrogates(", ".join(list(record)[:8]) or "none")
        return Failure(doc_id, raw.where, "bad_record", f"no {text_field!r} field (fields: {keys})")
    text = record[text_field]
    if not isinstance(text, str):
        kind = _JSON_TYPES.get(type(text), "not a string")
        return Failure(
            doc_id, raw.where, "bad_record", f"field {text_field!r} is {kind}, not a string"
        )
    if not text.strip(BLANKS):
        return Failure(doc_id, raw.where, "empty", f"field {text_field!r} is empty")
    return doc_id, replace_surrogates(text)
