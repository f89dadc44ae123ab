"""The examples files of the documents and decorations extractors are their tests."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from qpextract import Pipeline

PIPELINE = Pipeline()


def _cases(package: str) -> tuple[list, list]:
    data = yaml.safe_load(resources.files(f"qpextract.extractors.{package}").joinpath("examples.yaml").read_text("utf-8"))
    return data["positive"], data["negative"]


def _records(field: str, text: str) -> list:
    return getattr(PIPELINE.extract(text), field)


@pytest.mark.parametrize("field", ["documents", "decorations"])
def test_examples_files_are_large_enough(field: str) -> None:
    positive, negative = _cases(field)
    assert len(positive) >= 60 and len(negative) >= 20


@pytest.mark.parametrize(
    ("field", "case"), [(f, c) for f in ("documents", "decorations") for c in _cases(f)[0]], ids=lambda x: str(x)[:60]
)
def test_positive(field: str, case: dict) -> None:
    got = _records(field, case["text"])
    assert len(got) == len(case["records"]), [g.text for g in got]
    for want, rec in zip(case["records"], got):
        for key, value in want.items():
            assert getattr(rec, key) == value, (key, rec)
        assert PIPELINE.normalizer(case["text"][rec.start : rec.end]).text == rec.text  # offsets point at the record


@pytest.mark.parametrize(
    ("field", "text"), [(f, t) for f in ("documents", "decorations") for t in _cases(f)[1]], ids=lambda x: str(x)[:60]
)
def test_negative(field: str, text: str) -> None:
    assert _records(field, text) == []
