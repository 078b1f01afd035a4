"""The web tests' store: the metric fixture's deals, the reference data set, and hostile names."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import metrics_data
from sectorlens.store import assign_company_keys, connect, load_reference

XSS_NAME = "<img src=x onerror=alert(1)>"
FORMULA_NAME = '=HYPERLINK("http://example.invalid","x")'
ODD_ID = "fixture:小马智行/pony.ai"  # ids from exports hold dots, slashes and any script
XSS_DESCRIPTION = "<script>alert('description')</script> & more"
# A made-up report whose shares add up to 120 %: the checker must flag it.
REPORT_TEXT = (
    "중국 AI 기업의 분야별 비중(2020년)은 컴퓨터 비전 50%, 음성 인식 40%, 로봇 30%로 나타났다.\n"
)


def build_store(path: Path) -> Path:
    """Write the test store to ``path`` (closed afterwards, so the app can open it read-only)."""
    con = connect(path)
    try:
        metrics_data.fill(con)
        load_reference(con)
        con.execute(
            "INSERT INTO loads (load_id, source_format, path, file_sha256, started_at, "
            "finished_at, rows_read, deals, companies, rejects) VALUES "
            "('L1', 'fixture', '/secret/server/path/deals.csv', 'ab12', ?, ?, 14, 14, 9, 0)",
            [datetime(2024, 1, 1, 12), datetime(2024, 1, 1, 12, 1)],
        )
        for cid, name, desc in (
            ("x1", XSS_NAME, XSS_DESCRIPTION),
            ("x2", FORMULA_NAME, None),
            (ODD_ID, "小马智行 pony.ai", None),
        ):
            con.execute(
                "INSERT INTO companies (company_id, load_id, row_ref, source_format, name, "
                "country, province, sector, description) "
                "VALUES (?, 'L1', ?, 'fixture', ?, 'CN', 'Beijing', 'vision', ?)",
                [cid, cid, name, desc],
            )
        con.execute(
            "INSERT INTO deals (deal_id, load_id, row_ref, source_format, company_id, "
            "company_name, deal_date, round, amount_raw, amount_kind, disclosed, province, "
            "sector, investors) VALUES ('dx1', 'L1', 'dx1', 'fixture', 'x1', ?, ?, 'seed', "
            "?, 'unparsed', true, 'Beijing', 'vision', ?)",
            [XSS_NAME, date(2018, 5, 5), "<b>1亿</b>", "<svg onload=alert(2)>"],
        )
        assign_company_keys(con)
    finally:
        con.close()
    return path


# Rounds of the wide store, most deals first: small stages (PE, M&A, other, …) must not vanish.
WIDE_ROUNDS = (
    ["a"] * 30 + ["b"] * 20 + ["angel"] * 14 + ["seed"] * 10 + ["c"] * 8 + ["d"] * 6
    + ["pre_a"] * 5 + ["strategic"] * 4 + ["ipo"] * 3 + ["private_equity"] * 2 + ["m_and_a"] * 2
    + ["e", "f", "g", "h", "i", "j", "other", "pre_ipo", "post_ipo", "b_plus", "a_plus", "debt"]
)  # fmt: skip
WIDE_YEARS = range(1960, 2026)


def build_wide_store(path: Path) -> Path:
    """A store whose deals span 1960–2025 with amounts in the trillions and 23 stages."""
    con = connect(path)
    try:
        for i, rnd in enumerate(WIDE_ROUNDS):
            year = WIDE_YEARS[i % len(WIDE_YEARS)]
            amount = Decimal(10) ** 12 * (1 + i % 7)  # 1–7 조 (trillion) per deal
            row = {
                "deal_id": f"w{i}",
                "load_id": "W1",
                "row_ref": f"w{i}",
                "source_format": "fixture",
                "company_id": f"wc{i % 40}",
                "deal_date": date(year, 6, 1),
                "round": rnd,
                "amount_kind": "money",
                "amount_qualifier": "exact",
                "amount_value": amount,
                "currency": "CNY",
                "disclosed": True,
                "country": "CN",
                "province": ("CN-BJ", "CN-SH", "CN-GD")[i % 3],
                "sector": ("vision", "robotics")[i % 2],
            }
            for prefix in ("cny", "usd", "krw"):
                row[f"{prefix}_value"] = amount
            cols = ", ".join(row)
            marks = ", ".join("?" for _ in row)
            con.execute(f"INSERT INTO deals ({cols}) VALUES ({marks})", list(row.values()))
        assign_company_keys(con)
    finally:
        con.close()
    return path
