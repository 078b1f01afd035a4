"""Issue 16, session of 2026-12-07 (third): pinyin readings printed after characters (ruby text
flattened into a copy), Chinese units of energy, area and weight, amounts per unit
(``3000元/吨``), shares with their parts in brackets (``77% (£46.8bn) of purchases``) or in one
statement with the whole's owner named (``平板电脑方面，…230万台，市场占有率为31%``). Texts of
our own."""

from __future__ import annotations

from decimal import Decimal

from check_findings import fires, flagged
from fact_mentions import mentions, one
from sectorlens.facts import from_text
from sectorlens.facts.read_html import read_html
from sectorlens.parse import parse


def test_a_pinyin_reading_after_a_character_is_dropped_from_the_text() -> None:
    doc = from_text("全國糧食總產(chǎn)量60000萬(wàn)噸,增長(zhǎng)1.0%。")
    assert doc.text == "全國糧食總產量60000萬噸,增長1.0%。"


def test_brackets_that_are_no_pinyin_reading_stay() -> None:
    text = "营业收入(亿元)100亿元 (a) (lü) 收入(USD)5亿美元。"
    assert from_text(text).text == text


def test_html_ruby_readings_are_not_text() -> None:
    html = "<p>粮食总<ruby>产<rp>(</rp><rt>chǎn</rt><rp>)</rp></ruby>量6亿吨。</p>".encode()
    assert "chǎn" not in read_html(html, "x.html").blocks[0].text


def test_a_glossed_text_is_checked_like_a_plain_one() -> None:
    ok = "2019年全國糧食總產(chǎn)量60000萬(wàn)噸,比2018年增加600萬(wàn)噸,增長(zhǎng)1.0%。"
    fires(ok, ok.replace("增長(zhǎng)1.0%", "增長(zhǎng)3.0%"), "derived")


def test_chinese_units_of_energy_area_and_weight_count() -> None:
    for text, value, unit in (
        ("5688億千瓦時", "568800000000", "千瓦時"),
        ("116064千公頃", "116064000", "公頃"),
        ("13277亿斤", "1327700000000", "斤"),
        ("125公斤", "125", "公斤"),
        ("3.5万公里", "35000", "公里"),
    ):
        q = parse(text)
        assert (q.value, q.unit) == (Decimal(value), unit), text


def test_parts_of_electricity_consumption_add_up_to_the_whole() -> None:
    ok = (
        "2024年10月份,全社会用电量1000亿千瓦时,同比增长5.0%。分产业看,第一产业用电量100亿千瓦时,"
        "同比增长6.0%;第二产业用电量600亿千瓦时,同比增长4.0%;第三产业用电量300亿千瓦时,"
        "同比增长7.0%。"
    )
    fires(ok, ok.replace("第二产业用电量600", "第二产业用电量700"), "breakdown")


def test_an_amount_per_unit_says_so_in_its_unit() -> None:
    assert one("钢材价格3000元/吨,同比上涨5%。", "3000元").fact.quantity.unit == "/吨"
    m = one("2019年单位面积产量5720公斤/公顷,比上年增加98公斤/公顷。", "5720公斤")
    assert (m.fact.quantity.unit, m.fact.quantity.value) == ("公斤/公顷", Decimal(5720))


def test_a_slash_before_a_long_word_lists_figures() -> None:
    (sales, profit) = mentions("2023년 매출 1조원/영업이익 500억원을 기록했다.")
    assert sales.fact.quantity.unit is None and profit.fact.quantity.value == Decimal(5 * 10**10)


def test_amounts_per_unit_are_no_parts_of_a_total() -> None:
    ok = "2024年钢材出口1000万吨,其中板材600万吨,长材400万吨。板材均价5000元/吨,长材均价4000元/吨。"
    fires(ok, ok.replace("长材400万吨", "长材500万吨"), "breakdown")


def test_a_share_with_its_part_in_brackets_of_any_whole_is_checked() -> None:
    ok = (
        "The total value of purchases by firms in 2022 was £60.6bn.\n\n"
        "In 2022, 77% (£46.8bn) of purchases by firms were goods and 23% (£13.8bn) services."
    )
    fires(ok, ok.replace("77% (£46.8bn)", "77% (£48.6bn)"), "breakdown.share_of")
    fires(ok, ok.replace("23% (£13.8bn)", "23% (£15.8bn)"), "breakdown.share_of")


PC = (
    "2023年第三季度,中国大陆PC市场出货量达到1100万台。其中台式机的出货量为340万台;笔记本电脑的"
    "出货量为780万台;平板电脑的出货量为740万台。联想出货量为426万台,市场占有率为38%。"
    "平板电脑方面,苹果出货量出现了下滑,出货量约为230万台,市场占有率为31%;华为位居第二名,"
    "出货量约为178万台。"
)


def test_a_share_stated_in_one_statement_with_its_part_is_of_the_whole_its_sentence_names() -> None:
    fires(PC, PC.replace("市场占有率为31%", "市场占有率为41%"), "breakdown.share_of")


def test_a_part_with_two_shares_in_its_statement_pairs_with_neither() -> None:
    text = (
        "2025年5月乘用车销量235.18万辆。自主品牌5月销量162.2万辆,同比增长22.60%,"
        "市场份额68.97%,1-5月累计份额68.78%。"
    )
    assert flagged(text, "breakdown.share_of") == []


def test_a_change_word_of_the_statement_before_is_not_the_next_level_s() -> None:
    text = (
        "2024年10月份,全社会用电量1000亿千瓦时。分产业看,第三产业用电量300亿千瓦时,同比增长7.0%,"
        "其中,信息服务业用电量增长较快;城乡居民生活用电量200亿千瓦时,同比增长9.0%。"
    )
    assert one(text, "200亿千瓦时").change is None


def test_a_part_after_qizhong_and_its_share_are_a_pair() -> None:
    ok = (
        "2022年,全国电影总票房为300.67亿元,其中国产电影票房为255.11亿元,在总票房中占比为84.85%,"
        "全年观影人次为7.12亿。"
    )
    fires(ok, ok.replace("255.11亿元", "275.11亿元"), "breakdown.share_of")
