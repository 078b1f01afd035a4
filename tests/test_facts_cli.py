"""``sectorlens extract`` and ``sectorlens check``: output, exit status, HTML, the store."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pytest

from sectorlens.facts import check, extract, from_text
from sectorlens.fx import FxRates
from sectorlens.model import Severity
from sectorlens.store.keys import derive_mid_amounts

BAD = "By sector, software accounted for 45%, hardware 35% and <b>services</b> 30% of revenue.\n"
GOOD = "By sector, software accounted for 45%, hardware 35% and services 20% of revenue.\n"


def _file(tmp_path: Path, text: str, name: str = "r.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_extract_json(cli, tmp_path: Path) -> None:
    path = _file(tmp_path, "2020년 융자 금액은 1468억3700만 위\n안(27조원)이었고, 723건이었다.\n")
    result = cli("extract", str(path), "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    money, count = data["facts"]
    assert money["value"] == "146837000000" and money["currency"] == "CNY"
    assert money["equivalent"]["value"] == "27000000000000"
    assert money["period"] == {"start": "2020-01-01", "end": "2020-12-31", "partial": False}
    assert money["line"] == 1 and money["span"][1] > money["span"][0]
    assert (count["kind"], count["value"], count["unit"]) == ("count", "723", "건")
    assert data["unparsed"] == []


def test_extract_table_and_unread_candidates(cli, tmp_path: Path) -> None:
    path = _file(tmp_path, "The round raised $5 million in 2020.\n")
    result = cli("extract", str(path))
    assert result.exit_code == 0
    # a bare $ is USD, the assumption kept on the quantity (issue 16 §8; was "not read")
    assert "1 facts" in result.stdout and "USD" in result.stdout
    result = cli("extract", str(path), "--default-currency", "USD", "--json")
    (fact,) = json.loads(result.stdout)["facts"]
    assert (fact["value"], fact["currency"]) == ("5000000", "USD")


def test_check_exits_1_on_an_error_and_0_without(cli, tmp_path: Path) -> None:
    bad = cli("check", str(_file(tmp_path, BAD)), "--lang", "en")
    assert bad.exit_code == 1
    assert "ERROR" in bad.stdout and "110%" in bad.stdout
    good = cli("check", str(_file(tmp_path, GOOD, "g.txt")), "--json", "--lang", "en")
    assert good.exit_code == 0
    data = json.loads(good.stdout)
    assert data["summary"] == {"error": 0, "warning": 0, "info": 0, "ok": 1, "accepted": 0}
    (finding,) = data["findings"]
    assert set(finding) == {
        "id",
        "rule",
        "severity",
        "message",
        "values",
        "lines",
        "quotes",
        "why",
        "assumptions",
        "facts",
    }
    assert finding["values"] == ["45", "35", "20", "100"]
    # the paired facts, each with its value in base units and its locator
    assert [f["value"] for f in finding["facts"]] == ["45", "35", "20"]
    assert all(f["locator"]["line"] == 1 and "block" in f["locator"] for f in finding["facts"])


def test_check_html_escapes_the_quoted_text(cli, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = cli("check", str(_file(tmp_path, BAD)), "--html", str(out), "--lang", "ko")
    assert result.exit_code == 1
    html = out.read_text(encoding="utf-8")
    assert "&lt;b&gt;services&lt;/b&gt;" in html and "<b>services" not in html
    assert "오류" in html and "110%" in html and "줄 1" in html and "45, 35, 30, 110" in html
    assert "built-in method" not in html


def test_check_bad_input_is_one_line(cli, tmp_path: Path) -> None:
    result = cli("check", str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ") and "no such file" in result.stderr
    result = cli("check", str(_file(tmp_path, GOOD)), "--lang", "fr")
    assert result.exit_code == 2 and "unknown language" in result.stderr
    result = cli("check", str(_file(tmp_path, GOOD)), "--html", str(tmp_path / "no" / "x.html"))
    assert result.exit_code == 1 and "cannot write" in result.stderr


def test_check_docx_and_pdf_inputs(cli, tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph(BAD.strip())
    d.save(str(tmp_path / "r.docx"))
    assert cli("check", str(tmp_path / "r.docx")).exit_code == 1

    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("HYSMyeongJo-Medium"))
    c = canvas.Canvas(str(tmp_path / "r.pdf"))
    c.setFont("HYSMyeongJo-Medium", 11)
    c.drawString(40, 800, "2020년 매출 구성을 보면 반도체가 45%, 디스플레이가 35%,")
    c.drawString(40, 784, "기타가 30%를 차지했다.")
    c.save()
    result = cli("check", str(tmp_path / "r.pdf"), "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["findings"][0]["values"][-1] == "110"


# --- the store -------------------------------------------------------------------------------


def _observation(
    con: duckdb.DuckDBPyConnection, obs_id: str, metric: str, value: str, **kw: object
) -> None:
    row = {
        "obs_id": obs_id,
        "metric": metric,
        "value": value,
        "unit": kw.pop("unit", "money"),
        "currency": kw.pop("currency", "CNY"),
        "period_start": kw.pop("start", date(2020, 1, 1)),
        "period_end": kw.pop("end", date(2020, 12, 31)),
        "geography": kw.pop("geography", "XX"),
        "source_id": kw.pop("source_id", "src_a"),
    }
    row.update(kw)
    cols = ", ".join(row)
    con.execute(
        f"INSERT INTO observations ({cols}) VALUES ({', '.join('?' * len(row))})",
        list(row.values()),
    )


TEXT = "2020년 투자 금액은 100억 위안, 투자 건수는 50건이었다.\n"


def test_store_observation_matching_the_report_is_ok(con: duckdb.DuckDBPyConnection) -> None:
    _observation(con, "a", "deal_amount", "10000000000")
    _observation(con, "b", "deal_count", "50", unit="deals", currency=None)
    _observation(con, "c", "public_funding", "870000000")  # another metric: never compared
    findings = [
        f for f in check(extract(from_text(TEXT)), con=con, lang="en") if f.rule.startswith("store")
    ]
    assert [(f.rule, f.severity, f.values[:2]) for f in findings] == [
        ("store.observation", Severity.OK, ("10000000000", "10000000000")),
        ("store.observation", Severity.OK, ("50", "50")),
    ]


def test_store_with_another_value_warns_and_another_source_informs(
    con: duckdb.DuckDBPyConnection,
) -> None:
    _observation(con, "a", "deal_amount", "9000000000")
    found = [
        f
        for f in check(extract(from_text(TEXT)), con=con, lang="en")
        if f.rule == "store.observation"
    ]
    assert [(f.severity, f.values) for f in found] == [
        (Severity.WARNING, ("10000000000", "9000000000", "1000000000"))
    ]
    # once the store holds the report's own figure, a second source's figure is context
    _observation(con, "b", "deal_amount", "10000000000", source_id="src_b")
    _observation(con, "c", "deal_amount", "1000000000", currency="USD", source_id="src_c")
    found = [
        f
        for f in check(extract(from_text(TEXT)), con=con, fx=FxRates(), lang="en")
        if f.rule == "store.observation" and f.values[0] == "10000000000"
    ]
    assert sorted(f.severity.value for f in found) == ["info", "info", "ok"]


def test_store_deals_aggregate_is_info(con: duckdb.DuckDBPyConnection) -> None:
    for i, (value, disclosed) in enumerate(
        [("3000000000", True), (None, False), ("1000000000", True)]
    ):
        con.execute(
            "INSERT INTO deals (deal_id, load_id, row_ref, source_format, deal_date, amount_kind, "
            "disclosed, currency, amount_value) VALUES (?, 'l1', ?, 'csv', ?, ?, ?, 'CNY', ?)",
            [
                f"d{i}",
                f"r{i}",
                date(2020, 3 + i, 1),
                "money" if disclosed else "undisclosed",
                disclosed,
                value,
            ],
        )
    con.execute(  # outside the period: not counted
        "INSERT INTO deals (deal_id, load_id, row_ref, source_format, deal_date, amount_kind, "
        "disclosed) VALUES ('x', 'l1', 'rx', 'csv', '2019-05-01', 'undisclosed', false)"
    )
    derive_mid_amounts(con)  # what a load does as it inserts
    found = [
        f for f in check(extract(from_text(TEXT)), con=con, lang="en") if f.rule == "store.deals"
    ]
    by_fact = {f.values[0]: f for f in found}
    assert by_fact["10000000000"].values == ("10000000000", "3", "4000000000", "4000000000")
    assert "3 deals" in by_fact["10000000000"].message and "40.0%" in by_fact["10000000000"].message
    assert by_fact["50"].severity is Severity.INFO and "6.0%" in by_fact["50"].message


def test_check_db_option_reads_the_store(cli, tmp_path: Path, db_path: Path) -> None:
    from sectorlens.store import connect

    con = connect(db_path)
    _observation(con, "a", "deal_amount", "9000000000")
    con.close()
    result = cli(
        "check", str(_file(tmp_path, TEXT)), "--db", str(db_path), "--json", "--lang", "en"
    )
    assert result.exit_code == 0
    rules = [f["rule"] for f in json.loads(result.stdout)["findings"]]
    assert "store.observation" in rules
    missing = cli("check", str(_file(tmp_path, TEXT)), "--db", str(tmp_path / "none.duckdb"))
    assert missing.exit_code == 1 and "no store" in missing.stderr
