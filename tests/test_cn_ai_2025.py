"""The 2025 edition of the China subject: every figure traced to a page, editions, the report."""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from sectorlens.fx import FxRates
from sectorlens.metrics.editions import histories, latest, publisher, slot, superseded
from sectorlens.metrics.reference import select
from sectorlens.model import Observation
from sectorlens.report import build_report, render_markdown
from sectorlens.report.blocks import Items, Note, Paragraph, Table
from sectorlens.store import ensure_reference, read_reference
from sectorlens.subjects import bundled_subjects

GOLDEN = Path(__file__).parent / "golden"
SUBJECT = "cn_ai_2025"


@pytest.fixture(scope="module")
def data():  # type: ignore[no-untyped-def]
    return read_reference(bundled_subjects()[SUBJECT])


def test_every_observation_names_its_page_and_quotes_the_figure(data) -> None:  # type: ignore[no-untyped-def]
    sources = {s.source_id: s for s in data.sources}
    for obs in data.observations:
        page = sources[obs.source_id]
        assert page.url and page.publisher and obs.locator, obs.obs_id
        assert obs.note and obs.note.startswith("Original: "), obs.obs_id
        quoted = obs.note.split('"')[1]
        printed = _csv_field(data, obs.obs_id, "as_published")
        assert printed and printed in quoted, (obs.obs_id, printed, quoted)
        for cited in obs.cites:
            assert cited in sources, (obs.obs_id, cited)


