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

import contextlib
import functools
import json
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import compress, repeat
from operator import is_not
from pathlib import Path
from typing import Any

import attrs

from ._data import data_path, read_data_text
from .normalize import FOLD_DELETED, FOLDED_FROM, fold, fold_chars

__all__ = ["CREDIT_ROLES", "MARKER_KINDS", "Lexicon", "LexiconError", "MarkerMatch", "raw_heads"]

#: The roles of the words of author and credit lines (:attr:`Lexicon.credits`).
CREDIT_ROLES = ("markers", "offices", "not_names", "verbs", "notes")

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


class LexiconError(ValueError):
    """A lexicon file or dict is malformed; the message says where (the file, the key).

    Example:
        >>> Lexicon.from_dict({"bullets": "-"})
        Traceback (most recent call last):
        ...
        arnews.lexicon.LexiconError: bullets must be a list of strings, not a string
    """


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
    # letter, and their length is what compiling them costs (on first use, in each process).
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
# A letter the fold keeps: what may not follow a stamp marker, which pages glue to the date
# (`نشر في17/05/2013`).
_LETTER = "[^\\W\\d_" + _DELETED[1:]
# Marker kinds followed by a date, which may be glued to the marker's last word.
_DATED_KINDS = frozenset({"updated", "published"})
_GAP_CHARS = frozenset({*FOLD_DELETED, *(c for c in FOLDED_FROM[" "] if c not in "\n\r")})
_GAP = _class(_GAP_CHARS) + "*"
# A marker kind, the characters a line may open with for its pattern to match, its match.
_KindMatcher = tuple[str, frozenset[str], Callable[[str, int, int], "re.Match[str] | None"]]


def _char_class(char: str) -> str:
    # Latin letters match either case here, so that the patterns need no IGNORECASE flag
    # (which slows every comparison of the Arabic classes down).
    return _class({*FOLDED_FROM.get(char, {char}), char.lower(), char.upper()})


@functools.lru_cache(maxsize=64)
def _compile_cached(pattern: str) -> re.Pattern[str]:
    with _shared_charsets():
        return re.compile(pattern)


# Compiling a trie is mostly the standard library optimising each character class into a
# 64K-entry bitmap, once per occurrence: the same few classes (the deleted characters before
# every letter, the alef variants...) occur thousands of times in a large lexicon. While our
# tries compile, that pure function is memoised, which makes compiling three times faster
# (the import of arnews too). Guarded: where the private function is not there, or has
# another signature, compiling simply runs at the standard speed.
_CHARSET_LOCK = threading.RLock()


@contextlib.contextmanager
def _shared_charsets() -> Iterator[None]:
    compiler = getattr(re, "_compiler", None)
    original = getattr(compiler, "_optimize_charset", None)
    if original is None or getattr(original, "_arnews_memo", False):
        yield
        return
    cache: dict[Any, tuple[list[Any], Any]] = {}

    def memo(*args: Any, **kwargs: Any) -> Any:
        if kwargs or len(args) != 4:  # not the call shape this was written for: pass through
            return original(*args, **kwargs)
        charset, iscased, fixup, fixes = args
        try:
            key = (tuple(charset), iscased, fixup, id(fixes))
            hit = cache.get(key)
        except TypeError:  # an unhashable item: no memo for this one
            return original(*args)
        if hit is None:
            hit = cache[key] = original(*args)
        out, cased = hit
        return list(out), cased

    memo._arnews_memo = True  # type: ignore[attr-defined]
    with _CHARSET_LOCK:
        compiler._optimize_charset = memo  # type: ignore[union-attr]
        try:
            yield
        finally:
            compiler._optimize_charset = original  # type: ignore[union-attr]


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


def _prefix_tree(keys: Iterable[str]) -> dict[str, Any]:
    """Nested dicts, one level a character, of the non-empty ``keys``; ``""`` marks an end.

    Example:
        >>> _prefix_tree(["اب", "ا", ""])
        {'ا': {'ب': {'': {}}, '': {}}}
    """
    root: dict[str, Any] = {}
    for key in keys:
        if not key:
            continue
        node = root
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}
    return root


