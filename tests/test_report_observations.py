"""Observations as data sets write them: ranges, exact wheres, one row per slot, left-outs."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb
import pytest

import metrics_data
from sectorlens.errors import InputError
from sectorlens.fx import FxRates
from sectorlens.report import build_report, render_markdown
from sectorlens.store import load_reference, read_reference
from tiny_dataset import SUBJECT, write_dataset


@pytest.fixture(scope="module")
def fx() -> FxRates:
    return FxRates()


COUNTS = SUBJECT.replace("where: {{metric: size}}", "where: {{metric: startups}}").replace(
    "home_currency: EUR\n", ""
)


def _count_rows(*rows: tuple[str, str, str, str]) -> list[dict[str, str]]:
    out = []
    for obs_id, value, low, high in rows:
        year = obs_id[-4:]
        out.append(
            {"obs_id": obs_id, "metric": "startups", "value": value, "low": low, "high": high,
             "qualifier": "range" if low else "exact", "unit": "startups",
             "period_start": f"{year}-01-01", "period_end": f"{year}-12-31", "geography": "ZZ"}
        )  # fmt: skip
    return out


def _report(con: duckdb.DuckDBPyConnection, root: Path, fx: FxRates, lang: str = "en") -> str:
    load_reference(con, root)
    return render_markdown(build_report(con, lang, fx=fx, font="x"))


def test_a_range_stays_a_range_in_table_growth_and_chart(
    con: duckdb.DuckDBPyConnection, tmp_path: Path, fx: FxRates
) -> None:
    rows = _count_rows(("s_2016", "4000", "", ""), ("s_2021", "", "7200", "7700"))
    root = write_dataset(tmp_path / "ds", "tiny", rows, subject=COUNTS.format(id="tiny"))
    text = _report(con, root, fx)
    assert "| 2021 | 7,200–7,700 startups | actual |" in text
    # 7,200/4,000 = 1.80 and 7,700/4,000 = 1.925 over five years: CAGR 12.5%–14.0%
    assert "1.80–1.93× in 5 years" in text
    assert "(CAGR) of 12.5–14.0%" in text
    assert "published as ranges, so the multiple and the CAGR are ranges too" in text
    built = build_report(con, "en", fx=fx, font="x")
    (chart,) = [b for s in built.sections for b in s.blocks if type(b).__name__ == "Chart"]
    values = chart.spec["data"]["values"]  # type: ignore[attr-defined]
    assert [(v["value"], v["high"], v["label"]) for v in values] == [
        (4000.0, 4000.0, "4,000"),
        (7200.0, 7700.0, "7,200–7,700"),
    ]
    assert any(layer["mark"]["type"] == "rule" for layer in chart.spec["layer"])  # type: ignore[attr-defined]
    # the axis from the unit: a count of start-ups, not money
    assert chart.spec["layer"][0]["encoding"]["y"]["title"] == "startups (startups)"  # type: ignore[attr-defined]
    ko = _report(con, root, fx, "ko")
    assert "5년 만에" in ko and "하한·상한으로 계산한 범위" in ko


def test_one_year_is_written_as_one_year(
    con: duckdb.DuckDBPyConnection, tmp_path: Path, fx: FxRates
) -> None:
    rows = _count_rows(("s_2020", "100", "", ""), ("s_2021", "122", "", ""))
    root = write_dataset(tmp_path / "ds", "tiny", rows, subject=COUNTS.format(id="tiny"))
    text = _report(con, root, fx)
    assert "1.22× in 1 year," in text and "1 years" not in text


def test_a_where_without_segments_matches_unsegmented_rows_only(
    con: duckdb.DuckDBPyConnection, tmp_path: Path, fx: FxRates
) -> None:
    rows = _count_rows(("s_2019", "4400", "", ""))
    rows.append({**rows[0], "obs_id": "s_2019_seg", "value": "1600", "segment_type": "stage",
                 "segment": "seed"})  # fmt: skip
    root = write_dataset(tmp_path / "ds", "tiny", rows, subject=COUNTS.format(id="tiny"))
    text = _report(con, root, fx)
    assert "4,400 startups" in text and "1,600" not in text


def test_two_observations_for_one_slot_are_a_load_error(tmp_path: Path) -> None:
    rows = _count_rows(("s_2019", "4400", "", ""), ("s_2019b", "1600", "", ""))
    rows[1]["period_start"], rows[1]["period_end"] = "2019-01-01", "2019-12-31"
    root = write_dataset(tmp_path / "ds", "tiny", rows)
    with pytest.raises(InputError) as info:
        read_reference(root)
    message = str(info.value)
    assert "figures.csv:3: 's_2019b' and 's_2019'" in message
    assert "figures.csv:2)" in message and "same slot" in message


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"value": "", "low": "", "high": ""}, r"figures\.csv:2: value: no value"),
        ({"value": "", "low": "9", "high": "5"}, r"figures\.csv:2: low: low 9 is above high 5"),
        ({"status": "guess"}, r"figures\.csv:2: status: 'guess' is not one of .*derived"),
    ],
)
def test_bad_rows_name_file_line_and_key(
    tmp_path: Path, change: dict[str, str], message: str
) -> None:
    rows = _count_rows(("s_2019", "4400", "", ""))
    root = write_dataset(tmp_path / "ds", "tiny", [{**rows[0], **change}])
    with pytest.raises(InputError, match=message):
        read_reference(root)


def test_derived_is_a_status(con: duckdb.DuckDBPyConnection, tmp_path: Path, fx: FxRates) -> None:
    rows = _count_rows(("s_2020", "100", "", ""), ("s_2021", "150", "", ""))
    rows[1]["status"] = "derived"
    root = write_dataset(tmp_path / "ds", "tiny", rows, subject=COUNTS.format(id="tiny"))
    assert "| 2021 | 150 startups | derived |" in _report(con, root, fx)


def test_a_section_with_nothing_to_show_is_left_out_with_a_note(
    con: duckdb.DuckDBPyConnection, tmp_path: Path, fx: FxRates
) -> None:
    subject = COUNTS.format(id="tiny") + (
        "  - id: nothing\n    kind: series\n    title: {ko: 없음, en: Nothing here}\n"
        "    where: {metric: absent}\n"
    )
    root = write_dataset(tmp_path / "ds", "tiny", _count_rows(("s_2020", "1", "", "")), subject)
    text = _report(con, root, fx)
    assert "## 2." not in text and "Left out for want of data: Nothing here." in text


def test_ingested_tables_cite_their_loads(con: duckdb.DuckDBPyConnection, fx: FxRates) -> None:
    load_reference(con)
    metrics_data.fill(con)
    con.execute(
        "INSERT INTO loads (load_id, source_format, path, file_sha256, started_at, finished_at) "
        "VALUES ('L1', 'fixture', '/data/fixture_rounds.csv', 'x', ?, ?)",
        [datetime(2026, 1, 2), datetime(2026, 1, 2)],
    )
    text = render_markdown(build_report(con, "en", fx=fx, font="x"))
    sources = text[text.index("## Sources") :]
    assert "**fixture: fixture_rounds.csv** — fixture_rounds.csv, fixture, 2026-01." in sources
    assert "Ingested as load L1; 12 of its deals are in this subject's scope." in sources
