"""The number extractor's vocabularies and rule names (data/vi/numbers.yaml, numbers_rules.yaml,
numbers_words.tsv, units.tsv), loaded once."""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict

from qpextract.data import read_tsv, read_yaml
from qpextract.text.lexicon import branch_rows

QualifierName = Literal["over", "at_least", "about", "under"]
UnitKind = Literal["percent", "count", "money", "measure", "time", "age", "foreign", "noun"]


class UnitRow(BaseModel):
    """One row of units.tsv."""

    model_config = ConfigDict(extra="forbid")
    phrase: str
    unit: UnitKind
    multiplier: float = 1.0
    change_only: bool = False


class NumberWordRow(BaseModel):
    """One row of numbers_words.tsv."""

    model_config = ConfigDict(extra="forbid")
    word: str
    value: int
    kind: Literal["digit", "ten", "tens", "zero", "after_tens", "scale", "half"]


class NumbersVocabulary(BaseModel):
    """numbers.yaml."""

    model_config = ConfigDict(extra="forbid")
    qualifiers_before: dict[str, QualifierName]
    qualifiers_after: dict[str, QualifierName]
    identifier_heads: list[str]
    temporal_before: list[str]
    identifier_head_exceptions: list[str]
    subject_stops: list[str]
    subject_heads_alone: list[str]
    subject_whole: list[str]
    subject_trailing: list[str]
    link_verbs: list[str]
    predicate_after: list[str]
    change_words: dict[str, Literal["increase", "decrease"]]
    word_number_alone_excluded: list[str]
    word_number_not_count: list[str]
    one_counts: list[str]
    list_nouns: list[str]
    of_total: list[str]
    of_total_own: list[str]
    money_scales: list[str]
    money_nouns: list[str]
    one_after: dict[str, bool]
    one_not_after: list[str]
    subject_compounds: list[str]
    subject_through: list[str]
    plural_words: list[str]
    number_heads: list[str]
    count_compounds: list[str]
    five_counts: list[str]
    five_not_after: list[str]
    five_not_before: list[str]
    one_article_inside: list[str]
    one_source_verbs: list[str]
    one_hypothetical_before: dict[str, bool]
    one_capability_after: list[str]
    one_always: list[str]
    one_keep_before: list[str]
    one_outcomes: list[str]
    one_classifiers: list[str]
    one_any: list[str]
    one_named: list[str]
    address_streets: list[str]
    collective_heads: list[str]
    collective_members: list[str]
    verb_heads: list[str]
    verb_head_members: list[str]
    coordinators: list[str]
    fraction_max_total: int
    name_tail_after: list[str]
    name_tail_not_after: list[str]
    ordinal_heads: list[str]
    word_number_not_after: list[str]
    word_number_not_after_except: list[str]
    rate_per: list[str]
    rate_every: list[str]
    configuration_words: list[str]
    configuration_vehicles: list[str]
    slogan_words: list[str]
    age_words: list[str]
    age_bounds: list[str]
    score_words: list[str]
    place_heads: list[str]
    receiver_heads: list[str]
    ratio_date_before: list[str]
    counts_after_acronym: list[str]
    count_heads: list[str]
    one_word: str


class NumberRules(BaseModel):
    """numbers_rules.yaml: every rule name, with what it reads."""

    model_config = ConfigDict(extra="forbid")
    candidates: dict[str, str]
    subjects: dict[str, str]
    steps: dict[str, str]
    guards: dict[str, str]

    def names(self) -> set[str]:
        """Every name a trace or a record may carry."""
        return {*self.candidates, *self.steps, *self.guards} | {
            f"{c}.{s}" for c in self.candidates for s in self.subjects
        }


class PhraseTable:
    """Lower-case word phrases, matched longest first at or before a token index."""

    def __init__(self, phrases: dict[str, object] | list[str]) -> None:
        items = phrases.items() if isinstance(phrases, dict) else ((p, True) for p in phrases)
        self.map: dict[tuple[str, ...], object] = {}
        for phrase, value in items:
            key = tuple(phrase.lower().split())
            if key:
                self.map[key] = value
        self.lengths = sorted({len(k) for k in self.map}, reverse=True)
        self.firsts = frozenset(k[0] for k in self.map)
        self.lasts = frozenset(k[-1] for k in self.map)

    def at(self, words: list[str], i: int) -> tuple[int, Optional[object]]:
        """Longest phrase starting at ``words[i]``: (length, value) or (0, None)."""
        if i >= len(words) or words[i] not in self.firsts:
            return 0, None
        for n in self.lengths:
            if i + n <= len(words):
                v = self.map.get(tuple(words[i : i + n]))
                if v is not None:
                    return n, v
        return 0, None

    def ending(self, words: list[str], j: int) -> tuple[int, Optional[object]]:
        """Longest phrase ending just before ``words[j]`` (exclusive): (length, value) or (0, None)."""
        if j <= 0 or j > len(words) or words[j - 1] not in self.lasts:
            return 0, None
        for n in self.lengths:
            if j - n >= 0:
                v = self.map.get(tuple(words[j - n : j]))
                if v is not None:
                    return n, v
        return 0, None


