"""The shortcuts of issue 15 give the answers of the plain computations they replace.

Each test pins one shortcut against the computation it stands in for: the fold by C-level
replaces against ``str.translate``, a long line judged as furniture on the key of its head
against the whole line's key, patterns and the gazetteer made on first use (and not at
import), and the per-page memos against pages whose repeated lines each keep their own
offsets. Timings are measured by ``benchmarks/bench_parse.py``, never asserted here.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from collections import Counter
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arnews import Lexicon, PageState, parse
from arnews.detectors import related
from arnews.gazetteer import DEFAULT_GAZETTEER, Gazetteer, load_gazetteer
from arnews.lexicon import _furniture_key
from arnews.normalize import _DEFAULT_TABLE, _FOLD_TABLE, FOLD_TABLE, fold, fold_chars, normalize

from .strategies import arabic_text
from .test_hostile import FAMILIES

# Every character the fold changes, and a few it keeps, lone surrogates among them.
_FOLDING = st.text(
    alphabet=st.sampled_from([chr(k) for k in FOLD_TABLE] + list("ابةى أa B\t\n") + ["\ud800"]),
    max_size=60,
)


@given(st.one_of(_FOLDING, arabic_text))
def test_the_fold_is_the_translate_it_replaces(text: str) -> None:
    assert fold_chars(text) == text.translate(_FOLD_TABLE)
    assert fold(text) == " ".join(text.translate(_FOLD_TABLE).split())
    assert normalize(text) == " ".join(text.translate(_DEFAULT_TABLE).split())


def _furniture_by_whole_key(lexicon: Lexicon, line: str, max_extra_words: int = 4) -> bool:
    """``Lexicon.is_boilerplate`` as it was: on the key of the whole line, always."""
    head = line[:1]
    if head and not head.isspace() and head not in lexicon.boilerplate_heads:
        return False
    key = _furniture_key(line)
    if key in lexicon._boilerplate_line_set:
        return True
    if lexicon._pattern("banners").match(key) is not None:
        return True
    m = lexicon._pattern("boilerplate").match(key)
    return m is not None and len(key[m.end() :].split()) <= max_extra_words


_PHRASES = [p.rstrip("*") for p in Lexicon.default().boilerplate] + list(
    Lexicon.default().boilerplate_lines
)
_FILLER = st.sampled_from(["كلمة", "الخبر", "ً", "ـ", "\u200c", " ", "  ", "\xa0", "،", "Ab", "."])


@given(
    st.sampled_from(_PHRASES),
    st.lists(_FILLER, max_size=60),
    st.integers(min_value=0, max_value=8),
)
def test_a_long_line_is_judged_as_its_whole_key_would_be(
    phrase: str, filler: list[str], extra: int
) -> None:
    lexicon = Lexicon.default()
    line = phrase + " " + " ".join(filler)
    for text in (line, line * 3, phrase + "ً" * 70 + " كلمة"):
        for limit in (extra, 4):
            expected = _furniture_by_whole_key(lexicon, text, limit)
            assert lexicon.is_boilerplate(text, max_extra_words=limit) is expected


@given(
    st.lists(
        st.one_of(
            st.builds(
                lambda p, f: p + " " + " ".join(f),
                st.sampled_from(_PHRASES),
                st.lists(_FILLER, max_size=30),
            ),
            st.builds("".join, st.lists(_FILLER, max_size=40)),
            st.sampled_from(
                [
                    "Prİnt",
                    "\u212aeep",
                    "Faceboo\u212a",
                    "Faceboo\u212a app",
                    "Getty Images\u0085",
                    "طباعة\u2028",
                ]
            ),
            # A phrase after marks or spaces, in another case, with marks between letters.
            st.builds(
                lambda lead, p, upper, mark, rest: (
                    "".join(lead)
                    + (p.swapcase() if upper else p).replace(" ", mark + "  ", 1)
                    + "".join(rest)
                ),
                st.lists(_FILLER, max_size=3),
                st.sampled_from(_PHRASES),
                st.booleans(),
                st.sampled_from(["ً", "ـ", "\u200c", "\xa0", ""]),
                st.lists(_FILLER, max_size=10),
            ),
            arabic_text,
            st.text(max_size=80),
        ),
        max_size=12,
    ),
    st.integers(min_value=0, max_value=8),
)
def test_lines_judged_together_as_one_by_one(lines: list[str], extra: int) -> None:
    lexicon = Lexicon.default()
    lines += [ln * 3 for ln in lines[:3]]
    for limit in (extra, 4):
        expected = [lexicon.is_boilerplate(line, max_extra_words=limit) for line in lines]
        assert lexicon.which_boilerplate(lines, max_extra_words=limit) == expected


def _python_passes(code: str) -> None:
    """Run ``code`` in a fresh interpreter (a clean import) and fail with its errors."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_importing_arnews_compiles_no_pattern_and_reads_no_gazetteer() -> None:
    code = (
        "import arnews, arnews.dates as d, arnews.gazetteer as g, arnews.lexicon as l\n"
        "assert l.Lexicon.default()._compiled == {}, 'marker patterns compiled at import'\n"
        "assert not vars(d._P), 'date patterns compiled at import'\n"
        "try:\n"
        "    object.__getattribute__(g.DEFAULT_GAZETTEER, '_index')\n"
        "    raise SystemExit('gazetteer read at import')\n"
        "except AttributeError:\n"
        "    pass\n"
        "assert arnews.parse('سرايا - أعلن الخبر.').dateline.agency == 'سرايا'\n"
    )
    _python_passes(code)


