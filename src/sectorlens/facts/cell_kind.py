"""A table cell's number as the parser reads it: its kind (percent, pp or a number) from its
unit, column and row label, and the text that carries its currency and scale."""

from __future__ import annotations

import re

from sectorlens.model import Kind

# the size of a survey's sample, printed in its column of percentages (| N | 7523 |): a count
_SAMPLE = re.compile(
    r"\s*(?:n|base|sample(?:\ssize)?|(?:number\sof\s)?respondents|사례\s?수|응답자\s?수|표본\s?수|"
    r"样本量|样本数|样本|受访者人数|有效样本)\s*[:：]?\s*",
    re.I,
)


def cell_kind(unit: str | None, column: str, label: str) -> Kind:
    """A cell number's kind by its unit, column and row label: percent, pp or number."""
    if unit:
        return Kind.PERCENT if unit == "%" else Kind.PP
    if _SAMPLE.fullmatch(label):
        return Kind.NUMBER
    if (
        "%" in column
        or "(%)" in label
        or label.rstrip().endswith("%")
        or _PERCENT_COL.search(column)
        or _SHARE_COL.search(column.rsplit(" / ", 1)[-1])  # the leaf of a two-row header
    ):
        return Kind.PERCENT
    return Kind.NUMBER


# a column of shares of the whole: 구성비, 비중, 占比, 构成比 (percent whatever the unit line says)
_SHARE_COL = re.compile(r"구성비|구성률|비중|점유율|占比|比重|构成比|構成比|占有率")
_PERCENT_COL = re.compile(r"\bpercentage\s+change\b|\bpercent\s+change\b|百分比变动|증감률", re.I)


_BASIS_POINTS = re.compile(r"bps?|basis\s+points?", re.I)


def quantity_text(
    number: str, kind: Kind, currency: str | None, scale: str | None, unit: str | None = None
) -> str:
    """The text the parser reads for a cell's number with its kind, currency, scale and unit."""
    if kind is Kind.PERCENT:
        return f"{number}%"
    if kind is Kind.PP:
        # -69bps is -0.69 points: a basis point keeps its own unit for the parser
        return f"{number} bps" if unit and _BASIS_POINTS.fullmatch(unit.strip()) else f"{number}%p"
    sc = "" if scale is None else (scale if scale in ("万", "亿", "억", "조") else f" {scale}")
    body = f"{number}{sc}"
    return f"{currency} {body}" if currency else body


__all__ = ["cell_kind", "quantity_text"]
