"""The parse state: one object that the detectors read and claim spans on.

A :class:`PageState` lives for one call of :meth:`arnews.Parser.parse` and is never shared,
which is what keeps parsing pure and safe to run in many threads or processes. Detectors
read its lines, claim stretches of them as :data:`Piece` tuples, and move each line's
``rest`` offset past what they claimed; the builder turns the pieces into an
:class:`~arnews.model.Article` at the end.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from itertools import compress, islice, repeat
from operator import eq, is_, lt, setitem
from typing import TYPE_CHECKING, Any, Final

from .keys import KeySet, find_keys, holds_key
from .lines import BLANK_SET, Columns, LineView, blank_before, scan_columns, trim_blanks
from .model import Diagnostic, Span
from .runs import Run

if TYPE_CHECKING:
    from .gazetteer import Gazetteer
    from .lexicon import Lexicon
    from .tags import TagLexicon

__all__ = [
    "ARTICLE",
    "END",
    "KIND",
    "LINE",
    "MAIN",
    "NAME",
    "START",
    "VALUE",
    "KeySet",
    "LineView",
    "PageState",
    "Piece",
    "Run",
    "find_keys",
    "holds_key",
]


# ``PageState.lines_of`` selects in one pass once more than one line in this many is wanted.
_DENSE = 16
# ... and, on a page of more lines than this, selects in one pass when this many kinds or
# more are asked for, without counting each first.
_LONG_PAGE = 1024
_MANY_KINDS = 4
# ``PageState.claim_lines`` claims more lines than this in C-level passes.
_FEW_CLAIMS = 16
_NONES = repeat(None)

#: Article index of the page's main article; what belongs to the page as a whole (similar
#: lists, read-also markers) goes to it too.
MAIN = 0


#: A claimed stretch of the input: ``(line, kind, start, end, article, name, value)``, read
#: with the index constants below. ``kind`` is a :class:`~arnews.model.Part` kind
#: (``paragraph``, ``marker``, ``source`` …); ``value`` carries what the builder needs beyond
#: the text (a parsed date, a dateline's place and agency). ``article`` is ``None`` until
#: known: the builder then takes the article of the piece's ``line``, so detectors that run
#: before the regions are drawn can still claim.
#:
#: A plain tuple, not a named one, on purpose: the garbage collector stops tracking an exact
#: tuple of plain values after its first pass, but never a tuple subclass. A page of a
#: quarter of a million pieces otherwise pays for them in every full collection.
Piece = tuple[int, str, int, int, int | None, str | None, Any]

#: Positions of a :data:`Piece`'s fields.
LINE: Final = 0
KIND: Final = 1
START: Final = 2
END: Final = 3
ARTICLE: Final = 4
NAME: Final = 5
VALUE: Final = 6


class PageState:
    """Everything one parse knows so far.

    Lines are held as parallel lists, one item per non-blank line (see
    :func:`arnews.lines.scan_columns`), so that a detector can skip the lines it has no
    business with without touching them.

    Attributes:
        text: the input, unchanged.
        starts, ends, texts: per line, where its trimmed content starts and ends in
            ``text``, and that content.
        firsts: per line, its first character (``texts[i][0]``): the marker and furniture
            detectors rule lines out by it.
        lines: the same lines as :class:`~arnews.lines.Line` records (made on access).
        lexicon: marker words and boilerplate phrases.
        gazetteer: places, agencies and other known names.
        tag_lexicon: known tag phrases for the keyword segmenter, if any.
        now: the moment relative stamps (``منذ 3 ساعات``) are read against, if given.
        kind: per line, what a detector found the line to be (``None`` = not yet known).
        article: per line, the index of the article it belongs to (0 = main).
        rest: per line, where its unclaimed content starts (``ends[i]`` when all is claimed).
        pieces: the claimed pieces, in the order claimed.
        runs: claims made in bulk (each a :class:`~arnews.runs.Run`), in the order claimed:
            the builder reads them beside ``pieces``; :meth:`unpack_runs` makes them pieces.
        whole: lines claimed whole as one paragraph each, in input order (kept apart from
            ``pieces`` so that a page of half a million lines costs no object per line).
        cut_lines, cut_starts, cut_ends: paragraphs cut out of lines in bulk (sentences glued
            together with no space), as parallel lists in input order.
        warnings: diagnostics gathered so far.
        n_articles: how many articles the page holds (main + read-also).
        similar_keys: folded texts of the page's similar headlines, for other detectors to
            compare lines against (a :class:`KeySet`: :func:`find_keys` and
            :func:`holds_key` search a line for all of them in time linear in the line).
        memo: per detector function, answers it worked out for this page, keyed by the
            text they depend on (pages repeat lines; each is judged once a page).
    """

    # Slotted: a page's state is made once and read by every detector; a fixed layout costs
    # less to fill than an instance dict.
    __slots__ = (
        "_lines",
        "article",
        "columns",
        "cut_ends",
        "cut_lines",
        "cut_starts",
        "ends",
        "firsts",
        "gazetteer",
        "kind",
        "lexicon",
        "memo",
        "n_articles",
        "now",
        "pieces",
        "rest",
        "runs",
        "similar_keys",
        "starts",
        "tag_lexicon",
        "text",
        "texts",
        "warnings",
        "whole",
    )

    def __init__(
        self,
        text: str,
        columns: Columns,
        lexicon: Lexicon,
        gazetteer: Gazetteer,
        tag_lexicon: TagLexicon | None,
        now: datetime | None = None,
        *,
        firsts: list[str] | None = None,
    ) -> None:
        self.text = text
        self.columns = columns
        self.starts, self.ends, self.texts = columns
        # The scanner hands them over when it has them (see ``arnews.lines.scan_heads``).
        self.firsts: list[str] = (
            list(map(text.__getitem__, self.starts)) if firsts is None else firsts
        )
        self._lines: LineView | None = None
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        self.tag_lexicon = tag_lexicon
        self.now = now
        n = len(self.starts)
        self.kind: list[str | None] = [None] * n
        self.article: list[int] = [MAIN] * n
        self.rest: list[int] = self.starts.copy()
        self.pieces: list[Piece] = []
        self.runs: list[Run] = []
        self.whole: list[int] = []
        self.cut_lines: list[int] = []
        self.cut_starts: list[int] = []
        self.cut_ends: list[int] = []
        self.warnings: list[Diagnostic] = []
        self.n_articles = 1
        self.similar_keys: KeySet = KeySet()
        self.memo: dict[Any, dict[Any, Any]] = {}

    @classmethod
    def of(cls, text: str, **kw: Any) -> PageState:
        """A fresh state for ``text`` with the default lexicon and gazetteer (for tests).

        Example:
            >>> PageState.of("أ\\nب").texts
            ['أ', 'ب']
        """
        from .gazetteer import DEFAULT_GAZETTEER
        from .lexicon import Lexicon

        return cls(
            text,
            scan_columns(text),
            kw.get("lexicon") or Lexicon.default(),
            kw.get("gazetteer") or DEFAULT_GAZETTEER,
            kw.get("tag_lexicon"),
            kw.get("now"),
        )

    @property
    def lines(self) -> LineView:
        """The page's lines as :class:`~arnews.lines.Line` records (the view is made on first
        access; no detector of the default chain asks for it).

        Example:
            >>> PageState.of("أ\\nب").lines[1].text
            'ب'
        """
        view = self._lines
        if view is None:
            view = self._lines = LineView(self.text, self.columns)
        return view

    def blank_before(self, i: int) -> bool:
        """Tell whether a blank line (or the start of the input) comes before line ``i``."""
        return blank_before(self.text, self.columns, i)

    def untouched(self) -> bool:
        """Tell whether no detector has classified or claimed any line yet.

        Two C-level calls; lets a detector skip its per-line selection on a page of plain
        text (as many pages are, and as a page of half a million lines may be).

        Example:
            >>> PageState.of("أ\\nب").untouched()
            True
        """
        return self.kind.count(None) == len(self.kind) and self.rest == self.starts

    def lines_of(self, *kinds: str | None) -> list[int]:
        """The indices of the lines whose ``kind`` is one of ``kinds``, in order.

        Runs at C speed (``list.index``), so a detector that acts on a few marker lines
        costs next to nothing on a page of many plain lines.

        Example:
            >>> state = PageState.of("أ\\nب")
            >>> state.kind[1] = "source"
            >>> state.lines_of("source")
            [1]
        """
        if len(kinds) == 1 and kinds[0] is None and len(self.kind) > _LONG_PAGE:
            return self._unclassified()
        return self._select(kinds)

    def _select(self, kinds: tuple[str | None, ...]) -> list[int]:
        """The indices of the lines whose ``kind`` is one of ``kinds`` (:meth:`lines_of`
        without its memo)."""
        kind = self.kind
        if len(kinds) == 1:
            # One kind (most callers): its count alone, with no list of counts made.
            one = kinds[0]
            found_count = kind.count(one)
            if not found_count:
                return []
            if found_count == 1:
                return [kind.index(one)]
            counts = [found_count]
        elif len(kinds) >= _MANY_KINDS and len(kind) > _LONG_PAGE:
            # Many kinds on a long page: one selecting pass costs less than a count a kind.
            return list(compress(range(len(kind)), map(frozenset(kinds).__contains__, kind)))
        else:
            # Counting is one C-level pass per kind, and most kinds are on no line of a
            # page. Few lines found: each is reached by ``list.index``, which skips the
            # others at C speed (the counts say how many to fetch, so no search runs off
            # the end). Many (a chain of fifty thousand read-also markers, every open line
            # of a page): one C-level pass that selects them all, in order, costs less than
            # a Python step for each.
            counts = list(map(kind.count, kinds))
            found_count = sum(counts)
            if not found_count:
                return []
        if found_count > len(kind) // _DENSE and len(set(kinds)) == len(kinds):
            if found_count == len(kind):  # every line (the open lines of a plain page)
                return list(range(found_count))
            if len(kinds) == 1:
                # ``is`` for ``None`` (a page's open lines): no comparison protocol a line.
                same = is_ if kinds[0] is None else eq
                return list(compress(range(len(kind)), map(same, kind, repeat(kinds[0]))))
            wanted = set(kinds)
            return list(compress(range(len(kind)), map(wanted.__contains__, kind)))
        found: list[int] = []
        for k, c in zip(kinds, counts, strict=True):
            i = -1
            for _ in range(c):
                i = kind.index(k, i + 1)
                found.append(i)
        if len(kinds) > 1:
            found.sort()
        return found

    def _unclassified(self) -> list[int]:
        """``lines_of(None)`` on a long page, kept for the next caller while no line's kind
        changed (the credit and dateline detectors both ask on a page of a chain, and
        most such pages classify nothing between them): one comparison of the kinds with
        those it was worked out for, identical objects a line, costs a fraction of the
        pass that selects the lines anew. Each caller gets a list of its own."""
        kept = self.memo.get(PageState._unclassified)
        if kept is not None and kept.get(0) == self.kind:
            return list(kept[1])
        found = self._select((None,))
        self.memo[PageState._unclassified] = {0: self.kind.copy(), 1: found}
        return list(found)

    def article_starts(self) -> list[int]:
        """The first line of each article, by article index (``-1`` when it has none).

        Read-also articles are numbered in the order their first lines come, so each is found
        with one C-level ``list.index`` from where the one before started; the main article's
        lines may come before, between or after them.

        Example:
            >>> state = PageState.of("أ\\nب")
            >>> state.article_starts()
            [0]
        """
        out = [-1] * self.n_articles
        articles = self.article
        pos = 0
        for a in range(self.n_articles):
            try:
                found = articles.index(a, 0 if a == MAIN else pos)
            except ValueError:
                continue
            out[a] = found
            if a != MAIN:
                pos = found
        return out

    def claim(
        self,
        line: int,
        kind: str,
        start: int,
        end: int,
        *,
        article: int | None = None,
        name: str | None = None,
        value: Any = None,
    ) -> Span | None:
        """Record a piece of line ``line``, trimmed of blanks at both ends.

        Returns the trimmed ``(start, end)`` claimed, or ``None`` (and records nothing)
        when only blanks remain.
        """
        text = self.text
        # Most claims start and end on content already: two looks instead of a trim call.
        if start >= end or text[start] in BLANK_SET or text[end - 1] in BLANK_SET:
            span = trim_blanks(text, start, end)
            if span is None:
                return None
            start, end = span
        self.pieces.append((line, kind, start, end, article, name, value))
        return start, end

    def claim_rest(
        self,
        i: int,
        kind: str,
        end: int | None = None,
        *,
        article: int | None = None,
        name: str | None = None,
        value: Any = None,
    ) -> Span | None:
        """Claim line ``i`` from its ``rest`` up to ``end`` (default: the line's end).

        Returns the trimmed span claimed, as :meth:`claim` does.

        Example:
            >>> state = PageState.of("أب جد")
            >>> state.claim_rest(0, "title", 3), state.rest
            ((0, 2), [3])
        """
        rest = self.rest
        start = rest[i]
        stop = self.ends[i] if end is None else end
        if stop > start:
            rest[i] = stop
        return self.claim(i, kind, start, stop, article=article, name=name, value=value)

    def claim_lines(self, lines: Iterable[int], kind: str) -> None:
        """Claim each of ``lines`` from its ``rest`` to its end, in order: what
        :meth:`claim_rest` does for each, without its steps for a line no detector has
        touched (its content is trimmed already), of which a page may have many.

        Example:
            >>> state = PageState.of("أ\\nب")
            >>> state.claim_lines([0, 1], "title")
            >>> [p[2:4] for p in state.pieces], state.rest
            ([(0, 1), (2, 3)], [1, 3])
        """
        starts, ends, rest, pieces = self.starts, self.ends, self.rest, self.pieces
        wanted = lines if isinstance(lines, list) else list(lines)
        if len(wanted) > _FEW_CLAIMS:
            # Many lines (the titles of a chain of fifty thousand read-also articles): where
            # none was touched and none comes twice (in increasing order, which one C-level
            # pass tells), they are claimed in C-level passes, with no Python step a line.
            at = list(map(starts.__getitem__, wanted))
            if list(map(rest.__getitem__, wanted)) == at and all(
                map(lt, wanted, islice(wanted, 1, None))
            ):
                stops = list(map(ends.__getitem__, wanted))
                pieces.extend(zip(wanted, repeat(kind), at, stops, _NONES, _NONES, _NONES))
                any(map(setitem, repeat(rest), wanted, stops))  # (``setitem`` returns None)
                return
        for i in wanted:
            if rest[i] == starts[i]:
                pieces.append((i, kind, starts[i], ends[i], None, None, None))
                rest[i] = ends[i]
            else:
                self.claim_rest(i, kind)

    def claim_run(self, run: Run) -> None:
        """Record many claims at once, as a :class:`~arnews.runs.Run`; the caller moves the
        lines' ``rest`` and ``kind`` itself (it knows how to in one pass).

        Example:
            >>> state = PageState.of("• أب")
            >>> kinds, names = ["marker", "similar"], ["bullet", None]
            >>> items = ("similar", [2], [4], ["أب"])
            >>> state.claim_run(Run(0, [0, 0], kinds, [0, 2], [1, 4], names, *items))
            >>> state.unpack_runs(); [p[1:6] for p in state.pieces]
            [('marker', 0, 1, 0, 'bullet'), ('similar', 2, 4, 0, None)]
        """
        self.runs.append(run)

    def unpack_runs(self) -> None:
        """Make the runs' rows pieces (after those claimed so far) and drop the runs: what
        the builder does where it needs pieces (a page of several articles)."""
        for run in self.runs:
            self.pieces.extend(run.pieces())
        self.runs.clear()

    def article_of(self, piece: Piece) -> int:
        """The article a piece belongs to."""
        article = piece[ARTICLE]
        return self.article[piece[LINE]] if article is None else article

    def rest_text(self, i: int) -> str:
        """The unclaimed text of line ``i``."""
        return self.text[self.rest[i] : self.ends[i]]

    def is_open(self, i: int) -> bool:
        """Tell whether line ``i`` still has unclaimed content."""
        return self.rest[i] < self.ends[i]

    def warn(
        self, code: str, message: str, start: int | None = None, end: int | None = None
    ) -> None:
        """Record a diagnostic."""
        self.warnings.append(Diagnostic(code, message, start, end))
