"""``check`` on a text written for a test: its findings by rule, and the errors and warnings."""

from __future__ import annotations

from sectorlens.facts import check, extract, from_text
from sectorlens.model import Finding, Severity

BAD = (Severity.ERROR, Severity.WARNING)


def findings(text: str, rule: str | None = None, fmt: str = "txt") -> list[Finding]:
    """The findings (English messages) on ``text`` read as ``fmt``, of rules starting ``rule``."""
    found = check(extract(from_text(text, fmt=fmt)), lang="en")
    return [f for f in found if rule is None or f.rule.startswith(rule)]


def flagged(text: str, rule: str | None = None, fmt: str = "txt") -> list[Finding]:
    """The errors and warnings among ``findings``."""
    return [f for f in findings(text, rule, fmt) if f.severity in BAD]


def fires(ok: str, bad: str, rule: str) -> None:
    """No error or warning of ``rule`` on ``ok``; at least one on ``bad``."""
    assert flagged(ok, rule) == [], ok
    assert flagged(bad, rule), bad


def checked(text: str, rule: str) -> list[str]:
    """The messages of every finding of ``rule`` (ok findings too)."""
    return [f.message for f in findings(text, rule)]
