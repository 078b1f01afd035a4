"""Properties: any text returns a result, nothing half-read gets a value, format round-trips."""

from __future__ import annotations

import time
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sectorlens.model import Kind, Qualifier, Quantity
from sectorlens.parse import (
    canonical_round,
    format_money,
    format_number,
    parse,
    parse_count,
    parse_date,
    parse_money,
    parse_number,
    parse_percent,
    parse_period,
    split_places,
)

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Characters the grammar knows, from every script it reads, plus punctuation around them.
GRAMMAR = (
    "0123456789０１２３４５６７８９.,，-~～/ ()（）%％+$¥€₩"
    "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億数几多余约近超以上下元人民币美"
    "일이삼사오육칠팔구십백천만억조원위안달러약이상하건개수여"
    "kmbtnKMBTNUSDCNYusd年년月월季度分기上半"
)
mixed_text = st.one_of(
    st.text(alphabet=st.sampled_from(GRAMMAR), max_size=24),
    st.text(max_size=24),
)

# Well-formed amounts (each read exactly by the parser).
GOOD = [
    "861억1000만 위안(16조원)",
    "1,839억 9200만 위안",
    "1000万人民币",
    "USD 1.2bn",
    "20,00,00,000",
    "4.78万亿元",
    "肆佰叁拾萬元",
    "74.29%",
    "4,796건",
    "$5m",
    "CNY 768.5 bn",
    "7685.39亿元",
]
# Characters outside the grammar: one of them anywhere makes the text not understood.
FOREIGN = "x猫@?!ßㅋ§∂йQ"


def _consistent(q: Quantity) -> None:
    assert isinstance(q, Quantity)
    assert isinstance(q.kind, Kind)
    if q.kind is Kind.UNPARSED:
        assert q.reason and not q.reason.startswith("internal error"), q
        assert (q.value, q.low, q.high, q.period) == (None, None, None, None)
        return
    if q.kind is Kind.MONEY:
        assert q.currency is not None and len(q.currency) == 3
    if q.qualifier is Qualifier.EXACT:
        assert q.value is not None and q.value == q.low == q.high
    if q.qualifier is Qualifier.RANGE:
        assert q.low is not None and q.high is not None and q.low < q.high
    if q.equivalent is not None:
        _consistent(q.equivalent)


@SETTINGS
@given(mixed_text, st.sampled_from([None, "USD", "CNY", "JPY"]))
def test_any_text_returns_a_quantity(text: str, currency: str | None) -> None:
    for q in (
        parse(text, default_currency=currency),
        parse_money(text, default_currency=currency),
        parse_number(text),
        parse_percent(text),
        parse_count(text),
        parse_period(text),
        parse(text, date_format="dmy"),
    ):
        _consistent(q)
        assert q.input == text
    assert parse_date(text) is None or parse_date(text).year > 0  # type: ignore[union-attr]
    assert canonical_round(text) is None or isinstance(canonical_round(text), str)
    assert all(isinstance(p, str) and p for place in split_places(text) for p in place)


@SETTINGS
@given(st.sampled_from(GOOD), st.sampled_from(FOREIGN), st.data())
def test_a_partly_understood_text_gets_no_value(good: str, junk: str, data: st.DataObject) -> None:
    assert parse(good, default_currency="USD").ok
    at = data.draw(st.integers(0, len(good)))
    text = good[:at] + junk + good[at:]
    for q in (parse(text, default_currency="USD"), parse_money(text, default_currency="USD")):
        assert q.kind is Kind.UNPARSED, q
        assert q.value is None and q.low is None and q.high is None


_ZH_DIGITS = "零一二三四五六七八九"


def _zh_section(n: int) -> str:
    """An independent writer of a 0..9999 section in standard Chinese, with 零 for gaps."""
    out, zero = "", False
    for place, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // place % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += _ZH_DIGITS[d] + unit
    return out


