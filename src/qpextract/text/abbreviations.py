"""Abbreviations: every occurrence of every abbreviation, with its expansion (SPEC "Abbreviation").

The expansion of an occurrence comes from the first of these named rules that knows it:

- ``abbr.defined``: a definition in the article whose word initials spell the short
  form, in either order: "Ban Chỉ huy Quân sự (CHQS)", "BCHQS (Ban Chỉ huy quân sự)",
  ", gọi tắt là BCĐ", or a pair in brackets: "(Operation Inherent Resolve - OIR)";
- ``abbr.defined_pair``: a pair in brackets whose words do not spell an unknown form: the name phrase before the dash
  by the head-word rule of ``abbr.defined_phrase`` ("(Chủ tịch Hội tư vấn Khoa học công nghệ & quản lý TP HCM - HASCON)");
- ``abbr.defined_stands_for``: the words after "là viết tắt của" (data/vi/abbreviation_definitions.yaml
  stands_for_cues) to the clause's end: "TT là viết tắt của Tula - Tokarev", "X (viết tắt của …)";
- ``abbr.defined_quoted``: a name in quotes before the form: "“Giá treo tên lửa trên không”
  (FMR)", "“mối đe dọa liên tục nâng cao” hoặc APT";
- ``abbr.defined_phrase``: the name phrase right before a form in brackets, even one
  the table knows (the article's own words first) unless the phrase is shorter than three
  words, holds the table's expansion or the text before the brackets ends with it ("lực lượng
  vũ trang thành phố (LLVT)" keeps "lực lượng vũ trang"), but not when it differs from the
  table only by "các" ("Các lực lượng dân chủ Syria (SDF)"). The phrase opens at a head word
  (data/vi/abbreviation_definitions.yaml) after the last stop word, a capitalized name rather
  than a common noun before it ("dân quân Các đơn vị bảo vệ người dân (YPG)"), never with
  "này/đó/trên" at its end ("quân đội nước này (PLA)"), never at a post ("Cục trưởng Cục An ninh Quốc gia (BBN)"
  is the Cục); of two bodies in one phrase, the later one when only its head agrees with the form's first or last
  letter ("Quân ủy trung ương của quân đội Trung Quốc (PLA)" is "quân đội Trung Quốc"), across "thuộc" when the form has
  more letters than the later body has words ("Bộ chỉ huy Chiến lược Tác chiến thuộc Lực lượng Vũ trang Venezuela
  (CEOFANB)" is the whole; chain_stops), never past "về" (a treaty's
  topic: "Hiệp ước về các lực lượng hạt nhân tầm trung (INF)" is the whole); a lower-case descriptor before a
  capitalized name is no part of it ("nhóm Hay’at Tahrir al-Sham (HTS)"), nor a body's standing before or after
  its name ("nước cộng hòa tự xưng Donetsk (DPR)", "đảng Cứu nguy Dân tộc đối lập (CNRP)"; name_descriptors). A defined form with a digit is a record
  only when spelled by its words ("(ĐTCB-7)"), not a hull number ("Echigo (PLH08)");
- ``abbr.defined_common``: a gloss in lower case in brackets after the form, with no head word
  ("SIGINT (tình báo tín hiệu)", "CBP (cơ quan hải quan và bảo vệ biên giới)"), not one that says whose,
  where or what colour it is ("(của Mỹ)", "(màu đen)"); a form with lower-case letters is defined only on
  evidence, a model name with a digit never ("(MiG-29K)", "(Su-30MK2)");
- ``abbr.defined_common_before``: an unknown form in brackets after a common noun phrase in lower case that no
  rule above reads: the phrase from the last stop, quantity or preposition ("tập trung ở sân bay quốc tế Hong Kong
  (HKIA)", "các quan chức cấp cao (SOM)"; data/vi/abbreviation_definitions.yaml common_before_cuts), or from a verb
  whose object it is or a noun of its kind ("phát hiện tín hiệu khả nghi (SOI)", "nhiệm vụ duy trì sự hiện diện thường
  trực (CBP)"; common_before_openers);
- ``abbr.defined_rendering``: a form the table knows, in brackets after the article's own rendering of its name that no
  rule above reads, from the name's first word when it says half its words or more ("cất cánh trên đường băng ngắn và
  hạ cánh thẳng đứng (STOVL)", "tình báo, trinh sát và giám sát (ISR)"), else from a head of rendering_heads, a capitalized
  word of the name mid-sentence or another word of it, ending with the name's last word and adding at most one word
  ("chiến dịch tự do hàng hải (FONOP)", "Khu an ninh chung (JSA)", "năng lực chiến tranh điện tử (EW)"); never a news outlet;
- ``abbr.defined_table``: a form the article first glosses in brackets with the table's own name ("xe thiết giáp chở
  quân (APC)") keeps it when a later gloss says it in other words ("… xe bọc thép chở quân (APC)"): the article's first
  gloss, not the last, names every mention;
- ``abbr.defined_year``: a name phrase ending with the year the form's digits spell ("Đối tác Thái Bình
  Dương 2018 (PP 18)", then "PP18" too);
- ``abbr.defined_gloss``: a name right before a form with no brackets that ends with its country
  ("cục Tình báo Anh MI6"; not "Ủy ban Quân sự NATO", NATO's committee), a news outlet only after one of ``media_heads`` (none: outlets keep their own names);
- ``abbr.defined_apposition``: a body's name right before a form the table knows, with no brackets and no country,
  opened by a capitalized head of data/vi/abbreviation_definitions.yaml apposition_heads that also opens the table's
  name, saying one more of its words ("Tập đoàn công nghiệp máy bay AVIC", "Viện nghiên cứu Hòa bình Stockholm
  SIPRI"); never after a lower-case descriptor ("lực lượng dân quân người Kurd YPG") nor for a news outlet;
- ``abbr.context.*``: a rule of data/vi/abbreviation_context.yaml ("BCH Trung ương");
- ``abbr.written_out``: a form the table knows whose name the article writes out somewhere in another of the
  press's renderings (data/vi/abbreviation_renderings.tsv): that name as printed, the first in the text ("Quân Giải
  phóng Nhân dân Trung Quốc" in one paragraph, "PLA" alone in another);
- ``abbr.written_loose``: a form of the table whose proper name the article writes a little otherwise, with "của" between
  two of its words or with its owner dropped or added ("Công ước của Liên Hợp Quốc về Luật Biển", "Lực lượng Phòng vệ
  Mặt đất" for "… Nhật Bản"): that name as printed, the first in the text, when the table's own is written nowhere;
- ``abbr.table``: data/vi/abbreviations.tsv (the longest written form wins); a two-letter shorthand of
  abbreviation_definitions.yaml needs_evidence only joined to a form, before a number or with its expansion in
  the article ("chiến dịch PR", "video HD" are none);
- ``abbr.post_chain``: a person's posts as one run of short forms glued by "." (and "-") on commune and district
  portals ("P.CHT.TMT.BCHQS", "PBT.CTUBND", "HUV.BTĐU-CTHĐND") is one record, when every part is a post form of
  data/vi/abbreviation_posts.tsv, a post form fused to a body form of the table ("CTUBND": "chủ tịch Ủy ban nhân dân")
  or a form of the table, and one part at least is a post: a prefix "P." opens the next post ("phó chỉ huy trưởng"), a
  post takes the body after it ("tham mưu trưởng Ban chỉ huy quân sự"), posts are joined by ", " and a dash by " - ";
- ``abbr.compound``: a chain glued by "-", "/" or "&" ("QĐ-UBND", "CT/TU", "GD&ĐT") is one
  record whose expansion joins its parts'; a spaced dash separates ("Thành ủy - HĐND - UBND"), and
  so does a slash before or after a news outlet (a byline or credit: "PV/VOV", "AFP/TTXVN");
- ``abbr.misspelt``: an unknown form one letter longer or shorter than a form of the same article with an
  expansion, four letters or more and not cut by a stray space: a typo, that form's expansion ("UBNDN" beside "UBND");
- ``abbr.unknown``: a token in capitals known from none of them: ``expansion`` null and a warning.

The input's separate title (``doc.title_map``) is read the same way, with the article's own
definitions: its records carry ``field="title"`` and spans into the title; ``expanded_text`` is the
text's only.

What is not an unknown abbreviation (never a record): Roman numerals; model codes, a token
with a digit or joined to a number or to a word with a digit ("M1A2", "HQ-9", "BMP-3",
"Tu-95 MS", "Kalibr-PL"), before a model code or a Roman numeral ("PAK FA T-50", "LAG II");
the words of photo credits ("Ảnh: MAI QUANG");
names, words and headlines in capitals (next to a capitalized word with Vietnamese marks, after
an initial "H.LAN", before the name they are the initials of "NT Nguyễn Thuận", a run of three
words in capitals, or a long word half vowels "TOOWOOMBA"); anything after the article body (the
byline); the words of data/vi/not_abbreviations.tsv (agencies written in capitals, units).
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex
from pydantic import BaseModel

from qpextract.data import read_tsv, read_yaml
from qpextract.document import Document
from qpextract.models import Abbreviation
from qpextract.patterns import trie_pattern
from qpextract.text.credits import credit_labels
from qpextract.text.lexical import literal_alternation


def _char_class(keep: str) -> str:
    """A ``re`` character class body of the Basic Multilingual Plane's characters whose Unicode
    category starts with one of ``keep`` ("Lu", "M": upper-case letters and marks)."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x10000):
        if unicodedata.category(chr(code)).startswith(tuple(keep.split())):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(re.escape(chr(a)) + (("-" + re.escape(chr(b))) if b > a else "") for a, b in ranges)


@lru_cache(maxsize=None)
def _caps_run() -> re.Pattern[str]:
    """Runs of words in capitals, marks allowed: ``re`` with a class of the upper-case letters and marks
    (several times faster to scan than ``regex``), built on first use rather than at import."""
    upper = _char_class("Lu M")
    return re.compile(rf"[{upper}](?<![^\W_].)[{upper}]++(?: [{upper}]{{2,}}+)++(?![^\W_])")


