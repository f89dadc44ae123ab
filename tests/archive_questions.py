"""The archive questions (corpus/archive/questions.yaml) and their fixed input, shared by the tests and the answer writer.

    python tests/archive_questions.py     # write the answers of the fixed input into questions.yaml
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = ROOT / "corpus" / "archive" / "questions.yaml"
ARTICLES = ROOT / "tests" / "data" / "archive" / "articles.jsonl"


def load_questions() -> list[dict[str, Any]]:
    return yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))


def build_archive(url: str) -> None:
    """The fixed input in a fresh database at ``url``, with its person registry."""
    from qpextract.io import db
    from qpextract.models import Article
    from qpextract.registry.store import build_registry

    sink = db.open_db_sink(url, resume=False)
    for line in ARTICLES.open(encoding="utf-8"):
        if line.strip():
            sink.write(Article.model_validate_json(line), "fixture")
    sink.close()
    build_registry(url)


def _cell(v: Any) -> Any:
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, float):
        return int(v) if v.is_integer() else round(v, 6)
    if hasattr(v, "isoformat"):
        return v.isoformat()
    if v is not None and not isinstance(v, (int, str)):
        f = float(v)  # Decimal from PostgreSQL aggregates
        return int(f) if f.is_integer() else round(f, 6)
    return v


def ask(url: str, sql: str) -> list[list[Any]]:
    """The rows of ``sql`` as plain lists (back-end-neutral values)."""
    import sqlalchemy as sa

    from qpextract.io import db

    engine = sa.create_engine(db.normalize_url(url))
    try:
        with engine.connect() as conn:
            return [[_cell(v) for v in row] for row in conn.execute(sa.text(sql))]
    finally:
        engine.dispose()


def write_answers(url: str) -> None:
    text = QUESTIONS.read_text(encoding="utf-8")
    head = text[: text.index("- id:")]
    questions = load_questions()
    for q in questions:
        q["answer"] = ask(url, q["sql"])
    class Dumper(yaml.SafeDumper):
        pass

    def text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
        style = "|" if "\n" in value else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, text)
    body = yaml.dump(questions, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=110)
    QUESTIONS.write_text(head + body, encoding="utf-8")


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/archive.sqlite"
        build_archive(url)
        write_answers(url)
    print(f"answers written to {QUESTIONS}", file=sys.stderr)
