"""How the press writes out the forms of the abbreviation table, against the table's wording (issue #11, session 15).

    python tools/abbreviations_renderings.py CORPUS.jsonl [--all] > renderings.tsv
    python tools/abbreviations_renderings.py CORPUS.jsonl --unknown > unknown.tsv
    python tools/abbreviations_renderings.py CORPUS.jsonl --beside > beside.tsv
    python tools/abbreviations_renderings.py CORPUS.jsonl --rows > rows.tsv

Give it the no-held-out wild corpus (/work/wt/wild/articles-no-heldout.jsonl). Two sources of written wordings, each
counted once per article and keyed by the scorer's fold (evaluate.fold: case, spacing, dashes, tone placement):

- ``corpus``: the in-text definitions the tagger reads in the corpus's articles (``AbbreviationTagger.definitions``
  over title and text: "Tên đầy đủ (ABC)", "ABC (Tên đầy đủ)", "…, gọi tắt là ABC", a rendering written out, the
  table's own name written before the form, ``abbr.defined_table``; not a newspaper tag), and the tool's own plain
  match of every wording seen (and the table's) written right beside the form, "Wording (FORM)", "FORM (Wording)";
- ``dev``: the expansions the development gold readers wrote (``SETS``: seeds, real, dev2 … dev10 and the web-page dev
  sets by path, named one by one; never a wildcard over corpus/gold, so no held-out file is opened).

An article in both (a dev input that is also a corpus article) counts once for a wording: the support of a wording is
the set of article ids behind it. Default mode: per table form that either source writes out, the table's wording, the
most frequent written wording with its counts (articles in the corpus, in the dev gold, independent articles in all),
the table wording's own support, how many corpus articles write each of the two anywhere (``written``, as
tools/abbreviation_coverage.py counts it), and ``differs`` (whether the fold of the two differs). The kind is
``adopt`` where the corpus and the dev readers agree on a wording other than the table's (both write it, in two
independent articles at least, it has more support than the table's wording, and the dev readers of articles that
do not define the form, ``unglossed``, write it as often as the table's at least, and so do the corpus's articles
anywhere, ``written``; a reader still reads each: a homonym glossed twice is no rendering of the table's body),
``differs`` for any other
disagreement, ``same`` otherwise (printed with ``--all``).

``--unknown``: the forms the pipeline leaves with a null expansion in some corpus article (a record of the first
three components, rule ``abbr.unknown``) that other articles define in-text (or dev readers expand): per form, the
articles left unknown, the most frequent wording with its support, and kind ``add`` where that wording stands on two
independent articles at least and no other wording has as much.

``--beside``: the names the tagger does not read as a definition, so that the pipeline gives the table's wording in
an article that writes another name right before "(FORM)" ("Bưu Điện Hoa Nam Buổi Sáng (SCMP)", an outlet, which
abbr.defined_rendering never takes): per form, the longest run of closing words two or more such articles share, when
it is neither the table's wording nor a listed rendering (nor their closing words): a candidate row of
abbreviation_renderings.tsv, kind ``rendering``, for a reader (a qualifier such as "tự xưng" is no part of a name).

``--rows`` (session 16, abbr24): per row of abbreviations.tsv whose wording the corpus writes out, the press's frequency
of the table's wording against its longer and other renderings: (a) the articles that write the table's words alone
(not followed by a capitalised word: the name does not go on), (b) the articles that write them followed by one to
three capitalised words up to the next punctuation or lower-case word (a country, "… Nhân dân Trung Quốc"; the
longer rendering, grouped by those words), (c) the article's own definitions of the form ("<words> (FORM)",
"FORM (<words>)", the tagger's and the plain match of ``glossed_beside``) grouped by their folded words, and the dev
readers' expansions of the form per set. A wording's count is its articles: (a), each longer rendering of (b), each
definition of (c) (a generic gloss, "quân đội Trung Quốc" for PLA, counts where it defines the form only). One line per
row where the most frequent wording of the corpus, or the dev readers' most frequent one, is not the table's: kind ``agree`` where both
name the same other wording (a candidate change, read before it is made), ``corpus`` or ``dev`` where only one
source prefers another wording, ``split`` where they prefer two different others.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterator, Optional

import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))

from abbreviation_coverage import Corpus  # noqa: E402
from abbreviations_conventions import _articles  # noqa: E402
from qpextract.evaluate import fold  # noqa: E402
from qpextract.pipeline import Pipeline  # noqa: E402
from qpextract.text.abbreviations import AbbreviationTagger, _Rendering as _RenderingRow, abbreviation_rows, canonical  # noqa: E402
from qpextract.data import read_tsv  # noqa: E402
from qpextract.text.metadata import MetadataReader  # noqa: E402
from qpextract.text.segment import SentenceSegmenter  # noqa: E402

# the development sets, named one by one; a web set is a path prefix (NAME.jsonl, NAME-inputs.jsonl)
SETS = ("seeds", "real", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10",
        "/work/webdev3/web3a", "/work/webdev3/web3b", "/work/webdev5/web11c", "/work/webdev5/web11d",
        "/work/webdev7/web12e", "/work/webdev9/web13f", "/work/webdev9/web13g")
# in-text definition rules that are no evidence of how an article writes a name: a newspaper tag read from the
# province's initials (abbr.defined_table, the table's own name written before the form, is evidence for the table)
_NOT_EVIDENCE = frozenset({"abbr.newspaper_tag"})
COLUMNS = ["kind", "short", "table", "top", "top_corpus", "top_dev", "top_articles", "table_articles", "unglossed_top",
           "unglossed_table", "written_top", "written_table", "differs", "others"]
UNKNOWN_COLUMNS = ["kind", "short", "unknown_articles", "top", "top_corpus", "top_dev", "top_articles", "others"]
BESIDE_COLUMNS = ["kind", "short", "table", "beside", "articles", "examples"]
ROWS_COLUMNS = ["kind", "short", "table", "table_alone", "top", "top_articles", "longer", "defined",
                "dev_top", "dev_table", "dev_by_set"]
# one to three capitalised words right after a name, before punctuation or a lower-case word: the name goes on (a
# word in capitals, the form itself in "Quân đội Syria tự do FSA", is no part of it)
_NAME_TAIL = regex.compile(r"(?:[ \u00a0]++\p{Lu}\p{Ll}[\p{L}\p{M}]*+(?![\p{L}\p{M}\p{N}]))(?:[ \u00a0]++\p{Lu}\p{Ll}[\p{L}\p{M}]*+(?![\p{L}\p{M}\p{N}])){0,2}")
# up to eight words right before "(FORM)" in one clause: the run whose shared tail names the body
_BEFORE_BRACKET = regex.compile(r"((?:[^\s(),.;:!?]++\s++){1,8})\(\s*+$")


class Wordings:
    """The written wordings of one short form: fold -> article ids per source, and the first spelling seen."""

    def __init__(self) -> None:
        self.corpus: dict[str, set[str]] = defaultdict(set)
        self.dev: dict[str, set[str]] = defaultdict(set)
        self.unglossed: dict[str, set[str]] = defaultdict(set)  # dev readers in articles that do not define the form
        self.sets: dict[str, Counter] = defaultdict(Counter)  # fold -> dev set name -> articles
        self.shown: dict[str, str] = {}

    def add(self, source: str, wording: str, article: str, glossed: bool = True, set_name: str = "") -> None:
        """Count ``wording`` for ``article`` in ``source`` (corpus or dev; a dev article that does not define the form
        in its text, ``glossed`` false, is counted apart too: there the table's wording is what the pipeline gives;
        ``set_name`` names the dev set, counted per set for ``--rows``)."""
        key = fold(wording)
        (self.corpus if source == "corpus" else self.dev)[key].add(article)
        if source == "dev" and not glossed:
            self.unglossed[key].add(article)
        if source == "dev" and set_name:
            self.sets[key][set_name] += 1
        self.shown.setdefault(key, wording)

    def support(self, key: str) -> set[str]:
        """The independent articles behind one folded wording (both sources, an article once)."""
        return self.corpus.get(key, set()) | self.dev.get(key, set())

    def ranked(self) -> list[str]:
        """The folded wordings, the most supported first (ties: more corpus articles, then the fold)."""
        keys = set(self.corpus) | set(self.dev)
        return sorted(keys, key=lambda k: (-len(self.support(k)), -len(self.corpus.get(k, ())), k))

    def describe(self, key: str) -> str:
        """``wording (corpus c, dev d/u unglossed)`` for the others column."""
        return (f"{self.shown[key]} (corpus {len(self.corpus.get(key, ()))}, dev {len(self.dev.get(key, ()))}"
                f"/{len(self.unglossed.get(key, ()))})")


def _pipeline() -> tuple[Pipeline, AbbreviationTagger]:
    tagger = AbbreviationTagger()
    return Pipeline([MetadataReader(), SentenceSegmenter(), tagger]), tagger


def corpus_survey(articles: list[dict], forms: Optional[dict[str, str]]) -> tuple[dict[str, Wordings], dict[str, set[str]]]:
    """In-text definitions per canonical form (of ``forms`` when given, fold -> table short), and the articles where
    the pipeline leaves each form with a null expansion (rule abbr.unknown)."""
    pipe, tagger = _pipeline()
    words: dict[str, Wordings] = defaultdict(Wordings)
    unknown: dict[str, set[str]] = defaultdict(set)
    for art in articles:
        aid = str(art["id"])
        doc = pipe.document(art["text"], id=aid, title=art.get("title"))
        for field_text in (doc.text, doc.title or ""):
            for short, (expansion, rule) in tagger.definitions(field_text).items():
                if rule in _NOT_EVIDENCE or not expansion:
                    continue
                key = forms.get(fold(short)) if forms is not None else short
                if key is not None:
                    words[key].add("corpus", expansion, aid)
        for a in doc.abbreviations:
            if a.rule == "abbr.unknown" and a.expansion is None:
                unknown[canonical(" ".join(a.short.split()))].add(aid)
    return words, unknown


def dev_survey(words: dict[str, Wordings], forms: Optional[dict[str, str]], sets: tuple[str, ...] = SETS) -> None:
    """Add the dev readers' non-null expansions, per article, to ``words`` (keyed as corpus_survey keys them)."""
    pipe, tagger = _pipeline()
    for name in sets:
        for art, gold in _gold_articles(name):
            doc = pipe.document(art["text"], id=str(art["id"]), title=art.get("title"))
            defined = {fold(k) for t in (doc.text, doc.title or "") for k, (_, rule) in tagger.definitions(t).items()
                       if rule not in _NOT_EVIDENCE}
            for short, expansion in (gold.get("abbreviations") or {}).items():
                if not expansion:
                    continue
                key = forms.get(fold(short)) if forms is not None else canonical(" ".join(short.split()))
                if key is not None:
                    words[key].add("dev", expansion, str(art["id"]), glossed=fold(short) in defined,
                                   set_name=name.rsplit("/", 1)[-1])


