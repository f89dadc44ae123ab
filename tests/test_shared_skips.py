"""Every test that reads ../shared asks for conftest's ``shared`` fixture, so a clone without ../shared skips it
with the fixture's reason instead of failing (checked once by hand with QPEXTRACT_SHARED at an empty folder: 14
tests skip, 0 fail; this keeps it so)."""

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
# the words by which a test names a file of ../shared
SHARED_WORDS = ("corpus-real", "score.py", "SHARED")


def _readers_without_fixture(source: str) -> list[str]:
    """The test functions of SOURCE that name a file of ../shared without taking the ``shared`` fixture."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test"):
            body = ast.get_source_segment(source, node) or ""
            takes = {a.arg for a in node.args.args}
            if any(word in body for word in SHARED_WORDS) and "shared" not in takes:
                out.append(node.name)
    return out


def test_the_check_sees_a_reader_without_the_fixture() -> None:
    source = (
        "def test_a(shared):\n    open(shared / 'corpus-real' / 'articles.jsonl')\n"
        "def test_b(tmp_path):\n    open(SHARED / 'corpus-real' / 'articles.jsonl')\n"
    )
    assert _readers_without_fixture(source) == ["test_b"]


def test_every_reader_of_shared_takes_the_fixture() -> None:
    bad = {
        path.name: names
        for path in sorted(TESTS.glob("test_*.py"))
        if path.name != Path(__file__).name and (names := _readers_without_fixture(path.read_text(encoding="utf-8")))
    }
    assert not bad, f"tests that read ../shared without the `shared` fixture (they fail in a clone without it): {bad}"
