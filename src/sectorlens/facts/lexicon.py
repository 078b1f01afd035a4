"""Words the extractor and the rules look for, in Korean, Chinese and English.

These are words of the language of reports (trend, comparison, share, total…), not of any one
industry: another industry's report uses the same words.
"""

from __future__ import annotations

import re

from sectorlens.parse import COUNTED_NOUNS_EN, currency_codes, currency_names, currency_signs

# Sentence language: Hangul → ko, Han without Hangul → zh, else en.
HANGUL = re.compile(r"[\uac00-\ud7a3]")
HAN = re.compile(r"[\u4e00-\u9fff]")


def language(text: str) -> str:
    """``ko``, ``zh`` or ``en`` by the script that dominates ``text``."""
    hangul = len(HANGUL.findall(text))
    han = len(HAN.findall(text))
    if hangul and hangul >= han / 4:
        return "ko"
    if han:
        return "zh"
    return "en"


# --- quantities --------------------------------------------------------------------------
# Every Chinese and Korean currency name the parser reads (泰铢, 인도루피), and the short words
_SHORT_CURRENCY_WORDS = "엔|원|元|yuan|renminbi|dollars?|euros?|won|yen|pounds?"
CURRENCY_WORDS = "|".join([*map(re.escape, currency_names()), _SHORT_CURRENCY_WORDS])
# Every ISO 4217 code the parser reads (data/currencies.csv), and RMB; matched in capitals only.
CURRENCY_CODES = "|".join(sorted({*currency_codes(), "RMB"}))
CURRENCY_SYMBOLS = "|".join(re.escape(sign) for sign in currency_signs())
SCALE_WORDS = (
    "조|억|만|천만|백만|천|万亿|亿|万|千|百|萬億|億|萬|兆|"
    "trillion|billion|million|thousand|tn|trn|bn|mn|mln|k|m|b"
)
PERCENT_WORDS = (
    "%p|％p|%포인트|% 포인트|퍼센트포인트|퍼센트|"
    "個百分點|个百分点|个基点|個基點|基点|基點|베이시스포인트|"
    "%|％|percentage points?|per ?cent|pp|bps?|basis points?"
)
# Counters that make a number a count; 개 is not a counter in 개년/개월 (durations).
# 대 (vehicles, machines) only after a large unit (42만 대): 20대 is an age group, 1,000대 기업 a
# ranking; 가구 households, 채 dwellings, 점 points or items, 척 ships, 마리 animals.
# right after a large unit, or after the places written on below it (42만 대, 823만1,418대)
_AFTER_LARGE = (
    "(?:(?<=[만억조천])|(?<=[만억조천]\\s)|(?<=[만억천]\\d)|(?<=[만억천]\\d\\d)|(?<=[만억천]\\d{3})|"
    "(?<=[만억천]\\d{4})|(?<=[만억천]\\d,\\d{3}))"
)
COUNT_UNITS_KO = (
    "건|개사|개소|개(?![년월])|곳|명|社|차례|회(?![계사의원장])|톤(?!당)|가구|마리|척(?![도])|박스|상자|"
    "채(?![권무용택])|점(?![검수유포주])|"
    f"{_AFTER_LARGE}대(?!비|상|한|학|출|표|응|규|책|형|기업|체|신|략|부분)|"
    # 동 buildings only after a large unit (735만4천340동): 3동 is a district, 동안 a duration
    f"{_AFTER_LARGE}동(?![안기월년일시향종])"
)
COUNT_UNITS_ZH = (
    "笔|起|家|(?:个|個)(?!月|季度|小时|小時|工作日|交易日)|项|項|件|名|人|座|所|次|轮|輪|辆|輛|台|块|片|部|套|艘|架|户|"
    # ages (78.6岁), containers (45萬標箱), trains (4186列)
    "岁|歲|标箱|標箱|列(?![入为為出车車表])|"
    "吨二氧化碳当量|吨标准煤|吨|噸|头|頭|平方米|立方米|亩|畝|公顷|公頃|公斤|斤|公里|千瓦时|千瓦時|千瓦|㎥|m³|"
    "\\s?(?-i:[TGMk]W[hp]?|tCO[2₂]-?eq?|TJ|GJ|TOE|CGT|DWT|TEU|bbl|boe|MMBtu|bcm|Mtoe)(?![A-Za-z])|"
    # metric units written right after the figure (73만7천t, 492㎏, 14만9천878㏊, 12151.88㎡)
    "(?-i:t|kg|ha|km2?|m2|m²|㎏|㏊|㎡|㎞|㎢)(?![A-Za-z0-9²])"
)
# English nouns a number counts, as the parser reads them (deals, passengers, hotels)
COUNT_UNITS_EN = "|".join(COUNTED_NOUNS_EN)
# Counters of deals (for derived average deal size).
DEAL_UNITS = ("건", "笔", "起", "deal", "deals", "round", "rounds", "investment", "investments")
DEAL_WORDS = (
    "건수",
    "融资事件",
    "投资事件",
    "事件数",
    "deals",
    "deal count",
    "rounds",
    "transactions",
)

