"""Issue 16, second pass: relations the tables and the document establish themselves.

Each rule has examples that fire and examples that must not (written for these tests).
"""

from __future__ import annotations

import pytest

from sectorlens.facts import check, extract, from_text
from sectorlens.model import Finding, Severity

BAD = (Severity.ERROR, Severity.WARNING)


def run(text: str, rule: str | None = None, fmt: str = "txt") -> list[Finding]:
    found = check(extract(from_text(text, fmt=fmt)), lang="en")
    return [f for f in found if rule is None or f.rule.startswith(rule)]


def bad(text: str, rule: str | None = None, fmt: str = "txt") -> list[Finding]:
    return [f for f in run(text, rule, fmt) if f.severity in BAD]


# --- an unlabelled total row, shown to be one by another column ------------------------------

UNLABELLED = """Orders by region (in millions)

| Region | 2023 | 2022 |
|---|---:|---:|
| North | $ 410 | $ 380 |
| South | 220 | 205 |
| West | 130 | 118 |
| | $ {a} | $ {b} |
"""


def test_an_unlabelled_last_row_that_sums_in_one_column_is_checked_in_the_other() -> None:
    assert bad(UNLABELLED.format(a="760", b="703"), fmt="md") == []
    (f,) = bad(UNLABELLED.format(a="790", b="703"), "table.total", fmt="md")
    assert f.severity is Severity.ERROR and "total row" in f.message
    assert f.values[0] == "790000000"


@pytest.mark.parametrize(("a", "b"), [("790", "713"), ("51", "47")])
def test_an_unlabelled_last_row_no_column_adds_up_is_no_total(a: str, b: str) -> None:
    # an average row, or a row of other figures: nothing in the table says it is a total
    assert bad(UNLABELLED.format(a=a, b=b), fmt="md") == []
