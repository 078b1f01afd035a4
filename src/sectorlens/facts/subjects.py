"""The label a number belongs to (its subject) and the whole a share is taken of (its base)."""

from __future__ import annotations

import re

from sectorlens.facts import lexicon as lx
from sectorlens.facts import subjects_en as en
from sectorlens.facts.subjects_en_measure import measure_after
from sectorlens.facts.subjects_en_phrase import en_words
from sectorlens.facts.subjects_en_with import with_measure
from sectorlens.facts.subjects_ko import ko_phrase, of_measure, strip_particle, subject_ko
from sectorlens.facts.subjects_ko_topic import held_by_topic
from sectorlens.facts.subjects_zh import (
    LIST_SEP,
    PAREN,
    VALUE_SEP,
    ZH_ACHIEVED,
    ZH_ADVERB,
    ZH_CHANGE_TAIL,
    ZH_COMPARED_LEAD,
    ZH_DATE_LEAD,
    ZH_HEAD,
    ZH_MEASURE,
    ZH_NO_NOUN,
    ZH_TAIL,
    ZH_VERB_TAIL,
    ZH_YEAR,
    zh_leader,
    zh_listed,
    zh_part_before,
    zh_reporter,
    zh_respective,
    zh_topic,
)

_BOUNDARY = re.compile(r"[,，、;；:：()（）\[\]「」『』“”\"‘’\t•]")
_RESPECTIVELY = re.compile(r"각각|分别|分別|respectively", re.I)
_DASH_ASIDE = re.compile(r"\s(?:--|—)\s[^\d]{1,120}?\s(?:--|—)\s")


_DATE_COMMA = re.compile(
    r"(\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?\s\d{1,2}),"
    r"(?=\s(?:19|20)\d{2}\b)"
)


def _clause_before(sentence: str, start: int, floor: int) -> str:
    """Text between the last clause boundary (or ``floor``) and ``start``; asides blanked."""
    text = PAREN.sub(lambda m: " " * len(m.group(0)), sentence[floor:start])
    text = _DATE_COMMA.sub(r"\1 ", text)  # ended October 31, 2022 were: a date's comma, no clause's
    text = _DASH_ASIDE.sub(lambda m: " " * len(m.group(0)), text)  # reserves -- money held -- fund
    cut = 0
    for m in _BOUNDARY.finditer(text):
        cut = m.end()
    return text[cut:]


_ZH_QUOTED = re.compile(r"[“\"「]([\u4e00-\u9fffA-Za-z0-9]{1,12})[”\"」](?=[\u4e00-\u9fff])")
_ZH_CURRENCY_BEFORE = re.compile(
    r"\s?(?:人民币|人民幣|港币|港幣|港元|美元|欧元|歐元|日元|新台币|新台幣)\s?$"
)


_RUN_OF_SPACES = re.compile(r"\s{2,}")
_HEADLINE_SPACE = re.compile(r"(?<=[\u4e00-\u9fff]{3})\s+(?=[\u4e00-\u9fff]{2})")
# 占全国的, 占纸浆消耗总量, 占国内生产总值比例为 (not 占比, 占据)
_ZH_SHARE_OF = re.compile(
    r"占(?!比|有|据|據|领|領)(.{2,20}?)的?(?:比例|比重|份额|份額)?(?:分别|分別)?(?:为|為|达|達|约为|約為)?\s*$"
)
_ZH_FROM_END = re.compile(r"(?<=..)(?:由|从|從)$")
_KO_ZH_LETTER = re.compile(r"[\u3131-\u318e\uac00-\ud7a3\u4e00-\u9fff]")
_EN_WORDS = re.compile(r"[A-Za-z]{2,}\s+(?:[A-Za-z]\s+)?[A-Za-z]{2,}")


