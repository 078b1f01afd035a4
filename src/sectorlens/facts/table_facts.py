"""Facts from table cells: value with the table's scale and currency, metric from the row header,
period from the column header (or the row header, in a table of years), change from a change
column (``vs. Q1 2022``, ``% Change``, ``증감``, ``同比``)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sectorlens.facts import lexicon as lx
from sectorlens.facts.cell_kind import cell_kind, quantity_text
from sectorlens.facts.context import Dating, named_periods
from sectorlens.facts.document import Block, Document, Table
from sectorlens.facts.flows import row_period, series_months
from sectorlens.facts.table_blocks import block_lead, is_index, lead_is_percent
from sectorlens.facts.table_context import (
    CHANGE_HEAD,
    caption_day,
    caption_measure,
    column_periods,
    label_periods,
    lead_of,
    measure_of,
    qualifier_period,
    split_qualifier,
)
from sectorlens.facts.table_counters import bare_counter, counted, counter_of
from sectorlens.facts.table_scale import (
    NOT_COUNTED,
    UNIT_CONTEXT,
    UNIT_PAREN,
    block_context,
    codes_as_units,
    label_units,
    scale_currency,
    set_apart_columns,
    share_row,
    share_scale,
    term_periods,
    unit_line_counter,
)
from sectorlens.facts.tables import row_parents
from sectorlens.model import Fact, Kind, Period
from sectorlens.parse import currency_in, is_currency_word, parse

_SIGN = r"[A-Z]{0,3}[$¥]|[€£₩₹￥]|(?-i:[A-Z]{3})(?=\s?[\d(])"
_CELL = re.compile(
    rf"^\s*(?P<word>up|down|increase|decrease|▲|▼|\+|-|−|△|▽)?\s*(?P<cur>{_SIGN})?\s*"
    rf"(?P<open>\()?\s*(?P<cur2>{_SIGN})?\s*(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d*\.?\d+)\s*"
    # £678.3m, $1.2bn: an amount with its own scale (read only after a currency sign)
    r"(?P<scale>(?<=[\d\s])(?:mn|bn|m|b|k|million|billion|thousand|trillion)\b)?\s*"
    r"(?P<close>\))?\s*(?P<unit>%p|%|ppts?|pts|bps|p\.p\.|個百分點|个百分点)?\s*\)?\s*[$€£¥₩]?\s*"
    r"(?P<tail>원|달러|위안|엔|元|美元|港元|欧元|日元)?\s*\*?$",
    re.I,
)
_PERCENT_HEAD = re.compile(r"%|percent|margin|rate|ratio|비중|비율|률|率|占比|比重", re.I)
_YOY_HEAD = re.compile(r"y/y|yoy|year|同比|比上年|전년|YoY", re.I)
# Rows a table's scale and currency do not reach: amounts per share or per unit, share counts.
_PER_UNIT = re.compile(
    r"\bper\s(?:\w+\s){0,3}(?:share|unit|employee|head)\b|\bEPS\b|주당|每股", re.I
)


# A row labelled by a unit alone (``(%)`` under ``영업이익``): the ratio of the row above.
_UNIT_ONLY_LABEL = re.compile(r"\s*[(（]\s*(?:%|％|배|倍|x|bp|%p)\s*[)）]\s*", re.I)
_OWN_UNIT = re.compile(r"[(（][^()（）]{1,12}[)）]\s*$")
_UNIT_COL = re.compile(r"^\s*[(（]?\s*(?:단위|单位|單位|units?|UOM|UoM)\s*[)）]?\s*$", re.I)


def is_change_header(text: str) -> bool:
    """True for a column header that says its cells are changes (``% Change``, ``YoY``)."""
    return bool(CHANGE_HEAD.search(text))


@dataclass(frozen=True, slots=True)
class CellFact:
    """A fact read from one cell, with what the table says about it."""

    fact: Fact
    row: int
    col: int
    metric: str | None
    change: str | None
    estimate: bool
    group: str | None = None  # the label row the cell sits under (Cost of revenues:)
    number: str = ""  # the number as printed, without grouping
    stated: tuple[str | None, str | None] | None = None  # (scale, currency) the table states
    plain: bool = False  # a bare number: no sign, unit, scale or currency of its own or stated


# A code set apart as the row's unit: (EUR million), [USD], in USD, / KRW, "Sales, EUR".
def _in_full(number: str) -> bool:
    """A count written out to the unit with thousands separators (``9,631,408``): no scale of
    the table's amounts multiplies it."""
    return bool(re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}", number.strip()))


