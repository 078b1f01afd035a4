"""A figure of the title or lead restated in the body: the same measure, the same value.

News and releases state their main figures first (the title, the lead paragraph, the
highlights), then again in the body, often rounded (``매출 1641조`` for ``1천641조303억원``;
``增长10.3%`` for ``同比名义增长10.3%``). A lead figure and a body figure are one figure restated
when they are of one kind (two levels of one unit, or two changes in one direction), their
measures are named alike (one name holds the other: ``零售总额``, ``revenue``), and no period
stated with each tells them apart. Where the body states the lead's figure, they agree; where
the body's only such figure is a different value close to it (within 30%), the restatement
disagrees: a warning, since which figure restates which is inferred.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from itertools import pairwise

from sectorlens.facts.document import Block
from sectorlens.facts.extract import Mention
from sectorlens.facts.rules import breakdown_lists
from sectorlens.facts.rules.common import Context, finding, norm, point
from sectorlens.facts.rules.parts import cumulative_apart
from sectorlens.facts.rules.rounded import restates, truncates
from sectorlens.facts.rules.same_metric import alike_names
from sectorlens.model import Finding, Kind, Severity

RULE = "restated.lead"
_TITLE = 100  # a first block this short, not ending a sentence, is the title
_SENTENCE_END = tuple(".。!?！？")
_CLOSE = Decimal("0.3")
_READ = frozenset(["sentence", "context", "heading"])  # a period the text states, not the date
_UP = re.compile(
    r"증가|늘|상승|올|확대|급증|增|升|涨|漲|\bup\b|\brose\b|\bgrew\b|\bincreas|↑|▲", re.I
)
_DOWN = re.compile(
    r"감소|줄|하락|내리|축소|급감|减|減|降|跌|\bdown\b|\bfell\b|\bdeclin|\bdecreas|↓|▼", re.I
)
_GENERIC = re.compile(
    r"전년|동기|대비|같은|기간|증가|감소|늘어|늘었|줄어|줄었|올해|지난해|작년|기록|각각|이들|기업|"
    r"同比|增长|增長|下降|增产|增產|减产|減產|增加|减少|減少|比上|上年|去年|分别|分別|实现|實現|达到|達到|名义|名義|累计|累計|"
    r"总体|總體|整体|整體|"
    r"\b(?:year|years|percent|increase[sd]?|decrease[sd]?|grew|rose|fell|quarter|billion|million|"
    r"trillion|from|with|that|this|were|was|total|compared|reported)\b",
    re.IGNORECASE,
)
_WHY = "a title or lead figure restated in the body: one kind, one direction, a shared word"
_OFF = {
    "ko": "제목·첫머리는 {what} {a}(이)라고 하고 본문은 {b}(이)라고 합니다.",
    "en": "The title or lead gives {what} as {a}, the body as {b}.",
}
_OK = {
    "ko": "제목·첫머리의 {what} {a}은(는) 본문({b})과 맞습니다.",
    "en": "The title or lead's {what} {a} agrees with the body ({b}).",
}


def check(ctx: Context) -> list[Finding]:
    """Each headline figure (title, subtitles, section headlines) against its body's statements."""
    blocks = ctx.extraction.document.blocks
    if len(blocks) < 2:
        return []
    spans = {m.fact.span: m for m in ctx.extraction.mentions}
    by_block: dict[int, list[Mention]] = {}
    for m in ctx.extraction.mentions:
        if m.sentence is None:
            continue
        block = ctx.extraction.document.block_at(m.fact.span[0])
        if block is not None:
            by_block.setdefault(block.index, []).append(m)
    out: list[Finding] = []
    for heads, body_blocks in _sections(blocks):
        lead = [m for b in heads for m in by_block.get(b, [])]
        body = [m for b in body_blocks for m in by_block.get(b, [])]
        out.extend(_pair(ctx, lead, body, spans))
    return out


def _headline(text: str) -> bool:
    """A title or headline: a short block that does not end a sentence."""
    text = text.strip()
    return 0 < len(text) <= _TITLE and text[-1:] not in _SENTENCE_END


def _sections(blocks: Sequence[Block]) -> list[tuple[list[int], list[int]]]:
    """Runs of headline blocks with the body under them: the document's title (and subtitles)
    heads the whole document; a later headline heads the blocks up to the next headline."""
    out: list[tuple[list[int], list[int]]] = []
    i = 0
    while i < len(blocks):
        heads = []
        while i < len(blocks) and _headline(blocks[i].text):
            heads.append(blocks[i].index)
            i += 1
        start = i
        while i < len(blocks) and not _headline(blocks[i].text):
            i += 1
        if heads:
            whole = heads[0] == blocks[0].index  # the title: its body is the whole document
            body = [b.index for b in (blocks[start:] if whole else blocks[start:i])]
            out.append((heads, body))
    return out


