"""The label a number belongs to (its subject) and the whole a share is taken of (its base)."""

from __future__ import annotations

import re

from sectorlens.facts import lexicon as lx
from sectorlens.facts import subjects_en as en
from sectorlens.facts.subjects_zh import (
    LIST_SEP,
    PAREN,
    VALUE_SEP,
    ZH_ACHIEVED,
    ZH_ADVERB,
    ZH_DATE_LEAD,
    ZH_HEAD,
    ZH_MEASURE,
    ZH_NO_NOUN,
    ZH_TAIL,
    ZH_VERB_TAIL,
    ZH_YEAR,
    zh_listed,
    zh_respective,
    zh_topic,
)

_BOUNDARY = re.compile(r"[,，、;；:：()（）\[\]「」『』“”\"‘’\t•]")
_KO_PARTICLES = tuple(sorted(lx.KO_PARTICLES.split("|"), key=len, reverse=True))
_KO_CONNECTIVE = re.compile(
    r"(?:하며|이며|으며|며|하고|이고|지만|으나|는데|면서|하여|해서|하면|보면|으면|이면|라면|다면)$"
)
_KO_YEAR = re.compile(
    r"(?:19|20)\d{2}\s?(?:[~\-–]\s?(?:19|20)\d{2}\s?)?년"
    r"(?:\s?\d{1,2}\s?(?:[~\-–]\s?\d{1,2})?\s?월)?\S*"
)
_RESPECTIVELY = re.compile(r"각각|分别|分別|respectively", re.I)
_KO_ADVERBIAL = frozenset(
    ["더불어", "함께", "따라", "통해", "위해", "대비", "비해", "이어", "달리", "반면"]
)
_DASH_ASIDE = re.compile(r"\s(?:--|—)\s[^\d]{1,120}?\s(?:--|—)\s")
_KO_BEFORE = re.compile(r"^(?:전년|작년|지난해|전월|전분기|전기|전년\s?동기|전년동월|전주|지난달)$")
_KO_COMPARED = re.compile(r"\S(?:대비|보다|比)$")
_LIST_MARK = re.compile(r"^(?:\d{1,2}[.)]|[①-⑳]|[•·▪○●■□※-])$")
_PERCENT_MEASURES = tuple(sorted(lx.MEASURE_SUFFIX_PERCENT, key=len, reverse=True))

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


def _clause_before(sentence: str, start: int, floor: int) -> str:
    """Text between the last clause boundary (or ``floor``) and ``start``; asides blanked."""
    text = PAREN.sub(lambda m: " " * len(m.group(0)), sentence[floor:start])
    text = _DASH_ASIDE.sub(lambda m: " " * len(m.group(0)), text)  # float -- money we … -- funds
    cut = 0
    for m in _BOUNDARY.finditer(text):
        cut = m.end()
    return text[cut:]


def ko_phrase(text: str, *, trailing: bool = True) -> str | None:
    """The noun phrase ending ``text``: particles stripped, adverbs and years dropped."""
    tokens = [t for t in _KO_YEAR.sub(" ", text).split() if not _LIST_MARK.match(t)]
    words: list[str] = []
    skip = False
    for k in range(len(tokens) - 1, -1, -1):
        token = tokens[k]
        if skip:
            skip = False
            continue
        if trailing and _KO_CONNECTIVE.search(token) and len(token) >= 2:
            break
        if not words and token in _KO_PARTICLES:
            if k == 0:
                return None  # 260,000원으로 8%: the particle of the number before, no noun
            continue  # B/G(Bit growth)는: the particle of the word before the aside
        if not words and _KO_COMPARED.search(token):
            continue  # Capex는 작년대비 +48.3%: a comparison, not the noun
        compared = token in ("대비", "비해", "보다") and k and _KO_BEFORE.match(tokens[k - 1])
        if not words and compared:
            skip = True  # 배출량을 전년 대비 4.2%: the period compared with, not the noun
            continue
        word, particle = strip_particle(token)
        if token in lx.KO_ADVERBS or word in lx.KO_ADVERBS:
            if words:
                break
            continue
        if not words and word in _KO_ADVERBIAL:
            return None  # 과정과 더불어: no noun phrase ends here
        if words and particle not in (None, "의", "와", "과"):
            break
        words.append(token if particle in ("의", "와", "과") and words else word)
        if len(words) >= 6:
            break
    phrase = " ".join(reversed(words)).strip(" ·‧-")
    return phrase or None


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


