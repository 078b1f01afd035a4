"""The whole a listed share is of, where the list names only its items: ``…건수의 74.29%가 집중,
이 중 베이징이 32.53%, 상하이 21.76%`` (the items after 이 중 are shares of the whole before it),
``핵심 기술 분포를 살펴보면, 빅데이터가 41.13%, 하드웨어 7.64%`` (a topic the sentence opens with),
``全国新增企业中，东部地区占58.2%，其中广东占12.4%``."""

from __future__ import annotations

import re
from collections.abc import Sequence

from sectorlens.facts.mentions import Mention
from sectorlens.model import Kind

_OF_WHICH = re.compile(
    r"이\s?중|그\s?중|이\s?가운데|그\s?가운데|其中|其中的|of\s(?:which|these|this|them)\b", re.I
)
# A whole the sentence opens with (핵심 기술 분포를 살펴보면, 全国新增企业中); a dimension (by
# sector, 从地区看, 업종별로는) names how the whole is cut, not the whole, and is left alone.
_TOPIC = re.compile(
    r"^\s*(?P<ko>[^,，.。]{2,30}?)(?<!별)(?:을|를)\s?(?:살펴보면|보면|볼\s?때)\s?[,，]?"
    r"|^\s*(?![在于於从按其])(?P<zh>[^,，。]{2,12}?)中\s?[,，]",  # not 在此过程中: a time
)


def opening_whole(text: str) -> tuple[int, str] | None:
    """The whole a sentence opens with (``핵심 기술 분포를 살펴보면,``) and where its words end."""
    topic = _TOPIC.match(text)
    if topic is None:
        return None
    name = (topic.group("ko") or topic.group("zh")).strip()
    return (topic.end(), name) if name else None


def listed_whole(
    text: str,
    start: int,
    before: Sequence[Mention],
    shares_after: int,
    opening: tuple[int, str] | None,
) -> str | None:
    """The whole of the share at ``text[start:]`` that its list leaves unnamed: the whole stated
    before an 'of which' marker in the sentence (its own whole, else its metric), else the whole
    the sentence opens with (``opening``, from ``opening_whole``) when it lists two or more
    shares; None where neither is stated."""
    named = opening[1] if opening is not None and start >= opening[0] else None
    marks = list(_OF_WHICH.finditer(text, 0, start))
    if marks:
        mark = marks[-1].start()
        wholes = [m for m in before if m.local[1] <= mark and m.change is None]
        if not wholes:
            return None
        whole = wholes[-1]
        if whole.fact.quantity.kind is Kind.PERCENT:
            return whole.base or named  # 74.29% of 건수, of which Beijing 32.53%: of 건수 too
        return (whole.fact.subject or "").split(" · ")[0] or whole.metric
    return named if shares_after >= 2 else None


__all__ = ["listed_whole", "opening_whole"]