_LEFT_TOUCH = regex.compile(r"[\p{L}\p{N}]")
_LETTER = regex.compile(r"\p{L}")
# a web address: "VOV.VN", "Trung Hiếu/VOV.VN", "Chinhphu.vn": never an abbreviation
_DOMAIN = regex.compile(r"(?<![\p{L}\p{N}.])[\p{L}\p{N}-]++(?:\.[\p{L}\p{N}-]++)*?\.(?:VN|vn|COM|com|NET|net|ORG|org|GOV|gov)(?![\p{L}\p{N}])")
# a web address's ending: only a text with one runs _DOMAIN (a slow scan of every word)
_TLD = re.compile(r"\.(?:VN|vn|COM|com|NET|net|ORG|org|GOV|gov)(?![^\W_])")
_SPACED = regex.compile(r"\s*([-&/+])\s*")
_JOINER = regex.compile(r"-|/|\+|\s?&\s?|(?<=\+)")
# ``re``, first character before the look-behind: several times faster to scan than ``regex``;
# ``(?<![^\W_].)`` after the first character is ``(?<![\p{L}\p{N}])`` before it
_CAPS = re.compile(r"[A-ZĐ](?<![^\W_].)[A-ZĐ0-9]*+\+?(?![^\W_])")
_ROMAN = regex.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_PAREN = regex.compile(r"\(([^()\n]{1,150})\)")
_FORM = regex.compile(r"[A-ZĐ][A-ZĐa-z0-9]*+(?:\s?[-/&+]\s?[A-ZĐ0-9][A-ZĐa-z0-9]*+)*+(?:\s?\+)?(?: \d{2})?")  # "ADMM +" is "ADMM+"
# "(US CENTCOM)": a form after its owner's prefix, defined as one
_OWNED_FORM = regex.compile(r"(?:US|UK|UN|EU) [A-Z]{2,12}+")
_FORM_BEFORE = regex.compile(r"(?<![\p{L}\p{N}])([A-ZĐ][A-ZĐ0-9]*+(?:[-/&][A-ZĐ0-9]++)*+)\s*$")
_WORD = regex.compile(r"[\p{L}\p{N}]++")
_MID_SENTENCE = regex.compile(r"[\p{L}\p{N},]\s+$")  # a word or comma before: not a sentence's first word
_LAST_WORD = regex.compile(r"[\p{L}\p{N}]++\s*$")
# a model name in mixed case, with a digit: "MiG-29K", "Su-30MK2", "UMig-21", "Mi-8AMTSh": never a defined form
_MODEL_NAME = regex.compile(r"(?=.*\p{Ll})(?=.*\d)[\p{L}\d\s/-]++")
# "(gọi tắt là JSDF)", "(viết tắt: NLF)", "(tên viết tắt là X)": the short form named after the words
_CALLED = regex.compile(r"(?:[Tt]ên )?(?:[Gg]ọi|[Vv]iết) tắt(?: là|:)?\s+(?=[A-ZĐ])")
# "“Giá treo tên lửa trên không” (FMR)": a name in quotes right before the brackets (searched from the end)
_QUOTED_BEFORE = regex.compile(r"[“\"]([^“”\"\n()]{3,120}?)[”\"]\s*$")
# "“Hiện diện oanh tạc cơ liên tục (CBP)”": a capitalized name opened by a quote, the brackets inside it
_QUOTE_OPENED = regex.compile(r"[“\"](\p{Lu}[^“”\"\n().,;:!?]{2,120}?)\s*$")
_QUOTE_CLOSES = regex.compile(r"\s?[”\"]")
_CLAUSE_END = regex.compile(r"[,;:.!?()\"“”\n…]", regex.REVERSE)  # searched from the end
# a number or a word with a digit glued to the token: a model code ("HQ-9", "Tu-95 MS", "Kalibr-PL")
_CODE_AFTER = regex.compile(r"(?:\s?-\s?|\s)?\d|-\p{L}*\d|(?: [A-Z]{2,5}){0,2} [A-Z]{1,4}-\d| [IVX]{1,4}(?![\p{L}\p{N}])")
# a known form glued to a code with a digit: "TB-2", "AN / APG-83", "AN - M30"
_TABLE_CODE_AFTER = regex.compile(r"-\d|\s?[-/]\s?\p{L}++-?\d|\s?-\s?\d{5}")
_GLOSS_FORM = re.compile(r"[A-ZĐ][A-ZĐ0-9]{1,9}+(?![^\W_])")  # the form after a gloss's country
# a registration or plate number before a known form: "tàu QNa 91739 TS" (a boat's code, not "tiến sĩ")
_SERIAL_BEFORE = regex.compile(r"(?<![\p{L}\p{N}])\d{5,}[\s-]$")
_OF_BEFORE = regex.compile(r"(?<![\p{L}])(?:của|và)\s$")  # "xe tăng và xe chiến đấu bộ binh (IFV)"
_CAPITALIZED_BEFORE = regex.compile(r"(?<=[\p{L}\p{M}]\s)\p{Lu}[\p{Ll}\p{M}]*+\s$")
_OPEN_BEFORE = regex.compile(r"\(\s?$")  # a short form in brackets, for expanded_text
_CLOSE_AFTER = regex.compile(r"\s?\)")
_OPEN_AFTER = regex.compile(r"\s?\(\s?")
# a capitalized word split at a spaced apostrophe right before a name's word ("Hay ' at Tahrir Al - Sham"): part of it
_SPLIT_WORD_BEFORE = regex.compile(r"(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}]*+ ['’] \p{Ll}++ $")
_CAP_WORD_BEFORE = regex.compile(r"(?<![\p{L}\p{M}])\p{Lu}[\p{Ll}\p{M}]*+\s$")
_CAP_AFTER = regex.compile(r"\s\p{Lu}")
_INITIAL_BEFORE = regex.compile(r"(?<![\p{L}\p{N}])\p{Lu}\.\s?$")
_ASCII_CAPS = regex.compile(r"[A-ZĐ]+")
# a two-letter shorthand joined to another form or a number: its evidence (needs_evidence)
_JOINED_AFTER = regex.compile(r"\s?[-/&]\s?[\p{L}\p{N}]")
_JOINED_BEFORE = regex.compile(r"[\p{L}\p{N}]\s?[-/&]\s?$")
_NUMBER_AFTER = regex.compile(r"\s(?:số\s)?\d")
_NAME_AFTER = regex.compile(r"(?: \p{Lu}\p{Ll}[\p{Ll}\p{M}]*+){2,4}")


class _Province(BaseModel):
    name: str
    kind: str


# "(BNA) - ", "(QNO) -": a newspaper's tag that opens the lead (within its first characters); on a paper's own web page
# it opens the lead's line without brackets ("STO - Thiết thực …", "YBĐT - Sáng 3/5"), after the page's dateline
_LEAD_TAG = regex.compile(r"\(([A-ZĐ]{2,6})\)\s?[-–]|(?m:^)([A-ZĐ]{2,6})\s?[-–]\s")
_LEAD_REACH = 240
# characters before a form with no brackets searched for the name glossing it (abbr.defined_gloss, abbr.defined_apposition)
_GLOSS_REACH = 80
# one short form found in a text: (start, end, expansion, rule, category), what ``_found`` gives and ``_misspelt`` rereads
_Found = tuple[int, int, Optional[str], str, Optional[str]]


class AbbreviationEntry(BaseModel):
    short: str
    expansion: str
    category: str
    record_as: Optional[str] = None


class _PostForm(BaseModel):
    short: str
    expansion: str
    kind: str  # prefix | post


# a run of short forms glued by "." (one dot at least) and "-": "P.CHT.TMT.BCHQS", "HUV.BTĐU-CTHĐND" (abbr.post_chain)
_POST_CHAIN = regex.compile(r"(?<![\p{L}\p{N}.\-/])[A-ZĐ]{1,7}+(?:-[A-ZĐ]{1,7}+)*+\.[A-ZĐ]{1,7}+(?:[.-][A-ZĐ]{1,7}+)*+(?![\p{L}\p{N}])")
_CHAIN_AFTER = regex.compile(r"[./-][\p{L}\p{N}]")
_BODY_CATEGORIES = frozenset({"military", "government", "party", "security", "organization"})


class _Rendering(BaseModel):
    short: str
    rendering: str


class _NotAbbreviation(BaseModel):
    token: str
    note: str = ""


class ContextRule(BaseModel):
    name: str
    short: list[str]
    expansion: Optional[str]  # null: here the form is part of a name ("USA Today"), no record
    category: str = "general"
    before: Optional[str] = None
    after: Optional[str] = None
    number_joined: bool = False  # a number glued to the form is part of the name: "QK9" is "Quân khu 9"


@dataclass(frozen=True)
class _Lexicon:
    entries: dict[str, AbbreviationEntry]
    pattern: re.Pattern[str]


@dataclass
class _Atom:
    start: int
    end: int
    rule: str  # abbr.table, abbr.context.*, abbr.unknown
    expansion: Optional[str]
    category: Optional[str]


@lru_cache(maxsize=1)
def abbreviation_rows() -> tuple[AbbreviationEntry, ...]:
    """data/vi/abbreviations.tsv, read once: the tagger and the officials' foreign-name rule both need it."""
    return tuple(read_tsv("abbreviations.tsv", AbbreviationEntry))


def load_lexicon() -> _Lexicon:
    entries = {e.short: e for e in abbreviation_rows()}
    # a prefix trie, longest form first ("QP-QSĐP" also matches "QP - QSĐP", "NN&PTNT" also
    # "NN & PTNT", "HA/DR" also "HA / DR"); the left boundary is checked on each match so that the engine keeps its
    # fast literal scan
    forms = list(entries) + [k.replace("&", " & ") for k in entries if "&" in k]
    forms += [k[:-1] + " +" for k in entries if k.endswith("+")]  # "ADMM +" is "ADMM+"
    forms += [k.replace("/", " / ") for k in entries if "/" in k]  # "HA / DR" is "HA/DR", "NQ / TW" "NQ/TW"
    # ``re``, not ``regex``: its scan of a literal trie is several times faster; ``(?![^\W_])``
    # is ``(?![\p{L}\p{N}])`` (``\w`` in ``re`` is letters, digits and "_")
    pattern = re.compile(trie_pattern(forms) + r"(?![^\W_])")
    return _Lexicon(entries, pattern)


class PostChains:
    """``abbr.post_chain``: reads a run of short post forms glued by "." and "-" ("P.CHT.TMT.BCHQS", "PBT.CTUBND")
    with data/vi/abbreviation_posts.tsv and the table; the officials' positions read the same runs as titles."""

    def __init__(self) -> None:
        self.posts = {row.short: row for row in read_tsv("abbreviation_posts.tsv", _PostForm)}
        self.entries = {e.short: e for e in abbreviation_rows()}

    def part(self, part: str) -> Optional[tuple[str, str]]:
        """``(expansion, kind)`` of one part: a post form, a post form fused to a body form of the table ("CTUBND" is
        CT + UBND: kind "post"), or a form of the table (kind "body"); None when it is none of them."""
        post = self.posts.get(part)
        if post is not None:
            return post.expansion, post.kind
        fused = self.fused(part)
        if fused is not None:
            return fused, "post"
        entry = self.entries.get(part)
        return (entry.expansion, "body") if entry is not None else None

    def fused(self, part: str) -> Optional[str]:
        """The expansion of a post form fused to the body form after it ("BTĐU": "bí thư Đảng ủy"), or None."""
        for k in range(len(part) - 1, 0, -1):  # the longest post form first: "PCTUBND" is PCT + UBND
            head, body = self.posts.get(part[:k]), self.entries.get(part[k:])
            if head is not None and head.kind == "post" and body is not None and self._body(part[k:]):
                return f"{head.expansion} {body.expansion}"
        return None

    def _body(self, short: str) -> bool:
        """Whether a form of the table names a body a post can be fused to: a body's proper name, with its capital
        ("UBND", "ĐU", "BCHQS"; not "QP", "quốc phòng": "BTQP" is no "bí thư" of it)."""
        body = self.entries.get(short)
        return body is not None and body.category in _BODY_CATEGORIES and body.expansion[:1].isupper() and short not in self.posts

    def expansion(self, written: str) -> Optional[str]:
        """The expansion of a run glued by "." and "-" that names a post, or None: a prefix opens the next post, a post
        takes the body after it, posts are joined by ", ", a dash by " - "."""
        segments: list[str] = []
        seen_post = False
        for segment in written.split("-"):
            parts = [self.part(p) for p in segment.split(".")]
            if any(p is None for p in parts):
                return None
            read = [p for p in parts if p is not None]
            if read[-1][1] == "prefix" or any(a[1] == "prefix" and b[1] != "post" for a, b in zip(read, read[1:])):
                return None  # "P." opens a post
            seen_post = seen_post or any(k == "post" for _, k in read)
            out = read[0][0]
            for (_, kind), (expansion, next_kind) in zip(read, read[1:]):
                out += (" " if kind == "prefix" or (kind == "post" and next_kind == "body") else ", ") + expansion
            segments.append(out)
        return " - ".join(segments) if seen_post else None


@lru_cache(maxsize=1)
def post_chains() -> PostChains:
    """The reader of dotted post chains, built once."""
    return PostChains()


@lru_cache(maxsize=4096)
def canonical(written: str) -> str:
    """The key of a written form: no spaces around its joiners ("QP – QSĐP" → "QP-QSĐP")."""
    return _SPACED.sub(r"\1", written.replace("–", "-").replace(".", "").strip())


def _listed_first(inner: str) -> str:
    """Rule ``abbr.listed_first``: a bracket that opens with the short form and a comma, then an aside (another
    name, a former name: "Hay ' at Tahrir Al - Sham (HTS, Al - Qaeda Syria)", "(HTS, trước đây là Jabhat al -
    Nusra)"), defines the form as a bracket holding it alone would: returns the form, else ``inner`` unchanged."""
    m = _FORM.match(inner)
    if m is None or not inner.startswith(", ", m.end()) or not inner[: m.end()].isupper():
        return inner
    return inner[: m.end()]


