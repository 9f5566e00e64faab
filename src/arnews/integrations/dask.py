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
import json
from typing import Any

from ..model import Article, replace_surrogates
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


def _article_or_error(text: Any, *, parser: Parser | None, spans: bool) -> dict[str, Any]:
    try:
        return _parse(parser, text).to_dict(spans=spans)
    except TypeError as exc:
        code, message = "not_text", str(exc)
    except MemoryError:
        code, message = "out_of_memory", "ran out of memory parsing it"
    except Exception as exc:  # a bug in arnews: one error record, not a failed compute
        code, message = "internal_error", f"{type(exc).__name__}: {exc} (please report it)"
    return {"error": {"code": code, "message": message}}


_ERRORS = ("raise", "record")


def parse_bag(
    bag: Any, *, parser: Parser | None = None, spans: bool = True, errors: str = "raise"
) -> Any:
    """Map a :class:`dask.bag.Bag` of page texts to a bag of ``Article.to_dict()`` dicts.

    Each dict is the output contract (see ``Article.to_dict``), with ``spans``, ``parts`` and
    ``warnings`` unless ``spans=False``. Order and partitions are those of ``bag``.
    ``parser`` defaults to the configuration of :func:`arnews.parse`.

    ``errors="raise"`` (the default) lets an item that cannot be parsed (not a string, say)
    fail the compute, as Dask does; ``errors="record"`` puts an error record in its place,
    ``{"error": {"code": …, "message": …}}``, with the codes ``not_text`` (not a string),
    ``out_of_memory`` and ``internal_error`` (a bug in arnews), so that one bad item out of
    millions costs one record, not the whole compute.

    Raises:
        ImportError: Dask is not installed.
        ValueError: ``errors`` is neither ``"raise"`` nor ``"record"``.

    Example:
        >>> import dask.bag as db
        >>> bag = db.from_sequence(["خبر قصير.\\n\\nالمصدر: رويترز"], npartitions=1)
        >>> parse_bag(bag, spans=False).pluck("source").compute(scheduler="sync")
        ['رويترز']
    """
    _require("dask.bag")
    if errors not in _ERRORS:
        raise ValueError(f"errors must be 'raise' or 'record', not {errors!r}")
    step = _article_dict if errors == "raise" else _article_or_error
    return bag.map(functools.partial(step, parser=parser, spans=spans))


#: Columns :func:`parse_dataframe` adds, before the ``spans=True`` ones: ``str`` for the
#: ``string`` dtype, ``list`` for a list of strings (an Arrow list column).
_CONTRACT_COLUMNS = (
    ("title", str),
    ("dateline_place", str),
    ("dateline_agency", str),
    ("byline", str),
    ("updated", str),
    ("published", str),
    ("paragraphs", list),
    ("related_headlines", list),
    ("source", str),
    ("keywords", list),
    ("read_also", str),
    ("similar", list),
    ("boilerplate", list),
)


def dataframe_columns(*, spans: bool = False) -> dict[str, Any]:
    """The columns :func:`parse_dataframe` adds, name → pandas dtype (needs pandas and
    pyarrow).

    Texts are the ``string`` dtype; lists, and ``spans``, ``parts`` and ``warnings``, are
    Arrow-backed (:class:`pandas.ArrowDtype`), so that the meta has real types and
    ``to_parquet`` writes native list and struct columns.

    Example:
        >>> str(dataframe_columns()["keywords"]), str(dataframe_columns()["source"])
        ('list<item: string>[pyarrow]', 'string')
    """
    pd = _require("pandas")
    pa = _require("pyarrow")
    from ..io.writers import span_fields

    strings = pd.ArrowDtype(pa.list_(pa.string()))
    columns: dict[str, Any] = {
        name: pd.StringDtype() if kind is str else strings for name, kind in _CONTRACT_COLUMNS
    }
    if spans:
        columns.update((name, pd.ArrowDtype(arrow)) for name, arrow in span_fields())
    return columns


def _row(article: Article, spans: bool) -> list[Any]:
    data = article.to_dict(spans=spans)
    dateline = article.dateline
    row = [
        data["title"],
        None if dateline is None else dateline.place,
        None if dateline is None else dateline.agency,
        data["byline"],
        data["updated"],
        data["published"],
        data["paragraphs"],
        data["related_headlines"],
        data["source"],
        data["keywords"],
        json.dumps(data["read_also"], ensure_ascii=False),
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
    pa = _require("pyarrow")
    columns = dataframe_columns(spans=spans)
    empty = [None] * len(columns)
    rows = [
        # A missing text (None, NaN, <NA>) is a missing row; any other non-str goes to
        # parse(), whose TypeError says what it got. Lone surrogates (which Arrow refuses)
        # become U+FFFD, one for one: spans hold.
        empty
        if not isinstance(text, str) and pd.api.types.is_scalar(text) and pd.isna(text)
        else _row(
            _parse(parser, replace_surrogates(text) if isinstance(text, str) else text), spans
        )
        for text in frame[text_column]
    ]
    added = {}
    for i, (name, dtype) in enumerate(columns.items()):
        values = [row[i] for row in rows]
        if isinstance(dtype, pd.ArrowDtype):
            array = pd.arrays.ArrowExtensionArray(pa.array(values, type=dtype.pyarrow_dtype))
            added[prefix + name] = pd.Series(array, index=frame.index)
        else:
            added[prefix + name] = pd.Series(values, index=frame.index, dtype=dtype)
    return pd.concat([frame, pd.DataFrame(added, index=frame.index)], axis=1)


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
    a table: ``title``, ``source``, ``dateline_place``, ``dateline_agency``, ``byline`` and
    the ISO 8601 strings ``updated`` and ``published`` have the ``string`` dtype; the lists
    (``paragraphs``, ``related_headlines``, ``keywords``, ``similar``, ``boilerplate``) are
    Arrow list columns (a row's value is a Python list), and ``read_also`` is the JSON text
    of the read-also articles (their shape holds itself, which no table type does), as in
    ``arnews parse --format parquet``. ``spans=True`` adds ``spans`` (a struct: a dict),
    ``parts`` and ``warnings`` (lists of structs). Typed columns keep the data usable as is
    (``df.keywords.explode()``, ``df.paragraphs.map("\\n\\n".join)``) and give a meta that
    ``to_parquet`` can write: ``parse_dataframe(ddf).to_parquet(path)`` writes native list and
    struct columns. A missing text (``None``, ``NaN``, ``<NA>``) gives
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
    added = added.astype(columns)
    meta = pd.concat([base, added.set_axis(base.index).add_prefix(prefix)], axis=1)
    return ddf.map_partitions(_parse_partition, text_column, parser, spans, prefix, meta=meta)
