"""Where a fact sits: the heading and list item around it, its period, its metric and sign.

Helpers of ``extract``: a sentence's own period (not the one it compares with), the period of the
sentence before, the heading, the table caption or the document's date; the metric of a subject
without change words (``同比增长`` is no metric); a sign set apart from its change.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from sectorlens.facts import lexicon as lx
from sectorlens.facts.candidates import Span
from sectorlens.facts.compared_periods import COMPARES_LEAD
from sectorlens.facts.context import Named, comparison_start, named_periods
from sectorlens.facts.dateline import is_dateline
from sectorlens.facts.fiscal import same_span_in
from sectorlens.facts.layout import Sentence
from sectorlens.model import Period, Quantity

_SIGN_GAP = re.compile(r"(?:^|[\s(（:：,，])([+\-−])\s$")
_CHANGE_WORDS = re.compile(
    r"(?:同比|环比|名义|名義|实际|實際|增长|增加(?!值)|下降|减少|上升|提升|回落|上涨|下跌|大涨|大跌|涨幅|跌幅|增速|增幅|"
    r"较上年同期|上年同期|较上年|比上年|同期|较|增至|降至|升至|减至|增长到|下降到|从|由|到|"
    r"전년\s?(?:동기\s?)?대비|전분기\s?대비|대비|증가율|증가|감소|성장률|성장|상승|하락|"
    r"\b(?:year[-\s](?:over|on)[-\s]year|yoy|y/y|qoq|q/q|increased?|decreased?|grew|rose|fell|"
    r"up|down|growth|declined?|(?:from\s)?an?\syear\s(?:ago|earlier)|on\sthe\syear)\b|"
    # in February: a month named without its year is a period, no metric
    r"\b(?:in\s)?(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b|[+\-−▲▼△▽↑↓]|分别|分別|各自|각각)",
    re.I,
)
_HEADING_MARK = re.compile(r"^[#\s]*(?:\d{1,2}[.)]|[一二三四五六七八九十]+、|[IVX]+\.|[①-⑳])?\s*")
_PARTICLES = frozenset(["에서", "으로", "로", "에", "의", "와", "과", "및", "and", "to", "from"])
_CODE = re.compile(r"[(（][^()（）]*[)）]")
_ITEM_LABEL = re.compile(
    r"^[\W\d]{0,6}?(?:\d{1,2}[.、)）]\s*)?\**([^：:，,。;；\d（(]{2,24}?)\**\s*"
    r"(?:[（(][^()（）]{0,16}[)）])?\**\s*[：:]"  # 1. 多氟多（002407.SZ）：
)

# 央视网消息(新闻联播)：, 新华社北京3月7日电：, 本报讯：: who reports the news, no item's name
_NEWS_CREDIT = re.compile(r"(?:消息|讯|訊|电|電|报道|報道)$")


# A byline: the reporter's name on a line of its own
BYLINE = re.compile(
    r"(?:本报记者|本報記者|记者|記者|特约记者|特約記者|通讯员|通訊員)\s?[\u4e00-\u9fff]{2,4}"
    r"(?:\s[\u4e00-\u9fff]{2,4}){0,2}|[가-힣]{2,4}\s?기자|By\s[A-Z][\w.'-]+(?:\s[A-Z][\w.'-]+){0,3}"
)
# who compiled or supplied a figure (한국철강협회 / 페로타임즈정리, 자료: 통계청, 사진 제공),
# and a page's share button (이 기사를 공유합니다, 分享到)
_CREDIT = re.compile(
    r"(?:정리|제공|작성|편집|그래픽|취재)\s*$|^(?:자료|출처|사진|그래픽|来源|资料来源|Source)\s*[:：=]|"
    r"기사를\s?공유|^공유하기$|^分享到|^share\s(?:this|on)\b",
    re.I,
)
_BULLETED_NAME = re.compile(r"[•·▪\-*]\s*[가-힣]{2,4}")
NO_PERIOD = Period(date(1, 1, 1), date(1, 12, 31))


class Scope:
    """The heading a sentence sits under (its period and name) and the document's own date."""

    def __init__(self, reference: date | None) -> None:
        self.section: str | None = None
        self.parent: str | None = None
        self.period: Period | None = None
        self.period_level: int | None = None  # the level of the heading that set ``period``
        self.reference_period = None if reference is None else Period(reference, reference)

    def heading(self, text: str, found: Sequence[Named]) -> bool:
        """Take a heading line as the section (and its period); False for a line that only
        says who wrote or compiled the text (no section, and no break in the context)."""
        own = [n.period for n in found if not n.compared]
        name = _CODE.sub("", _HEADING_MARK.sub("", text)).strip(" *:：#")[:40] or None
        if name is not None and (BYLINE.fullmatch(name) or _CREDIT.search(name)):
            return False  # 本報記者 邢萌, 홍길동 기자, By Jane Doe, 협회 / 페로타임즈정리
        if self.section is None and _BULLETED_NAME.fullmatch(text.strip()):
            return False  # • 박성민 under a news title, before any section: the reporter's name
        if text.rstrip().endswith((":", "：")) and self.parent is not None:
            self.section = f"{self.parent} / {name}"  # **财务数据**： under 1. 多氟多
        else:
            self.parent = self.section = name
        if own and not is_dateline(text):
            self.period = own[-1]  # a dateline (发布时间：…) dates the document, not a section
        return True

    def item(self, text: str) -> str | None:
        """The section, with the label a list item starts with (``天力锂能（301152.SZ）：``)."""
        m = _ITEM_LABEL.match(text)
        if m is None or _NEWS_CREDIT.search(m.group(1)):
            return self.section
        label = _CODE.sub("", m.group(1)).strip(" *")
        return f"{self.section} / {label}" if self.section else label


