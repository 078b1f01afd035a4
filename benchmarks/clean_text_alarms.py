"""Alarms of ``sectorlens check`` on published text nobody labelled: a false-alarm proxy.

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/clean_text_alarms.py DIR [--json OUT] [-v]``

``DIR`` holds plain-text excerpts of published reports and news (``<lang>_<n>.txt``, kept outside
the repository: they are other people's text). Published text seldom holds a real
inconsistency, so nearly every error or warning here is a false alarm; the figure is a proxy that
needs no labels, so it can be measured on many more documents than the labelled corpus of
tests/facts_eval. Read each alarm (``-v``) before counting it false: some are real (a stated CAGR
its own endpoints contradict). Prints, per language, the documents, those with an alarm and the
alarms, then the alarms by rule and severity.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sectorlens.facts import check, extract, finding_dict, read_document
from sectorlens.fx import FxRates

FLAGGED = ("error", "warning")


@dataclass
class DocAlarms:
    """What one document gave: its facts, its error and warning findings, or a crash."""

    facts: int = 0
    alarms: list[tuple[str, str, str]] = field(default_factory=list)  # rule, severity, message
    crash: str | None = None


def alarms_of(path: Path, fx: FxRates) -> DocAlarms:
    """The facts read from one document and its error and warning findings."""
    try:
        extraction = extract(read_document(path))
        found = [finding_dict(f) for f in check(extraction, lang="en", fx=fx)]
    except Exception as exc:  # a crash is a finding of this benchmark too
        return DocAlarms(crash=f"{type(exc).__name__}: {exc}"[:300])
    flagged = [(f["rule"], f["severity"], f["message"]) for f in found if f["severity"] in FLAGGED]
    return DocAlarms(len(extraction.facts), flagged)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--json", type=Path, help="write every document's alarms here")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every alarm")
    args = ap.parse_args(argv)
    files = sorted(args.folder.glob("*.txt"))
    if not files:
        print(f"error: no .txt documents in {args.folder}", file=sys.stderr)
        return 2
    fx = FxRates()
    per = {path.name: alarms_of(path, fx) for path in files}
    by_rule = Counter(
        f"{rule} {severity}" for got in per.values() for rule, severity, _ in got.alarms
    )
    if args.verbose:
        for name, got in per.items():
            for rule, severity, message in got.alarms:
                print(f"{name}  [{severity} {rule}] {message[:160]}")
    crashes = sum(got.crash is not None for got in per.values())
    print(f"{len(files)} documents, {sum(g.facts for g in per.values())} facts, {crashes} crashes")
    for lang in sorted({p.name[:2] for p in files}):
        mine = [got for name, got in per.items() if name.startswith(lang)]
        flagged = sum(bool(got.alarms) for got in mine)
        count = sum(len(got.alarms) for got in mine)
        print(f"  {lang}: {len(mine)} documents, {flagged} with an alarm, {count} alarms")
    rules = ", ".join(f"{k} {n}" for k, n in by_rule.most_common()) or "-"
    print(f"  alarms {sum(by_rule.values())}: {rules}")
    if args.json:
        dump = {name: dataclasses.asdict(got) for name, got in per.items()}
        args.json.write_text(json.dumps(dump, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
