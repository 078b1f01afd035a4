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
import dataclasses
import html
import json
import re
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from label_matching import norm
from labelled_corpus import CORPUS, SHARED, Doc, load_docs

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
        for ln in (CORPUS / "plantings.tsv").read_text(encoding="utf-8").splitlines()
        if not ln.startswith("#")
    ]
    return [Planting(**r) for r in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def _loose(text: str) -> re.Pattern[str]:
    """``text`` as a pattern that lets any whitespace vary (PDF readers space words differently)."""
    return re.compile(r"\s*".join(re.escape(ch) for ch in text if not ch.isspace()))


def locate(text: str, p: Planting) -> list[tuple[int, int]]:
    """Spans of ``p.old`` in ``text`` with ``p.context`` nearby (whitespace and markup ignored)."""
    want = norm(p.context)
    found = []
    for m in _loose(p.old).finditer(text):
        start, end = m.span()
        # markup (HTML tags, entities) is dropped before measuring the window
        before = _TAG.sub("", text[max(start - 20 * WINDOW, 0) : start])[-WINDOW:]
        after = _TAG.sub("", text[end : end + 20 * WINDOW])
        if want in norm(html.unescape(before + m.group() + after[:WINDOW])):
            found.append((start, end))
    return found


def plant_text(text: str, p: Planting) -> tuple[str, int]:
    """``text`` with the planting applied once; its offset. PlantError unless exactly one fits."""
    hits = locate(text, p)
    if len(hits) != 1:
        raise PlantError(f"{p.doc} {p.id}: {len(hits)} places match {p.old!r} near {p.context!r}")
    start, end = hits[0]
    return text[:start] + p.new + text[end:], start


def _edits(text: str, p: Planting) -> list[tuple[int, int, str]]:
    """Where ``text`` changes: (start, end, replacement) for the part of ``old`` that differs."""
    old, new = p.old, p.new
    pre = 0
    while pre < min(len(old), len(new)) and old[pre] == new[pre]:
        pre += 1
    suf = 0
    while suf < min(len(old), len(new)) - pre and old[-1 - suf] == new[-1 - suf]:
        suf += 1
    old_mid, new_mid = old[pre : len(old) - suf], new[pre : len(new) - suf]
    skip = sum(not c.isspace() for c in old[:pre])
    width = sum(not c.isspace() for c in old_mid)
    edits = []
    for a, b in locate(text, p):
        pos = [i for i in range(a, b) if not text[i].isspace()]
        start = pos[skip] if skip < len(pos) else b
        edits.append((start, pos[skip + width - 1] + 1 if width else start, new_mid))
    return edits


def _shift(item: Any, at: int, old_len: int, delta: int, text: str) -> Any:
    """A sentence or cell (``start``/``end`` in its block) after an edit at ``at``; text re-cut."""
    a, b = item.start, item.end
    if a >= at + old_len:
        a, b = a + delta, b + delta
    elif b > at:
        b += delta
    return dataclasses.replace(item, start=a, end=b, text=text[a:b])


def _edit_block(block: Any, start: int, end: int, new: str, old: str, p: Planting) -> Any:
    """A block of the document model after ``Document.text[start:end]`` (``old``) is ``new``."""
    segments = getattr(block, "segments", None)
    if segments is None:  # a model without a map to Document.text: replace in its strings
        return plant_strings(block, p)[0]
    delta = len(new) - (end - start)
    at = None
    out = []
    for local, src, length in segments:
        if src <= start and end <= src + length and at is None and not (start == end == src):
            at = local + start - src
            out.append((local, src, length + delta))
        elif src >= end:
            out.append((local + (delta if at is not None else 0), src + delta, length))
        elif src + length <= start:
            out.append((local, src, length))
        else:
            raise PlantError(f"{p.doc} {p.id}: the change crosses a block's pieces")
    if at is None:
        return dataclasses.replace(block, segments=tuple(out))
    if block.text[at : at + len(old)] != old:
        raise PlantError(f"{p.doc} {p.id}: the block's text does not map back to the document")
    text = block.text[:at] + new + block.text[at + end - start :]
    fields: dict[str, Any] = {"text": text, "segments": tuple(out)}
    if getattr(block, "sentences", None):
        fields["sentences"] = tuple(
            _shift(s, at, end - start, delta, text) for s in block.sentences
        )
    table = getattr(block, "table", None)
    if table is not None:
        cells = tuple(_shift(c, at, end - start, delta, text) for c in table.cells)
        fields["table"] = dataclasses.replace(table, cells=cells)
    return dataclasses.replace(block, **fields)


def plant_document(doc: Any, p: Planting) -> tuple[Any, int]:
    """The read document with the planting applied; in how many places.

    The change is made in ``Document.text``; where the document model has blocks that map their
    text back to it (``segments``), the blocks, sentences and table cells get the same change
    and their offsets are moved. A model without ``text`` is planted in all of its strings.
    """
    text = getattr(doc, "text", None)
    if not isinstance(text, str):
        return plant_strings(doc, p)
    edits = _edits(text, p)
    for start, end, new in sorted(edits, reverse=True):
        fields: dict[str, Any] = {"text": doc.text[:start] + new + doc.text[end:]}
        blocks = getattr(doc, "blocks", None)
        if blocks:
            old = doc.text[start:end]
            fields["blocks"] = tuple(_edit_block(b, start, end, new, old, p) for b in blocks)
        doc = dataclasses.replace(doc, **fields)
    return doc, len(edits)


def dataclass_strings_replace(obj: Any, fix: Any, seen: dict[int, Any] | None = None) -> Any:
    """``obj`` with ``fix(s)`` applied to every string inside dataclasses, tuples, lists, dicts."""
    seen = {} if seen is None else seen
    if id(obj) in seen:
        return seen[id(obj)]
    new: Any = obj
    if isinstance(obj, str):
        new = fix(obj)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {}
        for f in dataclasses.fields(obj):
            if not f.init:
                continue
            old = getattr(obj, f.name)
            val = dataclass_strings_replace(old, fix, seen)
            if val is not old:
                changes[f.name] = val
        new = dataclasses.replace(obj, **changes) if changes else obj
    elif isinstance(obj, tuple):
        items = tuple(dataclass_strings_replace(x, fix, seen) for x in obj)
        changed = any(a is not b for a, b in zip(items, obj, strict=True))
        new = (type(obj)(*items) if hasattr(obj, "_fields") else items) if changed else obj
    elif isinstance(obj, list):
        items_l = [dataclass_strings_replace(x, fix, seen) for x in obj]
        new = items_l if any(a is not b for a, b in zip(items_l, obj, strict=True)) else obj
    elif isinstance(obj, dict):
        items_d = {k: dataclass_strings_replace(v, fix, seen) for k, v in obj.items()}
        new = items_d if any(items_d[k] is not obj[k] for k in obj) else obj
    seen[id(obj)] = new
    return new


def plant_strings(obj: Any, p: Planting) -> tuple[Any, int]:
    """``obj`` with the planting applied in every string that holds ``old`` near ``context``."""
    count = 0

    def fix(s: str) -> str:
        nonlocal count
        hits = locate(s, p)
        for start, end in reversed(hits):
            s = s[:start] + p.new + s[end:]
        count += len(hits)
        return s

    return dataclass_strings_replace(obj, fix), count


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
