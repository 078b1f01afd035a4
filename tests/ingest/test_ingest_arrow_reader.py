"""Delimited text read by Arrow (sources.arrowcsv) is read exactly as the csv path reads it.

Each file is read both ways (``textfile.FAST`` on and off), chunk by chunk: refs, cells, repair
flags, pre-repair text, rows not header-wide. Plain files stay on the Arrow path; a part the
csv module would read otherwise (a blank line, a short row, a NUL, a record over lines not in
UTF-8, too many lines not in UTF-8) hands the file to the csv path, which skips the records
already given; errors are the csv path's own.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import TODAY
from sectorlens.errors import InputError
from sectorlens.ingest import Context, ingest
from sectorlens.sources import arrowcsv, textfile
from sectorlens.sources.chunk import MAX_CELL, Chunk
from sectorlens.sources.readers import inspect, open_table
from sectorlens.sources.text import DAMAGE
from sectorlens.store import connect

HEADER = b"company_permalink,company_name,funding_round_type,funded_at,raised_amount_usd\r\n"


def _rows(n: int, start: int = 0, end: bytes = b"\r\n") -> bytes:
    return b"".join(
        b"/company/c%d,Firma %d,series-a,2020-03-%02d,%d%s" % (i, i, 1 + i % 28, 1000 * i, end)
        for i in range(start, start + n)
    )


def _read(
    path: Path, fast: bool, monkeypatch: pytest.MonkeyPatch, chunk_rows: int = 3
) -> tuple[Any, list[int]]:
    """Every chunk of ``path`` read one way, and the records the csv path was asked to skip."""
    skips: list[int] = []
    real = textfile._delimited_chunks

    def spy(*args: Any) -> Iterator[Chunk]:
        skips.append(args[-1])
        return real(*args)

    with monkeypatch.context() as patch:
        patch.setattr(textfile, "FAST", fast)
        patch.setattr(textfile, "_delimited_chunks", spy)
        header, chunks = open_table(path, inspect(path), chunk_rows=chunk_rows)
        got = [
            (
                list(c.refs),
                [c.cells_of(i) or c.values_of(i) for i in range(len(c))],
                dict(c.flags),
                dict(c.original),
                dict(c.values),
                c.blank_rows(),
                [c.text(name) for name in header],
                [c.raw(name) for name in header],
            )
            for c in chunks
        ]
    return (header, got), skips


def _both(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, list[int]]:
    """The chunks of ``path`` (the same both ways) and the Arrow path's hand-overs."""
    fast, skips = _read(path, True, monkeypatch)
    slow, slow_skips = _read(path, False, monkeypatch)
    assert slow_skips == [0]
    assert fast == slow
    return fast, skips


def test_plain_utf8_with_quotes_and_cells_over_lines_stays_on_arrow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "rounds.csv"
    body = (
        b'/company/a,"Kim, Lee & Co",seed,2021-01-05,100\r\n'
        b'/company/b,"say ""hi""",series-b,2021-02-05,\r\n'
        b'/company/c,"two\nlines",seed,2021-03-05,5\r\n'
        b'/company/d,"three\r\nlines\rhere",seed,2021-04-05,6\r\n'
        b"/company/e,\xe4\xb8\x8a\xe6\xb5\xb7 AI,angel,2021-05-05,7\r\n"
        b"/company/f, padded ,seed,2021-06-05,8"
    )
    path.write_bytes(HEADER + body)
    (_, chunks), skips = _both(path, monkeypatch)
    assert skips == []  # never handed to the csv path
    refs = [r for chunk in chunks for r in chunk[0]]
    assert refs == ["L2", "L3", "L4", "L6", "L9", "L10"]
    assert chunks[0][1][1][1] == 'say "hi"'


