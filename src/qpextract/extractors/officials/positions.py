"""Positions: a title from titles.tsv plus the body it belongs to.

"Bí thư Thành ủy" = title "Bí thư" + organization "Thành ủy". After a name a
chain of positions is split at commas and dashes ("Cù Ngọc Cường, Ủy viên Ban
Thường vụ Tỉnh ủy, Bí thư Thành ủy"); a segment that is only a body
("Phó chính ủy - Bộ CHQS tỉnh") completes the position before it. "nguyên"
before and "thường trực" after a title stay in the title and the text. "kiêm", "rồi", "(52 tuổi, ..." and a
verb ("làm", "giữ chức", "là") also lead to a position (titles_context.yaml).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Callable, NamedTuple, Optional, TypeVar

from qpextract.data import read_yaml
from qpextract.extractors.officials.foreign import vietnamese_syllable
from qpextract.extractors.officials.lexicon import Lexicon
from qpextract.extractors.places.bodies import caps_prose
from qpextract.text.abbreviations import post_chains
from qpextract.text.lexicon import LOWER, NB, UPPER, fold, trie_pattern

# what may join two positions of one chain; "là" too ("Phan Văn Giang, Thứ trưởng Quốc phòng là Tổng
# tham mưu trưởng"), but not "làm" ("…, Thứ trưởng làm trưởng đoàn" is a role in the visit)
_LINK = re.compile(r"[,()-]|(?<!\w)(?:kiêm|rồi|là)(?!\w)", re.IGNORECASE)
_NAME_GOES_ON = re.compile(r"[ \t]*+[-–][ \t]*+[A-ZĐ]")
# position.lower_of: a lower-case name, then "của"/"thuộc" and the capitalized body it belongs to
_LOWER_OF = re.compile(r"((?:" + LOWER + r"++[ \t]++){1,6}?)(?:của|thuộc)[ \t]++(?=" + UPPER + ")")
_LOWER_NEXT = re.compile(r"[ \t]++" + LOWER)
# position.sector_list: ", giáo dục, thanh niên, thiếu niên và nhi đồng": lower-case sectors listed after a body's
# name, the last after "và"
_WORD = r"(?!(?:và|của|thuộc)(?!\w))" + LOWER + r"++"
_WORDS = _WORD + r"(?:[ \t]++" + _WORD + r"){0,3}"
_SECTOR_LIST = re.compile(r"((?:,[ \t]*+" + _WORDS + r"){1,6}?)(?:,[ \t]*+|[ \t]++)và[ \t]++(" + _WORDS + r")(?![ \t]*+[-–])")
# … and after a head alone, a lower-case name joined by "và" ("Viện" + "nghiên cứu chính trị và xung đột")
_HEAD_LIST = re.compile(r"[ \t]++(" + _WORDS + r")[ \t]++và[ \t]++(" + _WORDS + r")(?![ \t]*+[-–])")
_LIST_END = re.compile(r"[ \t]*+(?:[,.;:)(\n\"”]|[-–][ \t]|\Z)")
_IS = re.compile(r"(?<!\w)(?:là|làm)(?!\w)", re.IGNORECASE)
_ROLE_VERB = re.compile(r"(?<!\w)làm(?!\w)", re.IGNORECASE)
_FORMER = re.compile(r"(?:nguyên|cựu)[ \t]++", re.IGNORECASE)
# rule position.prefix: "nguyên", "cựu", "quyền" before a title (titles_context.yaml title_prefixes)
_PREFIX = re.compile(r"(?:" + trie_pattern(read_yaml("titles_context.yaml")["title_prefixes"], fold_case=True) + r")[ \t]++", re.IGNORECASE)
_BLANK = re.compile(r"[ \t]++")
# rule position.post_chain: posts written as one run of short forms glued by "." ("P.CHT.TMT.BCHQS", "PBT.CTUBND") or
# one post form fused to its body ("CTHĐND"), up to a dash ("HUV.BTĐU-CTHĐND xã" is two posts)
_POST_RUN = re.compile(r"[A-ZĐ]{1,7}+(?:\.[A-ZĐ]{1,7}+)*+(?![^\W_]|\.[^\W_])")
_TOKEN = re.compile(r"\S++")
_ONE = re.compile(r"một[ \t]++")
_PASSIVE = re.compile(r"(?<!\w)được(?!\w)")
_PRONOUN_ALONE = re.compile(r"[ \t]++" + LOWER)  # a pronoun with no name after it ("bộ ông đã mặc")
# the rest of a model code written tight: "F" + "-35", "Su" + "-30MK2"; each part begins with a digit or a capital
# (rule position.code_tail), so a tight dash before the next clause is no code: "UBND xã Hòn Nghệ" + "-cho biết"
_CODE_TAIL = re.compile(r"(?:-[0-9A-Z]\w*+)++")
_OF = re.compile(r"(?:của|thuộc)[ \t]++")
_OF_AFTER = re.compile(r"[ \t]++(?:của|thuộc)[ \t]++")
# a note on the person's age and home right after the name, "(40 tuổi, quê Hà Nội)"
_AGE_NOTE = re.compile(r"[ \t]*+\(\d{1,3}[ \t]++tuổi[^()\n]{0,80}+\)")
# another name of the person in brackets right after the name, "(Nguyễn Đình Viên)"
_ALIAS_NOTE = re.compile(r"[ \t]*+\(([^()\n]{2,40}+)\)")
MAX_CHAIN = 8
MAX_PRONOUN_REACH = 600  # characters from the last mention of a person to a pronoun standing for them
MAX_SUBJECT_REACH = 200
MAX_OBJECT_GAP = 40  # characters of honorific and rank between "cho" and the name it gives the post to  # characters from a subject named in the sentence to its appointment verb
T = TypeVar("T")


def _post_run(text: str, pos: int, limit: int) -> Optional[re.Match[str]]:
    """Rule ``position.post_chain``: a dotted run of short post forms at ``pos`` (or one post form fused to its body)
    that data/vi/abbreviation_posts.tsv reads as posts, as a title match; None otherwise."""
    if pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] in "./"):
        return None
    m = _POST_RUN.match(text, pos, limit)
    if m is None:
        return None
    run = m.group()
    reader = post_chains()
    if (reader.expansion(run) if "." in run else reader.fused(run)) is None:
        return None
    return _literal(run).match(text, pos, limit)


@lru_cache(maxsize=256)
def _literal(run: str) -> re.Pattern[str]:
    """A pattern of one written run (a title match for rule position.post_chain)."""
    return re.compile(re.escape(run))


class Pos(NamedTuple):
    """A position found in the text (normalized offsets) before it becomes a record."""

    start: int
    end: int
    title: str
    organization: Optional[str]
    text: str
    canon: str = ""  # comparison key: folded text, abbreviated title spelled out
    group: bool = False  # after "các", "hai"...: a title shared by the names right after it
    rule: str = ""  # the rule of officials_rules.yaml that attached it to a person
    weak: bool = False  # an apposition title ("cán bộ", "chỉ huy"): a post of a person found otherwise

    def key(self) -> str:
        """The office, for merging: "nguyên Chính ủy X" and "Chính ủy X" are one."""
        key = self.canon or fold(self.text)
        return _FORMER.sub("", key, count=1) if _FORMER.match(key) else key

    def former(self) -> bool:
        return _FORMER.match(fold(self.title)) is not None

    def title_key(self) -> str:
        return fold(_PREFIX.sub("", self.title, count=1))


class Predicate(NamedTuple):
    """Posts after a predicate whose subject is not written right before them."""

    start: int  # the pronoun or the appointment verb
    pronoun: bool  # "Ông từng là ...": the subject is the last person named before
    together: bool  # "cùng được bổ nhiệm ...": every person named before it in the sentence
    posts: list[Pos]
    object_at: int = -1  # "... chức vụ X cho Trung tướng A": the post is A's, named here
    noun: bool = False  # "chức vụ X", "chức danh X": its holder is named after it or earlier in the sentence
    copula: bool = False  # "trở thành", "hiện là" (rule position.copula)


def _full_name_before(text: str, pos: int, stops: set[int]) -> bool:
    """True when the name ending at ``pos`` (it starts at one of ``stops``) has three syllables or more
    ("Nguyễn Bạch Vân", not the by-name "Tư Bình", whose full name in brackets is the person's: "Tư Bình (Lê Quang Vũ)")."""
    start = next((k for k in range(pos - 1, max(-1, pos - 40), -1) if k in stops), pos)
    return text.count(" ", start, pos) >= 2


def _clause_start(text: str, lo: int, pos: int) -> bool:
    """True when only blanks stand between ``pos`` and the start of the body or a clause mark."""
    k = pos - 1
    while k >= lo and text[k] in " \t":
        k -= 1
    return k < lo or text[k] in _CLAUSE_MARKS


_CLAUSE_MARKS = frozenset(".,;:!?\n\"“(")


class PositionParser:
    """Reads single positions and position chains."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        ctx = read_yaml("titles_context.yaml")
        verbs = trie_pattern(ctx["place_end_verbs"] + ctx["appositive_end_verbs"], fold_case=True)
        # position.appositive_end: the words of the apposition, then its closing mark or a verb of saying
        self._appos_tail = re.compile(
            r"[ \t]++(\w(?:[^,;:()\n.\"“”!?–]|\([A-ZĐ][A-ZĐ0-9-]{1,9}\)){0,119}?)(?=[ \t]*+(?:[,;)\n\"”]|[-–][ \t]|\Z)|[ \t]++(" + verbs + ")" + NB + ")", re.IGNORECASE
        )
        # … or a comma and the predicate of the clause ("…, cục trưởng cục quân huấn, đã kiểm tra …")
        self._predicate_next = re.compile(r"[ \t]*+,[ \t]*+(?:" + trie_pattern(ctx["appositive_end_predicates"], fold_case=True) + ")" + NB, re.IGNORECASE)
        self._saying_next = re.compile(r"[ \t]*+[,)\-–]?[ \t]*+(?:" + verbs + ")" + NB, re.IGNORECASE)
        self._appos_words = int(ctx["appositive_words"])
        self._appos_stops = frozenset(fold(w) for w in ctx["appositive_stops"])
        self._saying_words = frozenset(fold(w) for w in ctx["place_end_verbs"] + ctx["appositive_end_verbs"])
        self._appos_end_stops = self._appos_stops | self._saying_words  # a verb of saying merged as one word ("cho hay") ends it too
        self._assistant = lex.assistant_titles  # titles.tsv assistant "yes"
        self._professions = frozenset(fold(w) for w in ctx["profession_titles"])
        # rule position.of_person: "…, cố vấn của Tổng thống đắc cử Ukraine Volodymyr Zelensky, …"
        self._of_whom = re.compile(
            r"((?:[ \t]++" + LOWER + r"++){0,4}?)[ \t]++của[ \t]++(?:(?:" + trie_pattern(ctx["of_person_honorifics"], fold_case=True) + r")[ \t]++)?", re.IGNORECASE
        )
        self._name_run = re.compile(UPPER + r"\w*+(?:[ \t]*+-[ \t]*+\w++|[ \t]++" + UPPER + r"\w*+){0,5}")
        # rule position.deictic_country: "nước này" for the country the article speaks of, where the chain or clause ends
        deictic = trie_pattern(ctx["deictic_countries"], fold_case=True)
        self._deictic = re.compile(
            r"[ \t]++(" + deictic + r")" + NB + r"(?=[ \t]*+(?:[,.;:)(\n\"”]|[-–][ \t]|\Z)|[ \t]++" + UPPER + r"|[ \t]++(?:" + verbs + r")" + NB + ")", re.IGNORECASE
        )
        # rule position.envoy_topic: an envoy's post names the matter or country it is sent for ("Đặc phái viên Mỹ về Syria")
        self._envoys = frozenset(fold(w) for w in ctx["envoy_titles"])
        self._envoy_topic = re.compile(r"[ \t]++(?:" + trie_pattern(ctx["envoy_topic_words"], fold_case=True) + r")(?=[ \t]++" + UPPER + ")")
        self._cap_word = re.compile(r"[ \t]++" + UPPER + r"\w*+" + NB)
        # rule position.acronym_gloss: lower-case words of a body's name before the bracketed acronym that glosses it
        self._gloss_words = re.compile(r"((?:[ \t]++" + LOWER + r"++){1,3}?)(?=[ \t]*+\((?:[A-Z][A-Za-z]*+[ \t]?){0,2}[A-ZĐ]{2,}\))")
        self._description = re.compile(trie_pattern(ctx["description_words"], fold_case=True) + NB + r"[^,;:()\n.\"“”!?–-]{0,60}+(?=,[ \t]*+\w)", re.IGNORECASE)
        # rule position.caption_note: "(phải)", "(thứ hai từ trái)" after a name in a photo caption
        self._side_note = re.compile(r"[ \t]*+\((?:[^()\n]{0,20}?[ \t])?(?:" + trie_pattern(ctx["caption_sides"]) + r")\)")
        # rule position.gender_word: "nữ" before the post ("…, nữ thuyền trưởng của Khinh hạm Surcouf")
        self._gender = re.compile(trie_pattern(ctx["gender_words"], fold_case=True) + r"[ \t]++(?=" + LOWER + ")", re.IGNORECASE)
        self._institution = re.compile(trie_pattern(ctx["profession_institutions"], fold_case=True) + NB, re.IGNORECASE)
        countries = read_yaml("officials_rules.yaml")["countries"]
        # rule position.place_after, before a name: "Lãnh đạo phe thiểu số tại thượng viện Mỹ Chuck Schumer": a house and its country before the name
        self._party_place = re.compile(
            r"[ \t]++(?:ở|tại)[ \t]++((?:" + trie_pattern(ctx["place_lead_words"], fold_case=True) + r")" + NB
            + r"[ \t]++(?:" + trie_pattern(countries) + r")" + NB + r")", re.IGNORECASE
        )
        self._pronouns = frozenset(fold(w) for w in ctx["subject_pronouns"])
        self._rank_titles = frozenset(fold(w) for w in ctx["rank_titles"])  # rule position.rank_title
        self._group_descriptions = frozenset(fold(w) for w in ctx["group_descriptions"])  # rule position.group_description
        self._incumbent = frozenset(fold(w) for w in ctx["bare_dropped_qualifiers"])  # rule position.incumbent
        # rule position.name_tail / position.at_body (titles_context.yaml)
        self._tail_stops = (
            frozenset(fold(w) for w in ctx["appositive_stops"] + ctx["place_end_verbs"] + ctx["appositive_end_verbs"])
            | self.lex.bodies.lower_stops
        ) - {"và"}
        self._tail_syllables = int(ctx["name_tail_syllables"])
        self._tail_place_stops = frozenset(fold(w) for w in ctx["name_tail_place_stops"])
        self._tail_word = re.compile(r"[ \t]++(" + LOWER + r"++)" + NB)
        self._tail_cap_join = re.compile(r"[ \t]++và[ \t]++(?=" + UPPER + ")")
        self._tail_join = re.compile(r"[ \t]++(?:và|[-–])(?=[ \t]++" + LOWER + ")")
        self._at_link_tai = re.compile(r"[ \t]++tại[ \t]++")  # rule position.at_place_named
        self._tail_code = re.compile(r"[ \t]++(?=[A-Z0-9-]*\d)[A-Z][A-Za-z0-9]*+(?:-[A-Za-z0-9]++)*+" + NB)
        self._tail_close = re.compile(r"[ \t]*+(?:[,;)]|[-–][ \t])")
        self._at_link = re.compile(r"[ \t]++(?:" + trie_pattern(ctx["at_body_links"]) + r")[ \t]++")
        self._at_head = re.compile(r"(?:" + trie_pattern(ctx["at_body_heads"]) + r")[ \t]++(?=" + UPPER + ")")
        self._copula_not_after = re.compile(
            r"(?<!\w)(?:" + trie_pattern(ctx["copula_not_after"], fold_case=True) + r")(?!\w)[^,.;:!?\n]*+\Z", re.IGNORECASE
        )
        self._kin = re.compile(r"(?<!\w)(?:" + trie_pattern(ctx["copula_kin"], fold_case=True) + r")(?!\w)[^,.;:!?\n]{0,40}+\Z", re.IGNORECASE)
        self._subordinate = re.compile(
            r"(?<!\w)(?:" + trie_pattern(ctx["copula_subordinators"], fold_case=True) + r")(?!\w)[^,.;:!?\n]*+\Z", re.IGNORECASE
        )
        self._any_country = re.compile(r"(?:" + self.lex.any_country + r")" + NB)  # the home country too: "(QĐND) Việt Nam"
        self._acronym_note = re.compile(r"[ \t]*+\((?:[A-ZĐ][A-ZĐ&-]++[ \t]?){1,3}\)[ \t]++")  # rule position.acronym_inside
        # rule position.bracket_qualifier: a qualifier of the title in brackets before its body, "(Thường trực)"
        self._bracket_qualifier = re.compile(r"[ \t]*+\([ \t]*+(?:" + trie_pattern(ctx["title_qualifiers"], fold_case=True) + r")[ \t]*+\)", re.IGNORECASE)
        self._copula = re.compile(r"(?:\w++[ \t]++)?(?:" + trie_pattern(ctx["copula_verbs"], fold_case=True) + ")" + NB, re.IGNORECASE)
        # rule position.appositive_whole: the words of an apposition (a word, a word with tight dashes, an acronym in
        # brackets), the verb of saying that closes it, with the time said before that verb, and its stop words
        self._whole_word = re.compile(r"[ \t]++(?:[^\s,;:()\n.\"“”!?–-]++(?:-[^\s,;:()\n.\"“”!?–-]++)*+|\([A-ZĐ][A-ZĐ0-9&-]{1,9}\))")
        whole_time = trie_pattern(ctx["appositive_whole_times"] + ctx["appositive_whole_adverbs"], fold_case=True)
        whole_close = r"(?:(?:" + whole_time + r")" + NB + r"(?:[ \t]++\d{1,2}(?:[/.-]\d{1,2}){0,2})?[ \t]++)?(?:" + verbs + r")" + NB
        self._whole_close = re.compile(r"(?:[ \t]*+,[ \t]*+|[ \t]++)" + whole_close, re.IGNORECASE)  # after its comma or right after it
        self._whole_verb_near = re.compile(r"[ \t](?:" + verbs + r")" + NB, re.IGNORECASE)
        self._whole_stops = (
            (self._appos_end_stops | frozenset(fold(w) for w in ctx["appositive_whole_stops"])) - frozenset(fold(w) for w in ctx["appositive_whole_allowed"])
        )
        self._whole_link = re.compile(r"(?<!\w)(?:" + trie_pattern(ctx["appositive_whole_links"]) + r")[ \t]++")
        self._whole_words = int(ctx["appositive_whole_words"])
        self._on_behalf_at = re.compile(trie_pattern(ctx["on_behalf_words"], fold_case=True) + NB, re.IGNORECASE)
        self._deputy = re.compile(trie_pattern([fold(w) for w in ctx["deputy_prefixes"]]) + r"[ \t]++")  # rule position.deputy, on a folded title
        self._acronym_end = re.compile(r"[ \t]*+\([A-ZĐ][A-ZĐ0-9&-]{1,9}\)\Z")

    def at(self, text: str, pos: int, limit: int, stops: set[int], appos: bool = False, nested: bool = False) -> Optional[Pos]:
        """The position whose title starts exactly at ``pos`` (``appos``: right after a name, where
        apposition_titles of titles_context.yaml count too)."""
        t = _post_run(text, pos, limit) or self.lex.title_at.match(text, pos, limit)
        if t is None and appos:
            t = self.lex.appos_at.match(text, pos, limit)
        blank = pos > 0 and text[pos - 1] in " \t"  # the windows before end in blanks
        if t is None or (blank and self.lex.sought_before.search(text, max(0, pos - 24), pos)):
            return None  # "cho chức danh Bí thư tỉnh ủy": a post sought, not held
        if blank and self.lex.candidate_before.search(text, max(0, pos - 16), pos):
            return None  # rule position.candidate: "ứng viên tổng thống đảng Dân chủ Hillary Clinton" runs for the post
        if blank and (nm := self.lex.noun_maker_before.search(text, max(0, pos - 8), pos)) is not None and not self._ends_word(text, nm.start()):
            return None  # "dưới sự lãnh đạo của …": the verb made a noun, not a post (not "nghị sự" + "Tổng thống")
        if self._inside_word(text, t.start(), t.end(), limit):
            return None  # "Đại sứ" of "Đại sứ quán" (the embassy)
        group = blank and self.lex.group_before.search(text, max(0, pos - 10), pos) is not None
        end = t.end()
        if (bq := self._bracket_qualifier.match(text, end, limit)) is not None and not any(k in stops for k in range(end, bq.end())):
            end = bq.end()  # rule position.bracket_qualifier: "Phó Trưởng ban (Thường trực) Ban Chỉ đạo …", one post
        ttext = text[pos:end] if end > t.end() else t.group()
        org: Optional[str] = None
        bare = fold(self.lex.title_qualifier.sub("", _PREFIX.sub("", t.group(), count=1)))  # "đại diện chính thức" -> "đại diện"
        b = _BLANK.match(text, end, limit)
        if bare in self._assistant and not nested and b is not None and b.end() not in stops and self.lex.is_title(text, b.end(), limit):
            # rule position.assistant_of: "Phó trợ lý Ngoại trưởng Mỹ", the office assisted is the body
            sub = self.at(text, b.end(), limit, stops, nested=True)
            if sub is not None and (sub.organization is not None or not self._next_is_name(text, sub.end, limit, stops)):
                return self._make(pos, sub.end, " ".join(ttext.split()), " ".join(text[b.end() : sub.end].split()), " ".join(text[pos : sub.end].split()), group)
        of = _OF.match(text, b.end(), limit) if b is not None else None
        if of is not None and of.end() < limit and of.end() not in stops and (
            text[of.end()].isupper() or bare in self.lex.of_titles
        ):
            # "người phát ngôn của Hạm đội 7"; any title before "của" and a capitalized body: "Chủ tịch của Ủy ban Quân sự NATO"
            oe = self.lex.bodies.parse_after_title(text, of.end(), limit, stops, self.lex.is_title, "")
            body = text[of.end() : oe]
            if oe > of.end() and not self.lex.bodies.bare_head(body) and not self.lex.bodies.splits_word(text, of.end(), oe, limit):
                b = of  # … not "Tư lệnh của Đội" + "tàu Hải quân …", "Phó Giám đốc của Viện" + "nghiên cứu …": a head alone is no body
        if of is not None and b is not of and not nested and of.end() < limit and of.end() not in stops:
            oe = self._of_post(text, of.end(), limit, stops)
            if oe > of.end():
                org, end, b = text[of.end() : oe], oe, None
        ob = of.end() if b is None and org is not None else b.end() if b is not None else end  # where the body starts
        if b is not None and self.lex.bodies.rank_any.match(text, b.end(), limit) is not None:
            b = None  # rule position.rank_not_body: "Phi công Trung tá Nguyễn Văn Sơn": a rank after the title is the person's
        if b is not None and b.end() not in stops:
            oe = self.lex.bodies.parse_after_title(text, b.end(), limit, stops, self.lex.is_title, t.group())
            if oe > b.end():
                org = text[ob : oe]
                end = oe
        if org is None and b is not None and b.end() < limit and b.end() not in stops and text[b.end()].islower():
            oe = self._lower_of(text, b.end(), limit, stops)
            if oe > b.end():
                org, end = text[ob : oe], oe
        if org is not None and (of := _OF_AFTER.match(text, end, limit)) is not None and of.end() not in stops and text[of.end()].isupper():
            # rule position.of_country: "phát ngôn viên Hạm đội 7 của Mỹ", "… ban kế hoạch chiến lược của Không quân Venezuela"
            country = self.lex.country_at.match(text, of.end(), limit)
            whole = country.end() if country is not None else self.lex.bodies.parse(text, of.end(), limit, stops, self.lex.is_title)
            # a body after "của" stays in the post even when the holder's name follows it ("Phó chủ tịch Ủy ban Quốc phòng
            # của Duma Quốc gia Yuriy Shvytkin"); a country does not ("… của Mỹ" + a name may be another person's title)
            if whole > of.end() and not self.lex.bodies.bare_head(text[of.end() : whole]) and (country is None or not self._next_is_name(text, whole, limit, stops)):
                org, end = text[ob : whole], whole
        if org is not None and (sl := self._sector_list(text, end, limit, stops, org)) > end:
            org, end = text[ob : sl], sl
        if org is not None and (code := _CODE_TAIL.match(text, end, limit)) is not None:
            org, end = text[ob : code.end()], code.end()  # a body never ends inside a token: "phi công F-35", not "phi công F"
        if org is not None and (bare in self.lex.at_place_titles or self.lex.mission.match(org)):
            at = self.lex.at_place.match(text, end, limit)  # "Tùy viên Quốc phòng Úc tại Việt Nam", "Đại sứ quán Nhật Bản tại Việt Nam"
            if at is not None:
                org, end = text[ob : at.end()], at.end()
            elif (tl := self._at_link_tai.match(text, end, limit)) is not None and (city := self._proper_before_name(text, tl.end(), limit, stops)) > tl.end():
                org, end = text[ob:city], city  # rule position.at_place_named: "Đại sứ Nga tại Manila" + "Igor Khovaev"
        if org is not None and text[end + 1 : end + 3] in ("ở ", "tạ") and (pa := self.lex.place_after.match(text, end, limit)) is not None and not any(k in stops for k in range(end, pa.end())):
            org, end = text[ob : pa.end()], pa.end()  # rule position.place_after
        if org is None and self.lex.whole_qualifier.search(t.group()) and (pp := self._party_place.match(text, end, limit)) is not None:
            if not any(k in stops for k in range(end, pp.end())) and self._next_is_name(text, pp.end(), limit, stops):
                org, end = pp.group(1), pp.end()  # rule position.place_after (a whole-qualified title, before the name)
        if bare in self._envoys and (te := self._envoy_topic_end(text, end, limit, stops)) > end:
            org, end = text[ob : te] if org is not None else " ".join(text[end:te].split()), te  # rule position.envoy_topic
        if (dx := self._deictic.match(text, end, limit)) is not None and (org is not None or bare not in self.lex.appos_need_body):
            org, end = (text[ob : dx.end()] if org is not None else dx.group(1)), dx.end()  # rule position.deictic_country
        if org is not None and (gl := self._gloss_words.match(text, end, limit)) is not None and org[:1].isupper() and not self._inside_word(text, gl.start(1), gl.end(1), limit):
            org, end = text[ob : gl.end(1)], gl.end(1)  # rule position.acronym_gloss: "Bộ chỉ huy trung tâm (US CENTCOM)"
        if org is not None:
            named = text[ob : ob + 1].isupper() and self.lex.country_at.fullmatch(text, ob, end) is None  # not "Ukraine" + "thân Nga"
            for _ in range(2):
                tail = self._name_tail(text, end, limit, stops) if named else end
                at = self._at_body(text, tail, limit, stops)
                if max(tail, at) <= end:
                    break
                org, end = text[ob : max(tail, at)], max(tail, at)
        chained = False
        cut: Optional[tuple[int, int]] = None  # an acronym in brackets inside the post, left out of its text
        if org is not None and (note := self.lex.bodies.bracket_note(text, end, limit, stops)) > end:
            org, end, chained = text[ob:note], note, True  # rule position.unit_chain: "Đại đội 512 (Tiểu đoàn 11)"
        elif org is not None and (ac := self._acronym_inside(text, end, limit, stops)) > end:
            # rule position.acronym_inside: "Bộ chỉ huy Bộ đội Biên phòng (BCH BĐBP) An Giang" is the post
            # "… Bộ đội Biên phòng An Giang", the bracket glossing the body left out (dev2, dev9 gold)
            close = text.index(")", end) + 1
            cut = (end, close)
            org, end = text[ob:end] + text[close:ac], ac
        if bare in self.lex.appos_need_body:
            if self.lex.on_behalf_before.search(text, max(0, pos - 80), pos):
                return None  # "Thay mặt Quân ủy Trung ương, lãnh đạo Bộ Quốc phòng, Đại tướng A": the bodies spoken for
            qualified = self.lex.whole_qualifier.search(t.group()) is not None  # "lãnh đạo đối lập": a post without a body
            if not (org is None and qualified) and (org is None or self.lex.bodies.cut_short(text, end - len(org) - (cut[1] - cut[0] if cut else 0), end, limit)):
                return None  # "đại diện Lãnh đạo" + "ban, bộ", "thư ký Hội đồng" + "an ninh ...": no body of its own
        if group and org is None and bare in self._group_descriptions:
            return None  # rule position.group_description: "hai nhà lãnh đạo Trump và Erdogan" describes, names no post
        written = text[pos:end] if cut is None else text[pos : cut[0]] + text[cut[1] : end]  # "nguyên" (former) stays
        if bare in self._professions:
            if org is None or not self._employer(text, ob, end):
                return None  # rule position.profession: "chuyên gia quân sự", "chuyên gia Trung Quốc" name no post
            return self._make(pos, end, " ".join(ttext.split()), org, " ".join(written.split()), group)._replace(weak=True, rule="position.profession")
        title = ttext
        if org is None and (qual := self.lex.title_qualifier.search(title)) is not None and fold(qual.group()) in self._incumbent:
            title = written = title[: qual.start()]  # rule position.incumbent: "Thủ tướng đương nhiệm" + a name is "Thủ tướng"
        made = self._make(pos, end, " ".join(title.split()), org, " ".join(written.split()), group)
        if t.re is not self.lex.title_at and t.re is not self.lex.appos_at:
            made = made._replace(rule="position.post_chain")
        elif chained:
            made = made._replace(rule="position.unit_chain")
        elif cut is not None:
            made = made._replace(rule="position.acronym_inside")
        elif bq is not None:
            made = made._replace(rule="position.bracket_qualifier")
        elif self._deputy.match(bare) and " ".join(bare.split()) not in self.lex.title_kind:
            made = made._replace(rule="position.deputy")  # "Phó Cố vấn An ninh Quốc gia": "phó" read before a title titles.tsv lists alone
        return made._replace(weak=True) if t.re is self.lex.appos_at else made

    def _acronym_inside(self, text: str, end: int, limit: int, stops: set[int]) -> int:
        """Rule ``position.acronym_inside``: the acronym of a post's body in brackets right after it, then the
        country, province or place the body's name goes on with ("Quân đội nhân dân (QĐND) Việt Nam", "Bộ chỉ huy
        Bộ đội Biên phòng (BCH BĐBP) An Giang"): where that place ends, else ``end``."""
        m = self._acronym_note.match(text, end, limit)
        if m is None or m.end() >= limit or m.end() in stops:
            return end
        q = m.end()
        place = self._any_country.match(text, q, limit) or self.lex.bodies.gazetteer.match(text, q, limit)
        if place is not None:
            return place.end()
        if self.lex.bodies.place_unit.match(text, q, limit) is not None:
            e = self.lex.bodies.parse(text, q, limit, stops, self.lex.is_title)
            return e if text.count(" ", q, e) >= 1 else end
        return end

    def rank_titles(self, text: str, posts: list[Pos]) -> list[Pos]:
        """Rule ``position.rank_title``: a bare title of rank_titles, a comma and the next post with its body are one
        post ("Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ"); ``posts`` in the order written, so merged."""
        out: list[Pos] = []
        for p in posts:
            prev = out[-1] if out else None
            if (
                prev is not None and prev.organization is None and p.organization is not None and prev.end <= p.start
                and fold(_PREFIX.sub("", prev.title, count=1)) in self._rank_titles and text[prev.end : p.start].strip() == ","
            ):
                out[-1] = self._make(prev.start, p.end, prev.title + ", " + p.title, p.organization, prev.text + ", " + p.text)._replace(rule="position.rank_title")
                continue
            out.append(p)
        return out

    def _name_tail(self, text: str, end: int, limit: int, stops: set[int]) -> int:
        """Rule ``position.name_tail``: lower-case words that go on with the body's name ending at ``end`` ("Trung tâm
        xúc tiến du lịch - thương mại và dịch vụ hội nghị Vĩnh Long", "Chương trình Hệ thống vũ khí hải quân
        PMA-231"), ending at a country, a province, a code with a digit (taken too) or at the mark that closes the
        apposition before a verb of saying: where they end, else ``end``."""
        e, n, last = end, 0, end
        bodies = self.lex.bodies
        while n < self._tail_syllables:
            if n and (cj := self._tail_cap_join.match(text, e, limit)) is not None and (c := self._cap_part(text, cj.end(), limit, stops)) > cj.end():
                # "Hội Giải trừ quân bị" + "và Kiểm soát" + "vũ khí Trung Quốc": "và" and a capitalized compound go on
                # with the name (rule position.name_tail)
                n += text.count(" ", cj.end(), c) + 1
                e = last = c
                continue
            j = self._tail_join.match(text, e, limit) if n or text[e - 1 : e].islower() else None
            w = self._tail_word.match(text, j.end() if j is not None else e, limit)
            if w is None or w.start(1) in stops or self.lex.is_title(text, w.start(1), limit) or bodies.rank_any.match(text, w.start(1), limit):
                break
            if n and bodies.place_unit.match(text, w.start(1), limit) is not None:
                break  # "huyện Đông Anh": the place the name ends at, read below
            c = bodies.compound_end(text, w.start(1), w.end(), limit)
            word = fold(text[w.start(1) : c])
            if word in self._tail_stops or (c == w.end() and fold(w.group(1)) in self._tail_stops):
                break
            n += text.count(" ", w.start(1), c) + 1
            e = last = c
        if last == end or n > self._tail_syllables:
            return end
        b = _BLANK.match(text, last, limit)
        if b is not None and b.end() < limit and b.end() not in stops:
            country = self.lex.country_at.match(text, b.end(), limit) or bodies.gazetteer.match(text, b.end(), limit)
            if country is not None:
                return country.end()
            if (unit := bodies.place_unit.match(text, b.end(), limit)) is not None and unit.end() - 1 not in stops and not any(
                fold(w) in self._tail_place_stops for w in text[end:last].split()
            ):
                # rule position.name_tail, at a place: "Ban Chỉ đạo" + "phong trào thi đua" + "huyện Đông Anh"
                place = bodies.parse(text, b.end(), limit, stops, self.lex.is_title)
                if place >= unit.end() and not self._next_is_name(text, place, limit, stops):
                    return place
            # rule position.name_tail, at a proper name that the holder's name follows ("Ủy ban" + "quan hệ quốc tế
            # nghị viện" + "Crimea" + "Yury Ghempel"): the post ends right before the name
            if (pn := self._proper_before_name(text, b.end(), limit, stops)) > b.end():
                return pn
        code = self._tail_code.match(text, last, limit)
        if code is not None and code.end() not in stops:
            return code.end()
        if self._tail_close.match(text, last, limit) and (self._saying_next.match(text, last, limit) or self._predicate_next.match(text, last, limit)):
            return last
        if self._at_body(text, last, limit, stops) > last:
            return last
        return end

    def _proper_before_name(self, text: str, q: int, limit: int, stops: set[int]) -> int:
        """A proper name of one or two capitalized words at ``q`` (no acronym: "TS", "USS") that a person's name
        follows right after ("Crimea" + "Yury Ghempel", "Manila" + "Igor Khovaev"): where it ends, else ``q``. Not
        Vietnamese syllables before a name that opens with one: "tại Trân" + "Châu Cảng" is one place cut by a name
        read too early (wild corpus); "châu Âu" + "Donald Tusk" stays."""
        start, foreign = q, False
        for _ in range(2):
            t = self.lex.bodies.token.match(text, q, limit)
            if t is None or q in stops or not text[q].isupper() or text[q : t.end()].isupper():
                break
            foreign = foreign or not vietnamese_syllable(text[q : t.end()])
            if self._next_is_name(text, t.end(), limit, stops):
                nb = _BLANK.match(text, t.end(), limit)
                nt = self.lex.bodies.token.match(text, nb.end(), limit) if nb is not None else None
                return t.end() if foreign or (nt is not None and not vietnamese_syllable(nt.group())) else start
            nb = _BLANK.match(text, t.end(), limit)
            if nb is None or nb.end() >= limit:
                break
            q = nb.end()
        return start

    def _cap_part(self, text: str, q: int, limit: int, stops: set[int]) -> int:
        """End of a capitalized compound at ``q`` that may go on with a body's name after "và" ("Kiểm soát"): not a
        name, title, body, rank, country or province of its own; ``q`` when there is none."""
        bodies = self.lex.bodies
        t = bodies.token.match(text, q, limit)
        if t is None or q in stops or not text[q].isupper() or self.lex.is_title(text, q, limit) or bodies.body_at(text, q, limit):
            return q
        if self._any_country.match(text, q, limit) or bodies.gazetteer.match(text, q, limit) or bodies.rank_any.match(text, q, limit):
            return q
        c = bodies.compound_end(text, q, t.end(), limit)
        return c if c > t.end() else q

    def _at_body(self, text: str, end: int, limit: int, stops: set[int]) -> int:
        """Rule ``position.at_body``: "tại"/"của"/"thuộc" and the body the post's body belongs to ("… tại Đại học
        Georgetown", "… tại tổ chức Chatham House", "… của đảng Dân chủ Tự do Nhật Bản"), where the apposition
        closes after it (a mark, a verb of saying or the next link): its end, else ``end``."""
        m = self._at_link.match(text, end, limit)
        if m is None or m.end() >= limit or m.end() in stops:
            return end
        q = m.end()
        head = self._at_head.match(text, q, limit)
        start = head.end() if head is not None else q
        if start in stops or not text[start].isupper():
            return end
        if head is None and self.lex.bodies.body_at(text, q, limit) is None:
            return end  # a capitalized body of bodies.tsv, not a place ("tại Hà Nội") or a person
        e = self.lex.bodies.parse(text, start, limit, stops, self.lex.is_title)
        if head is not None:
            e = max(e, self.lex.bodies._proper_name(text, start, limit, stops, self.lex.is_title))
        if e <= start or self.lex.bodies.bare_head(text[q:e]) or self._next_is_name(text, e, limit, stops):
            return end
        if _LIST_END.match(text, e, limit) or self._saying_next.match(text, e, limit) or self._at_link.match(text, e, limit):
            return e
        tail = self._name_tail(text, e, limit, stops)  # "tại Phòng Công nghệ Chiến lược" + "không quân Mỹ"
        return tail if tail > e else end

    def _of_person(self, text: str, q: int, limit: int, stops: set[int]) -> Optional[Pos]:
        """Rule ``position.of_person``: in the apposition right after a name, a title, up to four lower-case words,
        "của" and the person served, with that person's title and name ("Ivan Aparshyn, cố vấn của Tổng thống đắc cử
        Ukraine Volodymyr Zelensky, …", "Bun Heang, chỉ huy lực lượng cảnh vệ của ông Hun Sen, …"): the whole post,
        when the apposition closes right after the name; else None."""
        t = self.lex.appos_at.match(text, q, limit) or self.lex.title_at.match(text, q, limit)
        if t is None or " của " not in text[t.end() : t.end() + 60]:
            return None
        m = self._of_whom.match(text, t.end(), limit)
        if m is None or any(fold(w) in self._appos_stops for w in m.group(1).split()):
            return None
        k = m.end()
        if self.lex.is_title(text, k, limit):
            sub = self.at(text, k, limit, stops, nested=True)
            b = _BLANK.match(text, sub.end, limit) if sub is not None else None
            k = b.end() if b is not None else -1
        if k not in stops or (name := self._name_run.match(text, k, limit)) is None:
            return None
        e = name.end()
        if _LIST_END.match(text, e, limit) is None and not self._saying_next.match(text, e, limit):
            return None
        return self._make(q, e, " ".join(t.group().split()), " ".join(text[t.end() : e].split()), " ".join(text[q:e].split()))

    def _envoy_topic_end(self, text: str, end: int, limit: int, stops: set[int]) -> int:
        """Rule ``position.envoy_topic``: where "về"/"phụ trách" and up to four capitalized words after an envoy's
        post end (never into a name that starts at one of ``stops``), else ``end``."""
        m = self._envoy_topic.match(text, end, limit)
        if m is None:
            return end
        e, n = m.end(), 0
        while n < 4 and (w := self._cap_word.match(text, e, limit)) is not None and w.end() - len(w.group().lstrip()) not in stops:
            e, n = w.end(), n + 1
        return e if n else end

    def _description_end(self, text: str, q: int, limit: int, stops: set[int]) -> int:
        """Rule ``position.after_description``: a description of the person that is no post (titles_context.yaml
        description_words: "chuyên gia an ninh quốc phòng") right after the name and a comma, and a title after the
        next comma: where the description ends (the chain goes on there), else ``q``."""
        m = self._description.match(text, q, limit)
        if m is None or len(m.group().split()) > self._appos_words or any(k in stops for k in range(q, m.end())):
            return q
        nxt = _BLANK.match(text, m.end() + 1, limit)
        return m.end() if nxt is not None and self.lex.is_title(text, nxt.end(), limit) else q

    def _employer(self, text: str, start: int, end: int) -> bool:
        """Rule ``position.profession``: ``text[start:end]`` names an institution, a body head of bodies.tsv
        written with a capital or followed by a capitalized word or a number ("Viện Nghiên cứu …", "báo Tuổi Trẻ",
        "Binh đoàn 3"), not a topic, a country or a place alone."""
        k = start
        while 0 <= k < end:
            m = self.lex.bodies.body_at(text, k, end) or self._institution.match(text, k, end)
            if m is not None and (text[k].isupper() or (b := _BLANK.match(text, m.end(), end)) is not None and (text[b.end()].isupper() or text[b.end()].isdigit())):
                return True
            k = text.find(" ", k, end)
            k = k + 1 if k >= 0 else -1
        return False

    def _appositive_end(self, text: str, pos: int, found: Pos, limit: int, stops: set[int], bracket: bool) -> Pos:
        """Rule ``position.appositive_end``: a post after the name at ``pos`` runs on to the mark that
        closes the apposition when a verb of saying follows it ("…, điều phối viên nhân đạo của Liên Hợp
        Quốc cho cuộc khủng hoảng Syria, nhận xét"), a bracket opened before it closes, or the sentence
        opened with "Theo" ("Theo A, phát ngôn viên của đợt diễn tập, …"): ``found`` so extended."""
        m = self._appos_tail.match(text, found.end, limit)
        if m is None or self.lex.is_title(text, m.start(1), limit):
            return found
        words = m.group(1).split()
        if len(words) > self._appos_words or "-" in words or any(k in stops for k in range(m.start(1), m.end(1))):
            return found
        if self._appos_stopped(text, m.start(1), m.end(1), limit):
            return found
        e = m.end(1)
        if m.group(2) is None and not self._saying_next.match(text, e, limit) and not self._predicate_next.match(text, e, limit):
            closes = text[e : e + 2].lstrip(" \t")[:1]
            # rule position.line_end: a line that ends with the apposition, no full stop, is a caption or a signature
            # ("Đại tá VÕ TRỌNG TUẤN, Viện trưởng Viện Kỹ thuật cơ giới quân sự" closing the article)
            if not ((bracket and closes == ")") or (closes == "," and self._theo_before(text, pos, stops)) or closes in ("\n", "") or (closes == "," and self._next_post(text, e, limit, stops))):
                return found
        tail = " ".join(m.group(1).split())
        org = found.organization + " " + tail if found.organization else tail
        return self._make(found.start, e, found.title, org, found.text + " " + tail)._replace(rule="position.appositive_end")

    def _word_end(self, text: str, start: int, end: int, limit: int) -> int:
        """Where the word begun by the syllable ``text[start:end]`` ends: past ``end`` when lower-case syllables after it
        complete a compound of the lexicon ("phòng" + "không", "không" + "gian"), else ``end``. The stop-word tests of the
        appositions (_appos_stopped, _whole_stop) read a syllable that completes a compound as no stop word of its own."""
        return max(end, self.lex.bodies.compound_end(text, start, end, limit))

    def _appos_stopped(self, text: str, start: int, end: int, limit: int) -> bool:
        """True when the apposition words in ``text[start:end]`` hold a word of appositive_stops (a verb or a function
        word: a clause, not a post). Capitalized words are names ("Không quân"); a lower-case syllable that completes
        the word begun before it is no word of its own ("Phòng không" + "không quân": no negation)."""
        words: list[str] = []
        k = start
        caps = any(caps_prose(w) for w in text[start:end].split())  # body.caps_prose: a headline in capitals reads as words
        while (w := _TOKEN.search(text, k, end)) is not None:
            c = min(end, self._word_end(text, w.start(), w.end(), limit))
            words.append(fold(text[w.start() : c]) if text[w.start()].islower() or (caps and w.group().isupper()) else "")
            k = c
        stops = self._appos_end_stops
        return any(w in stops for w in words) or any(a + " " + b in stops for a, b in zip(words, words[1:]))

    def _next_post(self, text: str, e: int, limit: int, stops: set[int]) -> bool:
        """Rule ``position.appositive_end``, before the next post: the comma at ``e`` is followed by another post of the
        same person, a title whose post no name follows ("…, Nguyên Cục phó cục tác chiến Quân chủng Phòng không không
        quân, nguyên trưởng phòng …"): the apposition closed there."""
        b = _BLANK.match(text, e + 1, limit)
        q = b.end() if b is not None else e + 1
        if q >= limit or q in stops or not self.lex.is_title(text, q, limit):
            return False
        nxt = self.at(text, q, limit, stops)
        return nxt is not None and not self._next_is_name(text, nxt.end, limit, stops)

    def _whole_apposition(self, text: str, pos: int, q: int, limit: int, stops: set[int]) -> tuple[Optional[Pos], int]:
        """Rule ``position.appositive_whole``: an apposition right after the name at ``pos`` that opens with a title
        at ``q`` and that a verb of saying closes, after its comma ("Zhang Lei, chỉ huy tiểu đoàn bọc thép của Trung
        Quốc tham gia Vostok-2018, cho hay"; with the time said before the verb: "…, hôm 14/7 cho biết") or right
        after it ("Tướng Valdemaras Rupsys, chỉ huy lực lượng Litva tham gia tập trận cho biết"), or that a comma and
        the clause's predicate close (appositive_end_predicates: "…, cũng nằm trong danh sách"), or that closes with
        a comma in a clause opened with "Theo", is one post as written: at most appositive_whole_words syllables,
        none of the stop words (titles_context.yaml), another person named in it only after a link word ("cố vấn cao
        cấp của chính quyền ông Assad"); an acronym in brackets at its end is left out ("(NORAD)"); a profession
        only with the institution it names. Returns the post (None when the apposition is not closed so) and where
        the walk goes on: after the link word when a person is named in the post (that person is read too), else -1."""
        if self._whole_verb_near.search(text, q, min(limit, q + 200)) is None and self._predicate_next.search(text, q, min(limit, q + 200)) is None and not self._theo_before(text, pos, stops):
            return None, -1  # no verb of saying within reach: nothing can close the apposition (a quick test first)
        t = self._whole_title(text, q, limit)
        if t is None:
            return None, -1

        def closes(e: int) -> bool:
            """A verb of saying, a comma and the clause's predicate ("…, cũng nằm trong danh sách"), a comma after "Theo"."""
            return bool(
                self._whole_close.match(text, e, limit) or self._predicate_next.match(text, e, limit)
                or (text[e : e + 1] == "," and self._theo_before(text, pos, stops))
            )

        e, inner = self._whole_walk(text, t, limit, stops, closes, q)
        if e < 0:
            return None, -1
        bare = fold(_PREFIX.sub("", t.group(), count=1))
        if bare in self._professions and not self._employer(text, t.end(), e):
            return None, -1  # rule position.profession: "giáo sư quan hệ quốc tế" names no institution
        return self._whole_post(text, t, e, "position.appositive_whole", True), inner

    def _whole_title(self, text: str, q: int, limit: int) -> Optional[re.Match[str]]:
        """The title (apposition_titles too) that opens a whole post at ``q``, not the start of a longer word ("Đại sứ quán")."""
        t = self.lex.appos_at.match(text, q, limit) or self.lex.title_at.match(text, q, limit)
        return None if t is None or self._inside_word(text, t.start(), t.end(), limit) else t

    def _whole_walk(self, text: str, t: re.Match[str], limit: int, stops: set[int], closes: Callable[[int], bool], links: int = -1) -> tuple[int, int]:
        """Rules ``position.appositive_whole`` / ``position.clause_post``: the words of a whole post after its title
        ``t`` up to where ``closes`` says (after one word at least): at most appositive_whole_words of them, no stop word,
        a name in them only after a link word found from ``links`` on (never when ``links`` < 0). Returns where the
        post ends and where the walk goes on after the link word (-1 when no name is in it); (-1, -1) when no post."""
        e, n, inner = t.end(), 0, -1
        prev = text.rfind(" ", 0, e - 1) + 1  # the start of the word before the next one: the title's last syllable first
        while not (n and closes(e)):
            w = self._whole_word.match(text, e, limit)
            if w is None or n >= self._whole_words:
                return -1, -1
            start = e + len(w.group()) - len(w.group().lstrip())
            if self._whole_stop(text, prev, e, start, w.end(), e > t.end(), limit):
                return -1, -1  # a clause's predicate, a time, a second post ("… kiêm Bí thư Đảng ủy"): read post by post
            if start in stops and inner < 0:
                link = None
                for link in self._whole_link.finditer(text, links, start) if links >= 0 else ():
                    pass  # the last link word before the name
                if link is None:
                    return -1, -1  # "A, Đại sứ Trung Quốc Zhao Jianhua khẳng định": the title is the next person's
                inner = link.end()
            e, n, prev = w.end(), n + 1, start
        return e, inner

    def _whole_post(self, text: str, t: re.Match[str], e: int, rule: str, none_if_bare: bool) -> Pos:
        """The whole post from the title ``t`` to ``e``, an acronym in brackets at its end left out ("(NORAD)"); weak when
        its title is one of apposition_titles. ``none_if_bare``: no organization (None) when only the title is left."""
        q = t.start()
        ac = self._acronym_end.search(text, q, e)
        end = ac.start() if ac is not None else e
        org = " ".join(text[t.end() : end].split())
        made = self._make(q, end, " ".join(t.group().split()), (org or None) if none_if_bare else org, " ".join(text[q:end].split()))._replace(rule=rule)
        return made._replace(weak=True) if t.re is self.lex.appos_at else made

    def _whole_stop(self, text: str, prev: int, e: int, start: int, end: int, after_word: bool, limit: int) -> bool:
        """True when the word ``text[start:end]`` (the previous word is ``text[prev:e]``) stops a whole post: a stop word
        of position.appositive_whole that is no syllable of a longer word ("phòng" + "không", "không" + "gian"),
        a stop pair ("cho biết"), or "và"/"hoặc" before a second title."""
        if not (text[start].islower() or caps_prose(text[start:end])):
            return False  # a capitalized word is a name's, a word in capitals a headline's (body.caps_prose)
        word = fold(text[start:end])
        joined = self._word_end(text, prev, e, limit) >= end or self._word_end(text, start, end, limit) > end
        return (
            (word in self._whole_stops and not joined)
            or (after_word and fold(text[prev:e].strip() + " " + word) in self._whole_stops)
            or (word in ("và", "hoặc") and self.lex.is_title(text, end + 1, limit))
        )

    def clause_whole(self, text: str, q: int, end: int, stops: set[int]) -> Optional[Pos]:
        """Rule ``position.clause_post``: the whole clause from the title at ``q`` to ``end`` (the comma before the
        rank or honorific and the name) as one post, when it opens with a title and its words are those of a post
        (position.appositive_whole's word limit and stop words, no name in it): "Cục trưởng cục tác chiến bộ Tổng
        tham mưu các lực lượng vũ trang Nga, Trung tướng Sergei Rudskoy"; else None."""
        t = self._whole_title(text, q, end)
        if t is None or t.end() >= end:
            return None
        if self.lex.on_behalf_before.search(text, max(0, q - 80), q) or self._on_behalf_at.match(text, q, end):
            return None  # "Thay mặt Quân ủy Trung ương, lãnh đạo Bộ Quốc phòng, Đại tướng A", "Đại diện cho ban soạn thảo, ông B"
        e, _ = self._whole_walk(text, t, end, stops, lambda k: k >= end)
        if e != end or fold(_PREFIX.sub("", t.group(), count=1)) in self._professions:
            return None
        return self._whole_post(text, t, e, "position.clause_post", False)

    def _bare_apposition(self, text: str, pos: int, q: int, limit: int, stops: set[int], bracket: bool) -> Optional[Pos]:
        """Rule ``position.appositive_end`` for a title with no body of its own right after the name and a comma
        ("John Alexander, chỉ huy cụm tàu sân bay chiến đấu Reagan, cho biết"): the whole apposition when
        it closes before a verb of saying, else None."""
        t = self._whole_title(text, q, limit)
        if t is None:
            return None
        bare = self._make(q, t.end(), " ".join(t.group().split()), None, " ".join(t.group().split()))
        whole = self._appositive_end(text, pos, bare, limit, stops, bracket)
        if whole is bare or (fold(t.group()) in self._professions and not self._employer(text, t.end(), whole.end)):
            return None  # rule position.profession: "chuyên gia quân sự tại Bắc Kinh" names no institution
        return whole._replace(weak=True)

    def _theo_before(self, text: str, pos: int, stops: set[int]) -> bool:
        """True when the clause of the name ending at ``pos`` opens with "Theo" ("Theo chuẩn tướng A, …")."""
        start = next((k for k in range(pos - 1, max(-1, pos - 40), -1) if k in stops), -1)
        if start < 0:
            return False
        head = text[max(0, start - 40) : start]
        cut = max(head.rfind(c) for c in ".!?\n;:\"“")
        return head[cut + 1 :].lstrip().startswith("Theo ")

    def _sector_list(self, text: str, end: int, limit: int, stops: set[int], org: str = "") -> int:
        """Rule ``position.sector_list``: lower-case sectors after a body's name, listed with commas and
        "và", and a country or "của" and a body after them ("Ủy ban Văn hóa, giáo dục, thanh niên, thiếu
        niên và nhi đồng của Quốc hội", "Bộ trưởng Nội vụ, tư pháp và hòa bình Venezuela"): where they end, else ``end``."""
        if " và " not in text[end : min(limit, end + 200)]:
            return end  # no list ends within reach: the usual case, checked without a regex
        m = _SECTOR_LIST.match(text, end, limit) if text[end : end + 1] == "," else None
        if m is None and (m := _HEAD_LIST.match(text, end, limit)) is not None and not self.lex.bodies.bare_head(org):
            m = None  # the name joined by "và" only after a head alone
        if m is None:
            return end
        lower_stops = self.lex.bodies.lower_stops
        last = m.group(2).split()
        keep = next((k for k, w in enumerate(last) if fold(w) in lower_stops), len(last))
        if keep == 0:
            return end
        e = m.start(2) + len(" ".join(last[:keep]))  # "… và xung đột" + " tại Jakarta": the last sector ends before a function word
        items = [w.strip() for w in m.group(1).split(",") if w.strip()] + [" ".join(last[:keep])]
        for item in items:
            words = item.split()
            if any(fold(w) in lower_stops for w in words) or self.lex.is_title(item, 0, len(item)):
                return end  # a verb, a function word or a title: a clause or the next post, not a sector
        tail = _OF_AFTER.match(text, e, limit) or _BLANK.match(text, e, limit)
        if tail is not None and tail.end() < limit and text[tail.end()].isupper() and tail.end() not in stops:
            country = self.lex.country_at.match(text, tail.end(), limit)
            if country is not None:
                return country.end()  # "… và hòa bình Venezuela Nestor Reverol"
            whole = self.lex.bodies.parse(text, tail.end(), limit, stops, self.lex.is_title)
            if whole > tail.end():
                return whole  # "… và nhi đồng của Quốc hội Đào Trọng Thi"
        if not (_LIST_END.match(text, e, limit) or (tail is not None and tail.end() in stops) or self.lex.place_after.match(text, e, limit)):
            return end  # "…, ghi nhận và biểu dương tinh thần": the list goes on into a clause
        return e

    def _lower_of(self, text: str, q: int, limit: int, stops: set[int]) -> int:
        """Rule ``position.lower_of``: after a title, a lower-case name of up to six syllables, "của" or
        "thuộc" and the capitalized body it belongs to are one body ("người đứng đầu dịch vụ báo chí của
        Quân khu Nam", "lãnh đạo ban kế hoạch chiến lược của Không quân Venezuela"): its end, else ``q``."""
        m = _LOWER_OF.match(text, q, limit)
        if m is None or m.end() in stops:
            return q
        words = m.group(1).split()
        stops_ = self.lex.bodies.lower_stops
        if any(fold(w) in stops_ for w in words) or any(fold(a + " " + b) in stops_ for a, b in zip(words, words[1:])):
            return q  # a verb or a function word: a clause, not a name
        country = self.lex.country_at.match(text, m.end(), limit)
        whole = country.end() if country is not None else self.lex.bodies.parse(text, m.end(), limit, stops, self.lex.is_title)
        if whole <= m.end() or self.lex.bodies.bare_head(text[m.end() : whole]) or self._next_is_name(text, whole, limit, stops):
            return q
        if (country is None and " " not in text[m.end() : whole] and _LOWER_NEXT.match(text, whole, limit)) or _NAME_GOES_ON.match(text, whole, limit):
            return q  # "của Không" + "lực", "của Liwa Al" + " - Quds": the body's name would be cut
        return whole

    def _of_post(self, text: str, q: int, limit: int, stops: set[int]) -> int:
        """Rule ``position.of_post``: after "của", another office with its body or country ("thư ký cấp cao của
        Tổng thống Hàn Quốc") or a body named by its lower-case head alone ("chính trị viên của đồn",
        "sĩ quan chỉ huy của lữ đoàn"): where it ends, else ``q``."""
        sub = self.at(text, q, limit, stops, nested=True) if self.lex.is_title(text, q, limit) else None
        if sub is not None:
            return q if self._next_is_name(text, sub.end, limit, stops) else sub.end  # "người phát ngôn của Tổng thống"
        head = self.lex.bodies.pattern.match(text, q, limit)
        if head is None and text[q].islower():
            sector = self.lex.bodies.parse_after_title(text, q, limit, stops, self.lex.is_title, "")
            return sector if sector > q and not self._next_is_name(text, sector, limit, stops) else q  # "thuộc không quân Mỹ"
        if head is None or not text[q].islower() or self.lex.bodies.not_a_head.match(text, head.end(), limit):
            return q
        whole = self.lex.bodies.parse_after_title(text, q, limit, stops, self.lex.is_title, "")
        if _NAME_GOES_ON.match(text, whole, limit):
            return q  # "của quân đội Al" + " - Aza": the name goes on past a dash
        if whole > head.end() and not self.lex.bodies.splits_word(text, q, whole, limit) and not self._next_is_name(text, whole, limit, stops):
            return whole  # "chỉ huy của quân đội Al - Aza", "giảng viên của viện Ngoại giao …"
        last = max(q, text.rfind(" ", q, head.end()) + 1)
        if self.lex.bodies.compound_end(text, last, head.end(), limit) > head.end():
            return q  # "của ban" + "ngành": the head begins another word
        return head.end()

    def _ends_word(self, text: str, pos: int) -> bool:
        """True when the syllable at ``pos`` ends a word begun by the syllable before it ("nghị" + "sự")."""
        prev = text.rfind(" ", 0, max(0, pos - 1))
        return pos >= 2 and text[pos - 1] == " " and self.lex.bodies.compound_end(text, prev + 1, pos - 1, len(text)) > pos - 1

    def _claimed(self, text: str, pos: int, stops: set[int]) -> bool:
        """True when a claim verb (titles_context.yaml claim_verbs) stands before the name that ends at ``pos``."""
        start = next((k for k in range(pos - 1, max(-1, pos - 40), -1) if k in stops), -1)
        m = self.lex.claim_before.search(text, max(0, start - 60), start) if start > 0 else None
        # the verb must be a word of its own ("xem", not "xem xét")
        return m is not None and self.lex.bodies.compound_end(text, m.start(1), m.end(1), start) == m.end(1)

    def _inside_word(self, text: str, start: int, end: int, limit: int) -> bool:
        """True when the title's last two syllables and the next lower-case one form one word of the
        lexicon ("Đại sứ" + "quán"): the title is then part of a longer word, not a post."""
        last = text.rfind(" ", start, end)
        if last < 0:
            return False
        prev = text.rfind(" ", start, last)
        return self.lex.bodies.compound_end(text, prev + 1 if prev >= 0 else start, end, limit) > end

    def _make(self, start: int, end: int, title: str, org: Optional[str], written: str, group: bool = False) -> Pos:
        key = fold(written)
        bare = fold(_PREFIX.sub("", title, count=1))
        full = self.lex.title_same.get(bare)
        if full and key.startswith(bare):
            key = full + key[len(bare) :]
        return Pos(start, end, title, org, written, key, group)

    def chain_after(self, text: str, pos: int, limit: int, stops: set[int]) -> tuple[list[Pos], int]:
        """Positions written right after a name at ``pos`` and where the chain ends."""
        out: list[Pos] = []
        if text[pos : pos + 1] == "." and pos >= 2 and text[pos - 1].isupper() and text[pos - 2] == " ":
            pos += 1  # "bà Kpăh V., Phó Chủ tịch HĐND phường": the dot of an initial ends the name
        p = pos
        while len(out) < MAX_CHAIN:
            sep = self.lex.chain_sep.match(text, p, limit)
            if sep is None:
                break
            if p == pos and not out and (alias := _ALIAS_NOTE.match(text, p, limit)) is not None and alias.start(1) in stops and _full_name_before(text, pos, stops):
                pos = p = alias.end()  # "Nguyễn Bạch Vân (Nguyễn Đình Viên), 85 tuổi, nguyên tùy viên …": past the other name
                continue
            if p == pos and not out and (side := self._side_note.match(text, p, limit)) is not None:
                pos = p = side.end()  # rule position.caption_note: "Trung tá Christine Ribbe (phải), nữ thuyền trưởng …"
                continue
            if p == pos and not out and (age := _AGE_NOTE.match(text, p, limit)) is not None:
                found = self.at(text, sep.end(), limit, stops, appos=True)
                if found is None:  # "Khuất Mạnh Trí (40 tuổi, quê Hà Nội), Phó trung đoàn trưởng": past the note
                    pos = p = age.end()
                    continue
            if not sep.group().strip():
                if out and out[-1].organization is None and sep.group() and sep.end() < limit and text[sep.end()].isupper():
                    # rule position.joined: "Phó chỉ huy trưởng Tham mưu trưởng Bộ chỉ huy Quân sự Thanh Hóa",
                    # two titles with no mark between them and one body: one post as written
                    nxt = self.at(text, sep.end(), limit, stops)
                    if nxt is not None and nxt.organization is not None and not self._next_is_name(text, nxt.end, limit, stops):
                        prev = out[-1]
                        title = prev.title + " " + nxt.title
                        out[-1] = self._make(prev.start, nxt.end, title, nxt.organization, prev.text + " " + nxt.text)._replace(rule="position.joined")
                        p = nxt.end
                    break
                # "Trần Văn Hải Bí thư Đảng ủy xã": a capitalized title right after the name is its post
                if out or p != pos or sep.end() >= limit or not text[sep.end()].isupper() or not sep.group():
                    break
            if out and (_LINK.search(sep.group()) is None or _ROLE_VERB.search(sep.group())):
                break  # a verb after a position ("..., Thứ trưởng làm trưởng đoàn", "… - làm trưởng ban") is not a new one
            q = sep.end()
            if q in stops:
                break
            if p == pos and not out and _IS.search(sep.group()) and self._claimed(text, pos, stops):
                break  # "công nhận lãnh đạo đối lập Juan Guaido là tổng thống lâm thời": a claim, not a post
            if (g := self._gender.match(text, q, limit)) is not None and self.lex.bodies.compound_end(text, q, g.end() - 1, limit) == g.end() - 1:
                q = g.end()  # rule position.gender_word: "nữ thuyền trưởng" is the post "thuyền trưởng" (not "nữ hoàng")
            found = self._of_person(text, q, limit, stops) if p == pos and sep.group().strip()[:1] in (",", "-", "(") else None
            rule = "position.of_person"
            if found is None:
                found = self.at(text, q, limit, stops, appos=sep.group().strip()[:1] in (",", "-", "("))
                rule = "position.after"
            if found is None and p == pos and sep.group().strip() in (",", "-") and (one := _ONE.match(text, q, limit)) is not None:
                # rule position.indefinite: "Talal Silo, một phát ngôn viên của SDF": the post without "một"
                found = self.at(text, one.end(), limit, stops, appos=True)
                if found is not None and (found.organization is None or found.weak):
                    found = None  # "A, một cán bộ", "B, một chuyên gia": a description, not a post
                rule = "position.indefinite"
            if found is None and p == pos and sep.group().strip()[:1] in (",", "-", "("):
                found = self._bare_apposition(text, pos, q, limit, stops, "(" in sep.group())
                rule = "position.appositive_end"
            extended: Optional[Pos] = None  # found run on to the close of its apposition, when the whole apposition lost to it
            if p == pos and sep.group().strip() in (",", "-", "–") and rule != "position.of_person":
                whole, inner = self._whole_apposition(text, pos, q, limit, stops)
                if whole is not None and found is not None:
                    extended = self._appositive_end(text, pos, found, limit, stops, False)
                if whole is not None and (extended is None or whole.end > extended.end):
                    # the whole apposition, not a post cut short or none; a person named in it is read after it
                    if inner >= 0:
                        return [whole], inner
                    found, rule = whole, "position.appositive_whole"
            if found is None and p == pos and sep.group().strip() == "," and (skip := self._description_end(text, q, limit, stops)) > q:
                p = skip  # rule position.after_description: "Phillip A. Karber, chuyên gia an ninh quốc phòng, Chủ tịch Quỹ Potomac"
                continue
            if found is not None:
                if self._next_is_name(text, found.end, limit, stops):
                    break  # "..., Phó Chủ tịch Trần Văn B": that title is B's
                named = found
                found = found._replace(rule=found.rule or rule)
                if rule == "position.of_person":
                    out.append(found)  # the walk goes on inside it: the person served is a person of the article too
                    return out, text.index(" của ", found.start) + 5
                if p == pos and sep.group().strip()[:1] in (",", "-", "(") and rule != "position.appositive_whole":
                    if extended is None:
                        found = self._appositive_end(text, pos, found, limit, stops, "(" in sep.group())
                    elif extended is not named:
                        found = extended  # the same call as above (no bracket after "," "-" "–"): its result kept
                out.append(found)
                p = found.end
                continue
            if out and sep.group().strip() == "," and len(out) == 1 and self._theo_before(text, pos, stops):
                break  # "Theo A, thư ký của Tổng thống, Bộ Quốc phòng Nga cam kết": the main clause begins
            if out and sep.group().strip() in (",", "-", "),", ") -") and self.lex.bodies.body_at(text, q, limit):
                oe = self.lex.bodies.parse(text, q, limit, stops, self.lex.is_title)
                if oe > q and self.lex.mission.match(text, q, oe) and (at := self.lex.at_place.match(text, oe, limit)) is not None:
                    oe = at.end()  # "Bí thư thứ nhất, Đại sứ quán Nhật Bản tại Việt Nam"
                note = self.lex.bodies.bracket_note(text, oe, limit, stops) if oe > q else oe
                if oe > q and not self._next_is_name(text, note, limit, stops):
                    prev = out[-1]
                    body = text[q:note]  # rule position.unit_chain: "…, Đại đội 512 (Tiểu đoàn 11)"
                    oe = note
                    out[-1] = self._make(
                        prev.start,
                        oe,
                        prev.title,
                        prev.organization + " " + body if prev.organization else body,
                        prev.text + " " + " ".join(body.split()),
                    )._replace(rule="position.unit_chain" if "(" in body else "position.completed")
                    p = oe
                    continue
            break
        return out, p

    def predicates(self, text: str, low: Optional[str], lo: int, hi: int, stops: set[int], line_end) -> list["Predicate"]:
        """Rule ``position.predicate``: posts said of a subject away from the name, after a pronoun
        ("Ông từng là Trưởng phòng Tác chiến, ...") or an appointment verb ("cùng được bổ nhiệm giữ
        chức Phó Tổng tham mưu trưởng ..."), with the chain that follows (titles_context.yaml)."""
        out: list[Predicate] = []
        done = lo
        for m in self.lex.predicate_scan.finditer(text, low, lo, hi):
            if m.start() < done:
                continue
            pron = self.lex.pronoun_predicate.match(text, m.start(), hi)
            if pron is not None and not _clause_start(text, lo, m.start()):
                pron = None
            app = None if pron is not None else self.lex.appoint.match(text, m.start(), hi) or self.lex.post_noun.match(text, m.start(), hi)
            hit = pron or app
            if hit is None or hit.end() in stops:
                continue
            if hit.re is self.lex.post_noun and self.lex.candidacy_before.search(text, max(lo, m.start() - 12), m.start()):
                continue  # "giới thiệu ông A cho chức danh bí thư tỉnh ủy": a post sought, not held
            limit = line_end(text, hit.end(), hi)
            first = self.at(text, hit.end(), limit, stops)
            if first is None or self._next_is_name(text, first.end, limit, stops):
                continue
            more, end = self.chain_after(text, first.end, limit, stops)
            copula = app is not None and self._copula.fullmatch(app.group().strip()) is not None
            if copula and self._copula_not_after.search(text, max(lo, m.start() - 80), m.start()):
                continue  # rule position.copula: "người dự kiến trở thành Bộ trưởng": a post hoped for, not held
            rule = "position.copula" if copula else "position.predicate"
            posts = [q._replace(rule=rule) for q in [first, *more]]
            together = app is not None and app.re is self.lex.appoint and app.group(1) is not None
            noun = app is not None and app.re is self.lex.post_noun
            obj = self.lex.post_object.match(text, end, hi)
            if noun and obj is None and fold(app.group().strip()) in self.lex.object_only_post_nouns:
                continue  # rule position.predicate: "A bị kỷ luật cách chức chi ủy viên" gives no post, "… đối với A" does
            out.append(Predicate(m.start(), pron is not None, together, posts, obj.end() if obj is not None else -1, noun, copula))
            done = end
        return out

    def subjects(self, text: str, pred: "Predicate", mentions: list[tuple[int, int, T]], sentence: int) -> list[T]:
        """Who ``pred`` speaks of, given every person mention (start, end, person) sorted by start
        and the start of its sentence: see :meth:`predicates`."""
        if pred.object_at >= 0:
            i = bisect_left(mentions, pred.object_at, key=lambda m: m[0])
            if i < len(mentions) and mentions[i][0] - pred.object_at <= MAX_OBJECT_GAP:
                return [mentions[i][2]]  # else "cho" is not "to" ("... tỉnh cho đến khi nghỉ hưu")
        k = bisect_left(mentions, pred.start, key=lambda m: m[0]) - 1
        if k < 0:
            return []
        last = mentions[k]
        if pred.noun and last[0] < sentence:
            return []  # "chọn 3 người cho chức danh bí thư tỉnh ủy gồm: ...": no holder named
        if pred.pronoun or last[0] < sentence:
            # the pronoun (or one earlier in the sentence: "Tháng 6/2015, ông được ..., bổ nhiệm
            # giữ chức vụ X") stands for the last person named before it
            if not pred.pronoun and self.lex.pronoun_word.search(text, sentence, pred.start) is None:
                return []
            return [last[2]] if pred.start - last[1] <= MAX_PRONOUN_REACH else []
        if pred.start - last[1] > MAX_SUBJECT_REACH:
            return []
        nb = self.lex.not_between.search(text, last[1], pred.start)
        while nb is not None and fold(nb.group()) in self._pronouns and _PRONOUN_ALONE.match(text, nb.end(), pred.start):
            nb = self.lex.not_between.search(text, nb.end(), pred.start)  # "A … bộ ông đã mặc … với vai trò là X": "ông" stands for A
        if nb is not None and _PASSIVE.search(text, last[1], nb.start()) is None:
            return []  # rule position.passive_agent: "A vừa được Thủ tướng ký quyết định giữ chức vụ X" is still A's post
        if pred.copula and "," in text[last[1] : pred.start] and self._subordinate.search(text, max(sentence, last[0] - 80), last[0]):
            return []  # rule position.copula: "Sau khi ông Trump đắc cử, Kellogg … trở thành X": not the subordinate clause's subject
        if pred.copula and self._kin.search(text, max(sentence, last[0] - 40), last[0]):
            return []  # rule position.copula: "Con trai cả Thủ tướng Hun Sen sau đó trở thành X": the son's post
        if not pred.together:
            return [last[2]]
        out: list[T] = []
        for s, _, person in mentions[: k + 1]:
            if s >= sentence and all(person is not o for o in out):
                out.append(person)
        return out

    def _next_is_name(self, text: str, pos: int, limit: int, stops: set[int]) -> bool:
        """A name (or a rank and a name: "…, Tổng tư lệnh Quân đội Hoàng gia Thống tướng Pol Saroeun")
        starts right after ``pos``: the post before it is that person's."""
        b = _BLANK.match(text, pos, limit)
        if b is None:
            return False
        if b.end() in stops:
            return True
        r = self.lex.bodies.rank_any.match(text, b.end(), limit)
        return r is not None and r.end() in stops