def _csv_field(data, obs_id: str, field: str) -> str:  # type: ignore[no-untyped-def]
    import csv

    for path in sorted((data.directory / "observations").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if row["obs_id"] == obs_id:
                    return str(row[field])
    raise AssertionError(obs_id)


def test_no_two_observations_for_one_slot_without_distinct_editions(data) -> None:  # type: ignore[no-untyped-def]
    published = {s.source_id: s.published for s in data.sources}
    groups: dict[tuple[object, ...], list[Observation]] = defaultdict(list)
    for obs in data.observations:
        groups[slot(obs)].append(obs)
    for key, members in groups.items():
        if len(members) < 2:
            continue
        editions = [published[o.source_id] for o in members]
        assert None not in editions, (key, [o.obs_id for o in members])
        assert len(set(editions)) == len(editions), (key, [o.obs_id for o in members])


def test_six_publishers_give_investment_by_year_2019_2024(data) -> None:  # type: ignore[no-untyped-def]
    found = {
        publisher(o)
        for o in data.observations
        if o.metric == "deal_amount"
        and o.geography == "CN"
        and o.period_start
        and o.period_end
        and date(2019, 1, 1) <= o.period_start
        and o.period_end <= date(2024, 12, 31)
    }
    assert len(found) >= 6, found


def test_itjuzi_2021_total_has_two_editions_and_the_later_wins(data) -> None:  # type: ignore[no-untyped-def]
    revised = {h.slot[:2] + h.slot[4:6]: h for h in histories(data.observations, data.sources)}
    history = revised[("itjuzi", "deal_amount", date(2021, 1, 1), date(2021, 12, 31))]
    assert [e.obs.value for e in history.editions] == [
        Decimal("225180000000"),
        Decimal("248780000000"),
    ]
    assert [e.as_of for e in history.editions] == [date(2023, 6, 30), date(2024, 5, 25)]
    assert history.revised and history.current is history.editions[-1]
    kept = {o.obs_id for o in latest(data.observations, data.sources)}
    assert "itjuzi_amount_2021_2024ed" in kept
    assert "itjuzi_amount_2021_2023ed" not in kept
    assert "miit_core_2025_2025ed" not in kept and "miit_core_2025_2026ed" in kept


def test_an_unchanged_figure_in_two_pages_is_an_edition_but_no_revision(data) -> None:  # type: ignore[no-untyped-def]
    same = [h for h in histories(data.observations, data.sources) if not h.revised]
    assert [h.editions[0].obs.obs_id for h in same] == ["caict_industry_2020_2021ed"]


def test_undated_editions_are_never_dropped() -> None:
    from sectorlens.model import Source

    a = Observation("a", "deal_amount", Decimal(1), "money", "p1", cites=("x",))
    b = Observation("b", "deal_amount", Decimal(2), "money", "p2", cites=("x",))
    sources = [Source("p1", "one", published=date(2020, 1, 1)), Source("p2", "two")]
    assert superseded([a, b], sources) == set()
    (history,) = histories([a, b], sources)
    assert history.current is None and history.revised
    dated = [sources[0], Source("p2", "two", published=date(2021, 1, 1))]
    assert superseded([a, b], dated) == {"a"}


@pytest.mark.parametrize("subject", ["cn_ai_2021", "india_startups"])
def test_other_subjects_have_no_superseded_editions(subject: str) -> None:
    data = read_reference(bundled_subjects()[subject])
    assert superseded(data.observations, data.sources) == set()


def test_select_by_cites_follows_one_publisher_across_pages(data) -> None:  # type: ignore[no-untyped-def]
    found = select(data.observations, {"metric": "core_industry_size", "cites": "miit"})
    assert {o.source_id for o in found} == {
        "xfafinance_2020_09_18",
        "cdstm_2022_07_27",
        "anfangnews_2023_10_16",
        "peoplecn_2025_12_27",
        "cec100_2026_03_08",
    }


@pytest.fixture(scope="module")
def store() -> Iterator[duckdb.DuckDBPyConnection]:
    from sectorlens.store import ensure_schema

    con = duckdb.connect(":memory:")
    ensure_schema(con)
    ensure_reference(con, "cn_ai_2021")
    ensure_reference(con, SUBJECT)  # both editions of the China subject in one store
    yield con
    con.close()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_2025_report_matches_golden(store: duckdb.DuckDBPyConnection, lang: str) -> None:
    text = render_markdown(
        build_report(store, lang, fx=FxRates(), font="x", subject=SUBJECT, today=date(2026, 1, 1))
    )
    path = GOLDEN / f"cn_ai_2025.{lang}.md"
    if os.environ.get("SECTORLENS_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_query_reconcile_shows_the_editions_of_a_figure(store: duckdb.DuckDBPyConnection) -> None:
    from sectorlens.metrics import compute, from_duckdb

    result = compute(
        from_duckdb(store),
        "reconcile",
        params={"period": "2021", "obs_metric": "deal_amount", "geography": "CN"},
        currency="CNY",
        fx=FxRates(),
    ).to_pylist()
    itjuzi = [(r["source"], r["as_of"], r["edition"]) for r in result if r["publisher"] == "itjuzi"]
    assert sorted(itjuzi) == [
        ("chinalh_2023_06_30", date(2023, 6, 30), "superseded"),
        ("techcrunch_yunba_2024_05_25", date(2024, 5, 25), "latest"),
    ]
    assert {r["edition"] for r in result if r["publisher"] != "itjuzi"} <= {None}


def test_2025_report_names_six_investment_sources_and_every_2025_target(
    store: duckdb.DuckDBPyConnection,
) -> None:
    text = render_markdown(build_report(store, "en", fx=FxRates(), font="x", subject=SUBJECT))
    table = text.split("AI investment by year — source by source", 1)[1].split("\n\n")[2]
    header, _rule, *rows = table.splitlines()
    names = [c.strip() for c in header.strip("|").split("|")][1:]
    with_figure = set()
    for row in rows:
        cells = [c.strip() for c in row.strip("|").split("|")]
        if 2019 <= int(cells[0]) <= 2024:
            with_figure |= {
                name for name, cell in zip(names, cells[1:], strict=True) if cell != "—"
            }
    assert len(with_figure) >= 6, with_figure  # six sources with a figure for 2019–2024
    assert [int(r.strip("|").split("|")[0]) for r in rows] == list(range(2014, 2026))  # gaps shown
    data = read_reference(bundled_subjects()[SUBJECT])
    status = text.split("Targets due by 2025 — status**", 1)[1].split("\n\n")[1]
    due = [t for t in data.targets if t.target_date.year <= 2025 and t.value is not None]
    assert len(status.splitlines()) - 2 == len(due)  # one row per target due by 2025
    for line in status.splitlines()[2:]:
        assert line.rstrip("|").rsplit("|", 1)[1].strip(), line  # every row states a status
    assert "Target for 2025, core AI industry size at least CNY 400 bn" in text  # (key finding)
    assert "AI-related industry size" in status  # (its finding is past the summary's two)
    assert "Revised figure: ITJuzi" in text and "Revised figure: MIIT" in text


def test_what_changed_since_2021_comes_from_both_editions(
    store: duckdb.DuckDBPyConnection,
) -> None:
    report = build_report(store, "en", fx=FxRates(), font="x", subject=SUBJECT)
    (section,) = [s for s in report.sections if s.section_id == "since_2021"]
    assert section.findings
    for finding in section.findings:  # each cites the 2021 brief and a newer source
        assert "seed_report" in finding.cites, finding
        assert set(finding.cites) - {"seed_report", "caai", "qianzhan_2021"}, finding
    text = " ".join(f.text for f in section.findings)
    assert "CNY 146.8 bn for 2020" in text and "ITJuzi now reports CNY 105.3 bn for 2024" in text


def test_the_2021_edition_is_loaded_with_the_2025_one() -> None:
    from sectorlens.store import ensure_schema
    from sectorlens.store.reference import loaded_subjects, reference_needed

    con = duckdb.connect(":memory:")
    ensure_schema(con)
    assert reference_needed(con, SUBJECT)
    ensure_reference(con, SUBJECT)
    assert set(loaded_subjects(con)) == {"cn_ai_2021", SUBJECT}
    assert not reference_needed(con, SUBJECT)
    con.close()


def test_the_figures_table_lists_every_curated_figure() -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    script = root / "scripts" / "figures_table.py"
    done = subprocess.run(
        [sys.executable, str(script), SUBJECT, "--check"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    doc = (root / "docs" / f"{SUBJECT}_figures.md").read_text(encoding="utf-8")
    data = read_reference(bundled_subjects()[SUBJECT])
    for obs in data.observations:
        assert f"| {obs.obs_id} |" in doc, obs.obs_id


def test_without_the_2021_edition_the_changes_section_is_left_out_not_wrong() -> None:
    from sectorlens.store import ensure_schema, load_reference

    con = duckdb.connect(":memory:")
    ensure_schema(con)
    load_reference(con, bundled_subjects()[SUBJECT])  # this subject alone, no companion
    report = build_report(con, "en", fx=FxRates(), font="x", subject=SUBJECT)
    con.close()
    assert "since_2021" not in {s.section_id for s in report.sections}
    assert any("What changed since the 2021 brief" in p.text for p in report.intro)
    invest = next(s for s in report.sections if s.section_id == "investment_by_source")
    text = render_markdown(report)
    assert "PitchBook" not in text.split("AI investment by year", 1)[1].split("##", 1)[0]
    assert invest.blocks  # the newer sources alone still fill the table


def _depth_over_one(text: str) -> bool:
    """Brackets inside brackets, or one bracketed aside right after another."""
    depth = 0
    for ch in text:
        depth += (ch in "(（") - (ch in ")）")
        if depth > 1:
            return True
    return bool(re.search(r"[)）]\s?[(（]", text))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_2025_summary_keeps_two_findings_a_section_and_says_so(
    store: duckdb.DuckDBPyConnection, lang: str
) -> None:
    report = build_report(store, lang, fx=FxRates(), font="x", subject=SUBJECT)
    summary = report.summary
    assert summary is not None
    items = next(b for b in summary.blocks if isinstance(b, Items)).items
    body = [s for s in report.sections if s.findings]
    assert len(items) == sum(min(len(s.findings), 2) for s in body) < 20
    left = sum(max(len(s.findings) - 2, 0) for s in body)
    note = next(b for b in summary.blocks if isinstance(b, Note))
    assert left > 0 and f" {left}" in note.text
    # sections put their most telling finding first: the by-source spreads the latest year
    texts = " ".join(i.text for i in items)
    latest, earliest = {
        "ko": ("2024년 4개 출처", "2015년 2개 출처"),
        "en": ("In 2024, 4", "In 2015, 2"),
    }[lang]
    assert latest in texts and earliest not in texts


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_2025_generated_text_never_nests_brackets(
    store: duckdb.DuckDBPyConnection, lang: str
) -> None:
    report = build_report(store, lang, fx=FxRates(), font="x", subject=SUBJECT)
    texts = []
    for section in [*report.sections, *([report.summary] if report.summary else [])]:
        texts += [f.text for f in section.findings]
        for block in section.blocks:
            if isinstance(block, Paragraph | Note):
                texts.append(block.text)
            elif isinstance(block, Items):
                texts += [i.text for i in block.items]
            elif isinstance(block, Table) and section.section_id != "policy":
                texts += [str(c) for row in block.rows for c in row]  # (policy titles: quoted)
                texts.append(block.caption or "")
    nested = [t for t in texts if _depth_over_one(t)]
    assert not nested, nested[:3]
    assert len(texts) > 100
