"""Article metadata from plain text: title, dateline (``published``), authors.

- ``title.headline``: the first line is the title when none was given, unless it is
  already the lead sentence (``title.lead``: then ``title`` stays null), see
  data/vi/headline.yaml; a line the page prints twice near the top is a headline;
  ``title.chrome``: section names, hashtags and lone marks above it are page chrome;
  ``title.page_label``: a page label ("Chi tiết tin", "Chi tiết - Huyện Mẫu Sơn") is chrome, and the line
  under it is the headline unless it ends with a stop;
  ``title.uncounted``: blank lines, a skip link and a visit counter printed one digit per line are chrome
  that does not count toward the chrome window;
  ``dateline.headline_tail``: a date printed at the end of the headline line is the dateline;
  ``dateline.headline_bracket``: so is a date with its time in brackets there ("… (16/02/2022, 14:44)");
  ``title.site_tail``: the site's name after it ("… - Báo Mẫu Sơn") is chrome;
  ``title.cms_null``: so is a template's empty field before it ("null Huyện Mẫu Sơn …");
  ``title.banner``: lines above the lead that share no words with it are banners (``skip_banners``);
  ``title.kicker``: a short topic line over a headline that spells it out is a kicker (``skip_kicker``);
  ``title.related_top``: a related heading above the headline ("Tin liên quan") is chrome, and ``title.listed``: the
  headlines listed under it are passed over up to the line the lead restates (``skip_banners``);
- ``dateline.page_prefix``: the page-metadata prefix stored pages print at the very start
  (" date 2023-11-09 …") gives ``published`` when it names a day; a month stamp (" date 2023-11",
  ``dateline.page_prefix_month``) gives neither ``published`` nor a reference date, as the web
  readers annotate it; the rest of its line is read as the first line;
- ``dateline.agency_lead``: the lead opening with its place and the agency's tag and day in brackets
  ("Hà Nội (TTXVN 21/2/2024) …") gives ``published`` when no dateline did;
- ``dateline.*``: a line right above or under the headline, or among the last lines,
  printed the way news sites print dates (data/vi/datelines.yaml) gives ``published``
  and so the reference date; a byline with a date ("Minh Cường 02/09/2015 16:20")
  also gives an author;
- ``byline.*``: short name-only lines at the end are the byline (data/vi/byline.yaml):
  names in capitals or initials ("TRẦN HÙNG", "H.LAN", "Q.T – V.H"), after an opener
  ("Tin, ảnh:"), or run into the last sentence; a reporter label alone ("PV", ``byline.reporter``)
  is kept as printed; "Theo …" names a source, not an author; ``byline.widget_credit``: names under a widget's
  maker credit ("POWERED BY") are no byline;
  a name closed by a dash at the very end ("… NT Nguyễn Thuận -") or with its paper after a
  slash ("… ./. Trung Hiếu/VOV.VN", "theo Tử Quỳnh/Vnexpress").
  The writer's paper, station or unit as a tag of capitals after the name is dropped (``byline.source_tag``:
  "Xuân Huy - ĐTP", "Thu Hòa/VOV4"); a page's buttons under the byline are passed over (``byline.footer``).
  Lists of other articles after "Tin khác" are not read.
- ``title.model``, ``dateline.model`` (data/vi/line_model.yaml, text/linemodel.py): on a page (no title given), a
  learned line classifier replaces a headline it scores far below another line ("Bản tin Mẫu Sơn số 12" over the
  real headline) and gives the dateline the rules found none for ("Chuyên mục: … | Ngày xuất bản: 05.03.2024, 7h30");
  ``byline.model`` and ``title.model_fill`` are there but off (the cross-validation found no gain).
"""

from __future__ import annotations

import datetime as _dt
from functools import lru_cache
from typing import Any, Optional

import regex

from qpextract.data import read_yaml
from qpextract.document import Document, Reference
from qpextract.text.credits import credit_labels
from qpextract.text.lexical import literal_alternation, pair_share, unmarked, word_pairs
from qpextract.text.lexicon import rank_rows, surnames, title_rows
from qpextract.text.published import clock

_LINE = regex.compile(r"[^\n]+")
_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_PUBLISHED = regex.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?")
_NAME_SYLLABLE = regex.compile(r"\p{Lu}[\p{Ll}\p{M}]*+|\p{Lu}++")
# initials with a given name or another initial: "H.LAN", "Q.T", "T. Hùng"
_INITIALS = regex.compile(r"(?:\p{Lu}\.\s?){1,3}\p{Lu}[\p{L}\p{M}]*+|(?:\p{Lu}\.){1,3}")
_SENTENCE_END = regex.compile(r"[.!?:;,]$")
_INNER_STOP = regex.compile(r"[.!?:;] ")  # a second sentence or a colon inside a line
# a byline run into the last paragraph, after its final sentence
_GLUED_BYLINE = regex.compile(r"[.!?…\"'] ((?:\p{Lu}\.){1,3}\p{Lu}[\p{L}\p{M}]*+|[^.!?…\n]{3,60})$")
_WORDS = regex.compile(r"\S+")
_LONE_MARKS = regex.compile(r"[.,;:·•*…\-–—]{1,5}")  # a line of marks only, left by a page under its byline
_PART = regex.compile(r"\{([a-z_]+)\}")  # a named part of a template: "{date}" (datelines.yaml), "{unit_heads}" (byline.yaml)
_DATELINE_WINDOW = 3  # lines under the headline (or at the end) where a dateline may stand
_CHROME_WINDOW = 12  # lines of page chrome (menus, site name, header date) that may stand above the headline
_TAIL_WINDOW = 120  # characters at the end of the last line where a run-in byline is looked for
_TAG = regex.compile(r"\p{Lu}{2,4}+")  # a tag of initials before a name: "NT", "TTB"


