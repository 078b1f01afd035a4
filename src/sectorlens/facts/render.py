"""Facts and findings as JSON-ready data and as a self-contained HTML report (all text escaped)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import jinja2

from sectorlens.facts.extract import Extraction
from sectorlens.model import Fact, Finding, Severity
from sectorlens.parse import as_dict

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO, Severity.OK)


def fact_dict(fact: Fact) -> dict[str, Any]:
    """One fact: the parsed quantity (as ``sectorlens parse --json``) plus where and what."""
    q = as_dict(fact.quantity)
    period = fact.period
    return {
        "line": fact.line,
        "span": list(fact.span),
        "kind": q["kind"],
        "value": q["value"],
        "low": q["low"],
        "high": q["high"],
        "qualifier": q["qualifier"],
        "currency": q["currency"],
        "unit": q["unit"],
        "equivalent": q["equivalent"],
        "period": None
        if period is None
        else {
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "partial": period.partial,
        },
        "subject": fact.subject,
        "figure": fact.figure,
        "text": fact.quantity.input,
        "sentence": fact.sentence,
    }


def finding_dict(finding: Finding) -> dict[str, Any]:
    """One finding: rule, severity, message, values (decimal strings), lines, quotes."""
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message,
        "values": list(finding.values),
        "lines": list(finding.lines),
        "quotes": list(finding.quotes),
    }


def extraction_dict(extraction: Extraction) -> dict[str, Any]:
    """The facts of a document and the candidates the parser could not read."""
    return {
        "document": extraction.document.name,
        "format": extraction.document.format,
        "facts": [fact_dict(f) for f in extraction.facts],
        "unparsed": [
            {"line": f.line, "text": f.quantity.input, "reason": f.quantity.reason}
            for f in extraction.unparsed
        ],
    }


def report_dict(extraction: Extraction, findings: Sequence[Finding]) -> dict[str, Any]:
    """What ``sectorlens check --json`` prints."""
    counts = Counter(f.severity.value for f in findings)
    return {
        "document": extraction.document.name,
        "facts": len(extraction.facts),
        "summary": {s.value: counts.get(s.value, 0) for s in SEVERITIES},
        "findings": [finding_dict(f) for f in findings],
    }


_TEMPLATE = """<!doctype html>
<html lang="{{ lang }}"><head><meta charset="utf-8">
<title>{{ t["title"] }} — {{ name }}</title>
<style>
body{font-family:system-ui,"Noto Sans CJK KR","Noto Sans KR",sans-serif;max-width:60rem;
margin:2rem auto;padding:0 1rem;color:#222;line-height:1.5}
h1{font-size:1.4rem}.summary span{margin-right:1rem;font-weight:600}
.finding{border-left:.35rem solid #999;padding:.4rem .8rem;margin:.8rem 0;background:#fafafa}
.error{border-color:#c62828}.warning{border-color:#ef8f00}.info{border-color:#1565c0}
.ok{border-color:#2e7d32}.sev{font-weight:700;text-transform:uppercase;font-size:.8rem}
.rule{color:#666;font-size:.8rem;margin-left:.5rem}
blockquote{margin:.4rem 0 .2rem 0;padding-left:.8rem;border-left:2px solid #ddd;color:#444}
.meta{color:#666;font-size:.85rem}
</style></head><body>
<h1>{{ t["title"] }}: {{ name }}</h1>
<p class="summary">{% for sev, n in summary %}<span class="{{ sev }}">{{ t[sev] }} {{ n }}</span>
{% endfor %}<span>{{ t["facts"] }} {{ facts }}</span></p>
{% for f in findings %}<div class="finding {{ f["severity"] }}">
<span class="sev">{{ t[f["severity"]] }}</span><span class="rule">{{ f["rule"] }}</span>
<p>{{ f["message"] }}</p>
{% for q in f["quotes"] %}<blockquote>{{ q }}</blockquote>{% endfor %}
<p class="meta">{{ t["lines"] }} {{ f["lines"]|join(", ") }}{% if f["values"] %} · {{ t["values"] }}
{{ f["values"]|join(", ") }}{% endif %}</p>
</div>
{% else %}<p>{{ t["none"] }}</p>{% endfor %}
</body></html>
"""
_WORDS = {
    "ko": {
        "title": "수치 점검",
        "error": "오류",
        "warning": "경고",
        "info": "참고",
        "ok": "확인",
        "facts": "추출 수치",
        "lines": "줄",
        "values": "값",
        "none": "점검할 수치 관계를 찾지 못했습니다.",
    },
    "en": {
        "title": "Number check",
        "error": "error",
        "warning": "warning",
        "info": "info",
        "ok": "ok",
        "facts": "facts",
        "lines": "lines",
        "values": "values",
        "none": "No checkable relation between numbers was found.",
    },
}


def findings_html(extraction: Extraction, findings: Sequence[Finding], lang: str = "ko") -> str:
    """A self-contained HTML page listing the findings with the quoted sentences (escaped)."""
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    data = report_dict(extraction, findings)
    return env.from_string(_TEMPLATE).render(
        lang=lang,
        t=_WORDS.get(lang, _WORDS["en"]),
        name=extraction.document.name,
        summary=list(data["summary"].items()),
        facts=data["facts"],
        findings=data["findings"],
    )
