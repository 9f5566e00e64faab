"""The :class:`Lexicon` class: the phrases as data and their derived sets.

A lexicon holds its phrases as tuples (see ``arnews/data/lexicon.json``) and builds, once, the
sets and first characters its matchers test against; its patterns (:mod:`.patterns`) compile
on first use. Reading and checking the data is :mod:`.loading`'s job; finding markers is
:mod:`.matching`'s and telling furniture lines :mod:`.furniture`'s, whose methods the class
takes from its base classes.

Example:
    >>> Lexicon.default().match_marker("اقرأ أيضا: نص").kind
    'read_also'
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from .._data import data_path, read_data_text
from ..normalize import fold
from .furniture import _Furniture
from .loading import (
    _PHRASE_KEYS,
    LexiconError,
    _check_phrases,
    decode_json,
    lexicon_fields,
    read_utf8,
    write_utf8,
)
from .matching import LINE_MEMO_CHARS as LINE_MEMO_CHARS
from .matching import LINE_MEMO_SIZE as LINE_MEMO_SIZE
from .matching import MARKER_KINDS as MARKER_KINDS
from .matching import PREFIX_CHARS as PREFIX_CHARS
from .matching import _KindMatcher as _KindMatcher
from .matching import _Matching
from .patterns import _GAP_CHARS, _furniture_key, compile_pattern, raw_heads

if TYPE_CHECKING:
    from pathlib import Path

#: The roles of the words of author and credit lines (:attr:`Lexicon.credits`).
CREDIT_ROLES = ("markers", "offices", "not_names", "verbs", "notes")


@attrs.frozen(slots=True)
class Lexicon(_Furniture, _Matching):
    """Marker words, boilerplate phrases and bullets, as data.

    Build one with :meth:`default`, :meth:`load` or :meth:`from_dict`; derive variants with
    :meth:`extend` and :meth:`replace`. Instances are immutable and picklable.

    Example:
        >>> lex = Lexicon.default()
        >>> lex.match_marker("المصدر : صدى البلد").kind
        'source'
        >>> lex.match_marker("وقال المصدر: إن") is None
        True
    """

    #: Marker phrases by kind (see :data:`MARKER_KINDS`); a phrase ending in ``$`` counts
    #: only alone on its line.
    markers: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    #: Phrases that start a page-furniture line (an app promo, a share prompt…); a phrase
    #: ending in ``*`` takes its line whatever follows (a cookie banner's sentence).
    boilerplate: tuple[str, ...] = ()
    #: Lines that are furniture only when they are the whole line (``طباعة``, ``شارك``).
    boilerplate_lines: tuple[str, ...] = ()
    #: Characters that start a list item.
    bullets: tuple[str, ...] = ()
    #: Generic credits a dateline carries in place of an agency (``وكالات``, ``متابعات``).
    bylines: tuple[str, ...] = ()
    #: Phrases that make a short line furniture wherever they stand in it (``©``,
    #: ``Getty Images``, ``جميع الحقوق محفوظة``).
    boilerplate_inside: tuple[str, ...] = ()
    #: Words that open a news-ticker line (``عاجل:``); the line is furniture when what follows
    #: is a headline, not a sentence of the body.
    tickers: tuple[str, ...] = ()
    #: Section names of site menus (``الرئيسية``, ``رياضة``): a run of short lines at the top
    #: of a page that holds them is a navigation menu.
    navigation: tuple[str, ...] = ()
    #: Words of author and credit lines, by role (see :data:`CREDIT_ROLES`): ``markers``
    #: (``كتب``, ``بقلم``, ``تصوير``), ``offices`` (``مكتب``), ``not_names`` (words no name
    #: holds: ``في``, ``أن``), ``verbs`` (reporting verbs, which open a sentence and no name:
    #: ``أعلنت``) and ``notes`` (editor's-note openers such as ``هذا المقال``).
    credits: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    _kinds: frozenset[str] = attrs.field(init=False, eq=False, repr=False, hash=False)
    # The compiled patterns, by name (see compile_pattern): built on first use, not with the
    # lexicon, so that importing arnews compiles nothing (compiling the default lexicon's
    # prefix trees takes about 0.3 s). Each entry is a pure function of the phrases, made
    # once per process (the compilers are memoised across lexicons), so filling it from two
    # threads at once changes no result.
    _compiled: dict[str, re.Pattern[str]] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )
    # For each tuple of marker kinds asked about: each kind with the characters a line can
    # start with for its pattern to match, and the pattern's match (see match_marker).
    _matchers: dict[tuple[str, ...], tuple[_KindMatcher, ...]] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )
    _boilerplate_line_set: frozenset[str] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )
    _byline_set: frozenset[str] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _navigation_set: frozenset[str] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _credit_sets: Mapping[str, frozenset[str]] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )
    _boilerplate_heads: frozenset[str] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _longest_key: int = attrs.field(init=False, eq=False, repr=False, hash=False)
    _marker_heads: frozenset[str] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _inside_words: tuple[tuple[str, ...], ...] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )
    _ticker_heads: frozenset[str] = attrs.field(init=False, eq=False, repr=False, hash=False)
    # Per detector, answers about single lines that are a pure function of the line and this
    # lexicon (see line_memo): pages of one site repeat their marker and footer lines.
    _line_memos: dict[str, dict[str, Any]] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )
    # Character sets derived from the marker patterns, made on first use (by name).
    _compiled_sets: dict[str, frozenset[str]] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        # Checked here, so that extend() and replace() check too.
        for kind, items in self.markers.items():
            _check_phrases(f"markers.{kind}", items)
        for key in _PHRASE_KEYS:
            _check_phrases(key, getattr(self, key))
        for role, words in self.credits.items():
            _check_phrases(f"credits.{role}", words)
        bullets = "".join(self.bullets)
        object.__setattr__(self, "_kinds", frozenset({*MARKER_KINDS, *self.markers}))
        object.__setattr__(self, "_compiled", {})
        object.__setattr__(self, "_matchers", {})
        object.__setattr__(self, "_line_memos", {})
        object.__setattr__(self, "_compiled_sets", {})
        phrases = [p.rstrip("$") for ps in self.markers.values() for p in ps]
        object.__setattr__(self, "_marker_heads", raw_heads(phrases) | set(bullets))
        # The first characters furniture can start with, as written.
        phrases = [p[:-1] if p.endswith("*") else p for p in self.boilerplate]
        heads = raw_heads((*phrases, *self.boilerplate_lines, *self.tickers))
        object.__setattr__(self, "_boilerplate_heads", heads)
        # Longest words first: the likeliest to be missing, which ends the test of a phrase.
        inside = (
            sorted(fold(p).lower().split(), key=len, reverse=True) for p in self.boilerplate_inside
        )
        object.__setattr__(self, "_inside_words", tuple(tuple(words) for words in inside if words))
        object.__setattr__(self, "_ticker_heads", raw_heads(self.tickers) | _GAP_CHARS)
        navigation = frozenset(" ".join(fold(p).split()) for p in self.navigation)
        object.__setattr__(self, "_navigation_set", navigation)
        lines = frozenset(_furniture_key(p) for p in self.boilerplate_lines)
        object.__setattr__(self, "_boilerplate_line_set", lines)
        # The longest furniture key (a whole line, or a phrase with what it needs after it).
        keys = [*lines, *map(_furniture_key, self.boilerplate)]
        object.__setattr__(self, "_longest_key", max(map(len, keys), default=0) + 1)
        object.__setattr__(self, "_byline_set", frozenset(fold(p) for p in self.bylines))
        object.__setattr__(
            self,
            "_credit_sets",
            {role: frozenset(fold(p) for p in self.credits.get(role, ())) for role in CREDIT_ROLES},
        )

    def _pattern(self, name: str) -> re.Pattern[str]:
        """The compiled pattern ``name``: ``kind:`` and a marker kind, or one of
        :func:`~arnews.lexicon.patterns.compile_pattern`'s names (which no marker kind can
        take, whatever a user lexicon calls its kinds)."""
        pattern = self._compiled.get(name)
        if pattern is None:
            pattern = self._compiled[name] = compile_pattern(self, name)
        return pattern

    @property
    def _boilerplate_re(self) -> re.Pattern[str]:
        return self._pattern("boilerplate")

    def __reduce__(self) -> tuple[Any, ...]:
        # The default lexicon pickles as a reference to it: a worker process that imports
        # arnews has it (and compiles its patterns once, on first use). Others pickle as
        # their data and compile (once per process and set of phrases) when first used,
        # rather than carrying compiled patterns.
        if self is _DEFAULT:
            return (Lexicon.default, ())
        return (Lexicon.from_dict, (self.to_dict(),))

    # -- building -------------------------------------------------------------------------

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Lexicon:
        """Build and validate a lexicon from a dict shaped like ``data/lexicon.json``.

        Raises:
            LexiconError: a key is unknown or has the wrong type, or a phrase is longer than
                :data:`MAX_PHRASE_CHARS`.

        Example:
            >>> Lexicon.from_dict({"markers": {"source": ["المصدر"]}}).markers["source"]
            ('المصدر',)
        """
        return cls(**lexicon_fields(data))

    @classmethod
    def load(cls, path: str | Path) -> Lexicon:
        """Load a lexicon from a JSON file.

        Every error names the file and what is wrong with it.

        Raises:
            LexiconError: the file cannot be read, is not UTF-8 or not valid JSON, is
                nested too deep, or is not shaped like a lexicon (see :meth:`from_dict`).

        Example:
            >>> import tempfile, pathlib
            >>> p = pathlib.Path(tempfile.mkdtemp()) / "lex.json"
            >>> _ = p.write_text('{"bullets": "-"}', "utf-8")
            >>> try:
            ...     Lexicon.load(p)
            ... except LexiconError as exc:
            ...     print(str(exc).split(": ", 1)[1])
            bullets must be a list of strings, not a string
        """
        return _from_json(read_utf8(path, LexiconError), str(path))

    @classmethod
    def default(cls) -> Lexicon:
        """Return the lexicon shipped with arnews (``arnews/data/lexicon.json``).

        Example:
            >>> "read_also" in Lexicon.default().markers
            True
        """
        return _DEFAULT

    def to_dict(self) -> dict[str, Any]:
        """Return the lexicon as a JSON-ready dict (the shape :meth:`from_dict` reads)."""
        return {
            "markers": {k: list(v) for k, v in self.markers.items()},
            **{key: list(getattr(self, key)) for key in _PHRASE_KEYS},
            "credits": {k: list(v) for k, v in self.credits.items()},
        }

    def save(self, path: str | Path) -> None:
        """Write the lexicon as JSON, for editing or for :meth:`load`."""
        write_utf8(path, json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n")

    def extend(
        self,
        *,
        markers: Mapping[str, Iterable[str]] | None = None,
        boilerplate: Iterable[str] = (),
        boilerplate_lines: Iterable[str] = (),
        bullets: Iterable[str] = (),
        bylines: Iterable[str] = (),
        boilerplate_inside: Iterable[str] = (),
        tickers: Iterable[str] = (),
        navigation: Iterable[str] = (),
        credits: Mapping[str, Iterable[str]] | None = None,
    ) -> Lexicon:
        """Return a new lexicon with more phrases added to this one's.

        Example:
            >>> lex = Lexicon.default().extend(boilerplate=["حمل تطبيقنا"])
            >>> lex.is_boilerplate("حمل تطبيقنا الآن")
            True
        """
        merged = {k: tuple(v) for k, v in self.markers.items()}
        for kind, phrases in (markers or {}).items():
            merged[kind] = (*merged.get(kind, ()), *phrases)
        roles = {k: tuple(v) for k, v in self.credits.items()}
        for role, words in (credits or {}).items():
            roles[role] = (*roles.get(role, ()), *words)
        return Lexicon(
            markers=merged,
            boilerplate=(*self.boilerplate, *boilerplate),
            boilerplate_lines=(*self.boilerplate_lines, *boilerplate_lines),
            bullets=(*self.bullets, *bullets),
            bylines=(*self.bylines, *bylines),
            boilerplate_inside=(*self.boilerplate_inside, *boilerplate_inside),
            tickers=(*self.tickers, *tickers),
            navigation=(*self.navigation, *navigation),
            credits=roles,
        )

    def replace(self, **changes: Any) -> Lexicon:
        """Return a new lexicon with whole fields replaced (``markers=…``, ``bullets=…``)."""
        return attrs.evolve(self, **changes)

    def is_byline(self, phrase: str) -> bool:
        """Tell whether ``phrase`` is a generic dateline credit such as ``وكالات``.

        Example:
            >>> Lexicon.default().is_byline("وكالات")
            True
        """
        return fold(phrase) in self._byline_set

    def is_credit(self, role: str, phrase: str) -> bool:
        """Tell whether ``phrase`` is one of the :attr:`credits` words of ``role``.

        Example:
            >>> Lexicon.default().is_credit("markers", "بقلم")
            True
            >>> Lexicon.default().is_credit("markers", "قال")
            False
        """
        words = self._credit_sets.get(role)
        return words is not None and fold(phrase) in words

    def credit_words(self, role: str) -> frozenset[str]:
        """The :attr:`credits` words of ``role``, folded (probe with folded text).

        Example:
            >>> fold("في") in Lexicon.default().credit_words("not_names")
            True
        """
        return self._credit_sets.get(role, frozenset())


def _from_json(text: str, where: str) -> Lexicon:
    data = decode_json(text, where)
    try:
        return Lexicon.from_dict(data)
    except LexiconError as exc:
        raise LexiconError(f"{where}: {exc}") from None


def _load_default() -> Lexicon:
    # The shipped file is checked as a user's is: a broken edit to it names the file.
    return _from_json(read_data_text("lexicon.json"), data_path("lexicon.json"))


_DEFAULT = _load_default()
