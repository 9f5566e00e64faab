"""The marker lexicon: every spelling real pages use, markers only at a line's start."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# ------------------------------------------------------------------ load errors (issue 12)

LONG = "ع" * 1_000


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", r"not valid JSON: Expecting property name .*line 1, column 2"),
        ("[" * 100_000 + "]" * 100_000, "not a lexicon: arrays or objects nested too deep"),
        ('{"markers": ' + "[" * 5_000 + "]" * 5_000 + "}", ".*nested too deep|.*must map"),
        ("[]", "a lexicon must be a JSON object, not an array"),
        ('{"markers": {"source": "المصدر"}}', "markers.source must be a list of strings"),
        ('{"boilerplate": ["حمل", 1]}', r"boilerplate\[1\] must be a string, not a number"),
        ('{"boilerplates": []}', "unknown key 'boilerplates'"),
        (json.dumps({"boilerplate": ["قصير", LONG]}), r"boilerplate\[1\] is 1,000 characters"),
        (json.dumps({"markers": {"source": [LONG]}}), r"markers.source\[0\] is 1,000 char"),
    ],
)
def test_every_load_error_names_the_file_and_the_fault(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "my-lexicon.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match=rf"^{tmp_path}/my-lexicon\.json: ({message})"):
        Lexicon.load(path)


def test_unreadable_and_non_utf8_lexicon_files(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match=r"missing\.json: cannot read it: No such file"):
        Lexicon.load(tmp_path / "missing.json")
    bad = tmp_path / "latin.json"
    bad.write_bytes(b'{"bylines": ["\xe9"]}')
    with pytest.raises(LexiconError, match=r"latin\.json: not valid UTF-8 at byte 14"):
        Lexicon.load(bad)


def test_a_phrase_too_long_is_refused_however_the_lexicon_is_built() -> None:
    with pytest.raises(LexiconError, match="at most 150"):
        Lexicon.default().extend(boilerplate=[LONG])
    with pytest.raises(LexiconError, match=r"bylines\[0\]"):
        Lexicon.default().replace(bylines=(LONG,))
    assert Lexicon.default().extend(boilerplate=["ع" * 150]).boilerplate[-1] == "ع" * 150


def test_the_shipped_file_is_checked_as_a_users_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from arnews import _data, lexicon

    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "lexicon.json").write_text('{"markers": 1}', encoding="utf-8")
    monkeypatch.setattr(_data, "_PACKAGE_DIR", str(tmp_path))
    with pytest.raises(LexiconError, match=r"data/lexicon\.json: 'markers' must map"):
        lexicon._load_default()


def test_thousands_of_phrases_compile_once_per_process() -> None:
    data = {
        "boilerplate": [f"عبارة رقم {i} للتجربة" for i in range(1_500)],
        "markers": {"source": [f"مصدر رقم {i}" for i in range(500)]},
    }
    first = Lexicon.from_dict(data)
    again = Lexicon.from_dict(json.loads(json.dumps(data)))
    # The second build (a worker unpickling it, a copy) reuses the compiled patterns.
    assert again._boilerplate_re is first._boilerplate_re
    assert again._pattern("kind:source") is first._pattern("kind:source")
    assert first.is_boilerplate("عبارة رقم 1499 للتجربة")
    assert first.match_marker("مصدر رقم 7: وكالة").kind == "source"  # type: ignore[union-attr]


def test_tag_lexicon_load_errors_name_the_file(tmp_path: Path) -> None:
    from arnews.tags import TagLexicon

    deep = tmp_path / "deep.json"
    deep.write_text('{"phrases": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    with pytest.raises(ValueError, match=r"deep\.json: arrays or objects nested too deep"):
        TagLexicon.load(deep)
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"caf\xe9\n")
    with pytest.raises(ValueError, match=r"latin\.txt: not valid UTF-8 at byte 3"):
        TagLexicon.load(latin)


def _every_kind_tried(lex: Lexicon, line: str, kinds: tuple[str, ...]) -> object:
    """match_marker as it was before kinds were filtered on the line's first character."""
    if lex.marker_pattern.match(line) is None:
        return None
    best = None
    for kind in kinds:
        if kind not in lex._kinds:
            continue
        m = lex._pattern("kind:" + kind).match(line, 0, len(line))
        if m is not None and (best is None or m.end() > best[1]):
            best = (kind, m.end(), bool(m.group("colon")), m.end() >= len(line))
    return best


