"""Datelines: the lead-in that names the place and the agency before the first sentence.

Looks only at the start of each article's first body line (or a line of its own), in the
forms wires and sites use::

    سرايا - أعلن …                       → agency "سرايا"
    القاهرة - أعلن …                     → place "القاهرة" (a known place)
    (CNN)-- قال …                        → agency "CNN"
    القاهرة (الاتحاد)                    → place "القاهرة", agency "الاتحاد" (whole line)
    واشنطن (رويترز) - …                  → place "واشنطن", agency "رويترز"
    دبي، الإمارات العربية المتحدة (CNN)-- → place "دبي، الإمارات العربية المتحدة", agency "CNN"
    بغداد/ شبكة أخبار العراق- أعلنت …    → place "بغداد", agency "شبكة أخبار العراق"
    القاهرة – وكالات: …                  → place "القاهرة", agency "وكالات"

A real first sentence is never cut: a lead-in of several words must name a known place or
agency (from the gazetteer); only a single unknown word before `` - `` (a site's name such
as ``سرايا``) is taken on the strength of its form.
"""

from __future__ import annotations

from itertools import compress, count, repeat
from operator import is_

import regex

from ..normalize import fold
from ..state import PageState
from ..text import clean, word_count

__all__ = ["detect_datelines"]

_SP = r"[ \t\xa0]"
_DASH = r"(?:-{1,3}|–|—)"
# All patterns are anchored at the line start and read a bounded window.
_PAREN = regex.compile(
    rf"(?P<place>[^()\n:.!؟?]{{0,60}}?){_SP}*\((?P<agency>[^()\n]{{1,40}})\){_SP}*"
    rf"(?P<sep>{_DASH}|:)?{_SP}*"
)
_SLASH = regex.compile(
    rf"(?P<place>[^/()\n:.!؟?،,]{{1,30}}?){_SP}*/{_SP}*(?P<agency>[^/()\n:.!؟?،,\-–—]{{1,50}}?)"
    rf"{_SP}*(?P<sep>{_DASH}|:){_SP}*"
)
_DASHED = regex.compile(
    rf"(?P<lead>[^()\n:.!؟?،,/\-–—]{{1,40}}?){_SP}*(?P<sep>{_DASH})(?:{_SP}+|$)"
    rf"(?:(?P<agency>[^()\n:.!؟?،,/\-–—]{{1,30}}?){_SP}*:{_SP}*)?"
)
_HAS_LETTER = regex.compile(r"\p{L}")
_SENTENCE_MARK = regex.compile(r"[.!?؟]")

# How many words a place (or a place and its country) may have, and an agency.
MAX_PLACE_WORDS = 6
MAX_AGENCY_WORDS = 6
WINDOW = 160


def _known(state: PageState, phrase: str, kind: str) -> bool:
    key = fold(phrase)
    if kind == "place":
        return key in state.gazetteer.places
    return key in state.gazetteer.agencies or state.lexicon.is_byline(phrase)


def _place_ok(state: PageState, place: str) -> bool:
    if not place:
        return True
    if word_count(place) > MAX_PLACE_WORDS or _SENTENCE_MARK.search(place):
        return False
    head = place.split("،")[0].split(",")[0].strip()
    return _known(state, head, "place") or _known(state, place, "place")


def _agency_ok(agency: str) -> bool:
    return (
        0 < word_count(agency) <= MAX_AGENCY_WORDS
        and _HAS_LETTER.search(agency) is not None
        and not _SENTENCE_MARK.search(agency)
    )


def _claim(
    state: PageState,
    i: int,
    start: int,
    end: int,
    place: tuple[int, int] | None,
    agency: tuple[int, int] | None,
) -> None:
    text = state.text
    value = {
        "place": None if place is None else (clean(text[place[0] : place[1]]), place),
        "agency": None if agency is None else (clean(text[agency[0] : agency[1]]), agency),
    }
    state.claim(i, "dateline", start, end, value=value)
    state.rest[i] = end


def _try_line(state: PageState, i: int) -> bool:
    line_end = state.ends[i]
    base = state.rest[i]
    window_end = min(line_end, base + WINDOW)
    text = state.text

    m = _PAREN.match(text, base, window_end)
    if m is not None:
        place = clean(m["place"])
        whole_line = m.end() >= line_end
        if (
            _agency_ok(m["agency"])
            and (whole_line or m["sep"])
            and (_place_ok(state, place) or (whole_line and word_count(place) <= 3))
        ):
            _claim(
                state,
                i,
                base,
                m.end(),
                m.span("place") if place else None,
                m.span("agency"),
            )
            return True

    m = _SLASH.match(text, base, window_end)
    if m is not None:
        place = clean(m["place"])
        if (
            word_count(place) <= 3
            and (_known(state, place, "place") or word_count(place) == 1)
            and _agency_ok(m["agency"])
        ):
            _claim(state, i, base, m.end(), m.span("place"), m.span("agency"))
            return True

    m = _DASHED.match(text, base, window_end)
    if m is not None:
        lead = clean(m["lead"])
        agency_span = None
        end = m.end()
        if m["agency"] is not None:
            if _known(state, m["agency"], "agency"):
                agency_span = m.span("agency")
            else:
                end = m.end("sep")
        if _known(state, lead, "place"):
            _claim(state, i, base, end, m.span("lead"), agency_span)
            return True
        single = _known(state, lead, "agency") or word_count(lead) == 1
        if agency_span is None and single and end < line_end:
            _claim(state, i, base, end, None, m.span("lead"))
            return True
    return False


def detect_datelines(state: PageState) -> None:
    """Claim the dateline at the start of each article's first body line."""
    articles, rests, ends = state.article, state.rest, state.ends
    done: set[int] = set()
    # Lines no detector classified, in order (found at C speed); each article's first open
    # one is tried, and the walk stops once every article has had its turn.
    for i in compress(count(), map(is_, state.kind, repeat(None))):
        article = articles[i]
        if article in done or rests[i] >= ends[i]:
            continue
        done.add(article)
        _try_line(state, i)
        if len(done) == state.n_articles:
            break
