"""Splitting tag lines into the multi-word tags they are made of.

Aggregator pages end with a tag line whose tags are joined by plain spaces::

    البيت الأبيض الرئيس الأمريكي رئيس الوزراء الإسرائيلي بنيامين نتنياهو غزة جو بايدن حماس

:func:`segment_tags` returns the span of each tag (``البيت الأبيض`` · ``الرئيس الأمريكي`` ·
``رئيس الوزراء الإسرائيلي`` · ``بنيامين نتنياهو`` · ``غزة`` · ``جو بايدن`` · ``حماس``).

How it decides, in order:

1. **Separators decide.** When ``،`` ``,`` ``|`` ``؛`` ``;`` ``/`` a spaced dash, a bullet, a
   new line or ``#`` split the line into two items or more, each item is one tag; only an item
   longer than :data:`MAX_SEPARATED_WORDS` words is split further.
2. **Otherwise a dynamic programme** picks the best split of the tokens into phrases of at
   most :data:`MAX_PHRASE_TOKENS` tokens. Each link between two neighbouring tokens gets a
   score from general signals (Arabic noun-phrase grammar, person names, the gazetteer, the
   :class:`TagLexicon`, the article's own text, the line's own repetitions); a phrase scores the
   sum of its links, minus :data:`MERGE_COST` per link, so that without evidence every word
   stays a tag of its own. Some links are *hard breaks* (a first name or an honorific after a
   word that cannot precede it, an office title after a complete phrase, two known entities
   side by side, the same word twice); only a gazetteer or lexicon phrase spanning the link
   lifts them, never the article text, which often runs titles, names and places together.

The segmenter returns every occurrence, repeats included; the parser keeps the first of each.

Example:
    >>> line = "البيت الأبيض الرئيس الأمريكي جو بايدن غزة"
    >>> [line[s:e] for s, e in segment_tags(line)]
    ['البيت الأبيض', 'الرئيس الأمريكي', 'جو بايدن', 'غزة']
"""

from __future__ import annotations

import bisect
import itertools
import json
import os
import re
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import attrs
import regex

from arnews.gazetteer import DEFAULT_GAZETTEER, Gazetteer, fold_key
from arnews.normalize import FOLD_DELETED, FOLDED_FROM, fold, fold_chars

__all__ = [
    "CONTRADICTION",
    "DIVERSITY",
    "KNOWN_EDGE",
    "MAX_FIND_PROBES",
    "MAX_PHRASE_TOKENS",
    "MAX_SEGMENT_TOKENS",
    "MAX_SEPARATED_WORDS",
    "MERGE_COST",
    "W_CONTEXT",
    "W_CONTEXT_PHRASE",
    "W_GAZETTEER",
    "W_LEXICON",
    "TagLexicon",
    "find_tag_lines",
    "segment_tag_lines",
    "segment_tags",
]

#: Longest phrase the dynamic programme considers; keeps it linear in the line length.
MAX_PHRASE_TOKENS = 6
#: A separated item longer than this is split further as if it had no separators.
MAX_SEPARATED_WORDS = 8
#: A line with more words to split than this is not weighed word by word: each word is a
#: tag (separated items still count whole). Real tag lines hold a few dozen words; the limit
#: keeps a runaway line (a whole page run into its tag marker) to a linear scan.
MAX_SEGMENT_TOKENS = 2_000

#: Bonus on a link that lies inside a phrase of the :class:`TagLexicon`.
W_LEXICON = 4.0
#: Bonus on a link that lies inside a gazetteer entry.
W_GAZETTEER = 3.0
#: Bonus on a link whose two words stand side by side in the article's title or body.
W_CONTEXT = 1.0
#: Extra bonus per link when a whole phrase of three words or more occurs in the article.
W_CONTEXT_PHRASE = 0.75
#: Cost of every link inside a phrase: without evidence, words stay separate tags.
MERGE_COST = 0.5
#: Penalty when both words occur in the article but never next to each other.
CONTRADICTION = 1.5
#: Penalty for running on past the end of a known tag, or into the start of one.
KNOWN_EDGE = 0.75
#: Penalty when, in this very line, the first word also ends elsewhere and the second also
#: starts elsewhere (lists repeated with different neighbours).
DIVERSITY = 1.5

_HARD = float("-inf")

