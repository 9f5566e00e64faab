"""Bylines: the author or credit line at the head of an article, taken off the body."""

from __future__ import annotations

import pytest

import arnews
from arnews import Dateline

from .conftest import SHARED_CORPUS

BODY = "وقال المتحدث باسم الوزارة إن المحادثات مستمرة منذ أسبوعين."
BODY2 = "وأضاف أن الجانبين اتفقا على مواصلة الحوار في الأيام المقبلة."


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("كتب- أحمد علي:", "أحمد علي"),
        ("كتب - أحمد علي", "أحمد علي"),
        ("كتب ـ محمد سامي:", "محمد سامي"),
        ("كتبت: سارة محمود", "سارة محمود"),
        ("بقلم: د. نظمي خليل", "د. نظمي خليل"),
        ("بقلم خالص جلبي", "خالص جلبي"),
        ("بقلم/ خالص جلبي:", "خالص جلبي"),
        ("تصوير: محمد حسن", "محمد حسن"),
        ("إعداد: ليلى عبد الله", "ليلى عبد الله"),
        ("متابعة: محمد حسن", "محمد حسن"),
        ("ترجمة: هالة صلاح", "هالة صلاح"),
        ("حوار: سامر يوسف", "سامر يوسف"),
        ("بقلم الدكتور سامر يوسف", "الدكتور سامر يوسف"),
        ("كتب المحرر السياسي", "المحرر السياسي"),
        ("أحمد حجازي – متابعات", "أحمد حجازي"),
        ("متابعة", None),
        ("خاص", None),
        ("متابعات", None),
    ],
)
def test_credit_alone_on_its_line(line: str, byline: str | None) -> None:
    text = f"{line}\n\n{BODY}\n\n{BODY2}"
    a = arnews.parse(text)
    assert a.byline == byline
    assert a.paragraphs == (BODY, BODY2)
    assert a.dateline is None
    parts = [p for p in a.parts if p.kind == "byline"]
    assert len(parts) == 1
    assert text[parts[0].start : parts[0].end] == line
    if byline is None:
        assert a.spans.byline is None
    else:
        assert a.spans.byline is not None
        assert text[a.spans.byline[0] : a.spans.byline[1]] == byline


@pytest.mark.parametrize(
    ("lead", "byline"),
    [
        ("كتب- أحمد علي: ", "أحمد علي"),
        ("كتب - أحمد علي: ", "أحمد علي"),
        ("كتبت: سارة محمود: ", "سارة محمود"),
        ("بقلم: سامي نصر: ", "سامي نصر"),
    ],
)
def test_credit_leading_the_first_paragraph(lead: str, byline: str) -> None:
    a = arnews.parse(lead + BODY + "\n\n" + BODY2)
    assert a.byline == byline
    assert a.paragraphs == (BODY, BODY2)


@pytest.mark.parametrize(
    ("line", "place", "agency", "byline"),
    [
        ("SITE.INFO - متابعة", None, "SITE.INFO", None),
        ("SITE.INFO- مكتب الرباط - خاص", "الرباط", "SITE.INFO", None),
        ("SITE - بقلم: سامي نصر", None, "SITE", "سامي نصر"),
        ("Hespress - متابعة", None, "Hespress", None),
        ("سبق- وكالات", None, "سبق", None),
        ("جدة ـ عبدالغني الشريف", "جدة", None, "عبدالغني الشريف"),
        ("النيلين - متابعات", None, "النيلين", None),
    ],
)
def test_credit_with_a_site_or_office(
    line: str, place: str | None, agency: str | None, byline: str | None
) -> None:
    text = f"{line}\n\n{BODY}"
    a = arnews.parse(text)
    assert a.dateline == Dateline(place, agency)
    assert a.byline == byline
    assert a.paragraphs == (BODY,)


@pytest.mark.parametrize(
    "lead",
    ["كتب- أحمد علي: القاهرة - ", "القاهرة - كتب أحمد علي: "],
)
def test_credit_and_dateline_leading_the_paragraph(lead: str) -> None:
    a = arnews.parse(lead + BODY)
    assert a.byline == "أحمد علي"
    assert a.dateline == Dateline("القاهرة", None)
    assert a.paragraphs == (BODY,)


def test_credit_below_the_title_and_above_the_dateline() -> None:
    text = (
        "الوزير يعلن خطة جديدة للمحادثات مع الجانبين\n\n"
        "كتب- أحمد علي:\n\n"
        "القاهرة - أعلن الوزير خطة جديدة للمحادثات، وقال إن الجانبين اتفقا عليها.\n\n" + BODY
    )
    a = arnews.parse(text)
    assert a.title == "الوزير يعلن خطة جديدة للمحادثات مع الجانبين"
    assert a.byline == "أحمد علي"
    assert a.dateline == Dateline("القاهرة", None)
    assert a.paragraphs[0].startswith("أعلن الوزير")


