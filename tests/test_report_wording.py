"""Report wording: Korean particles, message catalogues, unknown languages."""

from __future__ import annotations

import pytest

from sectorlens.errors import UsageError
from sectorlens.report.wording import LANGS, Wording, _messages, josa


@pytest.mark.parametrize(
    ("word", "pair", "expected"),
    [
        ("시장 규모", "은/는", "시장 규모는"),
        ("베이징", "이/가", "베이징이"),
        ("74.29%", "은/는", "74.29%는"),  # 퍼센트: no final consonant
        ("1,858억 2,000만 위안(추정)", "으로/로", "1,858억 2,000만 위안(추정)으로"),
        ("16곳", "이/가", "16곳이"),
        ("5곳", "이/가", "5곳이"),
        ("506건", "으로/로", "506건으로"),
        ("서울", "으로/로", "서울로"),  # ㄹ takes 로
        ("2017", "으로/로", "2017로"),  # 칠: ㄹ
        ("2013", "을/를", "2013을"),  # 삼: ㅁ
        ("2012", "을/를", "2012를"),  # 이: none
        ("응용 분야", "은/는", "응용 분야는"),
    ],
)
def test_josa_follows_the_sound_of_the_last_syllable(word: str, pair: str, expected: str) -> None:
    assert josa(word, pair) == expected


def _keys(node: object, prefix: str = "") -> set[str]:
    if not isinstance(node, dict):
        return {prefix}
    out: set[str] = set()
    for key, value in node.items():
        out |= _keys(value, f"{prefix}.{key}" if prefix else key)
    return out


def test_every_message_exists_in_every_language() -> None:
    catalogues = {lang: _keys(_messages(lang)) for lang in LANGS}
    assert catalogues["ko"] == catalogues["en"]
    assert len(catalogues["ko"]) > 100


def test_unknown_language_and_missing_message() -> None:
    with pytest.raises(UsageError, match="unknown language 'fr'"):
        Wording("fr")
    with pytest.raises(KeyError, match=r"no ko message 'nope\.nothing'"):
        Wording("ko").say("nope.nothing")


def test_a_leading_space_survives_and_runs_of_space_collapse() -> None:
    en, ko = Wording("en"), Wording("ko")
    assert en.say("status.suffix", status="estimate") == " (estimate)"
    assert ko.say("status.suffix", status="추정") == "(추정)"
    assert "  " not in ko.say(
        "report.intro", base="x", n_obs=1, n_sources=1, home="위안", reader="원"
    )
