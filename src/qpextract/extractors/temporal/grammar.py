"""The temporal grammar: word lists and regex templates of ``data/vi``, built once.

``temporal_words.yaml`` holds the vocabularies (parts of day, weekdays, number
words, period words, holidays), or says where a list is kept in another data
file (``borrowed``: the month words are datelines.yaml's, less two);
``temporal_rules.yaml`` holds fragments and ordered rules whose templates
name those lists in braces. Loading validates
both files with pydantic and expands every template. Rules are grouped by
their anchor (a run of digits or a word such as "tháng"): each anchor gets one
compiled alternation of its rules in file order, each rule wrapped in a group
named after its index so a match says which rule fired.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal, Optional, Union

import regex
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from qpextract.data import read_yaml
from qpextract.errors import DataFileError

Kind = Literal[
    "day",
    "month",
    "year",
    "quarter",
    "relative_year",
    "relative_day",
    "part_year",
    "duration",
    "year_span",
    "day_span",
    "month_span",
    "day_pair",
    "year_list",
    "holiday",
]

DIGIT = "digit"
_REF = regex.compile(r"\{([^\W\d]\w*)(?::(\w+))?\}")  # {4} and {1,2} stay quantifiers
_NAME = regex.compile(r"\(\?P<(\w+)>")
_GROUP = regex.compile(r"\(\?P([<=])(\w+)([>)])|\(\?\((\w+)\)")


class Rule(BaseModel):
    """One rule of temporal_rules.yaml."""

    model_config = ConfigDict(extra="forbid")
    name: str
    kind: Kind
    anchor: list[str]
    pattern: str
    before: Optional[str] = None
    before_required: bool = True
    requires_day: bool = False

    @field_validator("anchor")
    @classmethod
    def _anchors(cls, v: list[str]) -> list[str]:
        for a in v:
            if a != DIGIT and not regex.fullmatch(r"[^\W\d]+", a):
                raise ValueError(f"anchor {a!r} is neither 'digit' nor one lower-case word")
        return [a.lower() for a in v]

    @field_validator("name")
    @classmethod
    def _dotted(cls, v: str) -> str:
        if not regex.fullmatch(r"[a-z_]+\.[a-z_]+", v):
            raise ValueError(f"rule name {v!r} is not 'family.name'")
        return v


class RuleFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    fragments: dict[str, str]
    guards: dict[str, str] = {}
    rules: list[Rule]


WordValue = Union[int, str]



class Alternations(Mapping[str, "regex.Pattern[str]"]):
    """Anchor -> compiled alternation; one compile per distinct source (the two scans share most)."""

    def __init__(self, sources: dict[str, str], cache: dict[str, "regex.Pattern[str]"]) -> None:
        self.sources = sources
        self._cache = cache  # shared by the scans of one grammar: equal sources compile once

    def __getitem__(self, key: str) -> "regex.Pattern[str]":
        source = self.sources[key]
        pattern = self._cache.get(source)
        if pattern is None:
            pattern = self._cache[source] = regex.compile(source)
        return pattern

    def get(self, key: str, default: Optional["regex.Pattern[str]"] = None) -> Optional["regex.Pattern[str]"]:  # type: ignore[override]
        return self[key] if key in self.sources else default

    def __iter__(self) -> Iterator[str]:
        return iter(self.sources)

    def __len__(self) -> int:
        return len(self.sources)


@dataclass(frozen=True)
class Scan:
    """The anchors and per-anchor alternations of a set of rules."""

    anchor_words: tuple[str, ...]
    by_anchor: Alternations


@dataclass(frozen=True)
class Grammar:
    """Word lists (lower-case form -> value) and the compiled rules.

    A rule may fire only at an anchor: a run of digits or one of a scan's
    ``anchor_words`` standing as a whole word. A scan's ``by_anchor`` maps an
    anchor ("digit" or a word) to one alternation of the rules it may start,
    in file order, each rule wrapped in the group ``r<index>``; ``groups[i]``
    lists the named groups of rule ``i``.
    """

    words: dict[str, dict[str, WordValue]]
    rules: list[Rule]
    groups: list[tuple[str, ...]]
    with_day: Scan  # every rule: the reference date has a day
    without_day: Scan  # rules that need no reference day

    def value(self, list_name: str, written: str | None) -> WordValue | None:
        """Value of a written form of a word list (spacing folded), or None."""
        if written is None:
            return None
        return self.words[list_name].get(" ".join(written.lower().split()))


class Borrowed(BaseModel):
    """A word list of temporal_words.yaml kept in another data file (``borrowed``): where, and the forms left out."""

    model_config = ConfigDict(extra="forbid")
    file: str
    key: list[str]
    without: list[str] = []


def _borrowed(name: str, spec: Borrowed) -> dict[str, WordValue]:
    """The list ``name`` read from ``spec.file`` at ``spec.key``, less ``spec.without`` (each of which must be there)."""
    where = f"temporal_words.yaml: borrowed {name}: {spec.file} {'.'.join(spec.key)}"
    table: Any = read_yaml(spec.file)
    for part in spec.key:
        if not isinstance(table, dict) or part not in table:
            raise DataFileError(f"{where}: no such list")
        table = table[part]
    if not isinstance(table, dict):
        raise DataFileError(f"{where}: not a mapping of words to values")
    entries = {" ".join(str(form).lower().split()): value for form, value in table.items()}
    missing = [w for w in spec.without if w not in entries]
    if missing:
        raise DataFileError(f"{where}: leaves out {missing}, which the list does not hold")
    return {form: value for form, value in entries.items() if form not in spec.without}


def _load_words() -> dict[str, dict[str, WordValue]]:
    raw = read_yaml("temporal_words.yaml")
    if not isinstance(raw, dict):
        raise DataFileError("temporal_words.yaml: expected a mapping of word lists")
    specs = raw.pop("borrowed", None) or {}
    if not isinstance(specs, dict):
        raise DataFileError("temporal_words.yaml: borrowed must map list names to where the lists are")
    try:
        borrowed = {name: Borrowed.model_validate(spec) for name, spec in specs.items()}
    except ValidationError as exc:
        raise DataFileError(f"temporal_words.yaml: borrowed: {exc.errors()[0]['msg']}") from exc
    clash = sorted(set(borrowed) & set(raw))
    if clash:
        raise DataFileError(f"temporal_words.yaml: {clash} both borrowed and written here")
    raw.update({name: _borrowed(name, spec) for name, spec in borrowed.items()})
    words: dict[str, dict[str, WordValue]] = {}
    for name, entries in raw.items():
        if not isinstance(entries, dict) or not entries:
            raise DataFileError(f"temporal_words.yaml: list {name!r} must map words to values")
        table: dict[str, WordValue] = {}
        for form, value in entries.items():
            if not isinstance(value, (int, str)) or isinstance(value, bool):
                raise DataFileError(f"temporal_words.yaml: {name}: {form!r} has value {value!r}")
            table[" ".join(str(form).lower().split())] = value
        words[name] = table
    return words


def _alternation(forms: list[str]) -> str:
    # longest first, so "mười hai" wins over "mười"; one space between words
    ordered = sorted(forms, key=len, reverse=True)
    return "(?:" + "|".join(r"[ ]".join(regex.escape(w) for w in f.split()) for f in ordered) + ")"


def _rename(pattern: str, suffix: str) -> str:
    """Rename every named group (definition, back-reference, condition) with ``suffix``."""

    def sub(m: regex.Match[str]) -> str:
        if m.group(4):
            return f"(?({m.group(4)}{suffix})"
        return f"(?P{m.group(1)}{m.group(2)}{suffix}{m.group(3)}"

    return _GROUP.sub(sub, pattern)


def expand(template: str, fragments: dict[str, str], words: dict[str, dict[str, WordValue]], depth: int = 0) -> str:
    """Replace ``{fragment}``, ``{fragment:N}``, ``{list}`` and ``{list:group}`` in a template."""
    if depth > 8:
        raise DataFileError(f"temporal_rules.yaml: fragments nest too deep in {template!r}")

    def sub(m: regex.Match[str]) -> str:
        name, arg = m.group(1), m.group(2)
        if name in fragments:
            body = expand(fragments[name], fragments, words, depth + 1)
            return _rename(body, arg) if arg else body
        if name in words:
            alt = _alternation(list(words[name]))
            return f"(?P<{arg}>{alt})" if arg else alt
        raise DataFileError(f"temporal_rules.yaml: unknown fragment or word list {{{name}}}")

    return _REF.sub(sub, template)


def load_grammar() -> Grammar:
    """Read, validate and compile the temporal word lists and rules."""
    words = _load_words()
    try:
        spec = RuleFile.model_validate(read_yaml("temporal_rules.yaml"))
    except ValidationError as exc:
        err = exc.errors()[0]
        raise DataFileError(f"temporal_rules.yaml: {'.'.join(map(str, err['loc']))}: {err['msg']}") from exc
    bodies: list[str] = []
    names: list[tuple[str, ...]] = []
    for rule in spec.rules:
        body = expand(rule.pattern, spec.fragments, words)
        if rule.before:
            # the forward part is checked first: most anchors fail it at once,
            # before the dearer look-behind is tried
            before = expand(rule.before, spec.fragments, words)
            body = f"(?={body})(?<=(?P<lead>{before}){'' if rule.before_required else '?'})" + body
        bodies.append(body)
        names.append(tuple(dict.fromkeys(_NAME.findall(body))))
    guards = {key: expand(g, spec.fragments, words) for key, g in spec.guards.items()}
    cache: dict[str, regex.Pattern[str]] = {}

    def scan(keep: list[bool]) -> Scan:
        groups: dict[str, list[str]] = {}
        for i, rule in enumerate(spec.rules):
            if keep[i]:
                for key in rule.anchor:
                    groups.setdefault(key.lower(), []).append(f"(?P<r{i}>{bodies[i]})")
        sources = {key: guards.get(key, "") + "(?:" + "|".join(parts) + ")" for key, parts in groups.items()}
        return Scan(tuple(sorted(k for k in groups if k != DIGIT)), Alternations(sources, cache))

    with_day = scan([True] * len(spec.rules))
    without_day = scan([not r.requires_day for r in spec.rules])
    try:  # all compiled now, not inside an article's time limit; with_day's hold every rule: all are checked
        for s in (with_day, without_day):
            for key in s.by_anchor:
                s.by_anchor[key]
    except regex.error:
        for rule, body in zip(spec.rules, bodies):  # only now, each rule alone, to name the broken one
            try:
                regex.compile(body)
            except regex.error as exc:
                raise DataFileError(f"temporal_rules.yaml: rule {rule.name}: {exc}") from exc
        raise
    return Grammar(words, spec.rules, names, with_day, without_day)
