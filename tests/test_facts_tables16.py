"""Issue 16 (tables16): totals that stand before their items, and rows that total the rows above
them under their own name, read only where the table itself shows the relation.

Every table here is written for these tests (en, ko, zh), in the shapes real statements take:
a total column left of its items (statistical abstracts, 계 | 남 | 여, 合计 | 城镇 | 乡村),
a total row printed first (a ``<tfoot>`` before the body, 자산총계 on top), a cash-flow
section whose result row says no "total", and a ``…合计`` / ``…총계`` row. The consistent
table gives no error or warning; the same table with one figure changed does; a table that
does not show the relation (most rows do not add up, only small numbers add up, the difference
is exactly one item) gives no finding.
"""

from __future__ import annotations

import pytest

from sectorlens.facts import check, extract, from_text
from sectorlens.facts.read_html import read_html
from sectorlens.model import Finding, Severity

BAD = (Severity.ERROR, Severity.WARNING)


def md(text: str) -> list[Finding]:
    return [
        f for f in check(extract(from_text(text, fmt="md")), lang="en") if f.rule == "table.total"
    ]


def html(page: str) -> list[Finding]:
    doc = read_html(page.encode(), "t.html")
    return [f for f in check(extract(doc), lang="en") if f.rule == "table.total"]


def flagged(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity in BAD]


# --- a total column left of its items ------------------------------------------------------

LEADING = {
    "en": (
        "| Offense | Total | Under 18 | 18 and over |\n|---|---|---|---|\n"
        "| Burglary | 240.9 | 60.3 | 180.6 |\n| Robbery | {x} | 25.5 | 76.6 |\n"
        "| Fraud | 173.7 | 5.1 | 168.6 |\n| Vandalism | 217.4 | 72.7 | 144.7 |\n"
    ),
    "ko": (
        "| 시도 | 계 | 남자 | 여자 |\n|---|---|---|---|\n"
        "| 서울 | 9,386 | 4,551 | 4,835 |\n| 부산 | {x} | 1,612 | 1,681 |\n"
        "| 대구 | 2,375 | 1,168 | 1,207 |\n| 인천 | 2,998 | 1,497 | 1,501 |\n"
    ),
    "zh": (
        "| 地区 | 合计 | 城镇 | 乡村 |\n|---|---|---|---|\n"
        "| 华东 | 4,213.6 | 2,904.1 | 1,309.5 |\n| 华南 | {x} | 1,880.2 | 702.3 |\n"
        "| 华北 | 1,966.0 | 1,310.7 | 655.3 |\n| 西南 | 2,004.8 | 1,101.4 | 903.4 |\n"
    ),
}
LEADING_X = {"en": ("102.1", "120.1"), "ko": ("3,293", "3,923"), "zh": ("2,582.5", "2,852.5")}


@pytest.mark.parametrize("lang", LEADING)
def test_total_column_before_its_items(lang: str) -> None:
    good, bad = LEADING_X[lang]
    assert not flagged(md(LEADING[lang].format(x=good)))
    hits = flagged(md(LEADING[lang].format(x=bad)))
    assert len(hits) == 1 and hits[0].severity is Severity.ERROR
    assert bad.replace(",", "")[:3] in hits[0].message.replace(",", "")


def test_total_column_whose_columns_do_not_add_up_is_no_total_of_them() -> None:
    """A 'Total' column beside figures of another kind (most rows do not add up): no relation."""
    text = (
        "| Segment | Total | Orders | Backlog |\n|---|---|---|---|\n"
        "| Cloud | 940 | 610 | 300 |\n| Devices | 880 | 500 | 460 |\n"
        "| Services | 400 | 250 | 150 |\n| Other | 310 | 200 | 180 |\n"
    )
    assert not flagged(md(text))


def test_total_column_one_item_off_is_a_misreading() -> None:
    """Where a row's items miss the total by exactly one item, a cell was read into the wrong
    column (a shifted PDF row): the rows were misread, the total is not called wrong."""
    text = LEADING["en"].format(x="102.1").replace("| 173.7 | 5.1 |", "| 178.8 | 5.1 |")
    assert not flagged(md(text))


# --- a total row printed above its items -----------------------------------------------------

TOP = {
    "ko": ("| 계정과목 | 당기 | 전기 |\n|---|---|---|\n| 자산총계 | {x} | 9,870 |\n"),
    "zh": ("| 项目 | 本期 | 上期 |\n|---|---|---|\n| 资产总计 | {x} | 9,870 |\n"),
    "en": ("| Item | 2024 | 2023 |\n|---|---|---|\n| Total assets | {x} | 9,870 |\n"),
}
TOP_ROWS = "| {a} | 4,120 | 3,900 |\n| {b} | 3,305 | 3,480 |\n| {c} | 2,815 | 2,490 |\n"
TOP_NAMES = {
    "ko": ("현금", "매출채권", "유형자산"),
    "zh": ("货币资金", "应收账款", "固定资产"),
    "en": ("Cash", "Receivables", "Property"),
}