def test_two_credit_lines_keep_the_first_name() -> None:
    a = arnews.parse(f"كتب: أحمد علي\nتصوير: محمد حسن\n\n{BODY}")
    assert a.byline == "أحمد علي"
    assert [p.kind for p in a.parts][:2] == ["byline", "byline"]
    assert a.paragraphs == (BODY,)


@pytest.mark.parametrize(
    "first",
    [
        "كتب الرئيس في تغريدة أن المحادثات مستمرة.",
        "كتب الرئيس الأمريكي على تويتر: المحادثات مستمرة.",
        "كتب على تويتر: المحادثات مستمرة.",
        "كتبت الصحيفة أن المحادثات مستمرة منذ أسبوعين.",
        "متابعة الأحداث: الوزارة تعلن أن المحادثات مستمرة.",
        "هذا المقال بقلم سامي نصر، والآراء الواردة فيه تعبر عن رأي الكاتب.",
        "تصوير الفيلم سيبدأ في القاهرة الشهر المقبل.",
    ],
)
def test_reported_speech_is_not_a_byline(first: str) -> None:
    a = arnews.parse(first + "\n\n" + BODY)
    assert a.byline is None
    assert a.paragraphs[0] == first
    assert not [p for p in a.parts if p.kind == "byline"]


def test_a_credit_deep_in_the_body_is_body_text() -> None:
    text = f"{BODY}\n\n{BODY2}\n\nبقلم: سامي نصر\n\n{BODY}"
    a = arnews.parse(text)
    assert a.byline is None
    assert "بقلم: سامي نصر" in a.paragraphs


def test_byline_round_trips_and_is_in_the_contract() -> None:
    a = arnews.parse(f"بقلم: سامي نصر\n\n{BODY}")
    d = a.to_dict()
    assert list(d)[:4] == ["title", "dateline", "byline", "updated"]
    assert d["byline"] == "سامي نصر"
    assert d["spans"]["byline"] == list(a.spans.byline or ())
    assert arnews.Article.from_dict(d) == a
    assert a.normalized().byline == "سامي نصر"


# Real pages of other sites (research corpus beside the repository, read at test time).
_REAL = [
    ("arabic_newspapers_corpus/anc_001.txt", "سيف الدين الأتاسي"),
    ("arabic_newspapers_corpus/anc_034.txt", "خالص جلبي"),
    ("arabic_newspapers_corpus/anc_086.txt", "كاظم عايش"),
    ("arabic_newspapers_corpus/anc_157.txt", "جمال فايز"),
    ("saudinewsnet/saudinewsnet_048.txt", "أحمد حجازي"),
    ("saudinewsnet/saudinewsnet_125.txt", "سلوى سعد"),
]


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="../shared/corpus is not beside the repo")
@pytest.mark.parametrize(("name", "byline"), _REAL, ids=lambda v: str(v))
def test_real_bylines(name: str, byline: str) -> None:
    a = arnews.parse((SHARED_CORPUS / name).read_text(encoding="utf-8"))
    assert a.byline == byline
    assert not any(byline in p for p in a.paragraphs)


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="../shared/corpus is not beside the repo")
def test_bylines_on_other_formats_are_names() -> None:
    for path in sorted(SHARED_CORPUS.glob("*/*.txt")):
        if path.name == "README.txt":
            continue
        a = arnews.parse(path.read_text(encoding="utf-8"))
        if a.byline is not None:
            assert len(a.byline.split()) <= 4, (path.name, a.byline)


def test_a_sentence_after_a_bare_credit_is_no_name() -> None:
    a = arnews.parse("متابعة: أعلنت الوزارة: إن المحادثات مستمرة.\n\n" + BODY)
    assert a.byline is None
    assert a.paragraphs[0] == "أعلنت الوزارة: إن المحادثات مستمرة."


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("فرانس24/ أ ف ب", "فرانس24/ أ ف ب"),
        ("سيباستيان سايبت/مها بن عبد العظيم", "سيباستيان سايبت/مها بن عبد العظيم"),
        ("إعداد: سامر يوسف", "سامر يوسف"),
        ("ترجمة: هالة صلاح", "هالة صلاح"),
    ],
)
def test_closing_credit(line: str, byline: str) -> None:
    text = f"{BODY}\n\n{BODY2}\n\n{line}\n\nالمصدر: صدى البلد"
    a = arnews.parse(text)
    assert a.byline == byline
    assert a.paragraphs == (BODY, BODY2)
    assert a.source == "صدى البلد"


@pytest.mark.parametrize(
    "line",
    [
        "النتائج في نهاية أيار/مايو",
        "وقال الوزير إن الاتفاق سيوقع في أيار/مايو المقبل.",
        "24/7",
        "القاهرة/ الإسكندرية",
        "دبي/ أبوظبي",
    ],
)
def test_a_closing_line_with_a_slash_is_body(line: str) -> None:
    a = arnews.parse(f"{BODY}\n\n{line}")
    assert a.byline is None
    assert a.paragraphs == (BODY, line)
