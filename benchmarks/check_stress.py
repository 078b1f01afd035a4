"""A stress test of ``sectorlens check`` on long documents: short real texts of one language
concatenated into one long Markdown document, each under its own ``# Part N`` heading.

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/check_stress.py [--extra DIR] [--lang ko] [-v]``

The texts are the tune-half documents of ``../shared/data/reports`` (names and halves from
``tests/facts_eval/docs.yaml``; the held-out half is never read) and the seed; ``--extra DIR``
adds every .txt/.md/.html/.pdf of a folder (its language from ``_ko_``/``_zh_``/``_en_`` in the
name, else from the text). A PDF's or HTML page's text is the reader's document model's text. The
long documents are written to a temporary folder (nothing is copied into the repository) and
checked; printed per language: the error and warning findings by rule and severity, and how many
of them pair facts of different parts — certainly false, as the parts are different reports.
``-v`` lists those findings. It prints figures; it is not a test.
"""

from __future__ import annotations

import argparse
import bisect
import os
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from sectorlens.facts import check, extract, read_document
from sectorlens.facts import lexicon as lx
from sectorlens.fx import FxRates
from sectorlens.model import Finding, Severity

ROOT = Path(__file__).resolve().parents[1]
DOCS_YAML = ROOT / "tests" / "facts_eval" / "docs.yaml"
SHARED = Path(os.environ.get("SECTORLENS_SHARED", ROOT.parent / "shared"))
LANGS = ("ko", "zh", "en")
SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf")


@dataclass(frozen=True)
class Source:
    """One text to concatenate: its name, language and where it is."""

    name: str
    lang: str
    path: Path


@dataclass(frozen=True)
class Stress:
    """A concatenated document: its text and where each part (one source) starts."""

    text: str
    starts: tuple[int, ...]
    names: tuple[str, ...]

    def source_of(self, offset: int) -> str | None:
        """The name of the source whose part holds ``offset`` (None before the first part)."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.names[i] if i >= 0 else None

    def sources(self, finding: Finding) -> set[str]:
        """The sources of the facts a finding paired."""
        return {s for f in finding.facts if (s := self.source_of(f.span[0])) is not None}


def tune_sources(docs_yaml: Path = DOCS_YAML, shared: Path = SHARED) -> list[Source]:
    """The tune-half documents and the seed (never the held-out half)."""
    spec = yaml.safe_load(docs_yaml.read_text(encoding="utf-8"))
    out = [
        Source(name, meta["lang"], shared / "data" / "reports" / name)
        for name, meta in spec["documents"].items()
        if meta["half"] == "tune"
    ]
    if seed := spec.get("seed"):
        out.append(
            Source("seed", seed.get("lang", "ko"), shared / "seed" / Path(seed["path"]).name)
        )
    return out


def extra_sources(folder: Path) -> list[Source]:
    """Every text of ``folder``, its language from its name (``_ko_``) or its text."""
    return [
        source_of(path)
        for path in sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES)
    ]


def source_of(path: Path) -> Source:
    """A text file as a source, its language from its name (``_ko_``), else left to its text."""
    m = re.search(r"(?:^|_)(ko|zh|en)(?:_|$)", path.stem)
    return Source(path.name, m.group(1) if m else "", path)


def document_text(path: Path) -> str:
    """The text the reader's document model holds (PDF, HTML) or the file's text."""
    if path.suffix.lower() in (".txt", ".md"):
        return path.read_text(encoding="utf-8", errors="replace")
    return read_document(path).text


def concatenate(texts: Iterable[tuple[str, str]]) -> Stress:
    """``(name, text)`` pairs as one Markdown document, each under ``# Part N``."""
    chunks: list[str] = []
    starts: list[int] = []
    names: list[str] = []
    offset = 0
    for i, (name, text) in enumerate(texts, 1):
        body = text.replace("\f", " ").replace("\r\n", "\n").strip("\n\ufeff")
        chunk = f"# Part {i}\n\n{body}\n\n"
        starts.append(offset)
        names.append(name)
        chunks.append(chunk)
        offset += len(chunk)
    return Stress("".join(chunks), tuple(starts), tuple(names))


