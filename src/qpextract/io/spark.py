"""Run qpextract over a Spark DataFrame: one Pipeline per partition, one output row per input row.

    from qpextract.spark import extract_dataframe
    out = extract_dataframe(spark.read.parquet("articles.parquet"))
    # out: id string, article string (Article JSON or null), error string (error line JSON or null)

Exactly one of ``article`` / ``error`` is set on every row (SPEC: every input
yields one line, Article or error). The work runs in ``mapInPandas``: the
function is called once per partition, builds its Pipeline there (a few tens
of milliseconds) and feeds it every row of the partition's Arrow batches.

Needs the optional group ``qpextract[spark]`` (pyspark, pyarrow, pandas<3) and
Java 17+. On a cluster the executors need qpextract's dependencies (install
them on the nodes or ship a packed venv with ``--archives``); qpextract itself
can travel with the job:

    python -c "from qpextract.spark import package_zip; print(package_zip('.'))"   # ./qpextract.zip
    spark-submit --master yarn --py-files qpextract.zip job.py
    # or simply: qpextract spark in.parquet out.parquet --master spark://host:7077
    # (a non-local master gets the package shipped with addPyFile automatically)
"""

from __future__ import annotations

import datetime as _dt
import math
import sys
from collections.abc import Iterator
from typing import Any, Optional

OUTPUT_SCHEMA = "id string, article string, error string"


def _clean(value: Any) -> Any:
    """pandas' missing values (None, NaN, NaT) become None; dates become ISO strings."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    try:
        import pandas as pd

        if value is pd.NaT or value is pd.NA:
            return None
        if isinstance(value, pd.Timestamp):
            return value.isoformat()
    except ImportError:  # pragma: no cover - pandas comes with the spark group
        pass
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()
    return value


def _partition_extractor(
    id_col: str, text_col: str, optional_cols: dict[str, str]
) -> Any:
    """The mapInPandas function (a closure: only plain column names travel to the executors)."""

    def run(batches: Iterator[Any]) -> Iterator[Any]:
        import pandas as pd

        from qpextract.models import Article
        from qpextract.pipeline import Pipeline

        try:
            from pyspark import TaskContext

            ctx = TaskContext.get()
            part = ctx.partitionId() if ctx is not None else 0
        except Exception:  # pragma: no cover
            part = 0
        pipeline = Pipeline()  # once per partition
        n = 0
        for pdf in batches:
            ids: list[str] = []
            arts: list[Optional[str]] = []
            errs: list[Optional[str]] = []
            columns = {c: pdf[c].tolist() for c in [id_col, text_col, *optional_cols.values()] if c in pdf.columns}
            for row in range(len(pdf)):
                raw_id = _clean(columns[id_col][row]) if id_col in columns else None
                aid = str(raw_id) if raw_id is not None else f"part{part}-row{n}"
                n += 1
                text = _clean(columns[text_col][row]) if text_col in columns else None
                item: dict[str, Any] = {"id": aid, "text": "" if text is None else text}
                for field, col in optional_cols.items():
                    if col in columns:
                        value = _clean(columns[col][row])
                        if value is not None:
                            item[field] = str(value)
                result = pipeline.safe_extract(aid, item)
                ids.append(aid)
                if isinstance(result, Article):
                    arts.append(result.model_dump_json())
                    errs.append(None)
                else:
                    arts.append(None)
                    errs.append(result.model_dump_json())
            yield pd.DataFrame({"id": ids, "article": arts, "error": errs}, dtype=object)

    return run


def extract_dataframe(
    df: Any,
    text_col: str = "text",
    id_col: str = "id",
    *,
    title_col: str = "title",
    published_col: str = "published",
    source_col: str = "source",
) -> Any:
    """``df`` (id, text, optional title/published/source) -> DataFrame(id, article, error) of JSON strings.

    Missing optional columns are simply not used; a null or missing text gives
    an ``empty`` error line, a null id gets a ``part<P>-row<N>`` id.
    """
    if text_col not in df.columns:
        raise ValueError(f"the DataFrame has no text column {text_col!r} (columns: {df.columns})")
    optional = {
        field: col
        for field, col in (("title", title_col), ("published", published_col), ("source", source_col))
        if col in df.columns
    }
    wanted = [c for c in dict.fromkeys([id_col, text_col, *optional.values()]) if c in df.columns]
    return df.select(*wanted).mapInPandas(_partition_extractor(id_col, text_col, optional), schema=OUTPUT_SCHEMA)


# --- the `qpextract spark` job ----------------------------------------------------------------


def _format_of(path: str, given: Optional[str], default: Optional[str] = None) -> str:
    if given:
        fmt = given.lower()
    else:
        name = path.rstrip("/").lower()
        if name.endswith((".jsonl", ".json", ".ndjson", ".jsonl.gz", ".json.gz")):
            fmt = "jsonl"
        elif name.endswith(".parquet"):
            fmt = "parquet"
        elif default:
            fmt = default
        else:
            raise ValueError(f"cannot tell the format of {path!r}: pass --input-format parquet|jsonl")
    if fmt == "json":
        fmt = "jsonl"
    if fmt not in ("parquet", "jsonl"):
        raise ValueError(f"unknown format {fmt!r}: parquet or jsonl")
    return fmt


def spark_session(master: Optional[str] = None, app_name: str = "qpextract") -> Any:
    """A SparkSession; ``master`` None keeps spark-submit's (local[*] when run by hand)."""
    import os

    from pyspark.sql import SparkSession

    # executors run this interpreter (its venv has pandas, pyarrow, qpextract) unless told otherwise
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    if not master or master.startswith("local"):
        builder = (
            builder.config("spark.ui.enabled", "false")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "4")
        )
    return builder.getOrCreate()


