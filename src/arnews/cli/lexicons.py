"""``--lexicon`` and ``--tag-lexicon``: the parser every command builds, from its options.

The files are read with the library's loaders (:meth:`arnews.Lexicon.load`,
:meth:`arnews.TagLexicon.load`); any problem with one is a usage error naming the file, told
before any input is read. The parser pickles to the worker processes with them: a lexicon
travels as its data and is compiled once in each worker.

Example:
    >>> import argparse
    >>> args = argparse.Namespace(lexicon=None, tag_lexicon=None, max_chars=0)
    >>> command_parser(args).tag_lexicon is None
    True
"""

from __future__ import annotations

import argparse

from ..lexicon import Lexicon, LexiconError
from ..parser import Parser
from ..tags import TagLexicon
from .common import UsageError


def load_lexicon(path: str) -> Lexicon:
    """The marker lexicon of ``--lexicon FILE``, or a usage error naming the file.

    Example:
        >>> load_lexicon("no/such/lexicon.json")
        Traceback (most recent call last):
        ...
        arnews.cli.common.UsageError: --lexicon no/such/lexicon.json: cannot read it: No such file or directory
    """  # noqa: E501
    try:
        return Lexicon.load(path)
    except LexiconError as exc:
        message = str(exc)
        if not message.startswith(path):
            message = f"{path}: {message}"
        raise UsageError(f"--lexicon {message}") from None


def load_tag_lexicon(path: str) -> TagLexicon:
    """The tag lexicon of ``--tag-lexicon FILE``, or a usage error naming the file.

    Example:
        >>> load_tag_lexicon("examples/pages")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        arnews.cli.common.UsageError: --tag-lexicon examples/pages: cannot read it: Is a directory
    """
    try:
        return TagLexicon.load(path)
    except OSError as exc:
        why = exc.strerror or str(exc)
        raise UsageError(f"--tag-lexicon {path}: cannot read it: {why}") from None
    except ValueError as exc:  # the message names the file (and the line)
        raise UsageError(f"--tag-lexicon {exc}") from None


def command_parser(args: argparse.Namespace) -> Parser:
    """The parser of a command: its ``--lexicon`` and ``--tag-lexicon`` (when given; the
    defaults else), and ``--max-chars`` (so that a page the command lets through is parsed,
    not returned as body text). Site profiles (``--profiles``) are applied on top of it.
    """
    lexicon_path = getattr(args, "lexicon", None)
    tags_path = getattr(args, "tag_lexicon", None)
    lexicon = load_lexicon(lexicon_path) if lexicon_path is not None else Lexicon.default()
    tag_lexicon = load_tag_lexicon(tags_path) if tags_path is not None else None
    return Parser(lexicon=lexicon, tag_lexicon=tag_lexicon, max_chars=args.max_chars or None)