def _trie(phrases: Iterable[str]) -> str:
    """One pattern for many phrases, as a prefix tree: a line is read once, not per phrase.

    Each phrase is matched in raw text the way the fold would see it: a character matches
    any character that folds to it, deleted characters may stand between characters, and a
    space matches a run of spaces. Deleted characters are matched only before a character
    (never at a phrase's end, where the caller's tail takes them), so no two quantifiers
    can share a run between them.
    """
    root = _prefix_tree(map(fold, phrases))

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


# A furniture line is first told by the start of its key: this many letters of each phrase
# (its spaces left out) rule out all but a few lines a page.
_LOOSE_DEPTH = 6
# What the loose tree skips between letters: every character the fold deletes or makes a
# space and every white space the key's split drops (none of them a letter or digit but
# the tatweel), and punctuation with them.
_LOOSE_SKIP = "[\\W\u0640]*"
# The two characters outside Latin whose lower case (the key's) starts with a Latin letter:
# KELVIN SIGN is `k`, `İ` is `i` and a combining dot (which the tree skips).
_LOWER_TO_LATIN = {"k": "\u212a", "i": "\u0130"}


def _loose_prefixes(phrases: Iterable[str]) -> str:
    """A pattern that matches the start of every raw line whose folded key starts with one
    of ``phrases``, and of a few more: each phrase's first :data:`_LOOSE_DEPTH` letters,
    with anything that is no letter allowed between them.

    A necessary test, not the answer: ten times cheaper to compile than :func:`_trie` of
    the same phrases (whose classes of deleted characters stand before every letter).

    Example:
        >>> import re
        >>> loose = re.compile(_loose_prefixes(["تابعونا على"]))
        >>> bool(loose.match("تـابِعونا  على تويتر")), bool(loose.match("تابع الخبر"))
        (True, False)
    """
    root = _prefix_tree(fold(phrase).replace(" ", "")[:_LOOSE_DEPTH] for phrase in phrases)

    def emit(node: dict[str, Any], first: bool) -> str:
        if "" in node:
            return ""  # a phrase's letters end here: what follows does not matter
        alts = [
            ("" if first else _LOOSE_SKIP)
            + _class(
                {
                    *FOLDED_FROM.get(ch, {ch}),
                    ch.lower(),
                    ch.upper(),
                    *_LOWER_TO_LATIN.get(ch.lower(), ""),
                }
            )
            + emit(node[ch], False)
            for ch in sorted(node)
        ]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return f"{_LOOSE_SKIP}(?:{emit(root, True)})" if root else r"(?!)"


def _compile_kind(
    phrases: Iterable[str],
    bullets: str,
    colon: str = "colon",
    glued_digits: bool = False,
    separators: bool = False,
) -> re.Pattern[str]:
    return _compile_phrases(tuple(phrases), bullets, colon, glued_digits, separators)


