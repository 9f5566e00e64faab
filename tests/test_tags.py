"""Tag-line segmentation, the tag lexicon and the gazetteer."""

from __future__ import annotations

import itertools
import pickle
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arnews.gazetteer import (
    CATEGORIES,
    DEFAULT_GAZETTEER,
    Gazetteer,
    GazetteerError,
    fold_key,
    load_gazetteer,
    parse_entries,
)
from arnews.normalize import fold
from arnews.tags import (
    MAX_PHRASE_TOKENS,
    MERGE_COST,
    TagLexicon,
    _Context,
    _link_scores,
    _segment_tokens,
    _Tok,
    find_tag_lines,
    segment_tags,
)

GAZETTEER_DIR = Path(__file__).resolve().parents[1] / "src" / "arnews" / "data" / "gazetteer"


def split(line: str, **kwargs: object) -> list[str]:
    return [line[s:e] for s, e in segment_tags(line, **kwargs)]  # type: ignore[arg-type]


# --------------------------------------------------------------------------- examples

EXAMPLES = [
    # Politics, the kind of line the brief describes.
    (
        "البيت الأبيض الرئيس الأمريكي رئيس الوزراء الإسرائيلي بنيامين نتنياهو غزة جو بايدن حماس",
        [
            "البيت الأبيض",
            "الرئيس الأمريكي",
            "رئيس الوزراء الإسرائيلي",
            "بنيامين نتنياهو",
            "غزة",
            "جو بايدن",
            "حماس",
        ],
    ),
    (
        "الجيش الإسرائيلي الشيخ تميم بن حمد حركة حماس عبدالفتاح السيسي قطاع غزة",
        ["الجيش الإسرائيلي", "الشيخ تميم بن حمد", "حركة حماس", "عبدالفتاح السيسي", "قطاع غزة"],
    ),
    (
        "الحرب الروسية الأوكرانية فلاديمير بوتين فولوديمير زيلينسكي حلف الناتو",
        ["الحرب الروسية الأوكرانية", "فلاديمير بوتين", "فولوديمير زيلينسكي", "حلف الناتو"],
    ),
    (
        "الرئيس الفرنسي إيمانويل ماكرون باريس الاتحاد الأوروبي",
        ["الرئيس الفرنسي", "إيمانويل ماكرون", "باريس", "الاتحاد الأوروبي"],
    ),
    (
        "وزير الخارجية الأردني أيمن الصفدي عمان القضية الفلسطينية",
        ["وزير الخارجية الأردني", "أيمن الصفدي", "عمان", "القضية الفلسطينية"],
    ),
    (
        "حزب الله جنوب لبنان الجيش اللبناني نجيب ميقاتي",
        ["حزب الله", "جنوب لبنان", "الجيش اللبناني", "نجيب ميقاتي"],
    ),
    # Sport.
    (
        "الدوري السعودي الهلال النصر كريستيانو رونالدو كأس الملك",
        ["الدوري السعودي", "الهلال", "النصر", "كريستيانو رونالدو", "كأس الملك"],
    ),
    (
        "منتخب مصر محمد صلاح كأس الأمم الأفريقية حسام حسن",
        ["منتخب مصر", "محمد صلاح", "كأس الأمم الأفريقية", "حسام حسن"],
    ),
    (
        "نادي الوحدة الدوري الإماراتي كأس رئيس الدولة",
        ["نادي الوحدة", "الدوري الإماراتي", "كأس رئيس الدولة"],
    ),
    (
        "أشرف حكيمي باريس سان جيرمان المنتخب المغربي وليد الركراكي",
        ["أشرف حكيمي", "باريس سان جيرمان", "المنتخب المغربي", "وليد الركراكي"],
    ),
    # Economy.
    (
        "أسعار النفط أوبك بلس خام برنت الاحتياطي الفيدرالي التضخم",
        ["أسعار النفط", "أوبك بلس", "خام برنت", "الاحتياطي الفيدرالي", "التضخم"],
    ),
    (
        "سعر الدولار اليوم البنك المركزي المصري الجنيه المصري أسعار الذهب",
        ["سعر الدولار اليوم", "البنك المركزي المصري", "الجنيه المصري", "أسعار الذهب"],
    ),
    (
        "مصرف الإمارات المركزي الدرهم الإماراتي أسعار الفائدة",
        ["مصرف الإمارات المركزي", "الدرهم الإماراتي", "أسعار الفائدة"],
    ),
    # Gulf.
    (
        "الشيخ محمد بن زايد الإمارات العربية المتحدة أبوظبي معرض دبي للطيران",
        ["الشيخ محمد بن زايد", "الإمارات العربية المتحدة", "أبوظبي", "معرض دبي للطيران"],
    ),
    (
        "ولي العهد السعودي الأمير محمد بن سلمان رؤية 2030 نيوم",
        ["ولي العهد السعودي", "الأمير محمد بن سلمان", "رؤية 2030", "نيوم"],
    ),
    (
        "معرض الرياض الدولي للكتاب وزارة الثقافة السعودية",
        ["معرض الرياض الدولي للكتاب", "وزارة الثقافة السعودية"],
    ),
    # Maghreb.
    (
        "الملك محمد السادس المغرب الجزائر الصحراء الغربية جبهة البوليساريو",
        ["الملك محمد السادس", "المغرب", "الجزائر", "الصحراء الغربية", "جبهة البوليساريو"],
    ),
    (
        "قيس سعيد تونس الاتحاد العام التونسي للشغل الانتخابات الرئاسية",
        ["قيس سعيد", "تونس", "الاتحاد العام التونسي للشغل", "الانتخابات الرئاسية"],
    ),
    (
        "عبد المجيد تبون الجزائر الغاز الطبيعي إيطاليا",
        ["عبد المجيد تبون", "الجزائر", "الغاز الطبيعي", "إيطاليا"],
    ),
    # Single-word tags stay single.
    (
        "حماس إسرائيل مصر قطر الولايات المتحدة",
        ["حماس", "إسرائيل", "مصر", "قطر", "الولايات المتحدة"],
    ),
    (
        "غزة رفح خان يونس جباليا الضفة الغربية",
        ["غزة", "رفح", "خان يونس", "جباليا", "الضفة الغربية"],
    ),
    # Prepositional forms of known names and spelling variants.
    (
        "المخابرات المركزية الأميركية للشرق الأوسط مصر لإسرائيل",
        ["المخابرات المركزية الأميركية", "للشرق الأوسط", "مصر", "لإسرائيل"],
    ),
    ("البیت الأبیض الولایات المتحدة", ["البیت الأبیض", "الولایات المتحدة"]),
]