def _table_survey(articles: list[dict], sets: tuple[str, ...]) -> tuple[dict[str, str], dict[str, Wordings]]:
    """The table's wording per form and the wordings of the table's forms written in the corpus and by the dev readers
    of ``sets``: what the default mode and ``--rows`` both weigh."""
    table = {e.short: e.expansion for e in abbreviation_rows()}
    forms = {fold(s): s for s in table}
    words, _ = corpus_survey(articles, forms)
    dev_survey(words, forms, sets)
    return table, words


def _texts(articles: list[dict]) -> list[str]:
    """Each article's title over its text, as the corpus surveys read them."""
    return [f"{a.get('title') or ''}\n{a['text']}" for a in articles]


def _gold_articles(name: str) -> Iterator[tuple[dict, dict]]:
    """(input, gold) pairs of one development set, skipping a set whose files are absent."""
    try:
        yield from _articles(name)
    except FileNotFoundError:
        return


def glossed_beside(articles: list[dict], short: str, wordings: dict[str, str]) -> dict[str, set[str]]:
    """Articles that write a wording right beside the form, "Wording (FORM)" or "FORM (Wording)" (case aside): the
    glosses the tagger reads through abbr.written_out rather than ``definitions`` (its rule names no wording when the
    article writes the table's own name), counted by the tool's own plain match. ``wordings``: fold -> as written."""
    out: dict[str, set[str]] = defaultdict(set)
    form = regex.escape(short).replace(r"\-", r"\s?[-–]\s?")
    for art in articles:
        text = f"{art.get('title') or ''}\n{art['text']}"
        if short not in text:
            continue
        folded = unicodedata.normalize("NFC", text).casefold()
        for key, wording in wordings.items():
            name = r"\s+".join(regex.escape(w) for w in unicodedata.normalize("NFC", wording).casefold().split())
            if regex.search(rf"(?<![\p{{L}}\p{{N}}]){name}\s*\(\s*{form.casefold()}\s*\)|(?<![\p{{L}}\p{{N}}]){form.casefold()}\s*\(\s*{name}\s*\)", folded):
                out[key].add(str(art["id"]))
    return out


