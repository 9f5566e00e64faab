"""Read-also links set inside the body: the headlines are links, the story goes on.

Real pages set `اقرأ أيضاً:` (and `قد يهمك|`, `شاهد..`, `اقرأ:` …) between two paragraphs of
one story. The headlines become title-only read-also items and the body stays whole; only
text that starts an article of its own becomes an embedded article.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import arnews
from arnews.cohesion import Vocabulary, content_words, shared_ratio

from .conftest import FIXTURES

P1 = (
    "أعلنت وزارة الصحة المصرية، الأحد، تسجيل ارتفاع في إصابات الحمى النزفية في محافظة أسوان، "
    "داعية السكان إلى الحذر."
)
P2 = (
    "وقال المتحدث باسم وزارة الصحة إن فرق الطب الوقائي انتشرت في قرى أسوان لرش المبيدات "
    "ومتابعة الحالات المصابة بالحمى."
)
P3 = (
    "وأضاف أن مستشفيات أسوان استقبلت عشرات الحالات خلال الأسبوع الماضي، وأن معظمها غادر بعد "
    "تلقي العلاج."
)
HEAD = "ارتفاع أسعار الذهب في الأسواق المصرية"
HEAD2 = "هل تنخفض أسعار السيارات المستعملة؟"
OTHER = (
    "(CNN)-- أعلن الاتحاد الدولي لكرة القدم، الإثنين، فتح باب التسجيل لبطولة الأندية الجديدة "
    "التي تقام في ملاعب قطر."
)
OTHER2 = "ويشارك في البطولة اثنان وثلاثون ناديا من القارات الست، وتمتد منافساتها أربعة أسابيع."


def links(article: arnews.Article) -> list[tuple[str | None, tuple[str, ...]]]:
    return [(r.title, r.paragraphs) for r in article.read_also]


@pytest.mark.parametrize(
    "marker",
    [
        "اقرأ أيضاً: ",
        "اقرأ أيضا| ",
        "إقرأ ايضا ",
        "اقرأ أيضا - ",
        "قد يهمك| ",
        "قد يهمك: ",
        "قد يهمك/ ",
        "قد يهمك أيضا: ",
        "قد يهمك أيضا... ",
        "شاهد أيضاً: ",
        "شاهد.. ",
        "اقرأ: ",
        "اقرأ.. ",
        "اقرأ المزيد: ",
        "اقرأ المزيد... ",
    ],
)
def test_inline_link_keeps_the_story_whole(marker: str) -> None:
    a = arnews.parse(f"{P1}\n{P2}\n{marker}{HEAD}\n{P3}")
    assert a.paragraphs == (P1, P2, P3)
    assert links(a) == [(HEAD, ())]


def test_marker_alone_then_headline_lines_then_the_story() -> None:
    a = arnews.parse(f"{P1}\n\nاقرأ أيضا\n{HEAD}\n{HEAD2}\n\n{P2}\n{P3}")
    assert a.paragraphs == (P1, P2, P3)
    assert links(a) == [(HEAD, ()), (HEAD2, ())]


def test_two_links_in_a_row() -> None:
    a = arnews.parse(f"{P1}\nاقرأ أيضا: {HEAD}\nاقرأ أيضا: {HEAD2}\n{P2}\n{P3}")
    assert a.paragraphs == (P1, P2, P3)
    assert links(a) == [(HEAD, ()), (HEAD2, ())]


def test_marker_whose_link_was_lost_keeps_the_body() -> None:
    # The scraper dropped the headline: the marker stands alone and the story goes on.
    text = f"{P1}\nاقرأ أيضا:\n{P2}\n{P3}"
    a = arnews.parse(text)
    assert a.paragraphs == (P1, P2, P3)
    assert a.read_also == ()
    assert [p.kind for p in a.parts].count("marker") == 1


def test_a_different_article_after_the_marker_is_embedded() -> None:
    a = arnews.parse(f"{P1}\n{P2}\n\nاقرأ أيضا: {HEAD}\n{OTHER}\n{OTHER2}")
    assert a.paragraphs == (P1, P2)
    assert len(a.read_also) == 1
    ra = a.read_also[0]
    assert ra.title == HEAD
    assert ra.paragraphs[-1] == OTHER2


def test_an_article_with_its_own_stamp_is_embedded() -> None:
    lead = "أعلن الاتحاد الدولي لكرة القدم فتح باب التسجيل لبطولة الأندية."
    text = f"{P1}\n{P2}\n\nإقرأ أيضاً:\n{HEAD}\nآخر تحديث: 12 مارس 2025 - 09:15 ص\n{lead}"
    a = arnews.parse(text)
    assert a.paragraphs == (P1, P2)
    assert a.read_also[0].title == HEAD
    assert a.read_also[0].paragraphs == (lead,)
    assert a.read_also[0].updated is not None


def test_text_that_carries_on_the_sentence_stays_even_with_new_words() -> None:
    # `وأضاف …` carries on the story, whatever its words.
    new_words = "وأضاف أن فرق الإنقاذ تحتاج إلى طائرات ومعدات ثقيلة ومولدات للكهرباء والمياه."
    a = arnews.parse(f"{P1}\n{P2}\nاقرأ أيضا: {HEAD}\n{new_words}")
    assert a.paragraphs == (P1, P2, new_words)
    assert links(a) == [(HEAD, ())]


def test_marker_as_the_first_line_is_the_page_headline() -> None:
    # A video page opens with `شاهد.. عنوان`: there is nothing for it to link from.
    a = arnews.parse(f"شاهد.. {HEAD}\n{P1}\n{P2}")
    assert a.read_also == ()
    assert a.paragraphs[-2:] == (P1, P2)
    assert f"شاهد.. {HEAD}" in (a.title, *a.paragraphs)


@pytest.mark.parametrize(
    "line",
    [
        "قد يهمك أن تعرف أن الحمى تنتقل عبر البعوض في فصل الصيف.",
        "شاهد الفيديو الذي نشرته الوزارة على صفحتها.",
        "اقرأ الكتاب الذي أصدرته الوزارة عن الحمى قبل أن تسافر.",
    ],
)
def test_sentences_that_open_with_the_words_are_body(line: str) -> None:
    a = arnews.parse(f"{P1}\n{line}\n{P2}")
    assert a.paragraphs == (P1, line, P2)
    assert a.read_also == ()


def test_aggregator_layout_still_embeds_after_the_footer() -> None:
    text = f"{P1}\n{P2}\nالمصدر: صدى البلد\nإقرأ أيضاً:\n{HEAD}\n{P3}"
    a = arnews.parse(text)
    assert a.paragraphs == (P1, P2)
    assert a.source == "صدى البلد"
    assert links(a) == [(HEAD, (P3,))]


REAL = sorted((FIXTURES / "read-also").glob("*.txt"))


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_real_pages_keep_their_body(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    a = arnews.parse(text)
    assert a.read_also, "each fixture holds read-also links"
    assert all(r.paragraphs == () and r.title for r in a.read_also)
    body = sum(len(p.split()) for p in a.paragraphs)
    headlines = sum(len((r.title or "").split()) for r in a.read_also)
    teasers = sum(len(h.split()) for h in a.related_headlines)
    # Everything but the links' headlines, other stories' teasers and the marker words
    # stays in the body.
    assert body + headlines + teasers >= 0.98 * len(text.split())


def test_content_words_fold_strip_and_skip_function_words() -> None:
    assert content_words("وقال إن الوزارة في أسوان") == {"وزاره", "اسوان"}
    vocab = Vocabulary()
    vocab.add("زار وزير الصحة محافظة أسوان")
    assert shared_ratio(content_words("وأسوان والوزير"), vocab) == 1.0
    assert shared_ratio(content_words("أسوان والقاهرة"), vocab) == 0.5
    assert shared_ratio(set(), vocab) == 0.0
