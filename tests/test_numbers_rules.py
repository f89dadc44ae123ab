"""The number extractor's named rules (data/vi/numbers_rules.yaml): declared, used, exemplified."""

from __future__ import annotations

import pytest

from qpextract.errors import DataFileError
from qpextract.examples import PACKAGE, components_named, load, run
from qpextract.extractors.numbers import NumberExtractor
from qpextract.extractors.numbers.tables import NumberTables


def test_every_candidate_and_subject_rule_has_an_example() -> None:
    ex = load(PACKAGE / "extractors/numbers/examples.yaml")
    comps = components_named(ex.components)
    seen = set()
    for case in ex.cases:
        article, _ = run(case, comps)
        seen.update(n.rule for n in article.numbers)
    rules = NumberTables().rules
    assert {r.rsplit(".", 1)[0] for r in seen} == set(rules.candidates)
    assert {r.rsplit(".", 1)[1] for r in seen} == set(rules.subjects)


def test_records_and_explain_carry_the_rule(pipeline) -> None:
    doc = pipeline.document("Tỷ lệ đảng viên trong DQTV đạt 23,4% tăng 0,4%. Với kinh phí hơn 550 triệu đồng; 76 công dân nhập ngũ.")
    assert [n.rule for n in doc.numbers] == ["number.digits.before", "number.digits.paid_for", "number.digits.after"]
    traced = [rule for component, rule, _ in doc.trace if component == "numbers"]
    for n in doc.numbers:
        assert n.rule in traced
    assert {"number.change", "number.qualifier.before", "number.scale", "number.unit"} <= set(traced)


def test_an_undeclared_rule_fails_at_load(monkeypatch: pytest.MonkeyPatch) -> None:
    import qpextract.extractors.numbers as numbers

    monkeypatch.setattr(numbers, "_RULES", (*numbers._RULES, "number.guard.no_such_rule"))
    with pytest.raises(DataFileError, match="no_such_rule"):
        NumberExtractor()
