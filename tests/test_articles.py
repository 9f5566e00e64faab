"""``Article.read_also`` is an :class:`~arnews.Articles` sequence, eager or lazy.

A page's long chain of read-also articles is kept as page-wide columns and made into
:class:`~arnews.Article` objects the first time one is read (issue 15); a few, and any
built by hand or by ``from_dict``, are a tuple inside. Both must behave as one immutable
sequence of articles: equal to any sequence of equal articles, hashed alike, pickled,
sliced, and read the same by every consumer of an article.
"""

from __future__ import annotations

import pickle
from unittest import mock

import attrs
import pytest
from hypothesis import given, settings

import arnews
from arnews import Article, Articles, Parser, build
from arnews.articles import _EMPTY
from arnews.batch import parse_many
from arnews.chain_json import chain_json

from .strategies import GeneratedPage, pages

PARSER = Parser(time_budget=None)
# Enough read-also articles to be built as columns (build._COLUMNS), of mixed shapes.
CHAIN = (
    "نص المقال.\n\nالمصدر: سرايا\n\n"
    + "إقرأ أيضاً:\nعنوان\nنص.\n" * 20
    + "إقرأ أيضاً:\nعنوان آخر\nنص أول.\nنص ثان.\n"
)


def lazy() -> Articles:
    chain = PARSER.parse(CHAIN).read_also
    assert chain.is_lazy
    return chain


def eager() -> Articles:
    return Articles([Article.from_dict(a.to_dict()) for a in lazy()])


def test_every_article_holds_articles_and_none_shares_one_empty_sequence() -> None:
    assert type(Article().read_also) is Articles and Article().read_also is _EMPTY
    assert arnews.parse("نص الخبر.").read_also is _EMPTY
    assert Article(read_also=[]).read_also is _EMPTY
    assert Article.from_dict({"read_also": []}).read_also is _EMPTY
    one = Article(read_also=(Article(title="أ"),))
    assert type(one.read_also) is Articles and not one.read_also.is_lazy
    assert type(PARSER.parse(CHAIN).read_also) is Articles
    few = PARSER.parse("نص.\n\nإقرأ أيضاً:\nعنوان\nنص.\n")
    assert type(few.read_also) is Articles and len(few.read_also) == 1


def test_len_and_truth_do_not_make_the_articles() -> None:
    chain = lazy()
    assert len(chain) == 21 and chain and chain.is_lazy
    assert not Articles() and len(Articles()) == 0


def test_reading_makes_them_once() -> None:
    chain = lazy()
    first = chain[0]
    assert not chain.is_lazy
    assert chain[0] is first and next(iter(chain)) is first
    assert chain[-1].paragraphs == ("نص أول.", "نص ثان.") and chain[-1] is chain[20]
    assert [a.title for a in chain][:2] == ["عنوان", "عنوان"]
    assert next(reversed(chain)) is chain[-1]
    assert first in chain and chain.index(first) == 0 and chain.count(first) == 1


def test_indexing_out_of_range_raises() -> None:
    for chain in (lazy(), eager(), Articles()):
        with pytest.raises(IndexError):
            chain[len(chain)]
        with pytest.raises(IndexError):
            chain[-len(chain) - 1]
    with pytest.raises(TypeError):
        lazy()["0"]  # type: ignore[call-overload]


def test_lazy_and_eager_are_equal_both_ways_and_hash_alike() -> None:
    chain, made = lazy(), eager()
    assert chain == made and made == chain and (chain != made) is False
    assert hash(chain) == hash(made) == hash(tuple(made))
    assert chain == tuple(made) and tuple(made) == chain
    assert chain == list(made) and list(made) == chain
    assert chain != tuple(made)[:-1] and chain != tuple(made)[::-1]
    assert Articles() == () and () == Articles() and Articles() == []  # noqa: SIM300
    assert Article().read_also == () and hash(Articles()) == hash(())
    assert chain != "x" and chain != 1 and chain != b"" and chain != Articles()


def test_two_parses_of_one_page_are_equal_without_making_the_articles() -> None:
    a, b = lazy(), lazy()
    assert a == b and a.is_lazy and b.is_lazy


