"""The :class:`Lexicon` class: the phrases as data, their derived sets, the marker matchers.

A lexicon holds its phrases as tuples (see ``arnews/data/lexicon.json``) and builds, once, the
sets and first characters its matchers test against; its patterns (:mod:`.patterns`) compile
on first use. Reading and checking the data is :mod:`.loading`'s job; telling furniture lines
is :mod:`.furniture`'s, whose methods the class takes as its base.

Example:
    >>> Lexicon.default().match_marker("اقرأ أيضا: نص").kind
    'read_also'
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

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
)
from .marker_sets import marker_pairs, one_kind_heads
from .patterns import _GAP_CHARS, _furniture_key, compile_pattern, raw_heads

#: The roles of the words of author and credit lines (:attr:`Lexicon.credits`).
CREDIT_ROLES = ("markers", "offices", "not_names", "verbs", "notes")

#: The marker kinds the default detectors act on, in the order they are tried.
MARKER_KINDS = ("updated", "published", "share", "keywords", "source", "read_also", "headlines")

# How much of a line's start is folded and matched: longer than any marker phrase plus its
# bullet and colon, short enough that a megabyte-long line costs nothing extra.
PREFIX_CHARS = 80

#: The most entries a :meth:`Lexicon.line_memo` holds (it starts again when full), and the
#: longest line it keeps an answer for.
LINE_MEMO_SIZE = 4096
LINE_MEMO_CHARS = 200

# A marker kind, the characters a line may open with for its pattern to match, its match.
_KindMatcher = tuple[str, frozenset[str], Callable[[str, int, int], "re.Match[str] | None"]]


@attrs.frozen(slots=True)
class MarkerMatch:
    """A marker found at the start of a line.

    ``end`` is the offset just after the marker words and its colon (and the spaces after
    it), in the text that was matched; ``rest_empty`` tells that nothing but the marker
    stands on the line.
    """

    kind: str
    end: int
    colon: bool
    rest_empty: bool


@attrs.frozen(slots=True)
class Lexicon(_Furniture):
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
        Path(path).write_text(
            json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )

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

    # -- matching -------------------------------------------------------------------------

    def match_marker(
        self,
        text: str,
        kinds: Iterable[str] = MARKER_KINDS,
        pos: int = 0,
        endpos: int | None = None,
    ) -> MarkerMatch | None:
        """Find a marker at the start of a line: ``text[pos:endpos]``.

        The patterns read the raw text as if it were folded (alef forms, ``ى``/``ي``,
        ``ة``/``ه``, Persian letters, diacritics, tatweel and controls ignored; any run of
        spaces for a space), so the line need not be folded first; folded text matches too.
        The longest match over ``kinds`` wins, so ``طباعة شارك`` beats a shorter phrase.

        Example:
            >>> Lexicon.default().match_marker("كلمات دلاليّة: غزة").kind
            'keywords'
            >>> Lexicon.default().match_marker("إقرأ أيضاً: نص").end
            12
        """
        stop = len(text) if endpos is None else endpos
        if pos >= stop or self._pattern("any marker").match(text, pos, stop) is None:
            return None
        found = self._match_kinds(
            text, kinds if isinstance(kinds, tuple) else tuple(kinds), pos, stop
        )
        if found is None:
            return None
        kind, m = found
        return MarkerMatch(kind, m.end(), bool(m.group("colon")), m.end() >= stop)

    def _match_kinds(
        self, text: str, key: tuple[str, ...], pos: int, stop: int
    ) -> tuple[str, re.Match[str]] | None:
        # match_marker without its pre-test and its result object: the kind whose pattern
        # matches longest and its match. For a caller that has just run marker_pattern on
        # the line (the markers detector): the "any marker" pattern lets through whatever a
        # kind's pattern takes (see compile_pattern), so skipping it changes no result.
        # ``pos < stop`` is the caller's to ensure.
        matchers = self._matchers.get(key)
        if matchers is None:
            matchers = self._matchers[key] = self._kind_matchers(key)
        # A kind's pattern is tried only where the line opens with a character its phrases
        # (or the gap and bullet before them) can open with: most lines reach one or two.
        first = text[pos]
        best: tuple[str, re.Match[str]] | None = None
        best_end = -1
        for kind, heads, match in matchers:
            if first not in heads:
                continue
            m = match(text, pos, stop)
            if m is not None and m.end() > best_end:
                best, best_end = (kind, m), m.end()
        return best

    def _kind_matchers(self, kinds: tuple[str, ...]) -> tuple[_KindMatcher, ...]:
        # Made once per lexicon and tuple of kinds; a pure function of the lexicon, so two
        # threads filling the cache at once store equal values.
        bullets = frozenset("".join(self.bullets))
        out = []
        for kind in kinds:
            if kind not in self._kinds:
                continue
            heads = raw_heads(self.markers.get(kind, ())) | _GAP_CHARS
            if kind != "source":  # a source's pattern takes no bullet (see compile_pattern)
                heads |= bullets
            out.append((kind, heads, self._pattern("kind:" + kind).match))
        return tuple(out)

    def line_memo(self, name: str) -> dict[str, Any]:
        """A per-process memo, named ``name``, of answers about single lines that are a pure
        function of the line and this lexicon (a marker detector's decision on a line).

        Its user keeps it bounded (:data:`LINE_MEMO_SIZE` entries, lines of up to
        :data:`LINE_MEMO_CHARS` characters) and stores nothing else: a page's answer never
        depends on the pages parsed before it, only its cost does.

        Example:
            >>> Lexicon.default().line_memo("example") is Lexicon.default().line_memo("example")
            True
        """
        memo = self._line_memos.get(name)
        if memo is None:
            memo = self._line_memos.setdefault(name, {})
        return memo

    @property
    def marker_pattern(self) -> re.Pattern[str]:
        """One compiled pattern of every marker phrase: it matches at the start of every line
        that :meth:`match_marker` could find a marker in (and possibly a few more).

        Example:
            >>> Lexicon.default().marker_pattern.match("المصدر: سرايا") is not None
            True
        """
        return self._pattern("any marker")

    @property
    def marker_pairs(self) -> frozenset[str]:
        """The first two characters a line can start with for :attr:`marker_pattern` to
        match it (and every single character a line of one may be): a line whose first two
        are not among them holds no marker. Empty when a phrase's key is one letter long
        (any second character may follow it): then only :attr:`marker_heads` rules out.

        Example:
            >>> pairs = Lexicon.default().marker_pairs
            >>> "ال" in pairs, "إق" in pairs, "قا" in pairs
            (True, True, False)
        """
        pairs = self._compiled_sets.get("pairs")
        if pairs is None:
            pairs = self._compiled_sets["pairs"] = marker_pairs(self)
        return pairs

    @property
    def one_kind_heads(self) -> frozenset[str]:
        """The characters a line can start with for one marker kind's pattern only (of
        :data:`MARKER_KINDS`): such a line needs no other kind's pattern, nor the pattern of
        every phrase, to be decided.

        Example:
            >>> "ك" in Lexicon.default().one_kind_heads, "ا" in Lexicon.default().one_kind_heads
            (True, False)
        """
        heads = self._compiled_sets.get("one kind")
        if heads is None:
            matchers = self._kind_matchers(MARKER_KINDS)
            heads = self._compiled_sets["one kind"] = one_kind_heads(h for _, h, _ in matchers)
        return heads

    @property
    def marker_heads(self) -> frozenset[str]:
        """The characters a marker line can start with; a line starting otherwise has none.

        Example:
            >>> "إ" in Lexicon.default().marker_heads, "ب" in Lexicon.default().marker_heads
            (True, False)
        """
        return self._marker_heads

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
