"""The evaluation corpus and harness: labels well-formed, plantings real, the harness runs."""

from __future__ import annotations

import dataclasses
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1] / "benchmarks"))

import label_matching as matching  # noqa: E402
import labelled_corpus as corpus  # noqa: E402
import plant as pk  # noqa: E402

from sectorlens.facts import from_text  # noqa: E402


def test_split_is_balanced_and_complete() -> None:
    docs = corpus.load_docs(Path("/nonexistent"))
    halves = Counter(d.half for d in docs)
    assert halves == {"tune": 8, "held-out": 9, "seed": 1}
    for lang in ("ko", "zh", "en"):
        by_half = Counter(d.half for d in docs if d.lang == lang)
        assert by_half["tune"] >= 2 and by_half["held-out"] >= 2
    pdf = Counter(d.half for d in docs if d.format == "pdf")
    assert pdf["tune"] == pdf["held-out"] == 4


def test_labels_are_well_formed() -> None:
    docs = {d.name for d in corpus.load_docs(Path("/nonexistent"))}
    labels = corpus.load_labels()
    ids = Counter((lb.doc, lb.id) for lb in labels)
    assert not [k for k, n in ids.items() if n > 1]
    per_doc = Counter(lb.doc for lb in labels)
    assert set(per_doc) <= docs
    assert len(per_doc) >= 12
    for lb in labels:
        assert lb.where in ("p", "t"), lb
        assert lb.metrics, lb
        assert 0 < len(lb.anchor.split()) <= 12 and len(lb.anchor) <= 80, lb
        assert (lb.start is None) == (lb.end is None)
        assert lb.start is None or lb.end is None or lb.start <= lb.end, lb


def test_periods_are_read_as_written() -> None:
    from datetime import date

    assert corpus.parse_period("2024Q2") == (date(2024, 4, 1), date(2024, 6, 30))
    assert corpus.parse_period("2025-01..2025-05") == (date(2025, 1, 1), date(2025, 5, 31))
    assert corpus.parse_period("2024H1") == (date(2024, 1, 1), date(2024, 6, 30))
    assert corpus.parse_period("-") == (None, None)


def test_plantings_cover_every_kind_on_both_halves() -> None:
    halves = {d.name: d.half for d in corpus.load_docs(Path("/nonexistent"))}
    plantings = pk.load_plantings()
    kinds = Counter(p.kind for p in plantings)
    assert set(kinds) == {"breakdown", "trend", "fx", "restatement", "growth", "table_total"}
    assert min(kinds.values()) >= 4
    for kind in kinds:
        assert {halves[p.doc] for p in plantings if p.kind == kind} & {"tune", "held-out"}
    assert all(p.old != p.new for p in plantings)


def test_planting_in_a_read_document_replaces_only_the_chosen_place() -> None:
    filler = "가" * 300  # the context must be within 200 characters of the place
    doc = from_text(f"매출은 10억 원이다.\n{filler}\n다른 곳: 10억 원.\n", "x.txt")
    p = pk.Planting("x.txt", "P1", "restatement", "10억 원", "12억 원", "매출은", "test")
    planted, n = pk.plant_document(doc, p)
    assert n == 1
    assert matching.doc_text(planted) == f"매출은 12억 원이다.\n{filler}\n다른 곳: 10억 원.\n"
    assert matching.doc_text(doc).startswith("매출은 10억")  # the original is left alone
    with pytest.raises(pk.PlantError):
        pk.plant_text(doc.text, dataclasses.replace(p, context="없는 말"))


@dataclasses.dataclass(frozen=True)
class _Piece:
    start: int
    end: int
    text: str


@dataclasses.dataclass(frozen=True)
class _Table:
    cells: tuple[_Piece, ...]


@dataclasses.dataclass(frozen=True)
class _Block:
    text: str
    segments: tuple[tuple[int, int, int], ...]
    sentences: tuple[_Piece, ...] = ()
    table: _Table | None = None


@dataclasses.dataclass(frozen=True)
class _Doc:
    text: str
    blocks: tuple[_Block, ...]


def test_planting_in_a_block_model_keeps_blocks_sentences_and_cells_in_step() -> None:
    # Document.text: a paragraph, then a table row whose block text joins two lines with a space
    text = "Revenue was $8.25 billion, up 11%.\nTotal\n$ 11,715\n"
    para = _Block(text[:34], ((0, 0, 34),), (_Piece(0, 34, text[:34]),))
    row_text = "Total $ 11,715"  # "Total" (35..40) + inserted space + "$ 11,715" (41..49)
    row = _Block(
        row_text,
        ((0, 35, 5), (6, 41, 8)),
        table=_Table((_Piece(0, 5, "Total"), _Piece(6, 14, "$ 11,715"))),
    )
    doc = _Doc(text, (para, row))
    grow = pk.Planting("x.pdf", "P", "table_total", "$ 11,715", "$ 111,715", "Total", "t")
    planted, n = pk.plant_document(doc, grow)
    assert n == 1
    assert planted.text == text.replace("11,715", "111,715")
    (p2, r2) = planted.blocks
    assert p2 == para  # untouched
    assert r2.text == "Total $ 111,715" and r2.table.cells[1].text == "$ 111,715"
    assert r2.segments == ((0, 35, 5), (6, 41, 9))
    for local, src, length in r2.segments:
        assert r2.text[local : local + length] == planted.text[src : src + length]
    flip = pk.Planting("x.pdf", "Q", "trend", "up 11%", "down 11%", "Revenue", "t")
    planted2, _ = pk.plant_document(doc, flip)
    (p3, r3) = planted2.blocks
    assert p3.text == p3.sentences[0].text == "Revenue was $8.25 billion, down 11%."
    assert r3.segments == ((0, 37, 5), (6, 43, 8))  # moved by the two inserted characters
    assert planted2.text[43:51] == "$ 11,715"