def _section_unit(table: Table, row: int, col: int) -> tuple[str | None, str | None]:
    """The scale and currency the nearest label row above states in brackets (``Turnover
    (€ million)`` over the rows ``2018`` and ``2019``), or none."""
    for parent in reversed(row_parents(table, row, col, is_change_header)):
        if _OWN_UNIT.search(parent):
            return label_units(parent)
    return None, None


def _row_label(table: Table, row: int, col: int = 0) -> str:
    if table.header_cols:
        return table.row_header(row)
    for c in range(col, -1, -1):  # Total Market | | | 655,882: a label set in the first column
        first = table.cell(row, c)
        if first is not None and first.text.strip():
            return first.text if not _CELL.match(first.text) else ""
    return ""


def _label_col(table: Table) -> int:
    """The column that names the rows of a table without header columns: the first whose body
    cells are mostly words, where the columns before it hold only numbers (rank | vendor)."""
    for c in range(min(table.cols - 1, 3)):
        texts = [
            cell.text.strip()
            for r in range(table.header_rows, table.rows)
            if (cell := table.cell(r, c)) is not None and cell.text.strip()
        ]
        words = sum(1 for t in texts if not _CELL.match(t))
        if texts and words >= 0.6 * len(texts):
            return c
        if words > 0.4 * len(texts):
            return 0  # neither a column of words nor one of numbers (ranks)
    return 0


def _first_value_col(table: Table, label_col: int) -> int:
    if table.header_cols:
        return table.header_cols
    labelled = any(_row_label(table, r, label_col) for r in range(table.header_rows, table.rows))
    return label_col + 1 if labelled else 0