def test_articles_with_the_sequences_equal_or_not() -> None:
    a, b = PARSER.parse(CHAIN), PARSER.parse(CHAIN)
    assert a == b and hash(a) == hash(b)
    assert Article.from_dict(a.to_dict()) == a
    assert a != PARSER.parse(CHAIN.replace("عنوان آخر", "عنوان ثالث"))


def test_slicing_gives_articles() -> None:
    chain, made = lazy(), eager()
    part = chain[1:3]
    assert type(part) is Articles and part == made[1:3] == tuple(made)[1:3]
    assert chain[::-1] == tuple(made)[::-1]
    assert chain[5:5] is _EMPTY and Articles()[:] is _EMPTY


def test_adding_sequences_gives_articles() -> None:
    chain, made = lazy(), eager()
    one = (Article(title="أ"),)
    assert type(chain + one) is Articles and chain + one == (*made, *one)
    assert type(one + chain) is Articles and one + chain == (*one, *made)
    assert list(one) + chain == (*one, *made) and Articles() + () is _EMPTY  # noqa: RUF005
    with pytest.raises(TypeError):
        chain + "x"  # type: ignore[operator]


def test_repr() -> None:
    assert repr(Articles()) == "Articles([])"
    one = Articles([Article(title="أ")])
    assert repr(one) == f"Articles([{Article(title='أ')!r}])"
    assert repr(lazy()) == repr(eager())


def test_immutable() -> None:
    chain = lazy()
    with pytest.raises(AttributeError):
        chain._n = 3  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del chain._n
    with pytest.raises(AttributeError):
        chain.__init__([])  # type: ignore[misc]
    with pytest.raises(TypeError):
        chain[0] = Article()  # type: ignore[index]
    assert len(chain) == 21


def test_pickle_keeps_the_columns() -> None:
    chain = lazy()
    copied = pickle.loads(pickle.dumps(chain))
    assert copied.is_lazy and copied == chain and copied == eager()
    assert len(pickle.dumps(chain)) < len(pickle.dumps(eager())) / 2
    made = eager()
    assert pickle.loads(pickle.dumps(made)) == made
    assert pickle.loads(pickle.dumps(Articles())) == ()
    article = PARSER.parse(CHAIN)
    assert pickle.loads(pickle.dumps(article)) == article


def test_workers_send_lazy_articles_back() -> None:
    texts = [CHAIN, "نص.", CHAIN.replace("عنوان آخر", "عنوان ثالث")]
    got = list(parse_many(texts, jobs=2, chunksize=1, parser=PARSER))
    assert got == [PARSER.parse(t) for t in texts]
    assert got[0].read_also.is_lazy


def test_evolve_normalized_and_iter_articles() -> None:
    article = PARSER.parse(CHAIN)
    assert attrs.evolve(article, title="x").read_also is article.read_also
    shorter = attrs.evolve(article, read_also=article.read_also[:2])
    assert type(shorter.read_also) is Articles and len(shorter.read_also) == 2
    listed = attrs.evolve(article, read_also=list(article.read_also))
    assert listed == article and type(listed.read_also) is Articles
    normal = article.normalized()
    assert type(normal.read_also) is Articles and normal.read_also[0].title == "عنوان"
    assert list(article.iter_articles())[1:] == list(article.read_also)


def test_serialisation_is_that_of_the_eager_articles() -> None:
    article = PARSER.parse(CHAIN)
    rebuilt = Article.from_dict(article.to_dict())
    assert not rebuilt.read_also.is_lazy
    assert PARSER.parse(CHAIN).to_json() == rebuilt.to_json()
    assert PARSER.parse(CHAIN).to_dict() == rebuilt.to_dict()
    assert PARSER.parse(CHAIN).to_json(indent=1) == rebuilt.to_json(indent=1)
    assert Article.from_json(PARSER.parse(CHAIN).to_json()) == article
    assert arnews.render_html(CHAIN, PARSER.parse(CHAIN)) == arnews.render_html(CHAIN, rebuilt)


