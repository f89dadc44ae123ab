"""A learned second opinion on the main event's participant roles (rule ``role.model``), measured, not wired in.

The role rules (extractors/events/roles.py) draw hand-made boundaries between cues; this model weighs the same cues,
read near every mention of a participant, with what the rules said, and may overrule a rule where it is confident.
Trained and measured by tools/roles_features.py on the development gold (leave one set out): it did not beat the rules
there (thirteenth pass, branch rolesml13), so the library does not run it. Written to run inside the events extractor
as it stands (the working Document, normalized offsets, pure Python: a sparse multinomial logistic regression), so a
later pass with more gold can measure it again and move it into extractors/events/ if it pays. The cues it reads are
those of the library's event_roles.yaml and tools/role_model_cues.yaml.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Optional

from pathlib import Path

import yaml

from qpextract.data import read_yaml
from qpextract.errors import DataFileError
from qpextract.text.lexical import word_alternation

HERE = Path(__file__).resolve().parent

ROLES = ("chair", "attendee", "speaker", "reporter", "recipient", "other")
MODEL_RULE = "role.model"
WEIGHTS = Path("/tmp/rolesml13-feats/role_model.tsv")  # where `roles_features.py train` writes (not shipped)
_LEAD = 3  # body sentences counted as the lead
_AFTER = 160  # characters after a name read for its cues (its posts come first)
_BEFORE = 90  # characters before a name read for the cues that open a list or stand just before it
_NEAR = 40  # a cue this close to the name is also read as a near one
_QUOTES = "\"“”"


class CueLexicon:
    """Every cue phrase the model reads, each with the labels it stands for (a rule, a cue class, a place word)."""

    def __init__(self) -> None:
        roles = read_yaml("event_roles.yaml")
        own = yaml.safe_load((HERE / "role_model_cues.yaml").read_text(encoding="utf-8"))
        after: dict[str, set[str]] = {}
        before: dict[str, set[str]] = {}
        for rule in roles["rules"]:
            short = rule["name"].removeprefix("role.")
            for cue in rule.get("cues") or []:
                key = " ".join(str(cue).lower().split())
                if "after" in rule["where"]:
                    after.setdefault(key, set()).add(short)
                if set(rule["where"]) & {"just_before", "opening"}:
                    before.setdefault(key, set()).add(short)
        for name, words in own["cue_classes"].items():
            for w in words:
                after.setdefault(w, set()).add("c." + name)
                before.setdefault(w, set()).add("c." + name)
        # a phrase also stands for every shorter cue inside it ("phát biểu chỉ đạo" holds "chỉ đạo")
        self.after = self._closed(after)
        self.before = self._closed(before)
        self.after_re = word_alternation(self.after)
        self.before_re = word_alternation(self.before)
        self.source_re = word_alternation(roles["source_before"] + roles["commentators_before"])
        self.press_re = word_alternation(roles["press_words"] + roles["press_conference_words"])
        self.occasion_re = word_alternation(roles["occasions"])
        self.posts = sorted(
            ((w, name) for name, words in own["post_classes"].items() for w in words), key=lambda x: -len(x[0])
        )

    @staticmethod
    def _closed(table: dict[str, set[str]]) -> dict[str, frozenset[str]]:
        out = {}
        for phrase in table:
            labels = set(table[phrase])
            padded = f" {phrase} "
            for other, more in table.items():
                if other != phrase and f" {other} " in padded:
                    labels |= more
            out[phrase] = frozenset(labels)
        return out


@lru_cache(maxsize=1)
def lexicon() -> CueLexicon:
    """The cue lexicon, read once per process."""
    return CueLexicon()


def _bucket(n: int, top: int) -> str:
    return str(n) if n < top else f"{top}+"


def _post_class(text: str, posts: list[tuple[str, str]]) -> Optional[str]:
    low = " ".join(text.lower().split())
    return next((name for w, name in posts if low == w or low.startswith(w + " ")), None)


def features(doc: Any, main_type: str, main_rule: str, main_trigger: str, participants: Sequence[Any], i: int) -> list[str]:
    """The binary features of participant ``i`` of the main event: cues near his mentions, where he is named, his post
    class, the event's kind and what the rules gave him (``doc``: the working Document, normalized offsets)."""
    lex = lexicon()
    p = participants[i]
    text: str = doc.text
    out: set[str] = {
        "bias",
        f"rule={getattr(p, 'rule', None)}",  # (an older commit's participants may have none)
        f"role={p.role}",
        f"mt={main_type}",
        f"mr={main_rule}",
        f"role={p.role}|mt={main_type}",
        f"role={p.role}|mr={main_rule}",
        f"np={_bucket(len(participants), 5)}",
    }
    others_roles = [q.role for j, q in enumerate(participants) if j != i]
    for r in ("chair", "speaker", "attendee", "reporter", "recipient"):
        if r in others_roles:
            out.add(f"other_has={r}")
    if p.official is None or p.official >= len(doc.officials):
        return sorted(out)
    official = doc.officials[p.official]
    mentions = sorted((m.start, m.end) for m in official.mentions if m.end > m.start)
    sentences = [s for s in doc.sentences if s[1] > s[0]]
    starts = [a for a, _ in sentences]
    body0 = doc.body[0] if doc.body else 0
    body_first = bisect_right(starts, body0 - 1) if body0 else 0
    # everyone else named, to bound a person's windows
    other_spans = sorted(
        (m.start, m.end)
        for k, o in enumerate(doc.officials)
        if k != p.official
        for m in o.mentions
        if m.end > m.start
    )
    other_starts = [s for s, _ in other_spans]
    # order of first mention among the participants
    firsts = []
    for q in participants:
        if q.official is not None and q.official < len(doc.officials) and doc.officials[q.official].mentions:
            firsts.append(min(m.start for m in doc.officials[q.official].mentions))
    mine = mentions[0][0] if mentions else None
    if mine is not None:
        out.add(f"ord={_bucket(sum(f < mine for f in firsts), 3)}")
    out.add(f"nm={_bucket(len(mentions), 4)}")
    title = (doc.title or "").lower()
    last = official.name.split()[-1].lower() if official.name.split() else ""
    if last and (re.search(rf"(?<!\w){re.escape(last)}(?!\w)", title) or any(ms < body0 for ms, _ in mentions)):
        out.add("headline")
    trig = main_trigger.lower()
    for ms, me in mentions:
        k = bisect_right(starts, ms) - 1
        if k < 0 or not (sentences[k][0] <= ms < sentences[k][1]):
            continue
        a, b = sentences[k]
        pos = k - body_first
        if pos < 0:
            continue
        where = "lead" if pos < _LEAD else "body"
        out.add(where)
        if pos == 0:
            out.add("first")
        j = bisect_right(other_starts, me)
        nxt = min(b, me + _AFTER, other_starts[j] if j < len(other_starts) else b)
        prev = max([a, ms - _BEFORE] + [e for s, e in other_spans if a <= e <= ms])
        after = text[me:nxt].lower()
        before = text[prev:ms].lower()
        sent = text[a:b].lower()
        nearest: Optional[tuple[int, str]] = None
        for m in lex.after_re.finditer(after):
            for label in lex.after[m.group(0)]:
                out.add("a:" + label)
                if m.start() <= _NEAR:
                    out.add("an:" + label)
                if label.startswith("c.") and (nearest is None or m.start() < nearest[0]):
                    nearest = (m.start(), label)
        if nearest is not None:
            out.add("first_a:" + nearest[1])
            out.add(f"first_a:{nearest[1]}|{where}")
        for m in lex.before_re.finditer(before):
            for label in lex.before[m.group(0)]:
                out.add("b:" + label)
                if len(before) - m.end() <= _NEAR // 2:
                    out.add("bn:" + label)
        if lex.source_re.search(before[-30:]):
            out.add("source")
        if any(c in _QUOTES for c in after):
            out.add("quote_after")
        if any(c in _QUOTES for c in sent):
            out.add("quote_sent")
        if lex.press_re.search(sent):
            out.add("press")
        if lex.occasion_re.search(sent):
            out.add("occasion")
        if trig and trig in sent:
            out.add("trigger_sent")
    rank = (official.rank or "").lower()
    if rank:
        out.add("rank=" + ("general" if "tướng" in rank or "đô đốc" in rank else "field" if "tá" in rank else "other"))
    if official.honorific:
        out.add("hon=" + official.honorific.lower())
    for post in official.positions[:3]:
        cls = _post_class(post.text, lex.posts)
        out.add("post=" + (cls or "unknown"))
    if not official.positions:
        out.add("post=none")
    return sorted(out)


