"""The bundled reference data set: schema, links, labels, and the loader's checks."""

from __future__ import annotations

import csv
import re
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from sectorlens.errors import InputError
from sectorlens.model import Qualifier, Status
from sectorlens.store import bundled_dataset, read_reference

DATA = bundled_dataset()


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _all_obs_rows() -> list[dict[str, str]]:
    return [r for p in sorted((DATA / "observations").glob("*.csv")) for r in _rows(p)]


def test_observation_rows_follow_the_schema() -> None:
    rows = _all_obs_rows()
    sources = {s["source_id"] for s in yaml.safe_load((DATA / "sources.yaml").read_text())}
    ids = [r["obs_id"] for r in rows]
    assert len(rows) > 150
    assert len(ids) == len(set(ids)), "observation ids must be unique across files"
    for r in rows:
        where = r["obs_id"]
        assert r["unit"], where
        assert r["source_id"] in sources, where
        assert all(c in sources for c in r["cites"].split(";") if c), where
        Decimal(r["value"])  # raises if not Decimal-parsable
        for bound in ("low", "high"):
            if r[bound]:
                Decimal(r[bound])
        assert Qualifier(r["qualifier"]) and Status(r["status"])
        if r["period_start"] or r["period_end"]:
            assert date.fromisoformat(r["period_start"]) <= date.fromisoformat(r["period_end"])
        assert bool(r["currency"]) == (r["unit"] == "money"), where


def test_loader_accepts_the_bundled_set() -> None:
    data = read_reference()
    assert data.dataset_id
    assert {o.source_id for o in data.observations} <= {s.source_id for s in data.sources}
    assert len(data.observations) == len(_all_obs_rows())
    assert all(isinstance(o.value, Decimal) for o in data.observations)


def test_every_code_has_ko_and_en_labels() -> None:
    data = read_reference()
    labels = data.presentation["labels"]
    for obs in data.observations:
        assert {"ko", "en"} <= set(labels["metrics"][obs.metric]), obs.metric
        if obs.geography:
            assert {"ko", "en"} <= set(labels["geographies"][obs.geography]), obs.geography
        if obs.segment_type and obs.segment:
            for part in obs.segment.split("+"):
                assert {"ko", "en"} <= set(labels["segments"][obs.segment_type][part]), part
    for target in data.targets:
        assert target.metric in labels["metrics"]


def test_stated_equivalents_link_to_a_base_figure_with_rounding_bounds() -> None:
    data = read_reference()
    by_id = {o.obs_id: o for o in data.observations}
    equivalents = [o for o in data.observations if o.equivalent_of]
    assert len(equivalents) == 6
    for eq in equivalents:
        base = by_id[eq.equivalent_of or ""]
        assert (base.currency, eq.currency) == ("CNY", "KRW")
        assert eq.low is not None and eq.high is not None
        assert eq.high - eq.low == Decimal("1e12")  # rounded to whole 조 (10^12 won)


def test_figure_3_is_kept_as_published_and_does_not_add_up() -> None:
    data = read_reference()
    fig3 = [o.value for o in data.observations if o.locator == "§2.1, Fig. 3"]
    text = [
        o.value for o in data.observations if o.locator == "§2.1" and o.metric == "company_share"
    ]
    assert sum(v for v in fig3 if v is not None) == Decimal("118.52")
    assert len(fig3) == 9 and len(text) == 7


def test_seed_money_figures_match_their_published_form() -> None:
    # Hand conversion of 억/만/조 checked digit by digit: 억 = 1e8, 만 = 1e4, 조 = 1e12.
    units = {"조": Decimal("1e12"), "억": Decimal("1e8"), "만": Decimal("1e4")}
    for r in _rows(DATA / "observations" / "seed_report.csv"):
        if r["unit"] != "money":
            continue
        text = re.sub(r"약|,|\s|위안|원", "", r["as_published"])
        total, number = Decimal(0), ""
        for ch in text:
            if ch in units:
                total += Decimal(number) * units[ch]
                number = ""
            else:
                number += ch
        assert total == Decimal(r["value"]), r["obs_id"]


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "ds"
    shutil.copytree(DATA, target)
    return target


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (("market_size_2018,", "market_size_2018_krw,"), "duplicate id 'market_size_2018_krw'"),
        ((",86110000000,", ",86,110,"), "wrong number of fields"),
        ((",86110000000,", ",8.6e10x,"), "is not a number"),
        (("CN,,,actual,seed_report,caai", "CN,,,actual,nobody,caai"), "unknown source 'nobody'"),
        (
            (
                "money,CNY,2018-01-01,2018-12-31,CN,,,actual",
                "money,CNY,2018-13-01,2018-12-31,CN,,,actual",
            ),
            "not an ISO date",
        ),
        (("exact,money,CNY,2018", "exact,money,,2018"), "needs an ISO currency"),
        ((",actual,seed_report,caai", ",guess,seed_report,caai"), "'guess' is not one of"),
    ],
)
def test_broken_rows_are_named_with_file_and_line(
    tmp_path: Path, edit: tuple[str, str], message: str
) -> None:
    ds = _copy(tmp_path)
    path = ds / "observations" / "seed_report.csv"
    text = path.read_text(encoding="utf-8")
    assert edit[0] in text
    path.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    with pytest.raises(InputError, match=r"seed_report\.csv:") as info:
        read_reference(ds)
    assert message in str(info.value)


def test_unknown_equivalent_and_missing_folder(tmp_path: Path) -> None:
    ds = _copy(tmp_path)
    path = ds / "observations" / "seed_report.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(",market_size_2018,16조원", ",nope,16조원"),
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="equivalent_of unknown nope"):
        read_reference(ds)
    with pytest.raises(InputError, match="not a reference data set"):
        read_reference(tmp_path / "nothing")


def test_published_forms_parse_to_the_curated_values() -> None:
    """Independent check of the hand curation with the parse package."""
    from sectorlens.parse import parse_count, parse_money, parse_percent

    checked = 0
    for r in _rows(DATA / "observations" / "seed_report.csv"):
        text, value = r["as_published"], Decimal(r["value"])
        if r["unit"] == "money":
            got = parse_money(text)
            assert got.currency == r["currency"], r["obs_id"]
        elif r["unit"] == "percent":
            got = parse_percent(text)
        else:
            got = parse_count(text)
        assert got.ok, (r["obs_id"], got.reason)
        assert got.value == value, r["obs_id"]
        checked += 1
    assert checked == len(_rows(DATA / "observations" / "seed_report.csv"))
