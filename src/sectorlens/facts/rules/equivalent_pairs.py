"""Equivalents the reader did not join to their amount (``, or around $9 million``, ``；折合358.8亿
美元``), and amounts whose equivalent says nothing alone (a balance of two converted flows)."""

from __future__ import annotations

import dataclasses
import itertools
import re

from sectorlens.facts.mentions import Mention
from sectorlens.facts.rules.common import Context
from sectorlens.model import Kind

# KRW9.8 billion (South Korean Won), or around $9 million; KRW3.8 billion KRW ($3.5 million)
_OR_ABOUT = re.compile(
    r"^\s*(?:[(（][^()（）\d]{0,30}[)）]\s*)?(?:[A-Z]{3}\s*)?[,·]?\s*(?:or\s+)?"
    r"(?:around|about|approximately|roughly|some|nearly|약|约合?)?\s*[(（]?\s*$",
    re.I,
)


def written_after(ctx: Context) -> list[Mention]:
    """An amount followed by the same amount in another currency (``, or around $9 million``)
    that the reader did not join as a stated equivalent: the first, with the second as its
    equivalent."""
    out = []
    ms = [m for m in ctx.extraction.mentions if m.sentence is not None]
    for a, b in itertools.pairwise(ms):
        qa, qb = a.fact.quantity, b.fact.quantity
        if a.sentence != b.sentence or qa.kind is not Kind.MONEY or qb.kind is not Kind.MONEY:
            continue
        if not qa.currency or not qb.currency or qa.currency == qb.currency:
            continue
        if qa.equivalent is not None or qb.equivalent is not None:
            continue
        sent = ctx.extraction.sentence(a)
        assert sent is not None
        if not _OR_ABOUT.match(sent.text[a.local[1] : b.local[0]]):
            continue
        quantity = dataclasses.replace(qa, equivalent=qb)
        out.append(dataclasses.replace(a, fact=dataclasses.replace(a.fact, quantity=quantity)))
    return out


# A balance of two flows (逆差, 顺差, 差额, 수지, surplus, deficit), each converted on its own:
# its implied rate magnifies their rounding and the months' rates, and says nothing alone.
_BALANCE = re.compile(r"(?:逆差|顺差|順差|差额|差額|수지|surplus|deficit)[^\d]{0,8}$", re.I)


def balance(ctx: Context, m: Mention) -> bool:
    """The amount is named a balance of two flows right before it."""
    sent = ctx.extraction.sentence(m)
    return sent is not None and bool(
        _BALANCE.search(sent.text[max(m.local[0] - 12, 0) : m.local[0]])
    )


# …亿元人民币，同比增长2.5%；折合358.8亿美元: the amount converted, after its own rate of change
_CONVERTED = re.compile(r"(?:折合|折算|折|约合|約合)\s*$")


def converted_after(ctx: Context) -> list[Mention]:
    """An amount whose conversion the sentence gives after the amount's own rate of change
    (``2285.4亿元人民币，同比增长2.5%；折合358.8亿美元``): the amount, with the converted one as its
    equivalent. Only rates may stand between the two."""
    out = []
    ms = [m for m in ctx.extraction.mentions if m.sentence is not None]
    for i, b in enumerate(ms):
        qb = b.fact.quantity
        sent = ctx.extraction.sentence(b)
        if qb.kind is not Kind.MONEY or not qb.currency or qb.equivalent is not None or not sent:
            continue
        if not _CONVERTED.search(sent.text[: b.local[0]]):
            continue
        for a in reversed(ms[:i]):
            qa = a.fact.quantity
            if a.sentence != b.sentence or qa.kind not in (Kind.MONEY, Kind.PERCENT):
                break
            if qa.kind is Kind.PERCENT:
                continue
            if qa.currency and qa.currency != qb.currency and qa.equivalent is None:
                quantity = dataclasses.replace(qa, equivalent=qb)
                fact = dataclasses.replace(a.fact, quantity=quantity)
                out.append(dataclasses.replace(a, fact=fact))
            break
    return out
