"""Participants of the main event with their roles (SPEC Event.participants).

A role comes from a named rule of data/vi/event_roles.yaml whose cue stands next
to one of the person's mentions: after the name and its posts ("A, Bí thư Thành
ủy phát biểu"), just before it ("trao quyết định cho Đại tá A") or opening a
sentence that lists people ("Dự hội nghị có đồng chí A, …; Đại tá B, …"). People
come from ``doc.officials``; a participant points at its official by index.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from qpextract.document import Document
from qpextract.extractors.events.tables import RoleRule, RoleTables, find_all, phrase_key, phrase_regex
from qpextract.models import Mention, Official, Participant, TemporalExpression

_AFTER_LIMIT = 320  # characters after a name searched for its cue (posts can be long)
_JOIN_TAIL = 12  # words a post, a rank or "đồng chí" may take between "và" and the next name
_PART_BEFORE = 60  # characters before a name searched for a participation word ("hội đàm với Bộ trưởng A")
_OPENING_WORDS = 2  # words an opening cue may follow in its sentence ("Cùng dự …", "Đến dự …")
_LISTENER_WINDOW = 40  # characters before an opening cue searched for a `not_after` word ("nghe … báo cáo")
_NAME_LIST = re.compile(r"\s*(?:\([^()]{0,80}\))?\s*,\s*")  # "A (Quảng Bình), B": one of a list of names
# "A (Chánh thanh tra Bộ Quốc phòng), Đại tá B", "ông A - phụ trách Sở Ngoại vụ, đại tá B": the post of the one before
# in brackets or after a dash, then a comma and the next one's own titles
_POST_THEN_NEXT = re.compile(r"\s*(?:\([^()]{1,120}\)|[-–][^,;:.!?()\"“”\n]{1,120})\s*(,)\s*")
_LETTER = re.compile(r"[^\W\d_]")
_PUNCT = frozenset(",;:.!?()\"“”")
_QUOTES = frozenset("\"“”")
_CLAUSE_MARKS = ",.;:!?()\"“”\n-–"  # what closes the clause before a name
_APPOSITIVE = frozenset(",-–")  # what opens a post written after a name
_GIVING_TYPES = frozenset({"award", "appointment", "enlistment"})  # main events where what is given is the event
# words the thing given may take between "trao" and "cho" ("trao cờ lệnh xuất quân cho A"): an award's name runs to 8 or 9
# ("trao danh hiệu Anh hùng Lực lượng vũ trang nhân dân cho …", "trao Huân chương Bảo vệ Tổ quốc hạng Ba cho …")
_GIVEN_WORDS = 10
_GIVEN_LEN = 80  # characters before "cho" searched for the verb
_OWN_TITLES = 3  # a rank, an honorific and posts may stand together before a name ("Phó Chủ tịch UBND tỉnh Đại tá A")
_OWN_TITLE_LEN = 120  # characters before a name searched for them
_REPRESENTED_LEN = 50  # characters before a name (and its own titles) searched for "thay mặt cho"
_REPRESENTED_WORDS = 6  # lower-case words between "thay mặt cho" and the name's own titles ("hai gia đình")

Sentence = tuple[int, int]
# one who takes part with no role a rule names (a cue of `participation`, or a speech after a crash)
_PARTICIPATION = RoleRule(name="role.other.participation", role="other", where=["after"], cues=[])
_HEADLINE_SPEAKER = "role.speaker.headline_subject"
_HEADLINE_ACTOR = "role.other.headline_actor"  # the headline's subject who acts or undergoes it, no statement of his
_RESTATES = "role.speaker.restates_headline"  # who tells in the lead, in the headline verb's words, what it reports
_OWNER_SPEAKER = "role.speaker.tuyen_bo_cua"  # whom the lead names as the owner of the statement ("tuyên bố của A")
_HEADLINE_SPEECH = "role.speaker.headline_actor_speech"  # the headline's subject who acts and gives a speech at it
_STATEMENT_SPEAKER = "role.speaker.statement"  # who states in the lead what a statement headline reports
_SOURCE = "role.other.cho_biet"  # who informs the press about the event: no participant
_SAYS = "role.speaker.noi"  # '"…", Đại tá A nói': of one who informs about the event elsewhere, no speech in it
_PRESS_SPEAKER = "role.speaker.hop_bao"  # who announces at a press conference what the news is about
_LATER_SPEAKER = "role.speaker.statement_later"  # who states a statement headline's news after the lead
_QUOTING_LEN = 25  # the longest phrase of quoting_before, in characters
_SUBJECT_SPEAKER = "role.speaker.headline_country"  # an official of the country or body the statement headline opens with
_LEAD_DECLARES = "role.speaker.lead_declares"  # one the lead names declaring in his own clause, no other rule placing him
_CONTINUED = "role.attendee.ve_phia"  # "Về phía Nhật Bản có A": the attendee list of the sentence before goes on
_WORD = re.compile(r"[^\W\d_][\w-]*")
_CLAUSE = re.compile(r"[:,;]")
_FOLDED_POSTS = 256  # compiled patterns of the posts of a name before another (_post_comma), kept for reuse
_DATE_VALUE = re.compile(r"(\d{4}|XXXX)-(\d\d)(?:-(\d\d))?(?![\d/])")


def _days(value: str) -> Optional[tuple[str, str, str]]:
    """The year ("XXXX" when unknown) and the first and last day, as "MM-DD", that a date value covers; None for a
    year, a period or a duration. "2023-03-22" -> ("2023", "03-22", "03-22"); "XXXX-03" -> ("XXXX", "03-01", "03-31")."""
    m = _DATE_VALUE.match(value)
    if m is None:
        return None
    year, month, dd = m.group(1), m.group(2), m.group(3)
    return (year, f"{month}-{dd}", f"{month}-{dd}") if dd else (year, f"{month}-01", f"{month}-31")


def _fold(text: str) -> str:
    """A rank, an honorific or a post as roles compares it: blanks collapsed, lower case."""
    return " ".join(text.split()).lower()


def _own(official: Official, posts_only: bool = False) -> set[str]:
    """The folded rank, honorific and posts of an official (only his posts with ``posts_only``)."""
    posts = [p.text for p in official.positions]
    return {_fold(w) for w in (posts if posts_only else [official.rank, official.honorific, *posts]) if w}


@lru_cache(maxsize=_FOLDED_POSTS)
def _post_comma(posts: frozenset[str]) -> re.Pattern[str]:
    """A comma, one of ``posts`` (folded) written with any blanks and in any case, then a comma (group 1), as
    _POST_THEN_NEXT places the comma after a post in brackets or after a dash."""
    words = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in sorted(posts, key=lambda p: (-len(p), p)))
    return re.compile(r"\s*,\s+(?:" + words + r")(,)", re.IGNORECASE)


def _holders(officials: Iterable[Official], clauses: set[tuple[str, ...]]) -> Counter[tuple[str, ...]]:
    """How many officials hold each headline clause (its words) as one of their posts."""
    return Counter(c for o in officials for c in _posts_in(o, clauses))


def _posts_in(official: Official, clauses: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """The posts of an official (their words, lower case) that are one of ``clauses``."""
    return {tuple(w.lower() for w in _WORD.findall(p.text)) for p in official.positions} & clauses


def _before(span: tuple[str, str, str], main: tuple[str, str, str]) -> bool:
    """The span ends before the main event's day begins: by the whole date when both years are known, else by month and
    day (the same year assumed)."""
    if "XXXX" in (span[0], main[0]):
        return span[2] < main[1]
    return (span[0], span[2]) < (main[0], main[1])


@dataclass(frozen=True)
class _Lead:
    """The lead's sentences, the sentences that report an earlier event and the sentence of an offset: what the
    readers of an official's lead mentions share (statement owners, lead declarers, lead subjects)."""

    sentences: list[Sentence]
    earlier: set[Sentence]
    sentence_of: Callable[[int], Sentence]

    def mentions(self, official: Official) -> Iterator[tuple[Mention, Sentence]]:
        """The official's mentions in a lead sentence that reports no earlier event, each with its sentence."""
        for m in official.mentions:
            sentence = self.sentence_of(m.start)
            if sentence in self.sentences and sentence not in self.earlier:
                yield m, sentence


