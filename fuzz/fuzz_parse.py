"""Coverage-guided fuzzing of :func:`arnews.parse` with atheris (libFuzzer).

Asserts, for every input, what must hold of any parse: no exception, no ``detector_error``
warning, every span inside the text, parts that never overlap and that cover every
character outside :data:`arnews.lines.BLANKS`.

Run (exits 0 when nothing is found)::

    pip install atheris
    python fuzz/fuzz_parse.py -max_total_time=60          # CI
    python fuzz/fuzz_parse.py -runs=1000000 fuzz/corpus   # a long local run, keeping a corpus

The first input byte picks how the rest becomes text: UTF-8 (invalid bytes as lone
surrogates), atheris' own unicode (surrogates included), or tokens: each byte picks a marker
word, an Arabic word, a line break or a control character, so the fuzzer reaches the
section detectors without a dictionary file.
"""

from __future__ import annotations

import sys

import atheris  # type: ignore[import-untyped]

with atheris.instrument_imports():
    from arnews import Parser
    from arnews.lines import BLANK_SET
    from arnews.model import Article

_PARSER = Parser(time_budget=None)

_TOKENS = (
    "المصدر", "المصدر:", "المصدر :", "مصدر الخبر:", "كلمات دلالية:", "الكلمات الدلالية",
    "الوسوم:", "طباعة شارك", "طباعة", "شارك", "إقرأ أيضاً:", "اقرأ أيضا", "اقرأ أيضًا",
    "إقرأ ايضا :", "شاهد أيضاً", "مقالات مشابهة", "مقالات ذات صلة", "مواضيع ذات صلة",
    "أخبار ذات صلة", "قد يهمك", "آخر تحديث:", "نشر في", "تاريخ النشر:", "17 يونيو 2025",
    "12:27 م", "09/05/2012", "منذ 3 ساعات", "1446 هـ", "تابع أحدث الأخبار عبر تطبيق",
    "سرايا - ", "(CNN)-- ", "القاهرة (الاتحاد)", "بغداد/ شبكة أخبار العراق- ", "واشنطن - ",
    "قال", "الرئيس", "غزة", "مدينة", "العالقين.وذكر", "ليبياإعلام", "(فيديو)", "عاجل|",
    "\n", "\n", "\n\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c",
    " ", "  ", "\t", "\xa0", "\u200c", "\u200d", "\u200e", "\u200f", "\u202b", "\u202c",
    "\u2066", "\u2069", "\u061c", "\ufeff", "\xad", "ـ", "ًٌّ", "•", "● ", "- ", "* ",
    "1. ", ":", "::", "،", ".", "..", "؟", "!", "«", "»", '"', "(", ")", "/", "-", "–",
    "—", "|", "ا", "ة", "ى", "إ", "ی", "ک", "٢٠٢٥", "x", "A", "\ud800", "\udfff",
)


def _text(data: bytes) -> str:
    if not data:
        return ""
    mode, rest = data[0] % 3, data[1:]
    if mode == 0:
        return rest.decode("utf-8", "surrogateescape")
    if mode == 1:
        fdp = atheris.FuzzedDataProvider(rest)
        text: str = fdp.ConsumeUnicode(len(rest))
        return text
    return "".join(_TOKENS[b % len(_TOKENS)] for b in rest)


def _articles(article: Article) -> list[Article]:
    out = [article]
    for child in article.read_also:
        out.extend(_articles(child))
    return out


def check(text: str) -> None:
    """Parse ``text`` and assert the invariants; raises AssertionError on a finding."""
    article = _PARSER.parse(text)
    n = len(text)
    codes = [w.code for w in article.warnings]
    assert "detector_error" not in codes, [w.message for w in article.warnings]
    articles = _articles(article)
    for a in articles:
        for name in ("paragraphs", "related_headlines", "similar", "boilerplate", "keywords"):
            spans = getattr(a.spans, name)
            assert len(spans) == len(getattr(a, name)), name
            for s, e in spans:
                assert 0 <= s < e <= n, (name, s, e, n)
        for name in ("title", "source", "dateline", "dateline_place", "dateline_agency",
                     "updated", "published"):
            span = getattr(a.spans, name)
            if span is not None:
                assert 0 <= span[0] < span[1] <= n, (name, span, n)
        for value, (s, e) in zip(a.paragraphs, a.spans.paragraphs, strict=True):
            assert " ".join(text[s:e].split()) == value, (value, text[s:e])
    parts = sorted((p.start, p.end, p.kind) for a in articles for p in a.parts)
    pos = 0
    for start, end, kind in parts:
        assert 0 <= start < end <= n, (kind, start, end, n)
        assert start >= pos, f"{kind} part at {start} overlaps the previous one (ends {pos})"
        assert all(c in BLANK_SET for c in text[pos:start]), f"text lost at {pos}"
        pos = end
    assert all(c in BLANK_SET for c in text[pos:]), f"text lost at {pos}"


def test_one_input(data: bytes) -> None:
    check(_text(data))


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
