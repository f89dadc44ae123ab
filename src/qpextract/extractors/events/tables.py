"""The event extractor's vocabularies (data/vi/event_triggers.tsv, events.yaml), loaded once."""

from __future__ import annotations

import re
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from qpextract.data import read_tsv, read_yaml
from qpextract.errors import DataFileError
from qpextract.models import EventType, Role
from qpextract.patterns import bounded, trie_pattern
from qpextract.text.lexical import literal_alternation, unmarked


class TriggerRow(BaseModel):
    """One row of event_triggers.tsv."""

    model_config = ConfigDict(extra="forbid")
    phrase: str
    type: EventType
    scope: Literal["any", "main", "title"]
    rank: int = Field(ge=0, le=2)
    cue: bool


class MainRule(BaseModel):
    """One named rule of events.yaml that chooses the headline event."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(pattern=r"^event\.main\.[a-z_]+$")
    source: Literal[
        "title_incident", "conference", "lead_occasion", "lead_reported", "title", "title_headline", "lead", "title_verb",
        "title_statement", "lead_frame", "lead_drill", "lead_conference", "title_imminent", "lead_command",
    ]
    rank: int = Field(ge=0, le=2)


class EventVocabulary(BaseModel):
    """events.yaml."""

    model_config = ConfigDict(extra="forbid")
    main_rules: list[MainRule]
    no_event_title: list[str]
    statement_title: list[str]
    analysis_title: list[str]
    statement_marks: str
    quotation_marks: str
    untitled_guest_list: str
    untitled_guest_rules: list[str]
    untitled_indefinite: list[str]
    title_clause_breaks: str
    question_title: list[str]
    question_marks: str
    plan_markers: list[str]
    not_plan_markers: list[str]
    called_off_after: str
    called_off_window: int
    held_markers: list[str]
    inspection_verbs: list[str]
    inspection_objects: list[str]
    inspection_type: EventType
    inspection_not_objects: list[str]
    joined_types: list[EventType]
    joined_before: str
    joined_gap: int
    cues: list[str]
    type_cues: dict[EventType, str]
    topic_heads: list[str]
    held_topic_heads: list[str]
    held_before: str
    title_occasion_heads: list[str]
    title_result_heads: list[str]
    frame_before: str
    frame_types: list[EventType]
    frame_acts: list[str]
    command_verbs: list[str]
    command_gap: int
    frame_after: str
    scenario_words: list[str]
    decision_triggers: list[str]
    appointment_words: list[str]
    reporting_after: list[str]
    organizer_verbs: list[str]
    location_preps: list[str]
    reporting_cues: list[str]
    not_triggers: list[str]
    headline_verbs: list[str]
    verb_past: str
    occasion_preps: list[str]
    untyped_occasion_preps: list[str]
    speech_verbs: list[str]
    reaction_verbs: list[str]
    speech_negators: list[str]
    nominalizers: list[str]
    nominal_after: list[str]
    speech_nouns: list[str]
    purpose_markers: list[str]
    visit_triggers: list[str]
    visit_stops: list[str]
    background_markers: list[str]
    decoration_verbs: list[str]
    award_ceremonies: list[str]
    award_kinds: list[str]
    imminent_before: str
    imminent_types: list[EventType]
    profile_dashes: list[str]
    profile_left_words: int
    profile_openers: list[str]
    profile_names: list[str]
    assessment_openers: list[str]
    why_words: list[str]
    subordinators: list[str]
    main_clause_words: int
    watch_verbs: list[str]


def guest_list_regex(template: str, rules: list[str]) -> re.Pattern[str]:
    """events.yaml untitled_guest_list with the lists of event_roles.yaml it names filled in: {continuations},
    {rosters}, and {attendance}, the cues of two words or more of the role rules ``rules``."""
    roles = read_yaml("event_roles.yaml")
    missing = set(rules) - {r["name"] for r in roles["rules"]}
    if missing:
        raise DataFileError(f"events.yaml: untitled_guest_rules names no rule of event_roles.yaml: {sorted(missing)}")
    cues = [c for r in roles["rules"] if r["name"] in rules for c in r["cues"] if len(c.split()) > 1]
    return re.compile(
        template.replace("{continuations}", f"(?:{literal_alternation(roles['continuations'])})")
        .replace("{rosters}", f"(?:{literal_alternation(roles['rosters'])})")
        .replace("{attendance}", f"(?:{literal_alternation(cues)})")
    )


def inspection_rows(voc: EventVocabulary) -> list[TriggerRow]:
    """Rule event.trigger.inspection_work: one trigger row per inspecting verb and work object of events.yaml
    ("kiểm tra công tác", "thanh tra việc"…), so that an inspection of any body's work reads as a review."""
    return [
        TriggerRow(phrase=f"{verb} {obj}", type=voc.inspection_type, scope="main", rank=1, cue=True)
        for verb in voc.inspection_verbs
        for obj in voc.inspection_objects
    ]


