"""The counter words and units after which a number is a count of them: Korean and Chinese
counters, English nouns counted, physical and industry units (500万辆, 586만CGT, 120 GWh)."""

from __future__ import annotations

from typing import Final

from sectorlens.parse.native import NATIVE_COUNTERS

# English nouns a number counts (283,195,399 passengers, 968 hotels), as patterns where a
# character may be left out (deals?: deal or deals); the parser reads every form they write.
COUNTED_NOUNS_EN: Final = (
    *("deals?", "rounds?", "companies", "company", "firms?", "start-?ups?", "investments?"),
    *("transactions?", "projects?", "cities", "zones?", "patents?", "employees", "people"),
    *("persons", "institutions", "enterprises", "units", "users", "subscribers", "customers"),
    *("vehicles", "households", "members", "visitors", "stores", "jobs", "shares"),
    # what traffic, trade and services statistics count
    *("passengers", "travell?ers", "tourists", "arrivals", "flights", "trips", "rooms"),
    *("hotels", "beds", "homes", "houses", "dwellings", "apartments", "workers", "students"),
    *("patients", "vessels", "ships", "containers", "trains", "cars", "trucks", "devices"),
    *("smartphones", "accounts", "subscriptions", "downloads", "orders", "branches"),
    *("outlets", "shops", "restaurants", "schools", "hospitals", "factories", "titles"),
    *("tickets", "viewers", "seats", "merchants", "consumers", "farms"),
)


def _forms(pattern: str) -> list[str]:
    """Every word a pattern of COUNTED_NOUNS_EN writes (``start-?ups?``: startup, start-ups…)."""
    at = pattern.find("?")
    if at < 0:
        return [pattern]
    head, tail = pattern[: at - 1], pattern[at + 1 :]
    return [form for kept in (pattern[at - 1], "") for form in _forms(head + kept + tail)]


COUNTERS: Final = [
    *NATIVE_COUNTERS,  # 가지, 개, 개사, 개국, 곳, 명, 건, 번, …
    "회",
    "개소",
    "社",
    "家",
    "个",
    "個",
    "笔",
    "筆",
    "起",
    "件",
    "项",
    "項",
    "名",
    "人",
    "位",
    "款",
    "所",
    "座",
    *(form for noun in COUNTED_NOUNS_EN for form in _forms(noun)),
    # things counted or measured with large units (500万辆, 120万平方米)
    "辆",
    "輛",
    "岁",
    "歲",
    "标箱",
    "標箱",
    "列",
    "台",
    "部",
    "套",
    "户",
    "戶",
    "次",
    "张",
    "張",
    "吨",
    "噸",
    "头",
    "頭",
    "平方米",
    "立方米",
    "平米",
    "亩",
    "畝",
    "公顷",
    "公頃",
    "公斤",
    "斤",
    "公里",
    "千瓦时",
    "千瓦時",
    "千瓦",
    "대",
    "톤",
    "가구",
    "채",
    "점",
    "척",
    "마리",
    "동",  # buildings (735만4천340동), read only after a large unit (facts/lexicon.py)
    # energy and power, measured (120 GWh, 19.0GWh, 3.5GW, 500만kW, 12 GWp)
    "TWh",
    "GWh",
    "MWh",
    "kWh",
    *("TW", "GW", "MW", "kW", "GWp", "MWp"),
    # ships, containers, oil and gas (586만CGT, 40万TEU, 1.2 million bbl, 30 bcm)
    *("CGT", "DWT", "TEU", "bbl", "boe", "MMBtu", "bcm", "Mtoe"),
    # emissions, energy and water as sustainability reports measure them (499만8036tCO2eq,
    # 3만1018TJ, 1465만㎥, 12.3万吨标准煤)
    "tCO2eq",
    "tCO2e",
    "tCO2-eq",
    "tCO₂eq",
    "tCO₂e",
    "tCO₂-eq",
    "吨二氧化碳当量",
    "吨标准煤",
    # metric units of weight, area and length as Korean and English news print them (73만7천t,
    # 492㎏, 14만9천878㏊, 12151.88㎡: the signs read as kg, ha, m2); a capital T stays unread
    # (trillion or tonnes, parse/_reader.py)
    *("t", "ton", "tons", "tonne", "tonnes", "kg", "ha", "hectares", "km", "km2", "m2", "m²"),
    *("박스", "상자"),
    "TJ",
    "GJ",
    "TOE",
    "㎥",
    "m³",
]
