"""``arnews show`` in a terminal: each part's kind and text in the kind's colour.

The colours come from the same table as the HTML page's (:data:`arnews.render.KINDS`), so a
kind looks alike in both; a kind the table does not know gets an underlined colour picked by
its name. Colour is used when asked for (``--color always``), or, by default (``auto``), when
the output is a terminal and ``NO_COLOR`` is not set (https://no-color.org); ``TERM=dumb``
gets none either.

Example:
    >>> import arnews
    >>> text = "نص الخبر.\\n\\nالمصدر: سرايا"
    >>> lines = list(show_lines(text, arnews.parse(text), colour=True))
    >>> lines[-2]
    '\\x1b[33msource\\x1b[0m [19:24]'
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from typing import IO, Any

from .model import Article
from .render import kind_style, labelled_parts

__all__ = ["COLOR_MODES", "colour_wanted", "paint", "show_lines"]

#: The values of ``--color``.
COLOR_MODES = ("auto", "always", "never")

_RESET = "\x1b[0m"


def colour_wanted(mode: str, stream: IO[Any], environ: Mapping[str, str] | None = None) -> bool:
    """Tell whether to colour what goes to ``stream`` under ``--color MODE``.

    ``always`` and ``never`` say it; ``auto`` colours a terminal, unless ``NO_COLOR`` is set
    to anything but the empty string, or ``TERM`` is ``dumb``.

    Example:
        >>> import io
        >>> colour_wanted("always", io.StringIO()), colour_wanted("auto", io.StringIO())
        (True, False)
    """
    if mode == "always":
        return True
    if mode == "never":
        return False
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR") or env.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


def paint(text: str, kind: str) -> str:
    """``text`` in the terminal colour of ``kind``.

    Example:
        >>> paint("CNN", "source")
        '\\x1b[33mCNN\\x1b[0m'
    """
    return f"\x1b[{kind_style(kind).ansi}m{text}{_RESET}"


def show_lines(text: str, article: Article, *, colour: bool = False) -> Iterator[str]:
    """The lines ``arnews show`` prints: every part of the page, in order, with its span,
    then the warnings. With ``colour``, a legend first, and each part's kind and text in the
    kind's colour.

    Example:
        >>> import arnews
        >>> list(show_lines("نص.", arnews.parse("نص.")))
        ['paragraph [0:3]', '    نص.']
    """
    parts = labelled_parts(article)
    if colour and parts:
        kinds = dict.fromkeys(p.kind for p in parts)
        yield "kinds: " + "  ".join(paint(kind, kind) for kind in kinds)
        yield ""
    for part in parts:
        prefix = f"{part.article} " if part.article else ""
        body = " ".join(text[part.start : part.end].split())
        label = paint(part.label, part.kind) if colour else part.label
        yield f"{prefix}{label} [{part.start}:{part.end}]"
        yield f"    {paint(body, part.kind) if colour else body}"
    warnings = [w for a in article.iter_articles() for w in a.warnings]
    if warnings:
        yield ""
        yield "warnings"
        for w in warnings:
            where = f" [{w.start}:{w.end}]" if w.start is not None else ""
            yield f"  {w.code}{where}: {w.message}"
