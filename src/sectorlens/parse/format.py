"""Numbers and money written back the way ko, zh and en readers expect.

Without ``digits`` the text is exact: ko in 4-digit groups (``7,685억 3,900만``), zh in the
largest of 万亿/亿/万 (``7685.39亿``), en in trillion/billion/million (``768.539 billion``);
smaller values are plain digits (ko/en with thousands commas). With ``digits=d`` the value is
rounded half-up to ``d`` decimals of the largest unit (ko ``16조``/``16.4조``, zh ``7685.4亿``,
en ``768.5 billion``). Every output parses back to the same Decimal (the rounded one with
``digits``). Korean writes a units group after 만 only with 2–4 digits (``3만 500``), as the
parser reads it; other exact ko values fall back to plain digits (``100,005,000``).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal

_CTX = Context(prec=60)
_KO_UNITS = (
    (Decimal(10**16), "경"),
    (Decimal(10**12), "조"),
    (Decimal(10**8), "억"),
    (Decimal(10**4), "만"),
)
_ZH_UNITS = ((Decimal(10**12), "万亿"), (Decimal(10**8), "亿"), (Decimal(10**4), "万"))
_EN_UNITS = (
    (Decimal(10**12), "trillion"),
    (Decimal(10**9), "billion"),
    (Decimal(10**6), "million"),
)
_EN_SHORT = {"trillion": "tn", "billion": "bn", "million": "mn"}
_KO_CURRENCY = {
    "KRW": "원",
    "CNY": "위안",
    "USD": "달러",
    "HKD": "홍콩 달러",
    "TWD": "대만 달러",
    "SGD": "싱가포르 달러",
    "EUR": "유로",
    "JPY": "엔",
    "GBP": "파운드",
    "INR": "루피",
}
_ZH_CURRENCY = {
    "CNY": "元",
    "USD": "美元",
    "HKD": "港元",
    "EUR": "欧元",
    "JPY": "日元",
    "KRW": "韩元",
    "GBP": "英镑",
    "INR": "卢比",
    "TWD": "新台币",
}
_LANGS = ("ko", "zh", "en")


def _plain(value: Decimal, commas: bool) -> str:
    """Digits without exponent or trailing zeros, with thousands commas if asked."""
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1), context=_CTX)
    else:
        value = value.normalize(_CTX)
    return format(value, ",f" if commas else "f")


def _round(value: Decimal, digits: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP, context=_CTX)


def _scaled(
    value: Decimal, units: tuple[tuple[Decimal, str], ...], digits: int | None, commas: bool
) -> str:
    """``value`` as a coefficient of the largest unit it reaches."""
    mag = abs(value)
    for i, (size, name) in enumerate(units):
        if mag < size:
            continue
        coef = _CTX.divide(mag, size)
        if digits is not None:
            coef = _round(coef, digits)
            if i > 0 and coef >= _CTX.divide(units[i - 1][0], size):  # 9999.96亿 -> 1万亿
                size, name = units[i - 1]
                coef = _round(_CTX.divide(mag, size), digits)
        sep = " " if name.isascii() else ""
        return f"{'-' if value < 0 else ''}{_plain(coef, commas)}{sep}{name}"
    shown = mag if digits is None else _round(mag, digits)
    return f"{'-' if value < 0 and shown else ''}{_plain(shown, commas)}"


def _ko_exact(value: Decimal) -> str:
    mag = abs(value)
    whole = int(mag)
    fraction = mag - whole
    groups: list[int] = []
    while whole:
        whole, group = divmod(whole, 10_000)
        groups.append(group)
    units = ["", "만", "억", "조", "경"]
    if len(groups) <= 1 or len(groups) > len(units):
        return f"{'-' if value < 0 else ''}{_plain(mag, True)}"
    low_group = groups[0]
    if (low_group or fraction) and (low_group < 10 or groups[1] == 0):
        return f"{'-' if value < 0 else ''}{_plain(mag, True)}"
    parts = []
    for power in range(len(groups) - 1, 0, -1):
        if groups[power]:
            parts.append(f"{groups[power]:,}{units[power]}")
    if low_group or fraction:
        parts.append(_plain(low_group + fraction, True))
    return ("-" if value < 0 else "") + " ".join(parts)


def format_number(value: Decimal, lang: str, *, digits: int | None = None) -> str:
    """Write ``value`` for ``lang`` (ko, zh, en): exact, or rounded to ``digits`` decimals."""
    if lang not in _LANGS:
        raise ValueError(f"unknown language {lang!r} (ko, zh, en)")
    if digits is not None and digits < 0:
        raise ValueError("digits must be 0 or more")
    if lang == "ko":
        return _ko_exact(value) if digits is None else _scaled(value, _KO_UNITS, digits, True)
    if lang == "zh":
        return _scaled(value, _ZH_UNITS, digits, False)
    return _scaled(value, _EN_UNITS, digits, True)


def format_money(value: Decimal, currency: str, lang: str, *, digits: int | None = None) -> str:
    """Write an amount for a report: ``7,685억 3,900만 위안``, ``7685.39亿元``, ``CNY 768.5 bn``.

    ko ``달러`` (USD) is ambiguous to the parser on purpose: read it back with a default currency.
    """
    number = format_number(value, lang, digits=digits)
    if lang == "ko":
        return f"{number} {_KO_CURRENCY.get(currency, currency)}"
    if lang == "zh":
        word = _ZH_CURRENCY.get(currency)
        return f"{number}{word}" if word else f"{number} {currency}"
    for long, short in _EN_SHORT.items():
        if number.endswith(long):
            number = number[: -len(long)] + short
    return f"{currency} {number}"


__all__ = ["format_money", "format_number"]
