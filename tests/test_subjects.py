"""Subjects are data sets: the code names none of them, each brings its own world and report."""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
import yaml
from typer.testing import CliRunner

from sectorlens.cli import app
from sectorlens.errors import InputError
from sectorlens.fx import FxRates
from sectorlens.model import Status
from sectorlens.report import build_report, render_markdown, write_report
from sectorlens.sources.gazetteer import Gazetteer
from sectorlens.sources.taxonomy import Taxonomy
from sectorlens.store import ensure_reference, load_reference, read_reference, stored_reference
from sectorlens.store.refdata import OBS_COLUMNS, TARGET_COLUMNS
from sectorlens.store.subject import SCHEMA, SECTION_COMMON, SECTION_KEYS
from sectorlens.subjects import PLACE_COLUMNS, bundled_subjects, sector_spec
from tiny_dataset import SUBJECT, write_dataset

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "sectorlens"
GOLDEN = Path(__file__).parent / "golden"
INDIA, CHINA = "india_startups", "cn_ai_2021"

# Where a word of a subject's vocabulary is not a subject's default: currency words of the parse
# contract (위안 → CNY, a bare $ → USD with the assumption recorded), adapters of exports whose
# format states the currency of every row (an `AmountInUSD` column), and a few other uses. Each
# exemption is one (module, word) and says why; a test checks that each is still needed.
EXEMPT = {
    ("parse/", "*"): "currency words of the parse contract (元 → CNY, 달러 → USD)",
    ("sources/crunchbase.py", "USD"): "the export's raised_amount_usd column",
    ("sources/crunchbase_odm.py", "USD"): "the export's raised_amount_usd column",
    ("sources/india.py", "USD"): "the export's AmountInUSD column",
    ("sources/india.py", "IN"): "the India export's rows are all in one country (its format)",
    ("sources/nsf_sei.py", "USD"): "NSF tables are in millions of US dollars",
    ("sources/units.py", "USD"): "a bare $ in a header is USD by the parse contract (recorded)",
    ("sources/generic.py", "USD"): "a parse trick: the currency is dropped when none is known",
    ("sources/countries.py", "India"): "docstring: a country cell IN is a country, not a state",
    ("ingest/checks.py", "USD"): "the plausibility ceiling is stated as USD 1 tn",
    ("metrics/registry.py", "USD"): "currencies suggested first in an error message",
    ("metrics/__init__.py", "USD"): "docstring example of a call",
}


def _exempt(name: str, word: str) -> bool:
    return any(
        (name == module or (module.endswith("/") and name.startswith(module)))
        and allowed in ("*", word)
        for module, allowed in EXEMPT
    )


GENERIC_WORDS = {"other"}  # a sector id that is also an everyday word in code ("the other side")


@pytest.fixture(scope="module")
def fx() -> FxRates:
    return FxRates()


def _vocabulary(subject: str) -> dict[str, set[str]]:
    """A subject's own words: scope countries (codes, names), currencies, sectors, clusters."""
    path = bundled_subjects()[subject]
    data = read_reference(path)
    spec, places = data.presentation["subject"], data.presentation["places"]
    codes, names, ids = set(), set(), set()
    for country in spec["scope"]["countries"]:
        codes.add(country)
        names |= {v for k, v in places[country].items() if k != "kind" and len(v) > 1}
    codes |= set((spec.get("currency") or {}).values()) | {spec.get("home_currency") or ""}
    sectors = sector_spec(path) or {}
    ids |= set(sectors.get("categories") or {}) | set(sectors.get("layers") or {})
    clusters = path / "clusters.yaml"
    for cluster in yaml.safe_load(clusters.read_text("utf-8")) if clusters.exists() else []:
        ids.add(cluster["id"])
        names |= {str(cluster[k]) for k in ("en", "ko", "zh") if cluster.get(k)}
    return {"codes": codes - {""}, "names": names, "ids": ids - GENERIC_WORDS}


