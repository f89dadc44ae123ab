"""Reported quantities (SPEC NumericResult): counts, percentages, ratios, money.

Candidates are digit strings in Vietnamese notation and number words. Each one
is read in its sentence: a unit after it, a qualifier around it, guards that
make it a date, an identifier, an age or a measurement (then it is dropped),
the counted noun after it or the indicator before it (its subject). "tăng 0,4%"
right after a figure is that figure's change, not a figure of its own.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Optional

import re
import unicodedata

import regex

from qpextract.document import Document
from qpextract.errors import DataFileError
from qpextract.patterns import trie_pattern
from qpextract.extractors.numbers.parse import parse_digits, parse_words
from qpextract.extractors.numbers.tables import NumberTables, UnitRow
from qpextract.models import Change, NumericResult
from qpextract.text.credits import credit_labels
from qpextract.text.lexical import TOKEN, Lexical, literal_alternation
from qpextract.text.teasers import TeaserLines

_DIGITS = regex.compile(r"(?<![\w.,])\d++(?:[.,]\d++)*+")
_WORD = regex.compile(r"[ \t]*+\w++")
_UNIT_OR_WORD_AFTER = re.compile(r"[ \t]*(?:%|[^\W\d_])")
_COMMA_THOUSAND = re.compile(r"\d+,\d{3}")
_OF_TOTAL_AFTER = re.compile(r"[ \t]+trong[ \t]+(?:tổng[ \t]+)?số[ \t]+\d")  # "Ba trong số 7 đảo": a total follows
_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")  # a figure in thousands ("50.000", "1.500.000")
_LIST_BEFORE = re.compile(r"\d+, $")
_RANGE_AFTER = regex.compile(r"[ \t]*+[-–][ \t]*+\d")
_RANGE_HIGH = regex.compile(
    r"(?:[ \t]*+[-–][ \t]*+|[ ](?:đến|tới)[ ])(\d++(?:[.,]\d++)*+)(?![\w/.,:–-]|[ \t]*+[-–/])"
)
_ANY_DIGIT = re.compile(r"\d")
_SPACE_IN = re.compile(r"[ \t]")
_POINTS_AFTER = re.compile(r"\s*điểm(?=\s*(?:$|[^\w\s%]|trở|\n))")  # a bare "điểm" (not "điểm %", "điểm cháy")
_CLAUSE_END_AFTER = re.compile(r"[ \t]*(?:[,;.!?\n)]|$)")  # a clause or a bracket closes ("(quân số giảm gần 3.000)")
_RANGE_BEFORE = regex.compile(r"\d[ \t]*+[-–][ \t]*+$")
_AND_LIST_BEFORE = re.compile(r"\d+ (?:và|hoặc) $")
_CODE_AFTER = re.compile(r"[ \t][A-ZĐ](?:[-–]|[ \t]?\d)")  # "36 B-1156", "JT 4 A-3 B": a plate or a model code
_ACRONYM_SLASH_BEFORE = re.compile(r"(?<!\w)[A-ZĐ]{2,6}(?:[ \t]?/|\))[ \t]?$")  # "DKI/19", "DKI / 19", "(CSG) 5"
# an opening quote right before the figure, or before an earlier short item of the same quoted list
_QUOTED_BEFORE = re.compile(r'[“"](?:\w+(?: \w+)?, )?$')
_QUOTE_CLOSE = re.compile(r'[”"]')
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_DASHES = dict.fromkeys(map(ord, "\u2013\u2014\u2012\u2212"), "-")
_SENTENCE_END = frozenset({".", "!", "?", "\n", "…"})
_CLAUSE_END = _SENTENCE_END | frozenset({",", ";", ":", "(", ")", "“", "”", '"', "–", "-", "/"})
_WINDOW_LEFT = 32  # enough for the guards and qualifiers; the left subject reads further
_WINDOW_LEFT_SUBJECT = 120
_WINDOW_RIGHT = 72
_MAX_TOKENS = 24  # tokens kept on each side: enough for a subject, a unit and a qualifier
_MAX_SUBJECT_RIGHT = 10
_MAX_SUBJECT_LEFT = 14
_MAX_OWNER_WORDS = 5  # words of the owner or the place after "của", "ở" … in a counted noun ("của Bộ chỉ huy quân sự")
_QUOTE_REACH = 40  # characters from a figure to the quotes of a short quoted phrase around it
_QUOTED_PAIR_WORDS = 6  # a slogan or a saying: "một quốc gia, hai chế độ", "một mũi tên trúng hai đích"
_CURRENCY_TAIL = re.compile(r" ?\([^()]*\)$")  # "Ngân sách quốc phòng (USD)": the currency an amount's subject names
# every step and guard name used below (declared with its meaning in data/vi/numbers_rules.yaml)
_RULES = (
    "number.scale", "number.unit", "number.money", "number.change", "number.qualifier.before",
    "number.qualifier.after", "number.of_total", "number.thousands",
    "number.guard.identifier", "number.guard.temporal", "number.guard.measure", "number.guard.change_alone",
    "number.guard.not_count", "number.guard.bare", "number.guard.year", "number.guard.name",
    "number.guard.overlap", "number.guard.unfaithful", "number.guard.unit_name",
    "number.guard.code", "number.guard.address", "number.guard.id_list", "number.guard.one_article", "number.five",
    "number.change_alone", "number.collective", "number.shared_noun", "number.guard.fraction",
    "number.guard.name_tail", "number.guard.one_of", "number.guard.slogan", "number.title", "number.ten",
    "number.verb_head", "number.guard.one_indefinite", "number.guard.teaser", "number.guard.configuration",
    "number.subject_code", "number.receiver", "number.acronym_count", "number.subject_of",
    "number.total_own", "number.guard.ratio",
)


@dataclass
class _Tokens:
    """Tokens of a window: surface forms, lower-case forms and absolute offsets."""

    surface: list[str] = field(default_factory=list)
    lower: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)


def _tokens(lex: Lexical, start: int, end: int, *, right: bool) -> _Tokens:
    """Tokens of ``text[start:end]`` up to the sentence end (right) or from the sentence start (left).

    The window is tokenized on its own (see :func:`_window_spans`); the lower-case forms come
    from the lexical layer.
    """
    t = _Tokens()
    text, low = lex.text, lex.lower
    spans = _window_spans(lex, start, end)
    if not spans:
        return t
    surface = [text[a:b] for a, b in spans]
    lower = [low[a:b] for a, b in spans]
    first = 0
    if not _SENTENCE_END.isdisjoint(surface):
        if right:
            for i, tok in enumerate(surface):
                if tok in _SENTENCE_END:
                    surface, lower, spans = surface[:i], lower[:i], spans[:i]
                    break
        else:
            for i in range(len(surface) - 1, -1, -1):
                if surface[i] in _SENTENCE_END:
                    first = i + 1
                    break
    if not right and first == 0 and start > 0 and text[start - 1].isalnum() and text[start : start + 1].isalnum():
        first = 1  # a word cut by the window
    # keep only the tokens a reading can use
    if right:
        keep = slice(first, _MAX_TOKENS)
    else:
        keep = slice(max(first, len(surface) - _MAX_TOKENS), None)
    spans = spans[keep]
    t.surface = surface[keep]
    t.lower = lower[keep]
    if spans:
        starts, ends = zip(*spans)
        t.starts, t.ends = list(starts), list(ends)
    return t


def _window_spans(lex: Lexical, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)`` of the tokens of ``text[start:end]`` tokenized on its own.

    The window is tokenized directly: the windows cover about a fifth of a text, so this costs
    a third of reading the document's whole token list (``lex.token_starts``) and gives the same.
    """
    return [m.span() for m in TOKEN.finditer(lex.text, start, end)]


def _spelling_key(s: str) -> str:
    """Letters of each word with its marks sorted after them (tone placement and case do not count)."""
    s = unicodedata.normalize("NFD", s.translate(_DASHES)).casefold()
    out = []
    for w in s.split():
        marks = "".join(sorted(c for c in w if unicodedata.combining(c)))
        out.append("".join(c for c in w if not unicodedata.combining(c)) + marks)
    return "".join(out)


def _faithful(doc: Document, start: int, end: int) -> bool:
    """Does the input under normalized ``text[start:end]`` read as it? Checked in full only for
    input that is not NFC, where the normalizer may have dropped marks."""
    piece = doc.original_text(start, end)
    if _INVISIBLE.search(piece):
        return False
    if unicodedata.is_normalized("NFC", piece):
        return True
    return _spelling_key(piece) == _spelling_key(doc.text[start:end])


def _after_last(low: str, marks: str, lo: int, s: int) -> int:
    """Where the clause or sentence before ``s`` begins: just after the last of ``marks`` in ``low[lo:s]``, else ``lo``."""
    a = lo
    for c in marks:
        a = max(a, low.rfind(c, a, s) + 1)
    return a


def _before_first(low: str, marks: str, e: int, hi: int) -> int:
    """Where the clause or sentence after ``e`` ends: at the first of ``marks`` in ``low[e:hi]``, else ``hi``."""
    b = hi
    for c in marks:
        k = low.find(c, e, b)
        b = k if k >= 0 else b
    return b


def _is_word(tok: str) -> bool:
    return tok[:1].isalpha()


