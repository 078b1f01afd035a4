"""The URLs benchmarks/web.py requests: a dashboard view's, every request a new filter
combination (uncached), one per query shape (the warm-up), and the answers compared with the
baseline's."""

from __future__ import annotations

PROVINCES = ([], ["province=CN-BJ"], ["province=CN-SH,CN-GD"], ["province!=CN-BJ,null"])
CURRENCIES = ("CNY", "USD", "KRW", "EUR")
CHARTS = ("deals_by_year", "amount_by_year", "by_region", "by_sector", "by_round")
FILTERS = (
    [],
    ["year>=2014"],
    ["year>=2014", "year<=2017"],
    ["province=CN-BJ"],
    ["province=CN-BJ,CN-SH,CN-GD", "year>=2015"],
    ["sector=robots"],
    ["round=a,b"],
)


def dashboard_urls() -> list[str]:
    """What the dashboard fetches for one view, for each filter combination and currency."""
    from urllib.parse import urlencode

    urls = []
    for i, where in enumerate(FILTERS):
        currency = ("CNY", "USD", "KRW")[i % 3]
        lang = ("ko", "en")[i % 2]
        q = [("where", w) for w in where] + [("currency", currency)]
        urls.append(f"/?lang={lang}")
        urls += [f"/api/charts/{c}.json?{urlencode([*q, ('lang', lang)])}" for c in CHARTS]
        urls.append(f"/api/deals.json?{urlencode([('by', 'year'), *q])}")
    return urls


def uncached_urls(count: int, years: range = range(2000, 2024)) -> list[str]:
    """``count`` URLs, each with a filter combination no other one has (a year range ×
    provinces × currency), over the five charts and the deals table in turn, in a fixed
    shuffled order."""
    import itertools
    import random

    spans = [(lo, hi) for lo in years for hi in years if hi >= lo]
    combos = list(itertools.product(spans, PROVINCES, CURRENCIES))
    random.Random(14).shuffle(combos)
    return [_url(i, *combo) for i, combo in enumerate(combos[:count])]


def answer_urls() -> list[str]:
    """The URLs whose answers this tree and the baseline must agree on: the first 150 of
    :func:`uncached_urls`, the dashboard's (pages left out), and metric tables under filters
    the dashboard rarely sends (rounds, sectors, null, the implausible switch, disclosure)."""
    from urllib.parse import urlencode

    urls = uncached_urls(150) + [u for u in dashboard_urls() if u.startswith("/api/")]
    extra = (
        ["implausible=true,false"],
        ["implausible=true"],
        ["round!=a,null", "year>=2012"],
        ["sector=robots,null"],
        ["disclosed=true", "province!=CN-BJ"],
        ["year>2015", "year<2020", "round=b"],
        ["cluster=null"],
    )
    for where in extra:
        for target, by in (
            ("deals", "year"),
            ("shares", "province"),
            ("shares", "round"),
            ("segments", "sector"),
        ):
            q = [("by", by), *(("where", w) for w in where), ("currency", "USD")]
            urls.append(f"/api/{target}.json?{urlencode(q)}")
    return urls


def shape_urls() -> list[str]:
    """One URL per query shape of :func:`uncached_urls` (target × provinces × currency), with
    years none of those use: the warm-up that compiles each shape once."""
    out = []
    for target in range(len(CHARTS) + 1):
        for province in PROVINCES:
            for currency in CURRENCIES:
                out.append(_url(target, (1990, 1995), province, currency))
    return out


def _url(i: int, span: tuple[int, int], province: list[str], currency: str) -> str:
    from urllib.parse import urlencode

    targets = [*(f"/api/charts/{c}.json" for c in CHARTS), "/api/deals.json"]
    q = [("where", f"year>={span[0]}"), ("where", f"year<={span[1]}")]
    q += [("where", w) for w in province] + [("currency", currency)]
    target = targets[i % len(targets)]
    extra = [("lang", ("ko", "en")[i % 2])] if "charts" in target else [("by", "year")]
    return f"{target}?{urlencode([*q, *extra])}"
