"""The pairs ``restated`` tries (by metric and period) find the groups every pair would."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from sectorlens.facts import check, extract, from_text
from sectorlens.facts.extract import Mention
from sectorlens.facts.rules import restated

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from extract import synthetic_text

_RESTATED = """Highlights: net sales were $1,250 million in 2023.

The company reported that net sales were $1,205 million in 2023.

| | 2023 | 2022 |
|---|---|---|
| Net sales | 1,250 | 1,100 |
| Operating income | 210 | 190 |

2023년 매출은 1,250억 원이었다.

회사의 2023년 매출은 1,205억 원으로 집계됐다.

2023年营业收入为12.5亿元。

公司2023年营业收入12.05亿元。
"""


def _every_pair(mentions: Sequence[Mention], metric: object) -> Iterator[tuple[int, int]]:
    return ((i, j) for i in range(len(mentions)) for j in range(i + 1, len(mentions)))


@pytest.mark.parametrize("text", [synthetic_text(20_000), _RESTATED], ids=["synthetic", "ko-zh-en"])
def test_the_candidate_pairs_find_what_every_pair_finds(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    extraction = extract(from_text(text))
    found = sorted((f.rule, f.message) for f in check(extraction) if f.rule.startswith("restated"))
    monkeypatch.setattr(restated, "candidate_pairs", _every_pair)
    every = sorted((f.rule, f.message) for f in check(extraction) if f.rule.startswith("restated"))
    assert found == every
    assert any(rule == "restated" for rule, _ in found)  # the texts do restate figures
