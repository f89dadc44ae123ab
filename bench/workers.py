#!/usr/bin/env python3
"""CLI 1 vs 2 workers, alternating, with wall clock and process CPU (parent and workers apart).

    python bench/workers.py [--articles PATH] [--repeat 3] [--src SRC]

On a shared machine the wall-clock ratio moves with the load; the CPU columns do not. From them,
the wall clock a quiet 2-core machine would show is estimated: start-up S (parent CPU of a
4-article run) plus, per article, the larger of the parent's and the workers' CPU (1 worker) or
half their sum (2 workers: three processes on two cores).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = r"""
import json, resource, sys, time
t0 = time.monotonic()
from qpextract.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": time.monotonic() - t0, "parent": me.ru_utime + me.ru_stime,
                  "workers": kids.ru_utime + kids.ru_stime, "rss_mb": max(me.ru_maxrss, kids.ru_maxrss) / 1024}))
"""


def run(src: Path, inputs: Path, workers: int, out: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(src))
    cmd = [sys.executable, "-c", _CHILD, "extract", str(inputs), "-o", str(out), "--workers", str(workers), "--quiet"]
    res = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=Path, required=True,
                    help="JSONL of real articles (required: the shared corpus holds the held-out articles; "
                         "give the no-held-out file tools/wild_no_heldout.py writes)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--src", type=Path, default=ROOT / "src")
    args = ap.parse_args()
    n = sum(1 for line in open(args.articles, encoding="utf-8") if line.strip())
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "small.jsonl"
        with open(args.articles, encoding="utf-8") as f, open(small, "w", encoding="utf-8") as g:
            for _, line in zip(range(4), f):
                g.write(line)
        out = Path(tmp) / "out.jsonl"
        rows: dict[int, list[dict]] = {1: [], 2: []}
        starts: dict[int, list[dict]] = {1: [], 2: []}
        for _ in range(args.repeat):
            for w in (1, 2):
                starts[w].append(run(args.src, small, w, out))
                rows[w].append(run(args.src, args.articles, w, out))
    print(f"{n} articles, {args.repeat} alternating runs each; load average {os.getloadavg()[0]:.1f}")
    print("| workers | wall s (best) | parent CPU s | workers CPU s | start-up wall s | start-up parent CPU s | peak RSS MB |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    best = {}
    for w in (1, 2):
        r = min(rows[w], key=lambda x: x["parent"] + x["workers"])
        s = min(starts[w], key=lambda x: x["parent"])
        best[w] = (r, s)
        print(f"| {w} | {min(x['wall'] for x in rows[w]):.2f} | {r['parent']:.2f} | {r['workers']:.2f} | "
              f"{min(x['wall'] for x in starts[w]):.2f} | {s['parent']:.2f} | {r['rss_mb']:.0f} |")
    walls = {w: min(x["wall"] for x in rows[w]) for w in (1, 2)}
    print(f"measured wall: 2 workers {walls[1] / walls[2]:.2f}x one")
    (r1, s1), (r2, s2) = best[1], best[2]
    start = (s1["parent"] + s2["parent"]) / 2
    p1, c1 = r1["parent"] - s1["parent"], r1["workers"] - s1["workers"]
    p2, c2 = r2["parent"] - s2["parent"], r2["workers"] - s2["workers"]
    one = start + max(p1, c1)
    two = start + max(p2, c2 / 2, (p2 + c2) / 2)
    print(f"by CPU: start-up {start:.2f} s; per article parent {1000 * p2 / n:.3f} ms, workers {1000 * c2 / n:.3f} ms")
    print(f"estimated quiet 2-core wall: 1 worker {one:.2f} s, 2 workers {two:.2f} s = {one / two:.2f}x "
          f"({max(p1, c1) / max(p2, c2 / 2, (p2 + c2) / 2):.2f}x past start-up)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
