"""The scan guards of the period patterns: a lookahead ``(?=[…])`` on the characters a match can
start with lets the regex engine skip every other position. A guard that missed a form's first
character would silently lose that form, so the guard is checked against the pattern itself: the
characters each form can start with are derived from the parsed pattern (``re._parser``)."""

from __future__ import annotations

import importlib
import re
from typing import Any

import pytest

from pattern_proofs import FAIL, never_matches
from sectorlens.facts import context, fiscal, period_forms, period_shift, sentence_names
from sectorlens.facts import lexicon as lx
from sectorlens.facts.candidates import PERIOD, QUANTITY, YEAR_DIGITS, period_spans
from sectorlens.facts.period_forms import EXTRA
from sectorlens.facts.relative import RELATIVE

_P: Any = importlib.import_module("re._parser")
_C: Any = importlib.import_module("re._constants")
_ZERO_WIDTH = {_C.AT, _C.ASSERT, _C.ASSERT_NOT}
_CATEGORIES = {
    _C.CATEGORY_DIGIT: r"\d",
    _C.CATEGORY_NOT_DIGIT: r"\D",
    _C.CATEGORY_SPACE: r"\s",
    _C.CATEGORY_NOT_SPACE: r"\S",
    _C.CATEGORY_WORD: r"\w",
    _C.CATEGORY_NOT_WORD: r"\W",
}
GUARDED = {"PERIOD": PERIOD, "QUANTITY": QUANTITY, "EXTRA": EXTRA, "RELATIVE": RELATIVE}


def _item(text: str, flags: int) -> str:
    """One class item as a regex of its own, with the case rule in force where it was written."""
    return f"(?{'i' if flags & re.IGNORECASE else '-i'}:[{text}])"


Starts = list[tuple[str, bool]]  # (a character class, whether a word boundary comes before it)


def _first(items: list[Any], flags: int, bounded: bool = False) -> tuple[Starts, bool]:
    """The characters a match of ``items`` can start with, and whether it can be empty;
    zero-width assertions are looked through (``\b`` marks what follows as at a word start)."""
    out: Starts = []
    for op, av in items:
        if op is _C.AT and av is _C.AT_BOUNDARY:
            bounded = True
            continue
        if op in _ZERO_WIDTH:
            continue
        if op is _C.LITERAL:
            return [*out, (_item(re.escape(chr(av)), flags), bounded)], False
        if op is _C.IN:
            if any(o is _C.NEGATE for o, _ in av):
                raise AssertionError("a negated class cannot be bounded")
            for o, a in av:
                if o is _C.LITERAL:
                    text = re.escape(chr(a))
                elif o is _C.RANGE:
                    text = f"{re.escape(chr(a[0]))}-{re.escape(chr(a[1]))}"
                elif o is _C.CATEGORY:
                    text = _CATEGORIES[a]
                else:
                    raise AssertionError(f"unknown class item {o}")
                out.append((_item(text, flags), bounded))
            return out, False
        if op is _C.BRANCH:
            nullable = False
            for alt in av[1]:
                got, empty = _first(list(alt), flags, bounded)
                out += got
                nullable |= empty
            if not nullable:
                return out, False
            continue
        if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
            low, _, sub = av
            got, empty = _first(list(sub), flags, bounded)
            out += got
            if low > 0 and not empty:
                return out, False
            continue
        if op is _C.SUBPATTERN:
            _, add, remove, sub = av
            got, empty = _first(list(sub), (flags | add) & ~remove, bounded)
            out += got
            if not empty:
                return out, False
            continue
        raise AssertionError(f"cannot bound the first character of {op}")
    return out, True


def _split(pattern: re.Pattern[str]) -> tuple[list[str], str]:
    """(the guard's alternatives, the forms) of ``(?=GUARD)(?:FORMS)``."""
    text = pattern.pattern
    assert text.startswith("(?=") and text.endswith(")"), "the pattern lost its guard"
    end = text.index(")(?:")
    alternatives, depth, part = [], 0, ""
    for ch in text[3:end]:
        if ch == "|" and depth == 0:
            alternatives.append(part)
            part = ""
            continue
        depth += (ch in "[(") - (ch in "])")
        part += ch
    return [*alternatives, part], text[end + 4 : -1]


