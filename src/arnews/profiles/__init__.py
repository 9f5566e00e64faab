"""Site profiles: what one site prints around its articles, learned from its own pages.

Every site repeats its own furniture (navigation, ticker, promos, the heading of its "most
read" block, its copyright line) on page after page, around different articles. No shipped
lexicon lists it for every site, but a crawl holds many pages of each: :meth:`SiteProfile.learn`
reads the unlabeled pages of one site and keeps what recurs *in furniture positions*, and
``Parser(profile=...)`` applies it by extending the parser's lexicon::

    >>> from arnews import Parser, SiteProfile
    >>> profile = SiteProfile(site="example", pages=40, furniture=("حمّل تطبيق المثال",))
    >>> Parser(profile=profile).parse("خبر قصير.\\nحمل تطبيق المثال").boilerplate
    ('حمل تطبيق المثال',)

Frequency alone is not evidence: a sentence quoted by two articles, or a closing line the
site writes inside its articles, is body. A line is learned only when it stands on many of the
site's pages (:attr:`LearnSettings.min_pages`, :attr:`LearnSettings.min_share`) and, on nearly
all of them, outside the article: before its first line of running text, after its footer
(source, tags) or next to a headline list. A profile learned from a handful of pages is empty.
Profiles are data: :meth:`SiteProfile.save` writes readable, editable, versioned JSON.
"""

from __future__ import annotations

from .learning import LearnSettings, PageSummary, ProfileLearner, summarise_page
from .site import (
    PROFILE_VERSION,
    ProfileError,
    SiteProfile,
    load_profiles,
    profiles_json,
    profiles_key,
    save_profiles,
)

__all__ = [
    "PROFILE_VERSION",
    "LearnSettings",
    "PageSummary",
    "ProfileError",
    "ProfileLearner",
    "SiteProfile",
    "load_profiles",
    "profiles_json",
    "profiles_key",
    "save_profiles",
    "summarise_page",
]