QUALIFIER_PREFIX = (
    "약|대략|近|约|約|超过|超|逾|多达|将近|about|around|approximately|approx\\.|nearly|almost|"
    "over|more than|at least|up to|under|less than|below|above|roughly"
)
QUALIFIER_SUFFIX = "이상|이하|미만|초과|남짓|가량|정도|多|余|餘|以上|以下|左右|\\+|plus"

# --- layout ------------------------------------------------------------------------------
CAPTION = re.compile(
    r"^\s*(?:그림|표|도표|图表|图|圖|表|Figure|Fig\.|Table|Chart|Exhibit)\s*\d+(?:[-.]\d+)?\b",
    re.IGNORECASE,
)
# a column headed by a fiscal term's number: 제 24기, 73(당)기, 72(전)기 (current and prior term)
HEAD_TERM = re.compile(r"제\s?(\d{1,3})\s?기|(?<![\d.,])(\d{1,3})\s?[(（](?:당|전|전전)[)）]\s?기")
UNIT_LINE = re.compile(r"^\s*[(（]?\s*(?:단위|单位|單位|units?)\s*[:：]\s*(.+?)\s*[)）]?\s*$", re.I)
# A line naming only a table's currency and scale, without the word unit (人民币百万元，
# 另有标注除外 / （人民币万元） / (백만원)): it states no amount; 百万元 there is the scale.
SCALE_ONLY = (
    r"^\s*[(（]?\s*(?:金额\s*[:：]?\s*)?(?:人民币|人民幣|港币|港幣|美元)\s?"
    r"(?:千|万|萬|百万|百萬|千万|亿|億)?元\s*[)）]?\s*(?:[,，]\s*另有(?:标注|標注|注明|说明)除外)?"
    r"\s*[。.]?\s*$|^\s*[(（]\s*(?:천|백만|십억|억|조)\s?원\s*[)）]\s*$"
)
SCALE_LINE = re.compile(SCALE_ONLY)
SOURCE_WORDS = "자료|출처|资料来源|来源|數據來源|source|sources"
SOURCE_LINE = re.compile(rf"^\s*(?:{SOURCE_WORDS})\s*[:：]", re.I)
# the marks a list item opens with in text as in PDFs (❍ in Korean releases, ▶, ➢, ✓)
_MARKS = r"•·∙▪▫○●◦■□※◆◇▶►▷➢✓❍\-–*"
BULLET_SYMBOL = re.compile(rf"^\s*[{_MARKS}]")
# Korean 가./나./다. markers are left out: wrapped lines start with 다. all the time.
BULLET = re.compile(rf"^\s*(?:[{_MARKS}]|\d{{1,2}}[.)]\s|[①-⑳]|[（(]\d{{1,2}}[)）])")
TERMINAL = tuple(".!?。！？…")
STATEMENT_END = re.compile(r"[;；。]")  # where a statement ends inside a sentence

