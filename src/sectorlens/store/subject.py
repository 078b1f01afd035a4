"""A data set's ``subject.yaml``: what the report is about, its scope, currencies and sections.

The keys each file of a data set may hold are listed here (``SCHEMA``) and in
``docs/dataset.md``; a test keeps the two the same. An unknown key is a load error naming the
file, the line and the key.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sectorlens.errors import InputError
from sectorlens.subjects import (
    CLUSTER_KEYS,
    bundled_subjects,
    default_subject,
    display_names,
    generic_places,
    merge_places,
    subject_places,
    where,
)

LANGS = ("ko", "en")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")

# The keys of every file and nested mapping of a data set (docs/dataset.md lists the same).
SCHEMA: dict[str, tuple[str, ...]] = {
    "subject.yaml": (
        *("id", "title", "subtitle", "intro", "base_source", "scope", "currency"),
        *("home_currency", "edition", "market", "sections", "compare_with"),
    ),
    "subject.yaml scope": ("countries", "sectors", "years"),
    "subject.yaml currency": LANGS,
    "sources.yaml": (
        *("source_id", "title", "title_en", "title_ko", "publisher", "published", "url"),
        *("language", "licence", "note", "note_en", "note_ko", "cite_as"),
    ),
    "policies.yaml": (
        *("policy_id", "issued", "issued_precision", "issuer", "issuer_ko", "title_zh"),
        *("title_ko", "title_en", "short_ko", "short_en", "kind", "geography", "source_id"),
        *("note", "note_ko"),
    ),
    "labels.yaml": ("metrics", "units", "geographies", "segments"),
    "sectors.yaml": ("layers", "categories", "sources"),
    "clusters.yaml": CLUSTER_KEYS,
    "prose.yaml": (
        *("prose_id", "section", "kind", "heading", "text", "source_id", "locator", "cites"),
    ),
}
# The keys of each report section kind (besides ``id``, ``kind`` and ``title``).
SECTION_KEYS: dict[str, tuple[str, ...]] = {
    "series": ("where",),
    "shares": ("breakdowns",),
    "deals_by_period": ("count", "amount"),
    "chain": ("segment_type", "layers", "columns", "extras"),
    "policies": ("facts",),
    "outlook": ("series", "compare", "progress"),
    "cross_source": ("currency", "comparisons", "context"),
    "by_source": ("where", "by", "currency", "years", "baseline"),
    "target_status": ("year", "actuals"),
    "projection": ("until", "series"),
    "changes": ("baseline", "items"),
    "equivalents": (),
    "findings": ("per_section",),
    "prose": (),
    "ingested_shares": ("where", "by", "segment_type", "top", "years", "compare"),
    "ingested_series": ("where", "years", "currency", "compare"),
    "ingested_segments": ("where", "by", "segment_type", "top", "years"),
    "ingested_deal_size": ("where", "years", "currency"),
}
SECTION_COMMON = ("id", "kind", "title")
NAME_KEYS = ("ko", "en", "zh")  # the names a sector or layer of sectors.yaml may have


@dataclass(frozen=True, slots=True)
class Scope:
    """Which deals a subject covers: countries, and optionally sectors and years (inclusive)."""

    countries: tuple[str, ...]
    sectors: tuple[str, ...] | None = None
    years: tuple[int, int] | None = None


def check_keys(path: Path, keys: Sequence[str | int], value: Any, allowed: Sequence[str]) -> None:
    """Raise naming file:line and key when mapping ``value`` holds a key not in ``allowed``.

    Keys starting with ``x-`` are free (YAML anchors for repeated blocks live there).
    """
    if not isinstance(value, Mapping):
        return
    for key in value:
        if str(key) not in allowed and not str(key).startswith("x-"):
            raise InputError(
                f"{where(path, [*keys, str(key)])}: unknown key {key!r} "
                f"(allowed: {', '.join(allowed)})"
            )


def check_subject(path: Path, subject: Any) -> dict[str, Any]:
    """Check ``subject.yaml``'s keys, scope, currencies and section kinds; return it."""
    if not isinstance(subject, dict) or not subject.get("id") or "sections" not in subject:
        raise InputError(f"{path}: needs at least `id` and `sections`")
    check_keys(path, [], subject, SCHEMA["subject.yaml"])
    if not scope(subject, path).countries:
        raise InputError(f"{path}: needs `scope: {{countries: [..]}}` (the deals it covers)")
    currency = subject.get("currency")
    if currency is not None:
        check_keys(path, ["currency"], currency, SCHEMA["subject.yaml currency"])
        if not isinstance(currency, Mapping) or not all(
            isinstance(v, str) and _CURRENCY.match(v) for v in currency.values()
        ):
            raise InputError(
                f"{where(path, ['currency'])}: currency maps a language to an ISO currency code"
            )
    home = subject.get("home_currency")
    if home is not None and not (isinstance(home, str) and _CURRENCY.match(home)):
        raise InputError(f"{where(path, ['home_currency'])}: home_currency {home!r} is not ISO")
    from sectorlens.store.plausibility import market_wheres

    market_wheres(subject, where(path, ["market"]))
    sections = subject.get("sections")
    if not isinstance(sections, list):
        raise InputError(f"{where(path, ['sections'])}: sections must be a list")
    for n, section in enumerate(sections):
        kind = section.get("kind") if isinstance(section, dict) else None
        if kind not in SECTION_KEYS:
            raise InputError(
                f"{where(path, ['sections', n])}: section kind {kind!r} is not one of "
                f"{', '.join(SECTION_KEYS)}"
            )
        check_keys(path, ["sections", n], section, (*SECTION_COMMON, *SECTION_KEYS[kind]))
    return subject


