"""Reading and checking a reference data set: a folder of tidy CSV/YAML files.

A data set is a folder with ``subject.yaml`` (what the report is about and its sections),
``sources.yaml``, ``observations/*.csv``, ``policies.yaml``, ``targets.csv`` and optionally
``labels.yaml``. Fields ending in ``_ko`` / ``_en`` (and ``cite_as``) are display texts: they go
to the data set's presentation record, not to table columns. Any problem is an ``InputError``
naming the file and line.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sectorlens.errors import InputError
from sectorlens.model import Observation, Policy, Qualifier, Source, Status, Target
from sectorlens.store.prose import check_prose
from sectorlens.store.refcells import (
    check_money,
    date_cell,
    decimal_cell,
    enum_cell,
    id_cell,
    read_csv,
    read_yaml,
)
from sectorlens.store.subject import (
    SCHEMA,
    check_keys,
    check_subject,
    subject_world,
    with_world_labels,
)
from sectorlens.store.subject import where as yaml_where
from sectorlens.subjects import (
    bundled_subjects,
    default_subject,
)

OBS_COLUMNS = [
    *("obs_id", "metric", "value", "low", "high", "qualifier", "unit", "currency"),
    *("period_start", "period_end", "geography", "segment_type", "segment", "status"),
    *("source_id", "cites", "locator", "equivalent_of", "as_published", "note", "note_ko"),
]
TARGET_COLUMNS = [
    *("target_id", "policy_id", "metric", "value", "qualifier", "unit", "currency"),
    *("target_date", "geography", "definition", "definition_ko", "source_id", "note", "note_ko"),
]
PRECISIONS = ("day", "month", "year")


@dataclass(frozen=True, slots=True)
class ReferenceData:
    """Everything one reference data set holds, checked."""

    dataset_id: str
    directory: Path
    sources: tuple[Source, ...]
    observations: tuple[Observation, ...]
    policies: tuple[Policy, ...]
    targets: tuple[Target, ...]
    presentation: dict[str, Any]
    sha256: str
    rows: int
    files: tuple[str, ...] = field(default=())


def bundled_dataset(subject: str | None = None) -> Path:
    """The folder of a bundled subject (default: the one a new store gets)."""
    if subject is None:
        return default_subject()
    found = bundled_subjects().get(subject)
    if found is None:
        known = ", ".join(bundled_subjects())
        raise InputError(f"no bundled subject {subject!r} (bundled: {known})")
    return found


def read_reference(directory: Path | None = None) -> ReferenceData:
    """Read and check the data set in ``directory`` (default: the bundled one)."""
    root = Path(directory) if directory is not None else bundled_dataset()
    if not (root / "subject.yaml").is_file():
        raise InputError(f"{root} is not a reference data set (no subject.yaml)")
    subject = check_subject(root / "subject.yaml", read_yaml(root / "subject.yaml"))
    labels = read_yaml(root / "labels.yaml") if (root / "labels.yaml").exists() else {}
    check_keys(root / "labels.yaml", [], labels, SCHEMA["labels.yaml"])
    text: dict[str, dict[str, dict[str, dict[str, str]]]] = {}
    cite_as: dict[str, dict[str, str]] = {}
    precision: dict[str, str] = {}

    sources = tuple(_sources(root / "sources.yaml", text, cite_as))
    source_ids = {s.source_id for s in sources}
    obs_files = sorted((root / "observations").glob("*.csv"))
    if not obs_files:
        raise InputError(f"{root / 'observations'}: no observation CSV files")
    observations: list[Observation] = []
    lines: dict[str, str] = {}
    for path in obs_files:
        observations.extend(_observations(path, source_ids, text, lines))
    _check_observation_links(observations, lines)
    policies = tuple(_policies(root / "policies.yaml", source_ids, text, precision))
    targets = tuple(
        _targets(root / "targets.csv", source_ids, {p.policy_id for p in policies}, text)
    )

    prose_path = root / "prose.yaml"
    prose = check_prose(
        prose_path,
        read_yaml(prose_path) if prose_path.exists() else None,
        source_ids,
        {str(s.get("id")) for s in subject["sections"]},
    )
    world = subject_world(root, subject)
    labels = with_world_labels(labels or {}, world)
    all_files = _data_files(root)
    presentation = {
        "subject": subject,
        "labels": labels or {},
        "text": text,
        "cite_as": cite_as,
        "issued_precision": precision,
        "places": world["places"],
        "prose": prose,
    }
    return ReferenceData(
        dataset_id=str(subject["id"]),
        directory=root,
        sources=sources,
        observations=tuple(observations),
        policies=policies,
        targets=targets,
        presentation=presentation,
        sha256=_digest(root, all_files),
        rows=len(sources) + len(observations) + len(policies) + len(targets),
        files=tuple(p.relative_to(root).as_posix() for p in all_files),
    )


def reference_digest(directory: Path | None = None) -> str:
    """The ``sha256`` that ``read_reference`` gives the data set, from its bytes alone."""
    root = Path(directory) if directory is not None else bundled_dataset()
    return _digest(root, _data_files(root))


def _data_files(root: Path) -> list[Path]:
    files = [root / "subject.yaml", root / "sources.yaml"]
    files += sorted((root / "observations").glob("*.csv"))
    files += [root / "policies.yaml", root / "targets.csv"]
    if (root / "fx_rates.csv").exists():  # rates the data set adds (store.rates)
        files.append(root / "fx_rates.csv")
    for name in ("labels.yaml", "sectors.yaml", "places.csv", "clusters.yaml", "prose.yaml"):
        if (root / name).exists():
            files.append(root / name)
    return files


def _digest(root: Path, paths: list[Path]) -> str:
    digest = hashlib.sha256()
    try:
        for path in paths:
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    except OSError as exc:
        raise InputError(f"{root}: cannot read {exc.filename}: {exc.strerror}") from exc
    return digest.hexdigest()


def _put(text: dict[str, Any], table: str, key: str, fld: str, lang: str, value: Any) -> None:
    if value not in (None, ""):
        text.setdefault(table, {}).setdefault(key, {}).setdefault(fld, {})[lang] = str(value)


def _sources(path: Path, text: dict[str, Any], cite_as: dict[str, Any]) -> Iterator[Source]:
    items = read_yaml(path)
    if not isinstance(items, list):
        raise InputError(f"{path}: must be a list of sources")
    seen: set[str] = set()
    for n, item in enumerate(items, 1):
        where = yaml_where(path, [n - 1])
        check_keys(path, [n - 1], item, SCHEMA["sources.yaml"])
        if not isinstance(item, dict) or not item.get("title"):
            raise InputError(f"{where}: needs source_id and title")
        key = id_cell(item.get("source_id"), where, seen)
        for fld in ("title", "note"):
            for lang in ("ko", "en"):
                _put(text, "sources", key, fld, lang, item.get(f"{fld}_{lang}"))
        if isinstance(item.get("cite_as"), dict):
            cite_as[key] = {str(k): str(v) for k, v in item["cite_as"].items()}
        yield Source(
            source_id=key,
            title=str(item["title"]),
            publisher=item.get("publisher"),
            published=date_cell(item.get("published"), where, "published"),
            url=item.get("url"),
            language=item.get("language"),
            licence=item.get("licence"),
            note=item.get("note"),
        )


def _observations(
    path: Path, sources: set[str], text: dict[str, Any], lines: dict[str, str]
) -> Iterator[Observation]:
    seen: set[str] = set()
    for line, row in read_csv(path, OBS_COLUMNS):
        where = f"{path}:{line}"
        key = id_cell(row["obs_id"], where, seen)
        lines.setdefault(key, where)
        value = decimal_cell(row["value"], where, "value")
        low = decimal_cell(row["low"], where, "low")
        high = decimal_cell(row["high"], where, "high")
        if value is None and low is None and high is None:
            raise InputError(f"{where}: value: no value (give value, or low and/or high)")
        if low is not None and high is not None and low > high:
            raise InputError(f"{where}: low: low {low} is above high {high}")
        if value is not None and (
            (low is not None and low > value) or (high is not None and high < value)
        ):
            raise InputError(f"{where}: value: {value} outside its bounds [{low}, {high}]")
        if not row["metric"] or not row["unit"]:
            raise InputError(f"{where}: metric and unit are required")
        check_money(row["unit"], row["currency"], where)
        start = date_cell(row["period_start"], where, "period_start")
        end = date_cell(row["period_end"], where, "period_end")
        if (start is None) != (end is None) or (start and end and start > end):
            raise InputError(f"{where}: period {start}..{end} is not a valid interval")
        cites = tuple(c for c in row["cites"].split(";") if c)
        for sid in (row["source_id"], *cites):
            if sid not in sources:
                raise InputError(f"{where}: unknown source {sid!r}")
        _put(text, "observations", key, "note", "ko", row["note_ko"])
        yield Observation(
            obs_id=key,
            metric=row["metric"],
            value=value,
            unit=row["unit"],
            source_id=row["source_id"],
            period_start=start,
            period_end=end,
            low=low,
            high=high,
            qualifier=enum_cell(Qualifier, row["qualifier"], where),
            currency=row["currency"] or None,
            geography=row["geography"] or None,
            segment_type=row["segment_type"] or None,
            segment=row["segment"] or None,
            status=enum_cell(Status, row["status"], where),
            locator=row["locator"] or None,
            equivalent_of=row["equivalent_of"] or None,
            note=row["note"] or None,
            cites=cites,
        )


# What one observation stands for: a second row with the same slot would be picked at random
# by a section's ``where`` (the last one would win), so it is a load error.
SLOT = (
    *("metric", "period_start", "period_end", "geography", "segment_type", "segment"),
    *("status", "currency", "source_id", "locator", "equivalent_of"),
)


def _check_observation_links(observations: list[Observation], lines: dict[str, str]) -> None:
    by_id: dict[str, Observation] = {}
    for obs in observations:
        if obs.obs_id in by_id:
            raise InputError(
                f"{lines.get(obs.obs_id, '')}: obs_id: observation id {obs.obs_id!r} "
                "appears in two files"
            )
        by_id[obs.obs_id] = obs
    slots: dict[tuple[Any, ...], Observation] = {}
    for obs in observations:
        slot = tuple(getattr(obs, f) for f in SLOT)
        first = slots.setdefault(slot, obs)
        if first is not obs:
            raise InputError(
                f"{lines.get(obs.obs_id)}: {obs.obs_id!r} and {first.obs_id!r} "
                f"({lines.get(first.obs_id)}) are two observations for the same slot "
                f"({', '.join(SLOT)}): keep one, or tell them apart (e.g. by locator)"
            )
    for obs in observations:
        if obs.equivalent_of is None:
            continue
        at = lines.get(obs.obs_id, f"observation {obs.obs_id}")
        base = by_id.get(obs.equivalent_of)
        if base is None:
            raise InputError(f"{at}: equivalent_of unknown {obs.equivalent_of}")
        if base.unit != "money" or obs.unit != "money" or base.currency == obs.currency:
            raise InputError(f"{at}: equivalent_of: an equivalent is money in another currency")
        if (base.period_start, base.period_end) != (obs.period_start, obs.period_end):
            raise InputError(f"{at}: equivalent_of: equivalent of a different period")


def _policies(
    path: Path, sources: set[str], text: dict[str, Any], precision: dict[str, str]
) -> Iterator[Policy]:
    items = read_yaml(path)
    if not isinstance(items, list):
        raise InputError(f"{path}: must be a list of policies")
    seen: set[str] = set()
    for n, item in enumerate(items, 1):
        where = yaml_where(path, [n - 1])
        check_keys(path, [n - 1], item, SCHEMA["policies.yaml"])
        if not isinstance(item, dict) or not item.get("title_en"):
            raise InputError(f"{where}: needs policy_id, issued, title_en and source_id")
        key = id_cell(item.get("policy_id"), where, seen)
        issued = date_cell(item.get("issued"), where, "issued")
        if issued is None:
            raise InputError(f"{where}: no issued date")
        prec = str(item.get("issued_precision") or "day")
        if prec not in PRECISIONS:
            raise InputError(f"{where}: issued_precision must be one of {', '.join(PRECISIONS)}")
        precision[key] = prec
        if item.get("source_id") not in sources:
            raise InputError(f"{where}: unknown source {item.get('source_id')!r}")
        for fld in ("issuer", "note"):
            _put(text, "policies", key, fld, "ko", item.get(f"{fld}_ko"))
        for lang in ("ko", "en"):
            _put(text, "policies", key, "short", lang, item.get(f"short_{lang}"))
        yield Policy(
            policy_id=key,
            issued=issued,
            title_en=str(item["title_en"]),
            source_id=str(item["source_id"]),
            issuer=item.get("issuer"),
            title_zh=item.get("title_zh"),
            title_ko=item.get("title_ko"),
            kind=item.get("kind"),
            geography=item.get("geography"),
            note=item.get("note"),
        )


def _targets(
    path: Path, sources: set[str], policies: set[str], text: dict[str, Any]
) -> Iterator[Target]:
    seen: set[str] = set()
    for line, row in read_csv(path, TARGET_COLUMNS):
        where = f"{path}:{line}"
        key = id_cell(row["target_id"], where, seen)
        value = decimal_cell(row["value"], where, "value")
        if value is None and row["unit"] != "qualitative":
            raise InputError(f"{where}: a target without a value must have unit 'qualitative'")
        check_money(row["unit"], row["currency"], where)
        if row["source_id"] not in sources:
            raise InputError(f"{where}: unknown source {row['source_id']!r}")
        if row["policy_id"] and row["policy_id"] not in policies:
            raise InputError(f"{where}: unknown policy {row['policy_id']!r}")
        target_date = date_cell(row["target_date"], where, "target_date")
        if target_date is None:
            raise InputError(f"{where}: no target_date")
        for fld in ("definition", "note"):
            _put(text, "targets", key, fld, "ko", row[f"{fld}_ko"])
        yield Target(
            target_id=key,
            metric=row["metric"],
            unit=row["unit"],
            target_date=target_date,
            source_id=row["source_id"],
            value=value,
            qualifier=enum_cell(Qualifier, row["qualifier"], where),
            currency=row["currency"] or None,
            policy_id=row["policy_id"] or None,
            geography=row["geography"] or None,
            definition=row["definition"] or None,
            note=row["note"] or None,
        )
