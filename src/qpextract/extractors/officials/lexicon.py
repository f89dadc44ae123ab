"""The officials vocabularies (surnames, honorifics, ranks, titles), compiled once.

All word lists live in data/vi (surnames.tsv, honorifics.tsv, ranks.tsv,
ranks_context.yaml, titles.tsv, titles_context.yaml, officials_rules.yaml); this module turns them into lookup tables and
prefix-factored regexes. One ``Lexicon`` is built per extractor instance.
"""

from __future__ import annotations

import re
from typing import Any, Literal, Optional

from pydantic import BaseModel

from qpextract.data import read_tsv, read_yaml
from qpextract.extractors.places.bodies import BodyGrammar
from qpextract.text.abbreviations import abbreviation_rows
from qpextract.text.lexicon import LOWER, NB, PB, UPPER, Gazetteer, RankRow, Scanner, branch_rows, fold, rank_rows, surnames, title_rows, trie_pattern


class _HonorificRow(BaseModel):
    cue: str
    honorific: Literal["đồng chí", "ông", "bà"]
    plural: Optional[str] = None


class _BodyName(BaseModel):
    body: str


class _RuleEntry(BaseModel):
    doc: str


class _GivenRow(BaseModel):
    name: str


class Lexicon:
    """Tables and regexes shared by the name, rank, position and coreference modules."""

    def __init__(self) -> None:
        self.surnames = surnames()
        hons = read_tsv("honorifics.tsv", _HonorificRow)
        self.honorific = {fold(r.cue): r.honorific for r in hons}
        self.plural = frozenset(fold(r.cue) for r in hons if r.plural == "yes")
        # person.cued_tail: a family name standing alone after a singular honorific of honorifics.tsv ("Ông Ghempel")
        # one pass over the article collects every such word (no pattern built per candidate name)
        self.cued_alone = re.compile(
            r"(?<!\w)(?i:" + trie_pattern([r.cue for r in hons if r.plural != "yes"], fold_case=True) + r")[ \t]++"
            r"(" + UPPER + r"[\w'’-]*+)(?![ \t]++" + UPPER + r")"
        )
        ranks = rank_rows()
        self.rank = {fold(w): r for r in ranks for w in r.written()}
        rank_words = [w for r in ranks for w in r.written()]
        # names: a rank word inside a capitalized run ends the name before it ("Phó Đô đốc, Chuẩn Đô đốc")
        self.rank_at = re.compile(trie_pattern(rank_words, fold_case=True) + NB, re.IGNORECASE)
        ctx = read_yaml("ranks_context.yaml")
        self.not_rank_after = re.compile(
            r"[ \t]++(?:" + "|".join(re.escape(w) for w in ctx["not_followed_by"]) + ")" + NB, re.IGNORECASE
        )
        # rank.pretended: "tự xưng là thiếu tướng", "giả danh đại tá": a rank the person does not hold
        self.not_rank_before = (
            re.compile(PB + trie_pattern(ctx["not_preceded_by"], fold_case=True) + r"[ \t]++\Z", re.IGNORECASE)
            if ctx["not_preceded_by"] else None
        )
        self.police_after = re.compile(
            r"[ \t]++" + trie_pattern(ctx["police_after"], fold_case=True) + NB, re.IGNORECASE
        )
        self.police_bodies = tuple(fold(b) for b in ctx["police_bodies"])
        # "Đại tá hải quân", "Đại tá về hưu": the branches a rank is written with, retirement, and the other words
        service = trie_pattern([r.branch for r in branch_rows() if r.after_rank] + ctx["retired_words"] + ctx["service_after"], fold_case=True)
        self.service_after = re.compile(r"[ \t]++" + service + NB, re.IGNORECASE)
        titles = title_rows()
        self.title_kind = {fold(r.title): r.kind for r in titles}
        self.title_same = {fold(r.title): fold(r.same_as) for r in titles if r.same_as}
        self.assistant_titles = frozenset(fold(r.title) for r in titles if r.assistant)
        tctx = read_yaml("titles_context.yaml")
        qualifiers = trie_pattern(tctx["title_qualifiers"], fold_case=True)
        self.title_qualifier = re.compile(r"[ \t]++" + qualifiers + NB, re.IGNORECASE)
        self.whole_qualifier = re.compile(r"[ \t]++" + trie_pattern(tctx["whole_qualifiers"], fold_case=True) + r"\Z", re.IGNORECASE)
        # rule position.prefix: "nguyên", "cựu", "quyền" before a title stay in it
        self.title_prefix = r"(?:(?:" + trie_pattern(tctx["title_prefixes"], fold_case=True) + r")[ \t]++)"
        # rule position.deputy: "phó" (deputy) right before a title that titles.tsv does not list with it stays in it
        self.deputy_prefix = r"(?:(?:" + trie_pattern(tctx["deputy_prefixes"], fold_case=True) + r")[ \t]++)"
        title_re = self.title_prefix + "?" + self.deputy_prefix + "?" + trie_pattern([r.title for r in titles], fold_case=True) + r"(?:[ \t]++(?:" + qualifiers + r")" + NB + r")?+"
        # one scan finds every cue: honorific, rank or title (told apart by ``cue_kind``)
        self.cue_kind: dict[str, str] = {fold(r.title): "title" for r in titles}
        self.cue_kind.update({fold(w): "rank" for w in rank_words})
        self.cue_kind.update({fold(r.cue): "hon" for r in hons})
        rules = read_yaml("officials_rules.yaml")
        self.rule_words: dict[str, Any] = rules  # the word lists of officials_rules.yaml the finders read
        owners = "".join(f"(?<!{re.escape(w)} )" for w in rules["thing_owners"])  # "chủ tàu": a person, not a ship
        self.rules = {name: _RuleEntry.model_validate(entry) for name, entry in rules["rules"].items()}
        # how the list writes each one-word cue ("Tướng" is written with a capital, "anh" is not)
        self.cue_written: dict[str, str] = {}
        for noun in rules["person_nouns"]:
            self.cue_kind.setdefault(fold(noun), "noun")
            if noun[:1].isupper():
                self.cue_written[fold(noun)] = noun
        self.appositive_after = re.compile(r"(?:,|[ \t]-)[ \t]++(?:(?:nguyên|cựu)[ \t]++)?" + trie_pattern(rules["appositives"]) + NB)
        # the same, found word first (a literal trie lets ``re`` skip ahead), then the comma before it
        self.appositive = re.compile(trie_pattern(rules["appositives"]) + NB)
        # person.post_tail: the same words opening a sentence ("Quan chức hàng đầu CNRP Son Chhay cho biết")
        self.appositive_cap = re.compile(trie_pattern(sorted({w[:1].upper() + w[1:] for w in rules["appositives"]})) + NB)
        self.appositive_before = re.compile(r"(?<=\w)(?:,|[ \t]-)[ \t]++(?:(?:nguyên|cựu)[ \t]++)?\Z")
        self.countries = list(rules["countries"])
        self.country_set = frozenset(self.countries)
        self.country_at = re.compile(trie_pattern(self.countries) + NB)
        self.home_country = list(rules["home_country"])
        # the countries with the home one ("Đại sứ Mỹ tại Việt Nam"), built once for every pattern that names it
        self.any_country = trie_pattern(self.countries + self.home_country)
        self.country_before = re.compile(PB + self.any_country + r"[ \t]++\Z")
        self.place_before = re.compile(PB + trie_pattern(rules["place_before"], fold_case=True) + r"[ \t]++\Z", re.IGNORECASE)
        self.thing_head = re.compile(PB + owners + trie_pattern(rules["thing_heads"]) + r"[ \t]++\Z")
        # rule person.company: a company's legal form and up to ``company_words`` words (officials_rules.yaml), none an
        # honorific, before a name; searched back ``company_reach`` characters from the name
        not_hon = r"(?!(?:" + trie_pattern(rules["company_stops"], fold_case=True) + r")" + NB + r")"
        words = int(rules["company_words"])
        self.company_run = re.compile(
            PB + trie_pattern(rules["company_heads"]) + r"[ \t]++" + trie_pattern(rules["company_forms"])
            + r"(?:[ \t]++" + not_hon + r"[^\s,.;:()\"“”'‘’\-–]++){0," + str(words) + r"}[ \t]++\Z"
        )
        self.company_reach: int = int(rules["company_reach"])
        self.not_in_names = frozenset(rules["not_in_names"])
        self.family_name_words = frozenset(rules["family_name_words"])  # person.foreign: "Isagani Nato"
        # person.first_name: a foreign given name (given_names_foreign.tsv) and a capitalized word after it
        given = [r.name for r in read_tsv("given_names_foreign.tsv", _GivenRow)]
        # (no look-behind in the pattern: it would keep ``re`` from skipping to capitals; the caller checks the boundary)
        self.first_name = re.compile(trie_pattern(given) + r"(?=[ ]" + UPPER + r")")
        # person.plural_noun: a plural marker or a number right before a person noun
        self.plural_before = re.compile(r"(?:(?<!\w)" + trie_pattern(rules["plural_markers"], fold_case=True) + r"|\d)[ \t]++\Z", re.IGNORECASE)
        self.resident_nouns = frozenset(fold(w) for w in rules["resident_nouns"])
        self.first_name_thing = re.compile(
            PB + trie_pattern(rules["first_name_thing_heads"]) + r"(?:[ \t]++[^\s,.;:()\"“”'‘’\-–]++){0,8}?[ \t]++\Z"
        )
        # person.patronymic: a capitalized word, "bin"/"ibn" and a capitalized word (found at the particle)
        self.patronymic = re.compile(r"[ \t]" + trie_pattern(rules["patronymic_particles"]) + r"[ \t]++(?=" + UPPER + r"|al[ -])")
        self.never_in_names = frozenset(rules["never_in_names"])
        self.foreign_body_words = frozenset(rules["foreign_body_words"])  # person.not_body: "the Deterrence Battalion"
        self.arabic_honorifics = frozenset(rules["arabic_honorifics"])  # person.patronymic: "Sheik Hamad bin Khalifa al Thani"
        self.ethnic_first = frozenset(rules["ethnic_first"])
        self.nickname_first = frozenset(rules["nickname_first"])
        # person.elected: "bầu Simon Bolivar làm tổng thống": the verb (a literal trie), then the name and "làm"
        self.elect_verb = re.compile(trie_pattern(rules["elect_verbs"]) + NB + r"(?=[ \t]++" + UPPER + ")")
        self.site_before = re.compile(PB + trie_pattern(rules["site_heads"]) + r"[ \t]++\Z")
        self.as_after = re.compile(r"[ \t]++làm" + NB)
        # the place name first (a capital lets ``re`` skip ahead), then the word before it
        self.person_place = re.compile(trie_pattern(rules["person_places"]) + NB)
        self.person_place_after = re.compile(PB + trie_pattern(rules["person_places_after"]) + r"[ \t]++\Z")
        self.comma_before = re.compile(r"(?<=\w)(?:,|[ \t]-)[ \t]++(?:" + trie_pattern(rules["former_words"], fold_case=True) + r"[ \t]++)?\Z", re.IGNORECASE)
        self.particles = list(rules["name_particles"])
        self.korean = list(rules["korean_second_syllables"])
        # person.foreign: bodies written in capitals between a title and a foreign name ("Giám đốc FBI …")
        self.acronyms = frozenset(r.short for r in abbreviation_rows() if r.short.isupper())
        self.recurring_not_first = frozenset(rules["recurring_not_first"])
        self.recurring_alone_not_after = re.compile(PB + trie_pattern(rules["recurring_alone_not_after"], fold_case=True) + r"[ \t]++\Z", re.IGNORECASE)
        # person.age: "Paul Nguyễn, 24 tuổi", "Lê Hùng (45 tuổi)": an age right after a name
        # up to four lower-case words between a person noun and a foreign name ("chuyên gia phân tích quốc phòng")
        self.field_words = re.compile(r"(?:[ \t]++" + LOWER + r"++){1,4}?(?=[ \t]++" + UPPER + ")")
        self.field_vocab = frozenset(w for f in rules["field_words"] for w in f.split())
        # person.post_tail: the lower-case syllables a post runs over before a foreign name
        # person.known: a public figure's name, found first (a literal trie), its surroundings checked after
        self.known_person = re.compile(trie_pattern(rules["known_persons"]) + NB)
        # person.not_in_links: a line that opens with a link word ("Xem thêm:") or holds a web address
        # (a web address only in a short line: a reference, not an article printed as one line)
        self.link_line = re.compile(r"(?m)^[ \t]*+(?:" + trie_pattern(rules["link_openers"]) + r"|[^\n]{0,240}?https?://)")
        self.post_tail_heads = frozenset(fold(w) for w in rules["post_tail_heads"])
        self.region_compounds = frozenset(fold(w) for w in rules["region_compounds"])
        self.post_tail_vocab = self.field_vocab | frozenset(w for f in rules["post_tail_words"] for w in f.split())
        self.age_before = re.compile(r"(?<=\w)[ \t]*+[,(][ \t]*+(?:" + trie_pattern(rules["age_words"]) + r"[ \t]++)?\d{1,3}[ \t]++\Z")
        self.age_word = re.compile(r"tuổi" + NB)
        self.age_after = re.compile(r"[ \t]*+[,(][ \t]*+(?:" + trie_pattern(rules["age_words"]) + r"[ \t]++)?\d{1,3}[ \t]++tuổi" + NB)
        self.thing_before = re.compile(
            PB + owners + trie_pattern(rules["thing_before"], fold_case=True) + r"[ \t]*+\Z", re.IGNORECASE
        )
        self.cues = Scanner(trie_pattern(list(self.cue_kind), fold_case=True) + NB)
        self.former_before = re.compile(self.title_prefix + r"\Z", re.IGNORECASE)  # rule position.prefix, before a cue
        self.deputy_before = re.compile(self.deputy_prefix + r"\Z", re.IGNORECASE)  # rule position.deputy, before a cue
        self.title_at = re.compile(PB + title_re + NB, re.IGNORECASE)
        acad = trie_pattern(ctx["academic"], fold_case=True)
        # person.bare: an academic title right before a name ("TS Nguyễn Văn Hùng", "PGS-TS Nguyễn Thiện Tống")
        self.academic_before = re.compile(PB + r"(?:" + trie_pattern(ctx["academic"]) + r")(?:[-.][ \t]*+" + trie_pattern(ctx["academic"]) + r")?+\.?+[ \t]++\Z")
        # what may sit between two cues or a cue and a name: blanks, a place in brackets ("Chủ tịch xã Tân Hải
        # (huyện Tân Thành) Phạm Đức Trọng"), one comma/colon, "tức" ("Tổng Tư lệnh …, tức Tổng thống Putin"),
        # academic titles ("Đại tá, TS. ", "PGS.TS ")
        # … and a country between a rank and a foreign name ("đại úy không quân Liên Xô Poyarkov …")
        # (or "người" and a country: "trung tá người Áo Otto Skorzeny"; rule position.before: or an affiliation
        # word and a country, "tổng thống Ukraine thân Nga Viktor Yanukovych" is "tổng thống Ukraine"), and retirement after it ("Trung tướng Mỹ đã nghỉ hưu")
        country = (
            r"(?:(?:người|" + trie_pattern(tctx["affiliation_words"], fold_case=True) + r")[ \t]++)?(?-i:" + trie_pattern(self.countries) + r")" + NB + r"[ \t]++"
            + r"(?:" + trie_pattern(ctx["retired_words"], fold_case=True) + NB + r"[ \t]++)?+"
        )
        self.gap = re.compile(
            r"[ \t]*+(?:\([^()\n]{1,40}+\)[ \t]*+)?+(?:[,:-][ \t]*+)?(?:tức[ \t]++)?+(?:" + acad + r"\.?+[ \t]*+(?:,[ \t]*+)?)*+(?:" + country + r")?+", re.IGNORECASE
        )
        # position.holder: a post, then "là" and the person who holds it
        self.holder_copula = re.compile(
            r"[ \t]++(?:" + trie_pattern(tctx["holder_copula_adverbs"], fold_case=True) + r"[ \t]++)?là[ \t]++", re.IGNORECASE
        )
        # … and a rank between the verb and the post ("ông Hùng là đại tá chỉ huy trưởng …")
        pred = (
            r"(?:(?:" + trie_pattern(tctx["predicate_adverbs"], fold_case=True) + r")[ \t]++)*+"
            + trie_pattern(tctx["predicate_verbs"], fold_case=True) + NB + r"[ \t]++"
            + r"(?:" + trie_pattern(rank_words, fold_case=True) + NB + r"[ \t]*+,?+[ \t]*+)?+"
        )
        # position.age_note: after the age in a note on the person, a home and a (former) rank before the post
        # ("Phan Văn Anh Vũ (43 tuổi, ngụ tại Đà Nẵng, chủ tịch HĐQT …)", "(53 tuổi, cựu Đại tá, cựu Chủ tịch …)")
        note = (
            r"(?:" + trie_pattern(tctx["home_words"], fold_case=True) + NB + r"[^,()\n]{1,50}?,[ \t]*+)?+"
            + r"(?:(?:(?:nguyên|cựu)[ \t]++)?" + trie_pattern(rank_words, fold_case=True) + NB + r"[^,()\n]{0,20}?,[ \t]*+)?+"
        )
        # position.relative: "Travis Zettel, người từng chỉ huy tàu ngầm USS Bremerton": a relative clause that says the post
        relative = r"(?:" + trie_pattern(tctx["relative_words"], fold_case=True) + r"[ \t]++" + trie_pattern(tctx["relative_adverbs"], fold_case=True) + NB + r"[ \t]++)?+"
        # position.rank_apposition: a rank said after the name, then the post ("ông Clay Doss, trung tá hải quân và là
        # người phát ngôn …", "A, Đại tá, Chính ủy …")
        rank_appos = (
            r"(?:(?:(?:nguyên|cựu)[ \t]++)?" + trie_pattern(rank_words, fold_case=True) + NB
            + r"(?:[ \t]++" + service + NB + r")?"
            + r"(?:[ \t]*+,[ \t]*+|[ \t]++(?:và|đồng thời)[ \t]++))?+"
        )
        # what may sit between a name (or a position) and the next position
        self.chain_sep = re.compile(
            r"[ \t]*+\)?+[ \t]*+(?:(?:[,(-]|(?:" + trie_pattern(tctx["chain_words"], fold_case=True) + r")" + NB + r")"
            r"[ \t]*+(?:\d{1,3}[ \t]++tuổi[ \t]*+(?:[,)–-][ \t]*+)++" + note + r")?" + rank_appos + relative + r")?+(?:" + pred + r")?+"
            r"(?:(?:" + trie_pattern(tctx["incumbent_words"], fold_case=True) + r")" + NB + r"[ \t]++)?+",  # rule position.incumbent
            re.IGNORECASE,
        )
        # position.predicate: a pronoun subject and its predicate, or an appointment verb
        self.pronoun_predicate = re.compile(
            trie_pattern(tctx["subject_pronouns"], fold_case=True) + r"[ \t]++" + pred, re.IGNORECASE
        )
        self.appoint = re.compile(
            r"(?:(" + trie_pattern(tctx["together_words"], fold_case=True) + r")[ \t]++)?"
            + trie_pattern(tctx["appoint_verbs"], fold_case=True) + NB + r"[ \t]++",
            re.IGNORECASE,
        )
        self.predicate_scan = Scanner(
            trie_pattern(tctx["subject_pronouns"] + tctx["appoint_verbs"] + tctx["together_words"] + tctx["post_nouns"], fold_case=True) + NB
        )
        self.post_noun = re.compile(trie_pattern(tctx["post_nouns"], fold_case=True) + NB + r"[ \t]++", re.IGNORECASE)
        # the post nouns whose post goes only to a person named after an object word ("cách chức X đối với A")
        self.object_only_post_nouns = frozenset(fold(w) for w in tctx["object_only_post_nouns"])
        self.candidacy_before = re.compile(PB + trie_pattern(tctx["candidacy_before"], fold_case=True) + r"[ \t]++\Z", re.IGNORECASE)
        self.candidate_before = re.compile(PB + trie_pattern(tctx["candidate_nouns"], fold_case=True) + r"[ \t]++\Z", re.IGNORECASE)  # rule position.candidate
        self.sought_before = re.compile(
            PB + trie_pattern(tctx["candidacy_before"], fold_case=True) + r"[ \t]++" + trie_pattern(tctx["post_nouns"], fold_case=True) + r"[ \t]++\Z",
            re.IGNORECASE,
        )
        # the verb and the cues before a name that make its "là" a claim (claim_verbs; "công nhận lãnh đạo đối lập A là ...")
        self.claim_before = re.compile(PB + "(" + trie_pattern(tctx["claim_verbs"], fold_case=True) + r")[ \t]++(?:[^\n,.;:()]{0,40}?[ \t])?\Z", re.IGNORECASE)
        self.noun_maker_before = re.compile(PB + trie_pattern(tctx["noun_makers"], fold_case=True) + r"[ \t]++\Z", re.IGNORECASE)
        self.on_behalf_before = re.compile(PB + trie_pattern(tctx["on_behalf_words"], fold_case=True) + r"[ \t]++[^.;:\n]{1,60}?,[ \t]*+\Z", re.IGNORECASE)
        # rule position.on_behalf: the on-behalf word right before a title ("Thay mặt " + "lãnh đạo tỉnh, đồng chí A")
        self.on_behalf_right_before = re.compile(PB + trie_pattern(tctx["on_behalf_words"], fold_case=True) + r"[ \t]++\Z", re.IGNORECASE)
        self.post_object = re.compile(r"[ \t]++" + trie_pattern(tctx["object_words"], fold_case=True) + NB + r"[ \t]++", re.IGNORECASE)
        self.pronoun_word = re.compile(PB + trie_pattern(tctx["sentence_pronouns"], fold_case=True) + NB, re.IGNORECASE)
        self.not_between = re.compile(PB + trie_pattern(tctx["not_between"], fold_case=True) + NB, re.IGNORECASE)
        # position.group: the words between a title written once and the list of names it heads
        self.group_opener = re.compile(
            r"[ \t]*+(?::|(?:" + trie_pattern([w for w in tctx["group_openers"] if w != ":"], fold_case=True) + r")" + NB + r")[ \t]*+",
            re.IGNORECASE,
        )
        self.group_count = re.compile(r"(?<!\w)\d{1,3}[ \t]++\Z")
        self.appos_at = re.compile(
            PB + r"(?:(?:nguyên|cựu)[ \t]++)?" + trie_pattern(tctx["apposition_titles"], fold_case=True) + NB
            + r"(?:[ \t]++(?:" + qualifiers + r")" + NB + r")?+",  # "đại diện chính thức", "thư ký cấp cao"
            re.IGNORECASE,
        )
        self.appos_need_body = frozenset(fold(t) for t in tctx["apposition_need_body"])
        self.of_titles = frozenset(fold(t) for t in tctx["of_titles"])
        self.at_place_titles = frozenset(fold(t) for t in tctx["at_place_titles"])
        self.mission = re.compile(trie_pattern(tctx["at_place_bodies"], fold_case=True) + NB, re.IGNORECASE)
        self.place_after = re.compile(
            r"[ \t]++(?:ở|tại)[ \t]++(?:" + trie_pattern(tctx["place_lead_words"]) + NB + r"[ \t]++)?"
            + r"(?:" + trie_pattern(rules["countries"]) + NB + r"|" + UPPER + r"\w*+(?:[ \t]++" + UPPER + r"\w*+){0,3}(?:,[ \t]*+" + trie_pattern(rules["countries"]) + NB + r")?)"
            + r"(?=[ \t]*+(?:[,.;:)(\n\"”]|[-–][ \t]|\Z)|[ \t]++" + trie_pattern(tctx["place_end_verbs"]) + NB + ")"
        )
        self.at_place = re.compile(
            r"[ \t]++tại[ \t]++(?:" + trie_pattern(tctx["at_place_words"] + rules["countries"]) + NB + r")", re.IGNORECASE
        )
        self.group_before = re.compile(
            PB + trie_pattern(tctx["not_after"], fold_case=True) + r"[ \t]++\Z", re.IGNORECASE
        )
        self.rank_predicate = re.compile(
            PB + trie_pattern(ctx["predicate_before"], fold_case=True) + r"[ \t]++\Z", re.IGNORECASE
        )
        # a rank said of the name before it: "Douglas Macgregor, Đại tá", "Phùng Danh Thắm (53 tuổi, cựu Đại tá",
        # "ông Hoàng Bùi Hải - nay là đại tá", 'Đinh Ngọc Hệ (tức Út "trọc"), cựu Thượng tá'
        self.rank_apposition = re.compile(
            r"[ \t]*+(?:\([^()\n]{1,40}+\)[ \t]*+)?+[,(\-–][ \t]*+(?:\d{1,3}[ \t]++tuổi[ \t]*+,[ \t]*+)?(?:"
            + trie_pattern(ctx["apposition_words"], fold_case=True) + r"[ \t]++)?\Z", re.IGNORECASE
        )
        # "Ông được thăng quân hàm …", "bà … cấp bậc": a subject pronoun, not followed by a name
        self.pronoun = re.compile(PB + r"(?:[Ôô]ng|[Bb]à)(?:[ \t]++ấy)?+(?!\w)(?![ \t]++" + UPPER + ")")
        self.rank_copula = re.compile(PB + trie_pattern(ctx["copula_before"], fold_case=True) + r"[ \t]++\Z", re.IGNORECASE)
        self.not_subject = re.compile(PB + trie_pattern(ctx["not_subject"], fold_case=True) + NB, re.IGNORECASE)
        self.rank_anaphor = re.compile(
            PB + trie_pattern(ctx["anaphoric_before"], fold_case=True) + r"[ \t]++\Z", re.IGNORECASE
        )
        self.gazetteer = Gazetteer()
        from qpextract.text.lexicon import Units

        units = Units()
        self.unit_before = re.compile(
            PB + trie_pattern(list(units.kind), fold_case=True) + r"[ \t]++\Z", re.IGNORECASE
        )
        self.bodies = BodyGrammar(self.gazetteer)
        self.body_before = re.compile(
            PB + trie_pattern([r.body for r in read_tsv("bodies.tsv", _BodyName)], fold_case=True) + r"[ \t]++\Z",
            re.IGNORECASE,
        )

    def prefix_before(self, text: str, lo: int, start: int) -> int:
        """Rule ``position.prefix``: where "nguyên"/"cựu"/"quyền" written right before the title at ``start``
        begins, else ``start``; not when it ends a word with the syllable before it ("chính quyền Tổng thống
        Trump" is the government, "thẩm quyền", "tài nguyên"). Rule ``position.deputy`` first: "phó" right
        before the title ("Phó Cố vấn An ninh Quốc gia", "cựu phó tổng giám đốc"; not "đối phó", "ứng phó")."""
        return self._word_before(self.former_before, text, lo, self._word_before(self.deputy_before, text, lo, start))

    def _word_before(self, pattern: re.Pattern[str], text: str, lo: int, start: int) -> int:
        """Where the word of ``pattern`` written right before ``start`` begins, unless it ends a word begun by the
        syllable before it; else ``start``."""
        if start <= lo or text[start - 1] not in " \t":
            return start
        m = pattern.search(text, max(lo, start - 8), start)
        if m is None or (m.start() > 0 and text[m.start() - 1].isalnum()):
            return start
        prev = m.start() - 1
        while prev > 0 and not text[prev - 1].isspace():
            prev -= 1
        while prev < m.start() - 1 and not text[prev].isalnum():
            prev += 1  # '"Chính quyền Tổng thống …': the quote is no part of the word
        if m.start() > 0 and text[m.start() - 1] == " " and self.bodies.compound_end(text, prev, m.start() - 1, start) > m.start() - 1:
            return start
        return m.start()

    def is_title(self, text: str, pos: int, endpos: int) -> bool:
        return self.title_at.match(text, pos, endpos) is not None

    def rank_of(self, written: str) -> Optional[RankRow]:
        return self.rank.get(fold(written))
