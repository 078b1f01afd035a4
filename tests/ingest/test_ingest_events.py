"""The GB18030 itjuzi events file: detected, loaded right, counted against the csv module."""

from __future__ import annotations

import csv
from collections import Counter
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from conftest import Load, scalar
from sectorlens.errors import InputError

pytestmark = pytest.mark.shared


@pytest.fixture
def events(shared_data: Path) -> Path:
    path = shared_data / "itjuzi_events_2016" / "invest_event.csv"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="gb18030", newline="") as fh:
        return list(csv.DictReader(fh))


def test_events_load_with_auto_detection(
    events: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    rows = _rows(events)
    r = load(events)
    assert r.source_format == "itjuzi_events" and r.encoding == "gb18030 (detected)"
    named = [row for row in rows if row["company"].strip()]
    assert r.rows_read == len(rows) == 15_304
    assert r.deals == len(named) and r.rejects == Counter({"missing_name": len(rows) - len(named)})
    # deals per year equal an independent count of the file
    expected = Counter(int(row["date"][:4]) for row in named)
    stored = dict(con.execute("SELECT year(deal_date), count(*) FROM deals GROUP BY 1").fetchall())
    assert stored == dict(expected)
    assert stored[2015] == 5_747
    # no mojibake: company names are the file's text
    names = {str(n) for (n,) in con.execute("SELECT company_name FROM deals").fetchall()}
    assert names == {row["company"].strip() for row in named}


def test_events_provinces_and_amounts_on_a_sample(
    events: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    rows = _rows(events)
    load(events)
    by_ref = {
        ref: rest
        for ref, *rest in con.execute(
            "SELECT row_ref, country, province, amount_kind, amount_low, amount_high, "
            "amount_qualifier, currency FROM deals"
        ).fetchall()
    }
    provinces = {"北京": "CN-BJ", "上海": "CN-SH", "广东": "CN-GD", "浙江": "CN-ZJ"}
    checked = Counter[str]()
    for line, row in enumerate(rows, 2):  # one line per record in this file
        got = by_ref.get(f"L{line}")
        if got is None:
            continue
        country, province, kind, low, high, qualifier, currency = got
        place, amount = row["place"], row["amount"]
        if place in provinces:
            assert (country, province) == ("CN", provinces[place]), row
            checked["province"] += 1
        elif place == "香港":  # as ISO 3166-2:CN and itjuzi list it (README: province)
            assert (country, province) == ("CN", "CN-HK"), row
            checked["hk"] += 1
        elif place == "国外":  # "abroad": not China, kept raw
            assert country is None, row
            checked["abroad"] += 1
        if amount.startswith("亿元及以上"):
            assert (kind, low, high, qualifier) == ("money", Decimal(10**8), None, "at_least")
            checked["at_least"] += 1
        elif amount == "数千万人民币":
            assert (low, high, currency) == (Decimal(10**7), Decimal(10**8), "CNY"), row
            checked["vague"] += 1
        elif amount.endswith("万人民币") and amount[:-4].isdigit():
            assert (low, high, currency) == (Decimal(int(amount[:-4]) * 10**4),) * 2 + ("CNY",)
            checked["exact"] += 1
        elif amount == "未透露":
            assert kind == "undisclosed"
            checked["undisclosed"] += 1
        elif amount.endswith("其他"):  # "other": a currency the export does not name
            assert kind == "money" and currency is None, row
            checked["other"] += 1
    assert checked["at_least"] == sum(1 for r in rows if r["amount"].startswith("亿元及以上"))
    assert min(checked.values()) >= 1 and len(checked) == 8, checked


def test_wrong_source_stops_and_writes_nothing(
    events: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    with pytest.raises(InputError, match=r"does not look like an itjuzi export.*--source auto"):
        load(events, source="itjuzi")
    assert scalar(con, "SELECT count(*) FROM loads") == 0


def test_replace_reloads_in_place_of_the_earlier_load(
    events: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    first = load(events)
    again = load(events, encoding="GB18030", replace=True)  # the forced encoding, by any name
    assert again.encoding == "gb18030 (forced)" and again.replaced == [first.load_id]
    assert again.load_id != first.load_id
    loads = con.execute("SELECT load_id FROM loads").fetchall()
    assert loads == [(again.load_id,)]
    in_2015 = scalar(con, "SELECT count(*) FROM deals WHERE year(deal_date) = 2015")
    assert in_2015 == 5_747  # not twice
