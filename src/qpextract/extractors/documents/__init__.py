"""Cited documents (SPEC DocumentReference): laws, resolutions, decisions, plans...

A head word from ``data/vi/documents.yaml`` ("Nghị quyết", "Đề án") starts a
candidate; a number ("số 28-NQ/TW", "1123/QĐ-TTg", "12"), a quoted title or a
name after the head makes it a record. Issuer ("của Bộ Chính trị"), issue
date ("ngày 25/10/2013", read from the date records) and title ("về ...",
"“...”") are read to the right of it. Rules are named for ``explain``:
``document.number``, ``document.quoted``, ``document.about``, ``document.name``,
``document.acronym`` (a name before its acronym: "quy tắc ứng xử ở Biển Đông (COC)"),
``document.decided`` (after a verb: "có quyết định chấp thuận ..."), ``document.of``
("kế hoạch huấn luyện của Bộ Tư lệnh TP"), ``document.subject`` (a memorandum's subject: "bản ghi nhớ
hợp tác y tế quân sự"), ``document.law_title`` (a listed law title after a lower-case "luật"/"dự luật":
"luật đồn trú"), ``document.named`` (a head that is a whole name: "Chiến lược An ninh Quốc gia").
Treaties, bills, protocols, memoranda, reports and white papers are kind other. A title read without quotes goes on past a comma
to its natural end ("về xây dựng, chỉnh đốn Đảng"); a stop word that is half of a word does
not end it ("Đạo luật Tự do Thông tin"). No record: a decision that is a personnel action
("trao quyết định điều động, bổ nhiệm ..."; ``document.personnel``), the act of deciding
("đưa ra quyết định rút quân"; ``document.deciding``), the law of a country ("luật Hong Kong";
``document.jurisdiction``), a lower-case head that is also a verb
before scare quotes ("Thủ tướng quyết định "số phận" dự án"; ``document.verb_quote``), a head inside a body's
name ("Tổ chức Hiệp ước Bắc Đại Tây Dương"), a decision after a future, negation or generality ("sẽ không có
quyết định …", "kể từ ngày có Quyết định …"; ``document.modal``), a verb after "Luật" ("dự án Luật cần …";
``document.law_verb``), a quoted clause ('kế hoạch của Washington "là …"'; ``document.quotation``), a decision
of a country ("Quyết định của Nga về việc …"; ``document.state_act``). A name ends at its predicate, after an
acronym or a country ("đạo luật CAATSA sau thương vụ …"; ``document.name_end``).
"""

from __future__ import annotations

import re
from typing import Callable, Literal, Optional

from pydantic import BaseModel, ConfigDict

from qpextract.data import read_yaml
from qpextract.document import Document
from qpextract.models import DocumentKind, DocumentReference
from qpextract.patterns import bounded, skip_blanks, trie_pattern
from qpextract.text.lexicon import compound_words

__all__ = ["DocumentExtractor"]