def _modules() -> Iterator[tuple[str, str]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path.relative_to(PACKAGE).as_posix(), path.read_text("utf-8")


def test_no_module_names_a_subjects_country_currency_sector_or_cluster() -> None:
    hits = []
    for subject in bundled_subjects():
        words = _vocabulary(subject)
        quoted = [*words["codes"], *words["ids"]]
        patterns = [re.compile(rf"""["']{re.escape(w)}["']""") for w in quoted]
        patterns += [re.compile(rf"(?<!\w){re.escape(w)}(?!\w)") for w in words["names"]]
        for name, text in _modules():
            for pattern in patterns:
                for match in pattern.finditer(text):
                    if _exempt(name, match.group(0).strip("\"'")):
                        continue
                    line = text.count("\n", 0, match.start()) + 1
                    hits.append(f"{name}:{line}: {match.group(0)} ({subject})")
    assert not hits, "data-set vocabulary in the code:\n" + "\n".join(hits)


def test_the_vocabulary_check_can_fail(tmp_path: Path) -> None:
    words = _vocabulary(CHINA)
    assert {"CN", "CNY", "KRW"} <= words["codes"] and "computer_vision" in words["ids"]
    assert {"China", "中国", "중국", "Greater Bay Area"} <= words["names"]
    assert "IN" in _vocabulary(INDIA)["codes"] and "healthtech" in _vocabulary(INDIA)["ids"]


def test_each_exemption_is_still_needed() -> None:
    vocab = set().union(*(set().union(*_vocabulary(s).values()) for s in bundled_subjects()))
    for (name, word), reason in EXEMPT.items():
        paths = sorted((PACKAGE / name).rglob("*.py")) if name.endswith("/") else [PACKAGE / name]
        text = "".join(p.read_text("utf-8") for p in paths)
        words = vocab if word == "*" else {word}
        assert any(w in text for w in words), f"{name} no longer needs its exemption: {reason}"


# -- the data-set reference (docs/dataset.md) lists the loader's keys -------------------------
def _documented() -> dict[str, list[str]]:
    text = (REPO / "docs" / "dataset.md").read_text("utf-8")
    out: dict[str, list[str]] = {}
    for block in re.split(r"<!-- keys: ", text)[1:]:
        name, _, rest = block.partition(" -->")
        table = rest.strip().split("\n\n")[0]  # the table right after the marker
        rows = [line for line in table.splitlines() if line.startswith("| `")]
        out[name] = [re.match(r"\| `([^`]+)`", r).group(1) for r in rows]  # type: ignore[union-attr]
    return out


def test_docs_list_the_same_keys_as_the_loader() -> None:
    documented = _documented()
    for name, keys in SCHEMA.items():
        assert documented.get(name) == list(keys), name
    assert documented["places.csv"] == list(PLACE_COLUMNS)
    assert documented["observations"] == OBS_COLUMNS
    assert documented["targets"] == TARGET_COLUMNS
    assert documented["statuses"] == [s.value for s in Status]
    assert documented["section kinds"] == list(SECTION_KEYS)
    text = (REPO / "docs" / "dataset.md").read_text("utf-8")
    kinds = {
        m.group(1): m.group(2)
        for m in re.finditer(r"^\| `(\w+)` \| ([^|]*) \|", text, re.M)
        if m.group(1) in SECTION_KEYS
    }
    for kind, keys in SECTION_KEYS.items():
        assert set(re.findall(r"`(\w+)`", kinds[kind])) >= set(keys), kind
    assert all(f"`{k}`" in text for k in SECTION_COMMON)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            ("scope: {countries: [ZZ]}", "scope: {countries: [ZZ], colour: red}"),
            r"subject\.yaml:3: unknown key 'colour'",
        ),
        (
            ("scope: {countries: [ZZ]}", "scope: {countries: [China]}"),
            r"subject\.yaml:3: scope\.countries",
        ),
        (("scope: {countries: [ZZ]}\n", ""), r"needs `scope"),
        (
            ("currency: {ko: KRW, en: USD}", "currency: {ko: KRW, fr: EUR}"),
            r"subject\.yaml:5: unknown key 'fr'",
        ),
        (
            ("currency: {ko: KRW, en: USD}", "currency: {ko: won}"),
            r"subject\.yaml:5: currency maps",
        ),
        (
            ("    where: {metric: size}", "    where: {metric: size}\n    colour: red"),
            r"subject\.yaml:11: unknown key 'colour'",
        ),
    ],
)
def test_subject_errors_name_file_line_and_key(
    tmp_path: Path, edit: tuple[str, str], message: str
) -> None:
    text = SUBJECT.format(id="tiny")
    subject = text.replace(*edit)
    assert subject != text
    root = write_dataset(tmp_path / "ds", "tiny", subject=subject)
    with pytest.raises(InputError, match=message):
        read_reference(root)


