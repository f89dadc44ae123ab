"""A blind first look at participant roles: wild articles whose headline names a meeting, a conference, a ceremony or a visit.

    python tools/roles_blind_sample.py CORPUS [--seed S] [--count N] [--exclude TSV ...] > sample.txt

With --quoted, articles that quote a person (``QUOTED``) are drawn instead of gathering headlines; --kind and --topic
narrow either draw (``keeps``: a quoting article must then also name the kind in its headline or lead, the topic in its text).
CORPUS: give /work/wt/wild/articles-no-heldout.jsonl. Articles of every development gold input file (wild.DEV_SETS,
seeds) and of earlier judged sheets (--exclude, their `id` column) are left out; of the rest, those of 400-5,000
characters whose headline or first sentence (``LEAD`` characters) holds one of ``GATHERING`` are drawn with the seed, with no run of the library, so that the
reader writes the participants he expects before any rule has spoken. Each is printed with its id, headline and text.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from wild import audit_skip_ids, sampled_ids

SEED = "roles16-20261202"
LEAD = 250  # characters of the text read with the headline
# headline words of a meeting, a conference, a ceremony or a visit (the guide's gathering events)
GATHERING = re.compile(
    r"(?<!\w)(?:hội nghị|hội thảo|hội đàm|hội kiến|tọa đàm|cuộc họp|họp báo|lễ|đại hội|chuyến thăm|thăm|tiếp(?! tục)|"
    r"gặp mặt|gặp gỡ|làm việc với|kỷ niệm|khai mạc|bế mạc|tổng kết|sơ kết|giao ban|mít tinh|tuyên dương|thượng đỉnh)(?!\w)",
    re.IGNORECASE,
)

# a person quoted: a statement verb after a title or a name-like word (the statement rules' cues, written before any run)
QUOTED = re.compile(
    r"(?<!\w)(?:ông|bà|tướng|đại tướng|thượng tướng|trung tướng|thiếu tướng|bộ trưởng|người phát ngôn|phát ngôn viên)"
    r" [^.\n]{0,60}?(?:nói|cho biết|tuyên bố|khẳng định|nhấn mạnh|phát biểu)(?!\w)",
    re.IGNORECASE,
)
# narrower draws: a kind of gathering named in the headline or lead, a topic named in the text
KINDS = {
    "award_review_handover": re.compile(
        r"(?<!\w)(?:trao tặng|trao|tặng|khen thưởng|tuyên dương|bằng khen|huân chương|danh hiệu|tổng kết|sơ kết|rút kinh nghiệm|"
        r"bàn giao|giao nhận|tiếp nhận|tiễn|lễ)(?!\w)",
        re.IGNORECASE,
    ),
<<<<<<< HEAD
    # a spokesman named in the headline or lead (roles19: who speaks for a body, named where role.other.lead reads)
    "spokesman_lead": re.compile(r"(?<!\w)(?:phát ngôn viên|người phát ngôn|phát ngôn)(?!\w)", re.IGNORECASE),
=======
    # the local ceremonies of the archive (roles20, sixteenth pass): conscription handovers, awards, gift visits
    "local_ceremony": re.compile(
        r"(?<!\w)(?:giao nhận quân|giao quân|giao nhận tân binh|lễ|trao tặng|trao|tặng|tặng quà|khen thưởng|bằng khen|"
        r"thăm|chúc Tết|tuyên dương|huân chương|kỷ niệm chương|danh hiệu|tiễn)(?!\w)",
        re.IGNORECASE,
    ),
>>>>>>> roles20
}
TOPICS = {
    "local_defence_military": re.compile(
        r"(?<!\w)(?:dân quân|tự vệ|dự bị động viên|Ban CHQS|Bộ CHQS|Ban Chỉ huy Quân sự|Bộ Chỉ huy Quân sự|"
        r"quân sự địa phương|quốc phòng địa phương|biên phòng|giáo dục quốc phòng|khu vực phòng thủ|Quân khu|"
        r"Bộ Tư lệnh Thủ đô|Bộ Quốc phòng|Quân đội nhân dân|bộ đội|Quân ủy|sư đoàn|trung đoàn|lữ đoàn|sĩ quan)(?!\w)",
        re.IGNORECASE,
    ),
}


def keeps(article: dict, quoted: bool, kind: re.Pattern[str] | None, topic: re.Pattern[str] | None) -> bool:
    """Whether ARTICLE (already within length and not left out) enters the pool: it quotes a person (``quoted``) or its
    headline or lead names a gathering, and, when given, its headline or lead names KIND and its text TOPIC.

    One test for every combination of the options, so that --kind and --topic narrow the --quoted draw as they
    narrow the gathering one (without --kind, ``GATHERING`` stands for it only when --quoted is off).
    """
    text = article.get("text", "")
    head = (article.get("title") or "") + "\n" + text[:LEAD]
    if quoted and not QUOTED.search(text):
        return False
    head_words = kind or (None if quoted else GATHERING)
    if head_words and not head_words.search(head):
        return False
    return topic is None or bool(topic.search(text))


def main() -> None:
    """Print the drawn articles."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--seed", default=SEED)
    ap.add_argument("--count", type=int, default=25)
    ap.add_argument("--exclude", type=Path, nargs="*", default=[])
    ap.add_argument("--quoted", action="store_true",
                    help="draw general news that quotes a person (QUOTED in the text) instead of gathering headlines;"
                    " --kind and --topic narrow it too")
    ap.add_argument("--kind", choices=sorted(KINDS), help="require the headline or lead to name this kind of event (instead of any gathering; with --quoted, as well)")
    ap.add_argument("--topic", choices=sorted(TOPICS), help="also require the text to name this topic")
    args = ap.parse_args()
    kind = KINDS.get(args.kind or "")
    topic = TOPICS.get(args.topic or "")
    skip = audit_skip_ids() | sampled_ids(args.exclude)
    pool = []
    with open(args.corpus, encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            if a["id"] in skip or not 400 <= len(a.get("text", "")) <= 5000:
                continue
            if keeps(a, args.quoted, kind, topic):
                pool.append(a)
    pool.sort(key=lambda a: a["id"])
    drawn = random.Random(args.seed).sample(pool, min(args.count, len(pool)))
    label = "quoting articles" if args.quoted else "gathering headlines"
    print(f"# {len(drawn)} of {len(pool)} {label}, seed {args.seed!r}")
    for n, a in enumerate(drawn, 1):
        print(f"\n=== {n} {a['id']}\n# {a.get('title')}\n{a['text']}")


if __name__ == "__main__":
    main()