def is_heading(text: str, spans: Sequence[tuple[str, Span]]) -> bool:
    """A short paragraph of one line that states no quantity and ends no sentence."""
    body = text.strip()
    if not body or len(body) > 60 or "\t" in body or body.endswith(lx.TERMINAL):
        return False
    if spans and re.search(r"[:：]\s*[^\s:：]", body):
        return False  # 1) 매출액 : 86,378백만원: a numbered label and its value, no heading
    return not spans or bool(_HEADING_MARK.match(body).group(0).strip())  # type: ignore[union-attr]


_RESPECTIVELY = re.compile(r"respectively|各自|分别|分別|각각|각(?=\s?[+\-−]?\d)", re.IGNORECASE)
_LIST_GAP = re.compile(r"\s?(?:[,，、]|and|및|와|과|和|及)\s?", re.IGNORECASE)


def respective_periods(
    text: str, spans: Sequence[tuple[str, Span]], found: Sequence[Named]
) -> dict[int, Period]:
    """``$463 million and $85 million for 2022 and 2021, respectively``: periods in order."""
    if not _RESPECTIVELY.search(text):
        return {}
    own = [n for n in found if not n.compared]
    if len(own) == 1:
        return _each_year(text, spans, own[0])
    if len(own) < 2 or len({n.period for n in own}) < len(own):
        return {}
    listed = [i for i, (_, s) in enumerate(spans) if s.end <= _RESPECTIVELY.search(text).start()]  # type: ignore[union-attr]
    if len(listed) != len(own):
        listed = [i for i, (_, s) in enumerate(spans) if s.start >= own[-1].end]
    if len(listed) > len(own):
        # 24년/25년 영업이익 추정치를 각 23.4%, 62.5% 상향: the values listed right after
        first = listed[: len(own)]
        gaps = [text[spans[a][1].end : spans[b][1].start] for a, b in itertools.pairwise(first)]
        if all(_LIST_GAP.fullmatch(g) for g in gaps):
            listed = first
    if len(listed) != len(own):
        return {}
    return {i: n.period for i, n in zip(listed, own, strict=True)}


