"""Issue 16, session of 2026-12-07 (fourth): ``木浆3303万吨，占纸浆消耗总量35%`` is the pulp's
share of total pulp consumption; ``占国内生产总值比例为4%`` names the whole without its
``比例为``; ``占据`` is no share; ``升幅为3.16%`` after ``环比上升2.90点`` is of the index the
sentence opened with; a unit left over from the figure before (``元/吨，跌幅``) is no topic. Texts
of our own."""

from __future__ import annotations

from fact_mentions import one

_PULP = "2018年，木浆3303万吨，占纸浆消耗总量35%；废纸浆5474万吨，占纸浆消耗总量58%。"


def test_a_share_after_a_part_is_the_parts_share_of_the_whole() -> None:
    assert one(_PULP, "35%").fact.subject == "木浆 · 纸浆消耗总量"
    assert one(_PULP, "58%").fact.subject == "废纸浆 · 纸浆消耗总量"


def test_the_whole_of_a_share_is_named_without_its_measure_words() -> None:
    text = "2021年，国家财政性教育经费占国内生产总值比例为4.01%。"
    assert one(text, "4.01%").fact.subject == "国家财政性教育经费 · 国内生产总值"


def test_zhanju_is_no_share_of_a_whole() -> None:
    text = "2022年，网文纸书占据了63个席位。"
    assert " · " not in (one(text, "63个").fact.subject or "")  # no whole of a share


def test_a_move_named_alone_is_of_the_index_the_sentence_opened_with() -> None:
    text = "2025年7月份，CSPI长材指数平均值为94.82点，环比上升2.90点，升幅为3.16%。"
    assert one(text, "3.16%").fact.subject == "CSPI长材指数平均值升幅"
    price = "2025年一季度，水泥平均出厂价格为380元/吨，跌幅3.7%。"
    assert not (one(price, "3.7%").fact.subject or "").startswith("/")


def test_a_statement_that_opens_with_its_holder_and_rank_lends_it_to_its_measures() -> None:
    text = (
        "2023年第三季度，联想仍然是中国大陆的最大供应商,出货量约为426万台,市场占有率为38%;"
        "惠普位列第二,表现不错,市场占有率为11%。值得注意的是，小米出货量增长10%。"
    )
    assert one(text, "38%").fact.subject == "联想市场占有率"
    assert one(text, "11%").fact.subject == "惠普市场占有率"
    assert not (one(text, "10%").fact.subject or "").startswith("值得")
