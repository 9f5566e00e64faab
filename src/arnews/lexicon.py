"""The marker lexicon: which words open which section, and which lines are page furniture.

The knowledge lives in ``arnews/data/lexicon.json``; this module loads it, validates it and
compiles it once into ``regex`` patterns that run on the folded key of a line's start (see
:func:`arnews.normalize.fold`). Users extend or replace it without touching code::

    >>> from arnews import Lexicon, Parser
    >>> lex = Lexicon.default().extend(markers={"source": ["نقلا عن"]})
    >>> Parser(lexicon=lex).parse("خبر.\\nنقلا عن: وكالة الأنباء").source
    'وكالة الأنباء'

Marker kinds the detectors understand: ``source``, ``keywords``, ``share`` (a share toolbar
followed by tags), ``read_also``, ``headlines`` (a list of other articles' headlines:
similar/related), ``updated`` and ``published`` (followed by a date).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from .normalize import FOLD_DELETED, FOLDED_FROM, fold

__all__ = ["MARKER_KINDS", "Lexicon", "LexiconError", "MarkerMatch", "raw_heads"]

#: The marker kinds the default detectors act on, in the order they are tried.
MARKER_KINDS = ("updated", "published", "share", "keywords", "source", "read_also", "headlines")

# How much of a line's start is folded and matched: longer than any marker phrase plus its
# bullet and colon, short enough that a megabyte-long line costs nothing extra.
PREFIX_CHARS = 80

_COLONS = ":：﹕"
# What else a page sets between a marker and its value: `قد يهمك| …`, `قد يهمك/ …`,
# `شاهد.. …`, `اقرأ المزيد - …`. Matched after the colons, as the same group.
_SEPARATORS = r"[|/\\\-–—]|\.{2,}|…"
_SEPARATED_KINDS = frozenset({"read_also", "headlines"})


class LexiconError(ValueError):
    """A lexicon file or dict is malformed; the message says where."""


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


def _class(chars: Iterable[str]) -> str:
    # Runs of consecutive code points as ranges: the patterns repeat these classes at every
    # letter, and their length is what compiling them costs (at import and in each worker).
    codes = sorted({ord(c) for c in chars})
    parts: list[str] = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        lo, hi = re.escape(chr(codes[i])), re.escape(chr(codes[j]))
        parts.append(lo if i == j else f"{lo}{hi}" if j == i + 1 else f"{lo}-{hi}")
        i = j + 1
    return "[" + "".join(parts) + "]"


# Patterns built from FOLDED_FROM (for every folded character, the raw characters that fold
# to it) match the raw text as if it had been folded: no line is folded to find its markers.

# Characters the fold deletes (diacritics, tatweel, controls): skipped anywhere in a phrase.
_DELETED = _class(FOLD_DELETED)
# White space (and deleted characters) between words: a space in a phrase matches a run.
_SPACE = _class(c for c in FOLDED_FROM[" "] if c not in "\n\r")
# A letter or digit that the fold keeps (tatweel is a letter to \w, but the fold deletes it).
_WORD = "[^\\W" + _DELETED[1:]
_GAP = _class({*FOLD_DELETED, *(c for c in FOLDED_FROM[" "] if c not in "\n\r")}) + "*"


def _char_class(char: str) -> str:
    # Latin letters match either case here, so that the patterns need no IGNORECASE flag
    # (which slows every comparison of the Arabic classes down).
    return _class({*FOLDED_FROM.get(char, {char}), char.lower(), char.upper()})


@functools.lru_cache(maxsize=64)
def _compile_cached(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def raw_heads(phrases: Iterable[str]) -> frozenset[str]:
    """The raw characters a line can start with to match one of ``phrases`` (folded).

    Example:
        >>> {"ا", "أ", "إ", "آ"} <= raw_heads(["اقرا"]), "ب" in raw_heads(["اقرا"])
        (True, False)
    """
    out: set[str] = set(FOLD_DELETED)
    for phrase in phrases:
        key = fold(phrase)
        if key:
            out.update(FOLDED_FROM.get(key[0], {key[0]}))
            out.update((key[0].lower(), key[0].upper()))
    return frozenset(out)


def _trie(phrases: Iterable[str]) -> str:
    """One pattern for many phrases, as a prefix tree: a line is read once, not per phrase.

    Each phrase is matched in raw text the way the fold would see it: a character matches
    any character that folds to it, deleted characters may stand between characters, and a
    space matches a run of spaces. Deleted characters are matched only before a character
    (never at a phrase's end, where the caller's tail takes them), so no two quantifiers
    can share a run between them.
    """
    root: dict[str, Any] = {}
    for phrase in phrases:
        key = fold(phrase)
        if not key:
            continue
        node = root
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any], first: bool) -> str:
        alts = []
        for ch in sorted(c for c in node if c):
            if ch == " ":
                head = f"{_DELETED}*{_SPACE}{_GAP}"
            else:
                head = ("" if first else f"{_DELETED}*") + _char_class(ch)
            alts.append(head + emit(node[ch], False))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root, True) or r"(?!)"


def _compile_kind(
    phrases: Iterable[str], bullets: str, colon: str = "colon", separators: bool = False
) -> re.Pattern[str]:
    return _compile_phrases(tuple(phrases), bullets, colon, separators)


# Compiling the tries is the slow part of building a lexicon (about 0.1 s for the default
# one): lexicons made by extend(), replace() or unpickling share the patterns of the same
# phrases. A cache of pure results, so sharing it between threads changes no output.
@functools.lru_cache(maxsize=128)
def _compile_phrases(
    phrases: tuple[str, ...], bullets: str, colon: str, separators: bool
) -> re.Pattern[str]:
    inline = [p for p in phrases if not p.endswith(("$", ":"))]
    alone = [p[:-1] for p in phrases if p.endswith("$")]
    # `قد يهمك:` counts only where a colon or separator follows the words.
    separated = [p[:-1] for p in phrases if p.endswith(":")]
    bullet = f"(?:[{re.escape(bullets)}]{_GAP})?" if bullets else ""

    # After the words: no letter or digit (deleted characters skipped), then spaces, then
    # optionally colons and more spaces; never two runs of the same characters side by side.
    # (The standard library's engine: on these tries it is five times faster than regex's.)
    def tail(group: str) -> str:
        return rf"(?!{_DELETED}*{_WORD}){_GAP}(?:({group}{seps}){_GAP})?"

    # A run of colons may hold deleted characters too (`:ـ:` folds to `::`). Links and lists
    # also take the other separators; a source or a date needs a real colon.
    seps = rf"[{_COLONS}](?:{_DELETED}*[{_COLONS}])*"
    if separators:
        seps = rf"(?:{seps}|{_SEPARATORS})"
    # A phrase that must stand alone checks, ahead, that nothing follows its tail; one that
    # needs a separator, that one follows, and more text after it (`قد يهمك| عنوان`).
    named = tail(f"?P<{colon}>" if colon else "?:")
    needs_sep = rf"(?=(?!{_DELETED}*{_WORD}){_GAP}{seps}{_GAP}\S)"
    return re.compile(
        rf"{_GAP}{bullet}(?:{_trie(inline)}|{_trie(alone)}(?={tail('?:')}$)"
        rf"|{_trie(separated)}{needs_sep}){named}"
    )


def _str_list(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"{where} must be a list of strings")
    return tuple(value)


@attrs.frozen(slots=True)
class Lexicon:
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
    #: Phrases that start a page-furniture line (an app promo, a share prompt…).
    boilerplate: tuple[str, ...] = ()
    #: Lines that are furniture only when they are the whole line (``طباعة``, ``شارك``).
    boilerplate_lines: tuple[str, ...] = ()
    #: Characters that start a list item.
    bullets: tuple[str, ...] = ()
    #: Generic credits a dateline carries in place of an agency (``وكالات``, ``متابعات``).
    bylines: tuple[str, ...] = ()
    _patterns: Mapping[str, re.Pattern[str]] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )
    _boilerplate_re: re.Pattern[str] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _boilerplate_line_re: re.Pattern[str] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )
    _byline_set: frozenset[str] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _any_marker: re.Pattern[str] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _boilerplate_heads: frozenset[str] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _marker_heads: frozenset[str] = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        bullets = "".join(self.bullets)
        patterns = {
            kind: _compile_kind(
                self.markers.get(kind, ()),
                bullets if kind != "source" else "",
                separators=kind in _SEPARATED_KINDS,
            )
            for kind in {*MARKER_KINDS, *self.markers}
        }
        object.__setattr__(self, "_patterns", patterns)
        # One pass that rules out most lines: a line no kind's pattern can match costs one
        # call of one prefix tree instead of one per kind.
        every = [p for kind in patterns for p in self.markers.get(kind, ())]
        object.__setattr__(
            self, "_any_marker", _compile_kind(every, bullets, colon="", separators=True)
        )
        phrases = [p.rstrip("$") for ps in self.markers.values() for p in ps]
        object.__setattr__(self, "_marker_heads", raw_heads(phrases) | set(bullets))
        # The first characters furniture can start with, as written.
        heads = raw_heads((*self.boilerplate, *self.boilerplate_lines))
        object.__setattr__(self, "_boilerplate_heads", heads)
        # Both run on the raw line, read as if folded (see _trie).
        start = _GAP  # a line may open with a diacritic or tatweel, then a space
        object.__setattr__(
            self,
            "_boilerplate_re",
            _compile_cached(rf"{start}(?:{_trie(self.boilerplate)})(?!{_DELETED}*{_WORD})"),
        )
        object.__setattr__(
            self,
            "_boilerplate_line_re",
            _compile_cached(rf"{start}(?:{_trie(self.boilerplate_lines)}){_GAP}$"),
        )
        object.__setattr__(self, "_byline_set", frozenset(fold(p) for p in self.bylines))

    def __reduce__(self) -> tuple[Any, ...]:
        # The default lexicon pickles as a reference to it: a worker process that imports
        # arnews has it compiled already. Others pickle as their data and compile (once per
        # process and set of phrases) on arrival, rather than carrying compiled patterns.
        if self is _DEFAULT:
            return (Lexicon.default, ())
        return (Lexicon.from_dict, (self.to_dict(),))

    # -- building -------------------------------------------------------------------------

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Lexicon:
        """Build and validate a lexicon from a dict shaped like ``data/lexicon.json``.

        Raises:
            LexiconError: a key has the wrong type.

        Example:
            >>> Lexicon.from_dict({"markers": {"source": ["المصدر"]}}).markers["source"]
            ('المصدر',)
        """
        if not isinstance(data, Mapping):
            raise LexiconError("a lexicon must be a JSON object")
        markers_in = data.get("markers", {})
        if not isinstance(markers_in, Mapping):
            raise LexiconError("'markers' must map a marker kind to a list of phrases")
        markers = {str(k): _str_list(v, f"markers.{k}") for k, v in markers_in.items()}
        return cls(
            markers=markers,
            boilerplate=_str_list(data.get("boilerplate", []), "boilerplate"),
            boilerplate_lines=_str_list(data.get("boilerplate_lines", []), "boilerplate_lines"),
            bullets=_str_list(data.get("bullets", []), "bullets"),
            bylines=_str_list(data.get("bylines", []), "bylines"),
        )

    @classmethod
    def load(cls, path: str | Path) -> Lexicon:
        """Load a lexicon from a JSON file.

        Raises:
            LexiconError: the file is not valid JSON or not shaped like a lexicon.
        """
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise LexiconError(f"cannot read lexicon {path}: {exc}") from exc
        return cls.from_dict(data)

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
            "boilerplate": list(self.boilerplate),
            "boilerplate_lines": list(self.boilerplate_lines),
            "bullets": list(self.bullets),
            "bylines": list(self.bylines),
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
        return Lexicon(
            markers=merged,
            boilerplate=(*self.boilerplate, *boilerplate),
            boilerplate_lines=(*self.boilerplate_lines, *boilerplate_lines),
            bullets=(*self.bullets, *bullets),
            bylines=(*self.bylines, *bylines),
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
        if self._any_marker.match(text, pos, stop) is None:
            return None
        best: MarkerMatch | None = None
        for kind in kinds:
            pattern = self._patterns.get(kind)
            if pattern is None:
                continue
            m = pattern.match(text, pos, stop)
            if m is not None and (best is None or m.end() > best.end):
                best = MarkerMatch(kind, m.end(), bool(m.group("colon")), m.end() >= stop)
        return best

    @property
    def marker_pattern(self) -> re.Pattern[str]:
        """One compiled pattern of every marker phrase: it matches at the start of every line
        that :meth:`match_marker` could find a marker in (and possibly a few more).

        Example:
            >>> Lexicon.default().marker_pattern.match("المصدر: سرايا") is not None
            True
        """
        return self._any_marker

    @property
    def boilerplate_heads(self) -> frozenset[str]:
        """The characters a furniture line can start with (see :meth:`is_boilerplate`).

        Example:
            >>> "ط" in Lexicon.default().boilerplate_heads
            True
        """
        return self._boilerplate_heads

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

    def is_boilerplate(self, line: str, *, max_extra_words: int = 4) -> bool:
        """Tell whether a whole line is page furniture.

        A line is furniture when it is one of :attr:`boilerplate_lines`, or starts with a
        :attr:`boilerplate` phrase and adds at most ``max_extra_words`` words (an app's name).

        Example:
            >>> Lexicon.default().is_boilerplate("تابع أحدث الأخبار عبر تطبيق")
            True
            >>> Lexicon.default().is_boilerplate("طباعة الكتب في مصر تراجعت كثيرا")
            False
        """
        # Most lines open with a letter no furniture phrase opens with.
        head = line[:1]
        if head and not head.isspace() and head not in self._boilerplate_heads:
            return False
        if self._boilerplate_line_re.match(line) is not None:
            return True
        m = self._boilerplate_re.match(line)
        # Words are counted folded: a lone diacritic or tatweel is no word.
        return m is not None and len(fold(line[m.end() :]).split()) <= max_extra_words


def _load_default() -> Lexicon:
    text = (resources.files("arnews") / "data" / "lexicon.json").read_text(encoding="utf-8")
    return Lexicon.from_dict(json.loads(text))


_DEFAULT = _load_default()
