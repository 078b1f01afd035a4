"""Facts and findings as JSON-ready data and as a self-contained HTML report (all text escaped)."""

from __future__ import annotations

import hashlib
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
        "assumptions": q["assumptions"],
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


def assumptions_of(facts: Sequence[Fact]) -> list[str]:
    """What reading the facts assumed (``USD assumed for '$'``), each once, in order."""
    out: list[str] = []
    for fact in facts:
        q = fact.quantity
        notes = list(q.assumptions) + (list(q.equivalent.assumptions) if q.equivalent else [])
        for note in notes:
            if note not in out:
                out.append(note)
    return out


def finding_id(finding: Finding) -> str:
    """A stable id for a finding: its rule, lines and values (the same on a re-run)."""
    key = f"{finding.rule}|{','.join(map(str, finding.lines))}|{','.join(finding.values)}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def locator_of(extraction: Extraction | None, fact: Fact) -> dict[str, Any]:
    """Where a fact sits: line, and page, block, sentence or table cell where known."""
    out: dict[str, Any] = {"line": fact.line}
    locate = getattr(getattr(extraction, "document", None), "locate", None)
    loc = locate(fact.span[0]) if locate is not None else None
    if loc is not None:
        out |= {
            k: v
            for k, v in (
                ("page", loc.page),
                ("block", loc.block),
                ("sentence", loc.sentence),
                ("row", loc.row),
                ("col", loc.col),
            )
            if v is not None
        }
        out["text"] = str(loc)
    return out


def finding_dict(finding: Finding, extraction: Extraction | None = None) -> dict[str, Any]:
    """One finding: id, rule, severity, message, values (base units), lines, quotes, facts."""
    return {
        "id": finding_id(finding),
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message,
        "values": list(finding.values),
        "lines": list(finding.lines),
        "quotes": list(finding.quotes),
        "why": finding.why,
        "assumptions": assumptions_of(finding.facts),
        "facts": [fact_dict(f) | {"locator": locator_of(extraction, f)} for f in finding.facts],
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


def report_dict(
    extraction: Extraction, findings: Sequence[Finding], accepted: Sequence[Finding] = ()
) -> dict[str, Any]:
    """What ``sectorlens check --json`` prints (accepted findings listed by id)."""
    counts = Counter(f.severity.value for f in findings)
    return {
        "document": extraction.document.name,
        "facts": len(extraction.facts),
        "summary": {s.value: counts.get(s.value, 0) for s in SEVERITIES}
        | {"accepted": len(accepted)},
        "findings": [finding_dict(f, extraction) for f in findings],
        "accepted": [finding_id(f) for f in accepted],
    }


def accepted_keys(data: Any) -> tuple[set[str], set[tuple[str, int]]]:
    """Ids and (rule, line) pairs from a reviewed-findings file's content.

    The file is a list (or ``{"accepted": [...]}``) of finding ids, or of objects with an
    ``id``, or a ``rule`` and a ``line``.
    """
    items = data.get("accepted", []) if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise ValueError("expected a list of finding ids or {rule, line} entries")
    ids: set[str] = set()
    pairs: set[tuple[str, int]] = set()
    for item in items:
        if isinstance(item, str):
            ids.add(item)
        elif isinstance(item, dict) and isinstance(item.get("id"), str):
            ids.add(item["id"])
        elif isinstance(item, dict) and isinstance(item.get("rule"), str):
            line = item.get("line")
            if not isinstance(line, int):
                raise ValueError(f"entry for rule {item['rule']!r} has no line number")
            pairs.add((item["rule"], line))
        else:
            raise ValueError(f"cannot read entry {item!r}: give an id or a rule and a line")
    return ids, pairs


def split_accepted(
    findings: Sequence[Finding], ids: set[str], pairs: set[tuple[str, int]]
) -> tuple[list[Finding], list[Finding]]:
    """(findings still open, findings a reviewer accepted)."""
    kept: list[Finding] = []
    accepted: list[Finding] = []
    for f in findings:
        hit = finding_id(f) in ids or any((f.rule, line) in pairs for line in f.lines)
        (accepted if hit else kept).append(f)
    return kept, accepted


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
.meta{color:#666;font-size:.85rem}mark{background:#ffe08a;padding:0 .1rem}
</style></head><body>
<h1>{{ t["title"] }}: {{ name }}</h1>
<p class="summary">{% for sev, n in summary %}<span class="{{ sev }}">{{ t[sev] }} {{ n }}</span>
{% endfor %}<span>{{ t["facts"] }} {{ facts }}</span></p>
{% for f in findings %}<div class="finding {{ f["severity"] }}">
<span class="sev">{{ t[f["severity"]] }}</span><span class="rule">{{ f["rule"] }}</span>
<p>{{ f["message"] }}</p>
{% for q in f["marked"] %}<blockquote>{% for text, hit in q -%}
{% if hit %}<mark>{{ text }}</mark>{% else %}{{ text }}{% endif %}
{%- endfor %}</blockquote>{% endfor %}
{% if f["why"] %}<p class="meta">{{ t["why"] }}: {{ f["why"] }}</p>{% endif %}
{% if f["assumptions"] %}<p class="meta">{{ t["assumed"] }}: {{ f["assumptions"]|join("; ") }}</p>
{% endif %}
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
        "why": "근거",
        "assumed": "가정",
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
        "why": "why paired",
        "assumed": "assumed",
    },
}


def findings_html(extraction: Extraction, findings: Sequence[Finding], lang: str = "ko") -> str:
    """A self-contained HTML page listing the findings with the quoted sentences (escaped)."""
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    data = report_dict(extraction, findings)
    for f, raw in zip(data["findings"], findings, strict=True):
        f["marked"] = [_marked(q, raw.facts) for q in raw.quotes]
    return env.from_string(_TEMPLATE).render(
        lang=lang,
        t=_WORDS.get(lang, _WORDS["en"]),
        name=extraction.document.name,
        summary=[(s.value, data["summary"][s.value]) for s in SEVERITIES],
        facts=data["facts"],
        findings=data["findings"],
    )


def _marked(quote: str, facts: Sequence[Fact]) -> list[tuple[str, bool]]:
    """``quote`` cut into (text, highlighted) runs: the paired facts' numbers highlighted."""
    hits: list[tuple[int, int]] = []
    for fact in facts:
        needle = fact.quantity.input.strip()
        if needle not in quote and ": " in fact.sentence:
            needle = fact.sentence.rsplit(": ", 1)[1].strip()  # a table cell as printed
        if not needle:
            continue
        at = quote.find(needle)
        while at >= 0 and any(a < at + len(needle) and at < b for a, b in hits):
            at = quote.find(needle, at + 1)
        if at >= 0:
            hits.append((at, at + len(needle)))
    runs: list[tuple[str, bool]] = []
    pos = 0
    for a, b in sorted(hits):
        if a > pos:
            runs.append((quote[pos:a], False))
        runs.append((quote[a:b], True))
        pos = b
    if pos < len(quote):
        runs.append((quote[pos:], False))
    return runs