def subject_zh(sentence: str, start: int, floor: int) -> tuple[str | None, str | None]:
    """(subject, base) of the Chinese quantity starting at ``start``."""
    # 中国光伏产业总体实现高速增长 组件产量同比增长54.1%: a space between two runs of words
    # parts a headline's clauses (not 营 业 收 入, a layout's spaced letters)
    floor = max([floor, *(m.end() for m in _HEADLINE_SPACE.finditer(sentence, floor, start))])
    # 与“一带一路”沿线国家进出口: a name in quotes is part of the phrase (the same length)
    sentence = _ZH_QUOTED.sub(lambda m: f" {m.group(1)} ", sentence)
    clause = _RUN_OF_SPACES.sub("", ZH_YEAR.sub("", _clause_before(sentence, start, floor)))
    base = None
    mb = _ZH_SHARE_OF.search(clause)  # 占全国的 (not 占比由…的)
    if mb:
        base = mb.group(1)
        clause = clause[: mb.start()]
    # 收益为人民币658百万元: the currency named before the number is no part of the name
    clause = _ZH_CURRENCY_BEFORE.sub("", clause)
    # (the patterns are written in simplified characters; 實現 and 達 are cut as 实现 and 达)
    clause = _zcut(ZH_TAIL, _zcut(ZH_HEAD, _zcut(ZH_TAIL, clause.strip())).strip())
    clause = _zcut(ZH_ADVERB, _zcut(ZH_DATE_LEAD, clause))  # 合计占比; 5 月销量
    clause = _zcut(ZH_COMPARED_LEAD, clause)  # 较期初增长: compared with 期初, no metric
    clause = _zcut(ZH_VERB_TAIL, clause)  # 汽车产销分别完成: the verb is no part of the name
    clause = _zcut(ZH_CHANGE_TAIL, clause)  # 业务收入同比增长: the metric, not its move
    clause = _ZH_FROM_END.sub("", clause)  # 投资额由2010年的30亿元
    done = ZH_ACHIEVED.search(lx.simplified(clause))
    if done and done.end() < len(clause):
        # 公司实现营业收入11.2亿元: the object is the metric, the one who achieved it the entity
        who = clause[: done.start()].strip()
        clause = (who if len(who) >= 2 else "") + clause[done.end() :]
    if ZH_NO_NOUN.fullmatch(lx.simplified(clause)):
        clause = ""  # 有望恢复 2.5%, 由2015年的…: a verb or a preposition, no noun
    if base is not None and not clause.strip():
        # 木浆3303万吨，占纸浆消耗总量35%: the share of the part the clause before names
        part = zh_part_before(sentence, start, floor)
        if part:
            return part, base
    if not clause or ZH_MEASURE.fullmatch(clause):
        # 出口额逐年上升，由2015年的20亿美元…; 甲国和乙国为主要供应国，合计占比为46.2%:
        # the clause names nothing (or only a measure) — its topic is the clause before it
        topic = zh_topic(sentence, start, floor)
        if topic:
            return topic + clause, base
    who = (
        _zh_who(sentence, start, clause)
        or zh_leader(sentence, start, clause)
        or zh_reporter(sentence, clause)
    )
    if who:
        clause = clause.lstrip("的")  # (2025年第三季度)的净营收: no holder of its own
    return (who + clause[-24:].strip() or None), base


def _zh_who(sentence: str, start: int, clause: str) -> str:
    """``实体上市公司实现营业收入30.48万亿元,净利润1.83万亿元``: a later clause that names only a
    metric is of the one who achieved the first (``实体上市公司``); else nothing."""
    simple = lx.simplified(clause)
    if not clause or len(clause) > 8 or ZH_ACHIEVED.search(simple):
        return ""
    if re.search(r"同比|环比|增速|增幅|降幅|涨幅|增长|下降|比|较|占", simple):
        return ""  # 同比增速, 增速比5月份加快: a change or a share, no metric of its own
    before = lx.simplified(sentence[:start])
    done = list(ZH_ACHIEVED.finditer(before))
    if not done or re.search(r"[。；;]", before[done[-1].end() :]):
        return ""
    if not re.search(r"[,，]", before[done[-1].end() :]):
        return ""  # the first clause itself
    lead = re.split(r"[,，。；;:：]", sentence[: done[-1].start()])[-1]
    who = _zcut(ZH_DATE_LEAD, lead.strip()).strip()
    if not 2 <= len(who) <= 12 or re.search(r"\d", who) or clause.startswith(who):
        return ""
    return who