def subject_ko(
    sentence: str, start: int, end: int, floor: int, kind: str
) -> tuple[str | None, str | None]:
    """(subject, base) of the Korean quantity at ``sentence[start:end]``."""
    after = sentence[end:]
    clause = _clause_before(sentence, start, floor)
    base = None
    if kind == "percent":
        mb = re.search(r"(?:의|\s+중)\s*(?:약\s*)?$", clause)
        if mb:
            head = clause[: mb.start()]
            base = ko_phrase(head)
            words = head.split()
            clause = " ".join(words[: len(words) - len(base.split())]) if base else head
        # A의 N%를 B가 차지 / A 중 N%가 B이다: the subject comes after the number.
        m = re.match(r"^\s?[를을]\s+(.{1,30}?)[이가]\s+차지", after)
        if m is None and base is not None:
            m = re.match(r"^[가이]\s+(.{1,24}?)(?:이다|였다|이며|이고)", after)
        if m:
            return ko_phrase(m.group(1)), base
    if kind == "count":
        if after.startswith("의 "):
            return _ko_following_noun(after[2:]), None
        m = re.match(r"^\s([가-힣]+)(?=[\s,.])", after)
        if m:
            word, particle = strip_particle(m.group(1))
            if particle is not None:
                return word, None
    return ko_phrase(clause), base


def subject_zh(sentence: str, start: int, floor: int) -> tuple[str | None, str | None]:
    """(subject, base) of the Chinese quantity starting at ``start``."""
    clause = re.sub(r"\s{2,}", "", ZH_YEAR.sub("", _clause_before(sentence, start, floor)))
    base = None
    mb = re.search(r"占(?!比)(.{1,20}?)的\s*$", clause)  # 占全国的 (not 占比由…的)
    if mb:
        base = mb.group(1)
        clause = clause[: mb.start()]
    clause = ZH_TAIL.sub("", ZH_HEAD.sub("", ZH_TAIL.sub("", clause.strip())).strip())
    clause = ZH_ADVERB.sub("", ZH_DATE_LEAD.sub("", clause))  # 合计占比; 5 月销量
    clause = ZH_VERB_TAIL.sub("", clause)  # 汽车产销分别完成: the verb is no part of the name
    clause = re.sub(r"(?<=..)(?:由|从)$", "", clause)  # 投资额由2010年的30亿元
    done = ZH_ACHIEVED.search(clause)
    if done and done.end() < len(clause):
        # 公司实现营业收入11.2亿元: the object is the metric, the one who achieved it the entity
        who = clause[: done.start()].strip()
        clause = (who if len(who) >= 2 else "") + clause[done.end() :]
    if ZH_NO_NOUN.fullmatch(clause):
        clause = ""  # 有望恢复 3.3%, 由2008年的…: a verb or a preposition, no noun
    if not clause or ZH_MEASURE.fullmatch(clause):
        # 进口量逐年上升，由2008年的1353.8亿块…; 中国台湾和韩国为主要进口区域，合计占比为57.5%:
        # the clause names nothing (or only a measure) — its topic is the clause before it
        topic = zh_topic(sentence, start, floor)
        if topic:
            return topic + clause, base
    return (clause[-16:].strip() or None), base


def respectively(sentence: str, spans: list[tuple[int, int]]) -> dict[int, str]:
    """Subjects for quantities listed with 分别/각각/respectively: index in ``spans`` → label.

    Each marker pairs its own list of values (``市场规模分别为…，市场份额分别为…``) with the list
    of names before it; a measure named between the names and the marker joins each name
    (``集成电路 市场规模``).
    """
    marks = list(_RESPECTIVELY.finditer(sentence))
    out: dict[int, str] = zh_listed(sentence, spans) if lx.language(sentence) == "zh" else {}
    for k, m in enumerate(marks):
        stop = marks[k + 1].start() if k + 1 < len(marks) else len(sentence)
        floor = marks[k - 1].end() if k else 0
        out.update(_respectively_at(sentence, spans, m, floor, stop))
    return out


