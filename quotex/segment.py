"""Split normalized text into paragraphs, sentences and tokens, by rule.

Scraped news glues punctuation to words in ways edited treebank text never shows
(`«باشگاه خبرنگاران»`, `ناجا،در`, `کاپیتان:«`, `جوان-`), and a tokenizer model
trained on the treebanks keeps those glued. Persian words are delimited by spaces
and punctuation (a ZWNJ stays inside its word), so rules split them reliably; the
models then tag and find entities on these tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A number with its separators (`2.5`, `1,000`, `1404/08/20`), an acronym of short
# letter groups and two dots or more (`آر.ان.ای`: one dot may be a lost space after a
# sentence, `است.بعد`), a Persian word (letters, ZWNJ, underscores of hashtags; a digit
# glued on is a token of its own, as in scraped results tables: `طحان4`, `و25`), any
# other word (Latin ones keep their digits: `B12`, `Nrf2`), or one other non-space
# character.
# Arabic-script letters and marks without the Arabic-Indic digits and signs (٠-٩ ٪ ٫ ٬),
# unlike normalize.PERSIAN_WORD, which may hold digits.
PERSIAN_LETTERS = "\u0621-\u065f\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f"
TOKEN = re.compile(
    r"\d+(?:[.,/:٫٬]\d+)*"
    r"|(?:[^\W\d_]{1,3}\.\u200c?){2,}[^\W\d_]{1,3}(?![\w\u200c])"
    rf"|[{PERSIAN_LETTERS}\u200c_]+|[\w\u200c]+|[^\w\s]",
    re.UNICODE,
)
SENTENCE_ENDS = frozenset({".", "!", "?", "؟", "…"})
# The Persian comma and the Latin one, which scraped text mixes.
COMMAS = frozenset({"،", ","})
# Closing marks that stay with the sentence they close (`... است.»`).
CLOSERS = frozenset({"»", '"', "”", ")", "]", "'"})


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs are the non-blank lines: news text puts one paragraph per line."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped[0])
            spans.append((start, start + len(stripped)))
        pos += len(line) + 1
    return spans


def sentences(text: str, start: int, end: int) -> list[list[Token]]:
    """The sentences of text[start:end], each a list of tokens with text offsets."""
    tokens = [Token(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text, start, end)]
    out: list[list[Token]] = []
    current: list[Token] = []
    for i, token in enumerate(tokens):
        current.append(token)
        if token.text in SENTENCE_ENDS:
            following = tokens[i + 1].text if i + 1 < len(tokens) else ""
            if following not in SENTENCE_ENDS and following not in CLOSERS:
                out.append(current)
                current = []
        elif token.text in CLOSERS and len(current) > 1 and current[-2].text in SENTENCE_ENDS:
            following = tokens[i + 1].text if i + 1 < len(tokens) else ""
            if following not in CLOSERS:
                out.append(current)
                current = []
    if current:
        out.append(current)
    return out
