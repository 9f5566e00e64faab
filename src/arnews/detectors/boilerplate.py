"""Site furniture: app promos, share and save prompts, tickers, credits, banners, menus, URLs.

The phrases are data (``boilerplate``, ``boilerplate_lines``, ``boilerplate_inside``,
``tickers`` and ``navigation`` in ``arnews/data/lexicon.json``); the shapes are the few rules
below. Each furniture line is claimed as ``boilerplate``; nothing is dropped silently.

**Phrase lines**: a whole line the lexicon lists (``طباعة``, ``شارك``, ``Getty Images``), or a
line that starts with a furniture phrase and adds at most a few words (an app's name, a
photo agency); a phrase marked ``*`` in the lexicon takes its whole line (a cookie banner)::

    تابع أحدث الأخبار عبر تطبيق                      → boilerplate
    الصورة: رويترز                                    → boilerplate
    نستخدم ملفات تعريف الارتباط لتحسين تجربتك …       → boilerplate
    طباعة الكتب في مصر تراجعت كثيرا                  → body (the phrase is not furniture here)

**Credits and copyright anywhere in a short line** (``©``, ``جميع الحقوق محفوظة``,
``Getty Images``, ``اضغط هنا``): a line of at most a dozen words that holds one, and does
not open like a clause of running text (``وأكد أن …``)::

    © 2025 سكاي نيوز عربية. جميع الحقوق محفوظة       → boilerplate
    لمتابعة المباشر على الحواسيب اللوحية، اضغط هنا   → boilerplate

**Tickers**: ``عاجل:``, ``عاجل |``, ``شريط الأخبار`` followed by a headline (short, no
sentence end), or alone. Followed by a sentence, it is the body's (when in doubt, kept)::

    عاجل: الرئيس يصل إلى القاهرة                      → boilerplate
    عاجل: أعلنت وزارة الداخلية … في بيان اليوم.       → body

**Filing times**: a line that is only a clock time and its time zone, as wire services close
a story (the Saudi Press Agency's ``14:12 ت م``, after ``// انتهى //``).

**Bare URLs** (an embedded video or post): ``https://…``, ``www.…`` alone on a line, unless
the line before announces it (``… على الرابط:``): then the sentence gives the link, and it
stays.

**Navigation menus**, only at the top of the page (before its first line of running text):
one line of section names split by ``|``, ``»``, ``›`` or ``>`` (``الرئيسية | أخبار |
رياضة``; by ``/`` or ``-`` when most items are section names), or a run of at least four
lines of one to three words that holds section names (``الرئيسية``, ``سياسة``, ``رياضة`` …).
The run is claimed from its first section name to its last; a list the article itself sets
further down (``1- محمد صلاح``) is body.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from itertools import compress, count, repeat
from operator import ge, is_not, itemgetter
from re import Pattern
from typing import TYPE_CHECKING

from .._lazy import lazy
from ..dates import is_clock_line
from ..lexicon.loose import line_candidates
from ..lexicon.patterns import furniture_phrases
from ..normalize import fold_chars
from ..state import PageState
from ..text import ends_sentence, has_inner_sentence_end, opens_with_clause_word, word_count
from .tables import FurnitureHeads, InsideGroups, furniture_heads, inside_words, per_object

if TYPE_CHECKING:
    import regex

    from ..lexicon import Lexicon

__all__ = ["detect_boilerplate"]

# Furniture is short; a long line that happens to start with a promo phrase is body text
# (a banner phrase marked `*` may run to a few sentences).
MAX_CHARS = 400
# A ticker's headline, and a line that holds a credit or a copyright notice, are this short.
MAX_TICKER_WORDS = 16
MAX_INSIDE_WORDS = 12
MAX_INSIDE_CHARS = 160
# The top of a page: up to its first line of running text, and no further than this.
MAX_HEAD_LINES = 80
RUNNING_WORDS = 12
# A page of at most this many lines is gone over line by line as it comes: it repeats too
# few lines for leaving the repeats out (hashing every line) to pay.
SMALL_PAGE = 64
# A menu item is one to three words; a menu run is at least this many lines, with at least
# this many (and at least a third) known section names.
MAX_ITEM_WORDS = 3
MIN_RUN = 4
MIN_KNOWN = 2
MIN_SEGMENTS = 3
MAX_MENU_CHARS = 300
# Sentence punctuation that no menu item holds (see _NOT_ITEM; the ellipsis it may): a line
# that ends with one ends a sentence (``ends_sentence``).
_SENTENCE_ENDS = frozenset(".!?؟:؛")

_URL: regex.Pattern[str] = lazy("regex", r"(?i)(?:https?://|www\.|pic\.twitter\.com/)\S+")
_URL_HEADS = frozenset("hHwWpP")
_FIRST = itemgetter(0)
# ASCII, Arabic-Indic and Persian digits.
_DIGITS = frozenset(map(chr, (*range(0x30, 0x3A), *range(0x660, 0x66A), *range(0x6F0, 0x6FA))))
MAX_CLOCK_CHARS = 40
_ANNOUNCERS = (":", "：", "﹕")
_TRAILERS = " \t\u200f\u200e"
# A menu's items are split at these characters and trimmed of the white space next to them
# (see _items): a pattern that opens with white space (``\s*[|»›>]\s*``) would be tried at
# every character of the line, one that opens with the characters skips to them.
_MENU_SEPARATORS: re.Pattern[str] = lazy(re, r"[|»›>]")
# Slashes and dashes also split datelines and headlines (`بغداد/ شبكة أخبار العراق`): a line
# split by them is a menu only when most of its items are section names.
_WEAK_SEPARATORS: re.Pattern[str] = lazy(re, r"[/\-\u2013\u2014]")
# White space as ``regex`` reads ``\s`` (Unicode's White_Space: unlike ``str.isspace``,
# not U+001C to U+001F), which the items were once split with.
_WHITE_SPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# Each pattern, the characters it splits at, and the share of section names it needs.
_SPLITS = ((_MENU_SEPARATORS, "|»›>", 0.0), (_WEAK_SEPARATORS, "/-\u2013\u2014", 0.5))
# A menu item has no digit, no sentence punctuation and no colon (a byline, a date, a
# dateline or a subheading has).
_NOT_ITEM: regex.Pattern[str] = lazy("regex", r"[\p{N}.!?؟:؛،,()\"«»]")


def detect_boilerplate(state: PageState) -> None:
    """Classify and claim furniture lines.

    Example:
        >>> state = PageState.of("نص الخبر.\\nطباعة")
        >>> detect_boilerplate(state)
        >>> state.kind
        [None, 'boilerplate']
    """
    # Pages repeat their lines (furniture does; a hostile page may be nothing else): each
    # kind of furniture is judged on the distinct lines that C-level passes over the page's
    # first characters let through, and a page's lines are gone over (in a C-level pass)
    # only for a kind some distinct line is. A kind no line can open like (a link, a clock
    # time) costs one test of the page's first characters.
    tables, candidates = per_object(state.lexicon, _tables)
    # A large page's distinct lines, gathered once for the two passes that judge each of
    # them once (see SMALL_PAGE); neither depends on their order. Their first characters
    # are the page's, for the tests below (each a pass over a list of every line's).
    texts = state.texts
    distinct = None if len(texts) <= SMALL_PAGE else set(texts)
    firsts = state.firsts if distinct is None else set(map(_FIRST, distinct))
    _phrase_lines(state, tables, candidates, distinct)
    _inside_lines(state, distinct)
    if not _URL_HEADS.isdisjoint(firsts):
        _url_lines(state)
    if not _DIGITS.isdisjoint(firsts):
        _clock_lines(state)
    _navigation(state, tables.bullets)


def _tables(lexicon: Lexicon) -> tuple[FurnitureHeads, Pattern[str]]:
    return furniture_heads(lexicon), line_candidates(
        tuple(furniture_phrases(lexicon)), lexicon.tickers
    )


def _claim(state: PageState, i: int) -> None:
    state.kind[i] = "boilerplate"
    state.claim_rest(i, "boilerplate")


def _untouched(state: PageState, i: int) -> bool:
    return state.kind[i] is None and state.rest[i] == state.starts[i]


def _lines_of(state: PageState, found: set[str]) -> Iterator[int]:
    """The indices of the page's lines that are one of ``found``, in order."""
    return compress(count(), map(found.__contains__, state.texts))


