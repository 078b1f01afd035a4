"""metrics.common.to_arrow: rows (mappings) into a table of exactly the schema given."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

import pyarrow as pa
import pytest

from sectorlens.metrics.common import to_arrow

SCHEMA = [
    ("name", pa.string()),
    ("n", pa.int64()),
    ("share", pa.decimal128(20, 4)),
    ("amount", pa.decimal128(38, 6)),
    ("day", pa.date32()),
    ("partial", pa.bool_()),
]


class Row(Mapping[str, Any]):
    """A mapping that is no dict."""

    def __init__(self, **values: Any) -> None:
        self._values = values

    def __getitem__(self, key: str) -> Any:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


def test_values_land_in_the_schema_columns_and_types() -> None:
    rows = [
        {"name": "가", "n": 3, "share": Decimal("12.5"), "amount": 7, "day": date(2020, 1, 2)},
        Row(name="b", n=None, partial=True),
    ]
    table = to_arrow(rows, SCHEMA)
    assert table.schema == pa.schema(SCHEMA)
    assert table.to_pylist() == [
        {
            "name": "가",
            "n": 3,
            "share": Decimal("12.5000"),
            "amount": Decimal("7.000000"),
            "day": date(2020, 1, 2),
            "partial": None,  # a key the row lacks is null
        },
        {"name": "b", "n": None, "share": None, "amount": None, "day": None, "partial": True},
    ]


def test_decimals_are_rounded_half_up_to_the_column_scale() -> None:
    values = ["0.00005", "-0.00005", "1.23444999", "2.99995", "123456789012.0000499"]
    table = to_arrow([{"share": Decimal(v)} for v in values], SCHEMA)
    assert table.column("share").to_pylist() == [
        Decimal("0.0001"),
        Decimal("-0.0001"),
        Decimal("1.2344"),
        Decimal("3.0000"),
        Decimal("123456789012.0000"),
    ]


def test_keys_outside_the_schema_are_left_out_and_the_rows_are_not_changed() -> None:
    row = {"name": "x", "share": Decimal("0.123456"), "other": object()}
    table = to_arrow([row], SCHEMA)
    assert table.column_names == [name for name, _ in SCHEMA]
    assert row["share"] == Decimal("0.123456")  # the caller's row is as it was


def test_no_rows_is_an_empty_table_of_the_schema() -> None:
    table = to_arrow([], SCHEMA)
    assert table.num_rows == 0
    assert table.schema == pa.schema(SCHEMA)


def test_a_value_of_the_wrong_kind_is_an_error() -> None:
    with pytest.raises(pa.ArrowInvalid):
        to_arrow([{"n": "three"}], SCHEMA)
    with pytest.raises(pa.ArrowInvalid):  # more digits than the column holds
        to_arrow([{"share": Decimal("1e30")}], SCHEMA)
