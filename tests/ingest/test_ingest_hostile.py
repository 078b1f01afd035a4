"""Hostile and broken files: bounded, inert, one clear line, every row accounted for."""

from __future__ import annotations

import json
import os
import subprocess
import time
import zipfile
from contextlib import suppress
from pathlib import Path

import duckdb
import pytest

from conftest import Load, scalar
from sectorlens.errors import InputError

MAPPING = """
[source]
name = "h"
default_currency = "USD"
[columns]
company_name = "Company"
amount = "Amount"
round = "Round"
deal_date = "Date"
sector = "Note"
"""


def _files(tmp_path: Path, rows: list[str]) -> tuple[Path, str]:
    data = tmp_path / "deals.csv"
    data.write_text("Company,Amount,Round,Date,Note\n" + "\n".join(rows) + "\n", "utf-8")
    mapping = tmp_path / "m.toml"
    mapping.write_text(MAPPING, "utf-8")
    return data, str(mapping)


def _rejects(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(con.execute("SELECT row_ref, reason FROM rejects").fetchall())


def test_huge_and_negative_amounts_are_rejected_with_reasons(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    data, mapping = _files(
        tmp_path,
        [
            "A,1" + "0" * 22 + ",A,2020-01-01,x",  # 10^22: used to abort with InvalidOperation
            "B,-1000万人民币,A,2020-01-01,x",
            "C,2 trillion USD,A,2020-01-01,x",  # above the USD 1 tn ceiling
            "D,5000000,A,2020-01-01,x",
            "E," + "9" * 80 + ",A,2020-01-01,x",
        ],
    )
    r = load(data, source=mapping)
    assert r.rows_read == 5 and r.deals == 1
    assert _rejects(con) == {
        "L2": "amount_above_ceiling",
        "L3": "negative_amount",
        "L4": "amount_above_ceiling",
        "L6": "amount_above_ceiling",
    }


def test_a_long_cell_is_parsed_in_bounded_time(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    data, mapping = _files(tmp_path, ["A," + "-" * 40_000 + ",A,2020-01-01,x"])
    started = time.perf_counter()
    r = load(data, source=mapping)
    assert time.perf_counter() - started < 5
    assert r.deals == 1 and r.tally.flags["amount_unparsed"] == 1


def test_an_oversized_cell_rejects_its_row_and_is_not_kept(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    data, mapping = _files(
        tmp_path, ["A,100,A,2020-01-01," + "x" * 100_000, "B,100,A,2020-01-01,y"]
    )
    r = load(data, source=mapping)
    assert (r.deals, dict(r.rejects)) == (1, {"cell_too_large": 1})
    raw = scalar(con, "SELECT raw FROM rejects")
    assert len(str(raw)) < 1_000  # the raw row keeps a cut cell, not 100,000 characters


def test_a_csv_field_beyond_the_csv_cap_is_one_error(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    data, mapping = _files(tmp_path, ['A,100,A,2020-01-01,"' + "x" * (2 << 20) + '"'])
    with pytest.raises(InputError, match="field larger than field limit"):
        load(data, source=mapping)
    assert scalar(con, "SELECT count(*) FROM loads") == 0


def test_a_field_of_200k_characters_is_a_row_reject_not_a_failed_file(
    tmp_path: Path, load: Load
) -> None:
    data, mapping = _files(tmp_path, ['A,100,A,2020-01-01,"' + "x" * 200_000 + '"', "B,1,A,,"])
    r = load(data, source=mapping)
    assert (r.rows_read, r.deals, dict(r.rejects)) == (2, 1, {"cell_too_large": 1})


def _xlsx_with(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_an_xlsx_bomb_is_refused_in_seconds(tmp_path: Path, load: Load) -> None:
    # one shared string of 80 MB (packed: a few hundred KB)
    big = b"<sst><si><t>" + b"A" * (80 << 20) + b"</t></si></sst>"
    path = _xlsx_with(tmp_path / "bomb.xlsx", {"xl/sharedStrings.xml": big})
    started = time.perf_counter()
    with pytest.raises(InputError, match=r"refused: its part xl/sharedStrings.xml unpacks to"):
        load(path)
    assert time.perf_counter() - started < 10


@pytest.mark.parametrize("kind", ["not_zip", "bad_xml"])
def test_a_corrupt_xlsx_is_one_error(tmp_path: Path, load: Load, kind: str) -> None:
    path = tmp_path / "bad.xlsx"
    if kind == "not_zip":
        path.write_bytes(os.urandom(4096))
    else:
        _xlsx_with(path, {"[Content_Types].xml": b"<Types", "xl/workbook.xml": b"<<<"})
    with pytest.raises(InputError) as info:
        load(path)
    assert "\n" not in str(info.value)


def test_wrong_format_stops_and_writes_nothing(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    path = tmp_path / "rounds.csv"
    rows = "\n".join(",x,2010-01-01,100" for _ in range(10))
    path.write_text(f"company_permalink,funding_round_type,funded_at,raised_amount_usd\n{rows}\n")
    with pytest.raises(InputError, match=r"does not look like an crunchbase export .*missing_id"):
        load(path)
    assert scalar(con, "SELECT count(*) FROM loads") == 0


def test_implausible_amounts_are_flagged(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    rows = [f"C{i},{1_000_000 + i},A,2020-01-01,x" for i in range(9)]
    rows += ["Giant,168000000000,A,2020-01-01,x", "Small,9000000,B,2020-01-01,x"]
    data, mapping = _files(tmp_path, rows)
    r = load(data, source=mapping)
    assert r.implausible == 1
    flagged = con.execute(
        "SELECT company_name FROM deals WHERE list_contains(flags, 'implausible_amount')"
    ).fetchall()
    assert flagged == [("Giant",)]


def test_control_characters_are_escaped_in_printed_output(tmp_path: Path, cli, db_path) -> None:  # type: ignore[no-untyped-def]
    data, mapping = _files(tmp_path, ["Evil\x1b[2J\x1b]0;pwned\x07,-5,A,2020-01-01,x"])
    for args in (
        ("ingest", str(data), "--source", mapping, "--preview"),
        ("ingest", str(data), "--source", mapping),
        ("db", "loads"),
        ("db", "status"),
    ):
        result = cli(*args)
        assert result.exit_code == 0, result.stderr
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    bad = tmp_path / "a\x1b[31mb.csv"
    result = cli("ingest", str(bad))
    assert result.exit_code != 0 and "\x1b" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_db_drop_removes_a_load_and_db_loads_lists_them(tmp_path: Path, cli, db_path) -> None:  # type: ignore[no-untyped-def]
    data, mapping = _files(tmp_path, ["A,100,A,2020-01-01,x", "B,-1,A,2020-01-01,x"])
    assert cli("ingest", str(data), "--source", mapping).exit_code == 0
    listed = cli("db", "loads")
    assert listed.exit_code == 0 and "deals.csv" in listed.stdout
    assert "2 rows: 1 deals, 0 companies, 0 observations, 1 rejects" in listed.stdout
    load_id = listed.stdout.splitlines()[1].split()[0]
    dropped = cli("db", "drop", load_id)
    assert dropped.exit_code == 0 and "1 deals, 1 rejects" in dropped.stdout
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        counts = [
            con.execute(f"SELECT count(*) FROM {t}").fetchone()
            for t in ("loads", "deals", "rejects")
        ]
    finally:
        con.close()
    assert counts == [(0,), (0,), (0,)]
    again = cli("db", "drop", load_id)
    assert again.exit_code == 1 and "no load" in again.stderr


def test_db_drop_is_refused_while_another_process_holds_the_store(
    tmp_path: Path,
    cli,
    db_path,  # type: ignore[no-untyped-def]
) -> None:
    data, mapping = _files(tmp_path, ["A,100,A,2020-01-01,x"])
    assert cli("ingest", str(data), "--source", mapping).exit_code == 0
    load_id = cli("db", "loads").stdout.splitlines()[1].split()[0]
    import sys

    hold = "import duckdb,sys,time; c=duckdb.connect(sys.argv[1], read_only=True); "
    hold += "print('ok', flush=True); time.sleep(30)"
    holder = subprocess.Popen(
        [sys.executable, "-c", hold, str(db_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        refused = cli("db", "drop", load_id)
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    assert refused.exit_code == 1 and refused.stderr.count("\n") == 1
    assert "in use by process" in refused.stderr or "open in another process" in refused.stderr
    assert cli("db", "drop", load_id).exit_code == 0


def test_a_full_disk_leaves_the_store_unchanged(tmp_path: Path, ctx) -> None:  # type: ignore[no-untyped-def]
    from sectorlens.errors import StoreError
    from sectorlens.ingest import ingest
    from sectorlens.store import connect

    data, mapping = _files(tmp_path, ["A,100,A,2020-01-01,x"])
    probe = connect(tmp_path / "probe.duckdb")  # how large a store with one small load is
    ingest(probe, [data], source=mapping, context=ctx)
    probe.execute("CHECKPOINT")
    probe.close()
    room = (tmp_path / "probe.duckdb").stat().st_size + (3 << 20)
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={room}", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root); the full-disk case is untested")
    try:
        store = mount / "store.duckdb"
        con = connect(store)
        ingest(con, [data], source=mapping, context=ctx)
        con.execute("CHECKPOINT")
        before = store.stat().st_size
        deals = scalar(con, "SELECT count(*) FROM deals")
        # a file whose load cannot fit in the 3 MB left
        big = tmp_path / "big.csv"
        with big.open("w", encoding="utf-8") as fh:
            fh.write("Company,Amount,Round,Date,Note\n")
            for i in range(40_000):  # random text: DuckDB cannot compress it away
                fh.write(
                    f"C{i} {os.urandom(24).hex()},{i + 1},A,2020-01-01,{os.urandom(48).hex()}\n"
                )
        with pytest.raises(StoreError, match=r"no space left on .*; the store is unchanged"):
            ingest(con, [big], source=mapping, context=ctx, chunk_rows=4096)
        with suppress(duckdb.Error):  # a failed checkpoint may have invalidated it
            con.close()
        assert store.stat().st_size <= before + (256 << 10)  # not left grown to fill the disk
        again = connect(store, read_only=True)
        try:
            assert scalar(again, "SELECT count(*) FROM loads") == 1
            assert scalar(again, "SELECT count(*) FROM deals") == deals
        finally:
            again.close()
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True, check=False)


def test_reject_raw_rows_are_json(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    data, mapping = _files(tmp_path, [",100,A,2020-01-01,x", "B,1,A,,", "C,2,A,,"])
    load(data, source=mapping)
    raw = scalar(con, "SELECT raw FROM rejects")
    assert json.loads(str(raw))["Amount"] == "100"


def test_implausible_amounts_are_left_out_of_aggregates_unless_asked(
    tmp_path: Path,
    cli,
    db_path,  # type: ignore[no-untyped-def]
) -> None:
    rows = [f"C{i},{1_000_000 + i},A,2020-01-01,x" for i in range(9)]
    rows += ["Giant,168000000000,A,2020-01-01,x"]
    data, mapping = _files(tmp_path, rows)
    loaded = cli("ingest", str(data), "--source", mapping)
    assert loaded.exit_code == 0 and "implausible amounts flagged: 1" in loaded.stdout

    def deals(*extra: str) -> dict[str, object]:
        result = cli(
            "query", "deals", "--by", "year", "--format", "json", "--currency", "USD", *extra
        )
        assert result.exit_code == 0, result.stderr
        found = json.loads(result.stdout)
        rows = found["rows"] if isinstance(found, dict) else found
        return rows[0]  # type: ignore[no-any-return]

    default, everything = deals(), deals("--include-implausible")
    assert (default["deals"], everything["deals"]) == (9, 10)
    assert deals("--where", "implausible=true")["deals"] == 1


def test_line_end_search_on_empty_text_is_no_line_end() -> None:
    """Found by the random-bytes fuzz test: an empty decoded chunk raised IndexError."""
    from sectorlens.sources.textfile import _last_line_end, _last_text_line_end

    assert _last_text_line_end("") == -1
    assert _last_line_end(b"") == -1
    assert _last_text_line_end("a\r") == -1  # a CR at the very end may be half of a CR LF
    assert _last_line_end(b"a\nb") == 1
