"""The example pages shipped inside the package (``arnews/examples/*.txt``): three invented
news pages with the furniture arnews separates (a source line, tags, a read-also article,
headline lists), to try the library and the command on without a corpus at hand.

They are package data, so they are there after ``pip install`` as well as in a clone (where
``examples/pages/`` holds the same files, for the tests and the docs). From the command line,
``arnews examples`` prints their folder::

    arnews show "$(arnews examples)/league.txt"

Example:
    >>> import arnews
    >>> pages = arnews.example_pages()
    >>> sorted(pages)
    ['book-fair', 'league', 'weather']
    >>> arnews.parse(pages["book-fair"]).source
    'وكالة الأنباء المحلية'
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["example_pages", "examples_folder"]

_PACKAGE = "arnews"
_FOLDER = "examples"


def examples_folder() -> Path:
    """The folder of the bundled example pages, in the installed package.

    Example:
        >>> sorted(p.name for p in examples_folder().glob("*.txt"))
        ['book-fair.txt', 'league.txt', 'weather.txt']
    """
    # A package installed from a wheel is a folder on disk: its files have real paths, which
    # the command and the readers take. (A package run from a zip file has none.)
    from importlib import resources  # imported when the pages are asked for, not with arnews

    folder = resources.files(_PACKAGE).joinpath(_FOLDER)
    return Path(str(folder))


def example_pages() -> dict[str, str]:
    """The bundled example pages, by name (the file name without ``.txt``), in name order.

    Example:
        >>> import arnews
        >>> text = arnews.example_pages()["weather"]
        >>> arnews.parse(text).source
        'صحيفة الطقس اليوم'
    """
    from importlib import resources  # imported when the pages are asked for, not with arnews

    folder = resources.files(_PACKAGE).joinpath(_FOLDER)
    pages = sorted(
        (entry.name.removesuffix(".txt"), entry)
        for entry in folder.iterdir()
        if entry.name.endswith(".txt")
    )
    return {name: entry.read_text(encoding="utf-8") for name, entry in pages}
