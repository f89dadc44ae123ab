"""qpextract on Spark, in local mode: one output row per input row, the same records as the library."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.spark

pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed: pip install 'qpextract[spark]'")
pytest.importorskip("pandas", reason="pandas is not installed: pip install 'qpextract[spark]'")
pytest.importorskip("pyarrow", reason="pyarrow is not installed: pip install 'qpextract[spark]'")
if shutil.which("java") is None:
    pytest.skip("java is not on PATH: Spark needs Java 17+ (bash .ci/install-spark.sh)", allow_module_level=True)

from qpextract.models import Article, ErrorLine  # noqa: E402
from qpextract.spark import extract_dataframe, run_spark_job, spark_session  # noqa: E402

ITEMS = [
    {"id": "a1", "text": "Sáng 22/3/2023, Đại tá Lã Văn Hào dự hội nghị tổng kết công tác QP-QSĐP.",
     "title": "Hội nghị tổng kết", "published": "2023-03-22"},
    {"id": "a2", "text": "Chiều 16/10, Ban CHQS thành phố tổ chức diễn tập KVPT. 76 công dân nhập ngũ.",
     "title": None, "published": None},
    {"id": "blank", "text": "   ", "title": None, "published": None},
    {"id": "null", "text": None, "title": "no body", "published": None},
]  # fmt: skip


@pytest.fixture(scope="module")
def spark():
    session = spark_session("local[2]", app_name="qpextract-tests")
    yield session
    session.stop()


def _frame(spark, items):
    return spark.createDataFrame(items, schema="id string, text string, title string, published string")


def test_extract_dataframe_gives_one_row_per_input(spark, pipeline, seed_inputs) -> None:
    items = ITEMS + [{**s, "title": None, "published": None} for s in seed_inputs]
    out = extract_dataframe(_frame(spark, items).repartition(3)).collect()
    assert sorted(r["id"] for r in out) == sorted(i["id"] for i in items)
    by_id = {r["id"]: r for r in out}
    for item in items:
        row = by_id[item["id"]]
        assert (row["article"] is None) != (row["error"] is None), item["id"]
        expected = pipeline.safe_extract(item["id"], {**item, "text": item["text"] or ""})
        if isinstance(expected, Article):
            assert Article.model_validate_json(row["article"]) == expected
        else:
            assert ErrorLine.model_validate_json(row["error"]) == expected
    assert ErrorLine.model_validate_json(by_id["blank"]["error"]).error.kind == "empty"
    assert ErrorLine.model_validate_json(by_id["null"]["error"]).error.kind == "empty"
    assert Article.model_validate_json(by_id["a1"]["article"]).published == "2023-03-22"


def test_other_column_names(spark) -> None:
    df = spark.createDataFrame([("x1", "Sáng 22/3, hội nghị.")], schema="doc string, body string")
    row = extract_dataframe(df, text_col="body", id_col="doc").first()
    assert row["id"] == "x1" and Article.model_validate_json(row["article"]).id == "x1"
    with pytest.raises(ValueError, match="no text column"):
        extract_dataframe(df)


def test_job_jsonl_and_parquet(spark, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in ITEMS), encoding="utf-8")
    counts = run_spark_job(str(src), str(tmp_path / "out.jsonl"), spark=spark)
    assert counts == {"articles": 2, "errors": 2}
    lines = [json.loads(line) for p in sorted((tmp_path / "out.jsonl").glob("part-*")) for line in p.open()]
    assert sorted(line["id"] for line in lines) == ["a1", "a2", "blank", "null"]
    for line in lines:
        (ErrorLine if "error" in line else Article).model_validate(line)

    pq = tmp_path / "in.parquet"
    spark.createDataFrame(ITEMS, schema="id string, text string, title string, published string").write.parquet(
        str(pq)
    )
    counts = run_spark_job(str(pq), str(tmp_path / "out.parquet"), spark=spark, partitions=2)
    assert counts == {"articles": 2, "errors": 2}
    back = spark.read.parquet(str(tmp_path / "out.parquet"))
    assert back.columns == ["id", "article", "error"] and back.count() == 4
