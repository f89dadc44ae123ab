"""Linear time of the temporal extractor on hostile input: times at 100 KB and 1 MB.

    PYTHONPATH=src python bench/temporal_linear.py [--sizes 100000 1000000]

Each hostile text is a unit repeated to the size (digits and slashes, "tháng"
and "năm" chains, dangling parts of day, names, a line without punctuation).
A linear scan takes about ten times as long on ten times the text; the ratio
column says how far each input is from that. tests/test_temporal_linear.py
imports HOSTILE and ``measure`` from here.
"""

from __future__ import annotations

import argparse
import time
from typing import Callable

HOSTILE: dict[str, str] = {
    "slashes": "1/1/",
    "digits": "1234567890",
    "spaced digits": "1 ",
    "date chain": "12/12/2020 ",
    "dash years": "2020-",
    "dotted": "1.1.",
    "tháng chain": "tháng 1/",
    "tháng words": "tháng ",
    "năm words": "năm ",
    "năm digits": "năm 1",
    "part of day": "sáng ngày ",
    "weekday": "thứ hai, ",
    "from-to": "từ ngày 1/3 đến ",
    "clock": "14h30 ",
    "period word": "giai đoạn 2015 - ",
    "quarter": "quý I/",
    "tết": "Tết Ất ",
    "names": "Nguyễn Văn ",
    "đồng chí": "đồng chí, ",
    "one line": "lực lượng vũ trang thành phố tổ chức huấn luyện ",
}


def hostile(unit: str, size: int) -> str:
    """``unit`` repeated to ``size`` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def measure(run: Callable[[str], object], text: str, repeat: int = 2) -> float:
    """Best CPU time of ``run(text)`` over ``repeat`` runs (CPU time: other load does not count)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        run(text)
        best = min(best, time.process_time() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs=2, default=[100_000, 1_000_000], metavar=("SMALL", "LARGE"))
    a = ap.parse_args(argv)
    from qpextract.document import Reference
    from qpextract.extractors.temporal import TemporalExtractor

    extractor = TemporalExtractor()
    ref = Reference(2023, None, None, "title")

    def run(text: str) -> int:
        return len(extractor.expressions(text, ref))

    small, large = a.sizes
    print(f"{'input':16s} {'records':>8s} {small // 1000:>6d} KB {large // 1000:>6d} KB  ratio")
    for name, unit in HOSTILE.items():
        t_small = measure(run, hostile(unit, small))
        t_large = measure(run, hostile(unit, large))
        n = run(hostile(unit, large))
        ratio = t_large / t_small if t_small > 0 else float("nan")
        print(f"{name:16s} {n:8d} {t_small * 1000:8.1f} ms {t_large * 1000:8.1f} ms  {ratio:5.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
