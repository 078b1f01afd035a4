"""Any CSV/TSV/XLSX/JSON-lines deal export, described by a small TOML mapping (see README).

The mapping names which column holds which deal field, the date format, the default currency,
the language of the text, the default country, and columns never to store.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from sectorlens.errors import UsageError
from sectorlens.model import Kind, Period, Quantity
from sectorlens.parse import parse_period
from sectorlens.sources.aligned import REASON, amount_like, misaligned_rows
from sectorlens.sources.base import Adapter, Batch, Options, blank, opts
from sectorlens.sources.chunk import Chunk, Progress
from sectorlens.sources.columns import Flags, company_key, deal_table, pick
from sectorlens.sources.normalize import Classified, Located, Normalizer
from sectorlens.sources.readers import FileInfo, open_table
from sectorlens.sources.units import Unit, bare_number, header_unit, mapping_unit, scaled

FIELDS = frozenset(
    {
        "company_id",
        "company_name",
        "deal_date",
        "round",
        "amount",
        "currency",
        "investors",
        "place",
        "country",
        "sector",
        "subsector",
    }
)
SETTINGS = frozenset(
    {
        "name",
        "delimiter",
        "encoding",
        "sheet",
        "date_format",
        "default_currency",
        "language",
        "country",
        "sector_source",
        "drop",
        "period",
        "missing",
    }
)
UNIT_FIELDS = frozenset({"amount"})
UNDATED_LIMIT = 1_000_000  # undated rows remembered to find their twins (bounded memory)


def load_mapping(path: Path) -> dict[str, Any]:
    """Read and check a mapping file; UsageError says what is wrong with it."""
    try:
        spec = tomllib.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise UsageError(f"cannot read mapping {path}: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"mapping {path} is not valid TOML: {exc}") from exc
    source = spec.get("source", {})
    columns = spec.get("columns", {})
    if not isinstance(source, dict) or not isinstance(columns, dict):
        raise UsageError(f"mapping {path}: [source] and [columns] must be tables")
    if unknown := set(source) - SETTINGS:
        raise UsageError(f"mapping {path}: unknown [source] keys {sorted(unknown)}")
    if unknown := set(columns) - FIELDS:
        raise UsageError(
            f"mapping {path}: unknown fields {sorted(unknown)}; known: {sorted(FIELDS)}"
        )
    if "company_name" not in columns:
        raise UsageError(f"mapping {path}: [columns] needs at least company_name")
    if unknown := set(spec) - {"source", "columns", "units"}:
        raise UsageError(f"mapping {path}: unknown tables {sorted(unknown)}")
    units = spec.get("units", {})
    if not isinstance(units, dict) or (unknown := set(units) - UNIT_FIELDS):
        raise UsageError(f"mapping {path}: [units] may only give {sorted(UNIT_FIELDS)}")
    for field, given in units.items():
        if mapping_unit(given) is None:
            raise UsageError(f"mapping {path}: [units] {field} = {given!r} is not a unit")
    period = source.get("period")
    if period is not None and _period(str(period)) is None:
        raise UsageError(f'mapping {path}: period {period!r} is not a period (e.g. "2020")')
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    return {"source": source, "columns": columns, "units": units, "sha": digest, "path": str(path)}


def _period(text: str) -> Period | None:
    q = parse_period(text)
    return q.period if q.kind is Kind.PERIOD else None


class GenericAdapter(Adapter):
    """Deals from any table, as a mapping says."""

    name = "generic"
    _unit: Unit | None = None

    def __init__(self, norm: Normalizer, options: Options | None = None) -> None:
        super().__init__(norm, options)
        self._undated: dict[bytes, str] = {}  # undated rows of this file: key of cells → row ref

    @classmethod
    def detect(cls, header: Sequence[str], path: Path) -> bool:
        """Never chosen by ``auto``: it needs a mapping."""
        return False

    @property
    def _spec(self) -> dict[str, Any]:
        if not self.options.mapping:
            raise UsageError("the generic adapter needs a mapping file (--source MAPPING.toml)")
        return self.options.mapping

    @property
    def label(self) -> str:
        """The source_format recorded for this mapping's loads."""
        return str(self._spec["source"].get("name") or "generic")

    def fingerprint(self) -> str:
        """The mapping's content takes part in the load id."""
        return f"{self.label}:{self._spec['sha']}"

    def read(self, info: FileInfo, progress: Progress | None = None) -> Any:
        """Open with the mapping's delimiter/encoding/sheet; check the mapped columns exist."""
        src = self._spec["source"]
        header, rows = open_table(
            info.path,
            info,
            delimiter=src.get("delimiter"),
            encoding=self.options.encoding or src.get("encoding"),
            sheet=src.get("sheet"),
            progress=progress,
            chunk_rows=self.chunk_rows,
        )
        missing = [c for c in self._spec["columns"].values() if c not in header]
        if missing:
            raise UsageError(f"{info.path}: mapped columns not in the header: {missing}")
        given = self._spec.get("units", {}).get("amount")
        column = self._spec["columns"].get("amount")
        self._unit = mapping_unit(given) if given else header_unit(column) if column else None
        return header, rows

    def load_options(self) -> dict[str, Any]:
        """The unit read for amounts and the period an undated file covers."""
        out: dict[str, Any] = {}
        if self._unit is not None:
            out["amount_unit"] = self._unit.text
        period = self._spec["source"].get("period")
        if period is not None:
            out["period"] = str(period)
        return out

    def personal_columns(self, header: Sequence[str]) -> frozenset[str]:
        """The mapping's ``drop`` list."""
        return frozenset(self._spec["source"].get("drop", ())) & set(header)

    def transform(self, chunk: Chunk) -> Batch:
        """One row → one deal."""
        norm, batch = self.norm, Batch(chunk)
        cols, src = self._spec["columns"], self._spec["source"]

        missing_words = {str(w).strip().casefold() for w in src.get("missing", ())}

        def cells(field: str) -> Sequence[str]:
            column = cols.get(field)
            if not column:
                return [""] * count
            values = chunk.text_of(column, rows)
            if missing_words:
                values = ["" if v.casefold() in missing_words else v for v in values]
            return values

        every = chunk.text(cols["company_name"])
        missing = [i for i, n in enumerate(every) if blank(n)]
        batch.reject(missing, "missing_name", f"no value in {cols['company_name']!r}")
        for i, why in misaligned_rows(
            chunk, cols, self._amount_kind, self._is_amount, missing_words
        ).items():
            batch.reject([i], REASON, why)
        self._undated_twins(chunk, batch, missing_words)
        rows = batch.kept()
        batch.deal_rows = list(range(len(chunk))) if rows is None else rows
        count = len(batch.deal_rows)
        names = pick(every, rows)
        date_raw, amount_raw = cells("deal_date"), cells("amount")
        currency = [c or None for c in cells("currency")]
        period = src.get("period")
        dated = [d if not blank(d) else "" for d in date_raw]
        flags: Flags = {}
        if period is not None:  # an undated row gets the period the file covers (flagged)
            for j, d in enumerate(dated):
                if not d:
                    flags[batch.deal_rows[j]] = ["period_from_mapping"]
            dated = [d or str(period) for d in dated]
        places = norm.places(
            list(zip(cells("place"), cells("country"), strict=True)), self._locate, kind=self.label
        )
        for j, located in places.where("multi", _multi):
            flags.setdefault(batch.deal_rows[j], []).append(f"multi_place:{located.named}")
        ids = [c or n for c, n in zip(cells("company_id"), names, strict=True)]
        batch.deals = deal_table(
            norm,
            chunk,
            rows,
            source=self.label,
            company_id=norm.each(f"company:{self.label}", ids, self._key),
            company_name=names,
            date_raw=date_raw,
            dates=norm.days(dated, date_format=src.get("date_format")),
            round_raw=[v or None for v in cells("round")],
            amount_raw=amount_raw,
            amounts=norm.code(
                f"money:{self.label}", list(zip(amount_raw, currency, strict=True)), self._money
            ),
            investors=opts(cells("investors")),
            places=places,
            sectors=norm.sectors(
                list(zip(cells("sector"), cells("subsector"), strict=True)),
                self._classify,
                kind=self.label,
            ),
            flags=flags,
        )
        return batch

    def _money(self, key: tuple[str, str | None]) -> Quantity:
        """An amount cell: a bare number takes the column's unit (mapping or header)."""
        raw, given = key
        unit = self._unit
        default = self._spec["source"].get("default_currency")
        if unit is not None and bare_number(raw):
            q = self.norm.money(raw, given or unit.currency or default or "USD")
            if q.kind is Kind.MONEY:
                q = scaled(q, unit)
                if not (given or unit.currency or default):
                    q = replace(q, currency=None)  # a scale without any currency known
                return q
        return self.norm.money(raw, given or default)

    def _undated_twins(self, chunk: Chunk, batch: Batch, missing: set[str]) -> None:
        """A row without a date whose every mapped cell equals an earlier undated row's of this
        file is that row's deal again: a ``duplicate_deal`` reject naming the first row."""
        cols = self._spec["columns"]
        dated = chunk.text(cols["deal_date"]) if cols.get("deal_date") else None
        mapped = [chunk.text(c) for _, c in sorted(cols.items())]
        for i in range(len(chunk)):
            if i in batch.rejects or (dated is not None and not blank(dated[i])):
                continue
            cells = ("" if v[i].casefold() in missing else v[i] for v in mapped)
            key = hashlib.blake2b("\x1f".join(cells).encode(), digest_size=16).digest()
            first = self._undated.get(key)
            if first is None:
                if len(self._undated) < UNDATED_LIMIT:
                    self._undated[key] = chunk.refs[i]
                continue
            batch.reject(
                [i], "duplicate_deal", f"same undated deal as row {first} (every field identical)"
            )

    def _amount_kind(self, raw: str) -> Kind:
        """How the load reads an amount cell (no row currency): money, undisclosed, unparsed."""
        return self.norm.once(
            f"amount-kind:{self.label}", raw, lambda r: self._money((r, None)).kind
        )

    def _is_amount(self, text: str) -> bool:
        """Whether a cell outside the amount column holds an amount (a shifted row's)."""
        return self.norm.once(
            "amount-like", text, lambda t: amount_like(lambda x: self.norm.money(x).kind, t)
        )

    def _key(self, natural: str) -> str:
        return company_key(self.label, natural)

    def _locate(self, key: tuple[str, str]) -> Located:
        raw, country = key
        return self.norm.locate(raw, country, default=self._spec["source"].get("country"))

    def _classify(self, key: tuple[str, str]) -> Classified:
        sector, sub = key
        source = self._spec["source"].get("sector_source") or self.label
        return self.norm.classify_any(source, (sub, sector), raw=sector, sub=sub)


def _multi(located: Located) -> bool:
    return located.named > 1
