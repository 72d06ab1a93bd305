"""MODEL_CARD.md for a trained set, from its scores.json content."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from quotex.modelset import CARD_FILE, REBUILD_COMMAND
from quotex.training.scoring import WALL


def _row(cells: list[Any]) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


NER_SETS = {"arman": "Arman `test_fold1`", "peyma": "PEYMA test",
            "parstwiner": "ParsTwiNER test (tweets)"}


def ner_lines(scores: dict[str, Any]) -> list[str]:
    """The held-out NER table: per set and text form, PER/ORG/LOC F1 and per type; with
    a baseline set (scores["ner_baseline"]) its figures before each arrow."""
    baseline = scores.get("ner_baseline")
    lines = ["", "NER on held-out test splits, their own tokens, exact-span entity F1 on "
             "person, organization and location only (other types count as O):", ""]
    if baseline:
        lines += [f"`old -> new`: old is `{Path(baseline['models']).name}/` scored by the "
                  "same code.", ""]
    lines += [_row(["test set", "text form", "PER/ORG/LOC", "PER", "ORG", "LOC"]),
              _row(["---"] * 6)]
    for name, label in NER_SETS.items():
        for form, form_label in scores["ner_forms"].items():
            new = scores["ner"][name][form]
            old = baseline["scores"][name][form] if baseline else None
            cells = [(new["F1"], old["F1"] if old else None)]
            cells += [(new["per_type"][t], old["per_type"][t] if old else None)
                      for t in ("PER", "ORG", "LOC")]
            lines.append(_row([label, form_label] + [
                f"{o} -> **{n}**" if o is not None else n for n, o in cells]))
    targets = ", ".join(f"{NER_SETS[k]} >= {v}" for k, v in scores["ner_targets"].items())
    lines += ["", f"Targets of issue 12 (PER/ORG/LOC): {targets}; at most 1 point lost "
              "without ZWNJ.", ""]
    return lines


def write_card(out: Path, scores: dict[str, Any], build_notes: str | None = None) -> None:
    """`build_notes`: what was particular to this build (from <work>/build-notes.md)."""
    forms = scores["forms"]
    lines = ["# quotex Persian model set (Stanza 1.15)", ""]
    if scores.get("quick"):
        lines += ["**Quick build** (short training; see budget below): not the full set.", ""]
    lines += ["## Held-out scores", "",
              "End to end from raw text, CoNLL 2018 evaluator (F1, %):", "",
              _row(["text form", "Tokens", "Sentences", "Words", "UPOS", "XPOS", "UFeats",
                    "Lemmas", "UAS", "LAS", "words/s"]),
              _row(["---"] * 11)]
    for form, label in forms.items():
        e2e = scores["ud"][form]["end_to_end"]
        lines.append(_row([label] + [e2e.get(m, "") for m in (
            "Tokens", "Sentences", "Words", "UPOS", "XPOS", "UFeats", "Lemmas", "UAS", "LAS",
            "words_per_second")]))
    lines += ["", "Each model on gold words (pos, lemma, depparse on the treebank's words):", "",
              _row(["text form", "UPOS", "XPOS", "UFeats", "Lemmas", "UAS", "LAS"]),
              _row(["---"] * 7)]
    for form, label in forms.items():
        gold = scores["ud"][form]["gold_words"]
        lines.append(_row([label] + [gold[m] for m in (
            "UPOS", "XPOS", "UFeats", "Lemmas", "UAS", "LAS")]))
    lines += ner_lines(scores)
    targets = ", ".join(f"{k} >= {v}" for k, v in scores["targets"].items())
    lines += ["", f"Targets of issue 2 (UD): {targets}.", ""]
    lines += ["## Files and sizes", "", _row(["file", "MB"]), _row(["---"] * 2)]
    sizes = scores["sizes"]
    for name, size in sizes.items():
        lines.append(_row([name, f"{size / 1e6:.1f}"]))
    lines.append(_row(["**total**", f"{sum(sizes.values()) / 1e6:.1f}"]))
    times = scores["training_seconds"]
    lines += ["", "## Training time (2 CPU cores, seconds)", "",
              _row(["stage", "seconds"]), _row(["---"] * 2)]
    stage_times = {k: v for k, v in times.items() if k != WALL}
    lines += [_row([k, round(v)]) for k, v in stage_times.items()]
    lines.append(_row(["sum of stages", round(sum(stage_times.values()))]))
    if WALL in times:
        lines.append(_row(["**wall clock of `all`** (two streams in parallel) + scoring",
                           round(times[WALL] + times.get("score", 0))]))
    budget = ", ".join(f"{k}={v}" for k, v in scores["budget"].items())
    lines += ["", f"Budget: {budget}; seed {scores['seed']}.", ""]
    if build_notes:
        lines += ["## This build", "", build_notes.strip(), ""]
    lines += ["## Rebuild", "", "```", REBUILD_COMMAND, "```", ""]
    notes = Path(__file__).with_name("card_notes.md")
    if notes.is_file():
        lines.append(notes.read_text(encoding="utf-8"))
    (out / CARD_FILE).write_text("\n".join(lines), encoding="utf-8")
