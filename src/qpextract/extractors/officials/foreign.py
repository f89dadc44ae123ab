"""Foreign, Lao and ethnic-minority names: capitalized runs after a strong cue (rule ``person.foreign``).

Such names do not start with a Vietnamese surname, so ``names`` misses them.
A run of capitalized words is a person's name when it stands right after a
title and a country ("Tổng thống Pháp Emmanuel Macron") or right after an
honorific, rank or person noun ("ông Hun Sen", "Đại tá Khamphong Sisouvanh",
"chuyên gia Douglas Macgregor"). A one-word run must not read as a Vietnamese
syllable ("ông Putin", not "ông Tư"). Vocabulary: officials_rules.yaml.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterator, Optional

from qpextract.text.lexicon import LOWER, NB, UPPER, compound_words, fold, trie_pattern

_TONES = dict.fromkeys(map(ord, "\u0300\u0301\u0303\u0309\u0323"))
# a Vietnamese syllable without its tone mark: onset, vowels, coda
_VI_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?"
    r"(?:[aăâeêioôơuưy]{1,3})"
    r"(?:ch|ng|nh|c|m|n|p|t)?"
)
MAX_TOKENS = 5
MAX_RECURRING = 64  # person.recurring: distinct last words checked per article
_SPACED_DASH = re.compile(r" - [A-ZÀ-Ỹ]")
_INITIAL = re.compile(r"[A-Z]\.")
_TITLE_WORD = re.compile(r"[A-Z][a-z]++")  # "Gady", "Jensen": a capital, then small ASCII letters
_ACRONYM = re.compile(r"[ \t]++([A-Z]{2,6})(?=[ \t]++[A-Z][a-z])")


@lru_cache(maxsize=8192)  # words repeat within and across articles
def vietnamese_syllable(word: str) -> bool:
    """True when ``word`` can be one Vietnamese syllable ("Hun", "Sen"; not "Putin", "James")."""
    base = unicodedata.normalize("NFC", unicodedata.normalize("NFD", word.lower()).translate(_TONES))
    return _VI_SYLLABLE.fullmatch(base) is not None


def cut_last_dash(tokens: list[str], end: int, particles: frozenset[str] = frozenset()) -> int:
    """A spaced dash joins first names ("Jean - Yves Le Drian"), never a last word ("Putin - Assad"):
    cut the last token there; returns the new end. Kept: a particle before the dash ("Al - Attiyah",
    "El - Sisi"), and after a first name a double family name whose second part reads foreign
    ("Franz Stefan - Gady"; not "Mac Thornberry - Chủ tịch …", "Angela Merkel - Ảnh")."""
    if tokens and tokens[-1].count(" - ") == 1:
        before, after = tokens[-1].split(" - ")
        if before.rsplit(" ", 1)[-1].lower() in particles or (
            len(tokens) >= 2 and _TITLE_WORD.fullmatch(after) and not vietnamese_syllable(after)
        ):
            return end
    last = _SPACED_DASH.search(tokens[-1]) if tokens and " - " in tokens[-1] else None
    if last is None or not tokens[-1][:1].isupper():
        return end
    end -= len(tokens[-1]) - last.start()
    tokens[-1] = tokens[-1][: last.start()]
    return end


_NEXT_SYLLABLE = re.compile(r"[ \t]++(" + LOWER + r"++)(?!\w)")


def cut_tight_word(text: str, tokens: list[str], end: int) -> int:
    """Rule ``person.foreign``: a lower-case part after the last tight dash of the name that makes a Vietnamese word
    with the syllable after the name begins the apposition, not the name ("ông Rizan Hadu-thành viên của …", "Bashar
    al-Assad-mục tiêu …"; kept: "Jong-un đã", "Bôn-đa-rép cho biết"): cut the last token there; returns the new end."""
    last = tokens[-1] if tokens else ""
    k = last.rfind("-")
    part = last[k + 1 :]
    if k <= 0 or last[k - 1] == " " or not part[:1].islower() or (m := _NEXT_SYLLABLE.match(text, end)) is None:
        return end
    if fold(part + " " + m.group(1)) not in compound_words():
        return end
    tokens[-1] = last[:k]
    return end - len(part) - 1


class ForeignFinder:
    """Finds capitalized runs that are foreign names, given where strong cues end."""

    def __init__(
        self, countries: list[str], particles: list[str], korean: list[str], any_country: str,
        naming: tuple[list[str], list[str]] = ([], []),
    ) -> None:
        """``any_country``: the pattern of the countries with the home one (Lexicon.any_country);
        ``naming``: the naming words and the person heads of rule ``person.named`` (officials_rules.yaml)."""
        # an initial with its dot stays in the name ("John E. Hyten"), so do dotted initials ("George H.W. Bush",
        # "H.R. McMaster"); a Korean given name is spaced
        # and written in lower case after the dash ("Moon Jae - in", "Roh Jae - cheon"); so is a Thai family name
        second = trie_pattern(korean) + r"(?!\w)"
        # a Thai family name spaced at its dashes keeps its lower-case parts ("Prayut Chan - o - cha")
        # an apostrophe printed with blanks around it stays inside the name ("Moshe Ya ' alon", "Ya ’ alon")
        token = UPPER + r"(?:(?:\." + UPPER + r")*+\.(?=(?:[ ]|(?<=" + UPPER + r"\." + UPPER + r"\.)\n)" + UPPER + r"[\w'’]))?+" + r"[\w'’]*+(?:[-.]\w++|[ ]-[ ]" + UPPER + r"\w++|[ ]-[ ]" + second + r"|[ ]-[ ][a-z]++[ ]-[ ][a-z]++(?!\w)|[ ]['’][ ][a-z]{2,}+(?!\w))*+"
        part = r"(?:" + trie_pattern(particles) + r"(?:[ ]-[ ]|[ -]))*+"
        self.particle_set = frozenset(p.lower() for p in particles)
        self.token = re.compile(token + NB)
        # person.recurring: a free run of two or three capitalized words, alone (no capital word on either side)
        # (first and last word in ASCII letters, as foreign names are written: lets ``re`` skip most capitals)
        self.free_run = re.compile(
            r"[A-Z](?<![^\W_].)(?:\.|[A-Za-z]*+(?:[-'’][A-Za-z]++)?+)(?:[ ]" + UPPER + r"[\w'’]*+\.?+)?[ ][A-Z][a-z]{2,}+(?:-[A-Z][a-z]++)?+(?![\w'’-]|[ ]" + UPPER + ")"
        )
        # a nickname in quotes between a first and a last name stays in the name ('William "Ryan" Owens')
        nick = r"[\"“]" + UPPER + r"[\w'’]*+[\"”](?=[ ]" + UPPER + ")"
        self.run = re.compile(r"[ \t]++" + part + token + NB)
        # dotted initials may end a line inside the name ("George H.W.\nBush"; rule sentence.dotted_initials joins it)
        self.run_on = re.compile(r"(?:[ \t]++|(?<=" + UPPER + r"\." + UPPER + r"\.)\n)(?:" + nick + "|" + part + token + NB + ")")  # a word after the first
        words, heads = naming
        # person.named: "một người phụ nữ Mỹ có tên Kathryn Mayorga", "người đàn ông khác tên là Ruslan Boshirov"
        self.naming = re.compile(r"(?<!\w)" + trie_pattern(words) + NB) if words else None
        self.person_head = re.compile(r"(?<!\w)" + trie_pattern(heads, fold_case=True) + r"(?:[ \t]++[^\s,.;:!?\"“”()]++){0,4}?[ \t]++\Z", re.IGNORECASE) if heads else None
        # atomic: "Nhật Bản hồi …" must not fall back to "Nhật" + a name "Bản"
        self.country = re.compile(r"[ \t]*+(?>" + trie_pattern(countries) + NB + r")(?=[ \t]++" + UPPER + ")")
        self._country_word_at = re.compile(r"(?>" + trie_pattern(countries) + NB + r")(?=[ \t]++" + UPPER + r"|[ \t]++(?:tại|ở)[ \t]++(?>" + any_country + NB + r")[ \t]++" + UPPER + ")")
        self.country_word = re.compile(any_country + NB)
        # "Bộ trưởng … Venezuela Nestor Reverol": after a country a free name starts afresh
        self.country_end = re.compile(r"(?<!\w)" + trie_pattern(countries) + r"[ \t]++\Z")
        # "Phó Đại sứ Mỹ tại Việt Nam Susan Sutton": the country where the post is held, after the post's country
        self.posted_in = re.compile(r"[ \t]++(?:tại|ở)[ \t]++(?>" + any_country + NB + r")(?=[ \t]++" + UPPER + ")")

    def runs_after(self, text: str, pos: int, limit: int) -> Iterator[tuple[int, int, list[str]]]:
        """The capitalized run right after ``pos`` (one blank between), as (start, end, tokens); none if absent."""
        m = self.run.match(text, pos, limit)
        if m is None:
            return
        start = m.start() + len(m.group()) - len(m.group().lstrip(" \t"))
        tokens = [m.group().strip()]
        end = m.end()
        while len(tokens) < MAX_TOKENS:
            m = self.run_on.match(text, end, limit)
            if m is None:
                break
            tokens.append(m.group().strip())
            end = m.end()
        end = cut_last_dash(tokens, end, self.particle_set)
        end = cut_tight_word(text, tokens, end)
        while end > start and text[end - 1] in ".’'":
            end -= 1
        yield start, end, tokens

    def recurring(
        self, text: str, lo: int, hi: int, not_first: frozenset[str], not_after: re.Pattern[str]
    ) -> Iterator[tuple[int, int, list[str]]]:
        """Rule ``person.recurring``: a free run of 2-3 capitalized words, the last one foreign, whose last
        word stands alone elsewhere in the article ("Roman Sushchenko bị cáo buộc …", then "Sushchenko là
        thành viên …"): a person named in full, then by the family name. The caller vets the run."""
        seen: dict[str, list[int]] = {}  # last word -> where it stands alone (each word scanned once)
        for m in self.free_run.finditer(text, lo, hi):
            tokens = m.group().split(" ")
            s, e = m.span()
            if len(tokens) == 3 and self.country_word.fullmatch(tokens[0]):
                s, tokens = s + len(tokens[0]) + 1, tokens[1:]  # "… Venezuela Nestor Reverol": the name after the country
            last = tokens[-1]
            if vietnamese_syllable(last) or tokens[0] in not_first or not tokens[0].isascii():
                continue  # "Nam Idlib", "Bắc Hama", "Việc Trump": a Vietnamese word or a place word opens the run
            if s > lo and (text[s - 1].isalnum() or text[s - 1] in ".'’-"):
                continue  # inside a word (no look-behind in the pattern: it would slow the scan down)
            before = text[max(lo, s - 40) : s]
            prev = before.rstrip(" \t").rsplit(None, 1)[-1:] if before.endswith(" ") else []
            if prev and (prev[0][:1].isupper() or prev[0][-1:].isdigit() or prev[0] == "-") and not self.country_end.search(before):
                continue  # the tail of a longer name or a model ("tàu USS Carl Vinson", "Jean - Claude Juncker")
            if last not in seen:
                if text.count(last, lo, hi) < 2:
                    seen[last] = []  # written once: it cannot stand alone elsewhere
                    continue
                if len(seen) >= MAX_RECURRING:
                    return  # hostile input: keep the scan linear
                seen[last] = self._alone(text, lo, hi, last, not_after)
            if any(not s <= a < e for a in seen[last]):
                yield s, e, tokens

    def named_runs(self, text: str, lo: int, hi: int) -> Iterator[tuple[int, int, list[str]]]:
        """Rule ``person.named``: the capitalized run right after a naming word ("có tên", "tên là") said of a
        person ("người", "viên", "phụ nữ" up to four words before it, no comma between); the caller vets it."""
        if self.naming is None or self.person_head is None:
            return
        a = text.find("tên", lo, hi)
        while a >= 0:  # every naming word holds "tên": find it first, a literal search is fast
            m = self.naming.match(text, a - 3, hi) if a - 3 >= lo else None
            m = m if m is not None and m.start() + 3 == a else self.naming.match(text, a, hi)
            a = text.find("tên", a + 3, hi)
            if m is None:
                continue
            if self.person_head.search(text, max(lo, m.start() - 48), m.start()) is not None:
                yield from self.runs_after(text, m.end(), min(hi, m.end() + 120))

    @staticmethod
    def _alone(text: str, lo: int, hi: int, word: str, not_after: re.Pattern[str]) -> list[int]:
        """Where ``word`` stands alone: no capitalized word (but "Ông", "Bà", "Tướng": "Tướng Keane" after "Jack
        Keane") or place word right before it, none right after it (a plain ``str.find`` loop: no pattern compiled
        per word)."""
        out: list[int] = []
        n = len(word)
        a = text.find(word, lo, hi)
        while a >= 0:
            b = a + n
            if (a == 0 or not (text[a - 1].isalnum() or text[a - 1] in "'’-")) and (
                b >= len(text) or not (text[b].isalnum() or text[b] in "'’-")
            ):
                head = text[max(lo, a - 40) : a]
                before = head.rstrip(" \t").rsplit(None, 1)[-1:] if head.endswith(" ") else []
                nxt = text[b : b + 2]
                if (
                    not (before and before[0][:1].isupper() and before[0] not in ("Ông", "Bà", "Tướng"))
                    and not (nxt[:1] == " " and nxt[1:2].isupper())
                    and not_after.search(head) is None
                ):
                    out.append(a)
            a = text.find(word, b, hi)
        return out

    def run_before_comma(self, text: str, pos: int, lo: int) -> tuple[int, list[str]]:
        """The capitalized run that ends right before ``pos`` (", " then a post), as (start, tokens)."""
        window = text[max(lo, pos - 80) : pos]
        words = window[window.rfind("\n") + 1 :].split(" ")  # a run never crosses a line
        tokens: list[str] = []
        i = len(words) - 1
        while i >= 0 and len(tokens) < MAX_TOKENS - 1:
            w = words[i]
            if i >= 2 and words[i - 1] == "-" and w[:1].islower() and self.token.fullmatch(dashed := f"{words[i - 2]} - {w}"):
                w, i = dashed, i - 2  # "Yoon Do - han, thư ký …": the dash is inside the name
            elif tokens and i >= 1 and w in self.particle_set and self.token.fullmatch(words[i - 1]):
                tokens[0] = f"{w} {tokens[0]}"  # "Muhanad al Talaa, người đứng đầu …": a particle inside the name
                i -= 1
                continue
            elif tokens and i >= 2 and w == "-" and words[i - 1] in self.particle_set and self.token.fullmatch(words[i - 2]):
                tokens[0] = f"{words[i - 1]} - {tokens[0]}"  # "Anwar al - Awlaki, …"
                i -= 2
                continue
            elif not (self.token.fullmatch(w) or (tokens and _INITIAL.fullmatch(w))):
                break  # (an initial inside the name stays: "Robert S. Ford, cựu đại sứ …")
            tokens.insert(0, w)
            i -= 1
        return pos - len(" ".join(tokens)), tokens

    @staticmethod
    def opens_sentence(text: str, pos: int, lo: int, quoted: bool = False) -> bool:
        """True when the run at ``pos`` opens a line or a sentence ("Bun Heang, chỉ huy ..."); with ``quoted``, also
        when it follows a quotation and a comma ('"…", Yue Gang, đại tá về hưu …, nói')."""
        before = text[max(lo, pos - 4) : pos].rstrip(" \t")
        return pos <= lo or not before or before[-1] in "\n.!?" or (quoted and before[-2:] in ('",', "”,"))

    def country_in(self, text: str, pos: int, endpos: int) -> Optional[tuple[int, int]]:
        """Same as ``self.country.search(text, pos, endpos)`` as (start, end), faster: the search
        skips to a country's first letter, then the blanks before it (from ``pos`` on) join the match."""
        m = self._country_word_at.search(text, pos, endpos)
        if m is None:
            return None
        start = m.start()
        while start > pos and text[start - 1] in " \t":
            start -= 1
        return start, m.end()

    def past_acronym(self, text: str, pos: int, limit: int, known: frozenset[str]) -> int:
        """End of a body in capitals at ``pos`` before a name ("đồng chủ tịch NDSC Eric Edelman", "thủ lĩnh IS
        Abu Bakr"): three or more capitals, or a known abbreviation; two unknown capitals are initials ("HR McMaster")."""
        m = _ACRONYM.match(text, pos, limit)
        if m is None or (len(m.group(1)) < 3 and m.group(1) not in known):
            return pos
        return m.end()

    def past_posting(self, text: str, pos: int, limit: int) -> int:
        """End of "tại|ở <country>" written at ``pos`` before a name, else ``pos``."""
        m = self.posted_in.match(text, pos, limit)
        return m.end() if m is not None else pos

    def after_country(self, text: str, pos: int, limit: int) -> int:
        """End of a country written at ``pos`` ("Mỹ", "Trung Quốc"), else ``pos``."""
        m = self.country.match(text, pos, limit)
        return m.end() if m is not None else pos