# --- statements --------------------------------------------------------------------------
# Trend words: (pattern, direction); continuity words make "the whole period kept going up".
TREND_UP = (
    "늘어|늘었|늘고|증가|성장|상승|확대|커지|커졌|높아지|높아졌|높아져|상향|인상|增长|增加|增收|增支|上升|提高|扩大|增至|上调|上涨|上行|"
    "increased|increases|increasing|increase|grew|grown|grows|growing|rose|rising|risen|"
    "climbed|climbs|rises|jumps|surges|surged|soars|soared|expanded|advanced|up from"
)
TREND_DOWN = (
    "줄어|줄었|줄고|감소|하락|축소|떨어|낮아지|낮아졌|낮아져|하향|인하|下降|降低|下滑|减少|減少|减收|减支|回落|萎缩|下调|下跌|下行|"
    "declined|declines|declining|decline|decreased|decreasing|decrease|fell|fallen|falling|"
    "dropped|drops|falls|slumps|slumped|plunges|plunged|shrank|contracted|down from"
)
# A headline's one character or arrow of a move (同比增5.3% 汽车制造业降12.6%, 영업익 18.6%↑)
HEADLINE_UP = "增|升|涨|↑"
HEADLINE_DOWN = "降|跌|减|減|↓"
# Korean verbs of a change written right after its figure (30% 증가, 133.7%(326억원) 뛰었다,
# 1.4% 올랐다): the plain ones and the verbs news writes for sharp moves
KO_MOVE_AFTER = (
    "증가|감소|늘|줄|성장|상승|하락|확대|축소|급증|급감|개선|악화|상향|하향|인상|인하|"
    "급등|급락|뛰었|뛰어|뛰며|뛴|치솟|올랐|오른|올라|내렸|내린|떨어졌|떨어진"
)
CONTINUOUS = (
    "지속적|지속|꾸준|계속|연속|持续|连续|不断|一直|continu|steadily|consistently|kept|keeps"
)
# Comparisons of one value with another: greater, or smaller.
COMPARE_GT = (
    "초과|넘어섰|넘었|넘어|상회|앞질|超过|超出|高于|多于|"
    "exceeded|exceeds|exceed|surpassed|more than|higher than"
)
COMPARE_LT = "미만|못 미|밑돌|하회|低于|少于|不足|未超过|fell short of|less than|lower than"
# Shares of a whole versus changes: only shares form a breakdown.
SHARE_CUES = (
    "차지|비중|비율|점유|분포|구성|각각|순이|占|比重|比例|份额|分布|构成|分别|"
    "share|accounted|account for|accounts for|made up|make up|split|breakdown|distribution|"
    "of the total"
)
CHANGE_CUES = (
    "증가율|성장률|상승률|감소율|증가|감소|성장|상승|하락|전년|대비|增长|增速|同比|环比|下降|"
    "growth|grew|increase|decrease|rose|fell|year-on-year|yoy|compared"
)
PARTS_MARKER = (
    "이 중|이중|그 중|그중|그 가운데|이 가운데|其中|当中|of which|of these|of this|including"
)
TOTAL_MARKER = (
    "총|합계|합쳐|전체|모두 합|共计|合计|总计|总共|一共|"
    "in total|a total of|total of|totaling|totalling"
)
ESTIMATE_CUES = (
    "추정|전망|예상|예측|목표|계획|것이다|预计|预测|预期|目标|将|"
    "expected|expects|forecast|estimate|target|projected|will|outlook|guidance"
)

