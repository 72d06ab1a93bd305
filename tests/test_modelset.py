"""The bundled Persian model set: resolution, offline loading, real output, errors."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from quotex import modelset
from quotex.modelset import (
    BUNDLED_DIR,
    REBUILD_COMMAND,
    ModelError,
    build_pipeline,
    describe,
    describe_text,
    entity_type,
    resolve_model_set,
)

SEED = Path(__file__).resolve().parents[1] / "samples" / "seed-tehran-election.txt"
ZWNJ = "\u200c"
# The seed is scraped text without ZWNJs; these are its words as the treebanks write them.
ZWNJ_SPELLINGS = {
    "بخشداریهاست": "بخشداری‌هاست",
    "دستگاهها": "دستگاه‌ها",
    "موظفاند": "موظف‌اند",
}


def _block_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network blocked by the test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture()
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    _block_network(monkeypatch)


@pytest.fixture(scope="module")
def bundled() -> modelset.ModelSet:
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("QUOTEX_MODEL_DIR", raising=False)
        patch.setattr(modelset, "stanza_resource_dirs", lambda: [])
        return resolve_model_set()


@pytest.fixture(scope="module")
def pipeline(bundled: modelset.ModelSet):
    with pytest.MonkeyPatch.context() as patch:
        _block_network(patch)
        return build_pipeline(bundled)


def _paragraph_with(text: str, needle: str) -> str:
    return next(p for p in text.split("\n\n") if needle in p).strip()


@pytest.fixture(scope="module")
def paragraph() -> str:
    return _paragraph_with(SEED.read_text(encoding="utf-8"), "حسین خوش اقبال")


def _with_zwnj(text: str) -> str:
    for scraped, spelled in ZWNJ_SPELLINGS.items():
        text = text.replace(scraped, spelled)
    return text


def test_bundled_set_is_complete_and_small(bundled: modelset.ModelSet) -> None:
    assert bundled.name == "bundled"
    assert bundled.directory == BUNDLED_DIR
    assert set(modelset.MODEL_FILES) <= set(bundled.paths)
    assert not list(BUNDLED_DIR.glob("*_checkpoint.pt"))
    total = sum(p.stat().st_size for p in BUNDLED_DIR.iterdir() if p.is_file())
    assert total < 60_000_000
    assert (BUNDLED_DIR / "MODEL_CARD.md").is_file()
    assert resolve_model_set(BUNDLED_DIR).version == bundled.version


def test_every_bundled_model_loads_weights_only(bundled: modelset.ModelSet) -> None:
    """No pickled code in the set: torch's safe loader reads every file."""
    import torch

    for name, path in bundled.paths.items():
        checkpoint = torch.load(path, map_location="cpu", weights_only=True)
        assert isinstance(checkpoint, dict) and checkpoint, name


def test_describe_lists_files_and_scores(bundled: modelset.ModelSet) -> None:
    info = describe(bundled)
    assert info["name"] == "bundled"
    assert info["files"]["pos"]["bytes"] > 0
    text = describe_text(info)
    assert text.startswith("model set: bundled")
    if info.get("scores") is None:
        pytest.skip("this build ships no scores.json (its card gives the training-time scores)")
    assert info["scores"]["ud"]["zwnj"]["end_to_end"]["Tokens"] > 90
    assert "NER F1" in text


@pytest.mark.xfail(
    reason="the shipped NER tags `حسین خوش` without `اقبال`; the NER models that tag the "
    "whole name (surname augmentation) score lower held out (MODEL_CARD.md, known limits); "
    "quotex completes the name itself (tests/test_engine.py)", strict=False,
)
@pytest.mark.parametrize("form", ["scraped", "zwnj"])
def test_person_name_is_one_entity(pipeline, paragraph: str, form: str) -> None:
    text = paragraph if form == "scraped" else _with_zwnj(paragraph)
    assert (form == "zwnj") == (ZWNJ in text)
    doc = pipeline(text)
    people = [e.text for e in doc.entities if entity_type(e.type) == "PER"]
    assert "حسین خوش اقبال" in people


@pytest.mark.parametrize("form", ["scraped", "zwnj"])
def test_light_verb_attaches_to_its_verb(pipeline, paragraph: str, form: str) -> None:
    text = paragraph if form == "scraped" else _with_zwnj(paragraph)
    doc = pipeline(text)
    pairs = [
        (word.deprel, sentence.words[word.head - 1].text)
        for sentence in doc.sentences
        for word in sentence.words
        if word.text == "اظهار" and word.head > 0
    ]
    assert ("compound:lvc", "کرد") in pairs


