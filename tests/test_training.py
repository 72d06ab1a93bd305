"""The training command: data preparation units and a quick smoke run on a tiny slice."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quotex.training import __main__ as training_main
from quotex.training import corpus
from quotex.training.corpus import bio_spans
from quotex.training.vectors import select_vocabulary, tokenize_line

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"

CONLLU = """# text = کتاب‌هایشان را دید.
1-2\tکتاب‌هایشان\t_\t_\t_\t_\t_\t_\t_\t_
1\tکتاب‌های\tکتاب\tNOUN\tN\t_\t3\tobj\t_\t_
2\tشان\tایشان\tPRON\tPRO\t_\t1\tnmod\t_\t_
3\tرا\tرا\tADP\tP\t_\t1\tcase\t_\t_
4\tدید\tدید\tVERB\tV\t_\t0\troot\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\tP\t_\t4\tpunct\t_\t_

"""


@pytest.fixture()
def sentence(tmp_path: Path) -> corpus.Sentence:
    path = tmp_path / "one.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    (only,) = corpus.read_conllu(path)
    return only


def test_sentence_text_uses_tokens_and_space_after(sentence: corpus.Sentence) -> None:
    assert sentence.text() == "کتاب‌هایشان را دید."
    assert [row[1] for row in sentence.words()][:2] == ["کتاب‌های", "شان"]


def test_scraped_copy_changes_forms_not_lemmas(sentence: corpus.Sentence) -> None:
    copy = corpus.scraped_sentence(sentence)
    assert copy is not None
    assert copy.text() == "كتابهايشان را ديد."
    assert [row[2] for row in copy.words()] == [row[2] for row in sentence.words()]
    assert corpus.scrape("می‌گویند") == "ميگويند"


def test_augmented_copies_every_other_sentence(sentence: corpus.Sentence) -> None:
    out = corpus.augmented([sentence] * 4)
    assert len(out) == 6
    assert corpus.ZWNJ not in out[1].text()


def test_tokenizer_labels_match_text(tmp_path: Path, sentence: corpus.Sentence) -> None:
    from quotex.training import stages

    conllu = tmp_path / "train.conllu"
    corpus.write_conllu(conllu, [sentence, sentence], "t")
    run = stages.Run(DATA, tmp_path / "work", tmp_path / "out", 1, stages.Budget())
    text, labels, mwt = stages.tokenizer_data(run, conllu, "train")
    raw = text.read_text(encoding="utf-8").rstrip("\n")
    marks = labels.read_text().rstrip("\n")
    assert len(raw) == len(marks)
    # the multiword token ends with 3, the sentence with 2
    assert marks[len("کتاب‌هایشان") - 1] == "3"
    assert marks[len(sentence.text()) - 1] == "2"
    assert json.loads(mwt.read_text())[0][0] == ["کتاب‌هایشان", ["کتاب‌های", "شان"]]


def test_entity_spans_from_bio_and_bioes() -> None:
    assert set(bio_spans(["B-PER", "I-PER", "I-PER", "O", "B-LOC"])) == {
        (0, 3, "PER"), (4, 5, "LOC")}
    assert set(bio_spans(["B-PER", "E-PER", "S-ORG"])) == {(0, 2, "PER"), (2, 3, "ORG")}
    assert set(bio_spans(["B-PER", "I-ORG"])) == {(0, 1, "PER"), (1, 2, "ORG")}


def test_vector_vocabulary_adds_zwnj_less_variants() -> None:
    from collections import Counter

    counts = Counter({"می‌گویند": 5, "گفت": 4, "کرد": 3, "شد": 2})
    words = select_vocabulary(counts, max_vocab=4, variant_share=0.5)
    assert words[:2] == ["می‌گویند", "گفت"]
    assert "میگویند" in words and len(words) == 4
    assert tokenize_line("او گفت: «می‌گویند»") == ["او", "گفت", ":", "«", "می‌گویند", "»"]


needs_data = pytest.mark.skipif(not (DATA / "README.md").is_file(),
                                reason="../shared/data is not beside the repository")


@needs_data
def test_split_is_fixed_and_disjoint() -> None:
    first = corpus.split_treebanks(DATA, limit=50)
    second = corpus.split_treebanks(DATA, limit=50)
    assert [s.text() for s in first.held_out] == [s.text() for s in second.held_out]
    assert len(first.held_out) == 20 and len(first.dev) == 10 and len(first.train) == 170
    held = {s.text() for s in first.held_out}
    assert not held & {s.text() for s in first.train}


def test_arman_types_map_to_what_the_news_sets_call_them() -> None:
    words = ["دانشگاه", "تهران", "و", "ورزشگاه", "آزادی", "روزنامه", "کیهان", "کتاب", "جام",
             "علی"]
    tags = ["B-fac", "I-fac", "O", "B-fac", "I-fac", "B-pro", "I-pro", "B-pro", "B-event",
            "B-pers"]
    assert corpus.map_tags(words, tags, corpus.ARMAN_MAP) == [
        "B-ORG", "I-ORG", "O", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "O", "O", "B-PER"]


def test_twitter_and_peyma_types_map_to_the_shared_set() -> None:
    words = ["حزب", "دموکرات", "ایرانی", "دفاع", "مقدس", "تهران"]
    tags = ["B-POG", "I-POG", "B-NAT", "B-EVE", "I-EVE", "B-LOC"]
    assert corpus.map_tags(words, tags, corpus.TWITTER_MAP) == [
        "B-ORG", "I-ORG", "O", "O", "O", "B-LOC"]
    assert corpus.map_tags(["۲۰", "درصد", "سازمان", "ملل"],
                           ["B_PCT", "I_PCT", "B_ORG", "I_ORG"], corpus.PEYMA_MAP) == [
        "O", "O", "B-ORG", "I-ORG"]


def test_ner_reader_splits_at_the_last_separator_and_normalises_letters(
        tmp_path: Path) -> None:
    (tmp_path / "peyma.txt").write_text("می افتد|O\nعلي|B_PER\nكريمي|I_PER\n\nبه|O\n",
                                        encoding="utf-8")
    spec = corpus.NerFile("peyma.txt", "|", corpus.PEYMA_MAP)
    assert corpus.read_ner(tmp_path, spec) == [
        [("می افتد", "O"), ("علی", "B-PER"), ("کریمی", "I-PER")], [("به", "O")]]
    assert corpus.read_ner(tmp_path, spec, limit=1) == corpus.read_ner(tmp_path, spec)[:1]


def test_without_zwnj_removes_every_zwnj() -> None:
    assert corpus.without_zwnj([("می‌گوید", "O"), ("خوش‌اقبال", "B-PER")]) == [
        ("میگوید", "O"), ("خوشاقبال", "B-PER")]
    assert corpus.without_zwnj([(corpus.ZWNJ, "O")]) is None


@needs_data
def test_ner_union_weights_the_sets_and_keeps_three_types() -> None:
    union = corpus.ner_union(DATA, limit=40)
    assert union.sizes == {"arman": 2 * 38, "peyma": 40, "nsurl": 40, "parstwiner": 20}
    assert len(union.train) == sum(union.sizes.values())
    # Arman's held-out part, PEYMA dev, ParsTwiNER dev
    assert len(union.dev) == 2 + 40 + 40
    tags = {tag for sentence in union.train + union.dev for _, tag in sentence}
    assert tags == {"O"} | {f"{p}-{t}" for p in "BI" for t in corpus.SHARED_TYPES}
    # NSURL's Arabic letters are normalised like every other set
    assert not any("ي" in word for sentence in union.train for word, _ in sentence)
    # the sets are interleaved, not one after the other
    first_tenth = {tuple(s) for s in union.train[: len(union.train) // 10]}
    tweets = corpus.read_ner(DATA, corpus.TWITTER_TRAIN, 40)[::corpus.UNION_MIX.every["parstwiner"]]
    assert first_tenth & {tuple(s) for s in tweets}


@needs_data
def test_arman_tune_mix_weighs_arman_in_its_own_tags() -> None:
    tune = corpus.ner_union(DATA, limit=40, mix=corpus.ARMAN_TUNE_MIX)
    assert tune.sizes == {"arman": 3 * 38, "peyma": 10, "nsurl": 5, "parstwiner": 10}
    assert len(tune.train) == sum(tune.sizes.values()) and len(tune.dev) == 2  # Arman only
    # Arman in its own person/organization/location tags: what the union maps from its
    # facilities and newspapers (to LOC, ORG) is O, all else is the same
    own, own_dev, _ = corpus.split_arman(DATA, 400, corpus.ARMAN_TUNE_MIX.arman_types)
    mapped, _, _ = corpus.split_arman(DATA, 400)
    changed = {(word, a, b) for s, t in zip(own, mapped, strict=True)
               for (word, a), (_, b) in zip(s, t, strict=True) if a != b}
    assert {a for _, a, _ in changed} == {"O"}
    assert {b for _, _, b in changed} >= {"B-LOC", "B-ORG"}
    assert {"خیابان", "دانشگاه", "روزنامه"} <= {word for word, _, _ in changed}
    assert tune.dev[:2] == own_dev[:2]


@needs_data
def test_held_out_sets_keep_only_their_own_three_types() -> None:
    for spec in corpus.NER_TEST_SETS.values():
        tags = {tag for sentence in corpus.read_ner(DATA, spec, 300) for _, tag in sentence}
        assert tags <= {"O"} | {f"{p}-{t}" for p in "BI" for t in corpus.SHARED_TYPES}
    # Arman's own test split: its facilities stay unscored (O), not mapped to LOC
    arman = corpus.read_ner(DATA, corpus.ARMAN_TEST)
    stadiums = [t for s in arman for w, t in s if w == "ورزشگاه"]
    assert stadiums and set(stadiums) == {"O"}


@needs_data
def test_quick_training_run_builds_a_scored_set(tmp_path: Path) -> None:
    """`all --steps` from a clean checkout: every model, scores and card (a few minutes)."""
    pytest.importorskip("gensim", reason="the training extra: pip install -e '.[train]'")
    out, work = tmp_path / "models", tmp_path / "work"
    command = [sys.executable, "-m", "quotex.training", "all", "--steps", "6", "--limit", "30",
               "--out", str(out), "--work", str(work), "--data", str(DATA)]
    env = {**os.environ, "QUOTEX_THREADS": "2", "TMPDIR": str(tmp_path)}
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True,
                            timeout=900, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    # with --work and --out given, neither the run nor its children leave temp folders
    assert not list(tmp_path.glob("quotex-train-*"))
    names = {p.name for p in out.iterdir()}
    assert {f"{m}.pt" for m in ("tokenize", "mwt", "pos", "lemma", "depparse", "ner",
                                "pretrain")} <= names
    assert {"scores.json", "MODEL_CARD.md"} <= names
    scores = json.loads((out / "scores.json").read_text(encoding="utf-8"))
    assert set(scores["ud"]) == {"zwnj", "scraped"} and scores["quick"] is True
    assert set(scores["ner"]) == {"arman", "peyma", "parstwiner"}
    assert set(scores["ner"]["peyma"]["no_zwnj"]["per_type"]) == {"PER", "ORG", "LOC"}
    assert not list(out.glob("*_checkpoint.pt"))


def test_training_without_its_extra_says_what_to_install():
    """Installed without the `train` extra (Stanza, PyTorch, gensim): one line, exit 2."""
    script = ("import sys\n"
              "sys.modules['torch'] = None; sys.modules['stanza'] = None\n"
              "from quotex.training.__main__ import main\n"
              "sys.exit(main(['score']))\n")
    env = {**os.environ, **training_main.MALLOC_SETTINGS}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1] == (
        "error: training needs torch, stanza: pip install 'quotex[train]'")
