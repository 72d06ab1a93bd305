"""Files a batch must survive, made on disk for test_io and test_batch.

`make_bad_files` writes one file of every kind quotex must refuse and returns, per
file name, a fragment of the one-line reason it must give. `make_encoded_copies`
writes a Persian article in the legacy encodings quotex must detect and decode.
Tests run as root in CI, where chmod does not stop a read: `make_unreadable` says
whether it managed, and `without_file_permission_override` gives the command prefix
that drops root's override so that a subprocess sees the permission bits.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from quotex.io import MAX_ARTICLE_BYTES

# Capabilities that let root read any file whatever its permission bits.
OVERRIDE_CAPABILITIES = "-dac_override,-dac_read_search"


def make_bad_files(folder: Path) -> dict[str, str]:
    """One file per kind of bad input in `folder`: name -> expected error fragment."""
    folder.mkdir(parents=True, exist_ok=True)
    persian = "رئیس سازمان گفت: کار انجام شد.\n".encode()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_bytes(b"  \n\t\n")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "invalid-utf8.txt").write_bytes(persian * 20 + b"\xff\xfe\xfa" + persian)
    with open(folder / "huge.txt", "wb") as handle:  # sparse: takes no disk space
        handle.truncate(MAX_ARTICLE_BYTES + 1)
    (folder / "broken-link.txt").symlink_to(folder / "missing-target.txt")
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "no-body.html").write_text("<html><head><title>خبر</title><script>var a = 1;"
                                         "</script></head><body></body></html>",
                                         encoding="utf-8")
    return {
        "empty.txt": "empty input",
        "blank.md": "empty input",
        "binary.txt": "binary file",
        "invalid-utf8.txt": "invalid UTF-8 at byte",
        "huge.txt": "too large for one article",
        "broken-link.txt": "broken link",
        "loop-a.txt": "symbolic link loop",
        "loop-b.txt": "symbolic link loop",
        "pipe.txt": "not a regular file",
        "no-body.html": "no article text found in the HTML",
    }


def make_encoded_copies(source: Path, folder: Path) -> dict[str, str]:
    """`source` (a Persian article with Arabic ي/ك) re-encoded: name -> expected text."""
    text = source.read_text(encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    encodings = {"utf16.txt": "utf-16", "utf16-be-no-bom.txt": "utf-16-be",
                 "cp1256.txt": "cp1256"}
    for name, encoding in encodings.items():
        (folder / name).write_bytes(text.encode(encoding))
    return dict.fromkeys(encodings, text)


def make_unreadable(path: Path) -> bool:
    """chmod 000 `path`; True when that stops this process from reading it."""
    path.chmod(0)
    try:
        path.read_bytes()
    except PermissionError:
        return True
    return False


def without_file_permission_override() -> list[str] | None:
    """Command prefix that runs a program with root's read-anything override dropped."""
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    return [setpriv, f"--inh-caps={OVERRIDE_CAPABILITIES}",
            f"--bounding-set={OVERRIDE_CAPABILITIES}"]


def quotex_command() -> list[str]:
    return [sys.executable, "-m", "quotex"]
