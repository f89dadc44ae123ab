"""One examples-file shape and one harness for every component (tests/test_examples.py runs them).

An examples file is YAML::

    shape: qpextract-examples/1
    components: [temporal]        # the components run, by name (default: the whole pipeline)
    defaults: {exact: true}       # keys every case starts from
    cases:
      - name: optional label
        text: "Sáng ngày 16/10/2020, ..."
        title: optional             # published: optional, as for Pipeline.extract
        reference: "2023"           # optional reference date: none | YYYY (a title year) | YYYY-MM-DD
        expect:                     # Article fields
          dates: [{text: "Sáng ngày 16/10/2020", value: "2020-10-16", part_of_day: morning}]
          title: "..."              # a scalar field is compared as is
        absent:                     # records that must not be found
          events: [{type: training}]
        exact: true                 # the listed fields hold nothing else (an empty list: nothing at all)
        ordered: true               # found in this order
        rules: {metadata: [title.headline, byline.names]}  # the rules each component fired, in order

An expected record lists only the fields it checks: ``key: value`` is equality (numbers to
1e-3; a ``text`` is normalized first, so examples are written as printed), ``key~: words``
asks that every word of it (case- and tone-insensitive) appears in the field, ``key+: [...]``
that these items are among the field's (in any order: "participants+"), a mapping is
checked the same way one level down, and a record written as a plain string is what the
record covers in the input (``original[start:end]``), or its ``name`` when it has no span. Every record of a checked field must
also point at its text: ``original[start:end]`` reads as its ``text`` (or ``trigger``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

import yaml

from qpextract.document import Reference
from qpextract.evaluate import fold
from qpextract.pipeline import Component, Pipeline, default_components
from qpextract.text.normalize import normalize

SHAPE = "qpextract-examples/1"
PACKAGE = Path(__file__).resolve().parent
_WORD = re.compile(r"\w+")


@dataclass
class Case:
    """One example: an input and what the components must (and must not) find in it."""

    text: str
    expect: dict[str, Any] = field(default_factory=dict)
    absent: dict[str, list[Any]] = field(default_factory=dict)
    name: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None
    reference: Optional[str] = None
    exact: bool = False
    ordered: bool = False
    rules: dict[str, list[str]] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return self.name or self.text[:50].replace("\n", " ")


@dataclass
class ExampleFile:
    path: Path
    components: Optional[tuple[str, ...]]
    cases: list[Case]


def example_files(root: Path = PACKAGE) -> list[Path]:
    """Every examples file in this shape under ``root`` (the package by default)."""
    out = []
    for p in sorted(root.rglob("*.yaml")):
        if "examples" in p.name or p.parent.name == "examples":
            with open(p, encoding="utf-8") as f:
                head = f.read(2000)
            if re.search(rf"^shape:\s*{re.escape(SHAPE)}\s*$", head, re.M):
                out.append(p)
    return out


def load(path: Path) -> ExampleFile:
    """An examples file; a case with an unknown key raises (a typo must not pass silently)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("shape") != SHAPE:
        raise ValueError(f"{path}: not a {SHAPE} file")
    defaults = data.get("defaults") or {}
    cases = []
    for n, raw in enumerate(data.get("cases") or []):
        merged = {**defaults, **raw}
        if "reference" in merged and merged["reference"] is not None:
            merged["reference"] = str(merged["reference"])
        try:
            cases.append(Case(**merged))
        except TypeError as exc:
            raise ValueError(f"{path}: case {n}: {exc}") from None
    comps = data.get("components")
    return ExampleFile(Path(path), tuple(comps) if comps is not None else None, cases)


def reference_of(written: Optional[str]) -> Optional[Reference]:
    """``none`` | ``YYYY`` (a title year) | ``YYYY-MM-DD`` (a published date) as a Reference."""
    if written is None:
        return None
    if written == "none":
        return Reference()
    parts = [int(p) for p in written.split("-")]
    if len(parts) == 1:
        return Reference(parts[0], None, None, "title")
    return Reference(parts[0], parts[1], parts[2], "published")


@lru_cache(maxsize=1)
def _all_components() -> tuple[Component, ...]:
    return tuple(default_components())


def components_named(names: Optional[Sequence[str]]) -> list[Component]:
    """The default pipeline's components with these names, in pipeline order (None: all)."""
    comps = _all_components()
    if names is None:
        return list(comps)
    known = {c.name for c in comps}
    unknown = set(names) - known
    if unknown:
        raise ValueError(f"unknown components {sorted(unknown)} (known: {sorted(known)})")
    return [c for c in comps if c.name in names]


def run(case: Case, components: Sequence[Component]) -> tuple[Any, str]:
    """The Article of ``case`` through ``components``, and its input; a case's reference date
    is set before the components run and wins over the one the metadata reader finds."""
    article, original, _ = run_traced(case, components)
    return article, original


def run_traced(case: Case, components: Sequence[Component]) -> tuple[Any, str, list[tuple[str, str, str]]]:
    """Like :func:`run`, with the rule trace (component, rule, text) that `explain` shows."""
    doc = Pipeline(components=[]).document(case.text, title=case.title, published=case.published)
    reference = reference_of(case.reference)
    if reference is not None:
        doc.reference = reference
    for c in components:
        c(doc)
        if reference is not None:
            doc.reference = reference
    return doc.to_article(), case.text, doc.trace


