"""Parts listed by one dimension against the whole stated before them.

Statistics releases and news state a whole, then its breakdown by one dimension in a sentence of
its own (``社会消费品零售总额30870亿元。按经营单位所在地分，城镇26164亿元，乡村4706亿元``; ``전체
매출액은 13조 4637억 원 … 분야별로는 제품 기기가 5조 5077억 원, 서비스가 …``; ``Revenue was $8.2
billion. By segment, …``). The marker (分…看, 按…分, 按…统计, …별로, 전체 … 중, by segment) says the
amounts after it are parts of one whole; the whole is the amount of the same unit stated before
them that they add up to. A sentence that opens with the whole's name (``全市常住人口中，男性…；
女性…``) also takes the amount stated under that name before, however far back. Where no
amount before them is their sum, the nearest one they exceed by a little is taken as the whole:
the relation is inferred, so the finding is a warning. Parts short of a whole say nothing: a list
by one dimension may name only its largest items.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import Context, finding, half_unit, norm, point
from sectorlens.facts.rules.levels import stated_level
from sectorlens.facts.rules.moves import direction_word
from sectorlens.facts.rules.table_sums import within
from sectorlens.model import Finding, Kind, Qualifier, Severity

RULE = "breakdown.by"
_BY = re.compile(
    r"[分从從][^\d，,。；;\s]{1,8}?看|按[^\d，,。；;\s]{1,10}?分(?!别|別)|"
    # 按经营地统计, 按地区划分: a dimension counted or cut, as 按…分
    r"按[^\d，,。；;\s]{1,10}?(?:统计|統計|划分|劃分)(?=[，,:：\s])|"
    r"[가-힣A-Za-z·]{1,8}별(?:로는|로 보면|로 보면|로|\s?(?:시장\s?규모|매출|실적|비중)(?:은|는)?)|"
    r"(?:전체|총)\s?[^\d,.]{0,16}?\s?(?:중|가운데)(?=\s)|"
    r"\bby\s(?:business\s)?(?:segments?|regions?|products?|categor(?:y|ies)|types?|geograph(?:y|ies)|"
    r"markets?|countr(?:y|ies)|divisions?|sectors?|channels?)\b",
    re.IGNORECASE,
)
_BACK = 5  # sentences before the list where its whole may be stated
# a whole the sentence opens with by name, its parts after it (全市常住人口中，男性…，女性…): the
# whole's amount is the one of that name stated before, however far back
_NAMED = re.compile(r"^\s*(?![在于於从從按其])(?P<name>[^\d,，。；;:：\s]{2,12}?)中\s?[,，]")
_NEAR = Decimal("0.2")  # parts this far over an amount are no parts of it
# an amount its clause names as excluding something (除汽车以外的消费品零售额, 자동차를 제외한,
# excluding fuel) is a part of the total, not the whole a breakdown divides
_EXCLUDING = re.compile(
    r"除[^，,。；;]{0,16}?(?:以外|之外|外)|不含|不包括|剔除|扣除|"
    r"제외(?:한|하면|하고|시)|빼(?:고|면)|뺀|"
    r"\b(?:excluding|except(?:\sfor)?|other\sthan|ex-)",
    re.IGNORECASE,
)

_OVER = {
    "ko": "{marker} 나열된 {n}개 항목의 합 {parts}이(가) 앞에 나온 전체 {whole}보다 큽니다.",
    "en": "The {n} items listed {marker} add up to {parts}, more than the whole {whole} "
    "stated before them.",
}
_OK = {
    "ko": "{marker} 나열된 {n}개 항목의 합 {parts}은(는) 앞에 나온 전체 {whole}과(와) 같습니다.",
    "en": "The {n} items listed {marker} add up to {parts}, the whole {whole} stated before them.",
}
_WHY = "amounts listed by one dimension (分…看, 按…分, …별로, by segment) after a whole"


def check(ctx: Context) -> list[Finding]:
    """Each list after a by-dimension marker against the whole stated before it."""
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in ctx.extraction.mentions:
        if m.sentence is not None and m.cell is None:
            by_sentence[m.sentence].append(m)
    out: list[Finding] = []
    sentences = ctx.extraction.layout.sentences
    for index, members in sorted(by_sentence.items()):
        text = sentences[index].text
        marker = _BY.search(text) or _NAMED.match(text)
        if marker is None:
            continue
        parts = _parts(text, [m for m in members if m.local[0] >= marker.end()])
        if len(parts) < 2 or _holds_own_total(parts):
            continue
        wholes = [m for m in members if m.local[1] <= marker.start()]
        for back in range(index - 1, max(-1, index - 1 - _BACK), -1):
            if sentences[index].paragraph - sentences[back].paragraph > 2:
                break
            wholes.extend(reversed(by_sentence.get(back, [])))
        named = _NAMED.match(text)
        if named is not None:
            wholes.extend(_of_name(ctx, named.group("name"), index))
        got = verdict(
            ctx,
            marker.group(0).strip(),
            parts,
            _measure_named(parts, wholes_of(ctx, parts, wholes)),
        )
        if got is not None:
            out.append(got)
        moves = _changes(ctx, [m for m in members if m.local[0] >= marker.end()])
        if len(moves) == len(parts):  # each part's change beside it: the whole's change
            got = verdict(ctx, marker.group(0).strip(), moves, _change_wholes(ctx, moves, wholes))
            if got is not None:
                out.append(got)
    return out


_RATES = (Kind.PERCENT, Kind.PP)
_MOVES = ("change", "yoy")  # an amount of change (增加15万吨, 比上年增加20万吨, up $0.4 billion)


def _changes(ctx: Context, after: Sequence[Mention]) -> list[Mention]:
    """The amounts of change after the marker, of one unit and one direction (1만6천89동 증가한)."""
    # changes of rates (%, percentage points) do not add up; amounts and counts do
    moves = [m for m in after if m.change in _MOVES and m.fact.quantity.kind not in _RATES]
    signs = {_sign(ctx, m) for m in moves}
    if len({_unit(m) for m in moves}) != 1 or len(signs) != 1 or None in signs:
        return []  # one unit, and every part moving the way its word says, the same way
    return moves


def _change_wholes(
    ctx: Context, moves: Sequence[Mention], before: Sequence[Mention]
) -> list[Mention]:
    """The changes before the list of its unit and direction, larger than each part's: the
    whole's change (전년보다 4만76동 증가한 735만4천340동)."""
    top = max(abs(point(m.fact.quantity) or Decimal(0)) for m in moves)
    return [
        m
        for m in before
        if m.change in _MOVES
        and _unit(m) == _unit(moves[0])
        and _sign(ctx, m) == _sign(ctx, moves[0])
        and abs(point(m.fact.quantity) or Decimal(0)) > top
        and m.fact.quantity.qualifier is Qualifier.EXACT
    ]


