"""Site profiles: what one site prints around its articles, learned from its own pages.

Every site repeats its own furniture (navigation, ticker, promos, the heading of its "most
read" block, its copyright line) on page after page, around different articles. No shipped
lexicon lists it for every site, but a crawl holds many pages of each: :meth:`SiteProfile.learn`
reads the unlabeled pages of one site and keeps what recurs *in furniture positions*, and
``Parser(profile=...)`` applies it by extending the parser's lexicon::

    >>> from arnews import Parser, SiteProfile
    >>> profile = SiteProfile(site="example", pages=40, furniture=("حمّل تطبيق المثال",))
    >>> Parser(profile=profile).parse("خبر قصير.\\nحمل تطبيق المثال").boilerplate
    ('حمل تطبيق المثال',)

Frequency alone is not evidence: a sentence quoted by two articles, or a closing line the
site writes inside its articles, is body. A line is learned only when it stands on many of the
site's pages (:attr:`LearnSettings.min_pages`, :attr:`LearnSettings.min_share`) and, on nearly
all of them, outside the article: before its first line of running text, after its footer
(source, tags) or next to a headline list. A profile learned from a handful of pages is empty.
Profiles are data: :meth:`SiteProfile.save` writes readable, editable, versioned JSON.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple

import attrs

from .lexicon import MARKER_KINDS, MAX_PHRASE_CHARS, Lexicon
from .lines import scan_columns
from .normalize import fold
from .text import ends_sentence, word_count

if TYPE_CHECKING:
    from .gazetteer import Gazetteer
    from .parser import Parser
    from .tags import TagLexicon

__all__ = [
    "PROFILE_VERSION",
    "LearnSettings",
    "PageSummary",
    "ProfileError",
    "ProfileLearner",
    "SiteProfile",
    "load_profiles",
    "profiles_json",
    "profiles_key",
    "save_profiles",
    "summarise_page",
]

#: The version of the profile file format that :meth:`SiteProfile.save` writes.
PROFILE_VERSION = 1

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

_LIST_KEYS = ("furniture", "headings", "tags", "sources", "agencies")


class ProfileError(ValueError):
    """A profile file or dict is malformed; the message names the file and the key.

    Example:
        >>> SiteProfile.from_dict({"version": 1, "furniture": "x"})
        Traceback (most recent call last):
        ...
        arnews.profile.ProfileError: furniture must be a list of strings
    """


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
    from .parser import Parser

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
    from .gazetteer import DEFAULT_GAZETTEER
    from .tags import TagLexicon

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


def _str_tuple(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ProfileError(f"{where} must be a list of strings")
    for i, v in enumerate(value):
        if len(v) > MAX_PHRASE_CHARS:
            raise ProfileError(f"{where}[{i}] is longer than {MAX_PHRASE_CHARS} characters")
    return tuple(value)


@attrs.frozen(slots=True)
class SiteProfile:
    """What one site prints around its articles: its furniture lines, headline-list headings,
    tag phrases, source values and dateline agencies.

    Learn one with :meth:`learn`, apply it with ``Parser(profile=...)``, keep it with
    :meth:`save` / :meth:`load`. Instances are immutable and picklable.

    Example:
        >>> p = SiteProfile(site="s", pages=30, headings=("الأكثر تداولا",))
        >>> p.to_dict()["headings"]
        ['الأكثر تداولا']
    """

    #: The site's name (the key the command picks a profile by).
    site: str = ""
    #: How many pages it was learned from.
    pages: int = 0
    #: Whole lines that are furniture on this site (matched on the fold key, alone on a line).
    furniture: tuple[str, ...] = ()
    #: Headings of the site's own headline lists (open a list, like ``مقالات مشابهة``).
    headings: tuple[str, ...] = ()
    #: The site's own marker spellings by kind (``source``, ``keywords``), as in a lexicon.
    markers: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    #: Tag phrases of the site's tag lines (see :class:`arnews.TagLexicon`), as the pages
    #: spell them where a separated item shows it, else folded.
    tags: tuple[str, ...] = ()
    #: Source values the site's pages repeat (for the report: the default parser finds them).
    sources: tuple[str, ...] = ()
    #: Agencies its datelines name; added to the gazetteer's agencies.
    agencies: tuple[str, ...] = ()

    @classmethod
    def learn(
        cls,
        texts: Iterable[str],
        *,
        site: str = "",
        settings: LearnSettings | None = None,
        parser: Parser | None = None,
    ) -> SiteProfile:
        """Learn a profile from the unlabeled pages of one site.

        ``parser`` is the parser whose output the profile will extend (the default one
        unless given). With fewer than :attr:`LearnSettings.min_pages` pages, the profile is
        empty.

        Example:
            >>> pages = [f"الرئيسية | رياضة\\nخبر رقم {i} عن الطقس اليوم.\\n© موقع المثال"
            ...          for i in range(12)]
            >>> SiteProfile.learn(pages, site="مثال").furniture
            ('الرئيسية | رياضة', '© موقع المثال')
        """
        learner = ProfileLearner(site, settings, parser)
        for text in texts:
            learner.add(text)
        return learner.result()

    # -- applying ---------------------------------------------------------------------------

    def configure(
        self, lexicon: Lexicon, tag_lexicon: TagLexicon | None, gazetteer: Gazetteer
    ) -> tuple[Lexicon, TagLexicon | None, Gazetteer]:
        """The parser configuration with this profile applied (what ``Parser`` runs).

        Furniture lines become whole-line boilerplate, headings open headline lists, tag
        phrases join the tag lexicon, agencies the gazetteer.

        Example:
            >>> from arnews import Lexicon
            >>> from arnews.gazetteer import DEFAULT_GAZETTEER
            >>> lex, _, _ = SiteProfile(furniture=("© المثال",)).configure(
            ...     Lexicon.default(), None, DEFAULT_GAZETTEER)
            >>> lex.is_boilerplate("© المثال")
            True
        """
        if self.furniture or self.headings or self.markers:
            markers = {k: list(v) for k, v in self.markers.items()}
            if self.headings:
                # Alone on its line: the heading opens a list, a longer line is text.
                alone = [h + "$" for h in self.headings]
                markers["headlines"] = [*markers.get("headlines", ()), *alone]
            lexicon = lexicon.extend(boilerplate_lines=self.furniture, markers=markers)
        if self.tags:
            from .tags import TagLexicon

            learned = TagLexicon.from_phrases(self.tags)
            tag_lexicon = learned if tag_lexicon is None else tag_lexicon.merge(learned)
        if self.agencies:
            gazetteer = gazetteer.with_entries(agencies=self.agencies)
        return lexicon, tag_lexicon, gazetteer

    # -- data -------------------------------------------------------------------------------

    def is_empty(self) -> bool:
        """Tell whether the profile changes nothing that the parser does.

        Example:
            >>> SiteProfile(site="s", pages=3).is_empty()
            True
        """
        return not (self.furniture or self.headings or self.markers or self.tags or self.agencies)

    def to_dict(self) -> dict[str, Any]:
        """The profile as a JSON-ready dict (the shape :meth:`from_dict` reads)."""
        out: dict[str, Any] = {"version": PROFILE_VERSION, "site": self.site, "pages": self.pages}
        for key in _LIST_KEYS:
            out[key] = list(getattr(self, key))
        out["markers"] = {k: list(v) for k, v in sorted(self.markers.items())}
        return out

    @classmethod
    def from_dict(cls, data: Any) -> SiteProfile:
        """Build and validate a profile from a dict shaped like :meth:`to_dict`'s.

        Raises:
            ProfileError: a key is missing, unknown or of the wrong type, or the version is
                not one this arnews reads.
        """
        if not isinstance(data, Mapping):
            raise ProfileError("a profile must be a JSON object")
        version = data.get("version")
        if version != PROFILE_VERSION:
            raise ProfileError(
                f"version must be {PROFILE_VERSION} (this arnews reads profile files of "
                f"version {PROFILE_VERSION}), not {version!r}"
            )
        known = {"version", "site", "pages", "markers", *_LIST_KEYS}
        unknown = [k for k in data if k not in known and not str(k).startswith(("_", "$"))]
        if unknown:
            raise ProfileError(f"unknown key {unknown[0]!r} (the keys are {', '.join(known)})")
        site, pages = data.get("site", ""), data.get("pages", 0)
        if not isinstance(site, str):
            raise ProfileError("site must be a string")
        if not isinstance(pages, int) or isinstance(pages, bool) or pages < 0:
            raise ProfileError("pages must be a whole number, 0 or more")
        lists = {k: _str_tuple(data.get(k, []), k) for k in _LIST_KEYS}
        markers_in = data.get("markers", {})
        if not isinstance(markers_in, Mapping):
            raise ProfileError("markers must map a marker kind to a list of phrases")
        unknown_kinds = [k for k in markers_in if k not in MARKER_KINDS]
        if unknown_kinds:
            raise ProfileError(
                f"markers: unknown kind {unknown_kinds[0]!r} (the kinds are "
                f"{', '.join(MARKER_KINDS)})"
            )
        markers = {str(k): _str_tuple(v, f"markers.{k}") for k, v in markers_in.items()}
        return cls(site=site, pages=pages, markers=markers, **lists)

    def merge(self, other: SiteProfile) -> SiteProfile:
        """Both profiles' entries in one (pages added up; the site's name is this one's).

        Example:
            >>> a = SiteProfile(site="s", pages=20, furniture=("أ",))
            >>> b = SiteProfile(site="s", pages=10, furniture=("ب", "أ"))
            >>> a.merge(b).furniture, a.merge(b).pages
            (('أ', 'ب'), 30)
        """

        def union(x: tuple[str, ...], y: tuple[str, ...]) -> tuple[str, ...]:
            keys = {fold(v) for v in x}
            return (*x, *(v for v in y if fold(v) not in keys))

        kinds = sorted({*self.markers, *other.markers})
        markers = {k: union(self.markers.get(k, ()), other.markers.get(k, ())) for k in kinds}
        return SiteProfile(
            site=self.site or other.site,
            pages=self.pages + other.pages,
            markers=markers,
            **{k: union(getattr(self, k), getattr(other, k)) for k in _LIST_KEYS},
        )

    def save(self, path: str | Path) -> None:
        """Write the profile as readable, editable JSON (see :meth:`load`)."""
        Path(path).write_text(_dumps(self.to_dict()), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> SiteProfile:
        """Read a profile written by :meth:`save` (or by a person).

        Raises:
            ProfileError: the file cannot be read or is not a valid profile; the message
                names the file.
        """
        data = _read_json(path)
        try:
            return cls.from_dict(data)
        except ProfileError as exc:
            raise ProfileError(f"{path}: {exc}") from None

    def report(self) -> str:
        """Say, for a person, what was learned and from how many pages.

        Example:
            >>> print(SiteProfile(site="s", pages=3).report())
            s: learned from 3 pages: nothing (too few pages: it takes 10 or more)
        """
        name = self.site or "(site)"
        head = f"{name}: learned from {self.pages} pages"
        if self.is_empty() and not self.sources:
            least = LearnSettings().min_pages
            if self.pages < least:
                return f"{head}: nothing (too few pages: it takes {least} or more)"
            return f"{head}: nothing (no line recurs in furniture positions)"
        out = [head]
        labels = {
            "furniture": "furniture lines",
            "headings": "headline-list headings",
            "tags": "tag phrases",
            "sources": "source values",
            "agencies": "dateline agencies",
        }
        for kind, phrases in sorted(self.markers.items()):
            out.append(f"  {len(phrases)} {kind} marker spellings:")
            out.extend(f"    {v}" for v in phrases)
        for key, label in labels.items():
            values: tuple[str, ...] = getattr(self, key)
            if values:
                out.append(f"  {len(values)} {label}:")
                out.extend(f"    {v}" for v in values[:20])
                if len(values) > 20:
                    out.append(f"    … and {len(values) - 20} more")
        return "\n".join(out)


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _read_json(path: str | Path) -> Any:
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise ProfileError(f"{path}: cannot read it: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ProfileError(f"{path}: not valid UTF-8 at byte {exc.start}") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProfileError(
            f"{path}: not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from exc
    except (RecursionError, ValueError) as exc:
        raise ProfileError(f"{path}: not valid JSON: {exc}") from None


def save_profiles(
    profiles: Mapping[str, SiteProfile],
    path: str | Path | IO[str],
    *,
    site_from: Sequence[str] | None = None,
) -> None:
    """Write several sites' profiles to one file (or text stream), keyed by site.

    ``site_from`` records how the sites were told apart (``["dir"]``, ``["field", "site"]``),
    so that ``arnews parse --profiles`` picks each document's profile the same way.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "profiles.json"
        >>> save_profiles({"s": SiteProfile(site="s", pages=12)}, p, site_from=["dir"])
        >>> load_profiles(p)["s"].pages, profiles_key(p)
        (12, ('dir',))
    """
    text = profiles_json(profiles, site_from=site_from)
    if isinstance(path, str | Path):
        Path(path).write_text(text, encoding="utf-8")
    else:
        path.write(text)
        path.flush()


def profiles_json(
    profiles: Mapping[str, SiteProfile], *, site_from: Sequence[str] | None = None
) -> str:
    """The text :func:`save_profiles` writes: indented JSON, Arabic as written.

    Example:
        >>> print(profiles_json({}, site_from=["dir"]))
        {
          "version": 1,
          "site_from": [
            "dir"
          ],
          "profiles": {}
        }
        <BLANKLINE>
    """
    data: dict[str, Any] = {"version": PROFILE_VERSION}
    if site_from is not None:
        data["site_from"] = list(site_from)
    data["profiles"] = {site: profiles[site].to_dict() for site in sorted(profiles)}
    return _dumps(data)


def profiles_key(path: str | Path) -> tuple[str, ...] | None:
    """How the sites of a profiles file were told apart (see :func:`save_profiles`), if said.

    Raises:
        ProfileError: the file cannot be read, or its ``site_from`` is not a list of strings.
    """
    data = _read_json(path)
    key = data.get("site_from") if isinstance(data, Mapping) else None
    if key is None:
        return None
    if not isinstance(key, list) or not key or not all(isinstance(k, str) for k in key):
        raise ProfileError(f'{path}: site_from must be a list of strings, like ["dir"]')
    return tuple(key)


def load_profiles(path: str | Path) -> dict[str, SiteProfile]:
    """Read a file of profiles (:func:`save_profiles`), or a single profile (keyed by its site).

    Raises:
        ProfileError: the file is not a valid profiles file; the message names the file and
            the site.
    """
    data = _read_json(path)
    if isinstance(data, Mapping) and "profiles" in data:
        unknown = [k for k in data if k not in ("version", "site_from", "profiles")]
        if unknown:
            raise ProfileError(f"{path}: unknown key {unknown[0]!r}")
        if data.get("version") != PROFILE_VERSION:
            raise ProfileError(f"{path}: version must be {PROFILE_VERSION}")
        items = data["profiles"]
        if not isinstance(items, Mapping):
            raise ProfileError(f"{path}: 'profiles' must map a site to its profile")
        out: dict[str, SiteProfile] = {}
        for site, item in items.items():
            try:
                out[str(site)] = SiteProfile.from_dict(item)
            except ProfileError as exc:
                raise ProfileError(f"{path}: profiles.{site}: {exc}") from None
        return out
    try:
        one = SiteProfile.from_dict(data)
    except ProfileError as exc:
        raise ProfileError(f"{path}: {exc}") from None
    return {one.site: one}
