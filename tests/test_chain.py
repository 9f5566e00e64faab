"""The detector table: add, replace, move and disable detectors by name."""

from __future__ import annotations

import pytest

from arnews import Chain, PageState, Parser


def shout(state: PageState) -> None:
    for i, line in enumerate(state.lines):
        if state.kind[i] is None and line.text.startswith("إعلان:"):
            state.kind[i] = "boilerplate"
            state.claim_rest(i, "boilerplate")


def test_default_names() -> None:
    names = Chain.default().names
    assert names[0] == "markers" and names[-1] == "keywords"
    assert len(set(names)) == len(names)


def test_add_a_site_detector() -> None:
    chain = Chain.default().after("boilerplate", "ads", shout)
    assert chain.names[chain.names.index("boilerplate") + 1] == "ads"
    article = Parser(detectors=chain).parse("نص الخبر.\nإعلان: اشتر الآن")
    assert article.boilerplate == ("إعلان: اشتر الآن",)
    assert article.paragraphs == ("نص الخبر.",)


def test_disable_keeps_text() -> None:
    text = "سرايا - نص الخبر."
    article = Parser(detectors=Chain.default().disable("datelines")).parse(text)
    assert article.dateline is None
    assert article.paragraphs == (text,)


def test_edits() -> None:
    chain = Chain.default()
    assert chain.before("markers", "first", shout).names[0] == "first"
    assert chain.push("last", shout).names[-1] == "last"
    assert chain.replace("titles", shout)["titles"] is shout
    with pytest.raises(KeyError):
        chain.disable("nope")
    with pytest.raises(ValueError, match="already"):
        chain.push("markers", shout)
    with pytest.raises(KeyError):
        chain["nope"]


def test_a_failing_detector_never_loses_the_page() -> None:
    def broken(state: PageState) -> None:
        raise RuntimeError("boom")

    article = Parser(detectors=Chain.default().push("broken", broken)).parse("أ.\nب.")
    assert article.paragraphs == ("أ.", "ب.")
    assert article.warnings[0].code == "detector_error"
