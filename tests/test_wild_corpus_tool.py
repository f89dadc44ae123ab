"""tools/wild.py's ``wild_corpus``: the wild tools read the corpus without held-out articles unless told otherwise."""

import argparse
import sys
from pathlib import Path

import pytest

from conftest import ROOT, load_tool

sys.path.insert(0, str(ROOT / "tools"))  # the tools import their sibling scripts
wild = load_tool("wild")


def test_default_is_the_corpus_without_held_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No path: the no-held-out corpus; a missing one says how to write it, never falls back on the full corpus."""
    no_heldout = tmp_path / "articles-no-heldout.jsonl"
    monkeypatch.setattr(wild, "NO_HELDOUT_CORPUS", no_heldout)
    with pytest.raises(SystemExit, match="wild_no_heldout.py"):
        wild.wild_corpus()
    no_heldout.write_text("{}\n", encoding="utf-8")
    assert wild.wild_corpus() == no_heldout


def test_full_corpus_only_with_the_flag(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The full shared corpus (by its name, or the file itself under another name) is refused without --full-corpus."""
    full = tmp_path / "shared" / wild.FULL_CORPUS.parent.name / wild.FULL_CORPUS.name  # a copy named as the full corpus
    full.parent.mkdir(parents=True)
    full.write_text("{}\n", encoding="utf-8")
    link = tmp_path / "all.jsonl"
    link.symlink_to(full)
    monkeypatch.setattr(wild, "FULL_CORPUS", full)
    for path in (full, link):
        with pytest.raises(SystemExit, match="--full-corpus"):
            wild.wild_corpus(path)
    assert wild.wild_corpus(full=True) == full
    assert wild.wild_corpus(link, full=True) == link
    other = tmp_path / "mine.jsonl"
    other.write_text("{}\n", encoding="utf-8")
    assert wild.wild_corpus(other) == other


@pytest.mark.parametrize("option", [False, True])
def test_corpus_arguments(option: bool) -> None:
    """The tools' two spellings of the corpus argument, each with --full-corpus."""
    ap = argparse.ArgumentParser()
    wild.add_corpus_arguments(ap, option=option)
    args = ap.parse_args(["--corpus", "x.jsonl", "--full-corpus"] if option else ["x.jsonl", "--full-corpus"])
    assert (args.corpus, args.full_corpus) == (Path("x.jsonl"), True)
    args = ap.parse_args([])
    assert (args.corpus, args.full_corpus) == (None, False)
