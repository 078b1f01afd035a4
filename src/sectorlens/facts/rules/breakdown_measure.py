"""Which amount before an 'of which' list is the list's whole: the one that names the list's
measure (``农林牧渔业总产值69.93亿元，…增加值37.90亿元。其中，农业产值…、渔业产值…``: the parts
are output, 产值, so their whole is 总产值, not the value added stated last)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from sectorlens.facts.extract import Mention

_CJK = re.compile(r"[\u4e00-\u9fff]")


def _suffix(names: Sequence[str]) -> str:
    """The longest common end of ``names``."""
    first = names[0]
    n = 0
    while n < len(first) and all(len(x) > n and x[-1 - n] == first[-1 - n] for x in names):
        n += 1
    return first[len(first) - n :] if n else ""


def measure_head(parts: Sequence[Mention]) -> str:
    """The measure every part names at its end (农业产值, 渔业产值 → 产值; domestic sales, overseas
    sales → sales), or '' where the parts name none in common."""
    names = [(m.metric or "").strip() for m in parts]
    if len(names) < 2 or not all(names):
        return ""
    end = _suffix(names).strip()
    if _CJK.search(end[-1:] or ""):
        cjk = re.search(r"[\u4e00-\u9fff]+$", end)
        head = cjk.group(0)[-2:] if cjk else ""
        return head if len(head) == 2 else ""
    words = end.split()
    return (
        words[-1]
        if words and len(words[-1]) >= 2 and not any(n.strip() == end for n in names)
        else ""
    )


_PER_HEAD = re.compile(r"人均|1인당|\bper\s(?:capita|head|person)\b", re.IGNORECASE)


def common_end(a: str, b: str) -> str:
    """The measure two names end with: their common end, at least two characters (存款余额;
    生产总值), or their common last word (revenue); '' where there is none."""
    end = _suffix([a.strip(), b.strip()]).strip()
    if _CJK.search(end[-1:] or ""):
        cjk = re.search(r"[\u4e00-\u9fff]+$", end)
        return cjk.group(0) if cjk and len(cjk.group(0)) >= 2 else ""
    a_words, b_words = a.lower().split(), b.lower().split()
    if a_words and b_words and a_words[-1] == b_words[-1] and len(a_words[-1]) >= 2:
        return a_words[-1]
    return ""


def _total_of_the_per_head(wholes: Sequence[Mention], parts: Sequence[Mention]) -> Mention | None:
    """``全县实现生产总值951435万元，…，人均地区生产总值为74331元。其中，第一产业增加值…``: the
    amount per head is derived from the total before it; parts that name no population are the
    total's."""
    last = wholes[-1]
    marker = _PER_HEAD.search(last.metric or "")
    if marker is None or any(_PER_HEAD.search(m.metric or "") for m in parts):
        return None
    core = _PER_HEAD.sub(" ", last.metric or "").strip()
    totals = [
        m
        for m in wholes[:-1]
        if not _PER_HEAD.search(m.metric or "") and common_end(core, m.metric or "")
    ]
    return totals[-1] if totals else None


def whole_of_the_parts(wholes: Sequence[Mention], parts: Sequence[Mention]) -> Mention:
    """The last of ``wholes``, unless it names another measure than the parts' and an earlier one
    names theirs, or it is an amount per head of an earlier total: then that one."""
    last = wholes[-1]
    total = _total_of_the_per_head(wholes, parts)
    if total is not None:
        return total
    head = measure_head(parts)
    if not head or head in (last.metric or ""):
        return last
    named = [m for m in wholes if head in (m.metric or "")]
    return named[-1] if named else last
