"""Article metadata from plain text: title, dateline (``published``), authors.

The title is the first line of the normalized text when no title was given;
a dateline ("01/12/2022 20:54") in the lines right under it gives
``published``; short name-only lines at the end are the byline.
"""

from __future__ import annotations

import regex

from qpextract.data import read_yaml
from qpextract.document import Document, Reference

_LINE = regex.compile(r"[^\n]+")
_DATELINE = regex.compile(
    r"(?:[\p{L} ]{0,20},\s*)?(?:ngày\s+)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})"
    r"(?:[ ,|-]+(?:lúc\s+)?(\d{1,2})[:hH](\d{2}))?(?:\s*(?:\(?GMT[+\d]*\)?|[AP]M))?\s*$",
    regex.IGNORECASE,
)
_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_PUBLISHED = regex.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_NAME_SYLLABLE = regex.compile(r"\p{Lu}[\p{Ll}\p{M}]*+|\p{Lu}++")
_SENTENCE_END = regex.compile(r"[.!?:;,]$")
# a byline run into the last paragraph, after its final sentence
_GLUED_BYLINE = regex.compile(r"[.!?…\"'] ([^.!?…\n]{3,60})$")


class MetadataReader:
    """Component: title, published, authors, body span and reference date."""

    name = "metadata"
    needs = ("text",)
    adds = ("title", "published", "authors", "body", "reference")

    def __init__(self) -> None:
        cfg = read_yaml("byline.yaml")
        self.separators = regex.compile("|".join(regex.escape(s) for s in cfg["separators"]))
        self.trailers = regex.compile(
            r"(?:\s*(?:" + "|".join(regex.escape(t) for t in cfg["trailers"]) + r"))+\s*$", regex.IGNORECASE
        )
        self.body_prefix = regex.compile(
            r"^\(?(?:" + "|".join(regex.escape(p) for p in cfg["body_prefixes"]) + r")\b", regex.IGNORECASE
        )
        self.max_line = int(cfg["max_line_chars"])
        self.max_tail = int(cfg["max_tail_lines"])
        self.openers = regex.compile(
            r"^(?:" + "|".join(regex.escape(o) for o in cfg["openers"]) + r")\s*", regex.IGNORECASE
        )
        self.caption = regex.compile(
            r"^(?:" + "|".join(regex.escape(p) for p in cfg["caption_prefixes"]) + r")"
            r"|" + "|".join(regex.escape(m) for m in cfg["caption_markers"]),
            regex.IGNORECASE,
        )

    def __call__(self, doc: Document) -> None:
        lines = [(m.start(), m.end()) for m in _LINE.finditer(doc.text)]
        first = 0
        if doc.title is None and len(lines) > 1 and lines[0][1] - lines[0][0] <= 300:
            doc.title = doc.text[lines[0][0] : lines[0][1]].strip()
            first = 1
        for i in range(first, min(first + 2, len(lines))):
            m = _DATELINE.match(doc.text, *lines[i])
            if m:
                if doc.published is None:
                    doc.published = _iso(m)
                break
        authors, end = self.read_byline(doc.text, lines[first:])
        doc.authors = authors
        doc.body = (lines[0][0] if lines else 0, end if end is not None else len(doc.text))
        doc.reference = reference_date(doc.published, doc.title)

    def read_byline(self, text: str, lines: list[tuple[int, int]]) -> tuple[list[str], int | None]:
        """Authors from the last lines, and where the byline starts when nothing but it follows.

        Photo captions and related links may stand after the byline: lines that
        look like captions, and every line after a large gap (three newlines)
        near the end, are passed over.
        """
        tail = lines[-self.max_tail :]
        gap = text.rfind("\n\n\n", tail[0][0] if tail else 0)
        authors: list[str] = []
        end: int | None = None
        trailing = True  # only captions/byline seen so far, from the end
        for s, e in reversed(tail):
            line = text[s:e].strip()
            if self.openers.match(line):
                names = self.byline_names(line)
                if names is not None:  # "Tin, ảnh: XUÂN CƯỜNG - THÁI PHƯƠNG"
                    authors = names + authors
                    end = s if trailing else end
                    continue
            if self.body_prefix.match(line) and len(line) <= self.max_line:
                end = s if trailing else end
                continue
            names = self.byline_names(line)
            if names is not None:
                authors = names + authors
                end = s if trailing else end
                continue
            if authors:
                break  # the body before the byline
            glued = _GLUED_BYLINE.search(text, s, e)
            if glued and trailing and not self.body_prefix.match(glued.group(1)) and (names := self.byline_names(glued.group(1))):
                return names, glued.start(1)  # "... công tác tuyển quân. Nguyên Hoa"
            if (gap != -1 and s > gap) or self.caption.search(line):
                trailing = False  # a caption or related link after the byline
                continue
            break
        return authors, end

    def byline_names(self, line: str) -> list[str] | None:
        """The names on a byline line, or None when the line is not a byline."""
        if len(line) > self.max_line or _SENTENCE_END.search(line):
            return None
        line = self.trailers.sub("", self.openers.sub("", line)).strip(" -–()")
        names = []
        for part in self.separators.split(line):
            part = part.strip()
            syllables = part.split()
            if not 2 <= len(syllables) <= 4 or not all(_NAME_SYLLABLE.fullmatch(w) for w in syllables):
                return None
            names.append(" ".join(w if not w.isupper() else w.capitalize() for w in syllables))
        return names or None


def _iso(m: regex.Match[str]) -> str:
    day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    out = f"{year:04d}-{month:02d}-{day:02d}"
    if m.group(4):
        out += f"T{int(m.group(4)):02d}:{m.group(5)}"
    return out


def reference_date(published: str | None, title: str | None) -> Reference:
    """SPEC reference date: ``published`` if known, else a year in the title."""
    if published:
        m = _PUBLISHED.match(published)
        if m:
            return Reference(int(m.group(1)), int(m.group(2)), int(m.group(3)), "published")
    if title:
        years = _YEAR.findall(title)
        if years:
            return Reference(int(years[-1]), None, None, "title")
    return Reference()
