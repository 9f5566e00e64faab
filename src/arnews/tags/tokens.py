"""Tokens of a tag line and what the segmenter knows about each word.

A tag line is cut into separator-delimited items (:func:`_items`), each item into tokens
(:func:`_tokens`), and each distinct token is analysed once (:class:`_Tok`): its fold key,
its clitic-less variants, and the word classes the link grammar reads (definite, adjective,
name parts, gazetteer categories).

Example:
    >>> from arnews.gazetteer import DEFAULT_GAZETTEER
    >>> tok = _Tok("والرئيس", DEFAULT_GAZETTEER)
    >>> tok.key, tok.conj, tok.variants
    ('والرئيس', True, ('والرئيس', 'الرئيس'))
"""

from __future__ import annotations

import itertools
import operator
import re
import string
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from arnews._lazy import lazy
from arnews.gazetteer import Gazetteer, fold_key
from arnews.normalize import FOLD_TABLE, fold

if TYPE_CHECKING:
    import regex

# Separators: Arabic and Latin commas and semicolons, bars, bullets, hash signs and line
# breaks; a slash or comma only when not between digits (``24/7``, ``1,5``); a dash only when
# spaced or between Arabic letters (``كوفيد-19`` stays one word).
_SEPARATOR: regex.Pattern[str] = lazy(
    "regex",
    r"[،؛;|¦•·●▪■◆►#\n\r\u2028\u2029\u0085]"
    r"|(?<!\d)[,/]|[,/](?!\d)"
    r"|(?<=\s|^)[-–—]+|[-–—]+(?=\s|$)"
    r"|(?<=\p{Arabic})[-–—]+(?=\p{Arabic})",
)
# A token is a run of non-space characters trimmed of punctuation, symbols and invisible
# characters at both ends. Backtracking stays inside one white-space-delimited run and the
# next search starts after the match, so a scan is linear in the line.
_TOKEN: regex.Pattern[str] = lazy(
    "regex", r"[^\s\p{P}\p{S}\p{Z}\p{C}](?:[^\s]*[^\s\p{P}\p{S}\p{Z}\p{C}])?"
)


# Words that glue a person's name together: بن، ابن، بنت، أبو، أم، آل (folds to ال)، عبد.
_NAME_PARTICLES = frozenset({"بن", "ابن", "بنت", "ابو", "ام", "ال", "عبد", "ولد"})
# After these particles the next word is the second half of a first name (عبد الله, أبو محمد).
_COMPOUND_PARTICLES = frozenset({"عبد", "ابو", "ام"})


def _wordset(words: str) -> frozenset[str]:
    """Fold a space-separated word list into a set of keys (lists below read as prose)."""
    return frozenset(fold(w) for w in words.split())


# Prepositions, conjunctions and pronouns: they join words only inside a known phrase.
_FUNCTION_WORDS = _wordset(
    "في من إلى الى على عن مع بين حول ضد عبر بعد قبل أو او ثم أن إن ان لا ما لم لن قد هل كل"
    " بعض عند منذ حتى لدى خلال دون تحت فوق أمام وراء ذلك هذا هذه تلك التي الذي الذين و"
    " مثل غير عبر نحو لدي كما إذا اذا بل لكن"
)
# Definite adjectives that are neither nisba (-ي/-ية) nor elative (أفعل): ordinals and the
# commonest qualifiers of named things (الدوري الممتاز, الحرمين الشريفين, الأمين العام).
_ADJECTIVES = _wordset(
    "الأول الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر الأخير الأخيرة"
    " الجديد الجديدة القديم القديمة الكبير الكبيرة الكبرى الصغير الصغرى العظمى الوسطى"
    " العليا الممتاز الممتازة الحر الحرة العام العامة الخاص الخاصة الشريف الشريفين"
    " المقبل المقبلة الماضي الماضية الحالي الحالية المحتلة المتحدة المسلحة الموحد الموحدة"
    " الجنوبية الشمالية الشرقية الغربية الرسمي الرسمية الحاكم الحاكمة المستقل المستقلة"
)

# Definite nouns that look like nisba adjectives (-ي) but head a phrase of their own.
_NISBA_NOUNS = _wordset(
    "الدوري النادي الكرسي الوادي القاضي المستشفى المبنى المعنى المقهى الملهى المرمى"
    " المستوى الأقصى الحي الرأي الوعي السعي الجري الوحي الهدي المنفى المرعى"
)