class MetadataReader:
    """Component: title, published, authors, body span and reference date."""

    name = "metadata"
    needs = ("text",)
    adds = ("title", "published", "authors", "body", "reference")

    def __init__(self, line_model: bool = True) -> None:
        """``line_model=False``: the rules alone (tools/web_lines.py measures them against the model)."""
        cfg = read_yaml("byline.yaml")
        self.separators = regex.compile("|".join(regex.escape(s) for s in cfg["separators"]))
        self.trailers = regex.compile(
            r"(?:\s*(?:" + "|".join(regex.escape(t) for t in cfg["trailers"]) + r"))+\s*$", regex.IGNORECASE
        )
        self.body_prefix = regex.compile(
            r"^\(?(?:" + "|".join(regex.escape(p) for p in cfg["body_prefixes"]) + r")\b", regex.IGNORECASE
        )
        # the templates of the trailer patterns: a body or unit after the names, the level of its place
        templates = {key: "|".join(regex.escape(w) for w in cfg[key]) for key in ("unit_heads", "place_levels")}
        self.source_trailers = regex.compile(
            r"(?:\s*+(?:"
            + "|".join(_expand(t, templates) for t in cfg["trailer_patterns"] + [cfg["source_tag"]])
            + r"))+\s*$"
        )
        self.source_tag = regex.compile(cfg["source_tag"] + r"\s*$")
        self.caps_glued = regex.compile(cfg["caps_glued"])
        self.dash_end = regex.compile(cfg["dash_end"])
        self.name_source = regex.compile(cfg["name_source"])
        # byline.affiliation: the writer's post after a dash ("Lê Văn Bình - Bí thư Đảng ủy xã …"; after a comma it
        # is a caption's apposition: "Đại tá Võ Văn A, Chỉ huy trưởng …")
        heads = literal_alternation({r.title for r in title_rows()} | set(cfg["affiliation_heads"]))
        self.affiliation = regex.compile(
            r"\s*[-–]\s*(?:" + heads + r")(?![\p{L}\p{M}])[^()\n]{0,50}+$",
            regex.IGNORECASE,
        )
        self.surnames = surnames()
        ranks = literal_alternation(w for r in rank_rows() for w in r.written())
        self.byline_rank = regex.compile(r"(?:" + ranks + r")\s++(?=\p{Lu})", regex.IGNORECASE)
        # "Ảnh: " right before a name: a photo credit
        # (both only tested for a match, by search and fullmatch: the order of the labels changes no result)
        self.photo_credit = regex.compile(r"(?:" + literal_alternation(credit_labels("metadata")) + r")\s*:\s*$")
        self.reporter = regex.compile("(?:" + literal_alternation(cfg["reporter_labels"]) + r")\.?")
        self.widget_credit = regex.compile("(?:" + literal_alternation(cfg["widget_credits"]) + r")\s*:?", regex.IGNORECASE)
        self.max_caption = int(cfg["max_caption_chars"])
        self.max_line = int(cfg["max_line_chars"])
        self.max_tail = int(cfg["max_tail_lines"])
        self.openers = regex.compile(
            r"^(?:" + "|".join(regex.escape(o) for o in cfg["openers"] + cfg["reporter_labels"]) + r")\s*", regex.IGNORECASE
        )
        self.caption = regex.compile(
            r"^(?:" + "|".join(regex.escape(p) for p in cfg["caption_prefixes"]) + r")"
            r"|" + "|".join(regex.escape(m) for m in cfg["caption_markers"]),
            regex.IGNORECASE,
        )
        self.datelines = load_datelines()
        self.page_prefix = load_page_prefix()
        self.agency_lead = load_agency_lead()
        head = read_yaml("headline.yaml")
        self.lead_tag = regex.compile(head["lead_tag"])
        self.lead_bare_tag = regex.compile(head["lead_bare_tag"])
        self.headline_date = regex.compile(head["headline_date_tail"])
        self.headline_bracket = regex.compile(head["headline_date_bracket"])
        self.site_tail = regex.compile(head["headline_site_tail"])
        self.cms_null = regex.compile(head["headline_cms_null"])
        self.lead_opener = regex.compile(
            r"^(?:" + "|".join(regex.escape(o) for o in head["lead_openers"]) + r")(?:\s+[^\s,]+){0,3}?\s*(?:,|\d)"
        )
        self.lead_dated = regex.compile(head["lead_dated"])
        self.lead_dated_min_words = int(head["lead_dated_min_words"])
        self.lead_min_words = int(head["lead_min_words"])
        self.lead_question_words = int(head["lead_question_words"])
        self.max_title_words = int(head["max_title_words"])
        self.max_unstopped = int(head["max_title_words_unstopped"])
        chrome = "|".join(f"(?:{c})" for c in head["chrome_lines"])
        self.chrome = regex.compile(r"\s*(?:" + chrome + r")\s*", regex.IGNORECASE)
        self.page_label = regex.compile(r"\s*(?:" + head["page_label"] + r")\s*", regex.IGNORECASE)
        uncounted = "|".join(f"(?:{c})" for c in head["uncounted_lines"])
        self.uncounted = regex.compile(r"\s*+(?:" + uncounted + r")\s*+", regex.IGNORECASE)
        captions = "|".join(f"(?:{c})" for c in head["caption_lines"])
        self.caption_line = regex.compile(r"\s*(?:" + captions + r")\s*", regex.IGNORECASE)
        self.caption_max_words = int(head["caption_max_words"])
        self.section = regex.compile(r"\s*(?:" + head["section_line"] + r")\s*")
        banner = head["banner"]
        self.banner_common = frozenset(banner["common_words"])
        self.banner_headline_share = float(banner["headline_share"])
        self.banner_share = float(banner["banner_share"])
        self.kicker_max_words = int(head["kicker_max_words"])
        self.related = regex.compile(
            r"\s*(?:" + "|".join(regex.escape(h) for h in head["related_headings"]) + r")\s*:?\s*", regex.IGNORECASE
        )
        from qpextract.text.linemodel import LineModel  # here: the line model reads this reader's patterns

        model = read_yaml("line_model.yaml")
        self.model_rules = {name: bool(on) for name, on in model["rules"].items()}
        self.model_thresholds = {k: float(v) for k, v in model["thresholds"].items()}
        self.model_margin = float(model["title_margin"])
        self.line_model = LineModel(self) if line_model and any(self.model_rules.values()) else None

    def __call__(self, doc: Document) -> None:
        text = doc.text
        page = doc.title is None  # a page (no title given): the line model may read it
        lines = [(m.start(), m.end()) for m in _LINE.finditer(text)]
        # pages list other articles after "Tin khác": neither body nor byline (a heading in the
        # first third of the page belongs to its navigation, not to the end of the article)
        last = next(
            (i for i, (s, e) in enumerate(lines) if s > len(text) // 3 and self.related.fullmatch(text, s, e)),
            len(lines),
        )
        cut = lines[last][0] if last < len(lines) else None
        lines = lines[:last]
        self.read_page_prefix(doc, lines)
        before = doc.published
        first = self.skip_top(doc, lines)
        first = self.skip_banners(doc, lines, first)
        first = self.skip_kicker(doc, lines, first)
        # a dateline above the headline set ``published``: the site header's "today" unless none follows the headline
        above = doc.published if doc.published != before else None
        headline = False  # the headline was read from the text (not given by the caller)
        if doc.title is None and len(lines) > first + 1:
            s, e = lines[first]
            line = text[s:e].strip()
            # a page that prints its headline twice (breadcrumb, then heading) shows which line it is;
            # a lead printed twice (summary, then body) still opens with a lead opener
            repeated = any(text[a:b].strip() == line for a, b in lines[first + 1 : first + 10])
            after = text[lines[first + 1][0] : lines[first + 1][1]].strip()
            stopped = self.stopped_headline(line, after)
            if stopped:
                doc.explain(self.name, "title.stopped_headline", s, e)
            # under a page label ("Chi tiết tin") the line is the headline unless it ends with a stop
            labelled = first > 0 and bool(self.page_label.fullmatch(text, *lines[first - 1])) and not _SENTENCE_END.search(line)
            if (not repeated or self.lead_opener.match(line)) and not stopped and not labelled and self.is_lead(line):
                doc.explain(self.name, "title.lead", s, e)
            else:
                rule, tail = "dateline.headline_bracket", self.headline_bracket.search(text, s, e)
                if tail is None:
                    rule, tail = "dateline.headline_tail", self.headline_date.search(text, s, e)
                dated_at = tail and match_dateline(self.datelines, text, tail.start("tail"), tail.end("tail"))
                if tail and dated_at and tail.start() > s:
                    e = tail.start()  # "Ra quân huấn luyện 25/02/2024", "… (25/02/2024, 14:44)": the date is the dateline
                    if doc.published is None:
                        doc.published = dated_at[1]
                    doc.explain(self.name, rule, tail.start("tail"), tail.end("tail"))
                s, e, cuts = self.headline_chrome(text, s, e)
                for rule, a, b in cuts:
                    doc.explain(self.name, rule, a, b)
                doc.title = text[s:e].strip()
                doc.explain(self.name, "title.headline", s, e)
                first += 1
                headline = True
                if first < len(lines) - 1 and self.wrapped(doc.title, text[lines[first][0] : lines[first][1]].strip()):
                    a, b = lines[first]
                    doc.title = f"{doc.title} {text[a:b].strip()}"
                    doc.explain(self.name, "title.wrapped", a, b)
                    first += 1
        dated = None
        for i in range(first, min(first + _DATELINE_WINDOW, len(lines))):
            found = match_dateline(self.datelines, text, *lines[i])
            if found is None:
                continue
            if above and headline:
                self.header_today(doc, lines, first, i, before, found)
            else:
                self._read_dateline(doc, *lines[i], found)
            dated = i
            break
        if dated is None and doc.published is None and first < len(lines):
            day = match_agency_lead(self.agency_lead, text, *lines[first])
            if day:
                doc.published = day  # "Hà Nội (TTXVN 21/2/2024) Năm 2023, …": the agency's day opening the lead
                doc.explain(self.name, self.agency_lead[0], lines[first][0], text.find(")", lines[first][0]) + 1)
        top = self.byline_at_top(doc, lines, first, dated)
        tail = lines[first:]
        while len(tail) > 1 and self._dateline(doc, *tail[-1]):
            tail = tail[:-1]  # a date at the very end ("Minh Cường 02/09/2015 16:20")
        footers: list[tuple[int, int]] = []
        authors, end, kind, at = self.read_byline(text, tail, footers)
        if not authors and top:
            doc.authors = top
        if authors:
            doc.authors = authors
            line_end = text.find("\n", at)
            doc.explain(self.name, kind, at, line_end if line_end != -1 else len(text))
        for s, e in reversed(footers):
            credit = self.widget_credit.fullmatch(text[s:e].strip())
            if authors or credit:
                doc.explain(self.name, "byline.widget_credit" if credit else "byline.footer", s, e)
        if end is None:
            end = cut
        doc.body = (lines[0][0] if lines else 0, end if end is not None else len(text))
        if page and self.line_model is not None:
            self.read_with_model(doc)
        doc.reference = reference_date(doc.published, doc.title)

    def headline_chrome(self, text: str, s: int, e: int) -> tuple[int, int, list[tuple[str, int, int]]]:
        """The headline line ``s:e`` without the page's chrome around it, and each rule that cut with what it cut:
        ``title.site_tail`` ("… - Báo Mẫu Sơn", the site's name as a page's <title> prints it), ``title.cms_null``
        ("null Huyện Mẫu Sơn …", a template's empty field before it); one reading for the rules and the line model."""
        cuts: list[tuple[str, int, int]] = []
        site = self.site_tail.search(text, s, e)
        if site and text[s : site.start()].strip():
            cuts.append(("title.site_tail", site.start(), e))
            e = site.start()
        null = self.cms_null.match(text, s, e)
        if null:
            cuts.append(("title.cms_null", s, null.end()))
            s = null.end()
        return s, e, cuts

    def read_with_model(self, doc: Document) -> None:
        """``title.model``, ``dateline.model``, ``byline.model`` (data/vi/line_model.yaml): the learned line model's
        headline over a headline it scores far lower, its dateline and byline where the rules found none."""
        from qpextract.text.linemodel import LineValues, combine, page_shape, used_kinds

        lm = self.line_model
        assert lm is not None
        text = doc.text
        lines = lm.page_lines(text)
        if not lines:
            return
        shape = page_shape(text, lines)
        probs = lm.scores(lm.line_features(text, lines, shape))
        model = lm.read(text, lines, probs, self.model_thresholds, shape, used_kinds(self.model_rules))
        rules = LineValues(doc.title, doc.published, list(doc.authors))
        got, fired = combine(text, lines, probs, rules, model, self.model_rules, self.model_margin, shape)
        doc.title, doc.published, doc.authors = got.title, got.published, got.authors
        for rule, i in fired:
            doc.explain(self.name, rule, *lines[i])

    def read_page_prefix(self, doc: Document, lines: list[tuple[int, int]]) -> None:
        """``dateline.page_prefix``: " date 2023-11-09 …" opening the page gives ``published`` (a month stamp
        gives none); the rest of its line stays the first line (``lines`` is edited in place)."""
        if not lines:
            return
        s, e = lines[0]
        found = match_page_prefix(self.page_prefix, doc.text, s, e)
        if found is None:
            return
        published, rest = found
        if len(published) == len("2023-11"):
            # a month stamp is no printed dateline (web3a, web11c readers): no ``published``, no reference
            doc.explain(self.name, "dateline.page_prefix_month", s, rest)
        else:
            if doc.published is None:
                doc.published = published
            doc.explain(self.name, self.page_prefix[0], s, rest)
        if rest < e:
            lines[0] = (rest, e)
        else:
            del lines[0]

    def header_today(
        self,
        doc: Document,
        lines: list[tuple[int, int]],
        first: int,
        i: int,
        before: Optional[str],
        found: tuple[str, str, Optional[str]],
    ) -> None:
        """``dateline.header_today``: a dateline (``found``, line ``i``) under the headline when another stood above
        it: the one above is the site header's "today" (page chrome, no date record), the one under it the article's."""
        s, e = lines[i]
        doc.published = before
        self._read_dateline(doc, s, e, found)
        doc.chrome.extend(
            (a, b) for a, b in lines[: first - 1] if match_dateline(self.datelines, doc.text, a, b) is not None
        )
        doc.explain(self.name, "dateline.header_today", s, e)

    def byline_at_top(self, doc: Document, lines: list[tuple[int, int]], first: int, dated: Optional[int]) -> list[str]:
        """``byline.top``: names under the headline, after an opener ("Tác giả: …"), next to the dateline, or
        in capitals on the line right under it ("NGỌC MINH - HẢI ĐĂNG"), or one name alone there that opens
        with a family name ("Trần Minh Mẫu", his affiliation on the next line)."""
        text = doc.text
        for i in range(first, min(first + _DATELINE_WINDOW, len(lines) - 1)):
            s, e = lines[i]
            line = text[s:e].strip()
            beside = dated is not None and abs(i - dated) == 1
            capitals = i == first and doc.title is not None and line.isupper() and not self.chrome.fullmatch(line)
            words = line.split()
            # a bare name from a family name on, alone on the line under the headline ("Trần Minh Mẫu")
            bare = i == first and doc.title is not None and _is_name(words, 2, 4) and words[0] in self.surnames
            if (self.openers.match(line) or beside or capitals or bare) and not self.body_prefix.match(line):
                names = self.byline_names(line)
                if names:
                    doc.explain(self.name, "byline.top", s, e)
                    return names
        return []

    def skip_top(self, doc: Document, lines: list[tuple[int, int]]) -> int:
        """Index of the first line after datelines and chrome above the headline (``title.chrome``).

        A line printed twice in a row under a few short lines is the headline: what stands above it
        is the section name ("Quân đội nhân dân", then the headline twice).
        """
        text = doc.text
        first = counted = 0
        while first < len(lines) - 1 and counted < _CHROME_WINDOW:
            s, e = lines[first]
            if self.uncounted.fullmatch(text, s, e):
                # a skip link, a visit counter and its digits: one span
                while first + 1 < len(lines) - 1 and self.uncounted.fullmatch(text, *lines[first + 1]):
                    first += 1
                doc.explain(self.name, "title.uncounted", s, lines[first][1])
                first += 1
                continue
            counted += 1
            if self._dateline(doc, s, e):
                first += 1  # a dateline above the headline
            elif self.page_label.fullmatch(text, s, e):
                doc.explain(self.name, "title.page_label", s, e)  # "Chi tiết tin": the headline follows
                first += 1
            elif self.chrome.fullmatch(text, s, e):
                doc.explain(self.name, "title.chrome", s, e)
                first += 1
            elif self.related.fullmatch(text, s, e):
                doc.explain(self.name, "title.related_top", s, e)  # "Tin liên quan": other articles' headlines follow
                first += 1
            elif self.section.fullmatch(text, s, e) and self.headline_under(text, lines, first):
                doc.explain(self.name, "title.section", s, e)  # "Quốc phòng - An ninh / Quân sự địa phương"
                first += 1
            elif self.caption_line.fullmatch(text, s, e) and len(_WORDS.findall(text, s, e)) <= self.caption_max_words:
                doc.explain(self.name, "title.caption", s, e)  # "Toàn cảnh hội nghị" above the lead
                first += 1
            else:
                break
        for k in range(first + 1, min(first + 3, len(lines) - 1)):
            line = text[lines[k][0] : lines[k][1]].strip()
            above = [text[a:b].strip() for a, b in lines[first:k]]
            if line and line == text[lines[k + 1][0] : lines[k + 1][1]].strip() and all(
                len(_WORDS.findall(a)) <= 6 and not _SENTENCE_END.search(a) for a in above
            ):
                doc.explain(self.name, "title.chrome", lines[first][0], lines[k - 1][1])
                return k
        return first

    def headline_under(self, text: str, lines: list[tuple[int, int]], i: int) -> bool:
        """Whether the line under line ``i`` reads as the headline: longer than it but within ``max_title_words``, with
        no stop, and no lead nor dateline (a section name stands over the headline; a short headline stands over its lead or dateline)."""
        if i + 1 >= len(lines):
            return False
        line, under = text[lines[i][0] : lines[i][1]].strip(), text[lines[i + 1][0] : lines[i + 1][1]].strip()
        words = len(_WORDS.findall(under))
        if words <= len(_WORDS.findall(line)) or words > self.max_title_words or _SENTENCE_END.search(under):
            return False  # shorter, or too long for a headline: a sapo printed with no stop
        return not self.is_lead(under) and match_dateline(self.datelines, under) is None

    def skip_banners(self, doc: Document, lines: list[tuple[int, int]], first: int) -> int:
        """``title.banner``: index of the headline when lines above it are a site's banners.

        Above the lead a page may print lines in no fixed form (a slogan, a welcome line, a station's
        name in capitals or in English, a hotline): the headline is the first line that the lead
        restates (``headline_share`` of its words or more in the lead and the line after it); the
        lines passed over share little with the lead (under ``banner_share``) and with that headline
        alike, which a headline and the summary printed under it never do. A dateline among them is
        read as one above the headline."""
        text = doc.text
        stop = min(first + _CHROME_WINDOW, len(lines) - 1)
        lead = next((k for k in range(first, stop) if self.is_lead(text[lines[k][0] : lines[k][1]].strip())), None)
        if lead is None or lead < first + 2:
            return first  # no lead in sight, or nothing but one line above it
        ref = self._words(text[lines[lead][0] : lines[lead + 1][1]])
        # under a related heading ("Tin liên quan") the lines are other articles' headlines (title.listed)
        listed = first > 0 and bool(self.related.fullmatch(text, *lines[first - 1]))
        for j in range(first, lead):
            line = text[lines[j][0] : lines[j][1]].strip()
            words = self._words(line)
            if pair_share(words, ref) < self.banner_headline_share or _SENTENCE_END.search(line):
                continue  # a summary under the headline ends with a stop: never the headline here
            if j == first or (not listed and any(
                pair_share(self._words(text[a:b]), ref | words) >= self.banner_share for a, b in lines[first:j]
            )):
                return first
            for a, b in lines[first:j]:
                if not self._dateline(doc, a, b):
                    doc.explain(self.name, "title.listed" if listed else "title.banner", a, b)
            return j
        return first

    def skip_kicker(self, doc: Document, lines: list[tuple[int, int]], first: int) -> int:
        """``title.kicker``: a short line above the headline that names its topic ("Diễn tập khu vực phòng thủ" over
        "Huyện Mẫu Sơn tổ chức diễn tập khu vực phòng thủ năm 2024") is a kicker, not the headline: it has at most
        ``kicker_max_words`` words and no stop, half its word pairs or more stand in the longer headline line under
        it, and the lead or a dateline follows that line."""
        if len(lines) < first + 3:
            return first
        text = doc.text
        kicker, head, after = (text[a:b].strip() for a, b in lines[first : first + 3])
        words, head_words = len(_WORDS.findall(kicker)), len(_WORDS.findall(head))
        if words > self.kicker_max_words or _SENTENCE_END.search(kicker) or _SENTENCE_END.search(head):
            return first
        if head_words <= words or head_words > self.max_title_words or self.is_lead(head):
            return first
        if not (self.is_lead(after) or match_dateline(self.datelines, text, *lines[first + 2])):
            return first
        if pair_share(self._words(kicker), self._words(head)) < self.banner_headline_share:
            return first
        doc.explain(self.name, "title.kicker", *lines[first])
        return first + 1

    def _words(self, text: str) -> set[tuple[str, str]]:
        """The pairs of neighbouring words of ``text`` in lower case (two-syllable words are the unit of
        Vietnamese meaning: "Bắc Sơn" is not "Lạng Sơn"), but pairs of the commonest function words."""
        return word_pairs(text, self.banner_common)

    def wrapped(self, title: str, line: str) -> bool:
        """``title.wrapped``: a headline the page broke over two lines ("Huyện Mẫu Sơn tổ chức hội nghị tổng kết công
        tác" / "quốc phòng năm 2023"): the line under it opens in lower case, is short, has no stop, and the headline
        ends in no punctuation and stays within ``max_title_words`` with it."""
        if not line or not line[0].islower() or _SENTENCE_END.search(line) or _SENTENCE_END.search(title):
            return False
        if match_dateline(self.datelines, line) is not None:
            return False  # "admin gửi vào T3, 2024-02-20 07:45": a portal's dateline
        if self.openers.match(line) or self.caption.search(line) or self.body_prefix.match(line):
            return False  # "bởi Minh Cường", "theo Báo Mẫu Sơn", "ảnh: …": a byline, a source, a credit
        words = len(_WORDS.findall(line))
        return words <= self.kicker_max_words * 2 and words + len(_WORDS.findall(title)) <= self.max_title_words

    def stopped_headline(self, line: str, after: str) -> bool:
        """``title.stopped_headline``: a portal headline closed by a full stop ("UBND huyện tổ chức Hội nghị
        tổng kết … năm 2017.") is no lead when the line under it is the dated lead ("Ngày 10/01/2017, …") or a
        dateline ("29/04/2021") and it opens with no time or tag itself."""
        if not line.endswith(".") or line.endswith("..") or len(_WORDS.findall(line)) > self.max_title_words:
            return False
        if self.lead_opener.match(line) or self.lead_dated.match(line) or self.lead_tag.match(line):
            return False
        if self.lead_bare_tag.match(line) or _INNER_STOP.search(line[:-1]):
            return False
        if match_dateline(self.datelines, after) is not None:
            return True  # a dateline under it ("29/04/2021"): the page's headline, printed with a stop
        return bool(self.lead_dated.match(after)) and len(_WORDS.findall(after)) >= self.lead_dated_min_words

    def is_lead(self, line: str) -> bool:
        """Whether a first line is the lead sentence rather than a headline."""
        words = len(_WORDS.findall(line))
        if self.lead_tag.match(line):
            return True
        if words >= self.lead_dated_min_words and self.lead_dated.match(line):
            return True  # "Sáng 8/4, huyện tổ chức …" cut before its full stop
        if self.lead_bare_tag.match(line) and (line.endswith(".") or words >= self.lead_min_words):
            return True  # "BHG - Sáng 5.2, huyện tổ chức…"
        if words > self.max_title_words and (
            words > self.max_unstopped or _SENTENCE_END.search(line) or _INNER_STOP.search(line)
        ):
            return True  # a long headline is one clause without a final stop
        if line.endswith(".") and not line.endswith(".."):  # a headline has no full stop
            return words >= self.lead_min_words or bool(self.lead_opener.match(line))
        if line.endswith(("?", "!", "…", "...")) or self.lead_opener.match(line):
            return words >= self.lead_question_words
        return False

    def _dateline(self, doc: Document, start: int, end: int) -> bool:
        """Read a dateline line into ``doc`` (published, author); False when it is none."""
        found = match_dateline(self.datelines, doc.text, start, end)
        if found is None:
            return False
        self._read_dateline(doc, start, end, found)
        return True

    def _read_dateline(self, doc: Document, start: int, end: int, found: tuple[str, str, Optional[str]]) -> None:
        """Read a matched dateline (``found``: rule, published, author) into ``doc``: published and author where
        it has none yet, and the rule that matched."""
        rule, published, author = found
        if doc.published is None:
            doc.published = published
        if author and not doc.authors:
            doc.authors = self.byline_names(author) or [author]  # "Trung Thực - Giang Biên" gives two
        doc.explain(self.name, rule, start, end)

    def read_byline(
        self, text: str, lines: list[tuple[int, int]], footers: Optional[list[tuple[int, int]]] = None
    ) -> tuple[list[str], int | None, str, int]:
        """Authors from the last lines, where the body ends (the byline starts when nothing but it
        follows, else None), the rule, and where the byline line starts; the page's buttons passed over under
        it (``byline.footer``) are added to ``footers``.

        Photo captions and related links may stand after the byline: lines that
        look like captions, and every line after a large gap (three newlines)
        near the end, are passed over.
        """
        tail = lines[-self.max_tail :]
        gap = text.rfind("\n\n\n", tail[0][0] if tail else 0, tail[-1][1] if tail else None)
        authors: list[str] = []
        end: int | None = None
        kind = "byline.names"
        at = -1
        trailing = True  # only captions/byline seen so far, from the end
        for s, e in reversed(tail):
            line = text[s:e].strip()
            if _LONE_MARKS.fullmatch(line):
                continue  # "Nguyễn Thắng" then a lone ";" or "." the page left: no text
            if self.widget_credit.fullmatch(line):
                authors, at, kind = [], -1, "byline.names"  # byline.widget_credit: the names under it are its maker's
                end = s if trailing else end
                if footers is not None:
                    footers.append((s, e))
                continue
            if self.reporter.fullmatch(line):
                authors = [line.rstrip(".")] + authors  # "PV", "Nhóm PV": the paper's reporter, as printed
                end = s if trailing else end
                kind = "byline.reporter"
                at = s
                continue
            if self.openers.match(line):
                names = self.byline_names(line)
                if names is not None:  # "Tin, ảnh: XUÂN CƯỜNG - THÁI PHƯƠNG"
                    authors = names + authors
                    end = s if trailing else end
                    kind = "byline.opener"
                    at = s
                    continue
            if self.body_prefix.match(line) and len(line) <= self.max_line:
                end = s if trailing else end  # "Theo VOV": a source, not an author
                continue
            names = self.byline_names(line)
            if names is None and not authors and (names := self.stopped_byline(text, s, line)):
                kind = "byline.stopped"  # "Hoàng Phi.": a name line the page closed with a stop
            if names is not None:
                if self.affiliation.search(line):
                    kind = "byline.affiliation"  # "Lê Văn Bình - Bí thư Đảng ủy xã …": the post is dropped
                elif self.source_tag.search(line):
                    kind = "byline.source_tag"  # "Xuân Huy - ĐTP", "Thu Hòa/VOV4": the tag is dropped
                authors = names + authors
                end = s if trailing else end
                at = s
                continue
            if authors:
                break  # the body before the byline
            if self.chrome.fullmatch(line) and not _SENTENCE_END.search(line):
                if footers is not None:
                    footers.append((s, e))
                continue  # byline.footer: a page's buttons under the byline ("In bài", "Gửi email", "Chia sẻ")
            glued = _GLUED_BYLINE.search(text, s, e)
            if glued and self.caption.search(glued.group(1)):
                glued = None  # the end of a photo caption ("… Nguyễn Văn A - Ảnh: TV")
            if glued and trailing and not self.body_prefix.match(glued.group(1)) and (names := self.byline_names(glued.group(1))):
                return names, glued.start(1), "byline.glued", glued.start(1)  # "... công tác tuyển quân. Nguyên Hoa"
            caps = self.caps_glued.search(text, max(s, e - 80), e)
            if caps and trailing and (names := self.byline_names(caps.group(1))):
                return names, caps.start(1), "byline.caps_glued", caps.start(1)  # "... nghĩa trang XUÂN HOÀNG thực hiện"
            run_in = self.run_in_byline(text, s, e) if trailing else None
            if run_in:
                return run_in
            if (gap != -1 and s > gap) or self.caption.search(line):
                trailing = False  # a caption or related link after the byline
                continue
            break
        if not authors:
            return self.byline_before_captions(text, tail)
        return authors, end, kind, at

    def stopped_byline(self, text: str, at: int, line: str) -> list[str] | None:
        """``byline.stopped``: the last line is one name closed by a full stop ("Hoàng Phi."); its first
        syllable must be a family name, so that a short sentence ("Xin cảm ơn.") is never read as one, and the
        article must not name that person elsewhere but in a photo credit ("Ảnh: Hoàng Phi"): a caption under
        the article naming someone it reports on ("Đối tượng Đặng Văn A.") is no byline."""
        if not line.endswith(".") or line.endswith(".."):
            return None
        words = line[:-1].split()
        if not _is_name(words, 2, 4) or words[0] not in self.surnames:
            return None
        name = " ".join(words)
        for m in regex.finditer(regex.escape(name), text[:at]):
            if not self.photo_credit.search(text, max(0, m.start() - 12), m.start()):
                return None
        return self.byline_names(name)

    def run_in_byline(self, text: str, s: int, e: int) -> tuple[list[str], int, str, int] | None:
        """``byline.dash_end`` ("… NT Nguyễn Thuận -") and ``byline.name_source`` ("… Trung Hiếu/VOV.VN")."""
        lo = max(s, e - _TAIL_WINDOW)
        tail = text[lo:e].rstrip()
        m = self.name_source.search(text, lo, e) if "/" in tail[-60:] else None
        if m and (names := self.byline_names(m.group(1))):
            return names, m.start(1), "byline.name_source", m.start(1)
        m = self.dash_end.search(text, lo, e) if tail.endswith(("-", "–")) else None
        if m:
            words = m.group(1).split()
            first = next((i for i, w in enumerate(words) if w in self.surnames and 2 <= len(words) - i <= 4), len(words) - 2)
            start = m.start(1) + len(" ".join(words[:first])) + (1 if first else 0)
            names = self.byline_names(" ".join(words[first:]))
            if names:
                return names, start, "byline.dash_end", start
        return None

    def byline_before_captions(self, text: str, tail: list[tuple[int, int]]) -> tuple[list[str], int | None, str, int]:
        """A byline line followed by a blank line and only short photo captions to the end."""
        for k in range(len(tail) - 2, -1, -1):
            s, e = tail[k]
            after = tail[k + 1 :]
            if any(b - a > self.max_caption for a, b in after):
                break
            line = text[s:e].strip()
            if self.body_prefix.match(line):
                break  # "Theo TTXVN": a source
            if "\n\n" in text[e : after[0][0] + 1] and (names := self.byline_names(line)):
                return names, None, "byline.before_captions", s
        return [], None, "byline.names", -1

    def byline_names(self, line: str) -> list[str] | None:
        """The names on a byline line, or None when the line is not a byline."""
        if len(line) > self.max_line or _SENTENCE_END.search(line):
            return None
        opened = bool(self.openers.match(line))
        line = self.trailers.sub("", self.source_trailers.sub("", self.affiliation.sub("", self.openers.sub("", line))))
        line = line.strip(" -–()")
        names = []
        for part in self.separators.split(line):
            part = part.strip()
            rank = self.byline_rank.match(part)
            if rank and (opened or part[rank.end() :].isupper()):
                part = part[rank.end() :]  # "Bài, ảnh: Thiếu tá Nguyễn Văn An", "Đại úy NGUYỄN VĂN AN": the rank is dropped
            if names and self.body_prefix.match(part):
                continue  # "Hà Linh/Báo Tin Tức": the paper is a source, not an author
            if _INITIALS.fullmatch(part) or (
                (m := _INITIALS.match(part)) and _is_name(part[m.end() :].split(), 1, 3)
            ):
                names.append(_titlecase(part))  # "H.LAN", "Q.T", "T. Hùng", "N.T Minh"
                continue
            words = part.split()
            if len(words) > 2 and _TAG.fullmatch(words[0]) and _initials(words[1:]) == _initials([words[0]]):
                words = words[1:]  # "NT Nguyễn Thuận": the tag is the name's initials
            if not _is_name(words, 2, 4):
                return None
            names.append(_titlecase(" ".join(words)))
        return names or None


def _is_name(syllables: list[str], least: int, most: int) -> bool:
    return least <= len(syllables) <= most and all(_NAME_SYLLABLE.fullmatch(w) for w in syllables)


def _initials(words: list[str]) -> str:
    """First letters without marks ("Trịnh Thái Bằng" → "TTB"); a single word of capitals is its own."""
    letters = words[0] if len(words) == 1 else "".join(w[0] for w in words)
    return unmarked(letters.upper())


def _titlecase(name: str) -> str:
    """A name in capitals written as names are ("TRẦN HÙNG" → "Trần Hùng", "H.LAN" → "H.Lan")."""
    return regex.sub(r"\p{Lu}{2,}+", lambda m: m.group().capitalize(), name)


def _parts(cfg: dict[str, Any]) -> dict[str, str]:
    """The named parts of data/vi/datelines.yaml's templates ("{date}", "{month_vi}", "{opener}"), built once per load
    (the byline openers read from data/vi/byline.yaml, not once per template)."""
    parts: dict[str, str] = dict(cfg["parts"])
    byline = read_yaml("byline.yaml")  # {opener}: the byline openers, written once (data/vi/byline.yaml)
    openers = sorted(byline["openers"] + byline["reporter_labels"], key=len, reverse=True)
    parts["opener"] = "(?i:" + "|".join(
        regex.escape(o[:-1]) + r"\s*:" if o.endswith(":") else regex.escape(o) + r"\s*:?" for o in openers
    ) + ")"
    for lang, words in cfg["month_words"].items():  # longest first: "mười hai" before "mười"
        alternation = literal_alternation(words)
        parts[f"month_{lang}"] = f"(?i:{alternation})" if lang == "vi" else f"(?:{alternation})\\.?"
    return parts


def _expand(template: str, parts: dict[str, str]) -> str:
    """A template with its named ``parts`` written out: a dateline of data/vi/datelines.yaml ("{date}"), a trailer
    pattern of data/vi/byline.yaml ("{unit_heads}"); a brace group no part names (``\\p{Lu}``) stays as written."""
    body = template
    while (expanded := _PART.sub(lambda m: parts.get(m.group(1), m.group()), body)) != body:
        body = expanded  # parts name other parts: {date} holds {month_date}, which holds {month_vi}
    return body


def load_datelines() -> list[tuple[str, regex.Pattern[str]]]:
    """The dateline rules of data/vi/datelines.yaml, compiled to whole-line patterns."""
    cfg = read_yaml("datelines.yaml")
    parts = _parts(cfg)
    head, tail = _expand(cfg["chrome_head"], parts), _expand(cfg["chrome_tail"], parts)
    rules = []
    for rule in cfg["rules"]:
        body = _expand(rule["pattern"], parts)
        # a bullet the page prints before any of them ("  • Cập nhật: …")
        rules.append((rule["name"], regex.compile(r"\s*(?:[•·]\s*)?" + head + r"(?:" + body + r")" + tail + r"\s*")))
    return rules


def load_agency_lead() -> tuple[str, regex.Pattern[str]]:
    """The ``agency_lead`` rule of data/vi/datelines.yaml, its parts expanded: its name and pattern."""
    cfg = read_yaml("datelines.yaml")
    return cfg["agency_lead"]["name"], regex.compile(_expand(cfg["agency_lead"]["pattern"], _parts(cfg)))


def match_agency_lead(rule: tuple[str, regex.Pattern[str]], text: str, start: int = 0, end: Optional[int] = None) -> Optional[str]:
    """The ISO day (and time) an agency's bracket opening the lead prints ("Hà Nội (TTXVN 21/2/2024) …"), else None."""
    m = rule[1].match(text, start, len(text) if end is None else end)
    if m is None or not is_day(int(m.group("y")), _month(m), int(m.group("d"))):
        return None
    return _iso(m)


def load_page_prefix() -> tuple[str, regex.Pattern[str]]:
    """The page-metadata prefix rule of data/vi/datelines.yaml (``page_prefix``): its name and pattern."""
    rule = read_yaml("datelines.yaml")["page_prefix"]
    return rule["name"], regex.compile(rule["pattern"])


def match_page_prefix(
    rule: tuple[str, regex.Pattern[str]], text: str, start: int = 0, end: Optional[int] = None
) -> Optional[tuple[str, int]]:
    """(published value at the precision printed, where the rest of the line starts) of a page prefix, else None."""
    m = rule[1].match(text, start, len(text) if end is None else end)
    if m is None or not 1 <= int(m.group("m")) <= 12 or (m.group("d") and not 1 <= int(m.group("d")) <= 31):
        return None
    value = f"{m.group('y')}-{m.group('m')}"
    if m.group("d"):
        value += f"-{m.group('d')}"
        if m.group("H") and int(m.group("H")) < 24 and int(m.group("M")) < 60:
            value += f"T{m.group('H')}:{m.group('M')}"
    return value, m.end()


def match_dateline(
    rules: list[tuple[str, regex.Pattern[str]]], text: str, start: int = 0, end: Optional[int] = None
) -> Optional[tuple[str, str, Optional[str]]]:
    """(rule, published ISO value, author or None) of a whole dateline line, else None."""
    end = len(text) if end is None else end
    if end - start > 120:
        return None
    for name, pattern in rules:
        m = pattern.fullmatch(text, start, end)
        if m and is_day(int(m.group("y")), _month(m), int(m.group("d"))):
            return name, _iso(m), _titlecase(m.group("name")) if "name" in m.groupdict() and m.group("name") else None
    return None


@lru_cache(maxsize=1)
def _month_numbers() -> dict[str, int]:
    """The months printed as words (data/vi/datelines.yaml ``month_words``), keyed in lower case."""
    words = read_yaml("datelines.yaml")["month_words"]
    return {w.lower(): n for table in words.values() for w, n in table.items()}


def _month(m: Any) -> int:
    """The month of a dateline match: its digits, or the number of its month word ("Tháng Mười Hai" → 12)."""
    if m.groupdict().get("m"):
        return int(m.group("m"))
    word = regex.sub(r"^tháng\s+|\.$", "", m.group("mw").lower())
    return _month_numbers().get(" ".join(word.split()), 0)


def is_day(year: int, month: int, day: int) -> bool:
    """A calendar day ("31/02/2024" is none: a dateline printing it gives no ``published``)."""
    try:
        _dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _iso(m: Any) -> str:
    g = m.groupdict()
    return day_stamp(int(g["y"]), _month(m), int(g["d"]), g.get("H"), g.get("M"), g.get("ap"))


def day_stamp(year: int, month: int, day: int, hour: Optional[str], minute: Optional[str], half: Optional[str]) -> str:
    """The ISO day a page prints, with its time when one is printed and is a time of day ("02:25 CH" (chiều) is
    14:25; "08:75" is none and leaves the day alone); shared by the dateline rules and text/linemodel.py."""
    out = f"{year:04d}-{month:02d}-{day:02d}"
    time = clock(int(hour), int(minute), half) if hour and minute else None
    return out + "T" + time if time else out


def reference_date(published: str | None, title: str | None) -> Reference:
    """SPEC reference date: ``published`` if known, else a year in the title."""
    if published:
        m = _PUBLISHED.match(published)
        if m:
            day = int(m.group(3)) if m.group(3) else None  # a month-precision dateline ("2023-11")
            return Reference(int(m.group(1)), int(m.group(2)), day, "published")
    if title:
        years = _YEAR.findall(title)
        if years:
            return Reference(int(years[-1]), None, None, "title")
    return Reference()
