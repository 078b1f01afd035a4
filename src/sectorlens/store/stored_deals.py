"""Deals already stored by earlier loads: what makes two deals one, found batch by batch."""

from __future__ import annotations

import duckdb
import pyarrow as pa

#: what makes two deals the same deal, whatever file or format they came from: the company, the
#: day, the round, the amount's bounds and currency. Deals without a date are never the same as
#: a deal of another load (two undated rounds are one only when every field is identical within
#: one file, which a file's rows are kept as they are)
_SAME_DEAL = """
    d.company_id = k.company_id
    AND k.deal_date IS NOT NULL AND d.deal_date = k.deal_date
    AND coalesce(d.round, d.round_raw) IS NOT DISTINCT FROM coalesce(k.round, k.round_raw)
    AND d.amount_kind = k.amount_kind
    AND d.amount_low IS NOT DISTINCT FROM k.amount_low
    AND d.amount_high IS NOT DISTINCT FROM k.amount_high
    AND d.amount_qualifier IS NOT DISTINCT FROM k.amount_qualifier
    AND d.currency IS NOT DISTINCT FROM k.currency
"""
_IDENTITY = (
    "company_id",
    "deal_date",
    "date_raw",
    "round",
    "round_raw",
    "amount_kind",
    "amount_low",
    "amount_high",
    "amount_qualifier",
    "currency",
)


class StoredDeals:
    """Finds deals already in the store from earlier loads (a twin export, a re-export).

    It reads through a connection of its own, so it sees committed loads only — never the rows of
    the load in progress, which the writer inserts meanwhile on the load's own connection.
    """

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        source_format: str,
        *,
        exclude: list[str] | None = None,
    ) -> None:
        self._source = source_format
        self._exclude = list(exclude or [])  # loads being replaced: not compared with
        self._cursor: duckdb.DuckDBPyConnection | None = con.cursor()
        found = self._cursor.execute(
            "SELECT 1 FROM deals WHERE source_format = ? "
            "AND load_id NOT IN (SELECT unnest(?::VARCHAR[])) LIMIT 1",
            [source_format, self._exclude],
        ).fetchall()
        if not found:  # nothing to compare with (a first load): skip every lookup
            self.close()

    def close(self) -> None:
        """Release the lookup connection."""
        if self._cursor is not None:
            self._cursor.close()
            self._cursor = None

    def find(self, deals: pa.Table) -> dict[int, str]:
        """For the rows of ``deals`` that are already stored: row number → stored ``deal_id``."""
        if self._cursor is None or not deals.num_rows:
            return {}
        keys = deals.select(list(_IDENTITY)).append_column(
            "i", pa.array(range(deals.num_rows), pa.int64())
        )
        self._cursor.register("_sectorlens_keys", keys)
        try:
            rows = self._cursor.execute(
                f"SELECT k.i, min(d.deal_id) FROM _sectorlens_keys k JOIN deals d ON {_SAME_DEAL}"
                " WHERE d.source_format = ? AND d.load_id NOT IN (SELECT unnest(?::VARCHAR[]))"
                " GROUP BY k.i",
                [self._source, self._exclude],
            ).fetchall()
        finally:
            self._cursor.unregister("_sectorlens_keys")
        return {int(i): str(deal_id) for i, deal_id in rows}
