"""Korean subjects: particles (은/는/이/가/을/를…) mark the noun phrase a number measures;
adverbs, periods and comparisons (기존, 각, 전년 대비) stand between it and the number."""

from __future__ import annotations

import re

from sectorlens.facts import lexicon as lx

_KO_PARTICLES = tuple(sorted(lx.KO_PARTICLES.split("|"), key=len, reverse=True))
_KO_CONNECTIVE = re.compile(
    r"(?:하며|이며|으며|며|하고|이고|지만|으나|는데|면서|하여|해서|하면|보면|으면|이면|라면|다면|"
    r"(?:성장|증가|감소|상승|하락|확대|축소|개선|급증|급감)해|"
    r"늘어|줄어|늘며|줄며|늘고|줄고|오르며|올라|"
    # 27% 증가했고 당기순이익은, 3.9% 늘었다가 9월: a past verb that joins two clauses
    r"(?:했|됐|었|았|였)(?:고|으며|지만|으나|는데|다가))$"  # 52.1% 성장해 2027년 2조 원
)
_KO_YEAR = re.compile(
    r"(?:19|20)\d{2}\s?(?:[~\-–]\s?(?:19|20)\d{2}\s?)?년"
    r"(?:\s?\d{1,2}\s?(?:[~\-–]\s?\d{1,2})?\s?월)?\S*"
)
_KO_ADVERBIAL = frozenset(
    {"더불어", "함께", "따라", "통해", "위해", "대비"}
    | {"비해", "이어", "달리", "반면", "인해", "의해"}
)
# 당기순이익은 기고효과로 인해 9.71% 감소: a cause's phrase ends the clause, the topic is the noun
_KO_CAUSE = re.compile(
    r"(?:로|으로)\s(?:인해|인하여|말미암아)\s?$|(?:덕분에|탓에|영향으로|여파로)\s?$"
)
# 배당지급 증가 등으로 (전년 동월): the causes listed with 등 end the clause before the number
_KO_CAUSE_ETC = re.compile(
    r"\s등으로\s(?:(?:전년|전월|작년|지난해|전분기)\s?(?:동월|동기|동분기|같은\s?기간)?\s?)?$"
)
# a word that names a measure (수출액, 보험료, 대손비용, 무역수지, 가격): a subject ending with one
# is of that measure
KO_MEASURE_WORD = re.compile(
    r"(?:액|량|률|율|규모|매출|수출|수입|실적|이익|손실|비중|판매|생산|투자|지수|가격|금|수|료|(?<!전)자|객|"
    r"비|세|값|자산|부채|출하|소비|거래|인구|가구|면적|용량|비용|손익|수지|마진|소득|지출|예산|수익|"
    r"잔액|대출|예금|가치|배당|점유율|상승폭|하락폭|오름폭|폭)$"
)
_KO_BEFORE = re.compile(r"^(?:전년|작년|지난해|전월|전분기|전기|전년\s?동기|전년동월|전주|지난달)$")
_OF_NOUN = re.compile(
    r"^(?:\s?[(（][^()（）]{0,30}[)）])?\s?의\s+([가-힣A-Za-z]{1,12}?)(?:[을를이가은는]\s|\s)"
)
# 7600만유로(1000억원) 영업손실을 기록: the measure an amount is, right after it
_MEASURE_RIGHT_AFTER = re.compile(
    r"^(?:\s?[(（][^()（）]{0,30}[)）])?\s?((?![가-힣]*(?:규모|수준|가량|가격|정도|상당|흑자|적자))[가-힣]{1,8})"
    r"(?:을|를|,|\s?및|과|와)(?=\s|$)"
)
# 19%의 (시장) 점유율로, 30%의 지분을: the measure a rate is of, named right after it
_OF_MEASURE = re.compile(
    r"^\s?의\s+((?:[가-힣]{1,6}\s)?[가-힣]{1,8}?(?:율|률|비중|비율|점유율|지분|성장|증가|감소))"
    r"(?:으로|로|을|를|이|가|은|는|에|도)?(?=[\s,.]|$)"
)
_KO_PERIOD_WORD = re.compile(
    r"^(?:\d{1,2}\s?(?:[~\-–]\s?\d{1,2}\s?)?월|[1-4]\s?분기|[1-4]Q|[상하]반기|연간|분기|한|해|"
    r"동기|동월|동분기|지난|올|올해|금년|이번|작년|지난해|전월|전달|지난달|지난주|이번주|전주|금주|\d{0,2}\s?(?:달|개월|주)간)$"
)
_KO_SAME_PERIOD = re.compile(
    r"(?:지난해|작년|전년|지난달|전월)\s?같은\s?(?:기간|달|분기)\s?(?:보다|대비|에\s?비해|에\s?비하여)"
)
# 늘어난, 증가한, 줄어든: the verb of a change, describing the amount that follows it
_KO_MOVED = re.compile(
    r"(?:늘어난|줄어든|오른|떨어진|(?:증가|감소|상승|하락|성장|확대|축소|급증|급감|개선|악화)한)$"
)
# 93% 늘어난 1조5천660억 원의 영업이익을: the measure of the amount a rate moved
_RATE_OF_AMOUNT = re.compile(
    r"^\s?(?:늘어난|줄어든|오른|떨어진|(?:증가|감소|상승|하락|성장|급증|급감)한)\s+"
    rf"[\d.,]+(?:\s?[\d.,조억만천백]+)*\s?(?:{lx.CURRENCY_WORDS})?\s?의\s+"
    r"([가-힣A-Za-z]{1,12}?)(?:[을를이가은는](?=[\s,.]|$)|(?=[\s,.]|$))"
)
# 512만, 1282조7736억: a number, its units written between its digits
_KO_NUMBER = re.compile(r"^[약총]?[\d.,]+(?:\s?[만억조천백]\s?[\d.,]*)*$")
_KO_BARE_YEAR = re.compile(r"^[1-9]\d년(?:에는|엔|말|초)?$")
_KO_SPAN = re.compile(r"^(?:\d{1,3}\s?(?:년|개월|분기|달|주|일)|한\s?해|1년)$")
_KO_COMPARED = re.compile(r"\S(?:대비|보다|比)$")
_LIST_MARK = re.compile(r"^(?:\d{1,2}[.)]|[①-⑳]|[•·▪○●■□※-])$")

