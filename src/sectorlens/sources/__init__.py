"""Sources: one adapter per export format (detect → extract → transform), plus reference data."""

from __future__ import annotations

from sectorlens.sources.base import Adapter, Batch, Options, Record
from sectorlens.sources.chunk import Chunk, RawRow
from sectorlens.sources.crunchbase import CrunchbaseAdapter
from sectorlens.sources.crunchbase_odm import CrunchbaseOdmAdapter
from sectorlens.sources.cset import CsetAdapter
from sectorlens.sources.gazetteer import Gazetteer, Place
from sectorlens.sources.generic import GenericAdapter, load_mapping
from sectorlens.sources.india import IndiaAdapter
from sectorlens.sources.itjuzi import ItjuziAdapter
from sectorlens.sources.itjuzi_events import ItjuziEventsAdapter
from sectorlens.sources.normalize import Normalizer, Tally
from sectorlens.sources.nsf_sei import NsfSeiAdapter
from sectorlens.sources.taxonomy import SectorMatch, Taxonomy

#: adapters ``--source auto`` tries, in order
ADAPTERS: dict[str, type[Adapter]] = {
    cls.name: cls
    for cls in (
        ItjuziAdapter,
        ItjuziEventsAdapter,
        CrunchbaseAdapter,
        CrunchbaseOdmAdapter,
        CsetAdapter,
        IndiaAdapter,
        NsfSeiAdapter,
    )
}

__all__ = [
    "ADAPTERS",
    "Adapter",
    "Batch",
    "Chunk",
    "CrunchbaseAdapter",
    "CrunchbaseOdmAdapter",
    "CsetAdapter",
    "Gazetteer",
    "GenericAdapter",
    "IndiaAdapter",
    "ItjuziAdapter",
    "ItjuziEventsAdapter",
    "Normalizer",
    "NsfSeiAdapter",
    "Options",
    "Place",
    "RawRow",
    "Record",
    "SectorMatch",
    "Tally",
    "Taxonomy",
    "load_mapping",
]
