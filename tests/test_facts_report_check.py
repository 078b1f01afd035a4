"""``sectorlens check`` on the project's own report: no error and no warning (ko and en)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sectorlens.facts import check, extract_file
from sectorlens.model import Severity


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """``sectorlens report`` written in a temporary directory, once per language."""
    from sectorlens.cli import main

    root = tmp_path_factory.mktemp("own-report")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SECTORLENS_DB", str(root / "store.duckdb"))
        mp.setenv("SECTORLENS_CACHE", str(root / "chart-cache"))
        for lang in ("ko", "en"):
            with pytest.raises(SystemExit) as exit_info:
                main(["report", "--lang", lang, "--out", str(root / lang)])
            assert exit_info.value.code in (0, None)
    return {lang: root / lang for lang in ("ko", "en")}


@pytest.mark.parametrize("name", ["report.md", "index.html"])
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_own_report_has_no_error_or_warning(reports: dict[str, Path], lang: str, name: str) -> None:
    extraction = extract_file(reports[lang] / name)
    assert len(extraction.facts) >= 50  # the report's numbers are read, not skipped
    findings = check(extraction, lang="en")
    bad = [f for f in findings if f.severity in (Severity.ERROR, Severity.WARNING)]
    assert bad == [], [f.message for f in bad]
    assert any(f.severity is Severity.OK for f in findings)  # and some relations were checked


@pytest.fixture(scope="module")
def other_reports(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """The Markdown report of every other bundled subject, in ko and en (no charts needed)."""
    from datetime import date

    from sectorlens.fx import FxRates
    from sectorlens.report import build_report, render_markdown
    from sectorlens.store import connect, load_reference
    from sectorlens.store.refdata import bundled_dataset
    from sectorlens.subjects import bundled_subjects, default_subject

    root = tmp_path_factory.mktemp("other-reports")
    con = connect(root / "store.duckdb")
    subjects = [s for s, path in bundled_subjects().items() if path != default_subject()]
    out = {}
    try:
        for subject in subjects:
            load_reference(con, bundled_dataset(subject))
            for lang in ("ko", "en"):
                report = build_report(
                    con, lang, fx=FxRates(), font="x", subject=subject, today=date(2026, 1, 1)
                )
                path = root / f"{subject}.{lang}.md"
                path.write_text(render_markdown(report), encoding="utf-8")
                out[(subject, lang)] = path
    finally:
        con.close()
    return out


def test_other_subjects_reports_have_no_error_or_warning(
    other_reports: dict[tuple[str, str], Path],
) -> None:
    assert other_reports
    for (subject, lang), path in other_reports.items():
        extraction = extract_file(path)
        assert len(extraction.facts) >= 20, (subject, lang)
        findings = check(extraction, lang="en")
        bad = [f for f in findings if f.severity in (Severity.ERROR, Severity.WARNING)]
        assert bad == [], (subject, lang, [f.message for f in bad])
