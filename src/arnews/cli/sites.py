"""Site profiles on the command line: ``arnews learn``, and the tasks of ``--profiles``."""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import attrs

from ..io.readers import Doc, Raw
from ..io.writers import (
    encode,
)
from ..model import Article
from ..parser import Parser
from ..profiles import SiteProfile
from .common import (
    UsageError,
    check_paths,
    finish_output,
    guarded,
    open_output,
    write_all,
)
from .driver import Task, drive, ignore
from .lexicons import command_parser
from .records import Summary, summarise

# --------------------------------------------------------------------------------------------
# Site profiles: `arnews learn`, and `--profiles` for parse and stats.

#: What ``--site-from`` takes: where a document's site is read from.
SITE_SOURCES = ("dir", "id-prefix", "field", "url")


def site_of(item: Raw, doc_id: Any, site_from: tuple[str, ...]) -> str:
    """The site a document belongs to, by ``--site-from`` (``""`` when it has none).

    ``dir``: the folder holding its file; ``id-prefix``: its id up to the first ``/`` or
    ``:``; ``field NAME``: that field of its JSON Lines record; ``url``: the host of its
    ``url`` field (or of its id, when that is a URL), without ``www.``.

    Example:
        >>> raw = Raw("crawl/nahar/1.txt", "crawl/nahar/1.txt", b"")
        >>> site_of(raw, "crawl/nahar/1.txt", ("dir",)), site_of(raw, "a:b", ("id-prefix",))
        ('nahar', 'a')
    """
    how = site_from[0]
    if how == "dir":
        return "" if item.source == "-" else Path(item.source).parent.name
    if how == "id-prefix":
        text = str(doc_id)
        cut = min((i for i in (text.find("/"), text.find(":")) if i > 0), default=len(text))
        return text[:cut]
    value: Any = None
    if item.jsonl:
        with contextlib.suppress(ValueError, RecursionError, UnicodeDecodeError):
            record = json.loads(item.data.decode("utf-8").lstrip("\ufeff"))
            if isinstance(record, dict):
                value = record.get(site_from[1] if how == "field" else "url")
    if how == "field":
        return value if isinstance(value, str) else "" if value is None else str(value)
    from urllib.parse import urlsplit

    url = value if isinstance(value, str) else str(doc_id)
    host = (urlsplit(url.strip()).hostname or "") if "//" in url else ""
    return host.removeprefix("www.")


class SiteSummary(NamedTuple):
    """What ``arnews stats --profiles`` learns of one document."""

    summary: Summary
    site: str
    profiled: bool
    #: Lines the default parser keeps as article text that the site's profile took out.
    removed: tuple[str, ...]


@attrs.frozen
class ProfiledTask(Task):
    """A :class:`Task` that parses each document with its site's profile."""

    site_from: tuple[str, ...] = ("dir",)
    profiles: dict[str, SiteProfile] = attrs.field(factory=dict)
    stats: bool = False
    # Each site's parser, made on its first document: compiling a profile into the lexicon
    # takes a fifth of a second, and a crawl of many sites must not pay it for every site in
    # every worker before its first document.
    _parsers: dict[str, Parser] = attrs.field(factory=dict, init=False, eq=False, repr=False)

    def parser_for(self, site: str) -> Parser | None:
        """The parser of ``site``'s profile (``None`` when the site has none)."""
        parser = self._parsers.get(site)
        if parser is None:
            profile = self.profiles.get(site)
            if profile is None:
                return None
            parser = self._parsers[site] = attrs.evolve(self.parser, profile=profile)
        return parser

    def payload(self, item: Raw, doc: Doc) -> Any:
        site = site_of(item, doc.id, self.site_from)
        parser = self.parser_for(site)
        text = doc.text
        article = (parser or self.parser).parse(text)
        if not self.stats:
            return self.render(doc, article, self.spans)
        removed: tuple[str, ...] = ()
        if parser is not None:
            removed = _removed_lines(text, self.parser.parse(text), article)
        return SiteSummary(summarise(doc, article, self.spans), site, parser is not None, removed)


def _kept_lines(text: str, article: Article) -> dict[int, str]:
    from bisect import bisect_right

    from ..lines import scan_columns

    starts, _, texts = scan_columns(text)
    kept: dict[int, str] = {}
    for kind, start in zip(article.parts.kinds, article.parts.starts, strict=True):
        if kind in ("paragraph", "title"):
            i = bisect_right(starts, start) - 1
            kept[i] = texts[i]
    return kept


