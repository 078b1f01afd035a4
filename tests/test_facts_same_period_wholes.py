"""Relations a reader sees that ``check`` missed or invented on text nobody tuned it on (issue 16,
session of 2026-12-07), each written here as a small text of our own: a share of ``同期`` (the same
period's) whole, shares of overlapping groups, a year's running total restating the year's
figure, a change verb after a Chinese metric, and ``작년`` in a document that states no date."""

from __future__ import annotations

from check_findings import checked, findings, fires, flagged
from fact_mentions import mentions, one, span
from sectorlens.facts import check, extract, from_text
from sectorlens.facts.relative import NO_DOCUMENT_DATE
from sectorlens.fx import FxRates
from sectorlens.model import Severity

_DECEMBER = (
    "据统计，2023年12月，中国市场手机出货量2827.5万部，同比增长1.5%，其中，5G手机{part}万部，"
    "同比增长4.2%，占同期手机出货量的85.6%。"
)


def test_a_share_of_the_same_period_whole_is_checked_against_it() -> None:
    assert any(
        "85.59%" in x for x in checked(_DECEMBER.format(part="2420.0"), "breakdown.share_of")
    )
    fires(_DECEMBER.format(part="2420.0"), _DECEMBER.format(part="2620.0"), "breakdown.share_of")


def test_shares_of_two_overlapping_groups_are_no_breakdown() -> None:
    overlapping = (
        "2023年12月，5G手机出货量2420.0万部，占同期手机出货量的85.6%。\n"
        "2023年12月，国产品牌手机出货量2455.4万部，占同期手机出货量的86.8%。"
    )
    assert flagged(overlapping, "breakdown.sum") == []
    parts = (
        "2023年12月，华为手机出货量500万部，占同期手机出货量的{a}%。\n"
        "2023年12月，苹果手机出货量900万部，占同期手机出货量的35.0%。"
    )
    fires(parts.format(a="25.0"), parts.format(a="75.0"), "breakdown.sum")


_TITLE = "{title}年中国市场手机出货量{v}亿部 同比增6.5%"
_BODY = (
    "\n\n中国信息通信研究院22日发布的数据显示，2023年1-12月，中国市场手机总体出货量累计2.89亿部，"
    "同比增长6.5%。\n\n2023年全年，5G手机出货量2.40亿部，同比增长11.9%。"
)


def test_a_running_total_from_january_restates_the_year() -> None:
    ok = _TITLE.format(title="2023", v="2.89") + _BODY
    assert flagged(ok, "restated") == []
    assert any("agrees" in f.message for f in findings(ok, "restated.lead"))
    bad = flagged(_TITLE.format(title="2023", v="2.98") + _BODY, "restated.lead")
    assert bad and all("289 million" in f.message for f in bad), [f.message for f in bad]


def test_a_change_verb_after_a_chinese_metric_is_no_part_of_its_name() -> None:
    title = "国家邮政局：2026年1—2月邮政行业业务收入同比增长{rate}%"
    body = (
        "\n\n据国家邮政局消息，2026年1—2月，邮政行业业务收入累计完成2919.8亿元，同比增长7.4%。"
        "其中，快递业务收入累计完成2385.4亿元，同比增长7.9%。"
    )
    (lead, _body) = [
        m for m in mentions(title.format(rate="7.4") + body) if m.fact.quantity.input == "7.4%"
    ]
    subject = lead.fact.subject or ""
    assert "邮政行业业务收入" in subject and "增长" not in subject and "1—2月" not in subject
    fires(title.format(rate="7.4") + body, title.format(rate="8.4") + body, "restated.lead")


_NO_DOCUMENT_DATE = (
    "2021년 화장품 수출액은 92억 달러로 역대 최대였다.\n\n"
    "작년 중국 수출액은 약 28억 달러(약 {krw}조6천억원)로 5년째 가장 많았다.\n\n"
    "작년 미국 수출액은 12억 달러(약 1조6천억원)로 처음 10억 달러를 넘었다."
)


def test_last_year_in_a_document_without_a_date_is_an_assumption_kept_for_the_document() -> None:
    text = _NO_DOCUMENT_DATE.format(krw="3")
    china, usa = one(text, "약 28억 달러(약 3조6천억원)"), one(text, "12억 달러(약 1조6천억원)")
    assert span(china) == span(usa)  # one 작년 for the whole document, not one per sentence
    assert any(NO_DOCUMENT_DATE in note for note in china.fact.quantity.assumptions)
    # the conversion date is unknown, and so is the period: no rate to hold the equivalent to
    ecb = [
        f for f in check(extract(from_text(text)), lang="en", fx=FxRates()) if f.rule == "fx.ecb"
    ]
    assert ecb and all(f.severity is Severity.INFO for f in ecb), [f.message for f in ecb]
    assert all("unknown date" in f.message for f in ecb)
    # the equivalents still answer to each other
    assert flagged(_NO_DOCUMENT_DATE.format(krw="4"), "fx.consistent")


def test_last_year_in_a_dated_document_is_counted_from_its_date() -> None:
    dated = "2024년 1월 5일\n\n" + _NO_DOCUMENT_DATE.format(krw="3")
    china = one(dated, "약 28억 달러(약 3조6천억원)")
    assert span(china) is not None and span(china)[0].year == 2023
    assert not any(NO_DOCUMENT_DATE in note for note in china.fact.quantity.assumptions)
    assert all(m.fact.period is None or m.fact.period.start.year != 2020 for m in mentions(dated))


_TWO_PERIODS = (
    "2023년 반도체 수출액은 1000억 달러(약 130조원)였다.\n\n"
    "2024년 1분기 반도체 수출액은 300억 달러(약 {krw}조원)로 집계됐다."
)


def _consistency(text: str) -> list[tuple[str, str]]:
    found = check(extract(from_text(text)), lang="en", fx=FxRates())
    return [(f.severity.value, f.message) for f in found if f.rule == "fx.consistent"]


def test_an_equivalent_no_rate_since_its_period_could_give_is_off_whatever_the_period() -> None:
    # 39조 for 300억 달러 is 1,300 won a dollar, as in 2023; 18조 is 600, a rate the won has not
    # had on any day since: not a different period's rate but a wrong equivalent
    assert all(severity != "warning" for severity, _ in _consistency(_TWO_PERIODS.format(krw="39")))
    off = _consistency(_TWO_PERIODS.format(krw="18"))
    assert off and off[0][0] == "warning" and "no day's rate" in off[0][1], off


def test_a_chinese_rate_after_a_figure_is_of_the_measure_before_that_figure() -> None:
    text = (
        "2022年上半年中国光伏产业总体实现高速增长 组件产量同比增长{rate}%\n\n"
        "数据显示，2022年上半年，多晶硅产量约36.5万吨，同比增长53.4%；硅片产量约152.8吉瓦，"
        "同比增长45.5%；组件产量约123.6吉瓦，同比增长54.1%。"
    )
    rates = [m for m in mentions(text.format(rate="54.1")) if m.fact.quantity.input == "54.1%"]
    assert [m.metric for m in rates] == ["组件产量", "组件产量"]
    fires(text.format(rate="54.1"), text.format(rate="51.4"), "restated")