def test_a_sector_taxonomy_is_checked_with_file_line(tmp_path: Path) -> None:
    bad = "categories:\n  a: {en: A}\nsources:\n  x:\n    field:\n      Foo: b\n"
    root = write_dataset(tmp_path / "ds", extra={"sectors.yaml": bad})
    with pytest.raises(InputError, match=r"sectors\.yaml:6: 'Foo' maps to unknown sector 'b'"):
        read_reference(root)
    # a name with a comma in a YAML flow mapping splits into keys: named, not swallowed
    unquoted = "categories:\n  a: {en: Deep tech (AI, IoT), ko: 딥테크}\nsources: {}\n"
    root = write_dataset(tmp_path / "ds2", extra={"sectors.yaml": unquoted})
    with pytest.raises(InputError, match=r"sectors\.yaml:2: unknown key 'IoT\)'"):
        read_reference(root)


# -- each subject brings its world ------------------------------------------------------------
def test_each_export_is_classified_by_its_own_subjects_taxonomy() -> None:
    taxonomy = Taxonomy.load()
    health = taxonomy.match("india", "vertical", "Health Care")
    assert health is not None and health.category == "healthtech" and health.layer is None
    itjuzi = taxonomy.match("itjuzi", "subsector", "寻医诊疗")
    assert itjuzi is not None and itjuzi.category == "smart_medical"
    only_china = Taxonomy.load(subjects=[bundled_subjects()[CHINA]])
    assert only_china.match("india", "vertical", "Health Care") is None


def test_clusters_come_from_the_subjects() -> None:
    world = Gazetteer.load()
    assert world.resolve(("Gurgaon",), country="IN").cluster == "NCR"
    assert world.resolve(("京津冀",)).cluster == "JJJ"
    bare = Gazetteer.load(subjects=[])
    assert bare.resolve(("Gurgaon",), country="IN").cluster is None
    assert bare.resolve(("北京",)).province == "CN-BJ" and bare.resolve(("北京",)).cluster is None


def test_every_bundled_figure_parses_back_from_its_published_form() -> None:
    from sectorlens.parse import parse

    checked = 0
    rows = (bundled_subjects()[INDIA] / "observations" / "published.csv").read_text("utf-8")
    for row in csv.DictReader(rows.splitlines()):
        if not row["as_published"]:
            continue
        text = row["as_published"]
        got = parse(text, default_currency=row["currency"] or None)
        low = Decimal(row["low"] or row["value"])
        high = Decimal(row["high"] or row["value"])
        assert (got.low, got.high) == (low, high), (row["obs_id"], text, got)
        if row["currency"]:
            assert got.currency == row["currency"], row["obs_id"]
        checked += 1
    assert checked >= 40


def test_every_figure_names_where_it_was_read() -> None:
    data = read_reference(bundled_subjects()[INDIA])
    for obs in data.observations:
        source = next(s for s in data.sources if s.source_id == obs.source_id)
        assert source.url and source.publisher and obs.locator, obs.obs_id
        assert obs.note and ("Original:" in obs.note or "Derived" in obs.note), obs.obs_id


