"""tools/role_loso.py adopts a change for a left-out set only when it does more good than harm on the other sets."""

from pathlib import Path

import pytest

from conftest import load_tool

loso = load_tool("role_loso")
rules_table = load_tool("role_rules_table")

HEADER = "set\tid\tname\trule\trole\tgold\n"


def _write(path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    """A --rows table of (set, name, library role, gold role)."""
    path.write_text(HEADER + "".join(f"{s}\ta1\t{n}\tr\t{role}\t{gold}\n" for s, n, role, gold in rows), encoding="utf-8")
    return path


def test_change_that_helps_one_set_only_is_not_adopted_for_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A fix seen on one set alone is a tie on the others: that set keeps its figure before the change."""
    base = _write(tmp_path / "b.tsv", [("s1", "A", "speaker", "attendee"), ("s2", "B", "other", "other")])
    step = _write(tmp_path / "c.tsv", [("s1", "A", "attendee", "attendee"), ("s2", "B", "other", "other")])
    loso.main([str(base), str(step)])
    lines = {line.split()[0]: line.split()[1:] for line in capsys.readouterr().out.splitlines()}
    assert lines["s1"] == ["0/1", "1/1", "0/1"]  # before, in sample, leave-one-set-out
    assert lines["pooled"] == ["1/2", "0.5000", "2/2", "1.0000", "1/2", "0.5000"]


def test_change_that_helps_two_sets_is_adopted_for_each(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A fix that holds on two sets is decided on the other one for each: the leave-one-set-out figure gains both."""
    base = _write(tmp_path / "b.tsv", [("s1", "A", "speaker", "attendee"), ("s2", "B", "speaker", "other")])
    step = _write(tmp_path / "c.tsv", [("s1", "A", "attendee", "attendee"), ("s2", "B", "other", "other")])
    loso.main([str(base), str(step)])
    assert capsys.readouterr().out.splitlines()[-1].split()[-2:] == ["2/2", "1.0000"]


def test_rules_table_refuses_held_out_sets() -> None:
    """The hit table never reads a held-out set."""
    with pytest.raises(SystemExit):
        rules_table.paths("heldout3")
