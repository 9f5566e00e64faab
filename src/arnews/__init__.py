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
from ._version import __version__
from .batch import parse_many
from .bundled import example_pages
from .chain import Chain, Detector
from .dates import DateMatch, parse_date, scan_date
from .io.pages import Page, PageError, read_pages
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
from .render import render_html
from .state import PageState
from .tags import TagLexicon, segment_tags

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
