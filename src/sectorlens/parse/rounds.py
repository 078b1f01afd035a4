"""Funding-round names in Chinese, Korean and English -> one canonical stage code.

``ROUND_STAGES`` lists the codes from earliest to latest, then the kinds of financing that are
not a stage of the series (venture, bridge, debt, strategic, M&A, …), ``other`` last.
Choices worth knowing: a combined label (``Seed/ Angel Funding``) maps to its earliest stage;
Crunchbase's ``series-c+`` means "series C or later" (``c_or_later``), while ``C+轮`` is a C
extension (``c_plus``), as is ``Series B (Extension)`` (``b_plus``); ``F轮-上市前`` is ``f``;
``E+`` and later extensions map to their letter; labels that only say "a round" (``Funding
Round``, ``Maiden Round``, ``Equity``, ``Private``) are ``other``. Unknown text gives None.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sectorlens.parse._tokens import normalize

_SERIES = "abcdefghij"
ROUND_STAGES: tuple[str, ...] = (
    "seed",
    "angel",
    *(
        code
        for letter in _SERIES
        for code in (
            (f"pre_{letter}", letter, f"{letter}_plus")
            if letter in "abc"
            else (letter, f"{letter}_plus")
            if letter == "d"
            else (letter,)
        )
    ),
    "c_or_later",
    "pre_ipo",
    "ipo",
    "post_ipo",
    "venture",
    "bridge",
    "mezzanine",
    "private_equity",
    "strategic",
    "corporate",
    "debt",
    "grant",
    "crowdfunding",
    "new_third_board",
    "new_third_board_placement",
    "m_and_a",
    "other",
)

_NAMES: dict[str, str] = {
    **dict.fromkeys(
        ["seed", "种子", "種子", "시드", "seedangel", "seed/angel", "seed/angle"], "seed"
    ),
    **dict.fromkeys(["angel/seed", "天使/种子"], "seed"),
    **dict.fromkeys(["angel", "天使", "엔젤", "angelinvestment", "천사"], "angel"),
    **dict.fromkeys(["venture", "singleventure", "ventureseriesunknown", "vc", "벤처"], "venture"),
    **dict.fromkeys(
        ["privateequity", "pe", "私募股权", "私募股权投资", "사모펀드", "사모"], "private_equity"
    ),
    **dict.fromkeys(["corporate", "企业投资"], "corporate"),
    **dict.fromkeys(
        [
            "战略投资",
            "战略融资",
            "戰略投資",
            "strategic",
            "strategicinvestment",
            "전략적투자",
            "전략투자",
        ],
        "strategic",
    ),
    **dict.fromkeys(
        [
            "并购",
            "收购",
            "併購",
            "m&a",
            "acquisition",
            "acquired",
            "merger",
            "인수합병",
            "인수",
            "m&a(인수합병)",
        ],
        "m_and_a",
    ),
    **dict.fromkeys(["ipo", "ipo上市", "上市", "상장", "기업공개", "ipo상장"], "ipo"),
    **dict.fromkeys(["ipo上市后", "上市后", "postipo", "상장후", "ipo후"], "post_ipo"),
    **dict.fromkeys(["preipo", "上市前", "프리ipo", "pre-ipo", "ipo前"], "pre_ipo"),
    "新三板": "new_third_board",
    "新三板挂牌": "new_third_board",
    "新三板定增": "new_third_board_placement",
    **dict.fromkeys(
        [
            "debt",
            "structureddebt",
            "termloan",
            "debtandpreferencecapital",
            "债权",
            "债权融资",
            "债务融资",
            "부채",
            "대출",
            "loan",
            "convertiblenote",
            "venturedebt",
        ],
        "debt",
    ),
    **dict.fromkeys(["grant", "赠款", "资助", "보조금"], "grant"),
    **dict.fromkeys(
        ["crowd", "crowdfunding", "众筹", "크라우드펀딩", "equitycrowdfunding"], "crowdfunding"
    ),
    **dict.fromkeys(["bridge", "过桥", "브릿지"], "bridge"),
    **dict.fromkeys(["mezzanine", "夹层", "메자닌"], "mezzanine"),
    **dict.fromkeys(
        [
            "other",
            "funding",
            "maiden",
            "inhouse",
            "equity",
            "equitybased",
            "private",
            "定增",
            "其他",
            "기타",
            "secondarymarket",
            "secondary",
        ],
        "other",
    ),
    "f轮上市前": "f",
}
# Stripped from the end, repeatedly, before the table and the series pattern are tried.
_SUFFIXES = ("funding", "financing", "round", "轮", "融资", "라운드", "투자유치", "투자")
_SERIES_RE = re.compile(
    r"(?P<pre>pre)?(?:series|round)?(?P<l>[a-j])(?P<plus>\+|plus|\(extension\)|extension)?\d?"
)
_ESCAPED_NEWLINE = re.compile(r"\\+n")  # literal "\\n" text left in some exports
_PRE_WORDS = (("시리즈", "series"), ("프리", "pre"), ("시드", "seed"), ("엔젤", "angel"))


def _key(text: str) -> str:
    low = normalize(_ESCAPED_NEWLINE.sub(" ", text)).lower()
    for ko, en in _PRE_WORDS:
        low = low.replace(ko, en)
    return re.sub(r"[\s_\-]+", "", low)


def _strip(key: str) -> str:
    changed = True
    while changed:
        changed = False
        for suffix in _SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix):
                key = key[: -len(suffix)]
                changed = True
    return key


@lru_cache(maxsize=1 << 12)
def _canonical_round(text: str) -> str | None:
    if normalize(text).lower() == "series-c+":  # Crunchbase: series C or any later one
        return "c_or_later"
    key = _key(text)
    for candidate in (key, _strip(key)):
        if candidate in _NAMES:
            return _NAMES[candidate]
        m = _SERIES_RE.fullmatch(candidate)
        if m:
            letter = m["l"]
            if m["pre"]:
                return f"pre_{letter}" if letter in "abc" else letter
            if m["plus"]:
                return f"{letter}_plus" if letter in "abcd" else letter
            return letter
    return None


def canonical_round(text: str) -> str | None:
    """The canonical stage code of a round name (``Pre-A轮`` -> ``pre_a``), None if unknown."""
    return _canonical_round(text)


__all__ = ["ROUND_STAGES", "canonical_round"]
