"""Rows whose cells are shifted by a column (a cell lost or one too many): ``misaligned_row``.

Hand-kept spreadsheets exported to CSV sometimes lose or gain a cell in a row, so that every cell
after it stands one column off: the amount column then holds an investor or a stage, and the
amount stands in the stage or the investor column. Such a row is rejected (``misaligned_row``,
the detail saying which cells betray it), never realigned: which cell went missing cannot be
known, and a wrong number is worse than no number. A row is misaligned when

- its amount cell is not an amount (nor a missing or undisclosed word) and is a round name, or a
  column next to the amount column holds an amount; or
- its round cell is an amount, not a round name.

An amount here is money whose currency the text names (``$300000``, ``₹4,000``) or a bare number
of at least four digits.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence

from sectorlens.model import Kind
from sectorlens.parse import canonical_round
from sectorlens.sources.chunk import Chunk
from sectorlens.sources.units import bare_number

REASON = "misaligned_row"
_DIGITS = re.compile(r"\d")
_SHOWN = 40  # characters of a cell quoted in a reject's detail


def misaligned_rows(
    chunk: Chunk,
    columns: Mapping[str, str],
    kind_of: Callable[[str], Kind],
    is_amount: Callable[[str], bool],
    missing: Collection[str] = (),
) -> dict[int, str]:
    """The rows of ``chunk`` whose cells seem shifted, each with why.

    ``columns`` maps fields to headers (a mapping's ``[columns]``); ``kind_of`` reads an amount
    cell as the load would (money, undisclosed, missing, unparsed); ``is_amount`` says whether a
    cell of another column is an amount; ``missing`` holds casefolded words meaning no value.
    """
    out: dict[int, str] = {}
    header = list(chunk.header)
    amount_col, round_col = columns.get("amount"), columns.get("round")
    if amount_col and amount_col in header:
        at = header.index(amount_col)
        near = [header[k] for k in (at - 1, at + 1) if 0 <= k < len(header)]
        beside = {c: chunk.text(c) for c in near}
        for i, cell in enumerate(chunk.text(amount_col)):
            if not cell or cell.casefold() in missing or kind_of(cell) is not Kind.UNPARSED:
                continue
            if canonical_round(cell) is not None:
                out[i] = f"{_q(amount_col)} holds {_q(cell)}, a round name: cells seem shifted"
                continue
            for col, values in beside.items():
                if is_amount(values[i]):
                    out[i] = (
                        f"{_q(amount_col)} holds {_q(cell)} and {_q(col)} holds "
                        f"{_q(values[i])}: cells seem shifted"
                    )
                    break
    if round_col and round_col in header:
        for i, cell in enumerate(chunk.text(round_col)):
            if i in out or not cell or canonical_round(cell) is not None:
                continue
            if is_amount(cell):
                out[i] = f"{_q(round_col)} holds {_q(cell)}, an amount: cells seem shifted"
    return out


def amount_like(money: Callable[[str], Kind], text: str) -> bool:
    """Whether ``text`` is an amount: money naming its currency, or a bare number ≥ 1,000."""
    if not text or not _DIGITS.search(text):
        return False
    if bare_number(text):
        return sum(c.isdigit() for c in text.partition(".")[0]) >= 4
    return money(text) is Kind.MONEY


def _q(text: str) -> str:
    return repr(text if len(text) <= _SHOWN else text[:_SHOWN] + "…")


__all__: Sequence[str] = ["REASON", "amount_like", "misaligned_rows"]
