"""Hypothesis fuzzing of the readers: random bytes and encodings never give a traceback or hang.

Every outcome is a load (each row accounted for) or one clear ``SectorlensError``; the time is
bounded by the input's size (well under 1 s per MB).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sectorlens.errors import SectorlensError
from sectorlens.ingest import Context, ingest

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "gb18030", "big5", "cp949", "shift_jis", "cp1252"]
SUFFIXES = [".csv", ".tsv", ".jsonl", ".xlsx"]
MAPPING = """
[source]
name = "fz"
default_currency = "USD"
[columns]
company_name = "a"
amount = "b"
place = "c"
deal_date = "d"
"""

_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _run(path: Path, ctx: Context, source: str = "auto") -> None:
    size = max(path.stat().st_size, 1)
    started = time.perf_counter()
    try:
        results = ingest(None, [path], source=source, preview=3, context=ctx)
    except SectorlensError as exc:
        assert str(exc).strip(), "an error says what is wrong"
    else:
        for r in results:
            assert r.rows_read == r.deals + r.companies + r.observations + sum(r.rejects.values())
    took = time.perf_counter() - started
    assert took < 2 + size / 1_000_000, f"{took:.1f} s for {size} bytes"


@_SETTINGS
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes(tmp_path: Path, ctx: Context, data: bytes, suffix: str) -> None:
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    _run(path, ctx)


_CELL = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), max_codepoint=0x2FFFF), max_size=30
)


@_SETTINGS
@given(
    rows=st.lists(st.lists(_CELL, min_size=0, max_size=6), min_size=1, max_size=30),
    encoding=st.sampled_from(ENCODINGS),
    delimiter=st.sampled_from([",", "\t", ";"]),
)
def test_random_tables_in_random_encodings(
    tmp_path: Path, ctx: Context, rows: list[list[str]], encoding: str, delimiter: str
) -> None:
    lines = ["a,b,c,d".replace(",", delimiter)]
    lines += [delimiter.join(row) for row in rows]
    text = "\n".join(lines) + "\n"
    path = tmp_path / "table.csv"
    path.write_bytes(text.encode(encoding, errors="replace"))
    mapping = tmp_path / "m.toml"
    mapping.write_text(MAPPING, "utf-8")
    _run(path, ctx, str(mapping))


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_each_encoding_reads_back_the_same_names(
    tmp_path: Path, ctx: Context, encoding: str
) -> None:
    names = ["Acme", "Société Générale", "Zürich AG"]
    if encoding not in {"cp1252"}:
        names += ["北京科技", "서울테크", "東京商事"] if encoding.startswith("utf") else []
    if encoding in {"gb18030"}:
        names += ["北京科技有限公司", "上海智能", "深圳芯片"] * 3
    if encoding == "cp949":
        names += ["서울테크", "부산로보틱스", "대전바이오"] * 3
    if encoding == "big5":
        names += ["臺北科技", "新竹晶片", "高雄機器人"] * 3
    if encoding == "shift_jis":
        names += ["東京商事", "大阪ロボット", "京都バイオ"] * 3
    names = [n for n in names if _encodable(n, encoding)]
    path = tmp_path / "names.csv"
    body = "a,b,c,d\n" + "".join(f"{n},{i + 1},,2020-01-01\n" for i, n in enumerate(names))
    path.write_bytes(body.encode(encoding))
    mapping = tmp_path / "m.toml"
    mapping.write_text(MAPPING, "utf-8")
    result = ingest(None, [path], source=str(mapping), preview=len(names), context=ctx)[0]
    got = [d.fields["company_name"] for d in result.sample]
    assert got == names, result.encoding


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


@pytest.mark.parametrize("kind", ["bytes", "quotes", "one_line"])
def test_a_megabyte_of_noise_is_bounded(tmp_path: Path, ctx: Context, kind: str) -> None:
    import random

    rng = random.Random(12)
    if kind == "bytes":
        data = rng.randbytes(1 << 20)
    elif kind == "quotes":  # unbalanced quotes make the csv module join lines
        data = b"a,b,c,d\n" + bytes(rng.choice(b'",\n\r abc') for _ in range(1 << 20))
    else:
        data = b"a,b,c,d\n" + b"x" * (1 << 20)
    path = tmp_path / "noise.csv"
    path.write_bytes(data)
    mapping = tmp_path / "m.toml"
    mapping.write_text(MAPPING, "utf-8")
    _run(path, ctx, str(mapping))
