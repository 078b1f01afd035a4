"""Breakdowns: shares of one whole should not exceed 100%, parts should make up their total."""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal
from itertools import pairwise

from sectorlens.facts import lexicon as lx
from sectorlens.facts.context import named_periods
from sectorlens.facts.extract import Mention
from sectorlens.facts.rules import (
    breakdown_answers,
    breakdown_lists,
    breakdown_sums,
    breakdown_whole_first,
)
from sectorlens.facts.rules.breakdown_measure import whole_of_the_parts
from sectorlens.facts.rules.breakdown_rates import parts_rates
from sectorlens.facts.rules.breakdown_share import (
    OWN_SHARE,
    of_the_sentence_before,
    one_holder,
    part_shares,
)
from sectorlens.facts.rules.breakdown_sums import (
    RATIO,
    by_unit,
    interval,
    label_of,
    one_period,
    parts_verdict,
    several_measures,
    sum_verdict,
)
from sectorlens.facts.rules.common import (
    HUNDRED,
    Context,
    bounds,
    norm,
    point,
    sum_word,
)
from sectorlens.facts.rules.levels import adds_up
from sectorlens.facts.rules.table_sums import within
from sectorlens.model import Finding, Kind, Severity

RULE_SUM = breakdown_sums.RULE_SUM
RULE_PARTS = breakdown_sums.RULE_PARTS
_SHARE = re.compile(lx.alternation(lx.SHARE_CUES) + r"(?![-A-Za-z])", re.IGNORECASE)
# 이 중 순수전기차 비중은 58.3%, of which EVs had a share of 58.3%: a part's own share word
_PART_SHARE = re.compile(
    r"(?:占比|比重|份额|비중|점유율|\bshare)\s?(?:of\s)?(?:은|는|이|가|为|為|was|is)?\s?[:：]?\s?$",
    re.IGNORECASE,
)
# 90% → 55%, 90~95%에 이르던 것을 45~55%로: one share at two times, not two parts.
_TRANSITION = re.compile(
    r"→|->|에서\s|으?로\s?(?:감축|확대|증가|감소|늘|줄)|从|由|\bfrom\b|"
    # 65%, compared with 58% a year earlier; 占比65%，去年同期为58%; 65%로 전년 58%보다
    r"\bcompared\b|\bversus\b|\bvs\.?|(?<!less\s)(?<!more\s)(?<!greater\s)(?<!fewer\s)\bthan\b|\b(?:a|one|the)\s(?:year|quarter)\s(?:ago|earlier)|"
    r"\b(?:last|previous|prior)\s(?:year|quarter|month)|\bpreviously\b|\bup\sfrom\b|\bdown\sfrom\b|"
    r"去年|上年|同期|上月|上季|此前|之前|较|相比|"
    r"전년|작년|지난해|전분기|전월|대비|보다|비해|이전",
    re.I,
)
_CHANGE = lx.compile_words(lx.CHANGE_CUES)
_ESTIMATE = lx.compile_words(lx.ESTIMATE_CUES)
_TOTAL = re.compile(lx.alternation(lx.TOTAL_MARKER) + r"\s*\S{0,4}\s*$", re.IGNORECASE)
_CLAUSE = re.compile(r"[,，;；、]")
_COMBINED = re.compile(
    r"合计|合計|总计|總計|共计|共計|合共|합계|합산|\b(?:combined|together)\b", re.IGNORECASE
)


