"""Restated figures: the same number given twice (summary and body, text and figure) agrees."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache

from sectorlens.facts import lexicon as lx
from sectorlens.facts.document import BlockKind
from sectorlens.facts.extract import Mention
from sectorlens.facts.rules import metric_names, restated_heads, restated_terms, restated_undated
from sectorlens.facts.rules.common import (
    Context,
    bounds,
    finding,
    generic,
    half_unit,
    norm,
    point,
)
from sectorlens.facts.rules.parts import cumulative_apart, dated_by_document
from sectorlens.facts.rules.restated_pairs import candidate_pairs
from sectorlens.facts.rules.same_metric import row_in_its_section, same_metric
from sectorlens.model import Finding, Kind, Qualifier, Quantity, Severity

RULE = "restated"

_AGREE = {
    "ko": "{label} 값이 {n}번 나오며 서로 맞습니다 ({values}).",
    "en": "{label} is stated {n} times and agrees ({values}).",
}
_DISAGREE = {
    "ko": "{label} 값이 곳에 따라 다릅니다: {values}.",
    "en": "{label} is stated differently in different places: {values}.",
}


_INFERRED = frozenset(["heading", "context"])  # a period lent by the heading or sentence before
_MIN_GLOBAL = 6  # a metric this long is specific enough to pair across sections


def _comparable(
    ctx: Context,
    a: Mention,
    b: Mention,
    aliases: dict[str, str] | None = None,
    levels: dict[tuple[int, int], Mention] | None = None,
    ranks: dict[int, str] | None = None,
) -> bool:
    """Two statements of one figure: same metric, entity (section), period, unit and change."""
    qa, qb = a.fact.quantity, b.fact.quantity
    if a.sentence is not None and a.sentence == b.sentence:
        return False
    if a.cell is not None and b.cell is not None:
        return False  # cells of tables: other columns (GAAP, non-GAAP), rows or breakdowns
    if a.fact.line == b.fact.line:
        return False  # one line gives a series, it does not restate itself
    dated = a.period_source == b.period_source == "sentence"
    # nor does a paragraph, unless each sentence dates its own figure or the later one refers
    # back to the earlier one's period (같은 기간 수입은 …)
    one_paragraph = restated_terms.paragraph(ctx, a) == restated_terms.paragraph(ctx, b) is not None
    if (
        not dated
        and one_paragraph
        and not restated_undated.twins(ctx, a, b, _own(a.metric), strict=True)
    ):
        return False
    if qa.unit != qb.unit or not _same_currency(a, b):
        return False
    if a.estimate != b.estimate or point(qa) is None or point(qb) is None:
        return False
    if (a.change != b.change and not restated_terms.same_change(ctx, a, b)) or a.change in (
        "from",
        "versus",
    ):
        return False
    if levels and not _same_level_unit(a, b, levels):
        return False  # 同比 +64.6% of 万辆 and 同比 +68.0% of GWh: changes of two measures
    ma, mb = _own(a.metric), _own(b.metric)
    if ctx.parts.apart(a, b) and ctx.parts.other_scopes(a, b):
        return False  # 일평균수출액 under 1부 전국 and under 2부 경남: two regions' figures
    if aliases:
        ma, mb = aliases.get(ma, ma), aliases.get(mb, mb)
    if not ma or not mb or _change_only(a.metric or "") or _change_only(b.metric or ""):
        return False  # 增長 9% and 增長 10.9%: a change word names no figure
    if ma != mb and not ((a.cell is None) != (b.cell is None) and same_metric(a, b)):
        return False  # a table row is restated in prose by its words (Revenues: · Services)
    if (
        generic(a.metric)
        and (not a.base or norm(a.base) != norm(b.base))
        and not (row_in_its_section(a, b) or row_in_its_section(b, a))
    ):
        return False  # 나머지 25% and 나머지 23% of two wholes (합계 under 매출 현황 is 매출)
    if a.segment != b.segment:
        return False  # unit sales volume in the Frozen Food segment and in the Snack segment
    if restated_heads.other_heads(ctx, a, b):
        return False  # 직접투자 중 X and 증권투자는 X가: the figures of two heads
    if restated_terms.cause(ctx, a) or restated_terms.cause(ctx, b):
        return False  # the benefit was due to $1.3 billion of …: a cause of the figure, not it
    if restated_terms.real_terms(ctx, a) != restated_terms.real_terms(ctx, b):
        return False  # 名义增长8.3%（扣除价格因素实际增长6.9%）: nominal and real, two rates
    if cumulative_apart(ctx.extraction, a, b):
        return False  # the quarter's figure and the year's so far (누적, 累计, year-to-date)
    if ranks and restated_terms.other_items(a, b, ranks):
        return False  # 2위는 가나바이오 … 3위 다라제약은 …: items of a ranking, two entities
    if not one_paragraph and restated_terms.bracketed_after_name(ctx, a, b):
        return False  # 인천(0.15%) … 인천(0.21%): a place of two sections (매매가격, 전셋값)
    if restated_terms.other_populations(ctx, a, b) or restated_terms.other_holders(ctx, a, b):
        return False  # 565개사의 매출 and 코스닥 811개사의 매출; 국민은행의 … and 우리은행은 …
    cited = _cites_table(a, b)  # prose dated as the table's column: it cites the table
    if a.section and b.section and a.section != b.section and len(ma) < _MIN_GLOBAL and not cited:
        return False  # 营收 of one company's section against another's
    if not ctx.parts.pairable(a, b):
        return False  # 올해 … of one article against 지난해 … of another: dated by another part
    pa, pb = a.fact.period, b.fact.period
    if (pa is not None and pa == a.compared) or (pb is not None and pb == b.compared):
        return False  # 4.5% versus fiscal 2015: the period is the comparison's, not the figure's
    if pa is not None and pb is not None:
        if "reference" in (a.period_source, b.period_source):
            return False  # undated: the document's date says nothing about what year it is
        if a.period_source in _INFERRED and b.period_source in _INFERRED:
            return False  # neither dated where it is stated: two figures of one section
        return (pa.start, pa.end) == (pb.start, pb.end)
    # Text against a figure: the figure dates its labels, the sentence may not.
    one_figure = (a.figure_run is None) != (b.figure_run is None)
    return (one_figure and qa.kind is Kind.PERCENT) or restated_undated.twins(ctx, a, b, ma)


_CHANGE_WORDS = re.compile(
    lx.alternation(f"{lx.TREND_UP}|{lx.TREND_DOWN}|{lx.CHANGE_CUES}")
    + r"|增長|減少|環比|增幅|降幅|名義|名义|實際|实际|分別|分别|同比|按年|按月|"
    r"[一-龥]{0,2}(?:成长|成長)|\b(?:up|down|by|of|the|a|an|yoy)\b|[\W\d_]",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)  # pure; asked for once per pair of mentions tried
def _change_only(metric: str) -> bool:
    """A 'metric' that is only change words (增長, 同比增长, 증가, grew by): names no figure."""
    return not _CHANGE_WORDS.sub("", metric)


def _agree(a: Mention, b: Mention) -> bool:
    qa, qb = a.fact.quantity, b.fact.quantity
    exact = qa.qualifier is qb.qualifier is Qualifier.EXACT
    if exact and half_unit(qa) == half_unit(qb) and point(qa) is not None:
        return point(qa) == point(qb)  # 5.0 and 4.9: one figure rounded alike prints alike
    if exact and (_cut(qa, qb) or _cut(qb, qa)):
        return True
    a_lo, a_hi = bounds(a.fact.quantity)
    b_lo, b_hi = bounds(b.fact.quantity)
    return (a_hi is None or b_lo is None or b_lo <= a_hi) and (
        b_hi is None or a_lo is None or a_lo <= b_hi
    )


def _cut(coarse: Quantity, fine: Quantity) -> bool:
    """``수출액은 9조원`` of 9조5409억원: the coarser figure is the finer one cut to its last
    place, as news writes a figure short (53조원을 넘어섰다), not rounded."""
    c, f, step = point(coarse), point(fine), 2 * half_unit(coarse)
    if c is None or f is None or c <= 0 or half_unit(fine) >= half_unit(coarse):
        return False
    return c <= f < c + step


_SAME_FIGURE = Decimal("0.3")  # values further apart than 30% are not one figure restated


def check(ctx: Context) -> list[Finding]:
    """Groups of statements of one figure: ok when they agree, a warning when they do not."""
    mentions = list(ctx.extraction.mentions)
    parent = list(range(len(mentions)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    aliases = _aliases(mentions)
    levels = {m.fact.span: m for m in mentions}
    ranks = restated_terms.ranked(ctx)
    hypothetical = _hypothetical_tables(ctx)

    def metric(m: Mention) -> str:
        own = _own(m.metric)
        return aliases.get(own, own)  # as _comparable compares them

    for i, j in candidate_pairs(mentions, metric):
        a, b = mentions[i], mentions[j]
        if _on_basis(a, hypothetical) != _on_basis(b, hypothetical):
            continue  # a pro forma table restates nothing the actual figures state
        if _comparable(ctx, a, b, aliases, levels, ranks):
            parent[root(j)] = root(i)
    groups: dict[int, list[Mention]] = {}
    for i, m in enumerate(mentions):
        groups.setdefault(root(i), []).append(m)
    return [
        _verdict(ctx, g)
        for g in groups.values()
        if len(g) >= 2 and _one_figure(g) and not _series(g)
    ]


# Figures on a hypothetical basis: pro forma, as if an acquisition had been made earlier.
_HYPOTHETICAL = re.compile(r"pro[\s-]?forma|\bas\s+if\b|备考|模拟合并|프로\s?포마", re.IGNORECASE)


def _hypothetical_tables(ctx: Context) -> set[int]:
    """The tables (block indexes) stated on a hypothetical basis: the heading they sit under
    or the block right before them (a caption, an introducing paragraph) says so."""
    out: set[int] = set()
    heading = before = ""
    for block in ctx.extraction.document.blocks:
        if block.kind is BlockKind.TABLE:
            if _HYPOTHETICAL.search(heading) or _HYPOTHETICAL.search(before):
                out.add(block.index)
            continue
        if block.kind is BlockKind.HEADING:
            heading = block.text
        before = block.text
    return out


def _on_basis(m: Mention, tables: set[int]) -> bool:
    return m.cell is not None and m.cell[0] in tables


def _same_currency(a: Mention, b: Mention) -> bool:
    """One kind and currency, or a table cell whose headers leave the currency unsaid (``in
    millions``: a number) against the amount the prose states."""
    qa, qb = a.fact.quantity, b.fact.quantity
    if (qa.kind, qa.currency) == (qb.kind, qb.currency):
        return True
    for cell, prose in ((a, b), (b, a)):
        qc, qp = cell.fact.quantity, prose.fact.quantity
        unsaid = cell.cell is not None and prose.cell is None and qc.currency is None
        if unsaid and qc.kind in (Kind.NUMBER, Kind.MONEY) and qp.kind is Kind.MONEY:
            return True
    return False


def _cites_table(a: Mention, b: Mention) -> bool:
    """A table cell and a sentence that states its own period, the cell's column period."""
    cell, prose = (a, b) if a.cell is not None else (b, a)
    return (
        cell.cell is not None
        and prose.cell is None
        and cell.period_source == "table"
        and prose.period_source == "sentence"
        and cell.fact.period == prose.fact.period
    )


