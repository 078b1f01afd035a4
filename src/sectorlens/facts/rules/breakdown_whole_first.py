"""A total named first, its parts listed right after it, with no 'of which' between.

``2023년 총 수출액은 500억 달러로, 반도체 250억 달러, 자동차 …``,
``出口总额500亿美元，集成电路250亿美元、汽车 …``,
``Total capital return of $8.7 billion; dividends of $4.7 billion and share repurchases of
$4.0 billion``: the amount whose name says it is a total opens the list and the amounts after
it, one clause apart, name its parts. The relation is inferred (no ``이 중``, ``其中``,
``of which``): parts that add up to more than the total are a warning, and parts that measure
another kind of figure than the total (영업이익 after 총 매출) are not its parts.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Sequence
from itertools import pairwise

from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.breakdown_lists import MULTIPLE, PARTS
from sectorlens.facts.rules.breakdown_sums import by_unit, one_period, parts_verdict
from sectorlens.facts.rules.common import Context, norm, point
from sectorlens.model import Finding, Kind, Severity

# the whole's own name says it is a total: 총 수출액, 出口总额, 合计, total exports
_TOTAL_NAME = re.compile(
    r"^(?:총|전체)|합계|총액|总额|總額|总计|總計|合计|合計|总量|總量|^total\b|\btotal\s",
    re.IGNORECASE,
)
# between the total and its first part: the end of the total's clause (…500억 달러로, …；…:)
_OPENS = re.compile(r"^[^,，:：;；]{0,24}?[,，:：;；]")
# the words before the total name it a total (2023년 총 수출액은, 全年合计)
_TOTAL_LEAD = re.compile(
    r"(?:^|[\s,，])(?:총|전체|合计|合計|总计|總計)\s?\S{1,12}\s?(?:은|는|이|가)?\s?$"
)
# between two parts: a list joint and the next part's name, nothing that ends the list
_JOINT = re.compile(r"^[^。.;；!?]{0,40}$")
_JOINED = re.compile(r"[,，、]|\band\b|및|와|과|和|及|与")
_CHANGE_OR_SHARE = re.compile(
    r"%|増|增|减|減|下降|上升|증가|감소|늘|줄|\b(?:up|down|rose|fell|increase|decrease)", re.I
)
_KINDS = (
    ("sales", r"销售|營收|营收|收入|매출|\b(?:sales|revenues?)\b"),
    ("profit", r"利润|利潤|이익|\b(?:profits?|income|earnings)\b"),
    ("costs", r"成本|费用|費用|비용|원가|\b(?:costs?|expenses)\b"),
    ("assets", r"资产|資產|자산|\bassets\b"),
    ("liabilities", r"负债|負債|부채|\bliabilities\b"),
)


def check(ctx: Context) -> list[Finding]:
    """Each sentence that names a total and then lists amounts: the amounts against it."""
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in ctx.extraction.mentions:
        if m.sentence is not None and m.figure_run is None and m.cell is None:
            by_sentence[m.sentence].append(m)
    out: list[Finding] = []
    for index, members in by_sentence.items():
        text = ctx.extraction.layout.sentences[index].text
        if PARTS.search(text) or MULTIPLE.search(text):
            continue  # an 'of which' list is the breakdown rule's
        for same in by_unit([m for m in members if m.change is None]).values():
            got = _whole_first(ctx, text, same)
            if got is not None:
                out.append(got)
    return out


def _whole_first(ctx: Context, text: str, same: Sequence[Mention]) -> Finding | None:
    if len(same) < 3 or same[0].fact.quantity.kind not in (Kind.MONEY, Kind.COUNT, Kind.NUMBER):
        return None
    whole, parts = same[0], list(same[1:])
    lead = text[max(0, whole.local[0] - 24) : whole.local[0]]
    if not (_TOTAL_NAME.search((whole.metric or "").strip()) or _TOTAL_LEAD.search(lead)):
        return None
    if whole.estimate:
        return None
    if not _opens(text, whole, parts[0]):
        return None
    for a, b in pairwise(parts):
        gap = text[a.local[1] : b.local[0]]
        if not _JOINT.match(gap) or not _JOINED.search(gap) or _CHANGE_OR_SHARE.search(gap):
            return None
    if any(_TOTAL_NAME.search((m.metric or "").strip()) for m in parts):
        return None  # total assets, total loans and total deposits: totals, none a part
    names = [norm(m.metric) for m in parts]
    if not all(names) or len(set(names)) < len(names) or norm(whole.metric) in names:
        return None
    if not one_period([whole, *parts]) or any(m.estimate for m in parts):
        return None
    whole_kinds = _kinds(whole.metric or "")
    if any(_kinds(m.metric or "") - whole_kinds for m in parts):
        return None  # 총 매출 500억원, 영업이익 300억원: a profit is no part of the sales
    w = point(whole.fact.quantity)
    if w is None or any((point(m.fact.quantity) or w) > w for m in parts):
        return None  # a part larger than the total: another figure, not its part
    found = parts_verdict(ctx, whole, parts, exhaustive=False)
    if found.severity is not Severity.ERROR:
        return found if found.severity is Severity.OK else None
    return dataclasses.replace(found, severity=Severity.WARNING)


def _opens(text: str, whole: Mention, first: Mention) -> bool:
    """The total's clause ends right after it and the first part's name follows."""
    gap = text[whole.local[1] : first.local[0]]
    end = _OPENS.match(gap)
    return end is not None and len(gap) - end.end() <= 40 and not _CHANGE_OR_SHARE.search(gap)


def _kinds(metric: str) -> set[str]:
    return {name for name, words in _KINDS if re.search(words, metric, re.IGNORECASE)}
