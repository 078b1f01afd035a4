"""Issue 16: a comparison in a clause with its own subject compares that subject, not a value
of the clause before.

``1인 가구의 비중은 30%에 육박했고, 아파트에 거주하는 가구 비율은 처음으로 50%를 넘어섰다``: the
second clause says its own rate passed 50%; the 30% of the first is not compared. Where the
comparison's clause has no subject of its own (``…20%로, 2인 가구 비중 25%를 넘어섰다``,
``…为20%，首次超过了25%``), the value before it is still its left side. Texts written for these
tests.
"""

from __future__ import annotations

import pytest

from check_findings import flagged

OWN_SUBJECT = {
    "ko": (
        "전체 가구 중 1인 가구의 비중은 30%에 육박했고, 아파트에 거주하는 가구 비율은 "
        "처음으로 50%를 넘어섰다."
    ),
    "zh": "全部家庭中一人户占比接近30%，住在公寓的家庭比例首次超过了50%。",
}
SAME_SUBJECT = {
    "ko": "1인 가구 비중은 20%로 2인 가구 비중 25%를 넘어섰다.",
    "ko-clause": "1인 가구 비중은 20%로, 2인 가구 비중 25%를 넘어섰다.",
    "zh": "一人户占比为20%，首次超过了25%。",
    "zh-after": "一人户占比为20%，高于25%的二人户占比。",
}


@pytest.mark.parametrize("lang", OWN_SUBJECT)
def test_a_clause_with_its_own_subject_compares_its_own_value(lang: str) -> None:
    assert flagged(OWN_SUBJECT[lang], "comparison") == []


@pytest.mark.parametrize("key", SAME_SUBJECT)
def test_a_comparison_of_the_sentence_subject_still_fires(key: str) -> None:
    (found,) = flagged(SAME_SUBJECT[key], "comparison")
    assert found.rule == "comparison"
