"""Reading the files shipped in ``arnews/data`` without importing :mod:`importlib.resources`.

``importlib.resources`` (and what it imports) is about a tenth of ``import arnews``, and the
default lexicon and the date tables are read at import. Where the package is a folder on
disk, as an installed wheel or a clone is, a file is opened by its path, which reads the
same bytes; anywhere else (a zip archive) :mod:`importlib.resources` reads it, imported then.

Example:
    >>> read_data_text("stopwords.txt").startswith("#")
    True
    >>> data_path("lexicon.json").endswith("lexicon.json")
    True
"""

from __future__ import annotations

import os
from typing import Any

__all__ = ["data_path", "read_data_bytes", "read_data_text"]

_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))
_ON_DISK = os.path.isdir(os.path.join(_PACKAGE_DIR, "data"))


def data_path(*parts: str) -> str:
    """Where the data file ``parts`` lies (as ``importlib.resources`` names it), for messages.

    Example:
        >>> data_path("gazetteer", "places.txt").endswith(os.path.join("gazetteer", "places.txt"))
        True
    """
    if _ON_DISK:
        return os.path.join(_PACKAGE_DIR, "data", *parts)
    return str(_resource(parts))


def read_data_bytes(*parts: str) -> bytes:
    """The bytes of the data file ``parts`` (``"gazetteer", "places.txt"``).

    Raises:
        OSError: the file is missing (``FileNotFoundError``) or cannot be read.

    Example:
        >>> read_data_bytes("lexicon.json")[:1]
        b'{'
    """
    if _ON_DISK:
        with open(os.path.join(_PACKAGE_DIR, "data", *parts), "rb") as f:
            return f.read()
    data: bytes = _resource(parts).read_bytes()
    return data


def read_data_text(*parts: str) -> str:
    """The text of the data file ``parts``, read as UTF-8 with universal newlines (as
    ``Traversable.read_text`` reads it).

    Example:
        >>> "\\r" in read_data_text("dates.json")
        False
    """
    if _ON_DISK:
        with open(os.path.join(_PACKAGE_DIR, "data", *parts), encoding="utf-8") as f:
            return f.read()
    text: str = _resource(parts).read_text(encoding="utf-8")
    return text


def _resource(parts: tuple[str, ...]) -> Any:  # an importlib.resources Traversable
    from importlib import resources

    resource = resources.files("arnews") / "data"
    for part in parts:
        resource = resource / part
    return resource