# 이/은/을/과 follow a syllable with a final consonant, 가/는/를/와 one without: 상하이 is a
# name, not 상하 + 이; 광둥이 is 광둥 + 이.
_AFTER_CONSONANT = frozenset({"이", "은", "을", "과", "으로", "이나", "이며", "이고"})
_AFTER_VOWEL = frozenset({"가", "는", "를", "와", "나"})


def _batchim(syllable: str) -> int | None:
    code = ord(syllable) - 0xAC00
    return code % 28 if 0 <= code < 11172 else None


def strip_particle(token: str) -> tuple[str, str | None]:
    """A Korean word and the particle attached to it (None when there is none)."""
    for particle in _KO_PARTICLES:
        if not token.endswith(particle) or len(token) <= len(particle):
            continue
        stem = token[: -len(particle)]
        final = _batchim(stem[-1])
        if final is not None:
            if particle in _AFTER_CONSONANT and final == 0:
                continue
            if particle in _AFTER_VOWEL and final != 0:
                continue
            if particle == "로" and final not in (0, 8):  # 로 after a vowel or ㄹ
                continue
        return stem, particle
    return token, None


def ko_phrase(text: str, *, trailing: bool = True) -> str | None:
    """The noun phrase ending ``text``: particles stripped, adverbs and years dropped."""
    text = _KO_SAME_PERIOD.sub(" ", text)  # 지난해 같은 기간보다: the comparison, no noun
    tokens = [t for t in _KO_YEAR.sub(" ", text).split() if not _LIST_MARK.match(t)]
    words: list[str] = []
    skip = dropped = skip_span = False
    for k in range(len(tokens) - 1, -1, -1):
        token = tokens[k]
        if skip:
            # 1년 전보다, 전년 동기 대비: the whole comparison goes, up to the word before it
            skip = k > 0 and bool(_KO_SPAN.match(tokens[k - 1]) or _KO_BEFORE.match(tokens[k - 1]))
            continue
        if dropped:
            dropped = False
            if _KO_NUMBER.match(token):
                continue
        if token in _KO_PARTICLES and words:
            break  # 95.2%로 목표치인 90%: 로 is the particle of the number before
        if not words and k and _KO_NUMBER.match(tokens[k - 1]):
            dropped = True
            continue  # 512만 tCO2eq로 전년 대비: the unit of a number that is no fact here
        if not words and _KO_BARE_YEAR.match(token):
            continue  # 93년 6천15억달러: the amount's year (period_forms), not its noun
        if not words and token in lx.KO_NOT_THE_NOUN:
            continue  # 시장 규모는 연평균 52.1%, 2022년 기준 12조: an adverb or a basis, no noun
        if trailing and _KO_CONNECTIVE.search(token) and len(token) >= 2:
            break
        if not words and token in _KO_PARTICLES:
            if k == 0:
                return None  # 6,000원으로 20%: the particle of the number before, no noun
            continue  # 출하량(shipments)은: the particle of the word before the aside
        if not words and _KO_COMPARED.search(token):
            skip = k > 0 and bool(_KO_SPAN.match(tokens[k - 1]))
            continue  # 설비투자는 작년대비 +12.4%: a comparison, not the noun
        compared = (
            token in ("대비", "비해", "보다", "대비로", "대비로도", "대비해")
            and k
            and (_KO_BEFORE.match(tokens[k - 1]) or tokens[k - 1] in ("동기", "동월", "동분기"))
        )
        if not words and compared:
            skip = True  # 배출량을 전년 대비 4.2%: the period compared with, not the noun
            continue
        if _BY_KIND.search(token):
            if words:
                break  # 업종별로는 금융보험업(297억 달러): how the list is cut, no part of a name
            continue
        if k and token in _STREAK and _KO_SPAN.match(tokens[k - 1]):
            skip_span = True  # 3년 연속 7000만톤을, 최근 5년 동안 83%대: a streak, no noun
            continue
        if skip_span:
            skip_span = False
            continue
        word, particle = strip_particle(token)
        if timely(token, word):
            if words and not _owner_before(tokens, k):
                break
            continue  # SK하이닉스의 상반기 영업이익: the owner named before the period goes on
        if not words and word == "경우" and k and tokens[k - 1].endswith("의"):
            continue  # 영업이익의 경우는: in the case of 영업이익, the noun before
        if not words and word in _KO_ADVERBIAL:
            return None  # 과정과 더불어: no noun phrase ends here
        if words and particle in ("을", "를") and words[-1] in _KO_EXCLUDING:
            # 삼성전자(12.26%)를 제외한 상장사들의 매출액: the whole without 삼성전자
            if ")" in word and "(" not in word:  # 한국전력공사(매출액 비중 2.53%)를: its name
                word = next((t for t in reversed(tokens[:k]) if "(" in t), word)
            owner = ASIDE.sub("", word).strip()
            if owner:
                words[-1] = "제외"
                words.append(owner)
            break
        if words and token in _TAKES and k:
            owner, its = strip_particle(tokens[k - 1])
            if its in ("이", "가") and owner:
                words.append(owner)  # 전문의약품이 차지하는 비중: 전문의약품 비중
            break
        if words and particle not in (None, "의", "와", "과"):
            break
        words.append(token if particle in ("의", "와", "과") and words else word)
        if len(words) >= 6:
            break
    phrase = " ".join(reversed(words)).strip(" ·‧-")
    return phrase or None


