"""The web tests' store: the metric fixture's deals, the reference data set, and hostile names."""

from __future__ import annotations

from datetime import date, datetime
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
