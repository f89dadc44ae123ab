"""Every bundled data file loads and validates; a bad row names its file and line."""

from __future__ import annotations

from importlib import resources

import pytest
from pydantic import BaseModel

from qpextract.data import parse_tsv, read_tsv, read_yaml
from qpextract.errors import DataFileError
from qpextract.text.abbreviations import AbbreviationEntry

DATA = resources.files("qpextract.data").joinpath("vi")
FILES = sorted(p.name for p in DATA.iterdir() if p.name.endswith((".tsv", ".yaml")))


class _Row(BaseModel):
    short: str
    count: int


@pytest.mark.parametrize("name", FILES)
def test_data_file_parses(name: str) -> None:
    if name.endswith(".yaml"):
        assert read_yaml(name) is not None
    else:
        text = DATA.joinpath(name).read_text(encoding="utf-8")
        lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
        width = len(lines[0].split("\t"))
        assert all(len(ln.split("\t")) <= width for ln in lines), f"{name}: a row has more cells than the header"


def test_a_bad_row_names_file_and_line() -> None:
    with pytest.raises(DataFileError, match=r"x\.tsv:3"):
        parse_tsv("# comment\nshort\tcount\nLLVT\tmany\n", "x.tsv", _Row)


def test_abbreviation_table_covers_the_domain() -> None:
    entries = {e.short for e in read_tsv("abbreviations.tsv", AbbreviationEntry)}
    required = (
        "LLVT DQTV KVPT QP-QSĐP QP-AN QS-QP QSĐP SSCĐ SSĐV DBĐV ANCT TTATXH ANTT PCTT TKCN PCTT-TKCN NVQS "
        "HĐND UBND MTTQ CHQS BCHQS BĐBP QĐND QK KT-XH THPT KH TP TT&VH đ/c"
    ).split() + ["Ban CHQS", "Bộ CHQS"]
    assert not set(required) - entries
    assert len(entries) >= 80


@pytest.mark.parametrize(
    ("tool", "package", "why"),
    [
        ("make_compound_words.py", "pyvi", "pyvi (the `nlp` extra) is what compound_words.txt is generated from"),
        ("make_places_current.py", "vietnam_provinces", "places_current.tsv is generated from the vietnam_provinces package"),
    ],
)
def test_generated_files_are_up_to_date(tool: str, package: str, why: str) -> None:
    """A generated data/vi file must match what its tool makes now (``--check``)."""
    pytest.importorskip(package, reason=why)
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    r = subprocess.run([sys.executable, str(root / "tools" / tool), "--check"], capture_output=True)
    assert r.returncode == 0, f"the file {tool} writes is stale: run python tools/{tool}"


def test_every_credit_reader_takes_the_photo_label() -> None:
    """credits.yaml is the one list of credit labels: each of its readers takes at least "Ảnh"."""
    from typing import get_args

    from qpextract.text.credits import Reader, credit_labels

    for reader in get_args(Reader):
        assert "Ảnh" in credit_labels(reader), reader


def test_a_credit_label_for_an_unknown_reader_names_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    from qpextract.text import credits

    monkeypatch.setattr(credits, "read_yaml", lambda name: {"labels": {"Ảnh": ["officails"]}})
    credits._credits.cache_clear()
    try:
        with pytest.raises(DataFileError, match=r"credits\.yaml"):
            credits.credit_labels("officials")
    finally:
        credits._credits.cache_clear()


ALL_FILES = sorted(p.name for p in DATA.iterdir() if p.name.endswith((".tsv", ".yaml", ".txt")))


def _header(name: str) -> str:
    """The comment lines that open a data file."""
    from itertools import takewhile

    lines = DATA.joinpath(name).read_text(encoding="utf-8").splitlines()
    return "\n".join(takewhile(lambda ln: ln.startswith("#"), lines))


@pytest.mark.parametrize("name", ALL_FILES)
def test_data_file_header_names_its_source(name: str) -> None:
    """STYLE: every word list says in its header where its words came from (the word "source")."""
    assert "source" in _header(name).lower(), f"{name}: no 'source' in the header"

