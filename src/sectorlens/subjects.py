"""Where subjects (data sets) are and the world they bring: places, clusters, sector taxonomies.

Plain file reading shared by ``sources`` (ingest resolves places and sectors with it) and
``store`` (a loaded subject hands its place and sector names on to metrics, report and web). The
generic gazetteer (continents, countries, subdivisions, major cities) is ``data/places.csv``;
each subject may add ``places.csv`` (more places or names), ``clusters.yaml`` (named groups of
places) and ``sectors.yaml`` (its taxonomy). Nothing here names a subject.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from sectorlens.errors import InputError

PLACE_COLUMNS = (
    "id",
    "kind",
    "parent",
    "cluster",
    "en",
    "zh",
    "zh_hant",
    "ko",
    "pinyin",
    "aliases",
)
NAME_COLUMNS = ("en", "zh", "zh_hant", "ko", "pinyin")
CLUSTER_KEYS = ("id", "country", "members", *NAME_COLUMNS, "aliases")
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

PlaceRow = dict[str, str]


def subjects_root() -> Path:
    """The folder of the bundled subjects (one data set per sub-folder)."""
    return Path(str(files("sectorlens") / "data" / "subjects"))


def bundled_subjects() -> dict[str, Path]:
    """Bundled subjects by id (the folder name), in order of their ids."""
    root = subjects_root()
    return {p.name: p for p in sorted(root.iterdir()) if (p / "subject.yaml").is_file()}


def default_subject() -> Path:
    """The bundled subject a store gets when it holds none (``data/subjects/index.yaml``)."""
    index_path = subjects_root() / "index.yaml"
    index = yaml.load(index_path.read_text("utf-8"), Loader=_YAML_LOADER) or {}
    name = str(index.get("default") or "")
    subjects = bundled_subjects()
    if name not in subjects:
        raise InputError(f"{index_path}: default subject {name!r} not found")
    return subjects[name]


def line_of(path: Path, keys: Sequence[str | int]) -> int | None:
    """The 1-based line of the YAML node at ``keys`` (mapping keys / list indexes) in ``path``."""
    try:
        node: Any = yaml.compose(path.read_text("utf-8"), Loader=yaml.SafeLoader)
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return None
    line = node.start_mark.line + 1 if node is not None else None
    for key in keys:
        if isinstance(node, yaml.MappingNode) and isinstance(key, str):
            match = next((kv for kv in node.value if kv[0].value == key), None)
            if match is None:
                return line
            line, node = match[0].start_mark.line + 1, match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def where(path: Path, keys: Sequence[str | int]) -> str:
    """``file:line`` of the YAML node at ``keys`` (``file`` when the line is unknown)."""
    line = line_of(path, keys)
    return f"{path}:{line}" if line else str(path)


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text("utf-8"), Loader=_YAML_LOADER)
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not readable YAML ({str(exc).splitlines()[0]})") from exc


def _place_rows(path: Path) -> list[PlaceRow]:
    try:
        text = path.read_text("utf-8-sig")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    reader = csv.DictReader(text.splitlines())
    if tuple(reader.fieldnames or ()) != PLACE_COLUMNS:
        raise InputError(f"{path}:1: columns must be {','.join(PLACE_COLUMNS)}")
    rows = []
    for row in reader:
        if None in row or not row.get("id") or not row.get("kind"):
            raise InputError(f"{path}:{reader.line_num}: id: a place needs id and kind")
        rows.append({k: (v or "").strip() for k, v in row.items()})
    return rows


def generic_places() -> list[PlaceRow]:
    """The package's generic gazetteer rows."""
    return _place_rows(Path(str(files("sectorlens") / "data" / "places.csv")))


