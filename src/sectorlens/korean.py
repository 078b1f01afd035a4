"""Korean particles chosen by the final sound of what precedes them (numbers read aloud).

``josa("4,796건", "으로/로")`` → ``4,796건으로``; ``josa("7%", "으로/로")`` → ``7%로`` (퍼센트);
``josa("335건(2018년)", "과/와")`` → ``335건(2018년)과`` (a bracket is skipped to the word
before it). ``resolve`` fills ``이(가)``-style markers inside a finished sentence, and
``particle_errors`` finds a number or unit followed by a particle that disagrees with its sound.
This module imports nothing of sectorlens: the report, the dashboard and ``check`` all use it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# How a digit is read (영 일 이 삼 사 오 육 칠 팔 구): final consonant?, is it ㄹ?
_DIGIT: dict[str, tuple[bool, bool]] = {
    "0": (True, False), "1": (True, True), "2": (False, False), "3": (True, False),
    "4": (False, False), "5": (False, False), "6": (True, False), "7": (True, True),
    "8": (True, True), "9": (False, False),
}  # fmt: skip
# A number ending in n zeros is read with the unit of 10^n: 십 백 천 만 … 억 … 조 … 경.
_ZEROS: tuple[tuple[int, tuple[bool, bool]], ...] = (
    (16, (True, False)),  # 경
    (12, (False, False)),  # 조
    (8, (True, False)),  # 억
    (4, (True, False)),  # 만
    (3, (True, False)),  # 천
    (2, (True, False)),  # 백
    (1, (True, False)),  # 십
)
# Letter names as Koreans say them in acronyms (AI 에이아이, LLM 엘엘엠, R&D 알앤디).
_LETTER_FINAL = {"L": (True, True), "M": (True, False), "N": (True, False), "R": (True, True)}
_TRAILING = " \t'\"”’·*.,;:"
_OPEN = {")": "(", "]": "[", "}": "{", "）": "（"}
_SYMBOLS: dict[str, tuple[bool, bool]] = {
    "%": (False, False),  # 퍼센트
    "×": (False, False),  # 배
    "‰": (False, False),  # 퍼밀
    "$": (False, False),  # 달러
    "€": (False, False),  # 유로
    "¥": (True, False),  # 엔/위안
    "₩": (True, False),  # 원
}

PAIRS = ("은/는", "이/가", "을/를", "과/와", "으로/로", "이나/나", "이며/며", "이고/고", "이라/라")
_MARKERS = {
    "은(는)": "은/는",
    "이(가)": "이/가",
    "을(를)": "을/를",
    "과(와)": "과/와",
    "(으)로": "으로/로",
}
_MARKER = re.compile("|".join(re.escape(m) for m in _MARKERS))


@dataclass(frozen=True, slots=True)
class Sound:
    """The final sound of a word: ``final`` (a closing consonant), ``rieul`` (that is ㄹ)."""

    final: bool
    rieul: bool = False


def _strip(text: str) -> str:
    """``text`` without trailing spaces and quotes, and without a trailing bracketed part."""
    text = text.rstrip(_TRAILING)
    while text and text[-1] in _OPEN:
        depth, opener, closer = 0, _OPEN[text[-1]], text[-1]
        for i in range(len(text) - 1, -1, -1):
            if text[i] == closer:
                depth += 1
            elif text[i] == opener:
                depth -= 1
                if depth == 0:
                    break
        else:
            return text[:-1].rstrip(_TRAILING)  # unbalanced: drop the bracket only
        if not text[:i].strip():
            return text[i + 1 : -1].rstrip(_TRAILING)  # all bracketed: read what is inside
        text = text[:i].rstrip(_TRAILING)
    return text


def _number_sound(digits: str) -> Sound:
    """The final sound of a written number: ``4,796`` 육, ``20`` 이십, ``1,000`` 천, ``2.5`` 오."""
    plain = digits.replace(",", "")
    if "." in plain:
        return Sound(*_DIGIT[plain[-1]])
    zeros = len(plain) - len(plain.rstrip("0"))
    if zeros == len(plain):
        return Sound(*_DIGIT["0"])
    for n, sound in _ZEROS:
        if zeros >= n:
            return Sound(*sound)
    return Sound(*_DIGIT[plain[-1]])


_NUMBER_END = re.compile(r"\d[\d,]*(?:\.\d+)?$")
_LATIN_END = re.compile(r"[A-Za-z]+$")


def final_sound(word: str) -> Sound | None:
    """How ``word`` ends when read aloud, or None when that cannot be told (e.g. Hanzi)."""
    text = _strip(str(word))
    if not text:
        return None
    last = text[-1]
    if "가" <= last <= "힣":
        final = (ord(last) - 0xAC00) % 28
        return Sound(final != 0, final == 8)
    if text.endswith("%p"):
        return Sound(False)  # 퍼센트포인트
    if last in _SYMBOLS:
        return Sound(*_SYMBOLS[last])
    if m := _NUMBER_END.search(text):
        return _number_sound(m.group(0))
    if m := _LATIN_END.search(text):
        return _latin_sound(m.group(0))
    return None


def _latin_sound(word: str) -> Sound:
    """Acronyms by their letter names (``AI`` 아이, ``LLM`` 엠); words by their last sounds."""
    if word.isupper() and len(word) <= 6:
        return Sound(*_LETTER_FINAL.get(word[-1], (False, False)))
    low = word.lower()
    if low.endswith(("m", "n", "ng")):
        return Sound(True)
    if low.endswith("l"):
        return Sound(True, True)
    if low.endswith(("ook", "ck")):
        return Sound(True)  # 북, 팩
    return Sound(False)  # -er 어, -t 트, -k 크, -p 프, vowels


def particle(word: str, pair: str) -> str:
    """The form of ``pair`` (``은/는``, ``으로/로`` …) that follows ``word``."""
    with_final, without = pair.split("/")
    sound = final_sound(word)
    if sound is None:
        if with_final == "으로":
            return "(으)로"
        return f"{with_final}({without})"
    if with_final == "으로":
        return "으로" if sound.final and not sound.rieul else "로"
    return with_final if sound.final else without


def josa(word: object, pair: str) -> str:
    """``word`` followed by the right form of ``pair``: ``josa("4,796건", "으로/로")``."""
    return f"{word}{particle(str(word), pair)}"


def resolve(text: str) -> str:
    """Fill the ``이(가)``, ``은(는)``, ``을(를)``, ``과(와)``, ``(으)로`` markers of ``text``."""

    def pick(m: re.Match[str]) -> str:
        before = text[: m.start()]
        if not before or before[-1].isspace():
            return m.group(0)
        return particle(before, _MARKERS[m.group(0)])

    return _MARKER.sub(pick, text)


# A number (with its attached unit, and after 만/억/조 one spaced word such as a currency),
# maybe a bracketed remark, then a particle that ends the word.
_CHECKED = re.compile(
    r"(?<![\d,.])(?P<head>\d[\d,]*(?:\.\d+)?(?:%p|[%×]|[가-힣]{0,3}(?<=[만억조천])(?: [가-힣]{1,4})"
    r"|[가-힣]{0,3}?))(?P<paren>\([^()]*\))?"
    r"(?P<p>으로|로|은|는|이|가|을|를|과|와)(?=[\s,.;:)\]]|$)"
)


def particle_errors(text: str) -> list[str]:
    """Every ``number[unit](…)particle`` of ``text`` whose particle disagrees with its sound."""
    out = []
    for m in _CHECKED.finditer(text):
        head, got = m.group("head"), m.group("p")
        pair = next(p for p in PAIRS if got in p.split("/"))
        if got == "로" and text[max(m.start("p") - 1, 0)] == "으":
            continue
        want = particle(head, pair)
        if "(" in want:
            continue
        if want != got:
            out.append(f"{m.group(0)!r}: {head} takes {want}, not {got}")
    return out


__all__ = ["PAIRS", "Sound", "final_sound", "josa", "particle", "particle_errors", "resolve"]