def check(case: Case, components: Sequence[Component]) -> list[str]:
    """What is wrong with ``case`` (empty when it passes)."""
    article, original, trace = run_traced(case, components)
    problems: list[str] = []
    for component, want_rules in case.rules.items():
        fired = [rule for comp, rule, _ in trace if comp == component]
        if fired != want_rules:
            problems.append(f"rules of {component}: expected {want_rules}, fired {fired}")
    for key, want in case.expect.items():
        name = key.rstrip("~")
        got = getattr(article, name)
        if key.endswith("~"):
            if not _words_in(want, got):
                problems.append(f"{name}: expected the words of {want!r}, got {got!r}")
        elif isinstance(want, list):
            problems += _check_list(name, got, want, original, exact=case.exact or not want, ordered=case.ordered)
        elif not _equal(got, want, name):
            problems.append(f"{name}: expected {want!r}, got {got!r}")
    for name, unwanted in case.absent.items():
        for u in unwanted:
            hits = [r for r in getattr(article, name) if _matches(r, u, original)]
            if hits:
                problems.append(f"{name}: found {_show(hits)} although the example says {u!r} is not there")
    for name in {k.rstrip("~") for k in (*case.expect, *case.absent)}:
        for r in getattr(article, name, None) or []:
            source = case.title if getattr(r, "field", None) == "title" and case.title else original  # a headline's record
            problems += _points_at_its_text(name, r, source)
    for event in article.events:  # a participant's index points at the official of that name
        for p in event.participants:
            if p.official is not None and (p.official >= len(article.officials) or article.officials[p.official].name != p.name):
                problems.append(f"events: participant {p.name!r} points at officials[{p.official}]")
    return problems


# -- comparing ------------------------------------------------------------------------------


def _check_list(name: str, got: list[Any], want: list[Any], original: str, *, exact: bool, ordered: bool) -> list[str]:
    if ordered:
        if exact and len(got) != len(want):
            return [f"{name}: expected {len(want)} ({_show_want(want)}), got {len(got)}: {_show(got)}"]
        pos = 0
        for w in want:
            k = next((i for i in range(pos, len(got)) if _matches(got[i], w, original)), None)
            if k is None:
                return [f"{name}: nothing found for {w!r} (in order); got {_show(got)}"]
            pos = k + 1
        return []
    free = list(range(len(got)))
    problems = []
    for w in want:
        k = next((i for i in free if _matches(got[i], w, original)), None)
        if k is None:
            problems.append(f"{name}: nothing found for {w!r}; got {_show(got)}")
        else:
            free.remove(k)
    if exact and free and not problems:
        problems.append(f"{name}: competing readings {_show([got[i] for i in free])}")
    return problems


def _matches(record: Any, want: Any, original: str) -> bool:
    if isinstance(want, str) and not isinstance(record, str):
        if getattr(record, "start", None) is not None:
            return original[record.start : record.end] == want
        return want in (getattr(record, "name", None), getattr(record, "text", None))  # Official, Decoration
    if not isinstance(want, dict):
        return _equal(record, want, "")
    for key, value in want.items():
        words, some = key.endswith("~"), key.endswith("+")
        name = key[:-1] if words or some else key
        got = record.get(name) if isinstance(record, dict) else getattr(record, name, None)
        if some:  # "participants+": these items are among the record's, in any order
            if not isinstance(got, list) or not all(any(_matches(g, w, original) for g in got) for w in value):
                return False
        elif words:
            if not _words_in(value, got):
                return False
        elif isinstance(value, dict):
            if got is None or not _matches(got, value, original):
                return False
        elif not _equal(got, value, name):
            return False
    return True


def _equal(got: Any, want: Any, name: str) -> bool:
    if isinstance(want, bool) or want is None or isinstance(got, bool):
        return got == want
    if isinstance(want, (int, float)) and isinstance(got, (int, float)):
        return abs(got - want) <= 1e-3
    if isinstance(want, list):
        return isinstance(got, list) and len(got) == len(want) and all(_equal(g, w, name) for g, w in zip(got, want))
    if isinstance(want, str) and name == "text" and isinstance(got, str):
        return got == normalize(want).text
    if isinstance(want, str) and not isinstance(got, str) and isinstance(getattr(got, "text", None), str):
        return _equal(got.text, want, "text")  # a position or mention written as its text
    if isinstance(want, (int, float)) and isinstance(got, str):
        return got == str(want)  # a value written unquoted in YAML ("value: 2020")
    return got == want


def _words_in(want: Any, got: Any) -> bool:
    """Every word of ``want`` (or of each of its items, against the item at the same place) is in ``got``."""
    if isinstance(want, list):
        return isinstance(got, list) and len(got) == len(want) and all(_words_in(w, g) for w, g in zip(want, got))
    have = set(_WORD.findall(fold(str(got)))) if got is not None else set()
    return set(_WORD.findall(fold(str(want)))) <= have


def _points_at_its_text(name: str, record: Any, original: str) -> list[str]:
    start, end = getattr(record, "start", None), getattr(record, "end", None)
    shown = getattr(record, "text", None) or getattr(record, "trigger", None)
    if start is None or end is None or end <= start or not isinstance(shown, str):
        return []
    if fold(original[start:end]) != fold(shown):
        return [f"{name}: original[{start}:{end}] = {original[start:end]!r} does not read as {shown!r}"]
    return []


def _show(records: Iterable[Any]) -> str:
    out = []
    for r in records:
        if hasattr(r, "model_dump"):
            d = {k: v for k, v in r.model_dump().items() if v not in (None, [], False) and k not in ("start", "end")}
            out.append(str(d))
        else:
            out.append(repr(r))
    return "[" + "; ".join(out) + "]" if out else "nothing"


def _show_want(want: list[Any]) -> str:
    return "; ".join(repr(w) for w in want)
