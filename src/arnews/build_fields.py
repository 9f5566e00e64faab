"""The field values of an article from its claimed pieces (:func:`_fields`), and the column
helpers both builders share.

Short fields (headline, source, dateline, credit, tags, headline lists) lose zero-width and
bidi controls, with a ``controls_removed`` warning; paragraphs keep the text as written.

Example:
    >>> _clean_lines(["أ\xa0\xa0 ب", "ج"])
    ['أ ب', 'ج']
"""

from __future__ import annotations

import operator
from itertools import chain, islice
from operator import lt
from typing import Any, NamedTuple

from .lines import BLANKS
from .model import Dateline, Span
from .normalize import FOLD_TABLE, fold, fold_chars
from .runs import Run
from .state import END, KIND, NAME, START, VALUE, PageState, Piece
from .text import clean, clean_many

# Zero-width characters and bidi controls (the non-space members of BLANKS): invisible in
# a name, but they make two equal sources, tags or headlines compare unequal. Short fields
# drop them (with a ``controls_removed`` warning); paragraphs keep the text as written.
_CONTROL_TABLE = str.maketrans("", "", "".join(c for c in BLANKS if not c.isspace()))
_LIST_FIELDS = {
    "paragraph": "paragraphs",
    "related_headline": "related_headlines",
    "similar": "similar",
    "boilerplate": "boilerplate",
}
_SHORT_LISTS = frozenset({"related_headline", "similar"})
# A short field's remembered (value, controls removed).
_VALUE = operator.itemgetter(0)
_HAD_CONTROLS = operator.itemgetter(1)
# The kinds of piece that give a field other than the headline and the source.
_OTHER_FIELD_KINDS = frozenset(
    {*_LIST_FIELDS, "keywords", "updated", "published", "dateline", "byline"}
) - {"paragraph"}
# Pieces are tuples: their columns are read with C-level item getters.
_KIND = operator.itemgetter(KIND)
_START = operator.itemgetter(START)
_END = operator.itemgetter(END)
_NAME = operator.itemgetter(NAME)


def _short(raw: str, removed: list[Span], span: Span) -> str:
    """The value of a short field: controls removed (noted in ``removed``), spaces cleaned."""
    if raw.isprintable():
        # No control character (they are not printable): the translate below, slow per
        # character, would change nothing. What clean does, its own check of every
        # character (the one just made) aside.
        if "  " not in raw and raw[:1] != " " != raw[-1:]:
            return raw
        return " ".join(raw.split())
    stripped = raw.translate(_CONTROL_TABLE)
    if len(stripped) != len(raw):
        removed.append(span)
    return clean(stripped)


def _short_at(text: str, span: Span, removed: list[Span]) -> str:
    return _short(text[span[0] : span[1]], removed, span)


def _order(*runs: list[int]) -> list[int]:
    """The positions of the concatenated ``runs`` (each in input order) sorted by start.

    Timsort finds the runs, so this is a linear merge done in C.
    """
    starts = list(chain.from_iterable(runs)) if len(runs) > 2 else runs[0] + runs[1]
    return sorted(range(len(starts)), key=starts.__getitem__)


def _pick(values: list[Any], order: list[int]) -> list[Any]:
    return list(map(values.__getitem__, order))


# The paragraphs' cleaning: clean_many checks the texts joined (one pass of ``isprintable``
# and one search for a page of half a million lines, not a million method calls).
_clean_lines = clean_many


# The fold maps no character to a line break and keeps the line break: the folds of many
# one-line texts can be taken in one pass over them joined by line breaks.
_FOLD_JOINS = FOLD_TABLE.get(10, "\n") == "\n" and not any(
    "\n" in v for v in FOLD_TABLE.values() if v is not None
)


