"""Synthetic deals for the metrics benchmark, resampled from the real itjuzi export.

Each synthetic deal copies the round, amount text class, place and sector of a real itjuzi
financing row drawn at random (DuckDB's deterministic ``hash`` of the row number), with a random
day in that row's year; companies are drawn the same way. The raw CSV is read here directly with
the csv module (this is a benchmark input, not ingestion), and nothing of it is written to the
repository: the generated store lives in a temporary folder.

Amounts stay in their stated currency (store schema 4, with each deal's derived midpoint) with the
store's ECB rates. For the
benchmark of the previous commit's code beside this one, the store also carries that schema's
converted columns (``cny_*``, ``usd_*``, ``krw_*``), filled as its ingest did: each amount × the
rate of its day, rounded to 6 places.
"""

from __future__ import annotations

import csv
import re
import shutil
from decimal import Decimal
from pathlib import Path

import duckdb
import pyarrow as pa

from sectorlens.store import SCHEMA_VERSION, assign_company_keys, connect
from sectorlens.store.keys import derive_mid_amounts
from sectorlens.store.rates import load_ecb_rates

GENERATOR_VERSION = 5  # 4: amounts in their own currency, fx_rates (schema 3) + legacy columns
# 5: schema 4 (amount_mid_x2); a version 4 store of the same size is copied and upgraded
ITJUZI = Path("itjuzi") / "companies_820_2018-12-25.csv"
LEGACY = ("CNY", "USD", "KRW")  # the converted columns of store schema 2
CURRENCY = {"人民币": "CNY", "美元": "USD"}
UNIT = {"万": 10_000, "亿": 100_000_000}
DIGIT = {"十": 10, "百": 100, "千": 1000}
CLUSTER = {
    "北京": "JJJ",
    "天津": "JJJ",
    "河北": "JJJ",
    "上海": "YRD",
    "江苏": "YRD",
    "浙江": "YRD",
    "安徽": "YRD",
    "广东": "GBA",
}
LAYER = {"硬件": "basic", "企业服务": "technology"}
_AMOUNT = re.compile(r"^(数)?([\d.]+)?([十百千])?([万亿])(人民币|美元)$")


def _amount(
    text: str,
) -> tuple[str, str | None, str | None, float | None, float | None, float | None]:
    """(kind, qualifier, currency, value, low, high) — a crude reading for synthetic data."""
    if text.startswith("未透露") or text in ("", "-"):
        return "undisclosed", None, CURRENCY.get(text[3:]), None, None, None
    m = _AMOUNT.match(text)
    if not m:
        return "unparsed", None, None, None, None, None
    vague, number, digit, unit, cur = m.groups()
    scale = DIGIT.get(digit or "", 1) * UNIT[unit]
    if vague:
        return "money", "range", CURRENCY[cur], None, float(scale), float(10 * scale)
    if number is None:
        return "unparsed", None, None, None, None, None
    return "money", "exact", CURRENCY[cur], float(Decimal(number) * scale), None, None


def sample_rows(shared_data: Path) -> pa.Table:
    """One row per itjuzi financing round with a date, the company's place and sector carried."""
    rows = []
    company: dict[str, str] = {}
    with (shared_data / ITJUZI).open(encoding="utf-8-sig", newline="") as fh:
        for rec in csv.DictReader(fh):
            if rec["公司名称"].strip():
                company = rec
            day = rec["融资时间"].strip()
            if not re.match(r"^\d{4}-\d{2}-\d{2}$", day):
                continue
            place = company.get("地点", "")
            province, _, city = place.partition("-")
            kind, qual, cur, value, low, high = _amount(rec["融资金额"].strip())
            founded = company.get("成立时间", "")[:4]
            rows.append(
                {
                    "year": int(day[:4]),
                    "round": rec["轮次"].strip() or None,
                    "kind": kind,
                    "qualifier": qual,
                    "currency": cur,
                    "value": value,
                    "low": low,
                    "high": high,
                    "province": province or None,
                    "city": city or None,
                    "cluster": CLUSTER.get(province, "other") if province else None,
                    "sector": company.get("行业") or None,
                    "chain_layer": LAYER.get(company.get("行业", ""), "application"),
                    "founded_year": int(founded) if founded.isdigit() else None,
                }
            )
    table = pa.Table.from_pylist(rows)
    return table.append_column("idx", pa.array(range(len(rows)), pa.int64()))


