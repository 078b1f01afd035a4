"""How a subject read from its sentence is named in the end: a bare rate by the level it is
the rate of, a share by its whole, a part without the measure it is a share of."""

from __future__ import annotations

import re

from sectorlens.facts import lexicon as lx

_PERCENT_MEASURES = tuple(sorted(lx.MEASURE_SUFFIX_PERCENT, key=len, reverse=True))
_CAPITAL = re.compile(r"[A-Z]")
_PER_SHARE = re.compile(r"\bper\s+share$", re.I)


_BARE_RATE = re.compile(
    r"(?:年均|年复合|复合|年化)?(?:增长率|增速|[增升降涨跌漲减減]幅)|(?:연평균\s?)?(?:성장률|증가율)|"
    r"(?:(?:compound(?:ed)?\s)?(?:annual\s)?(?:growth\s)?rate|CAGR)",
    re.I,
)


def of_level(subject: str | None, level: str | None) -> str | None:
    """``年复合增长率为25.0%`` after ``投资额由…上升至…``: a bare rate is the rate of the level
    stated before it in the sentence (``投资额年复合增长率``; ``book value rate``)."""
    if not subject or not level or not _BARE_RATE.fullmatch(subject.strip()):
        return subject
    bare = _BARE_RATE.search(level)  # (升幅为2.98%；…降幅为7.64%: the level's, not its rate's)
    level = level[: bare.start()].rstrip() if bare and bare.end() == len(level) else level
    if not level:
        return subject
    han = re.compile(r"[\u4e00-\u9fff]")
    joined = han.match(subject[-1:] and level[-1:]) and han.match(subject[:1])
    return f"{level}{subject}" if joined else f"{level} {subject}"


def share_of(subject: str | None, base: str | None) -> str | None:
    """``정보유통 분야`` with 24% of ``연간 AI 투자금액`` → ``정보유통 분야 · 연간 AI 투자금액``: a
    share names the whole it is a share of (the part first, as breakdowns read it)."""
    if not subject or not base:
        return subject
    if re.sub(r"\s+", "", base).lower() in re.sub(r"\s+", "", subject).lower():
        return subject
    return f"{subject} · {base}"


def strip_measure(subject: str | None) -> str | None:
    """``컴퓨터 시각 인식 투자 비중`` → ``컴퓨터 시각 인식`` (for shares)."""
    if not subject:
        return subject
    for suffix in _PERCENT_MEASURES:
        if suffix == "share" and not _CAPITAL.search(subject):
            continue  # a market share of 7.5%: only a named part's share (Asia share) is a part
        if suffix == "share" and _PER_SHARE.search(subject):
            continue  # Earnings per share rose 60%: a measure per share, not a part's share
        if subject.endswith(suffix) and len(subject) > len(suffix) + 1:
            return subject[: -len(suffix)].rstrip(" 的之")
    return subject