def _opening(state: PageState, heads: frozenset[str]) -> set[str]:
    """The distinct lines that open with one of ``heads``."""
    return set(compress(state.texts, map(heads.__contains__, state.firsts)))


def _phrase_lines(
    state: PageState,
    tables: FurnitureHeads,
    candidates: Pattern[str],
    distinct: set[str] | None,
) -> None:
    lexicon = state.lexicon
    kinds = state.kind
    texts = state.texts
    # Only short lines that open as some furniture phrase or ticker opens are judged: one
    # search over the page's lines joined (see line_candidates) gives each line a looser
    # form of the phrases' tree, or the ticker words, can open, and only those (a few a
    # page) are tried, one by one, against the branches of the tree their first character
    # opens and the ticker pattern, then folded and judged.
    # Lines too long to be furniture are left out before the tree is tried: its skips of
    # punctuation backtrack over a run of it, so on a line of a hundred thousand dashes one
    # match would cost the square of its length.
    # Each distinct line once (in C): a page that repeats a line (``:`` half a million
    # times) is searched for it once, not for every copy.
    if distinct is None:
        # A page of a few dozen lines (nearly every page) is searched whole: leaving out
        # its long lines and its repeats (each line hashed, a character at a time) costs
        # more than searching them, which skips from line break to line break in C. What
        # the search finds in a line too long to be furniture is then left out.
        found = set(candidates.findall("\n" + "\n".join(texts)))
        if not found:
            return
        if max(map(len, found)) > MAX_CHARS:
            found = set(compress(found, map(ge, repeat(MAX_CHARS), map(len, found))))
            if not found:
                return
    else:
        # In any order: the search reads each line on its own (no skip crosses a break).
        maybe = compress(distinct, map(ge, repeat(MAX_CHARS), map(len, distinct)))
        found = set(candidates.findall("\n" + "\n".join(maybe)))
        if not found:
            return
    openings = tables.openings
    furniture = set()
    for line in found:
        opening = openings.get(line[0])
        if opening is not None and opening.match(line) is not None and lexicon.is_boilerplate(line):
            furniture.add(line)
    # A ticker is judged only on the lines whose start the ticker pattern matches.
    ticker_heads = tables.ticker_heads
    match = lexicon.ticker_pattern.match
    for line in found:
        if (
            line[0] in ticker_heads
            and line not in furniture
            and match(line) is not None
            and _is_ticker(state, line)
        ):
            furniture.add(line)
    if not furniture:
        return
    for i in _lines_of(state, furniture):
        if kinds[i] is None:
            _claim(state, i)


