"""Repairing one raw cell: mojibake, literal escape text, Excel artefacts (flagged)."""

from __future__ import annotations

import re

import ftfy

# Text that an export wrote as escape sequences instead of characters: ``\\xc2\\xa0``, ``\\n``.
_HEX_RUN = re.compile(r"(?:\\+x[0-9a-fA-F]{2})+")
_HEX_ONE = re.compile(r"\\+x([0-9a-fA-F]{2})")
_SIMPLE_ESCAPE = re.compile(r"\\+([nrt'\"])")
_SIMPLE = {"n": " ", "r": " ", "t": " ", "'": "'", '"': '"'}

# Spreadsheet error values and overflow hashes that stand where a value should be.
EXCEL_ERRORS = frozenset(
    {"#NAME?", "#VALUE!", "#REF!", "#DIV/0!", "#N/A", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"}
)
_HASHES = re.compile(r"#{3,}")
_DATE_LIKE = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}")

REPLACEMENT_CHAR = "\ufffd"

# Mojibake of UTF-8 read as Latin-1 / Windows-1252 / Mac Roman always contains characters from
# these blocks; text without any (plain CJK, Hangul) is not handed to ftfy, which is slow.
_SUSPECT = re.compile("[\u0080-\u02ff\u2013-\u2122\ufb01\ufb02\u25ca\uf8ff\u221a\u2248]")

# Only undo encoding damage; full-width CJK punctuation and curly quotes are real text.
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    fix_character_width=False,
    fix_latin_ligatures=False,
    uncurl_quotes=False,
    normalization="NFC",
    explain=False,
)


#: a character ``repair`` may act on: a backslash, a replacement character or a suspect one
DAMAGE = re.compile("[\\\\\ufffd" + _SUSPECT.pattern[1:])


def needs_repair(text: str) -> bool:
    """False when ``repair`` would surely leave ``text`` (e.g. a whole row) untouched."""
    if text.isascii():
        return "\\" in text
    return DAMAGE.search(text) is not None


def repair(value: str) -> tuple[str, tuple[str, ...]]:
    """Return ``value`` repaired and the flags naming each repair (empty when untouched)."""
    if value.isascii() and "\\" not in value:
        return value, ()
    flags: list[str] = []
    text = value
    if "\\" in text:
        unescaped = _unescape(text)
        if unescaped != text:
            flags.append("escape_text")
            text = unescaped
    if _SUSPECT.search(text):
        fixed = ftfy.fix_text(text, config=_FTFY)
        if fixed != text:
            flags.append("mojibake")
            text = fixed
    if REPLACEMENT_CHAR in text:
        flags.append("replacement_char")
    return text, tuple(flags)


def _unescape(text: str) -> str:
    def hex_run(match: re.Match[str]) -> str:
        raw = bytes(int(h, 16) for h in _HEX_ONE.findall(match.group()))
        return raw.decode("utf-8", errors="replace").replace("\xa0", " ")

    text = _HEX_RUN.sub(hex_run, text)
    return _SIMPLE_ESCAPE.sub(lambda m: _SIMPLE[m.group(1)], text)


def excel_artefact(value: str) -> str | None:
    """The kind of spreadsheet artefact ``value`` is (``error``, ``hashes``), or None."""
    stripped = value.strip()
    if stripped in EXCEL_ERRORS:
        return "error"
    if _HASHES.fullmatch(stripped):
        return "hashes"
    return None


def looks_like_date(value: str) -> bool:
    """True for ``4/12/13``-like text: a date that a spreadsheet left in a number column."""
    return bool(_DATE_LIKE.fullmatch(value.strip()))