def _pair(
    ctx: Context,
    lead: Sequence[Mention],
    body: Sequence[Mention],
    spans: dict[tuple[int, int], Mention],
) -> list[Finding]:
    out: list[Finding] = []
    changes = {m.level: m for m in (*lead, *body) if m.level is not None and m.change}
    for a, b in (*pairwise(lead), *pairwise(body)):
        if a.change and b.sentence is not None and a.sentence == b.sentence:
            text = ctx.extraction.layout.sentences[b.sentence].text
            if _TO.fullmatch(text, a.local[1], b.local[0]):
                changes.setdefault(b.fact.span, a)  # +0.8% to US$128.29
    for t in lead:
        if not _figure(t):
            continue
        name = _name(t, spans)
        cands = [
            b
            for b in body
            if _figure(b)
            and _same_kind(ctx, t, b)
            and alike_names(name, own := _name(b, spans))
            and (own == name or not _an_item(ctx, b))
        ]
        # 1901家公司淨利潤同比增長25% restated as 歸屬於上市公司股東的淨利潤…同比增長25%: the body
        # states the lead's figure under a longer name of the same measure, so a close value of
        # the measure elsewhere (工商銀行淨利潤…同比增長29%) is another entity's figure; where no
        # name holds the other, the figure of the measure whose name shares a word of the lead's
        # holder is its restatement (上市公司净利润 … 公司归属于上市公司股东的净利润, not
        # 工商银行净利润)
        mates = _measure_mates(ctx, t, name, body, spans)
        echo = [b for b in mates if _restated(t, b)]
        holder = _holder_words(name)
        longer = [
            b
            for b in mates
            if _close(t, b) and holder & _holder_words(_name(b, spans)) and not _an_item(ctx, b)
        ]
        if not cands and not longer:
            continue
        agree = next((b for b in cands if _restated(t, b)), None) or next(iter(echo), None)
        if agree is not None:
            out.append(_finding(ctx, Severity.OK, t, agree))
            continue
        close = next((b for b in cands if _close(t, b)), None) or next(iter(longer), None)
        if close is not None and _moved_apart(t, close, changes):
            continue  # ADR +0.8% to US$128.29, a market's ADR -31.0% to US$125.43: two figures
        if close is not None:
            out.append(_finding(ctx, Severity.WARNING, t, close))
    return out


_TO = re.compile(r"\s?(?:to|至|到)\s?(?:[$€£¥₩]|[A-Z]{1,3}\$?\s?)?")


def _moved_apart(a: Mention, b: Mention, changes: dict[tuple[int, int], Mention]) -> bool:
    """Both levels come with their own rates of change, and the rates disagree too."""
    ca, cb = changes.get(a.fact.span), changes.get(b.fact.span)
    if ca is None or cb is None:
        return False
    qa, qb = ca.fact.quantity, cb.fact.quantity
    va, vb = point(qa), point(qb)
    if qa.kind is not Kind.PERCENT or qb.kind is not Kind.PERCENT or va is None or vb is None:
        return False
    return not (restates(ca, cb) or restates(cb, ca))


def _an_item(ctx: Context, m: Mention) -> bool:
    """A body figure listed as one item of a breakdown by a dimension (by type, 按消费类型分,
    업종별로는) or after a part marker (其中, 그중, of which): a part of the lead's whole, not it
    restated."""
    if m.sentence is None:
        return False
    text = ctx.extraction.layout.sentences[m.sentence].text
    statement = breakdown_lists.STATEMENT.split(text[: m.local[0]])[-1]
    # 其中谷物产量…增产438.8万吨, 그중, of which: a part named after the whole, not the whole
    return breakdown_lists.dimension_before(text, m.local[0]) or bool(
        breakdown_lists.PARTS.search(statement)
    )


def _figure(m: Mention) -> bool:
    q = m.fact.quantity
    return (
        q.kind in (Kind.MONEY, Kind.COUNT, Kind.PERCENT)
        and point(q) is not None
        and m.change not in ("from", "versus")
    )


# Headlines shorten 영업이익 to 영업익 and 순이익 to 순익
_SHORT_KO = re.compile(r"(영업|순|세전)익")


