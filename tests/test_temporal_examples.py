"""The temporal corpus is the test: every example of extractors/temporal/examples.yaml.

A positive must yield exactly its expression (span and value, plus any field
it names); a negative must yield nothing. Failures say which way it went
wrong: nothing found, a partial span, or competing readings.
"""

from __future__ import annotations

from typing import Any

import pytest

from qpextract.document import Reference
from qpextract.extractors.temporal import TemporalExtractor
from qpextract.extractors.temporal.catalog import load_examples, markdown_table, reference

CHECKED_FIELDS = ("type", "part_of_day", "first_day", "last_day", "year_inferred", "rule")


def _load() -> dict[str, Any]:
    return load_examples()


def positives() -> list[Any]:
    data = _load()
    cases = []
    for group in data["positives"]:
        for ex in group["examples"]:
            ex = {"text": ex} if isinstance(ex, str) else dict(ex)
            case = {k: v for k, v in group.items() if k != "examples"}
            case.setdefault("context", data.get("context"))
            case.update(ex)
            case.setdefault("span", case["text"])
            cases.append(pytest.param(case, id=f"{case['value']}|{case['text'][:40]}"))
    return cases


def negatives() -> list[Any]:
    return [pytest.param(text, id=text[:40]) for text in _load()["negatives"]]


@pytest.fixture(scope="module")
def extractor() -> TemporalExtractor:
    return TemporalExtractor()


@pytest.fixture(scope="module")
def normalize():
    """Examples are written as printed; the extractor reads normalized text (dashes, spaces)."""
    from qpextract.text.normalize import Normalizer

    normalizer = Normalizer.load()
    return lambda s: normalizer(s).text


def _show(text: str, found: list) -> str:
    return ", ".join(f"'{text[s:e]}'={f['value']} ({rule})" for s, e, rule, f in found) or "nothing"


@pytest.mark.parametrize("case", positives())
def test_positive(extractor: TemporalExtractor, normalize, case: dict) -> None:
    text, span, value = normalize(case["text"]), normalize(case["span"]), str(case["value"])
    assert span in text, f"bad example: span {span!r} is not in {text!r}"
    s0 = text.index(span)
    e0 = s0 + len(span)
    found = extractor.expressions(text, reference(case.get("context")))
    if not found:
        pytest.fail(f"nothing found: expected '{span}' = {value}")
    exact = [r for r in found if (r[0], r[1]) == (s0, e0)]
    if not exact:
        overlapping = [r for r in found if r[0] < e0 and s0 < r[1]]
        if overlapping:
            pytest.fail(f"partial span: expected '{span}' = {value}, found {_show(text, overlapping)}")
        pytest.fail(f"nothing found at '{span}' = {value}; found elsewhere {_show(text, found)}")
    record = exact[0][3]
    if record["value"] != value:
        pytest.fail(f"competing readings: '{span}' read as {record['value']}, expected {value}")
    others = sorted(str(v) for v in case.get("others", []))
    rest = [r for r in found if r is not exact[0]]
    if sorted(r[3]["value"] for r in rest) != others:
        pytest.fail(f"competing readings: besides '{span}' = {value}, found {_show(text, rest)}; expected {others}")
    for name in CHECKED_FIELDS:
        if name in case:
            assert record[name] == case[name], f"'{span}': {name} is {record[name]!r}, expected {case[name]!r}"


@pytest.mark.parametrize("text", negatives())
def test_negative(extractor: TemporalExtractor, normalize, text: str) -> None:
    text = normalize(text)
    found = extractor.expressions(text, Reference())
    assert not found, f"competing readings: a negative example yields {_show(text, found)}"


def test_corpus_size_and_coverage(extractor: TemporalExtractor) -> None:
    """At least 120 positives and 30 negatives, and every rule has an example."""
    cases = [p.values[0] for p in positives()]
    assert len(cases) >= 120, len(cases)
    assert len(negatives()) >= 30
    fired = set()
    for case in cases:
        for _, _, rule, _ in extractor.expressions(case["text"], reference(case.get("context"))):
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


def test_catalog_table_lists_every_value() -> None:
    """The README table is generated from the same corpus."""
    table = markdown_table()
    for group in _load()["positives"]:
        assert f"`{group['value']}`" in table