class AbbreviationTagger:
    """Component: fills ``doc.abbreviations`` and ``doc.expanded_text``; warns about unknown forms."""

    name = "abbreviations"
    needs = ("text",)
    adds = ("abbreviations",)

    def __init__(self) -> None:
        self.lexicon = load_lexicon()
        # a photo credit ("Ảnh: MAI QUANG", "Đồ họa: AP"): its unknown words are names, not abbreviations
        self.credit = regex.compile(
            r"(?:" + "|".join(regex.escape(w) for w in credit_labels("abbreviations")) + r")\s*:\s*[^\n.;()]{1,40}"
        )
        self.keys = {canonical(k): e for k, e in self.lexicon.entries.items()}
        self.context = [ContextRule.model_validate(r) for r in read_yaml("abbreviation_context.yaml")]
        # one scan finds every form some rule names; each rule then checks its own neighbours
        self.context_rules = [
            (
                rule,
                regex.compile(f"(?:{rule.after})") if rule.after else None,
                regex.compile(f"(?:{rule.before})$") if rule.before else None,
            )
            for rule in self.context
        ]
        # the (short, rule) pairs by first character, in the rules' order (the first that fits wins)
        self.context_by_char: dict[str, list[tuple[str, ContextRule, Optional[regex.Pattern[str]], Optional[regex.Pattern[str]]]]] = {}
        for rule, after, before in self.context_rules:
            for short in rule.short:
                self.context_by_char.setdefault(short[0], []).append((short, rule, after, before))
        shorts = sorted({s for rule in self.context for s in rule.short}, key=lambda s: (-len(s), s))  # not set order
        self.context_pattern = regex.compile(
            r"(?<![\p{L}\p{N}.])(?:"
            + "|".join(regex.escape(s) + (r"(?![\p{L}])" if s[-1].isalnum() else "") for s in shorts)
            + ")"
        )
        cfg = read_yaml("abbreviation_definitions.yaml")
        self.skip_words = frozenset(cfg["skip_words"])
        self.max_words = int(cfg["max_words"])
        self.long_max_words = int(cfg["long_max_words"])
        self.name_syllables = frozenset(cfg["name_syllables"]) | frozenset(cfg["name_links"])
        self.name_inner = tuple(cfg["name_inner_words"])
        self.common_before_max = int(cfg["common_before_max_words"])
        self.rendering_heads = tuple(tuple(h.split()) for h in cfg["rendering_heads"])
        # (anchored at the end: every word that matches from a start ends there, so their order changes no match)
        self.rendering_tail = regex.compile(r"\s+(?:" + literal_alternation(cfg["rendering_tail_words"]) + r")$")
        # (a unit that ends another, "m" of "km", has a letter and not the digit or blank before it where the longer
        # one stands: the units' order changes no match)
        self.common_before_cut = regex.compile(
            r"(?:[,;:.!?()\"“”\n…]|\d(?:\s?(?:" + literal_alternation(cfg["common_before_units"]) + r")(?![\p{L}]))?"
            r"|(?<![\p{L}])(?:" + literal_alternation((*cfg["common_before_cuts"], *cfg["common_before_openers"])) + r")(?![\p{L}]))",
            regex.IGNORECASE | regex.REVERSE,  # the last cut before the brackets
        )
        # "đảng cầm quyền Nhân dân Campuchia": a description between a lower-case head and a capitalized name
        descriptors = "|".join(regex.escape(w) for w in cfg["name_descriptors"])
        self.described = regex.compile(r"\p{Ll}[\p{L}\p{M} ]*?( (?:" + descriptors + r"))(?= \p{Lu})")
        # "đảng Cứu nguy Dân tộc đối lập (CNRP)": the same words after a capitalized name, at the phrase's end
        self.described_tail = regex.compile(r" (?:" + descriptors + r")$")
        self.stop_compounds: dict[str, tuple[str, ...]] = {}  # "do" -> ("tự do",): a stop word as a word's syllable
        for compound in cfg["stop_compounds"]:
            last = compound.split()[-1]
            self.stop_compounds[last] = (*self.stop_compounds.get(last, ()), compound)
        self.body_heads = tuple(h for h in cfg["heads"] if h[0].isupper())  # "Lực lượng", "Bộ", "Đường"
        self.lower_heads = frozenset(h for h in cfg["heads"] if h[0].islower())  # "tên lửa", "máy bay", "tàu"
        heads = {v for h in cfg["heads"] for v in (h, h[0].upper() + h[1:])}  # "tàu" also opens a sentence
        self.heads = regex.compile(r"(?<![\p{L}])" + trie_pattern(sorted(heads)) + r"(?![\p{L}])")
        # a lower-case head right before a word (name_inner_words) that then qualifies it: "xe thử nghiệm"
        self.head_before = regex.compile(r"(?<![\p{L}])(?:" + trie_pattern(sorted(h for h in heads if h[0].islower())) + r")\s$")
        # "cục Tình báo Anh MI6": a gloss right before a form with no brackets (abbr.defined_gloss)
        gloss = cfg["gloss"]
        gloss_heads = sorted({v for h in gloss["heads"] for v in (h, h[0].upper() + h[1:])})
        # found from its end (a country, then a form in capitals: few matches), the head searched back from there
        self.gloss_owners: dict[str, list[str]] = {}  # by last word: "Quốc" -> ["Trung Quốc", "Hàn Quốc"]
        for owner in gloss["owners"]:
            self.gloss_owners.setdefault(owner.split()[-1], []).append(owner)
        self.owner_names = frozenset(gloss["owners"])
        self.owner_alternatives = literal_alternation(gloss["owners"])
        self.loose: dict[str, Optional[regex.Pattern[str]]] = {}  # abbr.written_loose, by table name
        self.loose_min_words = int(cfg["written_loose_min_words"])  # abbr.written_loose, a name capitalized on its first word alone
        self.misspelt_min = int(cfg["misspelt_min_letters"])  # abbr.misspelt: letters of the shorter form
        self.media_heads = tuple(gloss["media_heads"])
        # abbr.defined_apposition: capitalized heads of a body's name written right before a known form
        self.apposition_heads = regex.compile(r"(?<![\p{L}])" + trie_pattern(sorted(gloss["apposition_heads"])) + r"(?![\p{L}])")
        self.gloss_heads = regex.compile(r"(?<![\p{L}])" + trie_pattern(gloss_heads) + r"(?![\p{L}])")
        self.gloss_words = int(gloss["max_words"])
        self.gloss_stops = frozenset(gloss["stop_words"])
        # "bộ Tình trạng Khẩn cấp (EMERCOM)": a common noun in lower case opens a name before a capital
        # "hệ thống Phòng thủ tên lửa tầm cao giai đoạn cuối (THAAD)": a classifier before a capitalized name is no part of it
        self.descriptor = regex.compile(r"(?:" + trie_pattern(sorted(cfg["descriptor_heads"] + cfg["name_descriptors_before"])) + r") (?=\p{Lu})")
        # "Tổ chức Nhà nước Hồi giáo (IS)", "Hội nghị Diễn đàn … (APEC)": capitalized heads that open no name of the table's
        self.not_name_heads = frozenset(h.casefold() for h in cfg["name_descriptors_before"] + cfg["event_heads"])
        self.name_heads = regex.compile(r"(?<![\p{L}])" + trie_pattern(sorted(cfg["name_heads"])) + r"(?= \p{Lu})")
        self.stops = regex.compile(
            r"(?:^|[,;:.!?()\"“”\n…]|(?<![\p{L}])(?:" + "|".join(regex.escape(s) for s in cfg["stop_words"]) + r")(?![\p{L}]))",
            regex.REVERSE,  # the last stop before the brackets
        )
        self.gloss_openers = frozenset(cfg["gloss_after"]["openers"])
        self.needs_evidence = frozenset(cfg["needs_evidence"])
        tags = cfg["newspaper_tags"]
        self.tag_head, self.tag_prefixes, self.tag_suffixes = tags["head"], tuple(tags["prefixes"]), dict(tags["suffixes"])
        self.tag_headless = frozenset(tags.get("headless", ()))  # "YBĐT" is "Yên Bái điện tử", no "Báo"
        self.provinces: dict[str, list[str]] = {}  # initials -> province names ("QN" -> Quảng Nam, Quảng Ninh, Quảng Ngãi)
        for row in read_tsv("places_legacy.tsv", _Province):
            if row.kind == "province" and "-" not in row.name and row.name not in tags["variants"]:
                initials = "".join(_initial(w) for w in row.name.split())
                self.provinces.setdefault(initials, []).append(row.name)
        # "Cục trưởng", "Ban Giám đốc": a head followed by these words is a post, not a body (no phrase opens there)
        self.post_after = regex.compile(r" (?:" + "|".join(regex.escape(w) for w in cfg["post_after_head"]) + r")(?![\p{L}])")
        self.posts = frozenset(cfg["post_heads"])
        self.head_initials = {h.casefold(): frozenset(v) for h, v in cfg["head_initials"].items()}
        self.head_keys = sorted(self.head_initials, key=len, reverse=True)
        self.owner_heads = frozenset(cfg["owner_heads"])
        self.descriptor_words = frozenset(cfg["descriptor_heads"])
        connectives = "|".join(regex.escape(w) for w in cfg["connectives"])
        self.connective_before = regex.compile(r"(?<![\p{L}])(?:" + connectives + r") ")
        self.connective_any = regex.compile(r"(?<![\p{L}])(?:" + connectives + r"|và)(?![\p{L}])")
        self.topic_connectives = frozenset(cfg["topic_connectives"])
        self.chain_stops = frozenset(cfg["chain_stops"])
        self.ignored = frozenset(row.token for row in read_tsv("not_abbreviations.tsv", _NotAbbreviation))
        self.post_chains = post_chains()
        self._renderings_patterns()
        self._definition_patterns(cfg)

    def _renderings_patterns(self) -> None:
        """``abbr.written_out``: per form, one pattern of its names (data/vi/abbreviation_renderings.tsv and the
        table's own), longest first, case-insensitive."""
        names: dict[str, list[str]] = {}
        for row in read_tsv("abbreviation_renderings.tsv", _Rendering):
            entry = self.lookup(row.short)
            if entry is None:
                raise ValueError(f"abbreviation_renderings.tsv: {row.short} is not in abbreviations.tsv")
            names.setdefault(entry.short, [entry.expansion]).append(row.rendering)
        self.renderings: dict[str, tuple[regex.Pattern[str], dict[str, str]]] = {
            short: (
                regex.compile(r"(?<![\p{L}\p{N}])(?:" + literal_alternation(ns) + r")(?![\p{L}\p{N}])", regex.IGNORECASE),
                {n.casefold(): n for n in ns},
            )
            for short, ns in names.items()
        }

    def _written_out(self, text: str, entry: AbbreviationEntry) -> Optional[tuple[str, str]]:
        """``(name, rule)``: the name of ``entry`` the article writes out somewhere, as printed, when it is not the
        table's: the first of its listed renderings in the text (``abbr.written_out``; a name listed with a capital only
        printed with one), else the table's name written a little otherwise (``abbr.written_loose``)."""
        found = self.renderings.get(entry.short)
        if found is not None:
            pattern, listed = found
            for m in pattern.finditer(text):
                name = listed.get(m.group().casefold())
                if name is None or (name[0].isupper() and not m.group()[0].isupper()):
                    continue
                return None if name == entry.expansion else (m.group(), "abbr.written_out")
        loose = self._written_loosely(text, entry)
        return (loose, "abbr.written_loose") if loose else None

    def _written_loosely(self, text: str, entry: AbbreviationEntry) -> Optional[str]:
        """``abbr.written_loose``: the table's name of a proper body as the article writes it a little otherwise, as
        printed, the first in the text, so that the record carries the article's own rendering: "của" between two of
        its words ("Công ước của Liên Hợp Quốc về Luật Biển"), its owner dropped ("Cục Tình báo Trung ương" for "… Mỹ")
        or one added ("Bộ Chỉ huy Thái Bình Dương Mỹ" for "… Thái Bình Dương"). Only a name, not a description: a
        capital past its first word, or on the first alone mid-sentence in a name of ``written_loose_min_words`` words
        or more ("các đơn vị bảo vệ nhân dân", "Cơ quan an ninh đã …", "Lực lượng phòng vệ" are none). None when the
        article also writes the table's name as it is, or writes no such rendering."""
        pattern = self._loose_pattern(entry.expansion)
        if pattern is None:
            return None
        table = entry.expansion.casefold()
        found: Optional[str] = None
        for m in pattern.finditer(text):
            written = m.group()
            if " ".join(written.split()).casefold() == table:
                return None  # the table's own name is written too ("Lực lượng phòng vệ Nhật Bản (JSDF)"): the table's
            first, *rest = m.group(1).split()
            named = any(w[:1].isupper() for w in rest) or (
                1 + len(rest) >= self.loose_min_words and first[:1].isupper() and _MID_SENTENCE.search(text, 0, m.start()) is not None
            )
            if found is None and named:  # no capital past the first word: a description ("Cơ quan an ninh đã …")
                found = written
        return found

    def _loose_pattern(self, expansion: str) -> Optional[regex.Pattern[str]]:
        """The pattern of ``abbr.written_loose`` for one table name, built once; None for a name in lower case or of
        fewer than three words besides its owner."""
        if expansion in self.loose:
            return self.loose[expansion]
        pattern = None
        words = expansion.split()
        for k in (2, 1):  # "Trung Quốc", then "Mỹ": the owner at the end, if any
            if len(words) > k and " ".join(words[-k:]) in self.owner_names:
                words = words[:-k]
                break
        if expansion[:1].isupper() and len(words) >= 3 and "của" not in words:
            body = r"\s+(?:của\s+)?".join(regex.escape(w) for w in words)
            pattern = regex.compile(
                r"(?<![\p{L}\p{N}])(" + body + r")(?:\s+(?:" + self.owner_alternatives + r"))?(?![\p{L}\p{N}])(?!(?-i:\s+\p{Lu}))",  # not the start of a longer name
                regex.IGNORECASE,
            )
        self.loose[expansion] = pattern
        return pattern

    def _definition_patterns(self, cfg: dict) -> None:
        """The patterns built from the cue, plural and deictic words of abbreviation_definitions.yaml."""
        called = "|".join(regex.escape(w) for w in cfg["short_form_cues"])  # "gọi|viết" (tắt)
        self.paired = regex.compile(
            r"(\p{Lu}[^()\n]{2,100}?)\s*(?:[-–,:]|,?\s(?:" + "|".join(regex.escape(w) + " tắt" for w in cfg["short_form_cues"]) + r")(?: là)?)\s*([A-ZĐ][A-ZĐ0-9&+/]{1,12})"
        )
        # "“mối đe dọa liên tục nâng cao” hoặc APT", "“Nhà nước Hồi giáo”, gọi tắt là IS": the short form after "hoặc"
        self.or_after_quote = re.compile(r"\s*,?\s*(?:" + "|".join(re.escape(w) for w in cfg["definition_cues"]) + ")")  # a cheap test first
        self.quoted_or = regex.compile(
            r"[“\"]([^“”\"\n()]{3,120}?)[”\"]\s*,?\s*(?:" + "|".join(regex.escape(w) for w in cfg["quoted_or_cues"]) + r")\s+([A-ZĐ][A-ZĐ0-9&+/-]{1,12}+)(?![\p{L}\p{N}])"
        )
        # "Ban Chỉ đạo phòng, chống thiên tai, gọi tắt là BCĐ": the short form named after the words, no brackets
        self.called_after = regex.compile(r"\s*,?\s*(?:hay |còn |được )?(?:" + called + r") tắt(?: là|:)\s+([A-ZĐ][A-ZĐ0-9&+/-]{1,12}+)(?![\p{L}\p{N}])")
        # "TT là viết tắt của Tula - Tokarev": the short form before the cue, its expansion after it to the clause's end
        self.stands_for = regex.compile(
            r"(?<![\p{L}\p{N}])([A-ZĐ][A-ZĐ0-9&+/-]{1,12}+)\s*(?:,\s*|\(\s*|\s)(?:" + literal_alternation(cfg["stands_for_cues"])
            + r")\s+(?:(?:" + literal_alternation(cfg["stands_for_openers"]) + r")\s+)?[“\"]?([^,;.()“”\"\n]{3,120}?)[”\"]?\s*(?=[,;.)\n]|$)"
        )
        self.plural_words = tuple(cfg["plural_words"])
        # (one word each, and none the start of another: their order changes no match)
        plural = literal_alternation(cfg["plural_words"])
        self.plural = regex.compile(r"^(?:" + plural + r")\s")  # on casefolded text
        plural_cap = literal_alternation(w[0].upper() + w[1:] for w in cfg["plural_words"])
        self.plural_cap_before = regex.compile(r"(?<=[\p{L}\p{N},] )(?:" + plural_cap + r")\s$")  # mid-sentence, not a sentence's first word
        self.deictic_end = regex.compile(r"(?<![\p{L}])(?:" + "|".join(regex.escape(w) for w in cfg["deictic_words"]) + ")$")  # "hệ thống trên"
        self.plural_lower = regex.compile(r"^(?:" + plural + r")\s++(?=\p{L})")

    def lookup(self, written: str) -> Optional[AbbreviationEntry]:
        return self.keys.get(canonical(written))

    def __call__(self, doc: Document) -> None:
        text = doc.text
        defined = self.definitions(text)
        title = doc.title_map.text if doc.title_map is not None else ""
        # the text, then the input's separate headline (its records point into the title string and
        # read the article's own definitions first)
        fields: list[tuple[Optional[str], str, int, dict[str, tuple[str, str]]]] = [
            (None, text, doc.body[1] if doc.body[1] > 0 else len(text), defined)
        ]
        if title.strip():
            fields.append(("title", title, len(title), {**self.definitions(title), **defined}))
        spans: list[tuple[int, int, Optional[str]]] = []
        unknown: list[str] = []
        byline = frozenset(doc.authors)  # "PV" alone after the body: the byline's author, as the readers take it
        for field, source, body_end, known in fields:
            for start, end, expansion, rule, category in self._found(source, body_end, known):
                if rule == "abbr.skip":
                    if field is None:
                        doc.near_miss(self.name, "abbr.skip", start, end, "capitals read as no abbreviation: a model code, a name or headline in capitals, a photo credit or a web address (data/vi/not_abbreviations.tsv)")
                    continue
                written = source[start:end]
                if field is None and start >= body_end and written in byline:
                    # web3b and web11c gold: "PV" as a page's closing byline is its author, not recorded (2 of 2;
                    # "PV" inside the text is recorded, 3 of 3: tools/abbreviations_conventions.py)
                    doc.near_miss(self.name, "abbr.byline_author", start, end, "the byline's author after the body (\"PV\"), no abbreviation")
                    continue
                if field is None and expansion is not None and rule.startswith("abbr.defined") and _QUOTE_MARK.search(expansion):
                    expansion = _as_printed(doc, expansion)  # "Hay’at Tahrir al-Sham": the input's quote marks
                if rule == "abbr.unknown" and written not in unknown:
                    unknown.append(written)
                doc.abbreviations.append(
                    Abbreviation(short=written, expansion=expansion, category=category, rule=rule, field=field,
                                 start=start, end=end, text=written)
                )
                if field is None:
                    doc.explain(self.name, rule, start, end)
                    spans.append((start, end, expansion))
                else:
                    doc.trace.append((self.name, f"{rule} ({field})", written))
        for token in unknown:
            doc.warnings.append(f"unknown abbreviation '{token}' (not defined in the article nor in the table)")
        doc.expanded_text = expand(text, spans)

    def _found(
        self, text: str, body_end: int, defined: dict[str, tuple[str, str]]
    ) -> list[_Found]:
        """``(start, end, expansion, rule, category)`` of every short form of ``text``, chains joined;
        rule ``abbr.skip`` for capitals that are no abbreviation."""
        atoms = self._atoms(text, body_end, defined)
        self._glosses(text, atoms, defined)
        out: list[_Found] = []
        written_out: dict[str, Optional[tuple[str, str]]] = {}  # abbr.written_out / written_loose, looked up once per form
        i = 0
        while i < len(atoms):
            j = i  # extend a chain "ANCT-TTATXH", "QĐ-UBND", "CT/TU", "GD&ĐT"
            while (
                j + 1 < len(atoms)
                and "abbr.skip" not in (atoms[j].rule, atoms[j + 1].rule)
                and (
                    (_JOINER.fullmatch(text, atoms[j].end, atoms[j + 1].start) and not _byline_slash(text, atoms[j], atoms[j + 1]))
                    or (
                        atoms[j + 1].start - atoms[j].end == 3
                        and _SPACED.fullmatch(text, atoms[j].end, atoms[j + 1].start)
                        and defined.get(canonical(text[atoms[i].start : atoms[j + 1].end]), ("", ""))[1] == "abbr.defined"
                    )
                )
            ):  # a spaced pair only when the article spells it by initials: "… và tìm kiếm cứu nạn (PCTT / TKCN)"
                j += 1
            chain = atoms[i : j + 1]
            start, end = chain[0].start, chain[-1].end
            i = j + 1
            if len(chain) == 1 and chain[0].rule == "abbr.skip":
                out.append((start, end, None, "abbr.skip", None))
                continue
            written = text[start:end]
            category: Optional[str] = chain[0].category
            if canonical(written) in defined:
                expansion, rule = defined[canonical(written)]
            elif len(chain) == 1:
                expansion, rule = chain[0].expansion, chain[0].rule
                if rule == "abbr.table" and (entry := self.lookup(written)) is not None:
                    if entry.short not in written_out:
                        written_out[entry.short] = self._written_out(text, entry)
                    if written_out[entry.short]:  # "Quân Giải phóng Nhân dân Trung Quốc" written in the article: its PLA
                        expansion, rule = written_out[entry.short]
            else:
                parts = [defined.get(canonical(text[a.start : a.end]), (a.expansion, a.rule))[0] for a in chain]
                if any(p is None for p in parts):
                    expansion, rule = None, "abbr.unknown"
                else:
                    expansion, rule = str(parts[0]), "abbr.compound"
                    for a, b, part in zip(chain, chain[1:], parts[1:]):
                        joiner = text[a.end : b.start].strip()
                        expansion += {"-": " - ", "/": " / ", "&": " và "}[joiner] + str(part)
            out.append((start, end, expansion, rule, category))
        return _misspelt(text, out, self.misspelt_min)

    def _atoms(self, text: str, body_end: int, defined: dict[str, tuple[str, str]]) -> list[_Atom]:
        """Every candidate short form, left to right, overlaps resolved longest first."""
        found: list[tuple[int, int, int, _Atom]] = []
        for key, (expansion, rule) in defined.items():
            # "(CVW-7)" spelled by its words: defined by the article, so no model code (a form with a digit
            # after a mere name phrase is a hull or model number: "tàu … Echigo (PLH08)"); a defined form
            # with lower-case letters ("(Centcom)", "(FONOPs)", "(DoD)") or a space ("(US CENTCOM)") is no
            # token in capitals either
            digit = any(c.isdigit() for c in key)
            if (rule != "abbr.defined_phrase" and digit) or any(c.islower() for c in key) or (" " in key and not digit):
                for d in _written(key).finditer(text):
                    found.append((d.start(), -(d.end() - d.start()), -2, _Atom(d.start(), d.end(), rule, expansion, None)))
        for m in self.context_pattern.finditer(text, overlapped=True):
            start = m.start()
            for short, rule, after, before in self.context_by_char[text[start]]:
                end = start + len(short)
                if (
                    text.startswith(short, start)
                    and (not short[-1].isalnum() or not _LETTER.match(text, end))
                    and (after is None or after.match(text, end))
                    and (before is None or before.search(text, max(0, start - 40), start))
                ):
                    name = rule.name if rule.expansion is not None else "abbr.skip"
                    expansion = rule.expansion
                    if rule.number_joined and expansion is not None and (digits := _DIGITS.match(text, end)):
                        # "QK9", "SĐ330": the unit's name, written whole as the dev readers keep "HQ83", "PP18", "VOV4"
                        end, expansion = digits.end(), f"{expansion[:1].upper()}{expansion[1:]} {digits.group()}"
                    atom = _Atom(start, end, name, expansion, rule.category)
                    found.append((start, -(end - start), 0, atom))
        folded: list[str] = []  # the casefolded text, made on first need (needs_evidence)
        for m in self.lexicon.pattern.finditer(text):
            if _LEFT_TOUCH.match(text, m.start() - 1, m.start()):
                continue
            entry = self.lookup(m.group())
            assert entry is not None
            start, end = m.start(), m.end()
            if entry.record_as:
                start = text.find(entry.record_as, start, end)
                end = start + len(entry.record_as)
                entry = self.lexicon.entries[entry.record_as]
            rule = "abbr.table"
            if entry.short in self.needs_evidence and canonical(m.group()) not in defined and not self._evidenced(text, start, end, entry, folded):
                rule = "abbr.skip"  # "chiến dịch PR", "video HD": a short shorthand the article gives no ground for
            elif entry.category not in ("road", "document") and (
                _TABLE_CODE_AFTER.match(text, end)
                or (start > 6 and text[start - 2].isdigit() and _SERIAL_BEFORE.search(text, max(0, start - 12), start))
            ):
                rule = "abbr.skip"  # "TB-2", "AS-15", "AN / APG-83", "AN - M30", "BP - 020912": a code
            found.append((start, -(end - start), 1, _Atom(start, end, rule, entry.expansion, entry.category)))
        # photo credits and names or headlines in capitals: their words are not abbreviations
        covered = sorted([(c.start(), c.end()) for c in self.credit.finditer(text)] + capitals_runs(text))
        starts = [a for a, _ in covered]
        reach = list(itertools.accumulate((b for _, b in covered), max))
        for m in _CAPS.finditer(text):
            token = m.group()
            if sum(c.isalpha() for c in token) < 2:
                continue
            k = bisect.bisect_right(starts, m.start()) - 1
            inside = k >= 0 and reach[k] > m.start()
            rule = "abbr.unknown" if m.start() < body_end and not inside and self._looks_unknown(text, m) else "abbr.skip"
            found.append((m.start(), -(m.end() - m.start()), 2, _Atom(m.start(), m.end(), rule, None, None)))
        for c in _POST_CHAIN.finditer(text) if "." in text else ():
            if _CHAIN_AFTER.match(text, c.end()) or self.lookup(c.group()) is not None:
                continue  # "TP.HCM" is the table's own form; a web address or a code goes on
            expansion = self.post_chains.expansion(c.group())
            if expansion is not None:
                found.append((c.start(), -(c.end() - c.start()), -2, _Atom(c.start(), c.end(), "abbr.post_chain", expansion, "government")))
        for d in _DOMAIN.finditer(text) if _TLD.search(text) else ():
            found.append((d.start(), -(d.end() - d.start()), -1, _Atom(d.start(), d.end(), "abbr.skip", None, None)))
        found.sort(key=lambda f: (f[0], f[2] == 2, f[1], f[2]))  # a known form beats a longer token ("QL18")
        atoms: list[_Atom] = []
        for _, _, _, atom in found:
            if atoms and atom.start < atoms[-1].end:
                continue
            atoms.append(atom)
        return atoms

    def _evidenced(self, text: str, start: int, end: int, entry: AbbreviationEntry, folded: list[str]) -> bool:
        """``abbr.table`` for a two-letter shorthand of data/vi/abbreviation_definitions.yaml needs_evidence: only
        joined to another form ("KH-UBND", "5550 / KH - BTL", "NN&PTNT"), before a number ("KH số 12", "CT 16")
        or in an article that writes its expansion out somewhere ("sinh viên … các SV")."""
        if _JOINED_AFTER.match(text, end) or _JOINED_BEFORE.search(text, max(0, start - 4), start) or _NUMBER_AFTER.match(text, end):
            return True
        if not folded:
            folded.append(text.casefold())  # once per text, on first need
        return entry.expansion.casefold() in folded[0]

    def _looks_unknown(self, text: str, m: re.Match[str]) -> bool:
        """Whether a token in capitals is an abbreviation (see the module docstring)."""
        token = m.group()
        if _ROMAN.fullmatch(token) or token in self.ignored or token.rstrip("+") in self.ignored:
            return False
        if any(c.isdigit() for c in token):
            return False  # a model code or flight number: "M1A2", "MH370", "DK1"
        if len(token) >= 7 and sum(c in "AEIOUY" for c in token) * 2 >= len(token):
            return False  # a word in capitals, not letters: "TOOWOOMBA" (but "RIMPAC", "GLONASS" stay)
        if _CODE_AFTER.match(text, m.end()) or _code_before(text, m.start()):
            return False
        if _INITIAL_BEFORE.search(text, max(0, m.start() - 4), m.start()):
            return False
        following = _NAME_AFTER.match(text, m.end())
        if following and _letters(token) == "".join(_initial(w) for w in following.group().split()[: len(token)]):
            return False  # a writer's initials before the name: "NT Nguyễn Thuận", "TTB Trịnh Thái Bằng"
        return True

    def definitions(self, text: str) -> dict[str, tuple[str, str]]:
        """Short forms the article defines: canonical short → (expansion, rule)."""
        out: dict[str, tuple[str, str]] = {}
        for m in self.quoted_or.finditer(text) if self._quoted_or_cue(text) else ():  # "“mối đe dọa liên tục nâng cao” hoặc APT"
            phrase, short = m.group(1).strip(), m.group(2)
            if len(phrase.split()) <= self.max_words and not self._table_within(short, phrase, phrase):
                out.setdefault(canonical(short), (phrase, "abbr.defined_quoted"))
        for m in self.called_after.finditer(text) if "tắt" in text else ():  # "Ban Chỉ đạo …, gọi tắt là BCĐ"
            self._define_before(text[max(0, m.start() - 150) : m.start()], m.group(1), out)
        for m in self.stands_for.finditer(text) if "viết tắt" in text else ():  # "TT là viết tắt của Tula - Tokarev"
            if len(m.group(2).split()) <= self.max_words:
                out.setdefault(canonical(m.group(1)), (m.group(2).strip(), "abbr.defined_stands_for"))
        kept: set[str] = set()  # abbr.defined_table: forms the article first glosses with the table's own name
        for m in _PAREN.finditer(text):
            inner = m.group(1).strip()
            called = _CALLED.match(inner)  # "Lực lượng Phòng vệ Nhật Bản (gọi tắt là JSDF)"
            if called:
                inner = inner[called.end() :]
            inner = _listed_first(inner)
            if (_FORM.fullmatch(inner) or _OWNED_FORM.fullmatch(inner)) and (sum(c.isupper() for c in inner) >= 2 or self.lookup(inner.upper())) and not _ROMAN.fullmatch(inner):
                before = text[max(0, m.start() - 150) : m.start()]
                if inner.isupper() or not inner.isalpha():  # "Ban Chỉ huy Quân sự (CHQS)"
                    if not _MODEL_NAME.fullmatch(inner):
                        self._define_before(before, inner, out, _QUOTE_CLOSES.match(text, m.end()) is not None)
                        if canonical(inner) not in out and (rendering := self._rendering_before(before, inner)):
                            out[canonical(inner)] = (rendering, "abbr.defined_rendering")
                        if canonical(inner) not in out and self._table_named_before(before, inner):
                            kept.add(canonical(inner))
                else:  # "(Centcom)", "(FONOPs)": lower-case letters ask for evidence
                    self._define_mixed(before, inner, out)
                continue
            paired = self.paired.fullmatch(inner)
            words = [w.group() for w in _WORD.finditer(paired.group(1))] if paired else []
            if paired and self._match_initials(words, _letters(paired.group(2))):
                # "(Operation Inherent Resolve - OIR)", "(Terminal High Altitude Area Defense, THAAD)"
                out.setdefault(canonical(paired.group(2)), (paired.group(1), "abbr.defined"))
                continue
            if paired and (named := self._paired_name(paired.group(1), paired.group(2))):
                out.setdefault(canonical(paired.group(2)), (named, "abbr.defined_pair"))
                continue
            prev = _FORM_BEFORE.search(text, max(0, m.start() - 30), m.start())
            if prev and not any(c.isdigit() for c in prev.group(1)):  # "BCHQS (Ban Chỉ huy quân sự)", not "T50 (Quân khu 5)"
                words = list(_WORD.finditer(inner))
                short = prev.group(1)
                if words and self._match_initials([w.group() for w in words], _letters(short)):
                    out.setdefault(canonical(short), (inner, "abbr.defined"))
                elif self._names_body(inner) and not self._table_within(short, inner, inner):
                    # "JSDF (Lực lượng Phòng vệ Nhật Bản)": a body's name in another language's order
                    out.setdefault(canonical(short), (inner, "abbr.defined_phrase"))
                elif self._common_gloss(inner, short):  # "SIGINT (tình báo tín hiệu)"
                    out.setdefault(canonical(short), (inner, "abbr.defined_common"))
        for key in kept & out.keys():  # a later gloss in other words does not take over the first one's mentions
            out[key] = (self.keys[key].expansion, "abbr.defined_table")
        tag = self._newspaper_tag(text)
        if tag is not None:
            out.setdefault(canonical(tag[0]), (tag[1], "abbr.newspaper_tag"))
        return out

    def _paired_name(self, words: str, short: str) -> Optional[str]:
        """``abbr.defined_pair``: the name phrase before a dash in brackets whose words do not spell an unknown form
        ("(Chủ tịch Hội tư vấn Khoa học công nghệ & quản lý TP HCM - HASCON)": the Hội, by the head-word rule of
        ``abbr.defined_phrase``); never a form the table knows ("( đơn vị Bảo vệ nhân dân - YPG)" keeps its rules) nor a
        phrase in lower case with no head ("(ở Lộc Ninh, Bình Phước - PV)", "(anh họ của … - PV)": an aside and its writer)."""
        if self.lookup(short) is not None:
            return None
        found: dict[str, tuple[str, str]] = {}
        self._define_before(words + " ", short, found)
        phrase, rule = found.get(canonical(short), ("", ""))
        return phrase if rule == "abbr.defined_phrase" else None

    def _newspaper_tag(self, text: str) -> Optional[tuple[str, str]]:
        """``abbr.newspaper_tag``: a tag the table does not know that opens the lead, "(CMO) -" (on a web page
        "STO - " at a line's start), read as a provincial paper's: "Báo" (optional "B"), the province's initials, "O"
        (Online) or "ĐT" (điện tử) ("CMO" is "Báo Cà Mau Online"; a ``headless`` suffix names the paper without "Báo":
        "LCĐT" is "Lào Cai điện tử"); initials several provinces share ("BDO": Bình Dương, Bình Định) go to the one
        the article names most, none named: no expansion (the annotation guide: the paper if known, else null)."""
        for m in _LEAD_TAG.finditer(text, 0, _LEAD_REACH):
            if m.group(1) is not None:  # the first tag in brackets decides, as before the web form came in
                return None if self.lookup(m.group(1)) is not None else self._paper(text, m.group(1))
            if self.lookup(m.group(2)) is None and (paper := self._paper(text, m.group(2))) is not None:
                return paper
        return None

    def _paper(self, text: str, tag: str) -> Optional[tuple[str, str]]:
        """The provincial paper ``tag`` names (``_newspaper_tag``), or None."""
        for prefix in ("", *self.tag_prefixes):
            if not tag.startswith(prefix):
                continue
            for suffix, word in self.tag_suffixes.items():
                if not tag.endswith(suffix) or len(tag) - len(prefix) - len(suffix) < 2:
                    continue
                names = self.provinces.get(tag[len(prefix) : len(tag) - len(suffix)], [])
                counts = sorted(((text.count(n), n) for n in names), reverse=True)
                if counts and counts[0][0] > 0 and (len(counts) == 1 or counts[0][0] > counts[1][0]):
                    head = "" if suffix in self.tag_headless else self.tag_head
                    return tag, " ".join(w for w in (head, counts[0][1], word) if w)
        return None

    def _common_gloss(self, inner: str, short: str) -> bool:
        """``abbr.defined_common``: brackets after a form that hold its gloss in lower case, with no head
        word ("CBP (cơ quan hải quan và bảo vệ biên giới)", "VBIED (xe đánh bom tự sát)"): two words or
        more, no digit, not opened by a word of ``gloss_after.openers`` ("(của Mỹ)", "(màu đen)", "(nay là
        …)"); a form the table knows takes it only when it shares a word with the table's name ("USD (hàng
        hoá)" stays "đô la Mỹ"), an unknown one only with no punctuation inside."""
        words = inner.split()
        if not (inner[0].islower() and 2 <= len(words) <= self.max_words) or any(c.isdigit() for c in inner):
            return False
        pair = " ".join(words[:2]).casefold()
        if (words[0].casefold() in self.gloss_openers and pair not in self.lower_heads) or pair in self.gloss_openers:
            return False  # "(tên viết tắt …)" says no name, "(tên lửa hành trình tầm xa)" is one: a head's first word
        entry = self.lookup(short)
        if entry is None:
            return all(w.isalpha() for w in words)
        return bool({w.casefold() for w in _WORD.findall(inner)} & {w.casefold() for w in _WORD.findall(entry.expansion)})

    def _glosses(self, text: str, atoms: list[_Atom], defined: dict[str, tuple[str, str]]) -> None:
        """Add to ``defined`` the forms a gloss names (``abbr.defined_gloss``); a form with a digit read
        as a model code ("MI6") is then a record too."""
        found = False
        for a in atoms:
            k = a.start - 1
            if k < 3 or text[k] != " " or a.rule.startswith("abbr.defined") or not _GLOSS_FORM.fullmatch(text, a.start, a.end):
                continue
            last = text[text.rfind(" ", max(0, k - 20), k) + 1 : k]
            for owner in self.gloss_owners.get(last, ()):
                start = k - len(owner)
                if text.startswith(owner, start) and (start == 0 or not text[start - 1].isalnum()):
                    found = self._define_gloss(text, start, k, text[a.start : a.end], defined) or found
                    break
            if a.rule == "abbr.table" and a.category != "media" and canonical(text[a.start : a.end]) not in defined:
                self._define_apposition(text, k, text[a.start : a.end], defined)
        if found:
            for a in atoms:
                if a.rule == "abbr.skip" and _ANY_DIGIT.search(text, a.start, a.end) and defined.get(canonical(text[a.start : a.end]), ("", ""))[1] == "abbr.defined_gloss":
                    a.rule = "abbr.defined_gloss"

    def _define_apposition(self, text: str, end: int, short: str, out: dict[str, tuple[str, str]]) -> None:
        """``abbr.defined_apposition``: a body's name with a capitalized head right before a form the table knows, with
        no brackets and no country after it ("Tập đoàn công nghiệp máy bay AVIC": the article's own words, dev9 gold),
        when the head is the table name's own head and one word more of the table's name is said ("Tập đoàn …
        công nghiệp"): the same body named in other words. A lower-case descriptor is no name ("lực lượng dân quân
        người Kurd YPG", "hãng thông tấn Syria SANA": dev readers wrote the table's name in 42 of 44 such
        appositions, corpus/audit/abbreviations_gloss_session16.tsv), nor an owner's body ("Hội đồng Bảo an LHQ")."""
        entry = self.lookup(short)
        if entry is None:
            return
        window = text[max(0, end - _GLOSS_REACH) : end]
        clause = _CLAUSE_END.search(window)
        for head in self.apposition_heads.finditer(window, clause.end() if clause else 0):
            phrase = window[head.start() :].strip()
            words = phrase.split()
            rest = words[len(head.group().split()) :]
            if not 1 <= len(rest) <= self.gloss_words:
                continue
            if any(w.casefold() in self.gloss_stops or w.isupper() or not w.isalpha() for w in rest):
                continue
            named = {w.casefold() for w in entry.expansion.split()}
            if not entry.expansion.casefold().startswith(head.group().casefold() + " ") or not named & {w.casefold() for w in rest}:
                return  # the table's body has another head, or the gloss says none of its other words
            if phrase.casefold() != entry.expansion.casefold():
                out[canonical(short)] = (phrase, "abbr.defined_apposition")
            return

    def _define_gloss(self, text: str, start: int, end: int, short: str, out: dict[str, tuple[str, str]]) -> bool:
        """``abbr.defined_gloss``: a name right before a form with no brackets, ending with the country
        or people it belongs to (``text[start:end]``: "cục Tình báo Anh MI6", "tình báo quân đội Nga GRU"),
        so that the form cannot be its owner ("Ủy ban Quân sự NATO" is NATO's committee): no stop word, no
        word in capitals; a form the table knows only when the gloss says two words of its name, a news outlet
        only when the gloss opens with one of ``media_heads`` (empty in the data: outlets keep their own names)."""
        if canonical(short) in out or sum(c.isalpha() for c in short) < 2:
            return False
        window = text[max(0, start - _GLOSS_REACH) : end]
        phrase = next(
            (window[h.start() :] for h in self.gloss_heads.finditer(window) if len(window[h.start() :].split()) <= self.gloss_words),
            "",
        )
        words = phrase.split()
        if len(words) < 2 or any(w.casefold() in self.gloss_stops or w.isupper() or not w.isalpha() for w in words[1:]):
            return False
        entry = self.lookup(short)
        if entry is not None:  # a known form: the gloss must say its name (two words of it besides the owner)
            said = {w.casefold() for w in phrase[: len(phrase) - (end - start)].split()}
            if entry.category == "media":
                if not any(phrase.casefold().startswith(h + " ") for h in self.media_heads):
                    return False  # "đài Nga RT" is no gloss; "hãng thông tấn Syria SANA" is
            elif len(said & set(entry.expansion.casefold().split())) < 2:
                return False
        out[canonical(short)] = (phrase, "abbr.defined_gloss")
        return True

    def _define_before(self, before: str, short: str, out: dict[str, tuple[str, str]], closed: bool = False) -> None:
        """Record ``short`` as defined by the words that end ``before``: their initials, a name in
        quotes, a name phrase from a head word, or (``closed``: a quote closes right after the brackets)
        a capitalized name the quote opens."""
        last = _CLAUSE_END.search(before)
        words = list(_WORD.finditer(before, last.end() if last else 0))
        phrase = self._initials_window(before, words, short)
        quoted = _QUOTED_BEFORE.search(before) if before.rstrip()[-1:] in "”\"" else None
        if phrase:
            out.setdefault(canonical(short), (phrase, "abbr.defined"))
        elif quoted and len(quoted.group(1).split()) <= self.max_words:
            # "“Giá treo tên lửa trên không” (FMR)": the name in quotes
            if not self._table_within(short, quoted.group(1).strip(), quoted.group(1)):
                out.setdefault(canonical(short), (quoted.group(1).strip(), "abbr.defined_quoted"))
        elif (phrase := self._undescribed(_unnumbered(self._head_phrase(before, short) or "", short))) and _names_something(phrase, short):
            qualified = self._qualified(short, phrase)
            if qualified or not self._table_within(short, phrase, before):
                rule = "abbr.defined_year" if _year_spelled(phrase, short) else "abbr.defined_phrase"
                out.setdefault(canonical(short), (qualified or phrase, rule))
        elif closed and (opened := _QUOTE_OPENED.search(before)) and 2 <= len(opened.group(1).split()) <= self.max_words:
            # "nhiệm vụ “Hiện diện oanh tạc cơ liên tục (CBP)”": a name in quotes that the brackets end inside
            if not self._table_within(short, opened.group(1), opened.group(1)):
                out.setdefault(canonical(short), (opened.group(1).strip(), "abbr.defined_quoted"))
        elif (common := self._common_before(before, short)) is not None:
            out.setdefault(canonical(short), (common, "abbr.defined_common_before"))

    def _undescribed(self, phrase: str) -> str:
        """``phrase`` without a body's standing at its end after a capitalized name ("đảng Cứu nguy Dân tộc đối lập":
        "đảng Cứu nguy Dân tộc"; name_descriptors): the name's words are capitalized after its first."""
        tail = self.described_tail.search(phrase)
        if tail is None or not any(w[:1].isupper() for w in phrase[: tail.start()].split()[1:]):
            return phrase
        return phrase[: tail.start()]

    def _table_named_before(self, before: str, short: str) -> bool:
        """Whether the words right before a known form's brackets are the table's name for it ("xe thiết giáp chở
        quân (APC)"): the article's first gloss, which ``abbr.defined_table`` keeps for every mention when a later
        one says it in other words ("… xe bọc thép chở quân (APC)")."""
        entry = self.lookup(short)
        if entry is None:
            return False
        table = entry.expansion.casefold()
        folded = before.rstrip().casefold()
        start = len(folded) - len(table)
        return folded.endswith(table) and (start == 0 or not _LEFT_TOUCH.match(folded, start - 1))

    def _rendering_before(self, before: str, short: str) -> Optional[str]:
        """``abbr.defined_rendering``: the article's own rendering of a form the table knows, right before its
        brackets, that no other rule reads (no head word, or a stop word inside it): from the first word, among the
        clause's last words, that is the table name's first word, when it says half of the table name's words or more and
        adds no more words than it says, and is not the table's name shortened ("khả năng cất cánh trên đường băng ngắn và hạ cánh thẳng đứng (STOVL)",
        "năng lực tình báo, trinh sát và giám sát (ISR)", "khu giới tuyến phi quân sự (DMZ)"); never for a news
        outlet (its own name, the guide's rule 3) nor when the table's name is printed there ("lực lượng vũ trang
        thành phố (LLVT)" keeps the table); an adverb of time at its end (rendering_tail_words: "hiện nay") and a
        description inside it ("đảng cầm quyền Nhân dân Campuchia") are no words of the name."""
        entry = self.lookup(short)
        if entry is None or entry.category == "media":
            return None
        name = [w.casefold() for w in _WORD.findall(entry.expansion)]
        said = {w for w in name if w not in self.skip_words}
        if len(said) < 2 or entry.expansion.casefold() in before.casefold():
            return None
        window = before[clause.end() if (clause := _CLAUSE_ANY_END.search(before)) else 0 :]
        words = list(_WORD.finditer(window))[-(len(name) + 5) :]
        for i, w in enumerate(words):
            if w.group().casefold() != name[0]:
                continue
            phrase = [x.group().casefold() for x in words[i:]]
            content = [x for x in phrase if x not in self.skip_words]
            found = said & set(content)
            extra = len(content) - len([x for x in content if x in said])
            if 2 * len(found) < len(said) or extra > len(found) or (extra == 0 and len(found) < len(said)):
                continue  # too little of the name, too much else, or the table's name shortened ("vốn đầu tư nước ngoài (FDI)")
            phrase_text = self.rendering_tail.sub("", window[w.start() :].strip())
            described = self.described.match(phrase_text)  # "đảng cầm quyền Nhân dân Campuchia": "đảng Nhân dân Campuchia"
            rendering = phrase_text[: described.start(1)] + phrase_text[described.end(1) :] if described else phrase_text
            return None if rendering.casefold() == entry.expansion.casefold() else rendering
        return self._rendering_reworded(window, words, name, said)

    def _rendering_reworded(self, window: str, words: list[regex.Match[str]], name: list[str], said: set[str]) -> Optional[str]:
        """``abbr.defined_rendering`` opened by another word than the table name's first, the earliest that fits: a
        capitalized word of the name mid-sentence (the article's own name, shortened too: "Khu an ninh chung (JSA)",
        "Cấp cao Đông Á (EAS)", "Chống đối thủ của Mỹ thông qua các lệnh trừng phạt (CAATSA)"), a head of
        rendering_heads ("chiến dịch tự do hàng hải (FONOP)") or a lower-case word of the name ("năng lực chiến tranh
        điện tử (EW)" is "chiến tranh điện tử"). The phrase ends with the name's last word and says half its words or
        more; it adds at most one word the name does not have (a word said twice counts once more), besides the head."""
        wanted = Counter(x for x in name if x not in self.skip_words)
        folded = [x.group().casefold() for x in words]
        for i, w in enumerate(words):
            head = next((len(h) for h in self.rendering_heads if tuple(folded[i : i + len(h)]) == h), 0)
            capital = w.group()[0].isupper() and folded[i] in said and _MID_SENTENCE.search(window, 0, w.start()) is not None
            if not (head or capital or folded[i] in said) or folded[-1] != name[-1]:
                continue
            content = [x for x in folded[i + head :] if x not in self.skip_words]
            found = said & set(content)
            surplus = sum((Counter(content) - wanted).values())
            if 2 * len(found) < len(said) or surplus > 1:
                continue
            if not (head or capital) and len(found) < len(said) and surplus == 0:
                continue  # the table's name shortened in lower case: "vốn đầu tư nước ngoài (FDI)" keeps the table
            split = _SPLIT_WORD_BEFORE.search(window, 0, w.start()) if capital else None
            return self.rendering_tail.sub("", window[split.start() if split else w.start() :].strip())
        return None

    def _common_before(self, before: str, short: str) -> Optional[str]:
        """``abbr.defined_common_before``: the common noun phrase in lower case right before an unknown form in
        brackets ("tập trung ở sân bay quốc tế Hong Kong (HKIA)" is "sân bay quốc tế Hong Kong"), from the last
        stop, after a cut word (common_before_cuts: "các", "hai", "ở" …; common_before_openers: a verb whose object
        the gloss is, "phát hiện", or a noun of its kind, "nhiệm vụ"), number or punctuation; 2 to
        ``common_before_max`` words, none with a digit or in capitals; not after a verb that may stand inside a
        name ("Bán trang bị quốc phòng dư thừa (EDA)": the name is longer, read by no rule) nor for a form the
        table knows or with a digit."""
        if self.lookup(short) is not None or not short.isalpha() or not short.isupper():
            return None
        cut = self._last_stop(before)
        if any(before.endswith(w + " ", 0, cut) or before.endswith(w, 0, cut) for w in self.name_inner):
            return None
        last = self.common_before_cut.search(before, cut)
        if last is None and not _CLAUSE_END.match(before, cut - 1, cut):
            return None  # only after a cut word or a mark: a stop word may be a compound's first syllable ("theo dõi")
        phrase = before[last.end() if last else cut :].strip()
        words = phrase.split()
        if not 2 <= len(words) <= self.common_before_max or not words[0][0].islower():
            return None
        if any(not w.isalpha() or (len(w) > 1 and w.isupper()) for w in words) or self.deictic_end.search(phrase):
            return None
        return phrase

    def _define_mixed(self, before: str, short: str, out: dict[str, tuple[str, str]]) -> None:
        """``abbr.defined*`` for a form with lower-case letters and no digit ("Bộ Tư lệnh Trung tâm Mỹ
        (Centcom)"), only on evidence: initials that spell it, a name in quotes, the table's form in
        capitals, a proper name of two capitalized words or more ("Bộ Tình trạng Khẩn cấp Nga (MChS)") or
        one opened by a body's head as the config writes it capitalized ("Đường ranh giới kiểm soát (LoC)");
        not "máy bay huấn luyện (UMig)")."""
        found: dict[str, tuple[str, str]] = {}
        self._define_before(before, short, found)
        phrase, rule = found.get(canonical(short), ("", ""))
        capitalized = sum(w[0].isupper() for w in phrase.split())
        body = any(phrase.startswith(h + " ") for h in self.body_heads)
        if rule in ("abbr.defined", "abbr.defined_quoted") or (phrase and (self.lookup(short.upper()) or capitalized >= 2 or body)):
            out.setdefault(canonical(short), (phrase, rule))

    def _names_body(self, inner: str) -> bool:
        """Whether brackets after a short form hold a body's name: a capitalized head opens it
        and no stop word or punctuation follows ("Lực lượng Phòng vệ Nhật Bản", not "Ủy ban, 2019")."""
        head = self.heads.match(inner)
        return (
            head is not None
            and inner[0].isupper()
            and len(inner.split()) <= self.long_max_words  # the brackets bound it: no run-on
            and self.stops.search(inner, head.end()) is None
        )

    def _qualified(self, short: str, phrase: str) -> Optional[str]:
        """The table's name as the article prints it when ``phrase`` ends with it after a capitalized "Các"
        ("… huấn luyện cho Các lực lượng dân chủ Syria (SDF)" is "Các lực lượng dân chủ Syria"). A qualifier
        after the name is no part of it (the annotation guide: "Nhà nước Hồi giáo tự xưng (IS)" is the table's
        "Nhà nước Hồi giáo")."""
        entry = self.lookup(short)
        if entry is None:
            return None
        folded = phrase.casefold()
        table = entry.expansion.casefold()
        named = [f"{w} {table}" for w in self.plural_words]
        for n in named:
            if folded == n or folded.endswith(" " + n):
                printed = phrase[len(phrase) - len(n) :]
                if printed[0].isupper():
                    return printed
        return None

    def _table_within(self, short: str, phrase: str, before: str) -> bool:
        """Whether the table keeps ``short`` against the phrase: a phrase of one or two words
        ("từ tàu ngầm (SLBM)"), one holding the table's expansion ("lực lượng vũ trang thành phố"),
        or when the text before the brackets ends with it, head in lower case ("tổ chức Hiệp ước Bắc Đại
        Tây Dương (NATO)"); but not when the phrase is the table's name but for "các" ("Các lực lượng
        dân chủ Syria (SDF)") or a capitalized head that the name continues in lower case ("Lực lượng
        không quân Mỹ tại Thái Bình Dương (PACAF)"): the article's own words.
        """
        entry = self.lookup(short)
        if entry is None:
            return False
        table = entry.expansion.casefold()
        folded = phrase.casefold()
        if table != folded and self.plural.sub("", table) == self.plural.sub("", folded):
            return False
        if folded.startswith(table + " ") and phrase[len(table) + 1 :].strip() in self.owner_names:
            return False  # "Hội đồng tham mưu trưởng liên quân Hàn Quốc (JCS)": the table's name and whose it is
        head = self.heads.match(phrase)
        if head and phrase[0].isupper() and folded[head.end() :] == " " + table:
            if phrase[head.end() + 1].islower():
                return False  # "Lực lượng không quân Mỹ tại Thái Bình Dương (PACAF)": a head the name continues in lower case
            if self._head_opens_name(head.group(), phrase, before):
                return False  # "phục vụ trong Cơ quan Tình báo Quân đội Nga (GRU)": the capitalized head is the name's
        return len(phrase.split()) < 3 or table in folded or before.rstrip().casefold().endswith(table)

    def _head_opens_name(self, head: str, phrase: str, before: str) -> bool:
        """Whether a capitalized head right before the table's capitalized name opens the article's name for the form
        (``abbr.defined_phrase``): mid-sentence, where its capital is the name's ("đang phục vụ trong Cơ quan Tình báo
        Quân đội Nga (GRU)", "đã do thám Hệ thống Phòng thủ tên lửa tầm cao giai đoạn cuối (THAAD)"; in lower case it
        is a descriptor, dev3 gold "cơ quan Tình báo Quân đội Nga" is "Tình báo Quân đội Nga"), and not one of
        ``name_descriptors_before`` (dev9 gold: "Tổ chức Nhà nước Hồi giáo (IS)" is "Nhà nước Hồi giáo") nor of
        ``event_heads`` ("Hội nghị Diễn đàn Hợp tác Kinh tế châu Á - Thái Bình Dương (APEC)" is the forum)."""
        if head.casefold() in self.not_name_heads or not phrase[len(head) + 1 : len(head) + 2].isupper():
            return False
        at = before.rstrip().rfind(phrase)
        return at > 0 and _MID_SENTENCE.search(before, 0, at) is not None

    def _initials_window(self, before: str, words: list[regex.Match[str]], short: str) -> Optional[str]:
        """The shortest run of words ending at the brackets whose initials spell ``short``."""
        letters = _letters(short)
        if not 2 <= len(letters) <= 12:
            return None
        n = len(words)
        for i in range(n - 1, max(-1, n - 2 * len(letters) - 3), -1):
            if self._match_initials([w.group() for w in words[i:]], letters):
                return before[words[i].start() : words[-1].end()]
        return None

    def _match_initials(self, words: list[str], letters: str) -> bool:
        """Whether each letter is the initial of the next word, small words passed over; a word in CamelCase may give
        the initial of each of its parts ("ImageSat International" spells "ISI")."""
        if not words or _initial(words[0]) != letters[0] or words[-1].lower() in self.skip_words:
            return False
        states = {0}
        for w in words:
            nxt = set()
            humps = _camel_initials(w)  # "ImageSat International (ISI)": a word in CamelCase gives each part's initial
            for k in states:
                if k < len(letters) and _initial(w) == letters[k]:
                    nxt.add(k + 1)
                if humps and letters.startswith(humps, k):
                    nxt.add(k + len(humps))
                if w.lower() in self.skip_words:
                    nxt.add(k)
            states = nxt
            if not states:
                return False
        return len(letters) in states

    def _last_stop(self, before: str, short: str = "") -> int:
        """Where a name phrase before brackets may start: after the last stop that is not a syllable
        of a capitalized name ("Liên đoàn Tự do Dân sự Mỹ": "do" between "Tự" and "Dân" or after "Tự" at
        the end: "đảng cực hữu Tự do (FPO)") nor links
        one to its place ("Lực lượng không quân Mỹ tại Thái Bình Dương") nor qualifies a lower-case head right
        before it ("xe thử nghiệm laser năng lượng cao (HELMTT)") nor joins a body to the one it belongs to when
        the form has more letters than the later body has words (``chain_stops``: "Bộ chỉ huy Chiến lược Tác chiến
        thuộc Lực lượng Vũ trang Venezuela (CEOFANB)" is the whole, "… thuộc Tổng cục Kỹ thuật (TCKT)" the later)."""
        end = len(before)
        while True:
            stop = self.stops.search(before, 0, end)
            if stop is None:
                return 0
            word = stop.group()
            if word in self.chain_stops and short and self._chained(before, stop, short):
                end = stop.start()
                continue
            compounds = self.stop_compounds.get(word)
            if compounds and any(before[: stop.end()].casefold().endswith(w) for w in compounds):
                end = stop.start()  # "Quân đội tự do Syria (FSA)": "do" of "tự do" is no preposition
                continue
            if (
                word in self.name_syllables
                and (_CAP_AFTER.match(before, stop.end()) or not before[stop.end() :].strip())  # "đảng Tự do (FPO)"
                and _CAP_WORD_BEFORE.search(before, max(0, stop.start() - 12), stop.start())
            ):
                end = stop.start()
                continue
            if word in self.name_inner and self.head_before.search(before, max(0, stop.start() - 16), stop.start()):
                end = stop.start()  # "hai xe thử nghiệm laser năng lượng cao (HELMTT)": a head's modifier, no verb
                continue
            return stop.end()

    def _chained(self, before: str, stop: regex.Match[str], short: str) -> bool:
        """Whether a chain stop ("thuộc") joins two bodies that are one name for ``short``: the words after it, a
        capitalized name, fewer than the form's letters, and a capitalized head opening the words before it (back to
        the stop before)."""
        after = before[stop.end() :].split()
        if not after or not after[0][:1].isupper() or len(after) >= len(_letters(short)):
            return False
        previous = self.stops.search(before, 0, stop.start())
        opening = before[previous.end() if previous else 0 : stop.start()]
        head = self.heads.search(opening)
        return head is not None and head.group()[0].isupper() and not opening[: head.start()].strip(" |\n")

    def _head_phrase(self, before: str, short: str = "") -> Optional[str]:
        """The name phrase before brackets: from the first head word after the last stop that keeps
        it within ``max_words`` ("… cải tổ Lực lượng vũ trang Singapore (SAF)", not from "Bộ trưởng"),
        never a head that is a post's first word ("Cục trưởng Cục An ninh Quốc gia (BBN)": the body)."""
        if self.deictic_end.search(before.rstrip()):  # "quân đội nước này (PLA)": no name
            return None
        cut = self._last_stop(before, short)
        chained = cut < self._last_stop(before)  # two bodies joined by "thuộc": one name, up to long_max_words
        heads = [h for h in self.heads.finditer(before, cut) if not _inside_name(before, h) and not self._post(before, h)]
        named = [h for h in self.name_heads.finditer(before, cut) if not _inside_name(before, h)]
        if named:
            heads = sorted(heads + named, key=lambda h: h.start())
        inner = next((w for w in self.name_inner if before.endswith(w, 0, cut) and not before[cut - len(w) - 1 : cut - len(w)].isalpha()), None)
        if not heads and inner:
            # "Chương trình bán trang bị quốc phòng dư thừa (EDA)": a verb inside a capitalized name
            # after a lower-case word of the name, not right after the head or a capitalized word (then it is
            # the sentence's verb: "Quân đội Mỹ sử dụng khí tài mới (X)")
            stop = cut - len(inner)
            prev = _LAST_WORD.search(before, 0, stop)
            heads = [
                h for h in self.heads.finditer(before, self._last_stop(before[:stop]), stop)
                if h.group()[0].isupper() and not _inside_name(before, h) and prev is not None and prev.start() > h.end() and prev.group()[0].islower()
            ][:1]
        long = self._long_name(before, heads)
        if long:
            return long
        for i in range(len(heads)):
            phrase = self._agreeing(before, heads[i], heads[i + 1 :], short) or self._phrase_from(before, heads[i], heads[i + 1 :], short)
            if len(phrase.split()) <= (self.long_max_words if chained else self.max_words):
                descriptor = self.descriptor.match(phrase)
                if descriptor and len(phrase[descriptor.end() :].split()) >= 3:
                    return phrase[descriptor.end() :]  # "hệ thống Phòng thủ tên lửa … (THAAD)": the name
                return phrase
        return None

    def _post(self, text: str, head: regex.Match[str]) -> bool:
        """Whether a head opens a post, not a body: "Cục trưởng", "Viện trưởng", "Ban Giám đốc"."""
        if self.post_after.match(text, head.end()):
            return True
        return any(text.startswith(p, head.start()) and not _LETTER.match(text, head.start() + len(p)) for p in self.posts)

    def _agreeing(self, before: str, head: regex.Match[str], later_heads: list[regex.Match[str]], short: str) -> Optional[str]:
        """``abbr.defined_phrase`` when the phrase holds two bodies: the later one when its head agrees with the
        form's first or last letter and the first head does not (data/vi/abbreviation_definitions.yaml
        head_initials: the English heads a Vietnamese head translates). The later head follows a connective
        ("Quân ủy trung ương của quân đội Trung Quốc (PLA)" is "quân đội Trung Quốc"; "phòng thủ cho lá chắn tên
        lửa đạn đạo (ABM)" is "lá chắn tên lửa đạn đạo": the words after the connective) or, in lower case,
        a capitalized body ("Bộ Tổng tham mưu lực lượng vũ trang quốc gia Bolivar (FANB)"); a classifier
        ("hệ thống") or a head that agrees keeps the whole ("Bộ Chỉ huy Trung tâm của quân đội Mỹ (CENTCOM)")."""
        ends = _form_ends(short)
        if ends is None:
            return None
        first = self._initials_at(before, head.start())
        if first is None or ends & first or self.descriptor.match(before, head.start()) or head.group().casefold() in self.descriptor_words:
            return None
        for later in later_heads:
            initials = self._initials_at(before, later.start())
            if not initials or not ends & initials:
                continue
            connective = None  # the last connective between the two heads
            for connective in self.connective_before.finditer(before, head.end(), later.start()):
                pass
            if connective is not None and connective.group().strip() in self.topic_connectives:
                return None  # "Hiệp ước về các lực lượng hạt nhân tầm trung (INF)": the treaty's name runs on
            if connective is not None and before[connective.end() : later.start()].count(" ") <= 3:
                rest = [h for h in later_heads if h.start() > later.start()]
                moved = self._phrase_from(before, later, rest)  # "… của quân đội Syria và Lực lượng vũ trang địa phương (NDF)"
                if len(moved) < len(before[later.start() :].strip()):
                    return moved
                return before[connective.end() :].strip()
            if (
                connective is None
                and head.group()[0].isupper()
                and later.group().casefold() in self.owner_heads
                and later.group()[0].islower()
                and self.connective_any.search(before, head.end(), later.start()) is None
            ):
                return before[later.start() :].strip()
            return None
        return None

    def _first_agrees(self, before: str, head: regex.Match[str], later: regex.Match[str], short: str) -> bool:
        """Whether ``head``'s English initials agree with the form's first or last letter and ``later``'s do not
        (data/vi/abbreviation_definitions.yaml head_initials): then the name opens at ``head``."""
        ends = _form_ends(short)
        if ends is None:
            return False
        first, second = self._initials_at(before, head.start()), self._initials_at(before, later.start())
        return bool(first and ends & first) and not (second and ends & second)

    def _initials_at(self, text: str, pos: int) -> Optional[frozenset[str]]:
        """The English initials of the head that opens ``text`` at ``pos`` (its longest listed form)."""
        for key in self.head_keys:
            end = pos + len(key)
            if text[pos:end].casefold() == key and not _LETTER.match(text, end):
                return self.head_initials[key]
        return None

    def _long_name(self, before: str, heads: list[regex.Match[str]]) -> Optional[str]:
        """A name longer than ``max_words`` (up to ``long_max_words``) from the first head: only a capitalized
        head mid-sentence with no other capitalized head after it ("Tuyên bố về cách ứng xử của các bên ở Biển
        Đông giữa ASEAN và Trung Quốc (DOC)"; not "Tuyên bố về thực thi Bộ quy tắc … (CUES)")."""
        if not heads or not heads[0].group()[0].isupper():
            return None
        phrase = before[heads[0].start() :].strip()
        if not self.max_words < len(phrase.split()) <= self.long_max_words or not _MID_SENTENCE.search(before, 0, heads[0].start()):
            return None
        if any(h.group()[0].isupper() and h.start() > heads[0].end() + 1 for h in heads[1:]):
            return None  # (a head right after the first continues it: "Bộ Quy tắc")
        return phrase

    def _phrase_from(self, before: str, head: regex.Match[str], later_heads: list[regex.Match[str]], short: str = "") -> str:
        """The phrase from ``head`` (or a better later head) to the brackets."""
        if head.group()[0].islower() and not self._runs_on(before, head, later_heads):
            # "dân quân Các đơn vị bảo vệ người dân": the capitalized name
            head = next((h for h in later_heads if h.group()[0].isupper()), head)
        # "khu vực phụ trách của Bộ Tư lệnh Trung tâm Mỹ", "xe tăng và xe chiến đấu bộ binh (IFV)": the body
        # after "của" or "và" (not a common noun after a name: "Bộ Chỉ huy Trung tâm của quân đội Mỹ"; not a
        # head the form's letters disown: "Trung tâm Chiến dịch Không gian và Không quân Hỗn hợp (CAOC)", head_initials)
        for later in later_heads:
            if (
                later.start() > head.start()
                and (later.group()[0].isupper() or head.group()[0].islower())
                and _OF_BEFORE.search(before, max(0, later.start() - 5), later.start())
                and not self._first_agrees(before, head, later, short)
            ):
                head = later
        start = head.start()
        plural = self.plural_cap_before.search(before, max(0, start - 6), start)
        if plural:  # "Các lực lượng dân chủ Syria (SDF)": a capitalized "Các" opens the name
            start = plural.start()
        phrase = self.plural_lower.sub("", before[start:].strip())  # "các đơn vị bảo vệ …": "các" is no part of the name
        described = self.described.match(phrase)  # "đảng cực hữu Tự do (FPO)": the party is "đảng Tự do"
        return phrase[: described.start(1)] + phrase[described.end(1) :] if described else phrase

    def _runs_on(self, before: str, head: regex.Match[str], later_heads: list[regex.Match[str]]) -> bool:
        """Whether a lower-case head opens the capitalized name right after it: its next word is capitalized and
        starts no head of its own ("cơ quan Nghiên cứu Dự án Cao cấp Quốc phòng (DARPA)" is the whole name, not
        "Dự án …"; "dân quân Các đơn vị bảo vệ người dân" still moves to "Các đơn vị", a head)."""
        nxt = _CAP_AFTER.match(before, head.end())
        return nxt is not None and not any(h.start() == nxt.end() - 1 for h in later_heads)

    def _quoted_or_cue(self, text: str) -> bool:
        """Whether a closing quote is followed by "hoặc", "hay", "gọi tắt"… (str.find is faster than a scan)."""
        for quote in ("”", '"'):
            i = text.find(quote)
            while i >= 0:
                if self.or_after_quote.match(text, i + 1):
                    return True
                i = text.find(quote, i + 1)
        return False


