"""The labelled corpus of the ``check`` evaluation: its documents, labelled facts and real errors.

``docs.yaml`` gives the split, ``labels.tsv`` the facts a careful reader sees, ``errors.tsv`` the
inconsistencies really in the documents (read from this folder, or from
``$SECTORLENS_EVAL_CORPUS``); the documents themselves stay in ``../shared``.
"""

from __future__ import annotations

import calendar
import csv
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SHARED = Path(os.environ.get("SECTORLENS_SHARED", REPO.parent / "shared")).resolve()
# Another labelled corpus (its own docs.yaml, labels.tsv, plantings.tsv, errors.tsv) in place of
# this one: a development set kept outside the repository, measured the same way.
CORPUS = Path(os.environ.get("SECTORLENS_EVAL_CORPUS", HERE)).resolve()


@dataclass(frozen=True)
class Doc:
    """One document of the corpus (the seed has half ``seed``)."""

    name: str
    path: Path
    half: str
    lang: str
    format: str


@dataclass(frozen=True)
class Label:
    """A number a careful reader sees, as labelled in ``labels.tsv``."""

    doc: str
    id: str
    where: str  # p (prose) or t (table)
    value: Decimal
    unit: str
    metrics: tuple[str, ...]
    entities: tuple[str, ...]
    start: date | None
    end: date | None
    anchor: str


@dataclass(frozen=True)
class RealError:
    """An inconsistency that is really in a document (an expected finding)."""

    doc: str
    id: str
    kind: str
    anchors: tuple[str, ...]
    why: str
    values: tuple[frozenset[Decimal], ...] = ()  # numbers a finding about it states


def _rows(path: Path) -> Iterator[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def load_docs(shared: Path) -> list[Doc]:
    """The corpus with its split (``docs.yaml``); paths under ``shared`` or the corpus' ``root``."""
    spec = yaml.safe_load((CORPUS / "docs.yaml").read_text(encoding="utf-8"))
    root = CORPUS / spec["root"] if "root" in spec else shared / "data" / "reports"
    docs = [
        Doc(name, root / name, meta["half"], meta["lang"], meta["format"])
        for name, meta in spec["documents"].items()
    ]
    if seed := spec.get("seed"):
        docs.append(Doc("seed", shared / "seed" / Path(seed["path"]).name, "seed", "ko", "txt"))
    return docs


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _bounds(text: str) -> tuple[date, date]:
    """First and last day of one period written YYYY, YYYYQn, YYYYHn, YYYY-MM or YYYY-MM-DD."""
    if m := re.fullmatch(r"(\d{4})", text):
        y = int(m[1])
        return date(y, 1, 1), date(y, 12, 31)
    if m := re.fullmatch(r"(\d{4})Q([1-4])", text):
        y, q = int(m[1]), int(m[2])
        return date(y, 3 * q - 2, 1), _month_end(y, 3 * q)
    if m := re.fullmatch(r"(\d{4})H([12])", text):
        y, h = int(m[1]), int(m[2])
        return date(y, 6 * h - 5, 1), _month_end(y, 6 * h)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", text):
        y, mo = int(m[1]), int(m[2])
        return date(y, mo, 1), _month_end(y, mo)
    day = date.fromisoformat(text)
    return day, day


def parse_period(text: str) -> tuple[date | None, date | None]:
    """``-`` → (None, None); ``A..B`` → start of A, end of B; else the bounds of one period."""
    text = text.strip()
    if text in ("", "-"):
        return None, None
    if ".." in text:
        a, b = text.split("..", 1)
        return _bounds(a)[0], _bounds(b)[1]
    return _bounds(text)


def _alts(text: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in text.split("|") if a.strip())


def load_labels() -> list[Label]:
    """Every labelled fact."""
    out = []
    for r in _rows(CORPUS / "labels.tsv"):
        start, end = parse_period(r["period"])
        out.append(
            Label(
                r["doc"],
                r["id"],
                r["where"],
                Decimal(r["value"]),
                r["unit"],
                _alts(r["metric"]),
                _alts(r["entity"]),
                start,
                end,
                r["anchor"],
            )
        )
    return out


def load_errors() -> list[RealError]:
    """Every real inconsistency found by reading the documents."""
    out = []
    for r in _rows(CORPUS / "errors.tsv"):
        values = tuple(
            frozenset(Decimal(a) for a in item.split("|")) for item in (r["values"] or "").split()
        )
        anchors = tuple(r["anchors"].split(" || "))
        out.append(RealError(r["doc"], r["id"], r["kind"], anchors, r["why"], values))
    return out
