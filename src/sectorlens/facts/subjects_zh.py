"""Chinese subjects: the topic a clause carries over (``出口额逐年上升，由2015年的…``), the names
of a list paired with values by 分别, and the measure named with them."""

from __future__ import annotations

import re

from sectorlens.facts import lexicon as lx

PAREN = re.compile(r"[(（][^()（）]{0,24}[)）]")
ZH_YEAR = re.compile(
    r"(?:19|20)\d{2}\s?(?:[~～\-–至到]\s?(?:19|20)\d{2}\s?)?年"
    r"(?:\d{1,2}[~\-–至]?\d{0,2}月)?(?:上半年|下半年|全年)?"
)
ZH_TAIL = re.compile(rf"(?:{lx.ZH_FUNCTION})+$")
ZH_HEAD = re.compile(r"^(?:其中|而|但|并|且|另外|此外|同时|以及|和|与|及)+")
ZH_DATE_LEAD = re.compile(
    r"^(?:(?:\d{1,2}\s?[-~–—－至]\s?)?\d{1,2}\s?月份?(?:\s?\d{1,2}\s?[日号])?|(?:全|本|上|当)(?:周|月|年)|"
    r"(?:今年|去年|本年|上年)?(?:第?[一二三四1-4]季度|前[一二三四1-4]季度|[上下]半年|"
    r"(?:前|首)(?:\d{1,2}|十[一二]?|[一二两三四五六七八九])\s?[个個]?月份?)|今年|去年)\s*"
)
ZH_VERB_TAIL = re.compile(r"(?:分别|分別|各自|共|累计)?(?:完成|实现|录得|取得|达成|获得)?$")
# 邮政行业业务收入同比增长7.4%: the change verb after the metric is no part of its name
ZH_CHANGE_TAIL = re.compile(
    r"(?<=..)(?<!净)(?:同比|环比|按年|按季|按月|比上年|较上年|比去年|较去年)?(?:名义|实际)?"
    r"(?:大幅|小幅)?(?:增长|下降|增加|减少|上升|下滑|回落|上涨|下跌|增|降|升|跌)$"
)
ZH_ACHIEVED = re.compile(r"(?:共|共计|合计)?(?:实现|完成|录得|取得|达成|获得|发生)(?:了)?")
# 较期初增长8.1%; 较前一交易日减少300亿元: what a change is compared with is not its metric
ZH_COMPARED_LEAD = re.compile(
    # (与去年同期相比虽然小幅下降: the compared period and the concessive adverb go too)
    r"^(?:(?:与|同|和|跟)[^，,。]{1,8}?相比|较|比|相比|相较于?)[^，,。]{0,8}?(?:虽然|虽|但|仍|则|也)?"
    r"(?=(?:大幅|小幅)?(?:增长|下降|减少|增加|增收|减收|增支|减支|上升|提升|回落|下滑|上涨|下跌|"
    r"扩大|缩小)|$)"
)
ZH_ADVERB = re.compile(r"^(?:合计|共计|总计|合共|总共|一共)")
ZH_NO_NOUN = re.compile(
    r"(?:同比|环比|按年|按季|按月|较上年同期|较上年|比上年|较去年|较上月)?"
    r"(?:有望|将|预计|预期|可能|或将|已经?|仍|有|再次|首次|均|都|也|正|分别)*"
    r"(?:大幅|小幅)?(?:恢复|实现|保持|达到?|突破|超过|录得|完成|增长|下降|上升|下滑|回落|上涨|下跌|"
    r"增至|降至|减少|增加|增收|减收|增支|减支|提升|提高|降低|扩大|缩小|升|跌|增|降)?(?:到|至)?"
    r"|[由从自在于至到]"
)
ZH_MEASURE = re.compile(r"占比|市占率|份额|市场份额|比重|比例|增速|增幅|升幅|降幅|涨幅|跌幅|降速")
_SPAN_OF_YEARS = re.compile(r"(?:这|近|过去)?\d{1,3}\s?(?:多)?年(?:间|来|内|中)?")
_PREDICATE = re.compile(
    r"为|是|占据|占(?!比|有率)|达到?|超过|呈现|保持|实现|逐年|逐步|逐渐|不断|稳步|明显|显著|进一步|"
    r"持续|稳定|快速|迅速|大幅|则|将|有望|已|成为|分别|"
    r"上升|增长(?!率)|下降|下滑|提升|增加|减少|增收|减收|增支|减支|扩大|缩小"
)
_YEARS_NAMED = re.compile(r"在?(?:(?:19|20)\d{2}\s?年(?:[和及、至到-]|以及)?)+")
_PRONOUN = re.compile(r"^(?:他们|它们|他們|它們|两者|二者|各自|其)的?")
_LEAD_PREPOSITION = re.compile(r"^(?:向|对|在|从|由|自)(?=..)")
_INCLUDES = re.compile(r"^.*(?:包括|包含|分为|分成|主要有|涵盖)")
_CLASS_COUNT = re.compile(
    r"(?:等)?(?:[一二三四五六七八九十两]|\d{1,2})?(?:大)?(?:类|种|项)?(?:产品)?$"
)


