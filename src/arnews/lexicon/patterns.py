"""Pattern builders of the lexicon: character classes, prefix trees, compile caches.

The patterns built here read the raw text as if it had been folded (see
:func:`arnews.normalize.fold`): a character class stands for every character that folds to
a letter, deleted characters may stand between letters, and a space matches a run of spaces.
:func:`compile_pattern` says which phrases of a :class:`~arnews.lexicon.Lexicon` each of its
named patterns is made of; the compilers are memoised across lexicons.

Example:
    >>> import re
    >>> bool(re.compile(_trie(["اقرا ايضا"])).match("إقرأ  أيضاً"))
    True
"""

from __future__ import annotations

import contextlib
import functools
import re
import sys
import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ..normalize import FOLD_DELETED, FOLDED_FROM, fold

if TYPE_CHECKING:
    from .core import Lexicon

_COLONS = ":：﹕"
# What else a page sets between a marker and its value: `قد يهمك| …`, `قد يهمك/ …`,
# `شاهد.. …`, `اقرأ المزيد - …`. Matched after the colons, as the same group.
_SEPARATORS = r"[|/\\\-–—]|\.{2,}|…"
_SEPARATED_KINDS = frozenset({"read_also", "headlines"})


# Possessive quantifiers (``*+``) came to the standard library's engine with Python 3.11.
# The furniture trees set one only before a class of letters the skip cannot take, where the
# plain greedy skip matches the same lines (it only backtracks over the run, letter by
# letter, before it fails): on Python 3.10 they are written so.
_POSSESSIVE = sys.version_info >= (3, 11)
_POSSESSIVE_SKIP = re.compile(r"(?<=[\])])\*\+")


def portable(source: str, possessive: bool = _POSSESSIVE) -> str:
    """``source`` as this Python's ``re`` compiles it: its possessive skips made greedy
    where the engine has none (Python 3.10), the same lines matched.

    Example:
        >>> print(portable("[^ب]*+[ب]", possessive=False))
        [^ب]*[ب]
    """
    return source if possessive else _POSSESSIVE_SKIP.sub("*", source)


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


def furniture_phrases(lexicon: Lexicon) -> list[str]:
    """Every phrase a furniture line's key may start with: the whole lines and the
    phrases (a banner's without its ``*``), which the ``furniture`` pattern is made of.

    Example:
        >>> from arnews.lexicon import Lexicon
        >>> "طباعة" in furniture_phrases(Lexicon.default())
        True
    """
    return [*lexicon.boilerplate_lines, *(p.removesuffix("*") for p in lexicon.boilerplate)]


def compile_pattern(lexicon: Lexicon, name: str) -> re.Pattern[str]:
    """Compile the pattern ``name`` of ``lexicon`` (which keeps it: ``Lexicon._pattern``):
    ``kind:`` and a marker kind, or one of the names below, which no marker kind can take."""
    bullets = "".join(lexicon.bullets)
    if name == "any marker":
        # One pass that rules out most lines: a line no kind's pattern can match costs
        # one call of one prefix tree instead of one per kind. It must let through
        # whatever any kind's pattern takes.
        every = [p for kind in sorted(lexicon._kinds) for p in lexicon.markers.get(kind, ())]
        return _compile_kind(every, bullets, colon="", glued_digits=True, separators=True)
    if name == "boilerplate" or name == "banners":
        # Furniture phrases run on the folded key of a candidate line (a few short lines
        # a page): patterns of plain folded words compile in a fraction of the time a
        # prefix tree of fold-aware classes takes, and the phrase list is long.
        banner = name == "banners"
        chosen = [p for p in lexicon.boilerplate if p.endswith("*") == banner]
        return _folded_prefixes(tuple(p[:-1] if banner else p for p in chosen))
    if name == "furniture":
        # Every phrase a furniture line's key may start with, matched on the raw line:
        # the lines it passes over are no furniture (see which_boilerplate). (The loose
        # patterns' module builds on this one's: imported when first needed.)
        from .loose import _loose_prefixes

        return _compile_cached(_loose_prefixes(furniture_phrases(lexicon)))
    if name == "inside":
        # Searched for anywhere in a short line, not matched at its start. The standard
        # engine finds no first characters in a tree of classes to skip ahead with; a
        # lookahead of them rules out most places at once (a third faster on a page).
        firsts = raw_heads(lexicon.boilerplate_inside) - FOLD_DELETED
        return _compile_cached(rf"(?={_class(firsts)})(?:{_trie(lexicon.boilerplate_inside)})")
    if name == "ticker":
        # The ticker words, then their colon, bar or dash: what follows is the headline.
        start = _GAP  # a line may open with a diacritic or tatweel, then a space
        return _compile_cached(
            rf"{start}(?:{_trie(lexicon.tickers)})(?!{_DELETED}*{_WORD})"
            rf"{_GAP}(?:[{_COLONS}|/\-\u2013\u2014]{_GAP})*"
        )
    if not name.startswith("kind:"):
        raise KeyError(name)
    kind = name[len("kind:") :]
    return _compile_kind(
        lexicon.markers.get(kind, ()),
        bullets if kind != "source" else "",
        glued_digits=kind in _DATED_KINDS,
        separators=kind in _SEPARATED_KINDS,
    )
