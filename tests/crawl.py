"""An invented crawl for the site-profile tests: real article text, invented furniture.

Each invented site wraps real ANT articles (``../shared/corpus/ant``, Apache-2.0, read at test
time: title from ``INDEX.tsv``, body from the page) in furniture of its own that no lexicon
holds: a menu, a ticker heading, rotating promos, a "most read" block of other articles'
headlines, a copyright line. One site ends each article with a closing sentence of its own
before its source line, and one quotes the same sentence in a few articles: both are body.
Every line of a page is labelled ``furniture`` or ``body``, so a parse can be measured.
"""

from __future__ import annotations

import csv
import functools
import random
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from arnews import Article
from arnews.lines import scan_columns

ANT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "ant"

_TEXT_KINDS = frozenset({"paragraph", "title"})


class Site(NamedTuple):
    name: str
    head: tuple[str, ...]
    promos: tuple[str, ...]
    heading: str
    copyright: str
    closing: str | None = None
    source: str | None = None
    quote: str | None = None
    # A marker spelling no lexicon holds, with the values it takes.
    field: tuple[str, str, tuple[str, ...]] | None = None


SITES = (
    Site(
        "nahar",
        ("النهار الرقمي | الصفحة الأولى", "سياسة | اقتصاد | ثقافة | رياضة | آراء", "شريط النهار"),
        (
            "انضم إلى قناة النهار الرقمي على واتساب لتصلك الأخبار أولا بأول",
            "احصل على نسخة النهار المطبوعة مجانا لمدة شهر",
            "نشرة النهار الصباحية في بريدك كل يوم",
        ),
        "الأكثر قراءة في النهار",
        "© 2024 النهار الرقمي. يحظر النسخ دون إذن مكتوب",
        quote="وقال المتحدث باسم الحكومة إن الوضع تحت السيطرة تماما ولا داعي للقلق.",
        field=("source", "جهة النشر", ("رويترز", "وكالة الأنباء الألمانية", "النهار الرقمي")),
    ),
    Site(
        "marsad",
        ("مرصد الخليج", "دخول المشتركين", "الصفحة الرئيسية ◂ أخبار الخليج"),
        ("تابعوا مرصد الخليج عبر منصة إكس", "ادعم صحافة مرصد الخليج المستقلة بتبرع صغير"),
        "قد يهمك أيضاً من مرصد الخليج",
        "مرصد الخليج 2009-2024 ، يمنع إعادة النشر إلا بإذن",
    ),
    Site(
        "wadi",
        ("بوابة الوادي", "الوادي اليوم • الوادي الرياضي • الوادي الاقتصادي"),
        ("بوابة الوادي على يوتيوب: مقاطع حصرية كل مساء",),
        "جديد بوابة الوادي",
        "بوابة الوادي للإعلام، جميع المواد مرخصة للبوابة",
        closing="وتتابع بوابة الوادي تطورات هذا الخبر لحظة بلحظة.",
        source="المصدر: بوابة الوادي",
    ),
    Site(
        "saha",
        ("صحيفة الساحة الإلكترونية", "نبض الساحة"),
        ("الساحة بين يديك: التطبيق متاح لأجهزة آيفون وأندرويد", "راسلوا الساحة بصوركم وقصصكم"),
        "اخترنا لكم من الساحة",
        "الساحة 2024 — الآراء المنشورة تعبر عن كتابها",
        field=(
            "keywords",
            "مفاتيح البحث",
            ("الشرق الأوسط", "كأس العالم", "أسعار النفط", "الأمم المتحدة", "وسائل التواصل"),
        ),
    ),
)


class Page(NamedTuple):
    site: str
    text: str
    labels: tuple[str, ...]  # per line of ``text``: "furniture" or "body"
    clean: str  # the article alone (title and body), as it would be without furniture


