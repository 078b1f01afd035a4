"""The itjuzi adapter works on Arrow columns: every kind of row ends where the rules say, a
company carried across chunks owns the rounds that follow it, and the Arrow and csv paths store
the same (a repaired cell included)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import TODAY
from sectorlens.ingest import Context, ingest
from sectorlens.sources import textfile
from sectorlens.sources.readers import inspect, open_table
from sectorlens.store import connect

HEADER = (
    "公司名称,工商名称,公司网址,成立时间,地点,运营状态,行业,子行业,融资时间,轮次,融资金额,投资方,"
    "融资总额,估值,团队,公司简介,详细地址,公开电话,公开邮箱,笔记"
)
BLANK_TAIL = ",,,,,,,,"  # 融资总额 … 笔记


def _company(name: str, place: str, rounds: str = "-,-,-,-") -> str:
    return f"{name},{name}有限公司,,2015-01-01,{place},运营中,企业服务,云计算,{rounds}{BLANK_TAIL}"


def _round(date: str, stage: str, amount: str) -> str:
    return f",,,,,,,,{date},{stage},{amount},某资本{BLANK_TAIL}"


LINES = [
    _round("2016-01-02", "A轮", "100万美元"),  # before any company: orphan
    _company("甲科技", "北京-海淀区", "2016-03-04,天使轮,500万人民币,-"),  # company + deal
    _round("2017-05-06", "A轮", "2000万人民币"),  # 甲's round
    _company("乙数据", "广东-深圳"),  # company, no round
    _round("2018-07-08", "B轮", "1亿人民币"),  # 乙's, next chunk (4 rows a chunk)
    _round("2019-01-01", "C轮", "2亿人民币"),  # 乙's
    ",乙数据有限公司,,,,,,,-,-,-,-" + BLANK_TAIL,  # company cells without a name
    ",,,,,,,,-,-,-,-" + BLANK_TAIL,  # continuation without a round
    _round("2020-02-02", "D轮", "3亿人民币"),  # still 乙's, a chunk later
    _company("Ca\u00c3\u00a9科技", "上海", "2021-01-01,种子轮,10万美元,-"),  # mojibake repaired
    _company("甲科技", "北京-海淀区"),  # 甲 again, no round
]


@pytest.fixture
def itjuzi(tmp_path: Path) -> Path:
    path = tmp_path / "itjuzi.csv"
    path.write_text(HEADER + "\n" + "\n".join(LINES) + "\n", encoding="utf-8")
    return path


def _store(path: Path, ctx: Context, fast: bool, monkeypatch: pytest.MonkeyPatch) -> Any:
    con = connect(path.with_suffix(f".{fast}.duckdb"))
    with monkeypatch.context() as patch:
        patch.setattr(textfile, "FAST", fast)
        result = ingest(con, [path], context=ctx, today=TODAY, chunk_rows=4)[0]
    deals = con.execute(
        "SELECT * EXCLUDE (load_id, company_key) FROM deals ORDER BY row_ref"
    ).fetchall()
    companies = con.execute(
        "SELECT * EXCLUDE (load_id, company_key) FROM companies ORDER BY row_ref"
    ).fetchall()
    owners = con.execute(
        "SELECT row_ref, company_name, place_raw, sector_raw, subsector_raw, investors, round_raw "
        "FROM deals ORDER BY deal_date"
    ).fetchall()
    rejects = con.execute("SELECT row_ref, reason FROM rejects ORDER BY row_ref").fetchall()
    con.close()
    return result, deals, companies, owners, rejects


def test_every_row_kind_ends_where_the_rules_say_both_ways(
    itjuzi: Path, ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = _store(itjuzi, ctx, True, monkeypatch)
    slow = _store(itjuzi, ctx, False, monkeypatch)
    assert fast[1:] == slow[1:]
    result, _deals, companies, owners, rejects = fast
    assert result.rows_read == 11
    assert dict(result.rejects) == {
        "orphan_continuation": 1,
        "missing_name": 1,
        "empty_row": 1,
        "duplicate_company": 1,
    }
    assert rejects == [
        ("L12", "duplicate_company"),
        ("L2", "orphan_continuation"),
        ("L8", "missing_name"),
        ("L9", "empty_row"),
    ]
    assert sorted(c[0] for c in companies) == ["itjuzi:caé科技", "itjuzi:乙数据", "itjuzi:甲科技"]
    assert owners == [
        ("L3", "甲科技", "北京-海淀区", "企业服务", "云计算", None, "天使轮"),
        ("L4", "甲科技", "北京-海淀区", "企业服务", "云计算", "某资本", "A轮"),
        ("L6", "乙数据", "广东-深圳", "企业服务", "云计算", "某资本", "B轮"),
        ("L7", "乙数据", "广东-深圳", "企业服务", "云计算", "某资本", "C轮"),
        ("L10", "乙数据", "广东-深圳", "企业服务", "云计算", "某资本", "D轮"),
        ("L11", "Caé科技", "上海", "企业服务", "云计算", None, "种子轮"),
    ]


def test_arrow_text_columns_are_the_python_text(itjuzi: Path) -> None:
    _header, chunks = open_table(itjuzi, inspect(itjuzi), chunk_rows=4)
    seen = 0
    for chunk in chunks:
        for name in (*chunk.header, "no such column"):
            assert chunk.strings(name).to_pylist() == chunk.text(name)
        seen += bool(chunk.patched)
    assert seen == 1  # the mojibake row's chunk was patched, and read the same