def test_importing_arnews_leaves_pools_resources_regex_and_pathlib_to_first_use() -> None:
    # multiprocessing (for --jobs) and importlib.resources (for data files) cost about a
    # tenth of the import each, the regex engine a seventh, pathlib a twenty-fifth; they
    # are imported when first needed (regex by the first parse).
    code = (
        "import sys, arnews\n"
        "late = {'multiprocessing', 'importlib.resources', 'regex', 'pathlib'}\n"
        "late &= set(sys.modules)\n"
        "assert not late, f'imported with arnews: {sorted(late)}'\n"
        "assert arnews.parse('سرايا - أعلن الخبر.').dateline.agency == 'سرايا'\n"
        "assert 'regex' in sys.modules\n"
        "from arnews.batch import START_METHOD, WorkerDied\n"
        "assert START_METHOD in ('forkserver', 'spawn') and issubclass(WorkerDied, Exception)\n"
        "assert list(arnews.parse_many(['خبر.', 'خبر آخر.'], jobs=1))[1].paragraphs\n"
    )
    _python_passes(code)


def test_readers_html_view_batch_runner_and_profile_learning_are_imported_on_first_use() -> None:
    # A worker that only parses need not import the file readers, the HTML view, the batch
    # runner or profile learning; reading the name imports its module (PEP 562) and gives
    # the same object.
    code = (
        "import sys, arnews\n"
        "late = {'arnews.io.pages', 'arnews.render', 'arnews.batch', 'arnews.bundled',\n"
        "        'arnews.profiles.learning'}\n"
        "assert not late & set(sys.modules), sorted(late & set(sys.modules))\n"
        "from arnews.render import render_html\n"
        "assert arnews.render_html is render_html and 'render_html' in dir(arnews)\n"
        "from arnews import *\n"
        "assert read_pages is arnews.read_pages and parse_many is arnews.parse_many\n"
        "from arnews.profiles import ProfileLearner, summarise_page\n"
        "assert ProfileLearner.__module__ == 'arnews.profiles.learning'\n"
        "assert 'summarise_page' in dir(arnews.profiles)\n"
        "try:\n"
        "    arnews.no_such_name\n"
        "    raise SystemExit('no AttributeError')\n"
        "except AttributeError as exc:\n"
        "    assert 'no_such_name' in str(exc)\n"
    )
    _python_passes(code)


def test_patterns_are_compiled_once_and_shared() -> None:
    lexicon = Lexicon.default()
    assert lexicon.marker_pattern is lexicon.marker_pattern
    again = Lexicon.from_dict(lexicon.to_dict())
    assert again._pattern("kind:source") is lexicon._pattern("kind:source")


def test_the_shipped_gazetteer_read_on_first_use_is_the_loaded_one() -> None:
    loaded = load_gazetteer()
    assert isinstance(DEFAULT_GAZETTEER, Gazetteer)
    shipped = DEFAULT_GAZETTEER
    assert shipped == loaded and loaded == shipped
    assert not shipped != loaded  # noqa: SIM202
    assert hash(DEFAULT_GAZETTEER) == hash(loaded)
    assert DEFAULT_GAZETTEER.places == loaded.places and len(DEFAULT_GAZETTEER) == len(loaded)
    assert pickle.loads(pickle.dumps(DEFAULT_GAZETTEER)) is DEFAULT_GAZETTEER
    assert "الفاو" in DEFAULT_GAZETTEER.with_entries(places=["الفاو"]).places


class _Forgetful(dict):  # type: ignore[type-arg]
    """A memo that keeps nothing: every question is worked out again."""

    def __setitem__(self, key: object, value: object) -> None:
        pass

    def get(self, key: object, default: object = None) -> object:
        return _Forgetful() if default is _OUTER else default