def _missed(guard: list[str], first: Starts, flags: int) -> list[str]:
    """Characters a form can start with that the guard skips: a class after ``\b`` in the guard
    only covers starts at a word boundary."""
    anywhere = "|".join(g for g in guard if not g.startswith("\\b")) or "(?!)"
    at_word = "|".join(g.removeprefix("\\b") for g in guard)
    out = set()
    for bounded, covered in ((False, anywhere), (True, at_word)):
        classes = []  # the starts as one class per case rule (one alternation would be slow)
        for rule in ("(?i:", "(?-i:"):
            body = "".join(
                c[len(rule) + 1 : -2] for c, b in first if b is bounded and c.startswith(rule)
            )
            classes += [f"{rule}[{body}])"] if body else []
        if classes:
            outside = re.sub(f"(?:{covered})", "", _EVERY, flags=flags)
            out |= set(re.findall("|".join(classes), outside))
    return sorted(out)[:20]


_EVERY = "".join(map(chr, range(0x110000)))  # every character


@pytest.mark.parametrize("name", sorted(GUARDED))
def test_guard_covers_every_first_character(name: str) -> None:
    pattern = GUARDED[name]
    guard, forms = _split(pattern)
    first, empty = _first(list(_P.parse(forms, pattern.flags)), pattern.flags)
    assert not empty, f"{name}: a form can match the empty string"
    missed = _missed(guard, first, pattern.flags)
    assert not missed, f"{name}: forms can start with {missed}, which its guard skips"


def test_guard_derivation_sees_a_missing_character() -> None:
    """The check itself can fail: a form starting with a character outside the guard."""
    forms = r"(?<!x)\b(?:ab|[cd]e)?f|\d|년도|(?-i:Z)"
    first, _ = _first(list(_P.parse(forms, re.I)), re.I)
    at_word = re.compile("|".join(c for c, b in first if b))
    assert all(at_word.fullmatch(ch) for ch in "acdfACDF") and not at_word.fullmatch("b")
    assert _missed([r"[\dZ년]", r"\b[a-f]"], first, re.I) == []
    assert _missed([r"[\d년]", r"\b[a-f]"], first, re.I) == ["Z"]
    assert _missed([r"[\dZ]", r"\b[a-f]"], first, re.I) == ["년"]
    assert _missed([r"[\dZ년]", r"\b[a-e]"], first, re.I) == ["F", "f"]
    assert _missed([r"[\dZ년a-f]"], first, re.I) == []


SENTENCES = (
    "2021년 1~7월 수출은 전년 동기 대비 12.3% 늘었고, ’21년 상반기에는 3분기 연속 증가했다.",
    "2019年前三季度，全省GDP同比增长6.7%；上半年增速比去年同期回落0.3个百分点，21年12月创新高。",
    "For the first quarter of fiscal 2024, revenue rose 11% compared with Q4 2018 and FY23.",
    "In the three months ended April 30, 2023, sales were $8.2 billion, up from last year; "
    "year-to-date orders in January-September 2018 and 1H24 over the past 10 years, 25F.",
    "매출은 약 1천282조 원, 세 가지 제품과 US$ 647.1 million,"
    " 人民币863.52亿元、五百万元 and −3.5%.",
    "Revenue rose to C$ 1.2 bn (about €900 million), up 4 percentage points; 30 deals; ₩5,000.",
)


@pytest.mark.parametrize("name", sorted(GUARDED))
def test_guard_finds_what_the_forms_find(name: str) -> None:
    pattern = GUARDED[name]
    _, forms = _split(pattern)
    bare = re.compile(forms, pattern.flags)
    for text in SENTENCES:
        got = [(m.span(), m.groupdict(), m.lastgroup) for m in pattern.finditer(text)]
        assert got == [(m.span(), m.groupdict(), m.lastgroup) for m in bare.finditer(text)]
    assert any(pattern.search(text) for text in SENTENCES)


# --- pre-filters: a text without what every form needs is not scanned at all ---------------


