"""A blind look at the main event of 30 new defence articles (the sixteenth pass, seed events16-20261202).

    python tools/events_wild_session16.py sample CORPUS > sheet.txt      # headline and lead of the drawn articles, no pipeline run
    python tools/events_wild_session16.py score CORPUS TSV                # accuracy of the pipeline on PYTHONPATH against the judged TSV

CORPUS: give /work/wt/wild/articles-no-heldout.jsonl (the corpus without any held-out article). The strict pool of
tools/events_wild_session14.py (``wild.LOCAL``, 44 articles) holds no article that an earlier judged sample has not
read, so this pass widens it by the headline: an article of 500 characters or more, in no development input file
(``wild.audit_skip_ids`` with the web dev sets of session 14), not one of the held-out ids tools/sample_wild.py names,
in no earlier judged main-event sample (corpus/audit/main_events_wild*.tsv, events_wild_session14.tsv,
events_wild_session15.tsv), whose text names a body or duty of Vietnam's armed forces (``ARMED_FORCES``: the army, a
military region, the border guard, the militia, military service, recruits, …) and whose headline names no foreign
country or leader (``FOREIGN``; a headline test on "quân sự / quốc phòng / diễn tập" alone draws mostly foreign wars
and drills); 71 articles, ordered by ``wild.seeded_rank`` with the seed, the first 30. These are Vietnam's defence
news at large, not only the local-defence pages of the strict pool, which has nothing left to draw. The judged copy is corpus/audit/events_wild_session16.tsv:
`expected` (main type), `types` (every type reported) and `trigger` were written by reading the headline and lead before
any run; `score` is the one of tools/events_wild_session15.py over this draw.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import events_wild_session14 as s14
import events_wild_session15 as s15
from wild import ROOT, audit_skip_ids, seeded_rank

SEED = "events16-20261202"
COUNT = 30
EARLIER = [*s15.EARLIER, ROOT / "corpus" / "audit" / "events_wild_session15.tsv"]
ARMED_FORCES = re.compile(
    r"Quân đội nhân dân|QĐND|Quân khu \d|Bộ đội Biên phòng|[Bb]iên phòng|dân quân tự vệ|nghĩa vụ quân sự|tân binh|nhập ngũ"
    r"|Quân ủy Trung ương|Bộ Tư lệnh|Binh đoàn|Quân chủng|Bộ Quốc phòng Việt Nam|Bộ trưởng Quốc phòng Ngô Xuân Lịch"
    r"|[Đđ]ại tướng Ngô Xuân Lịch|Bộ đội Cụ Hồ|lực lượng vũ trang (?:tỉnh|huyện|thành phố|nhân dân)"
)
FOREIGN = re.compile(
    r"Mỹ|Nga|Trung Quốc|Syria|Triều Tiên|Nhật|Philippines|Đài Loan|Ấn Độ|Pakistan|Israel|Iran|Venezuela|NATO|Ukraine"
    r"|Hàn|Pháp|Anh|Đức|Putin|Trump|Tập Cận|Thổ|IS\b|Australia|Campuchia|Lào|Cuba|Iraq|Thái Lan|Singapore|Obama"
    r"|Bắc Kinh|Washington|Út|Su-|Moscow|Kiev"
)


def draw(corpus: str, count: int | None = COUNT) -> list[dict]:
    """The first ``count`` articles of the sample in draw order (the whole pool with None)."""
    skip = audit_skip_ids(s14.WEB) | s14.NAMED_HELDOUT | s14.earlier_ids(EARLIER)
    pool = [r for r in s14.candidates(corpus, skip) if not FOREIGN.search(r.get("title") or "") and ARMED_FORCES.search(r["text"])]
    pool.sort(key=lambda r: seeded_rank(SEED, r["id"]))
    return pool[:count]


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    if sys.argv[1] == "sample":
        s14.sample(sys.argv[2], draw(sys.argv[2]), set())  # no article is `earlier`: the draw leaves them out
    else:
        s15.score(sys.argv[2], sys.argv[3], draw(sys.argv[2]))
