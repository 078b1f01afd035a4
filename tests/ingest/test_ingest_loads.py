"""Loads are atomic and idempotent; the CLI prints a summary and one-line errors."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import duckdb
import pytest

from conftest import Load, scalar
from sectorlens.sources import Batch, Chunk
from sectorlens.sources.itjuzi import ItjuziAdapter

HEADER = (
    "公司名称,工商名称,公司网址,成立时间,地点,运营状态,行业,子行业,融资时间,轮次,融资金额,投资方,"
    "融资总额,估值,团队,公司简介,详细地址,公开电话,公开邮箱,笔记"
)
TABLES = ("loads", "deals", "companies", "rejects", "observations", "sources")


def _export(path: Path, companies: int) -> Path:
    lines = [HEADER]
    for i in range(companies):
        lines.append(
            f"公司{i},,,,北京-海淀区,,硬件,机器人,2018-01-0{1 + i % 9},A轮,"
            f"{i + 1}00万人民币,-,,,,,,,,"
        )
        lines.append(f",,,,,,,,2017-01-0{1 + i % 9},天使轮,数百万人民币,-,,,,,,,,")
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def _snapshot(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {t: int(scalar(con, f"SELECT count(*) FROM {t}")) for t in TABLES}  # type: ignore[call-overload]


def test_failure_half_way_leaves_the_store_as_it_was(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(_export(tmp_path / "first.csv", 3))
    before = _snapshot(con)
    original = ItjuziAdapter.transform
    seen = {"rows": 0}

    def failing(self: ItjuziAdapter, chunk: Chunk) -> Batch:
        seen["rows"] += len(chunk)  # chunks of 4 rows (chunk_rows=4): fails at rows 13-16
        if seen["rows"] >= 15:
            raise RuntimeError("disk full (injected)")
        return original(self, chunk)

    monkeypatch.setattr(ItjuziAdapter, "transform", failing)
    with pytest.raises(RuntimeError, match="injected"):
        load(_export(tmp_path / "second.csv", 10), chunk_rows=4)  # batches already inserted
    assert seen["rows"] == 16
    assert _snapshot(con) == before


def test_same_file_twice_adds_nothing_changed_file_is_a_new_load(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    path = _export(tmp_path / "export.csv", 5)
    first = load(path, chunk_rows=3)
    after_first = _snapshot(con)
    again = load(path)
    assert (first.status, again.status) == ("loaded", "skipped")
    assert again.load_id == first.load_id
    assert _snapshot(con) == after_first
    _export(path, 6)  # the same path, changed content
    changed = load(path)
    assert changed.status == "loaded" and changed.load_id != first.load_id
    assert scalar(con, "SELECT count(*) FROM loads") == 2
    # the new load adds only what is new: the 6th company's 2 rounds; the other 10 rounds are
    # the same deals as in the first load (company, date, round, amount) and say so
    assert (changed.rows_read, changed.deals, changed.rejects) == (12, 2, {"duplicate_deal": 10})
    assert scalar(con, "SELECT count(*) FROM deals WHERE load_id = ?", changed.load_id) == 2
    assert scalar(con, "SELECT count(*) FROM deals") == 12
    assert (
        scalar(con, "SELECT count(*) FROM rejects WHERE detail LIKE 'same deal as itjuzi-%'") == 10
    )
    assert scalar(con, "SELECT count(*) FROM deals WHERE load_id IS NULL OR row_ref IS NULL") == 0


def test_a_changed_deal_is_a_new_deal(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    path = _export(tmp_path / "export.csv", 3)
    load(path)
    text = path.read_text("utf-8").replace("300万人民币", "350万人民币")  # the 3rd A round
    changed = tmp_path / "export-corrected.csv"
    changed.write_text(text, "utf-8")
    again = load(changed)
    assert (again.deals, again.rejects) == (1, {"duplicate_deal": 5})
    amounts = con.execute(
        "SELECT amount_value FROM deals WHERE company_id = 'itjuzi:公司2' AND round = 'a' "
        "ORDER BY amount_value"
    ).fetchall()
    assert amounts == [(3_000_000,), (3_500_000,)]  # the corrected one is added, not merged
    # deal ids stay unique across loads (load id / row ref), without an index to enforce it
    assert scalar(con, "SELECT count(*) - count(DISTINCT deal_id) FROM deals") == 0


@pytest.mark.parametrize("rows", [1, 2, 3, 5])
def test_chunk_size_changes_nothing(
    rows: int, tmp_path: Path, con: duckdb.DuckDBPyConnection, ctx: object
) -> None:
    from sectorlens.ingest import ingest
    from sectorlens.store import connect

    path = tmp_path / "export.csv"
    lines = [HEADER]
    for i in range(4):  # continuations cross chunk boundaries; a cell spans lines
        company = f"公司{i},,,2015-06,北京-海淀区,,硬件,机器人"
        deal = f"2018-01-0{1 + i},A轮,{i + 1}00万人民币,-"
        lines.append(f'{company},{deal},,,,"第一行\n第二行",,,,')
        lines.extend(
            [f",,,,,,,,2017-0{1 + k}-02,天使轮,数百万美元,-,,,,,,,," for k in range(i)] + [""]
        )
    path.write_text("\n".join(lines) + "\n", "utf-8")
    dumps = []
    for size in (rows, 10_000):
        other = connect(tmp_path / f"store-{size}.duckdb")
        ingest(other, [path], context=ctx, chunk_rows=size)  # type: ignore[arg-type]
        dumps.append(
            {
                table: other.execute(
                    f"SELECT * EXCLUDE (load_id{', deal_id' if table == 'deals' else ''}) "
                    f"FROM {table} ORDER BY ALL"
                ).fetchall()
                for table in ("deals", "companies", "rejects")
            }
        )
        other.close()
    assert dumps[0] == dumps[1]
    assert len(dumps[0]["deals"]) == 4 + 6 and len(dumps[0]["companies"]) == 4
    # refs are the lines where records start: blank lines and the two-line cells count
    refs = [row[1] for row in dumps[0]["companies"]]  # (company_id, row_ref, …)
    assert refs == ["L2", "L5", "L9", "L14"]


def test_cli_ingest_summary_and_idempotence(
    tmp_path: Path, db_path: Path, cli: Callable[..., object]
) -> None:
    path = _export(tmp_path / "export.csv", 2)
    first = cli("ingest", str(path), "--db", str(db_path))
    assert first.exit_code == 0, first.stderr  # type: ignore[attr-defined]
    out = first.stdout  # type: ignore[attr-defined]
    assert "4 rows read" in out and "deals 4" in out and "currencies seen: CNY 4" in out
    again = cli("ingest", str(path), "--db", str(db_path))
    assert "already loaded" in again.stdout  # type: ignore[attr-defined]


def test_cli_preview_writes_nothing(
    tmp_path: Path, db_path: Path, cli: Callable[..., object]
) -> None:
    path = _export(tmp_path / "export.csv", 2)
    result = cli("ingest", "--preview", str(path), "--db", str(db_path))
    assert result.exit_code == 0  # type: ignore[attr-defined]
    assert "first deals" in result.stdout and "would load 4" in result.stdout  # type: ignore[attr-defined]
    assert not db_path.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--source", "nope", "x.csv"], "unknown --source 'nope'"),
        (["missing.csv"], "missing.csv: no such file"),
    ],
)
def test_cli_errors_are_one_line(
    args: list[str], message: str, tmp_path: Path, db_path: Path, cli: Callable[..., object]
) -> None:
    result = cli("ingest", *[str(tmp_path / a) if a.endswith(".csv") else a for a in args])
    assert result.exit_code != 0  # type: ignore[attr-defined]
    assert message in result.stderr and "Traceback" not in result.stderr  # type: ignore[attr-defined]
    assert result.stderr.count("\n") == 1  # type: ignore[attr-defined]


def test_generic_mapping_tsv_jsonl_xlsx(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    mapping = tmp_path / "deals.toml"
    mapping.write_text(
        '[source]\nname = "pitch"\ndate_format = "dmy"\ndefault_currency = "EUR"\n'
        'language = "en"\ncountry = "IN"\ndrop = ["Phone"]\nsector_source = "india"\n'
        '[columns]\ncompany_name = "Company"\ndeal_date = "Date"\nround = "Stage"\n'
        'amount = "Amount"\nplace = "City"\nsector = "Vertical"\n',
        "utf-8",
    )
    tsv = tmp_path / "deals.tsv"
    tsv.write_text(
        "Company\tDate\tStage\tAmount\tCity\tVertical\tPhone\n"
        "Acme\t02/03/2019\tSeries A\t1,000,000\tBangalore\tFinTech\t+91 99999 99999\n"
        "\t02/03/2019\tSeed\t5\tPune\tx\t+91 88888 88888\n",
        "utf-8",
    )
    r = load(tsv, source=str(mapping))
    assert (r.source_format, r.deals, r.rejects) == ("pitch", 1, {"missing_name": 1})
    row = con.execute(
        "SELECT company_id, deal_date, round, amount_value, currency, city, sector FROM deals"
    ).fetchone()
    assert row is not None
    assert row[:7] == (
        "pitch:acme",
        date(2019, 3, 2),
        "a",
        1_000_000,
        "EUR",
        "Bengaluru",
        "fintech",
    )
    from sectorlens.metrics import compute, from_duckdb

    (used,) = compute(from_duckdb(con), "fx", currency="USD").to_pylist()
    assert (used["original_currency"], used["converted"]) == ("EUR", 1)  # at query time
    assert "99999" not in str(con.execute("SELECT * FROM rejects").fetchall())

    jsonl = tmp_path / "deals.jsonl"
    jsonl.write_text(
        '{"Company": "Beta", "Date": "05/06/2020", "Stage": "Seed", "Amount": "2 million",'
        ' "City": "Mumbai", "Vertical": "EdTech"}\n',
        "utf-8",
    )
    r2 = load(jsonl, source=str(mapping))
    assert r2.deals == 1

    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Company", "Date", "Stage", "Amount", "City", "Vertical"])
    sheet.append(["Gamma", "07/08/2021", "Series B", 3000000, "Noida", "Health Care"])
    xlsx = tmp_path / "deals.xlsx"
    book.save(xlsx)
    r3 = load(xlsx, source=str(mapping))
    assert r3.deals == 1
    assert (
        scalar(con, "SELECT sector FROM deals WHERE company_name = 'Gamma'") == "healthtech"
    )  # India's own taxonomy


def test_bad_mapping_is_a_usage_error(tmp_path: Path, load: Load) -> None:
    from sectorlens.errors import UsageError

    mapping = tmp_path / "bad.toml"
    mapping.write_text('[columns]\ncompany = "X"\n', "utf-8")
    with pytest.raises(UsageError, match="unknown fields"):
        load(tmp_path / "x.csv", source=str(mapping))


def test_company_keys_are_set_as_each_batch_is_inserted(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    # no update of the whole load at its end: every row arrives with its key
    monkeypatch.setattr("sectorlens.ingest.run.assign_company_keys", lambda con: None)
    load(_export(tmp_path / "first.csv", 7), chunk_rows=3)  # several batches, new ids in each
    load(_export(tmp_path / "second.csv", 9), chunk_rows=4)  # companies 0-6 again, 7-8 new
    for table in ("deals", "companies"):
        assert scalar(con, f"SELECT count(*) FROM {table} WHERE company_key IS NULL") == 0
        # each row's key is its id's key in the registry
        assert (
            scalar(
                con,
                f"SELECT count(*) FROM {table} t JOIN company_keys k USING (company_id) "
                "WHERE k.company_key <> t.company_key",
            )
            == 0
        )
    assert con.execute(
        "SELECT count(*), count(DISTINCT company_id), min(company_key), max(company_key) "
        "FROM company_keys"
    ).fetchone() == (9, 9, 1, 9)  # dense, one key per id, kept across loads


def test_duckdb_threads_are_given_back_after_a_load_and_after_a_failed_one(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    con.execute("SET threads = 3")
    seen: list[object] = []
    original = ItjuziAdapter.transform
    probe = con.cursor()  # the load's connection is its writer thread's meanwhile

    def watching(self: ItjuziAdapter, chunk: Chunk) -> Batch:
        seen.append(scalar(probe, "SELECT current_setting('threads')"))
        return original(self, chunk)

    monkeypatch.setattr(ItjuziAdapter, "transform", watching)
    load(_export(tmp_path / "first.csv", 3))
    assert seen == [1] and scalar(con, "SELECT current_setting('threads')") == 3

    def failing(self: ItjuziAdapter, chunk: Chunk) -> Batch:
        raise RuntimeError("broken (injected)")

    monkeypatch.setattr(ItjuziAdapter, "transform", failing)
    with pytest.raises(RuntimeError, match="injected"):
        load(_export(tmp_path / "second.csv", 4))  # not the same file: not skipped
    assert scalar(con, "SELECT current_setting('threads')") == 3


def test_midpoints_are_derived_as_each_batch_is_inserted(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    # no update of the whole load at its end: amount_mid_x2 arrives with each row
    monkeypatch.setattr("sectorlens.ingest.run.assign_company_keys", lambda con: None)
    load(_export(tmp_path / "export.csv", 5), chunk_rows=3)
    rows = con.execute(
        "SELECT amount_kind, amount_value, amount_low, amount_high, amount_mid_x2 FROM deals"
    ).fetchall()
    assert len(rows) == 10
    for kind, value, low, high, mid_x2 in rows:
        if low is not None and high is not None:
            assert mid_x2 == low + high  # a range ('数百万'): its midpoint, twice
        else:
            assert kind != "money" or mid_x2 == 2 * value
    assert any(low != high for _, _, low, high, _ in rows)  # ranges were among them
