"""Named hypothesis strategies for arnews, and the invariant check every parse must pass.

Three families of input:

* :data:`any_text` — any ``str`` at all, lone surrogates included;
* :data:`arabic_text` — text biased towards what breaks a parser of Arabic pages: Arabic
  letters, line breaks of every kind, NBSP, zero-width and bidi controls, the BOM, tatweel,
  bullets, colons, digits and the lexicon's marker words in several spellings;
* :func:`pages` — whole pages assembled from known parts (body, dateline, source, tags,
  read-also articles, a similar list) in random marker spellings and line ends, returned as
  a :class:`GeneratedPage` that knows what ``parse`` must give back.

Example:
    >>> from hypothesis import given
    >>> from arnews import parse
    >>> @given(pages())
    ... def test_round_trip(page):
    ...     assert parse(page.text).source == page.source
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from hypothesis import strategies as st

from arnews.lines import BLANK_SET
from arnews.model import Article, has_surrogates, json_record

__all__ = [
    "ARABIC_SPECIALS",
    "MARKER_SPELLINGS",
    "GeneratedPage",
    "any_text",
    "arabic_text",
    "check_invariants",
    "controls_stripped",
    "iter_all_articles",
    "pages",
]

# -- raw text -------------------------------------------------------------------------------

#: Any ``str``, lone surrogates included (``codec=None`` keeps category ``Cs``).
any_text = st.text(st.characters(codec=None, categories=None))

#: Characters that stress the scanner and the fold: line breaks of every kind, white space,
#: zero-width and bidi controls, BOM, tatweel, bullets, colons and list punctuation.
ARABIC_SPECIALS = (
    "\n",
    "\r",
    "\r\n",
    "\t",
    " ",
    "  ",
    ":",
    " :",
    "::",
    "：",
    "\xa0",
    "\u200c",
    "\u200d",
    "\u200f",
    "\u200e",
    "\u202b",
    "\u202c",
    "\u2066",
    "\u2069",
    "\u061c",
    "\ufeff",
    "\u2028",
    "\u2029",
    "\x85",
    "\x0b",
    "\x0c",
    "ـ",
    "ـــ",
    "•",
    "●",
    "▪",
    "-",
    "–",
    "—",
    "*",
    "»",
    "+",
    ".",
    "..",
    "،",
    "؟",
    "!",
    "(",
    ")",
    "/",
    "«",
    "»",
    '"',
    "ً",
    "ٌ",
    "ّ",
    "١٢",
    "2025",
    "3.5",
    "12:27 م",
)

#: Marker words in the spellings real pages use (the lexicon matches them on a folded key).
MARKER_SPELLINGS: dict[str, tuple[str, ...]] = {
    "source": ("المصدر:", "المصدر :", "المصدر", "مصدر الخبر:", "المصدر::", "Source:"),
    "keywords": (
        "كلمات دلالية:",
        "الكلمات الدلالية:",
        "كلمات دلالية :",
        "الوسوم:",
        "كلمات دلالية",
        "Tags:",
    ),
    "read_also": (
        "إقرأ أيضاً:",
        "اقرأ أيضا",
        "اقرأ أيضًا",
        "إقرأ ايضا :",
        "اقرأ ايضا:",
        "شاهد أيضاً:",
    ),
    "headlines": (
        "مقالات مشابهة",
        "مقالات ذات صلة",
        "مواضيع ذات صلة",
        "أخبار ذات صلة",
        "قد يهمك",
    ),
    "share": ("طباعة شارك", "طباعة مشاركة"),
    "updated": ("آخر تحديث:", "تاريخ التحديث :"),
    "published": ("نشر في", "تاريخ النشر:"),
    "boilerplate": ("تابع أحدث الأخبار عبر تطبيق", "طباعة", "شارك", "إعلان"),
}

_MARKER_TOKENS = tuple(s for spellings in MARKER_SPELLINGS.values() for s in spellings)
_WORDS = (
    "الحكومة",
    "وزير",
    "الخارجية",
    "مدينة",
    "قطاع",
    "المفاوضات",
    "الرئيس",
    "اليوم",
    "مجلس",
    "الأمن",
    "اتفاق",
    "السلام",
    "الشعب",
    "أعلن",
    "جديد",
    "العاصمة",
    "المنطقة",
    "الدولي",
    "الاقتصاد",
    "النفط",
    "الأسعار",
    "ارتفاع",
    "انخفاض",
    "مشروع",
    "قانون",
    "البرلمان",
    "الانتخابات",
    "الجيش",
    "المستشفى",
    "الطلاب",
    "الجامعة",
    "المدارس",
    "الموسم",
    "الفريق",
    "المباراة",
    "الدوري",
    "الكأس",
    "اللاعب",
    "الشركة",
    "المواطنين",
    "الماضي",
    "الأسبوع",
)

#: Arabic-biased text: a list of tokens (letters of U+0600–U+06FF, specials, marker words,
#: whole words) glued together, so structure shows up far more often than in random text.
arabic_text = st.lists(
    st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.sampled_from(ARABIC_SPECIALS),
        st.sampled_from(_MARKER_TOKENS),
        st.sampled_from(_WORDS),
        st.characters(codec=None, categories=None),
    ),
    max_size=80,
).map("".join)


# -- generated pages ------------------------------------------------------------------------

_TAG_WORDS = (
    "غزة",
    "السودان",
    "الطاقة",
    "النفط",
    "التعليم",
    "الصحة",
    "المناخ",
    "الزراعة",
    "السياحة",
    "الرياضة",
    "الاستثمار",
    "البورصة",
    "الذهب",
    "الدولار",
    "الجامعات",
    "الكهرباء",
)
_SOURCES = (
    "صدى البلد",
    "سكاي نيوز عربية",
    "وكالة الأنباء الرسمية",
    "الموقع الرسمي للرابطة",
    "CNN Arabic",
)
_DATELINES = (("سرايا - ", "سرايا"), ("(CNN)-- ", "CNN"), ("الغد - ", "الغد"))
_BOILERPLATE = ("تابع أحدث الأخبار عبر تطبيق", "طباعة", "شارك")
_BULLETS = ("• ", "  • ", "● ", "- ", "▪ ", "* ", "")
_SPACES = (" ", " ", " ", "  ", "\xa0", " \xa0")
_LINE_ENDS = ("\n", "\r\n", "\r")
_KEYWORD_MARKERS = ("كلمات دلالية:", "الكلمات الدلالية:", "كلمات دلالية :", "الوسوم:")
_READ_ALSO_MARKERS = ("إقرأ أيضاً:", "اقرأ أيضا", "اقرأ أيضًا", "إقرأ ايضا :", "اقرأ ايضا:")


@dataclass
class GeneratedPage:
    """A page assembled from known parts, and the fields ``parse`` must return for it."""

    text: str
    paragraphs: list[str]
    dateline_agency: str | None = None
    source: str | None = None
    tag_words: list[str] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)
    #: ``(title, paragraphs)`` of each read-also article.
    read_also: list[tuple[str, list[str]]] = field(default_factory=list)
    similar: list[str] = field(default_factory=list)


@st.composite
def _words(draw: st.DrawFn, lo: int, hi: int) -> list[str]:
    return draw(st.lists(st.sampled_from(_WORDS), min_size=lo, max_size=hi))


@st.composite
def _paragraph(draw: st.DrawFn) -> tuple[str, str]:
    """A paragraph of one to three sentences: (raw text with odd spacing, expected value)."""
    sentences = draw(st.lists(_words(4, 12), min_size=1, max_size=3))
    raw_parts: list[str] = []
    clean_parts: list[str] = []
    for words in sentences:
        gaps = [draw(st.sampled_from(_SPACES)) for _ in words[:-1]]
        spaced = "".join(w + g for w, g in zip(words[:-1], gaps, strict=True))
        raw_parts.append(spaced + words[-1] + ".")
        clean_parts.append(" ".join(words) + ".")
    return " ".join(raw_parts), " ".join(clean_parts)


@st.composite
def _headline(draw: st.DrawFn) -> str:
    return " ".join(draw(_words(3, 8)))


@st.composite
def pages(draw: st.DrawFn) -> GeneratedPage:
    """A whole page whose parse result is known in advance.

    Layout (each block optional except the body), blocks separated by blank lines::

        [dateline] body paragraph …
        [boilerplate line]
        المصدر: name            (or the marker alone with the name on the next line)
        كلمات دلالية: w1 w2 w3
        إقرأ أيضاً:             (title inline or on the next line)
        title
        paragraph …             (an embedded article after the footer; with no footer,
                                 a link, and the paragraphs go on the main body)
        مقالات مشابهة
          • headline
    """
    nl = draw(st.sampled_from(_LINE_ENDS))
    mixed = draw(st.booleans())

    def end() -> str:
        return draw(st.sampled_from(_LINE_ENDS)) if mixed else nl

    def pad() -> str:
        return draw(st.sampled_from(("", "", " ", "\xa0", "\t")))

    blocks: list[str] = []
    body = draw(st.lists(_paragraph(), min_size=1, max_size=5))
    page = GeneratedPage(text="", paragraphs=[clean for _, clean in body])
    raws = [raw for raw, _ in body]
    if draw(st.booleans()):
        lead, agency = draw(st.sampled_from(_DATELINES))
        raws[0] = lead + raws[0]
        page.dateline_agency = agency
    tight = draw(st.booleans())  # body paragraphs on consecutive lines, no blank between
    sep = end() if tight else end() + pad() + end()
    blocks.append(sep.join(pad() + r + pad() for r in raws))

    if draw(st.booleans()):
        line = draw(st.sampled_from(_BOILERPLATE))
        page.boilerplate.append(line)
        blocks.append(line)
    if draw(st.booleans()):
        page.source = draw(st.sampled_from(_SOURCES))
        marker = draw(st.sampled_from(("المصدر:", "المصدر :", "المصدر : ", "مصدر الخبر:")))
        if draw(st.booleans()):
            blocks.append(marker + draw(st.sampled_from((" ", "", "\xa0"))) + page.source)
        else:
            blocks.append(marker + end() + page.source)
    if draw(st.booleans()):
        page.tag_words = draw(
            st.lists(st.sampled_from(_TAG_WORDS), min_size=1, max_size=8, unique=True)
        )
        marker = draw(st.sampled_from(_KEYWORD_MARKERS))
        blocks.append(marker + " " + " ".join(page.tag_words))
    # After the main footer a read-also marker opens an embedded article (the aggregator
    # layout); with no footer before it, it is a link set inside the body, and the story
    # goes on after its headline (here with `وأضاف …`, which always carries a story on).
    linked = page.source is None and not page.tag_words
    for _ in range(draw(st.integers(0, 3))):
        title = draw(_headline())
        paras = draw(st.lists(_paragraph(), min_size=1, max_size=3))
        if linked:
            paras = [("وأضاف " + raw, "وأضاف " + clean) for raw, clean in paras]
            page.read_also.append((title, []))
            page.paragraphs.extend(clean for _, clean in paras)
        else:
            page.read_also.append((title, [clean for _, clean in paras]))
        marker = draw(st.sampled_from(_READ_ALSO_MARKERS))
        if draw(st.booleans()):
            head = marker + " " + title
        else:
            head = marker + end() + draw(st.sampled_from(("", end()))) + title
        blocks.append(head + end() + end().join(raw for raw, _ in paras))
    if draw(st.booleans()):
        page.similar = draw(st.lists(_headline(), min_size=1, max_size=5, unique=True))
        heading = draw(st.sampled_from(("مقالات مشابهة", "مقالات ذات صلة", "مواضيع ذات صلة")))
        bullet = draw(st.sampled_from(_BULLETS))
        gap = draw(st.sampled_from(("", end())))
        blocks.append(heading + end() + gap + (end() + gap).join(bullet + h for h in page.similar))

    head = draw(st.sampled_from(("", "", "\ufeff", end())))
    tail = draw(st.sampled_from(("", "", end(), " " + end())))
    page.text = head + (end() + end()).join(blocks) + tail
    return page


# -- invariants -----------------------------------------------------------------------------

_CONTROLS = frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff\u061c\xad"
)


def controls_stripped(raw: str) -> str:
    """What a short field (source, title, keyword, headline) holds for raw text ``raw``:
    zero-width and bidi controls removed, white space cleaned.

    Example:
        >>> controls_stripped("\\u200fصدى\\xa0 البلد ")
        'صدى البلد'
    """
    return " ".join("".join(c for c in raw if c not in _CONTROLS).split())


def _clean(raw: str) -> str:
    return " ".join(raw.split())


def iter_all_articles(article: Article) -> Iterator[Article]:
    """The article and its read-also articles, at any depth."""
    yield article
    for child in article.read_also:
        yield from iter_all_articles(child)


_has_surrogate = has_surrogates


def _replace_surrogates(value: Any) -> Any:
    if isinstance(value, str):
        return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in value)
    if isinstance(value, list):
        return [_replace_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {k: _replace_surrogates(v) for k, v in value.items()}
    return value


def check_spans(text: str, article: Article) -> None:
    """Every span lies in ``text`` and points at the raw text of its field."""
    n = len(text)
    for a in iter_all_articles(article):
        sp = a.spans
        for name in ("paragraphs", "related_headlines", "similar", "boilerplate", "keywords"):
            values, spans = getattr(a, name), getattr(sp, name)
            assert len(values) == len(spans), name
            clean = _clean if name in ("paragraphs", "boilerplate") else controls_stripped
            for value, (s, e) in zip(values, spans, strict=True):
                assert 0 <= s < e <= n, (name, s, e, n)
                assert clean(text[s:e]) == value, (name, text[s:e], value)
        for name in ("source", "title"):
            value, span = getattr(a, name), getattr(sp, name)
            assert (value is None) == (span is None), name
            if span is not None:
                s, e = span
                assert 0 <= s < e <= n, (name, s, e, n)
                assert controls_stripped(text[s:e]) == value, (name, text[s:e], value)
        for name in ("updated", "published"):
            span = getattr(sp, name)
            if span is not None:
                assert 0 <= span[0] < span[1] <= n, name
        if a.dateline is not None:
            assert sp.dateline is not None
            assert 0 <= sp.dateline[0] < sp.dateline[1] <= n
            pairs = ((a.dateline.place, sp.dateline_place), (a.dateline.agency, sp.dateline_agency))
            for value, span in pairs:
                assert (value is None) == (span is None)
                if span is not None:
                    assert sp.dateline[0] <= span[0] < span[1] <= sp.dateline[1]
                    assert controls_stripped(text[span[0] : span[1]]) == value


def check_parts(text: str, article: Article) -> None:
    """Parts (main and read-also) never overlap and cover every non-blank character."""
    parts = sorted((p.start, p.end, p.kind) for a in iter_all_articles(article) for p in a.parts)
    pos = 0
    for start, end, kind in parts:
        assert 0 <= start < end <= len(text), (kind, start, end, len(text))
        assert start >= pos, f"{kind} part at {start} overlaps the previous one (ends {pos})"
        gap = text[pos:start]
        assert all(c in BLANK_SET for c in gap), f"text lost at {pos}: {gap[:40]!r}"
        pos = end
    tail = text[pos:]
    assert all(c in BLANK_SET for c in tail), f"text lost at {pos}: {tail[:40]!r}"


def check_serialisation(text: str, article: Article) -> None:
    """``to_dict``/``from_dict`` round-trip; JSON round-trips, or replaces lone surrogates."""
    assert Article.from_dict(article.to_dict()) == article
    # The tuple-keeping record the command line writes encodes to the same JSON.
    for spans in (True, False):
        plain = json.dumps(article.to_dict(spans=spans), ensure_ascii=False)
        assert json.dumps(json_record(article, spans=spans), ensure_ascii=False) == plain
    out = article.to_json()
    out.encode("utf-8")  # valid UTF-8 whatever the input held
    back = Article.from_json(out)
    if _has_surrogate(text):
        assert back == Article.from_dict(_replace_surrogates(article.to_dict()))
        assert any(w.code == "surrogates_replaced" for w in article.warnings)
    else:
        assert back == article
        json.loads(out)


def check_invariants(text: str, article: Article) -> None:
    """Everything that must hold of any parse of any ``text`` (see ``test_properties``)."""
    codes = [w.code for w in article.warnings]
    assert "detector_error" not in codes, [w.message for w in article.warnings]
    check_spans(text, article)
    check_parts(text, article)
    check_serialisation(text, article)
