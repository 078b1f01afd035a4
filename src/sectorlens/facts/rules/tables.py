"""Tables: totals (``table_sums``) and a change column against its two periods."""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from decimal import Decimal

from sectorlens.facts.document import Table
from sectorlens.facts.extract import Mention
from sectorlens.facts.rules import table_sums
from sectorlens.facts.rules.common import (
    Context,
    bounds,
    finding,
    half_unit,
    pct,
    point,
)
from sectorlens.facts.rules.moves import rate_range
from sectorlens.facts.rules.table_change_pairs import paired_columns
from sectorlens.facts.rules.table_change_rows import change_rows
from sectorlens.facts.table_facts import is_change_header
from sectorlens.model import Finding, Kind, Severity

RULE_CHANGE = "table.change"
_CHANGE_KINDS = (Kind.PERCENT, Kind.PP, Kind.NUMBER, Kind.MONEY)
_RATE_HEAD = re.compile(r"%|percent|pct|百分|比率|率|률|율", re.I)
HUNDRED = Decimal(100)
_LABELLED = re.compile(r"[^\W\d_]", re.UNICODE)
_CHANGE_OFF = {
    "ko": "표의 '{label}': {a}에서 {b}(으)로는 {computed}인데, 표의 변화율은 {stated}입니다.",
    "en": "The table's '{label}': {a} to {b} is {computed}, but the table states {stated}.",
}


def check(ctx: Context) -> list[Finding]:
    """Total rows per column, and change columns per row, of every table."""
    cells: dict[int, dict[tuple[int, int], Mention]] = defaultdict(dict)
    for m in ctx.extraction.mentions:
        if m.cell is not None:
            block, row, col = m.cell
            cells[block][(row, col)] = m
    out: list[Finding] = []
    for block, grid in cells.items():
        table = ctx.extraction.document.blocks[block].table
        out.extend(table_sums.totals(ctx, grid, table))
        out.extend(_changes(ctx, grid, table))
        out.extend(change_rows(ctx, grid, table, change_verdict))
    return out


def _changes(
    ctx: Context, grid: dict[tuple[int, int], Mention], table: Table | None
) -> list[Finding]:
    """A change column (``vs. Q1 2022``, ``% Change``) against the two level columns before it,
    on rows with a label, inside one of side-by-side tables."""
    out: list[Finding] = []
    if table is None:
        return out
    agree: dict[int, int] = defaultdict(int)
    off: dict[int, list[Finding]] = defaultdict(list)
    far: dict[int, list[Finding]] = defaultdict(list)
    rows: dict[int, list[int]] = defaultdict(list)
    for (r, c), m in sorted(grid.items()):
        if m.change is None or m.fact.quantity.kind not in _CHANGE_KINDS:
            continue
        if not is_change_header(table.column_header(c)):
            continue  # a signed cell (+5%) in a column that does not say it is a change
        if not _LABELLED.search(table.row_label(r, c)):
            continue  # an unlabelled row: what its numbers are is not stated
        rows[c].append(r)
        start, _ = table.part_of(c)
        levels = [grid[(r, x)] for x in range(c - 1, start - 1, -1) if (r, x) in grid]
        levels = [x for x in levels if x.change is None]
        if m.fact.quantity.kind is Kind.PERCENT and any(
            x.fact.quantity.kind is not Kind.PERCENT for x in levels
        ):
            # amounts beside their shares of sales (2024 | % of sales | 2023 | % of sales |
            # % change): the change is the amounts'
            levels = [x for x in levels if x.fact.quantity.kind is not Kind.PERCENT]
        # the nearest level and the next one in its unit (another column may stand between:
        # 2024 Revenue | 2024 Share (%) | 2023 Revenue | Growth (%)); which is the current one
        # their periods tell (prior | current | change, or current | prior | change)
        same = levels[:1] + [x for x in levels[1:] if _same_unit(levels[0], x)][:1]
        levels = same
        if len(levels) != 2:
            continue
        if m.fact.quantity.kind not in (Kind.PERCENT, Kind.PP) and (
            not _same_unit(m, levels[0]) or _RATE_HEAD.search(table.column_header(c))
        ):
            continue  # an absolute change is in the unit of its levels; 增减(%) holds rates
        current, prior = levels
        if _OTHER_BASIS.search(table.column_header(c)) or _change_between(grid, r, levels, c):
            continue  # like-for-like, at constant currency: not the change of the two levels
        pc0, pp0 = current.fact.period, prior.fact.period
        if pc0 is not None and pp0 is not None and pc0.end < pp0.end:
            # the later period is the current one wherever it stands (2019年 | 2018年 | 增减)
            current, prior = prior, current
        pc, pp = current.fact.period, prior.fact.period
        if pc is None and pp is None:
            # 本期发生额 | 上期发生额 | 变动比例, 당기 | 전기 | 증감: the headers say which is which
            order = _relative(table, current, prior)
            if order is None:
                continue
            current, prior = order
        elif pc is None or pp is None or pc.end <= pp.end:
            continue
        elif abs((pc.end - pc.start).days - (pp.end - pp.start).days) > 3:
            continue  # a year against five months: not the change the column states
        got = change_verdict(ctx, m, prior, current, keep_far=True)
        if got is True:
            agree[c] += 1
        elif isinstance(got, Finding):
            (far if _far_off(m, prior, current) else off)[c].append(got)
    # A change column is trusted where its other rows agree with the recomputation: a wrong
    # cell whose other rows mostly agree is an error; a column that agrees nowhere holds
    # another measure (points, a rate of another base, levels misread) and gives nothing; a
    # lone row is a warning.
    # An absolute change far from its levels' difference may be another measure; it is an
    # error only in a column whose other rows agree twice as often as they do not.
    for c in rows:
        paired = (
            paired_columns(ctx, grid, table, c, rows[c], change_verdict) if not agree[c] else None
        )
        if paired is not None:
            out.extend(paired)  # the nearest columns give it nowhere; another pair does
            off.pop(c, None)
            far.pop(c, None)
    for c in set(off) | set(far):
        if agree[c] >= len(off[c]):
            out.extend(off[c])
        elif agree[c] == 0 and len(off[c]) == 1 and not far[c]:
            out.append(dataclasses.replace(off[c][0], severity=Severity.WARNING))
        if agree[c] >= 2 * (len(off[c]) + len(far[c])):
            out.extend(far[c])
    return out


