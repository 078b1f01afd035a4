"""Checking a report: extraction, then every rule, as findings."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sectorlens.errors import UsageError
from sectorlens.facts import lexicon as lx
from sectorlens.facts.extract import Extraction, extract_file
from sectorlens.facts.rules import RULES, Context, run
from sectorlens.fx import FxRates
from sectorlens.model import Finding, Severity

LANGS = ("ko", "en")


def document_language(extraction: Extraction) -> str:
    """The language findings are worded in by default: the document's, where ko or en, else en."""
    found = lx.language(extraction.document.text[:20000])
    return found if found in LANGS else "en"


def check(
    extraction: Extraction,
    *,
    lang: str | None = None,
    fx: FxRates | None = None,
    con: Any = None,
    rules: Iterable[str] | None = None,
    scope: Any = None,
) -> list[Finding]:
    """Findings over ``extraction``; ``fx`` enables ECB checks, ``con`` (a store) the store rule
    (over the deals inside ``scope``, a ``metrics.Scope``, when given).

    ``lang`` words the messages; by default the document's language where that is ko or en.
    """
    lang = lang or document_language(extraction)
    if lang not in LANGS:
        raise UsageError(f"unknown language {lang!r} (choose from: {', '.join(LANGS)})")
    names = list(RULES) if rules is None else list(rules)
    unknown = [n for n in names if n not in RULES]
    if unknown:
        raise UsageError(f"unknown rule {unknown[0]!r} (choose from: {', '.join(RULES)})")
    return run(Context(extraction, lang, fx, con, scope), names)


def check_file(
    path: Path | str,
    *,
    lang: str | None = None,
    fx: FxRates | None = None,
    con: Any = None,
    default_currency: str | None = None,
) -> tuple[Extraction, list[Finding]]:
    """Read ``path``, extract its facts and check them."""
    extraction = extract_file(path, default_currency=default_currency)
    return extraction, check(extraction, lang=lang, fx=fx, con=con)


def has_errors(findings: Iterable[Finding]) -> bool:
    """True when any finding is an error (the exit status of ``sectorlens check``)."""
    return any(f.severity is Severity.ERROR for f in findings)
