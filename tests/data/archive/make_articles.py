"""Regenerate articles.jsonl: the fixed input of the archive questions (tests/test_archive_questions.py).

The five seeds and six articles of ../shared/corpus-real, extracted by the pipeline of the commit
that wrote the file, with event roles set by hand from reading the texts (ROLES below; the list
was begun before the pipeline had role rules and still overrides what it gives). The questions
test reads the JSONL only, so later changes to the extractors do not move its answers. No
held-out article may be used here (tools/heldout_leak.py, tests/test_heldout_leak.py).

    python tests/data/archive/make_articles.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from qpextract import Pipeline

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SHARED = Path(os.environ.get("QPEXTRACT_SHARED", ROOT.parent / "shared"))
CORPUS_IDS = [
    "baomoi-21472339",  # Hồng Lĩnh: 110 young men enlist (2017)
    "baomoi-21512369",  # Hoàn Kiếm: 94 citizens enlist (2017)
    "baomoi-22623978",  # army-wide conference chaired by Ngô Xuân Lịch (2017)
    "vnews-train-010280",  # TP. HCM enlistment festival (2018-03-06)
    "vnews-train-018910",  # TP. HCM: working session co-chaired by Ngô Xuân Lịch and Nguyễn Thiện Nhân (dev3)
    "vnews-train-088830",  # Hà Nội: 1,900 enlist (2015)
]
#: (article id, event index, participant name) -> role, as the text says it.
ROLES = {
    ("000_666d52d266e7723e", 0, "Hoàng Văn Quang"): "speaker",  # "Phát biểu kết luận hội nghị, Thượng tá ..."
    ("001_70f66fd693493111", 0, "Hoàng Hà Bắc"): "attendee",  # "Dự có Đồng chí Hoàng Hà Bắc"
    ("002_f8d7a2f6e447c266", 0, "Cù Ngọc Cường"): "speaker",  # "... phát biểu chỉ đạo tại hội nghị"
    ("002_f8d7a2f6e447c266", 0, "Lã Văn Hào"): "attendee",  # "Dự hội nghị có ... Đại tá Lã Văn Hào"
    ("003_156a9345e1742d2c", 0, "Hoàng Bá Nam"): "speaker",  # "... phát biểu chỉ đạo hội nghị"
    ("003_156a9345e1742d2c", 0, "Hồ Quang Huy"): "speaker",  # "... phát biểu kết luận hội nghị"
    ("004_5d30347be2f46c0a", 0, "Lã Văn Tư"): "attendee",  # "Về dự ... có đ/c Lã Văn Tư"
    ("004_5d30347be2f46c0a", 0, "Trương Quốc Bảo"): "attendee",
    ("baomoi-22623978", 0, "Nguyễn Xuân Phúc"): "speaker",  # "đã dự, phát biểu chỉ đạo hội nghị"
    ("baomoi-22623978", 0, "Ngô Xuân Lịch"): "chair",  # "..., chủ trì hội nghị"
    ("baomoi-22623978", 0, "Lương Cường"): "attendee",  # "Dự hội nghị có Thượng tướng Lương Cường"
    ("baomoi-22623978", 0, "Phan Văn Giang"): "attendee",
    ("vnews-train-018910", 0, "Ngô Xuân Lịch"): "chair",  # "do đại tướng Ngô Xuân Lịch ... và ông ... đồng chủ trì"
    ("vnews-train-018910", 0, "Nguyễn Thiện Nhân"): "chair",
}


def main() -> None:
    items = [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in sorted((ROOT / "corpus" / "seeds").glob("*.txt"))]
    wanted = set(CORPUS_IDS)
    for line in (SHARED / "corpus-real" / "articles.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        if d["id"] in wanted:
            items.append({"id": d["id"], "text": d["text"], "title": d["title"]})
    pipeline = Pipeline()
    used = set()
    with (HERE / "articles.jsonl").open("w", encoding="utf-8") as out:
        for item in sorted(items, key=lambda i: i["id"]):
            art = pipeline.extract(item["text"], id=item["id"], title=item.get("title"))
            for i, event in enumerate(art.events):
                for p in event.participants:
                    role = ROLES.get((art.id, i, p.name))
                    if role:
                        p.role = role  # type: ignore[assignment]
                        used.add((art.id, i, p.name))
            out.write(art.model_dump_json() + "\n")
    missing = set(ROLES) - used
    assert not missing, f"roles for participants the pipeline no longer gives: {missing}"


if __name__ == "__main__":
    main()
