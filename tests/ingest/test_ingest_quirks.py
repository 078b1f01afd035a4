"""Hand-written fixtures, one per quirk of real exports (no shared data needed)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from conftest import Load, scalar

ITJUZI_HEADER = (
    "公司名称,工商名称,公司网址,成立时间,地点,运营状态,行业,子行业,融资时间,轮次,融资金额,投资方,"
    "融资总额,估值,团队,公司简介,详细地址,公开电话,公开邮箱,笔记"
)


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_itjuzi_company_and_continuation_rows(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    path = _write(
        tmp_path / "itjuzi.csv",
        "\ufeff" + ITJUZI_HEADER + "\n"
        "甲科技,甲公司,http://a.example,2015-06,北京-海淀区,运营中,硬件,机器人,2018-03-01,B轮,"
        '数千万人民币,"乙资本,丙基金",1亿,未透露,"张三:CEO",做机器人。,北京市某路1号,010-12345678,'
        "ceo@a.example,-\n"
        ",,,,,,,,2016-05-02,A轮,500万美元,丁创投,,,,,,,,\n"
        ",,,,,,,,-,-,-,-,,,,,,,,\n"
        '乙智能,,,2017,广东-深圳,运营中,企业服务,芯片半导体,-,-,-,-,,,"李四:CTO",'
        '"多行\n简介",,0755-1234567,b@b.example,-\n',
    )
    r = load(path)
    assert (r.rows_read, r.deals, r.companies) == (4, 2, 1)
    assert r.rejects == {"empty_row": 1}
    deals = con.execute(
        "SELECT row_ref, company_id, round, amount_kind, amount_low, amount_high, currency, "
        "province, city, district, cluster, sector, chain_layer FROM deals ORDER BY row_ref"
    ).fetchall()
    assert deals[0][:7] == (
        "L2",
        "itjuzi:甲科技",
        "b",
        "money",
        Decimal(10_000_000),
        Decimal(100_000_000),
        "CNY",
    )
    assert deals[0][7:] == ("CN-BJ", "Beijing", "海淀区", "JJJ", "robots", "application")
    assert deals[1][:3] == ("L3", "itjuzi:甲科技", "a")  # the continuation row joins its company
    second = con.execute(
        "SELECT province, city, cluster, sector, chain_layer, founded, description "
        "FROM companies WHERE name = '乙智能'"
    ).fetchone()
    assert second == (
        "CN-GD",
        "Shenzhen",
        "GBA",
        "smart_chips",
        "basic",
        date(2017, 1, 1),
        "多行\n简介",
    )


def test_personal_fields_are_stored_nowhere(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    path = _write(
        tmp_path / "itjuzi.csv",
        ITJUZI_HEADER + "\n"
        ",,,,,,,,2016-05-02,A轮,500万美元,丁创投,,,王五:CEO,,某路2号,13800000000,x@y.example,\n"
        "甲,,,,北京-海淀区,,,,-,-,-,-,,,王五:CEO,,某路2号,13800000000,x@y.example,\n",
    )
    r = load(path)
    assert r.rejects == {"orphan_continuation": 1}
    dump = "\n".join(
        str(row)
        for table in ("deals", "companies", "rejects")
        for row in con.execute(f"SELECT * FROM {table}").fetchall()
    )
    for secret in ("13800000000", "x@y.example", "王五", "某路2号"):
        assert secret not in dump


def test_crunchbase_bare_cr_mac_roman_and_excel_artefacts(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    header = (
        "permalink,name,category_code,funding_total_usd,status,country_code,state_code,region,"
        "city,funding_rounds,founded_at,founded_month,founded_quarter,founded_year,"
        "first_funding_at,last_funding_at,last_milestone_at"
    )
    rows = [
        "/company/a,ag\xcc\xc1mi Systems,analytics,100,operating,USA,CA,SF Bay,Palo Alto,1,"
        "2010-01-01,,,,,,",
        "/company/b,#NAME?,software,4/12/13,operating,USA,NY,New York,New York,1,,,,,,,",
        "/company/c,Cee,software,##########,operating,USA,MA,Boston,Boston,1,,,,,,,",
    ]
    raw = "\r".join([header, *rows]).encode("latin-1") + b"\r"
    path = tmp_path / "crunchbase-companies.csv"
    path.write_bytes(raw)
    r = load(path)
    assert (r.rows_read, r.companies) == (3, 3)
    got = dict(
        con.execute(
            "SELECT company_id, [name, name_raw, province, city, sector] FROM companies"
        ).fetchall()
    )
    assert got["crunchbase:/company/a"][0] == "agámi Systems"
    assert got["crunchbase:/company/a"][2:] == ["US-CA", "Palo Alto", "big_data_cloud"]
    flags = dict(con.execute("SELECT company_id, flags FROM companies").fetchall())
    assert "excel_artefact:name" in flags["crunchbase:/company/b"]
    assert "excel_artefact:funding_total_usd" in flags["crunchbase:/company/b"]
    assert "excel_artefact:funding_total_usd" in flags["crunchbase:/company/c"]


def test_cset_misreads_become_rejects(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    lines = [
        {
            "entity_id": "e1",
            "original_entity": "甲",
            "original_subjects": "甲",
            "sentence_texts": "甲完成1亿元融资",
            "year": "2019",
            "amount": 100000000,
            "currency": "CNY",
            "amount_usd": 13990000,
        },
        {
            "entity_id": "e2",
            "original_entity": "乙",
            "original_subjects": "乙",
            "sentence_texts": "投资TOP10的榜单",
            "year": "2019",
            "amount": 10,
            "currency": "TOP",
            "amount_usd": 4.32,
        },
        {
            "entity_id": "e3",
            "original_entity": "丙",
            "original_subjects": "丙",
            "sentence_texts": "丙获得2000万美元",
            "year": "2105",
            "amount": 20000000,
            "currency": "USD",
            "amount_usd": 20000000,
        },
        {
            "entity_id": "e4",
            "original_entity": "丁",
            "original_subjects": "丁",
            "sentence_texts": "丁获得500万美元",
            "amount": 5000000,
            "currency": "USD",
            "amount_usd": 5000000,
            "series": "A",
        },
        {
            "entity_id": "e5",
            "original_entity": "戊",
            "original_subjects": "戊",
            "sentence_texts": "报价 10.82 400.0",
            "year": "2020",
            "amount": 400,
            "currency": "BTN",
            "amount_usd": 5.28,
        },
    ]
    path = tmp_path / "mentions.jsonl"
    path.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in lines) + "\n", "utf-8")
    r = load(path, source="cset")
    assert r.deals == 2
    # TOP and BTN are ISO codes (data/currencies.csv lists every one): rejected as not named
    assert r.rejects == {"currency_not_in_text": 2, "impossible_year": 1}
    cny = con.execute(
        "SELECT deal_date, currency, amount_value FROM deals WHERE row_ref = 'L1'"
    ).fetchone()
    assert cny == (date(2019, 1, 1), "CNY", Decimal(100_000_000))  # kept as stated
    undated = con.execute("SELECT deal_date, round FROM deals WHERE row_ref = 'L4'").fetchone()
    assert undated == (None, "a")
    # converted at query time: the year-only deal at its first day's rate, the undated one not
    used = {r["original_currency"]: r for r in _fx(con, "USD")}
    assert (used["CNY"]["converted"], used["CNY"]["not_converted"]) == (1, 0)
    assert used["USD"]["not_converted"] == 0  # an undated USD deal needs no rate into USD
    rows = _usd_by_year(con)
    assert Decimal(13_000_000) < rows[2019] < Decimal(15_500_000)  # CNY/USD ≈ 0.145


def test_india_amounts_dates_places(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    header = (
        "Sr No,Date ,StartupName,IndustryVertical,SubVertical,CityLocation,InvestorsName,"
        "InvestmentType,AmountInUSD,Remarks"
    )
    rows = [
        "1,09/01/2020,BYJU\x92S,E-Tech,E-learning,Bengaluru,Tiger,Private Equity Round,"
        '"20,00,00,000",',
        '2,13/01/2020,Two,FinTech,x,Bengaluru and Gurugram,Y,Series C,"14,342,000+",',
        "3,05/072018,Three,nan,nan,\\\\xc2\\\\xa0Gurgaon,Z,Seed\\\\nFunding,undisclosed,",
        "4,01/02/2019,Four,Ed-Tech,x,N/A,Z,Series A,N/A,",
        "5,01/02/2019,Fi\ufffdve,Ed-Tech,x,San Francisco,Z,Series A,\\\\xc9\\\\xa9N/A,",
    ]
    text = "\r\n".join([header, *rows]) + "\r\n"
    # the first row carries a bare Windows-1252 byte (0x92, a right quote), as the real export does
    path = tmp_path / "startup_funding.csv"
    path.write_bytes(text.encode("utf-8").replace("\x92".encode(), b"\x92"))
    r = load(path)
    assert (r.rows_read, r.deals) == (5, 5)
    got = {
        ref: rest
        for ref, *rest in con.execute(
            "SELECT row_ref, company_name, amount_kind, amount_value, amount_low, "
            "amount_qualifier, deal_date, city, country, round, sector, flags FROM deals"
        ).fetchall()
    }
    assert got["L2"][0] == "BYJU’S" and got["L2"][2] == Decimal(200_000_000)
    assert str(got["L2"][5]) == "2020-01-09"
    assert got["L3"][1:5] == ["money", None, Decimal(14_342_000), "at_least"]
    assert got["L3"][6:8] == ["Bengaluru", "IN"] and "multi_place:2" in got["L3"][-1]
    assert got["L4"][1] == "undisclosed" and got["L4"][5] is None  # bad date "05/072018"
    assert got["L4"][6] == "Gurugram" and got["L4"][8] == "seed"
    assert any(f.startswith("escape_text") for f in got["L4"][-1])
    assert "bad_date:deal" in got["L4"][-1]
    assert got["L5"][1] == "undisclosed" and got["L5"][6] is None
    assert got["L6"][6:8] == ["San Francisco", "US"]
    assert any(f.startswith("replacement_char") for f in got["L6"][-1])


def test_missing_rate_is_stored_unconverted(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    path = _write(
        tmp_path / "itjuzi.csv",
        ITJUZI_HEADER + "\n"
        "甲,,,,台湾-台北市,,,,2018-01-02,A轮,500万新台币,-,,,,,,,,\n"
        ",,,,,,,,1990-01-02,天使轮,100万人民币,-,,,,,,,,\n",
    )
    load(path)
    rows = con.execute("SELECT currency, amount_value FROM deals ORDER BY row_ref").fetchall()
    assert rows == [("TWD", Decimal(5_000_000)), ("CNY", Decimal(1_000_000))]
    # no ECB rate for TWD, none for CNY in 1990: both stay unconverted into USD, and say so
    used = {r["original_currency"]: r for r in _fx(con, "USD")}
    assert used["TWD"]["not_converted"] == 1 and used["CNY"]["not_converted"] == 1


def _fx(con: duckdb.DuckDBPyConnection, currency: str) -> list[dict[str, object]]:
    from sectorlens.metrics import compute, from_duckdb

    return compute(from_duckdb(con), "fx", currency=currency).to_pylist()


def _usd_by_year(con: duckdb.DuckDBPyConnection) -> dict[int, Decimal]:
    from sectorlens.metrics import compute, from_duckdb

    rows = compute(from_duckdb(con), "deals", currency="USD").to_pylist()
    return {int(r["period"]): r["amount_exact"] for r in rows if r["period"]}


def test_unknown_format_is_one_clear_error(tmp_path: Path, load: Load) -> None:
    from sectorlens.errors import InputError

    path = _write(tmp_path / "x.csv", "a,b\n1,2\n")
    with pytest.raises(InputError, match="cannot tell the export format"):
        load(path)


def test_amount_in_scientific_notation_is_flagged(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    header = (
        "company_permalink,company_name,company_category_code,company_country_code,"
        "company_state_code,company_region,company_city,acquirer_permalink,acquirer_name,"
        "acquirer_category_code,acquirer_country_code,acquirer_state_code,acquirer_region,"
        "acquirer_city,acquired_at,acquired_month,acquired_quarter,acquired_year,price_amount,"
        "price_currency_code"
    )
    row = (
        "/company/a,A,web,USA,CA,SF Bay,SF,/company/b,B,web,USA,CA,SF Bay,SF,2012-10-03,,,,"
        "2.6E+09,USD"
    )
    path = _write(tmp_path / "acq.csv", header + "\r" + row + "\r")
    load(path)
    value, flags, rnd = con.execute("SELECT amount_value, flags, round FROM deals").fetchone() or ()
    assert value == Decimal(2_600_000_000)
    assert "excel_scientific:price_amount" in flags and rnd == "m_and_a"
    assert scalar(con, "SELECT investors FROM deals") == "B"