@pytest.mark.parametrize(("line", "expected"), EXAMPLES)
def test_examples(line: str, expected: list[str]) -> None:
    assert split(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("غزة، وقف إطلاق النار، الأمم المتحدة", ["غزة", "وقف إطلاق النار", "الأمم المتحدة"]),
        ("الدوري المصري | الأهلي | الزمالك", ["الدوري المصري", "الأهلي", "الزمالك"]),
        ("#غزة #وقف_إطلاق_النار #حماس", ["غزة", "وقف_إطلاق_النار", "حماس"]),
        ("بغداد/ أربيل/ الموصل", ["بغداد", "أربيل", "الموصل"]),
        ("كوفيد-19 - الصحة العالمية - لقاحات", ["كوفيد-19", "الصحة العالمية", "لقاحات"]),
        ("غزة\nحماس\nجو بايدن", ["غزة", "حماس", "جو بايدن"]),
        ("النفط؛ الذهب؛ البورصة", ["النفط", "الذهب", "البورصة"]),
        # Separators decide: no guessing inside an item, even one that looks like two tags.
        ("غزة حماس، جو بايدن", ["غزة حماس", "جو بايدن"]),
        # Digits keep their comma and slash.
        ("1,500 دولار، 24/7", ["1,500 دولار", "24/7"]),
    ],
)
def test_separators_decide(line: str, expected: list[str]) -> None:
    assert split(line) == expected


def test_huge_separated_item_is_split() -> None:
    line = "الأهلي، الزمالك الدوري المصري الممتاز كأس مصر محمد صلاح منتخب مصر"
    assert split(line) == [
        "الأهلي",
        "الزمالك",
        "الدوري المصري الممتاز",
        "كأس مصر",
        "محمد صلاح",
        "منتخب مصر",
    ]


