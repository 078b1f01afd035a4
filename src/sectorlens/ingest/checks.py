"""Checks on what an adapter made of a chunk, and on a whole load, before anything is kept.

- rows with a cell over the size cap (``cell_too_large``), negative amounts (``negative_amount``)
  and amounts above the ceiling of their currency (``amount_above_ceiling``) become rejects;
- a file most of whose rows are rejected for a structural reason is not the format it was read
  as: the load stops and writes nothing;
- a deal amount ≥ 1,000× the median of its round and currency is flagged ``implausible_amount``
  (kept, left out of aggregates unless asked for).
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from sectorlens.errors import InputError
from sectorlens.fx import FxError, FxRates
from sectorlens.ingest.text import printable
from sectorlens.sources.base import Batch
from sectorlens.sources.normalize import Normalizer
from sectorlens.store.plausibility import ABOVE_MEDIAN, IMPLAUSIBLE

#: reasons that say a row does not have the shape of the format it was read as
STRUCTURAL = frozenset(
    {"orphan_continuation", "missing_name", "missing_id", "empty_row", "bad_json", "width"}
)
FACTOR = 1000  # times the median of its round and currency: an implausible amount
MIN_GROUP = 5  # deals a round/currency group needs for its median to say anything
# The catch-all round code: debt, grants, project finance and more in one group, whose median
# says nothing about any of them (Crunchbase's USD 3.8 bn debt round of a listed company is real).
# The median rule does not judge it; the market rule and the ceiling still do.
NO_STAGE = "other"


def screen(batch: Batch, norm: Normalizer) -> None:
    """Reject rows with oversized cells, negative amounts or amounts above their ceiling."""
    bad: dict[int, tuple[str, str]] = {}
    for i, flags in batch.chunk.flags.items():
        for flag in flags:
            if flag.startswith("cell_too_large:"):
                bad[i] = ("cell_too_large", f"{flag.partition(':')[2]} is over the size cap")
                break
    deals = batch.deals
    if deals is not None and deals.num_rows:
        for k, why in _amount_checks(deals, norm).items():
            bad.setdefault(batch.deal_rows[k], why)
    if bad:
        reject(batch, bad)


def _amount_checks(deals: pa.Table, norm: Normalizer) -> dict[int, tuple[str, str]]:
    """Rows of ``deals`` with a negative amount or one above its currency's ceiling (computed
    column-wise; details are written only for the few rows found)."""
    low, high = deals.column("amount_low"), deals.column("amount_high")
    currency = pc.fill_null(_plain(deals.column("currency")), "")
    negative = pc.fill_null(pc.or_kleene(pc.less(low, 0), pc.less(high, 0)), False)
    top = pc.coalesce(high, low)
    names = pc.unique(currency).to_pylist()
    ceilings = pa.array(
        [norm.once("ceiling", c, lambda code: ceiling_of(norm.fx, code)) for c in names],
        top.type,
    )
    above = pc.fill_null(
        pc.greater(top, pc.take(ceilings, pc.index_in(currency, pa.array(names)))), False
    )
    notes = pc.fill_null(_plain(deals.column("amount_note")), "")
    huge = pc.and_(
        pc.equal(_plain(deals.column("amount_kind")), "unparsed"),
        pc.starts_with(notes, "number too large"),
    )
    found = pc.indices_nonzero(pc.or_(pc.or_(negative, above), huge)).to_pylist()
    out: dict[int, tuple[str, str]] = {}
    for k in found:
        lo, hi, cur = low[k].as_py(), high[k].as_py(), currency[k].as_py()
        if huge[k].as_py():
            out[k] = ("amount_above_ceiling", str(notes[k].as_py()))
        elif negative[k].as_py():
            out[k] = ("negative_amount", f"{lo}…{hi} {cur}".strip())
        else:
            ceiling = norm.once("ceiling", cur, lambda code: ceiling_of(norm.fx, code))
            amount = hi if hi is not None else lo
            out[k] = (
                "amount_above_ceiling",
                f"{amount:,} {cur} is above the ceiling {ceiling:,}".strip(),
            )
    return out


def _plain(column: pa.ChunkedArray | pa.Array) -> pa.ChunkedArray | pa.Array:
    """A text column as plain strings (columns travel dictionary-encoded)."""
    if pa.types.is_dictionary(column.type):
        return pc.cast(column, column.type.value_type)
    return column


def reject(batch: Batch, bad: dict[int, tuple[str, str]]) -> None:
    """Make ``bad`` rows rejects, taking their deals out of the batch (companies stay)."""
    for i, why in bad.items():
        batch.rejects.setdefault(i, why)
    if batch.deals is not None:
        keep = [k for k, i in enumerate(batch.deal_rows) if i not in bad]
        if len(keep) < len(batch.deal_rows):
            batch.deals = batch.deals.take(pa.array(keep, pa.int64()))
            batch.deal_rows = [batch.deal_rows[k] for k in keep]


def check_format(label: str, rows: int, rejects: Counter[str], path: str) -> None:
    """Stop when most rows were rejected for a structural reason: not an export of ``label``."""
    structural = {r: n for r, n in rejects.items() if r.partition(":")[0] in STRUCTURAL}
    total = sum(structural.values())
    if rows and total * 2 > rows:
        reasons = ", ".join(f"{n:,} {r}" for r, n in Counter(structural).most_common(3))
        raise InputError(
            f"{printable(path)}: this does not look like an {label} export ({total:,} of "
            f"{rows:,} rows rejected: {reasons}); try `--source auto` or a mapping "
            "(--source MAPPING.toml); nothing was loaded"
        )


def flag_implausible(con: duckdb.DuckDBPyConnection, load_id: str) -> int:
    """Flag this load's deals whose amount is ≥ FACTOR × a typical amount of its kind.

    Typical: the median of the store's deals (this load included) of the same round (canonical,
    or its text; never the catch-all ``other``, which is not judged) and currency; without
    MIN_GROUP of them, of the same currency. Also, where the store has exchange rates, the
    amount in euros (at its currency's latest rate) against the median in euros of every deal
    of the same round, so that a currency with few deals is judged too. Returns the number of
    deals flagged.
    """
    size = "coalesce(amount_value, (amount_low + amount_high) / 2, amount_low, amount_high)"
    # medians as t-digests (approx_quantile): bounded memory however many deals the store holds;
    # the limits per currency and round are a small table, the update touches this load only.
    # Each currency's latest rate is a small Arrow table of known size: as a CTE over the rates
    # of the open transaction, DuckDB misjudged its size and hashed the deals to join them
    # (3M itjuzi rows: a 117 MiB hash table, where 15 MiB do)
    latest = con.sql(
        "SELECT currency, arg_max(eur_per, day)::DOUBLE AS eur_per FROM fx_rates GROUP BY currency"
    ).to_arrow_table()
    sql = f"""
        WITH latest AS (SELECT currency, eur_per FROM _sectorlens_latest),
        sized AS NOT MATERIALIZED (
            SELECT currency, coalesce(round, round_raw, '') AS grp, ({size})::DOUBLE AS size
            FROM deals WHERE amount_kind = 'money' AND {size} > 0
        ),
        by_round AS (
            SELECT currency, grp, approx_quantile(size, 0.5) AS med FROM sized
            GROUP BY currency, grp HAVING count(*) >= {MIN_GROUP}
        ),
        by_currency AS (
            SELECT currency, approx_quantile(size, 0.5) AS med FROM sized
            GROUP BY currency HAVING count(*) >= {MIN_GROUP}
        ),
        in_euros AS (
            SELECT s.grp, approx_quantile(s.size * l.eur_per, 0.5) AS med
            FROM sized s JOIN latest l ON l.currency = s.currency
            GROUP BY s.grp HAVING count(*) >= {MIN_GROUP}
        ),
        groups AS (SELECT DISTINCT currency, grp FROM sized WHERE grp <> '{NO_STAGE}'),
        limits AS (
            SELECT g.currency, g.grp,
                   least({FACTOR} * coalesce(r.med, c.med), {FACTOR} * e.med / l.eur_per) AS top
            FROM groups g
            LEFT JOIN by_round r ON r.currency = g.currency AND r.grp = g.grp
            LEFT JOIN by_currency c ON c.currency = g.currency
            LEFT JOIN in_euros e ON e.grp = g.grp
            LEFT JOIN latest l ON l.currency = g.currency
        )
        SELECT currency, grp, top FROM limits WHERE top IS NOT NULL
    """
    con.register("_sectorlens_latest", latest)
    try:
        found = con.execute(sql).fetchall()
    finally:
        con.unregister("_sectorlens_latest")
    limits = pa.Table.from_pylist([{"currency": c, "grp": g, "top": t} for c, g, t in found])
    if not limits.num_rows:
        return 0
    where = f"""
        deals.load_id = $load AND deals.amount_kind = 'money'
          AND x.currency = deals.currency
          AND x.grp = coalesce(deals.round, deals.round_raw, '')
          AND ({size.replace("amount_", "deals.amount_")})::DOUBLE >= x.top
    """
    con.register("_sectorlens_limits", limits)
    try:
        # counted first, reading the few columns it needs: an UPDATE of a list column reads
        # every column of the load's deals (3M itjuzi rows: DuckDB's whole memory limit)
        hits = con.execute(
            f"SELECT count(*) FROM deals, _sectorlens_limits AS x WHERE {where}", {"load": load_id}
        ).fetchall()
        if not hits[0][0]:
            return 0
        found = con.execute(
            f"""
            UPDATE deals
            SET flags = list_distinct(
                list_concat(coalesce(flags, []), ['{IMPLAUSIBLE}', '{ABOVE_MEDIAN}'])
            )
            FROM _sectorlens_limits AS x WHERE {where}
            """,
            {"load": load_id},
        ).fetchall()
    finally:
        con.unregister("_sectorlens_limits")
    return int(found[0][0]) if found else 0


def ceiling_of(fx: FxRates, currency: str) -> Decimal:
    """The largest plausible single amount in ``currency``: USD 1 tn at its latest ECB rate;
    10^15 units of a currency without rates (and of an amount without a currency)."""
    trillion = Decimal(10) ** 12
    if not currency:
        return Decimal(10) ** 15
    if currency == "USD":
        return trillion
    try:
        last = fx.bounds(currency)[1]
        rate = fx.rate("USD", currency, last).rate
    except (FxError, KeyError, ValueError):
        return Decimal(10) ** 15
    return (trillion * rate).quantize(Decimal(1))
