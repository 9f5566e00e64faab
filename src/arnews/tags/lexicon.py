"""Known tag phrases (:class:`TagLexicon`) and finding a page's tag lines to learn from.

The one attrs class of the package lives here, so that the other modules are plain typed
Python (what mypyc compiles).

Example:
    >>> "جو بايدن" in TagLexicon.from_phrases(["جو بايدن"])
    True
"""

from __future__ import annotations

import itertools
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

import attrs

from arnews._lazy import lazy
from arnews.gazetteer import fold_key
from arnews.lexicon.loading import write_utf8
from arnews.normalize import fold

from .tokens import _FUNCTION_WORDS, _items, _tokens
from .weights import MAX_SEPARATED_WORDS

if TYPE_CHECKING:
    import regex

__all__ = ["TagLexicon", "find_tag_lines"]

# Tag-line markers, matched on the folded line (so hamza, teh marbuta and diacritics vary).
_MARKER: regex.Pattern[str] = lazy(
    "regex",
    r"^[^\S\n]*(?:(?:ال)?كلمات[^\S\n]+(?:ال)?(?:دلاليه|مفتاحيه)|(?:ال)?وسوم|طباعه[^\S\n]+شارك)"
    r"[^\S\n]*[:：]?[^\S\n]*",
)

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
        >>> from arnews.tags import segment_tags
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
        write_utf8(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")

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
            with open(path, "rb") as f:
                data = f.read()
            text = data.decode("utf-8-sig")
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
