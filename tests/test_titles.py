"""The main article's title: a page that opens with its own headline."""

from __future__ import annotations

from pathlib import Path

import pytest

import arnews
from arnews import Dateline

from .conftest import SHARED_CORPUS

ANT = Path(__file__).parent.parent.parent / "shared" / "corpus" / "ant"
LEAD = (
    "أعلنت وزارة الصحة اليوم الأحد عن افتتاح مستشفى جديد للأطفال في مدينة الخليل، "
    "بتكلفة بلغت عشرة ملايين دولار."
)
BODY = "وقال الوزير إن المستشفى سيخدم أكثر من مئة ألف طفل في المحافظة والقرى المجاورة لها."


@pytest.mark.parametrize(
    "headline",
    [
        "افتتاح مستشفى جديد للأطفال في الخليل",
        "وزارة الصحة: افتتاح مستشفى للأطفال بتكلفة 10 ملايين دولار",
        "الصحة تفتتح مستشفى للأطفال.. والوزير يعد بالمزيد",
        "هل يخدم مستشفى الأطفال الجديد كل المحافظة؟",
        "«الصحة» تفتتح مستشفى الأطفال في الخليل",
    ],
)
def test_a_page_that_opens_with_its_headline(headline: str) -> None:
    for gap in ("\n\n", "\n"):
        text = headline + gap + LEAD + "\n\n" + BODY
        a = arnews.parse(text)
        assert a.title == headline
        assert a.spans.title is not None
        assert text[a.spans.title[0] : a.spans.title[1]] == headline
        assert a.paragraphs == (LEAD, BODY)
        assert a.parts[0].kind == "title"


def test_the_headline_repeated_below_a_ticker() -> None:
    headline = "افتتاح مستشفى جديد للأطفال في الخليل"
    text = f"{headline}\n\nعاجل: انقطاع الكهرباء عن وسط المدينة\n\n{headline}\n\n{LEAD}\n\n{BODY}"
    a = arnews.parse(text)
    assert a.title == headline
    assert [p.kind for p in a.parts].count("title") == 2
    assert LEAD in a.paragraphs and headline not in a.paragraphs


def test_a_label_above_and_a_subtitle_below_the_headline() -> None:
    headline = "افتتاح مستشفى جديد للأطفال في الخليل"
    subtitle = "الوزير يعد بخدمة مئة ألف طفل في المحافظة"
    text = f"تقرير خاص:\n{headline}\n{subtitle}\n\n{LEAD}\n\n{BODY}"
    a = arnews.parse(text)
    assert a.title == headline
    assert a.paragraphs == ("تقرير خاص:", subtitle, LEAD, BODY)


def test_a_headline_above_a_list_of_highlights() -> None:
    headline = "افتتاح مستشفى جديد للأطفال في الخليل"
    points = ["• المستشفى يخدم مئة ألف طفل", "• التكلفة عشرة ملايين دولار"]
    text = "\n".join([headline, *points, LEAD, BODY])
    a = arnews.parse(text)
    assert a.title == headline
    assert a.paragraphs[-2:] == (LEAD, BODY)


def test_headline_then_dateline_and_byline() -> None:
    headline = "افتتاح مستشفى جديد للأطفال في الخليل"
    text = f"{headline}\n\nبقلم: سامي نصر\n\nرام الله - وفا: {LEAD}\n\n{BODY}"
    a = arnews.parse(text)
    assert a.title == headline
    assert a.byline == "سامي نصر"
    assert a.dateline == Dateline("رام الله", "وفا")
    assert a.paragraphs == (LEAD, BODY)


