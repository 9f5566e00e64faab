"""Parse a corpus held in a Dask bag or a Dask dataframe.

Dask is imported when a function is called, not when this module is: ``import arnews`` works
without it, and a call without it raises an :class:`ImportError` that says what to install
(``pip install 'arnews[dask]'``).

The functions only add a ``map`` step to the task graph; nothing runs before ``compute()``.
The parser goes into the graph by pickling, so any scheduler works (threads, processes,
``distributed``). Parsing is CPU-bound pure Python, so the ``processes`` scheduler (or a
``distributed`` cluster with one thread per worker) is the one that uses several cores.

Example:
    >>> import dask, dask.bag as db  # doctest: +SKIP
    >>> from arnews.integrations.dask import parse_bag
    >>> bag = db.from_sequence(["خبر قصير.\\n\\nالمصدر: رويترز"], npartitions=1)  # doctest: +SKIP
    >>> parse_bag(bag).pluck("source").compute(scheduler="processes")  # doctest: +SKIP
    ['رويترز']
"""

from __future__ import annotations

import functools
import importlib
from typing import Any

from ..model import Article
from ..parser import Parser, parse

__all__ = ["dataframe_columns", "parse_bag", "parse_dataframe"]

_INSTALL = "pip install 'arnews[dask]'"


def _require(module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(
            f"arnews.integrations.dask needs {module.split('.')[0]} ({exc}): {_INSTALL}"
        ) from exc


def _parse(parser: Parser | None, text: str) -> Article:
    return parse(text) if parser is None else parser.parse(text)


def _article_dict(text: str, *, parser: Parser | None, spans: bool) -> dict[str, Any]:
    return _parse(parser, text).to_dict(spans=spans)


def parse_bag(bag: Any, *, parser: Parser | None = None, spans: bool = True) -> Any:
    """Map a :class:`dask.bag.Bag` of page texts to a bag of ``Article.to_dict()`` dicts.

    Each dict is the output contract (see ``Article.to_dict``), with ``spans``, ``parts`` and
    ``warnings`` unless ``spans=False``. Order and partitions are those of ``bag``.
    ``parser`` defaults to the configuration of :func:`arnews.parse`.

    Raises:
        ImportError: Dask is not installed.

    Example:
        >>> import dask.bag as db
        >>> bag = db.from_sequence(["خبر قصير.\\n\\nالمصدر: رويترز"], npartitions=1)
        >>> parse_bag(bag, spans=False).pluck("source").compute(scheduler="sync")
        ['رويترز']
    """
    _require("dask.bag")
    return bag.map(functools.partial(_article_dict, parser=parser, spans=spans))


#: Columns :func:`parse_dataframe` adds, with their dtypes, before the ``spans=True`` ones.
_CONTRACT_COLUMNS = (
    ("title", "string"),
    ("dateline_place", "string"),
    ("dateline_agency", "string"),
    ("updated", "string"),
    ("published", "string"),
    ("paragraphs", "object"),
    ("related_headlines", "object"),
    ("source", "string"),
    ("keywords", "object"),
    ("read_also", "object"),
    ("similar", "object"),
    ("boilerplate", "object"),
)
_SPAN_COLUMNS = (("spans", "object"), ("parts", "object"), ("warnings", "object"))


def dataframe_columns(*, spans: bool = False) -> dict[str, str]:
    """The columns :func:`parse_dataframe` adds, name → pandas dtype.

    Example:
        >>> dataframe_columns()["keywords"], dataframe_columns()["source"]
        ('object', 'string')
    """
    return dict(_CONTRACT_COLUMNS + (_SPAN_COLUMNS if spans else ()))


def _row(article: Article, spans: bool) -> list[Any]:
    data = article.to_dict(spans=spans)
    dateline = article.dateline
    row = [
        data["title"],
        None if dateline is None else dateline.place,
        None if dateline is None else dateline.agency,
        data["updated"],
        data["published"],
        data["paragraphs"],
        data["related_headlines"],
        data["source"],
        data["keywords"],
        data["read_also"],
        data["similar"],
        data["boilerplate"],
    ]
    if spans:
        row += [data["spans"], data["parts"], data["warnings"]]
    return row


def _parse_partition(
    frame: Any, text_column: str, parser: Parser | None, spans: bool, prefix: str
) -> Any:
    pd = _require("pandas")
    columns = dataframe_columns(spans=spans)
    empty = [None] * len(columns)
    rows = [
        # A missing text (None, NaN, <NA>) is a missing row; any other non-str goes to
        # parse(), whose TypeError says what it got.
        empty
        if not isinstance(text, str) and pd.api.types.is_scalar(text) and pd.isna(text)
        else _row(_parse(parser, text), spans)
        for text in frame[text_column]
    ]
    added = pd.DataFrame(rows, columns=list(columns), index=frame.index, dtype=object)
    added = added.astype(columns).add_prefix(prefix)
    return pd.concat([frame, added], axis=1)


def parse_dataframe(
    ddf: Any,
    text_column: str = "text",
    *,
    parser: Parser | None = None,
    spans: bool = False,
    prefix: str = "",
) -> Any:
    """Return ``ddf`` with the parsed article's fields added as columns.

    The added columns (see :func:`dataframe_columns`) are the output contract, flattened for
    a table: ``title``, ``source``, ``dateline_place``, ``dateline_agency`` and the ISO 8601
    strings ``updated`` and ``published`` have the ``string`` dtype; the lists
    (``paragraphs``, ``related_headlines``, ``keywords``, ``similar``, ``boilerplate``) are
    Python lists in ``object`` columns, and ``read_also`` a list of contract dicts.
    ``spans=True`` adds ``spans`` (dict), ``parts`` and ``warnings`` (lists of dicts).
    Python objects rather than JSON strings keep the data usable as is
    (``df.keywords.explode()``, ``df.paragraphs.str.join("\\n\\n")``) and are written by
    ``to_parquet`` as native list columns. A missing text (``None``, ``NaN``, ``<NA>``) gives
    a row of missing values; any other non-string raises :class:`TypeError` at compute time.
    ``prefix`` is put before each added name, for inputs that already have, say, a ``title``.

    Raises:
        ImportError: Dask or pandas is not installed.
        KeyError: ``text_column`` is not a column of ``ddf``.
        ValueError: an added column's name is already a column of ``ddf``.

    Example:
        >>> import pandas as pd, dask.dataframe as dd
        >>> pdf = pd.DataFrame({"text": ["خبر قصير.\\n\\nالمصدر: رويترز"]})
        >>> out = parse_dataframe(dd.from_pandas(pdf, npartitions=1))
        >>> out.source.compute(scheduler="sync").tolist()
        ['رويترز']
    """
    make_meta = _require("dask.dataframe.utils").make_meta
    pd = _require("pandas")

    if text_column not in ddf.columns:
        raise KeyError(f"no column {text_column!r}; the columns are {list(ddf.columns)}")
    columns = dataframe_columns(spans=spans)
    clashes = sorted(set(ddf.columns) & {prefix + name for name in columns})
    if clashes:
        raise ValueError(
            f"the input already has columns {clashes}: rename them, or pass a prefix "
            f"(e.g. prefix='arnews_')"
        )
    base = make_meta(ddf)
    added = pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in columns.items()})
    meta = pd.concat([base, added.set_axis(base.index).add_prefix(prefix)], axis=1)
    return ddf.map_partitions(_parse_partition, text_column, parser, spans, prefix, meta=meta)
