"""The parse state: one object that the detectors read and claim spans on.

A :class:`PageState` lives for one call of :meth:`arnews.Parser.parse` and is never shared,
which is what keeps parsing pure and safe to run in many threads or processes. Detectors
read its lines, claim stretches of them as :class:`Piece` records, and move each line's
``rest`` offset past what they claimed; the builder turns the pieces into an
:class:`~arnews.model.Article` at the end.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from .lines import BLANK_SET, Line
from .model import Diagnostic

if TYPE_CHECKING:
    from .gazetteer import Gazetteer
    from .lexicon import Lexicon
    from .tags import TagLexicon

__all__ = ["MAIN", "PageState", "Piece"]

#: Article index of the page's main article; what belongs to the page as a whole (similar
#: lists, read-also markers) goes to it too.
MAIN = 0


class Piece:
    """A claimed stretch of the input: what it is, for which article, and its value.

    ``kind`` is a :class:`~arnews.model.Part` kind (``paragraph``, ``marker``, ``source`` …);
    ``value`` carries what the builder needs beyond the text (a parsed date, a dateline's
    place and agency). ``article`` is ``None`` until known: the builder then takes the
    article of the piece's ``line``, so detectors that run before the regions are drawn can
    still claim.
    """

    __slots__ = ("article", "end", "kind", "line", "name", "start", "value")

    def __init__(
        self,
        line: int,
        kind: str,
        start: int,
        end: int,
        *,
        article: int | None = None,
        name: str | None = None,
        value: Any = None,
    ) -> None:
        self.line = line
        self.article = article
        self.kind = kind
        self.start = start
        self.end = end
        self.name = name
        self.value = value

    def __repr__(self) -> str:
        return f"Piece({self.line}, {self.kind!r}, {self.start}, {self.end}, name={self.name!r})"


class PageState:
    """Everything one parse knows so far.

    Attributes:
        text: the input, unchanged.
        lines: its non-blank lines (see :func:`arnews.lines.scan`).
        lexicon: marker words and boilerplate phrases.
        gazetteer: places, agencies and other known names.
        tag_lexicon: known tag phrases for the keyword segmenter, if any.
        now: the moment relative stamps (``منذ 3 ساعات``) are read against, if given.
        kind: per line, what a detector found the line to be (``None`` = not yet known).
        marker_end: per line, where the marker words (and colon) end, when ``kind`` is a marker.
        article: per line, the index of the article it belongs to (0 = main).
        rest: per line, where its unclaimed content starts (``line.end`` when all is claimed).
        pieces: the claimed pieces, in the order claimed.
        warnings: diagnostics gathered so far.
        n_articles: how many articles the page holds (main + read-also).
        similar_keys: folded texts of the page's similar headlines, for other detectors to
            compare lines against.
    """

    def __init__(
        self,
        text: str,
        lines: list[Line],
        lexicon: Lexicon,
        gazetteer: Gazetteer,
        tag_lexicon: TagLexicon | None,
        now: datetime | None = None,
    ) -> None:
        self.text = text
        self.lines = lines
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        self.tag_lexicon = tag_lexicon
        self.now = now
        n = len(lines)
        self.kind: list[str | None] = [None] * n
        self.marker_end: list[int] = [ln.start for ln in lines]
        self.article: list[int] = [MAIN] * n
        self.rest: list[int] = [ln.start for ln in lines]
        self.pieces: list[Piece] = []
        self.warnings: list[Diagnostic] = []
        self.n_articles = 1
        self.similar_keys: set[str] = set()

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
    ) -> Piece | None:
        """Record a piece of line ``line``, trimmed of blanks at both ends.

        Nothing is recorded when only blanks remain.
        """
        text = self.text
        while start < end and text[start] in BLANK_SET:
            start += 1
        while end > start and text[end - 1] in BLANK_SET:
            end -= 1
        if start >= end:
            return None
        piece = Piece(line, kind, start, end, article=article, name=name, value=value)
        self.pieces.append(piece)
        return piece

    def claim_rest(self, i: int, kind: str, end: int | None = None, **kw: Any) -> Piece | None:
        """Claim line ``i`` from its ``rest`` up to ``end`` (default: the line's end)."""
        stop = self.lines[i].end if end is None else end
        piece = self.claim(i, kind, self.rest[i], stop, **kw)
        self.rest[i] = max(self.rest[i], stop)
        return piece

    def article_of(self, piece: Piece) -> int:
        """The article a piece belongs to."""
        return self.article[piece.line] if piece.article is None else piece.article

    def rest_text(self, i: int) -> str:
        """The unclaimed text of line ``i``."""
        return self.text[self.rest[i] : self.lines[i].end]

    def is_open(self, i: int) -> bool:
        """Tell whether line ``i`` still has unclaimed content."""
        return self.rest[i] < self.lines[i].end

    def warn(
        self, code: str, message: str, start: int | None = None, end: int | None = None
    ) -> None:
        """Record a diagnostic."""
        self.warnings.append(Diagnostic(code, message, start, end))