# -- the India report -----------------------------------------------------------------------
@pytest.fixture(scope="module")
def india() -> Iterator[duckdb.DuckDBPyConnection]:
    con = duckdb.connect(":memory:")
    from sectorlens.store import ensure_schema

    ensure_schema(con)
    ensure_reference(con, INDIA)
    yield con
    con.close()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_india_report_matches_golden(
    india: duckdb.DuckDBPyConnection, fx: FxRates, lang: str
) -> None:
    text = render_markdown(
        build_report(india, lang, fx=fx, font="x", subject=INDIA, today=date(2026, 1, 1))
    )
    path = GOLDEN / f"india.{lang}.md"
    if os.environ.get("SECTORLENS_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_india_report_has_no_china_vocabulary(
    india: duckdb.DuckDBPyConnection, fx: FxRates, lang: str, tmp_path: Path
) -> None:
    china, own = _vocabulary(CHINA), _vocabulary(INDIA)
    # a word both data sets declare for themselves (Fintech) is not a leak
    mine = set().union(*own.values()) | _names_of(INDIA)
    terms = (set().union(*china.values()) | _names_of(CHINA)) - mine
    built = build_report(india, lang, fx=fx, font="x", subject=INDIA)
    files = write_report(built, tmp_path, cache_dir=None)  # HTML with the charts' SVG inline
    for text in (files.markdown.read_text("utf-8"), files.html.read_text("utf-8")):
        found = sorted(t for t in terms if re.search(rf"(?<![\w-]){re.escape(t)}(?![\w-])", text))
        assert not found, found
    assert "Maharashtra" in render_markdown(built) or "마하라슈트라" in render_markdown(built)


def _names_of(subject: str) -> set[str]:
    spec = sector_spec(bundled_subjects()[subject]) or {}
    out = set()
    for group in ("categories", "layers"):
        for names in (spec.get(group) or {}).values():
            out |= {str(v) for k, v in names.items() if k in {"ko", "en", "zh"}}
    return out


def test_both_subjects_live_in_one_store(india: duckdb.DuckDBPyConnection, fx: FxRates) -> None:
    load_reference(india, bundled_subjects()[CHINA], current=False)
    assert stored_reference(india).dataset_id == INDIA  # the first loaded stays current
    china = render_markdown(build_report(india, "en", fx=fx, font="x", subject=CHINA))
    assert china.startswith("# China's artificial intelligence (AI) industry")


def test_datasets_command_lists_the_bundled_subjects() -> None:
    result = CliRunner().invoke(app, ["datasets"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith(f"{CHINA} (default)  China's artificial intelligence")
    assert any(
        line.startswith(f"{INDIA}  India's start-up ecosystem, 2015–2021  [scope: IN 2015–2021]")
        for line in lines[1:]
    )
    ko = CliRunner().invoke(app, ["datasets", "--lang", "ko"])
    assert "인도 스타트업 생태계" in ko.output


def test_report_subject_option(tmp_path: Path) -> None:
    store = tmp_path / "s.duckdb"
    CliRunner().invoke(app, ["db", "init", "--db", str(store)])
    bad = CliRunner().invoke(app, ["report", "--subject", "nowhere", "--db", str(store)])
    assert bad.exit_code != 0


def test_a_data_set_in_the_store_brings_its_taxonomy_to_ingest(tmp_path: Path) -> None:
    from sectorlens.ingest.run import Context
    from sectorlens.store import connect
    from sectorlens.store.reference import subject_folders

    sectors = (
        "categories:\n  widgets: {en: Widgets}\n"
        "sources:\n  tinysrc:\n    sector:\n      Gizmos: widgets\n"
    )
    clusters = "- id: zz_valley\n  country: ZZ\n  members: [US-CA]\n  en: Widget Valley\n"
    root = write_dataset(
        tmp_path / "ds", extra={"sectors.yaml": sectors, "clusters.yaml": clusters}
    )
    con = connect(tmp_path / "s.duckdb")
    load_reference(con, root)
    assert subject_folders(con) == [root]
    ctx = Context.default(subject_folders(con))
    found = ctx.taxonomy.match("tinysrc", "sector", "gizmos")
    assert found is not None and found.category == "widgets"
    assert ctx.gazetteer.resolve(("Widget Valley",)).cluster == "zz_valley"
    assert Context.default().taxonomy.match("tinysrc", "sector", "gizmos") is None
    con.close()
