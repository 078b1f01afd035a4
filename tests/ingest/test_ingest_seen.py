"""A load's company ids in bounded memory (sources.seen): exact however many spill to the store."""

from __future__ import annotations

import functools
import random
from collections.abc import Sequence
from pathlib import Path

import duckdb
import pytest

from conftest import TODAY
from sectorlens.errors import StoreError
from sectorlens.ingest import Context, ingest
from sectorlens.ingest import run as ingest_run
from sectorlens.sources.seen import SeenIds
from sectorlens.store import connect
from sectorlens.store.companies import SpilledIds

HEADER = (
    "公司名称,工商名称,公司网址,成立时间,地点,运营状态,行业,子行业,融资时间,轮次,融资金额,投资方\n"
)


class DictSpill:
    """A spill kept in a Python set, counting its look-ups."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.lookups = 0

    def add(self, ids: Sequence[str]) -> None:
        assert not self.ids & set(ids), "an id spilled twice"
        self.ids.update(ids)

    def find(self, ids: Sequence[str]) -> set[str]:
        self.lookups += 1
        return self.ids & set(ids)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_claims_are_exact_with_a_tiny_set_and_a_crowded_filter(seed: int) -> None:
    rng = random.Random(seed)
    spill = DictSpill()
    # 8 recent ids and a 64-bit filter: nearly every look-up is a false positive of the filter
    seen = SeenIds(spill, recent=8, bits=64)
    claimed: set[str] = set()
    for _ in range(60):
        ids = [f"c{rng.randrange(300)}" for _ in range(rng.randrange(1, 20))]
        expected = []
        for company_id in ids:
            expected.append(company_id not in claimed)
            claimed.add(company_id)
        assert seen.claim(ids) == expected
    assert seen.spilled > 0 and spill.lookups > 0  # the spill and the filter were used


def test_without_a_spill_the_set_is_kept_whole() -> None:
    seen = SeenIds(None, recent=2)
    assert seen.claim(["a", "b", "c", "a"]) == [True, True, True, False]
    assert seen.claim(["c", "d"]) == [False, True]
    assert seen.spilled == 0


def test_bits_must_be_a_power_of_two() -> None:
    with pytest.raises(ValueError, match="power of two"):
        SeenIds(None, bits=1000)


def test_the_store_spill_finds_what_it_was_given(tmp_path: Path) -> None:
    con = connect(tmp_path / "store.duckdb")
    spill = SpilledIds(con)
    spill.add(["itjuzi:甲", "itjuzi:乙", "crunchbase:/company/x"])
    assert spill.find(["itjuzi:乙", "itjuzi:丙", "crunchbase:/company/x"]) == {
        "itjuzi:乙",
        "crunchbase:/company/x",
    }
    spill.close()
    with pytest.raises(StoreError, match="closed"):
        spill.find(["itjuzi:甲"])
    con.close()


def _export(path: Path, companies: int, rounds: int) -> Path:
    """An itjuzi export whose companies come back far apart: each pass over ``companies`` names
    them again, with a round (a deal row) or without (a duplicate company)."""
    lines = [HEADER]
    for n in range(rounds):
        for i in range(companies):
            day = f"2018-{1 + n % 12:02d}-{1 + i % 28:02d}"
            dealt = (i + n) % 3 != 0
            deal = f"{day},A轮,{100 + i}万人民币,某资本" if dealt else ",,,"
            lines.append(
                f"公司{i},公司{i}有限公司,,2015-01-01,北京-海淀区,运营中,硬件,机器人,{deal}\n"
            )
    path.write_text("".join(lines), "utf-8")
    return path


def _tables(db: Path) -> dict[str, list[tuple[object, ...]]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "companies": con.execute("SELECT * FROM companies ORDER BY company_id").fetchall(),
            "deals": con.execute("SELECT * FROM deals ORDER BY deal_id").fetchall(),
            "rejects": con.execute(
                "SELECT row_ref, reason, detail, raw FROM rejects ORDER BY row_ref"
            ).fetchall(),
            "loads": con.execute(
                "SELECT rows_read, deals, companies, observations, rejects FROM loads "
                "WHERE rows_read IS NOT NULL"
            ).fetchall(),
        }
    finally:
        con.close()


def test_a_load_whose_ids_spill_stores_exactly_what_a_whole_set_does(
    tmp_path: Path, ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _export(tmp_path / "export.csv", companies=50, rounds=4)
    built = {}
    for name, recent in (("whole", 1_000_000), ("spilled", 3)):
        spills: list[SeenIds] = []

        def bounded(
            spill: SpilledIds, recent: int = recent, made: list[SeenIds] = spills
        ) -> SeenIds:
            seen = SeenIds(spill, recent=recent, bits=256)
            made.append(seen)
            return seen

        monkeypatch.setattr(ingest_run, "SeenIds", bounded)
        db = tmp_path / f"{name}.duckdb"
        con = connect(db)
        result = ingest(con, [path], context=ctx, today=TODAY, chunk_rows=16)[0]
        con.close()
        # every input row ends in exactly one place
        assert (
            result.rows_read
            == 200
            == result.deals + result.companies + sum(result.rejects.values())
        )
        assert result.companies + result.deals >= 50 and result.rejects["duplicate_company"] > 0
        assert (spills[0].spilled > 0) == (name == "spilled")
        built[name] = _tables(db)
    assert built["spilled"] == built["whole"]
    assert len(built["whole"]["companies"]) == 50  # each company once: its first row


def test_a_load_out_of_duckdb_memory_is_one_store_error(
    tmp_path: Path, ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _export(tmp_path / "export.csv", companies=5, rounds=1)

    def exhausted(con: duckdb.DuckDBPyConnection, load_id: str) -> int:
        raise duckdb.OutOfMemoryException("failed to pin block of size 256.0 KiB")

    monkeypatch.setattr(ingest_run, "flag_implausible", exhausted)
    con = connect(tmp_path / "store.duckdb")
    con.execute("SET memory_limit = '100MiB'")
    with pytest.raises(StoreError, match=r"more memory than DuckDB's limit \(100\.0 MiB\)") as exc:
        ingest(con, [path], context=ctx, today=TODAY)
    assert "--memory-limit" in str(exc.value) and "\n" not in str(exc.value)
    assert con.execute("SELECT count(*) FROM deals").fetchone() == (0,)  # the store is unchanged
    con.close()


def test_seen_ids_are_partial_application_friendly() -> None:
    make = functools.partial(SeenIds, recent=1, bits=8)
    seen = make(DictSpill())
    assert seen.claim(["x", "y", "x"]) == [True, True, False]


@pytest.mark.shared
@pytest.mark.parametrize(
    "name",
    ["itjuzi/companies_820_2018-12-25.csv", "crunchbase_2013/crunchbase-companies.csv"],
)
def test_a_shared_export_whose_ids_spill_stores_what_a_whole_set_does(
    name: str, shared_data: Path, tmp_path: Path, ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = shared_data / name
    built = {}
    for label, recent in (("whole", 10_000_000), ("spilled", 16)):
        monkeypatch.setattr(
            ingest_run, "SeenIds", functools.partial(SeenIds, recent=recent, bits=1 << 12)
        )
        db = tmp_path / f"{label}.duckdb"
        con = connect(db)
        result = ingest(con, [path], context=ctx, today=TODAY)[0]
        con.close()
        assert result.rows_read == result.loaded + sum(result.rejects.values())
        built[label] = _tables(db)
    assert built["spilled"] == built["whole"]
    assert built["whole"]["companies"]  # companies were stored, so ids were claimed
