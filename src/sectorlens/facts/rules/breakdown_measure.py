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


def whole_of_the_parts(wholes: Sequence[Mention], parts: Sequence[Mention]) -> Mention:
    """The last of ``wholes``, unless it names another measure than the parts' and an earlier one
    names theirs: then that one."""
    last = wholes[-1]
    head = measure_head(parts)
    if not head or head in (last.metric or ""):
        return last
    named = [m for m in wholes if head in (m.metric or "")]
    return named[-1] if named else last
