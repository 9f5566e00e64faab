"""See what the parser did: one page's input with every part highlighted by its kind.

:func:`render_html` writes a self-contained HTML page (no script, no remote font or style):
the input, right to left, with each part of :attr:`arnews.Article.parts` (and of each
read-also article's parts) wrapped in an element that names its kind; a legend; the warnings;
and the record (the article's JSON) beside it. ``arnews show --html`` writes the same page.

Every kind takes its colour from one table, :data:`KINDS`; a kind the table does not know (a
new detector's) is drawn in a colour derived from its name, with a dashed outline, so new kinds
render without a change here.

Example:
    >>> import arnews
    >>> text = "سرايا - أعلن البيت الأبيض الخبر.\\n\\nالمصدر: سرايا"
    >>> page = arnews.render_html(text, arnews.parse(text))
    >>> page.startswith("<!DOCTYPE html>"), 'data-kind="source"' in page
    (True, True)
"""

from __future__ import annotations

import html
import json
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from itertools import repeat
from typing import NamedTuple

from ._version import __version__
from .model import Article, replace_surrogates

__all__ = ["KINDS", "KindStyle", "LabelledPart", "kind_style", "labelled_parts", "render_html"]


class KindStyle(NamedTuple):
    """How one kind of part is drawn: in HTML, in a terminal, and what the legend says.

    Example:
        >>> KINDS["source"].ansi
        '33'
    """

    #: The HTML background colour.
    background: str
    #: The ANSI SGR parameters of the terminal colour (``"1;33"``: bold yellow).
    ansi: str
    #: What the legend says the kind is.
    description: str
    #: ``False`` for a kind not in :data:`KINDS` (drawn with the fallback style).
    known: bool = True


#: The one table of colours: every kind of :attr:`arnews.Article.parts` the parser makes.
KINDS: dict[str, KindStyle] = {
    "title": KindStyle("#ffd966", "1;33", "the headline"),
    "dateline": KindStyle("#b9dcff", "36", "place and agency before the body"),
    "byline": KindStyle("#a8e6e0", "96", "the writer's name"),
    "updated": KindStyle("#d4cdf7", "35", "last-updated date"),
    "published": KindStyle("#e8cff5", "95", "publication date"),
    "stamp": KindStyle("#e3e0c4", "37", "a date or time stamp line"),
    "paragraph": KindStyle("#d9f2d0", "32", "the article's body"),
    "related_headline": KindStyle("#fff1a8", "93", "another article's headline inside the body"),
    "source": KindStyle("#ffcfa3", "33", "the source (after المصدر)"),
    "keywords": KindStyle("#f9c4df", "91", "the tag line"),
    "read_also": KindStyle("#ffe0c2", "94", "a read-also article"),
    "similar": KindStyle("#f3dcb0", "34", "headlines of similar articles"),
    "boilerplate": KindStyle("#dedede", "90", "page furniture (kept out of the body)"),
    "marker": KindStyle("#ff9e9e", "1;31", "a section's marker words"),
}

# Terminal colours for kinds the table does not know: picked by the kind's name, underlined.
_FALLBACK_ANSI = ("4;31", "4;32", "4;33", "4;34", "4;35", "4;36")
# A kind name that can go into a CSS selector as it is; any other gets the generic style.
_CSS_SAFE = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")


def kind_style(kind: str) -> KindStyle:
    """The style of ``kind``: its entry in :data:`KINDS`, or one derived from its name.

    The derived style is stable (the same name always gets the same colour) and marked
    ``known=False``.

    Example:
        >>> kind_style("paragraph").known, kind_style("new_kind").known
        (True, False)
        >>> kind_style("new_kind") == kind_style("new_kind")
        True
    """
    style = KINDS.get(kind)
    if style is not None:
        return style
    h = zlib.crc32(kind.encode("utf-8", "replace"))
    return KindStyle(
        f"hsl({h % 360}, 70%, 85%)",
        _FALLBACK_ANSI[h % len(_FALLBACK_ANSI)],
        "a kind this version has no colour for",
        known=False,
    )


class LabelledPart(NamedTuple):
    """One part of a page, with the article it belongs to.

    Example:
        >>> LabelledPart("paragraph", 0, 5, None, "").label
        'paragraph'
    """

    kind: str
    start: int
    end: int
    name: str | None
    #: ``""`` for the main article, ``"read_also[0]"`` … for a read-also article.
    article: str

    @property
    def label(self) -> str:
        """``kind`` or ``kind:name`` (``marker:source``)."""
        return f"{self.kind}:{self.name}" if self.name else self.kind


