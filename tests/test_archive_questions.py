"""The archive questions answer the same on SQLite and PostgreSQL over the fixed input, and the README shows them."""

from __future__ import annotations

import pytest

pytest.importorskip("sqlalchemy")

from archive_questions import ROOT, ask, build_archive, load_questions  # noqa: E402
from test_db import db_url  # noqa: E402,F401  (the back-end fixture)

QUESTIONS = load_questions()


def test_there_are_at_least_eight_questions_with_answers() -> None:
    assert len(QUESTIONS) >= 8
    assert all(q["answer"] for q in QUESTIONS), [q["id"] for q in QUESTIONS if not q["answer"]]


def test_questions_give_their_answers(db_url: str) -> None:  # noqa: F811
    build_archive(db_url)
    for q in QUESTIONS:
        assert ask(db_url, q["sql"]) == q["answer"], q["id"]


def test_readme_shows_every_question() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for q in QUESTIONS:
        assert q["sql"] in readme, f"{q['id']} is not in the README (or differs)"
