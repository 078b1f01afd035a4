"""Which text encoding a file is in: a BOM, UTF-8, or what ``charset-normalizer`` detects.

UTF-8 files (with or without a BOM) are read in *UTF-8 mode*: a line that is not valid UTF-8 is
decoded with a legacy code page and flagged (real exports mix them). A file whose sample is
mostly not UTF-8 is detected among the encodings exports really come in (UTF-16, GB18030, Big5,
CP949, Shift-JIS, cp1252, Mac Roman); a forced encoding (``--encoding``, a mapping's
``encoding``) is used as given. A detection that reads as garbled text stops the load.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sectorlens.errors import InputError, UsageError

if TYPE_CHECKING:
    from charset_normalizer import CharsetMatch

SAMPLE = 256 * 1024  # bytes looked at to choose an encoding
#: encodings detection chooses among (supersets: GB18030 ⊃ GBK, CP949 ⊃ EUC-KR, CP932 ⊃ SJIS)
CANDIDATES = (
    "utf_8",
    "utf_16_le",
    "utf_16_be",
    "gb18030",
    "big5",
    "cp949",
    "euc_kr",
    "shift_jis",
    "cp932",
    "cp1252",
    "mac_roman",
)
_SUPERSET = {"euc_kr": "cp949", "shift_jis": "cp932", "gbk": "gb18030", "gb2312": "gb18030"}
MAX_CHAOS = 0.2  # charset-normalizer's mess ratio above which decoded text is garbled
SINGLE_BYTE = frozenset({"cp1252", "mac_roman"})
TOO_LITTLE = 16  # bytes outside ASCII in lines that are not UTF-8: too few to tell an encoding
NOT_UTF8_SHARE = 0.02  # lines of the sample that are not UTF-8, above which the file is not


@dataclass(frozen=True, slots=True)
class Encoding:
    """How a text file is decoded: ``name`` None is UTF-8 mode; ``how`` says who chose it."""

    name: str | None
    how: str  # utf-8 | bom | detected | forced

    @property
    def label(self) -> str:
        """``utf-8``, ``gb18030 (detected)``, … for messages and the load's options."""
        name = (self.name or "utf-8").replace("_", "-")
        return name if self.how == "utf-8" else f"{name} ({self.how})"

    @property
    def forced(self) -> bool:
        """True when the user named the encoding (its text is then never second-guessed)."""
        return self.how == "forced"


UTF8 = Encoding(None, "utf-8")


def codec_name(name: str) -> str:
    """The canonical Python codec name of ``name``; UsageError when there is no such codec."""
    try:
        found = codecs.lookup(name).name
    except LookupError:
        raise UsageError(f"unknown --encoding {name!r} (e.g. utf-8, gb18030, cp949)") from None
    found = found.replace("-", "_")
    return "utf_8" if found in {"utf_8", "utf8"} else found


def choose(
    path: Path, sample: bytes, forced: str | None = None, *, bare_cr: bool = False
) -> Encoding:
    """The encoding of a file whose first bytes are ``sample`` (``bare_cr``: old Mac lines)."""
    if forced:
        name = codec_name(forced)
        return UTF8 if name == "utf_8" else Encoding(name, "forced")
    if sample.startswith(codecs.BOM_UTF8):
        return Encoding(None, "bom")
    if sample.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return Encoding("utf_32", "bom")
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Encoding("utf_16", "bom")
    if not sample or _mostly_utf8(sample):
        return UTF8
    found = _detect(path, sample)
    if found.name in SINGLE_BYTE and bare_cr:
        return Encoding("mac_roman", "detected")  # classic Mac line ends: Mac Roman text
    return found


def _mostly_utf8(sample: bytes) -> bool:
    """True when at most a few lines of ``sample`` are not UTF-8 (and it is not UTF-16)."""
    if sample.count(0) * 10 > len(sample):  # NUL bytes: UTF-16/32 without a BOM
        return False
    if len(sample) >= SAMPLE:  # the sample may end inside a line: drop its last line
        sample = sample[: max(sample.rfind(b"\n"), sample.rfind(b"\r")) + 1] or sample
    try:
        sample.decode("utf-8")
        return True
    except UnicodeDecodeError:
        pass
    lines = sample.replace(b"\r", b"\n").split(b"\n")
    bad = high = 0
    for line in lines:
        if not line.isascii():
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                bad += 1
                high += sum(1 for b in line if b > 127)
    return bad <= NOT_UTF8_SHARE * len(lines) or high < TOO_LITTLE


def _detect(path: Path, sample: bytes) -> Encoding:
    from charset_normalizer import from_bytes  # only files that are not UTF-8 pay for it

    if sample.count(0) * 10 > len(sample):
        sample = sample[: len(sample) // 4 * 4]
    elif len(sample) >= SAMPLE:
        sample = sample[: max(sample.rfind(b"\n"), sample.rfind(b"\r")) + 1] or sample
    results = list(from_bytes(sample, cp_isolation=list(CANDIDATES)))
    if not results:
        raise InputError(
            f"{path}: cannot tell its text encoding (not UTF-8, and no known encoding reads it "
            "cleanly); pass --encoding NAME (e.g. gb18030, cp949, shift_jis, cp1252)"
        )
    best = min(results, key=lambda r: r.chaos)
    close = [r for r in results if r.chaos <= best.chaos + 0.02]
    best = _prefer(close, sample) or best
    name = _SUPERSET.get(best.encoding, best.encoding)
    if best.chaos > MAX_CHAOS:
        raise InputError(
            f"{path}: its text looks garbled when read as {name} (the closest encoding found); "
            "pass --encoding NAME if you know it"
        )
    return Encoding(name, "detected")


def _prefer(close: list[CharsetMatch], sample: bytes) -> CharsetMatch | None:
    """Among equally clean readings, the one whose script fits: Korean text is mostly Hangul.

    Short Chinese text also decodes cleanly as CP949 (into Hanja); a CP949 reading with more
    Han characters than Hangul syllables is taken to be Chinese.
    """
    names = [r.encoding for r in close]
    if not names or _SUPERSET.get(names[0], names[0]) != "cp949" or len(names) < 2:
        return close[0] if close else None
    text = sample.decode("cp949", "replace")
    hangul = sum(1 for c in text if "\uac00" <= c <= "\ud7a3")
    han = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    if han > hangul:
        for result, name in zip(close, names, strict=True):
            if _SUPERSET.get(name, name) != "cp949":
                return result
    return close[0]
