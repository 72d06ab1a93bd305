"""The numpy taggers give Stanza's pipeline's tags, word for word, on real articles."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from conftest import SAMPLES
from models import require_models
from stanza.models.common.crf import viterbi_decode

from quotex import modelset, nlp, taggers
from quotex.normalize import normalize


def sample_pieces(text_form) -> list[list[str]]:
    """Every sample article's sentences as the models get them, in `text_form`."""
    pieces = []
    for path in sorted(SAMPLES.glob("*.txt")):
        analysis = nlp.tokenized(normalize(text_form(path.read_text(encoding="utf-8"))))
        for sentence in analysis.sentences:
            for first, end in nlp.model_pieces(analysis.words, sentence.first,
                                               sentence.last + 1):
                pieces.append([w.text for w in analysis.words[first:end]])
    return pieces


def entity_marks(tags: list[list[str]]) -> list[list[tuple[str, bool]]]:
    """Tags as quotex reads them: each word's entity type and whether it begins one
    (Stanza's pipeline rewrites stray `I-`/`E-` tags as beginnings; quotex reads them so)."""
    marks = []
    for piece in tags:
        words = [nlp.Word(i, "x", 0, 0, 0) for i in range(len(piece))]
        nlp.write_entities(words, piece)
        marks.append([(w.entity, w.entity_begin) for w in words])
    return marks


def in_a_fresh_process(script: str) -> str:
    """What `script` prints, run by a new Python in the tests folder (its imports are
    its own: this process has loaded Stanza and PyTorch for the comparisons)."""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=Path(__file__).parent, check=True)
    return done.stdout.strip()


@pytest.fixture(scope="module")
def both_taggers():
    require_models()
    models = modelset.resolve_model_set()
    arrays = taggers.ArrayTaggers.load(models)
    assert arrays is not None, "the bundled set is one the numpy taggers serve"
    return taggers.PipelineTaggers.load(models), arrays


@pytest.mark.parametrize("text_form", [lambda text: text,
                                       lambda text: text.replace("\u200c", " ")],
                         ids=["as-written", "zwnj-lost"])
def test_numpy_tags_equal_the_pipelines_on_the_samples(both_taggers, text_form,
                                                        monkeypatch):
    pipeline, arrays = both_taggers
    # a small memory of character ids, so that clearing it is exercised too
    monkeypatch.setattr(taggers, "CHAR_CACHE_WORDS", 300)
    pieces = sample_pieces(text_form)
    assert len(pieces) > 100
    entities = arrays.entities(pieces)
    assert entity_marks(entities) == entity_marks(pipeline.entities(pieces))
    assert arrays.upos(pieces) == pipeline.upos(pieces)
    # the samples do name people, bodies and places, and have verbs
    found = {tag.partition("-")[2] for piece in entities for tag in piece}
    assert {"PER", "ORG", "LOC"} <= found


def test_numpy_tags_do_not_depend_on_the_batch(both_taggers):
    _, arrays = both_taggers
    pieces = sample_pieces(lambda text: text)[:60]
    together = arrays.upos(pieces), arrays.entities(pieces)
    alone = ([arrays.upos([p])[0] for p in pieces], [arrays.entities([p])[0] for p in pieces])
    assert together == alone


def test_quotex_runs_the_models_without_torch_or_stanza():
    """A fresh process extracts an article without importing either."""
    require_models()
    script = ("import sys, quotex; from conftest import SEED; "
              "quotex.extract(SEED.read_text(encoding='utf-8')); "
              "print(sorted(m for m in ('torch', 'stanza') if m in sys.modules))")
    assert in_a_fresh_process(script) == "[]"


def test_batched_viterbi_gives_stanzas_paths_ties_included():
    rng = np.random.default_rng(7)
    lengths = [9, 9, 6, 3, 1]
    tags = 6
    # small integers make ties common: the first best must win, as in Stanza's decoder
    scores = rng.integers(-2, 3, size=(len(lengths), max(lengths), tags)).astype(np.float32)
    transitions = rng.integers(-2, 3, size=(tags, tags)).astype(np.float32)
    paths = taggers.best_paths(scores, transitions, lengths)
    assert paths == [list(map(int, viterbi_decode(scores[i, :n], transitions)[0]))
                     for i, n in enumerate(lengths)]


@pytest.mark.parametrize("change", [{"charlm": True}, {"bert_model": "some/bert"},
                                    {"connect_output_layers": True}, {"char": False}])
def test_models_the_networks_cannot_compute_go_to_stanza(change):
    """Another set's NER (a character language model, a transformer, ...) is left to
    Stanza's pipelines rather than computed wrongly."""
    require_models()
    from quotex.checkpoint import read_checkpoint

    ner = read_checkpoint(modelset.resolve_model_set().paths["ner"])
    assert taggers.served(ner)
    assert not taggers.served({**ner, "config": {**ner["config"], **change}})


def test_without_stanza_and_torch_quotex_runs_and_says_what_else_needs_them(tmp_path):
    """As installed without the `stanza` extra: the bundled set runs; what does need
    Stanza (its official models, a set the networks cannot compute) says so in a line."""
    require_models()
    script = (
        "import sys\n"
        "sys.modules['stanza'] = None; sys.modules['torch'] = None  # not installed\n"
        "import quotex\n"
        "from conftest import SEED\n"
        "from quotex import modelset\n"
        "article = quotex.extract(SEED.read_text(encoding='utf-8'))\n"
        "print(len(article.quotes), modelset.resolve_model_set().name)\n"
        "try:\n"
        "    modelset.download_official()\n"
        "except modelset.ModelError as error:\n"
        "    print(error)\n")
    found, message = in_a_fresh_process(script).splitlines()
    count, name = found.split()
    assert int(count) >= 10 and name == "bundled"
    assert "pip install 'quotex[stanza]'" in message


def test_a_program_using_quotex_keeps_its_own_blas_threads():
    require_models()
    script = (
        "import numpy\n"
        "from threadpoolctl import threadpool_info, threadpool_limits\n"
        "import quotex\n"
        "from conftest import SEED\n"
        "def blas():\n"
        "    return [i['num_threads'] for i in threadpool_info() if i['user_api'] == 'blas']\n"
        "threadpool_limits(3, user_api='blas')\n"
        "quotex.extract(SEED.read_text(encoding='utf-8'))\n"
        "print(blas())\n")
    assert in_a_fresh_process(script) == "[3]"