def inspection_non_triggers(voc: EventVocabulary) -> list[str]:
    """The inspections of preparations ("kiểm tra công tác chuẩn bị"): no trigger of rule event.trigger.inspection_work."""
    return [f"{v} {o} {n}" for v in voc.inspection_verbs for o in voc.inspection_objects for n in voc.inspection_not_objects]


def day_steps() -> list[str]:
    """"một ngày sau", "2 ngày trước"…: the day steps the temporal extractor leaves undated (temporal_rules.yaml
    not_day_step), built from its own lists in temporal_words.yaml so that the two extractors read one list."""
    words = read_yaml("temporal_words.yaml")
    return [f"{n} ngày {s}" for n in words["relative_day_count"] for s in words["relative_day_step"]]


def phrase_regex(phrases: list[str]) -> re.Pattern[str]:
    """Lower-case phrases as one trie regex; word boundaries are checked by the caller
    (see :func:`bounded`) so that the engine keeps its fast first-character scan."""
    return re.compile(trie_pattern(phrases))


def find_all(pattern: re.Pattern[str], text: str, start: int = 0, end: Optional[int] = None) -> list[tuple[int, int]]:
    """Word-bounded matches of ``pattern`` in ``text[start:end]`` (lower-cased text expected)."""
    n = len(text)
    out = []
    for m in pattern.finditer(text, start, n if end is None else end):
        s, e = m.span()  # bounded(), inlined: this runs for every trigger and cue of every text
        if (s == 0 or not text[s - 1].isalnum()) and (e >= n or not text[e].isalnum()):
            out.append((s, e))
    return out


def _tail_re(words: list[str]) -> Optional[re.Pattern[str]]:
    """One of ``words`` (longest first), then only blanks to the end of the searched stretch; None for no words."""
    if not words:
        return None
    return re.compile(rf"(?<!\w)(?:{literal_alternation(words)})\s+$")