class RoleModel:
    """Weights of the sparse multinomial logistic regression over ``features`` (data/vi/role_model.tsv)."""

    def __init__(self, weights: dict[str, dict[str, float]], threshold: float, enabled: bool) -> None:
        self.weights = weights
        self.threshold = threshold
        self.enabled = enabled

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> "RoleModel":
        """The model of a weights file: `# threshold: X` and `# enabled: yes|no` in its header, then rows
        ``feature<TAB>role<TAB>weight``."""
        weights: dict[str, dict[str, float]] = {}
        threshold, enabled = 1.01, False
        name = path.name
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.startswith("# threshold:"):
                threshold = float(line.split(":", 1)[1])
            elif line.startswith("# enabled:"):
                enabled = line.split(":", 1)[1].strip() == "yes"
            if not line.strip() or line.startswith("#") or line.startswith("feature\t"):
                continue
            cells = line.split("\t")
            if len(cells) != 3 or cells[1] not in ROLES:
                raise DataFileError(f"{name}:{lineno}: want feature, role, weight: {line!r}")
            try:
                weights.setdefault(cells[0], {})[cells[1]] = float(cells[2])
            except ValueError as exc:
                raise DataFileError(f"{name}:{lineno}: weight is no number: {cells[2]!r}") from exc
        return cls(weights, threshold, enabled)

    def probabilities(self, feats: Sequence[str]) -> dict[str, float]:
        """The model's probability of each role for a feature set."""
        return probabilities(self.weights, feats)

    def relabel(
        self, doc: Any, main_type: str, main_rule: str, main_trigger: str, participants: list[Any]
    ) -> list[Any]:
        """The participants, each whose role the model gives another with probability at least the threshold
        relabelled (rule role.model); the others as they were."""
        if not self.enabled or not participants:
            return participants
        out = []
        for i, p in enumerate(participants):
            probs = self.probabilities(features(doc, main_type, main_rule, main_trigger, participants, i))
            best = max(ROLES, key=lambda r: probs[r])
            if best != p.role and probs[best] >= self.threshold:
                out.append(p.model_copy(update={"role": best, "rule": MODEL_RULE}))
                for m in doc.officials[p.official].mentions[:1] if p.official is not None else []:
                    doc.explain("events", MODEL_RULE, m.start, m.end)
            else:
                out.append(p)
        return out


def probabilities(weights: dict[str, dict[str, float]], feats: Sequence[str]) -> dict[str, float]:
    """Softmax of the summed weights of the features, per role."""
    score = dict.fromkeys(ROLES, 0.0)
    for f in feats:
        row = weights.get(f)
        if row:
            for r, w in row.items():
                score[r] += w
    top = max(score.values())
    exp = {r: math.exp(s - top) for r, s in score.items()}
    total = sum(exp.values())
    return {r: v / total for r, v in exp.items()}