def _each_year(text: str, spans: Sequence[tuple[str, Span]], span: Named) -> dict[int, Period]:
    """``2020-2023年…比重分别为37.08%、32.28%、38.00%、55.61%``: one value listed for each year
    of a span of whole years, in order (the count must match)."""
    p = span.period
    first, last = p.start.year, p.end.year
    whole = (p.start.month, p.start.day, p.end.month, p.end.day) == (1, 1, 12, 31)
    if not whole or last <= first or p.partial:
        return {}
    marker = _RESPECTIVELY.search(text, span.end)
    if marker is None:
        return {}
    listed = [i for i, (_, s) in enumerate(spans) if s.start >= marker.end()]
    gaps = [text[spans[a][1].end : spans[b][1].start] for a, b in itertools.pairwise(listed)]
    kinds = {spans[i][0] for i in listed}
    if len(listed) != last - first + 1 or len(kinds) != 1:
        return {}
    if not all(_LIST_GAP.fullmatch(g) for g in gaps):
        return {}
    return {
        i: Period(date(y, 1, 1), date(y, 12, 31))
        for i, y in zip(listed, range(first, last + 1), strict=True)
    }


def context_period(
    inherited: Period | None, scope: Scope, sent: Sentence
) -> tuple[Period | None, str]:
    """A fact's period when its sentence names none: the sentence before, heading, document."""
    if inherited is not None:
        return inherited, "context"
    if scope.period is not None:
        return scope.period, "heading"
    if sent.figure:
        own = [n.period for n in named_periods(sent.figure, None) if not n.compared]
        if own:
            return own[0], "caption"
    return scope.reference_period, "reference"


# Words that frame a clause or a comparison and name no metric: 按可比价格计算, 分季度看,
# 初步核算; 보다, 늘어난, 비교해; a record, about.
_NO_METRIC = re.compile(
    r"(?:初步核算|按[^，,]{1,12}?(?:计算|計算|统计|統計|分)|分[^，,]{1,10}?看|[从從][^，,]{1,10}?看|"
    r"扣除[^，,]{1,10}|(?:总体|總體|整体|整體|具体|具體)(?:来|來)?看"
    # 降幅比1-6月份收窄, 增速比5月份加快: how a rate moved against another period, no metric
    r"|(?:增速|增幅|降幅|涨幅|跌幅)?(?:比|较)[^，,]{1,12}?(?:收窄|扩大|加快|回落|放缓|提高|上升|回升))"
    r"|(?:[^\s]{0,3}\s)?(?:(?:증가|감소|상승|하락|성장|확대|축소|급증|급감|개선|악화|기록|집계)"
    r"(?:한|해|했|된|돼|하며|하고|하여|됐)|늘어난|줄어든|늘어|줄어|늘었|줄었|보다|비교해|비해|대비|같|"
    r"이어|반면|달한|달해|넘어선|넘는)"
    r"|(?:an?\s)?(?:record|new\shigh|all-time\shigh|approximately|about|nearly|roughly|totall?e?d?)"
    r"|(?:on\s)?(?:an?\s)?(?:annual|annualized|year[-\s]over[-\s]year|yearly|sequential|reported|"
    r"organic|comparable|constant[-\s]currency)\sbasis"
    r"|(?:the\s)?(?:prior|previous|year[-\s]earlier|year[-\s]ago|same)[-\s](?:year\s)?"
    r"(?:period|quarter|year)",
    re.I,
)


def metric_of(subject: str | None) -> str | None:
    """The subject without change words, periods and signs (``同比 +`` names no metric)."""
    if not subject or _NO_METRIC.fullmatch(lx.simplified(subject.strip())):
        return None
    cleaned = subject
    for n in reversed(named_periods(subject, 2000)):
        cleaned = cleaned[: n.start] + " " + cleaned[n.end :]
    cut = [m.span() for m in _CHANGE_WORDS.finditer(lx.simplified(cleaned))]  # 增長 as 增长
    for a, b in reversed(cut):
        cleaned = cleaned[:a] + " " + cleaned[b:]
    if not re.search(r"[^\W\d_]", cleaned) or cleaned.strip() in _PARTICLES:
        return None
    cleaned = re.sub(r"\s+", " ", cleaned).strip(" ：:,，·-")
    if re.fullmatch(r"[\u4e00-\u9fff]|[至到为达从由约近超逾共]+", cleaned):
        return None  # 上升至 leaves 至: a connective, not a metric
    return cleaned or None


