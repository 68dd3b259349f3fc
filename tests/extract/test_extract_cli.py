"""`mawgun extract` and `mawgun eval` from the command line: the JSONL contract and clear errors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mawgun.cli.main import app

ARTICLE = (
    "Junta jets bombed Kyauk Kyi village in Sagaing Region's Depayin Township on 12 March 2024, killing "
    "four villagers and injuring six others, residents said."
)


def write_docs(path: Path, rows: list[object]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_extract_writes_one_record_a_line_with_evidence_offsets(tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs.jsonl", [{"doc_id": "d1", "text": ARTICLE, "published": "2024-03-14"}])
    out = tmp_path / "records.jsonl"
    result = CliRunner().invoke(app, ["extract", "--in", str(docs), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    event = next(r for r in records if r["kind"] == "event")
    assert (event["event_type"], event["date"], event["admin1"], event["fatalities"]) == (
        "Explosions/Remote violence",
        "2024-03-12",
        "Sagaing",
        4,
    )
    assert event["canonical_id"]
    for span in event["evidence"]:
        assert ARTICLE[span["start"] : span["end"]] == span["text"]


def test_a_bad_input_line_is_named_and_the_other_lines_are_extracted(tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    good = json.dumps({"doc_id": "d1", "text": ARTICLE})
    docs.write_bytes(b"not json\n" + b'{"doc_id": "bad", "text": "caf\xe9 \xff"}\n' + good.encode() + b"\n")
    out = tmp_path / "records.jsonl"
    result = CliRunner().invoke(app, ["extract", "--in", str(docs), "--out", str(out), "--quiet"])
    assert result.exit_code == 1
    output = " ".join(result.output.split())
    assert "line 1: not JSON" in output and "line 2: not valid UTF-8" in output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records and {r["doc_id"] for r in records} == {"d1"}


def test_eval_prints_recall_and_precision(tmp_path: Path) -> None:
    gold = write_docs(
        tmp_path / "gold.jsonl",
        [{"doc": "d1", "kind": "statistic", "required": True, "metric": "displaced", "value": 1000}],
    )
    pred = write_docs(
        tmp_path / "pred.jsonl", [{"doc_id": "d1", "kind": "statistic", "metric": "displaced", "value": 1000}]
    )
    result = CliRunner().invoke(app, ["eval", str(gold), str(pred), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["statistic"]["recall"] == 1.0


def test_an_unknown_component_is_a_clear_error(tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs.jsonl", [{"doc_id": "d1", "text": ARTICLE, "published": "2024-03-14"}])
    result = CliRunner().invoke(
        app, ["extract", "--in", str(docs), "--out", str(tmp_path / "o.jsonl"), "--component", "nope"]
    )
    assert result.exit_code == 2
    assert "unknown extraction pipeline 'nope'" in result.output