class _Tok:
    """What the segmenter knows about one token; built once per distinct token per call."""

    __slots__ = (
        "adj",
        "bound_head",
        "conj",
        "definite",
        "entity",
        "first",
        "free_head",
        "function",
        "head",
        "head_def",
        "honorific",
        "inisba",
        "key",
        "latin",
        "nisba_shape",
        "number",
        "particle",
        "person",
        "pp",
        "start_pen",
        "title_start",
        "titlecase",
        "uni",
        "variants",
    )

    def __init__(
        self,
        text: str,
        gaz: Gazetteer,
        known: frozenset[str] = frozenset(),
        classes: Mapping[str, int] | None = None,
        key: str | None = None,
    ) -> None:
        # ``known``: the lexicon's phrases, which count as entities alongside the gazetteer's.
        # ``classes``: :func:`_word_classes` of ``gaz``; ``key``: ``fold_key(text)``, worked
        # out here when not given (:func:`_fold_keys` folds many words at once).
        if classes is None:
            classes = _word_classes(gaz)
        get = classes.get
        if key is None:
            key = fold_key(text)
        self.key = key
        self.variants = _variants(key)
        bits = get(key, 0)
        core = key
        core_bits = bits
        pp = False
        if len(key) > 4 and key.startswith("لل"):
            core, pp = "ال" + key[2:], True
            core_bits = get(core, 0)
        elif (len(key) > 5 and key[0] in "بك" and key[1:3] == "ال") or (
            len(key) > 3
            and key[0] in "لب"
            and (get(key[1:], 0) & _ENTITY or (known and key[1:] in known))
        ):
            core, pp = key[1:], True
            core_bits = get(core, 0)
        self.pp = pp
        self.conj = len(key) > 4 and key[0] in "وف" and key[1:3] == "ال"
        definite = self.definite = len(core) > 3 and core.startswith("ال")
        entity = self.entity = (bits | core_bits) & _ENTITY != 0 or (
            bool(known) and (core in known or key in known)
        )
        person = self.person = bits & _PERSON != 0
        honorific = self.honorific = bits & _HONORIFIC != 0
        self.particle = bits & _PARTICLE != 0
        first = self.first = bits & _FIRST != 0 or (
            len(key) > 5 and key.startswith("عبدال") and not entity
        )
        head = self.head = bits & _HEAD != 0
        self.free_head = bits & _FREE_HEAD != 0
        self.bound_head = head and not self.free_head
        # The definite form of a head noun opens an institution's name (الاتحاد العام التونسي
        # للشغل, الهيئة العامة للاستعلامات) just as the bare head opens a construct.
        self.head_def = head or (definite and not pp and get(core[2:], 0) & _HEAD != 0)
        self.title_start = bits & _TITLE_START != 0
        self.function = bits & _FUNCTION != 0
        latin = self.latin = not _LATIN_LETTERS.isdisjoint(key)
        self.titlecase = latin and text[:1].isupper() and not text.isupper()
        self.number = key.isdigit()
        stem = core[2:] if definite else core
        nisba = (
            (len(stem) >= 3 and stem.endswith("ي"))
            or (len(stem) >= 4 and stem.endswith("يه"))
            or (len(stem) >= 5 and stem.endswith(("يين", "يون")))
        )
        self.nisba_shape = nisba and not latin
        # 2: a clear adjective (nisba, elative أفعل, listed); 1: a participle-like م- word.
        adj = 0
        if definite and not latin:
            listed = core_bits & _ADJECTIVE != 0
            relative = nisba and not person and not core_bits & _NISBA_NOUN
            elative = len(stem) == 4 and stem[0] == "ا" and not entity and not honorific
            if listed or relative or elative:
                adj = 2
            elif len(stem) >= 5 and stem[0] == "م" and not entity:
                adj = 1
        self.adj = adj
        # Indefinite nisba adjective (سلاح نووي، هدنة إنسانية): 2 feminine, 1 masculine.
        inisba = 0
        named = entity or person or first
        if not (definite or latin or named or head):
            if len(key) >= 5 and key.endswith("يه"):
                inisba = 2
            elif len(key) >= 4 and key.endswith("ي"):
                inisba = 1
        self.inisba = inisba
        self.uni = _unigram(self)
        self.start_pen = _start_penalty(self)


def _fast_fold_table() -> dict[int, int | str | None]:
    """:data:`~arnews.normalize.FOLD_TABLE`, plus every character of the Arabic, Latin and
    punctuation blocks that it leaves alone mapped to itself: ``str.translate`` pays for a
    look-up that misses (an exception inside) about as much again as for one that hits."""
    table: dict[int, int | str | None] = {}
    for lo, hi in ((0x0000, 0x024F), (0x0600, 0x06FF), (0x0750, 0x077F), (0x2000, 0x206F)):
        table.update((c, c) for c in range(lo, hi + 1))
    table.update(FOLD_TABLE)
    return table