def renderings(articles: list[dict], show_all: bool = False, sets: tuple[str, ...] = SETS) -> list[list[object]]:
    """The rows of the default mode: per table form written out somewhere, the table's wording against the top one."""
    table, words = _table_survey(articles, sets)
    corpus = Corpus(_texts(articles))
    rows: list[list[object]] = []
    for short, w in words.items():
        shown = {**w.shown, fold(table[short]): table[short]}
        for key, ids in glossed_beside(articles, short, shown).items():
            w.corpus[key] |= ids
            w.shown.setdefault(key, shown[key])
    for short in sorted(words, key=lambda s: (-len(words[s].support(words[s].ranked()[0])), s)):
        w = words[short]
        top = w.ranked()[0]
        own = fold(table[short])
        top_support, own_support = w.support(top), w.support(own)
        differs = top != own
        agree = bool(w.corpus.get(top)) and bool(w.dev.get(top))
        # where the article does not define the form the pipeline gives the table's wording: the readers there decide
        unglossed_top, unglossed_own = len(w.unglossed.get(top, ())), len(w.unglossed.get(own, ()))
        written = corpus.written([w.shown[top], table[short]])
        written_top, written_own = written.get(w.shown[top].casefold(), 0), written.get(table[short].casefold(), 0)
        # the press's rendering: the corpus writes the top wording anywhere at least as often as the table's (a homonym,
        # "NSA" glossed "Quân đội Syria Mới", still passes: an ``adopt`` row is read before the table takes it)
        if (differs and agree and len(top_support) >= 2 and len(top_support) > len(own_support)
                and unglossed_top >= unglossed_own and written_top >= written_own):
            kind = "adopt"
        elif differs:
            kind = "differs"
        else:
            kind = "same"
        if kind == "same" and not show_all:
            continue
        rows.append([kind, short, table[short], w.shown[top], len(w.corpus.get(top, ())), len(w.dev.get(top, ())),
                     len(top_support), len(own_support), unglossed_top, unglossed_own, written_top, written_own, "yes" if differs else "no",
                     " | ".join(w.describe(k) for k in w.ranked()[1:5]) or "-"])
    return rows


