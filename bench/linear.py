#!/usr/bin/env python3
"""Is the full pipeline linear-time on hostile input? Times 100 KB and 1 MB of each.

    python bench/linear.py [--small 100000] [--large 1000000] [--repeat 1] [--timeout 300]

Hostile inputs (characters, not bytes; each cut at a unit boundary):

  names       "Nguyễn Văn " repeated: capitalized syllables, the worst case for name/title rules
  digits      "1/1/1/1/..." : digits and separators, the worst case for date and number rules
  dong-chi    "đồng chí, " repeated: an honorific trigger with nothing after it
  one-line    one line of ordinary defence-news words without any punctuation: one huge sentence
  mixed       "ngày 1/2 Đại tá Nguyễn Văn An tăng 15% " repeated, unpunctuated: every extractor fires

With ``--kinds all`` also: one-token (no space at all), short-lines (one short sentence per line,
one person everywhere), abbrev, caps (an all-caps headline repeated), events (a trigger repeated).

Each measurement runs in its own subprocess (``Pipeline()`` built and warmed up first, not timed;
then the best of ``--repeat`` runs of ``Pipeline.extract``) and is killed after ``--timeout``
seconds, so a super-linear case reports ``timeout`` instead of hanging. The ratio is
time(large) / time(small); linear is about large/small (10), anything far above it is not.
The sources measured are this checkout's ``src/``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"

UNITS: dict[str, str] = {
    "names": "Nguyễn Văn ",
    "digits": "1/",
    "dong-chi": "đồng chí, ",
    "one-line": (
        "Đại tá Nguyễn Văn An Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh cùng lực lượng dân quân tự vệ "
        "tổ chức diễn tập khu vực phòng thủ năm hai nghìn hai mươi tư đạt kết quả tốt được cấp trên đánh giá cao "
    ),
    "mixed": "ngày 1/2 Đại tá Nguyễn Văn An tăng 15% ",
    "latin-word": "Abc",  # one unbroken run of ASCII letters with a capital every third: foreign-name scans
}
# More shapes, measured by this script only (``--kinds all``), not by tests/test_linear.py.
EXTRA_UNITS: dict[str, str] = {
    "one-token": "Đạitá",  # no space at all: one 1 MB word
    "short-lines": "Đại tá Lê Văn Bình dự.\n",  # many sentences, one person mentioned everywhere
    "abbrev": "BCHQS, LLVT, DQTV-QP, ",
    "caps": "ĐẠI TÁ NGUYỄN VĂN AN CHỈ HUY TRƯỞNG BỘ CHQS TỈNH ",
    "events": "Tổng kết diễn tập khu vực phòng thủ, ",
}
ALL_UNITS = {**UNITS, **EXTRA_UNITS}


def hostile(kind: str, size: int) -> str:
    """``size`` characters of the hostile input ``kind`` (whole units, then the text cut to size)."""
    unit = ALL_UNITS[kind]
    text = unit * (size // len(unit) + 1)
    return text[:size]


def time_one(kind: str, size: int, repeat: int) -> dict:
    """In this process: best-of-``repeat`` seconds of the full pipeline over one hostile input."""
    sys.path.insert(0, str(SRC))
    from qpextract.errors import InputError
    from qpextract.pipeline import Pipeline

    pipeline = Pipeline()
    pipeline.extract("Ngày 1/2/2024, Đại tá Nguyễn Văn An dự hội nghị tại Hà Nội.", id="warm")
    text = hostile(kind, size)
    best = float("inf")
    outcome = "ok"
    records = 0
    for _ in range(max(1, repeat)):
        t = time.perf_counter()
        try:
            art = pipeline.extract(text, id=kind)
            records = sum(len(getattr(art, f)) for f in ("dates", "officials", "ranks", "numbers", "events",
                                                           "locations", "organizations", "abbreviations"))
        except InputError as exc:
            outcome = f"{exc.kind} error"
        best = min(best, time.perf_counter() - t)
    return {"seconds": best, "outcome": outcome, "records": records}


def measure(kind: str, size: int, repeat: int, timeout: float) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SRC)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    cmd = [sys.executable, str(Path(__file__).resolve()), "--one", kind, str(size), "--repeat", str(repeat)]
    try:
        res = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"seconds": None, "outcome": f"timeout > {timeout:.0f} s"}
    if res.returncode != 0:
        last = (res.stderr.strip().splitlines() or ["no output"])[-1]
        return {"seconds": None, "outcome": f"crashed: {last[:120]}"}
    return json.loads(res.stdout.strip().splitlines()[-1])


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--small", type=int, default=100_000, help="small size in characters (default 100000)")
    ap.add_argument("--large", type=int, default=1_000_000, help="large size in characters (default 1000000)")
    ap.add_argument("--repeat", type=int, default=1, help="best of N runs per size (default 1)")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds before one measurement is killed")
    ap.add_argument("--kinds", default=",".join(UNITS),
                    help=f"comma-separated subset of {','.join(ALL_UNITS)}, or 'all' (default: the six of the tests)")
    ap.add_argument("--one", nargs=2, metavar=("KIND", "SIZE"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(time_one(args.one[0], int(args.one[1]), args.repeat)))
        return 0
    kinds = list(ALL_UNITS) if args.kinds == "all" else [k.strip() for k in args.kinds.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in ALL_UNITS]
    if unknown:
        ap.error(f"unknown kinds: {', '.join(unknown)}")
    expected = args.large / args.small
    print(f"{'input':10s} {'small s':>9s} {'large s':>9s} {'ratio':>7s}  verdict (linear ~ {expected:.0f}x; "
          f"small {args.small:,} chars, large {args.large:,} chars)")
    worst = 0.0
    for kind in kinds:
        small = measure(kind, args.small, args.repeat, args.timeout)
        large = measure(kind, args.large, args.repeat, args.timeout)
        s, l_ = small.get("seconds"), large.get("seconds")
        if s and l_:
            ratio = l_ / s
            worst = max(worst, ratio)
            verdict = "linear" if ratio <= 2.5 * expected else "SUPER-LINEAR"
            notes = [o for o in {small["outcome"], large["outcome"]} if o != "ok"]
            print(f"{kind:10s} {s:9.3f} {l_:9.3f} {ratio:6.1f}x  {verdict}"
                  f"{' (' + ', '.join(notes) + ')' if notes else ''}; {large.get('records', 0)} records at large size")
        else:
            print(f"{kind:10s} {fmt(s):>9s} {fmt(l_):>9s} {'—':>7s}  {small['outcome']} / {large['outcome']}")
            worst = float("inf")
    return 0 if worst <= 2.5 * expected else 1


def fmt(v: Optional[float]) -> str:
    return "—" if v is None else f"{v:.3f}"


if __name__ == "__main__":
    sys.exit(main())