class NumberTables:
    """Every table the extractor needs, compiled once."""

    def __init__(self) -> None:
        voc = NumbersVocabulary.model_validate(read_yaml("numbers.yaml"))
        self.qual_before = PhraseTable(voc.qualifiers_before)
        self.qual_after = PhraseTable(voc.qualifiers_after)
        self.id_heads = PhraseTable(voc.identifier_heads)
        self.id_exceptions = PhraseTable(voc.identifier_head_exceptions)
        self.temporal_before = PhraseTable(voc.temporal_before)
        self.stops = PhraseTable(voc.subject_stops)
        self.heads_alone = frozenset([*voc.subject_heads_alone, *voc.subject_whole])
        self.subject_whole = frozenset(voc.subject_whole)
        self.trailing = frozenset(voc.subject_trailing)
        self.link_verbs = PhraseTable(voc.link_verbs)
        self.predicate_after = PhraseTable(voc.predicate_after)
        self.change_words = PhraseTable(voc.change_words)
        self.word_alone_excluded = frozenset(voc.word_number_alone_excluded)
        self.word_not_count = PhraseTable(voc.word_number_not_count)
        self.one_counts = PhraseTable(voc.one_counts)
        self.list_nouns = PhraseTable(voc.list_nouns)
        self.of_total = PhraseTable(voc.of_total)
        self.of_total_own = PhraseTable(voc.of_total_own)
        self.money_scales = frozenset(voc.money_scales)
        self.money_nouns = frozenset(voc.money_nouns)
        self.one_after = PhraseTable(voc.one_after)
        self.one_not_after = frozenset(voc.one_not_after)
        self.subject_compounds = frozenset(voc.subject_compounds)
        self.subject_through = frozenset(voc.subject_through)
        self.plural_words = frozenset(voc.plural_words)
        self.of_number = PhraseTable(voc.number_heads)
        self.unit_branches = PhraseTable([r.branch for r in branch_rows()])
        self.count_compounds = PhraseTable(voc.count_compounds)
        self.five_counts = PhraseTable([*voc.five_counts, *voc.one_counts, *voc.list_nouns])
        self.five_not_after = frozenset(voc.five_not_after)
        self.five_not_before = frozenset(voc.five_not_before)
        self.one_article_inside = PhraseTable(voc.one_article_inside)
        self.one_source_verbs = PhraseTable(voc.one_source_verbs)
        self.one_hypothetical_before = PhraseTable(voc.one_hypothetical_before)
        self.one_capability_after = PhraseTable(voc.one_capability_after)
        self.one_always = PhraseTable(voc.one_always)
        self.one_keep_before = PhraseTable(voc.one_keep_before)
        self.one_outcomes = PhraseTable(voc.one_outcomes)
        self.one_classifiers = frozenset(voc.one_classifiers)
        self.one_any = PhraseTable(voc.one_any)
        self.one_named = PhraseTable(voc.one_named)
        self.address_streets = list(voc.address_streets)
        self.collective_heads = frozenset(voc.collective_heads)
        self.collective_members = PhraseTable([*voc.collective_members, *voc.one_counts, *voc.list_nouns])
        self.verb_heads = frozenset(voc.verb_heads)
        self.verb_head_members = PhraseTable(
            [*voc.verb_head_members, *voc.collective_members, *voc.one_counts, *voc.list_nouns]
        )
        self.coordinators = frozenset(voc.coordinators)
        self.fraction_max_total = voc.fraction_max_total
        self.name_tail_after = PhraseTable(voc.name_tail_after)
        self.name_tail_not_after = frozenset(voc.name_tail_not_after)
        self.ordinal_heads = frozenset(voc.ordinal_heads)
        self.word_number_not_after = frozenset(voc.word_number_not_after)
        self.word_number_not_after_except = frozenset(voc.word_number_not_after_except)
        self.rate_per = frozenset(voc.rate_per)
        self.rate_every = PhraseTable(voc.rate_every)
        self.configuration_words = PhraseTable(voc.configuration_words)
        self.configuration_vehicles = PhraseTable(voc.configuration_vehicles)
        self.slogan_words = frozenset(voc.slogan_words)
        self.age_words = list(voc.age_words)
        self.age_bounds = frozenset(voc.age_bounds)
        self.score_words = list(voc.score_words)
        self.place_heads = PhraseTable(voc.place_heads)
        self.receiver_heads = PhraseTable(voc.receiver_heads)
        self.ratio_date_before = frozenset(voc.ratio_date_before)
        self.counts_after_acronym = PhraseTable(voc.counts_after_acronym)
        self.count_heads = PhraseTable(voc.count_heads)
        self.one_word = voc.one_word
        self.rules = NumberRules.model_validate(read_yaml("numbers_rules.yaml"))
        units = read_tsv("units.tsv", UnitRow)
        self.units = PhraseTable({u.phrase: u for u in units})
        words = read_tsv("numbers_words.tsv", NumberWordRow)
        self.number_words: dict[str, NumberWordRow] = {w.word: w for w in words}
        self.scales = {w.word: w.value for w in words if w.kind == "scale"}
