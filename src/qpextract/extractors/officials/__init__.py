"""Officials, their ranks and positions (SPEC Official, RankMention).

How it reads an article body:

1. ``names``: every 2-4 syllable capitalized name starting with a surname.
2. ``lexicon.cues``: one scan for honorifics ("đồng chí", "đ/c", "ông", "bà"),
   ranks ("Đại tá", "đại tá") and titles ("Bí thư", "Phó Chủ tịch thường
   trực"); a title takes its body ("Bí thư Thành ủy") via ``positions``.
3. A walk over cues and names in text order: cues that touch each other form a
   chain ("đồng chí Đại tá", "Chính ủy Bộ Tư lệnh Thủ đô, trung tướng"); a
   chain that ends on a name makes that name an official with the chain's
   honorific, rank and positions. A name followed by ", <title>" or
   "- <title>" is an official too, and the chain after it gives its positions.
   Names after "Các đồng chí:" separated by ";" inherit "đồng chí", also those
   written with their own rank or post ("; Thiếu tướng B - Phó Tư lệnh …").
4. ``coref``: chains that end without a name ("ông Dung", "đồng chí Bí thư
   Thành ủy") and bare repeats of a known full name become more mentions.

Schema 2: every named person is an Official. Besides cued names, ``foreign``
finds foreign, Lao and ethnic-minority names after strong cues, a full name of
three syllables needs no cue (``person.bare``), and nouns such as "anh",
"tân binh" introduce persons. Each Official and Position carries the name of
the rule that made it (data/vi/officials_rules.yaml), and ``explain`` prints it.
Authors of the byline are never officials. No model call on this path.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from itertools import accumulate
from typing import Iterator, NamedTuple, Optional, Union

from qpextract.document import Document
from qpextract.extractors.officials.coref import Person, Registry, key_form
from qpextract.extractors.officials.foreign import ForeignFinder, cut_last_dash, vietnamese_syllable
from qpextract.extractors.officials.lexicon import Lexicon
from qpextract.extractors.officials.names import NameFinder, NameSpan
from qpextract.extractors.officials.positions import Pos, PositionParser
from qpextract.extractors.officials.ranks import RankHit, RankReader
from qpextract.text.lexicon import CAP_SYLLABLE, UPPER, fold, lowered
from qpextract.text.segment import NAME_INITIALS_END
from qpextract.text.wraps import unwrapped
from qpextract.models import Mention, Official, Position, RankMention

# a short name after an honorific or rank: one or two capitalized syllables, no more
_BLANKS = re.compile(r"[ \t]++")
_PARTS = re.compile(r"[-.'’]")  # the parts of a foreign name token ("Jean-Pierre", "O'Brien")
_DOTTED_INITIALS = re.compile(r"(?:" + UPPER + r"\.){2,}+")  # "H.W.", "H.R.": initials inside a longer name
_AFTER_OF = re.compile(r"(?<!\w)của[ \t]++\Z")  # a post written as the object of "của"
_INITIAL_TOKEN = re.compile(r"(?:" + UPPER + r"\.)++|" + UPPER)  # "H.M.", "K": a token of initials only
_ALIAS = re.compile(r"[ \t]++(" + CAP_SYLLABLE + r"(?:[ ]" + CAP_SYLLABLE + r")?+)(?![ ]" + UPPER + ")")
# "Bộ" right before a title word: the title is part of a body's name ("Bộ tư lệnh")
_BODY_WORD_BEFORE = re.compile(r"(?<!\w)[Bb]ộ[ \t]++\Z")
# between two items of a list of persons ("A, Chủ tịch ...; B, Phó ...") or of names under
# one title ("A, B; C và D")
_LIST_GAP = re.compile(r"[ \t]*+(?:[;,][ \t]*+(?:và[ \t]++)?|và[ \t]++)")
_ITEM_END = re.compile(r"[^;.:\n]{1,160}+;[ \t]*+(?:và[ \t]++)?")  # the rest of a list item with its posts, to its semicolon


_CUE_RULES = frozenset({"position.holder", "position.clause_post"})  # title cues that keep the rule that made them
_COMMA_BEFORE = re.compile(r"[ \t]*+(?:\([^()\n]{1,40}+\)[ \t]*+)?,[ \t]*+\Z")  # "… (IRGC), " before a cue
_DASH_LOWER = re.compile(r"[ \t]*+-[ \t]*+[a-z]")  # a lower-case part after a dash ("Prayuth Chan - ocha")
_INNER_CAPITAL = re.compile(r"[^\W\d_A-Z][A-Z]")  # a small letter then a capital in a word with Vietnamese letters


def _reads_foreign(word: str) -> bool:
    """Some part of ``word`` (two letters or more) cannot be a Vietnamese syllable ("Chhay"; not "H.Cần")."""
    return not all(vietnamese_syllable(p) for p in _PARTS.split(word) if len(p) > 1)


_CAPS_WORD = UPPER + r"(?:" + UPPER + r"|[\u0300-\u036f])*+"
_CAPS_RUN = re.compile(r"[ \t]*+" + _CAPS_WORD + r"(?:[ ]" + _CAPS_WORD + r"){1,3}+(?![\w])(?![ ][A-ZĐ])")  # "TRẦN SƠN", then no capital word
_DASH_UPPER = re.compile(r" - (?=" + UPPER + ")")
_COMPASS = frozenset({"Bắc", "Nam", "Đông", "Tây"})  # a compass word before a foreign word names a region
# person.model_name: a model code ("F-22", "Su-35", "MiG-29K") and the capitalized word after it, quoted or not
_MODEL_NAMED = re.compile(r"(?<![\w-])[A-Z][A-Za-z]{0,4}-?\d{1,4}[A-Za-z]{0,3}[ \t]++[\"“(]?+([A-Z][a-z]{2,}+)(?!\w)")
_NUMBER_AFTER = re.compile(r"[ ]\d++(?![ \t]*+tuổi)")  # "Grace 1": a name and a number name a ship or a model
_BRACKET_AFTER = re.compile(r"[ \t]*+\([^()\n]{1,40}+\)")
_LOWER_WORD = re.compile(r"[^\W\d_]++")  # a word of letters (the caller checks it starts lower-case)
_AFTER_IS = re.compile(r"(?<!\w)là[ \t]++\Z")  # the blank before it is checked apart


class Cue(NamedTuple):
    start: int
    end: int
    kind: str  # "hon" | "rank" | "title" | "noun"
    value: Union[str, RankHit, Pos]


class OfficialExtractor:
    """Component: fills ``doc.officials`` and ``doc.ranks``."""

    name = "officials"
    needs = ("body", "authors", "sentences")
    adds = ("officials", "ranks")

    def __init__(self) -> None:
        self.lex = Lexicon()
        self.names = NameFinder(self.lex)
        self.positions = PositionParser(self.lex)
        self.ranks = RankReader(self.lex)
        rules = self.lex.rule_words
        self.kin_nouns = frozenset(fold(w) for w in rules["kin_nouns"])
        self.given_name_nouns = frozenset(fold(w) for w in rules["given_name_nouns"])
        self.group_items = tuple(rules["group_items"])
        self.foreign = ForeignFinder(
            self.lex.countries, self.lex.particles, self.lex.korean, self.lex.any_country,
            (rules["naming_words"], rules["named_person_heads"]),
        )

    # -- the walk ----------------------------------------------------------
    def __call__(self, doc: Document) -> None:
        lo, hi = doc.body if doc.body[1] > doc.body[0] else (0, len(doc.text))
        # rule person.wrapped_line: a page that hard-wraps its lines is read with its soft line breaks as blanks,
        # one character for one ("Đại tá Lò Văn" / "Tám, Phó Chỉ huy trưởng"; "Chủ tịch" / "HĐND huyện")
        text = unwrapped(doc.text, lo, hi)
        authors = {fold(a) for a in doc.authors}
        # the cue words, scanned once: both walks below read them
        low = lowered(text)  # lower-cased once for both scans that need it
        matches = list(self.lex.cues.finditer(text, low, lo, hi))
        # a Vietnamese-looking run with a foreign word in it ("châu Âu Arnaud Danjean") is no Vietnamese name:
        # dropped before the foreign names are merged, so that the foreign name found inside it stands
        vi_names = [n for n in self.names.find(text, lo, hi) if self._reads_vietnamese(text, n)]
        tail_posts: dict[int, Pos] = {}  # person.post_tail: name start -> the post written before it
        names = self._with_foreign(text, lo, hi, vi_names, matches, tail_posts)
        names = [
            n
            for n in names
            if fold(text[n.start : n.end]) not in authors
            and text[n.start : n.end] not in self.lex.country_set
            and not (text[n.end : n.end + 1] == "." and text[n.end + 1 : n.end + 2].isupper())  # "Đỗ V.Q.": initials only
            and not (n.start > lo and text[n.start - 1] in " \t" and self.lex.thing_head.search(text, max(lo, n.start - 16), n.start))
            and not (n.start > lo and self.lex.company_run.search(text, max(lo, n.start - self.lex.company_reach), n.start))  # person.company
            and not self.names.residents_place(text, n, lo)  # "người dân Sầm Sơn": a place
            and not self.names.names_thing(text, n, lo)  # "mang tên danh tướng Trần Hưng Đạo": a ship's name
            and (n.kind != "vi" or self._reads_vietnamese(text, n))
        ]
        names = self._outside_links(text, lo, hi, names)
        stops = {n.start for n in names}
        name_ends = {n.end for n in names}
        cues = self._cues(text, lo, hi, stops, matches)
        cues = self._clause_posts(text, lo, stops, cues)
        cues = [c for c in cues if not self._spoken_for(text, lo, hi, c)]
        events: list[tuple[int, int, Union[Cue, NameSpan]]] = [(c.start, 1, c) for c in cues]
        events += [(n.start, 0, n) for n in names]
        events.sort(key=lambda ev: (ev[0], ev[1]))

        reg = Registry()
        holders: dict[int, Optional[Person]] = {}  # rank cue start -> holder
        deferred: list[tuple[list[Cue], int, int, str, list[Pos]]] = []  # short mentions, resolved at the end
        uncued: list[NameSpan] = []
        chain: list[Cue] = []
        chain_end = -1
        cursor = lo
        plural: Optional[str] = None  # the honorific a list of persons hands on
        list_rank: Optional[str] = None  # the rank a list of persons hands on ("Thượng tướng A, B")
        list_end = -1
        list_cue: Optional[Cue] = None  # the rank cue of that list
        listed = False  # the name before was a person with no post: a name joined to it by ", " or "và" is one too
        shared: list[tuple[Cue, Person]] = []  # ("Thượng tướng A, B"): the rank cue said of B too
        for _, _, ev in events:
            if ev.start < cursor:
                continue
            if chain and (not self._joined(text, chain_end, ev.start) or self._predicate_title(text, chain, ev.start, name_ends)):
                held = chain[-1].kind == "title" and not (isinstance(ev, Cue) and ev.kind == "title") and self._holder_copula(text, chain_end, ev.start)
                if held:  # "Thuyền trưởng tàu X là ông A": rule position.holder
                    chain[-1] = chain[-1]._replace(value=chain[-1].value._replace(rule="position.holder"))  # type: ignore[union-attr]
                else:
                    self._flush(text, chain, hi, stops, deferred)
                    chain = []
            if isinstance(ev, Cue):
                chain.append(ev)
                chain_end = cursor = ev.end
                continue
            s, e = ev.start, ev.end
            post, post_end = self.positions.chain_after(text, e, _line_end(text, e, hi), stops)
            if (
                len(post) >= 2
                and any(c.kind == "title" for c in chain)
                and text[e : post[0].start].strip() == ","
                and all(text.startswith(self.group_items, q.start) for q in post)
            ):
                # rule position.group_item: "Dự có Phó Chủ tịch HĐND tỉnh A, lãnh đạo UBMTTQVN tỉnh, đại biểu LLVT
                # …": after a name whose post came before it, groups in lower case are the next items of the list
                post, post_end = [], e
            plural_cue = next((c for c in chain if c.kind == "hon" and c.value in self.lex.plural), None)
            plural_here = self.lex.honorific[plural_cue.value] if plural_cue is not None else None  # type: ignore[index]
            if plural_cue is not None and ":" in text[plural_cue.end : s] and any(
                c.kind == "title" and plural_cue.end <= c.start and c.end <= text.index(":", plural_cue.end) for c in chain
            ):
                # "các đồng chí Phó tổng Tham mưu trưởng …: Trung tướng A, …; Trung tướng B": the honorific heads the
                # group title, not a name; the gold gives the names none (dev2 notes, qdnd-004)
                plural_here = plural_cue = None
                chain = [c for c in chain if c.kind != "hon"]
            inherited = (
                not chain
                and (plural is not None or list_rank is not None)
                and list_end >= 0
                and (m := _LIST_GAP.match(text, list_end, s)) is not None
                and m.end() == s
            )
            # "các đồng chí: A - …; Thiếu tướng B - …": an item with its own rank or post and no
            # honorific, set off by ";", still takes the list's (rule person.list); not after "," or "và"
            # ("các đồng chí Thượng tướng A, Trung tướng B và Trung tướng C": dev4 gold gives them none)
            list_honorific = (
                plural
                if chain
                and plural is not None
                and list_end >= 0
                and not any(c.kind == "hon" for c in chain)
                and (m := _LIST_GAP.match(text, list_end, chain[0].start)) is not None
                and m.end() == chain[0].start
                and ";" in m.group()
                else None
            )
            # "Tết Đinh Dậu, cán bộ Ban Chỉ huy quân sự": an apposition title alone makes no person
            cue_post = [q for q in post if not q.weak]
            aged = not (chain or cue_post or inherited or self.lex.thing_before.search(text, max(lo, s - 24), s)) and (
                self.lex.age_after.match(text, e, hi) is not None or self.lex.appositive_after.match(text, e, hi) is not None
            )
            bare = not (chain or cue_post or inherited or aged) and (ev.kind != "vi" or self.names.bare_ok(text, ev, lo))
            # "Nguyễn Văn An, Trần Bình và …": joined to a person named with no post (rule person.list)
            in_list = (
                not (chain or cue_post or inherited or aged or bare)
                and listed
                and (m := _LIST_GAP.match(text, list_end, s)) is not None
                and m.end() == s
            )
            bare = bare or in_list
            if chain or cue_post or inherited or bare or aged:
                hon = next((self.lex.honorific[c.value] for c in chain if c.kind == "hon"), None)  # type: ignore[index]
                rank_cue = next((c for c in chain if c.kind == "rank"), None)
                rank = rank_cue.value.row.rank if rank_cue else None  # type: ignore[union-attr]
                if inherited:
                    hon, rank = plural, list_rank
                elif list_honorific is not None:
                    hon = list_honorific
                pre = [
                    c.value._replace(rule=c.value.rule if c.value.rule in _CUE_RULES else "position.before")  # type: ignore[union-attr]
                    for i, c in enumerate(chain)
                    if c.kind == "title"
                    and (not c.value.group or (i == len(chain) - 1 and not text[c.end : s].strip()))  # type: ignore[union-attr]
                ]
                rule = _person_rule(chain, ev, bool(post), inherited or in_list or list_honorific is not None)
                if aged and ev.kind == "vi":
                    rule = "person.age" if self.lex.age_after.match(text, e, hi) else "person.apposition"
                person = None
                if ev.kind in ("foreign", "tail", "known", "appos", "patronymic", "first_name") and " " not in key_form(text[s:e]):
                    person = reg.by_foreign_name(text[s:e])  # "ông Trump" after "Donald Trump"
                    if person is not None:
                        person.add_mention(s, e)
                        person.add_short_positions(self.positions.rank_titles(text, pre + post))  # rule position.rank_title
                if not (pre or post) and s in tail_posts:
                    post = [tail_posts[s]]  # rule position.post_tail
                if person is None:
                    written = text[s:e] if ev.kind != "caps" else " ".join(w.capitalize() for w in text[s:e].split(" "))
                    person = reg.named(written, s, e, hon, rank, self.positions.rank_titles(text, pre + post), rule)  # type: ignore[arg-type]
                for c in chain:
                    if c.kind == "rank":
                        holders[c.start] = person
                if inherited and list_rank is not None and list_cue is not None and holders.get(list_cue.start) is not person:
                    shared.append((list_cue, person))
            else:
                uncued.append(ev)
            plural = plural_here or (plural if inherited or list_honorific is not None else None)
            if chain or cue_post or inherited or bare or aged:
                list_rank = (rank if not post else None) if (rank_cue is not None or inherited) else None
                list_cue = rank_cue or (list_cue if inherited else None)
            else:
                list_rank = None
            list_end = post_end
            listed = bool(chain or cue_post or inherited or bare or aged) and not post
            cursor = post_end
            chain = []
        if chain:
            self._flush(text, chain, hi, stops, deferred)

        for span in uncued:
            person = reg.get(text[span.start : span.end])
            if person is not None:
                person.add_mention(span.start, span.end)
            else:
                doc.near_miss(self.name, "name", span.start, span.end, "no honorific, rank or title cue before the name and no position after it (nor such a mention elsewhere)")
        reg.add_repeats(text, lo, hi)
        for items, s, e, kind, post in deferred:
            if not self._resolve(reg, items, s, e, kind, text, holders, post):
                doc.near_miss(self.name, f"short.{kind}", s, e, "after an honorific or rank: no surname from data/vi/surnames.tsv starts it and no person named earlier matches" if kind == "alias" else "a title after an honorific: no person named earlier holds it")
        self._predicate_posts(doc, text, low, reg, lo, hi, stops)
        self._group_posts(text, reg, cues, hi)
        self._predicate_ranks(doc, text, reg, cues, holders)
        self._emit(doc, reg, cues, holders, shared)

    def _reads_vietnamese(self, text: str, n: NameSpan) -> bool:
        """A name from ``names`` whose words all read Vietnamese, or a Gia Rai family name first ("Ksor Phước";
        not cut before an apostrophe: "Rơ Land H'Kem")."""
        return all(len(w) <= 2 or vietnamese_syllable(w) for w in text[n.start : n.end].split(" ")) or (
            text[n.start : n.end].split(" ")[0] in self.lex.ethnic_first and text[n.end : n.end + 1] not in "'’"
        )

    def _with_foreign(
        self, text: str, lo: int, hi: int, names: list[NameSpan], matches: list[re.Match[str]],
        tail_posts: Optional[dict[int, Pos]] = None,
    ) -> list[NameSpan]:
        """``names`` plus the foreign names (rule ``person.foreign``) after strong cues; overlaps keep the first found."""
        found: list[NameSpan] = []
        sector = False
        for m in matches:
            kind = self.lex.cue_kind.get(fold(m.group()))
            # the windows below all end in blanks: no blank right before the cue, no match
            blank = m.start() > lo and text[m.start() - 1] in " \t"
            if (
                (blank and self.lex.unit_before.search(text, max(lo, m.start() - 12), m.start()))
                or (blank and self.lex.thing_head.search(text, max(lo, m.start() - 16), m.start()))
                or self._after_vessel(text, lo, m.start())  # rule person.not_ship: 'tàu sân bay "Đô đốc Kuznetsov"'
                or self._inside_name(text, m.start(), m.end(), kind)
            ):
                continue  # "tỉnh Bà Rịa", "Đông Anh, Quốc Oai": a place, not "bà" + a name
            comma = self.lex.comma_before.search(text, max(lo, m.start() - 8), m.start()) if blank else None
            if comma is not None:
                # "Douglas Macgregor, Đại tá đã nghỉ hưu ...": a foreign name followed by its post
                self._before_post(text, comma.start(), kind != "hon", lo, hi, found)
            limit = _line_end(text, m.end(), hi, 120)
            c = self.foreign.country_in(text, m.end(), min(limit, m.end() + 40))
            if c is not None and text[c[0]] in " \t" and self.lex.unit_before.search(text, max(lo, c[0] - 12), c[0] + 1):
                c = None  # "huyện Đức Thọ": a Vietnamese place, not the country "Đức"
            if c is not None and not any(ch in ".;:,()" for ch in text[m.end() : c[0]]):
                # "Tổng thống Pháp Emmanuel Macron", "nhà quan sát quân sự Nga A B", "Đại sứ Mỹ tại Việt Nam A B"
                pos, strict = self.foreign.past_posting(text, c[1], limit), False
            elif kind == "title":
                if blank and _BODY_WORD_BEFORE.search(text, max(lo, m.start() - 4), m.start()):
                    continue  # "Bộ tư lệnh Phương Bắc": the title word is part of a body's name
                # "Thứ trưởng Anatoly Antonov", "Bộ trưởng Quốc phòng Vladimir Padrino": the name must read foreign
                pos, strict = self._after_sector(text, m.end(), limit), True
                sector = pos > m.end()
            else:
                cue_end = m.end()
                if kind == "rank":
                    hit = self.ranks.read(text, m.start(), m.end(), limit)
                    cue_end = hit.end if hit is not None else cue_end  # "đại tá hải quân" + name
                g = self.lex.gap.match(text, cue_end, limit)
                pos = g.end() if g is not None else cue_end
                if pos > cue_end and text[pos - 1] not in " \t":
                    continue
                pos, strict = self.foreign.after_country(text, pos - 1 if pos > cue_end else pos, limit), True
            if kind in ("rank", "hon") and (caps := self._caps_name(text, pos, limit)) is not None:
                found.append(caps)  # rule person.capitals: "Đại tá TRẦN SƠN (nguyên phó trưởng phòng …)"
                continue
            if kind == "rank" and (a := self.foreign.past_acronym(text, pos, limit, self.lex.acronyms)) > pos:
                pos = a  # "đại tá GRU Georgi Bolshakov": a body in capitals between the rank and the name
            skipped = False
            if (
                kind == "noun"
                and (w := self.lex.field_words.match(text, pos, limit)) is not None
                and all(x in self.lex.field_vocab for x in text[w.start() : w.end()].split())
            ):
                # "chuyên gia phân tích quốc phòng Ahmad al-Sharifi": the field, then a name that reads foreign
                pos, skipped = self.foreign.after_country(text, w.end(), limit), True
            if kind in ("title", "noun") and (a := self.foreign.past_acronym(text, pos, limit, self.lex.acronyms)) > pos:
                pos, skipped = a, True  # "giám đốc FBI James Comey": after a body, a first and a last name
            before = len(found)
            for s, e, tokens in self.foreign.runs_after(text, pos, limit):
                s, e, tokens = self._trim_run(text, s, e, tokens, limit)
                if not tokens or (len(tokens) == 1 and len(tokens[0].rstrip(".")) < 2) or all(_INITIAL_TOKEN.fullmatch(t) for t in tokens):
                    continue  # "ông Đỗ V.Q.": a lone initial is no name; nor are initials only ("cháu H.M. K")
                foreign = [t for t in tokens if not all(vietnamese_syllable(p) for p in _PARTS.split(t) if p)]
                if len(tokens) < 2 and kind == "noun" and fold(m.group()) in self.kin_nouns:
                    continue  # "con gái Yulia": a given name alone is no full name (gold leaves it out)
                if len(tokens) < 2 and kind == "noun" and (
                    fold(m.group()) in self.lex.resident_nouns
                    or (m.start() > lo and text[m.start() - 1] in " \t" and self.lex.plural_before.search(text, max(lo, m.start() - 12), m.start()))
                ):
                    continue  # rule person.plural_noun: "5 binh sĩ Niger", "người dân Fallujah": a country, a unit, a place
                if skipped and (len(tokens) < 2 or any(ch.isdigit() for t in tokens for ch in t)):
                    continue  # after a field, a first and a last name ("chuyên gia hàng không Carlo Kopp")
                if not foreign and (skipped or len(tokens) < 2 or (strict and tokens[0] in self.lex.surnames) or tokens[0] in self.lex.nickname_first):
                    continue  # "ông Tư", "Nga Sơn": one Vietnamese syllable is no foreign name; "anh Sáu Nam" a nickname
                if not foreign and tokens[0] not in self.lex.ethnic_first and (
                    (kind == "noun" and len(tokens) == 2 and fold(m.group()) in self.given_name_nouns)
                    or self.lex.bodies.compound_end(text, e - len(tokens[-1]), e, limit) > e
                ):
                    continue  # rule person.given_name: "Chiến sĩ Thanh Tâm" (no surname); "vụ trưởng Vụ Giáo dục" cut in a word
                if not foreign and tokens[0] not in self.lex.ethnic_first and (self.lex.body_before.search(text, max(lo, s - 16), s) or self.lex.unit_before.search(text, max(lo, s - 12), s)):
                    continue  # "Phó bí thư Huyện ủy Tu Mơ Rông": Vietnamese syllables after a body or unit name a place
                if kind == "title" and strict and sector and (len(tokens) < 2 or (len(tokens) == 2 and not foreign and tokens[0] not in self.lex.surnames
                        and tokens[0] not in self.lex.ethnic_first)):
                    continue  # "Chủ tịch Hội đồng Quân sự Manbij", "Hạm đội Biển Đen", "Huyện ủy Phú Tân": the body goes on
                found.append(NameSpan(s, e, "foreign"))
            if kind == "title" and len(found) == before and _foreign_ahead(text, pos, limit, 90):
                self._after_body(text, m.start(), limit, found)
            if kind == "title" and len(found) == before:
                self._post_comma(text, m.start(), limit, found)
            if kind in ("title", "noun") and len(found) == before:
                self._post_comma(text, m.start(), limit, found, m.end())
            if kind in ("title", "noun") and len(found) == before:
                self._post_tail(text, m.end(), limit, found, (m.start(), tail_posts))
        for w in self.lex.appositive.finditer(text, lo, hi):
            # "Bun Heang, chỉ huy lực lượng cảnh vệ", "Michael Morell, thành viên NDSC"
            m = self.lex.appositive_before.search(text, max(lo, w.start() - 12), w.start()) or _ONE_BEFORE.search(
                text, max(lo, w.start() - 12), w.start()
            )  # "Oleg Derevianko, một quan chức lãnh đạo ISSP"
            if m is not None:
                self._before_post(text, m.start(), True, lo, hi, found)
            if not (w.start() > lo and text[w.start() - 1].isalnum()):
                self._post_tail(text, w.end(), _line_end(text, w.end(), hi, 160), found, (w.start(), tail_posts))
        for w in self.lex.appositive_cap.finditer(text, lo, hi):
            if self.foreign.opens_sentence(text, w.start(), lo):
                self._post_tail(text, w.end(), _line_end(text, w.end(), hi, 160), found, (w.start(), tail_posts))
        for s0, e0, tokens in self.foreign.named_runs(text, lo, hi):
            # rule person.named: "một người phụ nữ Mỹ có tên Kathryn Mayorga": two words or more, one reading foreign
            s0, e0, tokens = self._trim_run(text, s0, e0, tokens, hi)
            if len(tokens) >= 2 and (
                (tokens[0] not in self.lex.surnames and any(not vietnamese_syllable(t) for t in tokens))
                or (tokens[0] in self.lex.surnames and len(tokens) <= 4 and all(vietnamese_syllable(t) for t in tokens))
            ):
                found.append(NameSpan(s0, e0, "named"))  # "một chàng trai có tên Phan Hiệp" too
        for w in self.lex.age_word.finditer(text, lo, hi):
            # rule person.age: "Paul Nguyễn, 24 tuổi": any capitalized run before an age is a name
            m = self.lex.age_before.search(text, max(lo, w.start() - 20), w.start())
            if m is None:
                continue
            s0, tokens = self._lead_trim(*self.foreign.run_before_comma(text, m.start(), lo))
            if len(tokens) >= 2 and tokens[0] not in self.lex.surnames:
                s0, e0, tokens = self._trim_run(text, s0, m.start(), tokens, hi)
                if len(tokens) >= 2:
                    found.append(NameSpan(s0, e0, "foreign"))
        for s0, e0, tokens in self.foreign.recurring(text, lo, hi, self.lex.recurring_not_first, self.lex.recurring_alone_not_after):
            # rule person.recurring: "Roman Sushchenko …", later "Sushchenko …"; not a thing's, place's or body's name
            if self.lex.patronymic.match(text, e0):
                continue  # "Sheik Hamad bin Khalifa al Thani": the name goes on past "bin" (rule person.patronymic reads it)
            if tokens[0] not in self.lex.surnames and not (
                self.lex.thing_before.search(text, max(lo, s0 - 24), s0)
                or self.lex.thing_head.search(text, max(lo, s0 - 16), s0)
                or self.lex.place_before.search(text, max(lo, s0 - 16), s0)
            ) and self._trim_run(text, s0, e0, tokens, hi)[2] == tokens:
                found.append(NameSpan(s0, e0, "recurring"))
        found += self._elected(text, lo, hi)
        found += self._listed(text, hi, found)
        free = self._known(text, lo, hi) + self._patronymic(text, lo, hi) + self._first_names(text, lo, hi)
        found += free + self._listed(text, hi, free)  # "Joost Oliemans và Stijn Mitze, hai chuyên gia"
        found += [
            NameSpan(m.start(), m.end())
            for m in self.lex.person_place.finditer(text, lo, hi)
            if (a := self.lex.person_place_after.search(text, max(lo, m.start() - 16), m.start())) is not None
            and not self.lex.thing_before.search(text, max(lo, a.start() - 24), a.start())  # "Lăng Chủ tịch Hồ Chí Minh"
        ]
        return _merge_found(names, self._not_model_names(text, lo, hi, found))

    def _after_vessel(self, text: str, lo: int, pos: int) -> bool:
        """Rule ``person.not_ship``: a vessel's head and the words of its kind end right before ``pos``, with a blank
        or an opening quote between ("tàu sân bay đa chức năng Đô đốc …", 'tàu sân bay "Đô đốc …'): a ship's name."""
        if pos > lo and text[pos - 1] in "\"“":
            pos -= 1
            if pos > lo and text[pos - 1] not in " \t":
                return False
        elif not (pos > lo and text[pos - 1] in " \t"):
            return False
        return self.names.vessel_before.search(text, max(lo, pos - 48), pos) is not None

    @staticmethod
    def _not_model_names(text: str, lo: int, hi: int, found: list[NameSpan]) -> list[NameSpan]:
        """Rule ``person.model_name``: a one-word name the article also writes right after a model code is the
        model's nickname ("F-22 Raptor", 'F-22 "Raptor"', then "một phi công Raptor"), not a person."""
        if not any(" " not in text[f.start : f.end] for f in found):
            return found
        models = {m.group(1) for m in _MODEL_NAMED.finditer(text, lo, hi)}
        return [f for f in found if " " in text[f.start : f.end] or text[f.start : f.end] not in models]

    def _outside_links(self, text: str, lo: int, hi: int, names: list[NameSpan]) -> list[NameSpan]:
        """Rule ``person.not_in_links``: ``names`` less those in a line that points to another article or a
        source ("Xem thêm: …", a web address) or in a bracketed related headline ("[Ngoại trưởng A: …]")."""
        spans: list[tuple[int, int]] = []
        for m in _line_matches(self.lex.link_line, text, lo, hi):
            end = _line_end(text, m.start(), hi, 2000)
            if m.group().endswith("://") and end - m.start() > 400:
                continue  # a web address in a long line: an article printed as one line, its sources at the end
            spans.append((m.start(), end))
        a = text.find("[", lo, hi)
        while a >= 0:
            b = text.find("]", a, min(hi, a + 240))
            if b < 0:
                break
            if b - a > 20 and "\n" not in text[a:b] and text[a + 1 : a + 2].isupper():
                spans.append((a, b))  # "[Ngoại trưởng Sergei Lavrov: Chiến dịch bài Nga vẫn tiếp diễn ở Mỹ]"
            a = text.find("[", b, hi)
        if not spans:
            return names
        spans.sort()
        starts = [s for s, _ in spans]
        out = []
        for n in names:
            i = bisect_right(starts, n.start) - 1
            if i >= 0 and n.start < spans[i][1]:
                continue
            out.append(n)
        return out

    def _caps_name(self, text: str, pos: int, limit: int) -> Optional[NameSpan]:
        """Rule ``person.capitals``: a name written in capitals right after a rank or honorific ("Đại tá TRẦN SƠN",
        "Ông PHAN NGUYỄN NHƯ KHUÊ"): two to four syllables, a surname first, each one Vietnamese syllable."""
        m = _CAPS_RUN.match(text, pos, limit)
        if m is None:
            return None
        start = m.start() + len(m.group()) - len(m.group().lstrip(" \t"))
        words = text[start : m.end()].split(" ")
        if words[0].capitalize() not in self.lex.surnames or not all(w.isupper() and vietnamese_syllable(w.lower()) for w in words):
            return None
        return NameSpan(start, m.end(), "caps")

    def _elected(self, text: str, lo: int, hi: int) -> list[NameSpan]:
        """Rule ``person.elected``: a foreign name between a verb that makes someone something and "làm"
        ("bầu Simon Bolivar làm tổng thống lâm thời")."""
        out: list[NameSpan] = []
        for m in self.lex.elect_verb.finditer(text, lo, hi):
            if m.start() > lo and text[m.start() - 1].isalnum():
                continue
            limit = _line_end(text, m.end(), hi, 80)
            for s, e, tokens in self.foreign.runs_after(text, m.end(), limit):
                s, e, tokens = self._trim_run(text, s, e, tokens, limit)
                if (
                    len(tokens) >= 2 and tokens[0] not in self.lex.surnames and self.lex.as_after.match(text, e, limit)
                    and any(_reads_foreign(t) for t in tokens)
                ):
                    out.append(NameSpan(s, e, "elected"))
        return out

    def _listed(self, text: str, hi: int, found: list[NameSpan]) -> list[NameSpan]:
        """Rule ``person.list`` for foreign names: a name joined by ", " or "và" to a foreign name found after a
        cue ("Hai thuyền trưởng Bina Irawan Marpaung và Sumarji Bimoaji"): two words or more, one reading foreign."""
        out: list[NameSpan] = []
        for f in found:
            if f.kind not in _LIST_HEADS:
                continue
            end = f.end
            while (g := _LIST_GAP.match(text, end, hi)) is not None:
                limit = _line_end(text, g.end(), hi, 120)
                runs = list(self.foreign.runs_after(text, g.end() - 1, limit)) if text[g.end() - 1] in " \t" else []
                if not runs:
                    break
                s, e, tokens = self._trim_run(text, *runs[0], limit)
                if len(tokens) < 2 or tokens[0] in self.lex.surnames or all(vietnamese_syllable(t) for t in tokens) or text[e : e + 1].isalnum():
                    break
                out.append(NameSpan(s, e, "list"))
                end = e
        return out

    def _known(self, text: str, lo: int, hi: int) -> list[NameSpan]:
        """Rule ``person.known``: a public figure named with no cue ("kế hoạch rút quân của Trump"), standing alone:
        no letter, dash or apostrophe against it, no capitalized word right before or after it ("Trump Tower")."""
        out: list[NameSpan] = []
        for m in self.lex.known_person.finditer(text, lo, hi):
            s, e = m.span()
            if (s > lo and (text[s - 1].isalnum() or text[s - 1] in ".'’-")) or (e < hi and text[e] in "'’-"):
                continue
            if e + 1 < hi and text[e] in " \t" and text[e + 1].isupper():
                continue
            k = s
            while k > lo and text[k - 1] in " \t":
                k -= 1
            j = k
            while j > lo and not text[j - 1].isspace():
                j -= 1
            if k < s and (text[j:k] in ("-", "–") or text[j:k][:1].isupper() and not self.foreign.opens_sentence(text, j, lo)):
                continue  # the tail of a longer name ("Tháp Trump", "sân bay Bassel al - Assad")
            out.append(NameSpan(s, e, "known"))
        return out

    def _first_names(self, text: str, lo: int, hi: int) -> list[NameSpan]:
        """Rule ``person.first_name``: a foreign given name (given_names_foreign.tsv) and one to three capitalized
        words with no cue ("Cuộc chiến do Douglas MacArthur chỉ huy"), one word reading foreign; not the tail of a
        longer capitalized run, nor a thing's name here or anywhere in the article ("tàu sân bay USS Carl Vinson")."""
        out: list[NameSpan] = []
        things: dict[str, bool] = {}
        alone: Optional[frozenset[str]] = None  # rule person.cued_tail: the words after a singular honorific, read once
        for m in self.lex.first_name.finditer(text, lo, hi):
            s = m.start()
            if s > lo and (text[s - 1].isalnum() or text[s - 1] in "'’.-"):
                continue  # inside a word or a longer name
            cued = False  # rule person.cued_tail: read below only when the checks of this rule turn the run down
            if self._tail_or_thing(text, s, lo) or self.lex.first_name_thing.search(text, max(lo, s - 96), s):
                if alone is None:
                    alone = frozenset(a.group(1) for a in self.lex.cued_alone.finditer(text, lo, hi))
                cued = self._cued_tail(text, s, lo, hi, m.end(), alone)
                if not cued:
                    continue  # "tàu chở dầu Boris Butoma", "Trung tâm … James Martin"
            h = self._list_head(text, s, lo)
            if h < s and (self._tail_or_thing(text, h, lo) or self.lex.first_name_thing.search(text, max(lo, h - 96), h)):
                continue  # "làng Suha, Al-Barghouthiyah, Abu Habibat và Hamad Omar": the last of a list of places
            if s > lo and text[s - 1] == "(" and _GLOSSED.search(text, max(lo, s - 24), s - 1):
                continue  # "Vích-to Bôn-đa-rép (Viktor Bondarev)": the name as written in the source, one person
            limit = _line_end(text, m.end(), hi, 120)
            runs = list(self.foreign.runs_after(text, m.end(), limit))
            if not runs:
                continue
            _, e0, rest = runs[0]
            s, e, tokens = self._trim_run(text, s, e0, [m.group()] + rest, limit)
            if (
                len(tokens) < 2
                or tokens[1] in self.lex.surnames
                or tokens[1] in self.lex.recurring_not_first
                or any(ch.isdigit() for t in tokens for ch in t)
                or not any(_reads_foreign(t) for t in tokens)
                or any(not t.isascii() and vietnamese_syllable(t) for t in tokens)  # "Peter Đại đế": a Vietnamese word
                or text[e : e + 1].isalnum()
                or _APOSTROPHE_AFTER.match(text, e) is not None  # "Andrew O ' Neil": the name goes on, unread
            ):
                continue
            run = text[s:e]
            if cued:
                out.append(NameSpan(s, e, "cued_tail"))
                continue
            if run not in things:
                things[run] = self._named_as_thing(text, lo, hi, run)
            if not things[run]:
                out.append(NameSpan(s, e, "first_name"))
        return out

    def _cued_tail(self, text: str, s: int, lo: int, hi: int, given_end: int, alone: frozenset[str]) -> bool:
        """Rule ``person.cued_tail``: a given name closing a longer capitalized run after a place or body
        ("… nghị viện Crimea Yury Ghempel", "Đại sứ Nga tại Manila Igor Khovaev") opens a person's name when its
        family name stands alone after an honorific elsewhere in the article ("Ông Ghempel": ``alone``, read once per
        article), and no thing's, place's or site's head comes before the run ("tàu sân bay USS Carl Vinson" stays a
        ship)."""
        runs = list(self.foreign.runs_after(text, given_end, _line_end(text, given_end, hi, 120)))
        if not runs or len(runs[0][2]) != 1 or runs[0][2][0] not in alone or not _reads_foreign(runs[0][2][0]):
            return False  # one family name after the given name, read foreign, alone after an honorific elsewhere
        prev = _word_before(text, s, lo)
        if not prev or not prev[:1].isupper() or prev.isupper():
            return False  # a capitalized word before it, not an acronym ("USS", "TS")
        return not self._thing_before(text, s, lo)

    @staticmethod
    def _list_head(text: str, i: int, lo: int) -> int:
        """Where a list of capitalized items ending right before ``i`` starts ("Suha, Al-Barghouthiyah và "), else ``i``."""
        head = i
        for _ in range(8):
            m = _LIST_ITEM_BEFORE.search(text, max(lo, head - 64), head)
            if m is None:
                break
            head = m.start()
        return head

    def _tail_or_thing(self, text: str, i: int, lo: int) -> bool:
        """The capitalized run at ``i`` goes on a longer one ("USS Carl Vinson", "Trung tâm James Martin") or names a
        thing, a place or a site after its head ("tàu sân bay Carl Vinson", "mang tên Woodrow Wilson", "căn cứ Fort …")."""
        prev = _word_before(text, i, lo)
        if (
            prev
            and (prev[:1].isupper() or prev[-1:].isdigit())
            and prev[-1:] not in ",;:)\"”"  # "dự án Armata, Andrey Terlikov": a mark parts the runs
            and not self.foreign.opens_sentence(text, i, lo)
            and fold(prev) not in self.lex.cue_kind
            and not self.foreign.country_end.search(text[max(lo, i - 24) : i])  # "đối tác Nga Sergei Shoigu": a name starts afresh after a country
        ):
            return True
        return self._thing_before(text, i, lo)

    def _thing_before(self, text: str, i: int, lo: int) -> bool:
        """A thing's, place's or site's head, or "mang tên", right before the run at ``i`` ("tàu sân bay", "căn cứ")."""
        return bool(
            self.lex.thing_before.search(text[max(lo, i - 24) : i])
            or self.lex.thing_head.search(text, max(lo, i - 16), i)
            or self.lex.place_before.search(text, max(lo, i - 16), i)
            or self.lex.site_before.search(text, max(lo, i - 16), i)
            or self.names.named_after.search(text, max(lo, i - 80), i)
        )

    def _named_as_thing(self, text: str, lo: int, hi: int, run: str) -> bool:
        """Somewhere in the article ``run`` is written as a thing's name ("USS Carl Vinson", "tàu Carl Vinson")."""
        a = text.find(run, lo, hi)
        while a >= 0:
            if self._tail_or_thing(text, a, lo):
                return True
            a = text.find(run, a + len(run), hi)
        return False

    def _patronymic(self, text: str, lo: int, hi: int) -> list[NameSpan]:
        """Rule ``person.patronymic``: a name held together by "bin"/"ibn" with no cue ("Osama bin Laden"): the
        capitalized word before the particle reads foreign and is no tail of a longer run, nor after a thing's head."""
        out: list[NameSpan] = []
        for m in self.lex.patronymic.finditer(text, lo, hi):
            j = m.start()
            i = j
            while i > lo and (text[i - 1].isalnum() or text[i - 1] in "'’-"):
                i -= 1
            first = text[i:j]
            if not first[:1].isupper() or not _reads_foreign(first) or first in self.lex.recurring_not_first:
                continue
            head = text[max(lo, i - 24) : i]
            prev = head.rstrip(" \t").rsplit(None, 1)[-1:] if head.endswith((" ", "\t")) else []
            if prev and prev[0] in self.lex.arabic_honorifics:
                i -= len(head) - len(head.rstrip(" \t")) + len(prev[0])  # "Ông là Sheik Hamad bin Khalifa al Thani": from the honorific
                head = text[max(lo, i - 24) : i]
                prev = head.rstrip(" \t").rsplit(None, 1)[-1:] if head.endswith((" ", "\t")) else []
            if prev and prev[0][:1].isupper() and not self.foreign.opens_sentence(text, i, lo) and fold(prev[0]) not in self.lex.cue_kind:
                continue  # the tail of a longer capitalized run ("sân bay King Abdulaziz bin …")
            if self.lex.thing_before.search(head) or self.lex.thing_head.search(text, max(lo, i - 16), i) or self.lex.place_before.search(text, max(lo, i - 16), i):
                continue
            limit = _line_end(text, m.end(), hi, 120)
            runs = list(self.foreign.runs_after(text, m.end() - 1, limit))
            if not runs:
                continue
            _, e, tokens = self._trim_run(text, *runs[0], limit)
            if not tokens or len(tokens) > 3:
                continue
            out.append(NameSpan(i, e, "patronymic"))
        return out

    def _before_post(self, text: str, pos: int, post: bool, lo: int, hi: int, found: list[NameSpan]) -> None:
        """The foreign name ending at ``pos`` before ", <post>" (``post``: a title or person noun, not an
        honorific), added to ``found``: it must read foreign, or open a sentence."""
        s0, tokens = self._lead_trim(*self.foreign.run_before_comma(text, pos, lo))
        if (
            len(tokens) >= 2
            and (any(not vietnamese_syllable(t) for t in tokens) or (post and self.foreign.opens_sentence(text, s0, lo, quoted=True)))
            and tokens[0] not in self.lex.surnames
            and not self.lex.place_before.search(text, max(lo, s0 - 16), s0)
        ):
            s0, e0, tokens = self._trim_run(text, s0, pos, tokens, hi)
            if len(tokens) >= 2:
                found.append(NameSpan(s0, e0, "foreign"))

    def _post_tail(
        self, text: str, pos: int, limit: int, found: list[NameSpan], head: tuple[int, Optional[dict[int, Pos]]] = (-1, None)
    ) -> None:
        """Rule ``person.post_tail``: the foreign name that closes a post written with no comma ("người đứng đầu
        Bộ Tổng tham mưu các lực lượng vũ trang Nga Valery Gerasimov"); the post runs over capitalized words and
        the lower-case words of post_tail_words only (a verb ends the search), at most 140 characters."""
        end = min(limit, pos + 140)
        if not _foreign_ahead(text, pos, end, 140):
            return  # no foreign-looking pair of words ahead (most posts): nothing to read
        q = pos
        run: list[tuple[int, int]] = []
        while q < end:
            b = _BLANKS.match(text, q, end)
            if b is None or b.end() >= end:
                break  # punctuation or the end of the line
            q = b.end()
            if text[q].isupper():
                t = self.foreign.token.match(text, q, end)
                if t is None:
                    break
                run.append((q, t.end()))
                q = t.end()
                continue
            if run and self._tail_name(text, run, end, found):
                self._tail_post(text, head, pos, found[-1].start)
                return
            run = []
            w = _LOWER_WORD.match(text, q, end)
            if w is not None and w.group() == "là":
                run = self._run_at(text, w.end(), end)  # "Ngoại trưởng Pakistan khi đó là Gohar Ayub Khan"
                if run:
                    self._tail_name(text, run, end, found)
                return
            if w is None or w.group() not in self.lex.post_tail_vocab:
                return  # a verb or any other word: the post has ended without a name
            q = w.end()
        if run and self._tail_name(text, run, end, found):
            self._tail_post(text, head, pos, found[-1].start)

    def _tail_post(self, text: str, head: tuple[int, Optional[dict[int, Pos]]], head_end: int, name_start: int) -> None:
        """Rule ``position.post_tail``: the post written before a name found by ``person.post_tail``, from its head
        word (post_tail_heads: "người đứng đầu", "Nghị sĩ"; not a profession such as "chuyên gia") to the name."""
        start, posts = head
        if posts is None or start < 0 or fold(text[start:head_end]) not in self.lex.post_tail_heads:
            return
        start = self.lex.prefix_before(text, 0, start)  # "Cựu quan chức tình báo Mỹ John Brennan": "cựu" stays in the post, as before a title cue
        written = text[start:name_start].rstrip(" \t")
        org = text[head_end:name_start].strip(" \t") or None
        posts[name_start] = Pos(start, start + len(written), text[start:head_end], org, written, rule="position.post_tail")

    def _run_at(self, text: str, pos: int, end: int) -> list[tuple[int, int]]:
        """The capitalized words right after ``pos`` (one blank first), as spans."""
        run: list[tuple[int, int]] = []
        q = pos
        while q < end:
            b = _BLANKS.match(text, q, end)
            if b is None or b.end() >= end or not text[b.end()].isupper():
                break
            t = self.foreign.token.match(text, b.end(), end)
            if t is None:
                break
            run.append((b.end(), t.end()))
            q = t.end()
        return run

    def _tail_name(self, text: str, run: list[tuple[int, int]], limit: int, found: list[NameSpan]) -> bool:
        """The name at the end of a capitalized ``run`` (rule ``person.post_tail``): drop the body's words that open
        it (acronyms, countries, Vietnamese syllables while three words are left); two to four words, one foreign."""
        last_s, last_e = run[-1]
        if self.lex.bodies.compound_end(text, last_s, last_e, limit) > last_e or _DASH_LOWER.match(text, last_e, limit):
            return False  # "Duma Quốc gia": the last word opens a compound, the body goes on; "Chan - ocha" unread
        words = [text[s:e] for s, e in run]
        reads = [_reads_foreign(_DASH_UPPER.sub("-", w)) for w in words]  # "Á - Thái" two Vietnamese syllables; not "Myong - su"
        i = 0
        while i < len(words) and (c := self.foreign.country_word.match(text, run[i][0], last_e)) is not None:
            while i < len(words) and run[i][0] < c.end():
                i += 1  # "Nhà Xanh Ko Min - jung", "Thượng viện Mỹ John McCain": a country or a seat of power first
        while i < len(words) and (
            (words[i].isupper() and len(words[i]) > 1)
            or words[i] in self.lex.country_set
            or words[i] in self.lex.not_in_names
            or words[i] in self.lex.never_in_names
            or (i == 0 and not reads[0] and self._closes_compound(text, run[0][0], run[0][1]))  # "châu Âu Arnaud Danjean"
        ):
            i += 1
        while len(words) - i > 2 and not reads[i] and any(reads[i + 1 :]):
            i += 1  # "… Thái Bình Dương Randall Schriver": the body's Vietnamese words before a foreign name
        tokens = words[i:]
        if not 2 <= len(tokens) <= 4 or tokens[0] in self.lex.surnames or tokens[0] in self.lex.recurring_not_first or any(not t.isascii() and _INNER_CAPITAL.search(t) for t in tokens):
            return False  # "Lầu Năm GócGary Ross": two words run together
        if not any(reads[i:]):
            return False  # every word a Vietnamese syllable: a body's or a place's name
        s, e, kept = self._trim_run(text, run[i][0], run[-1][1], tokens, limit)
        if kept != tokens or any(ch.isdigit() for t in tokens for ch in t):
            return False
        found.append(NameSpan(s, e, "tail"))
        return True

    def _closes_compound(self, text: str, s: int, e: int) -> bool:
        """The capitalized word ``text[s:e]`` ends a compound with the lower-case word before it ("châu Âu")."""
        b = text.rfind(" ", max(0, s - 12), s - 1)
        if b < 0:
            return False
        w = fold(text[b + 1 : e])
        return w in self.lex.bodies.compounds or w in self.lex.region_compounds

    def _after_body(self, text: str, start: int, limit: int, found: list[NameSpan]) -> None:
        """Rule ``person.foreign`` after a whole post: "Giám đốc Trung tâm Dự báo quân sự Anatoly Tsyganok",
        "thư ký báo chí Nhà Trắng Sarah Sanders": two words or more, one reading foreign, none a surname first."""
        post = self.positions.at(text, start, limit, set())
        if post is None or post.organization is None:
            return
        # the body's grammar reads on through capitalized words: the name may be its tail
        words = text[post.start : post.end].split(" ")
        k = len(words)
        while k > 1 and _TITLE_CASE.fullmatch(words[k - 1]) and not vietnamese_syllable(words[k - 1]):
            k -= 1
        tail = words[k:]
        if len(tail) >= 2 and words[k - 1] in _OF_WORDS:
            return  # "Giám đốc điều hành của Rosneft Igor Sechin": a company may open the tail
        if len(tail) >= 2 and words[k - 1] in self.lex.bodies.named_heads:
            return  # "Phó Chủ tịch đảng Kemalist Vatan": the words right after a lower-case head name the body
        if len(tail) >= 2:
            s0 = post.end - len(" ".join(tail))
            if self.lex.site_before.search(text, max(0, s0 - 16), s0):
                return  # "phát ngôn viên căn cứ Hunter Liggett": a base, a ship or a school named after someone
            runs = [(s0, post.end, tail)]
        else:
            # "… liên quân Hàn Quốc (JCS) Park Han - ki": the body's abbreviation in brackets, then the name
            b = _BRACKET_AFTER.match(text, post.end, limit)
            runs = list(self.foreign.runs_after(text, b.end() if b is not None else post.end, limit))
        for s, e, tokens in runs:
            s, e, tokens = self._trim_run(text, s, e, tokens, limit)
            if (
                len(tokens) >= 2
                and tokens[0] not in self.lex.surnames
                and not any(ch.isdigit() for t in tokens for ch in t)
                and any(not all(vietnamese_syllable(p) for p in _PARTS.split(t) if p) for t in tokens)
            ):
                found.append(NameSpan(s, e, "foreign"))

    def _noun_field_end(self, text: str, pos: int, limit: int) -> int:
        """End of the words after a person noun up to a comma, each capitalized or a word of a post's field or body
        (post_tail_words, field_words: "phiến quân Houthi"), at most eight; -1 when another word stands there."""
        q = pos
        for _ in range(8):
            b = _BLANKS.match(text, q, limit)
            if b is None:
                return q if text.startswith(",", q) and q > pos else -1
            w = _LOWER_WORD.match(text, b.end(), limit)
            if w is None or not (w.group()[:1].isupper() or w.group() in self.lex.post_tail_vocab or w.group() in _NOUN_FIELD):
                return -1
            q = w.end()
        return q if text.startswith(",", q) else -1

    def _post_comma(self, text: str, start: int, limit: int, found: list[NameSpan], noun_end: Optional[int] = None) -> None:
        """Rule ``person.post_comma``: a foreign name set off by commas right after a whole post ("Bộ trưởng Quốc
        phòng Thụy Điển, Peter Hultqvist, cho biết") or a person noun and its field ("Thủ lĩnh phiến quân Houthi,
        Saleh al - Sammad,"): two words or more, one reading foreign, none a surname first, then a comma, a bracket
        or a lower-case word (the apposition closes or the clause goes on)."""
        k = text.find(",", start, min(limit, start + 200))
        if k < 0 or not (text[k + 1 : k + 2] in " \t" and text[k + 2 : k + 3].isupper()):
            return  # no comma then a capital ahead (most posts): nothing to read
        if noun_end is None:
            post = self.positions.at(text, start, limit, set())
            if post is None:
                return
            end = post.end
            if _POST_COMMA.match(text, end, limit) is None:
                return
        else:
            end = self._noun_field_end(text, noun_end, limit)  # "Thủ lĩnh phiến quân Houthi, Saleh al - Sammad,"
            if end < 0:
                return
        c = _POST_COMMA.match(text, end, limit)
        if c is None:
            return
        for s, e, tokens in self.foreign.runs_after(text, c.end() - 1, limit):
            s, e, tokens = self._trim_run(text, s, e, tokens, limit)
            if (
                len(tokens) >= 2
                and tokens[0] not in self.lex.surnames
                and tokens[0] not in self.lex.recurring_not_first
                and not any(ch.isdigit() for t in tokens for ch in t)
                and any(_reads_foreign(t) for t in tokens)
                and _APPOSITION_CLOSE.match(text, e, limit) is not None
            ):
                found.append(NameSpan(s, e, "appos"))

    def _lead_trim(self, s0: int, tokens: list[str]) -> tuple[int, list[str]]:
        """Drop the words that open a run but are no part of a name ("Theo Bill Gulley", "Cô Delancey")."""
        while tokens and (
            (tokens[0] in self.lex.not_in_names and vietnamese_syllable(tokens[0])) or fold(tokens[0]) in self.lex.cue_kind
        ):
            s0, tokens = s0 + len(tokens[0]) + 1, tokens[1:]
        return s0, tokens

    def _after_sector(self, text: str, pos: int, limit: int) -> int:
        """Past a qualifier ("đắc cử", titles_context.yaml) and the capitalized common compounds after a title
        ("Quốc phòng", "Ngoại giao"), at most two."""
        q = self.lex.title_qualifier.match(text, pos, limit)
        pos = q.end() if q is not None else pos
        for _ in range(2):
            m = _BLANKS.match(text, pos, limit)
            if m is None or m.end() >= limit or not text[m.end()].isupper():
                break
            t = self.lex.bodies.token.match(text, m.end(), limit)
            if t is None:
                break
            e = self.lex.bodies.compound_end(text, m.end(), t.end(), limit)
            if e == t.end():
                break
            pos = e
        return pos

    def _trim_run(self, text: str, s: int, e: int, tokens: list[str], limit: int) -> tuple[int, int, list[str]]:
        """Cut a capitalized run before the first word that starts a body, place, title or abbreviation;
        a run with a newspaper's or site's word in it is no name at all."""
        if any(t in self.lex.never_in_names for t in tokens) or _NUMBER_AFTER.match(text, e, limit):
            return s, s, []  # rule person.not_model: "thuyền trưởng Grace 1", a ship's or model's name
        if any(t in self.lex.foreign_body_words for t in tokens):
            return s, s, []  # rule person.not_body: "the Deterrence Battalion", "Quds Force": a unit's or body's name
        p = s
        keep: list[str] = []
        for t in tokens:
            q = text.find(t, p, e)
            if q < 0:
                break
            if (
                self.lex.bodies.body_at(text, q, limit)
                or self.lex.gazetteer.blocker.match(text, q, limit)
                or self.lex.is_title(text, q, limit)
                or self.lex.rank_at.match(text, q, limit)  # "Phó Đô đốc, Chuẩn Đô đốc": a rank, no name
                or self.foreign.country_word.match(text, q, limit)
                or (t in self.lex.not_in_names and not (keep and t in self.lex.family_name_words))
                or (len(t.rstrip(".")) > 1 and t.isupper() and not (not keep and len(t) == 2 and len(tokens) > 1 and t not in self.lex.acronyms)
                    and not (len(tokens) > 1 and _DOTTED_INITIALS.fullmatch(t)))  # initials: "HR McMaster", "George H.W. Bush"
                or (not t.isalpha() and any(ch.isdigit() for ch in t))  # "phi công Su-30 MK2": a model, no name
                or fold(t) in self.lex.cue_kind
            ):
                break
            dash = t.find(" - ")
            if dash > 0 and t[dash + 3 :].split(" ")[0] in self.lex.surnames:
                keep.append(t[:dash])  # "Bí thư Huyện ủy Lạc Thủy - Nguyễn Văn Dũng": the name is after the dash
                p = q + dash
                break
            keep.append(t)
            p = q + len(t)
        if not keep or (len(keep) >= 2 and keep[0] in _COMPASS and _reads_foreign(keep[1]) and "-" not in keep[1]):
            return s, s, []  # "Nam Ossetia", "Bắc Waziristan": a region, no name (a Korean "Nam Kyung-pil" is one)
        return s, cut_last_dash(keep, p, self.foreign.particle_set), keep

    def _inside_name(self, text: str, pos: int, end: int, kind: Optional[str]) -> bool:
        """An honorific or person noun written with a capital inside a sentence is part of a
        name ("Đông Anh", "Hai Bà Trưng"), unless the list spells it so ("Tướng", "Đại sứ")."""
        if kind not in ("hon", "noun") or not text[pos].isupper():
            return False
        if kind == "hon" and not text[pos:end].isalpha():
            return False  # "Đồng chí", "Đ/c": capitalized in running text all the time
        prev = text[max(0, pos - 3) : pos].rstrip(" \t")
        if not prev or prev[-1] in ".!?:\"“”'(\n-–":
            return False
        word = self.lex.cue_written.get(fold(text[pos:end]))
        return not (word and word[:1].isupper())

    def _cues(self, text: str, lo: int, hi: int, stops: set[int], matches: list[re.Match[str]]) -> list[Cue]:
        out: list[Cue] = []
        for m in matches:
            written = fold(text[m.start() : m.end()])
            kind = self.lex.cue_kind.get(written)
            if kind in ("hon", "noun") and self._inside_name(text, m.start(), m.end(), kind):
                continue
            if kind == "hon":
                out.append(Cue(m.start(), m.end(), "hon", written))
            elif kind == "noun":
                out.append(Cue(m.start(), m.end(), "noun", written))
            elif kind == "rank":
                hit = self.ranks.read(text, m.start(), m.end(), hi)
                if hit is not None:
                    out.append(Cue(hit.start, hit.end, "rank", hit))
            elif kind == "title":
                start = m.start()
                start = self.lex.prefix_before(text, lo, start)  # rule position.prefix
                pos = self.positions.at(text, start, _line_end(text, start, hi), stops)
                if pos is not None:
                    out.append(Cue(pos.start, pos.end, "title", pos))
        return out

    def _clause_posts(self, text: str, lo: int, stops: set[int], cues: list[Cue]) -> list[Cue]:
        """Rule ``position.clause_post``: an apposition post with its body opening a clause, then a comma and an
        honorific or rank and the name ("Đại diện Nhịp cầu Hoàng Sa, ông Đỗ Thái Bình cho biết"): a title cue."""
        out = list(cues)
        cue_starts = [q.start for q in cues]
        for i, c in enumerate(cues):
            if c.kind not in ("hon", "rank", "noun") or (i > 0 and cues[i - 1].kind == "title" and self._joined(text, cues[i - 1].end, c.start)):
                continue
            k = c.start - 1
            if k <= lo or text[k] not in ", \t":
                continue  # the usual case, checked without a regex
            while k > lo and text[k] in " \t":
                k -= 1
            if text[k] != ",":
                continue
            m = _COMMA_BEFORE.search(text, max(lo, c.start - 60), c.start)
            if m is None:
                continue
            window = max(lo, m.start() - 160)
            sent = max(text.rfind(ch, window, m.start()) for ch in ".\n:;\"“")
            if sent < 0 and window > lo:
                continue  # no clause start within reach
            sent = max(lo, sent + 1)
            j = bisect_left(cue_starts, sent)
            inside = cues[j : bisect_left(cue_starts, m.start(), j)]  # the cues between the clause start and the comma
            if len(inside) > 1 or (inside and (inside[0].kind != "title" or inside[0].end >= m.start())):
                continue  # a cue of its own already stands in the clause (a title cue cut short is read whole below)
            starts = [sent] + [k + 1 for k in range(sent, m.start()) if text[k] == ","]
            for cs in reversed(starts[-4:]):  # the clause that ends at the comma: nearest first
                while cs < m.start() and text[cs] in " \t":
                    cs += 1
                if inside and inside[0].start != cs:
                    continue  # only the title cue that opens the clause may be read whole
                post = self.positions.at(text, cs, m.start(), stops, appos=True) if not inside and self.lex.appos_at.match(text, cs, m.start()) else None
                if post is not None and post.weak and post.organization is not None and post.end == m.start():
                    out.append(Cue(post.start, post.end, "title", post._replace(rule="position.clause_post")))
                    break
                whole = self.positions.clause_whole(text, cs, m.start(), stops)
                if whole is not None:  # the whole clause up to the comma ("Cục trưởng cục tác chiến bộ …, Trung tướng A")
                    if inside:
                        out.remove(inside[0])
                    out.append(Cue(whole.start, whole.end, "title", whole))
                    break
        return sorted(out, key=lambda q: q.start) if out != cues else cues

    def _spoken_for(self, text: str, lo: int, hi: int, c: Cue) -> bool:
        """Rule ``position.on_behalf``: a title right after "Thay mặt"/"Thừa ủy quyền của" (on_behalf_words) and a
        comma after it names whom the next person speaks for, not his post ("Thay mặt lãnh đạo tỉnh, đồng chí A",
        "Thừa ủy quyền của Bộ trưởng, Thiếu tướng B"); with no comma the name after it is the title's holder."""
        if c.kind != "title" or self.lex.on_behalf_right_before.search(text, max(lo, c.start - 24), c.start) is None:
            return False
        k = c.end
        while k < hi and text[k] in " \t":
            k += 1
        return k < hi and text[k] == ","

    def _predicate_title(self, text: str, chain: list[Cue], name_at: int, name_ends: set[int]) -> bool:
        """True when the chain is a post after a name and "là", and a comma parts it from the next name: the
        post is said of the name before ("… công nhận A là tổng thống lâm thời của Venezuela, ông Maduro …";
        not "Chỉ huy cuộc duyệt binh là Tư lệnh Bộ binh, Thượng tướng Oleg Salyukov")."""
        first = chain[0]
        if first.kind != "title" or "," not in text[chain[-1].end : name_at]:
            return False
        m = _AFTER_IS.search(text, max(0, first.start - 8), first.start)
        return m is not None and m.start() - 1 in name_ends

    def _holder_copula(self, text: str, a: int, b: int) -> bool:
        """Rule ``position.holder``: "Thuyền trưởng tàu QNa 91739 TS là ông Lương Tấn Sỹ": a post, "là"
        and its holder (titles_context.yaml holder_copula)."""
        m = self.lex.holder_copula.match(text, a, b) if 0 <= b - a <= 40 else None
        return m is not None and m.end() == b

    def _joined(self, text: str, a: int, b: int) -> bool:
        if b < a or b - a > 48:  # room for a bracketed place ("Chủ tịch UBND xã Suối Tân (huyện Cam Lâm, Khánh Hòa) A")
            return False
        m = self.lex.gap.match(text, a, b)
        return m is not None and m.end() == b

    def _flush(
        self,
        text: str,
        chain: list[Cue],
        hi: int,
        stops: set[int],
        deferred: list[tuple[list[Cue], int, int, str, list[Pos]]],
    ) -> None:
        """A chain with no name after it: maybe "ông Dung" or "đồng chí Bí thư Thành ủy"."""
        if not any(c.kind in ("hon", "rank", "noun") for c in chain):
            return
        last = chain[-1]
        if last.kind == "title":
            deferred.append((chain, last.start, last.end, "title", []))
            return
        m = _ALIAS.match(text, last.end, hi)
        if m is not None and m.start(1) not in stops:
            post, _ = self.positions.chain_after(text, m.end(1), _line_end(text, m.end(1), hi), stops)
            deferred.append((chain, m.start(1), m.end(1), "alias", post))

    def _resolve(
        self,
        reg: Registry,
        chain: list[Cue],
        s: int,
        e: int,
        kind: str,
        text: str,
        holders: dict[int, Optional[Person]],
        post: list[Pos],
    ) -> bool:
        if kind == "alias":
            person = reg.by_given_name(text[s:e])
        else:
            person = reg.by_position(chain[-1].value)  # type: ignore[arg-type]
        if person is None:
            return False
        person.add_mention(s, e)
        person.add_positions(post)
        for c in chain:
            if c.kind == "rank":
                holders[c.start] = person
                if person.alias_rank is None:
                    person.alias_rank = c.value.row.rank  # type: ignore[union-attr]
        return True

    def _predicate_posts(
        self, doc: Document, text: str, low: Optional[str], reg: Registry, lo: int, hi: int, stops: set[int]
    ) -> None:
        """Rule ``position.predicate`` (positions.py): posts said of a person away from the name."""
        found = self.positions.predicates(text, low, lo, hi, stops, _line_end)
        if not found:
            return
        # by span only: two persons can share a span after a mutation, and Person has no order
        mentions = sorted(((s, e, p) for p in reg.persons.values() for s, e in p.mentions), key=lambda m: (m[0], m[1]))
        sentence_starts = [s for s, _ in doc.sentences]
        for pred in found:
            j = bisect_right(sentence_starts, pred.start) - 1
            for person in self.positions.subjects(text, pred, mentions, sentence_starts[j] if j >= 0 else lo):
                person.add_positions(pred.posts)

    def _group_posts(self, text: str, reg: Registry, cues: list[Cue], hi: int) -> None:
        """Rule ``position.group``: a title written once over a list of names ("các đồng chí Phó
        Chủ tịch UBND tỉnh: A, B"; "4 Phó tổng tham mưu trưởng gồm Thượng tướng A, B; Trung tướng C")."""
        at = {s: (e, p) for p in reg.persons.values() for s, e in p.mentions}
        cue_at = {c.start: c for c in cues}
        for i, c in enumerate(cues):
            if c.kind != "title" or not self._heads_group(text, cues, i):
                continue
            opener = self.lex.group_opener.match(text, c.end, hi)
            b = _BLANKS.match(text, c.end, hi)
            q = opener.end() if opener is not None else b.end() if b is not None else c.end
            members: list[Person] = []
            while q < hi:
                while q in cue_at and cue_at[q].kind in ("hon", "rank"):  # "Trung tướng C"
                    g = self.lex.gap.match(text, cue_at[q].end, hi)
                    q = g.end() if g is not None else cue_at[q].end
                if q not in at:
                    break
                end, person = at[q]
                members.append(person)
                sep = _LIST_GAP.match(text, end, hi)
                if sep is not None and opener is not None and opener.group().strip() and self.lex.is_title(text, sep.end(), hi):
                    # rule position.group, items with posts of their own: "…: Trung tướng A, Ủy viên Trung ương Đảng;
                    # Trung tướng B": the next item begins after the semicolon that ends this one's posts
                    semi = _ITEM_END.match(text, sep.end(), hi)
                    if semi is None:
                        break
                    q = semi.end()
                    continue
                if sep is None or self.lex.is_title(text, sep.end(), hi):
                    break  # "A, Chủ tịch ...": the names carry their own posts
                q = sep.end()
            if len(members) >= 2 or (members and opener is not None and opener.group().strip()):
                post = c.value._replace(rule="position.group")  # type: ignore[union-attr]
                for person in members:
                    person.add_positions([post])

    def _heads_group(self, text: str, cues: list[Cue], i: int) -> bool:
        """The title cue ``cues[i]`` is plural: after "các", "hai", a number or "các đồng chí"."""
        c = cues[i]
        if c.value.group or self.lex.group_count.search(text, max(0, c.start - 6), c.start):  # type: ignore[union-attr]
            return True
        prev = cues[i - 1] if i > 0 else None
        return prev is not None and prev.kind == "hon" and prev.value in self.lex.plural and self._joined(text, prev.end, c.start)

    def _predicate_ranks(
        self, doc: Document, text: str, reg: Registry, cues: list[Cue], holders: dict[int, Optional[Person]]
    ) -> None:
        """A rank said of someone ("ông Hùng với cấp hàm đại tá", "vị đại tá"): the holder
        is the last person mentioned before it in the sentence (for "vị": else the one
        person with that rank)."""
        pending = [c for c in cues if c.kind == "rank" and c.start not in holders]
        if not pending:
            return
        mentions = sorted(((s, i, p) for i, p in enumerate(reg.persons.values()) for s, _ in p.mentions))
        starts = [s for s, _, _ in mentions]
        sentence_starts = [s for s, _ in doc.sentences]
        ends = {e: p for p in reg.persons.values() for _, e in p.mentions}
        mention_end = {s: e for p in reg.persons.values() for s, e in p.mentions}
        for c in pending:
            comma = self.lex.rank_apposition.search(text, max(0, c.start - 72), c.start)
            if comma is not None and comma.start() in ends:
                person = ends[comma.start()]  # "Douglas Macgregor, Đại tá đã nghỉ hưu": said of the name before
                holders[c.start] = person
                if person.rank is None and person.alias_rank is None:
                    person.alias_rank = c.value.row.rank  # type: ignore[union-attr]
                continue
            window = max(0, c.start - 16)
            anaphor = self.lex.rank_anaphor.search(text, window, c.start) is not None
            predicate = self.lex.rank_predicate.search(text, window, c.start) is not None
            copula = self.lex.rank_copula.search(text, window, c.start) is not None
            j = bisect_right(sentence_starts, c.start) - 1
            sent_start = sentence_starts[j] if j >= 0 else 0
            if not (anaphor or predicate or copula):
                if _opens_clause(text, sent_start, c.start):
                    # "Chuẩn đô đốc Mỹ nhấn mạnh", '"…", đô đốc Mỹ nói': the one person holding that rank
                    rank = c.value.row.rank  # type: ignore[union-attr]
                    same = [p for p in reg.persons.values() if (p.rank or p.alias_rank) == rank]
                    if len(same) == 1:
                        holders[c.start] = same[0]
                continue
            k = bisect_left(starts, c.start) - 1
            person = mentions[k][2] if k >= 0 and starts[k] >= sent_start else None
            if person is not None and copula and not (anaphor or predicate):
                gap = text[mention_end[starts[k]] : c.start]  # "ông Hùng là đại tá": the name is the subject of "là"
                if len(gap) > 60 or any(ch in gap for ch in ",;:()"):
                    person = None
            if person is None and k >= 0 and self.lex.pronoun.search(text, sent_start, c.start):
                # "Ông được thăng quân hàm Trung tướng": the person last named, if named as a subject
                j2 = bisect_right(sentence_starts, starts[k]) - 1
                s2 = sentence_starts[j2] if j2 >= 0 else 0
                if starts[k] - s2 <= 60 and not self.lex.not_subject.search(text, s2, starts[k]):
                    person = mentions[k][2]
            if person is None and anaphor:
                rank = c.value.row.rank  # type: ignore[union-attr]
                same = [p for p in reg.persons.values() if (p.rank or p.alias_rank) == rank]
                person = same[0] if len(same) == 1 else None
                if person is None and not same and k >= 0 and c.start - starts[k] <= _ANAPHOR_REACH:
                    # rule rank.anaphor: "…, ông Manning nêu rõ. Vị đại tá cũng cho biết": no one has that rank,
                    # the person named last before it (with no other rank) is the one meant
                    last = mentions[k][2]
                    person = last if (last.rank or last.alias_rank) is None else None
            if person is not None:
                holders[c.start] = person
                if person.alias_rank is None:
                    person.alias_rank = c.value.row.rank  # type: ignore[union-attr]

    # -- records -----------------------------------------------------------
    def _emit(
        self, doc: Document, reg: Registry, cues: list[Cue], holders: dict[int, Optional[Person]], shared: list[tuple[Cue, Person]]
    ) -> None:
        reg.merge_short_forms()  # "Rob Givens" and "Robert Givens"
        reg.merge_name_tails()  # "ông Bạch Vân" and "Đại tá Nguyễn Bạch Vân", "Tayyip Erdogan" and "Recep Tayyip Erdogan"
        reg.merge_split_names()  # "ông Mc Kenzie" and "Kenneth McKenzie"
        reg.merge_cut_names(doc.text)  # "… đồng chí Hồ Anh" where a page's excerpt ends, and "Hồ Anh Tuấn"
        for p in list(reg.persons.values()):
            if " " not in p.name and (p.rule in ("person.foreign", "person.known") or not vietnamese_syllable(p.name)):
                full = reg.by_foreign_name(p.name)  # "ông Kilrain" before or after "Colin Kilrain"
                if full is not None and full is not p:
                    _fold_into(reg, p, full)
            elif p.name.count(" ") == 1 and p.name.split(" ")[0] in self.lex.arabic_honorifics:
                full = reg.by_son_of(p.name.split(" ")[1])  # "Sheik Tamim" and "Sheikh Tamim bin Hamad al-Thani"
                if full is not None and full is not p:
                    _fold_into(reg, p, full)
        _drop_posts_of_another(doc.text, list(reg.persons.values()))
        for p in reg.persons.values():
            p.mentions.sort()
            doc.officials.append(
                Official(
                    name=p.name,
                    honorific=p.honorific,
                    rank=p.rank or p.alias_rank,
                    positions=[
                        Position(title=q.title, organization=q.organization, text=q.text, rule=q.rule or None)
                        for q in p.positions
                    ],
                    mentions=[Mention(**doc.span(s, e)) for s, e in p.mentions],
                    rule=p.rule,
                )
            )
            s0, e0 = p.mentions[0]
            doc.explain(self.name, p.rule, s0, e0)
            for q in p.positions:
                doc.explain(self.name, q.rule or "position", q.start, q.end)
        said = [(c, holders.get(c.start)) for c in cues if c.kind == "rank"] + shared
        said.sort(key=lambda x: x[0].start)
        for c, holder in said:
            holder = reg.current(holder) if holder is not None else None
            if holder is None:
                # rule rank.unattached: a rank word said of no named person ("cán bộ có quân hàm Đại tá, Thượng tá",
                # "một binh nhì 21 tuổi") is no RankMention (annotation guide: unattached rank words are left out)
                doc.near_miss(self.name, "rank.unattached", c.start, c.end, "no named person holds this rank word")
                continue
            hit: RankHit = c.value  # type: ignore[assignment]
            branch = self.ranks.branch(hit, [q.text for q in holder.positions] if holder else [])
            doc.ranks.append(
                RankMention(
                    rank=hit.row.rank,
                    grade=hit.row.grade,
                    branch=branch,  # type: ignore[arg-type]
                    holder=holder.name if holder else None,
                    **doc.span(hit.start, hit.end),
                )
            )
            doc.explain(self.name, f"rank:{hit.row.rank}", hit.start, hit.end)


