"""The training stages: data preparation and Stanza's own trainers, called in process.

Each stage writes its model to `<out>/<processor>.pt` (`pretrain.pt` for the vectors)
and its data under `<work>/<stage>/`.
"""

from __future__ import annotations

import contextlib
import io
import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from quotex.training import corpus, vectors

logger = logging.getLogger("quotex.training")
SHORTHAND = "fa_quotex"


@dataclass(frozen=True)
class Budget:
    """How long each model trains; `limit` keeps only the first sentences of each file."""

    # `all` runs about five hours on a 2-core machine, most of it the union NER's steps
    # (README, "Named entities"); each step-based trainer keeps its best dev
    # checkpoint, so a run stopped early still gives a model
    vector_epochs: int = 5
    # 80k x 100 float32 is 32 MB of the set's 80 MB budget (issue 12)
    vector_max_vocab: int = 80_000
    vector_dim: int = 100
    tokenize_steps: int = 1200
    mwt_epochs: int = 12
    pos_steps: int = 2400
    lemma_epochs: int = 6
    depparse_steps: int = 3000
    ner_steps: int = 20000
    # the fine-tune toward Arman after the union (corpus.ARMAN_TUNE_MIX), at a lower
    # learning rate than the union's sgd 0.1 so it does not forget the other sets
    ner_tune_steps: int = 3000
    ner_tune_lr: float = 0.05
    limit: int | None = None

    @classmethod
    def quick(cls, steps: int, limit: int | None) -> Budget:
        """Every step-based trainer gets `steps` steps, epoch-based ones a few epochs."""
        epochs = max(1, min(5, steps // 100))
        return cls(vector_epochs=1, vector_max_vocab=20_000, vector_dim=50, tokenize_steps=steps,
                   mwt_epochs=epochs, pos_steps=steps, lemma_epochs=epochs,
                   depparse_steps=steps, ner_steps=steps, ner_tune_steps=steps, limit=limit)


@dataclass(frozen=True)
class Run:
    data_dir: Path
    work: Path
    out: Path
    seed: int
    budget: Budget

    def stage_dir(self, stage: str) -> Path:
        path = self.work / stage
        path.mkdir(parents=True, exist_ok=True)
        return path

    def model(self, name: str) -> Path:
        self.out.mkdir(parents=True, exist_ok=True)
        return self.out / f"{name}.pt"


def store_half_precision(model_file: Path) -> None:
    """Halve a model file on disk: float32 weights stored as float16.

    Stanza loads weights with load_state_dict into float32 modules, which casts them
    back, so only storage changes (the set must stay under 60 MB).
    """
    import torch

    checkpoint = torch.load(model_file, map_location="cpu", weights_only=True)
    checkpoint["model"] = {
        name: value.half() if value.dtype == torch.float32 else value
        for name, value in checkpoint["model"].items()
    }
    torch.save(checkpoint, model_file)


def _eval_interval(steps: int, default: int) -> int:
    """Stanza saves a model only at evaluations, so a short run must evaluate in time."""
    return max(1, min(default, steps // 4 or 1))


# --- data ---------------------------------------------------------------------------

@dataclass(frozen=True)
class UDFiles:
    train: Path
    dev: Path
    held_out: Path
    held_out_scraped: Path


def prepare_ud(run: Run) -> UDFiles:
    """Write the fixed split (see corpus.py) as CoNLL-U, training part augmented."""
    folder = run.stage_dir("ud")
    split = corpus.split_treebanks(run.data_dir, run.budget.limit)
    files = UDFiles(folder / "train.conllu", folder / "dev.conllu",
                    folder / "held-out.conllu", folder / "held-out-scraped.conllu")
    corpus.write_conllu(files.train, corpus.augmented(split.train), "train")
    corpus.write_conllu(files.dev, corpus.augmented(split.dev), "dev")
    corpus.write_conllu(files.held_out, split.held_out, "held-out")
    corpus.write_conllu(files.held_out_scraped, corpus.scraped_all(split.held_out),
                        "held-out-scraped")
    logger.info("ud split: %d train, %d dev, %d held-out sentences (before augmentation)",
                len(split.train), len(split.dev), len(split.held_out))
    return files


def _quiet_call(function: Callable[[list[str]], object], args: list[str]) -> None:
    """Stanza's data scripts print progress to stdout; keep it in the log instead."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        function(args)
    if buffer.getvalue().strip():
        logger.info(buffer.getvalue().strip())


def tokenizer_data(run: Run, conllu: Path, name: str) -> tuple[Path, Path, Path]:
    """Raw paragraph text, character labels and MWT list for one CoNLL-U file."""
    from stanza.utils.datasets import prepare_tokenizer_data

    folder = run.stage_dir("tokenize")
    sentences = corpus.read_conllu(conllu)
    text, labels, mwt = (folder / f"{name}.txt", folder / f"{name}.toklabels",
                         folder / f"{name}-mwt.json")
    corpus.write_paragraph_text(text, sentences)
    _quiet_call(prepare_tokenizer_data.main,
                [str(text), str(conllu), "-o", str(labels), "-m", str(mwt)])
    return text, labels, mwt


# --- stages ---------------------------------------------------------------------------

def train_vectors(run: Run) -> None:
    folder = run.stage_dir("vectors")
    raw_limit = run.budget.limit * 40 if run.budget.limit else None
    sentences = vectors.raw_text_sentences(run.data_dir / corpus.RAW_TEXT, raw_limit)
    split = corpus.split_treebanks(run.data_dir, run.budget.limit)
    for sentence in corpus.augmented(split.train + split.dev):
        sentences.append([row[1] for row in sentence.words()])
    union = corpus.ner_union(run.data_dir, run.budget.limit)
    for ner_sentence in corpus.augmented_ner(union.train + union.dev):
        sentences.append([word for word, _ in ner_sentence])
    size = vectors.train_vectors(
        sentences, folder / "pretrain.pt", dim=run.budget.vector_dim,
        epochs=run.budget.vector_epochs, max_vocab=run.budget.vector_max_vocab,
        seed=run.seed)
    shutil.copyfile(folder / "pretrain.pt", run.model("pretrain"))
    logger.info("vectors: %d words in the table", size)


def train_tokenizer(run: Run, ud: UDFiles) -> None:
    from stanza.models import tokenizer

    folder = run.stage_dir("tokenize")
    train_txt, train_labels, train_mwt = tokenizer_data(run, ud.train, "train")
    dev_txt, dev_labels, _ = tokenizer_data(run, ud.dev, "dev")
    steps = run.budget.tokenize_steps
    tokenizer.main([
        "--txt_file", str(train_txt), "--label_file", str(train_labels),
        "--mwt_json_file", str(train_mwt),
        "--dev_txt_file", str(dev_txt), "--dev_label_file", str(dev_labels),
        "--dev_conll_gold", str(ud.dev), "--conll_file", str(folder / "dev.pred.conllu"),
        "--lang", "fa", "--shorthand", SHORTHAND, "--use_mwt",
        "--steps", str(steps), "--eval_steps", str(_eval_interval(steps, 200)),
        "--save_dir", str(folder), "--save_name", "tokenize.pt", "--seed", str(run.seed),
    ])
    shutil.copyfile(folder / "tokenize.pt", run.model("tokenize"))


def train_mwt(run: Run, ud: UDFiles) -> None:
    from stanza.models import mwt_expander

    folder = run.stage_dir("mwt")
    mwt_expander.main([
        "--train_file", str(ud.train), "--eval_file", str(ud.dev), "--gold_file", str(ud.dev),
        "--output_file", str(folder / "dev.pred.conllu"),
        "--lang", "fa", "--shorthand", SHORTHAND, "--num_epoch", str(run.budget.mwt_epochs),
        "--save_dir", str(folder), "--save_name", "mwt.pt", "--seed", str(run.seed),
    ])
    shutil.copyfile(folder / "mwt.pt", run.model("mwt"))


def _pretrain_file(run: Run) -> Path:
    path = run.work / "vectors" / "pretrain.pt"
    if not path.is_file():
        path = run.model("pretrain")
    if not path.is_file():
        raise FileNotFoundError(f"{path}: train the vectors first (stage 'vectors')")
    return path


def _tagger_args(run: Run, ud: UDFiles, name: str, steps: int) -> list[str]:
    """Arguments the tagger and the parser trainers share."""
    folder = run.stage_dir(name)
    return [
        "--train_file", str(ud.train), "--eval_file", str(ud.dev),
        "--output_file", str(folder / "dev.pred.conllu"),
        "--wordvec_pretrain_file", str(_pretrain_file(run)),
        "--lang", "fa", "--shorthand", SHORTHAND,
        "--max_steps", str(steps), "--eval_interval", str(_eval_interval(steps, 100)),
        "--save_dir", str(folder), "--save_name", f"{name}.pt", "--seed", str(run.seed),
    ]


def train_pos(run: Run, ud: UDFiles) -> None:
    from stanza.models import tagger

    tagger.main([
        *_tagger_args(run, ud, "pos", run.budget.pos_steps),
        # smaller classifier layers and batches than Stanza's defaults: on 2 CPU cores
        # the UFeats/XPOS biaffine layers over 250 padded sentences take 10+ s a step
        "--char_hidden_dim", "200", "--deep_biaff_hidden_dim", "100", "--batch_size", "32",
    ])
    shutil.copyfile(run.stage_dir("pos") / "pos.pt", run.model("pos"))
    store_half_precision(run.model("pos"))


def train_lemma(run: Run, ud: UDFiles) -> None:
    from stanza.models import lemmatizer

    folder = run.stage_dir("lemma")
    lemmatizer.main([
        "--train_file", str(ud.train), "--eval_file", str(ud.dev),
        "--output_file", str(folder / "dev.pred.conllu"),
        "--shorthand", SHORTHAND, "--num_epoch", str(run.budget.lemma_epochs),
        "--save_dir", str(folder), "--save_name", "lemma.pt", "--seed", str(run.seed),
    ])
    shutil.copyfile(folder / "lemma.pt", run.model("lemma"))


def train_depparse(run: Run, ud: UDFiles) -> None:
    from stanza.models import parser

    parser.main([
        *_tagger_args(run, ud, "depparse", run.budget.depparse_steps),
        # smaller than Stanza's defaults and a smaller batch: 2 CPU cores
        "--hidden_dim", "200", "--char_hidden_dim", "200", "--deep_biaff_hidden_dim", "200",
        "--batch_size", "1500", "--no_checkpoint",
    ])
    shutil.copyfile(run.stage_dir("depparse") / "depparse.pt", run.model("depparse"))
    store_half_precision(run.model("depparse"))


@dataclass(frozen=True)
class NerFiles:
    train: Path
    dev: Path


def prepare_ner(run: Run, stage: str = "ner",
                mix: corpus.NerMix = corpus.UNION_MIX) -> NerFiles:
    """The four NER sets weighed by `mix` (corpus.ner_union), every set's training part
    augmented with scraped copies."""
    folder = run.stage_dir(stage)
    union = corpus.ner_union(run.data_dir, run.budget.limit, mix)
    files = NerFiles(folder / "train.json", folder / "dev.json")
    corpus.write_ner_json(files.train, corpus.augmented_ner(union.train))
    corpus.write_ner_json(files.dev, union.dev)
    logger.info("%s data: %d training sentences (%s) before augmentation, %d dev", stage,
                len(union.train), ", ".join(f"{k} {v}" for k, v in union.sizes.items()),
                len(union.dev))
    return files


def _ner_args(run: Run, files: NerFiles, folder: Path, steps: int,
              eval_every: int = 500) -> list[str]:
    """Arguments the union NER and its fine-tune share."""
    return [
        "--train_file", str(files.train), "--eval_file", str(files.dev),
        "--wordvec_pretrain_file", str(_pretrain_file(run)),
        "--shorthand", SHORTHAND, "--scheme", "bioes",
        "--max_steps", str(steps), "--eval_interval", str(_eval_interval(steps, eval_every)),
        "--save_dir", str(folder), "--save_name", "ner.pt", "--seed", str(run.seed),
    ]


def train_ner(run: Run) -> None:
    from stanza.models import ner_tagger

    folder = run.stage_dir("ner")
    ner_tagger.main(_ner_args(run, prepare_ner(run), folder, run.budget.ner_steps))
    shutil.copyfile(folder / "ner.pt", run.model("ner"))
    store_half_precision(run.model("ner"))


def train_ner_tune(run: Run) -> None:
    """Fine-tune the union NER (stage 'ner', its full-precision checkpoint) toward Arman
    on corpus.ARMAN_TUNE_MIX; the model with the best dev score replaces the set's NER."""
    import torch
    from stanza.models import ner_tagger

    union = run.work / "ner" / "ner.pt"
    if not union.is_file():
        raise FileNotFoundError(f"{union}: train the union NER first (stage 'ner')")
    folder = run.stage_dir("ner-tune")
    files = prepare_ner(run, "ner-tune", corpus.ARMAN_TUNE_MIX)
    # Stanza's --finetune builds the optimizer from the loaded model's own settings,
    # not the command line's: the start checkpoint carries the fine-tune's rate
    checkpoint = torch.load(union, map_location="cpu", weights_only=True)
    checkpoint["config"]["lr"] = run.budget.ner_tune_lr
    start = folder / "start.pt"
    torch.save(checkpoint, start)
    ner_tagger.main([*_ner_args(run, files, folder, run.budget.ner_tune_steps, 250),
                     "--finetune", "--finetune_load_name", str(start)])
    start.unlink()
    shutil.copyfile(folder / "ner.pt", run.model("ner"))
    store_half_precision(run.model("ner"))
