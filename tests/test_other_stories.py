"""Other stories after or inside the body: teaser tails and headline-list headings.

Told from the article's own closing lines by lexical cohesion: the article's lines share its
vocabulary and names, another story's do not.
"""

from __future__ import annotations

import pytest

import arnews

from .test_read_also_links import P1, P2

P3 = (
    "وأضاف أن مستشفيات أسوان استقبلت عشرات الحالات خلال الأسبوع الماضي، وأن معظمها غادر بعد "
    "تلقي العلاج من الحمى."
)
TEASERS = (
    "انتخب البرلمان العراقي، الإثنين، مرشح الاتحاد الوطني الكردستاني رئيسا للجمهورية بعد فوزه "
    "بفارق مريح عن أقرب منافسيه",
    "كشف مصرف الإمارات المركزي عن ارتفاع أسعار الفائدة على التعاملات بين البنوك للشهر الثالث "
    "على التوالي.",
    "نفى النجم البرتغالي كريستيانو رونالدو، الأربعاء، الاتهامات الموجهة له أمام محكمة أمريكية "
    "في لاس فيغاس.",
)


def test_teaser_tail_goes_to_related_headlines() -> None:
    a = arnews.parse("\n".join((P1, P2, P3, *TEASERS)))
    assert a.paragraphs == (P1, P2, P3)
    assert a.related_headlines == TEASERS


def test_a_single_unrelated_last_line_stays() -> None:
    # One line is weak evidence: it may be the article's own closing remark.
    a = arnews.parse("\n".join((P1, P2, P3, TEASERS[0])))
    assert a.paragraphs == (P1, P2, P3, TEASERS[0])


def test_closing_lines_that_share_the_story_stay() -> None:
    closing = (
        "أعلنت مديرية الصحة في أسوان رفع درجة الاستعداد في المستشفيات لمواجهة الحمى.",
        "ناشدت الوزارة سكان القرى المصابة في أسوان التوجه إلى أقرب وحدة صحية عند ظهور أعراض الحمى.",
    )
    a = arnews.parse("\n".join((P1, P2, P3, *closing)))
    assert a.paragraphs == (P1, P2, P3, *closing)
    assert a.related_headlines == ()


def test_background_closing_line_stays() -> None:
    # `يذكر أن …` ties a paragraph to the story, whatever its words.
    background = (
        "يذكر أن البرلمان العراقي انتخب، الإثنين، رئيسا جديدا للجمهورية بعد جولتين من التصويت."
    )
    a = arnews.parse("\n".join((P1, P2, P3, TEASERS[1], background)))
    assert background in a.paragraphs


def test_bulleted_closing_lines_stay() -> None:
    items = tuple(f"• {t}" for t in TEASERS[:2])
    a = arnews.parse("\n".join((P1, P2, P3, *items)))
    assert a.related_headlines == ()


@pytest.mark.parametrize(
    "heading",
    [
        "الأكثر قراءة",
        "الأكثر مشاهدة",
        "الأكثر تداولا",
        "يتصدر الآن",
        "حول هذه القصة",
        "مواضيع قد تهمك",
        "أخبار قد تهمك",
    ],
)
def test_list_headings_at_the_end_give_similar(heading: str) -> None:
    items = ["ارتفاع أسعار الذهب في الأسواق المصرية", "هل تنخفض أسعار السيارات المستعملة؟"]
    a = arnews.parse("\n".join((P1, P2, heading, *items)))
    assert a.paragraphs == (P1, P2)
    assert a.similar == tuple(items)


def test_more_news_heading_with_its_section_name() -> None:
    items = ["ارتفاع أسعار الذهب في الأسواق المصرية", "هل تنخفض أسعار السيارات المستعملة؟"]
    a = arnews.parse("\n".join((P1, P2, "المزيد من أخبار مصر", *items)))
    assert a.paragraphs == (P1, P2)
    assert a.similar == tuple(items)
    assert a.related_headlines == ()


OTHER_LEAD = (
    "أكد زعيم حركة طالبان هبة الله أخوندزاده أن اجتماعا بين الحركة ومبعوث واشنطن إلى "
    "أفغانستان عقد في الدوحة لبحث انسحاب القوات الأجنبية"
)


def test_unrelated_long_line_between_paragraphs_is_another_story() -> None:
    # Long for a line with no closing punctuation, and sharing no word with the article.
    a = arnews.parse("\n".join((P1, P2, OTHER_LEAD, P3)))
    assert a.paragraphs == (P1, P2, P3)
    assert a.related_headlines == (OTHER_LEAD,)


def test_long_unpunctuated_line_that_shares_the_story_stays() -> None:
    own = (
        "وأوضح أن فرق الطب الوقائي في أسوان تعمل على مدار الساعة في القرى المصابة بالحمى "
        "بالتعاون مع مستشفيات المحافظة"
    )
    a = arnews.parse("\n".join((P1, P2, own, P3)))
    assert a.paragraphs == (P1, P2, own, P3)


def test_short_unrelated_subheading_stays() -> None:
    # A short line with no other evidence: the article's own subheading, kept.
    a = arnews.parse("\n".join((P1, P2, "ردود فعل دولية غاضبة", P3)))
    assert "ردود فعل دولية غاضبة" in a.paragraphs


def test_closing_lines_stay_on_a_page_with_an_embedded_article() -> None:
    # Found by hypothesis: the article's words must be its own, not the embedded article's.
    text = (
        f"{P1}\n{P2}\n{P3}\n"
        "وأعلنت وزارة الصحة خطة لمكافحة الحمى في قرى أسوان.\n"
        "أعلنت وزارة الصحة في أسوان خطة لمكافحة الحمى في القرى المصابة.\n"
        "أكدت وزارة الصحة أن الحمى في أسوان تحت السيطرة بعد رش المبيدات.\n"
        "المصدر: صدى البلد\n"
        f"إقرأ أيضاً:\nارتفاع أسعار الذهب\n{OTHER_LEAD}."
    )
    a = arnews.parse(text)
    assert a.related_headlines == ()
    assert len(a.paragraphs) == 6


def test_a_teaser_that_opens_with_a_waw_verb_between_teasers() -> None:
    # `وجّه` is a verb, not `و` + a verb: between two teasers it is one too.
    waw = (
        "وجه الرئيس المصري، الخميس، تحية تقدير إلى القوات المسلحة في ذكرى حرب أكتوبر بكلمة متلفزة."
    )
    a = arnews.parse("\n".join((P1, P2, P3, TEASERS[0], waw, TEASERS[2])))
    assert a.paragraphs == (P1, P2, P3)
    assert a.related_headlines == (TEASERS[0], waw, TEASERS[2])


def test_a_waw_line_does_not_start_a_tail() -> None:
    waw = (
        "وجه الرئيس المصري، الخميس، تحية تقدير إلى القوات المسلحة في ذكرى حرب أكتوبر بكلمة متلفزة."
    )
    a = arnews.parse("\n".join((P1, P2, P3, waw, TEASERS[2])))
    assert waw in a.paragraphs