def signed(q: Quantity, before: str, change: str | None) -> Quantity:
    """``同比 - 31.25%``: a sign set apart from a change belongs to it."""
    m = _SIGN_GAP.search(before[-3:])
    if not change or not m or m.group(1) == "+" or q.value is None or q.value < 0:
        return q
    neg = Decimal(-1)
    return dataclasses.replace(
        q,
        value=q.value * neg,
        low=None if q.high is None else q.high * neg,
        high=None if q.low is None else q.low * neg,
    )


# (94.4% of October 2019 levels, 4.8% above the October 2019 results: the compared period's)
_CMP_CUE = re.compile(
    r"compared|versus|\bvs\b|\bfrom\b|\bover\b|\babove\b|\bbelow\b|\bthan\b|\bof\b", re.I
)
_COMPARED_VALUE = re.compile(
    r"(?:from|比|较|从|compared\s(?:to|with)|versus|vs\.?|above|below|than|over)\s?(?:the\s)?\S{0,6}$",
    re.I,
)


_COMPARES_LEAD = re.compile(
    r"^\W{0,3}(?:this|that|which)\s(?:compares|compared)\s(?:with|to)\b", re.I
)


_OTHER_CLAUSE = re.compile(r"\b(?:after|before|since|following|while|when|whereas|until)\s", re.I)


_OWN_VALUE_AFTER = re.compile(r"\s?(?:동기|동월|同期)?\s?[(（]\s?[-+]?\d")


_SEP_OR_DIGIT = re.compile(r"[,，;；]|\d")
# (2022: £129.9m), (FY22: 75.6p): a period naming the value after it in the same brackets
_LABELLED_VALUE = re.compile(
    r"\s?[:：]\s?[-+]?\s?(?:[$€£¥￥₩]|[A-Z]{1,3}\$?\s?|人民币|人民幣|港币|港幣|美元)?\s?\d"
)


def _comparative_after(text: str, span: Span, found: Sequence[Named]) -> Period | None:
    """``£139.5m (2022: £129.9m)``: a figure with last year's in brackets after it, labelled by
    its year, is of the same span one year later (where its sentence names no period before it)."""
    if any(n.end <= span.start and not n.compared for n in found):
        return None
    n = next((n for n in found if n.start >= span.end), None)
    if n is None:
        return None
    gap = text[span.end : n.start]
    if gap.strip() not in ("(", "（") or not _labels_bracketed_value(text, gap, n.end):
        return None
    moved = same_span_in(n.period.start, n.period.end, n.period.end.year + 1)
    return None if moved is None else Period(*moved)


def _labels_bracketed_value(text: str, gap: str, end: int) -> bool:
    """The period ending at ``end`` opens brackets (``gap`` before it ends with one) and labels
    the value after it there: ``(2022: £129.9m)``, the value's own period, no other's."""
    return gap.rstrip().endswith(("(", "（")) and _LABELLED_VALUE.match(text, end) is not None