def _sign(ctx: Context, m: Mention) -> str | None:
    """Which way the change goes, by its trend word (증가한, 减少, up); None where none says."""
    sent = ctx.extraction.sentence(m)
    return None if sent is None else direction_word(sent.text, m.local[0], m.local[1])


def _of_name(ctx: Context, name: str, index: int) -> list[Mention]:
    """Amounts stated before sentence ``index`` under the metric ``name`` (the nearest first)."""
    want = norm(name)
    return [
        m
        for m in reversed(ctx.extraction.mentions)
        if m.sentence is not None
        and m.sentence < index
        and m.cell is None
        and m.change is None
        and norm(m.metric) == want
    ]


def _unit(m: Mention) -> tuple[object, ...]:
    q = m.fact.quantity
    return (q.kind, q.currency, q.unit)


def _parts(text: str, after: Sequence[Mention]) -> list[Mention]:
    """The largest group of one unit among the levels after the marker."""
    groups: dict[tuple[object, ...], list[Mention]] = defaultdict(list)
    for m in after:
        if stated_level(text, m):
            groups[_unit(m)].append(m)
    best = max(groups.values(), key=len, default=[])
    dated = {m.fact.period for m in best if m.period_source == "sentence"}
    return best if len(dated) <= 1 else []  # 3月 and 1-3月 in one list: two breakdowns


def _holds_own_total(parts: Sequence[Mention]) -> bool:
    """One item is the sum of the others (업체별로 현대차는 내수 5만9천540대, 수출 9만7천658대 등
    15만7천198대): the list breaks down one item, not the whole before it."""
    if len(parts) < 3 or any(point(m.fact.quantity) is None for m in parts):
        return False
    return any(within([x for x in parts if x is not m], m) for m in parts)


