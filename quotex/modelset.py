"""Which Persian model set quotex uses, and loading it offline.

Resolution order: an explicit directory (`--model-dir`), `QUOTEX_MODEL_DIR`, Stanza's
official Persian models when installed in Stanza's resource folder, else the set
bundled in `quotex/models/fa` (trained by `python -m quotex.training all`).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import stanza

BUNDLED_DIR = Path(__file__).parent / "models" / "fa"
REBUILD_COMMAND = "python -m quotex.training all"
PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")
# processors that read the word-vector table
PRETRAIN_USERS = ("pos", "depparse", "ner")
MODEL_FILES = {name: f"{name}.pt" for name in (*PROCESSORS, "pretrain")}
SCORES_FILE = "scores.json"
CARD_FILE = "MODEL_CARD.md"

# Entity types as quotex reports them. The bundled set is trained with these names;
# Stanza's official Persian model (also trained on Arman) uses Arman's lowercase ones.
ENTITY_TYPES = {"pers": "PER", "org": "ORG", "loc": "LOC", "fac": "FAC", "pro": "PRO",
                "event": "EVENT", "per": "PER", "person": "PER"}


class ModelError(Exception):
    """A model set that cannot be used; the message is one line for the user."""


@dataclass(frozen=True)
class ModelSet:
    name: str  # "custom", "stanza-official" or "bundled"
    directory: Path
    paths: dict[str, Path]
    version: str


def entity_type(ner_type: str) -> str:
    """The quotex name of a Stanza entity type from either model set (`pers` -> `PER`)."""
    return ENTITY_TYPES.get(ner_type.lower(), ner_type.upper())


def _fingerprint(paths: dict[str, Path], directory: Path) -> str:
    digest = hashlib.sha1()
    for key in sorted(paths):
        path = paths[key]
        digest.update(f"{key}:{path.name}:{path.stat().st_size}\n".encode())
    for extra in (SCORES_FILE, CARD_FILE):
        if (directory / extra).is_file():
            digest.update((directory / extra).read_bytes())
    return digest.hexdigest()[:12]


def missing_file_error(path: Path) -> ModelError:
    """A set without one of the files asked of it: the line names the file."""
    return ModelError(f"model file missing: {path} (rebuild: {REBUILD_COMMAND})")


def unreadable_file_error(path: Path) -> ModelError:
    """A model file that cannot be read (a broken download, another kind of file)."""
    return ModelError(f"cannot read model file {path}: corrupt or not a Stanza model "
                      f"(rebuild: {REBUILD_COMMAND})")


def _flat_set(name: str, directory: Path) -> ModelSet:
    """A set laid out like the bundled one: <processor>.pt and pretrain.pt in one folder."""
    if not directory.is_dir():
        raise ModelError(f"model folder not found: {directory} (rebuild: {REBUILD_COMMAND})")
    paths = {key: directory / file for key, file in MODEL_FILES.items()
             if (directory / file).is_file()}
    missing = [MODEL_FILES[key] for key in ("tokenize", "pretrain") if key not in paths]
    if missing:
        raise missing_file_error(directory / missing[0])
    return ModelSet(name, directory, paths, _fingerprint(paths, directory))


STANZA_MISSING = ("this needs Stanza and PyTorch, which are not installed: "
                  "pip install 'quotex[stanza]'")


def installed(package: str) -> bool:
    """Whether `package` can be imported, found without importing it."""
    try:
        return importlib.util.find_spec(package) is not None
    except (ImportError, ValueError):  # a broken or blocked install
        return False


def stanza_installed() -> bool:
    return installed("stanza")


def stanza_resource_dirs() -> list[Path]:
    """Where Stanza keeps downloaded models: $STANZA_RESOURCES_DIR, else its default in
    the user cache folder (as `stanza.resources.common` computes it), and the older
    ~/stanza_resources; none where Stanza is not installed (its models need it). Found
    without importing Stanza, which imports PyTorch (1.5 s)."""
    if not stanza_installed():
        return []
    from platformdirs import user_cache_dir  # a dependency of Stanza's

    configured = os.environ.get("STANZA_RESOURCES_DIR")
    default = Path(configured) if configured else Path(
        user_cache_dir("stanza", "StanfordNLP", _stanza_resources_version())) / "resources"
    dirs = [default, Path.home() / "stanza_resources"]
    return list(dict.fromkeys(d.expanduser() for d in dirs))


def _stanza_resources_version() -> str:
    """`stanza._version.__resources_version__`, read from the file, not imported."""
    spec = importlib.util.find_spec("stanza")
    if spec is None or not spec.submodule_search_locations:
        return ""
    source = Path(list(spec.submodule_search_locations)[0]) / "_version.py"
    found = re.search(r"__resources_version__\s*=\s*['\"]([^'\"]+)",
                      source.read_text(encoding="utf-8"))
    return found.group(1) if found else ""


def _official_set() -> ModelSet | None:
    for resources in stanza_resource_dirs():
        lang_dir = resources / "fa"
        if not (resources / "resources.json").is_file() or not lang_dir.is_dir():
            continue
        paths: dict[str, Path] = {}
        for processor in (*PROCESSORS, "pretrain"):
            found = sorted((lang_dir / processor).glob("*.pt"))
            if found:
                paths[processor] = found[0]
        if "tokenize" in paths:
            return ModelSet("stanza-official", resources, paths,
                            _fingerprint(paths, lang_dir))
    return None


def resolve_model_set(model_dir: str | Path | None = None) -> ModelSet:
    """The model set to use (see the module docstring for the order)."""
    if model_dir is not None:
        return _flat_set("custom", Path(model_dir).expanduser())
    if env_dir := os.environ.get("QUOTEX_MODEL_DIR"):
        return _flat_set("custom", Path(env_dir).expanduser())
    return _official_set() or _flat_set("bundled", BUNDLED_DIR)


def _empty_resources_file() -> str:
    """Stanza wants a resources.json even offline; an empty one (in a temp folder, as
    the model folder may be read-only) plus allow_unknown_language is enough."""
    path = Path(tempfile.gettempdir()) / "quotex-stanza-resources.json"
    if not path.is_file():
        path.write_text("{}", encoding="utf-8")
    return str(path)


def _drop_unknown_language_warning(record: logging.LogRecord) -> bool:
    """Stanza warns on every load of a model set it has no resources.json entry for."""
    return "unsupported language" not in record.getMessage()


def thread_count() -> int:
    """Threads for the models' arithmetic in one process: QUOTEX_THREADS, else one.

    More threads than free cores make BLAS and torch threads spin waiting for each
    other: with the other core of two busy, two threads ran an article 9x slower than
    one (README, "Speed"). More cores are used by worker processes (`--jobs`, Dask)."""
    return int(os.environ.get("QUOTEX_THREADS", "0")) or 1


def _set_threads() -> None:
    import torch

    if torch.get_num_threads() != thread_count():
        torch.set_num_threads(thread_count())


def _skip_dynamo_import_for_optimizers() -> None:
    """Keep torch from importing TorchDynamo when Stanza builds an optimizer.

    Stanza's NER trainer builds a training optimizer even to predict, and torch wraps
    `Optimizer.add_param_group` so that its first call imports `torch._dynamo` to mark
    it "not to be compiled": 1.3 s of the 2.2 s that loading the models took. quotex
    never compiles, so the wrapper's cache is filled with the plain method, which is
    what it would call after the import anyway.
    """
    from torch.optim import Optimizer

    plain = getattr(Optimizer.add_param_group, "__wrapped__", None)
    if plain is not None and not hasattr(plain, "__dynamo_disable"):
        setattr(plain, "__dynamo_disable", plain)


def build_pipeline(ms: ModelSet, processors: str = ",".join(PROCESSORS),
                   **kwargs: Any) -> stanza.Pipeline:
    """An offline Stanza pipeline over `ms` for any subset of the processors.

    Extra keyword arguments go to stanza.Pipeline (e.g. tokenize_pretokenized=True to
    run pos,lemma,depparse on given words). Never downloads anything.
    """
    if not stanza_installed():
        raise ModelError(STANZA_MISSING)
    import stanza

    _set_threads()
    _skip_dynamo_import_for_optimizers()
    stanza_logger = logging.getLogger("stanza")
    if _drop_unknown_language_warning not in stanza_logger.filters:
        stanza_logger.addFilter(_drop_unknown_language_warning)
    wanted = [p.strip() for p in processors.split(",") if p.strip()]
    unknown = [p for p in wanted if p not in PROCESSORS]
    if unknown:
        raise ModelError(f"unknown processor: {unknown[0]} (known: {', '.join(PROCESSORS)})")
    options: dict[str, Any] = {"logging_level": "WARNING", "download_method": None,
                               "use_gpu": False, "dir": str(ms.directory)}
    if "tokenize" not in wanted:
        # without a tokenizer model the words come as given (lists of words or a Document)
        wanted.insert(0, "tokenize")
        options["tokenize_pretokenized"] = True
    if ms.name != "stanza-official":
        for processor in wanted:
            if processor == "tokenize" and options.get("tokenize_pretokenized"):
                continue
            if processor not in ms.paths:
                raise missing_file_error(ms.directory / MODEL_FILES[processor])
            options[f"{processor}_model_path"] = str(ms.paths[processor])
            if processor in PRETRAIN_USERS:
                options[f"{processor}_pretrain_path"] = str(ms.paths["pretrain"])
        options |= {"allow_unknown_language": True,
                    "resources_filepath": _empty_resources_file()}
    options |= kwargs
    try:
        return stanza.Pipeline(lang="fa", processors=",".join(wanted), **options)
    except ModelError:
        raise
    except Exception as error:  # Stanza raises many types for unreadable files
        raise ModelError(_load_error_line(ms, wanted, error)) from error


def _unreadable_file(ms: ModelSet, processors: list[str]) -> Path | None:
    """The first model file of `processors` that torch cannot load weights-only."""
    import torch

    names = [p for p in processors if p in ms.paths]
    if any(p in PRETRAIN_USERS for p in processors) and "pretrain" in ms.paths:
        names.append("pretrain")
    for name in names:
        try:
            torch.load(ms.paths[name], map_location="cpu", weights_only=True)
        except Exception:  # any failure to read it is what we are looking for
            return ms.paths[name]
    return None


def _load_error_line(ms: ModelSet, processors: list[str], error: Exception) -> str:
    path = _unreadable_file(ms, processors)
    if path is not None:
        return str(unreadable_file_error(path))
    reason = str(error).splitlines()[0][:160] if str(error) else type(error).__name__
    return f"cannot load the models in {ms.directory}: {reason} (rebuild: {REBUILD_COMMAND})"


def read_scores(ms: ModelSet) -> dict[str, Any] | None:
    path = ms.directory / SCORES_FILE
    if not path.is_file():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def describe(ms: ModelSet) -> dict[str, Any]:
    """What `quotex models` shows: the set, its files and their sizes, its scores."""
    files = {key: {"path": str(path), "bytes": path.stat().st_size}
             for key, path in sorted(ms.paths.items())}
    return {
        "name": ms.name,
        "directory": str(ms.directory),
        "version": ms.version,
        "files": files,
        "total_bytes": sum(f["bytes"] for f in files.values()),
        "scores": read_scores(ms),
    }


def download_official() -> Path:
    """Run Stanza's own downloader for Persian; returns the resource folder."""
    if not stanza_installed():
        raise ModelError(STANZA_MISSING)
    import stanza
    from stanza.resources.common import DEFAULT_MODEL_DIR

    logging.getLogger("stanza").setLevel(logging.WARNING)
    try:
        stanza.download("fa", model_dir=DEFAULT_MODEL_DIR, logging_level="WARNING")
    except Exception as error:  # network errors come in many types (requests, OS, HTTP)
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ModelError(f"could not download Stanza's Persian models (no internet?): "
                         f"{reason[:200]}") from error
    return Path(DEFAULT_MODEL_DIR)


