"""Glue between arnews and data-processing frameworks.

Each integration is its own module and imports its framework only when called, so
``import arnews`` never needs them:

- :mod:`arnews.integrations.dask`: :func:`~arnews.integrations.dask.parse_bag` and
  :func:`~arnews.integrations.dask.parse_dataframe` (``pip install 'arnews[dask]'``).

Spark (``mapInPandas``) and Hugging Face ``datasets`` (``map(batched=True)``) need no glue:
``examples/spark_recipe.py`` and ``examples/hf_datasets_recipe.py`` show the few lines they take.

Example:
    >>> from arnews.integrations import dask as arnews_dask  # doctest: +SKIP
    >>> arnews_dask.parse_bag(bag).take(1)  # doctest: +SKIP
"""
