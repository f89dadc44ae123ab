"""The ``qpextract`` command: arguments only; the work lives in io/ and the pipeline.

Exit codes: 0 every input became an Article, 1 some inputs failed (error
lines written), 2 usage or configuration (bad arguments, unreadable files,
a database URL or output kind that cannot work, a missing extra); every one
of them comes with a one-line message, never a traceback.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn, Optional

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

from qpextract.errors import MissingExtra, UsageError


class _Readable:
    """Help without type labels (``<list[str]>``, ``<bool>``): a value option shows its METAVAR, a flag nothing."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        for param in self.params:  # type: ignore[attr-defined]
            _plain(param)

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        return _plain(option) if option is not None else None


def _plain(param: Any) -> Any:
    if isinstance(param, TyperArgument):  # the name says it all: no type column, NAME or [NAME] in the usage
        param.display_type_rich = lambda ctx: None
        param.display_type = lambda ctx: ""
        param._usage_display_name = lambda p=param: p.display_name_raw if p.required else f"[{p.display_name_raw}]"
    else:
        param.display_type_rich = lambda ctx, p=param: p.metavar
        param.display_type = lambda ctx, p=param: p.metavar or ""
    return param


class ReadableCommand(_Readable, TyperCommand):
    """A command whose help reads as prose."""


