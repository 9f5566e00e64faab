"""Inputs and outputs of the ``arnews`` command: :mod:`arnews.io.readers` reads documents
(text, JSON Lines, :mod:`arnews.io.parquet`; compressed by :mod:`arnews.io.compression`),
:mod:`arnews.io.decoding` decodes them, :mod:`arnews.io.writers` writes records so that a
failed run damages nothing, and :mod:`arnews.io.pages` is the Python API over all of it
(:func:`arnews.read_pages`).

Example:
    >>> from arnews.io import readers, writers
    >>> readers.DEFAULT_MAX_CHARS
    5000000
"""
