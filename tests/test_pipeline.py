"""The pipeline as one document model: input repair first, normalized spans inside, one export step.

- the same bytes give byte-identical output through ``Pipeline.extract(bytes)`` and the CLI,
  for every plain-text input of tests/data/inputs/mixed and every text member or JSON line of its
  archives (HTML pages and WARC records go through the HTML reader first: an io step, not repair);
- a component that raises becomes an ``internal`` error line, never a warning or a crashed batch;
- components declare what they need and add, and the default order satisfies them.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path
from typing import Any, Union

import pytest

from qpextract.document import Document
from qpextract.models import Article, ErrorLine
from qpextract.pipeline import Pipeline, check_order, default_components

MIXED = Path(__file__).resolve().parent / "data" / "inputs" / "mixed"
TEXT_SUFFIXES = (".txt",)  # what the CLI reads as plain text (notes.md and readme.md are not inputs)


@pytest.fixture(scope="module")
def cli_lines() -> dict[str, dict[str, Any]]:
    """The CLI's output on the whole folder, by id (unique in the folder)."""
    r = subprocess.run(
        [sys.executable, "-m", "qpextract", "extract", str(MIXED), "-o", "-", "--workers", "1"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode in (0, 1), r.stderr
    lines = [json.loads(x) for x in r.stdout.splitlines() if x.strip()]
    return {line["id"]: line for line in lines}


def _library(pipe: Pipeline, aid: str, source: str, data: Union[bytes, str, dict]) -> dict[str, Any]:
    record = dict(data) if isinstance(data, dict) else {"text": data}
    record["source"] = source
    result = pipe.safe_extract(aid, record)
    return json.loads(result.model_dump_json(exclude_none=False))


def _library_inputs() -> list[tuple[str, str, Union[bytes, dict]]]:
    """``(id, source, input)`` for every single text the CLI reads from the folder."""
    out: list[tuple[str, str, Union[bytes, dict]]] = []
    for path in sorted(MIXED.iterdir()):
        source = str(path.relative_to(MIXED.parents[3]))
        if path.suffix in (".txt",) and path.stem != "big":
            out.append((path.stem, source, path.read_bytes()))
        elif path.name.endswith(".jsonl"):
            for n, line in enumerate(path.read_bytes().splitlines(), start=1):
                try:
                    obj = json.loads(line)
                except ValueError:
                    continue
                if isinstance(obj, dict) and isinstance(obj.get("text"), str):
                    out.append((str(obj.get("id", n)), source, {k: v for k, v in obj.items() if k != "id"}))
        elif path.name == "bundle.zip":
            with zipfile.ZipFile(path) as z:
                for name in z.namelist():
                    if name.endswith(TEXT_SUFFIXES):
                        out.append((Path(name).stem, f"{source}!{name}", z.read(name)))
        elif path.name == "bundle.tar.gz":
            with tarfile.open(path) as t:
                for m in t.getmembers():
                    f = t.extractfile(m) if m.isfile() else None
                    if f is not None and m.name.endswith(TEXT_SUFFIXES):
                        out.append((Path(m.name).stem, f"{source}!{m.name}", f.read()))
    return out


@pytest.mark.parametrize("aid,source,data", _library_inputs(), ids=lambda v: v if isinstance(v, str) else "")
def test_library_and_cli_give_the_same_bytes(
    cli_lines: dict[str, dict[str, Any]], aid: str, source: str, data: Union[bytes, dict]
) -> None:
    cli = cli_lines.get(aid)
    assert cli is not None and cli["source"].endswith(source), f"the CLI wrote nothing for {source}"
    lib = _library(Pipeline(), cli["id"], cli["source"], data)
    assert json.dumps(lib, ensure_ascii=False, sort_keys=True) == json.dumps(cli, ensure_ascii=False, sort_keys=True)


def test_every_plain_file_of_the_folder_is_compared() -> None:
    compared = {s for _, s, _ in _library_inputs()}
    for path in MIXED.glob("*.txt"):
        if path.stem != "big":  # over the CLI's size limit in some configurations: a too_large line
            assert any(s.endswith(path.name) for s in compared), path.name


def test_bytes_are_repaired_inside_the_pipeline() -> None:
    pipe = Pipeline()
    tcvn3 = (MIXED / "tcvn3.txt").read_bytes()
    art = pipe.extract(tcvn3)
    assert isinstance(art, Article)
    assert art.warnings[-1].startswith("input was in the legacy TCVN3")
    # the same text decoded by hand (as Latin-1, i.e. mojibake) is repaired the same way
    assert pipe.extract(tcvn3.decode("latin-1")).model_dump_json() == art.model_dump_json()
    vni = pipe.safe_extract("v", {"text": (MIXED / "vni.txt").read_bytes()})
    assert isinstance(vni, ErrorLine) and vni.error.kind == "decode"


class _Broken:
    """A component with a bug."""

    name = "broken"
    needs = ("sentences",)
    adds = ()

    def __call__(self, doc: Document) -> None:
        raise KeyError("a bug")


def test_a_component_that_raises_gives_an_internal_error_line() -> None:
    pipe = Pipeline(components=[*default_components()[:2], _Broken()])
    out = pipe.safe_extract("x", {"text": "Chiều 22/3, Đại tá Lã Văn Hào dự hội nghị tổng kết."})
    assert isinstance(out, ErrorLine)
    assert out.error.kind == "internal" and "KeyError" in out.error.message
    with pytest.raises(KeyError):
        pipe.extract("Chiều 22/3, Đại tá Lã Văn Hào dự hội nghị tổng kết.")


def test_extractor_errors_are_not_swallowed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Events and numbers used to turn any exception into a warning; now it is an internal error."""
    from qpextract.extractors.events import EventExtractor
    from qpextract.extractors.numbers import NumberExtractor

    text = "Năm 2023, tỉnh có 1.200 thanh niên lên đường nhập ngũ; tỉnh tổ chức diễn tập."
    for cls, method in ((EventExtractor, "_extract"), (NumberExtractor, "_read")):
        with monkeypatch.context() as m:
            def boom(*args: Any, **kwargs: Any) -> None:
                raise ValueError(f"boom in {cls.__name__}")

            m.setattr(cls, method, boom)
            out = Pipeline().safe_extract("x", {"text": text})
        assert isinstance(out, ErrorLine) and out.error.kind == "internal" and f"boom in {cls.__name__}" in out.error.message


def test_components_declare_needs_and_adds() -> None:
    comps = default_components()
    for c in comps:
        assert isinstance(c.needs, tuple) and isinstance(c.adds, tuple) and c.adds, c.name
    check_order(comps)
    with pytest.raises(ValueError, match="needs"):
        check_order(list(reversed(comps)))


def test_records_stay_normalized_until_the_export_step() -> None:
    original = "Chiều  22/3,\u00a0Đại tá Lã Văn Hào dự hội nghị tổng kết tại tỉnh Quảng Ninh."
    doc = Pipeline().document(original)
    for r in [*doc.dates, *doc.ranks, *doc.locations, *doc.events, *(m for o in doc.officials for m in o.mentions)]:
        assert doc.text[r.start : r.end] == (r.text if hasattr(r, "text") and r.text else r.trigger)
    art = doc.to_article()
    for r in [*art.dates, *art.ranks, *art.locations]:
        assert " ".join(original[r.start : r.end].split()) == r.text
    assert [(e.start, e.end) for e in art.events] != [(e.start, e.end) for e in doc.events]
    # the working document is not changed by the export
    assert all(doc.text[d.start : d.end] == d.text for d in doc.dates)


def test_new_record_lists_need_no_document_attribute() -> None:
    doc = Pipeline(components=[]).document("Nghị quyết số 28-NQ/TW.")
    assert doc.documents == [] and doc.decorations == []
    with pytest.raises(AttributeError):
        doc.no_such_list  # noqa: B018