def package_zip(dest_dir: str) -> str:
    """Zip the installed qpextract package (code and data files) for ``--py-files`` / ``addPyFile``."""
    import zipfile
    from pathlib import Path

    pkg = Path(__file__).resolve().parents[1]  # the qpextract package this module is part of
    target = Path(dest_dir) / "qpextract.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for f in sorted(pkg.rglob("*")):
            if f.is_file() and "__pycache__" not in f.parts and f.suffix not in (".pyc", ".pyo"):
                zf.write(f, str(Path("qpextract") / f.relative_to(pkg)))
    return str(target)


def ship_package(spark: Any) -> None:
    """Make qpextract importable on the executors of a non-local master (its dependencies must be there)."""
    import tempfile

    master = spark.sparkContext.master or ""
    if master.startswith("local"):
        return
    spark.sparkContext.addPyFile(package_zip(tempfile.mkdtemp(prefix="qpextract-")))


def run_spark_job(
    input: str,
    output: str,
    *,
    master: Optional[str] = None,
    input_format: Optional[str] = None,
    output_format: Optional[str] = None,
    text_col: str = "text",
    id_col: str = "id",
    partitions: Optional[int] = None,
    spark: Any = None,
) -> dict[str, int]:
    """Read ``input``, extract, write ``output`` (overwritten); returns article and error counts.

    Parquet output has the columns id, article, error; JSONL output is one
    Article or error line per line, the same lines ``qpextract extract`` writes.
    """
    from pyspark.sql import functions as F

    in_fmt = _format_of(input, input_format)
    out_fmt = _format_of(output, output_format, default="parquet")
    own = spark is None
    session = spark if spark is not None else spark_session(master)
    try:
        ship_package(session)
        reader = session.read
        df = reader.parquet(input) if in_fmt == "parquet" else reader.json(input)
        if partitions:
            df = df.repartition(partitions)
        out = extract_dataframe(df, text_col=text_col, id_col=id_col)
        if out_fmt == "parquet":
            out.write.mode("overwrite").parquet(output)
            written = session.read.parquet(output)
        else:
            out.select(F.coalesce("article", "error").alias("value")).write.mode("overwrite").text(output)
            written = session.read.text(output).select(
                F.when(F.get_json_object("value", "$.error.kind").isNull(), F.col("value")).alias("article"),
                F.when(F.get_json_object("value", "$.error.kind").isNotNull(), F.col("value")).alias("error"),
            )
        row = written.select(F.count("article").alias("a"), F.count("error").alias("e")).first()
        return {"articles": int(row["a"]), "errors": int(row["e"])}
    finally:
        if own:
            session.stop()
