"""Where a deal is: a place cell read with the row's own country cell, or a default country."""

from __future__ import annotations

from sectorlens.sources.gazetteer import Place
from sectorlens.sources.normalize import Located, Normalizer, blank_cell


def locate(
    norm: Normalizer, raw: str, country_cell: str = "", default: str | None = None
) -> Located:
    """A place cell with the row's own country cell (which wins, and inside which the place is
    looked up) or else a default country (which explicit foreign text overrides).

    An empty place stays the whole country, never a subdivision whose code looks like a
    country code; a country cell that names no country is kept raw and counted."""
    named = norm.split_places(raw) if raw and not blank_cell(raw) else ()
    text = raw or None
    countries = norm.gazetteer.countries
    hierarchy = len(named) > 1 and all(len(p) == 1 for p in named)
    if hierarchy and countries.resolve(named[-1][0]) is not None:
        named = (tuple(p[0] for p in reversed(named)),)  # "City, State, Country": one place
    if country_cell and not blank_cell(country_cell):
        code = norm.country(country_cell)
        shown = " / ".join(p for p in (country_cell, raw) if p)
        if code is None:
            return Located(shown, Place(unresolved=(country_cell,)), len(named))
        if not named:
            return Located(shown, norm.gazetteer.country_place(code))
        return Located(shown, norm.place(named[0], country=code, strict=True), len(named))
    home = None
    if default:
        home = norm.country(default) or (default if default in countries.codes else None)
    if not named:
        return Located(text, norm.gazetteer.country_place(home) if home else None)
    return Located(text, norm.place(named[0], country=home), len(named))
