"""The event role rules' examples (extractors/events/examples_roles.yaml) through the whole pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

EXAMPLES = yaml.safe_load(
    (Path(__file__).resolve().parents[1] / "src/qpextract/extractors/events/examples_roles.yaml").read_text(
        encoding="utf-8"
    )
)


@pytest.mark.parametrize("case", EXAMPLES["cases"] + EXAMPLES["negatives"], ids=lambda c: c["name"][:60])
def test_role_case(pipeline, case: dict) -> None:
    art = pipeline.extract(case["text"], title=case.get("title"))
    mains = [e for e in art.events if e.main]
    got = {p.name: p for e in mains for p in e.participants}
    for name, (role, *rule) in case.get("roles", {}).items():
        assert name in got, f"{name} is no participant; got {[(p.name, p.role) for p in got.values()]}"
        p = got[name]
        assert p.role == role, f"{name}: {p.role} by {p.rule}, expected {role}"
        if rule:
            assert p.rule == rule[0], f"{name}: rule {p.rule}, expected {rule[0]}"
        assert p.official is not None and art.officials[p.official].name == name, "points at the wrong official"
    for name, roles in case.get("not_roles", {}).items():
        assert name not in got or got[name].role not in roles, f"{name}: {got[name].role} by {got[name].rule}"
    for name in case.get("absent", []):
        assert name not in got, f"{name} should take no part: {got[name].role} by {got[name].rule}"


def test_seed_002_speaker_and_attendee_point_at_their_officials(pipeline, seed_inputs) -> None:
    seed = next(x for x in seed_inputs if x["id"].startswith("002"))
    art = pipeline.extract(seed["text"])
    (main,) = [e for e in art.events if e.main]
    got = {p.name: p for p in main.participants}
    assert got["Cù Ngọc Cường"].role == "speaker" and got["Lã Văn Hào"].role == "attendee"
    for name in ("Cù Ngọc Cường", "Lã Văn Hào"):
        assert art.officials[got[name].official].name == name


def test_event_days_come_from_its_date(pipeline) -> None:
    art = pipeline.extract(
        "Chiều 22/3, Đảng ủy Quân sự thành phố Bắc Kạn tổ chức hội nghị sơ kết giữa nhiệm kỳ.\n",
        title="Sơ kết giữa nhiệm kỳ",
        published="2023-03-23",
    )
    (main,) = [e for e in art.events if e.main]
    assert (main.date, main.first_day, main.last_day) == ("2023-03-22", "2023-03-22", "2023-03-22")


def test_every_role_rule_has_an_example() -> None:
    from qpextract.data import read_yaml

    named = {r["name"] for r in read_yaml("event_roles.yaml")["rules"]} | {"role.other.participation", "role.other.lead"}
    shown = {v[1] for c in EXAMPLES["cases"] for v in c.get("roles", {}).values() if len(v) > 1}
    assert named <= shown, f"role rules without an example: {sorted(named - shown)}"