@pytest.mark.parametrize("lang", TOP)
def test_total_row_above_its_items(lang: str) -> None:
    a, b, c = TOP_NAMES[lang]
    table = TOP[lang] + TOP_ROWS.format(a=a, b=b, c=c)
    assert not flagged(md(table.format(x="10,240")))
    hits = flagged(md(table.format(x="10,420")))
    assert len(hits) == 1 and hits[0].severity is Severity.ERROR


def test_total_row_above_items_that_add_up_nowhere_is_no_finding() -> None:
    """A first row named a total that adds up in no column: the structure was not read."""
    table = TOP["en"] + TOP_ROWS.format(a="Cash", b="Receivables", c="Property")
    assert not flagged(md(table.format(x="10,420").replace("9,870", "9,990")))


def _side_by_side(equity: str) -> str:
    """A Korean 결산공고: assets and liabilities side by side, the totals in a tfoot printed
    before the body, 부채총계 and 자본총계 under their items, 부채 및 자본총계 their sum."""
    rows = [
        ("현금및현금성자산", "1,200,000", "미지급금", "310,000"),
        ("단기금융상품", "2,450,000", "예수금", "95,000"),
        ("매출채권", "880,000", "미지급법인세", "140,000"),
        ("유형자산", "3,100,000", "부채총계", "545,000"),
        ("무형자산", "470,000", "자본금", "5,000,000"),
        ("", "", "이익잉여금", "2,555,000"),
        ("", "", "자본총계", equity),
    ]
    body = "".join(
        f"<tr><th>{a}</th><td>{b}</td><th>{c}</th><td>{d}</td></tr>" for a, b, c, d in rows
    )
    return (
        "<html><body><p>(단위: 천원)</p><table><thead><tr><th>계정과목</th><th>금액</th>"
        "<th>계정과목</th><th>금액</th></tr></thead><tfoot><tr><th>자산총계</th><td>8,100,000"
        "</td><th>부채 및 자본총계</th><td>8,100,000</td></tr></tfoot>"
        f"<tbody>{body}</tbody></table></body></html>"
    )


def test_side_by_side_statement_with_totals_printed_first() -> None:
    assert not flagged(html(_side_by_side("7,555,000")))
    hits = flagged(html(_side_by_side("7,565,000")))
    assert hits and all(f.severity is Severity.ERROR for f in hits)


# --- a row that totals the rows above it under its own name ----------------------------------

NAMED = {
    "en": (
        "| Cash flows ($ in millions) | 2024 | 2023 |\n|---|---|---|\n"
        "| Dividends paid | (7,614) | (7,535) |\n| Repurchases of common stock | (49,504) | "
        "(43,344) |\n| Repayments of term debt | (4,009) | (3,150) |\n| Other | (77) | (132) |\n"
        "| Cash used in financing activities | {x} | (54,161) |\n"
    ),
    "ko": (
        "| 과목 (단위: 백만원) | 당기말 | 전기말 |\n|---|---|---|\n"
        "| 미지급금 | 7,822 | 7,105 |\n| 예수금 | 3,180 | 2,946 |\n"
        "| 이연법인세부채 | 5,809 | 5,377 |\n"
        "| 부채총계 | {x} | 15,428 |\n"
    ),
    "zh": (
        "| 项目（单位：万元） | 期末余额 | 期初余额 |\n|---|---|---|\n"
        "| 短期借款 | 7,822 | 7,105 |\n| 应付账款 | 3,180 | 2,946 |\n| 合同负债 | 5,809 | 5,377 |\n"
        "| 流动负债合计 | {x} | 15,428 |\n"
    ),
}
NAMED_X = {"en": ("(61,204)", "(62,104)"), "ko": ("16,811", "16,181"), "zh": ("16,811", "16,181")}


@pytest.mark.parametrize("lang", NAMED)
def test_row_named_for_what_it_totals(lang: str) -> None:
    good, bad = NAMED_X[lang]
    assert not flagged(md(NAMED[lang].format(x=good)))
    hits = flagged(md(NAMED[lang].format(x=bad)))
    assert hits and hits[0].severity is Severity.ERROR


def test_named_row_off_by_one_item_is_a_misreading() -> None:
    """The result row misses the other column's items by exactly one of them: an item was read
    into the wrong row, not a wrong total."""
    assert not flagged(md(NAMED["zh"].format(x="11,002")))  # 16,811 less 合同负债 5,809
    assert not flagged(md(NAMED["zh"].format(x="13,631")))  # 16,811 less 应付账款 3,180


def test_small_counts_that_happen_to_add_up_establish_nothing() -> None:
    """1 + 1 + 2 = 4 in one column is no evidence that the row totals the rows above it."""
    text = (
        "| Plant | 2024 | 2023 |\n|---|---|---|\n| Lines | 1 | 2 |\n| Shifts | 1 | 3 |\n"
        "| Sites | 2 | 2 |\n| Audits | 4 | 9 |\n"
    )
    assert not flagged(md(text))


# --- a unit line that scales the shares and the amounts differently ---------------------------

