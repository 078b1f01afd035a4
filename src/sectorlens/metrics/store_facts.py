"""What compiled plans need to know of a store, read once per store state with plain SQL.

:class:`StoreFacts` holds the metric tables' schemas, the currencies of the rate table and of
the deals, and the default currency per scope. For a store file they are kept on disk beside
the plans, under a *token* of the file's state (path, size, modification time, and its WAL's):
any write to the store changes the token, so the facts and the plans that depend on the store
state are read again. An in-memory store has no token: its facts are read per connection.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sectorlens.metrics.engine import METRIC_TABLES
from sectorlens.metrics.plan_cache import write_atomic

if TYPE_CHECKING:
    import duckdb
    import ibis.expr.types as ir

    from sectorlens.metrics.engine import Engine

CACHE_ENV = "SECTORLENS_CACHE"
FACTS_FORMAT = 1
KEPT = "sl_kept"  # compiled SQL names kept tables "sl_kept"."main"."k_…"; run: sl_kept_<token>
TABLES = METRIC_TABLES  # the tables metric builders read (sources among them)


def query_cache_dir() -> Path | None:
    """Where compiled plans are kept: ``$SECTORLENS_CACHE/queries`` (``off`` disables) or the
    per-user cache folder."""
    env = os.environ.get(CACHE_ENV)
    if env is not None:
        if env.strip().lower() in {"", "off", "0", "no"}:
            return None
        return Path(env).expanduser() / "queries"
    import platformdirs

    return Path(platformdirs.user_cache_dir("sectorlens")) / "queries"


@dataclass
class StoreFacts:
    """A store's schemas and currencies (see the module docstring)."""

    token: str | None
    schema: dict[str, list[tuple[str, str, bool]]]
    currency_list: list[str]
    deal_currency_list: list[str]
    defaults: dict[str, str] = field(default_factory=dict)  # repr(scope) → currency
    path: Path | None = None  # where these facts are kept on disk
    cubes: bool = False  # plans may read kept cubes (a long-lived reader: see metrics.cube)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)
    _kept_lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)
    _kept_sql: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    _kept_built: set[str] = field(default_factory=set, repr=False, compare=False)

    @property
    def persistent(self) -> bool:
        """Whether plans that depend on this store state may be kept on disk."""
        return self.path is not None

    @functools.cached_property
    def schema_hash(self) -> str:
        """A hash of the tables' columns and types (the schema is read once: never changes)."""
        text = json.dumps(self.schema, sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def currencies(self) -> list[str]:
        """The currencies the store's ``fx_rates`` can convert into."""
        return self.currency_list

    def deal_currencies(self) -> list[str]:
        """The currencies the store's deals are stated in."""
        return self.deal_currency_list

    def default_for(self, scope_key: str) -> str | None:
        """The default currency found earlier for a scope (by its repr)."""
        with self._lock:
            return self.defaults.get(scope_key)

    def remember_default(self, scope_key: str, currency: str) -> None:
        """Keep a scope's default currency (on disk too, for a store file)."""
        with self._lock:
            self.defaults[scope_key] = currency
        self.save()

    def save(self) -> None:
        """Write the facts beside the plans (nothing for an in-memory store)."""
        if self.path is None:
            return
        with self._lock:
            doc = {
                "format": FACTS_FORMAT,
                "token": self.token,
                "schema": self.schema,
                "currencies": self.currency_list,
                "deal_currencies": self.deal_currency_list,
                "defaults": dict(self.defaults),
            }
        write_atomic(self.path, json.dumps(doc, ensure_ascii=False))

    def ibis_engine(self, con: duckdb.DuckDBPyConnection, *, keep: bool = True) -> CompileEngine:
        """An Ibis engine over ``con`` that reads schemas and currencies from these facts
        (``keep``: it may name kept tables, see :meth:`build_kept`)."""
        return CompileEngine(con, self, keep=keep and self.token is not None)

    @property
    def kept_catalog(self) -> str:
        """The in-memory database holding this store state's kept tables."""
        return f"{KEPT}_{self.token}"

    def bind_kept(self, sql: str) -> str:
        """``sql`` naming this store state's kept tables (compiled SQL names no state)."""
        return sql.replace(f'"{KEPT}".', f'"{self.kept_catalog}".')

    def kept_sql(self, name: str, make: Callable[[], str]) -> str:
        """The SQL of kept table ``name`` (``make()`` the first time it is asked for)."""
        with self._kept_lock:
            found = self._kept_sql.get(name)
        if found is None:
            found = make()
            with self._kept_lock:
                self._kept_sql[name] = found
        return found

    def build_kept(
        self,
        con: duckdb.DuckDBPyConnection,
        kept: Sequence[tuple[str, str]],
        *,
        again: bool = False,
    ) -> None:
        """Materialize the kept tables ``kept`` (name, compiled SQL; in dependency order) for
        this store state, where they are not yet: in an in-memory database attached to ``con``'s
        DuckDB (shared by its cursors, writable even beside a read-only store). Kept tables of
        other store states are dropped with their database. Tables built earlier by these facts
        are taken as there unless ``again`` (a query did not find them)."""
        if self.token is None:
            raise ValueError(
                "kept tables need a store file (an in-memory store has no state token)"
            )
        cat = self.kept_catalog
        with self._kept_lock:
            if again:
                self._kept_built.clear()
            if all(name in self._kept_built for name, _ in kept):
                return
            # on a cursor of its own: a server's time limit interrupts the request's cursor,
            # never a build every later request of this store state needs
            con = con.cursor()
            try:
                self._build(con, cat, kept)
            finally:
                con.close()

    def _build(
        self, con: duckdb.DuckDBPyConnection, cat: str, kept: Sequence[tuple[str, str]]
    ) -> None:
        """:meth:`build_kept`'s work, under its lock."""
        attached = [
            str(name)
            for (name,) in con.execute(
                "SELECT database_name FROM duckdb_databases() WHERE starts_with(database_name, ?)",
                [f"{KEPT}_"],
            ).fetchall()
        ]
        for old in attached:
            if old != cat:
                con.execute(f'DETACH DATABASE IF EXISTS "{old}"')
        if cat not in attached:
            con.execute(f"ATTACH IF NOT EXISTS ':memory:' AS \"{cat}\" (READ_WRITE)")
        for name, sql in kept:
            con.execute(
                f'CREATE TABLE IF NOT EXISTS "{cat}"."main"."{name}" AS {self.bind_kept(sql)}'
            )
            self._kept_built.add(name)


def store_token(con: duckdb.DuckDBPyConnection) -> tuple[Path | None, str | None]:
    """The store file of ``con`` and a token of its state (None for an in-memory store)."""
    rows = con.execute(
        "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchall()
    if not rows or not rows[0][0]:
        return None, None
    path = Path(rows[0][0]).resolve()
    parts = [str(path)]
    for p in (path, path.with_name(path.name + ".wal")):
        try:
            st = p.stat()
        except OSError:
            parts.append("-")
            continue
        parts.append(f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}")
    return path, hashlib.sha256("|".join(parts).encode()).hexdigest()[:24]


def load_facts(con: duckdb.DuckDBPyConnection, folder: Path | None) -> StoreFacts:
    """The facts of ``con``'s store: from the cache folder when the store has not changed
    since they were read, else read now (and kept there)."""
    store, token = store_token(con)
    path = None
    if store is not None and folder is not None:
        name = hashlib.sha256(str(store).encode()).hexdigest()[:24]
        path = folder / f"store-{name}.json"
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
            if doc.get("format") == FACTS_FORMAT and doc.get("token") == token:
                tables = doc["schema"].items()
                return StoreFacts(
                    token,
                    {t: [(c, ty, bool(n)) for c, ty, n in cols] for t, cols in tables},
                    list(doc["currencies"]),
                    list(doc["deal_currencies"]),
                    dict(doc.get("defaults") or {}),
                    path,
                )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass
    facts = read_facts(con, token)
    facts.path = path
    facts.save()
    return facts


def read_facts(con: duckdb.DuckDBPyConnection, token: str | None) -> StoreFacts:
    """Read the facts from the store with plain SQL (refusing deals without their midpoint)."""
    from sectorlens.store.keys import check_mid_amounts

    rows = con.execute(
        "SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns "
        "WHERE table_schema = 'main' AND table_name IN (SELECT unnest(?)) "
        "ORDER BY table_name, ordinal_position",
        [list(TABLES)],
    ).fetchall()
    schema: dict[str, list[tuple[str, str, bool]]] = {}
    for table, column, typ, nullable in rows:
        schema.setdefault(table, []).append((column, typ, nullable == "YES"))

    def distinct(table: str) -> list[str]:
        if table not in schema:
            return []
        found = con.execute(f"SELECT DISTINCT currency FROM {table}").fetchall()
        return sorted(str(c) for (c,) in found if c)

    check_mid_amounts(con)
    return StoreFacts(token, schema, distinct("fx_rates"), distinct("deals"))


class CompileEngine:
    """The Ibis engine plans are compiled with: tables from the facts' schemas (no catalog
    query), currencies from the facts; ``read_store`` says whether the build ran a query."""

    name = "duckdb"

    def __init__(
        self, con: duckdb.DuckDBPyConnection, facts: StoreFacts, *, keep: bool = False
    ) -> None:
        from sectorlens.metrics.engine import from_duckdb

        self.con = con
        self.facts = facts
        self.read_store = False
        # filter-free tables the expressions read as kept tables: name → expression
        self.kept: dict[str, ir.Table] | None = {} if keep else None
        # expressions with the Arrow form that answers them too (see arrow_forms)
        self.forms: list[tuple[ir.Table, dict[str, Any]]] | None = [] if keep else None
        self.cubes = keep and facts.cubes  # whether counts and sums read kept cubes
        self._engine: Engine = from_duckdb(con)
        self._tables: dict[str, ir.Table] = {}

    @property
    def backend(self) -> Any:
        """The Ibis backend under this engine."""
        return self._engine.backend

    def table(self, name: str) -> ir.Table:
        """The store table ``name`` as an Ibis table (its schema from the facts)."""
        if name not in self._tables:
            columns = self.facts.schema.get(name)
            if columns is None:
                self._tables[name] = self._engine.table(name)
            else:
                import ibis
                from ibis.backends.sql.datatypes import DuckDBType

                types = {c: DuckDBType.from_string(t, nullable=n) for c, t, n in columns}
                self._tables[name] = ibis.table(ibis.schema(types), name=name)
        return self._tables[name]

    @property
    def keeps(self) -> bool:
        """Whether this engine reads filter-free tables as kept ones (see :meth:`keep`)."""
        return self.kept is not None

    def keep(self, key: tuple[str, ...], expr: ir.Table) -> ir.Table:
        """``expr`` as a kept table, materialized once per store state (see
        :meth:`StoreFacts.build_kept`), or ``expr`` itself where this engine keeps none."""
        if self.kept is None:
            return expr
        import ibis

        name = "k_" + hashlib.sha256(json.dumps(key).encode()).hexdigest()[:20]
        self.kept.setdefault(name, expr)
        return ibis.table(expr.schema(), name=name, catalog=KEPT, database="main")

    def currencies(self) -> list[str]:
        """The rate table's currencies."""
        return self.facts.currencies()

    def deal_currencies(self) -> list[str]:
        """The deals' currencies."""
        return self.facts.deal_currencies()

    def execute(self, expr: ir.Table) -> Any:
        """Run ``expr`` now (the plan then holds for this store state only)."""
        self.read_store = True
        return self._engine.execute(expr)
