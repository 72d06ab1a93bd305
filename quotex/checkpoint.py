"""Reading model files (PyTorch checkpoints) as numpy arrays, without PyTorch.

Importing PyTorch takes 1.3 s, longer than quotex's whole run on a short article, and
its weights-only unpickler reads the vocabularies in Python. This reader takes what a
weights-only load allows and nothing else: tensors, and Python's plain containers and
scalars; any other class in a file is refused. It reads both formats `torch.save`
writes: the zip archive (Stanza's models) and the older stream of pickles (Stanza's
`pretrain.pt`, written with `_use_new_zipfile_serialization=False`).
"""

from __future__ import annotations

import codecs
import pickle
import zipfile
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import numpy as np

# torch's typed storages, as a checkpoint names them, and the numpy type of their items
STORAGE_TYPES = {
    "HalfStorage": np.float16, "FloatStorage": np.float32, "DoubleStorage": np.float64,
    "ByteStorage": np.uint8, "CharStorage": np.int8, "ShortStorage": np.int16,
    "IntStorage": np.int32, "LongStorage": np.int64, "BoolStorage": np.bool_,
}
# the first object of the older format: torch's magic number
LEGACY_MAGIC = 0x1950A86A20F9469CFC6C


class CheckpointError(Exception):
    """A file that is no checkpoint, or holds more than tensors and plain data."""


@dataclass(frozen=True)
class _StorageType:
    dtype: type


@dataclass
class _Storage:
    key: str
    dtype: type
    items: int
    data: np.ndarray | None = None


@dataclass
class _Tensor:
    """A tensor as pickled: a view of a storage, built once the storages are read."""

    storage: _Storage
    offset: int
    shape: tuple[int, ...]
    stride: tuple[int, ...]

    def array(self) -> np.ndarray:
        data = self.storage.data
        assert data is not None
        if not self.shape:
            return data[self.offset].copy()
        itemsize = data.itemsize
        return np.lib.stride_tricks.as_strided(
            data[self.offset:], self.shape, [s * itemsize for s in self.stride]).copy()


def _rebuild_tensor(storage: _Storage, offset: int, shape: tuple[int, ...],
                    stride: tuple[int, ...], *_flags: Any) -> _Tensor:
    return _Tensor(storage, offset, tuple(shape), tuple(stride))


class _Unpickler(pickle.Unpickler):
    def __init__(self, file: IO[bytes]) -> None:
        super().__init__(file)
        self.storages: dict[str, _Storage] = {}

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("collections", "OrderedDict"):
            return OrderedDict
        if (module, name) == ("_codecs", "encode"):  # bytes, as pickle protocol 2 writes them
            return codecs.encode
        if (module, name) == ("torch._utils", "_rebuild_tensor_v2"):
            return _rebuild_tensor
        if module == "torch" and name in STORAGE_TYPES:
            return _StorageType(STORAGE_TYPES[name])
        raise CheckpointError(f"holds {module}.{name}, which a model file has no need of")

    def persistent_load(self, pid: Any) -> _Storage:
        # ('storage', type, key, location, items[, view]) in both formats
        if not (isinstance(pid, tuple) and pid[0] == "storage"
                and isinstance(pid[1], _StorageType)):
            raise CheckpointError("holds an object that is no tensor storage")
        key = str(pid[2])
        if key not in self.storages:
            self.storages[key] = _Storage(key, pid[1].dtype, int(pid[4]))
        return self.storages[key]


def _built(value: Any) -> Any:
    """`value` with every pickled tensor replaced by its array."""
    if isinstance(value, _Tensor):
        return value.array()
    if isinstance(value, dict):
        return type(value)((k, _built(v)) for k, v in value.items())
    if isinstance(value, list | tuple):
        return type(value)(_built(v) for v in value)
    return value


def _read_zip(path: Path) -> Any:
    with zipfile.ZipFile(path) as archive:
        pickles = [name for name in archive.namelist() if name.endswith("/data.pkl")]
        if len(pickles) != 1:
            raise CheckpointError("is a zip file but no PyTorch checkpoint")
        prefix = pickles[0][: -len("data.pkl")]
        with archive.open(pickles[0]) as stream:
            unpickler = _Unpickler(stream)
            result = unpickler.load()
        for storage in unpickler.storages.values():
            raw = archive.read(f"{prefix}data/{storage.key}")
            storage.data = np.frombuffer(raw, dtype=storage.dtype, count=storage.items)
    return _built(result)


def _read_legacy(path: Path) -> Any:
    with path.open("rb") as stream:
        # every pickle through the restricted unpickler: the file is not trusted
        if _Unpickler(stream).load() != LEGACY_MAGIC:
            raise CheckpointError("is no PyTorch checkpoint")
        _Unpickler(stream).load()  # protocol version
        _Unpickler(stream).load()  # the writer's system information
        unpickler = _Unpickler(stream)
        result = unpickler.load()
        for key in _Unpickler(stream).load():
            storage = unpickler.storages[str(key)]
            items = int(np.frombuffer(stream.read(8), dtype="<i8")[0])
            raw = stream.read(items * np.dtype(storage.dtype).itemsize)
            storage.data = np.frombuffer(raw, dtype=storage.dtype, count=items)
    return _built(result)


def read_checkpoint(path: str | Path) -> Any:
    """The object a `torch.load(path, weights_only=True)` gives, tensors as numpy arrays."""
    path = Path(path)
    try:
        if zipfile.is_zipfile(path):
            return _read_zip(path)
        return _read_legacy(path)
    except CheckpointError as error:
        raise CheckpointError(f"{path} {error}") from None
    except (OSError, EOFError, KeyError, ValueError, pickle.UnpicklingError, IndexError,
            TypeError, AttributeError, zipfile.BadZipFile) as error:
        reason = " ".join(str(error).split()) or type(error).__name__
        raise CheckpointError(f"{path} cannot be read as a checkpoint: {reason}") from None
