"""Events (SPEC Event): the headline event and what else happened.

The headline (main) event is chosen by the named rules of events.yaml
(``main_rules``) from the headline and the lead (its first three prose sentences:
sapo, caption, lead), never from a later mention: an incident opening the
headline, a lead sentence that reports a happening, the headline's own words, an
exercise the lead places the headline's act of fire in, an announcement the
headline reports, the first lead sentence. A lead trigger of a
kind the headline does not name counts only in a sentence that restates the
headline's happening. What follows an intent or analysis word in a headline
clause names no event. Main is null only when the article reports nothing at all
(dev3 convention): a statement is named by its speech verb, a discipline case by
its word, and failing every trigger the headline's first clause names it. Secondary events are
trigger words in the body that report a happening: not inside a plan or a task
("tiếp tục…", "chuẩn bị diễn tập…"), not a topic ("công tác huấn luyện"), and,
for words that need one, after a realization cue ("tổ chức", "lễ", "khai mạc").
Participants and their roles come from roles.py. Dates, places, bodies and
people come from the records of the other extractors, never from parsing again.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Any, Callable, Optional

from qpextract.document import Document
from qpextract.extractors.events.roles import RoleReader
from qpextract.extractors.events.tables import EventTables, TriggerRow, find_all, phrase_key
from qpextract.models import Event, TemporalExpression
from qpextract.text.lexical import pair_share, same_length_lower, word_pairs

_LEAD_SENTENCES = 3
_RELATED_SPARE = 2  # lead sentences read beyond three, to stand in for lines of another story (event.lead.related_line)
_FULL_STOPS = (".", "!", "?", "…")  # what closes a sentence: a line ending with one is prose (a paragraph, not a dateline)
_STOPS = (*_FULL_STOPS, ":", ";", ",", '"', "”", ")")  # a line ending with one of these is prose, not a headline
_REPORTING_LEAD = 3  # the lead: a dated or "held" sentence this far into the body reports the headline event (sapo, caption, lead)
_CUE_WINDOW = 40  # characters before a trigger searched for its realization cue ("tổ chức", "khai mạc"; twice that after it)
_PLAN_WINDOW = 300  # characters before a trigger searched for a plan marker (and around it for the headline's words)
_TOPIC_WINDOW = 14
_UNMARKED_TITLE = re.compile(r"[a-z0-9 ,.:;!?()'\"/-]+")  # a lower-cased headline with no Vietnamese marks
_UNMARKED_MIN_WORDS = 4
_INNER_WINDOW = 40  # how far past a blocked match a trigger starting inside it may end
_DECISION_WINDOW = 80  # characters after "công bố quyết định" searched for the post it confers
_MIN_LEAD_WORDS = 5
_LETTER = re.compile(r"[^\W\d_]")  # a word of the lead has a letter
_CLOCK = re.compile(r"(?<!\d)\d{1,2}:\d\d(?!\d)")  # a clock time (a dateline)
_DATELINE_WORDS = 10  # a line with a clock time and fewer words of letters is a dateline
_PROSE_WORDS = 12  # a stopped line this long above a page's headline is the body's prose, not the page's chrome
_CONFERENCE_TYPES = ("summary_conference", "review_conference")
_TITLE_CHARS = 300  # a headline longer than this is a run-on first line: its verbs are read this far
_OCCASION_WINDOW = 10  # characters before a lead trigger searched for "trong", "tại", "bên lề" right before it
_FRAME_WINDOW = 30  # characters before a lead trigger searched for "trong (khuôn khổ) (cuộc)"
_BACKGROUND_WINDOW = 30  # characters before a secondary trigger searched for "từng" (a person's past)
_DECORATION_WINDOW = 120  # characters after "trao tặng" searched for the decoration it confers
_VISIT_WINDOW = 80  # characters after a visit word searched for the event it visits
_CLAUSE_END = re.compile(r"[.;:]")
_DATE_NEAR_START = 45  # a day this near the start dates the sentence ("Bộ Quốc phòng Trung Quốc ngày 5/7 công bố…")
_ORGANIZER_EDGES = re.compile(
    r"^(?:tại (?:hội nghị|buổi lễ|lễ|đây)\s*,?\s*)|(?:\s+(?:đã|vừa|cũng|sẽ|chỉ đạo|phối hợp|long trọng|đồng loạt|trang trọng))+$",
    re.IGNORECASE,
)
_QUOTES = " '\"‘’“”"
_WORD = re.compile(r"\w+")
_CLAUSE_BREAK = re.compile(r"[;:]")
_DATE_PREFIX = re.compile(
    r"\s*(?:(?:sáng|chiều|tối|trưa|đêm|hôm)(?: nay| qua)?\s*)?(?:ngày\s*)?\d{1,2}\s*[/-]\s*\d{1,2}(?:\s*[/-]\s*\d{2,4})?\s*,?\s*",
    re.IGNORECASE,
)


def _page_headline_end(doc: Document, low: str, title_low: str) -> int:
    """Where the line of a headline read from the page text ends (0 for a title given apart or not found).

    A page prints its menu, banners and other articles' headlines above its headline (metadata skips them to find
    it); what lies above the headline's line is none of the article. The headline is the first line whose words open
    the title or that the title opens (a headline wrapped over two lines counts to the second line's end; the site's
    name or a date cut from its tail leaves the title a prefix of its line; a breadcrumb that repeats it above is
    found first, which only keeps more of the page). A paragraph of prose above it (``_PROSE_WORDS`` words or more,
    closed by a stop) says the title came from inside the body (a subheading a model took): then nothing is cut."""
    if doc.title_map is not None or not title_low.strip():
        return 0
    want = " ".join(title_low.split())
    pos = 0
    while pos < len(low):
        end = low.find("\n", pos)
        end = len(low) if end == -1 else end
        line = " ".join(low[pos:end].split())
        if line and (line.startswith(want) or (want.startswith(line) and len(line) >= len(want) // 2)):
            if len(line) < len(want) and end < len(low):
                nxt = low.find("\n", end + 1)
                end = len(low) if nxt == -1 else nxt  # a headline wrapped over two lines
            return end
        if len(line.split()) >= _PROSE_WORDS and line.endswith(_FULL_STOPS):
            return 0
        pos = end + 1
    return 0


class EventExtractor:
    """Fills ``doc.events``: at most one ``main`` event, then one event per other type that happened."""

    name = "events"
    needs = ("sentences", "body", "dates", "officials", "locations", "organizations", "decorations")
    adds = ("events",)

    def __init__(self) -> None:
        self.t = EventTables()
        self.roles = RoleReader()

    def __call__(self, doc: Document) -> None:
        self._extract(doc)

    # ------------------------------------------------------------------------------
    def _extract(self, doc: Document) -> None:
        text = doc.text
        if not text:
            return
        low = doc.lex.lower
        self._text = text
        self._title_end = 0
        self._decorations = sorted(doc.decorations, key=lambda d: d.start)
        self._decoration_starts = [d.start for d in self._decorations]
        t = self.t
        sentences = doc.sentences or [(0, len(text))]
        self._starts = [s for s, _ in sentences]
        self._sentences = sentences
        title = doc.title or ""
        title_low = same_length_lower(title)
        # the title line when the text begins with it (plain-text input)
        title_end = 0
        if title and sentences and low[sentences[0][0] : sentences[0][1]].strip().rstrip(".") == title_low.strip().rstrip("."):
            title_end = sentences[0][1]
        self._title_end = title_end
        self._related: list[tuple[int, int]] = []  # lead lines of another story (event.lead.related_line)
        blocked = find_all(t.not_trigger_re, title_low)  # "đạn cảnh cáo" (warning shots) disciplines nobody
        case = [q for q in find_all(t.no_event_re, title_low) if not any(bs <= q[0] < be for bs, be in blocked)]
        hits = self._triggers(low)
        lead = self._lead(doc, low, title_low, title_end)
        if title and case:
            # a discipline case, a denial, a dispute: the decision or the statement is the headline event, and
            # nothing the body tells of the case is held
            row = TriggerRow(phrase=phrase_key(title_low[case[0][0] : case[0][1]]), type="other", scope="title", rank=2, cue=True)
            doc.events.append(self._headline_event(doc, low, case[0], row, "event.main.title_case", title_low, title_end, lead))
            return
        main = self._main(doc, low, hits, lead, title_low, title_end)
        events: list[Event] = []
        seen_types: set[str] = set()
        if main is not None:
            events.append(main)
            seen_types.add(main.type)
        held: list[tuple[int, int, TriggerRow]] = []  # triggers reported held, for event.secondary.joined
        if main is not None and main.rule and self._main_pos[0] >= 0:
            held.extend(h for h in hits if h[0] == self._main_pos[0])
        body_end = doc.body[1] if doc.body != (0, 0) else len(text)
        head_end = _page_headline_end(doc, low, title_low)
        for s, e, row in hits:
            if row.scope != "any" or s < title_end:
                continue
            if s >= body_end:
                continue  # rule event.lead.body_end: the list of other articles after the body reports no event here
            if s < head_end or any(a <= s < b for a, b in self._related):
                # rule event.secondary.page_chrome: a page's menu, banners and other headlines above its headline, and
                # a related article's headline among the lead's lines, report no event of this article
                doc.near_miss(self.name, "event.secondary.page_chrome", s, e, "a page line above the headline or of another story")
                continue
            if main is not None and main.rule and s == self._main_pos[0]:
                continue
            if row.type in seen_types:
                if row.type in self.t.joined_types and self._happened(low, s, e, row) is not None:
                    held.append((s, e, row))
                continue
            rule = self._happened(low, s, e, row) or self._joined(low, s, row, held)
            if rule is None:
                continue
            held.append((s, e, row))
            ev = self._event(doc, low, s, e, row, main=False, rule=rule)
            if ev.type == "other" and row.type == "appointment" and main is not None and main.type != "other":
                # rule event.secondary.decision_within: a decision read out that confers no post ("công bố Quyết định …
                # giao chỉ tiêu", "trao quyết định kết nạp chiến sĩ dân quân mới") is a step of the typed headline
                # event it is read at (a send-off, a training's opening: web11c readers 2 of 2), not an event of its own
                doc.near_miss(self.name, "event.secondary.decision_within", s, e, "a decision read at the headline event, no post")
                continue
            events.append(ev)
            seen_types.add(row.type)
            doc.explain(self.name, rule, s, e)
        doc.events.extend(events)

    def _triggers(self, low: str) -> list[tuple[int, int, TriggerRow]]:
        """Trigger words of ``low``, without those inside a longer non-trigger word ("thăm dò", "nghiên cứu")."""
        hits = find_all(self.t.trigger_re, low)
        if not hits:
            return []
        blocked = find_all(self.t.not_trigger_re, low)
        out = []
        for s, e in hits:
            block = next(((bs, be) for bs, be in blocked if bs <= s < be), None)
            if block is not None:
                # a trigger may start right after the longer word inside this match: "chương trình diễn tập" is
                # no "trình diễn" but holds "diễn tập"
                inner = find_all(self.t.trigger_re, low, block[1] + 1, min(len(low), e + _INNER_WINDOW))
                if inner and inner[0][0] < e and not any(bs <= inner[0][0] < be for bs, be in blocked):
                    a, b = inner[0]
                    out.append((a, b, self.t.triggers[phrase_key(low[a:b])]))
                continue
            if out and s < out[-1][1]:
                continue  # overlaps a trigger found inside a longer word
            out.append((s, e, self.t.triggers[phrase_key(low[s:e])]))
        return out

    def _lead(self, doc: Document, low: str, title_low: str, title_end: int) -> list[tuple[int, int]]:
        """The first body sentences that read as prose (not the title, a dateline, a page's chrome or another
        article's headline)."""
        out = []
        body_start = max(doc.body[0], title_end) if doc.body != (0, 0) else title_end
        # rule event.lead.body_end: the lead lies in the body; what the page prints after it (a list of other
        # articles under "Tin khác", a comment box, a footer) takes no lead place, however short the article
        body_end = doc.body[1] if doc.body != (0, 0) else len(low)
        for s, e in self._sentences:
            if s >= body_end:
                break
            if s < body_start:
                if e <= body_start or doc.text[body_start - 1] != " ":
                    continue
                s = body_start  # a sentence after a page prefix on its line (" date 2023-11 Chiều 9.11, …")
            piece = low[s:e].strip()
            if piece.rstrip(".") == title_low.strip().rstrip(".") or self._chrome_line(piece):
                continue
            out.append((s, e))
            if len(out) >= _REPORTING_LEAD + _RELATED_SPARE:
                break
        return self._without_related(doc, low, out, title_low)[:_REPORTING_LEAD]

    def _without_related(self, doc: Document, low: str, lead: list[tuple[int, int]], title_low: str) -> list[tuple[int, int]]:
        """Rule event.lead.related_line: a lead line of its own with no stop (or comma) at its end, no longer than a
        headline (``related_max_words``), tells another story when it shares less than ``related_share`` of its word
        pairs with the headline and the other lead sentences above the first sentence that ends with a stop (a
        related article's headline printed under the headline, "Xã Kemi tổ chức diễn tập …" before the sapo; a
        portal's name or a section heading above an untitled excerpt, "Cổng thông tin điện tử huyện Ba Lau"), or
        none of them below it (a related link among the lead's paragraphs). It takes no lead place. A caption of
        this article's event below the sapo shares a word pair with it ("Toàn cảnh Lễ giao nhận quân … huyện Ba
        Lau" under guests "Về phía huyện Ba Lau …") and stays."""
        stopped = [low[s:e].rstrip().endswith(_STOPS) for s, e in lead]
        prose = stopped.index(True) if True in stopped else len(lead)  # captions follow the first prose sentence
        lines = [
            (s, e)
            for (s, e), stop in zip(lead, stopped)
            if not stop and self._own_line(low, s, e) and len(low[s:e].split()) <= self.t.related_max_words
        ]
        if not lines:
            return lead
        common = self.t.pair_common
        pairs = {x: word_pairs(low[x[0] : x[1]], common) for x in lead}
        head = word_pairs(title_low, common) if title_low else set()
        out = []
        for i, x in enumerate(lead):
            if x in lines:
                ref = head.union(*(p for y, p in pairs.items() if y != x))
                share = pair_share(pairs[x], ref)
                if share < self.t.related_share if i < prose else (pairs[x] and not share):
                    doc.near_miss(self.name, "event.lead.related_line", x[0], x[1], "a line of another story")
                    self._related.append(x)
                    continue
            out.append(x)
        return out

    @staticmethod
    def _own_line(low: str, s: int, e: int) -> bool:
        """A sentence that is a whole line of the page."""
        return not low[low.rfind("\n", 0, s) + 1 : s].strip() and not low[e : (low.find("\n", e) + 1 or len(low) + 1) - 1].strip()

    @staticmethod
    def _chrome_line(piece: str) -> bool:
        """Rule event.lead.prose: a page line that is no prose takes no place in the lead (the lead is three sentences).

        Words count only with a letter (a bullet, a day, a clock time is none): fewer than five is a label
        ("• Nguồn: Báo X", "• Thứ Sáu, 22/12/2017 | 06:00"); a clock time in fewer than ten, with no stop at the end, is a dateline ("Thứ 6,
        23/06/2023 | 11:38:14 [GMT +7]", "Ngày đăng: 18:53, 01/02/2023", "23/04/2024 19:30 39 lượt xem"); a line
        opened or closed by a bar is a related-article link or a menu ("| Biên phòng X thu giữ … |")."""
        words = sum(1 for w in piece.split() if _LETTER.search(w))
        if words < _MIN_LEAD_WORDS:
            return True
        if words < _DATELINE_WORDS and _CLOCK.search(piece) and not piece.rstrip().endswith(_FULL_STOPS):
            return True  # a short sentence closed by a stop is prose ("Lúc 7:30, Lữ đoàn 123 bắn đạn thật.")
        return piece.startswith("|") or piece.rstrip(" .").endswith("|")

    # ---- the headline event -------------------------------------------------------
    def _main(self, doc, low, hits, lead, title_low, title_end) -> Optional[Event]:
        """The headline event: from a lead sentence that reports a happening, else the title, else the lead."""
        self._main_pos = (-1, -1)
        in_lead: list[tuple[int, int, TriggerRow]] = []
        for ls, le in lead:
            in_lead.extend(h for h in hits if ls <= h[0] < le and h[2].scope != "title")
        # a headline that reports an act of fire: an exercise right after "trong" is its occasion ("Pantsir-S1 diệt 100
        # tên lửa trong diễn tập"), not a topic as in a slogan ("Nâng cao chất lượng trong huấn luyện")
        fire = bool(find_all(self.t.frame_act_re, low[:title_end] if title_end else title_low))
        if title_end:
            in_title = [
                h for h in hits if h[0] < title_end and not self._topic(low, h[0], headline=fire and h[2].type in self.t.frame_types)
            ]
            said = self._statement_clauses(low[:title_end])
        else:
            in_title = [
                h
                for h in self._triggers(title_low)
                if not self._topic(title_low, h[0], in_title=True, headline=fire and h[2].type in self.t.frame_types)
            ]
            said = self._statement_clauses(title_low)
        head_text = low[:title_end] if title_end else title_low
        if not in_title and _UNMARKED_TITLE.fullmatch(head_text) and len(head_text.split()) >= _UNMARKED_MIN_WORDS:
            # rule event.title.unmarked: a headline printed without diacritics (a URL slug: "tong ket cong tac …")
            in_title = [(a, b, self.t.unmarked_triggers[phrase_key(head_text[a:b])]) for a, b in find_all(self.t.unmarked_trigger_re, head_text)]
            if in_title:
                doc.trace.append((self.name, "event.title.unmarked", head_text[in_title[0][0] : in_title[0][1]]))
        head_low, head = (low[:title_end], doc.text[:title_end]) if title_end else (title_low, doc.title or "")
        # rule event.title.subordinate: a typed event word in a clause the headline subordinates ("Osprey Mỹ tiếp liệu ở
        # Đà Nẵng khi tới Thái Lan diễn tập") is the background or purpose of its main clause, not the headline event
        lower = self._subordinated(head_low)
        if lower >= 0:
            in_title = [h for h in in_title if h[2].type == "other" or h[0] < lower]
        # rule event.title.watched: a typed event word that a tracking verb before it in its clause takes as object
        # ("Hạm đội Nga cử tàu chiến dõi theo … cuộc tập trận NATO") is what was watched, not the headline event
        watched = self._watched(head_low)
        in_title = [h for h in in_title if h[2].type == "other" or not watched(h[0])]
        # (nor does such a word name the kind that a lead sentence must restate)
        head_hits = [h for h in self._triggers(head_low) if h[2].type == "other" or not ((0 <= lower <= h[0]) or watched(h[0]))]
        # a headline that is one quotation: its words are the speaker's, they name nothing held
        quotation = bool(self.t.quotation_re.match(head_low))
        quoted = [(0, len(head_low))] if quotation else []
        # a statement, a plan or an analysis: its headline words name nothing held
        in_title = [h for h in in_title if not any(a <= h[0] < b for a, b in said + quoted)]
        statement = bool(said) and not in_title
        speech = self._speech_acts(head_low, head)
        # under a headline that only states or announces, a dated lead sentence reports the occasion of the
        # statement (a meeting, a visit: `other`); a specific kind there is what the statement is about ("Trump nói…"
        # over "… sau cuộc diễn tập…") unless the lead says it was held ("tổ chức", "diễn ra")
        dated = [x for x in lead if self._opens_with_date(doc, x)]
        stated = statement or bool(speech)
        in_reporting = [
            h
            for h in in_lead
            if self._held_after(low, h[0], h[1])
            or (
                (self._held(low, h[0], h[1]) or (any(a <= h[0] < b for a, b in dated) and not (stated and h[2].type != "other")))
                and self._plain(low, h[0])
            )
        ]
        # the first lead sentence may still name the event without reporting it, unless as a plan or a topic
        first = lead[:1]
        in_other = [] if statement else [h for h in in_lead if any(a <= h[0] < b for a, b in first) and self._plain(low, h[0])]
        if stated:
            # under a statement headline a lead word of a specific kind is the event only when the headline names that
            # kind too ("Putin ra lệnh … tập trận") and does not react to it ("Chuyên gia Australia lo ngại cuộc tập
            # trận…"): else it is what was said about ("Mỹ lên án Trung Quốc thử máy bay ném bom" over "… tiến hành hoạt
            # động huấn luyện cất cánh"). Under a speech verb of no reaction ("Bộ trưởng yêu cầu…") the lead may still
            # report the occasion held (a conference organized that day), unless the headline names its kind only as
            # called off or watched ("… tuyên bố dừng tập trận").
            reacts = any(phrase_key(head_low[a[0] : a[1]]) in self.t.reaction_verbs for a in speech)
            named, topical = set(), set()
            for h in head_hits:
                (topical if self._topic(head_low, h[0], in_title=True) else named).add(h[2].type)
            strict = reacts or not speech
            in_other = [h for h in in_other if h[2].type == "other" or (h[2].type in named and not reacts)]
            in_reporting = [
                h
                for h in in_reporting
                if h[2].type == "other"
                or (h[2].type in named and not reacts)
                or (not strict and h[2].type not in topical)
            ]
        # when the headline names a happening of its own, a lead trigger of another kind is its event only in a
        # sentence that restates the headline's words ("công bố hình ảnh … diễn tập phóng tên lửa" under "công bố
        # ảnh … phóng tên lửa"); else it is a passing mention ("Tìm thấy máy bay MiG-21…" over "… bay huấn luyện")
        verbs = self._headline_verbs(head_low, head, said + quoted)
        # (once it has one, every trigger word of the headline counts, also in a statement: "tuyên bố tập trận")
        acts: list[tuple[int, int, TriggerRow]] = []
        if in_title or verbs or speech:
            acts = head_hits + verbs + speech
            in_reporting = [h for h in in_reporting if self._restates(low, h, acts, head_low)]
            in_other = [h for h in in_other if self._restates(low, h, acts, head_low)]
        headline = [h for h in in_title if h[2].scope == "title"]
        title_types = {h[2].type for h in in_title}
        # an incident word names the article's event only when the headline opens with it, not when it
        # only tells the background ("Truy tặng bằng khen cho dân quân tử vong khi cứu cầu")
        opening = min((h[0] for h in in_title), default=-1)
        incident = [h for h in headline if h[2].rank == 0 and h[0] == opening]
        # an incident headline that the first lead sentence calls a scenario of an exercise ("Cứu hộ bằng trực thăng khi
        # bão số 13 vào TP. HCM" over "Đó là một trong những tình huống trong buổi diễn tập phòng thủ dân sự…") is a drill
        drill: list[tuple[int, int, TriggerRow]] = []
        if incident:
            drill = [
                h
                for h in in_lead
                if any(a <= h[0] < b for a, b in first)
                and h[2].type in self.t.frame_types
                and find_all(self.t.scenario_re, low, self._sentence(h[0])[0], h[0])
            ]
        # a conference that reviews or sums up work, in the headline or the first lead sentence, decides the type
        # in the first lead sentence (with its organizer and day) as a conference held ("hội nghị tổng kết",
        # "tổ chức sơ kết"), not a verb; else in the headline
        # (a conference held "để tổng kết …", "nhằm sơ kết …" is held for that purpose, not planned)
        conference = [
            h
            for h in in_lead
            if any(a <= h[0] < b for a, b in first)
            and h[2].type in _CONFERENCE_TYPES
            and self._plain(low, h[0], purpose=True)
            and (not h[2].cue or self._held(low, h[0], h[1]) or any(a <= h[0] < b for a, b in dated))
        ]
        conference_in_title = not conference
        # rule event.main.conference_under_award: a headline that names an award ("Đơn vị A được khen thưởng…",
        # "Biểu dương 18 tập thể…") reports the award given at the lead's conference, which then does not decide the
        # type (the headline rules do), as a headline "… đón nhận Huân chương" does over its lead ceremony
        awarded = [h for h in in_title if h[2].type == "award" and h[2].rank == 1]
        if conference and awarded:
            doc.near_miss(self.name, "event.main.conference_under_award", conference[0][0], conference[0][1], "the headline names an award")
            conference = []
        if not conference:
            conference = [h for h in in_title if h[2].type in _CONFERENCE_TYPES]
        # rule event.main.lead_conference: a conference that a later lead sentence reports held (dated, "tổ chức", or
        # as the occasion of the lead's judgement: "Đó là đánh giá tại Hội nghị tổng kết …")
        lead_conference = [
            h
            for h in in_lead
            if h[2].type in _CONFERENCE_TYPES
            and self._plain(low, h[0], purpose=True)
            and (
                self._held(low, h[0], h[1])
                or self._held_after(low, h[0], h[1])
                or any(a <= h[0] < b for a, b in dated)
                or self._after_occasion(low, h[0])
            )
        ]
        # rule event.main.title_imminent: a headline exercise announced as imminent ("Nga chuẩn bị tập trận…",
        # "Quân đội 5 nước sắp diễn tập…"): the article is about that exercise (dev4 baomoi-21492039)
        imminent = [
            h
            for h in head_hits
            if h[2].type in self.t.imminent_types
            and self.t.imminent_before_re.search(head_low, max(0, h[0] - _FRAME_WINDOW), h[0])
        ]
        # a statement made at a meeting or a visit: the occasion named in the first lead sentence ("…, trong cuộc
        # gặp quan chức Trung Quốc")
        occasion = [
            h
            for h in hits
            if any(a <= h[0] < b for a, b in first)
            and h[2].scope != "title"
            and any(
                not low[pe : h[0]].strip() and (h[2].type == "other" or phrase_key(low[ps:pe]) not in self.t.untyped_occasion_preps)
                for ps, pe in find_all(self.t.occasion_re, low, max(0, h[0] - _OCCASION_WINDOW), h[0])
            )
            and (not acts or self._restates(low, h, acts, head_low))
        ]
        # a headline act of fire (a launch, a strike, a show of fire) that a lead sentence repeating its words places
        # inside an exercise ("… phóng tên lửa trong cuộc diễn tập …") is part of that exercise, unless the headline
        # states or an incident opens it
        frame, command = [], []
        fire = [a for a in acts if phrase_key(head_low[a[0] : a[1]]) in self.t.frame_acts]
        if fire and not incident:
            framed = [h for h in in_lead if h[2].type in self.t.frame_types and self._frames(low, h, fire, head_low)]
            # rule event.main.lead_command: a headline that orders the act of fire ("Putin ra lệnh phóng thử…") reports it
            if not stated:
                frame = framed
            elif self._commanded(head_low, said, speech, fire):
                command = framed
        groups = {
            "lead_frame": frame,
            "lead_command": command,
            "lead_drill": drill,
            "lead_occasion": occasion,
            "title_incident": incident,
            "conference": conference,
            "title_verb": verbs,
            "title_statement": speech,
            "lead_reported": in_reporting,
            "title": in_title,
            "title_headline": headline,
            "lead": in_other,
            "lead_conference": lead_conference,
            "title_imminent": imminent,
        }
        for main_rule in self.t.main_rules:
            rule, group = main_rule.name, groups[main_rule.source]
            cands = [h for h in group if h[2].rank == main_rule.rank]
            if not cands:
                continue
            from_title = main_rule.source.startswith("title") or (main_rule.source == "conference" and conference_in_title)
            if not from_title:
                # a ceremony that confers what the headline names is an award ("Lễ kỷ niệm 70 năm … và đón
                # nhận Huân chương" under "… đón nhận Huân chương")
                if "award" in title_types:
                    cands = [h for h in cands if h[2].type == "award"] or cands
                first_sentence = self._sentence(min(h[0] for h in cands))
                cands = [h for h in cands if first_sentence[0] <= h[0] < first_sentence[1]] or cands
                # so is a ceremony of no other kind that confers one in the same sentence
                if all(h[2].type in ("other", "award") for h in cands):
                    cands = [h for h in cands if h[2].type == "award"] or cands
            s, e, row = min(cands, key=lambda h: (h[0], -(h[1] - h[0])))
            visited = self._visited(low, hits, s, e, row) if not from_title else None
            if visited is not None:
                (s, e, row), rule = visited, "event.main.visit_object"
            conferred = self._conferred(low, hits, lead, s, e, row) if not from_title else None
            if conferred is not None:
                (s, e, row), rule = conferred, "event.main.ceremony_award"
            elif not from_title and row.type == "other" and phrase_key(low[s:e]) in self.t.award_ceremonies:
                # the headline says what the ceremony confers ("Lễ kỷ niệm … và đón nhận Huân chương …"): an award
                awards = [h for h in in_title if h[2].type == "award"]
                if awards:
                    (s, e, row), rule, from_title = awards[0], "event.main.ceremony_award", True
            if from_title and not title_end:
                # the trigger is in a separate title: point at its first mention in the text, if any
                phrase = title_low[s:e]
                found = [h for h in hits if low[h[0] : h[1]] == phrase]
                if found:
                    s, e = found[0][0], found[0][1]
                else:
                    trigger = doc.title[s:e] if doc.title else phrase
                    doc.trace.append((self.name, rule, trigger))  # named in the headline only
                    return self._event(doc, low, 0, 0, row, main=True, rule=rule, trigger=trigger, lead=lead)
            self._main_pos = (s, e)
            doc.explain(self.name, rule, s, e)
            return self._event(doc, low, s, e, row, main=True, rule=rule, lead=lead)
        if self._profile(head):
            doc.trace.append((self.name, "event.none.profile", " ".join(head.split())))  # a name and its description
            return None
        none = self._assessment(doc, head_low, lead)
        if none is not None:
            doc.trace.append((self.name, none, " ".join(head.split())))  # an analysis piece: no main event, no participants
            return None
        # the fallback: whatever the headline says happened, in its own words (its first clause of three words or
        # more: "Mosul chỉ còn 10% không thể giải phóng…"), else the first lead sentence's
        span = self._headline_clause(title_low if not title_end else low[:title_end])
        if span is not None:
            row = TriggerRow(phrase="headline", type="other", scope="title", rank=2, cue=True)
            return self._headline_event(doc, low, span, row, "event.main.headline", title_low, title_end, lead)
        if not doc.title and lead and self.t.untitled_guest_re.search(low[lead[0][0] : lead[0][1]]):
            # rule event.main.untitled_lead: a page with no headline (an excerpt opening mid-article) whose first
            # sentence is a list of guests is about the first event of a kind the lead names plainly ("Toàn cảnh
            # Lễ giao nhận quân …" under "Về phía tỉnh có các đồng chí: …"), not one of a file photo ("trong một
            # cuộc diễn tập")
            typed = [
                h
                for h in hits
                if h[2].type != "other"
                and h[2].scope != "title"
                and h[2].rank == 1
                and any(a <= h[0] < b for a, b in lead)
                and self._plain(low, h[0])
                and not self.t.untitled_indefinite_re.search(low[max(0, h[0] - 20) : h[0]])
            ]
            if typed:
                s, e, row = typed[0]
                self._main_pos = (s, e)
                doc.explain(self.name, "event.main.untitled_lead", s, e)
                return self._event(doc, low, s, e, row, main=True, rule="event.main.untitled_lead", lead=lead)
        if lead:
            a, b = lead[0]
            span = self._headline_clause(low[:b], a)
            if span is not None:
                self._main_pos = span
                doc.explain(self.name, "event.main.lead_sentence", *span)
                row = TriggerRow(phrase="lead", type="other", scope="main", rank=2, cue=True)
                return self._event(doc, low, span[0], span[1], row, main=True, rule="event.main.lead_sentence", lead=lead)
        doc.explain(self.name, "event.none", 0, title_end)
        return None

    def _headline_clause(self, text_low: str, start: int = 0) -> Optional[tuple[int, int]]:
        """The first clause of ``text_low[start:]`` with at least three words, without quotes around it; a clause
        before a colon names a speaker or a source ("Tướng Võ Hồng Thắng: …", "Tin nóng thế giới ngày mới 9/10: …")
        unless nothing follows it."""
        end = min(len(text_low), start + _TITLE_CHARS)
        bounds = [m.start() for m in self.t.title_clause_re.finditer(text_low, start, end)] + [end]
        a, found = start, None
        for b in bounds:
            words = list(_WORD.finditer(text_low, a, b))
            if len(words) >= 3:
                if b < end and text_low[b] == ":":
                    found = found or (words[0].start(), words[-1].end())
                else:
                    return words[0].start(), words[-1].end()
            a = b + 1
        return found

    def _headline_event(self, doc, low, span, row, rule, title_low, title_end, lead) -> Event:
        """The main event named by words of the headline: at their place when the text opens with the headline,
        else by the words alone (a separate title)."""
        s, e = span
        if title_end:
            self._main_pos = (s, e)
            doc.explain(self.name, rule, s, e)
            return self._event(doc, low, s, e, row, main=True, rule=rule, lead=lead)
        trigger = (doc.title or "")[s:e] or row.phrase
        doc.trace.append((self.name, rule, trigger))  # named in the headline only
        return self._event(doc, low, 0, 0, row, main=True, rule=rule, trigger=trigger, lead=lead)

    def _headline_verbs(self, title_low: str, title: str, said: list[tuple[int, int]]) -> list[tuple[int, int, TriggerRow]]:
        """Verbs of the headline that report a happening of no typed kind, outside its statement clauses and topics
        (a capitalized word after the headline's first is a name: "Tướng Võ Hồng Thắng")."""
        out: list[tuple[int, int, TriggerRow]] = []
        blocked = find_all(self.t.not_trigger_re, title_low)
        opening = len(title) - len(title.lstrip())
        for s, e in find_all(self.t.headline_verb_re, title_low[:_TITLE_CHARS]):
            if any(bs <= s < be for bs, be in blocked):
                continue
            # in a statement clause only right after a past marker ("Bí ẩn … máy bay Mỹ vừa lởn vởn gần căn cứ Nga")
            if any(a <= s < b for a, b in said) and not self.t.verb_past_re.search(title_low[max(0, s - 8) : s]):
                continue
            if title[s : s + 1].isupper() and s > opening:
                continue
            if self._topic(title_low, s, in_title=True) or self._nominal(title_low, s):
                continue
            out.append((s, e, self.t.headline_verbs[phrase_key(title_low[s:e])]))
        return out

    def _restates(self, low: str, hit: tuple[int, int, TriggerRow], acts: list[tuple[int, int, TriggerRow]], head_low: str) -> bool:
        """A lead trigger of the kind of one of the headline's happenings, or in a sentence that repeats one's words."""
        if any(a[2].type == hit[2].type for a in acts):
            return True
        ss, se = self._sentence(hit[0])
        near = low[max(ss, hit[0] - _PLAN_WINDOW) : min(se, hit[1] + _PLAN_WINDOW)]  # bounded: linear on a 1 MB sentence
        return any(head_low[a[0] : a[1]] in near for a in acts)

    def _watched(self, head_low: str) -> Callable[[int], bool]:
        """A test of a headline position: a tracking verb before it in its clause ("theo dõi", "do thám"); read once,
        within the headline's first _TITLE_CHARS characters (linear on a run-on first line)."""
        head = head_low[:_TITLE_CHARS]
        breaks = [m.end() for m in self.t.title_clause_re.finditer(head)]
        verbs = [a for a, _ in find_all(self.t.watch_re, head)]

        def test(s: int) -> bool:
            if s >= len(head) or not verbs:
                return False
            i = bisect_right(breaks, s) - 1
            start = breaks[i] if i >= 0 else 0
            j = bisect_left(verbs, start)
            return j < len(verbs) and verbs[j] < s

        return test

    def _subordinated(self, head_low: str) -> int:
        """Where the headline's first subordinate clause starts after a main clause of its own, else -1."""
        for a, _ in find_all(self.t.subordinator_re, head_low[:_TITLE_CHARS]):
            if len(head_low[:a].split()) >= self.t.main_clause_words:
                return a
        return -1

    def _profile(self, head: str) -> bool:
        """A headline that is a short name and its description ("GRU - cơ quan tình báo…"): a profile piece."""
        cuts = [i for i in (head.find(d) for d in self.t.profile_dashes) if i > 0]
        if not cuts:
            return False
        left, right = head[: min(cuts)].split(), head[min(cuts) + 3 :].lstrip(_QUOTES).split()
        if not left or not right or len(left) > self.t.profile_left_words or right[0] in self.t.profile_names:
            return False
        return right[0][:1].islower() or right[0].lower() in self.t.profile_openers

    def _assessment(self, doc: Document, head_low: str, lead: list[tuple[int, int]]) -> Optional[str]:
        """The rule that makes a headline with no event word an analysis piece (events.yaml assessment_openers,
        why_words), else None: such a piece reports no event, and the people it quotes take no part in one."""
        starts = [0] + [m.end() for m in self.t.title_clause_re.finditer(head_low)]
        for a, _ in find_all(self.t.assessment_re, head_low):
            if any(head_low[c:a].strip(_QUOTES) == "" for c in starts if c <= a):
                return "event.none.assessment"
        if not self.t.question_marks_re.search(head_low.rstrip()[-1:]) or find_all(self.t.why_re, head_low):
            return None
        if any(ls <= d.start < le for d in doc.dates for ls, le in lead):
            return None  # a dated lead reports what the question is about
        if any(find_all(self.t.day_step_re, doc.lex.lower, ls, le) for ls, le in lead):
            return None  # so does a lead dated a day after another happening ("Một ngày sau khi …")
        return "event.none.question"

    def _frames(self, low: str, hit: tuple[int, int, TriggerRow], fire: list[tuple[int, int, TriggerRow]], head_low: str) -> bool:
        """A lead exercise that places the headline's act of fire in it ("… phóng tên lửa trong cuộc diễn tập", "tổ chức
        diễn tập phóng tên lửa …"), the act repeated in its sentence (its first word is enough: "phóng" for "phóng thử")."""
        s, e = hit[0], hit[1]
        ss, se = self._sentence(s)
        if self._planned(low, s) or self._unrealized(low, e):
            return False
        # an act of two words is repeated by its first when that is an act too ("phóng" for "phóng thử", not "trình")
        stems = {w if w in self.t.frame_acts else phrase_key(head_low[a[0] : a[1]]) for a in fire for w in head_low[a[0] : a[1]].split()[:1]}
        after = self.t.frame_after_re.match(low, e, min(se, e + _FRAME_WINDOW))
        if after is not None:
            follows = low[after.end() : min(se, after.end() + _FRAME_WINDOW)].split()
            if any(" ".join(follows[: len(w.split())]) == w for w in stems):
                return True
        if not self.t.frame_before_re.search(low, max(0, s - _FRAME_WINDOW), s):
            return False
        if self._restates(low, hit, fire, head_low):
            return True
        near = low[max(ss, s - _PLAN_WINDOW) : min(se, e + _PLAN_WINDOW)]  # bounded: linear on a 1 MB sentence
        return bool({w for w in stems if " " not in w} & set(_WORD.findall(near)))

    def _commanded(self, head_low: str, said, speech, fire) -> bool:
        """A headline whose only statements are commands right before an act of fire ("ra lệnh phóng thử …")."""
        orders = [sp for sp in speech if phrase_key(head_low[sp[0] : sp[1]]) in self.t.command_verbs]
        if not orders or len(orders) != len(speech) or not all(any(o[0] == a for o in orders) for a, _ in said):
            return False
        return any(0 <= f[0] - o[1] <= self.t.command_gap and not _CLAUSE_END.search(head_low, o[1], f[0]) for o in orders for f in fire)

    def _nominal(self, title_low: str, s: int, e: int = -1) -> bool:
        """A verb made a noun by the word right before it ("những tuyên bố", "lệnh trừng phạt", "bài phát biểu"), or a
        speech noun (``e`` given) by the word right after it ("cảnh báo của Phó Tổng thống Mỹ"; not "bác tuyên bố của
        Mỹ", nor "vừa nhận của Nga")."""
        before = title_low[max(0, s - 12) : s].split()
        after = title_low[e : e + 8].split() if e >= 0 and phrase_key(title_low[s:e]) in self.t.speech_nouns else []
        return (bool(before) and before[-1].strip(_QUOTES) in self.t.nominalizers) or (
            bool(after) and after[0] in self.t.nominal_after
        )

    def _speech_acts(self, title_low: str, title: str) -> list[tuple[int, int, TriggerRow]]:
        """Statements the headline reports ("Nga tuyên bố bắt…", "Trump nói…", "Putin cảnh báo…"): a speech verb not
        negated ("không nói") nor made a noun ("những tuyên bố")."""
        out: list[tuple[int, int, TriggerRow]] = []
        opening = len(title) - len(title.lstrip())
        for s, e in find_all(self.t.speech_re, title_low[:_TITLE_CHARS]):
            before = title_low[max(0, s - 12) : s].split()
            if (before and before[-1] in self.t.speech_negators) or self._topic(title_low, s, in_title=True):
                continue  # "Putin không nói quá khi…"
            if self._nominal(title_low, s, e):
                continue
            if title[s : s + 1].isupper() and s > opening:
                continue  # a capitalized word inside the headline is a name
            out.append((s, e, self.t.speech_verbs[phrase_key(title_low[s:e])]))
        return out

    def _statement_clauses(self, title_low: str) -> list[tuple[int, int]]:
        """Parts of the title's clauses that state, plan, ask or analyse: from the first statement word to the end of
        its clause ("…có thể điều tàu sân bay tập trận"; "Nga hoàn tất thử nghiệm" before "có thể" stays), or the
        whole clause after a quote mark or when an analysis word opens it ("Lý do Nga triển khai…", "Bí ẩn…")."""
        out, start = [], 0
        bounds = [m.start() for m in self.t.title_clause_re.finditer(title_low)] + [len(title_low)]
        for end in bounds:
            clause = title_low[max(0, start - 1) : end]  # with the break before it
            analysis = find_all(self.t.analysis_re, title_low, start, end)
            words = sorted(find_all(self.t.statement_re, title_low, start, end) + analysis)
            opens = bool(analysis) and not title_low[start : analysis[0][0]].strip(_QUOTES)
            if self.t.statement_marks_re.search(clause) or opens:
                out.append((start, end))
            elif words:
                out.append((words[0][0], end))
            start = end + 1
        return out

    def _opens_with_date(self, doc: Document, sentence: tuple[int, int]) -> bool:
        """A lead sentence that opens with the day ("Chiều 1/12, ...") reports what happened that day."""
        a, b = sentence
        if _DATE_PREFIX.match(doc.text, a, b) and _DATE_PREFIX.match(doc.text, a, b).end() > a + 2:
            return True
        for r in doc.dates:
            # a day, not a year: "Binh sĩ Đài Loan trước một cuộc diễn tập năm 2017" is a caption
            if r.type not in ("date", "datetime") or not r.value or len(r.value) < 10:
                continue
            if a <= r.start < a + _DATE_NEAR_START:
                return True
        return False

    def _held(self, low: str, s: int, e: int) -> bool:
        """A trigger right after "tổ chức", "khai mạc"…, in a clause that is no plan."""
        ss, _ = self._sentence(s)
        if not find_all(self.t.reporting_re, low, max(ss, s - _CUE_WINDOW), s):
            return False
        return not self._planned(low, s)

    def _held_after(self, low: str, s: int, e: int) -> bool:
        """A trigger a few words before "diễn ra", "được tổ chức" ("trong Hội nghị … lần 6 diễn ra tại Lào")."""
        _, se = self._sentence(s)
        after = find_all(self.t.reporting_after_re, low, e, min(se, e + 2 * _CUE_WINDOW))
        if not after:
            return False
        # "cuộc tập trận có thể diễn ra trong 48 giờ tới", "dự kiến sớm được tổ chức": a plan between them
        return not self._planned(low, s) and not self._plans(low, e, after[0][0])

    def _planned(self, low: str, s: int, purpose: bool = False) -> bool:
        """A plan marker written in lower case before ``s`` in its sentence, with no held marker ("đã": held_markers)
        after it (with ``purpose``, not a purpose marker: "tổ chức Hội nghị … để tổng kết")."""
        ss, _ = self._sentence(s)
        ss = max(ss, s - _PLAN_WINDOW)  # bounded: a 1 MB "sentence" must stay linear
        # written in lower case: "cần" is a plan, "Cần Thơ" a city
        plans = [x for x in self._plans(low, ss, s) if not self._text[x[0]].isupper()]
        if purpose:
            plans = [x for x in plans if phrase_key(low[x[0] : x[1]]) not in self.t.purpose_markers]
        return bool(plans) and not find_all(self.t.held_re, low, plans[-1][1], s)

    def _plans(self, low: str, a: int, b: int) -> list[tuple[int, int]]:
        """Plan markers in ``low[a:b]``, without the longer words that begin with one ("sắp xếp" is no "sắp")."""
        return [x for x in find_all(self.t.plan_re, low, a, b) if phrase_key(low[x[0] : x[1]]) not in self.t.not_plan_markers]

    def _visited(self, low: str, hits, s: int, e: int, row: TriggerRow) -> Optional[tuple[int, int, TriggerRow]]:
        """The event of a specific kind that a visit names as its object in the same clause ("thăm, động viên lực
        lượng tham gia diễn tập", "đến thăm, kiểm tra diễn tập"): the visit is to that event, which is the main one."""
        if row.type != "other" or phrase_key(low[s:e]) not in self.t.visit_triggers:
            return None
        _, se = self._sentence(s)
        end = min(se, e + _VISIT_WINDOW)
        for h in hits:
            if e <= h[0] < end and h[2].type != "other" and h[2].scope != "title":
                # a name ("Trung tâm Huấn luyện Quốc gia"), a place or a host between ("thăm và làm việc với …") ends it
                if (
                    _CLAUSE_END.search(low, e, h[0])
                    or find_all(self.t.visit_stop_re, low, e, h[0])
                    or not self._text[h[0]].islower()
                    or not self._plain(low, h[0])
                ):
                    return None
                return h
        return None

    def _conferred(self, low: str, hits, lead, s: int, e: int, row: TriggerRow) -> Optional[tuple[int, int, TriggerRow]]:
        """The award a commemorative ceremony confers, told in the lead ("Lễ kỷ niệm 70 năm … Tại buổi lễ, LLVT huyện
        vinh dự đón nhận Huân chương Bảo vệ Tổ quốc"): a ceremony conferring decorations is an award (SPEC)."""
        if row.type != "other" or phrase_key(low[s:e]) not in self.t.award_ceremonies:
            return None
        for h in hits:
            if h[2].type != "award" or h[0] < e or not any(a <= h[0] < b for a, b in lead):
                continue
            _, se = self._sentence(h[0])
            honour = self._decoration_in(h[0], min(se, h[1] + _DECORATION_WINDOW), self.t.award_kinds)
            if honour is not None and self._plain(low, h[0]) and not find_all(self.t.background_re, low, max(0, h[0] - _BACKGROUND_WINDOW), h[0]):
                return h
        return None

    def _decoration_in(self, a: int, b: int, kinds: Optional[frozenset[str]] = None) -> Optional[Any]:
        """The first Decoration record (of one of ``kinds``, if given) that starts in ``[a, b)``."""
        i = bisect_left(self._decoration_starts, a)
        while i < len(self._decorations) and self._decoration_starts[i] < b:
            d = self._decorations[i]
            if kinds is None or d.kind in kinds:
                return d
            i += 1
        return None

    def _after_occasion(self, low: str, s: int) -> bool:
        """Right after "tại", "trong", "nhân dịp" (the occasion of what the sentence says)."""
        return any(not low[pe:s].strip() for _, pe in find_all(self.t.occasion_re, low, max(0, s - _OCCASION_WINDOW), s))

    # ---- did it happen? -----------------------------------------------------------
    def _plain(self, low: str, s: int, purpose: bool = False) -> bool:
        """Not inside a plan or a task (unless a held marker follows the plan), and not a topic; with ``purpose``, a
        purpose marker ("để", "nhằm") plans nothing."""
        return not self._planned(low, s, purpose) and not self._topic(low, s)

    def _topic(self, low: str, s: int, in_title: bool = False, headline: bool = False) -> bool:
        """Right after a topic head: "công tác huấn luyện", "phục vụ diễn tập"; in a ``headline`` of an act of fire, an
        exercise right after an occasion head names the occasion of the act ("Pantsir-S1 diệt 100 tên lửa trong diễn tập")."""
        ss, se = (0, len(low)) if in_title else self._sentence(s)
        if self._called_off(low, s, se):
            return True
        topics = find_all(self.t.topic_re, low, max(ss, s - _TOPIC_WINDOW), s)
        if not topics or low[topics[-1][1] : s].strip(" ,"):
            return False
        head = phrase_key(low[topics[-1][0] : topics[-1][1]])
        headline_start = in_title or s < self._title_end
        if headline_start and head in self.t.title_result_heads and not low[ss : topics[-1][0]].strip():
            return False  # "Kết quả khám sơ tuyển …" opening the headline: the results of an event held
        if head in self.t.held_topic_heads and self.t.held_before_re.search(low, max(ss, topics[-1][0] - 20), topics[-1][0]):
            return False  # "kết thúc chương trình diễn tập": the programme held is the exercise
        return not (headline and phrase_key(low[topics[-1][0] : topics[-1][1]]) in self.t.title_occasion_heads)

    def _unrealized(self, low: str, e: int) -> bool:
        """Planned or what should have happened, between the trigger and "diễn ra" ("cuộc diễn tập đáng lẽ diễn ra")."""
        _, se = self._sentence(e)
        held = find_all(self.t.reporting_after_re, low, e, min(se, e + 2 * _CUE_WINDOW))
        return bool(held) and bool(self._plans(low, e, held[0][0]))

    def _called_off(self, low: str, s: int, se: int) -> bool:
        """Said to be called off or put off a few words on, in the same clause ("tập trận 4 nước bị hoãn")."""
        m = self.t.called_off_re.search(low, s, min(se, s + self.t.called_off_window))
        return m is not None and not _CLAUSE_BREAK.search(low, s, m.start()) and "," not in low[s : m.start()]

    def _happened(self, low: str, s: int, e: int, row: TriggerRow) -> Optional[str]:
        """The rule that makes a body trigger a reported happening, or None (plan, task, topic)."""
        if not self._plain(low, s) or self._unrealized(low, e):
            return None
        # background of a person ("người đã từng được trao huân chương CSM"), not a happening of the article
        if find_all(self.t.background_re, low, max(self._sentence(s)[0], s - _BACKGROUND_WINDOW), s):
            return None
        if phrase_key(row.phrase) in self.t.decoration_verbs:
            # "trao tặng" confers a decoration only when one follows it ("trao tặng 5 suất quà" is a gift)
            _, se = self._sentence(s)
            if self._decoration_in(e, min(se, e + _DECORATION_WINDOW)) is None:
                return None
        if not row.cue:
            return "event.secondary.reported"
        ss, _ = self._sentence(s)
        cs = max(ss, s - _CUE_WINDOW)
        clause = low[cs:s]
        br = max(clause.rfind(";"), clause.rfind(":"))
        if br >= 0:
            cs += br + 1
        if find_all(self.t.cue_re, low, cs, s):
            return "event.secondary.cued"
        own = self.t.type_cue_re.get(row.type)
        if own is not None and own.search(low[cs:s]):
            return "event.secondary.cued"
        return None

    def _joined(self, low: str, s: int, row: TriggerRow, held: list[tuple[int, int, TriggerRow]]) -> Optional[str]:
        """``event.secondary.joined``: a cued trigger joined by "và" or a comma to a conference held just before it in
        its clause ("Hội nghị tổng kết nhiệm vụ năm 2016 và triển khai nhiệm vụ năm 2017")."""
        if not row.cue or not self._plain(low, s):
            return None
        ss, _ = self._sentence(s)
        for hs, he, hrow in held:
            if hrow.type not in self.t.joined_types or not (ss <= hs and he <= s <= he + self.t.joined_gap):
                continue
            if _CLAUSE_END.search(low, he, s) is None and self.t.joined_before_re.search(low[he:s]):
                return "event.secondary.joined"
        return None

    # ---- attributes ---------------------------------------------------------------
    def _sentence(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self._starts, pos) - 1
        if 0 <= i < len(self._sentences) and self._sentences[i][0] <= pos < self._sentences[i][1]:
            return self._sentences[i]
        return (pos, pos)

    def _event(self, doc, low, s, e, row, *, main: bool, rule: str, trigger: Optional[str] = None, lead=None) -> Event:
        if s < e:
            start, end, trig = s, e, doc.text[s:e]
            scope = [self._sentence(s)]
        else:
            start = end = 0
            trig = trigger or row.phrase
            scope = []
        if main and lead:
            scope = scope + [x for x in lead[:1] if x not in scope]
        scope = [(a, min(b, a + 4 * _PLAN_WINDOW)) for a, b in scope]
        date, period, day = self._when(doc, scope, e if s < e else None)
        etype = self._type(low, s, e, row, trig)
        return Event(
            type=etype,
            trigger=trig,
            start=start,
            end=end,
            date=date,
            period=period,
            location=self._location(doc, low, scope),
            organizer=self._organizer(doc, low, scope[0], s) if scope and s < e else None,
            participants=self.roles.participants(
                doc, low, self._sentence, (lead or [])[:_LEAD_SENTENCES], rule, etype, trig, day
            )
            if main
            else [],
            first_day=day.first_day if day is not None else None,
            last_day=day.last_day if day is not None else None,
            main=main,
            rule=rule,
        )

    def _type(self, low: str, s: int, e: int, row: TriggerRow, trigger: str) -> str:
        """The row's type; a decision announced with no post after it is `other`, not an appointment."""
        if row.type != "appointment" or phrase_key(row.phrase) not in self.t.decision_triggers:
            return row.type
        if s < e:
            _, se = self._sentence(s)
            found = find_all(self.t.appointment_re, low, e, min(se, e + _DECISION_WINDOW))
        else:
            found = find_all(self.t.appointment_re, same_length_lower(trigger))
        return row.type if found else "other"

    def _records_in(self, doc: Document, records: list[Any], scope: list[tuple[int, int]]) -> list[tuple[int, int, Any]]:
        out = []
        for r in records:
            if any(a <= r.start < b for a, b in scope):
                out.append((r.start, r.end, r))
        out.sort(key=lambda x: x[0])
        return out

    def _when(
        self, doc: Document, scope, trigger_end: Optional[int]
    ) -> tuple[Optional[str], Optional[str], Optional[TemporalExpression]]:
        """The day it was held (a date in its sentence, and its record) and the period it reviews (after the trigger)."""
        date = period = None
        day: Optional[TemporalExpression] = None
        for rs, _, r in self._records_in(doc, doc.dates, scope):
            value = getattr(r, "value", None)
            if not value:
                continue
            kind = getattr(r, "type", None)
            is_day = kind in ("date", "datetime") and len(value) >= 10 and value[4:5] == "-" and value.count("-") >= 2
            if date is None and is_day:
                date, day = value, r
            elif period is None and (kind == "period" or (kind == "date" and not is_day)):
                if trigger_end is None or rs >= trigger_end - 1 or kind == "period":
                    period = value
        return date, period, day

    def _location(self, doc: Document, low: str, scope) -> Optional[str]:
        """A place introduced by "tại" in the event's sentence (a Location record, else the words after it)."""
        for a, b in scope:
            b = min(b, a + 2 * _PLAN_WINDOW)
            for ps, pe in find_all(self.t.location_re, low, a, b):
                locs = self._records_in(doc, doc.locations + doc.organizations, [(pe, min(b, pe + 60))])
                if locs and locs[0][0] - pe <= 3:
                    return locs[0][2].text
                m = re.match(r"\s*([^,.;:()]{3,60}?)(?=[,.;:()]|\s+(?:có|đã|với|và|cho|để|diễn ra|tổ chức)\b|$)", doc.text[pe:b])
                if m and m.group(1)[:1].isupper():
                    return m.group(1).strip()
        return None

    def _organizer(self, doc: Document, low: str, sentence: tuple[int, int], trig: int) -> Optional[str]:
        """Who held it: the body or place right before "tổ chức" (or before the trigger itself)."""
        ss = max(sentence[0], trig - _PLAN_WINDOW)
        verbs = [v for v in find_all(self.t.organizer_re, low, ss, trig + 1) if v[1] <= trig + 1]
        head_end = verbs[-1][0] if verbs else trig
        clause_start = ss
        piece = doc.text[ss:head_end]
        cut = max(piece.rfind(","), piece.rfind(";"), piece.rfind(":"))
        if cut >= 0:
            clause_start = ss + cut + 1
        recs = self._records_in(doc, doc.organizations + doc.locations, [(clause_start, head_end)])
        if recs:
            rs, re_, r = recs[0]
            if re_ <= head_end:
                return r.text
            return doc.text[rs:head_end].strip() or None  # a body record that ran over the verb
        words = doc.text[clause_start:head_end].strip()
        words = _DATE_PREFIX.sub("", words).strip()
        words = _ORGANIZER_EDGES.sub("", words).strip()
        if 1 <= len(words.split()) <= 10 and words[:1].isupper() and not any(c.isdigit() for c in words):
            return words
        return None
