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

import regex

from arnews.gazetteer import Gazetteer, fold_key
from arnews.normalize import fold

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

_LATIN = regex.compile(r"[A-Za-z]")

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