def unknowns(articles: list[dict], sets: tuple[str, ...] = SETS) -> list[list[object]]:
    """The rows of ``--unknown``: forms left unknown in some article that others write out."""
    table = {fold(e.short) for e in abbreviation_rows()}
    words, unknown = corpus_survey(articles, None)
    dev_survey(words, None, sets)
    rows: list[list[object]] = []
    for short in sorted(unknown, key=lambda s: (-len(unknown[s]), s)):
        if fold(short) in table or short not in words:
            continue
        w = words[short]
        ranked = w.ranked()
        top = ranked[0]
        # the defining articles must be other than the ones left unknown ("another article defines it")
        support = w.support(top)
        second = len(w.support(ranked[1])) if len(ranked) > 1 else 0
        kind = "add" if len(support) >= 2 and len(support) > second else "-"
        rows.append([kind, short, len(unknown[short]), w.shown[top], len(w.corpus.get(top, ())), len(w.dev.get(top, ())),
                     len(support), " | ".join(w.describe(k) for k in ranked[1:5]) or "-"])
    return rows


def besides(articles: list[dict]) -> list[list[object]]:
    """The rows of ``--beside``: per table form the pipeline expands from the table in some article that writes a
    name right before "(FORM)", the longest run of closing words two or more such articles share (a word-wise
    common tail, "Bưu Điện Hoa Nam Buổi Sáng" out of "Theo …", "nói với tờ …"), when its fold is not the table's or a
    listed rendering's: kind ``rendering`` (a candidate row of abbreviation_renderings.tsv, read before it is taken)."""
    pipe, tagger = _pipeline()
    tails: dict[str, dict[tuple[str, ...], set[str]]] = defaultdict(lambda: defaultdict(set))
    shown: dict[tuple[str, ...], str] = {}
    for art in articles:
        aid = str(art["id"])
        doc = pipe.document(art["text"], id=aid, title=art.get("title"))
        done: set[str] = set()
        for a in doc.abbreviations:
            entry = tagger.lookup(a.short)
            if a.field is not None or a.rule != "abbr.table" or entry is None or entry.short in done:
                continue
            done.add(entry.short)
            for m in regex.finditer(r"\(\s*" + regex.escape(a.short) + r"\s*\)", doc.text):
                before = _BEFORE_BRACKET.search(doc.text, max(0, m.start() - 120), m.start() + 1)
                if before is None:
                    continue
                words = before.group(1).split()
                for k in range(2, len(words) + 1):
                    tail = tuple(fold(w) for w in words[-k:])
                    tails[entry.short][tail].add(aid)
                    shown.setdefault(tail, " ".join(words[-k:]))
    known = {e.short: {fold(e.expansion)} for e in abbreviation_rows()}
    for row in read_tsv("abbreviation_renderings.tsv", _RenderingRow):
        known.setdefault(row.short, set()).add(fold(row.rendering))
    table = {e.short: e.expansion for e in abbreviation_rows()}
    rows: list[list[object]] = []
    for short, counted in tails.items():
        shared = [t for t, ids in counted.items() if len(ids) >= 2]
        if not shared:
            continue
        tail = max(shared, key=lambda t: (len(t), len(counted[t])))
        said = fold(" ".join(tail))
        if any(said.endswith(k) or k.endswith(said) for k in known.get(short, ())):
            continue  # the table's name or a listed rendering, or its closing words, perhaps with words before it
        rows.append(["rendering", short, table[short], shown[tail], len(counted[tail]), " ".join(sorted(counted[tail])[:5])])
    return sorted(rows, key=lambda r: (-int(r[4]), str(r[1])))


