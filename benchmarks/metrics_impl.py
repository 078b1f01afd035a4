"""The two baselines of the metrics benchmark: hand-written DuckDB SQL and pandas.

Each produces, per report metric, the same named intermediate tables as the metric's Ibis
``build`` step, so that all three go through the same ``finish`` (the small Decimal step).
pandas works on float64 amounts (as a typical pandas implementation would; object Decimals
would be far slower still). All three convert the amounts into CNY at query time, each deal at
the rate of its day from the store's ``fx_rates`` (as ``metrics.common.converted`` does).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import pyarrow as pa

TARGET = "CNY"
_CUR = {"currency": TARGET}
# (label, metric, request) — every metric the report shows.
REPORT: list[tuple[str, str, dict[str, Any]]] = [
    ("deals by year", "deals", {"by": ["year"], **_CUR}),
    ("ytd Jan–Jul", "ytd", {"params": {"through": "07-31"}, **_CUR}),
    ("shares by province", "shares", {"by": ["province"], **_CUR}),
    ("shares by city", "shares", {"by": ["city"], **_CUR}),
    ("shares by cluster", "shares", {"by": ["cluster"], **_CUR}),
    ("concentration province", "concentration", {"by": ["province"], **_CUR}),
    ("segments by sector", "segments", {"by": ["sector"], **_CUR}),
    ("segments by layer", "segments", {"by": ["chain_layer"], **_CUR}),
    ("stage mix", "stage_mix", _CUR),
    ("deal size by year", "deal_size", {"by": ["year"], **_CUR}),
    ("growth", "growth", _CUR),
    ("cagr", "cagr", _CUR),
    ("cohorts", "cohorts", _CUR),
]
# The deals with their amounts converted into TARGET at query time, under the names the queries
# below use (cny_*): the rate of each deal's day, crossed through EUR (metrics.common.converted).
_CONVERTED = f"""(
    SELECT d.deal_date, d.round, d.amount_kind, d.amount_qualifier, d.disclosed, d.company_key,
        d.province, d.city, d.cluster, d.sector, d.chain_layer,
        CASE WHEN d.currency = '{TARGET}' THEN 1 ELSE x.rate END AS r_,
        d.amount_value * r_ AS cny_value, d.amount_low * r_ AS cny_low,
        d.amount_high * r_ AS cny_high
    FROM deals d LEFT JOIN (
        SELECT b.currency, b.day, CAST(q.per_eur * b.eur_per AS DECIMAL(38, 12)) AS rate
        FROM fx_rates b JOIN fx_rates q ON q.day = b.day AND q.currency = '{TARGET}'
        WHERE b.currency IN (SELECT DISTINCT currency FROM deals WHERE currency <> '{TARGET}')
    ) x ON x.currency = d.currency AND x.day = d.deal_date
)"""

_AMOUNTS = """
WITH a AS (
    SELECT *,
        CASE WHEN amount_qualifier = 'exact' THEN cny_value END AS x_exact,
        CASE WHEN cny_low IS NOT NULL THEN cny_low ELSE cny_value END AS x_low,
        CASE WHEN cny_high IS NOT NULL THEN cny_high ELSE cny_value END AS x_high,
        CASE WHEN cny_low IS NOT NULL AND cny_high IS NOT NULL
             THEN cny_low + cny_high ELSE cny_value + cny_value END AS x_mid2
    FROM deals
)
"""
_AS_OF = "SELECT max(deal_date) AS as_of FROM deals"


def _mid(name: str) -> str:
    """The sum of doubled midpoints, halved into the midpoint sum (common.mid_sum)."""
    return f"sum(x_mid2) AS {name}__x2"


_N_MID = "count(x_mid2)"
# deal size in two levels, as metrics.sizes: amount classes, then per measure its count, exact
# sum and the two middle amounts by the running count of deals
_MEASURE_X = {
    "exact": "CASE WHEN amount_qualifier = 'exact' THEN cny_value END",
    "low": "CASE WHEN cny_low IS NOT NULL THEN cny_low ELSE cny_value END",
    "high": "CASE WHEN cny_high IS NOT NULL THEN cny_high ELSE cny_value END",
    "mid": "CASE WHEN cny_low IS NOT NULL AND cny_high IS NOT NULL"
    " THEN cny_low + cny_high ELSE cny_value + cny_value END",
}
_DEAL_SIZE = (
    """WITH c AS (
    SELECT year(deal_date) AS year, amount_kind, amount_qualifier, cny_value, cny_low, cny_high,
        count(*) AS n
    FROM deals GROUP BY ALL
), x AS (
"""
    + "\n    UNION ALL ".join(
        f"SELECT year, '{m}' AS measure, {x} AS x, n FROM c" for m, x in _MEASURE_X.items()
    )
    + """
), v AS (
    SELECT year, measure, x, sum(n) AS n FROM x WHERE x IS NOT NULL GROUP BY ALL
), w AS (
    SELECT *, sum(n) OVER (PARTITION BY year, measure ORDER BY x
            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS before,
        sum(n) OVER (PARTITION BY year, measure) AS all_
    FROM v
)
SELECT year, measure, sum(n) AS n, sum(x * n) AS total,
    min(x) FILTER (WHERE 2 * before >= all_) AS lower,
    min(x) FILTER (WHERE 2 * before > all_) AS upper
FROM w GROUP BY ALL
UNION ALL
SELECT year, 'kind:' || amount_kind, sum(n), NULL, NULL, NULL
FROM c GROUP BY ALL"""
)
_YEARLY = (
    _AMOUNTS + "SELECT year(deal_date) AS year, count(*) AS deals,"
    f" sum(x_exact) AS amount_exact, {_mid('amount_mid')} FROM a"
    " WHERE deal_date IS NOT NULL GROUP BY 1"
)
_WINDOW = "(month(deal_date) < 7 OR (month(deal_date) = 7 AND day(deal_date) <= 31))"
# deals by period in two levels, as metrics.timeseries.deal_aggregates: per amount class first
_BY_CLASS = """WITH p AS (
    SELECT year(deal_date) AS year, amount_kind AS kind, disclosed,
        coalesce(amount_qualifier = 'exact', false) AS exact,
        cny_low IS NOT NULL AS has_low, cny_high IS NOT NULL AS has_high,
        count(*) AS n, count(cny_value) AS n_value,
        sum(cny_value) AS value, sum(cny_low) AS low, sum(cny_high) AS high
    FROM deals GROUP BY ALL
)
SELECT year, sum(n) AS deals,
    sum(CASE WHEN disclosed THEN n ELSE 0 END) AS disclosed,
    sum(CASE WHEN kind = 'undisclosed' THEN n ELSE 0 END) AS undisclosed,
    sum(CASE WHEN kind = 'unparsed' THEN n ELSE 0 END) AS unparsed,
    sum(value) FILTER (WHERE exact) AS amount_exact,
    sum(CASE WHEN exact THEN n_value ELSE 0 END) AS n_exact,
    sum(CASE WHEN has_low THEN low ELSE value END) AS amount_low,
    sum(CASE WHEN has_low THEN n ELSE n_value END) AS n_low,
    sum(CASE WHEN has_high THEN high ELSE value END) AS amount_high,
    sum(CASE WHEN has_high THEN n ELSE n_value END) AS n_high,
    sum(CASE WHEN has_low AND has_high THEN low + high ELSE value + value END) AS amount_mid__x2,
    sum(CASE WHEN has_low AND has_high THEN n ELSE n_value END) AS n_mid
FROM p GROUP BY 1"""


def _group(dim: str, companies: bool = False) -> str:
    extra = ", coalesce(bit_count(bitstring_agg(company_key)), 0) AS companies" if companies else ""
    return (
        _AMOUNTS + f"SELECT {dim}, count(*) AS deals, {_mid('amount_mid')},"
        f" {_N_MID} AS n_mid{extra} FROM a GROUP BY 1"
    )


_RAW_SQL: dict[str, dict[str, str]] = {
    "deals by year": {"rows": _BY_CLASS, "as_of": _AS_OF},
    "ytd Jan–Jul": {
        "rows": f"""WITH p AS (
            SELECT year(deal_date) AS year, coalesce({_WINDOW}, false) AS w,
                cny_low IS NOT NULL AND cny_high IS NOT NULL AS both_, count(*) AS n,
                sum(cny_low + cny_high) AS lh, sum(cny_value) AS value
            FROM deals GROUP BY ALL
        ), c AS (
            SELECT *, CASE WHEN both_ THEN lh ELSE value + value END AS x2 FROM p
        )
        SELECT year, sum(CASE WHEN w THEN n ELSE 0 END) AS deals_ytd, sum(n) AS deals_full_year,
            sum(x2) FILTER (WHERE w) AS amount_mid_ytd__x2, sum(x2) AS amount_mid_full_year__x2
        FROM c WHERE year IS NOT NULL GROUP BY 1""",
        "as_of": _AS_OF,
    },
    "shares by province": {"rows": _group("province")},
    "shares by city": {"rows": _group("city")},
    "shares by cluster": {"rows": _group("cluster")},
    "concentration province": {"rows": _group("province")},
    "segments by sector": {"rows": _group("sector", companies=True)},
    "segments by layer": {"rows": _group("chain_layer", companies=True)},
    "stage mix": {
        "rows": _AMOUNTS + "SELECT year(deal_date) AS year, round, count(*) AS deals,"
        f" {_mid('amount_mid')} FROM a GROUP BY 1, 2",
    },
    "deal size by year": {"rows": _DEAL_SIZE},
    "growth": {"rows": _YEARLY, "as_of": _AS_OF},
    "cagr": {"rows": _YEARLY, "as_of": _AS_OF},
    "cohorts": {
        "companies": """SELECT year(founded) AS founded_year, count(*) AS companies
            FROM companies GROUP BY 1""",
        "deals": _AMOUNTS
        + f"""SELECT year(c.founded) AS founded_year,
            count(*) FILTER (WHERE a.company_key IS NULL) AS unfunded,
            count(a.company_key) AS deals, {_mid("amount_mid")}
            FROM companies c LEFT JOIN a ON a.company_key = c.company_key GROUP BY 1""",
    },
}


RAW_SQL = {
    label: {k: q.replace("FROM deals", f"FROM {_CONVERTED} AS deals") for k, q in queries.items()}
    for label, queries in _RAW_SQL.items()
}


# --- pandas ---------------------------------------------------------------------------------

DEAL_COLUMNS = """deal_date, round, amount_kind, amount_qualifier, disclosed, company_key,
    province, city, cluster, sector, chain_layer, currency,
    CAST(amount_value AS DOUBLE) AS amount_value, CAST(amount_low AS DOUBLE) AS amount_low,
    CAST(amount_high AS DOUBLE) AS amount_high"""
# Every currency's rate into TARGET per day (pandas joins its deals to these per metric).
RATES = f"""SELECT b.currency, b.day AS deal_date,
    CAST(CAST(q.per_eur * b.eur_per AS DECIMAL(38, 12)) AS DOUBLE) AS rate
    FROM fx_rates b JOIN fx_rates q ON q.day = b.day AND q.currency = '{TARGET}'"""


def convert(df: pd.DataFrame, rates: pd.DataFrame) -> pd.DataFrame:
    """``df`` with ``cny_value/low/high``: its amounts × the rate of each deal's day."""
    j = df.merge(rates, on=["currency", "deal_date"], how="left")
    rate = j["rate"].where(j["currency"] != TARGET, 1.0)
    for part in ("value", "low", "high"):
        j[f"cny_{part}"] = j[f"amount_{part}"] * rate
    return j


def _amounts(df: pd.DataFrame) -> pd.DataFrame:
    value, low, high = df["cny_value"], df["cny_low"], df["cny_high"]
    return pd.DataFrame(
        {
            "x_exact": value.where(df["amount_qualifier"] == "exact"),
            "x_low": low.fillna(value),
            "x_high": high.fillna(value),
            "x_mid": ((low + high) / 2).where(low.notna() & high.notna(), value),
        }
    )


def _year(s: pd.Series) -> pd.Series:
    return s.dt.year.astype("Int32")


def _as_of(df: pd.DataFrame) -> pa.Table:
    return pa.table({"as_of": pa.array([df["deal_date"].max().date()], pa.date32())})


def _arrow(frame: pd.DataFrame) -> pa.Table:
    """The frame as Arrow, float amounts as decimals (what the shared finish step expects)."""
    table = pa.Table.from_pandas(frame.reset_index(), preserve_index=False)
    for i, field in enumerate(table.schema):
        if pa.types.is_floating(field.type):
            col = table.column(i).cast(pa.decimal128(38, 6), safe=False)
            table = table.set_column(i, field.name, col)
    return table


def _sum(g: Any, col: str) -> pd.Series:
    """A grouped sum that is null (not 0) for a group without values, like SQL's SUM."""
    return g[col].sum(min_count=1)


def pd_deals_by_year(df: pd.DataFrame, companies: pd.DataFrame) -> dict[str, pa.Table]:
    a = _amounts(df)
    kind = df["amount_kind"]
    a["disclosed"] = df["disclosed"].astype("int64")
    a["undisclosed"] = (kind == "undisclosed").astype("int64")
    a["unparsed"] = (kind == "unparsed").astype("int64")
    g = a.groupby(_year(df["deal_date"]).rename("year"), dropna=False)
    cols: dict[str, pd.Series] = {"deals": g.size()}
    for c in ("disclosed", "undisclosed", "unparsed"):
        cols[c] = g[c].sum()
    for m in ("exact", "low", "high", "mid"):
        cols[f"amount_{m}"] = _sum(g, f"x_{m}")
        cols[f"n_{m}"] = g[f"x_{m}"].count()
    return {"rows": _arrow(pd.DataFrame(cols)), "as_of": _as_of(df)}


def pd_ytd(df: pd.DataFrame, companies: pd.DataFrame) -> dict[str, pa.Table]:
    d = df["deal_date"]
    window = (d.dt.month < 7) | ((d.dt.month == 7) & (d.dt.day <= 31))
    a = _amounts(df)
    frame = pd.DataFrame(
        {
            "year": _year(d),
            "w": window.astype("int64"),
            "mid": a["x_mid"],
            "mid_w": a["x_mid"].where(window),
        }
    )
    g = frame.dropna(subset=["year"]).groupby("year")
    rows = pd.DataFrame(
        {
            "deals_ytd": g["w"].sum(),
            "amount_mid_ytd": _sum(g, "mid_w"),
            "deals_full_year": g.size(),
            "amount_mid_full_year": _sum(g, "mid"),
        }
    )
    return {"rows": _arrow(rows), "as_of": _as_of(df)}


def _pd_group(dim: str, companies: bool = False) -> Callable[..., dict[str, pa.Table]]:
    def run(df: pd.DataFrame, _companies: pd.DataFrame) -> dict[str, pa.Table]:
        a = _amounts(df)
        a[dim] = df[dim]
        if companies:
            a["company_key"] = df["company_key"]
        g = a.groupby(dim, dropna=False)
        cols = {"deals": g.size(), "amount_mid": _sum(g, "x_mid"), "n_mid": g["x_mid"].count()}
        if companies:
            cols["companies"] = g["company_key"].nunique()
        return {"rows": _arrow(pd.DataFrame(cols))}

    return run


def pd_stage_mix(df: pd.DataFrame, companies: pd.DataFrame) -> dict[str, pa.Table]:
    a = _amounts(df)
    a["year"], a["round"] = _year(df["deal_date"]), df["round"]
    g = a.groupby(["year", "round"], dropna=False)
    return {"rows": _arrow(pd.DataFrame({"deals": g.size(), "amount_mid": _sum(g, "x_mid")}))}


def pd_deal_size(df: pd.DataFrame, companies: pd.DataFrame) -> dict[str, pa.Table]:
    a = _amounts(df)
    year = _year(df["deal_date"]).rename("year")
    g = a.groupby(year, dropna=False)
    kinds = df.groupby([year, df["amount_kind"]], dropna=False).size().rename("n").reset_index(1)
    kinds["measure"] = "kind:" + kinds.pop("amount_kind")
    parts = [kinds]
    for m in ("exact", "low", "high", "mid"):
        # the shared finish step takes the median as the mean of the two middle values and
        # those of midpoints doubled (see metrics.sizes)
        times = 2 if m == "mid" else 1
        median = g[f"x_{m}"].median() * times
        stats = {"n": g[f"x_{m}"].count(), "total": _sum(g, f"x_{m}") * times}
        parts.append(pd.DataFrame({"measure": m, **stats, "lower": median, "upper": median}))
    return {"rows": _arrow(pd.concat(parts))}


def pd_yearly(df: pd.DataFrame, companies: pd.DataFrame) -> dict[str, pa.Table]:
    a = _amounts(df)
    a["year"] = _year(df["deal_date"])
    g = a.dropna(subset=["year"]).groupby("year")
    rows = pd.DataFrame(
        {"deals": g.size(), "amount_mid": _sum(g, "x_mid"), "amount_exact": _sum(g, "x_exact")}
    )
    return {"rows": _arrow(rows), "as_of": _as_of(df)}


def pd_cohorts(df: pd.DataFrame, companies: pd.DataFrame) -> dict[str, pa.Table]:
    year = _year(companies["founded"]).rename("founded_year")
    # a semi-join by merge (Series.isin was ~50x slower on the former text ids)
    ids = df["company_key"].drop_duplicates().to_frame().assign(funded=1)
    funded = companies[["company_key"]].merge(ids, on="company_key", how="left")["funded"]
    c = pd.DataFrame({"funded": funded.fillna(0).astype("int64").to_numpy()}).groupby(
        year.to_numpy(), dropna=False
    )
    per_year = pd.DataFrame({"companies": c.size(), "funded": c["funded"].sum()})
    per_year.index = per_year.index.rename("founded_year")
    a = _amounts(df)
    a["company_key"] = df["company_key"]
    j = a.merge(
        pd.DataFrame({"company_key": companies["company_key"], "founded_year": year}),
        on="company_key",
    )
    g = j.groupby("founded_year", dropna=False)
    deals = pd.DataFrame({"deals": g.size(), "amount_mid": _sum(g, "x_mid")})
    # the shared finish step takes funded = companies − unfunded (see metrics.cohorts)
    deals = (per_year["companies"] - per_year["funded"]).rename("unfunded").to_frame().join(deals)
    deals["deals"] = deals["deals"].fillna(0).astype("int64")
    return {"companies": _arrow(per_year), "deals": _arrow(deals)}


_PANDAS: dict[str, Callable[[pd.DataFrame, pd.DataFrame], dict[str, pa.Table]]] = {
    "deals by year": pd_deals_by_year,
    "ytd Jan–Jul": pd_ytd,
    "shares by province": _pd_group("province"),
    "shares by city": _pd_group("city"),
    "shares by cluster": _pd_group("cluster"),
    "concentration province": _pd_group("province"),
    "segments by sector": _pd_group("sector", companies=True),
    "segments by layer": _pd_group("chain_layer", companies=True),
    "stage mix": pd_stage_mix,
    "deal size by year": pd_deal_size,
    "growth": pd_yearly,
    "cagr": pd_yearly,
    "cohorts": pd_cohorts,
}


def _converting(
    fn: Callable[[pd.DataFrame, pd.DataFrame], dict[str, pa.Table]],
) -> Callable[[pd.DataFrame, pd.DataFrame, pd.DataFrame], dict[str, pa.Table]]:
    return lambda deals, companies, rates: fn(convert(deals, rates), companies)


PANDAS = {label: _converting(fn) for label, fn in _PANDAS.items()}

assert set(RAW_SQL) == set(PANDAS) == {label for label, _, _ in REPORT}
