"""Which number of a sentence is what, for pairing derived figures: a percent that is a share
of a whole rather than a change, and the rounding of a level (``pairs`` uses them)."""

from __future__ import annotations

import re
from decimal import Decimal

from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import bounds, half_unit, point
from sectorlens.model import Qualifier, Quantity

# A percent set after a level by ", or": the level's share of a whole (``$21.2 billion, or
# 26%, a year ago``), unless a comparative follows (``or 3.2% lower``, ``or 5% more``).
_OR_SHARE = re.compile(r"\s*,\s*or\s*", re.I)
_MOVED = re.compile(
    r"\b(?:increas|decreas|ris[ei]|rose|fell|fall|gr[eo]w|declin|gain|jump|drop|climb|up\b|"
    r"down\b|higher|lower)",
    re.I,
)
_COMPARATIVE = re.compile(
    r"\s*(?:higher|lower|more|less|above|below|up|down|increase|decrease|growth|over|from)\b",
    re.I,
)


def or_share(text: str, m: Mention, gap: str) -> bool:
    """A percent set after a level by ", or" in a sentence that names no move: the level's
    share of a whole (``were $21.2 billion, or 26%, a year ago``), not its change."""
    return bool(
        _OR_SHARE.fullmatch(gap)
        and not _COMPARATIVE.match(text[m.local[1] : m.local[1] + 20])
        and not _MOVED.search(text[: m.local[0]])
    )


_SHARE_AFTER = re.compile(
    r"^\s?(?:of\s(?:(?:total|net|consolidated|group|our|its)\s){0,3}(?:sales|revenues?|the\s)|"
    r"의\s?비중)",
    re.I,
)
_SHARE_BEFORE = re.compile(r"(?:占|比重|份额|share|비중|점유율)[^\d]{0,8}$", re.I)


def share_of(text: str, m: Mention) -> bool:
    """A percent that is a share (``36.1% of net sales``, ``占…比重为22.7%``), not a change."""
    start, end = m.local
    return bool(
        _SHARE_AFTER.match(text[end : end + 20])
        or _SHARE_BEFORE.search(text[max(0, start - 12) : start])
    )


# The last group of a compound CJK amount padded with zeros: 22억 8000만, 3亿5000万
_PADDED = re.compile(r"[억亿億조兆万萬]\s?\d*[1-9](0+)\s?(?:만|万|萬|천|千)")


def level_bounds(q: Quantity) -> tuple[Decimal | None, Decimal | None]:
    """``bounds`` of a level, zeros that pad the last group of a compound amount not taken as
    significant (``22억 8000만 달러`` is ±500만, not ±5000: writers round the group and pad it)."""
    lo, hi = bounds(q)
    m = _PADDED.search(q.input.split("(")[0].split("（")[0])
    if m is None or q.qualifier is not Qualifier.EXACT or lo is None or hi is None:
        return lo, hi
    v = point(q)
    assert v is not None
    widen = half_unit(q) * (Decimal(10) ** len(m.group(1)) - 1)
    return lo - widen, hi + widen


__all__ = ["level_bounds", "or_share", "share_of"]