def _removed_lines(text: str, default: Article, profiled: Article) -> tuple[str, ...]:
    before, after = _kept_lines(text, default), _kept_lines(text, profiled)
    return tuple(line for i, line in before.items() if i not in after)


def site_from_option(args: argparse.Namespace, stored: tuple[str, ...] | None) -> tuple[str, ...]:
    given = getattr(args, "site_from", None)
    if given is None:
        return stored or ("dir",)
    how, _, name = given.partition(":")
    if how not in SITE_SOURCES:
        raise UsageError(f"--site-from takes one of {', '.join(SITE_SOURCES)}, not {how!r}")
    if how == "field" and not name:
        raise UsageError("--site-from field takes the field's NAME: --site-from field NAME")
    return (how, name) if how == "field" else (how,)


def join_site_from(argv: list[str]) -> list[str]:
    """``--site-from field NAME`` as one option value (``field:NAME``), so that the option
    takes one value and cannot take in the paths that follow it.

    Example:
        >>> join_site_from(["learn", "--site-from", "field", "site", "crawl"])
        ['learn', '--site-from', 'field:site', 'crawl']
    """
    out = list(argv)
    for i in range(len(out) - 2):
        if out[i] == "--site-from" and out[i + 1] == "field":
            out[i + 1 : i + 3] = [f"field:{out[i + 2]}"]
            break
    return out


def profiled_task(
    args: argparse.Namespace, render: Callable[[Doc, Article, bool], Any], stats: bool = False
) -> ProfiledTask | None:
    """The task of ``parse``/``stats`` with ``--profiles``, or ``None`` without it."""
    path = getattr(args, "profiles", None)
    if path is None:
        if getattr(args, "site_from", None) is not None:
            raise UsageError("--site-from needs --profiles FILE")
        return None
    from ..profiles import ProfileError, load_profiles, profiles_key

    try:
        profiles = load_profiles(path)
        stored = profiles_key(path)
    except ProfileError as exc:
        raise UsageError(str(exc)) from None
    return ProfiledTask(
        command_parser(args),
        render,
        spans=not getattr(args, "no_spans", False),
        text_field=args.text_field,
        id_field=args.id_field,
        max_chars=args.max_chars,
        keep_fields=getattr(args, "keep_fields", None),
        site_from=site_from_option(args, stored),
        profiles={site: p for site, p in profiles.items() if not p.is_empty()},
        stats=stats,
    )


@attrs.frozen
class LearnTask(Task):
    """A :class:`Task` that summarises each document for its site's profile learner."""

    site_from: tuple[str, ...] = ("dir",)

    def payload(self, item: Raw, doc: Doc) -> Any:
        from ..profiles import summarise_page

        return site_of(item, doc.id, self.site_from), summarise_page(doc.text, self.parser)


def cmd_learn(args: argparse.Namespace) -> int:
    from ..profiles import LearnSettings, ProfileLearner, profiles_json

    check_paths(args)
    site_from = site_from_option(args, None)
    settings = LearnSettings(min_pages=args.min_pages, max_pages=args.max_pages)
    task = LearnTask(
        command_parser(args),
        summarise,
        text_field=args.text_field,
        id_field=args.id_field,
        max_chars=args.max_chars,
        site_from=site_from,
    )
    learners: dict[str, ProfileLearner] = {}

    def add(payload: Any) -> None:
        site, summary = payload
        learner = learners.get(site)
        if learner is None:
            learner = learners[site] = ProfileLearner(site, settings)
        learner.add_summary(summary)

    status = drive(args, "stats", add, ignore, task)
    profiles = {site: learner.result() for site, learner in learners.items()}
    if not args.quiet:
        for site in sorted(profiles):
            print(profiles[site].report(), file=sys.stderr)
    data = encode(profiles_json(profiles, site_from=site_from))
    out = open_output(args.output)
    try:
        # Written under a temporary name and renamed into place, as parse's output is.
        guarded(out, functools.partial(write_all, out))(data)
        guarded(out, lambda _: finish_output(out))(None)
    finally:
        out.discard()
    return status
