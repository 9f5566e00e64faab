"""Compressed files, chosen by extension: ``.gz``, ``.bz2``, ``.xz`` and ``.zst``.

The first three are the standard library's :mod:`gzip`, :mod:`bz2` and :mod:`lzma`; ``.zst``
needs the ``zstandard`` package (``pip install 'arnews[zstd]'``), imported only when a
``.zst`` file is met. :func:`open_read` opens a file for reading, decompressed when its name
says so; :func:`open_write` wraps a binary stream so that what is written to it is compressed.
A damaged or truncated compressed file raises, while it is read, one of
:data:`DAMAGE_ERRORS` (see :func:`is_damage`): the readers turn it into a
``bad_compression`` failure after the records read before the damage.

Example:
    >>> import io
    >>> raw = io.BytesIO()
    >>> out = open_write(raw, ".gz")
    >>> _ = out.write(b"one line\\n")
    >>> out.close()
    >>> wrap_read(io.BytesIO(raw.getvalue()), ".gz").read()
    b'one line\\n'
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import zlib
from typing import IO, Any

__all__ = [
    "COMPRESSIONS",
    "DAMAGE_ERRORS",
    "MissingExtra",
    "compression_of",
    "is_damage",
    "open_read",
    "open_write",
    "strip_compression",
    "wrap_read",
]

#: The extensions that mean "compressed", and the module each needs.
COMPRESSIONS = {".gz": "gzip", ".bz2": "bz2", ".xz": "lzma", ".zst": "zstandard"}

# Compressed bytes read at a time: small enough that what one piece inflates to stays
# bounded in memory, large enough that the per-call cost does not show.
_PIECE = 1 << 16
# Levels as the usual command-line tools default to: gzip -6, zstd -3 (bz2 and xz: theirs).
_GZIP_LEVEL = 6
_ZSTD_LEVEL = 3


class MissingExtra(ImportError):
    """A ``.zst`` file was met and the ``zstandard`` package is not installed."""


def compression_of(name: str) -> str | None:
    """The compression extension that ends ``name`` (``.gz``, ``.bz2``, ``.xz``, ``.zst``),
    or ``None``.

    Example:
        >>> compression_of("dump.jsonl.GZ"), compression_of("page.txt")
        ('.gz', None)
    """
    dot = name.rfind(".")
    suffix = name[dot:].lower() if dot >= 0 else ""
    return suffix if suffix in COMPRESSIONS else None


def strip_compression(name: str) -> str:
    """``name`` without its compression extension: what the file holds once decompressed.

    Example:
        >>> strip_compression("dump.jsonl.zst"), strip_compression("page.txt")
        ('dump.jsonl', 'page.txt')
    """
    suffix = compression_of(name)
    return name[: -len(suffix)] if suffix else name


def _zstandard() -> Any:
    try:
        import zstandard  # type: ignore[import-not-found,unused-ignore]
    except ImportError as exc:
        raise MissingExtra(
            ".zst files need the zstandard package: pip install 'arnews[zstd]'"
        ) from exc
    return zstandard


class _ZstdReader(io.RawIOBase):
    """Decompresses a ``.zst`` stream frame after frame, and raises :class:`EOFError` when
    it ends inside a frame: ``zstandard``'s own readers end quietly on a truncated file."""

    def __init__(self, source: IO[bytes]) -> None:
        super().__init__()
        self._zstd = _zstandard()
        self._source = source
        self._maker = self._zstd.ZstdDecompressor()
        self._decomp = self._maker.decompressobj()
        self._started = False  # bytes of the current frame were fed
        self._pending = b""
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending and not self._done:
            self._fill()
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size

    def _fill(self) -> None:
        data = self._source.read(_PIECE)
        if not data:
            if self._started:
                raise EOFError("compressed file ended before the end-of-stream marker")
            self._done = True
            return
        while data:
            self._started = True
            self._pending += self._decomp.decompress(data)
            if not self._decomp.eof:
                return
            # A frame ended: what follows is the next frame (pzstd and `cat a.zst b.zst`
            # write several), decompressed by a fresh object.
            data = self._decomp.unused_data
            self._decomp = self._maker.decompressobj()
            self._started = False

    def close(self) -> None:
        if not self.closed:
            self._source.close()
        super().close()