_BLANK = r"[ \t]"
# "số 28-NQ/TW", "1123/QĐ-TTg", "13/2016/NĐ-CP", "12" — a number, then code parts of letters and digits
_NUMBER = re.compile(
    r"(số[ \t]++)?+(\d[\d.]*+(?:[/-]\d++|[ \t]?+[/-][ \t]?+[A-ZĐ][A-Za-zĐđ]*+)*+)(?![\w/-]|,\d)",
)
_CODE_GAP = re.compile(r"[ \t]*+([/-])[ \t]*+")  # "268 / UBND" is written "268/UBND"
_QUOTE = re.compile(r"[ \t]*+(?:về[ \t]++(?:việc[ \t]++)?+)?+[\"“]([^\"“”\n]{3,300})[\"”]")
_ABOUT = re.compile(r"[ \t]*+(về[ \t]++[^,;:.()\"“”\n]{3,160})")
_COMMA_PART = re.compile(r",[ \t]++([^,;:.()\"“”\n]{2,160})")  # the next part of a title after a comma
# a name after the head: capitalized words, then lower-case or numbered continuations
_NAME = re.compile(r"[ \t]++([\w-]++(?:[ \t]++[\w-]++){0,11})")  # its first word must be capitalized
# a name of up to 12 words right before its acronym in brackets: "tránh va chạm trên biển (CUES)"
_ACRONYM = re.compile(r"[ \t]++([\w-]++(?:[ \t]++[\w-]++){0,11})[ \t]*+\([A-ZĐ]{2,8}\)")
# a title to the clause end (a comma only after its first one or two words: "tuyên truyền, phổ biến ..."; a
# number keeps its separators: "thu hồi hơn 4.720 m2 đất")
_CLAUSE = re.compile(r"[ \t]++([^\W\d][\w-]*+(?:[ \t]++[\w-]++)?+(?:,[ \t]++[\w-]++)?+(?:[ \t]++[\w-]++(?:[.,]\d++)*+){0,24})")
# a short lower-case title then "của": "kế hoạch huấn luyện của ..."
_OF_TITLE = re.compile(r"[ \t]++([^\W\d][\w]*+(?:[ \t]++[\w]++){0,3}?)[ \t]++của[ \t]++")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n\"“])[ \t]*+$")  # a capital here is no sign of a name
_YEAR_AFTER = re.compile(r"[ \t]++(?:năm[ \t]++)?+(?:19|20)\d\d(?!\w)")  # "Hiến pháp năm 2013", "Luật biển 1982"
# a name of up to six words that ends in its year: "Sách trắng quốc phòng Nhật Bản năm 2016"
_NAMED_YEAR = re.compile(r"((?:[ \t]++[\w-]++){1,6}?)[ \t]++năm[ \t]++(?:19|20)\d\d(?!\w)")
_YEAR_WORD = re.compile(r"(?:19|20)\d\d(?:[-–](?:19|20)?\d\d)?")  # "2003", "2015-2019"
_YEAR_BEFORE_OF = re.compile(r"[ \t]++năm[ \t]++(?:19|20)\d\d(?=[ \t]++của[ \t])")  # "Báo cáo năm 2019 của DIA"
_OF = re.compile(r"[ \t,]*+của[ \t]++")
_RECENT = re.compile(r"[ \t]++(?:mới đây|gần đây|vừa qua)(?!\w)")
_DAY_GAP = re.compile(r"[ \t,]*+(?:ban hành[ \t]++)?+(?:ngày|ký ngày)?+[ \t]*+")
_PLURAL = re.compile(r"(?:các|những|nhiều|một số|\d+)[ \t]++$", re.IGNORECASE)
_PAREN = re.compile(r"[ \t]*+\([^()\n]{1,40}\)")
_ISSUER_NUMBER = re.compile(r"[ \t]++\d++(?!\w)")  # "Hội nghị Trung ương 8"
_ISSUER_TERM = re.compile(r"[ \t]++[Kk]h[oó][áa][ \t]++(?:[IVXLC]++|\d++)(?!\w)")  # "Trung ương 4 khóa XII" (no brackets)
_ISSUER_WORD = re.compile(r"[ \t]*+([\w&]++|-)")
_YEAR = re.compile(r"(19|20)\d\d")
_DATED_AFTER = re.compile(r"[ \t,]*+(?:ngày[ \t]++\d|năm[ \t]++(?:19|20)\d\d(?!\d))")  # "15 năm 1959", "2039 ngày 29/5"
_DATE_OR_ISSUER_AFTER = re.compile(r"[ \t,]*+(?:ngày|của)(?!\w)")


def _pair_open(words: list[str]) -> bool:
    """True after "giữa A" still waiting for its "và B" ("giữa Việt Nam và Trung Quốc")."""
    low = [w.lower() for w in words]
    return "giữa" in low and "và" not in low[len(low) - 1 - low[::-1].index("giữa") :]


class Head(BaseModel):
    """One head word of documents.yaml."""

    model_config = ConfigDict(extra="forbid")
    phrase: str
    kind: DocumentKind
    needs: Literal["number_or_title", "number_or_quote", "number"]
    title_keeps_head: bool = False
    after_verb: bool = False
    lower_name: bool = False  # a capital head inside a sentence takes a lower-case name ("Hiệp ước chống tên lửa đạn đạo")
    about_alone: bool = False  # a title after "về" alone makes a record ("nghị định thư về hợp tác quốc phòng")
    subject_title: bool = False
    takes_law_title: bool = False  # a lower-case head takes a law's title from law_titles ("luật đồn trú", "dự luật dẫn độ")
    capital_only: bool = False  # a record only capitalized inside a sentence (the head is a common verb: "tuyên bố")
    proper_name: bool = False  # a lower-case head takes a proper name ("hiệp định Paris", "thỏa thuận Minsk")
    named: bool = False  # the capitalized head is the document's whole name ("Chiến lược An ninh Quốc gia")  # a lower-case subject after the head is its title ("bản ghi nhớ hợp tác y tế quân sự")


class DocumentVocabulary(BaseModel):
    """documents.yaml."""

    model_config = ConfigDict(extra="forbid")
    heads: list[Head]
    issuers: list[str]
    issue_verbs: list[str]
    title_stops: list[str]
    about_stops: list[str]
    stops_before_capital: list[str]
    compound_before: dict[str, list[str]]
    compound_after: dict[str, list[str]]
    issuer_stops: list[str]
    measure_words: list[str]
    vetoes: dict[DocumentKind, list[str]]
    decided_verbs: list[str]
    decided_stops: list[str]
    personnel_actions: list[str]
    deciding_verbs: list[str]
    clause_openers: list[str]
    clause_verbs: list[str]
    and_new_phrase: list[str]
    amended: list[str]
    bodies: list[str]
    jurisdictions: list[str]
    subject_openers: list[str]
    law_titles: list[str]
    subject_stops: list[str]
    modal_before_verb: list[str]
    law_verbs: list[str]
    name_predicates: list[str]


