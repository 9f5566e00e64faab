"""Parse a Hugging Face ``datasets`` corpus with ``Dataset.map(batched=True)``.

:func:`parse_batch` is the function to map: it takes a batch (a dict of columns) and returns
the article's columns, the command's JSON Lines record (the fields of
:meth:`arnews.Article.to_dict`, then ``text``, the clean body). :func:`features` describes
them, so that ``datasets`` stores real types instead of guessing them from the first batch
(a batch whose datelines are all missing would otherwise type ``dateline`` as null).

Nothing here imports ``datasets`` until :func:`features` is called, and :func:`parse_batch`
never does: ``import arnews`` works without it (``pip install 'arnews[hf]'`` installs it).
:func:`parse_batch` is a plain module-level function, so ``map(num_proc=N)`` pickles it.

Example:
    >>> from datasets import Dataset
    >>> from arnews.integrations.hf import features, parse_batch
    >>> ds = Dataset.from_dict({"id": ["a"], "text": ["خبر قصير.\\n\\nالمصدر: رويترز"]})
    >>> ds = ds.map(
    ...     parse_batch, batched=True, features=features(base=ds.features), keep_in_memory=True
    ... )
    >>> ds[0]["id"], ds[0]["source"], ds[0]["text"]
    ('a', 'رويترز', 'خبر قصير.')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..parser import Parser, parse
from ._columns import arrow_schema, article_row, column_names

__all__ = ["features", "parse_batch"]

_INSTALL = "pip install 'arnews[hf]'"


def parse_batch(
    batch: Mapping[str, Sequence[Any]],
    *,
    text_field: str = "text",
    parser: Parser | None = None,
    spans: bool = False,
) -> dict[str, list[Any]]:
    """Parse the pages of ``batch[text_field]``; return the article's columns.

    The columns are those of :func:`features`, one value per page: the fields of
    :meth:`arnews.Article.to_dict` (``title``, ``dateline`` as ``{place, agency}``, ``byline``,
    ``updated``, ``paragraphs``, ``related_headlines``, ``source``, ``keywords``,
    ``read_also``, ``similar``, ``boilerplate``, ``published``; with ``spans=True`` also
    ``spans``, ``parts`` and ``warnings``), then ``text``, the clean body. ``datasets`` keeps
    the batch's other columns; when the pages are in ``text`` (the default), the clean body
    replaces them, as in a datatrove pipeline (map a copy, or rename the column first, to keep
    the raw page). A missing page (``None``) gives a row of nulls. Pass the options with
    ``fn_kwargs`` (``map(parse_batch, batched=True, fn_kwargs={"text_field": "content"})``).
    ``parser`` defaults to the configuration of :func:`arnews.parse`; a
    :class:`~arnews.Parser` pickles, so ``num_proc`` works with one too.

    Raises:
        KeyError: the batch has no ``text_field`` column.
        TypeError: a page is neither a string nor ``None``.

    Example:
        >>> out = parse_batch({"text": ["خبر قصير.\\n\\nالمصدر: رويترز", None]})
        >>> out["source"], out["text"]
        (['رويترز', None], ['خبر قصير.', None])
    """
    names = column_names(spans=spans)
    columns: dict[str, list[Any]] = {name: [] for name in names}
    appends = [columns[name].append for name in names]
    for page in batch[text_field]:
        if page is None:
            for append in appends:
                append(None)
            continue
        row = article_row(parse(page) if parser is None else parser.parse(page), spans=spans)
        for name, append in zip(names, appends, strict=True):
            append(row[name])
    return columns


def features(*, spans: bool = False, base: Mapping[str, Any] | None = None) -> Any:
    """The ``datasets.Features`` of :func:`parse_batch`'s columns (needs ``datasets``).

    ``Dataset.map(features=…)`` wants the features of every column of the result, the ones
    the dataset keeps included: pass ``base=dataset.features`` to have them put first (a
    column that :func:`parse_batch` writes, such as ``text``, takes its new type), or drop
    the input's columns with ``remove_columns=dataset.column_names`` and pass none. The types
    come from the same Arrow schema as the Spark integration's: strings, ``dateline`` as
    ``{place, agency}``, lists of strings, ``read_also`` as a list of article rows.

    Raises:
        ImportError: ``datasets`` is not installed.

    Example:
        >>> features()["source"].dtype, features()["keywords"].feature.dtype
        ('string', 'string')
    """
    try:
        import datasets  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError as exc:
        raise ImportError(f"arnews.integrations.hf needs datasets ({exc}): {_INSTALL}") from exc
    ours = datasets.Features.from_arrow_schema(arrow_schema(spans=spans))
    if base is None:
        return ours
    return datasets.Features({**base, **ours})