def generate(path: Path, deals: int, shared_data: Path) -> None:
    """Write a store with ``deals`` synthetic deals (and ~deals/1.75 companies) to ``path``."""
    sample = sample_rows(shared_data)
    n = sample.num_rows
    companies = max(1, int(deals / 1.75))
    connect(path).close()  # creates the schema
    con = duckdb.connect(str(path))
    load_ecb_rates(con)
    con.register("sample", sample)
    con.execute(f"""
        INSERT INTO deals (deal_id, load_id, row_ref, source_format, company_id, deal_date,
            round, amount_kind, amount_qualifier, amount_value, amount_low, amount_high,
            currency, disclosed, country, province, city, cluster, sector, chain_layer)
        SELECT 'd' || i, 'bench', 'r' || i, 'bench', 'c' || (hash(i * 31 + 7) % {companies}),
            make_date(year, 1, 1) + CAST(hash(i * 17 + 3) % 365 AS INTEGER),
            round, kind, qualifier, value, low, high, currency, kind <> 'undisclosed',
            'CN', province, city, cluster, sector, chain_layer
        FROM range({deals}) r(i) JOIN sample s ON s.idx = hash(i) % {n}
    """)
    add_legacy_columns(con)
    con.execute(f"""
        INSERT INTO companies (company_id, load_id, row_ref, source_format, name, founded,
            country, province, city, cluster, sector, chain_layer)
        SELECT 'c' || i, 'bench', 'r' || i, 'bench', 'company ' || i,
            CASE WHEN founded_year IS NULL THEN NULL
                 ELSE make_date(founded_year, 1, 1) + CAST(hash(i * 13 + 1) % 365 AS INTEGER)
            END,
            'CN', province, city, cluster, sector, chain_layer
        FROM range({companies}) r(i) JOIN sample s ON s.idx = hash(i * 11 + 5) % {n}
    """)
    assign_company_keys(con)  # as ingest does at the end of a load
    con.execute("INSERT INTO meta VALUES ('bench_generator', ?)", [str(GENERATOR_VERSION)])
    con.execute("CHECKPOINT")
    con.close()


def add_legacy_columns(con: duckdb.DuckDBPyConnection) -> None:
    """The converted columns of store schema 2, for the previous commit's metrics code."""
    columns, joins = [], []
    for quote in LEGACY:
        q = quote.lower()
        rate = f"CASE WHEN d.currency = '{quote}' THEN 1 ELSE r_{q}.rate END"
        columns += [
            f"CAST(d.amount_{part} * {rate} AS DECIMAL(38, 6)) AS {q}_{part}"
            for part in ("value", "low", "high")
        ]
        joins.append(f"""LEFT JOIN (
                SELECT b.currency, b.day, CAST(q.per_eur * b.eur_per AS DECIMAL(38, 12)) AS rate
                FROM fx_rates b JOIN fx_rates q ON q.day = b.day AND q.currency = '{quote}'
            ) AS r_{q} ON r_{q}.currency = d.currency AND r_{q}.day = d.deal_date""")
    con.execute(f"""
        CREATE TABLE deals_legacy AS SELECT d.*, {", ".join(columns)}
        FROM deals d {" ".join(joins)}
    """)
    con.execute("DROP TABLE deals")
    con.execute("ALTER TABLE deals_legacy RENAME TO deals")


def cached_store(folder: Path, deals: int, shared_data: Path) -> tuple[Path, bool]:
    """The generated store for ``deals`` (made once, reused while the generator is unchanged)."""
    path = folder / f"deals-{deals}-v{GENERATOR_VERSION}.duckdb"
    if path.exists():
        try:
            with duckdb.connect(str(path), read_only=True) as con:
                if con.execute("SELECT count(*) FROM deals").fetchone() == (deals,):
                    return path, True
        except duckdb.Error:
            pass
        path.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    older = folder / f"deals-{deals}-v4.duckdb"
    if older.exists():
        upgrade_v4(older, path)
        return path, True
    generate(path, deals, shared_data)
    return path, False


def upgrade_v4(older: Path, path: Path) -> None:
    """A version 5 store from a version 4 one (the same deals): a copy with schema 4's
    ``amount_mid_x2`` derived as the store's upgrade does."""
    tmp = path.with_suffix(".tmp")
    shutil.copyfile(older, tmp)
    with duckdb.connect(str(tmp)) as con:
        con.execute("ALTER TABLE deals ADD COLUMN IF NOT EXISTS amount_mid_x2 DECIMAL(38, 6)")
        derive_mid_amounts(con)
        con.execute(
            "UPDATE meta SET value = ? WHERE key = 'bench_generator'", [str(GENERATOR_VERSION)]
        )
        con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION)])
        con.execute("CHECKPOINT")
    tmp.rename(path)