class EventTables:
    """Every table the extractor needs, compiled once."""

    def __init__(self) -> None:
        voc = EventVocabulary.model_validate(read_yaml("events.yaml"))
        rows = read_tsv("event_triggers.tsv", TriggerRow) + inspection_rows(voc)
        self.triggers: dict[str, TriggerRow] = {}
        for r in rows:
            self.triggers.setdefault(r.phrase, r)  # a row of event_triggers.tsv wins over a generated one
        self.trigger_re = phrase_regex(list(self.triggers))
        # rule event.title.unmarked: the triggers of two syllables or more without their marks, for a headline printed
        # without diacritics (a URL slug: "tong ket cong tac …"); the first row of a spelling wins
        self.unmarked_triggers: dict[str, TriggerRow] = {}
        for r in rows:
            if len(r.phrase.split()) >= 2:
                self.unmarked_triggers.setdefault(unmarked(r.phrase), r)
        self.unmarked_trigger_re = phrase_regex(list(self.unmarked_triggers))
        self.main_rules = voc.main_rules
        # rule event.lead.related_line compares lines as the headline reader does (headline.yaml's banner: the
        # function words two lines always share, and the share under which two lines tell different stories)
        headline = read_yaml("headline.yaml")
        self.pair_common: frozenset[str] = frozenset(headline["banner"]["common_words"])
        self.related_share = float(headline["banner"]["banner_share"])
        self.related_max_words = int(headline["max_title_words"])  # a longer line is a sapo, never a headline
        self.no_event_re = phrase_regex(voc.no_event_title)
        self.statement_re = phrase_regex(voc.statement_title)
        self.analysis_re = phrase_regex(voc.analysis_title)
        self.statement_marks_re = re.compile(voc.statement_marks)
        self.quotation_re = re.compile(voc.quotation_marks)
        self.untitled_guest_re = guest_list_regex(voc.untitled_guest_list, voc.untitled_guest_rules)
        self.untitled_indefinite_re = re.compile(r"(?:^|\s)(?:" + "|".join(re.escape(w) for w in voc.untitled_indefinite) + r")\s+(?:cuộc\s+|đợt\s+|buổi\s+)?$")
        self.title_clause_re = re.compile(voc.title_clause_breaks)
        self.question_re = phrase_regex(voc.question_title)
        self.question_marks_re = re.compile(voc.question_marks)
        self.plan_re = phrase_regex(voc.plan_markers + voc.not_plan_markers)  # longest first: "sắp xếp" over "sắp"
        self.not_plan_markers = frozenset(phrase_key(w) for w in voc.not_plan_markers)
        self.held_re = phrase_regex(voc.held_markers)
        self.called_off_re = re.compile(voc.called_off_after)
        self.called_off_window = voc.called_off_window
        self.joined_types = frozenset(voc.joined_types)
        self.joined_before_re = re.compile(voc.joined_before)
        self.joined_gap = voc.joined_gap
        self.cue_re = phrase_regex(voc.cues)
        self.type_cue_re = {t: re.compile(rx) for t, rx in voc.type_cues.items()}  # a cue of one type, right before
        self.topic_re = phrase_regex(voc.topic_heads)
        self.held_topic_heads = frozenset(phrase_key(w) for w in voc.held_topic_heads)
        self.held_before_re = re.compile(voc.held_before)
        self.title_occasion_heads = frozenset(phrase_key(w) for w in voc.title_occasion_heads)
        self.title_result_heads = frozenset(phrase_key(w) for w in voc.title_result_heads)
        self.frame_before_re = re.compile(voc.frame_before)
        self.frame_types = frozenset(voc.frame_types)
        self.frame_acts = frozenset(phrase_key(w) for w in voc.frame_acts)
        self.frame_act_re = phrase_regex(voc.frame_acts)
        self.command_verbs = frozenset(phrase_key(w) for w in voc.command_verbs)
        self.command_gap = voc.command_gap
        self.frame_after_re = re.compile(voc.frame_after)
        self.scenario_re = phrase_regex(voc.scenario_words)
        self.decision_triggers = frozenset(phrase_key(p) for p in voc.decision_triggers)
        self.appointment_re = phrase_regex(voc.appointment_words)
        self.reporting_after_re = phrase_regex(voc.reporting_after)
        self.organizer_re = phrase_regex(voc.organizer_verbs)
        self.location_re = phrase_regex(voc.location_preps)
        self.reporting_re = phrase_regex(voc.reporting_cues)
        self.not_trigger_re = phrase_regex(voc.not_triggers + inspection_non_triggers(voc))
        self.headline_verb_re = phrase_regex(voc.headline_verbs)
        self.verb_past_re = re.compile(voc.verb_past)
        self.occasion_re = phrase_regex(voc.occasion_preps)
        self.untyped_occasion_preps = frozenset(phrase_key(w) for w in voc.untyped_occasion_preps)
        self.speech_re = phrase_regex(voc.speech_verbs)
        self.reaction_verbs = frozenset(phrase_key(w) for w in voc.reaction_verbs)
        self.speech_negators = frozenset(voc.speech_negators)
        self.nominalizers = frozenset(voc.nominalizers)
        self.nominal_after = frozenset(voc.nominal_after)
        self.speech_nouns = frozenset(phrase_key(w) for w in voc.speech_nouns)
        self.purpose_markers = frozenset(phrase_key(w) for w in voc.purpose_markers)
        self.visit_triggers = frozenset(phrase_key(w) for w in voc.visit_triggers)
        self.visit_stop_re = phrase_regex(voc.visit_stops)
        self.background_re = phrase_regex(voc.background_markers)
        self.decoration_verbs = frozenset(phrase_key(w) for w in voc.decoration_verbs)
        self.award_ceremonies = frozenset(phrase_key(w) for w in voc.award_ceremonies)
        self.award_kinds = frozenset(voc.award_kinds)
        self.imminent_before_re = re.compile(voc.imminent_before)
        self.imminent_types = frozenset(voc.imminent_types)
        self.profile_dashes = tuple(voc.profile_dashes)
        self.profile_left_words = voc.profile_left_words
        self.profile_openers = frozenset(voc.profile_openers)
        self.profile_names = frozenset(voc.profile_names)
        self.assessment_re = phrase_regex(voc.assessment_openers)
        self.why_re = phrase_regex(voc.why_words)
        self.day_step_re = phrase_regex(day_steps())
        self.subordinator_re = phrase_regex(voc.subordinators)
        self.main_clause_words = voc.main_clause_words
        self.watch_re = phrase_regex(voc.watch_verbs)
        # a headline verb names a happening of no typed kind: the fallback of the headline event
        self.headline_verbs = {
            phrase_key(v): TriggerRow(phrase=phrase_key(v), type="other", scope="title", rank=2, cue=True)
            for v in voc.headline_verbs
        }
        # a declaration the headline reports ("Nga tuyên bố…"): an `other` headline event named by its verb
        self.speech_verbs = {
            phrase_key(v): TriggerRow(phrase=phrase_key(v), type="other", scope="title", rank=2, cue=True)
            for v in voc.speech_verbs
        }