def _zcut(rx: re.Pattern[str], text: str) -> str:
    """``text`` without what ``rx`` matches in its simplified form (the same length)."""
    simple = lx.simplified(text)
    kept, last = [], 0
    for m in rx.finditer(simple):
        kept.append(text[last : m.start()])
        last = m.end()
    kept.append(text[last:])
    return "".join(kept)


def respectively(sentence: str, spans: list[tuple[int, int]]) -> dict[int, str]:
    """Subjects for quantities listed with 分别/각각/respectively: index in ``spans`` → label.

    Each marker pairs its own list of values (``出货额分别为…，市场份额分别为…``) with the list
    of names before it; a measure named between the names and the marker joins each name
    (``磷酸铁锂出货额``).
    """
    marks = list(_RESPECTIVELY.finditer(sentence))
    out: dict[int, str] = zh_listed(sentence, spans) if lx.language(sentence) == "zh" else {}
    for k, m in enumerate(marks):
        stop = marks[k + 1].start() if k + 1 < len(marks) else len(sentence)
        floor = marks[k - 1].end() if k else 0
        out.update(_respectively_at(sentence, spans, m, floor, stop))
    return out


def _respectively_at(
    sentence: str, spans: list[tuple[int, int]], m: re.Match[str], floor: int, stop: int
) -> dict[int, str]:
    lang = lx.language(sentence)
    if m.group(0).lower() == "respectively":
        listed = [i for i, (s, _) in enumerate(spans) if floor <= s < m.start()]
        head = sentence[: spans[listed[0]][0]] if listed else ""
    else:
        listed = _value_list(sentence, spans, m.end(), stop)
        if lang == "zh":
            return zh_respective(sentence, spans, listed, m.start(), m.end())
        before = [e for s, e in spans if e <= m.start()]
        head = sentence[max(before, default=0) : m.start()]
    # 分为A、B、C和D，市场份额分别为…: the list is the clause that lists, not the last one.
    clauses = [c for c in re.split(r"[，;；]", head) if c.strip()]
    for clause in reversed(clauses):
        if len(LIST_SEP.findall(clause)) >= len(listed) - 1:
            head = clause
            break
    sep = _KO_LIST_SEP if lang == "ko" else LIST_SEP
    items = [x.strip() for x in sep.split(head) if x.strip()]
    if len(listed) < 2 or len(items) < len(listed):
        return {}
    items = items[-len(listed) :]
    years = [bool(re.search(r"(?:19|20)\d{2}", item)) for item in items]
    if all(years) or (lang == "en" and any(years)):
        return {}  # …2022 and December 25, 2021, … respectively: the list is of periods
    labels = []
    for n, item in enumerate(items):
        if lang == "ko":
            label = ko_phrase(item) or item
        else:
            words = en_words(item) if n == len(items) - 1 else item.split()
            label = " ".join(words[-3:])
        if n == 0:
            label = " ".join(label.split()[-3:])
        labels.append(label)
    if not all(labels):
        return {}
    if lang == "ko" and (of := of_measure(sentence[spans[listed[-1]][1] :])):
        labels = [f"{label} {of}" for label in labels]  # 각각 18%, 15%의 점유율: each one's share
    return dict(zip(listed, labels, strict=True))


# 화웨이와 샤오미는 각각 …: names joined by 와/과 (or commas, 및) before 각각
_KO_LIST_SEP = re.compile(r"\s*(?:,|、|\s및\s|(?<=[가-힣])(?:와|과)\s)\s*")


