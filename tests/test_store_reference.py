"""Loading the reference data set into the store: idempotent, replaceable, read back intact."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from sectorlens.errors import InputError, StoreError
from sectorlens.store import (
    bundled_dataset,
    ensure_reference,
    load_reference,
    read_reference,
    store_status,
    stored_reference,
)
from sectorlens.store.refdata import reference_digest
from sectorlens.store.reference import stored_subjects
from tiny_dataset import write_dataset


def _counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return store_status(con).counts


def test_init_twice_changes_nothing(con: duckdb.DuckDBPyConnection) -> None:
    first = load_reference(con)
    before = _counts(con)
    second = load_reference(con)
    assert first.loaded and not second.loaded
    assert second.load_id == first.load_id
    assert _counts(con) == before
    assert before["loads"] == 1
    assert before["observations"] == len(read_reference().observations)


def test_forced_reload_replaces_rows_and_records_a_new_load(con: duckdb.DuckDBPyConnection) -> None:
    first = load_reference(con)
    again = load_reference(con, force=True)
    counts = _counts(con)
    assert again.loaded and again.load_id != first.load_id
    assert counts["loads"] == 2
    assert counts["observations"] == len(read_reference().observations)
    (loaded_by,) = con.execute("SELECT DISTINCT load_id FROM observations").fetchall()
    assert loaded_by == (again.load_id,)


def test_records_read_back_equal_the_files(con: duckdb.DuckDBPyConnection) -> None:
    load_reference(con)
    stored = stored_reference(con)
    data = read_reference()
    assert sorted(stored.observations, key=lambda o: o.obs_id) == sorted(
        data.observations, key=lambda o: o.obs_id
    )
    assert set(stored.sources.values()) == set(data.sources)
    assert set(stored.policies) == set(data.policies)
    assert set(stored.targets) == set(data.targets)
    assert stored.presentation["subject"]["id"] == data.dataset_id


def _renamed_copy(tmp_path: Path, new_id: str) -> Path:
    other = tmp_path / new_id
    shutil.copytree(bundled_dataset(), other)
    subject = other / "subject.yaml"
    subject.write_text(
        subject.read_text(encoding="utf-8").replace("id: cn_ai_2021", f"id: {new_id}"),
        encoding="utf-8",
    )
    return other


def test_ensure_loads_once_and_leaves_another_data_set_alone(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    assert ensure_reference(con) is not None
    assert ensure_reference(con) is None  # already current
    fresh = duckdb.connect(":memory:")
    from sectorlens.store import ensure_schema

    ensure_schema(fresh)
    load_reference(fresh, _renamed_copy(tmp_path, "another_industry"))
    assert ensure_reference(fresh) is None  # a store holding another data set is left alone
    assert stored_reference(fresh).dataset_id == "another_industry"


def test_two_subjects_share_a_store_and_an_id_clash_is_named(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    first = load_reference(con)
    other = _renamed_copy(tmp_path, "another_industry")
    with pytest.raises(InputError, match=r"source_id '\w+' is already used by another data set"):
        load_reference(con, other)
    # a data set with its own ids loads beside the first, which stays the current subject
    other = write_dataset(tmp_path / "tiny", "another_industry")
    second = load_reference(con, other, current=False)
    assert second.loaded
    assert stored_subjects(con) == {"another_industry": second.load_id, "cn_ai_2021": first.load_id}
    assert stored_reference(con).dataset_id == "cn_ai_2021"
    mine, theirs = stored_reference(con, "cn_ai_2021"), stored_reference(con, "another_industry")
    assert len(mine.observations) == len(read_reference().observations)
    assert len(theirs.observations) == 2
    assert not {o.obs_id for o in mine.observations} & {o.obs_id for o in theirs.observations}
    with pytest.raises(StoreError, match="holds no subject 'nothing'"):
        stored_reference(con, "nothing")


def test_an_unchanged_store_is_checked_without_reading_the_data(
    con: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sectorlens.store import reference

    ensure_reference(con)
    assert reference_digest() == read_reference().sha256

    def fail(directory: Path | None = None) -> None:
        raise AssertionError("read the data set although its bytes are the loaded ones")

    monkeypatch.setattr(reference, "read_reference", fail)
    assert ensure_reference(con) is None


def test_rows_inserted_in_chunks_read_back_equal(
    con: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sectorlens.store import reference

    monkeypatch.setattr(reference, "_ROWS_PER_INSERT", 7)  # 168 observations: 24 statements
    load_reference(con)
    stored, data = stored_reference(con), read_reference()
    assert set(stored.observations) == set(data.observations)
    assert set(stored.sources.values()) == set(data.sources)