def check(ctx: Context) -> list[Finding]:
    """Figure runs, lists in one sentence, and shares of the same whole across sentences."""
    out: list[Finding] = []
    grouped: set[int] = set()
    shares = [m for m in ctx.extraction.mentions if m.fact.quantity.kind is Kind.PERCENT]
    by_run: dict[int, list[Mention]] = defaultdict(list)
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in shares:
        if m.figure_run is not None:
            by_run[m.figure_run].append(m)
    for m in ctx.extraction.mentions:
        if m.sentence is not None and m.figure_run is None:
            by_sentence[m.sentence].append(m)
    for members in by_run.values():
        labels = [norm(m.fact.subject) for m in members]
        if any(not x or re.search(r"\d", x) for x in labels) or len(set(labels)) < len(labels):
            continue  # ▲1.7% / 15.2%: numbers printed in a row are not a labelled breakdown
        if any(named_periods(m.fact.subject or "", 2000) for m in members):
            continue  # 전년 / 올해, last year / this year: one share at two times
        if several_measures(members):
            continue  # 造船完工量 / 新接订单量 / 手持订单量 占世界总量的: shares of three wholes
        if len(members) >= 2:
            label = members[0].fact.figure or label_of(members)
            out.append(sum_verdict(ctx, label, members, figure=True))
            grouped.update(id(m) for m in members)
    for index, members in by_sentence.items():
        text = ctx.extraction.layout.sentences[index].text
        if breakdown_lists.MULTIPLE.search(text):
            continue  # 복수응답, multiple answers: the shares of one question need not add up
        found = [
            f
            for part in breakdown_lists.by_dimension(text, members)
            for f in _sentence_group(ctx, text, part)
        ]
        if not found:
            found = of_the_sentence_before(ctx, index, text, members, by_sentence)
        out.extend(found)
        if found:
            grouped.update(id(m) for m in members)
    out.extend(_same_base(ctx, [m for m in shares if id(m) not in grouped]))
    # a question's answers, one list item each; a total named before its parts
    return out + breakdown_answers.check(ctx) + breakdown_whole_first.check(ctx)


