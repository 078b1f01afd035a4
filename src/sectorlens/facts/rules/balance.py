"""A stated balance against its two sides: a trade surplus is exports minus imports.

The relation is named by the words (顺差/逆差, 흑자/적자, surplus/deficit next to exports and
imports of the same period and currency): ok where some exports and imports of the report give
the balance within rounding, a warning where the only pair that comes near misses it.
"""

from __future__ import annotations

import itertools
import re
from decimal import Decimal

from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import Context, finding, half_unit, point
from sectorlens.model import Finding, Kind, Quantity, Severity

RULE = "derived.balance"
_BALANCE = re.compile(
    r"顺差|逆差|贸易差额|贸易余额|무역수지|흑자|적자|surplus|deficit|trade balance", re.I
)
_DEFICIT = re.compile(r"逆差|적자|deficit", re.I)
_EXPORT = re.compile(r"出口|수출|export", re.I)
_IMPORT = re.compile(r"进口|수입|import", re.I)
_NEAR = Decimal("0.1")
# an average of the period's months (three-month moving average, 월평균, 日均) is a measure of
# its own: the month's balance is no average exports minus average imports
_AVERAGE = re.compile(r"\baverage|\bmean\b|평균|平均|日均|月均", re.I)

_OFF = {
    "ko": "{what} {balance}은(는) 수출 {e} − 수입 {i} = {computed}과(와) 다릅니다.",
    "en": "The {what} {balance} is not exports {e} minus imports {i} = {computed}.",
}
_OK = {
    "ko": "{what} {balance}은(는) 수출 {e} − 수입 {i}과(와) 맞습니다.",
    "en": "The {what} {balance} is exports {e} minus imports {i}.",
}


def _side(m: Mention) -> str | None:
    text = f"{m.metric or ''} {m.fact.subject or ''}"
    if _BALANCE.search(text):
        return "deficit" if _DEFICIT.search(text) else "surplus"
    if _EXPORT.search(text) and not _IMPORT.search(text):
        return "export"
    if _IMPORT.search(text) and not _EXPORT.search(text):
        return "import"
    return None


def check(ctx: Context) -> list[Finding]:
    """Each stated balance against the exports and imports of its period and currency."""
    sides: dict[tuple[object, ...], dict[str, list[Mention]]] = {}
    for m in ctx.extraction.mentions:
        q = m.fact.quantity
        side = _side(m)
        if side is None or q.kind is not Kind.MONEY or m.change is not None or m.estimate:
            continue
        if m.fact.period is None or point(q) is None or m.period_source == "reference":
            continue
        key = (m.fact.period, q.currency, bool(_AVERAGE.search(f"{m.metric} {m.fact.subject}")))
        sides.setdefault(key, {}).setdefault(side, []).append(m)
    out = []
    for group in sides.values():
        for side in ("surplus", "deficit"):
            for b in group.get(side, []):
                got = _verdict(ctx, b, side, group.get("export", []), group.get("import", []))
                if got is not None:
                    out.append(got)
    return out


def _verdict(
    ctx: Context, b: Mention, side: str, exports: list[Mention], imports: list[Mention]
) -> Finding | None:
    v = point(b.fact.quantity)
    if v is None or not exports or not imports:
        return None
    v = abs(v)
    best: tuple[Decimal, Mention, Mention, Decimal] | None = None
    for e, i in itertools.product(exports, imports):
        ve, vi = point(e.fact.quantity), point(i.fact.quantity)
        if ve is None or vi is None:
            continue
        computed = ve - vi if side == "surplus" else vi - ve
        tol = _rounding(e.fact.quantity) + _rounding(i.fact.quantity) + _rounding(b.fact.quantity)
        gap = abs(computed - v)
        if gap <= tol:
            return _finding(ctx, Severity.OK, b, e, i, computed)
        if best is None or gap < best[0]:
            best = (gap, e, i, computed)
    if best is not None and best[0] <= v * _NEAR:
        return _finding(ctx, Severity.WARNING, b, best[1], best[2], best[3])
    return None


# 453억6000만달러: the group after the larger unit ends in zeros, rounded to 1000만
_ROUNDED_GROUP = re.compile(r"[억亿億]\s?\d*?[1-9]?(0+)\s?[만万萬]")


def _rounding(q: Quantity) -> Decimal:
    """Half a unit of the last digit written, where a Korean or Chinese amount's last group
    (``6000만`` after ``453억``) is taken as rounded to its last digit that is not zero: balance
    of payments tables round to the 0.1억 and news writes the zeros out."""
    m = _ROUNDED_GROUP.search(q.input)
    scale = Decimal(10) ** len(m.group(1)) if m else Decimal(1)
    return half_unit(q) * scale


def _finding(
    ctx: Context, severity: Severity, b: Mention, e: Mention, i: Mention, computed: Decimal
) -> Finding:
    q = b.fact.quantity
    words = {
        "what": b.metric or b.fact.subject or "",
        "balance": ctx.quantity(q),
        "e": ctx.quantity(e.fact.quantity),
        "i": ctx.quantity(i.fact.quantity),
        "computed": ctx.quantity(q, computed),
    }
    message = ctx.say(_OK if severity is Severity.OK else _OFF, **words)
    values = [point(q), point(e.fact.quantity), point(i.fact.quantity), computed]
    why = "a trade balance and the exports and imports of the same period and currency"
    return finding(RULE, severity, message, [b, e, i], values, why=why)
