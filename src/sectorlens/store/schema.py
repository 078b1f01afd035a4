"""The DuckDB schema of the store (DESIGN.md, data model)."""

from __future__ import annotations

SCHEMA_VERSION = 5

# Amounts are DECIMAL(38, 6): exact, and wide enough for KRW totals of whole industries.
AMOUNT = "DECIMAL(38, 6)"
# Deal amounts stay in their stated currency (schema 3); metrics convert them at query time from
# ``fx_rates`` (see store.rates): units per EUR as fixed, and its inverse to 18 places.
PER_EUR = "DECIMAL(24, 10)"
EUR_PER = "DECIMAL(24, 18)"
# Columns of schema 2 that held amounts converted at ingest (dropped by the upgrade to 3).
CONVERTED_COLUMNS = (
    *(f"{c}_{p}" for c in ("cny", "usd", "krw") for p in ("value", "low", "high")),
    "cny_rate",
    "usd_rate",
    "krw_rate",
    "fx_rate_date",
    "fx_note",
)

TABLES: dict[str, str] = {
    "meta": """
        key VARCHAR PRIMARY KEY,
        value VARCHAR NOT NULL
    """,
    "loads": """
        load_id VARCHAR PRIMARY KEY,
        source_format VARCHAR NOT NULL,
        path VARCHAR NOT NULL,
        file_sha256 VARCHAR NOT NULL,
        started_at TIMESTAMP NOT NULL,
        finished_at TIMESTAMP,
        rows_read BIGINT,
        deals BIGINT,
        companies BIGINT,
        observations BIGINT,
        rejects BIGINT,
        options VARCHAR
    """,
    "sources": """
        source_id VARCHAR PRIMARY KEY,
        title VARCHAR NOT NULL,
        publisher VARCHAR,
        published DATE,
        url VARCHAR,
        language VARCHAR,
        licence VARCHAR,
        note VARCHAR,
        load_id VARCHAR
    """,
    "observations": f"""
        obs_id VARCHAR PRIMARY KEY,
        metric VARCHAR NOT NULL,
        value {AMOUNT},
        low {AMOUNT},
        high {AMOUNT},
        qualifier VARCHAR NOT NULL DEFAULT 'exact',
        unit VARCHAR NOT NULL,
        currency VARCHAR,
        period_start DATE,
        period_end DATE,
        geography VARCHAR,
        segment_type VARCHAR,
        segment VARCHAR,
        status VARCHAR NOT NULL DEFAULT 'actual',
        source_id VARCHAR NOT NULL,
        locator VARCHAR,
        equivalent_of VARCHAR,
        note VARCHAR,
        cites VARCHAR[],
        load_id VARCHAR
    """,
    "policies": """
        policy_id VARCHAR PRIMARY KEY,
        issued DATE NOT NULL,
        issuer VARCHAR,
        title_zh VARCHAR,
        title_ko VARCHAR,
        title_en VARCHAR NOT NULL,
        kind VARCHAR,
        geography VARCHAR,
        source_id VARCHAR NOT NULL,
        note VARCHAR,
        load_id VARCHAR
    """,
    "targets": f"""
        target_id VARCHAR PRIMARY KEY,
        policy_id VARCHAR,
        metric VARCHAR NOT NULL,
        value {AMOUNT},
        qualifier VARCHAR NOT NULL DEFAULT 'at_least',
        unit VARCHAR NOT NULL,
        currency VARCHAR,
        target_date DATE NOT NULL,
        geography VARCHAR,
        definition VARCHAR,
        source_id VARCHAR NOT NULL,
        note VARCHAR,
        load_id VARCHAR
    """,
    # amount_mid_x2 (deals, schema 4): twice the midpoint of the stated amount (low + high for
    # a range, value + value otherwise; null without one), in the stated currency, derived as a
    # load inserts each batch (store.load) and by store.keys.assign_company_keys with the keys
    # (so every writer that sets the keys sets it):
    # metrics sum and convert it instead of deciding the midpoint per deal on every query.
    # company_key (the last column of companies and deals): a dense integer per company_id from
    # this registry, set as each batch of a load is inserted (store.keys.keys_for), and by
    # store.keys.assign_company_keys (to be called by anything else that writes those tables).
    # Metrics count and join companies on it: an integer hashes and compares several times
    # faster than an id text.
    "company_keys": """
        company_id VARCHAR NOT NULL,
        company_key BIGINT NOT NULL
    """,
    # company_id is unique by the load's upsert (store.load: a batch's companies replace the
    # rows with their keys), not by a PRIMARY KEY: its index stayed in memory, ~67 MiB per
    # million companies, and a load of 3M companies could not commit under 256 MiB (schema 5)
    "companies": """
        company_id VARCHAR NOT NULL,
        load_id VARCHAR NOT NULL,
        row_ref VARCHAR NOT NULL,
        source_format VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        name_raw VARCHAR,
        legal_name VARCHAR,
        website VARCHAR,
        founded DATE,
        founded_raw VARCHAR,
        status VARCHAR,
        place_raw VARCHAR,
        country VARCHAR,
        region VARCHAR,
        province VARCHAR,
        city VARCHAR,
        district VARCHAR,
        cluster VARCHAR,
        sector_raw VARCHAR,
        subsector_raw VARCHAR,
        sector VARCHAR,
        chain_layer VARCHAR,
        description VARCHAR,
        flags VARCHAR[],
        company_key BIGINT
    """,
    # deal_id (<load_id>/<row_ref>) is unique by construction; a PRIMARY KEY index on it cost
    # ingest ~15% of its time, merged into the index at commit (benchmarks/ingest.py)
    "deals": f"""
        deal_id VARCHAR NOT NULL,
        load_id VARCHAR NOT NULL,
        row_ref VARCHAR NOT NULL,
        source_format VARCHAR NOT NULL,
        company_id VARCHAR,
        company_name VARCHAR,
        deal_date DATE,
        date_raw VARCHAR,
        round_raw VARCHAR,
        round VARCHAR,
        amount_raw VARCHAR,
        amount_kind VARCHAR NOT NULL,
        amount_value {AMOUNT},
        amount_low {AMOUNT},
        amount_high {AMOUNT},
        amount_qualifier VARCHAR,
        currency VARCHAR,
        disclosed BOOLEAN NOT NULL,
        amount_note VARCHAR,
        place_raw VARCHAR,
        country VARCHAR,
        region VARCHAR,
        province VARCHAR,
        city VARCHAR,
        district VARCHAR,
        cluster VARCHAR,
        sector_raw VARCHAR,
        subsector_raw VARCHAR,
        sector VARCHAR,
        chain_layer VARCHAR,
        investors VARCHAR,
        flags VARCHAR[],
        company_key BIGINT,
        amount_mid_x2 {AMOUNT}
    """,
    # one row per currency and calendar day: the rate fixed on ``fixed_on`` (≤ day)
    "fx_rates": f"""
        currency VARCHAR NOT NULL,
        day DATE NOT NULL,
        per_eur {PER_EUR} NOT NULL,
        eur_per {EUR_PER} NOT NULL,
        fixed_on DATE NOT NULL,
        source VARCHAR NOT NULL
    """,
    "rejects": """
        load_id VARCHAR NOT NULL,
        row_ref VARCHAR NOT NULL,
        reason VARCHAR NOT NULL,
        detail VARCHAR,
        raw VARCHAR NOT NULL
    """,
}


def ddl() -> list[str]:
    """The CREATE statements of every table, in dependency order."""
    return [f"CREATE TABLE IF NOT EXISTS {name} ({cols.strip()})" for name, cols in TABLES.items()]