@pytest.mark.parametrize(
    "text",
    [
        # the page opens with its lead sentence
        f"{LEAD}\n\n{BODY}",
        # a short line that shares nothing with the body is no headline of it
        f"اختيارات المحرر لهذا الأسبوع\n\n{LEAD}\n\n{BODY}",
        # an editor's note
        f"هذا المقال منشور بالتعاون مع موقع الصحة العامة\n{LEAD}\n\n{BODY}",
        f"نشر هذا المقال بالتعاون مع مستشفى الأطفال\n{LEAD}\n\n{BODY}",
        # a menu or a list: short lines follow
        f"مستشفى الأطفال\nالصحة\nالمدينة\n\n{LEAD}",
        # a long question is a sentence
        "هل سيخدم مستشفى الأطفال الجديد الذي افتتحته وزارة الصحة اليوم في الخليل كل أطفال "
        f"المحافظة والقرى المجاورة؟\n{BODY}",
        # nothing follows
        "افتتاح مستشفى جديد للأطفال في الخليل",
        # a dateline or a credit alone on its line
        f"الخليل - وفا\n{LEAD}",
        f"كتب: سامي نصر\n{LEAD}",
    ],
)
def test_no_title_invented(text: str) -> None:
    a = arnews.parse(text)
    assert a.title is None
    assert not [p for p in a.parts if p.kind == "title"]


@pytest.mark.skipif(not ANT.is_dir(), reason="../shared/corpus/ant is not beside the repo")
def test_no_title_invented_on_the_ant_sample() -> None:
    # Every ANT text opens with its lead sentence (or an editor's note above it).
    paths = sorted(ANT.glob("*.txt"))
    titled = [p.name for p in paths if arnews.parse(p.read_text(encoding="utf-8")).title]
    assert len(paths) >= 800
    assert titled == []


# Real pages of other sites that open with their headline (read at test time).
_REAL = [
    ("saudinewsnet/saudinewsnet_002.txt", "عرض أوروبي بعد ليلة مفاوضات مُضنية حول اليونان"),
    ("saudinewsnet/saudinewsnet_151.txt", '"السبر" يحتفل بزواج ابنته في الرياض'),
    ("saudinewsnet/saudinewsnet_165.txt", 'الخطوط السعودية تستقبل قيادات "بوينج" في مقرها بجدة'),
    ("arabic_newspapers_corpus/anc_034.txt", "ملحمة كشف الكواكب"),
    # a headline, a credit, the author's title, then the body
    ("arabic_newspapers_corpus/anc_001.txt", "عقد اقتصادي جديد من أجل النمو العالمي"),
    # a label above the headline
    ("arabic_newspapers_corpus/anc_141.txt", "ريال مدريد يواجه ضغطا مبكراً من برشلونة"),
    ("arabic_newspapers_corpus/anc_068.txt", "بونوتشي وفر على إيطاليا جدلا إضافياً"),
    ("arabic_newspapers_corpus/anc_023.txt", "السلطة تلفظ أنفاسها"),
    # a subtitle below the headline stays in the body
    (
        "arabic_newspapers_corpus/anc_044.txt",
        "النظام القضائي «الخاص بإفلاس الشركات» في المنطقة غير متطور",
    ),
]


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="../shared/corpus is not beside the repo")
@pytest.mark.parametrize(("name", "title"), _REAL, ids=lambda v: str(v))
def test_real_headlines(name: str, title: str) -> None:
    a = arnews.parse((SHARED_CORPUS / name).read_text(encoding="utf-8"))
    assert a.title == title
    assert title not in a.paragraphs


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="../shared/corpus is not beside the repo")
def test_titles_on_other_formats_are_their_first_line() -> None:
    for path in sorted(SHARED_CORPUS.glob("*/*.txt")):
        if path.name == "README.txt":
            continue
        text = path.read_text(encoding="utf-8")
        a = arnews.parse(text)
        if a.title is not None:
            # The first line, or the second below a label (``إياب كأس السوبر الإسباني:``).
            lines = [line.split() for line in text.splitlines() if line.strip()][:2]
            assert a.title.split() in lines, path.name


def test_a_headline_repeated_many_times_is_claimed_each_time() -> None:
    # A run of lines that repeat the headline word for word is taken whole (at C speed):
    # each is a title, and the body below still counts.
    headline = "افتتاح مستشفى جديد للأطفال في الخليل"
    text = "\n".join([headline] * 40 + ["", LEAD, "", BODY])
    a = arnews.parse(text)
    assert a.title == headline
    assert [p.kind for p in a.parts].count("title") == 40
    assert LEAD in a.paragraphs


def test_a_headline_repeated_with_nothing_below_stays_text() -> None:
    headline = "افتتاح مستشفى جديد للأطفال في الخليل"
    a = arnews.parse("\n".join([headline] * 40))
    assert a.title is None