# a noun phrase that ends with what is measured (产量, 出口额, 营业收入, 增加值, 价格指数)
_MEASURE_NOUN = re.compile(
    r"(?:量|額|额|值|数|數|率|收入|规模|規模|价格|價格|指数|指數|利润|利潤)$"
)
_ABOUT = re.compile(r"(?:约|约为|为|达|达到|近|超|超过|共|共计|累计)+$")
# the figure and its unit, nothing after it (约123.6吉瓦, 2919.8亿元)
_FIGURE_ONLY = re.compile(r"[\d.,]+\s?[^\d\s，,；;。]{0,4}")


def zh_part_before(sentence: str, start: int, floor: int) -> str | None:
    """The part the clause before names ahead of its figure (``木浆3303万吨`` → ``木浆``)."""
    parts = re.split(r"[，,；;：:]", sentence[floor:start])
    if len(parts) < 2:
        return None
    named = ZH_HEAD.sub("", re.split(r"[\d.]", ZH_YEAR.sub("", parts[-2]))[0]).strip()
    named = _ABOUT.sub("", named).strip()
    if not 2 <= len(named) <= 12 or ZH_NO_NOUN.fullmatch(lx.simplified(named)):
        return None
    return named


def zh_topic(sentence: str, start: int, floor: int) -> str | None:
    """The topic of the clauses before the one holding ``start`` (after ``floor``): the noun
    phrase before the predicate of the nearest of the three before it that has one
    (``出口额逐年上升`` → ``出口额``)."""
    parts = re.split(r"[，,；;：:]", sentence[floor:start])
    for back in range(2, min(len(parts), 4) + 1):
        topic = _clause_topic(parts[-back])
        if topic or not _CHANGE_CLAUSE.match(parts[-back]):
            return topic  # (past 环比上升2.90点: a change of the topic before it)
    return None


_CHANGE_CLAUSE = re.compile(r"^\s*(?:同比|环比|環比|按年|按季|按月|较|較|比上)")


def _clause_topic(clause: str) -> str | None:
    clause = _YEARS_NAMED.sub("", PAREN.sub("", clause))  # 在2020年和2021年
    clause = ZH_HEAD.sub("", _SPAN_OF_YEARS.sub("", ZH_YEAR.sub("", clause)).strip())
    m = _PREDICATE.search(clause, 1)
    topic = clause[: m.start()] if m else clause
    figure = re.search(r"\d", topic)
    if figure is not None:
        # 组件产量约123.6吉瓦，同比增长54.1%: the measure the clause's figure is of, where the
        # figure comes right after it (a clause that names figures before its verb is no topic)
        named = _ABOUT.sub("", topic[: figure.start()])
        if not _MEASURE_NOUN.search(named) or not _FIGURE_ONLY.fullmatch(topic[figure.start() :]):
            return None  # 内河港口完成188910万吨: a part named without its measure, no topic
        topic = named
    topic = ZH_TAIL.sub("", topic).strip()
    if len(topic) < 2 or ZH_NO_NOUN.fullmatch(lx.simplified(topic)) or not topic[0].isalpha():
        return None  # (/吨: the unit of the figure before, no topic)
    return topic[-24:]


def zh_measure(text: str) -> str:
    """The measure named between a list of names and 分别 (``2023年它们的出货额`` → 出货额)."""
    text = ZH_YEAR.sub("", PAREN.sub("", text)).strip()
    text = _PRONOUN.sub("", ZH_HEAD.sub("", text))
    return ZH_TAIL.sub("", text).strip()


