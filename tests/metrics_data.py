"""A small hand-made store for the metric tests: 12 deals of 6 companies (and one unfunded).

Every expectation in the metric tests is computed by hand from the table below (amounts in CNY;
d12 was stated as USD 8M). The store's rates are replaced by fixed ones for 2015–2019 (``RATES``,
units per EUR): 1 CNY = 0.16 USD = 170 KRW, 1 USD = 6.25 CNY, so USD and KRW figures are the CNY
ones × 0.16 and × 170. The store's as-of date is the latest deal, 2018-12-20, so 2018 is a partial
year.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import duckdb

from sectorlens.store import assign_company_keys
from sectorlens.store.rates import Fixing, add_fixings

M = Decimal(1_000_000)
USD_PER_CNY = Decimal("0.16")
KRW_PER_CNY = Decimal(170)
# units per EUR, fixed from 2015 to 2019: 1/8 and 1/1.28 are exact, so the cross rates are too
RATES = {"EUR": Decimal(1), "CNY": Decimal(8), "USD": Decimal("1.28"), "KRW": Decimal(1360)}

# id, company, date, round, kind, qualifier, value, low, high (CNY, millions), province, city,
# cluster, sector, chain layer
# fmt: off
DEALS = [
    ("d01", "c1", "2016-03-10", "angel", "money", "exact", 1, None, None,
     "Beijing", "Beijing", "JJJ", "vision", "technology"),
    ("d02", "c1", "2017-06-01", "a", "money", "exact", 10, 10, 10,
     "Beijing", "Beijing", "JJJ", "vision", "technology"),
    ("d03", "c2", "2017-02-15", "a", "money", "range", None, 10, 100,
     "Shanghai", "Shanghai", "YRD", "vision", "technology"),
    ("d04", "c2", "2018-01-20", "b", "undisclosed", None, None, None, None,
     "Shanghai", "Shanghai", "YRD", "vision", "technology"),
    ("d05", "c3", "2018-03-05", "angel", "money", "approx", 5, None, None,
     "Guangdong", "Shenzhen", "GBA", "robotics", "application"),
    ("d06", "c3", "2018-11-30", "a", "money", "at_least", None, 100, None,
     "Guangdong", "Shenzhen", "GBA", "robotics", "application"),
    ("d07", "c4", "2016-07-07", "seed", "money", "exact", 2, None, None,
     "Beijing", "Beijing", "JJJ", "robotics", "application"),
    ("d08", "c4", "2018-02-01", "a", "unparsed", None, None, None, None,
     "Beijing", "Beijing", "JJJ", "robotics", "application"),
    ("d09", "c5", "2018-12-20", "b", "money", "exact", 200, None, None,
     "Zhejiang", "Hangzhou", "YRD", "chip", "basic"),
    ("d10", "c6", "2017-09-09", "angel", "undisclosed", None, None, None, None,
     None, None, None, None, None),
    ("d11", "c5", "2017-01-05", "a", "money", "at_most", None, None, 100,
     "Zhejiang", "Hangzhou", "YRD", "chip", "basic"),
    ("d12", "c1", "2018-06-30", "b", "money", "exact", 50, None, None,
     "Beijing", "Beijing", "JJJ", "vision", "technology"),
]

# id, name, founded, province, city, cluster, sector, chain layer
COMPANIES = [
    ("c1", "Alpha", "2015-05-01", "Beijing", "Beijing", "JJJ", "vision", "technology"),
    ("c2", "Beta", "2016-01-01", "Shanghai", "Shanghai", "YRD", "vision", "technology"),
    ("c3", "Gamma", "2017-03-01", "Guangdong", "Shenzhen", "GBA", "robotics", "application"),
    ("c4", "Delta", "2015-09-01", "Beijing", "Beijing", "JJJ", "robotics", "application"),
    ("c5", "Epsilon", "2016-06-01", "Zhejiang", "Hangzhou", "YRD", "chip", "basic"),
    ("c6", "Zeta", None, None, None, None, None, None),
    ("c7", "Eta", "2015-02-02", "Beijing", "Beijing", "JJJ", "vision", "technology"),
]
# fmt: on


def _m(v: int | None, factor: Decimal = Decimal(1)) -> Decimal | None:
    return None if v is None else v * M * factor


def fixed_rates(con: duckdb.DuckDBPyConnection) -> None:
    """Replace the store's exchange rates by the fixture's fixed ones (``RATES``)."""
    con.execute("DELETE FROM fx_rates")
    start, end = date(2015, 1, 1), date(2019, 12, 31)
    add_fixings(con, [Fixing(c, start, r, end) for c, r in RATES.items()], "fixture")


def fill(con: duckdb.DuckDBPyConnection, source_format: str = "fixture") -> None:
    """Insert the fixture's companies and deals (and its fixed rates) into an empty store."""
    fixed_rates(con)
    for cid, name, founded, prov, city, cluster, sector, layer in COMPANIES:
        con.execute(
            "INSERT INTO companies (company_id, load_id, row_ref, source_format, name, founded,"
            " country, province, city, cluster, sector, chain_layer)"
            " VALUES (?, 'L1', ?, ?, ?, ?, 'CN', ?, ?, ?, ?, ?)",
            [
                cid,
                cid,
                source_format,
                name,
                founded and date.fromisoformat(founded),
                prov,
                city,
                cluster,
                sector,
                layer,
            ],
        )
    for (
        did,
        cid,
        day,
        rnd,
        kind,
        qual,
        value,
        low,
        high,
        prov,
        city,
        cluster,
        sector,
        layer,
    ) in DEALS:
        # d12 was stated in USD (8M): 50M CNY at the fixture's 6.25.
        currency, raw = ("USD", 8) if did == "d12" else ("CNY", value)
        row = {
            "deal_id": did,
            "load_id": "L1",
            "row_ref": did,
            "source_format": source_format,
            "company_id": cid,
            "deal_date": date.fromisoformat(day),
            "round": rnd,
            "amount_kind": kind,
            "amount_qualifier": qual,
            "amount_value": _m(raw),
            "amount_low": _m(low if did != "d12" else None),
            "amount_high": _m(high if did != "d12" else None),
            "currency": None if kind != "money" else currency,
            "disclosed": kind != "undisclosed",
            "country": "CN",
            "province": prov,
            "city": city,
            "cluster": cluster,
            "sector": sector,
            "chain_layer": layer,
        }
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        con.execute(f"INSERT INTO deals ({cols}) VALUES ({marks})", list(row.values()))
    assign_company_keys(con)  # what ingest does at the end of a load