def name_tails(texts: list[str], name: str) -> tuple[set[int], dict[str, set[int]]]:
    """The articles (indices of ``texts``) that write ``name`` (case aside, word-bounded) with no capitalised word
    after it, and per longer rendering (``name`` and one, two or three of the capitalised words after it, as first
    written; an article counts for each, so that "Mỹ" gathers "… Liên quân Mỹ Joseph Dunford" too) the articles that
    write it: how often the press writes the table's wording alone and how often it goes on ("Quân Giải phóng Nhân
    dân" + "Trung Quốc"). Only a proper name (opened by a capital) goes on: after a common noun ("thị trấn Douma")
    the capitalised words are another name."""
    words = r"\s+".join(regex.escape(w) for w in name.split())
    pattern = regex.compile(r"(?<![\p{L}\p{N}])(?i:" + words + r")(?![\p{L}\p{N}])")
    first = name.casefold().split()[0]
    proper = name[:1].isupper()
    alone: set[int] = set()
    longer: dict[str, set[int]] = defaultdict(set)
    shown: dict[str, str] = {}
    for i, text in enumerate(texts):
        if first not in text.casefold():
            continue
        for m in pattern.finditer(text):
            tail = _NAME_TAIL.match(text, m.end()) if proper else None
            if tail is None:
                alone.add(i)
                continue
            extra = tail.group().split()
            for k in range(1, len(extra) + 1):
                written = " ".join([*m.group().split(), *extra[:k]])
                longer[shown.setdefault(fold(written), written)].add(i)
    return alone, dict(longer)


def _per_set(w: Wordings, key: str) -> str:
    """``set n`` pairs of the dev readers' articles that write one folded wording, or ``-``."""
    return " ".join(f"{k} {n}" for k, n in sorted(w.sets.get(key, Counter()).items())) or "-"