def subject_places(directory: Path) -> list[PlaceRow]:
    """A subject's place additions and its clusters, as gazetteer rows (empty when none)."""
    rows = _place_rows(directory / "places.csv") if (directory / "places.csv").is_file() else []
    path = directory / "clusters.yaml"
    if not path.is_file():
        return rows
    clusters = _read_yaml(path) or []
    if not isinstance(clusters, list):
        raise InputError(f"{path}: must be a list of clusters")
    for n, item in enumerate(clusters):
        at = where(path, [n])
        if not isinstance(item, dict) or not item.get("id") or not item.get("en"):
            raise InputError(f"{at}: id: a cluster needs id, country, members and en")
        unknown = sorted(set(item) - set(CLUSTER_KEYS))
        if unknown:
            at = where(path, [n, unknown[0]])
            raise InputError(
                f"{at}: unknown key {unknown[0]!r} (allowed: {', '.join(CLUSTER_KEYS)})"
            )
        members = item.get("members") or []
        if not isinstance(members, list) or not members or not item.get("country"):
            raise InputError(f"{at}: members: cluster {item['id']} needs a country and members")
        aliases = item.get("aliases") or []
        rows.append(
            {
                "id": str(item["id"]),
                "kind": "cluster",
                "parent": str(item["country"]),
                "cluster": "",
                **{c: str(item.get(c) or "") for c in NAME_COLUMNS},
                "aliases": "|".join(str(a) for a in aliases),
            }
        )
        rows.extend(
            {"id": str(m), "kind": "", "parent": "", "cluster": str(item["id"])} for m in members
        )
    return rows


def merge_places(base: Iterable[PlaceRow], *additions: Iterable[PlaceRow]) -> list[PlaceRow]:
    """Gazetteer rows with additions: a row with a known id fills its empty fields, adds aliases
    and sets its cluster (the first addition that sets one wins); a new id is a new place."""
    merged: dict[str, PlaceRow] = {r["id"]: dict(r) for r in base}
    for rows in additions:
        for row in rows:
            old = merged.get(row["id"])
            if old is None:
                if not row.get("kind"):
                    continue  # a cluster member the gazetteer does not know: nothing to join
                merged[row["id"]] = {c: row.get(c, "") for c in PLACE_COLUMNS}
                continue
            for col in PLACE_COLUMNS:
                value = row.get(col, "")
                if col == "aliases" and value:
                    known = old["aliases"].split("|") if old["aliases"] else []
                    old["aliases"] = "|".join(dict.fromkeys([*known, *value.split("|")]))
                elif value and not old.get(col):
                    old[col] = value
    return list(merged.values())


def world_places(directories: Sequence[Path]) -> list[PlaceRow]:
    """The generic gazetteer with the additions and clusters of ``directories`` (in order)."""
    return merge_places(generic_places(), *(subject_places(d) for d in directories))


def display_names(rows: Iterable[PlaceRow]) -> dict[str, dict[str, str]]:
    """Each place's name per language; a name two places share in one language gets the English
    one beside it (산시 is both Shanxi and Shaanxi in Korean)."""
    rows = list(rows)
    count: dict[tuple[str, str], int] = {}
    for row in rows:
        for lang in NAME_COLUMNS:
            if row.get(lang):
                count[lang, row[lang]] = count.get((lang, row[lang]), 0) + 1
    out: dict[str, dict[str, str]] = {}
    for row in rows:
        names = {}
        english = row.get("en") or ""
        for lang in NAME_COLUMNS:
            name = row.get(lang)
            if not name:
                continue
            shared = count[lang, name] > 1 and english and english != name
            names[lang] = f"{name} ({english})" if shared else name
        out[row["id"]] = names
    return out


def sector_spec(directory: Path) -> dict[str, Any] | None:
    """A subject's ``sectors.yaml`` as read (None when it has none)."""
    path = directory / "sectors.yaml"
    if not path.is_file():
        return None
    spec = _read_yaml(path)
    if not isinstance(spec, Mapping) or "categories" not in spec:
        raise InputError(f"{path}: needs `categories` (and `sources`)")
    return dict(spec)


def sector_names(spec: Mapping[str, Any] | None) -> dict[str, dict[str, dict[str, str]]]:
    """Display names of a taxonomy's sectors and chain layers: ``{sector: {id: {lang: name}}}``."""
    if not spec:
        return {}
    out: dict[str, dict[str, dict[str, str]]] = {}
    for dim, key in (("sector", "categories"), ("chain_layer", "layers")):
        for code, names in (spec.get(key) or {}).items():
            if isinstance(names, Mapping):
                out.setdefault(dim, {})[str(code)] = {
                    str(k): str(v) for k, v in names.items() if k in {"ko", "en", "zh"}
                }
    return out


def world_directories(extra: Sequence[Path] = ()) -> list[Path]:
    """The bundled subjects, then ``extra`` folders (a subject's own data set), without repeats."""
    seen: dict[str, Path] = {}
    for path in [*bundled_subjects().values(), *extra]:
        seen.setdefault(str(Path(path).resolve()), Path(path))
    return list(seen.values())