_QUOTE_MARK = re.compile("['\"]")
_DIGITS = regex.compile(r"\d++(?![\p{L}\p{N}])")  # a number glued to a form and ending the token ("QK9", not "QK9A")
_CLAUSE_ANY_END = regex.compile(r"[;:.!?()\"“”\n…]", regex.REVERSE)  # a clause's end, not a comma (a list inside a name)


def _form_ends(short: str) -> Optional[frozenset[str]]:
    """The first and last letters of a form spelled by two letters or more, which a head's initials must agree
    with (head_initials); None for a form with digits or a single letter."""
    letters = _letters(short)
    if len(letters) < 2 or not letters.isalpha():
        return None
    return frozenset((letters[0], letters[-1]))


def _as_printed(doc: Document, expansion: str) -> str:
    """An expansion taken from the normalized text, with the input's own characters: normalizing unified its
    quote marks ("’" → "'"), which the scorer's comparison does not undo."""
    i = doc.text.find(expansion)
    return doc.original_text(i, i + len(expansion)) if i >= 0 else expansion


def _written(key: str) -> regex.Pattern[str]:
    """The ways a canonical short form is written: spaces allowed around its joiners ("CVW - 7") and a
    space optional where it has one ("PP 18" is also "PP18")."""
    parts = regex.split(r"([-&/+])", key)
    body = "".join(regex.escape(p).replace(r"\ ", r"\s?") if i % 2 == 0 else r"\s?" + regex.escape(p) + r"\s?" for i, p in enumerate(parts))
    return regex.compile(r"(?<![\p{L}\p{N}])" + body + r"(?![\p{L}\p{N}])")