_BY_KIND = re.compile(r"별로(?:는|도)?$")
# 3년 연속, 5년 동안, 10년간: how long, after the span it counts
_STREAK = frozenset({"연속", "연속으로", "째", "연속해", "동안", "동안에", "사이", "사이에"})
_TAKES = frozenset({"차지하는", "차지한", "차지했던", "차지하던"})
_KO_EXCLUDING = frozenset({"뺀", "제외한", "빼면", "제외하면", "제외하고", "제외할"})
ASIDE = re.compile(r"[(（][^()（）]*[)）]?$|[(（][^()（）]*[)）]")


# 삼성전자(12.26%)를 제외한: the name before an aside and the particle of an exclusion
_EXCLUDED_NAME = re.compile(
    r"([가-힣A-Za-z0-9&]+)\s?(?:[(（][^()（）]*[)）])?\s?[을를]\s(?:뺀|제외한|빼면|제외하면|제외하고)\s"
)


def _excluded(phrase: str | None, before: str) -> str | None:
    """``제외한 상장사들의 매출액`` whose clause began after an aside: the name excluded, from the
    sentence before the clause (``삼성전자 제외 상장사들의 매출액``)."""
    if phrase is None or phrase.split()[0] not in _KO_EXCLUDING:
        return phrase
    found = list(_EXCLUDED_NAME.finditer(before))
    if not found:
        return phrase
    return " ".join([found[-1].group(1), "제외", *phrase.split()[1:]])


def timely(token: str, word: str) -> bool:
    """An adverb or a period word (올해, 상반기) between a noun and its owner."""
    return token in lx.KO_ADVERBS or word in lx.KO_ADVERBS or bool(_KO_PERIOD_WORD.match(word))


