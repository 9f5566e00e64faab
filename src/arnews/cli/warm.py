"""Imported once by the command's forkserver, before it forks any worker.

arnews compiles its patterns and reads its gazetteer on first use (so that ``import arnews``
stays cheap). A worker forked from a forkserver that has only imported arnews would pay that
first use itself, once per worker. Parsing the bundled example pages here does it once, in
the forkserver, and every worker starts with it done. It changes no result: what is compiled
is the same whenever it is compiled.

Example:
    >>> import arnews.cli.warm  # parses the bundled pages once
"""

from __future__ import annotations

from ..bundled import example_pages
from ..parser import Parser

_PARSER = Parser()
for _text in example_pages().values():
    _PARSER.parse(_text)
