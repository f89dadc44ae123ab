"""Coreference inside one article: one Official per person, every mention kept.

A person is keyed by the full name as written. Later mentions are the same
full name, the given name after an honorific or rank ("ông Dung", "Đại tá
Hào": the one person whose name ends so) or a position after an honorific or
rank ("đồng chí Bí thư Thành ủy": the one person holding it). Positions are
merged in the order first seen; an ambiguous short mention is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from qpextract.extractors.officials.positions import Pos
from qpextract.text.lexicon import fold

MAX_POSITIONS = 30  # per person: keeps merging linear on hostile input
_SPACED_DASH = re.compile(r"[ \t]*+-[ \t]*+")
_PATRONYMIC = " bin"
_SON_OF = ("bin ", "ibn ")  # the particles after an Arabic given name  # "Vua Salman" is not "Mohammed bin Salman": the name after "bin" is the father's
_FOREIGN_RULES = frozenset({"person.foreign", "person.named", "person.recurring", "person.apposition", "person.age", "person.post_tail", "person.known"})
_SPACED_APOSTROPHE = re.compile(r"[ ]*+['’][ ]*+")


def key_form(name: str) -> str:
    """The form a name is compared in: spaced dashes and apostrophes closed, one apostrophe
    ("Moshe Ya ' alon" and "Ya ’ alon" -> "Ya'alon"); the name itself stays as printed."""
    name = joined(name)
    return _SPACED_APOSTROPHE.sub("'", name) if ("'" in name or "’" in name) else name


def joined(name: str) -> str:
    """A name as written with its spaced dashes closed up ("Bashar al - Assad" -> "Bashar al-Assad",
    "Kim Jong - un" -> "Kim Jong-un"): sites space them, the name has none; a line break inside it (after
    dotted initials: "George H.W.\nBush") is a space."""
    name = name.replace("\n", " ") if "\n" in name else name
    return _SPACED_DASH.sub("-", name) if "-" in name else name


@dataclass
class Person:
    name: str
    key: str
    rule: str = "person.cued"
    honorific: Optional[str] = None
    rank: Optional[str] = None
    alias_rank: Optional[str] = None
    positions: list[Pos] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    seen: set[tuple[int, int]] = field(default_factory=set)

    def add_positions(self, positions: list[Pos]) -> None:
        """Merge in order; the same office once. A bare title written next to the name
        ("Thủ tướng Hun Sen") stays beside the fuller post ("Thủ tướng Campuchia"), as gold writes it."""
        for p in positions:
            if len(self.positions) >= MAX_POSITIONS:
                return
            key = p.key()
            same = [i for i, q in enumerate(self.positions) if q.key() == key]
            if same:
                if p.former() and not self.positions[same[0]].former():
                    self.positions[same[0]] = p  # "nguyên ..." says more about the same office
                continue
            self.positions.append(p)

    def add_short_positions(self, positions: list[Pos]) -> None:
        """Rule ``position.short_title``: posts written by a short mention ("Tổng thống Trump" after
        "Tổng thống Mỹ Donald Trump"); a bare title that a post of the person already holds with its
        body stays beside it, as the gold writes both (dev4, dev6, dev7)."""
        self.add_positions([p._replace(rule="position.short_title") if _said_again(p, self.positions) else p for p in positions])

    def add_mention(self, start: int, end: int) -> None:
        if (start, end) not in self.seen:
            self.seen.add((start, end))
            self.mentions.append((start, end))


def _said_again(post: Pos, held: list[Pos]) -> bool:
    """True when ``post`` is a bare title and ``held`` has that title (or it and a qualifier: "Tổng thống
    đương nhiệm") with a body."""
    if post.organization is not None:
        return False
    title = post.title_key()
    return any(q.organization is not None and (q.title_key() == title or q.title_key().startswith(title + " ")) for q in held)


class Registry:
    """The persons of one article, in order of first mention."""

    def __init__(self) -> None:
        self.persons: dict[str, Person] = {}
        self.merged: dict[int, Person] = {}  # id of a person merged into another -> that other

    def current(self, person: Person) -> Person:
        """``person``, or the person it was merged into."""
        return self.merged.get(id(person), person)

    def named(
        self,
        name: str,
        start: int,
        end: int,
        honorific: Optional[str],
        rank: Optional[str],
        positions: list[Pos],
        rule: str = "person.cued",
    ) -> Person:
        name = joined(name)
        key = fold(key_form(name))
        person = self.persons.get(key)
        if person is None:
            # the honorific of the mention that introduces the full name, never of a later one (gold README)
            person = self.persons[key] = Person(name=name, key=key, rule=rule, honorific=honorific)
        person.rank = person.rank or rank
        person.add_positions(positions)
        person.add_mention(start, end)
        return person

    def add_repeats(self, text: str, lo: int, hi: int) -> None:
        """Every later occurrence of a foreign full name written as found ("Ruslan Boshirov" again, with no
        cue) is one more mention of that person (Vietnamese names come back through the name finder)."""
        for p in self.persons.values():
            if p.rule not in _FOREIGN_RULES or not p.mentions:
                continue
            s0, e0 = p.mentions[0]
            written = text[s0:e0]
            if " " not in written:
                continue
            a = text.find(written, lo, hi)
            while a >= 0:
                b = a + len(written)
                if (a == 0 or not text[a - 1].isalnum()) and (b >= len(text) or not text[b].isalnum()):
                    p.add_mention(a, b)
                a = text.find(written, b, hi)

    def merge_short_forms(self) -> None:
        """A foreign name written once with a short first name ("Rob Givens") and once in full ("Robert
        Givens"): one person, under the full form; the short form's mentions and posts join it."""
        two = [p for p in self.persons.values() if p.rule in _FOREIGN_RULES and p.key.count(" ") == 1]
        for p in two:
            first, last = p.key.split(" ")
            full = [q for q in two if q is not p and q.key.endswith(" " + last) and len(first) >= 3
                    and q.key.split(" ")[0].startswith(first) and q.key in self.persons]
            if len(full) == 1 and p.key in self.persons:
                self._merge(p, full[0], honorific=True)

    def merge_split_names(self) -> None:
        """A foreign family name printed split after a prefix ("ông Mc Kenzie" for "Kenneth McKenzie"): two words
        whose joined form is the last word of exactly one other person; that person written shorter."""
        for p in [p for p in self.persons.values() if p.rule in _FOREIGN_RULES and p.key.count(" ") == 1]:
            squeezed = p.key.replace(" ", "")
            full = [q for q in self.persons.values() if q is not p and " " in q.key and q.key.rsplit(" ", 1)[-1] == squeezed]
            if len(full) == 1 and p.key in self.persons:
                self._merge(p, full[0], honorific=False)

    def merge_name_tails(self) -> None:
        """Rule ``person.name_tail``: a two-word name that ends exactly one longer name of the article (three words or
        more) is that person written shorter, not another: a given name after a rank or honorific ("ông Bạch Vân" for
        "Đại tá Nguyễn Bạch Vân", "Trung tá Mạnh Trí là …" for "trung tá Khuất Mạnh Trí") or a foreign name without
        its first given name ("Tayyip Erdogan", "Le Drian"); its mentions and posts join that person."""
        for p in [p for p in self.persons.values() if p.key.count(" ") == 1]:
            full = [q for q in self.persons.values() if q is not p and q.key.count(" ") >= 2 and q.key.endswith(" " + p.key)]
            if len(full) == 1 and p.key in self.persons:
                # a bare title the shorter name says again stays out ("Theo chỉ huy Abdul Zawbai" after "Nouman Abdul
                # Zawbai, chỉ huy lữ đoàn 7 …": dev9 gold writes the post once)
                p.positions = [q for q in p.positions if not _said_again(q, full[0].positions)]
                self._merge(p, full[0], honorific=False)

    def merge_cut_names(self, text: str) -> None:
        """Rule ``person.cut``: a name that ends the text (a web page's excerpt cut off: "Phát biểu, đồng chí Hồ
        Anh") and starts exactly one longer name of the article ("Hồ Anh Tuấn") is that person, not another."""
        for p in list(self.persons.values()):
            if len(p.mentions) != 1 or text[p.mentions[0][1] :].strip():
                continue
            full = [q for q in self.persons.values() if q is not p and len(q.key) > len(p.key) and q.key.startswith(p.key)]
            if len(full) == 1 and p.key in self.persons:
                self._merge(p, full[0], honorific=False)

    def _merge(self, p: Person, into: Person, *, honorific: bool) -> None:
        """``p`` is ``into`` written shorter: its mentions, posts and rank (and honorific) join ``into``."""
        for s, e in p.mentions:
            into.add_mention(s, e)
        into.add_short_positions(p.positions)
        into.rank = into.rank or p.rank
        if honorific:
            into.honorific = into.honorific or p.honorific
        self.merged[id(p)] = into
        del self.persons[p.key]

    def get(self, name: str) -> Optional[Person]:
        return self.persons.get(fold(name))

    def by_given_name(self, alias: str) -> Optional[Person]:
        """The one person whose full name ends with ``alias`` ("Hào" -> "Lã Văn Hào"), or whose double family
        name starts with it ("Bakke" -> "Frank Bakke-Jensen")."""
        tail = " " + fold(key_form(alias))
        dashed = "-" + tail[1:]  # "Assad" -> "Bashar al-Assad"
        hits = [
            p
            for p in self.persons.values()
            if (p.key.endswith(tail) and not p.key.endswith(_PATRONYMIC + tail)) or p.key.endswith(dashed)
            or p.key.rsplit(" ", 1)[-1].startswith(tail[1:] + "-")  # "Bakke" -> "Frank Bakke-Jensen"
        ]
        return hits[0] if len(hits) == 1 else None

    def by_foreign_name(self, alias: str) -> Optional[Person]:
        """The one person whose full name ends with ``alias``, else the one foreign name that starts
        with it ("ông Thitinan" -> "Thitinan Pongsudhirak": Thai and Khmer names go by the first)."""
        person = self.by_given_name(alias)
        if person is not None:
            return person
        head = fold(key_form(alias)) + " "
        hits = [p for p in self.persons.values() if p.rule in ("person.foreign", "person.post_tail") and p.key.startswith(head)]
        if not hits:
            return self.by_son_of(alias)
        return hits[0] if len(hits) == 1 else None

    def by_son_of(self, alias: str) -> Optional[Person]:
        """The one person whose Arabic name has ``alias`` as the given name before "bin"/"ibn": an Arabic name goes
        by it ("Hamad" -> "Sheik Hamad bin Khalifa al Thani")."""
        given = [fold(key_form(alias)) + " " + w for w in _SON_OF]
        hits = [p for p in self.persons.values() if any(p.key.startswith(g) or (" " + g) in p.key for g in given)]
        return hits[0] if len(hits) == 1 else None

    def by_position(self, pos: Pos) -> Optional[Person]:
        """The one person holding ``pos`` ("Bí thư Thành ủy"), or its bare title ("Bí thư")."""
        key = pos.key()
        hits = [p for p in self.persons.values() if any(q.key() == key for q in p.positions)]
        if not hits and pos.organization is None:
            title = pos.title_key()
            hits = [p for p in self.persons.values() if any(q.title_key() == title for q in p.positions)]
        return hits[0] if len(hits) == 1 else None
