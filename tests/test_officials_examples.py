"""Checks on the officials extractor beyond its examples files (tests/test_examples.py runs those)."""

from __future__ import annotations

from pathlib import Path

from qpextract import Pipeline
from qpextract.examples import load

HERE = Path(__file__).resolve().parents[1] / "src" / "qpextract" / "extractors" / "officials"


def test_surname_and_title_tables_are_large_enough() -> None:
    from qpextract.extractors.officials.lexicon import Lexicon

    lex = Lexicon()
    assert len(lex.surnames) >= 150
    assert {"Cù", "Lã", "Vi", "Trương", "Tô", "Hà", "Mai", "Đinh", "Lò", "Hứa", "Thái", "Triệu"} <= lex.surnames
    assert len(lex.title_kind) >= 80
    assert len({r.rank for r in lex.rank.values()}) == 20  # the ladder; other spellings ("Hạ sỹ") map onto it


def test_every_person_and_position_names_a_declared_rule() -> None:
    """Each Official and Position of the examples carries a rule, and every rule is declared in officials_rules.yaml."""
    from qpextract.extractors.officials.lexicon import Lexicon

    declared = set(Lexicon().rules)
    pipe = Pipeline()
    used: set = set()
    for name in ("examples_names_people.yaml", "examples_positions_bodies.yaml"):
        for case in load(HERE / name).cases:
            for o in pipe.document(case.text).officials:
                used.add(o.rule)
                used.update(p.rule for p in o.positions)
    assert used and None not in used and used <= declared, used - declared
