"""What makes two statements of one metric two figures, or one: causes, real terms, changes,
the items of a ranking.

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
from sectorlens.facts.subjects_ko import KO_MEASURE_WORD
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


def paragraph(ctx: Context, m: Mention) -> int | None:
    """The paragraph of the sentence a mention sits in (None for figure items)."""
    sent = ctx.extraction.sentence(m)
    return None if sent is None else sent.paragraph


# A paragraph that opens an item of a ranking: 2위는, 3위 X은, 第二名, 排名第三, No. 2, Second,
_RANK = re.compile(
    r"^\W{0,3}(?:\d{1,3}\s?위|(?:排名)?第\s?[一二三四五六七八九十\d]{1,3}\s?(?:名|位)?|"
    r"No\.\s?\d{1,3}\b|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b"
    r"|(?:1st|2nd|3rd|[4-9]th|10th)\b)",
    re.IGNORECASE,
)


# A list item that opens with the name it is about: • Middle East, 11.5%. Load factor …
_NAMED_ITEM = re.compile(r"^\s*[•·▪*]\s*[A-Z][\w&.'-]*(?:\s[A-Z][\w&.'-]*){0,3},\s")


def ranked(ctx: Context) -> dict[int, str]:
    """The rank of the ranking item each sentence belongs to: the rank the last sentence of its
    paragraph that opened with one names (``2위는 … . 매출액 … . 3위 셀트리온은 …``), or the
    name a list item opens with (``• Middle East, 11.5%.``): the items of two entities."""
    out: dict[int, str] = {}
    paragraph, rank = None, ""
    for sent in ctx.extraction.layout.sentences:
        if sent.paragraph != paragraph:
            paragraph, rank = sent.paragraph, ""
        if (m := _RANK.match(sent.text)) is not None:
            rank = re.sub(r"\s", "", m.group(0)).lower()
        elif (m := _NAMED_ITEM.match(sent.text)) is not None:
            rank = "item:" + re.sub(r"\s", "", m.group(0)).lower()
        if rank:
            out[sent.index] = rank
    return out


def other_items(a: Mention, b: Mention, ranks: dict[int, str]) -> bool:
    """The two facts sit in sentences of different items of a ranking or list: two entities
    (or one in a list item that names its entity, one outside it)."""
    if a.sentence is None or b.sentence is None:
        return False
    ra, rb = ranks.get(a.sentence), ranks.get(b.sentence)
    if (ra or "").startswith("item:") != (rb or "").startswith("item:"):
        return True  # • Middle East, …: the item's entity, not the sentence's outside the list
    return ra is not None and rb is not None and ra != rb


# A count of the firms a total is taken over: 565개사, 639개 유가증권시장 상장사, 1901家公司,
# the 811 junior-market companies
_FIRMS = re.compile(
    r"(\d[\d,]*)\s?(?:개\s?(?:사|기업|회사|업체|(?:\S+\s)?상장사)|家|社\b)"
    r"|(\d[\d,]*)\s+(?:[A-Za-z-]+\s+){0,2}(?:companies|firms|corporations|issuers|businesses)\b",
    re.IGNORECASE,
)


def _firm_counts(ctx: Context, m: Mention) -> frozenset[str]:
    sent = ctx.extraction.sentence(m)
    if sent is None:
        return frozenset()
    found = _FIRMS.finditer(sent.text)
    return frozenset((x.group(1) or x.group(2)).replace(",", "") for x in found)


def other_populations(ctx: Context, a: Mention, b: Mention) -> bool:
    """Each sentence counts the firms its totals are taken over, and no count is shared:
    ``565개사의 … 매출`` and ``코스닥 811개사의 매출도``, totals of two sets of firms."""
    ca, cb = _firm_counts(ctx, a), _firm_counts(ctx, b)
    return bool(ca) and bool(cb) and not ca & cb


# the holder a Korean sentence opens with: 국민은행의 …, 우리은행은 …
_KO_HOLDER = re.compile(
    r"^\W{0,3}(?:(?:19|20)\d{2}년\s?(?:[1-4]분기\s|상반기\s|하반기\s)?)?"
    r"([가-힣A-Za-z0-9]{2,12}?)(?:은|는|의)\s"
)


def other_holders(ctx: Context, a: Mention, b: Mention) -> bool:
    """Two holders' figures: each subject names its own holder before the measure (a
    paragraph's, ``LG생활건강 당기순이익`` and ``현대글로비스 당기순이익``), or both sentences open
    with a holder (은/는/의) and neither names the other's (``국민은행의 누적 순이익은 …`` and
    ``우리은행은 … 누적 순이익``)."""
    ka, kb = _named_holder(a), _named_holder(b)
    if ka and kb and ka not in kb and kb not in ka:
        return True
    if a.sentence is None or b.sentence is None:
        return False
    sa = ctx.extraction.layout.sentences[a.sentence].text
    sb = ctx.extraction.layout.sentences[b.sentence].text
    ha, hb = _KO_HOLDER.match(sa), _KO_HOLDER.match(sb)
    if ha is None or hb is None or ha.group(1) == hb.group(1):
        return False
    if ha.group(1) == (a.metric or "").strip() or hb.group(1) == (b.metric or "").strip():
        return False  # 영업현금흐름은 …: the topic is the figure's own name, no holder
    return ha.group(1) not in sb and hb.group(1) not in sa


def _named_holder(m: Mention) -> str | None:
    """The name before a Korean figure's measure in its subject (``LG생활건강`` of
    ``LG생활건강 당기순이익``), where the subject is that name and the measure."""
    subject, metric = (m.fact.subject or "").split(" · ")[0], (m.metric or "").strip()
    if not metric or not subject.endswith(f" {metric}") or not re.search("[가-힣]", metric):
        return None
    return subject[: -len(metric)].strip() or None


def bracketed_after_name(ctx: Context, a: Mention, b: Mention) -> bool:
    """Two rates in prose, each in brackets right after a Korean name of one word that names no
    measure (``인천(0.15%)``): what they measure is named elsewhere, so two such figures far apart
    may be of two measures (매매가격, 전셋값)."""
    return all(_bracketed_rate(ctx, m) for m in (a, b))


def _bracketed_rate(ctx: Context, m: Mention) -> bool:
    sent = ctx.extraction.sentence(m)
    if sent is None or m.cell is not None or m.fact.quantity.kind is not Kind.PERCENT:
        return False
    name = re.search(r"([가-힣]{1,8})\s?[(（]$", sent.text[: m.local[0]])
    return (
        name is not None
        and (m.metric or "") == name.group(1)
        and not KO_MEASURE_WORD.search(name.group(1))
    )
