"""Model files read without PyTorch: the same contents as torch's weights-only loader."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch

from quotex.checkpoint import CheckpointError, read_checkpoint
from quotex.modelset import BUNDLED_DIR


class NotAModelPart:
    """Pickled by reference to this module: no model file may ask for it."""


def same_contents(read, loaded, where: str = "") -> None:
    if isinstance(loaded, torch.Tensor):
        assert isinstance(read, np.ndarray), where
        assert read.dtype == loaded.numpy().dtype and read.shape == tuple(loaded.shape), where
        assert np.array_equal(read, loaded.numpy()), where
    elif isinstance(loaded, dict):
        assert type(read) is type(loaded) and list(read) == list(loaded), where
        for key in loaded:
            same_contents(read[key], loaded[key], f"{where}/{key}")
    elif isinstance(loaded, list | tuple):
        assert type(read) is type(loaded) and len(read) == len(loaded), where
        for i, (a, b) in enumerate(zip(read, loaded, strict=True)):
            same_contents(a, b, f"{where}[{i}]")
    else:
        assert read == loaded, where


@pytest.mark.parametrize("name", sorted(p.name for p in BUNDLED_DIR.glob("*.pt")))
def test_every_bundled_file_reads_as_torch_loads_it(name: str) -> None:
    # the models are zip archives; pretrain.pt is in torch's older format
    path = BUNDLED_DIR / name
    same_contents(read_checkpoint(path),
                  torch.load(path, map_location="cpu", weights_only=True), name)


def test_both_formats_and_views(tmp_path: Path) -> None:
    base = torch.arange(24, dtype=torch.float32).reshape(4, 6)
    content = {"view": base[1:3, ::2], "half": base.half(), "ids": torch.tensor([3, 1]),
               "plain": [1, "x", (2.5, None)]}
    for legacy in (False, True):
        path = tmp_path / f"{legacy}.pt"
        torch.save(content, path, _use_new_zipfile_serialization=not legacy)
        same_contents(read_checkpoint(path),
                      torch.load(path, map_location="cpu", weights_only=True), str(legacy))


def test_a_file_with_code_in_it_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ner.pt"
    torch.save({"model": {}, "hook": NotAModelPart()}, path)
    with pytest.raises(CheckpointError, match="NotAModelPart") as error:
        read_checkpoint(path)
    assert str(path) in str(error.value) and "\n" not in str(error.value)


@pytest.mark.parametrize("content", [b"not a model", b"", b"PK\x03\x04broken zip"])
def test_garbage_is_one_clear_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "pos.pt"
    path.write_bytes(content)
    with pytest.raises(CheckpointError) as error:
        read_checkpoint(path)
    assert str(path) in str(error.value) and "\n" not in str(error.value)