_SPLIT_AFTER = regex.compile(r" \p{Lu}(?![\p{L}\p{N}])")  # "NAT O", "CNR P": a form cut by a stray space, not a typo


def _one_letter_apart(a: str, b: str, min_letters: int) -> bool:
    """Whether ``b`` is ``a`` with one letter added or dropped ("UBNDN"/"UBND", "HELMT"/"HELMTT"), the shorter of
    ``min_letters`` letters or more."""
    short, long = sorted((a, b), key=len)
    return len(long) - len(short) == 1 and len(short) >= min_letters and any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _misspelt(text: str, found: list[_Found], min_letters: int) -> list[_Found]:
    """``abbr.misspelt``: an unknown form one letter longer or shorter than a form of the same article that has an
    expansion takes that expansion: a typo ("Chủ tịch UBNDN tỉnh" beside "UBND"; "HELMT" beside "xe thử nghiệm laser
    năng lượng cao (HELMTT)"; dev gold keeps both as written with the expansion), never a form cut by a stray space
    ("NAT O", "CNR P") nor one of fewer than ``min_letters`` letters (data/vi/abbreviation_definitions.yaml
    misspelt_min_letters: four)."""
    known: dict[str, str] = {}
    for start, end, expansion, rule, _ in found:
        if expansion is not None and rule != "abbr.skip" and text[start:end].isalpha():
            known.setdefault(text[start:end], expansion)
    if not known:
        return found
    out = []
    for start, end, expansion, rule, category in found:
        written = text[start:end]
        if rule == "abbr.unknown" and written.isalpha() and not _SPLIT_AFTER.match(text, end):
            near = next((e for k, e in known.items() if _one_letter_apart(written, k, min_letters)), None)
            if near is not None:
                expansion, rule = near, "abbr.misspelt"
        out.append((start, end, expansion, rule, category))
    return out


