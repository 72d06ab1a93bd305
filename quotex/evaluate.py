"""Scoring quote extraction against gold annotations: `quotex eval GOLD_DIR RESULTS_DIR`.

The same metrics and conventions as the project's evaluation kit (`shared/eval/score.py`,
its README gives the gold schema), so that a newsroom can measure quotex on articles it
annotated itself and get figures comparable with the project's:

- GOLD_DIR holds one `<name>.json` per article; RESULTS_DIR the tool's output for it
  under the same `<name>.json` (as `quotex batch --format json` writes it). A missing or
  unreadable result counts as an empty one.
- A predicted statement matches a gold one when the token F1 of their texts is at least
  0.5, one to one, best pairs first. Texts and names are compared after normalising
  Arabic/Persian letter variants, digits, diacritics, ZWNJ and punctuation.
- Attributed-quote F1 (the headline) counts a match only when the speaker is right: the
  same normalised name (`سید`/`سیده` before it written or not), or, where the gold names
  nobody, no name and a title with token F1 >= 0.5.
- Statements attributed to an organization (`speaker.kind == "organization"`) are left
  out: the gold lists person speakers only. Their number is reported.
- People are scored as exact names; organizations and locations fuzzily (token F1 >= 0.5).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# A text pair matches at this token F1 or above (statement texts, unnamed speakers'
# titles, organization and location names).
MATCH_THRESHOLD = 0.5

# Letter variants written interchangeably in Persian text, joiners and direction marks,
# the tatweel, and Persian/Arabic-Indic digits, mapped to one form.
_CHAR_MAP = str.maketrans({
    "\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9", "\u06c0": "\u0647",
    "\u0629": "\u0647", "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627",
    "\u200c": "", "\u200d": "", "\u200e": "", "\u200f": "", "\u0640": "",
    **{chr(0x06F0 + i): str(i) for i in range(10)},
    **{chr(0x0660 + i): str(i) for i in range(10)},
})
_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")
_PUNCTUATION = re.compile(r"[^\w\s]", re.UNICODE)
# Sayyid (`سید`, `سیده`) before a name is written or left out freely: both forms match.
SAYYID = ("سید", "سیده")
ENTITY_KINDS = ("people", "organizations", "locations")


class EvalError(Exception):
    """Gold or results that cannot be scored; the message is one line."""


# --- comparing texts -------------------------------------------------------------------

def norm(text: str | None) -> str:
    """Text as compared: NFKC, one form per letter variant, no diacritics or punctuation."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", str(text)).translate(_CHAR_MAP)
    text = _DIACRITICS.sub("", text)
    text = _PUNCTUATION.sub(" ", text)
    return " ".join(text.split())


def token_f1(a: str | None, b: str | None) -> float:
    """F1 of the normalised tokens the two texts share (as multisets)."""
    tokens_a, tokens_b = norm(a).split(), norm(b).split()
    if not tokens_a or not tokens_b:
        return 0.0
    common = sum((Counter(tokens_a) & Counter(tokens_b)).values())
    if common == 0:
        return 0.0
    precision, recall = common / len(tokens_a), common / len(tokens_b)
    return 2 * precision * recall / (precision + recall)


def name_key(name: str | None) -> str:
    """A person's name as compared: normalised, without a leading `سید`/`سیده`."""
    words = norm(name).split()
    while words[:1] and words[0] in SAYYID:
        words = words[1:]
    return " ".join(words)


# --- reading statements ----------------------------------------------------------------

@dataclass(frozen=True)
class Statement:
    """One statement as the scorer sees it, from a result (`speaker` an object) or from
    the gold (`speaker` a name or null, `speaker_title` beside it)."""

    text: str
    type: str
    name: str
    title: str
    kind: str

    @classmethod
    def from_json(cls, quote: dict[str, Any]) -> Statement:
        speaker = quote.get("speaker")
        if isinstance(speaker, dict):
            name, title = speaker.get("name") or "", speaker.get("title") or ""
            kind = (speaker.get("kind") or "").lower()
        else:  # the gold's own flat form
            name, title, kind = speaker or "", quote.get("speaker_title") or "", ""
        return cls(quote.get("text") or "", quote.get("type") or "", name, title, kind)

    @property
    def speaker(self) -> tuple[str, str]:
        return self.name, self.title


def speaker_is_right(predicted: Statement, gold: Statement) -> bool:
    if gold.name:
        return name_key(predicted.name) == name_key(gold.name)
    # the article never names this speaker: the title must carry it
    return not norm(predicted.name) and token_f1(predicted.title, gold.title) >= MATCH_THRESHOLD