def _is_ticker(state: PageState, line: str) -> bool:
    end = state.lexicon.match_ticker(line)
    if end is None:
        return False
    headline = line[end:]
    return not headline or (
        word_count(headline, limit=MAX_TICKER_WORDS) <= MAX_TICKER_WORDS
        and not ends_sentence(headline)
        and not has_inner_sentence_end(headline)
    )


def _inside_lines(state: PageState, distinct: set[str] | None) -> None:
    # Only short lines can be a credit or a notice, and only those that hold a mark are
    # looked at in Python: the length test and the search run as C-level passes.
    texts = state.texts
    # Each distinct line once on a large page; a small one's as they come (see SMALL_PAGE).
    lines = texts if distinct is None else distinct
    fit = compress(lines, map(ge, repeat(MAX_INSIDE_CHARS), map(len, lines)))
    # Only a line of a dozen words at most is claimed: the others are not searched (nor
    # folded for the test below, which costs more than counting their words).
    short = list(filter(_few_words, fit))
    # Most pages hold no phrase's words at all: one test over their short lines first.
    if not short or not _may_hold_inside(state.lexicon, "\n".join(short)):
        return
    search = state.lexicon.boilerplate_inside_pattern.search
    marked = set(compress(short, map(is_not, map(search, short), repeat(None))))
    if not marked:
        return
    for i in _lines_of(state, marked):
        if _untouched(state, i) and not opens_with_clause_word(texts[i]):
            _claim(state, i)


