"""Issue 16, session of 2026-12-07 (third): the changes listed with the parts (``1767조원으로
동기간 2000억원, … 115조8000억원으로 2조3000억원씩 줄었다``) are no parts; a list by one dimension
after two wholes stated side by side (财产险…，人身险…) may fall under either; a list from one
angle (从业务类型看) is of the whole its items' names end with. Texts of our own."""

from __future__ import annotations

from check_findings import fires, flagged
from fact_mentions import one

KO = (
    "올해 1분기 가계신용 잔액은 1882조8000억원으로 전분기말 대비 2조5000억원 감소했다. "
    "이 가운데 가계대출 잔액은 1767조원으로 동기간 2000억원, 판매신용 잔액은 115조8000억원으로 "
    "2조3000억원씩 줄었다."
)


def test_the_changes_listed_with_the_parts_are_changes() -> None:
    assert one(KO, "2000억원").change == "change"
    assert one(KO, "2조3000억원").change == "change"


def test_parts_listed_with_their_changes_add_up_to_the_whole() -> None:
    fires(KO, KO.replace("115조8000억원으로", "118조8000억원으로"), "breakdown.parts")


ZH = (
    "2023年1-6月,财产险业务实现原保费收入5724亿元,人身险业务实现原保费收入21040亿元。"
    "分险种来看,机动车辆保险、责任险、农业保险、健康险、意外险保费收入分别为3461亿元、602亿元、"
    "630亿元、1167亿元、213亿元。"
)


def test_a_list_after_two_wholes_side_by_side_is_of_neither_for_sure() -> None:
    assert flagged(ZH, "breakdown") == []


def test_a_list_after_one_whole_is_still_checked_against_it() -> None:
    one_whole = (
        "2023年1-6月,财产险业务实现原保费收入5724亿元。分险种来看,机动车辆保险、责任险、"
        "农业保险保费收入分别为3461亿元、602亿元、630亿元。"
    )
    fires(one_whole, one_whole.replace("630亿元", "2230亿元"), "breakdown")


def test_a_list_from_one_angle_is_checked_against_the_whole_its_items_name() -> None:
    ok = (
        "1—2月,邮政行业寄递业务量累计完成331.4亿件,同比增长5.6%。其中,快递业务量累计完成"
        "304.9亿件,同比增长7.1%。\n\n从业务类型看,1—2月,同城快递业务量累计完成21.3亿件;"
        "异地快递业务量累计完成276.8亿件;国际快递业务量累计完成6.8亿件。"
    )
    fires(ok, ok.replace("276.8亿件", "286.8亿件"), "breakdown.by")