_OUTER = object()


class _NoMemo(dict):  # type: ignore[type-arg]
    def get(self, key: object, default: object = None) -> object:
        return _Forgetful()

    def __setitem__(self, key: object, value: object) -> None:
        pass


_REPEATING = [
    "نص الخبر الأول.\n" + "إقرأ أيضاً:\nعنوان\nنص.\n" * 40,
    "نص الخبر الأول.\n" + "إقرأ أيضاً:\nعنوان\nالقاهرة - أعلن الوزير الخبر.\nكتب: أحمد علي\n" * 30,
    ("قال الوزير إن الاتفاق قريب من التوقيع.\n" + "عنوان غزةعضو خبر\n") * 30
    + "وانتهى الخبر هنا.\n",
    "سرايا - أعلن الخبر.\n" + "أخبار ذات صلة عنوان خبر آخر طويل بعض الشيء\n" * 20,
]


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_the_page_memos_change_no_answer(family: str, monkeypatch: pytest.MonkeyPatch) -> None:
    pages = [FAMILIES[family][0](20_000), *_REPEATING]
    remembered = [parse(p) for p in pages]
    original = PageState.__init__

    def forgetful_state(self: PageState, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        self.memo = _NoMemo()

    words_init = related._ArticleWords.__init__

    def forgetful_words(self: Any, *args: Any) -> None:
        words_init(self, *args)
        self.evidence = _Forgetful()
        self.splits = _Forgetful()

    monkeypatch.setattr(PageState, "__init__", forgetful_state)
    monkeypatch.setattr(related._ArticleWords, "__init__", forgetful_words)
    for page, article in zip(pages, remembered, strict=True):
        again = parse(page)
        assert again == article
        assert again.to_json() == article.to_json()


def test_a_marker_kind_may_take_any_name() -> None:
    # The patterns compiled on first use are filed by name; a kind named like one of the
    # furniture patterns is still a marker kind.
    lexicon = Lexicon.default().extend(markers={"ticker": ["نقلا عن"], "banners": ["عن موقع"]})
    found = lexicon.match_marker("نقلا عن: وكالة الأنباء", kinds=("ticker",))
    assert found is not None and found.kind == "ticker"
    found = lexicon.match_marker("عن موقع: الجزيرة", kinds=("banners",))
    assert found is not None and found.kind == "banners"
    assert lexicon.match_ticker("عاجل: الرئيس يصل إلى القاهرة") is not None


def _stem_counts_as_before(text: str) -> Counter[str]:
    """``cohesion._stem_counts`` as it was: the clitic-less forms added from a dict."""
    from arnews import cohesion

    counts = Counter(cohesion._STEM.findall(fold_chars(text)))
    for word in cohesion.stop_words().intersection(counts):
        del counts[word]
    counts.update(
        {
            w[1:]: n
            for w, n in counts.items()
            if w[0] in cohesion._LETTER_CLITICS and len(w) > cohesion.MIN_STEM
        }
    )
    return counts


_CLITIC_WORDS = st.sampled_from(
    ["وكتب", "فكتب", "كتب", "بلاد", "وبلاد", "لبلاد", "والكتاب", "في", "و", "ولد", "فولد", "بيت"]
)


@given(st.lists(st.one_of(_CLITIC_WORDS, arabic_text), max_size=30))
def test_stem_counts_add_the_clitic_less_forms_as_before(words: list[str]) -> None:
    from arnews.cohesion import _stem_counts

    text = " ".join(words)
    got, expected = _stem_counts(text), _stem_counts_as_before(text)
    assert got == expected and list(got) == list(expected)


_INSIDE = list(Lexicon.default().boilerplate_inside)


@given(
    st.lists(_FILLER, max_size=6),
    st.sampled_from(_INSIDE),
    st.booleans(),
    st.sampled_from(["ً", "ـ", "\u200c", "\xa0", "", "  "]),
    st.one_of(arabic_text, st.text(max_size=30)),
)
def test_the_page_test_for_inside_phrases_lets_every_match_through(
    lead: list[str], phrase: str, upper: bool, mark: str, rest: str
) -> None:
    lexicon = Lexicon.default()
    phrase = phrase.swapcase() if upper else phrase
    text = "".join(lead) + mark.join(phrase).replace("  ", " ") + " " + rest
    for page in (text, rest, "خبر\n" + text):
        if lexicon.boilerplate_inside_pattern.search(page) is not None:
            assert lexicon.may_hold_inside(page)