def test_lone_trailing_separator_does_not_decide() -> None:
    assert split("جو بايدن غزة،") == ["جو بايدن", "غزة"]


def test_repeats_are_all_returned() -> None:
    assert split("ملفات ملفات ملفات غزة") == ["ملفات", "ملفات", "ملفات", "غزة"]
    line = "غزة جو بايدن غزة جو بايدن"
    assert split(line) == ["غزة", "جو بايدن", "غزة", "جو بايدن"]


def test_spans_are_exact_and_trimmed() -> None:
    line = "  (حماس)  «غزة»\u00a0 جو\u00a0بايدن، "
    spans = segment_tags(line)
    assert [line[s:e] for s, e in spans] == ["حماس", "غزة", "جو\u00a0بايدن"]
    assert spans[0] == (line.index("حماس"), line.index("حماس") + 4)


@pytest.mark.parametrize("line", ["", "   ", "،،،", "؟!", "\ud800"])
def test_nothing_to_split(line: str) -> None:
    assert segment_tags(line) == []


# --------------------------------------------------------------------------- evidence


def test_context_glues_phrases_the_article_has() -> None:
    line = "الطقس أمطار غزيرة موجة حر"
    assert split(line) == ["الطقس", "أمطار", "غزيرة", "موجة", "حر"]
    context = "تتوقع الأرصاد أمطار غزيرة على السواحل، وتستمر موجة حر في الداخل."
    assert split(line, context=context) == ["الطقس", "أمطار غزيرة", "موجة حر"]


def test_context_matches_folded_and_with_clitics() -> None:
    line = "بلينكن اتفاق لإطلاق سراح الرهائن وقف إطلاق النار"
    context = "تواصل واشنطن الضغط للتوصل إلى اتفاق لاطلاق سراح الرهائن ووقف إطلاق النار."
    assert split(line, context=context) == [
        "بلينكن",
        "اتفاق لإطلاق سراح الرهائن",
        "وقف إطلاق النار",
    ]


def test_context_never_glues_a_title_to_a_name() -> None:
    line = "الرئيس الأمريكي جو بايدن رئيس الوزراء الإسرائيلي بنيامين نتنياهو"
    context = "قال الرئيس الأمريكي جو بايدن إنه تحدث إلى رئيس الوزراء الإسرائيلي بنيامين نتنياهو."
    assert split(line, context=context) == [
        "الرئيس الأمريكي",
        "جو بايدن",
        "رئيس الوزراء الإسرائيلي",
        "بنيامين نتنياهو",
    ]


def test_words_apart_in_the_article_stay_apart() -> None:
    line = "الفيضانات ملفات المخابرات"
    assert split(line, context="نشرت ملفات جديدة. وقالت المخابرات إن الفيضانات…") == [
        "الفيضانات",
        "ملفات",
        "المخابرات",
    ]


def test_lexicon_changes_a_split() -> None:
    line = "الطقس موجة حر الأرصاد الجوية"
    assert split(line) == ["الطقس", "موجة", "حر", "الأرصاد الجوية"]
    lexicon = TagLexicon.from_phrases(["موجة حر"])
    assert split(line, lexicon=lexicon) == ["الطقس", "موجة حر", "الأرصاد الجوية"]


def test_learned_lexicon_changes_a_split() -> None:
    pages = [
        "نص.\nكلمات دلالية: الطقس موجة حر السعودية\n",
        "نص.\nكلمات دلالية: أوروبا موجة حر الكهرباء\n",
        "نص.\nكلمات دلالية: الحرائق، موجة حر، اليونان\n",
    ]
    lexicon = TagLexicon.learn(pages)
    assert "موجة حر" in lexicon
    assert split("المغرب موجة حر الصيف", lexicon=lexicon) == ["المغرب", "موجة حر", "الصيف"]


def test_custom_gazetteer() -> None:
    line = "الطقس موجة حر"
    gaz = DEFAULT_GAZETTEER.with_entries(topics=["موجة حر"])
    assert split(line, gazetteer=gaz) == ["الطقس", "موجة حر"]


# --------------------------------------------------------------------------- properties


