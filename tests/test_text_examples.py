"""The example tables of the text layer (text/examples/*.yaml) run as tests."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from qpextract.document import Document
from qpextract.evaluate import fold
from qpextract.text.abbreviations import AbbreviationTagger
from qpextract.data import read_yaml
from qpextract.text.metadata import MetadataReader, match_dateline
from qpextract.text.normalize import normalize
from qpextract.text.segment import SentenceSegmenter


def examples(name: str) -> list[dict]:
    text = resources.files("qpextract.text").joinpath("examples").joinpath(name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


def doc_of(text: str) -> Document:
    return Document(id="t", original=text, norm=normalize(text))


@pytest.mark.parametrize("case", examples("normalize.yaml"), ids=lambda c: c["input"][:40])
def test_normalize(case: dict) -> None:
    mt = normalize(case["input"])
    assert mt.text == case["expected"]
    assert normalize(mt.text).text == mt.text, "normalizing twice changes the text"
    assert mt.starts is None or len(mt.starts) == len(mt.ends) == len(mt.text)


SEGMENTER = SentenceSegmenter()


@pytest.mark.parametrize("case", examples("segment.yaml"), ids=lambda c: c["text"][:40])
def test_segment(case: dict) -> None:
    doc = doc_of(case["text"])
    SEGMENTER(doc)
    got = [doc.original[a:b] for a, b in (doc.norm.to_original(s, e) for s, e in doc.sentences)]
    assert got == case["sentences"]


TAGGER = AbbreviationTagger()


@pytest.mark.parametrize("case", examples("abbreviations.yaml"), ids=lambda c: c["text"][:40])
def test_abbreviations(case: dict) -> None:
    doc = doc_of(case["text"])
    TAGGER(doc)
    assert [[a.short, a.expansion] for a in doc.abbreviations] == case["records"]
    for a in doc.abbreviations:
        assert fold(doc.original[a.start : a.end]) == fold(a.text)
    if "warnings" in case:
        assert [w.split("'")[1] for w in doc.warnings] == case["warnings"]
    if "rules" in case:
        assert [a.rule for a in doc.abbreviations] == case["rules"]
    if "expanded" in case:
        assert doc.expanded_text == case["expanded"]


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


@pytest.mark.parametrize("case", examples("metadata.yaml"), ids=lambda c: c["text"][:40])
def test_metadata(case: dict) -> None:
    doc = doc_of(case["text"])
    READER(doc)
    assert (doc.title, doc.published, doc.authors) == (case["title"], case["published"], case["authors"])
    if "rules" in case:
        assert [rule for component, rule, _ in doc.trace if component == READER.name] == case["rules"]


def test_article_carries_expanded_text(pipeline) -> None:
    article = pipeline.extract("Hội nghị tổng kết\n\nLLVT thành phố và lực lượng XYZQ hoàn thành nhiệm vụ.")
    assert article.expanded_text == "Hội nghị tổng kết\n\nLực lượng vũ trang thành phố và lực lượng XYZQ hoàn thành nhiệm vụ."
    assert [a.expansion for a in article.abbreviations] == ["lực lượng vũ trang", None]
    assert any("XYZQ" in w for w in article.warnings)
