"""The command line, end to end in a subprocess: extract, evaluate, schema, explain, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS, load_jsonl


def qpx(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qpextract", *args], input=stdin, capture_output=True, text=True, timeout=300
    )


def test_extract_seeds_writes_one_article_per_file(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    r = qpx("extract", str(CORPUS / "seeds"), "-o", str(out))
    assert r.returncode == 0, r.stderr
    lines = load_jsonl(out)
    assert sorted(line["id"] for line in lines) == sorted(p.stem for p in (CORPUS / "seeds").glob("*.txt"))
    assert all(line["schema_version"] == "2" and "error" not in line for line in lines)


def test_stdin_to_stdout_and_error_lines() -> None:
    good = json.dumps({"id": "a", "text": "Chiều 22/3, Đại tá Lã Văn Hào dự hội nghị."}, ensure_ascii=False)
    stdin = "\n".join([good, "{not json", json.dumps({"id": "e", "text": "   "})]) + "\n"
    r = qpx("extract", "-", "-o", "-", stdin=stdin)
    assert r.returncode == 1, "some inputs failed"
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(lines) == 3
    assert lines[0]["id"] == "a" and "error" not in lines[0]
    assert lines[1]["error"]["kind"] == "parse"
    assert lines[2]["error"]["kind"] == "empty"


def test_usage_error_exits_2() -> None:
    assert qpx("extract").returncode == 2
    assert qpx("no-such-command").returncode == 2


def test_schema_is_the_schema_of_an_output_line() -> None:
    r = qpx("schema")
    schema = json.loads(r.stdout)
    assert schema["oneOf"] == [{"$ref": "#/$defs/Article"}, {"$ref": "#/$defs/ErrorLine"}]
    assert {"id", "text", "dates", "officials", "events"} <= set(schema["$defs"]["Article"]["properties"])


def test_explain_shows_the_rules_that_fired() -> None:
    r = qpx("explain", "Công tác QP-QSĐP của LLVT thành phố.")
    assert r.returncode == 0
    assert "abbr.table" in r.stdout and "LLVT" in r.stdout


def test_evaluate_agrees_with_the_reference_scorer(tmp_path: Path, shared: Path, seed_inputs: list[dict]) -> None:
    inputs = tmp_path / "in.jsonl"
    inputs.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in seed_inputs), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert qpx("extract", str(inputs), "-o", str(out)).returncode == 0
    gold = CORPUS / "gold" / "seeds.jsonl"
    ours = qpx("evaluate", str(gold), str(out), "--inputs", str(inputs), "--json")
    ref = subprocess.run(
        [sys.executable, str(shared / "gold" / "score.py"), str(gold), str(out), "--inputs", str(inputs), "--json"],
        capture_output=True,
        text=True,
    )
    assert ref.returncode == 0, ref.stderr
    assert_same_figures(json.loads(ours.stdout), json.loads(ref.stdout))


def assert_same_figures(ours: dict, ref: dict) -> None:
    """Every figure of the reference scorer, equal; ours may add only the schema-2 parts it does not know."""
    from qpextract.evaluate import SCHEMA2_PARTS

    assert {k: v for k, v in ours.items() if k in ref} == ref
    assert set(ours) - set(ref) <= set(SCHEMA2_PARTS)


def test_evaluate_follows_the_reference_scorer_on_quotes_and_unknown_abbreviations(tmp_path: Path, shared: Path) -> None:
    """score.py folds quotes like dashes and counts an abbreviation with a null expansion neither right nor wrong."""
    gold = [{"id": "a", "officials": [{"name": "Lã Văn Hào", "positions": ["Giám đốc Công ty \u201cHòa Bình\u201d"]}],
             "abbreviations": {"LLVT": "lực lượng vũ trang", "ĐQNT": "đội quân nhân tình nguyện"},
             "title": "Hội nghị \u201cDân vận khéo\u201d", "authors": ["Ðức Anh"]}]
    out = [{"schema_version": "2", "id": "a", "text": "x", "title": 'Hội nghị "Dân vận khéo"', "authors": ["Đức Anh"],
            "officials": [{"name": "Lã Văn Hào", "positions": [{"text": 'Giám đốc Công ty "Hòa Bình"'}]}],
            "abbreviations": [{"short": "LLVT", "expansion": "lực lượng vũ trang"},
                              {"short": "ĐQNT", "expansion": None}, {"short": "XYZ", "expansion": None}]}]
    files = {}
    for name, lines in (("gold", gold), ("out", out)):
        files[name] = tmp_path / f"{name}.jsonl"
        files[name].write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    ours = qpx("evaluate", str(files["gold"]), str(files["out"]), "--json")
    ref = subprocess.run([sys.executable, str(shared / "gold" / "score.py"), str(files["gold"]), str(files["out"]), "--json"],
                         capture_output=True, text=True)
    assert ref.returncode == 0 and ours.returncode == 0, (ref.stderr, ours.stderr)
    assert_same_figures(json.loads(ours.stdout), json.loads(ref.stdout))
    figures = json.loads(ours.stdout)
    assert figures["title"]["acc"] == 1.0 and figures["positions"]["f1"] == 1.0 and figures["authors"]["f1"] == 1.0
    assert (figures["abbreviations"]["tp"], figures["abbreviations"]["fp"]) == (1, 0)


@pytest.mark.parametrize("name", ["seeds.jsonl"])
def test_bundled_gold_matches_shared_gold(name: str, shared: Path) -> None:
    assert load_jsonl(CORPUS / "gold" / name) == load_jsonl(shared / "gold" / name)


@pytest.mark.parametrize("name", ["real", "dev2"])
def test_evaluate_agrees_with_the_reference_scorer_on_development_gold(name: str, tmp_path: Path, shared: Path,
                                                                        pipeline) -> None:
    """On real articles (null expansions, curly quotes, schema-2 gold fields), figure for figure."""
    from qpextract.evaluate import evaluate

    inputs = load_jsonl(CORPUS / "gold" / f"{name}-inputs.jsonl")
    out = tmp_path / "out.jsonl"
    out.write_text("".join(pipeline.safe_extract(x["id"], x).model_dump_json() + "\n" for x in inputs), encoding="utf-8")
    gold = CORPUS / "gold" / f"{name}.jsonl"
    ours = evaluate(load_jsonl(gold), load_jsonl(out)).report()
    ref = subprocess.run([sys.executable, str(shared / "gold" / "score.py"), str(gold), str(out), "--json"],
                         capture_output=True, text=True)
    assert ref.returncode == 0, ref.stderr
    assert_same_figures(ours, json.loads(ref.stdout))
