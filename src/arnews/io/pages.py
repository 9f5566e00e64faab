"""What the ``arnews`` command reads, as a Python API: :func:`read_pages`.

Files, folders, JSON Lines and Parquet, compressed or not, become :class:`Page` tuples of
``(id, text, metadata)``, exactly as the command sees them; :func:`arnews.parse_many` takes
them as they come.

Example:
    >>> import arnews
    >>> pages = arnews.read_pages(["examples/pages"])
    >>> [(p.id, a.source) for p, a in arnews.parse_many(pages, with_input=True)][0]
    ('examples/pages/book-fair.txt', 'وكالة الأنباء المحلية')
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Literal, overload

from .decoding import decode
from .items import Doc, Failure
from .readers import DEFAULT_MAX_CHARS, read_inputs

__all__ = ["Page", "PageError", "read_pages"]

ErrorPolicy = Literal["skip", "raise", "yield"]
_POLICIES = ("skip", "raise", "yield")


class Page(Doc):
    """One page read by :func:`read_pages`: a named tuple ``(id, text, metadata)``.

    ``id`` is the file's path, or the record's id field (``FILE:LINE``, or ``FILE:ROW``
    counting Parquet rows from 0, when it has none); ``metadata`` is ``{"path": …}`` for a
    file, the record's other fields for a JSON Lines record or a Parquet row.

    Example:
        >>> page = Page("a", "نص.", {"url": "u"})
        >>> page.text, page.metadata["url"]
        ('نص.', 'u')
    """

    __slots__ = ()


class PageError(ValueError):
    """An input that gave no page, with ``errors="raise"``; :attr:`failure` says why.

    Example:
        >>> try:
        ...     next(read_pages(["no/such/file.txt"], errors="raise"))
        ... except PageError as exc:
        ...     print(exc.failure.code)
        not_found
    """

    def __init__(self, failure: Failure) -> None:
        super().__init__(f"{failure.where}: {failure.message}")
        #: The :class:`~arnews.io.items.Failure`: ``id``, ``where``, ``code``, ``message``.
        self.failure = failure


@overload
def read_pages(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    pattern: str | None = ...,
    input_format: str = ...,
    text_field: str = ...,
    id_field: str = ...,
    keep_fields: Iterable[str] | None = ...,
    max_chars: int = ...,
    follow_symlinks: bool = ...,
    errors: Literal["skip", "raise"] = ...,
) -> Iterator[Page]: ...


@overload
def read_pages(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    pattern: str | None = ...,
    input_format: str = ...,
    text_field: str = ...,
    id_field: str = ...,
    keep_fields: Iterable[str] | None = ...,
    max_chars: int = ...,
    follow_symlinks: bool = ...,
    errors: Literal["yield"],
) -> Iterator[Page | Failure]: ...


def read_pages(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    pattern: str | None = None,
    input_format: str = "auto",
    text_field: str = "text",
    id_field: str = "id",
    keep_fields: Iterable[str] | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    follow_symlinks: bool = False,
    errors: ErrorPolicy = "skip",
) -> Iterator[Page] | Iterator[Page | Failure]:
    """Yield a :class:`Page` for each document that ``paths`` name, lazily, in order.

    ``paths`` is one path or several: text files (one page each), JSON Lines files (one page
    a line), Parquet files (one page a row, read a batch of rows at a time), each possibly
    compressed (``.gz``, ``.bz2``, ``.xz``, ``.zst``), and folders, searched recursively for
    ``pattern`` (default: ``*.txt``, ``*.jsonl`` with ``input_format="jsonl"``, ``*.parquet``
    with ``"parquet"``, each also compressed). ``input_format`` is ``auto`` (by extension),
    ``text``, ``jsonl`` or ``parquet``; ``text_field`` and ``id_field`` name a record's text
    and id fields; ``keep_fields`` keeps only those fields in ``metadata`` (default: all but
    the text and id fields). The same options as the ``arnews`` command's, with the same
    meaning.

    An input that gives no page (a missing file, bad JSON, a damaged ``.gz``, a text over
    ``max_chars`` characters: see the corpus guide's table of codes) is, by ``errors``:
    ``"skip"`` (default) left out; ``"raise"``: :class:`PageError`; ``"yield"``: yielded as
    its :class:`~arnews.io.items.Failure` (``id``, ``where``, ``code``, ``message``).

    Raises:
        ValueError: ``errors`` is none of the three.

    Example:
        >>> [p.id for p in read_pages("examples/pages")]
        ['examples/pages/book-fair.txt', 'examples/pages/league.txt', 'examples/pages/weather.txt']
        >>> failure = next(read_pages("nope.jsonl", errors="yield"))
        >>> failure.code
        'not_found'
    """
    if errors not in _POLICIES:
        raise ValueError(f"errors must be one of {', '.join(_POLICIES)}, not {errors!r}")
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    keep = None if keep_fields is None else tuple(keep_fields)
    return _pages(
        [os.fspath(p) for p in paths],
        pattern,
        input_format,
        text_field,
        id_field,
        keep,
        max_chars,
        follow_symlinks,
        errors,
    )


def _pages(
    paths: list[str],
    pattern: str | None,
    input_format: str,
    text_field: str,
    id_field: str,
    keep: tuple[str, ...] | None,
    max_chars: int,
    follow_symlinks: bool,
    errors: str,
) -> Iterator[Page | Failure]:
    items = read_inputs(
        paths,
        pattern=pattern,
        input_format=input_format,
        max_chars=max_chars,
        follow_symlinks=follow_symlinks,
        text_field=text_field,
        id_field=id_field,
        keep_fields=keep,
    )
    for raw in items:
        item = raw if isinstance(raw, Failure) else decode(raw, text_field, id_field, keep)
        if isinstance(item, Doc) and max_chars and len(item.text) > max_chars:
            why = f"{len(item.text):,} characters, over max_chars {max_chars:,}"
            item = Failure(item.id, raw.where, "too_large", why, item.metadata)
        if isinstance(item, Failure):
            if errors == "raise":
                raise PageError(item)
            if errors == "yield":
                yield item
            continue
        yield Page(*item)
