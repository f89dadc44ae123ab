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
) -> None:
    """Extract records from INPUTS: one JSON line per input (Article or error line).

    Exit code 0 when every input became an Article, 1 when some failed, 2 on usage errors.
    """
    from qpextract.io.batch import BatchAborted, BatchOptions, Runner, default_workers
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
        workers=default_workers() if workers is None else workers, time_limit=time_limit, pipeline=pipeline
    )
    progress = make_progress(quiet)

    def on_error(aid: str, kind: str, message: str) -> None:
        if verbose:
            progress_console = getattr(progress, "console", None)
            (progress_console.print if progress_console else _eprint)(f"{aid}: {kind}: {message}")

    runner = Runner(sink, options, progress=progress, on_error=on_error)
    done = sink.done_ids() if resume else set()
    progress.start()
    if not isinstance(progress, NoProgress):
        count_inputs(inputs, progress)
    try:
        own = [output] if output and output != "-" else []
        summary = runner.run(iter_inputs(inputs, Limits(max_bytes=max_bytes), exclude=own), done)
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
    sink.close()
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
def explain(
    text: Annotated[Optional[str], typer.Argument(help="the text to explain, a file (read as extract reads it) or - (JSONL on stdin)")] = None,
    why: Annotated[Optional[str], typer.Option("--why", help="show the records and the near misses (dropped candidates) touching this text")] = None,
) -> None:
    """Every record of TEXT with its resolved value and rule; --why "words": what was tried there and dropped."""
    from qpextract.explain import explain_document
    from qpextract.viewer.pages import explain_inputs

    if text is None and why is None:
        _usage("give a text, a file or --why TEXT")
    for doc in explain_inputs(text if text is not None else why):  # type: ignore[arg-type]
        if isinstance(doc, str):
            _eprint(doc)
            continue
        for line in explain_document(doc, why):
            typer.echo(line)


@app.command()
def render(
    inputs: Annotated[list[str], typer.Argument(help="inputs, read as `extract` reads them (files, folders, - for JSONL on stdin)")],
    output: Annotated[str, typer.Option("-o", "--output", help="page.html for one article, else a folder (one page each + index.html)")],
) -> None:
    """Render each article as a self-contained HTML page with every record highlighted."""
    from qpextract.viewer.pages import extract_inputs, write_pages

    for p in inputs:
        if p != "-" and not Path(p).exists():
            _usage(f"no such input: {p}")
    results = list(extract_inputs(inputs))
    single = output.lower().endswith((".html", ".htm"))
    if single and len(results) != 1:
        _usage(f"{len(results)} articles in the input: give a folder as -o, not {output}")
    written, errors = write_pages(results, output, single=single)
    for line in errors:
        _eprint(line)
    typer.echo(f"{len(written)} page(s) -> {output}" + (f", {len(errors)} failed" if errors else ""), err=True)
    raise typer.Exit(1 if errors else 0)


@app.command()
def browse(
    database: Annotated[Path, typer.Argument(help="a SQLite database written by `qpextract extract -o out.sqlite`")],
    inputs: Annotated[Optional[list[str]], typer.Option("--inputs", help="the inputs extract read: pages are drawn over the original text")] = None,
    host: Annotated[str, typer.Option("--host", help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="port to listen on")] = 8001,
) -> None:
    """Browse an archive in Datasette (tables, facets, canned queries), each article_id linking to its page."""
    from qpextract.viewer.browse import serve

    if not database.is_file():
        _usage(f"no such database file: {database}")
    typer.echo(f"qpextract archive on http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    serve(database, list(inputs or []), host=host, port=port)


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
    from qpextract.io.spark import run_spark_job

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


@app.command()
def people(
    name: Annotated[str, typer.Argument(help="a person's name, e.g. \"Lã Văn Hào\"")],
    database: Annotated[str, typer.Option("--db", help="the database: a .sqlite path or a URL (sqlite:///…, postgresql://…)")],
    relink: Annotated[bool, typer.Option("--relink", help="link the persons again even when the registry is up to date")] = False,
) -> None:
    """Print the timeline of NAME: rank, positions and day of every article that mentions them.

    The person registry is (re)built first when articles were added since the last linking.
    """
    from rich.console import Console
    from rich.table import Table

    from qpextract.io.db import create_db_engine, normalize_url
    from qpextract.io.migrate import SchemaMismatch
    from qpextract.registry.store import build_registry, registry_is_stale
    from qpextract.registry.timeline import find_persons, timeline

    url = normalize_url(database)
    if url.startswith("sqlite:///") and not Path(url[len("sqlite:///") :]).is_file():
        _usage(f"no such database file: {database}")
    try:
        engine = create_db_engine(url)
    except SchemaMismatch as exc:
        _usage(str(exc))
    with engine.connect() as conn:
        stale = relink or registry_is_stale(conn)
    if stale:
        build_registry(engine)
    with engine.connect() as conn:
        found = [timeline(conn, pid, pname) for pid, pname in find_persons(conn, name)]
    engine.dispose()
    if not found:
        _eprint(f"qpextract: no person named {name!r} in the database")
        raise typer.Exit(1)
    console = Console(soft_wrap=False, width=max(Console().width, 120))
    for t in found:
        n = len(t.entries)
        table = Table(title=f"{t.name} (person {t.person_id}, {n} article{'' if n == 1 else 's'})", title_justify="left")
        for col in ("day", "rank", "position", "article"):
            table.add_column(col, overflow="fold")
        for e in t.entries:
            table.add_row(e.day or e.period or "", e.rank or "", "; ".join(e.positions), f"{e.article_id} {e.article_title or ''}".strip())
        console.print(table)