def zh_item(item: str, first: bool) -> str:
    """One name of a list: ``电池主要包括磷酸铁锂`` → 磷酸铁锂; ``钠离子三类`` → 钠离子."""
    label = ZH_HEAD.sub("", item.strip())
    if first:
        label = _LEAD_PREPOSITION.sub("", _INCLUDES.sub("", label))
    label = _CLASS_COUNT.sub("", label.strip()) or label
    return ZH_TAIL.sub("", label).strip()


LIST_SEP = re.compile(r"\s*(?:、|,|，|\s및\s|\band\b|和|与|與|及)\s*")
VALUE_SEP = re.compile(r"\s*(?:、|,|，|和|及|与|與|以及|및|와|과|and|,\s*and)?\s*")
_TIME_IN = re.compile(
    r"(?:\d{1,2}\s?月份?|(?:19|20)\d{2}\s?年(?:\d{1,2}\s?月份?)?|上半年|下半年|[一二三四1-4]季度)"
)
_MEASURE_END = re.compile(
    lx.alternation(
        "|".join(
            [lx.AMOUNT_WORDS, lx.COUNT_WORDS, *lx.MEASURE_SUFFIX_PERCENT]
            + [words for _, words in lx.TOPICS]
        )
    )
    + "$"
)


def split_measure(item: str) -> tuple[str, str]:
    """``面板5月份出口金额`` → (面板, 出口金额); ``华北销售额`` → (华北, 销售额):
    the last name of a list carries the measure all the names share (after a period, or a
    measure noun at its end); ('…', '') when none is found."""
    m = _TIME_IN.search(item)
    if m and m.start() >= 2 and len(item) - m.end() >= 2:
        return item[: m.start()].strip(), item[m.end() :].strip()
    m = _MEASURE_END.search(item)
    if m and m.start() >= 2 and "的" not in item:  # 乙地出口的电池金额: no name before 金额
        at = m.start() - 2 if len(m.group(0)) == 1 and m.start() >= 4 else m.start()
        return item[:at].strip(), item[at:]  # 华北销售额 → 华北 · 销售额 (额 joins its verb)
    return item, ""


def _names(source: str, n: int) -> list[str] | None:
    """The last list of at least ``n`` names in ``source`` (a clause of figures lends the names
    before its first figure: ``A、B和C市场规模约为1亿、2亿和3亿``)."""
    for clause in reversed([c for c in re.split(r"[，,;；：:]", source) if c.strip()]):
        dated = _TIME_IN.sub(lambda t: "月" * len(t.group(0)), clause)  # a period is no figure
        figure = re.search(r"\d", dated)
        lead = ZH_YEAR.sub("", clause[: figure.start()] if figure else clause)
        if len(LIST_SEP.findall(lead)) >= n - 1 and lead.strip():
            items = [x.strip() for x in LIST_SEP.split(lead) if x.strip()]
            return items[-n:] if len(items) >= n else None
    return None


def _labels(items: list[str], measure: str, after: str) -> list[str] | None:
    names = [zh_item(item, first=k == 0) for k, item in enumerate(items)]
    last, own = split_measure(names[-1])
    if own:
        names[-1] = last  # 华北销售额 → 华北 (the measure all the names share)
        measure = measure or own
    if not all(names) or any(re.search(r"\d", x) for x in names):
        return None
    return [f"{x}{measure or after}" for x in names]


def zh_respective(
    sentence: str, spans: list[tuple[int, int]], listed: list[int], begin: int, end: int
) -> dict[int, str]:
    """分别 at ``sentence[begin:end]``: each listed value gets its name and the shared measure."""
    if len(listed) < 2:
        return {}
    head = PAREN.sub(lambda x: " " * len(x.group(0)), sentence[:begin])
    cut = max([e for _s, e in spans if e <= begin], default=0)
    tail = re.split(r"[，,;；：:]", head[cut:])[-1]
    after = zh_measure(sentence[end : spans[listed[0]][0]])
    if LIST_SEP.search(tail):
        items, measure = _names(tail, len(listed)), ""  # A和B出口金额分别下降
    else:
        items, measure = _names(head, len(listed)), zh_measure(tail)  # …，市场份额分别为
    if not items:
        return {}
    labels = _labels(items, measure, after)
    return dict(zip(listed, labels, strict=True)) if labels else {}