def test_every_period_form_needs_the_digits_of_a_year() -> None:
    """On a text without ``YEAR_DIGITS`` each of its occurrences in PERIOD fails wherever it is
    tried, as ``(?!)`` would: if PERIOD with ``(?!)`` in their place can never match, no form
    matches such a text, and ``period_spans`` may skip it."""
    assert YEAR_DIGITS in PERIOD.pattern
    assert never_matches(PERIOD.pattern.replace(YEAR_DIGITS, FAIL), PERIOD.flags)
    assert not never_matches(PERIOD.pattern, PERIOD.flags)


def test_never_matches_sees_an_optional_failure() -> None:
    """The check itself can fail: a form where the failing part is optional still matches."""
    assert never_matches(r"a(?!)|b(?:c|(?!))(?!)|(?:d(?!)){1,2}")
    assert not never_matches(r"a(?!)|b(?:(?!))?")
    assert not never_matches(r"a(?:(?!)|c)")
    assert not never_matches(r"a(?:(?!)){0,2}")


@pytest.mark.parametrize(
    "text",
    [
        "2019",  # the digits alone, at both ends of the text
        "FY2020 매출",
        "Q3 2021 revenue",
        "1999년 3분기",
        "20２１年上半年",  # \d: the last two digits may be full-width ones
        "March 1-5, 2020 and 2023년 1~7월",
        "no year: March, 3분기, 上半年, 12월 31일, 20 19, 2 019, 1899, 2100 units, ２０２１年",
        "",
    ],
)
def test_period_spans_skips_only_texts_without_a_year(text: str) -> None:
    got = [(s.start, s.end, s.text) for s in period_spans(text)]
    assert got == [(m.start(), m.end(), m.group(0)) for m in PERIOD.finditer(text)]
    assert bool(got) == (text != "" and not text.startswith("no year"))


WORDED = {
    "_PERIOD_END": (context._PERIOD_END, context.PERIOD_END_WORDS),
    "_QUARTER_BEFORE": (context._QUARTER_BEFORE, context.QUARTER_BEFORE_WORDS),
    "MONTH_BEFORE": (period_shift.MONTH_BEFORE, period_shift.MONTH_BEFORE_WORDS),
    **{
        name: (getattr(fiscal, name), fiscal.ENDED_WORDS)
        for name in (
            "_QUARTER_ENDED",
            "_YEAR_ENDED",
            "_YEAR_END_STATED",
            "_BARE_QUARTER_ENDED",
            "_QUARTER_END_STATED",
        )
    },
}


def test_every_segment_named_contains_one_of_the_segment_words() -> None:
    """``segment_name`` returns at once where none of ``SEGMENT_WORDS`` is in the sentence (as
    written: the pattern heeds case)."""
    pattern = sentence_names._SEGMENT
    assert not pattern.flags & re.IGNORECASE
    words = "|".join(map(re.escape, sentence_names.SEGMENT_WORDS))
    assert never_matches(re.sub(words, lambda _: FAIL, pattern.pattern), pattern.flags)
    assert sentence_names.segment_name("Sales in the Frozen Foods segment rose 3%.") == (
        "Frozen Foods segment"
    )
    assert sentence_names.segment_name("반도체 부문은 3% 늘었다.") == "반도체 부문"
    assert sentence_names.segment_name("Sales in the Frozen Foods Segment rose 3%.") is None


@pytest.mark.parametrize("name", sorted(WORDED))
def test_every_match_contains_one_of_the_words_tested_first(name: str) -> None:
    """The pattern with ``(?!)`` in place of each of its words (as written in it) never matches:
    a text without them is not scanned (``lx.has_any``)."""
    pattern, words = WORDED[name]
    failing = re.sub("|".join(map(re.escape, words)), lambda _: FAIL, pattern.pattern)
    assert failing != pattern.pattern
    assert never_matches(failing, pattern.flags)


def test_every_period_form_of_extra_contains_one_of_its_words() -> None:
    """EXTRA is not scanned where none of ``EXTRA_WORDS`` is in the sentence: no form can match
    without spelling one of them out (each word is needed for that)."""
    words = period_forms.EXTRA_WORDS
    assert never_matches(EXTRA.pattern, EXTRA.flags, words)
    for word in words:
        fewer = tuple(w for w in words if w != word)
        assert not never_matches(EXTRA.pattern, EXTRA.flags, fewer), word