VIEWER = (
    "<html><body><table><tr><th rowspan='2'><strong>STATEMENTS OF OPERATIONS - USD ($)<br> "
    "shares in Thousands, $ in Millions</strong></th><th colspan='2'>3 Months Ended</th></tr>"
    "<tr><th>Mar. 29, 2025</th><th>Mar. 30, 2024</th></tr>"
    "<tr><td>Net sales</td><td>$ 1,250</td><td>$ 1,180</td></tr>"
    "<tr><td><strong>Shares used in computing earnings per share:</strong></td><td></td><td></td>"
    "</tr><tr><td>Basic (in shares)</td><td>14,990</td><td>15,400</td></tr>"
    "</table></body></html>"
)


def _values(facts: list, row: str) -> set:
    return {f.quantity.value for f in facts if (f.subject or "").endswith(row)}


def test_shares_in_thousands_and_dollars_in_millions() -> None:
    """The SEC viewer's header names a scale for the shares and one for the amounts: each
    applies to its own rows."""
    facts = extract(read_html(VIEWER.encode(), "r2.htm")).facts
    assert _values(facts, "Net sales") == {1_250_000_000, 1_180_000_000}
    assert _values(facts, "Basic (in shares)") == {14_990_000, 15_400_000}


def test_a_dollar_scale_alone_is_the_amounts_only() -> None:
    """``$ in Millions`` scales the amounts; the share counts stay as printed."""
    page = VIEWER.replace("shares in Thousands, $ in Millions", "$ in Millions")
    facts = extract(read_html(page.encode(), "r2.htm")).facts
    assert _values(facts, "Net sales") == {1_250_000_000, 1_180_000_000}
    assert _values(facts, "Basic (in shares)") == {14_990, 15_400}


# --- one line printed as two rows, one per column (the SEC viewer's split concepts) -----------


def _split(total: str) -> str:
    rows = [
        ("Net income", ["5,100", "4,800"]),
        ("<strong>Other comprehensive income:</strong>", ["", ""]),
        ("Change in translation", ["120", "(40)"]),
        ("Change in fair value of hedges", ["(310)", ""]),
        ("Change in fair value of hedges", ["", "205"]),
        ("Change in fair value of securities", ["640", "(95)"]),
        ("Total other comprehensive income", [total, "70"]),
    ]
    body = "".join(
        f"<tr><td>{label}</td>" + "".join(f"<td>{v}</td>" for v in values) + "</tr>"
        for label, values in rows
    )
    return (
        "<html><body><table><tr><th>(in millions)</th><th>2024</th><th>2023</th></tr>"
        f"{body}</table></body></html>"
    )


def test_a_line_split_over_two_rows_is_one_item() -> None:
    """The blank of a split line is no gap in the items: 120 − 310 + 640 = 450."""
    ok = html(_split("450"))
    assert not flagged(ok) and any(f.severity is Severity.OK for f in ok)
    hits = flagged(html(_split("540")))
    assert len(hits) == 1 and hits[0].severity is Severity.ERROR


def test_a_blank_under_another_label_still_ends_the_items() -> None:
    """A blank cell in a row of its own label is a gap: the items above it are not counted."""
    page = _split("540").replace(
        "Change in fair value of hedges</td><td></td>", "Other</td><td></td>"
    )
    assert not flagged(html(page))


def test_total_row_above_a_column_with_a_lost_cell_is_no_finding() -> None:
    """A column where one item's cell is empty (a dash is a nil, an empty cell a figure the
    reader lost) does not add up for a reason the table does not show."""
    table = (
        "| Item | 2024 | 2023 |\n|---|---|---|\n| Total assets | 10,690 | 10,320 |\n"
        "| Cash | 4,120 | 3,900 |\n| Receivables | 3,305 | 3,480 |\n"
        "| Property | 2,815 | 2,490 |\n| Other | 450 | {x} |\n"
    )
    assert not flagged(md(table.format(x="450")))
    assert not flagged(md(table.format(x="")))
    assert flagged(md(table.format(x="540")))


PER_SHARE = {
    "en": ("Total", "Net income ($ millions)", "Earnings per share ($)"),
    "ko": ("합계", "순이익(억원)", "주당순이익(원)"),
    "zh": ("合计", "净利润（万元）", "每股收益（元）"),
}


@pytest.mark.parametrize("lang", PER_SHARE)
def test_per_share_amounts_need_not_add_up_to_the_year(lang: str) -> None:
    """The year's total column first, its quarters after it: amounts add up, amounts per share
    need not (each quarter's is computed on its own share count: 3.64 for the year, 3.67 summed)."""
    year, amount, eps = PER_SHARE[lang]
    text = (
        f"| | {year} | Q1 | Q2 | Q3 | Q4 |\n|---|---|---|---|---|---|\n"
        "| Revenue | 4,210 | 980 | 1,020 | 1,060 | 1,150 |\n"
        "| Operating costs | 3,305 | 790 | 810 | 835 | 870 |\n"
        "| Other income | 120 | 25 | 30 | 30 | 35 |\n"
        f"| {amount} | 905 | 190 | 210 | 225 | 280 |\n"
        f"| {eps} | 3.64 | 0.75 | 0.84 | 0.91 | 1.17 |\n"
    )
    assert not flagged(md(text))
    assert flagged(md(text.replace("| 905 |", "| 950 |")))
