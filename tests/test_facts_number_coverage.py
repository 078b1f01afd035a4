"""Extraction coverage: every number of a document is counted, as a fact, ignored with its
reason, or unparsed.
"""

from __future__ import annotations

from pathlib import Path

from sectorlens.facts import from_text
from sectorlens.facts.coverage import Status, inventory, resolve

# --- coverage --------------------------------------------------------------------------------


def test_every_number_is_counted_with_a_status() -> None:
    text = (
        "1. 매출은 2020년 1,234억 원이었다. 문의: 02-1234-5678\n\n"
        "2. 점유율은 32.5%다. 종목코드 005930.\n\n"
        "알 수 없는 숫자 77이 있다.\n"
    )
    doc = from_text(text)
    tokens = inventory(doc)
    assert [t.text for t in tokens] == [
        "1", "2020", "1,234", "02", "1234", "5678", "2", "32.5", "005930", "77",
    ]  # fmt: skip
    fact_a = doc.text.index("1,234억 원")
    fact_b = doc.text.index("32.5%")
    period = doc.text.index("2020년")
    cov = resolve(
        tokens,
        facts=[(fact_a, fact_a + len("1,234억 원")), (fact_b, fact_b + 5)],
        periods=[(period, period + 5)],
    )
    by_text = {t.text: (t.status, t.reason) for t in cov.tokens}
    assert by_text["1"] == (Status.IGNORED, "list index")
    assert by_text["2020"] == (Status.IGNORED, "period")
    assert by_text["1,234"] == (Status.FACT, None)
    assert by_text["5678"] == (Status.IGNORED, "phone number")
    assert by_text["005930"] == (Status.IGNORED, "stock code")
    assert by_text["77"] == (Status.UNPARSED, "not read as a quantity")
    counts = cov.counts()
    assert counts["numbers"] == len(tokens) == 10
    assert counts["fact"] + sum(counts["ignored"].values()) + sum(counts["unparsed"].values()) == 10
    loc = next(t.locator for t in cov.tokens if t.text == "77")
    assert loc is not None and loc.block == 2 and loc.sentence == 0


def test_section_and_figure_numbers_are_ignored_with_their_reason() -> None:
    doc = from_text(
        "3.2 Market size\n\n그림 3에 따르면 목표 30%를 넘었다. 代表2020年的数据见表1。\n"
    )
    by_text = {t.text: t.reason for t in inventory(doc)}
    assert by_text == {
        "3.2": "section number",
        "3": "figure or table number",
        "30": None,
        "2020": None,
        "1": "figure or table number",
    }


def test_extract_json_reports_coverage_counts(tmp_path: Path, cli: object) -> None:
    import json

    path = tmp_path / "r.txt"
    path.write_text(
        "서울이 41.25%, 부산이 12.5%를 차지한다. 전화 02-1234-5678.\n", encoding="utf-8"
    )
    result = cli("extract", "--json", str(path))  # type: ignore[operator]
    assert result.exit_code == 0
    coverage = json.loads(result.stdout)["coverage"]
    assert coverage == {"numbers": 5, "fact": 2, "ignored": {"phone number": 3}, "unparsed": {}}
