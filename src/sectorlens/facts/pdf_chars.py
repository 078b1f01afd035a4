"""Characters of a PDF text page read one by one from PDFium: the character at an index, its
size beside other fonts' characters, and how high a mark's ink sits (a superscript glyph)."""

from __future__ import annotations

import ctypes
from typing import Any

SUP_LIFT = 0.25  # a digit or mark whose ink starts this share of its size above the baseline ...
SUP_GLYPH = 0.6  # ... is a superscript glyph (OpenType sups) and counts as this much smaller
MARKS = frozenset("0123456789*†‡§")


def char_at(handle: Any, i: int, count: int) -> str:
    """The character at index ``i`` of the text page, read by its index: the page's text as
    one string leaves out glyphs without a character, and every later character would take
    the position of the one after it."""
    import pypdfium2.raw as raw

    code = raw.FPDFText_GetUnicode(handle, i)
    if code == 0 or 0xDC00 <= code < 0xE000:
        return ""
    if 0xD800 <= code < 0xDC00:
        low = raw.FPDFText_GetUnicode(handle, i + 1) if i + 1 < count else 0
        if 0xDC00 <= low < 0xE000:
            return chr(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))
        return ""
    return chr(code)


def size_of(box: float, font_size: float) -> float:
    """A character's size: its box's height, or the font size where the box is shorter (a
    Latin font's box beside a CJK one's, both set at one size, is a third shorter); a font
    size far above the box is a scaled font's nominal size and is not taken."""
    box = max(box, 0.1)
    return font_size if box < font_size <= 1.6 * box else box


def raised(handle: Any, i: int, origin: float, size: float) -> float:
    """How far a mark's ink sits above its baseline, when it sits clear of it (0 else)."""
    import pypdfium2.raw as raw

    left, right = ctypes.c_double(), ctypes.c_double()
    bottom, top = ctypes.c_double(), ctypes.c_double()
    if not raw.FPDFText_GetCharBox(
        handle, i, ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom), ctypes.byref(top)
    ):
        return 0.0
    lift = bottom.value - origin
    return lift if lift > SUP_LIFT * size and top.value > bottom.value else 0.0