#: What :func:`~arnews.normalize.fold_chars` does, as a faster ``str.translate`` table.
_FOLD_FAST = _fast_fold_table()


def _fold_keys(words: Sequence[str]) -> list[str]:
    """``[fold_key(w) for w in words]`` for words without line breaks, in a few C-level passes.

    Example:
        >>> _fold_keys(["الأمم", "المتحدة", "CNN"])
        ['الامم', 'المتحده', 'cnn']
    """
    if not words:
        return []
    folded = "\n".join(words).translate(_FOLD_FAST).casefold().split("\n")
    # fold() also collapses white space: a word may hold a character that folds to a space.
    return list(map(" ".join, map(str.split, folded)))


# What a fold key is, as bits: one table look-up per word instead of a dozen set probes.
_ENTITY = 1
_PERSON = 2
_HONORIFIC = 4
_FIRST = 8
_HEAD = 16
_FREE_HEAD = 32
_TITLE_START = 64
_FUNCTION = 128
_PARTICLE = 256
_ADJECTIVE = 512
_NISBA_NOUN = 1024
_LATIN_LETTERS = frozenset(string.ascii_letters)
# One table per gazetteer in use (by identity; the gazetteer is kept, so its id stays its
# own), built on first use: the shipped one costs a few milliseconds once per process.
_TABLES: dict[int, tuple[Gazetteer, dict[str, int]]] = {}
_MAX_TABLES = 8


def _word_classes(gaz: Gazetteer) -> dict[str, int]:
    """Every key that the gazetteer or the segmenter's word lists hold, with its class bits."""
    entry = _TABLES.get(id(gaz))
    if entry is not None and entry[0] is gaz:
        return entry[1]
    table: dict[str, int] = {}
    sources = (
        (_ENTITY, gaz.entities),
        (_PERSON, gaz.people),
        (_HONORIFIC, gaz.honorifics),
        (_FIRST, gaz.first_names),
        (_HEAD, gaz.heads),
        (_FREE_HEAD, gaz.free_heads),
        (_TITLE_START, gaz.title_starts),
        (_FUNCTION, _FUNCTION_WORDS),
        (_PARTICLE, _NAME_PARTICLES),
        (_ADJECTIVE, _ADJECTIVES),
        (_NISBA_NOUN, _NISBA_NOUNS),
    )
    for bit, keys in sources:
        for k in keys:
            table[k] = table.get(k, 0) | bit
    if len(_TABLES) >= _MAX_TABLES:
        _TABLES.clear()
    _TABLES[id(gaz)] = (gaz, table)
    return table


# Analyses kept across calls, one memo per gazetteer and lexicon in use: a word's analysis
# depends on nothing else, and tag words recur from page to page (a site tags most pages
# with the same few hundred names). Bounded: a memo that grows past _MAX_MEMO words (a
# page of thousands of invented tags) is emptied and starts again.
_MEMOS: dict[tuple[int, int], tuple[Gazetteer, frozenset[str], dict[str, _Tok]]] = {}
_MAX_MEMO = 20_000


def _memo(gaz: Gazetteer, known: frozenset[str]) -> dict[str, _Tok]:
    """The analyses of words already seen with this gazetteer and these lexicon phrases."""
    ident = (id(gaz), id(known))
    entry = _MEMOS.get(ident)
    if entry is not None and entry[0] is gaz and entry[1] is known:
        memo = entry[2]
        if len(memo) > _MAX_MEMO:
            memo.clear()
        return memo
    if len(_MEMOS) >= _MAX_TABLES:
        _MEMOS.clear()
    memo = {}
    _MEMOS[ident] = (gaz, known, memo)
    return memo


def _variants(key: str) -> tuple[str, ...]:
    """The key and its forms without a leading conjunction and/or preposition clitic."""
    out = [key]
    k = key
    if len(k) > 3 and k[0] in "وف":
        k = k[1:]
        out.append(k)
    if len(k) > 4 and k.startswith("لل"):
        out.append("ال" + k[2:])
    elif len(k) > 3 and k[0] in "بلك":
        out.append(k[1:])
    return tuple(out)


def _unigram(t: _Tok) -> float:
    """Score of a token standing alone as a tag (0 for an ordinary word)."""
    if t.honorific or t.particle:
        return -3.0
    if t.function or t.bound_head:
        return -1.5
    if t.number or t.conj:
        return -1.0
    if t.adj == 2 and not t.entity and not t.pp:
        return -1.5
    return 0.0


def _start_penalty(t: _Tok) -> float:
    if t.function:
        return -3.0
    if t.adj == 2 and not t.entity and not t.pp:
        return -1.5
    if t.conj:
        return -1.0
    return 0.0