def _few_words(line: str) -> bool:
    """``word_count(line) <= MAX_INSIDE_WORDS``, told for most lines by counting spaces.

    A line whose only white space is the plain space (which ``str.isprintable`` says: every
    other white space character is unprintable) has at most one word more than spaces, and,
    with no two spaces together, at least one fewer: only the other lines are split (the
    split makes a string of each word).

    Example:
        >>> _few_words("نص " * 11 + "نص"), _few_words("نص " * 15), _few_words("نص  " * 12)
        (True, False, True)
    """
    spaces = line.count(" ")
    if line.isprintable():
        if spaces < MAX_INSIDE_WORDS:
            return True
        if spaces > MAX_INSIDE_WORDS + 1 and "  " not in line:
            return False
    return len(line.split(None, MAX_INSIDE_WORDS)) <= MAX_INSIDE_WORDS


def _may_hold_inside(lexicon: Lexicon, text: str) -> bool:
    """``lexicon.may_hold_inside(text)``: every word of one of the phrases stands in the
    folded, lower-cased ``text``; the phrases that share their longest word are ruled out
    together, by one substring test, and the text is lower-cased only for the phrases
    in Latin letters, and only when it holds one of their letters (each a search in C for
    a character: most texts hold none, and the hint's pattern need not run)."""
    caseless, cased, hint, letters = inside_words(lexicon)
    key = fold_chars(text)
    if _holds_group(key, caseless):
        return True
    if not cased:
        return False
    if hint is not None and (not any(map(key.__contains__, letters)) or hint.search(key) is None):
        return False
    return _holds_group(key.lower(), cased)


def _holds_group(key: str, groups: InsideGroups) -> bool:
    for longest, others in groups:
        if longest in key:
            for words in others:
                if all(map(key.__contains__, words)):
                    return True
    return False


def _url_lines(state: PageState) -> None:
    texts = state.texts
    maybe = _opening(state, _URL_HEADS)
    urls = set(compress(maybe, map(is_not, map(_URL.fullmatch, maybe), repeat(None))))
    if not urls:
        return
    for i in _lines_of(state, urls):
        # `… على الرابط:` announces the link: it is what the sentence gives, not an embed.
        if not _untouched(state, i) or (
            i > 0 and texts[i - 1].rstrip(_TRAILERS).endswith(_ANNOUNCERS)
        ):
            continue
        _claim(state, i)


def _clock_lines(state: PageState) -> None:
    maybe = _opening(state, _DIGITS)
    clocks = {t for t in maybe if len(t) <= MAX_CLOCK_CHARS and is_clock_line(t)}
    if not clocks:
        return
    for i in _lines_of(state, clocks):
        if _untouched(state, i):
            _claim(state, i)


def _is_item(state: PageState, line: str) -> bool:
    return (
        word_count(line, limit=MAX_ITEM_WORDS) <= MAX_ITEM_WORDS and _NOT_ITEM.search(line) is None
    )


def _bare(state: PageState, line: str) -> str:
    """The line without its leading bullets and white space.

    One match of a character class, not a strip a bullet: a line of a million dashes
    (a bullet) would otherwise be copied once for each.
    """
    lead = _leading(state.lexicon.bullets).match(line)
    return line[lead.end() :] if lead else line


