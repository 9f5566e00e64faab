"""Reading and validating lexicon data: JSON files and dicts, phrase limits, their errors.

Every error is a :class:`LexiconError` that says where the problem is (the file, the key,
the item), so that a broken edit to a lexicon file, the shipped one included, names itself.

Example:
    >>> lexicon_fields({"bullets": ["-"]})["bullets"]
    ('-',)
    >>> lexicon_fields({"markers": {"source": "المصدر"}})
    Traceback (most recent call last):
    ...
    arnews.lexicon.LexiconError: markers.source must be a list of strings, not a string
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from os import PathLike

#: The longest phrase a lexicon takes, in characters: a marker is looked for in the first
#: :data:`PREFIX_CHARS` characters of a line, and furniture phrases are short; a longer
#: "phrase" is a mistake (a paragraph pasted in), and would make the patterns deep.
MAX_PHRASE_CHARS = 150

# The keys of a lexicon file; keys that start with "_" or "$" are comments ("$schema").
# The keys that hold a list of phrases: one table, so that a new kind of phrase is read,
# checked and accepted in one place.
_PHRASE_KEYS = (
    "boilerplate",
    "boilerplate_lines",
    "bullets",
    "bylines",
    "boilerplate_inside",
    "tickers",
    "navigation",
)
_KEYS = ("version", "description", "markers", "credits", *_PHRASE_KEYS)

_KINDS_OF = {str: "a string", dict: "an object", int: "a number", float: "a number"}


class LexiconError(ValueError):
    """A lexicon file or dict is malformed; the message says where (the file, the key).

    Example:
        >>> Lexicon.from_dict({"bullets": "-"})
        Traceback (most recent call last):
        ...
        arnews.lexicon.LexiconError: bullets must be a list of strings, not a string
    """


# Named where it is imported from, as before the lexicon became a package: tracebacks and
# the examples say ``arnews.lexicon.LexiconError``.
LexiconError.__module__ = "arnews.lexicon"


def read_utf8(path: str | PathLike[str], error: type[ValueError]) -> str:
    """Read a data file (lexicon, profile) as UTF-8, a BOM allowed; ``error`` names the file.

    Example:
        >>> read_utf8("/no/such/file.json", LexiconError)
        Traceback (most recent call last):
        ...
        arnews.lexicon.LexiconError: /no/such/file.json: cannot read it: No such file or directory
    """
    try:
        with open(path, "rb") as f:
            data = f.read()
        return data.decode("utf-8-sig")
    except OSError as exc:
        raise error(f"{path}: cannot read it: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise error(f"{path}: not valid UTF-8 at byte {exc.start}") from exc


def write_utf8(path: str | PathLike[str], text: str) -> None:
    """Write ``text`` to the file ``path`` as UTF-8 (what ``Path.write_text`` does: the data
    files are written without importing :mod:`pathlib`, a twenty-fifth of ``import arnews``).

    Example:
        >>> import os, tempfile
        >>> p = os.path.join(tempfile.mkdtemp(), "note.txt")
        >>> write_utf8(p, "نص")
        >>> read_utf8(p, LexiconError)
        'نص'
    """
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def _str_list(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list | tuple):
        kind = _KINDS_OF.get(type(value), type(value).__name__)
        raise LexiconError(f"{where} must be a list of strings, not {kind}")
    for i, item in enumerate(value):
        if not isinstance(item, str):
            kind = _KINDS_OF.get(type(item), type(item).__name__)
            raise LexiconError(f"{where}[{i}] must be a string, not {kind}")
    return tuple(value)


def _check_phrases(where: str, phrases: Iterable[str]) -> None:
    for i, phrase in enumerate(phrases):
        if len(phrase) > MAX_PHRASE_CHARS:
            raise LexiconError(
                f"{where}[{i}] is {len(phrase):,} characters long; a phrase may have at most "
                f"{MAX_PHRASE_CHARS} ({phrase[:30]!r}...)"
            )


def lexicon_fields(data: Any) -> dict[str, Any]:
    """The fields of a :class:`~arnews.lexicon.Lexicon`, read and checked from ``data``, a
    dict shaped like ``data/lexicon.json`` (what ``Lexicon.from_dict`` builds from)."""
    if not isinstance(data, Mapping):
        kind = _KINDS_OF.get(type(data), "an array" if isinstance(data, list) else "")
        raise LexiconError(f"a lexicon must be a JSON object, not {kind or type(data).__name__}")
    unknown = [k for k in data if k not in _KEYS and not str(k).startswith(("_", "$"))]
    if unknown:
        raise LexiconError(f"unknown key {unknown[0]!r} (the keys are {', '.join(_KEYS)})")
    markers_in = data.get("markers", {})
    if not isinstance(markers_in, Mapping):
        raise LexiconError("'markers' must map a marker kind to a list of phrases")
    markers = {str(k): _str_list(v, f"markers.{k}") for k, v in markers_in.items()}
    credits_in = data.get("credits", {})
    if not isinstance(credits_in, Mapping):
        raise LexiconError("'credits' must map a role to a list of words")
    credits = {str(k): _str_list(v, f"credits.{k}") for k, v in credits_in.items()}
    phrases = {key: _str_list(data.get(key, []), key) for key in _PHRASE_KEYS}
    return {"markers": markers, "credits": credits, **phrases}


def decode_json(
    text: str, where: str, error: type[ValueError] = LexiconError, what: str = "a lexicon"
) -> Any:
    """The JSON value of a data file's ``text``; ``where`` (the file) names it in errors,
    raised as ``error`` (the lexicon's and the site profiles' files read the same way).

    Example:
        >>> decode_json('{"markers": {}}', "my.json")
        {'markers': {}}
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise error(
            f"{where}: not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from exc
    except RecursionError:
        raise error(f"{where}: not {what}: arrays or objects nested too deep") from None
    except ValueError as exc:  # a number too long to read, say
        raise error(f"{where}: not valid JSON: {exc}") from exc
