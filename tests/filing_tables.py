"""Filing-style HTML tables written for a test, and the table findings ``check`` gives on them."""

from __future__ import annotations

from check_findings import BAD
from sectorlens.facts import check, extract
from sectorlens.facts.read_html import read_html
from sectorlens.model import Finding


def _td(v: str) -> str:
    """One value as a filing writes it: ``$`` | number | ``)`` or ``%`` in cells of their own."""
    sign = "$" if v.startswith("$") else ""
    v = v.lstrip("$")
    tail = ""
    if v.endswith("%"):
        v, tail = v[:-1], "%"
    if v.endswith(")"):
        v, tail = v[:-1], ")" + tail
    return f"<td>{sign}</td><td>{v}</td><td>{tail}</td>"


def html_table(head: list[str], rows: list[tuple[str, list[str]]], before: str = "") -> str:
    """A filing-style HTML table: a header row of column names (``A / B`` spans two header
    rows), then label rows; an empty value list is a section label."""
    top = [h.split(" / ")[0] if " / " in h else "" for h in head]
    low = [h.split(" / ")[-1] for h in head]
    lines = [f"<html><body><p>{before}</p><table>"]
    if any(top):
        lines.append("<tr><td></td>" + "".join(f'<td colspan="3">{t}</td>' for t in top) + "</tr>")
    lines.append("<tr><td></td>" + "".join(f'<td colspan="3">{t}</td>' for t in low) + "</tr>")
    for label, values in rows:
        cells = "".join(_td(v) if v else "<td></td><td></td><td></td>" for v in values)
        lines.append(f"<tr><td>{label}</td>{cells}</tr>")
    lines.append("</table></body></html>")
    return "\n".join(lines)


def findings(page: str, rule: str = "table.") -> list[Finding]:
    """The findings (English messages) on the HTML ``page``, of rules starting ``rule``."""
    doc = read_html(page.encode(), "t.html")
    return [f for f in check(extract(doc), lang="en") if f.rule.startswith(rule)]


def flagged(page: str, rule: str = "table.") -> list[Finding]:
    """The errors and warnings among ``findings``."""
    return [f for f in findings(page, rule) if f.severity in BAD]


def ok_then_bad(ok: str, bad: str, rule: str = "table.") -> list[Finding]:
    """Assert ``ok`` is flagged nothing and ``bad`` something; what ``bad`` is flagged."""
    assert flagged(ok, rule) == [], ok
    found = flagged(bad, rule)
    assert found, bad
    return found