# --- subjects and metrics ----------------------------------------------------------------
KO_PARTICLES = (
    "에서는|에서도|으로는|에게는|까지는|에서|으로|에는|에도|에만|까지|부터|이나|이며|이고|"
    "이|가|은|는|을|를|의|에|로|와|과|도|만|나"
)
# Korean words before a figure that are no noun of it: an adverb or a basis (연평균 52.1%,
# 2022년 기준 12조, 미화 5억 달러, 오는 2030년)
KO_NOT_THE_NOUN = frozenset(
    {"연평균", "평균적으로", "전체적으로", "전반적으로", "모두", "기준", "매년", "매월", "매달"}
    | {"일평균", "월평균", "하루", "평균"}  # 이용금액은 하루 평균 7326억원: how it is counted
    | {"이후", "이어", "이어서"}  # 이후 2022년 320만명으로: what came next, not what it is
    | {"미화", "한화", "원화", "이르면", "이르러", "오는", "말", "말일"}
)
KO_ADVERBS = frozenset(
    [
        "총",
        "약",
        "이미",
        "모두",
        "각각",
        "이",
        "그",
        "중",
        "이중",
        "그중",
        "또한",
        "또",
        "특히",
        "가장",
        "전체",
        "대략",
        "단지",
        "불과",
        "이상",
        "연간",
        "최근",
        "기간",
        "동안",
        "현재",
        "한편",
        "당시",
        # 배당금을 기존 1,200원에서; 전망치를 각 12.5%: adverbs between a noun and its number
        "기존",
        "종전",
        "당초",
        "각",
        "무려",
        # periods named before a noun (올해와 내년 순이익): the period is the fact's, not its name
        "올해",
        "내년",
        "작년",
        "금년",
        "전년",
        "지난해",
        "지난달",
        "역시",
        "다만",
        "반면",
        "그러나",
        "하지만",
    ]
)
ZH_FUNCTION = (
    "分别为|分别占|分别|约为|达到|高达|多达|共计|合计|总计|达|为|占|是|约|共|有|其中|"
    "超过|超|近|逾|的|了|在|于|以|和|与|及|、"
)
EN_FUNCTION = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "with",
        "from",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "reached",
        "reach",
        "reaches",
        "totaled",
        "totalled",
        "totaling",
        "totalling",
        "amounted",
        "amount",
        "stood",
        "rose",
        "fell",
        "grew",
        "accounted",
        "accounting",
        "account",
        "made",
        "make",
        "making",
        "up",
        "represented",
        "represents",
        "about",
        "around",
        "approximately",
        "nearly",
        "over",
        "some",
        "roughly",
        "almost",
        "only",
        "just",
        "and",
        "or",
        "its",
        "their",
        "his",
        "her",
        "than",
        "while",
        "which",
        "that",
        "had",
        "has",
        "have",
        "raised",
        "raising",
        "received",
        "receiving",
        "worth",
        "valued",
        "across",
        "into",
        "among",
        "between",
        "under",
        "via",
        "after",
        "before",
        "per",
        "during",
    ]
)
MEASURE_SUFFIX_PERCENT = (
    "투자 비중",
    "투자 비율",
    "비중",
    "비율",
    "점유율",
    "투자占比",
    "占比",
    "比重",
    "比例",
    "share",
)
# Topic of a statement, from the words of its subject or clause.
TOPICS: tuple[tuple[str, str], ...] = (
    (
        "market_size",
        "시장 규모|시장규모|산업 규모|산업규모|市场规模|產業規模|产业规模|market size|market value",
    ),
    ("revenue", "매출|수익|营收|营业收入|收入|revenue|sales"),
    (
        "investment",
        "투자|융자|투융자|펀딩|融资|投资|投融资|funding|financing|investment|invested|raised|venture",
    ),
)
AMOUNT_WORDS = "금액|규모|투자금|자금|金额|规模|额|amount|value|volume|size|funding|total"
COUNT_WORDS = "건수|수량|개수|件数|笔数|数量|数目|事件数|number of|count|deals|rounds|transactions"


def alternation(words: str) -> str:
    """A regex alternation of ``|``-separated words, longest first (so prefixes do not win)."""
    parts = sorted({w for w in words.split("|") if w}, key=len, reverse=True)
    return "(?:" + "|".join(parts) + ")"


def compile_words(words: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Compile ``|``-separated words (already regex-escaped where needed)."""
    return re.compile(alternation(words), flags)


# Traditional characters of the change, comparison and framing words, with their simplified
# forms (one character for one: offsets stay), so that 同比增長 reads as 同比增长 where words are
# matched; the text itself is never changed.
_TRAD = "內長減漲較與從計統總產額億萬個國為達過預實現業場網鄉鎮類數據環際價們東點進對當兩"
_SIMP = "内长减涨较与从计统总产额亿万个国为达过预实现业场网乡镇类数据环际价们东点进对当两"
TO_SIMPLIFIED = str.maketrans(_TRAD, _SIMP)


# How a figure was measured or moved, naming no thing: at constant exchange rates, on an
# organic basis, in constant currency; was up, ahead
EN_MANNER = re.compile(
    r"\b(?:at\s(?:constant|actual)\s(?:exchange\srates?|currency|currencies)|"
    r"in\sconstant\scurrenc(?:y|ies)|on\san?\s[\w-]+(?:\s[\w-]+)?\sbasis)\b",
    re.I,
)
EN_AGAINST = re.compile(r"\s*(?:against|versus|vs\.?|compared\s(?:with|to))\s*", re.I)
EN_MOVES = frozenset(["up", "down", "ahead", "higher", "lower", "behind", "flat", "by"])


def has_any(text: str, words: tuple[str, ...]) -> bool:
    """``text`` contains one of ``words`` (written in lower case) in any case: a cheap test before
    a pattern every match of which contains one of them (no word with an ``i``: ``ı`` matches it
    ignoring case, and ``str.casefold`` does not make it an ``i``)."""
    folded = text.casefold()
    return any(w in folded for w in words)


def simplified(text: str) -> str:
    """``text`` with the traditional characters of ``TO_SIMPLIFIED`` simplified (same length)."""
    return text.translate(TO_SIMPLIFIED)