def test_case_folding_finds_every_case_the_patterns_match() -> None:
    """``lx.has_any`` case-folds the text: every character a word's letter matches ignoring case
    must fold to that letter (not so for ``i``: ``ı`` and ``İ``; ``ſ`` folds to ``s``)."""
    every = [*WORDED.values(), (EXTRA, period_forms.EXTRA_WORDS)]
    letters = {ch for _, words in every for w in words for ch in w if ch.isascii()}
    assert "i" not in letters
    for letter in sorted(letters):
        for ch in re.findall(re.escape(letter), _EVERY, re.IGNORECASE):
            assert ch.casefold() == letter, (letter, ch)
    assert "ı".casefold() != "i" and "ſ".casefold() == "s"  # why i is left out


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("Sales fell from the LAST QUARTER.", context.QUARTER_BEFORE_WORDS, True),
        ("직전분기 대비 3% 늘었다.", context.QUARTER_BEFORE_WORDS, True),
        ("环比上季度增长3%。", context.QUARTER_BEFORE_WORDS, True),
        ("Sales fell 3% from the last period.", context.QUARTER_BEFORE_WORDS, False),
        ("At the End of the period, 5%.", context.PERIOD_END_WORDS, True),
        ("报告期末总资产5亿元。", context.PERIOD_END_WORDS, True),
        ("Assets were 5% higher.", context.PERIOD_END_WORDS, False),
        ("up from the prior MONTH", period_shift.MONTH_BEFORE_WORDS, True),
        ("전달보다 3% 늘었다.", period_shift.MONTH_BEFORE_WORDS, True),
        ("比上月增长3%。", period_shift.MONTH_BEFORE_WORDS, False),
        ("the fiscal year ENDED January 28, 2024", fiscal.ENDED_WORDS, True),
        ("fiscal 2024, which closed on January 28, 2024", fiscal.ENDED_WORDS, False),
        ("FISCAL 2024 sales", period_forms.EXTRA_WORDS, True),
        ("ſeptember 5 sales", period_forms.EXTRA_WORDS, True),  # a long s folds to s
        ("’21년 매출", period_forms.EXTRA_WORDS, True),
        ("上半年营收增长3%。", period_forms.EXTRA_WORDS, True),
        ("이 중 서울이 12.3%를 차지했다.", period_forms.EXTRA_WORDS, False),
        ("营收增长3%。", period_forms.EXTRA_WORDS, False),
        ("Revenue in Ontario rose 3% to $5 million in 2019.", period_forms.EXTRA_WORDS, False),
    ],
)
def test_has_any_at_the_boundary(text: str, words: tuple[str, ...], expected: bool) -> None:
    assert lx.has_any(text, words) is expected


def test_a_fiscal_year_end_is_read_with_and_without_the_shortcuts() -> None:
    """The statements fiscal_calendar reads are still read (each says ended or ending), and a
    document that names no fiscal year reads none from a bare quarter's end."""
    stated = "Net sales for the fourth quarter of fiscal 2024, which ended January 28, 2024, rose."
    assert fiscal.fiscal_calendar(stated) == fiscal.Fiscal(1, 0)
    bare = "Fiscal 2013 sales rose. The third quarter ended 31 July 2013 was strong."
    assert fiscal.fiscal_calendar(bare) == fiscal.Fiscal(10, 0)
    assert fiscal.fiscal_calendar("The third quarter ended 31 July 2013 was strong.") is None


def test_never_matches_sees_words_only_in_a_run_of_literals() -> None:
    """A word counts where the pattern spells it out, not across an optional part or a class."""
    assert never_matches(r"Jan(?:uary)?\s\d|(?:Q|FY)\d", re.I, ("jan", "q", "fy"))
    assert not never_matches(r"Ja(?:n)?\s\d", re.I, ("jan",))
    assert not never_matches(r"[Jj]an", 0, ("jan",))
    assert not never_matches(r"Q?\d", re.I, ("q",))
    assert never_matches(r"(?:ax|bx)+c", 0, ("a", "b"))
    assert never_matches(r"(?:a|b)+c", 0, ("a", "b"))  # the class [ab], each member a word
    assert not never_matches(r"(?:a|b)+c", 0, ("a",))
