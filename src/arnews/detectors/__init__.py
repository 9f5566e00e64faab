"""The default detectors, in the order they run.

Each module holds one detector with a docstring that says what it recognises, with example
lines. :data:`DEFAULT_CHAIN` is the table :class:`arnews.Parser` runs; derive your own with
:class:`arnews.Chain`'s ``before``/``after``/``replace``/``disable``.

Order matters: markers and furniture are found first, then the page is cut into articles,
then each article's parts are claimed from the most specific (sources, stamps, titles,
datelines) to the most general (paragraphs); tags are split last, with the body as evidence.
"""

from __future__ import annotations

from ..chain import Chain
from .boilerplate import detect_boilerplate
from .bylines import detect_bylines
from .datelines import detect_datelines
from .keywords import detect_keywords, detect_tag_lines
from .markers import detect_markers
from .paragraphs import detect_paragraphs
from .regions import detect_regions
from .related import detect_related
from .sources import detect_sources
from .stamps import detect_stamps
from .titles import detect_main_title, detect_titles

__all__ = [
    "DEFAULT_CHAIN",
    "detect_boilerplate",
    "detect_bylines",
    "detect_datelines",
    "detect_keywords",
    "detect_main_title",
    "detect_markers",
    "detect_paragraphs",
    "detect_regions",
    "detect_related",
    "detect_sources",
    "detect_stamps",
    "detect_tag_lines",
    "detect_titles",
]

#: The detectors arnews runs by default, by name.
DEFAULT_CHAIN = Chain(
    (
        ("markers", detect_markers),
        ("boilerplate", detect_boilerplate),
        ("regions", detect_regions),
        ("sources", detect_sources),
        ("tag_lines", detect_tag_lines),
        ("titles", detect_titles),
        ("stamps", detect_stamps),
        ("main_title", detect_main_title),
        ("bylines", detect_bylines),
        ("datelines", detect_datelines),
        ("related", detect_related),
        ("paragraphs", detect_paragraphs),
        ("keywords", detect_keywords),
    )
)