@functools.lru_cache(maxsize=1)
def _ant() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each ANT page's title and lines, less the lines that 3 ANT pages or more repeat (the
    ANT texts keep a little of their sites' furniture, such as BBC's app promo: a profile
    rightly learns it, but it is not article text to measure losses by)."""
    with (ANT / "INDEX.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    pages = []
    for row in rows:
        lines = [ln.strip() for ln in (ANT / row["file"]).read_text("utf-8").splitlines()]
        pages.append((row["title"].strip(), tuple(ln for ln in lines if ln)))
    seen = Counter(line for _, lines in pages for line in set(lines))
    return tuple((t, tuple(ln for ln in lines if seen[ln] < 3)) for t, lines in pages)


def _articles(count: int, offset: int) -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = []
    for title, body in _ant()[offset:]:
        if 2 <= len(body) <= 30 and title:
            out.append((title, list(body)))
        if len(out) == count:
            break
    return out


def build_crawl(pages_per_site: int = 24, seed: int = 0) -> list[Page]:
    """The crawl: ``pages_per_site`` pages of each site in :data:`SITES`, deterministic."""
    pages: list[Page] = []
    for n, site in enumerate(SITES):
        rng = random.Random(n + 1000 * seed)
        # The site's headline blocks list other articles of the site than those crawled.
        articles = _articles(pages_per_site * 3, offset=137 * n + 11 * seed)
        titles = [t for t, _ in articles]
        articles = articles[:pages_per_site]
        for k, (title, body) in enumerate(articles):
            lines: list[tuple[str, str]] = [(line, "furniture") for line in site.head]
            article = [title, *body]
            if site.quote and k % 6 == 1:  # the same sentence quoted in a few articles
                article.insert(2, site.quote)
            if site.closing:
                article.append(site.closing)
            lines += [(line, "body") for line in article]
            if site.source:
                lines.append((site.source, "source"))
            if site.field:
                kind, phrase, values = site.field
                picked = rng.sample(values, 1 if kind == "source" else 3)
                lines.append((f"{phrase}: {'، '.join(picked)}", kind))
            lines.append((site.promos[k % len(site.promos)], "furniture"))
            if rng.random() < 0.85:
                others = rng.sample([t for t in titles if t != title], 4)
                lines += [(site.heading, "furniture"), *((t, "furniture") for t in others)]
            lines.append((site.copyright, "furniture"))
            clean = "\n".join(article + ([site.source] if site.source else []))
            pages.append(
                Page(
                    site.name,
                    "\n".join(line for line, _ in lines),
                    tuple(label for _, label in lines),
                    clean,
                )
            )
    return pages


def text_lines(text: str, article: Article) -> list[bool]:
    """Per line of ``text``: whether the parse kept some of it as article text."""
    starts = scan_columns(text).starts
    kept = [False] * len(starts)
    from bisect import bisect_right

    for kind, start in zip(article.parts.kinds, article.parts.starts, strict=True):
        if kind in _TEXT_KINDS:
            kept[bisect_right(starts, start) - 1] = True
    return kept


class Measure(NamedTuple):
    pages: int
    furniture_lines: int
    furniture_left: int  # furniture lines kept as article text
    body_lines: int
    body_lost: int  # lines the default parser keeps as text on the clean page, lost here


def measure(pages: list[Page], parse_for: Callable[[str], Callable[[str], Article]]) -> Measure:
    """Parse every page with ``parse_for(site)`` and count furniture left and body lost."""
    from arnews import parse

    furniture = left = body = lost = 0
    for page in pages:
        kept = text_lines(page.text, parse_for(page.site)(page.text))
        clean_kept = text_lines(page.clean, parse(page.clean))
        body_rows = [i for i, label in enumerate(page.labels) if label == "body"]
        for i, label in enumerate(page.labels):
            if label == "furniture":
                furniture += 1
                left += kept[i]
        for j, i in enumerate(body_rows):
            if clean_kept[j]:
                body += 1
                lost += not kept[i]
    return Measure(len(pages), furniture, left, body, lost)
