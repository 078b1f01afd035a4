"""Normalisation and tokenizing of quantity text."""

from __future__ import annotations

import html
import re
import unicodedata
from decimal import Decimal
from typing import NamedTuple

from sectorlens.parse._keywords import KEYWORDS as _KW
from sectorlens.parse._keywords import KEYWORDS_BY_FIRST
from sectorlens.parse._lexicon import CUR, ISO_CODES, NUM

# Literal escape text of a UTF-8 no-break space left in some exports (`\xc2\xa0`).
_ESCAPED_NBSP = re.compile(r"(?:\\+xc2\\+xa0)+", re.IGNORECASE)
_DASHES = str.maketrans(
    {
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u301c": "~",
        "\u223c": "~",
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
    }
)
_ODD = re.compile("[" + "".join(chr(c) for c in _DASHES) + "]")  # what _DASHES maps
_SPACES = re.compile(r"\s{2,}|[^\S ]")  # single spaces stay as they are
_NUMBER = re.compile(r"\d+(?:,\d+)*(?:\.\d+)?(?:e[+-]?\d+)?")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_MAX_DIGITS = 60  # longer digit strings (with grouping and decimals) are no amount
MAX_TOKENS = 64  # no quantity has more words than this: longer text is refused early


def normalize(text: str) -> str:
    """NFKC (full-width to half-width), one kind of dash, single spaces, no escape debris."""
    if "\\" in text:
        text = _ESCAPED_NBSP.sub(" ", text)
    if "&" in text:  # HTML entities left in exported text (2013&#8211;18)
        text = html.unescape(text)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        if _ODD.search(text):  # str.replace per character: C speed, unlike translate's dict
            for ch, to in _DASHES.items():
                text = text.replace(chr(ch), to or "")
    return _SPACES.sub(" ", text).strip()


class Tok(NamedTuple):
    """One token: its kind, its value and the text it came from."""

    kind: str
    value: object
    text: str


def check_grouping(digits: str) -> bool:
    """True for Western (1,234,567) or Indian (12,34,567) digit grouping."""
    parts = digits.split(",")
    if len(parts) == 1:
        return True
    first, rest = parts[0], parts[1:]
    if not 1 <= len(first) <= 3 or (first[0] == "0" and len(first) > 1):
        return False
    if all(len(p) == 3 for p in rest):
        return True
    # Indian: last group of three, groups of two before it, first group of one or two digits.
    return len(first) <= 2 and len(rest[-1]) == 3 and all(len(p) == 2 for p in rest[:-1])


def _is_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def tokenize(text: str) -> list[Tok] | str:
    """Split normalised text into tokens; a string return is the reason it cannot be read."""
    low = text.lower()
    if len(low) != len(text):  # a few letters lower-case to two characters
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    n = len(low)
    toks: list[Tok] = []
    i = 0
    while i < n:
        if len(toks) > MAX_TOKENS:
            return f"too long for one quantity (over {MAX_TOKENS} words)"
        ch = low[i]
        if ch == " ":
            i += 1
            continue
        if "0" <= ch <= "9":
            m = _NUMBER.match(low, i)
            assert m is not None
            raw = m.group()
            body = raw.split("e", 1)[0]
            if "," in body and not check_grouping(body.split(".", 1)[0]):
                return f"invalid digit grouping {text[i : m.end()]!r}"
            if len(body) > _MAX_DIGITS or (len(raw) > len(body) and len(raw) - len(body) > 4):
                return "number too large (10^22 or more is no amount)"
            toks.append(Tok(NUM, Decimal(raw.replace(",", "")), text[i : m.end()]))
            i = m.end()
            continue
        for kw in KEYWORDS_BY_FIRST.get(ch, ()):
            if not low.startswith(kw, i):
                continue
            end = i + len(kw)
            if _is_letter(kw[-1]) and end < n and _is_letter(low[end]):
                continue
            if _is_letter(kw[0]) and i > 0 and _is_letter(low[i - 1]):
                continue
            kind, value = _KW[kw]
            toks.append(Tok(kind, value, text[i:end]))
            i = end
            break
        else:
            if _is_letter(ch):
                m = _LATIN_WORD.match(text, i)
                assert m is not None
                word = m.group()
                if word in ISO_CODES:
                    toks.append(Tok(CUR, word, word))
                    i = m.end()
                    continue
                return f"unknown word {word!r}"
            return f"unexpected character {text[i]!r}"
    return toks
