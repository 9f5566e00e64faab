"""The marker lexicon: every spelling real pages use, markers only at a line's start."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import arnews
from arnews import Lexicon, LexiconError
from arnews.normalize import fold_chars

LEX = Lexicon.default()


def kind(line: str) -> str | None:
    m = LEX.match_marker(fold_chars(line))
    return None if m is None else m.kind


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("المصدر: صدى البلد", "source"),
        ("المصدر : صدى البلد", "source"),
        ("المصدر:: وكالات", "source"),
        ("كلمات دلالية: غزة", "keywords"),
        ("الكلمات الدلالية: غزة", "keywords"),
        ("كلمات مفتاحية: غزة", "keywords"),
        ("الوسوم: غزة", "keywords"),
        ("إقرأ أيضاً:", "read_also"),
        ("اقرأ أيضا", "read_also"),
        ("اقرأ أيضًا", "read_also"),
        ("إقرأ ايضا :", "read_also"),
        ("اقرأ ايضاً: عنوان خبر", "read_also"),
        ("شاهد أيضاً:", "read_also"),
        ("مقالات مشابهة", "headlines"),
        ("مقالات ذات صلة", "headlines"),
        ("مواضيع ذات صلة", "headlines"),
        ("أخبار ذات صلة", "headlines"),
        ("طباعة شارك ترامب غزة", "share"),
        ("آخر تحديث: 17 يونيو 2025", "updated"),
        ("نشر في 17 يونيو 2025", "published"),
        ("» اقرأ أيضا:", "read_also"),
        ("كلمـات دلاليـة: غزة", "keywords"),
        ("الکلمات الدلالیة: غزة", "keywords"),
    ],
)
def test_marker_spellings(line: str, expected: str) -> None:
    assert kind(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "وقال المصدر: إن بشير ليس من ضمن القائمة",
        "المصدريون قالوا",
        "قد يهمك أن تعرف أن الاجتماع تأجل",
        "كلماتهم كانت واضحة",
    ],
)
def test_not_markers(line: str) -> None:
    assert kind(line) is None


def test_headline_phrase_with_dollar_counts_only_alone() -> None:
    assert kind("قد يهمك") == "headlines"
    assert kind("قد يهمك:") == "headlines"


def test_boilerplate() -> None:
    assert LEX.is_boilerplate("تابع أحدث الأخبار عبر تطبيق")
    assert LEX.is_boilerplate("تابع أحدث الأخبار عبر تطبيق جوجل نيوز")
    assert LEX.is_boilerplate("طباعة")
    assert not LEX.is_boilerplate("طباعة الكتب في مصر تراجعت كثيرا هذا العام")


def test_extend_replace_save_load(tmp_path: Path) -> None:
    lex = LEX.extend(markers={"source": ["نقلا عن"]}, boilerplate=["حمل تطبيقنا"])
    assert lex.match_marker("نقلا عن: وكالة") is not None
    assert LEX.match_marker("نقلا عن: وكالة") is None  # the default is untouched
    path = tmp_path / "lex.json"
    lex.save(path)
    assert Lexicon.load(path) == lex
    assert lex.replace(bullets=("•",)).bullets == ("•",)


def test_custom_lexicon_reaches_the_parser() -> None:
    parser = arnews.Parser(lexicon=LEX.extend(markers={"source": ["نقلا عن"]}))
    assert parser.parse("خبر.\nنقلا عن: وكالة الأنباء").source == "وكالة الأنباء"
    assert arnews.parse("خبر.\nنقلا عن: وكالة الأنباء").source is None


@pytest.mark.parametrize(
    "data",
    [[], {"markers": []}, {"markers": {"source": "المصدر"}}, {"boilerplate": [1]}],
)
def test_malformed_lexicon(data: object) -> None:
    with pytest.raises(LexiconError):
        Lexicon.from_dict(data)  # type: ignore[arg-type]


def test_unreadable_lexicon_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad\.json"):
        Lexicon.load(path)


def test_shipped_file_is_valid_json_with_every_kind() -> None:
    from importlib import resources

    data = json.loads(resources.files("arnews").joinpath("data", "lexicon.json").read_text("utf-8"))
    assert set(data["markers"]) >= set(arnews.lexicon.MARKER_KINDS)
