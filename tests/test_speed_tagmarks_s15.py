"""The fast paths of session 15's marker and tag-line work give the general paths' answers
(issue 15)."""

from __future__ import annotations

import pytest

from arnews import parse
from arnews.detectors import markers
from arnews.detectors.markers import _NO_MARKER, _decide, _decide_many, detect_markers
from arnews.lexicon import Lexicon
from arnews.lexicon.marker_sets import kind_pair_matchers
from arnews.state import PageState

LEX = Lexicon.default()

# Lines of every shape a marker line takes, and lines that only look like one.
SHAPES = [
    "كلمات دلالية: غزة حماس",
    "كلمات دلالية:غزة",
    "كلمات دلالية:",
    "كلمات دلالية",
    "كلمات دلالية غزة حماس",
    "كلمات دلالية :  غزة",
    "كلمات\u0640 دلالية: غزة",
    "الكلمات الدلالية: غزة",
    "الوسوم: غزة، حماس",
    "وسوم: غزة",
    "المصدر: صدى البلد",
    "المصدر: تستمتع العداءة بعطلة في المدينة .",
    "المصدر: «لن نتراجع»",
    "المصدر",
    "المصدر:",
    "وقال المصدر: إن بشير",
    "آخر تحديث: 17 يونيو 2025",
    "آخر تحديث: قريبا",
    "نشر في: 17 يونيو 2025 10:30",
    "نشر اليوم تقرير عن الاقتصاد",
    "إقرأ أيضاً:",
    "إقرأ أيضاً: عنوان خبر آخر",
    "اقرأ أيضا - عنوان",
    "اقرأ المزيد",
    "قد يهمك: عنوان",
    "قد يهمك",
    "شارك الخبر",
    "• كلمات دلالية: غزة",
    "  كلمات دلالية: غزة",
    "\u200fكلمات دلالية: غزة",
    # A marker up to and past the prefix's end (80 characters), and a long value.
    "كلمات" + " " * 80 + "دلالية: غزة",
    "كلمات دلالية" + "\u0640" * 70 + ": غزة",
    "كلمات دلالية: " + "غزة " * 500,
    "المصدر: " + "كلمة " * 40,
    "إقرأ أيضاً: " + "كلمة " * 60 + ".",
    "كلمة",
    "ك",
    "كل",
]


def _one_by_one(lines: list[str]) -> dict[str, tuple[str, int, int, int, int | None]]:
    decided = {}
    for line in lines:
        found = _decide(LEX, line)
        if found is not None and found is not _NO_MARKER:
            decided[line] = found
    return decided


