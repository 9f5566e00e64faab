"""The datatrove step, inside a real datatrove pipeline: JsonlReader → ArnewsParser →
JsonlWriter on LocalPipelineExecutor, on the spec seeds."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import pytest

import arnews
from arnews import Lexicon, Parser

from .conftest import FIXTURES

pytest.importorskip("datatrove")
pytest.importorskip("orjson")  # datatrove's JSON Lines reader and writer need it

from datatrove.data import Document
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from arnews.integrations.datatrove import ArnewsParser

SEEDS = sorted((FIXTURES / "spec").glob("*.txt"))


def _write_input(folder: Path, records: list[dict[str, Any]]) -> None:
    folder.mkdir(parents=True)
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    (folder / "pages.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _seed_records() -> list[dict[str, Any]]:
    return [
        {"id": p.stem, "text": p.read_text("utf-8"), "url": f"https://example.org/{p.stem}"}
        for p in SEEDS
    ]


def _run(tmp_path: Path, records: list[dict[str, Any]], step: ArnewsParser, **writer: Any) -> Any:
    """Run the pipeline; return (output records, the arnews step's stats)."""
    _write_input(tmp_path / "in", records)
    LocalPipelineExecutor(
        [
            JsonlReader(str(tmp_path / "in")),
            step,
            JsonlWriter(str(tmp_path / "out"), compression=None, **writer),
        ],
        tasks=1,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    out = [
        json.loads(line)
        for path in sorted((tmp_path / "out").glob("*.jsonl"))
        for line in path.read_text("utf-8").splitlines()
    ]
    [stats_file] = (tmp_path / "logs" / "stats").glob("*.json")
    [mine] = [s for s in json.loads(stats_file.read_text("utf-8")) if "arnews" in s["name"]]
    counts = {k: v["total"] if isinstance(v, dict) else v for k, v in mine["stats"].items()}
    return out, counts


def test_pipeline_gives_the_seeds_clean_bodies_and_fields(tmp_path: Path) -> None:
    out, stats = _run(tmp_path, _seed_records(), ArnewsParser())
    assert [r["id"] for r in out] == [p.stem for p in SEEDS]
    for record in out:
        want = json.loads((FIXTURES / "spec" / f"{record['id']}.json").read_text("utf-8"))
        assert record["text"] == "\n\n".join(want["paragraphs"])
        meta = record["metadata"]
        # The reader's metadata stays; arnews's fields are under their own key.
        assert meta["url"] == f"https://example.org/{record['id']}"
        fields = meta["arnews"]
        page = (FIXTURES / "spec" / f"{record['id']}.txt").read_text("utf-8")
        article = json.loads(json.dumps(arnews.parse(page).to_dict(spans=False)))
        for key, value in article.items():
            if key != "read_also":
                assert fields[key] == value, (record["id"], key)
        assert fields["source"] == want["source"]
        assert fields["dateline"] == want["dateline"]
        assert [r["title"] for r in fields["read_also"]] == [r["title"] for r in want["read_also"]]
        assert [r["text"] for r in fields["read_also"]] == [
            "\n\n".join(r["paragraphs"]) for r in want["read_also"]
        ]
        assert "text" not in fields
        assert "spans" not in fields
    n = len(SEEDS)
    assert stats["total"] == stats["parsed"] == stats["forwarded"] == n
    assert "dropped" not in stats
    assert stats["doc_len"] == sum(len(r["text"]) for r in out)


def test_empty_bodies_are_dropped_unless_kept(tmp_path: Path) -> None:
    records = [
        {"id": "page", "text": SEEDS[0].read_text("utf-8")},
        # All furniture: a share line and a source, no body.
        {"id": "furniture", "text": "شارك هذا الخبر\nالمصدر: رويترز"},
    ]
    out, stats = _run(tmp_path / "drop", records, ArnewsParser())
    assert [r["id"] for r in out] == ["page"]
    assert stats["total"] == stats["parsed"] == 2
    assert stats["dropped_empty"] == stats["dropped"] == 1
    out, stats = _run(tmp_path / "keep", records, ArnewsParser(keep_empty=True))
    assert [r["id"] for r in out] == ["page", "furniture"]
    assert out[1].get("text", "") == ""  # the writer leaves out a field that is empty
    assert out[1]["metadata"]["arnews"]["source"] == "رويترز"
    assert stats["forwarded"] == 2


def test_a_document_that_cannot_be_parsed_is_dropped_and_counted() -> None:
    # datatrove's readers never hand on such a document; an adapter or a step before could.
    step = ArnewsParser()
    page = SEEDS[1].read_text("utf-8")
    docs = [Document(text=None, id="none"), Document(text=page, id="ok")]
    assert [d.id for d in step.run(iter(docs))] == ["ok"]
    counts = {k: v.total for k, v in step.stats.stats.items()}
    assert counts["total"] == 2
    assert counts["error"] == counts["dropped"] == 1
    assert counts["parsed"] == counts["forwarded"] == 1


def test_merged_metadata_and_spans_give_the_command_record_shape(tmp_path: Path) -> None:
    records = _seed_records()[:2]
    step = ArnewsParser(spans=True, metadata_key=None)
    out, _ = _run(tmp_path, records, step, expand_metadata=True)
    for record, source in zip(out, records, strict=True):
        article = arnews.parse(source["text"])
        want = json.loads(json.dumps(article.to_dict(spans=True)))
        for key, value in want.items():
            if key == "read_also":
                assert [r["title"] for r in record[key]] == [r["title"] for r in value]
            elif key == "parts":
                assert [{**p, "name": p.get("name")} for p in value] == record[key]
            else:
                assert record[key] == value, key
        assert record["text"] == article.text
        assert record["url"] == source["url"]


def test_a_parser_of_ones_own_is_used_and_the_step_pickles() -> None:
    page = "خبر قصير عن المعرض في المدينة.\n\nحمل تطبيقنا الآن"
    assert arnews.parse(page).paragraphs[-1] == "حمل تطبيقنا الآن"
    lexicon = Lexicon.default().extend(boilerplate=["حمل تطبيقنا"])
    step = ArnewsParser(Parser(lexicon=lexicon))
    copy = pickle.loads(pickle.dumps(step))  # datatrove sends steps to its workers so
    [doc] = copy.run(iter([Document(text=page, id="1")]))
    assert doc.text == "خبر قصير عن المعرض في المدينة."
    assert doc.metadata["arnews"]["boilerplate"] == ["حمل تطبيقنا الآن"]
