"""How far ``sectorlens check`` can be trusted, on the labelled corpus of tests/facts_eval.

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/check_eval.py [--half H] [--doc NAME] [-v]``

Reads the 17 documents of ../shared/data/reports and the seed once each, extracts and checks
them and their planted copies (tests/facts_eval/plantings.tsv; PDFs planted in the read document),
and prints per half (tune, held-out) and for the seed:

- planted errors found: planted copies with a new error/warning finding that covers the planted
  passage (its quotes or paired facts hold the planted words, or it names the planted line);
  each missed one is counted by why: a rule related its passage in the original (a finding of
  any severity, ``ok`` included, covers it) yet found nothing new, or its changed figure was not
  read, or it was read and no rule related the passage;
- false alarms: error/warning findings on the originals that cover no labelled real error
  (tests/facts_eval/errors.tsv), as a share of all error/warning findings on the originals;
- fact accuracy: labelled facts found with the right value AND subject AND period, of all labelled
  (tests/facts_eval/labels.tsv), and value-only recall, for prose and tables separately.

Facts are matched to labels by value and by the label's anchor words being near the fact, so the
figures do not depend on a locator format; only the public API of ``sectorlens.facts`` is used.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "facts_eval"))

import label_matching as matching  # noqa: E402
import labelled_corpus as corpus  # noqa: E402
import plant as pk  # noqa: E402

from sectorlens.facts import check, extract, fact_dict, finding_dict, read_document  # noqa: E402

HALVES = ("tune", "held-out", "seed", "dev")
KINDS = ("breakdown", "trend", "fx", "restatement", "growth", "table_total")
_WHY = {
    "unread": "changed figure not read",
    "unrelated": "read (or a word changed), no rule related it",
    "related": "a rule related the passage in the original",
}


@dataclass
class DocResult:
    """Everything measured on one document."""

    doc: corpus.Doc
    seconds: float = 0.0
    error: str | None = None
    labels: list[matching.LabelResult] = field(default_factory=list)
    flagged: int = 0
    errors: int = 0  # error findings on the original (the rest of ``flagged`` are warnings)
    false_alarms: list[matching.FindingView] = field(default_factory=list)
    real_found: set[str] = field(default_factory=set)
    real_total: int = 0
    planted: list[tuple[pk.Planting, str]] = field(default_factory=list)  # found|missed|n/a
    missed_why: dict[str, str] = field(default_factory=dict)  # id: related/unread/unrelated
    found_by: dict[str, str] = field(default_factory=dict)  # id: "rule severity" (errors first)


def _check(extraction: Any, fx: Any) -> list[Any]:
    try:
        return list(check(extraction, lang="en", fx=fx))
    except TypeError:  # a changed signature: the defaults
        return list(check(extraction))


def _findings(extraction: Any, fx: Any) -> list[matching.FindingView]:
    return [matching.finding_view(finding_dict(f)) for f in _check(extraction, fx)]


def _is_new(f: matching.FindingView, before: list[matching.FindingView]) -> bool:
    keys = {b.key for b in before}
    placed = {(b.rule, b.severity, b.lines) for b in before if b.lines}
    return f.key not in keys and not (f.lines and (f.rule, f.severity, f.lines) in placed)


def _spots(text: str, wording: str, p: pk.Planting) -> tuple[list[str], set[int]]:
    """The windows of text around ``wording`` (a planting's old or new words) and their lines."""
    spots = pk.locate(text, dataclasses.replace(p, old=wording))
    if not spots and "|" in wording:
        # a Markdown table row the reader turned into tab-separated cells (same offsets)
        spots = pk.locate(text.replace("\t", "|"), dataclasses.replace(p, old=wording))
    windows = [text[max(a - 12, 0) : b + 12] for a, b in spots] or [wording]
    return windows, {matching.line_of(text, a) for a, _ in spots}


def _covering(
    windows: list[str], lines: set[int], found: list[matching.FindingView]
) -> Iterator[matching.FindingView]:
    for f in found:
        if any(matching.overlap(w, set(f.text)) >= 0.8 for w in windows) or f.lines & lines:
            yield f


def _planted_found(
    doc2: Any, p: pk.Planting, found: list[matching.FindingView], before: list[Any]
) -> matching.FindingView | None:
    """The new error/warning finding covering the planted passage (an error before a warning)."""
    windows, lines = _spots(matching.doc_text(doc2), p.new, p)
    hits = [f for f in _covering(windows, lines, found) if f.flagged and _is_new(f, before)]
    return min(hits, key=lambda f: f.severity != "error", default=None)


_NUMBER = re.compile(r"\d(?:[\d,.]*\d)?")


def _why_missed(
    original: Any, doc2: Any, facts2: Sequence[Any], p: pk.Planting, before: list[Any]
) -> str:
    """Why a planting was missed: its passage was related by a rule on the original (any
    severity, ``ok`` included), or its changed figure was not read, or read but related to nothing.
    """
    windows, lines = _spots(matching.doc_text(original), p.old, p)
    if any(_covering(windows, lines, before)):
        return "related"
    changed = set(_NUMBER.findall(p.new)) - set(_NUMBER.findall(p.old))
    if not changed:
        return "unrelated"  # a word changed (a trend word): nothing new to read
    _, new_lines = _spots(matching.doc_text(doc2), p.new, p)
    read = any(f.line in new_lines and any(c in f.quantity.input for c in changed) for f in facts2)
    return "unrelated" if read else "unread"


def evaluate(
    doc: corpus.Doc,
    labels: Sequence[corpus.Label],
    errors: Sequence[corpus.RealError],
    plantings: Sequence[pk.Planting],
    fx: Any,
    tmp: Path,
) -> DocResult:
    """Read, extract and check one document and its planted copies."""
    res = DocResult(doc, real_total=len(errors))
    t0 = time.perf_counter()
    try:
        original = read_document(doc.path)
    except Exception as exc:
        res.error = f"{type(exc).__name__}: {exc}"
        res.labels = [matching.LabelResult(lb, False, False, False) for lb in labels]
        res.planted = [(p, "missed") for p in plantings]
        return res
    text = matching.doc_text(original)
    lines = text.split("\n")
    extraction = extract(original)
    facts = [matching.fact_view(fact_dict(f), lines) for f in extraction.facts]
    res.labels = matching.match_labels(list(labels), facts)
    findings = _findings(extraction, fx)
    where = {a: matching.anchor_lines(text, a) for e in errors for a in e.anchors}
    for f in findings:
        if not f.flagged:
            continue
        res.flagged += 1
        res.errors += f.severity == "error"
        hits = [
            e.id
            for e in errors
            if matching.states(f, e) and any(matching.covers(f, a, where[a]) for a in e.anchors)
        ]
        if hits:
            res.real_found.update(hits)
        else:
            res.false_alarms.append(f)
    for p in plantings:
        if doc.format == "pdf":
            try:
                doc2, n = pk.plant_document(original, p)
            except pk.PlantError:
                n = 0
            if n == 0:
                res.planted.append((p, "n/a"))
                continue
        else:
            try:
                path, _ = pk.planted_copy(doc, p, tmp)
            except pk.PlantError:
                res.planted.append((p, "n/a"))
                continue
            doc2 = read_document(path)
        extraction2 = extract(doc2)
        found = _findings(extraction2, fx)
        hit = _planted_found(doc2, p, found, findings)
        res.planted.append((p, "found" if hit else "missed"))
        if hit:
            res.found_by[p.id] = f"{hit.rule} {hit.severity}"
        else:
            res.missed_why[p.id] = _why_missed(original, doc2, extraction2.facts, p, findings)
    res.seconds = time.perf_counter() - t0
    return res


def _share(a: int, b: int) -> str:
    return f"{a}/{b} = {100 * a / b:.0f}%" if b else f"{a}/0"


def summary(results: Sequence[DocResult]) -> dict[str, Any]:
    """The figures of a set of documents."""
    labels = [r for d in results for r in d.labels]
    out: dict[str, Any] = {"documents": len(results), "labelled": len(labels)}
    for where, name in (("p", "prose"), ("t", "table"), (None, "all")):
        sel = [r for r in labels if where is None or r.label.where == where]
        out[name] = {
            "labelled": len(sel),
            "extracted": sum(r.found for r in sel),
            "right": sum(r.right for r in sel),
            "subject_ok": sum(r.found and r.subject for r in sel),
            "period_ok": sum(r.found and r.period for r in sel),
        }
    flagged = sum(d.flagged for d in results)
    fa = sum(len(d.false_alarms) for d in results)
    out["findings"] = {
        "error_warning": flagged,
        "errors": sum(d.errors for d in results),
        "false_alarms": fa,
        "real_found": sum(len(d.real_found) for d in results),
        "real_total": sum(d.real_total for d in results),
        "false_alarm_rules": dict(
            Counter(f"{f.rule} {f.severity}" for d in results for f in d.false_alarms)
        ),
    }
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for d in results:
        for p, status in d.planted:
            kinds[p.kind][status] += 1
    out["planted"] = {k: dict(kinds[k]) for k in KINDS if k in kinds}
    why: dict[str, Counter[str]] = defaultdict(Counter)
    for d in results:
        for p, _ in d.planted:
            if p.id in d.missed_why:
                why[d.missed_why[p.id]][p.kind] += 1
    out["missed_why"] = {w: dict(why[w]) for w in _WHY if w in why}
    out["found_by"] = dict(Counter(b for d in results for b in d.found_by.values()))
    return out


def _line(name: str, s: dict[str, Any]) -> list[str]:
    a, p, t, f = s["all"], s["prose"], s["table"], s["findings"]
    found = sum(c.get("found", 0) for c in s["planted"].values())
    applied = sum(c.get("found", 0) + c.get("missed", 0) for c in s["planted"].values())
    na = sum(c.get("n/a", 0) for c in s["planted"].values())
    kinds = "  ".join(
        f"{k} {c.get('found', 0)}/{c.get('found', 0) + c.get('missed', 0)}"
        for k, c in s["planted"].items()
    )
    fa_share = f"{100 * f['false_alarms'] / f['error_warning']:.0f}%" if f["error_warning"] else "-"
    return [
        f"== {name}: {s['documents']} documents, {s['labelled']} labelled facts",
        f"  planted errors found     {_share(found, applied)}"
        + (f"  ({na} not applicable to the text as read)" if na else ""),
        f"    by kind                {kinds}",
        *(
            f"    missed: {n:>3} {w:<46}"
            + "  ".join(f"{k} {c}" for k, c in sorted(s["missed_why"].get(key, {}).items()))
            for key, w in _WHY.items()
            if (n := sum(s["missed_why"].get(key, {}).values()))
        ),
        "    found by               "
        + (", ".join(f"{k} {n}" for k, n in sorted(s["found_by"].items())) or "-"),
        f"  false alarms             {f['false_alarms']} of {f['error_warning']} error/warning"
        f" findings = {fa_share}   (real errors found {f['real_found']}/{f['real_total']})",
        f"    on the originals       {f['errors']} errors,"
        f" {f['error_warning'] - f['errors']} warnings",
        "    false alarms by rule   "
        + (", ".join(f"{k} {n}" for k, n in sorted(f["false_alarm_rules"].items())) or "-"),
        f"  facts right (v+s+p)      {_share(a['right'], a['labelled'])}"
        f"   subject ok {a['subject_ok']}, period ok {a['period_ok']} of {a['extracted']} found",
        f"  value-only recall        {_share(a['extracted'], a['labelled'])}",
        f"    prose                  extracted {_share(p['extracted'], p['labelled'])},"
        f" right {_share(p['right'], p['labelled'])}",
        f"    tables                 extracted {_share(t['extracted'], t['labelled'])},"
        f" right {_share(t['right'], t['labelled'])}",
    ]


def _details(d: DocResult) -> list[str]:
    out = [f"-- {d.doc.name} ({d.doc.half}, {d.seconds:.1f}s){' ' + d.error if d.error else ''}"]
    miss = [r.label.id for r in d.labels if not r.found]
    wrong = [
        f"{r.label.id}{'' if r.subject else ' subj'}{'' if r.period else ' period'}"
        for r in d.labels
        if r.found and not r.right
    ]
    out.append(f"   labels not found: {' '.join(miss) or '-'}")
    out.append(f"   found, not right: {', '.join(wrong) or '-'}")
    for f in d.false_alarms:
        out.append(f"   false alarm [{f.severity} {f.rule}] {f.message[:150]}")
    for p, status in d.planted:
        if status != "found":
            why = f", {_WHY[d.missed_why[p.id]]}" if p.id in d.missed_why else ""
            out.append(f"   planting {p.id} {p.kind}: {status}{why} ({p.old} → {p.new})")
    return out


def _measure(doc: corpus.Doc) -> DocResult:
    """``evaluate`` with the corpus files read here (one call per worker process)."""
    from sectorlens.fx import FxRates

    labels, errors, plantings = corpus.load_labels(), corpus.load_errors(), pk.load_plantings()
    with tempfile.TemporaryDirectory() as tmp:
        return evaluate(
            doc,
            [lb for lb in labels if lb.doc == doc.name],
            [e for e in errors if e.doc == doc.name],
            [p for p in plantings if p.doc == doc.name],
            FxRates(),
            Path(tmp),
        )


def main(argv: list[str] | None = None) -> int:
    """Measure and print; exit 1 when a document cannot be read."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=HALVES, action="append", help="only these halves")
    ap.add_argument("--doc", action="append", help="only these documents (file names)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("-v", "--verbose", action="store_true", help="misses and false alarms")
    ap.add_argument("--jobs", type=int, default=1, help="documents measured in parallel")
    args = ap.parse_args(argv)
    docs = [d for d in corpus.load_docs(corpus.SHARED) if d.path.exists()]
    if not docs:
        print(f"check_eval: no documents under {corpus.SHARED}", file=sys.stderr)
        return 1
    docs = [
        d
        for d in docs
        if (not args.half or d.half in args.half) and (not args.doc or d.name in args.doc)
    ]
    order = {d.name: i for i, d in enumerate(docs)}
    # the largest documents first, so that parallel runs finish together
    docs.sort(key=lambda d: -d.path.stat().st_size)
    if args.jobs > 1:
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            results = list(pool.map(_measure, docs))
    else:
        results = [_measure(d) for d in docs]
    results.sort(key=lambda r: order[r.doc.name])
    figures = {
        h: summary([r for r in results if r.doc.half == h])
        for h in HALVES
        if any(r.doc.half == h for r in results)
    }
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        for h, s in figures.items():
            print("\n".join(_line(h, s)))
        if args.verbose:
            for r in results:
                print("\n".join(_details(r)))
        total = sum(r.seconds for r in results)
        print(f"({len(results)} documents, {total:.0f}s of measuring)")
    bad = [r for r in results if r.error]
    for r in bad:
        print(f"check_eval: {r.doc.name}: {r.error}", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
