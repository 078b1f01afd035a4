"""``sectorlens report``: files written, both languages, and one-line errors."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sectorlens.report.fonts import cjk_font
from sectorlens.store import bundled_dataset, connect, load_reference


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The report written once per language into a fresh store (charts rendered)."""
    from sectorlens.cli import main

    root = tmp_path_factory.mktemp("report")
    db = root / "store.duckdb"
    runs = {
        # ko: no --db, so the store at $SECTORLENS_DB is created and loaded on first use.
        "ko": ["report", "--out", str(root / "ko")],
        "en": ["report", "--lang", "en", "--out", str(root / "en"), "--db", str(db)],
    }
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SECTORLENS_DB", str(db))
        mp.setenv("SECTORLENS_CACHE", str(root / "chart-cache"))
        for args in runs.values():
            with pytest.raises(SystemExit) as exit_info:
                main(args)
            assert exit_info.value.code in (0, None)
    assert db.exists()
    return {lang: root / lang for lang in runs}


def test_report_writes_html_markdown_and_charts(built: dict[str, Path]) -> None:
    for lang, out in built.items():
        html = (out / "index.html").read_text(encoding="utf-8")
        md = (out / "report.md").read_text(encoding="utf-8")
        svgs = sorted((out / "charts").glob("*.svg"))
        pngs = sorted((out / "charts").glob("*.png"))
        assert len(svgs) == len(pngs) >= 9
        assert all(p.read_bytes().startswith(b"\x89PNG") for p in pngs)
        assert f'<html lang="{lang}">' in html
        assert html.count("<svg") >= len(svgs)  # charts inline
        # Self-contained: no scripts, no external style sheets, fonts or images.
        assert "<script" not in html and "<link" not in html
        assert not re.search(r'(src|href)="(https?:)?//', html.replace('href="http', 'href="#'))
        for svg in svgs:
            assert f"charts/{svg.name}" in html and f"charts/{svg.stem}-data.zip" in html
            assert f"charts/{svg.stem}.png" in md


def test_report_languages_differ_and_cite_sources(built: dict[str, Path]) -> None:
    ko = (built["ko"] / "report.md").read_text(encoding="utf-8")
    en = (built["en"] / "report.md").read_text(encoding="utf-8")
    assert "7,685억 3,900만 위안" in ko and "CNY 768.5 bn" in en
    assert "118.52%" in ko and "118.52%" in en  # Figure 3 kept as published, flagged
    assert "## 출처" in ko and "## Sources" in en


@pytest.mark.skipif(cjk_font() is None, reason="no CJK font installed (make fonts)")
def test_charts_ask_for_the_cjk_font(built: dict[str, Path]) -> None:
    svg = (built["ko"] / "charts" / "regions.svg").read_text(encoding="utf-8")
    assert f'font-family="{cjk_font()}"' in svg
    assert "北京" in svg and "베이징" in svg


def test_unknown_lang_is_one_line(cli, db_path: Path, tmp_path: Path) -> None:
    result = cli("report", "--lang", "fr", "--out", str(tmp_path / "r"))
    assert result.exit_code == 2
    assert result.stderr == "error: unknown --lang 'fr': use one of ko, en\n"


def test_unwritable_out_is_one_line(cli, db_path: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    for out in (blocker, blocker / "sub"):
        result = cli("report", "--out", str(out))
        assert result.exit_code == 2
        assert result.stderr.startswith("error: ")
        assert result.stderr.count("\n") == 1, result.stderr


def test_missing_and_corrupt_store_are_one_line(cli, tmp_path: Path) -> None:
    missing = cli("report", "--out", str(tmp_path / "r"), "--db", str(tmp_path / "none.duckdb"))
    assert missing.exit_code == 1
    assert missing.stderr.startswith("error: no store at")
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"\x00garbage" * 500)
    corrupt = cli("report", "--out", str(tmp_path / "r"), "--db", str(bad))
    assert corrupt.exit_code == 1
    assert corrupt.stderr.startswith("error: ") and corrupt.stderr.count("\n") == 1


def test_another_data_set_gives_another_report(tmp_path: Path) -> None:
    """Sections, titles and subject come from the data set, not the code."""
    from sectorlens.report import build_report, render_markdown

    ds = tmp_path / "ds"
    shutil.copytree(bundled_dataset(), ds)
    subject = ds / "subject.yaml"
    text = subject.read_text(encoding="utf-8").replace("id: cn_ai_2021", "id: other")
    text = text.replace("ko: 중국 인공지능(AI) 산업 현황", "ko: 다른 산업")
    cut = text.index("  - id: regions")
    subject.write_text(text[:cut], encoding="utf-8")  # keep only the market-size section
    (ds / "prose.yaml").unlink()  # (its points belong to sections that are gone)
    con = connect(tmp_path / "s.duckdb")
    load_reference(con, ds)
    md = render_markdown(build_report(con, "ko", font="x"))
    assert md.startswith("# 다른 산업")
    assert md.count("\n## ") == 4  # the summary, about this report, one section, the sources
    assert "\n## 1. 시장 규모" in md and "## 2. " not in md


def test_unknown_section_kind_is_named(tmp_path: Path) -> None:
    from sectorlens.errors import InputError
    from sectorlens.report import build_report

    ds = tmp_path / "ds"
    shutil.copytree(bundled_dataset(), ds)
    subject = ds / "subject.yaml"
    subject.write_text(
        subject.read_text(encoding="utf-8").replace("kind: series", "kind: pie"), encoding="utf-8"
    )
    con = connect(tmp_path / "s.duckdb")
    # named at load time with file:line, before anything is built
    with pytest.raises(InputError, match=r"subject\.yaml:\d+: section kind 'pie' is not one of"):
        load_reference(con, ds)
    # a store written by an older version still names it when the report is built
    load_reference(con)
    con.execute('UPDATE meta SET value = replace(value, \'"kind": "series"\', \'"kind": "pie"\')')
    with pytest.raises(InputError, match="section 'market_size': unknown kind 'pie'"):
        build_report(con, "ko", font="x")