class ReadableGroup(_Readable, TyperGroup):
    """The top-level group: readable help, and a configuration problem becomes one line and exit code 2."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (MissingExtra, UsageError) as exc:  # raised on purpose, with a message for people
            _eprint(f"qpextract: error: {exc}")
            raise typer.Exit(2) from None
        except _database_errors() as exc:  # unreachable server, bad credentials, a schema we cannot use
            _eprint(f"qpextract: error: database: {_first_line(exc)}")
            raise typer.Exit(2) from None


def _database_errors() -> tuple[type[BaseException], ...]:
    """SQLAlchemy's connection and schema errors (none when it was never imported: then none was raised).

    Evaluated on every exception leaving a command, the ``typer.Exit`` of a finished run
    included: importing SQLAlchemy here cost a JSONL run 0.15 s of CPU at its end.
    """
    sa_exc = sys.modules.get("sqlalchemy.exc")
    if sa_exc is None:
        return ()
    return (sa_exc.OperationalError, sa_exc.ProgrammingError, sa_exc.ArgumentError)


def _first_line(exc: BaseException) -> str:
    inner = getattr(exc, "orig", None) or exc
    text = str(inner).strip().splitlines()
    return f"{type(inner).__name__}: {text[0] if text else ''}"


app = typer.Typer(
    name="qpextract",
    help="Typed records from Vietnamese local-defence news articles.",
    no_args_is_help=True,
    add_completion=False,
    cls=ReadableGroup,
)


def _eprint(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _usage(message: str) -> NoReturn:
    _eprint(f"qpextract: error: {message}")
    raise typer.Exit(2)


def _show_version(value: bool) -> None:
    if value:
        from qpextract import __version__

        typer.echo(f"qpextract {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_show_version, is_eager=True, help="print the version and exit")
    ] = False,
) -> None:
    """Typed records from Vietnamese local-defence news articles."""


# -- extract -------------------------------------------------------------------------------------

JSONL_OUTPUTS = (".jsonl", ".ndjson")


def _check_output(output: Optional[str]) -> None:
    """Exit 2 for an output name extract would not write as named (.parquet, .csv, unknown)."""
    from qpextract.io.sinks import DB_SUFFIXES

    if output is None or output == "-" or output.lower().endswith(JSONL_OUTPUTS + DB_SUFFIXES):
        return
    if os.path.exists(output) and not os.path.isfile(output) and not os.path.isdir(output):
        return  # a device or a pipe (/dev/stdout, a FIFO): JSON Lines written to it
    suffix = Path(output).suffix.lower()
    if suffix == ".parquet":
        _usage(f"extract does not write Parquet ({output}): write -o out.sqlite, then "
               "`qpextract export out.sqlite --parquet DIR` (pip install 'qpextract[parquet]')")
    if suffix == ".csv":
        _usage(f"extract does not write CSV ({output}): nested records do not fit one table; write .jsonl, or "
               "-o out.sqlite and `qpextract export` one Parquet file per table")
    _usage(f"unknown output kind {suffix or '(no extension)'!r} in {output!r}: use .jsonl, - (standard output), "
           ".sqlite or .db")


def _check_db(url: str) -> None:
    """Exit 2 for a database URL that cannot work: unknown scheme, missing driver, not a qpextract database."""
    from qpextract.io.export import check_database, read_only_engine

    full = url if "://" in url else f"sqlite:///{url}"
    scheme = full.split("://", 1)[0].split("+", 1)[0]
    if scheme not in ("sqlite", "postgresql", "postgres"):
        _usage(f"unknown database URL {url!r}: use postgresql://USER@HOST/DB, sqlite:///PATH or a .sqlite path")
    if scheme == "sqlite" and not Path(full[len("sqlite:///") :]).is_file():
        return  # a new database
    engine = read_only_engine(full)
    try:
        check_database(engine, empty_ok=True, upgradable_ok=True)
    finally:
        engine.dispose()


@app.command(cls=ReadableCommand)
def extract(
    inputs: Annotated[
        list[str],
        typer.Argument(metavar="INPUTS...", help="files (.txt .html .jsonl .warc[.gz] .zip .tar[.gz]), folders, or - for JSONL on stdin"),
    ],
    output: Annotated[
        Optional[str],
        typer.Option("-o", "--output", metavar="PATH", help="output: .jsonl path, - for stdout, or .sqlite/.db (default: out.jsonl)", rich_help_panel="Output"),
    ] = None,
    db: Annotated[Optional[str], typer.Option("--db", metavar="URL", help="database URL (postgresql://..., sqlite:///...)", rich_help_panel="Output")] = None,
    workers: Annotated[
        Optional[int], typer.Option("--workers", "-w", min=0, metavar="N", help="worker processes (default: CPU count); 0 = in this process",
                                rich_help_panel="Running")
    ] = None,
    resume: Annotated[bool, typer.Option("--resume", help="continue an interrupted run: skip inputs whose id the output already has", rich_help_panel="Output")] = False,
    max_bytes: Annotated[int, typer.Option("--max-bytes", min=1, metavar="BYTES", help="per-article size limit in bytes", rich_help_panel="Input")] = 5 * 1024 * 1024,
    time_limit: Annotated[
        float, typer.Option("--time-limit", min=0, metavar="SECONDS", help="per-article time limit in seconds (0 = none)", rich_help_panel="Running")
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
    _check_output(output)
    if output is not None and output.lower().endswith((".sqlite", ".sqlite3", ".db")):
        _check_db(output)
    if db:
        _check_db(db)
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
    if type(progress) is not NoProgress:  # a bar is shown: give it a total (a Progress *is* a NoProgress)
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


# -- evaluate ------------------------------------------------------------------------------------


@app.command(cls=ReadableCommand)
def evaluate(
    gold: Annotated[Path, typer.Argument(help="gold JSONL (corpus/gold/*.jsonl)", metavar="GOLD")],
    output: Annotated[Path, typer.Argument(help="qpextract output JSONL", metavar="OUTPUT")],
    inputs: Annotated[
        Optional[Path],
        typer.Option("--inputs", metavar="PATH", help="JSONL of {id, text}: also check every span against the original"),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the figures as one JSON object")] = False,
    problems: Annotated[int, typer.Option("--problems", metavar="N", help="how many problem lines to print")] = 40,
) -> None:
    """Score OUTPUT against GOLD (the rules of corpus/gold/README.md; same figures as shared/gold/score.py)."""
    from qpextract.evaluate import EvaluationInputError, check_roles, format_report, read_lines
    from qpextract.evaluate import evaluate as run_evaluation

    try:
        gold_lines, out_lines = read_lines(gold, "gold"), read_lines(output, "output")
        check_roles(gold_lines, out_lines)
        originals = {str(r["id"]): r["text"] for r in read_lines(inputs, "inputs")} if inputs else None
    except EvaluationInputError as exc:
        _usage(str(exc))
    scores = run_evaluation(gold_lines, out_lines, originals)
    if as_json:
        typer.echo(json.dumps(scores.report(), ensure_ascii=False))
    else:
        typer.echo(format_report(scores, problems))


# -- schema --------------------------------------------------------------------------------------


@app.command(cls=ReadableCommand)
def schema() -> None:
    """Print the JSON Schema of one output line: an Article or an error line."""
    from qpextract.io.schema import output_line_schema

    typer.echo(json.dumps(output_line_schema(), ensure_ascii=False, indent=2))


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

# -- explain -------------------------------------------------------------------------------------


@app.command(cls=ReadableCommand)
def explain(
    text: Annotated[
        Optional[str],
        typer.Argument(metavar="TEXT|FILE|-", help="the text to explain, a .txt/.html file (read as extract reads it), "
                       "or - for text on standard input"),
    ] = None,
    why: Annotated[
        Optional[str],
        typer.Option("--why", metavar="WORDS", help="show the records and the near misses (candidates a rule "
                     "started and dropped, and why) touching these words; alone, they are the text"),
    ] = None,
) -> None:
    """Every record of TEXT with its kind, surface, resolved value and rule; --why WORDS: what was tried there."""
    from qpextract.errors import InputError
    from qpextract.io.explain import explain_lines

    if text is None and why is None:
        _usage("give a text, a file, - or --why WORDS")
    try:
        for line in explain_lines(text if text is not None else why, why):  # type: ignore[arg-type]
            typer.echo(line)
    except InputError as exc:
        _usage(f"nothing to explain: {exc.message}")
    except BrokenPipeError:  # `explain … | head`
        sys.stderr.close()
    except (OSError, ValueError) as exc:
        _usage(str(exc))


# -- export --------------------------------------------------------------------------------------


@app.command(cls=ReadableCommand)
def export(
    database: Annotated[
        str, typer.Argument(metavar="DATABASE", help="a .sqlite path or a database URL (sqlite:///…, postgresql://…)")
    ],
    parquet: Annotated[
        str, typer.Option("--parquet", metavar="DIR", help="directory to write <table>.parquet files into")
    ],
) -> None:
    """Export every table of a qpextract database as Parquet files (the database is only read)."""
    from qpextract.io.export import export_parquet

    for table, rows in export_parquet(database, parquet).items():
        typer.echo(f"{table:20s} {rows:8d}")


@app.command(cls=ReadableCommand)
def spark(
    input: Annotated[str, typer.Argument(metavar="INPUT", help="Parquet or JSONL input (file or directory) with id and text columns")],
    output: Annotated[str, typer.Argument(metavar="OUTPUT", help="output directory: Parquet (id, article, error) or JSONL lines")],
    master: Annotated[
        Optional[str], typer.Option("--master", metavar="URL", help="Spark master URL (default: spark-submit's, else local[*])")
    ] = None,
    input_format: Annotated[Optional[str], typer.Option("--input-format", metavar="FORMAT", help="parquet or jsonl (default: by name)")] = None,
    output_format: Annotated[
        Optional[str], typer.Option("--output-format", metavar="FORMAT", help="parquet or jsonl (default: by name, else parquet)")
    ] = None,
    text_col: Annotated[str, typer.Option("--text-col", metavar="COLUMN", help="the column with the article text")] = "text",
    id_col: Annotated[str, typer.Option("--id-col", metavar="COLUMN", help="the column with the article id")] = "id",
    partitions: Annotated[Optional[int], typer.Option("--partitions", metavar="N", help="repartition the input first")] = None,
) -> None:
    """Extract records with Spark: one pipeline per partition, one output row per input row."""
    from qpextract.errors import require

    require("pyspark", "qpextract spark", "spark")
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