@settings(max_examples=300, deadline=None)
@given(line=st.text(), context=st.text(max_size=200))
def test_never_raises_and_spans_are_sane(line: str, context: str) -> None:
    spans = segment_tags(line, context=context)
    pos = 0
    for s, e in spans:
        assert pos <= s < e <= len(line)
        tag = line[s:e]
        assert tag == tag.strip()
        pos = e


# Words that fold to little or nothing (tatweel, diacritics, zero-width), in line and article.
_ODD_WORDS = st.text(alphabet="غزةـًٌّ\u200cال ،", max_size=30)


@settings(max_examples=300, deadline=None)
@given(line=_ODD_WORDS, context=_ODD_WORDS)
def test_words_that_fold_to_nothing(line: str, context: str) -> None:
    spans = segment_tags(line, context=context)
    assert all(0 <= s < e <= len(line) for s, e in spans)


_SALAD = (
    "غزة حماس جو بايدن الرئيس الأمريكي رئيس الوزراء الإسرائيلي الشيخ تميم بن حمد قطاع حركة"
    " عبد الفتاح السيسي البيت الأبيض وقف إطلاق النار للشرق الأوسط سلاح نووي ، | # - في"
)
ARABIC_WORDS = _SALAD.split()


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from(ARABIC_WORDS), max_size=40),
    context=st.lists(st.sampled_from(ARABIC_WORDS), max_size=40),
    lexicon=st.lists(st.sampled_from(ARABIC_WORDS), max_size=6),
)
def test_arabic_word_salad(words: list[str], context: list[str], lexicon: list[str]) -> None:
    line = " ".join(words)
    lex = TagLexicon.from_phrases([" ".join(lexicon[i : i + 2]) for i in range(len(lexicon))])
    spans = segment_tags(line, context=" ".join(context), lexicon=lex)
    tokens = [w for w in words if w not in {"،", "|", "#", "-"}]
    covered = " ".join(line[s:e] for s, e in spans).split()
    assert covered == tokens  # every word lands in exactly one tag, in order
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def _phrase_score(
    i: int, j: int, toks: list[_Tok], links: list[float], tri: list[float], ends: list[float]
) -> float:
    if j - i == 1:
        return toks[i].uni
    value = sum(links[i : j - 1]) + sum(tri[i + 1 : j - 1]) - MERGE_COST * (j - 1 - i)
    return value + toks[i].start_pen + ends[j - 1]


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.sampled_from(ARABIC_WORDS[:-5]), min_size=1, max_size=8))
def test_dynamic_programme_is_optimal(words: list[str]) -> None:
    toks = [_Tok(w, DEFAULT_GAZETTEER) for w in words]
    keys = [t.key for t in toks]
    ctx = _Context(frozenset(), frozenset())
    links, tri, hard, ends = _link_scores(toks, keys, DEFAULT_GAZETTEER, None, ctx)
    n = len(toks)

    def score(cuts: tuple[int, ...]) -> float:
        bounds = [0, *cuts, n]
        total = 0.0
        for i, j in itertools.pairwise(bounds):
            if j - i > MAX_PHRASE_TOKENS or any(hard[i : j - 1]):
                return float("-inf")
            total += _phrase_score(i, j, toks, links, tri, ends)
        return total

    best = max(score(cuts) for r in range(n) for cuts in itertools.combinations(range(1, n), r))
    found = _segment_tokens(toks, DEFAULT_GAZETTEER, None, ctx)
    assert score(tuple(i for i, _ in found[1:])) == pytest.approx(best)


def test_huge_line_completes() -> None:
    rng = random.Random(3)
    vocab = [w for w in ARABIC_WORDS if w not in {"،", "|", "#", "-"}]
    line = " ".join(rng.choice(vocab) for _ in range(200_000))
    spans = segment_tags(line)
    assert spans
    assert spans[-1][1] <= len(line)


# --------------------------------------------------------------------------- tag lexicon


