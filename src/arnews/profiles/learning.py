"""Learning a site profile: what each page holds, and what recurs in furniture positions.

See :mod:`arnews.profiles` for the rules; :class:`ProfileLearner` reads one site's pages one at
a time, :func:`summarise_page` keeps of each page only what learning needs (so that worker
processes can summarise pages and the learner stays small).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

import attrs

from ..lexicon import MAX_PHRASE_CHARS
from ..lines import scan_columns
from ..normalize import fold
from ..text import ends_sentence, word_count
from .site import SiteProfile

if TYPE_CHECKING:
    from ..gazetteer import Gazetteer
    from ..parser import Parser

__all__ = [
    "FOOTER",
    "OTHER",
    "TEXT",
    "LearnSettings",
    "PageSummary",
    "ProfileLearner",
    "summarise_page",
]

# The part kinds the default parser keeps as article text: a line holding one of them is
# what a profile may turn into furniture (the title too: a menu line is often taken for it).
_TEXT_KINDS = frozenset({"paragraph", "title", "related_headline"})
# The footer of an article: what follows it is outside the article.
_FOOTER_KINDS = frozenset({"source", "keywords", "share"})
# Per-line tags of a page summary.
TEXT, FOOTER, OTHER = 0, 1, 2
# A headline (or a heading) is short and ends no sentence.
_HEADLINE_WORDS = 20
_HEADING_WORDS = 6

# A line that may open with a marker the lexicon lacks: one to three words, a colon, a value.
_FIELD = re.compile(r"([^\W\d][^:：\d]{0,30}?)\s*[:：]+\s*(\S.*)")
_MARKER_WORDS = 3
# What separates tags on a tag line.
_TAG_SEPARATORS = re.compile(r"\s*[،,|؛;/]\s*|\s+[-–]\s+")
# A source value is a name: a few words.
_SOURCE_WORDS = 6


@attrs.frozen(slots=True)
class LearnSettings:
    """How much evidence :meth:`SiteProfile.learn` asks for before it learns a line.

    The defaults learn nothing from fewer than 10 pages, and a line only when it stands on
    at least 5 pages and a fifth of the site's pages, outside the article on 90 % of them.

    Example:
        >>> LearnSettings().min_pages
        10
    """

    #: Fewer pages than this teach nothing: the profile stays empty.
    min_pages: int = 10
    #: A line must stand on at least this share of the site's pages …
    min_share: float = 0.2
    #: … and on at least this many pages.
    min_line_pages: int = 5
    #: The share of a line's occurrences that must stand outside the article.
    furniture_share: float = 0.9
    #: The share of a heading's occurrences that a list of headlines must follow.
    heading_share: float = 0.7
    #: A line on this share of the pages is the page's frame, never a headline-list item.
    stable_share: float = 0.8
    #: Pages past this many are not read (the learner's memory stays bounded).
    max_pages: int = 5000


class PageSummary(NamedTuple):
    """What learning keeps of one page: per line, its folded key, its tag and its shape.

    ``keys[i]`` is ``None`` for a line too long to be furniture; ``tags`` holds
    :data:`TEXT`, :data:`FOOTER` or :data:`OTHER` per line (what the parser made of it).
    """

    keys: tuple[str | None, ...]
    raws: tuple[str | None, ...]
    tags: bytes
    headline: bytes
    short: bytes
    source: str | None
    agency: str | None
    tag_lines: tuple[str, ...]
    #: Text lines shaped like an unknown marker: ``(line, words before the colon, value)``.
    fields: tuple[tuple[int, str, str], ...] = ()
    #: Per line: whether it ends in a full stop (a sentence, not a headline or a label).
    sentence: bytes = b""


def summarise_page(text: str, parser: Parser | None = None) -> PageSummary:
    """Parse ``text`` and keep what :class:`ProfileLearner` needs of it (picklable, small).

    Example:
        >>> s = summarise_page("الرئيسية\\nقال الوزير إن الخطة جاهزة.")
        >>> s.keys[0], s.tags
        ('الرئيسيه', b'\\x00\\x00')
    """
    from ..parser import Parser

    article = (parser or Parser()).parse(text)
    starts, _, texts = scan_columns(text)
    n = len(starts)
    tags = bytearray([OTHER]) * n
    text_lines = [False] * n
    for kind, start, name in zip(
        article.parts.kinds, article.parts.starts, article.parts.names, strict=True
    ):
        i = bisect_right(starts, start) - 1
        if i < 0:
            continue
        if kind in _TEXT_KINDS:
            text_lines[i] = True
        elif kind in _FOOTER_KINDS or (kind == "marker" and name in _FOOTER_KINDS):
            tags[i] = FOOTER
    for i in range(n):
        if text_lines[i] and tags[i] != FOOTER:
            tags[i] = TEXT
    raws = tuple(t if len(t) <= MAX_PHRASE_CHARS else None for t in texts)
    keys = tuple(None if t is None else fold(t) for t in raws)
    words = [word_count(t, limit=_HEADLINE_WORDS + 1) for t in texts]
    # A headline may ask (`؟`) or exclaim, but a line that ends in a full stop is a sentence.
    sentence = bytes(t.endswith(".") and ends_sentence(t) for t in texts)
    headline = bytes(
        w <= _HEADLINE_WORDS and not stop for w, stop in zip(words, sentence, strict=True)
    )
    short = bytes(w <= _HEADING_WORDS for w in words)
    tag_lines = tuple(
        texts[bisect_right(starts, s) - 1]
        for k, s, nm in zip(
            article.parts.kinds, article.parts.starts, article.parts.names, strict=True
        )
        if k == "marker" and nm == "keywords"
    )
    agency = article.dateline.agency if article.dateline is not None else None
    fields = tuple(
        (i, m.group(1), m.group(2))
        for i in range(n)
        if tags[i] == TEXT and (m := _FIELD.match(texts[i])) is not None
    )
    return PageSummary(
        keys,
        raws,
        bytes(tags),
        headline,
        short,
        article.source,
        agency,
        tag_lines,
        fields,
        sentence,
    )


class ProfileLearner:
    """Learns one site's profile from its pages, one page at a time.

    :meth:`add` parses a page; :meth:`add_summary` takes a page already summarised (by
    :func:`summarise_page`, say in a worker process). Only the first
    :attr:`LearnSettings.max_pages` pages are kept, as summaries, so memory stays bounded.

    Example:
        >>> learner = ProfileLearner("example")
        >>> learner.add("خبر قصير.")
        >>> learner.result().pages, learner.result().furniture
        (1, ())
    """

    def __init__(
        self,
        site: str = "",
        settings: LearnSettings | None = None,
        parser: Parser | None = None,
    ) -> None:
        self.site = site
        self.settings = settings or LearnSettings()
        self.parser = parser
        self.summaries: list[PageSummary] = []
        self.seen = 0
        # One string per distinct key: furniture repeats on every page.
        self._intern: dict[str, str] = {}

    def add(self, text: str) -> None:
        """Read one page of the site."""
        if len(self.summaries) < self.settings.max_pages:
            self.add_summary(summarise_page(text, self.parser))
        else:
            self.seen += 1

    def add_summary(self, summary: PageSummary) -> None:
        """Take one page already summarised by :func:`summarise_page`."""
        self.seen += 1
        if len(self.summaries) >= self.settings.max_pages:
            return
        intern = self._intern.setdefault
        keys = tuple(None if k is None else intern(k, k) for k in summary.keys)
        raws = tuple(None if r is None else intern(r, r) for r in summary.raws)
        self.summaries.append(summary._replace(keys=keys, raws=raws))

    def result(self) -> SiteProfile:
        """The profile the pages read so far teach."""
        known = self.parser.gazetteer if self.parser is not None else None
        return _learn(self.site, self.summaries, self.seen, self.settings, known)


def _learn(
    site: str,
    pages: Sequence[PageSummary],
    seen: int,
    settings: LearnSettings,
    gazetteer: Gazetteer | None = None,
) -> SiteProfile:
    n = len(pages)
    if n < settings.min_pages:
        return SiteProfile(site=site, pages=seen)
    need = max(settings.min_line_pages, math.ceil(settings.min_share * n))
    extras = _extras(site, pages, seen, need, settings, gazetteer)
    df: Counter[str] = Counter()
    for page in pages:
        df.update({k for k in page.keys if k is not None})
    # A line that opens with one of the site's markers is that marker's line, not furniture.
    marked = tuple(fold(p) for ps in extras.markers.values() for p in ps)
    recurring = {k for k, c in df.items() if c >= need and not k.startswith(marked or "\0")}
    if not recurring:
        return extras

    # Headings: a short recurring line that, on most of its pages, a list of at least two
    # headlines follows, not always the same ones (a line always followed by the same lines
    # is part of a menu), and not all of them lines the site repeats.
    common = {k for k, c in df.items() if c >= settings.stable_share * n}
    heading_seen: Counter[str] = Counter()
    heading_hit: Counter[str] = Counter()
    heading_next: dict[str, set[str | None]] = {}
    for page in pages:
        keys, tags, headline, short = page.keys, page.tags, page.headline, page.short
        for i, k in enumerate(keys):
            if k is None or k not in recurring or tags[i] != TEXT or not short[i]:
                continue
            heading_seen[k] += 1
            nxt = [j for j in (i + 1, i + 2) if j < len(keys)]
            if (
                len(nxt) == 2
                and all(headline[j] and tags[j] == TEXT for j in nxt)
                and any(keys[j] not in recurring for j in nxt)
            ):
                heading_hit[k] += 1
                heading_next.setdefault(k, set()).add(keys[i + 1])
    headings = {
        k
        for k, c in heading_hit.items()
        if c >= need
        and c >= settings.heading_share * heading_seen[k]
        and len(heading_next[k]) >= c / 2
    }

    outside: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    for page in pages:
        _vote(page, recurring, common, headings, outside, inside)
    furniture = {
        k
        for k, c in outside.items()
        if k not in headings and c >= need and c >= settings.furniture_share * (c + inside[k])
    }
    return attrs.evolve(
        extras,
        furniture=tuple(_spellings(pages, furniture)),
        headings=tuple(_spellings(pages, headings)),
    )


def _vote(
    page: PageSummary,
    recurring: set[str],
    common: set[str],
    headings: set[str],
    outside: Counter[str],
    inside: Counter[str],
) -> None:
    """Count, for each recurring text line of one page, whether it stands outside the article."""
    keys, tags, headline = page.keys, page.tags, page.headline
    n = len(keys)
    # The lines of the site's headline lists: a learned heading and the headlines after it.
    listed = [False] * n
    i = 0
    while i < n:
        if keys[i] in headings:
            listed[i] = True
            j = i + 1
            while j < n and headline[j] and tags[j] == TEXT and keys[j] not in common:
                listed[j] = True
                j += 1
            i = j
        else:
            i += 1
    # The article's own lines: running text that this page alone holds.
    own = [
        i
        for i in range(n)
        if tags[i] == TEXT and not listed[i] and (keys[i] is None or keys[i] not in recurring)
    ]
    if not own:
        return  # nothing anchors the article: no evidence either way
    first, last = own[0], own[-1]
    footer = next((j for j in range(last + 1, n) if tags[j] == FOOTER), None)
    # Sentences that follow the article's last line at once are its closing lines (a line
    # the site ends every article with), even on a page without a footer.
    closing = last + 1
    while closing < n and tags[closing] == TEXT and page.sentence[closing : closing + 1] == b"\x01":
        closing += 1
    for i in range(n):
        k = keys[i]
        if k is None or k not in recurring or tags[i] != TEXT or listed[i]:
            continue
        near_list = (i > 0 and listed[i - 1]) or (i + 1 < n and listed[i + 1])
        if i < first or near_list:
            outside[k] += 1
        elif i > last:
            # Between the last paragraph and the article's own footer is still the article
            # (a closing line the site writes in every article); after the footer, or on a
            # page without one, it is the page's.
            if i < closing or (footer is not None and i < footer):
                inside[k] += 1
            else:
                outside[k] += 1
        else:
            inside[k] += 1


def _spellings(pages: Sequence[PageSummary], keys: set[str]) -> list[str]:
    """The most frequent spelling, as written, of each key, in the order they stand on a
    page (by their mean place on it: the menu first, the copyright line last)."""
    counts: dict[str, Counter[str]] = {k: Counter() for k in keys}
    places: dict[str, float] = dict.fromkeys(keys, 0.0)
    for page in pages:
        n = len(page.keys)
        for i, (k, raw) in enumerate(zip(page.keys, page.raws, strict=True)):
            if k is not None and raw is not None and k in counts:
                counts[k][raw] += 1
                places[k] += i / n
    order = sorted(keys, key=lambda k: (places[k] / counts[k].total(), k))
    return [counts[k].most_common(1)[0][0] for k in order]


def _extras(
    site: str,
    pages: Sequence[PageSummary],
    seen: int,
    need: int,
    settings: LearnSettings,
    gazetteer: Gazetteer | None,
) -> SiteProfile:
    """Marker spellings, tag phrases, sources and dateline agencies the site's pages repeat."""
    from ..gazetteer import DEFAULT_GAZETTEER
    from ..tags import TagLexicon

    markers, values = _markers(pages, need, settings)
    sources = Counter(p.source for p in pages if p.source)
    sources.update(values.get("source", ()))
    known = (gazetteer or DEFAULT_GAZETTEER).agencies
    # Agencies the gazetteer lacks: one it holds is found on every page already.
    agencies = Counter(
        a for a in (p.agency for p in pages) if a and a not in known and fold(a) not in known
    )
    tag_lines = [line for p in pages for line in p.tag_lines]
    tag_lines += values.get("keywords", [])
    tags: tuple[str, ...] = ()
    if tag_lines:
        # A tag phrase seen once says nothing about the site.
        lexicon = TagLexicon.learn(tag_lines)
        # The lexicon keeps phrases folded; the profile shows them as the pages spell them
        # where a separated item gives the spelling.
        spelled: dict[str, Counter[str]] = {}
        for line in tag_lines:
            for item in _TAG_SEPARATORS.split(line.rpartition(":")[2]):
                item = item.strip(" .")
                if item:
                    spelled.setdefault(fold(item), Counter())[item] += 1
        tags = tuple(
            sorted(
                spelled[p].most_common(1)[0][0] if p in spelled else p
                for p, c in lexicon.counts
                if c >= 2
            )
        )
    return SiteProfile(
        site=site,
        pages=seen,
        markers=markers,
        tags=tags,
        sources=tuple(sorted(s for s, c in sources.items() if c >= need)),
        agencies=tuple(sorted(a for a, c in agencies.items() if c >= need)),
    )


