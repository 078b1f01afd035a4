"""Breakdown verdicts: shares of one whole against 100%, parts against their whole."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import HUNDRED, Context, bounds, finding, pct, point
from sectorlens.model import Finding, Severity

RULE_SUM = "breakdown.sum"
RULE_PARTS = "breakdown.parts"
# a ratio of its own (영업이익률, 毛利率, gross margin, capacity factor), not a share of a whole
# (점유율, 占有率, 比率 and 비율 are shares)
RATIO = re.compile(
    r"(?<!占有)(?<!比)(?<!점유)(?<!비)(?:率|률|율)$|"
    r"\b(?:margin|ratio|rate|yield|capacity\sfactor|load\sfactor)s?$",
    re.IGNORECASE,
)
_OTHER = re.compile(r"^(?:기타|그 외|其他|其它|other|others|rest)$", re.IGNORECASE)

_SUM_OVER = {
    "ko": "{label}의 비중 합계가 {total}%로 100%를 넘습니다 ({n}개 항목).",
    "en": "The shares of {label} add up to {total}%, more than 100% ({n} items).",
}
_OTHER_NOTE = {
    "ko": " '{other}'를 빼면 {rest}%이므로 '{other}'는 {gap}%여야 맞습니다.",
    "en": " Without '{other}' they add up to {rest}%, so '{other}' would be {gap}%.",
}
_SUM_OK = {
    "ko": "{label}의 비중 합계는 {total}%로 반올림 범위 안에서 100%입니다.",
    "en": "The shares of {label} add up to {total}%: 100% within rounding.",
}
_SUM_UNDER = {
    "ko": "{label}의 비중 합계는 {total}%입니다(100% 이하, 나머지 {gap}%는 항목에 없음).",
    "en": "The shares of {label} add up to {total}% (under 100%; {gap}% is not itemized).",
}
_PARTS_OVER = {
    "ko": "{label}의 세부 항목 합계 {parts}이(가) 전체 {total}보다 큽니다.",
    "en": "The parts of {label} add up to {parts}, more than the {total} they are part of.",
}
_PARTS_OK = {
    "ko": "{label}의 세부 항목 합계 {parts}은(는) 전체 {total}과(와) 일치합니다.",
    "en": "The parts of {label} add up to {parts}, matching the stated {total}.",
}
_PARTS_UNDER = {
    "ko": "{label}의 세부 항목 합계는 {parts}(으)로 전체 {total}에 {gap} 모자랍니다.",
    "en": "The parts of {label} add up to {parts} of the stated {total}; {gap} is not itemized.",
}


def one_period(members: Sequence[Mention]) -> bool:
    """All members of one period (or undated)."""
    return len({m.fact.period for m in members if m.fact.period is not None}) <= 1


def by_unit(members: list[Mention]) -> dict[tuple[object, ...], list[Mention]]:
    groups: dict[tuple[object, ...], list[Mention]] = defaultdict(list)
    for m in members:
        q = m.fact.quantity
        groups[(q.kind, q.currency, q.unit)].append(m)
    return groups


def label_of(members: Sequence[Mention]) -> str:
    subjects = [m.fact.subject for m in members if m.fact.subject]
    head = ", ".join(subjects[:3]) + ("…" if len(subjects) > 3 else "")
    return head or "?"


def interval(members: Sequence[Mention]) -> tuple[Decimal, Decimal, Decimal]:
    lo = hi = total = Decimal(0)
    for m in members:
        a, b = bounds(m.fact.quantity)
        v = point(m.fact.quantity) or Decimal(0)
        lo += a if a is not None else v
        hi += b if b is not None else v
        total += v
    return lo, hi, total


def sum_verdict(ctx: Context, label: str, members: list[Mention], *, figure: bool) -> Finding:
    lo, hi, total = interval(members)
    values = [point(m.fact.quantity) for m in members] + [total]
    n = len(members)
    if lo > HUNDRED:
        message = ctx.say(_SUM_OVER, label=label, total=pct(total), n=n)
        other = [m for m in members if _OTHER.match((m.fact.subject or "").strip())]
        if len(other) == 1:
            rest = total - (point(other[0].fact.quantity) or Decimal(0))
            if rest <= HUNDRED:
                message += ctx.say(
                    _OTHER_NOTE,
                    other=other[0].fact.subject,
                    rest=pct(rest),
                    gap=pct(HUNDRED - rest),
                )
        return finding(RULE_SUM, Severity.ERROR, message, members, values)
    if hi >= HUNDRED:
        return finding(
            RULE_SUM, Severity.OK, ctx.say(_SUM_OK, label=label, total=pct(total)), members, values
        )
    message = ctx.say(_SUM_UNDER, label=label, total=pct(total), gap=pct(HUNDRED - total))
    return finding(RULE_SUM, Severity.INFO if figure else Severity.OK, message, members, values)


# the difference of two flows, never one of the parts of their total
_BALANCE = re.compile(
    r"顺差|順差|逆差|贸易差额|貿易差額|무역수지|흑자|적자|\btrade\s(?:surplus|deficit|balance)\b",
    re.I,
)


def without_balances(parts: Sequence[Mention]) -> list[Mention]:
    """``出口…进口…贸易顺差2.05万亿元``: the parts but a balance of two of them (where two or
    more are left), which is none of the parts of their total."""
    flows = [m for m in parts if not _BALANCE.search(f"{m.metric or ''} {m.fact.subject or ''}")]
    return flows if len(flows) >= 2 else list(parts)


# measures that can be below zero: profits, net figures, balances
_SIGNED = re.compile(
    r"\b(?:income|profits?|earnings|net|balance|surplus|deficit|cash\sflows?)\b|"
    r"이익|손익|순익|수지|흑자|적자|利润|利潤|盈利|净利|淨利|损益|損益|差额|差額|顺差|逆差",
    re.IGNORECASE,
)


def parts_verdict(
    ctx: Context, whole: Mention, parts: list[Mention], *, exhaustive: bool
) -> Finding:
    """Parts against their whole; with a stated total (``총``) a shortfall is an error too."""
    parts = without_balances(parts)
    lo, hi, total = interval(parts)
    q = whole.fact.quantity
    w_lo, w_hi = bounds(q)
    w = point(q) or Decimal(0)
    label = whole.fact.subject or whole.base or "?"
    values = [w, *(point(m.fact.quantity) for m in parts), total]
    members = [whole, *parts]
    # a whole stated as a bound (53조원을 넘어섰다) is shown as written, never as 0
    words = {"parts": ctx.quantity(q, total), "total": ctx.quantity(q)}
    if w_hi is not None and lo > w_hi:
        message = ctx.say(_PARTS_OVER, label=label, **words)
        # 利润181.3亿元，其中…83.5亿元…103.1亿元: a measure that can be negative may have
        # unlisted parts below zero; only a stated total of all the parts makes it certain
        signed = not exhaustive and _SIGNED.search(f"{label} {whole.metric or ''}")
        severity = Severity.WARNING if signed else Severity.ERROR
        if lo > 2 * w_hi:
            # rates of 99.84%, 99.9% … summed against one of them: more than twice the whole
            # is no slip in a breakdown but figures that were never its parts
            severity = Severity.INFO
        return finding(RULE_PARTS, severity, message, members, values)
    if w_lo is None or hi >= w_lo:
        return finding(
            RULE_PARTS, Severity.OK, ctx.say(_PARTS_OK, label=label, **words), members, values
        )
    gap = (point(q) or w_lo) - total
    message = ctx.say(_PARTS_UNDER, label=label, gap=ctx.quantity(q, gap), **words)
    severity = Severity.ERROR if exhaustive else Severity.INFO
    return finding(RULE_PARTS, severity, message, members, values)


# What a share is a share of, by kind of measure: 客户销售额占比 and 供应商采购额占比 are shares of
# two wholes (sales, purchases); 产品销售收入 and 服务收入 are both of revenue.
_MEASURES = (
    ("sales", r"销售额|销售收入|营业收入|营收|收入|매출|\b(?:sales|revenues?|turnover)\b"),
    ("purchases", r"采购额|采购|매입|구매|\bpurchases\b"),
    ("costs", r"成本|费用|비용|원가|\b(?:costs?|expenses)\b"),
    ("profit", r"利润|이익|\b(?:profits?|earnings|income)\b"),
    ("assets", r"资产|자산|\bassets\b"),
    ("liabilities", r"负债|부채|\bliabilities\b"),
    # 事件数量约占60%，金额约占79.5%: one part's share of the count and of the amount
    ("count", r"数量|數量|件数|笔数|건수|개수|\bnumber\sof\b"),
    ("amount", r"金额|金額|금액|\bamounts?\b"),
    # 造船完工量、新接订单量、手持订单量分别占世界总量的…; 수입 보험료는 66.2%, 계약건수도 69.2%
    ("premiums", r"보험료|保费|保費|\bpremiums?\b"),
    ("orders", r"订单|訂單|수주|\border(?:s|\sbook)\b|\bbookings\b"),
    ("output", r"完工|产量|產量|생산량|\boutput\b|\bproduction\b"),
    # 新增光伏装机全球占比55.6%，供应能力可以满足全球约90%的需求: installations, then supply
    ("installed", r"装机|裝機|설치|\binstall(?:ed|ations?)\b"),
    ("supply", r"供应|供應|공급|\bsupply\b"),
)
_MEASURE = tuple((name, re.compile(words, re.IGNORECASE)) for name, words in _MEASURES)


def _measures_of(metric: str) -> frozenset[str]:
    """The kinds of measure a metric names (sales, purchases, costs…)."""
    return frozenset(name for name, words in _MEASURE if words.search(metric))


def several_measures(shares: Sequence[Mention]) -> bool:
    """Shares whose metrics name two or more kinds of measure: shares of as many wholes."""
    named = (f"{m.metric or ''} {m.base or ''}" for m in shares)  # 수입 보험료의 66.2%
    return len({x for n in named if (x := _measures_of(n))}) >= 2
