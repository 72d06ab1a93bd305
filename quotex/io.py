"""Reading articles from files: bounded reads, encoding detection, HTML body extraction.

Every problem a user's file can have becomes an `InputError` whose message is one
line naming the file and the reason; callers print it (extract) or record it (batch)
and go on. Reading is split in two steps so that `quotex batch` can hash the raw bytes
(for resume) before paying for decoding and HTML extraction:

    read_bytes(path) -> bytes          missing, links, permissions, size, file type
    article_text(data, name, html)     encoding, binary check, HTML body
"""

from __future__ import annotations

import codecs
import errno
import logging
import re
import stat
import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from quotex.model import Published

# Larger inputs are refused rather than read into memory: no news article is this big,
# and reads stop at this many bytes even when the file system reports a smaller size.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024
HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = (".txt", ".md", *HTML_SUFFIXES)
STDIN_NAME = "<stdin>"

# A decoded text is refused as binary when more than this share of its characters are
# control, unassigned or private-use characters (a stray form feed or SUB is tolerated).
MAX_NON_TEXT_SHARE = 0.001
# Windows-1256 decodes any byte sequence, so it is accepted only when nearly all
# non-ASCII characters are Arabic-script letters or Persian punctuation; UTF-8 Persian
# misread as Windows-1256 is about half symbols (¢ § © ...), binary far more.
MIN_ARABIC_SCRIPT_SHARE = 0.9
# BOM-less UTF-16 is accepted only when its letters are Arabic-script or Latin: binary
# data read as UTF-16 is mostly CJK and other scripts.
MIN_KNOWN_LETTER_SHARE = 0.9
# Text that decodes as UTF-8 up to a few bad bytes is reported as damaged UTF-8 (with
# the position) rather than as an unknown encoding.
MAX_BAD_UTF8_SHARE = 0.1

ZWNJ = "\u200c"
ZWNJ_IN_HTML = re.compile("\u200c|&zwnj;|&#8204;|&#x0*200c;", re.IGNORECASE)
# Printable characters that news pages practically never hold; the first one absent
# from a page stands in for its ZWNJs during extraction.
ZWNJ_PLACEHOLDERS = "\u2042\u2058\u2059\u205a\u205b\u205c\u205d\u205e"

OTHER_TEXT_CHARS = frozenset("\u00a0\u00ab\u00bb\u200c\u200d\u200e\u200f")  # nbsp « » ZWNJ …


class InputError(Exception):
    """A file that cannot be read as an article; the message is one line."""


class ArticleText(str):
    """The text of an article read from an HTML page, carrying the publication date the
    page's metadata gives (its <head> is gone from the text). It is the text in every
    other respect, so callers pass it on as they pass any text; the engine reads the
    date (quotex/dates.py)."""

    page_published: Published | None

    def __new__(cls, text: str, page_published: Published | None = None) -> ArticleText:
        article = super().__new__(cls, text)
        article.page_published = page_published
        return article


def is_html(path: str | Path) -> bool:
    return Path(path).suffix.lower() in HTML_SUFFIXES


def read_article(path: str | Path) -> str:
    """Text of one article file (`-` reads standard input); HTML gives its body text.

    Offsets that quotex reports index this text.
    """
    if str(path) == "-":
        return article_text(_read_bounded(sys.stdin.buffer, STDIN_NAME), STDIN_NAME)
    return article_text(read_bytes(path), str(path), html=is_html(path))


def read_bytes(path: str | Path) -> bytes:
    """The bytes of a regular file of at most MAX_ARTICLE_BYTES, or an InputError."""
    path = Path(path)
    name = str(path)
    try:
        info = path.stat()  # follows links: a loop or a missing target fails here
    except OSError as error:
        raise InputError(_os_error_line(path, error)) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{name}: is a folder (use `quotex batch` for folders)")
    if not stat.S_ISREG(info.st_mode):
        # reading a pipe or device could block forever or never end
        raise InputError(f"{name}: not a regular file (a pipe, socket or device)")
    if info.st_size > MAX_ARTICLE_BYTES:
        raise InputError(_too_large_line(name, info.st_size))
    try:
        with path.open("rb") as handle:
            return _read_bounded(handle, name)
    except OSError as error:
        raise InputError(_os_error_line(path, error)) from None


def _read_bounded(handle: BinaryIO, name: str) -> bytes:
    data = handle.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        raise InputError(_too_large_line(name, None))
    return data


def _too_large_line(name: str, size: int | None) -> str:
    limit_mb = MAX_ARTICLE_BYTES / 1024 / 1024
    size_text = f"{size / 1024 / 1024:.1f} MB" if size is not None else "the input"
    return f"{name}: {size_text} is too large for one article (limit {limit_mb:g} MB)"


