"""Held-out scores of a trained set, in both text forms, and the model card.

End to end: the held-out UD sentences as raw text (5 sentences a paragraph) through
tokenize,mwt,pos,lemma,depparse, scored with the CoNLL 2018 evaluator. Gold words: the
same sentences' words given to pos,lemma,depparse (what each model does on its own).
NER: Arman test_fold1 on its given tokens, exact-span entity F1. Each in two forms:
as in the data (with ZWNJ) and scraped (ZWNJ removed, Arabic ي/ك).
"""

from __future__ import annotations

import json
import logging
import time
from collections import Counter
from pathlib import Path
from typing import Any

from quotex import modelset
from quotex.training import corpus
from quotex.training.stages import Run, UDFiles

logger = logging.getLogger("quotex.training")

UD_METRICS = ("Tokens", "Sentences", "Words", "UPOS", "XPOS", "UFeats", "Lemmas", "UAS", "LAS")
FORMS = {"zwnj": "with ZWNJ (as in the data)", "scraped": "ZWNJ removed, Arabic ي/ك"}
TARGETS = {"Tokens": 99.0, "UPOS": 95.0, "LAS": 80.0, "Lemmas": 97.0, "NER F1": 80.0}
TIMES_DIR = "times"
WALL = "wall"  # the time file of `all` (its streams run in parallel)


def read_times(work: Path) -> dict[str, float]:
    """Seconds each stage took, as its process recorded them (stages run in parallel)."""
    folder = work / TIMES_DIR
    return {p.stem: float(p.read_text()) for p in sorted(folder.glob("*.txt"))}


def write_time(work: Path, stage: str, seconds: float) -> None:
    folder = work / TIMES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{stage}.txt").write_text(f"{seconds:.1f}")


def _ud_scores(gold: Path, system: Path) -> dict[str, float]:
    from stanza.models.common.utils import ud_scores

    try:
        evaluation = ud_scores(str(gold), str(system))
    except Exception as error:  # udtools.UDError: text lost by a badly trained tokenizer
        logger.warning("evaluation failed: %s", str(error).splitlines()[0])
        return {m: 0.0 for m in UD_METRICS}
    return {m: round(100 * evaluation[m].f1, 2) for m in UD_METRICS if m in evaluation}


def _words_only(sentences: list[corpus.Sentence]) -> list[corpus.Sentence]:
    """The sentences with multiword-token lines dropped: words as tokens."""
    out = []
    for sentence in sentences:
        rows = []
        for row in sentence.words():
            new = list(row)
            new[9] = "_"
            rows.append(new)
        out.append(corpus.Sentence([], rows))
    return out


def score_ud(ms: modelset.ModelSet, gold_file: Path, folder: Path, name: str) -> dict:
    from stanza.utils.conll import CoNLL

    sentences = corpus.read_conllu(gold_file)
    text_file = folder / f"{name}.txt"
    corpus.write_paragraph_text(text_file, sentences)
    words = sum(len(s.words()) for s in sentences)

    pipeline = modelset.build_pipeline(ms, "tokenize,mwt,pos,lemma,depparse")
    start = time.monotonic()
    doc = pipeline(text_file.read_text(encoding="utf-8"))
    seconds = time.monotonic() - start
    system = folder / f"{name}.e2e.conllu"
    CoNLL.write_doc2conll(doc, str(system))
    end_to_end = _ud_scores(gold_file, system)
    end_to_end["words_per_second"] = round(words / seconds)

    gold_words = folder / f"{name}.gold-words.conllu"
    corpus.write_conllu(gold_words, _words_only(sentences), name)
    tagger = modelset.build_pipeline(ms, "pos,lemma,depparse")
    doc = tagger([[row[1] for row in s.words()] for s in sentences])
    system = folder / f"{name}.gold-words.pred.conllu"
    CoNLL.write_doc2conll(doc, str(system))
    on_gold = _ud_scores(gold_words, system)
    return {"end_to_end": end_to_end,
            "gold_words": {m: on_gold[m] for m in ("UPOS", "XPOS", "UFeats", "Lemmas",
                                                  "UAS", "LAS")}}


def _spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Entity spans from BIO or BIOES tags."""
    spans, start, kind = set(), None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        if start is not None and (prefix in ("O", "B", "S") or label != kind):
            spans.add((start, i, kind))
            start = None
        if prefix in ("B", "S") or (prefix in ("I", "E") and start is None):
            start, kind = i, label
        if prefix in ("E", "S") and start is not None:
            spans.add((start, i + 1, kind))
            start = None
    return spans


def score_ner(ms: modelset.ModelSet, sentences: list[corpus.NerSentence]) -> dict:
    pipeline = modelset.build_pipeline(ms, "ner")
    doc = pipeline([[w for w, _ in s] for s in sentences])
    found, correct, expected = Counter(), Counter(), Counter()
    for gold_sentence, sentence in zip(sentences, doc.sentences, strict=True):
        predicted = [modelset.entity_type(t.ner.partition("-")[2]) if t.ner != "O" else ""
                     for t in sentence.tokens]
        tags = [f"{t.ner.partition('-')[0]}-{p}" if p else "O"
                for t, p in zip(sentence.tokens, predicted, strict=True)]
        system = _spans(tags)
        gold = _spans([tag for _, tag in gold_sentence])
        for span in system:
            found[span[2]] += 1
        for span in gold:
            expected[span[2]] += 1
        for span in system & gold:
            correct[span[2]] += 1

    def f1(c: int, f: int, e: int) -> float:
        return round(200 * c / (f + e), 2) if f + e else 0.0

    per_type = {k: f1(correct[k], found[k], expected[k]) for k in sorted(expected)}
    total = f1(sum(correct.values()), sum(found.values()), sum(expected.values()))
    return {"F1": total, "per_type": per_type}


def model_sizes(out: Path) -> dict[str, int]:
    return {p.name: p.stat().st_size for p in sorted(out.glob("*.pt"))}


def score_and_document(run: Run, ud: UDFiles, times: dict[str, float]) -> dict[str, Any]:
    ms = modelset.resolve_model_set(run.out)
    folder = run.stage_dir("score")
    _, _, ner_test = corpus.split_arman(run.data_dir, run.budget.limit)
    start = time.monotonic()
    scores: dict[str, Any] = {"forms": FORMS, "targets": TARGETS, "ud": {}, "ner": {}}
    for form, gold in (("zwnj", ud.held_out), ("scraped", ud.held_out_scraped)):
        scores["ud"][form] = score_ud(ms, gold, folder, f"held-out-{form}")
    scores["ner"]["zwnj"] = score_ner(ms, ner_test)
    scraped = [s for x in ner_test if (s := corpus.scraped_ner(x)) is not None]
    scores["ner"]["scraped"] = score_ner(ms, scraped)
    times["score"] = round(time.monotonic() - start, 1)
    scores["training_seconds"] = times
    scores["budget"] = {k: v for k, v in vars(run.budget).items()}
    scores["seed"] = run.seed
    scores["sizes"] = model_sizes(run.out)
    scores["quick"] = run.budget != type(run.budget)()
    (run.out / modelset.SCORES_FILE).write_text(
        json.dumps(scores, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    from quotex.training.card import write_card

    notes_file = run.work / "build-notes.md"
    notes = notes_file.read_text(encoding="utf-8") if notes_file.is_file() else None
    write_card(run.out, scores, notes)
    logger.info("scores: %s", json.dumps(scores, ensure_ascii=False))
    return scores
