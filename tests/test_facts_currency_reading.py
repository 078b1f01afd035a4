"""Which currency a figure is read in: currency words inside other words, unit statements, ISO
codes and signs, codes that name no amount, a currency cell; and an assumed currency shown in
the output (issue 16 §4).
"""

from __future__ import annotations

import pytest

from sectorlens.facts import extract, from_text

# --- currency words inside other words and in unit statements -------------------------------------


@pytest.mark.parametrize("text", ["매출원가", "직원 수", "엔진 매출", "불확실성", "单元数量"])
def test_a_currency_syllable_inside_a_word_names_no_currency(text: str) -> None:
    from sectorlens.parse import currency_in

    assert currency_in(text) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("(단위: 억 원)", "KRW"),
        ("주당 배당금(원)", "KRW"),
        ("(단위: 백만 엔)", "JPY"),
        ("营业收入(元)", "CNY"),
    ],
)
def test_a_currency_in_a_unit_statement_is_still_read(text: str, code: str) -> None:
    from sectorlens.parse import currency_in

    assert currency_in(text) == code


# --- output: what a reading assumed is shown -------------------------------------------------

DOLLARS = "Revenue rose from $120 million in 2019 to $150 million in 2020, an increase of 40%.\n"


def test_assumed_currency_is_shown_in_text_json_and_html(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    doc = tmp_path / "r.txt"
    doc.write_text(DOLLARS, encoding="utf-8")
    data = json.loads(cli("check", str(doc), "--json").stdout)
    (f,) = [f for f in data["findings"] if f["severity"] == "error"]
    assert f["assumptions"] == ["USD assumed for '$': no currency named"]
    assert f["facts"][0]["assumptions"] == ["USD assumed for '$': no currency named"]
    text = cli("check", str(doc), "--lang", "en").stdout
    assert "assumed: USD assumed for '$'" in text
    page = tmp_path / "r.html"
    assert cli("check", str(doc), "--html", str(page)).exit_code in (0, 1)
    assert "USD assumed for &#39;$&#39;" in page.read_text(encoding="utf-8")


def test_no_assumption_is_shown_where_the_currency_is_named(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    doc = tmp_path / "r.txt"
    doc.write_text(DOLLARS.replace("$", "USD "), encoding="utf-8")
    data = json.loads(cli("check", str(doc), "--json").stdout)
    assert all(f["assumptions"] == [] for f in data["findings"])


# --- currencies from the parser's words ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [("CHF 5 million", "CHF"), ("NT$ 5 billion", "TWD"), ("THB 100 million", "THB")],
)
def test_every_iso_code_and_sign_the_parser_reads_is_a_candidate(text: str, code: str) -> None:
    (m,) = extract(from_text(f"Sales were {text} in 2023.")).mentions
    assert m.fact.quantity.currency == code


@pytest.mark.parametrize("text", ["AMD 2022 annual report", "TOP 10 기업", "The ALL STAR 10 list"])
def test_a_code_before_a_year_or_a_small_number_is_no_amount(text: str) -> None:
    assert [m for m in extract(from_text(text)).mentions if m.fact.quantity.currency] == []


def test_a_currency_cell_joins_the_number_beside_it() -> None:
    text = "| Item | 2023 |\n|---|---|---|\n| Revenue | CHF | 1,200 |\n| Cost | C$ | 300 |\n"
    ex = extract(from_text(text, fmt="md"))
    assert [m.fact.quantity.currency for m in ex.mentions] == ["CHF", "CAD"]
