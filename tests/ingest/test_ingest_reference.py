"""The gazetteer, the sector taxonomy and cell repair, on their own."""

from __future__ import annotations

from pathlib import Path

import pytest

from sectorlens.errors import InputError
from sectorlens.ingest import Context, ingest
from sectorlens.sources.gazetteer import Gazetteer
from sectorlens.sources.taxonomy import Taxonomy
from sectorlens.sources.text import excel_artefact, looks_like_date, repair


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("parts", "country", "expected"),
    [
        (("北京", "海淀区"), None, ("CN", "CN-BJ", "Beijing", "海淀区", "JJJ")),
        (("广东", "深圳"), None, ("CN", "CN-GD", "Shenzhen", None, "GBA")),
        (("浙江", "杭州"), None, ("CN", "CN-ZJ", "Hangzhou", None, "YRD")),
        (("北美洲", "美国"), None, ("US", None, None, None, None)),
        (("香港", "中西区"), None, ("CN", "CN-HK", "Hong Kong", "中西区", "GBA")),
        (("廣東", "廣州"), None, ("CN", "CN-GD", "Guangzhou", None, "GBA")),  # traditional
        (("광둥", "선전"), None, ("CN", "CN-GD", "Shenzhen", None, "GBA")),  # Korean
        (("Guangdong", "Shenzhen"), None, ("CN", "CN-GD", "Shenzhen", None, "GBA")),
        (
            ("Gurgaon",),
            "IN",
            ("IN", "IN-HR", "Gurugram", None, "NCR"),
        ),  # the India subject's cluster
        (("Gurugram",), "IN", ("IN", "IN-HR", "Gurugram", None, "NCR")),
        (("Bangalore",), "IN", ("IN", "IN-KA", "Bengaluru", None, None)),
        (("CA", "Mountain View"), "US", ("US", "US-CA", "Mountain View", None, None)),
    ],
)
def test_places_resolve(
    gazetteer: Gazetteer,
    parts: tuple[str, ...],
    country: str | None,
    expected: tuple[str | None, ...],
) -> None:
    place = gazetteer.resolve(parts, country=country)
    got = (place.country, place.province, place.city, place.district, place.cluster)
    assert got == expected


@pytest.mark.parametrize(
    "name",
    [
        "京津冀",
        "징진지",
        "Jing-Jin-Ji",
        "长三角",
        "창장삼각주",
        "Yangtze River Delta",
        "粤港澳大湾区",
        "웨강아오",
        "Greater Bay Area",
    ],
)
def test_clusters_by_any_name(gazetteer: Gazetteer, name: str) -> None:
    place = gazetteer.resolve((name,))
    assert place.cluster in {"JJJ", "YRD", "GBA"} and place.country == "CN"


def test_ambiguous_names_are_not_guessed(gazetteer: Gazetteer) -> None:
    place = gazetteer.resolve(("산시",))  # Korean for both 山西 and 陕西
    assert place.province is None and place.unresolved == ("산시",)


def test_a_name_two_places_share_is_shown_with_the_english_name(gazetteer: Gazetteer) -> None:
    assert (gazetteer.name("CN-SX", "ko"), gazetteer.name("CN-SN", "ko")) == (
        "산시 (Shanxi)",
        "산시 (Shaanxi)",
    )
    assert gazetteer.name("CN-SN", "en") == "Shaanxi" and gazetteer.name("CN-BJ", "ko") == "베이징"


def test_taxonomy_maps_and_leaves_unknowns() -> None:
    taxonomy = Taxonomy.load()
    robots = taxonomy.classify("itjuzi", {"subsector": "机器人", "sector": "硬件"})
    assert robots is not None and (robots.category, robots.layer) == ("robots", "application")
    chips = taxonomy.match("itjuzi", "subsector", "芯片半导体")
    assert chips is not None and chips.layer == "basic"
    assert taxonomy.match("crunchbase", "category", "analytics") is not None
    assert taxonomy.match("india", "vertical", "Fin-Tech") == taxonomy.match(
        "india", "vertical", "FinTech"
    )
    assert taxonomy.classify("itjuzi", {"subsector": "消费电子", "sector": "硬件"}) is None


def test_taxonomy_rejects_unknown_categories(tmp_path: Path) -> None:
    bad = tmp_path / "sectors.yaml"
    bad.write_text(
        "layers: {basic: {en: B}}\ncategories: {x: {en: X, layer: basic}}\n"
        "sources: {s: {f: {a: nope}}}\n",
        "utf-8",
    )
    with pytest.raises(InputError, match="unknown 'nope'"):
        Taxonomy.load(bad)


def test_cell_repairs() -> None:
    assert repair("agÃ¡mi") == ("agámi", ("mojibake",))
    assert repair("\\\\xc2\\\\xa0Gurgaon") == (" Gurgaon", ("escape_text",))
    assert repair("北京-海淀区，（中文）") == ("北京-海淀区，（中文）", ())  # full-width kept
    assert repair("BYJU\ufffdS")[1] == ("replacement_char",)
    assert excel_artefact("#NAME?") == "error" and excel_artefact("#####") == "hashes"
    assert looks_like_date("4/12/13") and not looks_like_date("1750000")


def test_progress_is_reported_through_the_callback(tmp_path: Path, ctx: Context) -> None:
    path = tmp_path / "deals.tsv"
    mapping = tmp_path / "m.toml"
    mapping.write_text('[columns]\ncompany_name = "c"\namount = "a"\n', "utf-8")
    path.write_text("c\ta\n" + "".join(f"n{i}\t{i}\n" for i in range(3000)), "utf-8")
    calls: list[tuple[int, int]] = []
    ingest(
        None,
        [path],
        source=str(mapping),
        preview=1,
        context=ctx,
        progress=lambda p, done, total: calls.append((done, total)),
    )
    assert calls and calls[-1][0] == calls[-1][1] == path.stat().st_size
