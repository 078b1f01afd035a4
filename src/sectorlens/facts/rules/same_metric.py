"""One metric in two places: the same words, a table row read with its label row, a Chinese or
Korean metric without its owner and total word, a table row named with its heading's words."""

from __future__ import annotations

import re
from functools import lru_cache

from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import norm

_STOP = frozenset(["and", "of", "the", "for", "in", "from", "total"])


@lru_cache(maxsize=1 << 16)
def _bag(text: str) -> frozenset[str] | None:
    """The words of an English metric without plural s and small words; None for other text."""
    if not text or not text.isascii():
        return None
    words = re.findall(r"[a-z]+", text.lower())
    return frozenset(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words) - _STOP


# The reporter named before a Chinese or Korean metric, a total word after it, a unit in brackets
_CJK_OWNER = re.compile(r"^(?:本公司|公司|本集团|本集團|集团|集團|本行|당사|회사)")
_CJK_TOTAL = re.compile(r"(?:合计|合計|总计|總計|总额|總額|합계|총계|총액)$")
_BRACKETS = re.compile(r"[(（][^()（）]{0,4}(?:元|원|%|％|股|명|人|吨|톤)[^()（）]{0,3}[)）]")


def _cjk_core(metric: str | None) -> str:
    """A Chinese or Korean metric without its owner, total word and unit (``公司营业收入``,
    ``营业收入合计``, ``营业收入（元）`` → ``营业收入``); empty for other text."""
    text = norm(_BRACKETS.sub("", metric or ""))
    if not text or text.isascii():
        return ""
    core = _CJK_TOTAL.sub("", _CJK_OWNER.sub("", text))
    return core if len(core) >= 2 else ""


def other_metric(
    change: Mention,
    level: Mention,
    levels: tuple[tuple[int, int], ...] = (),
    words: str | None = None,
) -> bool:
    """A change whose own metric names something else than its level's (``취업자는 … 17만명
    증가하였고, 고용률은 62.5%로``; total operating expenses increased 42.2% after revenue's
    from … to …): no relation is stated between them. ``levels`` are the spans of the level
    facts: a rate read as one of them (期末余额A，期初余额B，下降X%) is the level's own;
    ``words`` the levels' metric where ``level`` names none."""
    if change.level is not None and change.level in levels:
        return False
    own, of_level = norm(change.metric), norm(level.metric or words)
    if not own or not of_level or own in of_level or of_level in own:
        return False
    if _BY_DIMENSION.search(change.metric or ""):
        return False  # 업종별로는 건설업 303명으로 … 38명 감소: the list's lead, not a measure
    return not same_metric(change, level)


# 업종별로(는), 지역별: the lead of a list by a dimension, which names no measure of its own
_BY_DIMENSION = re.compile(r"^\S{1,8}별(?:로(?:는|도)?|로|은|는)?$")


def same_metric(a: Mention, b: Mention) -> bool:
    """One metric in two places: the same words (``Total revenue`` and ``Total revenues``), a
    table cell's row label read with the label row above it (``Revenues:`` ·
    ``Subscription and support`` for ``subscription and support revenues``)."""
    if norm(a.metric) == norm(b.metric):
        return bool(norm(a.metric))
    if (core := _cjk_core(a.metric)) and core == _cjk_core(b.metric):
        return True  # 营业收入合计 (a total row) and 公司营业收入 (the letter): one metric
    if row_in_its_section(a, b) or row_in_its_section(b, a):
        return True  # 총 온실가스 배출량: the row 총 배출량 of the table under 온실가스 배출량
    bags = []
    for m in (a, b):
        own = _bag(m.metric or "")
        if own is None:
            return False
        bags.append({own} | ({own | g} if m.group and (g := _bag(m.group)) else set()))
    return any(x == y and len(x) >= 1 for x in bags[0] for y in bags[1])


_HEADING_NUMBER = re.compile(r"^[\W\d]*(?:[一二三四五六七八九十]+[、.])?\s*")
_TOTAL_ROW = re.compile(
    r"^\s*(?:총|합계|총계|계|total|合计|合計|总计|總計|总量|總量)(?:\s|$)|(?:합계|총계|合计|合計|总计|總計)\s*$",
    re.I,
)


def row_in_its_section(cell: Mention, prose: Mention) -> bool:
    """Prose names a table row with the words of the heading the table sits under:
    ``총 온실가스 배출량`` for the row ``총 배출량`` under ``온실가스 배출량``, ``温室气体排放总量``
    for ``排放总量`` under ``温室气体排放``; the heading's metric for the table's total row
    (``에너지 사용량`` for ``합계`` under ``사업장별 에너지 사용량``)."""
    if cell.cell is None or prose.cell is not None or not cell.section:
        return False
    row, said = cell.metric or "", prose.metric or ""
    heading = _HEADING_NUMBER.sub("", cell.section)
    if not row or not said or said.isascii() or norm(row) == norm(said):
        return False
    whole, part, head = norm(said), norm(row), norm(heading)
    if _TOTAL_ROW.search(row):
        rest = norm(_TOTAL_ROW.sub("", row))
        return len(whole) >= 2 and whole in head and rest in whole
    if " " in said.strip() and " " in heading.strip():
        words, own, head_words = set(said.split()), set(row.split()), set(heading.split())
        extra = words - own
        return own < words and bool(extra) and extra <= head_words
    rest = whole.replace(part, "", 1) if len(part) >= 2 and part in whole else ""
    return len(rest) >= 2 and rest in head


def alike_names(a: str, b: str) -> bool:
    """One name holds the other, or they share most of the shorter (``份…利润`` · ``…利润总额``)."""
    if len(a) < 2 or len(b) < 2:
        return False
    if a in b or b in a:
        return True
    short = min(len(a), len(b))
    return short >= 6 and _common(a, b) >= short - 2


def _common(a: str, b: str) -> int:
    """The length of the longest run of characters the two names share."""
    best = 0
    prev = [0] * (len(b) + 1)
    for ch in a:
        cur = [0] * (len(b) + 1)
        for j, other in enumerate(b):
            if ch == other:
                cur[j + 1] = prev[j] + 1
                best = max(best, cur[j + 1])
        prev = cur
    return best
