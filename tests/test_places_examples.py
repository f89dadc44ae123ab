"""The places examples file: locations and organizations, one test per case."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from qpextract import Pipeline

FILE = Path(__file__).resolve().parents[1] / "src" / "qpextract" / "extractors" / "places" / "examples.yaml"
CASES = yaml.safe_load(FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline()


@pytest.mark.parametrize("case", CASES, ids=[f"places-{i}" for i in range(len(CASES))])
def test_places(pipe: Pipeline, case: dict) -> None:
    doc = pipe.document(case["text"])
    assert [{"text": r.text, "kind": r.kind} for r in doc.locations] == case["locations"]
    assert [{"text": r.text, "kind": r.kind} for r in doc.organizations] == case["organizations"]
    article = doc.to_article()
    for r in [*article.locations, *article.organizations]:
        assert doc.original[r.start : r.end] == r.text


def test_gazetteer_uses_the_package_and_the_old_provinces() -> None:
    from qpextract.text.lexicon import Gazetteer

    g = Gazetteer()
    assert g.kind_of("Hà Nội") == "city"
    assert g.kind_of("Bắc Kạn") == "province"  # pre-2025, hand list
    assert g.kind_of("Tuyên Quang") == "province"  # vietnam_provinces
