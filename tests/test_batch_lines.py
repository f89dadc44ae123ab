"""JSON lines parsed by the workers (readers.Inputs.lines): the same output as lines parsed by the reader."""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS

from qpextract.io.batch import BatchOptions, Runner
from qpextract.io.readers import iter_inputs
from qpextract.io.sinks import JsonlSink

TEXT = (CORPUS / "seeds").glob("*.txt").__next__().read_text(encoding="utf-8")[:1500]
T = TEXT.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")

# every shape a reader must tell apart: the fast path (id first, alone) and all it must refuse
LINES = [
    f'\ufeff{{"id": "bom", "text": "{T}"}}',  # a BOM on the first line
    f'{{"id": "plain", "text": "{T}", "title": "Tiêu đề", "source": "s1"}}',
    f'{{"id": "plain", "text": "{T}"}}',  # a repeated id: plain#2, with its note
    f'{{"id": "esc\\u00e9", "text": "{T}"}}',  # an escaped id
    f'{{"id": "nested", "meta": {{"id": "other"}}, "text": "{T}"}}',  # a second "id" key
    f'{{"id": "dup", "text": "{T}", "\\u0069d": "spelled"}}',  # "id" spelled with an escape
    f'{{"text": "{T}", "id": "late"}}',  # the id is not the first key
    f'{{"id": 7, "text": "{T}"}}',  # a number
    '{"id": "broken", "text": "no end}',  # malformed JSON
    '{"id": "notext", "title": "x"}',
    '{"id": "wrongtype", "text": 5}',
    '{"id": "bad\\ud800", "text": "Bộ Quốc phòng"}',  # a lone surrogate in the id
]


def test_lines_parsed_by_workers_give_the_reader_s_output(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    outs = []
    for workers in (0, 2):
        items = iter_inputs([str(src)])
        out = tmp_path / f"out{workers}.jsonl"
        sink = JsonlSink(str(out))
        Runner(sink, BatchOptions(workers=workers)).run(items)
        sink.close()
        assert items.lines is (workers > 0)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    assert outs[0].count(b"\n") == len(LINES)


def test_only_lines_whose_id_is_certain_skip_the_reader_s_parse(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    items = iter_inputs([str(src)])
    items.lines = True
    assert [item["id"] for item in items if "line" in item] == [
        "bom", "plain", "plain#2", "escé", "broken", "notext", "wrongtype", "bad\ufffd"]
