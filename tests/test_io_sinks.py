"""Sinks: the JSONL sink's resume bookkeeping and the open_sink contract with io/db.py."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from qpextract.io.sinks import JsonlSink, SinkUnavailable, TeeSink, open_sink
from qpextract.models import ErrorInfo, ErrorLine


def error_line(aid: str) -> ErrorLine:
    return ErrorLine(id=aid, error=ErrorInfo(kind="empty", message="x"))


def test_torn_last_line_is_cut_before_appending(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    sink = JsonlSink(str(out))
    sink.write(error_line("a"), "")
    sink.write(error_line("b"), "")
    sink.close()
    with open(out, "a", encoding="utf-8") as f:
        f.write('{"schema_version":"2","id":"c","err')  # killed mid-line
    sink = JsonlSink(str(out), append=True)
    assert sink.done_ids() == {"a", "b"}
    sink.write(error_line("c"), "")
    sink.close()
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and lines[2].startswith('{"schema_version":"2","id":"c"')


def test_every_line_is_flushed_as_written(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    sink = JsonlSink(str(out))
    sink.write(error_line("a"), "")
    assert out.read_text(encoding="utf-8").count("\n") == 1  # on disk before close: survives SIGKILL
    sink.close()


def test_open_sink_picks_jsonl_for_files_and_stdout(tmp_path: Path) -> None:
    assert isinstance(open_sink(str(tmp_path / "x.jsonl")), JsonlSink)
    assert open_sink("-").path == "-"  # type: ignore[attr-defined]
    with pytest.raises(SinkUnavailable, match="resume"):
        open_sink("-", resume=True)
    with pytest.raises(SinkUnavailable, match="does not exist"):
        open_sink(str(tmp_path / "no" / "such" / "x.jsonl"))


def test_database_outputs_go_to_io_db_open_db_sink(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []

    class FakeDbSink:
        def write(self, result, content_hash):  # noqa: ANN001
            calls.append(("write", result.id, content_hash))

        def done_ids(self) -> set[str]:
            return {"a"}

        def close(self) -> None:
            calls.append(("close",))

    fake = types.ModuleType("qpextract.io.db")
    fake.open_db_sink = lambda url, *, resume: calls.append((url, resume)) or FakeDbSink()  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "qpextract.io.db", fake)
    import qpextract.io as io_pkg

    monkeypatch.setattr(io_pkg, "db", fake, raising=False)
    sink = open_sink(str(tmp_path / "out.sqlite"), resume=True)
    assert calls[-1] == ("sqlite:///" + str(tmp_path / "out.sqlite"), True)
    open_sink(None, "postgresql://u:pw@localhost/qp")
    assert calls[-1] == ("postgresql://u:pw@localhost/qp", False)
    both = open_sink(str(tmp_path / "out.jsonl"), "postgresql://localhost/qp")
    assert isinstance(both, TeeSink)
    both.write(error_line("z"), "h")
    both.close()
    assert ("write", "z", "h") in calls
    assert sink.done_ids() == {"a"}


def test_missing_database_module_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "qpextract.io.db", None)  # import fails
    import qpextract.io as io_pkg

    monkeypatch.delattr(io_pkg, "db", raising=False)
    with pytest.raises(SinkUnavailable, match="qpextract.io.db"):
        open_sink(str(tmp_path / "out.db"))