def _far_off(m: Mention, prior: Mention, current: Mention) -> bool:
    """An absolute change more than half away from its levels' difference."""
    a, b, v = point(prior.fact.quantity), point(current.fact.quantity), point(m.fact.quantity)
    if m.fact.quantity.kind in (Kind.PERCENT, Kind.PP) or a is None or b is None or v is None:
        return False
    return abs(v - (b - a)) > abs(b - a) / 2


# Change (Like-for-like), Constant FX, organic, at CER: a change on another basis than the levels'
_OTHER_BASIS = re.compile(
    r"like[-\s]for[-\s]like|\blfl\b|organic|constant\s(?:currency|fx|exchange)|\bCER\b|"
    r"underlying|pro\s?forma|excluding|불변|고정환율|不变价|固定汇率|可比",
    re.I,
)


def _change_between(
    grid: dict[tuple[int, int], Mention], row: int, levels: list[Mention], col: int
) -> bool:
    """Another change column stands between the levels and this one (``Change | Constant FX``):
    the first states the levels' change, the next another measure."""
    last = max(m.cell[2] for m in levels if m.cell is not None)
    return any((row, x) in grid and grid[(row, x)].change is not None for x in range(last + 1, col))


def change_verdict(
    ctx: Context, m: Mention, prior: Mention, current: Mention, keep_far: bool = False
) -> Finding | bool | None:
    """The finding where the stated change is off; True where it agrees; None where the cells
    cannot be compared (or, unless ``keep_far``, where an absolute change is so far from the
    levels' difference that it may be another measure)."""
    a_lo, a_hi = bounds(prior.fact.quantity)
    b_lo, b_hi = bounds(current.fact.quantity)
    a, b, v = point(prior.fact.quantity), point(current.fact.quantity), point(m.fact.quantity)
    if None in (a_lo, a_hi, b_lo, b_hi, a, b, v):
        return None
    assert a_lo is not None and a_hi is not None and b_lo is not None and b_hi is not None
    assert a is not None and b is not None and v is not None
    points = m.fact.quantity.kind is Kind.PP or prior.fact.quantity.kind is Kind.PERCENT
    if m.fact.quantity.kind not in (Kind.PERCENT, Kind.PP):
        # an absolute change (``Absolute change, 2017-18``): the difference of the levels
        lo, hi, computed, unit = b_lo - a_hi, b_hi - a_lo, b - a, ""
    elif points:
        lo, hi, computed, unit = b_lo - a_hi, b_hi - a_lo, b - a, "%p"
        if m.fact.quantity.kind is Kind.PERCENT and a_lo > 0:  # a relative change of a rate
            lo2, hi2 = rate_range(a_lo, a_hi, b_lo, b_hi)
            lo, hi = min(lo, lo2), max(hi, hi2)
    elif a_lo > 0:
        lo, hi = rate_range(a_lo, a_hi, b_lo, b_hi)
        computed, unit = (b - a) / a * HUNDRED, "%"
    elif a_hi < 0:
        # from a loss: the change is stated against the absolute level
        lo, hi = (b_lo - a_hi) / -a_hi * HUNDRED, (b_hi - a_lo) / -a_lo * HUNDRED
        lo, hi = min(lo, hi), max(lo, hi)
        computed, unit = (b - a) / -a * HUNDRED, "%"
    else:
        return None
    h = half_unit(m.fact.quantity)
    if v + h >= lo and v - h <= hi:
        return True
    if unit == "%" and not points and a_hi < 0 and b_hi < 0:
        # two negative levels (a cost, a net cash position shown negative): a table may state
        # the change of their size instead (-3.1 to -4.9 is +58% more expense)
        size_lo, size_hi = rate_range(-a_hi, -a_lo, -b_hi, -b_lo)
        if v + h >= size_lo and v - h <= size_hi:
            return True
    words = {
        "label": _label(current),
        "a": ctx.quantity(prior.fact.quantity),
        "b": ctx.quantity(current.fact.quantity),
        "computed": f"{'+' if computed > 0 else ''}{pct(computed)}{unit}",
        "stated": f"{'+' if v > 0 else ''}{pct(v)}{unit}",
    }
    if not keep_far and _far_off(m, prior, current):
        return None  # far from the difference: the column holds another measure (a rate)
    if not unit:
        words["computed"] = ctx.quantity(m.fact.quantity, computed)
        words["stated"] = ctx.quantity(m.fact.quantity)
    values = [a, b, v, computed.quantize(Decimal("0.01"))]
    return finding(
        RULE_CHANGE, Severity.ERROR, ctx.say(_CHANGE_OFF, **words), [prior, current, m], values
    )