def test_legacy_lines_damaged_and_oversized_cells_are_repaired_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "rounds.csv"
    big = b"x" * (MAX_CELL + 10)
    body = (
        _rows(4)
        + b"/company/m,Caf\xc3\x83\xc2\xa9 Lyon,seed,2021-01-05,100\r\n"  # mojibake
        + b"/company/n,Soci\xe9t\xe9 G\xe9n\xe9rale,seed,2021-01-05,100\r\n"  # cp1252 line
        + b"/company/o,a\\xc2\\xa0b,seed,2021-01-05,100\r\n"  # literal escapes
        + b"/company/p,"
        + big
        + b",seed,2021-01-05,100\r\n"
        + b"/company/q,\xef\xbf\xbd lost,seed,2021-01-05,100\r\n"
        + _rows(4, 10)
    )
    path.write_bytes(HEADER + body)
    (_, chunks), skips = _both(path, monkeypatch)
    assert skips == []
    flags = {f for chunk in chunks for row in chunk[2].values() for f in row}
    assert {"legacy_encoding", "cell_too_large:company_name"} <= flags
    assert any(f.startswith("mojibake:") for f in flags)
    assert any(f.startswith("escape_text:") for f in flags)
    cells = [cell for chunk in chunks for row in chunk[1] for cell in row]
    assert "Société Générale" in cells


def test_real_text_repair_leaves_alone_and_any_white_space_read_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "rounds.csv"
    quoted = "\u201cAI\u201d \u2014 caf\u00e9 \u00b7 na\u00efve"  # real text, not damage
    body = (
        _rows(2)
        + f"/company/a,{quoted},seed,2021-01-05,1\r\n".encode()
        + b"/company/m,Caf\xc3\x83\xc2\xa9 \xe2\x80\x9cLyon\xe2\x80\x9d,seed,2021-01-05,2\r\n"
        + f"/company/b,{quoted},seed,2021-01-05,3\r\n".encode()
        + "/company/w,\u3000\x1cWide\u2003,\tseed\x0b,2021-01-05,4\r\n".encode()
        + _rows(2, 10)
    )
    path.write_bytes(HEADER + body)
    (header, chunks), skips = _both(path, monkeypatch)
    assert skips == []
    names = [cell for chunk in chunks for cell in chunk[6][header.index("company_name")]]
    assert names.count(quoted) == 2 and "Wide" in names
    rounds = [cell for chunk in chunks for cell in chunk[6][header.index("funding_round_type")]]
    assert rounds[5] == "seed"
    flags = [row for chunk in chunks for row in chunk[2].values()]
    assert flags == [("mojibake:company_name",)]  # only the damaged row is flagged


def test_text_of_some_rows_is_their_text(tmp_path: Path) -> None:
    path = tmp_path / "rounds.csv"
    body = (
        _rows(3)
        + b"/company/m,\xe3\x80\x80Caf\xc3\x83\xc2\xa9 ,seed,2021-01-05,2\r\n"
        + _rows(4, 9)
    )
    path.write_bytes(HEADER + body)
    _header, chunks = open_table(path, inspect(path), chunk_rows=8)
    chunk = next(iter(chunks))
    assert chunk.arrow is not None
    for rows in ([3], [7, 3, 0], list(range(8)), None):
        for name in ("company_name", "raised_amount_usd"):
            whole = chunk.text(name)
            assert chunk.text_of(name, rows) == (
                whole if rows is None else [whole[i] for i in rows]
            )
    assert chunk.text_of("company_name", [3]) == ["Café"]


def test_mac_line_ends_with_mac_roman_lines_stay_on_arrow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "rounds.csv"
    body = _rows(5, end=b"\r") + b"/company/z,Z\x9frich AG,seed,2021-01-05,1\r" + _rows(5, 7, b"\r")
    path.write_bytes(HEADER.replace(b"\r\n", b"\r") + body)
    (_, chunks), skips = _both(path, monkeypatch)
    assert skips == []
    assert any("Zürich AG" in row for chunk in chunks for row in chunk[1])


def test_lines_not_utf8_spread_through_a_big_chunk_stay_on_arrow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # one line in 50 not UTF-8, 12 of them in the first chunk: csv reads the file; so does Arrow
    # (legacy lines are counted against the lines before each, not before the chunk)
    body = b"".join(
        b"/company/g%d,Gr\xfcn %d,seed,2021-01-05,1\r\n" % (i, i) if i % 50 == 25 else _rows(1, i)
        for i in range(600)
    )
    path = tmp_path / "rounds.csv"
    path.write_bytes(HEADER + body)
    fast, skips = _read(path, True, monkeypatch, chunk_rows=600)
    slow, _ = _read(path, False, monkeypatch, chunk_rows=600)
    assert fast == slow
    assert skips == []
    # ten in the first 90 lines: over a tenth of the lines before the tenth, left to csv
    crowded = b"".join(
        b"/company/g%d,Gr\xfcn,seed,2021-01-05,1\r\n" % i if i % 9 == 0 else _rows(1, i)
        for i in range(200)
    )
    path.write_bytes(HEADER + crowded)
    fast, skips = _read(path, True, monkeypatch, chunk_rows=200)
    assert fast == _read(path, False, monkeypatch, chunk_rows=200)[0]
    assert skips == [0]


