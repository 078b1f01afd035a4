"""Findings that pair facts of separately dated items of a compilation (a news digest, a bundle
of articles): the items are different documents, so no contradiction between them is certain."""

from __future__ import annotations

import dataclasses

from sectorlens.facts.rules.common import Context
from sectorlens.model import Finding, Severity

_APART = {
    "ko": " (다만 이 값들은 서로 다른 날짜의 별개 글에 있어 같은 것을 가리킨다고 볼 수 없습니다.)",
    "en": " (These figures stand in separately dated items of the document, so they need not "
    "be about the same thing.)",
}


def within_items(ctx: Context, findings: list[Finding]) -> list[Finding]:
    """An error or warning over facts of different items of a compilation becomes info."""
    parts = ctx.extraction.parts
    if not parts.compilation:
        return findings
    out = []
    for f in findings:
        items = {parts.index(fact.span[0]) for fact in f.facts}
        if f.severity in (Severity.ERROR, Severity.WARNING) and len(items) > 1:
            f = dataclasses.replace(f, severity=Severity.INFO, message=f.message + ctx.say(_APART))
        out.append(f)
    return out