def _items(line: str) -> list[tuple[int, int]]:
    """Spans of the separator-delimited items of ``line`` (untrimmed, possibly blank)."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SEPARATOR.finditer(line):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(line)))
    return out


def _tokens(line: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in _TOKEN.finditer(line, start, end)]


# Every character that can take part in a separator (see _SEPARATOR), and the four that
# ``str.split`` takes for white space and ``\s`` does not: lines without any of them can be
# read as plain words (the standard ``re`` searches a character class far faster).
_MAYBE_SEPARATOR = re.compile("[،؛;|¦•·●▪■◆►#\r\u2028\u2029\x85,/\x1c-\x1f\u2013\u2014-]")
# A character a token can start and end with.
_TOKEN_EDGE: regex.Pattern[str] = lazy("regex", r"[^\s\p{P}\p{S}\p{Z}\p{C}]")


def _plain_words(lines: Sequence[str]) -> list[list[tuple[int, int]]] | None:
    """The spans of each line's tokens when every line is plain, in C-level passes.

    Plain: no character that can separate items, and words that are tokens as they stand
    (nothing to trim), one white-space character apart. Then a line's tokens are its
    ``str.split()`` words, and their spans follow from their lengths. ``None`` when a line
    is not plain: the caller then reads the lines one by one. Lines whose words have the
    same lengths share one list of spans: read them, never change them.

    Example:
        >>> _plain_words(["غزة حماس", "الأمم المتحدة"])
        [[(0, 3), (4, 8)], [(0, 5), (6, 13)]]
        >>> _plain_words(["غزة، حماس"]) is None
        True
    """
    if not lines:
        return []
    joined = "\n".join(lines)
    if joined.count("\n") != len(lines) - 1 or _MAYBE_SEPARATOR.search(joined) is not None:
        return None
    words = joined.split()
    lengths = list(map(len, words))
    # One white-space character between words (the line breaks added included), none at
    # either end, so no line is blank.
    if len(joined) - sum(lengths) != len(words) - 1:
        return None
    edges = set(map(operator.itemgetter(0), words)) | set(map(operator.itemgetter(-1), words))
    if not all(map(_TOKEN_EDGE.match, edges)):
        return None
    if joined.count(" ") == len(words) - len(lines):
        # Every white-space character inside a line is a space: a line has one word more.
        counts = list(
            map(operator.add, map(str.count, lines, itertools.repeat(" ")), itertools.repeat(1))
        )
    else:
        counts = list(map(len, map(str.split, lines)))
    # A line's spans follow from its words' lengths alone: lines of the same lengths (most
    # lines of a page of thousands) share one list of spans, made once, so that they keep
    # no list of their own alive (the collector counts and walks each).
    bounds = list(itertools.accumulate(counts, initial=0))
    shapes = list(map(tuple, map(lengths.__getitem__, map(slice, bounds, bounds[1:]))))
    made = dict.fromkeys(shapes, _NO_SPANS)
    for shape in made:
        starts = list(
            map(operator.add, itertools.accumulate(shape[:-1], initial=0), itertools.count())
        )
        made[shape] = list(zip(starts, map(operator.add, starts, shape), strict=True))
    return list(map(made.__getitem__, shapes))


_NO_SPANS: list[tuple[int, int]] = []


# Characters known to open or close a token (``_TOKEN_EDGE``), remembered: a tag line's edges
# are a few dozen letters, and a set probe costs less than a pattern match.
_EDGE_OK: set[str] = set()
_FIRST_CHAR = operator.itemgetter(0)
_LAST_CHAR = operator.itemgetter(-1)


def _plain_line(line: str) -> list[tuple[int, int]] | None:
    """:func:`_plain_words` of one line: its tokens' spans when it is plain, else ``None``.

    Example:
        >>> _plain_line("غزة حماس")
        [(0, 3), (4, 8)]
        >>> _plain_line("غزة، حماس") is None
        True
    """
    if "\n" in line or _MAYBE_SEPARATOR.search(line) is not None:
        return None
    words = line.split()
    if not words:
        return None
    lengths = list(map(len, words))
    if len(line) - sum(lengths) != len(words) - 1:
        return None
    edges = set(map(_FIRST_CHAR, words))
    edges.update(map(_LAST_CHAR, words))
    if not edges <= _EDGE_OK:
        if not all(map(_TOKEN_EDGE.match, edges - _EDGE_OK)):
            return None
        if len(_EDGE_OK) < 4096:
            _EDGE_OK.update(edges)
    # The k-th word starts after the k words before it and one character after each.
    starts = list(map(operator.add, itertools.accumulate(lengths, initial=0), range(len(words))))
    return list(zip(starts, map(operator.add, starts, lengths), strict=True))