def _sentence_group(ctx: Context, text: str, members: list[Mention]) -> list[Finding]:
    out: list[Finding] = []
    levels = [m for m in members if m.change is None]
    marker = breakdown_lists.list_marker(text)
    for same in by_unit(levels).values():
        if marker:
            rates = same and same[0].fact.quantity.kind is Kind.PERCENT
            # the whole is in the marker's statement: no ';' between (…5.1%；…，其中…)
            before = [
                m
                for m in same
                if m.local[1] <= marker.start()
                and not breakdown_lists.STATEMENT.search(text, m.local[1], marker.start())
            ]
            stop = breakdown_lists.STATEMENT.search(text, marker.end())
            end = stop.start() if stop else len(text)  # the items end with their clause
            after = [m for m in same if marker.end() <= m.local[0] < end]
            if after and not (before and within(after, before[-1])):
                # (其中在建…5885.6万平方米，规划中…3303.5万平方米；权益…5808.1万平方米: the
                # items of the clause already make the whole, the next clause is of its own)
                after += breakdown_lists.items_past_semicolons(
                    text, stop, same, after[0], before[-1] if before else None
                )
            if rates and any(_CHANGE.search(_clause(text, m)) for m in [*before[-1:], *after]):
                before = []  # 其中禽肉增长6.5%、猪肉下降10.8%: rates of change are no parts
            whole = whole_of_the_parts(before, after) if before and after else None
            if whole and len(after) >= 2 and _parts_related(text, whole, after):
                verdict = parts_verdict(ctx, whole, after, exhaustive=False)
                out.append(verdict)
                out.extend(part_shares(ctx, text, whole, after, members))
                out.extend(parts_rates(ctx, verdict, (whole, text, members), after, text, members))
                continue
        for i, m in enumerate(same):
            lead = text[max(0, m.local[0] - 12) : m.local[0]]
            total = _TOTAL.search(lead) or _COMBINED_SHARE.search(text[: m.local[0]][-28:])
            if i >= 2 and total and _summable(text, same[: i + 1]):
                parts = [x for x in same[:i] if not _not_a_part(text, x)]
                if len(parts) == i and one_period([m, *parts]):
                    got = parts_verdict(ctx, m, parts, exhaustive=True)
                    if m.fact.quantity.kind is Kind.PERCENT and got.severity is Severity.ERROR:
                        got = dataclasses.replace(got, severity=Severity.WARNING)
                    out.append(got)
                break
    if out:
        return out
    shares = [m for m in levels if m.fact.quantity.kind is Kind.PERCENT]
    percents = [m for m in members if m.fact.quantity.kind is Kind.PERCENT]
    changed = {id(m) for m in breakdown_lists.listed_changes(text, percents)}
    if changed and len(changed) == len(percents):
        return []  # 반도체가 44.6%, 석유제품이 33.0% 각각 증가: rates of change, not shares
    # 分别增长1.1倍、44.6%、27.7%和27.8%，…贡献率近70%: the listed rates are changes, the
    # share after them is of another clause
    shares = [m for m in shares if id(m) not in changed]
    shares = [
        m
        for m in shares
        if not _CHANGE.search(_clause(text, m)) and not breakdown_lists.passed_level(text, m)
    ]
    # 前十家企业合计份额为75.3%: a combined share holds the items, it is none of them; 毛利率
    # 45.2%, gross margin 45.2%: a ratio of its own, not a part of a breakdown
    shares = [
        m
        for m in shares
        if not _COMBINED.search(m.metric or "") and not RATIO.search((m.metric or "").strip())
    ]
    marker = breakdown_lists.PARTS.search(text)
    if marker and any(m.local[1] <= marker.start() for m in shares):
        # 占总销量的35.2%，其中纯电动占比58.3%，插混占比41.7%: the shares after 其中 are of the
        # part, not of the whole before it; the items are the ones after the marker, or, where
        # one share follows it (…，其中C1占20%), the ones before it
        after = [m for m in shares if m.local[0] >= marker.end()]
        before = [m for m in shares if m.local[1] <= marker.start()]
        shares = after if len(after) >= 2 else before
    bases = {norm(m.base) for m in shares if m.base}
    cue = _SHARE.search(text) or _of_one_base(ctx, shares)  # 64% of total X, 25% …, 9% …
    if len(shares) >= 2 and cue and len(bases) <= 1 and _one_whole(ctx, shares):
        base = next((m.base for m in shares if m.base), None)
        if _whole_and_parts(shares):
            return []  # 점유율은 70.5%로 삼성전자(42.5%), SK하이닉스(28%): a whole and its parts
        found = sum_verdict(ctx, base or label_of(shares), shares, figure=False)
        if found.severity is Severity.ERROR and breakdown_lists.answers(text):
            return []  # over 100%: the answers of people to a question that may take several
        if _each_its_own_share(text, shares):
            # 재생에너지 사용 비율은 65%, 폐기물 재활용 비율은 92%; 女性员工占比32.5%，研发人员占比
            # 45.6%: each item states its own share and no whole is named for the list; one
            # whole is inferred at most, and far over 100% they are shares of several wholes
            if interval(shares)[0] > _FAR_OVER:
                return []
            if found.severity is Severity.ERROR:
                found = dataclasses.replace(found, severity=Severity.WARNING)
        return [found]
    return []


# 前五大客户合计, top 5 combined, 상위 5개사 합계: a total of its own count of items, which the
# items listed before it need not all be
_COMBINED_SHARE = re.compile(
    r"\b(?:combined|total|aggregate)\s(?:market\s)?share\s(?:of\s)?(?:about\s)?$", re.I
)
_TOP_N = re.compile(r"前[一二三四五六七八九十\d]+|\btop\s?\d+|상위\s?\d+", re.I)


def _summable(text: str, members: Sequence[Mention]) -> bool:
    """Amounts, or shares each stated as a share (种子轮占比24.10%；A轮占比40.62%；合计占比
    64.72%) of a total that does not name a count of its own items, nor a measure of its own
    beside other totals (资产总计…；负债合计…；所有者权益合计…)."""
    if breakdown_lists.named_totals(text, members):
        return False
    total = members[-1]
    if total.fact.quantity.kind is not Kind.PERCENT:
        return True
    if _TOP_N.search(text[max(0, total.local[0] - 16) : total.local[0]]):
        return False
    return all(_SHARE.search(text[max(0, m.local[0] - 12) : m.local[0]]) for m in members)