def wholes_of(ctx: Context, parts: Sequence[Mention], before: Sequence[Mention]) -> list[Mention]:
    """Amounts before the list that may be its whole: same unit, a level, above every part."""
    top = max(point(m.fact.quantity) or Decimal(0) for m in parts)
    dated = {m.fact.period for m in parts if m.period_source == "sentence"}
    out = []
    for m in before:
        sent = ctx.extraction.sentence(m)
        if sent is None or _unit(m) != _unit(parts[0]) or not stated_level(sent.text, m):
            continue
        if (point(m.fact.quantity) or 0) <= top:
            continue
        if m.fact.quantity.qualifier not in (Qualifier.EXACT, Qualifier.APPROX):
            continue  # a range or a bound ($3.04B to $3.16B guidance) is no total of parts
        if m.estimate and not any(p.estimate for p in parts):
            continue  # a forecast is not the whole of the amounts stated
        if _excluding(sent.text, m) or _aside(sent.text, m) or _listed(ctx, sent.text, m):
            continue
        if dated and m.period_source == "sentence" and m.fact.period not in dated:
            continue  # the list is of another period than this amount
        out.append(m)
    return out


def _measure_named(parts: Sequence[Mention], wholes: list[Mention]) -> list[Mention]:
    """The wholes whose name every part's name ends with (同城快递业务量, 异地快递业务量 of
    快递业务量, not of the 寄递业务量 that holds it), else all of them."""
    names = [norm(m.metric) for m in parts]
    named = [
        w
        for w in wholes
        if len(key := norm(w.metric)) >= 2 and all(n != key and n.endswith(key) for n in names)
    ]
    return named or wholes


def _excluding(text: str, m: Mention) -> bool:
    """Whether the amount's clause names what it leaves out (除汽车以外的…, excluding …)."""
    clause = re.split(r"[,，;；。:：]", text[: m.local[0]])[-1]
    return bool(_EXCLUDING.search(clause))


def _listed(ctx: Context, text: str, m: Mention) -> bool:
    """An amount listed with others of its unit after a colon (``Segment revenue: GPU, $2.78B;
    Tegra, $442M``): an item of another breakdown, not a whole."""
    colon = max(text.rfind(":", 0, m.local[0]), text.rfind("：", 0, m.local[0]))
    if colon < 0 or m.sentence is None:
        return False
    others = [
        x
        for x in ctx.extraction.mentions
        if x.sentence == m.sentence and x.local[0] > colon and _unit(x) == _unit(m)
    ]
    return len(others) >= 2


def _aside(text: str, m: Mention) -> bool:
    """An amount an aside in brackets names as another figure (``(consensus $2.95B)``, ``(전년
    3조원)``): a figure compared with, not the whole of what follows."""
    before = text[: m.local[0]]
    opened = max(before.rfind("("), before.rfind("（"))
    if opened < 0 or max(before.rfind(")"), before.rfind("）")) > opened:
        return False
    return bool(re.search(r"[^\W\d_]", before[opened + 1 :]))


def verdict(
    ctx: Context,
    marker: str,
    parts: list[Mention],
    wholes: list[Mention],
    rule: str = RULE,
    why: str = _WHY,
) -> Finding | None:
    """Parts against the amounts that may be their whole: OK where one is their sum, a warning
    where they exceed the nearest by a little and none is a little above them, else nothing."""
    total = sum((point(m.fact.quantity) or Decimal(0) for m in parts), Decimal(0))
    tol = sum((half_unit(m.fact.quantity) for m in parts), Decimal(0))
    below: list[Mention] = []
    for w in wholes:
        v = point(w.fact.quantity) or Decimal(0)
        if abs(total - v) <= tol + half_unit(w.fact.quantity):
            return _finding(ctx, Severity.OK, marker, parts, w, total, (rule, why))
        if v < total <= v * (1 + _NEAR):
            below.append(w)
    if any(total <= (point(w.fact.quantity) or 0) <= total * (1 + _NEAR) for w in wholes):
        return None  # a whole a little above the parts: the list may leave items out
    if not below:
        return None
    best = min(below, key=lambda w: total - (point(w.fact.quantity) or Decimal(0)))
    if any(w is not best and w.sentence == best.sentence for w in wholes):
        # 财产险…5724亿元，人身险…21040亿元。分险种来看，…: wholes side by side, and the list's
        # items (健康险, 意外险) may fall under either of them
        return None
    return _finding(ctx, Severity.WARNING, marker, parts, best, total, (rule, why))


def _finding(
    ctx: Context,
    severity: Severity,
    marker: str,
    parts: list[Mention],
    whole: Mention,
    total: Decimal,
    rule_why: tuple[str, str],
) -> Finding:
    q = whole.fact.quantity
    words = {
        "marker": f"'{marker}'",
        "n": len(parts),
        "parts": ctx.quantity(q, total),
        "whole": ctx.quantity(q),
    }
    message = ctx.say(_OK if severity is Severity.OK else _OVER, **words)
    values = [point(q), *(point(m.fact.quantity) for m in parts), total]
    return finding(rule_why[0], severity, message, [whole, *parts], values, why=rule_why[1])