def _zh(n: int) -> str:
    parts = [(n // 10**8, "亿"), (n // 10**4 % 10**4, "万"), (n % 10**4, "")]
    out, pending_zero = "", False
    for value, unit in parts:
        if value == 0:
            pending_zero = bool(out)
            continue
        if out and (pending_zero or value < 1000):
            out += "零"
        out += _zh_section(value) + unit
        pending_zero = False
    return out


@SETTINGS
@given(st.integers(1, 10**12 - 1))
def test_chinese_numerals_read_exactly(n: int) -> None:
    text = _zh(n)
    q = parse_number(text)
    assert (q.kind, q.value) == (Kind.NUMBER, Decimal(n)), text


_KO_DIGITS = " 일이삼사오육칠팔구"


def _ko(n: int) -> str:
    """Hangul numerals as Korean writes them: no zero placeholder, so gaps may be ambiguous."""
    out = ""
    for value, unit in ((n // 10**8, "억"), (n // 10**4 % 10**4, "만"), (n % 10**4, "")):
        if not value:
            continue
        for place, small in ((1000, "천"), (100, "백"), (10, "십"), (1, "")):
            d = value // place % 10
            if d:
                out += ("" if d == 1 and small else _KO_DIGITS[d]) + small
        out += unit
    return out


@SETTINGS
@given(st.integers(1, 10**12 - 1))
def test_hangul_numerals_are_exact_or_unparsed(n: int) -> None:
    q = parse_number(_ko(n))
    assert q.kind is Kind.UNPARSED or q.value == Decimal(n), (_ko(n), q)


amounts = st.decimals(
    min_value=Decimal("-1e16"), max_value=Decimal("1e16"), places=4, allow_nan=False
).map(lambda d: d.normalize() if d else Decimal(0))


@SETTINGS
@given(amounts, st.sampled_from(["ko", "zh", "en"]))
def test_format_number_round_trips(value: Decimal, lang: str) -> None:
    text = format_number(value, lang)
    q = parse_number(text)
    assert q.kind is Kind.NUMBER and q.value == value, (text, q)


@SETTINGS
@given(
    amounts,
    st.sampled_from(["CNY", "KRW", "USD", "EUR", "JPY", "HKD"]),
    st.sampled_from(["ko", "zh", "en"]),
    st.one_of(st.none(), st.integers(0, 3)),
)
def test_format_money_round_trips(
    value: Decimal, currency: str, lang: str, digits: int | None
) -> None:
    text = format_money(value, currency, lang, digits=digits)
    q = parse_money(text, default_currency=currency)  # ko 달러 needs the default
    assert q.kind is Kind.MONEY and q.currency == currency, (text, q)
    assert q.value is not None
    if digits is None:
        assert q.value == value, text
    else:
        # rounded to `digits` decimals of the unit shown: half a step at most
        unit = max((u for u in (10**4, 10**6, 10**8, 10**9, 10**12) if u <= abs(value)), default=1)
        assert abs(q.value - value) <= Decimal(unit) * Decimal(10) ** -digits / 2, text


# Pieces of real amount text: numerals, units, range marks, currency words, bound words.
PIECES = [
    *"0123456789",
    *"一二两三四五六七八九十百千万亿",
    *"일이삼십백천만억조",
    "1.5",
    "1,000",
    "-",
    "--",
    "——",
    "~",
    "到",
    "至",
    "从",
    " to ",
    "元",
    "块",
    "毛",
    "角",
    "分",
    "泰铢",
    "港币",
    "新台币",
    "美元",
    "人民币",
    "달러",
    "캐나다 달러",
    "원",
    "$",
    "C$",
    "¥",
    "CHF",
    "USD",
    "w",
    "k",
    "bn",
    "以上",
    "及以上",
    "以下",
    "미만",
    "이상",
    "(含)",
    "（含）",
    "级",
    "多",
    "几",
    "数",
    "约",
    "近",
    "个",
    "%",
    "%p",
    "bp",
    " pts",
    "(",
    ")",
    "/",
    " ",
]
piece_text = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


@SETTINGS
@given(piece_text, st.sampled_from([None, "USD", "CNY"]))
def test_amount_like_text_never_raises_or_hangs(text: str, currency: str | None) -> None:
    start = time.perf_counter()
    for q in (
        parse(text, default_currency=currency),
        parse_money(text, default_currency=currency),
        parse_number(text),
        parse_percent(text),
        parse_count(text),
    ):
        _consistent(q)
        if q.low_open:
            assert q.low is not None
        if q.high_open:
            assert q.high is not None
    assert time.perf_counter() - start < 1.0


_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "十万": 10**5, "百万": 10**6}
_UNITS |= {"千万": 10**7, "亿": 10**8, "百亿": 10**10, "千亿": 10**11}
_NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九"]


@SETTINGS
@given(
    st.integers(1, 8),
    st.data(),
    st.sampled_from(["到", "至", "~", "-", "--", "——"]),
    st.sampled_from(sorted(_UNITS)),
    st.sampled_from(["元", "美元", "泰铢", "港币", ""]),
    st.booleans(),
)
def test_a_unit_written_once_applies_to_both_ends(
    a: int, data: st.DataObject, sep: str, unit: str, word: str, hanzi: bool
) -> None:
    b = data.draw(st.integers(a + 1, 9))
    ends = (_NUMERALS[a - 1], _NUMERALS[b - 1]) if hanzi else (str(a), str(b))
    q = parse_money(f"{ends[0]}{sep}{ends[1]}{unit}{word}", default_currency="CNY")
    if q.kind is Kind.UNPARSED:
        return  # never a wrong number; unread is allowed
    assert (q.low, q.high) == (a * _UNITS[unit], b * _UNITS[unit]), q
