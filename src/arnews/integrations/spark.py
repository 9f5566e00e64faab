"""Parse a corpus on Spark: the function for ``DataFrame.mapInPandas`` and its schema.

Spark hands :func:`parse_partitions` the DataFrame as a stream of pandas DataFrames (one
Arrow batch at a time); it yields DataFrames of the parsed articles, whose columns
:func:`schema` describes: the page's ``id``, then the command's JSON Lines record (the
fields of :meth:`arnews.Article.to_dict`, then ``text``, the clean body), the same columns
and types as :mod:`arnews.integrations.hf`::

    from arnews.integrations.spark import parse_partitions, schema

    parsed = df.mapInPandas(parse_partitions, schema=schema())   # df: columns id and text

For other column names, a parser of your own or spans, make the function with
:func:`partition_parser` (``partition_parser(text_field="content", id_field="url")``) and
pass the same ``id_field`` and ``spans`` to :func:`schema`.

arnews must be installed where the Python workers run, and the workers must run the Python
that has it: set ``PYSPARK_PYTHON`` (and ``PYSPARK_DRIVER_PYTHON``) to that interpreter, for
example the virtual environment's ``python``, before the session starts. pandas and pyarrow
(which ``mapInPandas`` needs) and pyspark come with ``pip install 'arnews[spark]'``; nothing
here imports pyspark until :func:`schema` is called, and ``import arnews`` never does.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import attrs

from ..parser import Parser, parse
from ._columns import arrow_schema, article_row, column_names

__all__ = ["parse_partitions", "partition_parser", "schema"]

_INSTALL = "pip install 'arnews[spark]'"


def _id_value(value: Any) -> str | None:
    # The id column is a string, as in the command's CSV and Parquet; null (None, or the
    # NaN pandas puts in a column with missing values) stays null.
    if isinstance(value, str):
        return value
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # an integer id column with nulls reaches pandas as floats
    return str(value)


@attrs.frozen(slots=True)
class PartitionParser:
    """The ``mapInPandas`` function that :func:`partition_parser` makes (it pickles).

    Example:
        >>> PartitionParser().text_field
        'text'
    """

    #: The input column that holds the page.
    text_field: str = "text"
    #: The input column copied to the output as a string (``None``: no id column).
    id_field: str | None = "id"
    #: The parser; ``None`` for the configuration of :func:`arnews.parse`.
    parser: Parser | None = None
    #: Also output ``spans``, ``parts`` and ``warnings``.
    spans: bool = False

    def __call__(self, batches: Iterator[Any]) -> Iterator[Any]:
        """Parse each pandas DataFrame of ``batches``; yield one of :func:`schema` each."""
        import pandas as pd  # type: ignore[import-untyped, import-not-found, unused-ignore]

        names = column_names(spans=self.spans)
        parser = self.parser
        for batch in batches:
            columns: dict[str, list[Any]] = {name: [] for name in names}
            appends = [columns[name].append for name in names]
            for page in batch[self.text_field]:
                if _id_value(page) is None:
                    # A null page (None, NaN): a row of nulls, as in the other integrations;
                    # any other non-string goes to parse(), whose TypeError says what it got.
                    for append in appends:
                        append(None)
                    continue
                row = article_row(
                    parse(page) if parser is None else parser.parse(page), spans=self.spans
                )
                for name, append in zip(names, appends, strict=True):
                    append(row[name])
            if self.id_field is not None:
                ids = [_id_value(v) for v in batch[self.id_field]]
                columns = {self.id_field: ids, **columns}
            yield pd.DataFrame(columns, index=None)


def partition_parser(
    *,
    text_field: str = "text",
    id_field: str | None = "id",
    parser: Parser | None = None,
    spans: bool = False,
) -> PartitionParser:
    """Make a ``mapInPandas`` function for these columns, parser and spans.

    ``text_field`` is the input column of pages; ``id_field`` is copied to the output first,
    as a string (``None``: no id). Pass :func:`schema` the same ``id_field`` and ``spans``.

    Example:
        >>> import pandas as pd
        >>> step = partition_parser(text_field="content", id_field="url")
        >>> batch = pd.DataFrame({"url": ["u1"], "content": ["خبر قصير.\\n\\nالمصدر: رويترز"]})
        >>> [out] = step(iter([batch]))
        >>> out.loc[0, "url"], out.loc[0, "source"], out.loc[0, "text"]
        ('u1', 'رويترز', 'خبر قصير.')
    """
    return PartitionParser(text_field, id_field, parser, spans)


#: The ``mapInPandas`` function for input columns ``id`` and ``text``, without spans.
parse_partitions = partition_parser()


def _spark_type(arrow_type: Any, types: Any) -> Any:
    # The few Arrow types the row has: strings, 64-bit integers, lists and structs.
    import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]

    if pa.types.is_string(arrow_type):
        return types.StringType()
    if pa.types.is_int64(arrow_type):
        return types.LongType()
    if pa.types.is_list(arrow_type):
        return types.ArrayType(_spark_type(arrow_type.value_type, types))
    if pa.types.is_struct(arrow_type):
        return types.StructType(
            [types.StructField(f.name, _spark_type(f.type, types)) for f in arrow_type]
        )
    raise TypeError(f"no Spark type for {arrow_type}")  # pragma: no cover


def schema(*, spans: bool = False, id_field: str | None = "id") -> Any:
    """The ``pyspark.sql.types.StructType`` of the rows :func:`parse_partitions` yields.

    ``id_field`` (a string) first, unless ``None``; then the fields of
    :meth:`arnews.Article.to_dict` and ``text``: strings, ``dateline`` a struct
    ``<place, agency>``, lists of strings as arrays, ``read_also`` an array of structs of the
    same fields (made from the same Arrow schema as :func:`arnews.integrations.hf.features`).
    Its ``simpleString()`` is the DDL form.

    Raises:
        ImportError: pyspark is not installed.

    Example:
        >>> schema()["keywords"].dataType.simpleString()
        'array<string>'
    """
    try:
        from pyspark.sql import types  # type: ignore[import-not-found, unused-ignore]
    except ImportError as exc:
        raise ImportError(f"arnews.integrations.spark needs pyspark ({exc}): {_INSTALL}") from exc
    fields = [] if id_field is None else [types.StructField(id_field, types.StringType())]
    fields += [
        types.StructField(f.name, _spark_type(f.type, types)) for f in arrow_schema(spans=spans)
    ]
    return types.StructType(fields)
