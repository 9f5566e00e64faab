"""Finding markers: the :class:`~arnews.lexicon.Lexicon` methods that match a line's start.

A marker (``اقرأ أيضا:``, ``المصدر:``, ``كلمات دلالية:``) opens a line and names the section
that follows it. These methods are the lexicon's: :class:`~arnews.lexicon.Lexicon` takes
them from :class:`_Matching`, which reads the phrases and the patterns the lexicon compiles
(see :mod:`.patterns`), and the character sets :mod:`.marker_sets` derives from them.

Example:
    >>> from arnews import Lexicon
    >>> Lexicon.default().match_marker("اقرأ أيضا: نص").kind
    'read_also'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, cast

import attrs

from .marker_sets import marker_pairs, one_kind_heads
from .patterns import _GAP_CHARS, raw_heads

if TYPE_CHECKING:
    from .core import Lexicon

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


class _Matching:
    """The marker methods of :class:`~arnews.lexicon.Lexicon` (one of its base classes)."""

    __slots__ = ()

    # Fields and derived sets of Lexicon (see there).
    bullets: tuple[str, ...]
    markers: Mapping[str, tuple[str, ...]]
    _kinds: frozenset[str]
    _matchers: dict[tuple[str, ...], tuple[_KindMatcher, ...]]
    _line_memos: dict[str, dict[str, Any]]
    _compiled_sets: dict[str, frozenset[str]]
    _marker_heads: frozenset[str]

    if TYPE_CHECKING:

        def _pattern(self, name: str) -> re.Pattern[str]: ...

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
            >>> from arnews import Lexicon
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
            >>> from arnews import Lexicon
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
            >>> from arnews import Lexicon
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
            >>> from arnews import Lexicon
            >>> pairs = Lexicon.default().marker_pairs
            >>> "ال" in pairs, "إق" in pairs, "قا" in pairs
            (True, True, False)
        """
        pairs = self._compiled_sets.get("pairs")
        if pairs is None:
            pairs = self._compiled_sets["pairs"] = marker_pairs(cast("Lexicon", self))
        return pairs

    @property
    def one_kind_heads(self) -> frozenset[str]:
        """The characters a line can start with for one marker kind's pattern only (of
        :data:`MARKER_KINDS`): such a line needs no other kind's pattern, nor the pattern of
        every phrase, to be decided.

        Example:
            >>> from arnews import Lexicon
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
            >>> from arnews import Lexicon
            >>> "إ" in Lexicon.default().marker_heads, "ب" in Lexicon.default().marker_heads
            (True, False)
        """
        return self._marker_heads
