"""The cells and files of a reference data set: YAML and CSV readers and per-cell checks.

Every problem is an ``InputError`` naming the file and line (``where``).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from sectorlens.errors import InputError
from sectorlens.model import Qualifier, Status

# libyaml's parser when PyYAML has it (same result, several times faster than pure Python).
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ID = re.compile(r"^[a-z0-9][a-z0-9_]*$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")


def read_yaml(path: Path) -> Any:
    """A YAML file's content (an ``InputError`` naming the file when unreadable)."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except FileNotFoundError as exc:
        raise InputError(f"{path}: missing") from exc
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not readable YAML ({str(exc).splitlines()[0]})") from exc


def read_csv(path: Path, columns: list[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a CSV file with exactly ``columns``, with their line numbers."""
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except FileNotFoundError as exc:
        raise InputError(f"{path}: missing") from exc
    with handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        if header != columns:
            raise InputError(f"{path}:1: columns must be {','.join(columns)}")
        for row in reader:
            if None in row or any(v is None for v in row.values()):
                raise InputError(f"{path}:{reader.line_num}: wrong number of fields")
            yield reader.line_num, {k: v.strip() for k, v in row.items()}


def decimal_cell(value: str, where: str, name: str) -> Decimal | None:
    """A cell as a finite ``Decimal`` (None when empty)."""
    if value == "":
        return None
    try:
        result = Decimal(value)
    except InvalidOperation as exc:
        raise InputError(f"{where}: {name} {value!r} is not a number") from exc
    if not result.is_finite():
        raise InputError(f"{where}: {name} {value!r} is not a finite number")
    return result


def date_cell(value: Any, where: str, name: str) -> date | None:
    """A cell as an ISO date (None when empty)."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise InputError(f"{where}: {name} {value!r} is not an ISO date (YYYY-MM-DD)") from exc


def enum_cell(kind: type[Qualifier] | type[Status], value: str, where: str) -> Any:
    """A cell as a member of ``kind`` (a qualifier or a status)."""
    try:
        return kind(value)
    except ValueError as exc:
        allowed = ", ".join(m.value for m in kind)
        column = "status" if kind is Status else "qualifier"
        raise InputError(f"{where}: {column}: {value!r} is not one of {allowed}") from exc


def id_cell(value: Any, where: str, seen: set[str]) -> str:
    """A lower-case id, not seen before in ``seen`` (which it joins)."""
    key = str(value or "")
    if not _ID.match(key):
        raise InputError(f"{where}: id: {key!r} must be lower-case letters, digits and _")
    if key in seen:
        raise InputError(f"{where}: id: duplicate id {key!r}")
    seen.add(key)
    return key


def check_money(unit: str, currency: str, where: str) -> None:
    """A money value has an ISO currency; any other unit has none."""
    if unit == "money" and not _CURRENCY.match(currency):
        raise InputError(
            f"{where}: currency: a money value needs an ISO currency, got {currency!r}"
        )
    if unit != "money" and currency:
        raise InputError(f"{where}: currency: {currency!r} given for unit {unit!r}")
