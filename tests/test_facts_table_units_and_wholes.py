"""Tables as statistics offices and filings print them (issue 16): a last row named for the
whole (``U.S.``, ``전국``, ``全国``), units in a unit column (``$ MM``), a counter with no scale
under a table of amounts (``(个)``), ``(1,000 Acres)``, state codes that are no scale (``MN``),
and a header span of months (``2023年4-6月``). Tables written for these tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from sectorlens.facts import check, extract, from_text
from sectorlens.model import Finding, Kind, Severity

BAD = (Severity.ERROR, Severity.WARNING)


def findings(text: str, rule: str) -> list[Finding]:
    found = check(extract(from_text(text, fmt="md")), lang="en")
    return [f for f in found if f.rule == rule]


WHOLES = {
    "en": (
        "| State | Acres 2019 | Acres 2020 | Yield 2020 | Bushels 2020 |\n|---|---|---|---|---|\n"
        "| IA | 13,050 | 13,550 | 202.0 | 2,737,100 |\n"
        "| IL | 10,200 | 10,700 | 207.0 | 2,214,900 |\n"
        "| MN | 7,250 | 7,650 | 197.0 | 1,507,050 |\n"
        "| NE | 9,810 | 9,450 | 191.0 | 1,804,950 |\n"
        "| U.S. | 40,310 | 41,350 | 199.6 | 8,264,000 |\n",
        "| NE | 9,810 | 9,450 |",
        "| NE | 9,810 | 9,950 |",
    ),
    "ko": (
        "(단위: 천t)\n\n| 시도 | 2022년 | 2023년 | 증감률 |\n|---|---|---|---|\n"
        "| 전남 | 743 | 737 | -0.8% |\n| 충남 | 734 | 727 | -1.0% |\n"
        "| 전북 | 593 | 582 | -1.9% |\n| 경북 | 510 | 497 | -2.5% |\n"
        "| 전국 | 2,580 | 2,543 | -1.4% |\n",
        "| 전북 | 593 | 582 |",
        "| 전북 | 593 | 682 |",
    ),
    "zh": (
        "单位：万吨\n\n| 地区 | 2022年 | 2023年 |\n|---|---|---|\n"
        "| 黑龙江 | 7763 | 7788 |\n| 河南 | 6789 | 6624 |\n| 山东 | 5544 | 5655 |\n"
        "| 安徽 | 4100 | 4150 |\n| 全国合并 | 24196 | 24217 |\n",
        "| 山东 | 5544 | 5655 |",
        "| 山东 | 5544 | 5855 |",
    ),
}


@pytest.mark.parametrize("lang", sorted(WHOLES))
def test_a_last_row_that_adds_up_the_rows_above_twice_is_their_total(lang: str) -> None:
    table, old, new = WHOLES[lang]
    assert [f for f in findings(table, "table.total") if f.severity in BAD] == []
    assert any(f.severity is Severity.OK for f in findings(table, "table.total"))
    off = [f for f in findings(table.replace(old, new), "table.total") if f.severity in BAD]
    assert len(off) == 1 and off[0].severity is Severity.ERROR


def test_a_last_row_that_adds_up_once_is_not_known_to_be_the_total() -> None:
    # one column adds up (by chance, or because the last row is an item): no relation
    table = (
        "| Firm | Staff | Sales |\n|---|---|---|\n| A | 10 | 100 |\n| B | 20 | 150 |\n"
        "| C | 30 | 120 |\n| D | 60 | 300 |\n"
    )
    assert findings(table, "table.total") == []


def cell_facts(text: str) -> dict[str, tuple[Kind, Decimal | None, str | None, str | None]]:
    ex = extract(from_text(text, fmt="md"))
    return {
        f"{f.subject} {f.quantity.input}": (
            f.quantity.kind,
            f.quantity.value,
            f.quantity.currency,
            f.quantity.unit,
        )
        for f in ex.facts
    }


def test_a_state_code_is_no_scale_and_thousand_acres_are_scaled() -> None:
    got = cell_facts(
        "| State | Area (1,000 Acres) | Yield (Bushels) |\n|---|---|---|\n"
        "| MN | 7,250 | 197.0 |\n| BN | 10 | 100.0 |\n"
    )
    values = {k.split(" · ")[-1]: v for k, v in got.items()}
    assert {v[1] for v in values.values()} == {
        Decimal("7250000"),
        Decimal("197"),
        Decimal("10000"),
        Decimal("100"),
    }


def test_a_unit_column_of_dollar_millions_and_billions_scales_its_row() -> None:
    got = cell_facts(
        "| | Unit | 4Q 2023 | 4Q 2022 |\n|---|---|---|---|\n"
        "| Earnings | $ MM | $2,259 | $6,353 |\n| Cash flow | $ B | $12.4 | $12.5 |\n"
    )
    assert {v[1] for v in got.values()} == {
        Decimal("2259000000"),
        Decimal("6353000000"),
        Decimal("12400000000"),
        Decimal("12500000000"),
    }


def test_a_bare_counter_column_is_counted_one_by_one_under_a_table_of_amounts() -> None:
    ex = extract(
        from_text(
            "单位:亿元 币种:人民币\n\n"
            "| 业务类型 | 2023年4-6月 新签项目数量(个) | 2023年4-6月 新签合同额 |\n"
            "|---|---|---|\n| 工程建造 | 1421 | 4231.4 |\n| 设计咨询 | 12 | 77.9 |\n",
            fmt="md",
        )
    )
    read = {f.quantity.input: f for f in ex.facts}
    assert (read["1421个"].quantity.kind, read["1421个"].quantity.value) == (
        Kind.COUNT,
        Decimal("1421"),
    )
    contract = next(f for f in ex.facts if f.quantity.value == Decimal("423140000000"))
    assert contract.quantity.currency == "CNY"
    # 2023年4-6月 is April to June, not 6 April
    assert contract.period is not None
    assert (contract.period.start, contract.period.end) == (date(2023, 4, 1), date(2023, 6, 30))


def test_a_business_of_managing_assets_is_no_balance() -> None:
    ex = extract(
        from_text(
            "单位:亿元\n\n| 业务类型 | 2023年 新签合同额 | 2022年 新签合同额 |\n|---|---|---|\n"
            "| 资产经营 | 780.3 | 700.1 |\n| 工程建造 | 9291.7 | 8000.2 |\n",
            fmt="md",
        )
    )
    periods = {f.period for f in ex.facts if f.quantity.value == Decimal("78030000000")}
    assert [(p.start, p.end) for p in periods if p] == [(date(2023, 1, 1), date(2023, 12, 31))]


TOP_TOTAL = (
    "| | Unit | 4Q 2023 | 3Q 2023 | 2023 |\n|---|---|---|---|---|\n"
    "| Total Earnings / (Loss) | $ MM | $2,259 | $6,526 | $21,369 |\n"
    "| Upstream | $ MM | $1,586 | $5,755 | $17,438 |\n"
    "| Downstream | $ MM | $1,147 | $1,683 | $6,137 |\n"
    "| All Other | $ MM | $(474) | $(912) | $(2,206) |\n"
    "| Earnings Per Share | $/Share | $1.22 | $3.48 | $11.36 |\n"
    "| Adjusted Earnings | $ MM | $6,453 | $5,721 | $24,693 |\n"
    "| Cash Flow From Operations | $ B | $12.4 | $9.7 | $35.6 |\n"
)


def test_a_total_on_the_first_row_of_figures_is_checked_against_the_rows_below() -> None:
    assert [f for f in findings(TOP_TOTAL, "table.total") if f.severity in BAD] == []
    off = findings(TOP_TOTAL.replace("$21,369", "$21,869"), "table.total")
    assert len([f for f in off if f.severity in BAD]) == 1


SHIFTED = (
    "| Q3 | Q3 | YoY | Q2 | QoQ | |\n|---|---|---|---|---|---|\n"
    "| SEK b. | 2025 | 2024 | change | 2025 | change |\n"
    "| Net sales | 56.2 | 61.8 | -9% | 56.1 | 0% |\n"
    "| Gross income | 26.8 | 28.2 | -5% | 26.6 | 1% |\n"
)


def test_a_header_row_pasted_without_its_label_cell_heads_its_own_columns() -> None:
    assert [f for f in findings(SHIFTED, "table.change") if f.severity in BAD] == []
    off = findings(SHIFTED.replace("| -9% |", "| -19% |"), "table.change")
    assert [f.severity for f in off if f.severity in BAD] == [Severity.ERROR]


def test_a_code_and_a_scale_letter_scale_the_columns() -> None:
    got = cell_facts("| USD m | 2024 | 2023 |\n|---|---|---|\n| Revenue | 120.5 | 99.0 |\n")
    assert {v[1] for v in got.values()} == {Decimal("120500000"), Decimal("99000000")}