class DocumentExtractor:
    """Component: fills ``doc.documents`` in text order. Needs dates (for issue dates)."""

    name = "documents"
    needs = ("dates",)
    adds = ("documents",)

    def __init__(self) -> None:
        voc = DocumentVocabulary.model_validate(read_yaml("documents.yaml"))
        self.heads = {h.phrase: h for h in voc.heads}
        # scanned over the lower-cased text (doc.lex.lower): a case-sensitive trie scans several times faster
        self.head_re = re.compile(trie_pattern(list(self.heads), fold_case=True))
        self.issuer_re = re.compile(trie_pattern(voc.issuers))
        self.stops = frozenset(voc.title_stops)
        self.about_stops = frozenset(voc.about_stops)
        self.issuer_stops = frozenset(voc.issuer_stops)
        self.stops_before_capital = frozenset(voc.stops_before_capital)
        self.compound_before = {k: frozenset(v) for k, v in voc.compound_before.items()}
        self.compound_after = {k: frozenset(v) for k, v in voc.compound_after.items()}
        self.measure_re = re.compile(r"[ \t]++" + trie_pattern(voc.measure_words) + r"(?!\w)")
        self.decided_re = re.compile(r"(?<!\w)" + trie_pattern(voc.decided_verbs) + r"[ \t]++$", re.IGNORECASE)
        self.decided_stops = frozenset(voc.decided_stops)
        self.deciding_re = re.compile(r"(?<!\w)" + trie_pattern(voc.deciding_verbs) + r"[ \t]++$", re.IGNORECASE)
        self.modal_re = re.compile(
            r"(?<!\w)" + trie_pattern(voc.modal_before_verb) + r"[ \t]++(?:\w++[ \t]++)?" + trie_pattern(voc.decided_verbs) + r"[ \t]++$", re.IGNORECASE
        )
        self.law_verbs = frozenset(voc.law_verbs)
        self.name_predicates = frozenset(voc.name_predicates)
        self.number_followers = frozenset(voc.issuer_stops + voc.title_stops)
        self.personnel_re = re.compile(trie_pattern(voc.personnel_actions) + r"(?![\w])")
        self.clause_openers = frozenset(voc.clause_openers)
        self.clause_verbs = frozenset(voc.clause_verbs)
        self.clause_stops = self.decided_stops - {"và"}  # in a part after a comma "và" ends a title only before a new phrase
        self.and_new_phrase = re.compile(r"[ \t]++và[ \t]++(?:" + trie_pattern(voc.and_new_phrase) + r"(?!\w)|[A-ZĐ])")
        self.compounds = compound_words()
        self.body_re = re.compile(trie_pattern(voc.issuers + voc.bodies) + r"(?!\w)")
        self.amended_re = re.compile(r"[ \t]*+" + trie_pattern(voc.amended) + r"(?![\w,]|[ \t]++bổ)")
        self.subject_re = re.compile(trie_pattern(voc.subject_openers) + r"(?!\w)")
        self.subject_stops = frozenset(voc.decided_stops + voc.subject_stops)
        self.law_title_re = re.compile(r"[ \t]++(" + trie_pattern(voc.law_titles) + r")(?![\w-])", re.IGNORECASE)
        self.jurisdictions = frozenset(j.lower() for j in voc.jurisdictions)
        self.vetoes = {k: re.compile(r"(?<!\w)" + trie_pattern(v) + r"(?!\w)", re.IGNORECASE) for k, v in voc.vetoes.items()}

    def __call__(self, doc: Document) -> None:
        text = doc.text
        taken_until = 0
        for m in self.head_re.finditer(doc.lex.lower):
            s, e = m.span()
            if s < taken_until or not bounded(text, s, e):
                continue
            phrase = " ".join(m.group(0).lower().split())
            if self._in_compound(text, phrase, s, e):
                continue
            head = self.heads[phrase]
            found = self._read(doc, head, s, e)
            if found is None:
                continue
            record, end, rule = found
            doc.documents.append(record)
            doc.explain(self.name, rule, s, end)
            # a title read after a verb may cite another document: "phê duyệt Đề án phổ biến Luật ..."
            taken_until = e if rule == "document.decided" else end
        self._full_names(doc.documents)

    @staticmethod
    def _full_names(records: list[DocumentReference]) -> None:
        """A short mention takes the full title of the same document cited in full elsewhere in the
        article ("Luật Cảnh sát biển" is "Luật Cảnh sát biển Việt Nam")."""
        titles = [(r.kind, r.title) for r in records if r.title and r.number is None]
        for r in records:
            if r.title and r.number is None:
                longer = [t for k, t in titles if k == r.kind and t.startswith(r.title + " ") and "sửa đổi" not in t[len(r.title) :] and len(t.split()) <= len(r.title.split()) + 2]
                if longer and r.rule == "document.name":
                    r.title = max(longer, key=len)

    def _read(self, doc: Document, head: Head, s: int, e: int) -> Optional[tuple[DocumentReference, int, str]]:
        """The record a head at ``text[s:e]`` starts, its end, and the rule; None for a bare common noun."""
        text = doc.text
        end = e
        number = title = issuer = date = None
        rule = ""
        kind: DocumentKind = head.kind
        if head.named:
            return self._named(doc, head, s, e)
        if head.capital_only and (text[s].islower() or _SENTENCE_START.search(text, max(0, s - 4), s)) and not self._proper_after(text, head, s, e):
            return None  # "tuyên bố về …" is a verb; "… ký Tuyên bố về ứng xử …" a document
        n = _NUMBER.match(text, skip_blanks(text, e))
        if n and self._is_number(text, n) and not self._counted(text, head, s, n):
            number, end, rule = _CODE_GAP.sub(r"\1", n.group(2)), n.end(), "document.number"
        # the issue date right after the number: "ngày 25/10/2013"
        if number:
            gap = _DAY_GAP.match(text, end)
            d = self._date_at(doc, gap.end() if gap else end)
            if d is not None:
                date, end = d
        # issuer: "của Bộ Chính trị" (after number/date), or "<issuer>" right after the head ("Nghị quyết Bộ Chính trị")
        yb = _YEAR_BEFORE_OF.match(text, end) if not number else None
        of = _OF.match(text, yb.end() if yb else end)
        if of:
            iss = self._issuer(text, of.end())
            if iss:
                issuer, end = iss
        elif not number and (at := skip_blanks(text, end)) > end and self.issuer_re.match(text, at):
            iss = self._issuer(text, at)  # "Nghị quyết Trung ương 4 (khóa XII) về ...": a listed issuer, no "của"
            if iss and (_ABOUT.match(text, iss[1]) or _QUOTE.match(text, iss[1])):
                issuer, end = iss
        q = _QUOTE.match(text, end)
        if q and text.startswith('"', end) and text[end - 1 : end].isalnum():
            q = None  # 'theo hiến pháp" và …': the quote after the head closes, it opens no title
        if q and not number and self._quotation(q.group(1)):
            doc.near_miss(self.name, "document.quotation", s, q.end(), "a quoted clause after the head is speech, not a title")
            q = None  # 'Quyết định "phản ánh mong muốn của chúng tôi nhằm …"', 'kế hoạch của Washington "là …"'
        if q and not number and not issuer and head.after_verb and text[s].islower() and not self.decided_re.search(text, max(0, s - 16), s):
            # "Thủ tướng quyết định "số phận" dự án": a verb before scare quotes (document.verb_quote)
            doc.near_miss(self.name, "document.verb_quote", s, q.end(), "a lower-case head that is also a verb, before quotes")
            return None
        if q:
            title, end = q.group(1).strip(), q.end()
            rule = rule or "document.quoted"
        elif not number and (found := self._unnumbered(text, head, s, e)):
            title, end, rule = found
            if rule == "document.personnel":
                doc.near_miss(self.name, rule, s, end, "a personnel action without a number is the act, not a cited document")
                return None
            if rule == "document.of":
                iss = self._issuer(text, end)
                if iss is None or not self.body_re.match(iss[0]):
                    return None  # "kế hoạch quân sự của Nga": a body that issues documents only
                issuer, end = iss
        elif number or issuer or head.needs == "number_or_title" or head.subject_title:
            a = _ABOUT.match(text, end)
            if a and (number or issuer or head.about_alone):
                title = self._trim(a.group(1), self.about_stops)
                end = a.start(1) + len(title)
                if title == a.group(1).rstrip():
                    end = self._past_commas(text, end, lambda part: self._trim(part, self.about_stops | {"và", "hoặc"}))
                    title = text[a.start(1) : end]
                rule = rule or "document.about"
            elif not number and head.subject_title and (c := _CLAUSE.match(text, e)) and self.subject_re.match(c.group(1)):
                subject = self._trim_clause(c.group(1), self.subject_stops)
                if len(subject.split()) >= 3:  # "bản ghi nhớ hợp tác y tế quân sự" (document.subject)
                    title, end, rule = subject, c.start(1) + len(subject), "document.subject"
            elif not number and head.takes_law_title and (text[s].islower() or head.kind != "law") and (lt := self.law_title_re.match(text, e)):
                title, end, rule = lt.group(1), lt.end(1), "document.law_title"  # "luật đồn trú", "luật nghĩa vụ quân sự"
                if title[0].isupper():
                    kind = "law"  # "dự luật Dân quân tự vệ": a Vietnamese law's draft, its name capitalized
                title, end = self._named_tail(text, head, s, title, end)
            elif not number and head.needs == "number_or_title" and text[s].isupper() or (not number and head.kind == "law") or (not number and self._proper_after(text, head, s, e)):
                nm = _NAME.match(text, e)
                lower_ok = (head.kind == "law" or head.lower_name) and text[s].isupper() and not _SENTENCE_START.search(text, max(0, s - 4), s)
                if nm and (nm.group(1)[0].isupper() or lower_ok):
                    name = self._trim(self._name_end(nm.group(1)), self.stops)
                    if head.kind == "law" and name.lower() in self.jurisdictions:
                        doc.near_miss(self.name, "document.jurisdiction", s, nm.end(1), "the law of a country is its legal system, not a document")
                        return None  # "luật Hong Kong"
                    if head.kind == "law" and name and name.split()[0].islower() and self._law_verb(name):
                        doc.near_miss(self.name, "document.law_verb", s, nm.end(1), "the word after 'Luật' is its verb, not its name")
                        return None  # "dự án Luật cần quy định …"
                    if name and not self.issuer_re.fullmatch(name) and not self._stop_first(name):
                        title, end = name, nm.start(1) + len(name)
                        rule = "document.name"
                        if head.kind == "law" and (lt := self.law_title_re.match(text, e)) and lt.end(1) > end:
                            title, end = lt.group(1), lt.end(1)  # "Luật Quản lý, sử dụng vũ khí, …": a listed name with a comma
                        title, end = self._named_tail(text, head, s, title, end)
        if number is None and head.needs == "number_or_quote" and issuer and issuer.lower() in self.jurisdictions:
            doc.near_miss(self.name, "document.state_act", s, end, "a decision or plan of a country without a number is its act")
            return None  # "Quyết định của Nga về việc cung cấp S-300 cho Syria"
        if number is None and head.after_verb and self.deciding_re.search(text, max(0, s - 12), s):
            doc.near_miss(self.name, "document.deciding", s, end, "after 'đưa ra' a head without a number is the act of deciding")
            return None  # "đưa ra quyết định rút quân"
        if number is None and (title is None or _PLURAL.search(text, max(0, s - 12), s)):
            return None  # a bare common noun, or a group ("các Đề án của UBND tỉnh về ...")
        if date is None and number is None and head.kind == "law" and self._vetoed(head, text, s, s):
            return None  # "Đại học Luật Hà Nội", "chuyên ngành Luật dân sự"
        if date is None and head.kind != "law" and self._vetoed(head, text, s, end):
            return None  # "tàu ngầm Đề án 949": a ship class, not a document
        if issuer is None and rule != "document.about":
            of = _OF.match(text, end)
            if of:
                iss = self._issuer(text, of.end())
                if iss:
                    issuer, end = iss
        if date is None and number is None and title is not None:
            gap = _DAY_GAP.match(text, end)
            if gap and "ngày" in gap.group(0):
                d = self._date_at(doc, gap.end())
                if d is not None:
                    date, end = d
        record = DocumentReference(
            **doc.span(s, end), kind=kind, number=number, issuer=issuer, date=date, title=title, rule=rule
        )
        return record, end, rule

    def _named(self, doc: Document, head: Head, s: int, e: int) -> Optional[tuple[DocumentReference, int, str]]:
        """A head that is a document's whole name, capitalized ("Chiến lược An ninh Quốc gia"), with its issuer after "của"."""
        text = doc.text
        if not text[s].isupper():
            return None  # "chiến lược an ninh quốc gia" in lower case is a policy, not the paper
        issuer, end = None, e
        of = _OF.match(text, e)
        iss = self._issuer(text, of.end()) if of else None
        if iss:
            issuer, end = iss
        record = DocumentReference(**doc.span(s, end), kind=head.kind, number=None, issuer=issuer, date=None, title=text[s:e], rule="document.named")
        return record, end, "document.named"

    def _unnumbered(self, text: str, head: Head, s: int, e: int) -> Optional[tuple[str, int, str]]:
        """A title without a number: before an acronym, after a verb that makes the head a noun, or before "của"."""
        y = _YEAR_AFTER.match(text, e)
        if head.title_keeps_head and y and text[s].isupper():  # "Hiến pháp năm 2013"
            return text[s : y.end()], y.end(), "document.name"
        ny = _NAMED_YEAR.match(text, e) if head.title_keeps_head and text[s].isupper() else None
        if ny and not any(w.lower() in self.stops for w in ny.group(1).split()):  # "Sách trắng quốc phòng Nhật Bản năm 2016"
            return text[s : ny.end()], ny.end(), "document.name"
        a = _ACRONYM.match(text, e) if head.needs == "number_or_title" else None
        if a and not a.group(1).lower().startswith("của "):  # not "Tuyên bố của Tổ chức … (NATO)"
            return (text[s : a.end(1)] if head.title_keeps_head else a.group(1)), a.end(1), "document.acronym"
        if head.after_verb and self.decided_re.search(text, max(0, s - 16), s):
            if self.modal_re.search(text, max(0, s - 32), s):
                return None  # "sẽ không có quyết định loại trừ …": not a document issued (document.modal)
            c = _CLAUSE.match(text, e)
            if c and self.personnel_re.match(c.group(1)):
                return "", c.end(1), "document.personnel"  # "trao quyết định điều động, bổ nhiệm ...": the act on a person
            if c and c.group(1)[0].islower() and not self._stop_first(c.group(1)):
                title = self._trim_clause(c.group(1))
                end = c.start(1) + len(title)
                if title == c.group(1).rstrip() and text.startswith(",", end):
                    end = self._past_commas(text, end, lambda part: self._trim_clause(part, self.clause_stops))
                    title = text[c.start(1) : end]
                if len(title.split()) >= 3:  # "ra quyết định thu hồi." is the act, not a cited decision
                    return title, end, "document.decided"
        if head.needs == "number_or_quote" and not head.after_verb:
            o = _OF_TITLE.match(text, e)
            if o and o.group(1)[0].islower() and not self._stop_first(o.group(1)) and text[o.end() : o.end() + 1].isupper():
                return o.group(1), o.end(), "document.of"
        return None

    def _named_tail(self, text: str, head: Head, s: int, title: str, end: int) -> tuple[str, int]:
        """A law's amendment mark ("(sửa đổi)"); a name that keeps its head ("Hiến pháp năm 2013")."""
        if head.kind == "law" or head.takes_law_title:
            am = self.amended_re.match(text, end)
            if am:
                return text[s + len(head.phrase) : am.end()].strip(), am.end()
        if head.title_keeps_head:
            y = _YEAR_AFTER.match(text, end)
            end = y.end() if y else end
            return text[s:end], end
        return title, end

    def _past_commas(self, text: str, end: int, trim: Callable[[str], str]) -> int:
        """The natural end of a title that stops at a comma: each next part, cut by ``trim``, is kept
        ("về xây dựng, chỉnh đốn Đảng và ...") unless a capital, a clause opener or a subject and
        its verb ("…, huyện đã …") show a new clause; "và" before a new phrase ends it."""
        while m := _COMMA_PART.match(text, end):
            part = m.group(1)
            words = part.split()
            first = words[0].lower()
            if not words[0][0].islower() or first in self.clause_openers or " ".join(words[:2]).lower() in self.clause_openers:
                break
            if self.head_re.match(part.lower()):
                break  # "…, nghị định thư về …": the next document of a list
            if any(text[m.start(1) + h.start()].isupper() for h in self.head_re.finditer(part.lower())):
                break  # "…, vi phạm Tuyên bố về …": a clause that cites another document
            kept = trim(part)
            cut = part[len(kept) :].split()
            if cut and cut[0].lower() in self.clause_verbs:
                break  # "về công tác tuyển quân, huyện đã ...": a subject and its verb
            new = self.and_new_phrase.search(kept)
            if new:
                kept = kept[: new.start()]
            end = m.start(1) + len(kept.rstrip(" ,;:"))
            if new or kept != part.rstrip():
                break
        return end

    def _counted(self, text: str, head: Head, s: int, n: re.Match[str]) -> bool:
        """True for a bare number after a lower-case head that is also a common word, before a noun it
        counts ("sai quy định 4 gói thầu", "thông báo 5 phi cơ"; not "quyết định 1918 của Thủ tướng")."""
        if head.needs != "number_or_quote" or not text[s].islower() or n.group(1) or not n.group(2).isdigit():
            return False
        nxt = text[n.end() : n.end() + 24].split()
        return bool(nxt) and nxt[0][:1].islower() and nxt[0].lower() not in self.number_followers

    @staticmethod
    def _quotation(quoted: str) -> bool:
        """True for a quoted clause rather than a name: it opens in lower case with a clause word, or runs
        past ten words in lower case ('"là một nhân tố …"', '"cho các cấp phân quyền …"')."""
        words = quoted.split()
        return quoted[:1].islower() and (words[0] in ("là", "cho", "có", "được", "đã", "sẽ", "đang", "nhằm", "để", "và") or len(words) > 10)

    def _proper_after(self, text: str, head: Head, s: int, e: int) -> bool:
        """True for a lower-case treaty head right before a proper name that is not a country or a body
        ("hiệp định Paris", "thỏa thuận Minsk"; not "thỏa thuận Mỹ - Triều", "hiệp định với Bộ Quốc phòng")."""
        if not head.proper_name or not text[s].islower():
            return False
        nm = _NAME.match(text, e)
        if nm is None or not nm.group(1)[0].isupper():
            return False
        words = nm.group(1).split()
        first = words[0].lower()
        return not (
            first in self.jurisdictions
            or " ".join(words[:2]).lower() in self.jurisdictions
            or any(part in self.jurisdictions for part in first.split("-"))  # "thỏa thuận Mỹ-Nga"
            or any(c.isdigit() for c in words[0])  # "thỏa thuận S-400": a weapons deal named by its model
            or self.body_re.match(nm.group(1))
            or (len(words) > 1 and words[1] in ("-", "–"))
        )

    def _law_verb(self, name: str) -> bool:
        """True when the lower-case word after a capital "Luật" is a verb ("Luật cần quy định …")."""
        parts = name.lower().split()
        return parts[0] in self.law_verbs or " ".join(parts[:2]) in self.law_verbs

    def _name_end(self, name: str) -> str:
        """A name cut where its sentence's predicate begins: after an acronym or a country, or before a
        predicate word, a lower-case word ends it ("đạo luật CAATSA sau thương vụ", "Luật Cảnh sát biển
        Việt Nam dự kiến"; document.name_end)."""
        parts = name.split()
        for i in range(1, len(parts)):
            w, low = parts[i], parts[i].lower()
            if low in self.name_predicates or " ".join(parts[i : i + 2]).lower() in self.name_predicates:
                return " ".join(parts[:i])
            prev = parts[i - 1]
            if w[:1].islower() and low not in ("về", "giữa", "và") and (
                (len(prev) >= 2 and prev.isupper() and prev.isalpha())
                or (i >= 2 and " ".join(parts[i - 2 : i]).lower() in self.jurisdictions and parts[i - 2][:1].isupper())
                or (prev.lower() in self.jurisdictions and prev[:1].isupper())
            ):
                return " ".join(parts[:i])
        return name

    def _stop_first(self, words: str) -> bool:
        """True when a title would begin with a stop word ("Luật cũng quy định ...")."""
        parts = words.lower().split()
        return parts[0] in self.stops or " ".join(parts[:2]) in self.stops

    def _trim_clause(self, words: str, stops: frozenset[str] | None = None) -> str:
        """A title read after a verb, cut before a stop word or "của" before a capital."""
        stops = self.decided_stops if stops is None else stops
        parts = words.split()
        keep: list[str] = []
        for i, w in enumerate(parts):
            low = w.lower().rstrip(",")
            if low == "và" and _pair_open(keep) and parts[i + 1 : i + 2] and parts[i + 1][:1].isupper():
                keep.append(w)  # "giữa Học viện Quốc phòng Việt Nam và Đại học Quốc phòng Trung Quốc": one pair
                continue
            if i >= 1 and (low in stops or " ".join(parts[i : i + 2]).lower() in stops):
                break
            if i >= 1 and low == "của" and parts[i + 1 : i + 2] and parts[i + 1][:1].isupper():
                break
            keep.append(w)
        return " ".join(keep).rstrip(",;:")

    @staticmethod
    def _year_in_title(parts: list[str], i: int) -> bool:
        """True for a year that belongs to a title: after "năm", "giai đoạn", "năm học", or a dash
        between two years ("năm học 2019 - 2020", "song phương năm 2003")."""
        w = parts[i]
        if w.isdigit() and i >= 2 and parts[i - 1].lower() == "thứ" and parts[i - 2].lower() == "lần":
            return True  # "Đại hội Đảng lần thứ 12" (a "lần" that reaches here follows "Đại hội"/"Hội nghị")
        if _YEAR_WORD.fullmatch(w):
            return parts[i - 1].lower() in ("năm", "học", "đoạn", "-", "–")
        return w in ("-", "–") and _YEAR_WORD.fullmatch(parts[i - 1]) is not None and bool(parts[i + 1 : i + 2]) and _YEAR_WORD.fullmatch(parts[i + 1]) is not None

    def _in_compound(self, text: str, phrase: str, s: int, e: int) -> bool:
        """True when the head is a syllable of a longer word ("kỷ luật", "luật sư")."""
        before = text[max(0, s - 8) : s].split()
        after = text[e : e + 8].split()
        return bool(
            (before and before[-1].lower() in self.compound_before.get(phrase, ()))
            or (after and after[0].lower().strip(",.;:") in self.compound_after.get(phrase, ()))
        )

    def _issuer(self, text: str, at: int) -> Optional[tuple[str, int]]:
        """A body after "của": a listed issuer, else capitalized words (up to "về", punctuation or a stop)."""
        m = self.issuer_re.match(text, at)
        if m and bounded(text, at, m.end()):
            end = m.end()
            num = _ISSUER_NUMBER.match(text, end)  # "Hội nghị Trung ương 8"
            if num:
                end = num.end()
            term = _ISSUER_TERM.match(text, end)
            if term:
                end = term.end()
        else:
            if not text[at : at + 1].isupper():
                return None
            end = at
            for i, w in enumerate(_ISSUER_WORD.finditer(text[at : at + 160])):
                if i >= 10 or at + w.start() != end or (i > 0 and w.group(1).lower() in self.issuer_stops):
                    break
                if i > 0 and w.group(1).islower() and " ".join(text[at + w.start() : at + w.start() + 16].split()[:2]) in self.issuer_stops:
                    break  # "của Thanh tra Chính phủ mới đây về …", "của Mỹ thông qua …": a two-word stop
                end = at + w.end()
            if end - at < 2:
                return None
        p = _PAREN.match(text, end)  # "Hội nghị Trung ương 8 (khóa XI)"
        if p:
            end = p.end()
        recent = _RECENT.match(text, end)  # "của Thanh tra Chính phủ mới đây về …": the title follows
        return text[at:end].strip(), recent.end() if recent and _ABOUT.match(text, recent.end()) else end

    def _date_at(self, doc: Document, at: int) -> Optional[tuple[Optional[str], int]]:
        """The value and end of the date record that starts at normalized offset ``at``."""
        for d in doc.dates:
            ds, de = d.start, d.end
            if ds == at or (ds < at < de):
                return d.value, de
            if ds > at:
                break
        return None

    def _is_number(self, text: str, n: re.Match[str]) -> bool:
        """A document number, not an amount or a year: codes always; a bare number not followed by a
        measure word ("kế hoạch 200 tỷ USD"), and a year-like one only after "số" or before its date."""
        num = n.group(2)
        if any(c.isalpha() for c in num) or "/" in num:
            return True
        if "." not in num and len(num) <= 5 and _DATED_AFTER.match(text, n.end()):
            return True  # "Công văn 2039 ngày 29/5/2017", "Nghị quyết 15 năm 1959": its issue date, not an amount
        if "." in num or self.measure_re.match(text, n.end()):
            return False
        if _YEAR.fullmatch(num):
            return bool(n.group(1)) or bool(_DATE_OR_ISSUER_AFTER.match(text, n.end()))
        return len(num) <= 5

    def _vetoed(self, head: Head, text: str, s: int, end: int) -> bool:
        veto = self.vetoes.get(head.kind)
        return bool(veto and (veto.search(text, max(0, s - 40), s) or veto.search(text, end, min(len(text), end + 40))))

    def _trim(self, words: str, stops: frozenset[str]) -> str:
        """A title read without quotes, cut before the first stop word after its first word."""
        parts = words.split()
        keep: list[str] = []
        for i, w in enumerate(parts):
            low = w.lower()
            pair = w in ("-", "–") and parts[i - 1][:1].isupper() and parts[i + 1 : i + 2] and parts[i + 1][:1].isupper()
            counted = w.isdigit() and len(w) <= 3 and parts[i - 1][:1].islower() and parts[i + 1 : i + 2] and parts[i + 1][:1].islower()
            if counted and parts[i + 1].lower() not in self.number_followers:
                keep.append(w)  # "về việc cử 15 cán bộ công binh …": a count and its noun belong to the title
                continue
            if i >= 1 and (any(c.isdigit() for c in w) or w == "-") and not self._year_in_title(parts, i) and not pair:
                break  # a dash between two capitals stays: "Tuyên bố chung Trung - Anh"
            if low == "và" and _pair_open(keep) and parts[i + 1 : i + 2] and parts[i + 1][:1].isupper():
                keep.append(w)  # "giữa Việt Nam và Trung Quốc": one pair
                continue
            if i >= 1 and low == "lần" and not any(k.lower() == "hội" for k in keep):
                break  # "công bố Sách trắng quốc phòng lần thứ 10": "the nth time", not the name (document.name_end)
            if i >= 1 and low in self.stops_before_capital and parts[i + 1 : i + 2] and parts[i + 1][:1].isupper():
                break
            if i >= 1 and low == "là" and parts[i - 1].lower() in ("nhất", "tức"):
                keep.append(w)  # "nhất là cán bộ lãnh đạo": "especially", not a clause's verb
                continue
            if i >= 1 and (low in stops or " ".join(parts[i : i + 2]).lower() in stops):
                if not parts[i - 1][:1].isupper() or f"{parts[i - 1].lower()} {low}" not in self.compounds:  # "Tự do"
                    break
            keep.append(w)
        return " ".join(keep).rstrip(",;:")
