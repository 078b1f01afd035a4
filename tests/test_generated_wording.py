"""Every sentence the report and ``check`` generate reads right: Korean particles, English wording.

The Korean test runs ``sectorlens.korean.particle_errors`` (a number or unit, maybe a bracket,
then a particle that disagrees with how the number is read) over every text of every bundled
subject's report, and over ``check --lang ko`` on the seed brief. The English test looks for
plural disagreement ("1 years"), bare Decimal reprs and unformatted numbers. The dashboard's pages
are covered in ``tests/web/test_pages_wording.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

import metrics_data
from sectorlens.fx import FxRates
from sectorlens.korean import final_sound, josa, particle_errors, resolve
from sectorlens.report import Report, build_report, render_markdown
from sectorlens.report.blocks import Chart, Items, Note, Paragraph, Prose, Table
from sectorlens.store import load_reference
from sectorlens.store.refdata import bundled_dataset
from sectorlens.subjects import bundled_subjects

SUBJECTS = sorted(bundled_subjects())
STATUS_WORDS = ("실적", "추정", "목표", "전망", "산출", "actual", "estimate", "target", "forecast")


# -- the particle function ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("word", "pair", "expected"),
    [
        ("4,796건", "으로/로", "4,796건으로"),
        ("7,685억 3,900만 위안", "으로/로", "7,685억 3,900만 위안으로"),
        ("7%", "으로/로", "7%로"),  # 퍼센트
        ("18.52%p", "을/를", "18.52%p를"),  # 퍼센트포인트
        ("3곳", "과/와", "3곳과"),
        ("20억 달러", "을/를", "20억 달러를"),
        ("335건(2018년, PitchBook)", "과/와", "335건(2018년, PitchBook)과"),  # bracket skipped
        ("2.16배", "으로/로", "2.16배로"),
        ("10", "이/가", "10이"),  # 십
        ("1,000", "은/는", "1,000은"),  # 천
        ("2조", "이/가", "2조가"),
        ("1", "으로/로", "1로"),  # 일: ㄹ takes 로
        ("6", "으로/로", "6으로"),  # 육
        ("AI", "은/는", "AI는"),  # 에이아이
        ("LLM", "은/는", "LLM은"),  # 엘엘엠
        ("北京", "은/는", "北京은(는)"),  # reading unknown: both forms
    ],
)
def test_josa_reads_numbers_and_units_aloud(word: str, pair: str, expected: str) -> None:
    assert josa(word, pair) == expected


def test_resolve_fills_markers_and_the_checker_finds_the_issue_s_examples() -> None:
    assert (
        resolve("값 4,873건(…)(으)로 계산했고 7%이(가) 맞다")
        == "값 4,873건(…)으로 계산했고 7%가 맞다"
    )
    wrong = "4,796건로 7,685억 3,900만 위안로 335건(…)와 4,873건(…)로 계산"
    assert len(particle_errors(wrong)) == 4
    right = "4,796건으로, 7,685억 위안으로 7%로 3곳과 20억 달러를 335건(…)과 2.16배로 5곳이 더"
    assert particle_errors(right) == []


# -- every text of every bundled subject's report ------------------------------------------------
@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    from sectorlens.store import connect

    con = connect(tmp_path_factory.mktemp("wording") / "store.duckdb")
    for subject in SUBJECTS:
        load_reference(con, bundled_dataset(subject))
    metrics_data.fill(con)  # ingested deals: the report's sections from them are read too
    yield con
    con.close()


@pytest.fixture(scope="module")
def reports(store: duckdb.DuckDBPyConnection) -> dict[tuple[str, str], Report]:
    fx = FxRates()
    return {
        (subject, lang): build_report(
            store, lang, fx=fx, font="x", subject=subject, today=date(2026, 1, 1)
        )
        for subject in SUBJECTS
        for lang in ("ko", "en")
    }


def texts_of(report: Report) -> Iterator[str]:
    """Every generated text of a built report: cover, summary, intro, every block, footer."""
    if report.cover:
        yield report.cover.title
        yield from (value for _, value in report.cover.lines)
    yield from (p.text for p in report.intro)
    sections = [*([report.summary] if report.summary else []), *report.sections]
    for section in sections:
        yield section.title
        for block in section.blocks:
            if isinstance(block, Paragraph | Note):
                yield block.text
            elif isinstance(block, Prose):
                yield from (block.heading, block.text)
            elif isinstance(block, Items):
                yield from (p.text for p in block.items)
            elif isinstance(block, Table):
                yield from (block.caption or "", *block.columns)
                yield from (cell for row in block.rows for cell in row)
            elif isinstance(block, Chart):
                yield block.title
    yield report.footer


def body_paragraphs(report: Report) -> list[str]:
    return [
        b.text for s in report.sections for b in s.blocks if isinstance(b, Paragraph | Note | Prose)
    ]


def _english_problems(text: str) -> list[str]:
    problems = []
    for m in re.finditer(r"(?<![\d.,])1 ([a-z][a-z-]*s)\b", text):
        if m.group(1) not in ("is", "was", "has", "plus"):
            problems.append(f"plural after 1: {m.group(0)!r}")
    problems += [f"'numbered': {m.group(0)!r}" for m in re.finditer(r"\bnumbered \d", text)]
    problems += [f"Decimal repr: {m!r}" for m in re.findall(r"\d\.\d{7,}|Decimal\(|E\+\d", text)]
    problems += [f"unformatted: {m!r}" for m in re.findall(r"(?<![\w.,/-])\d{5,}(?![\w.])", text)]
    return problems


@pytest.mark.parametrize("subject", SUBJECTS)
def test_every_korean_sentence_of_the_report_has_the_right_particles(
    reports: dict[tuple[str, str], Report], subject: str
) -> None:
    report = reports[(subject, "ko")]
    if subject == "cn_ai_2021":  # the sections of ingested deals are among the texts read
        assert any(s.section_id.startswith("ingested_") for s in report.sections)
    texts = list(texts_of(report))
    assert len(texts) > 30  # the report was read, not skipped
    bad = [(t, particle_errors(t)) for t in texts if particle_errors(t)]
    assert bad == []
    # both forms (은(는)) are left only where the reading is unknown (a name in Hanzi)
    markers = [
        t[: m.end()]
        for t in texts
        for m in re.finditer(r"이\(가\)|은\(는\)|을\(를\)|과\(와\)|\(으\)로", t)
        if final_sound(t[: m.start()]) is not None
    ]
    assert markers == []


@pytest.mark.parametrize("subject", SUBJECTS)
def test_every_english_sentence_of_the_report_reads_right(
    reports: dict[tuple[str, str], Report], subject: str
) -> None:
    texts = list(texts_of(reports[(subject, "en")]))
    bad = [(t, p) for t in texts if (p := _english_problems(t))]
    assert bad == []


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("subject", SUBJECTS)
def test_no_paragraph_repeats_and_no_double_brackets(
    reports: dict[tuple[str, str], Report], subject: str, lang: str
) -> None:
    report = reports[(subject, lang)]
    paragraphs = body_paragraphs(report)
    assert len(paragraphs) == len(set(paragraphs))
    # the same sentence with other numbers is a repetition too (the two outlook paragraphs)
    masked = [re.sub(r"[\d.,]+", "#", p) for p in paragraphs if len(p) > 80]
    assert len(masked) == len(set(masked)), [m for m in masked if masked.count(m) > 1]
    statuses = "|".join(STATUS_WORDS)
    pattern = rf"\((?:{statuses})\) \(|\) ?\((?:see |표 \d|그림 \d)"
    doubled = [t for t in texts_of(report) if re.search(pattern, t)]
    assert doubled == []


def test_the_summary_comes_first_and_figures_are_numbered_and_referenced(
    reports: dict[tuple[str, str], Report],
) -> None:
    for (_subject, lang), report in reports.items():
        text = render_markdown(report)
        summary = report.summary
        assert summary is not None and text.index(summary.title) < text.index("## 1. ")
        tables = [b for s in report.sections for b in s.blocks if isinstance(b, Table)]
        charts = [b for s in report.sections for b in s.blocks if isinstance(b, Chart)]
        word = {"ko": ("표", "그림"), "en": ("Table", "Figure")}[lang]
        assert [t.label for t in tables] == [f"{word[0]} {n}" for n in range(1, len(tables) + 1)]
        assert [c.label for c in charts] == [f"{word[1]} {n}" for n in range(1, len(charts) + 1)]
        assert "charts/" not in text.replace("](charts/", "")  # no file names in captions
        referenced = {m for p in body_paragraphs(report) for m in re.findall(r"\w+ \d+", p)}
        assert tables[0].label in referenced


def test_missing_years_are_shown_as_gaps(reports: dict[tuple[str, str], Report]) -> None:
    report = reports[("cn_ai_2021", "ko")]
    market = next(s for s in report.sections if s.section_id == "market_size")
    table = next(b for b in market.blocks if isinstance(b, Table))
    assert [r[0] for r in table.rows] == ["2018년", "2019년", "2020년"]
    assert table.rows[1][1] == "—"
    chart = next(b for b in market.blocks if isinstance(b, Chart))
    x = chart.spec["layer"][0]["encoding"]["x"]
    assert x["scale"]["domain"] == ["2018년", "2019년", "2020년"]


def test_authored_points_are_cited_prose_blocks(reports: dict[tuple[str, str], Report]) -> None:
    for lang in ("ko", "en"):
        report = reports[("cn_ai_2021", lang)]
        prose = [b for s in report.sections for b in s.blocks if isinstance(b, Prose)]
        kinds = {p.kind for p in prose}
        assert {"risk", "priority", "implication"} <= kinds
        assert all(p.cites and p.cites[0] == "seed_report" and p.locator for p in prose)
        assert sum(p.kind == "priority" for p in prose) == 3  # the government's three priorities


# -- check --lang ko on the seed brief -----------------------------------------------------------
@pytest.mark.shared
def test_check_ko_output_on_the_seed_has_the_right_particles(
    cli: Callable[..., Any], seed_text_path: Path
) -> None:
    result = cli("check", str(seed_text_path), "--lang", "ko")
    # the messages, not the lines quoted from the brief (``  > …``)
    lines = [line for line in result.stdout.splitlines() if line.strip()[:1] not in ("", ">")]
    assert len(lines) > 10
    assert [(line, particle_errors(line)) for line in lines if particle_errors(line)] == []