# Compiling the tries is the slow part of building a lexicon (about 0.1 s for the default
# one): lexicons made by extend(), replace() or unpickling share the patterns of the same
# phrases. A cache of pure results, so sharing it between threads changes no output.
@functools.lru_cache(maxsize=128)
def _compile_phrases(
    phrases: tuple[str, ...],
    bullets: str,
    colon: str,
    glued_digits: bool = False,
    separators: bool = False,
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
        after = _LETTER if glued_digits else _WORD
        return rf"(?!{_DELETED}*{after}){_GAP}(?:({group}{seps}){_GAP})?"

    # A run of colons may hold deleted characters too (`:ـ:` folds to `::`). Links and lists
    # also take the other separators; a source or a date needs a real colon.
    seps = rf"[{_COLONS}](?:{_DELETED}*[{_COLONS}])*"
    if separators:
        seps = rf"(?:{seps}|{_SEPARATORS})"
    # A phrase that must stand alone checks, ahead, that nothing follows its tail; one that
    # needs a separator, that one follows, and more text after it (`قد يهمك| عنوان`).
    named = tail(f"?P<{colon}>" if colon else "?:")
    needs_sep = rf"(?=(?!{_DELETED}*{_WORD}){_GAP}{seps}{_GAP}\S)"
    with _shared_charsets():
        return re.compile(
            rf"{_GAP}{bullet}(?:{_trie(inline)}|{_trie(alone)}(?={tail('?:')}$)"
            rf"|{_trie(separated)}{needs_sep}){named}"
        )


# How much of a long line is folded first to judge it as furniture (see is_boilerplate).
_KEY_HEAD = 64
_KINDS_OF = {str: "a string", dict: "an object", int: "a number", float: "a number"}


def _furniture_key(text: str) -> str:
    """The key furniture is matched on: folded, white space collapsed, Latin in lower case."""
    return fold(text).lower()


@functools.lru_cache(maxsize=64)
def _folded_prefixes(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern of ``phrases`` that matches at the start of a furniture key, on whole
    words; longer phrases are tried first."""
    keys = sorted({k for k in map(_furniture_key, phrases) if k}, key=lambda k: (-len(k), k))
    if not keys:
        return re.compile(r"(?!)")
    return re.compile("(?:" + "|".join(map(re.escape, keys)) + r")(?!\w)")


def read_utf8(path: str | Path, error: type[ValueError]) -> str:
    """Read a data file (lexicon, profile) as UTF-8, a BOM allowed; ``error`` names the file.

    Example:
        >>> read_utf8("/no/such/file.json", LexiconError)
        Traceback (most recent call last):
        ...
        arnews.lexicon.LexiconError: /no/such/file.json: cannot read it: No such file or directory
    """
    try:
        return Path(path).read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise error(f"{path}: cannot read it: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise error(f"{path}: not valid UTF-8 at byte {exc.start}") from exc


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
    # The compiled patterns, by name (see _compile): built on first use, not with the
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
        """The compiled pattern ``name``: ``kind:`` and a marker kind, or one of ``_compile``'s
        names (which no marker kind can take, whatever a user lexicon calls its kinds)."""
        pattern = self._compiled.get(name)
        if pattern is None:
            pattern = self._compiled[name] = self._compile(name)
        return pattern

    def _compile(self, name: str) -> re.Pattern[str]:
        bullets = "".join(self.bullets)
        if name == "any marker":
            # One pass that rules out most lines: a line no kind's pattern can match costs
            # one call of one prefix tree instead of one per kind. It must let through
            # whatever any kind's pattern takes.
            every = [p for kind in sorted(self._kinds) for p in self.markers.get(kind, ())]
            return _compile_kind(every, bullets, colon="", glued_digits=True, separators=True)
        if name == "boilerplate" or name == "banners":
            # Furniture phrases run on the folded key of a candidate line (a few short lines
            # a page): patterns of plain folded words compile in a fraction of the time a
            # prefix tree of fold-aware classes takes, and the phrase list is long.
            banner = name == "banners"
            chosen = [p for p in self.boilerplate if p.endswith("*") == banner]
            return _folded_prefixes(tuple(p[:-1] if banner else p for p in chosen))
        if name == "furniture":
            # Every phrase a furniture line's key may start with, matched on the raw line:
            # the lines it passes over are no furniture (see which_boilerplate).
            every = [*self.boilerplate_lines, *(p.removesuffix("*") for p in self.boilerplate)]
            return _compile_cached(_loose_prefixes(every))
        if name == "inside":
            # Searched for anywhere in a short line, not matched at its start. The standard
            # engine finds no first characters in a tree of classes to skip ahead with; a
            # lookahead of them rules out most places at once (a third faster on a page).
            firsts = raw_heads(self.boilerplate_inside) - FOLD_DELETED
            return _compile_cached(rf"(?={_class(firsts)})(?:{_trie(self.boilerplate_inside)})")
        if name == "ticker":
            # The ticker words, then their colon, bar or dash: what follows is the headline.
            start = _GAP  # a line may open with a diacritic or tatweel, then a space
            return _compile_cached(
                rf"{start}(?:{_trie(self.tickers)})(?!{_DELETED}*{_WORD})"
                rf"{_GAP}(?:[{_COLONS}|/\-\u2013\u2014]{_GAP})*"
            )
        if not name.startswith("kind:"):
            raise KeyError(name)
        kind = name[len("kind:") :]
        return _compile_kind(
            self.markers.get(kind, ()),
            bullets if kind != "source" else "",
            glued_digits=kind in _DATED_KINDS,
            separators=kind in _SEPARATED_KINDS,
        )

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
        if not isinstance(data, Mapping):
            kind = _KINDS_OF.get(type(data), "an array" if isinstance(data, list) else "")
            raise LexiconError(
                f"a lexicon must be a JSON object, not {kind or type(data).__name__}"
            )
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
        return cls(markers=markers, credits=credits, **phrases)

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
        key = kinds if isinstance(kinds, tuple) else tuple(kinds)
        matchers = self._matchers.get(key)
        if matchers is None:
            matchers = self._matchers[key] = self._kind_matchers(key)
        # A kind's pattern is tried only where the line opens with a character its phrases
        # (or the gap and bullet before them) can open with: most lines reach one or two.
        first = text[pos]
        best: MarkerMatch | None = None
        for kind, heads, match in matchers:
            if first not in heads:
                continue
            m = match(text, pos, stop)
            if m is not None and (best is None or m.end() > best.end):
                best = MarkerMatch(kind, m.end(), bool(m.group("colon")), m.end() >= stop)
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
            if kind != "source":  # a source's pattern takes no bullet (see _compile)
                heads |= bullets
            out.append((kind, heads, self._pattern("kind:" + kind).match))
        return tuple(out)

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

    def is_boilerplate(self, line: str, *, max_extra_words: int = 4) -> bool:
        """Tell whether a whole line is page furniture.

        A line is furniture when it is one of :attr:`boilerplate_lines`, or starts with a
        :attr:`boilerplate` phrase and adds at most ``max_extra_words`` words (an app's name),
        or any number of words after a phrase marked ``*`` (a banner's sentence).

        Example:
            >>> Lexicon.default().is_boilerplate("تابع أحدث الأخبار عبر تطبيق")
            True
            >>> Lexicon.default().is_boilerplate("طباعة الكتب في مصر تراجعت كثيرا")
            False
            >>> Lexicon.default().is_boilerplate(
            ...     "نستخدم ملفات تعريف الارتباط لتحسين تجربتك، وباستمرارك في التصفح توافق على ذلك"
            ... )
            True
        """
        # Most lines open with a letter no furniture phrase opens with.
        head = line[:1]
        if head and not head.isspace() and head not in self._boilerplate_heads:
            return False
        if len(line) > _KEY_HEAD:
            # A long line (most lines that get here are paragraphs) is judged on the key of
            # its head first: that key is a prefix of the whole line's key, longer than any
            # phrase, so the phrase patterns answer on it as on the whole key, and the words
            # after a short phrase, already too many, can only be more. Only a line those
            # words do not rule out is folded whole.
            key = _furniture_key(line[:_KEY_HEAD])
            if len(key) > self._longest_key:
                if self._pattern("banners").match(key) is not None:
                    return True
                m = self._pattern("boilerplate").match(key)
                if m is None or len(key[m.end() :].split()) > max_extra_words:
                    return False
        key = _furniture_key(line)
        if key in self._boilerplate_line_set:
            return True
        if self._pattern("banners").match(key) is not None:
            return True
        m = self._pattern("boilerplate").match(key)
        # Words are counted folded: a lone diacritic or tatweel is no word.
        return m is not None and len(key[m.end() :].split()) <= max_extra_words

    def which_boilerplate(self, lines: Sequence[str], *, max_extra_words: int = 4) -> list[bool]:
        """:meth:`is_boilerplate` of each of ``lines``, worked out together.

        The same answers, for a fraction of the cost on a page's lines: one loose prefix
        tree of the furniture phrases' first letters, which reads the raw text as if folded
        (see :func:`_loose_prefixes`), runs over the lines in a C-level pass, and only the
        lines it matches (a few a page) are folded and judged, by :meth:`is_boilerplate`
        itself. A line whose key starts with a phrase starts, raw, with what the tree
        matches, so no line it passes over is furniture.

        Example:
            >>> Lexicon.default().which_boilerplate(["طباعة", "طباعة الكتب في مصر تراجعت"])
            [True, False]
        """
        out = [False] * len(lines)
        hits = map(is_not, map(self._pattern("furniture").match, lines), repeat(None))
        for k in compress(range(len(lines)), hits):
            out[k] = self.is_boilerplate(lines[k], max_extra_words=max_extra_words)
        return out

    @property
    def boilerplate_inside_pattern(self) -> re.Pattern[str]:
        """One pattern of every :attr:`boilerplate_inside` phrase, to search a page with.

        Example:
            >>> pattern = Lexicon.default().boilerplate_inside_pattern
            >>> pattern.search("صورة: Getty Images") is not None
            True
        """
        return self._pattern("inside")

    def may_hold_inside(self, text: str) -> bool:
        """A necessary test for :attr:`boilerplate_inside_pattern` finding anything in
        ``text``: every word of one of the phrases stands in its folded, lower-cased text.

        One fold and a few substring searches over a page's short lines joined: most pages
        hold no credit or notice, and their lines need not be searched one by one.

        Example:
            >>> lexicon = Lexicon.default()
            >>> lexicon.may_hold_inside("صورة: GETTY Images"), lexicon.may_hold_inside("خبر")
            (True, False)
        """
        key = fold_chars(text).lower()
        return any(all(map(key.__contains__, words)) for words in self._inside_words)

    @property
    def ticker_pattern(self) -> re.Pattern[str]:
        """The pattern :meth:`match_ticker` matches a line's start with (to run over many).

        Example:
            >>> Lexicon.default().ticker_pattern.match("عاجل: الرئيس يصل") is not None
            True
        """
        return self._pattern("ticker")

    @property
    def ticker_heads(self) -> frozenset[str]:
        """The characters a line can start with for :attr:`ticker_pattern` to match it.

        Example:
            >>> "ع" in Lexicon.default().ticker_heads, "ب" in Lexicon.default().ticker_heads
            (True, False)
        """
        return self._ticker_heads

    def match_ticker(self, line: str) -> int | None:
        """Where the headline starts after a ticker word that opens ``line``; ``None`` if none.

        Example:
            >>> line = "عاجل: الرئيس يصل إلى القاهرة"
            >>> line[Lexicon.default().match_ticker(line) :]
            'الرئيس يصل إلى القاهرة'
            >>> Lexicon.default().match_ticker("عاجلا أم آجلا") is None
            True
        """
        m = self._pattern("ticker").match(line)
        return None if m is None else m.end()

    def is_navigation(self, item: str) -> bool:
        """Tell whether ``item`` is the name of a site section, as menus list them.

        Example:
            >>> Lexicon.default().is_navigation("الرئيسية"), Lexicon.default().is_navigation("غزة")
            (True, False)
        """
        return " ".join(fold(item).split()) in self._navigation_set


def _from_json(text: str, where: str) -> Lexicon:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LexiconError(
            f"{where}: not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from exc
    except RecursionError:
        raise LexiconError(f"{where}: not a lexicon: arrays or objects nested too deep") from None
    except ValueError as exc:  # a number too long to read, say
        raise LexiconError(f"{where}: not valid JSON: {exc}") from exc
    try:
        return Lexicon.from_dict(data)
    except LexiconError as exc:
        raise LexiconError(f"{where}: {exc}") from None


def _load_default() -> Lexicon:
    # The shipped file is checked as a user's is: a broken edit to it names the file.
    return _from_json(read_data_text("lexicon.json"), data_path("lexicon.json"))


_DEFAULT = _load_default()
