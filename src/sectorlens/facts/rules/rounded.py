"""One figure stated twice at different precision: ``550억`` is ``550억9000만`` rounded to its
last significant digit, ``30%`` may be 29.3% rounded to ten."""

from __future__ import annotations

import re
from decimal import Decimal

from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import half_unit, point, ranges_meet
from sectorlens.model import Qualifier, Quantity
from sectorlens.parse import parse


def rounded_half(q: Quantity) -> Decimal:
    """Half a unit of the last significant digit: a zero ending a whole number may be rounding.

    ``550억`` may be 550억9000만 rounded to 10억 and ``30%`` 29.3% rounded to ten, while ``23.0%``
    shows its last zero and ``300억`` is no 320억 (one zero, not two, is taken as rounding);
    elsewhere this is :func:`half_unit`.
    """
    h = half_unit(q)
    v = point(q)
    text = q.input.split("(")[0].split("（")[0]
    runs = list(re.finditer(r"\d[\d,]*(?:\.\d+)?", text))
    if v is None or not runs or "." in runs[-1].group():
        return h
    run = runs[-1]
    nonzero = [i for i in range(run.start(), run.end()) if text[i] in "123456789"]
    if not nonzero or nonzero[-1] == run.end() - 1:
        return h
    i = nonzero[-1]
    moved = str(int(text[i]) + 1 if text[i] != "9" else 8)
    w = point(other := parse(text[:i] + moved + text[i + 1 :]))
    if other.kind is not q.kind or w is None or w == v:
        return h
    return max(h, min(abs(w - v) / 2, 10 * h))  # one zero, not two: 300억 is no 320억


def restates(a: Mention, b: Mention) -> bool:
    """Whether one figure is the other as far as both are shown: their ranges meet, or the less
    precise one is the other rounded to its last significant digit (``550억`` · ``550억9000만``)."""
    if ranges_meet(a, b):
        return True
    qa, qb = a.fact.quantity, b.fact.quantity
    va, vb = point(qa), point(qb)
    if va is None or vb is None:
        return False
    coarse, fine = (qa, vb) if half_unit(qa) >= half_unit(qb) else (qb, va)
    if coarse.qualifier not in (Qualifier.EXACT, Qualifier.APPROX):
        return False
    c = point(coarse)
    assert c is not None
    return abs(fine - c) <= rounded_half(coarse)


def truncates(short: Mention, full: Mention) -> bool:
    """``short`` is ``full`` with its digits past the last one ``short`` shows cut off, as titles
    cut figures (``1477亿`` over a body's ``1477.89 亿元``): same sign, and less than one unit of
    ``short``'s last digit below ``full``."""
    qs, qf = short.fact.quantity, full.fact.quantity
    s, f = point(qs), point(qf)
    if s is None or f is None or qs.qualifier is not Qualifier.EXACT or (s < 0) != (f < 0):
        return False
    return 0 <= abs(f) - abs(s) < 2 * half_unit(qs)


# The last group of a compound CJK amount padded with zeros: 2조4000억, 22억 8000만, 3亿5000万,
# and with its thousands written as a word, 2조2천700억 (2조2700억), 2亿2千700万
_PADDED = re.compile(
    r"[억亿億조兆万萬]\s?(?:\d+\s?[천千백百]\s?)*\d*[1-9](0+)\s?(?:만|万|萬|천|千|억|亿|億)"
)


def padded_half(q: Quantity) -> Decimal:
    """``half_unit`` of a compound amount whose last group is padded with zeros (``2조4000억``
    is 2.4조 written out: ±500억)."""
    m = _PADDED.search(q.input.split("(")[0].split("（")[0])
    return half_unit(q) * (Decimal(10) ** len(m.group(1)) if m else 1)


# 1000억원 as the equivalent of 7600만유로: a converted figure's trailing zeros are its rounding
_ROUND = re.compile(r"^\D*?(\d*[1-9])(0+)\s?(?:억|亿|億|조|兆|万|萬|만|천|千)")


def converted_half(q: Quantity) -> Decimal:
    """Half the place of a converted amount's last non-zero digit before its first unit
    (``1000억``: ±500억): unlike :func:`rounded_half`, every trailing zero of a conversion is
    taken as rounding; 0 where it has none."""
    m = _ROUND.match(q.input)
    return half_unit(q) * Decimal(10) ** len(m.group(2)) if m else Decimal(0)


def stated_fits(v: Decimal, h: Decimal, lo: Decimal, hi: Decimal, rate: bool) -> bool:
    """The stated ``v`` (± ``h`` of rounding) meets the computed range; a rate may also be cut
    rather than rounded (584 after 998 is -41.48%, written -41.4%)."""
    if v + h >= lo and v - h <= hi:
        return True
    if not rate:
        return False
    cut_lo, cut_hi = (v, v + 2 * h) if v > 0 else (v - 2 * h, v)
    return cut_hi >= lo and cut_lo <= hi
