#!/usr/bin/env python3
"""Where the full pipeline spends its time, over the bundled seeds and the articles of ``--articles``.

    python bench/profile.py [--articles PATH] [--seeds DIR] [--limit N] [--top N] [--pyinstrument]

Prints three tables:

1. by component: CPU time of the normalizer, of each pipeline component and of
   ``to_article()`` (pydantic validation), timed around each call without a profiler
   (so the shares are not skewed by profiling overhead);
2. by module: cProfile's own time (tottime) summed per source file, qpextract's files
   first-class, everything else grouped by top-level package (regex, pydantic, ...);
3. by function: cProfile's top functions by own time and by cumulative time.

With ``--pyinstrument`` (if installed) a pyinstrument call tree is printed as well.
The sources profiled are this checkout's ``src/``.
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file is named profile.py: keep its folder off sys.path so that the standard
# library's ``profile`` (which cProfile imports) is not shadowed by it.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]

import argparse  # noqa: E402
import cProfile  # noqa: E402
import importlib.util  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import pstats  # noqa: E402
import time  # noqa: E402
from collections import defaultdict  # noqa: E402
from typing import Any, Optional  # noqa: E402

ROOT = _HERE.parent
sys.path.insert(0, str(ROOT / "src"))
_spec = importlib.util.spec_from_file_location("qpx_bench_run", _HERE / "run.py")
_run = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(_run)  # type: ignore[union-attr]
DEFAULT_SEEDS, load_lines = _run.DEFAULT_SEEDS, _run.load_lines


def items(args: argparse.Namespace) -> list[dict[str, Any]]:
    articles = args.articles if args.articles and Path(args.articles).is_file() else None
    if args.articles and articles is None:
        print(f"warning: no real corpus at {args.articles}: seeds only", file=sys.stderr)
    out = [json.loads(line) for line in load_lines(articles, args.seeds)]
    return out[: args.limit] if args.limit else out


# CPU time of this process: on a busy machine it stays close to what a quiet one measures
CLOCK = time.process_time


class Timed:
    """Wraps a component (or the normalizer) and adds up its wall time."""

    def __init__(self, name: str, inner: Any, totals: dict[str, float]) -> None:
        self.name = name
        self.inner = inner
        self.totals = totals

    def __call__(self, *a: Any, **kw: Any) -> Any:
        t = CLOCK()
        try:
            return self.inner(*a, **kw)
        finally:
            self.totals[self.name] += CLOCK() - t


def by_component(data: list[dict[str, Any]]) -> tuple[dict[str, float], float]:
    from qpextract.pipeline import Pipeline

    pipeline = Pipeline()
    for it in data[:20]:  # warm-up
        pipeline.safe_extract(it["id"], it)
    totals: dict[str, float] = defaultdict(float)
    pipeline.normalizer = Timed("normalizer (text + title)", pipeline.normalizer, totals)  # type: ignore[assignment]
    pipeline.components = [Timed(getattr(c, "name", type(c).__name__), c, totals) for c in pipeline.components]
    t0 = CLOCK()
    for it in data:
        try:
            doc = pipeline.document(it["text"], id=it["id"], title=it.get("title"))
        except Exception:  # noqa: BLE001
            continue
        t = CLOCK()
        doc.to_article()
        totals["to_article (pydantic)"] += CLOCK() - t
    return dict(totals), CLOCK() - t0


def module_key(filename: str) -> str:
    """qpextract files by path inside the package; the rest by top-level package."""
    f = filename.replace(os.sep, "/")
    if "/qpextract/" in f:
        return "qpextract/" + f.split("/qpextract/", 1)[1]
    if "site-packages/" in f:
        return f.split("site-packages/", 1)[1].split("/", 1)[0].removesuffix(".py")
    if f.startswith("~") or f.startswith("<"):
        return "builtins (C: re/regex/str/list methods)"
    return "stdlib:" + Path(f).stem


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=Path, default=None,
                    help="JSONL of real articles profiled with the seeds (default: none, the bundled seeds only; "
                         "not the shared corpus, which holds the held-out articles: tools/wild_no_heldout.py)")
    ap.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    ap.add_argument("--limit", type=int, default=0, help="only the first N inputs")
    ap.add_argument("--top", type=int, default=25, help="functions per table (default 25)")
    ap.add_argument("--pyinstrument", action="store_true", help="also print a pyinstrument call tree")
    args = ap.parse_args(argv)
    data = items(args)
    n = len(data)

    totals, wall = by_component(data)
    print(f"# By component, CPU time ({n} articles, {wall:.2f} s, {n / wall:.1f} articles/s without profiler)")
    print(f"{'component':32s} {'CPU s':>8s} {'ms/article':>10s} {'share':>6s}")
    for name, t in sorted(totals.items(), key=lambda kv: -kv[1]):
        print(f"{name:32s} {t:8.3f} {1000 * t / n:10.3f} {100 * t / wall:5.1f}%")
    rest = wall - sum(totals.values())
    print(f"{'(pipeline glue, Document)':32s} {rest:8.3f} {1000 * rest / n:10.3f} {100 * rest / wall:5.1f}%")

    from qpextract.pipeline import Pipeline

    pipeline = Pipeline()
    for it in data[:20]:
        pipeline.safe_extract(it["id"], it)
    prof = cProfile.Profile()
    prof.enable()
    for it in data:
        pipeline.safe_extract(it["id"], it)
    prof.disable()
    stats = pstats.Stats(prof)
    total = stats.total_tt  # type: ignore[attr-defined]

    per_module: dict[str, float] = defaultdict(float)
    rows = []
    for (filename, line, func), (cc, nc, tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        per_module[module_key(filename)] += tt
        rows.append((tt, ct, nc, f"{module_key(filename)}:{line}({func})"))
    print(f"\n# By module, own time under cProfile (total {total:.2f} s)")
    for mod, t in sorted(per_module.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"{t:8.3f} s {100 * t / total:5.1f}%  {mod}")
    print(f"\n# Top {args.top} functions by own time (tottime)")
    print(f"{'tottime':>8s} {'cumtime':>8s} {'calls':>9s}  function")
    for tt, ct, nc, name in sorted(rows, reverse=True)[: args.top]:
        print(f"{tt:8.3f} {ct:8.3f} {nc:9d}  {name}")
    print(f"\n# Top {args.top} qpextract functions by cumulative time (cumtime)")
    own = [r for r in rows if r[3].startswith("qpextract/")]
    for tt, ct, nc, name in sorted(own, key=lambda r: -r[1])[: args.top]:
        print(f"{tt:8.3f} {ct:8.3f} {nc:9d}  {name}")

    if args.pyinstrument:
        try:
            from pyinstrument import Profiler
        except ImportError:
            print("\n(pyinstrument not installed)")
            return 0
        profiler = Profiler(interval=0.0005)
        profiler.start()
        for it in data:
            pipeline.safe_extract(it["id"], it)
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False, show_all=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