_FAR_OVER = Decimal(150)
# An average (일평균 수출액 21.4억달러, average order of $3 million, 日均) or a band (21억달러대,
# the $20 billion range) is no item of a total stated beside it
_AVERAGE = re.compile(r"평균|平均|日均|均值|\baverage\b|\bper\s(?:day|month|year|unit)\b", re.I)
_BAND = re.compile(r"^\s?(?:대|級|级|\srange\b)")


def _not_a_part(text: str, m: Mention) -> bool:
    lead = text[max(0, m.local[0] - 16) : m.local[0]]
    return bool(
        _AVERAGE.search(lead) or _AVERAGE.search(m.metric or "") or _BAND.match(text[m.local[1] :])
    )


def _whole_and_parts(shares: Sequence[Mention]) -> bool:
    """One share equal to the sum of the others (within rounding): a whole listed with its parts."""
    if len(shares) < 3:
        return False
    for m in shares:
        lo, hi = bounds(m.fact.quantity)
        rest = [x for x in shares if x is not m]
        r_lo, r_hi, _ = interval(rest)
        if lo is not None and hi is not None and r_lo <= hi and lo <= r_hi:
            return True
    return False


_SHARE_NOUN = re.compile(
    r"(?:비율|비중|구성비|점유율|比例|占比|比重|份额|占有率|\bshare|\bproportion|\bpercentage)"
    r"\s?(?:은|는|이|가|为|為|was|is|were|of|[:：])?\s?$",
    re.IGNORECASE,
)
_OF_WHOLE = re.compile(r"占(\S{1,8})$")


def _each_its_own_share(text: str, shares: Sequence[Mention]) -> bool:
    """Every item carries its own share word and no common whole is named in each."""
    prev = 0
    for m in shares:
        if not _SHARE_NOUN.search(text[prev : m.local[0]][-16:]):
            return False
        prev = m.local[1]
    wholes = [_OF_WHOLE.search(m.metric or "") for m in shares]
    return not (all(wholes) and len({w.group(1) for w in wholes if w}) == 1)


def _one_whole(ctx: Context, shares: Sequence[Mention]) -> bool:
    """Shares of one breakdown: each of another part, all of one period, not one share moving."""
    if not one_period(shares):
        return False
    index = shares[0].sentence
    named = ctx.extraction.named.get(index, ()) if index is not None else ()
    if len({m.fact.period for m in shares}) > 1:
        return False  # this month's share and the year's: two wholes
    lo, hi = shares[0].local[0] - 30, shares[-1].local[1] + 80
    own = {n.period for n in named if not n.compared and lo <= n.start and n.end <= hi}
    if len(own) > 1:
        return False  # 56% and 69% of revenue for fiscal 2024 and 2023: one share, two years
    names = [norm(m.metric) for m in shares]
    if (any(not n for n in names) or not _distinct(names)) and not _of_one_base(ctx, shares):
        return False
    if any(m.change is not None or m.estimate != shares[0].estimate for m in shares):
        return False  # a share now and a share forecast: two times
    text = ctx.extraction.layout.sentences[index].text if index is not None else ""
    # expects 64% of total X …, 25% …: a forecast verb before a listed breakdown covers it all
    ahead = _ESTIMATE.search(text[: shares[0].local[0]]) and _of_one_base(ctx, shares)
    if not ahead and len({bool(_ESTIMATE.search(_clause(text, m))) for m in shares}) > 1:
        return False  # 占比为65%，预计…将达到58%: a share now and one forecast
    if any(sum_word(m.metric) for m in shares):
        return False  # 본문에 제시된 항목의 합 77%: a sum among the parts is no part
    if any((point(m.fact.quantity) or HUNDRED) >= HUNDRED for m in shares):
        return False  # 100% of the principal, 101%: not parts of one whole
    if breakdown_lists.other_wholes(text, shares):
        return False  # 부가가치율의 경우 제주(54.1%), …; 수요 비중은 강원(75.9%)이, 수출 비중은 …
    # 삼성전자의 점유율은 D램 42.5%, 낸드 33.7%: one holder's shares of many markets
    if one_holder(text[max(0, shares[0].local[0] - 40) : shares[0].local[0]]):
        return False
    if several_measures(shares):
        return False  # 前五大客户销售额占比 and 前五大供应商采购额占比: shares of two wholes
    first, last = shares[0].local[1], shares[-1].local[0]
    return not (_TRANSITION.search(text[first:last]) or _STATEMENTS.search(text[first:last]))


