"""Person-name candidates: 2 to 4 capitalized syllables starting with a known surname.

A run of capitalized syllables ("Hà Nội Đinh Tiến Dũng") is cut into names:
a province name inside the run is skipped, a name starts at a surname
from surnames.tsv and stops before a title word ("Phó", "Chủ tịch") or after
four syllables. A family name that is also a noun ("Đoàn", "Đèo": noun_surnames in
officials_rules.yaml) opens no bare name, and yields to a surname right after it
("Trung ương Đoàn Lê Quốc Phong"). Whether a candidate is an official is decided by
the cues around it (see ``__init__``); this module only finds where names can be.
ALL-CAPS words ("MINH CƯỜNG" in a byline) are not capitalized syllables.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from qpextract.extractors.officials.lexicon import Lexicon
from qpextract.text.credits import credit_labels
from qpextract.text.lexicon import CAP_SYLLABLE, LOWER, NB, PB, trie_pattern

_SYL = re.compile(CAP_SYLLABLE)
MAX_SYLLABLES = 4


class NameSpan(NamedTuple):
    start: int
    end: int
    kind: str = "vi"  # "vi": starts with a surname; "foreign": a run after a strong cue; "recurring": a free foreign run;
    # "named": a foreign run after a naming word ("có tên"); "tail": a foreign name closing a post ("… Nga Valery Gerasimov");
    # "appos": a foreign name set off by commas after a whole post ("Bộ trưởng Quốc phòng Thụy Điển, Peter Hultqvist,");
    # "patronymic": a free name held by "bin"/"ibn" ("Osama bin Laden"); "first_name": a free name opened by a
    # foreign given name ("Douglas MacArthur")


class NameFinder:
    """Finds name candidates in a stretch of normalized text."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        # a surname, then more capitalized syllables separated by single blanks;
        # starting on a capital lets ``re`` skip lower-case text; possessive, linear
        self.run = re.compile(
            trie_pattern(sorted(lex.surnames)) + NB + r"(?:[ ]" + CAP_SYLLABLE + r")++"
        )
        rules = lex.rule_words
        self.noun_surnames = frozenset(rules["noun_surnames"])
        self.middle_words = frozenset(rules["middle_words"])
        # person.noun: the people of a place ("người dân Sầm Sơn"): a two-syllable name after them is the place
        # person.bare, person.noun: names in a list after "mang tên" and up to three lower-case words name things
        # ("tàu … mang tên các vị vua: Đinh Tiên Hoàng, Lý Thái Tổ", "mang tên danh tướng Trần Hưng Đạo")
        self.named_after = re.compile(
            PB + trie_pattern(rules["naming_verbs"]) + r"(?:[ \t]++" + LOWER + r"++){0,3}+[ \t]*+:?+"
            + r"(?:[ \t]*+" + CAP_SYLLABLE + r"(?:[ ]" + CAP_SYLLABLE + r")*+[ \t]*+,)*+[ \t]*+\Z"
        )
        self.credit_before = re.compile(
            r"(?<![Tt]rong )" + PB + trie_pattern(credit_labels("officials"), fold_case=True) + r"[ \t]*+:[ \t]*+\Z", re.IGNORECASE
        )
        # person.bare: "trường Sĩ quan kỹ thuật quân sự Trần Đại Nghĩa": the name closes an institution's name
        self.institution_before = re.compile(
            PB + trie_pattern(rules["named_institutions"]) + r"(?:[ \t]++[^\s,.;:()\"“”'‘’\-–]++){1,5}?[ \t]++\Z"
        )
        # person.bare: a ship's name ("Tàu tuần tra Trần Hưng Đạo", "Trần Hưng Đạo của Hải quân Philippines")
        owners = "".join(f"(?<!{re.escape(w)} )" for w in rules["thing_owners"])  # "chủ tàu Bùi Văn Cu": the owner
        self.vessel_before = re.compile(
            PB + owners + trie_pattern(rules["vessel_heads"]) + r"(?:[ \t]++" + trie_pattern(rules["vessel_words"]) + NB + r"){0,3}+[ \t]++\Z"
        )
        self.vessel_after = re.compile(r"[ \t]++của[ \t]++" + trie_pattern(rules["vessel_owners"]) + NB)
        self.honorific_before = re.compile(PB + trie_pattern(sorted(lex.honorific), fold_case=True) + r"[ \t]++\Z", re.IGNORECASE)
        self.resident_before = re.compile(PB + trie_pattern(rules["resident_nouns"], fold_case=True) + r"[ \t]++\Z", re.IGNORECASE)

    def find(self, text: str, lo: int, hi: int) -> list[NameSpan]:
        out: list[NameSpan] = []
        for run in self.run.finditer(text, lo, hi):
            s, e = run.span()
            if s > 0 and text[s - 1].isalnum():
                continue
            if text.count(" ", s, e) == 1 and self._after_unit(text, s, lo):
                continue  # "huyện Lạc Thủy", "Huyện ủy Lạc Thủy": two syllables after a unit or body name a place
            out.extend(self.split_run(text, s, e))
        return out

    def bare_ok(self, text: str, span: NameSpan, lo: int) -> bool:
        """Rule ``person.bare``: a name of three or more syllables with no cue, not the name of a thing
        ("đường Nguyễn Văn Cừ") nor the tail of a longer capitalized run."""
        if span.kind != "vi" or text.count(" ", span.start, span.end) < 2:
            return False
        if text[span.start : text.find(" ", span.start)] in self.noun_surnames:
            return False  # "Đèo Hải Vân", "Đoàn Việt Nam", "Dinh Độc Lập": a pass, a delegation, a palace
        before = text[max(lo, span.start - 24) : span.start]
        if self.lex.thing_before.search(before) or self.credit_before.search(before):
            return False  # "đường Nguyễn Văn Cừ"; a photo credit "Ảnh: Võ Văn Thành"
        if self.institution_before.search(text, max(lo, span.start - 64), span.start):
            return False  # "trường Sĩ quan kỹ thuật quân sự Trần Đại Nghĩa"
        if self.vessel_before.search(text, max(lo, span.start - 48), span.start) or self.vessel_after.match(text, span.end):
            return False  # "Tàu tuần tra Trần Hưng Đạo", "Trần Hưng Đạo của Hải quân Philippines": a ship
        prev = before.rstrip(" \t")
        if self.lex.country_before.search(before) or self.lex.academic_before.search(before):
            pass  # "Đảng Cộng sản Trung Quốc Dương Khiết Trì", "TS Nguyễn Văn Hùng": a name starts afresh
        elif prev and prev[-1].isalnum() and (prev.split()[-1][:1].isupper() or prev[-1].isdigit()) and prev.split()[-1] not in self.lex.acronyms:
            return False  # the tail of a longer name, or a ship's or unit's name ("Tàu hộ vệ 012 Lý Thái Tổ");
            # a known body in capitals ends no name ("cơ quan điều tra VKSNDTC Lại Viết Quang"; not a byline "TTB Trịnh Thái Bằng")
        after = text[span.end : span.end + 2]
        return not (after[:1] == " " and after[1:2].isupper() or after[:1].isalnum())

    def names_thing(self, text: str, span: NameSpan, lo: int) -> bool:
        """The name is in a list after "mang tên" (a ship, a school named after someone), not a person."""
        return self.named_after.search(text, max(lo, span.start - 80), span.start) is not None

    def residents_place(self, text: str, span: NameSpan, lo: int) -> bool:
        """A two-syllable name right after a noun for the people of a place names the place
        ("người dân Sầm Sơn", "ngư dân Lý Sơn"), not a person."""
        return (
            span.kind == "vi"
            and text.count(" ", span.start, span.end) == 1
            and self.resident_before.search(text, max(lo, span.start - 12), span.start) is not None
        )

    def _after_unit(self, text: str, s: int, lo: int = 0) -> bool:
        """A place word or a body's name right before ``s`` (not before ``lo``: "quận", "huyện", "Huyện ủy"): a
        place's name follows."""
        return bool(self.lex.unit_before.search(text, max(lo, s - 12), s) or self.lex.body_before.search(text, max(lo, s - 16), s))

    def _tail_name(self, text: str, syls: list[tuple[int, int]], i: int) -> int:
        """Rule ``person.run_tail``: in a run after a place word of more capitalized syllables than a name holds, the index
        of a surname that opens the run's last three (else four, else two) syllables, with no title among them (the words before it
        name a place or a body: "Chủ tịch Hội đồng … quận Hà Đông Phạm Văn Chiến"); else ``i``."""
        n = len(syls)
        for size in (3, 4, 2):  # a name of three syllables first: "Lâm Hà" + "Nguyễn Văn Tuấn", not "Hà Nguyễn Văn Tuấn"
            k = n - size
            if k <= i:
                continue
            word = text[syls[k][0] : syls[k][1]]
            if word in self.lex.surnames and word not in self.middle_words:
                if not any(self.lex.is_title(text, syls[m][0], syls[-1][1]) for m in range(k, n)):
                    return k
        return i

    def split_run(self, text: str, start: int, end: int) -> list[NameSpan]:
        """Names inside one run of capitalized syllables."""
        syls = [(m.start(), m.end()) for m in _SYL.finditer(text, start, end)]
        out: list[NameSpan] = []
        i, n = 0, len(syls)
        while i < n - 1:
            s = syls[i][0]
            # a province or a country ("Đan Mạch Anders Samuelsen") inside the run is no name's start
            # (a place may go on past the run in lower case: "Lầu Năm góc", the Pentagon)
            place = self.lex.gazetteer.blocker.match(text, s, min(len(text), end + 12)) or self.lex.country_at.match(text, s, end)
            if place is not None and i == 0 and place.end() < end and text[s : syls[0][1]] in self.lex.surnames and (
                self.honorific_before.search(text, max(0, s - 10), s)
            ):
                place = None  # "ông Hà Nam Trung": after an honorific a province's name is a person's (person.cued)
            if place is not None:
                while i < n and syls[i][0] < place.end():
                    i += 1
                continue
            first = text[s : syls[i][1]]
            if first not in self.lex.surnames:
                i += 1
                continue
            if i == 0 and n > MAX_SYLLABLES and self._after_unit(text, s) and (k := self._tail_name(text, syls, i)) > i:
                i = k  # rule person.run_tail: "quận Hà Đông Phạm Văn Chiến": the place, then the name
                continue
            if (
                first in self.noun_surnames
                and n - i >= 4
                and text[syls[i + 1][0] : syls[i + 1][1]] in self.lex.surnames
                and text[syls[i + 1][0] : syls[i + 1][1]] not in self.middle_words
            ):
                i += 1  # "Trung ương Đoàn Lê Quốc Phong": the body's noun, then the name
                continue
            j = i + 1
            while j < n and j - i < MAX_SYLLABLES and not self.lex.is_title(text, syls[j][0], min(len(text), end + 40)):
                j += 1
            if j - i == 2 and first in self.noun_surnames and self.lex.bodies.compound_end(text, syls[j - 1][0], syls[j - 1][1], len(text)) > syls[j - 1][1]:
                i += 1  # rule person.noun_in_word: "Đoàn Kinh" + "tế quốc phòng 799", a unit's name cut in a word, no person
                continue
            if j - i >= 2:
                out.append(NameSpan(s, syls[j - 1][1]))
                i = j
            else:
                i += 1
        return out