_PHRASES = sorted({p.rstrip("$:") for ps in Lexicon.default().markers.values() for p in ps})
_OPENERS = ["", " ", "\u0640", "\u064b", "\u200f", "- ", "• ", "* ", "\u00a0", "x"]
_AFTER = ["", ":", " :", ": نص", " - عنوان", "نص", " عنوان قصير", "| خبر", ":ـ: "]


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(_OPENERS),
    st.sampled_from(_PHRASES),
    st.sampled_from(_AFTER),
    st.sampled_from([None, ("keywords", "source"), ("read_also",), ("source", "read_also")]),
)
def test_match_marker_tries_only_kinds_the_first_character_allows(
    opener: str, phrase: str, after: str, kinds: tuple[str, ...] | None
) -> None:
    # Kinds whose phrases cannot open with the line's first character are skipped: the
    # answer must be the one trying every kind gives.
    lex = Lexicon.default()
    line = opener + phrase + after
    asked = kinds if kinds is not None else arnews.lexicon.MARKER_KINDS
    found = lex.match_marker(line) if kinds is None else lex.match_marker(line, list(kinds))
    got = None if found is None else (found.kind, found.end, found.colon, found.rest_empty)
    assert got == _every_kind_tried(lex, line, tuple(asked))


# -- the package's modules ----------------------------------------------------------------------


def test_every_name_is_where_it_was() -> None:
    # The package's modules split what was one module: the names other modules import
    # from arnews.lexicon stay there, and the default lexicon is the one loaded.
    from arnews import lexicon

    names = ("_DEFAULT", "_from_json", "_furniture_key", "_load_default", "MAX_PHRASE_CHARS")
    for name in (*names, "PREFIX_CHARS", "read_utf8", *lexicon.__all__):
        assert hasattr(lexicon, name), name
    assert lexicon._DEFAULT is Lexicon.default()
    assert LexiconError.__module__ == "arnews.lexicon"


def test_pickles_keep_the_default_lexicon_and_rebuild_others() -> None:
    assert pickle.loads(pickle.dumps(LEX)) is LEX
    other = LEX.extend(boilerplate=["حمل تطبيقنا"])
    again = pickle.loads(pickle.dumps(other))
    assert again == other and again.is_boilerplate("حمل تطبيقنا الآن")


def test_the_reference_lists_every_member_of_the_class() -> None:
    # docs/reference.md lists Lexicon's members by name (its furniture methods are inherited
    # from arnews.lexicon.furniture): a new public member must be added to the list.
    page = (Path(__file__).resolve().parents[1] / "docs" / "reference.md").read_text("utf-8")
    entry = page.split("::: arnews.Lexicon\n", 1)[1].split(":::", 1)[0]
    listed = entry.split("members:\n", 1)[1].split()
    listed = [word for word in listed if word != "-"]
    public = {name for cls in Lexicon.__mro__[:-1] for name in vars(cls) if name[0] != "_"}
    assert sorted(listed) == sorted(public)


_ANT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "ant"


@pytest.mark.skipif(not _ANT.is_dir(), reason="../shared/corpus/ant is not beside the repo")
def test_kind_match_without_pretest_agrees_with_match_marker() -> None:
    # The markers detector matches the kinds' patterns without match_marker's any-marker
    # pre-test: that pattern must let through every line a kind's pattern takes.
    from arnews.lexicon import MARKER_KINDS
    from arnews.lines import PREFIX_CHARS

    lines = {
        line
        for page in sorted(_ANT.glob("*.txt"))[:200]
        for line in page.read_text(encoding="utf-8").splitlines()
        if line and line[0] in LEX.marker_heads
    }
    assert lines
    matched = 0
    for line in lines:
        for stop in {len(line), min(len(line), PREFIX_CHARS)}:
            found = LEX._match_kinds(line, MARKER_KINDS, 0, stop)
            expected = LEX.match_marker(line, endpos=stop)
            if found is None:
                assert expected is None
                continue
            kind_, m = found
            matched += 1
            assert LEX.marker_pattern.match(line, 0, stop) is not None
            assert expected == arnews.lexicon.MarkerMatch(
                kind_, m.end(), bool(m.group("colon")), m.end() >= stop
            )
    assert matched
