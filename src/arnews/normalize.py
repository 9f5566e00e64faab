"""Opt-in normalisation of Arabic text, and the folded key the parser matches on.

The parser never rewrites the text it returns: fields keep the letters as written. Matching
(markers, tags against the body) happens on a *folded key* instead, built by :func:`fold`.
Users who want normalised output call :func:`normalize` explicitly, choosing the steps.

Each step is a flag of :class:`Form`; flags compose with ``|``::

    >>> from arnews import normalize, Form
    >>> normalize("إقرأ أيضاً")
    'اقرا ايضا'
    >>> normalize("مدرسة", form=Form.DEFAULT | Form.TEH_MARBUTA)
    'مدرسه'
    >>> normalize("٢٠٢٥", form=Form.DIGITS)
    '2025'
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Mapping
from types import MappingProxyType

__all__ = [
    "DEFAULT_FORM",
    "FOLDED_FROM",
    "FOLD_DELETED",
    "FOLD_TABLE",
    "Form",
    "fold",
    "fold_chars",
    "normalize",
]


class Form(enum.Flag):
    """The steps :func:`normalize` can apply; combine them with ``|``.

    Example:
        >>> Form.ALEF in Form.DEFAULT
        True
        >>> Form.TEH_MARBUTA in Form.DEFAULT
        False
    """

    #: ``أ إ آ ٱ ٲ ٳ`` → ``ا``.
    ALEF = enum.auto()
    #: Alef maqsura ``ى`` → yeh ``ي``.
    ALEF_MAQSURA = enum.auto()
    #: Teh marbuta ``ة`` → heh ``ه`` (off by default: it merges real words).
    TEH_MARBUTA = enum.auto()
    #: Persian/Urdu letters to their Arabic forms: ``ی`` → ``ي``, ``ک`` → ``ك``, ``ہ ە`` → ``ه``.
    #: ``ی`` always becomes ``ي`` (never ``ى``), wherever it stands in the word.
    PERSIAN = enum.auto()
    #: Remove tatweel (kashida) ``ـ``.
    TATWEEL = enum.auto()
    #: Remove harakat, tanween, shadda, sukun, dagger alef and Quranic marks.
    DIACRITICS = enum.auto()
    #: Arabic-Indic ``٠-٩`` and Persian ``۰-۹`` digits → ASCII ``0-9``.
    DIGITS = enum.auto()
    #: Every Unicode space character (NBSP, thin space, …) → a plain space.
    SPACES = enum.auto()
    #: Remove zero-width characters, bidi controls and the BOM.
    CONTROLS = enum.auto()
    #: Collapse runs of white space to one space and trim the ends.
    WHITESPACE = enum.auto()
    #: Arabic punctuation ``،`` ``؛`` ``؟`` → ``,`` ``;`` ``?`` (off by default).
    PUNCTUATION = enum.auto()

    DEFAULT = (
        ALEF
        | ALEF_MAQSURA
        | PERSIAN
        | TATWEEL
        | DIACRITICS
        | DIGITS
        | SPACES
        | CONTROLS
        | WHITESPACE
    )


#: The steps :func:`normalize` applies when no form is given.
DEFAULT_FORM = Form.DEFAULT

_DIACRITIC_RANGES = (
    (0x0610, 0x061A),
    (0x064B, 0x065F),
    (0x0670, 0x0670),
    (0x06D6, 0x06DC),
    (0x06DF, 0x06E4),
    (0x06E7, 0x06E8),
    (0x06EA, 0x06ED),
)
_CONTROL_RANGES = (
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x2069),
    (0xFEFF, 0xFEFF),
    (0x061C, 0x061C),
    (0x00AD, 0x00AD),
)
# Every character that str.isspace() accepts, except the line breaks the scanner handles.
_SPACE_CHARS = (
    "\t\x0b\x0c\x1c\x1d\x1e\x1f\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)


def _ranges(ranges: tuple[tuple[int, int], ...]) -> dict[int, str | None]:
    return {cp: None for lo, hi in ranges for cp in range(lo, hi + 1)}


_STEP_TABLES: dict[Form, dict[int, str | None]] = {
    Form.ALEF: {ord(c): "ا" for c in "أإآٱٲٳ"},
    Form.ALEF_MAQSURA: {ord("ى"): "ي"},
    Form.TEH_MARBUTA: {ord("ة"): "ه"},
    Form.PERSIAN: {
        ord("ی"): "ي",
        ord("ي"): "ي",
        ord("ک"): "ك",
        ord("ہ"): "ه",
        ord("ە"): "ه",
        ord("ھ"): "ه",
    },
    Form.TATWEEL: {ord("ـ"): None},
    Form.DIACRITICS: _ranges(_DIACRITIC_RANGES),
    Form.DIGITS: {
        **{0x0660 + i: str(i) for i in range(10)},
        **{0x06F0 + i: str(i) for i in range(10)},
    },
    Form.SPACES: {ord(c): " " for c in _SPACE_CHARS},
    Form.CONTROLS: _ranges(_CONTROL_RANGES),
    Form.PUNCTUATION: {ord("،"): ",", ord("؛"): ";", ord("؟"): "?"},
}


def _table(form: Form) -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for step, mapping in _STEP_TABLES.items():
        if step in form:
            table.update(mapping)
    return table


# Built once at import: the default form and the parser's fold key are used on every call.
_DEFAULT_TABLE = _table(Form.DEFAULT)
_FOLD_TABLE = _table(Form.DEFAULT | Form.TEH_MARBUTA)


class _Translate:
    """``str.translate`` with ``table``, by ``str.replace`` of each character found.

    ``str.translate`` with a dict looks each character of Arabic text up one by one (about
    0.1 µs a character, most of it for characters the table does not hold). Here a C-level
    search finds the first character to change, one C-level pass replaces it everywhere, and
    the search goes on from there: one search and one pass per distinct character the text
    holds (a few on a line of news), however often each occurs. The result is the
    translate's, since no character is replaced by one that is replaced in turn (checked
    here, else translate is used).
    """

    __slots__ = ("_replace", "_search", "_table")

    def __init__(self, table: dict[int, str | None]) -> None:
        self._table = table
        replace = {chr(k): v or "" for k, v in table.items() if v != chr(k)}
        self._replace = replace
        chained = any(c in replace for v in replace.values() for c in v)
        chars = "".join(re.escape(c) for c in sorted(replace))
        self._search = None if chained or not chars else re.compile(f"[{chars}]").search

    def __call__(self, text: str) -> str:
        search = self._search
        if search is None:
            return text.translate(self._table)
        m = search(text)
        if m is not None:
            replace = self._replace
            while m is not None:
                # Nothing before this character changes: the next search starts here.
                at, char = m.start(), m.group()
                text = text.replace(char, replace[char])
                m = search(text, at)
        return text


_translate_default = _Translate(_DEFAULT_TABLE)
_translate_fold = _Translate(_FOLD_TABLE)

#: What :func:`fold_chars` maps each character to (``None``: deleted), as a read-only
#: ``str.translate`` table.
FOLD_TABLE: Mapping[int, str | None] = MappingProxyType(_FOLD_TABLE)
#: The fold turned around: each character the fold maps to, and every character that folds
#: to it (itself included).
FOLDED_FROM: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        to: frozenset({to} | {chr(k) for k, v in _FOLD_TABLE.items() if v == to})
        for to in {v for v in _FOLD_TABLE.values() if v is not None}
    }
)
#: The characters :func:`fold_chars` deletes (diacritics, tatweel, controls).
FOLD_DELETED = frozenset(chr(k) for k, v in _FOLD_TABLE.items() if v is None)


def normalize(text: str, *, form: Form = DEFAULT_FORM) -> str:
    """Return ``text`` normalised by the steps in ``form``.

    Normalisation is idempotent: ``normalize(normalize(t)) == normalize(t)`` for every form.
    Arabic punctuation (``،`` ``؛`` ``؟``) is kept unless :attr:`Form.PUNCTUATION` is asked for.

    Raises:
        TypeError: ``text`` is not a ``str``.

    Example:
        >>> normalize("الولایات  المتحدة")
        'الولايات المتحدة'
        >>> normalize("هدنة إنسانيّة") == normalize("هدنة انسانية")
        True
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize() takes a str, not {type(text).__name__}")
    out = _translate_default(text) if form == Form.DEFAULT else text.translate(_table(form))
    if Form.WHITESPACE in form:
        out = " ".join(out.split())
    return out


