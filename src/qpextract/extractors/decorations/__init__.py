"""Decorations conferred (SPEC Decoration): orders, medals, certificates, titles, flags.

A head word from ``data/vi/decorations.yaml`` ("Huân chương", "Bằng khen",
"cờ thi đua", "danh hiệu") starts a record. Its name runs from the head over
a capitalized word and the words after it up to a stop word ("Huân chương
Bảo vệ Tổ quốc", "cờ thi đua xuất sắc"); then come the grade ("hạng Nhì")
and the issuer ("của Thủ tướng Chính phủ"). The award verb of the clause
says who gave it ("UBND tỉnh tặng"), who received it ("Lào Cai đón nhận",
"X được tặng", "trao ... cho Y"), and a number right before the head is the
count ("trao 40 Huân chương"). Rules are named for ``explain``.
"""

from __future__ import annotations

import re
from typing import Optional

from pydantic import BaseModel, ConfigDict

from qpextract.data import read_yaml
from qpextract.document import Document
from qpextract.models import Decoration, DecorationKind
from qpextract.patterns import bounded, skip_blanks, trie_pattern

__all__ = ["DecorationExtractor"]

_WORD = re.compile(r"[ \t]++(\w[\w-]*+)")
_BLANK_WORD = re.compile(r"[ \t]*+(\w[\w-]*+)")
_QUOTED = re.compile(r"[ \t]*+(?:là[ \t]++)?+[\"“]([^\"“”\n]{2,120})[\"”]")
_OF = re.compile(r"[ \t]*+của[ \t]++")
_FOR = re.compile(r"[ \t]*+(?:cho|tới)[ \t]++")
_COUNT = re.compile(r"(?<![\w.,])(\d{1,6})[ \t]++$")
_CREDIT = re.compile(r"^.*\S/\S+[ \t]+")
_PAREN = re.compile(r"[ \t]*\([^()]{0,40}\)")
_SPLIT = re.compile(r",|;|[ \t]và[ \t]")
_LIST_END = re.compile(r"[.;:!?\n()]|[ \t]-[ \t]|[ \t](?:vì|đã|do|có|về|nhân dịp|để|nhằm|tại)[ \t]")


class Head(BaseModel):
    """One head word of decorations.yaml."""

    model_config = ConfigDict(extra="forbid")
    phrase: str
    kind: DecorationKind


class DecorationVocabulary(BaseModel):
    """decorations.yaml."""

    model_config = ConfigDict(extra="forbid")
    heads: list[Head]
    titles: list[str]
    lower_tails: list[str]
    grades: list[str]
    give_verbs: list[str]
    receive_verbs: list[str]
    name_stops: list[str]
    adverbs: list[str]
    not_subject: list[str]
    plural_markers: list[str]
    recipient_heads: list[str]


def _words_re(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + trie_pattern(words, fold_case=True) + r"(?!\w)", re.IGNORECASE)


