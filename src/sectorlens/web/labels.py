"""Display names (ko/en) of the codes in the data: places, sectors, chain layers, rounds."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import duckdb

from sectorlens.errors import StoreError
from sectorlens.store import stored_reference

LANGS = ("ko", "en")
UNKNOWN = {"ko": "(미상)", "en": "(unknown)"}
_ROUND_WORDS = {
    "seed": {"ko": "시드", "en": "Seed"},
    "angel": {"ko": "엔젤", "en": "Angel"},
    "pre_ipo": {"ko": "Pre-IPO", "en": "Pre-IPO"},
    "ipo": {"ko": "IPO", "en": "IPO"},
    "post_ipo": {"ko": "상장 후", "en": "Post-IPO"},
    "c_or_later": {"ko": "시리즈 C 이후", "en": "Series C or later"},
    "m_and_a": {"ko": "인수·합병", "en": "M&A"},
    "strategic": {"ko": "전략적 투자", "en": "Strategic"},
    "debt": {"ko": "부채", "en": "Debt"},
    "venture": {"ko": "벤처", "en": "Venture"},
    "bridge": {"ko": "브리지", "en": "Bridge"},
    "mezzanine": {"ko": "메자닌", "en": "Mezzanine"},
    "private_equity": {"ko": "사모(PE)", "en": "Private equity"},
    "corporate": {"ko": "기업 투자", "en": "Corporate"},
    "grant": {"ko": "보조금", "en": "Grant"},
    "crowdfunding": {"ko": "크라우드펀딩", "en": "Crowdfunding"},
    "new_third_board": {"ko": "신삼판", "en": "New Third Board"},
    "new_third_board_placement": {"ko": "신삼판 증자", "en": "New Third Board placement"},
    "other": {"ko": "기타", "en": "Other"},
}
Names = Mapping[str, Mapping[str, Mapping[str, str]]]  # dimension → code → lang → name


def round_name(code: str, lang: str) -> str:
    """``a`` → ``Series A`` / ``시리즈 A``, ``b_plus`` → ``Series B+``, ``pre_a`` → ``Pre-A``."""
    if code in _ROUND_WORDS:
        return _ROUND_WORDS[code][lang]
    letter, _, rest = code.partition("_")
    if code.startswith("pre_") and len(code) == 5:
        return f"Pre-{code[-1].upper()}"
    if len(letter) == 1 and letter.isalpha() and rest in ("", "plus"):
        name = letter.upper() + ("+" if rest else "")
        return f"시리즈 {name}" if lang == "ko" else f"Series {name}"
    return code.replace("_", " ")


class Labels:
    """Names of codes per dimension and language; a code without a name is shown as is."""

    def __init__(self, names: Names) -> None:
        self._names = names

    def name(self, dimension: str, code: Any, lang: str) -> str:
        """The display name of ``code`` on ``dimension`` in ``lang``."""
        if code is None or code == "":
            return UNKNOWN.get(lang, UNKNOWN["en"])
        text = str(code)
        entry = self._names.get(dimension, {}).get(text)
        if entry:
            return entry.get(lang) or entry.get("en") or text
        if dimension == "round":
            return round_name(text, lang)
        return text

    def codes(self, dimension: str, text: str) -> list[str]:
        """The codes on ``dimension`` one of whose names (any language) is ``text`` (any case)."""
        wanted = text.strip().casefold()
        return [
            code
            for code, names in self._names.get(dimension, {}).items()
            if wanted == code.casefold() or any(wanted == n.casefold() for n in names.values())
        ]


def _add(out: dict[str, dict[str, dict[str, str]]], dim: str, code: str, names: Any) -> None:
    """Names of ``code`` unless it has some already (the bundled taxonomies come first)."""
    if isinstance(names, Mapping) and code not in out.get(dim, {}):
        picked = {k: str(v) for k, v in names.items() if k in (*LANGS, "zh") and v}
        if picked:
            out.setdefault(dim, {})[code] = picked


def load_labels(con: duckdb.DuckDBPyConnection) -> Labels:
    """Labels of the store's current subject: its places, sectors and the data set's own labels."""
    out: dict[str, dict[str, dict[str, str]]] = {}
    try:
        presentation = stored_reference(con).presentation
    except StoreError:
        presentation = {}
    _from_places(out, presentation.get("places") or {})
    labels = presentation.get("labels") or {}
    for code, names in (labels.get("geographies") or {}).items():
        for dim in ("country", "region"):
            _add(out, dim, str(code), names)
    for dim, entries in (labels.get("segments") or {}).items():
        for code, names in (entries or {}).items():
            _add(out, str(dim), str(code), names)
    return Labels(out)


def _from_places(
    out: dict[str, dict[str, dict[str, str]]], places: dict[str, dict[str, str]]
) -> None:
    kinds = {
        "country": ("country",),
        "region": ("continent",),
        "province": ("province", "municipality", "state"),
        "city": ("city", "municipality"),
        "cluster": ("cluster",),
    }
    for code, names in places.items():
        for dim, accepted in kinds.items():
            if names.get("kind") in accepted:
                _add(out, dim, code, names)