def test_learn_from_separated_lines_and_pages() -> None:
    lexicon = TagLexicon.learn(
        [
            "مصر، الأمم المتحدة، السودان",
            "نص الخبر.\nالكلمات الدلالية: الدوري المصري | الأهلي\nإقرأ أيضاً:",
            "طباعة شارك المنتخب الوطني، كأس العالم",
        ]
    )
    for phrase in ("الأمم المتحدة", "السودان", "الدوري المصري", "الأهلي", "كأس العالم"):
        assert phrase in lexicon


def test_learn_recurrence_rule() -> None:
    lines = [
        "غزة البيت الأبيض حماس",
        "إيران البيت الأبيض النفط",
        "غزة حماس الضفة",
        "القدس غزة حماس",
        *(f"غزة {w}" for w in ("لبنان", "مصر", "قطر", "الأردن", "سوريا")),
        *(f"{w} حماس" for w in ("لبنان", "مصر", "قطر", "الأردن", "سوريا")),
    ]
    lexicon = TagLexicon.learn(lines)
    assert "البيت الأبيض" in lexicon
    # Seen together often, but each is far more frequent apart: not a phrase.
    assert "غزة حماس" not in lexicon
    # Seen in one line only.
    assert TagLexicon.learn(lines[:1]) == TagLexicon()


def test_save_load_round_trip(tmp_path: Path) -> None:
    lexicon = TagLexicon.learn(["مصر، الأمم المتحدة", "الأمم المتحدة، جو بايدن"])
    path = tmp_path / "tags.json"
    lexicon.save(path)
    again = TagLexicon.load(path)
    assert again == lexicon
    assert again.count("الأمم المتحدة") == 2
    assert pickle.loads(pickle.dumps(lexicon)) == lexicon


def test_load_hand_written_text(tmp_path: Path) -> None:
    path = tmp_path / "tags.txt"
    path.write_text("# tags\nكأس العالم\t4\nالدوري المصري\n\n", "utf-8")
    lexicon = TagLexicon.load(path)
    assert len(lexicon) == 2
    assert lexicon.count("كأس العالم") == 4
    assert "الدوري المصري" in lexicon


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        '{"format": "other"}',
        '{"format": "arnews.tag-lexicon", "phrases": {"a": -1}}',
        "كأس العالم\tكثير",
    ],
)
def test_load_rejects_bad_files(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, "utf-8")
    with pytest.raises(ValueError, match=r"bad\.json"):
        TagLexicon.load(path)


def test_lexicon_api() -> None:
    a = TagLexicon.from_phrases(["جو بايدن", "هدنة إنسانية"])
    b = TagLexicon.from_phrases(["جو بايدن", "حماس"])
    merged = a.merge(b)
    assert len(merged) == 3
    assert merged.count("جو بايدن") == 2
    assert "هدنه انسانيه" in a
    assert 42 not in a
    assert list(b) == sorted(fold_key(p) for p in ("جو بايدن", "حماس"))
    with pytest.raises(TypeError):
        TagLexicon.from_phrases("حماس")


def test_find_tag_lines() -> None:
    page = "نص.\nكلمات دلالية: غزة حماس\nشيء\nالوسوم:\n\nالنفط الذهب\nطباعة شارك ترامب"
    assert find_tag_lines(page) == ["غزه حماس", "النفط الذهب", "ترامب"]


# --------------------------------------------------------------------------- gazetteer


def test_default_gazetteer() -> None:
    g = DEFAULT_GAZETTEER
    for name in CATEGORIES:
        assert getattr(g, name), name
    assert fold("القاهرة") in g.places
    assert fold("رويترز") in g.agencies
    assert fold("CNN") in g.agencies and "cnn" in g.agencies
    assert "الأميركية" not in g.places  # not an entry by itself
    # أمريكي / أميركي: one entry covers both spellings.
    assert fold("الولايات المتحدة الأميركية") in g.places
    assert g.categories("الشيخ") == frozenset({"honorifics"})
    assert "وقف إطلاق النار" in g
    assert fold("أخبار") in g.free_heads and fold("قطاع") not in g.free_heads


def test_gazetteer_is_immutable_and_extensible() -> None:
    g = DEFAULT_GAZETTEER.with_entries(places=["الفاو"])
    assert fold("الفاو") in g.places
    assert fold("الفاو") not in DEFAULT_GAZETTEER.places
    with pytest.raises(AttributeError):
        DEFAULT_GAZETTEER.places = frozenset()  # type: ignore[misc]
    with pytest.raises(GazetteerError):
        DEFAULT_GAZETTEER.with_entries(planets=["المريخ"])