def _owner_before(tokens: list[str], k: int) -> bool:
    """The words before ``tokens[k]``, past at most one more adverb or period word, name an owner
    (``삼성전자의 올해 상반기``)."""
    for j in (k - 1, k - 2):
        if j < 0:
            return False
        word, particle = strip_particle(tokens[j])
        if particle == "의" and not timely(tokens[j], word):
            return True
        if not timely(tokens[j], word):
            return False
    return False


def _ko_following_noun(text: str) -> str | None:
    """``의 투자 및 융자 건수가 …`` → ``투자 및 융자 건수`` (the noun a count counts)."""
    words: list[str] = []
    for token in text.split()[:5]:
        clean = token.rstrip(",.")
        word, particle = strip_particle(clean)
        words.append(word)
        if particle is not None or clean != token:
            break
    return " ".join(words) or None


# 전체의 약 N%, A 중 N%: the whole before; A의 N%를 B가 차지, A 중 N%가 B이다: the part after
_OF_WHOLE_END = re.compile(r"(?:의|\s+중)\s*(?:약\s*)?$")
_TAKEN_BY = re.compile(r"^\s?[를을]\s+(.{1,30}?)[이가]\s+차지")
_IS_OF = re.compile(r"^[가이]\s+(.{1,24}?)(?:이다|였다|이며|이고)")
_KO_WORD_AFTER = re.compile(r"^\s([가-힣]+)(?=[\s,.])")


def subject_ko(
    sentence: str, start: int, end: int, kind: str, clause: str
) -> tuple[str | None, str | None]:
    """(subject, base) of the Korean quantity at ``sentence[start:end]``; ``clause`` is the text
    before it since the last clause boundary."""
    after = sentence[end:]
    base = None
    if kind == "percent":
        mb = _OF_WHOLE_END.search(clause)
        if mb:
            head = clause[: mb.start()]
            base = ko_phrase(head)
            words = head.split()
            clause = " ".join(words[: len(words) - len(base.split())]) if base else head
        # A의 N%를 B가 차지 / A 중 N%가 B이다: the subject comes after the number.
        m = _TAKEN_BY.match(after)
        if m is None and base is not None:
            m = _IS_OF.match(after)
        if m:
            return ko_phrase(m.group(1)), base
    if kind == "percent" and (m := _OF_MEASURE.match(after)):
        # 비보는 19%의 시장 점유율로 1위: the 점유율 of 비보
        who = ko_phrase(clause)
        return (f"{who} {m.group(1)}" if who else m.group(1)), base
    if kind == "count":
        if after.startswith("의 "):
            return _ko_following_noun(after[2:]), None
        m = _KO_WORD_AFTER.match(after)
        if m:
            word, particle = strip_particle(m.group(1))
            if particle is not None:
                return word, None
    if kind == "percent" and (m := _RATE_OF_AMOUNT.match(after)):
        # 지난해보다 93% 늘어난 1조5천억 원의 영업이익: the rate of the 영업이익 named after
        who = ko_phrase(clause)
        return (f"{who} {m.group(1)}" if who else m.group(1)), base
    if kind == "money":
        of = _OF_NOUN.match(after)
        m = of or _measure_right_after(after)
        who = ko_phrase(clause) if m else None
        if who is not None and (_KO_MOVED.search(who) or _modifies_number(who, clause)):
            who = None  # 93% 늘어난 1조 원의 영업이익: a verb, not the one who earned it
        if m and not of and who is None:  # 노키아는 …매출, 7600만유로 손실을: the topic's
            who = ko_topic(clause_start_text(sentence, start))
        if m and (of or who):  # 오픈AI는 66억 달러의 투자를 유치했다: the amount of 투자
            return (f"{who} {m.group(1)}" if who else m.group(1)), base
    phrase = _excluded(ko_phrase(clause), sentence[:start])
    if phrase is not None and _modifies_number(phrase, clause):
        # 전달과 비슷한 11억 달러, 12조원 많은 92조원: a relative clause describes the number;
        # its noun is the sentence's topic (은/는), else unknown
        phrase = ko_topic(clause_start_text(sentence, start))
    if phrase is not None and _KO_CAUSE_ETC.search(clause):
        phrase = None  # 적자규모는 배당지급 증가 등으로 전년 동월 49억: a cause, not the noun
    cause = phrase is None and bool(_KO_CAUSE.search(clause) or _KO_CAUSE_ETC.search(clause))
    if phrase is None and (kind != "percent" or base is not None or cause):
        before = clause_start_text(sentence, start)
        phrase = _moved_subject(before) or ko_topic(before)
    return phrase, base


