"""Issue 16: a currency cell joins the number to its right only after the row's label.

A ranking table numbers its rows before the names (``| 7 | 7 | AMD | 22.305 |``): the vendor
``AMD`` is the row's label, not Armenian drams, though rank numbers stand before it. A code in
its own cell after a label (``| Revenue | EUR | 120 |``) is still the amount's currency.
Tables written for these tests.
"""

from __future__ import annotations

from check_findings import flagged
from sectorlens.facts import extract, from_text

RANKED = """Revenue by vendor (billions)

| 2023 Rank | 2022 Rank | Vendor | 2023 Revenue | 2022 Revenue |
|---|---|---|---|---|
| 1 | 2 | Intel | 48.6 | 58.4 |
| 2 | 1 | AMD | 22.3 | 23.6 |
| 3 | 3 | Others | 10.0 | 11.0 |
| | | Total | {total} | 93.0 |
"""

SIGNED = """Results

| Item | | 2023 | | 2022 |
|---|---|---|---|---|
| Revenue | EUR | 120 | EUR | 110 |
| Costs | EUR | 80 | EUR | 70 |
"""


def test_a_vendor_named_like_a_currency_after_rank_numbers_is_the_rows_label() -> None:
    ex = extract(from_text(RANKED.format(total="80.9"), fmt="md"))
    cells = [m for m in ex.mentions if m.cell is not None]
    assert cells and all(m.fact.quantity.currency is None for m in cells)
    assert "AMD" in {m.metric for m in cells}
    assert flagged(RANKED.format(total="80.9"), "table", fmt="md") == []


def test_the_ranked_tables_total_still_checked() -> None:
    (f,) = flagged(RANKED.format(total="85.9"), "table.total", fmt="md")
    assert "AMD" not in f.message


def test_a_currency_code_in_its_own_cell_after_the_label_is_the_amounts() -> None:
    ex = extract(from_text(SIGNED, fmt="md"))
    cells = [m for m in ex.mentions if m.cell is not None]
    assert len(cells) == 4 and {m.fact.quantity.currency for m in cells} == {"EUR"}
