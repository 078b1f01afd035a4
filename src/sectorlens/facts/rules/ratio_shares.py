"""A share breakdown written as a colon ratio (``三次产业结构为7.7:57.5:34.8``): its parts
against 100.

A ratio is a share breakdown only where the text says it is the make-up of one whole (a word of
``STRUCTURE_WORDS`` just before it: ``结构``, ``구성비``, ``mix``) and its parts are on the scale
of percentages (each at most 100, their sum within ``SCALE`` of 100); a ratio of counts
(``1：2：3``, ``男女比例为105:100``) or a ratio named by no such word is left alone. The parts
may differ from 100 by their rounding (half a unit of the last digit shown, per part).
"""

from __future__ import annotations

import re
from decimal import Decimal

from sectorlens.facts.layout import Sentence
from sectorlens.facts.rules.common import HUNDRED, Context, dec, pct
from sectorlens.model import Finding, Severity

RULE = "breakdown.ratio"

# Words that name the make-up of one whole, per language: data, not code branches.
STRUCTURE_WORDS: dict[str, tuple[str, ...]] = {
    "zh": ("结构", "結構", "构成", "構成", "构成比", "構成比"),
    "ko": ("구성비", "구성", "구조", "비중"),
    "en": ("composition", "mix", "split", "structure", "breakdown"),
}
_WORDS = sorted({w for words in STRUCTURE_WORDS.values() for w in words}, key=len, reverse=True)
_NUM = r"\d{1,3}(?:\.\d+)?"
_SHARE = rf"{_NUM}(?:\s?[%％])?"
_COLON = r"\s?[:：∶]\s?"
_RATIO = re.compile(rf"(?<![\d.:：∶])({_SHARE}(?:{_COLON}{_SHARE})+)(?![\d:：∶]|\.\d)")
# The structure word, then at most this much of the same clause before the ratio
# (``三次产业结构由2015年的10:45.5:44.5调整到2019年的7.9:41.3:50.8``).
_STRUCTURE = re.compile(
    r"(?:" + "|".join(re.escape(w) for w in _WORDS) + r")(?![a-z])[^。；;!?！？\n]{0,40}$",
    re.IGNORECASE,
)
_PART = re.compile(_NUM)
SCALE = Decimal(20)  # the parts' sum within 80–120: percentages, not counts (1:2:3) or indices

_OFF = {
    "ko": "비율 {ratio}의 각 부분의 합은 {total}%로, 100%가 되어야 합니다.",
    "en": "The parts of the ratio {ratio} add up to {total}%, not 100%.",
}
_OK = {
    "ko": "비율 {ratio}의 각 부분의 합은 {total}%로, 100%와 맞습니다.",
    "en": "The parts of the ratio {ratio} add up to {total}%, as a breakdown should.",
}


def _rounding(text: str) -> Decimal:
    """Half a unit of the last digit ``text`` shows."""
    decimals = len(text.split(".")[1]) if "." in text else 0
    return Decimal(5) / Decimal(10) ** (decimals + 1)


def _of_sentence(ctx: Context, sent: Sentence) -> list[Finding]:
    out: list[Finding] = []
    for m in _RATIO.finditer(sent.text):
        if not _STRUCTURE.search(sent.text[: m.start()]):
            continue
        texts = _PART.findall(m.group(1))
        parts = [Decimal(t) for t in texts]
        total = sum(parts, Decimal(0))
        if len(parts) < 2 or max(parts) > HUNDRED or abs(total - HUNDRED) > SCALE:
            continue  # not on the scale of percentages: a ratio of counts
        slack = sum((_rounding(t) for t in texts), Decimal(0))
        off = abs(total - HUNDRED) > slack
        words = {"ratio": m.group(1), "total": pct(total)}
        line = ctx.extraction.document.line_of(sent.offsets[m.start()])
        out.append(
            Finding(
                RULE,
                Severity.ERROR if off else Severity.OK,
                ctx.say(_OFF if off else _OK, **words),
                tuple(dec(v) for v in (*parts, total)),
                (line,),
                (sent.text,),
                (),
                "shares of one whole written as a ratio (a structure word names the whole)",
            )
        )
    return out


def check(ctx: Context) -> list[Finding]:
    """Each share ratio a structure word names, against 100%."""
    out: list[Finding] = []
    for sent in ctx.extraction.layout.sentences:
        if any(c in sent.text for c in ":：∶"):
            out.extend(_of_sentence(ctx, sent))
    return out
