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

import json
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import regex

from .normalize import fold, fold_chars

__all__ = ["MARKER_KINDS", "Lexicon", "LexiconError", "MarkerMatch"]

#: The marker kinds the default detectors act on, in the order they are tried.
MARKER_KINDS = ("updated", "published", "share", "keywords", "source", "read_also", "headlines")

# How much of a line's start is folded and matched: longer than any marker phrase plus its
# bullet and colon, short enough that a megabyte-long line costs nothing extra.
PREFIX_CHARS = 80

_COLONS = ":：﹕"


class LexiconError(ValueError):
    """A lexicon file or dict is malformed; the message says where."""


@attrs.frozen(slots=True)
class MarkerMatch:
    """A marker found at the start of a line's folded prefix.

    ``end`` is the folded offset just after the marker words and its colon (and the spaces
    after it); ``rest_empty`` tells that nothing but the marker stands on the line.
    """

    kind: str
    end: int
    colon: bool
    rest_empty: bool


def _phrase_pattern(phrase: str) -> str:
    words = fold(phrase).split(" ")
    return r"[ ]+".join(regex.escape(w) for w in words if w)


def _alternation(phrases: Iterable[str]) -> str:
    # Longest first, so that a phrase never stops at a shorter one it starts with.
    ordered = sorted({_phrase_pattern(p) for p in phrases if fold(p)}, key=len, reverse=True)
    return "|".join(ordered) if ordered else r"(?!)"


def _compile_kind(phrases: Iterable[str], bullets: str) -> regex.Pattern[str]:
    inline = [p for p in phrases if not p.endswith("$")]
    alone = [p[:-1] for p in phrases if p.endswith("$")]
    bullet = f"(?:[{regex.escape(bullets)}][ ]*)?" if bullets else ""
    # Spaces, then optionally colons and more spaces: never two space runs side by side,
    # which would backtrack quadratically before a failing `$`.
    tail = r"(?![\p{L}\p{N}])[ ]*(?:(?P<colon>[" + _COLONS + r"]+)[ ]*)?"
    return regex.compile(
        rf"[ ]*{bullet}(?:(?:{_alternation(inline)}){tail}|(?:{_alternation(alone)}){tail}$)",
        regex.IGNORECASE,
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
    _patterns: Mapping[str, regex.Pattern[str]] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )
    _boilerplate_re: regex.Pattern[str] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _boilerplate_set: frozenset[str] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _byline_set: frozenset[str] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _any_marker: regex.Pattern[str] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _boilerplate_heads: frozenset[str] = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        bullets = "".join(self.bullets)
        patterns = {
            kind: _compile_kind(self.markers.get(kind, ()), bullets if kind != "source" else "")
            for kind in {*MARKER_KINDS, *self.markers}
        }
        object.__setattr__(self, "_patterns", patterns)
        # One pass that rules out most lines: a line no kind's pattern can match costs one
        # regex call instead of one per kind.
        union = "|".join(
            "(?:" + p.pattern.replace("(?P<colon>", "(?:") + ")" for p in patterns.values()
        )
        object.__setattr__(self, "_any_marker", regex.compile(union, regex.IGNORECASE))
        # The first letters furniture can start with (both tests are case-sensitive).
        heads = {fold(p)[:1] for p in (*self.boilerplate, *self.boilerplate_lines)}
        object.__setattr__(self, "_boilerplate_heads", frozenset(heads - {""}))
        object.__setattr__(
            self,
            "_boilerplate_re",
            regex.compile(rf"[ ]*(?:{_alternation(self.boilerplate)})(?![\p{{L}}\p{{N}}])"),
        )
        object.__setattr__(
            self, "_boilerplate_set", frozenset(fold(p) for p in self.boilerplate_lines)
        )
        object.__setattr__(self, "_byline_set", frozenset(fold(p) for p in self.bylines))

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

    def match_marker(self, folded: str, kinds: Iterable[str] = MARKER_KINDS) -> MarkerMatch | None:
        """Find a marker at the start of a folded line (or its folded prefix).

        ``folded`` must already be folded with :func:`arnews.normalize.fold_chars` (the
        parser folds each line's start once and reuses it for every marker kind).

        The longest match over ``kinds`` wins, so ``طباعة شارك`` beats a shorter phrase.

        Example:
            >>> from arnews.normalize import fold_chars
            >>> Lexicon.default().match_marker(fold_chars("كلمات دلالية: غزة")).kind
            'keywords'
        """
        if self._any_marker.match(folded) is None:
            return None
        best: MarkerMatch | None = None
        for kind in kinds:
            pattern = self._patterns.get(kind)
            if pattern is None:
                continue
            m = pattern.match(folded)
            if m is not None and (best is None or m.end() > best.end):
                best = MarkerMatch(kind, m.end(), bool(m.group("colon")), m.end() >= len(folded))
        return best

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
        # Most lines open with a letter no furniture phrase opens with: skip the full fold.
        head = fold_chars(line[:1])
        if head and not head.isspace() and head not in self._boilerplate_heads:
            return False
        key = fold(line)
        if key in self._boilerplate_set:
            return True
        m = self._boilerplate_re.match(key)
        return m is not None and len(key[m.end() :].split()) <= max_extra_words


def _load_default() -> Lexicon:
    text = (resources.files("arnews") / "data" / "lexicon.json").read_text(encoding="utf-8")
    return Lexicon.from_dict(json.loads(text))


_DEFAULT = _load_default()
