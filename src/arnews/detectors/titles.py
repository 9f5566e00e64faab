"""Titles: the first line of each read-also article, and the main article's own headline.

Each read-also article starts with its own title line (:func:`detect_titles`)::

    إقرأ أيضاً:
    السيسي وملك البحرين يشددان على ضرورة الوقف الفوري …   → title
    إقرأ أيضاً: جهود مكثفة لعقد اتفاق تهدئة بغزة         → title, on the marker's line

The main article of an aggregator page has no title line (its headline is not in the
scraped text: the page starts with the lead sentence). A page whose first line is its own
headline gets one (:func:`detect_main_title`)::

    عرض أوروبي بعد ليلة مفاوضات مضنية حول اليونان       → title
    أ ف ب- بروكسل: بعد ليلة مفاوضات مضنية، أعلن …      → the body (with its dateline)

A headline is short, has no closing punctuation (a short question may end with ``؟``), holds
no sentence end, and is followed by the body, with which it shares a content word (a
headline names what its story tells). A label may stand above it (``تقرير فلسطيني:``, left
in the body); a subtitle, a credit, a dateline line or a list of highlights may stand between
it and the body, but not two lines of a few words (a menu). An editor's note (``هذا المقال
…``, a lexicon ``credits.notes`` opener), a credit line and a dateline alone on its line are
no headline; when in doubt the line stays in the body. A headline repeated below the first
(below a news ticker) is claimed as a title too.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from itertools import compress, count, islice, repeat
from operator import and_, eq, is_, lt, ne, or_, setitem
from typing import TYPE_CHECKING

from .._lazy import lazy
from ..normalize import fold
from ..state import MAIN, PageState
from ..text import ends_sentence, has_inner_sentence_end, opens_with_clause_word, word_count
from .credits import MAX_CREDIT_WORDS, read_credit
from .datelines import dateline_fills_line

if TYPE_CHECKING:
    import regex

__all__ = ["detect_main_title", "detect_titles"]

# A first line longer than this is a paragraph: the article has no title.
MAX_TITLE_WORDS = 40
# The main article's headline: a few words to this many (a question: fewer).
MIN_HEADLINE_WORDS = 2
MAX_HEADLINE_WORDS = 25
MAX_QUESTION_WORDS = 12
# How many open lines after the headline are read as the body it must share a word with,
# how many characters of them, and how many lines that are no body (a subtitle, a credit, a
# dateline of its own line, a ticker) may stand between.
BODY_LINES = 4
BODY_CHARS = 2000
MAX_BETWEEN = 6
# A credit or a dateline alone on its line is no longer than this.
MAX_LEAD_CHARS = 160
# Lines this short below the headline are menu or list items when two of them stand there.
MAX_MENU_WORDS = 3
# A label above the headline (``تقرير فلسطيني:``) is this short.
MAX_KICKER_WORDS = 5
# A body line: one that ends a sentence or is at least this long.
MIN_BODY_WORDS = 12
_QUESTION = frozenset("؟?!")
# The kinds of line a read-also article's title can stand on.
_TITLE_KINDS = frozenset({None, "read_also"})
# The colons a credit's lead-in ends with (see :func:`arnews.detectors.bylines.read_credit`).
_COLONS = frozenset(":：")
_LETTERS: regex.Pattern[str] = lazy("regex", r"\p{L}{2,}")
# A word's stem: without the clitics it may carry (conjunction, preposition, the article),
# of three letters or more.
_STEM_FORM = r"(?<![{0}])(?:[وف]?(?:[بكل]?ال|لل|[بكل]))?([{0}]{{3,}})"
_STEM: regex.Pattern[str] = lazy("regex", _STEM_FORM.format(r"\p{L}\p{M}"))
# The same pattern for the standard engine (a third of the cost a call), on a text of the
# characters a headline is written in (Latin, Arabic, general punctuation, Arabic
# presentation forms): its class is those of them that ``regex`` reads as letters or marks,
# so on such a text the two patterns read every character alike. Another text (an emoji, a
# character of another block) is read by ``regex``.
_PLAIN_RANGES = ((0x0, 0x7FF), (0x2000, 0x206F), (0xFB50, 0xFEFE))
_NOT_PLAIN: re.Pattern[str] = lazy(
    re, "[^" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in _PLAIN_RANGES) + "]"
)


@functools.cache
def _plain_stem() -> re.Pattern[str]:
    """:data:`_STEM` for the standard engine, for a text :data:`_NOT_PLAIN` finds nothing in."""
    chars = "".join(chr(c) for a, b in _PLAIN_RANGES for c in range(a, b + 1))
    # The letters as runs of consecutive code points: a class of some sixty ranges
    # compiles in a tenth of the time of one listing each of its 3,000 characters.
    import regex  # (the pattern engine is imported when first needed: see arnews._lazy)

    runs: list[list[int]] = []
    for code in map(ord, regex.findall(r"[\p{L}\p{M}]", chars)):
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return re.compile(_STEM_FORM.format("".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in runs)))


def detect_titles(state: PageState) -> None:
    """Claim the title of each read-also article."""
    if state.n_articles == 1:
        return  # no read-also article: nothing to do, whatever the page's length
    kinds, articles, rests, ends = state.kind, state.article, state.rest, state.ends
    # The lines that can hold a title: open text no detector classified, and open read-also
    # markers (an inline title), in one C-level pass over the page. An article's lines may
    # be interleaved with those of the articles a headline list opened, so each article is
    # settled by its first such line, found in C-level passes (a chain of fifty thousand
    # articles has as many).
    if _TITLE_KINDS.issuperset(kinds):
        # Every line is of a kind a title stands on (a chain's markers, headlines and body
        # lines): the set of the kinds, one C-level pass that hashes each (one of a few
        # objects), tells so, and the open lines are all that is left to select.
        lines = list(compress(count(), map(lt, rests, ends)))
    else:
        wanted = map(_TITLE_KINDS.__contains__, kinds)
        lines = list(compress(count(), map(and_, map(lt, rests, ends), wanted)))
    # Read backwards, the last line kept for an article is its first.
    firsts = dict(zip(map(articles.__getitem__, reversed(lines)), reversed(lines), strict=True))
    firsts.pop(MAIN, None)
    lines = sorted(firsts.values())
    line_kinds = list(map(kinds.__getitem__, lines))
    at = list(map(rests.__getitem__, lines))
    if line_kinds.count(None) == len(line_kinds) and at == list(
        map(state.starts.__getitem__, lines)
    ):
        # Open lines no detector touched (a chain's headlines): their text is the line's,
        # with no slice to cut, and none is a marker's line.
        rest_texts = list(map(state.texts.__getitem__, lines))
        inline = None
    else:
        rest_texts = list(map(state.text.__getitem__, map(slice, at, map(ends.__getitem__, lines))))
        inline = map(eq, line_kinds, repeat("read_also"))
    # An open line is its article's title when short: each distinct text is counted once.
    short = {t: word_count(t, limit=MAX_TITLE_WORDS) <= MAX_TITLE_WORDS for t in set(rest_texts)}
    if inline is None:
        titles = list(compress(lines, map(short.__getitem__, rest_texts)))
        state.claim_lines(titles, "title")
        any(map(setitem, repeat(kinds), titles, repeat("title")))  # (see below)
        return
    titles = list(compress(lines, map(or_, inline, map(short.__getitem__, rest_texts))))
    state.claim_lines(titles, "title")
    # The open lines taken become titles (a marker's line stays a marker), set in one
    # C-level pass: ``operator.setitem`` returns None, so ``any`` runs it over them all
    # (its arguments passed on the stack, where a bound ``__setitem__`` makes a tuple a call).
    fresh = compress(titles, map(is_, map(kinds.__getitem__, titles), repeat(None)))
    any(map(setitem, repeat(kinds), fresh, repeat("title")))


def _content_keys(state: PageState, text: str, *, folded: bool = True) -> set[str]:
    """The content words of ``text`` (folded unless ``folded=False``), without clitics, of a
    few letters or more."""
    # One C-level pass: each word's stem after its clitics (the longest clitic that leaves
    # enough letters), less the function words.
    if folded:
        text = fold(text)
    find = _STEM.findall if _NOT_PLAIN.search(text) else _plain_stem().findall
    stems = set(find(text))
    return stems - state.lexicon.credit_words("not_names")


@functools.lru_cache(maxsize=8)
def _openers(phrases: frozenset[str]) -> frozenset[str]:
    """The first words of ``phrases``: a text opens with none of them unless its first word
    is one."""
    return frozenset(words[0] for p in phrases if (words := p.split()))


def _headline_shape(state: PageState, line: str) -> bool:
    """Tell whether ``line`` reads as a headline (short, unpunctuated, one phrase)."""
    n = word_count(line, limit=MAX_HEADLINE_WORDS)
    if not MIN_HEADLINE_WORDS <= n <= MAX_HEADLINE_WORDS:
        return False
    if ends_sentence(line):
        stripped = line.rstrip(" \t\xa0\"'”’»›)]}")
        if stripped[-1:] not in _QUESTION or n > MAX_QUESTION_WORDS:
            return False
    if has_inner_sentence_end(line) or opens_with_clause_word(line):
        return False
    # An editor's note opens with one of the lexicon's note phrases (of a few words).
    notes = state.lexicon.credit_words("notes")
    # The folded line's first word is the line's first word folded (a word's fold, kept
    # for the words that recur, where the line's is not), unless that folds to nothing:
    # the fold makes white space of white space alone, and keeps it (see the tests).
    # Most lines open with no note's first word, and are not folded whole.
    head = line.split(None, 1)
    if head and (first := fold(head[0])) and first not in _openers(notes):
        return True
    words = fold(line).split(None, 4)
    if not words or words[0] not in _openers(notes):
        return True
    return not any(" ".join(words[:n]) in notes for n in range(1, min(len(words), 4) + 1))


def _is_body(line: str) -> bool:
    return ends_sentence(line) or word_count(line, limit=MIN_BODY_WORDS) >= MIN_BODY_WORDS


def _whole_line_lead(state: PageState, i: int) -> bool:
    """Tell whether open line ``i`` is a credit or a dateline alone on its line."""
    start, end = state.rest[i], state.ends[i]
    if end - start > MAX_LEAD_CHARS:
        return False  # a paragraph
    # A credit takes the whole line only when the line is short enough to be read whole as
    # one, or when it ends with the colon after a lead-in (`read_credit` reads a longer line
    # up to a colon near its start): most body lines are neither, and are not read.
    text = state.text
    if (
        text[end - 1] in _COLONS
        or word_count(text[start:end], limit=MAX_CREDIT_WORDS) <= MAX_CREDIT_WORDS
    ):
        credit = read_credit(state, i)
        if credit is not None and credit[0] >= end:
            return True
    return dateline_fills_line(state, i)


def _is_kicker(line: str) -> bool:
    """A label above the headline: a few words ending with a colon (``تقرير فلسطيني:``), or
    a line of at most one word of letters (``2012-06-19 (رياضة)``: a date and a section)."""
    words = line.split(None, MAX_KICKER_WORDS + 1)
    if len(words) > MAX_KICKER_WORDS:
        return False
    if line.rstrip(" \t\xa0").endswith((":", "：")):
        return True
    # Two words of letters alone (most headlines) tell so without a pattern: ``isalpha`` is
    # the pattern's ``\p{L}``.
    if sum(map(str.isalpha, compress(words, map(lt, repeat(1), map(len, words))))) > 1:
        return False
    # At most one word of letters: a second is looked for after the first, no further (a
    # megabyte of glued sentences is one "word" of many).
    word = _LETTERS.search(line)
    return word is None or _LETTERS.search(line, word.end()) is None


def _changes(
    texts: list[str], rests: list[int], starts: list[int], i: int, line: str
) -> Iterator[int]:
    """The lines from ``i`` on that are not ``line`` untouched, in order (lazily)."""
    other = map(ne, islice(texts, i, None), repeat(line))
    touched = map(ne, islice(rests, i, None), islice(starts, i, None))
    return compress(count(i), map(or_, other, touched))


def _runs_to_end(texts: list[str], rests: list[int], starts: list[int], i: int, line: str) -> bool:
    """Tell whether every line from ``i`` on is ``line`` untouched, as :func:`_changes` finds
    none: the copies of ``line`` from ``i`` on counted (a comparison of equal texts, at C
    speed), where the walk to the first change compares each line's text and start in a
    chain of maps (some four times the cost a line)."""
    return texts[i:].count(line) == len(texts) - i and rests[i:] == starts[i:]


def _next_open(lines: Iterator[int], rests: list[int], ends: list[int]) -> int:
    """The next of ``lines`` with unclaimed text, or -1."""
    for i in lines:
        if rests[i] < ends[i]:
            return i
    return -1


def detect_main_title(state: PageState) -> None:
    """Claim the main article's headline when the page opens with one."""
    kinds, articles, rests, starts, ends = (
        state.kind,
        state.article,
        state.rest,
        state.starts,
        state.ends,
    )
    open_lines = compress(count(), map(is_, kinds, repeat(None)))
    first = _next_open(open_lines, rests, ends)
    if first < 0 or articles[first] != MAIN or rests[first] != starts[first]:
        return
    if _is_kicker(state.texts[first]):
        # The headline is below its label; the label stays in the body.
        first = _next_open(open_lines, rests, ends)
        if first < 0 or articles[first] != MAIN or rests[first] != starts[first]:
            return
    line = state.texts[first]
    if not _headline_shape(state, line):
        return
    # The headline's fold, worked out when a line below is compared with it (most pages
    # compare none).
    key: str | None = None
    repeats: list[int] = []
    # Lines between the headline and the body (a subtitle, a credit, a dateline of its own
    # line, a ticker) and the body's first lines: the headline must share a word with them.
    between: list[str] = []
    menu_items = 0
    body: list[str] = []
    size = 0
    texts = state.texts
    for i in open_lines:
        if articles[i] != MAIN or rests[i] >= ends[i]:
            continue
        if not body and rests[i] == starts[i] and texts[i] == line:
            # The headline again, word for word, and maybe many times over (a page of one
            # line repeated): the run of such lines is found and taken at C speed.
            if _runs_to_end(texts, rests, starts, i, line):
                # The run ends the page (a page of one line repeated): no body line comes
                # below, so there is no headline; its lines are not taken or passed over.
                return
            upto = next(_changes(texts, rests, starts, i, line), len(texts))
            wanted = map(
                and_,
                map(is_, islice(kinds, i, upto), repeat(None)),
                map(eq, islice(articles, i, upto), repeat(MAIN)),
            )
            repeats.extend(compress(range(i, upto), wanted))
            # The walk goes on after the run: its open lines are passed over at C speed.
            passed = kinds[i + 1 : upto].count(None)
            next(islice(open_lines, passed, passed), None)
            continue
        text = state.text[rests[i] : ends[i]]
        if not body:
            if len(text) <= 2 * len(line):
                if key is None:
                    key = fold(line)
                if fold(text) == key:
                    repeats.append(i)  # the headline again, below a ticker
                    continue
            # A credit or a dateline alone on its line (``بقلم/ خالص جلبي:``, which ends like a
            # sentence) is the body's lead-in; other short lines are a subtitle, a label, a
            # ticker, or, two of a few words, a menu or a list.
            # (Whether the line is such a lead-in is asked only where the answer counts: of a
            # line that reads as body, and of a short line, which is a menu item unless so.)
            body_like = _is_body(text)  # (which asks ends_sentence first)
            lead = body_like and _whole_line_lead(state, i)
            if lead or not body_like:
                if len(between) >= MAX_BETWEEN:
                    return
                between.append(text[:BODY_CHARS])
                if (
                    not lead
                    and word_count(text, limit=MAX_MENU_WORDS + 1) <= MAX_MENU_WORDS
                    and not _whole_line_lead(state, i)
                ):
                    menu_items += 1
                    if menu_items > 1:
                        return
                continue
        body.append(text[: BODY_CHARS - size])
        size += len(body[-1])
        if len(body) >= BODY_LINES or size >= BODY_CHARS:
            break
    if not body:
        return
    # A content word of the headline, stripped of its clitics, found in the text below it:
    # one C-level search per word, in whatever form the body inflects it; as written first,
    # then folded (the fold of a long text costs more than the searches).
    parts = (*between, *body)
    below = " ".join(parts)
    if not any(map(below.__contains__, _content_keys(state, line, folded=False))):
        # A word (no white space in it) found in the folded text lies inside one line's
        # fold: the lines are folded one by one, and only until one holds a word.
        keys = (
            _content_keys(state, line) if key is None else _content_keys(state, key, folded=False)
        )
        if not keys or not any(any(map(fold(part).__contains__, keys)) for part in parts):
            return
    if _whole_line_lead(state, first):
        return  # ``عمّان-بترا``, ``بقلم: …``: the body's lead-in, not its headline
    for i in (first, *repeats):
        state.claim_rest(i, "title")
        kinds[i] = "title"