def _value_list(sentence: str, spans: list[tuple[int, int]], begin: int, stop: int) -> list[int]:
    """The values listed right after a marker (分别为A、B和C), up to ``stop`` or a clause's end."""
    listed: list[int] = []
    for i, (s, _e) in enumerate(spans):
        if s < begin or s >= stop:
            continue
        gap = sentence[spans[listed[-1]][1] if listed else begin : s]
        if listed and not VALUE_SEP.fullmatch(gap):
            break
        if not listed and len(gap) > 12:
            break
        listed.append(i)
    return listed


def subject_of(
    sentence: str, start: int, end: int, floor: int, kind: str, lang: str
) -> tuple[str | None, str | None]:
    """(subject, base) of the quantity at ``sentence[start:end]`` in a sentence of ``lang``."""
    if "\t" in sentence:
        first = sentence.split("\t", 1)[0].strip()
        if first and start > len(first):
            return first, None
    lang = _local_language(sentence, start, floor, lang)
    subject, base = _subject(sentence, start, end, floor, kind, lang)
    label = _LABEL_COLON.match(sentence[floor:start]) if subject is None else None
    if label is not None and not _MEASURE_ONLY.fullmatch(label.group(1).strip()):
        subject = label.group(1).strip()  # 1) 매출액 : 86,378백만원, Revenue: $5.2 billion
    if subject is None:
        subject = _sub_label(sentence, start, floor)
    opened = _open_bracket(sentence, start, floor)
    if opened is not None and floor and not sentence[floor:opened].strip():
        opened = None  # 매출액 3.2조원(QoQ +4.5%): an aside on the number before it
    if opened is not None:
        # in an aside (… CNY 5 tn in 2030 (central CNY 3.3 tn)): a part of what is outside it;
        # alone in it (올해 출하량(+8.2%), 甲公司（+12.5%）): the value of what is outside it
        outer, _ = _subject(sentence, opened, opened, 0, kind, lang)
        if outer and subject and outer != subject:
            # (세종 합계출산율, the aside's 시도별 합계출산율: the measure is named once)
            held, _, measure = outer.rpartition(" ")
            outer = held if held and measure == subject.split()[-1] else outer
            subject = f"{outer} {subject}"
        elif outer and not subject and not sentence[opened + 1 : start].strip(" +-−▲▼"):
            subject = outer
    if subject and lx.BULLET_SYMBOL.match(subject) and subject[:1] not in "-–*":
        subject = lx.BULLET_SYMBOL.sub("", subject).strip() or None  # · Revenue in …: a mark
    if subject and _TRIANGLE_MARK.search(subject):
        # △동남아(…) △일본(…): list marks, and the figure is of the item after the last one
        items = _TRIANGLE_MARK.split(subject)
        subject = (items[-1] if len(items) > 2 else "".join(items)).strip() or None
    return subject, base


# A triangle before a word marks a list item in Korean news (△동남아(2103만명) △일본 …)
_TRIANGLE_MARK = re.compile(r"[△▲▷▶]\s?(?=[가-힣A-Za-z一-龥])")


# A line that names its measure, then labels each value with a basis: ``EPS: Operating
# (non-GAAP): $3.34, down 9 percent; GAAP: $3.02, down 13 percent`` (the measure's label first,
# at the start of the line; each value's label right before it, after a ';' or the measure's).
_HEAD_LABEL = re.compile(r"^\s*(?:[-•·*]\s*)?([A-Za-z가-힣一-龥][^:：;；\d]{1,60}?)\s*[:：]\s")
# the label of a basis, not of a measure: GAAP, Operating (non-GAAP), Adjusted, As reported
_BASIS_LABEL = re.compile(
    r"(?:operating|adjusted|reported|as\s+reported|(?:non-)?gaap|core|organic|underlying|"
    r"comparable|consolidated|pro\s+forma|constant\s+currency|연결|별도|조정|회계|合并|母公司|"
    r"调整后|調整後|报告|報告)(?:\s?(?:basis|기준|口径|口徑))?\s*(?:[(（][^()（）]{1,16}[)）])?$",
    re.IGNORECASE,
)
_SUB_LABEL = re.compile(r"(?:^|[;；]|[:：])\s*([^\s:：;；,，.\d][^:：;；,，\d]{0,30}?)\s*[:：]\s*$")


