"""The ``qpextract`` command: arguments only; the work lives in io/ and the pipeline."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from qpextract.models import Article, ErrorInfo, ErrorLine

app = typer.Typer(
    name="qpextract",
    help="Typed records from Vietnamese local-defence news articles.",
    no_args_is_help=True,
    add_completion=False,
)


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help=".txt files, directories, .jsonl files, or - for JSONL on stdin")],
    output: Annotated[str, typer.Option("-o", "--output", help="output JSONL path, - for stdout")] = "out.jsonl",
) -> None:
    """Extract records from INPUTS into one JSON line per article (Article or error line)."""
    from qpextract.io.readers import iter_inputs
    from qpextract.pipeline import Pipeline

    pipeline = Pipeline()
    failed = 0
    out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")
    try:
        for item in iter_inputs(inputs):
            if "error" in item:
                kind, message = item["error"]
                result: Article | ErrorLine = ErrorLine(
                    id=item["id"], source=item.get("source"), error=ErrorInfo(kind=kind, message=message)
                )
            else:
                result = pipeline.safe_extract(item["id"], item)
            failed += isinstance(result, ErrorLine)
            out.write(result.model_dump_json() + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    raise typer.Exit(1 if failed else 0)


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="gold JSONL (corpus/gold/*.jsonl)")],
    output: Annotated[Path, typer.Argument(help="qpextract output JSONL")],
    inputs: Annotated[
        Optional[Path], typer.Option("--inputs", help="JSONL of {id, text}: also check every span against the original")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the figures as one JSON object")] = False,
    problems: Annotated[int, typer.Option("--problems", help="how many problem lines to print")] = 40,
) -> None:
    """Score OUTPUT against GOLD (the rules of the gold README; same figures as its score.py)."""
    from qpextract.evaluate import evaluate as run_evaluation
    from qpextract.evaluate import format_report, read_jsonl

    originals = {str(r["id"]): r["text"] for r in read_jsonl(inputs)} if inputs else None
    scores = run_evaluation(read_jsonl(gold), read_jsonl(output), originals)
    if as_json:
        typer.echo(json.dumps(scores.report(), ensure_ascii=False))
    else:
        typer.echo(format_report(scores, problems))


@app.command()
def schema() -> None:
    """Print the JSON Schema of an Article."""
    typer.echo(json.dumps(Article.model_json_schema(), ensure_ascii=False, indent=2))


@app.command()
def explain(text: Annotated[str, typer.Argument(help="the text to explain (a file path is read)")]) -> None:
    """Show which rules fired on TEXT and what they produced."""
    from qpextract.pipeline import Pipeline

    path = Path(text)
    if len(text) < 4096 and path.is_file():
        text = path.read_text(encoding="utf-8")
    doc = Pipeline().document(text, id="explain")
    for component, rule, surface in doc.trace:
        typer.echo(f"{component:14s} {rule:28s} {surface}")


def main(argv: Optional[list[str]] = None) -> None:
    """Entry point of the console script."""
    app(args=argv, prog_name="qpextract")
