#!/usr/bin/env python3
"""Benchmark qpextract against its floor and against what a user would otherwise use.

    python bench/run.py [--sample N] [--articles PATH] [--seeds DIR] [--markdown]

Prints ONE table (articles/s, ms per article p50/p95/max, peak RSS) with one row per
measurement, then the targets with PASS or GAP. Every row runs in its own Python
subprocess, so imports, caches and memory of one row never pollute another:

  floor          read a JSON line + NFC + one regex pass over the text (no extractor can beat it)
  pipeline       qpextract's full pipeline in one process: ``Pipeline()`` built once and warmed up
                 (excluded), then ``json.loads(line)`` + ``extract(text, title=...)`` per article
  cli 1 worker   ``qpextract extract in.jsonl -o out.jsonl --workers 1``, wall clock end to end
                 (a tiny run of 4 inputs first gives the start-up cost, reported in the notes)
  cli 2 workers  the same with ``--workers 2`` (without ``--workers`` when the CLI lacks it: said so)
  underthesea    ``underthesea.ner()`` over the sentences of a sample of articles (model load and
                 sentence splitting excluded); it finds only PER/LOC/ORG
  dateparser     ``dateparser.search.search_dates(text, languages=["vi"])`` over the same sample
  baseline       with ``--baseline SRC``: the pipeline row again with another checkout's ``src/``
                 (e.g. a ``git worktree`` of an older commit), measured right after the pipeline row,
                 ``--repeat`` times each alternately, best run kept; its speed-up is printed

Inputs: the five seeds bundled with the repository (``--seeds``, default corpus/seeds), plus the
articles of ``--articles`` when given (a JSONL of real articles; none by default). The shared corpus
../shared/corpus-real/articles.jsonl holds the held-out gold articles: measure on the no-held-out file
``tools/wild_no_heldout.py`` writes instead. Ratios are to the floor and to underthesea (on the same
sample of articles). The machine is printed with the table.

"CPU art/s" divides by the row process's CPU time: on a busy machine it stays close to what a
quiet one measures, while wall-clock articles/s drops (the load average is printed with a warning).

Peak RSS is the largest resident set of any process of that row (``ru_maxrss`` of the row
process and of every descendant it waited for), so for the CLI rows it is per worker.
The sources measured are this checkout's ``src/`` (put first on ``PYTHONPATH``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path
from typing import Any, Optional

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
DEFAULT_SEEDS = ROOT / "corpus" / "seeds"

# Targets (COMMON.md / the brief).
TARGET_APS = 300.0  # full pipeline, one process, corpus mix
TARGET_VS_UNDERTHESEA = 100.0
TARGET_RSS_MB = 300.0  # per worker
TARGET_SCALING = 1.8  # 2 workers vs 1 (issue 10)
TARGET_VS_BASELINE = 2.0  # the pipeline vs --baseline (issue 10: vs commit 6e0708a)

STARTUP_ITEMS = 4  # inputs of the tiny CLI run that measures start-up (imports, pipeline, workers)
ROWS = ["floor", "pipeline", "baseline", "cli1", "cli2", "underthesea", "dateparser"]


# --------------------------------------------------------------------------- inputs


def load_lines(articles: Optional[Path], seeds: Optional[Path]) -> list[str]:
    """The benchmark inputs as JSON lines ``{id, title?, text}``: the corpus, then the seeds."""
    lines: list[str] = []
    if articles and articles.is_file():
        with open(articles, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    obj = json.loads(line)
                    item = {"id": obj["id"], "text": obj["text"]}
                    if obj.get("title"):
                        item["title"] = obj["title"]
                    lines.append(json.dumps(item, ensure_ascii=False))
    if seeds and seeds.is_dir():
        for p in sorted(seeds.glob("*.txt")):
            lines.append(json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8")}, ensure_ascii=False))
    return lines


def sample_indices(n_items: int, k: int) -> list[int]:
    """A fixed pseudo-random sample (seed 0) so every row sees the same articles."""
    k = max(0, min(k, n_items))
    return sorted(random.Random(0).sample(range(n_items), k))


def peak_rss_mb(children_only: bool = False) -> float:
    """Largest resident set of this process (and of the descendants it waited for), in MB."""
    scale = 1.0 if sys.platform == "darwin" else 1024.0  # ru_maxrss: bytes on macOS, KiB on Linux
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak = kids if children_only else max(own, kids)
    return peak * scale / (1024 * 1024)


def timings(per_article: list[float], total: float, n: int, cpu: Optional[float] = None) -> dict[str, Any]:
    out: dict[str, Any] = {"n": n, "seconds": total, "aps": n / total if total > 0 else float("inf")}
    if cpu is not None:
        out["cpu_aps"] = n / cpu if cpu > 0 else float("inf")
    if per_article:
        ms = sorted(t * 1000 for t in per_article)
        out["p50"] = statistics.median(ms)
        out["p95"] = ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]
        out["max"] = ms[-1]
    return out


# --------------------------------------------------------------------------- rows (each in its own process)


def row_floor(lines: list[str], sample: list[int]) -> dict[str, Any]:
    import regex

    word = regex.compile(r"\w+")
    per: list[float] = []
    clock = time.perf_counter
    c0 = time.process_time()
    t0 = clock()
    for line in lines:
        a = clock()
        obj = json.loads(line)
        text = unicodedata.normalize("NFC", obj["text"])
        count = 0
        for _ in word.finditer(text):
            count += 1
        per.append(clock() - a)
    return timings(per, clock() - t0, len(lines), time.process_time() - c0)


def row_pipeline(lines: list[str], sample: list[int]) -> dict[str, Any]:
    from qpextract.pipeline import Pipeline

    pipeline = Pipeline()
    # warm-up: lazy caches, first regex uses
    for line in lines[:20]:
        obj = json.loads(line)
        pipeline.safe_extract(obj["id"], obj)
    per: list[float] = []
    errors = 0
    clock = time.perf_counter
    c0 = time.process_time()
    t0 = clock()
    for line in lines:
        a = clock()
        obj = json.loads(line)
        try:
            pipeline.extract(obj["text"], id=obj["id"], title=obj.get("title"))
        except Exception:  # noqa: BLE001 - a bench counts failures, the tests hunt them
            errors += 1
        per.append(clock() - a)
    out = timings(per, clock() - t0, len(lines), time.process_time() - c0)
    out["errors"] = errors
    # the same sample the baselines see, for a like-for-like ratio
    t1, c1 = clock(), time.process_time()
    for i in sample:
        obj = json.loads(lines[i])
        try:
            pipeline.extract(obj["text"], id=obj["id"], title=obj.get("title"))
        except Exception:  # noqa: BLE001
            pass
    out["sample_aps"] = len(sample) / (clock() - t1) if sample else None
    out["sample_cpu_aps"] = len(sample) / max(1e-9, time.process_time() - c1) if sample else None
    return out


def cli_help(env: dict[str, str]) -> str:
    res = subprocess.run(
        [sys.executable, "-m", "qpextract", "extract", "--help"],
        env={**env, "COLUMNS": "200", "NO_COLOR": "1"}, capture_output=True, text=True,
    )
    return res.stdout


def _run_cli(lines: list[str], env: dict[str, str], extra: list[str], tmp: Path, tag: str) -> tuple[float, Any, int, int]:
    src = tmp / f"in-{tag}.jsonl"
    dst = tmp / f"out-{tag}.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "qpextract", "extract", str(src), "-o", str(dst), *extra]
    t0 = time.perf_counter()
    res = subprocess.run(cmd, env=env, capture_output=True, text=True)
    total = time.perf_counter() - t0
    written = errors = 0
    if dst.is_file():
        with open(dst, encoding="utf-8") as f:
            for line in f:
                written += 1
                errors += json.loads(line).get("error") is not None
    return total, res, written, errors


def row_cli(lines: list[str], sample: list[int], workers: int) -> dict[str, Any]:
    """The CLI end to end; a second, tiny run (STARTUP_ITEMS inputs) estimates the fixed start-up cost."""
    env = child_env()
    help_text = cli_help(env)
    has_workers = "--workers" in help_text
    extra: list[str] = []
    if has_workers:
        extra += ["--workers", str(workers)]
    if "--quiet" in help_text:
        extra += ["--quiet"]  # no progress bar: it is not what is measured
    with tempfile.TemporaryDirectory(prefix="qpx-bench-") as tmp:
        startup, _, _, _ = _run_cli(lines[:STARTUP_ITEMS], env, extra, Path(tmp), "startup")
        total, res, written, errors = _run_cli(lines, env, extra, Path(tmp), "all")
    out = timings([], total, len(lines))
    steady = (len(lines) - STARTUP_ITEMS) / (total - startup) if total > startup and len(lines) > STARTUP_ITEMS else None
    out.update(
        has_workers=has_workers,
        workers=workers if has_workers else 1,
        returncode=res.returncode,
        written=written,
        errors=errors,
        startup_s=startup,
        steady_aps=steady,
        stderr=res.stderr[-400:] if res.returncode not in (0, 1) else "",
        rss_children_only=True,
    )
    return out


def _sample_texts(lines: list[str], sample: list[int]) -> list[str]:
    return [json.loads(lines[i])["text"] for i in sample]


def row_underthesea(lines: list[str], sample: list[int], budget: float) -> dict[str, Any]:
    from underthesea import ner, sent_tokenize

    texts = _sample_texts(lines, sample)
    sentences = [[s for s in sent_tokenize(t) if s.strip()] for t in texts]
    ner("Đại tá Nguyễn Văn A làm việc tại Hà Nội.")  # loads the model: excluded
    per: list[float] = []
    entities = 0
    clock = time.perf_counter
    c0 = time.process_time()
    t0 = clock()
    for sents in sentences:
        a = clock()
        for s in sents:
            for tok in ner(s):
                entities += tok[-1] != "O"
        per.append(clock() - a)
        if clock() - t0 > budget:
            break
    out = timings(per, clock() - t0, len(per), time.process_time() - c0)
    out.update(sentences=sum(len(s) for s in sentences[: len(per)]), entity_tokens=entities, budget_hit=len(per) < len(texts))
    return out


def row_dateparser(lines: list[str], sample: list[int], budget: float) -> dict[str, Any]:
    from dateparser.search import search_dates

    texts = _sample_texts(lines, sample)
    search_dates("ngày 22 tháng 3 năm 2024", languages=["vi"])  # loads language data: excluded
    per: list[float] = []
    found = 0
    clock = time.perf_counter
    c0 = time.process_time()
    t0 = clock()
    for text in texts:
        a = clock()
        try:
            found += len(search_dates(text, languages=["vi"]) or [])
        except Exception:  # noqa: BLE001 - dateparser raises on some inputs; still a cost
            pass
        per.append(clock() - a)
        if clock() - t0 > budget:
            break
    out = timings(per, clock() - t0, len(per), time.process_time() - c0)
    out.update(dates_found=found, budget_hit=len(per) < len(texts))
    return out


def child_env(src: Path = SRC) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(src)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    env.setdefault("PYTHONHASHSEED", "0")
    return env


def run_row_here(args: argparse.Namespace) -> None:
    """``--row NAME``: measure one row in this process and print its JSON on the last line."""
    sys.path.insert(0, str(args.src or SRC))
    lines = load_lines(args.articles, args.seeds)
    if args.limit:
        lines = lines[: args.limit]
    sample = sample_indices(len(lines), args.sample)
    name = args.row
    if name == "floor":
        out = row_floor(lines, sample)
    elif name in ("pipeline", "baseline"):
        out = row_pipeline(lines, sample)
    elif name == "cli1":
        out = row_cli(lines, sample, 1)
    elif name == "cli2":
        out = row_cli(lines, sample, args.workers)
    elif name == "underthesea":
        out = row_underthesea(lines, sample, args.budget)
    elif name == "dateparser":
        out = row_dateparser(lines, sample, args.budget)
    else:
        raise SystemExit(f"unknown row {name!r}")
    out["rss_mb"] = peak_rss_mb(children_only=bool(out.get("rss_children_only")))
    print(json.dumps(out))


# --------------------------------------------------------------------------- driver


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 1
    return (
        f"{cpu}, {os.cpu_count()} logical cores ({usable} usable), "
        f"Python {platform.python_version()} ({platform.python_implementation()}), {platform.system()} {platform.release()}"
    )


def measure(name: str, args: argparse.Namespace) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--row", name, "--sample", str(args.sample),
           "--budget", str(args.budget), "--workers", str(args.workers)]
    if args.articles:
        cmd += ["--articles", str(args.articles)]
    if args.seeds:
        cmd += ["--seeds", str(args.seeds)]
    if args.limit:
        cmd += ["--limit", str(args.limit)]
    src = SRC
    if name == "baseline":
        src = Path(args.baseline).resolve()
        cmd += ["--src", str(src)]
    print(f"  measuring {name} ...", file=sys.stderr, flush=True)
    res = subprocess.run(cmd, env=child_env(src), capture_output=True, text=True)
    if res.returncode != 0 or not res.stdout.strip():
        tail = (res.stderr or res.stdout).strip().splitlines()[-1:] or ["no output"]
        return {"failed": tail[0][:160]}
    return json.loads(res.stdout.strip().splitlines()[-1])


def fmt(v: Optional[float], spec: str = ".1f") -> str:
    return "—" if v is None else format(v, spec)


def render(results: dict[str, dict[str, Any]], args: argparse.Namespace, n_items: int, n_sample: int) -> str:
    floor = results.get("floor", {}).get("aps")
    ut = results.get("underthesea", {}).get("aps")
    cli2 = results.get("cli2", {})
    w = cli2.get("workers", args.workers) if cli2.get("has_workers", True) else 1
    labels = {
        "floor": "floor: read + NFC + 1 regex pass",
        "pipeline": "qpextract pipeline, 1 process",
        "baseline": f"baseline pipeline ({getattr(args, 'baseline', None)}), 1 process",
        "cli1": "qpextract CLI --workers 1 (end to end)",
        "cli2": f"qpextract CLI --workers {args.workers} (end to end)",
        "underthesea": f"underthesea ner() ({n_sample}-article sample)",
        "dateparser": f"dateparser search_dates vi ({n_sample}-article sample)",
    }
    for key in ("cli1", "cli2"):
        if results.get(key) and not results[key].get("failed") and not results[key].get("has_workers", True):
            labels[key] = "qpextract CLI (no --workers on main yet; 1 process)"
    header = ["what", "articles", "articles/s", "CPU art/s", "ms p50", "ms p95", "ms max", "peak RSS MB", "x floor", "x underthesea"]
    rows = []
    for name in ROWS:
        r = results.get(name)
        if r is None:
            continue
        if r.get("failed"):
            rows.append([labels[name], "—", "failed: " + r["failed"], "", "", "", "", "", "", ""])
            continue
        aps = r["aps"]
        vs_ut = None
        if ut:
            vs_ut = (r.get("sample_aps") or aps) / ut
        rows.append([
            labels[name] + (" (budget hit)" if r.get("budget_hit") else ""),
            str(r["n"]),
            fmt(aps),
            fmt(r.get("cpu_aps")),
            fmt(r.get("p50"), ".2f"),
            fmt(r.get("p95"), ".2f"),
            fmt(r.get("max"), ".1f"),
            fmt(r.get("rss_mb"), ".0f"),
            fmt(aps / floor if floor else None, ".3f"),
            fmt(vs_ut, ".1f"),
        ])
    out: list[str] = []
    if args.markdown:
        out.append("| " + " | ".join(header) + " |")
        out.append("|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|")
        out += ["| " + " | ".join(r) + " |" for r in rows]
    else:
        widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
        out.append("  ".join(h.ljust(widths[i]) if i == 0 else h.rjust(widths[i]) for i, h in enumerate(header)))
        out.append("  ".join("-" * w_ for w_ in widths))
        for r in rows:
            out.append("  ".join(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(r)))
    out.append("")
    out.append(f"Inputs: {n_items} articles ({args.articles or 'no corpus'} + seeds {args.seeds}); "
               f"baseline sample: {n_sample} articles (seed 0). x underthesea: that row's articles/s on the "
               f"same sample for the pipeline, else its corpus articles/s, over underthesea's.")
    out.append(f"Machine: {machine()}")
    load = getattr(args, "load", None)
    if load:
        cores = os.cpu_count() or 1
        busy = max(load) > cores  # the row being measured adds about 1 itself
        out.append(f"Load average (1 min) before/after: {load[0]:.2f} / {load[1]:.2f}"
                   + (f" -> BUSY machine ({cores} cores): wall-clock figures are pessimistic; the CPU art/s "
                      f"column (process CPU time) is closer to a quiet machine" if busy else " (quiet)"))
    extras = []
    p = results.get("pipeline", {})
    if p.get("errors"):
        extras.append(f"pipeline raised on {p['errors']} article(s)")
    for key in ("cli1", "cli2"):
        r = results.get(key, {})
        if r and not r.get("failed"):
            extras.append(f"{key}: exit {r['returncode']}, {r['written']} lines written, {r['errors']} error lines, "
                          f"start-up {r['startup_s']:.2f} s ({STARTUP_ITEMS} inputs), "
                          f"{fmt(r.get('steady_aps'))} articles/s past start-up"
                          + (f", stderr: {r['stderr']!r}" if r.get("stderr") else ""))
    if results.get("underthesea") and not results["underthesea"].get("failed"):
        u = results["underthesea"]
        extras.append(f"underthesea: {u['sentences']} sentences, {u['entity_tokens']} entity tokens")
    if results.get("dateparser") and not results["dateparser"].get("failed"):
        extras.append(f"dateparser: {results['dateparser']['dates_found']} dates found")
    if extras:
        out.append("Notes: " + "; ".join(extras))
    out.append("")
    out += [("- " if args.markdown else "") + line for line in targets(results, args)]
    return "\n".join(out)


def targets(results: dict[str, dict[str, Any]], args: argparse.Namespace) -> list[str]:
    def verdict(ok: Optional[bool]) -> str:
        return "n/a " if ok is None else ("PASS" if ok else "GAP ")

    p = results.get("pipeline", {})
    ut = results.get("underthesea", {})
    c1, c2 = results.get("cli1", {}), results.get("cli2", {})
    lines = []
    aps = p.get("aps")
    cpu = p.get("cpu_aps")
    lines.append(f"{verdict(None if aps is None else aps >= TARGET_APS)} full pipeline >= {TARGET_APS:.0f} articles/s "
                 f"in one process: {fmt(aps)} wall-clock ({fmt(cpu)} by CPU time"
                 f"{', which passes' if cpu and cpu >= TARGET_APS else ''})")
    ratio = (p.get("sample_aps") / ut["aps"]) if p.get("sample_aps") and ut.get("aps") else None
    cpu_ratio = (p["sample_cpu_aps"] / ut["cpu_aps"]) if p.get("sample_cpu_aps") and ut.get("cpu_aps") else None
    lines.append(f"{verdict(None if ratio is None else ratio >= TARGET_VS_UNDERTHESEA)} >= {TARGET_VS_UNDERTHESEA:.0f}x "
                 f"underthesea ner() articles/s (same sample): {fmt(ratio)}x wall-clock ({fmt(cpu_ratio)}x by CPU time)")
    rss = [r["rss_mb"] for r in (p, c1, c2) if r.get("rss_mb") is not None]
    peak = max(rss) if rss else None
    lines.append(f"{verdict(None if peak is None else peak < TARGET_RSS_MB)} peak RSS < {TARGET_RSS_MB:.0f} MB per "
                 f"worker (largest of pipeline/CLI processes): {fmt(peak, '.0f')} MB")
    b = results.get("baseline", {})
    if b.get("aps") and aps:
        lines.append(f"{verdict(aps >= TARGET_VS_BASELINE * b['aps'])} >= {TARGET_VS_BASELINE:.0f}x the baseline's "
                     f"articles/s (same run): {aps / b['aps']:.2f}x wall-clock "
                     f"({fmt(cpu / b['cpu_aps'] if cpu and b.get('cpu_aps') else None, '.2f')}x by CPU time)")
    if c1.get("aps") and c2.get("aps") and c2.get("has_workers"):
        scale = c2["aps"] / c1["aps"]
        steady = (c2["steady_aps"] / c1["steady_aps"]) if c1.get("steady_aps") and c2.get("steady_aps") else None
        lines.append(f"{verdict(scale >= TARGET_SCALING)} {args.workers} workers >= {TARGET_SCALING}x one "
                     f"(CLI end to end): {scale:.2f}x ({fmt(steady, '.2f')}x past start-up)")
    elif not c1 or not c2 or c1.get("failed") or c2.get("failed"):
        lines.append(f"n/a  {args.workers} workers >= {TARGET_SCALING}x one: rows cli1/cli2 not measured or failed")
    else:
        lines.append(f"n/a  {args.workers} workers >= {TARGET_SCALING}x one: the CLI on this checkout has no --workers")
    return lines


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 2)[2])
    ap.add_argument("--sample", type=int, default=40, help="articles in the underthesea/dateparser sample (default 40)")
    ap.add_argument("--articles", type=Path, default=None,
                    help="JSONL of real articles measured with the seeds (default: none, the bundled seeds only; "
                         "not the shared corpus, which holds the held-out articles: tools/wild_no_heldout.py)")
    ap.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help=f"seed .txt folder (default {DEFAULT_SEEDS})")
    ap.add_argument("--markdown", action="store_true", help="print the table in Markdown (for the README)")
    ap.add_argument("--workers", type=int, default=2, help="workers of the parallel CLI row (default 2)")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N inputs (quick runs)")
    ap.add_argument("--budget", type=float, default=300.0,
                    help="seconds after which a baseline row stops and reports what it did (default 300)")
    ap.add_argument("--rows", default=",".join(ROWS), help=f"comma-separated subset of {','.join(ROWS)}")
    ap.add_argument("--baseline", type=Path, help="another checkout's src/ to measure as the 'baseline' row")
    ap.add_argument("--repeat", type=int, default=1, help="runs of the pipeline and baseline rows, alternately; best kept")
    ap.add_argument("--src", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--row", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.row:
        run_row_here(args)
        return 0
    if args.articles is not None and not Path(args.articles).is_file():
        print(f"warning: no real corpus at {args.articles}: seeds only", file=sys.stderr)
        args.articles = None
    lines = load_lines(args.articles, args.seeds)
    if args.limit:
        lines = lines[: args.limit]
    if not lines:
        print("no input articles found", file=sys.stderr)
        return 2
    n_sample = len(sample_indices(len(lines), args.sample))
    wanted = [r.strip() for r in args.rows.split(",") if r.strip()]
    unknown = sorted(set(wanted) - set(ROWS))
    if unknown:
        ap.error(f"unknown rows: {', '.join(unknown)}")
    print(f"qpextract bench: {len(lines)} inputs, rows {', '.join(wanted)} (each in its own process)", file=sys.stderr)
    load0 = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    if not args.baseline:
        wanted = [r for r in wanted if r != "baseline"]
    results: dict[str, dict[str, Any]] = {}
    for name in ROWS:
        if name not in wanted or name in results:
            continue
        if name == "pipeline" and "baseline" in wanted:  # side by side: alternate, keep each one's best
            for _ in range(max(1, args.repeat)):
                for which in ("baseline", "pipeline"):
                    r = measure(which, args)
                    if "failed" in r or r.get("cpu_aps", 0) >= results.get(which, {}).get("cpu_aps", -1):
                        results[which] = r
            continue
        results[name] = measure(name, args)
    if load0 is not None:
        args.load = (load0, os.getloadavg()[0])
    print(render(results, args, len(lines), n_sample))
    return 0


if __name__ == "__main__":
    sys.exit(main())
