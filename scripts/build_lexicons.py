"""Build the word lists that normalization uses, from the public training data.

    python scripts/build_lexicons.py [--data ../shared/data] [--out quotex/data]

Writes:
- `verb_stems.tsv`: past and present stems of Persian verbs (Seraji's `OrigLemma`
  field holds `past#present`), so that `میشود` can be recognised as `می` + a verb form.
- `nominal_stems.txt`: nouns and adjectives seen in the treebanks, so that a lost ZWNJ
  before a suffix (`دستگاهها`, `پیچیدهتر`) can be restored only after a real word.
- `first_names.txt`: words that open two or more person names in the Arman NER
  corpus (academic research use), so that a name the NER covered only in part
  (`رسول [علی اشرفی‌پور]`) can be completed leftwards over a real first name.
- `first_name_genders.tsv`: about 19k Iranian first names with their gender, from
  the names data set of the `persian-gender-detection` package on PyPI (MIT licence),
  keyed as `quotex.gender.name_key` folds them. Many of its entries are also common
  words or surnames (`داده`, `هزار`, `موسوی`): it is for the gender of a word already
  known to be a person's first name, never for telling a name from a word.
- `zwnj_words.tsv`: words written with a zero-width non-joiner in carefully edited
  text (the UD treebanks, and raw news items that kept them), keyed by the same word
  with the ZWNJ lost, for forms that never occur without it in the treebanks.

All but the first-name genders are derived from the training data only (never from
evaluation articles), with fixed thresholds, so rerunning gives the same files.
"""

from __future__ import annotations

import argparse
import collections
import csv
import io
import lzma
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from quotex.gender import name_key

ZWNJ = "\u200c"
ARABIC_TO_PERSIAN = str.maketrans({"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9"})
WORD = re.compile(r"[\u0600-\u06ff\u200c]+")
# A ZWNJ form is kept when seen this often and never seen joined in edited text.
MIN_ZWNJ_COUNT = 3
# The first-name source: a pinned release, so that rerunning gives the same file.
NAMES_PACKAGE = "persian-gender-detection==1.4.0"
NAMES_CSV = "persian_gender_detection/gender/iranianNamesDataset.csv"
# Its gender codes; the few others (`D`, `MF`) say it does not know.
GENDER_CODES = {"M": "male", "F": "female", "FF": "female"}


