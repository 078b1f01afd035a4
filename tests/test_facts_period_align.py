"""A period read from words is the table's period of the same days within a week (fiscal years and
quarters end on a weekday near the month's end), so prose and the table it cites pair; text
written for these tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sectorlens.facts import check, extract
from sectorlens.facts.readers import read_document
from sectorlens.model import Finding, Period, Severity

TABLE = (
    "# Acme results\n\n"
    "| ($ in millions) | {head_now} | {head_before} | Change |\n|---|---|---|---|\n"
    "| Revenue | $ 60,922 | $ 26,974 | 126 % |\n\n"
    "{prose}\n"
)
FISCAL_YEAR = {
    "head_now": "Year Ended Jan 28, 2024",
    "head_before": "Year Ended Jan 29, 2023",
    "prose": "Fiscal year 2024 ended January 28, 2024. Revenue for fiscal year 2024 was $60.9 "
    "billion, up {x}% from a year ago.",
}
QUARTER = {
    "head_now": "Three Months Ended Apr 1, 2023",
    "head_before": "Three Months Ended Mar 26, 2022",
    "prose": "In the first quarter of 2023, revenue was $60.9 billion, up {x}% from a year ago.",
}


def findings(tmp_path: Path, text: str) -> list[Finding]:
    path = tmp_path / "release.md"
    path.write_text(text, encoding="utf-8")
    got = check(extract(read_document(path)), lang="en")
    return [f for f in got if f.severity in (Severity.ERROR, Severity.WARNING)]


@pytest.mark.parametrize("case", [FISCAL_YEAR, QUARTER], ids=["fiscal-year", "quarter"])
def test_prose_dated_in_words_pairs_with_the_table_dated_by_days(
    tmp_path: Path, case: dict[str, str]
) -> None:
    text = TABLE.format(**{**case, "prose": case["prose"].format(x="126")})
    assert not findings(tmp_path, text)
    text = TABLE.format(**{**case, "prose": case["prose"].format(x="136")})
    assert [f.rule for f in findings(tmp_path, text)] == ["restated"]


def test_the_prose_takes_the_tables_days(tmp_path: Path) -> None:
    path = tmp_path / "release.md"
    text = TABLE.format(**{**QUARTER, "prose": QUARTER["prose"].format(x="126")})
    path.write_text(text, encoding="utf-8")
    mentions = extract(read_document(path)).mentions
    table = {m.fact.period for m in mentions if m.cell is not None and m.cell[2] == 1}
    prose = {m.fact.period for m in mentions if m.cell is None}
    assert len(table) == 1 and prose == table  # the words' 2023-01-01..03-31, the table's days
    assert table != {Period(date(2023, 1, 1), date(2023, 3, 31))}


def test_a_period_further_than_a_week_keeps_its_own_days(tmp_path: Path) -> None:
    # the table is of a fiscal year ending in June; the prose speaks of the calendar year
    case = {
        "head_now": "Year Ended June 30, 2024",
        "head_before": "Year Ended June 30, 2023",
        "prose": "Revenue for calendar 2024 was $50.0 billion, up 136% from a year ago.",
    }
    path = tmp_path / "release.md"
    path.write_text(TABLE.format(**case), encoding="utf-8")
    prose = [m for m in extract(read_document(path)).mentions if m.cell is None]
    assert all(m.fact.period != Period(date(2023, 7, 1), date(2024, 6, 30)) for m in prose)
    assert not findings(tmp_path, TABLE.format(**case))