def table_facts(
    doc: Document,
    block: Block,
    context: str,
    fallback: Period | None,
    dating: Dating | None = None,
    columns: Sequence[str] | None = None,
    base: Period | None = None,
) -> list[CellFact]:
    """Every number in a table's body cells as a fact (header cells name, they do not state).

    ``columns``: the column headers of a table whose header rows were set apart (the table
    right above it on the page, continued without its own header); ``base``: the period the
    table's caption names (what ``本期``, ``전기``, ``Prior year`` are relative to)."""
    table = block.table
    if table is None:
        return []
    head = " ".join(codes_as_units(c.text) for c in table.cells[: table.header_rows * table.cols])
    if columns:
        head = f"{head} {' '.join(columns)}"
    unit_text = " ".join(
        m.group(0) if len(line) > 60 and (m := UNIT_PAREN.search(line)) else line
        for line in context.splitlines()
        if UNIT_CONTEXT.search(line)
    )
    label_col = 0 if table.header_cols else _label_col(table)
    first_col = _first_value_col(table, label_col)
    heads = {
        c: (columns[c] if columns and c < len(columns) else table.column_header(c))
        for c in range(table.cols)
    }
    # 营业总收入(百万元) | 同比增长率(%) | 每股收益(元/股): units stated column by column are
    # each column's own; the table's are then those of its unit line and its corner only
    own_units = [c for c in range(first_col, table.cols) if _OWN_UNIT.search(heads[c])]
    per_column = len(own_units) >= 2
    if per_column:
        head = " ".join(heads[c] for c in range(first_col))
    scale, currency = scale_currency(f"{unit_text} {head}")
    line_counter = None if scale or currency else unit_line_counter(unit_text)
    shares_sc = share_scale(f"{unit_text} {head}")
    symbols = {m.group("cur") or m.group("cur2") for c in table.cells if (m := _CELL.match(c.text))}
    symbols.discard(None)
    if currency is None and len(symbols) == 1:
        currency = currency_in(symbols.pop() or "")  # $ on the first and total rows only
    fallback = caption_day(context) or fallback
    out: list[CellFact] = []
    set_apart = set_apart_columns(context, table.cols - first_col, dating)
    col_units = {c: scale_currency(heads[c]) for c in own_units}
    caption = caption_measure(context)
    year = fallback.end.year if fallback is not None else None
    col_periods = column_periods(table, heads, first_col, lead_of(context), dating, base, year)
    if terms := term_periods(context, dating):
        for c in range(first_col, table.cols):
            if (m := lx.HEAD_TERM.search(heads[c])) and int(m.group(1) or m.group(2)) in terms:
                col_periods[c] = terms[int(m.group(1) or m.group(2))]  # 제 24기: stated above
    months = series_months(col_periods.values())
    scales: dict[str, tuple[str | None, str | None]] = {}
    section_units: dict[int, tuple[str | None, str | None]] = {}
    # A column of units (구분 | 단위 | 2022 | 2023): each row's unit, as if in its label.
    unit_col = next((c for c in range(first_col, table.cols) if _UNIT_COL.match(heads[c])), None)
    above_label = ""
    for r in range(table.header_rows, table.rows):
        own_label = _row_label(table, r, label_col)
        if _UNIT_ONLY_LABEL.fullmatch(own_label) and above_label:
            own_label = f"{above_label} {own_label.strip()}"  # 영업이익 / (%): its margin
        else:
            above_label = own_label
        per_unit: bool | None = None  # under a per-share heading (Earnings per share: / Basic)
        unit_cell = table.cell(r, unit_col) if unit_col is not None else None
        row_unit = unit_cell.text.strip() if unit_cell is not None else ""
        for c in range(first_col, table.cols):
            cell = table.cell(r, c)
            if cell is None or cell.header or not cell.text.strip() or c == unit_col:
                continue
            label = table.row_label(r, c) if table.parts and table.part_of(c)[0] else own_label
            unit_label = f"{label} ({row_unit})" if row_unit else label
            lead = block_lead(table, r, label_col)
            if lead_is_percent(lead):
                unit_label = f"{unit_label} (%)"  # 第一产业 under 总产出构成(%)
            if unit_label not in scales:
                scales[unit_label] = label_units(unit_label)
            row_scale, row_currency = scales[unit_label]
            if row_scale is None and row_currency is None and r not in section_units:
                section_units[r] = _section_unit(table, r, c)
            if row_scale is None and row_currency is None:
                row_scale, row_currency = section_units[r]  # 2019 under Turnover (€ million)
            value_text, note = split_qualifier(cell.text)
            got = _cell_fact(doc, block, table, cell.row, cell.col, value_text, label)
            if got is None:
                continue
            number, percent_unit, word, symbol = got
            column = heads[c]
            kind = cell_kind(percent_unit, column, unit_label)
            if (
                kind is Kind.NUMBER
                and not symbol
                and _PERCENT_GROUP.search(" ".join(row_parents(table, r, c, is_change_header)))
            ):
                kind = Kind.PERCENT  # 盈利能力(%) above 平均总资产回报率: the group row's unit
            col_scale, col_currency = col_units.get(c, (None, None))
            cur = (currency_in(symbol) if symbol else None) or row_currency or col_currency
            cur = cur or currency
            sc = row_scale or col_scale or scale
            if not symbol and not row_currency and is_index(label, lead):
                cur = sc = None  # 总产出指数(上年=100): index numbers, not amounts
            own = _CELL.match(_SPACED_THOUSANDS.sub("", value_text))
            if symbol and own is not None and symbol == own.group("tail"):
                sc = None  # 208,500원: the cell states its own unit
            if own is not None and own.group("scale"):
                sc = own.group("scale")  # £678.3m: the cell's own scale, whatever the table's
            if sc and not row_scale and per_unit is None:
                per_unit = bool(_PER_UNIT.search(label)) or any(
                    _PER_UNIT.search(p) for p in row_parents(table, r, c, is_change_header)
                )
            if per_unit and not row_scale:
                sc = None  # (in millions, except per share data): $0.20 a share
            parents = row_parents(table, r, c, is_change_header) if shares_sc else []
            if not symbol and not row_currency and share_row(label, parents):
                cur = None  # shares used in computing …: a count of shares, not money
                sc = row_scale or shares_sc or sc  # shares in Thousands, $ in Millions
                if sc and not (row_scale or shares_sc) and _in_full(value_text):
                    sc = None  # 9,631,408 shares under (million euro): counted one by one
            counter = counter_of(unit_label) or (counter_of(column) if not row_scale else None)
            one_by_one = bare_counter(unit_label) or bare_counter(column)
            if counter is not None and kind is Kind.NUMBER and not symbol:
                q = counted(number, *counter)
            elif one_by_one and counter is None and kind is Kind.NUMBER and not symbol:
                q = parse(f"{number}{one_by_one}")  # 新签项目数量(个) under 单位:亿元: a count
            else:
                q = parse(quantity_text(number, kind, cur, sc, percent_unit))
            if q.value is None:
                continue
            if row_unit and q.kind is Kind.NUMBER and not (sc or cur) and len(row_unit) <= 12:
                q = dataclasses.replace(q, unit=row_unit)  # 명, tCO2eq, MWh: the row's counter
            elif (
                line_counter
                and q.kind is Kind.NUMBER
                and not (sc or cur or symbol or row_unit)
                and not (_OWN_UNIT.search(label) or NOT_COUNTED.search(label))
            ):
                q = dataclasses.replace(q, kind=Kind.COUNT, unit=line_counter)  # (단위: tCO2eq)
            column_period = col_periods.get(c)
            if column_period is not None:
                column_period = row_period(column_period, label, months)
            periods = [column_period] if column_period is not None else []
            if not periods and set_apart:
                periods = [set_apart[c - first_col]]
            row_periods = label_periods(table, label, dating)  # First Half | … over 2018, 2019
            period: Period | None
            if not table.header_cols and not periods and row_periods:
                metric_text = column
                period = row_periods[0]
            else:
                metric_text = label
                period = periods[0] if periods else (row_periods[0] if row_periods else fallback)
            if note and (noted := qualifier_period(note, period, dating)) is not None:
                period = noted  # 64.73（Q1）: the cell says which part of its column's year
            change = None
            if CHANGE_HEAD.search(column) or word:
                change = "yoy" if _YOY_HEAD.search(column) else "change"
            down = word and word.lower() in ("down", "decrease", "▼", "-", "−")
            if down and q.value is not None and q.value > 0:
                text = q.input
                q = parse(f"-{text}" if not text[0].isalpha() else text.replace(" ", " -", 1))
            metric = _clean(metric_text)
            if metric is None and metric_text is label and row_periods and not periods:
                metric = _clean(column)  # a row labelled by its year: the column names the figure
            subject = (
                _subject(table, r, c, column, metric, caption) if metric_text is label else metric
            )
            sentence = f"{label} | {column}: {cell.text}".strip(" |")
            start, end = block.doc_span(cell.start, cell.end)
            fact = Fact(q, subject, sentence, doc.line_of(start), (start, end), None, period)
            estimate = bool(re.search(r"\d(?:E|F|P)\b", column))
            group = _group_label(table, r, c, first_col, context)
            by_counter = counter is not None and kind is Kind.NUMBER and not symbol
            stated = (sc, cur) if (sc or cur) and not by_counter else None
            plain = kind is Kind.NUMBER and not (symbol or by_counter or stated or percent_unit)
            out.append(CellFact(fact, r, c, metric, change, estimate, group, number, stated, plain))
    return out