def _byline_slash(text: str, left: _Atom, right: _Atom) -> bool:
    """Whether a slash joins a news outlet to what it credits ("PV/VOV", "AFP/TTXVN"): two records."""
    return "media" in (left.category, right.category) and "/" in text[left.end : right.start]


def _inside_name(text: str, head: regex.Match[str]) -> bool:
    """Whether a one-word head continues a name mid-sentence ("Chiến khu Nam Bộ", "Phi đội Ném bom")."""
    return " " not in head.group() and bool(_CAPITALIZED_BEFORE.search(text, max(0, head.start() - 20), head.start()))


_ANY_DIGIT = re.compile(r"\d")
_YEAR_END = regex.compile(r"(?<![\p{L}\p{N}])(?:19|20)\d\d$")
_TRAILING_NUMBER = regex.compile(r"\s+(?:năm |số )?\d[\d.,]*$")


def _unnumbered(phrase: str, short: str) -> str:
    """``phrase`` without a year or number at its end when ``short`` has no digit: "Công ước … về Luật
    Biển năm 1982 (UNCLOS)", "Phi đội Ném bom Viễn chinh số 96 (EBS)" name the body, not the year."""
    if any(c.isdigit() for c in short):
        return phrase
    return _TRAILING_NUMBER.sub("", phrase)


