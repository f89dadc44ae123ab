"""tools/roles_features.py trains deterministically, reads a participant's own cues, and refuses held-out sets."""

import pytest

from conftest import load_tool

rf = load_tool("roles_features")


def test_heldout_refused() -> None:
    """A held-out set name stops the tool."""
    with pytest.raises(SystemExit):
        rf.paths("heldout5")
    with pytest.raises(SystemExit):
        rf.paths("/work/somewhere/heldout12w")


def test_training_is_deterministic_and_learns() -> None:
    """Two trainings on the same rows give the same weights, and a cue seen only with one role predicts it."""
    rows = [{"features": ["bias", "a:phat_bieu"], "gold": "speaker"}] * 6 + [
        {"features": ["bias", "b:du"], "gold": "attendee"}
    ] * 6
    w1, w2 = rf.train(rows), rf.train(rows)
    assert w1 == w2
    assert rf.predict(w1, ["bias", "a:phat_bieu"])[0] == "speaker"
    assert rf.predict(w1, ["bias", "b:du"])[0] == "attendee"


def test_features_read_the_persons_own_cue() -> None:
    """A made-up conference: the speech cue after the commander's name and posts is read as his, in the lead; the
    rules' role stands among the features."""
    from qpextract.pipeline import Pipeline

    rm = rf._role_model()
    doc = Pipeline().document(
        "Sáng 5/1, Bộ CHQS tỉnh Lam Sơn tổ chức hội nghị tổng kết công tác quân sự năm 2024. Đại tá Hà Văn Tâm, "
        "Chỉ huy trưởng Bộ CHQS tỉnh phát biểu chỉ đạo hội nghị.",
        title="Bộ CHQS tỉnh Lam Sơn tổng kết công tác quân sự",
    )
    main = next(e for e in doc.events if e.main)
    i = next(k for k, p in enumerate(main.participants) if p.name == "Hà Văn Tâm")
    feats = rm.features(doc, main.type, main.rule or "", main.trigger or "", main.participants, i)
    assert "a:c.phat_bieu" in feats and "a:speaker.phat_bieu" in feats
    assert "lead" in feats and "post=head" in feats and "rank=field" in feats
    assert f"role={main.participants[i].role}" in feats