def _same_level_unit(a: Mention, b: Mention, levels: dict[tuple[int, int], Mention]) -> bool:
    """Two changes whose levels are both stated: levels of one kind and unit."""
    la = levels.get(a.level) if a.level is not None else None
    lb = levels.get(b.level) if b.level is not None else None
    if la is None or lb is None:
        return True
    qa, qb = la.fact.quantity, lb.fact.quantity
    return (qa.kind, qa.currency, qa.unit) == (qb.kind, qb.currency, qb.unit)


# Words that make another measure of the same name: adjusted EPS is not EPS, 扣非净利润 not 净利润.
_QUALIFIER = re.compile(
    r"\b(?:adjusted|non-?gaap|gaap|core|organic|underlying|diluted|basic|comparable|constant|"
    r"pro\s*forma|gross|operating|segment|per|cumulative|year-to-date|ytd|daily|monthly)\b|"
    r"扣非|扣除|归母|归属|调整|調整|稀释|稀釋|基本|可比|累计|累計|日均|月均|"
    r"조정|희석|기본|영업|순|누적|일평균|월평균",
    re.IGNORECASE,
)
# The document's own entity named as such (公司营业收入, the Company's net sales, 당사 매출)
_SELF = re.compile(
    r"^(?:本公司|该公司|公司|本集团|集团|我国|我國|我省|我市|the\s+company'?s?\s+|company'?s?\s+|"
    r"our\s+|당사의?\s*|회사의?\s*)",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)  # pure; asked for once per pair of mentions tried
