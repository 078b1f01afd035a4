"""The answers listed under a question: each list item a label and its share, one whole.

A survey report prints a question, then one item per answer (``How would you characterize the
outlook? / - Very positive – 14.7% / - Somewhat positive – 61.4% / …``, ``향후 전망은? / - 긍정적
42.1%``, ``您对前景的判断： / - 乐观 35.2%``). The answers of one question are shares of its
respondents: listed under a question (``?``) they must not add up to more than 100% (an error),
under a lead that ends with a colon the whole is inferred (a warning). Answers of a question that
allows several (``복수응답``, ``multiple responses``) are not summed, nor lists far over 100%
(each item a share of its own whole).
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from decimal import Decimal

from sectorlens.facts.extract import Mention
from sectorlens.facts.layout import Sentence
from sectorlens.facts.rules.breakdown_lists import MULTIPLE
from sectorlens.facts.rules.breakdown_sums import interval, one_period, sum_verdict
from sectorlens.facts.rules.common import HUNDRED, Context, point
from sectorlens.model import Finding, Kind, Severity

_QUESTION = re.compile(r"[?？]\s*$")
_COLON = re.compile(r"[:：]\s*$")
# an answer ends with its share
_ANSWER_END = re.compile(r"^\s*[.。)）]?\s*$")
# a colon lead naming the shares of one whole (응답 분포:, 构成如下：, breakdown of respondents:)
_CUE = re.compile(
    r"응답|분포|구성|비중|受访|回答|分布|构成|構成|占比|比重|"
    r"respond|answer|breakdown|distribution|composition|share",
    re.IGNORECASE,
)
_RATIO = re.compile(r"(?:率|률|율|\bmargins?|\brates?|\bratios?|\byields?)$", re.IGNORECASE)
_DASHED = re.compile(r"\s[–—:：-]\s*$")
_MAX_LABEL = 60
_FAR_OVER = Decimal(150)
_MIN_ITEMS = 2


def check(ctx: Context) -> list[Finding]:
    """The answers listed under each question (or colon lead) against 100%."""
    sentences = ctx.extraction.layout.sentences
    shares: dict[int, list[Mention]] = defaultdict(list)
    for m in ctx.extraction.mentions:
        if m.sentence is not None and m.figure_run is None and m.cell is None:
            shares[m.sentence].append(m)
    out: list[Finding] = []
    for lead in sentences:
        if not (
            _QUESTION.search(lead.text) or (_COLON.search(lead.text) and _CUE.search(lead.text))
        ):
            continue  # a question, or a colon lead that names a distribution of one whole
        if (
            lead.index + 1 < len(sentences)
            and sentences[lead.index + 1].paragraph == lead.paragraph
        ):
            continue  # the lead ends its paragraph; the answers are paragraphs of their own
        answers = _answers(sentences, lead, shares)
        if len(answers) < _MIN_ITEMS or MULTIPLE.search(lead.text):
            continue
        if not one_period(answers) or len({m.fact.period for m in answers}) > 1:
            continue
        lo, _hi, _total = interval(answers)
        if lo > _FAR_OVER:
            continue  # far over 100%: shares of several wholes, not answers of one question
        found = sum_verdict(ctx, _label(lead), answers, figure=False)
        if found.severity is Severity.ERROR and not _QUESTION.search(lead.text):
            found = dataclasses.replace(found, severity=Severity.WARNING)
        out.append(found)
    return out


def _answers(
    sentences: tuple[Sentence, ...], lead: Sentence, shares: dict[int, list[Mention]]
) -> list[Mention]:
    """The one share of each paragraph that follows ``lead``, while each is an answer."""
    out: list[Mention] = []
    paragraph = lead.paragraph
    for sent in sentences[lead.index + 1 :]:
        if sent.paragraph == paragraph:
            return []  # an answer of two sentences is prose, not a list of answers
        paragraph = sent.paragraph
        got = _answer(sent, shares.get(sent.index, []))
        if got is None:
            break
        out.append(got)
    return out


def _answer(sent: Sentence, members: list[Mention]) -> Mention | None:
    """The share of a one-answer sentence (``Very positive – 14.7%``, ``Increase 5 to 10 percent
    – 21.1%``: numbers of the label before a dash), else None."""
    if not members:
        return None
    m = members[-1]
    q = m.fact.quantity
    label = sent.text[: m.local[0]]
    dashed = _DASHED.search(label)
    # 10% 이상 증가 – 15.0%: a change word in the answer's label is the answer, not the share's
    if q.kind is not Kind.PERCENT or (m.change is not None and not dashed) or m.estimate:
        return None
    if m.base or _RATIO.search(label.rstrip(" –—:：-")):
        return None  # Operating margin – 12%: a ratio of its own, no answer
    value = point(q)
    if value is None or value >= HUNDRED:
        return None
    if not _ANSWER_END.match(sent.text[m.local[1] :]) or len(label.strip()) > _MAX_LABEL:
        return None
    if len(members) > 1 and not dashed:
        return None  # two numbers and no dash before the last: not a label and its share
    if len(members) == 1 and re.search(r"\d", label):
        return None
    return m


def _label(lead: Sentence) -> str:
    text = re.sub(r"^\s*\d{1,2}[.)]\s*", "", lead.text).strip()
    return text if len(text) <= 60 else text[:57] + "…"


__all__ = ["check"]
