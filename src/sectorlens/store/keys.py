"""Integer company keys: one dense BIGINT per company id, on companies and deals (schema.py); and
the deals' derived ``amount_mid_x2``. A load sets both as it inserts each batch; the end-of-load
step catches rows written otherwise."""

from __future__ import annotations

from typing import TYPE_CHECKING

import duckdb

if TYPE_CHECKING:
    import pyarrow as pa


def assign_company_keys(con: duckdb.DuckDBPyConnection) -> None:
    """Give every company id of ``companies`` and ``deals`` without a key its ``company_key``.

    New ids get the next keys of the ``company_keys`` registry (in id order, so a store built by
    the same loads has the same keys); an id seen before keeps its key. A load keys its rows as it
    inserts them (``keys_for``; ``amount_mid_x2`` too) and calls this at its end, inside its
    transaction, for any row written otherwise (then scans that find nothing to update). The
    registry has no index on purpose: DuckDB would then join through it row by row (an update of
    10M deals took 95 s instead of 1 s). Also derives the ``amount_mid_x2`` of deals without one
    (:func:`derive_mid_amounts`).
    """
    con.execute("""
        INSERT INTO company_keys
        SELECT company_id,
            (SELECT coalesce(max(company_key), 0) FROM company_keys)
            + row_number() OVER (ORDER BY company_id)
        FROM (
            SELECT company_id FROM deals WHERE company_key IS NULL AND company_id IS NOT NULL
            UNION
            SELECT company_id FROM companies WHERE company_key IS NULL
        ) AS new_ids
        ANTI JOIN company_keys USING (company_id)
    """)
    for table in ("deals", "companies"):
        con.execute(f"""
            UPDATE {table} SET company_key = k.company_key FROM company_keys AS k
            WHERE {table}.company_key IS NULL AND {table}.company_id = k.company_id
        """)
    derive_mid_amounts(con)


#: twice the midpoint of a deal's stated amount: low + high for a range, else value + value
MID_X2_SQL = (
    "CASE WHEN amount_low IS NOT NULL AND amount_high IS NOT NULL "
    "THEN amount_low + amount_high ELSE amount_value + amount_value END"
)


_MID_MISSING = (
    "amount_mid_x2 IS NULL "
    "AND (amount_value IS NOT NULL OR (amount_low IS NOT NULL AND amount_high IS NOT NULL))"
)


def derive_mid_amounts(con: duckdb.DuckDBPyConnection) -> None:
    """Set ``amount_mid_x2`` (see schema.py) on every deal that has a midpoint and no value yet."""
    con.execute(f"UPDATE deals SET amount_mid_x2 = {MID_X2_SQL} WHERE {_MID_MISSING}")


def check_mid_amounts(con: duckdb.DuckDBPyConnection) -> None:
    """Refuse a store whose deals have an amount but no ``amount_mid_x2``.

    Metrics sum the stored midpoints: a deal written without one (by a tool other than
    sectorlens' loads) would count as no amount, a wrong sum with no error.
    """
    from sectorlens.errors import StoreError

    ((has,),) = con.execute(
        "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'main' "
        "AND table_name = 'deals' AND column_name = 'amount_mid_x2'"
    ).fetchall()
    if not has:
        return  # (no deals table of this schema: nothing summed from it)
    ((missing,),) = con.execute(f"SELECT count(*) FROM deals WHERE {_MID_MISSING}").fetchall()
    if missing:
        raise StoreError(
            f"{missing:,} deals have an amount but no derived midpoint (amount_mid_x2): they "
            "were written outside `sectorlens ingest`; run `sectorlens db init` on the store "
            "to derive them"
        )


def keys_for(con: duckdb.DuckDBPyConnection, ids: pa.Array | pa.ChunkedArray) -> pa.Table:
    """The ``company_key`` of each distinct id of ``ids`` (nulls left out), registering new ids.

    A load calls it per batch, before inserting the batch with its keys: no update of the whole
    load at its end (which held every updated row in memory until the commit). New ids get the
    next keys in id order within their batch, so the same loads give the same keys.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    if pa.types.is_dictionary(ids.type):
        ids = ids.cast(ids.type.value_type)
    names = pa.table({"company_id": pc.drop_null(pc.unique(ids)).cast(pa.string())})
    con.register("_sectorlens_ids", names)
    try:
        con.execute("""
            INSERT INTO company_keys
            SELECT company_id,
                (SELECT coalesce(max(company_key), 0) FROM company_keys)
                + row_number() OVER (ORDER BY company_id)
            FROM (SELECT company_id FROM _sectorlens_ids ANTI JOIN company_keys USING (company_id))
        """).fetchall()
        return con.sql(
            "SELECT company_id, company_key FROM company_keys SEMI JOIN _sectorlens_ids "
            "USING (company_id)"
        ).to_arrow_table()
    finally:
        con.unregister("_sectorlens_ids")
