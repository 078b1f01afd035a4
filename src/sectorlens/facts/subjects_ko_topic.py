"""The holder of a Korean measure named by one word: the sentence's topic (``넥슨은 지난해
매출이``: 넥슨's 매출)."""

from __future__ import annotations

import re

from sectorlens.facts import lexicon as lx
from sectorlens.facts.subjects_ko import (
    ASIDE,
    KO_ADNOMINAL,
    KO_MEASURE_WORD,
    strip_particle,
    timely,
)


def held_by_topic(sentence: str, start: int, phrase: str | None) -> str | None:
    """``쌀 가공식품은 … 수출액이 1억9000만 달러로``, ``넥슨은 지난해 매출이``: a measure named
    by one word is that of the sentence's first topic (은/는) before it, where that topic is a
    name: not a time, a measure, a rank or what was said before (이는)."""
    if phrase is None:
        return phrase
    phrase = _BASIS_LEAD.sub("", phrase)  # 연결 기준 영업이익: the basis is the fact's own
    if " " in phrase:
        return phrase
    if not KO_MEASURE_WORD.search(phrase):
        return _measured_by_topic(sentence, start, phrase)
    topic = _first_topic(sentence, start, phrase)
    if topic is None:
        return phrase
    token, word = topic[0], ASIDE.sub("", topic[1])  # 총자산순이익률(ROA)은: no aside
    rest = sentence[sentence.find(token) + len(token) : start]
    named = _A_NAME.fullmatch(word) and not (
        _no_name(token, word, rest) or (_REPORTER.search(word) and _REPORTS.search(sentence))
    )
    return f"{word} {phrase}" if named else phrase


def _no_name(token: str, word: str, rest: str = "") -> bool:
    """A topic that names no holder: a time, an adverb, what was said before, a measure (unless
    a measure of its own follows it: ``녹십자는 3분기 영업이익이``), a price, a word with a
    particle still on it (뒤로는, 항목별로는)."""
    return bool(
        timely(token, word)
        or word in lx.KO_ADVERBS
        or word in _REFERS_BACK
        or (KO_MEASURE_WORD.search(word) and not _holds_a_measure(rest))
        or _PRICE.search(word)
        or strip_particle(word)[1] is not None
    )


def _holds_a_measure(rest: str) -> bool:
    """The words after a topic name a measure of it with 이/가 within three words (``3분기
    영업이익이``): the topic holds that measure, whatever its own word ends in."""
    m = _MEASURE_NEXT.match(rest)
    return m is not None and bool(KO_MEASURE_WORD.search(m.group(1)))


def _measured_by_topic(sentence: str, start: int, phrase: str) -> str:
    """``화장품 국가별 수출액은 중국이 약 28억 달러``, ``브랜드 점유율 상위는 기아(43.3%)``: a
    name is held to the measure the sentence's topic (은/는) before it names."""
    at = sentence.rfind(phrase, 0, start)
    named = _NAMED_THING.match(sentence, at + len(phrase)) and _A_NAME.fullmatch(phrase)
    if at < 0 or not named or timely(phrase, phrase) or phrase in _REFERS_BACK:
        return phrase
    topic = _first_topic(sentence, start, phrase)
    if topic is None:
        return phrase
    _, word, before = topic
    if word in _RANKED and before is not None:
        word = before  # 점유율 상위는: the measure ranked
    measured = _A_NAME.fullmatch(word) and KO_MEASURE_WORD.search(word)
    return f"{phrase} {word}" if measured and not _PRICE.search(word) else phrase


def _first_topic(sentence: str, start: int, phrase: str) -> tuple[str, str, str | None] | None:
    """The sentence's first topic (은/는) before ``start`` and before ``phrase`` itself: the
    token, its word without the particle and the token before it; or None."""
    tokens = [t.rstrip(",，") for t in sentence[:start].split()]
    for k, token in enumerate(tokens):
        if token.startswith(phrase):
            return None  # the phrase comes first
        if token[-1:] not in ("은", "는"):
            continue
        word, particle = strip_particle(token)
        if particle in ("은", "는") and not KO_ADNOMINAL.search(token):
            return token, word, tokens[k - 1] if k else None
    return None


