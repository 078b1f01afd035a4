"""What a sentence's list of percentages is: one breakdown, several, or no breakdown at all.

A sentence may list one whole by two dimensions (``대기업 34.2%, 중견기업 44.7%, 중소기업 21.1%,
업종별로는 자동차 22.1%, IT 18.1%…``): each dimension is a breakdown of its own. Answers of a
question that allows several (``복수응답``, ``可多选``, ``multiple responses``) are no parts of one
whole. A list whose verb makes every item a change (``반도체가 44.6%, 석유제품이 33.0%, 자동차
부품이 99.2% 각각 증가``, ``分别增长 10.6% 和 9.1%``) lists rates, not shares.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from sectorlens.facts import lexicon as lx
from sectorlens.facts.extract import Mention

# 업종별로는, 기업 규모별로 보면, 分产业看, 按地区分, 按经营单位所在地分, 按经营地统计, 从行业看, by
# industry, by company size
_DIMENSION = re.compile(
    r"[가-힣A-Za-z]{1,8}\s?별(?:로(?:는|도)?|\s?(?:로\s?)?보면|\s?로\s?살펴보면)(?![가-힣])|"
    r"(?:分|按|从)[一-龥]{1,8}(?:看|来看|來看|分|划分|劃分|统计|統計)(?=[,，:：\s]|$)|"
    r"(?:^|[,;:]\s?(?:and\s|while\s)?)\bby\s(?:company\s|firm\s|business\s)?"
    r"(?:industry|industries|sector|sectors|region|regions|size|country|countries|segment|"
    r"segments|product|products|type|age|market|markets)\b",
    re.IGNORECASE,
)
# answers of a question that allows more than one: their shares need not add up to 100%
MULTIPLE = re.compile(
    r"복수\s?응답|중복\s?응답|복수\s?선택|중복\s?선택|多选|多選|可多选|多项选择|多項選擇|"
    r"\bmultiple\s(?:responses|answers|choices|selections)\b|\bmore\sthan\sone\s(?:answer|response)\b|"
    r"\bselect\sall\sthat\sapply\b|\ball\sthat\sapply\b",
    re.IGNORECASE,
)
# people answering a question (79 percent of business owners listed the economy, followed by
# health care (47 percent); 商界精英(95%)中認為…高於意見領袖(89%)): each share counts those who
# gave one answer, and a question may take several answers or ask each group its own question
_PEOPLE = re.compile(
    r"\b(?:respondents?|owners|voters|consumers|people|adults|members|participants|employees|"
    r"workers|executives|managers|americans|citizens|residents)\b|응답자|응답\s?기업|응답\s?업체|"
    r"국민|소비자|근로자|受访者|受訪者|民众|民眾|公众|公眾|群体|群體|人士|居民|市民|网民|網民|"
    r"消费者|消費者|党员|黨員",
    re.IGNORECASE,
)
_ANSWERED = re.compile(
    r"\b(?:said|say|says|saying|listed|cited|identified|named|agreed|disagreed|answered|"
    r"responded|believed?|believing|think|thought)\b|응답했|응답한|답했|답한|꼽았|꼽은|꼽혔|"
    r"지목|선택했|선택한|认为|認為|认同|認同|表示|选择|選擇|回答|赞成|贊成|关注|關注|关心|關心",
    re.IGNORECASE,
)


def answers(text: str) -> bool:
    """Shares of people who gave an answer (a people word and a verb of answering in the
    sentence): no one whole is established, since a question may allow several answers."""
    return bool(_PEOPLE.search(text) and _ANSWERED.search(text))


_CHANGE = lx.compile_words(lx.CHANGE_CUES)
# the verb after a Korean list (…99.2% 각각 증가하며, …등이 모두 늘었다) or the word before a
# Chinese or English one (分别增长 10.6% 和 9.1%, rose 5%, 3% and 2% respectively)
# a multiple listed with the percentages (分别增长1.1倍、44.6%和27.7%; 반도체 35.2%, 석유제품
# 1.5배 각각 증가): one more item of the list the verb governs, between the verb and the shares
_MULTIPLE = r"[\d.]+\s?(?:倍|배|times)"
_AFTER = re.compile(
    r"^(?:\s?(?:\)|）)?\s?[,，、]\s?[^\d,，、.。;；]{0,12}?\s?[(（]?" + _MULTIPLE + r")*"
    r"\s?(?:\)|）)?\s?(?:씩\s?)?(?:각각|모두|등이|등은|등도|등)?\s?"
    r"(?:증가|감소|늘|줄|상승|하락|급증|급감|올랐|내렸|성장|확대|축소)"
)
_BEFORE = re.compile(
    r"(?:分别|分別|均|各)\s?(?:增长|增長|下降|上升|减少|減少|增加|回落|提高)\s?"
    r"(?:" + _MULTIPLE + r"\s?[、,，和及与與]\s?)*$"
)
_RESPECTIVELY = re.compile(
    r"\b(?:rose|fell|grew|increased|decreased|declined|climbed|dropped|were\s(?:up|down))\b"
    r"[^.;]{0,80}\brespectively\b",
    re.IGNORECASE,
)
_JOIN = re.compile(r"^[^.。;；]{0,40}$")


def dimension_before(text: str, pos: int) -> bool:
    """The sentence turns to a dimension (``按消费类型分``, ``업종별로는``) before ``pos``."""
    return any(m.start() < pos for m in _DIMENSION.finditer(text))


_RESPECTIVELY_BEFORE = re.compile(r"分别|分別|각각")


def by_dimension(text: str, members: Sequence[Mention]) -> list[list[Mention]]:
    """The members split where the sentence turns to another dimension (``업종별로는``)."""
    # …收入比重分别为72.6%、16.2%和11.2%，业务量比重分别为68.0%、21.3%和10.7%: each
    # 分别/각각 after the first opens a list of its own
    later_lists = [m.start() for m in _RESPECTIVELY_BEFORE.finditer(text)][1:]
    cuts = sorted(
        at
        for at in [m.start() for m in _DIMENSION.finditer(text)] + later_lists
        if members and members[0].local[1] <= at < members[-1].local[0]
    )
    if not cuts:
        return [list(members)]
    out: list[list[Mention]] = []
    bounds = [-1, *cuts, len(text) + 1]
    for lo, hi in pairwise(bounds):
        part = [m for m in members if lo <= m.local[0] < hi]
        if part:
            out.append(part)
    return out


# a share word between two listed figures (…35.6%，钢铁行业利润占64.6%): a new list begins
_SHARE_GAP = re.compile(r"占|比重|份额|비중|점유|차지|\bshare\b|\baccount(?:ed|s)?\sfor\b", re.I)


def listed_changes(text: str, shares: Sequence[Mention]) -> list[Mention]:
    """The listed percentages one verb makes changes (``각각 증가``, ``分别增长``): the run of
    items from the first share up to a change word of another clause (``…27.8%，对…利润增长的
    贡献率近70%``), where the verb governs that run; else none."""
    if len(shares) < 2:
        return []
    run = [shares[0]]
    for a, b in pairwise(shares):
        gap = text[a.local[1] : b.local[0]]
        if not _JOIN.match(gap) or _CHANGE.search(gap):
            break  # a change word between the items belongs to one of them, or ends the list
        if a.change is not None and _SHARE_GAP.search(gap):
            break  # 增长1.2倍和35.6%，钢铁行业利润占64.6%: after the rates, a list of shares
        run.append(b)
    if len(run) < 2:
        return []
    after = text[run[-1].local[1] : run[-1].local[1] + 48]
    before = text[max(0, run[0].local[0] - 36) : run[0].local[0]]
    span = text[max(0, run[0].local[0] - 40) : run[-1].local[1] + 30]
    if _AFTER.match(after) or _BEFORE.search(before) or _RESPECTIVELY.search(span):
        return run
    return []


# The marker of an 'of which' list (其中, 이 중, of which) and the end of a statement
PARTS = lx.compile_words(lx.PARTS_MARKER)
STATEMENT = lx.STATEMENT_END
_TOTAL_WORD = re.compile(lx.alternation(lx.TOTAL_MARKER), re.IGNORECASE)
_DATED_CLAUSE = re.compile(
    r"\d{1,2}\s?[-~–]?\s?\d{0,2}\s?(?:月|월)|(?:19|20)\d{2}\s?(?:年|년)?|分?季度|분기|上半年|下半年|"
    r"累计|累計|누적|cumulative|year-to-date|\b(?:Q[1-4]|H[12])\b|"
    # a balance at a date of its own (…存款余额…；年末…贷款余额…): 年末, 月末, 연말, at year-end
    r"年末|年底|月末|季末|연말|기말|\b(?:at\s)?(?:year|quarter|month)[-\s]end\b",
    re.IGNORECASE,
)


def _likeness(a: Mention, b: Mention) -> int:
    """How alike two metrics are named: the length of their common start and common end."""
    x, y = (a.metric or "").lower(), (b.metric or "").lower()
    if not x or not y:
        return 0
    return min(_common_start(x, y) + _common_start(x[::-1], y[::-1]), min(len(x), len(y)))


def _common_start(x: str, y: str) -> int:
    n = 0
    while n < min(len(x), len(y)) and x[n] == y[n]:
        n += 1
    return n


# a clause's item named as a total of its own (水产品总产量, 總產量, 총생산액, total output)
_OWN_TOTAL = re.compile(r"[总總][\u4e00-\u9fff]|(?<![가-힣])총[가-힣]|\btotal\b", re.IGNORECASE)
# a level a share passed, not an item (52.6%로 처음 50%를 넘어선; 首次突破50%; topped 50%)
_PASSED_AFTER = re.compile(r"^\s?(?:을|를)?\s?(?:넘|돌파|상회|하회|웃돌|밑돌)")
_PASSED_BEFORE = re.compile(
    r"(?:突破|跌破|超过|超過|低于|低於|\b(?:above|below|topped|passed|crossed|exceeded|surpassed))"
    r"\s?(?:the\s)?$",
    re.IGNORECASE,
)


def passed_level(text: str, m: Mention) -> bool:
    """The percentage is a level a figure passed (``50%를 넘어선``, ``突破50%``), not a share."""
    after = text[m.local[1] : m.local[1] + 8]
    before = text[max(0, m.local[0] - 12) : m.local[0]]
    return bool(_PASSED_AFTER.match(after) or _PASSED_BEFORE.search(before))


_A_PART_OF_THESE = re.compile(r"[\d%)）]\s*of\s+th(?:ese|is)$", re.IGNORECASE)


def list_marker(text: str) -> re.Match[str] | None:
    """The marker (其中, 이 중, of which) of the sentence's 'of which' list: not ``including``
    (including $12 million of interest: an example, not the items), nor ``of these`` right after
    a figure (over 40% (66 GW) of these additions: that figure is a part)."""
    marker = PARTS.search(text)
    if marker is None or marker.group(0).lower() == "including":
        return None
    return None if _A_PART_OF_THESE.search(text, 0, marker.end()) else marker


def items_past_semicolons(
    text: str,
    stop: re.Match[str] | None,
    same: Sequence[Mention],
    first: Mention,
    whole: Mention | None = None,
) -> list[Mention]:
    """其中，税收收入111065亿元，同比下降5.5%；非税收入24598亿元，同比增长14%: the items of an
    'of which' list go on past ';' while each clause names one more item of the same unit and
    period as the first, and no other list or total (…；1-5月累计出口102.9GWh: a new statement),
    nor an item named like the ``whole`` rather than its parts (第二产业投资…，其中制造业投资…；
    第三产业投资: the next item of the list the whole belongs to)."""
    out: list[Mention] = []
    while stop is not None and stop.group(0) in ";；":
        nxt = STATEMENT.search(text, stop.end())
        end = nxt.start() if nxt else len(text)
        more = [m for m in same if stop.end() <= m.local[0] < end]
        clause = text[stop.end() : end]
        if len(more) != 1 or PARTS.search(clause) or _TOTAL_WORD.search(clause):
            break
        if _OWN_TOTAL.search(text[stop.end() : more[0].local[0]]):
            break  # …其中猪肉产量65.58万吨；水产品总产量446.67万吨: a total of its own, no part
        if more[0].fact.period != first.fact.period or more[0].period_source != first.period_source:
            break
        if _DATED_CLAUSE.search(clause):
            break  # 1-5月累计, 3분기: a clause that dates itself is a statement of its own
        if whole is not None and _likeness(more[0], whole) > _likeness(more[0], first):
            break
        out.append(more[0])
        stop = nxt
    return out


# a total word right after a name of its own: 资产总计, 所有者权益合计, 부채총계, total equity
_NAMED_TOTAL = re.compile(
    r"[一-龥]{2,}(?:合计|合計|总计|總計|总额|總額)\s?(?:为|為|达|達)?\s?$|"
    r"[가-힣]{2,}\s?(?:합계|총계|총액)\s?(?:은|는|이|가)?\s?$|"
    r"\btotal\s[a-z]+(?:\s[a-z]+)?(?:\swas|\swere|\sof)?\s?$",
    re.IGNORECASE,
)

# a total of the items listed: 三者合计, 上述企业合计, 세 업종 합계, these three totaled
_OF_THE_ITEMS = re.compile(
    r"(?:[一二三四五六七八九十两\d]\s?[者项類类个家种]|上述|以上|全部|이들|세|두|네|모두|these|all)"
    r"\s?(?:[一-龥가-힣A-Za-z]{0,6})\s?(?:合计|合計|总计|總計|합계|총계|total)",
    re.IGNORECASE,
)


def named_totals(text: str, members: Sequence[Mention]) -> bool:
    """The last amount and one before it are each named as a total of its own (``资产总计105.7
    万亿元…；负债合计59.6万亿元…；所有者权益合计46.1万亿元``): totals of three measures side by
    side, the last not the sum of the others."""
    *items, last = members

    def named(m: Mention) -> bool:
        lead = text[max(0, m.local[0] - 14) : m.local[0]]
        return bool(_NAMED_TOTAL.search(lead)) and not _OF_THE_ITEMS.search(lead)

    return named(last) and any(named(m) for m in items)


# the list's measure named before its items is a rate of each item (부가가치율의 경우 제주(54.1%),
# 강원(52.9%)…; 工业增加值率以福建（54.1%）…): rates of several wholes, not shares of one
_RATE_FIRST = re.compile(
    r"[가-힣]+(?<!비)(?<!점유)(?<!구성)[율률](?=의|은|는|이|가|을|를|\s|$)|"
    r"[一-龥]+(?<!占有)(?<!比)(?<!概)率|\b(?:rates?|margins?|yields?)\b",
    re.IGNORECASE,
)
_SHARE_WORD = re.compile(
    r"비율|비중|구성비|점유율|比例|占比|比重|份额|占有率|\bshares?\b|\bproportion", re.I
)
# each item after a measure of its own: 지역 내 수요 비중은 강원(75.9%)이, 수출 비중은 울산…;
# 内需占比以江西（75.9%）最高，出口占比以广东（21.6%）最高
_MEASURE_THEN_ITEM = re.compile(
    r"(?:비율|비중|구성비|점유율|比例|占比|比重|份额|占有率)\s?(?:은|는|이|가|为|為|以)\s?"
    r"[^\s,，、(（]{1,12}\s?[(（]\s?$"
)


# after the list, a share held in each of the places listed: 인도네시아(38%), 베트남(38%) 등에서
# 높은 점유율; 在印尼（38%）、越南（38%）等市场占有率较高
_SHARE_IN_EACH = re.compile(
    r"^\s?[)）]?\s?(?:(?:등|등지)?\s?(?:에서|의\s?시장에서)|等\s?(?:市场|市場|国家|國家|地区|地區)的?)"
    r"\s?(?:[가-힣]{1,4}\s)?(?:시장\s?)?(?:점유율|비중|占有率|份额|份額|占比)"
)


_OF_TOTAL = re.compile(r"\bof\s(?:the\s)?total\s(.{3,60})$", re.I)


def other_wholes(text: str, shares: Sequence[Mention]) -> bool:
    """The listed percentages are each of a whole of its own: the measure named before them is a
    rate of each item, each item follows a share measure of its own, or the list names where
    each share is held."""
    if _SHARE_IN_EACH.match(text[shares[-1].local[1] :]):
        return True
    wholes = {w.group(1).lower() for m in shares if (w := _OF_TOTAL.search(m.metric or ""))}
    if len(wholes) > 1:
        return True  # percentage of total generation, share of total capacity: two wholes
    start = max(0, text.rfind("。", 0, shares[0].local[0]) + 1)
    lead = text[start : shares[0].local[0]]
    if _RATE_FIRST.search(lead) and not _SHARE_WORD.search(lead):
        return True
    prev = start
    for m in shares:
        if not _MEASURE_THEN_ITEM.search(text[prev : m.local[0]]):
            return False
        prev = m.local[1]
    return True
