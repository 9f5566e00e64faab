"""Glue between arnews and data-processing frameworks.

Each integration is its own module, with its own extra, and imports its framework only when
used, so ``import arnews`` never needs them:

- :mod:`arnews.integrations.datatrove`: the pipeline step
  :class:`~arnews.integrations.datatrove.ArnewsParser` (``pip install 'arnews[datatrove]'``);
- :mod:`arnews.integrations.hf`: :func:`~arnews.integrations.hf.parse_batch` and
  :func:`~arnews.integrations.hf.features` for ``datasets.Dataset.map(batched=True)``
  (``pip install 'arnews[hf]'``);
- :mod:`arnews.integrations.spark`: :data:`~arnews.integrations.spark.parse_partitions` and
  :func:`~arnews.integrations.spark.schema` for ``DataFrame.mapInPandas``
  (``pip install 'arnews[spark]'``);
- :mod:`arnews.integrations.dask`: :func:`~arnews.integrations.dask.parse_bag` and
  :func:`~arnews.integrations.dask.parse_dataframe` (``pip install 'arnews[dask]'``).

The datatrove, Hugging Face and Spark integrations write the same row: the command's JSON
Lines record (the fields of :meth:`arnews.Article.to_dict`, then ``text``, the clean body),
typed once in :mod:`arnews.integrations._columns`.

Example:
    >>> from arnews.integrations.hf import parse_batch
    >>> parse_batch({"text": ["خبر قصير.\\n\\nالمصدر: رويترز"]})["source"]
    ['رويترز']
"""