# The adnominal ending of a predicate (비슷한, 전망한, 최대였던, 않는, 많은, 최대인): a relative
# clause that describes the noun after it, here the number.
KO_ADNOMINAL = re.compile(
    r"(?:[가-힣]{2,}(?:한|된|던)|[가-힣]*(?:않|없|있|하|되)는|(?:많|적|높|낮|작|같|넓|좁)은|큰|"
    r"(?:최대|최고|최저|최소|최다|수준|규모)인)$"
)


def _modifies_number(phrase: str, clause: str) -> bool:
    """The phrase before a number ends with a predicate in its adnominal form (the token as
    written, before a particle is stripped: 많은, not 많)."""
    last = phrase.split()[-1]
    tokens = [t.rstrip(",.") for t in clause.split()]
    token = next((t for t in reversed(tokens) if t.startswith(last)), last)
    return bool(KO_ADNOMINAL.search(token)) and not _KO_MOVED.search(token)


def _moved_subject(text: str) -> str | None:
    """``CEO스코어는 … 매출액이 지난해 1282조 원에서 올해 1641조 원으로``: the noun marked as the
    clause's subject (이/가) or topic (은/는) with only periods and numbers (a value moved from)
    between it and the number; None where a predicate or another noun stands between."""
    tokens = [t.rstrip(",，") for t in text.split()]
    for k in range(len(tokens) - 1, -1, -1):
        token = tokens[k]
        word, particle = strip_particle(token)
        after_number = k > 0 and bool(_KO_NUMBER.match(tokens[k - 1])) and len(word) <= 2
        rate = bool(re.fullmatch(r"[(（]?[\d.,]+%p?[(（]?", token))  # 27.9%(358조 원)
        if _KO_NUMBER.match(token) or rate or after_number or timely(token, word):
            continue  # 지난해 1282조 원에서 올해: what the value moved from, and when
        if particle in ("이", "가", "은", "는") and not KO_ADNOMINAL.search(token):
            return ko_phrase(" ".join(tokens[: k + 1]))
        return None
    return None


def said_subject(text: str) -> str | None:
    """The noun a Korean sentence of words only is about: its first subject or topic (이/가/은/
    는), without the relative clauses before it (``스마트폰을 활용한 모바일쇼핑 거래액이
    두드러졌다`` → ``모바일쇼핑 거래액``); None where it has none."""
    tokens = [t.rstrip(",，") for t in text.split()]
    for k, token in enumerate(tokens):
        word, particle = strip_particle(token)
        if particle not in ("이", "가", "은", "는") or KO_ADNOMINAL.search(token):
            continue
        if timely(token, word) or word in lx.KO_ADVERBS:
            return None  # 올해는 …: a time is no subject
        phrase = ko_phrase(" ".join(tokens[: k + 1]))
        words = (phrase or "").split()
        while words and KO_ADNOMINAL.search(words[0]):
            words.pop(0)
        return " ".join(words) or None
    return None


def of_measure(after: str) -> str | None:
    """The measure named right after a rate (``의 시장 점유율로`` → ``시장 점유율``), or None."""
    m = _OF_MEASURE.match(after)
    return m.group(1) if m else None


def clause_start_text(sentence: str, start: int) -> str:
    """The sentence before ``start`` (where a topic marked with 은/는 is looked for)."""
    return sentence[:start]


def ko_topic(text: str) -> str | None:
    """``생산량은 …, 전체 매출의 65%``: the topic (은/는) a clause without a noun is about."""
    tokens = text.split()
    for k in range(len(tokens) - 1, -1, -1):
        token = tokens[k].rstrip(",，")
        word, particle = strip_particle(token)
        if KO_ADNOMINAL.search(token):
            continue  # 12조원 많은 92조원: 많은 describes, it is no topic marked with 은
        if particle in ("은", "는") and word not in lx.KO_ADVERBS:
            return ko_phrase(" ".join(tokens[: k + 1]))
    return None


def _measure_right_after(after: str) -> re.Match[str] | None:
    """The measure named right after an amount (``7600만유로 영업손실을``), or None."""
    m = _MEASURE_RIGHT_AFTER.match(after)
    return m if m and KO_MEASURE_WORD.search(m.group(1)) else None