def _copy_gazetteer(tmp_path: Path) -> Path:
    for name in CATEGORIES:
        (tmp_path / f"{name}.txt").write_bytes((GAZETTEER_DIR / f"{name}.txt").read_bytes())
    return tmp_path


def test_load_gazetteer_from_directory(tmp_path: Path) -> None:
    folder = _copy_gazetteer(tmp_path)
    with (folder / "places.txt").open("a", encoding="utf-8") as fh:
        fh.write("الفاو  # a port town\n")
    g = load_gazetteer(folder)
    assert fold("الفاو") in g.places
    assert isinstance(g, Gazetteer)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("بغداد، البصرة\n", "not allowed"),
        ("بغداد\nبغداد\n", "repeats line 1"),
        ("# only a comment\n", "no entries"),
        ("بغداد *\n", "only allowed in heads"),
        (" ".join(["كلمة"] * 9) + "\n", "more than 8 words"),
    ],
)
def test_malformed_gazetteer_file(tmp_path: Path, content: str, message: str) -> None:
    folder = _copy_gazetteer(tmp_path)
    (folder / "places.txt").write_text(content, "utf-8")
    with pytest.raises(GazetteerError, match=message):
        load_gazetteer(folder)


def test_gazetteer_file_errors(tmp_path: Path) -> None:
    folder = _copy_gazetteer(tmp_path)
    (folder / "agencies.txt").write_bytes(b"\xff\xfe bad")
    with pytest.raises(GazetteerError, match="UTF-8"):
        load_gazetteer(folder)
    (folder / "agencies.txt").unlink()
    with pytest.raises(GazetteerError, match="missing"):
        load_gazetteer(folder)


def test_parse_entries() -> None:
    assert parse_entries("أخبار *\nقطاع\n", name="heads.txt", allow_free_mark=True) == [
        ("أخبار", True),
        ("قطاع", False),
    ]


# --------------------------------------------------------------------------- the package


def test_package_keeps_every_name_importable_from_arnews_tags() -> None:
    import arnews.tags as tags

    for name in tags.__all__:
        assert getattr(tags, name) is not None
    # The lexicon lives in a module of its own (the others compile with mypyc); the name
    # users import is the same class.
    from arnews.tags.lexicon import TagLexicon as Defined

    assert TagLexicon is Defined and tags.segment_tags is segment_tags


def test_default_and_learned_lexicons_and_parsers_pickle() -> None:
    from arnews import Parser

    learned = TagLexicon.learn(["مصر، الأمم المتحدة", "الأمم المتحدة، جو بايدن"])
    for lexicon in (TagLexicon(), learned):
        again = pickle.loads(pickle.dumps(lexicon))
        assert again == lexicon and again.prefixes == lexicon.prefixes
    parser = Parser(tag_lexicon=learned)
    again_parser = pickle.loads(pickle.dumps(parser))
    page = "خبر عن الأمم المتحدة.\n\nكلمات دلالية: جو بايدن الأمم المتحدة مصر"
    assert again_parser.parse(page) == parser.parse(page)
    assert parser.parse(page).keywords == ("جو بايدن", "الأمم المتحدة", "مصر")


def test_two_jobs_split_tags_as_one(tmp_path: Path) -> None:
    # Worker processes get the parser (and its tag lexicon) pickled; their tags must match.
    import subprocess
    import sys

    from arnews import Parser
    from arnews.batch import parse_many

    pages = [
        f"خبر رقم {i} عن البيت الأبيض.\n\nكلمات دلالية: البيت الأبيض جو بايدن غزة حماس"
        for i in range(6)
    ]
    parser = Parser(tag_lexicon=TagLexicon.from_phrases(["جو بايدن"]))
    one = [a.keywords for a in parse_many(pages, parser=parser)]
    two = [a.keywords for a in parse_many(pages, parser=parser, jobs=2, chunksize=2)]
    assert one == two == [("البيت الأبيض", "جو بايدن", "غزة", "حماس")] * 6
    folder = tmp_path / "in"
    folder.mkdir()
    for i, page in enumerate(pages):
        (folder / f"{i}.txt").write_text(page, "utf-8")
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        args = ["parse", str(folder), "--jobs", jobs, "-o", str(out)]
        done = subprocess.run(
            [sys.executable, "-m", "arnews", *args], capture_output=True, timeout=120, check=False
        )
        assert done.returncode == 0, done.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] and "جو بايدن".encode() in outs[0]


