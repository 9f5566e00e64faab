"""Telling page furniture: the :class:`~arnews.lexicon.Lexicon` methods that judge lines.

A furniture line (an app promo, a share prompt, a cookie banner, a copyright notice, a
news-ticker label, a site menu's section names) is told by the lexicon's ``boilerplate``,
``boilerplate_lines``, ``boilerplate_inside``, ``tickers`` and ``navigation`` phrases. These
methods are the lexicon's: :class:`~arnews.lexicon.Lexicon` takes them from
:class:`_Furniture`, which reads the sets and patterns the lexicon builds.

Example:
    >>> from arnews import Lexicon
    >>> Lexicon.default().which_boilerplate(["شارك", "شارك الرئيس في القمة"])
    [True, False]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress, repeat
from operator import is_not
from typing import TYPE_CHECKING

from ..normalize import fold, fold_chars
from .patterns import _furniture_key

# How much of a long line is folded first to judge it as furniture (see is_boilerplate).
_KEY_HEAD = 64


class _Furniture:
    """The furniture methods of :class:`~arnews.lexicon.Lexicon` (its base class)."""

    __slots__ = ()

    # Built by Lexicon.__attrs_post_init__ (see there).
    _boilerplate_heads: frozenset[str]
    _boilerplate_line_set: frozenset[str]
    _longest_key: int
    _inside_words: tuple[tuple[str, ...], ...]
    _ticker_heads: frozenset[str]
    _navigation_set: frozenset[str]

    if TYPE_CHECKING:

        def _pattern(self, name: str) -> re.Pattern[str]: ...

    @property
    def boilerplate_heads(self) -> frozenset[str]:
        """The characters a furniture line can start with (see :meth:`is_boilerplate`).

        Example:
            >>> from arnews import Lexicon
            >>> "ط" in Lexicon.default().boilerplate_heads
            True
        """
        return self._boilerplate_heads

    def is_boilerplate(self, line: str, *, max_extra_words: int = 4) -> bool:
        """Tell whether a whole line is page furniture.

        A line is furniture when it is one of :attr:`boilerplate_lines`, or starts with a
        :attr:`boilerplate` phrase and adds at most ``max_extra_words`` words (an app's name),
        or any number of words after a phrase marked ``*`` (a banner's sentence).

        Example:
            >>> from arnews import Lexicon
            >>> Lexicon.default().is_boilerplate("تابع أحدث الأخبار عبر تطبيق")
            True
            >>> Lexicon.default().is_boilerplate("طباعة الكتب في مصر تراجعت كثيرا")
            False
            >>> Lexicon.default().is_boilerplate(
            ...     "نستخدم ملفات تعريف الارتباط لتحسين تجربتك، وباستمرارك في التصفح توافق على ذلك"
            ... )
            True
        """
        # Most lines open with a letter no furniture phrase opens with.
        head = line[:1]
        if head and not head.isspace() and head not in self._boilerplate_heads:
            return False
        if len(line) > _KEY_HEAD:
            # A long line (most lines that get here are paragraphs) is judged on the key of
            # its head first: that key is a prefix of the whole line's key, longer than any
            # phrase, so the phrase patterns answer on it as on the whole key, and the words
            # after a short phrase, already too many, can only be more. Only a line those
            # words do not rule out is folded whole.
            key = _furniture_key(line[:_KEY_HEAD])
            if len(key) > self._longest_key:
                if self._pattern("banners").match(key) is not None:
                    return True
                m = self._pattern("boilerplate").match(key)
                if m is None or len(key[m.end() :].split()) > max_extra_words:
                    return False
        key = _furniture_key(line)
        if key in self._boilerplate_line_set:
            return True
        if self._pattern("banners").match(key) is not None:
            return True
        m = self._pattern("boilerplate").match(key)
        # Words are counted folded: a lone diacritic or tatweel is no word.
        return m is not None and len(key[m.end() :].split()) <= max_extra_words

    def which_boilerplate(self, lines: Sequence[str], *, max_extra_words: int = 4) -> list[bool]:
        """:meth:`is_boilerplate` of each of ``lines``, worked out together.

        The same answers, for a fraction of the cost on a page's lines: one loose prefix
        tree of the furniture phrases' first letters, which reads the raw text as if folded
        (see :func:`~arnews.lexicon.loose._loose_prefixes`), runs over the lines in a
        C-level pass, and only the lines it matches (a few a page) are folded and judged,
        by :meth:`is_boilerplate` itself. A line whose key starts with a phrase starts,
        raw, with what the tree matches, so no line it passes over is furniture.

        Example:
            >>> from arnews import Lexicon
            >>> Lexicon.default().which_boilerplate(["طباعة", "طباعة الكتب في مصر تراجعت"])
            [True, False]
        """
        out = [False] * len(lines)
        hits = map(is_not, map(self._pattern("furniture").match, lines), repeat(None))
        for k in compress(range(len(lines)), hits):
            out[k] = self.is_boilerplate(lines[k], max_extra_words=max_extra_words)
        return out

    @property
    def boilerplate_inside_pattern(self) -> re.Pattern[str]:
        """One pattern of every :attr:`boilerplate_inside` phrase, to search a page with.

        Example:
            >>> from arnews import Lexicon
            >>> pattern = Lexicon.default().boilerplate_inside_pattern
            >>> pattern.search("صورة: Getty Images") is not None
            True
        """
        return self._pattern("inside")

    def may_hold_inside(self, text: str) -> bool:
        """A necessary test for :attr:`boilerplate_inside_pattern` finding anything in
        ``text``: every word of one of the phrases stands in its folded, lower-cased text.

        One fold and a few substring searches over a page's short lines joined: most pages
        hold no credit or notice, and their lines need not be searched one by one.

        Example:
            >>> from arnews import Lexicon
            >>> lexicon = Lexicon.default()
            >>> lexicon.may_hold_inside("صورة: GETTY Images"), lexicon.may_hold_inside("خبر")
            (True, False)
        """
        key = fold_chars(text).lower()
        return any(all(map(key.__contains__, words)) for words in self._inside_words)

    @property
    def ticker_pattern(self) -> re.Pattern[str]:
        """The pattern :meth:`match_ticker` matches a line's start with (to run over many).

        Example:
            >>> from arnews import Lexicon
            >>> Lexicon.default().ticker_pattern.match("عاجل: الرئيس يصل") is not None
            True
        """
        return self._pattern("ticker")

    @property
    def ticker_heads(self) -> frozenset[str]:
        """The characters a line can start with for :attr:`ticker_pattern` to match it.

        Example:
            >>> from arnews import Lexicon
            >>> "ع" in Lexicon.default().ticker_heads, "ب" in Lexicon.default().ticker_heads
            (True, False)
        """
        return self._ticker_heads

    def match_ticker(self, line: str) -> int | None:
        """Where the headline starts after a ticker word that opens ``line``; ``None`` if none.

        Example:
            >>> from arnews import Lexicon
            >>> line = "عاجل: الرئيس يصل إلى القاهرة"
            >>> line[Lexicon.default().match_ticker(line) :]
            'الرئيس يصل إلى القاهرة'
            >>> Lexicon.default().match_ticker("عاجلا أم آجلا") is None
            True
        """
        m = self._pattern("ticker").match(line)
        return None if m is None else m.end()

    def is_navigation(self, item: str) -> bool:
        """Tell whether ``item`` is the name of a site section, as menus list them.

        Example:
            >>> from arnews import Lexicon
            >>> Lexicon.default().is_navigation("الرئيسية"), Lexicon.default().is_navigation("غزة")
            (True, False)
        """
        return " ".join(fold(item).split()) in self._navigation_set
