"""``sectorlens parse``: JSON lines, stdin, the table, bad options."""

from __future__ import annotations

import io
import json

import pytest

KEYS = [
    "input",
    "kind",
    "value",
    "low",
    "high",
    "qualifier",
    "currency",
    "unit",
    "start",
    "end",
    "equivalent",
    "reason",
    "assumptions",
    "low_open",
    "high_open",
]


def test_json_one_object_per_input_in_order(cli) -> None:
    result = cli(
        "parse", "--json", "861억1000만 위안(16조원)", "数千万人民币", "2021년 1~7월", "x?"
    )
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["input"] for r in rows] == [
        "861억1000만 위안(16조원)",
        "数千万人民币",
        "2021년 1~7월",
        "x?",
    ]
    assert all(list(r) == KEYS for r in rows)
    money, vague, period, bad = rows
    assert (money["kind"], money["value"], money["currency"]) == ("money", "86110000000", "CNY")
    assert money["equivalent"]["value"] == "16000000000000"
    assert list(money["equivalent"]) == KEYS
    assert (vague["low"], vague["high"], vague["qualifier"]) == ("10000000", "100000000", "range")
    assert (period["start"], period["end"]) == ("2021-01-01", "2021-07-31")
    assert bad["kind"] == "unparsed" and bad["reason"]


def test_default_currency_and_stdin(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("$5m\n\n20,00,00,000\n"))
    result = cli("parse", "--json", "--default-currency", "USD", "-")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["kind"] for r in rows] == ["money", "unparsed", "number"]
    assert rows[0]["currency"] == "USD"
    assert rows[1]["reason"] == "empty"
    assert rows[2]["value"] == "200000000"


def test_as_money_and_dates(cli) -> None:
    result = cli("parse", "--json", "--as", "money", "--default-currency", "USD", "1750000")
    assert json.loads(result.stdout)["currency"] == "USD"
    result = cli("parse", "--json", "--as", "period", "--date-format", "dmy", "09/01/2020")
    assert json.loads(result.stdout)["start"] == "2020-01-09"


def test_table(cli) -> None:
    result = cli("parse", "74.29%", "未透露")
    assert result.exit_code == 0
    assert "percent" in result.stdout and "74.29" in result.stdout
    assert "undisclosed" in result.stdout


def test_bad_currency_option(cli) -> None:
    result = cli("parse", "--default-currency", "dollars", "5")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ")
    assert "Traceback" not in result.stderr


def test_dollar_sign_reads_usd_and_says_it_was_assumed(cli) -> None:
    result = cli("parse", "--json", "$10M")
    d = json.loads(result.stdout)
    assert (d["kind"], d["value"], d["currency"]) == ("money", "10000000", "USD")
    assert d["assumptions"] and "assumed" in d["assumptions"][0]
    table = cli("parse", "$10M", "千万级美元", "만원 미만", "N/A")
    assert table.exit_code == 0
    assert "10000000 USD" in table.stdout and "assumed" in table.stdout
    assert "[10000000, 100000000) USD" in table.stdout and "< 10000 KRW" in table.stdout
    assert "missing" in table.stdout