# 연결 기준 영업이익, (별도) 기준 순이익: the basis is the fact's own (basis.py), not its measure
_BASIS_LEAD = re.compile(
    r"^(?:(?:K-?IFRS\s?)?(?:연결|별도|개별)\s?(?:재무제표\s?)?기준\s"
    r"|기준\s(?=(?:영업|당기|세전|순)?(?:이익|손실|손익|매출|실적)))"
)
_MEASURE_NEXT = re.compile(r"\s*(?:\S+\s){0,2}?([가-힣]+?)(?:이|가)(?:\s|$)")
_NAMED_THING = re.compile(r"(?:이|가)\s|\s?[(（]")  # 중국이 28억 달러; 기아(43.3%)
_RANKED = frozenset({"상위", "하위", "순위", "순서"})
# 이는, 이것은, 그중에서는, 회사는: what was said before, no holder
_REFERS_BACK = frozenset(
    {
        "이",
        "이것",
        "그것",
        "이중",
        "그중",
        "이들",
        "그",
        "이번",
        "이같은",
        "회사",
        "당사",
        "동사",
        "자사",
    }
)
# 통계청은 … 출생아수가 …라고 밝혔다: a body that reports figures, not the one they are of
_REPORTER = re.compile(
    r"(?:부|청|처|위원회|협회|연구소|연구원|인사이츠|리서치|센터|공단|재단|진흥원|거래소|"
    r"통계|기관|조사|보고서|자료|한국은행|중앙은행)$"
)
_REPORTS = re.compile(r"밝혔|발표|집계|전망|분석|예상|추정|추산|조사|따르면|설명했|내다봤")
_A_NAME = re.compile(r"[가-힣A-Za-z][가-힣A-Za-z0-9&·]+")
_PRICE = re.compile(r"(?:매매|전세|시|단|주|유|원|판매|거래|분양|공시|호)가$")


# 기아자동차도, 쌍용차 역시, 한국GM은: the name a sentence is about, before its first figure
_HOLDER = re.compile(r"(?:^|[\s,])([가-힣A-Za-z][가-힣A-Za-z0-9&·]{1,14})(?:은|는|도|\s역시)\s")
# a segment or market of the holder's sales (내수, 해외): a measure named by where it was made
_MARKET = frozenset({"내수", "해외", "국내", "수출", "시장", "내수판매", "해외판매", "국내판매"})


# 영업이익의 경우는, 그 결과는, 업계는: words a sentence is about that name no holder
_NO_HOLDER = frozenset(
    {
        "경우",
        "결과",
        "가운데",
        "이후",
        "당시",
        "최근",
        "현재",
        "한편",
        "반면",
        "특히",
        "또한",
        "업계",
    }
    | {"전체", "국내외", "나머지", "기타", "이외", "그외", "상반기", "하반기", "연간"}
)


def sentence_holder(sentence: str) -> str | None:
    """The name a Korean sentence is about (its first topic before any figure, with 은/는/도
    or 역시), where it is a name: not a time, a measure, a reporter or what was said before."""
    head = re.split(r"\d", sentence, maxsplit=1)[0]
    for m in _HOLDER.finditer(head):
        word = m.group(1)
        if (
            _no_name(word, word, sentence[m.end() :])
            or word in _MARKET
            or word in _NO_HOLDER
            or _REPORTER.search(word)
        ):
            continue
        return word
    return None


def held_by_paragraph(subject: str | None, holder: str) -> str | None:
    """A measure named without a holder (``내수판매``, ``해외 시장``, ``내수와 수출``) in a
    paragraph about ``holder``: the holder's (``한국GM 내수판매``); any other subject as it is."""
    if not subject or holder.replace(" ", "") in subject.replace(" ", ""):
        return subject
    words = subject.split(" · ")[0].split()
    if not words or len(words) > 2 or not _measure_or_market(words[-1]):
        return subject
    if len(words) == 2 and not _nameless(words[0]):
        return subject  # 삼성전자 매출: a holder of its own
    return f"{holder} {subject}"


def _measure_or_market(word: str) -> bool:
    return bool(KO_MEASURE_WORD.search(word)) or word in _MARKET


def _nameless(word: str) -> bool:
    """A word that names no holder: a measure, a market, a word with its particle, a verb."""
    return (
        _measure_or_market(word)
        or strip_particle(word)[1] is not None
        or word[-1:] in ("어", "아", "고", "며", "해", "서")
        or timely(word, word)
    )
