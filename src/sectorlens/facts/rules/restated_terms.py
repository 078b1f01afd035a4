"""What makes two statements of one metric two figures, or one: causes, real terms, changes.

``The benefit was due to $1.3 billion of …`` names a cause of its subject, not its value;
``名义增长8.3%（扣除价格因素实际增长6.9%）`` gives a nominal and a real rate; and a rate without its
own comparison word in a sentence that compares with the year before (``一季度同比下降6.8%，三季度
增长4.9%``) is the same kind of change as a year-on-year rate elsewhere.
"""

from __future__ import annotations

import re

from sectorlens.facts import lexicon as lx
from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import Context
from sectorlens.facts.rules.moves import direction_word
from sectorlens.model import Kind

# A figure the sentence names as a cause or a component of its subject, not as its value
_CAUSE = re.compile(
    r"(?:\bdue\sto|\bdriven\sby|\boffset\sby|\bbecause\sof|\battributable\sto|\bresult\sof|"
    r"主要由于|由于|得益于|受益于|抵消|에\s?따른|로\s?인한|덕분에|영향으로)\s?(?:\S+\s){0,3}\S*$",
    re.IGNORECASE,
)


# a rate in real terms (net of prices or currency) is another figure than the nominal one
_REAL = re.compile(
    r"實際|实际|扣除價格因素|扣除价格因素|실질|불변\s?가격|\breal\b|inflation[-\s]adjusted|"
    r"\b(?:in\s|at\s)?constant\s(?:prices|currency|dollars)\b|adjusting\sfor\scurrency",
    re.IGNORECASE,
)


def real_terms(ctx: Context, m: Mention) -> bool:
    """True when the words right before the figure mark it as net of prices or currency."""
    if m.sentence is None:
        return False
    text = ctx.extraction.layout.sentences[m.sentence].text
    return bool(_REAL.search(text[max(0, m.local[0] - 16) : m.local[0]]))


def cause(ctx: Context, m: Mention) -> bool:
    """True when the sentence names the figure as a cause or component of its subject."""
    sent = ctx.extraction.sentence(m)
    if sent is None or m.sentence is None:
        return False
    text = ctx.extraction.layout.sentences[m.sentence].text
    return bool(_CAUSE.search(text[max(0, m.local[0] - 40) : m.local[0]]))


# the sentence compares with a year before (同比, 전년 동기 대비, year over year): a rate it
# gives without its own comparison word is that year-on-year rate
# (一季度同比下降6.8%，三季度增长4.9%)
_YOY = re.compile(
    r"同比|比上年同期|較上年同期|대비|\byear[-\s](?:over|on)[-\s]year\b|"
    r"\b(?:from|with|than)\sa\syear\s(?:earlier|ago|before)\b",
    re.IGNORECASE,
)


_SHARE_WORD = re.compile(r"占比|占|比重|份额|비중|점유율|\bshare\b", re.IGNORECASE)
_MOVED_AFTER = re.compile(rf"(?:{lx.TREND_UP})|(?:{lx.TREND_DOWN})|늘었|줄었", re.IGNORECASE)


def same_change(ctx: Context, a: Mention, b: Mention) -> bool:
    """A year-on-year rate and a rate without its own comparison, in a sentence comparing
    with the year before: one kind of change."""
    if {a.change, b.change} not in ({None, "yoy"}, {"change", "yoy"}):
        return False
    if a.fact.quantity.kind is not Kind.PERCENT or b.fact.quantity.kind is not Kind.PERCENT:
        return False
    plain = b if a.change == "yoy" else a
    sent = ctx.extraction.sentence(plain)
    if sent is None or plain.sentence is None:
        return False
    text = ctx.extraction.layout.sentences[plain.sentence].text
    start, end = plain.local
    if _SHARE_WORD.search(text[max(0, start - 10) : start]):
        return False  # 三元/磷酸铁锂占比 37.90%/61.71%: a share, not a change
    moved = direction_word(text, start, end, 12) or _MOVED_AFTER.search(text[end : end + 24])
    return bool(moved) and bool(_YOY.search(text[:start]))