def _distinct_tags(tags: list[str], spans: list[Span]) -> tuple[list[str], list[Span]]:
    """Each tag once (compared folded), in first-seen order, with its first span.

    Pages repeat their tags (a tag line per article, thousands of lines on some): each
    distinct text is folded once, and all of them in one C-level pass.

    Example:
        >>> _distinct_tags(["غزة", "غزه", "حماس", "غزة"], [(0, 3), (4, 7), (8, 12), (13, 16)])
        (['غزة', 'حماس'], [(0, 3), (8, 12)])
    """
    if len(tags) == 1:  # most tag pieces of a page: one tag, nothing to compare
        return tags, spans
    # Dicts built from the end keep each text's first span and each key's first text.
    first = dict(zip(reversed(tags), reversed(spans), strict=True))
    texts = list(dict.fromkeys(tags))
    if _FOLD_JOINS and len(texts) > 1:
        # Tags are cleaned short values: one line each, so the joined fold splits back. Their
        # only white space is single inner spaces, and the fold makes white space a space:
        # unless the fold left two together or one at a tag's end (it drops some marks),
        # each key is the fold as it is.
        folded = fold_chars("\n".join(texts))
        if (
            "  " in folded
            or " \n" in folded
            or "\n " in folded
            or folded[:1] == " "
            or folded[-1:] == " "
        ):
            keys = list(map(" ".join, map(str.split, folded.split("\n"))))
        else:
            keys = folded.split("\n")
    else:
        keys = list(map(fold, texts))
    first_text = dict(zip(reversed(keys), reversed(texts), strict=True))
    out = list(map(first_text.__getitem__, dict.fromkeys(keys)))
    return out, list(map(first.__getitem__, out))


# A raw text's value and whether making it removed controls: as a short field (controls
# removed), and as furniture (white space cleaned only).
_Values = tuple[dict[str, tuple[str, bool]], dict[str, tuple[str, bool]]]


def _warn_removed(state: PageState, removed: list[Span]) -> None:
    """Note that controls were removed from an article's short fields (at ``removed``)."""
    state.warn(
        "controls_removed",
        f"zero-width or bidi control characters were removed from {len(removed)} short "
        "field value(s) (source, title, dateline, byline, keywords, headlines); "
        "spans keep the raw text",
        removed[0][0],
        removed[0][1],
    )


def _fields(
    state: PageState,
    pieces: list[Piece],
    removed: list[Span],
    values: _Values,
) -> tuple[dict[str, Any], dict[str, Any], dict[str, list[str]], dict[str, list[Span]]]:
    """The article's field values and spans from its pieces (paragraphs and markers aside).

    ``values`` remembers each raw text's value (and whether controls were removed from it);
    the page's articles share it.
    """
    text = state.text
    shorts, cleaned = values
    fields: dict[str, Any] = {}
    spans: dict[str, Any] = {}
    lists: dict[str, list[str]] = {}
    list_spans: dict[str, list[Span]] = {}
    tags: list[str] | None = None  # the keywords as found, repeats included
    tag_spans: list[Span] = []
    for p in pieces:
        kind = p[KIND]
        if kind == "marker" or kind == "paragraph":
            continue
        start, end = p[START], p[END]
        name = _LIST_FIELDS.get(kind)
        if name is not None:
            raw = text[start:end]
            # Furniture and lists repeat: each distinct text is cleaned once.
            short = kind in _SHORT_LISTS
            memo = shorts if short else cleaned
            known = memo.get(raw)
            if known is None:
                before = len(removed)
                value = _short(raw, removed, (start, end)) if short else clean(raw)
                memo[raw] = (value, len(removed) > before)
            else:
                value, had_controls = known
                if had_controls:
                    removed.append((start, end))
            if value:
                if name not in lists:
                    lists[name] = []
                    list_spans[name] = []
                lists[name].append(value)
                list_spans[name].append((start, end))
        elif kind == "keywords":
            if tags is None:
                tags, tag_spans = [], []
            for span in p[VALUE] or [(start, end)]:
                raw = text[span[0] : span[1]]
                # What _short gives, without a call when there is no control to remove, and
                # with no split when there is no space to clean (most tags).
                if not raw.isprintable():
                    tag = _short(raw, removed, span)
                elif "  " in raw or raw[:1] == " " or raw[-1:] == " ":
                    tag = " ".join(raw.split())
                else:
                    tag = raw
                if tag:
                    tags.append(tag)
                    tag_spans.append(span)
        elif kind in ("title", "source") and kind not in fields:
            # Embedded articles repeat their headlines and sources: each distinct text is
            # cleaned once a page.
            raw = text[start:end]
            known = shorts.get(raw)
            if known is None:
                before = len(removed)
                value = _short(raw, removed, (start, end))
                shorts[raw] = (value, len(removed) > before)
            else:
                value, had_controls = known
                if had_controls:
                    removed.append((start, end))
            fields[kind] = value
            spans[kind] = (start, end)
        elif kind in ("updated", "published") and kind not in fields:
            fields[kind] = p[VALUE]
            spans[kind] = (start, end)
        elif kind == "dateline" and "dateline" not in fields:
            place, agency = p[VALUE]["place"], p[VALUE]["agency"]
            fields["dateline"] = Dateline(
                place=None if place is None else _short_at(text, place[1], removed),
                agency=None if agency is None else _short_at(text, agency[1], removed),
            )
            spans["dateline"] = (start, end)
            spans["dateline_place"] = None if place is None else place[1]
            spans["dateline_agency"] = None if agency is None else agency[1]
        elif kind == "byline" and fields.get("byline") is None and p[VALUE] is not None:
            # A credit with no name (``متابعة``) leaves the field to a later one that has one.
            fields["byline"] = _short_at(text, p[VALUE], removed)
            spans["byline"] = p[VALUE]
    if tags is not None:
        lists["keywords"], list_spans["keywords"] = _distinct_tags(tags, tag_spans)
    return fields, spans, lists, list_spans