# Chains of one shape (written from the columns) and others (written article by article):
# several paragraphs, a source each, texts the JSON escapes or a format would read, a lone
# surrogate, another shape in the middle, articles with other fields.
_ONE = "إقرأ أيضاً:\nعنوان\nنص.\n"
_SHAPES = {
    "one line": (_ONE * 15, True),
    "three lines": ("إقرأ أيضاً:\nعنوان\nنص أول.\nنص ثان أطول.\nنص ثالث.\n" * 15, True),
    "a source each": ("إقرأ أيضاً:\nعنوان\nنص.\nالمصدر: سرايا\n" * 15, True),
    "escapes": ('إقرأ أيضاً:\nعنوان "قال" \\ 100%\nنص %s و%d\x01 "نعم".\n' * 15, True),
    "controls": ("إقرأ أيضاً: عنوان\u200b\nنص.\n" * 15, True),
    "surrogate": ("إقرأ أيضاً:\nعنوان\nنص \ud800 هنا.\n" * 15, True),
    "no headline": ("إقرأ أيضاً:\nنص طويل يبدأ المقال مباشرة ولا عنوان له هنا، بل نص.\n" * 15, True),
    "mixed": (_ONE * 12 + "إقرأ أيضاً:\nعنوان\nنص.\nنص آخر طويل بعض الشيء.\n" + _ONE * 12, False),
    "datelines": (
        "إقرأ أيضاً:\nعنوان\nبغداد (رويترز) - قال المسؤول إن الاجتماع انتهى.\n" * 15,
        False,
    ),
    "tags": ("إقرأ أيضاً:\nعنوان\nنص.\nكلمات دلالية: العراق، بغداد\n" * 15, False),
}


@pytest.mark.parametrize("name", sorted(_SHAPES))
def test_a_chain_is_written_as_its_articles_are(name: str) -> None:
    text, from_columns = _SHAPES[name]
    page = "نص المقال.\n\nالمصدر: سرايا\n\n" + text
    chain = PARSER.parse(page).read_also
    assert chain.is_lazy and len(chain) >= 15
    assert (chain_json(chain, True, []) is not None) is from_columns
    rebuilt = Article.from_dict(PARSER.parse(page).to_dict())
    for spans in (True, False):
        assert PARSER.parse(page).to_json(spans=spans) == rebuilt.to_json(spans=spans)
        made = PARSER.parse(page)
        list(made.read_also)  # made into articles, still written from the columns
        assert made.to_json(spans=spans) == rebuilt.to_json(spans=spans)
    kept = any("\ud800" in p for r in rebuilt.read_also for p in r.paragraphs)
    assert kept is (name == "surrogate")
    assert "\ud800" not in PARSER.parse(page).to_json()


def test_lone_surrogates_are_looked_for_in_every_string_written() -> None:
    odd = chr(0xDC00)
    for article in (
        Article(title=odd),
        Article(paragraphs=("أ", odd)),
        Article(dateline=arnews.Dateline(agency=odd)),
        Article(read_also=(Article(keywords=(odd,)),)),
        Article(warnings=(arnews.Diagnostic("x", odd),)),
        Article(parts=arnews.Parts([arnews.Part(odd, 0, 1)])),
    ):
        text = article.to_json()
        assert odd not in text and "\ufffd" in text
        assert text == arnews.model.replace_surrogates(arnews.model.article_json(article))


@settings(max_examples=max(30, settings.default.max_examples // 3))
@given(pages())
def test_a_lazily_built_chain_equals_the_eagerly_built_one(page: GeneratedPage) -> None:
    # However few the read-also articles, built as columns.
    with mock.patch.object(build, "_COLUMNS", 1):
        article = PARSER.parse(page.text)
    rebuilt = Article.from_dict(article.to_dict())
    chain = article.read_also
    assert len(chain) == len(page.read_also)
    assert chain == rebuilt.read_also and rebuilt.read_also == chain
    assert hash(chain) == hash(rebuilt.read_also)
    assert article == rebuilt
    assert pickle.loads(pickle.dumps(chain)) == chain
    with mock.patch.object(build, "_COLUMNS", 1):
        assert PARSER.parse(page.text).to_json() == rebuilt.to_json()
        assert PARSER.parse(page.text).to_json(spans=False) == rebuilt.to_json(spans=False)
