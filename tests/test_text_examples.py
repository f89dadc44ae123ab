"""The example tables of the text layer (text/examples/*.yaml) run as tests."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from qpextract.document import Document
from qpextract.evaluate import fold
from qpextract.text.abbreviations import AbbreviationTagger
from qpextract.text.metadata import MetadataReader
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


READER = MetadataReader()


@pytest.mark.parametrize("case", examples("metadata.yaml"), ids=lambda c: c["text"][:40])
def test_metadata(case: dict) -> None:
    doc = doc_of(case["text"])
    READER(doc)
    assert (doc.title, doc.published, doc.authors) == (case["title"], case["published"], case["authors"])
