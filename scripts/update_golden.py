"""Rewrite tests/golden/*.json from the current extraction of samples/*.txt.

    python scripts/update_golden.py

Golden files pin what quotex extracts from each sample: who said what, with which
cue and type. Run this after a deliberate change (new rules, new models), then read
the diff as an editor would: every changed line must be an improvement.
"""

from __future__ import annotations

import json
from pathlib import Path

import quotex

ROOT = Path(__file__).resolve().parents[1]


def golden_view(article: quotex.Article) -> dict:
    """What a golden file pins: each statement with its speaker, title, cue and type
    (not offsets or confidences, which the tests check on their own)."""
    return {
        "quotes": [
            {"speaker": q.speaker.name, "title": q.speaker.title, "kind": q.speaker.kind,
             "cue": q.cue, "type": q.type, "text": q.text}
            for q in article.quotes
        ],
    }


def main() -> None:
    samples = sorted((ROOT / "samples").glob("*.txt"))
    items = [(p.name, p.read_text(encoding="utf-8")) for p in samples]
    out = ROOT / "tests" / "golden"
    out.mkdir(exist_ok=True)
    for article in quotex.extract_many(items):
        path = out / (Path(article.source).stem + ".json")
        text = json.dumps(golden_view(article), ensure_ascii=False, indent=1)
        path.write_text(text + "\n", encoding="utf-8")
        print(f"{path.relative_to(ROOT)}: {len(article.quotes)} statements")


if __name__ == "__main__":
    main()