Placement = Literal["after", "just_before", "opening"]


class RoleRule(BaseModel):
    """One named rule of event_roles.yaml: a role given by cue words at a placement."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(pattern=r"^role\.[a-z]+\.[a-z_]+$")
    role: Role
    where: list[Placement]
    cues: list[str]
    not_for_main_rules: list[str] = Field(default_factory=list)
    only_for_main_types: list[EventType] = Field(default_factory=list)
    only_for_main_rules: list[str] = Field(default_factory=list)
    not_after: list[str] = Field(default_factory=list)
    at_occasion: Optional[str] = None
    informs: bool = False  # its cue makes the person a source of the news, no participant
    undergoes: bool = False  # what the person undergoes (a defendant, a victim): wins over what he says or reports
    own_deed: bool = False  # a deed of his own in the event (the recruit who enlists): wins over what he says or reports
    at_gatherings_of: list[EventType] = Field(default_factory=list)  # also when such an event is a meeting
    passive_verbs: list[str] = Field(default_factory=list)  # "được <agent> <verb>" after the name
    to_press: bool = False  # said to the press (a press word in the sentence): a source, no participant
    meeting: bool = False  # a cue of meeting: under meeting_participation.main_rules only at a gathering or a visit
    representing: bool = False  # its cue counts only after a word of `representing` before the name ("Thay mặt …, A")


class StatementSubject(BaseModel):
    """event_roles.yaml `statement_subject`: the country or body a statement headline opens with, and its officials."""

    model_config = ConfigDict(extra="forbid")
    main_rules: list[str] = Field(default_factory=list)
    stating_main_rules: list[str] = Field(default_factory=list)  # only one who states it there, not one the lead names
    words: int = Field(default=4, ge=1, le=8)  # words of the headline clause read as its subject
    passive: list[str] = Field(default_factory=list)  # "Lầu Năm Góc bị phản đối": the subject undergoes it
    posted_in: list[str] = Field(default_factory=list)  # "Đại sứ Trung Quốc tại Philippines": posted there, not of it


class HeadlineActor(BaseModel):
    """event_roles.yaml `headline_actor`: when the one who opens a headline clause acts or undergoes, not states."""

    model_config = ConfigDict(extra="forbid")
    words: int = Field(default=4, ge=1, le=8)  # words after the name read as his predicate
    passive: list[str] = Field(default_factory=list)  # "Obama bị chỉ trích": he undergoes it
    passive_words: int = Field(default=2, ge=1, le=4)  # how far into the predicate a passive word may stand
    act_main_rules: list[str] = Field(default_factory=list)  # headline verbs of an act: he states only by a speech word
    speech_words: list[str] = Field(default_factory=list)  # "Trump thông báo rút quân": he states all the same
    act_triggers: list[str] = Field(default_factory=list)  # statement verbs that are acts ("ra lệnh", "ký")
    speech_rules: list[str] = Field(default_factory=list)  # a speech at what he does: he speaks ("phát biểu")


class StatementOwners(BaseModel):
    """event_roles.yaml `statement_owners`: whom the lead names as the owner of a statement ("tuyên bố của A")."""

    model_config = ConfigDict(extra="forbid")
    main_rules: list[str] = Field(default_factory=list)
    before: list[str] = Field(default_factory=list)


class Restates(BaseModel):
    """event_roles.yaml `restates`: who tells in the lead, in the headline verb's own words, what the headline reports."""

    model_config = ConfigDict(extra="forbid")
    main_rules: list[str] = Field(default_factory=list)
    words: int = Field(default=2, ge=0, le=6)  # words between his verb of telling and the trigger
    between: list[str] = Field(default_factory=list)  # the words that may stand there ("không", "đã", "sẽ")


