"""What the lines above a table say about its cells: the scale and currency of a unit line
(``($ in millions)``, ``(단위: 억 원)``, ``单位：亿元``, ``Millions of U.S. Dollars``), the
periods of column headers set apart above the grid, and which blocks before a table are its
caption and unit lines."""

from __future__ import annotations

import re
from collections.abc import Sequence

from sectorlens.facts import lexicon as lx
from sectorlens.facts.context import Dating, named_periods
from sectorlens.facts.document import Block, Document
from sectorlens.model import Kind, Period
from sectorlens.parse import currency_in, is_currency_word, parse

# £ billion, US$ million: a sign and a scale word (a footnote digit may follow: £ billion1)
_SIGN_SCALE = r"(?<![\w$€£¥])(?:US|[A-Z]{{1,2}})?[$€£¥]\s?(?:{})\d?(?![\w$€£¥])"
# a line that ends in one: ``Not seasonally adjusted, £ billion1``
SIGN_SCALE_END = _SIGN_SCALE.format("thousands?|millions?|billions?") + r"\s*[)）]?\s*$"
# A currency between "in" and the scale: (in $ millions), (in USD thousands).
_CS = r"(?:US\$\s?|[A-Z]{1,2}\$\s?|[$€£¥₩]\s?|[A-Z]{3}\s)?"
_CUR_AFTER = r"\s?(?:원|달러|위안|엔|유로|元|美元|港元|欧元|日元)"
_SCALE = (
    (
        re.compile(
            r"\bin\s+" + _CS + r"thousands?\b|\(\s*[$€£]?\s*(?-i:K)\s*\)|千元|천" + _CUR_AFTER,
            re.I,
        ),
        "thousand",
    ),
    (
        re.compile(
            r"\bin\s+"
            + _CS
            + r"millions?\b|(?<![\w)])\(\s*[$€£]?\s*M\s*\)|百万|백만"
            + _CUR_AFTER
            + r"|\bmn\b|\bmln\b",
            re.I,
        ),
        "million",
    ),
    (
        re.compile(
            r"\bin\s+"
            + _CS
            # (B), not (b) nor 3Q(B): marks of a footnote or a column
            + r"billions?\b|(?<![\w)])\(\s*[$€£]?\s*(?-i:B)\s*\)|十亿|십억"
            + _CUR_AFTER
            + r"|\bbn\b",
            re.I,
        ),
        "billion",
    ),
    # €m, £m over the columns; $ MM, $ B in a unit column
    (re.compile(r"(?<![\w$€£])[$€£]\s?(?:m|mn|mln|MM)\b"), "million"),
    (re.compile(r"(?<![\w$€£])[$€£]\s?(?:bn|B)\b"), "billion"),
    # USD m, EUR m., SEK b.: a code and a scale's letter over the columns
    (re.compile(r"(?<![A-Za-z])[A-Z]{3}\s?(?:m|mn|mln|MM)\.?(?![A-Za-z])"), "million"),
    (re.compile(r"(?<![A-Za-z])[A-Z]{3}\s?(?:b|bn)\.?(?![A-Za-z])"), "billion"),
    (re.compile(_SIGN_SCALE.format("thousands?")), "thousand"),
    (re.compile(_SIGN_SCALE.format("millions?")), "million"),
    (re.compile(_SIGN_SCALE.format("billions?")), "billion"),
    (re.compile(r"억" + _CUR_AFTER), "억"),
    (re.compile(r"조" + _CUR_AFTER), "조"),
    # (단위: 억), 单位：万: the scale alone, its currency or counter not stated
    (re.compile(r"(?:단위|单位|單位)\s*[:：]\s*억(?![\w])"), "억"),
    (re.compile(r"(?:단위|单位|單位)\s*[:：]\s*조(?![\w])"), "조"),
    (re.compile(r"[万萬](?:元|美元|港元|欧元|歐元|日元)"), "万"),
    (re.compile(r"[亿億](?:元|美元|港元|欧元|歐元|日元)"), "亿"),
)
# (RMB million), (USD bn), Unit: KRW billion: a bare scale word inside a unit statement
_BARE_SCALE = (
    (re.compile(r"\bthousands?\b", re.I), "thousand"),
    (re.compile(r"\bmillions?\b", re.I), "million"),
    (re.compile(r"\bbillions?\b", re.I), "billion"),
)
# (Millions of U.S. Dollars), Million $: a scale word with the currency it counts
_OF_MONEY = (
    r"\b(?:thousands?|millions?|billions?)\s(?:of\s)?(?:US\$|\$|USD|(?:U\.S\.\s)?dollars)(?!\w)"
)
_UNIT_PART = re.compile(
    r"[(（][^()（）]{1,40}[)）]|(?:단위|单位|unit)\s?[:：]?[^\n]{1,40}|" + _OF_MONEY, re.I
)