def _respectively_at(
    sentence: str, spans: list[tuple[int, int]], m: re.Match[str], floor: int, stop: int
) -> dict[int, str]:
    lang = lx.language(sentence)
    if m.group(0).lower() == "respectively":
        listed = [i for i, (s, _) in enumerate(spans) if floor <= s < m.start()]
        head = sentence[: spans[listed[0]][0]] if listed else ""
    else:
        listed = _value_list(sentence, spans, m.end(), stop)
        if lang == "zh":
            return zh_respective(sentence, spans, listed, m.start(), m.end())
        before = [e for s, e in spans if e <= m.start()]
        head = sentence[max(before, default=0) : m.start()]
    # 分为A、B、C和D，市场份额分别为…: the list is the clause that lists, not the last one.
    clauses = [c for c in re.split(r"[，;；]", head) if c.strip()]
    for clause in reversed(clauses):
        if len(LIST_SEP.findall(clause)) >= len(listed) - 1:
            head = clause
            break
    items = [x.strip() for x in LIST_SEP.split(head) if x.strip()]
    if len(listed) < 2 or len(items) < len(listed):
        return {}
    items = items[-len(listed) :]
    years = [bool(re.search(r"(?:19|20)\d{2}", item)) for item in items]
    if all(years) or (lang == "en" and any(years)):
        return {}  # …2022 and December 25, 2021, … respectively: the list is of periods
    labels = []
    for n, item in enumerate(items):
        if lang == "ko":
            label = ko_phrase(item) or item
        else:
            words = en.en_words(item) if n == len(items) - 1 else item.split()
            label = " ".join(words[-3:])
        if n == 0:
            label = " ".join(label.split()[-3:])
        labels.append(label)
    if not all(labels):
        return {}
    return dict(zip(listed, labels, strict=True))


def _value_list(sentence: str, spans: list[tuple[int, int]], begin: int, stop: int) -> list[int]:
    """The values listed right after a marker (分别为A、B和C), up to ``stop`` or a clause's end."""
    listed: list[int] = []
    for i, (s, _e) in enumerate(spans):
        if s < begin or s >= stop:
            continue
        gap = sentence[spans[listed[-1]][1] if listed else begin : s]
        if listed and not VALUE_SEP.fullmatch(gap):
            break
        if not listed and len(gap) > 12:
            break
        listed.append(i)
    return listed


def with_entity(subject: str | None, section: str | None, sentence: str = "") -> str | None:
    """``销量`` under ``比亚迪销售情况 / 5 月数据`` → ``销量 · 比亚迪销售情况``: the sentence's lead
    (``At GEICO, …``), else the heading or list item a fact sits under, names the entity the
    subject leaves unnamed (dated, long or already named parts skipped)."""
    if not subject:
        return subject
    have = re.sub(r"\s+", "", subject).lower()
    named = en.lead_name(sentence)
    if named and named.replace(" ", "").lower() not in have:
        return f"{subject} · {named}"  # At GEICO, we spent …: the sentence names its entity
    parts = []
    for part in (section or "").split(" / "):
        part = part.strip(" *#")
        key = re.sub(r"\s+", "", part).lower()
        if len(key) < 2 or len(part) > 12 or len(part.split()) > 3 or key in have:
            continue  # a title (중국 AI 산업의 투자 규모와 구조) describes; a name is short
        if re.search(r"[\d:：]", part) or en.is_period_name(part):
            continue  # 5 月数据, Year Ended, 发布时间：…: a period or a dateline, no entity
        parts.append(part)
    return " · ".join([subject, *parts[-2:]])