def _sub_label(sentence: str, start: int, floor: int) -> str | None:
    """``GAAP Diluted EPS`` for the value after ``Diluted EPS: … GAAP:``, else None."""
    head = _HEAD_LABEL.match(sentence)
    if head is None or head.end() > start:
        return None
    sub = _SUB_LABEL.search(sentence, max(floor, head.end(1)), start)
    if sub is None or sub.end() != start or not _BASIS_LABEL.match(sub.group(1).strip()):
        return None  # net income: $1.1 billion after Revenue: … is a measure of its own
    return f"{sub.group(1).strip()} {head.group(1).strip()}"


# A line that is a label and a colon before its value.
_LABEL_COLON = re.compile(
    r"^\s*(?:\d{1,2}[.)]\s*|[-•·]\s*)?([^\s:：,，.;；\d][^:：,，;；]{0,30}?)\s*[:：]\s*$"
)


# CAGR: 31.3%, 비중: 12%: a measure names no metric of its own (the context does)
_MEASURE_ONLY = re.compile(
    r"CAGR|growth(?:\srate)?|YoY|QoQ|change|share|rate|ratio|margin|"
    r"비중|비율|증감률?|증가율|성장률|점유율|占比|比重|比例|份额|增长率|增速|同比|环比",
    re.I,
)


_CURLY_APOSTROPHE = re.compile(r"(?<=[A-Za-z])’(?=[A-Za-z])")


def _local_language(sentence: str, start: int, floor: int, lang: str) -> str:
    """The language of the words before the number, where a sentence mixes two (a bilingual
    letter: ``sales have grown to $9 billion …公司 2020 年的销售额…``)."""
    if lang == "en":
        return lang
    near = sentence[max(floor, start - 60) : start]
    if not _KO_ZH_LETTER.search(near) and _EN_WORDS.search(near):
        return "en"
    return lang


def _subject(
    sentence: str, start: int, end: int, floor: int, kind: str, lang: str
) -> tuple[str | None, str | None]:
    if lang == "ko":
        phrase, base = subject_ko(
            sentence, start, end, kind, _clause_before(sentence, start, floor)
        )
        return held_by_topic(sentence, start, phrase), base
    if lang == "zh":
        return subject_zh(sentence, start, floor)
    if "’" in sentence:  # Lloyd’s has posted …: the plain apostrophe, one character for one
        sentence = _CURLY_APOSTROPHE.sub("'", sentence)
    if floor and sentence[floor : floor + 1] in ("'", "’"):
        # The 1,901 companies' net income: the possessive of the counted noun before
        floor -= len(re.search(r"[A-Za-z]*$", sentence[:floor]).group())  # type: ignore[union-attr]
    clause = _clause_before(sentence, start, floor)
    measured = measure_after(sentence[end:], clause) if kind == "money" else None
    if measured:
        return measured, None  # a record quarter with $2.64 billion in GAAP revenue
    held = with_measure(sentence, start, floor, clause)
    if held:
        return held, None  # grocery spend …, with sales to rise by 3.3%
    return en.subject_en(sentence, start, end, floor, kind, clause)


def _open_bracket(sentence: str, start: int, floor: int) -> int | None:
    """Where the bracket still open at ``start`` opens (None when none is)."""
    depth, at = 0, None
    for i in range(start - 1, floor - 1, -1):
        ch = sentence[i]
        if ch in ")）":
            depth += 1
        elif ch in "(（":
            if depth == 0:
                at = i
                break
            depth -= 1
    return at


__all__ = [
    "ko_phrase",
    "respectively",
    "strip_particle",
    "subject_of",
]