def conllu_rows(path: Path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            cols = line.split("\t")
            if len(cols) == 10 and cols[0].isdigit():
                yield cols


def build(data: Path, out: Path) -> None:
    treebanks = sorted(data.glob("ud-persian-*/*.conllu"))
    stems: set[tuple[str, str]] = set()
    nominals: collections.Counter[str] = collections.Counter()
    edited_counts: collections.Counter[str] = collections.Counter()
    for tb in treebanks:
        for cols in conllu_rows(tb):
            form = cols[1].translate(ARABIC_TO_PERSIAN)
            edited_counts[form] += 1
            if cols[3] in ("NOUN", "ADJ", "PROPN") and ZWNJ not in form:
                nominals[form] += 1
            for item in cols[9].split("|"):
                if item.startswith("OrigLemma=") and "#" in item:
                    past, present = item[len("OrigLemma="):].split("#", 1)
                    if past and present and ZWNJ not in past + present:
                        stems.add((past, present))
    zwnj_counts: collections.Counter[str] = collections.Counter(
        w for w in edited_counts.elements() if ZWNJ in w
    )
    with lzma.open(data / "raw-news" / "persian-news.txt.xz", "rt", encoding="utf-8") as raw:
        for line in raw:
            for w in WORD.findall(line.translate(ARABIC_TO_PERSIAN)):
                if ZWNJ in w:
                    zwnj_counts[w.strip(ZWNJ)] += 1

    by_joined: dict[str, tuple[int, str]] = {}
    for form, count in zwnj_counts.items():
        joined = form.replace(ZWNJ, "")
        if count < MIN_ZWNJ_COUNT or edited_counts.get(joined, 0) > 0 or len(joined) < 4:
            continue
        if joined not in by_joined or count > by_joined[joined][0]:
            by_joined[joined] = (count, form)

    first_names: collections.Counter[str] = collections.Counter()
    for fold in sorted((data / "arman-ner").glob("t*_fold1.txt")):
        previous = "O"
        for line in fold.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) == 2:
                token, tag = parts
                if tag == "B-pers" and previous != "I-pers":
                    first_names[token.translate(ARABIC_TO_PERSIAN)] += 1
                previous = tag

    out.mkdir(parents=True, exist_ok=True)
    with (out / "first_names.txt").open("w", encoding="utf-8") as f:
        f.write("# words opening 2+ person names in ArmanPersoNERCorpus fold 1 (research use)\n")
        for word in sorted(w for w, c in first_names.items() if c >= 2 and len(w) >= 2):
            f.write(word + "\n")
    with (out / "verb_stems.tsv").open("w", encoding="utf-8") as f:
        f.write("# past\tpresent  (from UD Persian Seraji OrigLemma; CC BY-SA 4.0)\n")
        for past, present in sorted(stems):
            f.write(f"{past}\t{present}\n")
    with (out / "zwnj_words.tsv").open("w", encoding="utf-8") as f:
        f.write("# joined\twith-zwnj  (UD treebanks + raw news; scripts/build_lexicons.py)\n")
        for joined in sorted(by_joined):
            f.write(f"{joined}\t{by_joined[joined][1]}\n")
    with (out / "nominal_stems.txt").open("w", encoding="utf-8") as f:
        f.write("# nouns/adjectives seen twice or more in UD Persian PerDT + Seraji (CC BY-SA)\n")
        for word in sorted(w for w, c in nominals.items() if c >= 2 and len(w) >= 2):
            f.write(word + "\n")
    print(f"{len(stems)} verb stems, {len(by_joined)} ZWNJ words -> {out}")


def names_wheel() -> Path:
    """The names package's wheel, downloaded with pip (its data only is read)."""
    folder = Path(tempfile.mkdtemp(prefix="quotex-names-"))
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
                    "--dest", str(folder), NAMES_PACKAGE], check=True)
    return next(folder.glob("*.whl"))


def build_first_name_genders(wheel: Path, out: Path) -> None:
    """`first_name_genders.tsv` from the names data set in `wheel`: one key per line
    with its gender. The data set also writes many names with a stray space (`فاطم ه`),
    some with the other gender: a name written whole decides over those; a key still
    given both genders is left out."""
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(NAMES_CSV).decode("utf-8-sig")
    whole: dict[str, set[str]] = collections.defaultdict(set)
    spaced: dict[str, set[str]] = collections.defaultdict(set)
    for row in csv.DictReader(io.StringIO(text)):
        key = name_key(row["Names"])
        if key and row["Gender"] in GENDER_CODES:
            (spaced if " " in row["Names"].strip() else whole)[key].add(GENDER_CODES[row["Gender"]])
    kept = {}
    for key in whole.keys() | spaced.keys():
        found = whole.get(key) or spaced[key]
        if len(found) == 1:
            kept[key] = next(iter(found))
    with (out / "first_name_genders.tsv").open("w", encoding="utf-8") as f:
        f.write(f"# first name\tgender  (names data set of {NAMES_PACKAGE} on PyPI, MIT "
                "licence, (c) 2022 Arman Yazdi; keys folded by quotex.gender.name_key)\n")
        for key in sorted(kept):
            f.write(f"{key}\t{kept[key]}\n")
    print(f"{len(kept)} first names with a gender -> {out}")


def main() -> None:
    root = Path(__file__).resolve().parents[1]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=root.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=root / "quotex" / "data")
    parser.add_argument("--names-wheel", type=Path, default=None,
                        help=f"a downloaded wheel of {NAMES_PACKAGE} (else pip downloads it)")
    parser.add_argument("--genders-only", action="store_true",
                        help="only rebuild first_name_genders.tsv (needs no --data)")
    args = parser.parse_args()
    if not args.genders_only:
        build(args.data, args.out)
    build_first_name_genders(args.names_wheel or names_wheel(), args.out)


if __name__ == "__main__":
    main()