def describe_text(info: dict[str, Any]) -> str:
    """`describe`'s result as lines for a terminal."""
    lines = [f"model set: {info['name']} ({info['directory']}), version {info['version']}"]
    for key, entry in info["files"].items():
        lines.append(f"  {key:<9} {entry['bytes'] / 1e6:6.1f} MB  {entry['path']}")
    lines.append(f"  total     {info['total_bytes'] / 1e6:6.1f} MB")
    scores = info.get("scores")
    if not scores:
        lines.append("held-out scores: none recorded for this set")
        return "\n".join(lines)
    lines.append("held-out scores (end to end from raw text):")
    for form, label in scores["forms"].items():
        e2e = scores["ud"][form]["end_to_end"]
        parts = ", ".join(f"{m} {e2e[m]}" for m in ("Tokens", "UPOS", "Lemmas", "LAS"))
        lines.append(f"  {label}: {parts}")
    ner = scores["ner"]
    if "zwnj" in ner:  # a set scored before issue 12: Arman test_fold1, all six types
        lines.append(f"NER F1 on Arman test_fold1: {ner['zwnj']['F1']} (with ZWNJ), "
                     f"{ner['scraped']['F1']} (scraped)")
    else:
        for form, label in scores["ner_forms"].items():
            parts = ", ".join(f"{name} {ner[name][form]['F1']}" for name in ner)
            lines.append(f"NER F1 (PER/ORG/LOC, test splits), {label}: {parts}")
    return "\n".join(lines)