# --------------------------------------------------------------------------- cheap and the same


def _reference_context(
    context: str, needed: frozenset[str]
) -> tuple[frozenset[str], frozenset[str]]:
    """The evidence as the first segmenter gathered it, word by word (a slow reference)."""
    from arnews.tags import _variants
    from arnews.tags.evidence import _CLAUSE_BREAK

    words: set[str] = set()
    grams: set[str] = set()
    for clause in _CLAUSE_BREAK.split(context):
        run = [k for k in (fold_key(raw) for raw in clause.split()) if k]
        for pos, word in enumerate(run):
            firsts = [v for v in _variants(word) if v in needed]
            words.update(firsts)
            tail: list[str] = []
            for nxt in run[pos + 1 : pos + MAX_PHRASE_TOKENS] if firsts else []:
                if nxt not in needed:
                    break
                tail.append(nxt)
                grams.update(f"{first} {' '.join(tail)}" for first in firsts)
    return frozenset(words), frozenset(grams)


_EVIDENCE_WORDS = [
    "البيت",
    "الأبيض",
    "والبيت",
    "للبيت",
    "بالبيت",
    "الرئيس",
    "الأمريكي",
    "جو",
    "بايدن",
    "وقف",
    "إطلاق",
    "النار",
    "الأمم",
    "المتحدة",
    "الامم",
    "المتحده",
    "Sky",
    "NEWS",
    "قال",
    "إن",
    "غزة",
    "غزّة",
    "حماس",
    "فلسطين",
    "ـ",
    "ً",
]
_EVIDENCE_GLUE = [" ", "  ", "\n", "، ", ". ", "\xa0", " - ", "(", ") ", "؛", " 🙂 "]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_EVIDENCE_WORDS), st.sampled_from(_EVIDENCE_GLUE)),
        max_size=40,
    ),
    st.sets(st.sampled_from(_EVIDENCE_WORDS), min_size=1, max_size=8),
)
def test_evidence_is_gathered_as_word_by_word(
    pieces: list[tuple[str, str]], line_words: set[str]
) -> None:
    # The C-level passes over the article find exactly what reading it word by word finds.
    from arnews.tags import _variants

    context = "".join(w + g for w, g in pieces)
    needed = frozenset(v for w in line_words for v in _variants(fold_key(w)) if v)
    ctx = _Context.build(context, needed)
    assert (ctx.words, ctx.grams) == _reference_context(context, needed)


def test_words_are_folded_together_as_one_by_one() -> None:
    from arnews.tags.tokens import _fold_keys

    words = ["الأمم", "المتّحدة", "CNN", "Straße", "ـ", "ً", "غزة\x1cحماس", "٢٠٢٤"]
    assert _fold_keys(words) == [fold_key(w) for w in words]
    assert _fold_keys([]) == []


def test_an_analysis_does_not_depend_on_how_it_was_reached() -> None:
    from arnews.tags.tokens import _word_classes

    classes = _word_classes(DEFAULT_GAZETTEER)
    for word in ["الشيخ", "تميم", "بن", "للطيران", "والعمرة", "الأمريكي", "قطاع", "في", "Sky"]:
        plain = _Tok(word, DEFAULT_GAZETTEER)
        given_all = _Tok(word, DEFAULT_GAZETTEER, frozenset(), classes, fold_key(word))
        assert {s: getattr(plain, s) for s in _Tok.__slots__} == {
            s: getattr(given_all, s) for s in _Tok.__slots__
        }


