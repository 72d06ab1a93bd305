"""Reading articles: encodings detected, every kind of bad file refused in one line."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from badfiles import (
    make_bad_files,
    make_encoded_copies,
    make_unreadable,
    without_file_permission_override,
)
from conftest import SAMPLES

from quotex.io import MAX_ARTICLE_BYTES, InputError, decode, read_article

ARABIC_LETTERS_ARTICLE = SAMPLES / "src-fars-0009.txt"  # older Fars text: Arabic ي and ك
HTML_SAMPLE = SAMPLES / "html" / "src-fars-0005.html"


def test_utf8_with_and_without_bom_reads_the_same():
    text = ARABIC_LETTERS_ARTICLE.read_text(encoding="utf-8")
    assert decode(text.encode("utf-8"), "a") == text
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8"), "a") == text


def test_legacy_encodings_are_detected_and_decoded(tmp_path):
    for name, expected in make_encoded_copies(ARABIC_LETTERS_ARTICLE, tmp_path).items():
        assert read_article(tmp_path / name) == expected, name


def test_utf16_little_endian_without_bom_is_detected():
    text = ARABIC_LETTERS_ARTICLE.read_text(encoding="utf-8")
    assert decode(text.encode("utf-16-le"), "a") == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty input"),
        (" \n".encode("utf-16"), "empty input"),
        (bytes(range(256)) * 4, "binary file"),
        (bytes(range(1, 256)) * 4, "binary file or unknown encoding"),
        ("café au lait, s'il vous plaît. ".encode("latin-1") * 10, "unknown encoding"),
        ("خبر".encode() * 100 + b"\xc0" + "خبر".encode(), "invalid UTF-8 at byte 600"),
        (b"\xef\xbb\xbf" + b"\xd8", "invalid UTF-8 at byte 3"),
        (b"\xff\xfe" + b"\x00\xd8", "invalid UTF-16"),
    ],
)
def test_undecodable_data_is_refused_with_its_reason(data, reason):
    with pytest.raises(InputError, match=reason) as error:
        decode(data, "article.txt")
    assert str(error.value).startswith("article.txt: ")
    assert "\n" not in str(error.value)


def test_every_kind_of_bad_file_gives_one_line_naming_the_file(tmp_path):
    expected = make_bad_files(tmp_path)
    for name, reason in expected.items():
        with pytest.raises(InputError) as error:
            read_article(tmp_path / name)
        message = str(error.value)
        assert message.startswith(str(tmp_path / name)), message
        assert reason in message and "\n" not in message


def test_missing_file_and_folder_are_named(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "nothing.txt")
    with pytest.raises(InputError, match="is a folder"):
        read_article(tmp_path)


def test_huge_input_on_stdin_is_refused_without_reading_it_all(monkeypatch):
    stream = io.BytesIO(b"a" * (MAX_ARTICLE_BYTES + 100))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stream))
    with pytest.raises(InputError, match="too large"):
        read_article("-")
    assert stream.tell() == MAX_ARTICLE_BYTES + 1  # read stopped just past the limit


def test_unreadable_file_is_reported_as_permission_denied(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("وزیر گفت: نه.\n", encoding="utf-8")
    if make_unreadable(path):
        with pytest.raises(InputError, match="permission denied"):
            read_article(path)
        return
    # root reads anything: ask a subprocess without that override instead
    prefix = without_file_permission_override()
    if prefix is None:
        pytest.skip("running as root and setpriv is missing: cannot make a file unreadable")
    code = ("import sys\nfrom quotex.io import InputError, read_article\n"
            "try:\n    read_article(sys.argv[1])\nexcept InputError as e:\n    print(e)\n")
    done = subprocess.run([*prefix, sys.executable, "-c", code, str(path)],
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == f"{path}: permission denied"


def test_html_gives_the_article_body_with_its_zwnjs():
    text = read_article(HTML_SAMPLE)
    for spoken in ("وی عنوان کرد: در این میان پل\u200cهایی که از استحکام",
                   "حسین\u200cآبادی گفت: با توجه به اینکه در آستانه فصل سرما و بارندگی\u200cها"):
        assert spoken in text
    for boilerplate in ("صفحه اصلی", "اخبار مرتبط", "تمامی حقوق"):
        assert boilerplate not in text


def test_html_zwnj_entities_survive(tmp_path):
    page = tmp_path / "page.htm"
    sentence = "سخنگوی دولت گفت: این تصمیم به زودی اجرا خواهد شد و همه باید آماده باشند."
    page.write_text(f"<html><body><article><p>{sentence}</p>"
                    f"<p>وی افزود: نتایج می&zwnj;شود و کارها ادامه می&#8204;یابد و همه "
                    f"مسئولان در جریان هستند.</p></article></body></html>", encoding="utf-8")
    text = read_article(page)
    assert "می\u200cشود" in text and "می\u200cیابد" in text and sentence in text
