"""The person registry on Spark: the same blocking and clustering (``link_block``), one block per group.

Input: a DataFrame of mentions (``article_id, official_idx, name, rank, titles, organizations,
day``), e.g. from :func:`mentions_dataframe` over the ``article`` JSON column that
``qpextract spark`` writes. Output: ``article_id, official_idx, person_id`` with the same
person ids as :func:`qpextract.registry.link.link_mentions` gives on the same mentions
(persons numbered by their first ``(article_id, official_idx)``).
"""

from __future__ import annotations

from typing import Any

MENTION_SCHEMA = (
    "article_id string, official_idx int, name string, rank string, "
    "titles array<string>, organizations array<string>, day string"
)
_CLUSTER_SCHEMA = "article_id string, official_idx int, rep_article string, rep_idx int"


def _records(pdf: Any) -> list[Any]:
    from qpextract.registry.mentions import MentionRecord

    out = []
    for row in pdf.itertuples(index=False):
        titles = tuple(row.titles) if row.titles is not None else ()
        orgs = tuple(row.organizations) if row.organizations is not None else (None,) * len(titles)
        out.append(
            MentionRecord(
                article_id=row.article_id,
                official_idx=int(row.official_idx),
                name=row.name,
                rank=row.rank if isinstance(row.rank, str) else None,
                titles=titles,
                organizations=orgs,
                day=row.day if isinstance(row.day, str) else None,
            )
        )
    return out


def _cluster_block(pdf: Any) -> Any:
    """One block (a pandas frame) -> each mention with its cluster's first (article_id, official_idx)."""
    import pandas as pd

    from qpextract.registry.link import link_block

    records = _records(pdf)
    rows = []
    for members in link_block(records):
        rep = min((records[i].article_id, records[i].official_idx) for i in members)
        rows.extend((records[i].article_id, records[i].official_idx, rep[0], rep[1]) for i in members)
    return pd.DataFrame(rows, columns=["article_id", "official_idx", "rep_article", "rep_idx"])


def link_dataframe(mentions: Any) -> Any:
    """``article_id, official_idx, person_id`` for every mention of the DataFrame."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType

    from qpextract.registry.mentions import MentionRecord, profile

    def key(name):  # type: ignore[no-untyped-def]  (no hints: Spark reads them as a pandas UDF's)
        return profile(MentionRecord("", 0, name)).key

    block = F.udf(key, StringType())

    clustered = mentions.withColumn("block", block("name")).groupBy("block").applyInPandas(_cluster_block, _CLUSTER_SCHEMA)
    reps = clustered.select("rep_article", "rep_idx").distinct()
    numbered = reps.withColumn("person_id", F.row_number().over(Window.orderBy("rep_article", "rep_idx")))
    return clustered.join(numbered, ["rep_article", "rep_idx"]).select("article_id", "official_idx", "person_id")


def mentions_dataframe(articles: Any, article_col: str = "article") -> Any:
    """Mentions from a DataFrame whose ``article_col`` holds Article JSON (null for error rows)."""
    import pandas as pd

    from qpextract.models import Article
    from qpextract.registry.mentions import article_mentions

    def explode(frames: Any) -> Any:
        for pdf in frames:
            rows = []
            for text in pdf[article_col]:
                if text is None:
                    continue
                for m in article_mentions(Article.model_validate_json(text)):
                    rows.append((m.article_id, m.official_idx, m.name, m.rank, list(m.titles),
                                 list(m.organizations), m.day))
            yield pd.DataFrame(rows, columns=["article_id", "official_idx", "name", "rank", "titles",
                                              "organizations", "day"])

    return articles.select(article_col).mapInPandas(explode, MENTION_SCHEMA)
