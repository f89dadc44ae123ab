"""Officials, positions and ranks on the bundled gold (seeds and 24 real articles) stay at their targets."""

from __future__ import annotations

import pytest

from conftest import CORPUS, load_jsonl
from qpextract.evaluate import evaluate

SEED_FLOORS = {"officials": 1.0, "positions": 0.95, "ranks": 1.0, "official.rank": 1.0, "official.honorific": 1.0}
# real.jsonl is schema-1 gold (office holders only); under schema 2 every named person is an
# Official, so the gate is the recall of its office holders, not F1
REAL_FLOORS = {"officials:r": 0.98, "positions": 0.9, "ranks": 0.95}


def figure(report: dict, part: str) -> float:
    part, _, key = part.partition(":")
    v = report[part]
    return v[key] if key else v["f1"] if "f1" in v else v["acc"]


@pytest.fixture(scope="module")
def seed_report(pipeline, seed_inputs):
    outputs = [pipeline.safe_extract(x["id"], x).model_dump() for x in seed_inputs]
    originals = {x["id"]: x["text"] for x in seed_inputs}
    return evaluate(load_jsonl(CORPUS / "gold" / "seeds.jsonl"), outputs, originals).report()


@pytest.fixture(scope="module")
def real_report(pipeline):
    gold_path = CORPUS / "gold" / "real.jsonl"
    if not gold_path.is_file():
        pytest.skip("corpus/gold/real.jsonl not present")
    inputs = load_jsonl(CORPUS / "gold" / "real-inputs.jsonl")
    outputs = [pipeline.safe_extract(x["id"], x).model_dump() for x in inputs]
    originals = {x["id"]: x["text"] for x in inputs}
    return evaluate(load_jsonl(gold_path), outputs, originals).report()


@pytest.mark.parametrize("part,floor", sorted(SEED_FLOORS.items()))
def test_seed_officials(seed_report: dict, part: str, floor: float) -> None:
    assert figure(seed_report, part) >= floor, seed_report[part]


@pytest.mark.parametrize("part,floor", sorted(REAL_FLOORS.items()))
def test_real_officials(real_report: dict, part: str, floor: float) -> None:
    assert figure(real_report, part) >= floor, real_report[part.partition(":")[0]]