@pytest.mark.parametrize(
    "trouble",
    [
        b"\r\n",  # a blank line
        b",,,,\r\n",  # a record of empty cells only
        b"/company/s,short row\r\n",  # not header-wide (Arrow stops at its block)
        b"/company/w,too,wide,2021-01-05,1,extra\r\n",
        b'/company/t,"M\xfcller\nGmbH",seed,2021-01-05,1\r\n',  # over lines, not UTF-8
        b"/company/x,nul\x00here,seed,2021-01-05,1\r\n",  # a NUL: left to csv
    ],
)
def test_a_part_csv_reads_otherwise_is_handed_to_the_csv_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, trouble: bytes
) -> None:
    path = tmp_path / "rounds.csv"
    path.write_bytes(HEADER + _rows(20) + trouble + _rows(5, 40))
    monkeypatch.setattr(arrowcsv, "BLOCK", 256)  # Arrow's blocks: a few records each
    (_, chunks), skips = _both(path, monkeypatch)
    assert len(skips) == 1
    assert 0 < skips[0] <= 20  # the chunks before it came from Arrow
    assert skips[0] % 3 == 0
    assert sum(len(chunk[0]) for chunk in chunks) >= 25


@pytest.mark.parametrize(
    "trouble",
    [
        # UTF-8 for as long as the encoding is chosen from, then most lines not UTF-8
        b"".join(b"/company/l%d,Gr\xfcn,seed,2021-01-05,1\r\n" % i for i in range(8000)),
        b'/company/big,"' + b"x" * ((1 << 20) + 1) + b'",seed,2021-01-05,1\r\n',
    ],
    ids=["many-lines-not-utf8", "field-beyond-csv-limit"],
)
def test_files_the_csv_path_refuses_get_its_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, trouble: bytes
) -> None:
    path = tmp_path / "rounds.csv"
    path.write_bytes(HEADER + _rows(6000) + trouble)
    errors = []
    for fast in (True, False):
        with pytest.raises(InputError) as caught:
            _read(path, fast, monkeypatch)
        errors.append(str(caught.value))
    assert errors[0] == errors[1]


@pytest.mark.parametrize(
    "content",
    [
        HEADER + b"\xef\xbb\xbf" + _rows(3),  # a byte order mark opening line 2
        b'"company_permalink",company_name,funding_round_type,funded_at,raised_amount_usd\n'
        + _rows(3),
        b"only_one_column\n1\n2\n",
    ],
    ids=["bom-on-line-2", "quoted-header", "one-column"],
)
def test_files_arrow_does_not_start_on_are_read_by_csv(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes
) -> None:
    path = tmp_path / "rounds.csv"
    path.write_bytes(content)
    _, skips = _both(path, monkeypatch)
    assert skips == [0]


def _store(path: Path, ctx: Context, fast: bool, monkeypatch: pytest.MonkeyPatch) -> Any:
    con = connect(path.with_suffix(f".{fast}.duckdb"))
    with monkeypatch.context() as patch:
        patch.setattr(textfile, "FAST", fast)
        result = ingest(con, [path], context=ctx, today=TODAY, chunk_rows=4)[0]
    deals = con.execute("SELECT * EXCLUDE (load_id) FROM deals ORDER BY row_ref").fetchall()
    rejects = con.execute(
        "SELECT row_ref, reason, detail, raw FROM rejects ORDER BY row_ref"
    ).fetchall()
    con.close()
    return result.rows_read, result.deals, dict(result.rejects), deals, rejects


