"""Which installed font can draw Hangul and Hanzi in charts.

vl-convert renders text with the fonts installed on the host (plus a bundled Liberation Sans,
which has no CJK glyphs), so charts need a CJK font such as Debian's ``fonts-noto-cjk``.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

# Families tried in order; the Korean face first (its Hanzi glyphs render Chinese names too).
CJK_FAMILIES = ("Noto Sans CJK KR", "Noto Sans CJK SC", "Source Han Sans K", "NanumGothic")
_FILES = {
    "Noto Sans CJK KR": ("NotoSansCJK-Regular.ttc", "NotoSansCJKkr-Regular.otf"),
    "Noto Sans CJK SC": ("NotoSansCJKsc-Regular.otf",),
    "Source Han Sans K": ("SourceHanSansK-Regular.otf",),
    "NanumGothic": ("NanumGothic.ttf",),
}
FALLBACK = "sans-serif"


def _font_dirs() -> list[Path]:
    home = Path(os.environ.get("HOME", "~")).expanduser()
    data = Path(os.environ.get("XDG_DATA_HOME", home / ".local" / "share"))
    return [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        data / "fonts",
        home / ".fonts",
    ]


@cache
def cjk_font() -> str | None:
    """The first CJK family whose font file is installed, or None."""
    names: set[str] = set()
    for root in _font_dirs():
        if root.is_dir():
            names.update(p.name for p in root.rglob("*") if p.suffix in {".ttc", ".otf", ".ttf"})
    for family in CJK_FAMILIES:
        if any(f in names for f in _FILES[family]):
            return family
    return None


def chart_font() -> str:
    """The font family charts ask for (a CJK one when installed)."""
    return cjk_font() or FALLBACK
