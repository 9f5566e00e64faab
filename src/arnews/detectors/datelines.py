"""Datelines: the lead-in that names the place and the agency before the first sentence.

Looks only at the start of each article's first body line (or a line of its own), in the
forms wires and sites use::

    سرايا - أعلن …                       → agency "سرايا"
    SITE.INFO - أعلن …                   → agency "SITE.INFO" (a site in Latin letters)
    القاهرة - أعلن …                     → place "القاهرة" (a known place)
    (CNN)-- قال …                        → agency "CNN" (also ``(CNN) --``, ``(CNN) –``, ``(CNN)—``)
    القاهرة (الاتحاد)                    → place "القاهرة", agency "الاتحاد" (whole line)
    واشنطن (رويترز) - …                  → place "واشنطن", agency "رويترز"
    دبي، الإمارات العربية المتحدة (CNN)-- → place "دبي، الإمارات العربية المتحدة", agency "CNN"
    بغداد/ شبكة أخبار العراق- أعلنت …    → place "بغداد", agency "شبكة أخبار العراق"
    القاهرة – وكالات: …                  → place "القاهرة", agency "وكالات"
    واس- جدة: …                          → place "جدة", agency "واس" (agency first)
    بيروت - النهار - …                   → place "بيروت", agency "النهار"
    القاهرة - أ ش أ: …                   → place "القاهرة", agency "أ ش أ"
    عمّان-بترا                           → place "عمّان", agency "بترا" (whole line)

A real first sentence is never cut (``قالت وزارة الصحة - في بيان - إن …``): a lead-in of
several words must name a known place or agency (from the gazetteer); only a single unknown
word before `` - `` (a site's name such as ``سرايا``) is taken on the strength of its form,
and a place the gazetteer lacks only as a city and its country before a known agency in
brackets and its dash (``دا نانغ، فيتنام (CNN)--``). A strong form (a known agency in
brackets, then a dash) is also looked for on the article's second open line, below an
editor's note. The place's and agency's spans lie inside the dateline's, trimmed.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import compress, count, repeat
from operator import is_, itemgetter

from ..lines import BLANK_SET, BLANKS
from ..normalize import fold
from ..state import KIND, PageState
from ..text import clean, word_count
from .dateline_forms import (
    _COMMA,
    _HAS_LETTER,
    _LATIN_SITE,
    _PAIR_CHARS,
    _PAIR_LINE,
    _PAREN,
    _SEGMENT,
    _SENTENCE_MARK,
    _SLASH,
    _STRAY_COMMA,
)
from .heads import article_heads, head_lines, head_lists, more_words_than

__all__ = ["article_heads", "dateline_end", "dateline_fills_line", "detect_datelines", "head_lines"]

# How many words a place (or a place and its country) may have, and an agency.
MAX_PLACE_WORDS = 6
MAX_AGENCY_WORDS = 6
WINDOW = 160
# A line this short above the first body line is a label, below which any dateline may
# stand; below a longer one (an editor's note) only a strong form is looked for (a known
# agency in brackets, then a dash: ``(CNN)--``).
MAX_LABEL_WORDS = 5
# A page of this many articles or more (a chain of read-also articles) is ruled out for
# datelines by each distinct head text before its walk; on a page of fewer, the walk reads
# fewer lines than the test would.
MANY_ARTICLES = 32


def _known(state: PageState, phrase: str, kind: str) -> bool:
    key = fold(phrase)
    if kind == "place":
        return key in state.gazetteer.places
    return key in state.gazetteer.agencies or state.lexicon.is_byline(phrase)


def _site(state: PageState, phrase: str) -> bool:
    """A known agency or a site's name in Latin letters (``SITE.INFO``)."""
    if _HAS_LETTER.search(phrase) is None:
        return False  # punctuation alone names nothing
    return _known(state, phrase, "agency") or _LATIN_SITE.fullmatch(phrase) is not None


