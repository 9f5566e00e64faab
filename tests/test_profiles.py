"""Site profiles (issue 14): learned from a crawl, applied by ``Parser(profile=...)``, kept as
data, and measured on an invented crawl of real article text (see ``tests/crawl.py``)."""

from __future__ import annotations

import functools
import json
import pickle
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from arnews import Article, Parser, SiteProfile, fold, parse
from arnews.profiles import (
    LearnSettings,
    ProfileError,
    ProfileLearner,
    load_profiles,
    save_profiles,
    summarise_page,
)

from .conftest import SHARED_CORPUS
from .crawl import ANT, SITES, Page, build_crawl, measure, text_lines
from .strategies import check_invariants

needs_ant = pytest.mark.skipif(not ANT.exists(), reason="../shared/corpus/ant is not there")
needs_other = pytest.mark.skipif(
    not SHARED_CORPUS.exists(), reason="../shared/corpus/other-formats is not there"
)


@functools.lru_cache(maxsize=1)
def crawl() -> tuple[Page, ...]:
    return tuple(build_crawl())


@functools.lru_cache(maxsize=1)
def learned() -> dict[str, SiteProfile]:
    pages = crawl()
    return {
        site.name: SiteProfile.learn([p.text for p in pages if p.site == site.name], site=site.name)
        for site in SITES
    }


def profiled(site: str) -> Callable[[str], Article]:
    return _parser(site).parse


@functools.lru_cache(maxsize=8)
def _parser(site: str) -> Parser:
    return Parser(profile=learned()[site])


# ------------------------------------------------------------------------ the measurement


@needs_ant
def test_without_profiles_the_crawl_keeps_its_furniture_in_the_body() -> None:
    # The invented furniture is in no lexicon's phrases, though some of its lines have the
    # shapes the default parser knows (a copyright sign): it keeps most of them in the body.
    pages = list(crawl())
    got = measure(pages, lambda site: parse)
    assert got.pages == 96
    assert got.furniture_lines > 800
    assert got.furniture_left > got.furniture_lines // 2
    assert got.body_lost == 0


@needs_ant
def test_with_learned_profiles_no_furniture_stays_and_no_body_line_is_lost() -> None:
    got = measure(list(crawl()), profiled)
    assert got.furniture_left == 0
    assert got.body_lost == 0
    assert got.body_lines > 1000


@needs_ant
def test_profiled_parses_keep_every_invariant() -> None:
    for page in crawl()[::3]:
        check_invariants(page.text, profiled(page.site)(page.text))


@needs_ant
def test_each_site_learns_its_headline_heading_and_its_frame() -> None:
    for site in SITES:
        profile = learned()[site.name]
        assert profile.pages == 24
        assert profile.headings == (site.heading,)
        keys = {fold(line) for line in profile.furniture}
        frame = [*site.head, site.copyright]
        # A frame line the default parser already takes as furniture (a `|` menu, a
        # copyright sign) need not be learned; every other one must be.
        page = next(p for p in crawl() if p.site == site.name)
        known = {fold(line) for line in parse(page.text).boilerplate}
        assert all(fold(line) in keys or fold(line) in known for line in frame)
        # Learned lines keep their page order: the menu first, the copyright line last.
        learned_frame = [line for line in frame if fold(line) in keys]
        assert [line for line in profile.furniture if line in learned_frame] == learned_frame


@needs_ant
def test_a_closing_line_the_site_writes_in_its_articles_stays_body() -> None:
    site = next(s for s in SITES if s.closing)
    assert site.closing is not None
    assert fold(site.closing) not in {fold(x) for x in learned()[site.name].furniture}
    page = next(p for p in crawl() if p.site == site.name)
    assert site.closing in profiled(site.name)(page.text).paragraphs


@needs_ant
def test_a_sentence_quoted_in_a_few_articles_stays_body() -> None:
    site = next(s for s in SITES if s.quote)
    quoting = [p for p in crawl() if p.site == site.name and site.quote in p.text]
    assert 2 <= len(quoting) < 5
    for page in quoting:
        assert site.quote in profiled(site.name)(page.text).paragraphs


@needs_ant
def test_site_marker_spellings_are_learned_and_applied() -> None:
    profiles = learned()
    assert profiles["nahar"].markers == {"source": ("جهة النشر",)}
    assert profiles["saha"].markers == {"keywords": ("مفاتيح البحث",)}
    assert "كأس العالم" in profiles["saha"].tags  # as the pages spell it
    for page in crawl():
        if page.site == "nahar":
            assert profiled("nahar")(page.text).source in SITES[0].field[2]  # type: ignore[index]
            assert parse(page.text).source is None
        if page.site == "saha":
            assert len(profiled("saha")(page.text).keywords) == 3


# ------------------------------------------------------------------- learning nothing