_TERM = re.compile(r"(?:제|第)\s?(\d{1,3})\s?(?:기|期)")
_CURRENT_HEAD = re.compile(r"本期|本年|本报告期|당기|당해|\bcurrent\b|this\syear", re.I)
_PRIOR_HEAD = re.compile(r"上期|上年|上年同期|전기|전년|\bprior\b|\bprevious\b|last\syear", re.I)


def _relative(table: Table, a: Mention, b: Mention) -> tuple[Mention, Mention] | None:
    """(current, prior) of two undated level cells whose column headers name them current and
    prior (本期 / 上期, 당기 / 전기); None where the headers do not tell."""
    if a.cell is None or b.cell is None:
        return None
    ha, hb = table.column_header(a.cell[2]), table.column_header(b.cell[2])

    def current(h: str) -> bool:
        return bool(_CURRENT_HEAD.search(h)) and not _PRIOR_HEAD.search(h)

    def prior(h: str) -> bool:
        return bool(_PRIOR_HEAD.search(h)) and not _CURRENT_HEAD.search(h)

    na, nb = _TERM.search(ha), _TERM.search(hb)
    if na and nb and na.group(1) != nb.group(1):  # 제56기 | 제55기: the later term is current
        return (a, b) if int(na.group(1)) > int(nb.group(1)) else (b, a)
    if current(ha) and prior(hb):
        return a, b
    if current(hb) and prior(ha):
        return b, a
    return None


def _label(m: Mention) -> str:
    return (m.fact.sentence.split(" | ")[0] if " | " in m.fact.sentence else m.metric) or ""


def _same_unit(a: Mention, b: Mention) -> bool:
    qa, qb = a.fact.quantity, b.fact.quantity
    return (qa.kind, qa.currency, qa.unit) == (qb.kind, qb.currency, qb.unit)


RULE_TOTAL = table_sums.RULE_TOTAL
