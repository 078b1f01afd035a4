"""Chart rendering: SVG and PNG from Vega-Lite, and the cache of identical specs."""

from __future__ import annotations

from pathlib import Path

import pytest

from sectorlens.errors import SectorlensError
from sectorlens.report import charts

ROWS = [
    {"k": "베이징 北京", "v": 32.53, "t": "32.53%"},
    {"k": "상하이 上海", "v": 21.76, "t": "21.76%"},
]


def _spec(title: str = "지역") -> dict:
    chart = charts.bars(ROWS, y="k", x="v", text="t", x_title="%")
    return charts.spec(chart, title=title, font="Noto Sans CJK KR")


def test_render_gives_svg_and_png(tmp_path: Path) -> None:
    (svg, png) = charts.render_all({"a": _spec()}, tmp_path)["a"]
    assert svg.startswith("<svg") and "北京" in svg and "베이징" in svg
    assert png.startswith(b"\x89PNG")


def test_identical_specs_come_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = charts.render_all({"a": _spec()}, tmp_path)["a"]
    assert len(list(tmp_path.iterdir())) == 2

    def fail(spec: dict) -> str:
        raise AssertionError("rendered although cached")

    monkeypatch.setattr(charts, "to_svg", fail)
    assert charts.render_all({"b": _spec()}, tmp_path)["b"] == first
    with pytest.raises(AssertionError, match="rendered although cached"):
        charts.render_all({"c": _spec(title="다른 제목")}, tmp_path)


def test_without_cache_nothing_is_written(tmp_path: Path) -> None:
    charts.render_all({"a": _spec()}, None)
    assert list(tmp_path.iterdir()) == []


def test_cache_dir_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SECTORLENS_CACHE", "off")
    assert charts.default_cache_dir() is None
    monkeypatch.setenv("SECTORLENS_CACHE", str(tmp_path))
    assert charts.default_cache_dir() == tmp_path


def test_a_broken_spec_is_one_clear_error() -> None:
    with pytest.raises(SectorlensError, match="cannot render a chart"):
        charts.to_svg({"mark": "bar", "encoding": {"x": {"field": "a", "type": "nonsense"}}})
