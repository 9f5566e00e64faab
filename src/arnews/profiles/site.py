"""A site profile as data: the :class:`SiteProfile` record, applying it, and its JSON files."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, TYPE_CHECKING, Any

import attrs

from ..lexicon import MARKER_KINDS, MAX_PHRASE_CHARS, Lexicon, read_utf8
from ..lexicon.loading import decode_json, write_utf8
from ..normalize import fold

if TYPE_CHECKING:
    from pathlib import Path

    from ..gazetteer import Gazetteer
    from ..parser import Parser
    from ..tags import TagLexicon
    from .learning import LearnSettings

__all__ = [
    "PROFILE_VERSION",
    "ProfileError",
    "SiteProfile",
    "load_profiles",
    "profiles_json",
    "profiles_key",
    "save_profiles",
]

#: The version of the profile file format that :meth:`SiteProfile.save` writes.
PROFILE_VERSION = 1

_LIST_KEYS = ("furniture", "headings", "tags", "sources", "agencies")


class ProfileError(ValueError):
    """A profile file or dict is malformed; the message names the file and the key.

    Example:
        >>> SiteProfile.from_dict({"version": 1, "furniture": "x"})
        Traceback (most recent call last):
        ...
        arnews.profiles.site.ProfileError: furniture must be a list of strings
    """


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
            >>> pages = [f"الرئيسية | رياضة\\nخبر رقم {i} عن الطقس اليوم.\\nموقع المثال للأخبار"
            ...          for i in range(12)]
            >>> SiteProfile.learn(pages, site="مثال").furniture
            ('الرئيسية | رياضة', 'موقع المثال للأخبار')
        """
        from .learning import ProfileLearner

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
            from ..tags import TagLexicon

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
        write_utf8(path, _dumps(self.to_dict()))

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
            from .learning import LearnSettings

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
    return decode_json(read_utf8(path, ProfileError), str(path), ProfileError, "a profile")


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
    if isinstance(path, str | os.PathLike):
        write_utf8(path, text)
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