def test_a_load_stores_the_same_both_ways(
    tmp_path: Path, ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "rounds.csv"
    body = (
        _rows(6)
        + b"/company/n,Soci\xe9t\xe9 G\xe9n\xe9rale,seed,2021-01-05,100\r\n"
        + b'/company/q,"=HYPERLINK(""x"")",seed,2021-01-05,-5\r\n'
        + b"/company/r,R\r\n"
        + _rows(6, 30)
    )
    path.write_bytes(HEADER + body)
    fast = _store(path, ctx, True, monkeypatch)
    slow = _store(path, ctx, False, monkeypatch)
    assert fast == slow
    assert fast[0] == 15 and fast[2]  # every row read; some rejected


def test_progress_never_goes_back_when_the_csv_path_takes_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "rounds.csv"
    path.write_bytes(HEADER + _rows(40) + b"\r\n" + _rows(40, 100))
    monkeypatch.setattr(arrowcsv, "BLOCK", 256)
    told: list[int] = []
    _header, chunks = open_table(path, inspect(path), progress=told.append, chunk_rows=3)
    assert sum(len(chunk) for chunk in chunks) == 80
    assert told == sorted(set(told))  # only forward
    assert told[-1] == path.stat().st_size


def test_a_column_may_be_damaged_exactly_where_a_damage_character_is() -> None:
    text = "上海人工智能，２０２１年（한국）"  # CJK, full-width forms (lead byte EF), Hangul
    assert not arrowcsv._may_be_damaged(text.encode())
    assert not arrowcsv._may_be_damaged(b"plain ascii")
    for code in [*range(0x80, 0x300, 7), *range(0x2000, 0x3000, 61), 0xFB01, 0xFB02, 0xF8FF]:
        char = chr(code)
        assert DAMAGE.search(char) is None or arrowcsv._may_be_damaged((text + char).encode())
    for char in "\\\ufffd\u201c\u00e9\ufb02\uf8ff":
        assert arrowcsv._may_be_damaged((text + char).encode())


ITJUZI = (
    "公司名称,工商名称,公司网址,成立时间,地点,运营状态,行业,子行业,融资时间,轮次,"
    "融资金额,投资方,融资总额,估值,团队,公司简介,详细地址,公开电话,公开邮箱,笔记"
)


def test_rejected_rows_keep_personal_cells_out_alike(
    tmp_path: Path, ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "companies.csv"
    company = (
        "甲科技,甲有限公司,jia.cn,2015-03-01,北京,运营中,企业服务,SaaS,2018-01-01,A轮,"
        "1000万人民币,乙资本,-,-,张三,“智能”客服,北京路1号,010-1234,a@jia.cn,"
    )
    orphan = ",,,,,,,,2019-01-01,B轮,2000万人民币,丙资本,-,-,李四,,上海路2号,021-5678,b@jia.cn,"
    lines = [ITJUZI, orphan, company, ",,,,,,,,-,-,-,-,-,-,王五,,,,,", company.replace("甲", "丁")]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    fast = _store(path, ctx, True, monkeypatch)
    slow = _store(path, ctx, False, monkeypatch)
    assert fast == slow
    raws = [raw for *_, raw in fast[4]]
    assert len(raws) == 2 and all("公开电话" not in raw and "团队" not in raw for raw in raws)
    assert "丙资本" in raws[0] and "021-5678" not in raws[0]


def test_rows_with_the_same_shown_cells_are_found_once(tmp_path: Path) -> None:
    path = tmp_path / "rounds.csv"
    same = b"/company/a,Alpha,seed,2021-01-05,1\r\n"
    body = (
        same
        + b"/company/b,Beta,seed,2021-01-05,1\r\n"
        + same
        + b"/company/m,Caf\xc3\x83\xc2\xa9,seed,2021-01-05,2\r\n"  # repaired: its own
        + b"/company/a,Alpha,seed,2021-01-05,999\r\n"  # differs in a column hidden below
        + same
    )
    path.write_bytes(HEADER + body)
    _header, chunks = open_table(path, inspect(path), chunk_rows=8)
    chunk = next(iter(chunks))
    assert chunk.arrow is not None and 3 in chunk.patched
    assert chunk.same_rows([0, 1, 2, 3, 4, 5]) == [0, 1, 0, 3, 4, 0]
    assert chunk.same_rows([2, 5]) == [2, 2]
    chunk.hide(frozenset({"raised_amount_usd"}))
    assert chunk.same_rows([1, 2, 4, 5]) == [1, 2, 2, 2]
    assert chunk.values_of(4) == chunk.values_of(2)
