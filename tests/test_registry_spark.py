"""The person registry on Spark (local mode): the same persons, with the same ids, as the Python linker."""

from __future__ import annotations

import shutil

import pytest

pytestmark = pytest.mark.spark

pytest.importorskip("pyspark", reason="pyspark is not installed: pip install 'qpextract[spark]'")
pytest.importorskip("pandas", reason="pandas is not installed: pip install 'qpextract[spark]'")
pytest.importorskip("pyarrow", reason="pyarrow is not installed: pip install 'qpextract[spark]'")
if shutil.which("java") is None:
    pytest.skip("java is not on PATH: Spark needs Java 17+ (bash .ci/install-spark.sh)", allow_module_level=True)

from archive_questions import ARTICLES  # noqa: E402
from test_registry import CIVIL, CIVIL_AGAIN, COMMANDER, m  # noqa: E402

from qpextract.models import Article  # noqa: E402
from qpextract.registry import link_mentions  # noqa: E402
from qpextract.registry.mentions import article_mentions  # noqa: E402
from qpextract.registry.spark import link_dataframe, mentions_dataframe  # noqa: E402
from qpextract.spark import spark_session  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    session = spark_session("local[2]", app_name="qpextract-registry-tests")
    yield session
    session.stop()


def _expected(records) -> dict[tuple[str, int], int]:
    return {(r.article_id, r.official_idx): p.person_id for p in link_mentions(records) for r in p.mentions}


def test_spark_links_like_python(spark) -> None:
    lines = [line for line in ARTICLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    extra = [
        CIVIL, COMMANDER, CIVIL_AGAIN,
        m("p1", "Ngụy Phượng Hòa", None, [("Bộ trưởng Quốc phòng", "Trung Quốc")]),
        m("p2", "Ngụy Phụng Hòa", None, [("Bộ trưởng Quốc phòng", "Trung Quốc")]),
        m("p3", "Nguyễn Văn Tám", "Đại tá"), m("p4", "Nguyễn Văn Tấn", "Đại tá"),
    ]  # fmt: skip
    records = [r for line in lines for r in article_mentions(Article.model_validate_json(line))] + extra
    articles = spark.createDataFrame([(line,) for line in lines] + [(None,)], schema="article string")
    from_articles = mentions_dataframe(articles)
    extra_df = spark.createDataFrame(
        [(r.article_id, r.official_idx, r.name, r.rank, list(r.titles), list(r.organizations), r.day) for r in extra],
        schema=from_articles.schema,
    )
    got = link_dataframe(from_articles.unionByName(extra_df).repartition(3)).collect()
    assert {(r["article_id"], r["official_idx"]): r["person_id"] for r in got} == _expected(records)
    assert len(got) == len(records)