@functools.lru_cache(maxsize=8)
def _leading(bullets: tuple[str, ...]) -> Pattern[str]:
    """A run of white space (as ``str.isspace`` reads it: ``re``'s ``\\s``) and of the
    one-character ``bullets``.

    Example:
        >>> _leading(("•", "-")).match(" • - خبر").end()
        5
    """
    chars = "".join(b for b in bullets if len(b) == 1)
    return re.compile(rf"[\s{re.escape(chars)}]*")


def _close_run(state: PageState, run: list[int], known: list[int]) -> None:
    """Claim a run of short lines that holds enough section names, from its first to its
    last; then start a new run."""
    if len(run) >= MIN_RUN and len(known) >= MIN_KNOWN and 3 * len(known) >= len(run):
        first, last = known[0], known[-1]
        for j in run:
            if first <= j <= last and _untouched(state, j):
                _claim(state, j)
    run.clear()
    known.clear()


def _navigation(state: PageState, bullets: frozenset[str]) -> None:
    lexicon = state.lexicon
    texts, kinds, rests, starts = state.texts, state.kind, state.rest, state.starts
    run: list[int] = []  # the current run of short lines
    known: list[int] = []  # those of them that are section names (or furniture already)
    for i in range(min(len(texts), MAX_HEAD_LINES)):
        line = texts[i]
        kind = kinds[i]
        if kind == "boilerplate":
            if run:
                run.append(i)
                known.append(i)
            continue
        if line[-1] in _SENTENCE_ENDS:
            # Running text, and neither a menu item nor a menu line (its last item would
            # hold the punctuation): the top of the page is over, and the run, if any, is
            # closed below.
            break
        untouched = kind is None and rests[i] == starts[i]
        if untouched:
            # Most lines open with a letter: no bullet to take off.
            head = line[0]
            item = _bare(state, line) if head in bullets or head.isspace() else line
            if item and _is_item(state, item):
                run.append(i)
                if lexicon.is_navigation(item):
                    known.append(i)
                continue
        if run:
            _close_run(state, run, known)
        if untouched and _is_menu_line(state, line):
            _claim(state, i)
            continue
        if ends_sentence(line) or word_count(line, limit=RUNNING_WORDS) >= RUNNING_WORDS:
            break  # the first line of running text: the top of the page is over
    if run:
        _close_run(state, run, known)


def _is_menu_line(state: PageState, line: str) -> bool:
    """One line of section names split by ``|``, ``»``, ``›`` or ``>`` (or, when most items
    are section names, by ``/`` or ``-``)."""
    if len(line) > MAX_MENU_CHARS:
        return False
    for separators, chars, share in _SPLITS:
        # Each split point holds one of the characters: fewer of them than a menu has
        # split points, and the pattern need not run (most lines hold none, or one dash).
        # Whether the line holds one at all is told first, by a search for each (``memchr``
        # over the line's bytes), several times cheaper than counting them (a loop over
        # its characters).
        if not any(map(line.__contains__, chars)) or sum(map(line.count, chars)) < MIN_SEGMENTS - 1:
            continue
        parts = _items(line, separators)
        if len(parts) < MIN_SEGMENTS or not all(_is_item(state, p) for p in parts):
            continue
        known = sum(map(state.lexicon.is_navigation, parts))
        if known and known > share * len(parts):
            return True
    return False


def _items(line: str, separators: re.Pattern[str]) -> list[str]:
    """The non-empty parts of ``line`` between ``separators``, each without the white space
    next to a separator: what splitting at ``\\s*[…]\\s*`` gives, from one pass that skips
    to the separators.

    Example:
        >>> _items("الرئيسية | أخبار ||  رياضة ", _MENU_SEPARATORS)
        ['الرئيسية', 'أخبار', 'رياضة ']
    """
    pieces = separators.split(line)
    last = len(pieces) - 1
    out = []
    for k, piece in enumerate(pieces):
        if k:
            piece = piece.lstrip(_WHITE_SPACE)
        if k < last:
            piece = piece.rstrip(_WHITE_SPACE)
        if piece:
            out.append(piece)
    return out