def _subject(
    table: Table, row: int, col: int, column: str, label: str | None, caption: str | None
) -> str | None:
    """A cell's subject: what its column measures (else the table's caption), the rows it sits
    under and its row label (``Net revenue · Data Center``, ``Underwriting Profit · GEICO``),
    each said once."""
    parts = [measure_of(column) or caption]
    parts.extend(_clean(p) for p in row_parents(table, row, col, is_change_header))
    parts.append(label)
    out: list[str] = []
    for part in parts:
        if not part:
            continue
        key = part.lower()
        if any(key in o.lower() for o in out):
            continue
        out = [o for o in out if o.lower() not in key]  # Net revenue · Total net revenue
        out.append(part)
    return " · ".join(out) if out else None


def _group_label(table: Table, row: int, col: int, first_col: int, context: str) -> str | None:
    """The nearest row above ``row`` with a label and no values (``Cost of revenues:``), or the
    line right above the table when it ends in a colon (``Revenues:``)."""
    for r in range(row - 1, table.header_rows - 1, -1):
        label = table.row_label(r, col)
        values = [table.cell(r, c) for c in range(first_col, table.cols)]
        if label.strip() and not any(v is not None and v.text.strip() for v in values):
            return label.strip() if label.rstrip().endswith((":", "：")) else None
    last = context.splitlines()[-1].strip() if context.strip() else ""
    return last if last.endswith((":", "：")) and len(last) <= 40 else None