def _own(metric: str | None) -> str:
    """A metric for comparison, without the words naming the document's own entity, the name
    it ends with written as its equivalents' (영업익 for 영업이익, 营收 for 营业收入)."""
    own = norm(_SELF.sub("", metric_names.LEADING.sub("", (metric or "").strip(" —–-•*"))))
    return metric_names.acronym(metric_names.canonical(own))


_MIN_ALIAS = 2  # a shortened name of at least two characters (출하액, sales)


def _aliases(mentions: Sequence[Mention]) -> dict[str, str]:
    """Short names that refer back to the one full name they end (``출하액`` for ``전세계 …
    출하액``, ``sales`` for ``Net sales``): a name ending two or more full names, or tabulated
    in a row of its own beside the full name's, stays itself."""
    names: dict[str, str] = {}
    rows: dict[str, str] = {}  # a table's row labels: cited by longer names, never the long name
    first: dict[str, int] = {}  # the sentence that first names it
    for m in mentions:
        if m.metric and not generic(m.metric):
            if m.sentence is not None:
                names.setdefault(_own(m.metric), _SELF.sub("", m.metric.strip().lower()))
                first.setdefault(_own(m.metric), m.sentence)
            elif m.cell is not None:
                rows.setdefault(_own(m.metric), _SELF.sub("", m.metric.strip().lower()))
    out: dict[str, str] = {}
    for short, text in {**rows, **names}.items():
        if len(short) < _MIN_ALIAS or (text.isascii() and len(short) < 4):
            continue
        longer = [
            full
            for full, full_text in names.items()
            if full != short
            and full.endswith(short)
            # rows of their own in the document's tables (资本充足率 under 核心一级资本充足率):
            # the document itself counts them as two measures
            and not (short in rows and full in rows)
            and (not text.isascii() or full_text.endswith(" " + text))
            and not _QUALIFIER.search(full_text[: len(full_text) - len(text)])
        ]
        # one full name it ends, stated before it ('Net revenues' stated first is the whole,
        # not the later 'PaperPie net revenues'); a table's row is cited from anywhere
        cited = short not in first
        if len(longer) == 1 and (cited or first[longer[0]] < first[short]):
            out[short] = longer[0]
    return out


