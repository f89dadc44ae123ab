"""Accuracy gate: scores on the bundled gold must not drop below pinned floors.

Raise a floor when an extractor gets better; a change that lowers a score
fails here like any other bug. The held-out floors sit a little under what was
measured at each landing (it is never tuned on: measured, never read for rules); the
development floors a little under what the rules reach on the sets they were
tuned on.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import CORPUS, load_jsonl
from qpextract.evaluate import evaluate, fold

SEED_FLOORS = {
    "abbreviations": 0.95,
    "authors": 1.0,
    "title": 1.0,
    "published": 1.0,
    "offsets": 1.0,
    "dates": 1.0,
    "officials": 1.0,
    "positions": 1.0,
    "ranks": 1.0,
    "official.rank": 1.0,
    "official.honorific": 1.0,
    "numbers": 1.0,
    "event.main": 1.0,
}
# the development sets the rules were tuned on (schema-2 gold, every named person)
DEV_FLOORS = {
    "dev2": {"officials": 0.98, "positions": 0.92, "abbreviations": 0.96, "authors": 1.0, "event.main": 0.99,
             "offsets": 1.0, "participants": 0.74, "participant.role": 0.93, "dates": 0.96, "numbers": 0.98,
             "ranks": 0.99, "title": 1.0, "published": 1.0, "documents": 0.68},  # dev2 gold drops "Bộ quy tắc", dev6 keeps it (followed)
    # dev3 abbreviations 0.95: its gold expands "Nhà nước Hồi giáo tự xưng (IS)" by the table, where dev4-6 write
    # the article's definition as printed (abbr7 follows the later convention and SPEC: the article's definition first)
    "dev3": {"officials": 0.99, "positions": 0.87, "abbreviations": 0.95, "dates": 0.95, "numbers": 0.98,
             "event.main": 0.99, "offsets": 1.0, "participants": 0.75, "participant.role": 0.96, "ranks": 0.99,
             "authors": 1.0, "documents": 0.99},
    "dev4": {"officials": 0.97, "positions": 0.91, "abbreviations": 0.92, "dates": 0.96, "numbers": 0.98,
             "event.main": 0.99, "offsets": 1.0, "participants": 0.85, "participant.role": 0.96, "ranks": 0.97,
             "authors": 1.0, "documents": 0.99},
    # dev5: floors under its first look (fifth session), raised by whoever improves it; abbreviations 0.98 -> 0.97 in the fourteenth pass: the RIA of "RIA Novosti" is no record (dev readers 4 of 5), dev5 the one reader who kept it
    "dev5": {"officials": 0.99, "positions": 0.92, "abbreviations": 0.97, "dates": 0.95, "numbers": 0.98,
             "event.main": 0.97, "offsets": 1.0, "participants": 0.75, "participant.role": 0.99, "ranks": 0.98,
             "authors": 1.0, "documents": 0.76},
    # dev6: floors under its first look (sixth session; general military news), raised by whoever improves it
    "dev6": {"officials": 0.99, "positions": 0.9, "abbreviations": 0.96, "dates": 0.97, "numbers": 0.97,
             "event.main": 0.96, "offsets": 1.0, "participants": 0.68, "participant.role": 0.83, "ranks": 0.99,
             "authors": 1.0, "title": 1.0, "published": 1.0, "documents": 0.69},
    # dev7: floors under its first look (seventh session; general military news), raised by whoever improves it
    "dev7": {"officials": 0.98, "positions": 0.91, "abbreviations": 0.97, "dates": 0.97, "numbers": 0.98,
             "event.main": 0.94, "offsets": 1.0, "participants": 0.69, "participant.role": 0.91, "ranks": 0.99,
             "authors": 1.0, "title": 1.0, "published": 1.0, "documents": 0.66},
    # dev8: floors under its first look (eighth session; general military news), raised by whoever improves it
    "dev8": {"officials": 0.98, "positions": 0.86, "abbreviations": 0.86, "dates": 0.97, "numbers": 0.94,
             "event.main": 0.97, "offsets": 1.0, "participants": 0.53, "participant.role": 0.88, "ranks": 0.99,
             "authors": 1.0, "title": 1.0, "published": 1.0},
    # dev9 (45; five of them drawn for heldout8 and moved): floors under its figures at the ninth session's end
    "dev9": {"officials": 0.97, "positions": 0.91, "abbreviations": 0.89, "dates": 0.97, "numbers": 0.95,
             "event.main": 0.96, "offsets": 1.0, "participants": 0.69, "participant.role": 0.93, "ranks": 0.96,
             "authors": 0.99, "title": 0.99, "published": 0.99, "documents": 0.82},
    # dev10 (40): the tenth session's validation set (scored, never read by its developers), development data since;
    # floors under its figures (raised in the eleventh session: positions 0.817 -> 0.896, abbreviations 0.867 -> 0.909,
    # dates 0.940 -> 0.977)
    "dev10": {"officials": 0.91, "positions": 0.88, "abbreviations": 0.89, "dates": 0.96, "numbers": 0.92,
              "event.main": 0.88, "offsets": 1.0, "participants": 0.41, "participant.role": 0.83, "ranks": 0.92,
              "authors": 0.99, "title": 0.99, "published": 0.99},
    "real": {"officials": 0.99, "positions": 0.96, "ranks": 0.99, "abbreviations": 0.99, "authors": 1.0,
             "title": 1.0, "dates": 0.99, "event.main": 0.99, "offsets": 1.0, "participants": 0.87,
             "participant.role": 0.87, "numbers": 0.98, "published": 1.0, "documents": 0.86},
}
# never used for tuning: heldout (11) and heldout2 (50), annotated before the rules ran on them
HELDOUT_FLOORS = {
    "officials": 0.96,
    "officials:p": 0.95,  # 0.96 -> 0.954 in the ninth session: positions12's person.foreign dash rule changes one heldout2 name
    "positions": 0.84,
    "abbreviations": 0.88,
    "authors": 0.97,
    "title": 0.99,
    "published": 0.99,
    "dates": 0.94,
    "numbers": 0.94,
    "event.main": 0.81,
    "participant.role": 0.8,
    "offsets": 1.0,
}
# heldout3 (37 of the 40 drawn; three dropped, see its notes), annotated blind in the fourth session, floors under its first look
HELDOUT3_FLOORS = {
    "officials": 0.96,
    "officials:p": 0.96,
    "positions": 0.89,
    "abbreviations": 0.94,  # 0.942 -> 0.918 with abbr7: a mixed-case model name read as a defined form, one definition read too long
    "authors": 0.99,
    "title": 0.99,
    "dates": 0.95,
    "numbers": 0.94,
    "event.main": 0.91,  # 0.943 -> 0.914 in the tenth session: main14 gives one heldout3 analysis piece no main event (event.none.assessment/question; 28 of 30 wild articles it changed read right by the guide)
    "participant.role": 0.75,
    "offsets": 1.0,
}
# heldout4 (40), annotated blind in the fifth session, floors under its first look
HELDOUT4_FLOORS = {
    "officials": 0.97,
    "officials:p": 0.98,
    "positions": 0.92,
    "abbreviations": 0.91,  # 0.940 -> 0.927 in the ninth session (abbr11: agencies' own names, press renderings; the guide's new rule); 0.914 in the tenth ("tự xưng" left out of IS's expansion by the guide, as heldout8/9 and dev3/dev9 readers write it; heldout4's kept it)
    "authors": 0.99,
    "title": 0.99,
    "dates": 0.97,
    "numbers": 0.94,
    "event.main": 0.96,
    "participant.role": 0.84,
    "offsets": 1.0,
}
# heldout5 (40, general military news), annotated blind in the sixth session, floors under its first look
HELDOUT5_FLOORS = {
    "officials": 0.94,
    "officials:p": 0.94,
    "positions": 0.91,
    "abbreviations": 0.87,  # 0.917 -> 0.863 in the eighth session, 0.890 in the ninth (abbr10: ISPS, PASSEX, IDF, ICBM rendered otherwise than heldout5's readers; the INF treaty's gloss cut at its head); 0.877 in the tenth (IS without "tự xưng", as heldout4)
    "authors": 0.95,
    "title": 0.99,
    "dates": 0.98,
    "numbers": 0.93,
    "event.main": 0.91,
    "participant.role": 0.64,  # 15/20 -> 11/17 in the seventh session (roles10 + people8: newly found people and stricter cues; all 218 held-out 102/132 -> 99/128)
    "offsets": 1.0,
}
# heldout6 (40, general military news), annotated blind in the seventh session, floors under its first look
HELDOUT6_FLOORS = {
    "officials": 0.94,
    "officials:p": 0.97,
    "positions": 0.89,  # 0.90 -> 0.897 in the tenth session (positions14/15: whole appositions, deputy posts), while all held-out rose 0.885 -> 0.905
    "abbreviations": 0.92,  # 0.931 -> 0.919 in the ninth session (abbr11, as heldout4); raised in the eleventh (0.919 -> 0.931)
    "authors": 0.99,
    "title": 0.99,
    "dates": 0.96,
    "numbers": 0.94,
    "event.main": 0.99,
    "participant.role": 0.83,
    "offsets": 1.0,
}
# heldout7 (40, general military news), annotated blind in the eighth session; floors under its figures at that session's end
# (officials moved 0.882 -> 0.964 there after a brief quoted some of its names: see the eighth closing note)
HELDOUT7_FLOORS = {
    "officials": 0.95,
    "officials:p": 0.96,
    "positions": 0.86,  # raised in the tenth session (0.843 -> 0.874)
    "abbreviations": 0.86,  # raised in the eleventh session (0.855 -> 0.870)
    "authors": 0.97,
    "title": 0.99,
    "published": 0.99,
    "dates": 0.97,
    "numbers": 0.94,
    "event.main": 0.97,
    "offsets": 1.0,
}
# heldout8 (35 of the 40 drawn; five moved to dev9, see its notes), annotated blind in the ninth session; floors under
# its figures at that session's end (its first look: abbreviations 0.846, everything else as now)
HELDOUT8_FLOORS = {
    "officials": 0.94,
    "officials:p": 0.93,
    "positions": 0.86,  # raised in the tenth session (0.846 -> 0.879)
    "abbreviations": 0.88,  # raised in the tenth session (0.865 -> 0.895)
    "authors": 0.99,
    "title": 0.99,
    "published": 0.99,
    "dates": 0.96,
    "numbers": 0.97,
    "event.main": 0.86,
    "participant.role": 0.76,
    "offsets": 1.0,
}
# heldout9 (40), annotated blind in the tenth session; floors under its figures at that session's end
# (its first look: positions 0.844, abbreviations 0.827, everything else as now)
HELDOUT9_FLOORS = {
    "officials": 0.97,
    "officials:p": 0.97,
    "positions": 0.90,
    "abbreviations": 0.90,  # raised in the eleventh session (0.902 -> 0.917)
    "authors": 0.99,
    "title": 0.99,
    "published": 0.99,
    "dates": 0.96,
    "numbers": 0.94,
    "event.main": 0.91,
    "participant.role": 0.78,
    "offsets": 1.0,
}
HELDOUT_SETS = {
    "heldout+heldout2": (["heldout", "heldout2"], HELDOUT_FLOORS),
    "heldout3": (["heldout3"], HELDOUT3_FLOORS),
    "heldout4": (["heldout4"], HELDOUT4_FLOORS),
    "heldout5": (["heldout5"], HELDOUT5_FLOORS),
    "heldout6": (["heldout6"], HELDOUT6_FLOORS),
    "heldout7": (["heldout7"], HELDOUT7_FLOORS),
    "heldout8": (["heldout8"], HELDOUT8_FLOORS),
    "heldout9": (["heldout9"], HELDOUT9_FLOORS),
}


def figure(report: dict, part: str) -> float:
    part, _, key = part.partition(":")
    v = report[part]
    return v[key] if key else v["f1"] if "f1" in v else v["acc"]


def report(pipeline, inputs: list[dict], golds: list[str]) -> dict:
    outputs = [pipeline.safe_extract(x["id"], x).model_dump() for x in inputs]
    originals = {x["id"]: x["text"] for x in inputs}
    gold = [g for name in golds for g in load_jsonl(CORPUS / "gold" / name)]
    return evaluate(gold, outputs, originals).report()


def low_parts(scores: dict, floors: dict) -> dict:
    return {part: scores[part.partition(":")[0]] for part, floor in floors.items() if figure(scores, part) < floor}


@pytest.fixture(scope="module")
def seed_report(pipeline, seed_inputs):
    return report(pipeline, seed_inputs, ["seeds.jsonl"])


@pytest.mark.parametrize("part,floor", sorted(SEED_FLOORS.items()))
def test_seed_scores_stay_above_their_floor(seed_report: dict, part: str, floor: float) -> None:
    assert figure(seed_report, part) >= floor, seed_report[part]


@pytest.mark.parametrize("gold", sorted(DEV_FLOORS))
def test_development_scores_stay_above_their_floor(pipeline, gold: str) -> None:
    scores = report(pipeline, load_jsonl(CORPUS / "gold" / f"{gold}-inputs.jsonl"), [f"{gold}.jsonl"])
    assert not low_parts(scores, DEV_FLOORS[gold])


@pytest.mark.skipif(
    bool(os.environ.get("QPEXTRACT_HIDE_HELDOUT")),
    reason="QPEXTRACT_HIDE_HELDOUT is set: whoever is tuning rules does not see held-out figures",
)
@pytest.mark.parametrize("name", sorted(HELDOUT_SETS))
def test_heldout_scores_stay_above_their_floor(pipeline, name: str) -> None:
    parts, floors = HELDOUT_SETS[name]
    inputs = [x for part in parts for x in load_jsonl(CORPUS / "gold" / f"{part}-inputs.jsonl")]
    scores = report(pipeline, inputs, [f"{part}.jsonl" for part in parts])
    assert not low_parts(scores, floors)


def test_real_corpus_runs_without_error_lines_or_bad_spans(pipeline, shared: Path) -> None:
    """All 2,000 real articles: one Article each, every span in bounds and pointing at its text."""
    bad = []
    for item in load_jsonl(shared / "corpus-real" / "articles.jsonl"):
        result = pipeline.safe_extract(item["id"], item)
        assert not hasattr(result, "error"), (item["id"], getattr(result, "error", None))
        original = item["text"]
        records = [*result.dates, *result.ranks, *result.numbers, *result.locations, *result.organizations]
        records += [*result.abbreviations, *result.documents, *result.decorations]
        mentions = [m for o in result.officials for m in o.mentions]
        for r in [*records, *mentions, *result.sentences]:
            source = item["title"] if getattr(r, "field", None) == "title" else original  # abbreviations of the title
            if not 0 <= r.start < r.end <= len(source):
                bad.append((item["id"], r))
        for r in records:
            source = item["title"] if getattr(r, "field", None) == "title" else original
            if fold(source[r.start : r.end]).replace(" ", "") != fold(r.text).replace(" ", ""):
                bad.append((item["id"], r.text, source[r.start : r.end]))
    assert not bad, bad[:10]
