"""What the generators of data/vi files share (make_compound_words.py, make_places_current.py)."""

from __future__ import annotations

from pathlib import Path


def write_or_check(path: Path, text: str, check: bool) -> int:
    """Write ``text`` to ``path`` (exit status 0); with ``check``, write nothing: 0 when ``path`` holds it, 1 when stale."""
    if check:
        return 0 if path.read_text(encoding="utf-8") == text else 1
    path.write_text(text, encoding="utf-8")
    return 0


def run(path: Path, text: str, header: str, noun: str, argv: list[str]) -> int:
    """A generator's command line: ``--check`` compares, otherwise write and say how many ``noun`` it wrote."""
    if "--check" in argv:
        return write_or_check(path, text, check=True)
    write_or_check(path, text, check=False)
    print(f"{path}: {text.count(chr(10)) - header.count(chr(10))} {noun}")
    return 0