def zh_listed(sentence: str, spans: list[tuple[int, int]]) -> dict[int, str]:
    """``华东、华南和华北销售额约为80亿、60亿和40亿元``: three names and three values in
    one clause, paired in order (only where the names share a measure named with the last)."""
    out: dict[int, str] = {}
    runs: list[list[int]] = []
    for i, (s, _e) in enumerate(spans):
        if runs and VALUE_SEP.fullmatch(sentence[spans[runs[-1][-1]][1] : s]):
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        if len(run) < 3:
            continue
        first = spans[run[0]][0]
        floor = max([e for _s, e in spans if e <= first], default=0)
        lead = re.split(r"[，,;；：:。]", PAREN.sub("", sentence[floor:first]))[-1]
        lead = ZH_TAIL.sub("", lead.strip())
        items = [x.strip() for x in LIST_SEP.split(ZH_YEAR.sub("", lead)) if x.strip()]
        if len(items) != len(run):
            continue
        labels = _labels(items, "", "")
        if labels and split_measure(zh_item(items[-1], first=False))[1]:
            out.update(zip(run, labels, strict=True))
    return out


# 联想仍然是…最大供应商，…出货量约为426万台; 惠普位列第二; 华为排在了第三名: a statement that
# opens with its holder and its rank
_ZH_LEADER = re.compile(
    r"^\s*(?P<who>[A-Za-z\u4e00-\u9fff]{2,8}?)(?:仍然|依然|继续|繼續|也|则|則)?"
    r"(?:是|位列|位居|排在|排名|排第|名列|稳居|穩居|延续|延續|超过|超過)"
)


_ZH_PERIOD_ONLY = re.compile(
    r"\s*(?:(?:19|20)\d{2}\s?年)?\s?(?:第?[一二三四1-4]季度|[上下]半年|前[一二三1-3]个?季度|"
    r"\d{1,2}(?:\s?[-~至]\s?\d{1,2})?月份?|全年|年度)?\s*"
)
_ZH_NO_HOLDER = re.compile(r"的$|^(?:值得|需要|这|其|据|根据|但|而|同时|此外|另外)")


def zh_leader(sentence: str, start: int, clause: str) -> str:
    """``惠普位列第二，表现不错，同比下降仅1%，市场占有率为11%``: a later clause of a statement that
    names only a measure is of the holder the statement opened with; else nothing."""
    simple = lx.simplified(clause)
    if not clause or len(clause) > 10 or re.search(r"[A-Za-z\d]", clause):
        return ""
    opened = max(sentence.rfind(mark, 0, start) for mark in "；;。") + 1
    lead = re.split(r"[,，]", sentence[opened:start])
    if len(lead) > 2 and _ZH_PERIOD_ONLY.fullmatch(lead[0]):
        lead = lead[1:]  # 2023年第三季度，联想仍然是…: the period first
    if len(lead) < 2:
        return ""  # the clause that opens the statement names its own subject
    m = _ZH_LEADER.match(lx.simplified(lead[0]))
    if m is None or simple.startswith(m.group("who")) or _ZH_NO_HOLDER.search(m.group("who")):
        return ""  # (值得注意的是: no holder)
    return lead[0].strip()[: len(m.group("who"))]


# 京东 Retail报告称，2025年第三季度的净营收为…: the one who reports its own figures
_ZH_REPORTER = re.compile(
    r"^\s*(?![这這该該此本那据據])(?P<who>[A-Za-z\u4e00-\u9fff][A-Za-z\u4e00-\u9fff ]{1,15}?)"
    r"(?:报告称|報告稱|公告称|公告稱|宣布|公布|披露|表示)\s*[,，:：]"
)


def zh_reporter(sentence: str, clause: str) -> str:
    """The company a sentence opens with as reporting its figures (``京东 Retail报告称，``), for a
    clause that names only a measure (``的净营收``); else nothing."""
    m = _ZH_REPORTER.match(sentence)
    bare = clause.startswith("的") or ZH_MEASURE.fullmatch(clause)
    if m is None or not bare or not clause.lstrip("的") or re.search(r"\d", clause):
        return ""
    return m.group("who").strip()  # (not 这篇报告称: this report, no company)
