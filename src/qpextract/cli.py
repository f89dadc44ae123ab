"""The ``qpextract`` command: arguments only; the work lives in io/ and the pipeline."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from qpextract.models import Article

app = typer.Typer(
    name="qpextract",
    help="Typed records from Vietnamese local-defence news articles.",
    no_args_is_help=True,
    add_completion=False,
)


@app.command()
def extract(
    inputs: Annotated[
        list[str],
        typer.Argument(help="files (.txt .html .jsonl .warc[.gz] .zip .tar[.gz]), folders, or - for JSONL on stdin"),
    ],
    output: Annotated[
        Optional[str],
        typer.Option("-o", "--output", help="output: .jsonl path, - for stdout, or .sqlite/.db (default: out.jsonl)", rich_help_panel="Output"),
    ] = None,
    db: Annotated[Optional[str], typer.Option("--db", help="database URL (postgresql://..., sqlite:///...)", rich_help_panel="Output")] = None,
    workers: Annotated[
        Optional[int], typer.Option("--workers", "-w", min=0, help="worker processes (default: CPU count); 0 = in this process",
                                rich_help_panel="Running")
    ] = None,
    resume: Annotated[bool, typer.Option("--resume", help="continue an interrupted run: skip inputs whose id the output already has", rich_help_panel="Output")] = False,
    max_bytes: Annotated[int, typer.Option("--max-bytes", min=1, help="per-article size limit in bytes", rich_help_panel="Input")] = 5 * 1024 * 1024,
    time_limit: Annotated[
        float, typer.Option("--time-limit", min=0, help="per-article time limit in seconds (0 = none)", rich_help_panel="Running")
    ] = 10.0,
    verbose: Annotated[bool, typer.Option("-v", "--verbose", help="print every failed input on stderr", rich_help_panel="Running")] = False,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="no progress bar and no summary", rich_help_panel="Running")] = False,
    pipeline: Annotated[Optional[str], typer.Option("--pipeline", hidden=True, help="module:factory of a Pipeline")] = None,
    follow_links: Annotated[
        bool, typer.Option("--follow-links", help="read links in input folders that point out of them", rich_help_panel="Input")
    ] = False,
    max_memory: Annotated[
        int, typer.Option("--max-memory", min=0, help="MB of memory a worker may add (0 = no cap); past it an article is too_large",
                          rich_help_panel="Running")
    ] = 2048,
) -> None:
    """Extract records from INPUTS: one JSON line per input (Article or error line).

    Exit code 0 when every input became an Article, 1 when some failed, 2 on usage errors,
    3 when the run had to stop (output not writable: disk full, database lost; a runner crash),
    130 when interrupted; after 3 or 130, --resume finishes the run.
    """
    from qpextract.io.batch import EXIT_FATAL, BatchAborted, BatchOptions, FatalError, Runner, default_workers
    from qpextract.io.progress import NoProgress, count_inputs, make_progress
    from qpextract.io.readers import Limits, iter_inputs
    from qpextract.io.sinks import SinkUnavailable, open_sink

    for p in inputs:
        if p != "-" and not Path(p).exists():
            _usage(f"no such input: {p}")
    if inputs.count("-") > 1:
        _usage("standard input (-) can be given once")
    try:
        sink = open_sink(output if output is not None or db else "out.jsonl", db, resume=resume)
    except SinkUnavailable as exc:
        _usage(str(exc))
    options = BatchOptions(
        workers=default_workers() if workers is None else workers, time_limit=time_limit, pipeline=pipeline,
        max_memory_mb=max_memory, cap_here=True,
    )
    progress = make_progress(quiet)

    def on_error(aid: str, kind: str, message: str) -> None:
        if verbose:
            progress_console = getattr(progress, "console", None)
            (progress_console.print if progress_console else _eprint)(f"{aid}: {kind}: {message}")

    runner = Runner(sink, options, progress=progress, on_error=on_error)
    try:
        done = sink.done_ids() if resume else set()
    except Exception as exc:  # the database went away, the output file cannot be read back
        _eprint(f"qpextract: fatal: cannot read what the earlier run wrote: {type(exc).__name__}: {str(exc).strip()[:300]}")
        raise typer.Exit(EXIT_FATAL)
    progress.start()
    if not isinstance(progress, NoProgress):
        count_inputs(inputs, progress)
    try:
        own = [output] if output and output != "-" else []
        summary = runner.run(iter_inputs(inputs, Limits(max_bytes=max_bytes), exclude=own, follow_links=follow_links), done)
    except FatalError as exc:
        progress.stop()
        try:
            sink.close()  # what is buffered goes out if it still can
        except Exception:  # the sink is what failed: the line below says so
            pass
        _eprint(f"qpextract: fatal: {exc} (what was written is kept; fix it and run again with --resume)")
        raise typer.Exit(EXIT_FATAL)
    except BatchAborted as exc:
        progress.stop()
        sink.close()
        _usage(str(exc))
    except KeyboardInterrupt:
        progress.stop()
        sink.close()
        _eprint("interrupted: run again with --resume to finish")
        raise typer.Exit(130)
    progress.stop()
    try:
        sink.close()
    except Exception as exc:  # the last batch could not be written: disk full, database lost
        _eprint(f"qpextract: fatal: cannot write the output: {type(exc).__name__}: {str(exc).strip().splitlines()[0][:300] if str(exc).strip() else ''}")
        raise typer.Exit(EXIT_FATAL)
    summary.earlier_errors = getattr(sink, "done_errors", 0) if resume else 0
    if not quiet:
        _eprint(summary.text())
    raise typer.Exit(summary.exit_code)


def _eprint(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _usage(message: str) -> None:
    _eprint(f"qpextract: error: {message}")
    raise typer.Exit(2)


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


@app.command()
def export(
    database: Annotated[str, typer.Argument(help="a .sqlite path or a database URL (sqlite:///…, postgresql://…)")],
    parquet: Annotated[str, typer.Option("--parquet", help="directory to write <table>.parquet files into")],
) -> None:
    """Export every table of a qpextract database as Parquet files."""
    from qpextract.io.db import normalize_url
    from qpextract.io.export import export_parquet

    url = normalize_url(database)
    if url.startswith("sqlite:///") and not Path(url[len("sqlite:///") :]).is_file():
        typer.echo(f"no such database file: {database}", err=True)
        raise typer.Exit(2)
    for table, rows in export_parquet(url, parquet).items():
        typer.echo(f"{table:20s} {rows:8d}")


@app.command()
def spark(
    input: Annotated[str, typer.Argument(help="Parquet or JSONL input (file or directory) with id and text columns")],
    output: Annotated[str, typer.Argument(help="output directory: Parquet (id, article, error) or JSONL lines")],
    master: Annotated[
        Optional[str], typer.Option("--master", help="Spark master URL (default: spark-submit's, else local[*])")
    ] = None,
    input_format: Annotated[Optional[str], typer.Option("--input-format", help="parquet or jsonl (default: by name)")] = None,
    output_format: Annotated[
        Optional[str], typer.Option("--output-format", help="parquet or jsonl (default: by name, else parquet)")
    ] = None,
    text_col: Annotated[str, typer.Option("--text-col")] = "text",
    id_col: Annotated[str, typer.Option("--id-col")] = "id",
    partitions: Annotated[Optional[int], typer.Option("--partitions", help="repartition the input first")] = None,
) -> None:
    """Extract records with Spark: one pipeline per partition, one output row per input row."""
    from qpextract.spark import run_spark_job

    counts = run_spark_job(
        input,
        output,
        master=master,
        input_format=input_format,
        output_format=output_format,
        text_col=text_col,
        id_col=id_col,
        partitions=partitions,
    )
    typer.echo(f"articles {counts['articles']}  errors {counts['errors']}  -> {output}")


def main(argv: Optional[list[str]] = None) -> None:
    """Entry point of the console script."""
    app(args=argv, prog_name="qpextract")