def scope(subject: Mapping[str, Any], path: Path | None = None) -> Scope:
    """The subject's scope; a subject without one covers no country (``Scope(())``)."""
    raw = subject.get("scope")
    at = where(path, ["scope"]) if path is not None else "subject.yaml scope"
    if raw is None:
        return Scope(())
    if not isinstance(raw, Mapping):
        raise InputError(f"{at}: scope must be a mapping (countries, sectors, years)")
    if path is not None:
        check_keys(path, ["scope"], raw, SCHEMA["subject.yaml scope"])
    countries = raw.get("countries") or []
    if not isinstance(countries, list) or not all(
        isinstance(c, str) and _COUNTRY.match(c) for c in countries
    ):
        raise InputError(f"{at}: scope.countries must list ISO 3166-1 alpha-2 codes")
    sectors = raw.get("sectors")
    if sectors is not None and (
        not isinstance(sectors, list) or not all(isinstance(s, str) for s in sectors)
    ):
        raise InputError(f"{at}: scope.sectors must list sector ids")
    years = raw.get("years")
    if years is not None and (
        not isinstance(years, list)
        or len(years) != 2
        or not all(isinstance(y, int) for y in years)
        or years[0] > years[1]
    ):
        raise InputError(f"{at}: scope.years must be [first, last], e.g. [2015, 2021]")
    return Scope(
        countries=tuple(countries),
        sectors=tuple(sectors) if sectors is not None else None,
        years=(years[0], years[1]) if years is not None else None,
    )


def reader_currency(subject: Mapping[str, Any], lang: str) -> str | None:
    """The currency the report in ``lang`` gives equivalents in (None: no equivalents)."""
    currency = subject.get("currency") or {}
    value = currency.get(lang) if isinstance(currency, Mapping) else None
    return str(value) if value else None


@dataclass(frozen=True, slots=True)
class SubjectInfo:
    """A bundled subject as ``sectorlens datasets`` lists it."""

    id: str
    title: dict[str, str]
    scope: Scope
    path: Path
    default: bool


def list_subjects() -> list[SubjectInfo]:
    """The bundled subjects, each read from its ``subject.yaml``."""
    default = default_subject().name
    out = []
    for name, path in bundled_subjects().items():
        spec = check_subject(
            path / "subject.yaml", yaml.safe_load((path / "subject.yaml").read_text("utf-8"))
        )
        title = spec.get("title") or {}
        out.append(
            SubjectInfo(
                id=name,
                title={str(k): str(v) for k, v in title.items()} if isinstance(title, dict) else {},
                scope=scope(spec),
                path=path,
                default=name == default,
            )
        )
    return out


def check_sectors(path: Path, spec: Any) -> dict[str, dict[str, dict[str, str]]]:
    """Check a subject's ``sectors.yaml``; return its sector and layer ids with their names."""
    if not isinstance(spec, Mapping) or not isinstance(spec.get("categories"), Mapping):
        raise InputError(f"{path}: needs `categories` (sector id → names)")
    check_keys(path, [], spec, SCHEMA["sectors.yaml"])
    layers = spec.get("layers") or {}
    categories = spec["categories"]
    for group, allowed in (("categories", (*NAME_KEYS, "layer")), ("layers", NAME_KEYS)):
        for code, names in (spec.get(group) or {}).items():
            check_keys(path, [group, str(code)], names, allowed)
    for code, names in categories.items():
        layer = names.get("layer") if isinstance(names, Mapping) else None
        if layer is not None and layer not in layers:
            raise InputError(f"{where(path, ['categories', str(code)])}: unknown layer {layer!r}")
    for source, fields in (spec.get("sources") or {}).items():
        for fld, mapping in (fields or {}).items():
            for raw, target in (mapping or {}).items():
                code = target.get("category") if isinstance(target, Mapping) else target
                if code not in categories:
                    at = where(path, ["sources", str(source), str(fld), str(raw)])
                    raise InputError(f"{at}: {raw!r} maps to unknown sector {code!r}")
    return {
        "sector": {str(k): _names(v) for k, v in categories.items()},
        "chain_layer": {str(k): _names(v) for k, v in layers.items()},
    }


def _names(value: Any) -> dict[str, str]:
    if not isinstance(value, Mapping):
        return {}
    return {str(k): str(v) for k, v in value.items() if k in {"ko", "en", "zh"}}


def subject_world(root: Path, subject: dict[str, Any]) -> dict[str, Any]:
    """The subject's sectors (checked) and the names of the places it knows."""
    sectors: dict[str, dict[str, dict[str, str]]] = {}
    if (root / "sectors.yaml").is_file():
        sectors = check_sectors(
            root / "sectors.yaml", yaml.safe_load((root / "sectors.yaml").read_text("utf-8"))
        )
    wanted = scope(subject).sectors or ()
    unknown = [s for s in wanted if s not in sectors.get("sector", {})]
    if unknown:
        raise InputError(
            f"{where(root / 'subject.yaml', ['scope', 'sectors'])}: sectors: "
            f"{unknown[0]!r} is not a sector of sectors.yaml"
        )
    rows = merge_places(generic_places(), subject_places(root))
    kinds = {r["id"]: r["kind"] for r in rows}
    places = {k: {"kind": kinds[k], **v} for k, v in display_names(rows).items()}
    return {"sectors": sectors, "places": places}


def with_world_labels(labels: dict[str, Any], world: dict[str, Any]) -> dict[str, Any]:
    """Sector and layer names of the taxonomy under ``segments``, unless labels.yaml names them."""
    out = dict(labels)
    segments = {k: dict(v) for k, v in (out.get("segments") or {}).items()}
    for dim, names in world["sectors"].items():
        for code, name in names.items():
            segments.setdefault(dim, {}).setdefault(code, name)
    out["segments"] = segments
    return out
