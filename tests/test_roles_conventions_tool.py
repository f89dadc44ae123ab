"""tools/roles_conventions.py classes the cue of a person's own clause, not the next person's, and refuses held-out sets."""

import pytest

from conftest import load_tool

rc = load_tool("roles_conventions")


def _cue(text: str, name: str, others: list[str]) -> str | None:
    """The cue class of the first mention of ``name`` in one-sentence ``text``."""
    low = text.lower()
    ms = text.index(name)
    spans = [(text.index(o), text.index(o) + len(o)) for o in others]
    return rc.cue_at(low, (0, len(text)), ms, ms + len(name), spans)


def test_own_cue_after_the_name() -> None:
    """The speech verb after the name and posts is the person's."""
    assert _cue("Đại tá Lê Văn Sơn, Chính ủy Bộ CHQS tỉnh nhấn mạnh yêu cầu huấn luyện.", "Lê Văn Sơn", []) == "nhấn mạnh"


def test_next_persons_cue_is_not_his() -> None:
    """A cue after the next person belongs to him ("A và B phát biểu": B's, A has none of his own here)."""
    text = "Tại buổi lễ, ông Nguyễn Văn An chào mừng đoàn; ông Trần Văn Bình phát biểu."
    assert _cue(text, "Trần Văn Bình", ["Nguyễn Văn An"]) == "phát biểu"
    assert _cue(text, "Nguyễn Văn An", ["Trần Văn Bình"]) != "phát biểu"


def test_opening_cue_and_source() -> None:
    """A cue opening the sentence before the name is read as such; "Theo X" makes a source."""
    assert _cue("Phát biểu tại buổi lễ, đồng chí Lê Văn Sơn cảm ơn các đơn vị.", "Lê Văn Sơn", []) == "phát biểu (before)"
    assert _cue("Theo Thượng tá Đỗ Văn Tám, đơn vị đã hoàn thành chỉ tiêu.", "Đỗ Văn Tám", []) == "theo X"


def test_heldout_refused() -> None:
    """A held-out set name stops the tool."""
    with pytest.raises(SystemExit):
        rc.paths("heldout5")


def test_in_headline() -> None:
    """The headline names a person by his full name or his last word; another name does not."""

    class _Art:
        title = "Tổng thống Maduro: Venezuela sẵn sàng đáp trả"

    assert rc.in_headline(_Art(), "Nicolas Maduro")
    assert not rc.in_headline(_Art(), "Juan Guaido")