UNIT_CONTEXT = re.compile(
    r"단위|单位|\bunits?\s?[:：]|\bin\s+" + _CS + r"(?:thousands|millions|billions)\b|\(\s*\$|"
    r"^\s*[(（][^()（）]{0,30}\b(?:thousands?|millions?|billions?|bn|mn)\b[^()（）]{0,20}[)）]\s*$|"
    + SIGN_SCALE_END
    + "|"
    + lx.SCALE_ONLY  # the currency and scale alone: 人民币百万元，另有标注除外 / (백만원)
    + r"|"
    + _OF_MONEY
    + r"\s*[)）]?\s*$",
    re.I,
)


# shares in Thousands, $ in Millions (the SEC viewer's header): a scale that names the shares
# it counts is theirs, not the amounts'
_SHARES_SCALE = re.compile(r"\bshares?\s+in\s+(thousand|million|billion)s\b", re.I)


SHARE_COUNT = re.compile(
    r"^\W*(?:(?:weighted[-\s]average\s)?(?:number\sof\s)?(?:\w+\s)?shares\b(?!\sof\sprofit)|"
    r"headcount|employees|주식\s?수|股数|股本总数)",
    re.I,
)


def share_row(label: str, parents: Sequence[str]) -> bool:
    """A row of share counts: named so, or ``Basic (in shares)`` under ``Shares used in …``."""
    if SHARE_COUNT.search(label) or re.search(r"\(in shares\)", label, re.I):
        return True
    return any(SHARE_COUNT.search(p) for p in parents)


def share_scale(text: str) -> str | None:
    """The scale a unit line states for share counts only (``shares in Thousands``)."""
    m = _SHARES_SCALE.search(text)
    return m.group(1).lower() if m else None


def scale_currency(text: str) -> tuple[str | None, str | None]:
    """The scale and currency a unit line states for the amounts (a scale named for the shares
    it counts left out)."""
    text = _SHARES_SCALE.sub(" ", text)
    scale = next((word for pattern, word in _SCALE if pattern.search(text)), None)
    if scale is None:
        units = " ".join(m.group(0) for m in _UNIT_PART.finditer(text))
        scale = next((word for pattern, word in _BARE_SCALE if pattern.search(units)), None)
    currency = currency_in(text)
    return scale, currency


# An ISO code in a header states the table's currency where it reads as a unit: the whole cell,
# in brackets, after ``in``, before a scale (``RUB m``); elsewhere it is a name (``Asia / AMET /
# RUB``: Russia, Ukraine, Belarus)
_CODE_AS_NAME = re.compile(
    r"(?<![(（])(?<!\bin\s)\b[A-Z]{3}\b(?!\s?(?:m|mn|bn|k|million|billion|thousand|'000)\b)"
    r"(?![^()（）]*[)）])"
)


def codes_as_units(cell: str) -> str:
    """A header cell with the ISO codes that name something else than its unit blanked."""
    if is_currency_word(cell):
        return cell
    return _CODE_AS_NAME.sub(" ", cell)


_CODE_AS_UNIT = re.compile(
    r"[(（\[][^)）\]]*\b[A-Z]{3}\b|\b(?:in|of)\s+[A-Z]{3}\b|/\s*[A-Z]{3}\b|,\s*[A-Z]{3}\s*$"
)
_CODE = re.compile(r"\b[A-Z]{3}\b")
_ONE_CODE = re.compile(r"\s*[A-Z]{2,3}\s*")


def label_units(label: str) -> tuple[str | None, str | None]:
    """The scale and currency a row's label states. A bare three-letter code in a label is a
    name (``AMD``, ``CAT``), not the row's currency, unless the label sets it apart as a unit
    (``Revenue (EUR million)``, ``Sales in USD``). A label that is one code (``MN``, ``BN``: a
    state, a country) is a name, not a scale."""
    if _ONE_CODE.fullmatch(label):
        return None, None
    scale, currency = scale_currency(label)
    bare = currency and not _CODE_AS_UNIT.search(label) and _CODE.search(label)
    if bare and scale_currency(_CODE.sub(" ", label))[1] is None:
        currency = None
    return scale, currency


def set_apart_columns(context: str, n: int, dating: Dating | None) -> list[Period]:
    """The periods of the lines right above a table that only name periods, one per value
    column (``Three Months Ended April 30, 2023`` / ``2022`` set above the grid), or none."""
    lines = context.splitlines()
    k = len(lines)
    while k and not dates_only(lines[k - 1]):
        k -= 1  # a section label between the header lines and the grid (Revenues:)
        if len(lines) - k > 2:
            return []
    start = k
    while start and dates_only(lines[start - 1]):
        start -= 1
    found = [p.period for p in named_periods("\n".join(lines[start:k]), None, dating)]
    found = [p for p in found if p is not None]
    if n < 2 or len(found) != n or len(set(found)) != n:
        return []
    return found