@pytest.mark.parametrize("chunk", [512, 7])
@pytest.mark.parametrize("times", [1, 3, 40])
def test_decide_many_is_decide_line_by_line(
    times: int, chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(markers, "_CHUNK", chunk)
    # Distinct lines: each shape, and each shape with distinct tags after it.
    lines = list(dict.fromkeys([*SHAPES, *(f"{s} وسم{k}" for s in SHAPES for k in range(times))]))
    memo: dict[str, tuple[str, int, int, int, int | None]] = {}
    decided: dict[str, tuple[str, int, int, int, int | None]] = {}
    left = _decide_many(LEX, kind_pair_matchers(LEX), memo, lines, decided)
    decided.update(_one_by_one(left))
    assert decided == _one_by_one(lines)
    # What it keeps in the memo is each line's decision.
    for line, found in memo.items():
        assert found == (_decide(LEX, line) or _NO_MARKER)


def test_decide_many_shares_one_decision_between_lines_that_open_alike() -> None:
    lines = [f"كلمات دلالية: وسم{k} وسم{k + 1}" for k in range(100)]
    decided: dict[str, tuple[str, int, int, int, int | None]] = {}
    assert _decide_many(LEX, kind_pair_matchers(LEX), {}, lines, decided) == []
    assert len({id(found) for found in decided.values()}) == 1
    assert decided == _one_by_one(lines)


def test_decide_many_of_no_line() -> None:
    assert _decide_many(LEX, kind_pair_matchers(LEX), {}, [], {}) == []


def _states(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[PageState, PageState]:
    with monkeypatch.context() as m:
        # The C-level passes on a page of a few hundred lines too.
        m.setattr(markers, "_HUGE", 0)
        fast = PageState.of(text)
        detect_markers(fast)
    with monkeypatch.context() as m:
        # Every line decided one by one: the general path.
        m.setattr(markers, "_FEW", 10**9)
        LEX.line_memo("markers").clear()
        slow = PageState.of(text)
        detect_markers(slow)
    return fast, slow


@pytest.mark.parametrize(
    "lines",
    [
        [f"كلمات دلالية: وسم{k} وسم{k + 1}" for k in range(300)],
        [f"{SHAPES[k % len(SHAPES)]} {k}" for k in range(400)],
        ["نص الخبر."] * 200 + [f"المصدر: جريدة {k}" for k in range(100)],
        ["إقرأ أيضاً:", "عنوان", "نص."] * 120,
        [f"كلمات دلالية: وسم{k}" for k in range(150)] * 2,
    ],
)
def test_many_lines_claims_as_line_by_line(
    lines: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "\n".join(lines)
    LEX.line_memo("markers").clear()
    fast, slow = _states(text, monkeypatch)
    assert fast.kind == slow.kind
    assert fast.rest == slow.rest
    assert fast.pieces == slow.pieces
    # And again with the memo holding the page's lines.
    monkeypatch.setattr(markers, "_HUGE", 0)
    fast = PageState.of(text)
    detect_markers(fast)
    assert fast.pieces == slow.pieces


def test_page_of_thousands_of_lines_claims_as_line_by_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines = [f"{SHAPES[k % len(SHAPES)]} {k}" for k in range(1500)]
    lines += [f"كلمات دلالية: وسم{k}" for k in range(1500)]
    LEX.line_memo("markers").clear()
    calls = []
    real = markers._decide_many

    def spy(*args: object) -> list[str]:
        calls.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(markers, "_decide_many", spy)
    fast = PageState.of("\n".join(lines))
    detect_markers(fast)
    assert calls
    monkeypatch.setattr(markers, "_FEW", 10**9)
    LEX.line_memo("markers").clear()
    slow = PageState.of("\n".join(lines))
    detect_markers(slow)
    assert (fast.kind, fast.rest, fast.pieces) == (slow.kind, slow.rest, slow.pieces)


def test_page_of_many_tag_lines_parses_as_before() -> None:
    text = "نص الخبر.\n" + "\n".join(f"كلمات دلالية: وسم{k} وسم{k + 1}" for k in range(400))
    article = parse(text)
    assert list(article.keywords[:3]) == ["وسم0", "وسم1", "وسم2"]


@pytest.mark.parametrize(
    "lines",
    [
        ["غزة"],
        ["غزة حماس", "الأمم المتحدة"],
        [f"وسم{k} وسم{k + 1} وسم{k + 2}" for k in range(2000)],
        ["غزة حماس"] * 50,
        ["غزة\tحماس", "غزة\xa0حماس القدس", "مصر"],
        ["كلمة " * 300 + "أخيرة"],
        [f"وسم{k}" for k in range(30)] + ["غزة حماس"] * 3 + ["أ ب ت ث ج ح خ"],
    ],
)
def test_plain_words_shares_lists_and_reads_as_each_line(lines: list[str]) -> None:
    from arnews.tags.tokens import _plain_line, _plain_words, _tokens

    plain = _plain_words(lines)
    assert plain == [_tokens(line, 0, len(line)) for line in lines]
    assert plain == [_plain_line(line) for line in lines]
    # Lines of the same word lengths share one list.
    assert plain is not None
    shapes = {tuple(e - s for s, e in spans): id(spans) for spans in plain}
    assert len({id(spans) for spans in plain}) == len(shapes)


def test_pages_of_many_tag_lines_split_as_before() -> None:
    # Distinct lines of a few shapes, and one line repeated: past the budget and within it.
    distinct = "\n".join(f"كلمات دلالية: وسم{k} وسم{k + 1} غزة" for k in range(300))
    assert parse("نص الخبر عن غزة.\n" + distinct).keywords[:4] == ("وسم0", "وسم1", "غزة", "وسم2")
    repeated = "\n".join(["كلمات دلالية: الرئيس الاتفاق قريب"] * 300)
    assert parse("قال الرئيس إن الاتفاق قريب.\n" + repeated).keywords == (
        "الرئيس",
        "الاتفاق",
        "قريب",
    )
