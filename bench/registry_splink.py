"""The comparison: the same mentions linked by splink (Fellegi-Sunter, EM-trained, on DuckDB).

Same inputs as the registry (the officials of a qpextract database, profiled by
``qpextract.registry.mentions.profile``), same blocking (surname + given name
without tones), comparisons on the name, rank grade, current titles,
organization words, places and walks of life. Needs ``pip install 'qpextract[bench]'``.
"""

from __future__ import annotations

from collections.abc import Callable

THRESHOLD = 0.9  # cluster at this match probability


def mention_frame(url: str):  # type: ignore[no-untyped-def]
    import pandas as pd

    from qpextract.io import db
    from qpextract.registry.mentions import profile
    from qpextract.registry.store import read_mentions

    engine = db.create_db_engine(url)
    with engine.connect() as conn:
        mentions = read_mentions(conn)
    engine.dispose()
    rows = []
    for i, m in enumerate(mentions):
        p = profile(m)
        rows.append({
            "unique_id": i, "article_id": m.article_id, "name": m.name, "folded": p.name, "plain": p.plain,
            "block_key": p.key, "grade": p.grade, "titles": sorted(p.titles) or None,
            "org_words": sorted(p.words) or None, "places": sorted(p.places) or None,
            "domains": sorted(p.domains) or None,
        })  # fmt: skip
    return pd.DataFrame(rows)


def splink_clusters(url: str, threshold: float = THRESHOLD) -> dict[tuple[str, str], int]:
    """``(article_id, name) -> cluster id`` from splink."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    df = mention_frame(url)
    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.ExactMatch("folded"),
            cl.JaroWinklerAtThresholds("plain", [0.97, 0.9]),
            cl.CustomComparison(
                output_column_name="grade",
                comparison_levels=[
                    cll.NullLevel("grade"),
                    cll.CustomLevel("grade_l = grade_r", label_for_charts="same rank"),
                    cll.CustomLevel("abs(grade_l - grade_r) <= 1", label_for_charts="one grade apart"),
                    cll.CustomLevel("abs(grade_l - grade_r) <= 3", label_for_charts="up to three apart"),
                    cll.ElseLevel(),
                ],
            ),
            cl.ArrayIntersectAtSizes("titles", [1]),
            cl.ArrayIntersectAtSizes("org_words", [2, 1]),
            cl.ArrayIntersectAtSizes("places", [1]),
            cl.ArrayIntersectAtSizes("domains", [1]),
        ],
        blocking_rules_to_generate_predictions=[block_on("block_key")],
    )
    linker = Linker(DuckDBAPI().register(df), settings)  # splink 5: tables are registered with the backend
    linker.training.estimate_probability_two_random_records_match([block_on("folded")], recall=0.9)
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("block_key"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("grade"))
    preds = linker.inference.predict(threshold_match_probability=0.01)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(preds, threshold).as_pandas_dataframe()
    return {(r.article_id, r["name"]): r.cluster_id for _, r in clusters.iterrows()}


def splink_same(url: str, threshold: float = THRESHOLD) -> Callable[[dict, dict], bool | None]:
    cid = splink_clusters(url, threshold)

    def same(a: dict, b: dict) -> bool | None:
        x, y = cid.get((a["article_id"], a["name"])), cid.get((b["article_id"], b["name"]))
        return None if x is None or y is None else x == y

    return same