# The rule named by a name's kind: (rule, also when cues precede the name). A kind marked False
# names its rule only for a bare name; with a cue chain the cue rules below name it.
_KIND_RULES: dict[str, tuple[str, bool]] = {
    "foreign": ("person.foreign", True),
    "list": ("person.list", True),
    "elected": ("person.elected", False),
    "tail": ("person.post_tail", True),
    "known": ("person.known", False),
    "recurring": ("person.recurring", False),
    "cued_tail": ("person.cued_tail", True),
    "named": ("person.named", False),
    "appos": ("person.post_comma", True),
    "patronymic": ("person.patronymic", False),
    "first_name": ("person.first_name", False),
}


def _fold_into(reg: Registry, p: Person, full: Person) -> None:
    """``p`` is ``full`` written shorter ("ông Kilrain", "Sheik Tamim"): its mentions and posts join ``full``."""
    for s, e in p.mentions:
        full.add_mention(s, e)
    full.add_short_positions(p.positions)
    reg.merged[id(p)] = full
    del reg.persons[p.key]


def _person_rule(chain: list[Cue], name: NameSpan, post: bool, inherited: bool) -> str:
    """The name of the rule (officials_rules.yaml) that makes ``name`` a person."""
    if inherited:
        return "person.list"
    rule, with_chain = _KIND_RULES.get(name.kind, ("", False))
    if rule and (with_chain or not chain):
        return rule
    if any(c.kind in ("hon", "rank", "title") for c in chain):
        return "person.cued"
    if chain:
        return "person.noun"
    return "person.apposition" if post else "person.bare"