def wrap_read(stream: IO[bytes], suffix: str | None) -> IO[bytes]:
    """``stream`` decompressed as ``suffix`` says (``None``: as it is). Closing the result
    leaves ``stream`` open, except for ``.zst``, whose reader closes it.

    Raises:
        MissingExtra: ``suffix`` is ``.zst`` and ``zstandard`` is not installed.
    """
    if suffix is None:
        return stream
    if suffix == ".gz":
        return gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[return-value]
    if suffix == ".bz2":
        return bz2.BZ2File(stream, "rb")
    if suffix == ".xz":
        return lzma.LZMAFile(stream, "rb")
    if suffix == ".zst":
        return io.BufferedReader(_ZstdReader(stream), _PIECE)
    raise ValueError(f"unknown compression {suffix!r}")


def _closing(wrapper: Any, stream: IO[bytes]) -> IO[bytes]:
    # The standard library's file objects leave a stream they were given open: close both.
    close = wrapper.close

    def close_both() -> None:
        try:
            close()
        finally:
            stream.close()

    wrapper.close = close_both
    return wrapper  # type: ignore[no-any-return]


def open_read(path: str) -> IO[bytes]:
    """Open ``path`` for reading, decompressed when its extension names a compression.

    Raises:
        OSError: the file cannot be opened.
        MissingExtra: a ``.zst`` file, and ``zstandard`` is not installed.

    Example:
        >>> open_read("examples/pages/league.txt").read(3) == "أعلنت".encode()[:3]
        True
    """
    suffix = compression_of(path)
    if suffix == ".gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    if suffix == ".bz2":
        return bz2.open(path, "rb")
    if suffix == ".xz":
        return lzma.open(path, "rb")
    if suffix == ".zst":
        _zstandard()  # before the file is opened, so nothing is left open
        return io.BufferedReader(_ZstdReader(open(path, "rb")), _PIECE)
    return open(path, "rb")


def open_write(target: str | IO[bytes], suffix: str | None) -> IO[bytes]:
    """A binary stream that writes to ``target`` (a path, or an open binary stream) compressed
    as ``suffix`` says. Closing it ends the compressed stream (its trailer); a stream given
    as ``target`` is left open (flush and close it after), a path is closed.

    gzip output carries no file name and no time stamp, so the same records give the same
    bytes from one run to the next.

    Raises:
        MissingExtra: ``suffix`` is ``.zst`` and ``zstandard`` is not installed.

    Example:
        >>> import io
        >>> raw = io.BytesIO()
        >>> with open_write(raw, ".xz") as out:
        ...     _ = out.write(b"x")
        >>> raw.getvalue()[:6]
        b'\\xfd7zXZ\\x00'
    """
    if isinstance(target, str):
        stream: IO[bytes] = open(target, "wb")  # noqa: SIM115 - closed with the wrapper
        if suffix is None:
            return stream
        return _closing(open_write(stream, suffix), stream)
    if suffix is None:
        return target
    if suffix == ".gz":
        return gzip.GzipFile(  # type: ignore[return-value]
            filename="", fileobj=target, mode="wb", compresslevel=_GZIP_LEVEL, mtime=0
        )
    if suffix == ".bz2":
        return bz2.BZ2File(target, "wb")
    if suffix == ".xz":
        return lzma.LZMAFile(target, "wb")
    if suffix == ".zst":
        compressor = _zstandard().ZstdCompressor(level=_ZSTD_LEVEL, write_checksum=True)
        writer: IO[bytes] = compressor.stream_writer(target, closefd=False)
        return writer
    raise ValueError(f"unknown compression {suffix!r}")


def _damage_errors() -> tuple[type[BaseException], ...]:
    errors: tuple[type[BaseException], ...] = (EOFError, zlib.error, lzma.LZMAError)
    try:
        import zstandard
    except ImportError:
        return errors
    return (*errors, zstandard.ZstdError)


#: What reading a damaged compressed stream raises, besides an :class:`OSError` with no
#: ``errno`` (``gzip.BadGzipFile``, bz2's "Invalid data stream").
DAMAGE_ERRORS = _damage_errors()


def is_damage(exc: BaseException) -> bool:
    """``True`` when ``exc``, raised reading a compressed file, says the data is damaged
    (truncated, corrupt, not of that compression) rather than that the file cannot be read.

    Example:
        >>> is_damage(EOFError()), is_damage(OSError(5, "Input/output error"))
        (True, False)
    """
    if isinstance(exc, DAMAGE_ERRORS):
        return True
    return isinstance(exc, OSError) and exc.errno is None