# Separators: Arabic and Latin commas and semicolons, bars, bullets, hash signs and line
# breaks; a slash or comma only when not between digits (``24/7``, ``1,5``); a dash only when
# spaced or between Arabic letters (``كوفيد-19`` stays one word).
_SEPARATOR = regex.compile(
    r"[،؛;|¦•·●▪■◆►#\n\r\u2028\u2029\u0085]"
    r"|(?<!\d)[,/]|[,/](?!\d)"
    r"|(?<=\s|^)[-–—]+|[-–—]+(?=\s|$)"
    r"|(?<=\p{Arabic})[-–—]+(?=\p{Arabic})"
)
# A token is a run of non-space characters trimmed of punctuation, symbols and invisible
# characters at both ends. Backtracking stays inside one white-space-delimited run and the
# next search starts after the match, so a scan is linear in the line.
_TOKEN = regex.compile(r"[^\s\p{P}\p{S}\p{Z}\p{C}](?:[^\s]*[^\s\p{P}\p{S}\p{Z}\p{C}])?")
# Context: punctuation ends a run of words; phrases never straddle it.
_CLAUSE_BREAK = regex.compile(r"[\p{P}\p{S}]+")
_LATIN = regex.compile(r"[A-Za-z]")
# Tag-line markers, matched on the folded line (so hamza, teh marbuta and diacritics vary).
_MARKER = regex.compile(
    r"^[^\S\n]*(?:(?:ال)?كلمات[^\S\n]+(?:ال)?(?:دلاليه|مفتاحيه)|(?:ال)?وسوم|طباعه[^\S\n]+شارك)"
    r"[^\S\n]*[:：]?[^\S\n]*"
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

    def __init__(self, text: str, gaz: Gazetteer, known: frozenset[str] = frozenset()) -> None:
        # ``known``: the lexicon's phrases, which count as entities alongside the gazetteer's.
        entities = gaz.entities
        key = fold_key(text)
        self.key = key
        self.variants = _variants(key)
        core = key
        pp = False
        if len(key) > 4 and key.startswith("لل"):
            core, pp = "ال" + key[2:], True
        elif (len(key) > 5 and key[0] in "بك" and key[1:3] == "ال") or (
            len(key) > 3 and key[0] in "لب" and (key[1:] in entities or key[1:] in known)
        ):
            core, pp = key[1:], True
        self.pp = pp
        self.conj = len(key) > 4 and key[0] in "وف" and key[1:3] == "ال"
        self.definite = len(core) > 3 and core.startswith("ال")
        self.entity = any(k in entities or k in known for k in (core, key))
        self.person = key in gaz.people
        self.honorific = key in gaz.honorifics
        self.particle = key in _NAME_PARTICLES
        self.first = key in gaz.first_names or (
            len(key) > 5 and key.startswith("عبدال") and not self.entity
        )
        self.head = key in gaz.heads
        self.free_head = key in gaz.free_heads
        self.bound_head = self.head and not self.free_head
        # The definite form of a head noun opens an institution's name (الاتحاد العام التونسي
        # للشغل, الهيئة العامة للاستعلامات) just as the bare head opens a construct.
        self.head_def = self.head or (self.definite and not pp and core[2:] in gaz.heads)
        self.title_start = key in gaz.title_starts
        self.function = key in _FUNCTION_WORDS
        self.latin = _LATIN.search(key) is not None
        self.titlecase = self.latin and text[:1].isupper() and not text.isupper()
        self.number = key.isdigit()
        stem = core[2:] if self.definite else core
        nisba = (
            (len(stem) >= 3 and stem.endswith("ي"))
            or (len(stem) >= 4 and stem.endswith("يه"))
            or (len(stem) >= 5 and stem.endswith(("يين", "يون")))
        )
        self.nisba_shape = nisba and not self.latin
        # 2: a clear adjective (nisba, elative أفعل, listed); 1: a participle-like م- word.
        adj = 0
        if self.definite and not self.latin:
            listed = core in _ADJECTIVES
            relative = nisba and not self.person and core not in _NISBA_NOUNS
            elative = len(stem) == 4 and stem[0] == "ا" and not self.entity and not self.honorific
            if listed or relative or elative:
                adj = 2
            elif len(stem) >= 5 and stem[0] == "م" and not self.entity:
                adj = 1
        self.adj = adj
        # Indefinite nisba adjective (سلاح نووي، هدنة إنسانية): 2 feminine, 1 masculine.
        inisba = 0
        named = self.entity or self.person or self.first
        if not (self.definite or self.latin or named or self.head):
            if len(key) >= 5 and key.endswith("يه"):
                inisba = 2
            elif len(key) >= 4 and key.endswith("ي"):
                inisba = 1
        self.inisba = inisba
        self.uni = _unigram(self)
        self.start_pen = _start_penalty(self)


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


def _name_link(a: _Tok, b: _Tok) -> float | None:
    """Score of a link that opens or continues a person's name, or None if it is not one."""
    if a.honorific:
        if b.first or b.particle or b.person:
            return 3.0
        if not (b.definite or b.entity or b.function or b.head or b.latin or b.number):
            return 3.0
        return -1.0
    if a.particle:
        return -2.0 if b.function else 3.0
    if a.first:
        if b.particle or b.person:
            return 3.0
        if b.first:
            return 1.0
        if b.entity or b.function or b.head or b.title_start or b.honorific or b.number:
            return -1.0
        return 2.5
    if b.particle and b.key in {"بن", "ابن", "بنت", "ال"}:
        return 0.5
    return None


def _name_trigram(pp: _Tok | None, p: _Tok, a: _Tok, b: _Tok) -> float | None:
    """What the link ``a``-``b`` is worth when ``p`` precedes ``a`` in the same phrase.

    A name has a shape: after a first name (or after بن + a name) comes the family name, and
    after that only a particle (بن، آل) goes on; after عبد/أبو or an honorific the next word
    completes a first name, so a family name may follow it, unless a first name came before
    (``pp``: أحمد أبو الغيط, where أبو الغيط is the family name). None: no constraint.
    """
    if a.particle or a.honorific:
        return None
    compound = p.particle and p.key in _COMPOUND_PARTICLES
    if compound and pp is not None and (pp.first or (pp.particle and not pp.honorific)):
        return 3.0 if b.particle else -2.0
    if p.honorific or compound:
        if b.particle:
            return 3.0
        if (b.entity and not b.person) or b.function or b.head or b.title_start or b.honorific:
            return -1.0
        return 2.5
    if p.first or p.particle:
        return 3.0 if b.particle else -2.0
    return None


def _raw_link(a: _Tok, b: _Tok) -> float:
    """Grammar of two neighbouring tokens: how likely one tag runs on from ``a`` into ``b``."""
    if a.key == b.key:
        return _HARD
    if a.function or b.function:
        return -2.0
    name = _name_link(a, b)
    if name is not None:
        return name
    if b.honorific:
        return _HARD
    if b.first:
        # After a word that cannot end a name-less phrase of its own kind (a definite word, a
        # known entity, a head, an adjective) a first name opens a new tag; after an unknown
        # bare word it may be the second half of a name the lists lack (حسام حسن).
        if a.definite or a.entity or a.person or a.head or a.inisba or a.latin or a.number:
            return _HARD
        return 0.0
    if b.title_start and not (a.head or a.title_start or a.particle):
        return _HARD
    if b.number:
        # Years and numbers complete the tag before them: رؤية 2030، قرار 2720، عيار 21.
        return -1.0 if a.number else 1.0
    if a.number:
        return -1.5
    if a.latin or b.latin:
        if a.latin and b.latin:
            return 1.0 if a.titlecase and b.titlecase else -1.0
        return -1.5
    if b.conj:
        # A tag never starts with و-: a definite word with it coordinates (الحج والعمرة).
        return 1.0 if a.definite else -1.0
    if b.pp:
        return -1.5 if (a.definite or a.entity or a.person) else 0.0
    if a.definite:
        if b.definite:
            if b.adj == 2:
                return 1.5 if a.adj else 2.5
            if b.adj == 1:
                return 0.5
            return -1.5
        return -2.0
    # ``a`` is indefinite: a construct head, an indefinite noun, or a bare proper name.
    a_name = a.entity or a.person
    if a.inisba:
        return -1.5
    if b.definite:
        if a_name:
            return -1.5
        return 2.5 if a.head else 0.75
    if b.inisba:
        if a_name:
            return -1.5
        return 1.5 if (a.head or b.inisba == 2) else 0.75
    if b.entity or b.person:
        if a_name:
            return -2.0
        return 2.5 if a.head else -0.5
    if b.head:
        return 0.5 if a.bound_head else -1.0
    if a_name:
        return -1.0
    return 1.0 if a.head else -0.25


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


def _end_penalty(prev: _Tok, t: _Tok, supported: bool = False) -> float:
    if t.honorific or t.particle or t.function:
        return -4.0
    if t.bound_head:
        return -2.0
    # A construct chain must end in a definite word or a name (وقف إطلاق النار), not in a
    # bare indefinite noun (كيربي هدنة), unless the article has the two words as a run or a
    # known phrase ends there (an adjective the grammar cannot see: أمطار غزيرة).
    if (
        not supported
        and not (t.definite or t.entity or t.person or t.inisba or t.latin or t.number)
        and not (prev.definite or prev.first or prev.particle or prev.honorific)
        and not prev.latin
    ):
        return -1.0
    return 0.0


@attrs.frozen(slots=True)
class _Context:
    """Folded words of the article (with clitic-less variants) and the n-grams the line needs."""

    words: frozenset[str]
    grams: frozenset[str]

    @classmethod
    def build(cls, context: str, needed: frozenset[str], probes: Iterable[str] = ()) -> _Context:
        words: set[str] = set()
        grams: set[str] = set()
        if not context or not needed:
            return cls(frozenset(), frozenset())
        if probes:
            context = _windows(context, probes)
        # Only the line's own words are ever looked up, so only they are indexed; a body
        # repeats its words, so each distinct word's variants are worked out once. A word's
        # variants only drop letters from its front, so all end as it does: a word whose
        # last letter (or, folded, last three letters) ends no needed key is passed over
        # without folding it or working its variants out.
        ends = {k[-3:] for k in needed if len(k) >= 3}
        last = _raw_letters({k[-1] for k in needed if k})
        keys: dict[str, str] = {}  # raw word -> folded key ("\0": cannot be needed)
        seen: dict[str, list[str]] = {}
        for clause in _CLAUSE_BREAK.split(context):
            run: list[str] = []
            for raw in clause.split():
                key = keys.get(raw)
                if key is None:
                    # One word, no white space: the fold is a translate (and casefold).
                    key = keys[raw] = fold_chars(raw).casefold() if raw[-1] in last else "\0"
                if key:  # a word of diacritics or tatweel alone folds to nothing
                    run.append(key)
            for pos, word in enumerate(run):
                firsts = seen.get(word)
                if firsts is None:
                    if len(word) >= 3 and word[-3:] not in ends:
                        firsts = seen[word] = []
                    else:
                        firsts = seen[word] = [v for v in _variants(word) if v in needed]
                if not firsts:
                    continue
                words.update(firsts)
                tail: list[str] = []
                for nxt in run[pos + 1 : pos + MAX_PHRASE_TOKENS]:
                    if nxt not in needed:
                        break
                    tail.append(nxt)
                    rest = " ".join(tail)
                    for first in firsts:
                        grams.add(f"{first} {rest}")
        return cls(frozenset(words), frozenset(grams))

    def has(self, key: str) -> bool:
        return key in self.grams


# How far past a word of the tag line the article is read: on to the start of the next
# word. A phrase goes on only through words of the tag line, each found and read in its own
# right, so stretches that touch merge into the whole phrase.
_WINDOW = 16


def _raw_letters(folded: set[str]) -> set[str]:
    """The characters of raw text that fold to one of ``folded`` (either case), and those the
    fold deletes (a word may end in a diacritic)."""
    out = set(FOLD_DELETED)
    for ch in folded:
        out.update((ch, ch.lower(), ch.upper()))
        out.update(FOLDED_FROM.get(ch, ()))
    return out


#: Up to this many search words, each is found in the article with ``str.find`` (at C
#: speed); with more (a page of thousands of tag lines), the article's distinct words are
#: searched for all of them at once, so the cost stays linear in the page.
MAX_FIND_PROBES = 64
# The indexed search compares the article's substrings of each probe length; probes longer
# than this are compared by their first _PROBE_CAP characters first.
_PROBE_CAP = 24
_SPACE_RUN = re.compile(r"(\s+)")


def _find_each(context: str, probes: Iterable[str]) -> list[tuple[int, int]]:
    """``(offset, length)`` of each probe's occurrences, as a left-to-right scan per probe
    finds them (an occurrence never overlaps the one before it of the same probe)."""
    hits: list[tuple[int, int]] = []
    find = context.find
    for probe in probes:
        size = len(probe)
        pos = find(probe)
        while pos >= 0:
            hits.append((pos, size))
            pos = find(probe, pos + size)
    return hits


def _find_indexed(context: str, probes: Iterable[str]) -> list[tuple[int, int]]:
    """What :func:`_find_each` returns, in time linear in ``context`` for any number of probes.

    A probe holds no white space, so it occurs inside one white-space-delimited word of the
    article: the distinct words are joined into one string, searched once per probe length
    (C-level passes of slicing and set look-ups), and each hit is carried to every place
    where its word occurs.
    """
    probes = list(probes)
    spaced = {p for p in probes if any(map(str.isspace, p))}
    hits = _find_each(context, spaced) if spaced else []
    by_length: dict[int, set[str]] = {}
    long_probes: dict[str, set[str]] = {}
    for probe in probes:
        if probe in spaced:
            continue
        size = min(len(probe), _PROBE_CAP)
        by_length.setdefault(size, set()).add(probe[:size])
        if len(probe) >= _PROBE_CAP:
            long_probes.setdefault(probe[:_PROBE_CAP], set()).add(probe)
    parts = _SPACE_RUN.split(context)
    offsets = [0, *itertools.accumulate(map(len, parts))]
    words = parts[0::2]
    distinct = list(dict.fromkeys(words))
    joined = "\n".join(distinct)
    word_at = [0, *itertools.accumulate(len(w) + 1 for w in distinct)]
    n = len(joined)
    # Every occurrence of a probe in the distinct words, by word: (offset in word, probe).
    found: dict[int, list[tuple[int, str]]] = {}
    for size, keys in by_length.items():
        count = n - size + 1
        if count <= 0:
            continue
        windows = map(joined.__getitem__, map(slice, range(count), range(size, n + 1)))
        for at in itertools.compress(range(count), map(keys.__contains__, windows)):
            if size == _PROBE_CAP:
                heads = long_probes[joined[at : at + size]]
                matched = [p for p in heads if joined.startswith(p, at)]
            else:
                matched = [joined[at : at + size]]
            w = bisect.bisect_right(word_at, at) - 1
            for probe in matched:
                found.setdefault(w, []).append((at - word_at[w], probe))
    if not found:
        return hits
    # Within a word, a probe's occurrences are taken left to right without overlap.
    shapes: dict[str, list[tuple[int, int]]] = {}
    for w, occurrences in found.items():
        occurrences.sort()
        ends: dict[str, int] = {}
        kept: list[tuple[int, int]] = []
        for offset, probe in occurrences:
            if offset >= ends.get(probe, 0):
                ends[probe] = offset + len(probe)
                kept.append((offset, len(probe)))
        shapes[distinct[w]] = kept
    for k in itertools.compress(range(len(words)), map(shapes.__contains__, words)):
        start = offsets[2 * k]
        hits.extend((start + offset, size) for offset, size in shapes[words[k]])
    return hits


def _windows(context: str, probes: Iterable[str]) -> str:
    """The stretches of ``context`` that can give evidence about the tag line's words.

    Folding a whole article costs far more than the rest of the segmenter, yet only the
    places where a word of the tag line occurs matter: a phrase starts at such a word and
    runs a few words on. A substring search per word (as written, and folded) finds them at
    C speed (with many words, one indexed pass over the article's distinct words: see
    :data:`MAX_FIND_PROBES`); each place is read from its word's start to a little past a
    phrase's length. A word spelled in a third way (neither as in the tag line nor plain) is
    missed: evidence is lost, never invented. Separate stretches are joined by a clause
    break, so no phrase is made across a gap.
    """
    wanted = [p for p in dict.fromkeys(probes) if p]  # a word of tatweel alone folds to nothing
    if len(wanted) <= MAX_FIND_PROBES:
        hits = _find_each(context, wanted)
    else:
        hits = _find_indexed(context, wanted)
    if not hits:
        return ""
    hits.sort()
    n = len(context)
    find = context.find
    rfind = context.rfind
    out: list[str] = []
    # A window's start never decreases as the hits go on, so touching windows are merged as
    # they come; a hit inside the current window needs no start of its own.
    cur_start = cur_end = -1
    # The next space after a point, remembered: hits come in order, so a long run without
    # spaces is read once, not once per hit in it.
    space_from = space_at = -1
    for pos, size in hits:
        # On to the end of the word that the window ends in.
        end = min(n, pos + size + _WINDOW)
        if pos <= cur_end and end <= cur_end:
            continue
        if not space_from <= end <= space_at:
            stop = find(" ", end)
            space_from, space_at = end, n if stop < 0 else stop
        if pos <= cur_end:
            cur_end = max(cur_end, space_at)
            continue
        # Back to the word's start (clitics are a few letters long): the last space
        # or line break before the probe, looked for with C-level searches.
        lo = max(0, pos - 8)
        start = max(rfind(" ", lo, pos), rfind("\n", lo, pos)) + 1
        if start == 0 and lo > 0:
            start = pos  # no break within reach: the probe starts a long word
        if start <= cur_end:
            cur_end = max(cur_end, space_at)
            continue
        if cur_end >= 0:
            out.append(context[cur_start:cur_end])
        cur_start, cur_end = start, space_at
    out.append(context[cur_start:cur_end])
    return ".\n".join(out)


def _known_spans(
    toks: Sequence[_Tok], keys: Sequence[str], gaz: Gazetteer, lex: TagLexicon | None
) -> tuple[list[bool], list[bool], list[bool], list[bool], list[bool]]:
    """Find gazetteer and lexicon phrases in the line (first word with or without clitics).

    Returns, per link, whether a gazetteer phrase and a lexicon phrase spans it, and, per token,
    whether a known tag ends there, starts there, and starts there as a lone nisba-shaped word.
    """
    n_tok = len(toks)
    gaz_span = [False] * n_tok
    lex_span = [False] * n_tok
    ends_known = [False] * n_tok
    starts_known = [False] * n_tok
    starts_nisba = [False] * n_tok
    entities = gaz.entities
    gaz_prefixes = gaz.prefixes
    gaz_entries = gaz.entries  # every category, so honorific chains span their links too
    lex_phrases: frozenset[str] = lex.phrases if lex is not None else frozenset()
    lex_prefixes: frozenset[str] = lex.prefixes if lex is not None else frozenset()
    for i, tok in enumerate(toks):
        for first in tok.variants:
            in_gaz = first in gaz_prefixes
            in_lex = first in lex_prefixes
            phrase = first
            j = i
            while in_gaz or in_lex:
                if in_gaz and phrase in gaz_entries:
                    if phrase in entities:
                        ends_known[j] = starts_known[i] = True
                        if i == j and tok.nisba_shape and not tok.person:
                            starts_nisba[i] = True
                    for k in range(i, j):
                        gaz_span[k] = True
                if in_lex and phrase in lex_phrases:
                    ends_known[j] = starts_known[i] = True
                    for k in range(i, j):
                        lex_span[k] = True
                j += 1
                if j >= n_tok or j - i >= MAX_PHRASE_TOKENS:
                    break
                phrase = f"{phrase} {keys[j]}"
                in_gaz = in_gaz and phrase in gaz_prefixes
                in_lex = in_lex and phrase in lex_prefixes
    return gaz_span, lex_span, ends_known, starts_known, starts_nisba


def _repeat_sets(keys: Sequence[str]) -> tuple[set[str], set[str]]:
    """Words that, in this line, end a run before different words / start one after them."""
    if len(set(keys)) == len(keys):
        return set(), set()
    first_right: dict[str, str | None] = {}
    first_left: dict[str, str | None] = {}
    ends_often: set[str] = set()
    starts_often: set[str] = set()
    for a_key, b_key in zip([None, *keys], [*keys, None], strict=True):
        if a_key is not None and first_right.setdefault(a_key, b_key) != b_key:
            ends_often.add(a_key)
        if b_key is not None and first_left.setdefault(b_key, a_key) != a_key:
            starts_often.add(b_key)
    return ends_often, starts_often


def _link_scores(
    toks: Sequence[_Tok], keys: Sequence[str], gaz: Gazetteer, lex: TagLexicon | None, ctx: _Context
) -> tuple[list[float], list[float], list[bool], list[float]]:
    """Per link: its score, its trigram correction (name shape), whether it is a hard break;
    per token: the penalty for a phrase of two words or more ending there."""
    n_links = len(toks) - 1
    gaz_span, lex_span, ends_known, starts_known, starts_nisba = _known_spans(toks, keys, gaz, lex)
    ends_often, starts_often = _repeat_sets(keys)
    has_ctx = bool(ctx.words)
    ctx_words = ctx.words
    ctx_grams = ctx.grams
    links = [0.0] * n_links
    trigram = [0.0] * n_links
    hard = [False] * n_links
    supported = [False] * n_links
    prev: _Tok | None = None
    in_chain = False  # ``a`` belongs to a run of glued words opened by a head noun
    for k in range(n_links):
        a = toks[k]
        b = toks[k + 1]
        raw = _raw_link(a, b)
        in_chain = a.head_def or (in_chain and k > 0 and links[k - 1] > 0 and not hard[k - 1])
        if in_chain and b.pp and b.key.startswith("لل") and raw != _HARD:
            # Names opened by a head go on with a لل- complement: معرض دبي للطيران.
            raw = max(raw, 1.5)
        spanned = gaz_span[k] or lex_span[k]
        if not spanned:
            if raw == _HARD:
                hard[k] = True
                prev = a
                continue
            # Two known tags side by side, unless the second is a nisba-shaped word after a
            # definite one (وزارة الخارجية السعودية: the place name read as an adjective) or
            # is joined by و- (وزارة الحج والعمرة).
            adjective = starts_nisba[k + 1] and a.definite
            if ends_known[k] and starts_known[k + 1] and not (adjective or b.conj):
                hard[k] = True
                prev = a
                continue
        score = 0.0 if raw == _HARD else raw
        if spanned:
            supported[k] = True
            score += (W_GAZETTEER if gaz_span[k] else 0.0) + (W_LEXICON if lex_span[k] else 0.0)
        else:
            # A known tag is complete: growing it, or growing into one, needs other evidence.
            score -= KNOWN_EDGE * (ends_known[k] + (starts_known[k + 1] and not b.conj))
        if has_ctx:
            b_key = b.key
            if any(f"{v} {b_key}" in ctx_grams for v in a.variants):
                score += W_CONTEXT
                supported[k] = True
            elif any(v in ctx_words for v in a.variants) and any(
                v in ctx_words for v in b.variants
            ):
                score -= CONTRADICTION
        if a.key in ends_often and b.key in starts_often:
            score -= DIVERSITY
        links[k] = score
        if prev is not None and raw != _HARD and not spanned:
            shaped = _name_trigram(toks[k - 2] if k > 1 else None, prev, a, b)
            if shaped is not None:
                trigram[k] = shaped - raw
        prev = a
    ends = [0.0] + [_end_penalty(toks[k], toks[k + 1], supported[k]) for k in range(n_links)]
    return links, trigram, hard, ends


def _segment_tokens(
    toks: Sequence[_Tok],
    gaz: Gazetteer,
    lex: TagLexicon | None,
    ctx: _Context,
) -> list[tuple[int, int]]:
    """Best split of ``toks`` into phrases, as (first, last + 1) token indices."""
    n_tok = len(toks)
    if n_tok <= 1:
        return [(0, n_tok)] if n_tok else []
    keys = [t.key for t in toks]
    links, trigram, hard, ends = _link_scores(toks, keys, gaz, lex, ctx)

    # Phrases of three words or more that the article has as a run get a bonus on top; they
    # are few, so they are extra candidates of the dynamic programme below.
    extra: dict[int, list[tuple[int, float]]] = {}
    if ctx.grams:
        grams = ctx.grams
        for i in range(n_tok - 2):
            for first in toks[i].variants:
                phrase = first
                for j in range(i + 2, min(n_tok, i + MAX_PHRASE_TOKENS) + 1):
                    if hard[j - 2]:
                        break
                    phrase = f"{phrase} {keys[j - 1]}"
                    if phrase not in grams:
                        break
                    if j - i >= 3:
                        extra.setdefault(j, []).append((i, W_CONTEXT_PHRASE * (j - i - 1)))

    # best[j]: best score of the first j tokens. A phrase [i, j) of two words or more scores
    #   sum(links[i:j-1]) + sum(trigram[i+1:j-1]) - MERGE_COST * (j-1-i) + edge penalties,
    # which splits into start[i] + end[j-1] with running sums: val[i] = best[i] + start part,
    # r = end part. The best start is then a sliding-window maximum of val over the last
    # MAX_PHRASE_TOKENS starts (a monotonic deque), emptied at every hard link, so the whole
    # programme is linear. On a tie the later start (the shorter phrase) wins.
    best = [0.0] * (n_tok + 1)
    back = [0] * (n_tok + 1)
    val = [0.0] * n_tok
    window: deque[int] = deque()
    run_links = run_tri = 0.0  # sums over links before ``last``
    prev_links = prev_tri = 0.0  # sums over links before ``last - 1``
    for j in range(1, n_tok + 1):
        last = j - 1
        tok = toks[last]
        score = best[last] + tok.uni
        arg = last
        if last:
            k = last - 1
            prev_links, prev_tri = run_links, run_tri
            run_links += links[k]
            run_tri += trigram[k]
            if hard[k]:
                window.clear()
            else:
                v = best[k] + MERGE_COST * k - prev_links - prev_tri - trigram[k]
                v += toks[k].start_pen
                val[k] = v
                while window and val[window[-1]] <= v:
                    window.pop()
                window.append(k)
                if window[0] < j - MAX_PHRASE_TOKENS:
                    window.popleft()
                r = run_links + run_tri - MERGE_COST * last + ends[last]
                top = window[0]
                cand = val[top] + r
                if cand > score:
                    score, arg = cand, top
                for i, bonus in extra.get(j, ()):
                    cand = val[i] + r + bonus
                    if cand > score or (cand == score and i > arg):
                        score, arg = cand, i
        best[j] = score
        back[j] = arg
    out: list[tuple[int, int]] = []
    j = n_tok
    while j > 0:
        i = back[j]
        out.append((i, j))
        j = i
    out.reverse()
    return out


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


def segment_tags(
    line: str,
    *,
    context: str = "",
    lexicon: TagLexicon | None = None,
    gazetteer: Gazetteer | None = None,
) -> list[tuple[int, int]]:
    """Split a tag line into tags; return the ``(start, end)`` span of each in ``line``.

    Spans are in order, never overlap, and are trimmed of white space and punctuation;
    repeated tags are all returned (the caller keeps the first of each).

    Args:
        line: the text after the tag marker (``كلمات دلالية:``).
        context: the article's title and body; phrases found there as a run of words (compared
            folded) are glued more readily, words found there apart are kept apart.
        lexicon: known tag phrases, the strongest evidence (see :meth:`TagLexicon.learn`).
        gazetteer: the entity lists; :data:`arnews.gazetteer.DEFAULT_GAZETTEER` if omitted.

    Example:
        >>> line = "الجيش الإسرائيلي الشيخ تميم بن حمد قطاع غزة"
        >>> [line[s:e] for s, e in segment_tags(line)]
        ['الجيش الإسرائيلي', 'الشيخ تميم بن حمد', 'قطاع غزة']
        >>> line = "غزة، وقف إطلاق النار، الأمم المتحدة"
        >>> [line[s:e] for s, e in segment_tags(line)]
        ['غزة', 'وقف إطلاق النار', 'الأمم المتحدة']
    """
    return segment_tag_lines([line], context=context, lexicon=lexicon, gazetteer=gazetteer)[0]


def segment_tag_lines(
    lines: Sequence[str],
    *,
    context: str = "",
    lexicon: TagLexicon | None = None,
    gazetteer: Gazetteer | None = None,
) -> list[list[tuple[int, int]]]:
    """Split several tag lines of one article, as :func:`segment_tags` splits each.

    The article (``context``) is read once for all the lines, for the words of all of them,
    so a page of thousands of tag lines costs time linear in the page, not lines times article.
    A line's tags are looked up only among its own words, so each line splits as it would
    alone, save that evidence found around another line's words counts too.

    Example:
        >>> lines = ["البيت الأبيض جو بايدن", "غزة حماس"]
        >>> [[line[s:e] for s, e in spans] for line, spans in zip(lines, segment_tag_lines(lines))]
        [['البيت الأبيض', 'جو بايدن'], ['غزة', 'حماس']]
    """
    gaz = gazetteer if gazetteer is not None else DEFAULT_GAZETTEER
    analyses: dict[str, _Tok] = {}
    known = lexicon.phrases if lexicon is not None else frozenset()

    def analyse(text: str) -> _Tok:
        tok = analyses.get(text)
        if tok is None:
            tok = analyses[text] = _Tok(text, gaz, known)
        return tok

    # Per line: its groups of tokens to weigh, or its spans when no evidence is needed.
    plans: list[tuple[list[tuple[list[tuple[int, int]], bool]], list[tuple[int, int]]]] = []
    raw: set[str] = set()
    for line in lines:
        items = [tok for tok in (_tokens(line, s, e) for s, e in _items(line)) if tok]
        if not items:
            plans.append(([], []))
            continue
        if len(items) >= 2:
            groups: list[tuple[list[tuple[int, int]], bool]] = [
                (item, len(item) > MAX_SEPARATED_WORDS) for item in items
            ]
        else:
            groups = [(items[0], len(items[0]) > 1)]
        if sum(map(len, items)) > MAX_SEGMENT_TOKENS:
            # No page has a tag line this long: separated items stay whole, other words are
            # each a tag, at the cost of a scan.
            fixed = [
                span
                for spans, split in groups
                for span in (spans if split else [(spans[0][0], spans[-1][1])])
            ]
            plans.append(([], fixed))
            continue
        plans.append((groups, []))
        if context:
            raw.update(line[s:e] for spans, split in groups if split for s, e in spans)
    ctx = _Context(frozenset(), frozenset())
    if context and raw:
        needed = frozenset(v for word in raw for v in analyse(word).variants)
        probes = raw | {analyse(word).key for word in raw}
        ctx = _Context.build(context, needed, probes)
    results: list[list[tuple[int, int]]] = []
    done: dict[str, list[tuple[int, int]]] = {}  # pages repeat their tag lines: split each once
    for line, (plan, fixed) in zip(lines, plans, strict=True):
        if not plan:
            results.append(fixed)
            continue
        if line in done:
            results.append(list(done[line]))
            continue
        out: list[tuple[int, int]] = []
        for spans, split in plan:
            if not split:
                out.append((spans[0][0], spans[-1][1]))
                continue
            toks = [analyse(line[s:e]) for s, e in spans]
            for i, j in _segment_tokens(toks, gaz, lexicon, ctx):
                out.append((spans[i][0], spans[j - 1][1]))
        done[line] = out
        results.append(list(out))
    return results


# --------------------------------------------------------------------------- tag lexicon

_LEXICON_FORMAT = "arnews.tag-lexicon"
# Learning from unseparated lines: an n-gram is a phrase when it is seen in at least
# _MIN_LINES lines, with at least _MIN_NEIGHBOURS different words (or line edges) on each side,
# and at least one of its words occurs inside it in _MIN_COHESION of the lines that have it
# (two tags that merely often stand side by side are each seen apart more often than that).
_LEARN_SIZES = (2, 3, 4)
_MIN_LINES = 2
_MIN_NEIGHBOURS = 2
_MIN_COHESION = 2 / 3


def _fold_phrases(values: Iterable[str]) -> frozenset[str]:
    if isinstance(values, str):
        raise TypeError("phrases must be an iterable of strings, not a single string")
    return frozenset(k for k in (fold_key(v) for v in values) if k)


def _fold_counts(
    values: Iterable[tuple[str, int]] | Mapping[str, int],
) -> tuple[tuple[str, int], ...]:
    items = values.items() if isinstance(values, Mapping) else values
    merged: Counter[str] = Counter()
    for phrase, count in items:
        key = fold_key(phrase)
        if key:
            merged[key] += int(count)
    return tuple(sorted(merged.items()))


def _lexicon_prefixes(lex: TagLexicon) -> frozenset[str]:
    out: set[str] = set()
    for phrase in lex.phrases:
        words = phrase.split(" ")
        for n in range(1, len(words) + 1):
            out.add(" ".join(words[:n]))
    return frozenset(out)


def find_tag_lines(text: str) -> list[str]:
    """Return the folded tag lines of a page: the text after a tag marker at a line start.

    Markers (compared folded): ``كلمات دلالية``, ``الكلمات الدلالية``, ``كلمات مفتاحية``,
    ``الوسوم``/``وسوم`` and ``طباعة شارك``; when the marker stands alone, the next non-blank
    line holds the tags.

    Example:
        >>> find_tag_lines("نص الخبر.\\nكلمات دلالية: غزة حماس\\nإقرأ أيضاً:")
        ['غزه حماس']
    """
    lines = text.splitlines()
    out: list[str] = []
    for idx, raw in enumerate(lines):
        folded = fold(raw)
        m = _MARKER.match(folded)
        if m is None:
            continue
        rest = folded[m.end() :].strip()
        if not rest:
            for nxt in lines[idx + 1 : idx + 4]:
                if nxt.strip():
                    rest = fold(nxt)
                    break
        if rest:
            out.append(rest)
    return out


@attrs.frozen(slots=True)
class TagLexicon:
    """Known tag phrases, stored folded, with how many tag lines showed each.

    Build one by hand (:meth:`from_phrases`), learn it from a corpus (:meth:`learn`), or
    :meth:`load` it from a file; pass it to :func:`segment_tags` or
    ``arnews.Parser(tag_lexicon=...)``. Immutable and picklable.

    Example:
        >>> lex = TagLexicon.from_phrases(["هدنة إنسانية", "جو بايدن"])
        >>> "هدنة انسانيه" in lex, len(lex)
        (True, 2)
        >>> line = "جو بايدن هدنة إنسانية"
        >>> [line[s:e] for s, e in segment_tags(line, lexicon=lex)]
        ['جو بايدن', 'هدنة إنسانية']
    """

    phrases: frozenset[str] = attrs.field(default=frozenset(), converter=_fold_phrases)
    counts: tuple[tuple[str, int], ...] = attrs.field(default=(), converter=_fold_counts)
    prefixes: frozenset[str] = attrs.field(
        init=False,
        default=attrs.Factory(_lexicon_prefixes, takes_self=True),
        eq=False,
        repr=False,
    )

    @classmethod
    def from_phrases(cls, phrases: Iterable[str]) -> TagLexicon:
        """Build a lexicon from phrases as written (folded here), each counted once.

        Example:
            >>> TagLexicon.from_phrases(["الدوري السعودي"]).phrases
            frozenset({'الدوري السعودي'})
        """
        keys = _fold_phrases(phrases)
        return cls(keys, tuple((k, 1) for k in keys))

    @classmethod
    def from_counts(cls, counts: Mapping[str, int]) -> TagLexicon:
        """Build a lexicon from a mapping of phrase to count.

        Example:
            >>> TagLexicon.from_counts({"كأس العالم": 3}).count("كأس العالم")
            3
        """
        folded = _fold_counts(counts)
        return cls((k for k, _ in folded), folded)

    @classmethod
    def learn(cls, texts: Iterable[str]) -> TagLexicon:
        """Learn tag phrases from tag lines or whole pages.

        A text with a tag marker at a line start (see :func:`find_tag_lines`) is a page and
        contributes its tag lines; a one-line text without a marker is a tag line itself; a
        longer text without a marker is a page without tags and is skipped (pass a file of tag
        lines as its lines). Two signals:

        * a line with separators (``،`` ``,`` ``|`` …) names its tags: every item of up to
          :data:`MAX_SEPARATED_WORDS` words is learned as it stands, single words included;
        * in lines without separators, an n-gram of 2 to 4 words is learned when it occurs in
          at least 2 lines, has at least 2 different left and 2 different right neighbours
          (the line edge counts as a neighbour), and at least one of its words occurs inside
          it in two thirds of the lines holding that word or more, and no two neighbouring words
          of it each meet two other words or more on that side (so two tags that merely often
          stand side by side, each free to stand beside others, are not glued).

        Example:
            >>> lex = TagLexicon.learn([
            ...     "كلمات دلالية: غزة البيت الأبيض حماس",
            ...     "كلمات دلالية: إيران البيت الأبيض النفط",
            ...     "مصر، الأمم المتحدة، السودان",
            ... ])
            >>> "البيت الأبيض" in lex, "الأمم المتحدة" in lex, "غزة البيت" in lex
            (True, True, False)
        """
        explicit: Counter[str] = Counter()
        plain_lines: list[list[str]] = []
        for text in texts:
            lines = find_tag_lines(text)
            if not lines:
                # Without a marker, one line is a tag line; several lines are a page without
                # tags (its headlines and sentences would teach noise).
                body = [ln for ln in text.splitlines() if ln.strip()]
                lines = body if len(body) == 1 else []
            for line in lines:
                items = [t for t in (_tokens(line, s, e) for s, e in _items(line)) if t]
                if len(items) >= 2:
                    seen: set[str] = set()
                    for spans in items:
                        if len(spans) <= MAX_SEPARATED_WORDS:
                            key = " ".join(fold_key(line[s:e]) for s, e in spans)
                            if key and key not in seen:
                                seen.add(key)
                                explicit[key] += 1
                elif items:
                    plain_lines.append([fold_key(line[s:e]) for s, e in items[0]])
        learned = Counter(explicit)
        learned.update(_recurrent_phrases(plain_lines))
        return cls.from_counts(learned)

    def count(self, phrase: str) -> int:
        """How many tag lines showed ``phrase`` (0 if unknown; hand-written entries count 1).

        Example:
            >>> TagLexicon.from_phrases(["غزة"]).count("غزه")
            1
        """
        key = fold_key(phrase)
        for k, c in self.counts:
            if k == key:
                return c
        return 1 if key in self.phrases else 0

    def merge(self, other: TagLexicon) -> TagLexicon:
        """Return the union of two lexicons, counts added.

        Example:
            >>> a = TagLexicon.from_phrases(["جو بايدن"])
            >>> b = TagLexicon.from_phrases(["جو بايدن", "حماس"])
            >>> len(a.merge(b)), a.merge(b).count("جو بايدن")
            (2, 2)
        """
        counts: Counter[str] = Counter()
        for lex in (self, other):
            known = dict(lex.counts)
            for phrase in lex.phrases:
                counts[phrase] += known.get(phrase, 1)
        return TagLexicon.from_counts(counts)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the lexicon as UTF-8 JSON.

        Format: ``{"format": "arnews.tag-lexicon", "version": 1, "phrases": {phrase: count}}``.
        :meth:`load` also reads a plain text file with one phrase per line (optionally
        ``phrase<TAB>count``; ``#`` comments), which is easier to write by hand.

        Example:
            >>> import tempfile, pathlib
            >>> p = pathlib.Path(tempfile.mkdtemp()) / "tags.json"
            >>> TagLexicon.from_phrases(["جو بايدن"]).save(p)
            >>> TagLexicon.load(p) == TagLexicon.from_phrases(["جو بايدن"])
            True
        """
        known = dict(self.counts)
        data = {
            "format": _LEXICON_FORMAT,
            "version": 1,
            "phrases": {p: known.get(p, 1) for p in sorted(self.phrases)},
        }
        Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> TagLexicon:
        """Read a lexicon written by :meth:`save`, or a plain one-phrase-a-line text file.

        Raises:
            ValueError: the file is not UTF-8, or is JSON of the wrong shape, or a count is
                not a non-negative integer.

        Example:
            >>> import tempfile, pathlib
            >>> p = pathlib.Path(tempfile.mkdtemp()) / "tags.txt"
            >>> _ = p.write_text("# my tags\\nكأس العالم\\t4\\nالدوري المصري\\n", "utf-8")
            >>> TagLexicon.load(p).count("كأس العالم")
            4
        """
        try:
            text = Path(path).read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValueError(f"{path}: not valid UTF-8 at byte {exc.start}") from exc
        if text.lstrip().startswith("{"):
            return cls._from_json(text, str(path))
        counts: Counter[str] = Counter()
        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            phrase, _, count = line.partition("\t")
            try:
                value = int(count) if count.strip() else 1
            except ValueError:
                raise ValueError(f"{path}:{number}: count {count!r} is not an integer") from None
            if value < 0:
                raise ValueError(f"{path}:{number}: negative count")
            counts[phrase] += value
        return cls.from_counts(counts)

    @classmethod
    def _from_json(cls, text: str, where: str) -> TagLexicon:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{where}: invalid JSON ({exc.msg}, line {exc.lineno})") from exc
        except RecursionError:
            raise ValueError(f"{where}: arrays or objects nested too deep") from None
        except ValueError as exc:  # a number too long to read, say
            raise ValueError(f"{where}: invalid JSON ({exc})") from exc
        if not isinstance(data, dict) or data.get("format") != _LEXICON_FORMAT:
            raise ValueError(f"{where}: not an arnews tag lexicon (format {_LEXICON_FORMAT!r})")
        phrases = data.get("phrases")
        if not isinstance(phrases, dict):
            raise ValueError(f"{where}: 'phrases' must be an object of phrase: count")
        for phrase, count in phrases.items():
            if not isinstance(count, int) or isinstance(count, bool) or count < 0:
                raise ValueError(f"{where}: count of {phrase!r} must be a non-negative integer")
        return cls.from_counts(phrases)

    def __contains__(self, phrase: object) -> bool:
        """Whether ``phrase`` (folded first) is known.

        Example:
            >>> "جو بايدن" in TagLexicon.from_phrases(["جو بايدن"])
            True
        """
        return isinstance(phrase, str) and fold_key(phrase) in self.phrases

    def __len__(self) -> int:
        """Number of known phrases.

        Example:
            >>> len(TagLexicon())
            0
        """
        return len(self.phrases)

    def __iter__(self) -> Iterator[str]:
        """The known phrases (folded), sorted.

        Example:
            >>> list(TagLexicon.from_phrases(["حماس", "غزة"]))
            ['حماس', 'غزه']
        """
        return iter(sorted(self.phrases))


def _recurrent_phrases(lines: Sequence[Sequence[str]]) -> Counter[str]:
    """N-grams that recur as units across unseparated tag lines (see :meth:`TagLexicon.learn`)."""
    word_lines: Counter[str] = Counter()
    gram_lines: Counter[tuple[str, ...]] = Counter()
    left: dict[tuple[str, ...], set[str]] = {}
    right: dict[tuple[str, ...], set[str]] = {}
    follows: dict[str, set[str]] = {}
    precedes: dict[str, set[str]] = {}
    for words in lines:
        word_lines.update(set(words))
        edged = ["\x02", *words, "\x03"]
        for a, b in itertools.pairwise(edged):
            follows.setdefault(a, set()).add(b)
            precedes.setdefault(b, set()).add(a)
        here: set[tuple[str, ...]] = set()
        for size in _LEARN_SIZES:
            for pos in range(len(words) - size + 1):
                gram = tuple(words[pos : pos + size])
                if len(set(gram)) < size or _FUNCTION_WORDS.intersection((gram[0], gram[-1])):
                    continue
                here.add(gram)
                left.setdefault(gram, set()).add(edged[pos])
                right.setdefault(gram, set()).add(edged[pos + size + 1])
        gram_lines.update(here)

    def free_join(a: str, b: str) -> bool:
        # Both words also meet at least two other words on this side: two free tags that met.
        return (
            len(follows[a] - {b}) >= _MIN_NEIGHBOURS and len(precedes[b] - {a}) >= _MIN_NEIGHBOURS
        )

    out: Counter[str] = Counter()
    for gram, seen in gram_lines.items():
        if seen < _MIN_LINES:
            continue
        if len(left[gram]) < _MIN_NEIGHBOURS or len(right[gram]) < _MIN_NEIGHBOURS:
            continue
        if max(seen / word_lines[w] for w in gram) < _MIN_COHESION:
            continue
        if any(free_join(a, b) for a, b in itertools.pairwise(gram)):
            continue
        out[" ".join(gram)] = seen
    return out