def test_a_handful_of_pages_teaches_nothing() -> None:
    pages = [f"القائمة الرئيسية\nخبر رقم {i} عن الطقس اليوم.\nحقوق موقع المثال" for i in range(9)]
    profile = SiteProfile.learn(pages, site="s")
    assert profile.pages == 9 and profile.is_empty()
    assert "too few pages" in profile.report()


def test_a_line_repeated_inside_the_articles_is_body() -> None:
    # The same line between two paragraphs of every article: no furniture position.
    pages = [
        f"خبر رقم {i} عن الطقس في المدينة اليوم.\nوهذا سطر يتكرر في كل مقال\n"
        f"وأضاف المتحدث في الخبر رقم {i} أن الوضع مستقر."
        for i in range(30)
    ]
    assert SiteProfile.learn(pages).furniture == ()


def test_a_line_on_few_pages_of_many_is_not_learned() -> None:
    pages = [f"خبر رقم {i} عن الطقس اليوم.\nشريط المثال" for i in range(4)]
    pages += [f"خبر آخر رقم {i} عن الاقتصاد.\nسطر الموقع" for i in range(36)]
    profile = SiteProfile.learn(pages)
    assert profile.furniture == ("سطر الموقع",)  # 36 of 40 pages; the other on 4 only


@needs_other
def test_on_pages_without_repeated_furniture_a_profile_changes_nothing() -> None:
    for folder in sorted(p for p in SHARED_CORPUS.iterdir() if p.is_dir()):
        texts = [
            f.read_text("utf-8", errors="replace")
            for f in sorted(folder.rglob("*.txt"))
            if f.name != "README.txt"
        ][:80]
        profile = SiteProfile.learn(texts, site=folder.name)
        assert profile.is_empty(), profile.report()
        parser = Parser(profile=profile)
        assert all(parser.parse(t) == parse(t) for t in texts)


# ------------------------------------------------------------------------ applying


def test_an_empty_profile_parses_as_the_default() -> None:
    text = "خبر قصير عن الطقس.\nالمصدر: وكالة المثال"
    assert Parser(profile=SiteProfile()).parse(text) == parse(text)


@functools.lru_cache(maxsize=8)
def _profile_parser(furniture: frozenset[str]) -> Parser:
    # A parser compiles its profile's phrases (about 80 ms); the examples draw their
    # furniture from three lines, so eight parsers serve them all.
    return Parser(profile=SiteProfile(site="s", pages=50, furniture=tuple(sorted(furniture))))


@given(
    st.lists(
        st.sampled_from(
            [
                "قال الوزير إن الخطة جاهزة.",
                "نبض المثال",
                "حقوق النشر لموقع المثال",
                "المصدر: وكالة المثال",
                "وأضاف أن التنفيذ يبدأ غدا.",
                "الأكثر قراءة",
                "عنوان خبر آخر في الموقع",
                "منصة المثال لكل الأسرة",
            ]
        ),
        min_size=1,
        max_size=12,
    ),
    # Lines no lexicon knows, as a learned profile's are.
    st.sets(st.sampled_from(["نبض المثال", "حقوق النشر لموقع المثال", "منصة المثال لكل الأسرة"])),
)
@example(  # a line between two furniture lines: a menu run's item
    lines=["نبض المثال", "منصة المثال لكل الأسرة", "نبض المثال", "منصة المثال لكل الأسرة"],
    furniture={"منصة المثال لكل الأسرة"},
)
def test_a_profile_takes_out_only_its_furniture_lines(
    lines: list[str], furniture: set[str]
) -> None:
    # A line the default parser keeps as text and the profile does not is one of the
    # profile's furniture lines, or one the default parser does not keep either on the page
    # without them (a short line right before the source, once the furniture between them
    # is gone, is a related headline there as on any page), or a short line between two of
    # them: furniture counts towards a run of short lines at the top of the page being a
    # menu, and the run is claimed from its first such line to its last.
    text = "\n".join(lines)
    article = _profile_parser(frozenset(furniture)).parse(text)
    check_invariants(text, article)
    kept, default_kept = text_lines(text, article), text_lines(text, parse(text))
    rest = [i for i, line in enumerate(lines) if line not in furniture]
    without = "\n".join(lines[i] for i in rest)
    kept_without = dict(zip(rest, text_lines(without, parse(without)) if rest else [], strict=True))
    for i, line in enumerate(lines):
        if line in furniture:
            assert not kept[i]
        elif default_kept[i] and not kept[i]:
            inside_run = any(x in furniture for x in lines[:i]) and any(
                x in furniture for x in lines[i + 1 :]
            )
            assert not kept_without[i] or inside_run, line