_BARE_RATE = re.compile(
    r"(?:年均|年复合|复合|年化)?(?:增长率|增速|增幅)|(?:연평균\s?)?(?:성장률|증가율)|"
    r"(?:(?:compound(?:ed)?\s)?(?:annual\s)?(?:growth\s)?rate|CAGR)",
    re.I,
)


def of_level(subject: str | None, level: str | None) -> str | None:
    """``年复合增长率为11.4%`` after ``进口量由…上升至…``: a bare rate is the rate of the level
    stated before it in the sentence (``进口量年复合增长率``; ``book value rate``)."""
    if not subject or not level or not _BARE_RATE.fullmatch(subject.strip()):
        return subject
    han = re.compile(r"[\u4e00-\u9fff]")
    joined = han.match(subject[-1:] and level[-1:]) and han.match(subject[:1])
    return f"{level}{subject}" if joined else f"{level} {subject}"


def strip_measure(subject: str | None) -> str | None:
    """``컴퓨터 시각 인식 투자 비중`` → ``컴퓨터 시각 인식`` (for shares)."""
    if not subject:
        return subject
    for suffix in _PERCENT_MEASURES:
        if suffix == "share" and not re.search(r"[A-Z]", subject):
            continue  # a market share of 8.8%: only a named part's share (Asia share) is a part
        if subject.endswith(suffix) and len(subject) > len(suffix) + 1:
            return subject[: -len(suffix)].rstrip(" 的之")
    return subject


def subject_of(
    sentence: str, start: int, end: int, floor: int, kind: str, lang: str
) -> tuple[str | None, str | None]:
    """(subject, base) of the quantity at ``sentence[start:end]`` in a sentence of ``lang``."""
    if "\t" in sentence:
        first = sentence.split("\t", 1)[0].strip()
        if first and start > len(first):
            return first, None
    lang = _local_language(sentence, start, floor, lang)
    subject, base = _subject(sentence, start, end, floor, kind, lang)
    opened = _open_bracket(sentence, start, floor)
    if opened is not None and floor and not sentence[floor:opened].strip():
        opened = None  # 매출액 16.4조원(QoQ +32.1%): an aside on the number before it
    if opened is not None:
        # in an aside (… CNY 5 tn in 2030 (central CNY 3.3 tn)): a part of what is outside it;
        # alone in it (올해 B/G(+17.1%), 滨海能源（+53.72%）): the value of what is outside it
        outer, _ = _subject(sentence, opened, opened, 0, kind, lang)
        if outer and subject and outer != subject:
            subject = f"{outer} {subject}"
        elif outer and not subject and not sentence[opened + 1 : start].strip(" +-−▲▼"):
            subject = outer
    return subject, base


def _local_language(sentence: str, start: int, floor: int, lang: str) -> str:
    """The language of the words before the number, where a sentence mixes two (a bilingual
    letter: ``book value has grown from $19 …[^*]公司 2010 年的账面价值…``)."""
    if lang == "en":
        return lang
    near = sentence[max(floor, start - 60) : start]
    if not re.search(r"[\u3131-\u318e\uac00-\ud7a3\u4e00-\u9fff]", near) and re.search(
        r"[A-Za-z]{2,}\s+(?:[A-Za-z]\s+)?[A-Za-z]{2,}", near
    ):
        return "en"
    return lang


def _subject(
    sentence: str, start: int, end: int, floor: int, kind: str, lang: str
) -> tuple[str | None, str | None]:
    if lang == "ko":
        return subject_ko(sentence, start, end, floor, kind)
    if lang == "zh":
        return subject_zh(sentence, start, floor)
    return en.subject_en(sentence, start, end, floor, kind, _clause_before(sentence, start, floor))


def _open_bracket(sentence: str, start: int, floor: int) -> int | None:
    """Where the bracket still open at ``start`` opens (None when none is)."""
    depth, at = 0, None
    for i in range(start - 1, floor - 1, -1):
        ch = sentence[i]
        if ch in ")）":
            depth += 1
        elif ch in "(（":
            if depth == 0:
                at = i
                break
            depth -= 1
    return at
