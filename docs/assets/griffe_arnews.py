"""Griffe extension for the docs build: reads arnews's docstrings the way the code writes them.

mkdocstrings parses docstrings with griffe's Google-style parser, which

* knows the section ``Examples:`` but not ``Example:``, so the doctest examples under
  ``Example:`` would render as nested block quotes instead of code;
* does not know Sphinx roles (``:class:`Article```), which would render literally;
* does not read ``#:`` comments above attributes, which is where the attrs fields of the
  model are documented.

This extension fixes the three at load time, without touching the source files. It is used
only by ``mkdocs build`` (see ``mkdocs.yml``) and is not shipped in the site.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_EXAMPLE_HEADING = re.compile(r"^(?P<indent>[ \t]*)Example:[ \t]*$", re.MULTILINE)
_ROLE = re.compile(r":(?:class|func|meth|attr|data|mod|exc|obj|const):`~?(?P<target>[^`]+)`")
_COMMENT_DOC = re.compile(r"^[ \t]*#:[ ]?(?P<text>.*)$")


def _fix(text: str) -> str:
    text = _EXAMPLE_HEADING.sub(r"\g<indent>Examples:", text)
    return _ROLE.sub(lambda m: f"`{m['target']}`", text)


def _comment_doc(attr: griffe.Attribute) -> str | None:
    """The ``#:`` comment lines right above an attribute's definition, if any."""
    lineno = attr.lineno
    if lineno is None:
        return None
    try:
        lines = attr.module.lines
    except Exception:  # a module without source (compiled, inspected)
        return None
    found: list[str] = []
    i = lineno - 2  # 0-based index of the line above the definition
    while i >= 0:
        m = _COMMENT_DOC.match(lines[i])
        if m is None:
            break
        found.append(m["text"])
        i -= 1
    return "\n".join(reversed(found)) or None


class ArnewsDocstrings(griffe.Extension):
    """Normalise ``Example:`` sections and Sphinx roles; read ``#:`` attribute comments."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if isinstance(obj, griffe.Attribute) and obj.docstring is None:
            text = _comment_doc(obj)
            if text:
                obj.docstring = griffe.Docstring(text, parent=obj)
        if obj.docstring is not None:
            obj.docstring.value = _fix(obj.docstring.value)