class DecorationExtractor:
    """Component: fills ``doc.decorations`` in text order."""

    name = "decorations"
    needs = ()
    adds = ("decorations",)

    def __init__(self) -> None:
        voc = DecorationVocabulary.model_validate(read_yaml("decorations.yaml"))
        self.heads = {" ".join(h.phrase.split()): h for h in voc.heads}
        # scanned over the lower-cased text (doc.lex.lower): a case-sensitive trie scans several times faster
        self.head_re = re.compile(trie_pattern(list(self.heads), fold_case=True))
        self.title_re = re.compile(trie_pattern(voc.titles))
        self.tails = frozenset(voc.lower_tails)
        self.grade_re = re.compile(r"[ \t,]*+(" + trie_pattern(voc.grades, fold_case=True) + r")(?!\w)", re.IGNORECASE)
        self.give_re = _words_re(voc.give_verbs)
        self.receive_re = _words_re(voc.receive_verbs)
        self.stops = frozenset(voc.name_stops)
        self.adverb_tail = re.compile(r"(?:[ \t]++" + trie_pattern(voc.adverbs, fold_case=True) + r")++$", re.IGNORECASE)
        self.not_subject_re = _words_re(voc.not_subject)
        self.recipient_re = re.compile(trie_pattern(voc.recipient_heads, fold_case=True) + r"(?!\w)", re.IGNORECASE)
        self.plural_re = re.compile(r"(?<!\w)" + trie_pattern(voc.plural_markers, fold_case=True) + r"[ ,\t]++$", re.IGNORECASE)

    def __call__(self, doc: Document) -> None:
        text = doc.text
        found: list[tuple[int, int, Decoration, str]] = []
        taken_until = 0
        for m in self.head_re.finditer(doc.lex.lower):
            s, e = m.span()
            if s < taken_until or not bounded(text, s, e):
                continue
            head = self.heads[" ".join(m.group(0).lower().split())]
            read = self._read(doc, head.kind, s, e)
            if read is not None:
                found.append((s, read[1], read[0], read[2]))
                taken_until = read[1]
        # honours named without "danh hiệu", right after an award verb ("truy tặng Anh hùng ...")
        for m in self.title_re.finditer(text):
            s, e = m.span()
            if not bounded(text, s, e) or any(a <= s < b for a, b, _, _ in found):
                continue
            if self.give_re.search(text, max(0, s - 20), s) is None:
                continue
            rule = "decoration.title_after_verb"
            found.append((s, e, self._record(doc, "title", s, e, e, text[s:e], None, None, rule), rule))
        for s, end, record, rule in sorted(found, key=lambda x: x[0]):
            doc.decorations.append(record)
            doc.explain(self.name, rule, s, end)

    def _read(self, doc: Document, kind: DecorationKind, s: int, e: int) -> Optional[tuple[Decoration, int, str]]:
        """The record a head at ``text[s:e]`` starts, its end and rule; None when it names nothing."""
        text = doc.text
        if kind == "title":  # "danh hiệu “Đơn vị quyết thắng”", "danh hiệu Anh hùng Lực lượng vũ trang nhân dân"
            q = _QUOTED.match(text, e)
            t = self.title_re.match(text, skip_blanks(text, e))
            if t and bounded(text, t.start(), t.end()):
                name, end, rule = t.group(0), t.end(), "decoration.title_listed"
            elif q:
                name, end, rule = q.group(1).strip(), q.end(), "decoration.title_quoted"
            else:
                name_end = self._name_end(text, e, lower=False)
                if name_end == e:
                    return None
                name, end, rule = text[skip_blanks(text, e) : name_end], name_end, "decoration.title_named"
            return self._record(doc, kind, s, e, end, name, None, None, rule), end, rule
        name_end = self._name_end(text, e)
        named = name_end > e
        if not named:
            if self.plural_re.search(text, max(0, s - 12), s):
                return None  # "nhiều huân chương", "huân, huy chương": a group
            if not self._award_clause(text, s):
                return None  # the head alone, with no award in its clause ("bộ lễ phục gắn đầy huân chương")
        end = name_end
        name = text[s:name_end]
        grade = None
        g = self.grade_re.match(text, end)
        if g:
            grade, end = g.group(1), g.end()
        issuer = None
        of = _OF.match(text, end)
        if of and text[of.end() : of.end() + 1].isupper():
            issuer_end = self._phrase_end(text, of.end())
            issuer, end = text[of.end() : issuer_end], issuer_end
        rule = "decoration.named" if named else "decoration.head"
        return self._record(doc, kind, s, e, end, name, grade, issuer, rule), end, rule

    def _name_end(self, text: str, at: int, lower: bool = True) -> int:
        """End of a name after a head: a capitalized first word, then words up to a stop (at most 6), or listed tails."""
        end = at
        first = _WORD.match(text, at)
        if first and first.group(1)[0].isupper():
            end = self._phrase_end(text, at, limit=6)
        elif lower and first and first.group(1).lower() not in self.stops and first.group(1).lower() not in self.tails:
            # a lower-case name ("Huân chương dũng cảm") when it ends at a grade, "của" or punctuation
            cand = self._phrase_end(text, at, limit=4)
            after = text[cand : cand + 6]
            if self.grade_re.match(text, cand) or _OF.match(text, cand) or not after.strip() or after.lstrip()[:1] in ".,;:!?)\"”…":
                end = cand
        while True:
            t = _WORD.match(text, end)
            if not t or t.group(1).lower() not in self.tails:
                break
            end = t.end()
        return end

    def _phrase_end(self, text: str, at: int, limit: int = 8) -> int:
        """End of the words from ``at`` up to a stop word, punctuation or ``limit`` words."""
        end = at
        for i, w in enumerate(_BLANK_WORD.finditer(text, at, min(len(text), at + 200))):
            if w.start() != end or i >= limit or (i > 0 and w.group(1).lower() in self.stops):
                break
            end = w.end()
        return end

    def _award_clause(self, text: str, s: int) -> bool:
        a = _clause_start(text, s)
        return bool(self.give_re.search(text, a, s) or self.receive_re.search(text, a, s))

    def _record(
        self,
        doc: Document,
        kind: DecorationKind,
        s: int,
        e: int,
        end: int,
        name: str,
        grade: Optional[str],
        issuer: Optional[str],
        rule: str,
    ) -> Decoration:
        text = doc.text
        a = _clause_start(text, s)
        recipients: list[str] = []
        give = list(self.give_re.finditer(text, a, s))
        receive = list(self.receive_re.finditer(text, a, s))
        verb = max(give + receive, key=lambda m: m.start(), default=None)
        if verb is not None:
            before = text[a : verb.start()]
            duoc = before.rfind("được ")
            if verb in receive or duoc >= 0:
                # "X (đã) được (Bộ CHQS tỉnh xét đề nghị UBND tỉnh) tặng", "Lào Cai đón nhận"
                who = self._subject(text[a : a + duoc] if duoc >= 0 else before)
                if who:
                    recipients.append(who)
                if issuer is None and duoc >= 0 and verb in give:
                    giver = before[duoc + 5 :].rsplit("đề nghị", 1)[-1]
                    issuer = self._subject(giver)
            elif issuer is None:
                issuer = self._subject(before)
        f = _FOR.match(text, end)
        if f:
            rest = text[f.end() : f.end() + 200]
            stop = _LIST_END.search(rest)
            chunk = rest[: stop.start() if stop else len(rest)]
            for part in _SPLIT.split(chunk):
                part = part.strip()
                if len(part.split()) > 6 or not part or not (part[0].isupper() or part[0].isdigit() or self.recipient_re.match(part)):
                    break  # the list has run into the next clause, or "cho" meant "for"
                recipients.append(part)
        count = None
        c = _COUNT.search(text, max(0, s - 10), s)
        if c:
            count = int(c.group(1))
        return Decoration(
            **doc.span(s, end),
            kind=kind,
            name=name,
            grade=grade,
            issuer=issuer,
            recipients=recipients,
            count=count,
            rule=rule,
        )

    def _subject(self, clause: str) -> Optional[str]:
        """The bare noun phrase a clause ends with ("năm 2022, Ban CHQS Thành phố đã" -> "Ban CHQS Thành phố")."""
        piece = clause.rsplit(",", 1)[-1].strip()
        piece = _CREDIT.sub("", _PAREN.sub("", piece)).strip()  # "Ảnh: Nhan Sáng/TTXVN Chủ tịch nước ...", "(trái)"
        head, dash, tail = piece.rpartition(" - ")
        if dash and tail[:1].islower():
            piece = head  # "Trung tá David Landon - người đã từng"
        piece = self.adverb_tail.sub("", " " + piece).strip()
        if not piece or not piece[0].isupper() or len(piece.split()) > 8 or self.not_subject_re.search(piece):
            return None
        return piece


def _clause_start(text: str, s: int) -> int:
    """Start of the sentence part that holds ``s`` (after the last . ; : ! ? or newline, at most 250 back)."""
    lo = max(0, s - 250)
    cut = max(text.rfind(ch, lo, s) for ch in ".;:!?\n")
    return cut + 1 if cut >= 0 else lo
