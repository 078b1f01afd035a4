"""Any CSV/TSV/XLSX/JSON-lines deal export, described by a small TOML mapping (see README).

The mapping names which column holds which deal field, the date format, the default currency,
the language of the text, the default country, and columns never to store.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sectorlens.errors import UsageError
from sectorlens.sources.base import Adapter, Batch, blank, opts
from sectorlens.sources.chunk import Chunk, Progress
from sectorlens.sources.columns import Flags, company_key, deal_table, pick
from sectorlens.sources.normalize import Classified, Located
from sectorlens.sources.readers import FileInfo, open_table

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
    }
)


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
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    return {"source": source, "columns": columns, "sha": digest, "path": str(path)}


class GenericAdapter(Adapter):
    """Deals from any table, as a mapping says."""

    name = "generic"

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
        return header, rows

    def personal_columns(self, header: Sequence[str]) -> frozenset[str]:
        """The mapping's ``drop`` list."""
        return frozenset(self._spec["source"].get("drop", ())) & set(header)

    def transform(self, chunk: Chunk) -> Batch:
        """One row → one deal."""
        norm, batch = self.norm, Batch(chunk)
        cols, src = self._spec["columns"], self._spec["source"]

        def cells(field: str) -> Sequence[str]:
            column = cols.get(field)
            return pick(chunk.text(column), rows) if column else [""] * count

        every = chunk.text(cols["company_name"])
        missing = [i for i, n in enumerate(every) if blank(n)]
        batch.reject(missing, "missing_name", f"no value in {cols['company_name']!r}")
        rows = batch.kept()
        batch.deal_rows = list(range(len(chunk))) if rows is None else rows
        count = len(batch.deal_rows)
        names = pick(every, rows)
        date_raw, amount_raw = cells("deal_date"), cells("amount")
        default = src.get("default_currency")
        currency = [c or default or None for c in cells("currency")]
        places = norm.places(
            list(zip(cells("place"), cells("country"), strict=True)), self._locate, kind=self.label
        )
        flags: Flags = {}
        for j, located in places.where("multi", _multi):
            flags[batch.deal_rows[j]] = [f"multi_place:{located.named}"]
        ids = [c or n for c, n in zip(cells("company_id"), names, strict=True)]
        batch.deals = deal_table(
            norm,
            chunk,
            rows,
            source=self.label,
            company_id=norm.each(f"company:{self.label}", ids, self._key),
            company_name=names,
            date_raw=date_raw,
            dates=norm.days(date_raw, date_format=src.get("date_format")),
            round_raw=[v or None for v in cells("round")],
            amount_raw=amount_raw,
            amounts=norm.moneys(amount_raw, currency),
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
