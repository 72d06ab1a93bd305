"""Reading articles from files: decoding, HTML body extraction, clear errors.

Every problem a user's file can have becomes an `InputError` with one line of
explanation; callers print it (extract) or record it (batch) and go on.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Larger inputs are refused rather than read into memory: no news article is this big.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024
HTML_SUFFIXES = (".html", ".htm")


class InputError(Exception):
    """A file that cannot be read as an article; the message is one line."""


def decode(data: bytes, name: str) -> str:
    """Text of a file in UTF-8 (with or without BOM), UTF-16 or Windows-1256."""
    if not data.strip():
        raise InputError(f"{name}: empty input")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        if data[1::2].count(0) > len(data) // 4 or data[0::2].count(0) > len(data) // 4:
            try:
                return data.decode("utf-16-le" if data[1::2].count(0) else "utf-16-be")
            except UnicodeDecodeError:
                pass
        raise InputError(f"{name}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["cp1256", "utf_16", "iso8859_6", "cp1252"]).best()
    if best is None or best.encoding not in ("cp1256", "utf_16", "iso8859_6"):
        raise InputError(f"{name}: not valid UTF-8, UTF-16 or Windows-1256 text")
    return str(best)


def html_to_text(html: str, name: str) -> str:
    """The article body of an HTML page, extracted offline."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_recall=True)
    if not text or not text.strip():
        raise InputError(f"{name}: no article text found in the HTML")
    return text


def read_article(path: str | Path) -> str:
    """Text of one article file (`-` reads standard input)."""
    if str(path) == "-":
        data = sys.stdin.buffer.read()
        name = "<stdin>"
        return decode(data, name)
    path = Path(path)
    name = str(path)
    try:
        if not path.exists():
            raise InputError(f"{name}: no such file" + (" (broken link)" if path.is_symlink() else ""))
        if path.is_dir():
            raise InputError(f"{name}: is a folder (use `quotex batch` for folders)")
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise InputError(
                f"{name}: {size // 1024 // 1024} MB is too large for one article "
                f"(limit {MAX_ARTICLE_BYTES // 1024 // 1024} MB)"
            )
        data = path.read_bytes()
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    text = decode(data, name)
    if path.suffix.lower() in HTML_SUFFIXES:
        text = html_to_text(text, name)
    return text
