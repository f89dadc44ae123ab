"""Event roles beyond their examples file (tests/test_examples.py runs extractors/events/examples_roles.yaml)."""

from __future__ import annotations

from pathlib import Path

from qpextract.examples import load

EXAMPLES = load(Path(__file__).resolve().parents[1] / "src/qpextract/extractors/events/examples_roles.yaml")


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

    rules = read_yaml("event_roles.yaml")["rules"]
    # a rule that `informs` makes no participant: its examples are under `absent`
    named = {r["name"] for r in rules if not r.get("informs")} | {"role.other.participation", "role.other.lead"}
    shown = {
        p["rule"] for c in EXAMPLES.cases for e in c.expect.get("events", []) for p in e.get("participants+", []) if "rule" in p
    }
    assert named <= shown, f"role rules without an example: {sorted(named - shown)}"

