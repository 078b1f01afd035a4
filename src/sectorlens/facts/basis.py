"""The basis a figure is stated on, where its sentence or section names one that is not the
report's headline basis: the parent company alone (별도, 母公司, parent company) or an adjusted
measure (non-GAAP, 扣非, adjusted). Two statements of one metric on different bases are two
figures, never a restatement or a change of one another."""

from __future__ import annotations

import re

# Only the secondary bases are named: the headline basis (연결, 合并, consolidated, GAAP,
# reported) is what an unmarked figure is stated on, so it reads as no basis at all.
_SEPARATE = (
    r"(?:별도|개별)\s?(?:기준|재무|실적|법인|손익)|"
    r"母公司(?=利润|利潤|资产|資產|现金|現金|报表|報表|财务|財務|口径|口徑|营业|營業|层面|單體|单体)|"
    r"单体报表|單體報表|parent[-\s]company[-\s]only|parent[-\s]only|stand-?alone|"
    r"on\s+a\s+separate\s+basis"
)
# Seasonal adjustment is not one: a statistics release states all its figures so.
_ADJUSTED = (
    r"non-?GAAP|non-?IFRS|(?<!seasonally\s)adjusted|pro\s?forma|organic|constant[-\s]currency|"
    r"like-for-like|扣非|扣除非经常性损益|扣除非經常性損益"
)
_HEADLINE = r"연결|合并|合併|consolidated|(?<!non-)(?<!non )\bGAAP\b|\bIFRS\b|as\s+reported"
_MARK = re.compile(
    rf"(?P<separate>{_SEPARATE})|(?P<adjusted>{_ADJUSTED})|(?P<headline>{_HEADLINE})",
    re.IGNORECASE,
)
# Every mark names one of these words (tests/test_facts_basis.py checks it on the patterns): a
# sentence without any names no basis, for none of its figures.
MARK_WORDS = (
    *("별도", "개별", "母公司", "单体", "單體", "parent", "stand", "separate"),
    *("GAAP", "IFRS", "adjusted", "forma", "organic", "constant", "like-for-like", "扣"),
    *("연결", "合并", "合併", "consolidated", "reported"),
)
_MARK_WORD = re.compile("|".join(map(re.escape, MARK_WORDS)), re.IGNORECASE)
# ``38.4% on a non-GAAP basis``, ``900억 원(별도 기준)``: a basis named right after the figure
_AFTER = 24
_BINDS = re.compile(r"(?:\S{1,4}\s*){0,2}(?:on\s+an?\s+|\(|（)")


def basis_of(sentence: str, start: int, end: int) -> str | None:
    """The secondary basis (``separate`` or ``adjusted``) of the figure at ``sentence[start:end]``:
    one named right after it, else the last one named before it; None for the headline basis."""
    after = _MARK.search(sentence, end, min(len(sentence), end + _AFTER))
    if after is not None and _BINDS.match(sentence[end : after.start()]):
        return _secondary(after)
    before = None
    for found in _MARK.finditer(sentence, 0, start):
        before = found
    return None if before is None else _secondary(before)


def names_a_basis(sentence: str) -> bool:
    """``sentence`` may name a basis; where it does not, ``basis_of`` is None for each of its
    figures (asked once per sentence, not once per figure)."""
    return _MARK_WORD.search(sentence) is not None


def section_basis(heading: str | None) -> str | None:
    """The secondary basis a heading names (``三、母公司利润表``, ``별도 재무제표``)."""
    if not heading:
        return None
    marks = list(_MARK.finditer(heading))
    return _secondary(marks[-1]) if marks else None


def _secondary(found: re.Match[str]) -> str | None:
    if found.group("separate"):
        return "separate"
    return "adjusted" if found.group("adjusted") else None


__all__ = ["MARK_WORDS", "basis_of", "names_a_basis", "section_basis"]