def labelled_parts(article: Article) -> list[LabelledPart]:
    """The parts of ``article`` and of each read-also article, in input order.

    Together they cover every non-blank character of the input, without overlapping.

    Example:
        >>> import arnews
        >>> [p.kind for p in labelled_parts(arnews.parse("نص الخبر.\\n\\nالمصدر: سرايا"))]
        ['paragraph', 'marker', 'source']
    """
    parts = article.parts
    out = list(map(LabelledPart, parts.kinds, parts.starts, parts.ends, parts.names, repeat("")))
    for i, extra in enumerate(article.read_also):
        p = extra.parts
        out += map(LabelledPart, p.kinds, p.starts, p.ends, p.names, repeat(f"read_also[{i}]"))
    if article.read_also:
        out.sort(key=lambda part: (part.start, part.end))
    return out


# --------------------------------------------------------------------------------------------
# The page.

_FONTS = (
    '"Noto Naskh Arabic", "Noto Sans Arabic", "Geeza Pro", "Segoe UI", '
    '"Arabic Typesetting", Tahoma, "DejaVu Sans", Arial, sans-serif'
)
_MONO = '"DejaVu Sans Mono", "Noto Sans Mono", Consolas, Menlo, monospace'

_CSS = f"""
* {{ box-sizing: border-box; }}
body {{ margin: 0; padding: 1rem 1.25rem; font-family: {_FONTS}; color: #1d1d1d;
  background: #fafafa; }}
h1 {{ font-size: 1.15rem; margin: 0 0 .25rem; }}
h2 {{ font-size: 1rem; margin: 1rem 0 .4rem; }}
.summary {{ margin: 0 0 .75rem; color: #555; }}
.columns {{ display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.25rem; }}
@media (max-width: 900px) {{ .columns {{ grid-template-columns: minmax(0, 1fr); }} }}
.page {{ white-space: pre-wrap; overflow-wrap: anywhere; line-height: 2.1; font-size: 1.05rem;
  background: #fff; border: 1px solid #ccc; border-radius: 4px; padding: .75rem 1rem;
  unicode-bidi: plaintext; }}
.part, .swatch {{ background: #eee; outline: 1px dashed #888; }}
.part {{ unicode-bidi: isolate; border-radius: 3px; padding: .1em 0;
  box-decoration-break: clone; -webkit-box-decoration-break: clone; }}
.part:hover {{ outline: 2px solid #222; }}
.read-also {{ box-shadow: inset 0 -2px 0 #d9822b; }}
.legend {{ list-style: none; padding: 0; margin: 0 0 .5rem; display: flex; flex-wrap: wrap;
  gap: .35rem .9rem; }}
.legend li {{ white-space: nowrap; }}
.swatch {{ display: inline-block; min-width: 1.2em; padding: 0 .35em; border-radius: 3px; }}
.legend code, .warnings code {{ font-family: {_MONO}; font-size: .85rem; }}
.legend .note {{ color: #555; font-size: .85rem; }}
.warnings {{ margin: 0; padding-inline-start: 1.2rem; }}
.none {{ color: #777; }}
.record {{ direction: ltr; text-align: left; font-family: {_MONO}; font-size: .78rem;
  line-height: 1.45; white-space: pre-wrap; overflow-wrap: anywhere; background: #fff;
  border: 1px solid #ccc; border-radius: 4px; padding: .75rem; margin: 0;
  max-height: 90vh; overflow: auto; }}
"""

# No script, nothing fetched: the page needs none, and a hostile input must not get either.
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _kind_css(kinds: list[str]) -> str:
    rules = []
    for kind in kinds:
        if not _CSS_SAFE.match(kind):
            continue  # drawn with the generic .part style
        style = kind_style(kind)
        extra = "" if style.known else " outline: 1px dashed #666;"
        weight = " font-weight: bold;" if kind in ("title", "marker") else ""
        grey = " color: #555;" if kind == "boilerplate" else ""
        rules.append(
            f'[data-kind="{kind}"] {{ background: {style.background};'
            f"{'' if extra else ' outline: none;'}{extra}{weight}{grey} }}"
        )
    return "\n".join(rules)


def _marked_text(text: str, parts: list[LabelledPart]) -> Iterator[str]:
    """The input as HTML: each part in a ``<span>`` naming its kind, the rest as it is."""
    escape = html.escape
    pos = 0
    size = len(text)
    for part in parts:
        start, end = max(part.start, pos), min(part.end, size)
        if end <= start:
            continue  # an empty or overlapping span: its text is already out
        if start > pos:
            yield escape(text[pos:start], quote=False)
        name = f' data-name="{_attr(part.name)}"' if part.name else ""
        article = f' data-article="{part.article}"' if part.article else ""
        cls = "part read-also" if part.article else "part"
        where = f"{part.article} " if part.article else ""
        yield (
            f'<span class="{cls}" data-kind="{_attr(part.kind)}"{name}{article} '
            f'data-start="{part.start}" data-end="{part.end}" '
            f'title="{_attr(where + part.label)} [{part.start}:{part.end}]">'
            f"{escape(text[start:end], quote=False)}</span>"
        )
        pos = end
    if pos < size:
        yield escape(text[pos:], quote=False)