def _name(m: Mention, spans: dict[tuple[int, int], Mention]) -> str:
    """What a figure measures: its metric, or its level's (``同比增长10.3%`` of 零售总额)."""
    level = spans.get(m.level) if m.level is not None else None
    own = _GENERIC.sub("", m.metric or "")
    if level is not None and len(norm(own)) < 2:
        own = _GENERIC.sub("", level.metric or "")
    return _SHORT_KO.sub(r"\1이익", norm(own))


def _measure_mates(
    ctx: Context,
    t: Mention,
    name: str,
    body: Sequence[Mention],
    spans: dict[tuple[int, int], Mention],
) -> list[Mention]:
    """Body figures of the lead's kind whose names end with its measure."""
    return [
        b
        for b in body
        if _figure(b) and _same_kind(ctx, t, b) and _one_measure(name, _name(b, spans))
    ]


def _holder_words(name: str) -> set[str]:
    """The words of a name before its measure (the last three characters, six in letters):
    character pairs in Chinese and Korean, words in letters."""
    head = name[: -(6 if name.isascii() else 3)]
    if head.isascii():
        return {w for w in re.findall(r"[a-z]{4,}", head.lower())}
    return {head[i : i + 2] for i in range(len(head) - 1)} - {"的", "의"}


def _one_measure(a: str, b: str) -> bool:
    """Two names that end with one measure (``公司淨利潤``, ``…股東的淨利潤``; ``net income``):
    the last three characters alike, six where the names are written in letters."""
    n = 6 if a.isascii() and b.isascii() else 3
    return len(a) >= n and len(b) >= n and a[-n:] == b[-n:]


def _direction(ctx: Context, m: Mention) -> int:
    v = point(m.fact.quantity)
    if v is not None and v < 0:
        return -1
    sent = ctx.extraction.sentence(m)
    if sent is None:
        return 0
    around = sent.text[max(0, m.local[0] - 12) : m.local[1] + 8]
    up, down = bool(_UP.search(around)), bool(_DOWN.search(around))
    return 0 if up == down else (1 if up else -1)


def _same_kind(ctx: Context, a: Mention, b: Mention) -> bool:
    qa, qb = a.fact.quantity, b.fact.quantity
    if (qa.kind, qa.currency, qa.unit) != (qb.kind, qb.currency, qb.unit):
        return False
    if a.estimate and not b.estimate:
        return False  # a headline drops the body's hedge (전망, expected), not the other way
    if "cagr" in (a.change, b.change) and a.change != b.change:
        return False  # a yearly average rate is not the year's change
    if (a.change is None) != (b.change is None) and not _marked_change(ctx, a, b):
        return False
    if qa.kind is Kind.PERCENT and _direction(ctx, a) * _direction(ctx, b) < 0:
        return False
    if not ctx.parts.pairable(a, b):
        return False  # dated by the date of another part of a long document
    if cumulative_apart(ctx.extraction, a, b):
        return False  # 3분기 9.13% and 3분기까지 누적으로는 8.68%: the quarter and the year so far
    # periods each read from the text (its sentence, the one before, a heading such as ``Full
    # Year 2022 Highlights``) that differ: the year's margin and the quarter's, two figures
    dated = a.period_source in _READ and b.period_source in _READ
    return not (dated and a.fact.period != b.fact.period)


def _marked_change(ctx: Context, a: Mention, b: Mention) -> bool:
    """A percentage the headline marks as a change by an arrow or word (``10.4%↑``) only."""
    plain = a if a.change is None else b
    return plain.fact.quantity.kind is Kind.PERCENT and _direction(ctx, plain) != 0


def _restated(lead: Mention, body: Mention) -> bool:
    """The body's figure as the lead shows it: rounded, or cut short as titles cut figures."""
    return restates(lead, body) or truncates(lead, body)


def _close(a: Mention, b: Mention) -> bool:
    x = abs(point(a.fact.quantity) or Decimal(0))
    y = abs(point(b.fact.quantity) or Decimal(0))
    return max(x, y) > 0 and abs(x - y) / max(x, y) <= _CLOSE


def _finding(ctx: Context, severity: Severity, lead: Mention, body: Mention) -> Finding:
    what = lead.metric or lead.fact.subject or body.metric or "?"
    words = {
        "what": what,
        "a": ctx.quantity(lead.fact.quantity),
        "b": ctx.quantity(body.fact.quantity),
    }
    message = ctx.say(_OK if severity is Severity.OK else _OFF, **words)
    values: Sequence[Decimal | None] = [point(lead.fact.quantity), point(body.fact.quantity)]
    return finding(RULE, severity, message, [lead, body], values, why=_WHY)
