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


# Files whose header does not yet say where their words came from: each is being changed by another branch this
# pass (abbreviations, events, page metadata, people and positions); strike a name off when its header has a source.
_SOURCE_PENDING = frozenset(
    "abbreviation_context.yaml abbreviation_definitions.yaml nonfinal_abbreviations.tsv not_abbreviations.tsv "
    "event_triggers.tsv events.yaml datelines.yaml headline.yaml line_model.tsv line_model.yaml boilerplate.tsv "
    "bodies.tsv bodies_context.yaml bodies_continuations.tsv bodies_words.tsv given_names_foreign.tsv honorifics.tsv "
    "officials_rules.yaml ranks_context.yaml surnames.tsv titles_context.yaml".split()
)
ALL_FILES = sorted(p.name for p in DATA.iterdir() if p.name.endswith((".tsv", ".yaml", ".txt")))


def _header(name: str) -> str:
    """The comment lines that open a data file."""
    from itertools import takewhile

    lines = DATA.joinpath(name).read_text(encoding="utf-8").splitlines()
    return "\n".join(takewhile(lambda ln: ln.startswith("#"), lines))


@pytest.mark.parametrize("name", ALL_FILES)
def test_data_file_header_names_its_source(name: str) -> None:
    """STYLE: every word list says in its header where its words came from (the word "source")."""
    if name in _SOURCE_PENDING:
        pytest.skip("header without a source, left to the branch that owns the file this pass")
    assert "source" in _header(name).lower(), f"{name}: no 'source' in the header"


def test_pending_sources_are_files_that_still_lack_one() -> None:
    """The list of files left without a source names only real files that still lack it (it can only shrink)."""
    for name in sorted(_SOURCE_PENDING):
        assert DATA.joinpath(name).is_file(), name
        assert "source" not in _header(name).lower(), f"{name} has a source now: strike it off _SOURCE_PENDING"