@pytest.mark.parametrize("verb", ["میگویند", "می‌گویند"])
def test_lemma_of_say_is_its_past_stem(pipeline, verb: str) -> None:
    doc = pipeline(f"کارشناسان {verb} که انتخابات امسال الکترونیکی است.")
    lemmas = {w.text: w.lemma for s in doc.sentences for w in s.words}
    assert lemmas[verb] == "گفت"


def test_tagger_runs_on_given_words(bundled: modelset.ModelSet, offline: None) -> None:
    tagger = build_pipeline(bundled, "pos,lemma,depparse")
    doc = tagger([["او", "اظهار", "کرد", "."]])
    words = doc.sentences[0].words
    assert [w.text for w in words] == ["او", "اظهار", "کرد", "."]
    assert words[2].upos == "VERB"


def test_tokenizer_alone(bundled: modelset.ModelSet, offline: None) -> None:
    doc = build_pipeline(bundled, "tokenize,mwt")("فرماندار تهران گفت: انتخابات امن است.")
    assert len(doc.sentences) >= 1
    assert doc.sentences[0].words[0].text == "فرماندار"


def test_model_dir_argument_and_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("tokenize.pt", "pretrain.pt"):
        shutil.copyfile(BUNDLED_DIR / name, tmp_path / name)
    assert resolve_model_set(tmp_path).name == "custom"
    monkeypatch.setenv("QUOTEX_MODEL_DIR", str(tmp_path))
    chosen = resolve_model_set()
    assert (chosen.name, chosen.directory) == ("custom", tmp_path)


def test_missing_folder_and_file_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(ModelError) as missing_folder:
        resolve_model_set(tmp_path / "nowhere")
    assert "nowhere" in str(missing_folder.value)
    with pytest.raises(ModelError) as missing_file:
        resolve_model_set(tmp_path)
    message = str(missing_file.value)
    assert "tokenize.pt" in message and REBUILD_COMMAND in message and "\n" not in message


def test_missing_processor_file_names_it(tmp_path: Path, offline: None) -> None:
    for name in ("tokenize.pt", "pretrain.pt"):
        shutil.copyfile(BUNDLED_DIR / name, tmp_path / name)
    with pytest.raises(ModelError) as error:
        build_pipeline(resolve_model_set(tmp_path), "tokenize,pos")
    assert str(tmp_path / "pos.pt") in str(error.value)


def test_corrupt_file_names_it(tmp_path: Path, offline: None) -> None:
    for name in ("tokenize.pt", "mwt.pt", "pretrain.pt"):
        shutil.copyfile(BUNDLED_DIR / name, tmp_path / name)
    (tmp_path / "mwt.pt").write_bytes(b"not a model")
    with pytest.raises(ModelError) as error:
        build_pipeline(resolve_model_set(tmp_path), "tokenize,mwt")
    message = str(error.value)
    assert "mwt.pt" in message and REBUILD_COMMAND in message and "\n" not in message


def test_unknown_processor(bundled: modelset.ModelSet) -> None:
    with pytest.raises(ModelError, match="unknown processor: sentiment"):
        build_pipeline(bundled, "tokenize,sentiment")


def test_download_without_network_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, offline: None
) -> None:
    import stanza.resources.common

    monkeypatch.setattr(stanza.resources.common, "DEFAULT_MODEL_DIR", str(tmp_path))
    with pytest.raises(ModelError) as error:
        modelset.download_official()
    assert "\n" not in str(error.value)


def test_entity_type_names() -> None:
    assert entity_type("pers") == "PER"
    assert entity_type("PER") == "PER"
    assert entity_type("event") == "EVENT"


def test_loading_the_ner_never_imports_torch_dynamo(bundled: modelset.ModelSet) -> None:
    # a fresh process: other tests in this one may have imported it already
    probe = ("import sys; from quotex.modelset import build_pipeline, resolve_model_set; "
             "build_pipeline(resolve_model_set(), 'ner'); "
             "print('torch._dynamo' in sys.modules)")
    env = {**os.environ, "QUOTEX_MODEL_DIR": str(bundled.directory)}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, env=env)
    assert done.stdout.strip() == "False"