@dataclass(frozen=True)
class Match:
    predicted: int  # index into the predicted statements
    gold: int  # index into the gold statements
    f1: float


def match_statements(predicted: list[Statement], gold: list[Statement]) -> list[Match]:
    """Greedy one-to-one matching by text token F1, best pairs first (ties: the later
    indices first, as the reference scorer sorts)."""
    pairs = sorted(
        ((f1, i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold)
         if (f1 := token_f1(p.text, g.text)) >= MATCH_THRESHOLD),
        reverse=True,
    )
    used_predicted: set[int] = set()
    used_gold: set[int] = set()
    matches = []
    for f1, i, j in pairs:
        if i in used_predicted or j in used_gold:
            continue
        used_predicted.add(i)
        used_gold.add(j)
        matches.append(Match(i, j, f1))
    return matches


# --- counting --------------------------------------------------------------------------

@dataclass
class SetCounts:
    """Precision and recall counts of a set comparison (entities)."""

    true_predicted: int = 0
    predicted: int = 0
    true_gold: int = 0
    gold: int = 0

    def add(self, other: SetCounts) -> None:
        self.true_predicted += other.true_predicted
        self.predicted += other.predicted
        self.true_gold += other.true_gold
        self.gold += other.gold


def compare_sets(predicted: Iterable[str], gold: Iterable[str], fuzzy: bool,
                 key: Callable[[str], str]) -> SetCounts:
    predicted_keys = {k for x in predicted if (k := key(x))}
    gold_keys = {k for x in gold if (k := key(x))}
    if fuzzy:
        true_gold = sum(1 for g in gold_keys
                        if any(token_f1(g, p) >= MATCH_THRESHOLD for p in predicted_keys))
        true_predicted = sum(1 for p in predicted_keys
                             if any(token_f1(g, p) >= MATCH_THRESHOLD for g in gold_keys))
    else:
        true_gold = true_predicted = len(predicted_keys & gold_keys)
    return SetCounts(true_predicted, len(predicted_keys), true_gold, len(gold_keys))


