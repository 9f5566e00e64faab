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

from typing import TYPE_CHECKING, Any

from .site import (
    PROFILE_VERSION,
    ProfileError,
    SiteProfile,
    load_profiles,
    profiles_json,
    profiles_key,
    save_profiles,
)

if TYPE_CHECKING:
    from .learning import LearnSettings, PageSummary, ProfileLearner, summarise_page

# Learning a profile is a job of its own (``arnews learn``): its names are imported when
# first read (PEP 562), so that a parser given a profile, or none, does not pay for them.
_LEARNING = frozenset({"LearnSettings", "PageSummary", "ProfileLearner", "summarise_page"})


def __getattr__(name: str) -> Any:
    """The learning names (:data:`_LEARNING`), imported from :mod:`.learning` when first read.

    Example:
        >>> import arnews.profiles
        >>> arnews.profiles.ProfileLearner.__module__
        'arnews.profiles.learning'
    """
    if name not in _LEARNING:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from . import learning

    value = getattr(learning, name)
    globals()[name] = value  # read once: later reads are plain attribute lookups
    return value


def __dir__() -> list[str]:
    """The module's names, the learning names included."""
    return sorted({*globals(), *_LEARNING})


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