def _series(group: Sequence[Mention]) -> bool:
    """Two different values on one line: a row of a series (years, segments), not one figure."""
    by_line: dict[int, set[Decimal | None]] = {}
    for m in group:
        by_line.setdefault(m.fact.line, set()).add(point(m.fact.quantity))
    return any(len(values) > 1 for values in by_line.values())


def _one_figure(group: Sequence[Mention]) -> bool:
    """Statements close enough to be one figure (a restated 15.82 as 16.82, not 13% and 69%)."""
    values = [abs(point(m.fact.quantity) or Decimal(0)) for m in group]
    hi, lo = max(values), min(values)
    if any((point(m.fact.quantity) or 0) < 0 for m in group) != all(
        (point(m.fact.quantity) or 0) < 0 for m in group
    ):
        return False
    return hi == 0 or (hi - lo) / hi <= _SAME_FIGURE


def _verdict(ctx: Context, group: Sequence[Mention]) -> Finding:
    named = [m.metric for m in group if m.metric]
    label = next((n for n in named if not generic(n)), named[0] if named else "?")
    period = group[0].fact.period or next((m.fact.period for m in group if m.fact.period), None)
    if period is not None:
        label = f"{label} ({ctx.period(period)})"
    values = ", ".join(f"{ctx.quantity(m.fact.quantity)} ({m.fact.line})" for m in group)
    agree = all(_agree(a, b) for a in group for b in group)
    words = {"label": label, "n": len(group), "values": values}
    numbers = [point(m.fact.quantity) for m in group]
    if agree:
        return finding(RULE, Severity.OK, ctx.say(_AGREE, **words), group, numbers)
    severity = Severity.ERROR if _certain(group) else Severity.WARNING
    if severity is Severity.WARNING and not _stated_across(ctx, group):
        severity = Severity.INFO  # inferred across parts of a long document: a hint, no more
    return finding(RULE, severity, ctx.say(_DISAGREE, **words), group, numbers, why=_why(group))


def _stated_across(ctx: Context, group: Sequence[Mention]) -> bool:
    """Statements in one part, or each in other parts dating itself in its own sentence."""
    first = group[0]
    if not any(ctx.parts.apart(first, m) for m in group[1:]):
        return True
    return not any(
        m.period_source not in _OWN_PERIOD or dated_by_document(m)
        for m in group
        if m.fact.period is not None
    )


# stated where it stands (a figure without a period is matched to its text by _comparable)
_OWN_PERIOD = frozenset(["sentence", "heading", "table", "caption"])


def _certain(group: Sequence[Mention]) -> bool:
    """One figure for certain: the same metric words and each statement dating itself."""
    names = {norm(m.metric) for m in group}
    return (
        len(names) == 1
        and all(m.period_source == "sentence" and m.cell is None for m in group)
        and not any(dated_by_document(m) for m in group)  # 올해 counted from the date: assumed
        and len({m.fact.period for m in group}) == 1
        and len({m.section for m in group}) == 1
    )


def _why(group: Sequence[Mention]) -> str:
    if _certain(group):
        return "one metric stated twice: the same metric words and the same stated period"
    return "one figure inferred: metrics alike, period from context, heading or table"
