"""Planted errors: copies of the corpus documents with one inconsistency each (``plantings.tsv``).

Text formats (.txt, .md, .html) are planted in the source text, so the reader under test reads
the planted copy like any other file. PDF is planted after reading: ``plant_document`` replaces
the text in every string of the document model the reader returned (``Document.text``, and the
texts of blocks and table cells where a model has them), so the planting does not depend on
re-writing a PDF. The harness (``benchmarks/check_eval.py``) uses both.

Run: ``python tests/facts_eval/plant.py OUTDIR`` writes the text copies to ``OUTDIR/<id>/`` and
``OUTDIR/plantings.json`` (doc, kind, anchor, old → new, line, how it was planted).
"""

from __future__ import annotations

import csv
import html
import json
import re
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evalkit import HERE, SHARED, Doc, dataclass_strings_replace, load_docs, norm  # noqa: E402

WINDOW = 200  # characters either side of `old` in which `context` must occur
_TAG = re.compile(r"<[^>]*>")


class PlantError(Exception):
    """A planting that does not apply to the text as read."""


@dataclass(frozen=True)
class Planting:
    """One planted error."""

    doc: str
    id: str
    kind: str
    old: str
    new: str
    context: str
    why: str

    @property
    def key(self) -> str:
        """A name for the planted copy."""
        return f"{self.doc.split('.')[0]}--{self.id}"


def load_plantings() -> list[Planting]:
    """Every planting, in file order."""
    lines = [
        ln
        for ln in (HERE / "plantings.tsv").read_text(encoding="utf-8").splitlines()
        if not ln.startswith("#")
    ]
    return [
        Planting(**r) for r in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    ]


def locate(text: str, p: Planting) -> list[int]:
    """Offsets of ``p.old`` in ``text`` with ``p.context`` nearby (markup ignored)."""
    want = norm(p.context)
    found = []
    start = text.find(p.old)
    while start >= 0:
        # markup (HTML tags) is dropped before measuring the window
        before = _TAG.sub("", text[max(start - 20 * WINDOW, 0) : start])[-WINDOW:]
        after = _TAG.sub("", text[start + len(p.old) : start + len(p.old) + 20 * WINDOW])
        if want in norm(html.unescape(before + p.old + after[:WINDOW])):
            found.append(start)
        start = text.find(p.old, start + 1)
    return found


def plant_text(text: str, p: Planting) -> tuple[str, int]:
    """``text`` with the planting applied once; its offset. PlantError unless exactly one fits."""
    hits = locate(text, p)
    if len(hits) != 1:
        raise PlantError(f"{p.doc} {p.id}: {len(hits)} places match {p.old!r} near {p.context!r}")
    at = hits[0]
    return text[:at] + p.new + text[at + len(p.old) :], at


def plant_document(doc: Any, p: Planting) -> tuple[Any, int]:
    """The read document with the planting applied in each of its strings; how many places."""
    count = 0

    def fix(s: str) -> str:
        nonlocal count
        hits = locate(s, p)
        for at in reversed(hits):
            s = s[:at] + p.new + s[at + len(p.old) :]
        count += len(hits)
        return s

    return dataclass_strings_replace(doc, fix), count


def read_source(path: Path) -> str:
    """A text document's source (UTF-8, as the corpus files are)."""
    return path.read_bytes().decode("utf-8-sig")


def planted_copy(doc: Doc, p: Planting, outdir: Path) -> tuple[Path, int]:
    """Write the planted copy of a text document under ``outdir``; its path and the offset."""
    text, at = plant_text(read_source(doc.path), p)
    target = outdir / p.key / doc.path.name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target, at


def main(argv: list[str], shared: Path | None = None) -> int:
    """Write every text planting to ``argv[0]`` and record all plantings there."""
    if len(argv) != 1:
        print("usage: plant.py OUTDIR", file=sys.stderr)
        return 2
    outdir = Path(argv[0])
    root = shared or SHARED
    docs = {d.name: d for d in load_docs(root)}
    records = []
    failed = 0
    for p in load_plantings():
        doc = docs[p.doc]
        rec: dict[str, Any] = asdict(p) | {"half": doc.half}
        if doc.format == "pdf":
            rec |= {"how": "document: applied to the text of the read document by the harness"}
        elif not doc.path.exists():
            rec |= {"how": "skipped: document absent"}
        else:
            try:
                path, at = planted_copy(doc, p, outdir)
            except PlantError as exc:
                print(f"plant.py: {exc}", file=sys.stderr)
                failed += 1
                continue
            source = read_source(doc.path)
            rec |= {"how": "source", "copy": str(path), "line": source.count("\n", 0, at) + 1}
        records.append(rec)
    outdir.mkdir(parents=True, exist_ok=True)
    (outdir / "plantings.json").write_text(
        json.dumps(records, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"{len(records)} plantings recorded in {outdir / 'plantings.json'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