def period_for(text: str, span: Span, found: Sequence[Named], lang: str) -> Period | None:
    """The period named nearest before the quantity, else right after it in the same clause.

    English names the period after the number (``723 deals in 2020``): there the period right
    after it, before the next number, comes first. A period the sentence compares with
    (``compared with Q4 2018``, ``전년 대비``) dates only the value written right after it.
    """
    comparative = _comparative_after(text, span, found)
    if comparative is not None:
        return comparative
    after = None
    for n in found:
        gap = text[span.end : n.start]
        if n.start >= span.end and not _SEP_OR_DIGIT.search(gap):
            # down 1.6 per cent after posting gains in December: a clause of its own dates it
            after = None if _OTHER_CLAUSE.search(gap) else n
            if _OWN_VALUE_AFTER.match(text, n.end) or _labels_bracketed_value(text, gap, n.end):
                # 23.8%로 전년(20.1%)은 물론, £139.5m (2022: £129.9m): the value in brackets'
                after = None
            break
    if lang == "en" and COMPARES_LEAD.match(text):
        # This compares with net income of $74.4 million, or $1.25 EPS, in the prior year
        # period: every figure of the sentence is of the period it compares with
        later = [
            n
            for n in found
            if n.start >= span.end and not lx.STATEMENT_END.search(text, span.end, n.start)
        ]
        earlier = [n for n in found if n.end <= span.start]
        if earlier:
            return earlier[-1].period  # This compares with prior year period net income of …
        if later:
            return later[0].period
    closing = next((n for n in found if n.start >= span.end and n.compared), None)
    opened = None if closing is None or lang != "en" else comparison_start(text, closing)
    if closing is not None and opened is not None and opened <= span.start:
        # compared to operating income of $211.6 million, or 18.7 per cent of net sales, for
        # Q4 FY21: a figure inside the comparison is of the period that closes it
        return closing.period
    if (
        after is not None
        and lang == "en"
        and not (after.compared and _CMP_CUE.search(text[span.end : after.start]))
    ):
        return after.period  # not "44% compared to 2021": 2021 is the compared figure's
    before = [n for n in found if n.end <= span.start]
    if (
        before
        and before[-1].compared
        and not re.search(r"[\d,，;；。]", text[before[-1].end : span.start])
        and _COMPARED_VALUE.search(text[: before[-1].start])
    ):
        return before[-1].period  # 比2019年的 20亿元, compared to 2021 net revenue of $16.4 billion
    if (
        before
        and before[-1].compared
        and re.fullmatch(r"\s?(?:동기|同期)?\s?[(（]\s?", text[before[-1].end : span.start])
    ):
        return before[-1].period  # 전년 동기(7조 원) 대비: the compared figure in brackets
    if (
        before
        and before[-1].compared
        and re.fullmatch(r"\s?(?:동월|동기|동분기)?(?:의)?\s?", text[before[-1].end : span.start])
        and re.match(r"\s?(?:에서\s|보다|대비|에\s?비해|[과와]\s?비교)", text[span.end :])
    ):
        # 4월 … 전년 동월 115.4억 달러에서, 전달의 …에서: the value moved from; 전년 15조6000억
        # 원보다: the value compared with
        return before[-1].period
    own = [n for n in before if not n.compared and not _aside_before(text, n, span.start)]
    if own:
        return own[-1].period
    if after is not None and not after.compared:
        return after.period
    ending = next((n for n in found if n.start >= span.end), None)
    if lang == "en" and ending is not None and not ending.compared:
        gap = text[span.end : ending.start]
        labelled = _labels_bracketed_value(text, gap, ending.end)
        if not re.search(r"\d|[;；]", gap) and not _OTHER_CLAUSE.search(gap) and not labelled:
            return ending.period  # the unemployment rate, 3.8 percent, declined in September
    return None


def _aside_before(text: str, n: Named, start: int) -> bool:
    """``n`` sits in brackets closed before ``start`` (``After EUR121.5m of write-downs (EUR113.2m
    in 2021), EBIT reached``): the period of the figure in the aside, not of the ones after it."""
    opened = max(text.rfind("(", 0, n.start), text.rfind("（", 0, n.start))
    if opened < 0 or max(text.rfind(")", 0, n.start), text.rfind("）", 0, n.start)) > opened:
        return False
    closed = min((i for i in (text.find(")", n.end), text.find("）", n.end)) if i >= 0), default=-1)
    # (and holds a figure besides the period: (2019년 기준), (1月27-30日) date the figure itself)
    other = text[opened + 1 : n.start] + text[n.end : closed]
    return 0 <= closed < start and bool(re.search(r"\d", other))