def test_a_parser_with_a_profile_pickles() -> None:
    profile = SiteProfile(site="s", pages=20, furniture=("نبض المثال",), headings=("اخترنا لك",))
    parser = pickle.loads(pickle.dumps(Parser(profile=profile)))
    assert parser.profile == profile
    assert parser.parse("خبر.\nنبض المثال").boilerplate == ("نبض المثال",)


def test_a_learned_heading_opens_a_headline_list() -> None:
    profile = SiteProfile(site="s", pages=20, headings=("منتقيات المحرر",))
    text = "قال الوزير إن الخطة جاهزة.\nمنتقيات المحرر\nعنوان خبر أول.\nعنوان خبر ثان."
    assert Parser(profile=profile).parse(text).similar == ("عنوان خبر أول.", "عنوان خبر ثان.")
    assert parse(text).similar == ()


def test_learned_agencies_join_the_gazetteer() -> None:
    profile = SiteProfile(agencies=("وكالة المثال",))
    assert fold("وكالة المثال") in Parser(profile=profile)._config[2].agencies


# ------------------------------------------------------------------------ as data


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    profile = SiteProfile(
        site="s",
        pages=31,
        furniture=("نبض المثال",),
        headings=("اخترنا لك",),
        markers={"source": ("جهة النشر",)},
        tags=("كاس العالم",),
        sources=("رويترز",),
        agencies=("وكالة المثال",),
    )
    path = tmp_path / "p.json"
    profile.save(path)
    assert SiteProfile.load(path) == profile
    data = json.loads(path.read_text("utf-8"))
    assert data["version"] == 1 and data["furniture"] == ["نبض المثال"]
    assert "نبض المثال" in path.read_text("utf-8")  # readable: not escaped


def test_many_profiles_in_one_file(tmp_path: Path) -> None:
    path = tmp_path / "profiles.json"
    profiles = {"a": SiteProfile(site="a", pages=12), "b": SiteProfile(site="b", pages=40)}
    save_profiles(profiles, path)
    assert load_profiles(path) == profiles
    SiteProfile(site="c", pages=3).save(path)
    assert list(load_profiles(path)) == ["c"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "not valid JSON"),
        ("[]", "a profile must be a JSON object"),
        ('{"version": 2}', "version must be 1"),
        ('{"version": 1, "furniture": "x"}', "furniture must be a list of strings"),
        ('{"version": 1, "pages": -1}', "pages must be a whole number"),
        ('{"version": 1, "colour": []}', "unknown key 'colour'"),
        ('{"version": 1, "markers": {"colour": []}}', "unknown kind 'colour'"),
        ('{"version": 1, "profiles": {"a": {"version": 1, "site": 3}}}', "profiles.a"),
    ],
)
def test_bad_files_give_errors_that_name_them(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_profiles(path)
    assert str(info.value).startswith(str(path))
    assert message in str(info.value)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="cannot read it"):
        SiteProfile.load(tmp_path / "none.json")


def test_merge_keeps_each_entry_once_and_adds_the_pages() -> None:
    a = SiteProfile(site="s", pages=20, furniture=("أ",), markers={"source": ("جهة",)})
    b = SiteProfile(site="s", pages=10, furniture=("ب", "أ"), markers={"keywords": ("وسم",)})
    merged = a.merge(b)
    assert merged.pages == 30
    assert merged.furniture == ("أ", "ب")
    assert merged.markers == {"keywords": ("وسم",), "source": ("جهة",)}


def test_report_says_what_was_learned_and_from_how_many_pages() -> None:
    profile = SiteProfile(site="s", pages=31, furniture=("نبض المثال",), headings=("اخترنا لك",))
    report = profile.report()
    assert report.startswith("s: learned from 31 pages")
    assert "1 furniture lines" in report and "نبض المثال" in report
    assert "1 headline-list headings" in report
    many = [f"خبر رقم {i} عن الطقس." for i in range(12)]
    assert "no line recurs" in SiteProfile.learn(many, site="t").report()


def test_the_learner_keeps_at_most_max_pages() -> None:
    learner = ProfileLearner("s", LearnSettings(max_pages=3))
    for i in range(5):
        learner.add(f"خبر رقم {i}.")
    assert len(learner.summaries) == 3
    assert learner.result().pages == 5


def test_summaries_pickle_for_worker_processes() -> None:
    summary = summarise_page("القائمة\nقال الوزير إن الخطة جاهزة.")
    assert pickle.loads(pickle.dumps(summary)) == summary


# ------------------------------------------------------------------------ the command

