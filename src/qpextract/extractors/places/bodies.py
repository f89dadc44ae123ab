"""The grammar of body names: a head noun, then a proper name read word by word.

"Học viện Khoa học Quân sự", "Cục Nghiên cứu Tình báo", "Sở Lao động - Thương
binh và Xã hội": Vietnamese capitalizes only the first syllable of each word
of a name, so a capitalized syllable takes the lower-case syllables that
complete its word (rule ``body.compound``, from data/vi/compound_words.txt: the
25,000 compounds of the lexicon pyvi ships); connectives ("và", a dash) join two capitalized
parts (``body.connector``); a head followed by "trưởng"/"phó" is a title, not
a body (``body.not_a_head``). Vocabulary: bodies.tsv, bodies_words.tsv,
bodies_context.yaml.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Optional

from qpextract.data import read_yaml
from qpextract.errors import DataFileError
from qpextract.text.lexicon import LOWER, NB, UPPER, Bodies, Gazetteer, Units, branch_rows, compound_words, fold, rank_rows, trie_pattern

_LOWER_SYL = re.compile(r"[ \t]++(" + LOWER + r"++)" + NB)
_LOWER_WORD = re.compile(LOWER + r"++" + NB)
_NAME_END = re.compile(r"[ \t]*+[,;().]|[ \t]++(?:và[ \t]++)?" + UPPER)  # "... quyền sử dụng đất và Nguyễn Thành Trí"
# body.term_end: "khóa 4", "nhiệm kỳ 2012-2017" after a body's name is the term of the post, not its name
_TERM_END = re.compile(r"[ \t]++(?:khóa|khoá|nhiệm[ \t]kỳ)[ \t]++(?:\d|[IVXL]++" + NB + ")")
# body.lower_continues: where the lower-case words after "head + one capitalized word" close the name: a unit number
# and a mark, or a bracket that opens on the body above it (a comma is not enough: "Sở Y tế kiểm tra công tác, Bộ Y tế …")
_CONT_NUMBER = re.compile(r"[ \t]++\d++(?=[ \t]*+(?:[,;.)(]|\Z))")
_CONT_CLOSE = re.compile(r"[ \t]*+\([ \t]*+(?=" + UPPER + ")")
_DASH_END = re.compile(r"[ \t]++[-–][ \t]++")
_PUNCT_END = re.compile(r"[ \t]*+(?:[,;().:]|$)")
_NUMBER = re.compile(r"[ \t]++\d++(?![\w.,]\d)")
_DECIMAL = re.compile(r"\d++[.,]\d")  # a decimal or a thousands group: a measure, never a unit's number
_NOTE_OPEN = re.compile(r"[ \t]*+\([ \t]*+")
_NOTE_SEP = re.compile(r"[ \t]*+,[ \t]*+")
_NOTE_CLOSE = re.compile(r"[ \t]*+\)")
_CAPS_WORD = re.compile(UPPER + r"++" + NB)
_CAPS_RUN = re.compile(UPPER + r"++(?:[ ]" + UPPER + r"++)*+" + NB)  # words in capitals, one blank between them
_RUN_ENDS = re.compile(r"[ \t]*+(?:[,;.:()\n|]|[-–][ \t]|\Z)")
# the marks a Vietnamese word carries and an acronym does not: the tones, the breve and the circumflex ("THĂM", "MỚI",
# "KIỂM"; not "CHQS", "BĐBP", "TƯ", whose only marks are the bar and the horn)
_PROSE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323\u0306\u0302")


def _caps_line(text: str, pos: int) -> bool:
    """The line around ``pos`` is written in capitals: no lower-case letter in it (a headline or a caption)."""
    a, b = text.rfind("\n", 0, pos) + 1, text.find("\n", pos)
    line = text[a : b if b >= 0 else len(text)]
    return len(line) < 400 and not any(ch.islower() for ch in line)


def caps_prose(word: str) -> bool:
    """Rule ``body.caps_prose``: ``word`` is a Vietnamese word written in capitals (a headline's "THĂM", "CHIẾN"),
    not an acronym: two letters or more, all capitals, with a tone, breve or circumflex."""
    return len(word) > 1 and word.isupper() and any(c in _PROSE_MARKS for c in unicodedata.normalize("NFD", word))
MAX_NOTE = 80  # characters inside the bracket of a body's note


class BodyGrammar(Bodies):
    """``Bodies`` whose ``parse`` never stops inside a word."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        super().__init__(gazetteer)
        ctx = read_yaml("bodies_context.yaml")
        self.compounds = compound_words()
        self.not_a_head = re.compile(
            r"[ \t]++(?:(?i:" + trie_pattern(ctx["not_a_head"], fold_case=True) + ")|" + trie_pattern(ctx["not_a_head_lower"]) + ")" + NB
        )
        self.connector = re.compile(r"[ \t]++(?:" + trie_pattern(ctx["connectors"]) + r"|[-–])[ \t]++|-(?=\w)|[ \t]*+&[ \t]*+")
        self.not_joined = frozenset(fold(w) for w in ctx["not_joined"])
        self.dotted = frozenset(ctx["dotted"])
        self.number = re.compile(trie_pattern(ctx["number_words"], fold_case=True) + r"[ \t]++\d++" + NB, re.IGNORECASE)
        self.max_tail = int(ctx["max_compound_tail"])
        self.title_heads = frozenset(ctx["title_heads"])
        self.lower_syllables = int(ctx["lower_name_syllables"])
        self.lower_stops = frozenset(fold(w) for w in ctx["lower_name_stops"])
        self.company_forms = frozenset(fold(w) for w in ctx["company_forms"])
        self.company_heads = frozenset(ctx["company_heads"])  # compared with the head lower-cased
        self.company_form = re.compile(trie_pattern(ctx["company_forms"], fold_case=True) + NB + r"[ \t]++", re.IGNORECASE)
        self.unit_heads = frozenset(fold(w) for w in ctx["unit_heads"])
        self.max_unit_words = int(ctx["max_unit_words"])
        self.dash_place = re.compile(r"[ \t]++" + trie_pattern(ctx["lower_dash_places"]) + NB)
        unit_words = list(Units().kind)
        self.unit_kinds = frozenset(unit_words)  # body.caps_prose: "TỈNH", "THÀNH PHỐ" read as place words
        self.max_caps_place = int(ctx["max_caps_place"])  # body.caps_prose: words of a place name in capitals after a place word
        # countries and international bodies (officials_rules.yaml), each one word of a body's name
        rules = read_yaml("officials_rules.yaml")
        self.country = re.compile(r"(?:" + trie_pattern(rules["countries"]) + r"|" + self.gazetteer.blocker.pattern + r")" + NB)
        self.country_end = re.compile(r"(?<!\w)(?:" + trie_pattern(rules["countries"] + rules["home_country"]) + r")\Z")  # a name ending in a country
        # body.lower_noun: a lower-case noun after a title that heads a body named after it
        self.place_unit = re.compile(trie_pattern(unit_words) + NB + r"[ \t]++" + UPPER)  # lower-case unit words
        self.lower_noun = re.compile(trie_pattern(ctx["lower_nouns"]) + NB)
        self.lower_named = re.compile(trie_pattern(ctx["lower_heads_named"]) + NB)
        self.named_heads = frozenset(w for w in ctx["lower_heads_named"] if " " not in w)  # one-word heads, as written
        self.lower_known = re.compile(trie_pattern(ctx["lower_known_bodies"]) + NB)
        self.lower_known_any = re.compile(trie_pattern(ctx["lower_known_bodies"], fold_case=True) + NB, re.IGNORECASE)
        self.task_heads = re.compile(trie_pattern(ctx["task_heads"], fold_case=True) + NB, re.IGNORECASE)
        self.particle = re.compile(r"[ \t]++" + trie_pattern(rules["name_particles"]) + r"(?:[ \t]*+-[ \t]*+|[ \t]++)(?=" + UPPER + ")")
        self.max_proper = int(ctx["max_proper_words"])
        rows = rank_rows()
        lowest = next((r.grade for r in rows if r.rank == ctx["officer_ranks_from"]), None)
        if lowest is None:
            raise DataFileError(f"bodies_context.yaml: officer_ranks_from {ctx['officer_ranks_from']!r} is no rank of ranks.tsv")
        ranks = [w for r in rows if r.grade >= lowest for w in r.written()] + ctx["other_army_ranks"]
        rank_words = sorted({v for w in ranks for v in (w, w[:1] + w[1:].lower())})  # "Chuẩn Đô đốc", "Chuẩn đô đốc"
        self.rank_word = re.compile(trie_pattern(rank_words) + NB)
        self.rank_any = re.compile(trie_pattern(rank_words, fold_case=True) + NB + r"[ \t]++", re.IGNORECASE)
        self.branch_tail = re.compile(r"[ \t]++" + trie_pattern([r.branch for r in branch_rows() if r.body_tail]) + NB + r"(?=[ \t]*+[-–,.;:)]|[ \t]*+$)")
        self.whole_bodies = frozenset(fold(w) for w in ctx["whole_bodies"])
        self.office_heads = frozenset(fold(w) for w in ctx["office_heads"])  # body.office_of
        self.office_title = re.compile(trie_pattern(ctx["office_titles"], fold_case=True) + NB, re.IGNORECASE)
        self.of_body = re.compile(r"[ \t]++của[ \t]++")
        self.name_gap = re.compile(r"[ \t]*+-[ \t]*+(?=" + UPPER + ")|[ \t]++(?=" + UPPER + ")")
        # body.region_tail: "châu Âu", "phía Nam" after a body's name, then no more of a name
        self.region = re.compile(r"[ \t]++(?:" + trie_pattern(ctx["region_words"]) + r")" + NB + r"(?![ \t]*+-|[ \t]++" + UPPER + ")")

    def body_at(self, text: str, pos: int, endpos: int) -> Optional[re.Match]:
        m = super().body_at(text, pos, endpos)
        if m is None or self.not_a_head.match(text, m.end(), endpos):
            return None
        if " " not in m.group() and self.word_end(text, m.start(), m.end(), endpos) > m.end():
            return None  # "Phòng vệ", "Sở hữu", "Viện trợ": a one-syllable head that begins another word
        return m

    def splits_word(self, text: str, start: int, end: int, limit: int) -> bool:
        """True when the last syllable of ``text[start:end]`` and the next lower-case syllable form one word."""
        last = max(start, text.rfind(" ", start, end) + 1)
        return self.compound_end(text, last, end, limit) > end

    def _word_then_word(self, text: str, start: int, end: int, limit: int) -> bool:
        """Rule ``body.compound``: the part ends on a word of two syllables and the next two lower-case syllables are a
        word of their own ("Ban Chỉ đạo" + "diễn tập": not "đạo diễn"), so the part ends between two words."""
        first = text.rfind(" ", start, end)
        prev = text.rfind(" ", start, first) if first > start else -1
        if first <= start or fold(text[max(start, prev + 1) : end]) not in self.compounds:
            return False
        nxt = _LOWER_SYL.match(text, end, limit)
        return nxt is not None and self.compound_end(text, nxt.start(1), nxt.end(), limit) > nxt.end()

    def word_end(self, text: str, start: int, end: int, limit: int) -> int:
        """``compound_end``, unless the next syllable begins a word of its own with the one after it
        (rule ``body.compound``: "Cục" + "tác chiến", not "cục tác"; "Thiết kế" + "nhiệm kỳ")."""
        e = self.compound_end(text, start, end, limit)
        if e > end:
            nxt = _LOWER_SYL.match(text, end, limit)
            if nxt is not None and e == nxt.end() and self.compound_end(text, nxt.start(1), nxt.end(), limit) > nxt.end():
                return end
        return e

    def compound_end(self, text: str, start: int, end: int, limit: int) -> int:
        """End of the word that the syllable ``text[start:end]`` begins (``end`` when it is a word alone)."""
        best = end
        p = end
        for _ in range(self.max_tail):
            m = _LOWER_SYL.match(text, p, limit)
            if m is None:
                break
            p = m.end()
            if fold(text[start:p]) in self.compounds:
                best = p
        return best

    def parse(
        self,
        text: str,
        pos: int,
        limit: int,
        stops: frozenset[int] | set[int] = frozenset(),
        is_title=None,
        max_tokens: int = 14,
        lower_words: int = 1,
    ) -> int:
        """End of the body name that starts at ``pos`` (``pos`` itself when there is none);
        ``lower_words`` lower-case compounds may name a generic head ("Cục đối ngoại")."""
        end = pos
        p = last_part = pos
        named = -1
        n = 0
        while n < max_tokens and p < limit:
            if p != pos:
                q = self._joined_part(text, p, limit, stops, is_title)
                dash = _DASH_END.match(text, p, limit) if q is None and self._one_compound(text, pos, last_part, end, n) else None
                if dash is not None and dash.end() not in stops:
                    lower = self._lower_pair(text, dash.end(), limit, is_title)  # "Phòng Tài chính - kế hoạch"
                    if lower is not None:
                        end = p = lower
                        n += 1
                        continue
                if q is None:
                    b = self.blank.match(text, p, limit)
                    if b is None:
                        break
                    q = b.end()
            else:
                q = p
            if q >= limit or (q in stops and q != named) or (n > 0 and self.rank_word.match(text, q, limit)):
                break  # body.rank_ends
            office = self.office_title.match(text, q, limit) if n == 1 else None
            if office is not None and fold(text[pos:end]) not in self.office_heads:
                office = None
            # rule body.office_of: "Văn phòng Chủ tịch nước", the title names whose office it is
            m_end = office.end() if office is not None else self._part(text, q, limit, stops if q != named else frozenset(), is_title)
            form = None
            if (m_end is None or m_end == q) and n == 1 and fold(text[pos:end]) in self.unit_heads:
                m_end = self._unit_name(text, q, limit)  # "Trung đoàn công binh hải quân 83"
            if (m_end is None or m_end == q) and n == 1 and self._generic_head(text[pos:end]) and not text[pos:end].isupper():
                m_end = self._lower_name(text, q, limit, lower_words)  # "Cục đối ngoại, Bộ Quốc phòng"
                b = self.blank.match(text, m_end, limit) if m_end is not None else None
                if b is not None and b.end() < limit and text[b.end()].isupper() and self.company_form.match(text, q, limit):
                    named = b.end()  # body.company: "Công ty cổ phần phát triển đầu tư Thái Sơn"
            elif (m_end is None or m_end == q) and n > 0 and (
                fold(text[last_part:end]) in self.company_forms or (form := self.company_form.match(text, q, limit)) is not None
            ):
                # rule body.company: "công ty Cổ phần đầu tư phát triển Thái Sơn", "Công ty cổ phần phát triển …"
                m_end = self._lower_name(text, q if form is None else form.end(), limit, 3)
                b = self.blank.match(text, m_end, limit) if m_end is not None else None
                if b is None or b.end() >= limit or not text[b.end()].isupper():
                    m_end = None  # the lower-case words must lead to the company's proper name
                else:
                    named = b.end()  # … which is no person's name even when it reads like one ("Thái Sơn")
            if m_end is None or m_end == q or self.not_a_head.match(text, m_end, limit):
                break  # "… Tổng tham mưu" + "trưởng": the word goes on into a title
            place = self.country.match(text, q, limit)
            if n > 0 and (place is None or place.end() != m_end) and self.splits_word(text, q, m_end, limit) and not self._word_then_word(text, q, m_end, limit):
                t = self.token.match(text, q, limit)  # "Hàn Quốc lập" + "tức": take the bare word
                if t is None or t.end() >= m_end or not text[q].isupper() or self.splits_word(text, q, t.end(), limit):
                    break  # "… Lục quân khu" + "vực": the part would end inside a word
                m_end = t.end()
            last_part = q
            end = p = m_end
            n += 1
        if end > pos and (br := self.branch_tail.match(text, end, limit)) is not None and br.end() not in stops:
            end = br.end()  # body.branch: "Trường Sĩ quan không quân", "Trung đoàn 83 công binh"
        return end

    def bracket_note(self, text: str, end: int, limit: int, stops) -> int:
        """Rule ``body.bracket_note``: a bracket right after a unit's name that holds only the numbered units above it,
        joined by commas ("Khẩu đội 2, Trung đội 4, Đại đội 207 (Tiểu đoàn 6)"): the end of the closing bracket, else
        ``end``. A place ("huyện Cam Lâm (Khánh Hòa)": dev gold drops it, 4 of 6), an acronym, a person or any other
        word in it leaves the body as it was."""
        m = _NOTE_OPEN.match(text, end, limit)
        if m is None:
            return end
        close = text.find(")", m.end(), min(limit, m.end() + MAX_NOTE))
        if close < 0:
            return end
        k = m.end()
        while True:
            if k in stops:
                return end
            e = self._note_part(text, k, close)
            if e <= k:
                return end
            c = _NOTE_CLOSE.match(text, e, close + 1)
            if c is not None:
                return c.end()
            sep = _NOTE_SEP.match(text, e, close)
            if sep is None:
                return end
            k = sep.end()

    def _note_part(self, text: str, k: int, close: int) -> int:
        """End of one part of a bracket note at ``k``: a numbered unit ("Tiểu đoàn 11"), else ``k``."""
        head = self.body_at(text, k, close)
        if head is not None and fold(head.group()) in self.unit_heads:
            e = self.parse(text, k, close)
            return e if any(c.isdigit() for c in text[k:e]) else k
        return k

    def _unit_name(self, text: str, q: int, limit: int) -> Optional[int]:
        """Rule ``body.unit``: lower-case branch words and the unit's number after a unit head
        ("Trung đoàn công binh hải quân 83", "Tiểu đoàn trinh sát 25"); None when no number ends them."""
        e = q
        for _ in range(self.max_unit_words):
            w = _LOWER_WORD.match(text, e, limit)
            if w is None:
                return None
            c = self.compound_end(text, e, w.end(), limit)
            if c == w.end() or fold(text[e:c]) in self.lower_stops:
                return None
            num = _NUMBER.match(text, c, limit)
            if num is not None:
                return num.end()
            b = self.blank.match(text, c, limit)
            if b is None:
                return None
            e = b.end()
        return None

    def cut_short(self, text: str, start: int, end: int, limit: int) -> bool:
        """True when the short body ``text[start:end]`` (at most three syllables, no number, no abbreviation)
        is followed by a lower-case word that is no verb or function word: its name goes on ("thư ký Hội
        đồng" + "an ninh quốc gia", "đại diện Cơ quan" + "kiểm kê tù binh")."""
        body = text[start:end]
        if body.count(" ") > 2 or any(c.isdigit() for c in body) or body.split(" ", 1)[0].isupper():
            return False
        w = _LOWER_SYL.match(text, end, limit)
        if w is None:
            return False
        c = self.compound_end(text, w.start(1), w.end(), limit)
        return fold(text[w.start(1) : c]) not in self.lower_stops and fold(w.group(1)) not in self.lower_stops

    def bare_head(self, body: str) -> bool:
        """True when ``body`` is only a head that needs a name after it ("Viện", "Hội đồng", "Đội")."""
        if fold(body) in self.whole_bodies:
            return False
        m = self.pattern.match(body)
        rest = body[1:]
        return m is not None and body.count(" ") <= 1 and self._generic_head(m.group()) and rest == rest.lower() and not any(c.isdigit() for c in rest)

    def _generic_head(self, head: str) -> bool:
        """A head that needs a name after it ("Cục", "Trung tâm"), not a whole body ("Thành ủy"); an
        abbreviation ("NDSC") is a whole name, the lower-case words after it are no part of it."""
        return " " not in head.strip() or fold(head) in self.cased

    def _lower_name(self, text: str, q: int, limit: int, words: int = 1, verb_ends: bool = False) -> Optional[int]:
        """Rule ``body.lower_name``: a lower-case name right after the head, then punctuation, a spaced
        dash or a capitalized word ("Cục đối ngoại, Bộ Quốc phòng"; after a title, "Phòng phòng chống
        tội phạm ma túy Bộ chỉ huy ..."); None otherwise. Its first word is a compound; up to ``words``
        compounds and a number ("Đội quy tập 584"), or (rule ``body.lower_name_long``) up to ``lower_name_syllables`` syllables when one-syllable
        words that are not function words follow it ("Văn phòng đăng ký quyền sử dụng đất -")."""
        e = q
        compounds = syllables = 0
        while compounds < words or syllables < self.lower_syllables:
            w = _LOWER_WORD.match(text, e, limit)
            if w is None:
                return None
            c = self.compound_end(text, e, w.end(), limit)
            if c == w.end():
                if compounds == 0 or fold(w.group()) in self.lower_stops:
                    return None
            elif fold(text[e:c]) in self.lower_stops:
                # a verb ("cho biết", "dẫn đầu", "tuyên bố") ends the clause, not a name; with ``verb_ends``
                # (after "Trưởng ban"), the name read so far ends before it
                return e - 1 if verb_ends and compounds and text[e - 1] == " " else None
            else:
                compounds += 1
            syllables += text.count(" ", e, c) + 1
            e = c
            if syllables > self.lower_syllables:
                return None
            if _NAME_END.match(text, e, limit) is not None or _TERM_END.match(text, e, limit) is not None:
                return e
            num = _NUMBER.match(text, e, limit)  # "Đội quy tập 584 (thuộc ...)"
            if num is not None and (_NAME_END.match(text, num.end(), limit) or _DASH_END.match(text, num.end(), limit)):
                return num.end()
            dash = _DASH_END.match(text, e, limit)
            if dash is not None and (compounds or syllables > 2 * compounds):
                return self._lower_pair(text, dash.end(), limit) or e  # "Cục cứu hộ - Cứu nạn": body.connector
            b = self.blank.match(text, e, limit)
            if b is None:
                return None
            if compounds and self.place_unit.match(text, b.end(), limit) is not None:
                return e  # "cơ động" before "xã Hoài Thanh": the place is read on its own
            e = b.end()
        return None

    def _one_compound(self, text: str, pos: int, last: int, end: int, n: int) -> bool:
        """True when the name so far is (a head and) one capitalized compound ("Phòng Tài chính", "Tài chính")."""
        return n <= 2 and (n == 1 or last > pos) and text[last].isupper() and text[end - 1].islower() and " " in text[last:end]

    def _word_end(self, text: str, start: int, token_end: int, limit: int) -> int:
        """Where the word from ``start`` ends: a lexicon compound, else the token with a continuation syllable."""
        e = self.compound_end(text, start, token_end, limit)
        if e == token_end:
            cont = self.continuation.match(text, e, limit)
            e = e if cont is None else cont.end()
        return e

    def _lower_pair(self, text: str, q: int, limit: int, is_title=None) -> Optional[int]:
        """Rule ``body.lower_dash``: a lower-case word, not a title, after the dash of a name, then punctuation
        or a place word ("Phòng kinh tế - hạ tầng;", "phòng Tài chính - kế hoạch huyện"); None otherwise."""
        w = _LOWER_WORD.match(text, q, limit)
        if w is None:
            return None
        c = self._word_end(text, q, w.end(), limit)  # "hạ tầng": a compound the lexicon lacks
        if c == w.end() or fold(text[q:c]) in self.lower_stops:
            return None
        if is_title is not None and is_title(text, q, limit):
            return None  # "- chủ tịch UBND xã": the next post, not a part of the name
        if _PUNCT_END.match(text, c, limit) is None and self.dash_place.match(text, c, limit) is None:
            return None
        return c

    def parse_after_title(
        self,
        text: str,
        pos: int,
        limit: int,
        stops: frozenset[int] | set[int] = frozenset(),
        is_title=None,
        title: str = "",
    ) -> int:
        """``parse``, but a head written in lower case right after a title counts too
        (rule ``body.lower_head``: "Giám đốc trung tâm", "tổng giám đốc công ty ..."), and a title
        that ends with a head ("Trưởng phòng", "Trưởng ban") takes a lower-case name
        ("Trưởng ban chính sách Bộ chỉ huy ...")."""
        named = self.lower_named.match(text, pos, limit)
        if named is not None and (b := self.blank.match(text, named.end(), limit)) is not None and b.end() not in stops and text[b.end()].isupper():
            e = self.parse(text, b.end(), limit, stops, is_title)  # "phát ngôn viên bộ Ngoại giao Nga"
            if e > b.end():
                return e
        noun = self.lower_noun.match(text, pos, limit)
        if noun is not None:
            e = self._after_lower_noun(text, noun.end(), limit, stops, is_title)
            if e > noun.end() and text[e - 1].isalpha():
                e = self._country_tail(text, e, limit, stops)  # "lực lượng Không quân" + "vũ trụ Nga"
            if e > noun.end():
                of = self.of_body.match(text, e, limit)  # "chi nhánh Bình Dương của công ty Thái Sơn"
                if of is not None and of.end() not in stops:
                    whole = self.parse_after_title(text, of.end(), limit, stops, is_title)
                    e = whole if whole > of.end() else e
                return e
        known = self.lower_known.match(text, pos, limit)
        if known is not None:
            return self._lower_known(text, known.end(), limit, stops, is_title)
        end = self.parse(text, pos, limit, stops, is_title, lower_words=3)
        if (cased := self.task_heads.match(text, pos, limit)) is not None and cased.end() == end and (low := _LOWER_SYL.match(text, end, limit)) is not None and low.start(1) not in stops:
            # rule body.lower_known, capitalized: "Ban Chỉ đạo" + "diễn tập KVPT tỉnh" goes on as "ban chỉ đạo diễn tập …"
            return self._lower_known(text, end, limit, stops, is_title)
        headed = bool(title) and fold(title).split(" ")[-1] in self.title_heads  # "Trưởng phòng" + "Cảnh sát điều tra (…)"
        if end > pos and (more := self._lower_continues(text, pos, end, limit, stops, is_title, headed)) > end:
            return more
        if end > pos:
            return self._region_tail(text, end, limit, stops) or self._country_tail(text, end, limit, stops)
        if headed and (shared := self._head_shared(text, pos, limit, stops, is_title)) > pos:
            return shared
        if headed:
            e = self._lower_name(text, pos, limit, 3, verb_ends=True)
            if e is not None:
                b = self.blank.match(text, e, limit)
                if b is not None and b.end() not in stops:
                    rest = self.parse(text, b.end(), limit, stops, is_title)
                    return rest if rest > b.end() else e
                return e
        m = self.pattern.match(text, pos, limit)
        if m is None:
            return self._sector_abroad(text, pos, limit, stops)
        if self.not_a_head.match(text, m.end(), limit):
            return pos
        if " " not in m.group() and self.splits_word(text, m.start(), m.end(), limit):
            return pos
        b = self.blank.match(text, m.end(), limit)
        if b is None or b.end() in stops:
            return m.end()
        form = self.company_form.match(text, b.end(), limit) if m.group().lower() in self.company_heads else None
        if form is not None and (form.end() in stops or text[form.end() : form.end() + 1].isupper()):
            # body.company with a lower-case head: "công ty Cổ phần Thái Sơn" names no person "Thái Sơn"; the
            # capitalized name after the form is the company's ("công ty cổ phần Đầu tư phát triển Thái Sơn")
            rest = self._company_name(text, form.end(), limit, stops, is_title)
            return rest if rest > form.end() else m.end()
        rest = self.parse(text, b.end(), limit, stops, is_title, lower_words=3)
        if rest == b.end() and self._generic_head(m.group()):
            rest = self._lower_name(text, b.end(), limit, 3) or b.end()
        return rest if rest > b.end() else m.end()

    def _company_name(self, text: str, pos: int, limit: int, stops, is_title) -> int:
        """Rule ``body.company``: the end of a company's capitalized name after its legal form, with lower-case words
        that lead on to more of the name ("cổ phần" + "Đầu tư phát triển Thái Sơn": "Đầu tư", then "phát triển",
        then "Thái Sơn"); ``pos`` when no capitalized name starts there."""
        rest = self.parse(text, pos, limit, stops - {pos}, is_title)
        b = self.blank.match(text, rest, limit) if rest > pos else None
        low = self._lower_name(text, b.end(), limit, 3) if b is not None else None
        b = self.blank.match(text, low, limit) if low is not None else None
        if b is not None and b.end() < limit and text[b.end()].isupper():
            more = self.parse(text, b.end(), limit, stops - {b.end()}, is_title)
            rest = more if more > b.end() else rest
        return rest

    def _head_shared(self, text: str, pos: int, limit: int, stops, is_title) -> int:
        """Rule ``body.head_shared``: the last word of a title that ends with a head ("Trưởng ban") heads a body of
        ``lower_known_bodies`` too ("Trưởng ban" + "chỉ đạo phòng chống thiên tai và tìm kiếm cứu nạn tỉnh" is the head
        of "Ban chỉ đạo …"): where that body ends, else ``pos``."""
        head = text.rfind(" ", 0, max(0, pos - 1)) + 1
        known = self.lower_known_any.match(text, head, limit) if 0 < pos - head <= 6 else None
        if known is None or known.end() <= pos:
            return pos
        return self._lower_known(text, known.end(), limit, stops, is_title)

    def _lower_known(self, text: str, end: int, limit: int, stops, is_title) -> int:
        """Rule ``body.lower_known``: the end of a lower-case body of ``lower_known_bodies`` ending at ``end``,
        with the place after it ("ban chỉ huy quân sự huyện Lạc Thủy", "bộ chỉ huy quân sự tỉnh,") or a lower-case name of up to three compounds."""
        bare = self.dash_place.match(text, end, limit)
        if bare is not None and _NAME_END.match(text, bare.end(), limit) is not None and self.place_unit.match(text, end + 1, limit) is None:
            return bare.end()
        b = self.blank.match(text, end, limit)
        if b is None or b.end() in stops:
            return end
        if self.place_unit.match(text, b.end(), limit) is not None:
            place = self.parse(text, b.end(), limit, stops, is_title)
            return place if place > b.end() else end
        if text[b.end()].islower():
            if self.rank_any.match(text, b.end(), limit) is not None:
                return end  # "cơ quan điều tra đối với thượng tá Trần Hồng Lộc": the rank begins the person
            word = self.words.match(text, b.end(), limit)  # bodies_words.tsv: "phòng chống thiên tai và tìm kiếm cứu nạn"
            lower = word.end() if word is not None and " " in word.group() else self._lower_name(text, b.end(), limit, 3)
            if lower is not None:
                return self._lower_known(text, lower, limit, stops, is_title) if lower > b.end() else end
            return end
        body = self.parse(text, b.end(), limit, stops, is_title)  # "cơ quan điều tra VKSNDTC", a body it belongs to
        return body if body > b.end() else end

    def _after_lower_noun(self, text: str, pos: int, limit: int, stops, is_title) -> int:
        """Rule ``body.lower_noun``: after a lower-case noun of ``lower_nouns`` ("tàu sân bay", "nhóm"), a
        lower-case name and/or a proper name ("nhóm tác chiến tàu sân bay,", "tàu sân bay Truman", "nhóm
        nổi dậy Maghawir al - Thawra"): the end of the body, else ``pos`` (the noun alone is no body)."""
        end = pos
        b = self.blank.match(text, end, limit)
        if b is None or b.end() in stops:
            return pos
        if self.pattern.match(text, b.end(), limit) is not None:  # "chi nhánh Công ty cổ phần Thái Sơn"
            head = self.parse_after_title(text, b.end(), limit, stops, is_title)
            if head > b.end():
                return head
        if text[b.end()].islower():
            lower = self._lower_name(text, b.end(), limit, 3)
            if lower is None:
                return pos
            end = lower
            b = self.blank.match(text, end, limit)
            if b is None or b.end() in stops or not text[b.end()].isupper():
                return end
        if not text[b.end()].isupper():
            return end
        return max(self.parse(text, b.end(), limit, stops, is_title), self._proper_name(text, b.end(), limit, stops, is_title))

    def _proper_name(self, text: str, q: int, limit: int, stops, is_title) -> int:
        """End of a run of capitalized words at ``q`` joined by blanks, dashes and name particles
        ("Maghawir al - Thawra", "Truman"), not a title, person or body of its own; ``q`` when none."""
        p = last = q
        for _ in range(self.max_proper):
            if (p != q and p in stops) or (is_title is not None and is_title(text, p, limit)):
                break
            t = self.token.match(text, p, limit)
            if t is None:
                break
            last = self.compound_end(text, p, t.end(), limit)  # "Không quân", not "Không"
            if self.rank_word.match(text, p, limit):
                last = p  # "lực lượng Hiến binh Thống tướng Sao Sokha": a rank ends the name
                break
            gap = self.particle.match(text, last, limit) or self.name_gap.match(text, last, limit)
            if gap is None or self.body_at(text, gap.end(), limit):
                break
            p = gap.end()
        return text.rfind(" ", q, last) if last == p and p > q else last

    def _lower_continues(self, text: str, pos: int, end: int, limit: int, stops, is_title, headed: bool = False) -> int:
        """Rule ``body.lower_continues``: a name of a head and one capitalized word goes on in lower case ("Đội Tuần tra"
        + "kiểm soát 188,", "Đội Quy tập" + "mộ liệt sĩ (Cục Chính trị …)")
        when one to three lower-case words, no verb or function word, end at a unit number or a bracket that opens on a
        body: where they end, else ``end``."""
        head = self.body_at(text, pos, limit)
        if head is None and headed:
            name = pos  # the title's last word is the head ("Trưởng ban" + "Thi đua")
        elif head is None or " " in head.group().strip() and fold(head.group()) in self.cased:
            return end
        elif (b := self.blank.match(text, head.end(), limit)) is None:
            return end
        else:
            name = b.end()
        if name >= end or not text[name].isupper() or " " in text[name:end] and self.compound_end(text, name, name + text[name:end].find(" "), limit) != end:
            return end  # the name so far is the head and one capitalized word ("Tuần tra", "Đúc")
        if not text[name + 1 : end].replace(" ", "").islower() or self.gazetteer.match(text, name, limit) is not None:
            return end
        e = end
        for _ in range(3):
            w = _LOWER_SYL.match(text, e, limit)
            if w is None or w.start(1) in stops or (is_title is not None and is_title(text, w.start(1), limit)):
                return end
            c = self.compound_end(text, w.start(1), w.end(), limit)
            if fold(text[w.start(1) : c]) in self.lower_stops or fold(w.group(1)) in self.lower_stops or self.rank_any.match(text, w.start(1), limit):
                return end
            e = c
            num = _CONT_NUMBER.match(text, e, limit)
            if num is not None:
                return num.end()
            close = _CONT_CLOSE.match(text, e, limit)
            if close is not None and self.body_at(text, close.end(), limit) is not None:
                return e
        return end

    def _region_tail(self, text: str, end: int, limit: int, stops) -> int:
        """Rule ``body.region_tail``: a region word right after a capitalized body's name is part of it ("Bộ Chỉ huy"
        + "châu Âu của Mỹ", "Bộ chỉ huy" + "phía Nam của Mỹ"): the region's end, else 0."""
        r = self.region.match(text, end, limit)
        if r is None or end + 1 in stops or not text[end - 1].isalpha():
            return 0
        return r.end()

    def _country_tail(self, text: str, end: int, limit: int, stops) -> int:
        """Rule ``body.country_tail``: lower-case words and a country after a body's name are part of it
        ("Bộ chỉ huy chiến lược Mỹ", "Hội đồng quốc phòng liên bang Nga"): their end, else ``end``."""
        b = self.blank.match(text, end, limit)
        if b is None or b.end() in stops or not text[b.end()].islower():
            return end
        e = self._lower_name(text, b.end(), limit, 2)
        c = self.blank.match(text, e, limit) if e is not None and e - b.end() <= 34 else None
        if c is None or c.end() in stops:
            return end
        country = self.country.match(text, c.end(), limit)
        if country is None or self.gazetteer.match(text, c.end(), limit) is not None:
            return end
        return country.end()

    def _sector_abroad(self, text: str, pos: int, limit: int, stops) -> int:
        """Rule ``body.sector_abroad``: a lower-case sector and a country after a title ("Bộ trưởng
        ngoại giao Mỹ", "tư lệnh hải quân Mỹ"): the end of the country, else ``pos``."""
        q = pos + 4 if text.startswith("các ", pos) else pos  # "Tổng Tham mưu trưởng các lực lượng vũ trang Nga"
        e = self._lower_name(text, q, limit, 2)
        if e is None or e - pos > 34:
            return pos
        b = self.blank.match(text, e, limit)
        if b is None or b.end() in stops:
            return pos
        country = self.country.match(text, b.end(), limit)
        if country is None and self.place_unit.match(text, b.end(), limit) is not None:
            # rule body.sector_place: "dân quân cơ động xã Hoài Thanh", "cán bộ văn hóa xã X"
            place = self.parse(text, b.end(), limit, stops)
            return place if place > b.end() else pos
        if country is None or self.gazetteer.match(text, b.end(), limit) is not None:
            return pos  # a Vietnamese province is no country abroad
        return country.end()

    def _joined_part(self, text: str, p: int, limit: int, stops, is_title) -> Optional[int]:
        """Start of the capitalized word after a connective at ``p`` ("và An ninh", "-Thương binh"), if it
        continues the name: a common compound written capitalized, not a body, title, rank or person."""
        c = self.connector.match(text, p, limit)
        if c is None:
            return None
        r = c.end()
        if r >= limit or not text[r].isupper() or r in stops or self.body_at(text, r, limit):
            return None
        if c.group().strip() in "-–" and self.country.match(text, r, limit) and self.country_end.search(text, max(0, p - 24), p):
            return r  # body.country_pair: "Hội Hữu nghị Việt Nam - Campuchia", "Trung tâm phân tích Pháp - Nga"
        if is_title is not None and is_title(text, r, limit):
            return None
        t = self.token.match(text, r, limit)
        if t is None:
            return None
        e = self._word_end(text, r, t.end(), limit)  # "Cục cứu hộ - Cứu nạn": a syllable the lexicon lacks
        word = fold(text[r:e])
        if word in self.not_joined or (e == t.end() and c.group() != "-" and c.group().strip() != "&"):
            return None  # after "và" or a spaced dash the part must be a compound; a tight dash or "&" joins any word
        return r

    def _caps_part(self, text: str, q: int, limit: int) -> Optional[int]:
        """Rule ``body.caps_prose``: in a line written in capitals, a part of a body's name is a place word ("TỈNH", "THÀNH PHỐ"),
        a province the gazetteer knows ("YÊN BÁI"), or after a place word up to three words that end the run of
        capitals ("HUYỆN" + "TÂN HÒA" at the line's end); else the body ends ("BỘ CHQS TỈNH" + "THĂM CHIẾN SĨ MỚI":
        a headline in capitals goes on in words, which a capital would otherwise keep in the name)."""
        run = _CAPS_RUN.match(text, q, limit)
        words = run.group().split() if run is not None else []
        for n in (2, 1):
            if len(words) >= n and " ".join(words[:n]).lower() in self.unit_kinds:
                return q + len(" ".join(words[:n]))
        titled = text[q:limit].title()  # one character for one: "YÊN BÁI" read as "Yên Bái"
        for g in (self.gazetteer.match(titled, 0), self.country.match(titled, 0)):  # "YÊN BÁI", "AI CẬP"
            if g is not None and (g.end() == len(titled) or not titled[g.end()].isalnum()):
                return q + g.end()
        before = text[max(0, q - 12) : q].split()
        if run is not None and before and before[-1].lower() in self.unit_kinds and len(words) <= self.max_caps_place:
            if _RUN_ENDS.match(text, run.end(), limit) is not None:
                return run.end()
        return None

    def _part(self, text: str, q: int, limit: int, stops, is_title) -> Optional[int]:
        """End of one part of a body name at ``q``: a body, a place, a connective word or a capitalized word."""
        m = self.body_at(text, q, limit) or self.gazetteer.match(text, q, limit)
        if m is None and q > 0 and text[q].isupper():
            m = self.country.match(text, q, limit)  # a country or a place abroad: "Hàn Quốc" is one word
        w = self.words.match(text, q, limit)
        if m is not None and w is not None and w.end() > m.end():
            return w.end()  # "Phòng không - Không quân" is longer than the body "Phòng"
        if m is not None:
            last = max(q, text.rfind(" ", q, m.end()) + 1)  # "Quân chủng Phòng" + "không"
            if " " not in m.group() and last == q:
                return self.word_end(text, last, m.end(), limit)  # "Cục" + "tác chiến"
            return self.compound_end(text, last, m.end(), limit) if text[last].isupper() else m.end()
        if is_title is not None and is_title(text, q, limit):
            return None
        if (c := _CAPS_WORD.match(text, q, limit)) is not None and caps_prose(c.group()) and _caps_line(text, q):
            return self._caps_part(text, q, limit)  # rule body.caps_prose
        m = self.number.match(text, q, limit)
        if m is not None:
            return m.end()
        m = self.words.match(text, q, limit)
        if m is not None:
            return m.end()
        m = self.token.match(text, q, limit)
        if m is None or _DECIMAL.match(text, q, limit):
            return None  # body.no_measure: "Bộ Giao thông vận tải 98,62 ha" — a measure, no unit number
        e = m.end()
        if text[q].isupper():
            if text[q:e] in self.dotted and text.startswith(". ", e):
                g = self.gazetteer.match(text, e + 2, limit)
                if g is not None:
                    return g.end()
            c = self.compound_end(text, q, e, limit)
            if c == e:
                cont = self.continuation.match(text, e, limit)  # a syllable the lexicon lacks ("Hạ tầng")
                if cont is not None and cont.end() not in stops:
                    c = cont.end()
            e = c
        return e