def _markers(
    pages: Sequence[PageSummary], need: int, settings: LearnSettings
) -> tuple[dict[str, tuple[str, ...]], dict[str, list[str]]]:
    """The site's own spellings of source and tag markers, and the values they carry.

    A phrase before a colon is a marker when many pages open a line with it, in the second
    half of the page (where an article's footer stands) on nearly all of them, and what
    follows it fits one kind on nearly all: a list of several short items (tags), or a
    short name from a small set (a source).
    """
    seen: Counter[str] = Counter()
    late: Counter[str] = Counter()
    listy: Counter[str] = Counter()
    namey: Counter[str] = Counter()
    names: dict[str, set[str]] = {}
    spellings: dict[str, Counter[str]] = {}
    for page in pages:
        n = len(page.keys)
        for i, phrase, value in page.fields:
            if word_count(phrase, limit=_MARKER_WORDS + 1) > _MARKER_WORDS:
                continue
            key = fold(phrase)
            seen[key] += 1
            late[key] += 2 * i >= n
            spellings.setdefault(key, Counter())[phrase] += 1
            items = [v for v in _TAG_SEPARATORS.split(value.rstrip(" .")) if v]
            if len(items) >= 2 and all(
                word_count(v, limit=_SOURCE_WORDS) <= _SOURCE_WORDS // 2 + 1 for v in items
            ):
                listy[key] += 1
            elif len(items) == 1 and word_count(value, limit=_SOURCE_WORDS + 1) <= _SOURCE_WORDS:
                namey[key] += 1
                names.setdefault(key, set()).add(fold(value))
    share = settings.furniture_share
    found: dict[str, list[str]] = {}
    for key, c in seen.items():
        if c < need or late[key] < share * c:
            continue
        if listy[key] >= share * c:
            found.setdefault("keywords", []).append(key)
        elif namey[key] >= share * c and 2 <= len(names[key]) <= c / 2:
            # Several values, from a small set: one value always is a furniture line.
            found.setdefault("source", []).append(key)
    kinds = {key: kind for kind, keys in found.items() for key in keys}
    values: dict[str, list[str]] = {}
    if kinds:
        for page in pages:
            for _, phrase, value in page.fields:
                kind = kinds.get(fold(phrase))
                if kind is not None:
                    values.setdefault(kind, []).append(value.strip())
    markers = {
        kind: tuple(sorted(spellings[k].most_common(1)[0][0] for k in keys))
        for kind, keys in sorted(found.items())
    }
    return markers, values
