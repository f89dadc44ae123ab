"""The schema-2 people and body-name examples files of the officials extractor, one test per case."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from qpextract import Pipeline

HERE = Path(__file__).resolve().parents[1] / "src" / "qpextract" / "extractors" / "officials"


def _cases(name: str) -> list[Any]:
    data = yaml.safe_load((HERE / name).read_text(encoding="utf-8"))
    return [pytest.param(case, id=f"{name.split('.')[0]}-{i}") for i, case in enumerate(data)]


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline()


@pytest.mark.parametrize("case", _cases("examples_names_people.yaml"))
def test_people(pipe: Pipeline, case: dict) -> None:
    doc = pipe.document(case["text"])
    assert sorted(o.name for o in doc.officials) == sorted(case["names"])
    for o in doc.officials:
        assert o.rule, o.name
        for m in o.mentions:
            assert doc.original[m.start : m.end]


@pytest.mark.parametrize("case", _cases("examples_positions_bodies.yaml"))
def test_positions_bodies(pipe: Pipeline, case: dict) -> None:
    doc = pipe.document(case["text"])
    got = {o.name: o for o in doc.officials}
    assert sorted(got) == sorted(o["name"] for o in case["officials"])
    for want in case["officials"]:
        o = got[want["name"]]
        assert [p.text for p in o.positions] == want["positions"]
        for field in ("honorific", "rank"):
            if field in want:
                assert getattr(o, field) == want[field], field
        assert all(p.rule for p in o.positions)


def test_rule_names_are_declared() -> None:
    """Every rule a record names is declared in officials_rules.yaml."""
    from qpextract.extractors.officials.lexicon import Lexicon

    declared = set(Lexicon().rules)
    pipe = Pipeline()
    used = set()
    for case in yaml.safe_load((HERE / "examples_names_people.yaml").read_text(encoding="utf-8")):
        for o in pipe.document(case["text"]).officials:
            used.add(o.rule)
            used.update(p.rule for p in o.positions)
    assert used and used <= declared
