"""Positions and organizations that end inside a word, with pyvi's segmenter as the judge.

For every position of every official and every organization found in the real
corpus, the sentence around it is segmented with ``pyvi.ViTokenizer.tokenize``;
the record ends inside a word when its last syllable and the next syllable of
the text are joined by "_" in that output ("Sở Lao" + "động"), or when it ends
in the middle of a syllable; not when the next syllable starts the mention of a
person the pipeline found (pyvi joins "Tổng thống Mỹ" to "Obama", "Ngoại trưởng
Trung Quốc" to "Vương Nghị": a post ends where a name begins), nor when the
record ends with a whole place or country name of the gazetteer ("Quảng Bình" +
"ký"), nor when the record ends on a word of pyvi's own lexicon and the next
syllable begins another ("Quốc hội" + "thảo luận" read by pyvi as "hội_thảo"). Usage:

    python tools/word_boundary.py [CORPUS] [--full-corpus] [--show N]

CORPUS defaults to the corpus without held-out articles (tools/wild.py's ``wild_corpus``); the figures of the
README and of tests/test_word_boundary.py were measured on the full 2,000 articles: ``--full-corpus`` reads them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from bisect import bisect_right
from collections import Counter
from typing import Iterator, Optional

from wild import add_corpus_arguments, wild_corpus

_SYL = re.compile(r"\w+")


def _syllables(sentence: str, tokenized: str) -> list[tuple[int, int, bool]]:
    """(start, end, joined_to_next) of each pyvi syllable, aligned on ``sentence``."""
    out: list[tuple[int, int, bool]] = []
    cursor = 0
    for token in tokenized.split(" "):
        parts = token.split("_")
        for i, part in enumerate(parts):
            if not part:
                continue
            at = sentence.find(part, cursor)
            if at < 0:
                continue
            cursor = at + len(part)
            out.append((at, cursor, i < len(parts) - 1))
    return out


def inside_word(sentence: str, end: int, tokenize) -> Optional[str]:
    """The word that ``end`` (an offset in ``sentence``) cuts, or None when it is a word boundary."""
    syls = _syllables(sentence, tokenize(sentence))
    for s, e, joined in syls:
        if s < end < e:
            # a syllable cut in two is a cut; "HCM." (pyvi keeps a final dot) is not
            return sentence[s:e] if sentence[end:e][:1].isalnum() else None
        if e == end:
            if not joined:
                return None
            k = syls.index((s, e, joined))
            if k + 1 < len(syls):
                ns, ne, _ = syls[k + 1]
                return sentence[s:e] + "_" + sentence[ns:ne]
            return None
    return None


def next_is_name(text: str, end: int, names: set[int]) -> bool:
    """True when the syllable after ``end`` starts the mention of a person: the record ends where a
    name begins, a word boundary whatever pyvi's segmenter joins ("Mỹ_Obama", "Quốc_Vương" of
    "Trung Quốc Vương Nghị")."""
    k = end
    while k < len(text) and text[k] in " \t":
        k += 1
    return k > end and k in names


def ends_with_place(text: str, start: int, end: int, places) -> bool:
    """True when the record ends with a whole place or country name ("UBND tỉnh Quảng Bình" + "ký",
    "Tàu Trung Quốc" + "cập"): a proper name is a word, whatever pyvi joins to its last syllable."""
    for k in range(max(start, end - 24), end):
        if (k == start or not text[k - 1].isalnum()) and text[k].isupper():
            m = places.match(text, k, end)
            if m is not None and m.end() == end:
                return True
    return False


def two_readings(text: str, start: int, end: int, compounds) -> bool:
    """True when the record ends on a word of pyvi's lexicon and the next syllable begins another
    ("Quốc hội" + "thảo luận", "Tổng cục Hậu cần" + "thiết yếu"): pyvi chose the overlapping reading
    ("hội_thảo"); both segmentations are words, the record's is not a cut."""
    before = text[max(start, end - 40) : end].split()
    after = text[end : end + 40].split()
    if len(before) < 2 or len(after) < 2:
        return False
    low = [w.lower().strip(",.;:()\"'") for w in (*before[-2:], *after[:2])]
    return f"{low[0]} {low[1]}" in compounds and f"{low[2]} {low[3]}" in compounds


def records(doc) -> Iterator[tuple[str, int, int]]:
    """(kind, normalized start, normalized end) of every position and organization of ``doc``."""
    text = doc.text
    for off in doc.officials:
        anchors = [m.start for m in off.mentions] or [0]  # a working Document: normalized offsets
        for p in off.positions:
            for needle in (p.text, p.organization or "", p.title):
                if not needle:
                    continue
                hits = [m.start() for m in re.finditer(re.escape(needle), text)]
                if hits:
                    # the occurrence nearest to a mention of its holder
                    s = min(hits, key=lambda h: min(abs(h - a) for a in anchors))
                    yield "position", s, s + len(needle)
                    break
    for org in doc.organizations:
        yield "organization", org.start, org.end


def check(articles: list[dict], show: int = 0) -> tuple[int, int, Counter]:
    """(records ending inside a word, records checked, the cut words counted)."""
    from pyvi import ViTokenizer

    from qpextract import Pipeline

    from qpextract.text.lexicon import compound_words
    from qpextract.text.lexicon import Gazetteer

    pipe = Pipeline()
    places = Gazetteer().blocker
    compounds = compound_words()
    bad = total = 0
    cuts: Counter = Counter()
    for art in articles:
        doc = pipe.document(art["text"], id=art.get("id", ""), title=art.get("title"))
        starts = [s for s, _ in doc.sentences]
        names = {m.start for o in doc.officials for m in o.mentions}
        for kind, s, e in records(doc):
            total += 1
            j = bisect_right(starts, s) - 1
            ss, se = doc.sentences[j] if j >= 0 else (0, len(doc.text))
            se = max(se, e)
            sentence = doc.text[ss:se]
            word = inside_word(sentence, e - ss, ViTokenizer.tokenize)
            if word is not None and next_is_name(doc.text, e, names):
                word = None  # "Tổng thống Mỹ" + "Obama": pyvi joins a post to the name after it
            if word is not None and (ends_with_place(doc.text, s, e, places) or two_readings(doc.text, s, e, compounds)):
                word = None
            if word is not None:
                bad += 1
                cuts[(kind, doc.text[s:e], word)] += 1
                if show:
                    show -= 1
                    print(f"{art.get('id')}\t{kind}\t{doc.text[s:e]!r}\t{word}", file=sys.stderr)
    return bad, total, cuts


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_corpus_arguments(ap)
    ap.add_argument("--show", type=int, default=0, help="print this many cut records")
    ap.add_argument("--top", type=int, default=0, help="print the most frequent cuts")
    args = ap.parse_args(argv)
    with open(wild_corpus(args.corpus, args.full_corpus), encoding="utf-8") as fh:
        articles = [json.loads(line) for line in fh if line.strip()]
    bad, total, cuts = check(articles, args.show)
    for (kind, surface, word), n in cuts.most_common(args.top):
        print(f"{n:4d}  {kind:12s} {surface!r}  {word}")
    print(f"{bad} of {total} positions and organizations end inside a word")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
