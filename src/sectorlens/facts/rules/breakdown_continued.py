"""Breakdowns the text carries over sentences, where it marks the carrying.

- A list of shares the next sentence continues with a marker (``1인 가구가 33.4%로 가장 많았다.
  이어 2인 가구(28.3%), 3인 가구(19.4%)…``; ``其次``, ``再次``, ``另有``; ``Next, …``, ``The rest
  …``): the shares of the sentences so joined are shares of one whole. The whole is inferred
  (100%), so shares over 100% are a warning.
- Amounts listed one a line under a lead that announces them (``全省各市常住人口分布如下:`` /
  ``운城市 530.51萬人`` …; ``as follows:``; ``다음과 같다``): parts of the whole stated before the
  lead, found as ``breakdown_by`` finds it (their sum, or the amount they exceed by a little: a
  warning).

Sentences without a marker are never joined (shares of two sentences may be of two wholes), but
for a sentence that is nothing but a list of names and shares after one that ends with a name
and its share (``세계 시장 점유율 X사 37%. Y사 32.5%, Z사 15.5%.``).
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Sequence

from sectorlens.facts import lexicon as lx
from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.breakdown_by import verdict, wholes_of
from sectorlens.facts.rules.breakdown_sums import RATIO, by_unit, label_of, one_period, sum_verdict
from sectorlens.facts.rules.common import HUNDRED, Context, norm, point
from sectorlens.model import Finding, Kind, Severity

RULE_CONTINUED = "breakdown.continued"
RULE_BELOW = "breakdown.below"

# a sentence that carries on the list of the sentence before it
_CONTINUES = re.compile(
    r"^\W{0,3}(?:이어(?:서)?(?=[\s,])|다음으로(?:는)?(?=[\s,])|그\s?다음(?:으로|은|이)?(?=[\s,])|"
    r"뒤를\s?이어|其次|再次|其后|其後|其余|其餘|另有|"
    r"next\b|followed\sby\b|the\s(?:rest|remaining|remainder)\b|another\b)",
    re.IGNORECASE,
)
# the earlier value of a move (9.0%에서 27.2%로, from 9% to 27%, 由9%升至27%): not a part now
_EARLIER = ("from", "versus")
_FROM_AFTER = re.compile(r"^\s?(?:에서|부터)")
_FROM_BEFORE = re.compile(r"(?:\bfrom|从|從|由)\s?$", re.IGNORECASE)
# the later value of a move (…에서 2015년 27.2%로 늘었다, to 27%, 升至27%): a level now, whatever
# the verb after it says of the move
_TO_BEFORE = re.compile(r"(?:%\s?에서|%\s?부터)\s?(?:\S{1,8}\s)?$|\bto\s?$|[至到]\s?$", re.I)
# a rate of change: a change word after the percentage, before the next number or clause end
# (67조 원(44.4%) 늘어, 45조 원·71.7%↑, 19.5% 증가하며, grew 12%)
_CHANGED = re.compile(
    lx.alternation(lx.CHANGE_CUES) + r"|늘|줄|높아|낮아|올라|내려|증대|확대|축소|↑|↓|▲|▼|"
    r"增加|减少|減少|提高|降低|上升|增長|\b(?:up|down|higher|lower)\b",
    re.IGNORECASE,
)
_TAIL = re.compile(r"[^\d,，;；。]*")
# a lead that announces the lines below it: 分布如下:, as follows:, 다음과 같다
_BELOW = re.compile(
    r"(?:如下|as\sfollows|다음과\s?같(?:다|습니다|았다)|아래와\s?같(?:다|습니다))\s?[:：.。]?\s*$",
    re.IGNORECASE,
)
_SKIP = 2  # sentences without a number between the lead and its lines (按人口數量排序)
_BACK = 8  # sentences before the lead where the whole may be stated
_WHY_BELOW = "amounts listed one a line under a lead that announces them (如下, as follows)"
_WHY_CONTINUED = "shares of sentences a marker joins into one list (이어, 其次, next)"


def check(ctx: Context) -> list[Finding]:
    """Share lists continued by a marker; amounts listed under a lead."""
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in ctx.extraction.mentions:
        if m.sentence is not None and m.cell is None and m.figure_run is None:
            by_sentence[m.sentence].append(m)
    return _continued(ctx, by_sentence) + _below(ctx, by_sentence)


def _continued(ctx: Context, by_sentence: dict[int, list[Mention]]) -> list[Finding]:
    sentences = ctx.extraction.layout.sentences
    out: list[Finding] = []
    index = 0
    while index < len(sentences):
        chain = [index]
        while (
            chain[-1] + 1 < len(sentences)
            and _carries_on(sentences[chain[-1]].text, sentences[chain[-1] + 1].text)
            and sentences[chain[-1] + 1].paragraph - sentences[chain[-1]].paragraph <= 1
        ):
            chain.append(chain[-1] + 1)
        index = chain[-1] + 1
        if len(chain) < 2:
            continue
        groups = [_shares(sentences[i].text, by_sentence.get(i, [])) for i in chain]
        if any(changed for _, changed in groups[1:]):
            continue  # 이어 IT가 45조 원(19.5%) 증가: the list carried on is one of changes
        if not all(shares for shares, _ in groups):
            continue  # a sentence of the chain states no share: the list is not one of shares
        shares = [m for group, _ in groups for m in group]
        if len(shares) >= 3 and _one_list(shares):
            found = sum_verdict(ctx, label_of(shares), shares, figure=False)
            severity = Severity.WARNING if found.severity is Severity.ERROR else found.severity
            out.append(
                dataclasses.replace(
                    found, rule=RULE_CONTINUED, severity=severity, why=_WHY_CONTINUED
                )
            )
    return out


# a list of names and shares and nothing else (A사 32.5%, B사 15.5%, C사 12.2%.), after a
# sentence that ends with one (세계 시장 점유율 X사 37%.): the list goes on; a name apart from its
# number, naming no whole or share (not 进口中原油占30.2%)
_ITEM = r"[^\d\s,，、;；.。%占比为為中]{1,12}\s[(（]?\d{1,2}(?:\.\d+)?\s?%[)）]?"
_LIST_ONLY = re.compile(
    rf"^\s*{_ITEM}(?:\s?[,，、]\s?(?:and\s|및\s|和)?{_ITEM}){{1,}}\s?[.。]?\s*$"
)
_ENDS_WITH_ITEM = re.compile(rf"{_ITEM}\s?[.。]?\s*$")


def _carries_on(before: str, text: str) -> bool:
    """The sentence carries on the list of the one before: a marker (이어, 其次, next), or a
    list of names and shares only after a sentence that ends with one."""
    return bool(
        _CONTINUES.match(text) or (_LIST_ONLY.match(text) and _ENDS_WITH_ITEM.search(before))
    )


def _shares(text: str, members: Sequence[Mention]) -> tuple[list[Mention], bool]:
    """The shares a sentence states now (levels under 100%, not the earlier value of a move),
    and whether it states a rate of change too."""
    out = []
    changed = False
    for m in members:
        q = m.fact.quantity
        v = point(q)
        if q.kind is not Kind.PERCENT:
            continue
        if m.change in _EARLIER:
            continue  # the earlier level of a move (9.0%에서 27.2%로): not a part now
        tail = _TAIL.match(text, m.local[1])
        moved = _TO_BEFORE.search(text[max(0, m.local[0] - 16) : m.local[0]])
        if m.change is not None or (not moved and tail and _CHANGED.search(tail.group(0))):
            changed = True
            continue
        if v is None or v >= HUNDRED:
            continue
        if _FROM_AFTER.match(text[m.local[1] :]) or _FROM_BEFORE.search(text[: m.local[0]]):
            continue
        out.append(m)
    return out, changed


def _one_list(shares: Sequence[Mention]) -> bool:
    """Shares of one period, base and kind, each of another item, none a ratio of its own."""
    if not one_period(shares) or len({m.estimate for m in shares}) > 1:
        return False
    if len({norm(m.base) for m in shares if m.base}) > 1:
        return False  # 45.2% of exports, 60.2% of imports: shares of two wholes
    names = [norm(m.metric) for m in shares if norm(m.metric)]
    if len(set(names)) < len(names):
        return False
    return not any(RATIO.search((m.metric or "").strip()) for m in shares)


def _below(ctx: Context, by_sentence: dict[int, list[Mention]]) -> list[Finding]:
    sentences = ctx.extraction.layout.sentences
    out: list[Finding] = []
    for index, sentence in enumerate(sentences):
        lead = _BELOW.search(sentence.text)
        if lead is None:
            continue
        parts = _lines(sentences, by_sentence, index + 1)
        if len(parts) < 3 or not one_period(parts):
            continue
        before = [
            m
            for back in range(index, max(-1, index - 1 - _BACK), -1)
            for m in reversed(by_sentence.get(back, []))
        ]
        found = verdict(
            ctx, lead.group(0).strip(), parts, wholes_of(ctx, parts, before), RULE_BELOW, _WHY_BELOW
        )
        if found is not None:
            out.append(found)
    return out


def _lines(
    sentences: Sequence[object], by_sentence: dict[int, list[Mention]], start: int
) -> list[Mention]:
    """The amounts of the lines after a lead: one level a line, one unit, until a line breaks it."""
    parts: list[Mention] = []
    skipped = 0
    for index in range(start, len(sentences)):
        members = by_sentence.get(index, [])
        if not members and not parts and skipped < _SKIP:
            skipped += 1
            continue
        if len(members) != 1 or members[0].change is not None:
            break
        if parts and by_unit([members[0]]).keys() != by_unit([parts[0]]).keys():
            break
        parts.append(members[0])
    return parts
