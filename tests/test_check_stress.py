"""The stress benchmark's part mapping: which source text a finding's facts come from."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import check_stress as cs
from sectorlens.facts import check, extract, from_text
from sectorlens.model import Fact, Finding, Kind, Quantity, Severity


def _finding(*offsets: int) -> Finding:
    facts = tuple(
        Fact(Quantity(input="1", kind=Kind.COUNT, value=Decimal(1)), None, "", 1, (o, o + 1))
        for o in offsets
    )
    return Finding("restated", Severity.WARNING, "", facts=facts)


def test_each_text_is_one_part_and_facts_map_to_their_text() -> None:
    stress = cs.concatenate([("a.txt", "2020년 매출은 5억 원이다."), ("b.md", "Revenue was $5.")])
    assert stress.text.startswith("# Part 1\n\n2020년")
    assert "# Part 2\n\nRevenue" in stress.text
    second = stress.text.index("Revenue")
    assert stress.source_of(3) == "a.txt"
    assert stress.source_of(second) == "b.md"
    assert stress.sources(_finding(12, 14)) == {"a.txt"}
    assert stress.sources(_finding(12, second)) == {"a.txt", "b.md"}


def test_parts_are_found_again_in_the_read_text() -> None:
    stress = cs.concatenate([("a", "첫째 글."), ("b", "둘째 글.")])
    moved = cs.relocate(stress, "\n" + stress.text)
    assert moved.starts == (1, stress.starts[1] + 1)
    assert moved.source_of(moved.text.index("둘째")) == "b"


def test_a_restatement_across_two_dated_texts_counts_as_cross_only_when_it_warns() -> None:
    texts = [
        ("a", "입력 2016.08.16\n\n관세청에 따르면 2015년 일평균수출액은 22억 8000만 달러였다."),
        ("b", "입력 2023.01.18\n\n관세청에 따르면 2015년 일평균수출액은 17억 4000만 달러였다."),
        ("c", "입력 2020.05.01\n\n수출이 늘었다."),
    ]
    stress = cs.concatenate(texts)
    found = check(extract(from_text(stress.text, fmt="md")), lang="ko")
    paired = [f for f in found if f.rule.startswith("restated")]
    assert paired and all(stress.sources(f) == {"a", "b"} for f in paired)
    assert all(f.severity is Severity.INFO for f in paired)  # separately dated items


def test_extra_texts_take_their_language_from_the_name(tmp_path: Path) -> None:
    (tmp_path / "d1_ko_news.txt").write_text("가", encoding="utf-8")
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"")
    got = {s.name: s.lang for s in cs.extra_sources(tmp_path)}
    assert got == {"d1_ko_news.txt": "ko", "notes.md": ""}


def test_only_the_tune_half_and_the_seed_are_read(tmp_path: Path) -> None:
    spec = tmp_path / "docs.yaml"
    spec.write_text(
        "seed: {path: ../shared/seed/s.ko.txt, lang: ko}\n"
        "documents:\n"
        "  a.pdf: {half: tune, lang: en, format: pdf}\n"
        "  b.md: {half: held-out, lang: zh, format: md}\n",
        encoding="utf-8",
    )
    got = cs.tune_sources(spec, tmp_path)
    assert [(s.name, s.lang) for s in got] == [("a.pdf", "en"), ("seed", "ko")]
    assert got[0].path == tmp_path / "data" / "reports" / "a.pdf"