def _place_ok(state: PageState, place: str) -> bool:
    if not place:
        return True
    if word_count(place) > MAX_PLACE_WORDS or _SENTENCE_MARK.search(place):
        return False
    head = place.split("،")[0].split(",")[0].strip()
    return _known(state, head, "place") or _known(state, place, "place")


def _short_place(place: str) -> bool:
    """An unknown place on a line of its own: a few words, letters only (a date is none)."""
    return (
        word_count(place) <= 3
        and _HAS_LETTER.search(place) is not None
        and not any(c.isdigit() for c in place)
    )


def _agency_ok(agency: str) -> bool:
    return (
        0 < word_count(agency) <= MAX_AGENCY_WORDS
        and _HAS_LETTER.search(agency) is not None
        and not _SENTENCE_MARK.search(agency)
    )


def _trim(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    while start < end and text[start] in BLANK_SET:
        start += 1
    while end > start and text[end - 1] in BLANK_SET:
        end -= 1
    return (start, end)


def _claim(
    state: PageState,
    i: int,
    start: int,
    end: int,
    place: tuple[int, int] | None,
    agency: tuple[int, int] | None,
) -> None:
    text = state.text
    # Sub-spans are trimmed like the dateline's own: each lies inside it, with no blank at
    # either end (a stamp before the dateline leaves the line's rest on a space).
    # One that trims to nothing (``واشنطن - :``, a dash and no agency) is no sub-span at all.
    if place is not None:
        place = _trim(text, place)
        if place[0] >= place[1]:
            place = None
    if agency is not None:
        agency = _trim(text, agency)
        if agency[0] >= agency[1]:
            agency = None
    value = {
        "place": None if place is None else (clean(text[place[0] : place[1]]), place),
        "agency": None if agency is None else (clean(text[agency[0] : agency[1]]), agency),
    }
    state.claim(i, "dateline", start, end, value=value)
    state.rest[i] = end


def _try_paren(state: PageState, i: int, base: int, window_end: int, strong: bool) -> bool:
    """``واشنطن (رويترز) - …``, ``(CNN)-- …``, ``القاهرة (الاتحاد)`` alone on its line."""
    # The agency's bracket stands in the window: most lines have none, and need no match.
    if state.text.find("(", base, window_end) < 0:
        return False
    m = _PAREN.match(state.text, base, window_end)
    if m is None:
        return False
    place = clean(m["place"])
    whole_line = m.end() >= state.ends[i]
    agency = m["agency"]
    known = _known(state, agency, "agency")
    if strong and not (known and m["sep"]):
        return False
    # A known agency with its dash vouches for a place the gazetteer lacks, when the place
    # reads as one (``دا نانغ، فيتنام``: a city and its country, a few words).
    vouched = (
        known
        and bool(m["sep"])
        and bool(_COMMA.search(place))
        and word_count(place) <= MAX_PLACE_WORDS
        and not _SENTENCE_MARK.search(place)
    )
    if (
        _agency_ok(agency)
        and (whole_line or m["sep"])
        and (_place_ok(state, place) or vouched or (whole_line and _short_place(place)))
    ):
        _claim(state, i, base, m.end(), m.span("place") if place else None, m.span("agency"))
        return True
    return False


def _has_dash(text: str, start: int, end: int) -> bool:
    return (
        text.find("-", start, end) >= 0
        or text.find("–", start, end) >= 0
        or text.find("—", start, end) >= 0
    )


def _has_separator(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a separator a segment of a lead-in may end with."""
    return (
        _has_dash(text, start, end)
        or text.find(":", start, end) >= 0
        or text.find("：", start, end) >= 0
    )


def _may_be_pair(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` can be a lead-in of two names alone on its line
    (:data:`_PAIR_LINE`): it holds a dash, and is no longer than two names, the dash and a
    colon, but for the blanks between them. Rules out a line of running text in a few
    C-level passes, where the pattern would try every split of its head."""
    if not _has_dash(text, start, end):
        return False
    size = end - start
    if size <= _PAIR_CHARS:
        return True
    blanks = text.count(" ", start, end) + text.count("\t", start, end)
    return size <= _PAIR_CHARS + blanks + text.count("\xa0", start, end)


def _try_dashed(state: PageState, i: int, base: int, window_end: int) -> bool:
    """``القاهرة - …``, ``سرايا - …``, ``بيروت - النهار - …``, ``واس- جدة: …``, ``عمّان-بترا``."""
    text = state.text
    line_end = state.ends[i]
    lexicon = state.lexicon
    pair = (
        _PAIR_LINE.fullmatch(text, base, line_end) if _may_be_pair(text, base, line_end) else None
    )
    if pair is not None:
        # Alone on its line: ``عمّان-بترا``, ``دبي - البيان``, ``القدس المحتلة-وكالات:``.
        first, then = clean(pair["first"]), clean(pair["second"])
        if _known(state, first, "place") and (_site(state, then) or word_count(then) <= 2):
            _claim(state, i, base, line_end, pair.span("first"), pair.span("second"))
            return True
        if _site(state, first) and _known(state, then, "place"):
            _claim(state, i, base, line_end, pair.span("second"), pair.span("first"))
            return True
    m = _SEGMENT.match(text, base, window_end) if _has_separator(text, base, window_end) else None
    if m is None or m["sep"] in ":：":
        return False  # ``الخبر : …``: a lead-in is set off by a dash
    lead = clean(m["seg"])
    if lexicon.is_credit("markers", lead.split()[0] if lead else ""):
        return False  # ``كتب - …``: a credit the bylines detector did not take
    lead_place = _known(state, lead, "place")
    lead_site = _site(state, lead)
    after = m.end()
    # ``برلين -، د ب أ - …``: a stray comma may stand before the agency.
    nxt = _STRAY_COMMA.match(text, after, window_end)
    second = _SEGMENT.match(text, nxt.end(), window_end) if after < line_end and nxt else None
    if second is not None:
        other = clean(second["seg"])
        if lead_place and _site(state, other):
            # ``بيروت - النهار - …``, ``لندن - رويترز: …``
            _claim(state, i, base, second.end(), m.span("seg"), second.span("seg"))
            return True
        if lead_site and _known(state, other, "place"):
            # ``واس- جدة: …``, ``أ ف ب- بروكسل: …``
            _claim(state, i, base, second.end(), second.span("seg"), m.span("seg"))
            return True
        if lead_site and lexicon.is_byline(other):
            # ``سبق- وكالات: …``: the site and its credit make the agency.
            agency = (m.start("seg"), second.end("seg"))
            _claim(state, i, base, second.end(), None, agency)
            return True
    if lead_place:
        _claim(state, i, base, after, m.span("seg"), None)
        return True
    if (lead_site or word_count(lead) == 1) and after < line_end and not lexicon.is_byline(lead):
        _claim(state, i, base, after, None, m.span("seg"))
        return True
    if lexicon.is_byline(lead) and after < line_end:
        _claim(state, i, base, after, None, m.span("seg"))
        return True
    return False


def _try_line(state: PageState, i: int, strong: bool = False) -> bool:
    text = state.text
    line_end = state.ends[i]
    base = state.rest[i]
    # A stamp before the dateline on the same line leaves the rest on a space.
    while base < line_end and text[base] in BLANK_SET:
        base += 1
    # Whether a line holds a dateline depends on its text alone (and the lexicon and
    # gazetteer): a page that repeats a line (a chain of read-also articles repeats its
    # first lines) reads each distinct one once. Only a miss is kept: a dateline is claimed
    # at its own offsets.
    if state.n_articles == 1:
        # A page of one article reads two or three of its lines: nothing repeats enough to
        # pay for the keys.
        return _read_line(state, i, base, strong)
    key = (strong, text[base:line_end]) if line_end - base <= 2 * WINDOW else None
    misses = state.memo.get(_try_line)
    if misses is None:
        misses = state.memo[_try_line] = {}
    if key in misses:
        return False
    if _read_line(state, i, base, strong):
        return True
    if key is not None:
        misses[key] = True
    return False


def _read_line(state: PageState, i: int, base: int, strong: bool) -> bool:
    text = state.text
    line_end = state.ends[i]
    if strong:  # (the bracket form alone, which looks for its bracket in the window first)
        return _try_paren(state, i, base, min(line_end, base + WINDOW), True)
    # Every form holds the agency's bracket, a slash or a dash (a colon alone sets off no
    # lead-in): most lines of running text hold none, ruled out by a few scans of the line cut
    # (a long line, whose copy costs more, is read on: each form looks for its own first).
    if line_end - base <= 4 * WINDOW and (
        "(" not in (line := text[base:line_end])
        and "/" not in line
        and "-" not in line
        and "–" not in line
        and "—" not in line
    ):
        return False  # (the dashes of :func:`_has_dash`, looked for without a call)
    window_end = min(line_end, base + WINDOW)

    if _try_paren(state, i, base, window_end, False):
        return True
    m = _SLASH.match(text, base, window_end) if text.find("/", base, window_end) >= 0 else None
    if m is not None:
        place = clean(m["place"])
        if (
            word_count(place) <= 3
            and (_known(state, place, "place") or word_count(place) == 1)
            and _agency_ok(m["agency"])
        ):
            _claim(state, i, base, m.end(), m.span("place"), m.span("agency"))
            return True

    return _try_dashed(state, i, base, window_end)


def _is_label(state: PageState, i: int) -> bool:
    return not more_words_than(state.text, state.rest[i], state.ends[i], MAX_LABEL_WORDS)


def dateline_end(state: PageState, i: int) -> int | None:
    """Where a dateline at the start of open line ``i`` would end, or ``None``; claims nothing.

    Lets the title detector tell a lead-in alone on its line (``عمّان-بترا``) from a headline.

    Example:
        >>> state = PageState.of("عمّان-بترا\\nأعلن الوزير الخبر.")
        >>> dateline_end(state, 0) == state.ends[0], state.pieces
        (True, [])
    """
    n_pieces, rest = len(state.pieces), state.rest[i]
    found = _try_line(state, i)
    end = state.rest[i] if found else None
    del state.pieces[n_pieces:]
    state.rest[i] = rest
    return end


# The last character of a dateline that runs to its line's end: the agency's bracket or the
# separator after the names. One that ends otherwise is two names joined by a dash.
_LINE_LEAD_LAST = frozenset(")-–—:：")


def dateline_fills_line(state: PageState, i: int) -> bool:
    """Tell whether a dateline takes up the whole of open line ``i`` (from its ``rest``);
    claims nothing.

    Lets the title detector tell a lead-in alone on its line (``عمّان-بترا``) from a headline.
    Most lines are ruled out by their last character and their length or the dashes they
    lack, without a pattern tried.

    Example:
        >>> state = PageState.of("عمّان-بترا\\nأعلن الوزير الخبر.")
        >>> dateline_fills_line(state, 0), dateline_fills_line(state, 1), state.pieces
        (True, False, [])
    """
    text, start, end = state.text, state.rest[i], state.ends[i]
    while start < end and text[start] in BLANK_SET:
        start += 1  # as the dateline reader skips them
    if start >= end:
        return False
    if text[end - 1] not in _LINE_LEAD_LAST and not _may_be_pair(text, start, end):
        # Every other form ends with its bracket or separator: only two names joined by a
        # dash, alone on the line, can end otherwise (a body line is far too long for them).
        return False
    found = dateline_end(state, i)
    return found is not None and found >= end


def detect_datelines(state: PageState) -> None:
    """Claim the dateline at the start of each article's first body line."""
    if state.n_articles == 1:
        _detect_main_dateline(state)
    else:
        _walk_heads(state)


def _walk_heads(state: PageState) -> None:
    """Claim the datelines at the head of each article (of a page of any number of them)."""
    articles, rests, ends = state.article, state.rest, state.ends
    # Articles that have a dateline already (a site before a credit: ``SITE - بقلم: …``),
    # found among the pieces at C speed: they are few, the pieces may be many.
    pieces = state.pieces
    kinds = list(map(itemgetter(KIND), pieces))
    done: set[int] = set()
    at = -1
    for _ in range(kinds.count("dateline")):
        at = kinds.index("dateline", at + 1)
        done.add(state.article_of(pieces[at]))
    # Per article whose first open line held none, that line: its second is read for a
    # strong form only (below an editor's note) or for every form (below a label such as
    # ``تقرير فلسطيني:``), which is worked out when a second comes (most read-also articles
    # of a chain have one line).
    first_lines: dict[int, int] = {}
    # Lines no detector classified, in order (found at C speed); each article's first two
    # open ones are tried at most, and the walk stops once every article has had its turn.
    # Where read-also articles are, some have no open line (a headline claimed as their
    # title) and the walk would never stop: only each article's first two are walked.
    firsts, seconds = head_lists(state)
    # Each distinct text of the articles' first lines, then of their second lines, is tried
    # once, without claiming: when none holds a dateline, there is nothing to walk (a line
    # read for the strong form only holds one only if it holds one when read for every
    # form). The misses are kept for the walk.
    if (
        state.n_articles >= MANY_ARTICLES
        and not _any_dateline(state, firsts)
        and not _any_dateline(state, seconds)
    ):
        return
    lines = sorted(firsts + seconds) if seconds else firsts
    # A chain of read-also articles repeats its heads: each line's text (as the memo of
    # :func:`_try_line` keys it) is cut in C-level passes, and a line whose text is a known
    # miss is passed over with no call.
    heads = _head_texts(state, lines)
    misses = state.memo.setdefault(_try_line, {})
    for i, head in zip(lines, heads, strict=False):
        article = articles[i]
        if article in done or rests[i] >= ends[i]:
            continue
        first = first_lines.get(article)
        if first is None and (False, head) in misses:
            first_lines[article] = i
            continue
        if first is not None:
            _try_line(state, i, strong=not _is_label(state, first))
            done.add(article)
        elif _try_line(state, i):
            done.add(article)
        else:
            first_lines[article] = i
        if len(done) == state.n_articles:
            break


def _detect_main_dateline(state: PageState) -> None:
    """:func:`detect_datelines` on a page of one article: its first open line is tried,
    then, if that held none, its second (as below a label or an editor's note)."""
    # A dateline claimed already (a site before a credit: ``SITE - بقلم: …``) leaves nothing
    # to do.
    pieces = state.pieces
    if pieces and "dateline" in map(itemgetter(KIND), pieces):
        return
    rests, ends = state.rest, state.ends
    first = -1
    for i in compress(count(), map(is_, state.kind, repeat(None))):
        if rests[i] >= ends[i]:
            continue
        if first < 0:
            if _try_line(state, i):
                return
            first = i
        else:
            _try_line(state, i, strong=not _is_label(state, first))
            return


def _head_texts(state: PageState, lines: Iterable[int]) -> list[str]:
    """The open texts of ``lines`` from their first non-blank character (as the memo of
    :func:`_try_line` keys them), cut in C-level passes."""
    rests, ends = state.rest, state.ends
    lines = list(lines)
    at = list(map(rests.__getitem__, lines))
    if at == list(map(state.starts.__getitem__, lines)):
        # Lines no detector touched (a chain's body lines): their text is the line's, which
        # starts with no blank, with no slice to cut.
        return list(map(state.texts.__getitem__, lines))
    cut = map(slice, at, map(ends.__getitem__, lines))
    return list(map(str.lstrip, map(state.text.__getitem__, cut), repeat(BLANKS)))


def _any_dateline(state: PageState, lines: Iterable[int]) -> bool:
    """Tell whether one of ``lines`` holds a dateline, trying each distinct text once and
    claiming nothing."""
    lines = list(lines)
    firsts = dict(zip(_head_texts(state, lines), lines, strict=True))
    return any(dateline_end(state, i) is not None for i in firsts.values())
