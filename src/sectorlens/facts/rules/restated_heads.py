"""The head a sentence puts its figures under: one metric under two heads is two figures.

A balance-of-payments release states ``직접투자 중 내국인 해외투자는 41억달러 증가`` and then
``증권투자는 내국인 해외투자가 29억달러 늘었으며``; a trade release ``出口中，机电产品3.2万亿元``
and ``进口中，机电产品2.8万亿元``. The metric is the same words, but each sentence names the whole
it is about first (``X 중``, ``X 가운데``, a topic ``X는`` before the subject ``Y가``, ``X中，``,
``X方面，``): the two figures are the metric's under two heads, not one figure stated twice.
Only where both sentences name a head and the heads differ are the two kept apart.
"""

from __future__ import annotations

import re

from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import Context

_LEAD = r"(?:(?:한편|반면|또한|특히|아울러|이밖에|이\s밖에|此外|另外|同时|同時)\s?[,，]?\s?)?"
_NOUN_KO = r"[가-힣A-Za-z·]{2,}(?:\s[가-힣A-Za-z·]{2,})?"
# 직접투자 중 …, 수출 가운데 …: at the start of the sentence or of a clause
_PART_OF_KO = re.compile(rf"(?:^|[,;]\s?){_LEAD}(?P<head>{_NOUN_KO})\s?(?:중|가운데)\s")
# 증권투자는 내국인 해외투자가 …: a topic before the sentence's subject, at its start only
_TOPIC_KO = re.compile(rf"^{_LEAD}(?P<head>[가-힣A-Za-z·]{{2,}})(?:은|는)\s{_NOUN_KO}(?:이|가)\s")
# 出口中，… / 进口方面，…: at the start of the sentence or of a clause
_PART_OF_ZH = re.compile(
    rf"(?:^|[，,；;])\s?{_LEAD}(?P<head>[\u4e00-\u9fff]{{2,8}}?)(?:中|方面)\s?[，,：:]"
)
# times are no heads: 올해는 수출이 …, 지난해 중 …
_TIME = re.compile(r"올해|금년|지난해|작년|전년|이번|이달|당월|년|월|분기|반기|年|月|季")
_PATTERNS = (_PART_OF_KO, _TOPIC_KO, _PART_OF_ZH)


def head(ctx: Context, m: Mention) -> str | None:
    """The head the sentence of ``m`` names before it (``직접투자``, ``出口``), if any."""
    sent = ctx.extraction.sentence(m)
    if sent is None or m.cell is not None:
        return None
    before = sent.text[: m.local[0]]
    found: tuple[int, str] | None = None
    for pattern in _PATTERNS:
        for match in pattern.finditer(before):
            name = match.group("head")
            if _TIME.search(name):
                continue
            if found is None or match.start() > found[0]:
                found = (match.start(), re.sub(r"\s", "", name))
    return None if found is None else found[1]


def other_heads(ctx: Context, a: Mention, b: Mention) -> bool:
    """Both sentences name a head for the figure, and the heads differ: two figures."""
    ha, hb = head(ctx, a), head(ctx, b)
    return ha is not None and hb is not None and ha != hb
