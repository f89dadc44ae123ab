"""Invariants of the normalizer over its examples (each example of text/examples/*.yaml is run by
tests/test_examples.py): normalizing twice changes nothing, and every character has a source."""

from __future__ import annotations

import pytest

from qpextract.examples import PACKAGE, load
from qpextract.text.normalize import normalize

CASES = load(PACKAGE / "text/examples/normalize.yaml").cases


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.label[:40])
def test_normalize_is_idempotent_and_mapped(case) -> None:
    mt = normalize(case.text)
    assert mt.text == case.expect["text"]
    assert normalize(mt.text).text == mt.text, "normalizing twice changes the text"
    assert mt.starts is None or len(mt.starts) == len(mt.ends) == len(mt.text)


# -- datelines: every named dateline rule of data/vi/datelines.yaml with its examples -------------

from qpextract.data import read_yaml  # noqa: E402
from qpextract.text.metadata import MetadataReader, match_agency_lead, match_dateline, match_page_prefix  # noqa: E402

READER = MetadataReader()
DATELINES = read_yaml("datelines.yaml")


@pytest.mark.parametrize(
    "rule,case", [(r["name"], c) for r in DATELINES["rules"] for c in r["examples"]], ids=lambda x: str(x)[:40]
)
def test_dateline_rule_examples(rule: str, case: dict) -> None:
    assert match_dateline(READER.datelines, case["text"]) == (rule, case["published"], case.get("author"))


@pytest.mark.parametrize("line", DATELINES["negatives"])
def test_dateline_negatives(line: str) -> None:
    assert match_dateline(READER.datelines, line) is None


@pytest.mark.parametrize("case", DATELINES["page_prefix"]["examples"], ids=lambda c: c["text"][:40])
def test_page_prefix_examples(case: dict) -> None:
    found = match_page_prefix(READER.page_prefix, case["text"])
    assert found is not None and found[0] == case["published"]
    assert case["text"][found[1] :] == case["rest"]


@pytest.mark.parametrize("text", DATELINES["page_prefix"]["negatives"])
def test_page_prefix_negatives(text: str) -> None:
    assert match_page_prefix(READER.page_prefix, text) is None


@pytest.mark.parametrize("case", DATELINES["agency_lead"]["examples"], ids=lambda c: c["text"][:40])
def test_agency_lead_examples(case: dict) -> None:
    assert match_agency_lead(READER.agency_lead, case["text"]) == case["published"]


@pytest.mark.parametrize("text", DATELINES["agency_lead"]["negatives"])
def test_agency_lead_negatives(text: str) -> None:
    assert match_agency_lead(READER.agency_lead, text) is None


def test_article_carries_expanded_text(pipeline) -> None:
    article = pipeline.extract("Hội nghị tổng kết\n\nLLVT thành phố và lực lượng XYZQ hoàn thành nhiệm vụ.")
    assert article.expanded_text == "Hội nghị tổng kết\n\nLực lượng vũ trang thành phố và lực lượng XYZQ hoàn thành nhiệm vụ."
    assert [a.expansion for a in article.abbreviations] == ["lực lượng vũ trang", None]
    assert any("XYZQ" in w for w in article.warnings)