def _year_spelled(phrase: str, short: str) -> bool:
    """Whether the digits of ``short`` are the year that ends ``phrase``: "Đối tác Thái Bình Dương 2018
    (PP 18)", "(PP18)" (abbr.defined_year: a name's own form, found wherever it is written)."""
    digits = "".join(c for c in short if c.isdigit())
    if len(digits) not in (2, 4):
        return False
    year = _YEAR_END.search(phrase, max(0, len(phrase) - 5))
    return year is not None and year.group().endswith(digits)


def _names_something(phrase: str, short: str) -> bool:
    """Whether a head phrase can be a definition: two words or more ("diện tích phản xạ radar (RCS)" is no
    "radar"), none a model code unless the form has a digit too ("vũ khí GBU-43 / B (MOAB)" names the bomb's
    model, not "MOAB")."""
    words = phrase.split()
    if len(words) < 2:
        return False
    if not _ANY_DIGIT.search(phrase) or _ANY_DIGIT.search(short):
        return True
    return not any(_ANY_DIGIT.search(w) and any(c.isalpha() for c in w) for w in words)


def _initial(word: str) -> str:
    """The first letter without its marks, in capitals ("Ủy" → "U"); "Đ" stays "Đ"."""
    return unicodedata.normalize("NFD", word[0])[0].upper()