class MeetingParticipation(BaseModel):
    """Participation words of meeting or visiting that place someone only in a gathering or a visit, under main rules."""

    model_config = ConfigDict(extra="forbid")
    main_rules: list[str] = []
    words: list[str] = []
    visit_triggers: list[str] = []


class RecipientLists(BaseModel):
    """event_roles.yaml `recipient_lists`: the people listed after "gồm:" of those a passive award names."""

    model_config = ConfigDict(extra="forbid")
    openers: list[str] = []  # "gồm", "gồm có": the list's opener, just before the first name
    awarded: list[str] = []  # "được tặng": the award said of the listed, a few words before the opener


class RoleVocabulary(BaseModel):
    """event_roles.yaml."""

    model_config = ConfigDict(extra="forbid")
    precedence: list[Role]
    just_before_window: int = Field(ge=1, le=80)
    participation: list[str]
    after_stops: list[str]
    source_before: list[str]
    quoting_before: list[str] = []
    lead_quoted_main_rules: list[str] = []
    addressee_before: list[str]
    topic_before: list[str] = Field(default_factory=list)  # "phát biểu về A": A is spoken of, no cue opening the sentence is his
    coordination: list[str]
    own_predicate: list[str] = Field(default_factory=list)  # "A … đã thắp lửa; B … phát biểu": A shares no cue of B
    not_cues: list[str]
    negations: list[str] = Field(default_factory=list)  # "không tham dự": a cue right after one of these does not count
    former_markers: list[str] = Field(default_factory=list)  # "từng tuyên bố": the person's past, read as a negation is
    occasions: list[str] = Field(default_factory=list)
    reactive_main_rules: list[str] = Field(default_factory=list)
    headline_speaker_main_rules: list[str] = Field(default_factory=list)
    statement_main_rules: list[str] = Field(default_factory=list)
    lead_statement_main_rules: list[str] = Field(default_factory=list)
    later_statement_main_rules: list[str] = Field(default_factory=list)
    statement_sentences: int = Field(default=0, ge=0, le=20)  # sentences a statement's later speaker may come in
    statement_subject: StatementSubject = Field(default_factory=StatementSubject)
    headline_actor: HeadlineActor = Field(default_factory=HeadlineActor)
    statement_owners: StatementOwners = Field(default_factory=StatementOwners)
    restates: Restates = Field(default_factory=Restates)
    and_speaks_rules: list[str] = Field(default_factory=list)  # "A dự lễ và có bài phát biểu": he speaks
    and_speaks_words: int = Field(default=6, ge=1, le=12)  # words between what he attends and his speech
    # a speech cue that closes a sentence opening with a quotation reads as this cue ('"…", đại tá A phát biểu.': "nói")
    after_quote: dict[str, str] = Field(default_factory=dict)
    no_participation_main_rules: list[str] = Field(default_factory=list)  # a participation word places no one there
    meeting_participation: MeetingParticipation = Field(default_factory=MeetingParticipation)
    commentators_before: list[str] = Field(default_factory=list)  # "Chuyên gia A": a source, but under statements
    continuations: list[str] = Field(default_factory=list)  # "Về phía B có …": a side of the list before
    continuation_openers: list[str] = Field(default_factory=list)  # the words that open its people ("có")
    possessors: list[str] = Field(default_factory=list)  # "của A": the cue after A belongs to the head noun
    incident_main_rules: list[str] = Field(default_factory=list)
    gathering_triggers: list[str] = Field(default_factory=list)
    giving_triggers: list[str] = Field(default_factory=list)  # "tổng kết và trao giải": what is given there is the event
    recipient_lists: RecipientLists = Field(default_factory=RecipientLists)
    represented_before: list[str] = Field(default_factory=list)  # "A thay mặt cho hai gia đình B và C": B, C do nothing
    press_words: list[str] = Field(default_factory=list)
    press_conference_words: list[str] = Field(default_factory=list)
    list_openers: list[str] = Field(default_factory=list)
    passive_agent_words: int = Field(default=5, ge=1, le=8)
    press_source_rules: list[str] = Field(default_factory=list)  # speech of one who tells the press: no speech
    press_speech_rules: list[str] = Field(default_factory=list)  # a speech said to the press: none in the event
    collective: list[str] = Field(default_factory=list)  # "đồng chủ trì", "cùng": a predicate of several people
    not_acting_before: list[str] = Field(default_factory=list)  # "của A", "liệt sĩ B": named in the lead, not acting
    acting_possessors: list[str] = Field(default_factory=list)  # "sự chỉ huy của A": A acts all the same
    earlier_days: bool = False  # a sentence dated before the main event's day reports another event
    other_occasions: list[str] = Field(default_factory=list)  # "Cùng ngày,", "bên lề": a sentence of another event
    # local-defence web pages (session 11)
    rosters: list[str] = Field(default_factory=list)  # "Về phía tỉnh có các đồng chí: …": a side's attendees
    representing: list[str] = Field(default_factory=list)  # "Thay mặt Hội đồng …, A công bố …": A acts for a body
    lead_declaring: list[str] = Field(default_factory=list)  # "A khẳng định …" in the lead: a speaker, not role.other.lead
    lead_declaring_not_for_types: list[str] = Field(default_factory=list)  # main types where it is a comment
    rules: list[RoleRule]