def test_label_matching_is_tolerant_of_locators_but_not_of_values() -> None:
    (label,) = [
        lb for lb in corpus.load_labels() if lb.doc.startswith("zh_korea") and lb.id == "K4"
    ]
    fact = {
        "value": "13380000000",
        "subject": "IT产品出口金额",
        "period": {"start": "2011-05-01", "end": "2011-05-31"},
        "sentence": "韩国5月份IT产品出口金额同比增长4.7%，达到了133.8亿美元。",
        "locator": {"page": None, "block": 3},
    }
    view = matching.fact_view(fact, [])
    (r,) = matching.match_labels([label], [view])
    assert r.found and r.right
    other = matching.fact_view(fact | {"value": "13380000001"}, [])
    assert not matching.match_labels([label], [other])[0].found
    wrong_period = matching.fact_view(
        fact | {"period": {"start": "2011-01-01", "end": "2011-05-31"}}, []
    )
    (r2,) = matching.match_labels([label], [wrong_period])
    assert r2.found and not r2.right
    assert label.value == Decimal("13380000000")


@pytest.mark.shared
def test_every_planting_applies_to_its_document(shared_data: Path) -> None:
    docs = {d.name: d for d in corpus.load_docs(shared_data.parent)}
    for p in pk.load_plantings():
        doc = docs[p.doc]
        if doc.format != "pdf":
            text, _ = pk.plant_text(pk.read_source(doc.path), p)
            assert p.new in text


@pytest.mark.shared
def test_harness_runs_on_one_small_document(
    shared_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import check_eval

    code = check_eval.main(["--doc", "zh_techcrunch-vc-china-europe-2011q3.md", "--json"])
    assert code == 0
    import json

    figures = json.loads(capsys.readouterr().out)
    held = figures["held-out"]
    assert held["documents"] == 1 and held["labelled"] == 13
    fx = held["planted"]["fx"]
    assert fx.get("found", 0) + fx.get("missed", 0) == 1
    assert 0 <= held["all"]["right"] <= held["all"]["extracted"] <= 13


def test_a_real_error_is_found_only_by_a_finding_that_states_its_numbers() -> None:
    (err,) = [e for e in corpus.load_errors() if e.doc.startswith("zh_gator-lithium")]
    sentence = "5 月乘用车装机 47.8GWh，占比 81.60%；1-5 月累计占比 81.95%。"
    right = matching.finding_view(
        {
            "rule": "derived.share",
            "severity": "error",
            "message": "47.8 of 57.1 is 83.71%, not the stated 81.6%",
            "values": ["47.8", "57.1", "81.6"],
            "quotes": [sentence],
        }
    )
    wrong = matching.finding_view(
        {
            "rule": "breakdown.sum",
            "severity": "error",
            "message": "The shares add up to 141.96%",
            "values": ["81.6", "18.39", "141.96"],
            "quotes": [sentence],
        }
    )
    anchor = err.anchors[0]
    assert matching.covers(right, anchor, set()) and matching.covers(wrong, anchor, set())
    assert matching.states(right, err) and not matching.states(wrong, err)


def test_a_balance_at_a_date_accepts_the_quarter_ending_that_day_only() -> None:
    from datetime import date

    label = corpus.Label(
        "d", "x", "p", Decimal(1), "", ("m",), (), date(2024, 6, 30), date(2024, 6, 30), "a"
    )

    def view(start: str, end: str) -> matching.FactView:
        return matching.fact_view({"value": "1", "period": {"start": start, "end": end}}, [])

    assert matching.period_matches(label, view("2024-06-30", "2024-06-30"))
    assert matching.period_matches(label, view("2024-04-01", "2024-06-30"))
    assert not matching.period_matches(label, view("2024-01-01", "2024-06-30"))
    assert not matching.period_matches(label, view("2024-06-01", "2024-07-01"))


def test_a_missed_planting_is_counted_by_why() -> None:
    import check_eval

    before = "Sales were 120 million.\nProfit was 30 million, up from 25 million.\n"
    after = before.replace("30 million", "36 million")
    p = pk.Planting("d.txt", "G1", "growth", "30 million", "36 million", "", "")
    original, copy = SimpleNamespace(text=before), SimpleNamespace(text=after)
    read = [SimpleNamespace(line=2, quantity=SimpleNamespace(input="36 million"))]
    elsewhere = [SimpleNamespace(line=1, quantity=SimpleNamespace(input="36 million"))]
    related = [matching.finding_view({"rule": "growth", "severity": "ok", "lines": [2]})]
    assert check_eval._why_missed(original, copy, [], p, []) == "unread"
    assert check_eval._why_missed(original, copy, elsewhere, p, []) == "unread"
    assert check_eval._why_missed(original, copy, read, p, []) == "unrelated"
    assert check_eval._why_missed(original, copy, read, p, related) == "related"
    flipped = pk.Planting("d.txt", "T1", "trend", "up from", "down from", "", "")
    assert check_eval._why_missed(original, copy, read, flipped, []) == "unrelated"


def test_an_anchor_of_two_characters_is_found_in_its_context() -> None:
    context = matching.trigrams("流动资产 存货 1,009.5")
    assert matching.overlap("存货", context) == 1.0
    assert matching.overlap("存款", context) == 0.0
    assert matching.overlap("流动资产", context) == 1.0
