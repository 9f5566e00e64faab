"""Inputs and outputs of the ``arnews`` command: :mod:`arnews.io.readers` reads and decodes
documents, :mod:`arnews.io.writers` writes records so that a failed run damages nothing.

Example:
    >>> from arnews.io import readers, writers
    >>> readers.DEFAULT_MAX_CHARS
    5000000
"""
