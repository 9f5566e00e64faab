"""The result classes: immutability, round trips, the public entry points' input checks."""

from __future__ import annotations

import pickle
from datetime import datetime

import attrs
import pytest

import arnews
from arnews import Article, Dateline, Diagnostic, Part, Spans

from .conftest import CONTRACT_KEYS, FIXTURES


def sample() -> Article:
    return arnews.parse((FIXTURES / "spec" / "004.txt").read_text(encoding="utf-8"))


def test_article_is_frozen_and_slotted() -> None:
    a = sample()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.source = "x"  # type: ignore[misc]
    assert not hasattr(a, "__dict__")
    assert attrs.has(Dateline) and attrs.has(Spans) and attrs.has(Part)


def test_dict_and_json_round_trip() -> None:
    a = sample()
    assert Article.from_dict(a.to_dict()) == a
    assert Article.from_json(a.to_json()) == a
    assert Article.from_json(a.to_json(indent=2).encode("utf-8")) == a


def test_contract_keys_come_first_and_updated_is_iso() -> None:
    d = sample().to_dict()
    assert tuple(d)[: len(CONTRACT_KEYS)] == CONTRACT_KEYS
    assert d["read_also"][0]["updated"] == "2025-06-17T12:27:00"
    assert isinstance(sample().read_also[0].updated, datetime)


def test_contract_only_dict_loads() -> None:
    d = sample().to_dict(spans=False)
    assert "spans" not in d
    a = Article.from_dict(d)
    assert a.paragraphs == sample().paragraphs
    assert a.spans == Spans()


def test_pickles() -> None:
    a = sample()
    assert pickle.loads(pickle.dumps(a)) == a
    parser = arnews.Parser()
    assert pickle.loads(pickle.dumps(parser)).parse("خبر.").paragraphs == ("خبر.",)
    assert pickle.loads(pickle.dumps(arnews.parse)) is arnews.parse


def test_lone_surrogates_become_replacement_characters_in_json() -> None:
    a = Article(paragraphs=("نص \ud800 آخر",))
    text = a.to_json()
    text.encode("utf-8")
    assert "\ufffd" in Article.from_json(text).paragraphs[0]


@pytest.mark.parametrize("bad", [b"bytes", None, 3, ["list"]])
def test_parse_rejects_non_str(bad: object) -> None:
    with pytest.raises(TypeError, match="str"):
        arnews.parse(bad)  # type: ignore[arg-type]


def test_from_dict_rejects_non_mapping() -> None:
    with pytest.raises(TypeError):
        Article.from_dict(["x"])  # type: ignore[arg-type]


def test_parse_is_pure() -> None:
    text = (FIXTURES / "spec" / "001.txt").read_text(encoding="utf-8")
    assert arnews.parse(text) == arnews.parse(text) == arnews.Parser().parse(text)


def test_text_property_and_iter_articles() -> None:
    a = sample()
    assert a.text == "\n\n".join(a.paragraphs)
    assert [x.title for x in a.iter_articles()][1:] == [r.title for r in a.read_also]


def test_diagnostic_round_trip() -> None:
    d = Diagnostic("time_budget", "slow", 1, 2)
    assert Diagnostic.from_dict(d.to_dict()) == d


def test_normalized_copy_leaves_the_original() -> None:
    a = sample()
    n = a.normalized()
    assert n.read_also[0].title is not None
    assert "إ" not in "".join(n.paragraphs)
    assert "إ" in "".join(a.paragraphs)
    assert n.spans == a.spans
    assert n.normalized() == n


def _slow_json(article: Article, **kwargs: object) -> str:
    # What to_json wrote before its fast paths: the whole record through json.dumps.
    import json

    from arnews.model import json_record, replace_surrogates

    return replace_surrogates(json.dumps(json_record(article), ensure_ascii=False, **kwargs))


def test_to_json_writes_the_text_json_dumps_writes() -> None:
    # to_json encodes the record up to the spans with a C encoder made once, then appends
    # the parts (formatted in C) and the warnings: the bytes must be json.dumps's.
    from arnews import Parts

    odd = Parts.from_columns(["paragraph", 'ki"nd'], [True, 3], [2, 4], [None, "n\\ame"])
    articles = [
        arnews.parse(p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.rglob("*.txt"))[:40]
    ]
    articles += [
        Article(),
        Article(paragraphs=('نص "مقتبس"\tو\\',), parts=odd),
        Article(parts=Parts.from_columns(["x"], [0], [1.5], [None])),  # type: ignore[list-item]
        Article(title="a" + chr(0xD800), warnings=(Diagnostic("c", "m\n", 1, 2),)),
        Article(read_also=(Article(title="ع", parts=odd),)),
        # Spans of other types than the converters make (the written-out record checks them).
        Article(spans=Spans(title=(True, 2), paragraphs=((0.5, 2),))),
        Article(spans=Spans(title=(10**30, 2), paragraphs=[[1, 2]], keywords=((1, 2), (3, 4)))),
        Article(
            title="%s %d",
            dateline=Dateline(None, 'a"b\\c\n'),
            updated=datetime(2020, 1, 2, 3, 4),
            published=datetime(2021, 5, 6),
            paragraphs=("%", "a\u2028b", "\x00"),
            related_headlines=("r",),
            keywords=("k",),
            similar=("s",),
            boilerplate=("b",),
            warnings=(Diagnostic("x", "y"),),
        ),
    ]
    for a in articles:
        assert a.to_json() == _slow_json(a)
        assert a.to_json(spans=False) == replace_surrogates_dumps(a)
        assert a.to_json(indent=2) == _slow_json(a, indent=2)


def replace_surrogates_dumps(article: Article) -> str:
    import json

    from arnews.model import replace_surrogates

    return replace_surrogates(json.dumps(article.to_dict(spans=False), ensure_ascii=False))


def test_surrogates_are_found_in_every_kind_of_string() -> None:
    from arnews.model import has_surrogates

    for text in (
        "a" + chr(0xD800),
        "نص" + chr(0xDFFF),
        "😀" + chr(0xDC00),
        chr(0xD83D) + chr(0xDE00),
    ):
        assert has_surrogates(text)
    for text in ("", "abc", "نص", "😀نص", "é"):
        assert not has_surrogates(text)
