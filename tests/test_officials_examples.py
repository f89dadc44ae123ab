"""The officials examples files (names, positions, ranks, coreference), one test per case."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from qpextract import Pipeline

HERE = Path(__file__).resolve().parents[1] / "src" / "qpextract" / "extractors" / "officials"


def _cases(name: str) -> list[Any]:
    data = yaml.safe_load((HERE / name).read_text(encoding="utf-8"))
    return [pytest.param(case, id=f"{name.split('_')[1].split('.')[0]}-{i}") for i, case in enumerate(data)]


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline()


def _officials(pipe: Pipeline, text: str) -> dict[str, Any]:
    doc = pipe.document(text)
    return {o.name: o for o in doc.officials}


@pytest.mark.parametrize("case", _cases("examples_names.yaml"))
def test_names(pipe: Pipeline, case: dict) -> None:
    assert sorted(_officials(pipe, case["text"])) == sorted(case["names"])


@pytest.mark.parametrize("case", _cases("examples_positions.yaml"))
def test_positions(pipe: Pipeline, case: dict) -> None:
    got = _officials(pipe, case["text"])
    assert sorted(got) == sorted(o["name"] for o in case["officials"])
    for want in case["officials"]:
        o = got[want["name"]]
        assert [p.text for p in o.positions] == want["positions"]
        for field in ("honorific", "rank"):
            if field in want:
                assert getattr(o, field) == want[field], field


@pytest.mark.parametrize("case", _cases("examples_ranks.yaml"))
def test_ranks(pipe: Pipeline, case: dict) -> None:
    doc = pipe.extract(case["text"])  # the Article: original offsets
    got = [{"rank": r.rank, "grade": r.grade, "branch": r.branch, "holder": r.holder} for r in doc.ranks]
    assert got == case["ranks"]
    for r in doc.ranks:
        assert case["text"][r.start : r.end].lower().startswith(r.rank.lower().split()[0])


@pytest.mark.parametrize("case", _cases("examples_coref.yaml"))
def test_coreference(pipe: Pipeline, case: dict) -> None:
    doc = pipe.extract(case["text"])  # the Article: original offsets
    original = case["text"]
    got = {o.name: o for o in doc.officials}
    assert sorted(got) == sorted(o["name"] for o in case["officials"])
    for want in case["officials"]:
        o = got[want["name"]]
        assert [original[m.start : m.end] for m in o.mentions] == want["mentions"]
        if "positions" in want:
            assert [p.text for p in o.positions] == want["positions"]


def test_surname_and_title_tables_are_large_enough() -> None:
    from qpextract.extractors.officials.lexicon import Lexicon

    lex = Lexicon()
    assert len(lex.surnames) >= 150
    assert {"Cù", "Lã", "Vi", "Trương", "Tô", "Hà", "Mai", "Đinh", "Lò", "Hứa", "Thái", "Triệu"} <= lex.surnames
    assert len(lex.title_kind) >= 80
    assert len(lex.rank) == 20
