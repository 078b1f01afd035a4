"""``cross_source`` converts both sides into the comparison currency (never relabels one)."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest

from sectorlens.fx import FxRates
from sectorlens.report.blocks import Table
from sectorlens.report.context import Labels, ReportContext
from sectorlens.report.fmt import Formatter
from sectorlens.report.sections.crosssource import cross_source
from sectorlens.report.wording import Wording
from sectorlens.store import ensure_reference, ensure_schema
from sectorlens.store.reference import stored_reference

SUBJECT = "cn_ai_2021"


@pytest.fixture(scope="module")
def ctx() -> Iterator[ReportContext]:
    con = duckdb.connect(":memory:")
    ensure_schema(con)
    ensure_reference(con, SUBJECT)
    ref = stored_reference(con, SUBJECT)
    words = Wording("en")
    spec = ref.presentation.get("subject") or {}
    yield ReportContext(
        ref, words, Formatter(words, FxRates(), "KRW"), Labels(ref.presentation, "en"), spec
    )
    con.close()


def _table(ctx: ReportContext, other: dict[str, str]) -> Table:
    cfg = {
        "id": "x",
        "title": {"en": "x"},
        "currency": "USD",
        "comparisons": [
            {
                "label": {"en": "Amount"},
                "base": {"metric": "deal_amount", "geography": "CN", "source_id": "seed_report"},
                "other": other,
            }
        ],
    }
    section = cross_source(ctx, cfg, [])
    return next(b for b in section.blocks if isinstance(b, Table))


def test_a_cny_figure_on_the_other_side_is_converted_not_relabelled(ctx: ReportContext) -> None:
    # the same CNY series on both sides: in USD both must agree (ratio 1.00×), and the other
    # side must never show the CNY number with a USD label (the "USD 85 bn" bug)
    where = {"metric": "deal_amount", "geography": "CN", "source_id": "seed_report"}
    table = _table(ctx, {**where, "currency": "CNY"})
    assert table.rows
    for row in table.rows:
        _period, _published, base_usd, other, ratio = row
        assert ratio == "1.00×", row
        assert other.startswith(base_usd.split(" (")[0]), row
        assert "CNY" in other, row  # the published figure is shown beside the conversion


def test_a_usd_figure_on_the_other_side_is_shown_as_published(ctx: ReportContext) -> None:
    table = _table(
        ctx,
        {
            "metric": "deal_amount",
            "geography": "CN",
            "source_id": "nsf_sei_6208",
            "segment_type": "financing",
        },
    )
    assert table.rows
    assert all(row[3].startswith("USD") and "CNY" not in row[3] for row in table.rows)