def fold(text: str) -> str:
    """Return the matching key of ``text``: every default step plus teh marbuta → heh.

    The parser compares marker words, tags and headlines on this key, so that spelling
    variants (``إقرأ أيضاً`` / ``اقرأ ايضا``, ``هدنة انسانية`` / ``هدنة إنسانية``) meet.
    White space is collapsed, so the key is not offset-aligned with ``text``.

    Example:
        >>> fold("إقرأ أيضاً :") == fold("اقرا ايضا :")
        True
    """
    if len(text) <= _SHORT:
        return _fold_short(text)
    return " ".join(_translate_fold(text).split())


# Detectors fold words and short phrases (a line's first word, a name, a place), and the
# same few thousand recur from page to page: their keys are kept, the longer texts' are not.
_SHORT = 32


@functools.lru_cache(maxsize=16384)
def _fold_short(text: str) -> str:
    return " ".join(_translate_fold(text).split())


@functools.lru_cache(maxsize=16384)
def _fold_chars_short(text: str) -> str:
    return _translate_fold(text)


def fold_chars(text: str) -> str:
    """Fold ``text`` character by character, keeping white space as it is.

    Deleted characters (diacritics, tatweel, controls) vanish, so offsets shift only where
    such characters stood; :func:`arnews.lines` maps matches back to the original.

    Example:
        >>> fold_chars("أيضاً ")
        'ايضا '
    """
    if len(text) <= _SHORT:
        return _fold_chars_short(text)
    return _translate_fold(text)