UNIT_PAREN = re.compile(
    r"[(（][^()（）]{0,20}\b(?:in|unit:?)\s+(?:[$€£¥₩]\s?)?(?:thousands|millions|billions)\b[^()（）]{0,60}[)）]|"
    r"[(（]\s?" + _OF_MONEY + r"\s?[)）]|" + _OF_MONEY + r"\s*$",
    re.I,
)
_PERIOD_WORDS = re.compile(
    r"\b(?:(?:three|six|nine|twelve|\d{1,2})\s+months|quarter|year|fiscal|ended|ending|as\s+of|"
    r"at)\b|[\W\d_]",
    re.I,
)


def dates_only(text: str) -> bool:
    """A short line that names periods and nothing else (a column header set above a table)."""
    if len(text) > 60:
        return False
    found = named_periods(text, None)
    if not found:
        return False
    rest = text
    for n in reversed(found):
        rest = rest[: n.start] + " " + rest[n.end :]
    return not _PERIOD_WORDS.sub("", rest).strip()


# 제 24 기 2022.01.01 부터 2022.12.31 까지: a numbered fiscal term and its dates, above a table
# whose columns are headed by the term's number (구분 | 제 24기 | 제 23기).
TERM = re.compile(r"제\s?(\d{1,3})\s?기")


def term_periods(context: str, dating: Dating | None) -> dict[int, Period]:
    """The periods of the numbered fiscal terms the lines above a table state."""
    out: dict[int, Period] = {}
    for line in context.splitlines():
        marks = list(TERM.finditer(line))  # lines joined into one paragraph: one term each
        ends = [m.start() for m in marks[1:]] + [len(line)] if marks else []
        for m, end in zip(marks, ends, strict=True):
            _term(out, m, line[m.end() : end], dating)
    return out


def _term(out: dict[int, Period], m: re.Match[str], rest: str, dating: Dating | None) -> None:
    found = [n.period for n in named_periods(rest, None, dating) if not n.compared]
    if len(found) == 2 and found[0].start < found[1].end:  # … 부터 … 까지
        out[int(m.group(1))] = Period(found[0].start, found[1].end)
    elif len(found) == 1:
        out[int(m.group(1))] = found[0]  # 제21기: 2023년 12월 31일 현재


_ASIDE = re.compile(r"^[\s#]*(?:[(（][^()（）]{0,40}[)）])?\s*$")  # (Unaudited), or nothing


def block_context(doc: Document, block: Block, lookback: int = 2) -> str:
    """The text of the blocks right before a table (its caption and unit line): ``lookback``
    blocks; short unit lines (``(단위: 억 원)``, ``(in millions, except …)``) and lines that
    only name periods (column headers set apart) up to six blocks back, not past another table
    or a heading that is more than such a line."""
    before: list[Block] = []
    for b in reversed(doc.blocks[max(0, block.index - 6) : block.index]):
        if b.table is not None:
            break
        near = block.index - b.index <= lookback
        dated = dates_only(b.text)
        unit = (len(b.text) <= 60 and UNIT_CONTEXT.search(b.text)) or (
            len(b.text) <= 200 and UNIT_PAREN.search(b.text)
        )
        if near or unit or dated:
            before.insert(0, b)
        if b.kind.value == "heading" and not (dated or unit or _ASIDE.match(b.text)):
            break  # a heading ends the table's context; (Unaudited) and unit lines do not
    return "\n".join(b.text for b in before)


__all__ = [
    "SHARE_COUNT",
    "SIGN_SCALE_END",
    "TERM",
    "UNIT_CONTEXT",
    "UNIT_PAREN",
    "block_context",
    "codes_as_units",
    "dates_only",
    "label_units",
    "scale_currency",
    "set_apart_columns",
    "share_row",
    "share_scale",
    "term_periods",
]


# Rows whose numbers the table's counter does not count: rates, ratios, intensities, shares.
NOT_COUNTED = re.compile(
    r"%|percent|rate|ratio|intensity|per\s|률|율|비중|비율|원단위|당\b|率|占比|比重|强度|单位",
    re.I,
)
_UNIT_LINE = re.compile(
    r"(?:단위|单位|單位|unit)\s*[:：]\s*([^\s,，;；/()（）]{1,12})\s*[)）]?\s*$", re.I
)


def unit_line_counter(unit_text: str) -> str | None:
    """The one counter a table's unit line names (``(단위: tCO2eq)``, ``单位：辆``), else None."""
    m = _UNIT_LINE.search(unit_text.strip())
    if m is None:
        return None
    q = parse(f"1{m.group(1)}")
    return q.unit if q.kind is Kind.COUNT and q.value == 1 and q.unit else None
