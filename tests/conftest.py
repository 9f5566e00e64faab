"""Shared test configuration: hypothesis profiles and paths to test data."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
#: The research corpus beside the repository (never copied into it: research-only licences).
SHARED_CORPUS = HERE.parent.parent / "shared" / "corpus" / "other-formats"
#: The output contract's keys (spec README), in the order ``Article.to_dict()`` gives them.
CONTRACT_KEYS = (
    "title",
    "dateline",
    "byline",
    "updated",
    "paragraphs",
    "related_headlines",
    "source",
    "keywords",
    "read_also",
    "similar",
    "boilerplate",
)

settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "ci",
    max_examples=int(os.environ.get("ARNEWS_CI_EXAMPLES", "1000")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