def phrase_key(text: str) -> str:
    """A matched phrase with its blanks collapsed, to look its rule up."""
    return " ".join(text.split())


class RoleTables:
    """event_roles.yaml compiled: one cue regex per placement and the rule of each cue."""

    def __init__(self) -> None:
        voc = RoleVocabulary.model_validate(read_yaml("event_roles.yaml"))
        self.precedence = {role: i for i, role in enumerate(voc.precedence)}
        self.window = voc.just_before_window
        self.rules: dict[str, dict[str, RoleRule]] = {"after": {}, "just_before": {}, "opening": {}}
        # every rule that names a cue, in file order: the first that applies to the main event wins
        self.variants: dict[str, dict[str, list[RoleRule]]] = {"after": {}, "just_before": {}, "opening": {}}
        for rule in voc.rules:
            for where in rule.where:
                for cue in rule.cues:
                    self.rules[where].setdefault(phrase_key(cue), rule)  # the first rule that names a cue wins
                    self.variants[where].setdefault(phrase_key(cue), []).append(rule)
        self.cue_re = {where: phrase_regex(list(cues)) for where, cues in self.rules.items()}
        # the words of meeting or visiting are participation words too, listed once under meeting_participation
        self.participation_re = phrase_regex(voc.participation + voc.meeting_participation.words)
        self.stop_re = phrase_regex(voc.after_stops)
        self.source_re = phrase_regex(voc.source_before)
        self.quoting_re = phrase_regex(voc.quoting_before) if voc.quoting_before else None
        self.lead_quoted_main_rules = frozenset(voc.lead_quoted_main_rules)
        self.addressee_re = phrase_regex(voc.addressee_before)
        self.topic_re = phrase_regex(voc.topic_before) if voc.topic_before else None
        self.coordination = frozenset(phrase_key(w) for w in voc.coordination)
        self.own_predicate = frozenset(phrase_key(w) for w in voc.own_predicate)
        self.not_cue_re = phrase_regex(voc.not_cues)
        # a negation word or a marker of the past, then only blanks to the end of the searched stretch (the cue's start)
        self.negation_re = _tail_re(voc.negations + voc.former_markers)
        self.former_re = _tail_re(voc.former_markers)
        self.occasion_re = phrase_regex(voc.occasions)
        self.by_name = {r.name: r for r in voc.rules}
        self.reactive_main_rules = frozenset(voc.reactive_main_rules)
        self.headline_speaker_main_rules = frozenset(voc.headline_speaker_main_rules)
        self.statement_main_rules = frozenset(voc.statement_main_rules)
        self.lead_statement_main_rules = frozenset(voc.lead_statement_main_rules)
        self.statement_sentences = voc.statement_sentences
        self.later_statement_main_rules = frozenset(voc.later_statement_main_rules)
        self.statement_subject = voc.statement_subject
        self.headline_actor = voc.headline_actor
        self.and_speaks_rules = frozenset(voc.and_speaks_rules)
        self.and_speaks_words = voc.and_speaks_words
        self.after_quote = {phrase_key(k): phrase_key(v) for k, v in voc.after_quote.items()}
        self.restates = voc.restates
        self.restates_between = frozenset(voc.restates.between)
        self.owner_main_rules = frozenset(voc.statement_owners.main_rules)
        self.owner_re = phrase_regex(voc.statement_owners.before) if voc.statement_owners.before else None
        self.headline_passive = frozenset(voc.headline_actor.passive)
        self.headline_act_main_rules = frozenset(voc.headline_actor.act_main_rules)
        self.headline_speech_re = phrase_regex(voc.headline_actor.speech_words or ["nói"])
        self.headline_actor_speech_rules = frozenset(voc.headline_actor.speech_rules)
        self.headline_act_triggers = frozenset(phrase_key(w) for w in voc.headline_actor.act_triggers)
        self.no_participation_main_rules = frozenset(voc.no_participation_main_rules)
        self.meeting_participation = voc.meeting_participation
        self.meeting_words = frozenset(phrase_key(w) for w in voc.meeting_participation.words)
        self.visit_re = phrase_regex(voc.meeting_participation.visit_triggers) if voc.meeting_participation.visit_triggers else None
        self.source_or_commentator_re = phrase_regex(voc.source_before + voc.commentators_before)
        # (an empty list would compile to a pattern that matches everywhere: none instead)
        self.possessor_re = phrase_regex(voc.possessors) if voc.possessors else None
        self.continuation_re = phrase_regex(voc.continuations) if voc.continuations else None
        self.continuation_openers = frozenset(voc.continuation_openers)
        self.rosters = tuple(phrase_key(w) for w in voc.rosters)
        self.representing_re = phrase_regex(voc.representing) if voc.representing else None
        self.lead_declaring_re = phrase_regex(voc.lead_declaring) if voc.lead_declaring else None
        self.lead_declaring_not_for_types = frozenset(voc.lead_declaring_not_for_types)
        self.incident_main_rules = frozenset(voc.incident_main_rules)
        self.gathering_re = phrase_regex(voc.gathering_triggers)
        self.giving_trigger_re = phrase_regex(voc.giving_triggers) if voc.giving_triggers else None
        self.represented_re = phrase_regex(voc.represented_before) if voc.represented_before else None
        lists = voc.recipient_lists
        self.list_opener_re = phrase_regex(lists.openers) if lists.openers and lists.awarded else None
        self.awarded_re = phrase_regex(lists.awarded) if lists.openers and lists.awarded else None
        self.press_re = phrase_regex(voc.press_words)
        self.press_conference_re = phrase_regex(voc.press_conference_words)
        self.list_openers = frozenset(voc.list_openers)
        self.earlier_days = voc.earlier_days
        self.other_occasion_re = phrase_regex(voc.other_occasions) if voc.other_occasions else None
        self.acting_re = phrase_regex(voc.acting_possessors or ["sự chủ trì của"])
        self.not_acting_re = phrase_regex(voc.not_acting_before or ["của"])
        self.collective_re = phrase_regex(voc.collective or ["đồng chủ trì"])
        self.press_source_rules = frozenset(voc.press_source_rules)
        self.press_speech_rules = frozenset(voc.press_speech_rules)
        # "A được các nhà hảo tâm tặng ngôi nhà": the passive with its agent between "được" and the verb
        agent = r"(?:\s+[^\W\d_][\w-]*|\s+\d[\d.,/]*){1,%d}?" % voc.passive_agent_words
        self.passive = [
            (r, re.compile(r"được" + agent + r"\s+(?:" + trie_pattern(r.passive_verbs) + ")"))
            for r in voc.rules
            if r.passive_verbs
        ]
