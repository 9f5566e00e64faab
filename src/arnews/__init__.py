"""arnews: clean, typed, structured articles from scraped Arabic news pages.

Example:
    >>> import arnews
    >>> a = arnews.parse("سرايا - أعلن البيت الأبيض الخبر.\\n\\nالمصدر: وكالة أنباء سرايا")
    >>> a.paragraphs, a.source
    (('أعلن البيت الأبيض الخبر.',), 'وكالة أنباء سرايا')
"""

from __future__ import annotations

# Written in the source, not read from the installed metadata: importlib.metadata costs
# 40 ms of every start-up of the command and of each worker process.
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .chain import Chain, Detector
from .dates import DateMatch, parse_date, scan_date
from .lexicon import Lexicon, LexiconError
from .model import (
    Article,
    Articles,
    Dateline,
    Diagnostic,
    Part,
    Parts,
    Span,
    Spans,
    article_schema,
)
from .normalize import Form, fold, normalize
from .parser import Parser, parse
from .profiles import SiteProfile
from .state import PageState
from .tags import TagLexicon, segment_tags

if TYPE_CHECKING:
    from .batch import parse_many
    from .bundled import example_pages
    from .io.pages import Page, PageError, read_pages
    from .render import render_html

# Names whose modules only some programs use (readers of files, the HTML view, the batch
# runner): each is imported when the name is first read, so that `import arnews` in a
# worker that only parses does not pay for them (PEP 562).
_ON_FIRST_USE = {
    "parse_many": "batch",
    "example_pages": "bundled",
    "Page": "io.pages",
    "PageError": "io.pages",
    "read_pages": "io.pages",
    "render_html": "render",
}


def __getattr__(name: str) -> Any:
    """The names of :data:`_ON_FIRST_USE`, imported when first read.

    Example:
        >>> import arnews
        >>> arnews.render_html.__module__
        'arnews.render'
    """
    module = _ON_FIRST_USE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # read once: later reads are plain attribute lookups
    return value


def __dir__() -> list[str]:
    """The module's names, those imported on first use included."""
    return sorted({*globals(), *_ON_FIRST_USE})


__all__ = [
    "Article",
    "Articles",
    "Chain",
    "DateMatch",
    "Dateline",
    "Detector",
    "Diagnostic",
    "Form",
    "Lexicon",
    "LexiconError",
    "Page",
    "PageError",
    "PageState",
    "Parser",
    "Part",
    "Parts",
    "SiteProfile",
    "Span",
    "Spans",
    "TagLexicon",
    "__version__",
    "article_schema",
    "example_pages",
    "fold",
    "normalize",
    "parse",
    "parse_date",
    "parse_many",
    "read_pages",
    "render_html",
    "scan_date",
    "segment_tags",
]