def _legend(parts: list[LabelledPart]) -> Iterator[str]:
    counts = Counter(p.kind for p in parts)
    order = [k for k in KINDS if k in counts] + sorted(k for k in counts if k not in KINDS)
    yield '<ul class="legend" dir="ltr">'
    for kind in order:
        style = kind_style(kind)
        note = "" if style.known else " (no colour of its own)"
        yield (
            f'<li><span class="swatch" data-kind="{_attr(kind)}">'
            f"<code>{html.escape(kind)}</code></span> {counts[kind]:,} "
            f'<span class="note">{html.escape(style.description)}{note}</span></li>'
        )
    if any(p.article for p in parts):
        yield (
            '<li><span class="swatch read-also"><code>read_also[i]</code></span> '
            '<span class="note">underlined: part of a read-also article</span></li>'
        )
    yield "</ul>"
    if not parts:
        yield '<p class="none">No parts: the input is blank.</p>'


def _warnings(text: str, article: Article) -> Iterator[str]:
    labelled = [("", w) for w in article.warnings]
    for i, extra in enumerate(article.read_also):
        labelled += [(f"read_also[{i}] ", w) for w in extra.warnings]
    if not labelled:
        yield '<p class="none">None.</p>'
        return
    yield '<ul class="warnings">'
    for prefix, w in labelled:
        where = ""
        if w.start is not None:
            end = w.start if w.end is None else w.end
            excerpt = " ".join(text[w.start : end].split())
            if len(excerpt) > 80:
                excerpt = excerpt[:80] + "…"
            where = f" [{w.start}:{end}] <q>{html.escape(excerpt)}</q>"
        yield (
            f"<li><code>{html.escape(prefix + w.code)}</code>{where}: {html.escape(w.message)}</li>"
        )
    yield "</ul>"


def render_html(text: str, article: Article, *, name: str | None = None) -> str:
    """Return one self-contained HTML page showing how ``article`` was cut from ``text``.

    ``article`` must be the parse of ``text`` (its spans point into it). The page holds the
    input, right to left, with every part (the main article's and each read-also article's)
    in a ``<span class="part" data-kind="KIND">`` (``data-name`` for a marker's name,
    ``data-article`` for a read-also article's part, ``data-start``/``data-end`` its span),
    a legend with each kind's count, the warnings, and the record (``article.to_dict()``) as
    JSON. Everything is HTML-escaped; the page loads nothing and runs no script (its
    Content-Security-Policy forbids both). ``name`` (a file name, a record id) heads it.

    Lone surrogates, which UTF-8 cannot carry, are shown as U+FFFD, one for one.

    Example:
        >>> import arnews
        >>> text = "<script>alert(1)</script>\\n\\nالمصدر: سرايا"
        >>> page = render_html(text, arnews.parse(text), name="x.txt")
        >>> "<script>" in page, "&lt;script&gt;" in page
        (False, True)
    """
    text = replace_surrogates(text)
    parts = labelled_parts(article)
    kinds = list(dict.fromkeys(p.kind for p in parts))
    record = replace_surrogates(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))
    heading = html.escape(name) if name else "arnews"
    paragraphs = len(article.paragraphs)
    summary = (
        f"{len(text):,} characters, {len(parts):,} parts, {paragraphs:,} "
        f"paragraph{'' if paragraphs == 1 else 's'}, {len(article.read_also)} read-also; "
        f"arnews {__version__}"
    )
    pieces = [
        "<!DOCTYPE html>",
        '<html lang="ar" dir="rtl">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{heading}: what arnews did</title>",
        f"<style>{_CSS}{_kind_css(kinds)}\n</style>",
        "</head>",
        "<body>",
        f'<h1 dir="auto">{heading}</h1>',
        f'<p class="summary" dir="ltr">{summary}</p>',
        '<div class="columns">',
        '<section class="input">',
        '<h2 dir="ltr">Parts</h2>',  # the legend is English: read left to right
        *_legend(parts),
        # One line: any character between the tags would be taken for input.
        '<div class="page" dir="rtl" lang="ar">' + "".join(_marked_text(text, parts)) + "</div>",
        "</section>",
        '<section class="result" dir="ltr">',
        "<h2>Warnings</h2>",
        *_warnings(text, article),
        "<h2>Record</h2>",
        f'<pre class="record">{html.escape(record, quote=False)}</pre>',
        "</section>",
        "</div>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(pieces)