def _os_error_line(path: Path, error: OSError) -> str:
    name = str(path)
    if error.errno == errno.ENOENT:
        if path.is_symlink():
            return f"{name}: broken link (its target does not exist)"
        return f"{name}: no such file"
    if error.errno == errno.ELOOP:
        return f"{name}: symbolic link loop"
    if error.errno in (errno.EACCES, errno.EPERM):
        return f"{name}: permission denied"
    if error.errno == errno.EISDIR:
        return f"{name}: is a folder (use `quotex batch` for folders)"
    return f"{name}: cannot read ({error.strerror or error})"


def article_text(data: bytes, name: str, html: bool = False) -> str:
    """Decoded text of an article's bytes; for HTML, the extracted body text."""
    text = decode(data, name)
    return html_to_text(text, name) if html else text


def decode(data: bytes, name: str) -> str:
    """Text of a file in UTF-8 (with or without BOM), UTF-16 or Windows-1256.

    Empty, binary and undecodable data raise InputError.
    """
    if not data.strip():
        raise InputError(f"{name}: empty input")
    text = _decode_any(data, name)
    if not text.strip():
        raise InputError(f"{name}: empty input")
    if not _looks_like_text(text):
        raise InputError(f"{name}: binary file, not text")
    return text


def _decode_any(data: bytes, name: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data, "utf-8", name, start=len(codecs.BOM_UTF8))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", name)
    if b"\x00" in data:
        # UTF-8 and Windows-1256 text never hold NUL bytes; BOM-less UTF-16 does
        # (the high byte of every ASCII space, digit and newline).
        text = _bomless_utf16(data)
        if text is None:
            raise InputError(f"{name}: binary file, not text")
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    legacy = data.decode("cp1256", errors="replace")
    if _arabic_script_share(legacy) >= MIN_ARABIC_SCRIPT_SHARE:
        return legacy
    damaged = data.decode("utf-8", errors="replace")
    non_ascii = sum(1 for char in damaged if ord(char) > 0x7F)
    if damaged.count("\ufffd") <= MAX_BAD_UTF8_SHARE * non_ascii:
        raise InputError(f"{name}: invalid UTF-8 at byte {utf8_error.start} "
                         f"(and not UTF-16 or Windows-1256 text)")
    raise InputError(f"{name}: binary file or unknown encoding "
                     f"(not UTF-8, UTF-16 or Windows-1256 text)")


def _strict(data: bytes, encoding: str, name: str, start: int = 0) -> str:
    """`data[start:]` decoded; an error names the offending byte's offset in the file."""
    try:
        return data[start:].decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(f"{name}: invalid {encoding.upper()} at byte {start + error.start}"
                         ) from None


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 text without a byte-order mark, trying the byte order its NULs suggest."""
    if len(data) % 2:
        return None
    little_first = data[1::2].count(0) >= data[0::2].count(0)
    for encoding in ("utf-16-le", "utf-16-be") if little_first else ("utf-16-be", "utf-16-le"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text) and _known_letter_share(text) >= MIN_KNOWN_LETTER_SHARE:
            return text
    return None


def _looks_like_text(text: str) -> bool:
    non_text = sum(
        1 for char in text
        if unicodedata.category(char) in ("Cc", "Cn", "Co", "Cs") and not char.isspace()
    )
    return non_text <= MAX_NON_TEXT_SHARE * len(text)


def _is_arabic_script(char: str) -> bool:
    code = ord(char)
    return (0x0600 <= code <= 0x06FF or 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF
            or char in OTHER_TEXT_CHARS)


def _arabic_script_share(text: str) -> float:
    non_ascii = [char for char in text if ord(char) > 0x7F]
    if not non_ascii:
        return 0.0
    return sum(map(_is_arabic_script, non_ascii)) / len(non_ascii)


def _known_letter_share(text: str) -> float:
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return 0.0
    known = sum(1 for char in letters if ord(char) < 0x0250 or _is_arabic_script(char))
    return known / len(letters)


def html_to_text(html: str, name: str) -> ArticleText:
    """The article body of an HTML page, extracted offline (menus, footers left out),
    with the publication date of the page's metadata.

    trafilatura drops every non-printable character, ZWNJ included, which would glue
    Persian words (`می‌گوید` -> `میگوید`): ZWNJs, written or as entities, stand in as a
    printable placeholder while it works.
    """
    import trafilatura

    from quotex.dates import html_published

    # its warnings ("discarding data") would reach the user's terminal; errors say it all
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    # a page holding every placeholder (never seen) keeps the old behaviour
    placeholder = next((c for c in ZWNJ_PLACEHOLDERS if c not in html), ZWNJ)
    text = trafilatura.extract(ZWNJ_IN_HTML.sub(placeholder, html), include_comments=False,
                               include_tables=False, favor_recall=True)
    if not text or not text.strip():
        raise InputError(f"{name}: no article text found in the HTML")
    return ArticleText(text.replace(placeholder, ZWNJ), html_published(html))