ROOT = Path(__file__).parent.parent


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    done = subprocess.run(
        [sys.executable, "-m", "arnews", *args],
        capture_output=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert b"Traceback" not in done.stderr, done.stderr.decode()
    return done


@pytest.fixture(scope="module")
def crawl_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("crawl")
    for k, page in enumerate(crawl()):
        folder = root / page.site
        folder.mkdir(exist_ok=True)
        (folder / f"{k:03d}.txt").write_text(page.text, encoding="utf-8")
    return root


@needs_ant
def test_learn_then_parse_with_profiles(crawl_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "profiles.json"
    done = run("learn", str(crawl_dir), "--site-from", "dir", "-o", str(out), "-j", "2")
    assert done.returncode == 0, done.stderr
    assert b"nahar: learned from 24 pages" in done.stderr
    profiles = load_profiles(out)
    assert profiles == learned()
    assert json.loads(out.read_text("utf-8"))["site_from"] == ["dir"]
    done = run("parse", str(crawl_dir), "--profiles", str(out), "--no-spans", "-q")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert len(records) == 96
    for record in records:
        site = Path(record["id"]).parent.name
        text = Path(record["id"]).read_text("utf-8")
        assert record["paragraphs"] == list(profiled(site)(text).paragraphs)


@needs_ant
def test_stats_shows_what_each_sites_profile_removed(crawl_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "profiles.json"
    save_profiles(learned(), out, site_from=["dir"])
    done = run("stats", str(crawl_dir), "--profiles", str(out), "--json", "-q", "--top", "2")
    assert done.returncode == 0, done.stderr
    sites = json.loads(done.stdout)["sites"]
    assert set(sites) == {s.name for s in SITES}
    for site in SITES:
        record = sites[site.name]
        assert record["documents"] == record["with_profile"] == 24
        assert record["lines_removed"] > 100
        assert record["top_removed"][0] == [site.head[0], 24]
    table = run("stats", str(crawl_dir), "--profiles", str(out), "-q").stdout.decode("utf-8")
    assert "site (lines its profile removed)" in table and SITES[0].head[0] in table


@needs_ant
@pytest.mark.parametrize(
    ("key", "field"),
    [(["field", "site"], "site"), (["url"], "url"), (["id-prefix"], "id")],
)
def test_sites_from_json_lines_fields(tmp_path: Path, key: list[str], field: str) -> None:
    values = {
        "site": lambda p, k: p.site,
        "url": lambda p, k: f"https://www.{p.site}.example/news/{k}",
        "id": lambda p, k: f"{p.site}/{k}",
    }[field]
    lines = [
        json.dumps({"id": f"doc-{k}", field: values(p, k), "text": p.text}, ensure_ascii=False)
        for k, p in enumerate(crawl())
    ]
    dump = tmp_path / "crawl.jsonl"
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "profiles.json"
    # The option before the path: `field NAME` takes two words, and no path.
    done = run("learn", "--site-from", *key, str(dump), "-o", str(out), "-q")
    assert done.returncode == 0, done.stderr
    profiles = load_profiles(out)
    want = {f"{s.name}.example" if field == "url" else s.name for s in SITES}
    assert set(profiles) == want
    assert all(len(p.furniture) >= 4 for p in profiles.values())
    assert json.loads(out.read_text("utf-8"))["site_from"] == key
    # parse --profiles picks each record's profile by the key the file records.
    done = run("parse", str(dump), "--profiles", str(out), "--no-spans", "-q")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert all(not set(r["paragraphs"]) & {SITES[0].copyright, SITES[1].copyright} for r in records)


def test_the_command_refuses_a_bad_profiles_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"version": 9, "profiles": {}}', encoding="utf-8")
    done = run("parse", "examples/pages", "--profiles", str(bad))
    assert done.returncode == 2
    assert f"arnews: error: {bad}: version must be 1" in done.stderr.decode("utf-8")
    done = run("parse", "examples/pages", "--site-from", "dir")
    assert done.returncode == 2 and b"--site-from needs --profiles" in done.stderr
    done = run("learn", "examples/pages", "--site-from", "colour", "-q")
    assert done.returncode == 2 and b"--site-from takes one of" in done.stderr
    done = run("learn", "examples/pages", "--site-from", "field:", "-q")
    assert done.returncode == 2 and b"takes the field's NAME" in done.stderr


def test_a_closing_sentence_on_every_page_without_a_footer_stays_body() -> None:
    pages = [
        f"منصة المثال | الرئيسية\nقال الوزير في الخبر رقم {i} إن الخطة جاهزة.\n"
        "وتتابع منصة المثال تطورات الخبر.\nمنصة المثال 2024 — المواد برخصة المشاع"
        for i in range(20)
    ]
    profile = SiteProfile.learn(pages)
    assert profile.furniture == ("منصة المثال | الرئيسية", "منصة المثال 2024 — المواد برخصة المشاع")
    assert Parser(profile=profile).parse(pages[3]).paragraphs == (
        "قال الوزير في الخبر رقم 3 إن الخطة جاهزة.",
        "وتتابع منصة المثال تطورات الخبر.",
    )