# A lone ellipsis between two figures (아파트 비중 50% 돌파…세종 73%로 1위; share tops 50%... Asia
# 73%) joins two statements of a headline, not the items of one list (……, 等 close a list)
_STATEMENTS = re.compile(r"(?<![…⋯.])(?:…|⋯|\.\.\.)(?![…⋯.])")


_LIST_GAP = 80  # characters between the items of one listed breakdown
_LIST_JOIN = re.compile(r"[,，、;；]|\band\b|\bor\b|및|와|과|和|及", re.IGNORECASE)


def _of_one_base(ctx: Context, shares: Sequence[Mention]) -> bool:
    """``64% of total deferred revenue in a year, 25% within two years, 9% …``: the first item
    names the whole, the others follow it in a list, each labelled by the words after it."""
    if len(shares) < 3 or not shares[0].base or any(m.base for m in shares[1:]):
        return False
    index = shares[0].sentence
    if index is None:
        return False
    text = ctx.extraction.layout.sentences[index].text
    gaps = [text[a.local[1] : b.local[0]] for a, b in pairwise(shares)]
    return all(len(g) <= _LIST_GAP and _LIST_JOIN.search(g) for g in gaps)


def _distinct(names: Sequence[str]) -> bool:
    """Names of different parts: none equal to or inside another (수출 and 수출 비중 are one)."""
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            if a == b or a in b or b in a:
                return False
    return True


def _parts_related(text: str, whole: Mention, parts: Sequence[Mention]) -> bool:
    """Parts after 其中/이 중/of which belong to the whole before it: same period, additive measure.

    Percentages after the marker that carry their own share word (``其中…（占比 37.89%）``) are
    shares of the part's own amount, not parts of a percentage before the marker.
    """
    if not one_period([whole, *parts]) or not adds_up((text, whole), [(text, m) for m in parts]):
        return False
    if whole.fact.quantity.kind is Kind.PERCENT:
        lead = [text[max(0, m.local[0] - 16) : m.local[0]] for m in parts]
        if any(OWN_SHARE.search(x) or _PART_SHARE.search(x) for x in lead):
            return False
    return True


def _clause(text: str, m: Mention) -> str:
    start = max((x.end() for x in _CLAUSE.finditer(text, 0, m.local[0])), default=0)
    stop = _CLAUSE.search(text, m.local[1])
    return text[start : stop.start() if stop else len(text)]


def _same_base(ctx: Context, shares: list[Mention]) -> list[Finding]:
    """Shares of one named whole (``…시장 규모의 약 51%``) across sentences of one period.

    The relation is inferred (the text does not list them as one breakdown): a warning at most.
    """
    groups: dict[tuple[str, object, bool], list[Mention]] = defaultdict(list)
    for m in shares:
        if m.base and m.change is None and m.fact.period is not None:
            if m.period_source != "sentence" or len(norm(m.base)) < 2:
                continue  # undated or a one-letter whole: the same whole is not established
            groups[(norm(m.base), m.fact.period, m.estimate)].append(m)
    out = []
    for members in groups.values():
        names = [norm(m.metric) for m in members]
        if not all(names) or not _distinct(names) or several_measures(members):
            continue
        if any((point(m.fact.quantity) or HUNDRED) >= HUNDRED for m in members):
            continue
        if sum((point(m.fact.quantity) or 0) > HUNDRED / 2 for m in members) >= 2:
            continue  # 5G phones 85.6%, domestic brands 86.8% of shipments: groups that overlap
        if len(members) >= 2 and len({m.sentence for m in members}) >= 2:
            f = sum_verdict(ctx, members[0].base or "", members, figure=False)
            if f.severity is Severity.ERROR:
                f = dataclasses.replace(f, severity=Severity.WARNING)
            out.append(f)
    return out
