"""Country cells → ISO 3166-1 alpha-2 codes, from data: ``pycountry`` (alpha-2, alpha-3, numeric,
English names and their Korean, Chinese and Japanese translations), the gazetteer's countries and
``data/country_names.csv`` (common names and words for "abroad").

A country cell is read as a country, never as a place: ``IN`` is India (not Indiana), ``DE``
Germany (not Delaware). A word for "abroad" (``国外``, ``해외``) names no country; text that names
no known country resolves to nothing and is kept raw by the caller.
"""

from __future__ import annotations

import csv
import gettext
import unicodedata
from collections.abc import Iterable
from importlib import resources

_LANGUAGES = ("ko", "zh_CN", "zh_TW", "zh_HK", "ja")


def country_key(text: str) -> str:
    """A lookup key: width and case folded, dots and extra spaces dropped."""
    folded = unicodedata.normalize("NFKC", text).casefold().replace(".", " ").replace("_", " ")
    return " ".join(folded.split())


class Countries:
    """An index of country names and codes; build one with ``Countries.load`` and pass it on."""

    def __init__(self, pairs: Iterable[tuple[str, str]], fixed: Iterable[tuple[str, str]]) -> None:
        found: dict[str, set[str]] = {}
        for name, code in pairs:
            if name.strip():
                found.setdefault(country_key(name), set()).add(code)
        # a name two countries share is not used; the curated names always are
        self._index = {k: next(iter(v)) for k, v in found.items() if len(v) == 1}
        self._abroad: set[str] = set()
        for name, code in fixed:
            if code:
                self._index[country_key(name)] = code
            else:
                self._abroad.add(country_key(name))
        self.codes = frozenset(self._index.values())

    @classmethod
    def load(cls, gazetteer_countries: Iterable[tuple[str, Iterable[str]]] = ()) -> Countries:
        """pycountry's codes and names, plus ``gazetteer_countries`` (code, names) and the
        bundled ``data/country_names.csv``."""
        import pycountry  # imported on first use: only loads with country cells pay for it

        pairs: list[tuple[str, str]] = []
        translations = [_translation(pycountry.LOCALES_DIR, lang) for lang in _LANGUAGES]
        for country in pycountry.countries:
            code = country.alpha_2
            names: list[str] = [
                country.alpha_2,
                country.alpha_3,
                country.numeric,
                str(int(country.numeric)),
            ]
            english = [getattr(country, a, None) for a in ("name", "official_name", "common_name")]
            names.extend(n for n in english if n)
            for t in translations:
                if t is not None:
                    names.extend(t.gettext(n) for n in english if n)
            pairs.extend((name, code) for name in names)
        for code, more in gazetteer_countries:
            pairs.extend((name, code) for name in more)
        text = resources.files("sectorlens").joinpath("data/country_names.csv").read_text("utf-8")
        fixed = [
            (name, row["code"].strip())
            for row in csv.DictReader(text.splitlines())
            for name in row["names"].split("|")
        ]
        return cls(pairs, fixed)

    def resolve(self, text: str) -> str | None:
        """The alpha-2 code ``text`` names (a code, number or name), or None."""
        return self._index.get(country_key(text))

    def subdivision(self, country: str, text: str) -> str | None:
        """The ISO 3166-2 code of a subdivision of ``country`` named by its code (``QC``) or its
        name (``Quebec``), or None."""
        import pycountry

        key = country_key(text)
        if not key:
            return None
        found = pycountry.subdivisions.get(code=f"{country}-{text.strip().upper()}")
        if found is not None:
            return str(found.code)
        for sub in pycountry.subdivisions.get(country_code=country) or ():
            if country_key(sub.name) == key:
                return str(sub.code)
        return None

    def abroad(self, text: str) -> bool:
        """True when ``text`` is a word for "abroad": some country, but not which."""
        return country_key(text) in self._abroad


def _translation(folder: str, lang: str) -> gettext.NullTranslations | None:
    try:
        return gettext.translation("iso3166-1", folder, languages=[lang])
    except OSError:
        return None
