"""The temporal corpus: large enough, every rule exemplified, offsets through the Document.

Each example of extractors/temporal/examples.yaml is run by tests/test_examples.py.
"""

from __future__ import annotations

import pytest

from qpextract.examples import PACKAGE, load, reference_of
from qpextract.extractors.temporal import TemporalExtractor

EXAMPLES = load(PACKAGE / "extractors/temporal/examples.yaml")


@pytest.fixture(scope="module")
def extractor() -> TemporalExtractor:
    return TemporalExtractor()


def test_corpus_size_and_coverage(extractor: TemporalExtractor) -> None:
    """At least 120 positives and 30 negatives, and every rule has an example."""
    positives = [c for c in EXAMPLES.cases if c.expect["dates"]]
    negatives = [c for c in EXAMPLES.cases if not c.expect["dates"]]
    assert len(positives) >= 120, len(positives)
    assert len(negatives) >= 30, len(negatives)
    fired = set()
    for case in positives:
        for _, _, rule, _ in extractor.expressions(case.text, reference_of(case.reference)):
            fired.add(rule)
    rules = {r.name for r in extractor.rules.g.rules}
    assert rules <= fired, f"rules without an example: {sorted(rules - fired)}"


def test_records_point_at_their_text(extractor: TemporalExtractor) -> None:
    """Through the Document, start/end are original offsets even when normalization moves text."""
    from qpextract import Pipeline

    pipeline = Pipeline(components=[extractor])
    original = "Tin  tức\u00a0–  Sáng  ngày 16/10/2020, nhiệm kỳ 2020 – 2025."
    doc = pipeline.document(original, id="x", title="t")
    for d in doc.dates:  # in the pipeline: normalized offsets
        assert doc.text[d.start : d.end] == d.text
    article = doc.to_article()  # the export step maps them to the input
    assert [d.value for d in article.dates] == ["2020-10-16", "2020/2025"]
    for d in article.dates:
        assert " ".join(original[d.start : d.end].replace("–", "-").split()) == d.text
