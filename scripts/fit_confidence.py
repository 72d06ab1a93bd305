"""Fit the confidence model on the gold dev articles and report its reliability.

    python scripts/fit_confidence.py [--eval ../shared/eval] [--out quotex/data/confidence.json]

Runs quotex over the articles of `dev/` and `dev-outlets/`, matches each statement to
the gold with the scorer's own rules (`score.py`, loaded from the eval folder), and
labels it right when its text matches a gold statement and its speaker is right (the
attributed-quote rule). A statement given to an organization is left out of the gold,
so it counts as right when no person's gold statement matches its text.

Fits a logistic model of that label over `quotex.confidence.FEATURES` (L2-penalised,
by iteratively reweighted least squares; the penalty chosen by leave-one-article-out
log loss from a fixed grid) and writes its coefficients to the model file. Prints the
Brier score, the expected calibration error (10 equal bins) and the AUC of the model file
found and of the new model, the last cross-validated: each article scored by a model
fitted without it. (Before this model, at 0.6.0, quotex gave a constant per cue form:
Brier 0.0673, ECE 0.1473, AUC 0.665 on the 0.7.0 rules' 202 statements.) Deterministic:
the same rules and gold give the same file. Rerun it whenever the rules change.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import json
import math
import sys
from pathlib import Path
from types import ModuleType

import numpy as np

from quotex import __version__, confidence, engine, nlp
from quotex.io import read_article
from quotex.normalize import normalize

GOLD_SETS = ("dev", "dev-outlets")
PENALTIES = (0.3, 1.0, 3.0, 10.0, 30.0)
BINS = 10


def load_scorer(eval_dir: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("quotex_dev_score", eval_dir / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def labelled_statements(eval_dir: Path, scorer: ModuleType) -> list[dict]:
    """One row per predicted statement: article, label, old confidence, features."""
    golds = [path for name in GOLD_SETS for path in sorted((eval_dir / name).glob("*.json"))]
    items = []
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        items.append((path, gold, read_article(eval_dir.parent / gold["article"])))
    pipeline = nlp.get_nlp()
    analyses = pipeline.analyze_many([normalize(text) for _, _, text in items])
    rows = []
    for (path, gold, _), analysis in zip(items, analyses, strict=True):
        reading = engine.build_reading(str(path), analysis)
        quotes = reading.article.to_dict()["quotes"]
        gold_quotes = gold.get("quotes") or []
        people = [i for i, q in enumerate(quotes) if q["speaker"]["kind"] != "organization"]
        matched = scorer.match_quotes([quotes[i] for i in people], gold_quotes)
        right = {people[i] for i, j, _ in matched
                 if scorer.speaker_ok(quotes[people[i]], gold_quotes[j])}
        for i, (quote, values) in enumerate(zip(quotes, reading.features, strict=True)):
            if quote["speaker"]["kind"] == "organization":
                label = not any(scorer.token_f1(quote["text"], g.get("text", "")) >= 0.5
                                for g in gold_quotes)
            else:
                label = i in right
            rows.append({"article": f"{path.parent.name}/{path.stem}", "label": float(label),
                         "shipped": quote["confidence"], "features": values})
    return rows


def fit(x: np.ndarray, y: np.ndarray, penalty: float) -> np.ndarray:
    """Logistic regression weights (intercept first) by IRLS with an L2 penalty on all
    but the intercept."""
    design = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(design.shape[1])
    ridge = np.eye(design.shape[1]) * penalty
    ridge[0, 0] = 0.0
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-design @ w))
        gradient = design.T @ (y - p) - ridge @ w
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + ridge
        step = np.linalg.solve(hessian, gradient)
        w = w + step
        if np.max(np.abs(step)) < 1e-8:
            break
    return w


def predict(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(w[0] + x @ w[1:])))


def cross_validated(x: np.ndarray, y: np.ndarray, groups: list[str], penalty: float
                    ) -> np.ndarray:
    """Each row predicted by a model fitted on the other articles."""
    out = np.zeros(len(y))
    labels = np.array(groups)
    for group in sorted(set(groups)):
        held = labels == group
        out[held] = predict(fit(x[~held], y[~held], penalty), x[held])
    return out


def brier(p: np.ndarray, y: np.ndarray) -> float:
    return float(np.mean((p - y) ** 2))


def ece(p: np.ndarray, y: np.ndarray) -> float:
    """Expected calibration error over equal-width bins of the predicted probability."""
    bins = np.minimum((p * BINS).astype(int), BINS - 1)
    return float(sum(
        np.sum(bins == b) / len(p) * abs(p[bins == b].mean() - y[bins == b].mean())
        for b in range(BINS) if np.any(bins == b)
    ))


def auc(p: np.ndarray, y: np.ndarray) -> float:
    """How often a right statement scores above a wrong one (ties count half)."""
    right, wrong = p[y == 1], p[y == 0]
    if not len(right) or not len(wrong):
        return float("nan")
    above = (right[:, None] > wrong[None, :]).sum() + 0.5 * (right[:, None] == wrong[None, :]).sum()
    return float(above / (len(right) * len(wrong)))


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def main() -> None:
    root = Path(__file__).resolve().parents[1]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=root.parent / "shared" / "eval")
    parser.add_argument("--out", type=Path,
                        default=root / "quotex" / "data" / confidence.MODEL_FILE)
    args = parser.parse_args()

    rows = labelled_statements(args.eval, load_scorer(args.eval))
    if not rows:
        sys.exit("fit_confidence: no statements found in the dev articles")
    names = list(confidence.FEATURES)
    x = np.array([[row["features"][n] for n in names] for row in rows])
    y = np.array([row["label"] for row in rows])
    groups = [row["article"] for row in rows]

    losses = {pen: log_loss(cross_validated(x, y, groups, pen), y) for pen in PENALTIES}
    penalty = min(PENALTIES, key=lambda pen: (losses[pen], pen))
    held_out = cross_validated(x, y, groups, penalty)
    w = fit(x, y, penalty)
    # the harder test: fitted on the three sites' articles, scored on the other outlets
    home = np.array([g.startswith(GOLD_SETS[0] + "/") for g in groups])
    transfer = predict(fit(x[home], y[home], penalty), x[~home])

    results = {
        "model file found, in sample": np.array([row["shipped"] for row in rows]),
        "new model, leave-one-article-out": held_out,
    }
    print(f"{len(rows)} statements in {len(set(groups))} articles, "
          f"{int(y.sum())} right ({y.mean():.1%}); penalty {penalty} "
          f"(CV log loss {', '.join(f'{k}: {v:.4f}' for k, v in losses.items())})")
    reliability = {}
    for label, p in results.items():
        reliability[label] = {"brier": round(brier(p, y), 4), "ece": round(ece(p, y), 4),
                              "auc": round(auc(p, y), 4)}
        print(f"  {label:36} Brier {brier(p, y):.4f}  ECE {ece(p, y):.4f}  "
              f"AUC {auc(p, y):.3f}  mean {p.mean():.3f}")
    outlets = y[~home]
    label = f"fitted on {GOLD_SETS[0]}, on {GOLD_SETS[1]}"
    reliability[label] = {"brier": round(brier(transfer, outlets), 4),
                          "ece": round(ece(transfer, outlets), 4),
                          "auc": round(auc(transfer, outlets), 4)}
    print(f"  {label:36} Brier {brier(transfer, outlets):.4f}  "
          f"ECE {ece(transfer, outlets):.4f}  AUC {auc(transfer, outlets):.3f}  "
          f"mean {transfer.mean():.3f} (right: {outlets.mean():.3f})")

    model = {
        "about": "Logistic model of P(statement text and speaker right); quotex.confidence "
                 "reads it. Written by scripts/fit_confidence.py: do not edit by hand.",
        "fitted": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d"),
        "quotex_version": __version__,
        "data": {"gold_sets": list(GOLD_SETS), "articles": len(set(groups)),
                 "statements": len(rows), "right": int(y.sum())},
        "penalty": penalty,
        "reliability": {k: v for k, v in reliability.items() if "found" not in k},
        "intercept": round(float(w[0]), 4),
        "coefficients": {n: round(float(c), 4) for n, c in zip(names, w[1:], strict=True)},
    }
    args.out.write_text(json.dumps(model, ensure_ascii=False, indent=2) + "\n",
                        encoding="utf-8")
    print(f"coefficients -> {args.out}")
    for n, c in sorted(model["coefficients"].items(), key=lambda item: -abs(item[1])):
        print(f"  {n:24} {c:+.3f}")
    if any(math.isnan(c) for c in model["coefficients"].values()):
        sys.exit("fit_confidence: the fit did not converge")


if __name__ == "__main__":
    main()