_QUOTE_COMMA = re.compile(r"[\"”'’][ \t]*+,[ \t]*+\Z")
_LEAD_COMMA = re.compile(r"[^\W\d][^,;:\n]{0,18}+,[ \t]*+\Z")  # "Đồng thời, ", "Sau đó, " before the subject
_ANAPHOR_REACH = 400  # rank.anaphor: how far back (characters) the person named last may stand


def _opens_clause(text: str, sent_start: int, pos: int) -> bool:
    """``pos`` opens its sentence (quotes and dashes aside) or follows a closing quote and a comma."""
    lead = text[sent_start:pos].strip(" \t\"“”'‘’-–")
    return not lead or _QUOTE_COMMA.search(text, max(sent_start, pos - 6), pos) is not None or (
        _LEAD_COMMA.fullmatch(lead + " ") is not None and lead[:1].isupper()
    )


_LIST_ITEM_BEFORE = re.compile(r"(?<![\w'’-])" + UPPER + r"[\w'’-]*+(?:[ ]" + UPPER + r"[\w'’-]*+){0,3}+(?:,[ ]|[ ]và[ ])\Z")
_NOUN_FIELD = frozenset({"phiến", "quân", "nhóm", "khủng", "bố", "nổi", "dậy", "tối"})  # "thủ lĩnh phiến quân Houthi"
_LIST_HEADS = frozenset({"foreign", "known", "patronymic", "first_name"})  # person.list: kinds a listed name may follow
_GLOSSED = re.compile(r"\w[ \t]*+\Z")  # a word right before the bracket: the name in brackets glosses it
_APOSTROPHE_AFTER = re.compile(r"[ \t]?['’]")
_POST_COMMA = re.compile(r"[ \t]*+,[ \t]++")  # person.post_comma: the comma after a whole post, then the name
_APPOSITION_CLOSE = re.compile(r"[ \t]*+[,(]|[ \t]++[a-zà-ỹđ]")  # a comma, a bracket or a lower-case word after the name
_WORD_AHEAD = re.compile(r"[A-Z][a-z]++[ ][A-Z][a-z]++")
_ONE_BEFORE = re.compile(r"(?<=\w),[ \t]++một[ \t]++\Z")
_OF_WORDS = frozenset({"của", "tại", "ở", "thuộc"})
_TITLE_CASE = re.compile(r"[A-Z][a-z]++(?:-[A-Za-z][a-z]++)?")


