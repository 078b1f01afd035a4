"""Chart rendering: SVG and PNG from Vega-Lite, in worker processes or in-process, and the cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from sectorlens.errors import SectorlensError
from sectorlens.report import chartrender, charts

ROWS = [
    {"k": "베이징 北京", "v": 32.53, "t": "32.53%"},
    {"k": "상하이 上海", "v": 21.76, "t": "21.76%"},
]
BROKEN = {"mark": "bar", "encoding": {"x": {"field": "a", "type": "nonsense"}}}


def _spec(title: str = "지역") -> dict:
    chart = charts.bars(ROWS, y="k", x="v", text="t", x_title="%")
    return charts.spec(chart, title=title, font="Noto Sans CJK KR")


def test_render_gives_svg_and_png(tmp_path: Path) -> None:
    (svg, png) = chartrender.render_all({"a": _spec()}, tmp_path)["a"]
    assert svg.startswith("<svg") and "北京" in svg and "베이징" in svg
    assert png.startswith(b"\x89PNG")


def test_workers_render_what_this_process_renders() -> None:
    specs = {"a": _spec(), "b": _spec("제목"), "c": charts.spec(charts.hconcat(
        charts.columns(ROWS, x="k", y="v", text="t", x_title="", y_title="%"),
        charts.columns(ROWS[:1], x="k", y="v", text="t", x_title="", y_title="%"),
    ), title="t", font="Noto Sans CJK KR")}  # fmt: skip
    in_process = chartrender.render_all(specs, None, workers=0)
    assert chartrender.render_all(specs, None, workers=2) == in_process
    assert list(in_process) == ["a", "b", "c"]


def test_a_dead_worker_leaves_its_charts_to_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = tmp_path / "dies.py"
    script.write_text("import sys\nsys.exit(3)\n", encoding="utf-8")
    monkeypatch.setattr(chartrender, "WORKER_SCRIPT", script)
    (svg, png) = chartrender.render_all({"a": _spec()}, None, workers=1)["a"]
    assert svg == chartrender.to_svg(_spec()) and png.startswith(b"\x89PNG")


def test_identical_specs_come_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = chartrender.render_all({"a": _spec()}, tmp_path)["a"]
    assert len(list(tmp_path.iterdir())) == 2

    def fail(spec: dict) -> str:
        raise AssertionError("rendered although cached")

    monkeypatch.setattr(chartrender, "to_svg", fail)
    assert chartrender.render_all({"b": _spec()}, tmp_path, workers=0)["b"] == first
    with pytest.raises(AssertionError, match="rendered although cached"):
        chartrender.render_all({"c": _spec(title="다른 제목")}, tmp_path, workers=0)


def test_all_cached_starts_no_work(tmp_path: Path) -> None:
    chartrender.render_all({"a": _spec()}, tmp_path, workers=0)
    with chartrender.ChartRenderer(workers=1) as renderer:
        (worker,) = renderer._workers
        batch = renderer.submit({"a": _spec()}, tmp_path)
        assert batch.pending == []
        assert batch.result()["a"][0].startswith("<svg")
        renderer._threads[0].join(timeout=30)  # nothing to do: the worker is stopped at once
        assert worker.proc.returncode is not None


def test_prefetched_charts_are_rendered_once(tmp_path: Path) -> None:
    specs = {"a": _spec(), "b": _spec("제목"), "same as a": _spec()}
    with chartrender.ChartRenderer(workers=1) as renderer:
        for spec in specs.values():
            renderer.prefetch(spec, tmp_path)
        rendered = renderer.submit(specs, tmp_path).result()
    assert rendered["a"] == rendered["same as a"] != rendered["b"]
    assert len(list(tmp_path.glob("*.svg"))) == 2


def test_without_cache_nothing_is_written(tmp_path: Path) -> None:
    chartrender.render_all({"a": _spec()}, None)
    assert list(tmp_path.iterdir()) == []


def test_cache_dir_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SECTORLENS_CACHE", "off")
    assert chartrender.default_cache_dir() is None
    monkeypatch.setenv("SECTORLENS_CACHE", str(tmp_path))
    assert chartrender.default_cache_dir() == tmp_path


def test_worker_count_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SECTORLENS_CHART_WORKERS", "0")
    assert chartrender.default_workers() == 0
    monkeypatch.delenv("SECTORLENS_CHART_WORKERS")
    assert chartrender.default_workers() == chartrender.DEFAULT_WORKERS
    monkeypatch.setenv("SECTORLENS_CHART_WORKERS", "many")
    with pytest.raises(SectorlensError, match="SECTORLENS_CHART_WORKERS must be a whole number"):
        chartrender.default_workers()


def test_a_broken_spec_is_one_clear_error() -> None:
    with pytest.raises(SectorlensError, match="cannot render a chart"):
        chartrender.to_svg(BROKEN)


@pytest.mark.parametrize("workers", [0, 1])
def test_a_broken_spec_among_others_is_one_clear_error(workers: int) -> None:
    with pytest.raises(SectorlensError, match="cannot render a chart"):
        chartrender.render_all({"a": _spec(), "b": BROKEN}, None, workers=workers)
