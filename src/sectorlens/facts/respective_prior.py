"""Values listed with 각각/分别/respectively at the start of a sentence, for the names before.

``영업이익은 155조원, 순이익은 119조원을 기록했다. 각각 전년 대비 65%, 71% 늘었다.``: the
second sentence names nothing itself; its rates are those of the levels the sentence before
stated, in their order. The subjects are lent only where the counts match exactly and each of
the earlier levels has a subject of its own (distinct ones).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence

from sectorlens.facts.mentions import Mention
from sectorlens.facts.subjects_ko import KO_MEASURE_WORD, said_subject
from sectorlens.model import Kind

_LEADING = re.compile(r"^\W{0,3}(?:각각|分别|分別|respectively\b)", re.IGNORECASE)
_RATES = (Kind.PERCENT, Kind.PP)


def lend_subjects(text: str, got: list[Mention], prior: Sequence[Mention]) -> list[Mention]:
    """``got`` with the subjects of ``prior``'s levels, where ``text`` opens with 각각/分别."""
    if not _LEADING.match(text):
        return got
    rates = [m for m in got if m.fact.quantity.kind in _RATES]
    levels = [m for m in prior if m.fact.quantity.kind not in _RATES and m.change is None]
    if len(rates) < 2 or len(rates) != len(levels) or len(rates) != len(got):
        return got
    names = [m.fact.subject for m in levels]
    if not all(names) or len(set(names)) < len(names):
        return got
    lent = {
        id(rate): dataclasses.replace(
            rate,
            fact=dataclasses.replace(rate.fact, subject=level.fact.subject),
            metric=level.metric,
        )
        for rate, level in zip(rates, levels, strict=True)
    }
    return [lent.get(id(m), m) for m in got]


def lend_said(got: list[Mention], said: str | None) -> list[Mention]:
    """``스마트폰을 활용한 모바일쇼핑 거래액이 두드러졌다. 총 5조 원으로 32% 늘었다.``: Korean
    leaves out the subject the sentence before named; figures read without one take it (only
    where that sentence stated no figure, so its subject is the one that goes on)."""
    if not said:
        return got
    return [
        dataclasses.replace(m, fact=dataclasses.replace(m.fact, subject=said), metric=said)
        if m.fact.subject is None and m.lang == "ko" and m.base is None
        else m
        for m in got
    ]


# the last word of a Korean measure of money (수출액, 시장 규모, 매출, 영업이익) and of things
# counted (생산량, 판매 대수)
_KO_MONEY_MEASURE = re.compile(
    r"(?:액|규모|매출|수출|수입|실적|이익|손실|자산|부채|투자|거래|소비)$"
)
_KO_COUNT_MEASURE = re.compile(r"(?:량|대수|건수|판매|생산|출하)$")
# a subject word that names a measure itself (ROE) or no thing at all (항목별로, 2년째, 전분기,
# 기준): none that a measure is lent to
_KO_NO_THING = re.compile(
    r"(?:로|째|별|준|단|서|분기|동기|당기|간|년|월|새|다\.?|면|음|후|중|사이|인|미화)$|\d|^[A-Z]{2,5}$"
)


def lend_measure(got: list[Mention], named: Sequence[tuple[str, bool]]) -> list[Mention]:
    """``반도체와 디스플레이 3개 품목의 수출액이 …. 반도체는 104억6000만달러로``: a Korean figure
    whose subject is one word naming a thing but no measure (반도체) is of the measure the
    paragraph named before it (수출액), where that measure counts what the figure counts (an
    amount of money, things counted, or a change of either); a share (``세계 조선시장 점유율 한국
    37%. 일본 32.5%``) takes the share the paragraph named. ``named``: what the sentences before
    name it by, latest first, as (a subject, False) or (a sentence, True) whose subject is read
    only where a figure needs one."""
    wanted = [m for m in got if _thing_only(m)]
    if not wanted:
        return got
    waiting = {id(m) for m in wanted}
    need_share = any(m.change is None and m.fact.quantity.kind is Kind.PERCENT for m in wanted)
    need_measure = any(m.change is not None or m.fact.quantity.kind in _FITS for m in wanted)
    measure = share = None
    for words in _named_words(named):  # read lazily: a sentence's subject costs time
        if measure is None and words and any(r.search(words[-1]) for r in _FITS.values()):
            measure = words[-1]
        share = share or _up_to_share(words)
        if (measure or not need_measure) and (share or not need_share):
            break
    out = []
    for m in got:
        lent = _lent(m, measure, share) if id(m) in waiting else None
        if lent is not None:
            head, under, section = (m.fact.subject or "").partition(_UNDER)
            subject = f"{head} {lent}{under}{section}"
            m = dataclasses.replace(
                m, fact=dataclasses.replace(m.fact, subject=subject), metric=subject
            )
        out.append(m)
    return out


def _lent(m: Mention, measure: str | None, share: str | None) -> str | None:
    """What ``m`` borrows: the measure where it counts what the figure counts (or the figure is
    a change), the share where the figure is a percent and no change."""
    kind = m.fact.quantity.kind
    if m.change is not None or kind in _FITS:
        fits = measure is not None and (m.change is not None or _FITS[kind].search(measure))
        return measure if fits else None
    return share if kind is Kind.PERCENT else None


def _named_words(named: Sequence[tuple[str, bool]]) -> Iterator[list[str]]:
    """The words of each name the sentences before give, latest first (read as needed)."""
    for text, is_text in named:
        yield ((said_subject(text) if is_text else text) or "").split()


_UNDER = " · "  # 일본 · 조선업 현황: a subject, then the section it stands under
_KO_SHARE = re.compile(r"(?:점유율|비중|구성비)$")
_FITS = {Kind.MONEY: _KO_MONEY_MEASURE, Kind.COUNT: _KO_COUNT_MEASURE}


def _up_to_share(words: list[str]) -> str | None:
    """The measure of a name that ends with its share word (``세계 조선시장 점유율 한국`` →
    ``세계 조선시장 점유율``; ``일본의 점유율`` → ``점유율``: not the owner named with ``의``, nor a
    company named in Latin letters), or None."""
    at = next((i for i, w in enumerate(words) if _KO_SHARE.search(w)), None)
    if at is None:
        return None
    start = at
    while start > max(0, at - 3) and not _OWNER_WORD.search(words[start - 1]):
        start -= 1
    return " ".join(words[start : at + 1])


_OWNER_WORD = re.compile(r"의$|^[A-Z0-9]")


def _thing_only(m: Mention) -> bool:
    """A Korean figure whose subject is one word naming a thing, no measure (the section it
    stands under aside: ``일본 · 조선업 현황``)."""
    words = (m.fact.subject or "").split(_UNDER)[0].split()
    return (
        m.lang == "ko"
        and len(words) == 1
        and m.base is None
        and not KO_MEASURE_WORD.search(words[0])
        and not _KO_NO_THING.search(words[0])
    )