def prf(counts: SetCounts) -> dict[str, float]:
    """Precision, recall and F1 rounded to 4 places; nothing predicted of nothing is 1."""
    if counts.predicted:
        precision = counts.true_predicted / counts.predicted
    else:
        precision = 1.0 if not counts.gold else 0.0
    recall = counts.true_gold / counts.gold if counts.gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _ratio(part: float, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


@dataclass
class Totals:
    """Statement counts over all articles (their names are the JSON's `counts`)."""

    q_pred: int = 0
    q_gold: int = 0
    q_match: int = 0
    q_attr: int = 0
    type_ok: int = 0
    title_n: int = 0
    title_sum: float = 0.0
    org_skipped: int = 0


@dataclass
class ArticleScore:
    name: str
    predicted: list[Statement]
    gold: list[Statement]
    matches: list[Match]
    attributed: int
    skipped_organizations: int
    entities: dict[str, SetCounts]

    def problems(self) -> list[str]:
        """Wrong speakers, missed and spurious statements, one line each."""
        lines = []
        for m in self.matches:
            p, g = self.predicted[m.predicted], self.gold[m.gold]
            if not speaker_is_right(p, g):
                lines.append(f"[{self.name}] WRONG SPEAKER: pred={p.speaker} "
                             f"gold=({g.name or None}, {g.title or None}) text={g.text[:60]}")
        matched_gold = {m.gold for m in self.matches}
        matched_predicted = {m.predicted for m in self.matches}
        lines += [f"[{self.name}] MISSED: {g.name or None} | {g.text[:80]}"
                  for j, g in enumerate(self.gold) if j not in matched_gold]
        lines += [f"[{self.name}] SPURIOUS: {p.speaker} | {p.text[:80]}"
                  for i, p in enumerate(self.predicted) if i not in matched_predicted]
        return lines


def score_article(name: str, gold: dict[str, Any], result: dict[str, Any]) -> ArticleScore:
    statements = [Statement.from_json(q) for q in result.get("quotes") or []]
    predicted = [s for s in statements if s.kind != "organization"]
    gold_statements = [Statement.from_json(q) for q in gold.get("quotes") or []]
    matches = match_statements(predicted, gold_statements)
    attributed = sum(1 for m in matches
                     if speaker_is_right(predicted[m.predicted], gold_statements[m.gold]))
    entities = {
        kind: compare_sets(
            [_entity_name(x) for x in result.get(kind) or []],
            [_entity_name(x) for x in gold.get(kind) or []],
            fuzzy=kind != "people", key=name_key if kind == "people" else norm)
        for kind in ENTITY_KINDS
    }
    return ArticleScore(name, predicted, gold_statements, matches, attributed,
                        len(statements) - len(predicted), entities)


def _entity_name(item: Any) -> str:
    if isinstance(item, dict):
        return item.get("name") or ""
    return item or ""


# --- the whole set ---------------------------------------------------------------------

@dataclass
class Evaluation:
    """The scores of a gold set; `to_dict()` is the reference scorer's JSON."""

    articles: list[ArticleScore] = field(default_factory=list)
    missing_predictions: list[str] = field(default_factory=list)

    def totals(self) -> Totals:
        totals = Totals()
        for article in self.articles:
            totals.q_pred += len(article.predicted)
            totals.q_gold += len(article.gold)
            totals.q_match += len(article.matches)
            totals.q_attr += article.attributed
            totals.org_skipped += article.skipped_organizations
            for m in article.matches:
                p, g = article.predicted[m.predicted], article.gold[m.gold]
                totals.type_ok += p.type == g.type
                if g.title:
                    totals.title_n += 1
                    totals.title_sum += token_f1(p.title, g.title)
        return totals

    def to_dict(self) -> dict[str, Any]:
        t = self.totals()
        entities = {kind: SetCounts() for kind in ENTITY_KINDS}
        for article in self.articles:
            for kind in ENTITY_KINDS:
                entities[kind].add(article.entities[kind])
        counts = {k: v for k, v in vars(t).items() if k != "title_sum"}
        return {
            "articles": len(self.articles),
            "missing_predictions": list(self.missing_predictions),
            "quote_detection": prf(SetCounts(t.q_match, t.q_pred, t.q_match, t.q_gold)),
            "attributed_quote": prf(SetCounts(t.q_attr, t.q_pred, t.q_attr, t.q_gold)),
            "speaker_accuracy_on_matched": _ratio(t.q_attr, t.q_match),
            "type_accuracy_on_matched": _ratio(t.type_ok, t.q_match),
            "title_token_f1_on_matched": _ratio(t.title_sum, t.title_n),
            "entities": {kind: prf(c) for kind, c in entities.items()},
            "counts": counts,
            "per_article": {
                a.name: {"gold": len(a.gold), "pred": len(a.predicted),
                         "matched": len(a.matches), "attributed": a.attributed}
                for a in self.articles
            },
        }

    def problems(self) -> list[str]:
        return [line for article in self.articles for line in article.problems()]


def evaluate(gold_dir: str | Path, results_dir: str | Path) -> Evaluation:
    """Score every `GOLD_DIR/<name>.json` against `RESULTS_DIR/<name>.json`."""
    gold_dir, results_dir = Path(gold_dir), Path(results_dir)
    for folder, what in ((gold_dir, "gold"), (results_dir, "results")):
        if not folder.is_dir():
            raise EvalError(f"{folder}: no such folder ({what})")
    gold_paths = sorted(gold_dir.glob("*.json"))
    if not gold_paths:
        raise EvalError(f"{gold_dir}: no gold files (<name>.json) in this folder")
    evaluation = Evaluation()
    for gold_path in gold_paths:
        gold = _read_json(gold_path)
        if gold is None:
            raise EvalError(f"{gold_path}: not a gold file (unreadable JSON object)")
        result_path = results_dir / gold_path.name
        result: dict[str, Any] = {}
        if not result_path.exists():
            evaluation.missing_predictions.append(gold_path.name)
        elif (read := _read_json(result_path)) is None:
            evaluation.missing_predictions.append(gold_path.name + " (unreadable)")
        else:
            result = read
        evaluation.articles.append(score_article(gold_path.stem, gold, result))
    return evaluation


def _read_json(path: Path) -> dict[str, Any] | None:
    """A JSON object from a file, or None when the file holds anything else."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def summary_lines(scores: dict[str, Any]) -> list[str]:
    """The reference scorer's text report of `Evaluation.to_dict()`."""

    def prf_line(label: str, v: dict[str, float]) -> str:
        return f"{label:28s} P={v['precision']:.3f} R={v['recall']:.3f} F1={v['f1']:.3f}"

    lines = [f"articles: {scores['articles']}  missing predictions: "
             f"{len(scores['missing_predictions'])}  "
             f"organization quotes skipped: {scores['counts']['org_skipped']}"]
    lines += [prf_line(k, scores[k]) for k in ("quote_detection", "attributed_quote")]
    lines += [f"{k:28s} {scores[k]:.3f}" for k in (
        "speaker_accuracy_on_matched", "title_token_f1_on_matched", "type_accuracy_on_matched")]
    lines += [prf_line(k, v) for k, v in scores["entities"].items()]
    return lines