def test_remembered_analyses_belong_to_their_gazetteer_and_lexicon() -> None:
    # Words analysed with one gazetteer or lexicon are never reused with another one.
    line = "زيد عمرو قطر"
    plain = split(line)
    assert plain == ["زيد", "عمرو", "قطر"]
    custom = DEFAULT_GAZETTEER.with_entries(first_names=["زيد"])
    assert split(line, gazetteer=custom) == ["زيد عمرو", "قطر"]
    lexicon = TagLexicon.from_phrases(["عمرو قطر"])
    assert split(line, lexicon=lexicon) == ["زيد", "عمرو قطر"]
    assert split(line) == plain


def test_remembered_analyses_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from arnews.tags import tokens
    from arnews.tags.segment import _NO_PHRASES

    def remembered() -> int:
        _, _, memo = tokens._MEMOS[(id(DEFAULT_GAZETTEER), id(_NO_PHRASES))]
        return len(memo)

    monkeypatch.setattr(tokens, "_MAX_MEMO", 50)
    words = " ".join(f"وسم{i}" for i in range(200))
    segment_tags(words)
    for _ in range(2):
        segment_tags(words)
        assert remembered() == 200  # emptied before the call, then the line's words
    segment_tags("غزة حماس")
    assert remembered() == 2


def test_threads_sharing_the_memo_split_as_one(monkeypatch: pytest.MonkeyPatch) -> None:
    # A memo emptied by one thread while another splits a line loses nothing but time.
    from concurrent.futures import ThreadPoolExecutor

    from arnews.tags import tokens

    monkeypatch.setattr(tokens, "_MAX_MEMO", 5)
    lines = [" ".join(f"وسم{i}{j}" for j in range(12)) + " البيت الأبيض" for i in range(40)]
    expected = [segment_tags(line) for line in lines]
    with ThreadPoolExecutor(4) as pool:
        for _ in range(3):
            assert list(pool.map(segment_tags, lines)) == expected


FOLD_CHARS = "غزةأإآىيـًّ٫،.:-#aAßΣ \t\n\r\xa0\u200c\u2028\x1c\x85"


@settings(max_examples=300)
@given(st.lists(st.text(alphabet=FOLD_CHARS, max_size=30), max_size=3))
def test_article_words_folded_one_by_one_as_the_whole_text(texts: list[str]) -> None:
    # The memo of folded words gives what folding the whole text at once gives, whatever
    # earlier texts left in it.
    from arnews.tags.evidence import _CLAUSE_BREAK, _folded_words
    from arnews.tags.tokens import _FOLD_FAST

    for text in texts:
        whole = _CLAUSE_BREAK.sub(" # ", text).translate(_FOLD_FAST).casefold().split()
        assert _folded_words(text) == whole


def test_the_article_is_read_only_when_the_page_has_a_tag_word() -> None:
    from arnews.tags import _segment_lines

    line = "أخبار محلية"
    article = "قالت الوزارة إن أخبار الطقس محلية اليوم"

    def unread() -> str:
        raise AssertionError("the article was read")

    # None of the tag words is on the page (the tag line aside): the article is not read.
    assert _segment_lines([line], unread, None, None, None, "عنوان\nنص آخر")[0] == [[(0, 11)]]
    # One is: the article is read, and the split is the one its evidence gives.
    alone = _segment_lines([line], article, None, None, None)
    assert alone[0] == [[(0, 5), (6, 11)]]
    assert _segment_lines([line], lambda: article, None, None, None, article + "\nذيل") == alone


def test_only_lines_of_real_length_are_remembered() -> None:
    from arnews.tags import segment

    long_line = " ".join(f"وسم{i}" for i in range(400))  # over _MAX_LINE_CHARS
    assert len(long_line) > segment._MAX_LINE_CHARS
    segment_tags(long_line)
    segment_tags(long_line, context=long_line)  # weighed against evidence
    segment_tags("غزة حماس")
    segment_tags("غزة حماس", context="غزة قالت حماس")
    weighed_lines: list[str] = []
    for _, plans, bare, weighed in segment._LINE_MEMOS.values():
        assert long_line not in plans and long_line not in bare
        weighed_lines += [line for line, _, _ in weighed]
        assert all(len(line) <= segment._MAX_LINE_CHARS for line in [*plans, *bare])
    assert long_line not in weighed_lines and "غزة حماس" in weighed_lines
    assert all(len(line) <= segment._MAX_LINE_CHARS for line in weighed_lines)
