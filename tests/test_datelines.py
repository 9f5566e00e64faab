"""Datelines in every wire form: place and agency split, taken off the first paragraph."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

import arnews
from arnews import Dateline
from arnews.detectors.datelines import dateline_end, dateline_fills_line
from arnews.state import PageState

from .conftest import SHARED_CORPUS

BODY = "وقال المتحدث باسم الوزارة إن المحادثات مستمرة منذ أسبوعين."
BODY2 = "وأضاف أن الجانبين اتفقا على مواصلة الحوار في الأيام المقبلة."
ANT = Path(__file__).parent.parent.parent / "shared" / "corpus" / "ant"


@pytest.mark.parametrize(
    ("lead", "place", "agency"),
    [
        # agency first, then the place, with a colon
        ("واس- جدة: ", "جدة", "واس"),
        ("رويترز- باريس: ", "باريس", "رويترز"),
        ("أ ف ب- بروكسل: ", "بروكسل", "أ ف ب"),
        ("سبق- الرياض: ", "الرياض", "سبق"),
        # place first, then the agency
        ("بيروت - النهار - ", "بيروت", "النهار"),
        ("القاهرة - أ ش أ: ", "القاهرة", "أ ش أ"),
        ("لندن - رويترز: ", "لندن", "رويترز"),
        ("عمان - الرأي - ", "عمان", "الرأي"),
        ("دمشق - سانا: ", "دمشق", "سانا"),
        ("رام الله - وفا: ", "رام الله", "وفا"),
        ("الدوحة - قنا: ", "الدوحة", "قنا"),
        ("أبوظبي - وام: ", "أبوظبي", "وام"),
        ("الكويت - كونا: ", "الكويت", "كونا"),
        ("مسقط - العمانية: ", "مسقط", "العمانية"),
        ("المنامة - بنا: ", "المنامة", "بنا"),
        ("أنقرة - الأناضول: ", "أنقرة", "الأناضول"),
        ("برلين - د ب أ: ", "برلين", "د ب أ"),
        ("برلين - ، د ب أ - ", "برلين", "د ب أ"),
        ("واشنطن - يو بي آي: ", "واشنطن", "يو بي آي"),
        ("باريس - أ ف ب: ", "باريس", "أ ف ب"),
        ("القاهرة – وكالات: ", "القاهرة", "وكالات"),
        ("واشنطن (رويترز) - ", "واشنطن", "رويترز"),
        # CNN's forms
        ("(CNN)-- ", None, "CNN"),
        ("(CNN) -- ", None, "CNN"),
        ("(CNN) – ", None, "CNN"),
        ("(CNN)— ", None, "CNN"),
        (
            "أتلانتا، الولايات المتحدة الأمريكية (CNN) -- ",
            "أتلانتا، الولايات المتحدة الأمريكية",
            "CNN",
        ),
        ("دبي، الإمارات العربية المتحدة (CNN)-- ", "دبي، الإمارات العربية المتحدة", "CNN"),
        ("دا نانغ، فيتنام (CNN)-- ", "دا نانغ، فيتنام", "CNN"),
        # a site's name in Latin letters, a site alone, a place alone
        ("SITE.INFO - ", None, "SITE.INFO"),
        ("Hespress - ", None, "Hespress"),
        ("سرايا - ", None, "سرايا"),
        ("القاهرة - ", "القاهرة", None),
    ],
)
def test_inline_dateline_forms(lead: str, place: str | None, agency: str | None) -> None:
    text = lead + BODY + "\n\n" + BODY2
    a = arnews.parse(text)
    assert a.dateline == Dateline(place, agency)
    assert a.paragraphs == (BODY, BODY2)
    assert a.spans.dateline is not None and a.spans.dateline[0] == 0
    for value, span in ((place, a.spans.dateline_place), (agency, a.spans.dateline_agency)):
        if value is not None:
            assert span is not None and text[span[0] : span[1]] == value


@pytest.mark.parametrize(
    ("line", "place", "agency"),
    [
        ("عمّان-بترا", "عمّان", "بترا"),
        ("دمشق-سانا", "دمشق", "سانا"),
        ("دبي - البيان", "دبي", "البيان"),
        ("القدس المحتلة-وكالات:", "القدس المحتلة", "وكالات"),
        ("القاهرة (الاتحاد)", "القاهرة", "الاتحاد"),
    ],
)
def test_dateline_alone_on_its_line(line: str, place: str, agency: str) -> None:
    a = arnews.parse(f"{line}\n{BODY}\n\n{BODY2}")
    assert a.dateline == Dateline(place, agency)
    assert a.paragraphs == (BODY, BODY2)
    assert a.title is None


def test_cnn_dateline_below_an_editors_note() -> None:
    note = "التحليل بقلم مراسل CNN، نيك باتون وولش"
    a = arnews.parse(f"{note}\nأتلانتا، الولايات المتحدة الأمريكية (CNN)-- {BODY}")
    assert a.dateline == Dateline("أتلانتا، الولايات المتحدة الأمريكية", "CNN")
    assert a.title is None
    assert a.paragraphs == (note, BODY)


@pytest.mark.parametrize(
    "first",
    [
        "قالت وزارة الصحة - في بيان - إن عدد الإصابات ارتفع.",
        "قال الرئيس - في بيان - إن المحادثات مستمرة.",
        "أعلنت وزارة الصحة في غزة - الأحد - عن ارتفاع عدد الضحايا.",
        "وقال مصدر مطلع (طلب عدم ذكر اسمه) إن الاتفاق قريب.",
        "الخبر : توفي ثلاثة أشخاص غرقا أمس.",
        "كتب - الرئيس في تغريدة أن الوضع مستقر.",
        "2012-06-19 (رياضة)",
    ],
)
def test_first_words_of_a_sentence_are_not_a_dateline(first: str) -> None:
    a = arnews.parse(first + "\n\n" + BODY)
    assert a.dateline is None
    assert a.paragraphs[0] == first


def test_a_wire_dateline_after_a_stamp_has_trimmed_sub_spans() -> None:
    text = "آخر تحديث: 17 يونيو 2025 - 12:27 م   سرايا - أعلن البيت الأبيض الخبر."
    a = arnews.parse(text)
    assert a.dateline == Dateline(None, "سرايا")
    dl, agency = a.spans.dateline, a.spans.dateline_agency
    assert dl is not None and agency is not None
    assert dl[0] <= agency[0] < agency[1] <= dl[1]
    assert text[agency[0] : agency[1]] == "سرايا"
    assert text[dl[0] : dl[1]] == "سرايا -"


def test_place_and_agency_after_a_stamp() -> None:
    text = "آخر تحديث: 17 يونيو 2025 - 12:27 م  بغداد/ شبكة أخبار العراق- أعلنت الوزارة الخبر."
    a = arnews.parse(text)
    place, agency, dl = a.spans.dateline_place, a.spans.dateline_agency, a.spans.dateline
    assert place is not None and agency is not None and dl is not None
    assert text[place[0] : place[1]] == "بغداد"
    assert text[agency[0] : agency[1]] == "شبكة أخبار العراق"
    assert dl[0] == place[0] and agency[1] <= dl[1]


_CNN = re.compile(r"^[^\n]{0,60}\(CNN\)\s*[-–—]", re.M)


@pytest.mark.skipif(not ANT.is_dir(), reason="../shared/corpus/ant is not beside the repo")
def test_cnn_datelines_on_the_ant_sample() -> None:
    pages = cnn = found = 0
    for path in sorted(ANT.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        pages += 1
        if not _CNN.search(text):
            continue
        cnn += 1
        a = arnews.parse(text)
        found += a.dateline is not None and a.dateline.agency == "CNN"
    assert pages >= 800 and cnn > 200
    assert found / cnn >= 0.99


@pytest.mark.skipif(not ANT.is_dir(), reason="../shared/corpus/ant is not beside the repo")
def test_no_dateline_invented_on_the_ant_sample() -> None:
    # Only CNN's pages carry datelines there; every other page opens with its lead sentence.
    with (ANT / "INDEX.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    wrong = []
    for row in rows:
        text = (ANT / row["file"]).read_text(encoding="utf-8")
        a = arnews.parse(text)
        if a.dateline is not None and a.dateline.agency != "CNN":
            wrong.append(row["file"])
    assert not wrong


# Real pages of other sites (research corpus beside the repository, read at test time).
_REAL = [
    ("saudinewsnet/saudinewsnet_002.txt", "بروكسل", "أ ف ب", "بعد ليلة مفاوضات"),
    ("saudinewsnet/saudinewsnet_151.txt", "الرياض", "سبق", "احتفل الشيخ"),
    ("saudinewsnet/saudinewsnet_165.txt", "جدة", "سبق", "قام وفد"),
    ("arabic_newspapers_corpus/anc_118.txt", "الدوحة", "الراية", "ما انفكّت"),
    ("arabic_newspapers_corpus/anc_137.txt", "دمشق", "سانا", "كرمت حاضنة"),
]


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="../shared/corpus is not beside the repo")
@pytest.mark.parametrize(("name", "place", "agency", "opening"), _REAL, ids=lambda v: str(v))
def test_real_wire_datelines(name: str, place: str, agency: str, opening: str) -> None:
    a = arnews.parse((SHARED_CORPUS / name).read_text(encoding="utf-8"))
    assert a.dateline == Dateline(place, agency)
    assert a.paragraphs[0].startswith(opening)


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="../shared/corpus is not beside the repo")
def test_no_first_sentence_cut_on_other_formats() -> None:
    # Every dateline taken there is a short lead-in: a place and/or an agency of a few words,
    # never the opening words of a sentence (a verb, a clause).
    for path in sorted(SHARED_CORPUS.glob("*/*.txt")):
        if path.name == "README.txt":
            continue
        text = path.read_text(encoding="utf-8")
        a = arnews.parse(text)
        if a.dateline is None:
            continue
        span = a.spans.dateline
        assert span is not None
        lead = text[span[0] : span[1]]
        assert len(lead.split()) <= 8, (path.name, lead)
        for value in (a.dateline.place, a.dateline.agency):
            assert value is None or len(value.split()) <= 4, (path.name, value)


@pytest.mark.parametrize(
    "text", ["واشنطن - :\nنص الخبر.", "تابع أحدث الأخبار عبر تطبيق.\nواشنطن - :"]
)
def test_a_dash_and_no_agency_gives_no_empty_agency(text: str) -> None:
    # Found by the fuzzer: a place, a dash, then only a colon. The agency is none, never an
    # empty string with an empty span.
    a = arnews.parse(text)
    assert a.dateline is not None and a.dateline.place == "واشنطن"
    assert a.dateline.agency is None
    assert a.spans.dateline_agency is None


# Lines a title detector asks about: lead-ins alone on their line, and lines that only
# look like one (a dash, a bracket, a colon, a slash) or nothing like one.
_FILL_LINES = [
    "عمّان-بترا",
    "دبي - البيان",
    "القدس المحتلة-وكالات:",
    "القاهرة (الاتحاد)",
    "واشنطن (رويترز) -",
    "بغداد/ شبكة أخبار العراق-",
    "لندن - رويترز:",
    "سرايا -",
    "القاهرة -",
    "(CNN)--",
    "هدنة غزة - جهود مكثفة لعقد اتفاق تهدئة",
    "الرئيس (يمين) يلتقي وزير الخارجية",
    "تقرير فلسطيني:",
    "جهود مكثفة لعقد اتفاق تهدئة بغزة",
    "بيروت/ خاص",
    "أ ف ب- بروكسل: بعد ليلة مفاوضات",
    "عرض أوروبي بعد ليلة مفاوضات مضنية حول اليونان",
]


@pytest.mark.parametrize("line", _FILL_LINES)
def test_dateline_fills_line_agrees_with_reading_the_line(line: str) -> None:
    # The quick test on the line's characters rules out only lines the patterns would
    # not take whole; it claims nothing.
    state = PageState.of(f"{line}\n{BODY}")
    end = dateline_end(state, 0)
    assert dateline_fills_line(state, 0) == (end is not None and end >= state.ends[0])
    assert state.pieces == []
    assert state.rest[0] == state.starts[0]
