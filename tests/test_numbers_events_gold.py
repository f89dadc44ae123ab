"""Numbers and events on the bundled gold stay above their floors (seeds and the real-article gold)."""

from __future__ import annotations

import pytest

from conftest import CORPUS, load_jsonl
from qpextract.evaluate import evaluate

SEED_FLOORS = {"numbers": 0.95, "number.subject": 0.9, "number.qualifier": 1.0, "number.total": 1.0,
               "number.change": 1.0, "event.main": 1.0, "event.types": 0.9}
REAL_FLOORS = {"numbers": 0.9, "number.subject": 0.8, "event.main": 0.9, "event.types": 0.9}


def _figure(report: dict, part: str) -> float:
    v = report[part]
    return v["f1"] if "f1" in v else v["acc"]


@pytest.fixture(scope="module")
def seed_report(pipeline, seed_inputs) -> dict:
    outputs = [pipeline.safe_extract(x["id"], x).model_dump() for x in seed_inputs]
    return evaluate(load_jsonl(CORPUS / "gold" / "seeds.jsonl"), outputs, {x["id"]: x["text"] for x in seed_inputs}).report()


@pytest.fixture(scope="module")
def real_report(pipeline) -> dict:
    gold_path, inputs_path = CORPUS / "gold" / "real.jsonl", CORPUS / "gold" / "real-inputs.jsonl"
    if not gold_path.is_file() or not inputs_path.is_file():
        pytest.skip("corpus/gold/real.jsonl not bundled")
    inputs = load_jsonl(inputs_path)
    outputs = [pipeline.safe_extract(x["id"], x).model_dump() for x in inputs]
    return evaluate(load_jsonl(gold_path), outputs, {x["id"]: x["text"] for x in inputs}).report()


@pytest.mark.parametrize("part,floor", sorted(SEED_FLOORS.items()))
def test_seed_floor(seed_report: dict, part: str, floor: float) -> None:
    assert _figure(seed_report, part) >= floor, seed_report[part]


@pytest.mark.parametrize("part,floor", sorted(REAL_FLOORS.items()))
def test_real_floor(real_report: dict, part: str, floor: float) -> None:
    assert _figure(real_report, part) >= floor, real_report[part]
