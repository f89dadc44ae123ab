"""Leave-one-set-out figure of role-rule changes, from the hit tables of tools/role_rules_table.py.

    python tools/role_loso.py BASE.tsv STEP1.tsv [STEP2.tsv ...]

Each TSV is the --rows output of tools/role_rules_table.py at one step (BASE: before any change; STEPk: after the
first k changes, applied in order). A change is the difference between consecutive steps. For each development set
left out, every change is adopted when it does more good than harm on the other sets (participant.role right minus
wrong, plus participants found minus false ones, summed; a tie is not adopted), and the left-out set is measured with
the adopted changes only (a change's effect on a set is read from the step tables, assuming effects add up). Prints,
per set and pooled, participant.role right/matched before, in sample (all changes) and leave-one-set-out.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path


def load(path: Path) -> dict[str, dict[tuple[str, str], tuple[str, str]]]:
    """set -> (article id, name) -> (role, gold role) of every participant the library gives."""
    out: dict[str, dict[tuple[str, str], tuple[str, str]]] = defaultdict(dict)
    with open(path, encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            s, aid, name, _rule, role, gold = line.rstrip("\n").split("\t")
            out[s][(aid, name)] = (role, gold)
    return out


def figures(rows: dict[tuple[str, str], tuple[str, str]]) -> tuple[int, int, int]:
    """(roles right, names matched, false participants) of one set's rows."""
    matched = [(r, g) for r, g in rows.values() if g != "-"]
    return sum(r == g for r, g in matched), len(matched), sum(g == "-" for _, g in rows.values())


def main(argv: list[str]) -> None:
    """Print the table."""
    steps = [load(Path(p)) for p in argv]
    sets = sorted(set().union(*steps))
    # a change's effect on a set: (d right, d matched, d false) between consecutive steps
    effect = {
        (k, s): tuple(b - a for a, b in zip(figures(steps[k][s]), figures(steps[k + 1][s])))
        for k in range(len(steps) - 1)
        for s in sets
    }

    def good(d: tuple[int, int, int]) -> int:
        """Right roles gained minus wrong ones, plus names found minus false participants."""
        right, matched, false = d
        return right - (matched - right) + matched - false

    print(f"{'set':<10}{'before':>12}{'in sample':>12}{'loso':>12}")
    tot = [[0, 0], [0, 0], [0, 0]]
    for s in sets:
        r0, m0, _ = figures(steps[0][s])
        r1, m1, _ = figures(steps[-1][s])
        r2, m2 = r0, m0
        for k in range(len(steps) - 1):
            if sum(good(effect[(k, o)]) for o in sets if o != s) > 0:
                r2, m2 = r2 + effect[(k, s)][0], m2 + effect[(k, s)][1]
        for t, (r, m) in zip(tot, ((r0, m0), (r1, m1), (r2, m2))):
            t[0] += r
            t[1] += m
        print(f"{s:<10}{f'{r0}/{m0}':>12}{f'{r1}/{m1}':>12}{f'{r2}/{m2}':>12}")
    cells = "".join(f"{f'{r}/{m} {r / m:.4f}':>18}" for r, m in tot)
    print(f"{'pooled':<10}{cells}")


if __name__ == "__main__":
    main(sys.argv[1:])