class _RunColumns(NamedTuple):
    """A page's runs of claims (:class:`~arnews.runs.Run`) as the builder reads them: the
    parts' columns, in input order, and each list field's values and spans."""

    kinds: list[str]
    starts: list[int]
    ends: list[int]
    names: list[str | None]
    lists: dict[str, tuple[list[str], list[Span]]]


def _run_columns(state: PageState, runs: list[Run], values: _Values) -> _RunColumns | None:
    """The columns and list fields of the runs of a page of one article, or ``None`` where
    a value lost controls or came out empty (the pieces' path then says so, one by one).

    Each distinct raw text is made a value once (remembered in ``values``, as
    :func:`_fields` does), and the rows are read in C-level passes.
    """
    first = runs[0]
    kinds, starts, ends, names = first.kinds, first.starts, first.ends, first.names
    items: dict[str, tuple[list[int], list[int], list[str]]] = {
        first.item_kind: (first.item_starts, first.item_ends, first.item_texts)
    }
    if len(runs) > 1:
        kinds, starts, ends, names = kinds.copy(), starts.copy(), ends.copy(), names.copy()
        items = {kind: (a.copy(), b.copy(), c.copy()) for kind, (a, b, c) in items.items()}
        for run in runs[1:]:
            kinds += run.kinds
            starts += run.starts
            ends += run.ends
            names += run.names
            if run.item_kind not in items:
                items[run.item_kind] = ([], [], [])
            i_starts, i_ends, i_texts = items[run.item_kind]
            i_starts += run.item_starts
            i_ends += run.item_ends
            i_texts += run.item_texts
        if not _increasing(starts):  # runs claimed out of input order
            order = sorted(range(len(starts)), key=starts.__getitem__)
            kinds, starts = _pick(kinds, order), _pick(starts, order)
            ends, names = _pick(ends, order), _pick(names, order)
            for kind, (i_starts, i_ends, i_texts) in items.items():
                if not _increasing(i_starts):
                    order = sorted(range(len(i_starts)), key=i_starts.__getitem__)
                    items[kind] = (
                        _pick(i_starts, order),
                        _pick(i_ends, order),
                        _pick(i_texts, order),
                    )
    lists: dict[str, tuple[list[str], list[Span]]] = {}
    for kind, (i_starts, i_ends, raws) in items.items():
        short = kind in _SHORT_LISTS
        memo = values[0] if short else values[1]
        for raw in set(raws).difference(memo):
            found: list[Span] = []
            memo[raw] = (_short(raw, found, (0, 0)) if short else clean(raw), bool(found))
        made = list(map(memo.__getitem__, raws))
        if any(map(_HAD_CONTROLS, made)) or not all(map(_VALUE, made)):
            return None
        lists[_LIST_FIELDS[kind]] = (
            list(map(_VALUE, made)),
            list(zip(i_starts, i_ends, strict=True)),
        )
    return _RunColumns(kinds, starts, ends, names, lists)


def _increasing(values: list[int]) -> bool:
    """Tell whether ``values`` increase, in one C-level pass."""
    return all(map(lt, values, islice(values, 1, None)))