def _cell_fact(
    doc: Document, block: Block, table: Table, row: int, col: int, text: str, label: str
) -> tuple[str, str | None, str | None, str | None] | None:
    m = _CELL.match(_SPACED_THOUSANDS.sub("", text))
    if m is None:
        return None
    number = m.group("num").replace(",", "")
    if number.startswith("."):
        number = f"0{number}"  # .5: a percentage printed without its leading zero
    if m.group("open") and (m.group("close") or text.rstrip().endswith(")")):
        number = f"-{number}"
    word = m.group("word")
    if word in ("-", "−", "△", "▽"):  # △1,200: a negative in Korean and Japanese accounts
        number = f"-{number}" if not number.startswith("-") else number[1:]
        word = None
    symbol = m.group("cur") or m.group("cur2") or m.group("tail")
    if symbol and not is_currency_word(symbol):
        return None  # ABC 12: a label and a number, not an amount
    if m.group("scale") and not (m.group("cur") or m.group("cur2")):
        return None  # 12m, 3k without a currency: a length, a count — not read
    return number, m.group("unit"), word, symbol


# 2 384, 1 034 998: thousands set apart by a space (a text table's regrouped cell)
_SPACED_THOUSANDS = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))")
_PERCENT_GROUP = re.compile(r"[(（]\s*%\s*[)）]")


def _clean(text: str) -> str | None:
    cleaned = text = re.sub(r"(?<=\d)[AEFP]\b", "", text)  # 2026E: an estimate's year
    for n in reversed(named_periods(text, 2000)):
        cleaned = cleaned[: n.start] + " " + cleaned[n.end :]
    cleaned = re.sub(
        r"\((?:\$|₩|€)?\s?[BMK]\)|\([^)]*\b(?i:in)\s+(?:\S{1,4}\s)?(?i:thousands|millions|billions|trillions)\b[^)]*\)|[:：]\s*$",
        " ",
        cleaned,
    )
    cleaned = re.sub(r"(?:\s*\(\d{1,2}\))+\s*$", " ", cleaned)  # footnote marks: (1)(2)
    cleaned = re.sub(r"\s+", " ", cleaned).strip(" /|-—")
    return cleaned or None


__all__ = ["CellFact", "block_context", "is_change_header", "table_facts"]