_CAMEL = regex.compile(r"\p{Lu}\p{Ll}++(?:\p{Lu}\p{Ll}++)++")


def _camel_initials(word: str) -> str:
    """The initials of a word in CamelCase, two or more ("ImageSat" → "IS", "DigitalGlobe" → "DG"), else ""."""
    if word[1:].islower() or not _CAMEL.fullmatch(word):  # (most words: a cheap test first)
        return ""
    return "".join(c for c in word if c.isupper())


def _letters(short: str) -> str:
    return "".join(c for c in short if c.isalnum()).upper()


def capitals_runs(text: str) -> list[tuple[int, int]]:
    """Spans of names and headlines in capitals: runs of 2+ words in capitals with one that has
    Vietnamese marks ("ĐỨC MINH", "DƯƠNG TRUNG QUỐC"), or of 3+ words ("THE END OF")."""
    runs = []
    for m in _caps_run().finditer(text):
        words = m.group().split(" ")
        if len(words) >= 3 or any(not _ASCII_CAPS.fullmatch(w) for w in words):
            runs.append((m.start(), m.end()))
    return runs


def _code_before(text: str, start: int) -> bool:
    """Whether the token at ``start`` follows a word with a digit or is glued to a word by a dash."""
    k = start - 1
    if k < 1 or text[k] not in " -":
        return False
    j = k
    while j > 0 and k - j < 30 and text[j - 1].isalnum():
        j -= 1
    word = text[j:k]
    return any(c.isdigit() for c in word) or (text[k] == "-" and word.isalpha() and not word.isupper())


def expand(text: str, spans: list[tuple[int, int, Optional[str]]]) -> str:
    """``text`` with each known abbreviation written out; capitalized at a sentence start. A short
    form next to its own definition stays as written ("Ban Chỉ huy Quân sự (CHQS)", "BCHQS (Ban
    Chỉ huy quân sự)"): written out it would say the name twice."""
    out = []
    last = 0
    for start, end, expansion in sorted(spans):
        if expansion is None or start < last or _beside_definition(text, start, end, expansion):
            continue
        out.append(text[last:start])
        k = start
        while k > 0 and text[k - 1] in " \t":
            k -= 1
        if k == 0 or text[k - 1] in ".!?\n:":
            expansion = expansion[:1].upper() + expansion[1:]
        out.append(expansion)
        last = end
    out.append(text[last:])
    return "".join(out)


def _beside_definition(text: str, start: int, end: int, expansion: str) -> bool:
    """Whether ``text[start:end]`` stands in brackets right after ``expansion`` or right before it in brackets."""
    name = expansion.casefold()
    opened = _OPEN_BEFORE.search(text, max(0, start - 3), start)
    if opened and _CLOSE_AFTER.match(text, end) and text[max(0, opened.start() - len(name) - 2) : opened.start()].rstrip().casefold().endswith(name):
        return True
    after = _OPEN_AFTER.match(text, end)
    return after is not None and text[after.end() : after.end() + len(name)].casefold() == name

