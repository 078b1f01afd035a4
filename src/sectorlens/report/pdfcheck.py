"""Missing glyphs in a PDF: text drawn with glyph 0 (``.notdef``, the "tofu" box).

Typst says nothing when no installed font has a character: it draws the font's ``.notdef``
glyph. Its fonts are Type0 fonts with Identity-H encoding, where each character code is the
glyph id in two bytes, so a code of 0 in a text-showing operator is a missing glyph. This reads
the PDF's objects and streams (Typst writes no object streams) to count them.
"""

from __future__ import annotations

import re
import zlib

_OBJ = re.compile(rb"(\d+) 0 obj\s*(<<.*?>>)?\s*(stream\r?\n)?", re.S)
_FONT_DICT = re.compile(rb"/Font\s*<<(.*?)>>", re.S)
_FONT_REF = re.compile(rb"/([^\s/<>\[\]()]+)\s*(\d+) 0 R")


def missing_glyphs(pdf: bytes) -> int:
    """How many characters the PDF draws with a Type0 font's ``.notdef`` glyph."""
    type0: set[bytes] = set()
    streams: list[bytes] = []
    names: dict[bytes, set[bytes]] = {}
    for m in _OBJ.finditer(pdf):
        number, head, stream = m.group(1), m.group(2) or b"", m.group(3)
        if re.search(rb"/Subtype\s*/Type0\b", head):
            type0.add(number)
        subtype = re.search(rb"/Subtype\s*/(\w+)", head)
        if stream and (subtype is None or subtype.group(1) == b"Form"):  # (not fonts, images)
            end = pdf.find(b"endstream", m.end())
            raw = pdf[m.end() : end]
            try:
                data = zlib.decompress(raw) if b"FlateDecode" in head else raw
            except zlib.error:
                continue
            streams.append(data)
    for chunk in [pdf, *streams]:
        for fonts in _FONT_DICT.finditer(chunk):
            for name, ref in _FONT_REF.findall(fonts.group(1)):
                names.setdefault(name, set()).add(ref)
    two_byte = {n for n, refs in names.items() if refs and refs <= type0}
    return sum(_notdefs(s, two_byte) for s in streams if b"Tf" in s)


def _notdefs(content: bytes, two_byte: set[bytes]) -> int:
    """Codes 0 in the strings shown while a two-byte (Type0) font is selected."""
    count = 0
    font: bytes | None = None
    for m in _TOKEN.finditer(content):
        if m.group("font") is not None:
            font = m.group("font")
        elif font not in two_byte or m.group("actual"):
            continue
        elif m.group("lit") is not None:
            text = _literal(m.group("lit"))
            count += sum(1 for i in range(0, len(text) - 1, 2) if text[i : i + 2] == b"\0\0")
        elif m.group("hex") is not None:
            hexes = re.sub(rb"\s", b"", m.group("hex"))
            count += sum(1 for i in range(0, len(hexes) - 3, 4) if hexes[i : i + 4] == b"0000")
    return count


_TOKEN = re.compile(
    rb"/(?P<font>[^\s/<>\[\]()]+)\s+[\d.]+\s+Tf"
    rb"|(?P<actual>/ActualText\s*)?(?:\((?P<lit>(?:[^\\()]|\\.)*)\)|<(?P<hex>[0-9A-Fa-f\s]*)>)",
    re.S,
)

_ESCAPES = {ord("n"): 10, ord("r"): 13, ord("t"): 9, ord("b"): 8, ord("f"): 12}


def _literal(body: bytes) -> bytes:
    """The bytes of a PDF literal string's body (between its parentheses)."""
    out = bytearray()
    pos, n = 0, len(body)
    while pos < n:
        c = body[pos]
        if c != 0x5C:  # backslash
            out.append(c)
            pos += 1
            continue
        nxt = body[pos + 1] if pos + 1 < n else 0
        digits = re.match(rb"[0-7]{1,3}", body[pos + 1 : pos + 4])
        if digits:
            out.append(int(digits.group(0), 8) & 0xFF)
            pos += 1 + len(digits.group(0))
        elif nxt in (0x0A, 0x0D):  # a line continuation
            pos += 2
        else:
            out.append(_ESCAPES.get(nxt, nxt))
            pos += 2
    return bytes(out)
