"""The JSON text of a lazy chain of read-also articles, written from its columns.

A chain of fifty thousand read-also articles of one shape (a headline and a line each, as
the hostile page has) is written without making one :class:`~arnews.model.Article`: one
template for an article's JSON, repeated, and one ``%`` format of every article's strings
and offsets, interleaved by slice assignments. The text is byte for byte what
:func:`~arnews.jsontext.article_text` writes of each article; a chain of mixed shapes, or
with other fields, is written article by article instead.

Example:
    >>> import arnews
    >>> from arnews.model import Article
    >>> a = arnews.parse("نص.\\n\\nالمصدر: سرايا\\n\\n" + "إقرأ أيضاً:\\nعنوان\\nنص.\\n" * 12)
    >>> text = chain_json(a.read_also, True, [])
    >>> text == "[" + ", ".join(Article.to_json(r) for r in a.read_also) + "]"
    True
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat
from typing import Any, cast

from .articles import Articles
from .build_columns import _articles_of, _Chain, _sorted_rows
from .jsonspans import _PAIR, _PAIRS, _PART_HEADS, _SPANS
from .jsontext import _HEAD, _eb

__all__ = ["chain_json"]


def _quoted(values: Sequence[str | None]) -> list[str]:
    """Each value's JSON text (``null`` for ``None``), in one C-level pass when none is."""
    if None in values:
        return ["null" if v is None else _eb(v) for v in values]
    return list(map(_eb, cast("Sequence[str]", values)))


def _span_slot(starts: list[int | None], m: int) -> str | None:
    """A field's span slot in the template: a pair when every article has one, ``null``
    when none has; ``None`` when some have (the chain is then written article by article)."""
    missing = starts.count(None)
    if missing == 0:
        return _PAIR
    return "null" if missing == m else None


def chain_json(chain: Articles, spans: bool, checks: list[str]) -> str | None:
    """The JSON array of the lazy ``chain``'s articles, written from its columns; ``None``
    where its articles are not all of one shape (then they are written one by one).

    The strings written are added to ``checks`` (the caller looks for lone surrogates in
    them), as :func:`~arnews.jsontext.article_text` adds each article's.
    """
    if chain._make is not _articles_of:
        return None
    columns: _Chain = chain._columns
    (kinds, starts, ends, names, _, step), paragraph_rows = _sorted_rows(columns, True)
    paragraphs, p_starts, p_ends, _, p_step = paragraph_rows
    titles, t_starts, t_ends, sources, s_starts, s_ends = columns.firsts
    m = len(titles)
    if (
        columns.others
        or not step
        or p_step is None
        or kinds[step:] != kinds[:-step]
        or names[step:] != names[:-step]
    ):
        return None
    title_slot, source_slot = _span_slot(t_starts, m), _span_slot(s_starts, m)
    if title_slot is None or source_slot is None:
        return None

    quoted = _quoted(paragraphs)
    if p_step > 1:
        # Each article's items joined, as the encoder separates them.
        quoted = list(map(", ".join, zip(*repeat(iter(quoted), p_step), strict=True)))
    strings: list[list[Any]] = [_quoted(titles)]
    if p_step:
        strings.append(quoted)
    strings.append(_quoted(sources))
    template = _HEAD % (
        "%s",
        "null",
        "null",
        "null",
        "[%s]" if p_step else "[]",
        "[]",
        "%s",
        "[]",
        "[]",
        "[]",
        "[]",
        "null",
    )
    checks.append("".join(filter(None, titles)))
    checks.append("".join(paragraphs))
    checks.append("".join(filter(None, sources)))
    numbers: list[list[Any]] = []
    if spans:
        if title_slot is _PAIR:
            numbers += (t_starts, t_ends)
        for i in range(p_step):
            numbers += (p_starts[i::p_step], p_ends[i::p_step])
        if source_slot is _PAIR:
            numbers += (s_starts, s_ends)
        for j in range(step):
            numbers += (starts[j::step], ends[j::step])
        spans_template = _SPANS % (
            title_slot,
            *repeat("null", 6),
            _PAIRS[p_step],
            "[]",
            source_slot,
            "[]",
            "[]",
            "[]",
        )
        shape = zip(kinds[:step], names[:step], strict=True)
        heads = ", ".join(map(_PART_HEADS.__getitem__, shape))
        template += f', "spans": {spans_template}, "parts": [{heads}], "warnings": []}}'
    else:
        template += "}"
    # Every article's values in one tuple, article after article: column ``i`` goes to the
    # slots ``i``, ``i + width``, ... (one C-level slice assignment a column).
    width = len(strings) + len(numbers)
    values: list[Any] = [None] * (width * m)
    for i, column in enumerate(strings + numbers):
        values[i::width] = column
    # The brackets go on the template (ASCII): the text, written once, is not copied again.
    return f"[{', '.join(repeat(template, m))}]" % tuple(values)