def by_language(sources: Sequence[Source]) -> dict[str, list[tuple[str, str]]]:
    """The sources' texts grouped by language (read once each; unreadable ones skipped)."""
    out: dict[str, list[tuple[str, str]]] = {lang: [] for lang in LANGS}
    for s in sources:
        try:
            text = document_text(s.path)
        except (OSError, ValueError) as exc:
            print(f"skipped {s.name}: {exc}", file=sys.stderr)
            continue
        lang = s.lang or lx.language(text[:20000])
        if lang in out and text.strip():
            out[lang].append((s.name, text))
    return out


def relocate(stress: Stress, text: str) -> Stress:
    """The parts found again in ``text`` (the reader's text of the written document)."""
    starts, at = [], 0
    for i in range(1, len(stress.names) + 1):
        m = re.compile(rf"^#?\s*Part {i}\s*$", re.M).search(text, at)
        if m is None:
            raise ValueError(f"part {i} heading not found in the read document")
        starts.append(m.start())
        at = m.end()
    return Stress(text, tuple(starts), stress.names)


def measure(
    stress: Stress, folder: Path, lang: str, fx: FxRates
) -> tuple[Stress, list[Finding], float]:
    """Write the long document, read it back as Markdown and check it."""
    path = folder / f"stress_{lang}.md"
    path.write_text(stress.text, encoding="utf-8")
    started = time.perf_counter()
    doc = read_document(path)
    findings = check(extract(doc), fx=fx)
    return relocate(stress, doc.text), findings, time.perf_counter() - started


def report(
    lang: str, stress: Stress, findings: list[Finding], seconds: float, verbose: bool
) -> None:
    """Print the figures of one language."""
    alarms = [f for f in findings if f.severity in (Severity.ERROR, Severity.WARNING)]
    cross = [f for f in alarms if len(stress.sources(f)) > 1]
    size = len(stress.text.encode("utf-8"))
    print(f"== {lang}: {len(stress.names)} parts, {size / 1e6:.2f} MB, checked in {seconds:.1f}s")
    counts = Counter((f.rule, f.severity.value) for f in alarms)
    for (rule, severity), n in sorted(counts.items()):
        print(f"  {rule:28} {severity:8} {n}")
    print(f"  error/warning findings {len(alarms)}, pairing facts of different parts {len(cross)}")
    if verbose:
        for f in alarms:
            where = "CROSS" if f in cross else "LOCAL"
            print(f"  {where} {f.rule} {f.severity.value}: {f.message[:160]}")
            print(f"        {sorted(stress.sources(f))}")


def main(argv: list[str] | None = None) -> int:
    """Build the stress documents, check them, print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--extra", type=Path, action="append", default=[], help="a folder of texts")
    ap.add_argument("--lang", choices=LANGS, action="append", help="only these languages")
    ap.add_argument("--no-tune", action="store_true", help="only the --extra texts")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the findings")
    args = ap.parse_args(argv)
    sources: list[Source] = []
    if not args.no_tune:
        if not (SHARED / "data" / "reports").is_dir():
            print(
                f"{SHARED / 'data' / 'reports'} is absent: use --extra DIR --no-tune",
                file=sys.stderr,
            )
            return 2
        sources += tune_sources()
    for folder in args.extra:
        if not folder.is_dir():
            print(f"--extra {folder}: not a folder", file=sys.stderr)
            return 2
        sources += extra_sources(folder)
    texts = by_language(sources)
    fx = FxRates()
    with tempfile.TemporaryDirectory(prefix="sectorlens-stress-") as tmp:
        for lang in args.lang or LANGS:
            if not texts[lang]:
                print(f"== {lang}: no texts")
                continue
            stress = concatenate(texts[lang])
            stress, findings, seconds = measure(stress, Path(tmp), lang, fx)
            report(lang, stress, findings, seconds, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