class RoleReader:
    """Turns the officials of a document into the main event's participants."""

    def __init__(self) -> None:
        self.t = RoleTables()
        self.main_rule = ""
        self.main_type = "other"
        # a rule's `not_after` words between the name and its cue give the cue to someone else ("A nghe B báo cáo")
        rules = [r for by_cue in self.t.variants.values() for rs in by_cue.values() for r in rs]
        self.not_after = {r.name: phrase_regex(r.not_after) for r in rules if r.not_after}
        # the verbs of the `just_before` cues "<verb> cho" ("trao cho", "trao quyết định cho"), to read them with their
        # object between: "trao cờ lệnh xuất quân cho đồng chí A"
        self.giving = {phrase_key(c)[: -len(" cho")] for c in self.t.variants["just_before"] if c.endswith(" cho")}
        self.giving_re = phrase_regex(sorted(self.giving)) if self.giving else None
        self.cho_re = phrase_regex(["cho"])

    def participants(
        self,
        doc: Document,
        low: str,
        sentence_of: Callable[[int], Sentence],
        lead: list[Sentence],
        main_rule: str,
        main_type: str = "other",
        main_trigger: str = "",
        day: Optional[TemporalExpression] = None,
    ) -> list[Participant]:
        """One participant per official that a role rule, a participation cue or the lead ties to the event."""
        self.main_rule, self.main_type = main_rule, main_type
        self.gathering = bool(self.t.gathering_re.search(main_trigger.lower()))
        # a main event whose trigger gives ("tổng kết và trao giải Hội thao"): "trao X cho A" there is its giving
        self.gives = bool(self.t.giving_trigger_re and self.t.giving_trigger_re.search(main_trigger.lower()))
        self.press_event = bool(self.t.press_re.search(main_trigger.lower()))
        self.main_trigger = main_trigger.lower()
        named_in_lead = {
            idx for idx, o in enumerate(doc.officials) if any(a <= m.start < b for m in o.mentions for a, b in lead)
        }
        self._letters: dict[Sentence, int] = {}
        self._openings: dict[Sentence, Optional[RoleRule]] = {}
        self._press: dict[Sentence, bool] = {}
        self._press_conference: dict[Sentence, bool] = {}
        self._representing: dict[Sentence, Optional[int]] = {}
        by_sentence: dict[Sentence, list[tuple[int, int, int]]] = {}
        for idx, official in enumerate(doc.officials):
            for m in official.mentions:
                ms, me = m.start, m.end
                if me > ms:
                    by_sentence.setdefault(sentence_of(ms), []).append((ms, me, idx))
        found: dict[int, tuple[RoleRule, int, int]] = {}
        kept: dict[int, tuple[RoleRule, int, int]] = {}  # the best rule of each person that is no report of his words
        press_sources: set[int] = set()  # people who state or inform in a sentence said to the press
        informing: set[int] = set()  # people who only inform somewhere ("A cho biết …" with no other cue there)
        tells_in_lead: dict[int, tuple[int, int]] = {}  # quoted in the lead as informing ("dẫn lời A cho biết"): where
        taking_part: set[int] = set()  # people a participation word stands next to ("A đến thăm", "tiếp ông A")
        informs_in_lead: set[int] = set()  # people who inform the press in the lead, or are its source ("Theo A")
        states: dict[int, tuple[int, int]] = {}  # under a statement headline: who states or informs, first where
        statement = main_rule in self.t.later_statement_main_rules
        # a commentator is a source, but a statement headline may report his own words
        source_re = self.t.source_re if main_rule in self.t.statement_main_rules else self.t.source_or_commentator_re
        subject = self._headline_subject(doc, main_rule, main_trigger)
        earlier = self._earlier_sentences(doc, sentence_of, day) | self._other_occasions(doc, low, lead)
        lead_scope = _Lead(lead, earlier, sentence_of)
        starts = [a for a, _ in doc.sentences]
        # under a statement or a headline in its own words, who is quoted in the first sentences ("Reuters dẫn tuyên bố
        # của Bộ trưởng A"), first where
        speaks_of = main_rule in self.t.statement_main_rules or main_rule in self.t.lead_quoted_main_rules
        quoted_early: dict[int, tuple[int, int]] = {}
        for sentence, mentions in by_sentence.items():
            if sentence in earlier:
                continue  # another, earlier event: nothing it says places anyone in the main one
            mentions.sort()
            listed = self._listed_before(doc, low, sentence, mentions)
            inside = self._inside_posts(doc, low, sentence, mentions)
            represented = self._represented(doc, low, sentence, mentions)
            inherited: Optional[RoleRule] = None  # the cue after the next person, if joined to it by "và"
            joins_in = False  # the next person takes part by a participation word after it ("A và B gặp lại nhau")
            for i in range(len(mentions) - 1, -1, -1):
                ms, me, idx = mentions[i]
                if i in inside:  # named in the post of the one before ("A, cố vấn của Tổng thống B, cho biết")
                    inherited, joins_in = None, False
                    continue
                # a possessor ("lời căn dặn của Chủ tịch C, …, động viên …", "cố vấn an ninh của Tổng thống D chủ trì"):
                # what follows him is the head noun's deed; only a cue just before him ("thi thể của E") is his
                if i in represented or self._possessed(doc, low, sentence, ms, doc.officials[idx]):
                    inherited, joins_in = None, False
                    if listed[i] is not None:
                        found.setdefault(idx, (listed[i], ms, me))
                        kept.setdefault(idx, (listed[i], ms, me))
                    continue
                j = next((j for j in range(i + 1, len(mentions)) if j not in inside), len(mentions))
                nxt = mentions[j][0] if j < len(mentions) else sentence[1]
                prev_end = mentions[i - 1][1] if i else sentence[0]
                source = self._before(doc, low, sentence, ms, source_re)
                # one quoted with no cue of his own may carry a long post between the quoting words and his name ("dẫn
                # tuyên bố của trợ lý Bộ trưởng Quốc phòng Mỹ đặc trách châu Á - Thái Bình Dương A"): read from its start
                own = self._own_title_start(doc, sentence, ms, doc.officials[idx])
                if (
                    speaks_of
                    and bisect_right(starts, ms) <= self.t.statement_sentences
                    and self._quoted(doc, low, sentence, own)
                ):
                    quoted_early.setdefault(idx, (ms, me))
                after = None if source else self._after(doc, low, sentence, me, nxt)
                joined = (
                    after is None
                    and (inherited is not None or joins_in)
                    and (
                        self._joined(doc, me, nxt)
                        or (i + 1 < len(mentions) and self._collective_list(doc, low, sentence, mentions, i))
                    )
                )
                if joined and inherited is not None:
                    after = inherited
                if after is not None and after.at_occasion and self._at_occasion(low, sentence, ms, me, nxt):
                    after = self.t.by_name[after.at_occasion]
                inherited = after
                # a person with a cue of its own passes that cue on, not a participation word
                if after is not None:
                    joins_in = False
                else:
                    joins_in = (joins_in and joined) or (not source and self._part_after(doc, low, sentence, me, nxt))
                opening = self._opening(doc, low, sentence, mentions[0][0])
                addressed = self._addressed(doc, low, sentence, ms, opening) or (
                    self.t.topic_re is not None and self._before(doc, low, sentence, own, self.t.topic_re)
                )
                rules = [r for r in (after, listed[i], None if addressed else opening) if r is not None]
                in_lead = any(a <= ms < b for a, b in lead)
                if not rules:
                    if joins_in or self._part_before(doc, low, sentence, ms, prev_end):
                        taking_part.add(idx)
                    elif source and in_lead and self.main_rule in self.t.statement_main_rules:
                        # under a statement headline, the source the lead quotes ("Theo A", "dẫn lời A") states it
                        found.setdefault(idx, (self.t.by_name[_STATEMENT_SPEAKER], ms, me))
                    elif in_lead and main_rule in self.t.lead_quoted_main_rules and self._quoted(doc, low, sentence, own):
                        # the one the lead quotes on what the headline reports ("… dẫn lời Thủ tướng A cho biết") makes it
                        found.setdefault(idx, (self.t.by_name[_STATEMENT_SPEAKER], ms, me))
                    elif source and in_lead:
                        informs_in_lead.add(idx)  # "Theo ông A, …": the source of the news
                    if statement and self._quoted(doc, low, sentence, own):
                        states[idx] = min(states.get(idx, (ms, me)), (ms, me))  # "AFP dẫn lời A": A states
                    continue
                if (
                    (statement or subject)
                    and any(r.informs or r.role == "speaker" for r in rules)
                    and not (self.t.possessor_re and self._before(doc, low, sentence, ms, self.t.possessor_re))
                ):
                    states[idx] = min(states.get(idx, (ms, me)), (ms, me))
                if any(r.informs or r.role == "speaker" for r in rules) and self._to_press(low, sentence):
                    press_sources.add(idx)
                # a statement made further on than the first sentences is about another matter, not the headline's
                early = in_lead or bisect_right(starts, ms) <= self.t.statement_sentences
                rules = [self._reactive(r, in_lead, idx in named_in_lead and early, low, sentence) for r in rules]
                rules = [r for r in rules if r is not None]
                if in_lead and any(r.informs for r in rules) and self._restates(low, me, nxt):
                    # "tướng A cho biết không công nhận Tổng thống B" under "Tướng … công nhận …": he states it
                    rules = [self.t.by_name[_RESTATES] if r.informs else r for r in rules]
                if any(r.informs or r.role == "speaker" for r in rules) and self._at_press_conference(low, sentence):
                    rules = [self.t.by_name[_PRESS_SPEAKER] if r.informs or r.role == "speaker" else r for r in rules]
                if not rules:
                    continue
                if all(r.informs for r in rules):
                    informing.add(idx)
                # one who informs the press counts only when nothing else places him in the event
                rule = min(rules, key=self._rank)  # one who attends and speaks speaks
                if rule.informs and in_lead:
                    informs_in_lead.add(idx)
                    if self._quoted(doc, low, sentence, own) and not self._to_press(low, sentence):
                        tells_in_lead.setdefault(idx, (ms, me))
                # what a person's words elsewhere keep: no press source's speech, no speech said to the press here
                to_press = self._to_press(low, sentence)
                own_rules = [
                    r
                    for r in rules
                    if r.name not in self.t.press_source_rules and not (to_press and r.name in self.t.press_speech_rules)
                ]
                for into, rs in ((found, [rule]), (kept, own_rules)):
                    r = min(rs, key=self._rank, default=None)
                    best = into.get(idx)
                    if r is not None and (
                        best is None
                        or self._rank(r) < self._rank(best[0])
                    ):
                        into[idx] = (r, ms, me)
        if main_rule not in self.t.statement_main_rules and not (
            self.press_event or self.t.press_conference_re.search(self.main_trigger)
        ):
            # who tells the press is a source: his words quoted elsewhere are no speech in the event
            # nor is one who informs about it elsewhere ("Đại tá A cho biết …" and '"…", Đại tá A nói'): what he
            # says (role.speaker.noi) is told about the event, not said in it (role.other.cho_biet, the guide)
            for idx in (press_sources | informing) & found.keys():
                if found[idx][0].name in self.t.press_source_rules | self.t.press_speech_rules and (
                    idx in press_sources or found[idx][0].name == _SAYS
                ):
                    if idx in kept:
                        found[idx] = kept[idx]
                    else:
                        del found[idx]
                        informs_in_lead.add(idx)
        out: list[Participant] = []
        actors: set[int] = set()  # the headline's subjects who act or undergo it: no statement of theirs
        headline = self._headline_words(doc) if main_rule in self.t.headline_speaker_main_rules else []
        colon_clauses = {tuple(clause) for clause, colon in headline if colon and clause}
        holders = _holders(doc.officials, colon_clauses) if colon_clauses else Counter()
        reactive = main_rule in self.t.reactive_main_rules
        for idx, official in enumerate(doc.officials):
            in_lead = any(
                a <= m.start < b
                and (not earlier or sentence_of(m.start) not in earlier)
                and not self._not_acting(doc, low, (a, b), m.start)
                for m in official.mentions
                for a, b in lead
            )
            place = self._in_headline(official.name, headline) if headline else None
            if place is None and colon_clauses:
                place = self._post_in_headline(official, colon_clauses, holders)
            acts = place is not None and self._headline_acts(*place)
            if acts and (idx in found or idx in taking_part or in_lead):
                actors.add(idx)
            if place is not None and not acts and (idx in found or idx in taking_part or in_lead):
                # the one the headline quotes ("Trump nói …", "TT Putin cảnh báo …") speaks: the statement is the event
                out.append(Participant(name=official.name, role="speaker", official=idx, rule=_HEADLINE_SPEAKER))
            elif acts and self._speaks_at(doc, low, official, sentence_of, earlier):
                # one who acts and gives a speech at it ("Tổng thống A ký sắc lệnh …", "A phát biểu tại Lầu Năm Góc")
                out.append(Participant(name=official.name, role="speaker", official=idx, rule=_HEADLINE_SPEECH))
            elif acts and (idx in found or idx in taking_part or in_lead):
                # the headline's subject who acts or undergoes it ("Bộ trưởng A ký lệnh …", "Obama bị chỉ trích …")
                out.append(Participant(name=official.name, role="other", official=idx, rule=_HEADLINE_ACTOR))
            elif idx in found and not found[idx][0].informs:
                rule, ms, me = found[idx]
                doc.explain("events", rule.name, ms, me)
                out.append(Participant(name=official.name, role=rule.role, official=idx, rule=rule.name))
            elif idx in tells_in_lead and main_rule in self.t.lead_quoted_main_rules:
                # one the lead quotes telling it ("Times of Israel dẫn lời cựu bộ trưởng A cho biết …") and whom
                # nothing else places in it makes the statement the news is about, as one quoted with no cue does
                doc.explain("events", _STATEMENT_SPEAKER, *tells_in_lead[idx])
                out.append(Participant(name=official.name, role="speaker", official=idx, rule=_STATEMENT_SPEAKER))
            elif idx in taking_part and main_rule not in self.t.no_participation_main_rules:
                out.append(Participant(name=official.name, role="other", official=idx, rule=_PARTICIPATION.name))
            elif (
                in_lead
                and not reactive
                and idx not in informs_in_lead
                and (not speaks_of or self._lead_subject(doc, low, official, lead_scope))
            ):
                # (one who only informs the press in the lead is no participant; one named in the lead who informs
                # further on still is)
                # named in the lead of a meeting, a visit or a ceremony: there; in a statement or an incident the
                # lead also names those it speaks of
                if speaks_of and idx in quoted_early:
                    # under a statement or a headline in its own words, the one the lead names as its subject whose own
                    # words the first sentences quote ("… ", Reuters dẫn tuyên bố của Bộ trưởng A) makes the statement
                    doc.explain("events", _STATEMENT_SPEAKER, *quoted_early[idx])
                    out.append(Participant(name=official.name, role="speaker", official=idx, rule=_STATEMENT_SPEAKER))
                    continue
                declares = self._declares_in_lead(doc, low, official, lead_scope)
                if declares is not None:
                    # a declaring word in his own clause of the lead and no deed a rule names: he speaks (the guide:
                    # "a declaring word in his own clause at the event … makes him a speaker"), he does not merely take part
                    doc.explain("events", _LEAD_DECLARES, *declares)
                    out.append(Participant(name=official.name, role="speaker", official=idx, rule=_LEAD_DECLARES))
                    continue
                out.append(Participant(name=official.name, role="other", official=idx, rule="role.other.lead"))
        if main_rule in self.t.owner_main_rules and not any(p.role == "speaker" for p in out):
            out = self._statement_owners(doc, low, out, lead_scope)
        if subject and not any(p.role == "speaker" for p in out):
            out = self._subject_speakers(
                doc, out, subject, {k: v for k, v in states.items() if k not in actors}, named_in_lead - actors
            )
        if statement and not any(p.role == "speaker" for p in out):
            out = self._later_speaker(doc, out, {k: v for k, v in states.items() if k not in actors})
        return out

    def _restates(self, low: str, me: int, nxt: int) -> bool:
        """Under a headline verb of `restates.main_rules`, the words a person tells in the lead open with the main
        event's trigger, after at most `restates.words` words of `restates.between` ("tướng A cho biết không công nhận
        Tổng thống B" under "Tướng … công nhận 'Tổng thống lâm thời' C"): what he tells is the headline's news."""
        conf = self.t.restates
        if self.main_rule not in conf.main_rules or not self.main_trigger:
            return False
        end = self._clause_end(low, me, nxt)
        for s, e in find_all(self.t.cue_re["after"], low, me, end):
            if not any(r.informs for r in self.t.variants["after"].get(phrase_key(low[s:e]), [])):
                continue
            words = low[e:end].split()
            k = next((i for i, w in enumerate(words[: conf.words + 1]) if w not in self.t.restates_between), 0)
            return " ".join(words[k:]).startswith(self.main_trigger + " ") or " ".join(words[k:]) == self.main_trigger
        return False

    def _statement_owners(self, doc: Document, low: str, out: list[Participant], lead: _Lead) -> list[Participant]:
        """Under a headline of what was said or done (`statement_owners.main_rules`) that no one has yet been found to
        state, a participant of role `other` whom the lead names as the owner of a statement ("Đó là tuyên bố của Thứ
        trưởng Quốc phòng Nga A", "theo thông báo của B": one of `statement_owners.before` just before his own rank and
        posts) made it: its speaker (rule role.speaker.tuyen_bo_cua)."""
        if self.t.owner_re is None:
            return out
        changed: list[Participant] = []
        for p in out:
            official = doc.officials[p.official] if p.official is not None else None
            hit = None
            if p.role == "other" and official is not None:
                for m, sentence in lead.mentions(official):
                    own = self._own_title_start(doc, sentence, m.start, official)
                    if self._phrases_before(doc, low, sentence, own, self.t.owner_re):
                        hit = m
                        break
            if hit is None:
                changed.append(p)
                continue
            doc.explain("events", _OWNER_SPEAKER, hit.start, hit.end)
            changed.append(Participant(name=p.name, role="speaker", official=p.official, rule=_OWNER_SPEAKER))
        return changed

    def _rank(self, rule: RoleRule) -> tuple[bool, bool, int]:
        """The order in which a person's rules win: one that only informs last; one of what he undergoes (a defendant,
        a victim: `undergoes`) or of a deed of his own in the event (a recruit, a relative at the send-off: `own_deed`)
        before any other, whatever he says or reports ("bị cáo A … trình bày", "tân binh B phát biểu"); then `precedence`."""
        return rule.informs, not (rule.undergoes or rule.own_deed), self.t.precedence[rule.role]

    def _declares_in_lead(self, doc: Document, low: str, official: Official, lead: _Lead) -> Optional[tuple[int, int]]:
        """Where a mention of the lead is followed, in its own clause (after his posts, before the next person), by a
        word of `lead_declaring` ("Đại tá A - phó viện trưởng … - khẳng định như vậy tại buổi họp báo …"); None if
        none is. Such a word said to the press counts too: the lead's declarer makes the headline's statement. Not under
        a main type of `lead_declaring_not_for_types` (an exercise: what one stresses about it is a comment)."""
        if self.t.lead_declaring_re is None or self.main_type in self.t.lead_declaring_not_for_types:
            return None
        others = sorted(m.start for o in doc.officials if o is not official for m in o.mentions)
        for m, sentence in lead.mentions(official):
            k = bisect_right(others, m.end)
            nxt = min(others[k] if k < len(others) else sentence[1], sentence[1])
            end = self._clause_end(low, m.end, nxt)
            for s, e in find_all(self.t.lead_declaring_re, low, m.end, end):
                if self._counts(doc, low, sentence, s, e):
                    return m.start, m.end
        return None

    def _lead_subject(self, doc: Document, low: str, official: Official, lead: _Lead) -> bool:
        """A mention of the lead opens its clause, after its own rank, honorific or posts and at most a few capitalized
        words, figures or "và" ("Thủ tướng A ký …", "Ngày 21/7, B …"), not after a verb or a preposition ("không công
        nhận Tổng thống C", "cuộc gặp với lãnh đạo D", "nhằm lật đổ Tổng thống E"): the one who acts, not one spoken of."""
        for m, sentence in lead.mentions(official):
            start = self._own_title_start(doc, sentence, m.start, official)
            a = max(sentence[0], start - _OWN_TITLE_LEN)
            before = doc.text[a:start]
            clause = max(before.rfind(c) for c in _CLAUSE_MARKS) + 1
            # a verb of saying opens the clause it reports ("Người phát ngôn cho biết Bộ trưởng A đã gặp …"); who acts
            # or states after an acting possessor acts ("dưới sự giám sát của Tổng thống B", "tuyên bố của Thứ trưởng C")
            if any(not low[e:start].strip() for _, e in find_all(self.t.acting_re, low, a + clause, start)):
                return True
            said = [
                e - a
                for s, e in find_all(self.t.cue_re["after"], low, a + clause, start)
                if not low[e:start].strip() and self._says(low, sentence, s, e)
            ]
            words = before[max([clause] + said) :].split()
            if not any(w[:1].islower() and w not in self.t.coordination for w in words):
                return True
        return False

    def _says(self, low: str, sentence: Sentence, s: int, e: int) -> bool:
        """The `after` cue at ``[s, e)`` is a verb of saying or telling (a speaker rule's or one that informs)."""
        rule = self.t.rules["after"].get(phrase_key(low[s:e]))
        return rule is not None and (rule.informs or rule.role == "speaker") and not self._in_not_cue(low, sentence, s, e)

    def _earlier_sentences(
        self, doc: Document, sentence_of: Callable[[int], Sentence], day: Optional[TemporalExpression]
    ) -> set[Sentence]:
        """Sentences that report an earlier event (`earlier_days`): dated to a day before the main event's day ("Ngày
        1-2, A tháp tùng …" under an event of 2-2) and to no day of it or later."""
        main = _days(day.value) if day is not None and day.value else None
        if main is None or not self.t.earlier_days:
            return set()
        before: set[Sentence] = set()
        same: set[Sentence] = set()
        for r in doc.dates:
            span = _days(r.value) if r.value and r.type in ("date", "datetime") else None
            if span is None:
                continue
            (before if span[1] == span[2] and _before(span, main) else same).add(sentence_of(r.start))
        return before - same

    def _other_occasions(self, doc: Document, low: str, lead: list[Sentence]) -> set[Sentence]:
        """Sentences after the lead that place what they report at another occasion (`other_occasions`: "Cùng ngày,
        phát biểu tại Hội đồng Liên bang, A cho biết …", "Phát biểu bên lề hội nghị, B …", "C phát biểu tại một cuộc
        họp hôm 7/8"), unless they name the main event's trigger (a sentence of the lead reports the main event).
        (Linear: one trie scan of each sentence.)"""
        if self.t.other_occasion_re is None:
            return set()
        out: set[Sentence] = set()
        first = self.t.other_occasion_re.search(low)
        if first is None:
            return out
        # the first match at or after ``since`` starts at ``at``: a sentence that ends before it holds none (a match
        # inside a sentence is one in the whole text), so only the sentences with a match are searched on their own
        since, at = 0, first.start()
        for sentence in doc.sentences:
            a, b = sentence
            if since > a or (at < a and since < a):
                nxt = self.t.other_occasion_re.search(low, a)
                since, at = a, nxt.start() if nxt is not None else len(low)
            if b <= at:
                continue
            if sentence in lead or self.t.other_occasion_re.search(low, a, b) is None:
                continue
            # (not "trong một cuộc họp báo": what is told at a press conference is read by the press rules)
            found = [e for _, e in find_all(self.t.other_occasion_re, low, a, b) if not low.startswith(" báo", e)]
            if found and (not self.main_trigger or low.find(self.main_trigger, a, b) < 0):
                out.add(sentence)
        return out

    def _headline_subject(self, doc: Document, main_rule: str, main_trigger: str) -> list[str]:
        """The words a statement headline opens its clause with, before its speech verb ("Pháp bác tin …", "Tướng Mỹ
        nói …"): who makes the statement. Empty under other headlines, or when the subject undergoes it ("Lầu Năm Góc
        bị phản đối …")."""
        conf = self.t.statement_subject
        if main_rule not in conf.main_rules and main_rule not in conf.stating_main_rules:
            return []
        title = doc.title or ""
        at = title.lower().find(main_trigger.lower()) if main_trigger else -1
        if at < 0:
            return []
        clause = max(title.rfind(c, 0, at) for c in ":;,") + 1
        words = _WORD.findall(title[clause:at])
        if not words and main_trigger.count(" ") >= 2:  # the headline's own words (event.main.headline): its opening
            words = _WORD.findall(main_trigger)
        if any(w.lower() in conf.passive for w in words):
            return []
        return words[: conf.words]

    def _subject_speakers(
        self, doc: Document, out: list[Participant], subject: list[str], states: dict[int, tuple[int, int]],
        named_in_lead: set[int],
    ) -> list[Participant]:
        """Under a statement headline that opens with a country or a body ("Pháp bác tin …", "Philippines thừa nhận
        …") and that no one has yet been found to state, an official whose post belongs to it ("Tổng thống Pháp A",
        "Bộ trưởng Quốc phòng Philippines B") and who is named in the lead or states or informs in the body makes the
        statement: its speaker. Under a headline of `stating_main_rules`, only one who states or informs."""
        low_subject = [w.lower() for w in subject]
        if self.main_rule in self.t.statement_subject.stating_main_rules:
            named_in_lead = set()
        of_subject = [
            idx
            for idx, official in enumerate(doc.officials)
            if (idx in states or idx in named_in_lead)
            and any(self._names_subject(p.organization, subject, low_subject) for p in official.positions)
        ]
        # those the lead names make it; else the first who states it (not every official of the country quoted later)
        lead = [idx for idx in of_subject if idx in named_in_lead]
        first = min(of_subject, key=lambda idx: states[idx]) if of_subject and not lead else None
        chosen: dict[int, Participant] = {}
        for idx in lead or ([first] if first is not None else []):
            chosen[idx] = Participant(name=doc.officials[idx].name, role="speaker", official=idx, rule=_SUBJECT_SPEAKER)
            if idx in states:
                doc.explain("events", _SUBJECT_SPEAKER, *states[idx])
        if not chosen:
            return out
        return [p for p in out if p.official not in chosen or p.role == "speaker"] + [
            p for idx, p in chosen.items() if not any(q.official == idx and q.role == "speaker" for q in out)
        ]

    def _names_subject(self, organization: Optional[str], subject: list[str], low_subject: list[str]) -> bool:
        """The organization ends with a proper name (its last one to three capitalized words) that opens the headline's
        subject, or follows a capitalized word of title there: "Quốc phòng Philippines" and "Philippines thừa nhận",
        "Tướng Mỹ nói"; not a post abroad ("Trung Quốc tại Philippines"), nor the people of a country ("20.000 người
        Hàn Quốc sẽ thiệt mạng")."""
        words = _WORD.findall(organization or "")
        for k in (3, 2, 1):
            tail = words[-k:]
            if len(tail) < k or not all(w[0].isupper() for w in tail):
                continue
            if len(words) > k and words[-k - 1].lower() in self.t.statement_subject.posted_in:
                continue
            low_tail = [w.lower() for w in tail]
            if low_subject[:k] == low_tail or (subject[0][0].isupper() and low_subject[1 : 1 + k] == low_tail):
                return True
        return False

    def _later_speaker(
        self, doc: Document, out: list[Participant], states: dict[int, tuple[int, int]]
    ) -> list[Participant]:
        """Under a statement headline that no one in the lead states ("Nga bác bỏ …", "Chuyên gia Trung Quốc nói
        …"), the first person who states or informs within the first sentences of the body makes the statement: its
        speaker (role.speaker.statement_later), in place of any lesser role he has."""
        starts = [a for a, _ in doc.sentences]
        early = [(ms, me, idx) for idx, (ms, me) in states.items() if bisect_right(starts, ms) <= self.t.statement_sentences]
        if not early:
            return out
        ms, me, idx = min(early)
        doc.explain("events", _LATER_SPEAKER, ms, me)
        speaker = Participant(name=doc.officials[idx].name, role="speaker", official=idx, rule=_LATER_SPEAKER)
        return [p for p in out if p.official != idx] + [speaker]

    def _reactive(
        self, rule: RoleRule, in_lead: bool, named_in_lead: bool, low: str, sentence: Sentence
    ) -> Optional[RoleRule]:
        """A rule as it reads in the main event at hand. Under a statement headline one named in the lead who states
        or informs (``named_in_lead``: in the lead or the first `statement_sentences` sentences; what one says further
        on is about another matter) makes the statement: its speaker. At a crash, an arrest or other reactive news a speech word makes
        in the lead, under a headline that only says what happened, the one who makes the statement the news is about
        ("Ngoại trưởng A … khẳng định Berlin đã quyết định ngừng …"); at a crash or a case, a source of the news
        (role.other.cho_biet); under a headline verb, one who takes part ("Tổng thống A ký bản ghi nhớ khẳng định").
        Said to the press or further on, a source, no participant. Any other rule kept for meetings makes one who
        takes part in the lead."""
        statement = self.main_rule in self.t.statement_main_rules
        if statement and named_in_lead and (rule.informs or self.main_rule in rule.not_for_main_rules):
            return self.t.by_name[_STATEMENT_SPEAKER]
        if self.main_rule not in rule.not_for_main_rules:
            return rule
        if rule.role != "speaker":
            return _PARTICIPATION if in_lead else None
        if not in_lead or self._to_press(low, sentence):
            return self.t.by_name[_SOURCE]
        if self.main_rule in self.t.lead_statement_main_rules:
            return self.t.by_name[_STATEMENT_SPEAKER]
        return self.t.by_name[_SOURCE] if self.main_rule in self.t.incident_main_rules else _PARTICIPATION

    @staticmethod
    def _headline_words(doc: Document) -> list[tuple[list[str], bool]]:
        """The words of each clause of the headline (split at ":", ",", ";"), lower case, and whether a colon closes
        the clause ("TT Putin: …": what follows is his words)."""
        title = doc.title or ""
        out: list[tuple[list[str], bool]] = []
        at = 0
        for m in [*_CLAUSE.finditer(title), None]:
            end = m.start() if m else len(title)
            out.append(([w.lower() for w in _WORD.findall(title[at:end])], bool(m) and m.group() == ":"))
            at = m.end() if m else at
        return out

    @staticmethod
    def _post_in_headline(
        official: Official, colon_clauses: set[tuple[str, ...]], holders: Counter[tuple[str, ...]]
    ) -> Optional[tuple[list[str], bool]]:
        """A headline clause closed by a colon (``colon_clauses``, its words) is, word for word, a post of this official
        and of no other (``holders``: one official holds it) ("Tổng bí thư: Không để xảy ra …", "Lãnh đạo Đài Loan: Vụ
        phóng nhầm …"): the words after the colon are his, as if his name opened the clause (nothing of a predicate
        before the colon)."""
        mine = _posts_in(official, colon_clauses)
        if mine and all(holders[c] == 1 for c in mine):
            return [], True
        return None

    @staticmethod
    def _in_headline(name: str, headline: list[tuple[list[str], bool]]) -> Optional[tuple[list[str], bool]]:
        """The name opens a clause of the headline, after at most two words of title ("TT Putin cảnh báo …",
        "Tướng Valery Gerasimov: …"): it is the subject; the words of the clause after it (his predicate) and whether a
        colon closes the clause. A foreign name may be written by its last word ("Trump"); a Vietnamese given name
        alone ("Nam", "Hùng") says too little. None when he opens no clause."""
        words = [w.lower() for w in _WORD.findall(name)]
        if not words:
            return None
        for clause, colon in headline:
            head = clause[: len(words) + 2]
            if all(w in head for w in words):
                return clause[max(head.index(w) for w in words) + 1 :], colon
            if len(words[-1]) > 3 and words[-1].isascii() and words[-1] in clause[:3]:
                return clause[clause.index(words[-1]) + 1 :], colon
        return None

    def _speaks_at(
        self, doc: Document, low: str, official: Official, sentence_of: Callable[[int], Sentence], earlier: set[Sentence]
    ) -> bool:
        """A cue of `headline_actor.speech_rules` follows one of the person's mentions in its clause, a source before it
        or not ("AFP dẫn lời Tổng thống A phát biểu tại Lầu Năm Góc"): he gives a speech at what he does."""
        for m in official.mentions:
            sentence = sentence_of(m.start)
            if sentence in earlier:
                continue
            rule = self._after(doc, low, sentence, m.end, sentence[1])
            if rule is not None and rule.name in self.t.headline_actor_speech_rules:
                doc.explain("events", _HEADLINE_SPEECH, m.start, m.end)
                return True
        return False

    def _headline_acts(self, predicate: list[str], colon: bool) -> bool:
        """The headline's subject acts or undergoes what the headline reports, no statement of his (`headline_actor`):
        a passive word opens his predicate ("Obama bị chỉ trích", "Ông Trump sắp được nhận"); under a headline verb of
        an act (`act_main_rules`) no speech word follows him and no colon closes his clause ("Bộ trưởng Mattis ký lệnh
        rút quân", "Thượng tướng A từ trần"; not "Trump thông báo rút quân", "Trump: Triều Tiên …"); or the statement
        verb of the main event is an act of his (`act_triggers`: "Ông Trump ra lệnh thành lập …")."""
        conf = self.t.headline_actor
        said = predicate[: conf.words]
        if any(w in self.t.headline_passive for w in said[: conf.passive_words]):
            return True
        if colon and not said:
            return False
        text = " ".join(said)
        if self.main_rule in self.t.headline_act_main_rules:
            return not colon and self.t.headline_speech_re.search(text) is None
        trigger = phrase_key(self.main_trigger)
        return bool(trigger in self.t.headline_act_triggers and re.search(rf"(?<!\w){re.escape(trigger)}(?!\w)", text))

    # ---- placements -----------------------------------------------------------------
    def _first_letter(self, doc: Document, sentence: Sentence) -> int:
        """Where the first letter of a sentence stands (cached: a sentence may be very long)."""
        if sentence not in self._letters:
            a, b = sentence
            m = _LETTER.search(doc.text, a, b)
            self._letters[sentence] = m.start() if m else b
        return self._letters[sentence]

    def _counts(self, doc: Document, low: str, sentence: Sentence, s: int, e: int) -> bool:
        """A cue counts in lower case, or opening its sentence; never inside a longer non-cue word, nor right after a
        negation (`negations`: "Đại sứ A không tham dự cuộc họp này" gives no role) or a marker of the person's past (`former_markers`:
        "A từng tuyên bố")."""
        if not doc.text[s].islower() and self._first_letter(doc, sentence) < s:
            return False
        if self.t.negation_re is not None and self.t.negation_re.search(low, max(sentence[0], s - 16), s):
            return False
        return not self._in_not_cue(low, sentence, s, e)

    def _in_not_cue(self, low: str, sentence: Sentence, s: int, e: int) -> bool:
        """The cue at ``[s, e)`` begins inside a longer word that is no cue ("tiếp tục", "gặp nạn", "vinh dự"); a cue
        that holds the whole not-cue and more ("vinh dự nhận") is one all the same."""
        a = max(sentence[0], s - 12)
        return any(
            bs <= s < be and not (bs == s and e > be)
            for bs, be in find_all(self.t.not_cue_re, low, a, min(sentence[1], e + 20))
        )

    def _joined(self, doc: Document, me: int, nxt: int) -> bool:
        """The stretch after a name (its posts) ends with "và", "cùng" or ";" and at most a few words (the
        next person's post or rank) before the next person: "A, Phó Tư lệnh và Trung tướng B cùng được…",
        "A, Phó chủ tịch HĐND tỉnh; B, Phó chủ tịch UBMTTQ tỉnh dự lễ"; or names listed with a comma and nothing
        but a bracket between them: "A (Quảng Bình), B (Bình Định) gặp lại nhau". Not when a word of `own_predicate`
        stands before the coordination word: "A … đã thắp ngọn lửa truyền thống; B … đã phát biểu"."""
        if _NAME_LIST.fullmatch(doc.text, me, nxt):
            return True
        words = doc.text[me:nxt].replace(";", " ; ").replace(",", " ").lower().split()[-(_JOIN_TAIL + 2) :]
        for i in range(len(words)):
            if len(words) - i - 1 <= _JOIN_TAIL and (
                words[i] in self.t.coordination or " ".join(words[i : i + 2]) in self.t.coordination
            ):
                # a word of tense before it: the first has a predicate of his own ("A … đã thắp lửa; B … phát biểu")
                return not self.t.own_predicate & set(words[:i])
        return False

    def _clause_end(self, low: str, me: int, nxt: int) -> int:
        """Where the clause of a name ends: the next person, ";", a line end, an opening quotation mark (the words
        quoted are not the person's deeds) or a stop word ("theo", "dẫn lời")."""
        end = min(nxt, me + _AFTER_LIMIT)
        for stop in (";", "\n", "“", '"'):
            cut = low.find(stop, me, end)
            if cut >= 0:
                end = cut
        stops = find_all(self.t.stop_re, low, me, end)
        return stops[0][0] if stops else end

    def _after(self, doc: Document, low: str, sentence: Sentence, me: int, nxt: int) -> Optional[RoleRule]:
        """The first cue after the name (and its posts), in the same clause, before the next person."""
        end = self._clause_end(low, me, nxt)
        found = [(s, e, self._rule("after", low[s:e])) for s, e in find_all(self.t.cue_re["after"], low, me, end)]
        if low.find("được", me, end) >= 0:  # the passive's own word, before its costlier pattern
            for rule, pattern in self.t.passive:
                found += [(s, e, rule) for s, e in find_all(pattern, low, me, end)]
        found.sort(key=lambda x: x[0])
        for i, (s, e, rule) in enumerate(found):
            if rule is not None and self.t.former_re is not None and self.t.former_re.search(low, max(sentence[0], s - 16), s):
                return None  # "A từng tuyên bố coi B là …": the predicate is his past, and what follows is part of it
            if rule is None or not self._counts(doc, low, sentence, s, e):
                continue
            said = self.t.after_quote.get(phrase_key(low[s:e]))
            if said is not None and self._closes_quote(doc, sentence, e):
                rule = self._rule("after", said)
                if rule is None:
                    return None
            listener = self.not_after.get(rule.name)
            if listener is not None and find_all(listener, low, me, s):
                continue
            if rule.representing and not self._represents(low, sentence, me):
                continue  # "đến nhà bà A công bố quyết định": the visitors announce, not A
            if rule.to_press and self._to_press(low, sentence):
                return self.t.by_name[_SOURCE]
            return self._and_speaks(doc, low, sentence, rule, e, found[i + 1 :])
        return None

    def _represents(self, low: str, sentence: Sentence, me: int) -> bool:
        """A word of `representing` stands before the name in its sentence: "Thay mặt Hội đồng nghĩa vụ quân sự, đồng chí
        A … công bố quyết định" (A acts for the body at the ceremony)."""
        if self.t.representing_re is None:
            return False
        if sentence not in self._representing:  # the first such word of the sentence, found once per sentence
            hits = find_all(self.t.representing_re, low, sentence[0], sentence[1])
            self._representing[sentence] = hits[0][1] if hits else None
        first = self._representing[sentence]
        return first is not None and first <= me

    def _closes_quote(self, doc: Document, sentence: Sentence, e: int) -> bool:
        """The cue ends its sentence (nothing but punctuation after it) and the sentence opens with a quotation: '"…",
        đại tá A, người đứng đầu …, phát biểu.' reports words said, as "nói" does."""
        a = self._first_letter(doc, sentence)
        opening = doc.text[sentence[0] : a].strip()
        return bool(opening) and opening[-1] in _QUOTES and not any(c.isalnum() for c in doc.text[e : sentence[1]])

    def _and_speaks(
        self,
        doc: Document,
        low: str,
        sentence: Sentence,
        rule: RoleRule,
        e: int,
        rest: list[tuple[int, int, Optional[RoleRule]]],
    ) -> RoleRule:
        """One who attends and, in the same predicate, speaks ("A đến dự và phát biểu chỉ đạo", "A tham dự và phát
        biểu tại hội nghị") speaks: the speech cue's rule. ("dự và chỉ đạo" is a cue of its own: an attendee.) A cue of
        `and_speaks.rules` may come after what he attends and a coordination word, a few words and no punctuation
        between (`and_speaks.words`: "Tổng thống A thị sát cuộc diễn tập và có bài phát biểu với các binh lính")."""
        if rule.role != "attendee" or not rest:
            return rule
        s2, e2, nxt = rest[0]
        if nxt is not None and nxt.role == "speaker" and not nxt.informs and low[e:s2].strip() in self.t.coordination:
            return nxt if self._counts(doc, low, sentence, s2, e2) else rule
        for s2, e2, nxt in rest:
            gap = low[e:s2]
            if any(c in _PUNCT for c in gap) or len(gap.split()) > self.t.and_speaks_words:
                break
            if (
                nxt is not None
                and nxt.name in self.t.and_speaks_rules
                and self.t.coordination & set(gap.split())
                and self._counts(doc, low, sentence, s2, e2)
            ):
                return nxt
        return rule

    def _at_press_conference(self, low: str, sentence: Sentence) -> bool:
        """The sentence places what is told at a press conference, and the main event is what was announced there:
        no meeting or ceremony of its own (the press conference before a ceremony only informs about it), no crash or
        case (whose press briefing informs about what happened)."""
        if self.main_rule in self.t.incident_main_rules:
            return False
        if sentence not in self._press_conference:
            a, b = sentence
            found = find_all(self.t.press_conference_re, low, a, b) if self.t.press_conference_re.search(low, a, b) else []
            # the main event is this press conference ("cuộc họp" of "tại cuộc họp báo quý IV") or no gathering at all
            self._press_conference[sentence] = bool(found) and (
                not self.gathering or any(self.main_trigger in low[s:e] for s, e in found)
            )
        return self._press_conference[sentence]

    def _to_press(self, low: str, sentence: Sentence) -> bool:
        """The sentence says its words were told to the press ("tại cuộc họp báo", "trả lời phỏng vấn", "nói với
        các phóng viên"), unless the main event is itself a press conference."""
        if sentence not in self._press:  # cached: a sentence may be very long and name many people
            a, b = sentence
            self._press[sentence] = any(
                p.search(low, a, b) is not None and bool(find_all(p, low, a, b))
                for p in (self.t.press_re, self.t.press_conference_re)
            )
        return not self.press_event and self._press[sentence]

    def _at_occasion(self, low: str, sentence: Sentence, ms: int, me: int, nxt: int) -> bool:
        """The sentence places what follows at the event before the name ("Tại buổi lễ, A chia sẻ …"), or the person's
        own clause does ("A cho biết tại buổi trao đổi …"); a press conference ("tại cuộc họp báo", a not-cue) is no
        such place."""
        found = find_all(self.t.occasion_re, low, sentence[0], ms)
        end = self._clause_end(low, me, nxt)
        cues = find_all(self.t.cue_re["after"], low, me, end)
        if cues:  # after his cue, not inside his post ("nhà nghiên cứu tại Diễn đàn …")
            found += find_all(self.t.occasion_re, low, cues[0][1], end)
        return any(not self._in_not_cue(low, sentence, s, e) for s, e in found)

    def _rule(self, where: str, cue: str) -> Optional[RoleRule]:
        """The first rule naming the cue that applies to this kind of main event: rules kept for some kinds
        (recruits at an enlistment, what is told at a conference or at a meeting or ceremony the headline event
        names) give no role at the others."""
        for rule in self.t.variants[where][phrase_key(cue)]:
            if rule.only_for_main_rules and self.main_rule not in rule.only_for_main_rules:
                continue
            if rule.meeting and not self._meets():
                continue  # "Ông Trump đang lên kế hoạch gặp mặt …" under a missile launch: another event
            if not rule.only_for_main_types or self.main_type in rule.only_for_main_types:
                return rule
            if self.gathering and self.main_type in rule.at_gatherings_of:
                return rule
        return None

    def _phrases_before(
        self, doc: Document, low: str, sentence: Sentence, ms: int, pattern: re.Pattern[str], reach: int = 0
    ) -> list[tuple[int, int]]:
        """The phrases of ``pattern`` that end at most `just_before_window` characters before the name with no
        punctuation between (beginning up to ``reach`` characters further back: a phrase longer than the window)."""
        a = max(sentence[0], ms - self.t.window - reach)
        return [
            (s, e)
            for s, e in find_all(pattern, low, a, ms)
            if ms - e <= self.t.window and not any(c in _PUNCT for c in doc.text[e:ms])
        ]

    def _before(self, doc: Document, low: str, sentence: Sentence, ms: int, pattern: re.Pattern[str]) -> bool:
        """A word of ``pattern`` a few words before the name, with no punctuation between: a source ("Theo
        Thượng tá A, …") or the one addressed ("báo cáo với Thủ tướng A")."""
        return bool(self._phrases_before(doc, low, sentence, ms, pattern))

    def _addressed(self, doc: Document, low: str, sentence: Sentence, ms: int, opening: Optional[RoleRule]) -> bool:
        """A word of `addressee_before` a few words before the name ("báo cáo với Thủ tướng A"), with no word of
        `continuation_openers` between when the sentence opens with an attendee cue: after "có" the name is listed, not
        addressed ("Tiếp và làm việc với đoàn có đồng chí A": the team is addressed, A receives it)."""
        breaks = self.t.continuation_openers if opening is not None and opening.role == "attendee" else frozenset()
        return any(
            not breaks & set(low[e:ms].split())
            for _, e in self._phrases_before(doc, low, sentence, ms, self.t.addressee_re)
        )

    def _quoted(self, doc: Document, low: str, sentence: Sentence, ms: int) -> bool:
        """A word of `quoting_before` just before the name ("CNN dẫn lời A", "dẫn tuyên bố của B"): his own words."""
        if self.t.quoting_re is None:
            return False
        return bool(self._phrases_before(doc, low, sentence, ms, self.t.quoting_re, reach=_QUOTING_LEN))

    def _possessed(self, doc: Document, low: str, sentence: Sentence, ms: int, official: Official) -> bool:
        """A `possessors` word stands right before the name and its own rank, honorific and posts ("lời căn dặn của
        Chủ tịch A", "người phát ngôn của Tổng thống B"; nothing else between), and ends no phrase of `acting_possessors`
        ("tuyên bố của C", "sự chủ trì của D" name who acts): the name is a possessor, the predicate after it is the head
        noun's."""
        if self.t.possessor_re is None:
            return False
        own = self._own_title_start(doc, sentence, ms, official)
        return any(
            not low[e:own].strip()
            and not any(pe == e for _, pe in find_all(self.t.acting_re, low, max(sentence[0], s - 30), e))
            for s, e in self._phrases_before(doc, low, sentence, own, self.t.possessor_re)
        )

    def _represented(
        self, doc: Document, low: str, sentence: Sentence, mentions: list[tuple[int, int, int]]
    ) -> set[int]:
        """The mentions of the sentence someone acts for ("ông A thay mặt cho hai gia đình thượng tá B và đại tá C gửi lời
        cảm ơn"): a word of `represented_before` with only a few lower-case words (no name, no punctuation) and the
        person's own titles before the name, and those joined to such a one by "và" or a list; the deed after them is
        the representative's. Not "thay mặt Hiệp hội Tàu thủy kỹ sư D đã tặng": a body stands between, D acts."""
        out: set[int] = set()
        if self.t.represented_re is None or not self.t.represented_re.search(low, sentence[0], sentence[1]):
            return out
        for i, (ms, me, idx) in enumerate(mentions):
            own = self._own_title_start(doc, sentence, ms, doc.officials[idx])
            a = max(sentence[0], own - _REPRESENTED_LEN, mentions[i - 1][1] if i else sentence[0])
            for _, e in find_all(self.t.represented_re, low, a, own):
                gap = doc.text[e:own]
                words = gap.split()
                if len(words) <= _REPRESENTED_WORDS and not any(c in _PUNCT for c in gap) and all(w[0].islower() for w in words):
                    out.add(i)
                    break
            if i not in out and i - 1 in out and self._joined(doc, mentions[i - 1][1], ms):
                out.add(i)
        return out

    def _not_acting(self, doc: Document, low: str, sentence: Sentence, ms: int) -> bool:
        """A word of `not_acting_before` a few words before the name, no punctuation between, that does not end a phrase
        of `acting_possessors` ("dưới sự chỉ huy của A", "cái chết của B" name who acts or suffers)."""
        return any(
            not any(pe == e for _, pe in find_all(self.t.acting_re, low, max(sentence[0], s - 30), e))
            for s, e in self._phrases_before(doc, low, sentence, ms, self.t.not_acting_re)
        )

    def _just_before(
        self, doc: Document, low: str, sentence: Sentence, ms: int, me: int, nxt: int, prev_end: int,
        official: Optional[Official] = None,
    ) -> Optional[RoleRule]:
        """A cue that ends a few words before the name, with no punctuation between them; the person's own rank and
        posts written before the name do not count ("trao quyết định bổ nhiệm Phó Viện trưởng VKSND tỉnh A": rule
        role.<role>.<name> of the cue all the same)."""
        found = self._cue_just_before(doc, low, sentence, ms, prev_end)
        far = max(prev_end, sentence[0], ms - _OWN_TITLE_LEN)
        if found is None and official is not None and self.t.cue_re["just_before"].search(low, far, ms) is not None:
            own = self._own_title_start(doc, sentence, ms, official)
            if own < ms:
                found = self._cue_just_before(doc, low, sentence, own, prev_end)
        if found is None:
            found = self._given_to(doc, low, sentence, ms, prev_end)
        if found is None and official is not None:
            found = self._listed_awarded(doc, low, sentence, official, ms, prev_end)
        return found

    def _given_to(self, doc: Document, low: str, sentence: Sentence, ms: int, prev_end: int) -> Optional[RoleRule]:
        """A cue "<verb> cho" read with the thing given between ("trao cờ lệnh xuất quân cho đồng chí A", "tặng 5 suất quà
        cho Thượng tá B"): a few words, no punctuation, between the verb and "cho", and "cho" just before the name. Only
        when the main event is a ceremony, a meeting or an award (`_GIVING_TYPES`), or its trigger gives (`giving_triggers`:
        "tổng kết và trao giải Hội thao"): elsewhere what is given so is another event ("Bộ Quốc phòng đề nghị truy tặng
        huân chương cho A" after a crash, "trao toàn quyền cho B")."""
        if self.giving_re is None or not (self.gathering or self.gives or self.main_type in _GIVING_TYPES):
            return None
        a = max(prev_end, sentence[0], ms - self.t.window - 30)
        if low.find("cho", a, ms) < 0:
            return None
        chos = [(s, e) for s, e in find_all(self.cho_re, low, a, ms) if ms - e <= self.t.window]
        if not chos or any(c in _PUNCT for c in doc.text[chos[-1][1] : ms]):
            return None
        cs = chos[-1][0]
        for s, e in reversed(find_all(self.giving_re, low, max(prev_end, sentence[0], cs - _GIVEN_LEN), cs)):
            between = doc.text[e:cs]
            if any(c in _PUNCT for c in between) or len(between.split()) > _GIVEN_WORDS:
                continue
            if self._counts(doc, low, sentence, s, e):
                return self._rule("just_before", phrase_key(low[s:e]) + " cho")
        return None

    def _listed_awarded(
        self, doc: Document, low: str, sentence: Sentence, official: Official, ms: int, prev_end: int
    ) -> Optional[RoleRule]:
        """The first of a list opened by `recipient_lists.openers` of those an award names ("6 cá nhân được tặng bằng khen
        gồm: Thiếu tướng A"): the opener and a colon right before the name (at ``ms``) and its own titles, and a word of
        `recipient_lists.awarded` a few words before the opener, no punctuation between (rule role.recipient.duoc_tang_gom;
        the names after it take it along the list). The tables' two patterns are checked here once; an opener within
        ``_OWN_TITLE_LEN`` before the name is looked for before the person's own titles are walked over."""
        opener, awarded = self.t.list_opener_re, self.t.awarded_re
        if opener is None or awarded is None or opener.search(low, max(prev_end, sentence[0], ms - _OWN_TITLE_LEN), ms) is None:
            return None
        titled = self._own_title_start(doc, sentence, ms, official)  # the name with its own rank and posts
        a = max(prev_end, sentence[0], titled - self.t.window)
        for s, e in reversed(find_all(opener, low, a, titled)):
            if doc.text[e:titled].strip(" :\t\n"):
                continue
            for ps, pe in reversed(find_all(awarded, low, max(prev_end, sentence[0], s - _GIVEN_LEN), s)):
                between = doc.text[pe:s]
                if any(c in _PUNCT for c in between) or len(between.split()) > _GIVEN_WORDS:
                    continue
                if self._counts(doc, low, sentence, ps, pe):
                    return self.t.by_name.get("role.recipient.duoc_tang_gom")
            return None
        return None

    def _cue_just_before(self, doc: Document, low: str, sentence: Sentence, ms: int, prev_end: int) -> Optional[RoleRule]:
        a = max(prev_end, sentence[0], ms - self.t.window - 30)
        for s, e in reversed(find_all(self.t.cue_re["just_before"], low, a, ms)):
            gap = doc.text[e:ms]
            if len(gap) > self.t.window or any(c in _PUNCT for c in gap) or not self._counts(doc, low, sentence, s, e):
                continue
            rule = self._rule("just_before", low[s:e])
            if rule is not None:
                return rule
        return None

    @staticmethod
    def _own_title_start(doc: Document, sentence: Sentence, ms: int, official: Official) -> int:
        """Where the person's own rank, honorific and posts written right before the name begin ("Phó Chủ tịch UBND tỉnh
        Đại tá A" -> the start of "Phó"); ``ms`` when none is."""
        own = sorted(_own(official), key=len, reverse=True)
        at = ms
        for _ in range(_OWN_TITLES):
            before = doc.text[max(sentence[0], at - _OWN_TITLE_LEN) : at].rstrip()
            words = _fold(before)
            hit = next((w for w in own if words.endswith(w) and (len(words) == len(w) or not words[-len(w) - 1].isalnum())), None)
            if hit is None:
                break
            # the original may hold more blanks than the folded words: walk back over as many words
            k = len(hit.split())
            parts = list(re.finditer(r"\S+", before))
            at = max(sentence[0], at - _OWN_TITLE_LEN) + parts[-k].start() if len(parts) >= k else at
        return at

    def _listed_before(
        self, doc: Document, low: str, sentence: Sentence, mentions: list[tuple[int, int, int]]
    ) -> list[Optional[RoleRule]]:
        """The `just_before` cue of each mention of the sentence, or of the name before it when the two are listed
        together with no deed of the first between them (rule role.<role>.<name> of that cue, carried on): "các bị can
        A, B và C", "trao quyết định cho Đại tá A, Phó Chính ủy; Thượng tá B", "với sự tham dự của A, …; B, …"."""
        out: list[Optional[RoleRule]] = []
        for i, (ms, me, idx) in enumerate(mentions):
            nxt = mentions[i + 1][0] if i + 1 < len(mentions) else sentence[1]
            prev_end = mentions[i - 1][1] if i else sentence[0]
            rule = self._just_before(doc, low, sentence, ms, me, nxt, prev_end, doc.officials[idx])
            if (
                rule is None
                and i
                and out[-1] is not None
                and (
                    self._joined(doc, prev_end, ms)
                    or self._comma_title(doc, prev_end, ms, doc.officials[idx])
                    or self._post_then_title(doc, prev_end, ms, doc.officials[idx])
                )
                and self._after(doc, low, sentence, prev_end, ms) is None
            ):
                rule = out[-1]
            out.append(rule)
        return out

    def _inside_posts(
        self, doc: Document, low: str, sentence: Sentence, mentions: list[tuple[int, int, int]]
    ) -> set[int]:
        """The mentions named inside the post of the person before them, after a `possessors` word ("A, cố vấn của Tổng
        thống B, hôm nay cho biết", "C - người phát ngôn của D - nói"): the cue after them is that person's. The post
        is one stretch after a comma or a dash, with no verb (a cue, a participation word) and no "và" in it."""
        out: set[int] = set()
        if self.t.possessor_re is None:
            return out
        for i in range(1, len(mentions)):
            a, b = mentions[i - 1][1], mentions[i][0]
            gap = doc.text[a:b].lstrip()
            if (
                gap[:1] in _APPOSITIVE
                and len(gap) <= _OWN_TITLE_LEN
                and not any(c in _PUNCT or c in _APPOSITIVE for c in gap[1:])
                and not self.t.coordination & set(gap[1:].lower().split())
                and not find_all(self.t.cue_re["after"], low, a, b)
                and not find_all(self.t.participation_re, low, a, b)
                and self._before(doc, low, sentence, b, self.t.possessor_re)
            ):
                out.add(i)
        return out

    def _collective_list(
        self, doc: Document, low: str, sentence: Sentence, mentions: list[tuple[int, int, int]], i: int
    ) -> bool:
        """The next person follows with only a comma and his own post, rank or honorific between ("do Bộ trưởng A, Bí
        thư Trung ương Đoàn B đồng chủ trì"), and the predicate after him is collective ("đồng chủ trì", "cùng …",
        "đều …"): the two share it."""
        ms, me, idx = mentions[i + 1]
        prev = doc.officials[mentions[i][2]]
        if not (
            self._comma_title(doc, mentions[i][1], ms, doc.officials[idx])
            or self._post_comma_title(doc, mentions[i][1], ms, prev, doc.officials[idx])
        ):
            return False
        nxt = mentions[i + 2][0] if i + 2 < len(mentions) else sentence[1]
        return bool(find_all(self.t.collective_re, low, me, self._clause_end(low, me, nxt)))

    @staticmethod
    def _comma_title(doc: Document, me: int, ms: int, official: Official) -> bool:
        """Only a comma and the next person's own rank, honorific or post stand between two names: "A, Thượng tá B",
        "do Bộ trưởng A, Bí thư Trung ương Đoàn B đồng chủ trì"."""
        gap = doc.text[me:ms].strip()
        if not gap.startswith(","):
            return False
        rest = _fold(gap[1:])
        return rest == "" or rest in _own(official)

    @classmethod
    def _post_comma_title(cls, doc: Document, me: int, ms: int, before: Official, official: Official) -> bool:
        """A comma, the name before's own post, a comma and only the next person's own rank, honorific or post: "Đồng chí
        A, Phó chủ tịch UBND huyện, đồng chí B, Chỉ huy trưởng … cùng … tới tham dự" (local-defence web pages)."""
        posts = _own(before, posts_only=True) if doc.text[me:ms].lstrip().startswith(",") else None
        m = _post_comma(frozenset(posts)).match(doc.text, me, ms) if posts else None  # compiled only past the comma
        return m is not None and cls._comma_title(doc, m.start(1), ms, official)

    @classmethod
    def _post_then_title(cls, doc: Document, me: int, ms: int, official: Official) -> bool:
        """The post of the name before stands in brackets or after a dash, then a comma and only the next person's own
        rank, honorific or post: "có sự tham gia của Trung tướng A (Chánh thanh tra Bộ Quốc phòng), Đại tá B (…)", "có sự
        tham dự của ông C - phụ trách Sở Ngoại vụ Khánh Hòa, đại tá D - …": one list, the cue before the first is theirs."""
        m = _POST_THEN_NEXT.match(doc.text, me, ms)
        return m is not None and cls._comma_title(doc, m.start(1), ms, official)

    def _opening(self, doc: Document, low: str, sentence: Sentence, first: int) -> Optional[RoleRule]:
        """The last cue before the sentence's first person: it applies to everyone the sentence lists."""
        if sentence not in self._openings:
            self._openings[sentence] = self._find_opening(doc, low, sentence, first)
        return self._openings[sentence]

    def _find_opening(self, doc: Document, low: str, sentence: Sentence, first: int) -> Optional[RoleRule]:
        if self._continues_attendance(doc, low, sentence, first):
            return self.t.by_name[_CONTINUED]
        for s, e in reversed(find_all(self.t.cue_re["opening"], low, sentence[0], first)):
            if sum(c in _QUOTES for c in doc.text[e:first]) % 2:
                return None  # a cue inside the words quoted ("… báo cáo Thủ tướng", ông A nói)
            rule = self._rule("opening", low[s:e])
            if rule is None:
                continue
            listener = self.not_after.get(rule.name)
            if listener is not None and find_all(listener, low, max(sentence[0], s - _LISTENER_WINDOW), s):
                continue  # "Nghe con gái trình bày ý nguyện, bố mẹ A …": another speaks, the person listens
            if self._counts(doc, low, sentence, s, e) and (self._opens(doc, sentence, s) or self._lists(low, e, first)):
                return rule
        return None

    def _continues_attendance(self, doc: Document, low: str, sentence: Sentence, first: int) -> bool:
        """The sentence opens with a side ("Về phía Nhật Bản sẽ có A, …") right after a sentence that says who
        attended ("… với sự tham dự của phía Việt Nam gồm: …", "Dự lễ có …"): it lists more attendees."""
        if self.t.continuation_re is None:
            return False
        a = self._first_letter(doc, sentence)
        m = self.t.continuation_re.match(low, a, first)
        if m is None or not any(w in self.t.continuation_openers for w in low[m.end() : first].split()[-2:]):
            return self._roster(low, a, first)
        i = bisect_right(doc.sentences, (a, float("inf"))) - 1  # the sentence holding ``a``, no list per call
        if i < 1:
            return False
        pa, pb = doc.sentences[i - 1]
        for where in ("opening", "just_before"):
            for s, e in find_all(self.t.cue_re[where], low, pa, pb):
                rule = self._rule(where, low[s:e])
                if rule is not None and rule.role == "attendee" and not self._in_not_cue(low, (pa, pb), s, e):
                    return True
        return False

    def _roster(self, low: str, a: int, first: int) -> bool:
        """A side ("Về phía tỉnh A", at most `_OPENING_WORDS` words into the sentence), its opener and a word of `rosters`
        ("có các đồng chí:") close the words before the sentence's first person: a roster of those who attend, even
        with no attendee sentence before it (not under the main rules of `no_participation_main_rules`)."""
        if not self.t.rosters or self.main_rule in self.t.no_participation_main_rules:
            return False
        m = self.t.continuation_re.search(low, a, first) if self.t.continuation_re is not None else None
        if m is None or len(low[a : m.start()].split()) > _OPENING_WORDS:
            return False
        words = " ".join(low[m.end() : first].replace(":", " ").split())
        return any(
            words.endswith(f"{opener} {roster}") for opener in self.t.continuation_openers for roster in self.t.rosters
        )

    def _opens(self, doc: Document, sentence: Sentence, s: int) -> bool:
        """The cue opens its sentence's predicate: at most a couple of words before it ("Cùng dự hội nghị có …") or
        an adverbial closed by a comma ("Sáng 22/3, dự hội nghị có …"); not a verb of someone named before it
        ("lúc mọi người đang dự lễ chào cờ, nghi phạm A …", "Ủy ban … đã nghe báo cáo và tham gia ý kiến …")."""
        before = doc.text[self._first_letter(doc, sentence) : s].rstrip()
        return before.endswith((",", ":")) or len(before.split()) <= _OPENING_WORDS

    def _lists(self, low: str, e: int, first: int) -> bool:
        """The cue's clause introduces the list of people it applies to: "Các quân nhân tử vong trong vụ tai nạn gồm A
        và B", "Tới dự buổi lễ còn có A"."""
        words = low[e:first].replace(":", " : ").split()
        return bool(words) and any(w in self.t.list_openers for w in words[-2:])

    def _part_after(self, doc: Document, low: str, sentence: Sentence, me: int, nxt: int) -> bool:
        """A participation word in the person's own clause ("A, Bộ trưởng …, đến thăm")."""
        spans = find_all(self.t.participation_re, low, me, self._clause_end(low, me, nxt))
        return any(
            doc.text[s].islower() and not self._in_not_cue(low, sentence, s, e) and self._places(low, s, e)
            for s, e in spans
        )

    def _places(self, low: str, s: int, e: int) -> bool:
        """The participation word at ``[s, e)`` can place someone in the main event: a word of meeting or visiting
        (`meeting_participation.words`: "gặp", "thăm", "làm việc") only when a meeting can be part of it (`_meets`):
        "Tổng thống Mỹ A gặp Thủ tướng Nhật Bản B" under "Triều Tiên phóng tên lửa" is another event."""
        return phrase_key(low[s:e]) not in self.t.meeting_words or self._meets()

    def _meets(self) -> bool:
        """A meeting can be the main event, or part of it: the main event was not found by a rule of
        `meeting_participation.main_rules`, or it is a gathering or a visit (its trigger holds a word of
        `gathering_triggers` or `meeting_participation.visit_triggers`)."""
        if self.main_rule not in self.t.meeting_participation.main_rules:
            return True
        return self.gathering or bool(self.t.visit_re and self.t.visit_re.search(self.main_trigger))

    def _part_before(self, doc: Document, low: str, sentence: Sentence, ms: int, prev_end: int) -> bool:
        """A participation word a few words before the name, no punctuation between ("hội đàm với ông A")."""
        a = max(prev_end, sentence[0], ms - _PART_BEFORE)
        return any(
            doc.text[s].islower()
            and not any(c in _PUNCT for c in doc.text[e:ms])
            and not self._in_not_cue(low, sentence, s, e)
            and self._places(low, s, e)
            for s, e in find_all(self.t.participation_re, low, a, ms)
        )