class NumberExtractor:
    """Fills ``doc.numbers``: one NumericResult per reported quantity, changes attached to their figure."""

    name = "numbers"
    needs = ("sentences", "dates")
    adds = ("numbers",)

    def __init__(self) -> None:
        self.t = NumberTables()
        alt = trie_pattern(list(self.t.number_words))
        # matched on the lower-cased text (same offsets) with the stdlib engine, much faster here than
        # IGNORECASE or `regex`; one separator char per step keeps it linear; the left word boundary is
        # checked in Python (a lookbehind would defeat the engine's first-character scan)
        self._word_numbers = re.compile(rf"(?:{alt})(?:[ \t](?:{alt}))*(?!\w)")
        # a photo credit after a dash or bracket: "- Ảnh: NGUYỄN KHÁNH", "(Ảnh: TTXVN)"
        self._photo_credit = re.compile(r"[-–(][ \t]*(?:" + "|".join(re.escape(w) for w in credit_labels("numbers")) + r")[ \t]*:")
        streets = "|".join(re.escape(w) for w in self.t.address_streets)
        self._street_initials = frozenset(w[0] for w in self.t.address_streets if w)
        # a street word and a capitalized name (group 1), or, in brackets, a capitalized name closing them
        self._address_after = regex.compile(
            rf"[ \t]++(?:((?:{streets})[ \t]++\p{{Lu}})|\p{{Lu}}\w*+(?:[ \t]++\p{{Lu}}\w*+){{1,4}}+[ \t]*+\))"
        )
        self._score_words = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, self.t.score_words)) + r")(?!\w)")
        self._age_words = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, self.t.age_words)) + r")(?!\w)")
        self._guard_words = frozenset(
            k[0] for k in list(self.t.id_heads.map) + list(self.t.temporal_before.map) if len(k) == 1
        ) - frozenset(k[-1] for k in self.t.id_exceptions.map)
        # word figures two to ten that count in a list with "một" ("hai lính Mỹ, một nhà thầu"); "năm" is too often a year
        self._small_words = frozenset(
            w for w, row in self.t.number_words.items()
            if row.kind in ("digit", "ten") and 2 <= row.value <= 10 and w not in self.t.word_alone_excluded
        )
        # "hơn chục hài cốt": "chục" alone after a one-word qualifier is ten (number.ten)
        self._ten_after = frozenset(k[0] for k in self.t.qual_before.map if len(k) == 1)
        self._temporal_words = frozenset(k[0] for k in self.t.temporal_before.map if len(k) == 1)
        self._id_words = frozenset(k[0] for k in self.t.id_heads.map if len(k) == 1)
        self._ratio_guard_words = self._temporal_words | self.t.ordinal_heads  # "ngày 5/8", "đứng thứ 25/63"
        self._guard_pairs = frozenset(k for k in self.t.id_heads.map if len(k) == 2)
        heads = literal_alternation(" ".join(k) for k in self.t.count_heads.map)
        self._count_heads = re.compile(rf"(?<!\w)(?:{heads})(?!\w)")
        # a bare figure and a coordinator after a number head: "là 1.650 và " (the second figure of a pair follows)
        of_heads = literal_alternation(" ".join(k) for k in self.t.of_number.map)
        coord = "|".join(re.escape(w) for w in sorted(self.t.coordinators))
        self._pair_before = re.compile(rf"(?<!\w)(?:{of_heads})[ \t]+\d[\d.,]*[ \t]+(?:{coord})[ \t]+$", re.IGNORECASE)
        # a single word after the number that makes it a date, duration, age or measure
        self._reject_next = frozenset(
            k[0] for k, row in self.t.units.map.items()
            if len(k) == 1 and row.unit in ("measure", "time", "age")  # type: ignore[union-attr]
        )
        self._reject_next_word_number = self._reject_next | frozenset(
            k[0] for k in self.t.word_not_count.map if len(k) == 1
        )
        declared = self.t.rules.names()
        unknown = set(_RULES) - declared
        unused = {*self.t.rules.steps, *self.t.rules.guards} - set(_RULES)
        if unknown or unused:
            raise DataFileError(f"numbers_rules.yaml: undeclared rules {sorted(unknown)}, unused {sorted(unused)}")

    # ---- entry point -------------------------------------------------------------
    def __call__(self, doc: Document) -> None:
        self._title_words = frozenset(re.findall(r"\w+", doc.title.lower())) if doc.title else frozenset()
        self._headline_pass = False
        # the lead: the first sentence of the body ("một X" there is the reported thing)
        self._lead_end = next((e for a, e in doc.sentences if a >= doc.body[0] and e > a), 0)
        if doc.text:
            doc.numbers.extend(self._extract(doc, sorted((d.start, d.end) for d in doc.dates)))
        title = doc.title_map.text if doc.title_map is not None else ""
        if title.strip() and (_ANY_DIGIT.search(title) or self._word_numbers.search(title.lower())):
            self._headline(doc)

    def _headline(self, doc: Document) -> None:
        """Figures of the input's separate headline ("7 lính thủy ... thương vong"): records with
        ``field="title"`` whose spans point into the title (number.title)."""
        assert doc.title_map is not None
        head = Document(id=doc.id, original=doc.title_original or doc.title_map.text, norm=doc.title_map)
        self._headline_pass = True  # "một X" in the headline is the reported thing
        for rec in self._extract(head, []):
            if rec.unit == "count" and (not rec.subject or not _UNIT_OR_WORD_AFTER.search(rec.text)):
                continue  # a bare figure: no dates are read in the headline ("Tin nóng ngày mới 8/9:")
            rec.field = "title"
            doc.numbers.append(rec)
            doc.trace.append((self.name, f"{rec.rule} (number.title)", rec.text))

    def _extract(self, doc: Document, blocked: list[tuple[int, int]]) -> list[NumericResult]:
        """The records of ``doc.text``; figures inside the ``blocked`` spans (dates) are no candidates."""
        text = doc.text
        self._lex = doc.lex
        self._trace = doc
        self._blocked_starts = [s for s, _ in blocked]
        self._blocked = blocked
        cands: list[tuple[int, int, float, Optional[float], str]] = []
        for m in _DIGITS.finditer(text):
            s, e = m.span()
            if self._in_date(s, e):
                continue  # part of a date (no candidate can overlap one: see _digit_candidate)
            c = self._digit_candidate(text, s, e)
            if c is not None:
                cands.append(c)
            else:
                doc.near_miss(self.name, "number.digits", s, e, "digits read as no quantity: an identifier (Đề án 12, 28-NQ), a date or clock part, a range, or no unit or counted noun after it")
        lowered = doc.lex.lower
        excluded = self.t.word_alone_excluded
        pos = 0
        retried = -1  # the end of the run a retry started in: one retry per run keeps the scan linear
        while (m := self._word_numbers.search(lowered, pos)) is not None:
            pos = m.end()
            if m.start() and lowered[m.start() - 1].isalnum():
                continue  # the tail of a longer word
            five = m.group() == "năm" and self._five_counted(text, m.start(), m.end())
            five = five or (m.group() == "chục" and self._prev_word(text, m.start()) in self._ten_after)
            words = m.group().split()
            used = parse_words(words, self.t.number_words)[1]
            opens = five or (used > 0 and not (used == 1 and words[0] in excluded))
            if opens:  # "năm" alone ("năm 2020", "năm nay") is no figure
                c = self._word_candidate(text, m.start(), m.end(), five=five)
                if c is not None:
                    cands.append(c)
            elif len(words) > 1 and m.start() >= retried:
                # the first word opens no figure, it ends a compound ("đầu tư hai tỷ USD", "trong năm hai đơn
                # vị"): read on from the next word (not after a figure that opens, "một ba lô" is a backpack)
                retried = m.end()
                pos = m.start() + _SPACE_IN.search(m.group()).start()  # type: ignore[union-attr]
        cands.sort()
        teasers = TeaserLines(lowered)
        if teasers:  # "Xem thêm: Đằng sau việc Nga đưa 8000 quân tập trận": another article's headline
            kept = []
            for c in cands:
                if teasers.holds(c[0]):
                    self._near(c[0], c[1], "number.guard.teaser", "a figure in a related-article line (Xem thêm: ...), not this article's")
                else:
                    kept.append(c)
            cands = kept
        self._range_high: dict[int, tuple[int, float]] = {}
        for c in cands:
            if c[4] == "number.range":
                m_high = _RANGE_HIGH.match(text, _DIGITS.match(text, c[0]).end())  # type: ignore[union-attr]
                self._range_high[c[0]] = (m_high.start(1), parse_digits(m_high.group(1)) or 0.0)  # type: ignore[union-attr]
        out: list[NumericResult] = []
        spans: list[tuple[int, int]] = []
        for s, e, value, total, rule in cands:
            self._read(doc, text, s, e, value, total, rule, out, spans)
        return out

    # ---- candidates --------------------------------------------------------------
    def _in_date(self, s: int, e: int) -> bool:
        i = bisect_right(self._blocked_starts, s) - 1
        for j in (i, i + 1):
            if 0 <= j < len(self._blocked):
                bs, be = self._blocked[j]
                if bs < e and s < be:
                    return True
        return False

    def _digit_candidate(self, text: str, s: int, e: int):
        n = len(text)
        prev_c = text[s - 1] if s else ""
        next_c = text[e] if e < n else ""
        if prev_c in "-–:" and s >= 2 and text[s - 2].isalnum():
            return None  # Covid-19, 2015-2020, 20:54
        if prev_c == "/" and s >= 2 and (text[s - 2].isdigit()):
            return None  # inside a slash chain (dates, ratios: read from the first part)
        if (prev_c in "/)" or (prev_c == " " and text[s - 2 : s - 1] in ("/", ")"))) and _ACRONYM_SLASH_BEFORE.search(
            text, max(0, s - 12), s
        ):
            self._near(s, e, "number.guard.code", "a figure after an acronym and a slash or its bracket: a station or a unit's code (DKI/19, (CSG) 5)")
            return None
        if next_c.isalpha():
            return None  # 20h, 10km, 3D, 12A
        after2 = text[e + 1 : e + 2]
        m_addr = self._address_after.match(text, e) if next_c == " " and (after2.isupper() or after2 in self._street_initials) else None
        if m_addr and (m_addr.group(1) or prev_c == "("):
            self._near(s, e, "number.guard.address", "a house number before a street name (187 đường Mai Hắc Đế, (52 Lê Duẩn))")
            return None
        if ("\"" in text[max(0, s - 16) : s] or "“" in text[max(0, s - 16) : s]) and self._slogan(text, s, e):
            self._near(s, e, "number.guard.slogan", "a figure opening a short quoted slogan (\"2 nhất, 2 không\", \"5 không\")")
            return None
        if self._quoted_pair(text, s, e):
            self._near(s, e, "number.guard.slogan", "a figure of a short quoted phrase that pairs figures: a slogan (\"3 người 5 biết\")")
            return None
        if _CODE_AFTER.match(text, e):
            self._near(s, e, "number.guard.code", "a figure before a capital letter and a dash or digit: a plate or a model code (36 B-1156)")
            return None
        ranged = self._range(text, s, e)
        if ranged is not None:
            return ranged  # "10-15 chuyến bay", "3-5%": both bounds are figures
        if next_c in "-–" and e + 1 < n and text[e + 1].isalnum():
            return None  # 28-NQ, 1-3, 2015-2020
        if next_c == ":" and e + 1 < n and text[e + 1].isdigit():
            return None  # clock time
        if _RANGE_AFTER.match(text, e) or _RANGE_BEFORE.search(text, max(0, s - 8), s):
            return None  # a range of years or days
        value = parse_digits(text[s:e])
        if value is None:
            return None
        total: Optional[float] = None
        rule = "number.digits"
        end = e
        if next_c == "/":
            m2 = _DIGITS.match(text, e + 1) if e + 1 < n and text[e + 1].isdigit() else None
            if m2 is None:
                return None  # 16/CT-TTg, 28-NQ/TW
            after = text[m2.end() : m2.end() + 2]
            if after[:1] in ("/", "-") or after[:1].isalnum():
                return None  # 16/10/2020
            total = parse_digits(m2.group())
            if total is None or total == 0:
                return None
            if 1 <= value <= 12 and len(m2.group()) == 4 and 1900 <= total <= 2100:
                self._near(s, m2.end(), "number.guard.temporal", "a month and a year (7/2010), not a ratio")
                return None
            if value < total <= self.t.fraction_max_total:
                self._near(s, m2.end(), "number.guard.fraction", "a fraction with a small denominator (1/2 lưng, 2/3 lực lượng), not a count of a total")
                return None
            if total < value:
                if total < 20 or value > 1.2 * total:
                    return None  # "20/11", "24/7": a date or a phrase, not a count
                total = None  # "41/40 tân binh": a target passed, the count is the first figure
            end = m2.end()
            rule = "number.ratio"
        if total is None and not _UNIT_OR_WORD_AFTER.match(text, end) and (
            not _CLAUSE_END_AFTER.match(text, end)
            or (self._prev_word(text, s) not in self.t.of_number.lasts and not self._count_head_before(s)
                and not self._pair_before.search(text, max(0, s - 40), s))
        ):
            return None  # nothing after it can be a unit or a counted noun ("1, 2, 3", "2015.")
        if self._in_date(s, end):
            return None
        if self._id_list_item(text, s, e):
            return None
        prev = self._prev_word(text, s)
        if prev in self.t.age_bounds and self._age_clause(s):
            self._near(s, e, "number.guard.measure", "a figure after 'từ' or 'đến' in a clause about an age (nâng độ tuổi từ 25 lên 27)")
            return None
        if prev in (self._guard_words if total is None else self._ratio_guard_words) and not (
            total is None and self._collective_count(prev, e)
        ) and not (self._receiver_name_end(text, s, prev) and total is None):
            return None  # "năm 2022", "ngày 27", "Đề án 12", "ngày 5/8": no need to read further
        if self._next_word(text, end) == "điểm" and self._score_sentence(s, end):
            self._near(s, end, "number.guard.measure", "a figure in points in a sentence about exams: a score (đạt chưa đến 10 điểm)")
            return None
        if self._next_word(text, end) in self._reject_next and not self._compound_after(end):
            return None  # "5 năm", "25 tuổi", "10 km"
        return (s, end, value, total, rule)

    def _age_clause(self, s: int) -> bool:
        """Does the clause before ``s`` speak of an age ("nâng độ tuổi gọi nhập ngũ từ 25 lên 27")?"""
        low = self._lex.lower
        a = _after_last(low, ",.;:!?\n(", max(0, s - 60), s)
        return self._age_words.search(low, a, s) is not None

    def _score_sentence(self, s: int, e: int) -> bool:
        """Is the figure at ``s:e`` a score: a bare "điểm" after it (not "điểm %", "điểm cháy") in a
        sentence that speaks of exams ("thí sinh", "điểm chuẩn", "quy đổi")?"""
        low = self._lex.lower
        m = _POINTS_AFTER.match(low, e)
        if not m:
            return False
        a = _after_last(low, ".!?\n", max(0, s - 200), s)
        b = _before_first(low, ".!?\n", e, min(len(low), e + 200))
        return self._score_words.search(low, a, b) is not None

    def _count_head_before(self, s: int) -> bool:
        """A head that names what a figure alone at the end of its clause counts opens the clause
        ("tổng số người tham gia cứu hộ gần 1.000,", "(quân số giảm gần 3.000)")."""
        low = self._lex.lower
        a = _after_last(low, ",.;:!?\n(", max(0, s - 100), s)
        m = self._count_heads.search(low, a, s)
        # "(trong tổng số 435)": the total of the figure before (number.of_total), not a count of its own
        return m is not None and not low[max(0, m.start() - 6) : m.start()].endswith(("trong ", "trên "))

    def _id_list_item(self, text: str, s: int, e: int) -> bool:
        """A bare figure in a list whose first item follows an identifier head ("kỳ họp 35, 36, 37",
        "cột mốc 321 và 322", "gió mạnh cấp 9, 10"), or after two bare figures ("các canô 02, 03, 06")."""
        raw = text[s:e]
        if "." in raw or "," in raw:
            return False  # "Trong năm 2016, 310.000 lính": a figure with a thousands separator is a quantity
        prev = self._prev_word(text, s)
        ls, items = s, 0
        while items < 8:
            if prev == "" and ls >= 2 and text[ls - 2 : ls] == ", ":
                m_list = _LIST_BEFORE.search(text, max(0, ls - 12), ls)
            elif prev in ("và", "hoặc"):
                m_list = _AND_LIST_BEFORE.search(text, max(0, ls - 16), ls)
            else:
                break
            if not m_list:
                break
            item = m_list.group().rstrip(" ,và")
            if len(item) == 4 and not len(raw) == 4 and 1900 <= int(item) <= 2100:
                break  # "năm 2016, 310 lính": a year, then a count
            ls = m_list.start()
            items += 1
            prev = self._prev_word(text, ls)
            if prev in self._guard_words or (self._prev_word(text, self._word_start(text, ls)), prev) in self._guard_pairs:
                self._near(s, e, "number.guard.id_list", "an item of a list of identifiers (Quân khu 1, 2, 3)")
                return True
        if items >= 2:
            self._near(s, e, "number.guard.id_list", "a bare figure after two bare figures: a list of identifiers (các canô 02, 03, 06)")
            return True
        return False

    @staticmethod
    def _word_start(text: str, s: int) -> int:
        """Where the word just before ``s`` starts (spaces skipped)."""
        j = s - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        while j >= 0 and text[j].isalnum() and s - j < 24:
            j -= 1
        return j + 1

    def _near(self, s: int, e: int, rule: str, why: str) -> None:
        if self._trace is not None:
            self._trace.near_miss(self.name, rule, s, e, why)

    def _compound_after(self, end: int) -> bool:
        """A counted two-word noun right after ``end`` whose first word alone would be a unit or an
        idiom ("3 tiếng nổ", "ba mặt trận")."""
        if self._next_word(self._lex.text, end) not in self.t.count_compounds.firsts:
            return False
        toks = _tokens(self._lex, end, min(len(self._lex.text), end + 24), right=True)
        return bool(self.t.count_compounds.at(toks.lower, 0)[0])

    def _five_counted(self, text: str, s: int, end: int) -> bool:
        """"năm" is five before a counted noun ("năm xe tăng", "năm địa phương"), not after a word
        that makes it a year ("hằng năm", "cả năm", "trong năm")."""
        if self._next_word(text, end) not in self.t.five_counts.firsts:
            return False
        prev = self._prev_word(text, s)
        if prev[-1:].isdigit():
            return False  # years after a figure ("50 năm Đại đội nữ pháo binh")
        if prev in self.t.five_not_after and not (
            prev == "trong" and self._prev_word(text, self._word_start(text, s)) == "một"  # "một trong năm cánh quân"
        ):
            return False
        toks = _tokens(self._lex, end, min(len(text), end + 30), right=True)
        k = self.t.five_counts.at(toks.lower, 0)[0]
        return bool(k) and not (k < len(toks.lower) and toks.lower[k] in self.t.five_not_before)

    def _range(self, text: str, s: int, e: int):
        """A range of two figures ("44-60 tiêm kích", "3-5%"): a candidate over both, read after the
        second; the reading gives one record per bound. None when it is no such range."""
        c = text[e : e + 2]
        if c[:1] not in "-–" and c not in (" -", " –", " đ", " t"):
            return None
        m = _RANGE_HIGH.match(text, e)
        if m is None or not _UNIT_OR_WORD_AFTER.match(text, m.end()):
            return None
        low, high = parse_digits(text[s:e]), parse_digits(m.group(1))
        if low is None or high is None or not 0 < low < high:
            return None
        if max(e - s, m.end() - m.start(1)) > 5 and not (
            _GROUPED.fullmatch(text, s, e) and _GROUPED.fullmatch(m.group(1))
        ):
            return None  # long digit strings are codes; thousands written with dots are figures ("50.000-60.000 người")
        if _RANGE_BEFORE.search(text, max(0, s - 8), s) or self._in_date(s, m.end()):
            return None
        if self._prev_word(text, s) in self._guard_words or self._next_word(text, m.end()) in self._reject_next:
            return None  # "Điều 5-7", "ngày 10-15", "18-25 tuổi"
        return (s, m.end(), low, None, "number.range")

    @staticmethod
    def _next_word(text: str, e: int) -> str:
        """The lower-cased word just after ``e`` (spaces skipped), or ""."""
        n = len(text)
        j = e
        while j < n and text[j] in " \t":
            j += 1
        k = j
        while k < n and text[k].isalnum() and k - j < 20:
            k += 1
        return text[j:k].lower()

    @staticmethod
    def _prev_word(text: str, s: int) -> str:
        """The lower-cased word just before ``s`` (spaces skipped), or ""."""
        j = s - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        k = j
        while k >= 0 and text[k].isalnum() and j - k < 20:
            k -= 1
        return text[k + 1 : j + 1].lower()

    def _word_candidate(self, text: str, s: int, e: int, *, five: bool = False):
        words = text[s:e].lower().split()
        value, used = parse_words(words, self.t.number_words)
        if five and words[0] == "chục":
            value, used = 10.0, 1  # "hơn chục hài cốt" (number.ten)
        if value is None or value == 0:
            return None
        if used == 1 and words[0] in self.t.word_alone_excluded and not five:
            return None
        if text[s].isupper() and not self._sentence_start(text, s):
            return None  # "Hai Bà Trưng", "ông Tám": a name
        if s >= 2 and text[s - 1] in "-–" and text[s - 2].isalpha():
            return None  # "Cu-ba", "Ả-rập": a syllable of a transcribed name
        one = used == 1 and words[0] == self.t.one_word
        # end of the used words
        end = s
        for _ in range(used):
            m = _WORD.match(text, end)
            end = m.end() if m else end
        if self._in_date(s, end):
            return None
        if self._quoted_pair(text, s, end):
            self._near(s, end, "number.guard.slogan", "a figure of a short quoted phrase that pairs figures: a slogan (\"một quốc gia, hai chế độ\")")
            return None
        if self._next_word(text, end) in self._reject_next_word_number and not self._compound_after(end) and not (
            _OF_TOTAL_AFTER.match(text, end)
        ):
            return None  # "hai năm", "hai bên đường" (but "Ba trong số 7 đảo": three of a total)
        prev = self._prev_word(text, s)
        if prev in self.t.word_number_not_after and self._prev_word(text, self._word_start(text, s)) not in self.t.word_number_not_after_except:
            return None  # "bộ ba hạt nhân": a trio, not three ("toàn bộ hai dự án" counts)
        if one:
            if prev in self.t.one_not_after:
                return None  # "là một đơn vị", "như một chiếc xe tăng": an article
            after_toks = _tokens(self._lex, end, min(len(text), end + 40), right=True)
            quoted = int(after_toks.surface[:1] in (['"'], ["“"]))  # một "trái lựu đạn": the noun in quotes
            if not self.t.one_counts.at(after_toks.lower, quoted)[0] and not self._one_counted(s, after_toks):
                return None  # "một số", "một cách": an article, not a count
            wide = _tokens(self._lex, end, min(len(text), end + 90), right=True)
            why = self._one_article(text, s, wide)
            if why:
                self._near(s, end, "number.guard.one_article", why)
                return None
            if self._one_indefinite(text, s, wide, quoted):
                self._near(s, end, "number.guard.one_indefinite", "một X mentioned in passing: not the reported thing (its noun is not in the headline), not in a list of counts, no outcome or finding")
                return None
        elif five and words[0] == "chục":
            self._near(s, end, "number.ten", "chục after a qualifier is ten")
        elif five:
            self._near(s, end, "number.five", "năm before a counted noun is five")
        return (s, end, value, None, "number.words")

    def _one_article(self, text: str, s: int, after: _Tokens) -> str:
        """Why "một" before a counted noun is still an article, or "": another or an ordinal in its noun
        phrase ("một đơn vị khác"), a verb of saying in its clause (an unnamed source: "một đại tá
        quân đội Syria nói"), a name given after the noun ("một người phụ nữ có tên Y"), an apposition after a name ("Kou Tai-Shen, một công dân Mỹ"), or a photo
        caption line ("Một đơn vị thông tin của quân đội Trung Quốc.")."""
        t = self.t
        aw = after.lower
        stop = len(aw)
        for k, w in enumerate(aw):
            if w in _CLAUSE_END and w not in ("-", "/"):
                stop = k
                break
        for k in range(min(stop, 6)):
            if t.one_article_inside.at(aw, k)[0]:
                return "another or an ordinal in the noun phrase after một (một đơn vị khác)"
        for k in range(min(stop, 8)):
            n = t.one_named.at(aw, k)[0] if aw[k] in t.one_named.firsts else 0
            if n and k + n < len(aw) and after.surface[k + n][:1].isupper():
                return "một X có tên / tên là Y: an article introducing someone by name, not a count"
        for k in range(min(len(aw), 14)):
            if aw[k] in _CLAUSE_END and aw[k] not in (",", "-", "/"):
                break
            if aw[k] in t.one_any.firsts and t.one_any.at(aw, k)[0]:
                return "một X ... nào / đâu đó: any or some one, not a count (một đơn vị, một doanh nghiệp nào)"
        only = self._prev_word(text, s) == "có" and self._prev_word(text, self._word_start(text, s)) == "chỉ"
        for k in range(0 if only else min(stop, 10)):
            if aw[k] in t.one_capability_after.firsts and t.one_capability_after.at(aw, k)[0]:
                return "một X ... có thể: what any such X can do, a type, not a count (một khu trục hạm có thể mang 96 quả)"
        if not only and self._hypothetical_before(s):
            return "một X in a hypothetical or generic clause (cần, nếu, có thể, dự định ... một X): not a reported count"
        j = s - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        if self._prev_word(text, s) == "theo" and (j < 4 or text[: j - 3].rstrip()[-1:] in ",;:(.!?\"“\n"):
            # "..., theo một X" opens its clause (not "mang theo một X")
            return "theo một X: according to an unnamed source, not a count (theo một quan chức, theo một nhà lập pháp Nga)"
        if j < 0 or text[j] in ",.!?:;\n\"“”'(":  # "một X" opens its clause
            for k in range(min(stop, 14)):
                if t.one_source_verbs.at(aw, k)[0]:
                    return "một X opening a clause with a verb of saying: an unnamed source (một quan chức cho biết)"
        if j > 0 and text[j] == ",":
            prev = self._prev_word(text, j)
            last = self._lex.lower[max(0, j - 30) : j].split()[-4:]
            listed = any(  # a counted noun before the comma: "hai lính Mỹ, một nhà thầu" (not "T 14 - Armata, một chiếc")
                (w in self._small_words or _DIGITS.fullmatch(w)) and n[:1].isalpha() and n not in self._reject_next_word_number
                for w, n in zip(last, last[1:])
            )
            if prev and text[j - len(prev) : j].strip()[:1].isupper() and not self._sentence_start(text, j - len(prev)) \
                    and not listed and not self._listed_after_count(s, counted=True):  # "gồm 6 máy bay P-8 A, một máy bay EP-3"
                return "một after a name and a comma: an apposition (Shiver, một công dân Mỹ)"
        if text[s].isupper() and (j < 0 or text[j] == "\n"):
            eol = text.find("\n", s, s + 240)
            line = text[s : eol if eol >= 0 else s + 240].strip()
            if self._photo_credit.search(line):
                return "a line opening with Một and carrying a photo credit (- Ảnh: X): a photo caption"
            dot = line.find(". ")
            first = line if dot < 0 else line[: dot + 1]
            words = len(first.split())
            if first.endswith(".") and (dot < 0 or line[dot + 2 :].startswith(("Ảnh", "Video"))) and (
                words <= 12 or (words <= 16 and dot < 0 and self._set_apart(text, s, eol))
            ):
                return "a short line opening with Một and ending with a full stop: a photo caption"
        return ""

    def _one_indefinite(self, text: str, s: int, after: _Tokens, quoted: int) -> bool:
        """Is "một X" before a counted noun an indefinite mentioned in passing ("vào cuối tháng 5 một tàu chiến
        Mỹ đã tiến hành diễn tập")? The gold keeps "một X" as a weak count only where the single item is the
        reported thing: its noun in the headline, an item of a list of counts or a pair ("một chiếc xe tăng và
        một xe ủi đất"), after "chỉ", a scale or a count noun of reports (one_always), after a verb of finding,
        losing or giving (one_keep_before: "phát hiện một quả bom"), or with an outcome in its clause
        (one_outcomes: "một đại úy phi công đã hy sinh")."""
        t = self.t
        if self._headline_pass or s < self._lead_end:
            return False
        aw = after.lower
        head = quoted
        if head < len(aw) and aw[head] in t.one_classifiers:
            head += 1  # "một chiếc cường kích": the noun after the classifier
        if head >= len(aw) or aw[head] in self._title_words or t.one_always.at(aw, quoted)[0]:
            return False  # the reported thing, a scale or a report count noun
        stop = len(aw)
        for k, w in enumerate(aw):
            if w in _SENTENCE_END or w == ";":
                stop = k
                break
        for k in range(min(stop, 20)):
            if aw[k] in t.one_outcomes.firsts and t.one_outcomes.at(aw, k)[0]:
                return False  # "một đại úy phi công đã hy sinh"
        low = self._lex.lower
        before = low[max(0, s - 40) : s].split()
        if t.qual_before.ending(before, len(before))[0]:
            return False  # "ít nhất một tiểu đội tự vệ"
        clause = before[-7:]
        if any(c in w for w in clause for c in ",.;:!?()\"“”"):
            clause = clause[max(i for i, w in enumerate(clause) if any(c in w for c in ",.;:!?()\"“”")) + 1 :]
        if any(w in t.one_keep_before.firsts and t.one_keep_before.at(clause, k)[0] for k, w in enumerate(clause)):
            return False  # "phát hiện (hình ảnh) một quả bom", "tặng Đại hội Đoàn một chiếc chén ngọc"
        if ("một" in before[-8:] and before[-1:] == ["và"]) or ("một" in aw[1:8] and ("và" in aw[1:8] or "," in aw[1:8])):
            return False  # a pair of "một X": "một sư đoàn đổ bộ đường không và một sư đoàn bộ binh"
        for sep in (",", "và"):  # a counted noun listed with a word figure: "một đơn vị biên phòng, hai tiểu đoàn"
            if sep in aw[1:6] and self._count_figure(after, aw.index(sep, 1) + 1, words=True):
                return False
        return not self._one_counted(s, after) and not self._listed_after_count(s)

    def _listed_after_count(self, s: int, *, counted: bool = False) -> bool:
        """Is "một" at ``s`` the last item of a list, after "và" or a comma, whose earlier item is a count in the
        same sentence ("có 4 tàu của Cảnh sát biển, Hải quân vùng 4, Biên phòng và một máy bay quân sự")? With
        ``counted``, only a figure that counts a noun (not "Đội Tăng hộ vệ số 1 sẽ", "Hải quân vùng 4")."""
        low = self._lex.lower
        j = s - 1
        while j >= 0 and low[j] in " \t":
            j -= 1
        if j < 0 or not (low[j] == "," or low.endswith("và", max(0, j - 1), j + 1)):
            return False
        a = max(0, s - 120)
        if not _ANY_DIGIT.search(low, a, s) and self._small_words.isdisjoint(low[a:s].split()):
            return False  # no figure before it to be listed with
        left = _tokens(self._lex, a, s, right=False)
        lw = left.lower
        if not lw or lw[-1] not in ("và", ","):
            return False
        for k in range(len(lw) - 2, max(-1, len(lw) - 20), -1):
            if lw[k] in _SENTENCE_END or lw[k] in (";", ":", "(", ")", '"', "“", "”"):
                return False
            if self._count_figure(left, k, words=True) and not (counted and self._numbered(left, k)):
                return True
        return False

    def _numbered(self, toks: _Tokens, k: int) -> bool:
        """Is figure ``k`` of ``toks`` a number (after an identifier head, "số 1", "vùng 4") or followed by no
        noun ("1 sẽ")?"""
        t = self.t
        lw = toks.lower
        if t.id_heads.ending(lw, k)[0] and not t.id_exceptions.ending(lw, k)[0]:
            return True
        return bool(t.name_tail_after.at(lw, k + 1)[0] or t.stops.at(lw, k + 1)[0])

    def _hypothetical_before(self, s: int) -> bool:
        """Does the clause before "một" at ``s`` hold a word that makes it hypothetical or generic ("có thể
        tấn công một tàu sân bay", "dự định thành lập một tiểu đoàn")?"""
        low = self._lex.lower
        a = _after_last(low, ",.;:!?\n(\"“”", max(0, s - 60), s)
        words = low[a:s].split()
        table = self.t.one_hypothetical_before
        k = 0
        while k < len(words):
            n, hypothetical = table.at(words, k) if words[k] in table.firsts else (0, None)
            if n and hypothetical:
                return True
            k += n or 1  # "buộc phải": the longer phrase, not hypothetical, covers "phải"
        return False

    @staticmethod
    def _set_apart(text: str, s: int, eol: int) -> bool:
        """Is the line from ``s`` to ``eol`` set apart by a blank line before or after it, or the last
        line of the text (where captions stand)?"""
        if eol < 0 or not text[eol:].strip():
            return True
        before = text[max(0, s - 3) : s]
        return before.endswith(("\n\n", "\n \n")) or text[eol : eol + 3].startswith(("\n\n", "\n \n"))

    def _one_counted(self, s: int, after: _Tokens) -> bool:
        """"một" before a noun counts after "chỉ" ("chỉ một người thoát") or in a list of counts
        ("4 cán bộ huyện và một cán bộ xã", "một bệnh viện bị san phẳng, 8 thường dân")."""
        t = self.t
        aw = after.lower
        if not aw or not _is_word(aw[0]) or t.stops.at(aw, 0)[0]:
            return False
        if t.word_not_count.at(aw, 0)[0] and not t.count_compounds.at(aw, 0)[0]:
            return False  # "một mặt" (but "một nhà thầu")
        text = self._lex.text
        prev = self._prev_word(text, s)
        if prev in t.one_after.lasts:  # "chỉ một", "chỉ có một" (two words back at most)
            k = s - 1
            while k >= 0 and not text[k].isalnum():
                k -= 1
            before = self._prev_word(text, k - len(prev) + 1) if k >= len(prev) else ""
            if t.one_after.ending([before, prev], 2)[1]:
                return True
        j = s - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        if (prev == "và" or (not prev and j >= 0 and text[j] == ",")) and (
            _ANY_DIGIT.search(text, max(0, s - 60), s) or not self._small_words.isdisjoint(self._lex.lower[max(0, s - 60) : s].split())
        ):
            left = _tokens(self._lex, max(0, s - 60), s, right=False)
        else:
            left = _Tokens()
        lw = left.lower
        if lw and lw[-1] in ("và", ","):
            for k in range(len(lw) - 2, max(-1, len(lw) - 9), -1):
                if lw[k] in _CLAUSE_END and lw[k] != "," and not self._in_code(left, k):
                    return False  # another clause or a quotation (not the dash of "Tu-95")
                if self._count_figure(left, k, words=True):
                    return True
            return False
        if "," in aw[1:6]:
            k = aw.index(",", 1) + 1
            return self._count_figure(after, k)
        if "và" in aw[1:6]:  # "một Ban Thường vụ Tỉnh ủy và 5 cán bộ"
            k = aw.index("và", 1) + 1
            return self._count_figure(after, k)
        return False

    def _in_code(self, toks: _Tokens, k: int) -> bool:
        """Is token ``k`` a dash or a slash glued to the letters and digits around it ("Tu-95", "F/A")?"""
        text = self._lex.text
        a, b = toks.starts[k], toks.ends[k]
        return toks.lower[k] in ("-", "/") and b < len(text) and text[b].isalnum() and (
            0 < a and (text[a - 1].isalnum() or text[b].isdigit())
        )  # a clause dash has spaces on both sides; "IL -76" is a code

    def _count_figure(self, toks: _Tokens, k: int, *, words: bool = False) -> bool:
        """Is token ``k`` a figure that counts the word after it (not a date, a code or a share)? With
        ``words``, a word figure of two to ten too ("hai lính Mỹ, một nhà thầu")."""
        if k + 1 >= len(toks.surface) or not _is_word(toks.surface[k + 1]):
            return False
        if not _DIGITS.fullmatch(toks.surface[k]) and not (
            words and toks.lower[k] in self._small_words and toks.lower[k + 1] not in self._reject_next_word_number
        ):
            return False
        if toks.lower[k + 1] in self._reject_next:
            return False  # "21 tuổi", "130 km"
        a = toks.starts[k]
        text = self._lex.text
        return not (a and text[a - 1] in "-/.") and not self._in_date(a, toks.ends[k])

    @staticmethod
    def _sentence_start(text: str, s: int) -> bool:
        j = s - 1
        while j >= 0 and text[j] in " \t\"'“‘(-–":
            j -= 1
        return j < 0 or text[j] in ".!?:\n…"

    # ---- reading one candidate -----------------------------------------------------
    def _read(self, doc, text, s, e, value, total, rule, out, spans) -> None:
        t = self.t
        left = _tokens(doc.lex, max(0, s - _WINDOW_LEFT), s, right=False)
        lw = left.lower
        nl = len(lw)
        prev_is_pair = nl > 0 and lw[-1] == "/"
        # --- guards on the left: identifiers, ordinals, dates
        if not prev_is_pair and nl:
            k, _ = t.id_exceptions.ending(lw, nl)
            if k and t.id_heads.ending(lw, nl)[0] > k:
                k = 0  # a longer identifier head wins: "Tập đoàn quân số 12" is not "quân số" (strength)
            if not k:
                k, _ = t.id_heads.ending(lw, nl)
                size = self._collective_count(" ".join(lw[nl - k : nl]), e) if k and total is None else ""
                if size:
                    doc.explain(self.name, size, left.starts[nl - k], e)
                    k = 0  # "nhóm 12 chuyên gia": a group of twelve, not group no. 12; "Mỹ điều 2 máy bay"
                if k and total is None:
                    return self._drop(doc, "number.guard.identifier", s, e)
                j = nl
                while j and (kb := t.unit_branches.ending(lw, j)[0]):
                    j -= kb
                if j < nl and t.id_heads.ending(lw, j)[0] and total is None:
                    return self._drop(doc, "number.guard.unit_name", left.starts[j], e)  # "Sư đoàn Không quân 372"
                k, _ = t.temporal_before.ending(lw, nl)
                if k and not (k == 1 and self._receiver_name_end(text, s, lw[-1])):
                    return self._drop(doc, "number.guard.temporal", s, e)
        right = _tokens(doc.lex, e, min(len(text), e + _WINDOW_RIGHT), right=True)
        rw = right.lower
        # --- unit
        i = 0
        unit = "count"
        change_only = False
        ratio = total is not None
        written = value
        shared = self._shared_noun(right) if rule == "number.digits" and total is None else 0
        if shared:  # "2.500 và hơn 2.000 binh sĩ", "6 hoặc 7 hành khách": unit and noun after the second figure
            i = shared
            doc.explain(self.name, "number.shared_noun", s, right.ends[i - 1])
        if rule in ("number.digits", "number.range") and i < len(rw) and rw[i] in t.scales:
            value *= t.scales[rw[i]]
            scale_word = rw[i]
            i += 1
            if i < len(rw) and t.scales.get(rw[i], 0) > t.scales[scale_word]:  # "7 nghìn tỷ"
                value *= t.scales[rw[i]]
                scale_word = rw[i]
                i += 1
            doc.explain(self.name, "number.scale", right.starts[0], right.ends[i - 1])
        else:
            scale_word = None
        k, row = t.units.at(rw, i) if not t.count_compounds.at(rw, i)[0] else (0, None)
        if k and isinstance(row, UnitRow) and row.unit == "noun":
            k, row = 0, None
        currency = None
        if k and isinstance(row, UnitRow):
            if row.unit in ("measure", "time", "age"):
                return self._drop(doc, "number.guard.measure", s, right.ends[i + k - 1])
            if row.unit == "foreign":  # money in another currency: the subject names it ("15 tỉ USD")
                currency = text[right.starts[i] : right.ends[i + k - 1]]  # as written ("USD", "ơ-rô")
            unit = "money" if row.unit == "foreign" else row.unit
            change_only = row.change_only
            value *= row.multiplier
            i += k
            doc.explain(self.name, "number.unit", right.starts[i - k], right.ends[i - 1])
        elif scale_word in t.money_scales and (
            i >= len(rw) or not _is_word(rw[i]) or t.stops.at(rw, i)[0] or rw[i] in t.money_nouns
        ):
            unit = "money"
            doc.explain(self.name, "number.money", s, right.ends[i - 1])
        unit_end = right.ends[i - 1] if i else e
        # --- a change of the previous figure ("tăng 0,4%")
        kc, direction = t.change_words.ending(lw, nl) if not prev_is_pair else (0, None)
        changed: Optional[NumericResult] = None
        if kc:
            if self._attach_change(text, s, value, unit if unit != "count" or i else None, str(direction), out, spans):
                doc.explain(self.name, "number.change", left.starts[nl - kc], unit_end)
                return None
            if change_only:
                return self._drop(doc, "number.guard.change_alone", s, e)
            doc.explain(self.name, "number.change_alone", left.starts[nl - kc], unit_end)  # "giảm 10% biên chế"
            if unit == "percent" and out and out[-1].unit == "money" and out[-1].change is not None and out[-1].change.value == value:
                changed = out[-1]  # "đạt 47 tỷ USD, tăng 1,3%": the change of the amount before it
        if change_only:
            if "," in text[s:e]:  # "1,5 điểm", "27,95 điểm": a mark, not a count
                return self._drop(doc, "number.guard.measure", s, right.ends[i - 1])
            unit = "count"
            i = 0
            unit_end = e
        if unit == "count" and i == 0 and len(rw) >= 3 and rw[1] == "/" and rw[2] in t.rate_per:
            return self._drop(doc, "number.guard.measure", s, right.ends[2])  # "5.000 phát/phút": a rate
        if unit == "count":
            kr = self._rate_every(rw, i)
            if kr:  # "350-400 viên đạn mỗi phút": a rate of fire
                return self._drop(doc, "number.guard.measure", s, right.ends[kr - 1])
            if i == 0 and t.configuration_words.at(rw, 0)[0] and not t.count_compounds.at(rw, 0)[0] and self._vehicle_before(lw):
                return self._drop(doc, "number.guard.configuration", s, right.ends[0])  # "xe thiết giáp 8 bánh"
            kn = t.word_not_count.at(rw, i)[0] if rule != "number.words" and rw[i : i + 1] and rw[i] in t.subject_whole else 0
            if kn >= 2 and not t.count_compounds.at(rw, i)[0]:  # "ở 2 bên thân": the sides of a thing, not parties
                return self._drop(doc, "number.guard.not_count", s, right.ends[i + kn - 1])
        if rule == "number.digits" and value == 1 and unit == "count" and not ratio and i == 0 and rw[:1] == ["trong"]:
            return self._drop(doc, "number.guard.one_of", s, right.ends[0])  # "1 trong những cố vấn", "1 trong 5 nền kinh tế"
        if rule == "number.digits" and unit == "count" and not ratio and i == 0 and t.name_tail_after.at(rw, 0)[0] \
                and self._prev_word(text, s) not in t.name_tail_not_after:
            return self._drop(doc, "number.guard.name_tail", s, right.ends[0])  # "Bộ Tư lệnh 470 là", "tàu 367 đã cập cảng"
        # --- qualifiers
        qualifier = None
        qstart = s
        kq, q = t.qual_before.ending(lw, nl)
        if kq:
            qualifier = q
            qstart = left.starts[nl - kq]
            doc.explain(self.name, "number.qualifier.before", qstart, left.ends[nl - 1])
        ka, qa = t.qual_after.at(rw, i)
        if ka:
            qualifier = qa
            doc.explain(self.name, "number.qualifier.after", right.starts[i], right.ends[i + ka - 1])
            i += ka
            unit_end = right.ends[i - 1]
        # --- "X trên tổng số Y": Y is the total
        total_own = -1  # where the total of "X trong (tổng) số Y" starts, read as a figure of its own too
        ko, _ = t.of_total.at(rw, i) if total is None else (0, None)
        if ko:
            kk = i + ko
            kq3, _ = t.qual_before.at(rw, kk)
            kk += kq3
            if kk < len(rw) and rw[kk][:1].isdigit():
                tv = parse_digits(rw[kk])
                if tv is not None and tv >= value:
                    total = tv
                    ratio = True
                    doc.explain(self.name, "number.of_total", right.starts[i], right.ends[kk])
                    if t.of_total_own.at(rw, i)[0] == ko and tv > value:
                        total_own = right.starts[kk]  # "5 trong số 18 quân đoàn": 18 is a count of its own
                    i = kk + 1
                    unit_end = right.ends[kk]
        # --- subject (a bracketed figure right after is skipped: "11.200/53.000 (21%) bị mắc bệnh")
        subject, subj_end = None, unit_end
        si = i
        if si < len(rw) and rw[si] == "(" and ")" in rw[si : si + 8]:
            close = rw.index(")", si)
            if any(w[:1].isdigit() for w in rw[si:close]):
                si = close + 1
        sub_words, j_end = self._subject_right(right, si, predicate=(unit == "percent"))
        total_end = 0
        ko = t.of_total.at(rw, j_end)[0] if total is None and sub_words else 0
        if ko and j_end + ko < len(rw) and rw[j_end + ko][:1].isdigit():  # "230 tàu thuyền trên tổng số 400 tàu"
            tv = parse_digits(rw[j_end + ko])
            if tv is not None and tv >= value:
                total, ratio, total_end = tv, True, right.ends[j_end + ko]
                doc.explain(self.name, "number.of_total", right.starts[j_end], total_end)
        how = "none"
        if unit == "money" and not (sub_words and rw[si] in t.money_nouns):  # "340 triệu tiền đất": the noun after
            before = self._money_subject(left, nl - kq if kq else nl)
            if before:
                sub_words = []
                subject = before
                how = "paid_for"
        if sub_words:
            if rule == "number.words" and unit == "count":  # "hai tỷ USD được …": the unit is read
                kn, _ = t.word_not_count.at(rw, i)
                if kn and not t.count_compounds.at(rw, i)[0]:
                    return self._drop(doc, "number.guard.not_count", s, right.ends[i + kn - 1])
            subject = " ".join(sub_words)
            subj_end = right.ends[j_end - 1]
            how = "after"
        elif unit == "count" and (not ratio or total == value) and not (
            rule == "number.digits"
            and (self._linked_alone(left, kq, right) or (
                (not right.surface or right.surface[0] in _CLAUSE_END) and self._count_head_before(s)))
        ):
            return self._drop(doc, "number.guard.bare", s, unit_end)  # "trực 24/24": not a reported quantity
        elif changed is not None and changed.subject:
            subject, how = _CURRENCY_TAIL.sub("", changed.subject), "borrowed"  # the amount's subject, not its currency
        elif unit != "money" or subject is None:
            subject, how = self._left_or_borrowed(text, s, out, spans)
        if sub_words and len(sub_words) == 1 and sub_words[0].lower() in t.heads_alone and nl:
            kl, _ = t.link_verbs.ending(lw, nl - kq if kq else nl)
            if kl:  # "Số công dân có trình độ đại học là hơn 1.800 người"
                left_subject, left_how = self._left_or_borrowed(text, s, out, spans)
                if left_subject:
                    subject, how = left_subject, left_how
        if rule == "number.ratio" and unit == "count" and total is not None:
            why = self._ratio_not_count(text, s, e, value, total, left, bool(sub_words))
            if why:  # why: the reading the guard found ("a document's number", "a date", "a scale", "a name's number")
                return self._drop(doc, "number.guard.ratio", s, e)
        # a bare year or a count glued to a capitalized name is a date or an identifier
        if unit == "count" and not ratio and rule == "number.digits":
            raw = text[s:e]
            if raw.isdigit() and len(raw) == 4 and 1900 <= value <= 2100:
                return self._drop(doc, "number.guard.year", s, e)  # counts of this size are written "2.015"
            last = left.surface[-1] if nl else ""
            if self._name_dash_number(left, right, s):
                return self._drop(doc, "number.guard.name", left.starts[-2], e)  # "Kri Sultan Hasanuddin - 366 và"
            acronym = nl >= 2 and last.isupper() and last.isalpha() and len(last) <= 6
            if acronym and sub_words and si == i and t.counts_after_acronym.at(rw, si)[0]:
                doc.explain(self.name, "number.acronym_count", left.starts[-1], right.ends[si])  # "CAND 31 công dân"
            elif last[:1].isupper() and not kq and not (sub_words and (self._after_place(left) or self._after_receiver(doc, left, s))):
                if acronym and (len(last) > 1 or left.surface[-2] in ("/", "-")) and left.surface[-2] not in _SENTENCE_END:
                    return self._drop(doc, "number.guard.code", left.starts[-1], e)  # "SAR 273", "CASA 212"
                if nl >= 2 and left.surface[-2] not in _SENTENCE_END:
                    return self._drop(doc, "number.guard.name", left.starts[-1], e)  # "Quân khu 7"
        if rule == "number.digits" and unit == "count" and not ratio:
            raw = text[s:e]
            if _COMMA_THOUSAND.fullmatch(raw):
                value = float(raw.replace(",", ""))  # "1,300 người": thousands, people are whole
                doc.explain(self.name, "number.thousands", s, e)
        span_end = subj_end if sub_words and si == i else unit_end  # a skipped bracket keeps its own figure
        if shared:
            span_end = e  # the second figure and its noun are a record of their own
        span_end = max(span_end, total_end)  # the total's figure is read: not a figure of its own
        if any(a < span_end and qstart < b for a, b in spans[-3:]):
            return self._drop(doc, "number.guard.overlap", qstart, span_end)
        record_end = span_end
        if not _faithful(doc, qstart, record_end):
            # the normalizer dropped a character inside (zero-width, a stray combining mark):
            # keep the span to the figure itself, or nothing
            record_end = unit_end
            if not _faithful(doc, qstart, record_end):
                return self._drop(doc, "number.guard.unfaithful", qstart, record_end)
        if currency:
            if subject and how == "borrowed":
                subject = _CURRENCY_TAIL.sub("", subject)  # "5 triệu EUR (5,7 triệu USD)": one currency, its own
            subject = f"{subject} ({currency})" if subject else currency
        rule = f"{rule}.{how}"
        where = doc.span(qstart, record_end)
        rec = NumericResult(
            **where,
            value=float(f"{value:.12g}"),  # "8,2 tỷ" is 8200000000, not 8199999999.999999
            unit=unit,  # type: ignore[arg-type]
            subject=subject,
            total=total,
            qualifier=qualifier,  # type: ignore[arg-type]
            rule=rule,
        )
        out.append(rec)
        spans.append((qstart, span_end))
        doc.explain(self.name, rule, qstart, span_end)
        if total_own >= 0 and unit == "count":  # the whole the part is of, a count the report gives too
            out.append(rec.model_copy(update={**doc.span(total_own, record_end), "value": float(total), "total": None, "qualifier": None}))
            spans.append((total_own, span_end))
            doc.explain(self.name, "number.total_own", total_own, record_end)
        if s in self._range_high and rule.startswith("number.range"):  # the upper bound, read the same way
            high_start, high = self._range_high[s]
            out.append(rec.model_copy(update={**doc.span(high_start, record_end), "value": float(f"{high * value / written:.12g}")}))
            spans.append((high_start, span_end))

    def _rate_every(self, rw: list[str], i: int) -> int:
        """End (token index) of "mỗi giây/phút/giờ" after a figure's noun in its clause, or 0: the figure is a
        rate ("350-400 viên đạn mỗi phút", "20.000 quân qua vĩ tuyến 38 trong mỗi giờ")."""
        table = self.t.rate_every
        for k in range(i, min(len(rw), i + 10)):
            if rw[k] in _CLAUSE_END:
                return 0
            if rw[k] in table.firsts:
                n = table.at(rw, k)[0]
                if n:
                    return k + n
        return 0

    def _vehicle_before(self, lw: list[str]) -> bool:
        """Is there a vehicle noun among the last six words before a figure, in its clause ("xe thiết giáp 8
        bánh", "máy bay cánh bằng nhỏ 2 chỗ ngồi")?"""
        table = self.t.configuration_vehicles
        for j in range(len(lw), max(0, len(lw) - 6), -1):
            if lw[j - 1] in _CLAUSE_END:
                return False
            if table.ending(lw, j)[0]:
                return True
        return False

    def _name_dash_number(self, left: _Tokens, right: _Tokens, s: int) -> bool:
        """Is the figure at ``s`` a name's number: after a capitalized word and a spaced dash, with no counted
        noun after it ("Kri Sultan Hasanuddin - 366 và Kri Sultan Iskandar Muda - 367 của Indonesia"; not
        "Mosul ở Iraq - 2 thành lũy")?"""
        nl = len(left.surface)
        if nl < 2 or left.surface[-1] not in ("-", "–") or not left.surface[-2][:1].isupper():
            return False
        if left.starts[-1] == left.ends[-2] or left.ends[-1] == s:
            return False  # "Su-35", "F-16": a code glued by its dash (read elsewhere)
        rs, rw = right.surface, right.lower
        if not rs or not _is_word(rs[0]) or rs[0][:1].isupper():
            return True
        t = self.t
        return rw[0] in t.coordinators or bool(t.stops.at(rw, 0)[0]) or bool(t.name_tail_after.at(rw, 0)[0])

    def _slogan(self, text: str, s: int, e: int) -> bool:
        """Does the figure open a short quoted phrase, or an item of one, before a word of slogans
        ("2 nhất, 2 không", "5 không")? A slogan or a movement's name, not a count ("4 nạn nhân" counts)."""
        m = _QUOTED_BEFORE.search(text, max(0, s - 16), s)
        if m is None or self._next_word(text, e) not in self.t.slogan_words:
            return False
        close = _QUOTE_CLOSE.search(text, e, e + 32)
        return close is not None and len(text[m.end() : close.start()].split()) <= 5

    def _ratio_not_count(self, text: str, s: int, e: int, value: float, total: float, left: _Tokens, noun: bool) -> str:
        """Why a ratio "X/Y" is no count of a total, or "": a document's number over its year ("Nghị định
        140/2004"), or, with no counted noun after it, a day and a month after a word of time ("từ 1/7", "lễ
        2/9"), 1 over a hundred or more (a scale: "quy hoạch 1/2.000"), or, with no counted noun after it, a name's
        number ("nhà giàn DK 1/10", "thủy lôi Mark 60/67")."""
        raw = text[s:e]
        slash = raw.find("/")
        if len(raw) - slash - 1 == 4 and 1900 <= total <= 2100 and value > 12:
            return "a number over a four-digit year: a document's number (Nghị định 140/2004)"
        lw = left.lower
        if value <= 31 and total <= 12 and lw and lw[-1] in self.t.ratio_date_before:
            return "a day and a month after a word of time (từ 1/7, lễ 2/9): a date, not a count"
        if value == 1 and total >= 100:
            return "1 over a hundred or more: a scale or a rate (quy hoạch 1/2.000, 1/1.000 dân), not a count"
        if noun:
            return ""
        last = left.surface[-1] if lw else ""
        if last[:1].isupper() and len(lw) >= 2 and left.surface[-2] not in _SENTENCE_END:
            return "a ratio glued to a capitalized name with nothing counted: the name's number (DK 1/10, Mark 60/67)"
        return ""

    def _quoted_pair(self, text: str, s: int, e: int) -> bool:
        """Is the figure at ``s:e`` one of two figures or more in a short quoted phrase ("3 người 5 biết",
        "một quốc gia, hai chế độ", "một mũi tên trúng hai đích")? A slogan or a saying pairs its figures; a
        quoted report ("5.000 binh sĩ tới Colombia") holds one."""
        a = max(0, s - _QUOTE_REACH)
        ls = text.rfind("\n", a, s) + 1
        a = max(a, ls)
        open_at = max(text.rfind('"', a, s), text.rfind("“", a, s))
        if open_at < 0 or text.rfind("”", a, s) > open_at:
            return False
        if text[open_at] == '"' and text.count('"', ls, open_at) % 2:
            return False  # the quote before the figure closes a quotation
        m = _QUOTE_CLOSE.search(text, e, min(len(text), e + _QUOTE_REACH))
        if m is None or "\n" in text[e : m.start()]:
            return False
        words = self._lex.lower[open_at + 1 : m.start()].replace(",", " ").split()
        if not 2 <= len(words) <= _QUOTED_PAIR_WORDS:
            return False
        figures = sum(1 for w in words if _DIGITS.fullmatch(w) or w in self._small_words or w == self.t.one_word)
        return figures >= 2

    def _collective_count(self, head: str, e: int) -> str:
        """The rule that makes the figure ending at ``e`` a count after an identifier ``head``, or "": a
        collective head and its members after the figure give a size ("nhóm 12 chuyên gia", "đoàn 30 cán
        bộ"; number.collective), a head that is also a verb and a counted noun after it a count ("Mỹ điều 2
        máy bay ném bom", "thông báo hai chiếc B-52"; number.verb_head)."""
        if head in self.t.collective_heads:
            rule, members = "number.collective", self.t.collective_members
        elif head in self.t.verb_heads:
            rule, members = "number.verb_head", self.t.verb_head_members
        else:
            return ""
        text = self._lex.text
        if self._next_word(text, e) not in members.firsts:
            return ""
        toks = _tokens(self._lex, e, min(len(text), e + 30), right=True)
        return rule if members.at(toks.lower, 0)[0] else ""

    def _shared_noun(self, right: _Tokens) -> int:
        """Where the unit or noun of a figure coordinated with the next one starts ("2.500 và hơn 2.000
        binh sĩ": after the second figure), or 0."""
        rw = right.lower
        if len(rw) < 3 or rw[0] not in self.t.coordinators:
            return 0
        j = 1 + self.t.qual_before.at(rw, 1)[0]
        if j + 1 >= len(rw) or not _DIGITS.fullmatch(right.surface[j]) or not _is_word(right.surface[j + 1]):
            return 0
        if self._in_date(right.starts[j], right.ends[j]) or right.surface[j + 1][:1].isupper():
            return 0
        if rw[j + 1] in self.t.coordinators or rw[j + 1] in self.t.trailing or self.t.stops.at(rw, j + 1)[0]:
            return 0  # "18 hoặc 19 và được đào tạo": no noun after the second figure
        a = right.starts[j]
        if self._lex.text[a - 1 : a] in "-/.,":
            return 0
        return j + 1

    def _after_place(self, left: _Tokens) -> bool:
        """The capitalized words before the figure name a place ("xã An Bình 397 cử tri")."""
        j = len(left.surface)
        while j and left.surface[j - 1][:1].isupper() and len(left.surface) - j < 4:
            j -= 1
        return j < len(left.surface) and bool(self.t.place_heads.ending(left.lower, j)[0])

    def _receiver_name_end(self, text: str, s: int, prev: str) -> bool:
        """Is the word before ``s`` a temporal word only as the capitalized end of a receiver's name ("cho Thổ Nhĩ
        Kỳ 4 khẩu đội", "cho Hoa Kỳ 2 tàu"; not "kỳ 4", nor an identifier head: "cho Quân khu 7 nhiệm vụ")?"""
        if prev not in self._temporal_words or prev in self._id_words:
            return False
        if not text[self._word_start(text, s) : s].strip()[:1].isupper():
            return False
        return self._after_receiver(None, _tokens(self._lex, max(0, s - 40), s, right=False), s)

    def _after_receiver(self, doc: Optional[Document], left: _Tokens, s: int) -> bool:
        """The capitalized words before the figure name who receives it, after a word of giving ("bán cho
        Đài Loan 108 xe tăng", "tặng Philippines 5.000 khẩu AK-47", "cho Thổ Nhĩ Kỳ 4 khẩu đội": not the
        period "kỳ 4"): the figure counts, it is no name's number."""
        j = len(left.surface)
        while j and left.surface[j - 1][:1].isupper() and len(left.surface) - j < 4:
            j -= 1
        if j == len(left.surface) or not self.t.receiver_heads.ending(left.lower, j)[0]:
            return False
        if left.lower[j] in self._id_words or left.lower[j] in self.t.collective_heads:
            return False  # a numbered unit receives: "cung cấp cho Đội 192", "cho Vùng 2"
        if doc is not None:
            doc.explain(self.name, "number.receiver", left.starts[j - 1], s)
        return True

    def _linked_alone(self, left: _Tokens, kq: int, right: _Tokens) -> bool:
        """A figure alone after a link verb ends its clause: its subject is before it
        ("Số thanh niên tình nguyện nhập ngũ là 762,", "tổng số người tham gia cứu hộ gần 1.000,")."""
        lw, n = left.lower, len(left.lower) - kq
        if n >= 3 and lw[n - 1] in self.t.coordinators and _DIGITS.fullmatch(left.surface[n - 2]) and not kq:
            n -= 2  # the second of a pair of bare figures: "con số này của Iran là 1.650 và 2.215."
        if not self.t.of_number.ending(lw, n)[0]:
            return False
        rs = right.surface
        if len(rs) >= 2 and right.lower[0] in self.t.coordinators and _DIGITS.fullmatch(rs[1]) and (
            len(rs) == 2 or rs[2] in _CLAUSE_END
        ):
            return True  # the first of such a pair
        return not rs or rs[0] in _CLAUSE_END

    def _subject_right(self, right: _Tokens, i: int, *, predicate: bool) -> tuple[list[str], int]:
        """The counted noun after the number and what qualifies it ("thanh niên lên đường nhập ngũ"):
        words up to a stop word, a sign or another figure; a comma goes on into a short list
        ("9 huyện, thị xã, thành phố")."""
        t = self.t
        rw, surf = right.lower, right.surface
        words: list[str] = []
        j = i
        if j + 1 < len(rw) and rw[j] in ('"', "“") and _is_word(surf[j + 1]):
            j += 1  # một "trái lựu đạn": the noun in quotes
            i += 1
        if j < len(rw) and rw[j] in t.plural_words:
            j += 1  # "gần 200 các cựu binh": the plural mark is not the subject
            i += 1
        if predicate and j < len(rw):
            k, _ = t.predicate_after.at(rw, j)
            if k:  # "100% đạt yêu cầu": the predicate is what the share is of
                words.extend(surf[j : j + k])
                j += k
        ends: list[int] = []  # the token index just after each kept word
        through = False
        owner = 0  # words read after "của", "ở" … (number.subject_of)
        while j < len(rw) and len(words) < _MAX_SUBJECT_RIGHT:
            tok = surf[j]
            if tok == "," and words and self._short_list_item(right, j + 1):
                words[-1] += ","
                j += 1
                continue
            if words and self._code_dash(right, j):
                words[-1] += tok + surf[j + 1]  # "tiêm kích F-22", "cường kích Su-25": the model code whole
                self._trace.explain(self.name, "number.subject_code", right.starts[j - 1], right.ends[j + 1])
                j += 2
                ends[-1] = j
                continue
            if not _is_word(tok):
                break
            if not words and rw[j] in t.heads_alone:
                words.append(tok)
                j += 1
                ends.append(j)
                if rw[j - 1] in t.subject_whole:
                    break  # "hai bên đã có thỏa thuận": the parties, not what they did
                continue
            k, _ = t.stops.at(rw, j)
            if k and words and f"{words[-1].lower()} {rw[j]}" in t.subject_compounds:
                k = 0  # "xe tăng": a noun, not "tăng" (increase)
            if k == 1 and words and not through and rw[j] in t.subject_through and self._plain_after(right, j + 1):
                k = 0  # "binh sĩ Mỹ ở Iraq", "tàu của Bộ chỉ huy": the owner or the place stays with the noun
                self._trace.explain(self.name, "number.subject_of", right.starts[j], right.ends[j])
                through = True
                words.append(tok)
                j += 1
                ends.append(j)
                continue
            if k or (words and rw[j] in t.number_words and rw[j] not in t.word_alone_excluded):
                break  # a stop word, or the next figure ("ba tập thể và hai cá nhân")
            if through:
                owner += 1
                if owner > _MAX_OWNER_WORDS or (owner > 1 and (rw[j] in t.trailing or t.name_tail_after.at(rw, j)[0])):
                    break  # the owner or the place is a short noun phrase: "của Nga (từng tiếp cận …)"
            words.append(tok)
            j += 1
            ends.append(j)
        while words and (words[-1].lower().rstrip(",") in t.trailing or words[-1].endswith(",")):
            if words[-1].endswith(","):
                words[-1] = words[-1][:-1]
                continue
            words.pop()
            if ends:  # else the word was the predicate's ("75% có"), read before any kept word and with no end of its own
                ends.pop()
        if predicate and words and t.predicate_after.at(rw, i)[0] >= len(words):
            return [], i  # only a predicate word, nothing it applies to
        return words, (ends[-1] if ends else i)

    def _plain_after(self, right: _Tokens, j: int) -> bool:
        """Is token ``j`` a plain word (no stop word, no figure word) that an owner or a place opens?"""
        if j >= len(right.surface) or not _is_word(right.surface[j]):
            return False
        w = right.lower[j]
        return not self.t.stops.at(right.lower, j)[0] and (w not in self.t.number_words or w in self.t.word_alone_excluded)

    @staticmethod
    def _code_dash(right: _Tokens, j: int) -> bool:
        """Is token ``j`` a dash glued between the word before it and a letter or digit after it, inside a
        model code ("F-22", "Su-25", "Il-76", "S-300"), not a clause dash; or a slash glued between letters
        ("31 đ/c": đồng chí, "F/A-18")?"""
        tok = right.surface[j]
        if tok not in ("-", "/") or j == 0 or j + 1 >= len(right.surface):
            return False
        glued = right.ends[j - 1] == right.starts[j] and right.ends[j] == right.starts[j + 1]
        if tok == "/":
            return glued and right.surface[j - 1][-1:].isalpha() and right.surface[j + 1][:1].isalpha()
        return glued and right.surface[j + 1][:1].isalnum()

    def _short_list_item(self, right: _Tokens, j: int) -> bool:
        """After a comma: another item of a list of nouns ("huyện, thị xã, thành phố") - a known list
        noun, or a short run of plain words not followed by a figure - not a new clause ("máy bay,
        bắt sống 5 phi công")."""
        if j >= len(right.surface) or not _is_word(right.surface[j]):
            return False
        if right.surface[j][:1].isupper() or self.t.stops.at(right.lower, j)[0]:
            return False
        if self.t.list_nouns.at(right.lower, j)[0]:
            return True
        n = 0
        k = j
        while k < len(right.surface) and _is_word(right.surface[k]):
            n += 1
            k += 1
        followed_by_figure = k < len(right.surface) and right.surface[k][:1].isdigit()
        return 1 <= n <= 3 and not followed_by_figure

    def _money_subject(self, left: _Tokens, j: int) -> Optional[str]:
        """What money pays for: the noun right before the amount ("với kinh phí hơn 550 triệu đồng")."""
        t = self.t
        words: list[str] = []
        while j > 0 and len(words) < 4:
            tok = left.surface[j - 1]
            if not _is_word(tok) or t.stops.at(left.lower, j - 1)[0] or t.link_verbs.at(left.lower, j - 1)[0]:
                break
            words.append(tok)
            j -= 1
        return " ".join(reversed(words)) or None

    def _drop(self, doc: Document, guard: str, start: int, end: int) -> None:
        """A guard dropped the candidate: traced for `explain`."""
        doc.explain(self.name, guard, start, end)

    def _left_or_borrowed(self, text: str, s: int, out: list, spans: list) -> tuple[Optional[str], str]:
        """The subject before the figure and its rule (``before``, ``borrowed`` or ``none``); inside
        brackets ("… 1.500 thanh niên … (đạt 50%)") the figure is a share of the one before it and
        takes its subject."""
        t = self.t
        wide = _tokens(self._lex, max(0, s - _WINDOW_LEFT_SUBJECT), s, right=False)
        lw = wide.lower
        j = len(lw)
        kq, _ = t.qual_before.ending(lw, j)
        j -= kq
        if not kq and j >= 2 and lw[j - 1] in t.coordinators and _DIGITS.fullmatch(wide.surface[j - 2]) and out and spans \
                and spans[-1][0] <= wide.starts[j - 2] < spans[-1][1] and (out[-1].rule or "").endswith(".before"):
            return out[-1].subject, "borrowed"  # the second of a pair: "của Iran là 1.650 và 2.215"
        kl, _ = t.link_verbs.ending(lw, j)
        if j - kl > 0 and wide.surface[j - kl - 1] in ("(", ","):
            if out and spans and 0 <= wide.starts[j - kl - 1] - spans[-1][1] <= 40:
                return out[-1].subject, "borrowed"  # "1.500 thanh niên … (đạt 50%)", "188 tân binh …, đạt gần 5,08%"
        subject = self._subject_left(wide, j)
        return subject, ("before" if subject else "none")

    def _subject_left(self, left: _Tokens, j: int) -> Optional[str]:
        """The indicator before the figure: "tỷ lệ đảng viên trong DQTV (đạt) 23,4%"; a list of
        short items is crossed ("tốt nghiệp đại học, cao đẳng, trung cấp là 30,6%")."""
        t = self.t
        lw, surf = left.lower, left.surface
        k, _ = t.link_verbs.ending(lw, j)
        j -= k
        words: list[str] = []
        seg = 0
        while j > 0 and len(words) < _MAX_SUBJECT_LEFT:
            tok = surf[j - 1]
            if tok == "," and 1 <= seg <= 4 and j >= 2 and _is_word(surf[j - 2]):
                words.append(",")
                seg = 0
                j -= 1
                continue
            if tok in _CLAUSE_END or not (_is_word(tok) or tok[:1].isdigit()):
                break
            words.append(tok)
            seg += 1
            j -= 1
        while words and words[-1] == ",":
            words.pop()
        if not words:
            return None
        words.reverse()
        return " ".join(words).replace(" ,", ",")

    def _attach_change(self, text, s, value, unit, direction, out, spans) -> bool:
        """Put a change on the figure it follows in the same sentence; False: a change alone (dropped)."""
        if not out:
            return False
        last = out[-1]
        ls, le = spans[-1]
        if le > s or s - le > 80:
            return False
        between = text[le:s]
        if any(c in between for c in ".!?\n;"):
            return False
        if unit == "percent" and last.unit == "count":
            return False  # "bốn cơ quan ..., giảm 10% biên chế": a share of another base, a figure of its own
        if unit == "percent" and last.unit == "money":
            if last.change is None:  # "đạt 47 tỷ USD, tăng 1,3%": the budget's change, and a reported share of its own
                last.change = Change(value=value, direction=direction, unit=unit)  # type: ignore[arg-type]
            return False
        if last.change is None:
            last.change = Change(value=value, direction=direction, unit=unit)  # type: ignore[arg-type]
        return True
