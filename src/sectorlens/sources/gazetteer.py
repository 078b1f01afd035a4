"""Places: names in any language resolved to country / province / city / district / cluster codes.

All knowledge is data: the generic ``data/places.csv`` (id, kind, parent, cluster, names in
en/zh/zh_hant/ko/pinyin and aliases) with each subject's place additions and clusters
(``sectorlens.subjects``). A place path (country, province, city, …) is walked
from the broadest part down; a part that is not in the gazetteer below a resolved place is kept as
the district (below a city) or the city (below a province/state), never guessed.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from sectorlens.sources.countries import Countries
from sectorlens.subjects import merge_places, world_directories, world_places


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.read_text("utf-8").splitlines()))


PLACE_KINDS = ("cluster", "continent", "country", "municipality", "province", "state", "city")
_NAME_COLUMNS = ("en", "zh", "zh_hant", "ko", "pinyin")


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the gazetteer."""

    id: str
    kind: str
    parent: str | None
    cluster: str | None
    names: dict[str, str]
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place; codes are gazetteer ids (country ISO 3166-1, province ISO 3166-2)."""

    country: str | None = None
    region: str | None = None
    province: str | None = None
    city: str | None = None
    district: str | None = None
    cluster: str | None = None
    unresolved: tuple[str, ...] = ()

    @property
    def resolved(self) -> bool:
        """True when at least one part was found in the gazetteer."""
        return any((self.country, self.region, self.province, self.city, self.cluster))


def _key(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).casefold().strip()
    return " ".join(text.replace(".", " ").replace("_", " ").split())


class Gazetteer:
    """An index of place names; build one with ``Gazetteer.load()`` and pass it on."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: dict[str, Entry] = {}
        self._index: dict[str, list[str]] = {}
        named: dict[tuple[str, str], int] = {}
        for entry in entries:
            self.entries[entry.id] = entry
            for lang, name in entry.names.items():
                named[lang, name] = named.get((lang, name), 0) + 1
            for name in {*entry.names.values(), *entry.aliases}:
                if name:
                    ids = self._index.setdefault(_key(name), [])
                    if entry.id not in ids:
                        ids.append(entry.id)
        # names two places share in one language (산시: Shanxi and Shaanxi in Korean)
        self._shared = {key for key, n in named.items() if n > 1}
        self._countries: Countries | None = None

    @property
    def countries(self) -> Countries:
        """Country codes and names (pycountry and data), with this gazetteer's countries."""
        if self._countries is None:
            self._countries = Countries.load(
                (e.id, [*e.names.values(), *e.aliases])
                for e in self.entries.values()
                if e.kind == "country"
            )
        return self._countries

    def country_place(self, code: str) -> Place:
        """The place of a whole country (its region too when the gazetteer knows it)."""
        entry = self.entries.get(code)
        if entry is not None and entry.kind == "country":
            return self._apply(Place(), entry)
        return Place(country=code)

    @classmethod
    def load(cls, path: Path | None = None, *, subjects: Sequence[Path] | None = None) -> Gazetteer:
        """The generic gazetteer with the places and clusters of ``subjects`` (default: the
        bundled subjects); or only the places file ``path``."""
        if path is not None:
            rows = merge_places(_rows(path))
        else:
            rows = world_places(world_directories() if subjects is None else subjects)
        return cls.from_rows(rows)

    @classmethod
    def from_rows(cls, rows: Iterable[dict[str, str]]) -> Gazetteer:
        """A gazetteer of place rows (``sectorlens.subjects.PLACE_COLUMNS``)."""
        return cls(
            Entry(
                id=row["id"],
                kind=row["kind"],
                parent=row.get("parent") or None,
                cluster=row.get("cluster") or None,
                names={c: row[c] for c in _NAME_COLUMNS if row.get(c)},
                aliases=tuple(a for a in (row.get("aliases") or "").split("|") if a),
            )
            for row in rows
        )

    def name(self, place_id: str, lang: str = "en") -> str:
        """The display name of ``place_id`` in ``lang`` (English when missing)."""
        entry = self.entries.get(place_id)
        if entry is None:
            return place_id
        if lang in entry.names:
            return self._display(entry, lang)
        return entry.names.get("en") or place_id

    def display_names(self, entry: Entry) -> dict[str, str]:
        """``entry``'s display names per language (see :meth:`name`)."""
        return {lang: self._display(entry, lang) for lang in entry.names}

    def _display(self, entry: Entry, lang: str) -> str:
        # a name another place shares in this language gets the English one beside it
        name, english = entry.names[lang], entry.names.get("en")
        if (lang, name) in self._shared and english and english != name:
            return f"{name} ({english})"
        return name

    def lookup(self, name: str, within: str | None = None) -> Entry | None:
        """The entry called ``name``; among several, the one below ``within``; None if unsure."""
        ids = self._index.get(_key(name))
        if not ids:
            return None
        if len(ids) == 1:
            entry = self.entries[ids[0]]
            return (
                entry
                if within is None or self._below(entry.id, within) or not self._scoped(entry)
                else None
            )
        if within is not None:
            below = [i for i in ids if self._below(i, within)]
            if len(below) == 1:
                return self.entries[below[0]]
        return None  # ambiguous (e.g. 산시 is both Shanxi and Shaanxi): not guessed

    def _scoped(self, entry: Entry) -> bool:
        # Sub-national entries only match inside their own country when a scope is given.
        return entry.kind in {"province", "municipality", "state", "city"}

    def _below(self, place_id: str, ancestor: str) -> bool:
        seen = 0
        current: str | None = place_id
        while current is not None and seen < 10:
            if current == ancestor:
                return True
            entry = self.entries.get(current)
            current = entry.parent if entry else None
            seen += 1
        return False

    def resolve(
        self, parts: Sequence[str], *, country: str | None = None, strict: bool = False
    ) -> Place:
        """Resolve a place path, broadest part first, optionally inside a known country (an
        ISO code). With ``strict`` (the country came from the row itself) a part is looked up
        only inside that country; else a place named abroad wins over a default country. A word
        for "abroad" (``国外``) leaves the place unresolved, without a country."""
        home = self.entries.get(country) if country else None
        place = self._apply(Place(), home) if home is not None else Place(country=country)
        scope = country
        unresolved: list[str] = []
        for raw in parts:
            part = raw.strip()
            if not part:
                continue
            if self.countries.abroad(part):
                return Place(unresolved=(part,))
            entry = self.lookup(part, within=scope)
            if entry is None and scope is not None and place.city is None and not strict:
                entry = self.lookup(part)  # e.g. a city abroad next to a home-country record
            if entry is None and place.country and place.province is None:
                # a state or province the gazetteer lacks: ISO 3166-2 (pycountry) knows it
                sub = self.countries.subdivision(place.country, part)
                if sub is not None:
                    place = replace(place, province=sub)
                    continue
            if entry is None:
                place, known = self._keep(place, part)
                if not known:
                    unresolved.append(part)
                continue
            place = self._apply(place, entry)
            scope = entry.id
        return replace(place, unresolved=tuple(unresolved))

    def _keep(self, place: Place, part: str) -> tuple[Place, bool]:
        """Keep an unknown part where the path puts it; False when the gazetteer should know it.

        A district below a city, or a city below a province, is expected to be missing from a
        gazetteer of provinces and major cities; a city directly below a country is kept as the
        export's own city but still reported, so the gazetteer can be extended.
        """
        if place.city is not None and place.district is None:
            return replace(place, district=part), True
        if place.province is not None and place.city is None:
            return replace(place, city=part), True
        if place.country is not None and place.city is None:
            return replace(place, city=part), False
        return place, False

    def _apply(self, place: Place, entry: Entry) -> Place:
        chain = self._chain(entry)
        fields: dict[str, str | None] = {}
        for item in chain:
            if item.kind == "continent":
                fields["region"] = item.id
            elif item.kind == "country":
                fields["country"] = item.id
            elif item.kind in {"province", "state"}:
                fields["province"] = item.id
            elif item.kind == "municipality":
                fields["province"] = item.id
                fields["city"] = item.names.get("en", item.id)
            elif item.kind == "city":
                fields["city"] = item.names.get("en", item.id)
            if item.cluster:
                fields["cluster"] = item.cluster
            if item.kind == "cluster":
                fields["cluster"] = item.id
        if entry.kind in {"country", "continent"} and place.country not in (
            None,
            fields.get("country"),
        ):
            fields.setdefault("province", None)
        return replace(place, **fields)  # type: ignore[arg-type]

    def _chain(self, entry: Entry) -> list[Entry]:
        chain = [entry]
        while chain[-1].parent and chain[-1].parent in self.entries and len(chain) < 10:
            chain.append(self.entries[chain[-1].parent])
        return list(reversed(chain))