def table_rows(articles: list[dict], sets: tuple[str, ...] = SETS) -> list[list[object]]:
    """The rows of ``--rows``: per table row the corpus writes out (or the dev readers expand), the table's wording
    against the longer renderings, the in-text definitions and the dev readers' wordings, where the table's is not the
    most frequent one in the corpus or among the dev readers."""
    table, words = _table_survey(articles, sets)
    texts = _texts(articles)
    rows: list[list[object]] = []
    for short in sorted(table):
        name = table[short]
        w = words.get(short, Wordings())
        own = fold(name)
        alone, longer = name_tails(texts, name) if len(name.split()) >= 2 else (set(), {})
        if not alone and not longer and not w.corpus and not w.dev:
            continue
        # articles per wording: a longer rendering written anywhere, an in-text definition (a generic gloss,
        # "quân đội Trung Quốc", counts where it defines the form only), the table's words written alone
        by_fold: dict[str, tuple[int, str]] = {}
        for written, ids in longer.items():
            by_fold[fold(written)] = (len(ids), written)
        for k, ids in w.corpus.items():
            if k not in by_fold or len(ids) > by_fold[k][0]:
                by_fold[k] = (len(ids), w.shown[k])
        by_fold[own] = (max(len(alone), len(w.corpus.get(own, ()))), name)
        top_key = max(by_fold, key=lambda k: (by_fold[k][0], k == own, len(k)))
        dev_ranked = sorted(w.dev, key=lambda k: (-len(w.dev[k]), k != own, k))
        dev_top = dev_ranked[0] if dev_ranked else own
        corpus_other, dev_other = top_key != own and by_fold[top_key][0] > 0, dev_top != own
        if not corpus_other and not dev_other:
            continue
        if corpus_other and dev_other:
            kind = "agree" if top_key == dev_top else "split"
        else:
            kind = "corpus" if corpus_other else "dev"
        longer_shown = " | ".join(f"{k} ({len(v)})" for k, v in sorted(longer.items(), key=lambda kv: -len(kv[1]))[:4]) or "-"
        defined = " | ".join(f"{w.shown[k]} ({len(v)})" for k, v in sorted(w.corpus.items(), key=lambda kv: -len(kv[1]))[:4]) or "-"
        rows.append([kind, short, name, len(alone), by_fold[top_key][1], by_fold[top_key][0], longer_shown, defined,
                     f"{w.shown.get(dev_top, name)} ({len(w.dev.get(dev_top, ()))})", len(w.dev.get(own, ())),
                     "; ".join(f"{w.shown[k]}: {_per_set(w, k)}" for k in dev_ranked[:3]) or "-"])
    order = {"agree": 0, "split": 1, "dev": 2, "corpus": 3}
    return sorted(rows, key=lambda r: (order[str(r[0])], -int(r[5]), str(r[1])))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path, help="articles JSONL (the no-held-out wild corpus)")
    ap.add_argument("--all", action="store_true", help="print the forms whose top wording is the table's too")
    ap.add_argument("--unknown", action="store_true", help="forms left unknown that other articles write out")
    ap.add_argument("--beside", action="store_true", help="names written before '(FORM)' that the table's wording is not")
    ap.add_argument("--rows", action="store_true", help="table rows whose wording is not the most frequent one")
    a = ap.parse_args()
    with open(a.corpus, encoding="utf-8") as fh:
        articles = [json.loads(line) for line in fh if line.strip()]
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    if a.rows:
        rows, columns = table_rows(articles), ROWS_COLUMNS
    elif a.beside:
        rows, columns = besides(articles), BESIDE_COLUMNS
    elif a.unknown:
        rows, columns = unknowns(articles), UNKNOWN_COLUMNS
    else:
        rows, columns = renderings(articles, a.all), COLUMNS
    out.writerow(columns)
    out.writerows(rows)
    kinds = Counter(str(r[0]) for r in rows)
    print(f"# {len(articles)} corpus articles, dev sets: {', '.join(s.rsplit('/', 1)[-1] for s in SETS)}; rows by kind: "
          + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