def _foreign_ahead(text: str, pos: int, limit: int, reach: int = 60) -> bool:
    """Two capitalized words, one that cannot be a Vietnamese syllable, within ``reach`` characters after ``pos``
    (a cheap test before reading a whole post)."""
    return any(
        not (vietnamese_syllable(a) and vietnamese_syllable(b))
        for a, b in (w.group().split(" ") for w in _WORD_AHEAD.finditer(text, pos, min(limit, pos + reach)))
    )


def _line_matches(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, lo, hi)`` for a pattern that starts with ``(?m)^`` and never matches a newline nor
    the empty string: tried at each line start only (``re`` finds no first character to skip ahead on after ``^``
    and would try every position)."""
    if lo == 0 or text[lo - 1] == "\n":
        ls = lo
    else:
        ls = text.find("\n", lo, hi) + 1
        if ls == 0:
            return
    while ls < hi:
        m = pattern.match(text, ls, hi)
        if m is not None:
            yield m
        ls = text.find("\n", ls, hi) + 1
        if ls == 0:
            return


def _word_before(text: str, i: int, lo: int) -> str:
    """The word right before ``i`` when spaces or tabs part them (within 24 characters), else ""."""
    head = text[max(lo, i - 24) : i]
    return head.rstrip(" \t").rsplit(None, 1)[-1] if head.endswith((" ", "\t")) and head.strip() else ""

def _drop_posts_of_another(text: str, persons: list[Person]) -> None:
    """Rule ``position.of_another``: a post of a country's office read before a name that the text writes after "của"
    ("Giám đốc truyền thông của Tổng thống Thổ Nhĩ Kỳ Altun", "cố vấn và là con rể của Tổng thống Mỹ, ông Jared
    Kushner") belongs to the person whose post the words before "của" are, not to the name, when another person of
    the article, who shares no word of the name, holds the same post in the same words not after "của" ("Tổng thống
    Thổ Nhĩ Kỳ Erdogan"): it is dropped from the name's posts (in place)."""

    def after_of(q: Pos) -> bool:
        """Whether the post is written right after "của" (the object of another's post), the one case dropped."""
        return _AFTER_OF.search(text, max(0, q.start - 8), q.start) is not None

    words = {id(p): set(_PARTS.sub(" ", p.name).split()) for p in persons}  # each name's words, split once
    held: dict[str, list[Person]] = {}
    for p in persons:
        for q in p.positions:
            if not after_of(q):
                held.setdefault(fold(q.text), []).append(p)
    for p in persons:
        p.positions[:] = [
            q for q in p.positions
            if not (
                q.rule == "position.before" and q.organization and after_of(q)
                and any(o is not p and not words[id(p)] & words[id(o)] for o in held.get(fold(q.text), []))
            )
        ]


def _line_end(text: str, pos: int, hi: int, reach: int = 400) -> int:
    """End of the line at ``pos``, looking at most ``reach`` characters ahead (keeps scans linear)."""
    limit = min(hi, pos + reach)
    nl = text.find("\n", pos, limit)
    while nl >= 0 and text[nl + 1 : nl + 2].isupper() and NAME_INITIALS_END.search(text, max(pos, nl - 40), nl):
        nl = text.find("\n", nl + 1, limit)  # "George H.W.\nBush": the line runs on (rule sentence.dotted_initials)
    return limit if nl < 0 else nl


def _merge_found(names: list[NameSpan], found: list[NameSpan]) -> list[NameSpan]:
    """``names`` less those that start inside a found name, plus the found names that overlap none
    of them nor an earlier found one (the first found wins), sorted; O(n log n), not a pairwise scan."""
    by_start = sorted(found)
    f_starts = [f.start for f in by_start]
    f_reach = list(accumulate((f.end for f in by_start), max))

    def starts_inside_found(x: int) -> bool:  # some found f with f.start < x < f.end
        i = bisect_left(f_starts, x) - 1
        return i >= 0 and f_reach[i] > x

    same = {(f.start, f.end) for f in found}  # the very span found after a strong cue: the found one stands
    out = sorted(n for n in names if not starts_inside_found(n.start) and (n.start, n.end) not in same)
    n_starts = [n.start for n in out]
    n_reach = list(accumulate((n.end for n in out), max))
    added: list[tuple[int, int]] = []  # kept found spans: non-overlapping, so sorted by start and by end
    for f in found:
        i = bisect_left(n_starts, f.end) - 1  # the names that start before f ends
        if i >= 0 and n_reach[i] > f.start:
            continue
        k = bisect_left(added, (f.start, f.end))
        if (k > 0 and added[k - 1][1] > f.start) or (k < len(added) and added[k][0] < f.end):
            continue
        insort(added, (f.start, f.end))
        out.append(f)
    out.sort()
    return out
