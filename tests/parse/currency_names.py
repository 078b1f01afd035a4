"""The currency names of ``data/currencies.csv``, from CLDR (through Babel), and the check.

``python tests/parse/currency_names.py`` rewrites the CSV: for every active ISO 4217 code its
English name and, after the hand-written short forms already in the file (``澳元``, ``卢布``,
``US$``), CLDR's names in Simplified and Traditional Chinese, Korean (with and without the
space: ``캐나다 달러``/``캐나다달러``) and English (singular and plural). ``test_currency_table``
checks the file against CLDR so the table and the parser never drift apart.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

CSV = Path(__file__).resolve().parents[2] / "src" / "sectorlens" / "data" / "currencies.csv"
LOCALES = ("zh", "zh_Hant", "ko", "en")


def cldr_names(code: str) -> list[str]:
    """CLDR's names of ``code`` in the locales above (Babel must be installed)."""
    from babel.numbers import get_currency_name

    names: list[str] = []
    for locale in LOCALES:
        for count in (None, 2) if locale == "en" else (None,):
            name = get_currency_name(code, count=count, locale=locale)
            if name == code:
                continue
            names.append(name)
            if locale == "ko" and " " in name:
                names.append(name.replace(" ", ""))
    return list(dict.fromkeys(names))


def read() -> list[dict[str, str]]:
    """The rows of the CSV."""
    return list(csv.DictReader(CSV.read_text(encoding="utf-8").splitlines()))


def rebuild(codes: list[str]) -> str:
    """The CSV text: existing rows kept (their words first), every code in ``codes`` present."""
    from babel.numbers import get_currency_name

    rows = {r["code"]: r for r in read()}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["code", "en", "words"])
    for code in [*rows, *sorted(set(codes) - set(rows))]:
        row = rows.get(code)
        # A new row does not list its code as a word: ``sources`` takes a word found anywhere in
        # a sentence as evidence, and short codes occur inside other words (TOP in "TOP10").
        words = row["words"].split("|") if row else []
        en = row["en"] if row else get_currency_name(code, locale="en")
        seen = {w.casefold() for w in words}
        for name in cldr_names(code):
            if name.casefold() not in seen:
                words.append(name)
                seen.add(name.casefold())
        writer.writerow([code, en, "|".join(words)])
    return out.getvalue()


if __name__ == "__main__":
    sys.path.insert(0, str(CSV.parents[2]))
    from sectorlens.parse._lexicon import ISO_CODES

    CSV.write_text(rebuild(sorted(ISO_CODES)), encoding="utf-8")
